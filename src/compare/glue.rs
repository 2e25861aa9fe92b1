//! Glued and split runs: two or more parts on one side that are one part
//! on the other (Abdel Ghani / Abdelghani).

use super::*;

/// Candidate links of a run of adjacent parts of `a` glued together against
/// one part of `b` (`swapped`: `a` is really the second name). A run is two
/// parts, or three when the middle one is a short connector or particle
/// ("Abd al Aziz" / "Abdelaziz", "Co op" / "Coop") or the run is a long
/// compound of names (see [`LONG_RUN`]: "Moradi Chegha Marani" /
/// "Moradichoghamarani").
pub(super) fn glue(x: Operand<'_>, y: Operand<'_>, swapped: bool, sino: bool, cands: &mut Cands) {
    let (a, ha, wa) = (x.name, x.heads, x.weights);
    let (b, hb, wb) = (y.name, y.heads, y.weights);
    let (na, nb) = (ha.len, hb.len);
    if na < 2 || nb == 0 {
        return;
    }
    let gluable = |i: usize| {
        let t = a.part(i).tag();
        !is_number(t) && t != Tag::Initial
    };
    // Only a part of `b` with the same first letter and about the run's
    // length can take a run (Chinese syllable keys aside).
    if !sino && ha.letters & hb.letters == 0 {
        return;
    }
    let mut buf = String::new();
    let mut skel = String::new();
    for i in 0..na - 1 {
        let first = ha.first[i];
        if !sino
            && (hb.letters & letter_bit(first) == 0
                || (ha.len_of[i] + ha.len_of[i + 1]) as usize > hb.max_len + 2)
        {
            continue;
        }
        // A lone vowel between two parts is a connective written apart
        // ("Zia u Rahman" / "Ziaurrahman"): it may sit inside a run of
        // three, never end one.
        let connective = |k: usize| {
            let q = a.part(k);
            q.tag() == Tag::Initial && matches!(q.fold(), "a" | "e" | "i" | "o" | "u")
        };
        let mid_connective = i + 2 < na && connective(i + 1);
        if !gluable(i) || !(gluable(i + 1) || mid_connective) {
            continue;
        }
        let p = a.part(i);
        let name_like = |x: &Part<'_>| x.tag() != Tag::Particle && x.fold().len() >= 4;
        let short_mid = |x: &Part<'_>| x.tag() == Tag::Particle || x.fold().len() <= 2;
        let mut glen = ha.len_of[i] as usize;
        let mut syl = p.data().sino;
        for last in i + 1..na.min(i + 3) {
            let q = a.part(last);
            if last > i + 1 {
                let mid = a.part(i + 1);
                // Three names glued into one long one (Moradi Chegha Marani
                // / Moradichoghamarani) may have any middle part, when
                // each of them is a name of four letters or more.
                let names = name_like(&mid) && name_like(&q);
                if !gluable(last)
                    || !(short_mid(&mid) || names && glen + q.fold().len() >= LONG_RUN)
                {
                    break;
                }
            }
            glen += q.fold().len();
            if last == i + 1 && mid_connective {
                continue;
            }
            if sino {
                syl = crate::sino::concat(syl, q.data().sino);
            }
            for j in 0..nb {
                // Wade–Giles syllables against joined Pinyin: Tse-tung /
                // Zedong.
                if sino && syl != 0 && same_syllables(syl, b.part(j).data().sino) {
                    push_glued(cands, i, last, j, swapped, 0.9, wa, wb);
                    continue;
                }
                let (rfirst, rlen) = (hb.first[j], hb.len_of[j] as usize);
                if rfirst != first || rlen + 2 < glen || rlen > glen + 2 {
                    continue;
                }
                let r = b.part(j);
                if !r.skeleton().starts_with(p.skeleton()) {
                    continue;
                }
                buf.clear();
                for k in i..=last {
                    buf.push_str(a.part(k).fold());
                }
                let sim = if buf == r.fold() {
                    0.95
                } else {
                    skel.clear();
                    crate::key::skeleton_into(&buf, &mut skel);
                    if skel == r.skeleton() && skel.len() >= 4 {
                        0.88
                    } else if last > i + 1
                        && short_mid(&a.part(i + 1))
                        && glued_sounds_close(&buf, r.fold(), f32::INFINITY)
                        || glen >= LONG_RUN
                            && name_like(&p)
                            && name_like(&q)
                            && glued_sounds_close(&buf, r.fold(), LONG_RUN_COST)
                    {
                        // An article or connective assimilated in one
                        // spelling only (Nasr al-Din / Nasruddin) changes
                        // the key, not the sounds, and so does another
                        // romanisation of a long compound (Ahmadi Nejad /
                        // Ahmadinejhad); two short parts alone must agree
                        // in key (John Chen is no Johnson).
                        0.85
                    } else {
                        continue;
                    }
                };
                push_glued(cands, i, last, j, swapped, sim, wa, wb);
            }
        }
    }
}

/// The length, in letters, from which a glued run is a long compound: it
/// may join three names of any kind, and two in another romanisation.
const LONG_RUN: usize = 10;

/// The most a long compound glued on one side may differ in sounds from
/// the part on the other: one full edit, whatever its length (Abdul Wahab
/// is no Abdullahi).
const LONG_RUN_COST: f32 = 1.0;

/// Whether a glued run and a part are close in sounds, within the
/// allowance for their length and `cap` (loose: romanisations of one
/// name).
fn glued_sounds_close(run: &str, part: &str, cap: f32) -> bool {
    let max = sound_allowance(run.len().max(part.len())).min(cap);
    sound::distance(run, part, max, sound::Mode::Loose)
        .is_some_and(|d| d.cost <= sound_allowance(d.len).min(cap))
}

/// Adds the link of the run `i..=last` of one name glued against part `j`
/// of the other.
#[allow(clippy::too_many_arguments)]
pub(super) fn push_glued(
    cands: &mut Cands,
    i: usize,
    last: usize,
    j: usize,
    swapped: bool,
    sim: f32,
    wa: &[f32; MAX_PARTS],
    wb: &[f32; MAX_PARTS],
) {
    let run: f32 = wa[i..=last].iter().sum();
    let weight = run.max(wb[j]);
    let (l, r) = ([i as u8, last as u8], [j as u8, NONE]);
    cands.push(Link {
        l: if swapped { r } else { l },
        r: if swapped { l } else { r },
        evidence: Evidence::Glued,
        sim,
        weight,
    });
}

/// Whether every main part of a name of two or more parts reads as Chinese
/// syllables (a single name says too little: Tina, Dina), and if so whether
/// it shows Wade–Giles: a spelling only it uses, or hyphenated syllables
/// (Tse-tung), which Pinyin joins.
pub(super) fn sinitic(n: &Name, len: usize) -> Option<bool> {
    let mut main = 0;
    let mut wade_giles = false;
    for i in 0..len {
        let p = n.part(i);
        if matches!(p.tag(), Tag::Given | Tag::Family | Tag::Word) {
            let d = p.data();
            if d.sino == 0 {
                return None;
            }
            wade_giles |= d.sino & crate::sino::WADE_GILES != 0 || (d.joined && main > 0);
            main += 1;
        }
    }
    (main >= 2).then_some(wade_giles)
}

pub(super) fn same_syllables(x: u64, y: u64) -> bool {
    crate::sino::syllables_of(x) == crate::sino::syllables_of(y)
}
