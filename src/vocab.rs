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
        #[derive(serde::Serialize)]
        pub enum $name {
            $( $(#[$vmeta])* #[serde(rename = $code)] $variant ),+
        }

        // Read as a string (serde's derive asks serde_json for an enum,
        // which answers a number or `true` with a syntax error, not a
        // type error); an unknown code is serde's "unknown variant" (worded again by
        // `wire`: "unknown value `X`: did you mean …? (expected one of …)") with
        // every accepted spelling.
        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                struct Visitor;
                impl serde::de::Visitor<'_> for Visitor {
                    type Value = $name;
                    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(f, "one of {}", $name::accepted().join(", "))
                    }
                    fn visit_str<E: serde::de::Error>(self, code: &str) -> Result<$name, E> {
                        $name::from_code(code)
                            .ok_or_else(|| E::unknown_variant(code, $name::accepted()))
                    }
                }
                d.deserialize_str(Visitor)
            }
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
                $name::from_code(code).ok_or_else(|| {
                    let hint = $crate::wire::closest(code, $name::accepted())
                        .map(|a| format!("; did you mean `{a}`?"))
                        .unwrap_or_default();
                    format!(
                        "unknown value `{code}`; expected one of {}{hint}",
                        $name::accepted().join(", ")
                    )
                })
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

    };
}

pub(crate) use vocabulary;
