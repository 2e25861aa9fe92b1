//! The person mentions found in the seed articles of `seeds/`: for each
//! article, the set of distinct person mention texts must be exactly the
//! expected one.

use canonym::{Extractor, Kind};
use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

/// Seed file prefix → the person mention texts expected in it.
const EXPECTED: &[(&str, &[&str])] = &[
    ("000_", &["Abdellatif Loudiyi", "Juvenal Marizamunda"]),
    (
        "001_",
        &[
            "Patrick Karuretwa",
            "Vincent Nyakarundi",
            "Nyakarundi",
            "Mohammed VI",
            "Abdeltif Loudyi",
            "Juvénal Marizamunda",
        ],
    ),
    (
        "002_",
        &[
            "Khawaja Muhammad Asif",
            "Khawaja Asif",
            "Asif",
            "Abdellatif Loudyi",
            "AbdellatifLoudyi",
            "Nasser Bourita",
            "Mohammed V",
        ],
    ),
    (
        "003_",
        &[
            "Mark Esper",
            "Nasser Bourita",
            "Abdellatif Loudiyi",
            "Nina Kozlowski",
            "Fayez el Sarraj",
            "Khalifa Haftar",
        ],
    ),
    ("004_", &["Abdelghani Mouhib", "Mouhib"]),
];

fn seed(prefix: &str) -> String {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut paths: Vec<_> = fs::read_dir(&dir)
        .expect("seeds/ is readable")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(prefix) && n.ends_with(".txt"))
        })
        .collect();
    paths.sort();
    let path = paths
        .first()
        .unwrap_or_else(|| panic!("no seed {prefix}*.txt"));
    fs::read_to_string(path).expect("readable seed")
}

#[test]
fn seed_persons_are_exact() {
    let ex = Extractor::new();
    let mut failures = Vec::new();
    for (prefix, expected) in EXPECTED {
        let text = seed(prefix);
        let found = ex.find(&text);
        for f in &found {
            assert_eq!(&text[f.start..f.end], f.text, "span of {f:?}");
        }
        let got: BTreeSet<&str> = found
            .iter()
            .filter(|f| f.kind == Kind::Person)
            .map(|f| f.text.as_str())
            .collect();
        let want: BTreeSet<&str> = expected.iter().copied().collect();
        if got != want {
            failures.push(format!(
                "{prefix}: missing {:?}, unexpected {:?}",
                want.difference(&got).collect::<Vec<_>>(),
                got.difference(&want).collect::<Vec<_>>()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn seed_titles_are_recorded_and_excluded() {
    let text = seed("001_");
    let found = Extractor::new().find(&text);
    let karuretwa = found
        .iter()
        .find(|f| f.text == "Patrick Karuretwa")
        .expect("Patrick Karuretwa found");
    assert_eq!(karuretwa.titles, ["brig gen"]);
    assert_eq!(karuretwa.name, "Patrick Karuretwa");
    let loudyi = found
        .iter()
        .find(|f| f.text == "Abdeltif Loudyi")
        .expect("Abdeltif Loudyi found");
    assert_eq!(loudyi.titles, ["defence minister"]);
}

#[test]
fn gazetteer_matches_case_and_diacritics_insensitively() {
    let text = seed("000_").replace("Juvenal Marizamunda", "JUVÉNAL MARIZAMUNDA");
    let ex = Extractor::builder()
        .gazetteer([("Juvénal Marizamunda".to_string(), Kind::Person)])
        .build()
        .expect("gazetteer builds");
    let found = ex.find(&text);
    let hit = found
        .iter()
        .find(|f| f.text == "JUVÉNAL MARIZAMUNDA")
        .expect("gazetteer hit");
    assert_eq!(hit.kind, Kind::Person);
    assert_eq!(&text[hit.start..hit.end], hit.text);
}

#[test]
fn gazetteer_fuzzy_hit_gives_kind() {
    // An uncued candidate close to a gazetteer name takes its kind.
    let text = "Talks ended. Later Loudiyi Abdellatif flew home.";
    let plain = Extractor::new().find(text);
    assert!(plain.iter().all(|f| f.kind != Kind::Person), "{plain:?}");
    let ex = Extractor::builder()
        .gazetteer([("Abdellatif Loudyi".to_string(), Kind::Person)])
        .build()
        .expect("gazetteer builds");
    let found = ex.find(text);
    assert!(
        found
            .iter()
            .any(|f| f.text == "Loudiyi Abdellatif" && f.kind == Kind::Person),
        "{found:?}"
    );
}
