//! Words cut into pieces: dotted runs ("J.R.R.") and Chinese or Korean
//! names written without spaces, whose first syllable is the family name.

use super::{fold_tok, new_tok, split_camel, Ctx, Sep};
use crate::fold::{self, Script};

impl Ctx<'_> {
    /// Splits dotted runs that are not legal forms into pieces.
    pub(super) fn dotted_runs(&mut self) {
        let (t, s, sc) = (self.t, self.s, &mut *self.sc);
        let (is_org, style) = (self.is_org, self.style);
        let mut toks = std::mem::take(&mut self.toks);
        // Dotted runs that are not legal forms become separate pieces
        // ("J.R.R." → J. R. R.).
        // Organisations keep them whole: "U.S. Department of Defense".
        if !is_org && toks.iter().any(|x| x.dotted && x.tag.is_none()) {
            let mut out = Vec::with_capacity(toks.len() + 2);
            for tok in toks.drain(..) {
                if !tok.dotted || tok.tag.is_some() {
                    out.push(tok);
                    continue;
                }
                let text = &s[tok.start..tok.end];
                let mut a = 0;
                let pieces: Vec<(usize, usize)> = text
                    .split('.')
                    .map(|p| {
                        let r = (a, a + p.len());
                        a += p.len() + 1;
                        r
                    })
                    .filter(|r| r.1 > r.0)
                    .collect();
                // The first piece kept takes the run's separator, even when
                // pieces before it fold to nothing (a lone combining mark).
                let mut first = true;
                let kept_from = out.len();
                for &(pa, pb) in &pieces {
                    let sep = if first { tok.sep } else { Sep::Glued };
                    let mut p = new_tok(s, tok.start + pa, tok.start + pb, sep);
                    p.piece = true;
                    p.family_hint = tok.family_hint;
                    fold_tok(t, s, &mut p, style, &mut sc.folds);
                    if p.fold.1 > p.fold.0 {
                        first = false;
                        out.push(p);
                    }
                }
                // A stop between kept pieces shows in the display; the last
                // kept piece takes the run's own end, its closing stop and
                // comma: "A.\u{63E}" (a letter that folds to nothing) is "A",
                // not "A.", as "A. S." would then read as a legal form.
                let kept = &mut out[kept_from..];
                let n = kept.len();
                for (m, p) in kept.iter_mut().enumerate() {
                    p.dot = m + 1 < n || tok.dot || text.ends_with('.');
                    p.comma = m + 1 == n && tok.comma;
                }
                // A run left with one piece (the others fold to nothing)
                // displays as a plain word, which is read as one: glued
                // camel-case words split.
                if out.len() == kept_from + 1 {
                    let mut one = vec![out.pop().unwrap()];
                    split_camel(s, &mut one);
                    let split = one.len() > 1;
                    for mut p in one {
                        if split {
                            p.piece = true;
                            p.family_hint = tok.family_hint;
                            fold_tok(t, s, &mut p, style, &mut sc.folds);
                        }
                        if p.fold.1 > p.fold.0 {
                            out.push(p);
                        }
                    }
                }
            }
            toks = out;
        }

        self.toks = toks;
    }

    /// Reads Chinese and Korean names family-first; sets `east_asian`.
    pub(super) fn east_asian(&mut self) {
        let (t, s, toks, sc) = (self.t, self.s, &mut self.toks, &mut *self.sc);
        // Chinese and Korean names written without spaces: the first
        // syllable is the family name.
        let mut east_asian = false;
        if toks.len() == 1 {
            let text = &s[toks[0].start..toks[0].end];
            let n = text.chars().count();
            let script = text.chars().next().map(fold::script_of);
            if (2..=4).contains(&n)
                && matches!(script, Some(Script::Han) | Some(Script::Hangul))
                && text.chars().all(|c| fold::script_of(c) == script.unwrap())
            {
                let cut = text.chars().next().unwrap().len_utf8();
                let tok = toks.pop().unwrap();
                let mut a = new_tok(s, tok.start, tok.start + cut, tok.sep);
                let mut b = new_tok(s, tok.start + cut, tok.end, Sep::Glued);
                for p in [&mut a, &mut b] {
                    fold_tok(t, s, p, None, &mut sc.folds);
                }
                a.family_hint = true;
                toks.push(a);
                toks.push(b);
                east_asian = true;
            }
        }
        // "Kim Jong-un": a two-group Latin name whose second group is
        // hyphenated with a lower-case syllable is written family-first.
        if !east_asian
            && toks.len() == 3
            && toks[1].sep == Sep::Space
            && toks[2].sep == Sep::Hyphen
            && toks[2].lower
            && !toks[1].lower
        {
            toks[0].family_hint = true;
            east_asian = true;
        }

        self.east_asian = east_asian;
    }
}
