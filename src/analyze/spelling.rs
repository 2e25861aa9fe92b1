//! Spelling facts of a folded part that the comparison tests on every pair
//! of parts it meets, read once when the name is analysed and kept in the
//! part (`PartData::head`, `PartData::spelling`), with the predicates that
//! read them.

use super::korean;

/// [`spelling`]: the part may carry the Arabic article glued on: al or el
/// and four letters or more that start with no vowel, y or l, as the
/// comparison strips it (see [`article_rest`]).
pub(crate) const ARTICLE: u8 = 1;
/// [`spelling`]: the part reads as a patronymic (see `is_patronymic`).
pub(crate) const PATRONYMIC_FORM: u8 = 2;
/// [`spelling`]: the part ends in s (a Baltic nominative may).
pub(crate) const S_END: u8 = 4;
/// [`spelling`]: the part may start with the pilgrim's honorific.
pub(crate) const PILGRIM: u8 = 8;
/// [`spelling`]: the part ends as a Baltic nominative may (see
/// `ends_in_s`).
pub(crate) const NOMINATIVE: u8 = 16;
/// [`spelling`]: the part is a form of the Korean family names table
/// (see `korean::same_surname`).
pub(crate) const KOREAN: u8 = 32;
/// [`spelling`]: the part may be an East Slavic full form (it ends in
/// -ii, -iy, -ij or -yi; see `full_form`).
pub(crate) const FULL_FORM: u8 = 64;
/// [`spelling`]: the part may be a compound given name (it ends in
/// Allah or al-Din as romanisations glue them on; see `compound_head`).
pub(crate) const COMPOUND: u8 = 128;

/// What the comparison reads of a part's folded form on every pair it
/// meets, read once when the name is analysed: the first letter as the
/// alignment compares first letters (see [`head_letter`]; 0 when empty)
/// and the spelling facts [`ARTICLE`], [`PATRONYMIC_FORM`], [`S_END`],
/// [`PILGRIM`], [`NOMINATIVE`], [`KOREAN`], [`FULL_FORM`] and [`COMPOUND`]
/// as bits. They depend on the fold alone.
pub(crate) fn spelling(fold: &str) -> (u8, u8) {
    let head = fold.as_bytes().first().map_or(0, |&c| head_letter(c));
    let mut flags = 0;
    if article_rest(fold).is_some() {
        flags |= ARTICLE;
    }
    if is_patronymic(fold) {
        flags |= PATRONYMIC_FORM;
    }
    if fold.ends_with('s') {
        flags |= S_END;
    }
    if pilgrim(fold) {
        flags |= PILGRIM;
    }
    if ends_in_s(fold) {
        flags |= NOMINATIVE;
    }
    if korean::listed(fold) {
        flags |= KOREAN;
    }
    if ["ii", "iy", "ij", "yi"].iter().any(|e| fold.ends_with(e)) {
        flags |= FULL_FORM;
    }
    if COMPOUND_TAILS.iter().any(|t| fold.ends_with(t)) {
        flags |= COMPOUND;
    }
    (head, flags)
}

/// What is left of a folded part without the Arabic article glued on
/// (Alsaraj, Elsabri: saraj, sabri): `None` unless the part starts with al
/// or el and the rest keeps four letters or more and does not start with
/// a vowel, y or l (a digit may start it), so that names that merely
/// begin with al or el (Alan, Elena, Eleftherios) do not lose them.
pub(crate) fn article_rest(fold: &str) -> Option<&str> {
    let rest = fold
        .strip_prefix("al")
        .or_else(|| fold.strip_prefix("el"))?;
    let first = *rest.as_bytes().first()?;
    (rest.len() >= 4 && !matches!(first, b'a' | b'e' | b'i' | b'o' | b'u' | b'y' | b'l'))
        .then_some(rest)
}

/// A part's first letter as the alignment compares first letters: a
/// leading vowel is one class, since the Arabic article is written al, el
/// or ul, glued or not (al-Sabri / Elsabri).
pub(crate) fn head_letter(c: u8) -> u8 {
    if matches!(c, b'a' | b'e' | b'i' | b'o' | b'u') {
        b'a'
    } else {
        c
    }
}

/// Whether a folded part reads as an East Slavic or South Slavic
/// patronymic in any common romanisation (Nikolaevich, Mykolayovych,
/// Petrovna, Andriyivna, Aleksandrovitj).
pub(crate) fn is_patronymic(fold: &str) -> bool {
    // The endings all put a v before one of a few tails: -ovich, -evych,
    // -ovitj, -ovits, -ovic, -ovna, -ivna.
    let b = fold.as_bytes();
    let n = b.len();
    if n < 7 {
        return false;
    }
    let tail = |p: usize| {
        b[p] == b'v'
            && matches!(b[p - 1], b'o' | b'e' | b'a' | b'i')
            && matches!(
                &b[p + 1..],
                b"ich" | b"ych" | b"itj" | b"its" | b"ic" | b"na"
            )
    };
    tail(n - 4) || tail(n - 3)
}

/// Whether a folded part ends as a Baltic nominative may: a single s
/// after four letters or more.
pub(crate) fn ends_in_s(fold: &str) -> bool {
    let b = fold.as_bytes();
    b.len() >= 5 && b[b.len() - 1] == b's' && b[b.len() - 2] != b's'
}

/// Whether a folded part may begin with one of the pilgrim's honorifics
/// (haj, hadj, hajji …) glued on: a cheap test before the comparison's
/// `glued_honorific`.
pub(crate) fn pilgrim(f: &str) -> bool {
    f.starts_with("haj") || f.starts_with("hadj")
}

/// The second elements of Arabic, Persian and Urdu compound given names
/// (Allah, al-Din) as romanisations glue them on.
pub(crate) const COMPOUND_TAILS: [&str; 12] = [
    "ullah", "ollah", "allah", "ulla", "olla", "uddin", "oddin", "eddin", "eddine", "addin",
    "uddeen", "udin",
];
