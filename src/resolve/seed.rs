//! Resolution against entities known before the batch (an entity store's):
//! their distinct names enter the state first, each already on its entity,
//! and the batch is resolved against them with the same rules as a batch in
//! memory. Known complete names keep their entity; known short names keep
//! an entity of their own when they had one, and are decided per document
//! otherwise.

use super::engine::Engine;
use super::names::{analyse_all, Group, Unmerge};
use super::state::{Ent, Fate, State};
use super::{Resolution, Resolver, ResolverBuilder, Settings, NONE};
use crate::analyze::Kind;
use crate::index::{blocking_keys, blocking_keys_by_part};
use crate::Mention;
use rustc_hash::FxHashMap;
use std::sync::Arc;

/// A distinct name of a known entity.
#[derive(Debug, Clone)]
pub(crate) struct SeedName {
    /// Its display form, while it has no analysis (empty once it has one:
    /// the analysis holds it).
    pub(crate) display: String,
    /// Its comparison key.
    pub(crate) key: String,
    /// Its kind.
    pub(crate) kind: Kind,
    /// Its mentions so far.
    pub(crate) count: u32,
    /// Its analysis by the resolver's analyzer, if the caller has it
    /// (otherwise the display form is analysed here).
    pub(crate) analysed: Option<SeedAnalysis>,
}

/// The analysis of a known name, made ready to enter the resolution state
/// as soon as it is read: its distinct name is built while the analysis is
/// still in the cache, rather than when the state is built from every
/// known name. (Boxed: the known names keep the place of one after the
/// state has taken it.)
#[derive(Debug, Clone)]
pub(crate) struct SeedAnalysis(Box<Group>);

impl SeedAnalysis {
    /// The analysis `name`, ready to enter the state.
    pub(crate) fn new(name: crate::Name) -> SeedAnalysis {
        SeedAnalysis(Box::new(Group::new(name)))
    }
}

/// A known entity.
#[derive(Debug, Clone)]
pub(crate) struct SeedEntity {
    /// Its id, kept.
    pub(crate) id: Arc<str>,
    /// Its kind.
    pub(crate) kind: Kind,
    /// Its canonical name as the store holds it (a batch writes it again
    /// only when it changes).
    pub(crate) canonical: Box<str>,
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
    /// The analysis of `display` with `kind` as the store makes it (see
    /// [`analysis_of_display`]), when the batch's own analysis of the name
    /// is that, so that it need not be made again; `None` otherwise.
    pub(crate) analysed: Option<crate::Name>,
    /// The blocking keys of `analysed` (sorted, distinct), as the batch
    /// computed them, for a complete name that has its analysis here.
    pub(crate) keys: Option<Vec<u64>>,
}

/// The analysis a store makes of a stored name — `display` analysed as
/// its kind when that is known, else with its kind guessed — taken from
/// `name`, the batch's analysis of the same distinct name, when `name` is
/// the analysis of `display` itself (see [`crate::Name::restated`]); `None`
/// when the name must be analysed again.
pub(crate) fn analysis_of_display(name: &crate::Name, display: &str) -> Option<crate::Name> {
    if name.original() != display {
        return None;
    }
    name.restated()
}

/// A batch resolved against known entities.
#[derive(Debug, Clone)]
pub(crate) struct Seeded {
    /// The resolution; known entities keep their ids, new ones have those
    /// handed out as they were named.
    pub(crate) resolution: Resolution,
    /// Per entity of the resolution: the known entity it is, if any.
    pub(crate) origin: Vec<Option<usize>>,
    /// The distinct names of the batch per entity, with their counts.
    pub(crate) names: Vec<BatchName>,
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

impl ResolverBuilder {
    /// The caps of the blocking index this builder's resolvers use.
    pub(crate) fn index_caps(&self) -> (usize, usize) {
        (self.max_postings, self.max_candidates)
    }

    /// The most threads this builder's resolvers use.
    pub(crate) fn thread_count(&self) -> usize {
        self.threads
    }
}

/// The resolution state of known entities, built once and brought up to
/// date after each batch, so that a batch costs its own names, not those of
/// every known entity.
///
/// It is always the state that [`SeedState::new`] would build from the
/// known entities as they are now: entities in seed order (alias entities
/// first, at their table index), each distinct name made from the first
/// entity that has it, the blocking index's lists in entity order. A batch
/// works on it and is taken back out of it once resolved.
pub(crate) struct SeedState {
    st: State,
    /// Seed entity → its entity in the state.
    ent_of_seed: Vec<u32>,
    /// Entity of the state → its seed entity ([`NONE`] for none).
    seed_of_ent: Vec<u32>,
    /// Per distinct name: the seed entity whose name made it.
    first: Vec<u32>,
    /// Per seed entity: whether it has no complete name (its short names
    /// are then its own).
    own: Vec<bool>,
    /// The blocking index's caps it was built with.
    caps: (usize, usize),
}

impl std::fmt::Debug for SeedState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SeedState")
            .field("entities", &self.ent_of_seed.len())
            .field("names", &self.st.groups.len())
            .finish_non_exhaustive()
    }
}

/// A name of a known entity to enter the state: its identity, its
/// mentions and its analysis.
struct NewName<'a> {
    key: &'a str,
    kind: Kind,
    count: u32,
    group: Group,
    /// Its blocking keys, when already computed.
    keys: Option<Vec<u64>>,
}

impl SeedState {
    /// The caps of the blocking index it was built with (see
    /// [`ResolverBuilder::index_caps`]).
    pub(crate) fn caps(&self) -> (usize, usize) {
        self.caps
    }

    /// The distinct name of `n` as the state makes it: analysed by `s`'s
    /// analyzer unless `n` carries its analysis (which it takes).
    fn group_of(s: &Settings, n: &mut SeedName) -> Group {
        match (n.analysed.take(), n.kind) {
            (Some(a), _) => *a.0,
            (None, Kind::Unknown) => Group::new(s.analyzer.analyze(&n.display)),
            (None, k) => Group::new(s.analyzer.analyze_as(&n.display, k)),
        }
    }

    /// Enters the names of seed entity `k` (which has no other name in the
    /// state yet, or none complete when `own` is set). Returns `false` when
    /// the state can no longer be kept as [`SeedState::new`] would build it
    /// (a complete name already made by an entity that comes later).
    fn add_names<'a>(
        &mut self,
        k: usize,
        names: impl IntoIterator<Item = NewName<'a>>,
        scratch: &mut Vec<u64>,
    ) -> bool {
        let st = &mut self.st;
        let e = self.ent_of_seed[k];
        let own = self.own[k];
        let alias = st.ents[e as usize].alias.is_some();
        for n in names {
            let key = (Box::<str>::from(n.key), n.kind);
            if let Some(&g) = st.keys.get(&key) {
                let first = self.first[g as usize] as usize;
                if first > k {
                    // This entity comes first: the distinct name is made
                    // from its name, as a fresh build would.
                    if n.group.is_complete() || st.groups[g as usize].is_complete() {
                        return false;
                    }
                    let old = st.groups[g as usize].count;
                    let mut grp = n.group;
                    grp.count = old + n.count;
                    grp.variants[0].count = n.count;
                    st.groups[g as usize] = grp;
                    self.first[g as usize] = k as u32;
                } else {
                    st.groups[g as usize].count += n.count;
                }
                if own && !alias {
                    // Its own entity is the first such entity.
                    let keep = st.own.get(&g).is_some_and(|&o| {
                        let j = self.seed_of_ent[o as usize];
                        j != NONE && (j as usize) < k
                    });
                    if !keep {
                        st.own.insert(g, e);
                    }
                }
                continue;
            }
            let mut grp = n.group;
            grp.count = n.count;
            grp.variants[0].count = n.count;
            let g = st.groups.len() as u32;
            if grp.is_complete() {
                st.fates.push(Fate::Entity(e, false));
                let ent = &mut st.ents[e as usize];
                if ent.founder == NONE {
                    ent.founder = g;
                }
                if ent.alias.is_none() {
                    ent.reps.push(g);
                    match &n.keys {
                        Some(keys) => st.index.insert_keys_in_order(e, keys),
                        None => {
                            scratch.clear();
                            blocking_keys(&grp.name, scratch);
                            st.index.insert_keys_in_order(e, scratch);
                        }
                    }
                }
            } else {
                st.fates.push(Fate::Open);
                if own && !alias {
                    st.own.entry(g).or_insert(e);
                    let ent = &mut st.ents[e as usize];
                    if ent.founder == NONE {
                        ent.founder = g;
                    }
                }
            }
            st.groups.push(grp);
            self.first.push(k as u32);
            st.keys.insert(key, g);
        }
        st.seeded = st.groups.len();
        true
    }

    /// Enters seed entity `k` into the state (its names come with
    /// [`SeedState::add_names`]).
    fn add_entity(&mut self, se: &SeedEntity) {
        let e = match se.alias {
            Some(k) => k as u32,
            None => {
                self.st.ents.push(Ent {
                    alias: None,
                    kind: se.kind,
                    reps: Vec::new(),
                    founder: NONE,
                });
                self.st.ids.push(None);
                (self.st.ents.len() - 1) as u32
            }
        };
        self.st.ids[e as usize] = Some(Arc::clone(&se.id));
        if self.seed_of_ent.len() < self.st.ents.len() {
            self.seed_of_ent.resize(self.st.ents.len(), NONE);
        }
        self.seed_of_ent[e as usize] = self.ent_of_seed.len() as u32;
        self.ent_of_seed.push(e);
        self.own.push(true);
    }

    /// Brings the state up to date with entities and names added to the
    /// seed since it was built: the seed entities it does not have yet are
    /// new (with no name in the state yet); `names` are the names new to
    /// their entity, as (seed entity, its name) with their analyses and,
    /// when known, their blocking keys (sorted, distinct); and
    /// `counts` the names already there whose mentions grew, as (seed
    /// entity, its name, added mentions).
    ///
    /// Returns `false` when the state can no longer be brought up to date
    /// this way (a complete name shared by entities in another order than
    /// before, or an entity that had only short names gaining a complete
    /// one): it must then be built again.
    pub(crate) fn extend(
        &mut self,
        seed: &Seed,
        names: Vec<(usize, usize, crate::Name, Option<Vec<u64>>)>,
        counts: &[(usize, usize, u32)],
    ) -> bool {
        for se in &seed.entities[self.ent_of_seed.len()..] {
            self.add_entity(se);
        }
        for &(k, j, add) in counts {
            let n = &seed.entities[k].names[j];
            let key = (Box::<str>::from(n.key.as_str()), n.kind);
            let Some(&g) = self.st.keys.get(&key) else {
                return false;
            };
            let grp = &mut self.st.groups[g as usize];
            grp.count = grp.count.saturating_add(add);
            if self.first[g as usize] as usize == k {
                grp.variants[0].count = grp.variants[0].count.saturating_add(add);
            }
        }
        // Per entity, in order: its new names.
        let mut names = names;
        names.sort_by_key(|n| n.0);
        let mut scratch = Vec::new();
        let mut names = names.into_iter().peekable();
        while let Some(&(k, ..)) = names.peek() {
            let mut batch = Vec::new();
            while let Some((_, j, name, keys)) = names.next_if(|n| n.0 == k) {
                let n = &seed.entities[k].names[j];
                batch.push(NewName {
                    key: &n.key,
                    kind: n.kind,
                    count: n.count,
                    group: Group::new(name),
                    keys,
                });
            }
            let complete = batch.iter().any(|n| n.group.is_complete());
            if complete && self.own[k] {
                let had = seed.entities[k].names.len() > batch.len();
                if had {
                    // Its short names were its own; a fresh build says
                    // otherwise now.
                    return false;
                }
                self.own[k] = false;
            }
            if !self.add_names(k, batch, &mut scratch) {
                return false;
            }
        }
        true
    }
}

impl Resolver {
    /// The resolution state of the known entities of `seed`, whose alias
    /// entities must be this resolver's alias table. The state takes the
    /// names' analyses; names that come without one are analysed here.
    pub(crate) fn seed_state(&self, seed: &mut Seed) -> SeedState {
        let s = &*self.settings;
        let mut st = State::new(s, Vec::new(), FxHashMap::default());
        st.ids = vec![None; st.ents.len()];
        let mut ss = SeedState {
            seed_of_ent: vec![NONE; st.ents.len()],
            st,
            ent_of_seed: Vec::with_capacity(seed.entities.len()),
            first: Vec::new(),
            own: Vec::with_capacity(seed.entities.len()),
            caps: (0, 0),
        };
        ss.caps = (ss.st.index.max_postings(), ss.st.index.max_candidates());
        for se in &seed.entities {
            ss.add_entity(se);
        }
        // Room for every known name at once (growing by doubling would
        // copy them all on the way, and leave up to half of it unused).
        let names: usize = seed.entities.iter().map(|e| e.names.len()).sum();
        ss.st.groups.reserve_exact(names);
        ss.st.fates.reserve_exact(names);
        ss.st.keys.reserve(names);
        ss.first.reserve_exact(names);
        let mut scratch = Vec::new();
        // (One list of an entity's names, reused for every entity.)
        let mut names: Vec<NewName> = Vec::new();
        for (k, se) in seed.entities.iter_mut().enumerate() {
            names.extend(se.names.iter_mut().map(|n| {
                let group = SeedState::group_of(s, n);
                NewName {
                    key: &n.key,
                    kind: n.kind,
                    count: n.count,
                    group,
                    keys: None,
                }
            }));
            ss.own[k] = !names.iter().any(|n| n.group.is_complete());
            let kept = ss.add_names(k, names.drain(..), &mut scratch);
            debug_assert!(kept, "a fresh build enters entities in order");
        }
        drop(names);
        for (key, kind, i) in &seed.cannot {
            ss.st
                .cannot
                .entry((key.as_str().into(), *kind))
                .or_default()
                .push(ss.ent_of_seed[*i]);
        }
        ss
    }

    /// Resolves `mentions` against the known entities of `ss` (built by
    /// this resolver, or one with the same settings and alias table). The
    /// state is left as it was: bring it up to date with what was committed
    /// with [`SeedState::extend`]. New entities get their ids from
    /// `new_id`, called in the order of the resolution's entities.
    pub(crate) fn resolve_seeded(
        &self,
        ss: &mut SeedState,
        mentions: &[Mention],
        new_id: &mut dyn FnMut() -> String,
    ) -> Seeded {
        let s = &*self.settings;
        let an = analyse_all(s, mentions);
        let st = &mut ss.st;
        let base_groups = st.groups.len();
        let base_ents = st.ents.len();
        let fates = st.fates.clone();
        let own = st.own.clone();
        // The known distinct names the batch adds variants to, as they were.
        let mut touched: Vec<(u32, Unmerge)> = Vec::new();
        let mut added: Vec<(Box<str>, Kind)> = Vec::new();
        // The batch's distinct names join the known ones.
        let mut remap = vec![0u32; an.groups.len()];
        // (Room for the batch's names, which leave the state with it.)
        st.groups.reserve_exact(an.groups.len());
        let mut batch: Vec<Option<Group>> = an.groups.into_iter().map(Some).collect();
        let mut bkeys: Vec<_> = an.keys.into_iter().collect();
        bkeys.sort_unstable_by_key(|x| x.1);
        for (k, bg) in bkeys {
            let group = batch[bg as usize].take().expect("each group once");
            match st.keys.get(&k) {
                Some(&g) => {
                    touched.push((g, st.groups[g as usize].merge_undoable(group)));
                    remap[bg as usize] = g;
                }
                None => {
                    let g = st.groups.len() as u32;
                    st.groups.push(group);
                    st.fates.push(Fate::Open);
                    added.push(k.clone());
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
        // The engine indexes the keys of the new complete names it places.
        // (Each new complete name's keys are kept: a name committed with
        // its entity enters the kept state with them.)
        let mut keys = Vec::new();
        let mut parts = Vec::new();
        let mut own_keys: Vec<Option<Vec<u64>>> = vec![None; st.groups.len() - base_groups];
        for (i, grp) in st.groups[base_groups..].iter().enumerate() {
            if !grp.is_complete() {
                continue;
            }
            blocking_keys_by_part(&grp.name, &mut parts);
            let mine: Vec<u64> = parts.iter().map(|&(k, _)| k).collect();
            keys.extend_from_slice(&mine);
            own_keys[i] = Some(mine);
        }
        keys.sort_unstable();
        keys.dedup();
        let index = st.index.save(keys);
        let resolution =
            Engine::new(s, &mut *st).run(&mention_group, &an.mention_doc, Some(new_id));
        let origin = resolution
            .ents
            .iter()
            .map(|&e| match ss.seed_of_ent.get(e as usize) {
                Some(&k) if k != NONE => Some(k as usize),
                _ => None,
            })
            .collect();
        let mut counts: FxHashMap<(u32, u32), u32> = FxHashMap::default();
        for (a, &g) in resolution.assignments.iter().zip(&mention_group) {
            *counts.entry((a.index, g)).or_default() += 1;
        }
        let mut counts: Vec<_> = counts.into_iter().collect();
        counts.sort_unstable();
        // The batch's distinct names leave the index of names here: the key
        // of each new one goes with its name (the first listed).
        let mut new_keys: Vec<Option<Box<str>>> = added
            .into_iter()
            .map(|k| {
                st.keys.remove(&k);
                Some(k.0)
            })
            .collect();
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
                // A name new to the state may be new to its entity: its
                // analysis is kept with it when it is the store's.
                let analysed = if (g as usize) < st.seeded {
                    None
                } else {
                    analysis_of_display(&grp.name, &display)
                };
                // (The keys of a name on several entities are cloned.)
                let keys = match (&analysed, (g as usize).checked_sub(base_groups)) {
                    (Some(_), Some(i)) => own_keys.get(i).cloned().flatten(),
                    _ => None,
                };
                BatchName {
                    entity: e as usize,
                    key: match (g as usize)
                        .checked_sub(base_groups)
                        .and_then(|i| new_keys[i].take())
                    {
                        Some(k) => k.into(),
                        None => grp.name.key().to_string(),
                    },
                    kind: grp.name.kind(),
                    display,
                    count,
                    analysed,
                    keys,
                }
            })
            .collect();
        // The batch is taken back out of the state.
        st.groups.truncate(base_groups);
        for (g, undo) in touched {
            st.groups[g as usize].unmerge(undo);
        }
        st.fates = fates;
        st.own = own;
        st.index.restore(index);
        st.ents.truncate(base_ents);
        for ent in &mut st.ents {
            while ent.reps.last().is_some_and(|&g| g as usize >= base_groups) {
                ent.reps.pop();
            }
        }
        st.doc_ents.clear();
        st.decisions.clear();
        Seeded {
            resolution,
            origin,
            names,
        }
    }
}
