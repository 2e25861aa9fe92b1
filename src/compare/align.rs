//! The alignment: candidate links between the parts of two names, the
//! greedy one-to-one choice among them and the score of what is left over.

use super::*;
use crate::analyze::PartData;

/// [`compare_with`] with the names in the given order.
pub(super) fn align(a: &Name, b: &Name, cfg: &MatchConfig) -> Comparison {
    search::<true>(a, b, cfg)
}

/// [`align`] without the pre-test's gates: every pair of parts is asked
/// for evidence and every run is offered to `glue`. The tests check that
/// the gates never hide a link by comparing the two.
#[cfg(test)]
pub(super) fn align_ungated(a: &Name, b: &Name, cfg: &MatchConfig) -> Comparison {
    search::<false>(a, b, cfg)
}

/// The alignment, with (`GATED`) or without the pre-test's necessary
/// conditions asked before each search.
fn search<const GATED: bool>(a: &Name, b: &Name, cfg: &MatchConfig) -> Comparison {
    let kind_conflict = kind_conflict(a, b);
    let na = a.len().min(MAX_PARTS);
    let nb = b.len().min(MAX_PARTS);
    let (wa, wb) = (weights(a, na), weights(b, nb));

    // Romanised Chinese: syllable keys are evidence when both names read
    // as Chinese throughout and one of them is in Wade–Giles.
    let (sino, syllabic) = match (sinitic(a, na), sinitic(b, nb)) {
        (Some(x), Some(y)) => (x || y, true),
        _ => (false, false),
    };

    // Candidate single-part links.
    let (ha, hb) = (heads(a, na), heads(b, nb));
    // Which name, if either, writes the Baltic nominative ending on every
    // part where the other writes none (Pjotrs Orens / Pjotr Oren).
    let nominative = match (ha.s_endings, hb.s_endings) {
        (Endings::All, Endings::None) => Some(true),
        (Endings::None, Endings::All) => Some(false),
        _ => None,
    };
    let mut cands = Cands::new();
    for i in 0..na {
        let pa = a.part(i);
        if is_number(pa.tag()) {
            continue;
        }
        for j in 0..nb {
            let pb = b.part(j);
            if is_number(pb.tag()) {
                continue;
            }
            // The pre-test's necessary condition spares most pairs of
            // parts the search for evidence.
            if GATED && !bound::may_link((a, pa.data()), (b, pb.data())) {
                continue;
            }
            let lens = (ha.len_of[i] as usize, hb.len_of[j] as usize);
            // Patronymics made from one father's name in two romanisations
            // (Mykolayovych / Nikolayevich), which the table may not join.
            let father = || {
                (ha.patronymics & (1 << i) != 0
                    && hb.patronymics & (1 << j) != 0
                    && same_father(pa.fold(), pb.fold()))
                .then_some((Evidence::Variant, FATHER_SIMILARITY))
            };
            let mut found = part_similarity(&pa, &pb, lens, sino, syllabic).or_else(father);
            if let Some(a_inflected) = nominative {
                let (with, without) = if a_inflected {
                    (pa.fold(), pb.fold())
                } else {
                    (pb.fold(), pa.fold())
                };
                if found.map_or(true, |(_, sim)| sim < NOMINATIVE_SIMILARITY)
                    && nominative_s(with, without)
                {
                    found = Some((Evidence::Transliteration, NOMINATIVE_SIMILARITY));
                }
            }
            if let Some((evidence, sim)) = found {
                if evidence == Evidence::Transliteration && skeleton_apart(&pa, &pb) {
                    continue;
                }
                let weight = pair_weight(wa[i], wb[j], pa.tag(), pb.tag(), na.cmp(&nb));
                cands.push(Link {
                    l: [i as u8, NONE],
                    r: [j as u8, NONE],
                    evidence,
                    sim,
                    weight,
                });
            }
        }
    }
    let mut used_a = [false; MAX_PARTS];
    let mut used_b = [false; MAX_PARTS];
    let mut links = greedy((a, b), (&wa, &wb), &mut cands, &mut used_a, &mut used_b);
    let side_a = Operand {
        name: a,
        heads: &ha,
        weights: &wa,
    };
    let side_b = Operand {
        name: b,
        heads: &hb,
        weights: &wb,
    };
    // Left-over parts that are one name spelt far apart; only beside an
    // aligned part, since on their own they never reach a match.
    if !links.is_empty() {
        let mut res = residue(side_a, side_b, &used_a, &used_b, syllabic);
        if !res.is_empty() {
            links.extend(greedy(
                (a, b),
                (&wa, &wb),
                &mut res,
                &mut used_a,
                &mut used_b,
            ));
        }
    }
    // Glued parts: a run of two adjacent parts (or three around a short
    // connector: "Abd al Aziz") on one side against one part on the other
    // ("Abdel Ghani" / "Abdelghani").
    let mut glued = Cands::new();
    if !GATED || syllabic || bound::may_glue_into(a, b) {
        glue(side_a, side_b, false, sino, &mut glued);
    }
    if !GATED || syllabic || bound::may_glue_into(b, a) {
        glue(side_b, side_a, true, sino, &mut glued);
    }
    let env = Env {
        a,
        b,
        ha: &ha,
        hb: &hb,
        wa: &wa,
        wb: &wb,
        cfg,
        syllabic,
    };
    if glued.is_empty() {
        return env.finish(links, &used_a, &used_b, kind_conflict);
    }
    // Two alignments: glued links only where single links left both sides
    // free, and glued links competing with single ones on their merit
    // ("Co operation" / "Cooperation" beats "operation" / "Cooperation").
    // The better-scoring one stands, so adding the glued reading never
    // lowers a score.
    let mut rest = glued.clone();
    links.extend(greedy(
        (a, b),
        (&wa, &wb),
        &mut rest,
        &mut used_a,
        &mut used_b,
    ));
    let first = env.finish(links, &used_a, &used_b, kind_conflict);
    // `greedy` only reorders the single links, so they can be reused.
    cands.extend(glued);
    let (mut ua, mut ub) = ([false; MAX_PARTS], [false; MAX_PARTS]);
    let links = greedy((a, b), (&wa, &wb), &mut cands, &mut ua, &mut ub);
    let second = env.finish(links, &ua, &ub, kind_conflict);
    if second.hand > first.hand {
        second
    } else {
        first
    }
}

/// [`align`] for names that share no link (see `bound::unlinkable`): the
/// same comparison with every part left over, without the search for
/// links.
pub(super) fn unaligned(a: &Name, b: &Name, cfg: &MatchConfig) -> Comparison {
    let na = a.len().min(MAX_PARTS);
    let nb = b.len().min(MAX_PARTS);
    // What `Env::finish` finds for an empty alignment, read off the parts
    // alone: no slots to place the left-over parts in (all of them compete),
    // no containment, no lineage crossed.
    let none = [false; MAX_PARTS];
    let titled = [titled(a, na, &none, b), titled(b, nb, &none, a)];
    let org = a.kind() == Kind::Org || b.kind() == Kind::Org;
    let left = [
        leftovers(a, na, &with_mask(&none, titled[0]), org),
        leftovers(b, nb, &with_mask(&none, titled[1]), org),
    ];
    let slots = if left[0].main > 0.0 && left[1].main > 0.0 {
        Slots::whole(&left[0], &left[1])
    } else {
        Slots::NONE
    };
    let number = |n: &Name, len: usize| n.parts_data()[..len].iter().any(|p| is_number(p.tag));
    Tally {
        links: Links::new(),
        lens: [na, nb],
        titled,
        left,
        slots,
        lone_slot: false,
        missing_cost: if org {
            cfg.org_missing_cost
        } else {
            cfg.missing_cost
        },
        numbers: number(a, na) || number(b, nb),
        lineage: false,
        org,
        kind_conflict: kind_conflict(a, b),
        unlinked: true,
    }
    .conclude(a, b, cfg)
}

/// Whether one name is certainly a person and the other certainly an
/// organisation.
#[inline]
fn kind_conflict(a: &Name, b: &Name) -> bool {
    a.kind_is_certain()
        && b.kind_is_certain()
        && matches!(
            (a.kind(), b.kind()),
            (Kind::Person, Kind::Org) | (Kind::Org, Kind::Person)
        )
}

/// The information weights of the first `len` parts of `n`.
#[inline(always)]
fn weights(n: &Name, len: usize) -> [f32; MAX_PARTS] {
    let mut w = [0f32; MAX_PARTS];
    for i in 0..len {
        w[i] = n.part(i).data().weight;
    }
    w
}

/// What scoring an alignment needs besides the alignment itself.
pub(super) struct Env<'a> {
    pub(super) a: &'a Name,
    pub(super) b: &'a Name,
    pub(super) ha: &'a Heads,
    pub(super) hb: &'a Heads,
    pub(super) wa: &'a [f32; MAX_PARTS],
    pub(super) wb: &'a [f32; MAX_PARTS],
    pub(super) cfg: &'a MatchConfig,
    /// Whether both names read as romanised Chinese or Korean syllables.
    pub(super) syllabic: bool,
}

impl Env<'_> {
    /// Scores an alignment: its links and the parts they use.
    fn finish(
        &self,
        mut links: Links,
        used_a: &[bool; MAX_PARTS],
        used_b: &[bool; MAX_PARTS],
        kind_conflict: bool,
    ) -> Comparison {
        let Env {
            a,
            b,
            ha,
            hb,
            wa,
            wb,
            cfg,
            syllabic,
        } = *self;
        let (na, nb) = (ha.len, hb.len);
        // A part left over that spells a title of the other name is the
        // honorific written as a name: it is accounted for.
        let titled = [titled(a, na, used_a, b), titled(b, nb, used_b, a)];
        let (used_a, used_b) = (with_mask(used_a, titled[0]), with_mask(used_b, titled[1]));
        // Unmatched parts and conflicts.
        // Organisations: an extra or different word usually names another
        // body (Gazprom / Gazprom Neft, Patriotic Front / Patriotic Army), so
        // unmatched words weigh fully, generic ones included.
        let org = a.kind() == Kind::Org || b.kind() == Kind::Org;
        let left = [
            leftovers(a, na, &used_a, org),
            leftovers(b, nb, &used_b, org),
        ];
        // Parts left over on both sides conflict when they stand in the
        // same place between the aligned parts (two names in one role);
        // in different places they are parts missing on one side each
        // ("Jose Antonio Ramos" / "Jose Ramos Vidal": a second
        // given name and a second family name).
        let side_a = Operand {
            name: a,
            heads: ha,
            weights: wa,
        };
        let side_b = Operand {
            name: b,
            heads: hb,
            weights: wb,
        };
        let slots = if left[0].main > 0.0 && left[1].main > 0.0 {
            slot_conflict(side_a, side_b, &links, &left[0], &left[1], org || syllabic)
        } else {
            Slots::NONE
        };
        // A patronymic on one side only is a missing part, whatever the
        // other side leaves over; two different ones conflict.
        let lone_slot = one_slot_among_many((ha, wa), (hb, wb), &links, &slots);
        // Strongest links first: the explanation's order and the summation
        // order are then the same for both orders of the names.
        links.sort_unstable_by(|x, y| {
            (y.sim * y.weight)
                .total_cmp(&(x.sim * x.weight))
                .then(y.weight.total_cmp(&x.weight))
        });
        // The cheaper share first: a name may pass both tests.
        let missing_cost = if org {
            cfg.org_missing_cost
        } else if anchored(side_a, side_b, &links, left[0].mask, left[1].mask) {
            cfg.missing_cost * ANCHORED_MISSING_SHARE
        } else if contained(&links, left[0].mask, left[1].mask) {
            cfg.missing_cost * CONTAINED_MISSING_SHARE
        } else {
            cfg.missing_cost
        };
        let particles = |h: &Heads| h.tags[..h.len].contains(&Tag::Particle);
        let lineage = (particles(ha) && particles(hb) && lineage_conflict(a, b, &links))
            || ((particles(ha) || particles(hb)) && kunya_conflict(a, b, &links));
        let tally = Tally {
            links,
            lens: [na, nb],
            titled,
            left,
            slots,
            lone_slot,
            missing_cost,
            numbers: ha.numbers || hb.numbers,
            lineage,
            org,
            kind_conflict,
            unlinked: false,
        };
        tally.conclude(a, b, cfg)
    }
}

/// `used` with the parts of `mask` marked used too.
fn with_mask(used: &[bool; MAX_PARTS], mut mask: u16) -> [bool; MAX_PARTS] {
    let mut out = *used;
    while mask != 0 {
        out[mask.trailing_zeros() as usize] = true;
        mask &= mask - 1;
    }
    out
}

/// What scoring an alignment reads off it, its names' leftovers and their
/// conflicts, before the sums, the model and the caps ([`Tally::conclude`]).
struct Tally {
    /// The links, strongest first.
    links: Links,
    /// The number of parts aligned on each side.
    lens: [usize; 2],
    /// Left-over given names that spell a title of the other name.
    titled: [u16; 2],
    left: [Leftovers; 2],
    slots: Slots,
    /// Whether the only conflict is one slot among many aligned parts
    /// (see [`one_slot_among_many`]).
    lone_slot: bool,
    /// What a missing part costs.
    missing_cost: f64,
    /// Whether either name has a regnal or generational number.
    numbers: bool,
    /// Whether the links cross the places of an Arabic lineage, or align
    /// the child named in a kunya with the person's own name.
    lineage: bool,
    org: bool,
    kind_conflict: bool,
    /// Whether no two parts of the names may link (`bound::unlinkable`).
    unlinked: bool,
}

impl Tally {
    /// The comparison.
    fn conclude(self, a: &Name, b: &Name, cfg: &MatchConfig) -> Comparison {
        let Tally {
            links,
            lens: [na, nb],
            titled,
            left: [left_a, left_b],
            slots,
            lone_slot,
            missing_cost,
            numbers,
            lineage,
            org,
            kind_conflict,
            unlinked,
        } = self;
        let (un_a, un_other_a) = (left_a.main, left_a.other);
        let (un_b, un_other_b) = (left_b.main, left_b.other);
        let (pa, pb) = (left_a.patronymic, left_b.patronymic);
        let slot_conflict = if lone_slot {
            slots.conflict * LONE_SLOT_SHARE
        } else {
            slots.conflict
        };
        let conflict = slot_conflict + pa.min(pb);
        // Every sum is written so that swapping the names gives bit-identical
        // results (a + b == b + a, but (a + b) + c need not equal (a + c) + b).
        let missing = ((un_a + un_b) - 2.0 * slots.conflict)
            + ((pa + pb) - 2.0 * pa.min(pb))
            + (un_other_a + un_other_b);
        let num: f64 = links.iter().map(|l| l.sim as f64 * l.weight as f64).sum();
        let matched: f64 = links.iter().map(|l| l.weight as f64).sum();
        let den = matched + missing_cost * missing + cfg.conflict_cost * conflict;
        let mut score = if den > 0.0 { num / den } else { 0.0 };

        // Numbers: different regnal or generational numbers conflict; a number
        // on one side only costs like a missing part.
        let (number_conflict, number_missing) = if numbers {
            compare_numbers(a, b)
        } else {
            (false, false)
        };
        if number_missing {
            score *= 1.0 - cfg.missing_cost * 0.5;
        }
        let mut features = [0f32; FEATURES];
        features[0] = score as f32;
        let mut perfect = true;
        for l in &links {
            let k = match l.evidence {
                Evidence::Exact => 1,
                Evidence::Variant | Evidence::Nickname => 2,
                Evidence::Transliteration => 3,
                Evidence::Glued => 4,
                Evidence::Fuzzy => 5,
                Evidence::Initial => 6,
                // Never a link: accounted for apart (`titled`).
                Evidence::Title => continue,
            };
            features[k] += l.weight;
            features[7] += (1.0 - l.sim) * l.weight;
            perfect &= l.evidence == Evidence::Exact && l.sim >= 1.0;
        }
        for k in 0..3 {
            features[8 + k] = (left_a.by_tag[k] + left_b.by_tag[k]) as f32;
        }
        features[11] = (pa + pb) as f32;
        features[12] = (un_other_a + un_other_b) as f32;
        features[13] = conflict as f32;
        features[14] = links.len() as f32;
        features[15] = (na.min(nb) == 1) as u8 as f32;
        features[16] = na.abs_diff(nb) as f32;
        features[17] = number_missing as u8 as f32;
        features[18] = org as u8 as f32;
        // A lone weak part (a known given name, an initial) is all one
        // name has to share: "Mohammed" against "Mohammed bin Salman".
        let lone_weak = na.min(nb) == 1 && matched <= 0.5;
        perfect &= left_a.mask == 0 && left_b.mask == 0 && titled == [0, 0] && !number_missing;

        let mut structure = 0;
        if left_a.initials && left_b.initials {
            structure |= INITIALS;
        }
        if lineage {
            structure |= LINEAGE;
        }
        let given = || {
            if unlinked {
                // No two parts may link (`bound::may_link`), so no two share
                // a group or a nickname group or are close in sounds: any
                // known given name left over on each side conflicts.
                known_given(a, slots.masks[0]) && known_given(b, slots.masks[1])
            } else {
                given_conflict(a, b, slots.masks[0], slots.masks[1])
            }
        };
        if (slots.masks[0] != 0 && given())
            || (left_a.mask != 0 || left_b.mask != 0)
                && own_name_behind_initial(a, b, &links, left_a.mask, left_b.mask)
        {
            structure |= GIVEN;
        }
        if pa > 0.0 && pb > 0.0 {
            structure |= PATRONYMIC;
        }
        // The hand score, then the model's (an alignment that accounts for
        // every part exactly is certain), then the hard conflicts that cap
        // either whatever it says.
        let hand = capped(score, number_conflict, structure, kind_conflict, cfg);
        let mut effects = [0f32; FEATURES];
        let mut score = match cfg.model.coefficients() {
            None => score,
            Some(_) if perfect => 1.0,
            Some(c) => {
                for i in 0..FEATURES {
                    effects[i] = (c[i + 1] * features[i] as f64) as f32;
                }
                let p = cfg.model.score(&features);
                if lone_weak || conflict > 0.0 {
                    // The hand verdict stands: its score, on the model's
                    // scale, bounds the model's.
                    p.min(score * cfg.model.default_threshold() / Model::hand().default_threshold())
                } else {
                    p
                }
            }
        };
        score = capped(score, number_conflict, structure, kind_conflict, cfg);
        let (mut score, mut hand) = (score, hand);
        if na == 0 || nb == 0 {
            score = if na == nb && a.key() == b.key() && na > 0 {
                1.0
            } else {
                0.0
            };
            hand = score;
        }
        let mut conflicts = slots.masks;
        if pa > 0.0 && pb > 0.0 {
            conflicts[0] |= left_a.patronymics;
            conflicts[1] |= left_b.patronymics;
        }
        let unmatched = [left_a.mask, left_b.mask];
        Comparison {
            // Adding 0.0 turns -0.0 into 0.0.
            score: score.clamp(0.0, 1.0) + 0.0,
            threshold: cfg.threshold,
            links,
            number_conflict,
            kind_conflict,
            structure,
            unmatched,
            conflicts,
            titled,
            hand: hand.clamp(0.0, 1.0) + 0.0,
            features,
            effects,
        }
    }
}

/// A score with the hard conflicts' caps applied.
pub(super) fn capped(
    mut score: f64,
    number_conflict: bool,
    structure: u8,
    kind_conflict: bool,
    cfg: &MatchConfig,
) -> f64 {
    if number_conflict {
        score = score.min(cfg.number_conflict_cap);
    }
    if structure != 0 {
        score = score.min(STRUCTURE_CONFLICT_CAP);
    }
    if kind_conflict {
        score = 0.0;
    }
    score
}

/// The given names of `n` left over in an alignment (not in `used`) that
/// spell a title `other` carries (see [`spelt_title`]), as a bit mask. A
/// family name never: "Charles King" is no King Charles.
fn titled(n: &Name, len: usize, used: &[bool; MAX_PARTS], other: &Name) -> u16 {
    if other.titles().is_empty() {
        return 0;
    }
    let parts = n.parts_data();
    (0..len)
        .filter(|&i| !used[i] && parts[i].tag == Tag::Given)
        .filter(|&i| spelt_title(n.part(i).fold(), other).is_some())
        .fold(0, |m, i| m | 1 << i)
}

/// What one name leaves unmatched in an alignment.
pub(super) struct Leftovers {
    /// Weight of unmatched main parts (names, words, initials) other than
    /// patronymics.
    pub(super) main: f64,
    /// Weight of unmatched patronymics (Nikolaevich, Petrovna): they
    /// conflict only with an unmatched patronymic on the other side.
    pub(super) patronymic: f64,
    /// Weight of other unmatched parts (particles, legal forms).
    pub(super) other: f64,
    /// Of `main`: the weight of unmatched family names, of given names and
    /// words, and of initials.
    pub(super) by_tag: [f64; 3],
    /// Unmatched parts other than numbers, as a bit mask.
    pub(super) mask: u16,
    /// Of `mask`: the parts counted in `main`.
    pub(super) mains: u16,
    /// Of `mask`: the patronymics.
    pub(super) patronymics: u16,
    /// Whether an initial is left over.
    pub(super) initials: bool,
}

pub(super) fn leftovers(n: &Name, len: usize, used: &[bool; MAX_PARTS], org: bool) -> Leftovers {
    // Weights are f32; their sums in f64 are exact (at most 16 terms of
    // similar size), so they do not depend on which of several equal
    // parts was left over, and swapping the names gives identical results.
    let mut out = Leftovers {
        main: 0.0,
        patronymic: 0.0,
        other: 0.0,
        by_tag: [0.0; 3],
        mask: 0,
        mains: 0,
        patronymics: 0,
        initials: false,
    };
    for (i, p) in n.parts_data()[..len].iter().enumerate() {
        let tag = p.tag;
        if used[i] || is_number(tag) {
            continue;
        }
        out.mask |= 1 << i;
        out.initials |= tag == Tag::Initial;
        if !org && tag != Tag::Initial && p.spelling & PATRONYMIC_FORM != 0 {
            out.patronymic += p.weight as f64;
            out.patronymics |= 1 << i;
        } else if is_main(tag) {
            let x = main_weight(p, org);
            out.main += x;
            out.mains |= 1 << i;
            let k = match tag {
                Tag::Family => 0,
                Tag::Initial => 2,
                _ => 1,
            };
            out.by_tag[k] += x;
        } else {
            out.other += p.weight as f64;
        }
    }
    out
}

/// The weight an unmatched main part counts with.
fn main_weight(p: &PartData, org: bool) -> f64 {
    // Organisations: an extra or different word usually names another body
    // (Gazprom / Gazprom Neft), so unmatched words weigh fully, generic ones
    // included.
    if org && p.tag == Tag::Word && !p.connector {
        p.weight.max(0.8) as f64
    } else {
        p.weight as f64
    }
}

/// What a part missing on one side costs, as a share of
/// [`MatchConfig::missing_cost`], when the other name is wholly contained
/// in it (see [`contained`]).
pub(super) const CONTAINED_MISSING_SHARE: f64 = 2.0 / 3.0;

/// Whether one name is wholly contained in the other, and firmly: only one
/// name leaves parts over, every aligned pair is a close spelling of one
/// name, and at least one of them is a family name or a word that is no
/// known given name ("Ahmad Mokhtari Shahr Babaki" holds "Ahmad
/// Mokhtari"; "Petros Kalogeris" holds "Petros Kalogeris"). Known given
/// names alone are how namesakes look ("Mir Ahmad" / "Mir Ahmad Sherzad
/// Khan", "Nazar Ahmad" / "Nazar Ahmed Mahmud Haddadin"), so they do not
/// make a name contained, and neither does one part alone ("Gorg" within
/// "Fadi el Khoury George").
pub(super) fn contained(links: &Links, mask_a: u16, mask_b: u16) -> bool {
    (mask_a == 0) != (mask_b == 0)
        && links.len() >= 2
        && links.iter().all(|l| l.sim >= 0.9)
        && links.iter().any(|l| l.weight >= 0.9)
}

/// What a part missing on one side costs, as a share of
/// [`MatchConfig::missing_cost`], when the other name is contained in it
/// from its first part on (see [`anchored`]).
pub(super) const ANCHORED_MISSING_SHARE: f64 = 1.0 / 3.0;

/// The least similarity of every aligned pair of a name contained in
/// another from the start (see [`anchored`]): a transliteration or a glued
/// reading, not a loose slip of spelling.
pub(super) const ANCHORED_SIMILARITY: f32 = 0.8;

/// The least weight, in its own name, of the part that makes a containment
/// from the start firm (see [`anchored`]): a family name that is no known
/// given name.
pub(super) const RARE_FAMILY: f32 = 0.95;

/// The least similarity of that family name's link (see [`anchored`]): a
/// close spelling of one name, since a looser link of a family name is
/// how different people's names look (Temunguka / Temunsafa).
pub(super) const FIRM_ANCHOR: f32 = 0.9;

/// Whether the shorter name is contained in the longer one from the
/// start, as a record that drops a middle name or ends a lineage or a
/// double surname early writes it ("Ahmad Moktari" in "Ahmad Mokhtari
/// Shahr Babaki"): only one name leaves parts over, two or more pairs aligned,
/// none by an initial and all close, in the same order in both names, the
/// first main part of each aligned with the other's, and one aligned part,
/// in its own name, a family name that is no known given name, aligned
/// closely (see [`FIRM_ANCHOR`]). Known given names
/// alone do not make it ("Mir Ahmad" / "Mir Ahmad Sherzad Khan" are
/// namesakes), nor a name whose first part has no counterpart ("Khaled
/// Mansour" / "Nabil Khaled Mansour Dabbagh": another man's lineage).
pub(super) fn anchored(
    a: Operand<'_>,
    b: Operand<'_>,
    links: &Links,
    mask_a: u16,
    mask_b: u16,
) -> bool {
    let (ha, hb, wa, wb) = (a.heads, b.heads, a.weights, b.weights);
    if (mask_a == 0) == (mask_b == 0)
        || links.len() < 2
        || links
            .iter()
            .any(|l| l.sim < ANCHORED_SIMILARITY || l.evidence == Evidence::Initial)
        || !links.iter().any(|l| {
            l.sim >= FIRM_ANCHOR && wa[l.l[0] as usize].max(wb[l.r[0] as usize]) >= RARE_FAMILY
        })
    {
        return false;
    }
    let first = |h: &Heads| (0..h.len).find(|&i| is_main(h.tags[i]));
    let mut order: SmallVec<[(u8, u8); MAX_PARTS]> =
        links.iter().map(|l| (l.l[0], l.r[0])).collect();
    order.sort_unstable();
    let starts = match (order.first(), first(ha), first(hb)) {
        (Some(&(x, y)), Some(i), Some(j)) => x as usize == i && y as usize == j,
        _ => false,
    };
    starts && order.windows(2).all(|w| w[0].1 < w[1].1)
}

/// What one part in one role on each side costs, as a share of the
/// conflict cost, when three or more names around it agree (see
/// [`one_slot_among_many`]).
pub(super) const LONE_SLOT_SHARE: f64 = 0.5;

/// Whether the only conflict of two long names is one part on each side in
/// one slot, among three or more aligned main parts (a glued run counts
/// its parts: Alireza / Ali Reza is two), all close, one of
/// them a family name or a word that is no known given name: a second
/// name spelt apart or a nickname in one record ("Marwan Yunis Salim
/// Rafisheh" / "Marwan Yunis Dabbour Rafisheh"), where two people would
/// differ in more. Never when the part in conflict is a name's first: the
/// person's own name, where brothers differ ("Zuheir Ahmad Ali Haddad" /
/// "Qutaiba Ahmad Ali Haddad").
pub(super) fn one_slot_among_many(
    (ha, wa): (&Heads, &[f32; MAX_PARTS]),
    (hb, wb): (&Heads, &[f32; MAX_PARTS]),
    links: &Links,
    slots: &Slots,
) -> bool {
    let main = |h: &Heads, i: u8| is_main(h.tags[i as usize]) && h.tags[i as usize] != Tag::Initial;
    let first = |h: &Heads| {
        (0..h.len)
            .find(|&i| is_main(h.tags[i]))
            .map_or(0, |i| 1u16 << i)
    };
    slots.conflict > 0.0
        && slots.masks[0].count_ones() == 1
        && slots.masks[1].count_ones() == 1
        && slots.masks[0] & first(ha) == 0
        && slots.masks[1] & first(hb) == 0
        && links
            .iter()
            .filter(|l| main(ha, l.l[0]) && main(hb, l.r[0]) && l.sim >= 0.9)
            .map(|l| span(l.l).count().max(span(l.r).count()))
            .sum::<usize>()
            >= 3
        && links.iter().all(|l| l.sim >= 0.9)
        // A part of its own weight, not two given names glued.
        && links.iter().any(|l| {
            let heaviest = |ix: [u8; 2], w: &[f32; MAX_PARTS]| span(ix).map(|k| w[k]).fold(0f32, f32::max);
            l.weight >= 0.9 && heaviest(l.l, wa).max(heaviest(l.r, wb)) >= 0.9
        })
}

/// The least similarity of an aligned pair that anchors the slots of
/// [`slot_conflict`]: an exact part or a variant of a known name.
const STRONG_LINK: f32 = 0.95;

/// Parts left over on both sides that conflict: their weight, and the parts
/// as bit masks of each name.
pub(super) struct Slots {
    pub(super) conflict: f64,
    pub(super) masks: [u16; 2],
}

impl Slots {
    /// No conflict.
    const NONE: Slots = Slots {
        conflict: 0.0,
        masks: [0, 0],
    };

    /// Every left-over main part of each side competes with every one of
    /// the other's, as when nothing aligned.
    fn whole(left_a: &Leftovers, left_b: &Leftovers) -> Slots {
        Slots {
            conflict: left_a.main.min(left_b.main),
            masks: [left_a.mains, left_b.mains],
        }
    }
}

/// Where the main parts left over on both sides stand. When the aligned
/// parts come in the same order in both names, each left-over part sits in
/// a slot: between two aligned main parts, or after the last. Only parts
/// in the same slot compete for one role; their lesser weight, slot by
/// slot, is the conflict. When the order differs, the names do not start
/// with the same aligned part, or a main part aligned only loosely, every
/// left-over part competes with every other, as when nothing aligned;
/// and so it does when both names leave over a piece of a hyphenated or
/// glued unit, and when `whole_only` says so: in organisation names and
/// in romanised Chinese names, whose syllables make one given name
/// together.
pub(super) fn slot_conflict(
    x: Operand<'_>,
    y: Operand<'_>,
    links: &Links,
    left_a: &Leftovers,
    left_b: &Leftovers,
    whole_only: bool,
) -> Slots {
    let (a, ha) = (x.name, x.heads);
    let (b, hb) = (y.name, y.heads);
    let whole = Slots::whole(left_a, left_b);
    // Pieces of a hyphenated or glued unit left over on both sides are
    // pieces of one name each ("Kim Jong-un" / "Kim Yo-jong": two given
    // names that share a syllable), whatever slot they stand in.
    let in_unit = |n: &Name, h: &Heads, mask: u16| {
        (0..h.len).any(|i| {
            mask & (1 << i) != 0
                && (n.part(i).data().joined || (i + 1 < h.len && n.part(i + 1).data().joined))
        })
    };
    if whole_only
        || links.is_empty()
        || (in_unit(a, ha, left_a.mains) && in_unit(b, hb, left_b.mains))
    {
        return whole;
    }
    // The aligned main parts' starts, in the order of the first name.
    let main = |h: &Heads, i: u8| is_main(h.tags[i as usize]);
    let mut order: SmallVec<[(u8, u8); MAX_PARTS]> = links
        .iter()
        .filter(|l| main(ha, l.l[0]) && main(hb, l.r[0]))
        .map(|l| (l.l[0], l.r[0]))
        .collect();
    order.sort_unstable();
    // Both names must start alike: a part before the first aligned one is
    // the person's own name where the other has another ("Rana Ahmad" /
    // "Ahmad Moktari", "Hasan Ahmed Dabbagh" / "Rami Hassan Dabbagh").
    let first = |h: &Heads| (0..h.len).find(|&i| is_main(h.tags[i]));
    let starts_alike = match (order.first(), first(ha), first(hb)) {
        (Some(&(x, y)), Some(i), Some(j)) => x as usize == i && y as usize == j,
        _ => false,
    };
    // And every aligned main part must be the same name, spelt alike or
    // a known variant: a looser link is too weak an anchor for parts to
    // stand apart ("Mohammad Ahmad Yazdi" / "Mohammad Rafiq Ahmadi").
    let strong = links
        .iter()
        .all(|l| !(main(ha, l.l[0]) && main(hb, l.r[0])) || l.sim >= STRONG_LINK);
    if !starts_alike || !strong || order.windows(2).any(|w| w[0].1 > w[1].1) {
        return whole;
    }
    // The slot of part `i`: how many aligned parts stand before it.
    let slot = |i: usize, side: usize| {
        order
            .iter()
            .filter(|p| ((if side == 0 { p.0 } else { p.1 }) as usize) < i)
            .count()
    };
    let mut per = [[0f64; MAX_PARTS + 1]; 2];
    for (side, n, h, left) in [(0, a, ha, left_a), (1, b, hb, left_b)] {
        for i in (0..h.len).filter(|&i| left.mains & (1 << i) != 0) {
            per[side][slot(i, side)] += main_weight(&n.parts_data()[i], false);
        }
    }
    let mut out = Slots::NONE;
    for g in 0..=order.len() {
        if per[0][g] > 0.0 && per[1][g] > 0.0 {
            out.conflict += per[0][g].min(per[1][g]);
        }
    }
    for (side, h, left) in [(0, ha, left_a), (1, hb, left_b)] {
        for i in (0..h.len).filter(|&i| left.mains & (1 << i) != 0) {
            let g = slot(i, side);
            if per[0][g] > 0.0 && per[1][g] > 0.0 {
                out.masks[side] |= 1 << i;
            }
        }
    }
    out
}

pub(super) fn is_main(t: Tag) -> bool {
    matches!(t, Tag::Given | Tag::Family | Tag::Word | Tag::Initial)
}

pub(super) fn is_number(t: Tag) -> bool {
    matches!(t, Tag::Regnal | Tag::Suffix)
}

/// The weight of an aligned pair. The side with more parts knows better
/// what role the shared part plays (a lone "Asif" is tagged a family name by
/// default; in "Khawaja Muhammad Asif" it is one by position), so its weight
/// decides; with equal lengths, the larger weight.
pub(super) fn pair_weight(wa: f32, wb: f32, ta: Tag, tb: Tag, lens: std::cmp::Ordering) -> f32 {
    if ta == Tag::Initial || tb == Tag::Initial {
        return wa.min(wb);
    }
    match lens {
        std::cmp::Ordering::Greater => wa,
        std::cmp::Ordering::Less => wb,
        std::cmp::Ordering::Equal => wa.max(wb),
    }
}

/// Picks links best-first, each part at most once. Ties are broken by the
/// folded forms, not by position, so that the result is symmetric.
pub(super) fn greedy(
    (a, b): (&Name, &Name),
    (wa, wb): (&[f32; MAX_PARTS], &[f32; MAX_PARTS]),
    cands: &mut [Link],
    used_a: &mut [bool; MAX_PARTS],
    used_b: &mut [bool; MAX_PARTS],
) -> Links {
    // Between links equal in strength and spelling, the one joining the
    // weightier parts goes first ("A." takes the surname "Ali", not a
    // given "Ali"): a choice that does not depend on which name is first.
    let parts_weight = |l: &Link| {
        let x: f32 = span(l.l).map(|k| wa[k]).sum();
        let y: f32 = span(l.r).map(|k| wb[k]).sum();
        (x.max(y), x.min(y))
    };
    cands.sort_unstable_by(|x, y| {
        let kx = x.sim * x.weight;
        let ky = y.sim * y.weight;
        ky.total_cmp(&kx)
            .then_with(|| y.sim.total_cmp(&x.sim))
            .then_with(|| {
                let (px, py) = (parts_weight(x), parts_weight(y));
                py.0.total_cmp(&px.0).then(py.1.total_cmp(&px.1))
            })
            .then_with(|| tie_key(a, b, x).cmp(&tie_key(a, b, y)))
    });
    let mut links = Links::new();
    let taken = |ix: [u8; 2], used: &[bool; MAX_PARTS]| span(ix).any(|k| used[k]);
    for c in cands.iter() {
        if taken(c.l, used_a) || taken(c.r, used_b) {
            continue;
        }
        for k in span(c.l) {
            used_a[k] = true;
        }
        for k in span(c.r) {
            used_b[k] = true;
        }
        links.push(*c);
    }
    links
}

/// The part indices a link's side covers.
pub(super) fn span(ix: [u8; 2]) -> std::ops::RangeInclusive<usize> {
    let first = ix[0] as usize;
    let last = if ix[1] == NONE { first } else { ix[1] as usize };
    first..=last
}

/// One side of a link: the folded forms of its parts (glued runs have up to
/// three) and where they stand in their name.
pub(super) type SideKey<'n> = ([&'n str; 3], usize, usize);

pub(super) fn side_key<'n>(n: &'n Name, ix: [u8; 2]) -> SideKey<'n> {
    let mut folds = [""; 3];
    let r = span(ix);
    for (slot, k) in folds.iter_mut().zip(r.clone()) {
        *slot = n.part(k).fold();
    }
    (folds, *r.start(), *r.end())
}

/// The last tie-break between candidate links: both sides, in an order
/// that does not depend on which name is first. Two links with the same
/// key are mirror images with the same content in the same places, so
/// either choice gives the same score.
pub(super) fn tie_key<'n>(a: &'n Name, b: &'n Name, l: &Link) -> (SideKey<'n>, SideKey<'n>) {
    let x = side_key(a, l.l);
    let y = side_key(b, l.r);
    if x <= y {
        (x, y)
    } else {
        (y, x)
    }
}

/// One name of a comparison with its heads and part weights, as the
/// passes that look past the one-to-one links (residue, glue, slots) read
/// it.
#[derive(Clone, Copy)]
pub(super) struct Operand<'a> {
    pub(super) name: &'a Name,
    pub(super) heads: &'a Heads,
    pub(super) weights: &'a [f32; MAX_PARTS],
}

/// The first letter and the length of each part of a name: cheap filters
/// before any string work.
pub(super) struct Heads {
    pub(super) len: usize,
    pub(super) first: [u8; MAX_PARTS],
    pub(super) len_of: [u32; MAX_PARTS],
    /// One bit per first letter (see [`letter_bit`]).
    pub(super) letters: u64,
    pub(super) max_len: usize,
    pub(super) tags: [Tag; MAX_PARTS],
    /// Whether the name has a regnal or generational number.
    pub(super) numbers: bool,
    /// The parts that read as patronymics, as a bit mask.
    pub(super) patronymics: u16,
    /// How many of the names and words end in a nominative s.
    pub(super) s_endings: Endings,
}

/// How many of a name's main parts (names and words, initials aside) end
/// in the s of a Latvian or Lithuanian nominative (see [`nominative_s`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Endings {
    /// None of them.
    None,
    /// Some, not all (or only one part).
    Some,
    /// All of them, two parts or more.
    All,
}

/// The similarity of a name and the same name with the Latvian or
/// Lithuanian nominative ending (see [`nominative_s`]).
const NOMINATIVE_SIMILARITY: f32 = 0.9;

/// Whether `with` is `without` with the Latvian or Lithuanian nominative
/// ending added to its final consonant: -s, -as, -is, -us or -ys (Pjotrs
/// / Pjotr, Orens / Oren, Aleksandras / Aleksandr). An inflection of one
/// name, not another name; only between names one of which carries the
/// ending on every part and the other on none (see [`Endings`]), so that
/// English surnames made from given names (Williams / William) stay apart
/// from them.
pub(super) fn nominative_s(with: &str, without: &str) -> bool {
    let consonant = |c: u8| {
        c.is_ascii_lowercase() && !matches!(c, b'a' | b'e' | b'i' | b'o' | b'u' | b'y' | b's')
    };
    let Some(&last) = without.as_bytes().last() else {
        return false;
    };
    if without.len() < 4 || !consonant(last) {
        return false;
    }
    // Every ending is an s after the stem's last letter or one vowel more.
    let w = with.as_bytes();
    let n = w.len();
    if n < 2 || w[n - 1] != b's' || w[n - 2] != last && (n < 3 || w[n - 3] != last) {
        return false;
    }
    if matches!(
        with.strip_prefix(without),
        Some("s" | "as" | "is" | "us" | "ys")
    ) {
        return true;
    }
    // The stem in another romanisation of the same name (Pjotrs / Pyotr).
    ["as", "is", "us", "ys", "s"].iter().any(|ending| {
        with.strip_suffix(ending).is_some_and(|stem| {
            stem.as_bytes().last() == Some(&last)
                && sound::same_start(stem, without)
                && sound::distance(stem, without, 0.35, sound::Mode::Loose).is_some()
        })
    })
}

pub(super) fn heads(n: &Name, len: usize) -> Heads {
    let mut h = Heads {
        len,
        first: [0; MAX_PARTS],
        len_of: [0; MAX_PARTS],
        letters: 0,
        max_len: 0,
        tags: [Tag::Word; MAX_PARTS],
        numbers: false,
        patronymics: 0,
        s_endings: Endings::None,
    };
    let (mut mains, mut with_s) = (0, 0);
    for (i, p) in n.parts_data().iter().take(len).enumerate() {
        let flen = p.fold_len();
        h.first[i] = p.head;
        h.len_of[i] = flen as u32;
        h.letters |= letter_bit(p.head);
        h.max_len = h.max_len.max(flen);
        h.tags[i] = p.tag;
        h.numbers |= is_number(p.tag);
        if p.tag != Tag::Initial && p.spelling & PATRONYMIC_FORM != 0 {
            h.patronymics |= 1 << i;
        }
        if matches!(p.tag, Tag::Given | Tag::Family | Tag::Word) {
            mains += 1;
            with_s += (p.spelling & NOMINATIVE != 0) as usize;
        }
    }
    h.s_endings = if with_s == 0 {
        Endings::None
    } else if with_s == mains && mains >= 2 {
        Endings::All
    } else {
        Endings::Some
    };
    h
}

/// The similarity of two patronymics made from one father's name that
/// only their stems show to be one (see [`same_father`]).
const FATHER_SIMILARITY: f32 = 0.9;

/// The bit of a first letter in a set of first letters.
pub(super) fn letter_bit(c: u8) -> u64 {
    1 << (c % 64)
}
