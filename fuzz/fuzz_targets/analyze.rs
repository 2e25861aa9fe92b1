//! Any bytes, decoded lossily, analyse without panicking; the key is
//! ASCII `[a-z0-9 ]` with single spaces, and re-analysing the display form
//! gives the same key.
//!
//! The check is `analyze` in `fuzz/checks.rs`, which `tests/it/fuzz_corpus.rs`
//! also runs over the corpus under `cargo test`.

#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../checks.rs"]
mod checks;

fuzz_target!(|data: &[u8]| checks::analyze(data));
