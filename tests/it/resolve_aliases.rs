//! Alias tables: loading, validation with locations, round trips, lookup.

use canonym::{analyze, AliasTable, AliasTableBuilder, Entity, ErrorKind, Kind};
use proptest::prelude::*;
use serde_json::Value;
use std::collections::BTreeMap;

#[test]
fn csv_one_row_per_alias_merges_by_id() {
    let csv = "id,canonical,kind,alias,country\n\
               loudiyi,Abdellatif Loudiyi,person,Abdeltif Loudyi,MA\n\
               loudiyi,,,Loudiyi,\n\
               bourita,Nasser Bourita,person,,MA\n";
    let t = AliasTableBuilder::new()
        .add_csv("t.csv", csv, b',')
        .unwrap()
        .build()
        .unwrap();
    assert_eq!(t.len(), 2);
    let e = &t.entities()[0];
    assert_eq!(e.aliases, ["Abdeltif Loudyi", "Loudiyi"]);
    assert_eq!(e.attributes["country"], Value::String("MA".into()));
    assert_eq!(e.kind, Kind::Person);
}

#[test]
fn tsv_aliases_column_splits_on_bars() {
    let tsv = "id\tname\taliases\nm6\tMohammed VI\tKing Mohammed VI | Muhammad VI\n";
    let t = AliasTableBuilder::new()
        .add_csv("t.tsv", tsv, b'\t')
        .unwrap()
        .build()
        .unwrap();
    assert_eq!(t.entities()[0].aliases, ["King Mohammed VI", "Muhammad VI"]);
    assert_eq!(t.lookup(&analyze("muhammad vi")).unwrap().entity().id, "m6");
}

#[test]
fn csv_reports_every_problem_with_its_line() {
    let csv = "id,canonical,kind,aliases\n\
               a,Abdellatif Loudiyi,person,\n\
               a,Someone Else,,\n\
               ,No Id,,\n\
               b,Nasser Bourita,planet,\n\
               c,Mark Esper,,Esper||M. Esper\n\
               d,,,Alias Only\n";
    let err = AliasTableBuilder::new()
        .add_csv("t.csv", csv, b',')
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Invalid);
    let lines: Vec<_> = err.problems().iter().map(|p| p.line.unwrap()).collect();
    assert_eq!(lines, [3, 4, 5, 6, 7], "{err}");
    assert!(err.problems()[0].message.contains("conflicting canonical"));
    assert!(err.problems()[2].message.contains("unknown kind"));
    assert!(err.to_string().starts_with("t.csv:3: "), "{err}");
}

#[test]
fn duplicate_ids_across_tables_and_shared_aliases() {
    let mut b = AliasTableBuilder::new();
    b.add_json("a.json", r#"[{"id": "x", "name": "Mohammed VI"}]"#)
        .unwrap();
    let err = b
        .add_csv("b.csv", "id,name\ny,Mohammed V\nx,Other\n", b',')
        .unwrap_err();
    assert_eq!(err.problems().len(), 1);
    assert_eq!(err.problems()[0].line, Some(3));
    assert!(err.problems()[0].message.contains("a.json"), "{err}");
    // Nothing of the failed table was added.
    b.add_csv(
        "c.csv",
        "id,name,alias\ny,Mohammed V,King Mohammed VI\n",
        b',',
    )
    .unwrap();
    let err = b.build().unwrap_err();
    assert_eq!(err.problems().len(), 1, "{err}");
    assert_eq!(err.problems()[0].source, "c.csv");
    assert_eq!(err.problems()[0].line, Some(2));
    // Allowed, the shared alias is ambiguous.
    let t = b.allow_ambiguous(true).build().unwrap();
    let m = t.lookup(&analyze("Mohammed VI")).unwrap();
    assert!(m.is_ambiguous());
    assert_eq!(m.tied(), [0, 1]);
}

#[test]
fn json_problems_have_paths_and_syntax_errors_lines() {
    let json = r#"[
        {"id": "a", "canonical": "Abdellatif Loudiyi", "aliases": ["ok", ""]},
        {"canonical": "No Id"},
        {"id": "b", "canonical": "   "},
        "not an object"
    ]"#;
    let err = AliasTableBuilder::new()
        .add_json("t.json", json)
        .unwrap_err();
    let paths: Vec<_> = err
        .problems()
        .iter()
        .map(|p| p.path.clone().unwrap())
        .collect();
    assert_eq!(
        paths,
        ["[0].aliases[1]", "[1]", "[2].canonical", "[3]"],
        "{err}"
    );
    let err = AliasTableBuilder::new()
        .add_json("t.json", "[\n  {\"id\": \"a\",\n  }\n]")
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Parse);
    assert_eq!(err.problems()[0].line, Some(3));
}

#[test]
fn fuzzy_lookup_explains() {
    let t = AliasTableBuilder::new()
        .add_json(
            "t.json",
            r#"[{"id": "loudiyi", "canonical": "Abdellatif Loudiyi"},
                {"id": "mouhib", "canonical": "Abdelghani Mouhib"}]"#,
        )
        .unwrap()
        .build()
        .unwrap();
    let q = analyze("Defence Minister Abdeltif Loudyi");
    let m = t.lookup(&q).unwrap();
    assert_eq!(m.entity().id, "loudiyi");
    assert!(m.score() >= 0.8 && m.score() < 1.0);
    assert!(!m.explain(&q).is_empty());
    assert_eq!(t.lookup(&analyze("Abdel Ghani Mouhib")).unwrap().index(), 1);
    assert!(t.lookup(&analyze("Mark Esper")).is_none());
}

#[test]
fn add_path_picks_the_format_by_extension() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let p = dir.join("t.tsv");
    std::fs::write(&p, "id\tname\nx\tNina Kozlowski\n").unwrap();
    let t = AliasTableBuilder::new()
        .add_path(&p)
        .unwrap()
        .build()
        .unwrap();
    assert_eq!(t.entities()[0].canonical, "Nina Kozlowski");
    let err = AliasTableBuilder::new()
        .add_path(dir.join("missing.json"))
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Io);
}

const WORDS: &[&str] = &[
    "Abdellatif",
    "Loudiyi",
    "Juvénal",
    "Marizamunda",
    "Nasser",
    "Bourita",
    "Mark",
    "Esper",
    "Nina",
    "Kozłowski",
    "Fayez",
    "el",
    "Sarraj",
    "Khalifa",
    "Haftar",
    "Patrick",
    "Karuretwa",
    "O'Brien",
    "\"Quoted\"",
    "Comma,Name",
    "Bar|Name",
];

fn name() -> impl Strategy<Value = String> {
    proptest::collection::vec(proptest::sample::select(WORDS), 1..4).prop_map(|w| w.join(" "))
}

fn entities() -> impl Strategy<Value = Vec<Entity>> {
    proptest::collection::vec(
        (
            name(),
            proptest::sample::select(&[Kind::Person, Kind::Org, Kind::Unknown][..]),
            proptest::collection::vec(name(), 0..3),
            proptest::collection::btree_map("[a-z]{1,6}", "[A-Za-z0-9 ,|\"]{1,8}", 0..3),
        ),
        0..6,
    )
    .prop_map(|rows| {
        rows.into_iter()
            .enumerate()
            .map(|(i, (canonical, kind, aliases, attrs))| Entity {
                id: format!("e{i}"),
                canonical,
                kind,
                aliases,
                attributes: attrs
                    .into_iter()
                    .filter(|(k, _)| {
                        !matches!(
                            k.as_str(),
                            "id" | "name" | "kind" | "alias" | "aliases" | "canonical"
                        )
                    })
                    .map(|(k, v)| (k, Value::String(v.trim().to_string())))
                    .filter(|(_, v)| v.as_str() != Some(""))
                    .collect::<BTreeMap<_, _>>(),
            })
            .collect()
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn tables_round_trip_through_json_and_csv(es in entities()) {
        let json = serde_json::to_string(&es).unwrap();
        let table = AliasTableBuilder::new()
            .allow_ambiguous(true)
            .add_json("t.json", &json)
            .unwrap()
            .build()
            .unwrap();
        prop_assert_eq!(table.entities(), &es[..]);
        let from_json: AliasTable = AliasTableBuilder::new()
            .allow_ambiguous(true)
            .add_json("again.json", &table.to_json())
            .unwrap()
            .build()
            .unwrap();
        prop_assert_eq!(from_json.entities(), &es[..]);
        let csv = table.to_csv();
        let from_csv = AliasTableBuilder::new()
            .allow_ambiguous(true)
            .add_csv("again.csv", &csv, b',')
            .unwrap()
            .build()
            .unwrap();
        prop_assert_eq!(from_csv.entities(), &es[..], "{}", csv);
    }
}
