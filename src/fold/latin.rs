//! Latin script: a precomputed table from U+0080 to U+02AF, ASCII folding,
//! and NFKD decomposition for rarer characters.

use unicode_normalization::char::{decompose_compatible, is_combining_mark};

use super::is_apostrophe;

const LATIN_START: u32 = 0x80;
pub(super) const LATIN_END: u32 = 0x2B0;
const LATIN_LEN: usize = (LATIN_END - LATIN_START) as usize;

/// Folded form of every character from U+0080 to U+02AF, 16 per row,
/// separated by spaces; `-` means the character is dropped. Derived from
/// NFKD with marks removed, falling back to the conventional transliteration
/// of letters that do not decompose (`ß` `ss`, `æ` `ae`, `ø` `o`, `ł` `l`,
/// `þ` `th`, `ŋ` `ng`, `ĸ` `q`, `ʒ` `z`, …). Checked against the
/// decomposition by a unit test.
const LATIN_SRC: &str = concat!(
    "- - - - - - - - - - - - - - - - ",          // U+0080 C1 controls
    "- - - - - - - - - - - - - - - - ",          // U+0090
    "- - - - - - - - - - a - - - - - ",          // U+00A0 NBSP .. ¯
    "- - 2 3 - m - - - 1 o - - - - - ",          // U+00B0 ° .. ¿
    "a a a a a a ae c e e e e i i i i ",         // U+00C0 À .. Ï
    "d n o o o o o - o u u u u y th ss ",        // U+00D0 Ð .. ß
    "a a a a a a ae c e e e e i i i i ",         // U+00E0 à .. ï
    "d n o o o o o - o u u u u y th y ",         // U+00F0 ð .. ÿ
    "a a a a a a c c c c c c c c d d ",          // U+0100 Ā .. ď
    "d d e e e e e e e e e e g g g g ",          // U+0110 Đ .. ğ
    "g g g g h h h h i i i i i i i i ",          // U+0120 Ġ .. į
    "i i ij ij j j k k q l l l l l l l ",        // U+0130 İ .. Ŀ
    "l l l n n n n n n n ng ng o o o o ",        // U+0140 ŀ .. ŏ
    "o o oe oe r r r r r r s s s s s s ",        // U+0150 Ő .. ş
    "s s t t t t t t u u u u u u u u ",          // U+0160 Š .. ů
    "u u u u w w y y y z z z z z z s ",          // U+0170 Ű .. ſ
    "b b b b b b o c c d d d d d e e ",          // U+0180 ƀ .. Ə
    "e f f g g hw i i k k l l w n n o ",         // U+0190 Ɛ .. Ɵ
    "o o gh gh p p r - - sh sh t t t t u ",      // U+01A0 Ơ .. Ư
    "u u v y y z z z z z z dz - - ts w ",        // U+01B0 ư .. ƿ
    "- - - - dz dz dz lj lj lj nj nj nj a a i ", // U+01C0 ǀ .. Ǐ
    "i o o u u u u u u u u u u e a a ",          // U+01D0 ǐ .. ǟ
    "a a ae ae g g g g k k o o o o z z ",        // U+01E0 Ǡ .. ǯ
    "j dz dz dz g g hw w n n a a ae ae o o ",    // U+01F0 ǰ .. ǿ
    "a a a a e e e e i i i i o o o o ",          // U+0200 Ȁ .. ȏ
    "r r r r u u u u s s t t y y h h ",          // U+0210 Ȑ .. ȟ
    "n d ou ou z z a a e e o o o o o o ",        // U+0220 Ƞ .. ȯ
    "o o y y l n t j db qp a c c l t s ",        // U+0230 Ȱ .. ȿ
    "z - - b u v e e j j q q r r y y ",          // U+0240 ɀ .. ɏ
    "a a a b o c d d e e er e e er o j ",        // U+0250 ɐ .. ɟ
    "g g g g u y h h i i i l l l lzh w ",        // U+0260 ɠ .. ɯ
    "w m n n n o oe u f r r r r r r i ",         // U+0270 ɰ .. ɿ
    "r r s sh j i sh t t u u v v w y y ",        // U+0280 ʀ .. ʏ
    "z z z z - - x q pc b oe g h j k l ",        // U+0290 ʐ .. ʟ
    "q - - dz dzh dz ts tsh tc fng ls lz ww - y y ", // U+02A0 ʠ .. ʯ
);

static LATIN: [[u8; 3]; LATIN_LEN] = parse_latin(LATIN_SRC);

const fn parse_latin(src: &str) -> [[u8; 3]; LATIN_LEN] {
    let b = src.as_bytes();
    let mut table = [[0u8; 3]; LATIN_LEN];
    let mut i = 0;
    let mut n = 0;
    while i < b.len() {
        if b[i] == b' ' {
            i += 1;
            continue;
        }
        assert!(n < LATIN_LEN, "too many entries in LATIN_SRC");
        let mut k = 0;
        while i < b.len() && b[i] != b' ' {
            if b[i] != b'-' {
                assert!(k < 3, "LATIN_SRC entry longer than 3 bytes");
                table[n][k] = b[i];
                k += 1;
            }
            i += 1;
        }
        n += 1;
    }
    assert!(n == LATIN_LEN, "too few entries in LATIN_SRC");
    table
}

/// Appends the table entry for a code point in `LATIN_START..LATIN_END`.
#[inline]
pub(super) fn push_latin(cp: u32, out: &mut String) {
    for &b in &LATIN[(cp - LATIN_START) as usize] {
        if b == 0 {
            break;
        }
        out.push(b as char);
    }
}

/// ASCII folding: lower-case letters and digits map to themselves, capitals
/// to lower case, everything else to 0 (dropped).
pub(super) static ASCII_FOLD: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if c.is_ascii_alphanumeric() {
            c.to_ascii_lowercase()
        } else {
            0
        };
        b += 1;
    }
    t
};

/// Appends the folded form of an all-ASCII token.
#[inline]
pub(super) fn push_ascii_token(bytes: &[u8], out: &mut String) {
    out.reserve(bytes.len());
    for &b in bytes {
        let f = ASCII_FOLD[(b & 0x7F) as usize];
        if f != 0 {
            out.push(char::from(f));
        }
    }
}

/// Appends the ASCII letters and digits of `s`, lower-cased.
#[inline]
pub(super) fn push_ascii_lower(s: &str, out: &mut String) {
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() {
            out.push(b.to_ascii_lowercase() as char);
        }
    }
}

/// Folds one character outside the table and outside the scripts with their
/// own rules: decompose (NFKD), then fold each part.
#[cold]
pub(super) fn fold_rare(c: char, out: &mut String) {
    if is_combining_mark(c) || is_apostrophe(c) {
        return;
    }
    decompose_compatible(c, |d| fold_simple(d, out));
}

fn fold_simple(d: char, out: &mut String) {
    let cp = d as u32;
    if cp < LATIN_START {
        if d.is_ascii_alphanumeric() {
            out.push(d.to_ascii_lowercase());
        }
    } else if cp < LATIN_END {
        push_latin(cp, out);
    } else if is_combining_mark(d) || is_apostrophe(d) {
        // dropped
    } else if d == '\u{1E9E}' {
        out.push_str("ss"); // capital sharp s
    } else {
        // Capitals outside the table fold like their small letter, in the
        // table (Ɐ, Ɑ, Ɱ, Ʞ, …) or not: a capital newer than the
        // transliteration data (U+A7D2, the capital double thorn) would
        // otherwise fold to nothing while its small letter folds to "thth",
        // and a name recased for display would read otherwise.
        let mut lower = d.to_lowercase();
        if let (Some(l), None) = (lower.next(), lower.next()) {
            if l != d {
                fold_simple(l, out);
                return;
            }
        }
        push_ascii_lower(any_ascii::any_ascii_char(d), out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fold::fold_token;
    use proptest::prelude::*;
    use unicode_normalization::UnicodeNormalization;

    fn f(s: &str) -> String {
        fold_token(s)
    }

    #[test]
    fn ascii() {
        assert_eq!(f("Marizamunda"), "marizamunda");
        assert_eq!(f("O'Brien"), "obrien");
        assert_eq!(f("Smith-Jones"), "smithjones");
        assert_eq!(f("3rd"), "3rd");
        assert_eq!(f(""), "");
        assert_eq!(f("..."), "");
    }

    #[test]
    fn capitals_fold_like_their_small_letters() {
        // The capital double thorn (U+A7D2) is newer than the
        // transliteration data, which knows its small letter only.
        assert_eq!(f("\u{a7d2}"), f("\u{a7d3}"));
        assert!(!f("\u{a7d3}").is_empty());
        for c in ['\u{2c6f}', '\u{2c6d}', '\u{a7b0}'] {
            let lower: String = c.to_lowercase().collect();
            assert_eq!(f(&c.to_string()), f(&lower), "{c}");
        }
    }

    #[test]
    fn latin_diacritics() {
        assert_eq!(f("Juvénal"), "juvenal");
        assert_eq!(f("Müller-Lüdenscheidt"), "mullerludenscheidt");
        assert_eq!(f("François"), "francois");
        assert_eq!(f("Dvořák"), "dvorak");
        assert_eq!(f("Łukasz"), "lukasz");
        assert_eq!(f("Wałęsa"), "walesa");
        assert_eq!(f("Søren"), "soren");
        assert_eq!(f("Kierkegård"), "kierkegard");
        assert_eq!(f("Straße"), "strasse");
        assert_eq!(f("STRAẞE"), "strasse");
        assert_eq!(f("Ærø"), "aero");
        assert_eq!(f("Œuvre"), "oeuvre");
        assert_eq!(f("Đoković"), "dokovic");
        assert_eq!(f("Guðmundsdóttir"), "gudmundsdottir");
        assert_eq!(f("Þórr"), "thorr");
        assert_eq!(f("İstanbul"), "istanbul");
        assert_eq!(f("Işıl"), "isil");
        assert_eq!(f("Nguyễn"), "nguyen");
        assert_eq!(f("Đặng"), "dang");
        assert_eq!(f("Ŋuŋ"), "ngung");
        assert_eq!(f("Ħamrun"), "hamrun");
        assert_eq!(f("ĸ"), "q");
        assert_eq!(f("ſ"), "s");
        assert_eq!(f("Ɨɨ"), "ii");
        assert_eq!(f("Əliyev"), "eliyev");
        assert_eq!(f("ʒɛɔ"), "zeo");
        assert_eq!(f("Ŧ"), "t");
    }

    #[test]
    fn latin_apostrophes_and_punctuation() {
        assert_eq!(f("Mas'ud"), "masud");
        assert_eq!(f("O’Brien"), "obrien");
        assert_eq!(f("ʿAbd"), "abd");
        assert_eq!(f("Baʾath"), "baath");
        assert_eq!(f("d´Artagnan"), "dartagnan");
        assert_eq!(f("Jean-Pierre"), "jeanpierre");
        assert_eq!(f("St.\u{00A0}John"), "stjohn");
    }

    #[test]
    fn latin_compatibility_forms() {
        assert_eq!(f("Ｍａｒｋ"), "mark");
        assert_eq!(f("ﬁsher"), "fisher");
        assert_eq!(f("Mu\u{0308}ller"), "muller"); // decomposed
        assert_eq!(f("ℌ𝔢𝔩𝔩𝔬"), "hello");
        assert_eq!(f("Ⅻ"), "xii");
        assert_eq!(f("①"), "1");
    }

    /// The Latin table agrees with NFKD plus the listed special cases.
    #[test]
    fn latin_table_matches_decomposition() {
        let special: &[(char, &str)] = &[
            ('ß', "ss"),
            ('æ', "ae"),
            ('Æ', "ae"),
            ('œ', "oe"),
            ('Œ', "oe"),
            ('ø', "o"),
            ('Ø', "o"),
            ('ł', "l"),
            ('Ł', "l"),
            ('đ', "d"),
            ('Đ', "d"),
            ('ð', "d"),
            ('Ð', "d"),
            ('ı', "i"),
            ('þ', "th"),
            ('Þ', "th"),
            ('ŋ', "ng"),
            ('Ŋ', "ng"),
            ('ħ', "h"),
            ('Ħ', "h"),
            ('ŧ', "t"),
            ('Ŧ', "t"),
            ('ĸ', "q"),
            ('ɨ', "i"),
            ('Ɨ', "i"),
            ('ə', "e"),
            ('Ə', "e"),
            ('ʒ', "z"),
            ('Ʒ', "z"),
            ('ɛ', "e"),
            ('Ɛ', "e"),
            ('ɔ', "o"),
            ('Ɔ', "o"),
        ];
        for &(c, want) in special {
            let mut out = String::new();
            push_latin(c as u32, &mut out);
            assert_eq!(out, want, "{c}");
        }
        for cp in 0xC0..LATIN_END {
            let c = char::from_u32(cp).unwrap();
            let stripped: String = c
                .to_string()
                .nfkd()
                .filter(|d| !is_combining_mark(*d))
                .collect();
            if stripped.chars().all(|d| d.is_ascii_alphabetic()) {
                let mut out = String::new();
                push_latin(cp, &mut out);
                assert_eq!(out, stripped.to_ascii_lowercase(), "U+{cp:04X} {c}");
            }
        }
    }

    #[test]
    fn e_acute_equals_e() {
        assert_eq!(f("é"), f("e"));
        assert_eq!(f("É"), f("e"));
        assert_eq!(f("e\u{301}"), f("e"));
    }

    fn latin_char() -> impl Strategy<Value = char> {
        prop_oneof![
            proptest::char::range('A', 'Z'),
            proptest::char::range('a', 'z'),
            proptest::char::range('\u{C0}', '\u{24F}'),
            Just('\''),
            Just('-'),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn latin_is_case_insensitive(s in proptest::collection::vec(latin_char(), 0..24)) {
            let s: String = s.into_iter().filter(|&c| c != 'ß').collect();
            prop_assert_eq!(fold_token(&s.to_uppercase()), fold_token(&s));
            prop_assert_eq!(fold_token(&s.to_lowercase()), fold_token(&s));
        }

        #[test]
        fn latin_is_diacritic_insensitive(s in proptest::collection::vec(latin_char(), 0..24)) {
            let s: String = s.into_iter().collect();
            let bare: String = s.nfd().filter(|c| !is_combining_mark(*c)).collect();
            prop_assert_eq!(fold_token(&bare), fold_token(&s));
            let decomposed: String = s.nfd().collect();
            prop_assert_eq!(fold_token(&decomposed), fold_token(&s));
        }
    }
}
