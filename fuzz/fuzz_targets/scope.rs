//! Any bytes as a profile: the scope decision never panics, and what it decides keeps the
//! legal invariants (out of scope: nothing applies; systemic risk: no open-source exemption;
//! undecided exactly when something would decide it).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(profile) = serde_json::from_slice::<gpai_check::Profile>(data) else { return };
    let Ok(s) = gpai_check::scope(&profile) else { return };
    if s.in_scope == Some(false) {
        assert!(s.obligations.iter().all(|o| o.applies == Some(false)));
    }
    if s.systemic_risk == Some(true) {
        assert_eq!(s.open_source_exempt, Some(false));
    }
    for o in &s.obligations {
        assert_eq!(o.applies.is_none(), !o.decided_by.is_empty(), "{}", o.id);
    }
});
