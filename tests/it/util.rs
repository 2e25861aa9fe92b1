//! What the tests share: one way to run the `canonym` binary, and generated
//! mentions.

use std::io::Write;
use std::process::{Command, Output, Stdio};

/// The `canonym` binary built for these tests, run from the repository root
/// (so that paths such as `seeds/…` resolve).
pub fn canonym() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_canonym"));
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"));
    cmd
}

/// Runs `cmd` with `stdin` as its standard input and collects its output.
///
/// The input is written from a thread of its own, so an input larger than a
/// pipe's buffer cannot deadlock against output the child is waiting to
/// write.
pub fn run(cmd: &mut Command, stdin: impl AsRef<[u8]>) -> Output {
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("canonym runs");
    let mut pipe = child.stdin.take().unwrap();
    let data = stdin.as_ref().to_vec();
    let writer = std::thread::spawn(move || pipe.write_all(&data));
    let out = child.wait_with_output().unwrap();
    // A command that fails before reading its input closes the pipe: the
    // write may then fail, and the exit status tells the rest.
    let _ = writer.join().unwrap();
    out
}

#[allow(dead_code)]
#[path = "../../examples/gen_mentions.rs"]
mod gen_mentions;

/// Generated mentions: many people, shared surnames, variants per document.
pub fn generated(n: usize, seed: u64) -> Vec<canonym::Mention> {
    gen_mentions::generate(n, seed)
        .into_iter()
        .map(|g| canonym::Mention::new(g.name).doc(g.doc))
        .collect()
}
