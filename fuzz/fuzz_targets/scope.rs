//! Any bytes as a profile: the scope decision never panics, and what it decides keeps the
//! legal invariants (out of scope: nothing applies; systemic risk: no open-source exemption).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(profile) = serde_json::from_slice::<gpai_check::Profile>(data) else { return };
    let Ok(s) = gpai_check::scope(&profile) else { return };
    if !s.in_scope {
        assert!(s.obligations.iter().all(|o| !o.applies));
    }
    if s.systemic_risk {
        assert!(!s.open_source_exempt);
    }
});
