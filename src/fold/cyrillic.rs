//! Cyrillic: romanisation in the conventions of English-language news,
//! with language-specific rules for Ukrainian, Belarusian, Serbian and Kazakh.

use super::{is_apostrophe, push_ascii_lower, script_of, Script, SmallBuf};

/// Romanisation conventions for Cyrillic names.
///
/// All styles share the basic English-language news romanisation
/// (`х` kh, `ц` ts, `ч` ch, `ш` sh, `щ` shch, `ж` zh, `ю` yu, `я` ya,
/// `ь` and `ъ` dropped).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CyrillicStyle {
    /// Russian (also used for Bulgarian and unidentified text): `и` i,
    /// `й` y, `ы` y, `ё` e, final `-ий`/`-ый` y (Дмитрий → dmitry).
    Russian,
    /// Ukrainian: `г` h, `ґ` g, `и` y, `і` i, `ї` yi, `є` ye, `й` i
    /// (y at the start), `зг` zgh (Зеленський → zelenskyi).
    Ukrainian,
    /// Belarusian: `г` h, `і` i, `ў` u, `й` y (Лукашэнка → lukashenka).
    Belarusian,
    /// Serbian and Macedonian: matches the folded Latin alphabet
    /// (`ч`/`ћ` c, `ш` s, `ж` z, `ц` c, `х` h, `џ` dz), except `ђ` dj
    /// (Вучић → vucic, Ђоковић → djokovic).
    Serbian,
    /// Kazakh: `ә` a, `ғ` g, `қ` k, `ң` ng, `ө` o, `ұ`/`ү` u, `һ` h;
    /// otherwise Russian.
    Kazakh,
}

/// Guesses the romanisation convention of the Cyrillic in `text` (a whole
/// name or a single token) from letters and endings specific to one
/// language. Returns `None` when nothing points away from the default
/// (Russian).
///
/// ```
/// use canonym::fold::{cyrillic_style, CyrillicStyle};
/// assert_eq!(cyrillic_style("Юлія Тимошенко"), Some(CyrillicStyle::Ukrainian));
/// assert_eq!(cyrillic_style("Александар Вучић"), Some(CyrillicStyle::Serbian));
/// assert_eq!(cyrillic_style("Сергей Лавров"), None);
/// ```
pub fn cyrillic_style(text: &str) -> Option<CyrillicStyle> {
    let mut best: Option<CyrillicStyle> = None;
    let mut from = 0;
    while let Some(pos) = text[from..].find(|c: char| script_of(c) == Script::Cyrillic) {
        let mut end = 0;
        let mut t =
            SmallBuf::<char, 48>::run(text, from + pos, Script::Cyrillic, &mut end, cyrillic_item);
        from = end;
        best = stronger_style(best, detect_style(t.as_mut_slice()));
    }
    best
}

/// Of two guesses of the Cyrillic convention of parts of one text, the one
/// the whole text follows: the more specific language wins. Detection works
/// run by run, so the guess for a text is that of its runs combined.
pub(crate) fn stronger_style(
    a: Option<CyrillicStyle>,
    b: Option<CyrillicStyle>,
) -> Option<CyrillicStyle> {
    let rank = |s: CyrillicStyle| match s {
        CyrillicStyle::Russian => 0,
        CyrillicStyle::Ukrainian => 1,
        CyrillicStyle::Belarusian => 2,
        CyrillicStyle::Kazakh => 3,
        CyrillicStyle::Serbian => 4,
    };
    match (a, b) {
        (Some(x), Some(y)) if rank(y) > rank(x) => Some(y),
        (Some(x), _) => Some(x),
        (None, y) => y,
    }
}

fn cyr_lower(c: char) -> char {
    let cp = c as u32;
    match cp {
        0x0410..=0x042F => char::from_u32(cp + 0x20).unwrap_or(c),
        0x0400..=0x040F => char::from_u32(cp + 0x50).unwrap_or(c),
        0x0430..=0x045F => c,
        _ => {
            let mut l = c.to_lowercase();
            match (l.next(), l.next()) {
                (Some(x), None) => x,
                _ => c,
            }
        }
    }
}

/// A Cyrillic run character as a lower-case letter, `'` for apostrophes, or
/// `None` for marks (stress accents, titlo) and joiners.
#[inline]
fn cyrillic_item(c: char) -> Option<char> {
    let cp = c as u32;
    match cp {
        0x0430..=0x044F => Some(c),
        0x0410..=0x042F => char::from_u32(cp + 0x20),
        0x0483..=0x0489 => None,
        _ if is_apostrophe(c) => Some('\''),
        _ if script_of(c) == Script::Cyrillic => Some(cyr_lower(c)),
        _ => None,
    }
}

/// Ukrainian given names that contain no letter specific to Ukrainian.
const UKRAINIAN_NAMES: &[&str] = &[
    "володимир",
    "олександр",
    "олександра",
    "дмитро",
    "михайло",
    "петро",
    "павло",
    "микола",
    "кирило",
    "данило",
    "гаврило",
    "опанас",
    "григорович",
    "миколайович",
    "володимирович",
    "олександрович",
];

fn detect_style(t: &[char]) -> Option<CyrillicStyle> {
    let (mut kaz, mut serb, mut ukr, mut i_dot, mut u_short, mut non_ukr) =
        (false, false, false, false, false, false);
    for (k, &c) in t.iter().enumerate() {
        match c {
            'ә' | 'ғ' | 'қ' | 'ң' | 'ө' | 'ұ' | 'ү' | 'һ' => kaz = true,
            'ђ' | 'ј' | 'љ' | 'њ' | 'ћ' | 'џ' | 'ѓ' | 'ќ' | 'ѕ' => serb = true,
            'ї' | 'є' | 'ґ' => ukr = true,
            'і' => i_dot = true,
            'ў' => u_short = true,
            'ы' | 'э' | 'ё' | 'ъ' => non_ukr = true,
            // Ukrainian writes an apostrophe where Russian writes ъ.
            '\'' if k > 0 && matches!(t.get(k + 1).copied(), Some('я' | 'ю' | 'є' | 'ї')) => {
                ukr = true
            }
            _ => {}
        }
    }
    if serb {
        return Some(CyrillicStyle::Serbian);
    }
    if kaz {
        return Some(CyrillicStyle::Kazakh);
    }
    if u_short || (i_dot && non_ukr) {
        return Some(CyrillicStyle::Belarusian);
    }
    if ukr || i_dot {
        return Some(CyrillicStyle::Ukrainian);
    }
    let end = t.iter().rposition(|&c| c != '\'').map_or(0, |p| p + 1);
    let word = &t[..end];
    let ends_with = |suffix: &str| {
        let n = suffix.chars().count();
        word.len() >= n && word[word.len() - n..].iter().copied().eq(suffix.chars())
    };
    if ends_with("ький") || ends_with("енко") || ends_with("ьких") {
        return Some(CyrillicStyle::Ukrainian);
    }
    // Cheap pre-check on length and initial before comparing names.
    // Cyrillic letters take two bytes in UTF-8.
    let is_name = |n: &&str| {
        n.len() == 2 * word.len() && n.starts_with(word[0]) && word.iter().copied().eq(n.chars())
    };
    if !word.is_empty() && UKRAINIAN_NAMES.iter().any(is_name) {
        return Some(CyrillicStyle::Ukrainian);
    }
    None
}

/// Folds the Cyrillic run starting at byte `start` of `s`; returns its end.
pub(super) fn fold_cyrillic(
    s: &str,
    start: usize,
    style: Option<CyrillicStyle>,
    out: &mut String,
) -> usize {
    let mut end = 0;
    let mut buf = SmallBuf::<char, 48>::run(s, start, Script::Cyrillic, &mut end, cyrillic_item);
    {
        let t = buf.as_mut_slice();
        use CyrillicStyle::*;
        let style = style.or_else(|| detect_style(t)).unwrap_or(Russian);
        let russian = matches!(style, Russian | Kazakh);
        let ukrainian = style == Ukrainian;
        let h_for_g = matches!(style, Ukrainian | Belarusian);
        let serbian = style == Serbian;
        let n = t.len();
        let last = t.iter().rposition(|&c| c != '\'').unwrap_or(0);
        let mut k = 0;
        while k < n {
            let c = t[k];
            let next = t.get(k + 1).copied();
            k += 1;
            let s = match c {
                // Russian -ий/-ый at the end: Дмитрий → dmitry.
                'и' | 'ы' if russian && next == Some('й') && k == last => {
                    k += 1;
                    "y"
                }
                // Соловьёв → solovyev.
                'ь' | 'ъ' if russian && matches!(next, Some('е' | 'ё')) => "y",
                'г' if h_for_g => "h",
                'и' if ukrainian => "y",
                'й' if ukrainian && k > 1 => "i",
                // The national system: ia, iu, ie after the first letter
                // (Юлія → yuliia), ya, yu, ye at the start.
                'я' if ukrainian && k > 1 => "ia",
                'ю' if ukrainian && k > 1 => "iu",
                'є' if ukrainian && k > 1 => "ie",
                'з' if ukrainian && next == Some('г') => {
                    k += 1;
                    "zgh"
                }
                // Київ → kyiv, not kyyiv.
                'ї' if h_for_g && k > 1 && out.ends_with('y') => "i",
                'ч' | 'ц' if serbian => "c",
                'ш' if serbian => "s",
                'ж' if serbian => "z",
                'х' if serbian => "h",
                _ => match cyrillic_letter(c) {
                    Some(s) => s,
                    None => {
                        push_ascii_lower(any_ascii::any_ascii_char(c), out);
                        continue;
                    }
                },
            };
            out.push_str(s);
        }
    }
    end
}

/// Default romanisation of a lower-case Cyrillic letter.
/// `None` for letters left to the generic transliteration.
fn cyrillic_letter(c: char) -> Option<&'static str> {
    Some(match c {
        'а' => "a",
        'б' => "b",
        'в' => "v",
        'г' => "g",
        'д' => "d",
        'е' | 'ѐ' | 'э' | 'ё' | 'ѣ' => "e",
        'ж' => "zh",
        'з' => "z",
        'и' | 'ѝ' | 'і' | 'ѵ' => "i",
        'й' | 'ы' => "y",
        'к' => "k",
        'л' => "l",
        'м' => "m",
        'н' => "n",
        'о' => "o",
        'п' => "p",
        'р' => "r",
        'с' => "s",
        'т' => "t",
        'у' | 'ў' => "u",
        'ф' | 'ѳ' => "f",
        'х' => "kh",
        'ц' => "ts",
        'ч' => "ch",
        'ш' => "sh",
        'щ' => "shch",
        'ъ' | 'ь' | '\'' => "",
        'ю' => "yu",
        'я' => "ya",
        'є' => "ye",
        'ї' => "yi",
        'ґ' => "g",
        'ђ' => "dj",
        'ј' => "j",
        'љ' => "lj",
        'њ' => "nj",
        'ћ' => "c",
        'џ' => "dz",
        'ѓ' => "gj",
        'ќ' => "kj",
        'ѕ' => "dz",
        'ә' => "a",
        'ғ' => "g",
        'қ' | 'ҡ' => "k",
        'ң' => "ng",
        'ө' => "o",
        'ұ' | 'ү' => "u",
        'һ' => "h",
        'җ' => "zh",
        'ҙ' => "z",
        'ҫ' => "s",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fold::{fold_token, fold_token_into_with};

    fn f(s: &str) -> String {
        fold_token(s)
    }

    #[test]
    fn russian() {
        assert_eq!(f("Владимир"), "vladimir");
        assert_eq!(f("Путин"), "putin");
        assert_eq!(f("Сергей"), "sergey");
        assert_eq!(f("Лавров"), "lavrov");
        assert_eq!(f("Хрущёв"), "khrushchev");
        assert_eq!(f("Горбачев"), f("Горбачёв"));
        assert_eq!(f("Дмитрий"), "dmitry");
        assert_eq!(f("Медведев"), "medvedev");
        assert_eq!(f("Достоевский"), "dostoevsky");
        assert_eq!(f("Цой"), "tsoy");
        assert_eq!(f("Жуков"), "zhukov");
        assert_eq!(f("Юлия"), "yuliya");
        assert_eq!(f("Шойко"), "shoyko");
        assert_eq!(f("Соловьёв"), "solovyev");
        assert_eq!(f("Эльвира"), "elvira");
        assert_eq!(f("ВЛАДИМИР"), "vladimir");
        assert_eq!(f("Влади\u{0301}мир"), "vladimir"); // stress mark
        assert_eq!(f("Й"), "y");
    }

    #[test]
    fn ukrainian() {
        assert_eq!(f("Володимир"), "volodymyr");
        assert_eq!(f("Зеленський"), "zelenskyi");
        assert_eq!(f("Київ"), "kyiv");
        assert_eq!(f("Олексій"), "oleksii");
        assert_eq!(f("Андрій"), "andrii");
        assert_eq!(f("Ігор"), "ihor");
        assert_eq!(f("Тимошенко"), "tymoshenko");
        assert_eq!(f("Гордієнко"), "hordiienko");
        assert_eq!(f("Ґонґадзе"), "gongadze");
        assert_eq!(f("Згурський"), "zghurskyi");
        assert_eq!(f("В'ячеслав"), "viacheslav");
        let mut out = String::new();
        fold_token_into_with("Йосип", Some(CyrillicStyle::Ukrainian), &mut out);
        assert_eq!(out, "yosyp");
        // A Ukrainian letter anywhere in the token switches и and г.
        assert_eq!(f("Григорій"), "hryhorii");
        let mut out = String::new();
        let style = cyrillic_style("Юлія Володимирівна Тимошенко");
        assert_eq!(style, Some(CyrillicStyle::Ukrainian));
        fold_token_into_with("Григорович", style, &mut out);
        assert_eq!(out, "hryhorovych");
        assert_eq!(f("Юлія"), "yuliia");
    }

    #[test]
    fn other_cyrillic() {
        assert_eq!(f("Лукашэнка"), "lukashenka");
        assert_eq!(f("Аляксандр"), "alyaksandr");
        assert_eq!(f("Беларусь"), "belarus");
        assert_eq!(f("Вучић"), "vucic");
        assert_eq!(f("Ђоковић"), "djokovic");
        assert_eq!(f("Караџић"), "karadzic");
        assert_eq!(f("Љубљана"), "ljubljana");
        assert_eq!(f("Тоқаев"), "tokaev");
        assert_eq!(f("Назарбаев"), "nazarbaev");
        assert_eq!(f("Әлихан"), "alikhan");
        assert_eq!(
            cyrillic_style("Касым-Жомарт Тоқаев"),
            Some(CyrillicStyle::Kazakh)
        );
        assert_eq!(
            cyrillic_style("Аляксандр Рыгоравіч Лукашэнка"),
            Some(CyrillicStyle::Belarusian)
        );
        assert_eq!(cyrillic_style("Ђоковић"), Some(CyrillicStyle::Serbian));
        assert_eq!(cyrillic_style("Владимир Путин"), None);
    }
}
