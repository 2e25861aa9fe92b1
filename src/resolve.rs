//! Resolution: many name mentions in, entities out.
//!
//! The algorithm, step by step, is documented on [`Resolver`].

use crate::alias::AliasTable;
use crate::analyze::{Analyzer, Kind, Name, Tag};
use crate::compare::{compare_with, MatchConfig};
use crate::index::{blocking_keys, BlockingIndex, BlockingIndexBuilder};
use crate::index::{DEFAULT_MAX_CANDIDATES, DEFAULT_MAX_POSTINGS};
use rustc_hash::{FxHashMap, FxHashSet};
use serde::ser::{SerializeStruct, Serializer};
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;
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
    entity: Arc<str>,
    canonical: Arc<str>,
    index: usize,
    score: f64,
    ambiguous: bool,
}

impl Assignment {
    /// The entity's id.
    pub fn entity(&self) -> &str {
        &self.entity
    }

    /// The entity's canonical name.
    pub fn canonical(&self) -> &str {
        &self.canonical
    }

    /// The entity's index in [`Resolution::entities`] (for an assignment
    /// from [`Resolver::add`], in the live resolver's entities).
    pub fn index(&self) -> usize {
        self.index
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
        &self.entities[self.assignments[i].index]
    }

    /// The entity of mention `i`, or `None` if there is no mention `i`.
    pub fn get_entity_of(&self, i: usize) -> Option<&ResolvedEntity> {
        let a = self.assignments.get(i)?;
        self.entities.get(a.index)
    }

    /// The mention indices of every entity, in entity order.
    pub fn clusters(&self) -> Vec<Vec<usize>> {
        let mut out = vec![Vec::new(); self.entities.len()];
        for (i, a) in self.assignments.iter().enumerate() {
            out[a.index].push(i);
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

    /// The most threads that analysing a large input may use (default 2).
    ///
    /// Analysis splits a large input in two halves at most, so any value
    /// above 2 works as 2; 0 counts as 1. Comparison and clustering run
    /// on the calling thread whatever the value.
    pub fn threads(&mut self, n: usize) -> &mut Self {
        self.threads = n.clamp(1, 2);
        self
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
/// The algorithm is deterministic and does not chain: pairwise name
/// consistency is not transitive ("J. Smith" matches both "John Smith" and
/// "Jane Smith"), so a name joins an entity only when it is consistent with
/// *every* name that defines the entity.
///
/// 1. Every mention is analysed; mentions with the same analysed key and
///    kind are one *distinct name* (analysis runs on two threads for large
///    inputs).
/// 2. Alias-table entities come first. A name equal (by key) to an alias
///    belongs to that alias's entity; an alias shared by several entities
///    makes the name ambiguous: it gets an entity of its own and is marked
///    so. A *complete* name (below) with no exact alias is looked up
///    fuzzily; the best entity at or above the threshold wins, and two
///    entities within a small margin make it ambiguous in the same way.
/// 3. The remaining complete names — two or more main parts (given, family,
///    word), or a regnal number — cluster among themselves, most complete
///    first (main parts plus one for a regnal number, then length, then
///    frequency, then key: an order that does not depend on the input
///    order). A name joins an entity only if it matches every
///    representative of that entity; among several such entities the best
///    mean score wins (ties by creation order). Otherwise it founds a new
///    entity. Either way it becomes a representative.
/// 4. Short names (one main part: "Asif", "J. Smith") are decided per
///    document. If exactly one entity with a complete mention in the same
///    document is compatible with the short name (it matches every
///    representative; for an alias entity, any of its names), the short
///    name joins it: this is how a surname-only "Asif" joins "Khawaja
///    Muhammad Asif" of its own article. Otherwise, across all entities
///    (through the blocking index): exactly one compatible entity is joined
///    only when the short name is *distinctive* — its part is not a known
///    given or family name of the variant tables (a rare surname such as
///    "Marizamunda" is, a "Mohamed" or "Smith" is not), or it carries
///    initials that fit ("F. Castro" fits Fidel Castro, not Raúl). A short name that
///    could belong to one or more entities but joins none is marked
///    ambiguous. Short names that join nothing get one entity per distinct
///    name: a bare "Mohamed" never glues different Mohameds together.
/// 5. The canonical name of a discovered entity is its best-formed
///    variant: a Latin-script form if there is one; most main parts; then a
///    form not written all in capitals or
///    all in lower case; then one with diacritics (Juvénal over Juvenal);
///    then the most frequent; then the first in lexicographic order.
/// 6. Ids: alias entities keep their ids; discovered entities get a slug of
///    the canonical name (`abdellatif-loudiyi`), with `-2`, `-3`… for
///    collisions in processing order.
/// 7. Each mention's score is its comparison with the entity's canonical
///    name (1 for the same key).
///
/// Candidates come from a [`BlockingIndex`] of the representatives' keys,
/// ranked by the weight of the keys they share with the name (rare keys
/// weigh more; see [`BlockingIndex`]). The best four are compared, then those
/// sharing at least half the best one's weight, at most 32 in all; a short
/// name's search across all entities stops as soon as its decision is
/// settled, and is not made at all when its document settles it. The work
/// per distinct name is bounded by these caps and the index's, not by the
/// number of mentions.
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
        let an = analyse_all(s, mentions);
        let mut engine = Engine::new(s, an.groups, an.keys);
        engine.run(&an.mention_group, &an.mention_doc)
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

/// One distinct name: an analysed representative and its display variants.
#[derive(Debug, Clone)]
struct Group {
    name: Name,
    count: u32,
    variants: Vec<Variant>,
    /// Main parts plus one for a regnal number.
    complete: u8,
}

#[derive(Debug, Clone)]
struct Variant {
    display: Box<str>,
    count: u32,
    well_cased: bool,
}

impl Group {
    fn main_parts(name: &Name) -> u8 {
        name.parts().filter(|p| p.tag().is_main()).count() as u8
    }

    fn is_complete(&self) -> bool {
        self.complete >= 2
    }

    fn new(name: Name) -> Group {
        let main = Group::main_parts(&name);
        let regnal = name.parts().any(|p| p.tag() == Tag::Regnal) as u8;
        let mut g = Group {
            complete: main.saturating_add(regnal),
            count: 0,
            variants: Vec::new(),
            name,
        };
        let v = variant_of(&g.name);
        g.add_variant(v, 1);
        g
    }

    fn add_variant(&mut self, v: Variant, count: u32) {
        self.count += count;
        match self.variants.iter_mut().find(|x| x.display == v.display) {
            Some(x) => {
                x.count += count;
                x.well_cased |= v.well_cased;
            }
            None => self.variants.push(Variant { count, ..v }),
        }
    }

    /// Adds another occurrence (already analysed to the same key and kind).
    /// Keeps as representative the name that sorts first under a total
    /// order, so that the choice does not depend on arrival order.
    fn merge_name(&mut self, name: Name) {
        let v = variant_of(&name);
        if rep_order(&name, &self.name) == Ordering::Less {
            self.name = name;
        }
        self.add_variant(v, 1);
    }

    fn merge(&mut self, other: Group) {
        if rep_order(&other.name, &self.name) == Ordering::Less {
            self.name = other.name;
        }
        for v in other.variants {
            let c = v.count;
            self.add_variant(v, c);
        }
    }
}

fn variant_of(name: &Name) -> Variant {
    let orig = name.original();
    let upper = orig.chars().any(char::is_uppercase);
    let lower = orig.chars().any(char::is_lowercase);
    Variant {
        display: name.display().into(),
        count: 1,
        well_cased: (upper && lower) || (!upper && !lower) || well_cased_uncased(orig),
    }
}

fn well_cased_uncased(s: &str) -> bool {
    // Scripts without case (Arabic, Chinese) are well formed as they are.
    !s.chars().any(|c| c.is_uppercase() || c.is_lowercase())
}

fn has_diacritics(s: &str) -> bool {
    !s.is_ascii()
}

/// The representative of a distinct name: best formed first, then the
/// original in byte order.
fn rep_order(a: &Name, b: &Name) -> Ordering {
    let (va, vb) = (variant_of(a), variant_of(b));
    vb.well_cased
        .cmp(&va.well_cased)
        .then(has_diacritics(b.display()).cmp(&has_diacritics(a.display())))
        .then(a.original().cmp(b.original()))
}

/// Distinct name identity (key and kind) → distinct name.
type GroupKeys = FxHashMap<(Box<str>, Kind), u32>;

/// The analysed input.
struct Analysed {
    groups: Vec<Group>,
    keys: FxHashMap<(Box<str>, Kind), u32>,
    mention_group: Vec<u32>,
    mention_doc: Vec<u32>,
}

fn analyse_one(analyzer: &Analyzer, m: &Mention) -> Name {
    match m.kind {
        Some(k) => analyzer.analyze_as(&m.name, k),
        None => analyzer.analyze(&m.name),
    }
}

fn analyse_chunk(analyzer: &Analyzer, mentions: &[Mention]) -> (Vec<Group>, GroupKeys, Vec<u32>) {
    let mut groups: Vec<Group> = Vec::new();
    let mut keys: FxHashMap<(Box<str>, Kind), u32> = FxHashMap::default();
    let mut mg = Vec::with_capacity(mentions.len());
    for m in mentions {
        let name = analyse_one(analyzer, m);
        let k = (Box::<str>::from(name.key()), name.kind());
        let g = match keys.get(&k) {
            Some(&g) => {
                groups[g as usize].merge_name(name);
                g
            }
            None => {
                let g = groups.len() as u32;
                keys.insert(k, g);
                groups.push(Group::new(name));
                g
            }
        };
        mg.push(g);
    }
    (groups, keys, mg)
}

fn analyse_all(s: &Settings, mentions: &[Mention]) -> Analysed {
    let (mut groups, mut keys, mut mention_group) =
        if s.threads >= 2 && mentions.len() >= PARALLEL_MIN {
            let (left, right) = mentions.split_at(mentions.len() / 2);
            let (a, b) = std::thread::scope(|scope| {
                let h = scope.spawn(|| analyse_chunk(&s.analyzer, right));
                let a = analyse_chunk(&s.analyzer, left);
                (a, h.join().expect("analysis thread panicked"))
            });
            let (mut groups, mut keys, mut mg) = a;
            let (bgroups, bkeys, bmg) = b;
            let mut remap = vec![0u32; bgroups.len()];
            let mut bgroups: Vec<Option<Group>> = bgroups.into_iter().map(Some).collect();
            for (k, bg) in bkeys {
                let group = bgroups[bg as usize].take().expect("each group once");
                match keys.get(&k) {
                    Some(&g) => {
                        groups[g as usize].merge(group);
                        remap[bg as usize] = g;
                    }
                    None => {
                        let g = groups.len() as u32;
                        groups.push(group);
                        keys.insert(k, g);
                        remap[bg as usize] = g;
                    }
                }
            }
            mg.extend(bmg.into_iter().map(|g| remap[g as usize]));
            (groups, keys, mg)
        } else {
            analyse_chunk(&s.analyzer, mentions)
        };
    let mut docs: FxHashMap<&str, u32> = FxHashMap::default();
    let mention_doc = mentions
        .iter()
        .map(|m| match &m.doc {
            None => NONE,
            Some(d) => {
                let n = docs.len() as u32;
                *docs.entry(d.as_str()).or_insert(n)
            }
        })
        .collect();
    groups.shrink_to_fit();
    keys.shrink_to_fit();
    mention_group.shrink_to_fit();
    Analysed {
        groups,
        keys,
        mention_group,
        mention_doc,
    }
}

/// An entity under construction.
#[derive(Debug, Clone)]
struct Ent {
    /// Index in the alias table.
    alias: Option<u32>,
    kind: Kind,
    /// Representative distinct names (complete names that joined).
    reps: Vec<u32>,
    /// The founding distinct name (for provisional ids).
    founder: u32,
}

/// What happened to a distinct name.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Fate {
    /// Not decided yet (short names are decided per document).
    Open,
    /// Belongs to this entity.
    Entity(u32, bool),
}

/// A short name's decision in one document.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Short {
    Join(u32),
    /// Its own entity; whether it is ambiguous.
    Own(bool),
}

struct Engine<'s> {
    s: &'s Settings,
    groups: Vec<Group>,
    keys: FxHashMap<(Box<str>, Kind), u32>,
    fates: Vec<Fate>,
    /// A short name's own entity.
    own: FxHashMap<u32, u32>,
    ents: Vec<Ent>,
    index: BlockingIndex,
    /// Document → entities with a complete mention in it.
    doc_ents: FxHashMap<u32, Vec<u32>>,
    /// (document, blocking key) → the entities of `doc_ents[document]`
    /// whose representatives have that key: a short name is compared only
    /// with the entities of its document that share a key with it, so that
    /// step 4 stays linear in the mentions of a document. Built once the
    /// complete names are placed (batch resolution); `None` while names
    /// still arrive (incremental resolution), where every entity of the
    /// document is compared.
    doc_keys: Option<FxHashMap<(u32, u64), Vec<u32>>>,
    scratch_keys: Vec<u64>,
    scratch_hits: Vec<(u32, f32)>,
}

impl<'s> Engine<'s> {
    fn new(
        s: &'s Settings,
        groups: Vec<Group>,
        keys: FxHashMap<(Box<str>, Kind), u32>,
    ) -> Engine<'s> {
        let mut e = Engine {
            s,
            fates: vec![Fate::Open; groups.len()],
            groups,
            keys,
            own: FxHashMap::default(),
            ents: Vec::new(),
            index: s.index.build(),
            doc_ents: FxHashMap::default(),
            doc_keys: None,
            scratch_keys: Vec::new(),
            scratch_hits: Vec::new(),
        };
        let aliases = Arc::clone(&s.aliases);
        for (k, entity) in aliases.entities().iter().enumerate() {
            e.ents.push(Ent {
                alias: Some(k as u32),
                kind: entity.kind,
                reps: Vec::new(),
                founder: NONE,
            });
            for n in aliases.names_of(k) {
                e.scratch_keys.clear();
                blocking_keys(&n.name, &mut e.scratch_keys);
                e.index.insert_keys(k as u32, &e.scratch_keys);
            }
        }
        e
    }

    fn threshold(&self) -> f64 {
        self.s.config.threshold
    }

    fn new_entity(&mut self, founder: u32) -> u32 {
        let id = self.ents.len() as u32;
        self.ents.push(Ent {
            alias: None,
            kind: self.groups[founder as usize].name.kind(),
            reps: Vec::new(),
            founder,
        });
        id
    }

    fn score(&self, a: &Name, b: &Name) -> f64 {
        if a.key() == b.key() && a.kind() == b.kind() {
            return 1.0;
        }
        compare_with(a, b, &self.s.config).score()
    }

    /// Step 2: the alias table. Exact aliases for every name, fuzzy for
    /// complete names.
    fn alias_fate(&mut self, g: u32) -> Option<Fate> {
        let aliases = Arc::clone(&self.s.aliases);
        if aliases.is_empty() {
            return None;
        }
        let name = &self.groups[g as usize].name;
        if name.is_empty() {
            return None;
        }
        let claim = aliases.exact(name.key());
        match claim.len() {
            0 => {}
            1 => return Some(Fate::Entity(claim[0], false)),
            _ => {
                let e = self.new_entity(g);
                return Some(Fate::Entity(e, true));
            }
        }
        if !self.groups[g as usize].is_complete() {
            return None;
        }
        let m = aliases.lookup(name)?;
        if m.is_ambiguous() {
            let e = self.new_entity(g);
            Some(Fate::Entity(e, true))
        } else {
            Some(Fate::Entity(m.index() as u32, false))
        }
    }

    /// The candidate entities of distinct name `g`: the best
    /// [`MIN_COMPARED`], then those that share at least half the key weight
    /// of the best one, at most [`MAX_COMPARED`] in all.
    fn candidates(&mut self, g: u32) -> Vec<u32> {
        self.scratch_keys.clear();
        blocking_keys(&self.groups[g as usize].name, &mut self.scratch_keys);
        self.index
            .candidates_with_weights(&self.scratch_keys, &mut self.scratch_hits);
        let best = self.scratch_hits.first().map_or(0.0, |h| h.1);
        self.scratch_hits
            .iter()
            .enumerate()
            .take_while(|(i, h)| *i < MIN_COMPARED || 2.0 * h.1 >= best)
            .map(|(_, h)| h)
            .take(MAX_COMPARED)
            .map(|h| h.0)
            .collect()
    }

    /// Mean score of `g` against every representative of `e`, or `None`
    /// if it fails one. An alias entity is compatible when any of its names
    /// matches (they may be deliberately diverse).
    fn fit(&self, g: u32, e: u32) -> Option<f64> {
        let name = &self.groups[g as usize].name;
        let ent = &self.ents[e as usize];
        let t = self.threshold();
        if let Some(k) = ent.alias {
            let best = self
                .s
                .aliases
                .names_of(k as usize)
                .iter()
                .map(|n| self.score(name, &n.name))
                .fold(0.0, f64::max);
            return (best >= t).then_some(best);
        }
        let mut sum = 0.0;
        for &r in &ent.reps {
            let s = self.score(name, &self.groups[r as usize].name);
            if s < t {
                return None;
            }
            sum += s;
        }
        (!ent.reps.is_empty()).then(|| sum / ent.reps.len() as f64)
    }

    /// Step 3 for one complete name: join the best entity it fits, or found
    /// one. Returns the entity.
    fn place_complete(&mut self, g: u32) -> u32 {
        let cands = self.candidates(g);
        let mut best: Option<(f64, u32)> = None;
        for e in cands {
            if self.ents[e as usize].alias.is_some() {
                continue;
            }
            if let Some(s) = self.fit(g, e) {
                let better = match best {
                    None => true,
                    Some((bs, be)) => s > bs || (s == bs && e < be),
                };
                if better {
                    best = Some((s, e));
                }
            }
        }
        let e = match best {
            Some((_, e)) => e,
            None => self.new_entity(g),
        };
        self.ents[e as usize].reps.push(g);
        // `candidates` left the keys of `g` in the scratch buffer.
        self.index.insert_keys(e, &self.scratch_keys);
        e
    }

    fn distinctive(&self, g: u32) -> bool {
        let name = &self.groups[g as usize].name;
        let mut main = name.parts().filter(|p| p.tag().is_main());
        // Initials narrow a common surname down ("F. Castro" fits Fidel,
        // not Raúl): with them, a single compatible entity is joined.
        let initials = name.parts().any(|p| p.tag() == Tag::Initial);
        match (main.next(), main.next()) {
            (Some(p), None) => initials || (p.groups().is_empty() && p.nicknames().is_empty()),
            _ => false,
        }
    }

    /// Step 4 for short name `g`: the entities it is compatible with, as
    /// many as [`Engine::decide_short`] needs to tell its cases apart. A
    /// name that is not distinctive never joins through the global list, so
    /// one compatible entity settles it; a distinctive one needs to know
    /// whether there is exactly one, so the search stops at two. The
    /// per-document check does not rely on this list being complete.
    fn compatible(&mut self, g: u32) -> Vec<u32> {
        if self.groups[g as usize].name.is_empty() {
            return Vec::new();
        }
        let enough = if self.distinctive(g) { 2 } else { 1 };
        let cands = self.candidates(g);
        let mut out: Vec<u32> = Vec::with_capacity(enough);
        for e in cands {
            if self.fit(g, e).is_some() {
                out.push(e);
                if out.len() == enough {
                    break;
                }
            }
        }
        out.sort_unstable();
        out
    }

    /// Step 4's decision for short name `g` within document `doc`: the
    /// only entity with a complete mention in `doc` that `g` is compatible
    /// with, if there is exactly one.
    fn short_in_doc(&self, g: u32, doc: u32) -> Option<u32> {
        if doc == NONE {
            return None;
        }
        let ents = self.doc_ents.get(&doc)?;
        if let Some(doc_keys) = &self.doc_keys {
            let mut keys = Vec::new();
            blocking_keys(&self.groups[g as usize].name, &mut keys);
            let mut cands: Vec<u32> = keys
                .iter()
                .filter_map(|&k| doc_keys.get(&(doc, k)))
                .flatten()
                .copied()
                .collect();
            cands.sort_unstable();
            cands.dedup();
            let mut fit = cands.into_iter().filter(|&e| self.fit(g, e).is_some());
            return match (fit.next(), fit.next()) {
                (Some(e), None) => Some(e),
                _ => None,
            };
        }
        let mut fit = ents.iter().copied().filter(|&e| self.fit(g, e).is_some());
        match (fit.next(), fit.next()) {
            (Some(e), None) => Some(e),
            _ => None,
        }
    }

    /// The blocking keys of entity `e`'s representatives (or alias names),
    /// sorted and without repeats.
    fn entity_keys(&self, e: u32, out: &mut Vec<u64>) {
        out.clear();
        let ent = &self.ents[e as usize];
        if let Some(k) = ent.alias {
            for n in self.s.aliases.names_of(k as usize) {
                blocking_keys(&n.name, out);
            }
        } else {
            for &r in &ent.reps {
                blocking_keys(&self.groups[r as usize].name, out);
            }
        }
        out.sort_unstable();
        out.dedup();
    }

    /// Builds [`Engine::doc_keys`] from `doc_ents`.
    fn index_doc_keys(&mut self) {
        let mut ent_keys: FxHashMap<u32, Vec<u64>> = FxHashMap::default();
        let mut map: FxHashMap<(u32, u64), Vec<u32>> = FxHashMap::default();
        let mut buf = Vec::new();
        for (&doc, ents) in &self.doc_ents {
            for &e in ents {
                let keys = ent_keys.entry(e).or_insert_with(|| {
                    self.entity_keys(e, &mut buf);
                    buf.clone()
                });
                for &k in keys.iter() {
                    map.entry((doc, k)).or_default().push(e);
                }
            }
        }
        self.doc_keys = Some(map);
    }

    /// Step 4's decision for short name `g` in document `doc`: within the
    /// document, else across all entities through `global`, its compatible
    /// entities (from [`Engine::compatible`]), computed on first need and
    /// kept for the name's other documents.
    fn decide_short(&mut self, g: u32, doc: u32, global: &mut Option<Vec<u32>>) -> Short {
        if let Some(e) = self.short_in_doc(g, doc) {
            return Short::Join(e);
        }
        if global.is_none() {
            *global = Some(self.compatible(g));
        }
        match global.as_deref().unwrap_or_default() {
            [] => Short::Own(false),
            [e] if self.distinctive(g) => Short::Join(*e),
            _ => Short::Own(true),
        }
    }

    fn own_entity(&mut self, g: u32) -> u32 {
        if let Some(&e) = self.own.get(&g) {
            return e;
        }
        let e = self.new_entity(g);
        self.own.insert(g, e);
        e
    }

    fn note_doc(&mut self, doc: u32, e: u32) {
        if doc == NONE {
            return;
        }
        let v = self.doc_ents.entry(doc).or_default();
        if !v.contains(&e) {
            v.push(e);
        }
    }

    /// The processing order of distinct names (independent of input order).
    fn order(&self) -> Vec<u32> {
        // The leading criteria side by side, so that most comparisons of the
        // sort stay in one dense array.
        let mut order: Vec<(u8, u32, u32, u32)> = self
            .groups
            .iter()
            .enumerate()
            .map(|(g, x)| {
                let len = x.name.key().len() as u32;
                (
                    u8::MAX - x.complete,
                    u32::MAX - len,
                    u32::MAX - x.count,
                    g as u32,
                )
            })
            .collect();
        order.sort_unstable_by(|a, b| {
            (a.0, a.1, a.2).cmp(&(b.0, b.1, b.2)).then_with(|| {
                let (x, y) = (&self.groups[a.3 as usize], &self.groups[b.3 as usize]);
                x.name
                    .key()
                    .cmp(y.name.key())
                    .then(x.name.kind().cmp(&y.name.kind()))
            })
        });
        order.into_iter().map(|o| o.3).collect()
    }

    fn run(&mut self, mention_group: &[u32], mention_doc: &[u32]) -> Resolution {
        let order = self.order();
        // Steps 2 and 3.
        for &g in &order {
            if let Some(f) = self.alias_fate(g) {
                self.fates[g as usize] = f;
                continue;
            }
            if self.groups[g as usize].is_complete() {
                let e = self.place_complete(g);
                self.fates[g as usize] = Fate::Entity(e, false);
            }
        }
        // Each document's entities with a complete mention, once each.
        let mut doc_pairs: Vec<(u32, u32)> = mention_group
            .iter()
            .zip(mention_doc)
            .filter(|&(&g, &d)| d != NONE && self.groups[g as usize].is_complete())
            .filter_map(|(&g, &d)| match self.fates[g as usize] {
                Fate::Entity(e, _) => Some((d, e)),
                Fate::Open => None,
            })
            .collect();
        doc_pairs.sort_unstable();
        doc_pairs.dedup();
        for (d, e) in doc_pairs {
            self.doc_ents.entry(d).or_default().push(e);
        }
        self.index_doc_keys();
        // Step 4: decisions per (short name, document).
        // (short name, document) pairs, sorted: each name's documents in a
        // run.
        let mut short_docs: Vec<(u32, u32)> = mention_group
            .iter()
            .zip(mention_doc)
            .filter(|&(&g, _)| self.fates[g as usize] == Fate::Open)
            .map(|(&g, &d)| (g, d))
            .collect();
        short_docs.sort_unstable();
        short_docs.dedup();
        let mut decisions: FxHashMap<(u32, u32), (u32, bool)> = FxHashMap::default();
        decisions.reserve(short_docs.len());
        for &g in &order {
            let start = short_docs.partition_point(|&(x, _)| x < g);
            let end = start + short_docs[start..].partition_point(|&(x, _)| x == g);
            let mut global = None;
            for &(_, d) in &short_docs[start..end] {
                let v = match self.decide_short(g, d, &mut global) {
                    Short::Join(e) => (e, false),
                    Short::Own(amb) => (self.own_entity(g), amb),
                };
                decisions.insert((g, d), v);
            }
        }
        drop(short_docs);
        self.finish(mention_group, mention_doc, &decisions)
    }

    /// Steps 5 to 7: canonical names, ids, scores; the resolution.
    fn finish(
        &mut self,
        mention_group: &[u32],
        mention_doc: &[u32],
        decisions: &FxHashMap<(u32, u32), (u32, bool)>,
    ) -> Resolution {
        let n_ents = self.ents.len();
        let placed: Vec<(u32, bool)> = mention_group
            .iter()
            .zip(mention_doc)
            .map(|(&g, &d)| match self.fates[g as usize] {
                Fate::Entity(e, amb) => (e, amb),
                Fate::Open => decisions[&(g, d)],
            })
            .collect();
        let mut counts = vec![0usize; n_ents];
        let mut ent_groups: Vec<Vec<u32>> = vec![Vec::new(); n_ents];
        for (&(e, _), &g) in placed.iter().zip(mention_group) {
            counts[e as usize] += 1;
            let v = &mut ent_groups[e as usize];
            if v.last() != Some(&g) {
                v.push(g);
            }
        }
        for v in &mut ent_groups {
            v.sort_unstable();
            v.dedup();
        }
        // Canonical names and the analysed canonical per entity.
        let mut canon: Vec<Option<(String, Name)>> = vec![None; n_ents];
        let mut names: Vec<Vec<String>> = vec![Vec::new(); n_ents];
        for e in 0..n_ents {
            if counts[e] == 0 {
                continue;
            }
            let mut variants: Vec<(u8, &Variant)> = ent_groups[e]
                .iter()
                .flat_map(|&g| {
                    let grp = &self.groups[g as usize];
                    grp.variants.iter().map(move |v| (grp.complete, v))
                })
                .collect();
            // Latin-script forms first (a transliterated Arabic or Cyrillic
            // name counts its parts differently), then the most complete.
            variants.sort_by(|a, b| {
                let latin = |v: &Variant| crate::fold::is_latin_or_common(&v.display);
                latin(b.1)
                    .cmp(&latin(a.1))
                    .then(b.0.cmp(&a.0))
                    .then(b.1.well_cased.cmp(&a.1.well_cased))
                    .then(has_diacritics(&b.1.display).cmp(&has_diacritics(&a.1.display)))
                    .then(b.1.count.cmp(&a.1.count))
                    .then(a.1.display.cmp(&b.1.display))
            });
            let c = match self.ents[e].alias {
                Some(k) => {
                    let n = &self.s.aliases.names_of(k as usize)[0];
                    (
                        self.s.aliases.entities()[k as usize].canonical.clone(),
                        n.name.clone(),
                    )
                }
                None => {
                    let d = variants[0].1.display.to_string();
                    let n = self.s.analyzer.analyze(&d);
                    (d, n)
                }
            };
            canon[e] = Some(c);
            let mut by_count: FxHashMap<&str, u32> = FxHashMap::default();
            for (_, v) in &variants {
                *by_count.entry(&v.display).or_default() += v.count;
            }
            let mut list: Vec<(&str, u32)> = by_count.into_iter().collect();
            list.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
            names[e] = list.into_iter().map(|(s, _)| s.to_string()).collect();
        }
        // Ids.
        let mut taken: FxHashSet<String> = self
            .s
            .aliases
            .entities()
            .iter()
            .map(|x| x.id.clone())
            .collect();
        let mut ids: Vec<Option<Arc<str>>> = vec![None; n_ents];
        let mut out_index = vec![NONE; n_ents];
        let mut entities = Vec::new();
        for e in 0..n_ents {
            let Some((canonical, cname)) = &canon[e] else {
                continue;
            };
            let id = match self.ents[e].alias {
                Some(k) => self.s.aliases.entities()[k as usize].id.clone(),
                None => unique(slug(cname), &mut taken),
            };
            ids[e] = Some(id.as_str().into());
            out_index[e] = entities.len() as u32;
            entities.push(ResolvedEntity {
                id,
                canonical: canonical.clone(),
                kind: self.ents[e].kind,
                names: std::mem::take(&mut names[e]),
                count: counts[e],
                alias: self.ents[e].alias.map(|k| k as usize),
            });
        }
        let canon_arc: Vec<Option<Arc<str>>> = canon
            .iter()
            .map(|c| c.as_ref().map(|(s, _)| Arc::from(s.as_str())))
            .collect();
        let mut scores: FxHashMap<(u32, u32), f64> = FxHashMap::default();
        let mut assignments = Vec::with_capacity(placed.len());
        for (&(e, amb), &g) in placed.iter().zip(mention_group) {
            let score = *scores.entry((g, e)).or_insert_with(|| {
                let cname = &canon[e as usize].as_ref().expect("has mentions").1;
                self.score(&self.groups[g as usize].name, cname)
            });
            assignments.push(Assignment {
                entity: ids[e as usize].clone().expect("has mentions"),
                canonical: canon_arc[e as usize].clone().expect("has mentions"),
                index: out_index[e as usize] as usize,
                score,
                ambiguous: amb,
            });
        }
        Resolution {
            assignments,
            entities,
        }
    }
}

/// A slug of an analysed name: folded parts joined by `-`.
fn slug(name: &Name) -> String {
    let mut s = String::new();
    for p in name.parts() {
        for w in p.fold().split(' ').filter(|w| !w.is_empty()) {
            if !s.is_empty() {
                s.push('-');
            }
            s.push_str(w);
        }
    }
    if s.is_empty() {
        s.push_str("entity");
    }
    s
}

fn unique(base: String, taken: &mut FxHashSet<String>) -> String {
    let mut id = base.clone();
    let mut n = 2;
    while taken.contains(&id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    taken.insert(id.clone());
    id
}

/// The live state of incremental resolution.
#[derive(Debug, Clone)]
struct Live {
    mentions: Vec<Mention>,
    groups: Vec<Group>,
    keys: FxHashMap<(Box<str>, Kind), u32>,
    fates: Vec<Fate>,
    own: FxHashMap<u32, u32>,
    ents: Vec<Ent>,
    index: BlockingIndex,
    doc_ents: FxHashMap<u32, Vec<u32>>,
    docs: FxHashMap<String, u32>,
    decisions: FxHashMap<(u32, u32), (u32, bool)>,
    ids: Vec<Arc<str>>,
    taken: FxHashSet<String>,
    settings: Arc<Settings>,
}

impl std::fmt::Debug for Settings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Settings")
            .field("aliases", &self.aliases.len())
            .field("config", &self.config)
            .finish()
    }
}

impl Live {
    fn new(settings: &Arc<Settings>) -> Live {
        let engine = Engine::new(settings, Vec::new(), FxHashMap::default());
        let ids = settings
            .aliases
            .entities()
            .iter()
            .map(|e| Arc::from(e.id.as_str()))
            .collect();
        let taken = settings
            .aliases
            .entities()
            .iter()
            .map(|e| e.id.clone())
            .collect();
        Live {
            mentions: Vec::new(),
            groups: engine.groups,
            keys: engine.keys,
            fates: engine.fates,
            own: engine.own,
            ents: engine.ents,
            index: engine.index,
            doc_ents: engine.doc_ents,
            docs: FxHashMap::default(),
            decisions: FxHashMap::default(),
            ids,
            taken,
            settings: Arc::clone(settings),
        }
    }

    fn add(&mut self, mention: Mention) -> Assignment {
        let settings = Arc::clone(&self.settings);
        let name = analyse_one(&settings.analyzer, &mention);
        let doc = match &mention.doc {
            None => NONE,
            Some(d) => {
                let n = self.docs.len() as u32;
                *self.docs.entry(d.clone()).or_insert(n)
            }
        };
        self.mentions.push(mention);
        // Borrow the live parts as an engine for the decision.
        let mut engine = Engine {
            s: &settings,
            groups: std::mem::take(&mut self.groups),
            keys: std::mem::take(&mut self.keys),
            fates: std::mem::take(&mut self.fates),
            own: std::mem::take(&mut self.own),
            ents: std::mem::take(&mut self.ents),
            index: std::mem::take(&mut self.index),
            doc_ents: std::mem::take(&mut self.doc_ents),
            doc_keys: None,
            scratch_keys: Vec::new(),
            scratch_hits: Vec::new(),
        };
        let k = (Box::<str>::from(name.key()), name.kind());
        let g = match engine.keys.get(&k) {
            Some(&g) => {
                let v = variant_of(&name);
                engine.groups[g as usize].add_variant(v, 1);
                g
            }
            None => {
                let g = engine.groups.len() as u32;
                engine.keys.insert(k, g);
                engine.groups.push(Group::new(name));
                engine.fates.push(Fate::Open);
                g
            }
        };
        let before = engine.ents.len();
        if engine.fates[g as usize] == Fate::Open {
            if let Some(f) = engine.alias_fate(g) {
                engine.fates[g as usize] = f;
            } else if engine.groups[g as usize].is_complete() {
                let e = engine.place_complete(g);
                engine.fates[g as usize] = Fate::Entity(e, false);
            }
        }
        let (e, amb) = match engine.fates[g as usize] {
            Fate::Entity(e, amb) => {
                if engine.groups[g as usize].is_complete() {
                    engine.note_doc(doc, e);
                }
                (e, amb)
            }
            Fate::Open => match self.decisions.get(&(g, doc)) {
                Some(&d) => d,
                None => {
                    let d = match engine.decide_short(g, doc, &mut None) {
                        Short::Join(e) => (e, false),
                        Short::Own(amb) => (engine.own_entity(g), amb),
                    };
                    self.decisions.insert((g, doc), d);
                    d
                }
            },
        };
        for new in before..engine.ents.len() {
            let founder = engine.ents[new].founder;
            let id = unique(slug(&engine.groups[founder as usize].name), &mut self.taken);
            self.ids.push(id.as_str().into());
        }
        let score = if engine.ents[e as usize].alias.is_some() {
            let k = engine.ents[e as usize].alias.unwrap() as usize;
            engine.score(
                &engine.groups[g as usize].name,
                &settings.aliases.names_of(k)[0].name,
            )
        } else {
            let f = engine.ents[e as usize].founder;
            engine.score(
                &engine.groups[g as usize].name,
                &engine.groups[f as usize].name,
            )
        };
        let canonical: Arc<str> = match engine.ents[e as usize].alias {
            Some(k) => settings.aliases.entities()[k as usize]
                .canonical
                .as_str()
                .into(),
            None => {
                let f = engine.ents[e as usize].founder;
                engine.groups[f as usize].name.display().into()
            }
        };
        self.groups = engine.groups;
        self.keys = engine.keys;
        self.fates = engine.fates;
        self.own = engine.own;
        self.ents = engine.ents;
        self.index = engine.index;
        self.doc_ents = engine.doc_ents;
        Assignment {
            entity: Arc::clone(&self.ids[e as usize]),
            canonical,
            index: e as usize,
            score,
            ambiguous: amb,
        }
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
