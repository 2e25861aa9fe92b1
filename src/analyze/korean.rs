//! Romanisations of Korean family names (`data/korean_surnames.tsv`):
//! Park / Pak / Bak, Lee / Yi / Ri / Rhee, Choi / Choe, Ryu / Yu / Yoo.
//! Their differences (an initial r that one Korea keeps and the other
//! drops, a silent r, aspirated and plain consonants, vowel digraphs) are
//! too large for the distance over sounds of such short parts, and too
//! particular to be rules of it.

use once_cell::sync::Lazy;

static TSV: &str = include_str!("../../data/korean_surnames.tsv");

/// The longest form in the table, in bytes.
const LONGEST: usize = 8;

/// Every form, lower case, with its hash and the number of its name;
/// sorted by hash.
static FORMS: Lazy<Vec<(u64, Box<str>, u16)>> = Lazy::new(|| {
    let mut forms: Vec<(u64, Box<str>, u16)> = TSV
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .enumerate()
        .flat_map(|(group, line)| {
            line.split('\t').skip(1).map(move |f| {
                let f = f.trim().to_ascii_lowercase();
                (hash(&f), f.into_boxed_str(), group as u16)
            })
        })
        .collect();
    forms.sort_unstable();
    forms
});

fn hash(s: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = rustc_hash::FxHasher::default();
    s.hash(&mut h);
    h.finish()
}

/// For each first letter, the last letters of the forms that start with
/// it, one bit each: a test that spares nearly every other part the search.
static ENDS: Lazy<[u32; 26]> = Lazy::new(|| {
    let mut ends = [0u32; 26];
    for (_, f, _) in FORMS.iter() {
        let b = f.as_bytes();
        ends[(b[0] - b'a') as usize] |= 1 << (b[b.len() - 1] - b'a');
    }
    ends
});

/// Whether a folded part may be in the table: short, and its first and
/// last letters those of a form.
fn may_be_listed(fold: &str) -> bool {
    let b = fold.as_bytes();
    match (b.first(), b.last()) {
        (Some(&x), Some(&y))
            if b.len() <= LONGEST && x.is_ascii_lowercase() && y.is_ascii_lowercase() =>
        {
            ENDS[(x - b'a') as usize] & 1 << (y - b'a') != 0
        }
        _ => false,
    }
}

/// The name a folded part spells, if the table lists it.
fn group(fold: &str) -> Option<u16> {
    let forms = &*FORMS;
    let h = hash(fold);
    let i = forms.partition_point(|e| e.0 < h);
    forms[i..]
        .iter()
        .take_while(|e| e.0 == h)
        .find(|e| &*e.1 == fold)
        .map(|e| e.2)
}

/// Whether a folded part is a form of the table (read once, at analysis,
/// so that the comparison asks [`same_surname`] only of two such parts).
pub(crate) fn listed(fold: &str) -> bool {
    may_be_listed(fold) && group(fold).is_some()
}

/// Whether two different folded parts are romanisations of one Korean
/// family name.
#[inline]
pub(crate) fn same_surname(fa: &str, fb: &str) -> bool {
    may_be_listed(fa) && may_be_listed(fb) && group(fa).is_some_and(|g| group(fb) == Some(g))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_forms_are_short_lower_case_and_in_one_name() {
        let forms = &*FORMS;
        assert!(forms.len() > 100);
        let mut sorted: Vec<&str> = forms.iter().map(|e| &*e.1).collect();
        sorted.sort_unstable();
        for w in sorted.windows(2) {
            assert_ne!(w[0], w[1], "{} is listed twice", w[0]);
        }
        for (_, f, _) in forms {
            assert!(
                f.len() <= LONGEST && f.bytes().all(|b| b.is_ascii_lowercase()),
                "{f}"
            );
        }
    }

    #[test]
    fn romanisations_of_one_name() {
        assert!(same_surname("pak", "park"));
        assert!(same_surname("ri", "lee"));
        assert!(same_surname("rhee", "yi"));
        assert!(same_surname("ryu", "yoo"));
        assert!(!same_surname("park", "kim"));
        assert!(!same_surname("li", "lee"));
        assert!(!same_surname("smith", "smith"));
    }
}
