//! Titles, ranks and roles ("Brig. Gen.", "Minister of Defense"), and
//! "SURNAME, Given" list order read given-first.

use super::{match_phrase, sub, Ctx, Scratch, Sep, Tok};
use crate::fold::{self, Script};
use crate::tables::Word;
use crate::token::roman_value;

impl Ctx<'_> {
    /// Removes titles at the front, possibly stacked, before and after
    /// reading "SURNAME, Given" list order ("Mr. SMITH, John", "SMITH, Mr.
    /// John"), a title in apposition and bracketed titles; reads list order.
    /// Organisations keep their words.
    pub(super) fn titles_and_list_order(&mut self) {
        let t = self.t;
        let is_org = self.is_org;
        // A name that is a title and nothing else ("Minister of Defense") is
        // kept whole.
        let n = self.toks.len();
        let only_title = n != 0
            && n <= t.title_max
            && match_phrase(&t.titles, Word::TITLE_FIRST, n, &self.toks, 0, self.sc)
                .is_some_and(|(len, _)| len == n);
        let strip = !is_org && !only_title;
        if strip {
            self.strip_titles(true);
            self.strip_appositive();
        }
        if !is_org {
            self.list_order = self.reorder_list();
        }
        if strip {
            // Again after list order ("SMITH, Mr. John"); without list
            // order, a title kept as a surname before the comma is a title
            // after all ("King,, Martin, Luther").
            self.strip_titles(false);
        }
        if strip {
            self.strip_inner_titles();
        }
        if strip && self.toks.iter().any(|x| x.paren != 0) {
            self.strip_bracketed_titles();
        }
    }

    /// Removes the titles at the front of `toks`, possibly stacked, into
    /// `titles`; at least one token other than trailing regnal numbers is
    /// left. With `keep_list_surname`, a title-like known name before a
    /// comma is kept as the surname of list order.
    fn strip_titles(&mut self, keep_list_surname: bool) {
        let (t, toks, sc, titles) = (self.t, &mut self.toks, &mut *self.sc, &mut self.titles);
        // Most names start with no title's first word: nothing to remove.
        if toks.len() < 2 || !toks[0].word.is(Word::TITLE_FIRST) {
            return;
        }
        // A title leaves a name, not only a number: "Emir II" is a name
        // with a regnal number, "Emir Tamim II" a title and a name. Only
        // the last word can be a number, as in the numbers pass ("He XX X"
        // leaves the name "XX" with the number "X"); here it is one in
        // capitals.
        let end = match toks.last() {
            Some(x) if x.upper && roman_value(sub(&sc.folds, x.fold)).is_some() => toks.len() - 1,
            _ => toks.len(),
        };
        let mut k = 0;
        loop {
            let remaining = end.saturating_sub(k);
            if remaining < 2 {
                break;
            }
            // A bare letter is an initial, not an abbreviated title: "M K
            // Stalin" but "M. Macron".
            if sub(&sc.folds, toks[k].fold).len() == 1 && !toks[k].dot {
                break;
            }
            let max = t.title_max.min(remaining - 1);
            match match_phrase(&t.titles, Word::TITLE_FIRST, max, toks, k, sc) {
                // A title-like word that is also a known name, written in
                // full before the comma of list order, is the surname:
                // "KING, Martin Luther", "MAJOR, John".
                Some((1, _))
                    if keep_list_surname
                        && toks[k].comma
                        && !toks[k].dot
                        && !toks[k].dotted
                        && toks[k].word.is(Word::GIVEN) =>
                {
                    break
                }
                Some((len, _)) => {
                    titles.push(sc.phrase.clone());
                    k += len;
                }
                None => break,
            }
        }
        toks.drain(..k);
    }

    /// Reads "SURNAME, Given" as given-first. Returns whether it reordered.
    fn reorder_list(&mut self) -> bool {
        let (toks, sc) = (&mut self.toks, &*self.sc);
        if !toks.iter().any(|x| x.comma) {
            return false;
        }
        let commas: Vec<usize> = toks
            .iter()
            .enumerate()
            .filter(|(_, x)| x.comma)
            .map(|(k, _)| k)
            .collect();
        if commas.is_empty() {
            return false;
        }
        // Trailing segments made only of suffixes are not list order.
        let is_suffix = |x: &Tok| {
            x.word.is(Word::SUFFIX) || roman_value(sub(&sc.folds, x.fold)).is_some() && (x.upper)
        };
        // Exactly one comma must cut the name; segments are visited once each.
        let mut cut: Option<(usize, usize)> = None;
        for (k, &c) in commas.iter().enumerate() {
            if c + 1 >= toks.len() {
                continue;
            }
            let next = commas.get(k + 1).copied();
            let seg = &toks[c + 1..=next.unwrap_or(toks.len() - 1)];
            if seg.iter().all(is_suffix) {
                continue;
            }
            if cut.is_some() {
                return false;
            }
            cut = Some((c, k));
        }
        let Some((c, k)) = cut else {
            return false;
        };
        // The tail after the given names may hold suffixes ("Smith, John, Jr.").
        let given_end = commas.get(k + 1).map_or(toks.len(), |d| d + 1);
        let before = c + 1;
        // A hyphen after the comma joins across it (a word between them
        // folded to nothing), as the display shows: not list order.
        if toks[before].sep == Sep::Hyphen {
            return false;
        }
        let after = given_end - before;
        if !(1..=3).contains(&before) || !(1..=5).contains(&after) {
            return false;
        }
        // Suffixes at either end of the given names follow the surname:
        // "BUSH, George W. Jr", "SMITH, Jr. John A.", "Roosevelt, Franklin
        // D. III". A lone capital letter stays: it is an initial.
        let movable = |x: &Tok| {
            let f = sub(&sc.folds, x.fold);
            x.word.is(Word::SUFFIX) || (x.upper && f.len() >= 2 && roman_value(f).is_some())
        };
        let given = &toks[before..given_end];
        let mut lo = given.iter().take_while(|x| movable(x)).count();
        let mut hi = after - given[lo..].iter().rev().take_while(|x| movable(x)).count();
        if lo >= hi {
            (lo, hi) = (0, after);
        }
        let mut reordered: Vec<Tok> = Vec::with_capacity(toks.len());
        reordered.extend(given[lo..hi].iter().cloned());
        for tok in &toks[..before] {
            let mut tok = tok.clone();
            tok.family_hint = !tok.particle;
            reordered.push(tok);
        }
        let family = hi - lo;
        for tok in given[..lo].iter().chain(&given[hi..]) {
            let mut tok = tok.clone();
            tok.sep = Sep::Space;
            reordered.push(tok);
        }
        reordered.extend(toks[given_end..].iter().cloned());
        // Reordered, the words must not read as a clause of birth that the
        // name as written is not: the surname behind a last given word
        // "born" ("7, N Born" as "N Born 7"), or a surname "Born On"
        // behind the given names ("Born On, P" as "P Born On").
        if birth_clause(&reordered, &sc.folds).is_some() {
            return false;
        }
        reordered[0].sep = Sep::Space;
        reordered[family].sep = Sep::Space;
        *toks = reordered;
        true
    }

    /// Removes the religious titles that lists write between given and
    /// family names ("Mohammad Mullah Hassan", "Abdul Maulvi Rahman"; see
    /// [`INNER_TITLES`]): a word standing alone between two name words.
    /// Case does not decide (the display recases).
    fn strip_inner_titles(&mut self) {
        let (toks, sc, titles) = (&mut self.toks, &*self.sc, &mut self.titles);
        let mut k = 1;
        while k + 1 < toks.len() {
            let x = &toks[k];
            let f = sub(&sc.folds, x.fold);
            // Only what the display shows decides: it keeps hyphens, glued
            // words and scripts, not commas or brackets. Written in Arabic
            // script the word starts a compound ("حاجی زاده").
            let latin = || {
                self.s[x.start..x.end]
                    .chars()
                    .next()
                    .is_some_and(|c| fold::script_of(c) == Script::Latin)
            };
            // Every inner title starts with m or q (a test below checks):
            // a byte test first.
            let inner = matches!(f.as_bytes().first(), Some(b'm' | b'q'))
                && INNER_TITLES.contains(&f)
                && x.sep == Sep::Space
                && toks[k + 1].sep == Sep::Space
                && latin();
            if inner {
                titles.push(f.to_string());
                toks.remove(k);
            } else {
                k += 1;
            }
        }
    }

    /// Removes a title phrase standing after the last comma: an apposition,
    /// not list order ("Prince William, Duke of Cambridge", "Abdullah II,
    /// King of Jordan", "Juvenal Marizamunda, Minister of Defense").
    fn strip_appositive(&mut self) {
        let (t, toks, sc, titles) = (self.t, &mut self.toks, &mut *self.sc, &mut self.titles);
        let Some(c) = toks.iter().rposition(|x| x.comma) else {
            return;
        };
        let n = toks.len() - c - 1;
        // A trailing suffix ("Smith, Sr.") is a suffix, not a title.
        if n == 0 || toks[c + 1..].iter().all(|x| x.word.is(Word::SUFFIX)) {
            return;
        }
        let fold_at = |sc: &Scratch, k: usize| sub(&sc.folds, toks[k].fold).to_string();
        // A title or rank of a place: "Duke of Cambridge", "King of Jordan".
        let of_place = n >= 3
            && fold_at(sc, c + 2) == "of"
            && (toks[c + 1].word.is(Word::TITLE_FIRST)
                || TERRITORIAL.contains(&fold_at(sc, c + 1).as_str()));
        let whole = !of_place
            && n <= t.title_max
            && match_phrase(&t.titles, Word::TITLE_FIRST, n, toks, c + 1, sc)
                .is_some_and(|(len, _)| len == n);
        if !(of_place || whole) {
            return;
        }
        let phrase: Vec<String> = (c + 1..toks.len()).map(|k| fold_at(sc, k)).collect();
        titles.push(phrase.join(" "));
        toks.truncate(c + 1);
        toks[c].comma = false;
    }

    /// Removes what lists write beside a person's name but is not part of
    /// it: a bracketed remark or disambiguator, which opens with a word in
    /// lower case ("… (previously listed as)", "… (footballer)"), and a
    /// clause of birth ("… born in 1963", "born in Herat on 01 Jan. 1967
    /// …"). A bracketed name stays ("Ali (Abu Omar) Hassan"), and bracketed
    /// titles are left to [`Ctx::strip_bracketed_titles`], which keeps them
    /// as titles. At least one token is left; returns whether anything was
    /// removed.
    pub(super) fn strip_remarks(&mut self) -> bool {
        let before = self.toks.len();
        if self.toks.iter().any(|x| x.paren != 0) {
            self.strip_bracketed_remarks();
        }
        self.strip_birth_clause();
        self.toks.len() != before
    }

    /// Removes the bracketed remarks that leave a name.
    fn strip_bracketed_remarks(&mut self) {
        let (t, toks, sc) = (self.t, &mut self.toks, &mut *self.sc);
        // Only bracketed tokens are removed: the count outside stays.
        let outside = toks.iter().filter(|x| x.paren == 0).count();
        let mut k = 0;
        while k < toks.len() {
            let group = toks[k].paren;
            let end = k + toks[k..].iter().take_while(|x| x.paren == group).count();
            let titled = toks[k..end].iter().any(|x| x.word.is(Word::TITLE_FIRST))
                && match_phrase(
                    &t.titles,
                    Word::TITLE_FIRST,
                    t.title_max.min(end - k),
                    toks,
                    k,
                    sc,
                )
                .is_some();
            // A remark opens with a word in lower case ("previously
            // listed as", "footballer"); a bracketed name is a name
            // ("Ali (Abu Omar) Hassan").
            let remark = toks[k].lower && !toks[k].particle;
            if group == 0 || outside == 0 || titled || !remark {
                k = end;
                continue;
            }
            toks.drain(k..end);
            close_gap(toks, k);
        }
    }

    /// Removes a clause of birth that the titles hid: "born maulvi 1950"
    /// is one once the title is out, as the display "Born 1950" reads.
    /// Called when the titles pass removed tokens; returns whether
    /// anything was removed. In list order the surname now stands after
    /// the given names ("HENDAL, Ivo born maulvi 1950"), and the clause
    /// ends before it, as it ended at the end of the name as written.
    pub(super) fn strip_birth_clause_after_titles(&mut self) -> bool {
        let before = self.toks.len();
        let end = if self.list_order {
            self.toks
                .iter()
                .position(|x| x.family_hint)
                .unwrap_or(before)
        } else {
            before
        };
        let tail = self.toks.split_off(end);
        self.strip_birth_clause();
        self.toks.extend(tail);
        self.toks.len() != before
    }

    /// Removes "born" and what follows it when it opens a clause of birth
    /// ("born in", "born on", "born at", a date): to the end of the name,
    /// or, at its front, through the clause's last token with a digit.
    fn strip_birth_clause(&mut self) {
        let toks = &mut self.toks;
        let Some(clause) = birth_clause(toks, &self.sc.folds) else {
            return;
        };
        if clause.start > 0 {
            toks.truncate(clause.start);
            if let Some(last) = toks.last_mut() {
                last.comma = false;
                last.dot = false;
            }
        } else {
            toks.drain(clause);
            close_gap(toks, 0);
        }
    }

    /// Removes bracketed groups made of titles only ("Gen. (ret.) David
    /// Petraeus", "David Petraeus (ret.)"); at least one token is left.
    fn strip_bracketed_titles(&mut self) {
        let (t, toks, sc, titles) = (self.t, &mut self.toks, &mut *self.sc, &mut self.titles);
        let mut k = 0;
        while k < toks.len() {
            let group = toks[k].paren;
            let end = k + toks[k..].iter().take_while(|x| x.paren == group).count();
            if group == 0 || end - k >= toks.len() {
                k = end;
                continue;
            }
            let mut found = Vec::new();
            let mut m = k;
            while m < end {
                let max = t.title_max.min(end - m);
                match match_phrase(&t.titles, Word::TITLE_FIRST, max, toks, m, sc) {
                    Some((len, _)) => {
                        found.push(sc.phrase.clone());
                        m += len;
                    }
                    None => break,
                }
            }
            if m < end {
                k = end;
                continue;
            }
            titles.extend(found);
            toks.drain(k..end);
            if let Some(first) = toks.first_mut() {
                first.sep = Sep::Space;
            }
            if let Some(next) = toks.get_mut(k) {
                next.sep = Sep::Space;
            }
        }
    }
}

/// Religious titles that lists write between given and family names
/// (Afghan and Pakistani names). Folded. Left out because they are also
/// names or name parts in that position: Sheikh, Sayyid, Imam, and the
/// pilgrim's Haji, Hajji, Alhaji, which start family names ("HAJJI
/// KARIMI", "Abdi Omar HAJI").
const INNER_TITLES: &[&str] = &[
    "mullah", "mulla", "mawlana", "maulana", "moulana", "mawlawi", "mawlavi", "mowlawi", "maulvi",
    "maulavi", "molvi", "moulvi", "qari", "mufti",
];

/// Ranks of nobility and rulers that, followed by "of", name a title of a
/// place ("Duke of Cambridge"). Some are left out of the titles table
/// because they are also leading names (Duke Ellington, Earl Warren).
const TERRITORIAL: &[&str] = &[
    "duke",
    "duchess",
    "earl",
    "countess",
    "count",
    "marquess",
    "marquis",
    "marchioness",
    "viscount",
    "viscountess",
    "baron",
    "baroness",
    "lord",
    "lady",
];

/// Whether a token folded to `f` opens a date: with a digit ("1950",
/// "12th"), or with the "c" of circa ("c.1950"); "Sm1it" is no date.
fn opens_date(f: &str) -> bool {
    let f = f.as_bytes();
    let from = match f {
        [b'c', b'a', ..] => 2,
        [b'c', ..] => 1,
        _ => 0,
    };
    f.get(from).is_some_and(u8::is_ascii_digit)
}

/// The clause of birth in `toks` (folds in `folds`): from a "born" that
/// opens one to the end of the name, or, at its front, through the
/// clause's last token with a digit when a word follows it.
fn birth_clause(toks: &[Tok], folds: &str) -> Option<std::ops::Range<usize>> {
    let fold_at = |k: usize| sub(folds, toks[k].fold);
    let b = (0..toks.len().saturating_sub(1))
        .find(|&k| opens_birth_clause(fold_at(k), fold_at(k + 1)))?;
    if b > 0 {
        return Some(b..toks.len());
    }
    let end = (1..toks.len()).rev().find(|&k| opens_date(fold_at(k)))?;
    (end + 1 < toks.len()).then_some(0..end + 1)
}

/// Whether "born" (`f`) before `next` opens a clause of birth ("born in",
/// "born on", "born at", "born 1950").
fn opens_birth_clause(f: &str, next: &str) -> bool {
    f == "born" && (matches!(next, "in" | "on" | "at") || opens_date(next))
}

/// Joins the tokens on both sides of a removed run at `k` with a space.
fn close_gap(toks: &mut [Tok], k: usize) {
    if let Some(first) = toks.first_mut() {
        first.sep = Sep::Space;
    }
    if let Some(next) = toks.get_mut(k) {
        next.sep = Sep::Space;
    }
}

#[cfg(test)]
mod tests {
    use super::INNER_TITLES;

    /// `strip_inner_titles` tests the first byte before the list.
    #[test]
    fn inner_titles_start_with_m_or_q() {
        assert!(INNER_TITLES.iter().all(|t| t.starts_with(['m', 'q'])));
    }
}
