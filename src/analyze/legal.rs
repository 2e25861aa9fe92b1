//! Legal forms and organisation words ("S.A.", "GmbH", "Bank"): the cue
//! that a name is an organisation's.

use super::{fold_tok, match_phrase, new_tok, sub, Ctx, Scratch, Sep, Tag, Tok};
use crate::tables::{Tables, Word};

impl Ctx<'_> {
    /// Reads no full stop before a hyphen, as the display shows none there
    /// ("S.A-v"). A stop comes before a hyphenated token only when a token
    /// that folds to nothing stood between them ("S. A. \u{301}-v"); read
    /// with its stop, "S. A." would be a legal form that its display
    /// "S. A-v" is not. A dotted run keeps its closing stop, which its
    /// text holds.
    pub(super) fn stops_before_hyphens(&mut self) {
        for k in 1..self.toks.len() {
            if self.toks[k].sep == Sep::Hyphen && !self.toks[k - 1].dotted {
                self.toks[k - 1].dot = false;
            }
        }
    }

    /// Whether the tokens, as the display will show them, hold a legal
    /// form. In a name in mixed case the display recases a word in lower
    /// case unless it is a particle, a connective, a Latin letter, a
    /// hyphenated word or a dotted run that is no suffix; recased, a word
    /// may show a capital anywhere ("Ivo", "'Ab", "5`R"). The first word
    /// shows no hyphen before it. Dropping titles, remarks or post-nominals
    /// can free a short legal form that a hyphen ("Hh-Ug": "ug" is a word
    /// there) or a capital elsewhere ("Dr ad 1st": a lower-case particle
    /// in a name in mixed case) kept a word; "Ug", or "ad 1st" all in
    /// lower case, holds the legal form.
    pub(super) fn reads_as_org(&mut self) -> bool {
        let (t, s, sc) = (self.t, self.s, &mut *self.sc);
        // A lone legal-form-looking word is none ("AG").
        if self.toks.len() < 2 {
            return false;
        }
        let mut toks = std::mem::take(&mut self.toks);
        let stays_lower = |k: usize, x: &Tok| {
            let f = sub(&sc.folds, x.fold);
            let text = &s[x.start..x.end];
            // A Latin letter is an initial, which keeps its case; other
            // scripts' letters are words.
            let initial = f.len() == 1
                && text.chars().all(char::is_alphabetic)
                && text
                    .chars()
                    .next()
                    .is_some_and(|c| crate::fold::script_of(c) == crate::fold::Script::Latin);
            if !x.lower {
                return false;
            }
            if x.particle
                || super::render::is_connector(f)
                || initial
                || x.sep == Sep::Hyphen
                || x.piece
                || (x.dotted && x.tag != Some(Tag::Suffix))
            {
                return true;
            }
            // Recased as the display recases it: a capital after a leading
            // apostrophe or mark, or after a prefix ("5`R"), shows.
            let mut shown = String::new();
            let tag = x.tag.unwrap_or(Tag::Word);
            super::render::recase_into(text, tag, k == 0, crate::Kind::Person, false, &mut shown);
            !shown.chars().any(char::is_uppercase)
        };
        let all_lower = self.case.all_lower
            || toks
                .iter()
                .enumerate()
                .all(|(k, x)| !x.cased || stays_lower(k, x));
        // The first word shows no hyphen before it.
        let sep = std::mem::replace(&mut toks[0].sep, Sep::Space);
        let found = (0..toks.len()).any(|k| legal_form_at(t, s, &toks, k, all_lower, sc).is_some());
        toks[0].sep = sep;
        self.toks = toks;
        found
    }

    /// Tags legal forms with their canonical forms. Returns whether the
    /// name has a legal form or an organisation word.
    pub(super) fn legal_forms(&mut self) -> bool {
        self.split_glued_legal();
        let (t, s, toks, sc) = (self.t, self.s, &mut self.toks, &mut *self.sc);
        let all_lower = self.case.all_lower;
        let mut org_cue = false;
        {
            let mut k = 0;
            while k < toks.len() {
                let found = legal_form_at(t, s, toks, k, all_lower, sc);
                if let Some((len, canon)) = found {
                    let a = sc.folds.len() as u32;
                    sc.folds.push_str(canon);
                    let b = sc.folds.len() as u32;
                    for (m, tok) in toks[k..k + len].iter_mut().enumerate() {
                        tok.tag = Some(Tag::Legal);
                        tok.canon = Some(if m == 0 { (a, b) } else { (b, b) });
                    }
                    org_cue = true;
                    k += len;
                    continue;
                }
                if toks[k].word.is(Word::ORG) {
                    org_cue = true;
                }
                k += 1;
            }
        }
        // A group designation stands at either end of the name, legal forms
        // aside ("Bayer Group AG", "Grupo Bimbo"); inside it, it is a word
        // of the name ("Energy Group Shipping").
        let is_legal = |x: &Tok| x.tag == Some(Tag::Legal);
        for k in 0..toks.len() {
            let group = toks[k].canon.is_some_and(|c| sub(&sc.folds, c) == "group");
            if group && !toks[..k].iter().all(is_legal) && !toks[k + 1..].iter().all(is_legal) {
                toks[k].tag = None;
                toks[k].canon = None;
            }
        }
        // A lone legal-form-looking word ("AG", "SA") is not a legal form.
        if toks.len() == 1 && toks[0].tag == Some(Tag::Legal) {
            toks[0].tag = None;
            toks[0].canon = None;
            org_cue = toks[0].word.is(Word::ORG);
        }
        org_cue
    }

    /// Splits a legal form written in capitals and glued to the end of a
    /// capitalised word ("BayerAG", "GazpromPJSC") into a token of its own,
    /// as the display then shows it ("Bayer AG"). The word before it keeps
    /// at least three letters and a lower-case letter just before the
    /// capitals, so that names in capitals ("BAYER") and short prefixes
    /// stay whole; only a one-word legal form of two to four letters is
    /// read.
    fn split_glued_legal(&mut self) {
        if !self
            .toks
            .iter()
            .any(|x| x.camel != Some(false) && x.cased && !x.upper && !x.lower && !x.dotted)
        {
            return;
        }
        let (t, s, sc) = (self.t, self.s, &mut *self.sc);
        let mut k = 0;
        while k < self.toks.len() {
            let tok = &self.toks[k];
            let text = &s[tok.start..tok.end];
            if tok.upper || tok.lower || tok.dotted || !tok.cased || !text.is_ascii() {
                k += 1;
                continue;
            }
            let b = text.as_bytes();
            let tail = b
                .iter()
                .rev()
                .take_while(|c| c.is_ascii_uppercase())
                .count();
            let head = b.len() - tail;
            let glued = (2..=4).contains(&tail)
                && head >= 3
                && b[head - 1].is_ascii_lowercase()
                && b[0].is_ascii_uppercase()
                && b[..head].iter().all(u8::is_ascii_alphabetic)
                && t.legal
                    .contains_key(text[head..].to_ascii_lowercase().as_str());
            if !glued {
                k += 1;
                continue;
            }
            let (start, end, sep, dot, comma) = (tok.start, tok.end, tok.sep, tok.dot, tok.comma);
            let mut first = new_tok(s, start, start + head, sep);
            first.family_hint = tok.family_hint;
            first.paren = tok.paren;
            let mut second = new_tok(s, start + head, end, Sep::Space);
            second.dot = dot;
            second.comma = comma;
            second.paren = tok.paren;
            fold_tok(t, s, &mut first, None, &mut sc.folds);
            fold_tok(t, s, &mut second, None, &mut sc.folds);
            first.particle = first.word.is(Word::PARTICLE);
            self.toks[k] = first;
            self.toks.insert(k + 1, second);
            k += 2;
        }
    }

    /// Drops the full stop after the second of a run of single letters that
    /// reads as a spaced legal form ("A. S." → "A. S"). List order can bring
    /// initials and a one-letter surname together; the display must read as
    /// the same person again, and a legal form needs every stop.
    pub(super) fn undot_legal_letters(&mut self) {
        let (t, toks, sc) = (self.t, &mut self.toks[..], &mut *self.sc);
        let letter = |x: &Tok| x.dot && !x.dotted && !x.piece && x.fold.1 - x.fold.0 == 1;
        for k in 0..toks.len().saturating_sub(1) {
            if !(letter(&toks[k]) && letter(&toks[k + 1])) {
                continue;
            }
            let found = match_phrase(&t.legal, Word::LEGAL_FIRST, t.legal_max, toks, k, sc);
            if let Some((len, _)) = found {
                if len >= 2 && toks[k..k + len].iter().all(letter) {
                    toks[k + 1].dot = false;
                }
            }
        }
    }
}

/// The legal form that starts at token `k`, if any: its length in tokens
/// and its canonical form. `all_lower` is whether the whole name is in
/// lower case. Read the same way by [`Ctx::legal_forms`] and by the passes
/// that must not leave a name that reads otherwise than it did.
#[inline]
pub(super) fn legal_form_at<'t>(
    t: &'t Tables,
    s: &str,
    toks: &[Tok],
    k: usize,
    all_lower: bool,
    sc: &mut Scratch,
) -> Option<(usize, &'t str)> {
    // Most words start no legal form: answered without a lookup.
    if !toks[k].word.is(Word::LEGAL_FIRST) {
        return None;
    }
    let found = match_phrase(&t.legal, Word::LEGAL_FIRST, t.legal_max, toks, k, sc);
    // Loose single letters are initials ("John A S", "A. S"), not a legal
    // form, unless each is written with a full stop ("S. A.").
    let found = found.filter(|&(len, _)| {
        let letters = &toks[k..k + len];
        len == 1
            || !letters.iter().all(|x| x.fold.1 - x.fold.0 == 1)
            || letters.iter().all(|x| x.dot)
    });
    // A word that opens with an apostrophe is a name's ("'Abd", an ayn),
    // never a legal form: "'A.S." is not "a.s.".
    let found = found.filter(|&(len, _)| {
        toks[k..k + len]
            .iter()
            .all(|x| !s[x.start..].starts_with(crate::fold::is_apostrophe))
    });
    // Short legal forms are also particles and words ("as-Sisi", "da"):
    // hyphenated to a neighbour, or a lower-case particle in a mixed-case
    // name, they are not legal forms.
    found
        .filter(|&(len, _)| {
            let tok = &toks[k];
            let hyphenated =
                tok.sep == Sep::Hyphen || toks.get(k + 1).is_some_and(|x| x.sep == Sep::Hyphen);
            len > 1
                || tok.fold.1 - tok.fold.0 > 3
                || !(hyphenated || (tok.lower && tok.particle && !all_lower))
        })
        .map(|(len, canon)| (len, &**canon))
}
