//! [`FromJson`]: typed values from a parsed [`Node`], with errors that carry the
//! JSON path of the field (`answers.situation`, `wages[3].nok`).
//!
//! Objects are read through [`Obj`], which checks the JSON type, rejects
//! unknown and repeated keys, and reads each field by name; every type
//! writes its reader in a few lines, without generated visitor code.

use super::value::{Node, Number, Value};
use crate::error::{Error, ErrorKind, Result};
use std::borrow::Cow;

/// Where a value sits in the document (a linked list on the stack; the
/// path text is only built for an error).
#[derive(Clone, Copy)]
pub enum Loc<'a> {
    /// The document itself.
    Root,
    /// A key of an object.
    Key(&'a Loc<'a>, &'a str),
    /// An element of an array.
    Index(&'a Loc<'a>, usize),
}

impl<'a> Loc<'a> {
    /// The location of `key` inside this one.
    pub fn key(&'a self, key: &'a str) -> Loc<'a> {
        Loc::Key(self, key)
    }
    /// The location of element `i` inside this one.
    pub fn index(&'a self, i: usize) -> Loc<'a> {
        Loc::Index(self, i)
    }
    /// The path text: `a.b[2].c`.
    pub fn path(&self) -> String {
        let mut s = String::new();
        self.render(&mut s);
        s
    }
    fn render(&self, out: &mut String) {
        match self {
            Loc::Root => {}
            Loc::Key(parent, key) => {
                parent.render(out);
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(key);
            }
            Loc::Index(parent, i) => {
                parent.render(out);
                out.push('[');
                out.push_str(&i.to_string());
                out.push(']');
            }
        }
    }
    /// An error at this location.
    pub fn error(&self, kind: ErrorKind, message: impl Into<String>) -> Error {
        Error::new(kind, self.path(), message)
    }
    /// An error found by a check with its own relative path, moved here.
    pub fn nest(&self, e: Error) -> Error {
        e.at(&self.path())
    }
    /// `INVALID_TYPE`: "expected X, got Y".
    pub fn wrong_type(&self, expected: &str, got: &Node<'_>) -> Error {
        self.error(
            ErrorKind::InvalidType,
            format!("expected {expected}, got {}", describe(got)),
        )
    }
}

/// A value for messages: `the string "45 000"`, `the number 3`, `an object`.
pub fn describe(v: &Node<'_>) -> String {
    const MAX: usize = 40;
    match v {
        Node::String(s) => {
            // Quoted and escaped as JSON (not Rust's `{:?}`, whose Unicode
            // tables would add 10 KB to the wasm module).
            let mut out = String::from("the string ");
            match s.char_indices().nth(MAX) {
                Some((cut, _)) => {
                    super::ser::write_str(s.get(..cut).unwrap_or(s), &mut out);
                    out.push('…');
                }
                None => super::ser::write_str(s, &mut out),
            }
            out
        }
        Node::Number(n) => format!("the number {n}"),
        Node::Bool(b) => format!("`{b}`"),
        other => other.kind().to_string(),
    }
}

/// A type that can be read from a parsed JSON [`Node`].
pub trait FromJson: Sized {
    /// Reads `v`, found at `at`.
    ///
    /// # Errors
    /// `INVALID_TYPE`, `INVALID_VALUE`, `MISSING_FIELD`, `UNKNOWN_FIELD`,
    /// `OUT_OF_RANGE`, … with the path of the offending field.
    fn read_json(v: &Node<'_>, at: &Loc<'_>) -> Result<Self>;
}

impl FromJson for Value {
    fn read_json(v: &Node<'_>, _: &Loc<'_>) -> Result<Self> {
        Ok(v.to_value())
    }
}

impl FromJson for bool {
    fn read_json(v: &Node<'_>, at: &Loc<'_>) -> Result<Self> {
        match v {
            Node::Bool(b) => Ok(*b),
            other => Err(at.wrong_type("`true` or `false`", other)),
        }
    }
}

impl FromJson for String {
    fn read_json(v: &Node<'_>, at: &Loc<'_>) -> Result<Self> {
        match v {
            Node::String(s) => Ok(s.to_string()),
            other => Err(at.wrong_type("a string", other)),
        }
    }
}

impl FromJson for f64 {
    fn read_json(v: &Node<'_>, at: &Loc<'_>) -> Result<Self> {
        match v {
            Node::Number(n) => Ok(n.as_f64()),
            other => Err(at.wrong_type("a number", other)),
        }
    }
}

/// A whole number in `min..=max`.
fn integer(v: &Node<'_>, at: &Loc<'_>, min: i64, max: u64) -> Result<Number> {
    let n = match v {
        Node::Number(n) => *n,
        other => return Err(at.wrong_type("a whole number", other)),
    };
    let ok = match n {
        Number::U(u) => u <= max,
        Number::I(i) => i >= min,
        Number::F(_) => {
            return Err(at.error(
                ErrorKind::InvalidType,
                format!("expected a whole number, got the number {n}"),
            ))
        }
    };
    if ok {
        Ok(n)
    } else {
        Err(at.error(ErrorKind::OutOfRange, format!("{n} is outside {min}–{max}")))
    }
}

macro_rules! read_integer {
    ($($t:ty),*) => {$(
        impl FromJson for $t {
            fn read_json(v: &Node<'_>, at: &Loc<'_>) -> Result<Self> {
                #[allow(clippy::cast_possible_wrap, clippy::cast_lossless)]
                let n = integer(v, at, <$t>::MIN as i64, <$t>::MAX as u64)?;
                Ok(match n {
                    Number::U(u) => u as $t,
                    Number::I(i) => i as $t,
                    Number::F(_) => 0 as $t,
                })
            }
        }
    )*};
}
read_integer!(u8, u16, u32, u64, usize, i32, i64);

impl<T: FromJson> FromJson for Option<T> {
    fn read_json(v: &Node<'_>, at: &Loc<'_>) -> Result<Self> {
        match v {
            Node::Null => Ok(None),
            v => T::read_json(v, at).map(Some),
        }
    }
}

impl<T: FromJson> FromJson for Vec<T> {
    fn read_json(v: &Node<'_>, at: &Loc<'_>) -> Result<Self> {
        let Node::Array(items) = v else {
            return Err(at.wrong_type("an array", v));
        };
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            out.push(T::read_json(item, &at.index(i))?);
        }
        Ok(out)
    }
}

impl<T: FromJson> FromJson for Box<T> {
    fn read_json(v: &Node<'_>, at: &Loc<'_>) -> Result<Self> {
        T::read_json(v, at).map(Box::new)
    }
}

/// The fields of a JSON object, read by name.
pub struct Obj<'v, 'l> {
    map: &'v [(Cow<'v, str>, Node<'v>)],
    at: &'l Loc<'l>,
}

impl<'v, 'l> Obj<'v, 'l> {
    /// Checks that `v` is an object whose keys are all in `known`, none
    /// repeated.
    ///
    /// # Errors
    /// `INVALID_TYPE` for anything but an object; `UNKNOWN_FIELD` (at the
    /// key) for a key outside `known`; `INVALID_VALUE` for a repeated key.
    pub fn new(v: &'v Node<'v>, at: &'l Loc<'l>, known: &[&str]) -> Result<Self> {
        let obj = Obj::lenient(v, at)?;
        // Which known keys were seen (objects have at most 64 known keys;
        // beyond that a repeat is looked for the slow way).
        let mut seen = 0u64;
        for (i, (key, _)) in obj.map.iter().enumerate() {
            let Some(k) = known.iter().position(|k| *k == key.as_ref()) else {
                let hint = super::closest(key, known)
                    .map(|k| format!("; did you mean `{k}`?"))
                    .unwrap_or_default();
                return Err(at.key(key).error(
                    ErrorKind::UnknownField,
                    format!(
                        "unknown field `{key}`, expected one of {}{hint}",
                        super::quoted_list(known)
                    ),
                ));
            };
            let repeated = if k < 64 {
                let bit = 1u64 << k;
                let r = seen & bit != 0;
                seen |= bit;
                r
            } else {
                obj.map[..i].iter().any(|(other, _)| other == key)
            };
            if repeated {
                return Err(at
                    .key(key)
                    .error(ErrorKind::InvalidValue, format!("duplicate field `{key}`")));
            }
        }
        Ok(obj)
    }

    /// Checks only that `v` is an object (unknown keys are ignored).
    ///
    /// # Errors
    /// `INVALID_TYPE` for anything but an object.
    pub fn lenient(v: &'v Node<'v>, at: &'l Loc<'l>) -> Result<Self> {
        match v {
            Node::Object(map) => Ok(Obj { map, at }),
            other => Err(at.wrong_type("an object", other)),
        }
    }

    /// The raw value under `key`.
    pub fn get(&self, key: &str) -> Option<&'v Node<'v>> {
        self.map.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    /// The location of the object.
    pub fn at(&self) -> &'l Loc<'l> {
        self.at
    }

    /// A required field.
    ///
    /// # Errors
    /// `MISSING_FIELD` when absent; the field's own errors.
    pub fn req<T: FromJson>(&self, key: &str) -> Result<T> {
        let v = self.required(key)?;
        T::read_json(v, &self.at.key(key))
    }

    /// The value under a required key (not generic: one copy of the
    /// missing-field error for every type read).
    #[inline(never)]
    fn required(&self, key: &str) -> Result<&'v Node<'v>> {
        self.get(key).ok_or_else(|| {
            self.at
                .key(key)
                .error(ErrorKind::MissingField, format!("missing field `{key}`"))
        })
    }

    /// An optional field: absent or `null` is `None`.
    ///
    /// # Errors
    /// The field's own errors.
    pub fn opt<T: FromJson>(&self, key: &str) -> Result<Option<T>> {
        match self.get(key) {
            None | Some(Node::Null) => Ok(None),
            Some(v) => T::read_json(v, &self.at.key(key)).map(Some),
        }
    }

    /// A field with a default: absent is `T::default()`.
    ///
    /// # Errors
    /// The field's own errors (`null` is not absent).
    pub fn or_default<T: FromJson + Default>(&self, key: &str) -> Result<T> {
        self.or_else(key, T::default)
    }

    /// A field with a default: absent is `default()`.
    ///
    /// # Errors
    /// The field's own errors (`null` is not absent).
    pub fn or_else<T: FromJson>(&self, key: &str, default: impl FnOnce() -> T) -> Result<T> {
        match self.get(key) {
            Some(v) => T::read_json(v, &self.at.key(key)),
            None => Ok(default()),
        }
    }
}

/// Reads a string field through `FromStr`, whose error is the message
/// (an `INVALID_VALUE`); `expected` names the form for a wrong type.
///
/// # Errors
/// `INVALID_TYPE` for a non-string, `INVALID_VALUE` for a string `parse`
/// refuses.
pub fn via_str<T: std::str::FromStr<Err = String>>(
    v: &Node<'_>,
    at: &Loc<'_>,
    expected: &str,
) -> Result<T> {
    match v {
        Node::String(s) => s.parse().map_err(|m| at.error(ErrorKind::InvalidValue, m)),
        other => Err(at.wrong_type(expected, other)),
    }
}

impl<T: FromJson> FromJson for super::value::Dict<T> {
    fn read_json(v: &Node<'_>, at: &Loc<'_>) -> Result<Self> {
        let o = Obj::lenient(v, at)?;
        let mut d = super::value::Dict::new();
        for (k, item) in o.map {
            d.insert(k.to_string(), T::read_json(item, &at.key(k))?);
        }
        Ok(d)
    }
}
