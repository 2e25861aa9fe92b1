//! Analysis throughput in names per second: over typical mixed names
//! (`mixed`: their words recur, as in any real stream of names), over
//! invented names whose words are new each time (`unseen`: the analyser's
//! chunk cache never hits; `unseen_display` writes their display forms
//! alone, as `canonym normalise` does), and over one seed name again and
//! again.

#[path = "names.rs"]
mod names;

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};

const N: usize = 20_000;

fn corpus(make: fn(&mut names::NameGen, &mut String)) -> Vec<String> {
    let mut gen = names::NameGen::new(1);
    (0..N)
        .map(|_| {
            let mut s = String::new();
            make(&mut gen, &mut s);
            s
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let names = corpus(names::NameGen::name_into);
    // Names whose words are new: every chunk misses the analyser's cache.
    let unseen = corpus(names::NameGen::unseen_into);
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
    group.bench_function("unseen", |b| {
        b.iter(|| {
            for name in &unseen {
                black_box(analyzer.analyze(black_box(name)));
            }
        })
    });
    // The display form alone, as `canonym normalise` writes it.
    group.bench_function("unseen_display", |b| {
        b.iter(|| {
            for name in &unseen {
                analyzer.with_display(black_box(name), None, |d| black_box(d.len()));
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
