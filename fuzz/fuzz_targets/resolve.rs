//! Any bytes, split into mentions (one a line, `name<TAB>doc`), resolve
//! without panicking to a partition of the input, and the same partition
//! when the lines are reversed.
//!
//! Keep in step with `resolve` in `tests/fuzz_corpus.rs`, which replays the
//! corpus under `cargo test`.

#![no_main]

use libfuzzer_sys::fuzz_target;
use std::collections::BTreeSet;

fuzz_target!(|data: &[u8]| {
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
});
