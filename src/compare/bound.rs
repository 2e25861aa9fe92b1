//! Cheap necessary conditions on a comparison, for callers that compare
//! many pairs only to keep those that score above 0 (the resolver's short
//! names): a pair that fails them is never compared.
//!
//! Every test here is read off the comparison in this module's siblings
//! and must stay *sound*: it may say "perhaps" where the comparison says
//! no, never the reverse. The tests at the end check it against
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
        if ta == Tag::Particle
            && tb == Tag::Particle
            && super::similarity::article_form(fa)
            && super::similarity::article_form(fb)
        {
            return true;
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

    /// Checks the zero test on one pair, both ways.
    fn check(x: &str, y: &str) {
        let (a, b) = (analyze(x), analyze(y));
        let cfg = MatchConfig::default();
        for (p, q) in [(&a, &b), (&b, &a)] {
            let s = compare_with(p, q, &cfg).score();
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
    fn zero_test_holds_on_labelled_pairs() {
        let text = include_str!("../../eval/pairs.tsv");
        let mut n = 0;
        for f in lines(text) {
            check(f[0], f[1]);
            n += 1;
        }
        assert!(n > 1000, "{n} pairs");
    }

    #[test]
    fn zero_test_holds_within_and_across_labelled_clusters() {
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
    fn zero_test_holds_on_generated_names() {
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
    fn zero_test_separates_unrelated_names() {
        let m = |x: &str, y: &str| may_score(&analyze(x), &analyze(y));
        assert!(!m("Tom Mahony", "Karl Lindqvist"));
        assert!(m("John Smith", "John Smith Lindqvist"));
        assert!(m("Pjotrs Avens", "Pjotr Aven"));
        assert!(!m("Murphy", "Tom Mahony"));
        assert!(m("Murphy", "Tom Murphey"));
        assert!(m("Bill", "William Kerr"));
        assert!(m("J. Murphy", "John Kerr"));
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

        /// The zero test never rejects a pair the comparison scores above 0.
        #[test]
        fn zero_test_never_rejects_a_scoring_pair(x in name(1..5), y in name(1..5)) {
            let (a, b) = (analyze(&x), analyze(&y));
            let cfg = MatchConfig::default();
            for (p, q) in [(&a, &b), (&b, &a)] {
                let s = compare_with(p, q, &cfg).score();
                prop_assert!(s <= 0.0 || may_score(p, q), "{x} / {y}: {s}");
            }
        }
    }
}
