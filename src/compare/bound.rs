//! Cheap necessary conditions on a comparison, and an upper bound on its
//! score, for callers that compare many pairs only to keep the few that
//! reach some score (the resolver): a pair whose bound is below what the
//! caller needs is never compared.
//!
//! Every test here is read off the comparison in this module's siblings
//! and must stay *sound*: it may say "perhaps" where the comparison says
//! no, never the reverse. The tests at the end check the bound against
//! [`compare_with`] on the labelled pairs, on generated names and on a
//! property test; a rule added to the comparison that links parts in a new
//! way must be mirrored in [`PartKey::may_link`] or [`may_glue`].

use super::*;
use crate::analyze::PartData;

/// Whether the comparison of `a` and `b` may score above 0 under the hand
/// score: equal keys, or some pair of parts that may be linked, or a run
/// of parts of one that may be glued against a part of the other.
pub(crate) fn may_score(a: &Name, b: &Name) -> bool {
    if a.key() == b.key() || may_glue(a, b) || may_glue(b, a) {
        return true;
    }
    let (ka, kb) = (part_keys(a), part_keys(b));
    ka.iter().any(|x| kb.iter().any(|y| x.may_link(y)))
}

/// The keys of every part of `n`.
fn part_keys(n: &Name) -> SmallVec<[PartKey<'_>; 8]> {
    n.parts().map(|p| PartKey::of(&p)).collect()
}

/// What [`PartKey::may_link`] reads of one part, gathered once so that a
/// part is tested against many others with few memory reads: a necessary
/// condition for the comparison to link two parts on their own
/// (`part_similarity`, a patronymic's father, the Baltic nominative, the
/// residue).
#[derive(Debug, Clone, Copy)]
pub(crate) struct PartKey<'n> {
    data: &'n PartData,
    fold: &'n str,
    /// The part starts with the Arabic article (al, el).
    article: bool,
    /// The part reads as a patronymic.
    patronymic: bool,
}

impl<'n> PartKey<'n> {
    /// The key of part `p`.
    pub(crate) fn of(p: &Part<'n>) -> PartKey<'n> {
        let fold = p.fold();
        PartKey {
            data: p.data(),
            fold,
            article: fold.starts_with("al") || fold.starts_with("el"),
            patronymic: fold.len() >= 7 && is_patronymic(fold),
        }
    }

    /// Whether the comparison may link the two parts, read off its tests
    /// in order: numbers never link; equal folded forms have equal hashes;
    /// an initial links only to a part with its first letter (two initials
    /// only when equal); a legal form only to a legal form; a variant needs
    /// a shared group bit, a nickname a shared nickname bit, a
    /// transliteration key equal key hashes or Chinese syllables; a sound
    /// match (and the residue) lengths within 4, the same start and the
    /// same firm letters; a typing slip an edit budget, lengths within it
    /// and at most two letters of the letter set changed per edit; the
    /// Arabic article glued on a part starting with al or el; two
    /// patronymics; a part and the same part with a nominative ending.
    pub(crate) fn may_link(&self, other: &PartKey<'_>) -> bool {
        let (da, db) = (self.data, other.data);
        let (ta, tb) = (da.tag, db.tag);
        if is_number(ta) || is_number(tb) {
            return false;
        }
        if da.hash == db.hash {
            return true;
        }
        let (fa, fb) = (self.fold, other.fold);
        if ta == Tag::Initial || tb == Tag::Initial {
            return ta != tb && fa.as_bytes().first() == fb.as_bytes().first();
        }
        if (ta == Tag::Legal) != (tb == Tag::Legal) {
            return false;
        }
        if da.group_sig & db.group_sig != 0
            || da.nick_sig & db.nick_sig != 0
            || da.skel_hash == db.skel_hash
            || da.sino != 0
            || db.sino != 0
            || self.article
            || other.article
            || (self.patronymic && other.patronymic)
        {
            return true;
        }
        let (la, lb) = (fa.len(), fb.len());
        let diff = la.abs_diff(lb);
        if diff <= 4
            && crate::sound::firm_letters_close(da.mask, db.mask, la.max(lb))
            && crate::sound::same_start(fa, fb)
        {
            return true;
        }
        let bud = budget(la.min(lb));
        if bud > 0 && diff <= bud && (da.mask ^ db.mask).count_ones() as usize <= 2 * bud {
            return true;
        }
        diff <= 2 && (fa.starts_with(fb) || fb.starts_with(fa))
    }
}

/// A necessary condition for the comparison's `glue` to glue a run of
/// parts of `a` against a part of `b`: Chinese syllables, or a run start —
/// a part of `a` that is no number or initial, whose first letter (vowels
/// as one) begins some part of `b`, and which with the next part of `a` is
/// no longer than the longest part of `b` plus two.
pub(crate) fn may_glue(a: &Name, b: &Name) -> bool {
    GlueSig::of(a).may_glue(&GlueSig::of(b))
}

/// What [`may_glue`] reads of one name, computed once per name: a few
/// bytes that test a pair of names in a few operations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct GlueSig {
    /// One bit per first letter of a part (vowels as one).
    letters: u64,
    /// One bit per first letter of a part that may start a run: no number
    /// or initial, followed by another part.
    starts: u64,
    /// The shortest length of such a part and the next one together.
    min_run: u32,
    /// The longest part's length.
    longest: u32,
    /// Whether some part reads as Chinese syllables.
    sino: bool,
}

impl GlueSig {
    /// The signature of `n`.
    pub(crate) fn of(n: &Name) -> GlueSig {
        let first = |p: &Part<'_>| match p.fold().as_bytes().first() {
            Some(b'a' | b'e' | b'i' | b'o' | b'u') => 1u64 << (b'a' % 64),
            Some(&c) => 1u64 << (c % 64),
            None => 1,
        };
        let mut sig = GlueSig {
            min_run: u32::MAX,
            ..GlueSig::default()
        };
        let mut prev: Option<(u64, u32, bool)> = None;
        for p in n.parts() {
            let (f, len) = (first(&p), p.fold().len() as u32);
            sig.letters |= f;
            sig.longest = sig.longest.max(len);
            sig.sino |= p.data().sino != 0;
            if let Some((pf, plen, gluable)) = prev {
                if gluable {
                    sig.starts |= pf;
                    sig.min_run = sig.min_run.min(plen.saturating_add(len));
                }
            }
            let gluable = !matches!(p.tag(), Tag::Regnal | Tag::Suffix | Tag::Initial);
            prev = Some((f, len, gluable));
        }
        sig
    }

    /// Whether the comparison may glue a run of parts of the name of `self`
    /// against a part of the name of `b` (see [`may_glue`]).
    pub(crate) fn may_glue(&self, b: &GlueSig) -> bool {
        if b.letters == 0 {
            return false;
        }
        (self.sino || b.sino) && self.starts != 0
            || self.starts & b.letters != 0 && self.min_run <= b.longest.saturating_add(2)
    }
}

/// Slack added to [`score_bound`] so that rounding in the comparison's
/// sums never puts a score above it.
const SLACK: f64 = 1e-9;

/// An upper bound on `compare_with(a, b, cfg).score()`, in [0, 1].
///
/// Why it holds. With a fitted model it is 1. Otherwise the score is the
/// hand score `num / den`, then only multiplied by factors below 1 or
/// capped (0 for a person against an organisation). `num` is the sum of
/// the links' similarity × weight, and every similarity is at most 1, so
/// `num ≤ matched`, the sum of the links' weights, and
/// `den = matched + missing_cost · missing + conflict_cost · conflict`.
/// When no run of parts may be glued ([`may_glue`] either way), every link
/// joins one part of each name that [`PartKey::may_link`] holds for, and a pair's
/// weight is one of the two parts' weights: so `matched` is at most the
/// sum, over the linkable parts of either name, of the greatest weight
/// among each part and its possible partners. Parts that may link to
/// nothing are left over; each costs at least `κ` times its weight in
/// `den`, whatever the alignment: a part missing on one side costs the
/// missing cost (or the organisation one, or the contained share of it),
/// and two parts in conflict cost the conflict cost once (or the lone slot
/// share of it) for the two of them. As `m / (m + κ u)` grows with `m`,
/// the bound is that fraction at the largest `matched` and the known
/// left-over weight `u`. With no possible link at all, it is 0.
#[cfg_attr(not(test), allow(dead_code))] // callers keep the signatures
pub(crate) fn score_bound(a: &Name, b: &Name, cfg: &MatchConfig) -> f64 {
    score_bound_with(
        &Bounded::new(a, GlueSig::of(a)),
        &Bounded::new(b, GlueSig::of(b)),
        cfg,
    )
}

/// One name as [`score_bound_with`] reads it: its glue signature and the
/// keys of its first [`MAX_PARTS`] parts, gathered once for a name that is
/// bounded against many.
pub(crate) struct Bounded<'n> {
    name: &'n Name,
    sig: GlueSig,
    keys: SmallVec<[PartKey<'n>; 8]>,
}

impl<'n> Bounded<'n> {
    /// `n` with its glue signature `sig` (see [`GlueSig::of`]).
    pub(crate) fn new(n: &'n Name, sig: GlueSig) -> Bounded<'n> {
        Bounded {
            name: n,
            sig,
            keys: n.parts().take(MAX_PARTS).map(|p| PartKey::of(&p)).collect(),
        }
    }
}

/// [`score_bound`] with the names gathered beforehand.
pub(crate) fn score_bound_with(x: &Bounded<'_>, y: &Bounded<'_>, cfg: &MatchConfig) -> f64 {
    let (a, b) = (x.name, y.name);
    if cfg.model.coefficients().is_some() {
        return 1.0;
    }
    if a.kind_is_certain()
        && b.kind_is_certain()
        && matches!(
            (a.kind(), b.kind()),
            (Kind::Person, Kind::Org) | (Kind::Org, Kind::Person)
        )
    {
        return 0.0;
    }
    if a.key() == b.key() || x.sig.may_glue(&y.sig) || y.sig.may_glue(&x.sig) {
        return 1.0;
    }
    let mut best_b = [0f32; MAX_PARTS];
    let (mut sum_a, mut left) = (0f64, 0f64);
    let mut linked_b = 0u32;
    for ka in &x.keys {
        if is_number(ka.data.tag) {
            continue;
        }
        let wa = ka.data.weight;
        let mut best = 0f32;
        let mut linked = false;
        for (j, kb) in y.keys.iter().enumerate() {
            if ka.may_link(kb) {
                let w = wa.max(kb.data.weight);
                best = best.max(w);
                best_b[j] = best_b[j].max(w);
                linked = true;
                linked_b |= 1 << j;
            }
        }
        if linked {
            sum_a += best as f64;
        } else {
            left += wa as f64;
        }
    }
    if linked_b == 0 {
        return 0.0;
    }
    let mut sum_b = 0f64;
    for (j, kb) in y.keys.iter().enumerate() {
        if linked_b & (1 << j) != 0 {
            sum_b += best_b[j] as f64;
        } else if !is_number(kb.data.tag) {
            left += kb.data.weight as f64;
        }
    }
    let matched = sum_a.min(sum_b);
    let kappa = (cfg.missing_cost * CONTAINED_MISSING_SHARE)
        .min(cfg.org_missing_cost)
        .min(cfg.conflict_cost * LONE_SLOT_SHARE / 2.0)
        .max(0.0);
    let den = matched + kappa * left;
    if den <= 0.0 {
        return 1.0;
    }
    (matched / den * (1.0 + SLACK) + SLACK).min(1.0)
}

#[cfg(test)]
#[path = "../../benches/names.rs"]
#[allow(dead_code)]
mod names;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze;
    use proptest::prelude::*;

    use super::names;

    /// Checks the bound and the zero test on one pair, both ways.
    fn check(x: &str, y: &str) {
        let (a, b) = (analyze(x), analyze(y));
        let cfg = MatchConfig::default();
        for (p, q) in [(&a, &b), (&b, &a)] {
            let s = compare_with(p, q, &cfg).score();
            let ub = score_bound(p, q, &cfg);
            assert!(
                s <= ub,
                "{} / {}: score {s} above bound {ub}",
                p.original(),
                q.original()
            );
            assert!(s <= 0.0 || may_score(p, q), "{x} / {y}: {s}");
        }
    }

    fn lines(text: &str) -> impl Iterator<Item = Vec<&str>> {
        text.lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .skip(1)
            .map(|l| l.split('\t').collect())
    }

    #[test]
    fn bound_holds_on_labelled_pairs() {
        let text = include_str!("../../eval/pairs.tsv");
        let mut n = 0;
        for f in lines(text) {
            check(f[0], f[1]);
            n += 1;
        }
        assert!(n > 1000, "{n} pairs");
    }

    #[test]
    fn bound_holds_within_and_across_labelled_clusters() {
        let text = include_str!("../../eval/clusters.tsv");
        let names: Vec<&str> = lines(text).filter_map(|f| f.get(1).copied()).collect();
        assert!(names.len() > 100);
        for i in 0..names.len() {
            for j in i + 1..names.len().min(i + 12) {
                check(names[i], names[j]);
            }
        }
    }

    #[test]
    fn bound_holds_on_generated_names() {
        let mut g = names::NameGen::new(7);
        let mut all = Vec::new();
        for _ in 0..1500 {
            let mut s = String::new();
            g.name_into(&mut s);
            all.push(s);
        }
        // Neighbours, and names sharing a word: what blocking brings
        // together.
        let mut by_word: std::collections::HashMap<&str, Vec<usize>> = Default::default();
        for (i, s) in all.iter().enumerate() {
            for w in s.split_whitespace() {
                by_word.entry(w).or_default().push(i);
            }
        }
        for i in 0..all.len() {
            for j in i + 1..all.len().min(i + 4) {
                check(&all[i], &all[j]);
            }
        }
        for ids in by_word.values() {
            for w in ids.windows(2).take(40) {
                check(&all[w[0]], &all[w[1]]);
            }
        }
    }

    #[test]
    fn bound_separates_unrelated_names() {
        let cfg = MatchConfig::default();
        let b = |x: &str, y: &str| score_bound(&analyze(x), &analyze(y), &cfg);
        assert_eq!(b("Tom Mahony", "Karl Lindqvist"), 0.0);
        assert!(b("John Smith", "John Smith Lindqvist") >= 1.0 / 1.1);
        assert!(b("Anna Okafor", "Okafor") > 0.8);
        assert_eq!(b("Acme Ltd", "John Smith"), 0.0);
    }

    /// Name parts of many kinds: given names with variants and nicknames,
    /// family names and close misspellings, the Arabic article glued on,
    /// Chinese syllables in two systems, particles, initials, numbers,
    /// legal forms, organisation words, patronymics and Baltic endings.
    const WORDS: &[&str] = &[
        "John",
        "Jon",
        "Johan",
        "Jonathan",
        "William",
        "Bill",
        "Willem",
        "Mohammed",
        "Muhammad",
        "Mohamed",
        "Omar",
        "Umar",
        "Karim",
        "Hassan",
        "Hussein",
        "Smith",
        "Smyth",
        "Smithe",
        "Murphy",
        "Mahony",
        "Murphey",
        "Novak",
        "Nowak",
        "Novick",
        "Baekhib",
        "Bakehib",
        "Sebai",
        "Elsebai",
        "Serraj",
        "Alsaraj",
        "Mao",
        "Zedong",
        "Tse-tung",
        "Xiaoping",
        "Hsiao-ping",
        "Abdel",
        "Ghani",
        "Abdelghani",
        "Abd",
        "al",
        "Aziz",
        "Abdelaziz",
        "bin",
        "ibn",
        "von",
        "der",
        "de",
        "J.",
        "K.",
        "M.",
        "Jr",
        "VI",
        "V",
        "II",
        "Ltd",
        "Inc",
        "Bank",
        "Group",
        "Kovalenko",
        "Kowalenko",
        "Okafor",
        "Okafur",
        "Lindqvist",
        "Lindquist",
        "Zoe",
        "Li",
        "Lee",
        "Ng",
        "O'Brien",
        "Obrien",
        "Marizamunda",
        "Marizamonda",
        "Loudiyi",
        "Loudyi",
        "Abdellatif",
        "Abdeltif",
        "Mykolayovych",
        "Nikolayevich",
        "Petrovna",
        "Pjotrs",
        "Pjotr",
        "Avens",
        "Aven",
        "Ghoreiszi",
        "Qoreishi",
    ];

    fn word() -> impl Strategy<Value = String> {
        (0..WORDS.len(), any::<u8>(), any::<u8>()).prop_map(|(i, edit, at)| {
            let w = WORDS[i];
            let chars: Vec<char> = w.chars().collect();
            let k = at as usize % chars.len();
            // Most words as they are; some with a typing slip.
            let mut out: Vec<char> = chars.clone();
            match edit % 8 {
                0 if chars.len() > 2 => {
                    out.remove(k);
                }
                1 => out.insert(k, 'e'),
                2 if k + 1 < chars.len() => out.swap(k, k + 1),
                _ => {}
            }
            out.into_iter().collect()
        })
    }

    fn name(parts: std::ops::Range<usize>) -> impl Strategy<Value = String> {
        prop::collection::vec(word(), parts).prop_map(|v| v.join(" "))
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]

        /// The bound is never below the score, and the zero test never
        /// rejects a pair the comparison scores above 0.
        #[test]
        fn bound_is_never_below_the_score(x in name(1..5), y in name(1..5)) {
            let (a, b) = (analyze(&x), analyze(&y));
            let cfg = MatchConfig::default();
            for (p, q) in [(&a, &b), (&b, &a)] {
                let s = compare_with(p, q, &cfg).score();
                prop_assert!(s <= score_bound(p, q, &cfg), "{x} / {y}: {s}");
                prop_assert!(s <= 0.0 || may_score(p, q), "{x} / {y}: {s}");
            }
        }
    }
}
