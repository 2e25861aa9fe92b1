//! `canonym match`: compare two names, or a stream of tab-separated pairs.

use crate::cli::lines::{finish, map_lines_at, report, Input, Output, Status};
use crate::cli::options::{threads, TableOptions};
use canonym::{compare_with, Analyzer, MatchConfig, Reason, DEFAULT_THRESHOLD};
use clap::{Args, ValueEnum};
use serde::Serialize;
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
    /// Two names to compare. Without them, pairs are read from --input
    /// files or standard input, one `NAME1<TAB>NAME2` a line.
    #[arg(value_name = "NAME", num_args = 0..=2)]
    pub names: Vec<String>,

    /// Files of tab-separated pairs (`-` for standard input).
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

    /// Worker threads for pair streams (0: one per core).
    #[arg(short = 'j', long, value_name = "N", default_value_t = 0)]
    pub threads: usize,
}

#[derive(Serialize)]
struct Record<'a> {
    name1: &'a str,
    name2: &'a str,
    score: f64,
    #[serde(rename = "match")]
    is_match: bool,
    explanation: Vec<String>,
    reasons: &'a [Reason],
}

#[derive(Serialize)]
struct ErrorRecord<'a> {
    source: &'a str,
    line: usize,
    error: &'a str,
}

fn round(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

/// Runs the subcommand; returns the exit code: 0 match (or every pair
/// processed), 1 no match, 2 errors.
pub fn run(args: &MatchArgs) -> u8 {
    let mut status = Status::default();
    if !(0.0..=1.0).contains(&args.threshold) {
        report("--threshold must lie between 0 and 1");
        return 2;
    }
    let Some(analyzer) = args.tables.analyzer(&mut status) else {
        return 2;
    };
    let config = MatchConfig {
        threshold: args.threshold,
        ..MatchConfig::default()
    };
    match args.names.len() {
        2 => single(
            &analyzer,
            &config,
            &args.names[0],
            &args.names[1],
            args.format,
        ),
        1 => {
            report("match needs two names, or none to read pairs");
            2
        }
        _ => stream(args, &analyzer, &config, &mut status),
    }
}

fn single(analyzer: &Analyzer, config: &MatchConfig, x: &str, y: &str, format: Format) -> u8 {
    let (a, b) = (analyzer.analyze(x), analyzer.analyze(y));
    let c = compare_with(&a, &b, config);
    let reasons = c.explain(&a, &b);
    let mut out = Output::stdout();
    let mut text = Vec::new();
    match format {
        Format::Jsonl => {
            let record = Record {
                name1: x,
                name2: y,
                score: round(c.score()),
                is_match: c.is_match(),
                explanation: reasons.iter().map(ToString::to_string).collect(),
                reasons: &reasons,
            };
            serde_json::to_writer(&mut text, &record).expect("serialising to memory cannot fail");
            text.push(b'\n');
        }
        Format::Text => {
            let verdict = if c.is_match() { "match" } else { "no match" };
            let _ = writeln!(text, "{:.3}\t{verdict}", c.score());
            for r in &reasons {
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
    let inputs = Input::from_args(&args.inputs);
    let mut out = Output::stdout();
    let bad = AtomicBool::new(false);
    let format = args.format;
    let result = map_lines_at(
        &inputs,
        threads(args.threads),
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
                    let reasons = c.explain(&a, &b);
                    let record = Record {
                        name1: x,
                        name2: y,
                        score: round(c.score()),
                        is_match: c.is_match(),
                        explanation: reasons.iter().map(ToString::to_string).collect(),
                        reasons: &reasons,
                    };
                    serde_json::to_writer(&mut *buf, &record)
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
