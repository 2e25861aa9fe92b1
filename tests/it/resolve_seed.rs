//! Every person mention of the seed articles (`seeds/*.txt`), as a flat
//! list with its document, resolves to exactly the seed entities.

use canonym::{Mention, Resolver};
use std::collections::BTreeSet;

const MENTIONS: &[(&str, &str)] = &[
    ("Abdellatif Loudiyi", "000"),
    ("Minister of Defense Juvenal Marizamunda", "000"),
    ("Brig. Gen. Patrick Karuretwa", "001"),
    ("Maj. Gen. Vincent Nyakarundi", "001"),
    ("Nyakarundi", "001"),
    ("King Mohammed VI", "001"),
    ("Defence Minister Abdeltif Loudyi", "001"),
    ("Defence Minister Juvénal Marizamunda", "001"),
    ("Defence Minister Khawaja Muhammad Asif", "002"),
    ("Defence Minister Khawaja Asif", "002"),
    ("Abdellatif Loudyi", "002"),
    ("Defence Minister Asif", "002"),
    ("Defence Minister Asif", "002"),
    ("Nasser Bourita", "002"),
    ("Mohammed V", "002"),
    ("Khawaja Asif", "002"),
    ("AbdellatifLoudyi", "002"),
    ("Mark Esper", "003"),
    ("Mark Esper", "003"),
    ("Mark Esper", "003"),
    ("Foreign Minister Nasser Bourita", "003"),
    ("Abdellatif Loudiyi", "003"),
    ("Nina Kozlowski", "003"),
    ("Fayez el Sarraj", "003"),
    ("Marshal Khalifa Haftar", "003"),
    ("Brigadier General Abdelghani Mouhib", "004"),
    ("Mouhib", "004"),
];

/// The expected entities: canonical name and the indices of its mentions.
fn expected() -> Vec<(&'static str, Vec<usize>)> {
    vec![
        ("Abdellatif Loudiyi", vec![0, 6, 10, 16, 21]),
        ("Juvénal Marizamunda", vec![1, 7]),
        ("Patrick Karuretwa", vec![2]),
        ("Vincent Nyakarundi", vec![3, 4]),
        ("Mohammed VI", vec![5]),
        ("Khawaja Muhammad Asif", vec![8, 9, 11, 12, 15]),
        ("Nasser Bourita", vec![13, 20]),
        ("Mohammed V", vec![14]),
        ("Mark Esper", vec![17, 18, 19]),
        ("Nina Kozlowski", vec![22]),
        ("Fayez el Sarraj", vec![23]),
        ("Khalifa Haftar", vec![24]),
        ("Abdelghani Mouhib", vec![25, 26]),
    ]
}

fn mentions() -> Vec<Mention> {
    MENTIONS
        .iter()
        .map(|(n, d)| Mention::new(*n).doc(*d))
        .collect()
}

#[test]
fn seed_mentions_give_the_seed_entities() {
    let r = Resolver::new().resolve(&mentions());
    let got: BTreeSet<Vec<usize>> = r.clusters().into_iter().collect();
    let want: BTreeSet<Vec<usize>> = expected().into_iter().map(|(_, v)| v).collect();
    if got != want {
        for (e, c) in r.entities().iter().zip(r.clusters()) {
            eprintln!("{} {:?} {:?}", e.id, e.canonical, c);
        }
    }
    assert_eq!(got, want);
    assert_eq!(r.entities().len(), 13);
    for (canonical, members) in expected() {
        let e = r.entity_of(members[0]);
        assert_eq!(e.canonical, canonical);
        assert_eq!(e.count, members.len());
    }
    let loudiyi = r.entity_of(0);
    assert_eq!(loudiyi.id, "abdellatif-loudiyi");
    // Four spellings, three display forms: "AbdellatifLoudyi" displays as
    // "Abdellatif Loudyi".
    assert_eq!(loudiyi.names.len(), 3, "{:?}", loudiyi.names);
    assert_eq!(r.entity_of(8).names.len(), 3, "{:?}", r.entity_of(8).names);
    for a in r.assignments() {
        assert!(!a.is_ambiguous(), "{a:?}");
        assert!(a.score() >= 0.8, "{a:?}");
    }
}

#[test]
fn seed_mentions_in_any_order_and_incrementally() {
    let m = mentions();
    let batch = Resolver::new().resolve(&m);
    let mut rev = m.clone();
    rev.reverse();
    let r = Resolver::new().resolve(&rev);
    let n = m.len();
    let back: BTreeSet<Vec<usize>> = r
        .clusters()
        .into_iter()
        .map(|c| {
            let mut c: Vec<usize> = c.into_iter().map(|i| n - 1 - i).collect();
            c.sort();
            c
        })
        .collect();
    let want: BTreeSet<Vec<usize>> = batch.clusters().into_iter().collect();
    assert_eq!(back, want);
    let mut ids_a: Vec<_> = batch.entities().iter().map(|e| &e.id).collect();
    let mut ids_b: Vec<_> = r.entities().iter().map(|e| &e.id).collect();
    ids_a.sort();
    ids_b.sort();
    assert_eq!(ids_a, ids_b);

    let mut live = Resolver::new();
    for x in &m {
        live.add(x.clone());
    }
    let fin = live.finish();
    assert_eq!(fin.entities(), batch.entities());
}
