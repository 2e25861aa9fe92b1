//! The information weight of a part within its name: how much a match or a
//! mismatch of the part says about the whole name. Computed once per part
//! when a name is analysed; comparison weighs its alignments with it.

use super::{Part, Tag};

/// Information weight of a part within its name.
pub(crate) fn weight(p: &Part<'_>, name_len: usize) -> f32 {
    let d = p.data();
    match p.tag() {
        Tag::Particle => 0.15,
        Tag::Initial => 0.35,
        Tag::Legal => 0.2,
        Tag::Suffix | Tag::Regnal => 0.0,
        Tag::Given | Tag::Family | Tag::Word => {
            if d.connector {
                return 0.05;
            }
            if d.generic {
                return 0.3;
            }
            let known_given = !p.groups().is_empty();
            let mut w: f32 = match (p.tag(), known_given) {
                (Tag::Family, false) => 1.0,
                (Tag::Family, true) if name_len > 1 => 0.9,
                (Tag::Family, true) => 0.75,
                (_, false) => 0.8,
                (_, true) => 0.5,
            };
            let len = p.fold().len();
            // A hyphenated syllable (Jong-un) is part of a longer name.
            if d.joined {
                return w;
            }
            if len <= 2 {
                w *= 0.6;
            } else if len == 3 {
                w *= 0.85;
            }
            w
        }
    }
}
