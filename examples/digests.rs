//! Evaluates a JSON array of submissions natively and prints, one per line, each report's
//! digest (or `error:<code>:<path>` for unusable input). The Node agreement test compares these
//! lines with the wasm package's results.
//!
//! ```sh
//! cargo run --release --example digests < submissions.json
//! ```

use std::io::Read;

fn main() {
    let mut text = String::new();
    std::io::stdin().read_to_string(&mut text).expect("read stdin");
    let list: Vec<serde_json::Value> = serde_json::from_str(&text).expect("a JSON array of submissions");
    let mut out = String::with_capacity(list.len() * 72);
    for submission in list {
        match gpai_check::evaluate_json(&submission.to_string()) {
            Ok(report) => out.push_str(&report.digest),
            Err(e) => {
                out.push_str("error:");
                out.push_str(e.code.as_str());
                out.push(':');
                out.push_str(&e.path);
            }
        }
        out.push('\n');
    }
    print!("{out}");
}
