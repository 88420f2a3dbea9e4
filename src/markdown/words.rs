//! The words of the Markdown report: questions named by their text, answers by their option
//! labels, dates written out, and provider text escaped. Every name comes from the pack the
//! report was made with; an id the pack does not know (a report read back with another pack) is
//! shown as it is.

use crate::locale::Locale;
use crate::messages::Catalogue;
use crate::pack::model::{Pack, Question, QuestionType, SourceRef};
use crate::pack::{Lookup, QuestionIndex};
use crate::report::TraceAnswer;
use crate::scope::{ComplianceDeadline, DeadlineRule, ScopeText};

/// Longest question label, in characters, before it is cut at a word with "…".
const LABEL_CHARS: usize = 120;
/// Longest quoted text answer, in characters.
const QUOTE_CHARS: usize = 120;

/// The pack's items and questions, to name them and their answers (a report holds ids only),
/// the scope decision's texts and the engine's messages, all in the report's language: a text
/// is the locale's where it has one (by the keys of locales/README.md), else the English pack's.
pub(crate) struct Words<'p> {
    pack: Option<&'p Pack>,
    index: Option<QuestionIndex<'p>>,
    lookup: Option<Lookup<'p>>,
    scope: &'p ScopeText,
    locale: Option<&'p Locale>,
    /// The messages of the report's language.
    pub(crate) say: Catalogue<'p>,
}

impl<'p> Words<'p> {
    /// The words of `pack` (the one the report was made with) and of the scope texts, in the
    /// language of `locale` where it has them (English: `None`).
    pub(crate) fn of(pack: Option<&'p Pack>, scope: &'p ScopeText, locale: Option<&'p Locale>) -> Self {
        let say = locale.map_or(Catalogue::ENGLISH, Locale::catalogue);
        Self { pack, index: pack.map(|p| p.question_index()), lookup: pack.map(|p| p.lookup()), scope, locale, say }
    }

    /// The locale's text for the key made of `parts`, or `english`.
    fn tr(&self, parts: &[&str], english: &'p str) -> &'p str {
        if english.is_empty() {
            return english;
        }
        self.locale.and_then(|l| l.text(&parts.concat())).unwrap_or(english)
    }

    /// The pack's title and its caution, escaped.
    pub(super) fn pack_title_and_disclaimer(&self) -> (String, String) {
        self.pack.map_or_else(Default::default, |p| {
            (
                inline(self.tr(&["pack:", &p.id, ":title"], &p.title)),
                inline(self.tr(&["pack:", &p.id, ":disclaimer"], &p.disclaimer)),
            )
        })
    }

    /// The texts of law the pack encodes, each with its date, and those it names as not
    /// encoded yet, escaped.
    pub(super) fn law(&self) -> (Vec<String>, Vec<String>) {
        let mut encoded = Vec::new();
        let mut not_yet = Vec::new();
        for l in self.pack.map_or(&[][..], |p| &p.law[..]) {
            let title = inline(self.tr(&["law:", &l.id, ":title"], &l.title));
            match (&l.date, l.encoded) {
                (Some(d), true) => {
                    encoded.push(self.say.format("report.law-dated", &[("title", &title), ("date", &self.date(d))]))
                }
                (None, true) => encoded.push(title),
                (_, false) => not_yet.push(title),
            }
        }
        (encoded, not_yet)
    }

    /// A chapter's title, escaped; its id when unknown.
    pub(super) fn chapter_title(&self, id: &str) -> String {
        self.lookup
            .as_ref()
            .and_then(|l| l.chapter(id))
            .map_or_else(|| inline(id), |c| inline(self.tr(&["chapter:", id, ":title"], &c.title)))
    }

    /// A measure's title, escaped.
    pub(super) fn measure_title(&self, id: &str) -> String {
        self.lookup
            .as_ref()
            .and_then(|l| l.measure(id))
            .map_or_else(String::new, |m| inline(self.tr(&["measure:", id, ":title"], &m.title)))
    }

    /// A measure's sources (Code id, articles).
    pub(super) fn measure_sources(&self, id: &str) -> &'p [SourceRef] {
        let lookup: Option<&Lookup<'p>> = self.lookup.as_ref();
        lookup.and_then(|l| l.measure(id)).map_or(&[], |m| &m.sources[..])
    }

    /// A requirement's paraphrase (not escaped: callers shorten or trim it first).
    pub(super) fn requirement_text(&self, id: &str) -> &'p str {
        let lookup: Option<&Lookup<'p>> = self.lookup.as_ref();
        lookup.and_then(|l| l.requirement(id)).map_or("", |r| self.tr(&["requirement:", id, ":text"], &r.text))
    }

    /// A KPI's metric name and unit.
    pub(super) fn kpi_metric_and_unit(&self, id: &str) -> (&'p str, &'p str) {
        let lookup: Option<&Lookup<'p>> = self.lookup.as_ref();
        lookup.and_then(|l| l.kpi(id)).map_or(("", ""), |k| {
            (self.tr(&["kpi:", id, ":metric"], &k.metric), self.tr(&["kpi:", id, ":unit"], &k.unit))
        })
    }

    /// A chapter note's text, escaped.
    pub(super) fn note_text(&self, id: &str) -> String {
        self.lookup
            .as_ref()
            .and_then(|l| l.note(id))
            .map_or_else(String::new, |n| inline(self.tr(&["note:", id, ":text"], &n.text)))
    }

    /// A simplification's text and where the Code states it, escaped.
    pub(super) fn simplification(&self, id: &str) -> (String, String) {
        self.lookup.as_ref().and_then(|l| l.simplification(id)).map_or_else(Default::default, |x| {
            (inline(self.tr(&["simplification:", id, ":text"], &x.text)), inline(&x.reference))
        })
    }

    /// A documentation form's title, escaped.
    pub(super) fn form_title(&self, id: &str) -> String {
        self.lookup
            .as_ref()
            .and_then(|l| l.form(id))
            .map_or_else(|| inline(id), |f| inline(self.tr(&["form:", id, ":title"], &f.title)))
    }

    /// A form recipient's label and how it receives the items, escaped.
    pub(super) fn recipient(&self, form: &str, r: crate::pack::model::Recipient) -> (String, String) {
        let rid = recipient_id(r);
        self.lookup
            .as_ref()
            .and_then(|l| l.form(form))
            .and_then(|f| f.recipients.iter().find(|x| x.id == r))
            .map_or_else(Default::default, |x| {
                (
                    inline(self.tr(&["form:", form, ":recipient:", rid, ":label"], &x.label)),
                    inline(self.tr(&["form:", form, ":recipient:", rid, ":delivery"], &x.delivery)),
                )
            })
    }

    /// A cross-check's title, message and sources.
    pub(super) fn cross_check(&self, id: &str) -> (String, String, &'p [SourceRef]) {
        let lookup: Option<&Lookup<'p>> = self.lookup.as_ref();
        lookup.and_then(|l| l.cross_check(id)).map_or_else(
            || (inline(id), String::new(), &[][..]),
            |x| {
                (
                    inline(self.tr(&["cross-check:", id, ":title"], &x.title)),
                    inline(self.tr(&["cross-check:", id, ":message"], &x.message)),
                    &x.sources[..],
                )
            },
        )
    }

    /// A reason's text and source, escaped, and whether it is the tool's reading: from the scope
    /// data, or a chapter's own reason (`<chapter>.also-applies`) from the pack.
    pub(super) fn reason(&self, r: &crate::scope::Reason) -> (String, String, bool) {
        if let Some(spec) = self.scope.reason_spec(&r.id) {
            return (
                inline(self.tr(&["reason:", &r.id, ":text"], &spec.text)),
                inline(&spec.source),
                spec.interpretation,
            );
        }
        let chapter = r.id.strip_suffix(".also-applies").and_then(|c| self.lookup.as_ref()?.chapter(c));
        match chapter.and_then(|c| c.also_applies_reason.as_ref().map(|x| (c, x))) {
            Some((c, x)) => (inline(self.tr(&["chapter:", &c.id, ":also-applies"], &x.text)), inline(&x.source), false),
            None => (inline(&r.id), String::new(), false),
        }
    }

    fn question(&self, id: &str) -> Option<&'p Question> {
        self.index.and_then(|i| i.get(id))
    }

    /// The question's text, shortened, as a reader sees it (escaped); the id when unknown.
    pub(super) fn label(&self, id: &str) -> String {
        self.question(id).map_or_else(
            || inline(id),
            |q| inline(&shorten(self.tr(&["question:", id, ":text"], &q.text), LABEL_CHARS)),
        )
    }

    /// The label with the id after it in code type, for lists of questions someone has to go and
    /// answer: the id is the key in the answers file.
    pub(super) fn label_with_id(&self, id: &str) -> String {
        if self.question(id).is_some() {
            format!("{} (`{}`)", self.label(id), id.replace('`', ""))
        } else {
            format!("`{}`", id.replace('`', ""))
        }
    }

    /// An answer to question `id` in words: yes/partly/no, option labels, numbers with their
    /// unit, dates written out, provider text quoted.
    pub(super) fn answer(&self, id: &str, a: &TraceAnswer<'_>) -> String {
        let Some(q) = self.question(id) else { return raw_answer(a) };
        let unit = |s: String| match q.unit.as_deref() {
            Some(u) if !u.is_empty() => format!("{s} {}", inline(self.tr(&["question:", id, ":unit"], u))),
            _ => s,
        };
        match (q.kind, a) {
            (QuestionType::YesNo | QuestionType::YesPartlyNo, TraceAnswer::Text(t)) => match &**t {
                "yes" => self.say.template("answer.yes").into(),
                "no" => self.say.template("answer.no").into(),
                "partly" => self.say.template("answer.partly").into(),
                _ => quoted(t),
            },
            (QuestionType::SingleChoice, TraceAnswer::Text(t)) => self.option_label(q, t),
            (QuestionType::MultiChoice, TraceAnswer::List(l)) if l.is_empty() => {
                self.say.template("answer.none-selected").into()
            }
            (QuestionType::MultiChoice, TraceAnswer::List(l)) => {
                l.iter().map(|t| self.option_label(q, t)).collect::<Vec<_>>().join("; ")
            }
            (QuestionType::Number | QuestionType::Quantity, TraceAnswer::Number(n)) => unit(format!("{n}")),
            (QuestionType::Quantity, TraceAnswer::Text(t)) if t.eq_ignore_ascii_case("n/a") => {
                self.say.template("answer.not-applicable").into()
            }
            (QuestionType::Quantity, TraceAnswer::Text(t)) => unit(inline(t)),
            (QuestionType::Date, TraceAnswer::Text(t)) => self.date(t),
            _ => raw_answer(a),
        }
    }

    /// The option's label, or the id quoted when the question has no such option.
    fn option_label(&self, q: &Question, option: &str) -> String {
        q.options
            .iter()
            .find(|o| o.id == option)
            .map_or_else(|| quoted(option), |o| inline(self.tr(&["question:", &q.id, ":option:", &o.id], &o.label)))
    }

    /// `YYYY-MM-DD` written out in the report's language (see [`date_in`]).
    pub(crate) fn date(&self, d: &str) -> String {
        date_in(d, &self.say)
    }

    /// When the obligations must be met, in words.
    pub(super) fn deadline(&self, d: &ComplianceDeadline) -> String {
        let date = self.date(&d.date);
        match d.rule {
            DeadlineRule::ByDate => self.say.format("deadline.by-date", &[("date", &date)]),
            DeadlineRule::FromPlacingOnMarket => self.say.format("deadline.from-placing", &[("date", &date)]),
        }
    }

    /// An obligation's title and article from the scope data, escaped; the id when unknown.
    pub(super) fn obligation(&self, id: &str) -> (String, String) {
        self.scope.obligation_spec(id).map_or_else(
            || (inline(id), String::new()),
            |o| (inline(self.tr(&["obligation:", id, ":title"], &o.title)), inline(&o.article)),
        )
    }

    /// The profile question's label for this input id, escaped; the id when unknown.
    pub(super) fn input_label(&self, id: &str) -> String {
        self.scope
            .inputs
            .iter()
            .find(|i| i.id == id)
            .map_or_else(|| inline(id), |i| inline(self.tr(&["input:", id, ":label"], &i.label)))
    }

    /// The article of the obligation with this id (its first citation), as the scope data has it.
    pub(super) fn obligation_article(&self, id: &str) -> &'p str {
        self.scope.obligation_spec(id).map_or("", |o| o.article.split(';').next().unwrap_or_default().trim())
    }
}

/// `AIO`, `NCA`, `DP`: a Form recipient's id, as keys and the pack write it.
pub(crate) fn recipient_id(r: crate::pack::model::Recipient) -> &'static str {
    use crate::pack::model::Recipient;
    match r {
        Recipient::AiOffice => "AIO",
        Recipient::NationalAuthorities => "NCA",
        Recipient::DownstreamProviders => "DP",
    }
}

/// An answer without its question: texts quoted, numbers as they are.
fn raw_answer(a: &TraceAnswer<'_>) -> String {
    match a {
        TraceAnswer::Text(t) => quoted(t),
        TraceAnswer::Number(n) => format!("{n}"),
        TraceAnswer::List(l) => l.iter().map(|t| quoted(t)).collect::<Vec<_>>().join(", "),
    }
}

/// A text answer in quotes, cut after 120 characters.
pub(super) fn quoted(t: &str) -> String {
    let short: String = t.chars().take(QUOTE_CHARS).collect();
    if short.len() < t.len() {
        format!("\"{}…\"", inline(&short))
    } else {
        format!("\"{}\"", inline(t))
    }
}

/// A long text cut to its first question, then to `max` characters at a word, with "…".
pub(super) fn shorten(text: &str, max: usize) -> String {
    let text = text.trim();
    // A question followed by an explanation: the question names it.
    let first = match text.find("? ") {
        Some(i) => &text[..=i],
        None => text,
    };
    if first.chars().count() <= max {
        return first.to_string();
    }
    let cut: String = first.chars().take(max).collect();
    // Cut inside a word: back to the space before it.
    let whole_word = first[cut.len()..].starts_with(|c: char| !c.is_alphanumeric());
    let at_word = if whole_word { cut.as_str() } else { cut.rfind(' ').map_or(cut.as_str(), |i| &cut[..i]) };
    format!("{}…", at_word.trim_end_matches([',', ';', ':', ' ', '(', '-']))
}

/// One line of text, safe inside Markdown tables and free of HTML.
pub(crate) fn inline(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\n' | '\r' | '\t' => out.push(' '),
            '|' => out.push_str("\\|"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '`' | '*' | '_' | '[' | ']' | '#' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

/// `YYYY-MM-DD` written out with a catalogue's month names and date order ("2. August 2027",
/// "2 août 2027"); anything else as it is (escaped).
pub(crate) fn date_in(d: &str, say: &Catalogue<'_>) -> String {
    if !crate::date::is_valid(d) {
        return inline(d);
    }
    let (year, month, day) = (&d[0..4], &d[5..7], &d[8..10]);
    let month = say.template(&["date.month.", month.trim_start_matches('0')].concat());
    say.format("date.format", &[("day", day.trim_start_matches('0')), ("month", month), ("year", year)])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn provider_text_cannot_inject_html_or_break_tables() {
        assert_eq!(inline("<img src=x onerror=alert(1)>|x"), "&lt;img src=x onerror=alert(1)&gt;\\|x");
        assert_eq!(inline("a\nb"), "a b");
    }

    fn date_in_words(d: &str) -> String {
        date_in(d, &Catalogue::ENGLISH)
    }

    #[test]
    fn dates_are_written_in_words() {
        assert_eq!(date_in_words("2027-08-02"), "2 August 2027");
        assert_eq!(date_in_words("2025-12-31"), "31 December 2025");
        assert_eq!(date_in_words("2025-02-30"), "2025-02-30");
        assert_eq!(date_in_words("soon"), "soon");
    }

    #[test]
    fn long_questions_are_cut_at_a_word_and_short_ones_kept() {
        assert_eq!(shorten("Is it so?", 120), "Is it so?");
        assert_eq!(shorten("Is it so? Say why, with examples.", 120), "Is it so?");
        let long = "Do you compile a list of candidate risks, drawing on model-independent information and more";
        let short = shorten(long, 40);
        assert!(short.ends_with('…') && short.chars().count() <= 41, "{short}");
        assert_eq!(short, "Do you compile a list of candidate risks…");
    }
}
