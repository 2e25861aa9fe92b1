//! Steps 4 and 5, decisions and back-references: which runs are persons
//! or organisations, from the cues around them, and which later runs
//! repeat part of a person found before.

use super::lexicon::{Lexicon, SPEECH};
use super::scan::{regnal, Doc, Gap};
use super::{Found, Inner, GIVEN_CACHE_MAX, MAX_RUN};
use crate::analyze::Kind;
use crate::fold;
use crate::token::{camel_cuts, is_hyphen};
use rustc_hash::{FxHashMap, FxHashSet};

pub(super) struct State<'a, 'd> {
    pub(super) ex: &'a Inner,
    pub(super) lex: &'a Lexicon,
    pub(super) doc: &'d Doc<'d>,
    pub(super) lower_seen: FxHashSet<&'d str>,
    pub(super) out: Vec<Found>,
    pub(super) taken: Vec<bool>,
}

impl<'d> State<'_, 'd> {
    pub(super) fn fold(&self, k: usize) -> &str {
        self.doc.fold(k)
    }

    pub(super) fn phrase(&self, s: usize, e: usize) -> &'d str {
        self.doc.phrase(s, e)
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
        let plain = text.is_ascii()
            && !text.contains("  ")
            && !text
                .bytes()
                .any(|b| b != b' ' && b.is_ascii_whitespace() || b == 0x0b);
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

    pub(super) fn is_stop(&self, k: usize) -> bool {
        self.lex.stopwords.contains(self.fold(k))
    }

    pub(super) fn is_particle(&self, k: usize) -> bool {
        let t = &self.doc.toks[k];
        t.lower || (self.lex.particles.contains(self.fold(k)) && k + 1 < self.doc.toks.len())
    }

    /// A word that cannot be part of a person's name.
    pub(super) fn non_name(&self, k: usize) -> bool {
        let f = self.fold(k);
        self.is_stop(k)
            || self.lex.is_nationality(f)
            || self.lex.org_words.contains(f)
            || self.lex.features.contains(f)
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
        if self.lex.known_orgs.contains(self.phrase(s2, e2)) {
            return true;
        }
        // A legal form at the end.
        for len in 1..=self.lex.legal_max.min(e2 - s2) {
            if e2 - s2 == len {
                break;
            }
            if !self.lex.legal_first.contains(self.fold(e2 - len)) {
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
            && (s2..e2).any(|k| self.lex.org_words.contains(self.fold(k)))
            && !self.lex.places.contains(self.phrase(s2, e2))
    }

    /// The end of a legal form written right after token `e - 1`
    /// ("Royal Philips N.V.", "JPMorgan Chase & Co.").
    pub(super) fn legal_after(&self, e: usize) -> Option<usize> {
        let toks = &self.doc.toks;
        let n = toks.len();
        if e >= n
            || toks[e].lower
            || toks[e - 1].poss
            || !self.lex.legal_first.contains(self.fold(e))
        {
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
        (s..e).filter(|&k| !self.is_particle(k)).all(|k| {
            let f = self.fold(k);
            self.lower_seen.contains(f) || self.is_stop(k) || self.lex.places.contains(f)
        })
    }

    pub(super) fn is_place_run(&self, s: usize, e: usize) -> bool {
        let p = self.phrase(s, e);
        self.lex.places.contains(p)
            || self.lex.nationalities.contains(p)
            || (s..e).all(|k| {
                let f = self.fold(k);
                self.lex.places.contains(f) || self.lex.is_nationality(f) || self.is_particle(k)
            })
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
                        || self.lex.is_nationality(fk)
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

    /// Decides a run. Returns whether it was settled (reported or rejected
    /// for good); unsettled runs go to the back-reference pass.
    pub(super) fn classify(&mut self, s: usize, e: usize) -> bool {
        let toks = &self.doc.toks;
        if let Some(formal) = self.title_cue(s) {
            let (s2, e2) = self.strip(s, e, true);
            if s2 >= e2 {
                return false;
            }
            if self.is_place_run(s2, e2)
                || (s2..e2).any(|k| self.lex.features.contains(self.fold(k)))
            {
                return true;
            }
            let mains = (s2..e2).filter(|&k| !self.is_particle(k)).count();
            if mains == 0 || (!formal && mains < 2) {
                return false;
            }
            if !formal && (self.all_common(s2, e2) || (s2..e2).any(|k| self.non_name(k))) {
                return false;
            }
            self.push(s2, e2, Kind::Person);
            return true;
        }
        let (s, e) = self.strip(s, e, false);
        if s >= e {
            return true;
        }
        // Leading nationality or place words: "Moroccan Foreign", "Rwanda
        // Defence Force" (already an organisation), "Kenyan".
        let mut s1 = s;
        while s1 < e
            && (self.lex.is_nationality(self.fold(s1)) || self.lex.places.contains(self.fold(s1)))
        {
            s1 += 1;
        }
        if s1 >= e || self.is_place_run(s, e) {
            return true;
        }
        if (s..e).any(|k| self.lex.features.contains(self.fold(k))) {
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
        let (s, e) = (s1, e);
        let mains = (s..e).filter(|&k| !self.is_particle(k)).count();
        if mains >= 2 && !(s..e).any(|k| self.non_name(k)) {
            // Initials: "S. Jaishankar", "J. R. R. Tolkien".
            let initial = (s..e - 1).any(|k| {
                toks[k].letters == 1
                    && toks[k].cap
                    && toks[k + 1].gap == Gap::Space
                    && self.doc.text.as_bytes().get(toks[k].end) == Some(&b'.')
            });
            let possessive_place = s > 0
                && toks[s - 1].poss
                && toks[s].gap == Gap::Space
                && self.lex.places.contains(self.fold(s - 1));
            let given = self.is_known_given(s);
            let last_ok = !self.lower_seen.contains(self.fold(e - 1)) && !self.is_stop(e - 1);
            let cue = initial || ((given || possessive_place || self.context_cue(s, e)) && last_ok);
            if cue && !self.all_common(s, e) {
                if self.fuzzy_kind(s, e) == Some(Kind::Org) {
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
        g.closest_kind(&self.ex.analyzer.analyze(text))
    }

    /// Exact gazetteer hits over the folded token stream.
    pub(super) fn gazetteer_hits(&mut self) {
        let Some(g) = self.ex.gazetteer.as_ref() else {
            return;
        };
        // Folded tokens joined by spaces; "|" where a name cannot continue.
        let mut hay = String::with_capacity(self.doc.folds.len() + self.doc.toks.len());
        let mut starts: FxHashMap<usize, usize> = FxHashMap::default();
        let mut ends: FxHashMap<usize, usize> = FxHashMap::default();
        for (k, t) in self.doc.toks.iter().enumerate() {
            if t.fold.0 == t.fold.1 {
                continue;
            }
            if !hay.is_empty() {
                let joins = matches!(t.gap, Gap::Space | Gap::Hyphen | Gap::Glued)
                    && !self.doc.toks[k - 1].poss;
                hay.push_str(if joins { " " } else { " | " });
            }
            starts.insert(hay.len(), k);
            hay.push_str(self.fold(k));
            ends.insert(hay.len(), k);
        }
        let mut hits = Vec::new();
        for m in g.ac.find_iter(&hay) {
            if let (Some(&a), Some(&b)) = (starts.get(&m.start()), ends.get(&m.end())) {
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
        if known.is_empty() {
            return;
        }
        for &(s, e) in pending {
            if self.taken[s..e].iter().any(|&t| t) {
                continue;
            }
            let whole = self.phrase(s, e);
            if known.contains(whole) && !(e - s == 1 && self.single_excluded(s)) {
                self.push(s, e, Kind::Person);
                continue;
            }
            let (s2, e2) = self.strip(s, e, false);
            if s2 < e2 && (s2, e2) != (s, e) {
                let p = self.phrase(s2, e2);
                if known.contains(p) && !(e2 - s2 == 1 && self.single_excluded(s2)) {
                    self.push(s2, e2, Kind::Person);
                }
            }
        }
    }

    pub(super) fn single_excluded(&self, k: usize) -> bool {
        let f = self.fold(k);
        self.doc.toks[k].upper
            || self.is_stop(k)
            || self.lex.places.contains(f)
            || self.lex.is_nationality(f)
            || self.lex.particles.contains(f)
            || self.lex.org_words.contains(f)
    }
}
