//! Conversions at the JS boundary, each done once per call: a JS input value
//! becomes JSON text (`JSON.stringify`, refused before it is copied into
//! wasm memory when it is too large, has no JSON form or is cyclic) and is
//! read by [`crate::wire::parse`], the same reader the CLI uses, so both
//! give the same errors with the same paths; a result becomes a plain JS
//! object through serde-wasm-bindgen (`Serializer::json_compatible`: maps
//! as objects, `None` as `null`), and an [`Error`] a thrown JS `Error` with
//! own properties `kind`, `path` and `message`.

use crate::error::{Error, ErrorKind, Result};
use crate::wire::{self, MAX_RECORD_BYTES};
use js_sys::{Array, JsString, Object, Reflect, JSON};
use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// `Object.keys`, catching what a Proxy's trap throws (js-sys's does
    /// not catch, and a JS exception unwinding through wasm frames would
    /// leave the module in an unknown state).
    #[wasm_bindgen(catch, js_namespace = Object, js_name = keys)]
    fn object_keys(value: &JsValue) -> std::result::Result<Array, JsValue>;

    /// `Array.isArray`, which throws on a revoked Proxy.
    #[wasm_bindgen(catch, js_namespace = Array, js_name = isArray)]
    fn array_is_array(value: &JsValue) -> std::result::Result<bool, JsValue>;
}

/// What a call returns to JS: a value, or a thrown `VeivalgError`.
pub(super) type JsResult<T = JsValue> = std::result::Result<T, JsValue>;

/// Most properties looked at when naming the part of an input that cannot
/// be stringified or is too large (an array's `length` may be 2³² − 1).
const MAX_KEYS_LOOKED_AT: u32 = 1_000;

/// Deepest level looked at when naming the part of an input that cannot be
/// stringified.
const MAX_LEVELS_LOOKED_AT: usize = 64;

/// Whether `value` is an array (false for anything `Array.isArray` throws on).
fn is_array(value: &JsValue) -> bool {
    array_is_array(value).unwrap_or(false)
}

/// Turns a core error into a thrown JS `Error` with own properties `kind`,
/// `path` and `message`.
pub(super) fn to_js_error(e: &Error) -> JsValue {
    let err = js_sys::Error::new(&e.message);
    let obj: &JsValue = err.as_ref();
    // Setting a property on a fresh ordinary object cannot fail; should it
    // ever, the error is still thrown, only without that property.
    for (key, value) in [
        ("kind", e.kind.as_str()),
        ("path", e.path.as_str()),
        ("message", e.message.as_str()),
    ] {
        let _ = Reflect::set(obj, &JsValue::from_str(key), &JsValue::from_str(value));
    }
    err.into()
}

/// A result as a plain JS value (objects, arrays, numbers, strings, `null`).
///
/// # Errors
/// `INVALID_CONFIG` if serde-wasm-bindgen refuses the value (a bug: every
/// output type has string keys and finite numbers).
pub(super) fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| {
            Error::new(
                ErrorKind::InvalidConfig,
                "",
                format!("internal error: the result cannot be given to JavaScript: {e}"),
            )
        })
}

/// Runs one call and converts its outcome for JS.
pub(super) fn answer<T: Serialize>(result: Result<T>) -> JsResult {
    result.and_then(|v| to_js(&v)).map_err(|e| to_js_error(&e))
}

/// What a JS value is, in words, for error messages.
fn describe(value: &JsValue) -> &'static str {
    if value.is_undefined() {
        "undefined"
    } else if value.is_function() {
        "a function"
    } else if value.is_symbol() {
        "a symbol"
    } else if value.is_bigint() {
        "a bigint"
    } else {
        "a value that has no JSON form"
    }
}

/// What any JS value is, in words (`null`, `a string`, `an object`, …,
/// and [`describe`]'s words for the values with no JSON form), for the
/// messages of the cohort exports that take one JS value as it is.
#[cfg(feature = "cohort")]
fn js_type(value: &JsValue) -> &'static str {
    if value.is_null() {
        "null"
    } else if value.is_string() {
        "a string"
    } else if value.as_f64().is_some() {
        "a number"
    } else if value.as_bool().is_some() {
        "a boolean"
    } else if value.is_object() {
        "an object"
    } else {
        describe(value)
    }
}

/// Joins a JSON path and a property name the way [`Error::at`] does.
fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else if key.starts_with('[') {
        format!("{path}{key}")
    } else {
        format!("{path}.{key}")
    }
}

/// The `length` of an array (read with `Reflect.get`, which catches).
fn length(value: &JsValue) -> u32 {
    Reflect::get(value, &JsValue::from_str("length"))
        .ok()
        .and_then(|n| n.as_f64())
        .map_or(0, |n| n as u32)
}

/// The first [`MAX_KEYS_LOOKED_AT`] own enumerable keys of an object
/// (indices as `[i]` for arrays), with the JS keys to read them by. Only
/// calls that catch are made on the caller's value: it may be a Proxy
/// whose traps throw.
fn keys(value: &JsValue) -> Vec<(String, JsValue)> {
    if is_array(value) {
        (0..length(value).min(MAX_KEYS_LOOKED_AT))
            .map(|i| (format!("[{i}]"), JsValue::from(i)))
            .collect()
    } else {
        object_keys(value)
            .map(|keys| {
                keys.iter()
                    .take(MAX_KEYS_LOOKED_AT as usize)
                    .map(|k| (k.as_string().unwrap_or_default(), k))
                    .collect()
            })
            .unwrap_or_default()
    }
}

/// Where `JSON.stringify` fails inside `value`: the path of the property
/// that closes a cycle, holds a value with no JSON form (a bigint, a
/// throwing `toJSON` or getter) or is an array too long to stringify.
/// Walks at most `levels` levels deep and [`MAX_KEYS_LOOKED_AT`] keys a level.
fn locate(value: &JsValue, path: &str, stack: &mut Vec<JsValue>, levels: usize) -> String {
    if !value.is_object() || stack.len() >= levels {
        return path.to_string();
    }
    if is_array(value) && length(value) > MAX_KEYS_LOOKED_AT {
        return path.to_string();
    }
    stack.push(value.clone());
    for (name, key) in keys(value) {
        let at = join(path, &name);
        let Ok(child) = Reflect::get(value, &key) else {
            stack.pop();
            return at;
        };
        if child.is_object() && stack.iter().any(|a| Object::is(a, &child)) {
            stack.pop();
            return at;
        }
        if child.is_bigint() || JSON::stringify(&child).is_err() {
            let found = locate(&child, &at, stack, levels);
            stack.pop();
            return found;
        }
    }
    stack.pop();
    path.to_string()
}

/// The longest of the arrays a record may hold in bulk (`wages`,
/// `employment`), for naming a huge one. Two property reads, not a walk
/// over every key.
fn longest_array(value: &JsValue) -> Option<(String, u32)> {
    if !value.is_object() || is_array(value) {
        return None;
    }
    ["wages", "employment"]
        .into_iter()
        .filter_map(|name| {
            let child = Reflect::get(value, &JsValue::from_str(name)).ok()?;
            is_array(&child).then(|| (name.to_string(), length(&child)))
        })
        .max_by_key(|(_, n)| *n)
}

/// The top-level property of an object with the longest JSON text (one
/// more `JSON.stringify` pass, on the error path only), for naming the
/// field that makes an input too large.
fn largest_property(value: &JsValue) -> Option<(String, u32)> {
    if !value.is_object() || is_array(value) {
        return None;
    }
    keys(value)
        .into_iter()
        .filter_map(|(name, key)| {
            let child = Reflect::get(value, &key).ok()?;
            let text = JSON::stringify(&child).ok()?;
            text.is_string().then(|| (name, text.length()))
        })
        .max_by_key(|(_, n)| *n)
}

fn too_large(path: &str, what: &str, detail: String, limit: usize) -> Error {
    Error::new(
        ErrorKind::TooLarge,
        path,
        format!("{what} is too large: {detail}; the limit is {limit} bytes of JSON"),
    )
}

/// Why `JSON.stringify` failed on `value`, as an error naming the path.
///
/// A `RangeError` means the text would be too long ("Invalid string
/// length": an array of 2³² − 1 holes, a Proxy whose `length` is 1e9) or
/// the value too deep ("Maximum call stack size exceeded"): both are
/// `TOO_LARGE`. For a value too deep, the walk stops two levels down (each
/// look at a deeper level would overflow the stack again); the reader
/// refuses more than [`wire::MAX_DEPTH`] levels anyway. Anything else a
/// getter, a Proxy trap or `toJSON` throws, and a cycle, is `INVALID_JSON`.
fn stringify_failed(
    value: &JsValue,
    what: &str,
    root: &str,
    limit: usize,
    thrown: &JsValue,
) -> Error {
    let error = thrown.dyn_ref::<js_sys::Error>();
    let reason = error
        .and_then(|e| e.message().as_string())
        .unwrap_or_else(|| String::from("JSON.stringify failed"));
    let reason = reason.lines().next().unwrap_or_default().to_string();
    let range = thrown.is_instance_of::<js_sys::RangeError>();
    if range && reason.contains("call stack") {
        let at = locate(value, root, &mut Vec::new(), 2);
        return Error::new(
            ErrorKind::TooLarge,
            at,
            format!(
                "{what} is nested too deeply to be converted to JSON; at most {} levels of arrays and objects are accepted",
                wire::MAX_DEPTH
            ),
        );
    }
    let at = locate(value, root, &mut Vec::new(), MAX_LEVELS_LOOKED_AT);
    if range {
        let detail = match find(value, root, &at) {
            Some(v) if is_array(&v) => format!("`{}` has {} entries", leaf(&at), length(&v)),
            _ => String::from("its JSON text would be longer than JavaScript strings can be"),
        };
        return too_large(&at, what, detail, limit);
    }
    Error::new(
        ErrorKind::InvalidJson,
        at,
        format!("{what} cannot be converted to JSON: {reason}"),
    )
}

/// The last segment of a path, for messages (`wages` of `person.wages`).
fn leaf(path: &str) -> &str {
    path.rsplit(['.', '['])
        .next()
        .unwrap_or(path)
        .trim_end_matches(']')
}

/// The value at `path` below `value` (whose own path is `root`), read again
/// with catching property reads: `None` if the path cannot be followed.
fn find(value: &JsValue, root: &str, path: &str) -> Option<JsValue> {
    let rest = path.strip_prefix(root)?;
    let mut v = value.clone();
    for part in rest.split(['.', '[']).filter(|p| !p.is_empty()) {
        let key = match part.strip_suffix(']').and_then(|i| i.parse::<u32>().ok()) {
            Some(i) => JsValue::from(i),
            None => JsValue::from_str(part),
        };
        v = Reflect::get(&v, &key).ok()?;
    }
    Some(v)
}

/// Converts a JS input value into JSON text, refusing values that have no
/// JSON form (`INVALID_TYPE`), values `JSON.stringify` throws on such as
/// cyclic objects (`INVALID_JSON`, with the path of the property that
/// closes the cycle), and texts above `limit` bytes (`TOO_LARGE`, naming
/// the longest array or the largest property) before they are copied into
/// wasm memory. Nothing is looked at before `JSON.stringify` (each look is
/// a call across the boundary, on every call). `root` is the path of the
/// value itself (`""` for the main input, `"options"`).
pub(super) fn json_text(value: &JsValue, what: &str, root: &str, limit: usize) -> Result<String> {
    let no_json = |v: &JsValue| {
        Error::new(
            ErrorKind::InvalidType,
            root,
            format!("expected an object for {what}, got {}", describe(v)),
        )
    };
    if value.is_undefined() || value.is_function() || value.is_symbol() || value.is_bigint() {
        return Err(no_json(value));
    }
    let text: JsString = JSON::stringify(value)
        .map_err(|thrown| stringify_failed(value, what, root, limit, &thrown))?;
    // `JSON.stringify` returns `undefined` when `toJSON` does.
    if !text.is_string() {
        return Err(no_json(&text));
    }
    // Every UTF-16 code unit takes at least one byte in UTF-8, so a text
    // longer than the limit in code units is too large in bytes as well.
    let units = text.length() as usize;
    if units > limit {
        if is_array(value) {
            let detail = format!("{} entries", length(value));
            return Err(too_large(root, what, detail, limit));
        }
        if let Some((name, n)) = longest_array(value) {
            if n as usize > limit / 2 {
                let detail = format!("`{name}` has {n} entries");
                return Err(too_large(&join(root, &name), what, detail, limit));
            }
        }
        let (path, detail) = match largest_property(value) {
            Some((name, n)) => (
                join(root, &name),
                format!("`{name}` is {n} characters as JSON, {units} in all"),
            ),
            None => (root.to_string(), format!("{units} characters as JSON")),
        };
        return Err(too_large(&path, what, detail, limit));
    }
    Ok(String::from(text))
}

/// A record (person, outcome input) of at most 1 MiB of JSON, read as a `T`
/// ([`wire::parse_many`]: the person is read on every call, and tracking
/// the path was about a fifth of `decide`).
///
/// # Errors
/// Those of [`json_text`] and [`wire::parse`].
#[cfg(feature = "person")]
pub(super) fn record<T: DeserializeOwned>(value: &JsValue, what: &str) -> Result<T> {
    wire::parse_many(&json_text(value, what, "", MAX_RECORD_BYTES)?)
}

/// Options: `undefined` and `null` both mean the defaults; errors carry
/// the path `options.…`.
///
/// # Errors
/// Those of [`json_text`] and [`wire::parse`].
#[cfg(any(feature = "person", feature = "cohort"))]
pub(super) fn options<T: DeserializeOwned + Default>(options: Option<JsValue>) -> Result<T> {
    match options {
        None => Ok(T::default()),
        Some(v) if v.is_null() || v.is_undefined() => Ok(T::default()),
        Some(v) => {
            let text = json_text(&v, "options", "options", MAX_RECORD_BYTES)?;
            wire::parse(&text).map_err(|e| e.at("options"))
        }
    }
}

/// Required options (an object), read as a `T`; errors carry the path
/// `root.…`.
///
/// # Errors
/// Those of [`json_text`] and [`wire::parse`].
#[cfg(feature = "cohort")]
pub(super) fn required<T: DeserializeOwned>(value: &JsValue, root: &str) -> Result<T> {
    let text = json_text(value, root, root, MAX_RECORD_BYTES)?;
    wire::parse(&text).map_err(|e| e.at(root))
}

/// A count (of rows, say) given as a JS number: a whole number from 0 to
/// 2⁵³ − 1, the integers a JS number holds exactly.
///
/// # Errors
/// `INVALID_TYPE` (path `what`) for anything but a number; `OUT_OF_RANGE`
/// (path `what`) for a negative, fractional or non-finite number, or one
/// above 2⁵³ − 1.
#[cfg(feature = "cohort")]
pub(super) fn whole_number(value: &JsValue, what: &str) -> Result<u64> {
    /// 2⁵³ − 1 (`Number.MAX_SAFE_INTEGER`).
    const MAX_EXACT: f64 = 9_007_199_254_740_991.0;
    let Some(x) = value.as_f64() else {
        return Err(Error::new(
            ErrorKind::InvalidType,
            what,
            format!("expected a whole number, got {}", js_type(value)),
        ));
    };
    if x.fract() == 0.0 && (0.0..=MAX_EXACT).contains(&x) {
        return Ok(x as u64);
    }
    Err(Error::new(
        ErrorKind::OutOfRange,
        what,
        format!(
            "expected a whole number from 0 to 2^53 − 1, got {}",
            crate::error::Num(x)
        ),
    ))
}

/// Bytes copied into wasm memory at a time from a `Uint8Array`, so that a
/// large file never has to fit in wasm memory whole.
#[cfg(feature = "cohort")]
const BYTES_AT_A_TIME: u32 = 1 << 20;

/// Hands the bytes of a `Uint8Array` (or an `ArrayBuffer`) to `each`, at
/// most [`BYTES_AT_A_TIME`] at a time, through one reused buffer.
///
/// # Errors
/// `INVALID_TYPE` (path `what`) for any other value; the errors of `each`.
#[cfg(feature = "cohort")]
pub(super) fn byte_chunks(
    value: &JsValue,
    what: &str,
    buffer: &mut Vec<u8>,
    mut each: impl FnMut(&[u8]) -> Result<()>,
) -> Result<()> {
    let array = if let Some(a) = value.dyn_ref::<js_sys::Uint8Array>() {
        a.clone()
    } else if let Some(b) = value.dyn_ref::<js_sys::ArrayBuffer>() {
        js_sys::Uint8Array::new(b)
    } else {
        let got = if value.is_string() {
            "a string (encode it first: new TextEncoder().encode(text))"
        } else if value.is_object() {
            "an object that is not a Uint8Array"
        } else {
            js_type(value)
        };
        return Err(Error::new(
            ErrorKind::InvalidType,
            what,
            format!("expected the file's bytes as a Uint8Array, got {got}"),
        ));
    };
    let len = array.length();
    let mut start = 0;
    while start < len {
        let end = len.min(start + BYTES_AT_A_TIME);
        let piece = array.subarray(start, end);
        buffer.resize((end - start) as usize, 0);
        piece.copy_to(buffer);
        each(buffer)?;
        start = end;
    }
    if buffer.capacity() > BYTES_AT_A_TIME as usize {
        *buffer = Vec::new();
    }
    Ok(())
}
