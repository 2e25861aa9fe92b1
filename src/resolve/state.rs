//! The resolution state: what resolution knows and has decided so far,
//! owned apart from the settings and scratch space of the engine that works
//! on it. A batch builds one and drops it; the live resolver keeps one
//! across calls.

use super::names::{Group, GroupKeys};
use super::{Settings, NONE};
use crate::analyze::Kind;
use crate::index::{blocking_keys, BlockingIndex};
use rustc_hash::FxHashMap;
use std::sync::Arc;

/// An entity under construction.
#[derive(Debug, Clone)]
pub(super) struct Ent {
    /// Index in the alias table.
    pub(super) alias: Option<u32>,
    pub(super) kind: Kind,
    /// Representative distinct names (complete names that joined).
    pub(super) reps: Vec<u32>,
    /// The founding distinct name (for provisional ids).
    pub(super) founder: u32,
}

/// What happened to a distinct name.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Fate {
    /// Not decided yet (short names are decided per document).
    Open,
    /// Belongs to this entity.
    Entity(u32, bool),
}

/// Distinct names, entities, the blocking index over the entities'
/// representatives, and the decisions taken for each distinct name.
#[derive(Debug, Clone)]
pub(crate) struct State {
    /// Distinct names, in order of first arrival.
    pub(super) groups: Vec<Group>,
    /// Distinct name identity (key and kind) → distinct name.
    pub(super) keys: GroupKeys,
    /// What happened to each distinct name.
    pub(super) fates: Vec<Fate>,
    /// A short name's own entity.
    pub(super) own: FxHashMap<u32, u32>,
    /// Alias entities first, in table order, then discovered entities.
    pub(super) ents: Vec<Ent>,
    /// Entity keys: alias names and representatives.
    pub(super) index: BlockingIndex,
    /// Document → entities with a complete mention in it.
    pub(super) doc_ents: FxHashMap<u32, Vec<u32>>,
    /// (short name, document) → (entity, ambiguous).
    pub(super) decisions: FxHashMap<(u32, u32), (u32, bool)>,
}

impl State {
    /// The state before any decision: the distinct names `groups` (with
    /// their identities `keys`), all open, and one entity per alias-table
    /// entity, indexed by its names.
    pub(super) fn new(s: &Settings, groups: Vec<Group>, keys: GroupKeys) -> State {
        let mut st = State {
            fates: vec![Fate::Open; groups.len()],
            groups,
            keys,
            own: FxHashMap::default(),
            ents: Vec::new(),
            index: s.index.build(),
            doc_ents: FxHashMap::default(),
            decisions: FxHashMap::default(),
        };
        let aliases = Arc::clone(&s.aliases);
        let mut scratch_keys = Vec::new();
        for (k, entity) in aliases.entities().iter().enumerate() {
            st.ents.push(Ent {
                alias: Some(k as u32),
                kind: entity.kind,
                reps: Vec::new(),
                founder: NONE,
            });
            for n in aliases.names_of(k) {
                scratch_keys.clear();
                blocking_keys(&n.name, &mut scratch_keys);
                st.index.insert_keys(k as u32, &scratch_keys);
            }
        }
        st
    }
}
