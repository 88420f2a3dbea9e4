//! Native benchmark of the core, printed as JSON for scripts/bench.mjs:
//! - evaluation of the fully answered frontier example (median and 95th percentile over
//!   `ITERATIONS` calls): the submission's JSON text read, evaluated, the report written as JSON
//!   text, as `evaluateJson(text)` does in the browser before JavaScript parses the report (the
//!   browser side of the ratio takes that parse out, `scripts/bench.mjs`); with the arguments
//!   `evaluate N`, only that, over N calls;
//! - growth: synthetic packs 10x and 100x the size of the real one (every chapter cloned with
//!   renamed ids), as ratios to the real pack, for two submissions:
//!   - `growth`: the example's answers copied to every copy (renamed like the ids), so each copy
//!     is the same work as the real pack and the ratio shows how the cost grows with the pack
//!     (27,700 answers at 100x: more than a submission may carry, 5,000, so the engine is
//!     called directly, as `evaluate_with`, past that limit);
//!   - `growthUnanswered`: the example's answers alone, so the copies are unanswered and every
//!     one of their questions is in the list of what is still to answer;
//! - `growthCount`: the instructions of one evaluation of the answered packs (x1, x10, x100),
//!   counted by valgrind's callgrind, and their ratios to x1. Unlike the times, the count does
//!   not depend on the cache: it is the work itself, and it is the same from run to run of one
//!   binary. With the argument `counts`, only that; `count FACTOR` is the run that callgrind
//!   watches (it builds the packs uncounted and counts [`counted_evaluation`] alone).
//!
//! Every result passes through `std::hint::black_box`, so that the compiler cannot drop work
//! whose result is unused.
//!
//! ```sh
//! cargo run --release --example bench
//! cargo build --release --example bench && target/release/examples/bench counts
//! ```

use std::hint::black_box;
use std::process::Command;
use std::time::Instant;

use gpai_check::evaluate::evaluate_with;
use gpai_check::{Pack, Submission};
use serde_json::Value;

const ITERATIONS: usize = 1000;
const GROWTH_ROUNDS: usize = 25;

fn percentile(sorted: &[f64], p: f64) -> f64 {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

/// `n` timings of `f` in milliseconds, after a warm-up of up to 50 calls.
fn times(mut f: impl FnMut(), n: usize) -> Vec<f64> {
    for _ in 0..n.min(50) {
        f();
    }
    times_cold(f, n)
}

/// `n` timings of `f` in milliseconds, without a warm-up.
fn times_cold(mut f: impl FnMut(), n: usize) -> Vec<f64> {
    (0..n)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed().as_secs_f64() * 1000.0
        })
        .collect()
}

fn time(f: impl FnMut(), n: usize) -> (f64, f64) {
    let mut ms = times(f, n);
    ms.sort_by(f64::total_cmp);
    (percentile(&ms, 0.5), percentile(&ms, 0.95))
}

/// Renames every id in a pack copy so that `copies` copies of each chapter can live side by side.
fn suffixed(v: &Value, suffix: &str, id_keys: &[&str]) -> Value {
    match v {
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(k, x)| {
                    let renamed = match x {
                        Value::String(s) if id_keys.contains(&k.as_str()) => Value::String(format!("{s}{suffix}")),
                        // A list of measure ids (SME simplifications).
                        Value::Array(a) if k == "measures" && a.iter().all(Value::is_string) => Value::Array(
                            a.iter().map(|m| Value::String(format!("{}{suffix}", m.as_str().unwrap_or("")))).collect(),
                        ),
                        // Option and recipient ids are values of a closed list, not item ids.
                        _ if k == "options" || k == "recipients" => x.clone(),
                        _ => suffixed(x, suffix, id_keys),
                    };
                    (k.clone(), renamed)
                })
                .collect(),
        ),
        Value::Array(a) => Value::Array(a.iter().map(|x| suffixed(x, suffix, id_keys)).collect()),
        other => other.clone(),
    }
}

fn synthetic(base: &Value, factor: usize) -> Pack {
    // Keys whose string values are ids or references to ids (questions, KPIs, forms, measures).
    let keys = ["id", "question", "answered", "kpi", "measure", "formComplete"];
    let mut v = base.clone();
    let mut chapters = Vec::new();
    for copy in 0..factor {
        for ch in base["chapters"].as_array().unwrap() {
            chapters.push(if copy == 0 { ch.clone() } else { suffixed(ch, &format!("~{copy}"), &keys) });
        }
    }
    v["chapters"] = Value::Array(chapters);
    Pack::from_json(&v.to_string()).expect("synthetic pack validates")
}

/// The submission with its answers also given to every copy of a synthetic pack.
fn answered_copies(submission: &Submission, factor: usize) -> Submission {
    let mut s = submission.clone();
    for copy in 1..factor {
        for (q, a) in &submission.answers {
            s.answers.insert(format!("{q}~{copy}"), a.clone());
        }
    }
    s
}

/// Each pack's evaluation time and its ratio to the first pack's (the real one, factor 1).
///
/// The machine's speed moves by a third within seconds, so the sizes are timed in turns, in
/// short rounds (one round times each size for about the same wall time), and each round gives
/// its own ratios; the figure is the median of the rounds' ratios. Timed one after the other,
/// the ratio of 100x to 1x moved between 89 and 168 from run to run.
fn growth(packs: &[(usize, Pack, Submission)]) -> String {
    let largest = packs.iter().map(|(f, ..)| *f).max().unwrap_or(1);
    let mut samples: Vec<Vec<f64>> = vec![Vec::new(); packs.len()];
    let mut ratios: Vec<Vec<f64>> = vec![Vec::new(); packs.len()];
    // One call of each size first, so that no round pays for the first allocations.
    for (_, pack, submission) in packs {
        drop(black_box(evaluate_with(pack, submission)));
    }
    for round_number in 0..GROWTH_ROUNDS {
        // Every other round takes the sizes in the reverse order, so that no size always
        // follows the same one.
        let mut round = vec![0.0; packs.len()];
        let mut order: Vec<usize> = (0..packs.len()).collect();
        if round_number % 2 == 1 {
            order.reverse();
        }
        for i in order {
            let (factor, pack, submission) = &packs[i];
            let mut ms = times_cold(|| drop(black_box(evaluate_with(pack, submission))), largest / factor);
            ms.sort_by(f64::total_cmp);
            round[i] = percentile(&ms, 0.5);
        }
        for (i, m) in round.iter().enumerate() {
            samples[i].push(*m);
            ratios[i].push(m / round[0]);
        }
    }
    let median = |xs: &mut Vec<f64>| {
        xs.sort_by(f64::total_cmp);
        percentile(xs, 0.5)
    };
    let list: Vec<String> = packs
        .iter()
        .enumerate()
        .map(|(i, (factor, ..))| {
            let (m, r) = (median(&mut samples[i]), median(&mut ratios[i]));
            format!(r#"{{"factor": {factor}, "medianMs": {m:.4}, "ratio": {r:.2}}}"#)
        })
        .collect();
    format!("[{}]", list.join(", "))
}

/// One evaluation, the only code callgrind counts (`--toggle-collect`): kept out of line so that
/// its symbol exists, and dropping the report included, as in the timed calls.
#[inline(never)]
fn counted_evaluation(pack: &Pack, submission: &Submission) {
    drop(black_box(evaluate_with(black_box(pack), black_box(submission))));
}

/// `bench count FACTOR`: builds the answered pack of that size and evaluates it twice; the first
/// call (made before counting, as the timed calls have a warm-up) makes the pack's question index.
fn count_run(text: &str, factor: usize) {
    let submission: Submission = serde_json::from_str(text).unwrap();
    let base: Value = serde_json::from_str(gpai_check::pack::builtin()[0].json).unwrap();
    let pack = synthetic(&base, factor);
    let submission = answered_copies(&submission, factor);
    drop(evaluate_with(&pack, &submission));
    counted_evaluation(&pack, &submission);
}

/// The instructions callgrind counted in [`counted_evaluation`] for one run of `bench count
/// FACTOR`, or why there is no count (valgrind missing or failing).
fn instructions(factor: usize) -> Result<u64, String> {
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    let out = std::env::temp_dir().join(format!("gpai-check-callgrind-{}-x{factor}.out", std::process::id()));
    let run = Command::new("valgrind")
        .arg("--tool=callgrind")
        .arg("--toggle-collect=*counted_evaluation*")
        .arg(format!("--callgrind-out-file={}", out.display()))
        .arg(&exe)
        .args(["count", &factor.to_string()])
        .output()
        .map_err(|e| format!("valgrind could not be run ({e})"))?;
    let counted = std::fs::read_to_string(&out);
    let _ = std::fs::remove_file(&out);
    if !run.status.success() {
        let stderr = String::from_utf8_lossy(&run.stderr);
        return Err(format!("valgrind failed: {}", stderr.lines().last().unwrap_or("")));
    }
    total_ir(&counted.map_err(|e| format!("no callgrind output ({e})"))?)
}

/// The total of the `Ir` event in a callgrind output file (its `totals:` line, or `summary:`).
fn total_ir(callgrind_out: &str) -> Result<u64, String> {
    callgrind_out
        .lines()
        .rev()
        .find_map(|l| l.strip_prefix("totals:").or_else(|| l.strip_prefix("summary:")))
        .and_then(|n| n.split_whitespace().next()?.parse().ok())
        .ok_or_else(|| "no total in the callgrind output".to_string())
}

/// The instruction counts of x1, x10 and x100 and their ratios to x1, as JSON; an object with an
/// `error` when there is no count (the rest of the benchmark still runs).
fn growth_count(factors: &[usize]) -> String {
    match factors.iter().map(|&f| instructions(f)).collect::<Result<Vec<u64>, String>>() {
        Ok(counts) => {
            let list: Vec<String> = factors
                .iter()
                .zip(&counts)
                .map(|(f, n)| {
                    format!(r#"{{"factor": {f}, "instructions": {n}, "ratio": {:.2}}}"#, *n as f64 / counts[0] as f64)
                })
                .collect();
            format!(r#"{{"counts": [{}]}}"#, list.join(", "))
        }
        Err(e) => format!(r#"{{"error": {}}}"#, serde_json::Value::String(e)),
    }
}

fn main() {
    let text =
        std::fs::read_to_string("www/examples/frontier-systemic-risk.json").expect("run from the repository root");
    // The engine's work in the browser's evaluateJson(text) (src/wasm.rs): read the
    // submission's JSON, evaluate, write the report's JSON, unsealed (sealing is for a report
    // that leaves the page). JSON.parse of the report, which follows in the browser, has no
    // equivalent here; the browser side of the ratio takes it out.
    let evaluate = || {
        let submission = gpai_check::Submission::from_json(black_box(&text)).unwrap();
        drop(black_box(gpai_check::evaluate_unsealed_text(&submission).unwrap()));
    };
    // `bench evaluate N`: only the evaluation, N calls, for scripts/bench.mjs to take turns with
    // the browser (the wasm/native ratio from the two timed side by side).
    let args: Vec<String> = std::env::args().collect();
    if args.get(1).map(String::as_str) == Some("evaluate") {
        let n = args.get(2).and_then(|n| n.parse().ok()).unwrap_or(ITERATIONS);
        let (median, _) = time(evaluate, n);
        println!(r#"{{"medianMs": {median:.4}}}"#);
        return;
    }
    if args.get(1).map(String::as_str) == Some("count") {
        count_run(&text, args.get(2).and_then(|n| n.parse().ok()).expect("bench count FACTOR"));
        return;
    }
    let factors = [1usize, 10, 100];
    if args.get(1).map(String::as_str) == Some("counts") {
        println!(r#"{{"growthCount": {}}}"#, growth_count(&factors));
        return;
    }
    let submission: Submission = serde_json::from_str(&text).unwrap();
    let (median, p95) = time(evaluate, ITERATIONS);
    let base: Value = serde_json::from_str(gpai_check::pack::builtin()[0].json).unwrap();
    let packs: Vec<Pack> = factors.iter().map(|&f| synthetic(&base, f)).collect();
    let answered: Vec<(usize, Pack, Submission)> =
        factors.iter().zip(&packs).map(|(&f, p)| (f, p.clone(), answered_copies(&submission, f))).collect();
    let unanswered: Vec<(usize, Pack, Submission)> =
        factors.iter().zip(packs).map(|(&f, p)| (f, p, submission.clone())).collect();
    // Every copy must count as the real pack does, or the answered copies are not the same work.
    let counts = |(_, pack, submission): &(usize, Pack, Submission)| {
        let c = evaluate_with(pack, submission).summary.overall;
        [c.met, c.partial, c.not_met, c.not_applicable, c.unanswered]
    };
    for p in &answered {
        assert_eq!(counts(p), counts(&answered[0]).map(|n| n * p.0 as u32), "the copies of x{} count alike", p.0);
    }
    let growth_answered = growth(&answered);
    let growth_unanswered = growth(&unanswered);
    // Counted after the timings, in child processes, so that valgrind's runs do not share the
    // machine with them.
    let growth_count = growth_count(&factors);
    println!(
        r#"{{"nativeEvaluate": {{"iterations": {ITERATIONS}, "medianMs": {median:.4}, "p95Ms": {p95:.4}}}, "growth": {growth_answered}, "growthUnanswered": {growth_unanswered}, "growthCount": {growth_count}}}"#
    );
}
