//! Fits the match model (`data/match_model.tsv`) on labelled pairs.
//!
//! ```text
//! cargo run --release --example fit_model -- [--pairs eval/pairs.tsv] [ENTITIES.jsonl ...]
//!     [--out data/match_model.tsv] [--l2 X] [--folds K] [--threshold X] [--pairs-weight W]
//!     [--drop FEATURE,...]
//! ```
//!
//! Labelled pairs come from a pairs file (TAB-separated `name1 name2 label
//! ...`, as `examples/eval.rs` reads) and from entity files in JSON Lines
//! (`{"entity": ID, "names": [...]}`): every same-entity pair is a
//! positive, every cross-entity pair that shares a folded word or a
//! transliteration key a (hard) negative. Each pair is summed up by the
//! features of its alignment (`Comparison::features`); pairs a hard
//! conflict decides (different numbers, structure, kind) are left out of
//! the fit, since the model cannot change their verdict.
//!
//! The model is an L2-regularised logistic regression over standardised
//! features, fitted by Newton's method; `--pairs-weight` weighs the pairs
//! file's pairs against the entity files' (default 1), and `--drop`
//! leaves features out (their coefficients are 0). Cross-validation is by entity: the
//! entities (in a pairs file, the groups of names its pairs connect) are
//! split into K folds by a hash of their identifier; a model fitted on the
//! pairs within the other folds scores the pairs within the held-out fold,
//! and the held-out entities of each entity file are resolved with it. The
//! held-out figures of the fitted model and of the hand-set score are
//! printed side by side for a range of thresholds, and the threshold that
//! gives the best held-out F1 on the entity files' pairs with a precision
//! of at least 0.95 is suggested. The coefficients fitted on all pairs are
//! written to `--out`.

#![allow(clippy::needless_range_loop)] // dense linear algebra over indices

mod common;

use canonym::{analyze, compare_with, MatchConfig, Mention, Model, Name, FEATURES, FEATURE_NAMES};
use std::collections::HashMap;

/// One labelled pair.
struct Sample {
    /// The source: 0 for the pairs file, 1.. for the entity files.
    source: usize,
    /// The names' indices in `names`.
    a: usize,
    b: usize,
    label: bool,
    /// The cross-validation fold; `None` when the pair spans two folds.
    fold: Option<usize>,
    /// The features of the pair's alignment.
    x: [f64; FEATURES],
    /// Whether a hard conflict decides the pair.
    vetoed: bool,
}

fn fnv(s: &str) -> u64 {
    let mut h: u64 = 0xcbf29ce484222325;
    for b in s.bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    h
}

fn find(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let mut opt = |name: &str| -> Option<String> {
        let k = args.iter().position(|a| a == name)?;
        let v = args.get(k + 1).cloned();
        args.drain(k..(k + 2).min(args.len()));
        v
    };
    let pairs_path = opt("--pairs").unwrap_or_else(|| "eval/pairs.tsv".into());
    let out = opt("--out").unwrap_or_else(|| "data/match_model.tsv".into());
    let l2: f64 = opt("--l2").map_or(1.0, |v| v.parse().expect("--l2 needs a number"));
    let folds: usize = opt("--folds").map_or(5, |v| v.parse().expect("--folds needs a number"));
    let fixed: Option<f64> = opt("--threshold").map(|v| v.parse().expect("a threshold"));
    let pairs_weight: f64 = opt("--pairs-weight").map_or(1.0, |v| v.parse().expect("a weight"));
    // Features left out of the model (their coefficients stay 0).
    let drop: Vec<usize> = opt("--drop")
        .map(|v| {
            v.split(',')
                .map(|n| {
                    FEATURE_NAMES
                        .iter()
                        .position(|f| *f == n)
                        .unwrap_or_else(|| panic!("no feature {n}"))
                })
                .collect()
        })
        .unwrap_or_default();
    let entity_paths = args;

    let hand = MatchConfig::builder()
        .model(Model::hand())
        .threshold(Model::hand().default_threshold())
        .build()
        .unwrap();
    let mut names: Vec<Name> = Vec::new();
    let mut samples: Vec<Sample> = Vec::new();
    let sample = |names: &[Name], source, a, b, label, fold| {
        let c = compare_with(&names[a], &names[b], &hand);
        let mut x = [0.0; FEATURES];
        for (k, v) in c.features().iter().enumerate() {
            if !drop.contains(&k) {
                x[k] = *v as f64;
            }
        }
        Sample {
            source,
            a,
            b,
            label,
            fold,
            x,
            vetoed: c.is_vetoed(),
        }
    };

    // The pairs file: folds by the groups of names its pairs connect.
    let text = std::fs::read_to_string(&pairs_path).unwrap_or_else(|e| panic!("{pairs_path}: {e}"));
    let mut rows = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for line in text.lines() {
        if line.starts_with('#') || line.trim().is_empty() || line.starts_with("name1\t") {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() < 3 || !(f[2] == "0" || f[2] == "1") {
            continue;
        }
        let mut id = |s: &str| {
            let n = index.len();
            *index.entry(s.to_string()).or_insert_with(|| {
                names.push(analyze(s));
                n
            })
        };
        rows.push((id(f[0]), id(f[1]), f[2] == "1"));
    }
    let mut parent: Vec<usize> = (0..names.len()).collect();
    for &(a, b, _) in &rows {
        let (ra, rb) = (find(&mut parent, a), find(&mut parent, b));
        parent[ra] = rb;
    }
    let mut texts = vec![String::new(); names.len()];
    for (s, &i) in &index {
        texts[i] = s.clone();
    }
    for &(a, b, label) in &rows {
        let root = find(&mut parent, a);
        let fold = (fnv(&texts[root]) % folds as u64) as usize;
        samples.push(sample(&names, 0, a, b, label, Some(fold)));
    }
    let pair_rows = samples.len();

    // Entity files: folds by entity.
    struct File {
        truth: Vec<String>,
        raw: Vec<String>,
        first: usize,
    }
    let mut files = Vec::new();
    for (k, path) in entity_paths.iter().enumerate() {
        let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let e = common::read_entities(path, &text).unwrap_or_else(|e| panic!("{e}"));
        let first = names.len();
        let analysed = common::analyze_all(&e.names);
        let (pairs, _) = common::labelled_pairs(&analysed, &e.truth);
        names.extend(analysed);
        let fold = |t: &str| (fnv(t) % folds as u64) as usize;
        for (i, j) in pairs {
            let (fi, fj) = (fold(&e.truth[i]), fold(&e.truth[j]));
            let label = e.truth[i] == e.truth[j];
            samples.push(sample(
                &names,
                k + 1,
                first + i,
                first + j,
                label,
                (fi == fj).then_some(fi),
            ));
        }
        files.push(File {
            truth: e.truth,
            raw: e.names,
            first,
        });
    }
    println!(
        "{} pairs ({pair_rows} from {pairs_path}), {} vetoed, {} across folds",
        samples.len(),
        samples.iter().filter(|s| s.vetoed).count(),
        samples.iter().filter(|s| s.fold.is_none()).count()
    );

    // Cross-validation: held-out scores of every pair within a fold.
    let mut held = vec![f64::NAN; samples.len()];
    let mut models = Vec::new();
    for k in 0..folds {
        let train: Vec<&Sample> = samples
            .iter()
            .filter(|s| !s.vetoed && s.fold.is_some_and(|f| f != k))
            .collect();
        let model = Model::logistic(&fit(&train, l2, pairs_weight)).expect("finite coefficients");
        let cfg = MatchConfig::builder().model(model).build().unwrap();
        for (i, s) in samples.iter().enumerate() {
            if s.fold == Some(k) {
                held[i] = compare_with(&names[s.a], &names[s.b], &cfg).score();
            }
        }
        models.push(model);
    }
    let hand_scores: Vec<f64> = samples
        .iter()
        .map(|s| compare_with(&names[s.a], &names[s.b], &hand).score())
        .collect();
    let in_cv: Vec<usize> = (0..samples.len())
        .filter(|&i| samples[i].fold.is_some())
        .collect();
    let figures = |scores: &[f64], source: Option<usize>, t: f64| {
        common::prf(
            in_cv
                .iter()
                .filter(|&&i| source.map_or(true, |s| samples[i].source == s))
                .map(|&i| (scores[i], samples[i].label)),
            t,
        )
    };
    let dev = |scores: &[f64], t: f64| {
        common::prf(
            in_cv
                .iter()
                .filter(|&&i| samples[i].source > 0)
                .map(|&i| (scores[i], samples[i].label)),
            t,
        )
    };
    println!("\nheld-out pairs (P / R / F1): the model at each threshold; the hand score at 0.80");
    let show =
        |label: &str, f: common::Prf| format!("{label} {:.3} / {:.3} / {:.3}", f.0, f.1, f.2);
    let hand_t = Model::hand().default_threshold();
    println!(
        "hand 0.80   {}   {}",
        show("pairs file", figures(&hand_scores, Some(0), hand_t)),
        show("entity files", dev(&hand_scores, hand_t))
    );
    let mut best = (f64::MIN, 0.8);
    for t in (30..=95).map(|k| k as f64 / 100.0) {
        let d = dev(&held, t);
        let p = figures(&held, Some(0), t);
        if t * 100.0 % 5.0 < 0.5 {
            println!(
                "model {t:.2}  {}   {}",
                show("pairs file", p),
                show("entity files", d)
            );
        }
        let ok = d.0 >= 0.95 || files.is_empty();
        let f = if files.is_empty() { p.2 } else { d.2 };
        if ok && f > best.0 && t >= 0.5 {
            best = (f, t);
        }
    }
    let threshold = fixed.unwrap_or(best.1);
    println!(
        "\nthreshold {threshold:.2}{}",
        if fixed.is_some() {
            " (given)"
        } else {
            " (best held-out F1 on the entity files' pairs with precision ≥ 0.95)"
        }
    );
    for (what, scores, t) in [("hand ", &hand_scores, hand_t), ("model", &held, threshold)] {
        let p = figures(scores, Some(0), t);
        let d = dev(scores, t);
        println!(
            "{what} {t:.2}: pairs file P {:.3} R {:.3} F1 {:.3}; entity files' pairs P {:.3} R {:.3} F1 {:.3}, match recall {:.3}",
            p.0, p.1, p.2, d.0, d.1, d.2, d.1
        );
    }

    // Held-out resolution: each fold's entities resolved with the model
    // fitted without them.
    for (k, file) in files.iter().enumerate() {
        for (what, t) in [("hand ", hand_t), ("model", threshold)] {
            let (mut tp, mut fp, mut fneg) = (0u64, 0u64, 0u64);
            let (mut bp, mut br, mut n) = (0.0, 0.0, 0usize);
            for (f, model) in models.iter().enumerate() {
                let ix: Vec<usize> = (0..file.truth.len())
                    .filter(|&i| (fnv(&file.truth[i]) % folds as u64) as usize == f)
                    .collect();
                let truth: Vec<String> = ix.iter().map(|&i| file.truth[i].clone()).collect();
                let mentions: Vec<Mention> = ix
                    .iter()
                    .map(|&i| Mention::new(file.raw[i].as_str()).doc(format!("d{i}")))
                    .collect();
                let m = if what == "hand " {
                    Model::hand()
                } else {
                    *model
                };
                let cfg = MatchConfig::builder()
                    .model(m)
                    .threshold(t)
                    .build()
                    .unwrap();
                let s = common::cluster_scores(&truth, &mentions, cfg);
                tp += s.pairwise.3;
                fp += s.pairwise.4;
                fneg += s.pairwise.5;
                bp += s.bcubed.0 * truth.len() as f64;
                br += s.bcubed.1 * truth.len() as f64;
                n += truth.len();
            }
            let p = tp as f64 / (tp + fp).max(1) as f64;
            let r = tp as f64 / (tp + fneg).max(1) as f64;
            let (bp, br) = (bp / n as f64, br / n as f64);
            println!(
                "{what} {t:.2} resolve {} (held-out folds): pairwise P {p:.3} R {r:.3} F1 {:.3}; B-cubed P {bp:.3} R {br:.3} F1 {:.3}",
                entity_paths[k],
                common::f1(p, r),
                common::f1(bp, br)
            );
            let _ = file.first;
        }
    }

    // The model fitted on every pair.
    let all: Vec<&Sample> = samples.iter().filter(|s| !s.vetoed).collect();
    let c = fit(&all, l2, pairs_weight);
    let model = Model::logistic(&c).expect("finite coefficients");
    let mut table = String::new();
    table.push_str("# The match model: logistic regression over the features of an alignment\n");
    table.push_str(
        "# (see src/compare/model.rs). Produced by examples/fit_model.rs; do not edit.\n",
    );
    table.push_str(&format!(
        "# Fitted on {} labelled pairs (L2 {l2}); suggested threshold {threshold:.2}.\n",
        all.len()
    ));
    table.push_str(&model.table().unwrap());
    std::fs::write(&out, table).unwrap_or_else(|e| panic!("{out}: {e}"));
    println!("\ncoefficients written to {out}:");
    for (name, x) in std::iter::once("intercept").chain(FEATURE_NAMES).zip(c) {
        println!("  {name:<16} {x:+.4}");
    }
}

/// Fits an L2-regularised logistic regression by Newton's method over
/// standardised features; returns the intercept and the coefficients of
/// the raw features.
fn fit(samples: &[&Sample], l2: f64, pairs_weight: f64) -> Vec<f64> {
    let d = FEATURES + 1;
    let n = samples.len() as f64;
    let mut mean = [0.0; FEATURES];
    let mut sd = [0.0; FEATURES];
    for s in samples {
        for j in 0..FEATURES {
            mean[j] += s.x[j] / n;
        }
    }
    for s in samples {
        for j in 0..FEATURES {
            sd[j] += (s.x[j] - mean[j]).powi(2) / n;
        }
    }
    for v in &mut sd {
        *v = v.sqrt();
    }
    let z = |s: &Sample| -> Vec<f64> {
        let mut v = Vec::with_capacity(d);
        v.push(1.0);
        for j in 0..FEATURES {
            v.push(if sd[j] > 1e-9 {
                (s.x[j] - mean[j]) / sd[j]
            } else {
                0.0
            });
        }
        v
    };
    let zs: Vec<Vec<f64>> = samples.iter().map(|s| z(s)).collect();
    let mut w = vec![0.0; d];
    for _ in 0..100 {
        let mut g = vec![0.0; d];
        let mut h = vec![vec![0.0; d]; d];
        for (s, zi) in samples.iter().zip(&zs) {
            let eta: f64 = zi.iter().zip(&w).map(|(a, b)| a * b).sum();
            let p = 1.0 / (1.0 + (-eta).exp());
            let y = s.label as u8 as f64;
            let u = if s.source == 0 { pairs_weight } else { 1.0 };
            let q = u * (p * (1.0 - p)).max(1e-12);
            for a in 0..d {
                g[a] += u * (p - y) * zi[a];
                for b in a..d {
                    h[a][b] += q * zi[a] * zi[b];
                }
            }
        }
        for a in 0..d {
            for b in 0..a {
                h[a][b] = h[b][a];
            }
            let r = if a == 0 { 1e-9 } else { l2 };
            g[a] += r * w[a];
            h[a][a] += r;
        }
        let step = solve(h, g);
        let mut max = 0.0f64;
        for a in 0..d {
            w[a] -= step[a];
            max = max.max(step[a].abs());
        }
        if max < 1e-9 {
            break;
        }
    }
    // Back to the raw features.
    let mut c = vec![0.0; d];
    c[0] = w[0];
    for j in 0..FEATURES {
        if sd[j] > 1e-9 {
            c[j + 1] = w[j + 1] / sd[j];
            c[0] -= w[j + 1] * mean[j] / sd[j];
        }
    }
    c
}

/// Solves `h x = g` by Gaussian elimination with partial pivoting.
fn solve(mut h: Vec<Vec<f64>>, mut g: Vec<f64>) -> Vec<f64> {
    let d = g.len();
    for col in 0..d {
        let piv = (col..d)
            .max_by(|&a, &b| h[a][col].abs().total_cmp(&h[b][col].abs()))
            .unwrap();
        h.swap(col, piv);
        g.swap(col, piv);
        let p = h[col][col];
        if p.abs() < 1e-15 {
            continue;
        }
        for r in col + 1..d {
            let f = h[r][col] / p;
            if f != 0.0 {
                for c in col..d {
                    h[r][c] -= f * h[col][c];
                }
                g[r] -= f * g[col];
            }
        }
    }
    let mut x = vec![0.0; d];
    for r in (0..d).rev() {
        let s: f64 = (r + 1..d).map(|c| h[r][c] * x[c]).sum();
        x[r] = if h[r][r].abs() < 1e-15 {
            0.0
        } else {
            (g[r] - s) / h[r][r]
        };
    }
    x
}
