//! `canonym extract`: find and resolve the names in text files.

use crate::cli::lines::{finish, Output, Status};
use crate::cli::options::{AliasOptions, TableOptions, ThreadOptions};
use canonym::{Document, Extraction, Extractor, Kind, Resolver};
use clap::{Args, ValueEnum};
use std::collections::BTreeMap;
use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};

/// Output format of `canonym extract`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// One JSON object per mention: doc, start, end, text, kind, entity,
    /// canonical.
    Jsonl,
    /// One row per entity: canonical name, kind, mention count, and each
    /// distinct variant with the documents it came from.
    Table,
}

/// Arguments of `canonym extract`.
#[derive(Debug, Clone, Args)]
pub struct ExtractArgs {
    /// Text files; `-` or none for standard input.
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Jsonl)]
    pub format: Format,

    /// Alias tables of known entities: found in the text and resolved to.
    #[command(flatten)]
    pub aliases: AliasOptions,

    #[command(flatten)]
    pub tables: TableOptions,

    #[command(flatten)]
    pub threads: ThreadOptions,

    #[command(flatten)]
    pub store: crate::cli::store::StoreOptions,
}

/// Reads every input as text; returns (document id, text) pairs.
fn read_all(args: &ExtractArgs, status: &mut Status) -> Vec<(String, String)> {
    let files: Vec<PathBuf> = if args.files.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        args.files.clone()
    };
    let bar = (files.len() >= 50 && std::io::stderr().is_terminal()).then(|| {
        let bar = indicatif::ProgressBar::new(files.len() as u64);
        bar.set_message("reading");
        bar
    });
    let mut docs = Vec::with_capacity(files.len());
    for f in &files {
        let (id, bytes) = if f.as_os_str() == "-" {
            let mut b = Vec::new();
            match std::io::stdin().read_to_end(&mut b) {
                Ok(_) => ("-".to_string(), b),
                Err(e) => {
                    status.error(format_args!("<stdin>: {e}"));
                    continue;
                }
            }
        } else {
            match std::fs::read(f) {
                Ok(b) => (f.display().to_string(), b),
                Err(e) => {
                    status.error(format_args!("{}: {e}", f.display()));
                    continue;
                }
            }
        };
        let text = match String::from_utf8(bytes) {
            Ok(t) => t,
            Err(e) => {
                status.error(format_args!(
                    "{id}: invalid UTF-8, decoded lossily; offsets refer to the decoded text"
                ));
                String::from_utf8_lossy(e.as_bytes()).into_owned()
            }
        };
        docs.push((id, text));
        if let Some(bar) = &bar {
            bar.inc(1);
        }
    }
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    docs
}

/// Runs the subcommand; returns the exit code.
pub fn run(args: &ExtractArgs) -> u8 {
    let mut status = Status::default();
    let Some(analyzer) = args.tables.analyzer(&mut status) else {
        return 2;
    };
    let Some(aliases) = args.aliases.load(&mut status) else {
        return 2;
    };
    let docs = read_all(args, &mut status);
    let mut extractor = Extractor::builder();
    extractor
        .analyzer(analyzer.clone())
        .threads(args.threads.count());
    let mut resolver = Resolver::builder();
    resolver.analyzer(analyzer).threads(args.threads.count());
    if let Some(table) = aliases {
        let names: Vec<(String, Kind)> = table
            .entities()
            .iter()
            .flat_map(|e| {
                std::iter::once((e.canonical.clone(), e.kind))
                    .chain(e.aliases.iter().map(move |a| (a.clone(), e.kind)))
            })
            .collect();
        extractor.gazetteer(names);
        resolver.aliases(table);
    }
    let documents: Vec<Document> = docs
        .iter()
        .map(|(id, text)| Document { id, text })
        .collect();
    let extractor = match extractor.build() {
        Ok(x) => x,
        Err(e) => {
            status.error(format_args!("{e}"));
            return 2;
        }
    };
    let extraction = if args.store.store.is_some() {
        if !args.aliases.aliases.is_empty() {
            status.error("--aliases with --store: import the table with `canonym store import`");
            return 2;
        }
        let Some(Ok(mut store)) = args.store.open() else {
            return 2;
        };
        // The process exits once the output is written: the store's
        // entities in memory are left to its exit.
        match extractor
            .extract_into(&mut store, &resolver, &documents)
            .and_then(|r| store.close_for_exit().map(|()| r))
        {
            Ok(r) => r,
            Err(e) => {
                status.error(e);
                return 2;
            }
        }
    } else {
        extractor.extract(&resolver.build(), &documents)
    };
    let mut out = Output::stdout();
    let result = match args.format {
        Format::Jsonl => write_mentions(&extraction, &mut out),
        Format::Table => write_table(&extraction, &mut out),
    };
    finish(result, &mut out, &mut status)
}

fn write_mentions(x: &Extraction, out: &mut Output) -> std::io::Result<()> {
    let mut buf = Vec::with_capacity(256);
    for m in x.mentions() {
        buf.clear();
        serde_json::to_writer(&mut buf, m).expect("serialising to memory cannot fail");
        buf.push(b'\n');
        out.write_all(&buf)?;
    }
    Ok(())
}

/// A short document label for the table: the file name without directory
/// and extension.
fn short(doc: &str) -> &str {
    let name = Path::new(doc)
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or(doc);
    if name.is_empty() {
        doc
    } else {
        name
    }
}

fn write_table(x: &Extraction, out: &mut Output) -> std::io::Result<()> {
    // entity → (variant text → documents), in first-seen order of entities.
    let mut order: Vec<usize> = Vec::new();
    let mut rows: BTreeMap<usize, BTreeMap<&str, Vec<&str>>> = BTreeMap::new();
    let entities = x.resolution().entities();
    let index: std::collections::HashMap<&str, usize> = entities
        .iter()
        .enumerate()
        .map(|(i, e)| (e.id.as_str(), i))
        .collect();
    for m in x.mentions() {
        let e = index[m.entity.as_str()];
        let variants = rows.entry(e).or_insert_with(|| {
            order.push(e);
            BTreeMap::new()
        });
        let d = short(&m.doc);
        let seen = variants.entry(m.text.as_str()).or_default();
        if !seen.contains(&d) {
            seen.push(d);
        }
    }
    // Persons first, then organisations; most mentioned first.
    order.sort_by_key(|&e| {
        let ent = &entities[e];
        (
            ent.kind != Kind::Person,
            ent.kind != Kind::Org,
            std::cmp::Reverse(ent.count),
            ent.canonical.clone(),
        )
    });
    let width = order
        .iter()
        .map(|&e| entities[e].canonical.chars().count())
        .max()
        .unwrap_or(0);
    for e in order {
        let ent = &entities[e];
        let variants: Vec<String> = rows[&e]
            .iter()
            .map(|(v, ds)| format!("{v} ({})", ds.join(", ")))
            .collect();
        let pad = width - ent.canonical.chars().count();
        writeln!(
            out,
            "{}{}  {:<7} {:>3}  {}",
            ent.canonical,
            " ".repeat(pad),
            ent.kind.as_str(),
            ent.count,
            variants.join("; ")
        )?;
    }
    Ok(())
}
