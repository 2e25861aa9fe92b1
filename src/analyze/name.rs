//! The analysed name: its texts in one buffer, its parts, and how it
//! serializes.

use super::{Kind, Tag};
use serde::ser::{SerializeStruct, Serializer};
use serde::Serialize;

/// A byte range of a text buffer.
pub(super) type Span = (u32, u32);

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct PartData {
    pub(super) text: Span,
    pub(super) fold: Span,
    pub(super) skel: Span,
    pub(super) groups: Span,
    pub(super) nicks: Span,
    pub(crate) tag: Tag,
    pub(crate) hash: u64,
    pub(crate) skel_hash: u64,
    /// Bit `i` set when the folded form contains letter `a + i`; bits 26..
    /// for digits. A cheap filter before edit distances.
    pub(crate) mask: u32,
    /// A generic word (organisation word, particle) that says little.
    pub(crate) generic: bool,
    /// Information weight (see the comparison module), precomputed.
    pub(crate) weight: f32,
    /// One bit per group id modulo 64: a cheap test before intersecting.
    pub(crate) group_sig: u64,
    /// The same for nickname groups.
    pub(crate) nick_sig: u64,
    /// A connecting word of an organisation name ("of", "the").
    pub(crate) connector: bool,
    /// Joined to the previous part by a hyphen or nothing (Jong-un).
    pub(crate) joined: bool,
    /// Romanised Chinese syllable key of a personal name part, 0 if none
    /// or if some other main part of the name is not Chinese.
    pub(crate) sino: u64,
    /// The first letter of the folded form as the comparison reads first
    /// letters, and the spelling facts it tests on every pair, read once
    /// from the fold (see `analyze::spelling`).
    pub(crate) head: u8,
    pub(crate) spelling: u8,
}

/// An analysed name: original, display form, comparison key, kind, removed
/// titles and tagged parts.
///
/// ```
/// use canonym::{analyze, Kind, Tag};
///
/// let name = analyze("BRIG. GEN. PATRICK KARURETWA");
/// assert_eq!(name.display(), "Patrick Karuretwa");
/// assert_eq!(name.key(), "karuretwa patrick");
/// assert_eq!(name.kind(), Kind::Person);
/// assert_eq!(name.titles(), ["brig gen"]);
/// let tags: Vec<_> = name.parts().map(|p| (p.fold(), p.tag())).collect();
/// assert_eq!(tags, [("patrick", Tag::Given), ("karuretwa", Tag::Family)]);
/// ```
///
/// A name serializes as one object: the original (as `input`), the display
/// form, the key, the kind, the removed titles and the parts, each part as
/// `{"text", "tag"}`; this is what `canonym normalise --format jsonl`
/// writes.
///
/// ```
/// let name = canonym::analyze("Dr. Ada Lovelace");
/// assert_eq!(
///     serde_json::to_string(&name).unwrap(),
///     r#"{"input":"Dr. Ada Lovelace","display":"Ada Lovelace","key":"ada lovelace","kind":"person","titles":["dr"],"parts":[{"text":"Ada","tag":"given"},{"text":"Lovelace","tag":"family"}]}"#,
/// );
/// ```
#[derive(Debug, Clone)]
pub struct Name {
    /// The original, the display form, the key, the parts' folded forms
    /// and their skeletons, one after the other: one allocation for all
    /// the text of a name. The spans below and the parts' spans index it.
    pub(super) buf: Box<str>,
    pub(super) original: Span,
    pub(super) display: Span,
    pub(super) key: Span,
    pub(super) kind: Kind,
    /// Whether the kind rests on a decisive cue (a legal form or
    /// organisation word, a personal title, initials, a number, or the
    /// caller) rather than on a known given name alone.
    pub(super) kind_cue: bool,
    pub(super) titles: Box<[String]>,
    /// The group ids that the parts' `groups` and `nicks` spans index:
    /// `None` for the bundled ids (no copy), else the name's own.
    pub(super) ids: Option<Box<[u32]>>,
    pub(super) parts: Box<[PartData]>,
}

/// A view of one part of a [`Name`].
#[derive(Debug, Clone, Copy)]
pub struct Part<'a> {
    pub(super) name: &'a Name,
    pub(super) data: &'a PartData,
}

pub(super) fn sub(s: &str, (a, b): Span) -> &str {
    &s[a as usize..b as usize]
}

impl<'a> Part<'a> {
    /// The part as displayed (original script and diacritics, recased).
    pub fn text(&self) -> &'a str {
        sub(&self.name.buf, self.data.text)
    }

    /// The folded comparison form: ASCII `[a-z0-9]`. Legal forms and
    /// suffixes give their canonical form.
    pub fn fold(&self) -> &'a str {
        sub(&self.name.buf, self.data.fold)
    }

    /// The transliteration skeleton of the folded form (see
    /// [`skeleton`](crate::skeleton)).
    pub fn skeleton(&self) -> &'a str {
        sub(&self.name.buf, self.data.skel)
    }

    /// The part's role.
    pub fn tag(&self) -> Tag {
        self.data.tag
    }

    /// Ids of the given-name variant groups this part belongs to (sorted).
    pub fn groups(&self) -> &'a [u32] {
        let (a, b) = self.data.groups;
        &self.name.ids()[a as usize..b as usize]
    }

    /// Ids of the nickname groups this part belongs to (sorted).
    pub fn nicknames(&self) -> &'a [u32] {
        let (a, b) = self.data.nicks;
        &self.name.ids()[a as usize..b as usize]
    }

    pub(crate) fn data(&self) -> &'a PartData {
        self.data
    }
}

// The comparison's per-part facts (`head`, `spelling`) sit in what was
// padding: a name's parts take no more memory for them.
#[cfg(target_pointer_width = "64")]
const _: () = assert!(std::mem::size_of::<PartData>() == 96);

impl PartData {
    /// The length of the folded form in bytes.
    #[inline]
    pub(crate) fn fold_len(&self) -> usize {
        (self.fold.1 - self.fold.0) as usize
    }
}

impl Name {
    /// The parts' data, in order.
    #[inline]
    pub(crate) fn parts_data(&self) -> &[PartData] {
        &self.parts
    }

    /// The group ids the parts' spans index.
    #[inline]
    fn ids(&self) -> &[u32] {
        match &self.ids {
            None => crate::tables::bundled_arena(),
            Some(ids) => ids,
        }
    }

    /// The input exactly as given.
    pub fn original(&self) -> &str {
        sub(&self.buf, self.original)
    }

    /// The display form: titles removed, diacritics and script kept,
    /// sensible capitalisation, given names first.
    pub fn display(&self) -> &str {
        sub(&self.buf, self.display)
    }

    /// The comparison key: ASCII lower-case folded parts in sorted order,
    /// separated by single spaces. Equal keys mean the same name up to case,
    /// diacritics, script, titles, punctuation and word order.
    pub fn key(&self) -> &str {
        sub(&self.buf, self.key)
    }

    /// Person, organisation or unknown.
    pub fn kind(&self) -> Kind {
        self.kind
    }

    /// The titles, ranks, roles and post-nominals that were removed, folded
    /// ("brig gen"), in input order.
    pub fn titles(&self) -> &[String] {
        &self.titles
    }

    /// The tagged parts, in display order.
    pub fn parts(&self) -> impl ExactSizeIterator<Item = Part<'_>> + Clone + '_ {
        self.parts.iter().map(move |data| Part { name: self, data })
    }

    /// The number of parts.
    pub fn len(&self) -> usize {
        self.parts.len()
    }

    /// Whether the name has no parts (an empty or punctuation-only input).
    pub fn is_empty(&self) -> bool {
        self.parts.is_empty()
    }

    /// The `i`-th part.
    ///
    /// # Panics
    ///
    /// If `i` is not below [`Name::len`]; [`Name::get`] returns `None`
    /// instead.
    pub fn part(&self, i: usize) -> Part<'_> {
        Part {
            name: self,
            data: &self.parts[i],
        }
    }

    /// The part whose data is `data`, one of [`Name::parts_data`]'s.
    #[inline]
    pub(crate) fn part_of<'n>(&'n self, data: &'n PartData) -> Part<'n> {
        debug_assert!(self
            .parts
            .as_ptr_range()
            .contains(&(data as *const PartData)));
        Part { name: self, data }
    }

    /// The folded form of part `data`, one of [`Name::parts_data`]'s.
    #[inline]
    pub(crate) fn fold_of(&self, data: &PartData) -> &str {
        sub(&self.buf, data.fold)
    }

    /// The `i`-th part, or `None` if the name has `i` parts or fewer.
    pub fn get(&self, i: usize) -> Option<Part<'_>> {
        self.parts.get(i).map(|data| Part { name: self, data })
    }

    /// Returns the name with its kind set by the caller.
    pub fn with_kind(mut self, kind: Kind) -> Name {
        self.kind = kind;
        self.kind_cue = true;
        self
    }

    /// Whether the kind rests on a decisive cue rather than a guess: a
    /// legal form or organisation word, a personal title, initials, a
    /// regnal or generational number, list order, or the caller's word. A
    /// person and an organisation conflict only when both kinds are certain.
    pub fn kind_is_certain(&self) -> bool {
        self.kind_cue && self.kind != Kind::Unknown
    }
}

/// Names are equal when their texts, kinds, titles and parts are, whichever
/// ids their parts' groups are spans of.
impl PartialEq for Name {
    fn eq(&self, other: &Name) -> bool {
        let same_part = |a: Part<'_>, b: Part<'_>| {
            let plain = |p: &PartData| PartData {
                groups: (0, 0),
                nicks: (0, 0),
                ..p.clone()
            };
            plain(a.data) == plain(b.data)
                && a.groups() == b.groups()
                && a.nicknames() == b.nicknames()
        };
        self.buf == other.buf
            && self.original == other.original
            && self.display == other.display
            && self.key == other.key
            && self.kind == other.kind
            && self.kind_cue == other.kind_cue
            && self.titles == other.titles
            && self.len() == other.len()
            && self
                .parts()
                .zip(other.parts())
                .all(|(a, b)| same_part(a, b))
    }
}

impl Serialize for Name {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Name", 6)?;
        st.serialize_field("input", self.original())?;
        st.serialize_field("display", self.display())?;
        st.serialize_field("key", self.key())?;
        st.serialize_field("kind", &self.kind)?;
        st.serialize_field("titles", &self.titles)?;
        st.serialize_field("parts", &Parts(self))?;
        st.end()
    }
}

/// A name's parts as a JSON array.
struct Parts<'a>(&'a Name);

impl Serialize for Parts<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.parts())
    }
}

/// A part serializes as `{"text", "tag"}`.
impl Serialize for Part<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Part", 2)?;
        st.serialize_field("text", self.text())?;
        st.serialize_field("tag", &self.tag())?;
        st.end()
    }
}
