//! Pack validation: the rules the format cannot express in types. Every id unique; every
//! reference (question, KPI, form, obligation, profile input, confidence code, measure)
//! resolving; choice values and comparison operands fitting their questions.

use std::collections::{BTreeMap, BTreeSet};

use super::model::{
    ChangeKind, Chapter, Check, Condition, ItemKind, Operand, Pack, Question, QuestionType, FORMAT_VERSION,
};
use super::option_ids;
use crate::error::{ErrorCode, InputError};
use crate::scope::{scope_text, OBLIGATION_IDS};

impl Pack {
    /// Checks the rules the format cannot express in types.
    ///
    /// # Errors
    /// `invalid_pack` naming the first offending item.
    pub fn validate(&self) -> Result<(), InputError> {
        let bad = |path: String, msg: String| Err(InputError::new(ErrorCode::InvalidPack, path, msg));
        if self.format_version != FORMAT_VERSION {
            return bad("formatVersion".into(), format!("this engine reads pack format {FORMAT_VERSION}"));
        }
        let codes: BTreeSet<&str> = self.confidence_levels.iter().map(|c| c.code.as_str()).collect();
        let mut ids = BTreeSet::new();
        let mut questions = BTreeMap::new();
        for (ci, ch) in self.chapters.iter().enumerate() {
            for m in ch.commitments.iter().flat_map(|c| &c.measures) {
                for q in &m.questions {
                    if questions.insert(q.id.as_str(), q).is_some() {
                        return bad(format!("chapters[{ci}]"), format!("question id {:?} is used twice", q.id));
                    }
                }
            }
        }
        let inputs: BTreeSet<&str> = scope_text().inputs.iter().map(|i| i.id.as_str()).collect();
        let check_condition = |c: &Condition, at: &str| -> Result<(), InputError> {
            condition_refs(c, &questions, &inputs)
                .map_err(|msg| InputError::new(ErrorCode::InvalidPack, at.to_string(), msg))
        };
        for (ci, ch) in self.chapters.iter().enumerate() {
            let at = format!("chapters[{ci}]");
            if !ids.insert(ch.id.clone()) {
                return bad(at, format!("id {:?} is used twice", ch.id));
            }
            if let Some(o) = ch.obligations.iter().find(|o| !OBLIGATION_IDS.contains(&o.as_str())) {
                return bad(format!("{at}.obligations"), format!("unknown obligation {o:?}"));
            }
            if let Some(c) = &ch.applies_if {
                check_condition(c, &format!("{at}.appliesIf"))?;
            }
            if let Some(c) = &ch.also_applies_if {
                check_condition(c, &format!("{at}.alsoAppliesIf"))?;
            }
            for (ni, n) in ch.notes.iter().enumerate() {
                if !codes.contains(n.confidence.as_str()) {
                    return bad(format!("{at}.notes[{ni}]"), format!("unknown confidence {:?}", n.confidence));
                }
                if let Some(c) = &n.show_if {
                    check_condition(c, &format!("{at}.notes[{ni}].showIf"))?;
                }
            }
            for (ki, cm) in ch.commitments.iter().enumerate() {
                let at = format!("{at}.commitments[{ki}]");
                if !ids.insert(cm.id.clone()) {
                    return bad(at, format!("id {:?} is used twice", cm.id));
                }
                if !codes.contains(cm.confidence.as_str()) {
                    return bad(at, format!("unknown confidence {:?}", cm.confidence));
                }
                for (mi, m) in cm.measures.iter().enumerate() {
                    let at = format!("{at}.measures[{mi}]");
                    if !ids.insert(m.id.clone()) {
                        return bad(at, format!("id {:?} is used twice", m.id));
                    }
                    if !codes.contains(m.confidence.as_str()) {
                        return bad(at, format!("unknown confidence {:?}", m.confidence));
                    }
                    if m.sources.is_empty() {
                        return bad(format!("{at}.sources"), "a measure cites at least one source".into());
                    }
                    if let Some(c) = &m.applies_if {
                        check_condition(c, &format!("{at}.appliesIf"))?;
                    }
                    for (qi, q) in m.questions.iter().enumerate() {
                        let at = format!("{at}.questions[{qi}]");
                        let choice = matches!(q.kind, QuestionType::SingleChoice | QuestionType::MultiChoice);
                        if choice == q.options.is_empty() {
                            return bad(at, "choice questions need options; other types have none".into());
                        }
                        if let Some(c) = &q.show_if {
                            check_condition(c, &format!("{at}.showIf"))?;
                        }
                    }
                    for (ri, r) in m.requirements.iter().enumerate() {
                        let at = format!("{at}.requirements[{ri}]");
                        if !ids.insert(r.id.clone()) {
                            return bad(at, format!("id {:?} is used twice", r.id));
                        }
                        if !codes.contains(r.confidence.as_str()) {
                            return bad(at, format!("unknown confidence {:?}", r.confidence));
                        }
                        if let Some(c) = &r.applies_if {
                            check_condition(c, &format!("{at}.appliesIf"))?;
                        }
                        for (ki, k) in r.kpis.iter().enumerate() {
                            if !ids.insert(k.id.clone()) {
                                return bad(format!("{at}.kpis[{ki}]"), format!("id {:?} is used twice", k.id));
                            }
                            match questions.get(k.question.as_str()) {
                                Some(q) if q.kind == QuestionType::Number => {}
                                _ => {
                                    return bad(
                                        format!("{at}.kpis[{ki}].question"),
                                        format!("{:?} is not a number question of this pack", k.question),
                                    )
                                }
                            }
                            if k.target.is_some() != k.comparator.is_some() {
                                return bad(
                                    format!("{at}.kpis[{ki}]"),
                                    "a KPI has both a comparator and a target, or neither".into(),
                                );
                            }
                        }
                        if let Some(check) = &r.check {
                            check_refs(check, r, &questions, &inputs)
                                .map_err(|msg| InputError::new(ErrorCode::InvalidPack, format!("{at}.check"), msg))?;
                        }
                    }
                }
            }
        }
        validate_changelog(self, &questions)?;
        let forms: BTreeSet<&str> =
            self.chapters.iter().filter_map(|c| c.form.as_ref()).map(|f| f.id.as_str()).collect();
        for (ci, ch) in self.chapters.iter().enumerate() {
            let at = format!("chapters[{ci}]");
            validate_extras(ch, &at, &mut ids, &codes, &questions, &check_condition)?;
            for m in ch.commitments.iter().flat_map(|c| &c.measures) {
                for (ri, r) in m.requirements.iter().enumerate() {
                    if let Some(Check::FormComplete(f)) = &r.check {
                        if !forms.contains(f.as_str()) {
                            return bad(
                                format!("{at} {}.requirements[{ri}].check", m.id),
                                format!("no form {f:?} in this pack"),
                            );
                        }
                    }
                }
            }
        }
        Ok(())
    }
}

type QuestionIndex<'a> = BTreeMap<&'a str, &'a Question>;

/// The changelog: newest first and starting with this version, ids unique, every item that was
/// added or changed present (and every removed one gone), every `affects` id a pack item.
fn validate_changelog(pack: &Pack, questions: &QuestionIndex<'_>) -> Result<(), InputError> {
    let bad = |path: String, msg: String| Err(InputError::new(ErrorCode::InvalidPack, path, msg));
    let mut law = BTreeSet::new();
    for (li, l) in pack.law.iter().enumerate() {
        if !law.insert(l.id.as_str()) {
            return bad(format!("law[{li}]"), format!("id {:?} is used twice", l.id));
        }
    }
    if let Some(first) = pack.changelog.first() {
        if first.version != pack.version {
            return bad("changelog[0].version".into(), format!("the newest entry is version {}", pack.version));
        }
    }
    let mut items: BTreeMap<ItemKind, BTreeSet<&str>> = BTreeMap::new();
    let mut all = BTreeSet::new();
    for ch in &pack.chapters {
        for m in ch.commitments.iter().flat_map(|c| &c.measures) {
            all.insert(m.id.as_str());
            for r in &m.requirements {
                items.entry(ItemKind::Requirement).or_default().insert(&r.id);
                for k in &r.kpis {
                    items.entry(ItemKind::Kpi).or_default().insert(&k.id);
                }
            }
        }
        for f in ch.form.iter().flat_map(|f| &f.fields) {
            items.entry(ItemKind::FormField).or_default().insert(&f.id);
        }
        for x in &ch.cross_checks {
            items.entry(ItemKind::CrossCheck).or_default().insert(&x.id);
            all.insert(x.id.as_str());
        }
    }
    items.entry(ItemKind::Question).or_default().extend(questions.keys().copied());
    all.extend(questions.keys().copied());
    let text = scope_text();
    items.entry(ItemKind::ScopeReason).or_default().extend(text.reasons.iter().map(|r| r.id.as_str()));
    items.entry(ItemKind::ProfileInput).or_default().extend(text.inputs.iter().map(|i| i.id.as_str()));
    items.insert(ItemKind::Law, law);
    let mut ids = BTreeSet::new();
    let mut versions = BTreeSet::new();
    for (vi, v) in pack.changelog.iter().enumerate() {
        if !versions.insert(v.version.as_str()) {
            return bad(format!("changelog[{vi}]"), format!("version {} is listed twice", v.version));
        }
        for (ci, c) in v.changes.iter().enumerate() {
            let at = format!("changelog[{vi}].changes[{ci}]");
            if !ids.insert(c.id.as_str()) {
                return bad(at, format!("id {:?} is used twice", c.id));
            }
            // Only the newest version's items must match the pack as it is now: an older
            // version's item may have changed again since.
            let present = items.get(&c.item_kind).is_some_and(|s| s.contains(c.item.as_str()));
            if vi == 0 && present == (c.change == ChangeKind::Removed) {
                let is = if present { "is still" } else { "is not" };
                return bad(format!("{at}.item"), format!("{:?} {is} in this pack", c.item));
            }
            if let Some(a) = c.affects.iter().find(|a| !all.contains(a.as_str())) {
                return bad(format!("{at}.affects"), format!("{a:?} is not a measure, cross-check or question"));
            }
            if c.sources.is_empty() {
                return bad(format!("{at}.sources"), "a change cites what it rests on".into());
            }
        }
    }
    Ok(())
}

type ConditionCheck<'a> = dyn Fn(&Condition, &str) -> Result<(), InputError> + 'a;

/// Forms, cross-checks and simplifications of one chapter.
fn validate_extras(
    ch: &Chapter,
    at: &str,
    ids: &mut BTreeSet<String>,
    codes: &BTreeSet<&str>,
    questions: &QuestionIndex<'_>,
    check_condition: &ConditionCheck<'_>,
) -> Result<(), InputError> {
    let bad = |path: String, msg: String| Err(InputError::new(ErrorCode::InvalidPack, path, msg));
    let measures: BTreeSet<&str> = ch.commitments.iter().flat_map(|c| &c.measures).map(|m| m.id.as_str()).collect();
    if let Some(doc) = &ch.document {
        let at = format!("{at}.document");
        for (name, q) in [
            ("writtenHere", &doc.written_here),
            ("modelQuestion", &doc.model_question),
            ("versionQuestion", &doc.version_question),
        ] {
            if !questions.contains_key(q.as_str()) {
                return bad(format!("{at}.{name}"), format!("{q:?} is not a question of this pack"));
            }
        }
        for (si, s) in doc.sections.iter().enumerate() {
            for (ii, item) in s.items.iter().enumerate() {
                let at = format!("{at}.sections[{si}].items[{ii}]");
                match (&item.question, &item.profile) {
                    (Some(q), None) if questions.contains_key(q.as_str()) => {}
                    (Some(q), None) => {
                        return bad(format!("{at}.question"), format!("{q:?} is not a question of this pack"))
                    }
                    (None, Some(input)) if crate::scope::scope_text().inputs.iter().any(|i| &i.id == input) => {}
                    (None, Some(input)) => {
                        return bad(format!("{at}.profile"), format!("{input:?} is not a profile input"))
                    }
                    _ => return bad(at, "an item holds either a question or a profile input".into()),
                }
            }
        }
    }
    if let Some(form) = &ch.form {
        let at = format!("{at}.form");
        let Some(home) = ch.commitments.iter().flat_map(|c| &c.measures).find(|m| m.id == form.measure) else {
            return bad(format!("{at}.measure"), format!("no measure {:?} in this chapter", form.measure));
        };
        for (fi, f) in form.fields.iter().enumerate() {
            let at = format!("{at}.fields[{fi}]");
            if !ids.insert(f.id.clone()) {
                return bad(at, format!("id {:?} is used twice", f.id));
            }
            if !home.questions.iter().any(|q| q.id == f.question) {
                return bad(
                    format!("{at}.question"),
                    format!("{:?} is not a question of {}", f.question, form.measure),
                );
            }
            if !form.sections.contains(&f.section) {
                return bad(format!("{at}.section"), format!("{:?} is not one of the form's sections", f.section));
            }
            if let Some(r) = f.recipients.iter().find(|r| !form.recipients.iter().any(|s| s.id == **r)) {
                return bad(format!("{at}.recipients"), format!("{r:?} is not a recipient column of the form"));
            }
            if !codes.contains(f.confidence.as_str()) {
                return bad(at, format!("unknown confidence {:?}", f.confidence));
            }
            if f.precision.is_some()
                && questions.get(f.question.as_str()).is_some_and(|q| q.kind != QuestionType::Quantity)
            {
                return bad(format!("{at}.precision"), "a precision rule needs a quantity question".into());
            }
            for (pi, part) in f.parts.iter().enumerate() {
                let at = format!("{at}.parts[{pi}]");
                let Some(q) = home.questions.iter().find(|q| q.id == part.question) else {
                    return bad(
                        format!("{at}.question"),
                        format!("{:?} is not a question of {}", part.question, form.measure),
                    );
                };
                if part.precision.is_some() && q.kind != QuestionType::Quantity {
                    return bad(format!("{at}.precision"), "a precision rule needs a quantity question".into());
                }
            }
            if let Some(c) = &f.applies_if {
                check_condition(c, &format!("{at}.appliesIf"))?;
            }
        }
    }
    for (xi, x) in ch.cross_checks.iter().enumerate() {
        let at = format!("{at}.crossChecks[{xi}]");
        if !ids.insert(x.id.clone()) {
            return bad(at, format!("id {:?} is used twice", x.id));
        }
        if x.sources.is_empty() {
            return bad(format!("{at}.sources"), "a cross-check cites the rule it rests on".into());
        }
        check_condition(&x.when, &format!("{at}.when"))?;
    }
    for (si, s) in ch.simplifications.iter().enumerate() {
        let at = format!("{at}.simplifications[{si}]");
        if let Some(m) = s.measures.iter().find(|m| !measures.contains(m.as_str())) {
            return bad(format!("{at}.measures"), format!("no measure {m:?} in this chapter"));
        }
        if !codes.contains(s.confidence.as_str()) {
            return bad(at, format!("unknown confidence {:?}", s.confidence));
        }
    }
    Ok(())
}

fn choice_values(question: &str, values: &[String], questions: &QuestionIndex<'_>) -> Result<(), String> {
    let q = questions.get(question).ok_or_else(|| format!("unknown question {question:?}"))?;
    let allowed: Vec<&str> =
        if q.kind == QuestionType::Quantity && q.allow_not_applicable { vec!["N/A"] } else { option_ids(q).collect() };
    if allowed.is_empty() {
        return Err(format!("question {question:?} is not a choice question"));
    }
    match values.iter().find(|v| !allowed.contains(&v.as_str())) {
        Some(v) => Err(format!("{v:?} is not an option of question {question:?}")),
        None => Ok(()),
    }
}

fn check_refs(
    check: &Check,
    r: &super::model::Requirement,
    questions: &QuestionIndex<'_>,
    inputs: &BTreeSet<&str>,
) -> Result<(), String> {
    match check {
        Check::Choice(c) => {
            choice_values(&c.question, &c.met, questions)?;
            choice_values(&c.question, &c.partial, questions)
        }
        Check::Provided(p) => {
            questions.get(p.question.as_str()).map(|_| ()).ok_or_else(|| format!("unknown question {:?}", p.question))
        }
        Check::Kpi(id) => match r.kpis.iter().find(|k| &k.id == id) {
            Some(k) if k.target.is_some() => Ok(()),
            Some(_) => Err(format!("KPI {id:?} has no target, so it cannot decide a requirement")),
            None => Err(format!("KPI {id:?} is not defined in this requirement")),
        },
        Check::All(list) if list.is_empty() => Err("an `all` check needs at least one check".into()),
        Check::All(list) => list.iter().try_for_each(|c| check_refs(c, r, questions, inputs)),
        // Resolved against the pack's forms once every chapter is read.
        Check::FormComplete(_) => Ok(()),
        Check::When(w) => {
            condition_refs(&w.condition, questions, inputs)?;
            check_refs(&w.check, r, questions, inputs)
        }
    }
}

fn condition_refs(c: &Condition, questions: &QuestionIndex<'_>, inputs: &BTreeSet<&str>) -> Result<(), String> {
    match c {
        Condition::All(list) | Condition::Any(list) => {
            list.iter().try_for_each(|c| condition_refs(c, questions, inputs))
        }
        Condition::Not(inner) => condition_refs(inner, questions, inputs),
        Condition::Scope(_) => Ok(()),
        Condition::Profile(t) if inputs.contains(t.input.as_str()) => Ok(()),
        Condition::Profile(t) => Err(format!("unknown profile input {:?}", t.input)),
        Condition::Answer(t) => choice_values(&t.question, &t.one_of, questions),
        Condition::Answered(q) => {
            questions.get(q.as_str()).map(|_| ()).ok_or_else(|| format!("unknown question {q:?}"))
        }
        Condition::Compare(c) => {
            operand_refs(&c.left, questions, inputs)?;
            operand_refs(&c.right, questions, inputs)
        }
        Condition::WithinRounding(t) => match questions.get(t.answer.as_str()).map(|q| q.kind) {
            Some(QuestionType::Quantity) => operand_refs(&t.of, questions, inputs),
            Some(kind) => Err(format!("question {:?} ({kind:?}) is not a quantity", t.answer)),
            None => Err(format!("unknown question {:?}", t.answer)),
        },
    }
}

fn operand_refs(o: &Operand, questions: &QuestionIndex<'_>, inputs: &BTreeSet<&str>) -> Result<(), String> {
    match o {
        Operand::Answer(q) => match questions.get(q.as_str()).map(|q| q.kind) {
            Some(QuestionType::Number | QuestionType::Quantity | QuestionType::Date | QuestionType::Text) => Ok(()),
            Some(kind) => Err(format!("question {q:?} ({kind:?}) cannot be compared")),
            None => Err(format!("unknown question {q:?}")),
        },
        Operand::Profile(i) if inputs.contains(i.as_str()) => Ok(()),
        Operand::Profile(i) => Err(format!("unknown profile input {i:?}")),
        Operand::Value(v) if v.is_number() || v.is_string() => Ok(()),
        Operand::Value(v) => Err(format!("{v} is neither a number nor a date")),
        Operand::Magnitude(inner) | Operand::Normalised(inner) => operand_refs(inner, questions, inputs),
    }
}
