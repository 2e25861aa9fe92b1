//! Greek: romanisation by modern pronunciation.

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

use super::{is_apostrophe, push_ascii_lower, Script, SmallBuf};

#[derive(Clone, Copy, Default)]
struct GreekItem {
    c: char,
    diaeresis: bool,
}

/// Lower-case base letter of a Greek character with accents removed,
/// remembering a diaeresis (which blocks digraphs: `αϊ` is a-i, not ai).
fn greek_item(c: char) -> Option<GreekItem> {
    let item = |c, diaeresis| Some(GreekItem { c, diaeresis });
    let cp = c as u32;
    match c {
        'Α'..='Ω' => item(char::from_u32(cp + 0x20).unwrap_or(c), false),
        'ά'..='ώ' | 'ϐ'..='ϖ' | 'ϰ'..='ϵ' => {
            let base = match c {
                'ς' | 'ϲ' => 'σ',
                'ϐ' => 'β',
                'ϑ' => 'θ',
                'ϕ' => 'φ',
                'ϖ' => 'π',
                'ϰ' => 'κ',
                'ϱ' => 'ρ',
                'ϴ' => 'θ',
                'ϵ' => 'ε',
                'ϊ' => return item('ι', true),
                'ϋ' | 'ΰ' => return item('υ', true),
                'ά' => 'α',
                'έ' => 'ε',
                'ή' => 'η',
                'ί' => 'ι',
                'ό' => 'ο',
                'ύ' => 'υ',
                'ώ' => 'ω',
                _ => c,
            };
            item(base, false)
        }
        'ΐ' => item('ι', true),
        'Ά' => item('α', false),
        'Έ' => item('ε', false),
        'Ή' => item('η', false),
        'Ί' => item('ι', false),
        'Ό' => item('ο', false),
        'Ύ' => item('υ', false),
        'Ώ' => item('ω', false),
        'Ϊ' => item('ι', true),
        'Ϋ' => item('υ', true),
        _ if is_combining_mark(c) || is_apostrophe(c) => None,
        _ if (0x1F00..=0x1FFF).contains(&cp) => {
            // Polytonic: canonical decomposition gives base + marks.
            let mut base = None;
            let mut diaeresis = false;
            decompose_canonical(c, |d| {
                if d == '\u{0308}' {
                    diaeresis = true;
                } else if base.is_none() && !is_combining_mark(d) {
                    base = Some(d);
                }
            });
            let b = base?;
            if b == c {
                // Spacing marks (koronis, psili, …) and unassigned points.
                return if c.is_alphabetic() {
                    item(c, false)
                } else {
                    None
                };
            }
            let lower = greek_item(b).map_or(b, |g| g.c);
            item(lower, diaeresis)
        }
        _ => item(c, false),
    }
}

/// Folds the Greek run starting at byte `start` of `s`; returns its end.
pub(super) fn fold_greek(s: &str, start: usize, out: &mut String) -> usize {
    let mut end = 0;
    let mut buf = SmallBuf::<GreekItem, 48>::run(s, start, Script::Greek, &mut end, greek_item);
    {
        let t = buf.as_mut_slice();
        let n = t.len();
        let is_vowel = |c: char| matches!(c, 'α' | 'ε' | 'η' | 'ι' | 'ο' | 'υ' | 'ω');
        // αυ, ευ, ηυ: v before vowels and voiced consonants, f otherwise.
        let v_or_f = |k: usize| match t.get(k) {
            Some(g)
                if is_vowel(g.c)
                    || matches!(g.c, 'β' | 'γ' | 'δ' | 'ζ' | 'λ' | 'μ' | 'ν' | 'ρ') =>
            {
                "v"
            }
            _ => "f",
        };
        let mut k = 0;
        while k < n {
            let c = t[k].c;
            let start = k == 0;
            let next = t.get(k + 1).map(|g| g.c);
            // A vowel digraph needs its second letter without diaeresis.
            let next_plain = t.get(k + 1).filter(|g| !g.diaeresis).map(|g| g.c);
            let mut step = 1;
            let mut push2 = |a: &str, b: &str, out: &mut String| {
                out.push_str(a);
                out.push_str(b);
                step = 2;
            };
            match c {
                'α' | 'ε' | 'η' if next_plain == Some('υ') => {
                    let v = match c {
                        'α' => "a",
                        'ε' => "e",
                        _ => "i",
                    };
                    push2(v, v_or_f(k + 2), out);
                }
                'α' if next_plain == Some('ι') => push2("a", "i", out),
                'ε' if next_plain == Some('ι') => push2("e", "i", out),
                'ο' if next_plain == Some('ι') => push2("o", "i", out),
                'ο' if next_plain == Some('υ') => push2("o", "u", out),
                'γ' if next == Some('γ') => push2("n", "g", out),
                'γ' if next == Some('κ') => push2(if start { "" } else { "n" }, "g", out),
                'γ' if next == Some('ξ') => push2("n", "x", out),
                'γ' if next == Some('χ') => push2("n", "ch", out),
                'μ' if next == Some('π') => push2(if start { "" } else { "m" }, "b", out),
                'ν' if next == Some('τ') => push2(
                    if start { "" } else { "n" },
                    if start { "d" } else { "t" },
                    out,
                ),
                _ => match greek_letter(c) {
                    Some(s) => out.push_str(s),
                    None => push_ascii_lower(any_ascii::any_ascii_char(c), out),
                },
            }
            k += step;
        }
    }
    end
}

/// Romanisation of a lower-case Greek base letter; `None` for letters left
/// to the generic transliteration.
fn greek_letter(c: char) -> Option<&'static str> {
    Some(match c {
        'α' => "a",
        'β' => "v",
        'γ' => "g",
        'δ' => "d",
        'ε' => "e",
        'ζ' => "z",
        'η' | 'ι' => "i",
        'θ' => "th",
        'κ' => "k",
        'λ' => "l",
        'μ' => "m",
        'ν' => "n",
        'ξ' => "x",
        'ο' | 'ω' => "o",
        'π' => "p",
        'ρ' => "r",
        'σ' => "s",
        'τ' => "t",
        'υ' => "y",
        'φ' => "f",
        'χ' => "ch",
        'ψ' => "ps",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use crate::fold::fold_token;

    fn f(s: &str) -> String {
        fold_token(s)
    }

    #[test]
    fn greek() {
        assert_eq!(f("Ελευθέριος"), "eleftherios");
        assert_eq!(f("Βενιζέλος"), "venizelos");
        assert_eq!(f("Αλέξης"), "alexis");
        assert_eq!(f("Τσίπρας"), "tsipras");
        assert_eq!(f("Κυριάκος"), "kyriakos");
        assert_eq!(f("Μητσοτάκης"), "mitsotakis");
        assert_eq!(f("Παπανδρέου"), "papandreou");
        assert_eq!(f("Γιώργος"), "giorgos");
        assert_eq!(f("Ευάγγελος"), "evangelos");
        assert_eq!(f("Μπακογιάννη"), "bakogianni");
        assert_eq!(f("Ντόρα"), "dora");
        assert_eq!(f("Αντώνης"), "antonis");
        assert_eq!(f("Χατζής"), "chatzis");
        assert_eq!(f("Ψαρράς"), "psarras");
        assert_eq!(f("Μαΐου"), "maiou"); // diaeresis blocks the digraph
        assert_eq!(f("ΣΩΚΡΑΤΗΣ"), "sokratis");
        assert_eq!(f("Ὅμηρος"), "omiros");
        assert_eq!(f("Αυγερινός"), "avgerinos");
        assert_eq!(f("Ευθύμιος"), "efthymios");
    }
}
