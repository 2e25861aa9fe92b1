//! Name analysis: one raw name in, a clean, tagged, comparable [`Name`] out.
//!
//! The steps follow the data: NFKC normalisation; tokens (split on spaces,
//! punctuation and hyphens, glued camel-case words split, dotted
//! abbreviations kept whole); "SURNAME, Given" list order read given-first;
//! titles, ranks and roles removed from the front; suffixes, regnal numbers,
//! legal forms, particles and initials tagged; the kind inferred; and the
//! display form, comparison key and per-part comparison features built.

use crate::error::Error;
use crate::fold::{self, CyrillicStyle};
use crate::tables::{Table, Tables, Word};
use crate::token;
use crate::util::str_enum;
use once_cell::sync::Lazy;
use serde::{Deserialize, Serialize};
use std::cell::RefCell;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

mod chunks;
#[cfg(feature = "store")]
pub(crate) mod codec;
mod kind;
pub(crate) mod korean;
mod legal;
mod name;
mod numbers;
mod org_terms;
mod pieces;
mod render;
pub(crate) mod spelling;
#[cfg(test)]
mod tests;
mod titles;
mod tokens;
mod weight;
pub(crate) use chunks::letter_mask;
use chunks::ChunkCache;
pub(crate) use name::PartData;
use name::{sub, Span};
pub use name::{Name, Part};
use tokens::{
    fold_tok, fx_hash, mark_brackets, narrow_dotted, new_tok, split_camel, tokenize_into, Sep, Tok,
    NO_LEX,
};

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

str_enum! {
    /// The kind's name: `person`, `org` or `unknown`.
    ///
    /// Parsing takes `person` (or `per`, `p`), `org` (or `organisation`,
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
    pub Kind, "kind", "person, org or unknown" {
        Person => "person" | "per" | "p",
        Org => "org" | "organisation" | "organization" | "o",
        Unknown => "unknown" | "",
    }
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

str_enum! {
    /// The tag's name as written in JSON output, which parsing takes back,
    /// ignoring case.
    ///
    /// ```
    /// use canonym::Tag;
    ///
    /// assert_eq!("regnal".parse::<Tag>().unwrap(), Tag::Regnal);
    /// assert!("surname".parse::<Tag>().is_err());
    /// ```
    pub Tag, "tag", "given, family, particle, initial, suffix, regnal, legal or word" {
        Given => "given",
        Family => "family",
        Particle => "particle",
        Initial => "initial",
        Suffix => "suffix",
        Regnal => "regnal",
        Legal => "legal",
        Word => "word",
    }
}

impl Tag {
    /// Whether the part is a name proper (given, family or word) rather than
    /// a particle, initial, number or legal form.
    pub fn is_main(self) -> bool {
        matches!(self, Tag::Given | Tag::Family | Tag::Word)
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
    /// A display form or key written without a [`Name`].
    text: String,
    /// Analysed input chunks.
    cache: ChunkCache,
    /// The tokens before titles and remarks are dropped, to go back to.
    saved: Vec<Tok>,
    /// The tokens once remarks are dropped, before titles are.
    saved_remarkless: Vec<Tok>,
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

    /// Calls `f` with the display form of `input` (analysed as `kind` when
    /// given, as [`Analyzer::analyze_as`] does, else inferring it): the text
    /// of [`Name::display`], without building the rest of the [`Name`].
    /// `f` runs while this thread's reusable buffers hold the text: an
    /// analysis inside it works, with buffers of its own.
    ///
    /// ```
    /// use canonym::Analyzer;
    ///
    /// let a = Analyzer::new();
    /// let s = "BRIG. GEN. PATRICK KARURETWA";
    /// a.with_display(s, None, |d| assert_eq!(d, a.analyze(s).display()));
    /// assert_eq!(a.with_display(s, None, str::len), "Patrick Karuretwa".len());
    /// ```
    pub fn with_display<R>(&self, input: &str, kind: Option<Kind>, f: impl FnOnce(&str) -> R) -> R {
        self.with_text(input, kind, false, f)
    }

    /// Calls `f` with the comparison key of `input` (analysed as `kind`
    /// when given, else inferring it): the text of [`Name::key`], without
    /// building the rest of the [`Name`].
    ///
    /// ```
    /// use canonym::{Analyzer, Kind};
    ///
    /// let a = Analyzer::new();
    /// let key = a.with_key("Bayer Aktiengesellschaft", Some(Kind::Org), str::to_string);
    /// assert_eq!(key, a.analyze_as("Bayer Aktiengesellschaft", Kind::Org).key());
    /// ```
    pub fn with_key<R>(&self, input: &str, kind: Option<Kind>, f: impl FnOnce(&str) -> R) -> R {
        self.with_text(input, kind, true, f)
    }

    fn with_text<R>(
        &self,
        input: &str,
        forced: Option<Kind>,
        key: bool,
        f: impl FnOnce(&str) -> R,
    ) -> R {
        let text = |sc: &mut Scratch| {
            let mut out = std::mem::take(&mut sc.text);
            out.clear();
            self.run(input, forced, sc, |cx, kind, _| {
                cx.render_text(kind, key, &mut out)
            });
            let r = f(&out);
            sc.text = out;
            r
        };
        SCRATCH.with(|cell| match cell.try_borrow_mut() {
            Ok(mut sc) => text(&mut sc),
            Err(_) => text(&mut Scratch::default()),
        })
    }

    fn analyze_inner(&self, input: &str, forced: Option<Kind>) -> Name {
        SCRATCH.with(|cell| match cell.try_borrow_mut() {
            Ok(mut sc) => self.analyze_with(input, forced, &mut sc),
            Err(_) => self.analyze_with(input, forced, &mut Scratch::default()),
        })
    }

    fn analyze_with(&self, input: &str, forced: Option<Kind>, sc: &mut Scratch) -> Name {
        self.run(input, forced, sc, |cx, kind, kind_cue| {
            cx.render(input, kind, kind_cue)
        })
    }

    /// Runs the passes of analysis over `input` and hands the tagged
    /// tokens, the kind and whether a cue decided it to `finish`.
    fn run<R>(
        &self,
        input: &str,
        forced: Option<Kind>,
        sc: &mut Scratch,
        finish: impl FnOnce(&mut Ctx<'_>, Kind, bool) -> R,
    ) -> R {
        let t = &*self.tables;
        let mut toks = std::mem::take(&mut sc.toks);
        let mut norm = std::mem::take(&mut sc.norm);
        toks.clear();
        norm.clear();
        sc.folds.clear();
        sc.phrase.clear();
        let front = sc.cache.front(
            t,
            self.id,
            first_of_list(input),
            &mut norm,
            &mut toks,
            &mut sc.folds,
        );
        let mut cx = Ctx {
            t,
            s: &norm,
            sc,
            toks,
            titles: Vec::new(),
            forced,
            case: Case::default(),
            is_org: false,
            list_order: false,
            east_asian: false,
            style: None,
        };
        if let Some(style) = front.style {
            cx.refold_cyrillic(Some(style));
        }
        cx.style = front.style;
        if front.brackets {
            mark_brackets(cx.s, &mut cx.toks);
        }
        cx.case = Case::of(&cx.toks);
        cx.stops_before_hyphens();
        let org_cue = cx.legal_forms();
        cx.is_org = match forced {
            Some(Kind::Org) => true,
            Some(_) => false,
            None => org_cue,
        };
        // What remarks, titles and post-nominals leave must not read as an
        // organisation's name where the name did not: kept to go back to,
        // when a word could start a legal form.
        let person = !cx.is_org;
        let guard = person && !org_cue && cx.toks.iter().any(|x| x.word.is(Word::LEGAL_FIRST));
        if guard {
            cx.sc.saved.clear();
            cx.sc.saved.extend_from_slice(&cx.toks);
        }
        let (case, style) = (cx.case, cx.style);
        let remarks = person && cx.strip_remarks();
        if remarks {
            cx.case = Case::of(&cx.toks);
            cx.restyle_cyrillic();
            if guard {
                cx.sc.saved_remarkless.clear();
                cx.sc.saved_remarkless.extend_from_slice(&cx.toks);
            }
        }
        let (remarkless_case, remarkless_style) = (cx.case, cx.style);
        let before_titles = cx.toks.len();
        cx.titles_and_list_order();
        if cx.toks.len() != before_titles {
            if person && cx.strip_birth_clause_after_titles() {
                cx.case = Case::of(&cx.toks);
            }
            cx.restyle_cyrillic();
        }
        let before_suffixes = cx.toks.len();
        cx.suffixes(true);
        if cx.toks.len() != before_suffixes {
            cx.restyle_cyrillic();
        }
        if guard && cx.toks.len() != cx.sc.saved.len() && cx.reads_as_org() {
            // First the words that titles and post-nominals took, with the
            // remarks still out: the display shows no brackets, so a remark
            // given back would read as a word of the name ("Dr ad (an) n").
            // Only when the name without its remarks reads as an
            // organisation's too do they come back.
            let back_to_remarkless = remarks && {
                cx.toks.clear();
                cx.toks.extend_from_slice(&cx.sc.saved_remarkless);
                (cx.case, cx.style) = (remarkless_case, remarkless_style);
                !cx.reads_as_org()
            };
            if !back_to_remarkless {
                cx.toks.clear();
                cx.toks.extend_from_slice(&cx.sc.saved);
                (cx.case, cx.style) = (case, style);
            }
            cx.titles.clear();
            // (The saved tokens keep their folds, in that style.)
            cx.list_order = false;
            cx.suffixes(false);
        }
        cx.dotted_runs();
        cx.east_asian();
        cx.regnal_numbers();
        let (kind, kind_cue) = cx.kind();
        cx.tags(kind);
        if kind == Kind::Org {
            cx.org_terms();
        } else {
            cx.undot_legal_letters();
        }
        let done = finish(&mut cx, kind, kind_cue);
        let Ctx { mut toks, .. } = cx;
        toks.clear();
        sc.toks = toks;
        sc.norm = norm;
        done
    }
}

/// One analysis under way: the normalised input, its tokens and what the
/// passes have found so far. The passes are methods, one file each: legal
/// forms (`legal`), titles and list order (`titles`), suffixes and regnal
/// numbers (`numbers`), dotted runs and CJK names (`pieces`), kind and tags
/// (`kind`), organisation terms (`org_terms`), rendering (`render`).
struct Ctx<'a> {
    t: &'a Tables,
    /// The NFKC form of the input; the tokens' spans index it.
    s: &'a str,
    /// Reused buffers; the tokens' folded forms index `sc.folds`.
    sc: &'a mut Scratch,
    toks: Vec<Tok>,
    /// Titles, ranks and post-nominals removed, folded.
    titles: Vec<String>,
    /// The kind the caller gave, if any.
    forced: Option<Kind>,
    case: Case,
    /// Read as an organisation's name (a legal form or organisation word,
    /// or the caller's kind).
    is_org: bool,
    /// Written "SURNAME, Given" and reordered given-first.
    list_order: bool,
    /// The Cyrillic convention the name's tokens are folded in.
    style: Option<CyrillicStyle>,
    /// A Chinese or Korean name written family-first.
    east_asian: bool,
}

/// Whole-name casing, for display and the family-name hint.
#[derive(Debug, Clone, Copy, Default)]
struct Case {
    /// Every cased token is in upper case.
    all_upper: bool,
    /// Every cased token is in lower case.
    all_lower: bool,
    /// Some token has a cased letter.
    any_cased: bool,
}

impl Case {
    fn of(toks: &[Tok]) -> Case {
        Case {
            all_upper: toks.iter().all(|x| x.upper || !x.cased),
            all_lower: toks.iter().all(|x| x.lower || !x.cased),
            any_cased: toks.iter().any(|x| x.upper || x.lower),
        }
    }

    /// Whether the name is written all in upper case, and all in lower
    /// case (each only when some letter is cased): the names to recase.
    fn single_case(&self) -> (bool, bool) {
        (
            self.all_upper && self.any_cased,
            self.all_lower && self.any_cased,
        )
    }
}

impl Ctx<'_> {
    /// Folds the Cyrillic tokens again in one language's convention for
    /// the whole name (a Ukrainian name may show its Ukrainian letters in
    /// one word only); chunks come folded in the default convention
    /// (`None`).
    fn refold_cyrillic(&mut self, style: Option<CyrillicStyle>) {
        let (t, s, sc) = (self.t, self.s, &mut *self.sc);
        self.toks.retain_mut(|tok| {
            if s[tok.start..tok.end].bytes().all(|b| b < 0xD0) {
                return true;
            }
            fold_tok(t, s, tok, style, &mut sc.folds);
            tok.particle = tok.word.is(Word::PARTICLE);
            tok.lex = NO_LEX;
            tok.fold.1 > tok.fold.0
        });
    }

    /// Folds the Cyrillic tokens again when the words left in the name
    /// show another convention than the name did before a pass removed
    /// some: a Serbian letter in a bracketed remark or a title that the
    /// name drops says nothing of the name, whose display holds its own
    /// words only and must read as the same name again.
    fn restyle_cyrillic(&mut self) {
        let Some(was) = self.style else {
            // Fewer words cannot show a convention that all of them did not.
            return;
        };
        let style = tokens_style(self.s, self.toks.iter());
        if style != Some(was) {
            self.style = style;
            self.refold_cyrillic(style);
        }
    }
}

/// The Cyrillic convention that `toks` of `s` show, each read as the word
/// it is: the display writes the pieces of a glued word apart ("Иван" of
/// "ГригоренкоИван" has no ending of its own to read).
fn tokens_style<'a>(s: &str, toks: impl Iterator<Item = &'a Tok>) -> Option<CyrillicStyle> {
    let mut style = None;
    for tok in toks {
        let w = &s[tok.start..tok.end];
        if w.bytes().any(|b| b >= 0xD0) {
            style = fold::stronger_style(style, fold::cyrillic_style(w));
        }
    }
    style
}

/// The first of several names written in one field and separated by
/// semicolons ("Mohammad Javad Zolfaghari; Mohammad Jawad Zolfaqari"), as lists
/// write aliases: a name is one name, and the others are the caller's to
/// split off and analyse. The first part with a letter or digit; the whole
/// input if none has one. The characters NFKC reads as a semicolon
/// separate too.
fn first_of_list(input: &str) -> &str {
    const SEMICOLONS: [char; 5] = [';', '\u{37E}', '\u{FE14}', '\u{FE54}', '\u{FF1B}'];
    // A byte scan first: the semicolon, or the first byte of the others'
    // UTF-8 forms (0xCD for U+037E, 0xEF for the rest).
    if !tokens::has_any_byte(input.as_bytes(), &[b';', 0xCD, 0xEF]) || !input.contains(SEMICOLONS) {
        return input;
    }
    input
        .split(SEMICOLONS)
        .find(|x| x.chars().any(char::is_alphanumeric))
        .unwrap_or(input)
}

/// Longest phrase of `map` starting at token `k`, at most `max` tokens.
/// Leaves the matched phrase in `sc.phrase`.
#[inline]
fn match_phrase<'t, V>(
    map: &'t rustc_hash::FxHashMap<Box<str>, V>,
    first: u8,
    max: usize,
    toks: &[Tok],
    k: usize,
    sc: &mut Scratch,
) -> Option<(usize, &'t V)> {
    // Only a phrase's first word (flag `first`) can start it: most words
    // are no phrase's first, and are answered here without a call.
    if !toks[k].word.is(first) {
        return None;
    }
    longest_phrase(map, max, toks, k, sc)
}

/// [`match_phrase`] once token `k` may start a phrase.
fn longest_phrase<'t, V>(
    map: &'t rustc_hash::FxHashMap<Box<str>, V>,
    max: usize,
    toks: &[Tok],
    k: usize,
    sc: &mut Scratch,
) -> Option<(usize, &'t V)> {
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
