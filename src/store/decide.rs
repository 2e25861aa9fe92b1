//! Reviewers' decisions: merge, split, alias, and undo; each recorded with
//! its time, an optional note and what it changed, so that it can be
//! undone.

use super::{id_salt, kind_str, live_id, new_id, next_seq, sql_error, Store};
use crate::analyze::Kind;
use crate::error::{Error, ErrorKind};
use crate::util::str_enum;
use crate::{Analyzer, ResolverBuilder};
use rusqlite::{params, OptionalExtension, Transaction, TransactionBehavior};
use serde::{Deserialize, Serialize};

/// What a decision does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Action {
    /// These entities are one (must-link).
    Merge,
    /// These names are not this entity (cannot-link).
    Split,
    /// These names are known names of this entity.
    Alias,
    /// Reverts an earlier decision.
    Undo,
}

str_enum! {
    /// The action's name as the log records it.
    pub Action, "decision", "merge, split, alias or undo" {
        Merge => "merge",
        Split => "split",
        Alias => "alias",
        Undo => "undo",
    }
}

/// A recorded decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Decision {
    /// Its number, for [`Store::undo`].
    pub id: i64,
    /// When it was taken (UTC, ISO 8601).
    pub at: String,
    /// What it does.
    pub action: Action,
    /// The entity it is about (the survivor of a merge; a new entity for
    /// the names a split takes away is in `args` of the log, after `→`).
    pub entity: Option<String>,
    /// The ids (merge), names (split, alias) or decision (undo) given.
    pub args: Vec<String>,
    /// The reviewer's note.
    pub note: Option<String>,
    /// The undo that reverted it, if any.
    pub undone: Option<i64>,
}

/// One name row moved by a decision.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Moved {
    from: String,
    to: String,
    key: String,
    kind: String,
    /// Whether the row moved whole (false: its count joined a row of the
    /// same name on the target).
    whole: bool,
    count: i64,
    alias: bool,
}

/// What a decision changed.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
struct Changes {
    #[serde(default)]
    moved: Vec<Moved>,
    /// Entities redirected to the survivor (merge).
    #[serde(default)]
    redirected: Vec<String>,
    /// An entity created for the names taken away (split).
    #[serde(default)]
    created: Option<String>,
    /// Name rows added (alias): (entity, key, kind).
    #[serde(default)]
    added: Vec<(String, String, String)>,
    /// Name rows marked known (alias): (entity, key, kind).
    #[serde(default)]
    flagged: Vec<(String, String, String)>,
    /// A canonical name replaced: (entity, before).
    #[serde(default)]
    canonical: Vec<(String, String)>,
}

fn invalid(label: &str, m: String) -> Error {
    Error::at(ErrorKind::Invalid, label, None, m)
}

type Sql<T> = Result<T, Error>;

impl Store {
    fn decide<T>(&mut self, f: impl FnOnce(&Transaction, &str) -> Sql<T>) -> Sql<T> {
        self.writable()?;
        self.loaded = None;
        let label = self.label.clone();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| sql_error(&label, e))?;
        let out = f(&tx, &label)?;
        tx.commit().map_err(|e| sql_error(&label, e))?;
        Ok(out)
    }

    /// A decision about names of entity `id` (a split or an alias,
    /// `what`): `f` runs in the decision's transaction with the live entity
    /// that `id` stands for (after its merges) and the resolver's analyzer.
    /// An error for an unknown id or no names.
    fn decide_names<T>(
        &mut self,
        id: &str,
        names: &[&str],
        what: &str,
        resolver: &ResolverBuilder,
        f: impl FnOnce(&Transaction, &str, String, &Analyzer) -> Sql<T>,
    ) -> Sql<T> {
        let analyzer = resolver.analysis().0.clone();
        self.decide(|tx, label| {
            let ent = live_id(tx, id)
                .map_err(|e| sql_error(label, e))?
                .ok_or_else(|| invalid(label, format!("unknown entity {id:?}")))?;
            if names.is_empty() {
                return Err(invalid(label, format!("{what} needs at least one name")));
            }
            f(tx, label, ent, &analyzer)
        })
    }

    /// Records that the entities `ids` are one: the first survives, the
    /// others become redirects to it and their names join it.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Invalid`] for an unknown id, fewer than two entities,
    /// an entity merged with itself, or a name that a split took away from
    /// one of them; nothing is changed.
    pub fn merge(&mut self, ids: &[&str], note: Option<&str>) -> Sql<Decision> {
        self.decide(|tx, label| {
            let e = |e| sql_error(label, e);
            if ids.len() < 2 {
                return Err(invalid(label, "a merge needs two ids or more".into()));
            }
            let mut live = Vec::new();
            for id in ids {
                let l = live_id(tx, id)
                    .map_err(e)?
                    .ok_or_else(|| invalid(label, format!("unknown entity {id:?}")))?;
                if live.contains(&l) {
                    return Err(invalid(
                        label,
                        format!("cannot merge entity {l:?} with itself ({id:?} is {l:?})"),
                    ));
                }
                live.push(l);
            }
            let survivor = live[0].clone();
            let mut ch = Changes::default();
            for other in &live[1..] {
                // A name split away from one side must not come back.
                let clash: Option<(String, i64)> = tx
                    .query_row(
                        "SELECT n.name, c.decision FROM names n JOIN cannot c
                         ON n.key = c.key AND n.kind = c.kind
                         WHERE (n.entity = ?1 AND c.entity = ?2) OR (n.entity = ?2 AND c.entity = ?1)
                         LIMIT 1",
                        params![survivor, other],
                        |r| Ok((r.get(0)?, r.get(1)?)),
                    )
                    .optional()
                    .map_err(e)?;
                if let Some((name, d)) = clash {
                    return Err(invalid(
                        label,
                        format!(
                            "name {name:?} was split from one of {survivor:?} and {other:?} by decision {d}: undo it first"
                        ),
                    ));
                }
                move_all(tx, other, &survivor, &mut ch).map_err(e)?;
                tx.execute(
                    "UPDATE entities SET redirect = ?2 WHERE id = ?1",
                    params![other, survivor],
                )
                .map_err(e)?;
                ch.redirected.push(other.clone());
            }
            let args: Vec<String> = ids.iter().map(|s| s.to_string()).collect();
            record(tx, label, Action::Merge, Some(&survivor), &args, note, &ch)
        })
    }

    /// Records that the names `names` are not entity `id`: they leave it
    /// for a new entity, and never join it again.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Invalid`] for an unknown id, a name the entity does not
    /// have, or a split that would take all its names; nothing is changed.
    pub fn split(
        &mut self,
        id: &str,
        names: &[&str],
        note: Option<&str>,
        resolver: &ResolverBuilder,
    ) -> Sql<Decision> {
        self.decide_names(id, names, "a split", resolver, |tx, label, ent, analyzer| {
            let e = |e| sql_error(label, e);
            let mut rows: Vec<(String, String)> = Vec::new();
            for n in names {
                let key = analyzer.analyze(n).key().to_string();
                let mut st = tx
                    .prepare("SELECT kind FROM names WHERE entity = ?1 AND key = ?2")
                    .map_err(e)?;
                let kinds: Vec<String> = st
                    .query_map(params![ent, key], |r| r.get(0))
                    .map_err(e)?
                    .collect::<Result<_, _>>()
                    .map_err(e)?;
                if kinds.is_empty() {
                    return Err(invalid(
                        label,
                        format!("entity {ent:?} has no name {n:?}"),
                    ));
                }
                for k in kinds {
                    if !rows.contains(&(key.clone(), k.clone())) {
                        rows.push((key.clone(), k));
                    }
                }
            }
            let total: i64 = tx
                .query_row(
                    "SELECT count(*) FROM names WHERE entity = ?1",
                    params![ent],
                    |r| r.get(0),
                )
                .map_err(e)?;
            if total as usize <= rows.len() {
                return Err(invalid(
                    label,
                    format!("the split would take every name of {ent:?}"),
                ));
            }
            let (kind, canonical): (String, String) = tx
                .query_row(
                    "SELECT kind, canonical FROM entities WHERE id = ?1",
                    params![ent],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .map_err(e)?;
            let seq = next_seq(tx).map_err(e)?;
            let new = new_id(seq, id_salt(tx).map_err(e)?, label)?;
            let first: String = tx
                .query_row(
                    "SELECT name FROM names WHERE entity = ?1 AND key = ?2 AND kind = ?3",
                    params![ent, rows[0].0, rows[0].1],
                    |r| r.get(0),
                )
                .map_err(e)?;
            tx.execute(
                "INSERT INTO entities (seq, id, canonical, kind, created)
                 VALUES (?1, ?2, ?3, ?4, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))",
                params![seq, new, first, kind],
            )
            .map_err(e)?;
            let mut ch = Changes {
                created: Some(new.clone()),
                ..Changes::default()
            };
            for (key, k) in &rows {
                let (count, alias): (i64, i64) = tx
                    .query_row(
                        "SELECT count, alias FROM names WHERE entity = ?1 AND key = ?2 AND kind = ?3",
                        params![ent, key, k],
                        |r| Ok((r.get(0)?, r.get(1)?)),
                    )
                    .map_err(e)?;
                tx.execute(
                    "UPDATE names SET entity = ?2 WHERE entity = ?1 AND key = ?3 AND kind = ?4",
                    params![ent, new, key, k],
                )
                .map_err(e)?;
                ch.moved.push(Moved {
                    from: ent.clone(),
                    to: new.clone(),
                    key: key.clone(),
                    kind: k.clone(),
                    whole: true,
                    count,
                    alias: alias != 0,
                });
            }
            // The canonical name must be one the entity still has.
            let still: bool = tx
                .query_row(
                    "SELECT count(*) FROM names WHERE entity = ?1 AND name = ?2",
                    params![ent, canonical],
                    |r| r.get::<_, i64>(0),
                )
                .map_err(e)?
                > 0;
            if !still {
                let best: String = tx
                    .query_row(
                        "SELECT name FROM names WHERE entity = ?1
                         ORDER BY alias DESC, count DESC, length(name) DESC, name LIMIT 1",
                        params![ent],
                        |r| r.get(0),
                    )
                    .map_err(e)?;
                tx.execute(
                    "UPDATE entities SET canonical = ?2 WHERE id = ?1",
                    params![ent, best],
                )
                .map_err(e)?;
                ch.canonical.push((ent.clone(), canonical));
            }
            let mut args: Vec<String> = names.iter().map(|s| s.to_string()).collect();
            args.push(format!("→ {new}"));
            let d = record(tx, label, Action::Split, Some(&ent), &args, note, &ch)?;
            for (key, k) in &rows {
                tx.execute(
                    "INSERT INTO cannot (entity, key, kind, decision) VALUES (?1, ?2, ?3, ?4)",
                    params![ent, key, k, d.id],
                )
                .map_err(e)?;
            }
            Ok(d)
        })
    }

    /// Records that `names` are known names of entity `id`: later mentions
    /// of them resolve to it, and it matches as an alias-table entity.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Invalid`] for an unknown id, a name with no letters, or
    /// a name that a split took away from the entity; nothing is changed.
    pub fn alias(
        &mut self,
        id: &str,
        names: &[&str],
        note: Option<&str>,
        resolver: &ResolverBuilder,
    ) -> Sql<Decision> {
        self.decide_names(id, names, "an alias", resolver, |tx, label, ent, analyzer| {
            let e = |e| sql_error(label, e);
            let kind: String = tx
                .query_row(
                    "SELECT kind FROM entities WHERE id = ?1",
                    params![ent],
                    |r| r.get(0),
                )
                .map_err(e)?;
            let mut ch = Changes::default();
            for n in names {
                let name = match super::kind_of(&kind) {
                    Kind::Unknown => analyzer.analyze(n),
                    k => analyzer.analyze_as(n, k),
                };
                if name.is_empty() {
                    return Err(invalid(label, format!("name {n:?} has no letters or digits")));
                }
                let (key, k) = (name.key().to_string(), kind_str(name.kind()).to_string());
                let split: Option<i64> = tx
                    .query_row(
                        "SELECT decision FROM cannot WHERE entity = ?1 AND key = ?2 AND kind = ?3",
                        params![ent, key, k],
                        |r| r.get(0),
                    )
                    .optional()
                    .map_err(e)?;
                if let Some(d) = split {
                    return Err(invalid(
                        label,
                        format!("name {n:?} was split from {ent:?} by decision {d}: undo it first"),
                    ));
                }
                let had: Option<i64> = tx
                    .query_row(
                        "SELECT alias FROM names WHERE entity = ?1 AND key = ?2 AND kind = ?3",
                        params![ent, key, k],
                        |r| r.get(0),
                    )
                    .optional()
                    .map_err(e)?;
                match had {
                    Some(1) => {}
                    Some(_) => {
                        tx.execute(
                            "UPDATE names SET alias = 1 WHERE entity = ?1 AND key = ?2 AND kind = ?3",
                            params![ent, key, k],
                        )
                        .map_err(e)?;
                        ch.flagged.push((ent.clone(), key, k));
                    }
                    None => {
                        tx.execute(
                            "INSERT INTO names (entity, key, kind, name, alias, count)
                             VALUES (?1, ?2, ?3, ?4, 1, 0)",
                            params![ent, key, k, n],
                        )
                        .map_err(e)?;
                        ch.added.push((ent.clone(), key, k));
                    }
                }
            }
            let args: Vec<String> = names.iter().map(|s| s.to_string()).collect();
            record(tx, label, Action::Alias, Some(&ent), &args, note, &ch)
        })
    }

    /// Reverts decision `decision`: the entities and names it changed go
    /// back to where they were (mentions counted since stay with their
    /// names), and the cannot-links of a split are lifted.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Invalid`] for an unknown decision, one already undone,
    /// or an undo (take the decision again instead); nothing is changed.
    pub fn undo(&mut self, decision: i64, note: Option<&str>) -> Sql<Decision> {
        self.decide(|tx, label| {
            let e = |e| sql_error(label, e);
            let row: Option<(String, Option<i64>, String, Option<String>)> = tx
                .query_row(
                    "SELECT action, undone, changes, entity FROM decisions WHERE id = ?1",
                    params![decision],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
                )
                .optional()
                .map_err(e)?;
            let Some((action, undone, changes, entity)) = row else {
                return Err(invalid(label, format!("unknown decision {decision}")));
            };
            if let Some(u) = undone {
                return Err(invalid(
                    label,
                    format!("decision {decision} was already undone by decision {u}"),
                ));
            }
            if action == "undo" {
                return Err(invalid(
                    label,
                    format!("decision {decision} is an undo: take the decision again instead"),
                ));
            }
            let ch: Changes = serde_json::from_str(&changes).map_err(|x| {
                Error::at(
                    ErrorKind::Store,
                    label,
                    None,
                    format!("decision {decision} is damaged: {x}"),
                )
            })?;
            for m in ch.moved.iter().rev() {
                if m.whole {
                    tx.execute(
                        "UPDATE names SET entity = ?1 WHERE entity = ?2 AND key = ?3 AND kind = ?4
                         AND NOT EXISTS (SELECT 1 FROM names WHERE entity = ?1 AND key = ?3 AND kind = ?4)",
                        params![m.from, m.to, m.key, m.kind],
                    )
                    .map_err(e)?;
                } else {
                    tx.execute(
                        "UPDATE names SET count = max(count - ?5, 0)
                         WHERE entity = ?2 AND key = ?3 AND kind = ?4",
                        params![m.from, m.to, m.key, m.kind, m.count],
                    )
                    .map_err(e)?;
                    tx.execute(
                        "INSERT OR IGNORE INTO names (entity, key, kind, name, alias, count)
                         SELECT ?1, key, kind, name, ?5, ?6 FROM names
                         WHERE entity = ?2 AND key = ?3 AND kind = ?4",
                        params![m.from, m.to, m.key, m.kind, m.alias as i64, m.count],
                    )
                    .map_err(e)?;
                }
            }
            for r in &ch.redirected {
                tx.execute(
                    "UPDATE entities SET redirect = NULL WHERE id = ?1",
                    params![r],
                )
                .map_err(e)?;
            }
            if let (Some(new), Some(from)) = (&ch.created, &entity) {
                // The split's entity keeps its id, as a redirect back.
                tx.execute(
                    "UPDATE entities SET redirect = ?2 WHERE id = ?1",
                    params![new, from],
                )
                .map_err(e)?;
                tx.execute(
                    "INSERT INTO names (entity, key, kind, name, alias, count)
                     SELECT ?2, key, kind, name, alias, count FROM names WHERE entity = ?1
                     ON CONFLICT (entity, key, kind) DO UPDATE SET count = count + excluded.count",
                    params![new, from],
                )
                .map_err(e)?;
                tx.execute("DELETE FROM names WHERE entity = ?1", params![new])
                    .map_err(e)?;
            }
            for (ent, key, k) in &ch.added {
                tx.execute(
                    "DELETE FROM names WHERE entity = ?1 AND key = ?2 AND kind = ?3 AND count = 0",
                    params![ent, key, k],
                )
                .map_err(e)?;
                tx.execute(
                    "UPDATE names SET alias = 0 WHERE entity = ?1 AND key = ?2 AND kind = ?3",
                    params![ent, key, k],
                )
                .map_err(e)?;
            }
            for (ent, key, k) in &ch.flagged {
                tx.execute(
                    "UPDATE names SET alias = 0 WHERE entity = ?1 AND key = ?2 AND kind = ?3",
                    params![ent, key, k],
                )
                .map_err(e)?;
            }
            for (ent, before) in &ch.canonical {
                tx.execute(
                    "UPDATE entities SET canonical = ?2 WHERE id = ?1",
                    params![ent, before],
                )
                .map_err(e)?;
            }
            tx.execute(
                "DELETE FROM cannot WHERE decision = ?1",
                params![decision],
            )
            .map_err(e)?;
            let d = record(
                tx,
                label,
                Action::Undo,
                entity.as_deref(),
                &[decision.to_string()],
                note,
                &Changes::default(),
            )?;
            tx.execute(
                "UPDATE decisions SET undone = ?2 WHERE id = ?1",
                params![decision, d.id],
            )
            .map_err(e)?;
            Ok(d)
        })
    }

    /// Every decision, oldest first.
    pub fn log(&self) -> Sql<Vec<Decision>> {
        let go = || -> rusqlite::Result<Vec<Decision>> {
            let mut st = self.conn.prepare(
                "SELECT id, at, action, entity, args, note, undone FROM decisions ORDER BY id",
            )?;
            let rows = st.query_map([], |r| {
                let action: String = r.get(2)?;
                let args: String = r.get(4)?;
                Ok(Decision {
                    id: r.get(0)?,
                    at: r.get(1)?,
                    action: action.parse().unwrap_or(Action::Undo),
                    entity: r.get(3)?,
                    args: serde_json::from_str(&args).unwrap_or_default(),
                    note: r.get(5)?,
                    undone: r.get(6)?,
                })
            })?;
            rows.collect()
        };
        go().map_err(|e| self.err(e))
    }
}

/// Moves every name of `from` to `to`, adding counts where `to` has the
/// same name.
fn move_all(tx: &Transaction, from: &str, to: &str, ch: &mut Changes) -> rusqlite::Result<()> {
    let mut st = tx.prepare("SELECT key, kind, count, alias FROM names WHERE entity = ?1")?;
    let rows: Vec<(String, String, i64, i64)> = st
        .query_map(params![from], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
        })?
        .collect::<Result<_, _>>()?;
    for (key, kind, count, alias) in rows {
        let clash: bool = tx.query_row(
            "SELECT count(*) FROM names WHERE entity = ?1 AND key = ?2 AND kind = ?3",
            params![to, key, kind],
            |r| r.get::<_, i64>(0),
        )? > 0;
        if clash {
            tx.execute(
                "UPDATE names SET count = count + ?4, alias = max(alias, ?5)
                 WHERE entity = ?1 AND key = ?2 AND kind = ?3",
                params![to, key, kind, count, alias],
            )?;
            tx.execute(
                "DELETE FROM names WHERE entity = ?1 AND key = ?2 AND kind = ?3",
                params![from, key, kind],
            )?;
        } else {
            tx.execute(
                "UPDATE names SET entity = ?2 WHERE entity = ?1 AND key = ?3 AND kind = ?4",
                params![from, to, key, kind],
            )?;
        }
        ch.moved.push(Moved {
            from: from.to_string(),
            to: to.to_string(),
            key,
            kind,
            whole: !clash,
            count,
            alias: alias != 0,
        });
    }
    Ok(())
}

fn record(
    tx: &Transaction,
    label: &str,
    action: Action,
    entity: Option<&str>,
    args: &[String],
    note: Option<&str>,
    ch: &Changes,
) -> Sql<Decision> {
    let e = |e| sql_error(label, e);
    let args_json = serde_json::to_string(args).expect("strings serialise");
    let ch_json = serde_json::to_string(ch).expect("changes serialise");
    tx.execute(
        "INSERT INTO decisions (at, action, entity, args, note, changes)
         VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), ?1, ?2, ?3, ?4, ?5)",
        params![action.as_str(), entity, args_json, note, ch_json],
    )
    .map_err(e)?;
    let id = tx.last_insert_rowid();
    let at: String = tx
        .query_row("SELECT at FROM decisions WHERE id = ?1", params![id], |r| {
            r.get(0)
        })
        .map_err(e)?;
    Ok(Decision {
        id,
        at,
        action,
        entity: entity.map(str::to_string),
        args: args.to_vec(),
        note: note.map(str::to_string),
        undone: None,
    })
}
