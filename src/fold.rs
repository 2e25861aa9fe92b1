//! Text folding: compatibility normalisation, the ASCII comparison form and
//! transliteration of non-Latin scripts.
//!
//! This is the first step of the data path. Everything that compares names
//! compares the *folded* form produced here: ASCII, lower case, letters and
//! digits only.

use std::borrow::Cow;
use unicode_normalization::UnicodeNormalization;

/// NFKC-normalises `s` (compatibility forms such as full-width letters or
/// ligatures become their plain equivalents). Borrowed when nothing changes.
///
/// ```
/// assert_eq!(canonym::fold::nfkc("Ｍａｒｋ"), "Mark");
/// ```
pub fn nfkc(s: &str) -> Cow<'_, str> {
    if s.is_ascii() {
        return Cow::Borrowed(s);
    }
    let n: String = s.nfkc().collect();
    if n == s {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(n)
    }
}

/// Appends the comparison form of one token to `out`: ASCII lower-case
/// letters and digits only.
///
/// ```
/// let mut out = String::new();
/// canonym::fold::fold_token_into("Juvénal", &mut out);
/// assert_eq!(out, "juvenal");
/// ```
pub fn fold_token_into(token: &str, out: &mut String) {
    if token.is_ascii() {
        out.extend(
            token
                .bytes()
                .filter(u8::is_ascii_alphanumeric)
                .map(|b| b.to_ascii_lowercase() as char),
        );
        return;
    }
    for c in token.nfkd() {
        if c.is_ascii() {
            if c.is_ascii_alphanumeric() {
                out.push(c.to_ascii_lowercase());
            }
            continue;
        }
        if unicode_normalization::char::is_combining_mark(c) {
            continue;
        }
        let mut buf = [0u8; 4];
        for b in any_ascii::any_ascii(c.encode_utf8(&mut buf)).bytes() {
            if b.is_ascii_alphanumeric() {
                out.push(b.to_ascii_lowercase() as char);
            }
        }
    }
}

/// Returns the comparison form of one token. See [`fold_token_into`].
///
/// ```
/// assert_eq!(canonym::fold::fold_token("Mas'ud"), "masud");
/// ```
pub fn fold_token(token: &str) -> String {
    let mut out = String::with_capacity(token.len());
    fold_token_into(token, &mut out);
    out
}

/// The writing system of a character, as far as folding cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Script {
    /// Latin letters, digits and everything script-neutral.
    Latin,
    /// Cyrillic.
    Cyrillic,
    /// Greek.
    Greek,
    /// Arabic and Persian.
    Arabic,
    /// Hebrew.
    Hebrew,
    /// Chinese characters.
    Han,
    /// Korean.
    Hangul,
    /// Japanese kana.
    Kana,
    /// Anything else.
    Other,
}

/// The script of `c`.
pub fn script_of(c: char) -> Script {
    match c as u32 {
        0..=0x24F | 0x1E00..=0x1EFF => Script::Latin,
        0x370..=0x3FF | 0x1F00..=0x1FFF => Script::Greek,
        0x400..=0x52F => Script::Cyrillic,
        0x590..=0x5FF => Script::Hebrew,
        0x600..=0x6FF | 0x750..=0x77F | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF => Script::Arabic,
        0x3040..=0x30FF => Script::Kana,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF => Script::Han,
        0xAC00..=0xD7AF | 0x1100..=0x11FF => Script::Hangul,
        _ => Script::Other,
    }
}

/// Whether `c` is an apostrophe or a transliteration mark.
pub fn is_apostrophe(c: char) -> bool {
    matches!(
        c,
        '\'' | '’' | '‘' | 'ʿ' | 'ʾ' | '`' | '´' | 'ʼ' | 'ʻ' | '′'
    )
}

/// Per-character romanised syllables of a Han or Hangul token.
pub fn han_syllables(token: &str) -> Vec<String> {
    token
        .chars()
        .map(|c| fold_token(c.encode_utf8(&mut [0; 4])))
        .collect()
}
