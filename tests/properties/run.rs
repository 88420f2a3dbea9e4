//! A run of a property: a seed that is recorded, and how many cases reached each invariant.

use std::cell::RefCell;
use std::collections::BTreeMap;

use proptest::strategy::Strategy;
use proptest::test_runner::{Config, RngAlgorithm, TestCaseResult, TestError, TestRng, TestRunner};

/// The seed of this run: `PROPERTY_SEED` when set, otherwise a new one (printed with the counts
/// and in any failure, so that a run can be replayed).
fn seed() -> u64 {
    match std::env::var("PROPERTY_SEED") {
        Ok(s) => s.trim().parse().unwrap_or_else(|_| panic!("PROPERTY_SEED must be a number, got {s:?}")),
        Err(_) => {
            let t = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
            (t.as_nanos() as u64) ^ (u64::from(std::process::id()) << 32)
        }
    }
}

fn runner(cases: u32, seed: u64) -> TestRunner {
    let mut bytes = [0u8; 32];
    for (i, b) in bytes.iter_mut().enumerate() {
        *b = (seed >> (8 * (i % 8))) as u8 ^ (i as u8);
    }
    // No failure file: a failure names its seed instead, which replays the whole run.
    let config = Config { cases, failure_persistence: None, ..Config::default() };
    TestRunner::new_with_rng(config, TestRng::from_seed(RngAlgorithm::ChaCha, &bytes))
}

/// How many cases reached each invariant, by name.
#[derive(Default)]
pub struct Exercised(RefCell<BTreeMap<&'static str, usize>>);

impl Exercised {
    /// Counts a case that reached the invariant `name`, and says whether it did.
    pub fn reached(&self, name: &'static str, condition: bool) -> bool {
        if condition {
            *self.0.borrow_mut().entry(name).or_default() += 1;
        }
        condition
    }

    /// Writes the counts to `target/tmp/properties-exercised-<what>.txt` and fails when an
    /// invariant was reached fewer than `minimum` times (or never).
    pub fn report(&self, what: &str, seed: u64, cases: u32, invariants: &[&str], minimum: usize) {
        let counts = self.0.borrow();
        let mut text = format!("{what}: {cases} cases, seed {seed} (PROPERTY_SEED={seed} replays this run)\n");
        let mut short = Vec::new();
        for name in invariants {
            let n = counts.get(name).copied().unwrap_or(0);
            text.push_str(&format!("  {n:>5}  {name}\n"));
            if n < minimum {
                short.push(format!("{name} ({n})"));
            }
        }
        for name in counts.keys().filter(|k| !invariants.contains(k)) {
            short.push(format!("{name} is counted but not listed"));
        }
        let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"));
        let _ = std::fs::write(dir.join(format!("properties-exercised-{what}.txt")), &text);
        print!("{text}");
        assert!(short.is_empty(), "seed {seed}: invariants reached fewer than {minimum} times: {}", short.join(", "));
    }
}

/// Runs `cases` cases of `test` with this run's seed, which it returns; a failure names it.
pub fn run<S: Strategy>(what: &str, cases: u32, strategy: S, test: impl Fn(S::Value) -> TestCaseResult) -> u64
where
    S::Value: std::fmt::Debug,
{
    let seed = seed();
    match runner(cases, seed).run(&strategy, test) {
        Ok(()) => seed,
        Err(TestError::Fail(why, value)) => {
            panic!("{what}, seed {seed} (PROPERTY_SEED={seed} replays it): {why}\nminimal failing input: {value:#?}")
        }
        Err(TestError::Abort(why)) => panic!("{what}, seed {seed}: aborted: {why}"),
    }
}
