//! Step 1: every mention analysed, and mentions with the same key and kind
//! gathered into one distinct name with its display variants.

use super::{Mention, Settings, NONE, PARALLEL_MIN};
use crate::analyze::{Analyzer, Kind, Name, Tag};
use rustc_hash::FxHashMap;
use smallvec::SmallVec;
use std::cmp::Ordering;

/// One distinct name: an analysed representative and its display variants.
#[derive(Debug, Clone)]
pub(crate) struct Group {
    pub(super) name: Name,
    pub(super) count: u32,
    /// Most distinct names have one display form: it is kept inline.
    pub(super) variants: SmallVec<[Variant; 1]>,
    /// Main parts plus one for a regnal number, plus one for an
    /// organisation's legal form.
    pub(super) complete: u8,
    /// Whether `name` is the plain analysis of its original, with no kind
    /// given: an entity whose canonical form is that original has `name`
    /// as its analysed canonical name.
    pub(super) plain: bool,
}

#[derive(Debug, Clone)]
pub(super) struct Variant {
    pub(super) display: Box<str>,
    pub(super) count: u32,
    pub(super) well_cased: bool,
}

impl Group {
    pub(super) fn main_parts(name: &Name) -> u8 {
        name.parts().filter(|p| p.tag().is_main()).count() as u8
    }

    pub(super) fn is_complete(&self) -> bool {
        self.complete >= 2
    }

    pub(super) fn new(name: Name) -> Group {
        let main = Group::main_parts(&name);
        let regnal = name.parts().any(|p| p.tag() == Tag::Regnal) as u8;
        let legal = is_registered(&name) as u8;
        let mut g = Group {
            complete: main.saturating_add(regnal).saturating_add(legal),
            count: 0,
            variants: SmallVec::new(),
            name,
            plain: false,
        };
        let v = variant_of(&g.name);
        g.add_variant(v, 1);
        g
    }

    pub(super) fn add_variant(&mut self, v: Variant, count: u32) {
        self.count += count;
        match self.variants.iter_mut().find(|x| x.display == v.display) {
            Some(x) => {
                x.count += count;
                x.well_cased |= v.well_cased;
            }
            None => self.variants.push(Variant { count, ..v }),
        }
    }

    /// Counts one more occurrence of the display form of `name`, copying
    /// the form only when it is new; returns the index of its variant.
    fn add_occurrence(&mut self, name: &Name) -> usize {
        self.count += 1;
        let (display, well_cased) = (name.display(), well_cased(name));
        match self.variants.iter().position(|x| &*x.display == display) {
            Some(i) => {
                let x = &mut self.variants[i];
                x.count += 1;
                x.well_cased |= well_cased;
                i
            }
            None => {
                self.variants.push(Variant {
                    display: display.into(),
                    count: 1,
                    well_cased,
                });
                self.variants.len() - 1
            }
        }
    }

    /// Adds another occurrence (already analysed to the same key and kind)
    /// and returns the index of its variant. Keeps as representative the
    /// name that sorts first under a total order, so that the choice does
    /// not depend on arrival order.
    fn merge_name(&mut self, name: Name, plain: bool) -> usize {
        let v = self.add_occurrence(&name);
        if rep_order(&name, &self.name) == Ordering::Less {
            self.name = name;
            self.plain = plain;
        }
        v
    }

    /// [`Group::merge`], returning what it changed so that
    /// [`Group::unmerge`] can restore the group as it was (without a copy
    /// of its analysis).
    #[cfg(feature = "store")]
    pub(super) fn merge_undoable(&mut self, other: Group) -> Unmerge {
        let mut undo = Unmerge {
            count: self.count,
            plain: self.plain,
            variants: self
                .variants
                .iter()
                .map(|v| (v.count, v.well_cased))
                .collect(),
            name: None,
        };
        if rep_order(&other.name, &self.name) == Ordering::Less {
            undo.name = Some(std::mem::replace(&mut self.name, other.name));
            self.plain = other.plain;
        }
        for v in other.variants {
            let c = v.count;
            self.add_variant(v, c);
        }
        undo
    }

    /// Restores the group as it was before the
    /// [`Group::merge_undoable`] that returned `undo`.
    #[cfg(feature = "store")]
    pub(super) fn unmerge(&mut self, undo: Unmerge) {
        self.count = undo.count;
        self.plain = undo.plain;
        self.variants.truncate(undo.variants.len());
        for (v, (count, well_cased)) in self.variants.iter_mut().zip(undo.variants) {
            v.count = count;
            v.well_cased = well_cased;
        }
        if let Some(name) = undo.name {
            self.name = name;
        }
    }

    pub(super) fn merge(&mut self, other: Group) {
        if rep_order(&other.name, &self.name) == Ordering::Less {
            self.name = other.name;
            self.plain = other.plain;
        }
        for v in other.variants {
            let c = v.count;
            self.add_variant(v, c);
        }
    }
}

/// What [`Group::merge_undoable`] changed in a group: its counts, its
/// variants' counts and case flags (variants it added come after them), and
/// its representative when another replaced it.
#[cfg(feature = "store")]
#[derive(Debug)]
pub(super) struct Unmerge {
    count: u32,
    plain: bool,
    variants: SmallVec<[(u32, bool); 2]>,
    name: Option<Name>,
}

/// Whether `name` is an organisation's name with a legal form ("Bayer AG",
/// "PAO Gazprom", "Bayer Group"): the form it is registered under, which
/// names the organisation as completely as a regnal number names a ruler,
/// so that its one-word core does not make it a short name.
fn is_registered(name: &Name) -> bool {
    name.kind() == Kind::Org && name.parts().any(|p| p.tag() == Tag::Legal)
}

/// Whether `a` and `b` name one organisation by the same core: neither is a
/// person's name, one at least is an organisation's, and their main parts
/// (the legal forms and group words, tagged legal, left out) are the same
/// words, whatever their order: "Bayer AG", "Bayer Group" and
/// "Bayer Aktiengesellschaft"; "PAO Gazprom" and "OAO Gazprom". The
/// resolver scores such a pair as one name. A bare core ("Bayer") is a
/// short name and joins only by the short-name rules: in its document, or
/// across documents when its word is no known given or family name.
pub(super) fn same_org_core(a: &Name, b: &Name) -> bool {
    let (ka, kb) = (a.kind(), b.kind());
    if ka == Kind::Person || kb == Kind::Person || (ka != Kind::Org && kb != Kind::Org) {
        return false;
    }
    fn core(n: &Name) -> impl Iterator<Item = &str> + '_ {
        n.parts().filter(|p| p.tag().is_main()).map(|p| p.fold())
    }
    let n = core(a).count();
    n > 0
        && n == core(b).count()
        && core(a).all(|f| core(b).any(|g| g == f))
        && core(b).all(|g| core(a).any(|f| f == g))
}

pub(super) fn variant_of(name: &Name) -> Variant {
    Variant {
        display: name.display().into(),
        count: 1,
        well_cased: well_cased(name),
    }
}

/// Whether the name as written mixes upper and lower case (or has no case).
fn well_cased(name: &Name) -> bool {
    let orig = name.original();
    let upper = orig.chars().any(char::is_uppercase);
    let lower = orig.chars().any(char::is_lowercase);
    (upper && lower) || (!upper && !lower) || well_cased_uncased(orig)
}

fn well_cased_uncased(s: &str) -> bool {
    // Scripts without case (Arabic, Chinese) are well formed as they are.
    !s.chars().any(|c| c.is_uppercase() || c.is_lowercase())
}

pub(super) fn has_diacritics(s: &str) -> bool {
    !s.is_ascii()
}

/// The representative of a distinct name: best formed first, then the
/// original in byte order.
fn rep_order(a: &Name, b: &Name) -> Ordering {
    well_cased(b)
        .cmp(&well_cased(a))
        .then(has_diacritics(b.display()).cmp(&has_diacritics(a.display())))
        .then(a.original().cmp(b.original()))
}

/// Distinct name identity (key and kind) → distinct name.
pub(super) type GroupKeys = FxHashMap<(Box<str>, Kind), u32>;

/// The analysed input.
pub(super) struct Analysed {
    pub(super) groups: Vec<Group>,
    pub(super) keys: FxHashMap<(Box<str>, Kind), u32>,
    pub(super) mention_group: Vec<u32>,
    pub(super) mention_doc: Vec<u32>,
}

pub(super) fn analyse_one(analyzer: &Analyzer, m: &Mention) -> Name {
    match m.kind {
        Some(k) => analyzer.analyze_as(&m.name, k),
        None => analyzer.analyze(&m.name),
    }
}

/// Slots of [`analyse_chunk`]'s cache of recent mentions (a power of two).
const RECENT_SLOTS: usize = 4096;

/// The slot of a mention in [`analyse_chunk`]'s cache: by its name alone,
/// so that one name given with and without a kind shares a slot.
fn recent_slot(m: &Mention) -> usize {
    use std::hash::{Hash, Hasher};
    let mut h = rustc_hash::FxHasher::default();
    m.name.hash(&mut h);
    (h.finish() >> (64 - RECENT_SLOTS.trailing_zeros())) as usize
}

/// Enters an analysed mention (`plain`: analysed with no kind given) into
/// the distinct names: returns its distinct name and the index of its
/// display variant.
fn enter(groups: &mut Vec<Group>, keys: &mut GroupKeys, name: Name, plain: bool) -> (u32, usize) {
    let k = (Box::<str>::from(name.key()), name.kind());
    match keys.get(&k) {
        Some(&g) => (g, groups[g as usize].merge_name(name, plain)),
        None => {
            let g = groups.len() as u32;
            keys.insert(k, g);
            let mut group = Group::new(name);
            group.plain = plain;
            groups.push(group);
            (g, 0)
        }
    }
}

fn analyse_chunk(analyzer: &Analyzer, mentions: &[Mention]) -> (Vec<Group>, GroupKeys, Vec<u32>) {
    let mut groups: Vec<Group> = Vec::new();
    let mut keys: FxHashMap<(Box<str>, Kind), u32> = FxHashMap::default();
    let mut mg = Vec::with_capacity(mentions.len());
    // A name written the same way again (documents repeat their people)
    // has the same analysis, so it joins the same distinct name as the same
    // variant and changes nothing but their counts: a small cache of recent
    // mentions (the first of each, and its variant) spares analysing it
    // again. The representative already sorts no later than the earlier
    // occurrence (`rep_order`), so a repeat never replaces it: the result
    // is the same as without the cache.
    let mut recent = vec![(NONE, 0u32); RECENT_SLOTS.min(mentions.len().next_power_of_two())];
    for (i, m) in mentions.iter().enumerate() {
        let slot = recent_slot(m) & (recent.len() - 1);
        let (first, v) = recent[slot];
        if first != NONE {
            let earlier = &mentions[first as usize];
            if earlier.name == m.name && earlier.kind == m.kind {
                let g = mg[first as usize];
                let group = &mut groups[g as usize];
                group.count += 1;
                group.variants[v as usize].count += 1;
                mg.push(g);
                continue;
            }
        }
        let (g, v) = enter(
            &mut groups,
            &mut keys,
            analyse_one(analyzer, m),
            m.kind.is_none(),
        );
        recent[slot] = (i as u32, v as u32);
        mg.push(g);
    }
    (groups, keys, mg)
}

pub(super) fn analyse_all(s: &Settings, mentions: &[Mention]) -> Analysed {
    let (mut groups, mut keys, mut mention_group) =
        if s.threads >= 2 && mentions.len() >= PARALLEL_MIN {
            let (left, right) = mentions.split_at(mentions.len() / 2);
            let (a, b) = std::thread::scope(|scope| {
                let h = scope.spawn(|| analyse_chunk(&s.analyzer, right));
                let a = analyse_chunk(&s.analyzer, left);
                (a, h.join().expect("analysis thread panicked"))
            });
            let (mut groups, mut keys, mut mg) = a;
            let (bgroups, bkeys, bmg) = b;
            let mut remap = vec![0u32; bgroups.len()];
            let mut bgroups: Vec<Option<Group>> = bgroups.into_iter().map(Some).collect();
            for (k, bg) in bkeys {
                let group = bgroups[bg as usize].take().expect("each group once");
                match keys.get(&k) {
                    Some(&g) => {
                        groups[g as usize].merge(group);
                        remap[bg as usize] = g;
                    }
                    None => {
                        let g = groups.len() as u32;
                        groups.push(group);
                        keys.insert(k, g);
                        remap[bg as usize] = g;
                    }
                }
            }
            mg.extend(bmg.into_iter().map(|g| remap[g as usize]));
            (groups, keys, mg)
        } else {
            analyse_chunk(&s.analyzer, mentions)
        };
    let mut docs: FxHashMap<&str, u32> = FxHashMap::default();
    let mention_doc = mentions
        .iter()
        .map(|m| match &m.doc {
            None => NONE,
            Some(d) => {
                let n = docs.len() as u32;
                *docs.entry(d.as_str()).or_insert(n)
            }
        })
        .collect();
    groups.shrink_to_fit();
    keys.shrink_to_fit();
    mention_group.shrink_to_fit();
    Analysed {
        groups,
        keys,
        mention_group,
        mention_doc,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What `analyse_chunk` makes of `mentions`, analysing every mention.
    fn uncached(analyzer: &Analyzer, mentions: &[Mention]) -> (Vec<Group>, GroupKeys, Vec<u32>) {
        let mut groups: Vec<Group> = Vec::new();
        let mut keys = GroupKeys::default();
        let mut mg = Vec::new();
        for m in mentions {
            let (g, _) = enter(
                &mut groups,
                &mut keys,
                analyse_one(analyzer, m),
                m.kind.is_none(),
            );
            mg.push(g);
        }
        (groups, keys, mg)
    }

    type Summary = Vec<(String, u32, bool, u8, Vec<(String, u32, bool)>)>;

    fn summary(groups: &[Group]) -> Summary {
        groups
            .iter()
            .map(|g| {
                (
                    g.name.original().to_string(),
                    g.count,
                    g.plain,
                    g.complete,
                    g.variants
                        .iter()
                        .map(|v| (v.display.to_string(), v.count, v.well_cased))
                        .collect(),
                )
            })
            .collect()
    }

    #[test]
    fn repeated_mentions_give_what_analysing_each_gives() {
        // More distinct names than the cache has slots, each written in
        // several ways, some with a kind given, and repeated far apart and
        // close together: slots are shared and overwritten.
        let word = |mut i: usize| {
            let mut w = String::new();
            for _ in 0..3 {
                w.push(b"aeiou"[i % 5] as char);
                w.push(b"dklmnrstvz"[(i / 5) % 10] as char);
                i /= 50;
            }
            w
        };
        let forms = |i: usize| {
            let (given, family) = (format!("Od{}a", word(i)), format!("K{}ova", word(i + 1)));
            [
                format!("{given} {family}"),
                format!("{} {}", given.to_uppercase(), family.to_uppercase()),
                format!("{family}, {given}"),
                format!("{}á {family}", &given[..given.len() - 1]),
                format!("Dr. {}á {family}", &given[..given.len() - 1]),
                family,
            ]
        };
        let n = RECENT_SLOTS + RECENT_SLOTS / 2;
        let mut mentions = Vec::new();
        for round in 0..3 {
            for i in 0..n {
                let i = (i * 7919 + round * 31) % n;
                for (k, form) in forms(i).into_iter().enumerate() {
                    if (i + k + round) % 3 == 0 {
                        continue;
                    }
                    let m = Mention::new(form);
                    mentions.push(match (k, round) {
                        (2, 1) => m.kind(Kind::Person),
                        (5, 1) => m.kind(Kind::Org),
                        _ => m,
                    });
                }
                if i % 5 == 0 {
                    mentions.push(Mention::new("Bayer AG"));
                }
            }
        }
        let analyzer = Analyzer::default();
        let (groups, keys, mg) = analyse_chunk(&analyzer, &mentions);
        let (want_groups, want_keys, want_mg) = uncached(&analyzer, &mentions);
        assert_eq!(mg, want_mg);
        assert_eq!(keys, want_keys);
        assert_eq!(summary(&groups), summary(&want_groups));
        let total: u32 = groups.iter().map(|g| g.count).sum();
        assert_eq!(total as usize, mentions.len());
    }
}
