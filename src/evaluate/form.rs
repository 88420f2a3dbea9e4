//! Documentation forms: completeness per recipient and the precision rules of number fields.
//!
//! A field counts as answered when its question, and each of its parts' questions, has a valid
//! answer (an `N/A` included where the question allows it). Precision is checked on what the
//! provider wrote: at least N significant figures, or a plain power of ten where only the order
//! of magnitude is asked.

use crate::answers::Answer;
use crate::pack::model::{DocumentationForm, FormField};
use crate::report::{FormResult, PrecisionResult, PrecisionRule, RecipientCompleteness, Status, Text};

use super::context::{Context, Truth};

/// Whether a field is required: its `appliesIf` is not certainly false.
fn required(ctx: &Context<'_, '_>, f: &FormField) -> bool {
    f.applies_if.as_ref().map_or(true, |c| ctx.truth(c, 0) != Truth::False)
}

/// The precision results of a field's questions that have a rule and a quantity answer.
fn precision_of<'a, 'p: 'a>(
    ctx: &'a Context<'_, '_>,
    f: &'p FormField,
) -> impl Iterator<Item = PrecisionResult<'p>> + 'a {
    f.questions().filter_map(move |(question, rule)| precision_at(ctx, f, question, rule?))
}

/// Whether every question of the field is answered.
fn answered(ctx: &Context<'_, '_>, f: &FormField) -> bool {
    f.questions().all(|(q, _)| ctx.answer(q, 0).is_some())
}

fn precision_at<'p>(
    ctx: &Context<'_, '_>,
    f: &'p FormField,
    question: &'p str,
    rule: crate::pack::model::Precision,
) -> Option<PrecisionResult<'p>> {
    let answer = ctx.answer(question, 0)?;
    let quantity = match answer {
        Answer::Quantity(q) => *q,
        _ => return None,
    };
    let (kind, required, pass) = if rule.order_of_magnitude {
        (PrecisionRule::OrderOfMagnitude, None, quantity.power_of_ten)
    } else {
        let n = rule.significant_figures?;
        (PrecisionRule::SignificantFigures, Some(n), quantity.significant_figures >= n)
    };
    Some(PrecisionResult {
        field_id: Text::Borrowed(&f.id),
        question_id: Text::Borrowed(question),
        rule: kind,
        required,
        found: Some(quantity.significant_figures),
        pass,
    })
}

/// Evaluates one form; `applicable` is whether its chapter applies.
pub(crate) fn evaluate<'p>(ctx: &Context<'_, '_>, form: &'p DocumentationForm, applicable: bool) -> FormResult<'p> {
    let fields: Vec<&FormField> = form.fields.iter().filter(|f| required(ctx, f)).collect();
    let answered = |f: &FormField| answered(ctx, f);
    let recipients = form
        .recipients
        .iter()
        .map(|r| {
            let theirs: Vec<&&FormField> = fields.iter().filter(|f| f.recipients.contains(&r.id)).collect();
            RecipientCompleteness {
                recipient: r.id,
                answered: theirs.iter().filter(|f| answered(f)).count() as u32,
                total: theirs.len() as u32,
                missing: theirs.iter().filter(|f| !answered(f)).map(|f| Text::Borrowed(f.id.as_str())).collect(),
            }
        })
        .collect();
    FormResult {
        id: Text::Borrowed(&form.id),
        measure_id: Text::Borrowed(&form.measure),
        applicable,
        answered: fields.iter().filter(|f| answered(f)).count() as u32,
        total: fields.len() as u32,
        recipients,
        precision: fields.iter().flat_map(|f| precision_of(ctx, f)).collect(),
    }
}

/// The status of "every item of the form is documented": met when every required field is
/// answered with the precision it needs; partial when a precision rule fails; otherwise
/// unanswered, with the fields still to fill in.
pub(crate) fn completeness<'p>(ctx: &Context<'_, 'p>, form: &'p DocumentationForm, needs: &mut Vec<&'p str>) -> Status {
    // One pass over the required fields; the form's whole result (per recipient) is not needed.
    let (mut open, mut imprecise) = (false, false);
    for f in form.fields.iter().filter(|f| required(ctx, f)) {
        for (question, rule) in f.questions() {
            if ctx.answer(question, 0).is_none() {
                open = true;
                if ctx.questions.get(question).is_some_and(|q| ctx.visible(q, 0)) {
                    needs.push(question);
                }
            } else if rule.and_then(|r| precision_at(ctx, f, question, r)).is_some_and(|p| !p.pass) {
                imprecise = true;
            }
        }
    }
    if imprecise {
        Status::Partial
    } else if open {
        Status::Unanswered
    } else {
        Status::Met
    }
}
