//! Scoring shared by the evaluation and the model-fitting examples: labelled
//! pairs from entity files, precision / recall / F1, and pairwise and
//! B-cubed scores of a resolution.

#![allow(dead_code)] // each example uses part of it

use canonym::{analyze, MatchConfig, Mention, Name, Resolver};
use std::collections::{HashMap, HashSet};

/// Precision, recall, F1 and the counts behind them (tp, fp, fn).
pub type Prf = (f64, f64, f64, usize, usize, usize);

/// Precision, recall and F1 of `scores` (with `labels`) at threshold `t`.
pub fn prf(scores: impl IntoIterator<Item = (f64, bool)>, t: f64) -> Prf {
    let (mut tp, mut fp, mut fneg) = (0usize, 0usize, 0usize);
    for (score, label) in scores {
        match (score >= t, label) {
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
    (p, r, f1(p, r), tp, fp, fneg)
}

/// The harmonic mean of precision and recall.
pub fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

/// Entities read from a JSON Lines file: one name per element, with its
/// entity.
pub struct Entities {
    /// The entity of each name.
    pub truth: Vec<String>,
    /// The names.
    pub names: Vec<String>,
}

/// Reads `{"entity": ID, "names": [NAME, ...]}` lines.
pub fn read_entities(path: &str, text: &str) -> Result<Entities, String> {
    let mut out = Entities {
        truth: Vec::new(),
        names: Vec::new(),
    };
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let v: serde_json::Value =
            serde_json::from_str(line).map_err(|e| format!("{path}:{}: {e}", i + 1))?;
        let entity = match &v["entity"] {
            serde_json::Value::String(s) => s.clone(),
            serde_json::Value::Null => format!("{path}:line-{}", i + 1),
            other => other.to_string(),
        };
        for name in v["names"].as_array().into_iter().flatten() {
            if let Some(name) = name.as_str() {
                out.names.push(name.to_string());
                out.truth.push(entity.clone());
            }
        }
    }
    Ok(out)
}

/// Every same-entity pair, and the cross-entity pairs that share a folded
/// word or a transliteration key (the hard negatives), sorted; with the
/// number of same-entity pairs.
pub fn labelled_pairs(names: &[Name], truth: &[String]) -> (Vec<(usize, usize)>, usize) {
    let mut by_word: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, n) in names.iter().enumerate() {
        let mut seen = HashSet::new();
        for p in n.parts().filter(|p| p.tag().is_main()) {
            for k in [format!("w:{}", p.fold()), format!("k:{}", p.skeleton())] {
                if k.len() > 3 && seen.insert(k.clone()) {
                    by_word.entry(k).or_default().push(i);
                }
            }
        }
    }
    let mut pairs: HashSet<(usize, usize)> = HashSet::new();
    let mut by_entity: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, t) in truth.iter().enumerate() {
        by_entity.entry(t.as_str()).or_default().push(i);
    }
    for list in by_entity.values() {
        for (x, &i) in list.iter().enumerate() {
            for &j in &list[x + 1..] {
                pairs.insert((i.min(j), i.max(j)));
            }
        }
    }
    let positives = pairs.len();
    for list in by_word.values() {
        for (x, &i) in list.iter().enumerate() {
            for &j in &list[x + 1..] {
                if truth[i] != truth[j] {
                    pairs.insert((i.min(j), i.max(j)));
                }
            }
        }
    }
    let mut pairs: Vec<(usize, usize)> = pairs.into_iter().collect();
    pairs.sort_unstable();
    (pairs, positives)
}

/// Analyses names.
pub fn analyze_all(names: &[String]) -> Vec<Name> {
    names.iter().map(|n| analyze(n)).collect()
}

/// The scores of a resolution against the truth.
pub struct ClusterScores {
    /// The predicted entity of each mention.
    pub predicted: Vec<String>,
    /// How many entities were predicted.
    pub entities: usize,
    /// Pairwise precision, recall, F1 and counts.
    pub pairwise: (f64, f64, f64, u64, u64, u64),
    /// B-cubed precision, recall and F1.
    pub bcubed: (f64, f64, f64),
}

/// Resolves `mentions` as one batch with `config` and scores the result
/// against `truth`.
pub fn cluster_scores(
    truth: &[String],
    mentions: &[Mention],
    config: MatchConfig,
) -> ClusterScores {
    let resolution = Resolver::builder().config(config).build().resolve(mentions);
    let predicted: Vec<String> = resolution
        .assignments()
        .iter()
        .map(|a| a.entity().to_string())
        .collect();
    let n = truth.len();
    // Pairwise: every unordered pair of mentions.
    let (mut tp, mut fp, mut fneg) = (0u64, 0u64, 0u64);
    for i in 0..n {
        for j in i + 1..n {
            match (predicted[i] == predicted[j], truth[i] == truth[j]) {
                (true, true) => tp += 1,
                (true, false) => fp += 1,
                (false, true) => fneg += 1,
                _ => {}
            }
        }
    }
    let p = tp as f64 / (tp + fp).max(1) as f64;
    let r = tp as f64 / (tp + fneg).max(1) as f64;
    // B-cubed: per mention, the overlap of its predicted and true clusters.
    let mut by_pred: HashMap<&str, usize> = HashMap::new();
    let mut by_truth: HashMap<&str, usize> = HashMap::new();
    let mut both: HashMap<(&str, &str), usize> = HashMap::new();
    for i in 0..n {
        *by_pred.entry(predicted[i].as_str()).or_default() += 1;
        *by_truth.entry(truth[i].as_str()).or_default() += 1;
        *both
            .entry((predicted[i].as_str(), truth[i].as_str()))
            .or_default() += 1;
    }
    let (mut bp, mut br) = (0.0, 0.0);
    for i in 0..n {
        let k = both[&(predicted[i].as_str(), truth[i].as_str())] as f64;
        bp += k / by_pred[predicted[i].as_str()] as f64;
        br += k / by_truth[truth[i].as_str()] as f64;
    }
    let (bp, br) = (bp / n.max(1) as f64, br / n.max(1) as f64);
    ClusterScores {
        entities: resolution.entities().len(),
        predicted,
        pairwise: (p, r, f1(p, r), tp, fp, fneg),
        bcubed: (bp, br, f1(bp, br)),
    }
}
