//! Step 1, tokens: words of running text with their byte offsets and the
//! gaps between them (space, hyphen, comma, sentence break); glued
//! camel-case words split; possessives marked; links and headline lines
//! skipped. The word rules themselves are the shared word layer's
//! ([`crate::token`]); what is specific to running text is here.

use super::lexicon::Bloom;
use super::lexicon::{Lexicon, ABBREVIATIONS, TAG_LINES};
use crate::fold;
use crate::token::{camel_cuts, is_hyphen, is_word_char, roman_value};
use once_cell::sync::Lazy;
use rustc_hash::FxHashSet;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Gap {
    /// Spaces only.
    Space,
    /// One hyphen, no spaces.
    Hyphen,
    /// Nothing: a camel-case split.
    Glued,
    /// A full stop after the previous word, then spaces.
    Dot,
    /// A comma, then spaces.
    Comma,
    /// An ampersand between spaces.
    Amp,
    /// Anything else: sentence end, line break, quotes, brackets.
    Break,
}

#[derive(Debug, Clone)]
pub(super) struct Tok {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) fold: (u32, u32),
    pub(super) gap: Gap,
    /// Starts with an upper-case letter.
    pub(super) cap: bool,
    /// Written in lower case.
    pub(super) lower: bool,
    /// Two or more letters, all upper case.
    pub(super) upper: bool,
    /// Contains a digit.
    pub(super) digit: bool,
    /// Contains inner full stops ("U.S.").
    pub(super) dotted: bool,
    /// Followed by a possessive 's.
    pub(super) poss: bool,
    /// Letters in the token.
    pub(super) letters: u32,
    /// Part of a title or role phrase: the phrase's index.
    pub(super) title: Option<u32>,
    /// On a line written in capitals (a wire headline): its words are
    /// people only when they repeat a person of the document.
    pub(super) caps_line: bool,
}

pub(super) struct Doc<'a> {
    pub(super) text: &'a str,
    pub(super) toks: Vec<Tok>,
    pub(super) folds: String,
    /// Title phrases found: (first token, end token, folded phrase, formal).
    pub(super) titles: Vec<(usize, usize, String, bool)>,
}

impl Doc<'_> {
    pub(super) fn fold(&self, k: usize) -> &str {
        let (a, b) = self.toks[k].fold;
        &self.folds[a as usize..b as usize]
    }

    /// The folds of tokens `[s, e)` joined by single spaces.
    pub(super) fn phrase(&self, s: usize, e: usize) -> &str {
        &self.folds[self.toks[s].fold.0 as usize..self.toks[e - 1].fold.1 as usize]
    }
}

/// Whether a folded word is a regnal number as running text writes one: a
/// roman numeral from II to XXXIX ("Mohammed VI", "John XXIII"). "I" is
/// the pronoun; numerals with an L ("L", "XL", "Li") are sizes and
/// surnames.
pub(super) fn regnal(f: &str) -> bool {
    roman_value(f).is_some_and(|v| (2..40).contains(&v))
}

/// Whether the whitespace-delimited chunk is a URL or an e-mail address.
pub(super) fn is_link(chunk: &str) -> bool {
    if !chunk.bytes().any(|b| matches!(b, b':' | b'@' | b'.')) {
        return false;
    }
    chunk.contains("://")
        || chunk.starts_with("www.")
        || chunk.contains("www.")
        || chunk
            .find('@')
            .is_some_and(|i| i > 0 && chunk[i + 1..].contains('.'))
}

/// Whether a line is a headline: short, with no sentence punctuation at
/// the end, not a tag list, and followed by more text.
pub(super) fn is_headline(line: &str, has_more: bool) -> bool {
    let t = line.trim();
    if t.is_empty() || !has_more {
        return false;
    }
    // The cheap tests first: most lines are sentences.
    let last = t.chars().last().unwrap_or('.');
    if matches!(
        last,
        '.' | '!' | '?' | '"' | '”' | '’' | '\'' | ':' | ';' | ','
    ) {
        return false;
    }
    if t.split_whitespace().nth(14).is_some() {
        return false;
    }
    // The tag names are lower-case ASCII.
    !t.split_once(':').is_some_and(|(head, _)| {
        TAG_LINES
            .iter()
            .any(|x| x.eq_ignore_ascii_case(head.trim()))
    })
}

/// Whether a line is a headline written in title case ("Morocco, Rwanda
/// Sign Defence Pact"), whose capitalised words are no names: a
/// [headline](is_headline) with no lower-case word of four letters or more,
/// no digit, no bracket and no " - " or ":" between parts (results, lists
/// and "Minister - Name" lines), and not in capitals throughout.
pub(super) fn is_title_case_headline(line: &str, has_more: bool) -> bool {
    if !is_headline(line, has_more) {
        return false;
    }
    let t = line.trim();
    if t.bytes()
        .any(|b| b.is_ascii_digit() || matches!(b, b'(' | b'[' | b':'))
        || t.contains(" - ")
        || is_caps_line(t)
    {
        return false;
    }
    !t.split(|c: char| !c.is_alphabetic())
        .any(|w| w.chars().count() >= 4 && w.chars().next().is_some_and(char::is_lowercase))
}

/// Whether a line is written in capitals: at least two words of two
/// letters or more, and no lower-case letter.
pub(super) fn is_caps_line(line: &str) -> bool {
    // An ASCII lower-case letter settles it: most lines have one early.
    if line.bytes().any(|b| b.is_ascii_lowercase()) {
        return false;
    }
    let mut words = 0;
    for w in line.split(|c: char| !c.is_alphabetic()) {
        if w.chars().any(char::is_lowercase) {
            return false;
        }
        if w.chars().count() >= 2 {
            words += 1;
        }
    }
    words >= 2
}

/// A possessive written apart, as tokenised corpora write it ("Okafor 's"):
/// the "s" after a lone apostrophe marks the word before as possessive and
/// is no token of its own.
fn spaced_possessives(text: &str, toks: &mut Vec<Tok>) {
    let bytes = text.as_bytes();
    let mut drop = false;
    for k in 1..toks.len() {
        let t = &toks[k];
        if t.end - t.start != 1 || !matches!(bytes[t.start], b's' | b'S') {
            continue;
        }
        let before = text[..t.start].trim_end_matches(['\'', '’']);
        let apostrophes = t.start - before.len();
        if apostrophes == 0 || !before.ends_with(char::is_whitespace) {
            continue;
        }
        let prev_end = toks[k - 1].end;
        if before.trim_end().len() != prev_end {
            continue;
        }
        toks[k - 1].poss = true;
        toks[k].fold = (0, 0);
        drop = true;
    }
    if drop {
        // The next word's gap stays what it was after the "s".
        toks.retain(|t| t.fold != (0, 0));
    }
}

pub(super) fn new_tok(text: &str, start: usize, end: usize, gap: Gap, folds: &mut String) -> Tok {
    let w = &text[start..end];
    let wb = w.as_bytes();
    if !wb.is_empty() && wb.iter().all(u8::is_ascii_alphanumeric) {
        // Plain ASCII letters and digits: the fold is the lower-case word.
        let mut up = 0u32;
        let mut lo = 0u32;
        let mut digits = 0u32;
        for &b in wb {
            up += b.is_ascii_uppercase() as u32;
            lo += b.is_ascii_lowercase() as u32;
            digits += b.is_ascii_digit() as u32;
        }
        folds.push(' ');
        let a = folds.len();
        folds.push_str(w);
        folds[a..].make_ascii_lowercase();
        debug_assert_eq!(&folds[a..], fold::fold_token(w));
        return Tok {
            start,
            end,
            fold: (a as u32, folds.len() as u32),
            gap,
            cap: wb[0].is_ascii_uppercase(),
            lower: wb[0].is_ascii_lowercase(),
            upper: up >= 2 && lo == 0,
            digit: digits > 0,
            dotted: false,
            poss: false,
            letters: up + lo,
            title: None,
            caps_line: false,
        };
    }
    let mut up = 0u32;
    let mut lo = 0u32;
    let mut digit = false;
    if w.is_ascii() {
        for b in w.bytes() {
            up += b.is_ascii_uppercase() as u32;
            lo += b.is_ascii_lowercase() as u32;
            digit |= b.is_ascii_digit();
        }
    } else {
        for c in w.chars() {
            if c.is_uppercase() {
                up += 1;
            } else if c.is_lowercase() {
                lo += 1;
            } else if c.is_numeric() {
                digit = true;
            }
        }
    }
    let first = w.chars().next().unwrap_or(' ');
    // Folds are stored one space apart, so that the folds of a range of
    // tokens joined by spaces is a slice.
    folds.push(' ');
    let a = folds.len();
    fold::fold_token_into(w, folds);
    Tok {
        start,
        end,
        fold: (a as u32, folds.len() as u32),
        gap,
        cap: first.is_uppercase() || (first.is_alphabetic() && !first.is_lowercase() && up > 0),
        lower: first.is_lowercase(),
        upper: up >= 2 && lo == 0,
        digit,
        dotted: false,
        poss: false,
        letters: up + lo,
        title: None,
        caps_line: false,
    }
}

/// [`ASCII_CLASS`] of an ASCII digit.
const DIGIT: u8 = 1;
/// [`ASCII_CLASS`] of an ASCII lower-case letter.
const LOWER: u8 = 2;
/// [`ASCII_CLASS`] of an ASCII upper-case letter.
const UPPER: u8 = 3;

/// Byte → [`DIGIT`], [`LOWER`], [`UPPER`], or 0 for every other byte
/// (non-ASCII bytes too): one load per byte of a word.
static ASCII_CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = if c.is_ascii_digit() {
            DIGIT
        } else if c.is_ascii_lowercase() {
            LOWER
        } else if c.is_ascii_uppercase() {
            UPPER
        } else {
            0
        };
        b += 1;
    }
    t
};

/// The character at byte `i` of `s` and its length, with a shortcut for
/// ASCII.
#[inline]
pub(super) fn char_at(s: &str, i: usize) -> (char, usize) {
    let b = s.as_bytes()[i];
    if b < 0x80 {
        return (b as char, 1);
    }
    let c = s[i..].chars().next().unwrap_or(' ');
    (c, c.len_utf8())
}

/// The byte length of the whitespace-delimited chunk at the start of `s`,
/// and whether it could be a link (holds ':', '@' or '.').
pub(super) fn chunk_len(s: &str) -> (usize, bool) {
    let bytes = s.as_bytes();
    let mut i = 0;
    let mut marks = false;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            if (b as char).is_whitespace() {
                break;
            }
            marks |= matches!(b, b':' | b'@' | b'.');
            i += 1;
        } else {
            let (c, n) = char_at(s, i);
            if c.is_whitespace() {
                break;
            }
            i += n;
        }
    }
    (i, marks)
}

/// Splits the text into word tokens, with gaps, possessives and skipped
/// regions (links, headlines).
pub(super) fn tokenize<'a>(text: &'a str, lex: &Lexicon) -> Doc<'a> {
    // Text tokenised with spaces around punctuation holds about a token
    // per five bytes: room for one per four spares growing the vector.
    let mut toks: Vec<Tok> = Vec::with_capacity(text.len() / 4 + 8);
    let mut folds = String::with_capacity(text.len() + text.len() / 6);
    let mut cuts = Vec::new();
    // Where the last alphanumeric character starts: a line has more text
    // after it when that is past the line's end.
    let last_alnum = text
        .char_indices()
        .rev()
        .find(|&(_, c)| c.is_alphanumeric())
        .map(|(i, _)| i);
    // Line by line, for headlines; chunk by chunk, for links.
    let mut line_start = 0usize;
    let bytes = text.as_bytes();
    let mut gap = Gap::Break;
    while line_start < text.len() {
        let line_end = memchr_nl(bytes, line_start);
        let line = &text[line_start..line_end];
        let more = last_alnum.is_some_and(|p| p >= line_end);
        if is_title_case_headline(line, more) {
            gap = Gap::Break;
            line_start = line_end + 1;
            continue;
        }
        let line_first_tok = toks.len();
        let lb = line.as_bytes();
        // Gap state: what has been seen since the last token.
        let mut seen_space = false;
        let mut seen_other = false;
        let mut hyphens = 0u32;
        let mut comma = false;
        let mut amp = false;
        let mut dot_first = false;
        let mut any = false;
        // A link holds "://", "www." or "@": a line with no colon, no
        // at sign and no "www." has none, and its chunks are not checked.
        let mut chunk_checked_to =
            if memchr::memchr2(b':', b'@', lb).is_some() || WWW.find(lb).is_some() {
                0usize
            } else {
                usize::MAX
            };
        let mut i = 0usize;
        while i < lb.len() {
            let b = lb[i];
            // Lower-case ASCII letters after a space: the common case, a
            // word with no link to check once its chunk is known.
            let (c, clen) = if b < 0x80 {
                (b as char, 1)
            } else {
                char_at(line, i)
            };
            let abs = line_start + i;
            // Links: check each whitespace-delimited chunk once.
            if i >= chunk_checked_to && !c.is_whitespace() {
                let (len, marks) = chunk_len(&line[i..]);
                chunk_checked_to = i + len;
                if marks && is_link(&line[i..i + len]) {
                    i += len;
                    seen_other = true;
                    any = true;
                    continue;
                }
            }
            let starts_word = if b < 0x80 {
                b.is_ascii_alphanumeric()
            } else {
                is_word_char(c)
            };
            if !starts_word {
                i += clen;
                any = true;
                if c.is_whitespace() {
                    seen_space = true;
                } else if is_hyphen(c) && !seen_space {
                    hyphens += 1;
                } else if c == ',' {
                    comma = true;
                } else if c == '&' {
                    amp = true;
                } else if c == '.' && !seen_space && !seen_other && hyphens == 0 && !comma {
                    dot_first = true;
                } else {
                    seen_other = true;
                }
                continue;
            }
            // A word: letters, digits, inner apostrophes and full stops.
            let start = abs;
            let mut j = i + clen;
            let mut end = line_start + j;
            let mut dotted = false;
            let mut poss = false;
            // ASCII throughout, and no capital after the first letter: no
            // camel-case split to look for.
            let mut ascii = b < 0x80;
            let mut inner_cap = false;
            let mut digits = b.is_ascii_digit() as u32;
            let mut apostrophe = false;
            while j < lb.len() {
                // Lower-case ASCII letters, most bytes of a word, change
                // nothing but the end.
                if lb[j].is_ascii_lowercase() {
                    j += 1;
                    while j < lb.len() && lb[j].is_ascii_lowercase() {
                        j += 1;
                    }
                    end = line_start + j;
                    continue;
                }
                let db = lb[j];
                let class = ASCII_CLASS[db as usize];
                if class != 0 {
                    inner_cap |= class == UPPER;
                    digits += (class == DIGIT) as u32;
                    j += 1;
                    end = line_start + j;
                    continue;
                }
                let (d, dlen) = char_at(line, j);
                if db >= 0x80 && is_word_char(d) {
                    ascii = false;
                    j += dlen;
                    end = line_start + j;
                    continue;
                }
                if fold::is_apostrophe(d) || d == '.' {
                    let after = &line[j + dlen..];
                    let mut ac = after.chars();
                    let n1 = ac.next();
                    if fold::is_apostrophe(d) {
                        let n2 = ac.next();
                        let s_end =
                            matches!(n1, Some('s') | Some('S')) && !n2.is_some_and(is_word_char);
                        if s_end {
                            // Possessive 's: consumed, not part of the word.
                            j += dlen + 1;
                            poss = true;
                            break;
                        }
                        if !n1.is_some_and(is_word_char) {
                            // Plural possessive (Philips') or a closing quote.
                            break;
                        }
                        ascii &= db < 0x80;
                        apostrophe = true;
                        j += dlen;
                        end = line_start + j;
                        continue;
                    }
                    if n1.is_some_and(|x| x.is_alphabetic()) {
                        j += 1;
                        end = line_start + j;
                        dotted = true;
                        continue;
                    }
                    if dotted {
                        // The closing dot of "U.S." belongs to the word.
                        j += 1;
                        end = line_start + j;
                    }
                }
                break;
            }
            i = j;
            let g = if !any {
                gap
            } else if seen_other || (hyphens > 0 && (seen_space || comma)) || hyphens > 1 {
                Gap::Break
            } else if dot_first {
                Gap::Dot
            } else if comma {
                Gap::Comma
            } else if amp {
                Gap::Amp
            } else if hyphens == 1 {
                Gap::Hyphen
            } else {
                Gap::Space
            };
            let g = if toks.is_empty() { Gap::Break } else { g };
            if dotted {
                let mut t = new_tok(text, start, end, g, &mut folds);
                t.dotted = true;
                t.poss = poss;
                toks.push(t);
            } else if ascii && !inner_cap && !apostrophe {
                // ASCII letters and digits, no capital after the first: the
                // fold is the word with its first letter lowered.
                let w = &text[start..end];
                folds.push(' ');
                let a = folds.len();
                folds.push_str(w);
                folds[a..a + 1].make_ascii_lowercase();
                debug_assert_eq!(&folds[a..], fold::fold_token(w));
                let letters = w.len() as u32 - digits;
                let up = b.is_ascii_uppercase() as u32;
                toks.push(Tok {
                    start,
                    end,
                    fold: (a as u32, folds.len() as u32),
                    gap: g,
                    cap: up == 1,
                    lower: b.is_ascii_lowercase(),
                    upper: up >= 2 && letters == up,
                    digit: digits > 0,
                    dotted: false,
                    poss,
                    letters,
                    title: None,
                    caps_line: false,
                });
            } else if ascii && !inner_cap {
                let mut t = new_tok(text, start, end, g, &mut folds);
                t.poss = poss;
                toks.push(t);
            } else {
                let w = &text[start..end];
                camel_cuts(w, &mut cuts);
                let mut a = start;
                for (m, &cut) in cuts.iter().chain(std::iter::once(&w.len())).enumerate() {
                    let b = start + cut;
                    let t = new_tok(text, a, b, if m == 0 { g } else { Gap::Glued }, &mut folds);
                    toks.push(t);
                    a = b;
                }
                if let Some(t) = toks.last_mut() {
                    t.poss = poss;
                }
            }
            seen_space = false;
            seen_other = false;
            hyphens = 0;
            comma = false;
            amp = false;
            dot_first = false;
            any = false;
            gap = Gap::Space;
        }
        if is_caps_line(line) {
            for t in &mut toks[line_first_tok..] {
                t.caps_line = true;
            }
        }
        // The end of a line breaks.
        gap = Gap::Break;
        line_start = line_end + 1;
    }
    spaced_possessives(text, &mut toks);
    let mut doc = Doc {
        text,
        toks,
        folds,
        titles: Vec::new(),
    };
    resolve_dots(&mut doc, lex);
    doc
}

/// The searcher for "www." in a line, built once.
static WWW: Lazy<memchr::memmem::Finder<'static>> =
    Lazy::new(|| memchr::memmem::Finder::new(b"www."));

pub(super) fn memchr_nl(bytes: &[u8], from: usize) -> usize {
    memchr::memchr(b'\n', &bytes[from..]).map_or(bytes.len(), |p| from + p)
}

/// A full stop after an initial, a dotted word or a known abbreviation
/// ("Gen.", "Jan.") joins; after anything else it ends the sentence.
pub(super) fn resolve_dots(doc: &mut Doc<'_>, lex: &Lexicon) {
    for k in 1..doc.toks.len() {
        if doc.toks[k].gap != Gap::Dot {
            continue;
        }
        let p = &doc.toks[k - 1];
        let f = doc.fold(k - 1);
        let joins = (p.letters == 1 && p.cap)
            || p.dotted
            || (((lex.title_first_bloom.may_contain(f) && lex.title_first.contains(f))
                || ABBREVIATIONS.contains(&f))
                && p.letters <= 5
                && !p.lower);
        doc.toks[k].gap = if joins { Gap::Space } else { Gap::Break };
    }
}

/// Lower-case words of the document, folded: a capitalised word that also
/// occurs in lower case is probably a common word.
pub(super) fn lower_words<'d>(doc: &'d Doc<'_>) -> FxHashSet<&'d str> {
    // Only words that are also written capitalised matter: a Bloom filter
    // of the capitalised words keeps most lower-case words out of the
    // hash sets, and one of the candidates keeps most capitalised words out.
    let caps = |t: &Tok| t.cap && t.letters >= 3;
    let lower = |t: &Tok| t.lower && t.letters >= 3 && !matches!(t.gap, Gap::Hyphen | Gap::Glued);
    let mut cap_bloom = Bloom::with_capacity(doc.toks.len() / 4);
    for (k, t) in doc.toks.iter().enumerate() {
        if caps(t) {
            cap_bloom.insert(doc.fold(k));
        }
    }
    let mut cands: FxHashSet<&str> = FxHashSet::default();
    for (k, t) in doc.toks.iter().enumerate() {
        if lower(t) {
            let f = doc.fold(k);
            if cap_bloom.may_contain(f) {
                cands.insert(f);
            }
        }
    }
    let mut set = FxHashSet::default();
    if cands.is_empty() {
        return set;
    }
    let mut cand_bloom = Bloom::with_capacity(cands.len());
    for f in &cands {
        cand_bloom.insert(f);
    }
    for (k, t) in doc.toks.iter().enumerate() {
        if caps(t) {
            let f = doc.fold(k);
            if cand_bloom.may_contain(f) && cands.contains(f) {
                set.insert(f);
            }
        }
    }
    set
}
