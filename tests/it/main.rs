//! The integration tests, one binary: each module is one area, and `util`
//! holds what they share.

mod util;

mod analysis_cases;
mod cli_extract;
mod cli_match_resolve;
mod cli_normalise;
mod extract_entities;
mod extract_news;
mod extract_seeds;
mod extract_shapes;
mod fuzz_corpus;
mod generated_tables;
mod list_formats;
mod org_terms;
mod properties;
mod resolve_aliases;
mod resolve_props;
mod resolve_seed;
mod spellings;
mod stages;
mod store;
mod store_cli;
mod variant_tables;
