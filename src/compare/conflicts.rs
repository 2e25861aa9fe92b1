//! Hard conflicts: Arabic lineage, patronymics, regnal and generational
//! numbers, different known given names left over.

use super::*;

/// The parts of `n` in `mask` that are known given names: tagged given, in
/// the variant table, and no patronymic.
fn known(n: &Name, mask: u16) -> impl Iterator<Item = Part<'_>> {
    (0..n.len().min(MAX_PARTS))
        .filter(move |&i| mask & (1 << i) != 0)
        .map(move |i| n.part(i))
        .filter(|p| {
            p.tag() == Tag::Given
                && !p.groups().is_empty()
                && p.data().spelling & PATRONYMIC_FORM == 0
        })
}

/// Whether `mask` holds a known given name of `n` (see [`given_conflict`]).
pub(super) fn known_given(n: &Name, mask: u16) -> bool {
    known(n, mask).next().is_some()
}

/// Whether each name leaves over a known given name (tagged given, in the
/// variant table) among its conflicting parts (`mask_a`, `mask_b`: those
/// in the same place between the aligned parts) and two of them belong to
/// no common group: two
/// different names in the given-name role (Omar / Karim Haddad, Rami /
/// Rima), not a spelling of one.
pub(super) fn given_conflict(a: &Name, b: &Name, mask_a: u16, mask_b: u16) -> bool {
    known(a, mask_a).any(|p| {
        known(b, mask_b).any(|q| {
            let (dp, dq) = (p.data(), q.data());
            (dp.group_sig & dq.group_sig == 0 || !intersects(p.groups(), q.groups()))
                && (dp.nick_sig & dq.nick_sig == 0 || !intersects(p.nicknames(), q.nicknames()))
                && !sounds_close(&p, &q)
        })
    })
}

/// Whether one name's middle initial is all that stands for the other's
/// first given name, while its own first given name, a known one of
/// another group, is left over ("Christos G. Pappas" / "Giorgos Pappas":
/// Christos son of G., not Giorgos). `left_a` and `left_b` are the parts
/// left unaligned.
pub(super) fn own_name_behind_initial(
    a: &Name,
    b: &Name,
    links: &Links,
    left_a: u16,
    left_b: u16,
) -> bool {
    if !links.iter().any(|l| l.evidence == Evidence::Initial) {
        return false;
    }
    let first_given = |n: &Name| {
        n.parts()
            .take(MAX_PARTS)
            .position(|p| matches!(p.tag(), Tag::Given | Tag::Initial))
    };
    let (Some(fa), Some(fb)) = (first_given(a), first_given(b)) else {
        return false;
    };
    links.iter().any(|l| {
        if l.evidence != Evidence::Initial || l.l[1] != NONE || l.r[1] != NONE {
            return false;
        }
        let (i, j) = (l.l[0] as usize, l.r[0] as usize);
        // (The side with the initial, its part, its first given name and
        // what is left of it; the other side and its part.)
        let (x, ix, fx, left_x, y, jy, fy) = if a.part(i).tag() == Tag::Initial {
            (a, i, fa, left_a, b, j, fb)
        } else {
            (b, j, fb, left_b, a, i, fa)
        };
        ix != fx && jy == fy && left_x >> fx & 1 != 0 && given_conflict(x, y, 1 << fx, 1 << fy)
    })
}

/// The place of each part in an Arabic lineage: 0 for the person's own
/// names, 1 after the first `bin` / `ibn` (the father's), 2 after the
/// second, and so on. `None` when the name has no such particle.
pub(super) fn lineage(n: &Name) -> Option<[u8; MAX_PARTS]> {
    let mut place = [0u8; MAX_PARTS];
    let mut g = 0u8;
    for (i, p) in n.parts().take(MAX_PARTS).enumerate() {
        if p.tag() == Tag::Particle && matches!(p.fold(), "bin" | "ibn" | "ben" | "bint" | "bent") {
            g = g.saturating_add(1);
        }
        place[i] = g;
    }
    (g > 0).then_some(place)
}

/// The parts of `n` that name a child in a kunya, as bits: the name right
/// after "Abu" or "Umm" ("Abu Usama": the father of Usama).
pub(super) fn kunya(n: &Name) -> u16 {
    let mut mask = 0u16;
    let mut after = false;
    for (i, p) in n.parts().take(MAX_PARTS).enumerate() {
        if after && p.tag() != Tag::Particle {
            mask |= 1 << i;
        }
        // The article may stand between them ("Abu al-Hasan").
        let article = after && matches!(p.fold(), "al" | "el" | "ul" | "il");
        after = article
            || p.tag() == Tag::Particle
                && matches!(
                    p.fold(),
                    "abu" | "abou" | "abo" | "ebu" | "umm" | "um" | "oum"
                );
    }
    mask
}

/// Whether the links align a child's name in a kunya with the person's own
/// given name ("Abu Usama" / "Usama Haddad": the father of a Usama is not
/// Usama). A kunya on both sides aligns the children's names (Abu
/// Usama / Abou Oussama), and a family name made of one ("Sami ABU HADID"
/// / "Sami HADID") is no given name.
pub(super) fn kunya_conflict(a: &Name, b: &Name, links: &Links) -> bool {
    let (ka, kb) = (kunya(a), kunya(b));
    if ka == 0 && kb == 0 {
        return false;
    }
    // The person's own name: the first given name, or a known one standing
    // alone ("Usama"). A later given name may be the father's, whose name
    // a first son often bears: the father of Muhammad is often the son of
    // one ("Tarek Hamid Yusuf AL-NAQIB" / "Abu Hamid AL-NAQIB").
    let given = |n: &Name, i: usize| {
        let first = n.parts().position(|p| p.tag() == Tag::Given);
        first == Some(i) || (n.len() == 1 && !n.part(i).groups().is_empty())
    };
    links.iter().any(|l| {
        let (i, j) = (l.l[0] as usize, l.r[0] as usize);
        match (ka >> i & 1 != 0, kb >> j & 1 != 0) {
            (true, false) => given(b, j),
            (false, true) => given(a, i),
            _ => false,
        }
    })
}

/// Whether two names that both spell out a lineage align a person's own
/// name with a father's or grandfather's ("Ahmad bin Khalid al-Harbi" /
/// "Khalid bin Ahmad al-Harbi": son and father). The family name after
/// the lineage is the same place on both sides and does not count.
pub(super) fn lineage_conflict(a: &Name, b: &Name, links: &Links) -> bool {
    let (Some(pa), Some(pb)) = (lineage(a), lineage(b)) else {
        return false;
    };
    links.iter().any(|l| {
        let (i, j) = (l.l[0] as usize, l.r[0] as usize);
        (pa[i] == 0) != (pb[j] == 0)
    })
}

/// The father's name a patronymic is made from, as it is written before
/// the ending and its linking vowel (Nikolayevich → nikolay, Mykolayovych
/// → mykolay, Sergeevna → serge, Leonidivna → leonid).
pub(super) fn patronymic_stem(fold: &str) -> Option<&str> {
    if !is_patronymic(fold) {
        return None;
    }
    let b = fold.as_bytes();
    let n = b.len();
    // The v that starts the ending: -vich, -vych, -vitj, -vits before -vic,
    // -vna (see `is_patronymic`).
    let v = if b[n - 4] == b'v' && matches!(&b[n - 3..], b"ich" | b"ych" | b"itj" | b"its") {
        n - 4
    } else {
        n - 3
    };
    (v >= 4).then(|| &fold[..v - 1])
}

/// Whether two patronymics are made from one father's name written in two
/// romanisations (Mykolayovych / Nikolayevich, Sergeyevna / Sergeevna):
/// the stems, with or without a final glide, share a group of the bundled
/// variant table, or sound alike within a name's allowance.
pub(super) fn same_father(a: &str, b: &str) -> bool {
    let (Some(x), Some(y)) = (patronymic_stem(a), patronymic_stem(b)) else {
        return false;
    };
    // A stem and the same without a final glide (mykolay, mykola).
    fn forms(s: &str) -> [&str; 2] {
        match s.strip_suffix(['y', 'i', 'j']) {
            Some(t) if t.len() >= 3 => [s, t],
            _ => [s, ""],
        }
    }
    let groups = |s: &str| {
        if s.is_empty() {
            &[][..]
        } else {
            crate::tables::bundled_given_groups(s)
        }
    };
    for fx in forms(x) {
        for fy in forms(y) {
            if intersects(groups(fx), groups(fy)) {
                return true;
            }
        }
    }
    let maxlen = x.len().max(y.len());
    sound::same_start(x, y)
        && sound::distance(x, y, sound_allowance(maxlen), sound::Mode::Loose)
            .is_some_and(|d| d.cost <= sound_allowance(d.len))
}

/// Returns (conflict, one-sided).
pub(super) fn compare_numbers(a: &Name, b: &Name) -> (bool, bool) {
    let mut na = a.parts().filter(|p| is_number(p.tag())).map(|p| p.fold());
    let mut nb = b.parts().filter(|p| is_number(p.tag())).map(|p| p.fold());
    let mut one_sided = false;
    loop {
        match (na.next(), nb.next()) {
            (None, None) => return (false, one_sided),
            (Some(x), Some(y)) => {
                if x != y {
                    return (true, one_sided);
                }
            }
            _ => one_sided = true,
        }
    }
}
