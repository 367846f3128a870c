//! Splitting the CLI's input into records, with bounded memory.
//!
//! [`Records`] reads from any [`BufRead`] and yields one [`Record`] per input
//! record: the record's JSON text, or the error that stopped it from being
//! one (too large, not UTF-8, a broken array). It never holds more than one
//! record (at most `limit + 1` bytes) at a time, so a 10 MB line costs a 1 MiB
//! buffer and the records after it are still read. Parsing the JSON itself
//! is left to the library facade, so the CLI reports the same errors as the
//! wasm package.

use std::io::{self, BufRead, Read};
use veivalg::{Error, ErrorKind};

/// How the input is split into records (`--input`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// One JSON value, or a JSON array whose elements are the records.
    Json,
    /// JSON Lines: one record per line; blank lines are skipped.
    Jsonl,
    /// `[` first → array; the whole input one JSON value → that value;
    /// otherwise JSON Lines.
    Auto,
}

/// Where a record sits in the input, for error reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Position {
    /// 1-based line number (JSON Lines, or the line a single value starts on).
    Line(u64),
    /// 0-based index of an element of a top-level array.
    Index(u64),
}

impl Position {
    /// Prefix for the JSON path of an error in this record: `[i]` for an
    /// array element, empty for a line.
    pub fn path_prefix(self) -> String {
        match self {
            Position::Line(_) => String::new(),
            Position::Index(i) => format!("[{i}]"),
        }
    }
}

/// One record of the input: its JSON text (without surrounding whitespace),
/// or why it could not be taken from the input. Errors carry an empty path;
/// the caller prefixes [`Position::path_prefix`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// Where the record starts.
    pub at: Position,
    /// The record's text, or the error for this record.
    pub text: Result<String, Error>,
}

/// What the reader does next.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// Nothing read yet; the format still has to be settled.
    Detect(Format),
    /// One record per line.
    Lines,
    /// Inside a top-level array, before the next element; `after_comma`
    /// tells a trailing comma from an empty array.
    Array { after_comma: bool },
    /// After the closing `]`: only whitespace may follow.
    AfterArray,
    /// No more records.
    Finished,
}

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// JSON's insignificant whitespace.
fn is_ws(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r')
}

/// `bytes` without leading and trailing JSON whitespace.
fn trim(bytes: &[u8]) -> &[u8] {
    let start = bytes.iter().position(|&b| !is_ws(b)).unwrap_or(bytes.len());
    let end = bytes
        .iter()
        .rposition(|&b| !is_ws(b))
        .map_or(start, |i| i + 1);
    &bytes[start..end]
}

/// True when `bytes` is exactly one well-formed JSON value (surrounding
/// whitespace allowed).
fn is_one_value(bytes: &[u8]) -> bool {
    std::str::from_utf8(bytes).is_ok_and(|text| {
        veivalg::wire::parse_limited::<serde::de::IgnoredAny>(text, usize::MAX).is_ok()
    })
}

fn too_large(len: Option<u64>, limit: usize) -> Error {
    let size = match len {
        Some(n) => format!("{n} bytes"),
        None => format!("more than {limit} bytes"),
    };
    Error::new(
        ErrorKind::TooLarge,
        "",
        format!("record is {size}; the limit is {limit} bytes per record"),
    )
}

fn invalid(message: impl Into<String>) -> Error {
    Error::new(ErrorKind::InvalidJson, "", message)
}

/// The record's text from its bytes: too large, not UTF-8, or the trimmed text.
fn text_of(bytes: &[u8], len: u64, limit: usize) -> Result<String, Error> {
    if len > limit as u64 {
        return Err(too_large(Some(len), limit));
    }
    match std::str::from_utf8(trim(bytes)) {
        Ok(text) => Ok(text.to_string()),
        Err(e) => Err(invalid(format!(
            "not valid UTF-8 (bad byte at offset {} of the record)",
            e.valid_up_to()
        ))),
    }
}

/// Reads one line (without its `\n`) into `buf`, keeping at most
/// `limit + 1` bytes of it and discarding the rest. Returns the line's full
/// length, or `None` at the end of the input.
fn read_line_bounded(
    src: &mut impl BufRead,
    buf: &mut Vec<u8>,
    limit: usize,
) -> io::Result<Option<u64>> {
    buf.clear();
    let mut len: u64 = 0;
    let mut any = false;
    loop {
        let chunk = fill(src)?;
        if chunk.is_empty() {
            return Ok(any.then_some(len));
        }
        any = true;
        let (part, used, ended) = match chunk.iter().position(|&b| b == b'\n') {
            Some(i) => (&chunk[..i], i + 1, true),
            None => (chunk, chunk.len(), false),
        };
        len += part.len() as u64;
        let room = (limit + 1).saturating_sub(buf.len());
        buf.extend_from_slice(&part[..part.len().min(room)]);
        src.consume(used);
        if ended {
            return Ok(Some(len));
        }
    }
}

/// Appends to `buf` until it holds more than `limit` bytes or the input
/// ends. Returns true when the input ended.
fn read_bounded(src: &mut impl BufRead, buf: &mut Vec<u8>, limit: usize) -> io::Result<bool> {
    let want = (limit + 1).saturating_sub(buf.len()) as u64;
    src.by_ref().take(want).read_to_end(buf)?;
    Ok(buf.len() <= limit)
}

/// [`BufRead::fill_buf`], retried when a signal interrupts the read.
fn fill<R: BufRead>(src: &mut R) -> io::Result<&[u8]> {
    loop {
        match src.fill_buf() {
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
            Ok(_) => break,
        }
    }
    src.fill_buf()
}

/// Looks at the next byte without consuming it (`None` at the end).
fn peek(src: &mut impl BufRead) -> io::Result<Option<u8>> {
    Ok(fill(src)?.first().copied())
}

/// A reader with bytes put back in front of it: what format detection read
/// and then found to belong to the first records.
struct Replay<R> {
    head: Vec<u8>,
    pos: usize,
    inner: R,
}

impl<R: Read> Read for Replay<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        if self.pos < self.head.len() {
            let n = out.len().min(self.head.len() - self.pos);
            out[..n].copy_from_slice(&self.head[self.pos..self.pos + n]);
            self.pos += n;
            Ok(n)
        } else {
            self.inner.read(out)
        }
    }
}

impl<R: BufRead> BufRead for Replay<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        if self.pos < self.head.len() {
            Ok(&self.head[self.pos..])
        } else {
            self.inner.fill_buf()
        }
    }

    fn consume(&mut self, n: usize) {
        if self.pos < self.head.len() {
            self.pos = (self.pos + n).min(self.head.len());
        } else {
            self.inner.consume(n);
        }
    }
}

/// An iterator over the records of an input.
///
/// Items are `Ok(record)` — possibly a record that is an error, after which
/// reading goes on — or `Err(io)` when reading the input itself failed,
/// after which the iterator ends.
///
/// # Example
/// ```ignore
/// let input = "{\"a\":1}\n\n{\"a\":2}\n";
/// let records: Vec<_> = Records::new(input.as_bytes(), Format::Auto).collect();
/// assert_eq!(records.len(), 2); // lines 1 and 3
/// ```
pub struct Records<R> {
    src: Replay<R>,
    mode: Mode,
    limit: usize,
    /// Number of the last line read (JSON Lines), or of lines passed (array).
    line: u64,
    /// Index of the next array element.
    index: u64,
    /// A record found while detecting the format, to be yielded first.
    pending: Option<Record>,
    buf: Vec<u8>,
}

impl<R: BufRead> Records<R> {
    /// Records of `reader` in `format`, each at most
    /// [`veivalg::wire::MAX_RECORD_BYTES`] long.
    pub fn new(reader: R, format: Format) -> Self {
        Self::with_limit(reader, format, veivalg::wire::MAX_RECORD_BYTES)
    }

    /// Like [`Records::new`] with another per-record limit (for tests).
    pub fn with_limit(reader: R, format: Format, limit: usize) -> Self {
        Records {
            src: Replay {
                head: Vec::new(),
                pos: 0,
                inner: reader,
            },
            mode: Mode::Detect(format),
            limit,
            line: 0,
            index: 0,
            pending: None,
            buf: Vec::new(),
        }
    }

    /// Puts `bytes` back in front of the unread input.
    fn unread(&mut self, mut bytes: Vec<u8>) {
        bytes.extend_from_slice(&self.src.head[self.src.pos..]);
        self.src.head = bytes;
        self.src.pos = 0;
    }

    /// Settles the format: skips a byte-order mark and leading whitespace,
    /// then picks array, single value or JSON Lines. In `auto` a first line
    /// that is a complete JSON value means JSON Lines at once, so streaming
    /// input is answered line by line; otherwise up to `limit` bytes are
    /// read to see whether the whole input is one value.
    fn detect(&mut self, format: Format) -> io::Result<()> {
        if peek(&mut self.src)? == Some(BOM[0]) {
            let mut start = Vec::new();
            read_bounded(&mut self.src, &mut start, BOM.len() - 1)?;
            if start != BOM {
                self.unread(start);
            }
        }
        if format == Format::Jsonl {
            self.mode = Mode::Lines;
            return Ok(());
        }
        // Skip leading whitespace, counting the lines it spans.
        loop {
            let chunk = fill(&mut self.src)?;
            let n = chunk.iter().take_while(|&&b| is_ws(b)).count();
            if n == 0 {
                break;
            }
            self.line += chunk[..n].iter().filter(|&&b| b == b'\n').count() as u64;
            self.src.consume(n);
        }
        let start = Position::Line(self.line + 1);
        match peek(&mut self.src)? {
            None => self.mode = Mode::Finished,
            Some(b'[') => {
                self.src.consume(1);
                self.mode = Mode::Array { after_comma: false };
            }
            Some(_) if format == Format::Json => {
                let mut buf = Vec::new();
                read_bounded(&mut self.src, &mut buf, self.limit)?;
                self.single(start, &buf);
            }
            Some(_) => self.detect_auto(start)?,
        }
        Ok(())
    }

    /// `auto` for input that does not start with `[`.
    fn detect_auto(&mut self, start: Position) -> io::Result<()> {
        let mut first = Vec::new();
        let Some(len) = read_line_bounded(&mut self.src, &mut first, self.limit)? else {
            self.mode = Mode::Finished;
            return Ok(());
        };
        self.mode = Mode::Lines;
        if len > self.limit as u64 {
            // The line is gone; report it and go on with the next one.
            self.line += 1;
            self.pending = Some(Record {
                at: start,
                text: Err(too_large(Some(len), self.limit)),
            });
            return Ok(());
        }
        let mut head = first;
        head.push(b'\n');
        if is_one_value(&head) {
            self.unread(head);
            return Ok(());
        }
        let first_line_len = head.len();
        let ended = read_bounded(&mut self.src, &mut head, self.limit)?;
        // A first line that is just `{` starts a pretty-printed object: treat
        // the input as one value even when it is broken or too large, so the
        // error comes once, not once per line.
        let opens_object = trim(&head[..first_line_len]) == b"{";
        if (ended && is_one_value(&head)) || opens_object {
            self.single(start, &head);
        } else {
            self.unread(head);
        }
        Ok(())
    }

    /// The whole input (in `bytes`, at most `limit + 1` of them) is one record.
    fn single(&mut self, at: Position, bytes: &[u8]) {
        let text = if bytes.len() > self.limit {
            Err(too_large(None, self.limit))
        } else {
            text_of(bytes, bytes.len() as u64, self.limit)
        };
        self.pending = Some(Record { at, text });
        self.mode = Mode::Finished;
    }

    /// The next non-blank line as a record.
    fn next_line(&mut self) -> io::Result<Option<Record>> {
        loop {
            let Some(len) = read_line_bounded(&mut self.src, &mut self.buf, self.limit)? else {
                return Ok(None);
            };
            self.line += 1;
            if len <= self.limit as u64 && trim(&self.buf).is_empty() {
                continue;
            }
            return Ok(Some(Record {
                at: Position::Line(self.line),
                text: text_of(&self.buf, len, self.limit),
            }));
        }
    }

    /// The next element of the top-level array, or the error that ends it.
    ///
    /// Elements are found by scanning for a `,` or `]` outside strings and
    /// outside nested brackets; each element's text is then parsed by the
    /// facade. A malformed element may run into the next one, but the scan
    /// never reads past the end of the input or holds more than `limit + 1`
    /// bytes.
    fn next_element(&mut self, after_comma: bool) -> io::Result<Option<Record>> {
        let at = Position::Index(self.index);
        // Skip whitespace before the element.
        loop {
            let chunk = fill(&mut self.src)?;
            let n = chunk.iter().take_while(|&&b| is_ws(b)).count();
            self.line += chunk[..n].iter().filter(|&&b| b == b'\n').count() as u64;
            let at_end = chunk.is_empty();
            let stop = n < chunk.len();
            self.src.consume(n);
            if at_end || stop {
                break;
            }
        }
        let unclosed = || invalid("the input ended before the array was closed with `]`");
        match peek(&mut self.src)? {
            None => {
                self.mode = Mode::Finished;
                return Ok(Some(Record {
                    at,
                    text: Err(unclosed()),
                }));
            }
            Some(b']') => {
                self.src.consume(1);
                self.mode = Mode::AfterArray;
                if after_comma {
                    self.index += 1;
                    return Ok(Some(Record {
                        at,
                        text: Err(invalid(
                            "expected a value after `,`, found `]` (trailing comma)",
                        )),
                    }));
                }
                return self.after_array();
            }
            Some(b',') => {
                self.src.consume(1);
                self.index += 1;
                self.mode = Mode::Array { after_comma: true };
                return Ok(Some(Record {
                    at,
                    text: Err(invalid("expected a value, found `,`")),
                }));
            }
            Some(_) => {}
        }
        self.buf.clear();
        let (mut depth, mut in_string, mut escaped) = (0u64, false, false);
        let mut len: u64 = 0;
        let end = loop {
            let chunk = fill(&mut self.src)?;
            if chunk.is_empty() {
                break None;
            }
            let mut used = 0;
            let mut end = None;
            for &b in chunk {
                used += 1;
                if b == b'\n' {
                    self.line += 1;
                }
                if in_string {
                    if escaped {
                        escaped = false;
                    } else if b == b'\\' {
                        escaped = true;
                    } else if b == b'"' {
                        in_string = false;
                    }
                } else {
                    match b {
                        b'"' => in_string = true,
                        b'{' | b'[' => depth += 1,
                        b',' | b']' if depth == 0 => {
                            end = Some(b);
                            break;
                        }
                        b'}' | b']' => depth = depth.saturating_sub(1),
                        _ => {}
                    }
                }
                len += 1;
                if self.buf.len() <= self.limit {
                    self.buf.push(b);
                }
            }
            self.src.consume(used);
            if end.is_some() {
                break end;
            }
        };
        self.index += 1;
        let text = match end {
            None => {
                self.mode = Mode::Finished;
                Err(unclosed())
            }
            Some(b',') => {
                self.mode = Mode::Array { after_comma: true };
                text_of(&self.buf, len, self.limit)
            }
            Some(_) => {
                self.mode = Mode::AfterArray;
                text_of(&self.buf, len, self.limit)
            }
        };
        Ok(Some(Record { at, text }))
    }

    /// After the closing `]`: the end of the input, or an error for the text
    /// that follows it.
    fn after_array(&mut self) -> io::Result<Option<Record>> {
        self.mode = Mode::Finished;
        loop {
            let chunk = fill(&mut self.src)?;
            if chunk.is_empty() {
                return Ok(None);
            }
            let n = chunk.iter().take_while(|&&b| is_ws(b)).count();
            self.line += chunk[..n].iter().filter(|&&b| b == b'\n').count() as u64;
            if n < chunk.len() {
                return Ok(Some(Record {
                    at: Position::Line(self.line + 1),
                    text: Err(invalid(
                        "unexpected text after the closing `]` of the array",
                    )),
                }));
            }
            self.src.consume(n);
        }
    }

    /// The next record, `None` at the end.
    fn step(&mut self) -> io::Result<Option<Record>> {
        loop {
            if let Some(record) = self.pending.take() {
                return Ok(Some(record));
            }
            match self.mode {
                Mode::Detect(format) => self.detect(format)?,
                Mode::Lines => return self.next_line(),
                Mode::Array { after_comma } => return self.next_element(after_comma),
                Mode::AfterArray => return self.after_array(),
                Mode::Finished => return Ok(None),
            }
        }
    }
}

impl<R: BufRead> Iterator for Records<R> {
    type Item = io::Result<Record>;

    fn next(&mut self) -> Option<Self::Item> {
        match self.step() {
            Ok(Some(record)) => Some(Ok(record)),
            Ok(None) => {
                self.mode = Mode::Finished;
                None
            }
            Err(e) => {
                self.mode = Mode::Finished;
                self.pending = None;
                Some(Err(e))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `(position, text or error kind)` for every record of `input`.
    fn read(
        input: &[u8],
        format: Format,
        limit: usize,
    ) -> Vec<(Position, Result<String, &'static str>)> {
        Records::with_limit(input, format, limit)
            .map(|item| {
                let r = item.unwrap();
                (r.at, r.text.map_err(|e| e.kind.as_str()))
            })
            .collect()
    }

    fn auto(input: &str) -> Vec<(Position, Result<String, &'static str>)> {
        read(input.as_bytes(), Format::Auto, 64)
    }

    fn ok(at: Position, text: &str) -> (Position, Result<String, &'static str>) {
        (at, Ok(text.to_string()))
    }

    use Position::{Index, Line};

    #[test]
    fn json_lines_skip_blank_lines_and_count_them() {
        assert_eq!(
            auto("{\"a\":1}\n\n  \n{\"a\":2}\r\n{\"a\":3}"),
            vec![
                ok(Line(1), "{\"a\":1}"),
                ok(Line(4), "{\"a\":2}"),
                ok(Line(5), "{\"a\":3}")
            ]
        );
    }

    #[test]
    fn leading_blank_lines_count() {
        assert_eq!(
            auto("\n\n{\"a\":1}\n{\"a\":2}\n"),
            vec![ok(Line(3), "{\"a\":1}"), ok(Line(4), "{\"a\":2}")]
        );
    }

    #[test]
    fn a_broken_line_is_passed_on_for_the_facade_to_report() {
        assert_eq!(
            auto("{\"a\":1}\n{bad\n{\"a\":3}\n"),
            vec![
                ok(Line(1), "{\"a\":1}"),
                ok(Line(2), "{bad"),
                ok(Line(3), "{\"a\":3}")
            ]
        );
        // A broken first line: still JSON Lines.
        assert_eq!(
            auto("{bad\n{\"a\":2}\n"),
            vec![ok(Line(1), "{bad"), ok(Line(2), "{\"a\":2}")]
        );
    }

    #[test]
    fn a_pretty_printed_object_is_one_record() {
        let text = "\n{\n  \"a\": [1,\n 2]\n}\n";
        assert_eq!(auto(text), vec![ok(Line(2), "{\n  \"a\": [1,\n 2]\n}")]);
        // Broken, it is still one record (one error from the facade, not one per line).
        let broken = "{\n  \"a\": 1\n  \"b\": 2\n}\n";
        assert_eq!(auto(broken).len(), 1);
        assert_eq!(
            read(text.as_bytes(), Format::Json, 64),
            vec![ok(Line(2), "{\n  \"a\": [1,\n 2]\n}")]
        );
    }

    #[test]
    fn jsonl_format_reads_lines_even_for_one_value() {
        let text = "{\n\"a\":1}\n";
        assert_eq!(
            read(text.as_bytes(), Format::Jsonl, 64),
            vec![ok(Line(1), "{"), ok(Line(2), "\"a\":1}")]
        );
    }

    #[test]
    fn arrays_split_into_elements() {
        let text = " [ {\"s\":\"a,]}\\\"\"}, [1,[2]] ,3,\n\"x\" ]\n";
        assert_eq!(
            auto(text),
            vec![
                ok(Index(0), "{\"s\":\"a,]}\\\"\"}"),
                ok(Index(1), "[1,[2]]"),
                ok(Index(2), "3"),
                ok(Index(3), "\"x\""),
            ]
        );
        assert_eq!(auto("[]"), vec![]);
        assert_eq!(auto("[\n]\n"), vec![]);
    }

    #[test]
    fn array_mistakes_are_errors_for_one_element() {
        assert_eq!(
            auto("[1,,2]"),
            vec![
                ok(Index(0), "1"),
                (Index(1), Err("INVALID_JSON")),
                ok(Index(2), "2")
            ]
        );
        assert_eq!(
            auto("[1,]"),
            vec![ok(Index(0), "1"), (Index(1), Err("INVALID_JSON"))]
        );
        assert_eq!(
            auto("[1, {\"a\":"),
            vec![ok(Index(0), "1"), (Index(1), Err("INVALID_JSON"))]
        );
        assert_eq!(
            auto("[1, 2"),
            vec![ok(Index(0), "1"), (Index(1), Err("INVALID_JSON"))]
        );
        assert_eq!(
            auto("[1]\n\nx"),
            vec![ok(Index(0), "1"), (Line(3), Err("INVALID_JSON"))]
        );
    }

    #[test]
    fn too_large_records_are_skipped_and_reading_goes_on() {
        let big = "x".repeat(200);
        let text = format!("{{\"a\":1}}\n\"{big}\"\n{{\"a\":3}}\n");
        assert_eq!(
            auto(&text),
            vec![
                ok(Line(1), "{\"a\":1}"),
                (Line(2), Err("TOO_LARGE")),
                ok(Line(3), "{\"a\":3}")
            ]
        );
        // Also when the first line is the large one.
        let text = format!("\"{big}\"\n{{\"a\":2}}\n");
        assert_eq!(
            auto(&text),
            vec![(Line(1), Err("TOO_LARGE")), ok(Line(2), "{\"a\":2}")]
        );
        let text = format!("[\"{big}\", 2]");
        assert_eq!(
            auto(&text),
            vec![(Index(0), Err("TOO_LARGE")), ok(Index(1), "2")]
        );
        let text = format!("{{\n\"a\": \"{big}\"\n}}");
        assert_eq!(auto(&text), vec![(Line(1), Err("TOO_LARGE"))]);
        assert_eq!(
            read(text.as_bytes(), Format::Json, 64),
            vec![(Line(1), Err("TOO_LARGE"))]
        );
    }

    #[test]
    fn the_limit_is_inclusive() {
        let at_limit = format!("\"{}\"", "x".repeat(62));
        assert_eq!(
            auto(&format!("{at_limit}\n1\n")),
            vec![ok(Line(1), &at_limit), ok(Line(2), "1")]
        );
    }

    #[test]
    fn invalid_utf8_is_invalid_json_for_that_record() {
        let text = b"{\"a\":1}\n{\"a\":\"\xff\"}\n{\"a\":3}\n";
        assert_eq!(
            read(text, Format::Auto, 64),
            vec![
                ok(Line(1), "{\"a\":1}"),
                (Line(2), Err("INVALID_JSON")),
                ok(Line(3), "{\"a\":3}")
            ]
        );
        let text = b"[\"\xc3\x28\", 1]";
        assert_eq!(
            read(text, Format::Auto, 64),
            vec![(Index(0), Err("INVALID_JSON")), ok(Index(1), "1")]
        );
    }

    #[test]
    fn a_byte_order_mark_is_skipped() {
        assert_eq!(
            read(b"\xEF\xBB\xBF{\"a\":1}\n", Format::Auto, 64),
            vec![ok(Line(1), "{\"a\":1}")]
        );
        assert_eq!(
            read(b"\xEF\xBB\xBF[1]", Format::Json, 64),
            vec![ok(Index(0), "1")]
        );
        assert_eq!(
            read(b"\xEF\xBB\xBF1\n2", Format::Jsonl, 64),
            vec![ok(Line(1), "1"), ok(Line(2), "2")]
        );
    }

    #[test]
    fn empty_input_has_no_records() {
        for format in [Format::Auto, Format::Json, Format::Jsonl] {
            assert_eq!(read(b"", format, 64), vec![]);
            assert_eq!(read(b" \n\n", format, 64), vec![]);
        }
    }

    #[test]
    fn small_reads_give_the_same_records() {
        // A reader that hands out one byte at a time.
        struct Trickle<'a>(&'a [u8]);
        impl Read for Trickle<'_> {
            fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
                let n = usize::from(!self.0.is_empty() && !out.is_empty());
                out[..n].copy_from_slice(&self.0[..n]);
                self.0 = &self.0[n..];
                Ok(n)
            }
        }
        for text in [
            &b"{\"a\":1}\n\n{\"a\":2}\n"[..],
            b"[{\"s\":\"],\"}, 2 , [3]]",
            b"{\n \"a\": 1\n}\n",
            b"{bad\n{\"a\":2}",
            b"\xEF\xBB\xBF{\"a\":1}\n",
            b"\xEF\xBB{\"a\":1}\n",
        ] {
            let whole = read(text, Format::Auto, 64);
            let trickled: Vec<_> = Records::with_limit(
                io::BufReader::with_capacity(1, Trickle(text)),
                Format::Auto,
                64,
            )
            .map(|r| {
                let r = r.unwrap();
                (r.at, r.text.map_err(|e| e.kind.as_str()))
            })
            .collect();
            assert_eq!(whole, trickled, "{}", String::from_utf8_lossy(text));
        }
    }

    #[test]
    fn a_read_error_ends_the_records() {
        struct Failing(bool);
        impl Read for Failing {
            fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
                if self.0 {
                    return Err(io::Error::other("disk on fire"));
                }
                self.0 = true;
                let line = b"1\n";
                out[..line.len()].copy_from_slice(line);
                Ok(line.len())
            }
        }
        let mut records = Records::new(io::BufReader::new(Failing(false)), Format::Jsonl);
        assert_eq!(records.next().unwrap().unwrap().text, Ok("1".to_string()));
        assert!(records.next().unwrap().is_err());
        assert!(records.next().is_none());
    }

    #[test]
    fn error_paths_of_array_elements_start_with_the_index() {
        assert_eq!(Index(3).path_prefix(), "[3]");
        assert_eq!(Line(3).path_prefix(), "");
    }
}
