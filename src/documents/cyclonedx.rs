//! The Model Documentation Form for one recipient as a CycloneDX 1.6 ML-BOM: one component of
//! type `machine-learning-model` with a model card. Rows that CycloneDX names go where it names
//! them (model name, supplier, architecture, input and output modalities, intended uses, the
//! data's scope); every row the recipient gets is also a model-card property named by its Form
//! id (`eu-gpai-cop:MDF-2.7a`), so nothing of the Form is lost or reinterpreted. Rows not yet
//! provided are listed by id in one property, never filled in.

use serde_json::{json, Map, Value};

use super::{Document, DocumentRow};
use crate::report::{Report, ENGINE_VERSION};

/// Namespace of the properties: the Code of Practice's Form rows.
const NAMESPACE: &str = "eu-gpai-cop";

fn rows(doc: &Document) -> impl Iterator<Item = &DocumentRow> {
    doc.sections.iter().flat_map(|s| &s.rows)
}

fn value<'d>(doc: &'d Document, field: &str) -> Option<&'d str> {
    rows(doc).find(|r| r.field_id == field).and_then(|r| r.value.as_deref())
}

fn property(name: &str, value: &str) -> Value {
    json!({ "name": name, "value": value })
}

/// The BOM as pretty JSON text.
/// `recipient` and `pack` are the values the Markdown header shows for them.
pub(super) fn bom(doc: &Document, report: &Report, model_name: Option<&str>, recipient: &str, pack: &str) -> String {
    let mut parameters = Map::new();
    if let Some(a) = value(doc, "MDF-2.1") {
        parameters.insert("modelArchitecture".into(), a.into());
    }
    let modalities = |field: &str| -> Option<Value> {
        let list: Vec<Value> = value(doc, field)?.split("; ").map(|m| json!({ "format": m })).collect();
        Some(Value::Array(list))
    };
    if let Some(inputs) = modalities("MDF-2.3") {
        parameters.insert("inputs".into(), inputs);
    }
    if let Some(outputs) = modalities("MDF-2.5") {
        parameters.insert("outputs".into(), outputs);
    }
    if let Some(scope) = value(doc, "MDF-6.5") {
        parameters.insert(
            "datasets".into(),
            json!([{ "type": "dataset", "name": "Training, testing and validation data", "description": scope }]),
        );
    }
    let mut card = Map::new();
    if !parameters.is_empty() {
        card.insert("modelParameters".into(), Value::Object(parameters));
    }
    if let Some(uses) = value(doc, "MDF-4.2") {
        card.insert("considerations".into(), json!({ "useCases": [uses] }));
    }
    // Each row by its Form id; a row's further parts (testing and validation sizes, the unit,
    // the period measured) by the row's id and the part's question id.
    let mut properties: Vec<Value> = rows(doc)
        .filter_map(|r| r.value.as_deref().map(|v| (r, v)))
        .flat_map(|(r, v)| {
            std::iter::once(property(&format!("{NAMESPACE}:{}", r.field_id), v)).chain(
                r.parts
                    .iter()
                    .map(move |p| property(&format!("{NAMESPACE}:{}:{}", r.field_id, p.question_id), &p.value)),
            )
        })
        .collect();
    let missing: Vec<&str> = rows(doc).filter(|r| r.value.is_none()).map(|r| r.field_id.as_str()).collect();
    if !missing.is_empty() {
        properties.push(property(&format!("{NAMESPACE}:not-yet-provided"), &missing.join(", ")));
    }
    if !properties.is_empty() {
        card.insert("properties".into(), Value::Array(properties));
    }
    let mut component = json!({
        "type": "machine-learning-model",
        "bom-ref": "model",
        "name": model_name.unwrap_or("model not yet named"),
        "modelCard": Value::Object(card),
    });
    if let Some(provider) = value(doc, "MDF-1.1") {
        component["supplier"] = json!({ "name": provider });
    }
    let mut metadata = json!({
        "tools": { "components": [{ "type": "application", "name": "gpai-check", "version": ENGINE_VERSION }] },
        "component": { "type": "machine-learning-model", "bom-ref": "model-described", "name": component["name"].clone() },
        "properties": [
            property("gpai-check:recipient", recipient),
            property("gpai-check:rule-pack", pack),
            property("gpai-check:report-digest", &report.digest),
        ],
    });
    if let Some(date) = &report.assessment_date {
        metadata["timestamp"] = Value::String(format!("{date}T00:00:00Z"));
    }
    let bom = json!({
        "bomFormat": "CycloneDX",
        "specVersion": "1.6",
        "serialNumber": format!("urn:uuid:{}", crate::oscal::uuid(report, &format!("cyclonedx:{}", doc.id))),
        "version": 1,
        "metadata": metadata,
        "components": [component],
    });
    serde_json::to_string_pretty(&bom).unwrap_or_default() + "\n"
}
