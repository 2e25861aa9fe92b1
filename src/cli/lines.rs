//! The line layer shared by every subcommand: reading names one a line
//! from files or standard input, writing results to a buffered standard
//! output, and mapping input lines to output in order, optionally on
//! several threads.

use std::borrow::Cow;
use std::collections::VecDeque;
use std::fmt::Display;
use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, IsTerminal, Read, StdoutLock, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc;

/// Prints `canonym: MESSAGE` on standard error.
pub fn report(message: impl Display) {
    eprintln!("canonym: {message}");
}

/// Whether a run hit an error that must show in the exit status.
#[derive(Debug, Default)]
pub struct Status {
    failed: bool,
}

impl Status {
    /// Reports an error and remembers it.
    pub fn error(&mut self, message: impl Display) {
        report(message);
        self.failed = true;
    }

    /// Whether any error was reported.
    pub fn failed(&self) -> bool {
        self.failed
    }
}

/// One input: a file, or standard input for `-`.
#[derive(Debug, Clone)]
pub enum Input {
    Stdin,
    File(PathBuf),
}

impl Input {
    /// The inputs named on the command line; standard input when none.
    pub fn from_args(files: &[PathBuf]) -> Vec<Input> {
        if files.is_empty() {
            return vec![Input::Stdin];
        }
        files
            .iter()
            .map(|f| {
                if f.as_os_str() == "-" {
                    Input::Stdin
                } else {
                    Input::File(f.clone())
                }
            })
            .collect()
    }

    /// The name used in messages.
    pub fn label(&self) -> String {
        match self {
            Input::Stdin => "<stdin>".to_string(),
            Input::File(p) => p.display().to_string(),
        }
    }

    /// Opens the input for reading lines.
    pub fn open(&self) -> io::Result<LineReader<Box<dyn BufRead>>> {
        const CAPACITY: usize = 1 << 16;
        let reader: Box<dyn BufRead> = match self {
            Input::Stdin => Box::new(BufReader::with_capacity(CAPACITY, io::stdin())),
            Input::File(path) => Box::new(BufReader::with_capacity(CAPACITY, open_file(path)?)),
        };
        Ok(LineReader::new(reader, self.label()))
    }
}

fn open_file(path: &Path) -> io::Result<File> {
    let file = File::open(path)?;
    if file.metadata()?.is_dir() {
        return Err(io::Error::other("is a directory"));
    }
    Ok(file)
}

/// Reads lines as bytes, of any length, without a trailing `\n` or `\r\n`.
/// A line that is not valid UTF-8 is decoded lossily and reported with its
/// source and line number; every line is returned, so line counts are kept.
///
/// Lines are read a buffer at a time: the whole lines in the inner reader's
/// buffer are checked as UTF-8 at once and copied into a block, which the
/// lines are then cut from. A line that crosses the end of the buffer, or
/// one that is not valid UTF-8, is read on its own.
pub struct LineReader<R> {
    inner: R,
    /// Whole lines, with their line ends, checked as UTF-8.
    block: String,
    /// Where the next line starts in `block`.
    pos: usize,
    /// A line read on its own, as bytes.
    buf: Vec<u8>,
    label: String,
    line: usize,
}

impl<R: BufRead> LineReader<R> {
    /// Reads from `inner`, naming it `label` in messages.
    pub fn new(inner: R, label: String) -> LineReader<R> {
        LineReader {
            inner,
            block: String::new(),
            pos: 0,
            buf: Vec::new(),
            label,
            line: 0,
        }
    }

    /// The source name used in messages.
    pub fn label(&self) -> &str {
        &self.label
    }

    /// The number of the line last returned (1-based; 0 before the first).
    pub fn line_number(&self) -> usize {
        self.line
    }

    /// The next line, or `None` at the end of the input.
    pub fn next_line(&mut self) -> io::Result<Option<Cow<'_, str>>> {
        if self.pos >= self.block.len() && !self.refill()? {
            return Ok(None);
        }
        self.line += 1;
        let rest = &self.block[self.pos..];
        let line = match memchr::memchr(b'\n', rest.as_bytes()) {
            Some(i) => {
                self.pos += i + 1;
                let line = &rest[..i];
                line.strip_suffix('\r').unwrap_or(line)
            }
            None => {
                self.pos += rest.len();
                rest
            }
        };
        Ok(Some(Cow::Borrowed(line)))
    }

    /// Reads the next lines into `block`. Returns `Ok(false)` at the end of
    /// the input.
    fn refill(&mut self) -> io::Result<bool> {
        self.block.clear();
        self.pos = 0;
        let buffered = loop {
            match self.inner.fill_buf() {
                Ok(b) => break b,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            }
        };
        if buffered.is_empty() {
            return Ok(false);
        }
        // The whole lines of the buffer, up to the first invalid byte.
        let whole = |bytes: &[u8]| memchr::memrchr(b'\n', bytes).map(|last| last + 1);
        let text = whole(buffered).and_then(|n| match std::str::from_utf8(&buffered[..n]) {
            Ok(text) => Some(text),
            Err(e) => whole(&buffered[..e.valid_up_to()])
                .map(|n| std::str::from_utf8(&buffered[..n]).expect("a valid prefix")),
        });
        if let Some(text) = text {
            let n = text.len();
            self.block.push_str(text);
            self.inner.consume(n);
            return Ok(true);
        }
        // One line on its own: longer than the buffer, the last one, or
        // not valid UTF-8.
        self.buf.clear();
        self.inner.read_until(b'\n', &mut self.buf)?;
        match std::str::from_utf8(&self.buf) {
            Ok(text) => self.block.push_str(text),
            Err(_) => {
                report(format_args!(
                    "{}:{}: invalid UTF-8, decoded lossily",
                    self.label,
                    self.line + 1
                ));
                self.block.push_str(&String::from_utf8_lossy(&self.buf));
            }
        }
        Ok(true)
    }
}

/// Buffered standard output: block-buffered into a pipe or file,
/// line-buffered on a terminal.
pub struct Output {
    inner: BufWriter<StdoutLock<'static>>,
}

impl Output {
    /// Standard output.
    pub fn stdout() -> Output {
        let stdout = io::stdout();
        // With no buffer of its own, writes go straight to the standard
        // library's line-buffered stdout.
        let capacity = if stdout.is_terminal() { 0 } else { 1 << 16 };
        Output {
            inner: BufWriter::with_capacity(capacity, stdout.lock()),
        }
    }

    /// Writes the buffered output.
    pub fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

impl Write for Output {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.inner.write(buf)
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        self.inner.write_all(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// Ends a run: a closed standard output (`| head -1`) ends it quietly; any
/// other write error is reported. Returns the process exit code.
pub fn finish(result: io::Result<()>, out: &mut Output, status: &mut Status) -> u8 {
    let result = result.and_then(|()| out.flush());
    match result {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {}
        Err(e) => status.error(format_args!("write error: {e}")),
    }
    if status.failed() {
        2
    } else {
        0
    }
}

/// The output line that takes the place of an input line that could not
/// be read as a record: `{"source", "line", "error"}`.
#[derive(Debug, Clone, Copy, serde::Serialize)]
pub struct ErrorRecord<'a> {
    /// The input's label.
    pub source: &'a str,
    /// The 1-based line number.
    pub line: usize,
    /// What is wrong.
    pub error: &'a str,
}

/// Where a line came from: its source and 1-based line number.
#[derive(Debug, Clone, Copy)]
pub struct Loc<'a> {
    /// The file name, or `-` for standard input.
    pub source: &'a str,
    /// The 1-based line number within the source.
    pub line: usize,
}

/// Lines read in one go and handed to a worker thread.
#[derive(Default)]
struct Chunk {
    text: String,
    ends: Vec<usize>,
    out: Vec<u8>,
    source: std::sync::Arc<str>,
    first_line: usize,
}

impl Chunk {
    const LINES: usize = 512;
    const BYTES: usize = 1 << 16;

    fn clear(&mut self) {
        self.text.clear();
        self.ends.clear();
        self.out.clear();
    }

    fn full(&self) -> bool {
        self.ends.len() >= Chunk::LINES || self.text.len() >= Chunk::BYTES
    }

    fn lines(&self) -> impl Iterator<Item = &str> {
        let mut start = 0;
        self.ends.iter().map(move |&end| {
            let line = &self.text[start..end];
            start = end;
            line
        })
    }
}

/// Reads lines from `reader` into `chunk` until it is full or the input
/// ends. Returns `Ok(false)` at the end of the input.
fn fill<R: BufRead>(reader: &mut LineReader<R>, chunk: &mut Chunk) -> io::Result<bool> {
    chunk.first_line = reader.line_number() + 1;
    if &*chunk.source != reader.label() {
        chunk.source = reader.label().into();
    }
    while !chunk.full() {
        match reader.next_line()? {
            Some(line) => {
                chunk.text.push_str(&line);
                chunk.ends.push(chunk.text.len());
            }
            None => return Ok(false),
        }
    }
    Ok(true)
}

/// Maps every input line to its output with `f`, which appends the output
/// for one line (any number of bytes, usually one line) to the buffer it is
/// given. Outputs are written in input order. With `threads > 1` the lines
/// are mapped in chunks on that many worker threads.
///
/// Unreadable inputs are reported in `status` and skipped. Returns the
/// first write error; the caller decides what a broken pipe means.
pub fn map_lines<F>(
    inputs: &[Input],
    threads: usize,
    out: &mut Output,
    status: &mut Status,
    f: F,
) -> io::Result<()>
where
    F: Fn(&str, &mut Vec<u8>) + Sync,
{
    map_lines_at(inputs, threads, out, status, |line, _, buf| f(line, buf))
}

/// Like [`map_lines`], but `f` also gets each line's source and number, for
/// error records.
pub fn map_lines_at<F>(
    inputs: &[Input],
    threads: usize,
    out: &mut Output,
    status: &mut Status,
    f: F,
) -> io::Result<()>
where
    F: Fn(&str, Loc<'_>, &mut Vec<u8>) + Sync,
{
    if threads <= 1 {
        map_serial(inputs, out, status, &f)
    } else {
        map_parallel(inputs, threads, out, status, &f)
    }
}

fn map_serial<F>(inputs: &[Input], out: &mut Output, status: &mut Status, f: &F) -> io::Result<()>
where
    F: Fn(&str, Loc<'_>, &mut Vec<u8>),
{
    let mut buf = Vec::new();
    for input in inputs {
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
            match reader.next_line() {
                Ok(Some(line)) => {
                    buf.clear();
                    let loc = Loc {
                        source: &label,
                        line: number,
                    };
                    f(&line, loc, &mut buf);
                    out.write_all(&buf)?;
                }
                Ok(None) => break,
                Err(e) => {
                    status.error(format_args!("{}: {e}", reader.label()));
                    break;
                }
            }
        }
    }
    Ok(())
}

fn map_parallel<F>(
    inputs: &[Input],
    threads: usize,
    out: &mut Output,
    status: &mut Status,
    f: &F,
) -> io::Result<()>
where
    F: Fn(&str, Loc<'_>, &mut Vec<u8>) + Sync,
{
    std::thread::scope(|scope| {
        // One job queue and one result queue per worker: chunk i goes to
        // worker i % threads and its result is collected in the same
        // order, which keeps the output in input order.
        let mut workers = Vec::with_capacity(threads);
        for _ in 0..threads {
            let (job_tx, job_rx) = mpsc::channel::<Chunk>();
            let (done_tx, done_rx) = mpsc::channel::<Chunk>();
            scope.spawn(move || {
                for mut chunk in job_rx {
                    let mut out = std::mem::take(&mut chunk.out);
                    for (k, line) in chunk.lines().enumerate() {
                        let loc = Loc {
                            source: &chunk.source,
                            line: chunk.first_line + k,
                        };
                        f(line, loc, &mut out);
                    }
                    chunk.out = out;
                    if done_tx.send(chunk).is_err() {
                        break;
                    }
                }
            });
            workers.push((job_tx, done_rx));
        }

        let depth = threads * 2;
        let mut in_flight: VecDeque<usize> = VecDeque::with_capacity(depth);
        let mut spare: Vec<Chunk> = Vec::new();
        let mut next = 0;
        let mut write = |w: usize, spare: &mut Vec<Chunk>| -> io::Result<()> {
            let mut chunk = workers[w].1.recv().expect("worker thread panicked");
            let result = out.write_all(&chunk.out);
            chunk.clear();
            spare.push(chunk);
            result
        };

        for input in inputs {
            let mut reader = match input.open() {
                Ok(r) => r,
                Err(e) => {
                    status.error(format_args!("{}: {e}", input.label()));
                    continue;
                }
            };
            let mut more = true;
            while more {
                let mut chunk = spare.pop().unwrap_or_default();
                more = match fill(&mut reader, &mut chunk) {
                    Ok(more) => more,
                    Err(e) => {
                        status.error(format_args!("{}: {e}", reader.label()));
                        false
                    }
                };
                if chunk.ends.is_empty() {
                    spare.push(chunk);
                    continue;
                }
                if in_flight.len() == depth {
                    let w = in_flight.pop_front().unwrap();
                    write(w, &mut spare)?;
                }
                workers[next].0.send(chunk).expect("worker thread panicked");
                in_flight.push_back(next);
                next = (next + 1) % threads;
            }
        }
        while let Some(w) = in_flight.pop_front() {
            write(w, &mut spare)?;
        }
        Ok(())
    })
}

/// Reads a whole file as UTF-8 text, for tables and other small inputs.
pub fn read_text(path: &Path) -> io::Result<String> {
    let mut text = String::new();
    open_file(path)?.read_to_string(&mut text)?;
    Ok(text)
}
