//! Options shared by the subcommands that analyse names.

use crate::cli::lines::{read_text, Status};
use canonym::{Analyzer, AnalyzerBuilder, Kind, Table};
use clap::{Args, ValueEnum};
use std::path::PathBuf;

/// A user table given as `KIND=FILE`.
#[derive(Debug, Clone)]
pub struct TableArg {
    pub table: Table,
    pub path: PathBuf,
}

fn table_names() -> String {
    Table::ALL
        .iter()
        .map(|t| t.name())
        .collect::<Vec<_>>()
        .join(", ")
}

fn parse_table_arg(s: &str) -> Result<TableArg, String> {
    let Some((kind, path)) = s.split_once('=') else {
        return Err(format!("expected KIND=FILE, KIND one of {}", table_names()));
    };
    let Ok(table) = kind.parse::<Table>() else {
        return Err(format!(
            "unknown table `{kind}`, expected one of {}",
            table_names()
        ));
    };
    if path.is_empty() {
        return Err("missing FILE after `=`".to_string());
    }
    Ok(TableArg {
        table,
        path: PathBuf::from(path),
    })
}

/// The kind of the names, when the caller knows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum KindArg {
    Person,
    #[value(alias = "organisation", alias = "organization")]
    Org,
    Unknown,
}

impl From<KindArg> for Kind {
    fn from(k: KindArg) -> Kind {
        match k {
            KindArg::Person => Kind::Person,
            KindArg::Org => Kind::Org,
            KindArg::Unknown => Kind::Unknown,
        }
    }
}

/// Knowledge-table options.
#[derive(Debug, Clone, Args)]
pub struct TableOptions {
    /// Add the entries of a table of your own to the bundled ones (repeatable).
    /// KIND is one of titles, particles, suffixes, legal-forms, org-words,
    /// given-names, nicknames, places, nationalities, stopwords, known-orgs;
    /// see data/README.md for the formats.
    #[arg(long = "table", value_name = "KIND=FILE", value_parser = parse_table_arg)]
    pub tables: Vec<TableArg>,
}

impl TableOptions {
    /// The analyser with the bundled tables plus the user's. Every problem
    /// in every table is reported; `None` if there was any.
    pub fn analyzer(&self, status: &mut Status) -> Option<Analyzer> {
        if self.tables.is_empty() {
            return Some(Analyzer::new());
        }
        // Read every file first, so a missing one is reported before the
        // bundled tables are loaded.
        let mut texts = Vec::with_capacity(self.tables.len());
        for arg in &self.tables {
            match read_text(&arg.path) {
                Ok(text) => texts.push((arg, text)),
                Err(e) => status.error(format_args!("{}: {e}", arg.path.display())),
            }
        }
        if status.failed() {
            return None;
        }
        let mut builder = AnalyzerBuilder::new();
        let mut ok = true;
        for (arg, text) in &texts {
            let source = arg.path.display().to_string();
            if let Err(e) = builder.add_table(arg.table, &source, text) {
                for problem in e.problems() {
                    status.error(problem);
                }
                ok = false;
            }
        }
        ok.then(|| builder.build())
    }
}

/// The number of worker threads: `0` picks one per available core.
pub fn threads(requested: usize) -> usize {
    match requested {
        0 => std::thread::available_parallelism().map_or(1, |n| n.get().min(8)),
        n => n,
    }
}
