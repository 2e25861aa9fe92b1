//! Resolution against entities known before the batch (an entity store's):
//! their distinct names enter the state first, each already on its entity,
//! and the batch is resolved against them with the same rules as a batch in
//! memory. Known complete names keep their entity; known short names keep
//! an entity of their own when they had one, and are decided per document
//! otherwise.

use super::engine::Engine;
use super::names::{analyse_all, Group};
use super::state::{Ent, Fate, State};
use super::{Label, Resolution, Resolver, NONE};
use crate::analyze::Kind;
use crate::index::blocking_keys;
use crate::Mention;
use rustc_hash::FxHashMap;
use std::sync::Arc;

/// A distinct name of a known entity.
#[derive(Debug, Clone)]
pub(crate) struct SeedName {
    /// Its display form.
    pub(crate) display: String,
    /// Its comparison key.
    pub(crate) key: String,
    /// Its kind.
    pub(crate) kind: Kind,
    /// Its mentions so far.
    pub(crate) count: u32,
    /// Its analysis by the resolver's analyzer, if the caller has it
    /// (otherwise the display form is analysed here).
    pub(crate) analysed: Option<crate::Name>,
}

/// A known entity.
#[derive(Debug, Clone)]
pub(crate) struct SeedEntity {
    /// Its id, kept.
    pub(crate) id: Arc<str>,
    /// Its kind.
    pub(crate) kind: Kind,
    /// Its index in the resolver's alias table, for an entity with known
    /// names (those match as alias names do).
    pub(crate) alias: Option<usize>,
    /// Its distinct names seen so far.
    pub(crate) names: Vec<SeedName>,
}

/// Known entities and the names that must never join them.
#[derive(Debug, Clone, Default)]
pub(crate) struct Seed {
    /// The entities.
    pub(crate) entities: Vec<SeedEntity>,
    /// (key, kind, entity index in `entities`): cannot-links.
    pub(crate) cannot: Vec<(String, Kind, usize)>,
}

/// A distinct name mentioned in the batch, on one entity of the resolution.
#[derive(Debug, Clone)]
pub(crate) struct BatchName {
    /// The entity's index in the resolution.
    pub(crate) entity: usize,
    /// The display form kept for the name.
    pub(crate) display: String,
    /// Its key.
    pub(crate) key: String,
    /// Its kind.
    pub(crate) kind: Kind,
    /// Its mentions in the batch on that entity.
    pub(crate) count: u32,
}

/// A batch resolved against known entities.
#[derive(Debug, Clone)]
pub(crate) struct Seeded {
    /// The resolution; known entities keep their ids, new ones have
    /// provisional ids until relabelled.
    pub(crate) resolution: Resolution,
    /// Per entity of the resolution: the known entity it is, if any.
    pub(crate) origin: Vec<Option<usize>>,
    /// The distinct names of the batch per entity, with their counts.
    pub(crate) names: Vec<BatchName>,
}

impl Resolution {
    /// Gives entity `i` of this resolution the id `id`, in its assignments
    /// too.
    pub(crate) fn relabel(&mut self, ids: &[(usize, String)]) {
        if ids.is_empty() {
            return;
        }
        let mut new: Vec<Option<&str>> = vec![None; self.entities.len()];
        for (i, id) in ids {
            self.entities[*i].id = id.clone();
            new[*i] = Some(id);
        }
        // One new label per relabelled entity, shared by its assignments
        // (which carry the canonical name of their own batch).
        // (The old label is kept with the new one, so that its address
        // stays its own while the map is in use.)
        let mut labels: FxHashMap<*const Label, (Arc<Label>, Arc<Label>)> = FxHashMap::default();
        for a in &mut self.assignments {
            if let Some(id) = new[a.index()] {
                let (_, label) = labels
                    .entry(Arc::as_ptr(&a.label))
                    .or_insert_with(|| (Arc::clone(&a.label), Label::new(id, &a.label.canonical)));
                a.label = Arc::clone(label);
            }
        }
    }
}

impl Resolution {
    /// The resolutions of consecutive batches as one: assignments in
    /// order, entities by id in order of first appearance, their counts
    /// summed and their names joined (the latest canonical name wins).
    pub(crate) fn concat(parts: Vec<Resolution>) -> Resolution {
        if parts.len() == 1 {
            return parts.into_iter().next().expect("one part");
        }
        let mut out = Resolution::default();
        let mut by_id: FxHashMap<String, usize> = FxHashMap::default();
        for p in parts {
            let mut map = Vec::with_capacity(p.entities.len());
            for e in p.entities {
                let j = match by_id.get(&e.id) {
                    Some(&j) => {
                        let old = &mut out.entities[j];
                        old.count += e.count;
                        old.canonical = e.canonical;
                        for n in e.names {
                            if !old.names.contains(&n) {
                                old.names.push(n);
                            }
                        }
                        j
                    }
                    None => {
                        by_id.insert(e.id.clone(), out.entities.len());
                        out.entities.push(e);
                        out.ents.push(NONE);
                        out.entities.len() - 1
                    }
                };
                map.push(j);
            }
            for mut a in p.assignments {
                a.index = map[a.index()] as u32;
                out.assignments.push(a);
            }
        }
        out
    }
}

impl Resolver {
    /// Resolves `mentions` against the known entities of `seed`, whose
    /// alias entities must be this resolver's alias table.
    pub(crate) fn resolve_seeded(&self, seed: &Seed, mentions: &[Mention]) -> Seeded {
        let s = &*self.settings;
        let an = analyse_all(s, mentions);
        let mut st = State::new(s, Vec::new(), FxHashMap::default());
        st.ids = vec![None; st.ents.len()];
        let mut ent_of_seed = Vec::with_capacity(seed.entities.len());
        for se in &seed.entities {
            let e = match se.alias {
                Some(k) => k as u32,
                None => {
                    st.ents.push(Ent {
                        alias: None,
                        kind: se.kind,
                        reps: Vec::new(),
                        founder: NONE,
                    });
                    st.ids.push(None);
                    (st.ents.len() - 1) as u32
                }
            };
            st.ids[e as usize] = Some(Arc::clone(&se.id));
            ent_of_seed.push(e);
        }
        let mut scratch = Vec::new();
        for (se, &e) in seed.entities.iter().zip(&ent_of_seed) {
            let groups: Vec<Group> = se
                .names
                .iter()
                .map(|n| {
                    Group::new(match (&n.analysed, n.kind) {
                        (Some(name), _) => name.clone(),
                        (None, Kind::Unknown) => s.analyzer.analyze(&n.display),
                        (None, k) => s.analyzer.analyze_as(&n.display, k),
                    })
                })
                .collect();
            let own = !groups.iter().any(Group::is_complete);
            for (n, mut grp) in se.names.iter().zip(groups) {
                let k = (Box::<str>::from(n.key.as_str()), n.kind);
                if let Some(&g) = st.keys.get(&k) {
                    // A short name on several entities (decided per
                    // document): its own entity, if it has one, is this.
                    st.groups[g as usize].count += n.count;
                    if own && st.ents[e as usize].alias.is_none() {
                        st.own.entry(g).or_insert(e);
                    }
                    continue;
                }
                grp.count = n.count;
                grp.variants[0].count = n.count;
                let g = st.groups.len() as u32;
                let complete = grp.is_complete();
                if complete {
                    st.fates.push(Fate::Entity(e, false));
                    let ent = &mut st.ents[e as usize];
                    if ent.founder == NONE {
                        ent.founder = g;
                    }
                    if ent.alias.is_none() {
                        ent.reps.push(g);
                        scratch.clear();
                        blocking_keys(&grp.name, &mut scratch);
                        st.index.insert_keys(e, &scratch);
                    }
                } else {
                    st.fates.push(Fate::Open);
                    if own && st.ents[e as usize].alias.is_none() {
                        st.own.entry(g).or_insert(e);
                        let ent = &mut st.ents[e as usize];
                        if ent.founder == NONE {
                            ent.founder = g;
                        }
                    }
                }
                st.groups.push(grp);
                st.keys.insert(k, g);
            }
        }
        st.seeded = st.groups.len();
        for (key, kind, i) in &seed.cannot {
            st.cannot
                .entry((key.as_str().into(), *kind))
                .or_default()
                .push(ent_of_seed[*i]);
        }
        // The batch's distinct names join the known ones.
        let mut remap = vec![0u32; an.groups.len()];
        let mut batch: Vec<Option<Group>> = an.groups.into_iter().map(Some).collect();
        let mut bkeys: Vec<_> = an.keys.into_iter().collect();
        bkeys.sort_unstable_by_key(|x| x.1);
        for (k, bg) in bkeys {
            let group = batch[bg as usize].take().expect("each group once");
            match st.keys.get(&k) {
                Some(&g) => {
                    st.groups[g as usize].merge(group);
                    remap[bg as usize] = g;
                }
                None => {
                    let g = st.groups.len() as u32;
                    st.groups.push(group);
                    st.fates.push(Fate::Open);
                    st.keys.insert(k, g);
                    remap[bg as usize] = g;
                }
            }
        }
        let mention_group: Vec<u32> = an
            .mention_group
            .iter()
            .map(|&g| remap[g as usize])
            .collect();
        let resolution = Engine::new(s, &mut st).run(&mention_group, &an.mention_doc);
        let mut seed_of_ent: FxHashMap<u32, usize> = FxHashMap::default();
        for (i, &e) in ent_of_seed.iter().enumerate() {
            seed_of_ent.insert(e, i);
        }
        let origin = resolution
            .ents
            .iter()
            .map(|e| seed_of_ent.get(e).copied())
            .collect();
        let mut counts: FxHashMap<(u32, u32), u32> = FxHashMap::default();
        for (a, &g) in resolution.assignments.iter().zip(&mention_group) {
            *counts.entry((a.index, g)).or_default() += 1;
        }
        let mut counts: Vec<_> = counts.into_iter().collect();
        counts.sort_unstable();
        let names = counts
            .into_iter()
            .map(|((e, g), count)| {
                let grp = &st.groups[g as usize];
                let display = if (g as usize) < st.seeded {
                    grp.variants[0].display.to_string()
                } else {
                    grp.variants
                        .iter()
                        .max_by(|a, b| {
                            a.count
                                .cmp(&b.count)
                                .then(a.well_cased.cmp(&b.well_cased))
                                .then(b.display.cmp(&a.display))
                        })
                        .map(|v| v.display.to_string())
                        .unwrap_or_default()
                };
                BatchName {
                    entity: e as usize,
                    display,
                    key: grp.name.key().to_string(),
                    kind: grp.name.kind(),
                    count,
                }
            })
            .collect();
        Seeded {
            resolution,
            origin,
            names,
        }
    }
}
