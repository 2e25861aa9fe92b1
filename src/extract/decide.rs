//! Steps 4 and 5, decisions and back-references: which runs are persons
//! or organisations, from the cues around them, and which later runs
//! repeat part of a person found before.

use super::lexicon::{
    club, word_bits, Lexicon, CALENDAR, EVENT_NOUNS, FAMILY_ENDINGS, GIVEN_WORDS, INNER_PARTICLES,
    KIN, MEDIA_NOUNS, SAINT_WORDS, SPEECH,
};
use super::runs::initials;
use super::scan::{regnal, Doc, Gap};
use super::{Found, Inner, GIVEN_CACHE_MAX, MAX_RUN};
use crate::analyze::Kind;
use crate::fold;
use crate::token::{camel_cuts, is_hyphen};
use rustc_hash::{FxHashMap, FxHashSet};
use std::cell::Cell;

pub(super) struct State<'a, 'd> {
    pub(super) ex: &'a Inner,
    pub(super) lex: &'a Lexicon,
    pub(super) doc: &'d Doc<'d>,
    pub(super) lower_seen: FxHashSet<&'d str>,
    pub(super) out: Vec<Found>,
    pub(super) taken: Vec<bool>,
    /// Line start → whether the line is a list of names (a team sheet).
    pub(super) lists: FxHashMap<usize, bool>,
    /// Byte offsets where the document's lines start, computed on first
    /// need.
    pub(super) line_starts: Vec<usize>,
    /// Per token, which word lists its fold is in ([`State::is`]): the
    /// [`word_bits`] and whether they and the lower-case mark are known.
    pub(super) memo: Vec<Cell<u32>>,
}

/// [`State::memo`]: the word lists of the token are known.
const LISTS_KNOWN: u32 = 1 << 16;
/// [`State::memo`]: whether the token's fold is seen in lower case is known.
const LOWER_KNOWN: u32 = 1 << 17;
/// [`State::memo`]: the token's fold is seen in lower case.
const LOWER: u32 = 1 << 18;

/// The word lists a token's fold is looked up in, memoised per token.
#[derive(Debug, Clone, Copy)]
pub(super) enum W {
    Stop,
    Place,
    /// A nationality or its plural ([`Lexicon::is_nationality`]).
    Nation,
    OrgWord,
    Particle,
    Feature,
    KnownOrg,
    LegalFirst,
    /// A word of the sports-club table.
    Club,
    /// Seen in lower case in the document.
    Lower,
}

/// Scoring and dismissal marks of a cricket card written between names:
/// "Patel c Moore b Iqbal", "Rahim lbw b Hartley", "st Ashworth".
const CARD_MARKS: &[&str] = &["c", "b", "st", "lbw"];

/// Whether `s` starts with bowling figures: overs, maidens, runs and
/// wickets joined by hyphens ("8-0-39-3", "20.4-4-61-1"), each part at
/// most three digits (a date, "1996-08-22", is none).
fn bowling_figures(s: &str) -> bool {
    let s = s.trim_start();
    // The first figure opens with a digit or a full stop: most words are
    // refused here, before their end is searched.
    if !s
        .as_bytes()
        .first()
        .is_some_and(|&b| b.is_ascii_digit() || b == b'.')
    {
        return false;
    }
    let word = s.split(char::is_whitespace).next().unwrap_or("");
    let word = word.trim_end_matches([',', ';', ')']);
    let figure = |p: &str| {
        !p.is_empty()
            && p.len() <= 4
            && p.bytes().all(|b| b.is_ascii_digit() || b == b'.')
            && p.bytes().filter(u8::is_ascii_digit).count() <= 3
    };
    // Four figures joined by hyphens; no allocation, since most words are
    // refused at their first letter.
    let mut n = 0;
    for p in word.split('-') {
        n += 1;
        if n > 4 || !figure(p) {
            return false;
        }
    }
    n == 4
}

impl<'d> State<'_, 'd> {
    pub(super) fn fold(&self, k: usize) -> &str {
        self.doc.fold(k)
    }

    pub(super) fn phrase(&self, s: usize, e: usize) -> &'d str {
        self.doc.phrase(s, e)
    }

    /// Whether the fold of token `k` is in the word list `w`: the lists
    /// are looked up once per token, all at once, however many rules ask.
    #[inline(always)]
    pub(super) fn is(&self, k: usize, w: W) -> bool {
        let cell = &self.memo[k];
        let mut v = cell.get();
        if let W::Lower = w {
            if v & LOWER_KNOWN == 0 {
                let yes = self.lower_seen.contains(self.fold(k));
                v |= LOWER_KNOWN | if yes { LOWER } else { 0 };
                cell.set(v);
            }
            return v & LOWER != 0;
        }
        if v & LISTS_KNOWN == 0 {
            v |= LISTS_KNOWN | u32::from(self.lex.word_bits(self.fold(k)));
            cell.set(v);
        }
        let bit = match w {
            W::Stop => word_bits::STOP,
            W::Place => word_bits::PLACE,
            W::Nation => word_bits::NATION,
            W::OrgWord => word_bits::ORG_WORD,
            W::Particle => word_bits::PARTICLE,
            W::Feature => word_bits::FEATURE,
            W::KnownOrg => word_bits::KNOWN_ORG,
            W::LegalFirst => word_bits::LEGAL_FIRST,
            W::Club => word_bits::CLUB,
            W::Lower => 0,
        };
        v & u32::from(bit) != 0
    }

    pub(super) fn push(&mut self, s: usize, e: usize, kind: Kind) {
        let titles = if kind == Kind::Person {
            self.titles_before(s)
        } else {
            Vec::new()
        };
        self.push_with(s, e, kind, titles);
    }

    pub(super) fn push_with(&mut self, s: usize, e: usize, kind: Kind, titles: Vec<String>) {
        if s >= e {
            return;
        }
        let start = self.doc.toks[s].start;
        let end = self.doc.toks[e - 1].end;
        let text = &self.doc.text[start..end];
        // ASCII with no white space but single spaces: the name is the
        // text as written. One pass over the bytes.
        let mut plain = true;
        let mut space = false;
        for &b in text.as_bytes() {
            let other_space = b != b' ' && b.is_ascii_whitespace() || b == 0x0b;
            if b >= 0x80 || other_space || (b == b' ' && space) {
                plain = false;
                break;
            }
            space = b == b' ';
        }
        let name = if plain {
            text.to_string()
        } else {
            text.split_whitespace().collect::<Vec<_>>().join(" ")
        };
        for t in &mut self.taken[s..e] {
            *t = true;
        }
        self.out.push(Found {
            start,
            end,
            text: text.to_string(),
            name,
            kind,
            titles,
        });
    }

    /// The stack of title phrases written just before token `s`.
    pub(super) fn titles_before(&self, s: usize) -> Vec<String> {
        let mut out = Vec::new();
        let mut k = s;
        while k > 0 {
            let Some(id) = self.doc.toks[k - 1].title else {
                break;
            };
            if !matches!(self.doc.toks[k].gap, Gap::Space | Gap::Glued) {
                break;
            }
            let (a, _, ref p, _) = self.doc.titles[id as usize];
            out.push(p.clone());
            k = a;
        }
        out.reverse();
        out
    }

    /// The title just before token `s`: Some(formal) when there is one.
    pub(super) fn title_cue(&self, s: usize) -> Option<bool> {
        if s == 0 || !matches!(self.doc.toks[s].gap, Gap::Space | Gap::Glued) {
            return None;
        }
        let id = self.doc.toks[s - 1].title?;
        Some(self.doc.titles[id as usize].3)
    }

    pub(super) fn is_known_given(&self, k: usize) -> bool {
        let f = self.fold(k);
        if f.len() < 2 {
            return false;
        }
        let cache = &self.ex.given;
        if let Some(&v) = cache.read().ok().and_then(|m| m.get(f).copied()).as_ref() {
            return v;
        }
        let name = self.ex.analyzer.analyze(f);
        let v = name.parts().next().is_some_and(|p| !p.groups().is_empty());
        if let Ok(mut m) = cache.write() {
            if m.len() >= GIVEN_CACHE_MAX {
                m.clear();
            }
            m.insert(f.into(), v);
        }
        v
    }

    #[inline]
    pub(super) fn is_stop(&self, k: usize) -> bool {
        self.is(k, W::Stop) && !self.stopword_in_name(k)
    }

    /// A stopword written where a name word stands: a capital letter with
    /// a full stop before a capitalised word is an initial, not the article
    /// ("A. Malik"); a given name that is also a common word or an
    /// abbreviated month ([`GIVEN_WORDS`]), without a full stop and before
    /// a capitalised family name, is the given name ("Jan Novak", not "Jan.
    /// 5"; "Will Featherby"), and after an initial it is the family name
    /// ("M. Will").
    fn stopword_in_name(&self, k: usize) -> bool {
        let toks = &self.doc.toks;
        let t = &toks[k];
        let bytes = self.doc.text.as_bytes();
        if k > 0
            && t.cap
            && !t.upper
            && t.gap == Gap::Space
            && toks[k - 1].letters == 1
            && toks[k - 1].cap
            && bytes.get(toks[k - 1].end) == Some(&b'.')
            && GIVEN_WORDS.contains(&self.fold(k))
        {
            return true;
        }
        let Some(next) = toks.get(k + 1) else {
            return false;
        };
        if !t.cap || !next.cap || next.digit || next.upper || next.gap != Gap::Space {
            return false;
        }
        let dot = self.doc.text.as_bytes().get(t.end) == Some(&b'.');
        if t.letters == 1 {
            return dot;
        }
        !dot && GIVEN_WORDS.contains(&self.fold(k)) && self.family_after(k)
    }

    /// Whether the word after `k` can be a family name after a given name
    /// that is also a common word ("Will Featherby", not "Will Germany").
    fn family_after(&self, k: usize) -> bool {
        let Some(next) = self.doc.toks.get(k + 1) else {
            return false;
        };
        next.cap
            && !next.upper
            && !next.digit
            && next.gap == Gap::Space
            && next.title.is_none()
            && !self.is(k + 1, W::Stop)
            && !self.is(k + 1, W::Place)
            && !self.is(k + 1, W::Nation)
            && !self.is(k + 1, W::OrgWord)
    }

    pub(super) fn is_particle(&self, k: usize) -> bool {
        let t = &self.doc.toks[k];
        let f = self.fold(k);
        t.lower
            || (self.is(k, W::Particle)
                && k + 1 < self.doc.toks.len()
                && !(t.cap && GIVEN_WORDS.contains(&f) && self.family_after(k)))
    }

    /// Whether token `k` of a run ending at `e` is a feature word
    /// ([`FEATURE_WORDS`](super::lexicon::FEATURE_WORDS)) that makes the
    /// run a place or an event. Not a Korean family name that is also one
    /// ("Park") before a given name of two hyphenated syllables, the second
    /// in lower case, that ends the run: "President Park Sung-ho".
    fn feature_word(&self, k: usize, e: usize) -> bool {
        if !self.is(k, W::Feature) {
            return false;
        }
        let toks = &self.doc.toks;
        let korean = k + 3 == e
            && toks[k].cap
            && !toks[k].upper
            && toks[k + 1].cap
            && !toks[k + 1].upper
            && toks[k + 1].gap == Gap::Space
            && toks[k + 1].letters <= 4
            && toks[k + 2].gap == Gap::Hyphen
            && toks[k + 2].lower
            && toks[k + 2].letters <= 4;
        !korean
    }

    /// A word that cannot be part of a person's name.
    pub(super) fn non_name(&self, k: usize) -> bool {
        self.is_stop(k) || self.is(k, W::Nation) || self.is(k, W::OrgWord) || self.is(k, W::Feature)
    }

    /// Whether `[s, e)` names an organisation.
    pub(super) fn is_org(&self, s: usize, e: usize) -> bool {
        let toks = &self.doc.toks;
        if toks[s + 1..e].iter().any(|t| t.gap == Gap::Amp) {
            return true;
        }
        let (s2, e2) = self.strip(s, e, false);
        if s2 >= e2 {
            return false;
        }
        // A known organisation, or one at the end after a place or other
        // words ("Chicago White Sox", "New York Yankees").
        if (s2..e2).any(|k| self.lex.known_orgs.contains(self.phrase(k, e2))) {
            return true;
        }
        if self.is_club(s2, e2) {
            return true;
        }
        // A legal form at the end.
        for len in 1..=self.lex.legal_max.min(e2 - s2) {
            if e2 - s2 == len {
                break;
            }
            if !self.is(e2 - len, W::LegalFirst) {
                continue;
            }
            let p = self.phrase(e2 - len, e2);
            if self.lex.legal.contains(p) {
                let t = &toks[e2 - len];
                if len > 1 || !t.lower {
                    return true;
                }
            }
        }
        // An organisation word, with at least one other word.
        let mains = (s2..e2).filter(|&k| !self.is_particle(k)).count();
        mains >= 2
            && (s2..e2).any(|k| self.is(k, W::OrgWord))
            && !self.lex.places.contains(self.phrase(s2, e2))
    }

    /// Whether `[s, e)` names a sports club by the sports-club table: a
    /// club word before a place or a club's town ("Spartak Moscow", "Red
    /// Star Belgrade", "Dynamo Kyiv"), or after one ("Kiev Dynamo",
    /// "Leicester City"), or a club's closing word after any word
    /// ("Castleton United"). A given name or a surname before a town that
    /// is also a surname reads like a person; the club word decides.
    fn is_club(&self, s: usize, e: usize) -> bool {
        if e - s < 2 || !(self.is(s, W::Club) || self.is(e - 1, W::Club)) {
            return false;
        }
        let clubs = &self.lex.clubs;
        let role = |a: usize, b: usize| clubs.get(self.phrase(a, b)).copied().unwrap_or(0);
        let max = self.lex.club_max.min(e - s - 1);
        if self.is(s, W::Club) {
            for len in 1..=max {
                let r = role(s, s + len);
                if (r & club::HEAD != 0 && e - s - len <= 3)
                    || (r & club::HEAD_PLACE != 0 && self.club_town(s + len, e, false))
                {
                    return true;
                }
            }
        }
        if self.is(e - 1, W::Club) {
            for len in 1..=max {
                let r = role(e - len, e);
                let town = || self.club_town(s, e - len, r & club::TAIL_PLACE != 0);
                if r & club::TAIL != 0
                    || (r & (club::HEAD | club::TAIL_PLACE) != 0
                        && town()
                        && !self.lex.places.contains(self.phrase(s, e)))
                {
                    return true;
                }
            }
        }
        false
    }

    /// Whether `[s, e)`, of one to three words, is a place or a town of
    /// the sports-club table; before a closing club word (`tail`) also a
    /// town named there only ("Ipswich Town").
    fn club_town(&self, s: usize, e: usize, tail: bool) -> bool {
        if e <= s || e - s > 3 {
            return false;
        }
        let p = self.phrase(s, e);
        let towns = if tail {
            club::TOWN | club::TAIL_TOWN
        } else {
            club::TOWN
        };
        self.lex.places.contains(p)
            || self.lex.clubs.get(p).is_some_and(|&r| r & towns != 0)
            || (s..e).all(|k| self.is(k, W::Place))
    }

    /// The end of a legal form written right after token `e - 1`
    /// ("Royal Philips N.V.", "JPMorgan Chase & Co.").
    pub(super) fn legal_after(&self, e: usize) -> Option<usize> {
        let toks = &self.doc.toks;
        let n = toks.len();
        if e >= n || toks[e].lower || toks[e - 1].poss || !self.is(e, W::LegalFirst) {
            return None;
        }
        for len in (1..=self.lex.legal_max.min(n - e)).rev() {
            let joined = (e..e + len).all(|k| {
                matches!(
                    toks[k].gap,
                    Gap::Space | Gap::Glued | Gap::Hyphen | Gap::Amp
                ) && (k == e || !toks[k - 1].poss)
            });
            if joined && self.lex.legal.contains(self.phrase(e, e + len)) {
                return Some(e + len);
            }
        }
        None
    }

    /// Whether an organisation ending before token `end` continues with the
    /// run starting at `next`: joined by "of", "for", "on" and "the".
    pub(super) fn bridges(&self, end: usize, next: usize) -> bool {
        if next <= end || next - end > 2 {
            return false;
        }
        let toks = &self.doc.toks;
        let ok_words = (end..next).all(|k| {
            toks[k].lower
                && matches!(self.fold(k), "of" | "for" | "on" | "the")
                && matches!(toks[k].gap, Gap::Space | Gap::Glued)
        });
        ok_words
            && self.fold(end) != "the"
            && matches!(toks[next].gap, Gap::Space | Gap::Glued)
            && !toks[end - 1].poss
    }

    /// Strips stopwords at the edges of `[s, e)` (leading ones only when
    /// `keep_lead` is false), and a month or weekday at the end.
    pub(super) fn strip(&self, mut s: usize, mut e: usize, keep_lead: bool) -> (usize, usize) {
        if !keep_lead {
            while s < e && self.is_stop(s) {
                s += 1;
            }
        }
        while e > s && self.is_stop(e - 1) && !self.doc.toks[e - 1].lower {
            e -= 1;
        }
        (s, e)
    }

    /// Every main word of `[s, e)` is a common word (seen in lower case, a
    /// stopword) or a place.
    pub(super) fn all_common(&self, s: usize, e: usize) -> bool {
        (s..e)
            .filter(|&k| !self.is_particle(k))
            .all(|k| self.is(k, W::Lower) || self.is_stop(k) || self.is(k, W::Place))
    }

    pub(super) fn is_place_run(&self, s: usize, e: usize) -> bool {
        let p = self.phrase(s, e);
        self.lex.places.contains(p)
            || self.lex.nationalities.contains(p)
            || (s..e).all(|k| self.is(k, W::Place) || self.is(k, W::Nation) || self.is_particle(k))
    }

    /// Appositive and speech cues around `[s, e)`.
    pub(super) fn context_cue(&self, s: usize, e: usize) -> bool {
        let toks = &self.doc.toks;
        let n = toks.len();
        // ", NAME" after a clause with a title or role: "the governor of the
        // Central Bank of Nigeria, Olayemi Cardoso".
        if toks[s].gap == Gap::Comma {
            let mut k = s;
            let mut steps = 0;
            while k > 0 && steps < 10 {
                k -= 1;
                steps += 1;
                if toks[k].title.is_some() {
                    return true;
                }
                if !matches!(
                    toks[k].gap,
                    Gap::Space | Gap::Glued | Gap::Hyphen | Gap::Amp | Gap::Dot
                ) {
                    break;
                }
            }
        }
        if e < n {
            let next = &toks[e];
            let f = self.fold(e);
            // "NAME of PLACE": "Obadele Tamsin of Barbados won".
            if next.gap == Gap::Space && next.lower && f == "of" && self.of_place(e + 1) {
                return true;
            }
            // "NAME said", "NAME told".
            if next.gap == Gap::Space && next.lower && SPEECH.contains(&f) && !toks[e - 1].poss {
                return true;
            }
            // "NAME, the director general", "NAME, Morocco's Minister",
            // "NAME, who".
            if next.gap == Gap::Comma {
                if next.lower && f == "who" {
                    return true;
                }
                let mut k = e;
                while k < n && k - e < 5 {
                    if k > e && !matches!(toks[k].gap, Gap::Space | Gap::Glued | Gap::Hyphen) {
                        break;
                    }
                    if toks[k].title.is_some() {
                        return true;
                    }
                    let fk = self.fold(k);
                    let lead = toks[k].poss
                        || matches!(fk, "the" | "a" | "an" | "his" | "her" | "its" | "their")
                        || self.is(k, W::Nation)
                        || toks[k].lower;
                    if !lead {
                        break;
                    }
                    k += 1;
                }
            }
        }
        // "said NAME", "according to NAME".
        if s > 0 && toks[s].gap == Gap::Space {
            let f = self.fold(s - 1);
            if toks[s - 1].lower
                && (SPEECH.contains(&f) || (f == "to" && s >= 2 && self.fold(s - 2) == "according"))
            {
                return true;
            }
        }
        false
    }

    /// Whether a country or other place, alone, starts at token `k` (after
    /// an optional "the"): "of Barbados", "of the Czech Republic", but not
    /// "of Barbados Airways".
    fn of_place(&self, mut k: usize) -> bool {
        let toks = &self.doc.toks;
        let n = toks.len();
        if k < n && toks[k].lower && self.fold(k) == "the" && toks[k].gap == Gap::Space {
            k += 1;
        }
        if k >= n || !toks[k].cap || toks[k].gap != Gap::Space {
            return false;
        }
        let mut end = k;
        while end < n
            && end - k < 3
            && toks[end].cap
            && (end == k || (toks[end].gap == Gap::Space && !toks[end - 1].poss))
        {
            end += 1;
        }
        // The place is the whole capitalised run.
        (k + 1..=end)
            .rev()
            .find(|&m| self.lex.places.contains(self.phrase(k, m)))
            .is_some_and(|m| m == end)
    }

    /// Decides a run. Returns whether it was settled (reported or rejected
    /// for good); unsettled runs go to the back-reference pass.
    pub(super) fn classify(&mut self, s: usize, e: usize) -> bool {
        match self.racing_part(s, e) {
            Some(false) => return true,
            Some(true) => {
                let (s2, e2) = self.strip(s, e, true);
                if s2 < e2 && !self.is_place_run(s2, e2) {
                    self.push(s2, e2, Kind::Person);
                    return true;
                }
            }
            None => {}
        }
        let toks = &self.doc.toks;
        if let Some(formal) = self.title_cue(s) {
            let (s2, e2) = self.strip(s, e, true);
            if s2 >= e2 {
                return false;
            }
            if self.is_place_run(s2, e2) || (s2..e2).any(|k| self.feature_word(k, e2)) {
                return true;
            }
            let mains = (s2..e2).filter(|&k| !self.is_particle(k)).count();
            // One word after an informal title needs a cue of its own: "his
            // wife Maria and", "coach Okafor , 45 ,".
            if !formal && e2 - s2 == 1 && self.single_cue_from(s2, s2) {
                self.push(s2, e2, Kind::Person);
                return true;
            }
            if mains == 0 || (!formal && mains < 2) {
                return false;
            }
            if !formal && (self.all_common(s2, e2) || (s2..e2).any(|k| self.non_name(k))) {
                return false;
            }
            self.push(s2, e2, Kind::Person);
            return true;
        }
        // A capitalised stopword alone as an item of a list of names: the
        // goalkeeper "Given" in "Rovers : Given , Breen , Murphy , Doyle".
        if e - s == 1 && self.list_stopword(s) && self.in_name_list(s, e) {
            self.push(s, e, Kind::Person);
            return true;
        }
        let (s, e) = self.strip(s, e, false);
        if s >= e {
            return true;
        }
        // A place, church or club named after a saint: "the Basilica of
        // San Lorenzo", "Santa Cruz".
        if e - s >= 2 && toks[s].cap && !toks[s].upper && SAINT_WORDS.contains(&self.fold(s)) {
            return true;
        }
        // A sponsor's or brand's name before an event noun: "the Pilot Pen
        // tournament", "the Ryder Cup".
        if s > 0
            && e < toks.len()
            && toks[e].lower
            && toks[e].gap == Gap::Space
            && toks[s].gap == Gap::Space
            && EVENT_NOUNS.contains(&self.fold(e))
            && self.fold(s - 1) == "the"
        {
            return true;
        }
        // A newspaper or an agency named before what it is: "told Itar-Tass
        // news agency", "the Kommersant daily".
        if e < toks.len() && toks[e].lower && toks[e].gap == Gap::Space {
            let next = self.fold(e);
            let agency = next == "news"
                && toks
                    .get(e + 1)
                    .is_some_and(|t| t.lower && t.gap == Gap::Space)
                && self.fold(e + 1) == "agency";
            if agency || MEDIA_NOUNS.contains(&next) {
                return true;
            }
        }
        // Leading nationality or place words: "Moroccan Foreign", "Rwanda
        // Defence Force" (already an organisation), "Kenyan", and places of
        // several words, which no person's name opens with: "Hong Kong
        // Open", "New York Rangers".
        let mut s1 = s;
        loop {
            if s1 < e && (self.is(s1, W::Nation) || self.is(s1, W::Place)) {
                s1 += 1;
                continue;
            }
            match (2..=3.min(e - s1)).find(|&n| self.lex.places.contains(self.phrase(s1, s1 + n))) {
                Some(n) => s1 += n,
                None => break,
            }
        }
        // A place that is also a given name, first of two words with a
        // results or speech cue, is the given name: "Santiago Lucena (
        // Spain )", "Jordan Henderson said".
        if s1 == s + 1
            && e == s + 2
            && !self.is(s, W::Nation)
            && !self.is(s + 1, W::Place)
            && !self.non_name(s + 1)
            && !self.is(s + 1, W::Lower)
            && self.is_known_given(s)
            && (self.result_cue(s, e) || self.context_cue(s, e))
        {
            s1 = s;
        }
        if s1 >= e || self.is_place_run(s, e) {
            return true;
        }
        if (s..e).any(|k| self.feature_word(k, e)) {
            return true;
        }
        // Regnal numbers: "Mohammed VI", "Mausoleumof Mohammed V".
        let last = e - 1;
        if toks[last].letters <= 4 && toks[last].cap && regnal(self.fold(last)) && last > s1 {
            let mut a = last;
            while a > s1 && last - a < 3 && !self.non_name(a - 1) {
                a -= 1;
            }
            if a < last - 1 && !self.is_known_given(a) {
                a = last - 1;
            }
            if !self.non_name(last - 1) && !toks[last - 1].lower {
                self.push(a, e, Kind::Person);
                return true;
            }
        }
        if s1 > s && !toks[s1].cap {
            return true;
        }
        let (mut s, e) = (s1, e);
        // A capitalised word opening a sentence before a known given name
        // and a family name, or before initials: "Heavyweight Ray
        // McAllister", "Manager R.T. Halloran".
        if e - s >= 3
            && matches!(toks[s].gap, Gap::Break | Gap::Dot)
            && !self.is_known_given(s)
            && !initials(self.doc, s)
            && toks[s + 1].cap
            && (self.is_known_given(s + 1) || initials(self.doc, s + 1))
            && toks[s + 1].gap == Gap::Space
        {
            s += 1;
        }
        let mains = (s..e).filter(|&k| !self.is_particle(k)).count();
        // A family name with its particles, written capitalised: "Van der
        // Berg 40", "De Souza , 24 ,".
        let particle_led = e - s > 1
            && toks[s].cap
            && !toks[s].upper
            && (s..e - 1).all(|k| self.is_particle(k))
            && !self.is_particle(e - 1);
        if mains == 1 && (e - s == 1 || particle_led) && self.single_cue_from(s, e - 1) {
            self.push(s, e, Kind::Person);
            return true;
        }
        if (1..=3).contains(&mains) && self.in_name_list(s, e) {
            self.push(s, e, Kind::Person);
            return true;
        }
        if mains >= 2 && !(s..e).any(|k| self.non_name(k)) {
            // Initials: "S. Jaishankar", "J. R. R. Tolkien".
            // Initials: "S. Jaishankar", "J. R. R. Tolkien", "M.L. Carrington".
            let initial = (s..e - 1).any(|k| {
                (toks[k].letters == 1
                    && toks[k].cap
                    && toks[k + 1].gap == Gap::Space
                    && self.doc.text.as_bytes().get(toks[k].end) == Some(&b'.'))
                    || initials(self.doc, k)
            });
            let possessive_place =
                s > 0 && toks[s - 1].poss && toks[s].gap == Gap::Space && self.is(s - 1, W::Place);
            let given = self.is_known_given(s)
                || (toks[s].cap && GIVEN_WORDS.contains(&self.fold(s)) && self.family_after(s));
            let last_ok = !self.is(e - 1, W::Lower) && !self.is_stop(e - 1);
            let cue = initial
                || ((given
                    || possessive_place
                    || self.family_ending(s, e)
                    || self.context_cue(s, e)
                    || self.result_cue(s, e))
                    && last_ok);
            if cue && !self.all_common(s, e) {
                // Only an organisation's name close to it changes the kind.
                let orgs = self.ex.gazetteer.as_ref().is_some_and(|g| g.has_org);
                if orgs && self.fuzzy_kind(s, e) == Some(Kind::Org) {
                    self.push(s, e, Kind::Org);
                } else {
                    self.push(s, e, Kind::Person);
                }
                return true;
            }
            if let Some(kind) = self.fuzzy_kind(s, e) {
                self.push(s, e, kind);
                return true;
            }
        }
        false
    }

    /// The kind of a gazetteer name close to `[s, e)`, if any.
    pub(super) fn fuzzy_kind(&self, s: usize, e: usize) -> Option<Kind> {
        let g = self.ex.gazetteer.as_ref()?;
        if !self.ex.fuzzy || e - s < 2 {
            return None;
        }
        let text = &self.doc.text[self.doc.toks[s].start..self.doc.toks[e - 1].end];
        // Wire copy names the same people again and again: each distinct
        // run is analysed and matched once.
        let cache = &self.ex.fuzzy_cache;
        if let Some(v) = cache.read().ok().and_then(|m| m.get(text).copied()) {
            return v;
        }
        let v = g.closest_kind(&self.ex.analyzer.analyze(text));
        if let Ok(mut m) = cache.write() {
            if m.len() >= GIVEN_CACHE_MAX {
                m.clear();
            }
            m.insert(text.into(), v);
        }
        v
    }

    /// Exact gazetteer hits over the folded token stream.
    pub(super) fn gazetteer_hits(&mut self) {
        let Some(g) = self.ex.gazetteer.as_ref() else {
            return;
        };
        // Folded tokens joined by spaces; "|" where a name cannot continue.
        let mut hay = String::with_capacity(self.doc.folds.len() + self.doc.toks.len());
        // (start, end) in `hay` of each token placed there, and the token:
        // in increasing order, so a match's ends are found by binary search.
        let mut at: Vec<(usize, usize, usize)> = Vec::with_capacity(self.doc.toks.len());
        for (k, t) in self.doc.toks.iter().enumerate() {
            if t.fold.0 == t.fold.1 {
                continue;
            }
            if !hay.is_empty() {
                let joins = matches!(t.gap, Gap::Space | Gap::Hyphen | Gap::Glued)
                    && !self.doc.toks[k - 1].poss;
                hay.push_str(if joins { " " } else { " | " });
            }
            let from = hay.len();
            hay.push_str(self.fold(k));
            at.push((from, hay.len(), k));
        }
        let mut hits = Vec::new();
        for m in g.ac.find_iter(&hay) {
            let a = at
                .binary_search_by_key(&m.start(), |x| x.0)
                .map(|i| at[i].2);
            let b = at.binary_search_by_key(&m.end(), |x| x.1).map(|i| at[i].2);
            if let (Ok(a), Ok(b)) = (a, b) {
                hits.push((a, b + 1, g.kinds[m.pattern().as_usize()]));
            }
        }
        for (a, b, kind) in hits {
            if self.taken[a..b].iter().any(|&t| t) {
                continue;
            }
            self.push(a, b, kind);
        }
    }

    /// Second pass: runs that repeat part of a person found in this
    /// document ("Nyakarundi", "Von der Leyen", "He Lifeng").
    pub(super) fn back_references(&mut self, pending: &[(usize, usize)]) {
        // The person mentions' folded words, one space apart, in one
        // buffer; `known` holds slices of it.
        let mut arena = String::new();
        let mut spans: Vec<(usize, usize)> = Vec::new();
        let mut texts: FxHashSet<&str> = FxHashSet::default();
        let mut bounds: Vec<(usize, usize, bool)> = Vec::new();
        let mut cuts = Vec::new();
        // The family names (last words) of the persons of two words or more.
        let mut lasts: Vec<(usize, usize)> = Vec::new();
        // The persons of one word, found by a cue of their own.
        let mut singles: Vec<(usize, usize)> = Vec::new();
        for f in self.out.iter().filter(|f| f.kind == Kind::Person) {
            if !texts.insert(f.text.as_str()) {
                continue;
            }
            bounds.clear();
            for w in f.text.split(|c: char| c.is_whitespace() || is_hyphen(c)) {
                camel_cuts(w, &mut cuts);
                let mut a = 0;
                for &c in cuts.iter().chain(std::iter::once(&w.len())) {
                    let before = arena.len();
                    if !bounds.is_empty() {
                        arena.push(' ');
                    }
                    let from = arena.len();
                    fold::fold_token_into(&w[a..c], &mut arena);
                    a = c;
                    if arena.len() == from {
                        arena.truncate(before);
                        continue;
                    }
                    let word = &arena[from..];
                    let meaningful = word.len() >= 2
                        && !self.lex.particles.contains(word)
                        && !self.lex.stopwords.contains(word);
                    bounds.push((from, arena.len(), meaningful));
                }
            }
            let n = bounds.len().min(MAX_RUN);
            if n >= 2 {
                lasts.push((bounds[n - 1].0, bounds[n - 1].1));
            } else if n == 1 {
                singles.push((bounds[0].0, bounds[0].1));
            }
            for a in 0..n {
                let mut meaningful = false;
                for b in a + 1..=n {
                    meaningful |= bounds[b - 1].2;
                    if meaningful {
                        spans.push((bounds[a].0, bounds[b - 1].1));
                    }
                }
            }
        }
        let known: FxHashSet<&str> = spans.iter().map(|&(a, b)| &arena[a..b]).collect();
        let lasts: FxHashSet<&str> = lasts.iter().map(|&(a, b)| &arena[a..b]).collect();
        let singles: FxHashSet<&str> = singles.iter().map(|&(a, b)| &arena[a..b]).collect();
        if known.is_empty() {
            return;
        }
        for &(s, e) in pending {
            if self.taken[s..e].iter().any(|&t| t) {
                continue;
            }
            let whole = self.phrase(s, e);
            if known.contains(whole) && !(e - s == 1 && self.single_excluded(s)) {
                let a = self.particles_before(&known, s, e);
                self.push(a, e, Kind::Person);
                continue;
            }
            let (s2, e2) = self.strip(s, e, false);
            if s2 < e2 && (s2, e2) != (s, e) {
                let p = self.phrase(s2, e2);
                if known.contains(p) && !(e2 - s2 == 1 && self.single_excluded(s2)) {
                    let a = if s2 == s {
                        self.particles_before(&known, s2, e2)
                    } else {
                        s2
                    };
                    self.push(a, e2, Kind::Person);
                    continue;
                }
            }
            let (s, e) = (s2, e2);
            // A full name whose family name the document names alone, with
            // a cue of its own: "Ndabaningi Sitholo" before "Sitholo , 76 ,".
            if (2..=3).contains(&(e - s))
                && singles.contains(self.fold(e - 1))
                && (s..e - 1).all(|k| {
                    let t = &self.doc.toks[k];
                    t.cap
                        && !t.upper
                        && !t.digit
                        && !self.non_name(k)
                        && !self.is(k, W::Lower)
                        && !self.is(k, W::Place)
                })
            {
                self.push(s, e, Kind::Person);
                continue;
            }
            // A family name in the plural: "the Harringtons" after "Edward
            // Harrington".
            if e - s == 1 && !self.single_excluded(s) {
                let f = self.fold(s);
                let singular = [f.strip_suffix('s'), f.strip_suffix("es")];
                if f.len() > 4 && singular.into_iter().flatten().any(|x| lasts.contains(x)) {
                    self.push(s, e, Kind::Person);
                }
            }
        }
        // Words of a line in capitals (a wire headline) that repeat a
        // person of the document: "GOLF - LINDQVIST TAKES LEAD".
        let toks = &self.doc.toks;
        let mut hits: Vec<(usize, usize)> = Vec::new();
        let mut k = 0;
        while k < toks.len() {
            let caps_word = |m: usize| {
                let t = &toks[m];
                t.caps_line
                    && t.upper
                    && !t.digit
                    && !t.dotted
                    && t.title.is_none()
                    && !self.taken[m]
            };
            if !caps_word(k) {
                k += 1;
                continue;
            }
            let mut len = 1;
            while len < 3
                && k + len < toks.len()
                && caps_word(k + len)
                && toks[k + len].gap == Gap::Space
                && !toks[k + len - 1].poss
            {
                len += 1;
            }
            // A family name that is also a common word or a place counts
            // alone only beside another person of the line: "O'DWYER AND
            // WEST".
            let beside = hits.last().is_some_and(|&(_, b)| {
                (b == k && toks[k].gap == Gap::Comma)
                    || (b + 1 == k
                        && toks[b].gap == Gap::Space
                        && toks[k].gap == Gap::Space
                        && matches!(self.fold(b), "and" | "&"))
            });
            let mut found = 0;
            for l in (1..=len).rev() {
                let p = self.phrase(k, k + l);
                let lone_ok = l > 1
                    || !(self.is_stop(k)
                        || self.is(k, W::Place)
                        || self.is(k, W::Nation)
                        || self.is(k, W::Particle)
                        || self.is(k, W::OrgWord));
                let coordinated = l == 1 && beside && lasts.contains(p) && !self.is_stop(k);
                if known.contains(p) && (lone_ok || coordinated) {
                    found = l;
                    break;
                }
            }
            if found > 0 {
                hits.push((k, k + found));
                k += found;
            } else {
                k += 1;
            }
        }
        for (a, b) in hits {
            self.push(a, b, Kind::Person);
        }
    }

    /// Where a back reference `[s, e)` starts with the lower-case particles
    /// written just before it that a person of the document has with it:
    /// "de Rijk said" after "Wim de Rijk" is "de Rijk", not "Rijk". `s`
    /// when there are none.
    fn particles_before(&self, known: &FxHashSet<&str>, s: usize, e: usize) -> usize {
        let toks = &self.doc.toks;
        let (mut a, mut start) = (s, s);
        while a > 0 && s - a < 3 {
            let p = a - 1;
            if self.taken[p]
                || !toks[p].lower
                || toks[a].gap != Gap::Space
                || !self.is(p, W::Particle)
            {
                break;
            }
            a = p;
            if known.contains(self.phrase(a, e)) {
                start = a;
            }
        }
        start
    }

    /// A ranked result with the country as a column, no brackets: "1.
    /// Jan Novak Czech Republic 88.24", "2. Brigita Bukovec Slovenia
    /// 12.69". The end of the name when `[s, e)` is two or three name words
    /// and a country (or nationality), on a line that opens with a rank,
    /// before a figure.
    pub(super) fn ranked_before_country(&self, s: usize, e: usize) -> Option<usize> {
        let toks = &self.doc.toks;
        let text = self.doc.text;
        let figure = toks.get(e).is_some_and(|t| t.digit && t.gap == Gap::Space);
        if !figure || e - s < 3 {
            return None;
        }
        let line = text[..toks[s].start]
            .rsplit('\n')
            .next()
            .unwrap_or("")
            .trim();
        let rank = line.trim_start_matches('=').trim_end_matches('.');
        if !line.ends_with('.') || rank.is_empty() || rank.len() > 3 {
            return None;
        }
        if !rank.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let end = (1..=3.min(e - s - 2)).map(|k| e - k).find(|&a| {
            let p = self.phrase(a, e);
            self.lex.places.contains(p) || self.lex.nationalities.contains(p)
        })?;
        let name = (s..end).all(|k| {
            let t = &toks[k];
            t.cap && !t.upper && !t.digit && !self.non_name(k) && !self.is_place_run(k, k + 1)
        });
        (name && end - s <= 3).then_some(end)
    }

    /// Results cues around `[s, e)`: a country in brackets after it
    /// ("Maria Kovalenko ( Ukraine ) 12.92", "Jan Novak (Czech Republic)
    /// beat"), or bowling figures ("Hartley 8-0-39-3").
    pub(super) fn result_cue(&self, s: usize, e: usize) -> bool {
        let toks = &self.doc.toks;
        let text = self.doc.text;
        let _ = s;
        if e < toks.len() {
            let between = text[toks[e - 1].end..toks[e].start].trim();
            if between == "(" {
                // The bracket holds a place or nationality and closes.
                let mut k = e;
                while k < toks.len() && k - e < 4 {
                    let after = &text[toks[k].end..];
                    if after.trim_start().starts_with(')') {
                        let inner = self.phrase(e, k + 1);
                        return self.lex.places.contains(inner)
                            || self.lex.nationalities.contains(inner)
                            || (e..=k).all(|m| self.is(m, W::Place) || self.is(m, W::Nation));
                    }
                    k += 1;
                }
            }
        }
        bowling_figures(&text[toks[e - 1].end..])
    }

    /// Whether the lone word `k` is a person from the words around it: an
    /// age after it ("Okafor , 21 ,"), "said" before it and a comma or full
    /// stop after it ("said Nwachukwu, the commissioner"), a cricket card's
    /// marks ("c Moore b Iqbal"), bowling figures ("Hartley 8-0-39-3").
    ///
    /// The word `k` may follow capitalised particles from token `s` on
    /// ("Van der Berg 40"): the words before the name are read before `s`,
    /// those after it after `k`; `s == k` for a word alone.
    pub(super) fn single_cue_from(&self, s: usize, k: usize) -> bool {
        let toks = &self.doc.toks;
        let t = &toks[k];
        let head = &toks[s];
        if !t.cap
            || t.upper
            || t.letters < 3
            || t.digit
            || self.single_excluded(k)
            || self.is(k, W::Lower)
            || self.is(k, W::KnownOrg)
            || self.is(k, W::Feature)
        {
            return false;
        }
        let text = self.doc.text;
        let next = toks.get(k + 1);
        // Age: "Okafor, 21," / "Okafor , 21 ,".
        if let (Some(n), Some(n2)) = (next, toks.get(k + 2)) {
            let age = n.gap == Gap::Comma
                && !t.poss
                && n.letters == 0
                && (2..=2).contains(&(n.end - n.start))
                && n2.gap == Gap::Comma;
            if age {
                return true;
            }
        }
        // "said Nwachukwu," / "said Lindqvist , 29 ."
        if s > 0
            && head.gap == Gap::Space
            && toks[s - 1].lower
            && SPEECH.contains(&self.fold(s - 1))
        {
            let after = text[t.end..].trim_start();
            if t.poss || after.starts_with([',', '.', ';']) || after.is_empty() {
                return true;
            }
        }
        // A given name alone after a role or a relative and a comma: "his
        // wife, Janet,", "a son, Ondrej."; and a second one after "and":
        // "two sons, Paolo and Marco".
        let kin =
            |m: usize| toks[m].lower && (toks[m].title.is_some() || KIN.contains(&self.fold(m)));
        let alone = s == k && !next.is_some_and(|n| n.gap == Gap::Space && n.cap);
        if alone && k > 0 && t.gap == Gap::Comma && kin(k - 1) && self.is_known_given(k) {
            return true;
        }
        // Without the comma only after a kinship noun itself (a role such
        // as "President" before a given name alone is no cue): "his wife
        // Dimitra", "survived by a son Marco".
        let kin_noun = |m: usize| toks[m].lower && KIN.contains(&self.fold(m));
        if alone && k > 0 && t.gap == Gap::Space && kin_noun(k - 1) && self.is_known_given(k) {
            return true;
        }
        if alone
            && k >= 3
            && t.gap == Gap::Space
            && toks[k - 1].lower
            && toks[k - 1].gap == Gap::Space
            && self.fold(k - 1) == "and"
            && toks[k - 2].cap
            && !toks[k - 2].upper
            && (toks[k - 2].gap == Gap::Comma && kin(k - 3)
                || toks[k - 2].gap == Gap::Space && kin_noun(k - 3))
            && self.is_known_given(k - 2)
            && self.is_known_given(k)
        {
            return true;
        }
        // A scorer and the minute in a football result: "( Suker 23 ,
        // Mijatovic 55 )", "(Baines 39th, Doyle 77 pen)".
        if let Some(n) = next {
            let between = text[..head.start].trim_end();
            let minute = n.gap == Gap::Space
                && n.digit
                && n.end - n.start <= 4
                && self.fold(k + 1).trim_end_matches(char::is_alphabetic).len() <= 3
                && (text[n.end..].trim_start().starts_with([',', ')', ';'])
                    || (text[n.end..].trim_start().starts_with('.')
                        && between.ends_with([',', '-']))
                    || toks.get(k + 2).is_some_and(|x| {
                        x.lower && matches!(self.doc.fold(k + 2), "pen" | "penalty" | "og")
                    }));
            // Also after a team and a hyphen ("Bolton - McGinlay 12 , 45 ,
            // Blake 80 .").
            let team_dash = between
                .strip_suffix('-')
                .is_some_and(|b| b.ends_with(' ') && b.trim_end().ends_with(char::is_alphabetic));
            if minute && (between.ends_with(['(', ',']) || team_dash) {
                return true;
            }
        }
        // A placing and a country in brackets: "4. Karlsson ( Sweden ) 1:48".
        if self.result_cue(k, k + 1) {
            let line = text[..head.start].rsplit('\n').next().unwrap_or("").trim();
            let rank = line.trim_end_matches('.').trim_start_matches('=');
            if !rank.is_empty() && rank.len() <= 3 && rank.bytes().all(|b| b.is_ascii_digit()) {
                return true;
            }
        }
        // Cricket card: "c Moore", "b Iqbal", "lbw b Hartley", "st Dhoni".
        if s == k && k > 0 && t.gap == Gap::Space {
            let p = &toks[k - 1];
            if p.lower && CARD_MARKS.contains(&self.fold(k - 1)) {
                let before_ok = k >= 2
                    && (toks[k - 2].cap
                        || matches!(self.fold(k - 2), "and" | "lbw" | "c")
                        || toks[k - 2].digit);
                if before_ok {
                    return true;
                }
            }
        }
        // "Patel c Moore": a name just before a card mark.
        if let Some(n) = next.filter(|_| s == k) {
            if n.gap == Gap::Space
                && n.lower
                && n.letters <= 3
                && CARD_MARKS.contains(&self.fold(k + 1))
                && toks
                    .get(k + 2)
                    .is_some_and(|x| x.cap || matches!(self.doc.fold(k + 2), "b" | "and"))
            {
                return true;
            }
        }
        bowling_figures(&text[t.end..])
    }

    /// Whether `[s, e)` is one item of a list of names: a line (after a
    /// "Team :" label) whose items, separated by commas or semicolons,
    /// are mostly one to three capitalised words ("Given , Breen , Murphy
    /// , Doyle"), at least four of them. Places, nationalities and
    /// organisation words are never items.
    pub(super) fn in_name_list(&mut self, s: usize, e: usize) -> bool {
        let toks = &self.doc.toks;
        let text = self.doc.text;
        // A substitution in a team sheet stands in brackets after the
        // player it replaced: "Zhelev ( 46th Angelov ) ,".
        let before = text[..toks[s].start].trim_end_matches([' ', '\t']);
        let after = text[toks[e - 1].end..].trim_start_matches([' ', '\t']);
        let substitute = after.starts_with(')') && minute_opens(before);
        let sep_before = item_opens(before) || item_opens(shirt_number(before)) || substitute;
        // A team sheet's role mark after a player: "Stojkovski ( capt ) ,".
        let after = role_mark(after).unwrap_or(after);
        let sep_after = after.is_empty()
            || after.starts_with([',', ';', '.', '\n', '\r'])
            || substitute
            || after
                .strip_prefix('(')
                .is_some_and(|r| substitution(r).is_some());
        if !sep_before || !sep_after || toks[e - 1].poss {
            return false;
        }
        if (s..e).any(|k| {
            (self.single_excluded(k)
                && !(k > s && toks[k].lower && self.is_particle(k))
                && !(e - s == 1 && self.list_stopword(k)))
                || self.is(k, W::Feature)
                || self.is(k, W::KnownOrg)
                || toks[k].upper
        }) || self.is_place_run(s, e)
            || self.lex.known_orgs.contains(self.phrase(s, e))
        {
            return false;
        }
        let (line_start, line_end) = self.line_of(toks[s].start);
        if let Some(&v) = self.lists.get(&line_start) {
            return v;
        }
        let v = name_list_line(&text[line_start..line_end]);
        self.lists.insert(line_start, v);
        v
    }

    /// The byte range of the line holding byte `at`, without its line
    /// break. Line starts are found once per document, then a binary
    /// search: linear in the text even when it is one long line.
    fn line_of(&mut self, at: usize) -> (usize, usize) {
        let text = self.doc.text;
        if self.line_starts.is_empty() {
            self.line_starts.push(0);
            self.line_starts
                .extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        }
        let i = self.line_starts.partition_point(|&x| x <= at) - 1;
        let end = self.line_starts.get(i + 1).map_or(text.len(), |&x| x - 1);
        (self.line_starts[i], end)
    }

    /// The place of `[s, e)` in a horse-racing result line ("1. Silver
    /// Arrow ( ridden by Paul Hanley ) 9-2"): `Some(false)` for the horse,
    /// written between the placing and the bracket, which is not a person;
    /// `Some(true)` for the jockey in the bracket; `None` off such lines.
    pub(super) fn racing_part(&mut self, s: usize, e: usize) -> Option<bool> {
        let toks = &self.doc.toks;
        let text = self.doc.text;
        let (a, b) = (toks[s].start, toks[e - 1].end);
        let before = text[..a].trim_end_matches([' ', '\t']);
        let after = text[b..].trim_start_matches([' ', '\t']);
        // Cheap test first: a bracket right after the run, or the run
        // opening a bracket.
        if !after.starts_with('(') && !before.ends_with('(') && !before.ends_with(" by") {
            return None;
        }
        let (ls, le) = self.line_of(a);
        let (open, close) = racing_line(&text[ls..le])?;
        let (open, close) = (ls + open, ls + close);
        if b <= open {
            Some(false)
        } else if a > open && b <= close {
            Some(true)
        } else {
            None
        }
    }

    /// A capitalised stopword that may stand for a surname as a list item:
    /// never written in lower case in the document, not a weekday or a
    /// month, not a place, nationality, particle or organisation word.
    fn list_stopword(&self, k: usize) -> bool {
        let t = &self.doc.toks[k];
        let f = self.fold(k);
        t.cap
            && !t.upper
            && !t.dotted
            && t.letters >= 3
            && self.is(k, W::Stop)
            && !self.is(k, W::Lower)
            && !CALENDAR.contains(&f)
            && !self.is(k, W::Place)
            && !self.is(k, W::Nation)
            && !self.is(k, W::Particle)
            && !self.is(k, W::OrgWord)
    }

    /// Whether `[s, e)` is two words, the second with a family-name ending
    /// of one naming tradition ([`FAMILY_ENDINGS`]) and the first a
    /// capitalised word not seen in lower case: "Ottorino Sacchetti".
    fn family_ending(&self, s: usize, e: usize) -> bool {
        if e - s != 2 {
            return false;
        }
        let toks = &self.doc.toks;
        let (a, b) = (&toks[s], &toks[s + 1]);
        let last = self.fold(s + 1);
        a.cap
            && !a.upper
            && !a.dotted
            && a.letters >= 3
            && b.cap
            && !b.upper
            && b.gap == Gap::Space
            && !self.is(s, W::Lower)
            && !self.is(s, W::Place)
            && !self.is(s + 1, W::Place)
            && FAMILY_ENDINGS
                .iter()
                .any(|&(end, min)| last.len() >= min && last.ends_with(end))
    }

    pub(super) fn single_excluded(&self, k: usize) -> bool {
        self.doc.toks[k].upper
            || self.is_stop(k)
            || self.is(k, W::Place)
            || self.is(k, W::Nation)
            || self.is(k, W::Particle)
            || self.is(k, W::OrgWord)
    }
}

/// The bracket of a horse-racing result line: a placing ("1.", "2"), a
/// horse's name in capitalised words, a bracket naming the jockey (after
/// an optional "ridden by"), and the odds ("9-2", "11-4 favourite",
/// "evens"). Returns the byte offsets of the opening and closing brackets.
fn racing_line(line: &str) -> Option<(usize, usize)> {
    let body = line.trim_start();
    let lead = line.len() - body.len();
    let digits = body.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 2 {
        return None;
    }
    let rest = body[digits..].strip_prefix('.').unwrap_or(&body[digits..]);
    if !rest.starts_with([' ', '\t']) {
        return None;
    }
    let open = line.find('(')?;
    let close = open + line[open..].find(')')?;
    let horse = &line[lead + digits..open];
    let horse_ok = horse.split_whitespace().all(|w| {
        w == "."
            || w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c == '\'')
    }) && horse.chars().any(char::is_alphabetic);
    let odds = line[close + 1..].split_whitespace().next()?;
    let odds_ok = odds.eq_ignore_ascii_case("evens")
        || odds.split_once('-').is_some_and(|(x, y)| {
            !x.is_empty()
                && !y.is_empty()
                && x.len() <= 3
                && y.len() <= 2
                && x.bytes().chain(y.bytes()).all(|c| c.is_ascii_digit())
        });
    (horse_ok && odds_ok).then_some((open, close))
}

/// Whether a line is a list of names: after an optional "Label :" (not a
/// tag list), at least four items separated by commas or semicolons, and
/// at least three in four of them one to three capitalised words.
/// Whether the text `before` a name ends where a list item starts: after
/// a comma, semicolon or colon, or at the start of a line.
fn item_opens(before: &str) -> bool {
    before.ends_with([',', ';', ':']) || before.is_empty() || before.ends_with('\n')
}

/// `before` without a shirt number ending it ("… , 14 -", "… : 15."), or
/// `before` itself when it ends with none.
fn shirt_number(before: &str) -> &str {
    let b = before.trim_end();
    let b = b.strip_suffix(['-', '.']).unwrap_or(b).trim_end();
    let digits = b.trim_end_matches(|c: char| c.is_ascii_digit());
    if (1..=2).contains(&(b.len() - digits.len())) && digits.ends_with([' ', '\t', '\n']) {
        digits.trim_end_matches([' ', '\t'])
    } else if (1..=2).contains(&(b.len() - digits.len())) && digits.is_empty() {
        digits
    } else {
        before
    }
}

/// The name of a numbered team-sheet item ("15 - Gwyn Llewellin", "9.
/// Rhodri Gwilt"): one or two digits, a hyphen or full stop, the name.
fn shirt_numbered(item: &str) -> Option<&str> {
    let rest = item.trim_start_matches(|c: char| c.is_ascii_digit());
    if !(1..=2).contains(&(item.len() - rest.len())) {
        return None;
    }
    let rest = rest.trim_start();
    let name = rest.strip_prefix(['-', '.'])?.trim_start();
    (!name.is_empty()).then_some(name)
}

/// The minute of a substitution in a team sheet: one to three digits, an
/// ordinal ending or a prime allowed ("46th", "46", "46'").
fn is_minute(w: &str) -> bool {
    let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic() || c == '\'');
    let suffix = &w[digits.len()..];
    (1..=3).contains(&digits.len())
        && digits.bytes().all(|b| b.is_ascii_digit())
        && matches!(suffix, "" | "st" | "nd" | "rd" | "th" | "'")
}

/// The substitute in a bracket of a team sheet, `rest` being the text just
/// after the opening bracket: "46th Angelov )" gives "Angelov" — a minute,
/// then one to three capitalised words, then the closing bracket.
fn substitution(rest: &str) -> Option<&str> {
    let (inner, _) = rest.split_once(')')?;
    let (minute, name) = inner.trim().split_once(char::is_whitespace)?;
    let name = name.trim();
    let words = name.split_whitespace().count();
    let capitalised = name.split_whitespace().all(|w| {
        w.chars().next().is_some_and(char::is_uppercase) && w.chars().any(char::is_lowercase)
    });
    (is_minute(minute) && (1..=3).contains(&words) && capitalised).then_some(name)
}

/// The text after a team sheet's role mark in brackets ("( capt )",
/// "(gk)", "( wk )"), trimmed, or `None` when `rest` opens with none.
fn role_mark(rest: &str) -> Option<&str> {
    let (inner, after) = rest.strip_prefix('(')?.split_once(')')?;
    let mark = inner.trim().trim_end_matches('.').to_ascii_lowercase();
    matches!(mark.as_str(), "capt" | "captain" | "c" | "gk" | "wk" | "vc")
        .then(|| after.trim_start_matches([' ', '\t']))
}

/// Whether `before` (the text before a name) ends with an opening bracket
/// and a minute: the name is a substitute ("( 46th Angelov )").
fn minute_opens(before: &str) -> bool {
    let b = before.trim_end();
    // The last white space may take more than one byte (U+2005).
    let cut = b
        .char_indices()
        .rev()
        .find(|&(_, c)| c.is_whitespace() || c == '(')
        .map_or(0, |(i, c)| i + c.len_utf8());
    is_minute(&b[cut..]) && b[..cut].trim_end().ends_with('(')
}

fn name_list_line(line: &str) -> bool {
    let body = match line.split_once(':') {
        Some((head, rest)) => {
            let h = head.trim().to_ascii_lowercase();
            if super::lexicon::TAG_LINES.contains(&h.as_str()) {
                return false;
            }
            rest
        }
        None => line,
    };
    let body = body.trim().trim_end_matches('.');
    // At most this many items: a line with too few separators, or with
    // more items that are no names than a quarter of this, is refused
    // without reading the rest (most lines are prose).
    let most = body.bytes().filter(|&b| b == b',' || b == b';').count() + 1;
    if most < 4 {
        return false;
    }
    let mut items = 0;
    let mut names = 0;
    for item in body.split([',', ';']) {
        let item = item.trim();
        // A player and the substitute who replaced him count as one item:
        // "Zhelev ( 46th Angelov )".
        let item = match item.split_once('(') {
            Some((head, rest)) if substitution(rest).is_some() => head.trim(),
            _ => item,
        };
        // A numbered team sheet: "15 - Gwyn Llewellin , 14 - …".
        let item = shirt_numbered(item).unwrap_or(item);
        if item.is_empty() {
            continue;
        }
        items += 1;
        // A name's first word is capitalised.
        if !item.chars().next().is_some_and(char::is_uppercase) {
            if (items - names) * 4 > most {
                return false;
            }
            continue;
        }
        let words: Vec<&str> = item.split_whitespace().collect();
        // Lower-case particles inside a name do not count: "Eelco de
        // Roever", "Jean-Paul van Galen".
        let inner =
            |i: usize, w: &str| i > 0 && i + 1 < words.len() && INNER_PARTICLES.contains(&w);
        let mains = words
            .iter()
            .enumerate()
            .filter(|&(i, w)| !inner(i, w))
            .count();
        let name = (1..=3).contains(&mains)
            && words.iter().enumerate().all(|(i, w)| {
                inner(i, w)
                    || (w.chars().next().is_some_and(char::is_uppercase)
                        && w.chars().any(char::is_lowercase)
                        && w.chars()
                            .all(|c| c.is_alphabetic() || matches!(c, '\'' | '’' | '-' | '.')))
            });
        names += name as usize;
        if (items - names) * 4 > most {
            return false;
        }
    }
    items >= 4 && names * 4 >= items * 3
}
