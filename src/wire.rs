//! JSON text in and out, with structured errors.
//!
//! Every input — a CLI line, a string handed over from JavaScript, a
//! configuration file — is read through [`parse`]: serde_json does the
//! reading, `serde_path_to_error` names the field, and this module turns
//! serde's message into an [`Error`] with a kind, the JSON path of the field
//! (`answers.situation`, `wages[3].nok`) and a message. So the CLI, the
//! library and the wasm package report the same error for the same mistake.
//!
//! Every struct is read from a JSON object only: an array of its fields in
//! order, which serde's derived readers would take, is `INVALID_TYPE` at the
//! struct's path (`objects_only`, under both readers).
//!
//! A check inside a `Deserialize` impl (a wage below zero, a birth date after
//! registration) reports its own [`Error`] through [`Error::into_de`]; its
//! kind and relative path survive the trip through serde and are joined to
//! the place where serde found it.
//!
//! # Example
//! ```
//! use veivalg::domain::person::Person;
//! let e = veivalg::wire::parse::<Person>(r#"{"registeredOn": "2025-03-14", "age": 40,
//!   "answers": {"situation": "MISTET_JOBEN"}}"#).unwrap_err();
//! assert_eq!((e.kind.as_str(), e.path.as_str()), ("INVALID_VALUE", "answers.situation"));
//! assert!(e.message.contains("did you mean `MISTET_JOBBEN`?"), "{}", e.message);
//! ```

use crate::error::{Error, ErrorKind, Num, Result};
use objects_only::ObjectsOnly;
use serde::de::DeserializeOwned;
use serde::Serialize;

mod objects_only;
mod words;

/// Largest accepted JSON text for one record (1 MiB). A registration with
/// several years of wages is a few kilobytes; anything near this limit is a
/// mistake or an attack, and is refused before it is parsed.
pub const MAX_RECORD_BYTES: usize = 1 << 20;

/// Deepest accepted nesting of arrays and objects (serde_json's own limit).
pub const MAX_DEPTH: usize = 128;

/// Parses `text` as a `T`, with structured errors.
///
/// # Errors
/// `TOO_LARGE` above [`MAX_RECORD_BYTES`]; `INVALID_JSON` for malformed text
/// (with line and column); `UNKNOWN_FIELD`, `MISSING_FIELD`, `INVALID_TYPE`,
/// `INVALID_VALUE`, `OUT_OF_RANGE` for well-formed JSON that breaks the
/// contract, each with the path of the field (an array where an object
/// belongs is `INVALID_TYPE`).
pub fn parse<T: DeserializeOwned>(text: &str) -> Result<T> {
    parse_limited(text, MAX_RECORD_BYTES)
}

/// Like [`parse`] with a caller-chosen size limit (configuration files and
/// whole cohorts are larger than one record).
///
/// # Errors
/// As [`parse`].
pub fn parse_limited<T: DeserializeOwned>(text: &str, max_bytes: usize) -> Result<T> {
    check_size(text, max_bytes)?;
    let mut de = serde_json::Deserializer::from_str(text);
    let value = serde_path_to_error::deserialize(ObjectsOnly(&mut de)).map_err(convert)?;
    de.end().map_err(|e| {
        Error::new(
            ErrorKind::InvalidJson,
            "",
            format!("unexpected text after the JSON value{}", position(&e)),
        )
    })?;
    Ok(value)
}

/// [`parse`] for the many records of a cohort file and the person of every
/// wasm call: serde_json alone first, and only text that fails is read
/// again through serde_path_to_error for the path (tracking the path costs
/// on every value, and errors are the rare case). The answer is the same as
/// [`parse`]'s; the price is a second copy of `T`'s reading code in the
/// binary, so the other entry points keep [`parse`].
///
/// # Errors
/// As [`parse`].
pub fn parse_many<T: DeserializeOwned>(text: &str) -> Result<T> {
    check_size(text, MAX_RECORD_BYTES)?;
    // The fast path reads structs from objects only too: an array of a
    // struct's fields must not pass here and only fail in `parse`.
    let mut fast = serde_json::Deserializer::from_str(text);
    if let Ok(value) = T::deserialize(ObjectsOnly(&mut fast)) {
        if fast.end().is_ok() {
            return Ok(value);
        }
    }
    parse(text)
}

/// Reads a JSON value already in memory as a `T` (errors as [`parse`],
/// without the syntax errors).
///
/// # Errors
/// As [`parse`].
pub fn from_value<T: DeserializeOwned>(value: &serde_json::Value) -> Result<T> {
    serde_path_to_error::deserialize(ObjectsOnly(value)).map_err(convert)
}

/// Reads a JSON value already in memory as a `T` through the text reader
/// of [`parse`]: the value is written back as JSON text and read from it.
/// The answer and the errors are [`from_value`]'s (the same kinds, paths
/// and messages; an object's keys come in the value's order, as there):
/// serde_json writes every number so that it reads back the same
/// (`float_roundtrip`), and a value held in memory has no syntax error, no
/// number beyond f64 and no nesting beyond what it was read with, so
/// nothing but `T`'s own errors can arise. What differs is the binary: for
/// a type whose text reader is there anyway (a person), this needs no
/// second, `Value`-fed copy of its reader, which [`from_value`] does.
///
/// # Errors
/// As [`from_value`].
pub(crate) fn from_value_as_text<T: DeserializeOwned>(value: &serde_json::Value) -> Result<T> {
    // The text may be longer than the one the value was read from (`1e2`
    // is written `100.0`), so no size limit: that was checked on the way in.
    parse_limited(&to_string(value), usize::MAX)
}

/// Reads one text cell (a CSV field) as a `T` through `T`'s own
/// `Deserialize`, handed the cell as a string: the same vocabularies (with
/// their "did you mean" hints), dates and months as in JSON, with the same
/// kinds. The error's path is empty; the caller puts the column in front.
///
/// # Example
/// ```
/// use veivalg::domain::form::Situation;
/// let s: Situation = veivalg::wire::text_cell("MISTET_JOBBEN").unwrap();
/// assert_eq!(s, Situation::MistetJobben);
/// let e = veivalg::wire::text_cell::<Situation>("MISTET_JOBEN").unwrap_err();
/// assert_eq!(e.kind.as_str(), "INVALID_VALUE");
/// assert!(e.message.contains("did you mean `MISTET_JOBBEN`?"), "{}", e.message);
/// ```
///
/// # Errors
/// `INVALID_VALUE` for a code outside the vocabulary or a malformed date;
/// what `T`'s own checks report.
pub fn text_cell<T: DeserializeOwned>(text: &str) -> Result<T> {
    T::deserialize(serde::de::value::StrDeserializer::<serde_json::Error>::new(
        text,
    ))
    .map_err(|e| {
        let bare = e.to_string();
        classify(String::new(), &bare)
    })
}

/// Reads one cell that holds a JSON scalar — a number (`41000`, `0.5`) or a
/// boolean (`true`, `false`) — as a `T`, through serde_json and `T`'s own
/// `Deserialize` (so a negative wage is the same `OUT_OF_RANGE` as in
/// JSON). Text that is not such a scalar is `INVALID_TYPE`, naming what
/// was expected (`expected`, e.g. "a number of NOK") and what was found.
///
/// # Example
/// ```
/// let n: u32 = veivalg::wire::scalar_cell("40", "a whole number").unwrap();
/// assert_eq!(n, 40);
/// let e = veivalg::wire::scalar_cell::<f64>("41 000", "a number of NOK").unwrap_err();
/// assert_eq!(e.kind.as_str(), "INVALID_TYPE");
/// ```
///
/// # Errors
/// `INVALID_TYPE` for text that is not a JSON number or boolean, or of the
/// wrong one of the two; `T`'s own errors (`OUT_OF_RANGE`, …).
pub fn scalar_cell<T: DeserializeOwned>(text: &str, expected: &str) -> Result<T> {
    let scalar = matches!(
        text.as_bytes().first(),
        Some(b'-' | b'0'..=b'9' | b't' | b'f')
    );
    let invalid = || {
        let hint = if text.contains(',') && text.replace(',', ".").parse::<f64>().is_ok() {
            "; write decimals with a point (`0.5`)"
        } else if text.contains(' ') && text.replace(' ', "").parse::<f64>().is_ok() {
            "; write numbers without spaces (`41000`)"
        } else {
            ""
        };
        Error::new(
            ErrorKind::InvalidType,
            "",
            format!("expected {expected}, got `{text}`{hint}"),
        )
    };
    if !scalar || text.len() > 64 {
        return Err(invalid());
    }
    match parse_many::<T>(text) {
        Ok(v) => Ok(v),
        Err(e) if matches!(e.kind, ErrorKind::InvalidJson | ErrorKind::InvalidType) => {
            Err(invalid())
        }
        Err(e) => Err(e),
    }
}

/// Serializes a value as compact JSON.
///
/// The library's own output types always serialize (string keys, finite
/// numbers); should one ever fail, the failure is an error value, not a
/// panic.
pub fn to_string<T: Serialize + ?Sized>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_else(|e| serialize_failed(&e))
}

/// Serializes a value as indented JSON (two spaces, as the shipped files are).
pub fn to_string_pretty<T: Serialize + ?Sized>(value: &T) -> String {
    serde_json::to_string_pretty(value).unwrap_or_else(|e| serialize_failed(&e))
}

fn serialize_failed(e: &serde_json::Error) -> String {
    Error::new(
        ErrorKind::InvalidConfig,
        "",
        format!("could not serialize: {e}"),
    )
    .to_json()
}

/// Deserializes a JSON array of at most `max` elements: the error
/// (`TOO_LARGE`, "more than {max} {what}") comes as soon as element
/// `max + 1` is met, before anything more is read or allocated.
///
/// # Errors
/// `TOO_LARGE` past `max`; the elements' own errors.
pub fn bounded_vec<'de, D, T>(
    d: D,
    max: usize,
    what: &'static str,
) -> std::result::Result<Vec<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: serde::Deserialize<'de>,
{
    struct Bounded<T> {
        max: usize,
        what: &'static str,
        item: std::marker::PhantomData<T>,
    }
    impl<'de, T: serde::Deserialize<'de>> serde::de::Visitor<'de> for Bounded<T> {
        type Value = Vec<T>;
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            write!(f, "an array of at most {} {}", self.max, self.what)
        }
        fn visit_seq<A: serde::de::SeqAccess<'de>>(
            self,
            mut seq: A,
        ) -> std::result::Result<Vec<T>, A::Error> {
            let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(self.max).min(4096));
            while let Some(item) = seq.next_element()? {
                if out.len() == self.max {
                    return Err(Error::new(
                        ErrorKind::TooLarge,
                        "",
                        format!(
                            "more than {} {}; at most {} are accepted",
                            self.max, self.what, self.max
                        ),
                    )
                    .into_de());
                }
                out.push(item);
            }
            Ok(out)
        }
    }
    d.deserialize_seq(Bounded {
        max,
        what,
        item: std::marker::PhantomData,
    })
}

/// A shipped item chosen by its id, or given whole: `"variant-a"` or
/// `{"id": "variant-a", …}`. Any other JSON type is `INVALID_TYPE` ("expected
/// an id (string) or an object, got …"); the object's own errors keep their
/// paths (`policy.cutoff`).
///
/// The object is read in place, field by field, by `T`'s own reader over
/// the map the deserializer hands over (serde's `MapAccessDeserializer`),
/// not first into a `serde_json::Value`: so the structs-from-objects rule
/// and serde_json's depth limit apply inside it as everywhere, its first
/// error in document order is the one reported, and a key given twice is
/// an error (`INVALID_VALUE`, naming the field) as in every other struct.
///
/// # Example
/// ```
/// use veivalg::routing::policy::Policy;
/// use veivalg::wire::{self, IdOr};
/// let id: IdOr<Policy> = wire::parse(r#""variant-a""#).unwrap();
/// assert_eq!(id, IdOr::Id("variant-a".into()));
/// let e = wire::parse::<IdOr<Policy>>("[1]").unwrap_err();
/// assert_eq!(e.kind.as_str(), "INVALID_TYPE");
/// assert_eq!(e.message, "expected an id (string) or an object, got an array");
/// ```
#[derive(Debug, Clone, PartialEq)]
pub enum IdOr<T> {
    /// The id of a shipped item.
    Id(String),
    /// The item itself.
    Value(Box<T>),
}

impl<'de, T: serde::Deserialize<'de>> serde::Deserialize<'de> for IdOr<T> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        d.deserialize_any(IdOrVisitor(std::marker::PhantomData))
    }
}

/// Reads an [`IdOr`]: a string is the id, an object is handed to `T`'s
/// reader; any other type is serde's `invalid type` error, which
/// [`classify`] turns into `INVALID_TYPE` in JSON's words
/// (`words::plain`: "expected an id (string) or an object, got the number 5").
struct IdOrVisitor<T>(std::marker::PhantomData<T>);

impl<'de, T: serde::Deserialize<'de>> serde::de::Visitor<'de> for IdOrVisitor<T> {
    type Value = IdOr<T>;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("an id (string) or an object")
    }

    fn visit_str<E: serde::de::Error>(self, id: &str) -> std::result::Result<IdOr<T>, E> {
        Ok(IdOr::Id(id.to_string()))
    }

    fn visit_string<E: serde::de::Error>(self, id: String) -> std::result::Result<IdOr<T>, E> {
        Ok(IdOr::Id(id))
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(
        self,
        map: A,
    ) -> std::result::Result<IdOr<T>, A::Error> {
        T::deserialize(serde::de::value::MapAccessDeserializer::new(map))
            .map(|t| IdOr::Value(Box::new(t)))
    }
}

/// The JSON type of a value, for messages (`a number`, `an array`, …).
pub fn json_type(v: &serde_json::Value) -> &'static str {
    match v {
        serde_json::Value::Null => "null",
        serde_json::Value::Bool(_) => "a boolean",
        serde_json::Value::Number(_) => "a number",
        serde_json::Value::String(_) => "a string",
        serde_json::Value::Array(_) => "an array",
        serde_json::Value::Object(_) => "an object",
    }
}

fn check_size(text: &str, max_bytes: usize) -> Result<()> {
    if text.len() > max_bytes {
        return Err(Error::new(
            ErrorKind::TooLarge,
            "",
            format!(
                "input is {} bytes; the limit is {max_bytes} bytes",
                text.len()
            ),
        ));
    }
    Ok(())
}

/// ` (line L, column C)`, or nothing when serde_json knows no position.
fn position(e: &serde_json::Error) -> String {
    if e.line() == 0 {
        String::new()
    } else {
        format!(" (line {}, column {})", e.line(), e.column())
    }
}

/// Most segments of a path written out: a path deeper than this (only a
/// value nested near [`MAX_DEPTH`] levels has one; the deepest field of a
/// valid input is 5 levels down) keeps its first segments and says how
/// many more there are: `options.model.fit[0][0][0][0][0][0]…(119 more levels)`.
pub const MAX_PATH_SEGMENTS: usize = 8;

/// The JSON path of serde_path_to_error's path: `wages[3].nok`, `""` for
/// the whole input; past [`MAX_PATH_SEGMENTS`] segments, the first of them
/// and how many more there are.
fn path_text(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut out = String::new();
    let mut levels = 0;
    for segment in path.iter() {
        let (index, key) = match segment {
            Segment::Seq { index } => (Some(*index), None),
            Segment::Map { key } => (None, Some(key.as_str())),
            Segment::Enum { .. } | Segment::Unknown => continue,
        };
        levels += 1;
        if levels > MAX_PATH_SEGMENTS {
            continue;
        }
        match (index, key) {
            (Some(i), _) => out.push_str(&format!("[{i}]")),
            (_, Some(k)) => join_key(&mut out, k),
            _ => {}
        }
    }
    if levels > MAX_PATH_SEGMENTS {
        let more = levels - MAX_PATH_SEGMENTS;
        out.push_str(&format!("…({more} more levels)"));
    }
    out
}

fn join_key(out: &mut String, key: &str) {
    if !out.is_empty() {
        out.push('.');
    }
    out.push_str(key);
}

fn convert(e: serde_path_to_error::Error<serde_json::Error>) -> Error {
    let path = path_text(e.path());
    let inner = e.into_inner();
    let text = inner.to_string();
    // serde_json appends " at line L column C" to every message.
    let bare = match text.rfind(" at line ") {
        Some(i) => text.get(..i).unwrap_or(&text).to_string(),
        None => text,
    };
    use serde_json::error::Category;
    match inner.classify() {
        Category::Syntax | Category::Eof => {
            if bare.starts_with("recursion limit exceeded") {
                let message = format!("nested deeper than {MAX_DEPTH} arrays or objects");
                return Error::new(ErrorKind::TooLarge, path, message);
            }
            // A number beyond f64 (`1e400`): the text is well-formed JSON,
            // the value is out of range for the field being read.
            if bare.starts_with("number out of range") {
                let message = format!(
                    "the number is beyond what a 64-bit float holds (about ±1.8e308){}",
                    position(&inner)
                );
                return Error::new(ErrorKind::OutOfRange, path, message);
            }
            Error::new(
                ErrorKind::InvalidJson,
                path,
                format!("{bare}{}", position(&inner)),
            )
        }
        Category::Io => Error::new(ErrorKind::Io, path, bare),
        Category::Data => classify(path, &bare),
    }
}

/// Turns a serde data-error message into a kind, and moves the field name
/// that serde puts in the message (`missing field `x``) into the path.
fn classify(path: String, message: &str) -> Error {
    if let Some(e) = Error::from_de_message(message) {
        return e.at(&path);
    }
    let with_field = |field: Option<&str>| match field {
        Some(f) => {
            let mut p = path.clone();
            join_key(&mut p, f);
            p
        }
        None => path.clone(),
    };
    if message.starts_with("missing field") {
        return Error::new(
            ErrorKind::MissingField,
            with_field(first_quoted(message)),
            message,
        );
    }
    if message.starts_with("unknown field") {
        let field = first_quoted(message);
        let allowed = expected_list(message);
        let hint = field
            .and_then(|f| closest(f, &allowed))
            .map(|a| format!("; did you mean `{a}`?"))
            .unwrap_or_default();
        let p = if path.ends_with(field.unwrap_or("\u{0}")) {
            path.clone()
        } else {
            with_field(field)
        };
        return Error::new(ErrorKind::UnknownField, p, format!("{message}{hint}"));
    }
    if message.starts_with("unknown variant") {
        let value = first_quoted(message).unwrap_or_default();
        let allowed = expected_list(message);
        // The likely meaning first, then serde's own "expected …" (which
        // may be long: a row's error in a table on a phone should say the
        // point at once).
        let expected = message
            .find("expected")
            .and_then(|i| message.get(i..))
            .unwrap_or_default();
        let message = match closest(value, &allowed) {
            Some(a) => format!("unknown value `{value}`: did you mean `{a}`? ({expected})"),
            None => format!("unknown value `{value}`, {expected}"),
        };
        return Error::new(ErrorKind::InvalidValue, path, message);
    }
    if let Some(e) = whole_number_out_of_range(&path, message) {
        return e;
    }
    if message.starts_with("invalid value: integer")
        || message.starts_with("invalid value: floating")
    {
        return Error::new(ErrorKind::OutOfRange, path, words::plain(message));
    }
    if message.starts_with("invalid value") {
        return Error::new(ErrorKind::InvalidValue, path, words::plain(message));
    }
    if message.starts_with("invalid length") {
        return Error::new(ErrorKind::InvalidType, path, message);
    }
    if message.starts_with("duplicate field") {
        return Error::new(
            ErrorKind::InvalidValue,
            with_field(first_quoted(message)),
            message,
        );
    }
    Error::new(ErrorKind::InvalidType, path, words::plain(message))
}

/// A whole number too large (or too negative) for an integer field, which
/// serde_json reads as a float (`2**64` from JavaScript is
/// `18446744073709552000`): serde calls it "invalid type: floating point
/// `1.8446744073709552e19`, expected u64", but the type is right and the
/// value is out of range, so `OUT_OF_RANGE` (as an integer of the wrong
/// size is). A float with a fraction, or one within the type's range
/// (`1.0` for a u32), stays `INVALID_TYPE`.
fn whole_number_out_of_range(path: &str, message: &str) -> Option<Error> {
    let rest = message.strip_prefix("invalid type: floating point `")?;
    let (number, expected) = rest.split_once("`, expected ")?;
    // serde writes the number as JSON would (`1e+20`); serde_json reads it
    // back (std's float parser would add its tables to the wasm module).
    let x: f64 = serde_json::from_str(number).ok()?;
    // The type's range as [min, end): powers of two, exact in f64.
    let bits = |n: i32| 2f64.powi(n);
    let (min, end) = match expected {
        "u8" => (0.0, bits(8)),
        "u16" => (0.0, bits(16)),
        "u32" => (0.0, bits(32)),
        "u64" => (0.0, bits(64)),
        "usize" => (0.0, bits(usize::BITS as i32)),
        "i8" => (-bits(7), bits(7)),
        "i16" => (-bits(15), bits(15)),
        "i32" => (-bits(31), bits(31)),
        "i64" => (-bits(63), bits(63)),
        "isize" => (-bits(usize::BITS as i32 - 1), bits(usize::BITS as i32 - 1)),
        _ => return None,
    };
    let whole = x.is_finite() && x.fract() == 0.0;
    let outside = x < min || x >= end;
    (whole && outside).then(|| {
        Error::new(
            ErrorKind::OutOfRange,
            path,
            words::plain(&format!(
                "invalid value: number `{}`, expected {expected}",
                Num(x)
            )),
        )
    })
}

/// The first `` `…` `` in a serde message.
fn first_quoted(message: &str) -> Option<&str> {
    let start = message.find('`')? + 1;
    let rest = message.get(start..)?;
    rest.get(..rest.find('`')?)
}

/// The names after "expected one of" (or "expected") in a serde message.
fn expected_list(message: &str) -> Vec<&str> {
    let Some(i) = message.find("expected") else {
        return Vec::new();
    };
    message
        .get(i..)
        .unwrap_or_default()
        .split('`')
        .skip(1)
        .step_by(2)
        .collect()
}

/// The entry of `allowed` closest to `word` (case and `-`/space
/// insensitive) when it is close enough to be a likely typo, or else the
/// one entry that starts with it (a code cut short: `MISTET` for
/// `MISTET_JOBBEN`; at least three letters, and only when no other entry
/// starts with them too).
pub(crate) fn closest<'a>(word: &str, allowed: &[&'a str]) -> Option<&'a str> {
    let upper = word.trim().to_ascii_uppercase().replace([' ', '-'], "_");
    let typo = allowed
        .iter()
        .map(|a| (strsim::levenshtein(&upper, &a.to_ascii_uppercase()), *a))
        .min_by_key(|(d, _)| *d)
        .filter(|(d, a)| *d <= 3.min(a.len() / 2) || a.eq_ignore_ascii_case(&upper))
        .map(|(_, a)| a);
    typo.or_else(|| {
        if upper.len() < 3 {
            return None;
        }
        let mut starting = allowed
            .iter()
            .filter(|a| a.to_ascii_uppercase().starts_with(&upper));
        match (starting.next(), starting.next()) {
            (Some(a), None) => Some(*a),
            _ => None,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closest_names_a_typo_or_the_one_code_a_word_begins() {
        let codes = [
            "MISTET_JOBBEN",
            "HAR_SAGT_OPP",
            "HAR_BLITT_SAGT_OPP",
            "ER_PERMITTERT",
        ];
        assert_eq!(closest("MISTET_JOBEN", &codes), Some("MISTET_JOBBEN"));
        assert_eq!(closest("mistet jobben", &codes), Some("MISTET_JOBBEN"));
        // Cut short: the one code it begins.
        assert_eq!(closest("MISTET", &codes), Some("MISTET_JOBBEN"));
        assert_eq!(closest("permit", &codes), None, "not a beginning");
        assert_eq!(closest("ER_PERM", &codes), Some("ER_PERMITTERT"));
        // Two codes begin with HAR_, and two letters say too little.
        assert_eq!(closest("HAR_", &codes), None);
        assert_eq!(closest("MI", &codes), None);
        assert_eq!(closest("FIRED", &codes), None);
    }

    #[derive(Debug, PartialEq, serde::Deserialize)]
    #[serde(deny_unknown_fields, rename_all = "camelCase")]
    #[allow(dead_code)]
    struct Inner {
        nok: f64,
        month_count: Option<u32>,
    }

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Outer {
        wages: Vec<Inner>,
    }

    fn err(text: &str) -> Error {
        parse::<Outer>(text).unwrap_err()
    }

    #[test]
    fn paths_name_the_field() {
        let e = err(r#"{"wages": [{"nok": 1}, {"nok": "45 000"}]}"#);
        assert_eq!(
            (e.kind, e.path.as_str()),
            (ErrorKind::InvalidType, "wages[1].nok")
        );
        let e = err(r#"{"wages": [{"nok": 1, "monthCount": -1}]}"#);
        assert_eq!(
            (e.kind, e.path.as_str()),
            (ErrorKind::OutOfRange, "wages[0].monthCount")
        );
    }

    #[test]
    fn missing_and_unknown_fields() {
        let e = err(r#"{"wages": [{}]}"#);
        assert_eq!(
            (e.kind, e.path.as_str()),
            (ErrorKind::MissingField, "wages[0].nok")
        );
        let e = err(r#"{"wages": [{"nok": 1, "monthcount": 2}]}"#);
        assert_eq!(
            (e.kind, e.path.as_str()),
            (ErrorKind::UnknownField, "wages[0].monthcount")
        );
        assert!(
            e.message.ends_with("did you mean `monthCount`?"),
            "{}",
            e.message
        );
    }

    #[test]
    fn an_array_of_the_fields_is_not_an_object() {
        for text in [
            r#"[[{"nok": 1, "monthCount": 2}]]"#,
            r#"{"wages": [{"nok": 1}, [1, 2]]}"#,
        ] {
            let e = err(text);
            let want = if text.starts_with("[[") {
                ""
            } else {
                "wages[1]"
            };
            assert_eq!((e.kind, e.path.as_str()), (ErrorKind::InvalidType, want));
            assert!(
                e.message.starts_with("expected an object, got an array"),
                "{}",
                e.message
            );
        }
        let v: serde_json::Value = serde_json::from_str(r#"{"wages": [[1, 2]]}"#).unwrap();
        let e = from_value::<Outer>(&v).unwrap_err();
        assert_eq!(
            (e.kind, e.path.as_str()),
            (ErrorKind::InvalidType, "wages[0]")
        );
    }

    #[test]
    fn numbers_beyond_their_type_are_out_of_range() {
        // Beyond f64: well-formed JSON, a value out of range for the field.
        let e = err(r#"{"wages": [{"nok": 1e400}]}"#);
        assert_eq!(
            (e.kind, e.path.as_str()),
            (ErrorKind::OutOfRange, "wages[0].nok")
        );
        assert!(e.message.contains("1.8e308"), "{}", e.message);
        // A whole number beyond u32 that serde_json reads as a float (2^64
        // from JavaScript is 18446744073709552000), and one beyond -2^31.
        for text in [
            r#"{"wages": [{"nok": 1, "monthCount": 18446744073709552000}]}"#,
            r#"{"wages": [{"nok": 1, "monthCount": 4294967296.0}]}"#,
            r#"{"wages": [{"nok": 1, "monthCount": -1e20}]}"#,
        ] {
            let e = err(text);
            assert_eq!(
                (e.kind, e.path.as_str()),
                (ErrorKind::OutOfRange, "wages[0].monthCount"),
                "{text}: {}",
                e.message
            );
        }
        let e = err(r#"{"wages": [{"nok": 1, "monthCount": 18446744073709552000}]}"#);
        assert!(
            e.message == "expected a whole number from 0 to 4294967295, got the number 1.8446744073709552e19",
            "{}",
            e.message
        );
        // A fraction, or a float within the range, is the wrong type.
        for text in [
            r#"{"wages": [{"nok": 1, "monthCount": 1.5}]}"#,
            r#"{"wages": [{"nok": 1, "monthCount": 3.0}]}"#,
        ] {
            assert_eq!(err(text).kind, ErrorKind::InvalidType, "{text}");
        }
    }

    #[test]
    fn a_path_deeper_than_eight_segments_keeps_its_start() {
        let deep = format!(
            r#"{{"wages": [{{"nok": {}1{}}}]}}"#,
            "[".repeat(200),
            "]".repeat(200)
        );
        let e = parse::<serde_json::Value>(&deep).unwrap_err();
        assert_eq!(e.kind, ErrorKind::TooLarge);
        // serde_json refuses the 128th container: the object, `wages`, its
        // entry and 125 arrays in `nok`. The path then holds `wages`, `[0]`,
        // `nok` and the index in each of the 124 arrays entered before: 127
        // segments, the first 8 written out and 119 more.
        assert_eq!(
            e.path,
            format!("wages[0].nok{}…(119 more levels)", "[0]".repeat(5))
        );
    }

    #[test]
    fn syntax_errors_have_a_position() {
        let e = err("{\"wages\": [}");
        assert_eq!(e.kind, ErrorKind::InvalidJson);
        assert!(e.message.contains("(line 1, column 12)"), "{}", e.message);
        let e = err(r#"{"wages": []} {}"#);
        assert_eq!(e.kind, ErrorKind::InvalidJson);
    }

    #[test]
    fn size_and_depth_limits() {
        let e = parse_limited::<serde_json::Value>("[1,2,3]", 3).unwrap_err();
        assert_eq!(e.kind, ErrorKind::TooLarge);
        let deep = format!("{}{}", "[".repeat(200), "]".repeat(200));
        let e = parse::<serde_json::Value>(&deep).unwrap_err();
        assert_eq!(e.kind, ErrorKind::TooLarge);
    }

    #[test]
    fn checks_inside_deserialize_keep_their_kind_and_path() {
        #[derive(Debug)]
        struct Checked;
        impl<'de> serde::Deserialize<'de> for Checked {
            fn deserialize<D: serde::Deserializer<'de>>(
                d: D,
            ) -> std::result::Result<Self, D::Error> {
                let _ = serde_json::Value::deserialize(d)?;
                Err(
                    Error::new(ErrorKind::Inconsistent, "birthDate", "after registration")
                        .into_de(),
                )
            }
        }
        #[derive(Debug, serde::Deserialize)]
        #[allow(dead_code)]
        struct Holder {
            person: Vec<Checked>,
        }
        let e = parse::<Holder>(r#"{"person": [{}]}"#).unwrap_err();
        assert_eq!(
            (e.kind, e.path.as_str(), e.message.as_str()),
            (
                ErrorKind::Inconsistent,
                "person[0].birthDate",
                "after registration"
            )
        );
    }

    #[derive(Debug, PartialEq, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Chosen {
        choice: Option<IdOr<Inner>>,
    }

    #[test]
    fn id_or_takes_an_id_or_an_object() {
        for text in [
            r#"{"choice": "shipped"}"#,
            // An escaped string is handed over owned (`visit_string`).
            r#"{"choice": "shi\u0070ped"}"#,
        ] {
            let c: Chosen = parse(text).unwrap();
            assert_eq!(c.choice, Some(IdOr::Id("shipped".into())), "{text}");
        }
        let c: Chosen = parse(r#"{"choice": {"nok": 2, "monthCount": 3}}"#).unwrap();
        let Some(IdOr::Value(inner)) = c.choice else {
            panic!("not a value: {c:?}")
        };
        assert_eq!((inner.nok, inner.month_count), (2.0, Some(3)));
        let c: Chosen = parse(r#"{"choice": null}"#).unwrap();
        assert_eq!(c.choice, None);
        // The fast reader of `parse_many` reads it the same way.
        let c: Chosen = parse_many(r#"{"choice": {"nok": 2}}"#).unwrap();
        assert!(matches!(c.choice, Some(IdOr::Value(_))));
    }

    #[test]
    fn id_or_refuses_other_types_with_the_path() {
        for (value, got) in [
            ("5", "the number 5"),
            ("1.5", "the number 1.5"),
            ("true", "true"),
            ("[1, 2]", "an array"),
        ] {
            for e in [
                parse::<Chosen>(&format!(r#"{{"choice": {value}}}"#)).unwrap_err(),
                parse_many::<Chosen>(&format!(r#"{{"choice": {value}}}"#)).unwrap_err(),
            ] {
                assert_eq!(
                    (e.kind, e.path.as_str(), e.message.as_str()),
                    (
                        ErrorKind::InvalidType,
                        "choice",
                        format!("expected an id (string) or an object, got {got}").as_str()
                    ),
                    "{value}"
                );
            }
        }
        // Where it is not optional, null is a type error too.
        let e = parse::<IdOr<Inner>>("null").unwrap_err();
        assert_eq!(
            (e.kind, e.path.as_str(), e.message.as_str()),
            (
                ErrorKind::InvalidType,
                "",
                "expected an id (string) or an object, got null"
            )
        );
    }

    #[test]
    fn id_or_objects_keep_their_paths_and_refuse_duplicate_keys() {
        let e = parse::<Chosen>(r#"{"choice": {"nok": "x"}}"#).unwrap_err();
        assert_eq!(
            (e.kind, e.path.as_str()),
            (ErrorKind::InvalidType, "choice.nok")
        );
        let e = parse::<Chosen>(r#"{"choice": {"nok": 1, "monthcount": 1}}"#).unwrap_err();
        assert_eq!(
            (e.kind, e.path.as_str()),
            (ErrorKind::UnknownField, "choice.monthcount")
        );
        let e = parse::<Chosen>(r#"{"choice": {"monthCount": 1}}"#).unwrap_err();
        assert_eq!(
            (e.kind, e.path.as_str()),
            (ErrorKind::MissingField, "choice.nok")
        );
        // A key given twice is ambiguous: an error naming it, in both readers.
        for e in [
            parse::<Chosen>(r#"{"choice": {"nok": 1, "nok": 2}}"#).unwrap_err(),
            parse_many::<Chosen>(r#"{"choice": {"nok": 1, "nok": 2}}"#).unwrap_err(),
        ] {
            assert_eq!(
                (e.kind, e.path.as_str(), e.message.as_str()),
                (
                    ErrorKind::InvalidValue,
                    "choice.nok",
                    "duplicate field `nok`"
                )
            );
        }
        // Structs inside the object are read from objects only.
        #[derive(Debug, serde::Deserialize)]
        #[allow(dead_code)]
        struct Nested {
            inner: Inner,
        }
        let e = parse::<IdOr<Nested>>(r#"{"inner": [1, 2]}"#).unwrap_err();
        assert_eq!((e.kind, e.path.as_str()), (ErrorKind::InvalidType, "inner"));
        assert!(
            e.message.starts_with("expected an object, got an array"),
            "{}",
            e.message
        );
        // serde_json's depth limit holds inside the object (here a field
        // that takes any JSON, as a model's `fit` does).
        let deep = format!(r#"{{"any": {}1{}}}"#, "[".repeat(200), "]".repeat(200));
        type Free = IdOr<std::collections::BTreeMap<String, serde_json::Value>>;
        for e in [
            parse::<Free>(&deep).unwrap_err(),
            parse_many::<Free>(&deep).unwrap_err(),
        ] {
            assert_eq!(e.kind, ErrorKind::TooLarge, "{}", e.message);
            assert!(e.path.starts_with("any[0][0]"), "{}", e.path);
        }
    }

    #[test]
    fn hints_for_lower_case_and_typos() {
        assert_eq!(
            closest("mistet_jobben", &["MISTET_JOBBEN", "HAR_SAGT_OPP"]),
            Some("MISTET_JOBBEN")
        );
        assert_eq!(closest("zzzzzzzzzz", &["JA", "NEI"]), None);
    }
}
