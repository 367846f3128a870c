//! JSON Lines cohort files: one [`CohortRecord`] per line, as `veivalg
//! synth` writes them and the CLI reads them. Blank lines are skipped; a
//! line may end in `\n` or `\r\n`, and the last one needs no line end.
//!
//! Each line is read by [`crate::wire::parse_many`] (as [`crate::wire::parse`], faster), so a record's errors have
//! the same kinds and paths as anywhere else (`person.answers.situation`).
//! A line longer than [`MAX_RECORD_BYTES`] is skipped as `TOO_LARGE`
//! without being held in memory.

use super::{Parsed, RowBuilder, RowError};
use crate::cohort::{CohortRecord, RowExtras};
use crate::error::{Error, ErrorKind, Result};
use crate::wire::MAX_RECORD_BYTES;

/// The line-splitting state of a JSON Lines file.
pub(crate) struct Lines {
    /// The start of a line whose end has not come yet.
    pending: Vec<u8>,
    /// Lines read to their end.
    lines: u64,
    /// The current line is too long: skip to its end.
    skipping: bool,
}

impl Lines {
    pub(crate) fn new() -> Lines {
        Lines {
            pending: Vec::new(),
            lines: 0,
            skipping: false,
        }
    }

    /// Lines read to their end.
    pub(crate) fn lines(&self) -> u64 {
        self.lines
    }

    /// Reads every line `bytes` completes (and with `last`, the rest).
    pub(crate) fn push(
        &mut self,
        mut bytes: &[u8],
        last: bool,
        rows: &mut RowBuilder,
        rejected: &mut dyn FnMut(&RowError),
    ) -> Result<()> {
        while let Some(end) = memchr::memchr(b'\n', bytes) {
            let (part, rest) = bytes.split_at(end);
            bytes = rest.get(1..).unwrap_or_default();
            self.lines += 1;
            if self.skipping {
                self.skipping = false;
                self.pending.clear();
                continue;
            }
            if self.pending.is_empty() {
                self.line(part, rows, rejected);
            } else {
                let mut line = std::mem::take(&mut self.pending);
                line.extend_from_slice(part);
                self.line(&line, rows, rejected);
                line.clear();
                self.pending = line;
            }
        }
        if !self.skipping {
            if self.pending.len() + bytes.len() > MAX_RECORD_BYTES + 1 {
                // The line is already too long: report it now, and skip to its end.
                let e = Error::new(
                    ErrorKind::TooLarge,
                    "",
                    format!("the line is longer than {MAX_RECORD_BYTES} bytes; one record is at most 1 MiB"),
                );
                rows.reject(self.lines + 1, &e, rejected);
                self.skipping = true;
                self.pending = Vec::new();
            } else {
                self.pending.extend_from_slice(bytes);
            }
        }
        if last && !self.pending.is_empty() {
            let line = std::mem::take(&mut self.pending);
            self.lines += 1;
            self.line(&line, rows, rejected);
        }
        Ok(())
    }

    /// One line (without its `\n`), numbered `self.lines`.
    fn line(&mut self, line: &[u8], rows: &mut RowBuilder, rejected: &mut dyn FnMut(&RowError)) {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if line.iter().all(u8::is_ascii_whitespace) {
            return;
        }
        let parsed = match std::str::from_utf8(line) {
            Ok(text) => crate::wire::parse_many::<CohortRecord>(text).map(|r| Parsed {
                extras: RowExtras {
                    counsellor_standard: r.counsellor_standard,
                    gender: r.gender,
                    born_abroad: r.born_abroad,
                    outcome: r.outcome,
                },
                synthetic: r.synthetic,
                person: r.person,
            }),
            Err(e) => Err(Error::new(
                ErrorKind::InvalidJson,
                "",
                format!(
                    "the line is not UTF-8 text (a bad byte at column {}); save the file as UTF-8",
                    e.valid_up_to() + 1
                ),
            )),
        };
        rows.add(self.lines, parsed, |e| e.at("person"), rejected);
    }
}
