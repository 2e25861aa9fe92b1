//! Resolution: many name mentions in, entities out.
//!
//! Mentions are analysed and gathered into distinct names (`names.rs`);
//! an engine (`engine.rs`) places each distinct name on an alias entity, a
//! discovered entity or one of its own, working on an owned resolution
//! state (`state.rs`) that it borrows; the entities then get canonical
//! names, ids and scores (`finish.rs`). The live resolver (`live.rs`) keeps
//! one state across calls. The algorithm is described in DESIGN.md,
//! section *Resolution*.

mod engine;
mod finish;
mod live;
mod names;
#[cfg(feature = "store")]
pub(crate) mod seed;
mod state;

use crate::alias::AliasTable;
use crate::analyze::{Analyzer, Kind};
use crate::compare::MatchConfig;
use crate::index::BlockingIndexBuilder;
use crate::index::{DEFAULT_MAX_CANDIDATES, DEFAULT_MAX_POSTINGS};
use engine::Engine;
use live::Live;
use serde::ser::{SerializeStruct, Serializer};
use serde::{Deserialize, Serialize};
use state::State;
use std::sync::Arc;

const NONE: u32 = u32::MAX;

/// At most this many candidate entities (those sharing the most key
/// weight) are compared with one distinct name.
const MAX_COMPARED: usize = 32;

/// The best this many candidates are compared whatever their key weight.
const MIN_COMPARED: usize = 4;

/// Inputs at least this long are analysed on two threads.
const PARALLEL_MIN: usize = 20_000;

/// One occurrence of a name: the name as written, and optionally an id of
/// your own, the document it occurs in, and its kind when known.
///
/// ```
/// use canonym::{Kind, Mention};
///
/// let m = Mention::new("Brig. Gen. Patrick Karuretwa").doc("001").kind(Kind::Person);
/// assert_eq!(m.doc.as_deref(), Some("001"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Mention {
    /// An id of your own, carried through untouched.
    #[serde(default)]
    pub id: Option<String>,
    /// The name as written.
    pub name: String,
    /// The document the mention occurs in: short names are resolved within
    /// their document first.
    #[serde(default)]
    pub doc: Option<String>,
    /// The kind, when known; inferred from the name otherwise.
    #[serde(default)]
    pub kind: Option<Kind>,
}

impl Mention {
    /// A mention of `name` with no id, document or kind.
    pub fn new(name: impl Into<String>) -> Mention {
        Mention {
            name: name.into(),
            ..Mention::default()
        }
    }

    /// Sets the document.
    pub fn doc(mut self, doc: impl Into<String>) -> Mention {
        self.doc = Some(doc.into());
        self
    }

    /// Sets the id.
    pub fn id(mut self, id: impl Into<String>) -> Mention {
        self.id = Some(id.into());
        self
    }

    /// Sets the kind.
    pub fn kind(mut self, kind: Kind) -> Mention {
        self.kind = Some(kind);
        self
    }
}

/// Where one mention was resolved to.
///
/// It serializes as `{"entity", "canonical", "score", "ambiguous"}`, the
/// score rounded to four decimals; [`Assignment::of`] adds the mention.
#[derive(Debug, Clone, PartialEq)]
pub struct Assignment {
    /// The entity's id and canonical name, shared by its assignments.
    label: Arc<Label>,
    index: u32,
    score: f64,
    ambiguous: bool,
}

/// An entity's id and canonical name, as its assignments carry them.
#[derive(Debug, Clone, PartialEq)]
struct Label {
    entity: Box<str>,
    canonical: Box<str>,
}

impl Label {
    fn new(entity: &str, canonical: &str) -> Arc<Label> {
        Arc::new(Label {
            entity: entity.into(),
            canonical: canonical.into(),
        })
    }
}

impl Assignment {
    /// The entity's id.
    pub fn entity(&self) -> &str {
        &self.label.entity
    }

    /// The entity's canonical name.
    pub fn canonical(&self) -> &str {
        &self.label.canonical
    }

    /// The entity's index in [`Resolution::entities`] (for an assignment
    /// from [`Resolver::add`], in the live resolver's entities).
    pub fn index(&self) -> usize {
        self.index as usize
    }

    /// The comparison score of the mention's name with the canonical name
    /// (1 for the same key).
    pub fn score(&self) -> f64 {
        self.score
    }

    /// Whether the mention could belong to several entities (or to one it
    /// was not allowed to join) and was left on an entity of its own.
    pub fn is_ambiguous(&self) -> bool {
        self.ambiguous
    }

    /// This assignment as the one of a mention with id `id` and name
    /// `name`: what `canonym resolve` writes per mention.
    ///
    /// ```
    /// use canonym::{Mention, Resolver};
    ///
    /// let mentions = [Mention::new("Ada Lovelace"), Mention::new("A. Lovelace")];
    /// let r = Resolver::new().resolve(&mentions);
    /// let json = serde_json::to_string(&r.assignments()[1].of("2", &mentions[1].name)).unwrap();
    /// assert!(json.starts_with(r#"{"id":"2","name":"A. Lovelace","entity":"#));
    /// ```
    pub fn of<'a>(&'a self, id: &'a str, name: &'a str) -> AssignedMention<'a> {
        AssignedMention {
            id,
            name,
            assignment: self,
        }
    }

    fn fields<S: SerializeStruct>(&self, st: &mut S) -> Result<(), S::Error> {
        st.serialize_field("entity", self.entity())?;
        st.serialize_field("canonical", self.canonical())?;
        st.serialize_field("score", &((self.score * 10_000.0).round() / 10_000.0))?;
        st.serialize_field("ambiguous", &self.ambiguous)
    }
}

impl Serialize for Assignment {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Assignment", 4)?;
        self.fields(&mut st)?;
        st.end()
    }
}

/// A mention's id and name with its [`Assignment`]; see [`Assignment::of`].
///
/// It serializes as one flat object: `{"id", "name", "entity",
/// "canonical", "score", "ambiguous"}`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AssignedMention<'a> {
    /// The mention's id.
    pub id: &'a str,
    /// The mention's name as written.
    pub name: &'a str,
    /// Where it was resolved to.
    pub assignment: &'a Assignment,
}

impl Serialize for AssignedMention<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("AssignedMention", 6)?;
        st.serialize_field("id", self.id)?;
        st.serialize_field("name", self.name)?;
        self.assignment.fields(&mut st)?;
        st.end()
    }
}

/// One entity of a [`Resolution`].
///
/// It serializes as `{"entity", "canonical", "kind", "names", "count"}`,
/// the id written as `entity` (what `canonym resolve --entities` writes);
/// deserializing accepts `id` too.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ResolvedEntity {
    /// The alias table's id, or a slug of the canonical name.
    #[serde(rename = "entity", alias = "id")]
    pub id: String,
    /// The canonical name.
    pub canonical: String,
    /// Person, organisation or unknown.
    pub kind: Kind,
    /// The distinct display forms of its mentions, most frequent first.
    pub names: Vec<String>,
    /// The number of mentions.
    pub count: usize,
    /// The entity's index in the alias table, when it came from there.
    /// Not serialized: it means something only next to that table.
    #[serde(skip)]
    pub alias: Option<usize>,
}

/// The result of resolving mentions: one [`Assignment`] per mention, in
/// input order, and the entities.
#[derive(Debug, Clone, Default)]
pub struct Resolution {
    assignments: Vec<Assignment>,
    entities: Vec<ResolvedEntity>,
    /// The resolution state's entity of each entity.
    #[cfg_attr(not(feature = "store"), allow(dead_code))]
    ents: Vec<u32>,
}

impl Resolution {
    /// One assignment per mention, in input order.
    pub fn assignments(&self) -> &[Assignment] {
        &self.assignments
    }

    /// The entities with at least one mention: alias entities in table
    /// order, then discovered entities in processing order.
    pub fn entities(&self) -> &[ResolvedEntity] {
        &self.entities
    }

    /// The entity of mention `i`.
    ///
    /// # Panics
    ///
    /// If `i` is not below the number of mentions resolved;
    /// [`Resolution::get_entity_of`] returns `None` instead.
    pub fn entity_of(&self, i: usize) -> &ResolvedEntity {
        &self.entities[self.assignments[i].index()]
    }

    /// The entity of mention `i`, or `None` if there is no mention `i`.
    pub fn get_entity_of(&self, i: usize) -> Option<&ResolvedEntity> {
        let a = self.assignments.get(i)?;
        self.entities.get(a.index())
    }

    /// The mention indices of every entity, in entity order.
    pub fn clusters(&self) -> Vec<Vec<usize>> {
        let mut out = vec![Vec::new(); self.entities.len()];
        for (i, a) in self.assignments.iter().enumerate() {
            out[a.index()].push(i);
        }
        out
    }
}

/// Configures a [`Resolver`].
///
/// ```
/// use canonym::{AliasTableBuilder, MatchConfig, Resolver};
///
/// let aliases = AliasTableBuilder::new()
///     .add_csv("t.csv", "id,name,aliases\nm6,Mohammed VI,King Mohammed VI\n", b',')?
///     .build()?;
/// let resolver = Resolver::builder()
///     .aliases(aliases)
///     .config(MatchConfig::new(0.85)?)
///     .build();
/// # Ok::<(), canonym::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct ResolverBuilder {
    aliases: Arc<AliasTable>,
    config: MatchConfig,
    analyzer: Analyzer,
    max_postings: usize,
    max_candidates: usize,
    threads: usize,
}

impl Default for ResolverBuilder {
    fn default() -> Self {
        ResolverBuilder::new()
    }
}

impl ResolverBuilder {
    /// A builder with no alias table, the default [`MatchConfig`], the
    /// bundled analyser and the default blocking caps.
    pub fn new() -> ResolverBuilder {
        ResolverBuilder {
            aliases: Arc::new(AliasTable::empty()),
            config: MatchConfig::default(),
            analyzer: Analyzer::new(),
            max_postings: DEFAULT_MAX_POSTINGS,
            max_candidates: DEFAULT_MAX_CANDIDATES,
            threads: 2,
        }
    }

    /// Known entities to resolve against first.
    pub fn aliases(&mut self, aliases: AliasTable) -> &mut Self {
        self.aliases = Arc::new(aliases);
        self
    }

    /// The comparison configuration (threshold and costs).
    pub fn config(&mut self, config: MatchConfig) -> &mut Self {
        self.config = config;
        self
    }

    /// The analyser for mentions.
    pub fn analyzer(&mut self, analyzer: Analyzer) -> &mut Self {
        self.analyzer = analyzer;
        self
    }

    /// The blocking index's cap on one key's posting list (default
    /// [`DEFAULT_MAX_POSTINGS`]); 0 counts as 1, as in
    /// [`BlockingIndexBuilder::max_postings`].
    pub fn max_postings(&mut self, n: usize) -> &mut Self {
        self.max_postings = n.max(1);
        self
    }

    /// The blocking index's cap on the candidates of one query (default
    /// [`DEFAULT_MAX_CANDIDATES`]); 0 counts as 1, as in
    /// [`BlockingIndexBuilder::max_candidates`].
    pub fn max_candidates(&mut self, n: usize) -> &mut Self {
        self.max_candidates = n.max(1);
        self
    }

    /// The most threads that resolving a large input may use (default 2).
    ///
    /// Resolution uses two threads at most, so any value above 2 works as
    /// 2; 0 counts as 1. With two, a large input is analysed in two halves,
    /// its complete names are placed looking ahead on both threads
    /// (without an alias table), its short names decided on both and its
    /// entities named (canonical names, scores) on both; the result is the
    /// same, bit for bit, as with one.
    pub fn threads(&mut self, n: usize) -> &mut Self {
        self.threads = n.clamp(1, 2);
        self
    }

    /// The analyser and configuration set so far.
    #[cfg(feature = "store")]
    pub(crate) fn analysis(&self) -> (&Analyzer, MatchConfig) {
        (&self.analyzer, self.config)
    }

    /// Builds the resolver.
    pub fn build(&self) -> Resolver {
        let settings = Settings {
            aliases: Arc::clone(&self.aliases),
            config: self.config,
            analyzer: self.analyzer.clone(),
            index: {
                let mut b = BlockingIndexBuilder::new();
                b.max_postings(self.max_postings)
                    .max_candidates(self.max_candidates);
                b
            },
            threads: self.threads,
        };
        Resolver {
            live: None,
            settings: Arc::new(settings),
        }
    }
}

struct Settings {
    aliases: Arc<AliasTable>,
    config: MatchConfig,
    analyzer: Analyzer,
    index: BlockingIndexBuilder,
    threads: usize,
}

/// Resolves mentions to entities, in one batch ([`Resolver::resolve`]) or
/// one mention at a time ([`Resolver::add`], then [`Resolver::finish`]).
///
/// # Algorithm
///
/// Deterministic, independent of input order, and without chaining: a name
/// joins an entity only when it matches at least one of the names that
/// define the entity (its complete names) and is compatible with *every*
/// one of them: no hard conflict (different numbers, lineage places,
/// initials, patronymics or known given names, person vs organisation) and
/// a score of at least 0.25 at the default threshold for a complete name;
/// a score within 0.15 of the threshold for a short name, which says less.
/// So no name shares an entity with a complete name it conflicts with,
/// and no short name joins through a name it alone resembles ("J. Smith"
/// matches both "John Smith" and "Jane Smith", and glues neither to the
/// other). Alias-table entities come
/// first; complete names (two or more main parts, or a regnal number)
/// cluster most complete first; short names ("Asif", "J. Smith") are
/// decided per document, and join an entity across documents only when
/// they are distinctive. Candidates come from a [`BlockingIndex`] of the
/// entities' keys, so the work per distinct name is bounded. Each step is
/// described in DESIGN.md, section *Resolution*.
///
/// [`BlockingIndex`]: crate::BlockingIndex
///
/// # Example
///
/// ```
/// use canonym::{Mention, Resolver};
///
/// let mentions = [
///     Mention::new("Defence Minister Khawaja Muhammad Asif").doc("002"),
///     Mention::new("Khawaja Asif").doc("002"),
///     Mention::new("Asif").doc("002"),
///     Mention::new("King Mohammed VI").doc("001"),
///     Mention::new("Mohammed V").doc("002"),
/// ];
/// let resolution = Resolver::new().resolve(&mentions);
/// let a = resolution.assignments();
/// assert_eq!(a[0].entity(), "khawaja-muhammad-asif");
/// assert_eq!(a[1].entity(), a[0].entity());
/// assert_eq!(a[2].entity(), a[0].entity());
/// assert_ne!(a[3].entity(), a[4].entity());
/// assert_eq!(resolution.entities().len(), 3);
/// assert_eq!(resolution.entities()[0].canonical, "Khawaja Muhammad Asif");
/// ```
#[derive(Debug, Clone)]
pub struct Resolver {
    settings: Arc<Settings>,
    live: Option<Box<Live>>,
}

impl Default for Resolver {
    fn default() -> Self {
        Resolver::new()
    }
}

impl Resolver {
    /// A resolver with no alias table and the default configuration.
    pub fn new() -> Resolver {
        ResolverBuilder::new().build()
    }

    /// A builder.
    pub fn builder() -> ResolverBuilder {
        ResolverBuilder::new()
    }

    /// Resolves a batch of mentions. The result does not depend on the
    /// order of `mentions` (up to the order of the assignments, which
    /// follows the input). Does not touch the live state of
    /// [`Resolver::add`].
    pub fn resolve(&self, mentions: &[Mention]) -> Resolution {
        let s = &*self.settings;
        let names::Analysed {
            groups,
            keys,
            mention_group,
            mention_doc,
        } = names::analyse_all(s, mentions);
        // A batch looks distinct names up by identity only while gathering
        // them.
        drop(keys);
        let mut state = State::new(s, groups, names::GroupKeys::default());
        let mut engine = Engine::new(s, &mut state);
        engine.place_all(&mention_group, &mention_doc);
        engine.release_search();
        let labelled = engine.label(&mention_group, &mention_doc, None);
        // The distinct names are not needed to assign the mentions.
        drop(state);
        labelled.assign(&mention_group)
    }

    /// Resolves one more mention against what the live resolver has seen,
    /// greedily, with the same rules as [`Resolver::resolve`] applied in
    /// arrival order. Ids and canonical names of discovered entities are
    /// provisional until [`Resolver::finish`].
    ///
    /// ```
    /// use canonym::{Mention, Resolver};
    ///
    /// let mut r = Resolver::new();
    /// let a = r.add(Mention::new("Abdellatif Loudiyi").doc("000"));
    /// let b = r.add(Mention::new("Abdeltif Loudyi").doc("001"));
    /// assert_eq!(a.entity(), b.entity());
    /// let resolution = r.finish();
    /// assert_eq!(resolution.entities().len(), 1);
    /// ```
    pub fn add(&mut self, mention: Mention) -> Assignment {
        let settings = Arc::clone(&self.settings);
        let live = self
            .live
            .get_or_insert_with(|| Box::new(Live::new(&settings)));
        live.add(mention)
    }

    /// Resolves every mention given to [`Resolver::add`] as one batch (the
    /// same result as [`Resolver::resolve`] on them) and resets the live
    /// state.
    pub fn finish(&mut self) -> Resolution {
        match self.live.take() {
            Some(live) => self.resolve(&live.mentions),
            None => Resolution::default(),
        }
    }
}

impl std::fmt::Debug for Settings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Settings")
            .field("aliases", &self.aliases.len())
            .field("config", &self.config)
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn partition(r: &Resolution) -> Vec<Vec<usize>> {
        let mut c = r.clusters();
        c.sort();
        c
    }

    #[test]
    fn namesakes_on_short_names_stay_apart() {
        let m = [
            Mention::new("Mohamed Salah").doc("a"),
            Mention::new("Mohamed Morsi").doc("b"),
            Mention::new("Mohamed").doc("c"),
            Mention::new("John Smith").doc("a"),
            Mention::new("Jane Smith").doc("b"),
            Mention::new("Smith").doc("c"),
        ];
        let r = Resolver::new().resolve(&m);
        assert_eq!(r.entities().len(), 6);
        assert!(!r.assignments()[0].is_ambiguous());
        assert!(r.assignments()[5].is_ambiguous());
    }

    #[test]
    fn complete_name_joins_through_one_representative_without_conflict() {
        // "Alireza Yazdani" matches the full name but not the form without
        // the surname (0.45): it joins, since it conflicts with neither.
        let m = [
            Mention::new("Ali Reza Sadeghi Yazdani"),
            Mention::new("Ali Reza Sadeghi"),
            Mention::new("Alireza Yazdani"),
            Mention::new("Ahmad Reza Sadeghi Yazdani"),
        ];
        let r = Resolver::new().resolve(&m);
        let e: Vec<usize> = r.assignments().iter().map(|a| a.index()).collect();
        assert_eq!(e[0], e[1]);
        assert_eq!(e[0], e[2]);
        assert_ne!(e[0], e[3], "two different known given names");
    }

    #[test]
    fn hard_conflict_with_one_representative_keeps_a_name_out() {
        // The second patronymic matches "Ivan Sorokin Belov" (0.87) but
        // names another father than the entity's full name.
        let m = [
            Mention::new("Ivan Petrovich Sorokin Belov"),
            Mention::new("Ivan Sorokin Belov"),
            Mention::new("Ivan Pavlovich Sorokin"),
        ];
        let r = Resolver::new().resolve(&m);
        let e: Vec<usize> = r.assignments().iter().map(|a| a.index()).collect();
        assert_eq!(e[0], e[1]);
        assert_ne!(e[0], e[2]);
    }

    #[test]
    fn distinctive_short_name_joins_its_only_entity() {
        let m = [
            Mention::new("Juvénal Marizamunda").doc("a"),
            Mention::new("Marizamunda").doc("b"),
        ];
        let r = Resolver::new().resolve(&m);
        assert_eq!(r.entities().len(), 1);
        assert_eq!(r.entities()[0].canonical, "Juvénal Marizamunda");
        assert_eq!(r.entities()[0].id, "juvenal-marizamunda");
    }

    #[test]
    fn incremental_finish_equals_batch() {
        let m = [
            Mention::new("Abdellatif Loudiyi").doc("000"),
            Mention::new("Loudyi").doc("001"),
            Mention::new("Abdeltif Loudyi").doc("001"),
        ];
        let mut r = Resolver::new();
        for x in &m {
            r.add(x.clone());
        }
        let live = r.finish();
        let batch = Resolver::new().resolve(&m);
        assert_eq!(partition(&live), partition(&batch));
        assert_eq!(live.entities(), batch.entities());
    }
}
