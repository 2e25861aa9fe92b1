//! Name analysis: one raw name in, a clean, tagged, comparable [`Name`] out.
//!
//! The steps follow the data: NFKC normalisation; tokens (split on spaces,
//! punctuation and hyphens, glued camel-case words split, dotted
//! abbreviations kept whole); "SURNAME, Given" list order read given-first;
//! titles, ranks and roles removed from the front; suffixes, regnal numbers,
//! legal forms, particles and initials tagged; the kind inferred; and the
//! display form, comparison key and per-part comparison features built.

use crate::error::{Error, ErrorKind};
use crate::fold::{self, Script};
use crate::tables::{Table, Tables, Word};
use crate::token::{self, roman_value};
use once_cell::sync::Lazy;
use serde::ser::{SerializeStruct, Serializer};
use serde::{Deserialize, Serialize};
use std::cell::RefCell;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

mod chunks;
mod weight;
use chunks::ChunkCache;

/// What a name names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A person.
    Person,
    /// An organisation.
    #[serde(alias = "organisation", alias = "organization")]
    Org,
    /// Not known: no cue decided it.
    Unknown,
}

impl Kind {
    /// The kind's name: `person`, `org` or `unknown`.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Person => "person",
            Kind::Org => "org",
            Kind::Unknown => "unknown",
        }
    }
}

/// Writes [`Kind::as_str`].
impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Parses `person` (or `per`, `p`), `org` (or `organisation`,
/// `organization`, `o`) or `unknown` (or the empty string), ignoring case
/// and surrounding white space.
///
/// ```
/// use canonym::Kind;
///
/// assert_eq!("Organisation".parse::<Kind>().unwrap(), Kind::Org);
/// assert_eq!(Kind::Person.to_string().parse::<Kind>().unwrap(), Kind::Person);
/// assert!("place".parse::<Kind>().is_err());
/// ```
impl std::str::FromStr for Kind {
    type Err = Error;

    fn from_str(s: &str) -> Result<Kind, Error> {
        match s.trim().to_ascii_lowercase().as_str() {
            "person" | "per" | "p" => Ok(Kind::Person),
            "org" | "organisation" | "organization" | "o" => Ok(Kind::Org),
            "unknown" | "" => Ok(Kind::Unknown),
            _ => Err(unknown_word(s, "kind", "person, org or unknown")),
        }
    }
}

/// The error of a `FromStr` impl that does not know `s`.
pub(crate) fn unknown_word(s: &str, what: &str, expected: &str) -> Error {
    Error::at(
        ErrorKind::Parse,
        &format!("{s:?}"),
        None,
        format!("not a {what}: expected {expected}"),
    )
}

/// The role of one part of a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Tag {
    /// A given or middle name.
    Given,
    /// A family name (surname), or the single name of a mononymous person.
    Family,
    /// A particle that belongs to the following name: al, bin, van, von, de.
    Particle,
    /// An initial: "J." or "J".
    Initial,
    /// A generational suffix: Jr., Sr., III.
    Suffix,
    /// A regnal number: the VI of Mohammed VI. Never dropped: it tells
    /// Mohammed VI from Mohammed V.
    Regnal,
    /// An organisation's legal form (AG, Ltd, S.A.), compared by its
    /// canonical form.
    Legal,
    /// Any other word of an organisation or unknown-kind name.
    Word,
}

impl Tag {
    /// The tag's name as written in JSON output.
    pub fn as_str(self) -> &'static str {
        match self {
            Tag::Given => "given",
            Tag::Family => "family",
            Tag::Particle => "particle",
            Tag::Initial => "initial",
            Tag::Suffix => "suffix",
            Tag::Regnal => "regnal",
            Tag::Legal => "legal",
            Tag::Word => "word",
        }
    }

    /// Whether the part is a name proper (given, family or word) rather than
    /// a particle, initial, number or legal form.
    pub fn is_main(self) -> bool {
        matches!(self, Tag::Given | Tag::Family | Tag::Word)
    }
}

/// Writes [`Tag::as_str`].
impl fmt::Display for Tag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Parses a tag's name as written by [`Tag::as_str`], ignoring case.
///
/// ```
/// use canonym::Tag;
///
/// assert_eq!("regnal".parse::<Tag>().unwrap(), Tag::Regnal);
/// assert!("surname".parse::<Tag>().is_err());
/// ```
impl std::str::FromStr for Tag {
    type Err = Error;

    fn from_str(s: &str) -> Result<Tag, Error> {
        const ALL: [Tag; 8] = [
            Tag::Given,
            Tag::Family,
            Tag::Particle,
            Tag::Initial,
            Tag::Suffix,
            Tag::Regnal,
            Tag::Legal,
            Tag::Word,
        ];
        ALL.into_iter()
            .find(|t| t.as_str().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| {
                unknown_word(
                    s,
                    "tag",
                    "given, family, particle, initial, suffix, regnal, legal or word",
                )
            })
    }
}

type Span = (u32, u32);

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct PartData {
    text: Span,
    fold: Span,
    skel: Span,
    groups: Span,
    nicks: Span,
    pub(crate) tag: Tag,
    pub(crate) hash: u64,
    pub(crate) skel_hash: u64,
    /// Bit `i` set when the folded form contains letter `a + i`; bits 26..
    /// for digits. A cheap filter before edit distances.
    pub(crate) mask: u32,
    /// A generic word (organisation word, particle) that says little.
    pub(crate) generic: bool,
    /// Information weight (see the comparison module), precomputed.
    pub(crate) weight: f32,
    /// One bit per group id modulo 64: a cheap test before intersecting.
    pub(crate) group_sig: u64,
    /// The same for nickname groups.
    pub(crate) nick_sig: u64,
    /// A connecting word of an organisation name ("of", "the").
    pub(crate) connector: bool,
    /// Joined to the previous part by a hyphen or nothing (Jong-un).
    pub(crate) joined: bool,
    /// Romanised Chinese syllable key of a personal name part, 0 if none
    /// or if some other main part of the name is not Chinese.
    pub(crate) sino: u64,
}

/// An analysed name: original, display form, comparison key, kind, removed
/// titles and tagged parts.
///
/// ```
/// use canonym::{analyze, Kind, Tag};
///
/// let name = analyze("BRIG. GEN. PATRICK KARURETWA");
/// assert_eq!(name.display(), "Patrick Karuretwa");
/// assert_eq!(name.key(), "karuretwa patrick");
/// assert_eq!(name.kind(), Kind::Person);
/// assert_eq!(name.titles(), ["brig gen"]);
/// let tags: Vec<_> = name.parts().map(|p| (p.fold(), p.tag())).collect();
/// assert_eq!(tags, [("patrick", Tag::Given), ("karuretwa", Tag::Family)]);
/// ```
///
/// A name serializes as one object: the original (as `input`), the display
/// form, the key, the kind, the removed titles and the parts, each part as
/// `{"text", "tag"}`; this is what `canonym normalise --format jsonl`
/// writes.
///
/// ```
/// let name = canonym::analyze("Dr. Ada Lovelace");
/// assert_eq!(
///     serde_json::to_string(&name).unwrap(),
///     r#"{"input":"Dr. Ada Lovelace","display":"Ada Lovelace","key":"ada lovelace","kind":"person","titles":["dr"],"parts":[{"text":"Ada","tag":"given"},{"text":"Lovelace","tag":"family"}]}"#,
/// );
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Name {
    /// The original, the display form, the key, the parts' folded forms
    /// and their skeletons, one after the other: one allocation for all
    /// the text of a name. The spans below and the parts' spans index it.
    buf: String,
    original: Span,
    display: Span,
    key: Span,
    kind: Kind,
    /// Whether the kind rests on a decisive cue (a legal form or
    /// organisation word, a personal title, initials, a number, or the
    /// caller) rather than on a known given name alone.
    kind_cue: bool,
    titles: Vec<String>,
    ids: Vec<u32>,
    parts: Vec<PartData>,
}

/// A view of one part of a [`Name`].
#[derive(Debug, Clone, Copy)]
pub struct Part<'a> {
    name: &'a Name,
    data: &'a PartData,
}

fn sub(s: &str, (a, b): Span) -> &str {
    &s[a as usize..b as usize]
}

impl<'a> Part<'a> {
    /// The part as displayed (original script and diacritics, recased).
    pub fn text(&self) -> &'a str {
        sub(&self.name.buf, self.data.text)
    }

    /// The folded comparison form: ASCII `[a-z0-9]`. Legal forms and
    /// suffixes give their canonical form.
    pub fn fold(&self) -> &'a str {
        sub(&self.name.buf, self.data.fold)
    }

    /// The transliteration skeleton of the folded form (see
    /// [`skeleton`](crate::skeleton)).
    pub fn skeleton(&self) -> &'a str {
        sub(&self.name.buf, self.data.skel)
    }

    /// The part's role.
    pub fn tag(&self) -> Tag {
        self.data.tag
    }

    /// Ids of the given-name variant groups this part belongs to (sorted).
    pub fn groups(&self) -> &'a [u32] {
        let (a, b) = self.data.groups;
        &self.name.ids[a as usize..b as usize]
    }

    /// Ids of the nickname groups this part belongs to (sorted).
    pub fn nicknames(&self) -> &'a [u32] {
        let (a, b) = self.data.nicks;
        &self.name.ids[a as usize..b as usize]
    }

    pub(crate) fn data(&self) -> &'a PartData {
        self.data
    }

    /// The length of the folded form and its first byte (0 when empty),
    /// without slicing.
    pub(crate) fn fold_head(&self) -> (usize, u8) {
        let (a, b) = self.data.fold;
        let first = if b > a {
            self.name.buf.as_bytes()[a as usize]
        } else {
            0
        };
        ((b - a) as usize, first)
    }
}

impl Name {
    /// The input exactly as given.
    pub fn original(&self) -> &str {
        sub(&self.buf, self.original)
    }

    /// The display form: titles removed, diacritics and script kept,
    /// sensible capitalisation, given names first.
    pub fn display(&self) -> &str {
        sub(&self.buf, self.display)
    }

    /// The comparison key: ASCII lower-case folded parts in sorted order,
    /// separated by single spaces. Equal keys mean the same name up to case,
    /// diacritics, script, titles, punctuation and word order.
    pub fn key(&self) -> &str {
        sub(&self.buf, self.key)
    }

    /// Person, organisation or unknown.
    pub fn kind(&self) -> Kind {
        self.kind
    }

    /// The titles, ranks, roles and post-nominals that were removed, folded
    /// ("brig gen"), in input order.
    pub fn titles(&self) -> &[String] {
        &self.titles
    }

    /// The tagged parts, in display order.
    pub fn parts(&self) -> impl ExactSizeIterator<Item = Part<'_>> + Clone + '_ {
        self.parts.iter().map(move |data| Part { name: self, data })
    }

    /// The number of parts.
    pub fn len(&self) -> usize {
        self.parts.len()
    }

    /// Whether the name has no parts (an empty or punctuation-only input).
    pub fn is_empty(&self) -> bool {
        self.parts.is_empty()
    }

    /// The `i`-th part.
    ///
    /// # Panics
    ///
    /// If `i` is not below [`Name::len`]; [`Name::get`] returns `None`
    /// instead.
    pub fn part(&self, i: usize) -> Part<'_> {
        Part {
            name: self,
            data: &self.parts[i],
        }
    }

    /// The `i`-th part, or `None` if the name has `i` parts or fewer.
    pub fn get(&self, i: usize) -> Option<Part<'_>> {
        self.parts.get(i).map(|data| Part { name: self, data })
    }

    /// Returns the name with its kind set by the caller.
    pub fn with_kind(mut self, kind: Kind) -> Name {
        self.kind = kind;
        self.kind_cue = true;
        self
    }

    /// Whether the kind rests on a decisive cue rather than a guess: a
    /// legal form or organisation word, a personal title, initials, a
    /// regnal or generational number, list order, or the caller's word. A
    /// person and an organisation conflict only when both kinds are certain.
    pub fn kind_is_certain(&self) -> bool {
        self.kind_cue && self.kind != Kind::Unknown
    }
}

impl Serialize for Name {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Name", 6)?;
        st.serialize_field("input", self.original())?;
        st.serialize_field("display", self.display())?;
        st.serialize_field("key", self.key())?;
        st.serialize_field("kind", &self.kind)?;
        st.serialize_field("titles", &self.titles)?;
        st.serialize_field("parts", &Parts(self))?;
        st.end()
    }
}

/// A name's parts as a JSON array.
struct Parts<'a>(&'a Name);

impl Serialize for Parts<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.parts())
    }
}

/// A part serializes as `{"text", "tag"}`.
impl Serialize for Part<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Part", 2)?;
        st.serialize_field("text", self.text())?;
        st.serialize_field("tag", &self.tag())?;
        st.end()
    }
}

/// Builds an [`Analyzer`] from the bundled tables and/or tables of your own.
///
/// ```
/// use canonym::{AnalyzerBuilder, Table};
///
/// let analyzer = AnalyzerBuilder::new()
///     .add_table(Table::Titles, "my-titles", "Grand Vizier\troyal\n")
///     .unwrap()
///     .build();
/// assert_eq!(analyzer.analyze("Grand Vizier Jafar Barmaki").display(), "Jafar Barmaki");
/// ```
#[derive(Debug, Clone)]
pub struct AnalyzerBuilder {
    tables: Tables,
}

impl Default for AnalyzerBuilder {
    fn default() -> Self {
        AnalyzerBuilder::new()
    }
}

impl AnalyzerBuilder {
    /// A builder starting from the bundled tables.
    pub fn new() -> AnalyzerBuilder {
        AnalyzerBuilder {
            tables: Tables::clone(&BUNDLED),
        }
    }

    /// A builder with no tables at all.
    pub fn empty() -> AnalyzerBuilder {
        AnalyzerBuilder {
            tables: Tables::default(),
        }
    }

    /// Parses `text` as a table of kind `table` and adds its entries.
    /// `source` names the text in error messages. On error nothing is
    /// added and every malformed line is reported.
    pub fn add_table(
        &mut self,
        table: Table,
        source: &str,
        text: &str,
    ) -> Result<&mut Self, Error> {
        self.tables.add(table, source, text)?;
        Ok(self)
    }

    /// Builds the analyser.
    pub fn build(&self) -> Analyzer {
        Analyzer {
            tables: Arc::new(self.tables.clone()),
            id: next_id(),
        }
    }
}

static BUNDLED: Lazy<Arc<Tables>> = Lazy::new(|| Arc::new(Tables::bundled()));
static DEFAULT: Lazy<Analyzer> = Lazy::new(|| Analyzer {
    tables: Arc::clone(&BUNDLED),
    id: next_id(),
});

/// A new identity for a set of tables: the chunk cache keys its entries by it.
fn next_id() -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

/// Analyses raw names into [`Name`]s using a set of knowledge tables.
/// Cheap to clone; safe to share between threads.
///
/// ```
/// use canonym::Analyzer;
///
/// let analyzer = Analyzer::new();
/// let name = analyzer.analyze("Minister of Defense Juvenal Marizamunda");
/// assert_eq!(name.display(), "Juvenal Marizamunda");
/// assert_eq!(name.titles(), ["minister of defense"]);
/// ```
#[derive(Debug, Clone)]
pub struct Analyzer {
    tables: Arc<Tables>,
    /// Identifies the tables to the per-thread chunk cache.
    id: u64,
}

impl Default for Analyzer {
    fn default() -> Self {
        Analyzer::new()
    }
}

/// Analyses `input` with the bundled tables. See [`Analyzer::analyze`].
///
/// ```
/// let name = canonym::analyze("AbdellatifLoudyi");
/// assert_eq!(name.display(), "Abdellatif Loudyi");
/// assert_eq!(name.key(), "abdellatif loudyi");
/// ```
pub fn analyze(input: &str) -> Name {
    DEFAULT.analyze(input)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sep {
    Space,
    Hyphen,
    Glued,
}

#[derive(Debug, Clone)]
struct Tok {
    start: usize,
    end: usize,
    /// Separator before this token.
    sep: Sep,
    /// Followed by a full stop.
    dot: bool,
    /// Followed by a comma.
    comma: bool,
    /// One piece of a split dotted run: its dot is kept in the display so
    /// that the display tokenises the same way again.
    piece: bool,
    /// Contains inner full stops ("S.A.", "J.R.R.").
    dotted: bool,
    /// Written in upper case throughout (and has at least one cased letter).
    upper: bool,
    /// Written in lower case throughout.
    lower: bool,
    /// Has at least one cased letter.
    cased: bool,
    /// The folded form is a known particle.
    particle: bool,
    fold: Span,
    /// What the tables know about the folded form.
    word: Word,
    /// Canonical fold replacing `fold` in the key (legal forms, suffixes),
    /// a span of the same scratch string as `fold`.
    canon: Option<Span>,
    tag: Option<Tag>,
    family_hint: bool,
    /// Whether a lower-case letter is followed by an upper-case one inside
    /// the token, when the tokeniser already knows.
    camel: Option<bool>,
    /// The token's entry in the chunk cache, [`NO_LEX`] if none.
    lex: u32,
    /// The number of the bracketed group ("(ret.)") the token stands in,
    /// counted from 1; 0 outside brackets.
    paren: u32,
}

/// [`Tok::lex`] of a token that has no cached lexical data.
const NO_LEX: u32 = u32::MAX;

fn new_tok(s: &str, start: usize, end: usize, sep: Sep) -> Tok {
    let text = &s[start..end];
    let mut has_upper = false;
    let mut has_lower = false;
    if text.is_ascii() {
        for b in text.bytes() {
            has_upper |= b.is_ascii_uppercase();
            has_lower |= b.is_ascii_lowercase();
        }
    } else {
        for c in text.chars() {
            if c.is_ascii() {
                has_upper |= c.is_ascii_uppercase();
                has_lower |= c.is_ascii_lowercase();
            } else if !caseless(c) {
                has_upper |= c.is_uppercase();
                has_lower |= c.is_lowercase();
            }
        }
    }
    cased_tok(start, end, sep, has_upper, has_lower)
}

/// Whether `c` lies in a block without letter case: Hebrew to Myanmar
/// (Arabic, the Indic scripts, Thai …), CJK, kana and Hangul. A cheap test
/// before the general case lookup.
fn caseless(c: char) -> bool {
    matches!(c as u32, 0x0590..=0x109F | 0x2E80..=0x9FFF | 0xAC00..=0xD7AF)
}

/// A token of `start..end` with its case flags.
fn cased_tok(start: usize, end: usize, sep: Sep, has_upper: bool, has_lower: bool) -> Tok {
    Tok {
        start,
        end,
        sep,
        dot: false,
        comma: false,
        piece: false,
        dotted: false,
        upper: has_upper && !has_lower,
        lower: has_lower && !has_upper,
        cased: has_lower || has_upper,
        particle: false,
        fold: (0, 0),
        word: Word::default(),
        canon: None,
        tag: None,
        family_hint: false,
        camel: None,
        lex: NO_LEX,
        paren: 0,
    }
}

/// Splits `s` into word tokens with their separators, replacing the
/// contents of `toks`.
fn tokenize_into(s: &str, toks: &mut Vec<Tok>) {
    toks.clear();
    if s.is_ascii() {
        tokenize_ascii(s, toks);
    } else {
        tokenize_unicode(s, toks);
    }
    for t in toks.iter_mut() {
        if t.sep == Sep::Glued {
            // Two tokens with nothing between them cannot arise from the
            // scanner except after a trailing apostrophe; read it as a space.
            t.sep = Sep::Space;
        }
    }
}

/// [`tokenize_unicode`] for ASCII text, byte by byte: the same tokens.
/// The only ASCII apostrophes are `'` and `` ` ``, the only hyphen `-`.
fn tokenize_ascii(s: &str, toks: &mut Vec<Tok>) {
    let b = s.as_bytes();
    let n = b.len();
    let is_mark = |c: u8| c == b'\'' || c == b'`';
    let mut sep = Sep::Space;
    let mut i = 0;
    while i < n {
        let c = b[i];
        let leading_mark = is_mark(c) && b.get(i + 1).is_some_and(u8::is_ascii_alphabetic);
        if !(c.is_ascii_alphanumeric() || leading_mark) {
            if c != b'-' {
                sep = Sep::Space;
            } else if sep == Sep::Glued {
                sep = Sep::Hyphen;
            }
            if c == b',' {
                if let Some(last) = toks.last_mut() {
                    last.comma = true;
                }
            }
            i += 1;
            continue;
        }
        let start = i;
        let mut j = i + 1;
        let mut dotted = false;
        let mut dot = false;
        let mut end = j;
        let mut has_upper = c.is_ascii_uppercase();
        let mut has_lower = c.is_ascii_lowercase();
        let mut camel = false;
        while j < n {
            let d = b[j];
            if d.is_ascii_alphanumeric() {
                camel |= d.is_ascii_uppercase() && b[j - 1].is_ascii_lowercase();
                has_upper |= d.is_ascii_uppercase();
                has_lower |= d.is_ascii_lowercase();
                j += 1;
                end = j;
                continue;
            }
            if is_mark(d) || d == b'.' {
                // Look one further: an inner apostrophe or dot joins.
                if b.get(j + 1).is_some_and(u8::is_ascii_alphanumeric) {
                    j += 1;
                    end = j;
                    dotted |= d == b'.';
                    continue;
                }
                if d == b'.' {
                    dot = true;
                    if dotted {
                        // The closing dot of "S.A." belongs to the token.
                        end = j + 1;
                    }
                }
            }
            break;
        }
        let mut t = cased_tok(start, end, sep, has_upper, has_lower);
        t.dot = dot;
        t.dotted = dotted;
        t.camel = Some(camel);
        toks.push(t);
        sep = Sep::Glued;
        i = j;
    }
}

/// Splits `s` into word tokens, any script.
fn tokenize_unicode(s: &str, toks: &mut Vec<Tok>) {
    let mut sep = Sep::Space;
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if token::starts_word(c, it.peek().map(|&(_, n)| n)) {
            let start = i;
            let (end, dotted, dot) = token::word_end(s, start);
            // The closing dot of a dotted word ("S.A.") is part of it and
            // also separates it from what follows.
            let closing_dot = dotted && dot;
            let scanned = if closing_dot { end - 1 } else { end };
            while it.peek().is_some_and(|&(j, _)| j < scanned) {
                it.next();
            }
            let mut t = new_tok(s, start, end, sep);
            t.dot = dot;
            t.dotted = dotted;
            toks.push(t);
            sep = Sep::Glued;
        } else {
            if c.is_whitespace() || !token::is_dash(c) {
                sep = Sep::Space;
            } else if sep == Sep::Glued {
                sep = Sep::Hyphen;
            }
            if c == ',' || c == '،' || c == '，' {
                if let Some(last) = toks.last_mut() {
                    last.comma = true;
                }
            }
        }
    }
}

/// Splits glued camel-case words ("AbdellatifLoudyi") into tokens, keeping
/// McDonald, MacArthur, DeShawn, LeBron, DiCaprio whole.
fn split_camel(s: &str, toks: &mut Vec<Tok>) {
    // Most names have no lower-to-upper transition inside a word.
    // Tokens all in one case, or in a script without case, have none.
    let any = toks.iter().any(|t| {
        !(t.dotted || t.upper || t.lower || !t.cased) && t.camel != Some(false) && {
            let text = &s[t.start..t.end];
            if text.is_ascii() {
                text.as_bytes()
                    .windows(2)
                    .any(|w| w[0].is_ascii_lowercase() && w[1].is_ascii_uppercase())
            } else {
                let mut prev_lower = false;
                text.chars().any(|c| {
                    let hit = prev_lower && c.is_uppercase();
                    prev_lower = c.is_lowercase();
                    hit
                })
            }
        }
    });
    if !any {
        return;
    }
    let mut out: Vec<Tok> = Vec::with_capacity(toks.len() + 1);
    let mut cuts = Vec::new();
    for t in toks.drain(..) {
        let text = &s[t.start..t.end];
        if t.dotted || t.upper || t.lower || !t.cased || !text.is_char_boundary(0) {
            out.push(t);
            continue;
        }
        token::camel_cuts(text, &mut cuts);
        if cuts.is_empty() {
            out.push(t);
            continue;
        }
        let mut a = 0;
        for (k, &cut) in cuts.iter().chain(std::iter::once(&text.len())).enumerate() {
            let mut piece = new_tok(
                s,
                t.start + a,
                t.start + cut,
                if k == 0 { t.sep } else { Sep::Space },
            );
            if cut == text.len() {
                piece.dot = t.dot;
                piece.comma = t.comma;
            }
            out.push(piece);
            a = cut;
        }
    }
    *toks = out;
}

fn fx_hash(s: &str) -> u64 {
    let mut h = rustc_hash::FxHasher::default();
    s.hash(&mut h);
    h.finish()
}

/// Buffers reused from one analysis to the next (per thread), so that a
/// name costs few allocations beyond those of its result.
#[derive(Default)]
struct Scratch {
    toks: Vec<Tok>,
    /// Folded token forms and canonical forms, spans of which tokens hold.
    folds: String,
    /// The phrase last matched by `match_phrase`.
    phrase: String,
    /// Group ids of the parts being built.
    ids: Vec<u32>,
    /// The texts of the name being built.
    texts: Texts,
    /// The NFKC form of the input, chunks joined by single spaces.
    norm: String,
    /// Analysed input chunks.
    cache: ChunkCache,
}

/// Reused buffers for the texts of a name being built.
#[derive(Default)]
struct Texts {
    display: String,
    folds: String,
    skels: String,
    key: String,
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

/// Folds token `tok` of `s` onto `folds` and looks its folded form up.
fn fold_tok(
    t: &Tables,
    s: &str,
    tok: &mut Tok,
    cyrillic: Option<fold::CyrillicStyle>,
    folds: &mut String,
) {
    let a = folds.len();
    fold::fold_token_into_with(&s[tok.start..tok.end], cyrillic, folds);
    tok.fold = (a as u32, folds.len() as u32);
    tok.word = t.word(&folds[a..]);
}

impl Analyzer {
    /// An analyser with the bundled tables (shared; cheap).
    pub fn new() -> Analyzer {
        DEFAULT.clone()
    }

    /// The identity of its tables: two analyzers with the same identity
    /// analyse every name alike.
    #[cfg(feature = "store")]
    pub(crate) fn identity(&self) -> u64 {
        self.id
    }

    /// A builder for an analyser with tables of your own.
    pub fn builder() -> AnalyzerBuilder {
        AnalyzerBuilder::new()
    }

    /// The tables the analyser uses.
    pub(crate) fn tables(&self) -> &Tables {
        &self.tables
    }

    /// Whether this analyser has the bundled tables only.
    pub(crate) fn is_default(&self) -> bool {
        Arc::ptr_eq(&self.tables, &DEFAULT.tables)
    }

    /// Analyses one raw name, inferring its kind.
    ///
    /// Never fails: any string gives a `Name` (an empty one for empty or
    /// punctuation-only input). Time grows linearly with the input length.
    pub fn analyze(&self, input: &str) -> Name {
        self.analyze_inner(input, None)
    }

    /// Analyses one raw name whose kind the caller knows.
    ///
    /// ```
    /// use canonym::{Analyzer, Kind};
    /// let name = Analyzer::new().analyze_as("Apple", Kind::Org);
    /// assert_eq!(name.kind(), Kind::Org);
    /// ```
    pub fn analyze_as(&self, input: &str, kind: Kind) -> Name {
        self.analyze_inner(input, Some(kind))
    }

    /// Whether `word` (folded or not) is a known title.
    pub fn is_title(&self, word: &str) -> bool {
        self.tables
            .titles
            .contains_key(token::fold_phrase(word).join(" ").as_str())
    }

    fn analyze_inner(&self, input: &str, forced: Option<Kind>) -> Name {
        SCRATCH.with(|cell| match cell.try_borrow_mut() {
            Ok(mut sc) => self.analyze_with(input, forced, &mut sc),
            Err(_) => self.analyze_with(input, forced, &mut Scratch::default()),
        })
    }

    fn analyze_with(&self, input: &str, forced: Option<Kind>, sc: &mut Scratch) -> Name {
        let t = &*self.tables;
        let mut toks = std::mem::take(&mut sc.toks);
        let mut norm = std::mem::take(&mut sc.norm);
        toks.clear();
        norm.clear();
        sc.folds.clear();
        sc.phrase.clear();
        let style = sc
            .cache
            .front(t, self.id, input, &mut norm, &mut toks, &mut sc.folds);
        let s: &str = &norm;
        // Cyrillic follows one language's convention for the whole name (a
        // Ukrainian name may show its Ukrainian letters in one word only);
        // chunks come folded in the default convention.
        if let Some(style) = style {
            toks.retain_mut(|tok| {
                if s[tok.start..tok.end].bytes().all(|b| b < 0xD0) {
                    return true;
                }
                fold_tok(t, s, tok, Some(style), &mut sc.folds);
                tok.particle = tok.word.is(Word::PARTICLE);
                tok.lex = NO_LEX;
                tok.fold.1 > tok.fold.0
            });
        }

        if s.contains(['(', '[']) {
            mark_brackets(s, &mut toks);
        }

        // Whole-name casing, for display and the family-name hint.
        let all_upper = toks.iter().all(|x| x.upper || !x.cased);
        let all_lower = toks.iter().all(|x| x.lower || !x.cased);
        let any_cased = toks.iter().any(|x| x.upper || x.lower);

        // Legal forms and organisation words.
        let mut org_cue = false;
        {
            let mut k = 0;
            while k < toks.len() {
                let found =
                    self.match_phrase(&t.legal, Word::LEGAL_FIRST, t.legal_max, &toks, k, sc);
                // Loose single letters are initials ("John A S", "A. S"), not
                // a legal form, unless each is written with a full stop
                // ("S. A.").
                let found = found.filter(|&(len, _)| {
                    let letters = &toks[k..k + len];
                    len == 1
                        || !letters.iter().all(|x| x.fold.1 - x.fold.0 == 1)
                        || letters.iter().all(|x| x.dot)
                });
                // Short legal forms are also particles and words ("as-Sisi",
                // "da"): hyphenated to a neighbour, or a lower-case particle in
                // a mixed-case name, they are not legal forms.
                let found = found.filter(|&(len, _)| {
                    let tok = &toks[k];
                    let hyphenated = tok.sep == Sep::Hyphen
                        || toks.get(k + 1).is_some_and(|x| x.sep == Sep::Hyphen);
                    len > 1
                        || tok.fold.1 - tok.fold.0 > 3
                        || !(hyphenated || (tok.lower && tok.particle && !all_lower))
                });
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
        // A lone legal-form-looking word ("AG", "SA") is not a legal form.
        if toks.len() == 1 && toks[0].tag == Some(Tag::Legal) {
            toks[0].tag = None;
            toks[0].canon = None;
            org_cue = toks[0].word.is(Word::ORG);
        }
        let is_org = match forced {
            Some(Kind::Org) => true,
            Some(_) => false,
            None => org_cue,
        };

        // Titles at the front, possibly stacked, before and after reading
        // "SURNAME, Given" list order ("Mr. SMITH, John", "SMITH, Mr. John").
        let mut titles: Vec<String> = Vec::new();
        // A name that is a title and nothing else ("Minister of Defense") is
        // kept whole.
        let only_title = !toks.is_empty()
            && toks.len() <= t.title_max
            && self
                .match_phrase(&t.titles, Word::TITLE_FIRST, toks.len(), &toks, 0, sc)
                .is_some_and(|(len, _)| len == toks.len());
        let strip = !is_org && !only_title;
        if strip {
            self.strip_titles(&mut toks, sc, &mut titles);
            self.strip_appositive(&mut toks, sc, &mut titles);
        }
        let mut list_order = false;
        if !is_org {
            list_order = self.reorder_list(&mut toks, sc);
        }
        if strip && list_order {
            self.strip_titles(&mut toks, sc, &mut titles);
        }
        if strip && toks.iter().any(|x| x.paren != 0) {
            self.strip_bracketed_titles(&mut toks, sc, &mut titles);
        }

        // Trailing suffixes: post-nominals dropped, generational kept.
        if !is_org {
            let mut peeled = false;
            while toks.len() >= 2 {
                let last = toks.last().unwrap();
                if !last.word.is(Word::SUFFIX) {
                    break;
                }
                let lf = sub(&sc.folds, last.fold);
                // Once a post-nominal has gone, a word written as a name
                // before it is a name ("Pram Md Sahab" keeps "Md"):
                // post-nominals in a row are written in capitals, with
                // inner capitals or with full stops ("MD", "PhD", "M.D.").
                let name_like = peeled && !last.upper && !last.dot && !last.dotted && {
                    let mut cs = s[last.start..last.end].chars();
                    cs.next().is_some_and(char::is_uppercase) && cs.all(char::is_lowercase)
                };
                match t.suffixes.get(lf) {
                    Some(None) if !name_like => {
                        titles.push(lf.to_string());
                        toks.pop();
                        peeled = true;
                    }
                    Some(Some(canon)) if last.tag.is_none() => {
                        let a = sc.folds.len() as u32;
                        sc.folds.push_str(canon);
                        let last = toks.last_mut().unwrap();
                        last.tag = Some(Tag::Suffix);
                        last.canon = Some((a, sc.folds.len() as u32));
                        break;
                    }
                    _ => break,
                }
            }
        }

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
                let last = pieces.len().saturating_sub(1);
                // The first piece kept takes the run's separator, even when
                // pieces before it fold to nothing (a lone combining mark).
                let mut first = true;
                for (m, &(pa, pb)) in pieces.iter().enumerate() {
                    let sep = if first { tok.sep } else { Sep::Glued };
                    let mut p = new_tok(s, tok.start + pa, tok.start + pb, sep);
                    p.dot = m < last || tok.dot || text.ends_with('.');
                    p.piece = true;
                    p.comma = m == last && tok.comma;
                    p.family_hint = tok.family_hint;
                    fold_tok(t, s, &mut p, None, &mut sc.folds);
                    if p.fold.1 > p.fold.0 {
                        first = false;
                        out.push(p);
                    }
                }
            }
            toks = out;
        }

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

        // Regnal numbers and roman-numeral generational suffixes, also
        // before a territorial designation ("Abdullah II of Jordan").
        if !is_org && toks.len() >= 4 {
            if let Some(p) = toks.iter().position(|x| sub(&sc.folds, x.fold) == "of") {
                let num = p.checked_sub(1).map(|q| &toks[q]);
                if let Some(num) = num {
                    let nf = sub(&sc.folds, num.fold);
                    if p >= 2 && (num.upper || all_lower) && roman_value(nf).is_some() {
                        let mains = toks[..p - 1].iter().filter(|x| !x.particle).count();
                        if mains == 1 {
                            toks[p - 1].tag = Some(Tag::Regnal);
                            toks[p].tag = Some(Tag::Particle);
                        }
                    }
                }
            }
        }
        if !is_org && toks.len() >= 2 {
            let n = toks.len();
            let last = &toks[n - 1];
            let lf = sub(&sc.folds, last.fold);
            let cased_ok = last.upper || all_lower;
            let free = last.tag.is_none() || last.tag == Some(Tag::Suffix);
            if free && cased_ok && roman_value(lf).is_some() {
                let mains = toks[..n - 1]
                    .iter()
                    .filter(|x| sub(&sc.folds, x.fold).len() > 1 && !x.particle)
                    .count();
                let tag = if mains <= 1 { Tag::Regnal } else { Tag::Suffix };
                toks[n - 1].tag = Some(tag);
            }
        }

        // Kind.
        let has_initial = toks.iter().any(|x| {
            x.tag.is_none()
                && sub(&sc.folds, x.fold).len() == 1
                && s[x.start..x.end].chars().all(char::is_alphabetic)
                && fold::script_of(s[x.start..].chars().next().unwrap()) == Script::Latin
        });
        let has_number = toks
            .iter()
            .any(|x| matches!(x.tag, Some(Tag::Regnal) | Some(Tag::Suffix)));
        let kind = match forced {
            Some(k) => k,
            None if is_org => Kind::Org,
            None if !titles.is_empty() || has_initial || has_number || list_order || east_asian => {
                Kind::Person
            }
            None => {
                // A known given name first is a weak cue (see `kind_cue`).
                let mut mains = toks.iter().filter(|x| !x.particle);
                let first = mains.next();
                let more = mains.next().is_some();
                if more && first.is_some_and(|x| x.word.is(Word::GIVEN)) {
                    Kind::Person
                } else {
                    Kind::Unknown
                }
            }
        };
        let kind_cue = forced.is_some()
            || kind == Kind::Org
            || (kind == Kind::Person
                && (!titles.is_empty() || has_initial || has_number || list_order || east_asian));

        // Tags.
        let n = toks.len();
        if kind == Kind::Org {
            for tok in toks.iter_mut() {
                if tok.tag != Some(Tag::Legal) {
                    tok.tag = Some(Tag::Word);
                }
            }
        } else {
            // Family-name hints from case: an all-caps word in a mixed-case
            // name ("Mohamed Mire ALI").
            if any_cased && !all_upper && !list_order && !east_asian {
                for tok in toks.iter_mut() {
                    if tok.upper
                        && tok.tag.is_none()
                        && s[tok.start..tok.end].chars().nth(1).is_some()
                        && !tok.dot
                        && roman_value(sub(&sc.folds, tok.fold)).is_none()
                    {
                        tok.family_hint = true;
                    }
                }
            }
            let has_hint = toks.iter().any(|x| x.family_hint);
            // Initials and particles.
            for k in 0..n {
                if toks[k].tag.is_some() {
                    continue;
                }
                let fk = sub(&sc.folds, toks[k].fold);
                let text = &s[toks[k].start..toks[k].end];
                let latin = text.chars().next().map(fold::script_of) == Some(Script::Latin);
                // Irish Ó (with its accent, before a surname) is a particle.
                if matches!(text, "Ó" | "ó") && k + 1 < n {
                    toks[k].tag = Some(Tag::Particle);
                    continue;
                }
                if fk.len() == 1 && latin && text.chars().all(char::is_alphabetic) {
                    toks[k].tag = Some(Tag::Initial);
                    continue;
                }
                let followed = toks[k + 1..]
                    .iter()
                    .any(|x| x.tag.is_none() || x.tag == Some(Tag::Particle));
                if followed && toks[k].particle {
                    let ambiguous_first = k == 0
                        && !toks[k].lower
                        && matches!(
                            fk,
                            "ben"
                                | "bar"
                                | "bat"
                                | "le"
                                | "la"
                                | "do"
                                | "e"
                                | "y"
                                | "ag"
                                | "af"
                                | "av"
                                | "ul"
                                | "ter"
                                | "ten"
                                | "del"
                                | "della"
                                | "dos"
                                | "das"
                        );
                    if !ambiguous_first {
                        toks[k].tag = Some(Tag::Particle);
                    }
                }
            }
            // Family: the hint, else the last main part.
            if has_hint {
                for tok in toks.iter_mut() {
                    if tok.tag.is_none() {
                        tok.tag = Some(if tok.family_hint {
                            Tag::Family
                        } else {
                            Tag::Given
                        });
                    }
                }
            } else if toks.iter().any(|x| x.tag == Some(Tag::Regnal)) {
                // A regnal name is a given name and a number: Mohammed VI.
                for tok in toks.iter_mut() {
                    if tok.tag.is_none() {
                        tok.tag = Some(Tag::Given);
                    }
                }
            } else if let Some(last) = toks.iter().rposition(|x| x.tag.is_none()) {
                for (k, tok) in toks.iter_mut().enumerate() {
                    if tok.tag.is_none() {
                        tok.tag = Some(if k == last { Tag::Family } else { Tag::Given });
                    }
                }
            }
            // A name of particles only ("Al"): they are the name.
            for tok in toks.iter_mut() {
                if tok.tag.is_none() {
                    tok.tag = Some(Tag::Family);
                }
            }
            if toks.iter().all(|x| x.tag == Some(Tag::Particle)) {
                for tok in toks.iter_mut() {
                    tok.tag = Some(Tag::Family);
                }
            }
        }

        if kind != Kind::Org {
            self.undot_legal_letters(&mut toks, sc);
        }

        let name = self.finish(
            input,
            s,
            &toks,
            titles,
            (kind, kind_cue),
            sc,
            all_upper && any_cased,
            all_lower && any_cased,
        );
        toks.clear();
        sc.toks = toks;
        sc.norm = norm;
        name
    }

    /// Longest phrase of `map` starting at token `k`, at most `max` tokens.
    /// Leaves the matched phrase in `sc.phrase`.
    #[allow(clippy::too_many_arguments)]
    fn match_phrase<'t, V>(
        &self,
        map: &'t rustc_hash::FxHashMap<Box<str>, V>,
        first: u8,
        max: usize,
        toks: &[Tok],
        k: usize,
        sc: &mut Scratch,
    ) -> Option<(usize, &'t V)> {
        // Only a phrase's first word (flag `first`) can start it.
        if !toks[k].word.is(first) {
            return None;
        }
        // A phrase goes on through words of the tables' phrases only.
        let max = max.min(toks.len() - k);
        if max == 0 {
            return None;
        }
        let max = 1 + toks[k + 1..k + max]
            .iter()
            .take_while(|x| x.word.is(Word::PHRASE_NEXT))
            .count();
        for len in (1..=max).rev() {
            sc.phrase.clear();
            for (m, tok) in toks[k..k + len].iter().enumerate() {
                if m > 0 {
                    sc.phrase.push(' ');
                }
                sc.phrase.push_str(sub(&sc.folds, tok.fold));
            }
            if let Some(v) = map.get(sc.phrase.as_str()) {
                return Some((len, v));
            }
        }
        None
    }

    /// Removes the titles at the front of `toks`, possibly stacked, into
    /// `titles`; at least one token other than trailing regnal numbers is
    /// left.
    fn strip_titles(&self, toks: &mut Vec<Tok>, sc: &mut Scratch, titles: &mut Vec<String>) {
        let t = &*self.tables;
        // A title leaves a name, not only a number: "Emir II" is a name
        // with a regnal number, "Emir Tamim II" a title and a name.
        let mut end = toks.len();
        while end > 0 && {
            let x = &toks[end - 1];
            x.upper && roman_value(sub(&sc.folds, x.fold)).is_some()
        } {
            end -= 1;
        }
        if end == 0 {
            // Numbers only: one token left.
            end = toks.len();
        }
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
            match self.match_phrase(&t.titles, Word::TITLE_FIRST, max, toks, k, sc) {
                // A title-like word that is also a known name, written in
                // full before the comma of list order, is the surname:
                // "KING, Martin Luther", "MAJOR, John".
                Some((1, _))
                    if toks[k].comma
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
    fn reorder_list(&self, toks: &mut Vec<Tok>, sc: &Scratch) -> bool {
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
        reordered[0].sep = Sep::Space;
        reordered[family].sep = Sep::Space;
        *toks = reordered;
        true
    }

    /// Removes a title phrase standing after the last comma: an apposition,
    /// not list order ("Prince William, Duke of Cambridge", "Abdullah II,
    /// King of Jordan", "Juvenal Marizamunda, Minister of Defense").
    fn strip_appositive(&self, toks: &mut Vec<Tok>, sc: &mut Scratch, titles: &mut Vec<String>) {
        let t = &*self.tables;
        let Some(c) = toks.iter().rposition(|x| x.comma) else {
            return;
        };
        let n = toks.len() - c - 1;
        if n == 0 {
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
            && self
                .match_phrase(&t.titles, Word::TITLE_FIRST, n, toks, c + 1, sc)
                .is_some_and(|(len, _)| len == n);
        if !(of_place || whole) {
            return;
        }
        let phrase: Vec<String> = (c + 1..toks.len()).map(|k| fold_at(sc, k)).collect();
        titles.push(phrase.join(" "));
        toks.truncate(c + 1);
        toks[c].comma = false;
    }

    /// Removes bracketed groups made of titles only ("Gen. (ret.) David
    /// Petraeus", "David Petraeus (ret.)"); at least one token is left.
    fn strip_bracketed_titles(
        &self,
        toks: &mut Vec<Tok>,
        sc: &mut Scratch,
        titles: &mut Vec<String>,
    ) {
        let t = &*self.tables;
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
                match self.match_phrase(&t.titles, Word::TITLE_FIRST, max, toks, m, sc) {
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

    /// Drops the full stop after the second of a run of single letters that
    /// reads as a spaced legal form ("A. S." → "A. S"). List order can bring
    /// initials and a one-letter surname together; the display must read as
    /// the same person again, and a legal form needs every stop.
    fn undot_legal_letters(&self, toks: &mut [Tok], sc: &mut Scratch) {
        let t = &*self.tables;
        let letter = |x: &Tok| x.dot && !x.dotted && !x.piece && x.fold.1 - x.fold.0 == 1;
        for k in 0..toks.len().saturating_sub(1) {
            if !(letter(&toks[k]) && letter(&toks[k + 1])) {
                continue;
            }
            let found = self.match_phrase(&t.legal, Word::LEGAL_FIRST, t.legal_max, toks, k, sc);
            if let Some((len, _)) = found {
                if len >= 2 && toks[k..k + len].iter().all(letter) {
                    toks[k + 1].dot = false;
                }
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn finish(
        &self,
        input: &str,
        s: &str,
        toks: &[Tok],
        titles: Vec<String>,
        (kind, kind_cue): (Kind, bool),
        sc: &mut Scratch,
        all_upper: bool,
        all_lower: bool,
    ) -> Name {
        let t = &*self.tables;
        let Scratch {
            folds: tok_folds,
            ids,
            texts,
            cache,
            ..
        } = sc;
        let tok_folds: &str = tok_folds;
        let recase_all = all_upper || all_lower;
        let Texts {
            display,
            folds,
            skels,
            key,
        } = texts;
        display.clear();
        folds.clear();
        skels.clear();
        key.clear();
        // Group ids gather in a reused buffer and are copied out once.
        ids.clear();
        let mut parts: Vec<PartData> = Vec::with_capacity(toks.len());
        for (k, tok) in toks.iter().enumerate() {
            let tag = tok.tag.unwrap_or(Tag::Word);
            let main = matches!(tag, Tag::Given | Tag::Family | Tag::Word);
            let text = &s[tok.start..tok.end];
            if k > 0 {
                match tok.sep {
                    Sep::Hyphen => display.push('-'),
                    Sep::Glued => {}
                    Sep::Space => display.push(' '),
                }
            }
            let ta = display.len();
            let recase = recase_all
                || (kind != Kind::Org
                    && ((tok.lower
                        && tok.sep != Sep::Hyphen
                        && !tok.particle
                        && !is_connector(sub(tok_folds, tok.fold)))
                        || (tok.upper && text.chars().count() > 1))
                    && tag != Tag::Legal
                    && tag != Tag::Initial);
            if tag == Tag::Regnal
                || (tag == Tag::Suffix && roman_value(sub(tok_folds, tok.fold)).is_some())
            {
                text.chars().for_each(|c| push_upper(c, display));
            } else if recase {
                recase_into(text, tag, k == 0, kind, all_upper, display);
            } else {
                display.push_str(text);
            }
            let tb = display.len();
            if tok.dot
                && !tok.dotted
                && (tok.piece || matches!(tag, Tag::Initial | Tag::Suffix | Tag::Legal))
            {
                display.push('.');
            }
            // A canonical form is looked up afresh; a token's own fold was
            // looked up when folded.
            let (f, word): (&str, Word) = match tok.canon {
                Some(c) => (sub(tok_folds, c), t.word(sub(tok_folds, c))),
                None => (sub(tok_folds, tok.fold), tok.word),
            };
            let fa = folds.len();
            folds.push_str(f);
            let fb = folds.len();
            let sa = skels.len();
            // The lexical data of the token's own fold comes from the chunk
            // cache when it has it.
            let lex = match tok.canon {
                None => cache.lex(tok),
                Some(_) => None,
            };
            let lex = match lex {
                Some((lex, skel)) => {
                    skels.push_str(skel);
                    *lex
                }
                None => chunks::Lex::new(f, skels),
            };
            let sb = skels.len();
            // Given-name and nickname groups, of personal name parts only.
            let personal = main && kind != Kind::Org;
            let ga = ids.len();
            if personal {
                ids.extend_from_slice(t.given_groups_of(word));
            }
            let gb = ids.len();
            if personal {
                ids.extend_from_slice(t.nicks_of(word));
            }
            let nb = ids.len();
            parts.push(PartData {
                text: (ta as u32, tb as u32),
                fold: (fa as u32, fb as u32),
                skel: (sa as u32, sb as u32),
                groups: (ga as u32, gb as u32),
                nicks: (gb as u32, nb as u32),
                tag,
                hash: lex.hash,
                skel_hash: lex.skel_hash,
                mask: lex.mask,
                weight: 0.0,
                group_sig: ids[ga..gb].iter().fold(0, |m, &g| m | 1u64 << (g % 64)),
                nick_sig: ids[gb..nb].iter().fold(0, |m, &g| m | 1u64 << (g % 64)),
                generic: tag == Tag::Particle || (kind != Kind::Person && word.is(Word::ORG)),
                connector: kind == Kind::Org && is_connector(f),
                joined: tok.sep != Sep::Space && k > 0,
                // For now whether the part may read as Chinese syllables;
                // the key follows below when every main part may.
                sino: u64::from(personal && lex.sino_plausible),
            });
        }
        sino_keys(&mut parts, toks, folds, cache);
        // Legal forms spanning several tokens keep their canonical form on
        // the first token only; drop the empty remainder from the parts.
        parts.retain(|p| p.fold.1 > p.fold.0);
        build_key(&parts, folds, key);
        // All the texts in one buffer; the parts' spans move with them.
        let mut buf = String::with_capacity(
            input.len() + display.len() + key.len() + folds.len() + skels.len(),
        );
        let mut put = |text: &str| {
            let a = buf.len() as u32;
            buf.push_str(text);
            (a, buf.len() as u32)
        };
        let original = put(input);
        let display_span = put(display);
        let key_span = put(key);
        let folds_at = put(folds).0;
        let skels_at = put(skels).0;
        let shift = |(a, b): Span, by: u32| (a + by, b + by);
        for p in &mut parts {
            p.text = shift(p.text, display_span.0);
            p.fold = shift(p.fold, folds_at);
            p.skel = shift(p.skel, skels_at);
        }
        let mut name = Name {
            buf,
            original,
            display: display_span,
            key: key_span,
            kind,
            kind_cue,
            titles,
            ids: ids.to_vec(),
            parts,
        };
        let len = name.parts.len();
        for k in 0..len {
            let w = weight::weight(&name.part(k), len);
            name.parts[k].weight = w;
        }
        name
    }
}

/// Sets the Chinese syllable keys of a name's main parts when there are
/// two or more and every one reads as Chinese syllables; otherwise none.
/// On entry a part's key is 1 if it may read as syllables, else 0; parts
/// and tokens correspond one to one.
fn sino_keys(parts: &mut [PartData], toks: &[Tok], folds: &str, cache: &mut ChunkCache) {
    let main = |p: &PartData| matches!(p.tag, Tag::Given | Tag::Family | Tag::Word);
    let mut n = 0;
    let mut all = true;
    for p in parts.iter().filter(|p| main(p)) {
        n += 1;
        all &= p.sino != 0;
    }
    if n >= 2 && all {
        for (p, tok) in parts.iter_mut().zip(toks) {
            if main(p) {
                p.sino = cache.sino_key(tok, sub(folds, p.fold));
                all &= p.sino != 0;
            }
        }
    }
    if n < 2 || !all {
        parts.iter_mut().for_each(|p| p.sino = 0);
    }
}

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

/// Numbers the bracketed groups of `s` ("(ret.)", "[a]") from 1 and marks
/// the tokens inside each; nested brackets belong to the outer group.
fn mark_brackets(s: &str, toks: &mut [Tok]) {
    let mut events = s
        .char_indices()
        .filter(|&(_, c)| matches!(c, '(' | ')' | '[' | ']'))
        .peekable();
    let (mut depth, mut group) = (0u32, 0u32);
    for tok in toks.iter_mut() {
        while let Some(&(i, c)) = events.peek() {
            if i >= tok.start {
                break;
            }
            events.next();
            if matches!(c, '(' | '[') {
                if depth == 0 {
                    group += 1;
                }
                depth += 1;
            } else {
                depth = depth.saturating_sub(1);
            }
        }
        tok.paren = if depth > 0 { group } else { 0 };
    }
}

/// Connecting words of organisation names that carry no identity.
fn is_connector(f: &str) -> bool {
    matches!(
        f,
        "of" | "the"
            | "and"
            | "for"
            | "in"
            | "on"
            | "at"
            | "to"
            | "et"
            | "und"
            | "y"
            | "e"
            | "de"
            | "des"
            | "du"
            | "la"
            | "le"
            | "les"
            | "der"
            | "die"
            | "das"
            | "del"
            | "di"
            | "da"
            | "do"
            | "dos"
    )
}

/// The comparison key: the words of the parts' folded forms, sorted and
/// joined by single spaces. Up to 16 words are sorted on the stack.
fn build_key(parts: &[PartData], folds: &str, key: &mut String) {
    const SMALL: usize = 16;
    let mut small: [&str; SMALL] = [""; SMALL];
    let mut n = 0;
    let mut big: Vec<&str> = Vec::new();
    for w in parts.iter().flat_map(|p| sub(folds, p.fold).split(' ')) {
        if n < SMALL {
            small[n] = w;
        } else {
            if big.is_empty() {
                big.extend_from_slice(&small);
            }
            big.push(w);
        }
        n += 1;
    }
    let words: &mut [&str] = if n <= SMALL {
        &mut small[..n]
    } else {
        &mut big
    };
    words.sort_unstable();
    for (k, w) in words.iter().enumerate() {
        if k > 0 {
            key.push(' ');
        }
        key.push_str(w);
    }
}

/// Pushes `c` in upper case when that is one character; otherwise, and for
/// combining marks, as it is. Some marks have upper-case letters (U+0345
/// ypogegrammeni: Ι) and some letters upper-case to two (ᾖ: ἮΙ), which
/// would add a letter the name did not have.
fn push_upper(c: char, out: &mut String) {
    let upper = c.to_uppercase();
    if upper.len() != 1 || unicode_normalization::char::is_combining_mark(c) {
        out.push(c);
    } else {
        out.extend(upper);
    }
}

/// Title-cases one token into `out`: "marizamunda" → "Marizamunda",
/// "mcdonald" → "McDonald", "o'brien" → "O'Brien"; particles after the
/// first word stay lower case; short acronyms of organisations keep capitals.
fn recase_into(text: &str, tag: Tag, first: bool, kind: Kind, all_upper: bool, out: &mut String) {
    if tag == Tag::Particle && !first {
        out.extend(text.chars().flat_map(char::to_lowercase));
        return;
    }
    let short = text.chars().count() <= 4;
    if kind == Kind::Org
        && ((tag == Tag::Legal && short) || (all_upper && text.chars().count() <= 3))
    {
        if tag == Tag::Legal && !all_upper {
            text.chars().for_each(|c| push_upper(c, out));
        } else {
            out.push_str(text);
        }
        return;
    }
    if text.is_ascii() {
        // The same as below without an intermediate string.
        let b = text.as_bytes();
        let mc = b.len() > 3 && b[..2].eq_ignore_ascii_case(b"mc");
        for (k, &c) in b.iter().enumerate() {
            let c = c.to_ascii_lowercase();
            let upper = k == 0 || (k == 2 && (mc || (b[1] == b'\'' || b[1] == b'`')));
            out.push(if upper { c.to_ascii_uppercase() } else { c } as char);
        }
        return;
    }
    let lower: String = text.chars().flat_map(char::to_lowercase).collect();
    let mut upper_next = true;
    let mut count = 0usize;
    for c in lower.chars() {
        if upper_next {
            push_upper(c, out);
            upper_next = false;
        } else {
            out.push(c);
        }
        count += 1;
        if fold::is_apostrophe(c) && count == 2 {
            // O'Brien, D'Angelo: capitalise after a one-letter prefix.
            upper_next = true;
        }
        if count == 2 && lower.starts_with("mc") && lower.chars().count() > 3 {
            upper_next = true;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags(n: &Name) -> Vec<(String, Tag)> {
        n.parts().map(|p| (p.fold().to_string(), p.tag())).collect()
    }

    #[test]
    fn seed_forms() {
        let n = analyze("Brig. Gen. Patrick Karuretwa");
        assert_eq!(n.display(), "Patrick Karuretwa");
        assert_eq!(n.titles(), ["brig gen"]);
        assert_eq!(n.key(), "karuretwa patrick");
        let n = analyze("AbdellatifLoudyi");
        assert_eq!(n.display(), "Abdellatif Loudyi");
        assert_eq!(analyze("Loudyi Abdeltif").key(), "abdeltif loudyi");
        let n = analyze("juvénal marizamunda");
        assert_eq!(n.display(), "Juvénal Marizamunda");
        assert_eq!(n.key(), "juvenal marizamunda");
    }

    #[test]
    fn camel_case_exceptions() {
        for w in [
            "McDonald",
            "MacArthur",
            "DeShawn",
            "LeBron",
            "DiCaprio",
            "O'Brien",
        ] {
            assert_eq!(analyze(w).len(), 1, "{w}");
        }
    }

    #[test]
    fn regnal_numbers_are_kept() {
        let n = analyze("King Mohammed VI");
        assert_eq!(n.display(), "Mohammed VI");
        assert_eq!(
            tags(&n),
            [("mohammed".into(), Tag::Given), ("vi".into(), Tag::Regnal)]
        );
        assert_ne!(analyze("Mohammed V").key(), n.key());
    }

    #[test]
    fn list_order() {
        let n = analyze("LOUDIYI, Abdellatif");
        assert_eq!(n.display(), "Abdellatif Loudiyi");
        assert_eq!(tags(&n)[1], ("loudiyi".into(), Tag::Family));
        let n = analyze("Martin Luther King, Jr.");
        assert_eq!(n.display(), "Martin Luther King Jr.");
        assert_eq!(n.part(3).tag(), Tag::Suffix);
        // Spaces around the comma change nothing, whether the chunks are
        // analysed afresh or come from the cache.
        for _ in 0..2 {
            for s in [
                "LOUDIYI ,Abdellatif",
                "LOUDIYI , Abdellatif",
                "LOUDIYI\t,\tAbdellatif",
            ] {
                assert_eq!(analyze(s).display(), "Abdellatif Loudiyi", "{s:?}");
            }
        }
    }

    #[test]
    fn dotted_run_after_a_dropped_piece_keeps_its_separator() {
        // The first piece is a lone combining mark that folds to nothing.
        let n = analyze("Abebe \u{733}.C.Dessie");
        assert_eq!(n.display(), "Abebe C.Dessie");
        assert_eq!(analyze(n.display()).key(), n.key());
    }

    #[test]
    fn recasing_leaves_combining_marks_alone() {
        // U+0345 upper-cases to a Greek capital iota, a letter.
        let n = analyze("\u{345}ie Marizamunda");
        assert_eq!(n.display(), "\u{345}ie Marizamunda");
        assert_eq!(analyze(n.display()).key(), n.key());
        let n = analyze("LU \u{345}IE");
        assert_eq!(analyze(n.display()).key(), n.key());
        // ᾖ upper-cases to two letters, ἮΙ.
        let n = analyze("ᾞÄÖ PAPADOPOULOS");
        assert_eq!(analyze(n.display()).key(), n.key());
    }

    #[test]
    fn loose_single_letters_are_not_a_legal_form() {
        // "S, Heik Lud Wi A" displays as "Heik Lud Wi A S": its last two
        // letters must not read as the legal form AS.
        for s in ["S, Heik Lud Wi A", "Heik Lud Wi A S", "John O Y"] {
            let n = analyze(s);
            assert_ne!(n.kind(), Kind::Org, "{s}");
            assert_eq!(analyze(n.display()).key(), n.key(), "{s}");
        }
        assert_eq!(analyze("Telefonica S. A.").kind(), Kind::Org);
        assert_eq!(analyze("Telefonica S. A.").key(), "sa telefonica");
    }

    #[test]
    fn legal_forms() {
        assert_eq!(analyze("Bayer AG").key(), "ag bayer");
        assert_eq!(analyze("Bayer Aktiengesellschaft").key(), "ag bayer");
        assert_eq!(analyze("Bayer AG").kind(), Kind::Org);
        assert_eq!(analyze("Banco Santander S.A.").key(), "banco sa santander");
    }

    #[test]
    fn empty_and_junk() {
        assert!(analyze("").is_empty());
        assert!(analyze("  ,.;-- ").is_empty());
        assert_eq!(analyze("").key(), "");
    }

    #[test]
    fn kinds_and_tags_round_trip_through_strings() {
        for k in [Kind::Person, Kind::Org, Kind::Unknown] {
            assert_eq!(k.to_string().parse::<Kind>().unwrap(), k);
            assert_eq!(k.as_str().to_uppercase().parse::<Kind>().unwrap(), k);
            assert_eq!(serde_json::to_string(&k).unwrap(), format!("\"{k}\""));
        }
        assert_eq!(" organization ".parse::<Kind>().unwrap(), Kind::Org);
        assert_eq!("".parse::<Kind>().unwrap(), Kind::Unknown);
        let e = "place".parse::<Kind>().unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Parse);
        for t in [
            Tag::Given,
            Tag::Family,
            Tag::Particle,
            Tag::Initial,
            Tag::Suffix,
            Tag::Regnal,
            Tag::Legal,
            Tag::Word,
        ] {
            assert_eq!(t.to_string().parse::<Tag>().unwrap(), t);
            assert_eq!(serde_json::to_string(&t).unwrap(), format!("\"{t}\""));
        }
        assert!("surname".parse::<Tag>().is_err());
    }

    #[test]
    fn part_lookups_do_not_panic_past_the_end() {
        let n = analyze("Ada Lovelace");
        assert_eq!(n.get(1).map(|p| p.text()), Some("Lovelace"));
        assert!(n.get(2).is_none());
        assert!(analyze("").get(0).is_none());
    }
}
