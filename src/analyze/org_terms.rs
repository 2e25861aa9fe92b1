//! Organisation names written in several ways ("Intl" / "International",
//! "Third" / "3rd", "U.S." / "United States") given one canonical form for
//! the key and comparison; the display keeps what was written.

use super::{match_phrase, sub, Ctx, Tag, Tok};
use crate::tables::Word;

impl Ctx<'_> {
    /// Gives the words of an organisation name their canonical forms from
    /// the organisation-terms table ("Intl" → international, "Third" → 3,
    /// "United States" → us), adds up a tens and a units number
    /// ("Forty-Two" → 42) and reads digit ordinals as numbers ("3rd" → 3).
    /// Legal forms keep theirs.
    pub(super) fn org_terms(&mut self) {
        let (t, toks, sc) = (self.t, &mut self.toks[..], &mut *self.sc);
        let mut k = 0;
        while k < toks.len() {
            let found = if toks[k].tag == Some(Tag::Legal) {
                None
            } else {
                match_phrase(
                    &t.org_terms,
                    Word::ORG_TERM_FIRST,
                    t.org_terms_max,
                    toks,
                    k,
                    sc,
                )
            };
            let found = found
                .filter(|&(len, _)| toks[k..k + len].iter().all(|x| x.tag != Some(Tag::Legal)));
            let Some((len, canon)) = found else {
                k += 1;
                continue;
            };
            let a = sc.folds.len() as u32;
            sc.folds.push_str(canon);
            let b = sc.folds.len() as u32;
            for (m, tok) in toks[k..k + len].iter_mut().enumerate() {
                tok.canon = Some(if m == 0 { (a, b) } else { (b, b) });
            }
            k += len;
        }
        let mut k = 0;
        while k < toks.len() {
            if toks[k].tag == Some(Tag::Legal) {
                k += 1;
                continue;
            }
            let Some(n) = number(&sc.folds, &toks[k]) else {
                k += 1;
                continue;
            };
            // A tens word and a units word: "Forty-Two", "Twenty First".
            let units = toks
                .get(k + 1)
                .filter(|x| x.canon.is_some() && x.tag != Some(Tag::Legal))
                .and_then(|x| number(&sc.folds, x));
            let tens = toks[k].canon.is_some() && (20..=90).contains(&n) && n % 10 == 0;
            let (value, len) = match units {
                Some(u) if tens && (1..=9).contains(&u) => (n + u, 2),
                _ => (n, 1),
            };
            let value = value.to_string();
            let own = sub(&sc.folds, toks[k].canon.unwrap_or(toks[k].fold));
            if len == 1 && own == value {
                k += 1;
                continue;
            }
            let a = sc.folds.len() as u32;
            sc.folds.push_str(&value);
            let b = sc.folds.len() as u32;
            toks[k].canon = Some((a, b));
            if len == 2 {
                toks[k + 1].canon = Some((b, b));
            }
            k += len;
        }
    }
}

/// The number a token stands for: a canonical number word ("third" → 3),
/// digits, or digits with an English ordinal ending ("21st"). Leading
/// zeros keep a number apart ("007" is not 7).
fn number(folds: &str, x: &Tok) -> Option<u32> {
    let f = sub(folds, x.canon.unwrap_or(x.fold));
    let digits = f.trim_end_matches(|c: char| c.is_ascii_lowercase());
    let ordinal = &f[digits.len()..];
    let plain = x.canon.is_some() || matches!(ordinal, "" | "st" | "nd" | "rd" | "th");
    if !plain
        || digits.is_empty()
        || digits.len() > 9
        || (digits.len() > 1 && digits.starts_with('0'))
        || !digits.bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    digits.parse().ok()
}
