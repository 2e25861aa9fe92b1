//! The checks of the fuzz targets, one function per target: each panics
//! when an invariant fails. The targets in `fuzz_targets/` call them, and
//! `tests/it/fuzz_corpus.rs` replays every corpus through them on stable Rust.
#![allow(dead_code)] // each fuzz target uses one of them

use std::collections::BTreeSet;

/// `fuzz/fuzz_targets/analyze.rs`.
pub fn analyze(data: &[u8]) {
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
    // The first analysis read chunks the analyser had mostly not seen; the
    // second reads them all from its per-thread cache.
    let warm = canonym::analyze(&input);
    assert_eq!(warm, name, "{input:?} analyses differently from the cache");
}

/// `fuzz/fuzz_targets/compare.rs`.
pub fn compare(data: &[u8]) {
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
pub fn aliases(data: &[u8]) {
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
pub fn resolve(data: &[u8]) {
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
pub fn extract(data: &[u8]) {
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
