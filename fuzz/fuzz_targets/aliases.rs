//! Any bytes, read as a JSON and as a CSV alias table, load or fail with
//! located problems, never panic; a table that loads round-trips through
//! `to_json` and `to_csv` to the same entities, and every canonical name
//! looks up to an entity.
//!
//! The check is `aliases` in `fuzz/checks.rs`, which `tests/it/fuzz_corpus.rs`
//! also runs over the corpus under `cargo test`.

#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../checks.rs"]
mod checks;

fuzz_target!(|data: &[u8]| checks::aliases(data));
