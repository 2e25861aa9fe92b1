//! The library's one error type.

use std::fmt;
use std::sync::Arc;

/// An error from canonym: a table or input that could not be read or parsed,
/// or an alias table that failed validation.
///
/// The error is opaque; [`Error::kind`] tells its broad class and
/// [`Error::problems`] lists every individual problem found (a table with
/// three bad lines reports all three, each with its location). An error
/// of kind [`ErrorKind::Io`] keeps the underlying [`std::io::Error`] as its
/// [`source`](std::error::Error::source).
#[derive(Debug, Clone)]
pub struct Error {
    kind: ErrorKind,
    problems: Vec<Problem>,
    io: Option<Arc<std::io::Error>>,
}

/// Two errors are equal when their kind and problems are; the I/O error
/// behind an [`ErrorKind::Io`] error is described by its problem's message.
impl PartialEq for Error {
    fn eq(&self, other: &Error) -> bool {
        self.kind == other.kind && self.problems == other.problems
    }
}

impl Eq for Error {}

/// The broad class of an [`Error`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// Reading a file or stream failed.
    Io,
    /// Text could not be parsed (a malformed table, JSON or CSV record).
    Parse,
    /// Input parsed but is inconsistent (duplicate ids, conflicting aliases…),
    /// or a decision on an entity store cannot be taken (unknown id, a merge
    /// of an entity with itself…).
    Invalid,
    /// A file cannot be used as an entity store: not a store, written by a
    /// newer version, read-only, a directory, or damaged.
    Store,
    /// Another process is writing to the entity store, and it stayed busy
    /// for longer than the wait allowed.
    Busy,
}

/// One problem found in an input, with its location.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Problem {
    /// Where the problem is: a file name or other source label.
    pub source: String,
    /// The 1-based line number, when known.
    pub line: Option<usize>,
    /// A JSON path such as `[3].aliases[1]`, when the input was JSON.
    pub path: Option<String>,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.source)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        if let Some(path) = &self.path {
            write!(f, " at {path}")?;
        }
        write!(f, ": {}", self.message)
    }
}

impl Error {
    /// The broad class of this error.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// Every problem found, in input order. Never empty.
    pub fn problems(&self) -> &[Problem] {
        &self.problems
    }

    pub(crate) fn new(kind: ErrorKind, problems: Vec<Problem>) -> Error {
        debug_assert!(!problems.is_empty());
        Error {
            kind,
            problems,
            io: None,
        }
    }

    #[allow(dead_code)]
    pub(crate) fn at(
        kind: ErrorKind,
        source: &str,
        line: Option<usize>,
        message: impl Into<String>,
    ) -> Error {
        Error::new(
            kind,
            vec![Problem {
                source: source.to_string(),
                line,
                path: None,
                message: message.into(),
            }],
        )
    }

    /// An [`ErrorKind::Io`] error reading `source`, keeping `err` as the
    /// error's source.
    #[allow(dead_code)]
    pub(crate) fn io(source: &str, err: std::io::Error) -> Error {
        let mut e = Error::at(ErrorKind::Io, source, None, err.to_string());
        e.io = Some(Arc::new(err));
        e
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, p) in self.problems.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            write!(f, "{p}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.io
            .as_deref()
            .map(|e| e as &(dyn std::error::Error + 'static))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::error::Error as _;

    #[test]
    fn io_errors_keep_their_source() {
        let io = std::io::Error::new(std::io::ErrorKind::NotFound, "no such file");
        let e = Error::io("names.txt", io);
        assert_eq!(e.kind(), ErrorKind::Io);
        assert_eq!(e.to_string(), "names.txt: no such file");
        let source = e.source().expect("an I/O error has a source");
        let io = source
            .downcast_ref::<std::io::Error>()
            .expect("the source is the I/O error");
        assert_eq!(io.kind(), std::io::ErrorKind::NotFound);
        // A clone shares it.
        assert!(e.clone().source().is_some());
    }

    #[test]
    fn other_errors_have_no_source() {
        let e = Error::at(ErrorKind::Parse, "t.tsv", Some(3), "bad line");
        assert!(e.source().is_none());
    }
}
