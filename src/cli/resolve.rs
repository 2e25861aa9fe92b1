//! `canonym resolve`: resolve a stream of name mentions into entities.

use crate::cli::lines::{finish, ErrorRecord, Input, Output, Status};
use crate::cli::options::{AliasOptions, TableOptions, ThreadOptions};
use canonym::{Kind, Mention, Resolution, Resolver};
use clap::{Args, ValueEnum};
use serde::Deserialize;
use std::fmt::Write as _;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;

/// How mentions are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InputFormat {
    /// One name a line.
    Text,
    /// One JSON object a line: {"id", "name", "doc", "kind"}; only "name"
    /// is required.
    Jsonl,
    /// CSV with a header; the name is in --column.
    Csv,
}

/// Arguments of `canonym resolve`.
#[derive(Debug, Clone, Args)]
pub struct ResolveArgs {
    /// Files of mentions; `-` or none for standard input.
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,

    /// Input format.
    #[arg(long, value_enum, default_value_t = InputFormat::Text)]
    pub input_format: InputFormat,

    /// The CSV column holding the name (with --input-format csv).
    #[arg(long, value_name = "NAME", default_value = "name")]
    pub column: String,

    #[command(flatten)]
    pub aliases: AliasOptions,

    /// Write one line per entity instead of one per mention.
    #[arg(long)]
    pub entities: bool,

    #[command(flatten)]
    pub tables: TableOptions,

    #[command(flatten)]
    pub threads: ThreadOptions,

    #[command(flatten)]
    pub store: crate::cli::store::StoreOptions,
}

/// A mention as read from JSON lines.
#[derive(Debug, Deserialize)]
struct JsonMention {
    #[serde(default)]
    id: Option<serde_json::Value>,
    name: String,
    #[serde(default)]
    doc: Option<serde_json::Value>,
    #[serde(default)]
    kind: Option<String>,
}

/// One input record: a mention, or the error that replaced it.
enum Slot {
    /// A mention; no id stands for the slot's position from 1.
    Mention { id: Option<String> },
    /// A line that gave no mention (boxed: a million slots of a large input
    /// stay small).
    Error(Box<SlotError>),
}

struct SlotError {
    source: String,
    line: usize,
    error: String,
}

fn error_slot(source: String, line: usize, error: String) -> Slot {
    Slot::Error(Box::new(SlotError {
        source,
        line,
        error,
    }))
}

fn scalar(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// Reads every mention of every input, in order.
fn read(args: &ResolveArgs, status: &mut Status) -> (Vec<Slot>, Vec<Mention>) {
    let mut slots = Vec::new();
    let mut mentions = Vec::new();
    for input in Input::from_args(&args.files) {
        match args.input_format {
            InputFormat::Csv => read_csv(&input, &args.column, &mut slots, &mut mentions, status),
            _ => {
                let mut reader = match input.open() {
                    Ok(r) => r,
                    Err(e) => {
                        status.error(format_args!("{}: {e}", input.label()));
                        continue;
                    }
                };
                let label = reader.label().to_string();
                loop {
                    let number = reader.line_number() + 1;
                    let line = match reader.next_line() {
                        Ok(Some(line)) => line.into_owned(),
                        Ok(None) => break,
                        Err(e) => {
                            status.error(format_args!("{label}: {e}"));
                            break;
                        }
                    };
                    if args.input_format == InputFormat::Text {
                        if let Some(error) = no_name(&line) {
                            status.error(format_args!("{label}:{number}: {error}"));
                            slots.push(error_slot(label.clone(), number, error.to_string()));
                            continue;
                        }
                        slots.push(Slot::Mention { id: None });
                        mentions.push(Mention::new(line));
                        continue;
                    }
                    match parse_json(&line) {
                        Ok((id, m)) => {
                            slots.push(Slot::Mention { id });
                            mentions.push(m);
                        }
                        Err(error) => {
                            status.error(format_args!("{label}:{number}: {error}"));
                            slots.push(error_slot(label.clone(), number, error));
                        }
                    }
                }
            }
        }
    }
    (slots, mentions)
}

/// Why a mention's text names nothing (no letter or digit), if it does not:
/// such a line is an error record, not an entity.
fn no_name(name: &str) -> Option<&'static str> {
    (!name.chars().any(char::is_alphanumeric)).then_some("no name in this line")
}

fn parse_json(line: &str) -> Result<(Option<String>, Mention), String> {
    let j: JsonMention =
        serde_json::from_str(line).map_err(|e| format!("not a mention object: {e}"))?;
    if let Some(error) = no_name(&j.name) {
        return Err(error.to_string());
    }
    let mut m = Mention::new(j.name);
    if let Some(doc) = j.doc.as_ref().filter(|d| !d.is_null()) {
        m = m.doc(scalar(doc));
    }
    if let Some(kind) = j.kind.as_deref() {
        match kind.parse::<Kind>() {
            Ok(Kind::Unknown) => {}
            Ok(k) => m = m.kind(k),
            Err(_) => return Err(format!("unknown kind {kind:?} (person, org or unknown)")),
        }
    }
    let id = j.id.as_ref().filter(|v| !v.is_null()).map(scalar);
    if let Some(id) = &id {
        m = m.id(id.clone());
    }
    Ok((id, m))
}

fn read_csv(
    input: &Input,
    column: &str,
    slots: &mut Vec<Slot>,
    mentions: &mut Vec<Mention>,
    status: &mut Status,
) {
    let label = input.label();
    let reader: Box<dyn std::io::Read> = match input {
        Input::Stdin => Box::new(std::io::stdin()),
        Input::File(p) => match std::fs::File::open(p) {
            Ok(f) => Box::new(f),
            Err(e) => {
                status.error(format_args!("{label}: {e}"));
                return;
            }
        },
    };
    let mut csv = csv::ReaderBuilder::new().flexible(true).from_reader(reader);
    let headers = match csv.headers() {
        Ok(h) => h.clone(),
        Err(e) => {
            status.error(format_args!("{label}: {e}"));
            return;
        }
    };
    let find = |name: &str| headers.iter().position(|h| h.trim() == name);
    let Some(name_col) = find(column) else {
        status.error(format_args!("{label}: no column {column:?} in the header"));
        return;
    };
    let (id_col, doc_col, kind_col) = (find("id"), find("doc"), find("kind"));
    let mut record = csv::StringRecord::new();
    loop {
        let line = csv.position().line() as usize;
        match csv.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                let Some(name) = record.get(name_col) else {
                    let error = format!("no field {column:?} in this record");
                    status.error(format_args!("{label}:{line}: {error}"));
                    slots.push(error_slot(label.clone(), line, error));
                    continue;
                };
                if let Some(error) = no_name(name) {
                    let error = error.to_string();
                    status.error(format_args!("{label}:{line}: {error}"));
                    slots.push(error_slot(label.clone(), line, error));
                    continue;
                }
                let mut m = Mention::new(name);
                if let Some(doc) = doc_col
                    .and_then(|c| record.get(c))
                    .filter(|d| !d.is_empty())
                {
                    m = m.doc(doc);
                }
                if let Some(k) = kind_col
                    .and_then(|c| record.get(c))
                    .and_then(|k| k.parse::<Kind>().ok())
                {
                    if k != Kind::Unknown {
                        m = m.kind(k);
                    }
                }
                let id = id_col
                    .and_then(|c| record.get(c))
                    .filter(|i| !i.is_empty())
                    .map(str::to_string);
                if let Some(id) = &id {
                    m = m.id(id.clone());
                }
                slots.push(Slot::Mention {
                    id: Some(id.unwrap_or_else(|| line.to_string())),
                });
                mentions.push(m);
            }
            Err(e) => {
                let error = e.to_string();
                status.error(format_args!("{label}:{line}: {error}"));
                slots.push(error_slot(label.clone(), line, error));
                // An I/O error ends this input; a malformed record does not.
                if matches!(e.kind(), csv::ErrorKind::Io(_)) {
                    break;
                }
            }
        }
    }
}

/// A spinner on standard error while a long batch resolves, when standard
/// error is a terminal.
fn spinner(n: usize) -> Option<indicatif::ProgressBar> {
    if n < 50_000 || !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = indicatif::ProgressBar::new_spinner();
    bar.set_message(format!("resolving {n} mentions"));
    bar.enable_steady_tick(std::time::Duration::from_millis(120));
    Some(bar)
}

/// Runs the subcommand; returns the exit code.
pub fn run(args: &ResolveArgs) -> u8 {
    let mut status = Status::default();
    let Some(analyzer) = args.tables.analyzer(&mut status) else {
        return 2;
    };
    let Some(aliases) = args.aliases.load(&mut status) else {
        return 2;
    };
    let (slots, mentions) = read(args, &mut status);
    let mut builder = Resolver::builder();
    builder.analyzer(analyzer).threads(args.threads.count());
    if let Some(table) = aliases {
        builder.aliases(table);
    }
    let bar = spinner(mentions.len());
    let resolution = if args.store.store.is_some() {
        if !args.aliases.aliases.is_empty() {
            status.error("--aliases with --store: import the table with `canonym store import`");
            return 2;
        }
        let Some(Ok(mut store)) = args.store.open() else {
            return 2;
        };
        // The process exits once the output is written: the store's
        // entities in memory are left to its exit.
        match store
            .resolve(&builder, &mentions)
            .and_then(|r| store.close_for_exit().map(|()| r))
        {
            Ok(r) => r,
            Err(e) => {
                status.error(e);
                return 2;
            }
        }
    } else {
        builder.build().resolve(&mentions)
    };
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    let mut out = Output::stdout();
    let result = write(args, &slots, &mentions, &resolution, &mut out);
    // The process exits once the output is written: the mentions and the
    // resolution (millions of small allocations for a large input) are
    // left to its exit rather than freed one by one.
    std::mem::forget((slots, mentions, resolution));
    finish(result, &mut out, &mut status)
}

fn write(
    args: &ResolveArgs,
    slots: &[Slot],
    mentions: &[Mention],
    resolution: &Resolution,
    out: &mut Output,
) -> std::io::Result<()> {
    let mut buf = Vec::with_capacity(256);
    if args.entities {
        for e in resolution.entities() {
            buf.clear();
            serde_json::to_writer(&mut buf, e).expect("serialising to memory cannot fail");
            buf.push(b'\n');
            out.write_all(&buf)?;
        }
        return Ok(());
    }
    let mut next = 0;
    let mut ordinal = String::new();
    for (n, slot) in slots.iter().enumerate() {
        buf.clear();
        match slot {
            Slot::Mention { id } => {
                let a = &resolution.assignments()[next];
                let id = match id {
                    Some(id) => id.as_str(),
                    None => {
                        ordinal.clear();
                        write!(ordinal, "{}", n + 1).expect("writing to a string cannot fail");
                        &ordinal
                    }
                };
                let record = a.of(id, &mentions[next].name);
                next += 1;
                serde_json::to_writer(&mut buf, &record)
            }
            Slot::Error(e) => {
                let SlotError {
                    source,
                    line,
                    error,
                } = &**e;
                serde_json::to_writer(
                    &mut buf,
                    &ErrorRecord {
                        source,
                        line: *line,
                        error,
                    },
                )
            }
        }
        .expect("serialising to memory cannot fail");
        buf.push(b'\n');
        out.write_all(&buf)?;
    }
    Ok(())
}
