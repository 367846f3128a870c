//! The `vocabulary!` macro: closed sets of code words (NAV's own enum
//! values) that parse with errors listing the allowed values and a
//! "did you mean" hint, and serialize back to their canonical spelling.

/// Declares a vocabulary enum. Each variant has its canonical code and
/// optional aliases that parse to it (`MistetJobben = "MISTET_JOBBEN" |
/// "HAR_BLITT_SAGT_OPP"`).
macro_rules! vocabulary {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $code:literal $(| $alias:literal)* ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[derive(serde::Serialize, serde::Deserialize)]
        pub enum $name {
            $( $(#[$vmeta])* #[serde(rename = $code $(, alias = $alias)*)] $variant ),+
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The canonical code word.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $code),+
                }
            }

            /// Position in [`Self::ALL`].
            pub fn index(self) -> usize {
                self as usize
            }

            /// Parses a code word or one of its aliases (exact match).
            pub fn from_code(code: &str) -> Option<$name> {
                match code {
                    $( $code $(| $alias)* => Some($name::$variant), )+
                    _ => None,
                }
            }

            /// Every accepted spelling, canonical codes first.
            pub fn accepted() -> &'static [&'static str] {
                &[$($code,)+ $($($alias,)*)+]
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl std::str::FromStr for $name {
            type Err = String;
            fn from_str(code: &str) -> Result<Self, String> {
                $name::from_code(code)
                    .ok_or_else(|| $crate::json::unknown_value_message(code, $name::accepted()))
            }
        }

        // The TypeScript type: a union of every accepted spelling (see src/ts.rs).
        #[cfg(test)]
        impl ts_rs::TS for $name {
            type WithoutGenerics = Self;
            type OptionInnerType = Self;
            fn docs() -> Option<String> {
                $crate::ts::docs(&[$(stringify!($meta)),*])
            }
            fn name(_: &ts_rs::Config) -> String {
                String::from(stringify!($name))
            }
            fn inline(_: &ts_rs::Config) -> String {
                $crate::ts::union($name::accepted())
            }
            fn decl(cfg: &ts_rs::Config) -> String {
                format!("type {} = {};", stringify!($name), Self::inline(cfg))
            }
            fn decl_concrete(cfg: &ts_rs::Config) -> String {
                Self::decl(cfg)
            }
            fn output_path() -> Option<std::path::PathBuf> {
                Some(std::path::PathBuf::from(concat!(stringify!($name), ".ts")))
            }
        }

        impl $crate::json::ToJson for $name {
            fn write_json(&self, out: &mut String) {
                $crate::json::write_str(self.as_str(), out);
            }
        }

        impl $crate::json::FromJson for $name {
            fn read_json(
                v: &$crate::json::Node<'_>,
                at: &$crate::json::Loc<'_>,
            ) -> $crate::error::Result<Self> {
                match v {
                    $crate::json::Node::String(s) => s
                        .parse()
                        .map_err(|m: String| at.error($crate::error::ErrorKind::InvalidValue, m)),
                    other => Err(at.wrong_type(
                        &format!("one of {}", $name::accepted().join(", ")),
                        other,
                    )),
                }
            }
        }

        impl From<$name> for $crate::json::Value {
            fn from(v: $name) -> $crate::json::Value {
                $crate::json::Value::from(v.as_str())
            }
        }
    };
}

pub(crate) use vocabulary;
