//! Invariants a lawyer would state, checked on generated inputs (proptest).
//!
//! The scope decision is checked on 2,000 profiles drawn toward the legally interesting regions
//! (in scope, open source, systemic risk, modifiers around one third, legacy models, designation,
//! contests and planned crossings) and onto the thresholds themselves: exactly 10^23 FLOP,
//! exactly 10^25 FLOP, exactly one third of the original's compute, exactly a third of 10^23 and
//! of 10^25 where the original's compute is unknown, and the smallest number above each. Each
//! invariant is stated from the profile and the law (the decision tree of the reference, section
//! B.10), not from the engine's intermediate values.
//!
//! Every invariant counts the cases that reached it: a run fails when one was reached fewer than
//! its minimum times, so no run passes without checking each of them. The counts and the seed are
//! written to `target/tmp/properties-exercised-*.txt` (the test command prints them); a failure
//! names its seed, and `PROPERTY_SEED=<seed> cargo test --test properties` replays that run.
//!
//! The evaluation is checked on 200 answer sets for totality, determinism and sealing, and on 200
//! for "answering yes never lowers a measure's status".
//!
//! One test target in four files: `run.rs` (seeds and counts), `profiles.rs` (the generators),
//! `scope.rs` and `evaluation.rs` (the invariants and their tests).
#![cfg(not(target_arch = "wasm32"))]

mod evaluation;
mod profiles;
mod run;
mod scope;
