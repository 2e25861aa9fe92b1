//! The word layer, between folding and the tables: what a word character
//! and a hyphen are, where a word ends, where a glued camel-case word
//! splits, roman numerals, and folding a phrase into words.
//!
//! Analysis of a single name, the tables and extraction's running-text
//! scanner all read words with these rules, so that a table phrase, a
//! name and the same words in a text fold alike.

use crate::fold;

/// Whether `c` can be part of a word: a letter or digit of any script, a
/// combining mark, or a zero-width (non-)joiner (which Persian and the
/// Indic scripts write inside words).
#[inline]
pub(crate) fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    // The letters of the Latin, Greek, Cyrillic, Hebrew, Arabic and Georgian
    // blocks, CJK ideographs and Hangul syllables, without the general Unicode
    // lookup (a unit test checks the ranges).
    if matches!(
        c as u32,
        0xC0..=0xD6
            | 0xD8..=0xF6
            | 0xF8..=0x24F
            | 0x391..=0x3A1
            | 0x3A3..=0x3CE
            | 0x400..=0x481
            | 0x48A..=0x52F
            | 0x5D0..=0x5EA
            | 0x621..=0x64A
            | 0x671..=0x6D3
            | 0x10D0..=0x10FA
            | 0x4E00..=0x9FFF
            | 0xAC00..=0xD7A3
    ) {
        return true;
    }
    c.is_alphanumeric()
        || unicode_normalization::char::is_combining_mark(c)
        || c == '\u{200C}'
        || c == '\u{200D}'
}

/// Whether `c` is a hyphen: the hyphen-minus, the Unicode hyphens and the
/// small and full-width hyphen-minus. In running text these join the parts
/// of a word ("Jong-un"); dashes do not (see [`is_dash`]).
#[inline]
pub(crate) fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '‐' | '‑' | '﹣' | '－')
}

/// Whether `c` is a hyphen or a dash (figure, en, em, horizontal bar,
/// hyphen bullet). Inside a single name any of them can only join two
/// words ("Jean–Pierre" typed with an en dash); in running text a dash
/// marks a range or an aside, so there only [`is_hyphen`] joins.
#[inline]
pub(crate) fn is_dash(c: char) -> bool {
    is_hyphen(c) || matches!(c, '‒' | '–' | '—' | '―' | '⁃')
}

/// Where a word that starts at `start` of `s` ends, and how: the word's
/// characters, with inner apostrophes and full stops that are followed by
/// a word character. Returns `(end, dotted, dot)`: `dotted` when an inner
/// full stop joined ("S.A", "U.S"), `dot` when a full stop follows the
/// word; the closing full stop of a dotted word belongs to it ("S.A.").
pub(crate) fn word_end(s: &str, start: usize) -> (usize, bool, bool) {
    let mut it = s[start..].char_indices().map(|(j, c)| (start + j, c));
    let mut end = match it.next() {
        Some((i, c)) => i + c.len_utf8(),
        None => return (start, false, false),
    };
    let mut dotted = false;
    let mut dot = false;
    let mut it = it.peekable();
    while let Some(&(j, d)) = it.peek() {
        if is_word_char(d) {
            it.next();
            end = j + d.len_utf8();
            continue;
        }
        if fold::is_apostrophe(d) || d == '.' {
            // Look one further: an inner apostrophe or dot joins.
            let rest = &s[j + d.len_utf8()..];
            if goes_on(rest) {
                it.next();
                end = j + d.len_utf8();
                dotted |= d == '.';
                continue;
            }
            if d == '.' {
                dot = true;
                if dotted {
                    // The closing dot of "S.A." belongs to the word.
                    end = j + 1;
                }
            }
        }
        break;
    }
    (end, dotted, dot)
}

/// Whether a word goes on after an inner apostrophe or full stop: a word
/// character follows it, and not only marks and joiners, which fold to
/// nothing. "a.\u{301}" is "a" and a closing stop, as its display "a."
/// reads again; "S.\u{301}A" is one dotted word.
#[inline]
fn goes_on(rest: &str) -> bool {
    let folds_away = |c: char| {
        unicode_normalization::char::is_combining_mark(c) || c == '\u{200C}' || c == '\u{200D}'
    };
    let mut chars = rest.chars();
    match chars.next() {
        Some(c) if folds_away(c) => chars.find(|&c| !folds_away(c)).is_some_and(is_word_char),
        Some(c) => is_word_char(c),
        None => false,
    }
}

/// Whether a word may start with `c`, followed by `next`: a word character,
/// or an apostrophe before a letter ("'Abd").
#[inline]
pub(crate) fn starts_word(c: char, next: Option<char>) -> bool {
    is_word_char(c) || (fold::is_apostrophe(c) && next.is_some_and(char::is_alphabetic))
}

/// Folded lower-case prefixes that stay glued to the capital after them:
/// McDonald, MacArthur, VanDyke, DeShawn stay one word.
const CAMEL_KEEP: &[&str] = &[
    "mac", "van", "von", "der", "den", "del", "des", "dos", "das", "ter", "ten", "abu", "ibn",
    "bin", "ben", "fitz", "san", "della", "degli", "vander", "vanden",
];

/// Byte offsets inside the word `w` where a glued camel-case word splits
/// ("AbdellatifLoudyi", "ofDefence"), into `cuts` (cleared first).
///
/// A cut falls before an upper-case letter that follows a lower-case one
/// and precedes another, once the piece before it has at least three
/// letters, or two when the word starts in lower case (a glued function
/// word: "ofDefence"), and is not a prefix of [`CAMEL_KEEP`] ("McDonald",
/// "DeShawn", "VanDyke" stay whole).
pub(crate) fn camel_cuts(w: &str, cuts: &mut Vec<usize>) {
    cuts.clear();
    // Most words have no capital after their first letter.
    if w.is_ascii() && !w.bytes().skip(1).any(|b| b.is_ascii_uppercase()) {
        return;
    }
    let first_lower = w.chars().next().is_some_and(char::is_lowercase);
    let min = if first_lower { 2 } else { 3 };
    let mut letters = 0usize;
    let mut piece_start = 0usize;
    let mut prev: Option<char> = None;
    let mut it = w.char_indices().peekable();
    while let Some((j, c)) = it.next() {
        if let Some(p) = prev {
            let next_lower = it.peek().is_some_and(|&(_, n)| n.is_lowercase());
            if p.is_lowercase() && c.is_uppercase() && next_lower && letters >= min {
                let piece = w[piece_start..j].to_lowercase();
                if !CAMEL_KEEP.contains(&piece.as_str()) {
                    cuts.push(j);
                    piece_start = j;
                    letters = 0;
                }
            }
        }
        if c.is_alphabetic() {
            letters += 1;
        }
        prev = Some(c);
    }
}

/// The value of a lower-case roman numeral written the canonical way
/// ("xiv" → 14; "iiii" and "ic" are not numerals), up to 89.
pub(crate) fn roman_value(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 7 {
        return None;
    }
    let val = |c: u8| match c {
        b'i' => Some(1),
        b'v' => Some(5),
        b'x' => Some(10),
        b'l' => Some(50),
        _ => None,
    };
    let b = s.as_bytes();
    let mut total = 0i32;
    for k in 0..b.len() {
        let v = val(b[k])?;
        let next = if k + 1 < b.len() { val(b[k + 1])? } else { 0 };
        if v < next {
            total -= v;
        } else {
            total += v;
        }
    }
    if total <= 0 {
        return None;
    }
    // Accept only the canonical spelling of the value.
    is_roman_spelling(total as u32, b).then_some(total as u32)
}

/// Whether `s` is the canonical lower-case spelling of `n` ("xiv" for 14).
fn is_roman_spelling(mut n: u32, s: &[u8]) -> bool {
    let table: [(u32, &[u8]); 7] = [
        (50, b"l"),
        (40, b"xl"),
        (10, b"x"),
        (9, b"ix"),
        (5, b"v"),
        (4, b"iv"),
        (1, b"i"),
    ];
    let mut rest = s;
    for (v, r) in table {
        while n >= v {
            match rest.strip_prefix(r) {
                Some(tail) => rest = tail,
                None => return false,
            }
            n -= v;
        }
    }
    rest.is_empty()
}

/// Splits a phrase into words and folds them the way names are folded:
/// NFKC, words as [`word_end`] reads them, glued camel-case words split
/// (except dotted words, like "Ph.D."), each word folded; words that fold
/// to nothing are dropped ("Brig. Gen." → `["brig", "gen"]`).
pub(crate) fn fold_phrase(s: &str) -> Vec<String> {
    let s = fold::nfkc(s);
    let mut out = Vec::new();
    let mut cuts = Vec::new();
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if !starts_word(c, it.peek().map(|&(_, n)| n)) {
            continue;
        }
        let (end, dotted, _) = word_end(&s, i);
        let w = &s[i..end];
        if dotted {
            cuts.clear();
        } else {
            camel_cuts(w, &mut cuts);
        }
        let mut a = 0;
        for &cut in cuts.iter().chain(std::iter::once(&w.len())) {
            let f = fold::fold_token(&w[a..cut]);
            if !f.is_empty() {
                out.push(f);
            }
            a = cut;
        }
        while it.peek().is_some_and(|&(j, _)| j < end) {
            it.next();
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_char_ranges_are_letters() {
        for c in (0..0x10000u32).filter_map(char::from_u32) {
            let general = c.is_alphanumeric()
                || unicode_normalization::char::is_combining_mark(c)
                || c == '\u{200C}'
                || c == '\u{200D}';
            let expected = if c.is_ascii() {
                c.is_ascii_alphanumeric()
            } else {
                general
            };
            assert_eq!(is_word_char(c), expected, "{c:?}");
        }
    }

    #[test]
    fn stops_before_marks_alone_close_the_word() {
        // (end, dotted, dot)
        assert_eq!(word_end("a.\u{301}", 0), (1, false, true));
        assert_eq!(word_end("a.\u{313}\u{200D}", 0), (1, false, true));
        assert_eq!(word_end("a.\u{301} b", 0), (1, false, true));
        assert_eq!(word_end("S.\u{301}A", 0), ("S.\u{301}A".len(), true, false));
        assert_eq!(word_end("S.A.", 0), (4, true, true));
        assert_eq!(word_end("O'\u{301}", 0), (1, false, false));
        assert_eq!(word_end("O'Neil", 0), (6, false, false));
    }

    #[test]
    fn hyphens_and_dashes() {
        assert!(is_hyphen('-') && is_hyphen('‑') && is_hyphen('－'));
        assert!(!is_hyphen('–') && !is_hyphen('—'));
        assert!(is_dash('–') && is_dash('—') && is_dash('-'));
        assert!(!is_dash('_') && !is_dash(' '));
    }

    fn cut(w: &str) -> Vec<&str> {
        let mut cuts = Vec::new();
        camel_cuts(w, &mut cuts);
        let mut out = Vec::new();
        let mut a = 0;
        for &c in cuts.iter().chain(std::iter::once(&w.len())) {
            out.push(&w[a..c]);
            a = c;
        }
        out
    }

    #[test]
    fn camel_case() {
        assert_eq!(cut("AbdellatifLoudyi"), ["Abdellatif", "Loudyi"]);
        assert_eq!(cut("ofDefence"), ["of", "Defence"]);
        assert_eq!(cut("McDonald"), ["McDonald"]);
        assert_eq!(cut("DeShawn"), ["DeShawn"]);
        assert_eq!(cut("MacArthur"), ["MacArthur"]);
        assert_eq!(cut("VanderBilt"), ["VanderBilt"]);
        assert_eq!(cut("binSalman"), ["binSalman"]);
        assert_eq!(cut("LeBron"), ["LeBron"]);
        assert_eq!(cut("JuvénalMarizamunda"), ["Juvénal", "Marizamunda"]);
        assert_eq!(cut("NATO"), ["NATO"]);
    }

    #[test]
    fn roman_numerals() {
        assert_eq!(roman_value("vi"), Some(6));
        assert_eq!(roman_value("xiv"), Some(14));
        assert_eq!(roman_value("xxiii"), Some(23));
        assert_eq!(roman_value("iiii"), None);
        assert_eq!(roman_value("ic"), None);
        assert_eq!(roman_value("vx"), None);
        assert_eq!(roman_value(""), None);
    }

    #[test]
    fn phrases() {
        assert_eq!(fold_phrase("Brig. Gen."), ["brig", "gen"]);
        assert_eq!(fold_phrase("S.A."), ["sa"]);
        assert_eq!(fold_phrase("Abd al-Latif"), ["abd", "al", "latif"]);
        assert_eq!(fold_phrase("  --  "), Vec::<String>::new());
        assert_eq!(fold_phrase("AbdellatifLoudyi"), ["abdellatif", "loudyi"]);
    }
}
