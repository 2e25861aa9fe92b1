//! A validated alias table and its lookups: exact by key, fuzzy through
//! the blocking index; and its writing back as JSON or CSV.

use super::{AliasTableBuilder, Entity, AMBIGUITY_EPSILON};
use crate::analyze::Name;
use crate::compare::{compare_searched, Comparison, MatchConfig, Reason};
use crate::index::BlockingIndex;
use rustc_hash::FxHashMap;
use serde_json::Value;
use std::ops::Range;

#[derive(Debug, Clone)]
pub(crate) struct AliasName {
    pub(crate) name: Name,
    pub(crate) entity: u32,
    /// 0 for the canonical name, `1 + i` for alias `i`.
    pub(super) text: u32,
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
    pub(super) entities: Vec<Entity>,
    pub(super) names: Vec<AliasName>,
    pub(super) ranges: Vec<Range<u32>>,
    pub(super) exact: FxHashMap<Box<str>, Vec<u32>>,
    pub(super) index: BlockingIndex,
    pub(super) config: MatchConfig,
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
    pub(super) table: &'t AliasTable,
    pub(super) entity: usize,
    pub(super) alias: usize,
    pub(super) score: f64,
    pub(super) ambiguous: bool,
    pub(super) tied: Vec<usize>,
    pub(super) comparison: Option<Comparison>,
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
            let cmp = compare_searched(name, &n.name, &self.config);
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
