//! Analysis, comparison and resolution over a realistic stream of names: the
//! large-vocabulary stream `names_stream_1m.txt` of the shared development
//! data, read by path (`CANONYM_STREAM`, else `../shared/data/` or
//! `../../shared/data/`), never copied into the repository. Where the file is missing, a sample of
//! invented names whose words rarely repeat stands in for it, so that the
//! chunk cache serves as little as it does on a real stream.

#[path = "names.rs"]
mod names;

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use std::fs;

/// Names taken from the stream (its first lines).
const N: usize = 50_000;

/// The stream sample, and whether it is the real stream.
fn sample() -> (Vec<String>, bool) {
    // Beside the repository, or beside the directory that holds a
    // checkout of it (a worktree).
    let paths = std::env::var("CANONYM_STREAM").map_or_else(
        |_| {
            vec![
                "../shared/data/names_stream_1m.txt".to_string(),
                "../../shared/data/names_stream_1m.txt".to_string(),
            ]
        },
        |p| vec![p],
    );
    for path in paths {
        if let Ok(text) = fs::read_to_string(&path) {
            let names: Vec<String> = text.lines().take(N).map(str::to_string).collect();
            if !names.is_empty() {
                return (names, true);
            }
        }
    }
    let mut gen = names::NameGen::new(7);
    let names = (0..N)
        .map(|i| {
            let mut s = String::new();
            // Mostly new words, with some recurring ones, as in a stream.
            if i % 4 == 0 {
                gen.name_into(&mut s);
            } else {
                gen.unseen_into(&mut s);
            }
            s
        })
        .collect();
    (names, false)
}

fn bench(c: &mut Criterion) {
    let (names, real) = sample();
    eprintln!(
        "stream sample: {} names ({})",
        names.len(),
        if real {
            "names_stream_1m.txt"
        } else {
            "generated"
        }
    );
    let analyzer = canonym::Analyzer::new();
    let mut group = c.benchmark_group("stream");
    group.sample_size(10);
    group.throughput(Throughput::Elements(names.len() as u64));
    group.bench_function("analyze", |b| {
        b.iter(|| {
            for name in &names {
                black_box(analyzer.analyze(black_box(name)));
            }
        })
    });
    // First half against second half, as `canonym match` is measured.
    let analysed: Vec<canonym::Name> = names.iter().map(|n| analyzer.analyze(n)).collect();
    let (a, b) = analysed.split_at(analysed.len() / 2);
    group.throughput(Throughput::Elements(a.len() as u64));
    group.bench_function("compare", |bch| {
        bch.iter(|| {
            for (x, y) in a.iter().zip(b) {
                black_box(canonym::compare(black_box(x), black_box(y)));
            }
        })
    });
    // The whole sample resolved, as `canonym resolve` does, on one thread
    // and on two.
    let mentions: Vec<canonym::Mention> = names.iter().map(canonym::Mention::new).collect();
    group.throughput(Throughput::Elements(mentions.len() as u64));
    for threads in [1, 2] {
        let resolver = canonym::Resolver::builder().threads(threads).build();
        group.bench_function(format!("resolve/{threads}_threads"), |b| {
            b.iter(|| black_box(resolver.resolve(black_box(&mentions)).entities().len()))
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
