//! The command-line tool's building blocks: shared options, the line
//! layer, and one module per subcommand.

pub mod extract;
pub mod lines;
pub mod matching;
pub mod normalise;
pub mod options;
pub mod resolve;
pub mod store;
