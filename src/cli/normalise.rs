//! `canonym normalise`: one analysed name per input line.

use crate::cli::lines::{finish, map_lines, Input, Output, Status};
use crate::cli::options::{KindArg, TableOptions, ThreadOptions};
use canonym::Kind;
use clap::{Args, ValueEnum};
use std::path::PathBuf;

/// What to write for each name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// The display form (or the key with --key), one a line.
    Text,
    /// One JSON object a line: input, display, key, kind, titles, parts.
    Jsonl,
}

/// Arguments of `canonym normalise`.
#[derive(Debug, Clone, Args)]
pub struct NormaliseArgs {
    /// Files with one name a line; `-` or none for standard input.
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,

    /// Write the comparison key instead of the display form.
    #[arg(long, conflicts_with = "format")]
    pub key: bool,

    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,

    /// Treat every name as this kind instead of inferring it.
    #[arg(long, value_enum, value_name = "KIND")]
    pub kind: Option<KindArg>,

    #[command(flatten)]
    pub tables: TableOptions,

    #[command(flatten)]
    pub threads: ThreadOptions,
}

/// Runs the subcommand; returns the exit code.
pub fn run(args: &NormaliseArgs) -> u8 {
    let mut status = Status::default();
    let Some(analyzer) = args.tables.analyzer(&mut status) else {
        return 2;
    };
    let forced: Option<Kind> = args.kind.map(Kind::from);
    let analyze = |line: &str| match forced {
        Some(kind) => analyzer.analyze_as(line, kind),
        None => analyzer.analyze(line),
    };
    let write = |text: &str, buf: &mut Vec<u8>| {
        buf.extend_from_slice(text.as_bytes());
        buf.push(b'\n');
    };
    let inputs = Input::from_args(&args.files);
    let mut out = Output::stdout();
    let threads = args.threads.count();
    let result = match (args.format, args.key) {
        (Format::Jsonl, _) => map_lines(&inputs, threads, &mut out, &mut status, |line, buf| {
            serde_json::to_writer(&mut *buf, &analyze(line))
                .expect("serialising to memory cannot fail");
            buf.push(b'\n');
        }),
        // The text alone, without building the rest of each name.
        (Format::Text, true) => map_lines(&inputs, threads, &mut out, &mut status, |line, buf| {
            analyzer.with_key(line, forced, |key| write(key, buf))
        }),
        (Format::Text, false) => map_lines(&inputs, threads, &mut out, &mut status, |line, buf| {
            analyzer.with_display(line, forced, |display| write(display, buf))
        }),
    };
    finish(result, &mut out, &mut status)
}
