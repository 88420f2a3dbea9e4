//! The report's JSON Schema is generated from its Rust types, never written by hand:
//! `schema/report.schema.json` must be what the types give. After an intended change to the
//! report, `UPDATE_GOLDEN=1 cargo test --test schema` rewrites it; review the diff. Native only:
//! schemars is not built for wasm32.
#![cfg(not(target_arch = "wasm32"))]

use gpai_check::Report;

#[test]
fn the_committed_report_schema_is_the_one_the_types_give() {
    let schema = schemars::schema_for!(Report<'static>);
    let text = serde_json::to_string_pretty(&schema).unwrap() + "\n";
    let path = std::path::Path::new("schema/report.schema.json");
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        // CI checks what is committed; it never rewrites it.
        assert!(std::env::var_os("CI").is_none(), "UPDATE_GOLDEN is refused under CI");
        std::fs::write(path, &text).unwrap();
    }
    let committed =
        std::fs::read_to_string(path).expect("schema/report.schema.json: run UPDATE_GOLDEN=1 cargo test --test schema");
    assert!(
        committed == text,
        "schema/report.schema.json differs from the report's types; review, then UPDATE_GOLDEN=1"
    );
}
