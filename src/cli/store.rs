//! `canonym store`: read an entity store and record reviewers' decisions;
//! and the `--store` options of `resolve` and `extract`.

use crate::cli::lines::report;
use canonym::{AliasTableBuilder, Error, ResolverBuilder, Store, StoredEntity, BATCH_SIZE};
use clap::{Args, Subcommand, ValueEnum};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Options of `resolve` and `extract` for resolving into a store.
#[derive(Debug, Clone, Args)]
pub struct StoreOptions {
    /// Resolve against the entities of this store and commit the results to
    /// it (created if absent); output ids are the store's stable ids.
    #[arg(long, value_name = "PATH")]
    pub store: Option<PathBuf>,

    /// With --store: mentions committed per transaction.
    #[arg(long, value_name = "N", default_value_t = BATCH_SIZE, requires = "store")]
    pub batch: usize,

    /// With --store: seconds to wait for another writer before giving up.
    #[arg(
        long,
        value_name = "SECONDS",
        default_value_t = 5.0,
        requires = "store"
    )]
    pub wait: f64,
}

impl StoreOptions {
    /// Opens the store for writing, or reports why not.
    pub fn open(&self) -> Option<Result<Store, ()>> {
        let path = self.store.as_ref()?;
        Some(open_writer(path, self.wait).map(|mut s| {
            s.set_batch_size(self.batch);
            s
        }))
    }
}

fn open_writer(path: &Path, wait: f64) -> Result<Store, ()> {
    let wait = Duration::from_secs_f64(wait.clamp(0.0, 86_400.0));
    Store::open_waiting(path, wait).map_err(fail)
}

/// Reports a library error; for the `Err` of a result.
pub fn fail(e: Error) {
    report(e);
}

/// Arguments of `canonym store`.
#[derive(Debug, Clone, Args)]
pub struct StoreArgs {
    #[command(subcommand)]
    pub command: StoreCommand,
}

/// Export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// One JSON object per entity, with its names.
    Jsonl,
    /// One CSV row per name: id, canonical, kind, name, key, alias, count.
    Csv,
}

/// A decision's note.
#[derive(Debug, Clone, Args)]
pub struct NoteArg {
    /// A note kept with the decision.
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
    /// Seconds to wait for another writer before giving up.
    #[arg(long, value_name = "SECONDS", default_value_t = 5.0)]
    pub wait: f64,
}

/// The subcommands of `canonym store`.
#[derive(Debug, Clone, Subcommand)]
pub enum StoreCommand {
    /// List the entities: id, kind, mentions, canonical name.
    List { path: PathBuf },
    /// Show one entity (an old id shows its survivor) as JSON.
    Show { path: PathBuf, id: String },
    /// Write every entity to standard output.
    Export {
        path: PathBuf,
        #[arg(long, value_enum, default_value_t = ExportFormat::Jsonl)]
        format: ExportFormat,
    },
    /// Seed the store from an alias table (JSON, CSV or TSV).
    Import { path: PathBuf, table: PathBuf },
    /// These entities are one: the first survives, the others redirect to it.
    Merge {
        path: PathBuf,
        #[arg(required = true, num_args = 2..)]
        ids: Vec<String>,
        #[command(flatten)]
        note: NoteArg,
    },
    /// These names are not this entity: they leave it and never join it again.
    Split {
        path: PathBuf,
        id: String,
        #[arg(required = true)]
        names: Vec<String>,
        #[command(flatten)]
        note: NoteArg,
    },
    /// Add known names to an entity.
    Alias {
        path: PathBuf,
        id: String,
        #[arg(required = true)]
        names: Vec<String>,
        #[command(flatten)]
        note: NoteArg,
    },
    /// Revert a decision.
    Undo {
        path: PathBuf,
        decision: i64,
        #[command(flatten)]
        note: NoteArg,
    },
    /// List the decisions, oldest first.
    Log { path: PathBuf },
}

fn line(e: &StoredEntity) -> String {
    format!("{}\t{}\t{}\t{}", e.id, e.kind, e.count, e.canonical)
}

/// Runs `canonym store`; returns the exit code.
pub fn run(args: &StoreArgs) -> u8 {
    match run_inner(&args.command) {
        // A closed output (`| head`) ends the command quietly.
        Ok(()) | Err(Stop::Closed) => 0,
        Err(Stop::Failed) => 2,
    }
}

/// Why a store command stopped early.
enum Stop {
    /// An error, reported.
    Failed,
    /// Its output was closed.
    Closed,
}

/// Whether `e` is a write to an output that was closed.
fn closed(e: &std::io::Error) -> bool {
    e.kind() == std::io::ErrorKind::BrokenPipe
}

fn run_inner(cmd: &StoreCommand) -> Result<(), Stop> {
    let resolver = ResolverBuilder::new();
    let out = std::io::stdout();
    let mut out = out.lock();
    let io = |e: std::io::Error| {
        if closed(&e) {
            return Stop::Closed;
        }
        report(format_args!("output: {e}"));
        Stop::Failed
    };
    let fail = |e: Error| {
        let source = std::error::Error::source(&e).and_then(|s| s.downcast_ref());
        if source.is_some_and(closed) {
            return Stop::Closed;
        }
        fail(e);
        Stop::Failed
    };
    let open_writer = |path: &Path, wait: f64| open_writer(path, wait).map_err(|()| Stop::Failed);
    match cmd {
        StoreCommand::List { path } => {
            let s = Store::open_read_only(path).map_err(fail)?;
            for e in s.entities().map_err(fail)? {
                writeln!(out, "{}", line(&e)).map_err(io)?;
            }
        }
        StoreCommand::Show { path, id } => {
            let s = Store::open_read_only(path).map_err(fail)?;
            match s.entity(id).map_err(fail)? {
                Some(e) => {
                    let j = serde_json::to_string_pretty(&e).expect("entities serialise");
                    writeln!(out, "{j}").map_err(io)?;
                }
                None => {
                    report(format_args!("{}: unknown entity {id:?}", path.display()));
                    return Err(Stop::Failed);
                }
            }
        }
        StoreCommand::Export { path, format } => {
            let s = Store::open_read_only(path).map_err(fail)?;
            match format {
                ExportFormat::Jsonl => s.export_jsonl(&mut out).map_err(fail)?,
                ExportFormat::Csv => s.export_csv(&mut out).map_err(fail)?,
            }
        }
        StoreCommand::Import { path, table } => {
            // Read the table before touching the store.
            let t = AliasTableBuilder::new()
                .allow_ambiguous(true)
                .add_path(table)
                .and_then(|b| b.build())
                .map_err(fail)?;
            let mut s = Store::open(path).map_err(fail)?;
            let n = s.import(&t, &resolver).map_err(fail)?;
            writeln!(out, "{n} entities imported").map_err(io)?;
        }
        StoreCommand::Merge { path, ids, note } => {
            let mut s = open_writer(path, note.wait)?;
            let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
            let d = s.merge(&ids, note.note.as_deref()).map_err(fail)?;
            writeln!(
                out,
                "decision {}: merged into {}",
                d.id,
                d.entity.unwrap_or_default()
            )
            .map_err(io)?;
        }
        StoreCommand::Split {
            path,
            id,
            names,
            note,
        }
        | StoreCommand::Alias {
            path,
            id,
            names,
            note,
        } => {
            let split = matches!(cmd, StoreCommand::Split { .. });
            let mut s = open_writer(path, note.wait)?;
            let names: Vec<&str> = names.iter().map(String::as_str).collect();
            let note = note.note.as_deref();
            if split {
                let d = s.split(id, &names, note, &resolver).map_err(fail)?;
                writeln!(out, "decision {}: {}", d.id, d.args.join(", ")).map_err(io)?;
            } else {
                let d = s.alias(id, &names, note, &resolver).map_err(fail)?;
                writeln!(out, "decision {}: {} names added", d.id, names.len()).map_err(io)?;
            }
        }
        StoreCommand::Undo {
            path,
            decision,
            note,
        } => {
            let mut s = open_writer(path, note.wait)?;
            let d = s.undo(*decision, note.note.as_deref()).map_err(fail)?;
            writeln!(out, "decision {}: undid decision {decision}", d.id).map_err(io)?;
        }
        StoreCommand::Log { path } => {
            let s = Store::open_read_only(path).map_err(fail)?;
            for d in s.log().map_err(fail)? {
                let action = serde_json::to_value(d.action).expect("serialises");
                let mut l = format!(
                    "{}\t{}\t{}\t{}\t{}",
                    d.id,
                    d.at,
                    action.as_str().unwrap_or_default(),
                    d.entity.unwrap_or_default(),
                    d.args.join(" | ")
                );
                if let Some(n) = d.note {
                    l.push_str(&format!("\tnote: {n}"));
                }
                if let Some(u) = d.undone {
                    l.push_str(&format!("\t(undone by {u})"));
                }
                writeln!(out, "{l}").map_err(io)?;
            }
        }
    }
    Ok(())
}
