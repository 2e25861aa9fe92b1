//! Arabic and Persian script: a table of common names, then a
//! vowel-restoring heuristic that honours any vowel marks that are written.

use std::sync::OnceLock;

use super::abjad::{emit_units, Unit};
use super::{run_chars, Script, SmallBuf};

/// Hand-compiled table of common names in Arabic script.
static ARABIC_NAMES_TSV: &str = include_str!("../../data/arabic_names.tsv");

/// Name table entry: hash of the key, the key (normalised letters), and the
/// romanisation. Sorted by hash.
type NameTable = Vec<(u64, Box<[char]>, &'static str)>;

/// FNV-1a over the lookup form of the letters.
fn arabic_key_hash(letters: impl Iterator<Item = char>) -> u64 {
    letters.fold(0xcbf2_9ce4_8422_2325, |h, c| {
        (h ^ arabic_key_char(c) as u64).wrapping_mul(0x0100_0000_01b3)
    })
}

fn arabic_names() -> &'static NameTable {
    static TABLE: OnceLock<NameTable> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table: NameTable = ARABIC_NAMES_TSV
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .filter_map(|l| {
                let (ar, la) = l.split_once('\t')?;
                let key: Box<[char]> = ar
                    .trim()
                    .chars()
                    .filter_map(arabic_letter)
                    .map(arabic_key_char)
                    .collect();
                Some((arabic_key_hash(key.iter().copied()), key, la.trim()))
            })
            .collect();
        // Stable sort keeps the first spelling listed for a key.
        table.sort_by_key(|e| e.0);
        table.dedup_by(|a, b| a.1 == b.1);
        table
    })
}

fn lookup_arabic(units: &[Unit]) -> Option<&'static str> {
    if units.is_empty() {
        return None;
    }
    let table = arabic_names();
    let h = arabic_key_hash(units.iter().map(|u| u.c));
    let i = table.binary_search_by_key(&h, |e| e.0).ok()?;
    let (_, key, name) = &table[i];
    let same = key.len() == units.len()
        && key
            .iter()
            .zip(units)
            .all(|(&k, u)| k == arabic_key_char(u.c));
    same.then_some(*name)
}

/// Letters unified for table lookup: alif with hamza or madda → alif,
/// alif maqsura → ya, ta marbuta → ha.
fn arabic_key_char(c: char) -> char {
    match c {
        'أ' | 'إ' | 'آ' => 'ا',
        'ى' => 'ي',
        'ة' => 'ه',
        _ => c,
    }
}

/// Normalises an Arabic-script letter (Persian and Urdu variants to their
/// Arabic counterparts); `None` for marks and non-letters.
fn arabic_letter(c: char) -> Option<char> {
    if matches!(c as u32, 0x0621..=0x063A | 0x0641..=0x064A) {
        return Some(c);
    }
    let n = match c {
        'ی' | 'ې' | 'ے' | 'ێ' | 'ۍ' => 'ي',
        'ک' | 'ڪ' => 'ك',
        'ە' | 'ھ' | 'ہ' | 'ۀ' => 'ه',
        'ۃ' => 'ة',
        'ٱ' | 'ٲ' | 'ٳ' => 'ا',
        'ٹ' => 'ت',
        'ڈ' => 'د',
        'ڑ' => 'ر',
        'ں' => 'ن',
        _ => c,
    };
    let cp = n as u32;
    let letter = matches!(cp, 0x0621..=0x063A | 0x0641..=0x064A | 0x066E..=0x066F | 0x0671..=0x06D3 | 0x06D5
        | 0x06EE..=0x06EF | 0x06FA..=0x06FC | 0x06FF | 0x0750..=0x077F | 0x08A0..=0x08C9);
    letter.then_some(n)
}

/// Romanisation of an Arabic-script consonant.
fn arabic_consonant(c: char) -> &'static str {
    match c {
        'ب' => "b",
        'ت' => "t",
        'ث' => "th",
        'ج' => "j",
        'ح' | 'ه' => "h",
        'خ' => "kh",
        'د' | 'ض' => "d",
        'ذ' => "dh",
        'ر' => "r",
        'ز' | 'ظ' => "z",
        'س' | 'ص' => "s",
        'ش' => "sh",
        'ط' => "t",
        'ع' | 'ء' => "",
        'غ' => "gh",
        'ف' => "f",
        'ق' => "q",
        'ك' => "k",
        'ل' => "l",
        'م' => "m",
        'ن' => "n",
        'پ' => "p",
        'چ' => "ch",
        'ژ' => "zh",
        'گ' | 'ڨ' => "g",
        'ڤ' | 'ۋ' => "v",
        'ڭ' => "ng",
        'و' => "w",
        'ي' => "y",
        other => any_ascii_lower_static(other),
    }
}

/// Folds the Arabic-script run starting at byte `start` of `s`; returns its
/// end. Digits and punctuation split the run into words.
pub(super) fn fold_arabic(s: &str, start: usize, out: &mut String) -> usize {
    let mut end = 0;
    let mut persian = false;
    let mut units = SmallBuf::<Unit, 32>::new();
    for c in run_chars(s, start, Script::Arabic, &mut end) {
        if let Some(l) = arabic_letter(c) {
            persian |= matches!(c, 'پ' | 'چ' | 'ژ' | 'گ' | 'ک' | 'ی' | 'ۀ');
            units.push(Unit {
                c: l,
                ..Unit::default()
            });
            continue;
        }
        let cp = c as u32;
        let digit = match cp {
            0x0660..=0x0669 => Some(cp - 0x0660),
            0x06F0..=0x06F9 => Some(cp - 0x06F0),
            _ => None,
        };
        if let Some(d) = digit {
            units.push(Unit {
                c: char::from(b'0' + d as u8),
                ..Unit::default()
            });
        } else if (0x064B..=0x0652).contains(&cp) || cp == 0x0670 {
            if let Some(u) = units.last_mut().filter(|u| is_arabic_unit_letter(u.c)) {
                match cp {
                    0x064B => (u.vowel, u.tanwin) = (b'a', true),
                    0x064C => (u.vowel, u.tanwin) = (b'u', true),
                    0x064D => (u.vowel, u.tanwin) = (b'i', true),
                    0x064E | 0x0670 => u.vowel = b'a',
                    0x064F => u.vowel = b'u',
                    0x0650 => u.vowel = b'i',
                    0x0651 => u.strong = true,
                    _ => u.vowel = b'0',
                }
            }
        } else if !(is_arabic_mark(c) || matches!(cp, 0x0640 | 0x0300..=0x036F | 0x200C | 0x200D)) {
            // Punctuation, apostrophes: a word break.
            units.push(Unit::default());
        }
    }
    let u = units.as_mut_slice();
    let mut k = 0;
    while k < u.len() {
        let c = u[k].c;
        if c.is_ascii_digit() {
            out.push(c);
        }
        if !is_arabic_unit_letter(c) {
            k += 1;
            continue;
        }
        let from = k;
        while k < u.len() && is_arabic_unit_letter(u[k].c) {
            k += 1;
        }
        arabic_units_fold(&mut u[from..k], persian, out);
    }
    end
}

/// Units hold a letter, an ASCII digit, or `'\0'` for a word break.
#[inline]
fn is_arabic_unit_letter(c: char) -> bool {
    !(c == '\0' || c.is_ascii_digit())
}

fn is_arabic_mark(c: char) -> bool {
    matches!(c as u32, 0x0610..=0x061A | 0x064B..=0x065F | 0x0670 | 0x06D6..=0x06ED | 0x08CA..=0x08FF)
}

fn arabic_units_fold(u: &mut [Unit], persian: bool, out: &mut String) {
    if u.is_empty() {
        return;
    }
    if let Some(name) = lookup_arabic(u) {
        out.push_str(name);
        return;
    }
    let n = u.len();
    // Definite article.
    if n > 2 && matches!(u[0].c, 'ا' | 'أ') && u[1].c == 'ل' {
        out.push_str("al");
        let rest = &mut u[2..];
        match lookup_arabic(rest) {
            Some(name) => out.push_str(name),
            None => arabic_heuristic(rest, persian, out),
        }
        return;
    }
    // Compounds written as one word: عبدالله, ابوبكر.
    let starts =
        |w: &[char]| n > w.len() && u.iter().zip(w).all(|(x, &c)| arabic_key_char(x.c) == c);
    let prefix = if starts(&['ع', 'ب', 'د']) {
        Some("abd")
    } else if starts(&['ا', 'ب', 'و']) {
        Some("abu")
    } else {
        None
    };
    match prefix {
        Some(p) => {
            out.push_str(p);
            arabic_units_fold(&mut u[3..], persian, out);
        }
        None => arabic_heuristic(u, persian, out),
    }
}

fn vowel_str(v: u8) -> Option<&'static str> {
    match v {
        b'a' => Some("a"),
        b'e' => Some("e"),
        b'i' => Some("i"),
        b'o' => Some("o"),
        b'u' => Some("u"),
        _ => None,
    }
}

/// Restores vowels in an Arabic or Persian word: written marks when present,
/// long-vowel letters, and an `a` between unvowelled consonants.
fn arabic_heuristic(u: &mut [Unit], persian: bool, out: &mut String) {
    let n = u.len();
    if n == 0 {
        return;
    }
    let marks = u.iter().filter(|x| x.vowel != 0).count();
    let vowelled = marks * 2 >= n;
    for k in 0..n {
        let x = u[k];
        let first = k == 0;
        let last = k + 1 == n;
        let prev = if first { None } else { Some(u[k - 1]) };
        let prev_vowel_letter = prev.is_some_and(|p| p.vowelish);
        let next_alif = u.get(k + 1).is_some_and(|y| matches!(y.c, 'ا' | 'آ' | 'ى'));
        let (out_str, vowelish): (&'static str, bool) = match x.c {
            'ا' | 'أ' => (
                if first {
                    vowel_str(x.vowel).unwrap_or("a")
                } else {
                    "a"
                },
                true,
            ),
            'آ' | 'ى' => ("a", true),
            'إ' | 'ئ' => ("i", true),
            'ؤ' => ("u", true),
            'ة' => (if last { "a" } else { "at" }, true),
            'و' | 'ي' => {
                let long = if x.c == 'و' { b'u' } else { b'i' };
                // Nisba ending -awi (موسوي musawi, البدوي albadawi).
                let nisba = x.c == 'و' && k + 2 == n && u[k + 1].c == 'ي';
                let consonantal = first
                    || nisba
                    || x.strong
                    || x.vowel != 0
                    || prev_vowel_letter
                    || next_alif
                    || prev.is_some_and(|p| p.vowel == b'a');
                if consonantal {
                    (arabic_consonant(x.c), false)
                } else if prev.is_some_and(|p| p.vowel == long) {
                    ("", true)
                } else if long == b'u' {
                    ("u", true)
                } else {
                    ("i", true)
                }
            }
            'ه' if persian && last && !first && !prev_vowel_letter => ("eh", true),
            c => (arabic_consonant(c), false),
        };
        u[k].out = out_str;
        u[k].vowelish = vowelish;
    }
    emit_units(u, vowelled, true, out);
}

/// `any_ascii` transliteration, used where the caller filters non-alphanumeric
/// output itself.
fn any_ascii_lower_static(c: char) -> &'static str {
    any_ascii::any_ascii_char(c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fold::fold_token;

    fn f(s: &str) -> String {
        fold_token(s)
    }

    #[test]
    fn arabic_table() {
        assert_eq!(f("محمد"), "muhammad");
        assert_eq!(f("مُحَمَّد"), "muhammad");
        assert_eq!(f("أحمد"), "ahmad");
        assert_eq!(f("احمد"), "ahmad");
        assert_eq!(f("علي"), "ali");
        assert_eq!(f("حسن"), "hasan");
        assert_eq!(f("حسين"), "husayn");
        assert_eq!(f("عبد"), "abd");
        assert_eq!(f("الله"), "allah");
        assert_eq!(f("اللطيف"), "allatif");
        assert_eq!(f("عبدالله"), "abdallah");
        assert_eq!(f("عبدالرحمن"), "abdalrahman");
        assert_eq!(f("عمر"), "umar");
        assert_eq!(f("خالد"), "khalid");
        assert_eq!(f("يوسف"), "yusuf");
        assert_eq!(f("إبراهيم"), "ibrahim");
        assert_eq!(f("مصطفى"), "mustafa");
        assert_eq!(f("مصطفي"), "mustafa");
        assert_eq!(f("فاطمة"), "fatima");
        assert_eq!(f("فاطمه"), "fatima");
        assert_eq!(f("بن"), "bin");
        assert_eq!(f("أبو"), "abu");
        assert_eq!(f("الحسن"), "alhasan");
        assert_eq!(f("ﻣﺤﻤﺪ"), "muhammad"); // presentation forms
        assert_eq!(f("محـــمد"), "muhammad"); // tatweel
        assert_eq!(f("علی"), "ali"); // Persian ya
        assert_eq!(f("خامنه‌ای"), "khamenei");
    }

    #[test]
    fn arabic_heuristics() {
        // Consonant skeletons come through with readable vowels.
        assert_eq!(f("ولد"), "walad");
        assert_eq!(f("نوري"), "nuri");
        assert_eq!(f("نوال"), "nawal");
        assert_eq!(f("سعيد"), "said");
        assert_eq!(f("كتب"), "katab");
        assert_eq!(f("موسوي"), "musawi");
        assert_eq!(f("شاه"), "shah");
        assert_eq!(f("پاکستان"), "pakasatan");
        assert_eq!(f("چراغ"), "charagh");
        assert_eq!(f("ژاله"), "zhaleh");
        assert_eq!(f("الزرقاوي"), "alzaraqawi");
        // Written vowels are used.
        assert_eq!(f("كَتَبَ"), "kataba");
        assert_eq!(f("يَحْيَى"), "yahya");
        assert_eq!(f("مُوسَى"), "musa");
        assert_eq!(f("سُلْطَان"), "sultan");
        assert_eq!(f("كِتَابٌ"), "kitabun");
        // Digits and tatweel.
        assert_eq!(f("١٢٣"), "123");
        assert_eq!(f("۴۵"), "45");
        assert_eq!(f("ع"), "");
    }

    #[test]
    fn arabic_name_table_is_clean() {
        let table = arabic_names();
        assert!(table.len() > 150);
        for (_, k, v) in table {
            assert!(!k.is_empty());
            assert!(
                !v.is_empty() && v.bytes().all(|b| b.is_ascii_lowercase()),
                "{k:?} {v}"
            );
        }
        // Distinct keys have distinct hashes.
        for w in table.windows(2) {
            assert_ne!(w[0].0, w[1].0, "hash collision: {:?} {:?}", w[0].1, w[1].1);
        }
        // No two source lines normalise to one key with different values.
        let mut seen: Vec<(String, &str)> = Vec::new();
        for line in ARABIC_NAMES_TSV
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
        {
            let (ar, la) = line.split_once('\t').expect("tab-separated");
            let key: String = ar
                .chars()
                .filter_map(arabic_letter)
                .map(arabic_key_char)
                .collect();
            if let Some((_, prev)) = seen.iter().find(|(k, _)| *k == key) {
                assert_eq!(*prev, la, "conflicting entries for {ar}");
            }
            seen.push((key, la));
        }
    }
}
