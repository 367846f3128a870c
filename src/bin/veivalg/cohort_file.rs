//! Reading a cohort file (`--cohort FILE`) into a [`Cohort`].
//!
//! CSV and JSON Lines go through the library's [`CohortLoader`], fed the
//! file in chunks, so memory holds the compact rows and one chunk, never
//! the whole file. A JSON array (or input whose format is not known) is
//! split into records by the same reader as `veivalg decide` ([`Records`]),
//! and each record goes through the same loader as one line. The format is
//! `--format`, or else the file's extension (`.csv`, `.jsonl`/`.ndjson`,
//! `.json`); standard input and other names are guessed (JSON Lines or an
//! array).
//!
//! A record that fails is reported on standard error, one JSON line each
//! with its line (or its index in an array), and skipped; the others load.

use crate::cli::CohortFormat;
use crate::records::{Format, Position, Records};
use crate::run::{report, stop, Stop, RECORD_FAILED, USAGE};
use std::fs::File;
use std::io::{self, BufRead, BufReader};
use std::path::Path;
use veivalg::cohort::file::{CohortLoader, FileFormat, LoaderOptions, RowError};
use veivalg::cohort::Cohort;
use veivalg::rules::ruletree::Ruleset;
use veivalg::wire::IdOr;
use veivalg::{Error, ErrorKind};

/// Bytes read from the file at a time.
const CHUNK: usize = 1 << 16;

/// A cohort read, and how many records of the file were skipped.
pub struct Loaded {
    /// The rows that loaded.
    pub cohort: Cohort,
    /// Records skipped (each reported on standard error).
    pub rejected: u64,
}

/// The format of `path` from its extension, if it says.
fn by_extension(path: &Path) -> Option<CohortFormat> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    match ext.as_str() {
        "csv" => Some(CohortFormat::Csv),
        "jsonl" | "ndjson" => Some(CohortFormat::Jsonl),
        "json" => Some(CohortFormat::Json),
        _ => None,
    }
}

/// Reads the cohort in `path` (`-` = standard input), with groups under
/// `ruleset`.
///
/// # Errors
/// A file that cannot be opened or read: one IO error, [`Stop`] with exit
/// code 2. A file that fails as a whole (a CSV header without a required
/// column, …) or of which no record loads: the error, then [`Stop`] with
/// exit code 1.
pub fn load(path: &Path, ruleset: &Ruleset, format: Option<CohortFormat>) -> Result<Loaded, Stop> {
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
        Box::new(BufReader::with_capacity(CHUNK, file))
    };
    let format = format.or_else(|| if stdin { None } else { by_extension(path) });
    let options = |format| LoaderOptions {
        format,
        ruleset: Some(IdOr::Value(Box::new(ruleset.clone()))),
        source: Some(source.clone()),
    };
    let failed = |e: Error| stop(RECORD_FAILED, &e);
    match format {
        Some(CohortFormat::Csv) | Some(CohortFormat::Jsonl) => {
            let file_format = if format == Some(CohortFormat::Csv) {
                FileFormat::Csv
            } else {
                FileFormat::Jsonl
            };
            let mut loader = CohortLoader::new(&options(file_format)).map_err(failed)?;
            let mut rejected = 0u64;
            let mut on_reject = |e: &RowError| {
                rejected += 1;
                report(Some(Position::Line(e.line)), &e.error());
            };
            // Each chunk straight from the reader's buffer, not copied out.
            let mut reader = reader;
            loop {
                let chunk = match reader.fill_buf() {
                    Ok([]) => break,
                    Ok(chunk) => chunk,
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                    Err(e) => return Err(read_failed(&source, &e)),
                };
                let n = chunk.len();
                loader.push_with(chunk, &mut on_reject).map_err(failed)?;
                reader.consume(n);
            }
            let cohort = loader.finish_with(&mut on_reject).map_err(failed)?;
            Ok(Loaded { cohort, rejected })
        }
        Some(CohortFormat::Json) | None => {
            let records_format = if format.is_some() {
                Format::Json
            } else {
                Format::Auto
            };
            records(reader, records_format, &options(FileFormat::Jsonl), &source)
        }
    }
}

/// Reading the cohort failed part way: an IO error naming the source.
fn read_failed(source: &str, e: &io::Error) -> Stop {
    stop(
        USAGE,
        &Error::new(
            ErrorKind::Io,
            source,
            format!("cannot read the cohort: {e}"),
        ),
    )
}

/// A JSON array or JSON Lines split by [`Records`], each record pushed into
/// a JSON Lines loader as one line (its line ends, which JSON allows only
/// between tokens, become spaces), errors reported at the record's own
/// position.
fn records(
    reader: Box<dyn BufRead>,
    format: Format,
    options: &LoaderOptions,
    source: &str,
) -> Result<Loaded, Stop> {
    let mut loader = CohortLoader::new(options).map_err(|e| stop(RECORD_FAILED, &e))?;
    // The position of each line pushed, by line number − 1.
    let mut positions: Vec<Position> = Vec::new();
    let mut rejected = 0u64;
    let mut line = Vec::new();
    for item in Records::new(reader, format) {
        let record = item.map_err(|e| read_failed(source, &e))?;
        let at = record.at;
        match record.text {
            Ok(text) => {
                positions.push(at);
                line.clear();
                line.extend(
                    text.bytes()
                        .map(|b| if b == b'\n' || b == b'\r' { b' ' } else { b }),
                );
                line.push(b'\n');
                let mut on_reject = |e: &RowError| {
                    rejected += 1;
                    let at = positions
                        .get(usize::try_from(e.line).unwrap_or(0).wrapping_sub(1))
                        .copied()
                        .unwrap_or(Position::Line(e.line));
                    report(Some(at), &e.error().at(&at.path_prefix()));
                };
                loader
                    .push_with(&line, &mut on_reject)
                    .map_err(|e| stop(RECORD_FAILED, &e))?;
            }
            Err(e) => {
                rejected += 1;
                report(Some(at), &e.at(&at.path_prefix()));
            }
        }
    }
    let cohort = loader.finish().map_err(|mut e| {
        if rejected > 0 && e.kind == ErrorKind::InsufficientData {
            e.message = format!("no row could be loaded: every record was rejected ({rejected})");
        }
        stop(RECORD_FAILED, &e)
    })?;
    Ok(Loaded { cohort, rejected })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_extension_names_the_format() {
        let f = |p: &str| by_extension(Path::new(p));
        assert_eq!(f("a/cohort.csv"), Some(CohortFormat::Csv));
        assert_eq!(f("cohort.CSV"), Some(CohortFormat::Csv));
        assert_eq!(f("cohort.jsonl"), Some(CohortFormat::Jsonl));
        assert_eq!(f("cohort.ndjson"), Some(CohortFormat::Jsonl));
        assert_eq!(f("cohort.json"), Some(CohortFormat::Json));
        assert_eq!(f("cohort.txt"), None);
        assert_eq!(f("cohort"), None);
    }
}
