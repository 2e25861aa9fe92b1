//! Name extraction: finding person and organisation mentions in running
//! English news text.
//!
//! [`Extractor::find`] scans a text once and reports every mention it can
//! justify, as byte spans into the text. The steps follow the data:
//!
//! 1. **Tokens.** Words with their byte offsets and what separates them
//!    (space, hyphen, comma, sentence break); glued camel-case words split
//!    ("AbdellatifLoudyi", "betweenDefence"); possessives ("Rwanda's", and
//!    "Rwanda 's" as tokenised corpora write it) marked; URLs and e-mail
//!    addresses skipped, and so are headlines in title case ("Morocco,
//!    Rwanda Sign Defence Pact"), but not results, list or "Minister -
//!    Name" lines; ALL-CAPS words (datelines, acronyms, wire headlines)
//!    never part of a name on their own.
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
//!    "said"/"told", a possessive place ("Hungary's Viktor Orbán"), a
//!    country in brackets after it ("Maria Kovalenko ( Ukraine ) 12.92"),
//!    "NAME of PLACE" ("Obadele Tamsin of Barbados"), or a known given
//!    name first; a given name that is also a common word, a title or a
//!    month ("Will", "Des", "Dean", "Jan") counts before a capitalised
//!    family name. In a horse-racing result ("1. Silver Arrow ( ridden by
//!    Paul Hanley ) 9-2") the horse is no person and the jockey in the
//!    bracket is one. A single word (a surname alone) is a
//!    person after a formal title ("Mr Okafor"), before an age ("Okafor,
//!    21,"), after "said" ("said Okafor, the…"), between a cricket card's
//!    marks ("K. Patel c Moore b Iqbal"), before bowling figures ("Hartley
//!    8-0-39-3"), on a placing line with a country in brackets ("4.
//!    Karlsson ( Sweden )"), as a scorer with the minute ("( Suker 23 ,
//!    …", "Bolton - McGinlay 12 , 45 , Blake 80 ."; also after capitalised
//!    particles: "Van der Berg 40"), or as a
//!    given name after a role or a relative ("his wife, Janet,"; "two
//!    sons, Paolo and Marco"). Two words whose second has a family-name
//!    ending of one naming tradition ("Ottorino Sacchetti") are a person;
//!    so are names with initials written together ("M.L. Carrington").
//!    The items of a list line ("Rovers : Given , Breen , Murphy , Doyle")
//!    are persons, even a capitalised stopword never written in lower case
//!    in the document ("Given"); so are a team sheet's substitutes with the
//!    minute in brackets ("Zhelev ( 46th Angelov ) ,") and its numbered
//!    players ("15 - Gwyn Llewellin , 14 - …"). A name before an event
//!    noun ("the Pilot Pen tournament") is a sponsor's, not a person's.
//!    Places, nationalities, stopwords, weekdays, months, feature and event
//!    words ("Hyde Park", "Grand Prix"; not the Korean family name in "Park
//!    Sung-ho"), organisations (organisation words, legal forms, well-known
//!    company names and sports teams, also at the end of a run: "Chicago
//!    White Sox"; sports clubs by a club word before or after a town:
//!    "Spartak Moscow", "Red Star Belgrade", "Leicester City") are never
//!    persons; organisations are reported with [`Kind::Org`].
//! 5. **Back-references.** A second pass over the document marks runs that
//!    repeat part of a person found in the first pass ("Nyakarundi" after
//!    "Maj. Gen. Vincent Nyakarundi", "Von der Leyen" after "Ursula von der
//!    Leyen"), the same words in a line written in capitals ("GOLF -
//!    LINDQVIST TAKES LEAD" after "Erik Lindqvist"; a family name that is
//!    also a place or common word only beside another person of the line:
//!    "O'DWYER AND WEST"), and a family name in
//!    the plural: "the Harringtons" after "Edward Harrington" is a person
//!    mention (the family's members), reported as written; a plural with
//!    no person of that name in the document ("the Yankees") is not.
//!
//! Every step is linear in the length of the text.

use crate::analyze::{Analyzer, Kind};
use crate::error::Error;
use crate::resolve::{Mention, Resolution, Resolver};
use gazetteer::Gazetteer;
use lexicon::{Lexicon, LEXICON};
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};
use std::cell::Cell;
use std::sync::{Arc, RwLock};

mod decide;
mod gazetteer;
mod lexicon;
mod runs;
mod scan;
mod titles;

use decide::State;
use runs::build_runs;
use scan::{lower_words, tokenize};
use titles::mark_titles;

/// The longest run of capitalised words considered as one candidate name;
/// longer runs are cut. Keeps the work per word bounded.
pub const MAX_RUN: usize = 12;

/// One mention found in a text.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
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

/// One document to extract names from.
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
pub struct Document<'a> {
    /// The document's id (a file name, say), used as resolution context.
    pub id: &'a str,
    /// The text.
    pub text: &'a str,
}

/// One mention found in a document and resolved to an entity. Serialised,
/// it is one record of `canonym extract --format jsonl`: `doc`, `start`,
/// `end`, `text`, `kind`, `entity`, `canonical`; the document's index, the
/// name resolved and the titles are not written (and are their defaults
/// when read back).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExtractedMention {
    /// The id of the document the mention is in ([`Document::id`]).
    pub doc: String,
    /// Byte offset of the mention's first character in the document.
    pub start: usize,
    /// Byte offset just past the mention's last character.
    pub end: usize,
    /// The mention exactly as written ([`Found::text`]).
    pub text: String,
    /// Person or organisation, as the text says ([`Found::kind`]).
    pub kind: Kind,
    /// The id of the entity the mention resolves to.
    pub entity: String,
    /// The canonical name of that entity.
    pub canonical: String,
    /// The index of the document in the input.
    #[serde(skip)]
    pub doc_index: usize,
    /// The name resolved ([`Found::name`]).
    #[serde(skip)]
    pub name: String,
    /// The titles written just before the mention ([`Found::titles`]).
    #[serde(skip)]
    pub titles: Vec<String>,
}

/// The mentions of a set of documents and the entities they resolve to.
#[derive(Debug, Clone)]
pub struct Extraction {
    mentions: Vec<ExtractedMention>,
    resolution: Resolution,
}

/// Builds an [`Extractor`].
///
/// ```
/// use canonym::{Extractor, Kind};
///
/// let ex = Extractor::builder()
///     .gazetteer([("Abdellatif Loudiyi".to_string(), Kind::Person)])
///     .build()?;
/// let found = ex.find("Talks with ABDELLATIF LOUDIYI ended.");
/// assert_eq!(found[0].text, "ABDELLATIF LOUDIYI");
/// # Ok::<(), canonym::Error>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct ExtractorBuilder {
    gazetteer: Vec<(String, Kind)>,
    analyzer: Option<Analyzer>,
    fuzzy: Option<bool>,
    threads: usize,
}

impl ExtractorBuilder {
    /// A builder with no gazetteer and the bundled tables.
    pub fn new() -> ExtractorBuilder {
        ExtractorBuilder::default()
    }

    /// Adds known names (aliases) with their kinds. They are found
    /// wherever they occur, whatever their case and diacritics, and always
    /// win over the other cues. May be called more than once.
    pub fn gazetteer(&mut self, names: impl IntoIterator<Item = (String, Kind)>) -> &mut Self {
        self.gazetteer.extend(names);
        self
    }

    /// Uses `analyzer` instead of the default one: the text is read with
    /// its tables (titles, particles, legal forms, organisation words,
    /// places, nationalities, stopwords, known organisations, given names),
    /// bundled and added at run time alike.
    pub fn analyzer(&mut self, analyzer: Analyzer) -> &mut Self {
        self.analyzer = Some(analyzer);
        self
    }

    /// Whether capitalised candidates close to a gazetteer name (by
    /// [`compare`](crate::compare)) count as that name's kind. On by
    /// default when a gazetteer is given.
    pub fn fuzzy(&mut self, yes: bool) -> &mut Self {
        self.fuzzy = Some(yes);
        self
    }

    /// The most threads that searching a large batch of documents may use;
    /// 0 (the default) means one per available core. A batch smaller than
    /// a few hundred kilobytes, or of fewer documents than threads, uses
    /// fewer. The result does not depend on the number.
    pub fn threads(&mut self, n: usize) -> &mut Self {
        self.threads = n;
        self
    }

    /// Builds the extractor.
    ///
    /// # Errors
    ///
    /// An error of kind [`ErrorKind::Invalid`] when the gazetteer's
    /// automaton cannot be built (its names are too many or too long).
    ///
    /// [`ErrorKind::Invalid`]: crate::ErrorKind::Invalid
    pub fn build(&self) -> Result<Extractor, Error> {
        let analyzer = self.analyzer.clone().unwrap_or_default();
        let gazetteer = Gazetteer::build(&self.gazetteer, &analyzer)?;
        Ok(Extractor::with(
            analyzer,
            gazetteer,
            self.fuzzy.unwrap_or(true),
            self.threads,
        ))
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
    /// The most threads `find_all` uses; 0: one per core.
    threads: usize,
    /// Folded word → whether the analyser knows it as a given name; shared
    /// by every call, cleared when it reaches [`GIVEN_CACHE_MAX`] words.
    given: RwLock<FxHashMap<Box<str>, bool>>,
    /// Run text → the kind of the gazetteer name close to it, if any;
    /// shared by every call, cleared when it reaches [`GIVEN_CACHE_MAX`]
    /// runs.
    fuzzy_cache: RwLock<FxHashMap<Box<str>, Option<Kind>>>,
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

impl Extractor {
    /// An extractor with the bundled tables and no gazetteer.
    pub fn new() -> Extractor {
        Extractor::with(Analyzer::default(), None, true, 0)
    }

    fn with(
        analyzer: Analyzer,
        gazetteer: Option<Gazetteer>,
        fuzzy: bool,
        threads: usize,
    ) -> Extractor {
        let lexicon = if analyzer.is_default() {
            Arc::clone(&LEXICON)
        } else {
            Arc::new(Lexicon::load(analyzer.tables()))
        };
        Extractor {
            inner: Arc::new(Inner {
                analyzer,
                lexicon,
                gazetteer,
                fuzzy,
                threads,
                given: RwLock::default(),
                fuzzy_cache: RwLock::default(),
            }),
        }
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
            out: Vec::with_capacity(runs.len() / 2),
            taken: vec![false; doc.toks.len()],
            lists: FxHashMap::default(),
            line_starts: Vec::new(),
            memo: vec![Cell::new(0); doc.toks.len()],
        };
        state.gazetteer_hits();
        let mut pending: Vec<(usize, usize)> = Vec::with_capacity(runs.len() / 2);
        let mut k = 0;
        while k < runs.len() {
            let (s, e) = runs[k];
            k += 1;
            if state.taken[s..e].iter().any(|&t| t) {
                continue;
            }
            // A ranked result's name before its country ("2. Jan Novak
            // Czech Republic 86.98"), which would read as an organisation.
            if let Some(end) = state.ranked_before_country(s, e) {
                state.push(s, end, Kind::Person);
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

impl Extraction {
    /// Every mention, document by document, in text order.
    pub fn mentions(&self) -> &[ExtractedMention] {
        &self.mentions
    }

    /// The resolution: `assignments()[i]` is the entity of `mentions()[i]`
    /// (whose `entity` and `canonical` it gave).
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
        let (found, inputs) = self.mentions(docs);
        let resolution = resolver.resolve(&inputs);
        Self::assemble(docs, found, resolution)
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
    ) -> Result<Extraction, Error> {
        let (found, inputs) = self.mentions(docs);
        let resolution = store.resolve(resolver, &inputs)?;
        Ok(Self::assemble(docs, found, resolution))
    }

    /// The names found in `docs` with their document's index, and the same
    /// names as mentions to resolve.
    fn mentions(&self, docs: &[Document<'_>]) -> (Vec<(usize, Found)>, Vec<Mention>) {
        let mut found_all = Vec::new();
        let mut inputs = Vec::new();
        for (i, (d, found)) in docs.iter().zip(self.find_all(docs)).enumerate() {
            for found in found {
                let mut m = Mention::new(found.name.clone()).doc(d.id);
                if found.kind != Kind::Unknown {
                    m = m.kind(found.kind);
                }
                inputs.push(m);
                found_all.push((i, found));
            }
        }
        (found_all, inputs)
    }

    /// The extracted mentions: each name found with where it resolved to.
    fn assemble(
        docs: &[Document<'_>],
        found: Vec<(usize, Found)>,
        resolution: Resolution,
    ) -> Extraction {
        let mentions = found
            .into_iter()
            .zip(resolution.assignments())
            .map(|((i, f), a)| ExtractedMention {
                doc: docs[i].id.to_string(),
                start: f.start,
                end: f.end,
                text: f.text,
                kind: f.kind,
                entity: a.entity().to_string(),
                canonical: a.canonical().to_string(),
                doc_index: i,
                name: f.name,
                titles: f.titles,
            })
            .collect();
        Extraction {
            mentions,
            resolution,
        }
    }

    /// [`find`](Extractor::find) on every document, in order: on several
    /// threads when there is enough text, each taking a contiguous share of
    /// the documents.
    fn find_all(&self, docs: &[Document<'_>]) -> Vec<Vec<Found>> {
        let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
        let threads = match self.inner.threads {
            0 => std::thread::available_parallelism().map_or(1, |n| n.get()),
            n => n,
        };
        let threads = threads.min(docs.len()).min(bytes / PARALLEL_MIN_BYTES);
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

#[cfg(test)]
mod tests;
