//! The match model: a logistic function of features of an alignment.
//!
//! An alignment is summed up in [`FEATURES`] numbers — the weight of the
//! aligned pairs by kind of evidence, how unlike the aligned parts are,
//! the weight left over by kind of part, the conflicts and a few counts —
//! and the score is the probability that a logistic model gives them:
//! `1 / (1 + exp(-(c₀ + Σ cᵢ·xᵢ)))`. The coefficients are fitted on
//! labelled pairs by `examples/fit_model.rs` and bundled from
//! `data/match_model.tsv`.
//!
//! Two shapes of pair keep the hand score's verdict (the hand score,
//! rescaled so that its threshold falls on the model's, bounds the
//! model's): a name that shares only one weak part (a known given name or
//! an initial standing alone: "Mohammed" against "Mohammed bin Salman"),
//! which can denote anyone who bears it, and names that both leave parts
//! over (Kim Jong Un / Kim Jong Il), where a different part is another
//! name and labelled pairs are too few to learn which.
//!
//! Hard conflicts (different regnal or generational numbers, a name in
//! another place of a lineage, different initials, different known given
//! names, person vs organisation) are not features: they cap the score
//! whatever the model says.

use crate::error::{Error, ErrorKind, Problem};
use once_cell::sync::Lazy;

/// The number of features of an alignment (the intercept not counted).
pub const FEATURES: usize = 19;

/// The threshold of the hand score.
const HAND_THRESHOLD: f64 = 0.8;
/// The threshold of the bundled logistic model, chosen by
/// cross-validation (`examples/fit_model.rs`).
const MODEL_THRESHOLD: f64 = 0.51;

/// The features' names, in the order of [`Comparison::features`] and of
/// the coefficients table.
///
/// [`Comparison::features`]: crate::Comparison::features
pub const FEATURE_NAMES: [&str; FEATURES] = [
    "hand",
    "exact",
    "variant",
    "transliteration",
    "glued",
    "fuzzy",
    "initial",
    "unlike",
    "left_family",
    "left_given",
    "left_initial",
    "left_patronymic",
    "left_other",
    "conflict",
    "links",
    "single",
    "extra_parts",
    "number_missing",
    "org",
];

/// The features of one alignment, in the order of [`FEATURE_NAMES`].
pub type Features = [f32; FEATURES];

/// How a comparison turns its alignment into a score.
///
/// * [`Model::hand`] (the default): the weighted ratio of matched to all
///   weight, with the costs of [`MatchConfig`](crate::MatchConfig) — the
///   `hand` feature itself;
/// * [`Model::logistic`]: a fitted logistic model over all the features;
///   [`Model::bundled`] has the coefficients of `data/match_model.tsv`.
///   Held out, it does not yet beat the hand score on every labelled set
///   (see docs/measurements.md, "A fitted model"), so it is not the default.
///
/// ```
/// use canonym::{analyze, compare_with, MatchConfig, Model};
///
/// let (a, b) = (analyze("Maiya Nikolaevna Bolotova"), analyze("Mayya Bolotova"));
/// let fitted = MatchConfig::builder()
///     .model(Model::bundled())
///     .threshold(Model::bundled().default_threshold())
///     .build()?;
/// let p = compare_with(&a, &b, &fitted).score();
/// let h = compare_with(&a, &b, &MatchConfig::default()).score();
/// assert!((0.0..=1.0).contains(&p) && (0.0..=1.0).contains(&h));
/// # Ok::<(), canonym::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Model {
    /// Intercept then one coefficient per feature; `None` for the hand
    /// score.
    coefficients: Option<[f64; FEATURES + 1]>,
}

static BUNDLED: Lazy<Model> = Lazy::new(|| {
    Model::parse(include_str!("../../data/match_model.tsv"))
        .expect("data/match_model.tsv is a valid coefficients table")
});

impl Default for Model {
    fn default() -> Self {
        Model::hand()
    }
}

impl Model {
    /// The hand-set score: matched weight over all weight, with the costs
    /// of the configuration.
    pub fn hand() -> Model {
        Model { coefficients: None }
    }

    /// The bundled logistic model (`data/match_model.tsv`).
    pub fn bundled() -> Model {
        *BUNDLED
    }

    /// A logistic model: the intercept, then one coefficient per feature
    /// in the order of [`FEATURE_NAMES`].
    ///
    /// # Errors
    ///
    /// If there are not `FEATURES + 1` coefficients or one is not finite.
    pub fn logistic(coefficients: &[f64]) -> Result<Model, Error> {
        let bad = |message: String| {
            Error::new(
                ErrorKind::Invalid,
                vec![Problem {
                    source: "Model".to_string(),
                    line: None,
                    path: None,
                    message,
                }],
            )
        };
        if coefficients.len() != FEATURES + 1 {
            return Err(bad(format!(
                "a logistic model needs {} coefficients, got {}",
                FEATURES + 1,
                coefficients.len()
            )));
        }
        if let Some(x) = coefficients.iter().find(|x| !x.is_finite()) {
            return Err(bad(format!("coefficients must be finite, got {x}")));
        }
        let mut c = [0.0; FEATURES + 1];
        c.copy_from_slice(coefficients);
        Ok(Model {
            coefficients: Some(c),
        })
    }

    /// Reads a coefficients table: `#` comment lines, then one line per
    /// coefficient, `NAME<TAB>VALUE`, the intercept first (named
    /// `intercept`), then the features in the order of [`FEATURE_NAMES`].
    ///
    /// # Errors
    ///
    /// If a line is malformed, a name is out of place, or a coefficient is
    /// missing.
    pub fn parse(text: &str) -> Result<Model, Error> {
        let mut values = Vec::with_capacity(FEATURES + 1);
        let mut problems = Vec::new();
        let names = std::iter::once("intercept").chain(FEATURE_NAMES);
        let mut names = names.peekable();
        for (i, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let mut problem = |message: String| {
                problems.push(Problem {
                    source: "match model".to_string(),
                    line: Some(i + 1),
                    path: None,
                    message,
                })
            };
            let Some((name, value)) = line.split_once('\t') else {
                problem("expected NAME<TAB>VALUE".into());
                continue;
            };
            match names.next() {
                Some(n) if n == name => {}
                Some(n) => problem(format!("expected the coefficient of {n}, got {name}")),
                None => problem(format!("unexpected coefficient {name}")),
            }
            match value.trim().parse::<f64>() {
                Ok(x) if x.is_finite() => values.push(x),
                _ => problem(format!("not a number: {value}")),
            }
        }
        if let Some(n) = names.peek() {
            problems.push(Problem {
                source: "match model".to_string(),
                line: None,
                path: None,
                message: format!("missing the coefficient of {n}"),
            });
        }
        if !problems.is_empty() {
            return Err(Error::new(ErrorKind::Invalid, problems));
        }
        Model::logistic(&values)
    }

    /// The threshold that goes with the model: [`DEFAULT_THRESHOLD`]
    /// (0.8) for the hand score, 0.51 for a logistic model (the bundled
    /// model's, chosen by cross-validation).
    ///
    /// [`DEFAULT_THRESHOLD`]: crate::DEFAULT_THRESHOLD
    pub fn default_threshold(&self) -> f64 {
        match self.coefficients {
            None => HAND_THRESHOLD,
            Some(_) => MODEL_THRESHOLD,
        }
    }

    /// The intercept and coefficients of a logistic model; `None` for the
    /// hand score.
    pub fn coefficients(&self) -> Option<&[f64; FEATURES + 1]> {
        self.coefficients.as_ref()
    }

    /// The score of an alignment with these features, in [0, 1].
    pub(crate) fn score(&self, x: &Features) -> f64 {
        match &self.coefficients {
            None => x[0] as f64,
            Some(c) => {
                let z = logit(c, x);
                1.0 / (1.0 + (-z).exp())
            }
        }
    }
}

/// The model's linear predictor: intercept plus the weighted features.
fn logit(c: &[f64; FEATURES + 1], x: &Features) -> f64 {
    let mut z = c[0];
    for i in 0..FEATURES {
        z += c[i + 1] * x[i] as f64;
    }
    z
}

impl Model {
    /// The coefficients as a table that [`Model::parse`] reads; `None` for
    /// the hand score.
    pub fn table(&self) -> Option<String> {
        let c = self.coefficients.as_ref()?;
        let mut s = String::new();
        for (name, x) in std::iter::once("intercept").chain(FEATURE_NAMES).zip(c) {
            s.push_str(&format!("{name}\t{x:.6}\n"));
        }
        Some(s)
    }
}

#[cfg(test)]
fn format_table(c: &[f64; FEATURES + 1]) -> String {
    Model::logistic(c).unwrap().table().unwrap()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_table_parses_and_round_trips() {
        let m = Model::bundled();
        if let Some(c) = m.coefficients() {
            assert_eq!(Model::parse(&format_table(c)).unwrap(), m);
        }
    }

    #[test]
    fn malformed_tables_are_refused() {
        assert!(Model::parse("intercept\t1\n").is_err());
        assert!(Model::parse("hand\t1\n").is_err());
        let mut t = format_table(&[0.5; FEATURES + 1]);
        assert!(Model::parse(&t).is_ok());
        t.push_str("extra\t1\n");
        assert!(Model::parse(&t).is_err());
        assert!(Model::parse(&format_table(&[0.5; FEATURES + 1]).replace("0.5", "x")).is_err());
    }

    #[test]
    fn logistic_score_is_a_probability() {
        let mut c = [0.0; FEATURES + 1];
        c[0] = -1.0;
        c[2] = 2.0;
        let m = Model::logistic(&c).unwrap();
        let mut x = [0.0; FEATURES];
        assert!((m.score(&x) - 1.0 / (1.0 + 1f64.exp())).abs() < 1e-12);
        x[1] = 1.0;
        assert!((m.score(&x) - 1.0 / (1.0 + (-1f64).exp())).abs() < 1e-12);
        assert!(Model::logistic(&c[1..]).is_err());
    }
}
