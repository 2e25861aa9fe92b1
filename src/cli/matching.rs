//! `canonym match`: compare two names, or a stream of tab-separated pairs.

use crate::cli::lines::{finish, map_lines_at, report, ErrorRecord, Input, Output, Status};
use crate::cli::options::{TableOptions, ThreadOptions};
use canonym::{compare_with, Analyzer, MatchConfig, DEFAULT_THRESHOLD};
use clap::{Args, ValueEnum};
use std::ffi::OsString;
use std::io::Write;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};

/// Output format of `canonym match`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Score and verdict (and the explanation for a single pair).
    Text,
    /// One JSON object a line: name1, name2, score, match, explanation.
    Jsonl,
}

/// Arguments of `canonym match`.
#[derive(Debug, Clone, Args)]
pub struct MatchArgs {
    /// Exactly two arguments are the two names to compare. Otherwise the
    /// arguments are files of pairs, one `NAME1<TAB>NAME2` a line (`-` or
    /// none for standard input).
    #[arg(value_name = "NAME|FILE")]
    pub args: Vec<OsString>,

    /// A file of tab-separated pairs (`-` for standard input); repeatable.
    /// With it, every argument is a file, read after these.
    #[arg(short, long = "input", value_name = "FILE")]
    pub inputs: Vec<PathBuf>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,

    /// Score at or above which two names match.
    #[arg(long, value_name = "SCORE", default_value_t = DEFAULT_THRESHOLD)]
    pub threshold: f64,

    #[command(flatten)]
    pub tables: TableOptions,

    #[command(flatten)]
    pub threads: ThreadOptions,
}

impl MatchArgs {
    /// The two names, when the arguments are two names rather than files.
    fn names(&self) -> Option<[&OsString; 2]> {
        match (self.inputs.is_empty(), &self.args[..]) {
            (true, [a, b]) => Some([a, b]),
            _ => None,
        }
    }

    /// The files of pairs: `--input` ones first, then the arguments.
    fn files(&self) -> Vec<PathBuf> {
        let args = self.args.iter().map(PathBuf::from);
        self.inputs.iter().cloned().chain(args).collect()
    }
}

/// Runs the subcommand; returns the exit code: 0 match (or every pair
/// processed), 1 no match, 2 errors.
pub fn run(args: &MatchArgs) -> u8 {
    let mut status = Status::default();
    let Ok(config) = MatchConfig::new(args.threshold) else {
        report("--threshold must lie between 0 and 1");
        return 2;
    };
    let Some(analyzer) = args.tables.analyzer(&mut status) else {
        return 2;
    };
    let Some([x, y]) = args.names() else {
        return stream(args, &analyzer, &config, &mut status);
    };
    match (x.to_str(), y.to_str()) {
        (Some(x), Some(y)) => single(&analyzer, &config, x, y, args.format),
        _ => {
            report("names must be valid UTF-8");
            2
        }
    }
}

fn single(analyzer: &Analyzer, config: &MatchConfig, x: &str, y: &str, format: Format) -> u8 {
    let (a, b) = (analyzer.analyze(x), analyzer.analyze(y));
    let c = compare_with(&a, &b, config);
    let explanation = c.explanation(&a, &b);
    let mut out = Output::stdout();
    let mut text = Vec::new();
    match format {
        Format::Jsonl => {
            serde_json::to_writer(&mut text, &explanation)
                .expect("serialising to memory cannot fail");
            text.push(b'\n');
        }
        Format::Text => {
            let verdict = if c.is_match() { "match" } else { "no match" };
            let _ = writeln!(text, "{:.3}\t{verdict}", c.score());
            for r in &explanation.reasons {
                let _ = writeln!(text, "  {r}");
            }
        }
    }
    let mut status = Status::default();
    let result = out.write_all(&text);
    match finish(result, &mut out, &mut status) {
        0 if c.is_match() => 0,
        0 => 1,
        code => code,
    }
}

/// Writes a score in [0, 1] with four decimals ("0.8125"), as `{:.4}`
/// would but without the formatting machinery, and never as "-0.0000".
fn push_score(buf: &mut Vec<u8>, score: f64) {
    let v = (score.clamp(0.0, 1.0) * 10_000.0).round() as u32;
    buf.push(b'0' + (v / 10_000) as u8);
    buf.push(b'.');
    for d in [1000, 100, 10, 1] {
        buf.push(b'0' + (v / d % 10) as u8);
    }
}

fn stream(args: &MatchArgs, analyzer: &Analyzer, config: &MatchConfig, status: &mut Status) -> u8 {
    let inputs = Input::from_args(&args.files());
    let mut out = Output::stdout();
    let bad = AtomicBool::new(false);
    let format = args.format;
    let result = map_lines_at(
        &inputs,
        args.threads.count(),
        &mut out,
        status,
        |line, loc, buf| {
            let Some((x, y)) = line.split_once('\t') else {
                bad.store(true, Ordering::Relaxed);
                let error = "expected two names separated by a tab";
                report(format_args!("{}:{}: {error}", loc.source, loc.line));
                match format {
                    Format::Jsonl => {
                        let record = ErrorRecord {
                            source: loc.source,
                            line: loc.line,
                            error,
                        };
                        serde_json::to_writer(&mut *buf, &record)
                            .expect("serialising to memory cannot fail");
                        buf.push(b'\n');
                    }
                    Format::Text => {
                        let _ = writeln!(buf, "error\t{}:{}: {error}", loc.source, loc.line);
                    }
                }
                return;
            };
            let (a, b) = (analyzer.analyze(x), analyzer.analyze(y));
            let c = compare_with(&a, &b, config);
            match format {
                Format::Jsonl => {
                    serde_json::to_writer(&mut *buf, &c.explanation(&a, &b))
                        .expect("serialising to memory cannot fail");
                    buf.push(b'\n');
                }
                Format::Text => {
                    let verdict = if c.is_match() { "match" } else { "no-match" };
                    push_score(buf, c.score());
                    for field in [verdict, x, y] {
                        buf.push(b'\t');
                        buf.extend_from_slice(field.as_bytes());
                    }
                    buf.push(b'\n');
                }
            }
        },
    );
    if bad.load(Ordering::Relaxed) {
        status.error("some lines were not name pairs");
    }
    finish(result, &mut out, status)
}

#[cfg(test)]
mod tests {
    use super::push_score;

    #[test]
    fn scores_have_four_decimals() {
        for (x, want) in [
            (0.0, "0.0000"),
            (-0.0, "0.0000"),
            (1.0, "1.0000"),
            (0.81249, "0.8125"),
        ] {
            let mut buf = Vec::new();
            push_score(&mut buf, x);
            assert_eq!(String::from_utf8(buf).unwrap(), want);
        }
    }
}
