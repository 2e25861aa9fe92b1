//! Dependencies point down the pipeline only (DESIGN.md, "The pipeline"):
//! a module of the library may refer to modules of its own stage or of an
//! earlier one, never of a later one.
//!
//! The test reads every `src/**/*.rs` of the library, finds each
//! `crate::NAME` outside comments (also inside `use crate::{a, b}` groups),
//! works out the module `NAME` belongs to — a module itself, or an item the
//! crate root re-exports from one (`crate::Name` is `analyze`'s) — and
//! reports every reference that climbs the order, with its file and line.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// The stages in pipeline order, each with its modules. `error` (the one
/// error type) is below everything; the binary (`main.rs`, `cli/`) is on top.
const STAGES: &[(&str, &[&str])] = &[
    ("error", &["error", "util"]),
    ("fold", &["fold", "key", "sino", "sound"]),
    ("token", &["token"]),
    ("tables", &["tables"]),
    ("analyze", &["analyze"]),
    ("compare", &["compare", "compare_acronym"]),
    ("index", &["index", "matcher"]),
    ("resolve", &["resolve", "alias"]),
    ("store", &["store"]),
    ("extract", &["extract", "span_eval"]),
    ("bindings", &["python"]),
    ("cli", &["cli", "main"]),
];

/// The stage number of a module, if it has one.
fn stage_of(module: &str) -> Option<usize> {
    STAGES.iter().position(|(_, mods)| mods.contains(&module))
}

/// Every `.rs` file under `dir`, sorted.
fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("reading {}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|x| x == "rs") {
            out.push(path);
        }
    }
}

/// A line without its comment: nothing if the line is a comment, else the
/// part before a `//` that is not inside a string literal.
fn code(line: &str) -> &str {
    let mut in_str = false;
    let mut escaped = false;
    let bytes = line.as_bytes();
    let mut skip = 0;
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            _ if skip > 0 => skip -= 1,
            _ if escaped => escaped = false,
            // A quote as a character literal opens no string.
            b'\'' if !in_str && bytes[i..].starts_with(b"'\"'") => skip = 2,
            b'\\' if in_str => escaped = true,
            b'"' => in_str = !in_str,
            b'/' if !in_str && bytes.get(i + 1) == Some(&b'/') => return &line[..i],
            _ => {}
        }
    }
    line
}

fn ident_at(s: &str) -> &str {
    let end = s
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(s.len());
    &s[..end]
}

/// The first path segment of each item of `crate::…` at the start of `rest`
/// (the text just after `crate::`): one name, or one per item of a
/// `{a::b, c}` group.
fn names_after_crate(rest: &str) -> Vec<&str> {
    let Some(group) = rest.strip_prefix('{') else {
        return vec![ident_at(rest)];
    };
    let mut names = Vec::new();
    let (mut depth, mut start) = (0usize, 0usize);
    for (i, c) in group.char_indices() {
        match c {
            '{' => depth += 1,
            '}' if depth == 0 => {
                names.push(ident_at(group[start..i].trim()));
                break;
            }
            '}' => depth -= 1,
            ',' if depth == 0 => {
                names.push(ident_at(group[start..i].trim()));
                start = i + 1;
            }
            _ => {}
        }
    }
    names.retain(|n| !n.is_empty());
    names
}

/// The items the crate root re-exports, each with the module it comes from
/// (`pub use analyze::{analyze, Name};` gives `analyze` and `Name`).
fn reexports(lib: &str) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    let text: String = lib.lines().map(code).collect::<Vec<_>>().join("\n");
    for stmt in text.split(';') {
        let Some(at) = stmt.find("pub use ") else {
            continue;
        };
        let path = stmt[at + "pub use ".len()..].trim();
        let path = path.strip_prefix("crate::").unwrap_or(path);
        let module = ident_at(path).to_string();
        let items = match path.find('{') {
            Some(open) => path[open + 1..path.rfind('}').unwrap_or(path.len())].to_string(),
            None => path.rsplit("::").next().unwrap_or("").to_string(),
        };
        for item in items.split(',') {
            let item = item.split(" as ").last().unwrap_or("").trim();
            if !item.is_empty() {
                out.insert(item.to_string(), module.clone());
            }
        }
    }
    out
}

#[test]
fn modules_depend_only_on_earlier_stages() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let lib = fs::read_to_string(src.join("lib.rs")).unwrap();
    let roots = reexports(&lib);
    let mut files = Vec::new();
    rust_files(&src, &mut files);

    let mut problems = Vec::new();
    // (from, to) → the places that make the edge.
    let mut climbing: BTreeMap<(String, String), Vec<String>> = BTreeMap::new();
    let mut present = BTreeSet::new();
    let mut references = 0;
    for path in &files {
        let rel = path.strip_prefix(&src).unwrap();
        let shown = format!("src/{}", rel.display()).replace('\\', "/");
        let first = rel
            .components()
            .next()
            .unwrap()
            .as_os_str()
            .to_str()
            .unwrap();
        let module = first.strip_suffix(".rs").unwrap_or(first);
        if module == "lib" {
            continue; // the crate root declares and re-exports every module
        }
        let Some(from) = stage_of(module) else {
            problems.push(format!(
                "{shown}: module `{module}` has no stage; add it to STAGES in tests/it/stages.rs"
            ));
            continue;
        };
        present.insert(module.to_string());
        if STAGES[from].0 == "cli" {
            continue; // the binary's `crate::` is the binary, on top of everything
        }
        let text = fs::read_to_string(path).unwrap();
        for (n, line) in text.lines().enumerate() {
            let line = code(line);
            for (at, _) in line.match_indices("crate::") {
                // Not the tail of a longer word ("my_crate::").
                let before = line[..at].chars().next_back();
                if before.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_') {
                    continue;
                }
                for name in names_after_crate(&line[at + "crate::".len()..]) {
                    references += 1;
                    let target = if stage_of(name).is_some() {
                        name.to_string()
                    } else if let Some(m) = roots.get(name) {
                        m.clone()
                    } else {
                        problems.push(format!(
                            "{shown}:{}: cannot tell which module `crate::{name}` belongs to",
                            n + 1
                        ));
                        continue;
                    };
                    let to = stage_of(&target).unwrap_or_else(|| {
                        panic!("lib.rs re-exports `{name}` from `{target}`, which has no stage")
                    });
                    if to > from {
                        climbing
                            .entry((module.to_string(), target))
                            .or_default()
                            .push(format!("{shown}:{}: {}", n + 1, line.trim()));
                    }
                }
            }
        }
    }

    for (stage, mods) in STAGES {
        for m in *mods {
            if !present.contains(*m) {
                eprintln!("note: stage `{stage}` has no module `{m}` in src/");
            }
        }
    }
    for ((from, to), places) in &climbing {
        problems.push(format!(
            "`{from}` (stage {}) refers to `{to}` (stage {}), a later stage:\n    {}",
            STAGES[stage_of(from).unwrap()].0,
            STAGES[stage_of(to).unwrap()].0,
            places.join("\n    ")
        ));
    }
    // The scan must have seen the library's own imports, or it checked nothing.
    assert!(
        references > 20,
        "only {references} `crate::` references found under src/"
    );
    assert!(
        problems.is_empty(),
        "dependencies must point down the pipeline ({}):\n{}\n\n{} problem(s)",
        STAGES
            .iter()
            .map(|(s, _)| *s)
            .collect::<Vec<_>>()
            .join(" → "),
        problems.join("\n"),
        problems.len()
    );
}

#[test]
fn the_scanner_reads_groups_comments_and_reexports() {
    assert_eq!(names_after_crate("fold::{self, Script};"), ["fold"]);
    assert_eq!(
        names_after_crate("{analyze::{Name, Part}, key::skeleton};"),
        ["analyze", "key"]
    );
    assert_eq!(code("let x = 1; // crate::resolve"), "let x = 1; ");
    assert_eq!(code("/// [`Name`]: crate::Name"), "");
    assert_eq!(code(r#"let s = "a // b"; // c"#), r#"let s = "a // b"; "#);
    assert_eq!(code(r#"c == '"' // c"#), r#"c == '"' "#);
    let roots = reexports("pub use key::{skeleton, skeleton_into};\npub use a::b::C as D;\n");
    assert_eq!(roots["skeleton_into"], "key");
    assert_eq!(roots["D"], "a");
}
