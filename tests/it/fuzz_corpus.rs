//! Replays every fuzzing corpus and artifact under `fuzz/` through the same
//! checks as the fuzz targets, so `cargo test` covers them on stable Rust.
//!
//! The targets and this test share their checks (`fuzz/checks.rs`); add a
//! target to `TARGETS` when adding it to `fuzz/`.

use std::fs;
use std::panic;
use std::path::{Path, PathBuf};

#[path = "../../fuzz/checks.rs"]
mod checks;

use checks::{aliases, analyze, compare, extract, resolve};

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
