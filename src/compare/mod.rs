//! Comparison: can two analysed names denote the same entity?
//!
//! The parts of the two names are aligned one-to-one regardless of order.
//! Each aligned pair carries its evidence — exact, variant table, nickname,
//! transliteration key, glued/split, fuzzy, initial — and a similarity; each
//! part left over is accounted for too. The score is a weighted function of
//! those records, and the same records are the explanation:
//!
//! * every part has an *information weight*: a family name or a word that
//!   is not a known given name weighs most, a known given name less
//!   ("Mohammed" alone is weak evidence), initials, particles, legal forms
//!   and generic organisation words little;
//! * a part missing on one side costs a fraction of its weight (partial
//!   names: "Khawaja Asif" within "Khawaja Muhammad Asif");
//! * parts left over on *both* sides, in the same place between the
//!   aligned parts, are a conflict and cost their full weight — except a
//!   patronymic, which only another patronymic conflicts with; in
//!   different places they are two missing parts;
//! * different regnal or generational numbers cap the score ("Mohammed VI"
//!   vs "Mohammed V"), and so do structure conflicts: two different known
//!   given names left over, different initials, a name in another place of
//!   an Arabic lineage (bin / ibn, or the child of a kunya, abu, against
//!   the person's own name); a person never matches an organisation.
//!
//! Parts that are no known variants of each other may still be one name in
//! two romanisation systems: they are compared by sounds (see the `sound`
//! module), and two *known* names of different groups only when they differ
//! in a glide, an h, a letter of one sound class or the spelling of a short
//! vowel. Parts still left over on both sides beside an aligned part may
//! link at a lower similarity when they sound alike within twice that
//! allowance (the residue: Raqou / Reqqo). Two patronymics whose
//! spellings do not link are compared by their fathers' names
//! (Mykolayovych / Nikolayevich).
//!
//! The score is symmetric and lies in [0, 1]; identical names score 1.

#![allow(clippy::needless_range_loop)] // alignment indexes parallel arrays

use crate::analyze::korean;
use crate::analyze::spelling::*;
use crate::analyze::{Kind, Name, Part, Tag};
use crate::error::{Error, ErrorKind, Problem};
use crate::sound;
use crate::util::str_enum;
use serde::ser::{SerializeStruct, Serializer};
use serde::{Deserialize, Serialize};
use smallvec::SmallVec;
use std::fmt;

mod align;
mod bound;
mod conflicts;
mod glue;
mod model;
mod residue;
mod similarity;
#[cfg(test)]
mod tests;

use align::*;
use conflicts::*;
use glue::*;
use residue::*;
use similarity::*;

pub(crate) use bound::may_score;
pub use model::{Features, Model, FEATURES, FEATURE_NAMES};
pub(crate) use similarity::budget;

/// The default score at or above which two names are considered a match.
pub const DEFAULT_THRESHOLD: f64 = 0.8;

/// At most this many parts of each name are aligned. Longer names compare
/// their first `MAX_PARTS` parts only, which bounds the work per comparison
/// to `MAX_PARTS²` part comparisons whatever the input.
pub const MAX_PARTS: usize = 16;

/// How an aligned pair of parts matched. New kinds of evidence may be
/// added as the comparison learns new links, so a `match` on it needs a
/// wildcard arm.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Evidence {
    /// The folded forms are equal (case, diacritics and script aside).
    Exact,
    /// The parts are forms of one given name in the variant table
    /// (Mohammed / Muhammad).
    Variant,
    /// One is a nickname of the other (Bill / William).
    Nickname,
    /// The transliteration keys are equal (Loudiyi / Loudyi).
    Transliteration,
    /// Two parts on one side are one glued part on the other
    /// (Abdel Ghani / Abdelghani).
    Glued,
    /// Close spelling: a small edit distance (a typo).
    Fuzzy,
    /// An initial matches a name with that first letter (J. / Juvénal).
    Initial,
    /// A part of one name is a title the other name carries (Sayed
    /// Ghiasuddin / Sayyed Ghiasuddin, where Sayyed was read as the title):
    /// the honorific written as a name. Such a part weighs nothing either
    /// way.
    Title,
}

str_enum! {
    /// The evidence's name as written in explanations.
    ///
    /// Parsing takes these names, ignoring case and surrounding white space.
    pub Evidence, "kind of evidence",
    "exact, variant, nickname, transliteration, glued, fuzzy, initial or title" {
        Exact => "exact",
        Variant => "variant",
        Nickname => "nickname",
        Transliteration => "transliteration",
        Glued => "glued",
        Fuzzy => "fuzzy",
        Initial => "initial",
        Title => "title",
    }
}

/// Which of the two compared names a part belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Side {
    /// The first name.
    Left,
    /// The second name.
    Right,
}

str_enum! {
    /// The side's name as written in JSON output: `left` or `right`.
    ///
    /// Parsing takes `left` or `right`, ignoring case and surrounding white
    /// space.
    pub Side, "side", "left or right" {
        Left => "left",
        Right => "right",
    }
}

/// One line of a comparison's explanation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum Reason {
    /// Parts aligned with each other.
    Aligned {
        /// The part(s) of the first name (two when glued).
        left: String,
        /// The part(s) of the second name.
        right: String,
        /// How they matched.
        evidence: Evidence,
        /// Their similarity in [0, 1].
        similarity: f64,
        /// The information weight the pair carries.
        weight: f64,
    },
    /// A part with no counterpart on the other side.
    Unmatched {
        /// Which name it belongs to.
        side: Side,
        /// The part.
        part: String,
        /// Its information weight.
        weight: f64,
        /// Whether it conflicts with an unmatched part on the other side.
        conflict: bool,
    },
    /// A verdict-level conflict: different numbers, or person vs
    /// organisation.
    Conflict {
        /// What conflicts.
        detail: String,
    },
    /// A feature of the alignment that pushed the model's score up or
    /// down (see [`Model`]).
    Feature {
        /// The feature's name (one of [`FEATURE_NAMES`]).
        feature: String,
        /// Its value.
        value: f64,
        /// What it added to the model's log-odds.
        effect: f64,
    },
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Reason::Aligned {
                left,
                right,
                evidence,
                similarity,
                ..
            } => write!(
                f,
                "{left} ~ {right}: {} ({similarity:.2})",
                evidence.as_str()
            ),
            Reason::Unmatched {
                side,
                part,
                conflict,
                ..
            } => {
                let s = match side {
                    Side::Left => "first",
                    Side::Right => "second",
                };
                if *conflict {
                    write!(f, "{part}: only in the {s} name, conflicts")
                } else {
                    write!(f, "{part}: only in the {s} name")
                }
            }
            Reason::Conflict { detail } => write!(f, "conflict: {detail}"),
            Reason::Feature {
                feature,
                value,
                effect,
            } => write!(f, "model: {feature} {value:.2} ({effect:+.2})"),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
struct Link {
    /// Left part indices: the first and the last of a glued run, or one
    /// part and `NONE`.
    l: [u8; 2],
    r: [u8; 2],
    evidence: Evidence,
    sim: f32,
    weight: f32,
}

const NONE: u8 = u8::MAX;

/// A feature whose effect on the model's log-odds is at least this large
/// is listed in explanations.
const EXPLAINED_EFFECT: f32 = 0.5;

/// The links of an alignment; typical names need no heap.
type Links = SmallVec<[Link; 8]>;
/// Candidate links of one comparison.
type Cands = SmallVec<[Link; 32]>;

/// The result of comparing two names: a score, a verdict and the records
/// that explain them.
///
/// ```
/// use canonym::{analyze, compare};
///
/// let a = analyze("Abdellatif Loudiyi");
/// let b = analyze("Loudyi Abdeltif");
/// let c = compare(&a, &b);
/// assert!(c.is_match());
/// for line in c.explain(&a, &b) {
///     println!("{line}");
/// }
/// assert!(!compare(&analyze("Mohammed VI"), &analyze("Mohammed V")).is_match());
/// ```
///
/// A comparison serializes as `{"score", "threshold", "match"}`; with the
/// names and reasons, as [`Comparison::explanation`] gives it.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    score: f64,
    threshold: f64,
    links: Links,
    number_conflict: bool,
    kind_conflict: bool,
    /// Conflicts of structure, as bits: [`LINEAGE`], [`INITIALS`].
    structure: u8,
    /// Unmatched parts of each name, as bit masks of part indices.
    unmatched: [u16; 2],
    /// Unmatched parts that conflict with unmatched parts of the other
    /// name, as bit masks of part indices.
    conflicts: [u16; 2],
    /// Parts of each name that spell a title of the other name (see
    /// [`Evidence::Title`]), as bit masks of part indices.
    titled: [u16; 2],
    /// The hand score, caps applied: how the alignment was chosen.
    hand: f64,
    /// The features of the alignment.
    features: Features,
    /// What each feature added to the model's linear predictor (zero for
    /// the hand score).
    effects: Features,
}

impl Comparison {
    /// The score in [0, 1].
    pub fn score(&self) -> f64 {
        self.score
    }

    /// Whether the score reaches the threshold the comparison was made with.
    pub fn is_match(&self) -> bool {
        self.score >= self.threshold
    }

    /// The threshold used for [`Comparison::is_match`].
    pub fn threshold(&self) -> f64 {
        self.threshold
    }

    /// The features of the alignment that the score was computed from,
    /// in the order of [`FEATURE_NAMES`] (see [`Model`]). What a model is
    /// fitted on.
    pub fn features(&self) -> &Features {
        &self.features
    }

    /// Whether a hard conflict capped the score whatever the model says:
    /// different numbers, a conflict of structure (lineage, initials,
    /// known given names) or person vs organisation.
    pub fn is_vetoed(&self) -> bool {
        self.number_conflict || self.kind_conflict || self.structure != 0
    }

    /// The comparison with the compared names and its reasons, as one
    /// record: what `canonym match --format jsonl` writes. `a` and `b` must
    /// be the names that were compared, in the same order.
    ///
    /// ```
    /// use canonym::{analyze, compare};
    ///
    /// let (a, b) = (analyze("Bill Gates"), analyze("William Gates"));
    /// let e = compare(&a, &b).explanation(&a, &b);
    /// let json = serde_json::to_string(&e).unwrap();
    /// assert!(json.starts_with(r#"{"name1":"Bill Gates","name2":"William Gates","score":"#));
    /// ```
    ///
    /// # Panics
    ///
    /// As [`Comparison::explain`].
    pub fn explanation<'a>(&self, a: &'a Name, b: &'a Name) -> Explanation<'a> {
        Explanation {
            name1: a.original(),
            name2: b.original(),
            score: self.score,
            is_match: self.is_match(),
            reasons: self.explain(a, b),
        }
    }

    /// Builds the explanation: every aligned pair with its evidence, every
    /// unmatched part, and any verdict-level conflict. `a` and `b` must be
    /// the names that were compared, in the same order.
    ///
    /// # Panics
    ///
    /// May panic if `a` or `b` has fewer parts than the name compared in
    /// its place.
    pub fn explain(&self, a: &Name, b: &Name) -> Vec<Reason> {
        let text = |n: &Name, ix: [u8; 2]| -> String {
            let mut s = String::new();
            for k in span(ix) {
                if !s.is_empty() {
                    s.push(' ');
                }
                s.push_str(n.part(k).text());
            }
            s
        };
        let mut out = Vec::with_capacity(self.links.len() + 4);
        if self.kind_conflict {
            out.push(Reason::Conflict {
                detail: format!("{} vs {}", a.kind().as_str(), b.kind().as_str()),
            });
        }
        if self.number_conflict {
            out.push(Reason::Conflict {
                detail: format!("different numbers: {} vs {}", numbers(a), numbers(b)),
            });
        }
        if self.structure & LINEAGE != 0 {
            out.push(Reason::Conflict {
                detail: "a name in another place of the lineage (bin, ibn, abu)".into(),
            });
        }
        if self.structure & GIVEN != 0 {
            out.push(Reason::Conflict {
                detail: "different known given names".into(),
            });
        }
        if self.structure & PATRONYMIC != 0 {
            out.push(Reason::Conflict {
                detail: "different patronymics".into(),
            });
        }
        if self.structure & INITIALS != 0 {
            out.push(Reason::Conflict {
                detail: "different initials".into(),
            });
        }
        for l in &self.links {
            out.push(Reason::Aligned {
                left: text(a, l.l),
                right: text(b, l.r),
                evidence: l.evidence,
                similarity: round2(l.sim as f64),
                weight: round2(l.weight as f64),
            });
        }
        for (side, n, other, mask) in [
            (Side::Left, a, b, self.titled[0]),
            (Side::Right, b, a, self.titled[1]),
        ] {
            let len = n.len().min(MAX_PARTS);
            for i in (0..len).filter(|&i| mask & (1 << i) != 0) {
                let part = n.part(i).text().to_string();
                let title = spelt_title(n.part(i).fold(), other)
                    .unwrap_or_default()
                    .to_string();
                let (left, right) = match side {
                    Side::Left => (part, title),
                    Side::Right => (title, part),
                };
                out.push(Reason::Aligned {
                    left,
                    right,
                    evidence: Evidence::Title,
                    similarity: 1.0,
                    weight: 0.0,
                });
            }
        }
        for (side, n, mask, conflicts) in [
            (Side::Left, a, self.unmatched[0], self.conflicts[0]),
            (Side::Right, b, self.unmatched[1], self.conflicts[1]),
        ] {
            let len = n.len().min(MAX_PARTS);
            for i in (0..len).filter(|&i| mask & (1 << i) != 0) {
                let p = n.part(i);
                out.push(Reason::Unmatched {
                    side,
                    part: p.text().to_string(),
                    weight: round2(p.data().weight as f64),
                    conflict: conflicts & (1 << i) != 0,
                });
            }
        }
        // The features that pushed the model's score most, strongest first.
        let mut strong: SmallVec<[usize; FEATURES]> = (0..FEATURES)
            .filter(|&i| self.effects[i].abs() >= EXPLAINED_EFFECT)
            .collect();
        strong.sort_by(|&i, &j| self.effects[j].abs().total_cmp(&self.effects[i].abs()));
        for i in strong {
            out.push(Reason::Feature {
                feature: FEATURE_NAMES[i].to_string(),
                value: round2(self.features[i] as f64),
                effect: round2(self.effects[i] as f64),
            });
        }
        out
    }
}

impl Serialize for Comparison {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Comparison", 3)?;
        st.serialize_field("score", &round4(self.score))?;
        st.serialize_field("threshold", &self.threshold)?;
        st.serialize_field("match", &self.is_match())?;
        st.end()
    }
}

/// A [`Comparison`] with the two names as given and the reasons for its
/// score; see [`Comparison::explanation`].
///
/// It serializes as `{"name1", "name2", "score", "match", "explanation",
/// "reasons"}`: the score rounded to four decimals, the explanation as the
/// reasons' display lines, and the reasons as objects.
#[derive(Debug, Clone, PartialEq)]
pub struct Explanation<'a> {
    /// The first name as given.
    pub name1: &'a str,
    /// The second name as given.
    pub name2: &'a str,
    /// The comparison's score.
    pub score: f64,
    /// The comparison's verdict.
    pub is_match: bool,
    /// Its reasons, as [`Comparison::explain`] gives them.
    pub reasons: Vec<Reason>,
}

impl Serialize for Explanation<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Explanation", 6)?;
        st.serialize_field("name1", self.name1)?;
        st.serialize_field("name2", self.name2)?;
        st.serialize_field("score", &round4(self.score))?;
        st.serialize_field("match", &self.is_match)?;
        st.serialize_field("explanation", &Lines(&self.reasons))?;
        st.serialize_field("reasons", &self.reasons)?;
        st.end()
    }
}

/// Reasons as their display lines.
struct Lines<'a>(&'a [Reason]);

impl Serialize for Lines<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter().map(ToString::to_string))
    }
}

fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

fn numbers(n: &Name) -> String {
    let v: Vec<&str> = n
        .parts()
        .filter(|p| matches!(p.tag(), Tag::Regnal | Tag::Suffix))
        .map(|p| p.text())
        .collect();
    if v.is_empty() {
        "none".into()
    } else {
        v.join(" ")
    }
}

/// Tunable knobs of the comparison model. The defaults are documented on
/// each accessor and measured on the repository's labelled evaluation.
///
/// A configuration is valid by construction: [`MatchConfig::new`] and
/// [`MatchConfigBuilder::build`] reject a threshold that is NaN or outside
/// [0, 1], and so does deserializing, where missing fields take their
/// defaults.
///
/// ```
/// use canonym::MatchConfig;
///
/// let strict = MatchConfig::new(0.9)?;
/// assert_eq!(strict.threshold(), 0.9);
/// assert!(MatchConfig::new(f64::NAN).is_err());
///
/// let orgs = MatchConfig::builder().threshold(0.85).org_missing_cost(0.8).build()?;
/// assert_eq!(orgs.org_missing_cost(), 0.8);
///
/// let read: MatchConfig = serde_json::from_str(r#"{"threshold": 0.7}"#).unwrap();
/// assert_eq!(read, MatchConfig::new(0.7)?);
/// assert!(serde_json::from_str::<MatchConfig>(r#"{"threshold": 1.5}"#).is_err());
/// # Ok::<(), canonym::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "MatchConfigBuilder")]
#[non_exhaustive]
pub struct MatchConfig {
    pub(crate) threshold: f64,
    pub(crate) missing_cost: f64,
    pub(crate) org_missing_cost: f64,
    pub(crate) conflict_cost: f64,
    pub(crate) number_conflict_cap: f64,
    #[serde(skip)]
    pub(crate) model: Model,
}

/// Highest score when the structure of the names conflicts: a name
/// aligned across places of an Arabic lineage ("Ahmad bin Khalid" /
/// "Khalid bin Ahmad": son and father), initials left over on both sides
/// ("John Q. Smith" / "John R. Smith"), two different known given names
/// left over ("Omar Haddad" / "Karim Haddad"), or two different
/// patronymics ("Pavel Ivanovich" / "Pavel Petrovich": another father).
/// Below the default threshold by more than the resolver's join margin, so
/// such names never share an entity.
const STRUCTURE_CONFLICT_CAP: f64 = 0.3;

/// [`Comparison`] structure conflict: a name in another lineage place.
const LINEAGE: u8 = 1;
/// [`Comparison`] structure conflict: different initials.
const INITIALS: u8 = 2;
/// [`Comparison`] structure conflict: two different known given names.
const GIVEN: u8 = 4;
/// [`Comparison`] structure conflict: two different patronymics (another
/// father).
const PATRONYMIC: u8 = 8;

impl Default for MatchConfig {
    fn default() -> Self {
        MatchConfig {
            threshold: DEFAULT_THRESHOLD,
            missing_cost: 0.15,
            org_missing_cost: 0.6,
            conflict_cost: 1.0,
            number_conflict_cap: 0.3,
            model: Model::hand(),
        }
    }
}

impl MatchConfig {
    /// The default configuration with another threshold.
    ///
    /// # Errors
    ///
    /// If `threshold` is NaN or outside [0, 1].
    pub fn new(threshold: f64) -> Result<MatchConfig, Error> {
        MatchConfig::builder().threshold(threshold).build()
    }

    /// A builder starting from the defaults.
    pub fn builder() -> MatchConfigBuilder {
        MatchConfigBuilder::default()
    }

    /// Score at or above which names match. Default [`DEFAULT_THRESHOLD`].
    pub fn threshold(&self) -> f64 {
        self.threshold
    }

    /// Fraction of its weight that a part missing on one side costs.
    /// Default 0.15.
    pub fn missing_cost(&self) -> f64 {
        self.missing_cost
    }

    /// The same for organisation names, where an extra word usually names
    /// another body (a subsidiary, a branch). Default 0.6.
    pub fn org_missing_cost(&self) -> f64 {
        self.org_missing_cost
    }

    /// Fraction of its weight that a part left over on both sides costs
    /// (a conflict). Default 1.0.
    pub fn conflict_cost(&self) -> f64 {
        self.conflict_cost
    }

    /// Highest score when regnal or generational numbers differ.
    /// Default 0.3.
    pub fn number_conflict_cap(&self) -> f64 {
        self.number_conflict_cap
    }

    /// How an alignment becomes a score. Default [`Model::hand`]; the
    /// fitted [`Model::bundled`] goes with its own threshold
    /// ([`Model::default_threshold`]).
    pub fn model(&self) -> &Model {
        &self.model
    }
}

/// Builds a [`MatchConfig`]; every knob starts at its default. Missing
/// fields take their defaults when a configuration is deserialized.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct MatchConfigBuilder {
    threshold: f64,
    missing_cost: f64,
    org_missing_cost: f64,
    conflict_cost: f64,
    number_conflict_cap: f64,
    #[serde(skip)]
    model: Model,
}

impl Default for MatchConfigBuilder {
    fn default() -> Self {
        let d = MatchConfig::default();
        MatchConfigBuilder {
            threshold: d.threshold,
            missing_cost: d.missing_cost,
            org_missing_cost: d.org_missing_cost,
            conflict_cost: d.conflict_cost,
            number_conflict_cap: d.number_conflict_cap,
            model: d.model,
        }
    }
}

impl MatchConfigBuilder {
    /// A builder with the defaults.
    pub fn new() -> MatchConfigBuilder {
        MatchConfigBuilder::default()
    }

    /// See [`MatchConfig::threshold`]; must lie in [0, 1].
    pub fn threshold(&mut self, x: f64) -> &mut Self {
        self.threshold = x;
        self
    }

    /// See [`MatchConfig::missing_cost`]; must be finite and not negative.
    pub fn missing_cost(&mut self, x: f64) -> &mut Self {
        self.missing_cost = x;
        self
    }

    /// See [`MatchConfig::org_missing_cost`]; must be finite and not
    /// negative.
    pub fn org_missing_cost(&mut self, x: f64) -> &mut Self {
        self.org_missing_cost = x;
        self
    }

    /// See [`MatchConfig::conflict_cost`]; must be finite and not negative.
    pub fn conflict_cost(&mut self, x: f64) -> &mut Self {
        self.conflict_cost = x;
        self
    }

    /// See [`MatchConfig::number_conflict_cap`]; must lie in [0, 1].
    pub fn number_conflict_cap(&mut self, x: f64) -> &mut Self {
        self.number_conflict_cap = x;
        self
    }

    /// See [`MatchConfig::model`].
    pub fn model(&mut self, m: Model) -> &mut Self {
        self.model = m;
        self
    }

    /// The configuration.
    ///
    /// # Errors
    ///
    /// An [`ErrorKind::Invalid`] error listing every knob out of its range
    /// (NaN is out of every range).
    pub fn build(&self) -> Result<MatchConfig, Error> {
        let unit = |x: f64| (0.0..=1.0).contains(&x);
        let cost = |x: f64| x.is_finite() && x >= 0.0;
        let mut problems = Vec::new();
        let mut check = |ok: bool, field: &str, x: f64, range: &str| {
            if !ok {
                problems.push(Problem {
                    source: "MatchConfig".to_string(),
                    line: None,
                    path: None,
                    message: format!("{field} must {range}, got {x}"),
                });
            }
        };
        let in_unit = "lie between 0 and 1";
        let non_negative = "be finite and not negative";
        check(unit(self.threshold), "threshold", self.threshold, in_unit);
        check(
            cost(self.missing_cost),
            "missing_cost",
            self.missing_cost,
            non_negative,
        );
        check(
            cost(self.org_missing_cost),
            "org_missing_cost",
            self.org_missing_cost,
            non_negative,
        );
        check(
            cost(self.conflict_cost),
            "conflict_cost",
            self.conflict_cost,
            non_negative,
        );
        check(
            unit(self.number_conflict_cap),
            "number_conflict_cap",
            self.number_conflict_cap,
            in_unit,
        );
        if !problems.is_empty() {
            return Err(Error::new(ErrorKind::Invalid, problems));
        }
        Ok(MatchConfig {
            threshold: self.threshold,
            missing_cost: self.missing_cost,
            org_missing_cost: self.org_missing_cost,
            conflict_cost: self.conflict_cost,
            number_conflict_cap: self.number_conflict_cap,
            model: self.model,
        })
    }
}

impl TryFrom<MatchConfigBuilder> for MatchConfig {
    type Error = Error;

    fn try_from(b: MatchConfigBuilder) -> Result<MatchConfig, Error> {
        b.build()
    }
}

/// Compares two analysed names with the default configuration.
///
/// ```
/// use canonym::{analyze, compare};
/// let c = compare(&analyze("Juvénal Marizamunda"), &analyze("J. Marizamunda"));
/// assert!(c.is_match());
/// assert!(!compare(&analyze("Omar Haddad"), &analyze("Karim Haddad")).is_match());
/// ```
pub fn compare(a: &Name, b: &Name) -> Comparison {
    compare_with(a, b, &MatchConfig::default())
}

/// Compares two analysed names with a configuration of your own.
pub fn compare_with(a: &Name, b: &Name, cfg: &MatchConfig) -> Comparison {
    // Most pairs met in a stream or through loose blocking share nothing: a
    // cheap test proves that no part can link and no run can glue, and the
    // alignment is then known without searching for it. Both are
    // symmetric in the two names (their tests and sums give the same
    // answer, mirrored, whichever name comes first), so they need no fixed
    // order of the names (the tests check both orders against the ordered
    // alignment).
    if bound::unlinkable(a, b) {
        return unaligned(a, b, cfg);
    }
    ordered(a, b, cfg, align)
}

/// [`compare_with`] without its pre-test for names that share nothing, for
/// callers whose pairs nearly always share a part (the resolver's
/// candidates share a blocking key), where the whole-name test costs more
/// than it saves; the alignment still asks the pre-test's conditions pair
/// of parts by pair of parts. The same comparison, bit for bit.
pub(crate) fn compare_searched(a: &Name, b: &Name, cfg: &MatchConfig) -> Comparison {
    ordered(a, b, cfg, align)
}

/// `compare` with the names in one fixed order, so that the result is the
/// same, bit for bit, whichever name the caller gives first: greedy
/// choices among equal candidates cannot depend on it.
fn ordered(
    a: &Name,
    b: &Name,
    cfg: &MatchConfig,
    compare: impl Fn(&Name, &Name, &MatchConfig) -> Comparison,
) -> Comparison {
    if (b.key(), b.original()) < (a.key(), a.original()) {
        let mut c = compare(b, a, cfg);
        for l in &mut c.links {
            std::mem::swap(&mut l.l, &mut l.r);
        }
        c.unmatched.swap(0, 1);
        c.conflicts.swap(0, 1);
        c.titled.swap(0, 1);
        return c;
    }
    compare(a, b, cfg)
}
