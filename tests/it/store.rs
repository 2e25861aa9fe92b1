//! The entity store: its invariants as property tests, decisions, and bad
//! files and faults (a second writer, a killed run).

#![cfg(feature = "store")]

use crate::util::generated;
use canonym::{ErrorKind, Mention, ResolverBuilder, Store, StoredEntity};
use proptest::prelude::*;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::time::Duration;

const GIVEN: &[&str] = &[
    "Abdellatif",
    "Abdeltif",
    "Nasser",
    "Khawaja",
    "Mohamed",
    "Muhammad",
    "John",
    "Jane",
    "J.",
];
const SURNAMES: &[&str] = &["Loudiyi", "Loudyi", "Bourita", "Asif", "Smith", "Salah"];

fn mention((g, s, d, short): (usize, usize, usize, bool)) -> Mention {
    let name = if short {
        SURNAMES[s].to_string()
    } else {
        format!("{} {}", GIVEN[g], SURNAMES[s])
    };
    Mention::new(name).doc(format!("d{d}"))
}

fn batch() -> impl Strategy<Value = Vec<Mention>> {
    prop::collection::vec(
        (
            0..GIVEN.len(),
            0..SURNAMES.len(),
            0..4usize,
            prop::bool::weighted(0.2),
        ),
        1..25,
    )
    .prop_map(|v| v.into_iter().map(mention).collect())
}

/// Entity id → its names' keys, without counts.
fn shape(s: &Store) -> BTreeMap<String, BTreeSet<String>> {
    s.entities()
        .unwrap()
        .into_iter()
        .map(|e| {
            let keys = e
                .names
                .iter()
                .map(|n| format!("{}/{}", n.key, n.kind))
                .collect();
            (e.id, keys)
        })
        .collect()
}

fn counts(s: &Store) -> BTreeMap<(String, String), u64> {
    s.entities()
        .unwrap()
        .into_iter()
        .flat_map(|e: StoredEntity| {
            let id = e.id.clone();
            e.names
                .into_iter()
                .map(move |n| ((id.clone(), n.key), n.count))
        })
        .collect()
}

fn fresh() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.db");
    (dir, path)
}

/// Every assignment of a resolution: (entity, canonical, score).
fn rows(r: &canonym::Resolution) -> Vec<(String, String, u64)> {
    r.assignments()
        .iter()
        .map(|a| {
            (
                a.entity().to_string(),
                a.canonical().to_string(),
                (a.score() * 1e6) as u64,
            )
        })
        .collect()
}

/// Mentions over the small vocabulary, every combination in turn.
fn many(n: usize) -> Vec<Mention> {
    (0..n)
        .map(|i| mention((i % GIVEN.len(), (i / 3) % SURNAMES.len(), i % 7, i % 5 == 0)))
        .collect()
}

/// A writer keeps its entities between batches: the result is the one of
/// reopening the store for every batch, and a batch written by another
/// connection in between is seen.
#[test]
fn kept_entities_between_batches_equal_a_reload() {
    let dir = tempfile::tempdir().unwrap();
    let r = ResolverBuilder::new();
    let base = dir.path().join("base.db");
    Store::open(&base).unwrap().resolve(&r, &[]).unwrap();
    // Copies of one empty store share its id salt, so ids compare.
    let (kept, reopened, shared) = (
        dir.path().join("kept.db"),
        dir.path().join("reopened.db"),
        dir.path().join("shared.db"),
    );
    for p in [&kept, &reopened, &shared] {
        std::fs::copy(&base, p).unwrap();
    }
    let mentions = many(600);
    let mut s = Store::open(&kept).unwrap();
    s.set_batch_size(50);
    let all = rows(&s.resolve(&r, &mentions).unwrap());
    let mut one_by_one = Vec::new();
    for chunk in mentions.chunks(50) {
        one_by_one.extend(rows(
            &Store::open(&reopened).unwrap().resolve(&r, chunk).unwrap(),
        ));
    }
    assert_eq!(all, one_by_one);
    // Two writers taking turns on one file.
    let (mut a, mut b) = (Store::open(&shared).unwrap(), Store::open(&shared).unwrap());
    let mut turns = Vec::new();
    for (i, chunk) in mentions.chunks(50).enumerate() {
        let w = if i % 3 == 1 { &mut b } else { &mut a };
        turns.extend(rows(&w.resolve(&r, chunk).unwrap()));
    }
    assert_eq!(all, turns);
    // A decision in between is honoured by the next batch.
    let id = all[1].0.clone();
    let other = all.iter().find(|x| x.0 != id).unwrap().0.clone();
    a.merge(&[&id, &other], None).unwrap();
    let again = rows(&a.resolve(&r, &mentions[..50]).unwrap());
    assert!(again.iter().all(|x| x.0 != other));
    assert_eq!(shape(&a), shape(&Store::open_read_only(&shared).unwrap()));
    // Batches skip the foreign-key checks; what they wrote satisfies them.
    for p in [&kept, &reopened, &shared] {
        let c = rusqlite::Connection::open(p).unwrap();
        let bad: i64 = c
            .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
                r.get(0)
            })
            .unwrap();
        assert_eq!(bad, 0, "{}", p.display());
        let on: i64 = c
            .query_row("SELECT count(*) FROM entities", [], |r| r.get(0))
            .unwrap();
        assert!(on > 0);
    }
}

/// Each mention's entity as the index of the first mention on it, with its
/// canonical name and score: a resolution with its ids left out.
fn partition(r: &canonym::Resolution) -> Vec<(usize, String, u64)> {
    let mut first: BTreeMap<&str, usize> = BTreeMap::new();
    r.assignments()
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let f = *first.entry(a.entity()).or_insert(i);
            (f, a.canonical().to_string(), (a.score() * 1e6) as u64)
        })
        .collect()
}

/// One batch into an empty store resolves as in memory: the same
/// entities, canonical names and scores.
#[test]
fn one_batch_into_an_empty_store_resolves_as_in_memory() {
    let mentions = generated(3_000, 11);
    let (_d, path) = fresh();
    let r = ResolverBuilder::new();
    let stored = Store::open(&path).unwrap().resolve(&r, &mentions).unwrap();
    let memory = r.build().resolve(&mentions);
    assert_eq!(partition(&stored), partition(&memory));
    assert_eq!(stored.entities().len(), memory.entities().len());
}

/// The resolution state a writer keeps and extends batch after batch
/// resolves as one built afresh from the file for every batch, on
/// generated mentions (shared surnames, short names in many documents).
#[test]
fn kept_state_on_generated_mentions_equals_a_reload() {
    let dir = tempfile::tempdir().unwrap();
    let r = ResolverBuilder::new();
    let base = dir.path().join("base.db");
    Store::open(&base).unwrap().resolve(&r, &[]).unwrap();
    let (kept, reopened) = (dir.path().join("kept.db"), dir.path().join("reopened.db"));
    for p in [&kept, &reopened] {
        std::fs::copy(&base, p).unwrap();
    }
    let mentions = generated(4_000, 5);
    let mut s = Store::open(&kept).unwrap();
    s.set_batch_size(250);
    let all = rows(&s.resolve(&r, &mentions).unwrap());
    let mut one_by_one = Vec::new();
    for chunk in mentions.chunks(250) {
        one_by_one.extend(rows(
            &Store::open(&reopened).unwrap().resolve(&r, chunk).unwrap(),
        ));
    }
    assert_eq!(all.len(), one_by_one.len());
    for (i, (a, b)) in all.iter().zip(&one_by_one).enumerate() {
        assert_eq!(a, b, "mention {i}: {}", mentions[i].name);
    }
    assert_eq!(shape(&s), shape(&Store::open_read_only(&reopened).unwrap()));
    // The canonical names as written too (a writer writes one only when it
    // differs from the one it keeps).
    let canonical = |s: &Store| -> Vec<(String, String)> {
        s.entities()
            .unwrap()
            .into_iter()
            .map(|e| (e.id, e.canonical))
            .collect()
    };
    let written = canonical(&s);
    assert_eq!(
        written,
        canonical(&Store::open_read_only(&reopened).unwrap())
    );
}

/// A batch that meets many stored entities resolves alike on one thread
/// and on two (its entities named on two threads, with the stored names
/// in view for their canonical names), from two copies of one store.
#[test]
fn two_threads_resolve_into_a_store_as_one() {
    let dir = tempfile::tempdir().unwrap();
    let base = dir.path().join("base.db");
    let mentions = generated(100_000, 9);
    let (first, second) = mentions.split_at(50_000);
    Store::open(&base)
        .unwrap()
        .resolve(&ResolverBuilder::new(), first)
        .unwrap();
    let mut results = Vec::new();
    for threads in [1, 2] {
        let path = dir.path().join(format!("{threads}.db"));
        std::fs::copy(&base, &path).unwrap();
        let mut r = ResolverBuilder::new();
        r.threads(threads);
        let mut s = Store::open(&path).unwrap();
        let resolved = s.resolve(&r, second).unwrap();
        // Enough entities to be named on two threads.
        assert!(resolved.entities().len() > 4_096);
        results.push((rows(&resolved), shape(&s)));
    }
    assert!(results[0] == results[1]);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    /// Batch A then batch B: every name A put on an entity is still on it,
    /// under the same id; no entity of A disappears.
    #[test]
    fn later_batches_keep_ids(a in batch(), b in batch()) {
        let (_d, path) = fresh();
        let r = ResolverBuilder::new();
        let mut s = Store::open(&path).unwrap();
        let ra = s.resolve(&r, &a).unwrap();
        let before = shape(&s);
        let rb = s.resolve(&r, &b).unwrap();
        let after = shape(&s);
        for (id, keys) in &before {
            let now = after.get(id).expect("an entity of A is still there");
            prop_assert!(keys.is_subset(now), "{id}: {keys:?} then {now:?}");
        }
        // A's mentions' ids are ids of the store.
        for asg in ra.assignments() {
            prop_assert!(after.contains_key(asg.entity()));
        }
        // B's mentions of A's complete names land on A's entities.
        let b_ids: BTreeSet<&str> = rb.assignments().iter().map(|x| x.entity()).collect();
        for id in b_ids {
            prop_assert!(after.contains_key(id));
        }
    }

    /// The same batch twice changes nothing but mention counts.
    #[test]
    fn same_batch_twice_changes_only_counts(a in batch()) {
        let (_d, path) = fresh();
        let r = ResolverBuilder::new();
        let mut s = Store::open(&path).unwrap();
        let first = s.resolve(&r, &a).unwrap();
        let before = shape(&s);
        let c1 = counts(&s);
        let second = s.resolve(&r, &a).unwrap();
        prop_assert_eq!(&before, &shape(&s));
        for (k, c) in counts(&s) {
            prop_assert_eq!(c, 2 * c1[&k]);
        }
        let ids = |r: &canonym::Resolution| -> Vec<String> {
            r.assignments().iter().map(|x| x.entity().to_string()).collect()
        };
        prop_assert_eq!(ids(&first), ids(&second));
    }

    /// A merge and a split hold after a later run; undoing them restores
    /// the earlier state.
    #[test]
    fn decisions_hold_and_undo_restores(a in batch(), b in batch()) {
        let (_d, path) = fresh();
        let r = ResolverBuilder::new();
        let mut s = Store::open(&path).unwrap();
        s.resolve(&r, &a).unwrap();
        let ents = s.entities().unwrap();
        if ents.len() >= 2 {
            let before = shape(&s);
            let (x, y) = (ents[0].id.clone(), ents[1].id.clone());
            let d = s.merge(&[&x, &y], Some("one")).unwrap();
            prop_assert_eq!(s.entity(&y).unwrap().unwrap().id, x.clone());
            let mut merged = before[&x].clone();
            merged.extend(before[&y].iter().cloned());
            prop_assert_eq!(&shape(&s)[&x], &merged);
            s.undo(d.id, None).unwrap();
            prop_assert_eq!(&before, &shape(&s));
            // Merge again, then resolve B: still one.
            s.merge(&[&x, &y], None).unwrap();
            s.resolve(&r, &b).unwrap();
            prop_assert_eq!(s.entity(&y).unwrap().unwrap().id, x.clone());
            prop_assert!(!shape(&s).contains_key(&y));
        }
        // A split: the name leaves and never comes back, even when
        // mentioned again.
        let e = s.entities().unwrap().into_iter().find(|e| e.names.len() >= 2);
        if let Some(e) = e {
            let name = e.names.last().unwrap().clone();
            let before = shape(&s);
            let d = s.split(&e.id, &[&name.name], None, &r).unwrap();
            let split = shape(&s);
            s.undo(d.id, None).unwrap();
            // The split's entity stays as a redirect; everything else is back.
            let mut now = shape(&s);
            now.retain(|k, _| before.contains_key(k));
            prop_assert_eq!(&before, &now);
            prop_assert_eq!(shape(&s).len(), before.len());
            let d = s.split(&e.id, &[&name.name], None, &r).unwrap();
            prop_assert_eq!(split.len(), shape(&s).len());
            let has = |s: &Store| s.entity(&e.id).unwrap().unwrap().names.iter().any(|n| n.key == name.key);
            prop_assert!(!has(&s));
            s.resolve(&r, &[Mention::new(name.name.clone())]).unwrap();
            s.resolve(&r, &b).unwrap();
            s.resolve(&r, &a).unwrap();
            prop_assert!(!has(&s), "{} came back to {}", name.name, e.id);
            let _ = (before, d);
        }
    }
}

#[test]
fn split_undo_restores_and_bad_decisions_change_nothing() {
    let (_d, path) = fresh();
    let r = ResolverBuilder::new();
    let mut s = Store::open(&path).unwrap();
    let res = s
        .resolve(
            &r,
            &[
                Mention::new("Khawaja Muhammad Asif").doc("a"),
                Mention::new("Khawaja Asif").doc("a"),
                Mention::new("Nasser Bourita").doc("b"),
            ],
        )
        .unwrap();
    let asif = res.assignments()[0].entity().to_string();
    let bourita = res.assignments()[2].entity().to_string();
    assert_eq!(res.assignments()[1].entity(), asif);
    let before = shape(&s);
    let d = s
        .split(&asif, &["Khawaja Asif"], Some("two people"), &r)
        .unwrap();
    assert_eq!(s.entities().unwrap().len(), 3);
    s.undo(d.id, None).unwrap();
    assert_eq!(shape(&s), before);
    let log = s.log().unwrap();
    assert_eq!(log.len(), 2);
    assert_eq!(log[0].undone, Some(log[1].id));
    assert_eq!(log[0].note.as_deref(), Some("two people"));

    // Malformed decisions: a clear error, nothing changed.
    let snapshot = (shape(&s), counts(&s), s.log().unwrap());
    let bad = [
        s.merge(&[&asif, "enothere"], None).unwrap_err(),
        s.merge(&[&asif, &asif], None).unwrap_err(),
        s.merge(&[&asif], None).unwrap_err(),
        s.split(&asif, &["Nasser Bourita"], None, &r).unwrap_err(),
        s.split("enothere", &["X Y"], None, &r).unwrap_err(),
        s.split(&bourita, &["Nasser Bourita"], None, &r)
            .unwrap_err(),
        s.alias("enothere", &["X Y"], None, &r).unwrap_err(),
        s.alias(&asif, &["!!"], None, &r).unwrap_err(),
        s.undo(99, None).unwrap_err(),
        s.undo(d.id, None).unwrap_err(),
        s.undo(log[1].id, None).unwrap_err(),
    ];
    for e in &bad {
        assert_eq!(e.kind(), ErrorKind::Invalid, "{e}");
        assert!(!e.to_string().is_empty());
    }
    assert_eq!(snapshot, (shape(&s), counts(&s), s.log().unwrap()));
}

#[test]
fn alias_decision_and_import_resolve_known_names() {
    let (dir, path) = fresh();
    let r = ResolverBuilder::new();
    let table = dir.path().join("t.csv");
    std::fs::write(&table, "id,name,aliases\nm6,Mohammed VI,King Mohammed VI\n").unwrap();
    let t = canonym::AliasTableBuilder::new()
        .add_path(&table)
        .unwrap()
        .build()
        .unwrap();
    let mut s = Store::open(&path).unwrap();
    assert_eq!(s.import(&t, &r).unwrap(), 1);
    assert_eq!(s.import(&t, &r).unwrap(), 0);
    let m6 = s.entities().unwrap()[0].clone();
    assert_eq!(m6.external.as_deref(), Some("m6"));
    let res = s
        .resolve(
            &r,
            &[Mention::new("King Mohammed VI"), Mention::new("Mohammed V")],
        )
        .unwrap();
    assert_eq!(res.assignments()[0].entity(), m6.id);
    assert_ne!(res.assignments()[1].entity(), m6.id);
    let other = res.assignments()[1].entity().to_string();
    s.alias(&other, &["Sultan Mohammed V"], None, &r).unwrap();
    let res = s.resolve(&r, &[Mention::new("Sultan Mohammed V")]).unwrap();
    assert_eq!(res.assignments()[0].entity(), other);
}

fn file_bytes(p: &Path) -> Vec<u8> {
    std::fs::read(p).unwrap()
}

#[test]
fn unusable_files_are_refused_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    // A directory.
    let e = Store::open(dir.path()).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Store);
    assert!(e.to_string().contains("directory"), "{e}");
    // Not a database.
    let text = dir.path().join("names.txt");
    std::fs::write(&text, "Ada Lovelace\n".repeat(10)).unwrap();
    let e = Store::open(&text).unwrap_err();
    assert!(e.to_string().contains("not a canonym store"), "{e}");
    assert_eq!(file_bytes(&text), "Ada Lovelace\n".repeat(10).as_bytes());
    // Another SQLite database.
    let other = dir.path().join("other.db");
    {
        let c = rusqlite::Connection::open(&other).unwrap();
        c.execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
            .unwrap();
    }
    let before = file_bytes(&other);
    let e = Store::open(&other).unwrap_err();
    assert!(e.to_string().contains("not a canonym store"), "{e}");
    assert_eq!(file_bytes(&other), before);
    // A newer store.
    let newer = dir.path().join("newer.db");
    Store::open(&newer).unwrap();
    {
        let c = rusqlite::Connection::open(&newer).unwrap();
        c.execute_batch("PRAGMA user_version = 99; PRAGMA wal_checkpoint(TRUNCATE);")
            .unwrap();
    }
    let before = file_bytes(&newer);
    let e = Store::open(&newer).unwrap_err();
    assert!(e.to_string().contains("newer"), "{e}");
    assert_eq!(file_bytes(&newer), before);
    // A read-only file.
    let ro = dir.path().join("ro.db");
    Store::open(&ro)
        .unwrap()
        .resolve(&ResolverBuilder::new(), &[Mention::new("Ada Lovelace")])
        .unwrap();
    let mut perm = std::fs::metadata(&ro).unwrap().permissions();
    perm.set_readonly(true);
    std::fs::set_permissions(&ro, perm).unwrap();
    let before = file_bytes(&ro);
    let e = Store::open(&ro).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Store);
    assert!(e.to_string().contains("read-only"), "{e}");
    assert_eq!(file_bytes(&ro), before);
    // It can still be read.
    assert_eq!(
        Store::open_read_only(&ro)
            .unwrap()
            .entities()
            .unwrap()
            .len(),
        1
    );
}

#[test]
fn second_writer_waits_then_fails_busy_and_readers_go_on() {
    let (_d, path) = fresh();
    let mut s = Store::open(&path).unwrap();
    s.resolve(&ResolverBuilder::new(), &[Mention::new("Ada Lovelace")])
        .unwrap();
    let id = s.entities().unwrap()[0].id.clone();
    drop(s);
    let holder = rusqlite::Connection::open(&path).unwrap();
    holder.execute_batch("BEGIN IMMEDIATE").unwrap();
    let start = std::time::Instant::now();
    let mut w = Store::open_waiting(&path, Duration::from_millis(300)).unwrap();
    let e = w
        .resolve(&ResolverBuilder::new(), &[Mention::new("Grace Hopper")])
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Busy);
    assert!(e.to_string().contains("store is busy"), "{e}");
    assert!(start.elapsed() >= Duration::from_millis(300));
    assert!(start.elapsed() < Duration::from_secs(5));
    // A reader is not blocked.
    let r = Store::open_read_only(&path).unwrap();
    assert_eq!(r.entity(&id).unwrap().unwrap().canonical, "Ada Lovelace");
    holder.execute_batch("ROLLBACK").unwrap();
    assert_eq!(r.entities().unwrap().len(), 1);
}
