//! `canonym normalise`: one analysed name per input line.

use crate::cli::lines::{finish, map_lines, Input, Output, Status};
use crate::cli::options::{threads, KindArg, TableOptions};
use canonym::{Kind, Name};
use clap::{Args, ValueEnum};
use serde::ser::{Serialize, SerializeStruct, Serializer};
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

    /// Worker threads (0: one per core).
    #[arg(short = 'j', long, value_name = "N", default_value_t = 0)]
    pub threads: usize,
}

/// A name as one JSON object, borrowing from the analysed name.
struct JsonName<'a> {
    input: &'a str,
    name: &'a Name,
}

struct JsonParts<'a>(&'a Name);

struct JsonPart<'a> {
    text: &'a str,
    tag: &'static str,
}

impl Serialize for JsonName<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Name", 6)?;
        st.serialize_field("input", self.input)?;
        st.serialize_field("display", self.name.display())?;
        st.serialize_field("key", self.name.key())?;
        st.serialize_field("kind", self.name.kind().as_str())?;
        st.serialize_field("titles", self.name.titles())?;
        st.serialize_field("parts", &JsonParts(self.name))?;
        st.end()
    }
}

impl Serialize for JsonParts<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.parts().map(|p| JsonPart {
            text: p.text(),
            tag: p.tag().as_str(),
        }))
    }
}

impl Serialize for JsonPart<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Part", 2)?;
        st.serialize_field("text", self.text)?;
        st.serialize_field("tag", self.tag)?;
        st.end()
    }
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
    let inputs = Input::from_args(&args.files);
    let mut out = Output::stdout();
    let threads = threads(args.threads);
    let result = match (args.format, args.key) {
        (Format::Jsonl, _) => map_lines(&inputs, threads, &mut out, &mut status, |line, buf| {
            let name = analyze(line);
            serde_json::to_writer(
                &mut *buf,
                &JsonName {
                    input: line,
                    name: &name,
                },
            )
            .expect("serialising to memory cannot fail");
            buf.push(b'\n');
        }),
        (Format::Text, key) => map_lines(&inputs, threads, &mut out, &mut status, |line, buf| {
            let name = analyze(line);
            buf.extend_from_slice(if key { name.key() } else { name.display() }.as_bytes());
            buf.push(b'\n');
        }),
    };
    finish(result, &mut out, &mut status)
}
