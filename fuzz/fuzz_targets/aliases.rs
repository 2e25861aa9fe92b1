//! Any bytes, read as a JSON and as a CSV alias table, load or fail with
//! located problems, never panic; a table that loads round-trips through
//! `to_json` and `to_csv` to the same entities, and every canonical name
//! looks up to an entity.
//!
//! Keep in step with `aliases` in `tests/fuzz_corpus.rs`, which replays the
//! corpus under `cargo test`.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
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
});
