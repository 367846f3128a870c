//! Parsing JSON text into typed values with errors that name the field.
//!
//! Every input — a CLI line, a string handed over from JavaScript, a
//! configuration file — goes through [`parse`], so all faces of the library
//! report the same `kind`, `path` and `message` for the same mistake.

use crate::error::{Error, ErrorKind, Result};

mod de;
mod float;
mod read;
mod ser;
mod value;

pub use de::{describe, via_str, FromJson, Loc, Obj};
pub use float::Num;
pub use ser::{write_f64, write_seq, write_str, Fields, ToJson};
pub(crate) use value::jobj;
pub use value::{Dict, DictIter, Map, Node, Number, Value};

/// Largest accepted JSON text for one record (1 MiB). A registration with
/// several years of wages is a few kilobytes; anything near this limit is a
/// mistake or an attack, and is refused before it is parsed.
pub const MAX_RECORD_BYTES: usize = 1 << 20;

/// Parses `text` as a `T`, with structured errors.
///
/// # Errors
/// `TOO_LARGE` above [`MAX_RECORD_BYTES`]; `INVALID_JSON` for malformed text;
/// `UNKNOWN_FIELD`, `MISSING_FIELD`, `INVALID_TYPE`, `INVALID_VALUE`,
/// `OUT_OF_RANGE` for well-formed JSON that breaks the contract, each with
/// the path of the field.
pub fn parse<T: FromJson>(text: &str) -> Result<T> {
    parse_limited(text, MAX_RECORD_BYTES)
}

/// Like [`parse`] with a caller-chosen size limit (configuration files and
/// whole cohorts are larger than one record).
///
/// # Errors
/// As [`parse`].
pub fn parse_limited<T: FromJson>(text: &str, max_bytes: usize) -> Result<T> {
    with_document(text, max_bytes, |doc| T::read_json(doc, &Loc::Root))
}

/// Parses `text` (at most `max_bytes`) and hands the document to `read`:
/// for inputs whose type depends on their content.
///
/// # Errors
/// As [`parse_limited`], and those of `read`.
pub fn with_document<R>(
    text: &str,
    max_bytes: usize,
    read: impl FnOnce(&Node<'_>) -> Result<R>,
) -> Result<R> {
    check_size(text, max_bytes)?;
    read(&read::read(text)?)
}

/// Reads an already parsed value as a `T` (errors as [`parse`]).
///
/// # Errors
/// As [`parse`], without the syntax errors.
pub fn from_value<T: FromJson>(value: &Value) -> Result<T> {
    T::read_json(&Node::of(value), &Loc::Root)
}

/// Parses a JSON array of records one record at a time (a cohort file):
/// only one record's tree is in memory at once. Errors as
/// [`parse_limited`], with paths like `[12].person.age`.
///
/// # Errors
/// As [`parse`]; `INVALID_TYPE` when the text is not an array.
pub fn parse_array<T: FromJson>(text: &str, max_bytes: usize) -> Result<Vec<T>> {
    check_size(text, max_bytes)?;
    let mut r = read::Reader::new(text);
    if r.peek() != Some(b'[') {
        let v = read::read(text)?;
        return Err(Loc::Root.wrong_type("an array", &v));
    }
    r.enter()?;
    let mut out = Vec::new();
    if !r.eat(b']') {
        loop {
            let v = r.value()?;
            out.push(T::read_json(&v, &Loc::Root.index(out.len()))?);
            if !r.next_or_close(b']')? {
                break;
            }
        }
    }
    r.leave();
    r.end()?;
    Ok(out)
}

fn check_size(text: &str, max_bytes: usize) -> Result<()> {
    if text.len() > max_bytes {
        return Err(Error::new(
            ErrorKind::TooLarge,
            "",
            format!(
                "input is {} bytes; the limit is {} bytes",
                text.len(),
                max_bytes
            ),
        ));
    }
    Ok(())
}

/// Serializes a value as compact JSON.
pub fn to_string<T: ToJson + ?Sized>(value: &T) -> String {
    let mut out = String::new();
    value.write_json(&mut out);
    out
}

/// Serializes a value as indented JSON (two spaces, as shipped files are).
pub fn to_string_pretty<T: ToJson + ?Sized>(value: &T) -> String {
    ser::pretty(&to_string(value))
}

/// A typed value as a [`Value`] (written, then read back).
pub fn to_value<T: ToJson + ?Sized>(value: &T) -> Value {
    read::read(&to_string(value)).map_or(Value::Null, |n| n.to_value())
}

/// Reads a string from a fixed table of names (a unit enum).
///
/// # Errors
/// `INVALID_TYPE` for a non-string, `INVALID_VALUE` (with the accepted
/// names and a "did you mean") for an unknown name.
pub fn read_enum<T: Clone>(v: &Node<'_>, at: &Loc<'_>, table: &[(&str, T)]) -> Result<T> {
    let names: Vec<&str> = table.iter().map(|(n, _)| *n).collect();
    match v {
        Node::String(s) => table
            .iter()
            .find(|(n, _)| n == s)
            .map(|(_, t)| t.clone())
            .ok_or_else(|| at.error(ErrorKind::InvalidValue, unknown_value_message(s, &names))),
        other => Err(at.wrong_type(&format!("one of {}", names.join(", ")), other)),
    }
}

/// `ToJson` and `FromJson` for a unit enum written as fixed strings:
/// `string_enum!(Target { Stable => "STABLE", Without => "WITHOUT" });`
macro_rules! string_enum {
    ($t:ident { $($variant:ident => $name:literal),* $(,)? }) => {
        impl $crate::json::ToJson for $t {
            fn write_json(&self, out: &mut String) {
                let s = match self { $($t::$variant => $name),* };
                $crate::json::write_str(s, out);
            }
        }
        impl $crate::json::FromJson for $t {
            fn read_json(
                v: &$crate::json::Node<'_>,
                at: &$crate::json::Loc<'_>,
            ) -> $crate::error::Result<Self> {
                $crate::json::read_enum(v, at, &[$(($name, $t::$variant)),*])
            }
        }
    };
}
pub(crate) use string_enum;

/// The entry of `allowed` closest to `word` (case and `-`/space
/// insensitive) when it is close enough to be a likely typo.
pub(crate) fn closest<'a>(word: &str, allowed: &[&'a str]) -> Option<&'a str> {
    let upper = word.trim().to_ascii_uppercase().replace([' ', '-'], "_");
    allowed
        .iter()
        .map(|a| (edit_distance(&upper, &a.to_ascii_uppercase()), *a))
        .min_by_key(|(d, _)| *d)
        .filter(|(d, a)| *d <= 3.min(a.len() / 2) || a.eq_ignore_ascii_case(&upper))
        .map(|(_, a)| a)
}

/// "`a`, `b`, `c`".
pub(crate) fn quoted_list(items: &[&str]) -> String {
    items
        .iter()
        .map(|s| format!("`{s}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Edit distance between two short ASCII words, for "did you mean" hints.
pub(crate) fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        cur[0] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// "unknown value `x` …; expected one of A, B; did you mean `A`?"
pub(crate) fn unknown_value_message(value: &str, allowed: &[&str]) -> String {
    let hint = match closest(value, allowed) {
        Some(a) => format!("; did you mean `{a}`?"),
        None => String::new(),
    };
    format!(
        "unknown value `{value}`; expected one of {}{hint}",
        allowed.join(", ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_distance_basics() {
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("MISTET_JOBEN", "MISTET_JOBBEN"), 1);
        assert_eq!(edit_distance("abc", "abc"), 0);
    }

    #[test]
    fn hint_for_lower_case_and_typos() {
        let m = unknown_value_message("mistet_jobben", &["MISTET_JOBBEN", "HAR_SAGT_OPP"]);
        assert!(m.ends_with("did you mean `MISTET_JOBBEN`?"), "{m}");
        let m = unknown_value_message("zzzzzzzzzz", &["JA", "NEI"]);
        assert!(!m.contains("did you mean"), "{m}");
    }

    #[test]
    fn size_limit_is_checked_before_parsing() {
        let e = parse_limited::<Value>("[1,2,3]", 3).unwrap_err();
        assert_eq!(e.kind, ErrorKind::TooLarge);
    }

    #[test]
    fn trailing_text_is_invalid_json() {
        let e = parse::<Value>("{} {}").unwrap_err();
        assert_eq!(e.kind, ErrorKind::InvalidJson);
    }
}

/// TRANSITION (issue 9): `FromJson`/`ToJson` for a type that already has
/// serde derives, so parents not yet converted can still read and write it.
/// Removed with this module.
#[allow(unused_macros)]
macro_rules! json_via_serde {
    ($($t:ty),+ $(,)?) => {$(
        impl $crate::json::ToJson for $t {
            fn write_json(&self, out: &mut String) {
                out.push_str(&$crate::wire::to_string(self));
            }
        }
        impl $crate::json::FromJson for $t {
            fn read_json(
                v: &$crate::json::Node<'_>,
                at: &$crate::json::Loc<'_>,
            ) -> $crate::error::Result<Self> {
                let text = $crate::json::to_string(&v.to_value());
                $crate::wire::parse_limited::<$t>(&text, usize::MAX).map_err(|e| e.at(&at.path()))
            }
        }
    )+};
}
#[allow(unused_imports)]
pub(crate) use json_via_serde;

/// TRANSITION (issue 9): serde for a type that still has only
/// `FromJson`/`ToJson`, so converted parents can hold it. Removed with this
/// module.
#[allow(unused_macros)]
macro_rules! serde_via_json {
    ($($t:ty),+ $(,)?) => {$(
        impl serde::Serialize for $t {
            fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
                let text = $crate::json::to_string(self);
                let v: serde_json::Value =
                    serde_json::from_str(&text).map_err(serde::ser::Error::custom)?;
                v.serialize(s)
            }
        }
        impl<'de> serde::Deserialize<'de> for $t {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
                let v = serde_json::Value::deserialize(d)?;
                let text = serde_json::to_string(&v).map_err(serde::de::Error::custom)?;
                $crate::json::parse_limited::<$t>(&text, usize::MAX).map_err(|e| e.into_de())
            }
        }
    )+};
}
#[allow(unused_imports)]
pub(crate) use serde_via_json;

serde_via_json!(Value);

impl serde::Serialize for Map {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        Value::Object(self.clone()).serialize(s)
    }
}
