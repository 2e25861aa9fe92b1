//! The front of analysis, one whitespace-delimited chunk of input at a time,
//! with a bounded per-thread cache of its results.
//!
//! Names repeat their words: the same given names, surnames, titles and
//! legal forms recur throughout a stream of names. Everything analysis does
//! before it looks at a name as a whole — NFKC, tokens, camel-case splits,
//! folded forms, table lookups, skeletons, hashes — depends on one chunk of
//! input between ASCII white space at a time, so the result for a chunk is
//! kept and reused the next time the chunk occurs. The lexical data of a
//! token (skeleton, hashes, letter mask) is computed the first time a name
//! with it is rendered in full, since a display form or key alone needs
//! none of it.
//!
//! Splitting at ASCII white space changes nothing (a property test compares
//! it with reading the whole input): white space is stable under NFKC (it
//! neither composes nor decomposes), no token spans it, and the tokeniser
//! starts each chunk as it would after a space. The only
//! state carried across is a comma before a chunk's first token, which
//! belongs to the previous token; the entry records it. Cyrillic follows one
//! convention for a whole name, so a chunk is folded in the default
//! convention, its own guess of the convention is kept, and the caller folds
//! Cyrillic chunks again when the name as a whole points to another.
//!
//! The cache is four-way set-associative and bounded: it is emptied, between
//! two names, when it holds more than [`MAX_ENTRIES`] chunks or [`MAX_TEXT`]
//! bytes (about 4 MiB per thread in all); chunks longer than [`MAX_CHUNK`]
//! bytes are not kept. Each entry records the analyser whose tables it was
//! looked up in, so analysers used in turn share the cache without emptying
//! it. Results are the same from a cold or a warm cache (the tests compare
//! both). A chunk seen for the first time costs its analysis plus its
//! insertion, about a fifth more than analysis without a cache; a chunk
//! seen again costs a hash, a comparison and a copy.

use super::{fold_tok, fx_hash, narrow_dotted, split_camel, sub, tokenize_into, Span, Tok};
use crate::fold;
use crate::key::skeleton_into;
use crate::tables::Tables;
use std::hash::Hasher;

/// Chunks longer than this many bytes are analysed but not kept.
const MAX_CHUNK: usize = 64;
/// Number of slots of the table (a power of two), in buckets of [`WAYS`].
const SLOTS: usize = 1 << 15;
/// Slots per bucket: a chunk may sit in any slot of its bucket.
const WAYS: usize = 4;
/// The cache is emptied between names when it holds more chunks than this…
const MAX_ENTRIES: usize = 16_384;
/// … or more bytes of text than this.
const MAX_TEXT: usize = 1 << 20;

/// Data about one token that depends on its folded form only.
#[derive(Debug, Clone, Copy)]
pub(super) struct Lex {
    /// The skeleton (transliteration key), a span of the cache's text.
    pub skel: Span,
    pub hash: u64,
    pub skel_hash: u64,
    pub mask: u32,
    /// Whether the fold may read as romanised Chinese syllables, and their
    /// key, each once asked for (only personal names of two or more main
    /// parts need them).
    sino_plausible: Option<bool>,
    sino: Option<u64>,
}

impl Lex {
    /// The lexical data of `fold`, its skeleton appended to `text`.
    pub(super) fn new(fold: &str, text: &mut String) -> Lex {
        let a = text.len();
        skeleton_into(fold, text);
        let skel = (a as u32, text.len() as u32);
        Lex {
            skel,
            hash: fx_hash(fold),
            skel_hash: fx_hash(&text[a..]),
            mask: letter_mask(fold),
            sino_plausible: None,
            sino: None,
        }
    }
}

/// Bit `i` set when `f` contains letter `a + i`; bit 26 for any digit.
pub(crate) fn letter_mask(f: &str) -> u32 {
    f.bytes().fold(0u32, |m, b| match b {
        b'a'..=b'z' => m | 1 << (b - b'a'),
        b'0'..=b'9' => m | 1 << 26,
        _ => m,
    })
}

/// One analysed chunk.
#[derive(Debug, Clone, Copy)]
struct Entry {
    /// The analyser whose tables the chunk was looked up in.
    owner: u64,
    hash: u64,
    /// The chunk as written, a span of the cache's text.
    raw: Span,
    /// Its NFKC form (the same span when NFKC leaves it alone).
    norm: Span,
    /// Its tokens, a range of the cache's tokens.
    toks: (u32, u32),
    /// A comma comes before the first token (or the chunk is all
    /// punctuation with a comma): it marks the previous token.
    comma_before: bool,
    /// The chunk's last token folded to nothing and was left out (a lone
    /// combining mark after a hyphen, "a-\u{483}"): a comma in the next
    /// chunk marks that token, not the one kept before it. `None` when the
    /// chunk has no tokens at all.
    last_dropped: Option<bool>,
    /// The chunk's guess of the Cyrillic convention, if it points away
    /// from the default.
    style: Option<fold::CyrillicStyle>,
    /// Its NFKC form has an opening bracket.
    brackets: bool,
}

/// What the chunks of a name say about the name as a whole.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Front {
    /// The strongest guess of the Cyrillic convention, if any points away
    /// from the default.
    pub style: Option<fold::CyrillicStyle>,
    /// The NFKC form has an opening bracket, `(` or `[`.
    pub brackets: bool,
}

/// The bounded per-thread cache of analysed chunks.
pub(super) struct ChunkCache {
    /// Entry index + 1 per slot; 0 for an empty slot.
    slots: Vec<u32>,
    entries: Vec<Entry>,
    /// Raw and NFKC chunks, folded forms and skeletons.
    text: String,
    /// Tokens of the entries: offsets relative to the chunk's NFKC form,
    /// folded forms as spans of `text`; and their lexical data, once asked
    /// for.
    toks: Vec<(Tok, Option<Lex>)>,
    /// Scratch for tokenising a new chunk.
    tmp: Vec<Tok>,
    tmp_folds: String,
}

impl Default for ChunkCache {
    fn default() -> Self {
        ChunkCache {
            slots: vec![0; SLOTS],
            entries: Vec::new(),
            text: String::new(),
            toks: Vec::new(),
            tmp: Vec::new(),
            tmp_folds: String::new(),
        }
    }
}

impl ChunkCache {
    /// Empties the cache when it is full. Called between names only, so
    /// that a name's tokens may refer to entries.
    fn prepare(&mut self) {
        if self.entries.len() > MAX_ENTRIES || self.text.len() > MAX_TEXT {
            self.slots.iter_mut().for_each(|s| *s = 0);
            self.entries.clear();
            self.text.clear();
            self.toks.clear();
        }
    }

    /// The lexical data of a token read from the cache, computed on the
    /// first request (a display or a key alone needs none of it).
    pub(super) fn lex(&mut self, tok: &Tok) -> Option<(Lex, &str)> {
        let lex = self.lex_mut(tok)?;
        let lex = *lex;
        Some((lex, sub(&self.text, lex.skel)))
    }

    /// The cached lexical data of a token, computed if need be; `None` for
    /// a token that is not from the cache.
    fn lex_mut(&mut self, tok: &Tok) -> Option<&mut Lex> {
        let k = tok.lex as usize;
        let (cached, lex) = self.toks.get_mut(k)?;
        if lex.is_none() {
            // The folded form is a span of `text`, which the skeleton
            // extends: copy it out first.
            self.tmp_folds.clear();
            self.tmp_folds.push_str(sub(&self.text, cached.fold));
            *lex = Some(Lex::new(&self.tmp_folds, &mut self.text));
        }
        lex.as_mut()
    }

    /// Whether a token's folded form `fold` may read as Chinese syllables
    /// (a cheap test before [`ChunkCache::sino_key`]), kept in the cache
    /// once computed.
    pub(super) fn sino_plausible(&mut self, tok: &Tok, fold: &str) -> bool {
        match self.lex_mut(tok) {
            Some(lex) => *lex
                .sino_plausible
                .get_or_insert_with(|| crate::sino::plausible(fold)),
            None => crate::sino::plausible(fold),
        }
    }

    /// The Chinese syllable key of a token's folded form `fold`, kept in
    /// the cache once computed.
    pub(super) fn sino_key(&mut self, tok: &Tok, fold: &str) -> u64 {
        match self.lex_mut(tok) {
            Some(lex) => *lex.sino.get_or_insert_with(|| crate::sino::key(fold)),
            None => crate::sino::key(fold),
        }
    }

    /// Splits `input` into chunks and appends their NFKC forms to `norm`
    /// (joined by single spaces), their tokens to `toks` (offsets into
    /// `norm`) and the tokens' folded forms to `folds`, in the default
    /// Cyrillic convention. Tokens that fold to nothing are left out.
    pub(super) fn front(
        &mut self,
        t: &Tables,
        owner: u64,
        input: &str,
        norm: &mut String,
        toks: &mut Vec<Tok>,
        folds: &mut String,
    ) -> Front {
        self.prepare();
        let mut front = Front::default();
        // Whether the last token read so far folded to nothing.
        let mut dropped = false;
        let b = input.as_bytes();
        let mut i = 0;
        while i < b.len() {
            if b[i].is_ascii_whitespace() {
                i += 1;
                continue;
            }
            let start = i;
            while i < b.len() && !b[i].is_ascii_whitespace() {
                i += 1;
            }
            // ASCII white space never falls inside a UTF-8 sequence.
            let chunk = &input[start..i];
            if !norm.is_empty() {
                norm.push(' ');
            }
            let at = norm.len();
            let e = self.entry(t, owner, chunk);
            let e = self.entries[e];
            front.style = fold::stronger_style(front.style, e.style);
            front.brackets |= e.brackets;
            if e.comma_before && !dropped {
                if let Some(last) = toks.last_mut() {
                    last.comma = true;
                }
            }
            if let Some(d) = e.last_dropped {
                dropped = d;
            }
            norm.push_str(sub(&self.text, e.norm));
            for k in e.toks.0..e.toks.1 {
                let (tok, _) = &self.toks[k as usize];
                let mut tok = tok.clone();
                tok.start += at;
                tok.end += at;
                let a = folds.len() as u32;
                folds.push_str(sub(&self.text, tok.fold));
                tok.fold = (a, folds.len() as u32);
                tok.lex = k;
                toks.push(tok);
            }
        }
        front
    }

    /// The index of the entry for `chunk`, analysing it if need be.
    fn entry(&mut self, t: &Tables, owner: u64, chunk: &str) -> usize {
        let mut h = rustc_hash::FxHasher::default();
        h.write_u64(owner);
        h.write(chunk.as_bytes());
        let hash = h.finish();
        let bucket = (hash as usize ^ (hash >> 32) as usize) & (SLOTS - WAYS);
        // The slot to fill on a miss: an empty one, else the one holding the
        // oldest entry.
        let mut victim = bucket;
        for slot in bucket..bucket + WAYS {
            let found = self.slots[slot];
            if found == 0 {
                victim = slot;
                break;
            }
            let e = &self.entries[found as usize - 1];
            if e.hash == hash && e.owner == owner && sub(&self.text, e.raw) == chunk {
                return found as usize - 1;
            }
            if found < self.slots[victim] {
                victim = slot;
            }
        }
        let e = self.analyse(t, owner, chunk, hash);
        self.entries.push(e);
        if chunk.len() <= MAX_CHUNK {
            self.slots[victim] = self.entries.len() as u32;
        }
        self.entries.len() - 1
    }

    /// Analyses one chunk into a new entry.
    fn analyse(&mut self, t: &Tables, owner: u64, chunk: &str, hash: u64) -> Entry {
        let n = fold::nfkc(chunk);
        let s: &str = &n;
        let mut tmp = std::mem::take(&mut self.tmp);
        tokenize_into(s, &mut tmp);
        narrow_dotted(s, &mut tmp, &mut self.tmp_folds);
        split_camel(s, &mut tmp);
        let first = tmp.first().map_or(s.len(), |x| x.start);
        let comma_before = first > 0 && s[..first].contains([',', '،', '，']);
        let raw = push(&mut self.text, chunk);
        let norm = if s == chunk {
            raw
        } else {
            push(&mut self.text, s)
        };
        let a = self.toks.len() as u32;
        let mut last_dropped = None;
        for mut tok in tmp.drain(..) {
            self.tmp_folds.clear();
            fold_tok(t, s, &mut tok, None, &mut self.tmp_folds);
            last_dropped = Some(self.tmp_folds.is_empty());
            if self.tmp_folds.is_empty() {
                continue;
            }
            tok.particle = tok.word.is(crate::tables::Word::PARTICLE);
            tok.fold = push(&mut self.text, &self.tmp_folds);
            self.toks.push((tok, None));
        }
        self.tmp = tmp;
        Entry {
            owner,
            hash,
            raw,
            norm,
            toks: (a, self.toks.len() as u32),
            comma_before,
            last_dropped,
            // Text below U+0400 has no Cyrillic.
            style: if s.bytes().all(|b| b < 0xD0) {
                None
            } else {
                super::tokens_style(s, self.toks[a as usize..].iter().map(|x| &x.0))
            },
            brackets: super::tokens::has_any_byte(s.as_bytes(), b"(["),
        }
    }
}

fn push(text: &mut String, s: &str) -> Span {
    let a = text.len() as u32;
    text.push_str(s);
    (a, text.len() as u32)
}

#[cfg(test)]
mod tests {
    use super::super::{
        fold_tok, narrow_dotted, split_camel, tokenize_into, Analyzer, Kind, Scratch, Tok,
    };
    use super::ChunkCache;
    use crate::fold;
    use crate::tables::Word;
    use proptest::prelude::*;

    /// What the rest of analysis reads of a token.
    fn view(s: &str, folds: &str, t: &Tok) -> String {
        format!(
            "{:?} {:?} sep={:?} dot={} comma={} dotted={} upper={} lower={} cased={} particle={} word={:?}",
            &s[t.start..t.end],
            &folds[t.fold.0 as usize..t.fold.1 as usize],
            t.sep,
            t.dot,
            t.comma,
            t.dotted,
            t.upper,
            t.lower,
            t.cased,
            t.particle,
            t.word,
        )
    }

    /// The tokens of `input` read as one string, as analysis did before it
    /// read chunks.
    fn whole(a: &Analyzer, input: &str) -> Vec<String> {
        let n = fold::nfkc(input);
        let mut toks = Vec::new();
        tokenize_into(&n, &mut toks);
        narrow_dotted(&n, &mut toks, &mut String::new());
        split_camel(&n, &mut toks);
        // The convention that the tokens kept, each read as a word, show.
        let mut folds = String::new();
        toks.retain_mut(|tok| {
            fold_tok(&a.tables, &n, tok, None, &mut folds);
            tok.fold.1 > tok.fold.0
        });
        let style = super::super::tokens_style(&n, toks.iter());
        toks.retain_mut(|tok| {
            fold_tok(&a.tables, &n, tok, style, &mut folds);
            tok.particle = tok.word.is(Word::PARTICLE);
            tok.fold.1 > tok.fold.0
        });
        toks.iter().map(|t| view(&n, &folds, t)).collect()
    }

    /// The tokens of `input` read chunk by chunk through `cache`, Cyrillic
    /// folded again as analysis does.
    fn chunked(a: &Analyzer, cache: &mut ChunkCache, input: &str) -> Vec<String> {
        let (mut norm, mut toks, mut folds) = (String::new(), Vec::new(), String::new());
        let front = cache.front(&a.tables, a.id, input, &mut norm, &mut toks, &mut folds);
        assert_eq!(front.brackets, norm.contains(['(', '[']));
        if let Some(style) = front.style {
            toks.retain_mut(|tok| {
                if norm[tok.start..tok.end].bytes().all(|b| b < 0xD0) {
                    return true;
                }
                fold_tok(&a.tables, &norm, tok, Some(style), &mut folds);
                tok.particle = tok.word.is(Word::PARTICLE);
                tok.fold.1 > tok.fold.0
            });
        }
        toks.iter().map(|t| view(&norm, &folds, t)).collect()
    }

    /// Analyses `s` with an empty cache of its own.
    fn cold(a: &Analyzer, s: &str, kind: Option<Kind>) -> crate::Name {
        a.analyze_with(s, kind, &mut Scratch::default())
    }

    fn word() -> impl Strategy<Value = String> {
        prop_oneof![
            Just("Juvénal".to_string()),
            Just("LOUDIYI,".to_string()),
            Just(",".to_string()),
            Just("Brig.".to_string()),
            Just("Gen.".to_string()),
            Just("Mohammed".to_string()),
            Just("VI".to_string()),
            Just("al-Sarraj".to_string()),
            Just("AbdellatifLoudyi".to_string()),
            Just("J.R.R.".to_string()),
            Just("Bayer".to_string()),
            Just("AG".to_string()),
            Just("Зеленський".to_string()),
            Just("Володимир".to_string()),
            Just("Лукашэнка".to_string()),
            Just("Путин".to_string()),
            Just("ГригоренкоИван".to_string()),
            Just("习近平".to_string()),
            Just("김정은".to_string()),
            Just("Jong-un".to_string()),
            Just("ﬁ".to_string()),
            Just("Ｍａｒｙ".to_string()),
            "[A-Za-zÀ-ÿЀ-ӿ'.,\\-]{1,8}",
        ]
    }

    fn sep() -> impl Strategy<Value = &'static str> {
        prop_oneof![
            Just(" "),
            Just("  "),
            Just(" , "),
            Just("\t"),
            Just("\u{a0}")
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        /// Reading chunk by chunk, cold or warm, gives the tokens that
        /// reading the whole input gives.
        #[test]
        fn chunks_read_as_the_whole(words in prop::collection::vec((word(), sep()), 1..6)) {
            let a = Analyzer::new();
            let s: String = words.iter().map(|(w, p)| format!("{w}{p}")).collect();
            let expected = whole(&a, &s);
            let mut cache = ChunkCache::default();
            prop_assert_eq!(&chunked(&a, &mut cache, &s), &expected, "{:?}", s);
            prop_assert_eq!(&chunked(&a, &mut cache, &s), &expected, "{:?}", s);
        }

        /// Cold, warm, or warmed by the name's words one at a time: the
        /// analysis is the same.
        #[test]
        fn cold_and_warm_analyses_agree(
            words in prop::collection::vec((word(), sep()), 1..6),
            org in any::<bool>(),
        ) {
            let a = Analyzer::new();
            let s: String = words.iter().map(|(w, p)| format!("{w}{p}")).collect();
            let kind = org.then_some(Kind::Org);
            let expected = cold(&a, &s, kind);
            for (w, _) in &words {
                a.analyze(w);
            }
            let first = a.analyze_inner(&s, kind);
            let again = a.analyze_inner(&s, kind);
            prop_assert_eq!(&first, &expected, "{:?}", s);
            prop_assert_eq!(&again, &expected, "{:?}", s);
        }

        /// The display form and key written alone, from a cold cache or a
        /// warm one, are those of the whole analysis.
        #[test]
        fn text_alone_is_the_names_text(
            words in prop::collection::vec((word(), sep()), 1..6),
            kind in prop::option::of(prop_oneof![Just(Kind::Org), Just(Kind::Person)]),
        ) {
            let a = Analyzer::new();
            let s: String = words.iter().map(|(w, p)| format!("{w}{p}")).collect();
            let expected = cold(&a, &s, kind);
            for _ in 0..2 {
                let display = a.with_display(&s, kind, str::to_string);
                let key = a.with_key(&s, kind, str::to_string);
                prop_assert_eq!(display.as_str(), expected.display(), "{:?}", s);
                prop_assert_eq!(key.as_str(), expected.key(), "{:?}", s);
            }
            prop_assert_eq!(&a.analyze_inner(&s, kind), &expected, "{:?}", s);
        }
    }

    /// A comma after a token that folds to nothing (a combining mark after
    /// a hyphen or a dash, at the end of a chunk) is lost with that token,
    /// whether the comma is in the same chunk or the next.
    #[test]
    fn comma_after_a_dropped_token() {
        let a = Analyzer::new();
        for s in [
            "a-\u{483} , ",
            "a-\u{483} ,",
            "a-\u{483},",
            "a\u{2013}\u{301} , b",
            "a-\u{483} x , b",
            "a-\u{483} - , b",
            "Путин-\u{483} , Володимир",
        ] {
            let expected = whole(&a, s);
            let mut cache = ChunkCache::default();
            assert_eq!(chunked(&a, &mut cache, s), expected, "{s:?}");
            assert_eq!(chunked(&a, &mut cache, s), expected, "{s:?}");
        }
        assert!(whole(&a, "a-\u{483} , ")[0].contains("comma=false"));
        assert!(whole(&a, "a-\u{483} x , ")[1].contains("comma=true"));
    }

    #[test]
    fn analysers_in_turn_keep_their_own_entries() {
        let mut b = crate::AnalyzerBuilder::new();
        b.add_table(crate::Table::Titles, "t", "Grand Vizier\troyal\n")
            .unwrap();
        let custom = b.build();
        let default = Analyzer::new();
        let s = "Grand Vizier Jafar Barmaki";
        for _ in 0..3 {
            assert_eq!(custom.analyze(s).display(), "Jafar Barmaki");
            assert_eq!(default.analyze(s).display(), "Grand Vizier Jafar Barmaki");
        }
    }
}
