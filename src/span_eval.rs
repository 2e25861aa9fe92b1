//! Exact-span evaluation of person extraction on labelled text
//! directories.
//!
//! A labelled directory holds text files and an `expected.tsv` whose rows
//! are `file`, `canonical`, `variants` (TAB-separated, `#` comments): the
//! variants, separated by `|`, are the distinct person mention texts of
//! that file. The expected spans of a text are every whole-word occurrence
//! of its variants, longest first and without overlaps ([`gold_spans`]), so
//! that "Okafor" inside "Daniel Okafor" is not a mention of its own. A found
//! person mention is right only when its byte span is exactly an expected
//! one.
//!
//! ```
//! use canonym::span_eval::{gold_spans, score};
//!
//! let text = "Daniel Okafor won. Okafor 's time was 1:48.";
//! let gold = gold_spans(text, &["Daniel Okafor".to_string(), "Okafor".to_string()]);
//! assert_eq!(gold, [(0, 13), (19, 25)]);
//! let counts = score(&gold, &[(0, 13), (19, 28)]);
//! assert_eq!((counts.tp, counts.fp, counts.fn_), (1, 1, 1));
//! assert_eq!(counts.f1(), 0.5);
//! ```

use crate::analyze::Kind;
use crate::error::{Error, ErrorKind};
use crate::extract::Extractor;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// True positives, false positives and false negatives of exact spans.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SpanCounts {
    /// Found spans that are expected.
    pub tp: usize,
    /// Found spans that are not expected.
    pub fp: usize,
    /// Expected spans that were not found.
    pub fn_: usize,
}

impl SpanCounts {
    /// The share of found spans that are expected (1 when none was found).
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }

    /// The share of expected spans that were found (1 when none was
    /// expected).
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }

    /// The harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    /// Adds `other`'s counts to these.
    pub fn add(&mut self, other: SpanCounts) {
        self.tp += other.tp;
        self.fp += other.fp;
        self.fn_ += other.fn_;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

fn is_word_byte_char(c: Option<char>) -> bool {
    c.is_some_and(char::is_alphanumeric)
}

/// Every whole-word occurrence of `variants` in `text` as byte spans, in
/// text order: at each position the longest variant wins, and occurrences
/// do not overlap. Matching is case-sensitive; a variant must not be
/// preceded or followed by a letter or digit.
pub fn gold_spans(text: &str, variants: &[String]) -> Vec<(usize, usize)> {
    let mut vs: Vec<&str> = variants
        .iter()
        .map(String::as_str)
        .filter(|v| !v.is_empty())
        .collect();
    vs.sort_by_key(|v| std::cmp::Reverse(v.len()));
    vs.dedup();
    let mut cands: Vec<(usize, usize)> = Vec::new();
    for v in &vs {
        for (i, _) in text.match_indices(v) {
            let end = i + v.len();
            let before = text[..i].chars().next_back();
            let after = text[end..].chars().next();
            if !is_word_byte_char(before) && !is_word_byte_char(after) {
                cands.push((i, end));
            }
        }
    }
    // Leftmost first, longest first at the same start.
    cands.sort_by_key(|&(s, e)| (s, std::cmp::Reverse(e)));
    let mut out: Vec<(usize, usize)> = Vec::new();
    for (s, e) in cands {
        if out.last().is_some_and(|&(_, pe)| s < pe) {
            continue;
        }
        out.push((s, e));
    }
    out
}

/// Counts of `found` spans against `gold` spans (each a set; duplicates
/// count once).
pub fn score(gold: &[(usize, usize)], found: &[(usize, usize)]) -> SpanCounts {
    let g: BTreeSet<_> = gold.iter().copied().collect();
    let f: BTreeSet<_> = found.iter().copied().collect();
    let tp = g.intersection(&f).count();
    SpanCounts {
        tp,
        fp: f.len() - tp,
        fn_: g.len() - tp,
    }
}

/// The expected variants of each file of an `expected.tsv`, by file name.
/// `source` names the table in errors.
pub fn read_expected(tsv: &str, source: &str) -> Result<BTreeMap<String, Vec<String>>, Error> {
    let mut out: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (i, line) in tsv.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') || line.starts_with("file\t") {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 3 {
            return Err(Error::at(
                ErrorKind::Parse,
                source,
                Some(i + 1),
                "expected three TAB-separated columns: file, canonical, variants",
            ));
        }
        let list = out.entry(cols[0].to_string()).or_default();
        for v in cols[2].split('|').filter(|v| !v.is_empty()) {
            if !list.iter().any(|x| x == v) {
                list.push(v.to_string());
            }
        }
    }
    Ok(out)
}

/// The evaluation of one text.
#[derive(Debug, Clone, PartialEq)]
pub struct TextReport {
    /// The text's file name.
    pub file: String,
    /// Its span counts.
    pub counts: SpanCounts,
    /// Expected mentions not found, as `(byte offset, text)`.
    pub missed: Vec<(usize, String)>,
    /// Person mentions found that are not expected, as `(byte offset,
    /// text)`.
    pub false_hits: Vec<(usize, String)>,
}

/// The evaluation of a labelled directory.
#[derive(Debug, Clone, PartialEq)]
pub struct DirReport {
    /// One report per text, in file-name order.
    pub texts: Vec<TextReport>,
    /// The counts over all texts.
    pub total: SpanCounts,
}

/// Evaluates one text: the person mentions `extractor` finds in it against
/// the spans of `variants`.
pub fn evaluate_text(
    extractor: &Extractor,
    file: &str,
    text: &str,
    variants: &[String],
) -> TextReport {
    let gold = gold_spans(text, variants);
    let found: Vec<(usize, usize)> = extractor
        .find(text)
        .into_iter()
        .filter(|f| f.kind == Kind::Person)
        .map(|f| (f.start, f.end))
        .collect();
    let counts = score(&gold, &found);
    let g: BTreeSet<_> = gold.iter().copied().collect();
    let f: BTreeSet<_> = found.iter().copied().collect();
    let show = |&(s, e): &(usize, usize)| (s, text[s..e].to_string());
    TextReport {
        file: file.to_string(),
        counts,
        missed: g.difference(&f).map(show).collect(),
        false_hits: f.difference(&g).map(show).collect(),
    }
}

/// Evaluates every text of `dir`: those listed in its `expected.tsv`, and
/// every other `.txt` file as a text with no person.
pub fn evaluate_dir(extractor: &Extractor, dir: &Path) -> Result<DirReport, Error> {
    let tsv_path = dir.join("expected.tsv");
    let source = tsv_path.display().to_string();
    let tsv = std::fs::read_to_string(&tsv_path).map_err(|e| Error::io(&source, e))?;
    let mut expected = read_expected(&tsv, &source)?;
    let entries = std::fs::read_dir(dir).map_err(|e| Error::io(&dir.display().to_string(), e))?;
    for entry in entries {
        let entry = entry.map_err(|e| Error::io(&dir.display().to_string(), e))?;
        let name = entry.file_name().to_string_lossy().to_string();
        if name.ends_with(".txt") {
            expected.entry(name).or_default();
        }
    }
    let mut texts = Vec::new();
    let mut total = SpanCounts::default();
    for (file, variants) in &expected {
        let path = dir.join(file);
        let text = std::fs::read_to_string(&path)
            .map_err(|e| Error::io(&path.display().to_string(), e))?;
        let report = evaluate_text(extractor, file, &text, variants);
        total.add(report.counts);
        texts.push(report);
    }
    Ok(DirReport { texts, total })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(xs: &[&str]) -> Vec<String> {
        xs.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn longest_whole_word_occurrences() {
        let text = "Jan Novak beat Novakovic; Novak 's serve and JAN NOVAK.";
        let gold = gold_spans(text, &v(&["Novak", "Jan Novak"]));
        let got: Vec<&str> = gold.iter().map(|&(s, e)| &text[s..e]).collect();
        assert_eq!(got, ["Jan Novak", "Novak"]);
    }

    #[test]
    fn counts_and_measures() {
        let c = score(&[(0, 3), (5, 8)], &[(0, 3), (4, 8), (9, 10)]);
        assert_eq!(
            c,
            SpanCounts {
                tp: 1,
                fp: 2,
                fn_: 1
            }
        );
        assert!((c.precision() - 1.0 / 3.0).abs() < 1e-12);
        assert_eq!(c.recall(), 0.5);
        assert!((c.f1() - 0.4).abs() < 1e-12);
        assert_eq!(SpanCounts::default().f1(), 1.0);
    }

    #[test]
    fn malformed_rows_are_errors() {
        let e = read_expected("a.txt\tonly two\n", "x.tsv").unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Parse);
        assert_eq!(e.problems()[0].line, Some(1));
        let ok = read_expected("# c\nfile\tcanonical\tvariants\na.txt\tA B\tA B|B\n", "x").unwrap();
        assert_eq!(ok["a.txt"], ["A B", "B"]);
    }
}
