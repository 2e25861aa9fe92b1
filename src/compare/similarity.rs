//! Similarity of two parts: exact, variant, transliteration key, sounds
//! and close spelling.

use super::*;

/// Whether two known names of different groups are close in sounds,
/// compared strictly (see [`sound::Mode::Strict`]): the variant table keeps
/// some romanisations of one name in different groups (Haydar / Heidar,
/// Aleksej / Oleksiy), and those are no conflict of known names, while
/// names far apart in sounds are (Omar / Karim, Rami / Rima, Hamad /
/// Hamid).
pub(super) fn sounds_close(a: &Part<'_>, b: &Part<'_>) -> bool {
    let (fa, fb) = (a.fold(), b.fold());
    let maxlen = fa.len().max(fb.len());
    fa.len().abs_diff(fb.len()) <= 4
        && sound::same_start(fa, fb)
        && sound::firm_letters_close(a.data().mask, b.data().mask, maxlen)
        && sound::distance(fa, fb, sound_allowance(maxlen), sound::Mode::Strict)
            .is_some_and(|d| d.cost <= sound_allowance(d.len))
}

/// The sound distance allowed between two parts of `n` letters or sounds
/// that are one name: short parts may differ in one glide, h or class-mate
/// (Naci / Naji); parts of up to six sounds in one vowel too; a full edit
/// (an unrelated consonant, gained or lost) needs nine sounds or more, or
/// it makes another name (Soekarno / Soeharto).
pub(super) fn sound_allowance(n: usize) -> f32 {
    match n {
        0..=4 => 0.35,
        5..=6 => 0.6,
        7..=8 => 0.95,
        _ => 0.17 * n as f32 + 0.1,
    }
}

/// Edit budget for a part of `len` bytes: how many typos still count as a
/// spelling variant.
pub(crate) fn budget(len: usize) -> usize {
    match len {
        0..=3 => 0,
        4..=6 => 1,
        7..=10 => 2,
        _ => 3,
    }
}

/// Similarity of two parts, with the strongest evidence that holds.
/// `lens` are the lengths of the folded forms.
pub(super) fn part_similarity(
    a: &Part<'_>,
    b: &Part<'_>,
    (la, lb): (usize, usize),
    sino: bool,
    syllabic: bool,
) -> Option<(Evidence, f32)> {
    let (da, db) = (a.data(), b.data());
    if da.hash == db.hash && la == lb && a.fold() == b.fold() {
        return Some((Evidence::Exact, 1.0));
    }
    let (ta, tb) = (a.tag(), b.tag());
    if ta == Tag::Initial || tb == Tag::Initial {
        if ta == Tag::Initial && tb == Tag::Initial {
            return None;
        }
        let (fa, fb) = (a.fold(), b.fold());
        return (fa.as_bytes().first() == fb.as_bytes().first())
            .then_some((Evidence::Initial, 0.8));
    }
    if (ta == Tag::Legal) != (tb == Tag::Legal) {
        return None;
    }
    // A particle is a word of grammar, not a name: it is the same particle
    // or nothing (the article al is no spelling of Ali or Allah).
    if (ta == Tag::Particle) != (tb == Tag::Particle) {
        return None;
    }
    if ta == Tag::Particle
        && tb == Tag::Particle
        && article_form(a.fold())
        && article_form(b.fold())
    {
        return Some((Evidence::Variant, 0.95));
    }
    // The variant table also groups unrelated short readings (Chinese and
    // Vietnamese syllables); short forms must agree in their keys as well,
    // or, outside syllabic names and from four letters on, be close in
    // sounds (Igor / Ihar, Oleg / Aleh; not Jun / John).
    if da.group_sig & db.group_sig != 0
        && intersects(a.groups(), b.groups())
        && (la.min(lb) > 4
            || (da.skel_hash == db.skel_hash && a.skeleton() == b.skeleton())
            || (!syllabic
                && (la.min(lb) > 3 || a.groups().len() <= 2 && b.groups().len() <= 2)
                && sound::distance(a.fold(), b.fold(), 0.95, sound::Mode::Loose).is_some()))
    {
        return Some((Evidence::Variant, 0.95));
    }
    if da.spelling & db.spelling & KOREAN != 0 && korean::same_surname(a.fold(), b.fold()) {
        return Some((Evidence::Variant, 0.95));
    }
    // Both parts are known names of different groups (Hassan / Hussein,
    // Saad / Said): short keys and small edits prove nothing then.
    let known_apart = || {
        !a.groups().is_empty()
            && !b.groups().is_empty()
            && (da.group_sig & db.group_sig == 0 || !intersects(a.groups(), b.groups()))
    };
    let skel_equal = da.skel_hash == db.skel_hash && a.skeleton() == b.skeleton();
    let maxlen = la.max(lb);
    let jw = || jaro_winkler(a.fold(), b.fold()) as f32;
    let skel_len = a.skeleton().len();
    if skel_equal
        && skel_len >= 2
        && !final_vowel_apart(a.fold(), b.fold())
        && !(skel_len <= 3 && known_apart() && !same_vowels(a.fold(), b.fold()))
    {
        // Equal keys of short parts are weak: require the spellings to be
        // close as well.
        let j = jw();
        if skel_len >= 3 || j >= 0.8 {
            return Some((Evidence::Transliteration, 0.82 + 0.12 * j));
        }
    }
    if sino && da.sino != 0 && same_syllables(da.sino, db.sino) && !known_apart() {
        return Some((Evidence::Transliteration, 0.9));
    }
    let flags = da.spelling | db.spelling;
    if ta == Tag::Given
        && tb == Tag::Given
        && flags & FULL_FORM != 0
        && full_form(a.fold(), b.fold())
    {
        return Some((Evidence::Variant, 0.9));
    }
    if ta == Tag::Given
        && tb == Tag::Given
        && flags & COMPOUND != 0
        && compound_head(a.fold(), b.fold())
    {
        return Some((Evidence::Nickname, COMPOUND_HEAD_SIM));
    }
    if da.nick_sig & db.nick_sig != 0 && intersects(a.nicknames(), b.nicknames()) {
        return Some((Evidence::Nickname, 0.85));
    }
    let (fa, fb) = (a.fold(), b.fold());
    if ta == Tag::Given && tb == Tag::Given && (pilgrim(fa) || pilgrim(fb)) {
        if let Some(s) = glued_honorific(fa, fb) {
            return Some((Evidence::Glued, s));
        }
    }
    // Another romanisation of the same name: close in sounds.
    // Spellings with diacritics on both sides are exact about their vowels
    // (Müller / Möller); romanisations differ between plain spellings.
    let sound = if !syllabic
        && la.abs_diff(lb) <= 4
        && sound::same_start(fa, fb)
        && sound::firm_letters_close(da.mask, db.mask, maxlen)
        && (a.text().is_ascii() || b.text().is_ascii())
    {
        sound_similarity(fa, fb, maxlen, known_apart() && !family_ending(a, b))
    } else {
        None
    };
    let fuzzy = fuzzy_similarity(a, b, (la, lb), known_apart);
    match (sound, fuzzy) {
        (Some(s), Some(f)) if f > s => Some((Evidence::Fuzzy, f)),
        (Some(s), _) => Some((Evidence::Transliteration, s)),
        // A glued article is a closer reading than a slip of spelling
        // (Alramadan / Ramadan: a letter pair gained, not two typos).
        (None, Some(f)) => match glued_article(fa, fb) {
            Some(g) if g > f => Some((Evidence::Transliteration, g)),
            _ => Some((Evidence::Fuzzy, f)),
        },
        (None, None) if syllabic || known_apart() => None,
        (None, None) => glued_article(fa, fb).map(|s| (Evidence::Transliteration, s)),
    }
}

/// Whether a folded particle is the Arabic article in one of the forms
/// romanisations give it: al, el, il, ul; assimilated to a following sun
/// letter (ad, ar, as, ash, at, az, ur: Abd ar-Rahman, Zia-ur-Rahman); or
/// the Urdu shortened u (Zia-u-Rahman). Any two are one particle
/// (Diya al-Rahman / Zia ur Rahman).
pub(crate) fn article_form(f: &str) -> bool {
    matches!(
        f,
        "al" | "el" | "il" | "ul" | "ur" | "ad" | "ar" | "as" | "ash" | "at" | "az" | "u"
    )
}

/// The title of `other` that a given name's folded part `fold` spells: the
/// same word, or, from four letters on, one with the same first letter and
/// at most two letters more or less, written in other letters of the same
/// sounds (Sayed / Sayyed, Seyed / Sayyid, Mulla / Mullah). A title of
/// several words never.
pub(super) fn spelt_title<'n>(fold: &str, other: &'n Name) -> Option<&'n str> {
    let first = fold.as_bytes().first();
    other.titles().iter().map(String::as_str).find(|&t| {
        t.as_bytes().first() == first
            && t.len().abs_diff(fold.len()) <= 2
            && !t.contains(' ')
            && (t == fold
                || fold.len().min(t.len()) >= 4
                    && sound::distance(fold, t, TITLE_SPELLING, sound::Mode::Strict).is_some())
    })
}

/// The sound distance within which a part spells a title (see
/// [`spelt_title`]): vowels of one sound and doubled letters.
const TITLE_SPELLING: f32 = 0.6;

/// The pilgrim's honorific as Persian and Afghan records glue it to a
/// given name (Hajhamid: Haj Hamid), folded, longest first.
pub(super) const GLUED_HONORIFICS: [&str; 6] = ["hadji", "hajji", "haji", "hajj", "hadj", "haj"];

/// Similarity of two given names one of which carries the pilgrim's
/// honorific glued on (Hajhamid / Hamed): the rest compared in sounds, a
/// little below the same name without it. The rest must keep four letters
/// or more (Hajira, Hajime keep theirs).
pub(super) fn glued_honorific(fa: &str, fb: &str) -> Option<f32> {
    fn rest(s: &str) -> Option<&str> {
        GLUED_HONORIFICS
            .iter()
            .find_map(|h| s.strip_prefix(h))
            .filter(|r| r.len() >= 4)
    }
    glued_prefix(fa, fb, rest, 2)
}

/// Similarity of two parts one of which carries a prefix glued on that
/// `strip` removes: the rest against the other part, equal or compared in
/// sounds within `max_diff` letters of length, a little below the same
/// part without the prefix.
fn glued_prefix(
    fa: &str,
    fb: &str,
    strip: fn(&str) -> Option<&str>,
    max_diff: usize,
) -> Option<f32> {
    let (rest, other) = match (strip(fa), strip(fb)) {
        (Some(r), None) => (r, fb),
        (None, Some(r)) => (r, fa),
        _ => return None,
    };
    if rest == other {
        return Some(0.9);
    }
    if rest.len().abs_diff(other.len()) > max_diff || !sound::same_start(rest, other) {
        return None;
    }
    sound_similarity(rest, other, rest.len().max(other.len()), false).map(|s| s - 0.05)
}

/// Similarity of two parts one of which carries the Arabic article glued
/// on (Alsaraj / Serraj, Elsabri / Sabri, Alramadan / Ramazan): the rest
/// compared in sounds, a little below the same part without the article
/// (see [`article_rest`] for what counts as the article).
pub(super) fn glued_article(fa: &str, fb: &str) -> Option<f32> {
    glued_prefix(fa, fb, article_rest, GLUED_ARTICLE_DIFF)
}

/// How many letters the rest of a part without its glued article may be
/// longer or shorter than the part it is compared with.
pub(super) const GLUED_ARTICLE_DIFF: usize = 4;

/// Similarity of two parts that sound alike across romanisations (see
/// [`crate::sound`]): the cost allowed grows with the length, so that a
/// short part may differ in a vowel or a letter of one sound class and a
/// long one in several, or in one unrelated letter.
///
/// Two known names of different groups are different names when they
/// differ in a vowel (Hamad / Hamid, Saad / Said, Omar / Amir): they are
/// compared strictly, where only glides, h, letters of a sound class and
/// spellings of one short vowel are cheap (Mayya / Maiya, Naci / Naji,
/// Kamil / Kamel, Aleksej / Oleksiy).
pub(super) fn sound_similarity(
    fa: &str,
    fb: &str,
    maxlen: usize,
    known_apart: bool,
) -> Option<f32> {
    let mode = if known_apart {
        sound::Mode::Strict
    } else {
        sound::Mode::Loose
    };
    let d = sound::distance(fa, fb, sound_allowance(maxlen), mode)?;
    if d.cost > sound_allowance(d.len) {
        return None;
    }
    Some((0.95 - 0.5 * d.cost / d.len as f32).max(0.75))
}

/// Parts of this many letters or more are long: a letter dropped or added
/// in them is a smaller share of the name (see [`fuzzy_similarity`]).
const LONG_SLIP: usize = 7;

/// How many times its share of the letters a letter dropped or added costs
/// in a long part.
const SLIP_SHARE_LONG: f32 = 1.5;

/// Similarity of two parts within a small edit distance: a typing slip.
pub(super) fn fuzzy_similarity(
    a: &Part<'_>,
    b: &Part<'_>,
    (la, lb): (usize, usize),
    known_apart: impl Fn() -> bool,
) -> Option<f32> {
    let (da, db) = (a.data(), b.data());
    let maxlen = la.max(lb);
    let bud = budget(la.min(lb));
    if bud == 0 || la.abs_diff(lb) > bud {
        return None;
    }
    // Each edit changes at most two letters of the letter set.
    // Two known names of different groups are not a slip of one another
    // (Mostafa / Mojtaba); a slip is for rare names.
    if (da.mask ^ db.mask).count_ones() as usize > 2 * bud
        || known_apart()
        || final_vowel_apart(a.fold(), b.fold())
    {
        return None;
    }
    let (fa, fb) = (a.fold(), b.fold());
    let d = osa_distance(fa, fb);
    if d == 0 || d > bud {
        return None;
    }

    // A swap of two neighbouring letters is a typing slip (Epser / Esper);
    // any other edit in a short part is a larger share of it: one slip in
    // "Conti" says less than one in "Marizamunda". A letter dropped or
    // added in a long part, the commonest slip of a copied name, costs
    // less (Grudkov / Grukov, Marizamunda / Marizamnda); a letter for
    // another may be another name (Khawarah / Khafarah).
    let sim = if d == 1 && levenshtein(fa, fb) == 2 {
        0.85
    } else if maxlen >= LONG_SLIP && la.abs_diff(lb) == d {
        1.0 - SLIP_SHARE_LONG * d as f32 / maxlen as f32
    } else {
        1.0 - 2.0 * d as f32 / maxlen as f32
    };
    Some(sim.clamp(0.5, 0.9))
}

/// Whether one given name is the other's East Slavic full form: the short
/// form that Ukrainian and Belarusian write (Yevhen, Vital, Anatol), four
/// letters or more and ending in a consonant, against the same name with
/// the ending -ii, -iy, -ij or -yi, strictly close in sounds once the
/// ending is taken off (Yevhen / Yevhenii, Yevhen / Yevgeniy), the
/// Ukrainian h read as the Russian g if need be (Yevhen / Evgeniy). The
/// variant table keeps the two forms in different items.
pub(super) fn full_form(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() < b.len() { (a, b) } else { (b, a) };
    if long.len() < short.len() + 1 || long.len() > short.len() + 3 {
        return false;
    }
    let Some(stem) = ["ii", "iy", "ij", "yi"]
        .iter()
        .find_map(|e| long.strip_suffix(e))
    else {
        return false;
    };
    let consonant = |c: u8| !matches!(c, b'a' | b'e' | b'i' | b'o' | b'u' | b'y');
    let (Some(&x), Some(&y)) = (short.as_bytes().last(), stem.as_bytes().last()) else {
        return false;
    };
    let maxlen = short.len().max(stem.len());
    let close = |short: &str| {
        sound::same_start(short, stem)
            && sound::distance(short, stem, sound_allowance(maxlen), sound::Mode::Strict)
                .is_some_and(|d| d.cost <= sound_allowance(d.len))
    };
    if short.len() < 4 || !consonant(x) || !consonant(y) {
        return false;
    }
    if close(short) {
        return true;
    }
    // The Ukrainian and Belarusian h is the Russian g (Yevhen / Evgeniy):
    // the short form read with g for each h that is no part of a digraph
    // (kh, sh, zh, ch).
    let mut buf = [0u8; 24];
    let b = short.as_bytes();
    if b.len() > buf.len() || !b.contains(&b'h') {
        return false;
    }
    for (i, &c) in b.iter().enumerate() {
        let digraph = i > 0
            && matches!(
                b[i - 1],
                b'k' | b's' | b'z' | b'c' | b't' | b'd' | b'g' | b'p'
            );
        buf[i] = if c == b'h' && !digraph { b'g' } else { c };
    }
    std::str::from_utf8(&buf[..b.len()]).is_ok_and(close)
}

/// The similarity of a compound given name and its first element: a short
/// form, weaker than a nickname from the tables.
const COMPOUND_HEAD_SIM: f32 = 0.8;

/// Whether one name is a compound of the other and Allah or al-Din,
/// glued (Rahmatollah / Rahmat, Nizamuddin / Nizam, Rafiqullah /
/// Rafiq): the compound is commonly shortened to its first element. The
/// first element keeps four letters or more (not Abd, Ata, Zia). Asked
/// only when both parts are in the given-name role: as family names,
/// Nasrallah and Nasr are two families.
pub(super) fn compound_head(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() < b.len() { (a, b) } else { (b, a) };
    short.len() >= 4
        && long
            .strip_prefix(short)
            .is_some_and(|tail| COMPOUND_TAILS.contains(&tail))
}

/// Whether two family names end one in a and the other in e: no gender
/// ending in that role, but the final vowel that Somali, Persian and
/// Arabic romanisations spell either way (Musa / Musse, Moussa / Musse),
/// so known names of different groups are compared loosely there; given
/// names so ending may be a pair of genders (Daniela / Daniele) and stay
/// strict.
fn family_ending(a: &Part<'_>, b: &Part<'_>) -> bool {
    let (Some(&x), Some(&y)) = (a.fold().as_bytes().last(), b.fold().as_bytes().last()) else {
        return false;
    };
    a.tag() == Tag::Family && b.tag() == Tag::Family && matches!((x.min(y), x.max(y)), (b'a', b'e'))
}

/// Whether two short folded parts differ in their final vowel only: another
/// name or form, not a spelling (Mwangi / Mwanga, Kamau / Kamai).
pub(super) fn final_vowel_apart(a: &str, b: &str) -> bool {
    let vowel = |c: u8| matches!(c, b'a' | b'e' | b'i' | b'o' | b'u');
    let (x, y) = (a.as_bytes(), b.as_bytes());
    let n = x.len();
    n == y.len()
        && (3..=6).contains(&n)
        && x[..n - 1] == y[..n - 1]
        && x[n - 1] != y[n - 1]
        && vowel(x[n - 1])
        && vowel(y[n - 1])
}

/// Whether two folded parts differ only in how their vowels are spelt:
/// ou/oo/u, ee/ie/y/i, doubled letters, a final h or e (Nouri / Nuri,
/// Loudiyi / Loudyi) — not in which vowels they have (Saad / Said, Hamad /
/// Hamid).
pub(super) fn same_vowels(a: &str, b: &str) -> bool {
    fn light(s: &str) -> Vec<u8> {
        let b = s.as_bytes();
        let mut out: Vec<u8> = Vec::with_capacity(b.len());
        let mut i = 0;
        while i < b.len() {
            let two = &b[i..b.len().min(i + 2)];
            let (c, used) = match two {
                b"ou" | b"oo" => (b'u', 2),
                b"ee" | b"ie" | b"ey" | b"iy" => (b'i', 2),
                [b'y', ..] if i > 0 => (b'i', 1),
                _ => (b[i], 1),
            };
            if out.last() != Some(&c) {
                out.push(c);
            }
            i += used;
        }
        while matches!(out.last(), Some(b'h') | Some(b'e')) && out.len() > 2 {
            out.pop();
        }
        out
    }
    light(a) == light(b)
}

pub(super) fn intersects(x: &[u32], y: &[u32]) -> bool {
    if x.is_empty() || y.is_empty() {
        return false;
    }
    let (mut i, mut j) = (0, 0);
    while i < x.len() && j < y.len() {
        match x[i].cmp(&y[j]) {
            std::cmp::Ordering::Equal => return true,
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
        }
    }
    false
}

/// The longest ASCII strings Jaro–Winkler below takes on the stack; longer
/// ones, and any with other characters, go through `strsim`.
const SHORT: usize = 64;

/// Whether `a` and `b` are ASCII and short enough for the stack versions.
fn short_ascii(a: &str, b: &str) -> bool {
    a.len() <= SHORT && b.len() <= SHORT && a.is_ascii() && b.is_ascii()
}

/// `strsim::jaro_winkler`, the same computation on bytes for short ASCII
/// strings (where bytes are characters), with no allocation: the result is
/// bit for bit the same.
pub(super) fn jaro_winkler(a: &str, b: &str) -> f64 {
    if !short_ascii(a, b) {
        return strsim::jaro_winkler(a, b);
    }
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let sim = jaro(a, b);
    if sim > 0.7 {
        let prefix = a.iter().take(4).zip(b).take_while(|(x, y)| x == y).count();
        sim + 0.1 * prefix as f64 * (1.0 - sim)
    } else {
        sim
    }
}

/// `strsim::jaro` on bytes, at most [`SHORT`] of them on each side.
fn jaro(a: &[u8], b: &[u8]) -> f64 {
    let (la, lb) = (a.len(), b.len());
    if la == 0 && lb == 0 {
        return 1.0;
    } else if la == 0 || lb == 0 {
        return 0.0;
    }
    let range = (la.max(lb) / 2).saturating_sub(1);
    let mut fa = [false; SHORT];
    let mut fb = [false; SHORT];
    let mut matches = 0usize;
    for (i, &x) in a.iter().enumerate() {
        let lo = i.saturating_sub(range);
        let hi = lb.min(i + range + 1);
        for j in lo..hi {
            if x == b[j] && !fb[j] {
                fa[i] = true;
                fb[j] = true;
                matches += 1;
                break;
            }
        }
    }
    if matches == 0 {
        return 0.0;
    }
    let mut transpositions = 0usize;
    let mut j = 0;
    for i in (0..la).filter(|&i| fa[i]) {
        while !fb[j] {
            j += 1;
        }
        if a[i] != b[j] {
            transpositions += 1;
        }
        j += 1;
    }
    transpositions /= 2;
    ((matches as f64 / la as f64)
        + (matches as f64 / lb as f64)
        + ((matches - transpositions) as f64 / matches as f64))
        / 3.0
}

/// The longest ASCII strings the edit distances below take on the stack
/// (their rows hold distances as bytes).
const SHORT_EDIT: usize = 32;

/// `strsim::osa_distance` (optimal string alignment), on bytes and with
/// rows on the stack for short ASCII strings.
pub(super) fn osa_distance(a: &str, b: &str) -> usize {
    if a.len() > SHORT_EDIT || b.len() > SHORT_EDIT || !a.is_ascii() || !b.is_ascii() {
        return strsim::osa_distance(a, b);
    }
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let n = b.len();
    let mut two = [0u8; SHORT_EDIT + 1];
    let mut prev = [0u8; SHORT_EDIT + 1];
    let mut cur = [0u8; SHORT_EDIT + 1];
    for j in 0..=n {
        two[j] = j as u8;
        prev[j] = j as u8;
    }
    for (i, &x) in a.iter().enumerate() {
        cur[0] = i as u8 + 1;
        for (j, &y) in b.iter().enumerate() {
            let cost = u8::from(x != y);
            let mut d = (cur[j] + 1).min((prev[j + 1] + 1).min(prev[j] + cost));
            if i > 0 && j > 0 && x != y && x == b[j - 1] && y == a[i - 1] {
                d = d.min(two[j - 1] + 1);
            }
            cur[j + 1] = d;
        }
        std::mem::swap(&mut two, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[n] as usize
}

/// `strsim::levenshtein`, on bytes and with one row on the stack for short
/// ASCII strings.
pub(super) fn levenshtein(a: &str, b: &str) -> usize {
    if a.len() > SHORT_EDIT || b.len() > SHORT_EDIT || !a.is_ascii() || !b.is_ascii() {
        return strsim::levenshtein(a, b);
    }
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let mut cache = [0u8; SHORT_EDIT];
    for (j, c) in cache.iter_mut().enumerate().take(b.len()) {
        *c = j as u8 + 1;
    }
    let mut result = b.len() as u8;
    for (i, &x) in a.iter().enumerate() {
        result = i as u8 + 1;
        let mut db = i as u8;
        for (j, &y) in b.iter().enumerate() {
            let da = db + u8::from(x != y);
            db = cache[j];
            result = (result + 1).min(da.min(db + 1));
            cache[j] = result;
        }
    }
    result as usize
}

#[cfg(test)]
mod fast_tests {
    use super::*;
    use proptest::prelude::*;

    /// Short strings over a small alphabet, so that matches, swaps and
    /// repeats are common; now and then a non-ASCII letter.
    fn word() -> impl Strategy<Value = String> {
        prop_oneof![
            4 => "[abcdehilmnorsu]{0,12}",
            1 => "[abé]{0,6}",
            1 => "[a-z]{0,70}",
            1 => "[ab]{28,36}",
        ]
    }

    #[test]
    fn known_values() {
        assert_eq!(osa_distance("ab", "bca"), 3);
        assert_eq!(osa_distance("epser", "esper"), 1);
        assert_eq!(levenshtein("epser", "esper"), 2);
        assert_eq!(levenshtein("kitten", "sitting"), 3);
        assert_eq!(jaro_winkler("", ""), 1.0);
        assert_eq!(jaro_winkler("abc", ""), 0.0);
    }

    proptest! {
        #[test]
        fn same_as_strsim(a in word(), b in word()) {
            prop_assert_eq!(osa_distance(&a, &b), strsim::osa_distance(&a, &b));
            prop_assert_eq!(levenshtein(&a, &b), strsim::levenshtein(&a, &b));
            prop_assert_eq!(
                jaro_winkler(&a, &b).to_bits(),
                strsim::jaro_winkler(&a, &b).to_bits()
            );
        }

        #[test]
        fn same_as_strsim_on_near_copies(a in word(), i in 0usize..16, c in 0u8..4) {
            // One edit of `a`: the pairs a fuzzy match sees.
            let mut v = a.clone().into_bytes();
            if !v.is_empty() && a.is_ascii() {
                let i = i % v.len();
                match c {
                    0 => { v.remove(i); }
                    1 => v.insert(i, b'x'),
                    2 if i + 1 < v.len() => v.swap(i, i + 1),
                    _ => v[i] = b'y',
                }
            }
            let b = String::from_utf8(v).unwrap_or_default();
            prop_assert_eq!(osa_distance(&a, &b), strsim::osa_distance(&a, &b));
            prop_assert_eq!(levenshtein(&a, &b), strsim::levenshtein(&a, &b));
            prop_assert_eq!(
                jaro_winkler(&a, &b).to_bits(),
                strsim::jaro_winkler(&a, &b).to_bits()
            );
        }
    }
}
