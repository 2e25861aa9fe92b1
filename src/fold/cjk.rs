//! Han, Kana and Hangul: per-character romanisation (pinyin without tones,
//! Revised Romanisation).

use super::{fold_token, push_ascii_lower, script_of, Script};

/// Per-character romanised syllables of a Han or Hangul token, so that a
/// caller can split a Chinese or Korean name into family and given name.
/// Each Han character or Hangul syllable gives one element; runs of other
/// characters are folded together into a single element. Empty results are
/// skipped.
///
/// ```
/// use canonym::fold::han_syllables;
/// assert_eq!(han_syllables("习近平"), ["xi", "jin", "ping"]);
/// assert_eq!(han_syllables("김정은"), ["gim", "jeong", "eun"]);
/// ```
pub fn han_syllables(token: &str) -> Vec<String> {
    let mut syllables = Vec::new();
    let mut pending: Option<usize> = None;
    let flush = |from: Option<usize>, to: usize, syllables: &mut Vec<String>| {
        if let Some(from) = from {
            let folded = fold_token(&token[from..to]);
            if !folded.is_empty() {
                syllables.push(folded);
            }
        }
    };
    for (i, c) in token.char_indices() {
        if matches!(script_of(c), Script::Han | Script::Hangul) {
            flush(pending.take(), i, &mut syllables);
            let mut s = String::new();
            push_ascii_lower(any_ascii::any_ascii_char(c), &mut s);
            if !s.is_empty() {
                syllables.push(s);
            }
        } else if pending.is_none() {
            pending = Some(i);
        }
    }
    flush(pending, token.len(), &mut syllables);
    syllables
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(s: &str) -> String {
        fold_token(s)
    }

    #[test]
    fn east_asian() {
        assert_eq!(f("习近平"), "xijinping");
        assert_eq!(f("毛泽东"), "maozedong");
        assert_eq!(han_syllables("习近平"), ["xi", "jin", "ping"]);
        assert_eq!(f("김정은"), "gimjeongeun");
        assert_eq!(han_syllables("김정은"), ["gim", "jeong", "eun"]);
        assert_eq!(han_syllables("Li习"), ["li", "xi"]);
        assert_eq!(f("しんぞう"), "shinzou");
        assert_eq!(f("アベ"), "abe");
        assert_eq!(f("ｱﾍﾞ"), "abe");
    }
}
