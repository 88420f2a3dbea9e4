//! The Markdown report as its reader checks it: questions named by their text, answers by their
//! option labels, each trace line once, and the gaps first.

use std::collections::BTreeSet;
use std::fs;

use gpai_check::pack::model::QuestionType;
use gpai_check::report::{CrossCheckStatus, Status};
use gpai_check::{evaluate_json, report_markdown, Report};

fn example(name: &str) -> (Report<'static>, String) {
    let text = fs::read_to_string(format!("www/examples/{name}.json")).unwrap();
    let r = evaluate_json(&text).unwrap();
    let md = report_markdown(&r);
    (r, md)
}

const EXAMPLES: [&str; 4] = ["closed-non-eu", "fine-tuner", "frontier-systemic-risk", "sme-open-weights"];

fn pack() -> &'static gpai_check::Pack {
    gpai_check::pack::get("gpai-cop-final", "pack").unwrap()
}

/// The "Summary of gaps" section: from its heading to the next second-level heading.
fn summary(md: &str) -> &str {
    let start = md.find("\n## Summary of gaps\n").expect("a Summary of gaps section");
    let rest = &md[start + 1..];
    let end = rest[3..].find("\n## ").map_or(rest.len(), |i| i + 3);
    &rest[..end]
}

/// The lines under a requirement of the details, from its line to the next requirement or measure.
fn requirement_block<'a>(md: &'a str, id: &str) -> Vec<&'a str> {
    let mut lines = md.lines().skip_while(|l| !l.starts_with(&format!("- **{id}** ")));
    let first = lines.next().unwrap_or_else(|| panic!("{id} is listed"));
    std::iter::once(first).chain(lines.take_while(|l| l.starts_with("  "))).collect()
}

#[test]
fn questions_are_named_by_their_text_not_their_id() {
    let (_, md) = example("frontier-systemic-risk");
    let q = pack().question("t_docs_updated_on_change").unwrap();
    assert!(!md.contains("`t_docs_updated_on_change` ="), "the id is not the question's name");
    assert!(md.contains(&format!("{} — Yes", q.text)), "its text names it and its answer is a word");
    // Nothing is left to answer in this example, so no question id of the pack is shown at all,
    // neither as it is nor as escaped Markdown.
    for (_, _, m) in pack().measures() {
        for q in &m.questions {
            let escaped = q.id.replace('_', "\\_");
            assert!(!md.contains(&format!("`{}`", q.id)) && !md.contains(&escaped), "{} shown", q.id);
        }
    }
}

#[test]
fn choice_answers_show_option_labels() {
    let (r, md) = example("frontier-systemic-risk");
    let pack = pack();
    let mut checked = 0;
    for step in r.chapters.iter().flat_map(|c| &c.measures).flat_map(|m| &m.requirements).flat_map(|q| &q.trace) {
        let (Some(id), Some(answer)) = (&step.question_id, &step.answer) else { continue };
        let q = pack.question(id).unwrap();
        if !matches!(q.kind, QuestionType::SingleChoice | QuestionType::MultiChoice) {
            continue;
        }
        let chosen: Vec<String> = match serde_json::to_value(answer).unwrap() {
            serde_json::Value::String(s) => vec![s],
            v => serde_json::from_value(v).unwrap(),
        };
        for option in chosen {
            let label = &q.options.iter().find(|o| o.id == option).unwrap().label;
            assert!(md.contains(label.as_str()), "{id}: the label {label:?} is shown");
            assert!(
                !md.contains(&format!("\"{}\"", option.replace('_', "\\_"))),
                "{id}: the option id {option} is not"
            );
            checked += 1;
        }
    }
    assert!(checked >= 9, "the example answers choice questions ({checked} options checked)");
}

#[test]
fn a_trace_line_is_shown_once() {
    let (r, md) = example("frontier-systemic-risk");
    let req = r
        .chapters
        .iter()
        .flat_map(|c| &c.measures)
        .flat_map(|m| &m.requirements)
        .find(|q| q.id == "SS-9.2-R1")
        .unwrap();
    assert!(req.trace.len() > 1, "the report's trace checks the question several times");
    let block = requirement_block(&md, "SS-9.2-R1");
    assert_eq!(block.len(), 2, "the requirement and one answer line: {block:#?}");
    let label = &pack().question("ss_incident_template_items").unwrap().text;
    assert_eq!(md.matches(label.as_str()).count(), 1);
}

#[test]
fn the_summary_of_gaps_comes_first_and_lists_exactly_the_measures_not_met_or_partly_met() {
    for name in EXAMPLES {
        let (r, md) = example(name);
        let section = summary(&md);
        let first_chapter = format!("\n## {} ({})\n", pack().chapters[0].title, r.chapters[0].id);
        assert!(md.find(section).unwrap() < md.find(&first_chapter).unwrap(), "{name}: the summary comes first");
        let listed: Vec<&str> =
            section.lines().filter_map(|l| l.strip_prefix("- **")).filter_map(|l| l.split("**").next()).collect();
        let gaps: BTreeSet<&str> = r
            .chapters
            .iter()
            .flat_map(|c| &c.measures)
            .filter(|m| matches!(m.status, Status::NotMet | Status::Partial))
            .map(|m| &*m.id)
            .collect();
        assert_eq!(listed.len(), gaps.len(), "{name}: each gap once");
        assert_eq!(listed.into_iter().collect::<BTreeSet<_>>(), gaps, "{name}");
        // Each group of gaps names its deadline, in words.
        if !gaps.is_empty() {
            let due = match r.scope.compliance_deadline.as_ref().unwrap().date.as_str() {
                "2025-08-02" => "2 August 2025",
                "2027-08-02" => "2 August 2027",
                other => panic!("unexpected date {other}"),
            };
            assert!(
                section.contains(&format!("Due from placing on the market (not before {due})"))
                    || section.contains(&format!("Due by {due}")),
                "{name}"
            );
        }
    }
}

#[test]
fn the_summary_names_the_questions_still_to_answer_by_their_text() {
    let (r, md) = example("fine-tuner");
    let section = summary(&md);
    let top = &r.missing[0];
    let q = pack().question(&top.question_id).unwrap();
    assert!(section.contains(&format!("{} (`{}`): ", q.text, q.id)), "{section}");
    assert!(section.contains(&format!("{} questions are still to answer", r.missing.len())));
}

#[test]
fn an_undecided_empty_submission_says_so_first() {
    let r = evaluate_json(r#"{"pack": "gpai-cop-final", "profile": {}, "answers": {}}"#).unwrap();
    assert_eq!(r.scope.in_scope, None);
    let md = report_markdown(&r);
    let section = summary(&md);
    let body = section.trim_start_matches("## Summary of gaps").trim_start();
    assert!(body.starts_with("Not decided yet: answer "), "{body}");
    let inputs = &gpai_check::scope::scope_text().inputs;
    for id in &r.scope.decided_by {
        let label = &inputs.iter().find(|i| &i.id == id).unwrap().label;
        assert!(body.contains(&format!("\n- {label}\n")), "{id}: {body}");
    }
    assert!(!section.contains("- **"), "no measure is listed as a gap");
}

#[test]
fn tripped_cross_checks_are_in_the_summary() {
    let f: serde_json::Value =
        serde_json::from_str(&fs::read_to_string("tests/fixtures/cross-checks.json").unwrap()).unwrap();
    let case = &f["trips"][0];
    let mut s = f["base"].clone();
    for (k, v) in case["profile"].as_object().unwrap() {
        s["profile"][k] = v.clone();
    }
    for (k, v) in case["answers"].as_object().unwrap() {
        s["answers"][k] = v.clone();
    }
    for d in case["drop"].as_array().unwrap() {
        s["answers"].as_object_mut().unwrap().remove(d.as_str().unwrap());
    }
    let r = evaluate_json(&s.to_string()).unwrap();
    let md = report_markdown(&r);
    let section = summary(&md);
    let tripped: Vec<_> = r.cross_checks.iter().filter(|x| x.status == CrossCheckStatus::Tripped).collect();
    assert!(!tripped.is_empty());
    for x in tripped {
        assert!(section.contains(&format!("- **{}** ", x.id)), "{} in the summary: {section}", x.id);
    }
}

#[test]
fn provider_text_in_answers_stays_text() {
    let text = fs::read_to_string("www/examples/frontier-systemic-risk.json").unwrap();
    let mut s: serde_json::Value = serde_json::from_str(&text).unwrap();
    s["answers"]["t_contact_details"] = "<img src=x onerror=alert(1)> | `code` *bold*".into();
    s["answers"]["not_a_question"] = "yes".into();
    let md = report_markdown(&evaluate_json(&s.to_string()).unwrap());
    assert!(!md.contains("<img"), "no HTML");
    assert!(md.contains("\"&lt;img src=x onerror=alert(1)&gt; \\| \\`code\\` \\*bold\\*\""));
    // An answer to an unknown key is a problem in the answers, named by its key.
    assert!(md.contains("## Problems in the answers\n\n- `not_a_question`: "));
}

#[test]
fn the_obligations_table_says_the_shared_reasons_once() {
    let (_, md) = example("frontier-systemic-risk");
    let section = md.split("## Obligations under the AI Act").nth(1).unwrap().split("\n## ").next().unwrap();
    assert_eq!(section.matches("makes it a GPAI model").count(), 1, "{section}");
    assert!(section.contains("Every obligation that applies does so because:"));
    assert!(section.contains("| yes | the reasons above |"));
}

#[test]
fn out_of_scope_the_table_says_once_why_nothing_applies() {
    // A company that uses someone else's model: not its provider, so no obligation applies, and
    // the report says why once (with the source) instead of leaving every row to say it.
    let submission = r#"{"pack":"gpai-cop-final","profile":{"org_develops_or_commissions_model":false,"placed_on_eu_market":true},"answers":{}}"#;
    let r = evaluate_json(submission).unwrap();
    assert_eq!(r.scope.in_scope, Some(false));
    let md = report_markdown(&r);
    let section = md.split("## Obligations under the AI Act").nth(1).unwrap().split("\n## ").next().unwrap();
    let (intro, rest) =
        section.split_once("None of these obligations applies, because:").expect("the shared reasons are given");
    assert!(!intro.contains('|'), "before the table: {section}");
    let reasons = rest.split("| Obligation |").next().unwrap();
    assert!(
        reasons.lines().any(|l| l.starts_with("- ") && l.contains("provider") && l.contains("Art 3(3)")),
        "{reasons}"
    );
    assert_eq!(section.matches("| no | the reasons above |").count(), r.scope.obligations.len(), "{section}");
}
