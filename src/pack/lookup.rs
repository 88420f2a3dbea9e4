//! The pack's items by id, for renderers: a report (format 2) carries ids, and the words a
//! reader needs (titles, requirement texts, sources, units) are joined from the pack it was made
//! with. Lookups scan the pack: renderers run once per export, not per keystroke, and a scan
//! keeps the wasm smaller than a table per kind of item would (see docs/performance.md).

use super::model::{
    Chapter, CrossCheck, DocumentationForm, Kpi, Measure, Note, Pack, Requirement, Simplification, SourceKind,
};

/// The pack's chapters, measures, requirements, KPIs, notes, simplifications, forms and
/// cross-checks, found by id.
#[derive(Debug, Clone, Copy)]
pub struct Lookup<'p> {
    /// The pack itself (its title, disclaimer and version).
    pub pack: &'p Pack,
}

impl<'p> Lookup<'p> {
    /// The lookups of `pack`.
    pub fn of(pack: &'p Pack) -> Self {
        Lookup { pack }
    }

    fn measures(self) -> impl Iterator<Item = &'p Measure> {
        self.pack.chapters.iter().flat_map(|c| &c.commitments).flat_map(|c| &c.measures)
    }

    fn requirements(self) -> impl Iterator<Item = (&'p Measure, &'p Requirement)> {
        self.measures().flat_map(|m| m.requirements.iter().map(move |r| (m, r)))
    }

    /// The chapter with this id.
    pub fn chapter(self, id: &str) -> Option<&'p Chapter> {
        self.pack.chapters.iter().find(|c| c.id == id)
    }

    /// The measure with this id.
    pub fn measure(self, id: &str) -> Option<&'p Measure> {
        self.measures().find(|m| m.id == id)
    }

    /// The requirement with this id.
    pub fn requirement(self, id: &str) -> Option<&'p Requirement> {
        self.requirements().find(|(_, r)| r.id == id).map(|(_, r)| r)
    }

    /// The KPI with this id.
    pub fn kpi(self, id: &str) -> Option<&'p Kpi> {
        self.requirements().flat_map(|(_, r)| &r.kpis).find(|k| k.id == id)
    }

    /// The chapter note with this id.
    pub fn note(self, id: &str) -> Option<&'p Note> {
        self.pack.chapters.iter().flat_map(|c| &c.notes).find(|n| n.id == id)
    }

    /// The SME/SMC simplification with this id.
    pub fn simplification(self, id: &str) -> Option<&'p Simplification> {
        self.pack.chapters.iter().flat_map(|c| &c.simplifications).find(|s| s.id == id)
    }

    /// The documentation form with this id.
    pub fn form(self, id: &str) -> Option<&'p DocumentationForm> {
        self.pack.chapters.iter().filter_map(|c| c.form.as_ref()).find(|f| f.id == id)
    }

    /// The cross-check with this id.
    pub fn cross_check(self, id: &str) -> Option<&'p CrossCheck> {
        self.pack.chapters.iter().flat_map(|c| &c.cross_checks).find(|x| x.id == id)
    }

    /// What a requirement rests on: its own Code id and its measure's AI Act articles, e.g.
    /// `C-1.1-R1; Art 53(1)(c)`. The id itself when the pack does not hold it.
    pub fn requirement_sources(self, id: &str) -> String {
        let Some((m, r)) = self.requirements().find(|(_, r)| r.id == id) else { return id.to_string() };
        let mut s = r.id.clone();
        for x in m.sources.iter().filter(|x| x.kind != SourceKind::Code) {
            s.push_str("; ");
            s.push_str(&x.reference);
        }
        s
    }
}

impl Pack {
    /// Its items by id, for renderers (see [`Lookup`]).
    pub fn lookup(&self) -> Lookup<'_> {
        Lookup::of(self)
    }
}
