//! Any bytes as a submission file: parsing and evaluation never panic; what is accepted gives a
//! sealed, deterministic report that renders as Markdown.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(report) = gpai_check::evaluate_bytes(data) {
        assert!(report.verify_digest());
        assert_eq!(gpai_check::evaluate_bytes(data).unwrap().digest, report.digest);
        let _ = gpai_check::report_markdown(&report);
    }
});
