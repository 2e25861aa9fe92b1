//! Small shared helpers for every stage.

use crate::error::{Error, ErrorKind};

/// The error of a `FromStr` impl that does not know `s`.
pub(crate) fn unknown_word(s: &str, what: &str, expected: &str) -> Error {
    Error::at(
        ErrorKind::Parse,
        &format!("{s:?}"),
        None,
        format!("not a {what}: expected {expected}"),
    )
}

/// Gives a field-less enum its names from one list: `as_str` (the first
/// name of each variant), `Display` (writes `as_str`) and `FromStr`
/// (any name of a variant, ignoring case and surrounding white space; an
/// [`ErrorKind::Parse`] error naming `what` and listing `expected` for
/// anything else).
///
/// ```ignore
/// str_enum! {
///     /// The kind's name.
///     pub Kind, "kind", "person, org or unknown" {
///         Person => "person" | "per" | "p",
///         Org => "org" | "organisation" | "organization" | "o",
///         Unknown => "unknown" | "",
///     }
/// }
/// ```
macro_rules! str_enum {
    (
        $(#[$doc:meta])*
        $vis:vis $ty:ident, $what:literal, $expected:literal {
            $($var:ident => $name:literal $(| $alias:literal)*),+ $(,)?
        }
    ) => {
        impl $ty {
            $(#[$doc])*
            $vis fn as_str(self) -> &'static str {
                match self {
                    $($ty::$var => $name,)+
                }
            }

            /// Every value, in the order of this list (which `as_str`'s
            /// match keeps complete).
            #[allow(dead_code)]
            pub(crate) const VARIANTS: &'static [$ty] = &[$($ty::$var),+];
        }

        #[doc = concat!("Writes [`", stringify!($ty), "::as_str`].")]
        impl std::fmt::Display for $ty {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        #[doc = concat!("Parses ", $expected, ", ignoring case and surrounding white space.")]
        impl std::str::FromStr for $ty {
            type Err = $crate::error::Error;

            fn from_str(s: &str) -> Result<$ty, $crate::error::Error> {
                let w = s.trim();
                $(
                    if w.eq_ignore_ascii_case($name) $(|| w.eq_ignore_ascii_case($alias))* {
                        return Ok($ty::$var);
                    }
                )+
                Err($crate::util::unknown_word(s, $what, $expected))
            }
        }
    };
}
pub(crate) use str_enum;
