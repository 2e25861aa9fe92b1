//! The library's one error type.

use std::fmt;

/// An error from canonym: a table or input that could not be read or parsed,
/// or an alias table that failed validation.
///
/// The error is opaque; [`Error::kind`] tells its broad class and
/// [`Error::problems`] lists every individual problem found (a table with
/// three bad lines reports all three, each with its location).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
    problems: Vec<Problem>,
}

/// The broad class of an [`Error`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// Reading a file or stream failed.
    Io,
    /// Text could not be parsed (a malformed table, JSON or CSV record).
    Parse,
    /// Input parsed but is inconsistent (duplicate ids, conflicting aliases…).
    Invalid,
}

/// One problem found in an input, with its location.
#[derive(Debug, Clone, PartialEq, Eq)]
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
        Error { kind, problems }
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

    #[allow(dead_code)]
    pub(crate) fn io(source: &str, err: &std::io::Error) -> Error {
        Error::at(ErrorKind::Io, source, None, err.to_string())
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

impl std::error::Error for Error {}
