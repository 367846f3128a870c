//! [`ToJson`]: compact JSON text straight from typed values.
//!
//! Floats are written in the shortest decimal form that reads back to the
//! same `f64` (whole numbers as `3.0`, never with an exponent), strings escaped as RFC 8259 asks; non-finite floats, which
//! JSON cannot hold, are written as `null`.

use super::value::{Map, Number, Value};

use std::fmt::Write as _;

/// A type that can write itself as JSON.
pub trait ToJson {
    /// Appends the JSON text of `self` to `out`.
    fn write_json(&self, out: &mut String);
}

/// Writes an object field by field: `let mut o = Fields::new(out);
/// o.field("a", &x); o.end();`.
pub struct Fields<'o> {
    out: &'o mut String,
    first: bool,
}

impl<'o> Fields<'o> {
    /// Opens an object.
    pub fn new(out: &'o mut String) -> Fields<'o> {
        out.push('{');
        Fields { out, first: true }
    }

    // `push_str` of one ASCII character is a plain copy; `push(char)` goes
    // through UTF-8 encoding, which showed in the wasm profile of `decide`.
    #[allow(clippy::single_char_add_str)]
    fn key(&mut self, key: &str) {
        let comma = !self.first;
        self.first = false;
        if key.bytes().all(|b| b >= 0x20 && b != b'"' && b != b'\\') {
            // A plain key (every key the library writes): three copies.
            self.out.push_str(if comma { ",\"" } else { "\"" });
            self.out.push_str(key);
            self.out.push_str("\":");
        } else {
            if comma {
                self.out.push_str(",");
            }
            write_str(key, self.out);
            self.out.push_str(":");
        }
    }

    /// Writes `"key":value`.
    pub fn field(&mut self, key: &str, value: &dyn ToJson) -> &mut Self {
        self.key(key);
        value.write_json(self.out);
        self
    }

    /// Writes the field only when `value` is `Some`.
    pub fn some<T: ToJson>(&mut self, key: &str, value: &Option<T>) -> &mut Self {
        if let Some(v) = value {
            self.field(key, v);
        }
        self
    }

    /// Writes the field only when `value` is not empty.
    pub fn nonempty<T: ToJson>(&mut self, key: &str, value: &[T]) -> &mut Self {
        if !value.is_empty() {
            self.field(key, &value);
        }
        self
    }

    /// Writes the field only when `value` is not empty.
    pub fn nonempty_str(&mut self, key: &str, value: &str) -> &mut Self {
        if !value.is_empty() {
            self.field(key, &value);
        }
        self
    }

    /// Writes the fields of another object's writer inline (flattening).
    pub fn raw_fields(&mut self, value: &dyn ToJson) -> &mut Self {
        let mut inner = String::new();
        value.write_json(&mut inner);
        let body = inner
            .strip_prefix('{')
            .and_then(|s| s.strip_suffix('}'))
            .unwrap_or("");
        if !body.is_empty() {
            if !self.first {
                self.out.push(',');
            }
            self.first = false;
            self.out.push_str(body);
        }
        self
    }

    /// Closes the object.
    pub fn end(&mut self) {
        self.out.push('}');
    }
}

/// Writes `items` as a JSON array.
pub fn write_seq<'a, T: ToJson + 'a>(items: impl IntoIterator<Item = &'a T>, out: &mut String) {
    out.push('[');
    for (i, item) in items.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        item.write_json(out);
    }
    out.push(']');
}

/// Writes `s` as a JSON string.
#[allow(clippy::single_char_add_str)] // See `Fields::key`.
pub fn write_str(s: &str, out: &mut String) {
    out.push_str("\"");
    let mut run = 0;
    for (i, b) in s.bytes().enumerate() {
        let esc = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x08 => "\\b",
            0x0c => "\\f",
            0..=0x1f => "",
            _ => continue,
        };
        out.push_str(s.get(run..i).unwrap_or_default());
        if esc.is_empty() {
            let _ = write!(out, "\\u{b:04x}");
        } else {
            out.push_str(esc);
        }
        run = i + 1;
    }
    out.push_str(s.get(run..).unwrap_or_default());
    out.push_str("\"");
}

/// Writes a float: shortest round-trip digits, `null` when not finite.
pub fn write_f64(f: f64, out: &mut String) {
    if !f.is_finite() {
        out.push_str("null");
        return;
    }
    // Plain decimal digits (the shortest that read back to the same f64,
    // `src/json/float.rs`), never an exponent.
    super::float::write_display(f, out);
    if f.fract() == 0.0 {
        out.push_str(".0");
    }
}

/// Writes a number as it was read.
pub fn write_number(n: Number, out: &mut String) {
    let _ = match n {
        Number::U(u) => write!(out, "{u}"),
        Number::I(i) => write!(out, "{i}"),
        Number::F(f) => {
            write_f64(f, out);
            Ok(())
        }
    };
}

impl ToJson for Value {
    fn write_json(&self, out: &mut String) {
        match self {
            Value::Null => out.push_str("null"),
            Value::Bool(b) => b.write_json(out),
            Value::Number(n) => write_number(*n, out),
            Value::String(s) => write_str(s, out),
            Value::Array(items) => write_seq(items, out),
            Value::Object(map) => map.write_json(out),
        }
    }
}

/// Objects held as [`Value`]s are written with their keys sorted (as
/// serde_json's default map did), so the text does not depend on the order
/// they were built or read in.
impl ToJson for Map {
    fn write_json(&self, out: &mut String) {
        let mut entries: Vec<&(String, Value)> = self.0.iter().collect();
        if !entries.is_sorted_by(|a, b| a.0 <= b.0) {
            crate::sort::sort_by(&mut entries, |a, b| a.0.cmp(&b.0));
        }
        let mut o = Fields::new(out);
        for (k, v) in entries {
            o.field(k, v);
        }
        o.end();
    }
}

impl ToJson for bool {
    fn write_json(&self, out: &mut String) {
        out.push_str(if *self { "true" } else { "false" });
    }
}

impl ToJson for str {
    fn write_json(&self, out: &mut String) {
        write_str(self, out);
    }
}

impl ToJson for String {
    fn write_json(&self, out: &mut String) {
        write_str(self, out);
    }
}

impl ToJson for f64 {
    fn write_json(&self, out: &mut String) {
        write_f64(*self, out);
    }
}

macro_rules! write_integer {
    ($($t:ty),*) => {$(
        impl ToJson for $t {
            fn write_json(&self, out: &mut String) {
                let _ = write!(out, "{self}");
            }
        }
    )*};
}
write_integer!(u8, u16, u32, u64, usize, i32, i64);

impl<T: ToJson + ?Sized> ToJson for &T {
    fn write_json(&self, out: &mut String) {
        (**self).write_json(out);
    }
}

impl<T: ToJson> ToJson for Option<T> {
    fn write_json(&self, out: &mut String) {
        match self {
            Some(v) => v.write_json(out),
            None => out.push_str("null"),
        }
    }
}

impl<T: ToJson> ToJson for [T] {
    fn write_json(&self, out: &mut String) {
        write_seq(self, out);
    }
}

impl<T: ToJson> ToJson for Vec<T> {
    fn write_json(&self, out: &mut String) {
        write_seq(self, out);
    }
}

impl<T: ToJson, const N: usize> ToJson for [T; N] {
    fn write_json(&self, out: &mut String) {
        write_seq(self, out);
    }
}

impl<T: ToJson + ?Sized> ToJson for Box<T> {
    fn write_json(&self, out: &mut String) {
        (**self).write_json(out);
    }
}

impl<T: ToJson> ToJson for super::value::Dict<T> {
    fn write_json(&self, out: &mut String) {
        let mut o = Fields::new(out);
        for (k, v) in self {
            o.field(k, v);
        }
        o.end();
    }
}

/// Re-indents compact JSON text the way `serde_json::to_string_pretty`
/// does: two spaces, `"key": value`, empty containers as `[]` and `{}`.
pub fn pretty(compact: &str) -> String {
    let mut out = String::with_capacity(compact.len() * 2);
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    let mut chars = compact.chars().peekable();
    let newline = |out: &mut String, depth: usize| {
        out.push('\n');
        for _ in 0..depth {
            out.push_str("  ");
        }
    };
    while let Some(c) = chars.next() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
            continue;
        }
        match c {
            '"' => {
                in_string = true;
                out.push(c);
            }
            '{' | '[' => {
                out.push(c);
                let close = if c == '{' { '}' } else { ']' };
                if chars.peek() == Some(&close) {
                    chars.next();
                    out.push(close);
                } else {
                    depth += 1;
                    newline(&mut out, depth);
                }
            }
            '}' | ']' => {
                depth = depth.saturating_sub(1);
                newline(&mut out, depth);
                out.push(c);
            }
            ',' => {
                out.push(',');
                newline(&mut out, depth);
            }
            ':' => out.push_str(": "),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(x: f64) -> String {
        let mut s = String::new();
        write_f64(x, &mut s);
        s
    }

    #[test]
    fn floats_are_shortest_and_read_back_exactly() {
        assert_eq!(f(3.0), "3.0");
        assert_eq!(f(-0.0), "-0.0");
        assert_eq!(f(0.1), "0.1");
        assert_eq!(f(1.0 / 3.0), "0.3333333333333333");
        assert_eq!(f(1e16), "10000000000000000.0");
        assert_eq!(f(1.5e-7), "0.00000015");
        assert_eq!(f(123_456.789), "123456.789");
        assert_eq!(f(f64::NAN), "null");
        for x in [
            0.1,
            1.0 / 3.0,
            1e16,
            1.5e-7,
            123_456.789,
            f64::MAX,
            f64::MIN_POSITIVE,
        ] {
            assert_eq!(f(x).parse::<f64>().unwrap(), x);
        }
    }

    #[test]
    fn pretty_matches_the_usual_layout() {
        assert_eq!(
            pretty(r#"{"a":[1,{"b":"x,:{"}],"c":{},"d":[]}"#),
            "{\n  \"a\": [\n    1,\n    {\n      \"b\": \"x,:{\"\n    }\n  ],\n  \"c\": {},\n  \"d\": []\n}"
        );
    }

    #[test]
    fn strings_are_escaped() {
        let mut s = String::new();
        write_str("a\"b\\c\nd\u{1}é", &mut s);
        assert_eq!(s, r#""a\"b\\c\nd\u0001é""#);
    }

    #[test]
    fn objects_skip_what_is_asked() {
        let mut s = String::new();
        let none: Option<u32> = None;
        let empty: Vec<u32> = vec![];
        let mut o = Fields::new(&mut s);
        o.field("a", &1u32)
            .some("b", &none)
            .some("c", &Some(2u32))
            .nonempty("d", &empty)
            .field("e", &none);
        o.end();
        assert_eq!(s, r#"{"a":1,"c":2,"e":null}"#);
    }
}
