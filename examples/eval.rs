//! Measures matching and resolution quality on labelled data.
//!
//! ```text
//! cargo run --release --example eval -- eval/pairs.tsv [--errors]
//! cargo run --release --example eval -- eval/clusters.tsv [--errors]
//! cargo run --release --example eval -- PATH.jsonl [--errors]
//! cargo run --release --example eval -- --explain < PAIRS.tsv
//! ```
//!
//! `--threshold X`, `--missing-cost X` and `--conflict-cost X` score with
//! another configuration of the comparison model, and `--model` with the
//! fitted logistic model (`data/match_model.tsv`) at its threshold instead
//! of the hand-set score; `--pairs` prints, for a
//! JSON Lines file, every scored pair as `pair ENTITY ENTITY SCORE` (for
//! fitting by entity).
//!
//! A JSON Lines file holds one entity per line, `{"entity": ID, "names":
//! [NAME, ...], ...}`, every name of a line denoting the same entity. It is
//! scored three ways: as clusters (every name one mention in a document of
//! its own, resolved as one batch: pairwise and B-cubed precision, recall
//! and F1), as pairs (every same-entity pair a positive; the negatives are
//! the hard ones, cross-entity pairs that share a folded word or a
//! transliteration key), and as the recall of `compare` on the same-entity
//! pairs at the default threshold. `--errors` lists the missed pairs, the
//! accepted hard negatives and the mixed or split clusters.
//!
//! A clusters file (header `cluster name doc`) is resolved as one batch and
//! scored with pairwise and B-cubed precision, recall and F1; `--errors`
//! lists the predicted entities that mix or split labelled clusters.
//!
//! The file is TAB-separated with a header `name1 name2 label category
//! source` (`#` comment lines allowed); `label` is 1 for the same entity, 0
//! for different ones. Prints precision, recall and F1 at the default
//! threshold and at the best threshold, and per category; `--errors` lists
//! the misclassified pairs with their scores.

mod common;

use canonym::{analyze, compare_with, Comparison, MatchConfig, Mention, Model, Name};
use std::collections::{BTreeMap, HashMap};
use std::sync::OnceLock;

/// The comparison model's knobs, from `--threshold`, `--missing-cost` and
/// `--conflict-cost` (defaults otherwise).
static CONFIG: OnceLock<MatchConfig> = OnceLock::new();

fn threshold() -> f64 {
    config().threshold()
}

fn config() -> &'static MatchConfig {
    CONFIG.get_or_init(MatchConfig::default)
}

fn compare(a: &Name, b: &Name) -> Comparison {
    compare_with(a, b, config())
}

/// Prints a line to stdout; a closed pipe (`| head`) ends the program
/// quietly.
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write;
        if writeln!(std::io::stdout().lock(), $($arg)*).is_err() {
            std::process::exit(0);
        }
    }};
}

struct Row {
    a: String,
    b: String,
    label: bool,
    category: String,
    score: f64,
}

/// The threshold from 0.30 to 0.99 with the highest F1 on `rows` (the
/// configured one if none beats an F1 of 0); the first of equals.
fn best_threshold(rows: &[Row]) -> f64 {
    let mut best = (0.0, threshold());
    for k in 30..=99 {
        let t = k as f64 / 100.0;
        let f = prf(rows, t).2;
        if f > best.0 {
            best = (f, t);
        }
    }
    best.1
}

fn prf(rows: &[Row], t: f64) -> common::Prf {
    common::prf(rows.iter().map(|r| (r.score, r.label)), t)
}

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let mut builder = MatchConfig::builder();
    let mut k = 0;
    while k < args.len() {
        let value = || -> f64 {
            args.get(k + 1)
                .and_then(|v| v.parse().ok())
                .unwrap_or_else(|| {
                    eprintln!("eval: {} needs a number", args[k]);
                    std::process::exit(2);
                })
        };
        match args[k].as_str() {
            "--threshold" => builder.threshold(value()),
            "--missing-cost" => builder.missing_cost(value()),
            "--conflict-cost" => builder.conflict_cost(value()),
            _ => {
                k += 1;
                continue;
            }
        };
        args.drain(k..k + 2);
    }
    if args.iter().any(|a| a == "--model") {
        builder.model(Model::bundled());
        if !std::env::args().any(|a| a == "--threshold") {
            builder.threshold(Model::bundled().default_threshold());
        }
    }
    let cfg = builder.build().unwrap_or_else(|e| {
        eprintln!("eval: {e}");
        std::process::exit(2);
    });
    CONFIG.set(cfg).ok();
    let show_pairs = args.iter().any(|a| a == "--pairs");
    if args.first().is_some_and(|a| a == "--explain") {
        // Explains the comparison of every TAB-separated pair on stdin.
        for line in std::io::stdin().lines().map_while(Result::ok) {
            if let Some((x, y)) = line.split_once('\t') {
                let (a, b) = (analyze(x), analyze(y));
                let c = compare(&a, &b);
                say!("{:.3}\t{x}\t{y}", c.score());
                for r in c.explain(&a, &b) {
                    say!("    {r}");
                }
            }
        }
        return;
    }
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
    let first = text
        .lines()
        .find(|l| !l.starts_with('#') && !l.trim().is_empty())
        .unwrap_or("");
    if first.trim_start().starts_with('{') {
        jsonl(&path, &text, show_errors, show_pairs);
        return;
    }
    if first.starts_with("cluster\t") {
        clusters(&path, &text, show_errors);
        return;
    }
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
    say!(
        "{path}: {} pairs ({pos} matches, {} non-matches)",
        rows.len(),
        rows.len() - pos
    );
    let (p, r, f, tp, fp, fneg) = prf(&rows, threshold());
    say!(
        "threshold {:.2}: precision {p:.3} recall {r:.3} F1 {f:.3} (tp {tp}, fp {fp}, fn {fneg})",
        threshold()
    );
    let best = best_threshold(&rows);
    let (p, r, f, ..) = prf(&rows, best);
    say!("best threshold    {best:.2}: precision {p:.3} recall {r:.3} F1 {f:.3}");
    let mut cats: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for row in &rows {
        let e = cats.entry(row.category.as_str()).or_default();
        e.0 += 1;
        if (row.score >= threshold()) == row.label {
            e.1 += 1;
        }
    }
    say!("accuracy by category at the default threshold:");
    for (c, (n, ok)) in cats {
        say!("  {c:<18} {ok:>4}/{n:<4} {:.3}", ok as f64 / n as f64);
    }
    if show_errors {
        for row in &rows {
            if (row.score >= threshold()) != row.label {
                say!(
                    "{}\t{}\t{}\t{:.3}\t{}",
                    row.label as u8,
                    row.a,
                    row.b,
                    row.score,
                    row.category
                );
            }
        }
    }
}

/// Reads a clusters file and scores its resolution.
fn clusters(path: &str, text: &str, show_errors: bool) {
    let mut truth: Vec<String> = Vec::new();
    let mut mentions: Vec<Mention> = Vec::new();
    for line in text.lines() {
        if line.starts_with('#') || line.trim().is_empty() || line.starts_with("cluster\t") {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        let mut m = Mention::new(f.get(1).copied().unwrap_or(""));
        if let Some(doc) = f.get(2).filter(|d| !d.is_empty()) {
            m = m.doc(*doc);
        }
        truth.push(f[0].to_string());
        mentions.push(m);
    }
    score_clusters(path, &truth, &mentions, show_errors);
}

/// Pairwise and B-cubed scores of a predicted partition against the truth.
fn score_clusters(path: &str, truth: &[String], mentions: &[Mention], show_errors: bool) {
    let scores = common::cluster_scores(truth, mentions, *config());
    let predicted: Vec<&str> = scores.predicted.iter().map(|e| e.as_str()).collect();
    let n = truth.len();
    say!(
        "{path}: {n} mentions, {} labelled entities, {} predicted",
        {
            let mut t = truth.to_vec();
            t.sort();
            t.dedup();
            t.len()
        },
        scores.entities
    );
    let (p, r, f, tp, fp, fneg) = scores.pairwise;
    say!("pairwise: precision {p:.3} recall {r:.3} F1 {f:.3} (tp {tp}, fp {fp}, fn {fneg})");
    let (bp, br, bf) = scores.bcubed;
    say!("B-cubed:  precision {bp:.3} recall {br:.3} F1 {bf:.3}");
    if show_errors {
        let mut by_pred: HashMap<&str, Vec<usize>> = HashMap::new();
        let mut by_truth: HashMap<&str, Vec<usize>> = HashMap::new();
        for i in 0..n {
            by_pred.entry(predicted[i]).or_default().push(i);
            by_truth.entry(truth[i].as_str()).or_default().push(i);
        }
        let mut preds: Vec<_> = by_pred.iter().collect();
        preds.sort();
        for (e, members) in preds {
            let mut labels: Vec<&str> = members.iter().map(|&i| truth[i].as_str()).collect();
            labels.sort();
            labels.dedup();
            let split = labels.len() == 1 && by_truth[labels[0]].len() != members.len();
            if labels.len() > 1 || split {
                let names: Vec<String> = members
                    .iter()
                    .map(|&i| format!("{} [{}]", mentions[i].name, truth[i]))
                    .collect();
                let what = if labels.len() > 1 { "mixed" } else { "split" };
                say!("{what}\t{e}\t{}", names.join(" | "));
            }
        }
    }
}

/// Reads a JSON Lines file of entities with their names and scores it as
/// clusters, as pairs and as `compare` recall.
fn jsonl(path: &str, text: &str, show_errors: bool, show_pairs: bool) {
    let entities = common::read_entities(path, text).unwrap_or_else(|e| {
        eprintln!("eval: {e}");
        std::process::exit(2);
    });
    let truth = entities.truth;
    // Every name a mention in a document of its own.
    let mentions: Vec<Mention> = entities
        .names
        .iter()
        .enumerate()
        .map(|(i, n)| Mention::new(n.as_str()).doc(format!("d{i}")))
        .collect();
    score_clusters(path, &truth, &mentions, show_errors);

    // Pairs: every same-entity pair, and the cross-entity pairs that share
    // a folded word or a transliteration key.
    let names: Vec<Name> = common::analyze_all(&entities.names);
    let (pairs, positives) = common::labelled_pairs(&names, &truth);
    if show_pairs {
        // Every scored pair with its entities, for calibration by entity.
        for &(i, j) in &pairs {
            let score = compare(&names[i], &names[j]).score();
            say!("pair\t{}\t{}\t{score:.4}", truth[i], truth[j]);
        }
        return;
    }
    let rows: Vec<Row> = pairs
        .iter()
        .map(|&(i, j)| Row {
            a: mentions[i].name.clone(),
            b: mentions[j].name.clone(),
            label: truth[i] == truth[j],
            category: String::new(),
            score: compare(&names[i], &names[j]).score(),
        })
        .collect();
    say!(
        "pairs: {} ({positives} same-entity, {} hard negatives)",
        rows.len(),
        rows.len() - positives
    );
    let (p, r, f, tp, fp, fneg) = prf(&rows, threshold());
    say!("pairs at the threshold {:.2}: precision {p:.3} recall {r:.3} F1 {f:.3} (tp {tp}, fp {fp}, fn {fneg})", threshold());
    let best = best_threshold(&rows);
    let (p, r, f, ..) = prf(&rows, best);
    say!("pairs at the best threshold {best:.2}: precision {p:.3} recall {r:.3} F1 {f:.3}");
    say!(
        "match recall at the threshold: {:.3} ({tp}/{positives})",
        tp as f64 / positives.max(1) as f64
    );
    if show_errors {
        for row in &rows {
            if (row.score >= threshold()) != row.label {
                let what = if row.label { "miss" } else { "false" };
                say!("{what}\t{:.3}\t{}\t{}", row.score, row.a, row.b);
            }
        }
    }
}
