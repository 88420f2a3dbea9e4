//! Native benchmark of the core, printed as JSON for scripts/bench.mjs:
//! - evaluation of the fully answered frontier example (median and 95th percentile over
//!   `ITERATIONS` calls, parsing included, as the wasm figure includes crossing the boundary);
//! - growth: the same submission against synthetic packs 10x and 100x the size of the real one
//!   (every chapter cloned with renamed ids), as ratios to the real pack.
//!
//! ```sh
//! cargo run --release --example bench
//! ```

use std::time::Instant;

use gpai_check::evaluate::evaluate_with;
use gpai_check::{Pack, Submission};
use serde_json::Value;

const ITERATIONS: usize = 1000;
const ROUNDS: usize = 5;

fn percentile(sorted: &[f64], p: f64) -> f64 {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

/// `n` timings of `f` in milliseconds, after a warm-up of up to 50 calls.
fn times(mut f: impl FnMut(), n: usize) -> Vec<f64> {
    for _ in 0..n.min(50) {
        f();
    }
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

fn main() {
    let text =
        std::fs::read_to_string("www/examples/frontier-systemic-risk.json").expect("run from the repository root");
    let submission: Submission = serde_json::from_str(&text).unwrap();
    let (median, p95) = time(
        || {
            let _ = gpai_check::evaluate_json(&text).unwrap();
        },
        ITERATIONS,
    );
    let base: Value = serde_json::from_str(gpai_check::pack::builtin()[0].json).unwrap();
    // The three sizes are timed in turns (five rounds), so that a slower or faster spell of the
    // machine falls on all of them alike: timed one after the other, the ratio of 100x to 1x
    // moved between 89 and 168 from run to run with the machine's load.
    let factors = [1usize, 10, 100];
    let packs: Vec<Pack> = factors.iter().map(|&f| synthetic(&base, f)).collect();
    let mut samples: Vec<Vec<f64>> = vec![Vec::new(); factors.len()];
    for _round in 0..ROUNDS {
        for (i, pack) in packs.iter().enumerate() {
            let n = (ITERATIONS / factors[i] / ROUNDS).max(4);
            samples[i].extend(times(
                || {
                    let _ = evaluate_with(pack, &submission);
                },
                n,
            ));
        }
    }
    let medians: Vec<f64> = samples
        .iter_mut()
        .map(|ms| {
            ms.sort_by(f64::total_cmp);
            percentile(ms, 0.5)
        })
        .collect();
    let growth: Vec<String> = factors
        .iter()
        .zip(&medians)
        .map(|(factor, m)| format!(r#"{{"factor": {factor}, "medianMs": {m:.4}, "ratio": {:.2}}}"#, m / medians[0]))
        .collect();
    println!(
        r#"{{"nativeEvaluate": {{"iterations": {ITERATIONS}, "medianMs": {median:.4}, "p95Ms": {p95:.4}}}, "growth": [{}]}}"#,
        growth.join(", ")
    );
}
