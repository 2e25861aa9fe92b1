//! Exact-span person extraction scores on labelled text directories.
//!
//! ```text
//! cargo run --release --example eval_extract -- DIR [DIR…] [--errors]
//! ```
//!
//! Each DIR holds text files and an `expected.tsv` (`file`, `canonical`,
//! `variants`; see [`canonym::span_eval`]). Prints, per directory and over
//! all of them, the exact-span precision, recall and F1 of the person
//! mentions found; `--errors` lists each text's missed mentions and false
//! hits.

use canonym::span_eval::{evaluate_dir, SpanCounts};
use canonym::Extractor;
use std::path::Path;

/// Prints a line to stdout; a closed pipe (`| head`) ends the program
/// quietly.
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write;
        if writeln!(std::io::stdout().lock(), $($arg)*).is_err() {
            std::process::exit(0);
        }
    }};
}

fn line(label: &str, c: &SpanCounts) {
    say!(
        "{label:<32} P {:.3}  R {:.3}  F1 {:.3}  (tp {}, fp {}, fn {})",
        c.precision(),
        c.recall(),
        c.f1(),
        c.tp,
        c.fp,
        c.fn_
    );
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let errors = args.iter().any(|a| a == "--errors");
    let dirs: Vec<&String> = args.iter().filter(|a| !a.starts_with("--")).collect();
    if dirs.is_empty() {
        eprintln!("usage: eval_extract DIR [DIR…] [--errors]");
        std::process::exit(2);
    }
    let ex = Extractor::new();
    let mut all = SpanCounts::default();
    for dir in dirs {
        let report = match evaluate_dir(&ex, Path::new(dir)) {
            Ok(r) => r,
            Err(e) => {
                eprintln!("eval_extract: {e}");
                std::process::exit(1);
            }
        };
        if errors {
            for t in &report.texts {
                if t.missed.is_empty() && t.false_hits.is_empty() {
                    continue;
                }
                say!("{}", t.file);
                for (at, m) in &t.missed {
                    say!("  missed    {at:>6} {m:?}");
                }
                for (at, m) in &t.false_hits {
                    say!("  false hit {at:>6} {m:?}");
                }
            }
        }
        line(dir, &report.total);
        all.add(report.total);
    }
    line("all", &all);
}
