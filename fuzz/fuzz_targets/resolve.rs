//! Any bytes, split into mentions (one a line, `name<TAB>doc`), resolve
//! without panicking to a partition of the input, and the same partition
//! when the lines are reversed.
//!
//! The check is `resolve` in `fuzz/checks.rs`, which `tests/it/fuzz_corpus.rs`
//! also runs over the corpus under `cargo test`.

#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../checks.rs"]
mod checks;

fuzz_target!(|data: &[u8]| checks::resolve(data));
