//! The store's schema, its version, and the migrations that bring an older
//! store up to it.

use rusqlite::Connection;

/// `PRAGMA application_id` of a canonym store ("cnym").
pub(super) const APPLICATION_ID: i64 = 0x636e_796d;

/// The schema version this build writes (`PRAGMA user_version`).
pub const SCHEMA_VERSION: i64 = 4;

/// Version 1, as created in an empty file. Documented in the module docs
/// of [`crate::Store`]; any change is a new version with a migration.
const V1: &str = "
CREATE TABLE entities (
    seq       INTEGER PRIMARY KEY,
    id        TEXT NOT NULL UNIQUE,
    canonical TEXT NOT NULL,
    kind      TEXT NOT NULL CHECK (kind IN ('person', 'org', 'unknown')),
    redirect  TEXT REFERENCES entities(id),
    external  TEXT,
    created   TEXT NOT NULL
);
CREATE TABLE names (
    entity TEXT NOT NULL REFERENCES entities(id),
    key    TEXT NOT NULL,
    kind   TEXT NOT NULL CHECK (kind IN ('person', 'org', 'unknown')),
    name   TEXT NOT NULL,
    alias  INTEGER NOT NULL DEFAULT 0 CHECK (alias IN (0, 1)),
    count  INTEGER NOT NULL DEFAULT 0 CHECK (count >= 0),
    PRIMARY KEY (entity, key, kind)
);
CREATE INDEX names_by_key ON names (key);
CREATE TABLE decisions (
    id      INTEGER PRIMARY KEY,
    at      TEXT NOT NULL,
    action  TEXT NOT NULL CHECK (action IN ('merge', 'split', 'alias', 'undo')),
    entity  TEXT REFERENCES entities(id),
    args    TEXT NOT NULL,
    note    TEXT,
    changes TEXT NOT NULL,
    undone  INTEGER REFERENCES decisions(id)
);
CREATE TABLE cannot (
    entity   TEXT NOT NULL REFERENCES entities(id),
    key      TEXT NOT NULL,
    kind     TEXT NOT NULL,
    decision INTEGER NOT NULL REFERENCES decisions(id),
    PRIMARY KEY (entity, key, kind, decision)
);
CREATE TABLE batches (
    id        INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,
    mentions  INTEGER NOT NULL,
    entities  INTEGER NOT NULL
);
";

/// Version 2: the store's own random salt for ids (`meta.id_salt`), so
/// that stores created separately hand out different ids. Ids handed out
/// before (version 1) keep their form; they differ in length from the new
/// ones, so the two never collide.
const V2: &str = "
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value ANY NOT NULL
) WITHOUT ROWID;
INSERT INTO meta (key, value) VALUES ('id_salt', random());
";

/// Version 3: each name keeps its analysis (`names.analysis`, a blob in
/// the compact form of the module docs of [`crate::Store`], or NULL where
/// none is kept yet), and `meta.analysis` names the analysis that wrote
/// them: opening a store no longer analyses every stored name again. A
/// store migrated from version 2 has no analyses; its first writer with
/// the bundled tables writes them.
const V3: &str = "
ALTER TABLE names ADD COLUMN analysis BLOB;
INSERT INTO meta (key, value) VALUES ('analysis', '');
";

/// Version 4: no index of names by key alone (`names_by_key`). No query
/// looks names up by key without their entity, and each index costs every
/// batch a b-tree write per name: names keep the table and its primary
/// key, (entity, key, kind).
const V4: &str = "
DROP INDEX IF EXISTS names_by_key;
";

/// Migrations: `MIGRATIONS[v]` brings version `v` to `v + 1` (version 0 is
/// an empty file).
pub(super) const MIGRATIONS: &[&str] = &[V1, V2, V3, V4];

/// Brings the store from `version` to [`SCHEMA_VERSION`], in the caller's
/// transaction.
pub(super) fn migrate(conn: &Connection, version: i64) -> rusqlite::Result<()> {
    for sql in &MIGRATIONS[version as usize..] {
        conn.execute_batch(sql)?;
    }
    conn.execute_batch(&format!(
        "PRAGMA application_id = {APPLICATION_ID}; PRAGMA user_version = {SCHEMA_VERSION};"
    ))
}
