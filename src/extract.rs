//! Name extraction: finding person and organisation mentions in running
//! English news text.
//!
//! [`Extractor::find`] scans a text once and reports every mention it can
//! justify, as byte spans into the text. The steps follow the data:
//!
//! 1. **Tokens.** Words with their byte offsets and what separates them
//!    (space, hyphen, comma, sentence break); glued camel-case words split
//!    ("AbdellatifLoudyi", "betweenDefence"); possessives ("Rwanda's")
//!    marked; URLs, e-mail addresses and headline lines skipped; ALL-CAPS
//!    words (datelines, acronyms) never part of a name.
//! 2. **Titles.** Title, rank and role phrases from the titles table plus a
//!    few extraction-only role nouns ("leader", "adviser", "counterpart")
//!    are marked wherever they occur ("Brig. Gen.", "Minister of Defense",
//!    "spokesman").
//! 3. **Runs.** Maximal sequences of capitalised words, joined by spaces,
//!    hyphens (Jong-un), particles (bin, el, von der, da) and initials (S.),
//!    at most [`MAX_RUN`] words.
//! 4. **Decisions.** A run is a person when a cue says so: a title just
//!    before it, a regnal number (Mohammed VI), an initial, a gazetteer
//!    name, an appositive ("Nasser Bourita, Morocco's Minister of Foreign
//!    Affairs"; "the governor of the central bank, Olayemi Cardoso"),
//!    "said"/"told", a possessive place ("Hungary's Viktor Orbán"), or a
//!    known given name first. Places, nationalities, stopwords, weekdays,
//!    months, organisations (organisation words, legal forms, well-known
//!    company names) are never persons; organisations are reported with
//!    [`Kind::Org`].
//! 5. **Back-references.** A second pass over the document marks runs that
//!    repeat part of a person found in the first pass ("Nyakarundi" after
//!    "Maj. Gen. Vincent Nyakarundi", "Von der Leyen" after "Ursula von der
//!    Leyen").
//!
//! Every step is linear in the length of the text.

use crate::analyze::{Analyzer, Kind};
use crate::compare::compare;
use crate::fold;
use crate::key::skeleton;
use crate::resolve::{Mention, Resolution, Resolver};
use crate::tables::{phrase, Tables, Word};
use aho_corasick::{AhoCorasick, MatchKind};
use once_cell::sync::Lazy;
use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::{Arc, RwLock};

/// The longest run of capitalised words considered as one candidate name;
/// longer runs are cut. Keeps the work per word bounded.
pub const MAX_RUN: usize = 12;

/// One mention found in a text.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Found {
    /// Byte offset of the mention's first character in the text.
    pub start: usize,
    /// Byte offset just past the mention's last character.
    pub end: usize,
    /// The mention exactly as written: `&text[start..end]`. Titles, roles
    /// and a possessive `'s` are not part of it.
    pub text: String,
    /// The name to resolve: the mention with runs of white space made one
    /// space.
    pub name: String,
    /// Person or organisation.
    pub kind: Kind,
    /// The titles, ranks and roles written just before the mention, folded
    /// ("brig gen", "defence minister"), in text order.
    pub titles: Vec<String>,
}

// ---------------------------------------------------------------------------
// Word lists
// ---------------------------------------------------------------------------

/// Role nouns that introduce a name in news copy without being formal
/// titles. Weaker than titles: they cue names of two words or more only.
const ROLES: &[&str] = &[
    "leader",
    "party leader",
    "opposition leader",
    "adviser",
    "advisor",
    "deputy",
    "counterpart",
    "diplomat",
    "chief diplomat",
    "official",
    "correspondent",
    "head",
    "negotiator",
    "aide",
    "lawmaker",
    "legislator",
    "executive",
    "founder",
    "co founder",
    "sister",
    "brother",
    "son",
    "daughter",
    "wife",
    "husband",
    "widow",
    "mother",
    "rival",
    "predecessor",
    "successor",
    "colleague",
    "opponent",
    "candidate",
    "activist",
    "journalist",
    "reporter",
    "analyst",
    "economist",
    "lawyer",
    "coach",
    "player",
    "actor",
    "actress",
    "singer",
    "author",
    "writer",
    "military chief",
    "intelligence chief",
    "police chief",
    "spy chief",
    "defence chief",
    "defense chief",
];

/// Formal titles used in news copy that the titles table lacks.
const EXTRA_TITLES: &[&str] = &[
    "vice premier",
    "state secretary",
    "external affairs minister",
    "unification minister",
    "head of government",
    "head of state",
    "supreme leader",
];

/// Titles that are ordinary English words when written in lower case and
/// so do not cue a name in that form ("in general", "a major").
const LOWER_DENY: &[&str] = &[
    "general", "major", "private", "chair", "count", "father", "lady", "lord", "justice", "dean",
    "baron", "doctor", "judge", "master", "marshal", "prince", "king", "queen", "emperor",
];

/// Words naming a geographic feature or a facility: a run holding one is a
/// place, not a person ("Red Sea", "Lake Kivu", "Itamaraty Palace").
const FEATURE_WORDS: &[&str] = &[
    "sea",
    "ocean",
    "lake",
    "lakes",
    "river",
    "mount",
    "mountain",
    "mountains",
    "mt",
    "island",
    "islands",
    "isle",
    "peninsula",
    "gulf",
    "bay",
    "strait",
    "canal",
    "desert",
    "valley",
    "forest",
    "park",
    "palace",
    "airport",
    "port",
    "harbour",
    "harbor",
    "station",
    "square",
    "street",
    "avenue",
    "road",
    "bridge",
    "tower",
    "hall",
    "stadium",
    "arena",
    "hotel",
    "mausoleum",
    "museum",
    "cathedral",
    "temple",
    "castle",
    "falls",
    "coast",
    "county",
    "district",
    "region",
    "city",
    "town",
    "village",
    "province",
    "oblast",
    "governorate",
    "prefecture",
    "hills",
    "plain",
    "basin",
    "delta",
    "dam",
];

/// Verbs of speech after or before a name: "Mahama said", "said Vladimir
/// Putin".
const SPEECH: &[&str] = &[
    "said",
    "says",
    "told",
    "added",
    "stated",
    "noted",
    "stressed",
    "explained",
    "wrote",
    "tweeted",
    "announced",
    "insisted",
    "warned",
    "argued",
    "asked",
    "replied",
    "confirmed",
    "denied",
    "urged",
    "declared",
    "recalled",
    "acknowledged",
    "emphasised",
    "emphasized",
];

/// Lower-case particles that may stand inside a name, between capitalised
/// words ("Faisal bin Farhan", "Ursula von der Leyen", "Lula da Silva").
/// English look-alikes (as, at, do) count only when hyphenated (as-Sisi).
const INNER_PARTICLES: &[&str] = &[
    "al", "el", "bin", "ibn", "bint", "abu", "ben", "van", "von", "der", "den", "ter", "ten", "zu",
    "de", "da", "di", "dos", "das", "du", "del", "della", "la", "le", "des", "ould", "ul",
];

/// Words that end a hyphenated compound rather than continue a name
/// ("Rabat-based", "state-owned").
const HYPHEN_DENY: &[&str] = &[
    "based", "led", "owned", "born", "run", "style", "made", "held", "era", "type", "like", "free",
    "wide", "long", "year", "day", "old", "up", "on", "off", "out", "to", "by", "for",
];

/// Abbreviations whose full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "st", "mt", "no", "vs", "jr", "sr", "inc", "ltd", "co", "corp", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "approx", "dept", "est", "ft",
];

/// Line prefixes of tag and keyword lists, whose items are names, not a
/// headline.
const TAG_LINES: &[&str] = &["tags", "tag", "keywords", "topics", "subjects", "related"];

/// A cheap hash of a folded word, for the [`Bloom`] pre-tests.
#[inline]
fn word_hash(f: &str) -> u32 {
    let b = f.as_bytes();
    let n = b.len();
    if n == 0 {
        return 0;
    }
    let x = (n as u32)
        ^ (b[0] as u32) << 7
        ^ (b[n / 2] as u32) << 14
        ^ (b[n - 1] as u32) << 21
        ^ (b[n.min(2) - 1] as u32) << 26;
    x.wrapping_mul(0x9E37_79B1)
}

/// A one-hash Bloom filter over folded words: a cheap "certainly not in
/// the set" before a hash-set lookup.
struct Bloom {
    bits: Vec<u64>,
    shift: u32,
}

impl Bloom {
    /// A filter for about `n` words.
    fn with_capacity(n: usize) -> Bloom {
        let bits = (n * 16).next_power_of_two().max(1 << 10);
        Bloom {
            bits: vec![0; bits / 64],
            shift: 32 - bits.trailing_zeros(),
        }
    }

    fn insert(&mut self, f: &str) {
        let i = (word_hash(f) >> self.shift) as usize;
        self.bits[i / 64] |= 1 << (i % 64);
    }

    #[inline]
    fn may_contain(&self, f: &str) -> bool {
        let i = (word_hash(f) >> self.shift) as usize;
        self.bits[i / 64] & (1 << (i % 64)) != 0
    }
}

/// A set of folded words or phrases with a Bloom pre-test: most words of
/// running text are in none of the lexicon's sets.
struct WordSet {
    set: FxHashSet<Box<str>>,
    bloom: Bloom,
}

impl WordSet {
    fn new(set: FxHashSet<Box<str>>) -> WordSet {
        let mut bloom = Bloom::with_capacity(set.len().max(256) * 4);
        for f in &set {
            bloom.insert(f);
        }
        WordSet { set, bloom }
    }

    #[inline]
    fn contains(&self, f: &str) -> bool {
        self.bloom.may_contain(f) && self.set.contains(f)
    }
}

impl std::fmt::Debug for Lexicon {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Lexicon")
            .field("titles", &self.titles.len())
            .finish_non_exhaustive()
    }
}

struct Lexicon {
    /// Folded title phrase → whether it is a formal title (true) or a weak
    /// role noun (false).
    titles: FxHashMap<Box<str>, bool>,
    title_first: FxHashSet<Box<str>>,
    /// Pre-test for `title_first`.
    title_first_bloom: Bloom,
    /// Bit `n` set when some title starts with a word of `n` bytes: a
    /// cheap test before hashing.
    title_shapes: u64,
    /// Every word prefix of a title phrase ("minister", "minister of").
    title_prefixes: FxHashSet<Box<str>>,
    title_max: usize,
    particles: WordSet,
    org_words: WordSet,
    legal: WordSet,
    legal_max: usize,
    /// First words of legal forms.
    legal_first: WordSet,
    places: WordSet,
    nationalities: WordSet,
    stopwords: WordSet,
    known_orgs: WordSet,
    features: FxHashSet<&'static str>,
}

fn lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(|l| l.split('\t').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

fn phrase_set(text: &str) -> FxHashSet<Box<str>> {
    lines(text)
        .map(phrase)
        .filter(|p| !p.is_empty())
        .map(Into::into)
        .collect()
}

impl Lexicon {
    /// The bundled lexicon, with the titles, particles, legal forms and
    /// organisation words of `extra` (an analyser's tables) added.
    fn load(extra: Option<&Tables>) -> Lexicon {
        let mut titles: FxHashMap<Box<str>, bool> = FxHashMap::default();
        for p in lines(include_str!("../data/titles.tsv")).map(phrase) {
            if !p.is_empty() {
                titles.insert(p.into(), true);
            }
        }
        let mut legal = phrase_set(include_str!("../data/legal_forms.tsv"));
        let mut particles = phrase_set(include_str!("../data/particles.txt"));
        let mut org_words = phrase_set(include_str!("../data/org_words.txt"));
        if let Some(t) = extra {
            for p in t.titles.keys() {
                titles.entry(p.clone()).or_insert(true);
            }
            legal.extend(t.legal.keys().cloned());
            particles.extend(t.words_flagged(Word::PARTICLE).map(Into::into));
            org_words.extend(t.words_flagged(Word::ORG).map(Into::into));
        }
        for r in EXTRA_TITLES {
            titles.insert(phrase(r).into(), true);
        }
        for r in ROLES {
            titles.entry(phrase(r).into()).or_insert(false);
        }
        let title_first: FxHashSet<Box<str>> = titles
            .keys()
            .map(|p| p.split(' ').next().unwrap_or("").into())
            .collect();
        let mut title_first_bloom = Bloom::with_capacity(title_first.len() * 4);
        for f in &title_first {
            title_first_bloom.insert(f);
        }
        let title_max = titles
            .keys()
            .map(|p| p.split(' ').count())
            .max()
            .unwrap_or(1);
        let title_shapes = titles
            .keys()
            .map(|p| p.split(' ').next().unwrap_or("").len().min(63))
            .fold(0u64, |m, n| m | 1 << n);
        let mut title_prefixes: FxHashSet<Box<str>> = FxHashSet::default();
        for p in titles.keys() {
            let mut end = 0;
            for w in p.split(' ') {
                end += w.len();
                title_prefixes.insert(p[..end].into());
                end += 1;
            }
        }
        let legal_first = WordSet::new(
            legal
                .iter()
                .map(|p| p.split(' ').next().unwrap_or("").into())
                .collect(),
        );
        let legal_max = legal
            .iter()
            .map(|p| p.split(' ').count())
            .max()
            .unwrap_or(1);
        Lexicon {
            titles,
            title_first,
            title_first_bloom,
            title_prefixes,
            title_shapes,
            title_max,
            particles: WordSet::new(particles),
            org_words: WordSet::new(org_words),
            legal: WordSet::new(legal),
            legal_max,
            legal_first,
            places: WordSet::new(phrase_set(include_str!("../data/places.txt"))),
            nationalities: WordSet::new(phrase_set(include_str!("../data/nationalities.txt"))),
            stopwords: WordSet::new(phrase_set(include_str!("../data/stopwords.txt"))),
            known_orgs: WordSet::new(phrase_set(include_str!("../data/known_orgs.txt"))),
            features: FEATURE_WORDS.iter().copied().collect(),
        }
    }

    fn is_nationality(&self, f: &str) -> bool {
        self.nationalities.contains(f)
            || (f.len() > 3 && f.ends_with('s') && self.nationalities.contains(&f[..f.len() - 1]))
    }
}

static LEXICON: Lazy<Arc<Lexicon>> = Lazy::new(|| Arc::new(Lexicon::load(None)));

// ---------------------------------------------------------------------------
// Gazetteer
// ---------------------------------------------------------------------------

#[derive(Debug)]
struct Gazetteer {
    /// Exact matcher over folded token streams.
    ac: AhoCorasick,
    /// Kind of each pattern.
    kinds: Vec<Kind>,
    /// Analysed names for fuzzy comparison.
    names: Vec<crate::Name>,
    /// Skeleton of a distinctive part → entries holding it.
    by_skeleton: FxHashMap<String, Vec<u32>>,
}

/// At most this many gazetteer entries are compared with one candidate.
const MAX_FUZZY_CANDIDATES: usize = 16;

impl Gazetteer {
    fn build(names: &[(String, Kind)], analyzer: &Analyzer) -> Option<Gazetteer> {
        let mut patterns: Vec<String> = Vec::new();
        let mut kinds = Vec::new();
        let mut analysed = Vec::new();
        let mut by_skeleton: FxHashMap<String, Vec<u32>> = FxHashMap::default();
        let mut seen: FxHashSet<String> = FxHashSet::default();
        for (name, kind) in names {
            let p = phrase(name);
            if p.is_empty() || !seen.insert(p.clone()) {
                continue;
            }
            let id = patterns.len() as u32;
            patterns.push(p);
            kinds.push(*kind);
            let n = analyzer.analyze_as(name, *kind);
            for part in n.parts() {
                if part.tag().is_main() && part.fold().len() >= 3 {
                    let list = by_skeleton.entry(skeleton(part.fold())).or_default();
                    if list.last() != Some(&id) {
                        list.push(id);
                    }
                }
            }
            analysed.push(n);
        }
        if patterns.is_empty() {
            return None;
        }
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&patterns)
            .ok()?;
        Some(Gazetteer {
            ac,
            kinds,
            names: analysed,
            by_skeleton,
        })
    }
}

// ---------------------------------------------------------------------------
// Extractor
// ---------------------------------------------------------------------------

/// Builds an [`Extractor`].
///
/// ```
/// use canonym::{Extractor, Kind};
///
/// let ex = Extractor::builder()
///     .gazetteer([("Abdellatif Loudiyi".to_string(), Kind::Person)])
///     .build();
/// let found = ex.find("Talks with ABDELLATIF LOUDIYI ended.");
/// assert_eq!(found[0].text, "ABDELLATIF LOUDIYI");
/// ```
#[derive(Debug, Clone, Default)]
pub struct ExtractorBuilder {
    gazetteer: Vec<(String, Kind)>,
    analyzer: Option<Analyzer>,
    fuzzy: Option<bool>,
}

impl ExtractorBuilder {
    /// A builder with no gazetteer and the bundled tables.
    pub fn new() -> ExtractorBuilder {
        ExtractorBuilder::default()
    }

    /// Adds known names (aliases) with their kinds. They are found
    /// wherever they occur, whatever their case and diacritics, and always
    /// win over the other cues. May be called more than once.
    pub fn gazetteer(mut self, names: impl IntoIterator<Item = (String, Kind)>) -> Self {
        self.gazetteer.extend(names);
        self
    }

    /// Uses `analyzer` instead of the default one: its given-name tables,
    /// and the titles, particles, legal forms and organisation words added
    /// to it at run time (with the bundled ones) for reading the text.
    pub fn analyzer(mut self, analyzer: Analyzer) -> Self {
        self.analyzer = Some(analyzer);
        self
    }

    /// Whether capitalised candidates close to a gazetteer name (by
    /// [`compare`](crate::compare)) count as that name's kind. On by
    /// default when a gazetteer is given.
    pub fn fuzzy(mut self, yes: bool) -> Self {
        self.fuzzy = Some(yes);
        self
    }

    /// Builds the extractor.
    pub fn build(self) -> Extractor {
        let analyzer = self.analyzer.unwrap_or_default();
        let gazetteer = Gazetteer::build(&self.gazetteer, &analyzer);
        let lexicon = if analyzer.is_default() {
            Arc::clone(&LEXICON)
        } else {
            Arc::new(Lexicon::load(Some(analyzer.tables())))
        };
        Extractor {
            inner: Arc::new(Inner {
                analyzer,
                lexicon,
                gazetteer,
                fuzzy: self.fuzzy.unwrap_or(true),
                given: RwLock::default(),
            }),
        }
    }
}

#[derive(Debug)]
struct Inner {
    analyzer: Analyzer,
    /// Titles, particles, legal forms, organisation words and the
    /// extraction-only word lists.
    lexicon: Arc<Lexicon>,
    gazetteer: Option<Gazetteer>,
    fuzzy: bool,
    /// Folded word → whether the analyser knows it as a given name; shared
    /// by every call, cleared when it reaches [`GIVEN_CACHE_MAX`] words.
    given: RwLock<FxHashMap<Box<str>, bool>>,
}

/// The most words the shared given-name cache holds.
const GIVEN_CACHE_MAX: usize = 1 << 16;

/// Finds person and organisation mentions in running text. Cheap to clone;
/// safe to share between threads.
///
/// ```
/// use canonym::{Extractor, Kind};
///
/// let text = "Led by Brigadier General Abdelghani Mouhib, the delegation \
///             reached Bamako on Tuesday. Mouhib met Malian officers.";
/// let found = Extractor::new().find(text);
/// let persons: Vec<_> = found
///     .iter()
///     .filter(|f| f.kind == Kind::Person)
///     .map(|f| (f.text.as_str(), &text[f.start..f.end]))
///     .collect();
/// assert_eq!(
///     persons,
///     [("Abdelghani Mouhib", "Abdelghani Mouhib"), ("Mouhib", "Mouhib")]
/// );
/// assert_eq!(found[0].titles, ["brigadier general"]);
/// ```
#[derive(Debug, Clone)]
pub struct Extractor {
    inner: Arc<Inner>,
}

impl Default for Extractor {
    fn default() -> Self {
        Extractor::new()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gap {
    /// Spaces only.
    Space,
    /// One hyphen, no spaces.
    Hyphen,
    /// Nothing: a camel-case split.
    Glued,
    /// A full stop after the previous word, then spaces.
    Dot,
    /// A comma, then spaces.
    Comma,
    /// An ampersand between spaces.
    Amp,
    /// Anything else: sentence end, line break, quotes, brackets.
    Break,
}

#[derive(Debug, Clone)]
struct Tok {
    start: usize,
    end: usize,
    fold: (u32, u32),
    gap: Gap,
    /// Starts with an upper-case letter.
    cap: bool,
    /// Written in lower case.
    lower: bool,
    /// Two or more letters, all upper case.
    upper: bool,
    /// Contains a digit.
    digit: bool,
    /// Contains inner full stops ("U.S.").
    dotted: bool,
    /// Followed by a possessive 's.
    poss: bool,
    /// Letters in the token.
    letters: u32,
    /// Part of a title or role phrase: the phrase's index.
    title: Option<u32>,
}

struct Doc<'a> {
    text: &'a str,
    toks: Vec<Tok>,
    folds: String,
    /// Title phrases found: (first token, end token, folded phrase, formal).
    titles: Vec<(usize, usize, String, bool)>,
}

impl Doc<'_> {
    fn fold(&self, k: usize) -> &str {
        let (a, b) = self.toks[k].fold;
        &self.folds[a as usize..b as usize]
    }

    /// The folds of tokens `[s, e)` joined by single spaces.
    fn phrase(&self, s: usize, e: usize) -> &str {
        &self.folds[self.toks[s].fold.0 as usize..self.toks[e - 1].fold.1 as usize]
    }
}

fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    c.is_alphanumeric() || unicode_normalization::char::is_combining_mark(c)
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '‐' | '‑')
}

fn roman(f: &str) -> bool {
    const R: &[&str] = &[
        "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv",
        "xvi", "xvii", "xviii", "xix", "xx",
    ];
    R.contains(&f)
}

/// Whether the whitespace-delimited chunk is a URL or an e-mail address.
fn is_link(chunk: &str) -> bool {
    if !chunk.bytes().any(|b| matches!(b, b':' | b'@' | b'.')) {
        return false;
    }
    chunk.contains("://")
        || chunk.starts_with("www.")
        || chunk.contains("www.")
        || chunk
            .find('@')
            .is_some_and(|i| i > 0 && chunk[i + 1..].contains('.'))
}

/// Whether a line is a headline: short, with no sentence punctuation at
/// the end, not a tag list, and followed by more text.
fn is_headline(line: &str, has_more: bool) -> bool {
    let t = line.trim();
    if t.is_empty() || !has_more {
        return false;
    }
    if let Some((head, _)) = t.split_once(':') {
        if TAG_LINES.contains(&head.trim().to_ascii_lowercase().as_str()) {
            return false;
        }
    }
    let last = t.chars().last().unwrap_or('.');
    if matches!(
        last,
        '.' | '!' | '?' | '"' | '”' | '’' | '\'' | ':' | ';' | ','
    ) {
        return false;
    }
    t.split_whitespace().count() <= 14
}

impl Extractor {
    /// An extractor with the bundled tables and no gazetteer.
    pub fn new() -> Extractor {
        ExtractorBuilder::new().build()
    }

    /// A builder for an extractor with a gazetteer of your own.
    pub fn builder() -> ExtractorBuilder {
        ExtractorBuilder::new()
    }

    /// Finds the person and organisation mentions of `text`, in text order.
    ///
    /// Spans are byte offsets on character boundaries, so
    /// `&text[f.start..f.end] == f.text` for every mention `f`. The text is
    /// treated as one document: a single word repeating part of a person
    /// found elsewhere in it is that person too. Never fails, never panics;
    /// time grows linearly with the text.
    ///
    /// ```
    /// use canonym::{Extractor, Kind};
    ///
    /// let text = "Morocco's Defence Minister Abdeltif Loudyi met Rwanda's \
    ///             Defence Minister Juvénal Marizamunda in Rabat on June 18.";
    /// let found = Extractor::new().find(text);
    /// let names: Vec<&str> = found.iter().map(|f| f.text.as_str()).collect();
    /// assert_eq!(names, ["Abdeltif Loudyi", "Juvénal Marizamunda"]);
    /// assert!(found.iter().all(|f| f.kind == Kind::Person));
    /// assert_eq!(found[1].titles, ["defence minister"]);
    /// assert_eq!(&text[found[1].start..found[1].end], "Juvénal Marizamunda");
    /// ```
    pub fn find(&self, text: &str) -> Vec<Found> {
        let lex = &*self.inner.lexicon;
        let mut doc = tokenize(text, lex);
        mark_titles(&mut doc, lex);
        let runs = build_runs(&doc, lex);
        let mut state = State {
            ex: &self.inner,
            lex,
            doc: &doc,
            lower_seen: lower_words(&doc),
            out: Vec::new(),
            taken: vec![false; doc.toks.len()],
        };
        state.gazetteer_hits();
        let mut pending: Vec<(usize, usize)> = Vec::new();
        let mut k = 0;
        while k < runs.len() {
            let (s, e) = runs[k];
            k += 1;
            if state.taken[s..e].iter().any(|&t| t) {
                continue;
            }
            // Organisations extend over "of (the)" to the next run:
            // "Ministry of Defence", "Central Bank of Nigeria".
            let mut next = k;
            let legal = state.legal_after(e);
            if legal.is_some() || state.is_org(s, e) {
                let mut end = legal.unwrap_or(e);
                while next < runs.len() && runs[next].0 < end {
                    next += 1;
                }
                while next < runs.len() && state.bridges(end, runs[next].0) {
                    end = runs[next].1;
                    next += 1;
                }
                k = next;
                state.push(s, end, Kind::Org);
                continue;
            }
            if !state.classify(s, e) {
                pending.push((s, e));
            }
        }
        state.back_references(&pending);
        let mut out = state.out;
        out.sort_by_key(|f| (f.start, f.end));
        out.dedup_by(|a, b| a.start == b.start && a.end == b.end);
        out
    }
}

// ---------------------------------------------------------------------------
// Tokens
// ---------------------------------------------------------------------------

const CAMEL_KEEP: &[&str] = &[
    "mac", "van", "von", "der", "den", "del", "des", "dos", "das", "ter", "ten", "abu", "ibn",
    "bin", "ben", "fitz", "san", "della", "degli",
];

/// Byte offsets inside `w` where a glued camel-case word splits.
fn camel_cuts(w: &str, cuts: &mut Vec<usize>) {
    cuts.clear();
    // Most words have no capital after their first letter.
    if w.is_ascii() && !w.bytes().skip(1).any(|b| b.is_ascii_uppercase()) {
        return;
    }
    let first_lower = w.chars().next().is_some_and(char::is_lowercase);
    let min = if first_lower { 2 } else { 3 };
    let mut letters = 0usize;
    let mut piece_start = 0usize;
    let mut prev: Option<char> = None;
    let mut it = w.char_indices().peekable();
    while let Some((j, c)) = it.next() {
        if let Some(p) = prev {
            let next_lower = it.peek().is_some_and(|&(_, n)| n.is_lowercase());
            if p.is_lowercase() && c.is_uppercase() && next_lower && letters >= min {
                let piece = w[piece_start..j].to_lowercase();
                if !CAMEL_KEEP.contains(&piece.as_str()) {
                    cuts.push(j);
                    piece_start = j;
                    letters = 0;
                }
            }
        }
        if c.is_alphabetic() {
            letters += 1;
        }
        prev = Some(c);
    }
}

fn new_tok(text: &str, start: usize, end: usize, gap: Gap, folds: &mut String) -> Tok {
    let w = &text[start..end];
    let wb = w.as_bytes();
    if !wb.is_empty() && wb.iter().all(u8::is_ascii_alphanumeric) {
        // Plain ASCII letters and digits: the fold is the lower-case word.
        let mut up = 0u32;
        let mut lo = 0u32;
        let mut digits = 0u32;
        for &b in wb {
            up += b.is_ascii_uppercase() as u32;
            lo += b.is_ascii_lowercase() as u32;
            digits += b.is_ascii_digit() as u32;
        }
        folds.push(' ');
        let a = folds.len();
        folds.push_str(w);
        folds[a..].make_ascii_lowercase();
        debug_assert_eq!(&folds[a..], fold::fold_token(w));
        return Tok {
            start,
            end,
            fold: (a as u32, folds.len() as u32),
            gap,
            cap: wb[0].is_ascii_uppercase(),
            lower: wb[0].is_ascii_lowercase(),
            upper: up >= 2 && lo == 0,
            digit: digits > 0,
            dotted: false,
            poss: false,
            letters: up + lo,
            title: None,
        };
    }
    let mut up = 0u32;
    let mut lo = 0u32;
    let mut digit = false;
    if w.is_ascii() {
        for b in w.bytes() {
            up += b.is_ascii_uppercase() as u32;
            lo += b.is_ascii_lowercase() as u32;
            digit |= b.is_ascii_digit();
        }
    } else {
        for c in w.chars() {
            if c.is_uppercase() {
                up += 1;
            } else if c.is_lowercase() {
                lo += 1;
            } else if c.is_numeric() {
                digit = true;
            }
        }
    }
    let first = w.chars().next().unwrap_or(' ');
    // Folds are stored one space apart, so that the folds of a range of
    // tokens joined by spaces is a slice.
    folds.push(' ');
    let a = folds.len();
    fold::fold_token_into(w, folds);
    Tok {
        start,
        end,
        fold: (a as u32, folds.len() as u32),
        gap,
        cap: first.is_uppercase() || (first.is_alphabetic() && !first.is_lowercase() && up > 0),
        lower: first.is_lowercase(),
        upper: up >= 2 && lo == 0,
        digit,
        dotted: false,
        poss: false,
        letters: up + lo,
        title: None,
    }
}

/// The character at byte `i` of `s` and its length, with a shortcut for
/// ASCII.
#[inline]
fn char_at(s: &str, i: usize) -> (char, usize) {
    let b = s.as_bytes()[i];
    if b < 0x80 {
        return (b as char, 1);
    }
    let c = s[i..].chars().next().unwrap_or(' ');
    (c, c.len_utf8())
}

/// The byte length of the whitespace-delimited chunk at the start of `s`,
/// and whether it could be a link (holds ':', '@' or '.').
fn chunk_len(s: &str) -> (usize, bool) {
    let bytes = s.as_bytes();
    let mut i = 0;
    let mut marks = false;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            if (b as char).is_whitespace() {
                break;
            }
            marks |= matches!(b, b':' | b'@' | b'.');
            i += 1;
        } else {
            let (c, n) = char_at(s, i);
            if c.is_whitespace() {
                break;
            }
            i += n;
        }
    }
    (i, marks)
}

/// Splits the text into word tokens, with gaps, possessives and skipped
/// regions (links, headlines).
fn tokenize<'a>(text: &'a str, lex: &Lexicon) -> Doc<'a> {
    let mut toks: Vec<Tok> = Vec::with_capacity(text.len() / 6);
    let mut folds = String::with_capacity(text.len() + text.len() / 6);
    let mut cuts = Vec::new();
    // Where the last alphanumeric character starts: a line has more text
    // after it when that is past the line's end.
    let last_alnum = text
        .char_indices()
        .rev()
        .find(|&(_, c)| c.is_alphanumeric())
        .map(|(i, _)| i);
    // Line by line, for headlines; chunk by chunk, for links.
    let mut line_start = 0usize;
    let bytes = text.as_bytes();
    let mut gap = Gap::Break;
    while line_start < text.len() {
        let line_end = memchr_nl(bytes, line_start);
        let line = &text[line_start..line_end];
        let more = last_alnum.is_some_and(|p| p >= line_end);
        if is_headline(line, more) {
            gap = Gap::Break;
            line_start = line_end + 1;
            continue;
        }
        let lb = line.as_bytes();
        // Gap state: what has been seen since the last token.
        let mut seen_space = false;
        let mut seen_other = false;
        let mut hyphens = 0u32;
        let mut comma = false;
        let mut amp = false;
        let mut dot_first = false;
        let mut any = false;
        let mut chunk_checked_to = 0usize;
        let mut i = 0usize;
        while i < lb.len() {
            let b = lb[i];
            // Lower-case ASCII letters after a space: the common case, a
            // word with no link to check once its chunk is known.
            let (c, clen) = if b < 0x80 {
                (b as char, 1)
            } else {
                char_at(line, i)
            };
            let abs = line_start + i;
            // Links: check each whitespace-delimited chunk once.
            if i >= chunk_checked_to && !c.is_whitespace() {
                let (len, marks) = chunk_len(&line[i..]);
                chunk_checked_to = i + len;
                if marks && is_link(&line[i..i + len]) {
                    i += len;
                    seen_other = true;
                    any = true;
                    continue;
                }
            }
            let starts_word = if b < 0x80 {
                b.is_ascii_alphanumeric()
            } else {
                is_word_char(c)
            };
            if !starts_word {
                i += clen;
                any = true;
                if c.is_whitespace() {
                    seen_space = true;
                } else if is_hyphen(c) && !seen_space {
                    hyphens += 1;
                } else if c == ',' {
                    comma = true;
                } else if c == '&' {
                    amp = true;
                } else if c == '.' && !seen_space && !seen_other && hyphens == 0 && !comma {
                    dot_first = true;
                } else {
                    seen_other = true;
                }
                continue;
            }
            // A word: letters, digits, inner apostrophes and full stops.
            let start = abs;
            let mut j = i + clen;
            let mut end = line_start + j;
            let mut dotted = false;
            let mut poss = false;
            // ASCII throughout, and no capital after the first letter: no
            // camel-case split to look for.
            let mut ascii = b < 0x80;
            let mut inner_cap = false;
            let mut digits = b.is_ascii_digit() as u32;
            let mut apostrophe = false;
            while j < lb.len() {
                let db = lb[j];
                if db < 0x80 && db.is_ascii_alphanumeric() {
                    inner_cap |= db.is_ascii_uppercase();
                    digits += db.is_ascii_digit() as u32;
                    j += 1;
                    end = line_start + j;
                    continue;
                }
                let (d, dlen) = char_at(line, j);
                if db >= 0x80 && is_word_char(d) {
                    ascii = false;
                    j += dlen;
                    end = line_start + j;
                    continue;
                }
                if fold::is_apostrophe(d) || d == '.' {
                    let after = &line[j + dlen..];
                    let mut ac = after.chars();
                    let n1 = ac.next();
                    if fold::is_apostrophe(d) {
                        let n2 = ac.next();
                        let s_end =
                            matches!(n1, Some('s') | Some('S')) && !n2.is_some_and(is_word_char);
                        if s_end {
                            // Possessive 's: consumed, not part of the word.
                            j += dlen + 1;
                            poss = true;
                            break;
                        }
                        if !n1.is_some_and(is_word_char) {
                            // Plural possessive (Philips') or a closing quote.
                            break;
                        }
                        ascii &= db < 0x80;
                        apostrophe = true;
                        j += dlen;
                        end = line_start + j;
                        continue;
                    }
                    if n1.is_some_and(|x| x.is_alphabetic()) {
                        j += 1;
                        end = line_start + j;
                        dotted = true;
                        continue;
                    }
                    if dotted {
                        // The closing dot of "U.S." belongs to the word.
                        j += 1;
                        end = line_start + j;
                    }
                }
                break;
            }
            i = j;
            let g = if !any {
                gap
            } else if seen_other || (hyphens > 0 && (seen_space || comma)) || hyphens > 1 {
                Gap::Break
            } else if dot_first {
                Gap::Dot
            } else if comma {
                Gap::Comma
            } else if amp {
                Gap::Amp
            } else if hyphens == 1 {
                Gap::Hyphen
            } else {
                Gap::Space
            };
            let g = if toks.is_empty() { Gap::Break } else { g };
            if dotted {
                let mut t = new_tok(text, start, end, g, &mut folds);
                t.dotted = true;
                t.poss = poss;
                toks.push(t);
            } else if ascii && !inner_cap && !apostrophe {
                // ASCII letters and digits, no capital after the first: the
                // fold is the lower-case word.
                let w = &text[start..end];
                folds.push(' ');
                let a = folds.len();
                folds.push_str(w);
                folds[a..].make_ascii_lowercase();
                debug_assert_eq!(&folds[a..], fold::fold_token(w));
                let letters = w.len() as u32 - digits;
                let up = b.is_ascii_uppercase() as u32;
                toks.push(Tok {
                    start,
                    end,
                    fold: (a as u32, folds.len() as u32),
                    gap: g,
                    cap: up == 1,
                    lower: b.is_ascii_lowercase(),
                    upper: up >= 2 && letters == up,
                    digit: digits > 0,
                    dotted: false,
                    poss,
                    letters,
                    title: None,
                });
            } else if ascii && !inner_cap {
                let mut t = new_tok(text, start, end, g, &mut folds);
                t.poss = poss;
                toks.push(t);
            } else {
                let w = &text[start..end];
                camel_cuts(w, &mut cuts);
                let mut a = start;
                for (m, &cut) in cuts.iter().chain(std::iter::once(&w.len())).enumerate() {
                    let b = start + cut;
                    let t = new_tok(text, a, b, if m == 0 { g } else { Gap::Glued }, &mut folds);
                    toks.push(t);
                    a = b;
                }
                if let Some(t) = toks.last_mut() {
                    t.poss = poss;
                }
            }
            seen_space = false;
            seen_other = false;
            hyphens = 0;
            comma = false;
            amp = false;
            dot_first = false;
            any = false;
            gap = Gap::Space;
        }
        // The end of a line breaks.
        gap = Gap::Break;
        line_start = line_end + 1;
    }
    let mut doc = Doc {
        text,
        toks,
        folds,
        titles: Vec::new(),
    };
    resolve_dots(&mut doc, lex);
    doc
}

fn memchr_nl(bytes: &[u8], from: usize) -> usize {
    bytes[from..]
        .iter()
        .position(|&b| b == b'\n')
        .map_or(bytes.len(), |p| from + p)
}

/// A full stop after an initial, a dotted word or a known abbreviation
/// ("Gen.", "Jan.") joins; after anything else it ends the sentence.
fn resolve_dots(doc: &mut Doc<'_>, lex: &Lexicon) {
    for k in 1..doc.toks.len() {
        if doc.toks[k].gap != Gap::Dot {
            continue;
        }
        let p = &doc.toks[k - 1];
        let f = doc.fold(k - 1);
        let joins = (p.letters == 1 && p.cap)
            || p.dotted
            || (((lex.title_first_bloom.may_contain(f) && lex.title_first.contains(f))
                || ABBREVIATIONS.contains(&f))
                && p.letters <= 5
                && !p.lower);
        doc.toks[k].gap = if joins { Gap::Space } else { Gap::Break };
    }
}

/// Lower-case words of the document, folded: a capitalised word that also
/// occurs in lower case is probably a common word.
fn lower_words<'d>(doc: &'d Doc<'_>) -> FxHashSet<&'d str> {
    // Only words that are also written capitalised matter: a Bloom filter
    // of the capitalised words keeps most lower-case words out of the
    // hash sets, and one of the candidates keeps most capitalised words out.
    let caps = |t: &Tok| t.cap && t.letters >= 3;
    let lower = |t: &Tok| t.lower && t.letters >= 3 && !matches!(t.gap, Gap::Hyphen | Gap::Glued);
    let mut cap_bloom = Bloom::with_capacity(doc.toks.len() / 4);
    for (k, t) in doc.toks.iter().enumerate() {
        if caps(t) {
            cap_bloom.insert(doc.fold(k));
        }
    }
    let mut cands: FxHashSet<&str> = FxHashSet::default();
    for (k, t) in doc.toks.iter().enumerate() {
        if lower(t) {
            let f = doc.fold(k);
            if cap_bloom.may_contain(f) {
                cands.insert(f);
            }
        }
    }
    let mut set = FxHashSet::default();
    if cands.is_empty() {
        return set;
    }
    let mut cand_bloom = Bloom::with_capacity(cands.len());
    for f in &cands {
        cand_bloom.insert(f);
    }
    for (k, t) in doc.toks.iter().enumerate() {
        if caps(t) {
            let f = doc.fold(k);
            if cand_bloom.may_contain(f) && cands.contains(f) {
                set.insert(f);
            }
        }
    }
    set
}

// ---------------------------------------------------------------------------
// Titles
// ---------------------------------------------------------------------------

fn mark_titles(doc: &mut Doc<'_>, lex: &Lexicon) {
    let n = doc.toks.len();
    let mut k = 0;
    while k < n {
        let t = &doc.toks[k];
        let f = doc.fold(k);
        let shape = f.len().min(63) as u64;
        if t.digit
            || lex.title_shapes & (1 << shape) == 0
            || !lex.title_first_bloom.may_contain(f)
            || !lex.title_first.contains(f)
        {
            k += 1;
            continue;
        }
        let mut best: Option<(usize, bool)> = None;
        let mut len = 0;
        while len < lex.title_max && k + len < n {
            let m = k + len;
            if len > 0 {
                let g = doc.toks[m].gap;
                let ok =
                    matches!(g, Gap::Space | Gap::Hyphen | Gap::Glued) && !doc.toks[m - 1].poss;
                if !ok {
                    break;
                }
            }
            len += 1;
            let p = doc.phrase(k, k + len);
            if !lex.title_prefixes.contains(p) {
                break;
            }
            if let Some(&formal) = lex.titles.get(p) {
                best = Some((len, formal));
            }
        }
        let Some((len, formal)) = best else {
            k += 1;
            continue;
        };
        let first = &doc.toks[k];
        let lowercase_ok = !first.lower || {
            let p = doc.phrase(k, k + len);
            p.len() >= 4 && !LOWER_DENY.contains(&p)
        };
        // "He" is not "H.E.": a one-word title that is also a stopword counts
        // only when written with dots or in capitals.
        let stop_word =
            len == 1 && !first.dotted && !first.upper && lex.stopwords.contains(doc.fold(k));
        if !lowercase_ok || stop_word {
            k += 1;
            continue;
        }
        let p = doc.phrase(k, k + len).to_string();
        let id = doc.titles.len() as u32;
        for m in k..k + len {
            doc.toks[m].title = Some(id);
        }
        doc.titles.push((k, k + len, p, formal));
        k += len;
    }
    // A one-word capitalised title right after a name word and not before
    // one is a surname: "Martin Luther King said".
    for id in 0..doc.titles.len() {
        let (a, b, _, _) = doc.titles[id];
        if b != a + 1 || a == 0 {
            continue;
        }
        let t = &doc.toks[a];
        let prev = &doc.toks[a - 1];
        let prev_name = prev.cap
            && !prev.upper
            && prev.title.is_none()
            && !prev.poss
            && t.gap == Gap::Space
            && t.cap
            && !lex.stopwords.contains(doc.fold(a - 1))
            && !lex.is_nationality(doc.fold(a - 1))
            && !lex.places.contains(doc.fold(a - 1))
            && !lex.org_words.contains(doc.fold(a - 1));
        let next_name = doc
            .toks
            .get(b)
            .is_some_and(|x| x.cap && matches!(x.gap, Gap::Space | Gap::Glued));
        if prev_name && !next_name {
            doc.toks[a].title = None;
        }
    }
}

// ---------------------------------------------------------------------------
// Runs
// ---------------------------------------------------------------------------

/// Whether token `k` can be a word of a name on its own merits.
fn name_word(doc: &Doc<'_>, k: usize) -> bool {
    let t = &doc.toks[k];
    if t.title.is_some() || t.digit || t.fold.1 == t.fold.0 {
        return false;
    }
    if t.upper {
        return roman(doc.fold(k)) && !t.dotted;
    }
    t.cap && !t.dotted
}

/// Maximal runs of name words as token ranges `[s, e)`.
fn build_runs(doc: &Doc<'_>, lex: &Lexicon) -> Vec<(usize, usize)> {
    let n = doc.toks.len();
    let mut runs = Vec::new();
    let mut k = 0;
    while k < n {
        if !name_word(doc, k) {
            k += 1;
            continue;
        }
        let s = k;
        let mut e = k + 1;
        while e < n && e - s < MAX_RUN && !doc.toks[e - 1].poss {
            let t = &doc.toks[e];
            let joined = matches!(t.gap, Gap::Space | Gap::Glued | Gap::Amp | Gap::Hyphen);
            if !joined {
                break;
            }
            // A full stop inside a name only after an initial: "S. Jaishankar".
            if name_word(doc, e) {
                e += 1;
                continue;
            }
            let f = doc.fold(e);
            // Korean and hyphenated given names: Jong-un, Jae-in.
            if t.gap == Gap::Hyphen
                && t.lower
                && !t.digit
                && t.letters <= 5
                && !HYPHEN_DENY.contains(&f)
            {
                e += 1;
                continue;
            }
            // Particles between capitalised words: bin, von der, da, as-.
            let particle = t.lower
                && t.title.is_none()
                && (INNER_PARTICLES.contains(&f)
                    || (lex.particles.contains(f)
                        && doc.toks.get(e + 1).is_some_and(|x| x.gap == Gap::Hyphen)));
            if particle {
                // It must lead to a capitalised word.
                let mut m = e + 1;
                while m < n
                    && m - e < 3
                    && doc.toks[m].lower
                    && matches!(doc.toks[m].gap, Gap::Space | Gap::Hyphen)
                    && INNER_PARTICLES.contains(&doc.fold(m))
                {
                    m += 1;
                }
                if m < n && matches!(doc.toks[m].gap, Gap::Space | Gap::Hyphen) && name_word(doc, m)
                {
                    e = m + 1;
                    continue;
                }
            }
            break;
        }
        // Drop a trailing ampersand-joined nothing; runs end on a name word.
        runs.push((s, e));
        k = e;
    }
    runs
}

// ---------------------------------------------------------------------------
// Decisions
// ---------------------------------------------------------------------------

struct State<'a, 'd> {
    ex: &'a Inner,
    lex: &'a Lexicon,
    doc: &'d Doc<'d>,
    lower_seen: FxHashSet<&'d str>,
    out: Vec<Found>,
    taken: Vec<bool>,
}

impl<'d> State<'_, 'd> {
    fn fold(&self, k: usize) -> &str {
        self.doc.fold(k)
    }

    fn phrase(&self, s: usize, e: usize) -> &'d str {
        self.doc.phrase(s, e)
    }

    fn push(&mut self, s: usize, e: usize, kind: Kind) {
        let titles = if kind == Kind::Person {
            self.titles_before(s)
        } else {
            Vec::new()
        };
        self.push_with(s, e, kind, titles);
    }

    fn push_with(&mut self, s: usize, e: usize, kind: Kind, titles: Vec<String>) {
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
    fn titles_before(&self, s: usize) -> Vec<String> {
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
    fn title_cue(&self, s: usize) -> Option<bool> {
        if s == 0 || !matches!(self.doc.toks[s].gap, Gap::Space | Gap::Glued) {
            return None;
        }
        let id = self.doc.toks[s - 1].title?;
        Some(self.doc.titles[id as usize].3)
    }

    fn is_known_given(&self, k: usize) -> bool {
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

    fn is_stop(&self, k: usize) -> bool {
        self.lex.stopwords.contains(self.fold(k))
    }

    fn is_particle(&self, k: usize) -> bool {
        let t = &self.doc.toks[k];
        t.lower || (self.lex.particles.contains(self.fold(k)) && k + 1 < self.doc.toks.len())
    }

    /// A word that cannot be part of a person's name.
    fn non_name(&self, k: usize) -> bool {
        let f = self.fold(k);
        self.is_stop(k)
            || self.lex.is_nationality(f)
            || self.lex.org_words.contains(f)
            || self.lex.features.contains(f)
    }

    /// Whether `[s, e)` names an organisation.
    fn is_org(&self, s: usize, e: usize) -> bool {
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
    fn legal_after(&self, e: usize) -> Option<usize> {
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
    fn bridges(&self, end: usize, next: usize) -> bool {
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
    fn strip(&self, mut s: usize, mut e: usize, keep_lead: bool) -> (usize, usize) {
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
    fn all_common(&self, s: usize, e: usize) -> bool {
        (s..e).filter(|&k| !self.is_particle(k)).all(|k| {
            let f = self.fold(k);
            self.lower_seen.contains(f) || self.is_stop(k) || self.lex.places.contains(f)
        })
    }

    fn is_place_run(&self, s: usize, e: usize) -> bool {
        let p = self.phrase(s, e);
        self.lex.places.contains(p)
            || self.lex.nationalities.contains(p)
            || (s..e).all(|k| {
                let f = self.fold(k);
                self.lex.places.contains(f) || self.lex.is_nationality(f) || self.is_particle(k)
            })
    }

    /// Appositive and speech cues around `[s, e)`.
    fn context_cue(&self, s: usize, e: usize) -> bool {
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
    fn classify(&mut self, s: usize, e: usize) -> bool {
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
        if toks[last].letters <= 4 && toks[last].cap && roman(self.fold(last)) && last > s1 {
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
    fn fuzzy_kind(&self, s: usize, e: usize) -> Option<Kind> {
        let g = self.ex.gazetteer.as_ref()?;
        if !self.ex.fuzzy || e - s < 2 {
            return None;
        }
        let mut cands: Vec<u32> = Vec::new();
        for k in s..e {
            let f = self.fold(k);
            if f.len() < 3 || self.is_particle(k) {
                continue;
            }
            if let Some(list) = g.by_skeleton.get(&skeleton(f)) {
                for &id in list.iter().take(MAX_FUZZY_CANDIDATES) {
                    if !cands.contains(&id) && cands.len() < MAX_FUZZY_CANDIDATES {
                        cands.push(id);
                    }
                }
            }
        }
        if cands.is_empty() {
            return None;
        }
        let text = &self.doc.text[self.doc.toks[s].start..self.doc.toks[e - 1].end];
        let name = self.ex.analyzer.analyze(text);
        cands
            .into_iter()
            .map(|id| (compare(&name, &g.names[id as usize]).score(), id))
            .filter(|&(score, _)| score >= crate::DEFAULT_THRESHOLD)
            .max_by(|a, b| a.0.total_cmp(&b.0))
            .map(|(_, id)| g.kinds[id as usize])
    }

    /// Exact gazetteer hits over the folded token stream.
    fn gazetteer_hits(&mut self) {
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
    fn back_references(&mut self, pending: &[(usize, usize)]) {
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

    fn single_excluded(&self, k: usize) -> bool {
        let f = self.fold(k);
        self.doc.toks[k].upper
            || self.is_stop(k)
            || self.lex.places.contains(f)
            || self.lex.is_nationality(f)
            || self.lex.particles.contains(f)
            || self.lex.org_words.contains(f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn persons(text: &str) -> Vec<String> {
        Extractor::new()
            .find(text)
            .into_iter()
            .filter(|f| f.kind == Kind::Person)
            .map(|f| f.text)
            .collect()
    }

    #[test]
    fn title_cues() {
        assert_eq!(
            persons("It met Minister of Defense Juvenal Marizamunda in Kigali."),
            ["Juvenal Marizamunda"]
        );
        assert_eq!(
            persons("It was led by Brig. Gen. Patrick Karuretwa, Director General of it."),
            ["Patrick Karuretwa"]
        );
    }

    #[test]
    fn regnal_and_glued() {
        assert_eq!(
            persons("He paid respects at the Mausoleumof Mohammed V in Rabat."),
            ["Mohammed V"]
        );
        assert_eq!(
            persons("Tags: Pakistan, Morocco, Defence Cooperation, AbdellatifLoudyi\nEnd."),
            ["AbdellatifLoudyi"]
        );
    }

    #[test]
    fn back_reference() {
        assert_eq!(
            persons("Maj. Gen. Vincent Nyakarundi came. During talks, Nyakarundi spoke."),
            ["Vincent Nyakarundi", "Nyakarundi"]
        );
    }

    #[test]
    fn no_persons_from_places_and_words() {
        assert!(persons("During June, Rabat and Kigali met. The African Union spoke.").is_empty());
        assert!(persons("ISLAMABAD: Leaders met on Tuesday in North Africa.").is_empty());
    }

    #[test]
    fn spans_are_exact() {
        let text = "Rwanda’s Defence Minister Juvénal Marizamunda’s visit.";
        for f in Extractor::new().find(text) {
            assert_eq!(&text[f.start..f.end], f.text);
        }
    }
}

// ---------------------------------------------------------------------------
// Documents: finding and resolving together
// ---------------------------------------------------------------------------

/// One document to extract names from.
#[derive(Debug, Clone, Copy)]
pub struct Document<'a> {
    /// The document's id (a file name, say), used as resolution context.
    pub id: &'a str,
    /// The text.
    pub text: &'a str,
}

/// One mention found in a document and resolved to an entity.
#[derive(Debug, Clone, PartialEq)]
pub struct ExtractedMention {
    /// The index of the document in the input.
    pub doc: usize,
    /// The mention and its offsets in that document.
    pub found: Found,
}

/// The mentions of a set of documents and the entities they resolve to.
#[derive(Debug, Clone)]
pub struct Extraction {
    mentions: Vec<ExtractedMention>,
    resolution: Resolution,
}

impl Extraction {
    /// Every mention, document by document, in text order.
    pub fn mentions(&self) -> &[ExtractedMention] {
        &self.mentions
    }

    /// The resolution: `assignments()[i]` is the entity of `mentions()[i]`.
    pub fn resolution(&self) -> &Resolution {
        &self.resolution
    }
}

impl Extractor {
    /// Finds the mentions of every document and resolves them together,
    /// each with its document as context, so that a surname-only mention
    /// ("Asif") joins the full name of its own document.
    ///
    /// ```
    /// use canonym::{Document, Extractor, Kind, Resolver};
    ///
    /// let docs = [
    ///     Document { id: "a", text: "Defence Minister Khawaja Muhammad Asif visited Rabat. Asif said the talks went well." },
    ///     Document { id: "b", text: "Talks between Khawaja Asif and Nasser Bourita ended on Tuesday." },
    /// ];
    /// let x = Extractor::new().extract(&Resolver::new(), &docs);
    /// let persons: Vec<&str> = x
    ///     .resolution()
    ///     .entities()
    ///     .iter()
    ///     .filter(|e| e.kind == Kind::Person)
    ///     .map(|e| e.canonical.as_str())
    ///     .collect();
    /// assert_eq!(persons, ["Khawaja Muhammad Asif", "Nasser Bourita"]);
    /// ```
    ///
    /// Large batches are searched on several threads (up to the available
    /// parallelism); the result is the same as searching them one by one.
    pub fn extract(&self, resolver: &Resolver, docs: &[Document<'_>]) -> Extraction {
        let (mentions, inputs) = self.mentions(docs);
        let resolution = resolver.resolve(&inputs);
        Extraction {
            mentions,
            resolution,
        }
    }

    /// [`Extractor::extract`], resolving the names into an entity store
    /// (see [`Store::resolve`](crate::Store::resolve): committed in
    /// batches, with the store's ids).
    #[cfg(feature = "store")]
    pub fn extract_into(
        &self,
        store: &mut crate::Store,
        resolver: &crate::ResolverBuilder,
        docs: &[Document<'_>],
    ) -> Result<Extraction, crate::Error> {
        let (mentions, inputs) = self.mentions(docs);
        let resolution = store.resolve(resolver, &inputs)?;
        Ok(Extraction {
            mentions,
            resolution,
        })
    }

    /// The names found in `docs`, as extracted mentions and as mentions to
    /// resolve.
    fn mentions(&self, docs: &[Document<'_>]) -> (Vec<ExtractedMention>, Vec<Mention>) {
        let mut mentions = Vec::new();
        let mut inputs = Vec::new();
        for (i, (d, found)) in docs.iter().zip(self.find_all(docs)).enumerate() {
            for found in found {
                let mut m = Mention::new(found.name.clone()).doc(d.id);
                if found.kind != Kind::Unknown {
                    m = m.kind(found.kind);
                }
                inputs.push(m);
                mentions.push(ExtractedMention { doc: i, found });
            }
        }
        (mentions, inputs)
    }

    /// [`find`](Extractor::find) on every document, in order: on several
    /// threads when there is enough text, each taking a contiguous share of
    /// the documents.
    fn find_all(&self, docs: &[Document<'_>]) -> Vec<Vec<Found>> {
        let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
        let threads = std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .min(docs.len())
            .min(bytes / PARALLEL_MIN_BYTES);
        if threads <= 1 {
            return docs.iter().map(|d| self.find(d.text)).collect();
        }
        // Contiguous shares of about equal size.
        let share = bytes.div_ceil(threads);
        let mut shares: Vec<&[Document<'_>]> = Vec::with_capacity(threads);
        let (mut from, mut size) = (0, 0);
        for (i, d) in docs.iter().enumerate() {
            size += d.text.len();
            if size >= share {
                shares.push(&docs[from..=i]);
                from = i + 1;
                size = 0;
            }
        }
        if from < docs.len() {
            shares.push(&docs[from..]);
        }
        std::thread::scope(|scope| {
            let handles: Vec<_> = shares
                .into_iter()
                .map(|part| {
                    scope.spawn(move || part.iter().map(|d| self.find(d.text)).collect::<Vec<_>>())
                })
                .collect();
            let mut out = Vec::with_capacity(docs.len());
            for h in handles {
                match h.join() {
                    Ok(found) => out.extend(found),
                    Err(panic) => std::panic::resume_unwind(panic),
                }
            }
            out
        })
    }
}

/// [`Extractor::extract`] uses one more thread per this many bytes of
/// text, up to the available parallelism.
const PARALLEL_MIN_BYTES: usize = 256 << 10;
