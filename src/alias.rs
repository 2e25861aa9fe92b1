//! Alias tables: known entities with their canonical names and aliases,
//! loaded from JSON or CSV/TSV, validated as a whole, and looked up by
//! exact alias or by fuzzy match.
//!
//! # Formats
//!
//! **JSON**: an array of objects
//! `{"id", "canonical" (or "name"), "kind"?, "aliases"?: [..], "attributes"?: {..}}`.
//! Ids may be strings or integers. Any other field is kept as an attribute.
//!
//! **CSV/TSV** (with a header row): columns `id`, `canonical` (or `name`),
//! `kind`, `alias` (one alias) or `aliases` (several, separated by `|`);
//! any other column is an attribute (a string; empty cells are skipped).
//! Either one row per entity or one row per alias: rows with the same id
//! merge, and conflicting canonical names, kinds or attribute values for
//! one id are errors. Cells are trimmed.
//!
//! # Validation
//!
//! Every problem is reported, each with its source and its line (CSV: the
//! record's line; JSON: the JSON path such as `[3].aliases[1]`, and the line
//! for syntax errors): duplicate ids (within or across tables), empty names
//! and aliases, unknown kinds, and an alias claimed by two entities
//! (compared by [`Name::key`]). Such a shared alias is an error unless
//! [`AliasTableBuilder::allow_ambiguous`] is set, in which case it is kept
//! and marked ambiguous: an exact lookup of it returns no single entity.
//! A table with errors adds nothing to the builder, and
//! [`AliasTableBuilder::build`] returns an error rather than a partial table.

use crate::analyze::{Analyzer, Kind, Name};
use crate::compare::{compare_with, Comparison, MatchConfig, Reason};
use crate::error::{Error, ErrorKind, Problem};
use crate::index::{blocking_keys, BlockingIndex};
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;
use std::ops::Range;
use std::path::Path;
use std::sync::Arc;

/// Two entities whose fuzzy scores differ by less than this are a tie: the
/// lookup is ambiguous.
pub(crate) const AMBIGUITY_EPSILON: f64 = 0.02;

/// A known entity: an id, a canonical name, a kind, aliases and free-form
/// attributes.
///
/// ```
/// use canonym::{Entity, Kind};
///
/// let e: Entity = serde_json::from_str(
///     r#"{"id": "q1", "canonical": "Mohammed VI", "kind": "person", "aliases": ["King Mohammed VI"]}"#,
/// ).unwrap();
/// assert_eq!(e.kind, Kind::Person);
/// assert_eq!(e.aliases, ["King Mohammed VI"]);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// The entity's unique id.
    pub id: String,
    /// The canonical name (itself an alias too).
    pub canonical: String,
    /// Person, organisation or unknown.
    #[serde(default = "unknown_kind")]
    pub kind: Kind,
    /// Other names of the entity.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Free-form attributes.
    #[serde(default)]
    pub attributes: BTreeMap<String, Value>,
}

fn unknown_kind() -> Kind {
    Kind::Unknown
}

#[derive(Debug, Clone)]
struct Loc {
    source: Arc<str>,
    line: Option<usize>,
    path: Option<String>,
}

impl Loc {
    fn problem(&self, message: impl Into<String>) -> Problem {
        Problem {
            source: self.source.to_string(),
            line: self.line,
            path: self.path.clone(),
            message: message.into(),
        }
    }

    fn describe(&self) -> String {
        let mut s = self.source.to_string();
        if let Some(l) = self.line {
            s.push_str(&format!(":{l}"));
        }
        if let Some(p) = &self.path {
            s.push_str(&format!(" at {p}"));
        }
        s
    }
}

/// Where an entity and each of its names (canonical first) came from.
#[derive(Debug, Clone)]
struct Origin {
    entity: Loc,
    names: Vec<Loc>,
}

/// Builds an [`AliasTable`] from one or more JSON, CSV or TSV tables.
///
/// ```
/// use canonym::{analyze, AliasTableBuilder};
///
/// let json = r#"[{"id": "loudiyi", "canonical": "Abdellatif Loudiyi",
///                 "kind": "person", "aliases": ["Abdeltif Loudyi"]}]"#;
/// let csv = "id,name,alias\nbourita,Nasser Bourita,\n";
/// let table = AliasTableBuilder::new()
///     .add_json("people.json", json)?
///     .add_csv("more.csv", csv, b',')?
///     .build()?;
/// assert_eq!(table.len(), 2);
/// let m = table.lookup(&analyze("LOUDYI, Abdeltif")).unwrap();
/// assert_eq!(m.entity().id, "loudiyi");
/// assert_eq!(m.score(), 1.0);
/// # Ok::<(), canonym::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct AliasTableBuilder {
    allow_ambiguous: bool,
    analyzer: Analyzer,
    config: MatchConfig,
    entities: Vec<Entity>,
    origins: Vec<Origin>,
    ids: FxHashMap<String, usize>,
}

impl Default for AliasTableBuilder {
    fn default() -> Self {
        AliasTableBuilder::new()
    }
}

/// What one table's parse produced before it is committed to the builder.
struct Parsed {
    entities: Vec<Entity>,
    origins: Vec<Origin>,
    problems: Vec<Problem>,
}

impl AliasTableBuilder {
    /// An empty builder: shared aliases are errors, the bundled analyser
    /// and the default [`MatchConfig`] are used.
    pub fn new() -> AliasTableBuilder {
        AliasTableBuilder {
            allow_ambiguous: false,
            analyzer: Analyzer::new(),
            config: MatchConfig::default(),
            entities: Vec::new(),
            origins: Vec::new(),
            ids: FxHashMap::default(),
        }
    }

    /// Whether an alias claimed by two entities is kept (and marked
    /// ambiguous) rather than reported as an error. Default `false`.
    pub fn allow_ambiguous(&mut self, yes: bool) -> &mut Self {
        self.allow_ambiguous = yes;
        self
    }

    /// The analyser for the table's names (and for nothing else).
    pub fn analyzer(&mut self, analyzer: Analyzer) -> &mut Self {
        self.analyzer = analyzer;
        self
    }

    /// The comparison configuration of fuzzy lookups.
    pub fn config(&mut self, config: MatchConfig) -> &mut Self {
        self.config = config;
        self
    }

    /// Adds the entities of a JSON table. `source` names it in errors.
    /// On error nothing of it is added and every problem is reported.
    pub fn add_json(&mut self, source: &str, text: &str) -> Result<&mut Self, Error> {
        let parsed = parse_json(source, text);
        self.commit(parsed)
    }

    /// Adds the entities of a CSV table with the given field delimiter
    /// (`b','`, `b'\t'`, `b';'`…). `source` names it in errors. On error
    /// nothing of it is added and every problem is reported.
    pub fn add_csv(&mut self, source: &str, text: &str, delimiter: u8) -> Result<&mut Self, Error> {
        let parsed = parse_csv(source, text, delimiter);
        self.commit(parsed)
    }

    /// Reads a table file, choosing the format by extension: `.json`,
    /// `.csv` or `.tsv`.
    pub fn add_path<P: AsRef<Path>>(&mut self, path: P) -> Result<&mut Self, Error> {
        let path = path.as_ref();
        let source = path.display().to_string();
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(|e| e.to_ascii_lowercase());
        let text = std::fs::read_to_string(path).map_err(|e| Error::io(&source, e))?;
        match ext.as_deref() {
            Some("json") => self.add_json(&source, &text),
            Some("csv") => self.add_csv(&source, &text, b','),
            Some("tsv") | Some("tab") => self.add_csv(&source, &text, b'\t'),
            _ => Err(Error::at(
                ErrorKind::Parse,
                &source,
                None,
                "unknown alias table format: expected a .json, .csv or .tsv file",
            )),
        }
    }

    /// Adds entities given directly (an entity store's), located as
    /// `source` at `[i]`.
    #[cfg(feature = "store")]
    pub(crate) fn add_entities(
        &mut self,
        source: &str,
        entities: Vec<Entity>,
    ) -> Result<&mut Self, Error> {
        let src: Arc<str> = source.into();
        let loc = |path: String| Loc {
            source: Arc::clone(&src),
            line: None,
            path: Some(path),
        };
        let origins = entities
            .iter()
            .enumerate()
            .map(|(i, e)| Origin {
                entity: loc(format!("[{i}]")),
                names: (0..=e.aliases.len())
                    .map(|j| loc(format!("[{i}].names[{j}]")))
                    .collect(),
            })
            .collect();
        self.commit(Parsed {
            entities,
            origins,
            problems: Vec::new(),
        })
    }

    fn commit(&mut self, mut parsed: Parsed) -> Result<&mut Self, Error> {
        let mut seen: FxHashMap<&str, usize> = FxHashMap::default();
        for (k, e) in parsed.entities.iter().enumerate() {
            let loc = &parsed.origins[k].entity;
            if let Some(&prev) = self.ids.get(&e.id) {
                parsed.problems.push(loc.problem(format!(
                    "duplicate id {:?}: already defined at {}",
                    e.id,
                    self.origins[prev].entity.describe()
                )));
            } else if let Some(&prev) = seen.get(e.id.as_str()) {
                parsed.problems.push(loc.problem(format!(
                    "duplicate id {:?}: already defined at {}",
                    e.id,
                    parsed.origins[prev].entity.describe()
                )));
            } else {
                seen.insert(&e.id, k);
            }
        }
        if !parsed.problems.is_empty() {
            let kind = if parsed
                .problems
                .iter()
                .any(|p| p.message.starts_with("syntax"))
            {
                ErrorKind::Parse
            } else {
                ErrorKind::Invalid
            };
            return Err(Error::new(kind, parsed.problems));
        }
        for (e, o) in parsed.entities.into_iter().zip(parsed.origins) {
            self.ids.insert(e.id.clone(), self.entities.len());
            self.entities.push(e);
            self.origins.push(o);
        }
        Ok(self)
    }

    /// Analyses every name, checks that no alias is claimed by two entities
    /// (unless allowed) and builds the table. Reports every problem.
    pub fn build(&self) -> Result<AliasTable, Error> {
        let mut problems = Vec::new();
        let mut names = Vec::new();
        let mut ranges = Vec::with_capacity(self.entities.len());
        // Key → (claimant entities, where the first claim is).
        let mut exact: FxHashMap<Box<str>, Vec<u32>> = FxHashMap::default();
        let mut first_claim: FxHashMap<Box<str>, Loc> = FxHashMap::default();
        for (k, e) in self.entities.iter().enumerate() {
            let start = names.len();
            let texts = std::iter::once(&e.canonical).chain(e.aliases.iter());
            for (j, text) in texts.enumerate() {
                let loc = &self.origins[k].names[j];
                let name = if e.kind == Kind::Unknown {
                    self.analyzer.analyze(text)
                } else {
                    self.analyzer.analyze_as(text, e.kind)
                };
                if name.is_empty() {
                    problems.push(loc.problem(format!("name {text:?} has no letters or digits")));
                    continue;
                }
                let claim = exact.entry(name.key().into()).or_default();
                if !claim.contains(&(k as u32)) {
                    if let Some(&other) = claim.first() {
                        if !self.allow_ambiguous {
                            let first = first_claim
                                .get(name.key())
                                .map(Loc::describe)
                                .unwrap_or_default();
                            problems.push(loc.problem(format!(
                                "alias {text:?} of {:?} is also a name of {:?} (at {first})",
                                e.id, self.entities[other as usize].id
                            )));
                        }
                    } else {
                        first_claim.insert(name.key().into(), loc.clone());
                    }
                    claim.push(k as u32);
                }
                names.push(AliasName {
                    name,
                    entity: k as u32,
                    text: j as u32,
                });
            }
            ranges.push(start as u32..names.len() as u32);
        }
        if !problems.is_empty() {
            return Err(Error::new(ErrorKind::Invalid, problems));
        }
        let mut index = BlockingIndex::new();
        let mut keys = Vec::new();
        for (i, n) in names.iter().enumerate() {
            keys.clear();
            blocking_keys(&n.name, &mut keys);
            index.insert_keys(i as u32, &keys);
        }
        Ok(AliasTable {
            entities: self.entities.clone(),
            names,
            ranges,
            exact,
            index,
            config: self.config,
        })
    }
}

#[derive(Debug, Clone)]
pub(crate) struct AliasName {
    pub(crate) name: Name,
    pub(crate) entity: u32,
    /// 0 for the canonical name, `1 + i` for alias `i`.
    text: u32,
}

/// A validated set of known entities, looked up by exact alias or fuzzily.
///
/// ```
/// use canonym::{analyze, AliasTableBuilder};
///
/// let table = AliasTableBuilder::new()
///     .add_csv("kings.csv", "id,canonical,kind,aliases\n\
///                            m6,Mohammed VI,person,King Mohammed VI|Muhammad VI\n\
///                            m5,Mohammed V,person,\n", b',')?
///     .build()?;
/// assert_eq!(table.lookup(&analyze("Mohamed VI")).unwrap().entity().id, "m6");
/// assert_eq!(table.lookup(&analyze("Sultan Mohammed V")).unwrap().entity().id, "m5");
/// assert!(table.lookup(&analyze("Nasser Bourita")).is_none());
///
/// // Tables round-trip through JSON and CSV.
/// let again = canonym::AliasTableBuilder::new().add_json("t", &table.to_json())?.build()?;
/// assert_eq!(again.entities(), table.entities());
/// # Ok::<(), canonym::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct AliasTable {
    entities: Vec<Entity>,
    names: Vec<AliasName>,
    ranges: Vec<Range<u32>>,
    exact: FxHashMap<Box<str>, Vec<u32>>,
    index: BlockingIndex,
    config: MatchConfig,
}

impl Default for AliasTable {
    fn default() -> Self {
        AliasTable::empty()
    }
}

/// The result of [`AliasTable::lookup`]: the best entity, the alias that
/// matched, the score, and whether the match is ambiguous.
#[derive(Debug, Clone)]
pub struct AliasMatch<'t> {
    table: &'t AliasTable,
    entity: usize,
    alias: usize,
    score: f64,
    ambiguous: bool,
    tied: Vec<usize>,
    comparison: Option<Comparison>,
}

impl<'t> AliasMatch<'t> {
    /// The best matching entity (the first of the tied ones when ambiguous).
    pub fn entity(&self) -> &'t Entity {
        &self.table.entities[self.entity]
    }

    /// The entity's index in [`AliasTable::entities`].
    pub fn index(&self) -> usize {
        self.entity
    }

    /// The canonical name or alias that matched, as written in the table.
    pub fn alias(&self) -> &'t str {
        let n = &self.table.names[self.alias];
        let e = &self.table.entities[n.entity as usize];
        match n.text {
            0 => &e.canonical,
            i => &e.aliases[i as usize - 1],
        }
    }

    /// The analysed alias that matched.
    pub fn alias_name(&self) -> &'t Name {
        &self.table.names[self.alias].name
    }

    /// The score: 1 for an exact alias (equal keys), else the comparison
    /// score.
    pub fn score(&self) -> f64 {
        self.score
    }

    /// Whether the name matches several entities equally well: an alias
    /// shared by several entities, or fuzzy scores within a small margin.
    pub fn is_ambiguous(&self) -> bool {
        self.ambiguous
    }

    /// The indices of every entity that matched equally well (just
    /// [`index`](AliasMatch::index) unless ambiguous).
    pub fn tied(&self) -> &[usize] {
        &self.tied
    }

    /// The comparison with the matched alias, for a fuzzy match (`None`
    /// for an exact one).
    pub fn comparison(&self) -> Option<&Comparison> {
        self.comparison.as_ref()
    }

    /// Why the name matched: the comparison's explanation, empty for an
    /// exact alias. `query` must be the name that was looked up.
    pub fn explain(&self, query: &Name) -> Vec<Reason> {
        match &self.comparison {
            Some(c) => c.explain(query, self.alias_name()),
            None => Vec::new(),
        }
    }
}

impl AliasTable {
    /// A table with no entities.
    pub fn empty() -> AliasTable {
        AliasTable {
            entities: Vec::new(),
            names: Vec::new(),
            ranges: Vec::new(),
            exact: FxHashMap::default(),
            index: BlockingIndex::new(),
            config: MatchConfig::default(),
        }
    }

    /// A builder. Same as [`AliasTableBuilder::new`].
    pub fn builder() -> AliasTableBuilder {
        AliasTableBuilder::new()
    }

    /// The entities, in load order.
    pub fn entities(&self) -> &[Entity] {
        &self.entities
    }

    /// The number of entities.
    pub fn len(&self) -> usize {
        self.entities.len()
    }

    /// Whether the table has no entities.
    pub fn is_empty(&self) -> bool {
        self.entities.is_empty()
    }

    /// The entity with this id.
    pub fn get(&self, id: &str) -> Option<&Entity> {
        self.entities.iter().find(|e| e.id == id)
    }

    /// The comparison configuration of fuzzy lookups.
    pub fn config(&self) -> &MatchConfig {
        &self.config
    }

    /// The entities (indices) that claim this exact key.
    pub(crate) fn exact(&self, key: &str) -> &[u32] {
        self.exact.get(key).map_or(&[], |v| v.as_slice())
    }

    /// The analysed names (canonical first) of entity `k`.
    pub(crate) fn names_of(&self, k: usize) -> &[AliasName] {
        let r = &self.ranges[k];
        &self.names[r.start as usize..r.end as usize]
    }

    /// Finds the entity `name` denotes: an exact alias (equal keys) first,
    /// then the best fuzzy match at or above the threshold among the
    /// candidates of the blocking index. `None` when nothing matches.
    pub fn lookup(&self, name: &Name) -> Option<AliasMatch<'_>> {
        let claim = self.exact(name.key());
        if !name.is_empty() && !claim.is_empty() {
            let entity = claim[0] as usize;
            let alias = self
                .names_of(entity)
                .iter()
                .position(|n| n.name.key() == name.key())
                .map_or(0, |i| self.ranges[entity].start as usize + i);
            return Some(AliasMatch {
                table: self,
                entity,
                alias,
                score: 1.0,
                ambiguous: claim.len() > 1,
                tied: claim.iter().map(|&x| x as usize).collect(),
                comparison: None,
            });
        }
        self.fuzzy(name)
    }

    fn fuzzy(&self, name: &Name) -> Option<AliasMatch<'_>> {
        if name.is_empty() || self.names.is_empty() {
            return None;
        }
        let mut cands = Vec::new();
        self.index.candidates(name, &mut cands);
        // Best (score, alias, comparison) per entity.
        let mut best: Vec<(usize, f64, usize, Comparison)> = Vec::new();
        for &c in &cands {
            let n = &self.names[c as usize];
            let cmp = compare_with(name, &n.name, &self.config);
            if !cmp.is_match() {
                continue;
            }
            let e = n.entity as usize;
            match best.iter_mut().find(|b| b.0 == e) {
                Some(b) if cmp.score() > b.1 || (cmp.score() == b.1 && (c as usize) < b.2) => {
                    *b = (e, cmp.score(), c as usize, cmp)
                }
                Some(_) => {}
                None => best.push((e, cmp.score(), c as usize, cmp)),
            }
        }
        best.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        let top = best.first()?.1;
        let tied: Vec<usize> = best
            .iter()
            .filter(|b| top - b.1 < AMBIGUITY_EPSILON)
            .map(|b| b.0)
            .collect();
        let (entity, score, alias, cmp) = best.swap_remove(0);
        Some(AliasMatch {
            table: self,
            entity,
            alias,
            score,
            ambiguous: tied.len() > 1,
            tied,
            comparison: Some(cmp),
        })
    }

    /// The table as JSON (an array of entities) that loads back to the same
    /// entities with [`AliasTableBuilder::add_json`].
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(&self.entities).expect("entities serialise")
    }

    /// The table as CSV with columns `id,canonical,kind,alias` and one
    /// column per attribute, one row per alias (the first row of an entity
    /// carries its canonical name, kind and attributes). Loads back to the
    /// same entities with [`AliasTableBuilder::add_csv`], provided every
    /// attribute value is a string (CSV cells are read as strings; other
    /// values are written as JSON text).
    pub fn to_csv(&self) -> String {
        let mut attrs: Vec<&str> = self
            .entities
            .iter()
            .flat_map(|e| e.attributes.keys().map(String::as_str))
            .collect();
        attrs.sort_unstable();
        attrs.dedup();
        let mut w = csv::WriterBuilder::new().from_writer(Vec::new());
        let mut header = vec!["id", "canonical", "kind", "alias"];
        header.extend(attrs.iter().copied());
        w.write_record(&header).expect("write to memory");
        for e in &self.entities {
            let rows = e.aliases.len().max(1);
            for r in 0..rows {
                let mut rec: Vec<String> = vec![e.id.clone()];
                if r == 0 {
                    rec.push(e.canonical.clone());
                    rec.push(e.kind.as_str().to_string());
                } else {
                    rec.push(String::new());
                    rec.push(String::new());
                }
                rec.push(e.aliases.get(r).cloned().unwrap_or_default());
                for a in &attrs {
                    let cell = match (r, e.attributes.get(*a)) {
                        (0, Some(Value::String(s))) => s.clone(),
                        (0, Some(v)) => v.to_string(),
                        _ => String::new(),
                    };
                    rec.push(cell);
                }
                w.write_record(&rec).expect("write to memory");
            }
        }
        String::from_utf8(w.into_inner().expect("flush to memory")).expect("UTF-8 in, UTF-8 out")
    }
}

fn parse_json(source: &str, text: &str) -> Parsed {
    let src: Arc<str> = source.into();
    let mut out = Parsed {
        entities: Vec::new(),
        origins: Vec::new(),
        problems: Vec::new(),
    };
    let loc = |path: String| Loc {
        source: Arc::clone(&src),
        line: None,
        path: Some(path),
    };
    let value: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            out.problems.push(Problem {
                source: source.to_string(),
                line: Some(e.line()),
                path: None,
                message: format!("syntax error: {e}"),
            });
            return out;
        }
    };
    let Value::Array(items) = value else {
        out.problems.push(Problem {
            source: source.to_string(),
            line: None,
            path: Some("$".into()),
            message: "expected an array of entities".into(),
        });
        return out;
    };
    for (i, item) in items.into_iter().enumerate() {
        let Value::Object(fields) = item else {
            out.problems
                .push(loc(format!("[{i}]")).problem("expected an object"));
            continue;
        };
        let before = out.problems.len();
        let mut id = None;
        let mut canonical: Option<(String, String)> = None;
        let mut kind = Kind::Unknown;
        let mut aliases = Vec::new();
        let mut alias_locs = Vec::new();
        let mut attributes = BTreeMap::new();
        let mut nested = None;
        let has_canonical = fields.contains_key("canonical");
        let has_id = fields.contains_key("id");
        let has_name = has_canonical || fields.contains_key("name");
        let push = |out: &mut Parsed, path: String, msg: String| {
            out.problems.push(loc(path).problem(msg));
        };
        for (field, v) in fields {
            let path = format!("[{i}].{field}");
            match field.as_str() {
                "id" => match v {
                    Value::String(s) if !s.trim().is_empty() => id = Some(s),
                    Value::Number(n) if n.is_u64() || n.is_i64() => id = Some(n.to_string()),
                    _ => push(&mut out, path, "expected a non-empty string id".into()),
                },
                "canonical" | "name" if field == "canonical" || !has_canonical => match v {
                    Value::String(s) if !s.trim().is_empty() => canonical = Some((s, path)),
                    _ => push(&mut out, path, "expected a non-empty name".into()),
                },
                "kind" => match v {
                    Value::Null => {}
                    Value::String(s) => match s.parse::<Kind>() {
                        Ok(k) => kind = k,
                        Err(_) => push(&mut out, path, format!("unknown kind {s:?}")),
                    },
                    _ => push(&mut out, path, "expected a kind string".into()),
                },
                "aliases" => match v {
                    Value::Null => {}
                    Value::Array(list) => {
                        for (j, a) in list.into_iter().enumerate() {
                            let apath = format!("{path}[{j}]");
                            match a {
                                Value::String(s) if !s.trim().is_empty() => {
                                    aliases.push(s);
                                    alias_locs.push(loc(apath));
                                }
                                Value::String(_) => push(&mut out, apath, "empty alias".into()),
                                _ => push(&mut out, apath, "expected an alias string".into()),
                            }
                        }
                    }
                    _ => push(&mut out, path, "expected an array of aliases".into()),
                },
                "attributes" => match v {
                    Value::Null => {}
                    Value::Object(map) => nested = Some((map, path)),
                    _ => push(&mut out, path, "expected an object of attributes".into()),
                },
                _ => {
                    attributes.insert(field, v);
                }
            }
        }
        if let Some((map, path)) = nested {
            for (k, v) in map {
                match attributes.entry(k) {
                    std::collections::btree_map::Entry::Occupied(o) => push(
                        &mut out,
                        format!("{path}.{}", o.key()),
                        format!("attribute {:?} given twice", o.key()),
                    ),
                    std::collections::btree_map::Entry::Vacant(slot) => {
                        slot.insert(v);
                    }
                }
            }
        }
        if !has_id {
            push(&mut out, format!("[{i}]"), "missing id".into());
        }
        if !has_name {
            push(&mut out, format!("[{i}]"), "missing canonical name".into());
        }
        let ok = out.problems.len() == before;
        let (Some(id), Some((canonical, cpath)), true) = (id, canonical, ok) else {
            continue;
        };
        let mut names = vec![loc(cpath)];
        names.extend(alias_locs);
        out.origins.push(Origin {
            entity: loc(format!("[{i}]")),
            names,
        });
        out.entities.push(Entity {
            id,
            canonical,
            kind,
            aliases,
            attributes,
        });
    }
    out
}

#[derive(Default)]
struct Columns {
    id: Option<usize>,
    canonical: Option<usize>,
    kind: Option<usize>,
    alias: Option<usize>,
    aliases: Option<usize>,
    attributes: Vec<(usize, String)>,
}

fn parse_csv(source: &str, text: &str, delimiter: u8) -> Parsed {
    let src: Arc<str> = source.into();
    let mut out = Parsed {
        entities: Vec::new(),
        origins: Vec::new(),
        problems: Vec::new(),
    };
    let at = |line: usize| Loc {
        source: Arc::clone(&src),
        line: Some(line),
        path: None,
    };
    let mut rdr = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(true)
        .flexible(false)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let mut cols = Columns::default();
    match rdr.headers() {
        Ok(h) => {
            // A repeated column is a malformed table: which of the two
            // cells counts would be a guess, and the table would not
            // round-trip through `to_csv`.
            let mut seen: Vec<String> = Vec::new();
            for name in h.iter() {
                let lower = name.to_ascii_lowercase();
                if seen.contains(&lower) {
                    out.problems.push(
                        at(1).problem(format!("column {name:?} appears twice in the header")),
                    );
                } else if lower == "canonical" && seen.iter().any(|s| s == "name") {
                    out.problems.push(at(1).problem(
                        "column \"canonical\" after \"name\": give the canonical name in one of them",
                    ));
                }
                seen.push(lower);
            }
            if !out.problems.is_empty() {
                return out;
            }
            for (k, name) in h.iter().enumerate() {
                match name.to_ascii_lowercase().as_str() {
                    "id" if cols.id.is_none() => cols.id = Some(k),
                    "canonical" if cols.canonical.is_none() => cols.canonical = Some(k),
                    "name" if cols.canonical.is_none() => cols.canonical = Some(k),
                    "kind" if cols.kind.is_none() => cols.kind = Some(k),
                    "alias" if cols.alias.is_none() => cols.alias = Some(k),
                    "aliases" if cols.aliases.is_none() => cols.aliases = Some(k),
                    _ => cols.attributes.push((k, name.to_string())),
                }
            }
        }
        Err(e) => {
            out.problems
                .push(at(1).problem(format!("syntax error: {e}")));
            return out;
        }
    }
    // A "name" column after "canonical" is an attribute; recheck order.
    if cols.id.is_none() {
        out.problems.push(at(1).problem("missing column \"id\""));
    }
    if cols.canonical.is_none() {
        out.problems
            .push(at(1).problem("missing column \"canonical\" (or \"name\")"));
    }
    if !out.problems.is_empty() {
        return out;
    }
    let (id_col, canon_col) = (cols.id.unwrap(), cols.canonical.unwrap());
    let mut by_id: FxHashMap<String, usize> = FxHashMap::default();
    // Per entity: line of the canonical, whether its kind was set.
    let mut canon_line: Vec<Option<usize>> = Vec::new();
    let mut kind_set: Vec<bool> = Vec::new();
    let mut attr_line: Vec<BTreeMap<String, usize>> = Vec::new();
    let mut failed: Vec<bool> = Vec::new();
    let mut rec = csv::StringRecord::new();
    loop {
        let line = rdr.position().line() as usize;
        match rdr.read_record(&mut rec) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                let l = e.position().map_or(line, |p| p.line() as usize);
                out.problems
                    .push(at(l).problem(format!("syntax error: {e}")));
                if matches!(e.kind(), csv::ErrorKind::Io(_)) {
                    break;
                }
                continue;
            }
        }
        let line = rec.position().map_or(line, |p| p.line() as usize);
        let cell = |c: usize| rec.get(c).unwrap_or("");
        let id = cell(id_col);
        if id.is_empty() {
            out.problems.push(at(line).problem("empty id"));
            continue;
        }
        let k = match by_id.get(id) {
            Some(&k) => k,
            None => {
                by_id.insert(id.to_string(), out.entities.len());
                out.entities.push(Entity {
                    id: id.to_string(),
                    canonical: String::new(),
                    kind: Kind::Unknown,
                    aliases: Vec::new(),
                    attributes: BTreeMap::new(),
                });
                out.origins.push(Origin {
                    entity: at(line),
                    names: vec![at(line)],
                });
                canon_line.push(None);
                kind_set.push(false);
                attr_line.push(BTreeMap::new());
                failed.push(false);
                out.entities.len() - 1
            }
        };
        let mut bad = |out: &mut Parsed, msg: String| {
            out.problems.push(at(line).problem(msg));
            failed[k] = true;
        };
        let canonical = cell(canon_col);
        if !canonical.is_empty() {
            let e = &mut out.entities[k];
            if e.canonical.is_empty() {
                e.canonical = canonical.to_string();
                out.origins[k].names[0] = at(line);
                canon_line[k] = Some(line);
            } else if e.canonical != canonical {
                let prev = (e.canonical.clone(), canon_line[k].unwrap_or(0));
                bad(
                    &mut out,
                    format!(
                        "conflicting canonical names for id {id:?}: {canonical:?} here, {:?} at line {}",
                        prev.0, prev.1
                    ),
                );
            }
        }
        if let Some(c) = cols.kind {
            let s = cell(c);
            if !s.is_empty() {
                match s.parse::<Kind>().ok() {
                    None => bad(&mut out, format!("unknown kind {s:?}")),
                    Some(kind) if kind_set[k] && out.entities[k].kind != kind => {
                        let prev = out.entities[k].kind.as_str();
                        bad(
                            &mut out,
                            format!(
                                "conflicting kinds for id {id:?}: {prev} and {}",
                                kind.as_str()
                            ),
                        )
                    }
                    Some(kind) => {
                        out.entities[k].kind = kind;
                        kind_set[k] = true;
                    }
                }
            }
        }
        if let Some(c) = cols.alias {
            let s = cell(c);
            if !s.is_empty() {
                out.entities[k].aliases.push(s.to_string());
                out.origins[k].names.push(at(line));
            }
        }
        if let Some(c) = cols.aliases {
            let s = cell(c);
            if !s.is_empty() {
                for a in s.split('|') {
                    let a = a.trim();
                    if a.is_empty() {
                        bad(&mut out, "empty alias in the aliases column".into());
                    } else {
                        out.entities[k].aliases.push(a.to_string());
                        out.origins[k].names.push(at(line));
                    }
                }
            }
        }
        for (c, name) in &cols.attributes {
            let s = cell(*c);
            if s.is_empty() {
                continue;
            }
            match out.entities[k].attributes.get(name) {
                Some(Value::String(prev)) if prev == s => {}
                Some(prev) => {
                    let prev = prev.clone();
                    let pl = attr_line[k].get(name).copied().unwrap_or(0);
                    bad(
                        &mut out,
                        format!(
                            "conflicting values for attribute {name:?} of id {id:?}: {s:?} here, {prev} at line {pl}"
                        ),
                    );
                }
                None => {
                    out.entities[k]
                        .attributes
                        .insert(name.clone(), Value::String(s.to_string()));
                    attr_line[k].insert(name.clone(), line);
                }
            }
        }
    }
    for (k, e) in out.entities.iter().enumerate() {
        if e.canonical.is_empty() && !failed[k] {
            out.problems.push(
                out.origins[k]
                    .entity
                    .problem(format!("id {:?} has no canonical name", e.id)),
            );
        }
    }
    // Keep problems in line order.
    out.problems.sort_by_key(|p| p.line);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::analyze;

    #[test]
    fn json_problems_have_paths() {
        let json = r#"[
            {"id": "a", "canonical": "Abdellatif Loudiyi", "aliases": ["", 3]},
            {"id": "a", "canonical": "X Y"},
            {"id": "b", "kind": "planet"}
        ]"#;
        let err = AliasTableBuilder::new()
            .add_json("t.json", json)
            .unwrap_err();
        let paths: Vec<_> = err
            .problems()
            .iter()
            .map(|p| p.path.clone().unwrap())
            .collect();
        assert!(paths.contains(&"[0].aliases[0]".to_string()), "{paths:?}");
        assert!(paths.contains(&"[0].aliases[1]".to_string()), "{paths:?}");
        assert!(paths.contains(&"[2].kind".to_string()), "{paths:?}");
        let err = AliasTableBuilder::new()
            .add_json("t.json", "[\n{\"id\": }")
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Parse);
        assert_eq!(err.problems()[0].line, Some(2));
    }

    #[test]
    fn exact_alias_wins() {
        let t = AliasTableBuilder::new()
            .add_json(
                "t",
                r#"[{"id": "m6", "canonical": "Mohammed VI", "aliases": ["King Mohammed VI"]}]"#,
            )
            .unwrap()
            .build()
            .unwrap();
        let m = t.lookup(&analyze("mohammed vi")).unwrap();
        assert_eq!(m.score(), 1.0);
        assert!(m.comparison().is_none());
        assert!(t.lookup(&analyze("Mohammed V")).is_none());
    }

    #[test]
    fn repeated_csv_column_is_malformed() {
        for header in ["id,name,aliases,aliases", "id,name,ID", "id,name,canonical"] {
            let text = format!("{header}\na,John Smith,J. Smith,x\n");
            let err = AliasTableBuilder::new()
                .add_csv("t.csv", &text, b',')
                .unwrap_err();
            assert_eq!(err.problems()[0].source, "t.csv", "{header}");
            assert_eq!(err.problems()[0].line, Some(1), "{header}");
        }
        // A "name" column after "canonical" stays an attribute.
        let t = AliasTableBuilder::new()
            .add_csv("t.csv", "id,canonical,name\na,John Smith,x\n", b',')
            .unwrap()
            .build()
            .unwrap();
        assert_eq!(t.entities()[0].attributes["name"], "x");
    }
}
