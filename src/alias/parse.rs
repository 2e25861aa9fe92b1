//! Reading alias tables: JSON and CSV/TSV into entities with the place
//! of each name, and every problem found on the way.

use super::Entity;
use crate::analyze::Kind;
use crate::error::Problem;
use rustc_hash::FxHashMap;
use serde_json::Value;
use std::collections::BTreeMap;
use std::sync::Arc;

#[derive(Debug, Clone)]
pub(super) struct Loc {
    pub(super) source: Arc<str>,
    pub(super) line: Option<usize>,
    pub(super) path: Option<String>,
}

impl Loc {
    pub(super) fn problem(&self, message: impl Into<String>) -> Problem {
        Problem {
            source: self.source.to_string(),
            line: self.line,
            path: self.path.clone(),
            message: message.into(),
        }
    }

    pub(super) fn describe(&self) -> String {
        let mut s = self.source.to_string();
        if let Some(l) = self.line {
            s.push_str(&format!(":{l}"));
        }
        if let Some(p) = &self.path {
            s.push_str(&format!(" at {p}"));
        }
        s
    }
}

/// Where an entity and each of its names (canonical first) came from.
#[derive(Debug, Clone)]
pub(super) struct Origin {
    pub(super) entity: Loc,
    pub(super) names: Vec<Loc>,
}

/// What one table's parse produced before it is committed to the builder.
pub(super) struct Parsed {
    pub(super) entities: Vec<Entity>,
    pub(super) origins: Vec<Origin>,
    pub(super) problems: Vec<Problem>,
}

pub(super) fn parse_json(source: &str, text: &str) -> Parsed {
    let src: Arc<str> = source.into();
    let mut out = Parsed {
        entities: Vec::new(),
        origins: Vec::new(),
        problems: Vec::new(),
    };
    let loc = |path: String| Loc {
        source: Arc::clone(&src),
        line: None,
        path: Some(path),
    };
    let value: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            out.problems.push(Problem {
                source: source.to_string(),
                line: Some(e.line()),
                path: None,
                message: format!("syntax error: {e}"),
            });
            return out;
        }
    };
    let Value::Array(items) = value else {
        out.problems.push(Problem {
            source: source.to_string(),
            line: None,
            path: Some("$".into()),
            message: "expected an array of entities".into(),
        });
        return out;
    };
    for (i, item) in items.into_iter().enumerate() {
        let Value::Object(fields) = item else {
            out.problems
                .push(loc(format!("[{i}]")).problem("expected an object"));
            continue;
        };
        let before = out.problems.len();
        let mut id = None;
        let mut canonical: Option<(String, String)> = None;
        let mut kind = Kind::Unknown;
        let mut aliases = Vec::new();
        let mut alias_locs = Vec::new();
        let mut attributes = BTreeMap::new();
        let mut nested = None;
        let has_canonical = fields.contains_key("canonical");
        let has_id = fields.contains_key("id");
        let has_name = has_canonical || fields.contains_key("name");
        let push = |out: &mut Parsed, path: String, msg: String| {
            out.problems.push(loc(path).problem(msg));
        };
        for (field, v) in fields {
            let path = format!("[{i}].{field}");
            match field.as_str() {
                "id" => match v {
                    Value::String(s) if !s.trim().is_empty() => id = Some(s),
                    Value::Number(n) if n.is_u64() || n.is_i64() => id = Some(n.to_string()),
                    _ => push(&mut out, path, "expected a non-empty string id".into()),
                },
                "canonical" | "name" if field == "canonical" || !has_canonical => match v {
                    Value::String(s) if !s.trim().is_empty() => canonical = Some((s, path)),
                    _ => push(&mut out, path, "expected a non-empty name".into()),
                },
                "kind" => match v {
                    Value::Null => {}
                    Value::String(s) => match s.parse::<Kind>() {
                        Ok(k) => kind = k,
                        Err(_) => push(&mut out, path, format!("unknown kind {s:?}")),
                    },
                    _ => push(&mut out, path, "expected a kind string".into()),
                },
                "aliases" => match v {
                    Value::Null => {}
                    Value::Array(list) => {
                        for (j, a) in list.into_iter().enumerate() {
                            let apath = format!("{path}[{j}]");
                            match a {
                                Value::String(s) if !s.trim().is_empty() => {
                                    aliases.push(s);
                                    alias_locs.push(loc(apath));
                                }
                                Value::String(_) => push(&mut out, apath, "empty alias".into()),
                                _ => push(&mut out, apath, "expected an alias string".into()),
                            }
                        }
                    }
                    _ => push(&mut out, path, "expected an array of aliases".into()),
                },
                "attributes" => match v {
                    Value::Null => {}
                    Value::Object(map) => nested = Some((map, path)),
                    _ => push(&mut out, path, "expected an object of attributes".into()),
                },
                _ => {
                    attributes.insert(field, v);
                }
            }
        }
        if let Some((map, path)) = nested {
            for (k, v) in map {
                match attributes.entry(k) {
                    std::collections::btree_map::Entry::Occupied(o) => push(
                        &mut out,
                        format!("{path}.{}", o.key()),
                        format!("attribute {:?} given twice", o.key()),
                    ),
                    std::collections::btree_map::Entry::Vacant(slot) => {
                        slot.insert(v);
                    }
                }
            }
        }
        if !has_id {
            push(&mut out, format!("[{i}]"), "missing id".into());
        }
        if !has_name {
            push(&mut out, format!("[{i}]"), "missing canonical name".into());
        }
        let ok = out.problems.len() == before;
        let (Some(id), Some((canonical, cpath)), true) = (id, canonical, ok) else {
            continue;
        };
        let mut names = vec![loc(cpath)];
        names.extend(alias_locs);
        out.origins.push(Origin {
            entity: loc(format!("[{i}]")),
            names,
        });
        out.entities.push(Entity {
            id,
            canonical,
            kind,
            aliases,
            attributes,
        });
    }
    out
}

#[derive(Default)]
pub(super) struct Columns {
    id: Option<usize>,
    canonical: Option<usize>,
    kind: Option<usize>,
    alias: Option<usize>,
    aliases: Option<usize>,
    attributes: Vec<(usize, String)>,
}

pub(super) fn parse_csv(source: &str, text: &str, delimiter: u8) -> Parsed {
    let src: Arc<str> = source.into();
    let mut out = Parsed {
        entities: Vec::new(),
        origins: Vec::new(),
        problems: Vec::new(),
    };
    let at = |line: usize| Loc {
        source: Arc::clone(&src),
        line: Some(line),
        path: None,
    };
    let mut rdr = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(true)
        .flexible(false)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let mut cols = Columns::default();
    match rdr.headers() {
        Ok(h) => {
            // A repeated column is a malformed table: which of the two
            // cells counts would be a guess, and the table would not
            // round-trip through `to_csv`.
            let mut seen: Vec<String> = Vec::new();
            for name in h.iter() {
                let lower = name.to_ascii_lowercase();
                if seen.contains(&lower) {
                    out.problems.push(
                        at(1).problem(format!("column {name:?} appears twice in the header")),
                    );
                } else if lower == "canonical" && seen.iter().any(|s| s == "name") {
                    out.problems.push(at(1).problem(
                        "column \"canonical\" after \"name\": give the canonical name in one of them",
                    ));
                }
                seen.push(lower);
            }
            if !out.problems.is_empty() {
                return out;
            }
            for (k, name) in h.iter().enumerate() {
                match name.to_ascii_lowercase().as_str() {
                    "id" if cols.id.is_none() => cols.id = Some(k),
                    "canonical" if cols.canonical.is_none() => cols.canonical = Some(k),
                    "name" if cols.canonical.is_none() => cols.canonical = Some(k),
                    "kind" if cols.kind.is_none() => cols.kind = Some(k),
                    "alias" if cols.alias.is_none() => cols.alias = Some(k),
                    "aliases" if cols.aliases.is_none() => cols.aliases = Some(k),
                    _ => cols.attributes.push((k, name.to_string())),
                }
            }
        }
        Err(e) => {
            out.problems
                .push(at(1).problem(format!("syntax error: {e}")));
            return out;
        }
    }
    // A "name" column after "canonical" is an attribute; recheck order.
    if cols.id.is_none() {
        out.problems.push(at(1).problem("missing column \"id\""));
    }
    if cols.canonical.is_none() {
        out.problems
            .push(at(1).problem("missing column \"canonical\" (or \"name\")"));
    }
    if !out.problems.is_empty() {
        return out;
    }
    let (id_col, canon_col) = (cols.id.unwrap(), cols.canonical.unwrap());
    let mut by_id: FxHashMap<String, usize> = FxHashMap::default();
    // Per entity: line of the canonical, whether its kind was set.
    let mut canon_line: Vec<Option<usize>> = Vec::new();
    let mut kind_set: Vec<bool> = Vec::new();
    let mut attr_line: Vec<BTreeMap<String, usize>> = Vec::new();
    let mut failed: Vec<bool> = Vec::new();
    let mut rec = csv::StringRecord::new();
    loop {
        let line = rdr.position().line() as usize;
        match rdr.read_record(&mut rec) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                let l = e.position().map_or(line, |p| p.line() as usize);
                out.problems
                    .push(at(l).problem(format!("syntax error: {e}")));
                if matches!(e.kind(), csv::ErrorKind::Io(_)) {
                    break;
                }
                continue;
            }
        }
        let line = rec.position().map_or(line, |p| p.line() as usize);
        let cell = |c: usize| rec.get(c).unwrap_or("");
        let id = cell(id_col);
        if id.is_empty() {
            out.problems.push(at(line).problem("empty id"));
            continue;
        }
        let k = match by_id.get(id) {
            Some(&k) => k,
            None => {
                by_id.insert(id.to_string(), out.entities.len());
                out.entities.push(Entity {
                    id: id.to_string(),
                    canonical: String::new(),
                    kind: Kind::Unknown,
                    aliases: Vec::new(),
                    attributes: BTreeMap::new(),
                });
                out.origins.push(Origin {
                    entity: at(line),
                    names: vec![at(line)],
                });
                canon_line.push(None);
                kind_set.push(false);
                attr_line.push(BTreeMap::new());
                failed.push(false);
                out.entities.len() - 1
            }
        };
        let mut bad = |out: &mut Parsed, msg: String| {
            out.problems.push(at(line).problem(msg));
            failed[k] = true;
        };
        let canonical = cell(canon_col);
        if !canonical.is_empty() {
            let e = &mut out.entities[k];
            if e.canonical.is_empty() {
                e.canonical = canonical.to_string();
                out.origins[k].names[0] = at(line);
                canon_line[k] = Some(line);
            } else if e.canonical != canonical {
                let prev = (e.canonical.clone(), canon_line[k].unwrap_or(0));
                bad(
                    &mut out,
                    format!(
                        "conflicting canonical names for id {id:?}: {canonical:?} here, {:?} at line {}",
                        prev.0, prev.1
                    ),
                );
            }
        }
        if let Some(c) = cols.kind {
            let s = cell(c);
            if !s.is_empty() {
                match s.parse::<Kind>().ok() {
                    None => bad(&mut out, format!("unknown kind {s:?}")),
                    Some(kind) if kind_set[k] && out.entities[k].kind != kind => {
                        let prev = out.entities[k].kind.as_str();
                        bad(
                            &mut out,
                            format!(
                                "conflicting kinds for id {id:?}: {prev} and {}",
                                kind.as_str()
                            ),
                        )
                    }
                    Some(kind) => {
                        out.entities[k].kind = kind;
                        kind_set[k] = true;
                    }
                }
            }
        }
        if let Some(c) = cols.alias {
            let s = cell(c);
            if !s.is_empty() {
                out.entities[k].aliases.push(s.to_string());
                out.origins[k].names.push(at(line));
            }
        }
        if let Some(c) = cols.aliases {
            let s = cell(c);
            if !s.is_empty() {
                for a in s.split('|') {
                    let a = a.trim();
                    if a.is_empty() {
                        bad(&mut out, "empty alias in the aliases column".into());
                    } else {
                        out.entities[k].aliases.push(a.to_string());
                        out.origins[k].names.push(at(line));
                    }
                }
            }
        }
        for (c, name) in &cols.attributes {
            let s = cell(*c);
            if s.is_empty() {
                continue;
            }
            match out.entities[k].attributes.get(name) {
                Some(Value::String(prev)) if prev == s => {}
                Some(prev) => {
                    let prev = prev.clone();
                    let pl = attr_line[k].get(name).copied().unwrap_or(0);
                    bad(
                        &mut out,
                        format!(
                            "conflicting values for attribute {name:?} of id {id:?}: {s:?} here, {prev} at line {pl}"
                        ),
                    );
                }
                None => {
                    out.entities[k]
                        .attributes
                        .insert(name.clone(), Value::String(s.to_string()));
                    attr_line[k].insert(name.clone(), line);
                }
            }
        }
    }
    for (k, e) in out.entities.iter().enumerate() {
        if e.canonical.is_empty() && !failed[k] {
            out.problems.push(
                out.origins[k]
                    .entity
                    .problem(format!("id {:?} has no canonical name", e.id)),
            );
        }
    }
    // Keep problems in line order.
    out.problems.sort_by_key(|p| p.line);
    out
}
