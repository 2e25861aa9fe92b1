//! Any bytes, decoded lossily, go through name extraction without
//! panicking; every mention's span lies on character boundaries and holds
//! exactly the mention's text, and mentions come in text order.
//!
//! The check is `extract` in `fuzz/checks.rs`, which `tests/it/fuzz_corpus.rs`
//! also runs over the corpus under `cargo test`.

#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../checks.rs"]
mod checks;

fuzz_target!(|data: &[u8]| checks::extract(data));
