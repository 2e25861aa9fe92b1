//! Measures matching quality on a labelled pairs file.
//!
//! ```text
//! cargo run --release --example eval -- eval/pairs.tsv [--errors]
//! ```
//!
//! The file is TAB-separated with a header `name1 name2 label category
//! source` (`#` comment lines allowed); `label` is 1 for the same entity, 0
//! for different ones. Prints precision, recall and F1 at the default
//! threshold and at the best threshold, and per category; `--errors` lists
//! the misclassified pairs with their scores.

use canonym::{analyze, compare, DEFAULT_THRESHOLD};
use std::collections::BTreeMap;

struct Row {
    a: String,
    b: String,
    label: bool,
    category: String,
    score: f64,
}

fn prf(rows: &[Row], t: f64) -> (f64, f64, f64, usize, usize, usize) {
    let (mut tp, mut fp, mut fneg) = (0usize, 0usize, 0usize);
    for r in rows {
        let m = r.score >= t;
        match (m, r.label) {
            (true, true) => tp += 1,
            (true, false) => fp += 1,
            (false, true) => fneg += 1,
            _ => {}
        }
    }
    let p = if tp + fp == 0 {
        1.0
    } else {
        tp as f64 / (tp + fp) as f64
    };
    let r = if tp + fneg == 0 {
        1.0
    } else {
        tp as f64 / (tp + fneg) as f64
    };
    let f = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    (p, r, f, tp, fp, fneg)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let path = args
        .iter()
        .find(|a| !a.starts_with("--"))
        .cloned()
        .unwrap_or_else(|| "eval/pairs.tsv".into());
    let show_errors = args.iter().any(|a| a == "--errors");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        eprintln!("eval: {path}: {e}");
        std::process::exit(2);
    });
    let mut rows = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() || line.starts_with("name1\t") {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() < 3 || !(f[2] == "0" || f[2] == "1") {
            eprintln!("eval: {path}:{}: malformed row", i + 1);
            std::process::exit(2);
        }
        let (a, b) = (analyze(f[0]), analyze(f[1]));
        rows.push(Row {
            a: f[0].to_string(),
            b: f[1].to_string(),
            label: f[2] == "1",
            category: f.get(3).unwrap_or(&"-").to_string(),
            score: compare(&a, &b).score(),
        });
    }
    let pos = rows.iter().filter(|r| r.label).count();
    println!(
        "{path}: {} pairs ({pos} matches, {} non-matches)",
        rows.len(),
        rows.len() - pos
    );
    let (p, r, f, tp, fp, fneg) = prf(&rows, DEFAULT_THRESHOLD);
    println!("default threshold {DEFAULT_THRESHOLD:.2}: precision {p:.3} recall {r:.3} F1 {f:.3} (tp {tp}, fp {fp}, fn {fneg})");
    let mut best = (0.0, DEFAULT_THRESHOLD);
    for k in 30..=99 {
        let t = k as f64 / 100.0;
        let f = prf(&rows, t).2;
        if f > best.0 {
            best = (f, t);
        }
    }
    let (p, r, f, ..) = prf(&rows, best.1);
    println!(
        "best threshold    {:.2}: precision {p:.3} recall {r:.3} F1 {f:.3}",
        best.1
    );
    let mut cats: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for row in &rows {
        let e = cats.entry(row.category.as_str()).or_default();
        e.0 += 1;
        if (row.score >= DEFAULT_THRESHOLD) == row.label {
            e.1 += 1;
        }
    }
    println!("accuracy by category at the default threshold:");
    for (c, (n, ok)) in cats {
        println!("  {c:<18} {ok:>4}/{n:<4} {:.3}", ok as f64 / n as f64);
    }
    if show_errors {
        for row in &rows {
            if (row.score >= DEFAULT_THRESHOLD) != row.label {
                println!(
                    "{}\t{}\t{}\t{:.3}\t{}",
                    row.label as u8, row.a, row.b, row.score, row.category
                );
            }
        }
    }
}
