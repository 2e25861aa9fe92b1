//! The extraction lexicon: the word lists of running text (role nouns,
//! speech verbs, inner particles …) and the folded sets built from the
//! analyser's [`Tables`], with Bloom pre-tests.

use crate::tables::{phrase, Tables, Word};
use once_cell::sync::Lazy;
use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::Arc;

/// Role nouns that introduce a name in news copy without being formal
/// titles. Weaker than titles: they cue names of two words or more only.
pub(super) const ROLES: &[&str] = &[
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
    "striker",
    "midfielder",
    "defender",
    "goalkeeper",
    "winger",
    "skipper",
    "batsman",
    "bowler",
    "spinner",
    "pitcher",
    "quarterback",
    "jockey",
    "rider",
    "driver",
    "cyclist",
    "sprinter",
    "compatriot",
    "team mate",
    "teammate",
    "seed",
    "military chief",
    "intelligence chief",
    "police chief",
    "spy chief",
    "defence chief",
    "defense chief",
];

/// Formal titles used in news copy that the titles table lacks.
pub(super) const EXTRA_TITLES: &[&str] = &[
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
pub(super) const LOWER_DENY: &[&str] = &[
    "general", "major", "private", "chair", "count", "father", "lady", "lord", "justice", "dean",
    "baron", "doctor", "judge", "master", "marshal", "prince", "king", "queen", "emperor",
];

/// The sports-club table (`data/sports_clubs.tsv`): club words and the
/// towns club names use.
pub(super) const SPORTS_CLUBS: &str = include_str!("../../data/sports_clubs.tsv");

/// The roles of a folded phrase in the sports-club table
/// ([`Lexicon::clubs`]).
pub(super) mod club {
    /// Opens a club's name whatever follows ("Dynamo Kyiv"), and closes
    /// one after a town ("Kiev Dynamo").
    pub(in super::super) const HEAD: u8 = 1;
    /// Opens a club's name before a place or a club's town ("Real
    /// Madrid", "Sturm Graz").
    pub(in super::super) const HEAD_PLACE: u8 = 1 << 1;
    /// Closes a club's name after any word ("Castleton United").
    pub(in super::super) const TAIL: u8 = 1 << 2;
    /// Closes a club's name after a place or a club's town ("Leicester
    /// City").
    pub(in super::super) const TAIL_PLACE: u8 = 1 << 3;
    /// A town named in clubs' names.
    pub(in super::super) const TOWN: u8 = 1 << 4;
    /// A town named before a closing club word only ("Ipswich Town"):
    /// many are also family names.
    pub(in super::super) const TAIL_TOWN: u8 = 1 << 5;
}

/// The sports-club table folded: phrase → [`club`] roles; and the most
/// words of a phrase. Rows with an unknown role are skipped (a test checks
/// there are none).
pub(super) fn load_clubs() -> (FxHashMap<Box<str>, u8>, usize) {
    let mut clubs: FxHashMap<Box<str>, u8> = FxHashMap::default();
    let mut max = 1;
    for line in SPORTS_CLUBS.lines() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let mut cols = line.split('\t');
        let (Some(form), Some(role)) = (cols.next(), cols.next()) else {
            continue;
        };
        let bit = match role.trim() {
            "head" => club::HEAD,
            "head-place" => club::HEAD_PLACE,
            "tail" => club::TAIL,
            "tail-place" => club::TAIL_PLACE,
            "town" => club::TOWN,
            "tail-town" => club::TAIL_TOWN,
            _ => continue,
        };
        let f = phrase(form);
        if f.is_empty() {
            continue;
        }
        max = max.max(f.split(' ').count());
        *clubs.entry(f.into()).or_insert(0) |= bit;
    }
    (clubs, max)
}

/// Words of place, building, state and event names ("Lake Victoria",
/// "Grand Duchy", "Rose Garden", "Mark Twain Prize", "Nunthorpe Stakes",
/// "Hungarian Grand Prix", "Winter Olympics", "Golden Lion", "Golden
/// Gate"; "Golden" is also in the given-name table):
/// a run holding one is never a person.
pub(super) const FEATURE_WORDS: &[&str] = &[
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
    "duchy",
    "principality",
    "emirate",
    "sultanate",
    "garden",
    "gardens",
    "trophy",
    "cup",
    "stakes",
    "hurdle",
    "prix",
    "olympics",
    "golden",
];

/// Verbs of speech after or before a name: "Mahama said", "said Vladimir
/// Putin".
pub(super) const SPEECH: &[&str] = &[
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
pub(super) const INNER_PARTICLES: &[&str] = &[
    "al", "el", "bin", "ibn", "bint", "abu", "ben", "van", "von", "der", "den", "ter", "ten", "zu",
    "de", "da", "di", "dos", "das", "du", "del", "della", "la", "le", "des", "ould", "ul",
    // Bantu "of" in Congolese and Kenyan names: Kengo wa Dondo, Ngugi wa
    // Thiong'o.
    "wa",
];

/// Words that end a hyphenated compound rather than continue a name
/// ("Rabat-based", "state-owned").
pub(super) const HYPHEN_DENY: &[&str] = &[
    "based", "led", "owned", "born", "run", "style", "made", "held", "era", "type", "like", "free",
    "wide", "long", "year", "day", "old", "up", "on", "off", "out", "to", "by", "for",
];

/// Abbreviations whose full stop does not end a sentence.
pub(super) const ABBREVIATIONS: &[&str] = &[
    "st", "mt", "no", "vs", "jr", "sr", "inc", "ltd", "co", "corp", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "approx", "dept", "est", "ft",
];

/// Line prefixes of tag and keyword lists, whose items are names, not a
/// headline.
/// Given names that are also a common word, a title or an abbreviation
/// ("Will", "Des", "Dean", "Jan"): written capitalised right before a
/// capitalised family name ("Will Featherby", "Des Pemberton", "Dean
/// Santos", "Jan Novak"), they are the given name, not the modal verb,
/// the particle, the title or the month. Hand-compiled from English and
/// Irish given names that the stopword, particle, title and abbreviation
/// lists hold.
pub(super) const GIVEN_WORDS: &[&str] = &["jan", "will", "des", "dean"];

/// Abbreviated honorifics that the stopword list holds (so that they are
/// never a word of a name) but that, capitalised, are always a title:
/// "Mr Pascoe".
pub(super) const HONORIFICS: &[&str] = &["mr", "mrs", "ms"];

/// Kinship nouns that name a relative before a given name written alone
/// after a comma: "a son, Ondrej", "two sons, Paolo and Marco". Shorter
/// than the four letters a lower-case role needs to be a title ("son"),
/// or plural, so not all of them are roles. Hand-compiled, for obituaries.
pub(super) const KIN: &[&str] = &[
    "son",
    "sons",
    "daughter",
    "daughters",
    "wife",
    "husband",
    "widow",
    "widower",
    "brother",
    "brothers",
    "sister",
    "sisters",
    "children",
    "grandson",
    "granddaughter",
];

/// Weekdays and months with their abbreviations, folded: stopwords that
/// are never a name, even as an item of a list line ("Mon , Tue , Wed").
pub(super) const CALENDAR: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "tues",
    "wed",
    "thu",
    "thur",
    "thurs",
    "fri",
    "sat",
    "sun",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
];

/// Family-name endings that are distinctive of one naming tradition and
/// rare in English words and place names: Italian diminutive and
/// collective endings (Sacchetti, Benedetti, Martinelli, Lombardozzi,
/// Santucci), Spanish patronymics of seven letters or more (Fernandez,
/// Rodriguez), Romanian -escu, Greek -opoulos and -akis, Polish -wicz and
/// -czyk, South Slavic -ovic and -evic, Ukrainian -enko. A capitalised
/// word before such a word, the two alone, is a given name and a family
/// name ("Ottorino Sacchetti"). Hand-compiled from the surname
/// morphology of these languages; each ending with the least letters the
/// word must have.
pub(super) const FAMILY_ENDINGS: &[(&str, usize)] = &[
    ("etti", 6),
    ("elli", 6),
    ("ucci", 6),
    ("acci", 6),
    ("azzi", 6),
    ("ozzi", 6),
    ("otti", 6),
    ("ez", 7),
    ("escu", 6),
    ("opoulos", 8),
    ("akis", 6),
    ("wicz", 6),
    ("czyk", 6),
    ("ovic", 6),
    ("evic", 6),
    ("enko", 6),
];

/// Nouns after which a capitalised run names a publication, not a person:
/// "the Kommersant daily", "Nezavisimaya Gazeta newspaper". (A news agency,
/// "Itar-Tass news agency", is read as two words.) Radio and television
/// stay out: "the Oprah Winfrey television show" names a person.
/// Hand-compiled.
pub(super) const MEDIA_NOUNS: &[&str] = &["newspaper", "daily", "weekly", "magazine"];

/// Nouns of sports events and prizes that a sponsor's or brand's name
/// precedes: "the Pilot Pen tournament", "the Ryder Cup" is an event's
/// name, not a person's. Written in lower case after the run.
pub(super) const EVENT_NOUNS: &[&str] = &[
    "tournament",
    "tournaments",
    "championship",
    "championships",
    "trophy",
    "classic",
    "cup",
    "invitational",
    "rally",
    "marathon",
    "regatta",
];

/// Saints' words that open the names of places, churches and clubs ("San
/// Lorenzo", "Santa Cruz", "São Paulo", "Sankt Pauli"), folded: a run of
/// two words or more opening with one is no person unless a title stands
/// before it. Hand-compiled.
pub(super) const SAINT_WORDS: &[&str] = &["san", "santa", "sao", "sankt"];

pub(super) const TAG_LINES: &[&str] = &["tags", "tag", "keywords", "topics", "subjects", "related"];

/// A cheap hash of a folded word, for the [`Bloom`] pre-tests.
#[inline]
pub(super) fn word_hash(f: &str) -> u32 {
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
pub(super) struct Bloom {
    pub(super) bits: Vec<u64>,
    pub(super) shift: u32,
}

impl Bloom {
    /// A filter for about `n` words.
    pub(super) fn with_capacity(n: usize) -> Bloom {
        let bits = (n * 16).next_power_of_two().max(1 << 10);
        Bloom {
            bits: vec![0; bits / 64],
            shift: 32 - bits.trailing_zeros(),
        }
    }

    pub(super) fn insert(&mut self, f: &str) {
        let i = (word_hash(f) >> self.shift) as usize;
        self.bits[i / 64] |= 1 << (i % 64);
    }

    #[inline]
    pub(super) fn may_contain(&self, f: &str) -> bool {
        let i = (word_hash(f) >> self.shift) as usize;
        self.bits[i / 64] & (1 << (i % 64)) != 0
    }
}

/// A set of folded words or phrases with a Bloom pre-test: most words of
/// running text are in none of the lexicon's sets.
pub(super) struct WordSet {
    pub(super) set: FxHashSet<Box<str>>,
    pub(super) bloom: Bloom,
}

impl WordSet {
    pub(super) fn new(set: FxHashSet<Box<str>>) -> WordSet {
        let mut bloom = Bloom::with_capacity(set.len().max(256) * 4);
        for f in &set {
            bloom.insert(f);
        }
        WordSet { set, bloom }
    }

    #[inline]
    pub(super) fn contains(&self, f: &str) -> bool {
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

pub(super) struct Lexicon {
    /// Folded title phrase → whether it is a formal title (true) or a weak
    /// role noun (false).
    pub(super) titles: FxHashMap<Box<str>, bool>,
    pub(super) title_first: FxHashSet<Box<str>>,
    /// Pre-test for `title_first`.
    pub(super) title_first_bloom: Bloom,
    /// Bit `n` set when some title starts with a word of `n` bytes: a
    /// cheap test before hashing.
    pub(super) title_shapes: u64,
    /// Every word prefix of a title phrase ("minister", "minister of"),
    /// with whether the prefix is itself a formal title (`Some(true)`), a
    /// role (`Some(false)`) or neither: one lookup per word of a phrase.
    pub(super) title_prefixes: FxHashMap<Box<str>, Option<bool>>,
    pub(super) title_max: usize,
    pub(super) particles: WordSet,
    pub(super) org_words: WordSet,
    pub(super) legal: WordSet,
    pub(super) legal_max: usize,
    pub(super) places: WordSet,
    pub(super) nationalities: WordSet,
    pub(super) stopwords: WordSet,
    pub(super) known_orgs: WordSet,
    /// The sports-club table: folded phrase → its [`club`] roles.
    pub(super) clubs: FxHashMap<Box<str>, u8>,
    /// The most words of a phrase of `clubs`.
    pub(super) club_max: usize,
    /// Folded word → the single-word lists it is in, [`word_bits`] of
    /// `stopwords`, `places`, nationalities with their plurals
    /// ([`Lexicon::is_nationality`]), `org_words`, `particles`, the feature
    /// words, `known_orgs`, the first words of legal forms and the words of
    /// the sports-club table: one lookup answers all of them.
    words: FxHashMap<Box<str>, u16>,
    /// Pre-test for `words`.
    words_bloom: Bloom,
}

/// The bits of [`Lexicon::word_bits`].
pub(super) mod word_bits {
    pub(in super::super) const STOP: u16 = 1;
    pub(in super::super) const PLACE: u16 = 1 << 1;
    pub(in super::super) const NATION: u16 = 1 << 2;
    pub(in super::super) const ORG_WORD: u16 = 1 << 3;
    pub(in super::super) const PARTICLE: u16 = 1 << 4;
    pub(in super::super) const FEATURE: u16 = 1 << 5;
    pub(in super::super) const KNOWN_ORG: u16 = 1 << 6;
    pub(in super::super) const LEGAL_FIRST: u16 = 1 << 7;
    pub(in super::super) const CLUB: u16 = 1 << 8;
}

impl Lexicon {
    /// The lexicon of an analyser's tables: their titles, particles, legal
    /// forms, organisation words, places, nationalities, stopwords and
    /// known organisations, with the extraction-only word lists.
    pub(super) fn load(t: &Tables) -> Lexicon {
        let mut titles: FxHashMap<Box<str>, bool> =
            t.titles.keys().map(|p| (p.clone(), true)).collect();
        let legal: FxHashSet<Box<str>> = t.legal.keys().cloned().collect();
        let particles: FxHashSet<Box<str>> =
            t.words_flagged(Word::PARTICLE).map(Into::into).collect();
        let org_words: FxHashSet<Box<str>> = t.words_flagged(Word::ORG).map(Into::into).collect();
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
        let mut title_prefixes: FxHashMap<Box<str>, Option<bool>> = FxHashMap::default();
        for p in titles.keys() {
            let mut end = 0;
            for w in p.split(' ') {
                end += w.len();
                let prefix = &p[..end];
                title_prefixes.insert(prefix.into(), titles.get(prefix).copied());
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
        let particles = WordSet::new(particles);
        let org_words = WordSet::new(org_words);
        let places = WordSet::new(t.places.clone());
        let nationalities = WordSet::new(t.nationalities.clone());
        let stopwords = WordSet::new(t.stopwords.clone());
        let known_orgs = WordSet::new(t.known_orgs.clone());
        let features: FxHashSet<&'static str> = FEATURE_WORDS.iter().copied().collect();
        let mut words: FxHashMap<Box<str>, u16> = FxHashMap::default();
        let mut mark = |w: &str, bit: u16| *words.entry(w.into()).or_insert(0) |= bit;
        for (set, bit) in [
            (&stopwords, word_bits::STOP),
            (&places, word_bits::PLACE),
            (&org_words, word_bits::ORG_WORD),
            (&particles, word_bits::PARTICLE),
            (&known_orgs, word_bits::KNOWN_ORG),
            (&legal_first, word_bits::LEGAL_FIRST),
        ] {
            for w in &set.set {
                mark(w, bit);
            }
        }
        for w in &nationalities.set {
            mark(w, word_bits::NATION);
            // The plural, as `is_nationality` reads it.
            if w.len() + 1 > 3 {
                mark(&format!("{w}s"), word_bits::NATION);
            }
        }
        for w in &features {
            mark(w, word_bits::FEATURE);
        }
        let (clubs, club_max) = load_clubs();
        for p in clubs.keys() {
            for w in p.split(' ') {
                mark(w, word_bits::CLUB);
            }
        }
        let mut words_bloom = Bloom::with_capacity(words.len().max(256) * 4);
        for w in words.keys() {
            words_bloom.insert(w);
        }
        Lexicon {
            titles,
            title_first,
            title_first_bloom,
            title_prefixes,
            title_shapes,
            title_max,
            particles,
            org_words,
            legal: WordSet::new(legal),
            legal_max,
            places,
            nationalities,
            stopwords,
            known_orgs,
            clubs,
            club_max,
            words,
            words_bloom,
        }
    }

    /// The single-word lists a folded word is in ([`word_bits`]), with
    /// one lookup.
    #[inline]
    pub(super) fn word_bits(&self, f: &str) -> u16 {
        if !self.words_bloom.may_contain(f) {
            return 0;
        }
        self.words.get(f).copied().unwrap_or(0)
    }

    pub(super) fn is_nationality(&self, f: &str) -> bool {
        self.nationalities.contains(f)
            || (f.len() > 3 && f.ends_with('s') && self.nationalities.contains(&f[..f.len() - 1]))
    }
}

/// The lexicon of the default analyser's tables, built once.
pub(super) static LEXICON: Lazy<Arc<Lexicon>> =
    Lazy::new(|| Arc::new(Lexicon::load(crate::analyze::Analyzer::default().tables())));
