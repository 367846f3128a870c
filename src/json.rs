//! Parsing JSON text into typed values with errors that name the field.
//!
//! Every input — a CLI line, a string handed over from JavaScript, a
//! configuration file — goes through [`parse`], so all faces of the library
//! report the same `kind`, `path` and `message` for the same mistake.

use crate::error::{Error, ErrorKind, Result};
use serde::de::DeserializeOwned;

mod tree;

/// Largest accepted JSON text for one record (1 MiB). A registration with
/// several years of wages is a few kilobytes; anything near this limit is a
/// mistake or an attack, and is refused before it is parsed.
pub const MAX_RECORD_BYTES: usize = 1 << 20;

/// Prefix that marks a custom deserialization message with its error kind
/// (`"[OUT_OF_RANGE] …"`); [`parse`] strips it and sets the kind.
pub(crate) fn tagged(kind: ErrorKind, message: impl std::fmt::Display) -> String {
    format!("[{}] {message}", kind.as_str())
}

/// Encodes an error found by a check inside a `Deserialize` impl (a check
/// across fields, with its own relative path) so that [`parse`] can restore
/// its kind and join its path to the place where serde found it.
pub(crate) fn nested(e: &Error) -> String {
    format!("\u{1}{}\u{1}{}\u{1}{}", e.kind.as_str(), e.path, e.message)
}

/// Parses `text` as a `T`, with structured errors.
///
/// # Errors
/// `TOO_LARGE` above [`MAX_RECORD_BYTES`]; `INVALID_JSON` for malformed text;
/// `UNKNOWN_FIELD`, `MISSING_FIELD`, `INVALID_TYPE`, `INVALID_VALUE`,
/// `OUT_OF_RANGE` for well-formed JSON that breaks the contract, each with
/// the path of the field.
pub fn parse<T: DeserializeOwned>(text: &str) -> Result<T> {
    parse_limited(text, MAX_RECORD_BYTES)
}

/// Like [`parse`] with a caller-chosen size limit (configuration files and
/// whole cohorts are larger than one record).
pub fn parse_limited<T: DeserializeOwned>(text: &str, max_bytes: usize) -> Result<T> {
    check_size(text, max_bytes)?;
    tree::from_str(text).map_err(convert)
}

/// Parses a JSON array of records, one record at a time (a cohort file):
/// the same errors as [`parse_limited`], with paths like `[12].person.age`.
pub fn parse_array<T: DeserializeOwned>(text: &str, max_bytes: usize) -> Result<Vec<T>> {
    check_size(text, max_bytes)?;
    tree::array_from_str(text).map_err(convert)
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

fn convert(failure: tree::Failure) -> Error {
    let (path, inner) = match failure {
        tree::Failure::Data { path, message } => return classify(path, message),
        tree::Failure::Trailing(e) => {
            return Error::new(
                ErrorKind::InvalidJson,
                "",
                format!("unexpected text after the JSON value: {e}"),
            )
        }
        tree::Failure::Json(e, path) => (path, e),
    };
    let syntax = matches!(
        inner.classify(),
        serde_json::error::Category::Syntax | serde_json::error::Category::Eof
    );
    let (line, column) = (inner.line(), inner.column());
    let text = inner.to_string();
    // serde_json appends " at line L column C"; keep it only for syntax errors.
    let bare = match text.rfind(" at line ") {
        Some(i) => text[..i].to_string(),
        None => text,
    };
    if syntax {
        return Error::new(
            ErrorKind::InvalidJson,
            path,
            format!("{bare} (line {line}, column {column})"),
        );
    }
    classify(path, bare)
}

/// Turns a serde data-error message into a kind, and moves the field name
/// that serde puts in the message (`missing field `x``) into the path.
fn classify(path: String, message: String) -> Error {
    let parts: Vec<&str> = message.split('\u{1}').collect();
    if parts.len() == 4 && parts[0].is_empty() {
        let kind = crate::error::ALL_KINDS
            .into_iter()
            .find(|k| k.as_str() == parts[1])
            .unwrap_or(ErrorKind::InvalidValue);
        return Error::new(kind, parts[2], parts[3]).at(&path);
    }
    if let Some(rest) = message.strip_prefix('[') {
        if let Some((tag, msg)) = rest.split_once("] ") {
            let kind = crate::error::ALL_KINDS
                .into_iter()
                .find(|k| k.as_str() == tag)
                .unwrap_or(ErrorKind::InvalidValue);
            return Error::new(kind, path, msg);
        }
    }
    let field_in_message = |m: &str| -> Option<String> {
        let start = m.find('`')? + 1;
        let len = m[start..].find('`')?;
        Some(m[start..start + len].to_string())
    };
    let join = |field: String| {
        if path.is_empty() {
            field
        } else {
            format!("{path}.{field}")
        }
    };
    if message.starts_with("missing field") {
        let p = field_in_message(&message).map(join).unwrap_or(path.clone());
        return Error::new(ErrorKind::MissingField, p, message);
    }
    if message.starts_with("unknown field") {
        // The path already ends with the unknown key.
        return Error::new(ErrorKind::UnknownField, path, message);
    }
    if message.starts_with("unknown variant") {
        return Error::new(ErrorKind::InvalidValue, path, message);
    }
    if message.starts_with("invalid length") {
        // A JSON array where a record (object) belongs.
        return Error::new(
            ErrorKind::InvalidType,
            path,
            format!("expected a JSON object: {message}"),
        );
    }
    if message.starts_with("invalid value") {
        return Error::new(ErrorKind::InvalidValue, path, message);
    }
    Error::new(ErrorKind::InvalidType, path, public_names(&message))
}

/// serde names the private input structs in its messages ("expected struct
/// PersonInput"); say what the caller should send instead.
fn public_names(message: &str) -> String {
    let mut out = message.to_string();
    for (private, public) in [
        ("struct PersonInput", "a person object"),
        ("struct AnswersInput", "an answers object"),
        (
            "struct LabelInput",
            "an object {registeredOn, wages, wagesThrough?}",
        ),
    ] {
        out = out.replace(private, public);
    }
    if let Some(i) = out.find("expected struct ") {
        let rest = &out[i + "expected struct ".len()..];
        let name_len = rest
            .find(|c: char| !c.is_alphanumeric())
            .unwrap_or(rest.len());
        out = format!("{}expected a JSON object{}", &out[..i], &rest[name_len..]);
    }
    out
}

/// Serializes a value as compact JSON. Serializing the library's own output
/// types cannot fail (no maps with non-string keys, no non-finite floats are
/// produced); should it ever, the failure is an error value, not a panic.
pub fn to_string<T: serde::Serialize>(value: &T) -> Result<String> {
    serde_json::to_string(value).map_err(|e| {
        Error::new(
            ErrorKind::InvalidConfig,
            "",
            format!("could not serialize: {e}"),
        )
    })
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
    let upper = value.trim().to_ascii_uppercase().replace([' ', '-'], "_");
    let best = allowed
        .iter()
        .map(|a| (edit_distance(&upper, a), *a))
        .min_by_key(|(d, _)| *d);
    let hint = match best {
        Some((d, a)) if d <= 3 || a == upper => format!("; did you mean `{a}`?"),
        _ => String::new(),
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
        let e = parse_limited::<serde_json::Value>("[1,2,3]", 3).unwrap_err();
        assert_eq!(e.kind, ErrorKind::TooLarge);
    }

    #[test]
    fn trailing_text_is_invalid_json() {
        let e = parse::<serde_json::Value>("{} {}").unwrap_err();
        assert_eq!(e.kind, ErrorKind::InvalidJson);
    }
}
