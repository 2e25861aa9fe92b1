//! Name extraction throughput, in bytes of text per second: the seed
//! articles and the news test texts, shuffled and repeated to about 8 MB,
//! extracted one document at a time and as one long document, and found
//! and resolved end to end ([`canonym::Extractor::extract`]); and about
//! 12 MB of generated wire copy (`news.rs`) found and resolved on one core,
//! once as one document per article and once as the same text in 50
//! documents, where the same people recur many times in one document; and
//! the same articles found without and with a gazetteer of the people
//! and some organisations (the `--aliases` path).

#[path = "news.rs"]
mod news;

use canonym::{Extractor, Kind, Resolver};
use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use std::fs;
use std::path::Path;

/// About this many bytes of text per benchmark iteration.
const TARGET_BYTES: usize = 8 << 20;

fn documents() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut docs = Vec::new();
    for dir in ["seeds", "tests/news"] {
        let Ok(entries) = fs::read_dir(root.join(dir)) else {
            continue;
        };
        let mut paths: Vec<_> = entries
            .map(|e| e.expect("readable entry").path())
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        paths.sort();
        for p in paths {
            docs.push(fs::read_to_string(p).expect("readable text"));
        }
    }
    assert!(!docs.is_empty(), "no seed or news texts");
    docs
}

/// The documents repeated in a shuffled order (a fixed xorshift) to about
/// `TARGET_BYTES`.
fn corpus(docs: &[String]) -> Vec<&str> {
    let mut out = Vec::new();
    let mut total = 0;
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    while total < TARGET_BYTES {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        let d = &docs[(x % docs.len() as u64) as usize];
        total += d.len();
        out.push(d.as_str());
    }
    out
}

fn bench(c: &mut Criterion) {
    let docs = documents();
    let corpus = corpus(&docs);
    let bytes: usize = corpus.iter().map(|d| d.len()).sum();
    let joined = corpus[..corpus.len() / 4].join("\n\n");
    let ex = canonym::Extractor::new();
    // Load the tables before timing.
    black_box(ex.find(&docs[0]));

    let mut group = c.benchmark_group("extract");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("documents", |b| {
        b.iter(|| {
            for d in &corpus {
                black_box(ex.find(black_box(d)));
            }
        })
    });
    let ids: Vec<String> = (0..corpus.len()).map(|i| format!("doc{i}")).collect();
    let batch: Vec<canonym::Document<'_>> = corpus
        .iter()
        .zip(&ids)
        .map(|(text, id)| canonym::Document { id, text })
        .collect();
    let resolver = canonym::Resolver::new();
    group.bench_function("find_and_resolve", |b| {
        b.iter(|| black_box(ex.extract(&resolver, black_box(&batch))))
    });
    group.throughput(Throughput::Bytes(joined.len() as u64));
    group.bench_function("one_long_document", |b| {
        b.iter(|| black_box(ex.find(black_box(&joined))))
    });
    group.finish();
}

/// Finds the mentions of `docs` one after the other and resolves them
/// together, each with its document as context, on one thread.
fn find_and_resolve_one_core(ex: &Extractor, resolver: &Resolver, docs: &[String]) -> usize {
    resolver.resolve(&news::mentions(ex, docs)).entities().len()
}

fn bench_wire(c: &mut Criterion) {
    let articles = news::articles(12 << 20, 4000, 7);
    let bytes: usize = articles.iter().map(String::len).sum();
    let (ex, resolver) = news::one_core(&articles[0]);
    let mut group = c.benchmark_group("wire");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(bytes as u64));
    for (label, n) in [("articles", articles.len()), ("50_documents", 50)] {
        let docs = news::layout(&articles, n);
        group.bench_function(format!("find_and_resolve_one_core/{label}"), |b| {
            b.iter(|| black_box(find_and_resolve_one_core(&ex, &resolver, black_box(&docs))))
        });
    }
    // The gazetteer path (`--aliases`): every person of the pool and an
    // organisation per family name are known names, found exactly and
    // fuzzily.
    let pool = news::people(4000, 7);
    let mut known: Vec<(String, Kind)> = pool
        .iter()
        .map(|p| (format!("{} {}", p.given, p.surname), Kind::Person))
        .collect();
    known.extend(
        pool.iter()
            .take(200)
            .map(|p| (format!("{} Holdings", p.surname), Kind::Org)),
    );
    let with_aliases = Extractor::builder()
        .gazetteer(known)
        .build()
        .expect("gazetteer");
    black_box(with_aliases.find(&articles[0]));
    for (label, x) in [("plain", &ex), ("aliases", &with_aliases)] {
        group.bench_function(format!("find_one_core/{label}"), |b| {
            b.iter(|| {
                for a in &articles {
                    black_box(x.find(black_box(a)));
                }
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench, bench_wire);
criterion_main!(benches);
