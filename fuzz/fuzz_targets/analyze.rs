//! Any bytes, decoded lossily, analyse without panicking; the key is
//! ASCII `[a-z0-9 ]` with single spaces, and re-analysing the display form
//! gives the same key.
//!
//! Keep in step with `analyze` in `tests/fuzz_corpus.rs`, which replays the
//! corpus under `cargo test`.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
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
});
