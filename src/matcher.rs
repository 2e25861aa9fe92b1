//! One name against many: a [`Matcher`] analyses a list of names once,
//! indexes them for blocking, and answers queries with the best matches.

use crate::analyze::{Analyzer, Name};
use crate::compare::{compare_searched, Comparison, MatchConfig};
use crate::index::BlockingIndex;

/// One match of a query among the matcher's names.
#[derive(Debug, Clone)]
pub struct Hit<'m> {
    /// The index of the matched name, in the order the names were added.
    pub index: usize,
    /// The matched name, analysed.
    pub name: &'m Name,
    /// The comparison of the query with it (`comparison.explain(query,
    /// name)` gives the reasons).
    pub comparison: Comparison,
}

/// Compares queries with a fixed list of names, analysing each name once.
///
/// Candidates come from a [`BlockingIndex`], so a query is compared with a
/// bounded number of names however long the list; every name sharing a
/// rare part with the query is among them (see the index's capping policy).
///
/// ```
/// use canonym::Matcher;
///
/// let mut m = Matcher::new();
/// m.add("Abdellatif Loudiyi");
/// m.add("Abdelghani Mouhib");
/// m.add("Juvénal Marizamunda");
/// let query = m.analyze("LOUDYI, Abdeltif");
/// let hits = m.find(&query);
/// assert_eq!(hits.len(), 1);
/// assert_eq!(hits[0].name.display(), "Abdellatif Loudiyi");
/// assert!(hits[0].comparison.is_match());
/// ```
#[derive(Debug, Clone)]
pub struct Matcher {
    analyzer: Analyzer,
    config: MatchConfig,
    names: Vec<Name>,
    index: BlockingIndex,
}

impl Default for Matcher {
    fn default() -> Self {
        Matcher::new()
    }
}

/// Builds a [`Matcher`] with an analyser or configuration of your own.
///
/// ```
/// use canonym::{Analyzer, MatchConfig, Matcher};
///
/// let mut m = Matcher::builder()
///     .analyzer(Analyzer::new())
///     .config(MatchConfig::default())
///     .build();
/// m.add("Nasser Bourita");
/// let q = m.analyze("BOURITA, Nasser");
/// assert_eq!(m.find(&q).len(), 1);
/// ```
#[derive(Debug, Clone, Default)]
pub struct MatcherBuilder {
    analyzer: Option<Analyzer>,
    config: MatchConfig,
}

impl MatcherBuilder {
    /// A builder with the bundled tables and the default configuration.
    pub fn new() -> MatcherBuilder {
        MatcherBuilder::default()
    }

    /// Analyses names and queries with `analyzer`.
    pub fn analyzer(&mut self, analyzer: Analyzer) -> &mut Self {
        self.analyzer = Some(analyzer);
        self
    }

    /// Compares names with `config`.
    pub fn config(&mut self, config: MatchConfig) -> &mut Self {
        self.config = config;
        self
    }

    /// Builds an empty matcher.
    pub fn build(&self) -> Matcher {
        Matcher {
            analyzer: self.analyzer.clone().unwrap_or_default(),
            config: self.config,
            names: Vec::new(),
            index: BlockingIndex::new(),
        }
    }
}

impl Matcher {
    /// An empty matcher with the bundled tables and the default threshold.
    pub fn new() -> Matcher {
        MatcherBuilder::new().build()
    }

    /// A builder for a matcher with an analyser or configuration of your
    /// own.
    pub fn builder() -> MatcherBuilder {
        MatcherBuilder::new()
    }

    /// Analyses and adds a name; returns its index.
    pub fn add(&mut self, name: &str) -> usize {
        let name = self.analyzer.analyze(name);
        self.add_analyzed(name)
    }

    /// Adds a name analysed already; returns its index.
    pub fn add_analyzed(&mut self, name: Name) -> usize {
        let id = self.names.len();
        self.index.insert(id as u32, &name);
        self.names.push(name);
        id
    }

    /// Analyses a query with the matcher's analyser (analyse once, query
    /// many times).
    pub fn analyze(&self, query: &str) -> Name {
        self.analyzer.analyze(query)
    }

    /// The names added, in order.
    pub fn names(&self) -> &[Name] {
        &self.names
    }

    /// The names that match `query` (score at or above the threshold),
    /// best first; ties by index.
    pub fn find(&self, query: &Name) -> Vec<Hit<'_>> {
        let mut hits = self.scored(query);
        hits.retain(|h| h.comparison.is_match());
        hits
    }

    /// The `k` best-scoring candidates of `query`, matching or not, best
    /// first.
    pub fn top(&self, query: &Name, k: usize) -> Vec<Hit<'_>> {
        let mut hits = self.scored(query);
        hits.truncate(k);
        hits
    }

    fn scored(&self, query: &Name) -> Vec<Hit<'_>> {
        let mut ids = Vec::new();
        self.index.candidates(query, &mut ids);
        let mut hits: Vec<Hit<'_>> = ids
            .into_iter()
            .map(|i| {
                let name = &self.names[i as usize];
                Hit {
                    index: i as usize,
                    name,
                    comparison: compare_searched(query, name, &self.config),
                }
            })
            .collect();
        hits.sort_by(|a, b| {
            b.comparison
                .score()
                .total_cmp(&a.comparison.score())
                .then(a.index.cmp(&b.index))
        });
        hits
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_variants_and_not_namesakes() {
        let mut m = Matcher::new();
        for n in [
            "Mohammed VI",
            "Mohammed V",
            "Khawaja Muhammad Asif",
            "Omar Haddad",
            "Karim Haddad",
        ] {
            m.add(n);
        }
        let q = m.analyze("King Mohammed VI");
        let hits = m.find(&q);
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].index, 0);
        let q = m.analyze("Khawaja Asif");
        assert_eq!(m.find(&q)[0].index, 2);
        let q = m.analyze("Omar Haddad");
        let hits = m.find(&q);
        assert_eq!(hits.len(), 1, "Karim Haddad is another person");
        assert_eq!(hits[0].index, 3);
        // Non-matching candidates still come back from `top`, scored.
        let top = m.top(&q, 5);
        assert!(top.len() >= 2);
        assert!(top[0].comparison.score() >= top[1].comparison.score());
    }
}
