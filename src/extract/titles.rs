//! Step 2, titles: title, rank and role phrases marked wherever they occur.

use super::lexicon::{Lexicon, GIVEN_WORDS, HONORIFICS, LOWER_DENY};
use super::scan::{Doc, Gap};

pub(super) fn mark_titles(doc: &mut Doc<'_>, lex: &Lexicon) {
    let n = doc.toks.len();
    let mut k = 0;
    while k < n {
        let t = &doc.toks[k];
        let f = doc.fold(k);
        let shape = f.len().min(63) as u64;
        if t.digit
            || lex.title_shapes & (1 << shape) == 0
            || !lex.title_first_bloom.may_contain(f)
            || !lex.title_first.contains(f)
        {
            k += 1;
            continue;
        }
        let mut best: Option<(usize, bool)> = None;
        let mut len = 0;
        while len < lex.title_max && k + len < n {
            let m = k + len;
            if len > 0 {
                let g = doc.toks[m].gap;
                let ok =
                    matches!(g, Gap::Space | Gap::Hyphen | Gap::Glued) && !doc.toks[m - 1].poss;
                if !ok {
                    break;
                }
            }
            len += 1;
            let p = doc.phrase(k, k + len);
            let Some(&title) = lex.title_prefixes.get(p) else {
                break;
            };
            if let Some(formal) = title {
                best = Some((len, formal));
            }
        }
        let Some((len, formal)) = best else {
            k += 1;
            continue;
        };
        let first = &doc.toks[k];
        let lowercase_ok = !first.lower || {
            let p = doc.phrase(k, k + len);
            p.len() >= 4 && !LOWER_DENY.contains(&p)
        };
        // "He" is not "H.E.": a one-word title that is also a stopword counts
        // only when written with dots or in capitals.
        // "Mr", "Mrs" and "Ms" are stopwords too, but no ordinary word.
        let stop_word = len == 1
            && !first.dotted
            && !first.upper
            && lex.stopwords.contains(doc.fold(k))
            && !(first.cap && HONORIFICS.contains(&doc.fold(k)));
        // A one-word title that is also a given name, written capitalised
        // after no other title and before a capitalised word, opens the
        // name: "Dean Santos", not the dean Santos.
        let given = len == 1
            && first.cap
            && !first.upper
            && !first.dotted
            && GIVEN_WORDS.contains(&doc.fold(k))
            && (k == 0 || doc.toks[k - 1].title.is_none())
            && doc.toks.get(k + 1).is_some_and(|x| {
                x.cap
                    && !x.upper
                    && x.gap == Gap::Space
                    && !lex.stopwords.contains(doc.fold(k + 1))
                    && !lex.places.contains(doc.fold(k + 1))
            });
        if !lowercase_ok || stop_word || given {
            k += 1;
            continue;
        }
        let p = doc.phrase(k, k + len).to_string();
        let id = doc.titles.len() as u32;
        for m in k..k + len {
            doc.toks[m].title = Some(id);
        }
        doc.titles.push((k, k + len, p, formal));
        k += len;
    }
    // A one-word capitalised title right after a name word and not before
    // one is a surname: "Martin Luther King said".
    for id in 0..doc.titles.len() {
        let (a, b, _, _) = doc.titles[id];
        if b != a + 1 || a == 0 {
            continue;
        }
        let t = &doc.toks[a];
        let prev = &doc.toks[a - 1];
        let prev_name = prev.cap
            && !prev.upper
            && prev.title.is_none()
            && !prev.poss
            && t.gap == Gap::Space
            && t.cap
            && !lex.stopwords.contains(doc.fold(a - 1))
            && !lex.is_nationality(doc.fold(a - 1))
            && !lex.places.contains(doc.fold(a - 1))
            && !lex.org_words.contains(doc.fold(a - 1));
        let next_name = doc
            .toks
            .get(b)
            .is_some_and(|x| x.cap && matches!(x.gap, Gap::Space | Gap::Glued));
        if prev_name && !next_name {
            doc.toks[a].title = None;
        }
    }
}
