//! Writes N realistic mixed names, one a line, to standard output.
//!
//! ```text
//! cargo run --release --example gen_names -- 1000000 > names.txt
//! cargo run --release --example gen_names -- 1000 42   # with a seed
//! ```

#[path = "../benches/names.rs"]
mod names;

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let parse = |s: Option<String>, default: u64| match s {
        None => Some(default),
        Some(s) => s.parse::<u64>().ok(),
    };
    let (Some(n), Some(seed)) = (parse(args.next(), 1000), parse(args.next(), 1)) else {
        eprintln!("usage: gen_names [N] [SEED]");
        return ExitCode::from(2);
    };
    let mut gen = names::NameGen::new(seed);
    let mut out = BufWriter::with_capacity(1 << 16, io::stdout().lock());
    let mut line = String::new();
    for _ in 0..n {
        line.clear();
        gen.name_into(&mut line);
        line.push('\n');
        if let Err(e) = out.write_all(line.as_bytes()) {
            return if e.kind() == io::ErrorKind::BrokenPipe {
                ExitCode::SUCCESS
            } else {
                eprintln!("gen_names: {e}");
                ExitCode::from(2)
            };
        }
    }
    match out.flush() {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
            eprintln!("gen_names: {e}");
            ExitCode::from(2)
        }
        _ => ExitCode::SUCCESS,
    }
}
