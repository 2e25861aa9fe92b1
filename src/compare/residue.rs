//! The residue: parts left over by the alignment that are still one name,
//! spelt in two romanisations farther apart than the close spellings that
//! `part_similarity` accepts; and known names that share a consonant
//! skeleton without being one name.

use super::*;

/// How many times the usual sound allowance (`sound_allowance`) a
/// left-over pair may differ by.
const RESIDUE_ALLOWANCE: f32 = 2.0;

/// The highest similarity of a residue link: below every close spelling,
/// so that a name whose parts all align only this way stays under the
/// default threshold unless the rest of it is strong.
const RESIDUE_SIM: f32 = 0.8;

/// Candidate links between main parts that the alignment left over on both
/// sides and that sound alike within twice the usual allowance: one name
/// in two romanisations far apart (Cabdixakiim / Abdulhakim, Raqou /
/// Reqqo, Neameh / Nima, Aleksandr / Olexanter).
///
/// Only what is left over once some part has aligned is compared, so a
/// residue link never displaces a closer one and never stands alone; and
/// it is left alone where a pair is known to be two names, or is known
/// to the tables, which decide it: two known given names (Thamer / Samer,
/// Mariam / Marian, and John / Jun, which the variant table groups as
/// short readings that the close comparison rejects), parts whose lengths
/// differ by more than two letters or in a firm letter (l, m, n, r, t or
/// d: Nasrallah / Nassar), different final
/// vowels of a short part (Mwangi / Mwanga) unless they spell one vowel
/// (e / i, o / u: Guule / Guuli), a leading h against another
/// velar (Haniyeh / Qaani), a leading j against a vowel (Jomeh / Oussama),
/// family names whose consonant skeletons differ in a consonant (see
/// [`skeletons_kin`]), patronymics,
/// initials, organisation names and
/// romanised Chinese or Korean syllables, where one vowel makes another
/// syllable.
pub(super) fn residue(
    x: Operand<'_>,
    y: Operand<'_>,
    used_a: &[bool; MAX_PARTS],
    used_b: &[bool; MAX_PARTS],
    syllabic: bool,
) -> Cands {
    let (a, ha, wa) = (x.name, x.heads, x.weights);
    let (b, hb, wb) = (y.name, y.heads, y.weights);
    let mut out = Cands::new();
    if syllabic || a.kind() == Kind::Org || b.kind() == Kind::Org {
        return out;
    }
    let eligible = |n: &Name, h: &Heads, used: &[bool; MAX_PARTS], i: usize| {
        !used[i]
            && matches!(h.tags[i], Tag::Given | Tag::Family | Tag::Word)
            && n.part(i).data().spelling & PATRONYMIC_FORM == 0
    };
    for i in (0..ha.len).filter(|&i| eligible(a, ha, used_a, i)) {
        let pa = a.part(i);
        for j in (0..hb.len).filter(|&j| eligible(b, hb, used_b, j)) {
            let pb = b.part(j);
            let (fa, fb) = (pa.fold(), pb.fold());
            let maxlen = fa.len().max(fb.len());
            if fa.len().abs_diff(fb.len()) > 2
                || !sound::same_start(fa, fb)
                || leading_h_apart(fa, fb)
                || leading_j_apart(fa, fb)
                || !sound::firm_letters_close(pa.data().mask, pb.data().mask, maxlen)
                || (final_vowel_apart(fa, fb) && !kin_final_vowels(fa, fb))
                || (!pa.groups().is_empty() && !pb.groups().is_empty())
                || ((wa[i] >= RARE_FAMILY || wb[j] >= RARE_FAMILY)
                    && !skeletons_kin(pa.skeleton(), pb.skeleton()))
            {
                continue;
            }
            let max = RESIDUE_ALLOWANCE * sound_allowance(maxlen);
            let Some(d) = sound::distance(fa, fb, max, sound::Mode::Loose) else {
                continue;
            };
            if d.cost > RESIDUE_ALLOWANCE * sound_allowance(d.len) {
                continue;
            }
            let sim = (0.95 - 0.5 * d.cost / d.len as f32).clamp(0.6, RESIDUE_SIM);
            let weight = pair_weight(wa[i], wb[j], pa.tag(), pb.tag(), ha.len.cmp(&hb.len));
            out.push(Link {
                l: [i as u8, NONE],
                r: [j as u8, NONE],
                evidence: Evidence::Transliteration,
                sim,
                weight,
            });
        }
    }
    out
}

/// Whether the consonant skeletons of two family names (see
/// [`crate::key::skeleton`], which already writes one letter for each
/// sound class: Ghayubi / Qiyubi, Raqou / Reqqo) are equal once the letters
/// that romanisations write for a breath or a glide, or drop, are set
/// aside (h, w, v, j: Nafrah / Nafraahu, Bergeiko / Barheika). Two family
/// names that share a stem and differ in a consonant are two families
/// (Badiri / Batirji, Desikova / Davydkova, and invented names built from
/// syllables such as Gomanhib / Gomanmisel or Skifaman / Zaeksamun).
fn skeletons_kin(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let firm = |c: &&u8| !matches!(**c, b'h' | b'w' | b'v' | b'j');
    a.iter().filter(firm).eq(b.iter().filter(firm))
}

/// Whether two parts end in vowels that spell one vowel across
/// romanisations, e or i, o or u (Somali Guule / Guuli, Goudo / Qudu):
/// kin, unlike the endings that make another name or form (Mwangi /
/// Mwanga, Hamida / Hamido).
fn kin_final_vowels(a: &str, b: &str) -> bool {
    let (Some(&x), Some(&y)) = (a.as_bytes().last(), b.as_bytes().last()) else {
        return false;
    };
    matches!((x.min(y), x.max(y)), (b'e', b'i') | (b'o', b'u'))
}

/// Whether both parts are known names of different groups, nicknames
/// aside.
fn known_apart(a: &Part<'_>, b: &Part<'_>) -> bool {
    !a.groups().is_empty()
        && !b.groups().is_empty()
        && !intersects(a.groups(), b.groups())
        && !intersects(a.nicknames(), b.nicknames())
}

/// Whether one part starts with h and the other with another velar: the
/// Arabic h and ḥ are no k, q or g in any romanisation (Haniyeh / Qaani),
/// though the Somali x is ḥ (Xasan / Hasan).
fn leading_h_apart(a: &str, b: &str) -> bool {
    let (x, y) = (a.as_bytes()[0], b.as_bytes()[0]);
    x != y && (x == b'h' || y == b'h') && !matches!((x, y), (b'x', _) | (_, b'x'))
}

/// Whether one part starts with j and the other with a vowel: a j that
/// spells a glide stands for the y of other spellings (Jusuf / Yusuf),
/// never for a vowel, so a leading j against a vowel is a consonant that
/// the other name lacks (Jomeh / Oussama).
fn leading_j_apart(a: &str, b: &str) -> bool {
    let vowel = |c: u8| matches!(c, b'a' | b'e' | b'i' | b'o' | b'u');
    let (x, y) = (a.as_bytes()[0], b.as_bytes()[0]);
    (x == b'j' && vowel(y)) || (y == b'j' && vowel(x))
}

/// Whether two known names of different groups that spell the same
/// consonants (a transliteration key) place their vowels differently and
/// are not close in strict sounds: Mahmud and Mohammad share m-h-m-d but
/// are two names. Runs of vowels and of consonants are counted, a final
/// vowel aside (Muhammadu / Mohammed are one name); the unwritten short
/// vowel between two consonants keeps strict sounds close (Fazl / Fazel).
pub(super) fn skeleton_apart(a: &Part<'_>, b: &Part<'_>) -> bool {
    a.skeleton() == b.skeleton()
        && known_apart(a, b)
        && runs(a.fold()) != runs(b.fold())
        && !sounds_close(a, b)
}

/// How many runs of vowels and of consonants a folded part has, a final
/// vowel run aside, and whether it starts with a vowel.
fn runs(s: &str) -> (usize, bool) {
    let vowel = |c: u8| matches!(c, b'a' | b'e' | b'i' | b'o' | b'u' | b'y');
    let b = s.as_bytes();
    let mut n = 0;
    let mut last = None;
    for &c in b {
        let v = vowel(c);
        if last != Some(v) {
            n += 1;
            last = Some(v);
        }
    }
    if last == Some(true) && n > 1 {
        n -= 1;
    }
    (n, b.first().is_some_and(|&c| vowel(c)))
}
