//! Reading a cohort file (`--cohort FILE`) into a [`Cohort`].
//!
//! The file is split into records by the same reader as `veivalg decide`
//! ([`Records`]), so a cohort can be JSON Lines or a JSON array, and every
//! record that fails is reported with its line (or index). Records are
//! parsed one at a time and turned into rows by [`Cohort::from_records`] in
//! chunks, so memory holds the compact rows and one chunk of records, not
//! every registration with its wage history.

use crate::records::{Format, Position, Records};
use crate::run::{report, stop, Stop, RECORD_FAILED, USAGE};
use std::fs::File;
use std::io::{self, BufRead, BufReader};
use std::path::Path;
use veivalg::cohort::{Cohort, CohortRecord};
use veivalg::routing::catalog::Catalog;
use veivalg::rules::ruletree::Ruleset;
use veivalg::{Error, ErrorKind};

/// Records turned into rows at a time.
const CHUNK: usize = 4096;

/// Reads the cohort in `path` (`-` = standard input), with groups under
/// `ruleset`.
///
/// # Errors
/// A file that cannot be opened or read: one IO error, [`Stop`] with exit
/// code 2. Records that fail: one error line each (every failing record is
/// reported), then [`Stop`] with exit code 1; so is a file without records.
pub fn load(path: &Path, ruleset: &Ruleset) -> Result<Cohort, Stop> {
    let stdin = path.as_os_str() == "-";
    let source = if stdin {
        "standard input".to_string()
    } else {
        path.display().to_string()
    };
    let reader: Box<dyn BufRead> = if stdin {
        Box::new(io::stdin().lock())
    } else {
        let file = File::open(path).map_err(|e| {
            stop(
                USAGE,
                &Error::new(
                    ErrorKind::Io,
                    source.as_str(),
                    format!("cannot open the cohort file: {e}"),
                ),
            )
        })?;
        Box::new(BufReader::new(file))
    };
    let mut builder = Builder {
        ruleset,
        catalog: Catalog::shipped(),
        source: &source,
        cohort: None,
        entries: Vec::with_capacity(CHUNK),
        records: Vec::with_capacity(CHUNK),
        first: None,
        failed: false,
    };
    for item in Records::new(reader, Format::Auto) {
        let record = item.map_err(|e| {
            stop(
                USAGE,
                &Error::new(
                    ErrorKind::Io,
                    source.as_str(),
                    format!("cannot read the cohort: {e}"),
                ),
            )
        })?;
        let at = record.at;
        match record
            .text
            .and_then(|text| veivalg::wire::parse::<CohortRecord>(&text))
        {
            Ok(r) => builder.push(at, r),
            Err(e) => builder.entry(at, Err(e)),
        }
    }
    builder.flush();
    if builder.failed {
        return Err(Stop(RECORD_FAILED));
    }
    match builder.cohort {
        Some(cohort) => Ok(cohort),
        // No records: the library's own error for an empty cohort.
        None => match Cohort::from_records(&[], ruleset, builder.catalog, &source) {
            Ok(cohort) => Ok(cohort),
            Err(e) => Err(stop(RECORD_FAILED, &e)),
        },
    }
}

/// The cohort so far and the chunk of records waiting to become rows.
/// Errors wait with the chunk, so that they come out in input order.
struct Builder<'a> {
    ruleset: &'a Ruleset,
    catalog: &'a Catalog,
    source: &'a str,
    cohort: Option<Cohort>,
    /// The chunk in input order: the index of a parsed record in
    /// `records`, or the error of one that failed.
    entries: Vec<(Position, Result<usize, Error>)>,
    records: Vec<CohortRecord>,
    /// `synthetic` of the first record, and where it is.
    first: Option<(bool, Position)>,
    /// A record failed: rows are still made, to report every failing
    /// record, but no cohort is returned.
    failed: bool,
}

impl Builder<'_> {
    fn entry(&mut self, at: Position, entry: Result<usize, Error>) {
        self.entries.push((at, entry));
        if self.entries.len() >= CHUNK {
            self.flush();
        }
    }

    fn push(&mut self, at: Position, record: CohortRecord) {
        // Checked here rather than by `from_records`, which sees one chunk
        // at a time.
        match self.first {
            None => self.first = Some((record.synthetic, at)),
            Some((synthetic, first)) if synthetic != record.synthetic => {
                let first = match first {
                    Position::Line(n) => format!("line {n}"),
                    Position::Index(i) => format!("record [{i}]"),
                };
                let message = format!(
                    "a cohort is either synthetic or real: this record says \"synthetic\": {}, {first} says {synthetic}",
                    record.synthetic
                );
                let error = Error::new(ErrorKind::Inconsistent, "synthetic", message);
                return self.entry(at, Err(error));
            }
            Some(_) => {}
        }
        self.records.push(record);
        self.entry(at, Ok(self.records.len() - 1));
    }

    /// Turns the chunk's records into rows and reports its errors.
    fn flush(&mut self) {
        let records = std::mem::take(&mut self.records);
        let part = if records.is_empty() {
            None
        } else {
            Some(Cohort::from_records(
                &records,
                self.ruleset,
                self.catalog,
                self.source,
            ))
        };
        // `from_records` stops at the first failing record; when it failed,
        // ask it about each record of the chunk to report them all.
        let chunk_error = match &part {
            Some(Err(e)) => Some(e.clone()),
            _ => None,
        };
        let mut reported = false;
        for (at, entry) in std::mem::take(&mut self.entries) {
            let error = match entry {
                Err(e) => Some(e),
                Ok(_) if chunk_error.is_none() => None,
                Ok(i) => {
                    Cohort::from_records(&records[i..=i], self.ruleset, self.catalog, self.source)
                        .err()
                        .map(relative)
                }
            };
            if let Some(e) = error {
                self.failed = true;
                reported = true;
                report(Some(at), &e.at(&at.path_prefix()));
            }
        }
        if let Some(e) = chunk_error.filter(|_| !reported) {
            // Not the fault of one record alone: report it as it came.
            self.failed = true;
            report(None, &e);
        }
        match (part, &mut self.cohort) {
            (Some(Ok(part)), None) if !self.failed => self.cohort = Some(part),
            (Some(Ok(part)), Some(cohort)) if !self.failed => cohort.rows.extend(part.rows),
            _ => {}
        }
    }
}

/// An error of `from_records` on one record, with its `[0]` prefix removed
/// so that the record's own position can be put in front.
fn relative(mut e: Error) -> Error {
    if let Some(rest) = e.path.strip_prefix("[0]") {
        e.path = rest.strip_prefix('.').unwrap_or(rest).to_string();
    }
    e
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_paths_drop_the_chunk_index() {
        let e = Error::new(ErrorKind::InsufficientData, "[0].person.wages", "m");
        assert_eq!(relative(e).path, "person.wages");
        let e = Error::new(ErrorKind::Inconsistent, "[0]", "m");
        assert_eq!(relative(e).path, "");
        let e = Error::new(ErrorKind::Inconsistent, "[01].x", "m");
        assert_eq!(relative(e).path, "[01].x");
    }
}
