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

use crate::analyze::{Analyzer, Kind};
use crate::compare::MatchConfig;
use crate::error::{Error, ErrorKind};
use crate::index::{blocking_keys, BlockingIndex};
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::Path;

mod parse;
mod table;
#[cfg(test)]
mod tests;
use parse::{parse_csv, parse_json, Loc, Origin, Parsed};
pub(crate) use table::AliasName;
pub use table::{AliasMatch, AliasTable};

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
        let src: std::sync::Arc<str> = source.into();
        let loc = |path: String| Loc {
            source: std::sync::Arc::clone(&src),
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
