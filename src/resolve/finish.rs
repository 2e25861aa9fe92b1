//! Steps 5 to 7 of resolution: canonical names, ids and scores, and the
//! [`Resolution`] built from the state.

use super::engine::Engine;
use super::names::{has_diacritics, Variant};
use super::state::Fate;
use super::{Assignment, Resolution, ResolvedEntity, NONE};
use crate::analyze::Name;
use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::Arc;

impl Engine<'_> {
    /// Steps 5 to 7: canonical names, ids, scores; the resolution.
    pub(super) fn finish(&mut self, mention_group: &[u32], mention_doc: &[u32]) -> Resolution {
        let n_ents = self.st.ents.len();
        let placed: Vec<(u32, bool)> = mention_group
            .iter()
            .zip(mention_doc)
            .map(|(&g, &d)| match self.st.fates[g as usize] {
                Fate::Entity(e, amb) => (e, amb),
                Fate::Open => self.st.decisions[&(g, d)],
            })
            .collect();
        let mut counts = vec![0usize; n_ents];
        let mut ent_groups: Vec<Vec<u32>> = vec![Vec::new(); n_ents];
        for (&(e, _), &g) in placed.iter().zip(mention_group) {
            counts[e as usize] += 1;
            let v = &mut ent_groups[e as usize];
            if v.last() != Some(&g) {
                v.push(g);
            }
        }
        for v in &mut ent_groups {
            v.sort_unstable();
            v.dedup();
        }
        // Canonical names and the analysed canonical per entity.
        let mut canon: Vec<Option<(String, Name)>> = vec![None; n_ents];
        let mut names: Vec<Vec<String>> = vec![Vec::new(); n_ents];
        for e in 0..n_ents {
            if counts[e] == 0 {
                continue;
            }
            let mut variants: Vec<(u8, &Variant)> = ent_groups[e]
                .iter()
                .flat_map(|&g| {
                    let grp = &self.st.groups[g as usize];
                    grp.variants.iter().map(move |v| (grp.complete, v))
                })
                .collect();
            // Latin-script forms first (a transliterated Arabic or Cyrillic
            // name counts its parts differently), then the most complete.
            variants.sort_by(|a, b| {
                let latin = |v: &Variant| crate::fold::is_latin_or_common(&v.display);
                latin(b.1)
                    .cmp(&latin(a.1))
                    .then(b.0.cmp(&a.0))
                    .then(b.1.well_cased.cmp(&a.1.well_cased))
                    .then(has_diacritics(&b.1.display).cmp(&has_diacritics(&a.1.display)))
                    .then(b.1.count.cmp(&a.1.count))
                    .then(a.1.display.cmp(&b.1.display))
            });
            let c = match self.st.ents[e].alias {
                Some(k) => {
                    let n = &self.s.aliases.names_of(k as usize)[0];
                    (
                        self.s.aliases.entities()[k as usize].canonical.clone(),
                        n.name.clone(),
                    )
                }
                None => {
                    let d = variants[0].1.display.to_string();
                    let n = self.s.analyzer.analyze(&d);
                    (d, n)
                }
            };
            canon[e] = Some(c);
            let mut by_count: FxHashMap<&str, u32> = FxHashMap::default();
            for (_, v) in &variants {
                *by_count.entry(&v.display).or_default() += v.count;
            }
            let mut list: Vec<(&str, u32)> = by_count.into_iter().collect();
            list.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
            names[e] = list.into_iter().map(|(s, _)| s.to_string()).collect();
        }
        // Ids.
        let mut taken: FxHashSet<String> = self
            .s
            .aliases
            .entities()
            .iter()
            .map(|x| x.id.clone())
            .collect();
        let mut ids: Vec<Option<Arc<str>>> = vec![None; n_ents];
        let mut out_index = vec![NONE; n_ents];
        let mut entities = Vec::new();
        for e in 0..n_ents {
            let Some((canonical, cname)) = &canon[e] else {
                continue;
            };
            let id = match self.st.ents[e].alias {
                Some(k) => self.s.aliases.entities()[k as usize].id.clone(),
                None => unique(slug(cname), &mut taken),
            };
            ids[e] = Some(id.as_str().into());
            out_index[e] = entities.len() as u32;
            entities.push(ResolvedEntity {
                id,
                canonical: canonical.clone(),
                kind: self.st.ents[e].kind,
                names: std::mem::take(&mut names[e]),
                count: counts[e],
                alias: self.st.ents[e].alias.map(|k| k as usize),
            });
        }
        let canon_arc: Vec<Option<Arc<str>>> = canon
            .iter()
            .map(|c| c.as_ref().map(|(s, _)| Arc::from(s.as_str())))
            .collect();
        let mut scores: FxHashMap<(u32, u32), f64> = FxHashMap::default();
        let mut assignments = Vec::with_capacity(placed.len());
        for (&(e, amb), &g) in placed.iter().zip(mention_group) {
            let score = *scores.entry((g, e)).or_insert_with(|| {
                let cname = &canon[e as usize].as_ref().expect("has mentions").1;
                self.score(&self.st.groups[g as usize].name, cname)
            });
            assignments.push(Assignment {
                entity: ids[e as usize].clone().expect("has mentions"),
                canonical: canon_arc[e as usize].clone().expect("has mentions"),
                index: out_index[e as usize] as usize,
                score,
                ambiguous: amb,
            });
        }
        Resolution {
            assignments,
            entities,
        }
    }
}

/// A slug of an analysed name: folded parts joined by `-`.
pub(super) fn slug(name: &Name) -> String {
    let mut s = String::new();
    for p in name.parts() {
        for w in p.fold().split(' ').filter(|w| !w.is_empty()) {
            if !s.is_empty() {
                s.push('-');
            }
            s.push_str(w);
        }
    }
    if s.is_empty() {
        s.push_str("entity");
    }
    s
}

pub(super) fn unique(base: String, taken: &mut FxHashSet<String>) -> String {
    let mut id = base.clone();
    let mut n = 2;
    while taken.contains(&id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    taken.insert(id.clone());
    id
}
