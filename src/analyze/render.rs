//! Rendering: the display form, the parts and their comparison features,
//! the key, all the texts of the name in one buffer.

use super::chunks::{self, ChunkCache};
use super::{sub, weight, Ctx, Kind, Name, PartData, Scratch, Sep, Span, Tag, Texts, Tok};
use crate::fold;
use crate::tables::Word;
use crate::token::roman_value;

impl Ctx<'_> {
    /// Renders the tagged tokens as a [`Name`]: the display form (recased
    /// where the input was in one case), the parts' folded forms, skeletons,
    /// groups and comparison features, the key and the weights.
    pub(super) fn render(&mut self, input: &str, kind: Kind, kind_cue: bool) -> Name {
        let (t, s) = (self.t, self.s);
        let titles = std::mem::take(&mut self.titles);
        let (all_upper, all_lower) = self.case.single_case();
        let toks: &[Tok] = &self.toks;
        let Scratch {
            folds: tok_folds,
            ids,
            texts,
            cache,
            ..
        } = &mut *self.sc;
        let tok_folds: &str = tok_folds;
        let recase_all = all_upper || all_lower;
        let Texts {
            display,
            folds,
            skels,
            key,
        } = texts;
        display.clear();
        folds.clear();
        skels.clear();
        key.clear();
        // Group ids: spans of the bundled ids when the tables' spans index
        // them; else gathered in a reused buffer and copied out once.
        ids.clear();
        let bundled_ids = t.arena_is_bundled();
        let arena = crate::tables::bundled_arena();
        let mut parts: Vec<PartData> = Vec::with_capacity(toks.len());
        let look = Display::new(s, toks, tok_folds, kind, recase_all, all_upper);
        for (k, tok) in toks.iter().enumerate() {
            let tag = tok.tag.unwrap_or(Tag::Word);
            let main = matches!(tag, Tag::Given | Tag::Family | Tag::Word);
            let (ta, tb) = look.push(k, display);
            // A canonical form is looked up afresh; a token's own fold was
            // looked up when folded.
            let (f, word): (&str, Word) = match tok.canon {
                Some(c) => (sub(tok_folds, c), t.word(sub(tok_folds, c))),
                None => (sub(tok_folds, tok.fold), tok.word),
            };
            let fa = folds.len();
            folds.push_str(f);
            let fb = folds.len();
            let sa = skels.len();
            // The lexical data of the token's own fold comes from the chunk
            // cache when it has it.
            let lex = match tok.canon {
                None => cache.lex(tok),
                Some(_) => None,
            };
            let lex = match lex {
                Some((lex, skel)) => {
                    skels.push_str(skel);
                    lex
                }
                None => chunks::Lex::new(f, skels),
            };
            let sb = skels.len();
            // Given-name and nickname groups, of personal name parts only.
            let personal = main && kind != Kind::Org;
            let (groups, nicks) = match (personal, bundled_ids) {
                (false, _) => ((0, 0), (0, 0)),
                (true, true) => (word.given_span(), word.nicks_span()),
                (true, false) => {
                    let ga = ids.len() as u32;
                    ids.extend_from_slice(t.given_groups_of(word));
                    let gb = ids.len() as u32;
                    ids.extend_from_slice(t.nicks_of(word));
                    ((ga, gb), (gb, ids.len() as u32))
                }
            };
            let id_list: &[u32] = if bundled_ids { arena } else { ids };
            let sig = |(a, b): Span| {
                id_list[a as usize..b as usize]
                    .iter()
                    .fold(0, |m, &g| m | 1u64 << (g % 64))
            };
            let (head, spelling) = super::spelling::spelling(f);
            parts.push(PartData {
                text: (ta, tb),
                fold: (fa as u32, fb as u32),
                skel: (sa as u32, sb as u32),
                groups,
                nicks,
                tag,
                hash: lex.hash,
                skel_hash: lex.skel_hash,
                mask: lex.mask,
                weight: 0.0,
                group_sig: sig(groups),
                nick_sig: sig(nicks),
                generic: tag == Tag::Particle || (kind != Kind::Person && word.is(Word::ORG)),
                connector: kind == Kind::Org && is_connector(f),
                joined: tok.sep != Sep::Space && k > 0,
                // Set below when every main part reads as Chinese syllables.
                sino: 0,
                head,
                spelling,
            });
        }
        if kind != Kind::Org {
            sino_keys(&mut parts, toks, folds, cache);
        }
        // Legal forms spanning several tokens keep their canonical form on
        // the first token only; drop the empty remainder from the parts.
        parts.retain(|p| p.fold.1 > p.fold.0);
        build_key(
            parts.iter().flat_map(|p| sub(folds, p.fold).split(' ')),
            key,
        );
        // All the texts in one buffer; the parts' spans move with them.
        let mut buf = String::with_capacity(
            input.len() + display.len() + key.len() + folds.len() + skels.len(),
        );
        let mut put = |text: &str| {
            let a = buf.len() as u32;
            buf.push_str(text);
            (a, buf.len() as u32)
        };
        let original = put(input);
        let display_span = put(display);
        let key_span = put(key);
        let folds_at = put(folds).0;
        let skels_at = put(skels).0;
        let shift = |(a, b): Span, by: u32| (a + by, b + by);
        for p in &mut parts {
            p.text = shift(p.text, display_span.0);
            p.fold = shift(p.fold, folds_at);
            p.skel = shift(p.skel, skels_at);
        }
        let mut name = Name {
            buf: buf.into_boxed_str(),
            original,
            display: display_span,
            key: key_span,
            kind,
            kind_cue,
            titles: titles.into_boxed_slice(),
            ids: (!bundled_ids).then(|| ids.as_slice().into()),
            parts: parts.into_boxed_slice(),
        };
        let len = name.parts.len();
        for k in 0..len {
            let w = weight::weight(&name.part(k), len);
            name.parts[k].weight = w;
        }
        name
    }

    /// Appends the display form (with `key` false) or the comparison key of
    /// the tagged tokens to `out`: the texts [`Ctx::render`] gives the
    /// [`Name`], without its parts.
    pub(super) fn render_text(&mut self, kind: Kind, key: bool, out: &mut String) {
        let (all_upper, all_lower) = self.case.single_case();
        let folds: &str = &self.sc.folds;
        let toks: &[Tok] = &self.toks;
        if key {
            // The parts' folded forms: a canonical form where there is one,
            // empty remainders of legal forms left out.
            let words = toks
                .iter()
                .map(|tok| sub(folds, tok.canon.unwrap_or(tok.fold)))
                .filter(|f| !f.is_empty())
                .flat_map(|f| f.split(' '));
            build_key(words, out);
            return;
        }
        let look = Display::new(self.s, toks, folds, kind, all_upper || all_lower, all_upper);
        for k in 0..toks.len() {
            look.push(k, out);
        }
    }
}

/// What the display form of a name's tokens depends on.
struct Display<'a> {
    /// The NFKC input the tokens index.
    s: &'a str,
    toks: &'a [Tok],
    /// The tokens' folded forms.
    folds: &'a str,
    kind: Kind,
    /// The name is written in one case: recase every token.
    recase_all: bool,
    all_upper: bool,
    /// Particles keep their case as written: lowered, they would leave a
    /// name written with a capital without one, and a name all in lower
    /// case reads otherwise ("as Uר n.n": "as" is a particle beside a
    /// capital, the legal form AS in a name with none).
    keep_particles: bool,
}

impl<'a> Display<'a> {
    fn new(
        s: &'a str,
        toks: &'a [Tok],
        folds: &'a str,
        kind: Kind,
        recase_all: bool,
        all_upper: bool,
    ) -> Display<'a> {
        let mut look = Display {
            s,
            toks,
            folds,
            kind,
            recase_all,
            all_upper,
            keep_particles: false,
        };
        // Asked only of a mixed-case name with a particle written with a
        // capital after its first word.
        let capital_particle = !recase_all
            && toks
                .iter()
                .skip(1)
                .any(|x| x.tag == Some(Tag::Particle) && x.cased && !x.lower);
        if capital_particle {
            let mut shown = String::new();
            for k in 0..toks.len() {
                look.push(k, &mut shown);
            }
            look.keep_particles = !shown.chars().any(char::is_uppercase);
        }
        look
    }

    /// Appends token `k`, with the separator before it and a full stop
    /// after it where the display keeps one, to `display`; returns the span
    /// of the token's own text.
    fn push(&self, k: usize, display: &mut String) -> Span {
        let (s, toks, kind) = (self.s, self.toks, self.kind);
        let tok = &toks[k];
        let tag = tok.tag.unwrap_or(Tag::Word);
        let text = &s[tok.start..tok.end];
        if k > 0 {
            match tok.sep {
                Sep::Hyphen => display.push('-'),
                Sep::Glued => {}
                Sep::Space => display.push(' '),
            }
        }
        let ta = display.len();
        // Pieces of a dotted run keep their case in a mixed-case name: the
        // run is read by its case ("a.s" a particle, "a.S" a legal form),
        // and recasing one piece ("a.σ" → "a.Σ") would read it otherwise.
        let recase = self.recase_all
            || (kind != Kind::Org
                && !tok.piece
                && ((tok.lower
                    && tok.sep != Sep::Hyphen
                    && !tok.particle
                    && !is_connector(sub(self.folds, tok.fold)))
                    // A word in capitals that opens with a digit ("5Ё") would
                    // lose them all, and the name its mixed case.
                    || (tok.upper
                        && text.chars().count() > 1
                        && !text.starts_with(|c: char| c.is_numeric())))
                && tag != Tag::Legal
                && tag != Tag::Initial);
        if tag == Tag::Particle && self.keep_particles {
            display.push_str(text);
        } else if tag == Tag::Regnal
            || (tag == Tag::Suffix && roman_value(sub(self.folds, tok.fold)).is_some())
        {
            text.chars().for_each(|c| push_upper(c, display));
        } else if recase {
            recase_into(text, tag, k == 0, kind, self.all_upper, display);
        } else {
            display.push_str(text);
        }
        let tb = display.len();
        // A full stop before a hyphen would separate what the hyphen
        // joins ("S.A-v" reads as a hyphenated run, "S.A.-v" as "S.A."
        // and a word), so the display leaves it out there.
        let hyphen_next = toks.get(k + 1).is_some_and(|x| x.sep == Sep::Hyphen);
        if tok.dot
            && !tok.dotted
            && !hyphen_next
            && (tok.piece || matches!(tag, Tag::Initial | Tag::Suffix | Tag::Legal))
        {
            display.push('.');
        }
        (ta as u32, tb as u32)
    }
}

/// Sets the Chinese syllable keys of a personal name's main parts when
/// there are two or more and every one reads as Chinese syllables;
/// otherwise none. Parts and tokens correspond one to one; the keys are
/// 0 on entry.
fn sino_keys(parts: &mut [PartData], toks: &[Tok], folds: &str, cache: &mut ChunkCache) {
    let main = |p: &PartData| matches!(p.tag, Tag::Given | Tag::Family | Tag::Word);
    if parts.iter().filter(|p| main(p)).nth(1).is_none() {
        return;
    }
    // The cheap test first, for every main part; then the keys, of which
    // one of 0 (not syllables after all) decides.
    let mut all = parts
        .iter()
        .zip(toks)
        .all(|(p, tok)| !main(p) || cache.sino_plausible(tok, sub(folds, p.fold)));
    if all {
        for (p, tok) in parts.iter_mut().zip(toks) {
            if main(p) {
                p.sino = cache.sino_key(tok, sub(folds, p.fold));
                if p.sino == 0 {
                    all = false;
                    break;
                }
            }
        }
    }
    if !all {
        parts.iter_mut().for_each(|p| p.sino = 0);
    }
}

/// Connecting words of organisation names that carry no identity.
pub(super) fn is_connector(f: &str) -> bool {
    matches!(
        f,
        "of" | "the"
            | "and"
            | "for"
            | "in"
            | "on"
            | "at"
            | "to"
            | "et"
            | "und"
            | "y"
            | "e"
            | "de"
            | "des"
            | "du"
            | "la"
            | "le"
            | "les"
            | "der"
            | "die"
            | "das"
            | "del"
            | "di"
            | "da"
            | "do"
            | "dos"
    )
}

/// The comparison key: the words of the parts' folded forms, sorted and
/// joined by single spaces. Up to 16 words are sorted on the stack.
fn build_key<'a>(words: impl Iterator<Item = &'a str>, key: &mut String) {
    const SMALL: usize = 16;
    let mut small: [&str; SMALL] = [""; SMALL];
    let mut n = 0;
    let mut big: Vec<&str> = Vec::new();
    for w in words {
        if n < SMALL {
            small[n] = w;
        } else {
            if big.is_empty() {
                big.extend_from_slice(&small);
            }
            big.push(w);
        }
        n += 1;
    }
    let words: &mut [&str] = if n <= SMALL {
        &mut small[..n]
    } else {
        &mut big
    };
    words.sort_unstable();
    for (k, w) in words.iter().enumerate() {
        if k > 0 {
            key.push(' ');
        }
        key.push_str(w);
    }
}

/// Pushes `c` in upper case when that is one character; otherwise, and for
/// combining marks, as it is. Some marks have upper-case letters (U+0345
/// ypogegrammeni: Ι) and some letters upper-case to two (ᾖ: ἮΙ), which
/// would add a letter the name did not have.
fn push_upper(c: char, out: &mut String) {
    let upper = c.to_uppercase();
    if upper.len() != 1 || unicode_normalization::char::is_combining_mark(c) {
        out.push(c);
    } else {
        out.extend(upper);
    }
}

/// Title-cases one token into `out`: "marizamunda" → "Marizamunda",
/// "mcdonald" → "McDonald", "o'brien" → "O'Brien", "'abd" → "'Abd";
/// particles after the first word stay lower case; short acronyms of
/// organisations keep capitals.
pub(super) fn recase_into(
    text: &str,
    tag: Tag,
    first: bool,
    kind: Kind,
    all_upper: bool,
    out: &mut String,
) {
    if tag == Tag::Particle && !first {
        out.extend(text.chars().flat_map(char::to_lowercase));
        return;
    }
    let short = text.chars().count() <= 4;
    if kind == Kind::Org
        && ((tag == Tag::Legal && short) || (all_upper && text.chars().count() <= 3))
    {
        if tag == Tag::Legal && !all_upper {
            text.chars().for_each(|c| push_upper(c, out));
        } else {
            out.push_str(text);
        }
        return;
    }
    if text.is_ascii() {
        // The same as below without an intermediate string.
        let b = text.as_bytes();
        let mc = b.len() > 3 && b[..2].eq_ignore_ascii_case(b"mc");
        let quoted = b[0] == b'\'' || b[0] == b'`';
        for (k, &c) in b.iter().enumerate() {
            let c = c.to_ascii_lowercase();
            let upper =
                k == 0 || (k == 1 && quoted) || (k == 2 && (mc || (b[1] == b'\'' || b[1] == b'`')));
            out.push(if upper { c.to_ascii_uppercase() } else { c } as char);
        }
        return;
    }
    let lower: String = text.chars().flat_map(char::to_lowercase).collect();
    let mut upper_next = true;
    let mut count = 0usize;
    // Leading apostrophes (an ayn: "'Abd"), combining marks (left of a
    // character NFKC split, "‗" → " ̳") and letters of a script without
    // case (a word that mixes scripts, "بS") pass the capital on to the
    // first letter that has one.
    let mut leading = true;
    for c in lower.chars() {
        // (Asked only while the capital is still to place.)
        let passes = leading
            && (fold::is_apostrophe(c)
                || unicode_normalization::char::is_combining_mark(c)
                || (c.is_alphabetic() && !c.is_lowercase() && !c.is_uppercase()));
        if upper_next {
            push_upper(c, out);
            upper_next = leading && passes;
        } else {
            out.push(c);
        }
        leading &= passes;
        count += 1;
        if fold::is_apostrophe(c) && count == 2 {
            // O'Brien, D'Angelo: capitalise after a one-letter prefix.
            upper_next = true;
        }
        if count == 2 && lower.starts_with("mc") && lower.chars().count() > 3 {
            upper_next = true;
        }
    }
}
