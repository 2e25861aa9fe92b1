//! Batch resolution throughput over synthetic variant mentions, in mentions
//! per second.

#[allow(dead_code)]
#[path = "../examples/gen_mentions.rs"]
mod gen_mentions;

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};

const N: usize = 100_000;

fn bench(c: &mut Criterion) {
    let mentions: Vec<canonym::Mention> = gen_mentions::generate(N, 1)
        .into_iter()
        .map(|g| canonym::Mention::new(g.name).doc(g.doc))
        .collect();
    let resolver = canonym::Resolver::new();
    let mut group = c.benchmark_group("resolve");
    group.throughput(Throughput::Elements(N as u64));
    group.sample_size(10);
    group.bench_function("100k", |b| {
        b.iter(|| black_box(resolver.resolve(black_box(&mentions))))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
