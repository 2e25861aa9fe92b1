//! `canonym`: normalise, match, resolve and extract person and organisation
//! names from the command line.
//!
//! ```text
//! canonym normalise names.txt            # display forms, one a line
//! canonym normalise --key names.txt      # comparison keys
//! canonym normalise --format jsonl -     # JSON objects from stdin
//! canonym match "Abdellatif Loudiyi" "Loudyi Abdeltif"
//! canonym resolve --input-format jsonl mentions.jsonl
//! canonym extract --format table seeds/*.txt
//! canonym resolve --store entities.db mentions.txt
//! canonym store log entities.db
//! ```
//!
//! Exit status: 0 on success, 1 when `match` finds no match, 2 on errors
//! (unreadable input, bad table, bad arguments).

mod cli;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

/// Turn messy person and organisation names into canonical entities.
#[derive(Debug, Parser)]
#[command(name = "canonym", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Normalise names, one a line: display form, key or JSON.
    #[command(visible_alias = "normalize")]
    Normalise(cli::normalise::NormaliseArgs),
    /// Compare two names, or tab-separated pairs: score, verdict, reasons.
    Match(cli::matching::MatchArgs),
    /// Resolve name mentions into canonical entities.
    Resolve(cli::resolve::ResolveArgs),
    /// Find and resolve the person and organisation names in text files.
    Extract(cli::extract::ExtractArgs),
    /// Keep entities across runs: read a store, record reviewers' decisions.
    Store(cli::store::StoreArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let code = match &cli.command {
        Command::Normalise(args) => cli::normalise::run(args),
        Command::Match(args) => cli::matching::run(args),
        Command::Resolve(args) => cli::resolve::run(args),
        Command::Extract(args) => cli::extract::run(args),
        Command::Store(args) => cli::store::run(args),
    };
    ExitCode::from(code)
}
