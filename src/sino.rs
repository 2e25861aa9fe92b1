//! Syllable keys for romanised Chinese.
//!
//! Chinese names reach text in two main romanisations: Hanyu Pinyin (Mao
//! Zedong, Deng Xiaoping, Zhou Enlai) and the older Wade–Giles, still usual
//! for Taiwan and for historical figures (Mao Tse-tung, Teng Hsiao-ping, Chou
//! En-lai). Their consonants and vowels differ in systematic ways that the
//! general transliteration key does not model (`ts` / `z`, `hs` / `x`, `t` /
//! `d`, `-ung` / `-ong`, `-ih` / `-i`), so a part that reads as a sequence of
//! Chinese syllables gets a second key: its syllables, each reduced to a
//! class of initial and a class of final on which both systems agree.
//!
//! Folding removes the apostrophe of Wade–Giles aspiration (`t'ung` becomes
//! `tung`), so the classes merge each aspirated / unaspirated pair (b/p,
//! d/t, g/k, z/c, zh/ch/j/q); the finals `e`, `o` and `uo` also share a
//! class. The key is coarse on purpose: Pinyin "Tao" and "Dao" are
//! different names, so the key is evidence only when both names read as
//! Chinese as a whole and at least one of them is written in Wade–Giles
//! (see the comparison module). The key's top bit says whether the reading
//! needed a spelling that only Wade–Giles uses (`hs`, `ts`, `tz`, `-ih`,
//! `-ieh`, `-ien`, `-ung`, `-uei`, `-erh`, a bare `i`, `in`, `ing`).

/// Syllables a part may have at most; longer parts get no key.
const MAX_SYLLABLES: u32 = 5;
/// Bits per syllable code in a key.
const BITS: u32 = 12;
/// The key's flag for a spelling only Wade–Giles uses.
pub(crate) const WADE_GILES: u64 = 1 << 63;
/// Flag on a syllable code: Wade–Giles spelling.
const WG: u16 = 1 << 15;

// Initial classes.
const NONE: u16 = 0;
const B: u16 = 1;
const M: u16 = 2;
const F: u16 = 3;
const T: u16 = 4;
const N: u16 = 5;
const L: u16 = 6;
const K: u16 = 7;
const H: u16 = 8;
const C: u16 = 9;
const Z: u16 = 10;
const S: u16 = 11;
const SH: u16 = 12;
const X: u16 = 13;
const R: u16 = 14;
const Y: u16 = 15;
const W: u16 = 16;

/// Finals of both systems by their first letter, longest first, with the
/// class each maps to (the Pinyin final it spells) and its flags.
type Finals = &'static [(&'static [u8], u8, u8)];
/// Flag of a final that may stand without an initial.
const ZERO: u8 = 1;
/// Flag of a final that, without an initial, reads as Pinyin's y- syllable
/// (Wade–Giles i, in, ing for yi, yin, ying).
const ZERO_Y: u8 = 2;
/// Flag of a final that only Wade–Giles spells.
const WG_FINAL: u8 = 4;
const FINALS_A: Finals = &[
    (b"ang", 3, ZERO),
    (b"ai", 1, ZERO),
    (b"an", 2, ZERO),
    (b"ao", 4, ZERO),
    (b"a", 0, ZERO),
];
const FINALS_E: Finals = &[
    (b"eng", 8, ZERO),
    (b"erh", 9, ZERO | WG_FINAL),
    (b"er", 9, ZERO),
    (b"ei", 6, ZERO),
    (b"en", 7, ZERO),
    (b"eh", 5, WG_FINAL),
    (b"e", 5, ZERO),
];
const FINALS_I: Finals = &[
    (b"iang", 15, 0),
    (b"iung", 24, WG_FINAL),
    (b"iong", 24, 0),
    (b"iao", 16, 0),
    (b"ieh", 17, WG_FINAL),
    (b"ien", 14, WG_FINAL),
    (b"ian", 14, 0),
    (b"ing", 19, ZERO | ZERO_Y),
    (b"ia", 13, 0),
    (b"ie", 17, 0),
    (b"in", 18, ZERO | ZERO_Y),
    (b"ih", 10, WG_FINAL),
    (b"iu", 20, 0),
    (b"i", 10, ZERO | ZERO_Y),
];
const FINALS_O: Finals = &[(b"ong", 22, 0), (b"ou", 23, ZERO), (b"o", 5, ZERO)];
const FINALS_U: Finals = &[
    (b"uang", 31, 0),
    (b"ung", 22, WG_FINAL),
    (b"uai", 26, 0),
    (b"uan", 27, 0),
    (b"uei", 28, WG_FINAL),
    (b"ueh", 29, WG_FINAL),
    (b"ua", 25, 0),
    (b"ui", 28, 0),
    (b"ue", 29, 0),
    (b"un", 30, 0),
    (b"uo", 5, 0),
    (b"u", 21, 0),
];

fn finals(first: u8) -> Finals {
    match first {
        b'a' => FINALS_A,
        b'e' => FINALS_E,
        b'i' => FINALS_I,
        b'o' => FINALS_O,
        b'u' => FINALS_U,
        _ => &[],
    }
}

fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// A cheap test that rejects most parts that cannot be Chinese syllables:
/// every run of consonants must be a syllable ending (n, ng, h, r, rh)
/// followed by an initial, and the part must end in a vowel or an ending.
pub(crate) fn plausible(fold: &str) -> bool {
    const fn pair(x: &[u8; 2]) -> u16 {
        (x[0] as u16) << 8 | x[1] as u16
    }
    const ZH: u16 = pair(b"zh");
    const CH: u16 = pair(b"ch");
    const SH: u16 = pair(b"sh");
    const HS: u16 = pair(b"hs");
    const TS: u16 = pair(b"ts");
    const TZ: u16 = pair(b"tz");
    const SS: u16 = pair(b"ss");
    const SZ: u16 = pair(b"sz");
    const NG: u16 = pair(b"ng");
    const RH: u16 = pair(b"rh");
    let two = |x: u16| matches!(x, ZH | CH | SH | HS | TS | TZ | SS | SZ);
    let coda1 = |c: u8| matches!(c, b'n' | b'h' | b'r');
    let coda2 = |x: u16| matches!(x, NG | RH);
    let s = fold.as_bytes();
    let n = s.len();
    let mut i = 0;
    while i < n {
        let c = s[i];
        if is_vowel(c) {
            i += 1;
            continue;
        }
        let start = i;
        while i < n && !is_vowel(s[i]) {
            if !s[i].is_ascii_lowercase() || s[i] == b'v' {
                return false;
            }
            i += 1;
        }
        let len = i - start;
        let at_end = i == n;
        let p = |k: usize| (s[start + k] as u16) << 8 | s[start + k + 1] as u16;
        let valid = match (start == 0, at_end, len) {
            // An initial of one or two letters, then a vowel.
            (true, false, 1) => true,
            (true, false, 2) => two(p(0)),
            (true, _, _) => false,
            // An ending.
            (false, true, 1) => coda1(c),
            (false, true, 2) => coda2(p(0)),
            (false, true, _) => false,
            // An ending, then an initial.
            (false, false, 1) => true,
            (false, false, 2) => two(p(0)) || coda1(c) || coda2(p(0)),
            (false, false, 3) => (coda1(c) && two(p(1))) || coda2(p(0)),
            (false, false, 4) => coda2(p(0)) && two(p(2)),
            (false, false, _) => false,
        };
        if !valid {
            return false;
        }
    }
    true
}

/// Initials of both systems, longest first, with their classes.
fn initial(s: &[u8]) -> (usize, u16) {
    let two = |a: u8, b: u8| s.len() >= 2 && s[0] == a && s[1] == b;
    if two(b'z', b'h') || two(b'c', b'h') {
        return (2, C);
    }
    if two(b's', b'h') {
        return (2, SH);
    }
    if two(b'h', b's') {
        return (2, X);
    }
    if two(b't', b's') || two(b't', b'z') {
        return (2, Z);
    }
    if two(b's', b's') || two(b's', b'z') {
        return (2, S);
    }
    let class = match s.first() {
        Some(b'b' | b'p') => B,
        Some(b'm') => M,
        Some(b'f') => F,
        Some(b'd' | b't') => T,
        Some(b'n') => N,
        Some(b'l') => L,
        Some(b'g' | b'k') => K,
        Some(b'h') => H,
        Some(b'q') => C,
        // Pinyin j comes before i and u; Wade–Giles j (Pinyin r) before the
        // other vowels.
        Some(b'j') => match s.get(1) {
            Some(b'i' | b'u') => C,
            _ => R,
        },
        Some(b'x') => X,
        Some(b'z' | b'c') => Z,
        Some(b's') => S,
        Some(b'r') => R,
        Some(b'y') => Y,
        Some(b'w') => W,
        _ => return (0, NONE),
    };
    (1, class)
}

/// The syllables that can start `s`, as (length, code).
fn syllables(s: &[u8], out: &mut [(u8, u16); 8]) -> usize {
    let (ilen, class) = initial(s);
    let rest = &s[ilen..];
    let mut n = 0;
    let Some(&first) = rest.first() else {
        return 0;
    };
    let two_letter = |x: &[(u8, u8)]| ilen == 2 && x.contains(&(s[0], s[1]));
    // Wade–Giles tzu, ssu, szu are Pinyin zi, si (the apical vowel).
    let apical = two_letter(&[(b't', b'z'), (b's', b's'), (b's', b'z')]);
    let wg_initial =
        apical || two_letter(&[(b'h', b's'), (b't', b's')]) || (class == R && s[0] == b'j');
    // Pinyin writes ch before no i but that of chi; Wade–Giles writes its
    // ch for Pinyin j and q (Chin / Jin, Chiang / Jiang, Ching / Qing).
    let ch = two_letter(&[(b'c', b'h')]);
    for &(fin, fclass, flags) in finals(first) {
        if n == out.len() {
            break;
        }
        // Finals are one to four letters: compare them byte by byte.
        if fin.len() > rest.len() || fin.iter().zip(rest).any(|(x, y)| x != y) {
            continue;
        }
        // Zero-initial syllables: Pinyin writes i- and u- as y- and w-;
        // Wade–Giles writes i, in, ing (Pinyin yi, yin, ying).
        if class == NONE && flags & ZERO == 0 {
            continue;
        }
        let fclass = if apical && fin == b"u" { 10 } else { fclass };
        let zero_y = class == NONE && flags & ZERO_Y != 0;
        let cls = if zero_y { Y } else { class };
        let wade_giles = wg_initial
            || zero_y
            || flags & WG_FINAL != 0
            || (ch && fin.len() > 1 && fin[0] == b'i');
        let flag = if wade_giles { WG } else { 0 };
        out[n] = (
            (ilen + fin.len()) as u8,
            (1 + (cls << 6 | fclass as u16)) | flag,
        );
        n += 1;
    }
    n
}

/// The syllable key of a folded part, or 0 when the part does not read as
/// one to five Chinese syllables. Among several readings the one with the
/// fewest syllables wins, then the one with the longer first syllables.
pub(crate) fn key(fold: &str) -> u64 {
    let s = fold.as_bytes();
    if s.is_empty() || s.len() > 30 || !plausible(fold) {
        return 0;
    }
    // best[i]: (syllables, key) of the best reading of s[..i], filled
    // forwards from the positions a reading reaches.
    let mut best = [(u32::MAX, 0u64); 31];
    best[0] = (0, 0);
    let mut buf = [(0u8, 0u16); 8];
    for i in 0..s.len() {
        let (count, head) = best[i];
        if count >= MAX_SYLLABLES {
            continue;
        }
        let n = syllables(&s[i..], &mut buf);
        for &(len, code) in &buf[..n] {
            let j = i + len as usize;
            // Fewer syllables win; on a tie, the longer earlier syllable.
            if count + 1 > best[j].0 {
                continue;
            }
            let flag = if code & WG != 0 { WADE_GILES } else { 0 };
            let syl = (code & !WG) as u64;
            best[j] = (
                count + 1,
                (syllables_of(head) << BITS | syl) | (head & WADE_GILES) | flag,
            );
        }
    }
    match best[s.len()] {
        (u32::MAX, _) => 0,
        (_, k) => k,
    }
}

/// The syllables of a key, without its flag.
pub(crate) fn syllables_of(key: u64) -> u64 {
    key & !WADE_GILES
}

/// The number of syllables in a key.
#[inline]
pub(crate) fn count(key: u64) -> u32 {
    (64 - syllables_of(key).leading_zeros()).div_ceil(BITS)
}

/// The key of two parts read one after the other, or 0 when either has no
/// key or the whole would be too long.
pub(crate) fn concat(first: u64, second: u64) -> u64 {
    let n = count(second);
    if first == 0 || second == 0 || count(first) + n > MAX_SYLLABLES {
        return 0;
    }
    let flags = (first | second) & WADE_GILES;
    syllables_of(first) << (BITS * n) | syllables_of(second) | flags
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pinyin_and_wade_giles_agree() {
        let same = [
            ("zedong", "tsetung"),
            ("deng", "teng"),
            ("xiaoping", "hsiaoping"),
            ("zhou", "chou"),
            ("enlai", "enlai"),
            ("qingde", "chingte"),
            ("cai", "tsai"),
            ("yingwen", "ingwen"),
            ("zi", "tzu"),
            ("si", "ssu"),
            ("zhi", "chih"),
            ("ren", "jen"),
            ("xian", "hsien"),
            ("jiang", "chiang"),
            ("gui", "kuei"),
            ("xie", "hsieh"),
            ("zhong", "chung"),
            ("zuo", "tso"),
        ];
        for (a, b) in same {
            assert_ne!(key(a), 0, "{a}");
            assert_eq!(syllables_of(key(a)), syllables_of(key(b)), "{a} vs {b}");
            assert_eq!(key(a) & WADE_GILES, 0, "{a} is Pinyin");
        }
        for wg in [
            "tsetung",
            "hsiaoping",
            "ingwen",
            "tzu",
            "chih",
            "jen",
            "hsien",
            "kuei",
            "chin",
            "chiang",
            "chingkuo",
        ] {
            assert_ne!(key(wg) & WADE_GILES, 0, "{wg} is Wade-Giles");
        }
        for pinyin in ["chi", "chen", "cheng", "chuan"] {
            assert_eq!(key(pinyin) & WADE_GILES, 0, "{pinyin} is Pinyin");
        }
    }

    #[test]
    fn other_syllables_differ() {
        let differ = [
            ("zedong", "zetang"),
            ("deng", "dong"),
            ("li", "lin"),
            ("wang", "huang"),
        ];
        for (a, b) in differ {
            assert_ne!(key(a), key(b), "{a} vs {b}");
        }
    }

    #[test]
    fn non_chinese_parts_have_no_key() {
        for s in ["karuretwa", "smith", "juvenal", "vladimir", "", "ng"] {
            assert_eq!(key(s), 0, "{s}");
        }
        assert_eq!(key(&"ba".repeat(6)), 0, "too many syllables");
    }

    #[test]
    fn concatenation_is_reading_in_sequence() {
        assert_eq!(concat(key("tse"), key("tung")), key("tsetung"));
        assert_eq!(
            syllables_of(concat(key("hsiao"), key("ping"))),
            key("xiaoping")
        );
        assert_eq!(concat(key("smith"), key("tung")), 0);
        assert_eq!(concat(key("bababa"), key("bababa")), 0);
    }
}
