//! Steps 5 to 7 of resolution: canonical names, ids and scores, and the
//! [`Resolution`] built from the state.

use super::engine::Engine;
use super::names::{has_diacritics, Variant};
use super::state::Fate;
use super::{Assignment, Label, Resolution, ResolvedEntity, NONE};
use crate::analyze::Name;
use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::Arc;

impl Engine<'_> {
    /// Steps 5 to 7: canonical names, ids, scores; the resolution.
    ///
    /// Each entity's canonical name is analysed once, scored against the
    /// entity's distinct names and dropped: nothing per entity outlives
    /// this call but what the resolution returns.
    #[cfg_attr(not(feature = "store"), allow(dead_code))]
    pub(super) fn finish(
        &mut self,
        mention_group: &[u32],
        mention_doc: &[u32],
        new_id: Option<&mut dyn FnMut() -> String>,
    ) -> Resolution {
        self.label(mention_group, mention_doc, new_id)
            .assign(mention_group)
    }

    /// Steps 5 to 7 up to the assignments: what [`Labelled::assign`] needs,
    /// so that a batch can drop its state before assigning mentions.
    ///
    /// An entity with neither an alias-table nor a stored id gets the id
    /// `new_id` gives, in the order of the resolution's entities, or else
    /// a unique slug of its canonical name.
    pub(super) fn label(
        &mut self,
        mention_group: &[u32],
        mention_doc: &[u32],
        mut new_id: Option<&mut dyn FnMut() -> String>,
    ) -> Labelled {
        let n_ents = self.st.ents.len();
        let placed: Vec<(u32, bool)> = mention_group
            .iter()
            .zip(mention_doc)
            .map(|(&g, &d)| match self.st.fates[g as usize] {
                Fate::Entity(e, amb) => (e, amb),
                Fate::Open => self.st.decisions[&(g, d)],
            })
            .collect();
        let mut counts = vec![0usize; n_ents];
        for &(e, _) in &placed {
            counts[e as usize] += 1;
        }
        // (entity, distinct name) pairs, sorted without repeats: each
        // entity's distinct names in one run.
        let mut pairs: Vec<(u32, u32)> = Vec::with_capacity(placed.len());
        for (&(e, _), &g) in placed.iter().zip(mention_group) {
            if pairs.last() != Some(&(e, g)) {
                pairs.push((e, g));
            }
        }
        // The pairs of the mentions, when known names join them below:
        // only those are scored (a score is read for a mention's pair only).
        let mentioned: Vec<(u32, u32)> = if self.st.seeded > 0 {
            let mut v = pairs.clone();
            v.sort_unstable();
            v.dedup();
            v
        } else {
            Vec::new()
        };
        // An entity known before this batch keeps its earlier names in view
        // (its canonical name is the best of all of them).
        for (g, f) in self.st.fates.iter().enumerate().take(self.st.seeded) {
            if let Fate::Entity(e, _) = *f {
                if counts[e as usize] > 0 {
                    pairs.push((e, g as u32));
                }
            }
        }
        pairs.sort_unstable();
        pairs.dedup();
        pairs.shrink_to_fit();
        // The score of each pair's distinct name against its entity's
        // canonical name.
        let mut scores = vec![0.0f64; pairs.len()];
        // (Slugs are unique among the alias table's ids.)
        let mut taken: FxHashSet<String> = match new_id {
            Some(_) => FxHashSet::default(),
            None => self
                .s
                .aliases
                .entities()
                .iter()
                .map(|x| x.id.clone())
                .collect(),
        };
        // Each entity's run of pairs (every pair's entity has mentions:
        // known names join only entities the batch mentions).
        let mut runs: Vec<(usize, std::ops::Range<usize>)> = Vec::new();
        let mut start = 0;
        while start < pairs.len() {
            let e = pairs[start].0 as usize;
            let end = start + pairs[start..].partition_point(|p| p.0 as usize == e);
            debug_assert!(counts[e] > 0);
            runs.push((e, start..end));
            start = end;
        }
        // What each entity's names alone decide (its canonical name, the
        // scores of its pairs, its names by count), on two threads for
        // many, each over the pairs of its own entities; then, in order,
        // the ids, which must be unique.
        let named = {
            let eng = &*self;
            let pairs = &pairs[..];
            let mentioned = &mentioned[..];
            let slugs = new_id.is_none();
            // `scores` holds the scores of the pairs from `base` on.
            let work =
                |runs: &[(usize, std::ops::Range<usize>)], scores: &mut [f64], base: usize| {
                    runs.iter()
                        .map(|(e, run)| {
                            let scores = &mut scores[run.start - base..run.end - base];
                            eng.name_entity(*e, &pairs[run.clone()], mentioned, scores, slugs)
                        })
                        .collect::<Vec<_>>()
                };
            let half = runs.len() / 2;
            if self.s.threads >= 2 && runs.len() >= LABEL_PARALLEL_MIN {
                let at = runs[half].1.start;
                let (left, right) = scores.split_at_mut(at);
                let (first, second) = runs.split_at(half);
                std::thread::scope(|scope| {
                    let h = scope.spawn(|| work(second, right, at));
                    let mut named = work(first, left, 0);
                    named.extend(h.join().expect("a labelling thread panicked"));
                    named
                })
            } else {
                work(&runs, &mut scores, 0)
            }
        };
        let mut labels: Vec<Option<Arc<Label>>> = vec![None; n_ents];
        let mut out_index = vec![NONE; n_ents];
        let mut entities = Vec::with_capacity(runs.len());
        let mut ents = Vec::with_capacity(runs.len());
        for ((e, _), named) in runs.iter().zip(named) {
            let e = *e;
            let Named {
                canonical,
                names,
                slug,
            } = named;
            let stored = self.st.ids.get(e).and_then(Option::as_ref);
            let id = match (self.st.ents[e].alias, stored) {
                (_, Some(id)) => id.to_string(),
                (Some(k), None) => self.s.aliases.entities()[k as usize].id.clone(),
                (None, None) => match new_id.as_mut() {
                    Some(next) => next(),
                    None => unique(slug, &mut taken),
                },
            };
            labels[e] = Some(Label::new(&id, &canonical));
            ents.push(e as u32);
            out_index[e] = entities.len() as u32;
            entities.push(ResolvedEntity {
                id,
                canonical,
                kind: self.st.ents[e].kind,
                names,
                count: counts[e],
                alias: self.st.ents[e].alias.map(|k| k as usize),
            });
        }
        Labelled {
            placed,
            pairs,
            scores,
            labels,
            out_index,
            entities,
            ents,
        }
    }
}

/// What an entity's names alone decide.
struct Named {
    canonical: String,
    /// Its names, most mentioned first.
    names: Vec<String>,
    /// The slug of its canonical name when its id is to be made from it
    /// (no id from the alias table, the store or the caller); empty
    /// otherwise.
    slug: String,
}

/// At least this many entities are named on two threads.
const LABEL_PARALLEL_MIN: usize = 4096;

impl Engine<'_> {
    /// Entity `e`'s canonical name, the scores of its pairs `run` (its
    /// distinct names, into `scores`) against it, and its names by count;
    /// the slug of its canonical name too when `slug`. Reads the state
    /// only, so entities can be named on several threads.
    fn name_entity(
        &self,
        e: usize,
        run: &[(u32, u32)],
        mentioned: &[(u32, u32)],
        scores: &mut [f64],
        slug: bool,
    ) -> Named {
        let mut variants: Vec<(u8, &Variant, u32)> = run
            .iter()
            .flat_map(|&(_, g)| {
                let grp = &self.st.groups[g as usize];
                grp.variants.iter().map(move |v| (grp.complete, v, g))
            })
            .collect();
        // Latin-script forms first (a transliterated Arabic or Cyrillic
        // name counts its parts differently), then the most complete.
        variants.sort_by(|a, b| {
            let latin = |v: &Variant| crate::fold::is_latin_or_common(&v.display);
            latin(b.1)
                .cmp(&latin(a.1))
                .then(b.0.cmp(&a.0))
                .then(b.1.well_cased.cmp(&a.1.well_cased))
                .then(has_diacritics(&b.1.display).cmp(&has_diacritics(&a.1.display)))
                .then(b.1.count.cmp(&a.1.count))
                .then(a.1.display.cmp(&b.1.display))
        });
        let analysed;
        let (canonical, cname): (String, &Name) = match self.st.ents[e].alias {
            Some(k) => (
                self.s.aliases.entities()[k as usize].canonical.clone(),
                &self.s.aliases.names_of(k as usize)[0].name,
            ),
            None => {
                let d = variants[0].1.display.to_string();
                // A form that is its distinct name's original, plainly
                // analysed, needs no second analysis.
                let grp = &self.st.groups[variants[0].2 as usize];
                if grp.plain && grp.name.original() == d {
                    debug_assert!(self.s.analyzer.analyze(&d) == grp.name);
                    (d, &grp.name)
                } else {
                    analysed = self.s.analyzer.analyze(&d);
                    (d, &analysed)
                }
            }
        };
        for (i, &(_, g)) in run.iter().enumerate() {
            // (A known name of the entity that the batch does not
            // mention is in view for the canonical name only.)
            if (g as usize) < self.st.seeded && mentioned.binary_search(&(e as u32, g)).is_err() {
                continue;
            }
            scores[i] = self.score(&self.st.groups[g as usize].name, cname);
        }
        let mut by_count: FxHashMap<&str, u32> = FxHashMap::default();
        for (_, v, _) in &variants {
            *by_count.entry(&v.display).or_default() += v.count;
        }
        let mut list: Vec<(&str, u32)> = by_count.into_iter().collect();
        list.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        let names = list.into_iter().map(|(s, _)| s.to_string()).collect();
        let stored = self.st.ids.get(e).is_some_and(Option::is_some);
        let slug = if slug && self.st.ents[e].alias.is_none() && !stored {
            self::slug(cname)
        } else {
            String::new()
        };
        Named {
            canonical,
            names,
            slug,
        }
    }
}

/// The entities of a batch, labelled and scored, before the assignments of
/// its mentions.
pub(super) struct Labelled {
    /// Each mention's entity and whether it is ambiguous.
    placed: Vec<(u32, bool)>,
    /// (entity, distinct name) pairs, sorted, and their scores.
    pairs: Vec<(u32, u32)>,
    scores: Vec<f64>,
    /// Per entity of the state: its label, when it has mentions.
    labels: Vec<Option<Arc<Label>>>,
    /// Per entity of the state: its index in `entities`.
    out_index: Vec<u32>,
    entities: Vec<ResolvedEntity>,
    ents: Vec<u32>,
}

impl Labelled {
    /// The resolution: one assignment per mention of `mention_group`.
    pub(super) fn assign(self, mention_group: &[u32]) -> Resolution {
        let Labelled {
            placed,
            pairs,
            scores,
            labels,
            out_index,
            entities,
            ents,
        } = self;
        // The pair of each distinct name that has only one (nearly all
        // do: only short names are placed per document), so that most
        // mentions find theirs by index rather than by a search of all
        // the pairs, whose misses dominate on a large input.
        const MANY: u32 = NONE - 1;
        let n = pairs.iter().map(|p| p.1 as usize + 1).max().unwrap_or(0);
        let mut only = vec![NONE; n];
        for (i, &(_, g)) in pairs.iter().enumerate() {
            let slot = &mut only[g as usize];
            *slot = if *slot == NONE { i as u32 } else { MANY };
        }
        let mut assignments = Vec::with_capacity(placed.len());
        for (&(e, amb), &g) in placed.iter().zip(mention_group) {
            let at = match only[g as usize] {
                at if at < MANY => at as usize,
                _ => pairs
                    .binary_search(&(e, g))
                    .expect("every mention's pair is listed"),
            };
            debug_assert_eq!(pairs[at], (e, g));
            let label = labels[e as usize].as_ref().expect("has mentions");
            assignments.push(Assignment {
                label: Arc::clone(label),
                index: out_index[e as usize],
                score: scores[at],
                ambiguous: amb,
            });
        }
        Resolution {
            assignments,
            entities,
            ents,
        }
    }
}

/// A slug of an analysed name: folded parts joined by `-`.
pub(super) fn slug(name: &Name) -> String {
    let mut s = String::new();
    for p in name.parts() {
        for w in p.fold().split(' ').filter(|w| !w.is_empty()) {
            if !s.is_empty() {
                s.push('-');
            }
            s.push_str(w);
        }
    }
    if s.is_empty() {
        s.push_str("entity");
    }
    s
}

pub(super) fn unique(base: String, taken: &mut FxHashSet<String>) -> String {
    let mut id = base.clone();
    let mut n = 2;
    while taken.contains(&id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    taken.insert(id.clone());
    id
}
