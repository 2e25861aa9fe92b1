//! The entity store: entities kept across runs in one SQLite file, with
//! stable ids and reviewers' decisions.
//!
//! # Schema (version 4)
//!
//! The file is an ordinary SQLite database (`PRAGMA application_id` is
//! `0x636e796d`, "cnym"; `PRAGMA user_version` is the schema version). It
//! is opened in WAL mode with foreign keys on, and migrated to the current
//! version on open; a store written by a newer version is refused.
//!
//! | table | one row per | columns |
//! | --- | --- | --- |
//! | `entities` | entity, for ever | `seq` (creation order), `id` (opaque, e.g. `e3k9x2q`), `canonical`, `kind` (`person`, `org`, `unknown`), `redirect` (the survivor, for an entity merged into another), `external` (its id in an imported table), `created` |
//! | `names` | distinct name of an entity | `entity`, `key` (comparison key), `kind`, `name` (a display form), `alias` (1: a known name, imported or added by a decision), `count` (mentions), `analysis` (the name's analysis as a blob, see below; NULL where none is kept) |
//! | `decisions` | reviewer's decision | `id`, `at` (UTC), `action` (`merge`, `split`, `alias`, `undo`), `entity`, `args` (JSON: the ids or names given), `note`, `changes` (JSON: what it changed, for undo), `undone` (the undo that reverted it) |
//! | `cannot` | name that must never join an entity | `entity`, `key`, `kind`, `decision` (the split) |
//! | `batches` | committed batch of mentions | `id`, `at`, `mentions`, `entities` (new entities) |
//! | `meta` | setting of the store | `key`, `value`; `id_salt`: the random salt of its ids; `analysis`: the build whose analyses `names.analysis` holds |
//!
//! Names are found by their primary key, (entity, key, kind); there is no
//! other index of them (version 3 had one by key alone, which no query
//! used and every batch paid for; version 4 drops it).
//!
//! # Kept analyses
//!
//! A writer needs every stored name analysed. Each name keeps its analysis
//! in `names.analysis`, so that opening a store reads the analyses instead
//! of making them again. The blob is versioned (its first byte is the
//! format, 3) and holds, as LEB128 varints, little-endian fixed-width
//! numbers and length-prefixed UTF-8 texts: the name's text buffer
//! (original, display form, key, folded forms, skeletons; an original that
//! is the display form is written once), the spans of the original,
//! display form and key, its kind and whether a cue decided it, its titles,
//! its group and nickname ids, and per part the spans of its text, folded
//! form, skeleton, groups and nicknames, its tag, its flags (generic,
//! connector, joined, and whether its hashes follow), its weight and
//! Chinese syllable key. A part's hash, skeleton hash and letter mask are
//! computed again from its texts when read, and written only when they
//! differ from what that gives. `meta.analysis` says which build wrote
//! them (the crate version, a hash of its sources and tables, the blob
//! format): a writer with the bundled tables reads them only when that is
//! its own, otherwise drops them all and writes its own in its first batch;
//! a blob that does not decode is analysed again and rewritten. A writer
//! with tables of its own (`--table`) analyses every name and keeps none.
//! A store of version 2 is migrated with no analyses kept; its first writer
//! writes them.
//!
//! # Ids
//!
//! An entity's id is `e`, the store's prefix (four base-32 characters of a
//! random salt drawn when the store is created, kept in the `meta` table),
//! and its creation number scrambled with the rest of the salt (six base-32
//! characters), e.g. `e4kq7m2x9tb`: short, opaque, never derived from a
//! name, and never reused. Two stores created separately have different
//! prefixes (but for one chance in about a million), so they do not hand
//! out the same ids. An id never changes: an entity merged into another
//! keeps its id as a redirect to the survivor, so every id ever handed out
//! still resolves. (Stores of schema version 1 gave ids of `e` and six
//! characters without a prefix; they keep them, and new ids have the new
//! form.) A store hands out at most [`MAX_ENTITIES`] (2^40 − 1) ids: the
//! batch, split or import that would need one more fails with
//! [`ErrorKind::Store`] and writes nothing (mentions of known entities
//! still resolve); start another store then.
//!
//! # Resolving into a store
//!
//! [`Store::resolve`] loads the store's entities and resolves mentions
//! against them with the same rules as [`Resolver`](crate::Resolver) in
//! memory: entities with known names (imported, or added by a decision)
//! match as alias-table entities do; other entities keep their distinct
//! names, and a new complete name joins one only when it fits every
//! complete name it has (no chaining); short names are decided within
//! their document. Mentions are committed in batches of
//! [`BATCH_SIZE`] (100 000 by default), each batch in one transaction: a
//! run stopped midway keeps the batches committed before the stop, whole.
//!
//! # Concurrency
//!
//! One writer at a time: a second writer waits up to the store's wait
//! (5 s by default), then fails with [`ErrorKind::Busy`]. Readers are
//! never blocked by a writer (WAL).

mod decide;
mod schema;

pub use decide::{Action, Decision};
pub use schema::SCHEMA_VERSION;

use crate::alias::{AliasTable, AliasTableBuilder, Entity};
use crate::analyze::Kind;
use crate::error::{Error, ErrorKind};
use crate::resolve::seed::{Seed, SeedAnalysis, SeedEntity, SeedName, SeedState};
use crate::{Mention, Resolution, ResolverBuilder};
use rusqlite::{params, Connection, OpenFlags, OptionalExtension, TransactionBehavior};
use rustc_hash::FxHashMap;
use serde::Serialize;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

/// Mentions committed per transaction by [`Store::resolve`], unless
/// [`Store::set_batch_size`] says otherwise.
pub const BATCH_SIZE: usize = 100_000;

/// How long a writer waits for another one by default.
pub const DEFAULT_WAIT: Duration = Duration::from_secs(5);

/// An entity store: one SQLite file of entities with stable ids, their
/// names and mention counts, and reviewers' decisions.
///
/// ```
/// use canonym::{Mention, Resolver, Store};
///
/// let dir = tempfile::tempdir()?;
/// let path = dir.path().join("entities.db");
/// let resolver = Resolver::builder();
///
/// // Day one.
/// let mut store = Store::open(&path)?;
/// let day1 = store.resolve(&resolver, &[
///     Mention::new("Abdellatif Loudiyi").doc("a"),
///     Mention::new("Nasser Bourita").doc("a"),
/// ])?;
/// let loudiyi = day1.assignments()[0].entity().to_string();
///
/// // Day two: the same person under another spelling keeps the id.
/// let mut store = Store::open(&path)?;
/// let day2 = store.resolve(&resolver, &[Mention::new("Abdeltif Loudyi").doc("b")])?;
/// assert_eq!(day2.assignments()[0].entity(), loudiyi);
///
/// // A reviewer's decision: these two are one entity.
/// let bourita = day1.assignments()[1].entity().to_string();
/// let d = store.merge(&[&loudiyi, &bourita], Some("test"))?;
/// assert_eq!(store.entity(&bourita)?.unwrap().id, loudiyi);
/// store.undo(d.id, None)?;
/// assert_eq!(store.entity(&bourita)?.unwrap().id, bourita);
/// assert_eq!(store.log()?.len(), 2);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug)]
pub struct Store {
    conn: Connection,
    label: String,
    batch: usize,
    read_only: bool,
    /// The entities as this connection last loaded or wrote them, kept
    /// between batches while no other connection writes to the file.
    loaded: Option<Box<Loaded>>,
}

/// A writer's state between batches: the store's live entities as a seed,
/// the alias table of those with known names, their resolution state (names
/// analysed, blocking index built), and what tells whether they are still
/// the file's.
struct Loaded {
    /// `PRAGMA data_version` when loaded: it changes when another
    /// connection commits.
    version: i64,
    /// The identity of the analyzer the names were analysed with, and the
    /// configuration the alias table was built with.
    analyzer: u64,
    config: crate::MatchConfig,
    seed: Seed,
    table: AliasTable,
    /// The seed's resolution state, which holds the names' analyses (the
    /// seed keeps none).
    state: SeedState,
}

impl std::fmt::Debug for Loaded {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Loaded")
            .field("version", &self.version)
            .field("entities", &self.seed.entities.len())
            .finish_non_exhaustive()
    }
}

/// A distinct name of a stored entity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StoredName {
    /// A display form.
    pub name: String,
    /// The comparison key.
    pub key: String,
    /// Its kind.
    pub kind: Kind,
    /// Whether it is a known name (imported or added by a decision).
    pub alias: bool,
    /// Its mentions so far.
    pub count: u64,
}

/// An entity of a [`Store`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StoredEntity {
    /// Its stable id.
    pub id: String,
    /// Its canonical name.
    pub canonical: String,
    /// Person, organisation or unknown.
    pub kind: Kind,
    /// Its id in the table it was imported from, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub external: Option<String>,
    /// Its mentions so far.
    pub count: u64,
    /// Its distinct names, most mentioned first.
    pub names: Vec<StoredName>,
}

pub(crate) fn kind_str(k: Kind) -> &'static str {
    k.as_str()
}

pub(crate) fn kind_of(s: &str) -> Kind {
    // The spellings the store writes first, without the parser's trimming
    // and case folding (every stored name and entity has one).
    match s {
        "person" => Kind::Person,
        "org" => Kind::Org,
        "unknown" => Kind::Unknown,
        _ => s.parse().unwrap_or(Kind::Unknown),
    }
}

/// The id of the `seq`-th entity of a store whose id salt is `salt`: `e`,
/// four base-32 characters of the salt (the store's prefix), and six
/// base-32 characters of a bijective scramble of `seq` keyed by the rest of
/// the salt (eight characters from the 2^30-th entity on). Ids of one
/// store never collide; ids of two stores collide only if their random
/// prefixes do (one chance in about a million), and say nothing of the
/// entity's name or creation order.
pub(crate) fn id_of(seq: i64, salt: i64) -> String {
    const ALPHABET: &[u8; 32] = b"0123456789abcdefghjkmnpqrstvwxyz";
    let salt = salt as u64;
    let (bits, chars) = if seq < 1 << 30 { (30, 6) } else { (40, 8) };
    let mask = (1u64 << bits) - 1;
    let key = salt >> 20;
    let mut x = seq as u64 & mask;
    x = x.wrapping_mul(0x2c9f_4e35).wrapping_add(key) & mask;
    x ^= x >> (bits / 2);
    x = x.wrapping_mul(0x5bd1_e995) & mask;
    x ^= (key >> 11) & mask;
    x ^= x >> (bits / 3 + 1);
    x = x.wrapping_mul(0x27d4_eb2d) & mask;
    let mut s = String::with_capacity(5 + chars);
    s.push('e');
    for i in (0..4).rev() {
        s.push(ALPHABET[((salt >> (5 * i)) & 31) as usize] as char);
    }
    for i in (0..chars).rev() {
        s.push(ALPHABET[((x >> (5 * i)) & 31) as usize] as char);
    }
    s
}

/// The number of ids a store can hand out: its entities are numbered from
/// 1, and the `2^40`-th would need a longer id than the store makes.
pub const MAX_ENTITIES: i64 = (1 << 40) - 1;

/// The id of a new entity numbered `seq`, or an error once the store has
/// handed out [`MAX_ENTITIES`] ids (nothing is written then: the batch or
/// decision that needed it is rolled back whole).
pub(crate) fn new_id(seq: i64, salt: i64, label: &str) -> Result<String, Error> {
    if !(1..=MAX_ENTITIES).contains(&seq) {
        return Err(Error::at(
            ErrorKind::Store,
            label,
            None,
            format!(
                "the store has handed out all its {MAX_ENTITIES} entity ids: \
                 start another store"
            ),
        ));
    }
    Ok(id_of(seq, salt))
}

/// The store's id salt (schema version 2).
pub(crate) fn id_salt(c: &Connection) -> rusqlite::Result<i64> {
    c.query_row("SELECT value FROM meta WHERE key = 'id_salt'", [], |r| {
        r.get(0)
    })
}

impl Store {
    /// Opens the store at `path` for reading and writing, creating it if
    /// the file does not exist, and migrating an older schema. Waits up to
    /// [`DEFAULT_WAIT`] for another writer.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Store`] for a directory, a read-only file, a file that
    /// is not a canonym store or a store from a newer version (nothing is
    /// changed); [`ErrorKind::Busy`] if another writer holds it too long.
    pub fn open(path: impl AsRef<Path>) -> Result<Store, Error> {
        Store::open_waiting(path, DEFAULT_WAIT)
    }

    /// [`Store::open`], waiting up to `wait` for another writer (here and
    /// in every later write).
    pub fn open_waiting(path: impl AsRef<Path>, wait: Duration) -> Result<Store, Error> {
        Store::open_with(path.as_ref(), wait, false)
    }

    /// Opens an existing store for reading only: never blocked by a writer,
    /// never changes the file.
    pub fn open_read_only(path: impl AsRef<Path>) -> Result<Store, Error> {
        Store::open_with(path.as_ref(), DEFAULT_WAIT, true)
    }

    fn open_with(path: &Path, wait: Duration, read_only: bool) -> Result<Store, Error> {
        let label = path.display().to_string();
        let fail = |m: String| Error::at(ErrorKind::Store, &label, None, m);
        let meta = std::fs::metadata(path);
        let exists = match &meta {
            Ok(m) if m.is_dir() => return Err(fail("is a directory, not a store".into())),
            Ok(m) => {
                if !read_only && m.permissions().readonly() {
                    return Err(fail("the file is read-only".into()));
                }
                let mut head = [0u8; 16];
                let n = std::fs::File::open(path)
                    .and_then(|mut f| std::io::Read::read(&mut f, &mut head))
                    .map_err(|e| Error::io(&label, e))?;
                if n < 16 || &head != b"SQLite format 3\0" {
                    return Err(fail("not a canonym store (not an SQLite database)".into()));
                }
                true
            }
            Err(_) if read_only => return Err(fail("no such store".into())),
            Err(_) => false,
        };
        let flags = if read_only {
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX
        } else {
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX
        };
        let conn = Connection::open_with_flags(path, flags).map_err(|e| sql_error(&label, e))?;
        let mut store = Store {
            conn,
            label,
            batch: BATCH_SIZE,
            read_only,
            loaded: None,
        };
        store
            .conn
            .busy_timeout(wait)
            .map_err(|e| sql_error(&store.label, e))?;
        store.check_and_migrate(exists)?;
        Ok(store)
    }

    fn check_and_migrate(&mut self, exists: bool) -> Result<(), Error> {
        let label = self.label.clone();
        let fail = |m: String| Error::at(ErrorKind::Store, &label, None, m);
        let q = |c: &Connection, p: &str| -> rusqlite::Result<i64> {
            c.query_row(&format!("PRAGMA {p}"), [], |r| r.get(0))
        };
        let app = q(&self.conn, "application_id").map_err(|e| self.err(e))?;
        let version = q(&self.conn, "user_version").map_err(|e| self.err(e))?;
        let tables: i64 = self
            .conn
            .query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))
            .map_err(|e| self.err(e))?;
        if exists && !(app == schema::APPLICATION_ID || (app == 0 && tables == 0)) {
            return Err(fail("not a canonym store (another SQLite database)".into()));
        }
        if version > SCHEMA_VERSION {
            return Err(fail(format!(
                "written by a newer canonym (schema version {version}; this one reads up to {SCHEMA_VERSION})"
            )));
        }
        if self.read_only {
            if version < SCHEMA_VERSION {
                return Err(fail(format!(
                    "schema version {version} needs migrating: open it for writing once"
                )));
            }
            return Ok(());
        }
        // A writer's settings. None weakens what a committed batch keeps:
        // `synchronous = NORMAL` in WAL mode syncs the log at checkpoints
        // rather than at each commit, so a killed process loses nothing
        // committed and a power cut may lose the last commits but never
        // leaves the file damaged; a larger page cache (32 MiB rather than
        // 2) and temporary tables in memory change only where pages wait
        // before they are written. The log is checkpointed once it holds
        // 8192 pages (32 MiB) rather than 1000: a batch of 100k mentions
        // writes more than 1000, so that every batch was copied into the
        // file at its commit, and pages written by several batches (the
        // indexes') were copied once for each.
        self.conn
            .execute_batch(
                "PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;
                 PRAGMA cache_size = -32768; PRAGMA temp_store = MEMORY;
                 PRAGMA wal_autocheckpoint = 8192;",
            )
            .map_err(|e| self.err(e))?;
        if version < SCHEMA_VERSION {
            self.conn
                .pragma_update(None, "journal_mode", "wal")
                .map_err(|e| self.err(e))?;
            let tx = self
                .conn
                .transaction_with_behavior(TransactionBehavior::Immediate)
                .map_err(|e| sql_error(&label, e))?;
            // Another process may have migrated it meanwhile.
            let now: i64 = tx
                .query_row("PRAGMA user_version", [], |r| r.get(0))
                .map_err(|e| sql_error(&label, e))?;
            if now < SCHEMA_VERSION {
                schema::migrate(&tx, now).map_err(|e| sql_error(&label, e))?;
            }
            tx.commit().map_err(|e| sql_error(&label, e))?;
        }
        Ok(())
    }

    pub(crate) fn err(&self, e: rusqlite::Error) -> Error {
        sql_error(&self.label, e)
    }

    fn writable(&self) -> Result<(), Error> {
        if self.read_only {
            return Err(Error::at(
                ErrorKind::Store,
                &self.label,
                None,
                "opened for reading only",
            ));
        }
        Ok(())
    }

    /// Closes the file (checkpointing its log when this is the last
    /// connection), reporting what dropping the store would leave unsaid.
    pub fn close(mut self) -> Result<(), Error> {
        self.loaded = None;
        self.close_file()
    }

    /// [`Store::close`] for a program about to exit: the entities a writer
    /// keeps in memory between batches (a million stored mentions make
    /// millions of small allocations) are left to the process's exit
    /// rather than freed one by one, which costs about a tenth of resolving
    /// a batch into such a store. The memory stays taken until the process
    /// ends, so call it only at the end of one.
    pub fn close_for_exit(mut self) -> Result<(), Error> {
        if let Some(loaded) = self.loaded.take() {
            std::mem::forget(loaded);
        }
        self.close_file()
    }

    fn close_file(self) -> Result<(), Error> {
        let label = self.label;
        self.conn.close().map_err(|(_, e)| sql_error(&label, e))
    }

    /// The mentions committed per transaction by [`Store::resolve`]
    /// (default [`BATCH_SIZE`]; 0 counts as 1).
    pub fn set_batch_size(&mut self, n: usize) {
        self.batch = n.max(1);
    }

    /// Runs SQLite's `PRAGMA integrity_check`: `Ok` when the file is sound.
    pub fn check_integrity(&self) -> Result<(), Error> {
        let r: String = self
            .conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .map_err(|e| self.err(e))?;
        if r == "ok" {
            Ok(())
        } else {
            Err(Error::at(ErrorKind::Store, &self.label, None, r))
        }
    }

    /// The live id an id stands for: itself, or the survivor it was merged
    /// into; `None` for an id the store never handed out.
    pub fn live_id(&self, id: &str) -> Result<Option<String>, Error> {
        live_id(&self.conn, id).map_err(|e| self.err(e))
    }

    /// The entity an id stands for (following merges), with its names.
    pub fn entity(&self, id: &str) -> Result<Option<StoredEntity>, Error> {
        let Some(live) = self.live_id(id)? else {
            return Ok(None);
        };
        let mut all = self.query_entities(Some(&live))?;
        Ok(all.pop())
    }

    /// Every live entity (not merged into another), in creation order.
    pub fn entities(&self) -> Result<Vec<StoredEntity>, Error> {
        self.query_entities(None)
    }

    fn query_entities(&self, only: Option<&str>) -> Result<Vec<StoredEntity>, Error> {
        let go = || -> rusqlite::Result<Vec<StoredEntity>> {
            let mut out = Vec::new();
            let mut index: FxHashMap<String, usize> = FxHashMap::default();
            let mut st = self.conn.prepare(
                "SELECT id, canonical, kind, external FROM entities
                 WHERE redirect IS NULL AND (?1 IS NULL OR id = ?1) ORDER BY seq",
            )?;
            let mut rows = st.query(params![only])?;
            while let Some(r) = rows.next()? {
                let id: String = r.get(0)?;
                index.insert(id.clone(), out.len());
                out.push(StoredEntity {
                    id,
                    canonical: r.get(1)?,
                    kind: kind_of(text(r, 2)?),
                    external: r.get(3)?,
                    count: 0,
                    names: Vec::new(),
                });
            }
            let mut st = self.conn.prepare(
                "SELECT entity, name, key, kind, alias, count FROM names
                 WHERE ?1 IS NULL OR entity = ?1",
            )?;
            let mut rows = st.query(params![only])?;
            while let Some(r) = rows.next()? {
                if let Some(&i) = index.get(text(r, 0)?) {
                    let count: i64 = r.get(5)?;
                    out[i].count += count as u64;
                    out[i].names.push(StoredName {
                        name: r.get(1)?,
                        key: r.get(2)?,
                        kind: kind_of(text(r, 3)?),
                        alias: r.get::<_, i64>(4)? != 0,
                        count: count as u64,
                    });
                }
            }
            for e in &mut out {
                e.names
                    .sort_by(|a, b| b.count.cmp(&a.count).then(a.name.cmp(&b.name)));
            }
            Ok(out)
        };
        go().map_err(|e| self.err(e))
    }

    /// The committed batches: (mentions, new entities) per batch, in order.
    pub fn batches(&self) -> Result<Vec<(u64, u64)>, Error> {
        let go = || -> rusqlite::Result<Vec<(u64, u64)>> {
            let mut st = self
                .conn
                .prepare("SELECT mentions, entities FROM batches ORDER BY id")?;
            let rows = st.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?)))?;
            rows.map(|r| r.map(|(a, b)| (a as u64, b as u64))).collect()
        };
        go().map_err(|e| self.err(e))
    }

    /// Seeds the store from an alias table: each entity becomes a stored
    /// entity whose names are known names, keeping the table's id as its
    /// external id. An entity whose external id is already in the store
    /// gains the names it lacks instead. Returns the entities created.
    pub fn import(
        &mut self,
        table: &AliasTable,
        resolver: &ResolverBuilder,
    ) -> Result<usize, Error> {
        self.writable()?;
        self.loaded = None;
        let (analyzer, _) = resolver.analysis();
        let analyzer = analyzer.clone();
        let label = self.label.clone();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| sql_error(&label, e))?;
        let go = |tx: &rusqlite::Transaction| -> Result<usize, Error> {
            let e = |e| sql_error(&label, e);
            let mut created = 0;
            let mut seq = next_seq(tx).map_err(e)?;
            let salt = id_salt(tx).map_err(e)?;
            for ent in table.entities() {
                let known: Option<String> = tx
                    .query_row(
                        "SELECT id FROM entities WHERE external = ?1 AND redirect IS NULL",
                        params![ent.id],
                        |r| r.get(0),
                    )
                    .optional()
                    .map_err(e)?;
                let id = match known {
                    Some(id) => id,
                    None => {
                        let id = new_id(seq, salt, &label)?;
                        tx.execute(
                            "INSERT INTO entities (seq, id, canonical, kind, external, created)
                             VALUES (?1, ?2, ?3, ?4, ?5, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))",
                            params![seq, id, ent.canonical, kind_str(ent.kind), ent.id],
                        )
                        .map_err(e)?;
                        seq += 1;
                        created += 1;
                        id
                    }
                };
                for text in std::iter::once(&ent.canonical).chain(&ent.aliases) {
                    let name = match ent.kind {
                        Kind::Unknown => analyzer.analyze(text),
                        k => analyzer.analyze_as(text, k),
                    };
                    if name.is_empty() {
                        continue;
                    }
                    tx.execute(
                        "INSERT INTO names (entity, key, kind, name, alias, count)
                         VALUES (?1, ?2, ?3, ?4, 1, 0)
                         ON CONFLICT (entity, key, kind) DO UPDATE SET alias = 1",
                        params![id, name.key(), kind_str(name.kind()), text],
                    )
                    .map_err(e)?;
                }
            }
            Ok(created)
        };
        let n = go(&tx)?;
        tx.commit().map_err(|e| sql_error(&label, e))?;
        Ok(n)
    }

    /// Resolves `mentions` into the store with the resolver that `resolver`
    /// configures (its alias table is replaced by the store's entities with
    /// known names), committing every [`BATCH_SIZE`] mentions; returns the
    /// resolution of all of them, with the stored ids.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Busy`] when another writer holds the store longer than
    /// the wait; batches committed before an error stay committed.
    pub fn resolve(
        &mut self,
        resolver: &ResolverBuilder,
        mentions: &[Mention],
    ) -> Result<Resolution, Error> {
        let mut parts = Vec::new();
        self.resolve_each(resolver, mentions, |_, r| {
            parts.push(r);
            Ok(())
        })?;
        Ok(Resolution::concat(parts))
    }

    /// [`Store::resolve`], handing each batch's resolution to `each` (with
    /// the index of its first mention) as soon as it is committed.
    pub fn resolve_each(
        &mut self,
        resolver: &ResolverBuilder,
        mentions: &[Mention],
        mut each: impl FnMut(usize, Resolution) -> Result<(), Error>,
    ) -> Result<(), Error> {
        self.writable()?;
        if mentions.is_empty() {
            return each(0, Resolution::default());
        }
        for (i, chunk) in mentions.chunks(self.batch).enumerate() {
            let r = self.resolve_batch(resolver, chunk)?;
            each(i * self.batch, r)?;
        }
        Ok(())
    }

    /// One batch in one transaction. Foreign keys and CHECK constraints
    /// are not checked during it: every id it writes is one it has just
    /// created or read in the same transaction, and every kind, flag and
    /// count comes from a typed value that cannot break them; checking
    /// them costs more than the batch's writes themselves (the checks on
    /// `entities` touch every table that refers to it, and each `kind IN
    /// (...)` check builds a temporary table per row written).
    fn resolve_batch(
        &mut self,
        resolver: &ResolverBuilder,
        mentions: &[Mention],
    ) -> Result<Resolution, Error> {
        self.conn
            .execute_batch("PRAGMA foreign_keys = OFF; PRAGMA ignore_check_constraints = ON")
            .map_err(|e| self.err(e))?;
        let out = self.resolve_batch_unchecked(resolver, mentions);
        let on = self
            .conn
            .execute_batch("PRAGMA foreign_keys = ON; PRAGMA ignore_check_constraints = OFF")
            .map_err(|e| self.err(e));
        let out = out?;
        on?;
        Ok(out)
    }

    fn resolve_batch_unchecked(
        &mut self,
        resolver: &ResolverBuilder,
        mentions: &[Mention],
    ) -> Result<Resolution, Error> {
        let label = self.label.clone();
        let e = |e| sql_error(&label, e);
        // Whatever happens, the kept state is valid again only once this
        // batch is committed.
        let kept = self.loaded.take();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(e)?;
        let version: i64 = tx
            .query_row("PRAGMA data_version", [], |r| r.get(0))
            .map_err(e)?;
        let (analyzer, config) = resolver.analysis();
        let stamp = analysis_stamp(analyzer);
        let mut loaded = match kept {
            Some(l)
                if l.version == version
                    && l.analyzer == analyzer.identity()
                    && l.config == config
                    && l.state.caps() == resolver.index_caps() =>
            {
                // The names the last batch added came with their analyses.
                l
            }
            _ => {
                // A first batch reads the kept analyses of the names, and
                // analyses (and keeps) those it has none for; they stay
                // with the batches after it.
                let (mut seed, aliases) = load_seed(&tx, stamp.as_deref()).map_err(e)?;
                keep_analyses(
                    &tx,
                    stamp.as_deref(),
                    analyzer,
                    resolver.thread_count(),
                    &mut seed,
                )
                .map_err(e)?;
                let table = AliasTableBuilder::new()
                    .allow_ambiguous(true)
                    .analyzer(analyzer.clone())
                    .config(config)
                    .add_entities(&label, aliases)?
                    .build()?;
                // The state is built once, for this batch and those after
                // it; it holds the analyses from now on.
                let state = resolver
                    .clone()
                    .aliases(table.clone())
                    .build()
                    .seed_state(&mut seed);
                Box::new(Loaded {
                    version,
                    analyzer: analyzer.identity(),
                    config,
                    seed,
                    table,
                    state,
                })
            }
        };
        let r = resolver.clone().aliases(loaded.table.clone()).build();
        // New entities get their ids as they are named, numbered in the
        // order of the resolution's entities (nothing is written until the
        // last number is known to be one the store can hand out).
        let first = next_seq(&tx).map_err(e)?;
        let salt = id_salt(&tx).map_err(e)?;
        let mut seq = first;
        let mut seeded = r.resolve_seeded(&mut loaded.state, mentions, &mut || {
            let id = id_of(seq, salt);
            seq += 1;
            id
        });
        if seq > first {
            new_id(seq - 1, salt, &label)?;
        }
        // Known entities may get a better name.
        let mut seq = first;
        let mut new = 0u64;
        let now: String = tx
            .query_row("SELECT strftime('%Y-%m-%dT%H:%M:%SZ', 'now')", [], |r| {
                r.get(0)
            })
            .map_err(e)?;
        {
            let mut rename = tx
                .prepare_cached(
                    "UPDATE entities SET canonical = ?2 WHERE id = ?1 AND canonical <> ?2",
                )
                .map_err(e)?;
            let mut rows: Vec<(i64, &str, &str, &str)> = Vec::new();
            for (i, ent) in seeded.resolution.entities().iter().enumerate() {
                match seeded.origin[i] {
                    None => {
                        rows.push((seq, &ent.id, &ent.canonical, kind_str(ent.kind)));
                        seq += 1;
                        new += 1;
                    }
                    Some(k) => {
                        // (Written only when it changed: the kept entities
                        // hold the canonical names as stored.)
                        let se = &loaded.seed.entities[k];
                        if se.alias.is_none() && *se.canonical != *ent.canonical {
                            rename.execute(params![ent.id, ent.canonical]).map_err(e)?;
                        }
                    }
                }
            }
            insert_rows(
                &tx,
                "INSERT OR FAIL INTO entities (seq, id, canonical, kind, created) VALUES ",
                "(?, ?, ?, ?, ?)",
                "",
                &rows,
                |r, out| {
                    out.push(&r.0);
                    out.push(&r.1);
                    out.push(&r.2);
                    out.push(&r.3);
                    out.push(&now);
                },
            )
            .map_err(e)?;
        }
        // The names new to their entity are analysed once, here, and kept
        // with them (in the file, and for the next batch).
        let fresh: Vec<bool> = seeded
            .names
            .iter()
            .map(|n| match seeded.origin[n.entity] {
                Some(k) => !loaded.seed.entities[k]
                    .names
                    .iter()
                    .any(|x| x.kind == n.kind && x.key == n.key),
                None => true,
            })
            .collect();
        // (The batch's own analysis of a name serves when it is the one the
        // store makes of the name's display form.)
        let mut own: Vec<(Option<crate::Name>, Option<Vec<u64>>)> = seeded
            .names
            .iter_mut()
            .map(|n| (n.analysed.take(), n.keys.take()))
            .collect();
        let texts: Vec<(String, Kind)> = seeded
            .names
            .iter()
            .zip(&fresh)
            .zip(&own)
            .filter(|((_, &f), o)| f && o.0.is_none())
            .map(|((n, _), _)| (n.display.clone(), n.kind))
            .collect();
        let threads = resolver.thread_count();
        let mut analysed = analyse_many(analyzer, &texts, threads).into_iter();
        let mut analyses: Vec<(Option<crate::Name>, Option<Vec<u64>>)> =
            Vec::with_capacity(fresh.len());
        {
            // One buffer of the blobs kept, and each name's span of it.
            let mut blobs = Vec::new();
            let mut spans = Vec::with_capacity(fresh.len());
            for (&f, o) in fresh.iter().zip(&mut own) {
                let (name, keys) = match (f, std::mem::take(o)) {
                    (false, _) => (None, None),
                    (true, (Some(name), keys)) => {
                        debug_assert!(
                            name == analyse_many(
                                analyzer,
                                &[(name.original().into(), name.kind())],
                                1
                            )[0],
                            "the batch's analysis of {:?} is the store's",
                            name.original()
                        );
                        (Some(name), keys)
                    }
                    (true, (None, _)) => (analysed.next(), None),
                };
                let start = blobs.len();
                if let (Some(name), Some(_)) = (&name, &stamp) {
                    name.encode(&mut blobs);
                }
                spans.push(start..blobs.len());
                analyses.push((name, keys));
            }
            let mut rows: Vec<NameRow> = Vec::new();
            let mut grown: Vec<(&str, &str, &str, i64, &str)> = Vec::new();
            for ((n, span), &f) in seeded.names.iter().zip(spans).zip(&fresh) {
                let id = seeded.resolution.entities()[n.entity].id.as_str();
                if f {
                    rows.push((
                        id,
                        n.key.as_str(),
                        kind_str(n.kind),
                        n.display.as_str(),
                        n.count as i64,
                        (!span.is_empty()).then(|| &blobs[span]),
                    ));
                } else {
                    grown.push((
                        id,
                        n.key.as_str(),
                        kind_str(n.kind),
                        n.count as i64,
                        n.display.as_str(),
                    ));
                }
            }
            // In the order of the table's key, so that each page of it is
            // visited once. New names are plain inserts and known ones
            // single-row updates: neither needs the statement journal that
            // a multi-row upsert keeps (a copy of every page it touches).
            // (A failed statement fails the batch, whose transaction is
            // rolled back whole.)
            rows.sort_unstable_by(|a, b| (a.0, a.1, a.2).cmp(&(b.0, b.1, b.2)));
            insert_rows(
                &tx,
                "INSERT OR FAIL INTO names (entity, key, kind, name, alias, count, analysis) VALUES ",
                "(?, ?, ?, ?, 0, ?, ?)",
                "",
                &rows,
                |r, out| {
                    out.push(&r.0);
                    out.push(&r.1);
                    out.push(&r.2);
                    out.push(&r.3);
                    out.push(&r.4);
                    out.push(&r.5);
                },
            )
            .map_err(e)?;
            grown.sort_unstable();
            let mut grow = tx
                .prepare_cached(
                    "UPDATE names SET count = count + ?4 WHERE entity = ?1 AND key = ?2 AND kind = ?3",
                )
                .map_err(e)?;
            for (id, key, kind, count, display) in grown {
                if grow.execute(params![id, key, kind, count]).map_err(e)? == 0 {
                    // (The kept entities said it was there: written as new.)
                    tx.execute(
                        "INSERT INTO names (entity, key, kind, name, alias, count) \
                         VALUES (?1, ?2, ?3, ?5, 0, ?4)",
                        params![id, key, kind, count, display],
                    )
                    .map_err(e)?;
                }
            }
        }
        tx.execute(
            "INSERT INTO batches (at, mentions, entities)
             VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), ?1, ?2)",
            params![mentions.len() as i64, new as i64],
        )
        .map_err(e)?;
        tx.commit().map_err(e)?;
        // The kept state follows what was written, as a reload would read
        // it: new entities in creation order, new names after the old ones
        // of their entity, counts added. (When the resolution state cannot
        // follow, the next batch reloads.)
        if loaded.update(&mut seeded, analyses) {
            self.loaded = Some(loaded);
        }
        Ok(seeded.resolution)
    }

    /// Writes every live entity as one JSON object a line.
    pub fn export_jsonl(&self, out: &mut dyn std::io::Write) -> Result<(), Error> {
        let io = |e: std::io::Error| Error::io("output", e);
        let mut line = Vec::new();
        for e in self.entities()? {
            line.clear();
            serde_json::to_writer(&mut line, &e).expect("serialising to memory cannot fail");
            line.push(b'\n');
            out.write_all(&line).map_err(io)?;
        }
        Ok(())
    }

    /// Writes every name of every live entity as CSV: `id, canonical, kind,
    /// name, key, alias, count`, one row per name.
    pub fn export_csv(&self, out: &mut dyn std::io::Write) -> Result<(), Error> {
        // A write error keeps its I/O error as its source.
        let io = |e: csv::Error| {
            let message = e.to_string();
            match e.into_kind() {
                csv::ErrorKind::Io(e) => Error::io("output", e),
                _ => Error::at(ErrorKind::Io, "output", None, message),
            }
        };
        let mut w = csv::Writer::from_writer(out);
        w.write_record(["id", "canonical", "kind", "name", "key", "alias", "count"])
            .map_err(io)?;
        for e in self.entities()? {
            for n in &e.names {
                w.write_record([
                    e.id.as_str(),
                    &e.canonical,
                    kind_str(e.kind),
                    &n.name,
                    &n.key,
                    if n.alias { "1" } else { "0" },
                    &n.count.to_string(),
                ])
                .map_err(io)?;
            }
        }
        w.flush()
            .map_err(|e| Error::at(ErrorKind::Io, "output", None, e.to_string()))
    }
}

/// A row of `names` as a batch writes it: entity, key, kind, display
/// form, count, analysis.
type NameRow<'a> = (&'a str, &'a str, &'a str, &'a str, i64, Option<&'a [u8]>);

/// Rows per statement of [`insert_rows`].
const ROWS_PER_INSERT: usize = 64;

/// Writes `rows` with `head`, one `row` of placeholders per row and `tail`
/// ([`ROWS_PER_INSERT`] rows a statement, each statement prepared once and
/// cached), binding each row's values as `bind` lists them. The statement
/// of full chunks is held for all of them: a cached statement has its
/// values cleared when it goes back to the cache, and SQLite would then
/// allocate and free a copy of every text and blob bound for each chunk.
fn insert_rows<'r, T>(
    c: &Connection,
    head: &str,
    row: &str,
    tail: &str,
    rows: &'r [T],
    bind: impl Fn(&'r T, &mut Vec<&'r (dyn rusqlite::ToSql + 'r)>),
) -> rusqlite::Result<()> {
    let sql = |n: usize| {
        let mut s = String::from(head);
        for i in 0..n {
            if i > 0 {
                s.push_str(", ");
            }
            s.push_str(row);
        }
        s.push_str(tail);
        s
    };
    let mut values: Vec<&'r (dyn rusqlite::ToSql + 'r)> = Vec::new();
    let mut full = None;
    for chunk in rows.chunks(ROWS_PER_INSERT) {
        values.clear();
        for r in chunk {
            bind(r, &mut values);
        }
        let params = rusqlite::params_from_iter(values.iter());
        if chunk.len() == ROWS_PER_INSERT {
            let st = match &mut full {
                Some(st) => st,
                None => full.insert(c.prepare_cached(&sql(ROWS_PER_INSERT))?),
            };
            st.execute(params)?;
        } else {
            c.prepare_cached(&sql(chunk.len()))?.execute(params)?;
        }
    }
    Ok(())
}

fn next_seq(c: &Connection) -> rusqlite::Result<i64> {
    c.query_row("SELECT COALESCE(MAX(seq), 0) + 1 FROM entities", [], |r| {
        r.get(0)
    })
}

pub(crate) fn live_id(c: &Connection, id: &str) -> rusqlite::Result<Option<String>> {
    let mut cur = id.to_string();
    // Redirects form chains without cycles; the bound guards damaged files.
    for _ in 0..10_000 {
        let r: Option<Option<String>> = c
            .query_row(
                "SELECT redirect FROM entities WHERE id = ?1",
                params![cur],
                |r| r.get(0),
            )
            .optional()?;
        match r {
            None => return Ok(None),
            Some(None) => return Ok(Some(cur)),
            Some(Some(next)) => cur = next,
        }
    }
    Ok(None)
}

/// The store's live entities as a seed, and those with known names as
/// alias-table entities (in seed order: alias index `k` is the `k`-th).
/// Kept analyses are read when `stamp` is that of the file's analyses.
fn load_seed(c: &Connection, stamp: Option<&str>) -> rusqlite::Result<(Seed, Vec<Entity>)> {
    let trusted = match stamp {
        Some(stamp) => {
            let kept: Option<String> = c
                .query_row("SELECT value FROM meta WHERE key = 'analysis'", [], |r| {
                    r.get(0)
                })
                .optional()?;
            kept.as_deref() == Some(stamp)
        }
        None => false,
    };
    let mut seed = Seed::default();
    let mut index = IdIndex::default();
    let mut st =
        c.prepare("SELECT id, kind, canonical FROM entities WHERE redirect IS NULL ORDER BY seq")?;
    let mut rows = st.query([])?;
    while let Some(r) = rows.next()? {
        let id: Arc<str> = Arc::from(text(r, 0)?);
        index.insert(&id, seed.entities.len());
        seed.entities.push(SeedEntity {
            id,
            kind: kind_of(text(r, 1)?),
            canonical: text(r, 2)?.into(),
            alias: None,
            names: Vec::new(),
        });
    }
    let mut known: Vec<Vec<String>> = vec![Vec::new(); seed.entities.len()];
    let mut st = c.prepare(if trusted {
        "SELECT entity, key, kind, name, alias, count, analysis FROM names"
    } else {
        "SELECT entity, key, kind, name, alias, count, NULL FROM names"
    })?;
    let mut rows = st.query([])?;
    // Rows come in the order they were written, a batch's in the order of
    // their entity: most rows are of the entity of the row before.
    let (mut last, mut last_i) = (String::new(), None);
    while let Some(r) = rows.next()? {
        let id = text(r, 0)?;
        if last != id {
            last.clear();
            last.push_str(id);
            last_i = index.get(id);
        }
        let Some(i) = last_i else {
            continue;
        };
        let name = text(r, 3)?;
        if r.get::<_, i64>(4)? != 0 {
            known[i].push(name.to_string());
        }
        let analysed = match r.get_ref(6)? {
            rusqlite::types::ValueRef::Blob(b) => crate::Name::decode(b).map(SeedAnalysis::new),
            _ => None,
        };
        seed.entities[i].names.push(SeedName {
            // (Only a name without its analysis needs its display form:
            // the analysis has it.)
            display: match analysed {
                Some(_) => String::new(),
                None => name.to_string(),
            },
            key: r.get(1)?,
            kind: kind_of(text(r, 2)?),
            count: r.get::<_, i64>(5)?.clamp(0, u32::MAX as i64) as u32,
            analysed,
        });
    }
    // Canonical names are needed for the entities with known names only.
    let mut canon: FxHashMap<usize, String> = FxHashMap::default();
    let mut st = c.prepare(
        "SELECT id, canonical FROM entities WHERE redirect IS NULL
         AND id IN (SELECT entity FROM names WHERE alias <> 0)",
    )?;
    let mut rows = st.query([])?;
    while let Some(r) = rows.next()? {
        if let Some(i) = index.get(text(r, 0)?) {
            canon.insert(i, r.get(1)?);
        }
    }
    let mut aliases = Vec::new();
    for (i, names) in known.into_iter().enumerate() {
        if names.is_empty() {
            continue;
        }
        seed.entities[i].alias = Some(aliases.len());
        let canonical = canon.remove(&i).unwrap_or_default();
        aliases.push(Entity {
            id: seed.entities[i].id.to_string(),
            aliases: names.into_iter().filter(|n| *n != canonical).collect(),
            canonical,
            kind: seed.entities[i].kind,
            attributes: Default::default(),
        });
    }
    // Redirects: a cannot-link on a merged entity holds for its survivor.
    let mut redirect: FxHashMap<String, String> = FxHashMap::default();
    let mut st = c.prepare("SELECT id, redirect FROM entities WHERE redirect IS NOT NULL")?;
    let mut rows = st.query([])?;
    while let Some(r) = rows.next()? {
        redirect.insert(r.get(0)?, r.get(1)?);
    }
    let mut st = c.prepare("SELECT entity, key, kind FROM cannot")?;
    let mut rows = st.query([])?;
    while let Some(r) = rows.next()? {
        let mut e: String = r.get(0)?;
        let mut hops = 0;
        while let Some(next) = redirect.get(&e) {
            e = next.clone();
            hops += 1;
            if hops > redirect.len() {
                break;
            }
        }
        if let Some(i) = index.get(e.as_str()) {
            seed.cannot.push((r.get(1)?, kind_of(text(r, 2)?), i));
        }
    }
    Ok((seed, aliases))
}

/// Entity id → its index, for reading a store's rows: ids (at most 13
/// bytes as the store makes them) are held inline, so that looking one up
/// reads no other memory than the table's.
#[derive(Default)]
struct IdIndex {
    short: FxHashMap<u128, usize>,
    /// Ids too long to be held inline (none that the store made).
    long: FxHashMap<Box<str>, usize>,
}

impl IdIndex {
    /// `id`'s bytes and length as one number, for an id of at most 15
    /// bytes.
    fn inline(id: &str) -> Option<u128> {
        let b = id.as_bytes();
        (b.len() < 16).then(|| {
            let mut x = [0u8; 16];
            x[..b.len()].copy_from_slice(b);
            x[15] = b.len() as u8;
            u128::from_le_bytes(x)
        })
    }

    fn insert(&mut self, id: &str, i: usize) {
        match IdIndex::inline(id) {
            Some(x) => self.short.insert(x, i),
            None => self.long.insert(id.into(), i),
        };
    }

    fn get(&self, id: &str) -> Option<usize> {
        match IdIndex::inline(id) {
            Some(x) => self.short.get(&x).copied(),
            None => self.long.get(id).copied(),
        }
    }
}

impl Loaded {
    /// Brings the kept entities and their resolution state up to date with
    /// a committed batch, whose names new to their entity have their
    /// analyses in `analyses` (one per name of the batch); the batch's
    /// names are taken from it. `false` when the resolution state must be
    /// built again.
    fn update(
        &mut self,
        seeded: &mut crate::resolve::seed::Seeded,
        analyses: Vec<(Option<crate::Name>, Option<Vec<u64>>)>,
    ) -> bool {
        let entities = seeded.resolution.entities();
        let mut of: Vec<usize> = Vec::with_capacity(entities.len());
        for (i, ent) in entities.iter().enumerate() {
            let k = match seeded.origin[i] {
                Some(k) => k,
                None => {
                    let id: Arc<str> = Arc::from(ent.id.as_str());
                    self.seed.entities.push(SeedEntity {
                        id,
                        kind: ent.kind,
                        canonical: ent.canonical.as_str().into(),
                        alias: None,
                        names: Vec::new(),
                    });
                    self.seed.entities.len() - 1
                }
            };
            let se = &mut self.seed.entities[k];
            if se.alias.is_none() && *se.canonical != *ent.canonical {
                se.canonical = ent.canonical.as_str().into();
            }
            of.push(k);
        }
        let mut fresh = Vec::new();
        let mut counts = Vec::new();
        for (n, (analysed, keys)) in std::mem::take(&mut seeded.names).into_iter().zip(analyses) {
            let k = of[n.entity];
            let names = &mut self.seed.entities[k].names;
            match names
                .iter_mut()
                .position(|x| x.kind == n.kind && x.key == n.key)
            {
                Some(j) => {
                    names[j].count = names[j].count.saturating_add(n.count);
                    counts.push((k, j, n.count));
                }
                None => {
                    let Some(analysed) = analysed else {
                        return false;
                    };
                    fresh.push((k, names.len(), analysed, keys));
                    names.push(SeedName {
                        // (The state has its analysis.)
                        display: String::new(),
                        key: n.key,
                        kind: n.kind,
                        count: n.count,
                        analysed: None,
                    });
                }
            }
        }
        self.state.extend(&self.seed, fresh, &counts)
    }
}

/// The analysis whose results a store keeps, for `analyzer`: this build of
/// the library (its version and a hash of its sources and tables) and the
/// blob format. `None` for an analyzer with tables of its own: its analyses
/// are neither kept nor read.
fn analysis_stamp(analyzer: &crate::Analyzer) -> Option<String> {
    analyzer.is_default().then(|| {
        format!(
            "canonym {} sources {} format {}",
            env!("CARGO_PKG_VERSION"),
            env!("CANONYM_SOURCE_HASH"),
            crate::analyze::codec::FORMAT
        )
    })
}

/// Analyses every name of `seed` that came without an analysis, on several
/// threads, and keeps the analyses in the file when they can be kept
/// (`stamp`): a file whose analyses are another build's has them all
/// dropped first, and is stamped with this one.
fn keep_analyses(
    c: &Connection,
    stamp: Option<&str>,
    analyzer: &crate::Analyzer,
    threads: usize,
    seed: &mut Seed,
) -> rusqlite::Result<()> {
    let texts: Vec<(String, Kind)> = seed
        .entities
        .iter()
        .flat_map(|e| e.names.iter())
        .filter(|n| n.analysed.is_none())
        .map(|n| (n.display.clone(), n.kind))
        .collect();
    let mut analysed = analyse_many(analyzer, &texts, threads).into_iter();
    let Some(stamp) = stamp else {
        for n in seed.entities.iter_mut().flat_map(|e| e.names.iter_mut()) {
            if n.analysed.is_none() {
                n.analysed = analysed.next().map(SeedAnalysis::new);
            }
        }
        return Ok(());
    };
    let kept: Option<String> = c
        .query_row("SELECT value FROM meta WHERE key = 'analysis'", [], |r| {
            r.get(0)
        })
        .optional()?;
    if kept.as_deref() != Some(stamp) {
        c.execute(
            "UPDATE names SET analysis = NULL WHERE analysis IS NOT NULL",
            [],
        )?;
        c.execute(
            "INSERT OR REPLACE INTO meta (key, value) VALUES ('analysis', ?1)",
            params![stamp],
        )?;
    }
    if texts.is_empty() {
        return Ok(());
    }
    let mut st = c.prepare_cached(
        "UPDATE names SET analysis = ?4 WHERE entity = ?1 AND key = ?2 AND kind = ?3",
    )?;
    let mut blob = Vec::new();
    for e in &mut seed.entities {
        for n in &mut e.names {
            if n.analysed.is_some() {
                continue;
            }
            let name = analysed.next().expect("one analysis per name");
            blob.clear();
            name.encode(&mut blob);
            st.execute(params![&*e.id, n.key, kind_str(n.kind), blob])?;
            n.analysed = Some(SeedAnalysis::new(name));
        }
    }
    Ok(())
}

/// The analyses of `texts` as the seeded resolver makes them (a known kind
/// is kept), in order, on up to `threads` threads (as many as the
/// resolver analyses on, so that `-j 1` means one).
fn analyse_many(
    analyzer: &crate::Analyzer,
    texts: &[(String, Kind)],
    threads: usize,
) -> Vec<crate::Name> {
    let one = |(t, k): &(String, Kind)| match k {
        Kind::Unknown => analyzer.analyze(t),
        k => analyzer.analyze_as(t, *k),
    };
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(threads));
    if threads < 2 || texts.len() < 4096 {
        return texts.iter().map(one).collect();
    }
    let chunk = texts.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let parts: Vec<_> = texts
            .chunks(chunk)
            .map(|c| scope.spawn(move || c.iter().map(one).collect::<Vec<_>>()))
            .collect();
        let mut out = Vec::with_capacity(texts.len());
        for p in parts {
            match p.join() {
                Ok(v) => out.extend(v),
                Err(panic) => std::panic::resume_unwind(panic),
            }
        }
        out
    })
}

/// Column `i` of a row as text, without a copy.
fn text<'r>(r: &'r rusqlite::Row<'_>, i: usize) -> rusqlite::Result<&'r str> {
    r.get_ref(i)?.as_str().map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, Box::new(e))
    })
}

/// A store error from SQLite: busy, or anything else as a store problem.
pub(crate) fn sql_error(label: &str, e: rusqlite::Error) -> Error {
    use rusqlite::ErrorCode;
    if let rusqlite::Error::SqliteFailure(f, _) = &e {
        match f.code {
            ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked => {
                return Error::at(
                    ErrorKind::Busy,
                    label,
                    None,
                    "store is busy: another process is writing to it",
                )
            }
            ErrorCode::NotADatabase => {
                return Error::at(
                    ErrorKind::Store,
                    label,
                    None,
                    "not a canonym store (not an SQLite database)",
                )
            }
            ErrorCode::ReadOnly => {
                return Error::at(ErrorKind::Store, label, None, "the store is read-only")
            }
            _ => {}
        }
    }
    Error::at(ErrorKind::Store, label, None, e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_short_opaque_and_distinct() {
        let salt = 0x1234_5678_9abc_def0;
        let ids: rustc_hash::FxHashSet<String> = (1..100_000).map(|i| id_of(i, salt)).collect();
        assert_eq!(ids.len(), 99_999);
        assert!(ids.iter().all(|i| i.len() == 11 && i.starts_with('e')));
        assert!(ids.iter().all(|i| i[..5] == id_of(1, salt)[..5]));
        assert_ne!(id_of(1, salt)[5..8], id_of(2, salt)[5..8]);
        // Past 2^30 entities ids grow, and still never repeat.
        let big = id_of(1 << 30, salt);
        assert_eq!(big.len(), 13);
        assert_ne!(id_of((1 << 30) + 1, salt), big);
        // Another salt: another prefix, other ids.
        let other = 0x0fed_cba9_8765_4321;
        assert_ne!(id_of(1, other)[..5], id_of(1, salt)[..5]);
    }

    fn day(names: &[&str]) -> Vec<Mention> {
        names.iter().map(|n| Mention::new(*n).doc("d")).collect()
    }

    #[test]
    fn stores_created_apart_hand_out_different_ids_and_keep_them() {
        let dir = tempfile::tempdir().unwrap();
        let b = ResolverBuilder::new();
        let mentions = day(&["Abdellatif Loudiyi", "Nasser Bourita", "Aziz Akhannouch"]);
        let mut seen = rustc_hash::FxHashSet::default();
        let mut first = Vec::new();
        for k in 0..8 {
            let path = dir.path().join(format!("s{k}.db"));
            let mut s = Store::open(&path).unwrap();
            let r = s.resolve(&b, &mentions).unwrap();
            for e in r.entities() {
                assert!(seen.insert(e.id.clone()), "{} handed out twice", e.id);
            }
            if k == 0 {
                first = r
                    .assignments()
                    .iter()
                    .map(|a| a.entity().to_string())
                    .collect();
            }
        }
        // Reopened, the first store keeps its ids and hands out new ones
        // with its own prefix.
        let mut s = Store::open(dir.path().join("s0.db")).unwrap();
        let r = s
            .resolve(&b, &day(&["Nasser Bourita", "Fouzi Lekjaa"]))
            .unwrap();
        let ids: Vec<_> = r
            .assignments()
            .iter()
            .map(|a| a.entity().to_string())
            .collect();
        assert_eq!(ids[0], first[1]);
        assert!(!first.contains(&ids[1]));
        assert_eq!(ids[1][..5], first[0][..5]);
    }

    /// Closing, either way, leaves the file whole (its log checkpointed)
    /// and the batch committed.
    #[test]
    fn a_closed_store_reopens_with_its_batches() {
        let dir = tempfile::tempdir().unwrap();
        let b = ResolverBuilder::new();
        for (k, exit) in [(0, false), (1, true)] {
            let path = dir.path().join(format!("c{k}.db"));
            let mut s = Store::open(&path).unwrap();
            let r = s
                .resolve(&b, &day(&["Nasser Bourita", "Fouzi Lekjaa"]))
                .unwrap();
            if exit {
                s.close_for_exit().unwrap();
            } else {
                s.close().unwrap();
            }
            let wal = dir.path().join(format!("c{k}.db-wal"));
            assert!(!wal.exists() || std::fs::metadata(&wal).unwrap().len() == 0);
            let s = Store::open_read_only(&path).unwrap();
            s.check_integrity().unwrap();
            assert_eq!(s.batches().unwrap().len(), 1);
            let ids: Vec<_> = s.entities().unwrap().into_iter().map(|e| e.id).collect();
            assert_eq!(
                ids,
                r.entities()
                    .iter()
                    .map(|e| e.id.clone())
                    .collect::<Vec<_>>()
            );
        }
    }

    /// Writes at `path` a store of schema `version`, as that version made
    /// it, holding one entity `id` ("Nasser Bourita", seen three times).
    fn old_store(path: &Path, version: usize, id: &str) {
        let c = Connection::open(path).unwrap();
        for m in &schema::MIGRATIONS[..version] {
            c.execute_batch(m).unwrap();
        }
        c.execute_batch(&format!(
            "PRAGMA application_id = {app}; PRAGMA user_version = {version};
             INSERT INTO entities (seq, id, canonical, kind, created)
             VALUES (1, '{id}', 'Nasser Bourita', 'person', '2026-01-01T00:00:00Z');
             INSERT INTO names (entity, key, kind, name, count)
             VALUES ('{id}', 'bourita nasser', 'person', 'Nasser Bourita', 3);",
            app = schema::APPLICATION_ID
        ))
        .unwrap();
    }

    #[test]
    fn a_version_1_store_is_migrated_and_keeps_its_ids() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("v1.db");
        old_store(&path, 1, "e0k3m9q");
        let b = ResolverBuilder::new();
        let mut s = Store::open(&path).unwrap();
        let r = s
            .resolve(&b, &day(&["Nasser Bourita", "Fouzi Lekjaa"]))
            .unwrap();
        assert_eq!(r.assignments()[0].entity(), "e0k3m9q");
        assert_eq!(r.assignments()[1].entity().len(), 11);
        let v: i64 = s
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(v, SCHEMA_VERSION);
        // Batches turn the foreign-key checks off only while they run.
        let fk: i64 = s
            .conn
            .query_row("PRAGMA foreign_keys", [], |r| r.get(0))
            .unwrap();
        assert_eq!(fk, 1);
        assert_eq!(scalar::<i64>(&s, "PRAGMA ignore_check_constraints"), 0);
        // What the batch wrote unchecked holds every constraint.
        assert_eq!(scalar::<String>(&s, "PRAGMA integrity_check"), "ok");
        let bad: i64 = scalar(
            &s,
            "SELECT count(*) FROM names WHERE kind NOT IN ('person', 'org', 'unknown')
             OR alias NOT IN (0, 1) OR count < 0",
        );
        assert_eq!(bad, 0);
    }

    #[test]
    fn a_version_3_store_is_migrated_without_the_index_by_key() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("v3.db");
        old_store(&path, 3, "e0000k3m9q0");
        let index = "SELECT count(*) FROM sqlite_master WHERE name = 'names_by_key'";
        {
            let c = Connection::open(&path).unwrap();
            let n: i64 = c.query_row(index, [], |r| r.get(0)).unwrap();
            assert_eq!(n, 1);
        }
        let b = ResolverBuilder::new();
        let mut s = Store::open(&path).unwrap();
        assert_eq!(scalar::<i64>(&s, "PRAGMA user_version"), SCHEMA_VERSION);
        assert_eq!(scalar::<i64>(&s, index), 0);
        let r = s
            .resolve(&b, &day(&["Nasser Bourita", "Fouzi Lekjaa"]))
            .unwrap();
        assert_eq!(r.assignments()[0].entity(), "e0000k3m9q0");
        assert_eq!(s.entity("e0000k3m9q0").unwrap().unwrap().count, 4);
        assert_eq!(scalar::<String>(&s, "PRAGMA integrity_check"), "ok");
    }

    fn labels(r: &Resolution) -> Vec<String> {
        r.assignments()
            .iter()
            .map(|a| a.entity().to_string())
            .collect()
    }

    fn scalar<T: rusqlite::types::FromSql>(s: &Store, sql: &str) -> T {
        s.conn.query_row(sql, [], |r| r.get(0)).unwrap()
    }

    const DAY1: &[&str] = &[
        "Abdellatif Loudiyi",
        "Nasser Bourita",
        "Aziz Akhannouch",
        "Bourita",
        "Deutsche Bank AG",
        "Kim Jong-un",
    ];
    const DAY2: &[&str] = &[
        "Abdeltif Loudyi",
        "N. Bourita",
        "Deutsche Bank",
        "Kim Jong Un",
        "Fouzi Lekjaa",
        "Akhannouch",
    ];

    #[test]
    fn a_version_2_store_is_migrated_and_its_analyses_kept() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("v2.db");
        old_store(&path, 2, "e0000k3m9q0");
        let b = ResolverBuilder::new();
        let mut s = Store::open(&path).unwrap();
        assert_eq!(scalar::<i64>(&s, "PRAGMA user_version"), SCHEMA_VERSION);
        assert_eq!(
            scalar::<i64>(&s, "SELECT count(*) FROM names WHERE analysis IS NULL"),
            1
        );
        let r = s
            .resolve(&b, &day(&["Nasser Bourita", "Fouzi Lekjaa"]))
            .unwrap();
        assert_eq!(r.assignments()[0].entity(), "e0000k3m9q0");
        // The first writer analysed the stored name and kept it, with the
        // new one.
        assert_eq!(
            scalar::<i64>(&s, "SELECT count(*) FROM names WHERE analysis IS NULL"),
            0
        );
        assert_eq!(
            scalar::<String>(&s, "SELECT value FROM meta WHERE key = 'analysis'"),
            analysis_stamp(b.analysis().0).unwrap()
        );
        let blob: Vec<u8> = scalar(
            &s,
            "SELECT analysis FROM names WHERE key = 'bourita nasser'",
        );
        let name = crate::Name::decode(&blob).unwrap();
        assert_eq!(
            name,
            b.analysis().0.analyze_as("Nasser Bourita", Kind::Person)
        );
    }

    /// Day two into a store of day one, after `damage` was done to its
    /// kept analyses: the assignments and what the file holds after.
    fn day_two_after(damage: &str) -> (Vec<String>, Vec<StoredEntity>, i64) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.db");
        let b = ResolverBuilder::new();
        let mut s = Store::open(&path).unwrap();
        s.conn
            .execute("UPDATE meta SET value = 12345 WHERE key = 'id_salt'", [])
            .unwrap();
        s.resolve(&b, &day(DAY1)).unwrap();
        drop(s);
        let c = Connection::open(&path).unwrap();
        c.execute_batch(damage).unwrap();
        drop(c);
        let mut s = Store::open(&path).unwrap();
        let r = s.resolve(&b, &day(DAY2)).unwrap();
        let missing = scalar(&s, "SELECT count(*) FROM names WHERE analysis IS NULL");
        (labels(&r), s.entities().unwrap(), missing)
    }

    #[test]
    fn kept_analyses_resolve_as_fresh_ones_and_bad_ones_are_redone() {
        let (kept, ents, missing) = day_two_after("");
        assert_eq!(missing, 0);
        for damage in [
            // None kept (as after a migration).
            "UPDATE names SET analysis = NULL",
            // Kept by another build: all dropped and redone.
            "UPDATE meta SET value = 'another build' WHERE key = 'analysis'",
            // Damaged blobs are analysed again.
            "UPDATE names SET analysis = x'01ff'",
            "UPDATE names SET analysis = x'02'",
        ] {
            let (again, ents_again, missing) = day_two_after(damage);
            assert_eq!(again, kept, "after {damage}");
            assert_eq!(ents_again, ents, "after {damage}");
            assert_eq!(missing, 0, "after {damage}");
        }
    }

    #[test]
    fn ids_run_out_with_a_clear_error_and_nothing_written() {
        let dir = tempfile::tempdir().unwrap();
        let b = ResolverBuilder::new();
        let mut s = Store::open(dir.path().join("s.db")).unwrap();
        s.resolve(&b, &day(&["Nasser Bourita"])).unwrap();
        // The last id a store can hand out is taken.
        s.conn
            .execute("UPDATE entities SET seq = ?1", params![MAX_ENTITIES])
            .unwrap();
        let before = s.entities().unwrap();
        let err = s
            .resolve(&b, &day(&["Nasser Bourita", "Fouzi Lekjaa"]))
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Store);
        assert!(err.to_string().contains("handed out all"), "{err}");
        assert_eq!(s.entities().unwrap(), before);
        assert_eq!(s.batches().unwrap().len(), 1);
        // Mentions of known entities still resolve.
        let r = s.resolve(&b, &day(&["Nasser Bourita"])).unwrap();
        assert_eq!(r.assignments()[0].entity(), before[0].id);
        assert!(new_id(MAX_ENTITIES, 1, "x").is_ok());
        assert!(new_id(MAX_ENTITIES + 1, 1, "x").is_err());
    }
}
