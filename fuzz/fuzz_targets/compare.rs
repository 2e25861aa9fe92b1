//! Two arbitrary strings (split at the first NUL byte or in the middle):
//! comparison never panics, is symmetric, lies in [0, 1], and a name
//! compared with itself scores 1.
//!
//! The check is `compare` in `fuzz/checks.rs`, which `tests/it/fuzz_corpus.rs`
//! also runs over the corpus under `cargo test`.

#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../checks.rs"]
mod checks;

fuzz_target!(|data: &[u8]| checks::compare(data));
