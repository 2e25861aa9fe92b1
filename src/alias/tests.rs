//! Tests of alias tables: parsing, validation and lookup.

use super::*;
use crate::analyze::analyze;

#[test]
fn json_problems_have_paths() {
    let json = r#"[
        {"id": "a", "canonical": "Abdellatif Loudiyi", "aliases": ["", 3]},
        {"id": "a", "canonical": "X Y"},
        {"id": "b", "kind": "planet"}
    ]"#;
    let err = AliasTableBuilder::new()
        .add_json("t.json", json)
        .unwrap_err();
    let paths: Vec<_> = err
        .problems()
        .iter()
        .map(|p| p.path.clone().unwrap())
        .collect();
    assert!(paths.contains(&"[0].aliases[0]".to_string()), "{paths:?}");
    assert!(paths.contains(&"[0].aliases[1]".to_string()), "{paths:?}");
    assert!(paths.contains(&"[2].kind".to_string()), "{paths:?}");
    let err = AliasTableBuilder::new()
        .add_json("t.json", "[\n{\"id\": }")
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Parse);
    assert_eq!(err.problems()[0].line, Some(2));
}

#[test]
fn exact_alias_wins() {
    let t = AliasTableBuilder::new()
        .add_json(
            "t",
            r#"[{"id": "m6", "canonical": "Mohammed VI", "aliases": ["King Mohammed VI"]}]"#,
        )
        .unwrap()
        .build()
        .unwrap();
    let m = t.lookup(&analyze("mohammed vi")).unwrap();
    assert_eq!(m.score(), 1.0);
    assert!(m.comparison().is_none());
    assert!(t.lookup(&analyze("Mohammed V")).is_none());
}

#[test]
fn repeated_csv_column_is_malformed() {
    for header in ["id,name,aliases,aliases", "id,name,ID", "id,name,canonical"] {
        let text = format!("{header}\na,John Smith,J. Smith,x\n");
        let err = AliasTableBuilder::new()
            .add_csv("t.csv", &text, b',')
            .unwrap_err();
        assert_eq!(err.problems()[0].source, "t.csv", "{header}");
        assert_eq!(err.problems()[0].line, Some(1), "{header}");
    }
    // A "name" column after "canonical" stays an attribute.
    let t = AliasTableBuilder::new()
        .add_csv("t.csv", "id,canonical,name\na,John Smith,x\n", b',')
        .unwrap()
        .build()
        .unwrap();
    assert_eq!(t.entities()[0].attributes["name"], "x");
}
