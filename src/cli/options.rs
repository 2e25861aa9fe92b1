//! Options shared by the subcommands: knowledge tables, alias tables and
//! worker threads, each declared and set up once here.

use crate::cli::lines::{read_text, Status};
use canonym::{AliasTable, AliasTableBuilder, Analyzer, AnalyzerBuilder, Kind, Table};
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
    /// given-names, nicknames, places, nationalities, stopwords, known-orgs,
    /// org-terms; see data/README.md for the formats.
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

/// Alias-table options.
#[derive(Debug, Clone, Args)]
pub struct AliasOptions {
    /// Alias tables of known entities (JSON, CSV or TSV); repeatable.
    #[arg(long = "aliases", value_name = "FILE")]
    pub aliases: Vec<PathBuf>,

    /// Allow an alias shared by several entities (it is then ambiguous).
    #[arg(long)]
    pub allow_ambiguous_aliases: bool,
}

impl AliasOptions {
    /// The alias table, `Some(None)` when none was given; `None` after
    /// reporting every problem.
    pub fn load(&self, status: &mut Status) -> Option<Option<AliasTable>> {
        load_aliases(&self.aliases, self.allow_ambiguous_aliases, status)
    }
}

/// Loads the alias tables at `paths` into one table, `Some(None)` when
/// there are none; reports every problem and returns `None` if there was
/// any.
pub fn load_aliases(
    paths: &[PathBuf],
    allow_ambiguous: bool,
    status: &mut Status,
) -> Option<Option<AliasTable>> {
    if paths.is_empty() {
        return Some(None);
    }
    let mut builder = AliasTableBuilder::new();
    builder.allow_ambiguous(allow_ambiguous);
    let mut ok = true;
    for path in paths {
        if let Err(e) = builder.add_path(path) {
            for p in e.problems() {
                status.error(p);
            }
            ok = false;
        }
    }
    if !ok {
        return None;
    }
    match builder.build() {
        Ok(t) => Some(Some(t)),
        Err(e) => {
            for p in e.problems() {
                status.error(p);
            }
            None
        }
    }
}

/// The worker-thread option of the subcommands that run in parallel.
#[derive(Debug, Clone, Copy, Args)]
pub struct ThreadOptions {
    /// Worker threads (0: one per core, at most 8).
    #[arg(short = 'j', long = "threads", value_name = "N", default_value_t = 0)]
    pub threads: usize,
}

impl ThreadOptions {
    /// The number of worker threads: `0` picks one per available core, at
    /// most 8.
    pub fn count(&self) -> usize {
        match self.threads {
            0 => std::thread::available_parallelism().map_or(1, |n| n.get().min(8)),
            n => n,
        }
    }
}
