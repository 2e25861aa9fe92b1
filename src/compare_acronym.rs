//! An acronym of a multi-word organisation name ("IBM", "I.B.M." for
//! "International Business Machines Corp"): weak evidence that two names
//! are one organisation's, for comparison to weigh. Kept apart from the
//! part alignment of `compare`, which sees no equal parts in such a pair.

use crate::analyze::{Kind, Name, Part, Tag};

/// The longest acronym considered, in letters.
const MAX_LETTERS: usize = 10;

/// Whether one of `a` and `b` is written as an acronym of the other, an
/// organisation's name of at least two words: the acronym's letters are
/// the initials of the long name's words in order, legal forms left out
/// of the acronym, optional in the long name ("BBC" for "British
/// Broadcasting Corporation", "IBM" for "… Machines Corp"), connecting
/// words ("of", "and", "the") optional, and a
/// word of three letters or fewer in its canonical form ("us" for United
/// States) read whole or by its initial ("USAID" for "United States
/// Agency for International Development"). Canonical forms count, so
/// "Intl" gives the "I" of international.
///
/// The acronym is one part of two to ten letters written without lower
/// case ("IBM", "NATO"), or a run of single letters ("I.B.M."). This is
/// weak evidence — many names share an acronym — to be weighed against
/// the rest of the comparison, never a match by itself.
///
/// ```
/// use canonym::{acronym_match, analyze};
/// let long = analyze("International Business Machines Corp");
/// assert!(acronym_match(&analyze("IBM"), &long));
/// assert!(acronym_match(&long, &analyze("I.B.M.")));
/// assert!(!acronym_match(&analyze("IBN"), &long));
/// assert!(!acronym_match(&analyze("Ibm"), &long));
/// ```
pub fn acronym_match(a: &Name, b: &Name) -> bool {
    is_acronym_of(a, b) || is_acronym_of(b, a)
}

/// Whether `short` is written as an acronym of `long` (see
/// [`acronym_match`]). Allocates nothing.
fn is_acronym_of(short: &Name, long: &Name) -> bool {
    if long.kind() != Kind::Org || long.len() < 2 || short.is_empty() {
        return false;
    }
    let mut buf = [0u8; MAX_LETTERS];
    let Some(n) = acronym_letters(short, &mut buf) else {
        return false;
    };
    let letters = &buf[..n];
    let optional = |p: &Part<'_>| p.data().connector || p.tag() == Tag::Legal;
    let content = long.parts().filter(|p| !optional(p)).count();
    if !(2..=n).contains(&content) {
        return false;
    }
    // Reachable positions in the acronym after each word, as bits.
    let mut at: u32 = 1;
    for p in long.parts() {
        let fold = p.fold().as_bytes();
        let mut next = if optional(&p) { at } else { 0 };
        let whole = (2..=3).contains(&fold.len()) && fold.iter().all(u8::is_ascii_lowercase);
        for j in 0..n {
            if at & (1 << j) == 0 {
                continue;
            }
            if fold.first() == Some(&letters[j]) {
                next |= 1 << (j + 1);
            }
            if whole && letters[j..].starts_with(fold) {
                next |= 1 << (j + fold.len());
            }
        }
        at = next;
        if at == 0 {
            return false;
        }
    }
    at & (1 << n) != 0
}

/// The folded letters of a name written as an acronym, if it is one, into
/// `buf`; returns how many.
fn acronym_letters(name: &Name, buf: &mut [u8; MAX_LETTERS]) -> Option<usize> {
    let mut words = name.parts().filter(|p| p.tag() != Tag::Legal);
    let first = words.next()?;
    let mut n = 0;
    let mut push = |b: u8| {
        if n < MAX_LETTERS && b.is_ascii_lowercase() {
            buf[n] = b;
            n += 1;
            true
        } else {
            false
        }
    };
    if first.fold().len() >= 2 {
        // One word, written in capitals where the name was given (the
        // display recases it): "IBM", not "Ibm".
        let fold = first.fold().as_bytes();
        let in_capitals = name.original().as_bytes().windows(fold.len()).any(|w| {
            w.iter()
                .zip(fold)
                .all(|(x, y)| *x == y.to_ascii_uppercase())
        });
        if words.next().is_some() || !in_capitals {
            return None;
        }
        if !first.fold().bytes().all(&mut push) {
            return None;
        }
    } else {
        // A run of single letters: "I.B.M.", "I B M".
        for p in std::iter::once(first).chain(words) {
            if p.fold().len() != 1 || !push(p.fold().as_bytes()[0]) {
                return None;
            }
        }
    }
    (n >= 2).then_some(n)
}
