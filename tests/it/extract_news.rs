//! The person mentions found in the news texts of `tests/news/`: for each
//! text listed in `tests/news/expected.tsv`, the set of person mention texts
//! (name spans) must equal the union of the expected variants.

use canonym::{Extractor, Kind};
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

/// File name → expected person mention texts, from `expected.tsv`.
fn expected(dir: &Path) -> BTreeMap<String, BTreeSet<String>> {
    let tsv = fs::read_to_string(dir.join("expected.tsv")).expect("readable expected.tsv");
    let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for line in tsv.lines() {
        if line.trim().is_empty() || line.starts_with('#') || line.starts_with("file\t") {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        assert!(cols.len() >= 3, "malformed expected.tsv row {line:?}");
        let set = out.entry(cols[0].to_string()).or_default();
        set.extend(
            cols[2]
                .split('|')
                .filter(|v| !v.is_empty())
                .map(str::to_string),
        );
    }
    out
}

#[test]
fn news_persons_match_expected() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/news");
    if !dir.join("expected.tsv").is_file() {
        return;
    }
    let expected = expected(&dir);
    assert!(!expected.is_empty(), "expected.tsv lists no text");
    let ex = Extractor::new();
    let mut failures = Vec::new();
    for (file, want) in &expected {
        let text = fs::read_to_string(dir.join(file))
            .unwrap_or_else(|e| panic!("expected.tsv names {file}, unreadable: {e}"));
        let found = ex.find(&text);
        for f in &found {
            assert_eq!(&text[f.start..f.end], f.text, "{file}: span of {f:?}");
        }
        let got: BTreeSet<String> = found
            .into_iter()
            .filter(|f| f.kind == Kind::Person)
            .map(|f| f.text)
            .collect();
        if &got != want {
            failures.push(format!(
                "{file}: missing {:?}, unexpected {:?}",
                want.difference(&got).collect::<Vec<_>>(),
                got.difference(want).collect::<Vec<_>>()
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} texts differ:\n{}",
        failures.len(),
        expected.len(),
        failures.join("\n")
    );
}

#[test]
fn news_texts_without_persons_yield_none() {
    // Every text in the directory without an expected row must yield no
    // person: texts are listed only when they mention someone.
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/news");
    let Ok(entries) = fs::read_dir(&dir) else {
        return;
    };
    if !dir.join("expected.tsv").is_file() {
        return;
    }
    let expected = expected(&dir);
    let ex = Extractor::new();
    for entry in entries {
        let path = entry.expect("readable entry").path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        if !name.ends_with(".txt") || expected.contains_key(&name) {
            continue;
        }
        let text = fs::read_to_string(&path).expect("readable text");
        let persons: Vec<String> = ex
            .find(&text)
            .into_iter()
            .filter(|f| f.kind == Kind::Person)
            .map(|f| f.text)
            .collect();
        assert!(persons.is_empty(), "{name}: unexpected persons {persons:?}");
    }
}
