//! End to end on the five seed articles: finding and resolving together
//! gives exactly the seed persons, each with every spelling that named it.

use canonym::{Document, Extractor, Kind, Resolver};
use std::collections::{BTreeMap, BTreeSet};

const SEEDS: [(&str, &str); 5] = [
    ("000", include_str!("../../seeds/000_9df6cd357a178ece.txt")),
    ("001", include_str!("../../seeds/001_155044ffbf4aefb2.txt")),
    ("002", include_str!("../../seeds/002_7beac003ace1dab1.txt")),
    ("003", include_str!("../../seeds/003_bd7804d8fc4330b3.txt")),
    ("004", include_str!("../../seeds/004_ced1be549008465e.txt")),
];

#[test]
fn seed_persons_are_exactly_the_seed_entities() {
    let docs: Vec<Document> = SEEDS
        .iter()
        .map(|&(id, text)| Document { id, text })
        .collect();
    let x = Extractor::new().extract(&Resolver::new(), &docs);
    // Variants per person entity, keyed by the entity's id.
    let mut found: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    let mut docs_of: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for (m, a) in x.mentions().iter().zip(x.resolution().assignments()) {
        if m.kind != Kind::Person {
            continue;
        }
        let text = &SEEDS[m.doc_index].1[m.start..m.end];
        assert_eq!(text, m.text);
        found.entry(a.entity()).or_default().insert(m.text.as_str());
        docs_of
            .entry(a.entity())
            .or_default()
            .insert(SEEDS[m.doc_index].0);
    }
    let mut got: Vec<BTreeSet<&str>> = found.values().cloned().collect();
    got.sort();
    let expected: Vec<&[&str]> = vec![
        &[
            "Abdellatif Loudiyi",
            "Abdeltif Loudyi",
            "Abdellatif Loudyi",
            "AbdellatifLoudyi",
        ],
        &["Juvenal Marizamunda", "Juvénal Marizamunda"],
        &["Patrick Karuretwa"],
        &["Vincent Nyakarundi", "Nyakarundi"],
        &["Mohammed VI"],
        &["Khawaja Muhammad Asif", "Khawaja Asif", "Asif"],
        &["Nasser Bourita"],
        &["Mohammed V"],
        &["Mark Esper"],
        &["Nina Kozlowski"],
        &["Fayez el Sarraj"],
        &["Khalifa Haftar"],
        &["Abdelghani Mouhib", "Mouhib"],
    ];
    let mut want: Vec<BTreeSet<&str>> = expected
        .iter()
        .map(|v| v.iter().copied().collect())
        .collect();
    want.sort();
    assert_eq!(got, want);
    // Nasser Bourita is one entity across two articles.
    let bourita = found
        .iter()
        .find(|(_, v)| v.contains("Nasser Bourita"))
        .map(|(e, _)| *e)
        .unwrap();
    assert_eq!(docs_of[bourita], BTreeSet::from(["002", "003"]));
    // Canonical names keep diacritics.
    let canon: BTreeSet<&str> = x
        .resolution()
        .entities()
        .iter()
        .map(|e| e.canonical.as_str())
        .collect();
    assert!(canon.contains("Juvénal Marizamunda"), "{canon:?}");
    assert!(canon.contains("Mohammed VI") && canon.contains("Mohammed V"));
}

#[test]
fn titles_added_at_run_time_reach_extraction() {
    use canonym::{AnalyzerBuilder, Extractor, Table};
    let text = "The Grand Vizier Jafar Barmaki met envoys in Baghdad on Monday.";
    let bundled = Extractor::new().find(text);
    assert_eq!(bundled[0].text, "Grand Vizier Jafar Barmaki");
    let mut builder = AnalyzerBuilder::new();
    builder
        .add_table(Table::Titles, "titles.tsv", "grand vizier\trole\n")
        .unwrap();
    let own = Extractor::builder()
        .analyzer(builder.build())
        .build()
        .expect("no gazetteer to fail");
    let found = own.find(text);
    assert_eq!(found[0].text, "Jafar Barmaki");
    assert_eq!(found[0].titles, ["grand vizier"]);
    assert_eq!(&text[found[0].start..found[0].end], "Jafar Barmaki");
}
