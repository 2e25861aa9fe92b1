//! The entity store against memory: 100k new mentions into a store that
//! holds 1M (open, load and commit included) against resolving them in
//! memory; opening and loading such a store; 1M mentions into an empty
//! store against the in-memory `resolve` of the same mentions.
//!
//! `CANONYM_BENCH_STORE=N` sets the store's size (default 1 000 000). The
//! one-off figures (1M into an empty store, open and load, size on disk)
//! are printed to standard error before the timed runs.

#[allow(dead_code)]
#[path = "../examples/gen_mentions.rs"]
mod gen_mentions;

use canonym::{Mention, Resolver, ResolverBuilder, Store};
use criterion::{black_box, criterion_group, criterion_main, BatchSize, Criterion};
use std::time::Instant;

const NEW: usize = 100_000;

fn bench(c: &mut Criterion) {
    let n: usize = std::env::var("CANONYM_BENCH_STORE")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_000_000);
    let all: Vec<Mention> = gen_mentions::generate(n + NEW, 7)
        .into_iter()
        .map(|g| Mention::new(g.name).doc(g.doc))
        .collect();
    let (old, new) = all.split_at(n);
    let dir = tempfile::tempdir().expect("temporary directory");
    let base = dir.path().join("base.db");
    let builder = ResolverBuilder::new();

    let t = Instant::now();
    let memory = Resolver::new().resolve(old);
    let in_memory = t.elapsed();
    let t = Instant::now();
    let mut store = Store::open(&base).expect("store");
    store
        .resolve(&builder, old)
        .expect("resolve into the store");
    drop(store);
    let into_store = t.elapsed();
    let t = Instant::now();
    let store = Store::open(&base).expect("store");
    let entities = store.entities().expect("entities");
    let open = t.elapsed();
    let size = std::fs::metadata(&base).map(|m| m.len()).unwrap_or(0)
        + std::fs::metadata(base.with_extension("db-wal")).map_or(0, |m| m.len());
    eprintln!(
        "{n} mentions: in memory {:.2?} ({} entities), into an empty store {:.2?} ({:.2}x); \
         open and read {} entities {:.2?}; {:.1} MB on disk",
        in_memory,
        memory.entities().len(),
        into_store,
        into_store.as_secs_f64() / in_memory.as_secs_f64(),
        entities.len(),
        open,
        size as f64 / 1e6
    );
    drop(store);

    let mut g = c.benchmark_group("store");
    g.sample_size(10);
    g.bench_function("100k in memory, alone", |b| {
        let r = Resolver::new();
        b.iter(|| black_box(r.resolve(black_box(new))))
    });
    g.bench_function("100k in memory, with the store's mentions", |b| {
        let r = Resolver::new();
        b.iter(|| black_box(r.resolve(black_box(&all))))
    });
    g.bench_function("100k into the store (open, load, commit)", |b| {
        b.iter_batched(
            || {
                let copy = dir.path().join("copy.db");
                let _ = std::fs::remove_file(copy.with_extension("db-wal"));
                let _ = std::fs::remove_file(copy.with_extension("db-shm"));
                std::fs::copy(&base, &copy).expect("copy the store");
                copy
            },
            |copy| {
                let mut s = Store::open(&copy).expect("store");
                black_box(s.resolve(&builder, new).expect("resolve"))
            },
            BatchSize::PerIteration,
        )
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
