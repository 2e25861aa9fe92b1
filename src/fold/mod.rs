//! Text folding: compatibility normalisation, the ASCII comparison form and
//! transliteration of non-Latin scripts.
//!
//! This is the first step of the data path. Everything that compares names
//! compares the *folded* form produced here: ASCII, lower case, letters and
//! digits only.
//!
//! Folding works one token at a time and dispatches on script:
//!
//! * **Latin** letters go through a precomputed table covering Latin-1,
//!   Latin Extended-A/B and the IPA block (accents removed, `ß`→`ss`,
//!   `æ`→`ae`, `ø`→`o`, `ł`→`l`, …). Rarer characters are decomposed with
//!   NFKD and looked up again, so full-width and other compatibility forms
//!   fold to their plain letters.
//! * **Cyrillic** is romanised the way English-language news spells names,
//!   with separate conventions for Russian, Ukrainian, Belarusian, Serbian
//!   and Kazakh (see [`CyrillicStyle`]).
//! * **Greek** uses modern pronunciation (`β`→`v`, `ευ`→`ev`/`ef`, `μπ`→`b`).
//! * **Arabic and Persian** script first consults a small table of common
//!   names (`data/arabic_names.tsv`), then falls back to a vowel-restoring
//!   heuristic that honours any vowel marks that are written.
//! * **Hebrew** uses a small table of common names and a similar heuristic.
//! * **Han**, **Kana** and **Hangul** use per-character romanisation (pinyin
//!   without tones, Revised Romanisation); see [`han_syllables`] for the
//!   per-syllable split.
//! * Everything else falls back to per-character ASCII transliteration.

use std::borrow::Cow;

use unicode_normalization::{is_nfkc_quick, IsNormalized, UnicodeNormalization};

mod abjad;
mod arabic;
mod cjk;
mod cyrillic;
mod greek;
mod hebrew;
mod latin;

pub use cjk::han_syllables;
pub(crate) use cyrillic::stronger_style;
pub use cyrillic::{cyrillic_style, CyrillicStyle};

use arabic::fold_arabic;
use cyrillic::fold_cyrillic;
use greek::fold_greek;
use hebrew::fold_hebrew;
use latin::{fold_rare, push_ascii_lower, push_ascii_token, push_latin, ASCII_FOLD, LATIN_END};

// ---------------------------------------------------------------------------
// Scripts
// ---------------------------------------------------------------------------

/// The writing systems that folding distinguishes.
///
/// ```
/// use canonym::fold::{script_of, Script};
/// assert_eq!(script_of('é'), Script::Latin);
/// assert_eq!(script_of('Ж'), Script::Cyrillic);
/// assert_eq!(script_of('习'), Script::Han);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Script {
    /// Latin letters, plus ASCII, Latin-1 punctuation and combining
    /// diacritics, which are shared by every script.
    Latin,
    /// Cyrillic, including the extensions used by Ukrainian, Serbian,
    /// Kazakh and other languages.
    Cyrillic,
    /// Greek and Coptic, including polytonic Greek.
    Greek,
    /// Arabic script, including Persian and Urdu letters and presentation
    /// forms.
    Arabic,
    /// Hebrew, including points and presentation forms.
    Hebrew,
    /// Han ideographs (Chinese characters, kanji, hanja).
    Han,
    /// Korean Hangul syllables and jamo.
    Hangul,
    /// Japanese Hiragana and Katakana.
    Kana,
    /// Any other script, and script-neutral characters outside Latin-1.
    Other,
}

/// Returns the script `c` belongs to, by Unicode block.
///
/// ASCII and Latin-1 characters (including digits and punctuation) and the
/// combining diacritical marks U+0300–U+036F report [`Script::Latin`];
/// other characters that belong to no particular script report
/// [`Script::Other`].
///
/// ```
/// use canonym::fold::{script_of, Script};
/// assert_eq!(script_of('A'), Script::Latin);
/// assert_eq!(script_of('β'), Script::Greek);
/// assert_eq!(script_of('م'), Script::Arabic);
/// assert_eq!(script_of('ש'), Script::Hebrew);
/// assert_eq!(script_of('김'), Script::Hangul);
/// assert_eq!(script_of('か'), Script::Kana);
/// assert_eq!(script_of('क'), Script::Other);
/// ```
#[inline]
pub fn script_of(c: char) -> Script {
    // The common blocks first, in code point order.
    let cp = c as u32;
    if cp < 0x0370 {
        return Script::Latin;
    }
    if cp < 0x0400 {
        return Script::Greek;
    }
    if cp < 0x0530 {
        return Script::Cyrillic;
    }
    if (0x0591..0x0600).contains(&cp) {
        return Script::Hebrew;
    }
    if (0x0600..0x0700).contains(&cp) {
        return Script::Arabic;
    }
    script_of_rare(cp)
}

fn script_of_rare(cp: u32) -> Script {
    match cp {
        0x0000..=0x036F
        | 0x1D00..=0x1DBF
        | 0x1E00..=0x1EFF
        | 0x2C60..=0x2C7F
        | 0xA720..=0xA7FF
        | 0xAB30..=0xAB6F
        | 0xFB00..=0xFB06
        | 0xFF21..=0xFF3A
        | 0xFF41..=0xFF5A => Script::Latin,
        0x0370..=0x03FF | 0x1F00..=0x1FFF => Script::Greek,
        0x0400..=0x052F | 0x1C80..=0x1C8F | 0x2DE0..=0x2DFF | 0xA640..=0xA69F => Script::Cyrillic,
        0x0591..=0x05FF | 0xFB1D..=0xFB4F => Script::Hebrew,
        0x0600..=0x06FF
        | 0x0750..=0x077F
        | 0x0870..=0x08FF
        | 0xFB50..=0xFDFF
        | 0xFE70..=0xFEFF
        | 0x10E60..=0x10E7F
        | 0x1EE00..=0x1EEFF => Script::Arabic,
        0x2E80..=0x2FDF
        | 0x3005
        | 0x3007
        | 0x3021..=0x3029
        | 0x3038..=0x303B
        | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xF900..=0xFAFF
        | 0x20000..=0x323AF => Script::Han,
        0x1100..=0x11FF | 0x3130..=0x318F | 0xA960..=0xA97F | 0xAC00..=0xD7FF | 0xFFA0..=0xFFDC => {
            Script::Hangul
        }
        0x3040..=0x30FF | 0x31F0..=0x31FF | 0xFF66..=0xFF9F | 0x1B000..=0x1B16F => Script::Kana,
        _ => Script::Other,
    }
}

/// Returns `true` if `s` contains no letters from a script other than
/// Latin. Digits, punctuation and symbols are ignored.
///
/// ```
/// use canonym::fold::is_latin_or_common;
/// assert!(is_latin_or_common("Jean-Pierre Müller 3rd"));
/// assert!(!is_latin_or_common("Jean Путин"));
/// assert!(!is_latin_or_common("习近平"));
/// ```
pub fn is_latin_or_common(s: &str) -> bool {
    s.is_ascii()
        || s.chars()
            .all(|c| c.is_ascii() || !c.is_alphabetic() || script_of(c) == Script::Latin)
}

/// Returns `true` for apostrophes and the marks that transliterations use
/// for hamza, ayin and soft signs: `'` `’` `‘` `ʿ` `ʾ` `` ` `` `´` `ʼ`
/// `ʻ` `ʹ` `′` `׳` and similar. They are dropped when folding.
///
/// ```
/// use canonym::fold::is_apostrophe;
/// assert!(is_apostrophe('’'));
/// assert!(is_apostrophe('ʿ'));
/// assert!(!is_apostrophe('-'));
/// ```
pub fn is_apostrophe(c: char) -> bool {
    matches!(
        c,
        '\'' | '`'
            | '\u{00B4}' // ´ acute accent
            | '\u{02B9}' // ʹ modifier prime
            | '\u{02BB}' // ʻ turned comma (okina)
            | '\u{02BC}' // ʼ modifier apostrophe
            | '\u{02BD}' // ʽ reversed comma
            | '\u{02BE}' // ʾ right half ring (hamza)
            | '\u{02BF}' // ʿ left half ring (ayin)
            | '\u{02C8}' // ˈ vertical line
            | '\u{02CA}' // ˊ modifier acute
            | '\u{02CB}' // ˋ modifier grave
            | '\u{0374}' // ʹ Greek numeral sign
            | '\u{055A}' // ՚ Armenian apostrophe
            | '\u{05F3}' // ׳ Hebrew geresh
            | '\u{2018}' // ‘
            | '\u{2019}' // ’
            | '\u{201B}' // ‛
            | '\u{2032}' // ′ prime
            | '\u{A78B}' // Ꞌ saltillo
            | '\u{A78C}' // ꞌ
            | '\u{FF07}' // ＇ full-width apostrophe
    )
}

// ---------------------------------------------------------------------------
// Normalisation
// ---------------------------------------------------------------------------

/// NFKC-normalises `s` (compatibility forms such as full-width letters or
/// ligatures become their plain equivalents). Borrowed when nothing changes;
/// ASCII and already-normalised text are recognised without allocating.
///
/// ```
/// assert_eq!(canonym::fold::nfkc("Ｍａｒｋ"), "Mark");
/// assert!(matches!(canonym::fold::nfkc("Müller"), std::borrow::Cow::Borrowed(_)));
/// ```
pub fn nfkc(s: &str) -> Cow<'_, str> {
    if s.is_ascii() || s.chars().all(nfkc_stable) || is_nfkc_quick(s.chars()) == IsNormalized::Yes {
        return Cow::Borrowed(s);
    }
    let n: String = s.nfkc().collect();
    if n == s {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(n)
    }
}

/// Common characters that NFKC leaves alone whatever their neighbours:
/// ASCII, the Latin-1 and Latin Extended-A letters without compatibility
/// decompositions, and the basic Greek, Cyrillic, Hebrew, Arabic (with the
/// Persian and Urdu letters) and Georgian letters, CJK ideographs and
/// Hangul syllables. All have combining class
/// 0, so a string of them is normalised (checked by a unit test); a cheap
/// test before the general quick check.
#[inline]
fn nfkc_stable(c: char) -> bool {
    matches!(
        c as u32,
        0x00..=0x9F
            | 0xC0..=0x131
            | 0x134..=0x13E
            | 0x141..=0x148
            | 0x14A..=0x17E
            | 0x391..=0x3A1
            | 0x3A3..=0x3CE
            | 0x400..=0x45F
            | 0x5D0..=0x5EA
            | 0x621..=0x63A
            | 0x641..=0x64A
            | 0x679..=0x6D3
            | 0x10D0..=0x10FA
            | 0x4E00..=0x9FFF
            | 0xAC00..=0xD7A3
    )
}

/// Characters whose meaning for folding depends on composition with their
/// neighbours (combining marks, conjoining jamo, Arabic and Hebrew
/// presentation forms). A token containing one is NFKC-normalised first.
#[inline]
fn needs_composition(c: char) -> bool {
    matches!(
        c as u32,
        0x0300..=0x036F
            | 0x1100..=0x11FF
            | 0x3130..=0x318F
            | 0xFB1D..=0xFDFF
            | 0xFE70..=0xFEFF
            | 0xFF65..=0xFFDC
    )
}

// ---------------------------------------------------------------------------
// Token folding
// ---------------------------------------------------------------------------

/// Appends the comparison form of one token to `out`: ASCII lower-case
/// letters and digits only, transliterated from the token's script.
/// Punctuation and apostrophes inside the token are dropped.
///
/// ```
/// let mut out = String::new();
/// canonym::fold::fold_token_into("Juvénal", &mut out);
/// assert_eq!(out, "juvenal");
/// out.clear();
/// canonym::fold::fold_token_into("Владимир", &mut out);
/// assert_eq!(out, "vladimir");
/// ```
pub fn fold_token_into(token: &str, out: &mut String) {
    fold_token_into_with(token, None, out);
}

/// Like [`fold_token_into`], but romanises Cyrillic with the given
/// convention instead of guessing it from the token alone. Use
/// [`cyrillic_style`] on the whole name to pick it, so that every token of
/// a Ukrainian name gets Ukrainian rules even when only one of them shows a
/// Ukrainian letter. `None` guesses per token.
///
/// ```
/// use canonym::fold::{fold_token_into_with, CyrillicStyle};
/// let mut out = String::new();
/// fold_token_into_with("Юлия", Some(CyrillicStyle::Russian), &mut out);
/// assert_eq!(out, "yuliya");
/// out.clear();
/// fold_token_into_with("Сергий", Some(CyrillicStyle::Ukrainian), &mut out);
/// assert_eq!(out, "serhyi");
/// ```
pub fn fold_token_into_with(token: &str, cyrillic: Option<CyrillicStyle>, out: &mut String) {
    if token.is_ascii() {
        push_ascii_token(token.as_bytes(), out);
        return;
    }
    let start = out.len();
    if !fold_str(token, cyrillic, false, out) {
        // The token contains characters that compose with their neighbours:
        // start again on its NFKC form.
        out.truncate(start);
        let n = nfkc(token);
        fold_str(&n, cyrillic, true, out);
    }
}

/// Returns the comparison form of one token. See [`fold_token_into`].
///
/// ```
/// assert_eq!(canonym::fold::fold_token("Mas'ud"), "masud");
/// assert_eq!(canonym::fold::fold_token("Müller-Lüdenscheidt"), "mullerludenscheidt");
/// assert_eq!(canonym::fold::fold_token("محمد"), "muhammad");
/// assert_eq!(canonym::fold::fold_token("习近平"), "xijinping");
/// ```
pub fn fold_token(token: &str) -> String {
    let mut out = String::with_capacity(token.len() + 4);
    fold_token_into(token, &mut out);
    out
}

/// Folds `s` into `out`. Returns `false` (leaving partial output) if `s` was
/// not composed and contains a character that needs composition first.
fn fold_str(s: &str, cyrillic: Option<CyrillicStyle>, composed: bool, out: &mut String) -> bool {
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            let f = ASCII_FOLD[b as usize];
            if f != 0 {
                out.push(f as char);
            }
            i += 1;
            continue;
        }
        let Some(c) = s[i..].chars().next() else {
            break;
        };
        let cp = c as u32;
        if cp < LATIN_END {
            push_latin(cp, out);
            i += c.len_utf8();
            continue;
        }
        if !composed && needs_composition(c) {
            return false;
        }
        i = match script_of(c) {
            Script::Cyrillic => fold_cyrillic(s, i, cyrillic, out),
            Script::Greek => fold_greek(s, i, out),
            Script::Arabic => fold_arabic(s, i, out),
            Script::Hebrew => fold_hebrew(s, i, out),
            Script::Han | Script::Hangul | Script::Kana => {
                push_ascii_lower(any_ascii::any_ascii_char(c), out);
                i + c.len_utf8()
            }
            Script::Latin | Script::Other => {
                fold_rare(c, out);
                i + c.len_utf8()
            }
        };
    }
    true
}

/// Whether `c` continues a run of `script`: a character of the script, a
/// combining mark, a joiner or an apostrophe.
#[inline]
fn in_run(c: char, script: Script) -> bool {
    script_of(c) == script
        || matches!(c as u32, 0x0300..=0x036F | 0x200C | 0x200D)
        || is_apostrophe(c)
}

/// The characters of the run of `script` that starts at byte `start` of `s`.
/// When the iterator is done, `end` holds the byte offset where the run ends.
fn run_chars<'a>(
    s: &'a str,
    start: usize,
    script: Script,
    end: &'a mut usize,
) -> impl Iterator<Item = char> + 'a {
    *end = s.len();
    s[start..].char_indices().map_while(move |(off, c)| {
        if in_run(c, script) {
            Some(c)
        } else {
            *end = start + off;
            None
        }
    })
}

/// A vector that keeps its first `N` items on the stack, so that the script
/// folders can look ahead and behind without allocating for names of normal
/// length.
struct SmallBuf<T: Copy + Default, const N: usize> {
    arr: [T; N],
    len: usize,
    spill: Vec<T>,
}

impl<T: Copy + Default, const N: usize> SmallBuf<T, N> {
    #[inline(always)]
    fn new() -> Self {
        SmallBuf {
            arr: [T::default(); N],
            len: 0,
            spill: Vec::new(),
        }
    }

    /// The characters of the run of `script` at byte `start` of `s` that
    /// `item` keeps, as it maps them; sets `end` to the run's end.
    #[inline(always)]
    fn run(
        s: &str,
        start: usize,
        script: Script,
        end: &mut usize,
        item: impl Fn(char) -> Option<T>,
    ) -> Self {
        let mut buf = Self::new();
        for c in run_chars(s, start, script, end) {
            if let Some(x) = item(c) {
                buf.push(x);
            }
        }
        buf
    }

    #[inline]
    fn push(&mut self, x: T) {
        if self.len < N {
            self.arr[self.len] = x;
            self.len += 1;
        } else {
            if self.spill.is_empty() {
                self.spill.reserve(2 * N);
                self.spill.extend_from_slice(&self.arr);
            }
            self.spill.push(x);
        }
    }

    fn as_mut_slice(&mut self) -> &mut [T] {
        if self.spill.is_empty() {
            &mut self.arr[..self.len]
        } else {
            &mut self.spill
        }
    }

    fn last_mut(&mut self) -> Option<&mut T> {
        self.as_mut_slice().last_mut()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn nfkc_stable_characters_are_normalised() {
        use unicode_normalization::char::canonical_combining_class;
        for c in (0..0x10000u32)
            .filter_map(char::from_u32)
            .filter(|&c| nfkc_stable(c))
        {
            assert_eq!(canonical_combining_class(c), 0, "{c:?}");
            assert_eq!(
                is_nfkc_quick(std::iter::once(c)),
                IsNormalized::Yes,
                "{c:?}"
            );
            let n: String = std::iter::once(c).nfkc().collect();
            assert_eq!(n, c.to_string(), "{c:?}");
        }
    }

    fn f(s: &str) -> String {
        fold_token(s)
    }

    #[test]
    fn other_scripts() {
        assert_eq!(f("नरेन्द्र"), "nrndr");
        assert_eq!(f("Շառլ"), "sharrl");
        assert_eq!(f("თბილისი"), "tbilisi");
    }

    #[test]
    fn mixed_script_token() {
        assert_eq!(f("Putin-Путин"), "putinputin");
        assert_eq!(f("Ali/علي"), "aliali");
    }

    #[test]
    fn scripts() {
        assert_eq!(script_of('a'), Script::Latin);
        assert_eq!(script_of('ß'), Script::Latin);
        assert_eq!(script_of('ɛ'), Script::Latin);
        assert_eq!(script_of('ễ'), Script::Latin);
        assert_eq!(script_of('Ж'), Script::Cyrillic);
        assert_eq!(script_of('ῷ'), Script::Greek);
        assert_eq!(script_of('ﻣ'), Script::Arabic);
        assert_eq!(script_of('پ'), Script::Arabic);
        assert_eq!(script_of('א'), Script::Hebrew);
        assert_eq!(script_of('平'), Script::Han);
        assert_eq!(script_of('은'), Script::Hangul);
        assert_eq!(script_of('ア'), Script::Kana);
        assert_eq!(script_of('ქ'), Script::Other);
        assert!(is_latin_or_common("Ǿrsted, Ṭāhā 42!"));
        assert!(is_latin_or_common(""));
        assert!(!is_latin_or_common("ΑΒΓ"));
        assert!(!is_latin_or_common("José محمد"));
    }

    #[test]
    fn apostrophes() {
        for c in ['\'', '’', '‘', 'ʿ', 'ʾ', '`', '´', 'ʼ', 'ʻ', '׳'] {
            assert!(is_apostrophe(c), "{c:?}");
        }
        for c in ['a', '-', '"', ' ', '.'] {
            assert!(!is_apostrophe(c), "{c:?}");
        }
    }

    #[test]
    fn nfkc_borrows_when_normal() {
        assert!(matches!(nfkc("Juvénal"), Cow::Borrowed(_)));
        assert!(matches!(nfkc("abc"), Cow::Borrowed(_)));
        assert_eq!(nfkc("Ｍａｒｋ"), "Mark");
        assert_eq!(nfkc("e\u{301}"), "é");
        assert_eq!(nfkc("ﬁ"), "fi");
    }

    #[test]
    fn fold_appends() {
        let mut out = String::from("x");
        fold_token_into("Ñandú", &mut out);
        fold_token_into("Mu\u{0308}ller", &mut out);
        assert_eq!(out, "xnandumuller");
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn output_is_lower_ascii_alnum(s in any::<String>()) {
            let out = fold_token(&s);
            prop_assert!(out.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()), "{:?} -> {:?}", s, out);
        }

        #[test]
        fn folding_is_idempotent(s in any::<String>()) {
            let once = fold_token(&s);
            prop_assert_eq!(fold_token(&once), once);
        }

        #[test]
        fn script_mix_never_panics(s in "[a-zé'’ßЖжїΑαευمحمدًّאבּ习김ア\u{0301}\u{200C}٣]{0,40}") {
            let out = fold_token(&s);
            prop_assert!(out.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()));
            let _ = han_syllables(&s);
            let _ = cyrillic_style(&s);
        }

        #[test]
        fn long_tokens_spill_to_heap(s in "[жіαمא]{60,200}") {
            let out = fold_token(&s);
            prop_assert!(!out.is_empty());
        }


        #[test]
        fn nfkc_is_idempotent(s in any::<String>()) {
            let once = nfkc(&s).into_owned();
            prop_assert_eq!(nfkc(&once), once.as_str());
        }
    }
}
