//! The gazetteer: known names (aliases) found exactly over the folded
//! token stream, and a [`Matcher`] over the same names for capitalised
//! runs that come close to one.

use crate::analyze::{Analyzer, Kind, Name};
use crate::error::{Error, ErrorKind};
use crate::matcher::Matcher;
use crate::tables::phrase;
use aho_corasick::{AhoCorasick, MatchKind};
use rustc_hash::FxHashSet;

/// Known names with their kinds.
#[derive(Debug)]
pub(super) struct Gazetteer {
    /// Exact matcher over folded token streams, one pattern per distinct
    /// folded name.
    pub(super) ac: AhoCorasick,
    /// Kind of each pattern, and of the matcher's name of the same index.
    pub(super) kinds: Vec<Kind>,
    /// The names analysed, for fuzzy matching.
    pub(super) matcher: Matcher,
    /// Whether some name is an organisation's.
    pub(super) has_org: bool,
}

impl Gazetteer {
    /// The gazetteer of `names`; `None` when no name has a letter or digit.
    pub(super) fn build(
        names: &[(String, Kind)],
        analyzer: &Analyzer,
    ) -> Result<Option<Gazetteer>, Error> {
        let mut patterns: Vec<String> = Vec::new();
        let mut kinds = Vec::new();
        let mut matcher = Matcher::builder().analyzer(analyzer.clone()).build();
        let mut seen: FxHashSet<String> = FxHashSet::default();
        for (name, kind) in names {
            let p = phrase(name);
            if p.is_empty() || !seen.insert(p.clone()) {
                continue;
            }
            patterns.push(p);
            kinds.push(*kind);
            matcher.add_analyzed(analyzer.analyze_as(name, *kind));
        }
        if patterns.is_empty() {
            return Ok(None);
        }
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&patterns)
            .map_err(|e| Error::at(ErrorKind::Invalid, "gazetteer", None, e.to_string()))?;
        let has_org = kinds.contains(&Kind::Org);
        Ok(Some(Gazetteer {
            ac,
            kinds,
            matcher,
            has_org,
        }))
    }

    /// The kind of the best-matching known name of `name`, if any matches.
    pub(super) fn closest_kind(&self, name: &Name) -> Option<Kind> {
        let hits = self.matcher.find(name);
        hits.first().map(|h| self.kinds[h.index])
    }
}
