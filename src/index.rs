//! Blocking: an index from cheap keys of a name to the ids of candidates that
//! may match it, so that a query is compared with a bounded number of
//! candidates rather than with every name seen.
//!
//! The keys, the caps and what they cost in recall are summarised on
//! [`BlockingIndex`]; the full policy is in `DESIGN.md`, section "Blocking".

use crate::analyze::{Name, Part};
use rustc_hash::{FxHashMap, FxHasher};
use smallvec::SmallVec;
use std::collections::hash_map::Entry;
use std::hash::Hasher;

/// The default cap on one key's posting list.
pub const DEFAULT_MAX_POSTINGS: usize = 1024;

/// The default cap on the candidates of one query.
pub const DEFAULT_MAX_CANDIDATES: usize = 128;

/// At most this many main parts of a name give pair keys (the first ones).
const MAX_PAIR_PARTS: usize = 6;

/// A key's posting list. Most keys are carried by one id only, which is
/// kept inline; a longer list lives in [`BlockingIndex::lists`].
#[derive(Debug, Clone, Copy)]
struct Posting {
    /// The only id, when `list` is [`NO_LIST`].
    id: u32,
    /// The index of the key's list in [`BlockingIndex::lists`], or
    /// [`NO_LIST`] for a key with a single id.
    list: u32,
}

/// [`Posting::list`] of a key with a single id.
const NO_LIST: u32 = u32::MAX;

/// A posting list of two ids or more (or a saturated one).
#[derive(Debug, Clone, Default)]
struct List {
    ids: Vec<u32>,
    saturated: bool,
}

/// An index from blocking keys of names to candidate ids.
///
/// Ids are the caller's: an entity number, a row number. Several names may
/// be inserted under one id.
///
/// # Keys and caps
///
/// Each main part of a name gives its transliteration skeleton
/// ([`Part::skeleton`](crate::Part::skeleton)), its given-name variant
/// groups ([`Part::groups`](crate::Part::groups)) and, when long, its first
/// and last four letters; pairs of parts give glued and unordered pair keys,
/// which are rarer and so are read first. A collision only adds a candidate,
/// which the comparison then rejects.
///
/// A key's posting list stops growing at `max_postings` ids (it is then
/// *saturated*), and a query admits at most `max_candidates` ids, rarest keys
/// first, so the work per query is bounded whatever the data and memory grows
/// linearly. The price is recall for names made only of very common parts: a
/// bare "Mohammed" sees only the first ids of its saturated lists and can
/// miss a candidate inserted later; a name with one rare part finds every
/// candidate that shares it. Raise the caps to trade speed and memory for
/// recall. The keys, the ranking and the caps are set out in full in
/// `DESIGN.md`, section "Blocking".
///
/// ```
/// use canonym::{analyze, BlockingIndex};
///
/// let mut index = BlockingIndex::new();
/// index.insert(0, &analyze("Abdellatif Loudiyi"));
/// index.insert(1, &analyze("Abdelghani Mouhib"));
/// index.insert(2, &analyze("Juvénal Marizamunda"));
///
/// let mut found = Vec::new();
/// index.candidates(&analyze("Loudyi Abdeltif"), &mut found);
/// assert!(found.contains(&0));
/// assert!(!found.contains(&2));
/// index.candidates(&analyze("Abdel Ghani Mouhib"), &mut found);
/// assert_eq!(found[0], 1);
/// ```
#[derive(Debug, Clone)]
pub struct BlockingIndex {
    postings: FxHashMap<u64, Posting>,
    lists: Vec<List>,
    /// The largest id inserted.
    max_id: u32,
    max_postings: usize,
    max_candidates: usize,
}

/// Some keys of a [`BlockingIndex`] as they were: see
/// [`BlockingIndex::save`].
#[cfg_attr(not(feature = "store"), allow(dead_code))]
#[derive(Debug)]
pub(crate) struct SavedKeys {
    lists: usize,
    max_id: u32,
    keys: Vec<SavedKey>,
}

/// A key, its posting, and for a list its length and saturation.
#[cfg_attr(not(feature = "store"), allow(dead_code))]
type SavedKey = (u64, Option<Posting>, Option<(usize, bool)>);

/// Configures a [`BlockingIndex`]'s caps.
///
/// ```
/// use canonym::BlockingIndex;
///
/// let index = BlockingIndex::builder().max_postings(4096).max_candidates(256).build();
/// assert_eq!(index.max_candidates(), 256);
/// ```
#[derive(Debug, Clone)]
pub struct BlockingIndexBuilder {
    max_postings: usize,
    max_candidates: usize,
}

impl Default for BlockingIndexBuilder {
    fn default() -> Self {
        BlockingIndexBuilder::new()
    }
}

impl BlockingIndexBuilder {
    /// A builder with the default caps ([`DEFAULT_MAX_POSTINGS`],
    /// [`DEFAULT_MAX_CANDIDATES`]).
    pub fn new() -> BlockingIndexBuilder {
        BlockingIndexBuilder {
            max_postings: DEFAULT_MAX_POSTINGS,
            max_candidates: DEFAULT_MAX_CANDIDATES,
        }
    }

    /// The length at which a key's posting list stops growing (at least 1).
    pub fn max_postings(&mut self, n: usize) -> &mut Self {
        self.max_postings = n.max(1);
        self
    }

    /// The most distinct candidates a query returns (at least 1).
    pub fn max_candidates(&mut self, n: usize) -> &mut Self {
        self.max_candidates = n.max(1);
        self
    }

    /// Builds an empty index with these caps.
    pub fn build(&self) -> BlockingIndex {
        BlockingIndex {
            postings: FxHashMap::default(),
            lists: Vec::new(),
            max_id: 0,
            max_postings: self.max_postings,
            max_candidates: self.max_candidates,
        }
    }
}

impl Default for BlockingIndex {
    fn default() -> Self {
        BlockingIndex::new()
    }
}

impl BlockingIndex {
    /// An empty index with the default caps.
    pub fn new() -> BlockingIndex {
        BlockingIndexBuilder::new().build()
    }

    /// A builder for an index with caps of your own.
    pub fn builder() -> BlockingIndexBuilder {
        BlockingIndexBuilder::new()
    }

    /// The cap on one key's posting list.
    pub fn max_postings(&self) -> usize {
        self.max_postings
    }

    /// The cap on the candidates of one query.
    pub fn max_candidates(&self) -> usize {
        self.max_candidates
    }

    /// The number of distinct keys indexed.
    pub fn len(&self) -> usize {
        self.postings.len()
    }

    /// Whether nothing has been indexed.
    pub fn is_empty(&self) -> bool {
        self.postings.is_empty()
    }

    /// The number of keys whose posting list reached the cap.
    pub fn saturated(&self) -> usize {
        self.lists.iter().filter(|l| l.saturated).count()
    }

    /// Indexes `name`'s keys under `id`.
    pub fn insert(&mut self, id: u32, name: &Name) {
        let mut keys = Vec::new();
        blocking_keys(name, &mut keys);
        self.insert_keys(id, &keys);
    }

    /// Enters `id` under key `k` while the key has no list: as its only
    /// id, or by opening its list with the id it held (the two in
    /// increasing order when `ordered`, else in arrival order). Returns the
    /// key's list when it already had one, for the caller's own rule.
    #[inline]
    fn enter_single(&mut self, k: u64, id: u32, ordered: bool) -> Option<usize> {
        let p = match self.postings.entry(k) {
            Entry::Vacant(v) => {
                v.insert(Posting { id, list: NO_LIST });
                return None;
            }
            Entry::Occupied(o) => o.into_mut(),
        };
        if p.list != NO_LIST {
            return Some(p.list as usize);
        }
        if p.id != id {
            let (first, second) = if ordered {
                (p.id.min(id), p.id.max(id))
            } else {
                (p.id, id)
            };
            let saturated = self.max_postings <= 1;
            let mut ids = Vec::with_capacity(2);
            ids.push(first);
            if !saturated {
                ids.push(second);
            }
            p.list = self.lists.len() as u32;
            self.lists.push(List { ids, saturated });
        }
        None
    }

    /// Indexes precomputed keys (from [`blocking_keys`]) under `id`.
    pub fn insert_keys(&mut self, id: u32, keys: &[u64]) {
        self.insert_keys_noting(id, keys, |_| {});
    }

    /// [`BlockingIndex::insert_keys`], calling `changed` with each key whose
    /// posting the insertion may have changed (every key but those whose
    /// posting certainly stays as it was: `id` among the last four of its
    /// list, or the list saturated), so that a caller can tell which
    /// queries' answers it may have changed.
    pub(crate) fn insert_keys_noting(
        &mut self,
        id: u32,
        keys: &[u64],
        mut changed: impl FnMut(u64),
    ) {
        if !keys.is_empty() {
            self.max_id = self.max_id.max(id);
        }
        for &k in keys {
            let Some(l) = self.enter_single(k, id, false) else {
                changed(k);
                continue;
            };
            let l = &mut self.lists[l];
            if l.saturated || l.ids.last() == Some(&id) {
                continue;
            }
            // Ids are mostly inserted in increasing order; a short scan
            // keeps the common repeats out.
            if l.ids.iter().rev().take(4).any(|&x| x == id) {
                continue;
            }
            changed(k);
            if l.ids.len() >= self.max_postings {
                l.saturated = true;
                l.ids.shrink_to_fit();
                continue;
            }
            l.ids.push(id);
        }
    }

    /// What the index holds under `keys`, so that [`BlockingIndex::restore`]
    /// can take back whatever is inserted under them afterwards (and
    /// nothing may be inserted under other keys meanwhile).
    #[cfg_attr(not(feature = "store"), allow(dead_code))]
    pub(crate) fn save(&self, keys: impl IntoIterator<Item = u64>) -> SavedKeys {
        let keys = keys
            .into_iter()
            .map(|k| {
                let p = self.postings.get(&k).copied();
                let l = p.filter(|p| p.list != NO_LIST).map(|p| {
                    let l = &self.lists[p.list as usize];
                    (l.ids.len(), l.saturated)
                });
                (k, p, l)
            })
            .collect();
        SavedKeys {
            lists: self.lists.len(),
            max_id: self.max_id,
            keys,
        }
    }

    /// Takes back every insertion since `saved` was made (insertions only
    /// append, so the earlier lists are prefixes of the present ones).
    #[cfg_attr(not(feature = "store"), allow(dead_code))]
    pub(crate) fn restore(&mut self, saved: SavedKeys) {
        for (k, p, l) in saved.keys {
            match p {
                None => {
                    self.postings.remove(&k);
                }
                Some(p) => {
                    self.postings.insert(k, p);
                    if let Some((len, saturated)) = l {
                        let list = &mut self.lists[p.list as usize];
                        list.ids.truncate(len);
                        list.saturated = saturated;
                    }
                }
            }
        }
        self.lists.truncate(saved.lists);
        self.max_id = saved.max_id;
    }

    /// Indexes precomputed keys under `id` as [`BlockingIndex::insert_keys`]
    /// would have had every id come in increasing order: each list keeps
    /// its smallest ids, in order, up to the cap, and is saturated once
    /// more have come. (An index kept across runs adds names to old ids
    /// and still reads as one built afresh.)
    #[cfg_attr(not(feature = "store"), allow(dead_code))]
    pub(crate) fn insert_keys_in_order(&mut self, id: u32, keys: &[u64]) {
        if !keys.is_empty() {
            self.max_id = self.max_id.max(id);
        }
        for &k in keys {
            let Some(l) = self.enter_single(k, id, true) else {
                continue;
            };
            let l = &mut self.lists[l];
            // Ids mostly come in increasing order: one look at the last.
            let at = match l.ids.last() {
                Some(&last) if last < id => l.ids.len(),
                Some(&last) if last == id => continue,
                _ => match l.ids.binary_search(&id) {
                    Ok(_) => continue,
                    Err(at) => at,
                },
            };
            if l.ids.len() < self.max_postings {
                l.ids.insert(at, id);
                continue;
            }
            l.saturated = true;
            if at < l.ids.len() {
                l.ids.pop();
                l.ids.insert(at, id);
            }
        }
    }

    /// Writes to `out` (cleared first) the distinct candidate ids for
    /// `name`: rarest keys first, at most [`max_candidates`] ids, ordered
    /// by the number of keys they share with `name` (most first), then by
    /// first appearance.
    ///
    /// [`max_candidates`]: BlockingIndex::max_candidates
    pub fn candidates(&self, name: &Name, out: &mut Vec<u32>) {
        let mut keys = Vec::new();
        blocking_keys(name, &mut keys);
        self.candidates_for_keys(&keys, out);
    }

    /// Like [`candidates`](BlockingIndex::candidates), from precomputed keys.
    pub fn candidates_for_keys(&self, keys: &[u64], out: &mut Vec<u32>) {
        let mut hits = Vec::new();
        self.candidates_with_hits(keys, &mut hits);
        out.clear();
        out.extend(hits.into_iter().map(|(id, _)| id));
    }

    /// Like [`candidates_for_keys`](BlockingIndex::candidates_for_keys),
    /// with the number of keys each candidate shares with the query (each
    /// key counted once per id): pairs `(id, hits)`, most hits first, ties
    /// in order of first appearance.
    pub fn candidates_with_hits(&self, keys: &[u64], out: &mut Vec<(u32, u32)>) {
        let mut w = Vec::new();
        self.collect(keys, |_| 1.0, &mut w);
        out.clear();
        out.extend(w.into_iter().map(|(id, h)| (id, h as u32)));
    }

    /// Like [`candidates_with_hits`](BlockingIndex::candidates_with_hits),
    /// with each shared key weighted by its rarity, `ln(1 + max_postings /
    /// len)` for a posting list of `len` ids (a key held by one id weighs
    /// about ten times a saturated one at the default cap): pairs `(id,
    /// weight)`, heaviest first.
    pub fn candidates_with_weights(&self, keys: &[u64], out: &mut Vec<(u32, f32)>) {
        let cap = self.max_postings as f32;
        self.collect(keys, |len| (1.0 + cap / len.max(1) as f32).ln(), out);
    }

    /// The `n` candidates with the most key weight, as
    /// [`BlockingIndex::candidates_with_weights`] ranks them: the first `n`
    /// of its list, without ranking the rest.
    /// Each candidate is credited once per part of the query, with the
    /// weight of the rarest key of that part it shares, and once per key of
    /// two parts: `keys` from [`blocking_keys_by_part`]. `scratch` holds
    /// the query's buffers: the caller keeps one per thread, since its
    /// first query sizes it to the index.
    pub(crate) fn best_candidates(
        &self,
        keys: &[(u64, u64)],
        n: usize,
        out: &mut Vec<(u32, f32)>,
        scratch: &mut QueryScratch,
    ) {
        let cap = self.max_postings as f32;
        self.collect_best(
            keys.iter().copied(),
            |len| (1.0 + cap / len.max(1) as f32).ln(),
            n,
            out,
            scratch,
        );
    }

    fn collect(&self, keys: &[u64], weight: impl Fn(usize) -> f32, out: &mut Vec<(u32, f32)>) {
        SCRATCH.with(|scratch| {
            self.collect_best(
                keys.iter().map(|&k| (k, 0)),
                weight,
                usize::MAX,
                out,
                &mut scratch.borrow_mut(),
            )
        });
    }

    /// The candidates of `keys` with their weights, best first; only the
    /// best `n` are ranked and returned.
    fn collect_best(
        &self,
        keys: impl Iterator<Item = (u64, u64)>,
        weight: impl Fn(usize) -> f32,
        n: usize,
        out: &mut Vec<(u32, f32)>,
        scratch: &mut QueryScratch,
    ) {
        out.clear();
        let QueryScratch {
            lists,
            hits,
            slots,
            spill,
            ranked,
        } = scratch;
        lists.clear();
        // Each key's posting, packed as `(id << 32) | list`, so that its
        // ids are found again without hashing the key twice.
        lists.extend(keys.filter_map(|(k, parts)| {
            let p = *self.postings.get(&k)?;
            let (len, saturated) = if p.list == NO_LIST {
                (1, false)
            } else {
                let l = &self.lists[p.list as usize];
                (l.ids.len(), l.saturated)
            };
            Some((
                saturated,
                len,
                (u64::from(p.id) << 32) | u64::from(p.list),
                parts,
            ))
        }));
        // Rarest first: the first key of a part to reach an id is that
        // part's heaviest for it.
        lists.sort_unstable_by_key(|&(sat, len, _, _)| (sat, len));
        // Candidates in order of first appearance: (id, weight, last
        // list that counted it), so that an id listed twice under one
        // key still counts once. Small ids find their entry through
        // `slots` (a sparse set: a slot is trusted only when the entry
        // it points to holds the id), others through `spill`.
        hits.clear();
        spill.clear();
        let dense = self.max_id < DENSE_IDS;
        if dense && slots.len() <= self.max_id as usize {
            slots.resize(self.max_id as usize + 1, 0);
        }
        // Once full, longer lists only count hits when they are short
        // enough to be cheap: the work per query stays bounded by the
        // caps, not by how common the query's parts are.
        let mut full = false;
        for (l, &(saturated, len, posting, parts)) in lists.iter().enumerate() {
            if full && len > 2 * self.max_candidates {
                break;
            }
            if saturated && !hits.is_empty() {
                break;
            }
            let (id, list) = ((posting >> 32) as u32, posting as u32);
            let ids = if list == NO_LIST {
                std::slice::from_ref(&id)
            } else {
                &self.lists[list as usize].ids[..]
            };
            let (l, w) = (l as u32, weight(len));
            for &id in ids {
                let at = if dense {
                    let at = slots[id as usize] as usize;
                    (at < hits.len() && hits[at].0 == id).then_some(at)
                } else {
                    spill.get(&id).map(|&at| at as usize)
                };
                if let Some(at) = at {
                    let h = &mut hits[at];
                    let fresh = if parts == 0 {
                        h.2 != l
                    } else {
                        h.3 & parts == 0
                    };
                    if fresh {
                        h.1 += w;
                        h.2 = l;
                        h.3 |= parts;
                    }
                } else if !full {
                    if dense {
                        slots[id as usize] = hits.len() as u32;
                    } else {
                        spill.insert(id, hits.len() as u32);
                    }
                    hits.push((id, w, l, parts));
                    if hits.len() >= self.max_candidates {
                        full = true;
                    }
                }
            }
        }
        // Best weight first, then first appearance: a total order, so
        // ranking only the best `n` gives the head of the full ranking.
        // Each hit is ranked by one integer: its weight's place in
        // `f32::total_cmp` order, reversed, above its position.
        ranked.clear();
        ranked.extend(
            hits.iter()
                .enumerate()
                .map(|(i, h)| (u64::from(!total_order_key(h.1)) << 32) | i as u64),
        );
        if n < ranked.len() {
            if n == 0 {
                ranked.clear();
            } else {
                ranked.select_nth_unstable(n - 1);
                ranked.truncate(n);
            }
        }
        ranked.sort_unstable();
        out.extend(ranked.iter().map(|&r| {
            let h = hits[r as u32 as usize];
            (h.0, h.1)
        }));
    }
}

/// An integer that orders as [`f32::total_cmp`] orders the floats.
fn total_order_key(x: f32) -> u32 {
    let bits = x.to_bits() as i32;
    // As `total_cmp`: negative floats' other bits flipped, then compared as
    // signed integers; the sign bit flipped makes that an unsigned order.
    let ordered = bits ^ ((((bits >> 31) as u32) >> 1) as i32);
    (ordered as u32) ^ 0x8000_0000
}

/// Ids below this many are looked up in a query's dense slot array (four
/// bytes per id up to the largest id indexed); larger ones in a map.
const DENSE_IDS: u32 = 1 << 22;

/// Reused buffers of queries ([`BlockingIndex::best_candidates`]).
#[derive(Default)]
pub(crate) struct QueryScratch {
    lists: Vec<(bool, usize, u64, u64)>,
    hits: Vec<(u32, f32, u32, u64)>,
    slots: Vec<u32>,
    spill: FxHashMap<u32, u32>,
    ranked: Vec<u64>,
}

thread_local! {
    static SCRATCH: std::cell::RefCell<QueryScratch> = std::cell::RefCell::new(QueryScratch::default());
}

fn hash_with(seed: u64, s: &[&str]) -> u64 {
    let mut h = FxHasher::default();
    h.write_u64(seed);
    for x in s {
        h.write(x.as_bytes());
        h.write_u8(0xff);
    }
    h.finish()
}

const SEED_SKEL: u64 = 1;
const SEED_GROUP: u64 = 2;
const SEED_PAIR: u64 = 4;
const SEED_PREFIX: u64 = 5;
const SEED_SUFFIX: u64 = 6;

fn is_key_part(p: &Part<'_>) -> bool {
    p.tag().is_main() && p.fold().len() >= 2
}

/// Appends the blocking keys of `name` to `out` (sorted and deduplicated
/// on return). The keys and the capping policy are described on [`BlockingIndex`].
///
/// ```
/// use canonym::{analyze, blocking_keys};
///
/// let (mut a, mut b) = (Vec::new(), Vec::new());
/// blocking_keys(&analyze("Abdel Ghani Mouhib"), &mut a);
/// blocking_keys(&analyze("Abdelghani Mouhib"), &mut b);
/// assert!(a.iter().any(|k| b.contains(k)));
/// ```
pub fn blocking_keys(name: &Name, out: &mut Vec<u64>) {
    let start = out.len();
    each_key(name, |k, _| out.push(k));
    out[start..].sort_unstable();
    let mut w = start;
    for r in start..out.len() {
        if w == start || out[w - 1] != out[r] {
            out[w] = out[r];
            w += 1;
        }
    }
    out.truncate(w);
}

/// The blocking keys of `name` with the parts each one stands for, as a
/// bit mask of main-part positions (0 for the keys of two parts together),
/// sorted by key and deduplicated (masks of a repeated key merged). A
/// candidate is credited once per part, with the rarest key of that part it
/// shares ([`BlockingIndex`] ranking): a common given name written with many
/// variant keys ("Fatima", its groups, its prefix) weighs no more than one
/// rare key, so it cannot crowd out a candidate that shares the rare
/// surname.
pub(crate) fn blocking_keys_by_part(name: &Name, out: &mut Vec<(u64, u64)>) {
    out.clear();
    each_key(name, |k, m| out.push((k, m)));
    out.sort_unstable();
    let mut w = 0;
    for r in 0..out.len() {
        if w > 0 && out[w - 1].0 == out[r].0 {
            let m = out[r].1;
            let merged = &mut out[w - 1].1;
            *merged = if *merged == 0 || m == 0 {
                0
            } else {
                *merged | m
            };
        } else {
            out[w] = out[r];
            w += 1;
        }
    }
    out.truncate(w);
}

/// Calls `emit(key, parts)` for every blocking key of `name` (unsorted,
/// possibly repeated): `parts` as in [`blocking_keys_by_part`].
fn each_key(name: &Name, mut emit: impl FnMut(u64, u64)) {
    let main: SmallVec<[Part<'_>; 8]> = name.parts().filter(is_key_part).collect();
    let bit = |i: usize| 1u64 << i.min(63);
    KEY_BUFS.with(|bufs| {
        let (buf, skel) = &mut *bufs.borrow_mut();
        each_key_with(&main, bit, buf, skel, &mut emit);
    });
}

thread_local! {
    /// [`each_key`]'s string buffers, reused.
    static KEY_BUFS: std::cell::RefCell<(String, String)> = const {
        std::cell::RefCell::new((String::new(), String::new()))
    };
}

/// [`each_key`] over the key parts `main`, with buffers.
fn each_key_with(
    main: &[Part<'_>],
    bit: impl Fn(usize) -> u64,
    buf: &mut String,
    skel: &mut String,
    emit: &mut impl FnMut(u64, u64),
) {
    for (i, p) in main.iter().enumerate() {
        let s = p.skeleton();
        if !s.is_empty() {
            emit(hash_with(SEED_SKEL, &[s]), bit(i));
        }
        for g in p.groups() {
            let mut h = FxHasher::default();
            h.write_u64(SEED_GROUP);
            h.write_u32(*g);
            emit(h.finish(), bit(i));
        }
        let f = p.fold();
        if f.len() >= 6 && f.is_ascii() {
            emit(hash_with(SEED_PREFIX, &[&f[..4]]), bit(i));
            emit(hash_with(SEED_SUFFIX, &[&f[f.len() - 4..]]), bit(i));
        }
    }
    let n = main.len().min(MAX_PAIR_PARTS);
    for i in 0..n {
        if i + 1 < n {
            buf.clear();
            buf.push_str(main[i].fold());
            buf.push_str(main[i + 1].fold());
            skel.clear();
            crate::key::skeleton_into(buf, skel);
            // Same key space as single parts: "Abdel Ghani" glued meets
            // "Abdelghani".
            emit(hash_with(SEED_SKEL, &[skel]), bit(i) | bit(i + 1));
        }
        for j in i + 1..n {
            let (x, y) = (main[i].skeleton(), main[j].skeleton());
            let (x, y) = if x <= y { (x, y) } else { (y, x) };
            emit(hash_with(SEED_PAIR, &[x, y]), 0);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::analyze;

    #[test]
    fn total_order_key_orders_as_total_cmp() {
        let xs = [
            f32::NEG_INFINITY,
            -2.5,
            -1e-30,
            -0.0,
            0.0,
            1e-30,
            0.5,
            0.75,
            1.0,
            7.0,
            f32::INFINITY,
            f32::NAN,
        ];
        for a in xs {
            for b in xs {
                assert_eq!(
                    total_order_key(a).cmp(&total_order_key(b)),
                    a.total_cmp(&b),
                    "{a} {b}"
                );
            }
        }
    }

    #[test]
    fn caps_bound_postings_and_candidates() {
        let mut index = BlockingIndex::builder()
            .max_postings(10)
            .max_candidates(5)
            .build();
        for id in 0..100 {
            index.insert(id, &analyze("Mohammed"));
        }
        assert!(index.saturated() > 0);
        let mut out = Vec::new();
        index.candidates(&analyze("Mohamed"), &mut out);
        assert_eq!(out.len(), 5);
    }

    #[test]
    fn rare_part_is_always_found() {
        let mut index = BlockingIndex::builder()
            .max_postings(8)
            .max_candidates(4)
            .build();
        for id in 0..50 {
            index.insert(id, &analyze("Mohammed Ali"));
        }
        index.insert(50, &analyze("Mohammed Marizamunda"));
        let mut out = Vec::new();
        index.candidates(&analyze("Muhammad Marizamunda"), &mut out);
        assert_eq!(out[0], 50);
    }

    #[test]
    fn dropped_middle_name_and_order_share_pair_keys() {
        let mut a = Vec::new();
        let mut b = Vec::new();
        blocking_keys(&analyze("Khawaja Muhammad Asif"), &mut a);
        blocking_keys(&analyze("Asif Khawaja"), &mut b);
        let shared = b.iter().filter(|k| a.contains(k)).count();
        assert!(shared >= 3, "{shared}");
    }

    /// Every key's ids and whether its list is saturated.
    fn lists(ix: &BlockingIndex) -> std::collections::BTreeMap<u64, (Vec<u32>, bool)> {
        ix.postings
            .iter()
            .map(|(&k, p)| match p.list {
                NO_LIST => (k, (vec![p.id], false)),
                l => {
                    let l = &ix.lists[l as usize];
                    (k, (l.ids.clone(), l.saturated))
                }
            })
            .collect()
    }

    #[test]
    fn ids_inserted_out_of_order_read_as_in_order() {
        for cap in [1, 2, 3, 1024] {
            // (id, key) pairs: ids repeat, keys are shared by many ids.
            let pairs: Vec<(u32, u64)> = (0..400u32)
                .map(|i| ((i * 37) % 23, u64::from((i * 11) % 7)))
                .collect();
            let mut sorted = pairs.clone();
            sorted.sort_unstable();
            let mut fresh = BlockingIndex::builder().max_postings(cap).build();
            for &(id, k) in &sorted {
                fresh.insert_keys(id, &[k]);
            }
            let mut kept = BlockingIndex::builder().max_postings(cap).build();
            for &(id, k) in &pairs {
                kept.insert_keys_in_order(id, &[k]);
            }
            assert_eq!(lists(&kept), lists(&fresh), "cap {cap}");
            assert_eq!(kept.max_id, fresh.max_id);
            assert_eq!(kept.saturated(), fresh.saturated(), "cap {cap}");
            assert!(cap == 1024 || fresh.saturated() > 0);
        }
    }

    #[test]
    fn saved_keys_restore_the_index_as_it_was() {
        for cap in [1, 2, 1024] {
            let mut ix = BlockingIndex::builder().max_postings(cap).build();
            for id in 0..6u32 {
                ix.insert_keys(id, &[1, 2, u64::from(id % 2) + 3]);
            }
            ix.insert_keys(9, &[7]);
            let before = (lists(&ix), ix.lists.len(), ix.max_id);
            let keys = [1u64, 3, 7, 8, 10];
            let saved = ix.save(keys);
            ix.insert_keys(20, &[1, 3]);
            ix.insert_keys(21, &[7, 8, 10, 3]);
            ix.insert_keys(22, &[10]);
            assert_ne!(lists(&ix), before.0);
            ix.restore(saved);
            assert_eq!((lists(&ix), ix.lists.len(), ix.max_id), before, "cap {cap}");
        }
    }

    proptest::proptest! {
        /// `insert_keys_noting` hears of every key under which a query's
        /// answer may have changed: a query none of whose keys was heard
        /// of gets the same candidates, in the same order, with the same
        /// weights.
        #[test]
        fn noted_keys_cover_every_changed_answer(
            inserts in proptest::collection::vec(
                (0u32..12, proptest::collection::vec(0u64..6, 1..4)),
                1..30,
            ),
            cap in 1usize..4,
        ) {
            let mut ix = BlockingIndex::builder().max_postings(cap).build();
            let queries: Vec<Vec<(u64, u64)>> = (0..6u64)
                .flat_map(|a| (a..6).map(move |b| {
                    if a == b { vec![(a, 1)] } else { vec![(a, 1), (b, 2)] }
                }))
                .collect();
            let answers = |ix: &BlockingIndex| -> Vec<Vec<(u32, f32)>> {
                queries
                    .iter()
                    .map(|q| {
                        let mut out = Vec::new();
                        ix.best_candidates(q, 8, &mut out, &mut QueryScratch::default());
                        out
                    })
                    .collect()
            };
            for (id, keys) in inserts {
                let before = answers(&ix);
                let mut heard = Vec::new();
                ix.insert_keys_noting(id, &keys, |k| heard.push(k));
                let after = answers(&ix);
                for (q, (b, a)) in queries.iter().zip(before.iter().zip(&after)) {
                    if q.iter().all(|(k, _)| !heard.contains(k)) {
                        proptest::prop_assert_eq!(b, a, "query {:?}", q);
                    }
                }
            }
        }
    }
}
