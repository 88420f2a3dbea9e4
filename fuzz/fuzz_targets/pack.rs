//! Any text as a rule pack: loading and validation never panic, and a pack that validates can
//! evaluate an empty and an in-scope submission.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(pack) = gpai_check::Pack::from_json(text) else { return };
    for profile in [serde_json::json!({}), serde_json::json!({"significant_generality": "yes", "placed_on_eu_market": true})] {
        let submission = serde_json::from_value(serde_json::json!({"pack": pack.id, "profile": profile})).unwrap();
        let (report, text) = gpai_check::evaluate::evaluate_with_text(&pack, &submission);
        assert!(report.verify_digest());
        // Unsealed, the same evaluation is the canonical form the digest is computed over.
        let unsealed = gpai_check::evaluate::evaluate_with(&pack, &submission);
        assert!(unsealed.digest.is_empty() && report.canonical_json() == serde_json::to_string(&unsealed).unwrap());
        assert!(text.ends_with(&format!("\"digest\":\"{}\"}}", report.digest)));
    }
});
