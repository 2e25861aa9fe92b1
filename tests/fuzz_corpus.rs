//! Replays every fuzzing corpus and artifact under `fuzz/` through the same
//! checks as the fuzz targets, so `cargo test` covers them on stable Rust.
//!
//! Each target in `fuzz/fuzz_targets/` has a check function here with the
//! same body; add a target to `TARGETS` when adding it to `fuzz/`.

use std::collections::BTreeSet;
use std::fs;
use std::panic;
use std::path::{Path, PathBuf};

/// `fuzz/fuzz_targets/analyze.rs`.
fn analyze(data: &[u8]) {
    let input = String::from_utf8_lossy(data);
    let name = canonym::analyze(&input);
    let key = name.key();
    assert!(
        key.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b' '),
        "key {key:?} of {input:?} has a character outside [a-z0-9 ]"
    );
    assert!(
        !key.starts_with(' ') && !key.ends_with(' ') && !key.contains("  "),
        "key {key:?} of {input:?} is not single-space separated"
    );
    let again = canonym::analyze(name.display());
    assert_eq!(
        again.key(),
        key,
        "display {:?} of {input:?} re-analyses to another key",
        name.display()
    );
}

/// `fuzz/fuzz_targets/compare.rs`.
fn compare(data: &[u8]) {
    let (x, y) = match data.iter().position(|&b| b == 0) {
        Some(p) => (&data[..p], &data[p + 1..]),
        None => data.split_at(data.len() / 2),
    };
    let a = canonym::analyze(&String::from_utf8_lossy(x));
    let b = canonym::analyze(&String::from_utf8_lossy(y));
    let ab = canonym::compare(&a, &b);
    let ba = canonym::compare(&b, &a);
    assert!((0.0..=1.0).contains(&ab.score()));
    assert!(
        (ab.score() - ba.score()).abs() < 1e-9,
        "asymmetric: {x:?} / {y:?}"
    );
    let _ = ab.explain(&a, &b);
    if !a.is_empty() {
        assert!((canonym::compare(&a, &a).score() - 1.0).abs() < 1e-9);
    }
}

/// `fuzz/fuzz_targets/aliases.rs`.
fn aliases(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    for (json, table) in [
        (
            true,
            canonym::AliasTableBuilder::new()
                .allow_ambiguous(true)
                .add_json("f", &text)
                .and_then(|b| b.build()),
        ),
        (
            false,
            canonym::AliasTableBuilder::new()
                .allow_ambiguous(true)
                .add_csv("f", &text, b',')
                .and_then(|b| b.build()),
        ),
    ] {
        let table = match table {
            Ok(t) => t,
            Err(e) => {
                assert!(!e.problems().is_empty());
                continue;
            }
        };
        let again = canonym::AliasTableBuilder::new()
            .allow_ambiguous(true)
            .add_json("again", &table.to_json())
            .and_then(|b| b.build())
            .expect("to_json loads back");
        assert_eq!(again.entities(), table.entities());
        if !json {
            let again = canonym::AliasTableBuilder::new()
                .allow_ambiguous(true)
                .add_csv("again", &table.to_csv(), b',')
                .and_then(|b| b.build())
                .expect("to_csv loads back");
            assert_eq!(again.entities(), table.entities());
        }
        for e in table.entities() {
            let name = canonym::analyze(&e.canonical);
            if e.kind == canonym::Kind::Unknown {
                assert!(table.lookup(&name).is_some(), "{:?} not found", e.canonical);
            }
        }
    }
}

/// `fuzz/fuzz_targets/resolve.rs`.
fn resolve(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let mentions: Vec<canonym::Mention> = text
        .lines()
        .take(256)
        .map(|l| match l.split_once('\t') {
            Some((n, d)) => canonym::Mention::new(n).doc(d),
            None => canonym::Mention::new(l),
        })
        .collect();
    let r = canonym::Resolver::new().resolve(&mentions);
    assert_eq!(r.assignments().len(), mentions.len());
    let total: usize = r.entities().iter().map(|e| e.count).sum();
    assert_eq!(total, mentions.len());
    let n = mentions.len();
    let mut rev = mentions.clone();
    rev.reverse();
    let r2 = canonym::Resolver::new().resolve(&rev);
    let a: BTreeSet<Vec<usize>> = r.clusters().into_iter().collect();
    let b: BTreeSet<Vec<usize>> = r2
        .clusters()
        .into_iter()
        .map(|c| {
            let mut c: Vec<usize> = c.into_iter().map(|i| n - 1 - i).collect();
            c.sort();
            c
        })
        .collect();
    assert_eq!(a, b);
}

/// `fuzz/fuzz_targets/extract.rs`.
fn extract(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let found = canonym::Extractor::new().find(&text);
    let mut last = 0;
    for f in &found {
        assert!(f.start < f.end, "empty span {f:?} in {text:?}");
        assert_eq!(
            text.get(f.start..f.end),
            Some(f.text.as_str()),
            "span {}..{} of {text:?} does not hold {:?}",
            f.start,
            f.end,
            f.text
        );
        assert!(f.start >= last, "mentions out of order in {text:?}");
        last = f.start;
    }
}

/// A fuzz target's body: panics on a failed check.
type Check = fn(&[u8]);

/// Every fuzz target and its check.
const TARGETS: &[(&str, Check)] = &[
    ("analyze", analyze),
    ("compare", compare),
    ("aliases", aliases),
    ("resolve", resolve),
    ("extract", extract),
];

/// The files of `fuzz/corpus/<target>/` and `fuzz/artifacts/<target>/`.
fn inputs(target: &str) -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    let mut files = Vec::new();
    for dir in ["corpus", "artifacts"] {
        let Ok(entries) = fs::read_dir(root.join(dir).join(target)) else {
            continue;
        };
        for entry in entries {
            let path = entry.expect("readable fuzz directory").path();
            if path.is_file() {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

#[test]
fn every_target_has_a_corpus() {
    for (target, _) in TARGETS {
        let source = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("fuzz/fuzz_targets")
            .join(format!("{target}.rs"));
        assert!(source.is_file(), "no fuzz target {}", source.display());
        assert!(!inputs(target).is_empty(), "empty corpus for {target}");
    }
}

#[test]
fn corpora_replay_without_failures() {
    let mut failures = Vec::new();
    // Failures are collected and listed below, not printed as they happen.
    let hook = panic::take_hook();
    panic::set_hook(Box::new(|_| {}));
    for (target, check) in TARGETS {
        for path in inputs(target) {
            let data = fs::read(&path).expect("readable corpus file");
            if let Err(e) = panic::catch_unwind(|| check(&data)) {
                let message = e
                    .downcast_ref::<String>()
                    .map(String::as_str)
                    .or_else(|| e.downcast_ref::<&str>().copied())
                    .unwrap_or("panic");
                failures.push(format!("{target}: {}: {message}", path.display()));
            }
        }
    }
    panic::set_hook(hook);
    assert!(
        failures.is_empty(),
        "{} corpus input(s) fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
