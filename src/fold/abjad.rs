//! The letter-and-marks model shared by the Arabic and Hebrew folders.

use super::push_ascii_lower;

/// One letter of an Arabic or Hebrew word with the marks written on it.
#[derive(Clone, Copy)]
pub(super) struct Unit {
    /// The (normalised) letter.
    pub(super) c: char,
    /// Written vowel: `a` `e` `i` `o` `u`, `0` for an explicit absence
    /// (sukun, sheva), or 0 if unmarked.
    pub(super) vowel: u8,
    /// Tanwin (nunation): the vowel is followed by n.
    pub(super) tanwin: bool,
    /// Shadda or dagesh: doubled (Arabic) or hard (Hebrew) consonant.
    pub(super) strong: bool,
    /// Hebrew sin dot on ש.
    pub(super) sin: bool,
    /// Hebrew geresh (also an apostrophe) after the letter.
    pub(super) geresh: bool,
    /// Filled in by the classifier: the letter's romanisation.
    pub(super) out: &'static str,
    /// Filled in by the classifier: the letter stands for a vowel.
    pub(super) vowelish: bool,
    /// Filled in by the classifier: the letter was absorbed by its neighbour.
    pub(super) skip: bool,
}

impl Default for Unit {
    fn default() -> Self {
        Unit {
            c: '\0',
            vowel: 0,
            tanwin: false,
            strong: false,
            sin: false,
            geresh: false,
            out: "",
            vowelish: false,
            skip: false,
        }
    }
}

/// Builds a key of the letters of `units` (mapped through `key_char`) in a
/// stack buffer and passes it to `f`.
pub(super) fn with_key<R>(
    units: &[Unit],
    key_char: fn(char) -> char,
    f: impl FnOnce(&str) -> Option<R>,
) -> Option<R> {
    let mut buf = [0u8; 160];
    let mut len = 0;
    for u in units {
        let c = key_char(u.c);
        let w = c.len_utf8();
        if len + w > buf.len() {
            return None;
        }
        c.encode_utf8(&mut buf[len..len + w]);
        len += w;
    }
    f(std::str::from_utf8(&buf[..len]).ok()?)
}

/// Writes classified units: consonants (doubled if `strong` and `double`),
/// written vowels, vowel letters, and an inserted `a` between two
/// consonants when the word carries no vowel marks.
pub(super) fn emit_units(u: &[Unit], vowelled: bool, double: bool, out: &mut String) {
    let n = u.len();
    for k in 0..n {
        let x = u[k];
        if x.skip {
            continue;
        }
        if x.vowelish {
            let prev = if k > 0 { Some(u[k - 1]) } else { None };
            // A long vowel letter after the same short vowel mark, or an alif
            // after tanwin, adds nothing.
            let repeated = prev.is_some_and(|p| {
                !p.vowelish && p.vowel != 0 && x.out.len() == 1 && x.out.as_bytes()[0] == p.vowel
            });
            let after_tanwin = prev.is_some_and(|p| p.tanwin) && x.c == 'ا';
            if !repeated && !after_tanwin {
                out.push_str(x.out);
            }
            continue;
        }
        push_ascii_lower(x.out, out);
        if x.strong && double {
            push_ascii_lower(x.out, out);
        }
        match x.vowel {
            0 => {
                let next = u[k + 1..].iter().find(|y| !y.skip);
                if !vowelled && next.is_some_and(|y| !y.vowelish) {
                    out.push('a');
                }
            }
            b'0' => {}
            v => {
                out.push(v as char);
                if x.tanwin {
                    out.push('n');
                }
            }
        }
    }
}
