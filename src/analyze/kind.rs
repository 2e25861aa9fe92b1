//! The kind of a name (person, organisation, unknown) and the tags of its
//! parts (given, family, particle, initial …).

use super::{sub, Case, Ctx, Kind, Sep, Tag};
use crate::fold::{self, Script};
use crate::tables::Word;
use crate::token::roman_value;

impl Ctx<'_> {
    /// The kind, and whether it rests on a decisive cue.
    pub(super) fn kind(&self) -> (Kind, bool) {
        let (s, toks, sc, titles) = (self.s, &self.toks, &*self.sc, &self.titles);
        let (forced, is_org) = (self.forced, self.is_org);
        let (list_order, east_asian) = (self.list_order, self.east_asian);
        // Kind.
        let has_initial = toks.iter().any(|x| {
            x.tag.is_none()
                && sub(&sc.folds, x.fold).len() == 1
                && s[x.start..x.end].chars().all(char::is_alphabetic)
                && fold::script_of(s[x.start..].chars().next().unwrap()) == Script::Latin
        });
        let has_number = toks
            .iter()
            .any(|x| matches!(x.tag, Some(Tag::Regnal) | Some(Tag::Suffix)));
        let kind = match forced {
            Some(k) => k,
            None if is_org => Kind::Org,
            None if !titles.is_empty() || has_initial || has_number || list_order || east_asian => {
                Kind::Person
            }
            None => {
                // A known given name first is a weak cue (see `kind_cue`).
                let mut mains = toks.iter().filter(|x| !x.particle);
                let first = mains.next();
                let more = mains.next().is_some();
                if more && first.is_some_and(|x| x.word.is(Word::GIVEN)) {
                    Kind::Person
                } else {
                    Kind::Unknown
                }
            }
        };
        let kind_cue = forced.is_some()
            || kind == Kind::Org
            || (kind == Kind::Person
                && (!titles.is_empty() || has_initial || has_number || list_order || east_asian));

        (kind, kind_cue)
    }

    /// Tags every token of a name of kind `kind`.
    pub(super) fn tags(&mut self, kind: Kind) {
        let (s, toks, sc) = (self.s, &mut self.toks, &*self.sc);
        let Case {
            all_upper,
            all_lower,
            any_cased,
            ..
        } = self.case;
        let (list_order, east_asian) = (self.list_order, self.east_asian);
        // Tags.
        let n = toks.len();
        if kind == Kind::Org {
            for tok in toks.iter_mut() {
                if tok.tag != Some(Tag::Legal) {
                    tok.tag = Some(Tag::Word);
                }
            }
        } else {
            // Family-name hints from case: an all-caps word in a mixed-case
            // name ("Mohamed Mire ALI").
            if any_cased && !all_upper && !list_order && !east_asian {
                for tok in toks.iter_mut() {
                    if tok.upper
                        && tok.tag.is_none()
                        && s[tok.start..tok.end].chars().nth(1).is_some()
                        && !tok.dot
                        && roman_value(sub(&sc.folds, tok.fold)).is_none()
                    {
                        tok.family_hint = true;
                    }
                }
            }
            let has_hint = toks.iter().any(|x| x.family_hint);
            // Initials and particles.
            for k in 0..n {
                if toks[k].tag.is_some() {
                    continue;
                }
                let fk = sub(&sc.folds, toks[k].fold);
                let text = &s[toks[k].start..toks[k].end];
                // Asked of one-letter folds only.
                let latin = || text.chars().next().map(fold::script_of) == Some(Script::Latin);
                // Irish Ó before a surname is a particle, written with its
                // accent or not ("Dara Ó Briain", "Dara O Briain"), as
                // diacritics never decide a reading; with a full stop, or
                // before a lone letter, it is an initial ("John O. Smith");
                // hyphenated, a part of initials ("P-O Borin").
                if fk == "o"
                    && latin()
                    && !toks[k].dot
                    && (k == 0 || toks[k].sep == Sep::Space)
                    && toks
                        .get(k + 1)
                        .is_some_and(|x| x.sep == Sep::Space && x.fold.1 - x.fold.0 >= 2)
                {
                    toks[k].tag = Some(Tag::Particle);
                    continue;
                }
                // A lower-case u between the parts of a cased name is the
                // Persian and Urdu connective or the article shortened
                // (Zia u Rahman: Zia-ur-Rahman), not an initial. Other
                // letters in lower case are initials written carelessly
                // (David j Hall), as lists write them.
                if fk == "u"
                    && latin()
                    && toks[k].lower
                    && !toks[k].dot
                    && !all_lower
                    && k > 0
                    && k + 1 < n
                {
                    toks[k].tag = Some(Tag::Particle);
                    continue;
                }
                if fk.len() == 1 && latin() && text.chars().all(char::is_alphabetic) {
                    toks[k].tag = Some(Tag::Initial);
                    continue;
                }
                let followed = || {
                    toks[k + 1..]
                        .iter()
                        .any(|x| x.tag.is_none() || x.tag == Some(Tag::Particle))
                };
                if toks[k].particle && followed() {
                    let ambiguous_first = k == 0
                        && !toks[k].lower
                        && matches!(
                            fk,
                            "ben"
                                | "bar"
                                | "bat"
                                | "le"
                                | "la"
                                | "do"
                                | "e"
                                | "y"
                                | "ag"
                                | "af"
                                | "av"
                                | "ul"
                                | "ter"
                                | "ten"
                                | "del"
                                | "della"
                                | "dos"
                                | "das"
                        );
                    if !ambiguous_first {
                        toks[k].tag = Some(Tag::Particle);
                    }
                }
            }
            // Family: the hint, else the last main part.
            if has_hint {
                for tok in toks.iter_mut() {
                    if tok.tag.is_none() {
                        tok.tag = Some(if tok.family_hint {
                            Tag::Family
                        } else {
                            Tag::Given
                        });
                    }
                }
            } else if toks.iter().any(|x| x.tag == Some(Tag::Regnal)) {
                // A regnal name is a given name and a number: Mohammed VI.
                for tok in toks.iter_mut() {
                    if tok.tag.is_none() {
                        tok.tag = Some(Tag::Given);
                    }
                }
            } else if let Some(last) = toks.iter().rposition(|x| x.tag.is_none()) {
                for (k, tok) in toks.iter_mut().enumerate() {
                    if tok.tag.is_none() {
                        tok.tag = Some(if k == last { Tag::Family } else { Tag::Given });
                    }
                }
            }
            // A name of particles only ("Al"): they are the name.
            for tok in toks.iter_mut() {
                if tok.tag.is_none() {
                    tok.tag = Some(Tag::Family);
                }
            }
            if toks.iter().all(|x| x.tag == Some(Tag::Particle)) {
                for tok in toks.iter_mut() {
                    tok.tag = Some(Tag::Family);
                }
            }
        }
    }
}
