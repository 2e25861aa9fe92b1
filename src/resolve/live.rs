//! Incremental resolution: one mention at a time, greedily, on a state kept
//! across calls.

use super::engine::{Engine, Short, ShortMemo};
use super::finish::{slug, unique};
use super::names::{analyse_one, variant_of, Group};
use super::state::{Fate, State};
use super::{Assignment, Label, Mention, Settings, NONE};
use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::Arc;

/// The live state of incremental resolution: the resolution state and what
/// the live resolver adds to it (the mentions seen, document names, and the
/// provisional ids of the entities).
#[derive(Debug, Clone)]
pub(super) struct Live {
    pub(super) mentions: Vec<Mention>,
    state: State,
    docs: FxHashMap<String, u32>,
    ids: Vec<Arc<str>>,
    taken: FxHashSet<String>,
    settings: Arc<Settings>,
}

impl Live {
    pub(super) fn new(settings: &Arc<Settings>) -> Live {
        let state = State::new(settings, Vec::new(), FxHashMap::default());
        let ids = settings
            .aliases
            .entities()
            .iter()
            .map(|e| Arc::from(e.id.as_str()))
            .collect();
        let taken = settings
            .aliases
            .entities()
            .iter()
            .map(|e| e.id.clone())
            .collect();
        Live {
            mentions: Vec::new(),
            state,
            docs: FxHashMap::default(),
            ids,
            taken,
            settings: Arc::clone(settings),
        }
    }

    pub(super) fn add(&mut self, mention: Mention) -> Assignment {
        let settings = Arc::clone(&self.settings);
        let name = analyse_one(&settings.analyzer, &mention);
        let doc = match &mention.doc {
            None => NONE,
            Some(d) => {
                let n = self.docs.len() as u32;
                *self.docs.entry(d.clone()).or_insert(n)
            }
        };
        self.mentions.push(mention);
        let mut engine = Engine::new(&settings, &mut self.state);
        let k = (Box::<str>::from(name.key()), name.kind());
        let g = match engine.st.keys.get(&k) {
            Some(&g) => {
                let v = variant_of(&name);
                engine.st.groups[g as usize].add_variant(v, 1);
                g
            }
            None => {
                let g = engine.st.groups.len() as u32;
                engine.st.keys.insert(k, g);
                engine.st.groups.push(Group::new(name));
                engine.st.fates.push(Fate::Open);
                g
            }
        };
        let before = engine.st.ents.len();
        if engine.st.fates[g as usize] == Fate::Open {
            if let Some(f) = engine.alias_fate(g) {
                engine.st.fates[g as usize] = f;
            } else if engine.st.groups[g as usize].is_complete() {
                let e = engine.place_complete(g);
                engine.st.fates[g as usize] = Fate::Entity(e, false);
            }
        }
        let (e, amb) = match engine.st.fates[g as usize] {
            Fate::Entity(e, amb) => {
                if engine.st.groups[g as usize].is_complete() {
                    engine.note_doc(doc, e);
                }
                (e, amb)
            }
            Fate::Open => match engine.st.decisions.get(&(g, doc)) {
                Some(&d) => d,
                None => {
                    let d = match engine.decide_short(g, doc, &mut ShortMemo::default()) {
                        Short::Join(e) => (e, false),
                        Short::Own(amb) => (engine.own_entity(g), amb),
                    };
                    engine.st.decisions.insert((g, doc), d);
                    d
                }
            },
        };
        for new in before..engine.st.ents.len() {
            let founder = engine.st.ents[new].founder;
            let id = unique(
                slug(&engine.st.groups[founder as usize].name),
                &mut self.taken,
            );
            self.ids.push(id.as_str().into());
        }
        let score = if engine.st.ents[e as usize].alias.is_some() {
            let k = engine.st.ents[e as usize].alias.unwrap() as usize;
            engine.score(
                &engine.st.groups[g as usize].name,
                &settings.aliases.names_of(k)[0].name,
            )
        } else {
            let f = engine.st.ents[e as usize].founder;
            engine.score(
                &engine.st.groups[g as usize].name,
                &engine.st.groups[f as usize].name,
            )
        };
        let canonical: &str = match engine.st.ents[e as usize].alias {
            Some(k) => &settings.aliases.entities()[k as usize].canonical,
            None => {
                let f = engine.st.ents[e as usize].founder;
                engine.st.groups[f as usize].name.display()
            }
        };
        Assignment {
            label: Label::new(&self.ids[e as usize], canonical),
            index: e,
            score,
            ambiguous: amb,
        }
    }
}
