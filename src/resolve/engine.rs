//! The engine: steps 2 to 4 of resolution (alias table, complete names,
//! short names per document) on a borrowed [`State`].

use super::names::same_org_core;
use super::state::{Ent, Fate, State};
use super::{Resolution, Settings, MAX_COMPARED, MIN_COMPARED, NONE};
use crate::analyze::{Name, Tag};
use crate::compare::{compare_searched, may_score};
use crate::index::{blocking_keys, blocking_keys_by_part, QueryScratch};
use rustc_hash::{FxHashMap, FxHashSet, FxHasher};
use std::hash::Hasher;

/// How far below the threshold a short name may score against some of an
/// entity's representatives and still join it, when it matches at least
/// one of them. Every conflict that caps a score (different numbers,
/// lineage places, initials or known given names, person vs organisation)
/// caps it below `threshold - JOIN_MARGIN` at the default threshold, so
/// such a pair never shares an entity.
pub(super) const JOIN_MARGIN: f64 = 0.15;

/// How far below the threshold a *complete* name may score against some of
/// an entity's representatives and still join it, when it matches at least
/// one of them, has a hard conflict with none of them
/// ([`Comparison::is_vetoed`](crate::Comparison::is_vetoed)) and its mean
/// score over them is at least `threshold - COMPLETE_MEAN_MARGIN`.
///
/// Alias-rich records name one person in forms that do not all match each
/// other (a full name with a patronymic, a short form, a second surname).
/// On labelled sanctions-list clusters, holding complete names to
/// [`JOIN_MARGIN`] as well kept pairwise recall at 0.59; this rule raises it
/// to 0.65 at the same precision (0.97), and the project's own clusters
/// gain too. What still stops chaining is the test against *every*
/// representative: a hard conflict with any one of them (two different
/// known given names, numbers, initials, lineage places, person against
/// organisation) or a score below the floor (0.25 at the default threshold:
/// nothing in common) keeps the name out.
pub(super) const COMPLETE_MARGIN: f64 = 0.55;

/// See [`COMPLETE_MARGIN`]: the mean score of a complete name over the
/// representatives of the entity it joins is at least
/// `threshold - COMPLETE_MEAN_MARGIN`.
pub(super) const COMPLETE_MEAN_MARGIN: f64 = 0.3;

/// Beyond the first [`MIN_COMPARED`], a candidate entity is compared only
/// when its key weight is at least this fraction of the best one's. Half:
/// a tighter cut (0.6 took 9% fewer instructions on a realistic stream)
/// dropped every entity tied on a common given name as soon as one other
/// entity also shared a prefix of the family name, and with it a misspelt
/// family name's own entity.
const NEAR_BEST: f32 = 0.5;

/// A document naming at most this many entities is searched entity by
/// entity for a short name; a longer one through its key index.
const DOC_SCAN_MAX: usize = 16;

/// Complete names in one batch of [`Engine::place_ahead`]. A larger batch
/// spends less on starting threads, but more of its names are placed
/// again; on a realistic stream of a million names, batches of 64 to 256
/// took the least time.
const AHEAD_BATCH: usize = 128;

/// Complete names (and (short name, document) pairs) below which
/// [`Engine::place_all`] places (and decides) them on one thread.
const AHEAD_MIN: usize = 4 * AHEAD_BATCH;

/// The keys a name and its document's entities are matched on: the
/// blocking keys, and for each main part its first and last letters and
/// its length, so that a misspelt family name ("Bakehib" for "Baekhib"),
/// which shares no blocking key, is still compared with the entities of its
/// document. A short name looks its part up at lengths one shorter and one
/// longer too (`query`).
fn doc_lookup_keys(name: &Name, query: bool, out: &mut Vec<u64>) {
    blocking_keys(name, out);
    for p in name.parts().filter(|p| p.tag().is_main()) {
        let f = p.fold();
        let (Some(a), Some(b)) = (f.chars().next(), f.chars().next_back()) else {
            continue;
        };
        let len = f.chars().count() as u32;
        let lens = if query {
            [len.saturating_sub(1), len, len + 1]
        } else {
            [len; 3]
        };
        for (i, n) in lens.into_iter().enumerate() {
            if i > 0 && !query {
                break;
            }
            let mut h = FxHasher::default();
            h.write_u64(0x6c6f_6f73_656b_6579);
            h.write_u32(a as u32);
            h.write_u32(b as u32);
            h.write_u32(n);
            out.push(h.finish());
        }
    }
}

/// The entity that fits best among candidates and their fits (ties to the
/// smaller entity, so the answer does not depend on their order).
fn best_of(fits: impl Iterator<Item = (u32, Option<f64>)>) -> Option<u32> {
    let mut best: Option<(f64, u32)> = None;
    for (e, fit) in fits {
        if let Some(s) = fit {
            let better = match best {
                None => true,
                Some((bs, be)) => s > bs || (s == bs && e < be),
            };
            if better {
                best = Some((s, e));
            }
        }
    }
    best.map(|(_, e)| e)
}

/// What the alias table says of a distinct name.
enum AliasClaim {
    /// It is this entity's.
    Entity(u32),
    /// Several entities claim it: it founds an entity of its own, marked
    /// ambiguous.
    Ambiguous,
}

/// `work` over `items[..at]` on this thread and over `items[at..]` on a
/// second one, each with its own of `scratch` (kept from call to call, so
/// that a thread started for each call does not size its buffers afresh);
/// the results in the order of the items.
fn on_two_threads<I: Sync, T: Send>(
    items: &[I],
    at: usize,
    scratch: &mut [Scratch; 2],
    work: impl Fn(&[I], &mut Scratch) -> Vec<T> + Sync,
) -> Vec<T> {
    let (left, right) = items.split_at(at);
    let [mine, theirs] = scratch;
    std::thread::scope(|scope| {
        let h = scope.spawn(|| work(right, theirs));
        let mut out = work(left, mine);
        out.extend(h.join().expect("a resolution thread panicked"));
        out
    })
}

/// A long document's entities by lookup key: `ents[a..b]` for the range
/// `ranges[key]`.
struct DocKeys {
    ranges: FxHashMap<u64, (u32, u32)>,
    ents: Vec<u32>,
}

/// A short name's decision in one document.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Short {
    Join(u32),
    /// Its own entity; whether it is ambiguous.
    Own(bool),
}

/// What step 4 learns about one short name while deciding it document by
/// document: its compatible entities across all documents, computed on
/// first need, and whether it fits each entity met so far. A name recurs
/// in many documents with the same entities, so each (name, entity) pair
/// is compared once rather than once per document, and a long document
/// naming many people with the same family name costs lookups, not
/// comparisons. Valid only while the entities do not change.
#[derive(Default)]
pub(super) struct ShortMemo {
    global: Option<Vec<u32>>,
    fits: FxHashMap<u32, bool>,
    /// The name's document lookup keys, sorted and without repeats, once
    /// a document has needed them.
    doc_keys: Option<Vec<u64>>,
}

impl ShortMemo {
    fn clear(&mut self) {
        self.global = None;
        self.fits.clear();
        self.doc_keys = None;
    }
}

/// The settings, a borrowed state, and scratch space.
pub(super) struct Engine<'s> {
    pub(super) s: &'s Settings,
    pub(super) st: &'s mut State,
    /// For each document naming more than [`DOC_SCAN_MAX`] entities: its
    /// entities by lookup key ([`DocKeys`]). A short name is
    /// compared only with the entities of its document that share a key
    /// with it, so that step 4 stays linear in the mentions of a long
    /// document. Built by a batch run once the complete names are placed;
    /// empty while names still arrive one by one, where every entity of
    /// the document is compared.
    doc_keys: FxHashMap<u32, DocKeys>,
    scratch: Scratch,
}

/// Buffers of a name's candidate search ([`Engine::candidates_with`]); its
/// blocking keys are left in `keys`. Kept by each thread that searches.
#[derive(Default)]
struct Scratch {
    parts: Vec<(u64, u64)>,
    keys: Vec<u64>,
    hits: Vec<(u32, f32)>,
    query: QueryScratch,
}

/// How many representatives of each candidate entity [`Engine::touch`]
/// reads ahead: the comparison with an entity ends at its first
/// representative that does not fit, most often the first.
const TOUCHED_REPS: usize = 2;

impl<'s> Engine<'s> {
    /// An engine working on `st` under the settings `s`.
    pub(super) fn new(s: &'s Settings, st: &'s mut State) -> Engine<'s> {
        Engine {
            s,
            st,
            doc_keys: FxHashMap::default(),
            scratch: Scratch::default(),
        }
    }

    fn threshold(&self) -> f64 {
        self.s.config.threshold
    }

    pub(super) fn new_entity(&mut self, founder: u32) -> u32 {
        let id = self.st.ents.len() as u32;
        self.st.ents.push(Ent {
            alias: None,
            kind: self.st.groups[founder as usize].name.kind(),
            reps: Vec::new(),
            founder,
        });
        id
    }

    pub(super) fn score(&self, a: &Name, b: &Name) -> f64 {
        if (a.key() == b.key() && a.kind() == b.kind()) || same_org_core(a, b) {
            return 1.0;
        }
        compare_searched(a, b, &self.s.config).score()
    }

    /// Step 2: the alias table. Exact aliases for every name, fuzzy for
    /// complete names.
    pub(super) fn alias_fate(&mut self, g: u32) -> Option<Fate> {
        Some(match self.alias_claim(g)? {
            AliasClaim::Entity(e) => Fate::Entity(e, false),
            AliasClaim::Ambiguous => {
                let e = self.new_entity(g);
                Fate::Entity(e, true)
            }
        })
    }

    /// What the alias table says of distinct name `g`, changing nothing.
    fn alias_claim(&self, g: u32) -> Option<AliasClaim> {
        let aliases = &self.s.aliases;
        if aliases.is_empty() {
            return None;
        }
        let name = &self.st.groups[g as usize].name;
        if name.is_empty() {
            return None;
        }
        let claim = aliases.exact(name.key());
        match claim.len() {
            0 => {}
            1 if self.st.forbidden(g, claim[0]) => return None,
            1 => return Some(AliasClaim::Entity(claim[0])),
            _ => return Some(AliasClaim::Ambiguous),
        }
        if !self.st.groups[g as usize].is_complete() {
            return None;
        }
        let m = aliases.lookup(name)?;
        if self.st.forbidden(g, m.index() as u32) {
            return None;
        }
        Some(if m.is_ambiguous() {
            AliasClaim::Ambiguous
        } else {
            AliasClaim::Entity(m.index() as u32)
        })
    }

    /// The candidate entities of distinct name `g`: the best
    /// [`MIN_COMPARED`], then those that share at least [`NEAR_BEST`] of the key weight
    /// of the best one, at most [`MAX_COMPARED`] in all.
    fn candidates(&mut self, g: u32) -> Vec<u32> {
        let mut sc = std::mem::take(&mut self.scratch);
        let cands = self.candidates_with(g, &mut sc);
        self.scratch = sc;
        cands
    }

    /// [`Engine::candidates`] with buffers of the caller's.
    fn candidates_with(&self, g: u32, sc: &mut Scratch) -> Vec<u32> {
        blocking_keys_by_part(&self.st.groups[g as usize].name, &mut sc.parts);
        sc.keys.clear();
        sc.keys.extend(sc.parts.iter().map(|&(k, _)| k));
        self.st
            .index
            .best_candidates(&sc.parts, MAX_COMPARED, &mut sc.hits, &mut sc.query);
        let best = sc.hits.first().map_or(0.0, |h| h.1);
        sc.hits
            .iter()
            .enumerate()
            .take_while(|(i, h)| *i < MIN_COMPARED || h.1 >= NEAR_BEST * best)
            .map(|(_, h)| h)
            .take(MAX_COMPARED)
            .map(|h| h.0)
            .collect()
    }

    /// Mean score of `g` against every representative of `e`, or `None`
    /// if `g` is not compatible: it must match at least one representative
    /// (reach the threshold) and come within [`JOIN_MARGIN`] of the
    /// threshold with every other one — for a complete name
    /// (`complete`), within [`COMPLETE_MARGIN`] of it with no hard
    /// conflict, and within [`COMPLETE_MEAN_MARGIN`] on average. An alias
    /// entity is compatible when any of its names matches (they may be
    /// deliberately diverse).
    fn fit(&self, g: u32, e: u32, complete: bool) -> Option<f64> {
        let name = &self.st.groups[g as usize].name;
        let ent = &self.st.ents[e as usize];
        let t = self.threshold();
        if self.st.forbidden(g, e) {
            return None;
        }
        if let Some(k) = ent.alias {
            let best = self
                .s
                .aliases
                .names_of(k as usize)
                .iter()
                .map(|n| self.score(name, &n.name))
                .fold(0.0, f64::max);
            return (best >= t).then_some(best);
        }
        let floor = t - if complete {
            COMPLETE_MARGIN
        } else {
            JOIN_MARGIN
        };
        let mut sum = 0.0;
        let mut best: f64 = 0.0;
        for &r in &ent.reps {
            let rep = &self.st.groups[r as usize].name;
            let s = if complete {
                self.score_unvetoed(name, rep)?
            } else {
                self.score(name, rep)
            };
            if s < floor {
                return None;
            }
            sum += s;
            best = best.max(s);
        }
        if ent.reps.is_empty() || best < t {
            return None;
        }
        let mean = sum / ent.reps.len() as f64;
        (!complete || mean >= t - COMPLETE_MEAN_MARGIN).then_some(mean)
    }

    /// [`Engine::score`], or `None` when a hard conflict capped it.
    fn score_unvetoed(&self, a: &Name, b: &Name) -> Option<f64> {
        if (a.key() == b.key() && a.kind() == b.kind()) || same_org_core(a, b) {
            return Some(1.0);
        }
        let c = compare_searched(a, b, &self.s.config);
        (!c.is_vetoed()).then(|| c.score())
    }

    /// Step 3 for one complete name: join the best entity it fits, or found
    /// one. Returns the entity.
    pub(super) fn place_complete(&mut self, g: u32) -> u32 {
        let cands = self.candidates(g);
        let best = self.best_fit(g, &cands);
        let keys = std::mem::take(&mut self.scratch.keys);
        let e = self.settle(g, best, &keys, |_| {});
        self.scratch.keys = keys;
        e
    }

    /// The entity among `cands` that complete name `g` fits best, if any
    /// (ties to the smaller entity).
    fn best_fit(&self, g: u32, cands: &[u32]) -> Option<u32> {
        self.touch(cands);
        best_of(cands.iter().map(|&e| (e, self.complete_fit(g, e))))
    }

    /// How complete name `g` fits entity `e` (never an alias entity: those
    /// claim names in step 2).
    fn complete_fit(&self, g: u32, e: u32) -> Option<f64> {
        if self.st.ents[e as usize].alias.is_some() {
            return None;
        }
        self.fit(g, e, true)
    }

    /// Places complete name `g` in entity `best`, or in a new entity, and
    /// indexes its blocking keys `keys` under it; `changed` hears each key
    /// whose posting may have changed. Returns the entity.
    fn settle(&mut self, g: u32, best: Option<u32>, keys: &[u64], changed: impl FnMut(u64)) -> u32 {
        let e = match best {
            Some(e) => e,
            None => self.new_entity(g),
        };
        self.st.ents[e as usize].reps.push(g);
        self.st.index.insert_keys_noting(e, keys, changed);
        e
    }

    /// Places the complete names `todo`, in order, as [`Engine::place_complete`]
    /// one after the other would, looking ahead on a second thread, `batch`
    /// names at a time.
    ///
    /// The names go in batches. Each name of a batch finds its candidates
    /// and the entity it fits best against the state at the start of the
    /// batch, the batch's two halves on two threads; then, in order, each
    /// name keeps what it found unless a name placed before it in the
    /// batch changed what it read: the posting of one of its keys (which
    /// decides its candidates and their ranks) or the representatives of
    /// one of its candidates (which decide their fits). Nothing else that
    /// placing a name reads changes while names are placed, so a name that
    /// keeps what it found gets what placing it alone would give; the
    /// others are placed again, alone. The result is the same, bit for
    /// bit, as placing every name alone.
    fn place_ahead(&mut self, todo: &[u32], batch: usize) {
        /// What a name found against the state at the start of its batch:
        /// its keys, and its candidates with how it fits each.
        struct Found {
            keys: Vec<u64>,
            fits: Vec<(u32, Option<f64>)>,
        }
        let look = |eng: &Engine, names: &[u32], sc: &mut Scratch| -> Vec<Found> {
            names
                .iter()
                .map(|&g| {
                    let cands = eng.candidates_with(g, sc);
                    eng.touch(&cands);
                    let fits = cands.iter().map(|&e| (e, eng.complete_fit(g, e))).collect();
                    Found {
                        keys: sc.keys.clone(),
                        fits,
                    }
                })
                .collect()
        };
        let mut keys_changed: FxHashSet<u64> = FxHashSet::default();
        let mut ents_changed: FxHashSet<u32> = FxHashSet::default();
        let mut scratch: [Scratch; 2] = Default::default();
        for batch in todo.chunks(batch.max(1)) {
            let eng = &*self;
            let found = on_two_threads(batch, batch.len() / 2, &mut scratch, |names, sc| {
                look(eng, names, sc)
            });
            keys_changed.clear();
            ents_changed.clear();
            for (&g, f) in batch.iter().zip(found) {
                // A fit found ahead holds while its entity's
                // representatives stay as they were.
                let fit = |e: u32, ahead: Option<Option<f64>>| match ahead {
                    Some(fit) if !ents_changed.contains(&e) => (e, fit),
                    _ => (e, self.complete_fit(g, e)),
                };
                let best = if f.keys.iter().any(|k| keys_changed.contains(k)) {
                    // A posting of its keys changed, so its candidates
                    // may have too: they are found again.
                    let cands = self.candidates_with(g, &mut scratch[0]);
                    best_of(
                        cands
                            .iter()
                            .map(|&e| fit(e, f.fits.iter().find(|x| x.0 == e).map(|x| x.1))),
                    )
                } else {
                    best_of(f.fits.iter().map(|&(e, ahead)| fit(e, Some(ahead))))
                };
                let e = self.settle(g, best, &f.keys, |k| {
                    keys_changed.insert(k);
                });
                ents_changed.insert(e);
                self.st.fates[g as usize] = Fate::Entity(e, false);
            }
        }
    }

    /// Reads what comparing a name with the representatives of `cands`
    /// reads first (each entity's list of representatives, their names'
    /// keys and parts), one level for every candidate before the next: in
    /// a large resolution these are scattered in memory, and the misses
    /// of one level then overlap instead of each waiting on the last.
    fn touch(&self, cands: &[u32]) {
        let ents = &self.st.ents;
        let groups = &self.st.groups;
        let mut sum = 0usize;
        for &e in cands {
            sum = sum.wrapping_add(ents[e as usize].reps.len());
        }
        for &e in cands {
            for &r in ents[e as usize].reps.iter().take(TOUCHED_REPS) {
                sum = sum.wrapping_add(groups[r as usize].name.len());
            }
        }
        for &e in cands {
            for &r in ents[e as usize].reps.iter().take(TOUCHED_REPS) {
                let name = &groups[r as usize].name;
                let first = |b: &[u8]| b.first().copied().unwrap_or(0) as usize;
                sum = sum.wrapping_add(first(name.key().as_bytes()));
                sum = sum.wrapping_add(name.parts_data().first().map_or(0, |p| p.hash as usize));
            }
        }
        std::hint::black_box(sum);
    }

    fn distinctive(&self, g: u32) -> bool {
        let name = &self.st.groups[g as usize].name;
        let mut main = name.parts().filter(|p| p.tag().is_main());
        // Initials narrow a common surname down ("F. Castro" fits Fidel,
        // not Raúl): with them, a single compatible entity is joined.
        let initials = name.parts().any(|p| p.tag() == Tag::Initial);
        match (main.next(), main.next()) {
            (Some(p), None) => initials || (p.groups().is_empty() && p.nicknames().is_empty()),
            _ => false,
        }
    }

    /// Step 4 for short name `g`: the entities it is compatible with, as
    /// many as [`Engine::decide_short`] needs to tell its cases apart. A
    /// name that is not distinctive never joins through the global list, so
    /// one compatible entity settles it; a distinctive one needs to know
    /// whether there is exactly one, so the search stops at two. The
    /// per-document check does not rely on this list being complete.
    ///
    /// Each candidate is tested through `memo`, which belongs to `g`: an
    /// entity already met in one of the name's documents is not compared
    /// again, and what is learnt here serves its later documents.
    fn compatible(&self, g: u32, memo: &mut ShortMemo, sc: &mut Scratch) -> Vec<u32> {
        if self.st.groups[g as usize].name.is_empty() {
            return Vec::new();
        }
        let enough = if self.distinctive(g) { 2 } else { 1 };
        let cands = self.candidates_with(g, sc);
        self.touch(&cands);
        let mut out: Vec<u32> = Vec::with_capacity(enough);
        for e in cands {
            // The candidates share a blocking key with `g`, so the
            // pre-test of `fits_memo` would rarely save a comparison here.
            let fits = memo
                .fits
                .entry(e)
                .or_insert_with(|| self.fit(g, e, false).is_some());
            if *fits {
                out.push(e);
                if out.len() == enough {
                    break;
                }
            }
        }
        out.sort_unstable();
        out
    }

    /// Whether short name `g` fits entity `e`, through `memo`, which
    /// belongs to `g`. [`Engine::may_fit`] first: most entities met through
    /// a loose lookup key fail it, and it costs a fraction of one
    /// comparison.
    fn fits_memo(&self, g: u32, e: u32, memo: &mut ShortMemo) -> bool {
        *memo
            .fits
            .entry(e)
            .or_insert_with(|| self.may_fit(g, e) && self.fit(g, e, false).is_some())
    }

    /// A cheap necessary condition for `fit(g, e, false)`: `false` only
    /// when `g` cannot fit `e`.
    ///
    /// Why it is necessary. With the hand score (no fitted model) and a
    /// floor `threshold - JOIN_MARGIN` above 0, `fit` requires every
    /// representative of a non-alias entity to score at least the floor,
    /// so above 0. [`Engine::score`] is 1 for equal keys; otherwise it is
    /// the comparison's score, and the hand score of an alignment is
    /// `num / den` with `num` the sum of its links' similarity × weight,
    /// then only multiplied by a factor below 1 or capped: 0 when there is
    /// no link (and 0 too when a name has no parts and the keys differ).
    /// Links come from single-part candidates (`part_similarity`) and
    /// glued candidates (`glue`) only; `compare::bound` (beside
    /// [`may_score`]) tests a necessary condition for either. So a
    /// representative with equal key or some possible link is needed, and
    /// a representative with neither rules the entity out. With a fitted model, or a floor of 0 or
    /// below, or an alias entity, it says yes. Tested against the
    /// comparison in `compare::bound`'s tests (`zero_test_never_rejects_a_scoring_pair` and others).
    fn may_fit(&self, g: u32, e: u32) -> bool {
        let ent = &self.st.ents[e as usize];
        if ent.alias.is_some()
            || self.s.config.model().coefficients().is_some()
            || self.threshold() - JOIN_MARGIN <= 0.0
        {
            return true;
        }
        let name = &self.st.groups[g as usize].name;
        ent.reps
            .iter()
            .all(|&r| may_score(name, &self.st.groups[r as usize].name))
    }

    /// Step 4's decision for short name `g` within document `doc`: the
    /// only entity with a complete mention in `doc` that `g` is compatible
    /// with, if there is exactly one.
    fn short_in_doc(&self, g: u32, doc: u32, memo: &mut ShortMemo) -> Option<u32> {
        if doc == NONE {
            return None;
        }
        let ents = self.st.doc_ents.get(&doc)?;
        if let Some(dk) = self.doc_keys.get(&doc) {
            // The name's keys are the same in each of its documents.
            let keys = memo.doc_keys.take().unwrap_or_else(|| {
                let mut keys = Vec::new();
                doc_lookup_keys(&self.st.groups[g as usize].name, true, &mut keys);
                keys.sort_unstable();
                keys.dedup();
                keys
            });
            let found = self.short_under_keys(g, dk, &keys, memo);
            memo.doc_keys = Some(keys);
            return found;
        }
        let mut fit = ents.iter().copied().filter(|&e| self.fits_memo(g, e, memo));
        match (fit.next(), fit.next()) {
            (Some(e), None) => Some(e),
            _ => None,
        }
    }

    /// [`Engine::short_in_doc`] in a document indexed by key: the only
    /// entity under `keys` in `dk` that short name `g` fits, if there is
    /// exactly one.
    ///
    /// The entities under each key are read in place: an entity under
    /// several keys is tested once (`memo`), and the search ends at a
    /// second one that fits. Whether an entity fits does not depend on the
    /// order they are met in, so neither does the answer; gathering and
    /// sorting them first cost as much as the tests in a long document
    /// whose every entity shares a key with the name.
    fn short_under_keys(
        &self,
        g: u32,
        dk: &DocKeys,
        keys: &[u64],
        memo: &mut ShortMemo,
    ) -> Option<u32> {
        let mut found = None;
        for k in keys {
            let Some(&(a, b)) = dk.ranges.get(k) else {
                continue;
            };
            for &e in &dk.ents[a as usize..b as usize] {
                if found != Some(e) && self.fits_memo(g, e, memo) {
                    if found.is_some() {
                        return None;
                    }
                    found = Some(e);
                }
            }
        }
        found
    }

    /// The blocking keys of entity `e`'s representatives (or alias names),
    /// sorted and without repeats.
    fn entity_keys(&self, e: u32, out: &mut Vec<u64>) {
        out.clear();
        let ent = &self.st.ents[e as usize];
        if let Some(k) = ent.alias {
            for n in self.s.aliases.names_of(k as usize) {
                doc_lookup_keys(&n.name, false, out);
            }
        } else {
            for &r in &ent.reps {
                doc_lookup_keys(&self.st.groups[r as usize].name, false, out);
            }
        }
        out.sort_unstable();
        out.dedup();
    }

    /// Builds [`Engine::doc_keys`] from `doc_ents`, for the documents with
    /// more than [`DOC_SCAN_MAX`] entities.
    fn index_doc_keys(&mut self) {
        let mut ent_keys: FxHashMap<u32, Vec<u64>> = FxHashMap::default();
        let mut out: FxHashMap<u32, DocKeys> = FxHashMap::default();
        let mut buf = Vec::new();
        for (&doc, ents) in &self.st.doc_ents {
            if ents.len() <= DOC_SCAN_MAX {
                continue;
            }
            // A counting sort by key: the entities under each key are
            // counted, given their range, and written into it in the
            // document's order (the order within a key is free; see
            // `short_under_keys`).
            let mut ranges: FxHashMap<u64, (u32, u32)> = FxHashMap::default();
            for &e in ents {
                let keys = ent_keys.entry(e).or_insert_with(|| {
                    self.entity_keys(e, &mut buf);
                    buf.clone()
                });
                for &k in keys.iter() {
                    ranges.entry(k).or_default().1 += 1;
                }
            }
            // (start, count) → (start, start): the end grows as it fills.
            let mut at = 0;
            for r in ranges.values_mut() {
                let n = r.1;
                *r = (at, at);
                at += n;
            }
            let mut slots = vec![0u32; at as usize];
            for &e in ents {
                for k in &ent_keys[&e] {
                    let r = ranges.get_mut(k).expect("counted above");
                    slots[r.1 as usize] = e;
                    r.1 += 1;
                }
            }
            out.insert(
                doc,
                DocKeys {
                    ranges,
                    ents: slots,
                },
            );
        }
        self.doc_keys = out;
    }

    /// Step 4's decision for short name `g` in document `doc`: within the
    /// document, else across all entities through its compatible entities
    /// (from [`Engine::compatible`]). `memo` keeps what is learnt about `g`
    /// for its other documents; it must start empty for each name and be
    /// dropped once the entities change.
    pub(super) fn decide_short(&mut self, g: u32, doc: u32, memo: &mut ShortMemo) -> Short {
        let mut sc = std::mem::take(&mut self.scratch);
        let d = self.decide_short_with(g, doc, memo, &mut sc);
        self.scratch = sc;
        d
    }

    /// [`Engine::decide_short`] with buffers of the caller's. It changes
    /// nothing: what it reads (the entities' representatives, the index,
    /// the documents' entities) stays as it is while short names are
    /// decided, so names can be decided in any order or at once.
    fn decide_short_with(&self, g: u32, doc: u32, memo: &mut ShortMemo, sc: &mut Scratch) -> Short {
        if let Some(e) = self.short_in_doc(g, doc, memo) {
            return Short::Join(e);
        }
        if memo.global.is_none() {
            memo.global = Some(self.compatible(g, memo, sc));
        }
        match memo.global.as_deref().unwrap_or_default() {
            [] => Short::Own(false),
            [e] if self.distinctive(g) => Short::Join(*e),
            _ => Short::Own(true),
        }
    }

    pub(super) fn own_entity(&mut self, g: u32) -> u32 {
        if let Some(&e) = self.st.own.get(&g) {
            return e;
        }
        let e = self.new_entity(g);
        self.st.own.insert(g, e);
        e
    }

    pub(super) fn note_doc(&mut self, doc: u32, e: u32) {
        if doc == NONE {
            return;
        }
        let v = self.st.doc_ents.entry(doc).or_default();
        if !v.contains(&e) {
            v.push(e);
        }
    }

    /// The processing order of the distinct names still open (independent
    /// of input order). Names whose entity is already known (a store's
    /// complete names) are not placed again, so they are not sorted.
    fn order(&self) -> Vec<u32> {
        // The leading criteria side by side, so that most comparisons of the
        // sort stay in one dense array: among keys of one length, the first
        // eight bytes of the key (zero-padded, read big-endian) order as
        // the keys do, so only keys that share them are compared in full.
        let mut order: Vec<(u8, u32, u32, u64, u32)> = self
            .st
            .groups
            .iter()
            .enumerate()
            .filter(|&(g, _)| self.st.fates[g] == Fate::Open)
            .map(|(g, x)| {
                let key = x.name.key().as_bytes();
                let mut head = [0u8; 8];
                let n = key.len().min(8);
                head[..n].copy_from_slice(&key[..n]);
                (
                    u8::MAX - x.complete,
                    u32::MAX - key.len() as u32,
                    u32::MAX - x.count,
                    u64::from_be_bytes(head),
                    g as u32,
                )
            })
            .collect();
        order.sort_unstable_by(|a, b| {
            (a.0, a.1, a.2, a.3)
                .cmp(&(b.0, b.1, b.2, b.3))
                .then_with(|| {
                    let (x, y) = (&self.st.groups[a.4 as usize], &self.st.groups[b.4 as usize]);
                    x.name
                        .key()
                        .cmp(y.name.key())
                        .then(x.name.kind().cmp(&y.name.kind()))
                })
        });
        order.into_iter().map(|o| o.4).collect()
    }

    /// Steps 2 to 7: places every distinct name, then
    /// [`Engine::finish`]es.
    #[cfg_attr(not(feature = "store"), allow(dead_code))]
    pub(super) fn run(
        &mut self,
        mention_group: &[u32],
        mention_doc: &[u32],
        new_id: Option<&mut dyn FnMut() -> String>,
    ) -> Resolution {
        self.place_all(mention_group, mention_doc);
        self.finish(mention_group, mention_doc, new_id)
    }

    /// Frees what only placing names needs (the blocking index and the
    /// documents' key indexes), for a state that will only be finished.
    pub(super) fn release_search(&mut self) {
        self.doc_keys = FxHashMap::default();
        self.st.index = self.s.index.build();
    }

    /// Places the complete names of `run` in order (looking ahead when
    /// there are many) and empties it.
    fn place_run(&mut self, run: &mut Vec<u32>) {
        if run.len() >= AHEAD_MIN {
            self.place_ahead(run, AHEAD_BATCH);
        } else {
            for &g in run.iter() {
                let e = self.place_complete(g);
                self.st.fates[g as usize] = Fate::Entity(e, false);
            }
        }
        run.clear();
    }

    /// Steps 2 to 4: every distinct name gets its fate, every short name a
    /// decision per document.
    pub(super) fn place_all(&mut self, mention_group: &[u32], mention_doc: &[u32]) {
        let order = self.order();
        // Steps 2 and 3 (distinct names known from a store keep their
        // entity), in order. A name that the alias table gives an entity
        // changes nothing that placing another reads, so with two threads
        // those are decided first and the open complete names between the
        // ones that found an entity of their own (an ambiguous claim) are
        // placed in runs, a long run looking ahead on a second thread:
        // the same entities as one name at a time.
        if self.s.threads >= 2 {
            let mut run: Vec<u32> = Vec::new();
            for &g in &order {
                if self.st.fates[g as usize] != Fate::Open {
                    continue;
                }
                match self.alias_claim(g) {
                    Some(AliasClaim::Entity(e)) => {
                        self.st.fates[g as usize] = Fate::Entity(e, false);
                    }
                    Some(AliasClaim::Ambiguous) => {
                        self.place_run(&mut run);
                        let e = self.new_entity(g);
                        self.st.fates[g as usize] = Fate::Entity(e, true);
                    }
                    None if self.st.groups[g as usize].is_complete() => run.push(g),
                    None => {}
                }
            }
            self.place_run(&mut run);
        }
        for &g in &order {
            if self.st.fates[g as usize] != Fate::Open {
                continue;
            }
            if let Some(f) = self.alias_fate(g) {
                self.st.fates[g as usize] = f;
                continue;
            }
            if self.st.groups[g as usize].is_complete() {
                let e = self.place_complete(g);
                self.st.fates[g as usize] = Fate::Entity(e, false);
            }
        }
        // Each document's entities with a complete mention, once each.
        let mut doc_pairs: Vec<(u32, u32)> = mention_group
            .iter()
            .zip(mention_doc)
            .filter(|&(&g, &d)| d != NONE && self.st.groups[g as usize].is_complete())
            .filter_map(|(&g, &d)| match self.st.fates[g as usize] {
                Fate::Entity(e, _) => Some((d, e)),
                Fate::Open => None,
            })
            .collect();
        doc_pairs.sort_unstable();
        doc_pairs.dedup();
        for (d, e) in doc_pairs {
            self.st.doc_ents.entry(d).or_default().push(e);
        }
        self.index_doc_keys();
        // Step 4: decisions per (short name, document).
        // (short name, document) pairs, sorted: each name's documents in a
        // run.
        let mut short_docs: Vec<(u32, u32)> = mention_group
            .iter()
            .zip(mention_doc)
            .filter(|&(&g, _)| self.st.fates[g as usize] == Fate::Open)
            .map(|(&g, &d)| (g, d))
            .collect();
        short_docs.sort_unstable();
        short_docs.dedup();
        self.st.decisions.reserve(short_docs.len());
        // Each name's documents, in the order of the names. Deciding
        // changes nothing that deciding reads (`decide_short_with`), so
        // the decisions are made first, on two threads for many, and the
        // short names' own entities are then founded in order.
        let runs: Vec<(u32, usize, usize)> = order
            .iter()
            .filter_map(|&g| {
                let start = short_docs.partition_point(|&(x, _)| x < g);
                let end = start + short_docs[start..].partition_point(|&(x, _)| x == g);
                (start < end).then_some((g, start, end))
            })
            .collect();
        let decide = |eng: &Engine, runs: &[(u32, usize, usize)], sc: &mut Scratch| {
            let mut memo = ShortMemo::default();
            let mut out = Vec::new();
            for &(g, start, end) in runs {
                memo.clear();
                for &(_, d) in &short_docs[start..end] {
                    out.push(eng.decide_short_with(g, d, &mut memo, sc));
                }
            }
            out
        };
        let shorts = if self.s.threads >= 2 && short_docs.len() >= AHEAD_MIN {
            // Halves of about as many (name, document) pairs.
            let mut pairs = 0;
            let half = runs
                .iter()
                .take_while(|r| {
                    pairs += r.2 - r.1;
                    pairs <= short_docs.len() / 2
                })
                .count();
            let eng = &*self;
            on_two_threads(&runs, half, &mut Default::default(), |runs, sc| {
                decide(eng, runs, sc)
            })
        } else {
            let mut sc = std::mem::take(&mut self.scratch);
            let shorts = decide(self, &runs, &mut sc);
            self.scratch = sc;
            shorts
        };
        let mut shorts = shorts.into_iter();
        for &(g, start, end) in &runs {
            for &(_, d) in &short_docs[start..end] {
                let v = match shorts.next().expect("a decision per pair") {
                    Short::Join(e) => (e, false),
                    Short::Own(amb) => (self.own_entity(g), amb),
                };
                self.st.decisions.insert((g, d), v);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::resolve::names::analyse_all;
    use crate::resolve::{Mention, Resolver};
    use proptest::prelude::*;

    /// Complete names that share parts, keys and entities in many ways.
    const POOL: &[&str] = &[
        "Aldor Venmarova",
        "Aldro Venmarova",
        "Aldor Venmarova Kessler",
        "Aldor Kessler",
        "Berta Venmarova",
        "Berta Kessler Venmarova",
        "Aldor Venmarov",
        "Aldor B. Venmarova",
        "Aldor C. Venmarova",
        "Odalric Tesmer",
        "Odalrik Tesmer",
        "Odalric Tesmer Venmarova",
        "Odalric Aldor Tesmer",
        "Tesmer Aldor",
        "Kessler Tesmer",
        "Aldor Venmarova II",
        "Aldor Venmarova III",
        "Berta Odalric Kessler",
    ];

    /// The fates and representatives after placing the complete names of
    /// `names` one by one, or looking ahead `batch` at a time, with posting
    /// lists that stop growing at `postings` entities.
    fn placed(names: &[&str], postings: usize, batch: Option<usize>) -> (Vec<Fate>, Vec<Vec<u32>>) {
        let resolver = Resolver::builder()
            .threads(2)
            .max_postings(postings)
            .build();
        let s = &*resolver.settings;
        let mentions: Vec<Mention> = names.iter().map(|&n| Mention::new(n)).collect();
        let an = analyse_all(s, &mentions);
        let mut st = State::new(s, an.groups, an.keys);
        let mut eng = Engine::new(s, &mut st);
        let todo: Vec<u32> = eng
            .order()
            .into_iter()
            .filter(|&g| eng.st.groups[g as usize].is_complete())
            .collect();
        match batch {
            Some(b) => eng.place_ahead(&todo, b),
            None => {
                for &g in &todo {
                    let e = eng.place_complete(g);
                    eng.st.fates[g as usize] = Fate::Entity(e, false);
                }
            }
        }
        let reps = st.ents.iter().map(|e| e.reps.clone()).collect();
        (st.fates, reps)
    }

    proptest! {
        /// The processing order is the order of completeness, key length
        /// and count (each descending), then key and kind, however the
        /// keys' first eight bytes fall: names of one length that share
        /// them, differ in them, or are shorter than eight.
        #[test]
        fn order_sorts_as_its_criteria(
            names in proptest::collection::vec(
                (
                    prop_oneof![Just(""), Just("Ab"), Just("Abcdefgh"), Just("Abcdefgi")],
                    "[a-c]{1,3}",
                    prop_oneof![Just(""), Just(" Ltd"), Just(" Bc")],
                ),
                1..40,
            ),
        ) {
            let resolver = Resolver::builder().build();
            let s = &*resolver.settings;
            let mentions: Vec<Mention> = names
                .iter()
                .map(|(a, b, c)| Mention::new(format!("{a}{b}{c}")))
                .collect();
            let an = analyse_all(s, &mentions);
            let mut st = State::new(s, an.groups, an.keys);
            let eng = Engine::new(s, &mut st);
            let mut expected: Vec<u32> = (0..eng.st.groups.len() as u32).collect();
            expected.sort_by(|&a, &b| {
                let (x, y) = (&eng.st.groups[a as usize], &eng.st.groups[b as usize]);
                (y.complete, y.name.key().len(), y.count)
                    .cmp(&(x.complete, x.name.key().len(), x.count))
                    .then(x.name.key().cmp(y.name.key()))
                    .then(x.name.kind().cmp(&y.name.kind()))
            });
            prop_assert_eq!(eng.order(), expected);
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

        /// Looking ahead places every name where placing it alone would:
        /// names found stale by a key or by an entity that changed in
        /// their batch are placed again.
        #[test]
        fn looking_ahead_places_as_one_by_one(
            picks in proptest::collection::vec(0..POOL.len(), 1..40),
            batch in 1usize..9,
            postings in prop_oneof![Just(2usize), Just(3), Just(1024)],
        ) {
            let names: Vec<&str> = picks.iter().map(|&i| POOL[i]).collect();
            let alone = placed(&names, postings, None);
            let ahead = placed(&names, postings, Some(batch));
            prop_assert_eq!(alone.0, ahead.0);
            prop_assert_eq!(alone.1, ahead.1);
        }
    }
}
