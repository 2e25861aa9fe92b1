//! Numbers and suffixes after a name: post-nominals ("PhD") removed,
//! generational suffixes ("Jr.", "III") kept, regnal numbers ("Abdullah II
//! of Jordan").

use super::{sub, Ctx, Tag};
use crate::tables::Word;
use crate::token::roman_value;

impl Ctx<'_> {
    /// Trailing suffixes: post-nominals go to the titles, generational
    /// suffixes are tagged with their canonical forms.
    /// With `pop` false, post-nominals stay (a name that would read
    /// otherwise without them keeps them) and only the suffixes are tagged.
    pub(super) fn suffixes(&mut self, pop: bool) {
        let (t, s, toks, sc, titles) = (
            self.t,
            self.s,
            &mut self.toks,
            &mut *self.sc,
            &mut self.titles,
        );
        let is_org = self.is_org;
        if !is_org {
            while toks.len() >= 2 {
                let last = toks.last().unwrap();
                if !last.word.is(Word::SUFFIX) {
                    break;
                }
                let lf = sub(&sc.folds, last.fold);
                // A two-letter post-nominal written as a name is a name
                // ("Rahim Md Sahib" keeps "Md", short for Muhammad):
                // post-nominals are written in capitals, with inner
                // capitals or with full stops ("MD", "PhD", "M.D.").
                // The test looks at the word alone, never at what has been
                // peeled, so the name without its post-nominals reads the
                // same again.
                let name_like = lf.len() == 2 && !last.upper && !last.dot && !last.dotted && {
                    let mut cs = s[last.start..last.end].chars();
                    cs.next().is_some_and(char::is_uppercase) && cs.all(char::is_lowercase)
                };
                match t.suffixes.get(lf) {
                    Some(None) if pop && !name_like => {
                        titles.push(lf.to_string());
                        toks.pop();
                    }
                    Some(Some(canon)) if last.tag.is_none() => {
                        let a = sc.folds.len() as u32;
                        sc.folds.push_str(canon);
                        let last = toks.last_mut().unwrap();
                        last.tag = Some(Tag::Suffix);
                        last.canon = Some((a, sc.folds.len() as u32));
                        break;
                    }
                    _ => break,
                }
            }
        }
    }

    /// Tags regnal numbers and roman-numeral generational suffixes.
    pub(super) fn regnal_numbers(&mut self) {
        let (toks, sc) = (&mut self.toks, &*self.sc);
        let (is_org, all_lower) = (self.is_org, self.case.all_lower);
        // Regnal numbers and roman-numeral generational suffixes, also
        // before a territorial designation ("Abdullah II of Jordan").
        if !is_org && toks.len() >= 4 {
            if let Some(p) = toks.iter().position(|x| sub(&sc.folds, x.fold) == "of") {
                let num = p.checked_sub(1).map(|q| &toks[q]);
                if let Some(num) = num {
                    let nf = sub(&sc.folds, num.fold);
                    if p >= 2 && (num.upper || all_lower) && roman_value(nf).is_some() {
                        let mains = toks[..p - 1].iter().filter(|x| !x.particle).count();
                        if mains == 1 {
                            toks[p - 1].tag = Some(Tag::Regnal);
                            toks[p].tag = Some(Tag::Particle);
                        }
                    }
                }
            }
        }
        if !is_org && toks.len() >= 2 {
            let n = toks.len();
            let last = &toks[n - 1];
            let lf = sub(&sc.folds, last.fold);
            let cased_ok = last.upper || all_lower;
            let free = last.tag.is_none() || last.tag == Some(Tag::Suffix);
            if free && cased_ok && roman_value(lf).is_some() {
                let mains = toks[..n - 1]
                    .iter()
                    .filter(|x| sub(&sc.folds, x.fold).len() > 1 && !x.particle)
                    .count();
                let tag = if mains <= 1 { Tag::Regnal } else { Tag::Suffix };
                toks[n - 1].tag = Some(tag);
            }
        }
    }
}
