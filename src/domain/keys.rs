//! Enums whose variants are stored and shown by a stable key.

/// Declares an enum whose variants serialise as the given keys, with `ALL`,
/// `as_str()` (stable key, also used for CSS classes and i18n) and `parse()`.
macro_rules! key_enum {
    ($(#[$m:meta])* pub enum $name:ident { $($(#[$vm:meta])* $var:ident = $key:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
        pub enum $name { $($(#[$vm])* #[serde(rename = $key)] $var),+ }

        impl $name {
            /// Every variant, in display order.
            pub const ALL: &'static [$name] = &[$($name::$var),+];

            /// The stable key stored in the archive.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$var => $key),+ }
            }

            /// The variant stored under `key`, if any.
            pub fn parse(key: &str) -> Option<Self> {
                match key { $($key => Some($name::$var),)+ _ => None }
            }
        }
    };
}
