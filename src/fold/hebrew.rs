//! Hebrew: a table of common names and a vowel-restoring heuristic.

use super::abjad::{emit_units, with_key, Unit};
use super::{is_apostrophe, run_chars, Script, SmallBuf};

/// Common Hebrew names whose spelling the heuristic cannot recover.
fn hebrew_name(key: &str) -> Option<&'static str> {
    Some(match key {
        "בנימין" => "binyamin",
        "נתניהו" => "netanyahu",
        "יצחק" => "yitzhak",
        "משה" => "moshe",
        "דוד" => "david",
        "אברהם" => "avraham",
        "יעקב" => "yaakov",
        "יוסף" => "yosef",
        "שמעון" => "shimon",
        "פרס" => "peres",
        "רבין" => "rabin",
        "אריאל" => "ariel",
        "שרון" => "sharon",
        "אהוד" => "ehud",
        "ברק" => "barak",
        "אולמרט" => "olmert",
        "גולדה" => "golda",
        "מאיר" => "meir",
        "לוי" => "levi",
        "כהן" => "cohen",
        "ישראל" => "yisrael",
        "שלמה" => "shlomo",
        "חיים" => "chaim",
        "שרה" => "sara",
        "רחל" => "rachel",
        "לאה" => "lea",
        "רבקה" => "rivka",
        "מרים" => "miryam",
        "אליהו" => "eliyahu",
        "נפתלי" => "naftali",
        "בנט" => "bennett",
        "יאיר" => "yair",
        "לפיד" => "lapid",
        "גנץ" => "gantz",
        "הרצוג" => "herzog",
        "בן" => "ben",
        "בת" => "bat",
        "דניאל" => "daniel",
        "מיכאל" => "michael",
        "גדעון" => "gideon",
        "עמוס" => "amos",
        "אבי" => "avi",
        "יהודה" => "yehuda",
        "שמואל" => "shmuel",
        "אברמוביץ" => "abramovich",
        _ => return None,
    })
}

/// Folds the Hebrew run starting at byte `start` of `s`; returns its end.
/// Maqaf and punctuation split the run into words.
pub(super) fn fold_hebrew(s: &str, start: usize, out: &mut String) -> usize {
    let mut end = 0;
    let mut units = SmallBuf::<Unit, 32>::new();
    for c in run_chars(s, start, Script::Hebrew, &mut end) {
        if matches!(c, 'א'..='ת' | 'װ'..='ײ') {
            units.push(Unit {
                c,
                ..Unit::default()
            });
            continue;
        }
        let vowel = match c {
            '\u{05B0}' => b'0',
            '\u{05B1}' | '\u{05B5}' | '\u{05B6}' => b'e',
            '\u{05B2}' | '\u{05B7}' | '\u{05B8}' => b'a',
            '\u{05B3}' | '\u{05B9}' | '\u{05BA}' | '\u{05C7}' => b'o',
            '\u{05B4}' => b'i',
            '\u{05BB}' => b'u',
            _ => 0,
        };
        let point = vowel != 0 || matches!(c, '\u{05BC}' | '\u{05C2}') || is_apostrophe(c);
        if point {
            if let Some(u) = units.last_mut().filter(|u| u.c != '\0') {
                if vowel != 0 {
                    u.vowel = vowel;
                } else if c == '\u{05BC}' {
                    u.strong = true;
                } else if c == '\u{05C2}' {
                    u.sin = true;
                } else {
                    u.geresh = true;
                }
            }
        } else if !matches!(c, '\u{0591}'..='\u{05AF}' | '\u{05BD}' | '\u{05BF}' | '\u{05C1}' | '\u{05C4}' | '\u{05C5}' | '\u{05F4}' | '\u{0300}'..='\u{036F}' | '\u{200C}' | '\u{200D}')
        {
            // Maqaf, punctuation: a word break.
            units.push(Unit::default());
        }
    }
    let u = units.as_mut_slice();
    let mut from = 0;
    for k in 0..=u.len() {
        if k == u.len() || u[k].c == '\0' {
            hebrew_word(&mut u[from..k], out);
            from = k + 1;
        }
    }
    end
}

fn hebrew_word(u: &mut [Unit], out: &mut String) {
    let n = u.len();
    if n == 0 {
        return;
    }
    if let Some(name) = with_key(u, |c| c, hebrew_name) {
        out.push_str(name);
        return;
    }
    let vowelled = u.iter().any(|x| x.vowel != 0 && x.vowel != b'0');
    for k in 0..n {
        let x = u[k];
        if x.skip {
            continue;
        }
        let first = k == 0;
        let last = k + 1 == n;
        let prev = if first { None } else { Some(u[k - 1]) };
        let prev_vowel_letter = prev.is_some_and(|p| p.vowelish && !p.out.is_empty());
        let next = u.get(k + 1).map(|y| y.c);
        let hard = first || x.strong;
        let mut vowelish = false;
        let s: &'static str = match x.c {
            'א' | 'ע' => "",
            'ב' => {
                if hard {
                    "b"
                } else {
                    "v"
                }
            }
            'ג' => {
                if x.geresh {
                    "j"
                } else {
                    "g"
                }
            }
            'ד' => "d",
            'ה' if last && !first && !x.strong && !prev_vowel_letter => {
                // Final he is a vowel letter: silent after a written vowel.
                vowelish = true;
                if prev.is_some_and(|p| p.vowel != 0 && p.vowel != b'0') {
                    ""
                } else {
                    "a"
                }
            }
            'ה' => "h",
            'ו' if x.strong && x.vowel == 0 && !first => {
                vowelish = true;
                "u"
            }
            'ו' if x.vowel == b'o' && !first => {
                u[k].vowel = 0;
                vowelish = true;
                "o"
            }
            'ו' if first || x.vowel != 0 || prev_vowel_letter => "v",
            'ו' if next == Some('ו') => {
                u[k + 1].skip = true;
                "v"
            }
            'ו' => {
                vowelish = true;
                if last {
                    "u"
                } else {
                    "o"
                }
            }
            'י' if first || x.vowel != 0 || prev_vowel_letter => "y",
            'י' if next == Some('י') => {
                u[k + 1].skip = true;
                "y"
            }
            'י' => {
                vowelish = true;
                if prev.is_some_and(|p| matches!(p.vowel, b'i' | b'e')) {
                    ""
                } else {
                    "i"
                }
            }
            'ז' => {
                if x.geresh {
                    "zh"
                } else {
                    "z"
                }
            }
            'ח' => "ch",
            'ט' => "t",
            'כ' => {
                if hard {
                    "k"
                } else {
                    "kh"
                }
            }
            'ך' => "kh",
            'ל' => "l",
            'מ' | 'ם' => "m",
            'נ' | 'ן' => "n",
            'ס' => "s",
            'פ' => {
                if hard {
                    "p"
                } else {
                    "f"
                }
            }
            'ף' => "f",
            'צ' | 'ץ' => {
                if x.geresh {
                    "ch"
                } else {
                    "ts"
                }
            }
            'ק' => "k",
            'ר' => "r",
            'ש' => {
                if x.sin {
                    "s"
                } else {
                    "sh"
                }
            }
            'ת' => {
                if x.geresh {
                    "th"
                } else {
                    "t"
                }
            }
            'װ' => "v",
            'ױ' => {
                vowelish = true;
                "oy"
            }
            'ײ' => {
                vowelish = true;
                "ey"
            }
            _ => "",
        };
        u[k].out = s;
        u[k].vowelish = vowelish;
        // A vocal sheva on the first letter sounds as e.
        if first && x.vowel == b'0' {
            u[k].vowel = b'e';
        }
    }
    emit_units(u, vowelled, false, out);
}

#[cfg(test)]
mod tests {
    use crate::fold::fold_token;

    fn f(s: &str) -> String {
        fold_token(s)
    }

    #[test]
    fn hebrew() {
        assert_eq!(f("בנימין"), "binyamin");
        assert_eq!(f("נתניהו"), "netanyahu");
        assert_eq!(f("בִּנְיָמִין"), "binyamin");
        assert_eq!(f("שלום"), "shalom");
        assert_eq!(f("גבריאל"), "gavarial");
        assert_eq!(f("ג'ורג'"), "joraj");
        assert_eq!(f("שָׂרָה"), "sara");
        assert_eq!(f("מֹשֶׁה"), "moshe");
    }
}
