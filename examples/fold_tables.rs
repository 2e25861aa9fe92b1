//! Regenerates the pre-folded tables the build script lays out for the
//! library: `data/given_names.folded.tsv`, the given-name groups, from
//! `data/given_names.tsv` and `data/given_names_extra.tsv`, and
//! `data/tables.folded.tsv` from the other text tables of `data/`:
//!
//! ```text
//! cargo run --release --example fold_tables
//! ```

use std::fs;

fn main() {
    let sources = ["data/given_names.tsv", "data/given_names_extra.tsv"];
    let texts: Vec<(String, String)> = sources
        .iter()
        .map(|p| {
            let text = fs::read_to_string(p).unwrap_or_else(|e| {
                eprintln!("fold_tables: {p}: {e} (run from the repository root)");
                std::process::exit(2);
            });
            (p.to_string(), text)
        })
        .collect();
    let refs: Vec<(&str, &str)> = texts
        .iter()
        .map(|(p, t)| (p.as_str(), t.as_str()))
        .collect();
    match canonym::generate_given_names(&refs) {
        Ok(out) => {
            fs::write("data/given_names.folded.tsv", &out).expect("writable data/");
            eprintln!(
                "data/given_names.folded.tsv: {} forms",
                out.lines().count() - 2
            );
        }
        Err(e) => {
            eprintln!("fold_tables: {e}");
            std::process::exit(2);
        }
    }
    let out = canonym::generate_folded_tables();
    fs::write("data/tables.folded.tsv", &out).expect("writable data/");
    eprintln!("data/tables.folded.tsv: {} rows", out.lines().count() - 2);
}
