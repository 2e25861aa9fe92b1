//! Glued and split runs: two or more parts on one side that are one part
//! on the other (Abdel Ghani / Abdelghani).

use super::*;

/// Candidate links of a run of adjacent parts of `a` glued together against
/// one part of `b` (`swapped`: `a` is really the second name). A run is two
/// parts, or three when the middle one is a short connector or particle
/// ("Abd al Aziz" / "Abdelaziz", "Co op" / "Coop") or the run is a long
/// compound of names (see [`LONG_RUN`]: "Rostami Dasht Arani" /
/// "Rostamidoshtarani"). A run links when it is the part's spelling or
/// key, when it sounds alike under the conditions below, or, for two
/// parts, when the part splits into two pieces that are the same names in
/// another romanisation ([`split_sounds`]).
pub(super) fn glue(x: Operand<'_>, y: Operand<'_>, swapped: bool, sino: bool, cands: &mut Cands) {
    let (a, ha, wa) = (x.name, x.heads, x.weights);
    let (b, hb, wb) = (y.name, y.heads, y.weights);
    let (na, nb) = (ha.len, hb.len);
    if na < 2 || nb == 0 {
        return;
    }
    // A lone vowel between two parts is a connective written apart
    // ("Zia u Rahman" / "Ziaurrahman"), read as an initial or, in lower
    // case, as a particle: it may sit inside a run of three, never start
    // or end one (Nur u Karim is no Nuru Karim).
    let connective = |k: usize| {
        let q = a.part(k);
        matches!(q.tag(), Tag::Initial | Tag::Particle)
            && matches!(q.fold(), "a" | "e" | "i" | "o" | "u")
    };
    let gluable = |i: usize| {
        let t = a.part(i).tag();
        !is_number(t) && t != Tag::Initial && !connective(i)
    };
    // Only a part of `b` about the run's length, with the same first
    // letter or, for two parts compared by sounds, one of its sound class
    // (Qasem Zadeh / Ghasemzadeh: see [`split_sounds`]), can take a run
    // (Chinese syllable keys aside).
    if !sino && ha.letters & hb.letters == 0 && kin_mask(ha) & hb.letters == 0 {
        return;
    }
    let mut buf = String::new();
    let mut skel = String::new();
    for i in 0..na - 1 {
        let first = ha.first[i];
        let kin = kin_letters(first);
        if !sino
            && (hb.letters & kin == 0
                || (ha.len_of[i] + ha.len_of[i + 1]) as usize > hb.max_len + 2)
        {
            continue;
        }
        let mid_connective = i + 2 < na && connective(i + 1);
        if !gluable(i) || !(gluable(i + 1) || mid_connective) {
            continue;
        }
        let p = a.part(i);
        let name_like = |x: &Part<'_>| x.tag() != Tag::Particle && x.fold().len() >= 4;
        let short_mid = |x: &Part<'_>| x.tag() == Tag::Particle || x.fold().len() <= 2;
        let mut glen = ha.len_of[i] as usize;
        let mut mask = p.data().mask;
        let mut syl = p.data().sino;
        for last in i + 1..na.min(i + 3) {
            let q = a.part(last);
            if last > i + 1 {
                let mid = a.part(i + 1);
                // Three names glued into one long one (Rostami Dasht Arani
                // / Rostamidoshtarani) may have any middle part, when
                // each of them is a name of four letters or more.
                let names = name_like(&mid) && name_like(&q);
                if !gluable(last)
                    || !(short_mid(&mid) || names && glen + q.fold().len() >= LONG_RUN)
                {
                    break;
                }
            }
            glen += q.fold().len();
            mask |= q.data().mask;
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
                if rlen + 2 < glen || rlen > glen + 2 || letter_bit(rfirst) & kin == 0 {
                    continue;
                }
                let r = b.part(j);
                let letters = rfirst == first && r.skeleton().starts_with(p.skeleton());
                // Every romanisation keeps the firm letters (l, m, n, r,
                // t, d) of a name: the cheap test before the table and the
                // sounds compare a run with a part spelt otherwise.
                let firm = sound::firm_letters_close(mask, r.data().mask, glen.max(rlen));
                if !letters && !firm {
                    continue;
                }
                // Two names glued in another spelling: each compared with
                // its piece of the part as two single parts are.
                let split = || {
                    (firm && last == i + 1 && !mid_connective)
                        .then(|| split_sounds(&p, &q, &r))
                        .flatten()
                };
                let known = firm && !r.groups().is_empty();
                if letters || known {
                    buf.clear();
                    for k in i..=last {
                        buf.push_str(a.part(k).fold());
                    }
                }
                // The variant table may know the glued run as a form of the
                // known name the part is (Abdul Latif / Abdulatif).
                let variant = || known && same_known_name(&buf, r.fold());
                if !letters {
                    let sim = if variant() {
                        Some(GLUED_VARIANT)
                    } else {
                        split()
                    };
                    if let Some(sim) = sim {
                        push_glued(cands, i, last, j, swapped, sim, wa, wb);
                    }
                    continue;
                }
                let sim = if buf == r.fold() {
                    0.95
                } else if variant() {
                    GLUED_VARIANT
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
                        // romanisation of a long compound (Saberi Nejad /
                        // Saberinejhad); two short parts alone must agree
                        // in key (John Chen is no Johnson).
                        0.85
                    } else if let Some(sim) = split() {
                        sim
                    } else {
                        continue;
                    }
                };
                push_glued(cands, i, last, j, swapped, sim, wa, wb);
            }
        }
    }
}

/// The similarity of a glued run that the variant table knows as a form of
/// the part's name: a variant's, less what gluing costs.
const GLUED_VARIANT: f32 = 0.95 - GLUE_DISCOUNT;

/// Whether a glued run and a part, other spellings, are forms of one known
/// name in the bundled variant table.
fn same_known_name(run: &str, part: &str) -> bool {
    run != part
        && intersects(
            crate::tables::bundled_given_groups(run),
            crate::tables::bundled_given_groups(part),
        )
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

/// The similarity of two parts glued on one side against one part on the
/// other that is neither their spelling nor their key: the part splits
/// into two pieces, each the same name as its part in another
/// romanisation, as two single parts are compared in sounds (Qasemzadeh /
/// Ghasem Zadeh, Sunjong / Su'n-cho'ng). Each piece is held to its own
/// allowance, so a different name in one of them stays apart (John Chen
/// is no Johnson, Abdul Ghani no Abdulbari), and two known names of
/// different groups are compared strictly. A little below the same
/// comparison of single parts, and never above two keys that agree.
fn split_sounds(p: &Part<'_>, q: &Part<'_>, r: &Part<'_>) -> Option<f32> {
    let (pf, qf) = (p.fold(), q.fold());
    let mut best: Option<(f32, usize)> = None;
    for (r1, r2) in splits(p, q, r) {
        let (Some(x), Some(y)) = (piece_cost(pf, r1), piece_cost(qf, r2)) else {
            continue;
        };
        let (cost, len) = (x.0 + y.0, x.1 + y.1);
        if best.map_or(true, |b| cost < b.0) {
            best = Some((cost, len));
        }
    }
    let (cost, len) = best?;
    Some(((0.95 - 0.5 * cost / len as f32).max(0.75) - GLUE_DISCOUNT).min(0.88))
}

/// The splits of part `r` into two pieces that [`split_sounds`] compares
/// with `p` and `q`: the cheap conditions on the parts, the length of the
/// first piece near `p`'s, each piece of the start and the firm letters
/// of its part. Whether a run of two parts may link as a split part at all
/// is whether there is one (`bound::may_glue`).
pub(super) fn splits<'r>(
    p: &Part<'r>,
    q: &Part<'r>,
    r: &Part<'r>,
) -> impl Iterator<Item = (&'r str, &'r str)> + 'r {
    let piece = |t: &Part<'_>| t.tag() != Tag::Particle && t.fold().len() >= 2;
    let (pf, qf, rf) = (p.fold(), q.fold(), r.fold());
    // The first piece starts as the part does.
    let any = piece(p)
        && piece(q)
        && r.tag() != Tag::Particle
        && rf.len() >= 4
        && rf.is_ascii()
        && sound::same_start(pf, rf);
    let (lo, hi) = if any {
        (
            pf.len().saturating_sub(SPLIT_SLACK).max(2),
            (pf.len() + SPLIT_SLACK).min(rf.len() - 2),
        )
    } else {
        (1, 0)
    };
    let (pm, qm) = (p.data().mask, q.data().mask);
    let (pl, ql) = (pf.len(), qf.len());
    (lo..=hi)
        .map(move |s| rf.split_at(s))
        .filter(move |&(r1, r2)| {
            // Firm letters first, as for single parts: a few bit operations
            // that spare most splits the distance.
            sound::same_start(qf, r2)
                && sound::firm_letters_close(qm, letters(r2), ql.max(r2.len()))
                && sound::firm_letters_close(pm, letters(r1), pl.max(r1.len()))
        })
}

/// The letters of a piece of a part, one bit each as in a part's data (a
/// for bit 0, bit 26 for any digit).
fn letters(f: &str) -> u32 {
    crate::analyze::letter_mask(f)
}

/// How far, in letters, the split of a part may stand from the length of
/// the first glued part (Abdul / Abdu, Qasem / Ghasem).
const SPLIT_SLACK: usize = 2;

/// What a glued reading costs in similarity against the same reading of
/// two single parts (an exact glued run scores 0.95).
const GLUE_DISCOUNT: f32 = 0.05;

/// The sound cost of a piece of a glued part against a part of the run,
/// when it stays within a single part's allowance (see
/// [`sound_similarity`]): loosely, or strictly for two known names of
/// different groups of the bundled variant table.
/// Returns the cost and the length, in sounds, of the longer.
fn piece_cost(x: &str, y: &str) -> Option<(f32, usize)> {
    if x == y {
        return Some((0.0, x.len()));
    }
    let maxlen = x.len().max(y.len());
    let within = |mode| {
        sound::distance(x, y, sound_allowance(maxlen), mode)
            .filter(|d| d.cost <= sound_allowance(d.len))
            .map(|d| (d.cost, d.len))
    };
    let cost = within(sound::Mode::Loose)?;
    let (gx, gy) = (
        crate::tables::bundled_given_groups(x),
        crate::tables::bundled_given_groups(y),
    );
    if gx.is_empty() || gy.is_empty() {
        Some(cost)
    } else if intersects(gx, gy) {
        Some((0.0, cost.1))
    } else {
        within(sound::Mode::Strict)
    }
}

/// The first letters (as [`Heads`] writes them) that may begin another
/// romanisation of a name that begins with `c`: its sound class (see
/// [`sound::same_start`]; j is a glide and an affricate), which the glued
/// runs compared by sounds admit. The Burmese h before a consonant (Htun
/// / Tun) is left out: it would admit every letter.
pub(super) fn kin_letters(c: u8) -> u64 {
    KIN[c as usize]
}

/// [`kin_letters`] for every byte, built at compile time.
const KIN: [u64; 256] = {
    const fn bits(s: &[u8]) -> u64 {
        let (mut m, mut i) = (0, 0);
        while i < s.len() {
            m |= 1 << (s[i] % 64);
            i += 1;
        }
        m
    }
    let mut t = [0u64; 256];
    let mut c = 0;
    while c < 256 {
        t[c] = 1 << (c % 64);
        c += 1;
    }
    let classes: [(&[u8], u64); 9] = [
        (b"ay", bits(b"ayjc")),
        (b"j", bits(b"ayjszkghqcx")),
        (b"kghqx", bits(b"kghqcxj")),
        (b"c", bits(b"kghqcxjay")),
        (b"sz", bits(b"szjtd")),
        (b"t", bits(b"ts")),
        (b"d", bits(b"dz")),
        (b"vw", bits(b"vw")),
        (b"fp", bits(b"fp")),
    ];
    let mut k = 0;
    while k < classes.len() {
        let (letters, mask) = classes[k];
        let mut i = 0;
        while i < letters.len() {
            t[letters[i] as usize] = mask;
            i += 1;
        }
        k += 1;
    }
    t
};

/// The first letters that may begin a part compared with some part of
/// the name of `h` (see [`kin_letters`]).
fn kin_mask(h: &Heads) -> u64 {
    h.first[..h.len].iter().fold(0, |m, &c| m | kin_letters(c))
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
            // A Chinese or Korean name part has one or two syllables (a
            // surname, a given name); a part of three or more that happens
            // to read as syllables is another language's (Mayali, Kamorere).
            if d.sino == 0 || crate::sino::count(d.sino) > 2 {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_letter_gate_admits_every_start_the_sounds_admit() {
        // The gate is written by hand beside `sound::same_start`; this
        // keeps the two from drifting: two parts whose starts the sounds
        // call one (first and second letters of each, all of a–z) pass the
        // gate, but for the Burmese h before a consonant, left out on
        // purpose.
        let burmese =
            |p: &[u8; 3], q: &[u8; 3]| p[0] == b'h' && !b"aeiouy".contains(&p[1]) && p[1] == q[0];
        for x in b'a'..=b'z' {
            for y in b'a'..=b'z' {
                for s in b'a'..=b'z' {
                    for t in b'a'..=b'z' {
                        let (p, q) = ([x, s, b'n'], [y, t, b'n']);
                        let (a, b) = (
                            std::str::from_utf8(&p).unwrap(),
                            std::str::from_utf8(&q).unwrap(),
                        );
                        if !sound::same_start(a, b) || burmese(&p, &q) || burmese(&q, &p) {
                            continue;
                        }
                        assert!(
                            kin_letters(head_letter(x)) & letter_bit(head_letter(y)) != 0,
                            "{a} / {b}: the sounds start alike, the gate refuses"
                        );
                    }
                }
            }
        }
    }
}
