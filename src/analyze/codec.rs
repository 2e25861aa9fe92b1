//! A compact binary form of an analysed [`Name`], so that a store can keep
//! the analyses of its names instead of analysing them again on every
//! open.
//!
//! # Format (version 3)
//!
//! Unsigned integers are LEB128 varints unless said otherwise; a text is
//! its byte length then its UTF-8 bytes; a span is its start then its
//! length.
//!
//! 1. the format version (`3`);
//! 2. one byte: 1 when the original text is the display form and both
//!    open the text buffer (the original is then not written twice), else
//!    0; when 1, the original's byte length follows;
//! 3. the text buffer (original, display form, key, folded forms and
//!    skeletons, one after the other), without its leading original when
//!    the byte before says so;
//! 4. the spans of the original, the display form and the key;
//! 5. one byte: the kind (0 person, 1 org, 2 unknown), plus 4 when the kind
//!    rests on a decisive cue;
//! 6. the titles: their number, then each text;
//! 7. the group and nickname ids: one byte 0 when the parts' spans index
//!    the bundled tables' ids (the name was analysed with them), else 1,
//!    their number, then each;
//! 8. the parts: their number, then per part the spans of its text, folded
//!    form, skeleton, groups and nicknames; one byte of tag (the order of
//!    [`Tag`]'s variants); one byte of flags (1 generic, 2 connector,
//!    4 joined, 8 lexical data written); when flag 8 is set, its hash and
//!    skeleton hash (8 bytes each, little-endian) and its letter mask;
//!    its weight (4 bytes, little-endian `f32`); its Chinese syllable key.
//!
//! A part's hash, skeleton hash and letter mask are those of its folded
//! form and skeleton (as analysis makes them), so they are written only
//! when they are not: the reader computes them again. Version 2 wrote
//! them always, and the original twice; it is no longer read (a store
//! keeps the analyses of one build only, see [`crate::Store`]).
//! The group and nickname signatures of a part are recomputed from its ids.
//! A blob is only as good as the analysis that wrote it: its reader must
//! know that the same analysis would give the same name (the store keys
//! its blobs by the build and the analyzer).

use super::name::{sub, PartData, Span};
use super::{Kind, Name, Tag};

/// The version of the format [`Name::encode`] writes.
pub(crate) const FORMAT: u64 = 3;

/// The tags by their byte in the format: their order in [`Tag`]'s one list
/// of names (a tag added at its end keeps the bytes of the others).
const TAGS: &[Tag] = Tag::VARIANTS;

/// A tag's byte in the format.
fn tag_byte(t: Tag) -> u8 {
    TAGS.iter()
        .position(|&x| x == t)
        .expect("every tag is listed") as u8
}

fn put(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push(v as u8 | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

fn put_span(out: &mut Vec<u8>, (a, b): Span) {
    put(out, u64::from(a));
    put(out, u64::from(b - a));
}

fn put_text(out: &mut Vec<u8>, s: &str) {
    put(out, s.len() as u64);
    out.extend_from_slice(s.as_bytes());
}

/// A reader over a blob; every read fails (`None`) past its end.
struct Reader<'a> {
    bytes: &'a [u8],
}

impl<'a> Reader<'a> {
    fn byte(&mut self) -> Option<u8> {
        let (&b, rest) = self.bytes.split_first()?;
        self.bytes = rest;
        Some(b)
    }

    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        if n > self.bytes.len() {
            return None;
        }
        let (a, b) = self.bytes.split_at(n);
        self.bytes = b;
        Some(a)
    }

    fn uint(&mut self) -> Option<u64> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            v |= u64::from(b & 0x7f) << shift;
            if b < 0x80 {
                return Some(v);
            }
        }
        None
    }

    fn u32(&mut self) -> Option<u32> {
        u32::try_from(self.uint()?).ok()
    }

    fn len(&mut self) -> Option<usize> {
        let n = usize::try_from(self.uint()?).ok()?;
        // Every item takes a byte at least: a longer count is damage.
        (n <= self.bytes.len()).then_some(n)
    }

    fn fixed8(&mut self) -> Option<u64> {
        Some(u64::from_le_bytes(self.take(8)?.try_into().ok()?))
    }

    fn text(&mut self) -> Option<&'a str> {
        let n = self.len()?;
        std::str::from_utf8(self.take(n)?).ok()
    }

    /// A span within `limit` bytes that starts and ends on characters of
    /// `buf` (or within `limit` ids when `buf` is `None`).
    fn span(&mut self, limit: usize, buf: Option<&str>) -> Option<Span> {
        let a = self.u32()?;
        let b = a.checked_add(self.u32()?)?;
        if b as usize > limit {
            return None;
        }
        if let Some(s) = buf {
            if !s.is_char_boundary(a as usize) || !s.is_char_boundary(b as usize) {
                return None;
            }
        }
        Some((a, b))
    }
}

/// The hash, skeleton hash and letter mask that analysis gives a part
/// whose folded form is `fold` and skeleton `skel`.
fn lexical(fold: &str, skel: &str) -> (u64, u64, u32) {
    (
        super::fx_hash(fold),
        super::fx_hash(skel),
        super::letter_mask(fold),
    )
}

fn sig(ids: &[u32]) -> u64 {
    ids.iter().fold(0, |m, &g| m | 1u64 << (g % 64))
}

impl Name {
    /// This analysis as the one of its original text that a store makes:
    /// with the kind given when it is known (`analyze_as`), with the kind
    /// guessed when it is not (`analyze`). A given kind differs from the
    /// same kind guessed only in resting on a cue (the kind is the only use
    /// analysis makes of it), so a known kind is restated by setting the
    /// cue; an unknown kind that was given cannot be restated as guessed
    /// (`None`).
    pub(crate) fn restated(&self) -> Option<Name> {
        match self.kind {
            Kind::Unknown if self.kind_cue => None,
            Kind::Unknown => Some(self.clone()),
            k => Some(self.clone().with_kind(k)),
        }
    }

    /// The name in the compact form described in the module docs.
    pub(crate) fn encode(&self, out: &mut Vec<u8>) {
        put(out, FORMAT);
        let (a, b) = self.original;
        let len = b - a;
        let twice = a == 0
            && self.display == (len, 2 * len)
            && self.buf[..len as usize] == self.buf[len as usize..2 * len as usize];
        if twice {
            out.push(1);
            put(out, u64::from(len));
            put_text(out, &self.buf[len as usize..]);
        } else {
            out.push(0);
            put_text(out, &self.buf);
        }
        put_span(out, self.original);
        put_span(out, self.display);
        put_span(out, self.key);
        let kind = match self.kind {
            Kind::Person => 0,
            Kind::Org => 1,
            Kind::Unknown => 2,
        };
        out.push(kind | if self.kind_cue { 4 } else { 0 });
        put(out, self.titles.len() as u64);
        for t in &self.titles {
            put_text(out, t);
        }
        match &self.ids {
            None => out.push(0),
            Some(ids) => {
                out.push(1);
                put(out, ids.len() as u64);
                for &id in ids.iter() {
                    put(out, u64::from(id));
                }
            }
        }
        put(out, self.parts.len() as u64);
        for p in &self.parts {
            for s in [p.text, p.fold, p.skel, p.groups, p.nicks] {
                put_span(out, s);
            }
            out.push(tag_byte(p.tag));
            let own = (p.hash, p.skel_hash, p.mask);
            let written = own != lexical(sub(&self.buf, p.fold), sub(&self.buf, p.skel));
            out.push(
                u8::from(p.generic)
                    | u8::from(p.connector) << 1
                    | u8::from(p.joined) << 2
                    | u8::from(written) << 3,
            );
            if written {
                out.extend_from_slice(&p.hash.to_le_bytes());
                out.extend_from_slice(&p.skel_hash.to_le_bytes());
                put(out, u64::from(p.mask));
            }
            out.extend_from_slice(&p.weight.to_le_bytes());
            put(out, p.sino);
        }
    }

    /// The name that [`Name::encode`] wrote into `bytes`; `None` for
    /// another format version or a damaged blob (never a panic, never a
    /// name whose spans leave its buffer).
    pub(crate) fn decode(bytes: &[u8]) -> Option<Name> {
        let mut r = Reader { bytes };
        if r.uint()? != FORMAT {
            return None;
        }
        let buf = match r.byte()? {
            0 => r.text()?.to_string(),
            1 => {
                let len = r.len()?;
                let rest = r.text()?;
                let original = rest.get(..len)?;
                let mut buf = String::with_capacity(len + rest.len());
                buf.push_str(original);
                buf.push_str(rest);
                buf
            }
            _ => return None,
        };
        let n = buf.len();
        let original = r.span(n, Some(&buf))?;
        let display = r.span(n, Some(&buf))?;
        let key = r.span(n, Some(&buf))?;
        let k = r.byte()?;
        let kind = match k & 3 {
            0 => Kind::Person,
            1 => Kind::Org,
            2 => Kind::Unknown,
            _ => return None,
        };
        if k > 7 {
            return None;
        }
        let count = r.len()?;
        let mut titles = Vec::with_capacity(count);
        for _ in 0..count {
            titles.push(r.text()?.to_string());
        }
        let own = match r.byte()? {
            0 => None,
            1 => {
                let count = r.len()?;
                let mut ids = Vec::with_capacity(count);
                for _ in 0..count {
                    ids.push(r.u32()?);
                }
                Some(ids)
            }
            _ => return None,
        };
        let ids: &[u32] = match &own {
            None => crate::tables::bundled_arena(),
            Some(ids) => ids,
        };
        let count = r.len()?;
        let mut parts = Vec::with_capacity(count);
        for _ in 0..count {
            let text = r.span(n, Some(&buf))?;
            let fold = r.span(n, Some(&buf))?;
            let skel = r.span(n, Some(&buf))?;
            let groups = r.span(ids.len(), None)?;
            let nicks = r.span(ids.len(), None)?;
            let tag = *TAGS.get(r.byte()? as usize)?;
            let flags = r.byte()?;
            if flags > 15 {
                return None;
            }
            let (hash, skel_hash, mask) = if flags & 8 != 0 {
                (r.fixed8()?, r.fixed8()?, r.u32()?)
            } else {
                lexical(sub(&buf, fold), sub(&buf, skel))
            };
            let weight = f32::from_le_bytes(r.take(4)?.try_into().ok()?);
            let sino = r.uint()?;
            let (head, spelling) = super::spelling::spelling(sub(&buf, fold));
            parts.push(PartData {
                text,
                fold,
                skel,
                groups,
                nicks,
                tag,
                hash,
                skel_hash,
                mask,
                generic: flags & 1 != 0,
                weight,
                group_sig: sig(&ids[groups.0 as usize..groups.1 as usize]),
                nick_sig: sig(&ids[nicks.0 as usize..nicks.1 as usize]),
                connector: flags & 2 != 0,
                joined: flags & 4 != 0,
                sino,
                head,
                spelling,
            });
        }
        if !r.bytes.is_empty() {
            return None;
        }
        Some(Name {
            buf: buf.into_boxed_str(),
            original,
            display,
            key,
            kind,
            kind_cue: k & 4 != 0,
            titles: titles.into_boxed_slice(),
            ids: own.map(Vec::into_boxed_slice),
            parts: parts.into_boxed_slice(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::FORMAT;
    use crate::analyze::Analyzer;
    use crate::Kind;

    /// Each tag has its own byte: its place in the one list of tags (the
    /// one `Tag::as_str` matches on, so that no tag is left out), and the
    /// bytes blobs already hold stay.
    #[test]
    fn tags_take_their_bytes_from_the_one_list() {
        use crate::analyze::Tag;
        let mut seen = std::collections::BTreeSet::new();
        for (i, &t) in super::TAGS.iter().enumerate() {
            assert_eq!(super::tag_byte(t), i as u8);
            assert!(seen.insert(t.as_str()), "{t} listed twice");
        }
        for (t, byte) in [
            (Tag::Given, 0),
            (Tag::Family, 1),
            (Tag::Regnal, 5),
            (Tag::Word, 7),
        ] {
            assert_eq!(super::tag_byte(t), byte);
        }
    }

    #[test]
    fn names_come_back_exactly() {
        let a = Analyzer::new();
        let names = [
            a.analyze("BRIG. GEN. PATRICK KARURETWA"),
            a.analyze("Kim Jong-un"),
            a.analyze("Deutsche Bank AG"),
            a.analyze("Muhammad bin Salman Al Saud"),
            a.analyze("محمد بن سلمان"),
            a.analyze("Zhang Wei"),
            a.analyze("J. R. R. Tolkien Jr."),
            a.analyze_as("Smith", Kind::Person),
            a.analyze(""),
            // A name analysed with tables of the caller's own carries its
            // own group ids rather than spans of the bundled ones.
            crate::AnalyzerBuilder::new()
                .add_table(crate::Table::GivenNames, "own", "Zorbuleth\tZorbulet\n")
                .unwrap()
                .build()
                .analyze("Zorbulet Haddad"),
        ];
        assert!(names.last().unwrap().ids.is_some());
        for n in &names {
            let mut blob = Vec::new();
            n.encode(&mut blob);
            let back = super::Name::decode(&blob).expect("decodes");
            assert_eq!(&back, n);
            // Every cut of the blob is refused, not misread.
            for cut in 0..blob.len() {
                assert!(super::Name::decode(&blob[..cut]).is_none());
            }
            let mut longer = blob.clone();
            longer.push(0);
            assert!(super::Name::decode(&longer).is_none());
        }
    }

    /// A name restated is the analysis of its original text with its kind
    /// given (known) or guessed (unknown), whether the kind was guessed or
    /// given when it was made.
    #[test]
    fn restated_names_are_the_analyses_of_their_text_as_their_kind() {
        let a = Analyzer::new();
        let texts = [
            "Nasser Omar Bourita",
            "Bourita",
            "BRIG. GEN. PATRICK KARURETWA",
            "Deutsche Bank AG",
            "Kim Jong-un",
            "J. R. R. Tolkien Jr.",
            "Apple",
            "Zorbuleth Haddad",
            "Smith, John",
        ];
        let mut seen = [false; 3];
        for t in texts {
            for made in [
                a.analyze(t),
                a.analyze_as(t, Kind::Person),
                a.analyze_as(t, Kind::Org),
                a.analyze_as(t, Kind::Unknown),
            ] {
                let given = made.kind() == Kind::Unknown && made.kind_cue;
                match made.restated() {
                    Some(r) => {
                        let want = match made.kind() {
                            Kind::Unknown => a.analyze(t),
                            k => a.analyze_as(t, k),
                        };
                        assert_eq!(r, want, "{t}");
                        seen[made.kind() as usize % 3] = true;
                    }
                    None => assert!(given, "{t}: only a given unknown kind is refused"),
                }
            }
        }
        assert_eq!(seen, [true; 3]);
    }

    /// What analysis gives is not written twice: an original that is its
    /// display form is written once, and a part's hashes and letter mask
    /// are read back from its texts; a name whose parts carry others (or
    /// whose original is not its display form) keeps them exactly.
    #[test]
    fn derived_data_is_left_out_and_other_data_kept() {
        let a = Analyzer::new();
        let plain = a.analyze("Nasser Bourita");
        assert_eq!(plain.original(), plain.display());
        let mut blob = Vec::new();
        plain.encode(&mut blob);
        assert_eq!(blob[1], 1, "the original is written once");
        for p in plain.parts.iter() {
            for h in [p.hash, p.skel_hash] {
                assert!(!blob.windows(8).any(|w| w == h.to_le_bytes()));
            }
        }
        assert_eq!(
            blob.windows(plain.original().len())
                .filter(|w| *w == plain.original().as_bytes())
                .count(),
            1
        );
        assert_eq!(super::Name::decode(&blob).unwrap(), plain);
        let mut odd = a.analyze("NASSER bourita");
        assert_ne!(odd.original(), odd.display());
        let mut parts = odd.parts.to_vec();
        parts[0].hash ^= 1;
        parts[1].mask |= 1 << 30;
        odd.parts = parts.into_boxed_slice();
        let mut blob = Vec::new();
        odd.encode(&mut blob);
        assert_eq!(blob[1], 0);
        let back = super::Name::decode(&blob).unwrap();
        assert_eq!(back, odd);
        assert_eq!(back.parts[0].hash, odd.parts[0].hash);
        assert_eq!(back.parts[1].mask, odd.parts[1].mask);
        for cut in 0..blob.len() {
            assert!(super::Name::decode(&blob[..cut]).is_none());
        }
    }

    #[test]
    fn another_version_or_damage_is_refused() {
        let mut blob = Vec::new();
        Analyzer::new().analyze("Nasser Bourita").encode(&mut blob);
        let mut other = blob.clone();
        other[0] = FORMAT as u8 + 1;
        assert!(super::Name::decode(&other).is_none());
        // Flipping any byte never panics.
        for i in 0..blob.len() {
            for x in [0x01u8, 0x80, 0xff] {
                let mut d = blob.clone();
                d[i] ^= x;
                let _ = super::Name::decode(&d);
            }
        }
    }
}
