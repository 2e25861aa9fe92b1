//! Knowledge tables: titles, particles, suffixes, legal forms, organisation
//! words, given-name variant groups and nicknames, and the word lists of
//! name extraction (places, nationalities, stopwords, known organisations).
//!
//! Every bundled table in `data/` is compiled into the library and parsed
//! here, once; callers add their own at run time through
//! [`AnalyzerBuilder::add_table`] (see `data/README.md` for every table's
//! format, source and licence). Analysis and extraction read the same
//! [`Tables`], so a table added to an analyser reaches both.
//!
//! [`AnalyzerBuilder::add_table`]: crate::AnalyzerBuilder::add_table

use crate::error::{Error, ErrorKind, Problem};
use rustc_hash::{FxHashMap, FxHashSet};
use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};
use std::str::FromStr;

/// The bundled given-name groups, folded ahead of time (see
/// [`generate_given_names`]): `form<TAB>id,id…`, sorted by form.
#[cfg(test)]
const GIVEN_FOLDED: &str = include_str!("../data/given_names.folded.tsv");

include!("tables/word_hash.rs");

/// The bundled tables, laid out by the build script (`build.rs`) from the
/// pre-folded tables (see [`generate_folded_tables`]): nothing of them is
/// parsed at run time.
mod bundled {
    include!(concat!(env!("OUT_DIR"), "/bundled_tables.rs"));

    /// Every bundled folded word, concatenated.
    pub(super) static FORMS: &str = include_str!(concat!(env!("OUT_DIR"), "/bundled_forms.txt"));
    /// Per word, six little-endian `u32`: offset and length in [`FORMS`],
    /// flags, start of its given-name groups, start of its nickname groups
    /// (= end of the given-name ones), end of its nickname groups.
    pub(super) static RECORDS: &[u8] =
        include_bytes!(concat!(env!("OUT_DIR"), "/bundled_records.bin"));
    /// Open addressing, linear probing: per slot a little-endian `u32`, 12
    /// bits of the high half of the word's hash over its record number plus
    /// one in 20 bits (0: empty).
    pub(super) static SLOTS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/bundled_slots.bin"));

    /// The number of bundled words.
    pub(super) fn len() -> usize {
        RECORDS.len() / 24
    }

    /// Record `i`: its form and its word.
    #[inline]
    pub(super) fn record(i: usize) -> (&'static str, super::Word) {
        let r = &RECORDS[i * 24..i * 24 + 24];
        let f = |k: usize| u32::from_le_bytes([r[4 * k], r[4 * k + 1], r[4 * k + 2], r[4 * k + 3]]);
        let (off, len) = (f(0) as usize, f(1) as usize);
        let word = super::Word {
            flags: f(2) as u8,
            given: (f(3), f(4)),
            nicks: (f(4), f(5)),
        };
        (&FORMS[off..off + len], word)
    }

    /// The bundled word `form`, if there is one.
    #[inline]
    pub(super) fn lookup(form: &str) -> Option<super::Word> {
        use super::INDEX_BITS;
        let h = super::word_hash(form.as_bytes());
        let mask = SLOTS.len() / 4 - 1;
        let tag = ((h >> 32) as u32) >> INDEX_BITS;
        let mut s = h as usize & mask;
        loop {
            let b = &SLOTS[s * 4..s * 4 + 4];
            let v = u32::from_le_bytes([b[0], b[1], b[2], b[3]]);
            if v == 0 {
                return None;
            }
            if v >> INDEX_BITS == tag {
                let (f, w) = record(((v & ((1 << INDEX_BITS) - 1)) - 1) as usize);
                if f == form {
                    return Some(w);
                }
            }
            s = (s + 1) & mask;
        }
    }
}

/// Which knowledge table a text holds. Each variant documents its format;
/// all tables are UTF-8, one record per line, fields separated by TAB, with
/// `#` comment lines and blank lines ignored. Forms are written naturally
/// (case, diacritics, dots and hyphens are folded when loaded).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Table {
    /// `phrase<TAB>category`: titles, honorifics, ranks and roles that can
    /// precede a person's name ("Brig. Gen.", "Minister of Defense").
    Titles,
    /// `particle`: name particles such as al, bin, van, von, de.
    Particles,
    /// `form<TAB>canonical`: generational suffixes (Jr. → jr) and
    /// post-nominals to drop (canonical `-`: PhD, OBE).
    Suffixes,
    /// `form<TAB>canonical`: organisation legal forms
    /// (Aktiengesellschaft → ag).
    LegalForms,
    /// `word`: words that mark a name as an organisation (Ministry, Bank).
    OrgWords,
    /// `id<TAB>form<TAB>form…`: groups of equivalent given-name forms across
    /// romanisations and languages (Mohammed, Muhammad, Mohamed).
    GivenNames,
    /// `name<TAB>nickname`: nicknames, weaker evidence than given-name
    /// groups (William, Bill).
    Nicknames,
    /// `place`: place names (countries, cities, regions, seas), which name
    /// extraction never reports as a person ("Rabat", "North Africa").
    Places,
    /// `word`: nationality and regional adjectives ("Moroccan"); name
    /// extraction also knows their plurals.
    Nationalities,
    /// `word`: words that English running text capitalises without their
    /// being names (sentence openers, weekdays, months), for name
    /// extraction.
    Stopwords,
    /// `name`: organisations whose names read like a person's or a place's
    /// ("Morgan Stanley"); name extraction reports them as organisations.
    KnownOrgs,
    /// `form<TAB>canonical`: words and phrases of organisation names with
    /// the form their comparison key uses (Intl → international, Third → 3,
    /// United States → us).
    OrgTerms,
}

impl Table {
    /// Every table kind, in load order.
    pub const ALL: [Table; 12] = [
        Table::Titles,
        Table::Particles,
        Table::Suffixes,
        Table::LegalForms,
        Table::OrgWords,
        Table::GivenNames,
        Table::Nicknames,
        Table::Places,
        Table::Nationalities,
        Table::Stopwords,
        Table::KnownOrgs,
        Table::OrgTerms,
    ];

    /// The table's short name, as used on the command line (`titles`,
    /// `particles`, `suffixes`, `legal-forms`, `org-words`, `given-names`,
    /// `nicknames`, `places`, `nationalities`, `stopwords`, `known-orgs`, `org-terms`);
    /// [`str::parse`] reads it back.
    pub fn name(self) -> &'static str {
        match self {
            Table::Titles => "titles",
            Table::Particles => "particles",
            Table::Suffixes => "suffixes",
            Table::LegalForms => "legal-forms",
            Table::OrgWords => "org-words",
            Table::GivenNames => "given-names",
            Table::Nicknames => "nicknames",
            Table::Places => "places",
            Table::Nationalities => "nationalities",
            Table::Stopwords => "stopwords",
            Table::KnownOrgs => "known-orgs",
            Table::OrgTerms => "org-terms",
        }
    }

    fn bundled(self) -> &'static [(&'static str, &'static str)] {
        match self {
            Table::Titles => &[("data/titles.tsv", include_str!("../data/titles.tsv"))],
            Table::Particles => &[("data/particles.txt", include_str!("../data/particles.txt"))],
            Table::Suffixes => &[("data/suffixes.tsv", include_str!("../data/suffixes.tsv"))],
            Table::LegalForms => &[(
                "data/legal_forms.tsv",
                include_str!("../data/legal_forms.tsv"),
            )],
            Table::OrgWords => &[("data/org_words.txt", include_str!("../data/org_words.txt"))],
            // Loaded pre-folded, see `Tables::bundled`.
            Table::GivenNames => &[],
            Table::Nicknames => &[
                ("data/nicknames.tsv", include_str!("../data/nicknames.tsv")),
                (
                    "data/hypocoristics.tsv",
                    include_str!("../data/hypocoristics.tsv"),
                ),
            ],
            Table::Places => &[("data/places.txt", include_str!("../data/places.txt"))],
            Table::Nationalities => &[(
                "data/nationalities.txt",
                include_str!("../data/nationalities.txt"),
            )],
            Table::Stopwords => &[("data/stopwords.txt", include_str!("../data/stopwords.txt"))],
            Table::KnownOrgs => &[(
                "data/known_orgs.txt",
                include_str!("../data/known_orgs.txt"),
            )],
            Table::OrgTerms => &[("data/org_terms.tsv", include_str!("../data/org_terms.tsv"))],
        }
    }
}

impl FromStr for Table {
    type Err = Error;

    /// Parses a short name as returned by [`Table::name`].
    fn from_str(name: &str) -> Result<Table, Error> {
        Table::ALL
            .into_iter()
            .find(|t| t.name() == name)
            .ok_or_else(|| {
                let names: Vec<&str> = Table::ALL.iter().map(|t| t.name()).collect();
                Error::at(
                    ErrorKind::Parse,
                    "table name",
                    None,
                    format!(
                        "unknown table `{name}`, expected one of {}",
                        names.join(", ")
                    ),
                )
            })
    }
}

/// The bundled given-name and nickname group ids, which the spans of the
/// bundled words index.
#[inline]
pub(crate) fn bundled_arena() -> &'static [u32] {
    &bundled::ARENA
}

/// The bundled given-name groups of a glued folded form (sorted; empty if
/// the bundled tables do not know it as a given name).
pub(crate) fn bundled_given_groups(form: &str) -> &'static [u32] {
    match bundled::lookup(form) {
        Some(w) => &bundled::ARENA[w.given.0 as usize..w.given.1 as usize],
        None => &[],
    }
}

/// The loaded, folded knowledge the analyser uses.
#[derive(Debug, Clone, Default)]
pub(crate) struct Tables {
    /// Folded title phrase ("brig gen") → category.
    pub titles: FxHashMap<Box<str>, Box<str>>,
    pub title_max: usize,
    /// Folded suffix → canonical, `None` for post-nominals that are dropped.
    pub suffixes: FxHashMap<Box<str>, Option<Box<str>>>,
    /// Folded legal-form phrase ("s a", "aktiengesellschaft") → canonical.
    pub legal: FxHashMap<Box<str>, Box<str>>,
    pub legal_max: usize,
    /// Folded organisation-name phrase ("intl", "united states") →
    /// canonical ("international", "us").
    pub org_terms: FxHashMap<Box<str>, Box<str>>,
    pub org_terms_max: usize,
    /// Whether the bundled words (the compiled-in table of `bundled`) are
    /// part of these tables.
    bundled: bool,
    /// Every single folded word the analyser asks about that tables added at
    /// run time know, with what it is (see [`Word`]); it overrides the
    /// bundled word of the same form. One lookup per token answers every
    /// table.
    words: FxHashMap<Box<str>, Word>,
    /// Group ids of given names and nicknames, spans of which [`Word`]s
    /// hold: the bundled arena, copied when a table added at run time
    /// extends it. A span is replaced, not edited, when a form gains a
    /// group.
    arena: Cow<'static, [u32]>,
    /// Group ids of tables added at run time (their own namespace).
    given_ids: FxHashMap<Box<str>, u32>,
    given_next: u32,
    nick_ids: FxHashMap<Box<str>, u32>,
    /// Folded place names ("north africa"), for extraction.
    pub places: FxHashSet<Box<str>>,
    /// Folded nationality adjectives ("moroccan"), for extraction.
    pub nationalities: FxHashSet<Box<str>>,
    /// Folded words capitalised without being names ("monday"), for
    /// extraction.
    pub stopwords: FxHashSet<Box<str>>,
    /// Folded organisation names that read like persons or places, for
    /// extraction.
    pub known_orgs: FxHashSet<Box<str>>,
}

/// What one folded word is, across every table: flags and the spans of its
/// given-name and nickname group ids.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Word {
    flags: u8,
    given: (u32, u32),
    nicks: (u32, u32),
}

impl Word {
    /// A particle (al, bin, van).
    pub const PARTICLE: u8 = 1;
    /// An organisation word (Ministry, Bank).
    pub const ORG: u8 = 1 << 1;
    /// The first word of a title phrase.
    pub const TITLE_FIRST: u8 = 1 << 2;
    /// The first word of a legal-form phrase.
    pub const LEGAL_FIRST: u8 = 1 << 3;
    /// A suffix (generational or post-nominal).
    pub const SUFFIX: u8 = 1 << 4;
    /// A known given-name form.
    pub const GIVEN: u8 = 1 << 5;
    /// A word after the first of a title or legal-form phrase: a phrase
    /// can only go on through words with this flag.
    pub const PHRASE_NEXT: u8 = 1 << 6;
    /// The first word of an organisation-term phrase.
    pub const ORG_TERM_FIRST: u8 = 1 << 7;

    /// The span of its given-name group ids in the tables' arena.
    #[inline]
    pub fn given_span(self) -> (u32, u32) {
        self.given
    }

    /// The span of its nickname group ids in the tables' arena.
    #[inline]
    pub fn nicks_span(self) -> (u32, u32) {
        self.nicks
    }

    /// Whether every flag in `flags` is set.
    #[inline]
    pub fn is(self, flags: u8) -> bool {
        self.flags & flags == flags
    }
}

/// Splits a table line into trimmed TAB-separated fields.
fn fields(line: &str) -> Vec<&str> {
    line.split('\t').map(str::trim).collect()
}

fn push_unique(v: &mut Vec<u32>, id: u32) {
    if !v.contains(&id) {
        v.push(id);
        v.sort_unstable();
    }
}

impl Tables {
    /// The single words that carry `flag` (see [`Word`]).
    pub(crate) fn words_flagged(&self, flag: u8) -> impl Iterator<Item = &str> + '_ {
        let n = if self.bundled { bundled::len() } else { 0 };
        let base = (0..n)
            .map(bundled::record)
            .filter(move |(f, w)| w.is(flag) && !self.words.contains_key(*f))
            .map(|(f, _)| f);
        let added = self
            .words
            .iter()
            .filter(move |(_, w)| w.is(flag))
            .map(|(k, _)| k.as_ref());
        base.chain(added)
    }

    /// The bundled tables, as laid out at build time: no parsing, a few
    /// thousand small entries copied into maps.
    pub fn bundled() -> Tables {
        let boxed = |s: &&str| -> Box<str> { (*s).into() };
        Tables {
            titles: bundled::TITLES
                .iter()
                .map(|(p, c)| ((*p).into(), (*c).into()))
                .collect(),
            title_max: bundled::TITLE_MAX,
            suffixes: bundled::SUFFIXES
                .iter()
                .map(|(f, c)| ((*f).into(), c.map(Into::into)))
                .collect(),
            legal: bundled::LEGAL
                .iter()
                .map(|(p, c)| ((*p).into(), (*c).into()))
                .collect(),
            legal_max: bundled::LEGAL_MAX,
            org_terms: bundled::ORG_TERMS
                .iter()
                .map(|(p, c)| ((*p).into(), (*c).into()))
                .collect(),
            org_terms_max: bundled::ORG_TERMS_MAX,
            bundled: true,
            words: FxHashMap::default(),
            arena: Cow::Borrowed(&bundled::ARENA[..]),
            given_ids: FxHashMap::default(),
            given_next: bundled::GIVEN_NEXT,
            nick_ids: bundled::NICK_IDS
                .iter()
                .map(|(n, id)| ((*n).into(), *id))
                .collect(),
            places: bundled::PLACES.iter().map(boxed).collect(),
            nationalities: bundled::NATIONALITIES.iter().map(boxed).collect(),
            stopwords: bundled::STOPWORDS.iter().map(boxed).collect(),
            known_orgs: bundled::KNOWN_ORGS.iter().map(boxed).collect(),
        }
    }

    /// Parses every bundled table from its text, as tables added at run
    /// time are parsed: what [`Tables::bundled`] must equal.
    #[cfg(test)]
    fn parse_bundled() -> Tables {
        let mut t = Tables::default();
        t.load_folded_given(GIVEN_FOLDED);
        t.add_text_tables();
        t
    }

    /// Parses the bundled text tables (all but the given names, which are
    /// compiled in pre-folded).
    fn add_text_tables(&mut self) {
        for table in Table::ALL {
            for (src, text) in table.bundled() {
                if let Err(e) = self.add(table, src, text) {
                    panic!("bundled table {src} is malformed: {e}");
                }
            }
        }
    }

    /// Loads pre-folded given-name groups.
    #[cfg(test)]
    fn load_folded_given(&mut self, text: &'static str) {
        let rows = text
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty());
        for line in rows {
            let Some((form, ids)) = line.split_once('\t') else {
                continue;
            };
            let a = self.arena.len() as u32;
            for id in ids.split(',') {
                let id: u32 = id.parse().expect("bundled given-name ids are numbers");
                self.given_next = self.given_next.max(id + 1);
                self.arena.to_mut().push(id);
            }
            let word = self.words.entry(form.into()).or_default();
            word.flags |= Word::GIVEN;
            word.given = (a, self.arena.len() as u32);
        }
    }

    /// Everything the tables know about one folded word (the default, no
    /// flags and no groups, for an unknown word).
    #[inline]
    pub fn word(&self, form: &str) -> Word {
        if !self.words.is_empty() {
            if let Some(w) = self.words.get(form) {
                return *w;
            }
        }
        if self.bundled {
            bundled::lookup(form).unwrap_or_default()
        } else {
            Word::default()
        }
    }

    /// Sets `flags` on a folded word.
    fn flag(&mut self, form: &str, flags: u8) {
        let mut w = self.word(form);
        w.flags |= flags;
        match self.words.get_mut(form) {
            Some(slot) => *slot = w,
            None => {
                self.words.insert(form.into(), w);
            }
        }
    }

    /// The given-name variant groups of a word (sorted; empty if none).
    #[inline]
    pub fn given_groups_of(&self, w: Word) -> &[u32] {
        &self.arena[w.given.0 as usize..w.given.1 as usize]
    }

    /// Whether the words' group spans index the bundled group ids
    /// ([`bundled_arena`]): no table added at run time extended them.
    #[inline]
    pub fn arena_is_bundled(&self) -> bool {
        matches!(self.arena, Cow::Borrowed(_))
    }

    /// The nickname groups of a word (sorted; empty if none).
    #[inline]
    pub fn nicks_of(&self, w: Word) -> &[u32] {
        &self.arena[w.nicks.0 as usize..w.nicks.1 as usize]
    }

    /// Adds group `id` to the given-name (`nick` false) or nickname groups
    /// of a glued folded form, keeping them sorted and unique.
    fn add_group(&mut self, form: String, id: u32, nick: bool) {
        let w = self.word(&form);
        let mut ids = if nick {
            self.nicks_of(w).to_vec()
        } else {
            self.given_groups_of(w).to_vec()
        };
        push_unique(&mut ids, id);
        let a = self.arena.len() as u32;
        self.arena.to_mut().extend_from_slice(&ids);
        let span = (a, self.arena.len() as u32);
        let entry = self.words.entry(form.into_boxed_str()).or_insert(w);
        if nick {
            entry.nicks = span;
        } else {
            entry.flags |= Word::GIVEN;
            entry.given = span;
        }
    }

    /// Parses `text` as a table of kind `table` and merges it in. Nothing is
    /// merged when any line is malformed; every bad line is reported.
    pub fn add(&mut self, table: Table, source: &str, text: &str) -> Result<(), Error> {
        let mut problems = Vec::new();
        let mut rows: Vec<Vec<&str>> = Vec::new();
        let want = match table {
            Table::Titles
            | Table::Suffixes
            | Table::LegalForms
            | Table::Nicknames
            | Table::OrgTerms => 2,
            Table::Particles
            | Table::OrgWords
            | Table::Places
            | Table::Nationalities
            | Table::Stopwords
            | Table::KnownOrgs => 1,
            Table::GivenNames => 2,
        };
        for (i, raw) in text.lines().enumerate() {
            let line = raw.trim_end_matches('\r');
            if line.trim().is_empty() || line.trim_start().starts_with('#') {
                continue;
            }
            let f = fields(line);
            let ok = f.len() >= want && f.iter().take(want).all(|x| !x.is_empty());
            if !ok {
                problems.push(Problem {
                    source: source.to_string(),
                    line: Some(i + 1),
                    path: None,
                    message: format!(
                        "expected at least {want} non-empty TAB-separated field(s) for a {} table",
                        table.name()
                    ),
                });
                continue;
            }
            // A form that folds to nothing ("..." or "-") cannot be matched.
            // (The first field of a given-names row is an id, not a form.)
            let empty = match table {
                Table::GivenNames => f[1..].iter().all(|x| glued(x).is_empty()),
                _ => glued(f[0]).is_empty(),
            };
            if empty {
                problems.push(Problem {
                    source: source.to_string(),
                    line: Some(i + 1),
                    path: None,
                    message: format!("{:?} has no letters or digits", f[0]),
                });
                continue;
            }
            rows.push(f);
        }
        if !problems.is_empty() {
            return Err(Error::new(ErrorKind::Parse, problems));
        }
        for f in rows {
            self.merge_row(table, &f);
        }
        Ok(())
    }

    fn merge_row(&mut self, table: Table, f: &[&str]) {
        match table {
            Table::Titles => {
                let p = phrase(f[0]);
                self.title_max = self.title_max.max(p.split(' ').count());
                self.flag(p.split(' ').next().unwrap_or(""), Word::TITLE_FIRST);
                for w in p.split(' ').skip(1) {
                    self.flag(w, Word::PHRASE_NEXT);
                }
                self.titles.insert(p.into(), f[1].into());
            }
            Table::Particles => {
                self.flag(&phrase(f[0]), Word::PARTICLE);
            }
            Table::Suffixes => {
                let canon = if f[1] == "-" {
                    None
                } else {
                    Some(glued(f[1]).into())
                };
                let g = glued(f[0]);
                self.flag(&g, Word::SUFFIX);
                self.suffixes.insert(g.into(), canon);
            }
            Table::LegalForms => {
                let p = phrase(f[0]);
                self.legal_max = self.legal_max.max(p.split(' ').count());
                self.flag(p.split(' ').next().unwrap_or(""), Word::LEGAL_FIRST);
                for w in p.split(' ').skip(1) {
                    self.flag(w, Word::PHRASE_NEXT);
                }
                self.legal.insert(p.into(), phrase(f[1]).into());
            }
            Table::OrgWords => {
                self.flag(&phrase(f[0]), Word::ORG);
            }
            Table::OrgTerms => {
                let p = phrase(f[0]);
                self.org_terms_max = self.org_terms_max.max(p.split(' ').count());
                self.flag(p.split(' ').next().unwrap_or(""), Word::ORG_TERM_FIRST);
                for w in p.split(' ').skip(1) {
                    self.flag(w, Word::PHRASE_NEXT);
                }
                self.org_terms.insert(p.into(), phrase(f[1]).into());
            }
            Table::Places => {
                self.places.insert(phrase(f[0]).into());
            }
            Table::Nationalities => {
                self.nationalities.insert(phrase(f[0]).into());
            }
            Table::Stopwords => {
                self.stopwords.insert(phrase(f[0]).into());
            }
            Table::KnownOrgs => {
                self.known_orgs.insert(phrase(f[0]).into());
            }
            Table::GivenNames => {
                let next = self.given_next;
                let id = *self.given_ids.entry(f[0].into()).or_insert(next);
                self.given_next = self.given_next.max(id + 1);
                for form in &f[1..] {
                    let g = glued(form);
                    if g.len() < 2 {
                        continue;
                    }
                    self.add_group(g, id, false);
                }
            }
            Table::Nicknames => {
                let name = glued(f[0]);
                let next = self.nick_ids.len() as u32;
                let id = *self.nick_ids.entry(name.as_str().into()).or_insert(next);
                self.add_group(name, id, true);
                let nick = glued(f[1]);
                if nick.len() >= 2 {
                    self.add_group(nick, id, true);
                }
            }
        }
    }
}

/// Folds a table phrase the way the analyser folds a name: tokens folded and
/// joined by single spaces ("Brig. Gen." → "brig gen").
pub(crate) fn phrase(s: &str) -> String {
    crate::token::fold_phrase(s).join(" ")
}

/// Folds a table form with its tokens glued ("Abd al-Latif" → "abdallatif").
pub(crate) fn glued(s: &str) -> String {
    if s.is_ascii() {
        // The same result as folding token by token and gluing, without
        // tokenising: most table forms are ASCII, and this keeps start-up
        // fast.
        return s
            .bytes()
            .filter(u8::is_ascii_alphanumeric)
            .map(|b| b.to_ascii_lowercase() as char)
            .collect();
    }
    crate::token::fold_phrase(s).concat()
}

/// Folds given-name group tables (`id<TAB>form<TAB>form…`, in order) into
/// the pre-folded form compiled into the library: one line per glued folded
/// form with its group numbers, sorted. `cargo run --example fold_tables`
/// writes `data/given_names.folded.tsv` with it, and a test checks that the
/// committed file is up to date.
#[doc(hidden)]
pub fn generate_given_names(sources: &[(&str, &str)]) -> Result<String, Error> {
    let mut check = Tables::default();
    let mut ids: FxHashMap<String, u32> = FxHashMap::default();
    let mut forms: BTreeMap<String, BTreeSet<u32>> = BTreeMap::new();
    for (source, text) in sources {
        // Validate with the run-time parser first: same errors, same rules.
        check.add(Table::GivenNames, source, text)?;
        for line in text.lines() {
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() || line.trim_start().starts_with('#') {
                continue;
            }
            let f = fields(line);
            let next = ids.len() as u32;
            let id = *ids.entry(f[0].to_string()).or_insert(next);
            for form in &f[1..] {
                let g = glued(form);
                if g.len() >= 2 {
                    forms.entry(g).or_default().insert(id);
                }
            }
        }
    }
    let mut out = String::from(
        "# generated by `cargo run --example fold_tables` from data/given_names.tsv and\n\
         # data/given_names_extra.tsv: glued folded form, then its group numbers. Do not edit.\n",
    );
    for (form, set) in forms {
        out.push_str(&form);
        out.push('\t');
        let ids: Vec<String> = set.iter().map(u32::to_string).collect();
        out.push_str(&ids.join(","));
        out.push('\n');
    }
    Ok(out)
}

/// Folds the bundled text tables other than the given names (titles,
/// particles, suffixes, legal forms, organisation words, nicknames and the
/// word lists of extraction) into the pre-folded form the build script lays
/// out for the library, so that nothing is parsed at start-up. One row per
/// entry, sorted within each kind: `word<TAB>form<TAB>flags<TAB>nickname
/// groups`, `title`, `legal` and `suffix` rows with the folded phrase and
/// its value (`-` for a dropped suffix), `nick_id` rows, the word lists
/// (`place`, `nationality`, `stopword`, `known_org`) and the phrase lengths
/// (`max`). `cargo run --example fold_tables` writes `data/tables.folded.tsv`
/// with it, and a test checks that the committed file is up to date.
#[doc(hidden)]
pub fn generate_folded_tables() -> String {
    use std::fmt::Write as _;
    let mut t = Tables::default();
    t.add_text_tables();
    let mut out = String::from(
        "# generated by `cargo run --example fold_tables` from the text tables of data/\n\
         # (all but the given names): folded forms and what they are. Do not edit.\n",
    );
    let words: BTreeMap<&str, Word> = t.words.iter().map(|(k, w)| (k.as_ref(), *w)).collect();
    for (form, w) in words {
        assert!(
            t.given_groups_of(w).is_empty(),
            "given-name groups come from data/given_names.folded.tsv only"
        );
        let nicks: Vec<String> = t.nicks_of(w).iter().map(u32::to_string).collect();
        writeln!(out, "word\t{form}\t{}\t{}", w.flags, nicks.join(",")).unwrap();
    }
    let sorted = |m: &FxHashMap<Box<str>, Box<str>>| -> BTreeMap<String, String> {
        m.iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    };
    for (p, c) in sorted(&t.titles) {
        writeln!(out, "title\t{p}\t{c}").unwrap();
    }
    for (p, c) in sorted(&t.legal) {
        writeln!(out, "legal\t{p}\t{c}").unwrap();
    }
    for (p, c) in sorted(&t.org_terms) {
        writeln!(out, "org_term\t{p}\t{c}").unwrap();
    }
    let suffixes: BTreeMap<&str, Option<&str>> = t
        .suffixes
        .iter()
        .map(|(k, v)| (k.as_ref(), v.as_deref()))
        .collect();
    for (f, c) in suffixes {
        writeln!(out, "suffix\t{f}\t{}", c.unwrap_or("-")).unwrap();
    }
    let nick_ids: BTreeMap<&str, u32> = t.nick_ids.iter().map(|(k, v)| (k.as_ref(), *v)).collect();
    for (n, id) in nick_ids {
        writeln!(out, "nick_id\t{n}\t{id}").unwrap();
    }
    for (kind, set) in [
        ("place", &t.places),
        ("nationality", &t.nationalities),
        ("stopword", &t.stopwords),
        ("known_org", &t.known_orgs),
    ] {
        let set: BTreeSet<&str> = set.iter().map(AsRef::as_ref).collect();
        for w in set {
            writeln!(out, "{kind}\t{w}").unwrap();
        }
    }
    writeln!(out, "max\tTITLE_MAX\t{}", t.title_max).unwrap();
    writeln!(out, "max\tLEGAL_MAX\t{}", t.legal_max).unwrap();
    writeln!(out, "max\tORG_TERMS_MAX\t{}", t.org_terms_max).unwrap();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tables laid out at build time hold exactly what parsing the text
    /// tables gives: every word with its flags and groups, and every map.
    #[test]
    fn bundled_layout_equals_the_parsed_tables() {
        let parsed = Tables::parse_bundled();
        let built = Tables::bundled();
        assert_eq!(parsed.words.len(), bundled::len());
        for (form, &w) in &parsed.words {
            let b = built.word(form);
            assert_eq!(b.flags, w.flags, "flags of {form}");
            assert_eq!(
                built.given_groups_of(b),
                parsed.given_groups_of(w),
                "{form}"
            );
            assert_eq!(built.nicks_of(b), parsed.nicks_of(w), "nicknames of {form}");
        }
        assert_eq!(built.word("zzqxj"), Word::default());
        assert_eq!(built.titles, parsed.titles);
        assert_eq!(built.title_max, parsed.title_max);
        assert_eq!(built.suffixes, parsed.suffixes);
        assert_eq!(built.legal, parsed.legal);
        assert_eq!(built.legal_max, parsed.legal_max);
        assert_eq!(built.org_terms, parsed.org_terms);
        assert_eq!(built.org_terms_max, parsed.org_terms_max);
        assert_eq!(built.given_next, parsed.given_next);
        assert_eq!(built.nick_ids, parsed.nick_ids);
        assert_eq!(built.places, parsed.places);
        assert_eq!(built.nationalities, parsed.nationalities);
        assert_eq!(built.stopwords, parsed.stopwords);
        assert_eq!(built.known_orgs, parsed.known_orgs);
        for flag in [Word::PARTICLE, Word::ORG, Word::TITLE_FIRST, Word::SUFFIX] {
            let a: BTreeSet<&str> = built.words_flagged(flag).collect();
            let b: BTreeSet<&str> = parsed.words_flagged(flag).collect();
            assert_eq!(a, b);
        }
    }

    /// A table added at run time extends a bundled word rather than
    /// replacing it, and overrides it in lookups.
    #[test]
    fn added_tables_extend_bundled_words() {
        let mut t = Tables::bundled();
        let before = t.word("mohamed");
        assert!(before.is(Word::GIVEN));
        let groups = t.given_groups_of(before).to_vec();
        t.add(Table::Particles, "test", "mohamed\n").unwrap();
        t.add(Table::GivenNames, "test", "x\tmohamed\tmuhamet\n")
            .unwrap();
        let after = t.word("mohamed");
        assert!(after.is(Word::PARTICLE | Word::GIVEN));
        let new = t.given_groups_of(after);
        assert_eq!(new.len(), groups.len() + 1);
        assert!(groups.iter().all(|g| new.contains(g)));
        assert_eq!(
            t.given_groups_of(t.word("muhamet")).last(),
            new.iter().max()
        );
        assert!(t.words_flagged(Word::PARTICLE).any(|w| w == "mohamed"));
        assert_eq!(
            t.words_flagged(Word::GIVEN)
                .filter(|w| *w == "mohamed")
                .count(),
            1
        );
    }
}
