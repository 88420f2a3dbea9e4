//! The renderers speak the language they are given: the Rust walk of the pack
//! (`Pack::localised`, `ScopeText::localised`) takes every key the extraction made
//! (`locales/en/`, from `www/locale-keys.js`) and leaves no text of the pack untranslated; a
//! report and the documents rendered in a language carry no English sentence of the engine, and
//! say the language's status in their header.

use std::collections::BTreeMap;
use std::fs;

use gpai_check::documents::{model_documentation_in, published_documents_in};
use gpai_check::locale::Locale;
use gpai_check::{evaluate_json, report_markdown_in};
use serde_json::Value;

/// Every English locale file: name -> texts.
fn english() -> BTreeMap<String, BTreeMap<String, String>> {
    let mut out = BTreeMap::new();
    for e in fs::read_dir("locales/en").unwrap() {
        let path = e.unwrap().path();
        if path.extension().map_or(true, |x| x != "json") {
            continue;
        }
        let file: Value = serde_json::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
        let texts = serde_json::from_value(file["texts"].clone()).unwrap();
        out.insert(path.file_stem().unwrap().to_string_lossy().into_owned(), texts);
    }
    out
}

/// What a file of `locales/en/` holds, by its name without the part number that
/// `scripts/locales.mjs` adds when it splits a file past 40 KB (`interface.2` is `interface`).
fn file_kind(name: &str) -> &str {
    match name.rsplit_once('.') {
        Some((stem, part)) if !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit()) => stem,
        _ => name,
    }
}

/// A pseudo-language: every text is its key in ⟪ ⟫, messages keep their placeholders, so that
/// any English left in an output is a text that did not come from the locale.
fn pseudo() -> Locale {
    let mut locale = Locale::new("xx", "pseudo-translation for tests");
    for (name, texts) in english() {
        for (key, text) in texts {
            match file_kind(&name) {
                "interface" => {}
                "messages" => {
                    let params: Vec<&str> =
                        text.match_indices('{').map(|(i, _)| &text[i..=i + text[i..].find('}').unwrap()]).collect();
                    locale.set_message(&key, &format!("⟪{key}⟫{}", params.join("⟪⟫")));
                }
                _ => {
                    locale.set_text(&key, &format!("⟪{key}⟫"));
                }
            }
        }
    }
    locale
}

fn pack() -> &'static gpai_check::Pack {
    gpai_check::pack::get("gpai-cop-final", "pack").unwrap()
}

/// Every string at a field that holds words (titles, texts, labels...) in a JSON value.
fn word_fields<'v>(v: &'v Value, field: &str, out: &mut Vec<(String, &'v str)>) {
    const WORDS: [&str; 15] = [
        "title",
        "summary",
        "text",
        "help",
        "label",
        "note",
        "message",
        "metric",
        "unit",
        "anchor",
        "delivery",
        "reason",
        "disclaimer",
        "publisher",
        "asOf",
    ];
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                word_fields(x, k, out);
            }
        }
        Value::Array(a) => a.iter().for_each(|x| word_fields(x, field, out)),
        Value::String(s) if WORDS.contains(&field) || field == "sections" => out.push((field.to_string(), s)),
        _ => {}
    }
}

#[test]
fn the_rust_walk_takes_every_key_the_extraction_made_and_leaves_no_text_english() {
    let locale = pseudo();
    let localised = serde_json::to_value(pack().localised(&locale)).unwrap();
    let scope = serde_json::to_value(gpai_check::scope::scope_text().localised(&locale)).unwrap();
    let text = format!("{localised}{scope}");
    let keys: Vec<String> = english()
        .into_iter()
        .filter(|(n, _)| !matches!(file_kind(n), "messages" | "interface"))
        .flat_map(|(_, t)| t.into_keys())
        .collect();
    let missed: Vec<&String> = keys.iter().filter(|k| !text.contains(&format!("⟪{k}⟫"))).collect();
    assert!(missed.is_empty(), "keys of locales/en/ the Rust walk does not put anywhere: {missed:?}");
    let mut fields = Vec::new();
    word_fields(&localised, "", &mut fields);
    word_fields(&scope, "", &mut fields);
    // Every text field is translated, except the chapter files' manifest and the pack's research
    // notes, which no reader sees: confidence meanings and source descriptions are not fields here.
    let english: Vec<_> = fields.iter().filter(|(_, s)| !s.is_empty() && !s.starts_with('⟪')).collect();
    assert!(
        english.is_empty(),
        "text fields the walk leaves English (add them to www/locale-keys.js and src/locale.rs): {:?}",
        &english[..english.len().min(10)]
    );
}

fn example(name: &str) -> String {
    fs::read_to_string(format!("www/examples/{name}.json")).unwrap()
}

/// The text without the pseudo-language's markers and what the provider wrote (quoted), ids,
/// digests and numbers: what is left would be English the locale did not provide.
fn leftover_words(md: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = md.to_string();
    // Legal citations (sources, articles) stay as they are in every language.
    for c in CITED.get_or_init(citations) {
        if rest.contains(c.as_str()) {
            rest = rest.replace(c.as_str(), " ");
        }
    }
    // Ids such as TS-1.1-provider or T-1.2-R4 are not words.
    rest = rest
        .split(' ')
        .map(|t| if t.starts_with(|c: char| c.is_ascii_uppercase()) && t.contains('-') { "" } else { t })
        .collect::<Vec<_>>()
        .join(" ");
    while let Some(i) = rest.find('⟪') {
        let j = rest[i..].find('⟫').map_or(rest.len(), |j| i + j + '⟫'.len_utf8());
        rest.replace_range(i..j, " ");
    }
    // Quoted answers and inline code are the provider's or identifiers; bold text is an id.
    for (open, close) in [("\"", "\""), ("`", "`"), ("**", "**")] {
        while let Some(i) = rest.find(open) {
            let from = i + open.len();
            let Some(j) = rest[from..].find(close) else { break };
            rest.replace_range(i..from + j + close.len(), " ");
        }
    }
    // What is left of legal citations once a list of them is joined ("Art 53; Art 55").
    const CITATIONS: [&str; 5] = ["Art", "Annex", "Guidelines", "para", "Section"];
    for w in rest.split(|c: char| !c.is_alphanumeric()) {
        // Words of three letters or more that are not an id part (AIO, MDF, EUR), a unit, a
        // digest's hex or the pseudo-language's own status.
        let hex = w.chars().all(|c| c.is_ascii_hexdigit());
        if w.chars().count() >= 3
            && w.chars().any(|c| c.is_lowercase())
            && !hex
            && !CITATIONS.contains(&w)
            && !"pseudo-translation for tests sha256".contains(w)
        {
            out.push(w.to_string());
        }
    }
    out
}

static CITED: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();

/// Every citation of the pack and the scope texts (`source`, `article`, `ref`), longest first,
/// as the Markdown writes them (escaped).
fn citations() -> Vec<String> {
    fn walk(v: &Value, field: &str, out: &mut Vec<String>) {
        match v {
            // A published document's layout numbers its items (`ref`: "2.3", "header"): not citations.
            Value::Object(m) => m.iter().filter(|(k, _)| k.as_str() != "document").for_each(|(k, x)| walk(x, k, out)),
            Value::Array(a) => a.iter().for_each(|x| walk(x, field, out)),
            Value::String(s) if ["source", "article", "ref"].contains(&field) => {
                out.push(s.replace('_', "\\_").replace('*', "\\*").replace('[', "\\[").replace(']', "\\]"));
                out.extend(s.split("; ").map(str::to_string));
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(&serde_json::to_value(pack()).unwrap(), "", &mut out);
    walk(&serde_json::to_value(gpai_check::scope::scope_text()).unwrap(), "", &mut out);
    let set: std::collections::BTreeSet<String> = out.into_iter().filter(|c| c.len() > 2).collect();
    let mut out: Vec<String> = set.into_iter().collect();
    out.sort_by_key(|c| std::cmp::Reverse(c.len()));
    out
}

#[test]
fn a_report_in_a_language_has_no_english_words_of_the_engine_or_the_pack() {
    let locale = pseudo();
    for name in ["frontier-systemic-risk", "sme-open-weights", "closed-non-eu", "fine-tuner"] {
        let report = evaluate_json(&example(name)).unwrap();
        let md = report_markdown_in(&report, Some(&locale));
        let left: Vec<String> = leftover_words(&md);
        // The examples' own free text (titles, names) is the provider's, not the engine's.
        let provider: String = example(name);
        let english: Vec<&String> = left.iter().filter(|w| !provider.contains(w.as_str())).collect();
        if !english.is_empty() {
            let lines: Vec<&str> =
                md.lines().filter(|l| english.iter().any(|w| leftover_words(l).contains(w))).take(5).collect();
            panic!(
                "{name}: English words in the report that the locale did not give: {english:?}\n{}",
                lines.join("\n")
            );
        }
        assert!(md.contains("pseudo-translation for tests"), "{name}: the header says the locale's status");
    }
}

#[test]
fn documents_in_a_language_have_no_english_words_and_say_the_status() {
    let locale = pseudo();
    let text = example("frontier-systemic-risk");
    let submission = gpai_check::Submission::from_json(&text).unwrap();
    let report = gpai_check::evaluate(&submission).unwrap();
    let mut docs = model_documentation_in(pack(), &submission, &report, Some(&locale));
    assert_eq!(docs.len(), 3);
    docs.extend(published_documents_in(pack(), &submission, &report, Some(&locale)));
    assert_eq!(docs.len(), 4, "the Form for three recipients and the training-content summary");
    for d in &docs {
        let md = d.markdown();
        let english: Vec<String> = leftover_words(md).into_iter().filter(|w| !text.contains(w.as_str())).collect();
        assert!(english.is_empty(), "{}: English words the locale did not give: {english:?}", d.id);
        assert!(md.contains("xx (pseudo-translation for tests)"), "{}: the header names the language and status", d.id);
    }
}

#[test]
fn the_german_messages_and_pack_head_shipped_render_in_german_with_the_status() {
    // As the bundle of scripts/locales.mjs puts them together.
    let file = |name: &str| -> Value {
        serde_json::from_str(&fs::read_to_string(format!("locales/de/{name}.json")).unwrap()).unwrap()
    };
    let (messages, head) = (file("messages"), file("pack.gpai-cop-final"));
    let bundle = serde_json::json!({
        "language": "de", "status": messages["status"], "texts": head["texts"], "messages": messages["texts"],
        "interface": {}, "missing": 1
    });
    let locale = Locale::from_json(&bundle.to_string()).unwrap();
    let report = evaluate_json(&example("frontier-systemic-risk")).unwrap();
    let md = report_markdown_in(&report, Some(&locale));
    assert!(md.contains("translation, not legally reviewed"), "the status is in the header");
    assert!(md.contains("keine Rechtsberatung"), "the disclaimer is German");
    assert!(
        md.contains("Erfüllt") || md.contains("Nicht erfüllt") || md.contains("Teilweise erfüllt"),
        "statuses are German"
    );
    // What the locale lacks stays English rather than disappearing.
    let measure = &pack().chapters[0].commitments[0].measures[0];
    assert!(md.contains(&measure.title), "an untranslated measure title stays English");
}

#[test]
fn english_is_the_default_and_says_it_is_authoritative() {
    let report = evaluate_json(&example("fine-tuner")).unwrap();
    let md = report_markdown_in(&report, None);
    assert_eq!(md, gpai_check::report_markdown(&report));
    assert!(md.contains("Language: English (`authoritative`)"));
}
