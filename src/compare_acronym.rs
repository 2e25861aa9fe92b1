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
/// [`acronym_match`]).
fn is_acronym_of(short: &Name, long: &Name) -> bool {
    if long.kind() != Kind::Org {
        return false;
    }
    let Some(letters) = acronym_letters(short) else {
        return false;
    };
    let words: Vec<Part<'_>> = long.parts().collect();
    let optional = |p: &Part<'_>| p.data().connector || p.tag() == Tag::Legal;
    let content = words.iter().filter(|p| !optional(p)).count();
    if !(2..=MAX_LETTERS).contains(&content) {
        return false;
    }
    // Reachable positions in the acronym after each word, as bits.
    let n = letters.len();
    let mut at: u32 = 1;
    for p in &words {
        let fold = p.fold().as_bytes();
        let mut next = 0u32;
        if optional(p) {
            next |= at;
        }
        for j in 0..n {
            if at & (1 << j) == 0 {
                continue;
            }
            if fold.first() == Some(&letters[j]) {
                next |= 1 << (j + 1);
            }
            let whole =
                fold.len() >= 2 && fold.len() <= 3 && fold.iter().all(u8::is_ascii_lowercase);
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

/// The folded letters of a name written as an acronym, if it is one.
fn acronym_letters(name: &Name) -> Option<Vec<u8>> {
    let parts: Vec<Part<'_>> = name.parts().filter(|p| p.tag() != Tag::Legal).collect();
    let letters: Vec<u8> = match parts.as_slice() {
        // Written in capitals where the name was given (the display
        // recases it): "IBM", not "Ibm".
        [one] if name.original().contains(&one.fold().to_ascii_uppercase()) => {
            one.fold().bytes().collect()
        }
        several if several.iter().all(|p| p.fold().len() == 1) => {
            several.iter().map(|p| p.fold().as_bytes()[0]).collect()
        }
        _ => return None,
    };
    ((2..=MAX_LETTERS).contains(&letters.len()) && letters.iter().all(u8::is_ascii_lowercase))
        .then_some(letters)
}
