//! Any bytes, decoded lossily, go through name extraction without
//! panicking; every mention's span lies on character boundaries and holds
//! exactly the mention's text, and mentions come in text order.
//!
//! Keep in step with `extract` in `tests/fuzz_corpus.rs`, which replays the
//! corpus under `cargo test`.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
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
});
