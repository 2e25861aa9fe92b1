//! Analysis throughput (filled in with the corpus generator).
use criterion::{criterion_group, criterion_main, Criterion};

fn bench(c: &mut Criterion) {
    c.bench_function("analyze/seed", |b| {
        b.iter(|| canonym::analyze("Brig. Gen. Patrick Karuretwa"))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
