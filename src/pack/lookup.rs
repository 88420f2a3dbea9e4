//! The pack's items by id, for renderers: a report (format 2) carries ids, and the words a
//! reader needs (titles, requirement texts, sources, units) are joined from the pack it was made
//! with. Built once per render, not per evaluation.

use super::model::SourceKind;
use super::model::{Chapter, CrossCheck, DocumentationForm, Kpi, Measure, Note, Pack, Requirement, Simplification};
use super::IdMap;

/// The pack's measures, requirements, KPIs, notes, simplifications, forms and cross-checks by id.
#[derive(Debug)]
pub struct Lookup<'p> {
    /// The pack itself (its title, disclaimer and version).
    pub pack: &'p Pack,
    chapters: IdMap<&'p str, &'p Chapter>,
    measures: IdMap<&'p str, &'p Measure>,
    requirements: IdMap<&'p str, (&'p Measure, &'p Requirement)>,
    kpis: IdMap<&'p str, &'p Kpi>,
    notes: IdMap<&'p str, &'p Note>,
    simplifications: IdMap<&'p str, &'p Simplification>,
    forms: IdMap<&'p str, &'p DocumentationForm>,
    cross_checks: IdMap<&'p str, &'p CrossCheck>,
}

impl<'p> Lookup<'p> {
    /// Indexes every item of `pack` by id.
    pub fn of(pack: &'p Pack) -> Self {
        let mut l = Lookup {
            pack,
            chapters: IdMap::default(),
            measures: IdMap::default(),
            requirements: IdMap::default(),
            kpis: IdMap::default(),
            notes: IdMap::default(),
            simplifications: IdMap::default(),
            forms: IdMap::default(),
            cross_checks: IdMap::default(),
        };
        for ch in &pack.chapters {
            l.chapters.insert(&ch.id, ch);
            for n in &ch.notes {
                l.notes.insert(&n.id, n);
            }
            for s in &ch.simplifications {
                l.simplifications.insert(&s.id, s);
            }
            if let Some(f) = &ch.form {
                l.forms.insert(&f.id, f);
            }
            for x in &ch.cross_checks {
                l.cross_checks.insert(&x.id, x);
            }
            for m in ch.commitments.iter().flat_map(|c| &c.measures) {
                l.measures.insert(&m.id, m);
                for r in &m.requirements {
                    l.requirements.insert(&r.id, (m, r));
                    for k in &r.kpis {
                        l.kpis.insert(&k.id, k);
                    }
                }
            }
        }
        l
    }

    /// The chapter with this id.
    pub fn chapter(&self, id: &str) -> Option<&'p Chapter> {
        self.chapters.get(id).copied()
    }

    /// The measure with this id.
    pub fn measure(&self, id: &str) -> Option<&'p Measure> {
        self.measures.get(id).copied()
    }

    /// The requirement with this id.
    pub fn requirement(&self, id: &str) -> Option<&'p Requirement> {
        self.requirements.get(id).map(|(_, r)| *r)
    }

    /// The KPI with this id.
    pub fn kpi(&self, id: &str) -> Option<&'p Kpi> {
        self.kpis.get(id).copied()
    }

    /// The chapter note with this id.
    pub fn note(&self, id: &str) -> Option<&'p Note> {
        self.notes.get(id).copied()
    }

    /// The SME/SMC simplification with this id.
    pub fn simplification(&self, id: &str) -> Option<&'p Simplification> {
        self.simplifications.get(id).copied()
    }

    /// The documentation form with this id.
    pub fn form(&self, id: &str) -> Option<&'p DocumentationForm> {
        self.forms.get(id).copied()
    }

    /// The cross-check with this id.
    pub fn cross_check(&self, id: &str) -> Option<&'p CrossCheck> {
        self.cross_checks.get(id).copied()
    }

    /// What a requirement rests on: its own Code id and its measure's AI Act articles, e.g.
    /// `C-1.1-R1; Art 53(1)(c)`. The id itself when the pack does not hold it.
    pub fn requirement_sources(&self, id: &str) -> String {
        let Some((m, r)) = self.requirements.get(id) else { return id.to_string() };
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
