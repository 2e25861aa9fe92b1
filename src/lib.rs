//! canonym turns messy person and organisation names into canonical
//! entities. It normalises each name, recognises spelling,
//! transliteration, word-order, title, initial and partial-name variants,
//! and says why two names match.
//!
//! ```
//! use canonym::analyze;
//!
//! let a = analyze("Brig. Gen. Patrick Karuretwa");
//! assert_eq!(a.display(), "Patrick Karuretwa");
//! assert_eq!(a.titles(), ["brig gen"]);
//!
//! // Word order, case, diacritics and script do not change the key.
//! assert_eq!(analyze("Loudyi Abdeltif").key(), analyze("ABDELTIF LOUDYI").key());
//! assert_eq!(analyze("Juvénal Marizamunda").key(), "juvenal marizamunda");
//! assert_eq!(analyze("Владимир Путин").key(), "putin vladimir");
//! ```
//!
//! The data path, one module per step: text folding ([`fold`]) → the
//! word layer (words, hyphens, camel case, roman numerals) → the knowledge
//! tables ([`Table`]) → name
//! analysis ([`Analyzer`], [`Name`], transliteration keys with
//! [`skeleton`]) → comparison ([`compare`], [`Comparison`], [`Matcher`]) →
//! blocking ([`BlockingIndex`]) → resolution ([`AliasTable`], [`Resolver`])
//! → extraction ([`Extractor`]); entities kept across runs in a `Store`
//! (cargo feature `store`, on by default). Expensive structures have builders; the
//! one error type is [`Error`].

#![warn(missing_docs)]

mod alias;
mod analyze;
mod compare;
mod compare_acronym;
mod error;
mod extract;
pub mod fold;
mod index;
mod key;
mod matcher;
#[cfg(feature = "python")]
mod python;
mod resolve;
mod sino;
mod sound;
pub mod span_eval;
#[cfg(feature = "store")]
mod store;
mod tables;
mod token;
mod util;

pub use alias::{AliasMatch, AliasTable, AliasTableBuilder, Entity};
pub use analyze::{analyze, Analyzer, AnalyzerBuilder, Kind, Name, Part, Tag};
pub use compare::{
    compare, compare_with, Comparison, Evidence, Explanation, Features, MatchConfig,
    MatchConfigBuilder, Model, Reason, Side, DEFAULT_THRESHOLD, FEATURES, FEATURE_NAMES, MAX_PARTS,
};
pub use compare_acronym::acronym_match;
pub use error::{Error, ErrorKind, Problem};
pub use extract::{
    Document, ExtractedMention, Extraction, Extractor, ExtractorBuilder, Found, MAX_RUN,
};
pub use index::{
    blocking_keys, BlockingIndex, BlockingIndexBuilder, DEFAULT_MAX_CANDIDATES,
    DEFAULT_MAX_POSTINGS,
};
pub use key::{skeleton, skeleton_into};
pub use matcher::{Hit, Matcher, MatcherBuilder};
pub use resolve::{
    AssignedMention, Assignment, Mention, Resolution, ResolvedEntity, Resolver, ResolverBuilder,
};
#[cfg(feature = "store")]
pub use store::{
    Action, Decision, Store, StoredEntity, StoredName, BATCH_SIZE, DEFAULT_WAIT, MAX_ENTITIES,
    SCHEMA_VERSION,
};
pub use tables::{generate_folded_tables, generate_given_names, Table};

/// The README's library example, compiled and run as a doctest.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
