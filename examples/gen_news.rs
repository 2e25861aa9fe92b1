//! Synthetic news-agency text for the extraction benchmark, written to a
//! directory or timed in memory.
//!
//! ```text
//! # about 12 MB of articles, one file per article
//! cargo run --release --example gen_news -- --out DIR
//! # the same text as 50 files of about 250 KB
//! cargo run --release --example gen_news -- --out DIR --docs 50
//! # find + resolve on one core, per layout, in MB/s
//! cargo run --release --example gen_news -- --time [--bytes N] [--docs N]
//! ```
//!
//! The articles are those of the extraction benchmark (`benches/news.rs`):
//! politics, business, court reports, results tables, cricket cards,
//! football team sheets and cabinet lists, half tokenised with spaces
//! around punctuation, people drawn from a fixed pool.

#[path = "../benches/news.rs"]
mod news;

use canonym::{Extractor, Resolver};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

/// Finds and resolves `docs` on one thread; returns (seconds, seconds
/// finding, mentions).
fn find_and_resolve(ex: &Extractor, resolver: &Resolver, docs: &[String]) -> (f64, f64, usize) {
    let t = Instant::now();
    let mentions = news::mentions(ex, docs);
    let finding = t.elapsed().as_secs_f64();
    std::hint::black_box(resolver.resolve(&mentions));
    (t.elapsed().as_secs_f64(), finding, mentions.len())
}

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let mut out: Option<PathBuf> = None;
    let mut bytes = 12usize << 20;
    let mut docs: Option<usize> = None;
    let mut seed = 7u64;
    let mut time = false;
    while let Some(a) = args.next() {
        let mut num = |name: &str| -> Option<u64> {
            let v = args.next().and_then(|v| v.parse().ok());
            if v.is_none() {
                eprintln!("gen_news: {name} needs a number");
            }
            v
        };
        match a.as_str() {
            "--out" => out = args.next().map(PathBuf::from),
            "--bytes" => match num("--bytes") {
                Some(v) => bytes = v as usize,
                None => return ExitCode::from(2),
            },
            "--docs" => match num("--docs") {
                Some(v) => docs = Some(v as usize),
                None => return ExitCode::from(2),
            },
            "--seed" => match num("--seed") {
                Some(v) => seed = v,
                None => return ExitCode::from(2),
            },
            "--time" => time = true,
            other => {
                eprintln!("gen_news: unknown argument {other:?}");
                return ExitCode::from(2);
            }
        }
    }
    let articles = news::articles(bytes, 4000, seed);
    let total: usize = articles.iter().map(String::len).sum();
    if time {
        let (ex, resolver) = news::one_core(&articles[0]);
        let layouts = match docs {
            Some(n) => vec![n],
            None => vec![articles.len(), 50],
        };
        for n in layouts {
            let d = news::layout(&articles, n);
            let (secs, finding, mentions) = find_and_resolve(&ex, &resolver, &d);
            println!(
                "{} documents, {:.1} MB, {mentions} mentions: {:.2} s ({:.2} s finding), {:.1} MB/s",
                d.len(),
                total as f64 / 1e6,
                secs,
                finding,
                total as f64 / 1e6 / secs
            );
        }
        return ExitCode::SUCCESS;
    }
    let Some(dir) = out else {
        eprintln!("gen_news: give --out DIR or --time");
        return ExitCode::from(2);
    };
    let d = news::layout(&articles, docs.unwrap_or(articles.len()));
    if let Err(e) = std::fs::create_dir_all(&dir) {
        eprintln!("gen_news: {}: {e}", dir.display());
        return ExitCode::FAILURE;
    }
    for (i, text) in d.iter().enumerate() {
        let path = dir.join(format!("{i:05}.txt"));
        if let Err(e) = std::fs::write(&path, text) {
            eprintln!("gen_news: {}: {e}", path.display());
            return ExitCode::FAILURE;
        }
    }
    eprintln!("{} files, {} bytes in {}", d.len(), total, dir.display());
    ExitCode::SUCCESS
}
