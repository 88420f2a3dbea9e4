//! The Code's numbers at their edges: a figure exactly on a KPI's target is judged as the Code
//! words it ("at most 14 days" is met by 14, "at least 10 years" by 10, "less than one month"
//! is not met by one month), and the next figure past it is not.

use gpai_check::report::{KpiResult, Report, Status};
use gpai_check::{evaluate, Submission};
use serde_json::{json, Value};

/// An in-scope provider with systemic risk, so that every chapter applies.
fn report(answers: Value) -> Report<'static> {
    let submission: Submission = serde_json::from_value(json!({
        "pack": "gpai-cop-final",
        "profile": {"significant_generality": "yes", "placed_on_eu_market": true, "established_in_eu": true,
                    "training_compute_flop": 4e25},
        "answers": answers,
    }))
    .unwrap();
    evaluate(&submission).unwrap()
}

fn kpi<'a>(r: &'a Report<'static>, id: &str) -> &'a KpiResult<'static> {
    r.chapters.iter().flat_map(|c| &c.measures).flat_map(|m| &m.kpis).find(|k| k.id == id).unwrap()
}

fn requirement_status(r: &Report<'static>, id: &str) -> Status {
    r.chapters.iter().flat_map(|c| &c.measures).flat_map(|m| &m.requirements).find(|q| q.id == id).unwrap().status
}

/// Whether the KPI passes with this figure as the answer to its question.
fn passes(id: &str, question: &str, figure: f64, also: Value) -> Option<bool> {
    let mut answers = also;
    answers[question] = json!(figure);
    let r = report(answers);
    let k = kpi(&r, id);
    assert_eq!(k.value, Some(figure), "{id} reads the answer to {question}");
    k.pass
}

#[test]
fn answering_downstream_requests_within_exactly_14_days_meets_the_code() {
    // T-1.2: downstream providers' requests answered within at most 14 days.
    assert_eq!(passes("T-1.2-R4-K1", "t_downstream_response_days", 14.0, json!({})), Some(true));
    assert_eq!(passes("T-1.2-R4-K1", "t_downstream_response_days", 15.0, json!({})), Some(false));
}

#[test]
fn keeping_documentation_exactly_10_years_meets_the_retention_period() {
    // T-1.1: documentation kept for at least 10 years after placing on the market.
    assert_eq!(passes("T-1.1-R3-K1", "t_docs_retention_years", 10.0, json!({})), Some(true));
    assert_eq!(passes("T-1.1-R3-K1", "t_docs_retention_years", 9.5, json!({})), Some(false));
}

#[test]
fn reporting_an_incident_involving_a_death_on_day_10_is_in_time_and_on_day_11_late() {
    // SS-9.3: a serious incident involving a death is reported within at most 10 days.
    assert_eq!(passes("SS-9.3-R4-K1", "ss_incident_report_days_death", 10.0, json!({})), Some(true));
    assert_eq!(passes("SS-9.3-R4-K1", "ss_incident_report_days_death", 11.0, json!({})), Some(false));
}

#[test]
fn a_more_capable_model_exactly_one_month_away_does_not_excuse_the_six_monthly_model_report() {
    // SS-7.6 exception (b): no updated Model Report every 6 months is needed when a more capable
    // model will be placed on the market in *less than* one month. One month is not less.
    let exception = json!({"ss_report_most_capable_model": "yes", "ss_report_update_exception": "more_capable_soon"});
    let one_month = passes("SS-7.6-R4-K2", "ss_report_more_capable_model_months", 1.0, exception.clone());
    assert_eq!(one_month, Some(false), "exactly one month is not less than one month");
    let soon = passes("SS-7.6-R4-K2", "ss_report_more_capable_model_months", 0.5, exception.clone());
    assert_eq!(soon, Some(true));
    // So at one month the six-monthly update is still owed (and asked for), and at half a month
    // it is not.
    let mut answers = exception.clone();
    answers["ss_report_more_capable_model_months"] = json!(1);
    assert_eq!(requirement_status(&report(answers.clone()), "SS-7.6-R4"), Status::Unanswered);
    answers["ss_report_update_interval_months"] = json!(6);
    assert_eq!(requirement_status(&report(answers), "SS-7.6-R4"), Status::Met);
    let mut answers = exception;
    answers["ss_report_more_capable_model_months"] = json!(0.5);
    assert_eq!(requirement_status(&report(answers), "SS-7.6-R4"), Status::NotApplicable);
}

#[test]
fn until_the_months_to_the_more_capable_model_are_given_only_that_figure_is_asked() {
    // SS-7.6: the provider said the model is among its most capable and a more capable one is
    // coming (exception (b)), but not how soon. Whether the six-monthly update is owed turns on
    // that figure alone: it is the one question asked, not the two already answered.
    let r = report(json!({"ss_report_most_capable_model": "yes", "ss_report_update_exception": "more_capable_soon"}));
    assert_eq!(requirement_status(&r, "SS-7.6-R4"), Status::Unanswered);
    let m = r.chapters.iter().flat_map(|c| &c.measures).find(|m| m.id == "SS-7.6").unwrap();
    assert!(m.missing.iter().any(|q| q == "ss_report_more_capable_model_months"), "{:?}", m.missing);
    for answered in ["ss_report_most_capable_model", "ss_report_update_exception"] {
        assert!(!m.missing.iter().any(|q| q == answered), "{answered} was answered: {:?}", m.missing);
    }
}
