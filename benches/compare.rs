//! Comparison throughput on pre-analysed typical names, in comparisons per
//! second: every name against a block of its neighbours in a generated
//! corpus (mostly non-matches, as in blocking candidates), and the seed
//! variant pairs (mostly matches).

#[path = "names.rs"]
mod names;

use canonym::{analyze, compare, Name};
use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};

const N: usize = 2_000;
const K: usize = 16;

fn corpus() -> Vec<Name> {
    let mut gen = names::NameGen::new(7);
    (0..N)
        .map(|_| {
            let mut s = String::new();
            gen.name_into(&mut s);
            analyze(&s)
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let names = corpus();
    let mut group = c.benchmark_group("compare");
    group.sample_size(10);
    group.throughput(Throughput::Elements((N * K) as u64));
    group.bench_function("mixed", |b| {
        b.iter(|| {
            let mut s = 0.0;
            for i in 0..N {
                for k in 1..=K {
                    s += compare(&names[i], &names[(i + k) % N]).score();
                }
            }
            black_box(s)
        })
    });
    let seeds: Vec<(Name, Name)> = [
        ("Abdellatif Loudiyi", "Loudyi Abdeltif"),
        ("Juvénal Marizamunda", "Juvenal Marizamunda"),
        ("Khawaja Muhammad Asif", "Khawaja Asif"),
        ("Brig. Gen. Patrick Karuretwa", "Patrick Karuretwa"),
        ("Mohammed VI", "Mohammed V"),
        ("Abdellatif Loudiyi", "Abdelghani Mouhib"),
        ("Владимир Путин", "Vladimir Putin"),
        ("Bayer AG", "Bayer Aktiengesellschaft"),
    ]
    .iter()
    .map(|(a, b)| (analyze(a), analyze(b)))
    .collect();
    group.throughput(Throughput::Elements(seeds.len() as u64));
    group.bench_function("seed-pairs", |b| {
        b.iter(|| {
            let mut s = 0.0;
            for (x, y) in &seeds {
                s += compare(x, y).score();
            }
            black_box(s)
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
