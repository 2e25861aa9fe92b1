//! Step 3, runs: maximal sequences of capitalised words, joined by spaces,
//! hyphens, particles and initials.

use super::lexicon::{Lexicon, HYPHEN_DENY, INNER_PARTICLES};
use super::scan::{regnal, Doc, Gap};
use super::MAX_RUN;

/// Whether token `k` can be a word of a name on its own merits.
#[inline]
pub(super) fn name_word(doc: &Doc<'_>, k: usize) -> bool {
    let t = &doc.toks[k];
    if t.title.is_some() || t.digit || t.fold.1 == t.fold.0 {
        return false;
    }
    if t.upper {
        return regnal(doc.fold(k)) && !t.dotted;
    }
    t.cap && !t.dotted
}

/// Whether token `k` is two or three initials written together, each
/// with its full stop: "M.L.", "J.R.R." (not "U.S.", a stopword, nor a
/// place or organisation).
pub(super) fn initials(doc: &Doc<'_>, k: usize) -> bool {
    let t = &doc.toks[k];
    if !t.dotted || !t.cap || !(2..=3).contains(&t.letters) {
        return false;
    }
    let w = &doc.text.as_bytes()[t.start..t.end];
    w.len() == 2 * t.letters as usize
        && w.chunks(2)
            .all(|c| c[0].is_ascii_uppercase() && c[1] == b'.')
}

/// Initials written together ([`initials`]) before a capitalised name
/// word: "M.L. Carrington".
#[inline(always)]
pub(super) fn initials_before_name(doc: &Doc<'_>, lex: &Lexicon, k: usize) -> bool {
    // Most tokens are not dotted: the cheap test first, inlined.
    doc.toks[k].dotted && dotted_initials_before_name(doc, lex, k)
}

/// [`initials_before_name`] for a dotted token.
fn dotted_initials_before_name(doc: &Doc<'_>, lex: &Lexicon, k: usize) -> bool {
    if !initials(doc, k) {
        return false;
    }
    let f = doc.fold(k);
    doc.toks.get(k + 1).is_some_and(|x| {
        x.gap == Gap::Space && x.cap && !x.upper && x.title.is_none() && !x.digit && !x.dotted
    }) && !lex.stopwords.contains(f)
        && !lex.places.contains(f)
        && !lex.known_orgs.contains(f)
        && !lex.is_nationality(f)
}

/// Maximal runs of name words as token ranges `[s, e)`.
pub(super) fn build_runs(doc: &Doc<'_>, lex: &Lexicon) -> Vec<(usize, usize)> {
    let n = doc.toks.len();
    let mut runs = Vec::with_capacity(n / 8);
    let mut k = 0;
    while k < n {
        if !name_word(doc, k) && !initials_before_name(doc, lex, k) {
            k += 1;
            continue;
        }
        let s = k;
        let mut e = k + 1;
        while e < n && e - s < MAX_RUN && !doc.toks[e - 1].poss {
            let t = &doc.toks[e];
            let joined = matches!(t.gap, Gap::Space | Gap::Glued | Gap::Amp | Gap::Hyphen);
            if !joined {
                break;
            }
            // A full stop inside a name only after an initial: "S. Jaishankar".
            if name_word(doc, e) || initials_before_name(doc, lex, e) {
                e += 1;
                continue;
            }
            let f = doc.fold(e);
            // Korean and hyphenated given names: Jong-un, Jae-in, and the
            // longer syllables of Korean romanisation, Woo-choong,
            // Byeong-hyeon.
            if t.gap == Gap::Hyphen
                && t.lower
                && !t.digit
                && (t.letters <= 5
                    || (t.letters <= 7 && !f.ends_with("ing") && crate::sino::plausible(f)))
                && !HYPHEN_DENY.contains(&f)
            {
                e += 1;
                continue;
            }
            // Particles between capitalised words: bin, von der, da, as-.
            let particle = t.lower
                && t.title.is_none()
                && (INNER_PARTICLES.contains(&f)
                    || (lex.particles.contains(f)
                        && doc.toks.get(e + 1).is_some_and(|x| x.gap == Gap::Hyphen)));
            if particle {
                // It must lead to a capitalised word.
                let mut m = e + 1;
                while m < n
                    && m - e < 3
                    && doc.toks[m].lower
                    && matches!(doc.toks[m].gap, Gap::Space | Gap::Hyphen)
                    && INNER_PARTICLES.contains(&doc.fold(m))
                {
                    m += 1;
                }
                if m < n && matches!(doc.toks[m].gap, Gap::Space | Gap::Hyphen) && name_word(doc, m)
                {
                    e = m + 1;
                    continue;
                }
            }
            break;
        }
        // Drop a trailing ampersand-joined nothing; runs end on a name word.
        runs.push((s, e));
        k = e;
    }
    runs
}
