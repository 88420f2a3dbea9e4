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

/// The TypeScript declarations of the report, generated from the same schema (so from the Rust
/// types): `src/report.d.ts`, which `src/wasm.rs` ships in `pkg/gpai_check.d.ts` beside the
/// hand-written declarations of the inputs and the pack (`src/types.d.ts`).
#[test]
fn the_committed_report_declarations_are_the_ones_the_types_give() {
    let schema = serde_json::to_value(schemars::schema_for!(Report<'static>)).unwrap();
    let text = typescript::declarations(&schema);
    let path = std::path::Path::new("src/report.d.ts");
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(path, &text).unwrap();
    }
    let committed =
        std::fs::read_to_string(path).expect("src/report.d.ts: run UPDATE_GOLDEN=1 cargo test --test schema");
    assert!(committed == text, "src/report.d.ts differs from the report's types; review, then UPDATE_GOLDEN=1");
}

#[test]
fn the_declarations_name_every_report_type_and_field() {
    let schema = serde_json::to_value(schemars::schema_for!(Report<'static>)).unwrap();
    let text = typescript::declarations(&schema);
    for (name, def) in schema["$defs"].as_object().unwrap().iter().chain([(&"Report".to_string(), &schema)]) {
        assert!(
            text.contains(&format!("export interface {name} {{")) || text.contains(&format!("export type {name} =")),
            "{name} is declared"
        );
        for field in def.get("properties").and_then(|p| p.as_object()).into_iter().flatten().map(|(k, _)| k) {
            assert!(text.contains(&format!("  {field}: ")), "{name}.{field}");
        }
    }
    assert!(text.contains("export type Status =\n  /** Every counted requirement is met. */\n  | \"met\""), "{text}");
    assert!(text.contains("  formatVersion: number;"));
    assert!(text.contains("  inScope: boolean | null;"));
}

/// JSON Schema (as schemars writes it) to TypeScript declarations: objects to interfaces,
/// string enums to unions of literals, tagged enums to unions of object types; descriptions
/// become doc comments.
mod typescript {
    use serde_json::Value;
    use std::fmt::Write;

    pub fn declarations(schema: &Value) -> String {
        let mut out = String::from(
            "// Generated from the report's Rust types (via schemars) by tests/schema.rs: do not edit.\n\
             // After an intended change: UPDATE_GOLDEN=1 cargo test --test schema\n",
        );
        let mut defs: Vec<(&String, &Value)> = schema["$defs"].as_object().unwrap().iter().collect();
        let report = "Report".to_string();
        defs.push((&report, schema));
        for (name, def) in defs {
            out.push('\n');
            declaration(&mut out, name, def);
        }
        out
    }

    fn doc(out: &mut String, indent: &str, def: &Value) {
        if let Some(d) = def.get("description").and_then(Value::as_str) {
            let d = d.replace("*/", "* /");
            let lines: Vec<&str> = d.lines().collect();
            if lines.len() == 1 {
                let _ = writeln!(out, "{indent}/** {} */", lines[0]);
            } else {
                let _ = writeln!(out, "{indent}/**");
                for l in lines {
                    let _ = writeln!(out, "{indent} * {l}").map(|_| ());
                }
                let _ = writeln!(out, "{indent} */");
            }
        }
    }

    fn declaration(out: &mut String, name: &str, def: &Value) {
        doc(out, "", def);
        if def.get("properties").is_some() {
            let _ = writeln!(out, "export interface {name} {{");
            fields(out, "  ", def);
            out.push_str("}\n");
        } else if let Some(variants) = def.get("oneOf").and_then(Value::as_array) {
            let _ = writeln!(out, "export type {name} =");
            for (i, v) in variants.iter().enumerate() {
                doc(out, "  ", v);
                let end = if i + 1 == variants.len() { ";" } else { "" };
                let _ = writeln!(out, "  | {}{end}", type_of(v, "  "));
            }
        } else {
            let _ = writeln!(out, "export type {name} = {};", type_of(def, ""));
        }
    }

    fn fields(out: &mut String, indent: &str, def: &Value) {
        // Every field is written, an absent value as null (no report type skips a field), so
        // none is optional, although the schema does not require the nullable ones. The schema
        // lists properties by name; the declarations keep that order.
        for (field, v) in def["properties"].as_object().unwrap() {
            doc(out, indent, v);
            let _ = writeln!(out, "{indent}{field}: {};", type_of(v, indent));
        }
    }

    fn type_of(v: &Value, indent: &str) -> String {
        if let Some(r) = v.get("$ref").and_then(Value::as_str) {
            return r.rsplit('/').next().unwrap().to_string();
        }
        if let Some(c) = v.get("const") {
            return c.to_string();
        }
        if let Some(list) = v.get("anyOf").or_else(|| v.get("oneOf")).and_then(Value::as_array) {
            return list.iter().map(|x| type_of(x, indent)).collect::<Vec<_>>().join(" | ");
        }
        if let Some(list) = v.get("enum").and_then(Value::as_array) {
            return list.iter().map(Value::to_string).collect::<Vec<_>>().join(" | ");
        }
        match &v["type"] {
            Value::Array(types) => types
                .iter()
                .map(|t| {
                    type_of(
                        &serde_json::json!({ "type": t, "items": v.get("items"), "properties": v.get("properties") }),
                        indent,
                    )
                })
                .collect::<Vec<_>>()
                .join(" | "),
            Value::String(t) => match t.as_str() {
                "string" => "string".into(),
                "integer" | "number" => "number".into(),
                "boolean" => "boolean".into(),
                "null" => "null".into(),
                "array" => {
                    let item = type_of(&v["items"], indent);
                    if item.contains(' ') {
                        format!("({item})[]")
                    } else {
                        format!("{item}[]")
                    }
                }
                "object" if v.get("properties").is_some_and(Value::is_object) => {
                    let mut s = String::from("{\n");
                    fields(&mut s, &format!("{indent}  "), v);
                    s.push_str(indent);
                    s.push('}');
                    s
                }
                _ => "unknown".into(),
            },
            _ => "unknown".into(),
        }
    }
}
