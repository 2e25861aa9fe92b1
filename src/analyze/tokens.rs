//! Tokens: the normalised input cut into words with their separators,
//! case flags and folded forms, and the marking of bracketed groups.

use super::{Span, Tag};
use crate::fold;
use crate::tables::{Tables, Word};
use crate::token;
use std::hash::{Hash, Hasher};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Sep {
    Space,
    Hyphen,
    Glued,
}

#[derive(Debug, Clone)]
pub(super) struct Tok {
    pub(super) start: usize,
    pub(super) end: usize,
    /// Separator before this token.
    pub(super) sep: Sep,
    /// Followed by a full stop.
    pub(super) dot: bool,
    /// Followed by a comma.
    pub(super) comma: bool,
    /// One piece of a split dotted run: its dot is kept in the display so
    /// that the display tokenises the same way again.
    pub(super) piece: bool,
    /// Contains inner full stops ("S.A.", "J.R.R.").
    pub(super) dotted: bool,
    /// Written in upper case throughout (and has at least one cased letter).
    pub(super) upper: bool,
    /// Written in lower case throughout.
    pub(super) lower: bool,
    /// Has at least one cased letter.
    pub(super) cased: bool,
    /// The folded form is a known particle.
    pub(super) particle: bool,
    pub(super) fold: Span,
    /// What the tables know about the folded form.
    pub(super) word: Word,
    /// Canonical fold replacing `fold` in the key (legal forms, suffixes),
    /// a span of the same scratch string as `fold`.
    pub(super) canon: Option<Span>,
    pub(super) tag: Option<Tag>,
    pub(super) family_hint: bool,
    /// Whether a lower-case letter is followed by an upper-case one inside
    /// the token, when the tokeniser already knows.
    pub(super) camel: Option<bool>,
    /// The token's entry in the chunk cache, [`NO_LEX`] if none.
    pub(super) lex: u32,
    /// The number of the bracketed group ("(ret.)") the token stands in,
    /// counted from 1; 0 outside brackets.
    pub(super) paren: u32,
}

/// [`Tok::lex`] of a token that has no cached lexical data.
pub(super) const NO_LEX: u32 = u32::MAX;

pub(super) fn new_tok(s: &str, start: usize, end: usize, sep: Sep) -> Tok {
    let text = &s[start..end];
    let mut has_upper = false;
    let mut has_lower = false;
    if text.is_ascii() {
        for b in text.bytes() {
            has_upper |= b.is_ascii_uppercase();
            has_lower |= b.is_ascii_lowercase();
        }
    } else {
        for c in text.chars() {
            if c.is_ascii() {
                has_upper |= c.is_ascii_uppercase();
                has_lower |= c.is_ascii_lowercase();
            } else if !caseless(c) {
                let (upper, lower) = case_of(c);
                has_upper |= upper;
                has_lower |= lower;
            }
        }
    }
    cased_tok(start, end, sep, has_upper, has_lower)
}

/// Whether `c` lies in a block without letter case: Hebrew to Myanmar
/// (Arabic, the Indic scripts, Thai …), CJK, kana and Hangul. A cheap test
/// before the general case lookup.
pub(super) fn caseless(c: char) -> bool {
    matches!(c as u32, 0x0590..=0x109F | 0x2E80..=0x9FFF | 0xAC00..=0xD7AF)
}

/// Whether `c` is upper case, and whether lower case: the basic letters of
/// Latin-1, Greek, Cyrillic and Georgian answered without the general lookup (a unit
/// test checks them).
#[inline]
pub(super) fn case_of(c: char) -> (bool, bool) {
    match c as u32 {
        0xC0..=0xD6 | 0xD8..=0xDE | 0x391..=0x3A1 | 0x3A3..=0x3A9 | 0x400..=0x42F => (true, false),
        0xDF..=0xF6 | 0xF8..=0xFF | 0x3B1..=0x3C9 | 0x430..=0x45F | 0x10D0..=0x10FA => {
            (false, true)
        }
        _ => (c.is_uppercase(), c.is_lowercase()),
    }
}

/// Whether any byte of `s` is one of `needles`: eight bytes at a time, for
/// the short strings of names, where a call to a vectorised search costs
/// more than the search.
#[inline]
pub(super) fn has_any_byte(s: &[u8], needles: &[u8]) -> bool {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    // Whether some byte of `w` is zero (exact, not a heuristic).
    let has_zero = |w: u64| w.wrapping_sub(LO) & !w & HI != 0;
    let mut words = s.chunks_exact(8);
    for w in &mut words {
        let w = u64::from_le_bytes([w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7]]);
        if needles.iter().any(|&n| has_zero(w ^ (LO * u64::from(n)))) {
            return true;
        }
    }
    words.remainder().iter().any(|b| needles.contains(b))
}

/// A token of `start..end` with its case flags.
pub(super) fn cased_tok(
    start: usize,
    end: usize,
    sep: Sep,
    has_upper: bool,
    has_lower: bool,
) -> Tok {
    Tok {
        start,
        end,
        sep,
        dot: false,
        comma: false,
        piece: false,
        dotted: false,
        upper: has_upper && !has_lower,
        lower: has_lower && !has_upper,
        cased: has_lower || has_upper,
        particle: false,
        fold: (0, 0),
        word: Word::default(),
        canon: None,
        tag: None,
        family_hint: false,
        camel: None,
        lex: NO_LEX,
        paren: 0,
    }
}

/// Splits `s` into word tokens with their separators, replacing the
/// contents of `toks`.
pub(super) fn tokenize_into(s: &str, toks: &mut Vec<Tok>) {
    toks.clear();
    if s.is_ascii() {
        tokenize_ascii(s, toks);
    } else {
        tokenize_unicode(s, toks);
    }
    for t in toks.iter_mut() {
        if t.sep == Sep::Glued {
            // Two tokens with nothing between them cannot arise from the
            // scanner except after a trailing apostrophe; read it as a space.
            t.sep = Sep::Space;
        }
    }
}

/// [`tokenize_unicode`] for ASCII text, byte by byte: the same tokens.
/// The only ASCII apostrophes are `'` and `` ` ``, the only hyphen `-`.
pub(super) fn tokenize_ascii(s: &str, toks: &mut Vec<Tok>) {
    let b = s.as_bytes();
    let n = b.len();
    let is_mark = |c: u8| c == b'\'' || c == b'`';
    let mut sep = Sep::Space;
    let mut i = 0;
    while i < n {
        let c = b[i];
        let leading_mark = is_mark(c) && b.get(i + 1).is_some_and(u8::is_ascii_alphabetic);
        if !(c.is_ascii_alphanumeric() || leading_mark) {
            if c != b'-' {
                sep = Sep::Space;
            } else if sep == Sep::Glued {
                sep = Sep::Hyphen;
            }
            if c == b',' {
                if let Some(last) = toks.last_mut() {
                    last.comma = true;
                }
            }
            i += 1;
            continue;
        }
        let start = i;
        let mut j = i + 1;
        let mut dotted = false;
        let mut dot = false;
        let mut end = j;
        let mut has_upper = c.is_ascii_uppercase();
        let mut has_lower = c.is_ascii_lowercase();
        let mut camel = false;
        while j < n {
            let d = b[j];
            if d.is_ascii_alphanumeric() {
                camel |= d.is_ascii_uppercase() && b[j - 1].is_ascii_lowercase();
                has_upper |= d.is_ascii_uppercase();
                has_lower |= d.is_ascii_lowercase();
                j += 1;
                end = j;
                continue;
            }
            if is_mark(d) || d == b'.' {
                // Look one further: an inner apostrophe or dot joins.
                if b.get(j + 1).is_some_and(u8::is_ascii_alphanumeric) {
                    j += 1;
                    end = j;
                    dotted |= d == b'.';
                    continue;
                }
                if d == b'.' {
                    dot = true;
                    if dotted {
                        // The closing dot of "S.A." belongs to the token.
                        end = j + 1;
                    }
                }
            }
            break;
        }
        let mut t = cased_tok(start, end, sep, has_upper, has_lower);
        t.dot = dot;
        t.dotted = dotted;
        t.camel = Some(camel);
        toks.push(t);
        sep = Sep::Glued;
        i = j;
    }
}

/// Splits `s` into word tokens, any script.
pub(super) fn tokenize_unicode(s: &str, toks: &mut Vec<Tok>) {
    let mut sep = Sep::Space;
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if token::starts_word(c, it.peek().map(|&(_, n)| n)) {
            let start = i;
            let (end, dotted, dot) = token::word_end(s, start);
            // The closing dot of a dotted word ("S.A.") is part of it and
            // also separates it from what follows.
            let closing_dot = dotted && dot;
            let scanned = if closing_dot { end - 1 } else { end };
            while it.peek().is_some_and(|&(j, _)| j < scanned) {
                it.next();
            }
            let mut t = new_tok(s, start, end, sep);
            t.dot = dot;
            t.dotted = dotted;
            toks.push(t);
            sep = Sep::Glued;
        } else {
            if c.is_whitespace() || !token::is_dash(c) {
                sep = Sep::Space;
            } else if sep == Sep::Glued {
                sep = Sep::Hyphen;
            }
            if c == ',' || c == '،' || c == '，' {
                if let Some(last) = toks.last_mut() {
                    last.comma = true;
                }
            }
        }
    }
}

/// Narrows a dotted word whose pieces all fold to nothing but one
/// ("\u{42A}.mufti": the hard sign alone is silent) to that piece, read
/// as a plain word from the start, as its display shows it: titles, legal
/// forms and the other passes then see the word the display holds. The
/// piece takes the word's end: the closing stop and comma. ASCII pieces
/// always fold to something, so only other text is looked at; `scratch`
/// is working space.
pub(super) fn narrow_dotted(s: &str, toks: &mut [Tok], scratch: &mut String) {
    if !toks.iter().any(|x| x.dotted) || s.is_ascii() {
        return;
    }
    for tok in toks.iter_mut().filter(|x| x.dotted) {
        let text = &s[tok.start..tok.end];
        let (mut kept, mut n, mut a) = ((0, 0), 0, 0);
        for p in text.split('.') {
            let r = (a, a + p.len());
            a += p.len() + 1;
            if r.1 == r.0 {
                continue;
            }
            scratch.clear();
            fold::fold_token_into_with(p, None, scratch);
            if !scratch.is_empty() {
                n += 1;
                kept = r;
            }
        }
        if n == 1 {
            let mut w = new_tok(s, tok.start + kept.0, tok.start + kept.1, tok.sep);
            w.dot = tok.dot || text.ends_with('.');
            w.comma = tok.comma;
            *tok = w;
        }
    }
}

/// Splits glued camel-case words ("AbdellatifLoudyi") into tokens, keeping
/// McDonald, MacArthur, DeShawn, LeBron, DiCaprio whole.
#[inline]
pub(super) fn split_camel(s: &str, toks: &mut Vec<Tok>) {
    // Most names have no lower-to-upper transition inside a word, and the
    // ASCII tokeniser says so: answered here without a call.
    if toks.iter().all(|t| t.camel == Some(false)) {
        return;
    }
    split_camel_words(s, toks);
}

/// [`split_camel`] once some token may hold a transition.
fn split_camel_words(s: &str, toks: &mut Vec<Tok>) {
    // Tokens all in one case, or in a script without case, have none.
    let any = toks.iter().any(|t| {
        !(t.dotted || t.upper || t.lower || !t.cased) && t.camel != Some(false) && {
            let text = &s[t.start..t.end];
            if text.is_ascii() {
                text.as_bytes()
                    .windows(2)
                    .any(|w| w[0].is_ascii_lowercase() && w[1].is_ascii_uppercase())
            } else {
                let mut prev_lower = false;
                text.chars().any(|c| {
                    let hit = prev_lower && c.is_uppercase();
                    prev_lower = c.is_lowercase();
                    hit
                })
            }
        }
    });
    if !any {
        return;
    }
    let mut out: Vec<Tok> = Vec::with_capacity(toks.len() + 1);
    let mut cuts = Vec::new();
    for t in toks.drain(..) {
        let text = &s[t.start..t.end];
        if t.dotted || t.upper || t.lower || !t.cased || !text.is_char_boundary(0) {
            out.push(t);
            continue;
        }
        token::camel_cuts(text, &mut cuts);
        if cuts.is_empty() {
            out.push(t);
            continue;
        }
        let mut a = 0;
        for (k, &cut) in cuts.iter().chain(std::iter::once(&text.len())).enumerate() {
            let mut piece = new_tok(
                s,
                t.start + a,
                t.start + cut,
                if k == 0 { t.sep } else { Sep::Space },
            );
            if cut == text.len() {
                piece.dot = t.dot;
                piece.comma = t.comma;
            }
            out.push(piece);
            a = cut;
        }
    }
    *toks = out;
}

pub(super) fn fx_hash(s: &str) -> u64 {
    let mut h = rustc_hash::FxHasher::default();
    s.hash(&mut h);
    h.finish()
}

/// Folds token `tok` of `s` onto `folds` and looks its folded form up.
pub(super) fn fold_tok(
    t: &Tables,
    s: &str,
    tok: &mut Tok,
    cyrillic: Option<fold::CyrillicStyle>,
    folds: &mut String,
) {
    let a = folds.len();
    fold::fold_token_into_with(&s[tok.start..tok.end], cyrillic, folds);
    tok.fold = (a as u32, folds.len() as u32);
    tok.word = t.word(&folds[a..]);
}

/// Numbers the bracketed groups of `s` ("(ret.)", "[a]") from 1 and marks
/// the tokens inside each; nested brackets belong to the outer group.
pub(super) fn mark_brackets(s: &str, toks: &mut [Tok]) {
    let mut events = s
        .char_indices()
        .filter(|&(_, c)| matches!(c, '(' | ')' | '[' | ']'))
        .peekable();
    let (mut depth, mut group) = (0u32, 0u32);
    for tok in toks.iter_mut() {
        while let Some(&(i, c)) = events.peek() {
            if i >= tok.start {
                break;
            }
            events.next();
            if matches!(c, '(' | '[') {
                if depth == 0 {
                    group += 1;
                }
                depth += 1;
            } else {
                depth = depth.saturating_sub(1);
            }
        }
        tok.paren = if depth > 0 { group } else { 0 };
    }
    // A bracket never closed encloses nothing: the rest of the name is
    // still the name ("Ahmad (Abu Omar Hassan").
    for (_, c) in events {
        if matches!(c, '(' | '[') {
            depth += 1;
        } else {
            depth = depth.saturating_sub(1);
        }
    }
    if depth > 0 {
        for tok in toks.iter_mut().filter(|x| x.paren == group) {
            tok.paren = 0;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{case_of, has_any_byte};

    #[test]
    fn fast_case_answers_as_unicode_does() {
        for c in (0x80..0x10000u32).filter_map(char::from_u32) {
            assert_eq!(case_of(c), (c.is_uppercase(), c.is_lowercase()), "{c:?}");
        }
    }

    #[test]
    fn byte_search_finds_every_needle_anywhere() {
        let needles = [b';', 0xCD, 0xEF];
        for len in 0..40 {
            let mut s = vec![b'a'; len];
            assert!(!has_any_byte(&s, &needles));
            for at in 0..len {
                for n in [b';', 0xCD, 0xEF, 0x80, 0xFF, 0, b':'] {
                    s[at] = n;
                    assert_eq!(
                        has_any_byte(&s, &needles),
                        needles.contains(&n),
                        "{len} {at} {n}"
                    );
                }
                s[at] = b'a';
            }
        }
        // Bytes next to a needle's value do not count ("borrow" cases).
        assert!(!has_any_byte(
            &[0x3C, 0x3A, 0x01, 0x00, 0xCC, 0xCE, 0xEE, 0xF0],
            &needles
        ));
        assert!(has_any_byte(b"(ret.)", b"(["));
        assert!(!has_any_byte("Путин Владимир".as_bytes(), b"(["));
    }
}
