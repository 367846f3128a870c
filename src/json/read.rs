//! A strict JSON reader (RFC 8259) from text to a [`Node`] tree, with the line
//! and column of the first syntax error and a nesting limit, so deep or
//! hostile input is an error, never a stack overflow.

use super::value::{Node, Number};
use crate::error::{Error, ErrorKind, Result};
use std::borrow::Cow;

/// Deepest nesting of arrays and objects accepted (as serde_json).
pub const MAX_DEPTH: usize = 128;

/// Reads JSON text one value at a time.
pub(crate) struct Reader<'t> {
    text: &'t str,
    bytes: &'t [u8],
    pos: usize,
    depth: usize,
}

impl<'t> Reader<'t> {
    pub(crate) fn new(text: &'t str) -> Reader<'t> {
        Reader {
            text,
            bytes: text.as_bytes(),
            pos: 0,
            depth: 0,
        }
    }

    /// An `INVALID_JSON` error at the current position.
    pub(crate) fn error(&self, what: &str) -> Error {
        let before = &self.bytes[..self.pos.min(self.bytes.len())];
        let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
        let line_start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        let column = 1 + self
            .text
            .get(line_start..self.pos.min(self.text.len()))
            .unwrap_or_default()
            .chars()
            .count();
        Error::new(
            ErrorKind::InvalidJson,
            "",
            format!("{what} (line {line}, column {column})"),
        )
    }

    pub(crate) fn skip_ws(&mut self) {
        while let Some(b' ' | b'\n' | b'\r' | b'\t') = self.bytes.get(self.pos) {
            self.pos += 1;
        }
    }

    /// The next byte after whitespace, not consumed.
    pub(crate) fn peek(&mut self) -> Option<u8> {
        self.skip_ws();
        self.bytes.get(self.pos).copied()
    }

    /// Consumes `b` (after whitespace) when it comes next.
    pub(crate) fn eat(&mut self, b: u8) -> bool {
        if self.peek() == Some(b) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    /// Fails unless only whitespace is left.
    pub(crate) fn end(&mut self) -> Result<()> {
        match self.peek() {
            None => Ok(()),
            Some(_) => Err(self.error("unexpected text after the JSON value")),
        }
    }

    /// After an element: `,` (true, more follow) or `close` (false).
    pub(crate) fn next_or_close(&mut self, close: u8) -> Result<bool> {
        if self.eat(b',') {
            return Ok(true);
        }
        if self.eat(close) {
            return Ok(false);
        }
        Err(self.error(if close == b']' {
            "expected `,` or `]`"
        } else {
            "expected `,` or `}`"
        }))
    }

    /// Reads one value.
    pub(crate) fn value(&mut self) -> Result<Node<'t>> {
        match self.peek() {
            None => Err(self.error("unexpected end of input, expected a value")),
            Some(b'{') => {
                self.enter()?;
                let mut map = Vec::new();
                if !self.eat(b'}') {
                    loop {
                        if self.peek() != Some(b'"') {
                            return Err(self.error("expected a key in double quotes"));
                        }
                        let key = self.string()?;
                        if !self.eat(b':') {
                            return Err(self.error("expected `:`"));
                        }
                        let v = self.value()?;
                        map.push((key, v));
                        if !self.next_or_close(b'}')? {
                            break;
                        }
                    }
                }
                self.depth -= 1;
                Ok(Node::Object(map))
            }
            Some(b'[') => {
                self.enter()?;
                let mut items = Vec::new();
                if !self.eat(b']') {
                    loop {
                        items.push(self.value()?);
                        if !self.next_or_close(b']')? {
                            break;
                        }
                    }
                }
                self.depth -= 1;
                Ok(Node::Array(items))
            }
            Some(b'"') => self.string().map(Node::String),
            Some(b't') => self.word("true", Node::Bool(true)),
            Some(b'f') => self.word("false", Node::Bool(false)),
            Some(b'n') => self.word("null", Node::Null),
            Some(b'-' | b'0'..=b'9') => self.number().map(Node::Number),
            Some(_) => Err(self.error("expected a value")),
        }
    }

    /// Opens an array or object: consumes the bracket, checks the depth.
    pub(crate) fn enter(&mut self) -> Result<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.error(&format!("nested more than {MAX_DEPTH} levels deep")));
        }
        self.pos += 1;
        Ok(())
    }

    pub(crate) fn leave(&mut self) {
        self.depth -= 1;
    }

    fn word(&mut self, word: &str, v: Node<'t>) -> Result<Node<'t>> {
        if self.bytes[self.pos..].starts_with(word.as_bytes()) {
            self.pos += word.len();
            Ok(v)
        } else {
            Err(self.error("expected a value"))
        }
    }

    fn digits(&mut self) -> usize {
        let start = self.pos;
        while let Some(b'0'..=b'9') = self.bytes.get(self.pos) {
            self.pos += 1;
        }
        self.pos - start
    }

    fn number(&mut self) -> Result<Number> {
        let start = self.pos;
        let negative = self.bytes[self.pos] == b'-';
        if negative {
            self.pos += 1;
        }
        let int_start = self.pos;
        let n = self.digits();
        if n == 0 {
            return Err(self.error("expected a digit"));
        }
        if n > 1 && self.bytes[int_start] == b'0' {
            self.pos = int_start + 1;
            return Err(self.error("a number cannot start with 0"));
        }
        let mut float = false;
        if self.bytes.get(self.pos) == Some(&b'.') {
            self.pos += 1;
            float = true;
            if self.digits() == 0 {
                return Err(self.error("expected a digit after the decimal point"));
            }
        }
        if let Some(b'e' | b'E') = self.bytes.get(self.pos) {
            self.pos += 1;
            float = true;
            if let Some(b'+' | b'-') = self.bytes.get(self.pos) {
                self.pos += 1;
            }
            if self.digits() == 0 {
                return Err(self.error("expected a digit in the exponent"));
            }
        }
        let text = self.text.get(start..self.pos).unwrap_or_default();
        if !float {
            if negative {
                if let Ok(i) = text.parse::<i64>() {
                    return Ok(if i == 0 { Number::U(0) } else { Number::I(i) });
                }
            } else if let Ok(u) = text.parse::<u64>() {
                return Ok(Number::U(u));
            }
        }
        match super::float::parse(text) {
            Some(f) => Ok(Number::F(f)),
            None => {
                self.pos = start;
                Err(self.error("number out of range"))
            }
        }
    }

    /// Reads a string (the next byte is `"`).
    pub(crate) fn string(&mut self) -> Result<Cow<'t, str>> {
        self.pos += 1;
        // Most strings have no escape: one allocation of the right size.
        let start = self.pos;
        let plain = self.bytes[start..]
            .iter()
            .position(|&b| b == b'"' || b == b'\\' || b < 0x20);
        if let Some(n) = plain {
            if self.bytes[start + n] == b'"' {
                self.pos = start + n + 1;
                return Ok(Cow::Borrowed(
                    self.text.get(start..start + n).unwrap_or_default(),
                ));
            }
        }
        let mut out = String::new();
        let mut run = self.pos;
        loop {
            let Some(&b) = self.bytes.get(self.pos) else {
                return Err(self.error("unexpected end of input inside a string"));
            };
            match b {
                b'"' => {
                    out.push_str(self.text.get(run..self.pos).unwrap_or_default());
                    self.pos += 1;
                    return Ok(Cow::Owned(out));
                }
                b'\\' => {
                    out.push_str(self.text.get(run..self.pos).unwrap_or_default());
                    self.pos += 1;
                    let c = match self.bytes.get(self.pos) {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => self.unicode_escape()?,
                        _ => return Err(self.error("invalid escape in a string")),
                    };
                    out.push(c);
                    self.pos += 1;
                    run = self.pos;
                }
                0..=0x1f => return Err(self.error("control character inside a string")),
                _ => self.pos += 1,
            }
        }
    }

    /// `\uXXXX` (with `pos` on the `u`), joining surrogate pairs; leaves
    /// `pos` on the last hex digit.
    fn unicode_escape(&mut self) -> Result<char> {
        let first = self.hex4()?;
        let code = if (0xD800..0xDC00).contains(&first) {
            if self.bytes.get(self.pos + 1..self.pos + 3) != Some(b"\\u") {
                return Err(self.error("lone leading surrogate in a \\u escape"));
            }
            self.pos += 2;
            let second = self.hex4()?;
            if !(0xDC00..0xE000).contains(&second) {
                return Err(self.error("invalid trailing surrogate in a \\u escape"));
            }
            0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
        } else {
            first
        };
        char::from_u32(code).ok_or_else(|| self.error("lone trailing surrogate in a \\u escape"))
    }

    fn hex4(&mut self) -> Result<u32> {
        let digits = self
            .text
            .get(self.pos + 1..self.pos + 5)
            .filter(|d| d.bytes().all(|b| b.is_ascii_hexdigit()))
            .ok_or_else(|| self.error("expected four hex digits after \\u"))?;
        let v = u32::from_str_radix(digits, 16).map_err(|_| self.error("invalid \\u escape"))?;
        self.pos += 4;
        Ok(v)
    }
}

/// Reads a whole text as one value.
pub(crate) fn read(text: &str) -> Result<Node<'_>> {
    let mut r = Reader::new(text);
    let v = r.value()?;
    r.end()?;
    Ok(v)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::Value;

    fn err(text: &str) -> String {
        let e = read(text).unwrap_err();
        assert_eq!(e.kind, ErrorKind::InvalidJson, "{text}");
        e.message.clone()
    }

    #[test]
    fn reads_every_kind_of_value() {
        let v = read(
            r#" {"a": [1, -2, 2.5, 1e2, true, false, null], "b": "x\"\u00e6\ud83d\ude00\n"} "#,
        )
        .unwrap()
        .to_value();
        let a = match v.get("a") {
            Some(Value::Array(a)) => a.clone(),
            other => panic!("{other:?}"),
        };
        assert_eq!(a[0], Value::Number(Number::U(1)));
        assert_eq!(a[1], Value::Number(Number::I(-2)));
        assert_eq!(a[2], Value::Number(Number::F(2.5)));
        assert_eq!(a[3], Value::Number(Number::F(100.0)));
        assert_eq!(a[4..], [Value::Bool(true), Value::Bool(false), Value::Null]);
        assert_eq!(v.get("b").and_then(Value::as_str), Some("x\"æ😀\n"));
    }

    #[test]
    fn big_integers_become_floats_and_floats_round_correctly() {
        assert_eq!(
            read("18446744073709551616").unwrap().to_value(),
            Value::Number(Number::F(18446744073709551616.0))
        );
        // The closest double, not one ulp off.
        assert_eq!(read("0.1").unwrap().to_value().as_f64(), Some(0.1));
        assert_eq!(
            read("2.2250738585072011e-308").unwrap().to_value().as_f64(),
            Some(2.225_073_858_507_201e-308)
        );
    }

    #[test]
    fn syntax_errors_say_where() {
        assert_eq!(
            err("{\"a\":1,}"),
            "expected a key in double quotes (line 1, column 8)"
        );
        assert_eq!(err("[1,\n 2"), "expected `,` or `]` (line 2, column 3)");
        assert_eq!(err("01"), "a number cannot start with 0 (line 1, column 2)");
        assert_eq!(err("1e999"), "number out of range (line 1, column 1)");
        assert_eq!(
            err("\"a\tb\""),
            "control character inside a string (line 1, column 3)"
        );
        assert_eq!(
            err("\"\\ud800\""),
            "lone leading surrogate in a \\u escape (line 1, column 7)"
        );
        assert_eq!(
            err("{} {}"),
            "unexpected text after the JSON value (line 1, column 4)"
        );
        assert_eq!(
            err(""),
            "unexpected end of input, expected a value (line 1, column 1)"
        );
        assert_eq!(err("nul"), "expected a value (line 1, column 1)");
        assert_eq!(err("-"), "expected a digit (line 1, column 2)");
    }

    #[test]
    fn nesting_is_limited() {
        let deep = "[".repeat(MAX_DEPTH + 1) + &"]".repeat(MAX_DEPTH + 1);
        assert!(err(&deep).starts_with("nested more than 128 levels deep"));
        let ok = "[".repeat(MAX_DEPTH) + &"]".repeat(MAX_DEPTH);
        assert!(read(&ok).is_ok());
    }
}
