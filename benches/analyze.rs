//! Analysis throughput over typical mixed names, in names per second.

#[path = "names.rs"]
mod names;

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};

const N: usize = 20_000;

fn corpus() -> Vec<String> {
    let mut gen = names::NameGen::new(1);
    (0..N)
        .map(|_| {
            let mut s = String::new();
            gen.name_into(&mut s);
            s
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let names = corpus();
    let analyzer = canonym::Analyzer::new();
    let mut group = c.benchmark_group("analyze");
    group.throughput(Throughput::Elements(names.len() as u64));
    group.sample_size(10);
    group.bench_function("mixed", |b| {
        b.iter(|| {
            for name in &names {
                black_box(analyzer.analyze(black_box(name)));
            }
        })
    });
    group.bench_function("seed", |b| {
        b.iter(|| {
            for _ in 0..N {
                black_box(analyzer.analyze(black_box("Brig. Gen. Patrick Karuretwa")));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
