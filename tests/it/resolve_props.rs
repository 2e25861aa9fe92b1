//! Properties of resolution: a partition of the input, independent of the
//! input order, stable under re-resolution of its canonical names, and
//! faithful to exact aliases.

use crate::util::generated;
use canonym::{
    analyze, compare, AliasTableBuilder, Mention, Resolution, Resolver, DEFAULT_THRESHOLD,
};
use proptest::prelude::*;
use std::collections::BTreeSet;

const POOL: &[&str] = &[
    "Abdellatif Loudiyi",
    "Abdeltif Loudyi",
    "LOUDYI, Abdellatif",
    "Loudiyi",
    "Juvénal Marizamunda",
    "Juvenal Marizamunda",
    "Marizamunda",
    "Khawaja Muhammad Asif",
    "Khawaja Asif",
    "Asif",
    "Mohammed VI",
    "King Mohammed VI",
    "Mohammed V",
    "Mohamed",
    "Mohammed Ali",
    "Muhammad Ali",
    "Ali",
    "John Smith",
    "Jane Smith",
    "J. Smith",
    "Smith",
    "Omar Haddad",
    "Karim Haddad",
    "Haddad",
    "Abdel Ghani Mouhib",
    "Abdelghani Mouhib",
    "Mouhib",
    "Nasser Bourita",
    "Foreign Minister Nasser Bourita",
    "Bayer AG",
    "",
];

fn mention() -> impl Strategy<Value = Mention> {
    (0..POOL.len(), proptest::option::of(0..4u8)).prop_map(|(i, d)| {
        let m = Mention::new(POOL[i]);
        match d {
            Some(d) => m.doc(format!("doc{d}")),
            None => m,
        }
    })
}

fn partition(r: &Resolution) -> BTreeSet<Vec<usize>> {
    r.clusters().into_iter().collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn result_is_a_partition(ms in proptest::collection::vec(mention(), 0..40)) {
        let r = Resolver::new().resolve(&ms);
        prop_assert_eq!(r.assignments().len(), ms.len());
        let clusters = r.clusters();
        prop_assert_eq!(clusters.len(), r.entities().len());
        let mut seen = vec![false; ms.len()];
        for (c, e) in clusters.iter().zip(r.entities()) {
            prop_assert!(!c.is_empty());
            prop_assert_eq!(c.len(), e.count);
            for &i in c {
                prop_assert!(!seen[i]);
                seen[i] = true;
                prop_assert_eq!(r.assignments()[i].entity(), e.id.as_str());
            }
        }
        prop_assert!(seen.into_iter().all(|x| x));
        let ids: BTreeSet<&str> = r.entities().iter().map(|e| e.id.as_str()).collect();
        prop_assert_eq!(ids.len(), r.entities().len());
    }

    /// No chaining: every name of an entity comes within 0.15 of the
    /// threshold against every complete name of the entity (two or more
    /// main parts), and different numbers never share an entity.
    #[test]
    fn names_of_an_entity_are_all_close(ms in proptest::collection::vec(mention(), 0..40)) {
        let r = Resolver::new().resolve(&ms);
        for c in r.clusters() {
            for &i in &c {
                for &j in &c {
                    let (a, b) = (analyze(&ms[i].name), analyze(&ms[j].name));
                    let complete = b.parts().filter(|p| p.tag().is_main()).count() >= 2;
                    if i == j || !complete || a.key() == b.key() {
                        continue;
                    }
                    let s = compare(&a, &b).score();
                    prop_assert!(
                        s >= DEFAULT_THRESHOLD - 0.15 - 1e-9,
                        "{} / {}: {}", ms[i].name, ms[j].name, s
                    );
                }
            }
        }
    }

    #[test]
    fn any_order_gives_the_same_partition(
        (ms, perm) in proptest::collection::vec(mention(), 0..40).prop_flat_map(|ms| {
            let n = ms.len();
            (Just(ms), Just((0..n).collect::<Vec<usize>>()).prop_shuffle())
        })
    ) {
        let a = Resolver::new().resolve(&ms);
        let shuffled: Vec<Mention> = perm.iter().map(|&i| ms[i].clone()).collect();
        let b = Resolver::new().resolve(&shuffled);
        // Map b's clusters back to indices of `ms`.
        let back: BTreeSet<Vec<usize>> = b
            .clusters()
            .into_iter()
            .map(|c| {
                let mut c: Vec<usize> = c.into_iter().map(|j| perm[j]).collect();
                c.sort();
                c
            })
            .collect();
        prop_assert_eq!(back, partition(&a));
        let mut ea: Vec<_> = a.entities().iter().map(|e| (&e.id, &e.canonical, e.count)).collect();
        let mut eb: Vec<_> = b.entities().iter().map(|e| (&e.id, &e.canonical, e.count)).collect();
        ea.sort();
        eb.sort();
        prop_assert_eq!(ea, eb);
    }

    #[test]
    fn canonical_names_resolve_to_their_own_entities(
        ms in proptest::collection::vec(mention(), 1..40)
    ) {
        let r = Resolver::new().resolve(&ms);
        let again: Vec<Mention> = r.entities().iter().map(|e| Mention::new(e.canonical.as_str())).collect();
        let r2 = Resolver::new().resolve(&again);
        prop_assert_eq!(r2.entities().len(), r.entities().len());
        let distinct: BTreeSet<usize> = r2.assignments().iter().map(|a| a.index()).collect();
        prop_assert_eq!(distinct.len(), again.len());
    }

    #[test]
    fn exact_aliases_resolve_to_their_entity(
        ms in proptest::collection::vec(mention(), 0..30),
        picks in proptest::collection::vec(0..4usize, 1..8),
    ) {
        let table = AliasTableBuilder::new()
            .add_json("t.json", r#"[
                {"id": "loudiyi", "canonical": "Abdellatif Loudiyi", "kind": "person",
                 "aliases": ["Abdeltif Loudyi", "Loudiyi"]},
                {"id": "m6", "canonical": "Mohammed VI", "aliases": ["King Mohammed VI"]},
                {"id": "asif", "canonical": "Khawaja Muhammad Asif", "aliases": ["Khawaja Asif"]}
            ]"#)
            .unwrap()
            .build()
            .unwrap();
        let aliases = [
            ("Abdeltif Loudyi", "loudiyi"),
            ("Loudiyi", "loudiyi"),
            ("King Mohammed VI", "m6"),
            ("Khawaja Asif", "asif"),
        ];
        let mut all = ms.clone();
        for &p in &picks {
            all.push(Mention::new(aliases[p].0).doc("x"));
        }
        let r = Resolver::builder().aliases(table).build().resolve(&all);
        for (k, &p) in picks.iter().enumerate() {
            let a = &r.assignments()[ms.len() + k];
            prop_assert_eq!(a.entity(), aliases[p].1);
        }
    }
}

/// Every mention's entity (id, canonical name, score, ambiguity) and every
/// entity, as one comparable value.
fn outcome(r: &Resolution) -> (Vec<(String, String, u64, bool)>, String) {
    let assigned = r
        .assignments()
        .iter()
        .map(|a| {
            (
                a.entity().to_string(),
                a.canonical().to_string(),
                a.score().to_bits(),
                a.is_ambiguous(),
            )
        })
        .collect();
    (assigned, format!("{:?}", r.entities()))
}

/// A large batch is placed looking ahead on a second thread (complete
/// names in batches, short names' decisions at once) and its entities are
/// named on two (canonical names and scores); the result must be
/// the one thread's, bit for bit, with and without documents, in two
/// orders of the input.
#[test]
fn two_threads_resolve_as_one() {
    let with_docs = generated(60_000, 3);
    let without: Vec<Mention> = with_docs.iter().map(|m| Mention::new(&m.name)).collect();
    let mut reversed = with_docs.clone();
    reversed.reverse();
    for mentions in [with_docs, without, reversed] {
        let one = Resolver::builder().threads(1).build().resolve(&mentions);
        let two = Resolver::builder().threads(2).build().resolve(&mentions);
        // Enough entities to be named on two threads.
        assert!(one.entities().len() > 4_096, "{}", one.entities().len());
        assert!(outcome(&one) == outcome(&two));
    }
}

/// With an alias table, the names the table gives an entity are decided
/// first and the others placed in runs between the names it claims
/// ambiguously, looking ahead on a second thread: the result must still
/// be the one thread's, bit for bit.
#[test]
fn two_threads_resolve_as_one_with_aliases() {
    let mentions = generated(40_000, 5);
    let (known, new) = mentions.split_at(20_000);
    let first = Resolver::builder().threads(1).build().resolve(known);
    // Every entity of the first half with its names, and every tenth one
    // also claiming the canonical name of the entity before it, so that
    // some names are claimed by two entities.
    let ents = first.entities();
    let rows: Vec<serde_json::Value> = ents
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let mut aliases = e.names.clone();
            if i % 10 == 1 {
                aliases.push(ents[i - 1].canonical.clone());
            }
            serde_json::json!({"id": e.id, "canonical": e.canonical, "aliases": aliases})
        })
        .collect();
    let table = AliasTableBuilder::new()
        .allow_ambiguous(true)
        .add_json("known", &serde_json::Value::Array(rows).to_string())
        .unwrap()
        .build()
        .unwrap();
    let resolve = |threads: usize| {
        Resolver::builder()
            .threads(threads)
            .aliases(table.clone())
            .build()
            .resolve(new)
    };
    let (one, two) = (resolve(1), resolve(2));
    // Names of both kinds: given an entity by the table, and claimed by two.
    assert!(one.assignments().iter().any(|a| a.is_ambiguous()));
    assert!(one.entities().iter().filter(|e| e.alias.is_some()).count() > 1_000);
    assert!(outcome(&one) == outcome(&two));
}
