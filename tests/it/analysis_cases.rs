//! The table of real analysis cases across cultures in
//! `tests/data/analysis_cases.tsv`: display form, key, kind, removed titles
//! and tagged parts for each input.
//!
//! Conventions of the table: `~` in the key or tags column means "not
//! asserted" (heuristic romanisations), `*` in the kind column likewise, and
//! `-` is an empty titles list.

use canonym::analyze;

#[test]
fn analysis_cases() {
    let text = include_str!("../data/analysis_cases.tsv");
    let mut failures = Vec::new();
    let mut n = 0;
    for (i, line) in text.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() || line.starts_with("input\t") {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        assert_eq!(f.len(), 6, "line {}: expected 6 columns: {line:?}", i + 1);
        n += 1;
        let name = analyze(f[0]);
        let mut fail = |what: &str, want: &str, got: String| {
            failures.push(format!(
                "line {} {:?}: {what}: want {want:?}, got {got:?}",
                i + 1,
                f[0]
            ));
        };
        if name.display() != f[1] {
            fail("display", f[1], name.display().to_string());
        }
        if f[2] != "~" && name.key() != f[2] {
            fail("key", f[2], name.key().to_string());
        }
        if f[3] != "*" && name.kind().as_str() != f[3] {
            fail("kind", f[3], name.kind().as_str().to_string());
        }
        let titles = if name.titles().is_empty() {
            "-".to_string()
        } else {
            name.titles().join("|")
        };
        if titles != f[4] {
            fail("titles", f[4], titles);
        }
        if f[5] != "~" {
            let tags: Vec<String> = name
                .parts()
                .map(|p| format!("{}:{}", p.fold(), p.tag().as_str()))
                .collect();
            let tags = tags.join(" ");
            if tags != f[5] {
                fail("tags", f[5], tags);
            }
        }
    }
    assert!(n >= 150, "only {n} cases");
    assert!(
        failures.is_empty(),
        "{} of {n} cases fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
