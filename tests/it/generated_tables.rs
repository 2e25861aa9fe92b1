//! The pre-folded tables compiled into the library must be what
//! `cargo run --example fold_tables` makes of the source tables today.

#[test]
fn folded_given_names_are_up_to_date() {
    let sources = [
        (
            "data/given_names.tsv",
            include_str!("../../data/given_names.tsv"),
        ),
        (
            "data/given_names_extra.tsv",
            include_str!("../../data/given_names_extra.tsv"),
        ),
    ];
    let fresh = canonym::generate_given_names(&sources).expect("source tables parse");
    let committed = include_str!("../../data/given_names.folded.tsv");
    assert!(
        fresh == committed,
        "data/given_names.folded.tsv is stale: run `cargo run --release --example fold_tables`"
    );
}

#[test]
fn folded_tables_are_up_to_date() {
    let committed = include_str!("../../data/tables.folded.tsv");
    assert!(
        canonym::generate_folded_tables() == committed,
        "data/tables.folded.tsv is stale: run `cargo run --release --example fold_tables`"
    );
}
