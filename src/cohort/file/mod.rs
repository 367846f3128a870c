//! Cohort files read in chunks: JSON Lines ([`jsonl`]) and CSV ([`csv`]).
//!
//! A [`CohortLoader`] is fed a file's bytes in chunks of any size (a line or
//! a CSV record may span chunks) and turns each record into a
//! [`CohortRow`] at once, by the same code as the records of a JSON array
//! ([`CohortRow::from_person`]): memory holds the compact rows and the one
//! record being read, never the whole text. A record that fails is skipped
//! and recorded as a [`RowError`] `{line, kind, path, message}` (the first
//! [`MAX_REJECTED_KEPT`] are kept, all are counted); the others load.
//! [`CohortLoader::finish`] makes the [`Cohort`], or fails when no row
//! loaded.
//!
//! Problems with the file as a whole (a CSV header without a required
//! column, a UTF-16 file, a CSV record above 1 MiB) are not row errors:
//! [`CohortLoader::push`] returns them, and the loader stays failed.
//!
//! ```
//! use veivalg::cohort::file::{CohortLoader, FileFormat, LoaderOptions};
//! let line = r#"{"person":{"registeredOn":"2019-02-15","birthDate":"1978-09-30","answers":{"situation":"MISTET_JOBBEN","education":"GRUNNSKOLE","healthObstacles":"NEI","otherObstacles":"NEI"}},"outcome":"STABLE_WORK"}"#;
//! let mut loader = CohortLoader::new(&LoaderOptions::new(FileFormat::Jsonl)).unwrap();
//! let text = format!("{line}\n{{\"person\":1}}\n{line}\n");
//! let (a, b) = text.as_bytes().split_at(50); // a line split across chunks
//! loader.push(a).unwrap();
//! let progress = loader.push(b).unwrap();
//! assert_eq!((progress.rows, progress.rejected), (2, 1));
//! let cohort = loader.finish().unwrap();
//! assert_eq!(cohort.rows.len(), 2);
//! assert_eq!(cohort.rejected.first[0].line, 2);
//! assert_eq!(cohort.rejected.first[0].kind.as_str(), "INVALID_TYPE");
//! ```

pub mod csv;
pub mod csv_out;
pub mod jsonl;

use crate::cohort::{Cohort, CohortRow, RowExtras};
use crate::domain::calendar::Date;
use crate::domain::person::Person;
use crate::error::{Error, ErrorKind, Result};
use crate::routing::catalog::Catalog;
use crate::rules::ruletree::{self, Group, Ruleset};
use crate::vocab::vocabulary;
use crate::wire::IdOr;
use serde::{Deserialize, Serialize};

/// Most row errors a loader keeps (all are counted).
pub const MAX_REJECTED_KEPT: usize = 100;

vocabulary! {
    /// The format of a cohort file.
    pub enum FileFormat {
        /// JSON Lines: one cohort record (as `veivalg synth` writes) per line.
        Jsonl = "jsonl",
        /// CSV: one registration per row, columns as the README documents.
        Csv = "csv",
    }
}

/// A record of a cohort file that was skipped, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct RowError {
    /// Line of the file where the record starts (1 = the first line; in a
    /// CSV file the header is line 1).
    pub line: u64,
    /// What went wrong.
    pub kind: ErrorKind,
    /// The field at fault: a JSON path in the record (`person.answers.situation`)
    /// or a CSV column (`situation`, `wage-3`); empty for the record as a whole.
    pub path: String,
    /// The reason, for humans.
    pub message: String,
}

impl RowError {
    /// The row error of `error` at `line`.
    pub fn new(line: u64, error: &Error) -> RowError {
        RowError {
            line,
            kind: error.kind,
            path: error.path.clone(),
            message: error.message.clone(),
        }
    }

    /// The record's error, `{kind, path, message}` (the line aside).
    pub fn error(&self) -> Error {
        Error::new(self.kind, self.path.as_str(), self.message.as_str())
    }

    /// The error as one line of JSON, as the CLI writes it on standard error.
    pub fn to_json(&self) -> String {
        crate::wire::to_string(self)
    }
}

/// The records a load skipped: how many, and the first 100
/// ([`MAX_REJECTED_KEPT`]) of them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Rejected {
    /// Records skipped.
    pub count: u64,
    /// The first of them, in file order.
    pub first: Vec<RowError>,
}

/// How far a load has come.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct LoadProgress {
    /// Bytes pushed so far.
    pub bytes: u64,
    /// Lines read to their end so far (the CSV header included).
    pub lines: u64,
    /// Rows loaded so far.
    pub rows: u64,
    /// Records skipped so far.
    pub rejected: u64,
}

/// Options of a [`CohortLoader`] (`new CohortLoader(options)` in JS):
/// `{ format, ruleset?, source? }`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(optional_fields = nullable))]
pub struct LoaderOptions {
    /// `jsonl` or `csv`.
    pub format: FileFormat,
    /// Ruleset of the group column: an id or a ruleset object. Default: the
    /// ruleset in force on the earliest registration day of the rows loaded
    /// (as `Cohort.fromJson`).
    #[serde(default)]
    #[cfg_attr(
        test,
        ts(as = "Option<crate::ts::IdOr<crate::rules::ruletree::Ruleset>>")
    )]
    pub ruleset: Option<IdOr<Ruleset>>,
    /// Where the file came from, for the summary (default `JSON Lines file`
    /// or `CSV file`).
    #[serde(default)]
    pub source: Option<String>,
}

impl LoaderOptions {
    /// The defaults for a format.
    pub fn new(format: FileFormat) -> LoaderOptions {
        LoaderOptions {
            format,
            ruleset: None,
            source: None,
        }
    }
}

/// One record of a file, read: a registration with what is known after it.
pub(crate) struct Parsed {
    pub(crate) person: Person,
    pub(crate) extras: RowExtras,
    pub(crate) synthetic: bool,
}

/// The format-specific reader behind a loader.
enum Reader {
    Jsonl(jsonl::Lines),
    Csv(csv::CsvRows),
}

/// The first bytes of a file, until it is known whether they are a byte
/// order mark.
enum Start {
    Undecided(Vec<u8>),
    Decided,
}

/// Reads a cohort file fed in chunks; see the [module docs](self).
pub struct CohortLoader {
    reader: Reader,
    rows: RowBuilder,
    start: Start,
    bytes: u64,
    failed: Option<Error>,
}

impl CohortLoader {
    /// A loader for `options.format`.
    ///
    /// # Errors
    /// `NOT_FOUND` (path `ruleset`) for an unknown ruleset id;
    /// `INVALID_CONFIG` for a ruleset object that fails its checks.
    pub fn new(options: &LoaderOptions) -> Result<CohortLoader> {
        let catalog = Catalog::shipped();
        let rulesets = match &options.ruleset {
            Some(IdOr::Id(id)) => vec![catalog.ruleset(id).map_err(|e| e.at("ruleset"))?.clone()],
            Some(IdOr::Value(r)) => {
                r.check().map_err(|e| e.at("ruleset"))?;
                vec![(**r).clone()]
            }
            None => catalog.rulesets().to_vec(),
        };
        let source = options.source.clone().unwrap_or_else(|| {
            match options.format {
                FileFormat::Jsonl => "JSON Lines file",
                FileFormat::Csv => "CSV file",
            }
            .to_string()
        });
        Ok(CohortLoader {
            reader: match options.format {
                FileFormat::Jsonl => Reader::Jsonl(jsonl::Lines::new()),
                FileFormat::Csv => Reader::Csv(csv::CsvRows::new()),
            },
            rows: RowBuilder::new(rulesets, options.ruleset.is_some(), source),
            start: Start::Undecided(Vec::new()),
            bytes: 0,
            failed: None,
        })
    }

    /// Reads the next chunk of the file; returns the progress so far.
    ///
    /// # Errors
    /// A problem with the file as a whole (see the [module docs](self)); once
    /// one is returned, every later call returns it again.
    pub fn push(&mut self, chunk: &[u8]) -> Result<LoadProgress> {
        self.push_with(chunk, &mut |_| {})
    }

    /// [`CohortLoader::push`], calling `rejected` with every record skipped
    /// in this chunk (the CLI reports them all, not only the first kept).
    ///
    /// # Errors
    /// As [`CohortLoader::push`].
    pub fn push_with(
        &mut self,
        chunk: &[u8],
        rejected: &mut dyn FnMut(&RowError),
    ) -> Result<LoadProgress> {
        if let Some(e) = &self.failed {
            return Err(e.clone());
        }
        self.bytes += chunk.len() as u64;
        let result = match &mut self.start {
            Start::Decided => self.feed(chunk, false, rejected),
            Start::Undecided(head) => {
                head.extend_from_slice(chunk);
                if head.len() < 3 {
                    Ok(())
                } else {
                    let head = std::mem::take(head);
                    self.decide_start(head, false, rejected)
                }
            }
        };
        match result {
            Ok(()) => Ok(self.progress()),
            Err(e) => {
                self.failed = Some(e.clone());
                Err(e)
            }
        }
    }

    fn decide_start(
        &mut self,
        head: Vec<u8>,
        last: bool,
        rejected: &mut dyn FnMut(&RowError),
    ) -> Result<()> {
        self.start = Start::Decided;
        if head.starts_with(b"\xFF\xFE") || head.starts_with(b"\xFE\xFF") {
            return Err(Error::new(
                ErrorKind::InvalidValue,
                "",
                "the file is UTF-16 text; save it as UTF-8 (in Excel: \"CSV UTF-8\")",
            ));
        }
        let body = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&head);
        self.feed(body, last, rejected)
    }

    fn feed(
        &mut self,
        bytes: &[u8],
        last: bool,
        rejected: &mut dyn FnMut(&RowError),
    ) -> Result<()> {
        match &mut self.reader {
            Reader::Jsonl(r) => r.push(bytes, last, &mut self.rows, rejected),
            Reader::Csv(r) => r.push(bytes, last, &mut self.rows, rejected),
        }
    }

    /// The progress so far.
    pub fn progress(&self) -> LoadProgress {
        LoadProgress {
            bytes: self.bytes,
            lines: match &self.reader {
                Reader::Jsonl(r) => r.lines(),
                Reader::Csv(r) => r.lines(),
            },
            rows: self.rows.rows.len() as u64,
            rejected: self.rows.rejected.count,
        }
    }

    /// The records skipped so far.
    pub fn rejected(&self) -> &Rejected {
        &self.rows.rejected
    }

    /// Reads what is left (a last line without a line end) and makes the
    /// cohort.
    ///
    /// # Errors
    /// A problem with the file as a whole; `INSUFFICIENT_DATA` when no row
    /// loaded (the message names the first records skipped);
    /// `NOT_FOUND` when no ruleset was given and none is in force on the
    /// earliest registration day.
    pub fn finish(self) -> Result<Cohort> {
        self.finish_with(&mut |_| {})
    }

    /// [`CohortLoader::finish`], calling `rejected` with every record skipped
    /// in the last part of the file.
    ///
    /// # Errors
    /// As [`CohortLoader::finish`].
    pub fn finish_with(mut self, rejected: &mut dyn FnMut(&RowError)) -> Result<Cohort> {
        if let Some(e) = self.failed.take() {
            return Err(e);
        }
        match std::mem::replace(&mut self.start, Start::Decided) {
            Start::Undecided(head) => self.decide_start(head, true, rejected)?,
            Start::Decided => self.feed(&[], true, rejected)?,
        }
        if let Reader::Csv(r) = &self.reader {
            r.check_finished()?;
        }
        self.rows.finish()
    }
}

/// Rows made so far, the groups under each candidate ruleset, and the
/// records skipped.
pub(crate) struct RowBuilder {
    /// The ruleset given, or every shipped one (the choice is made at the
    /// end, from the earliest registration day).
    rulesets: Vec<Ruleset>,
    fixed: bool,
    source: String,
    rows: Vec<CohortRow>,
    /// With several candidate rulesets: each row's group under each of
    /// them (`rulesets.len()` entries a row).
    groups: Vec<Group>,
    earliest: Option<Date>,
    /// `synthetic` of the first row, and its line.
    synthetic: Option<(bool, u64)>,
    rejected: Rejected,
}

impl RowBuilder {
    fn new(rulesets: Vec<Ruleset>, fixed: bool, source: String) -> RowBuilder {
        RowBuilder {
            rulesets,
            fixed,
            source,
            rows: Vec::new(),
            groups: Vec::new(),
            earliest: None,
            synthetic: None,
            rejected: Rejected::default(),
        }
    }

    /// Records a skipped record.
    pub(crate) fn reject(&mut self, line: u64, error: &Error, rejected: &mut dyn FnMut(&RowError)) {
        let e = RowError::new(line, error);
        rejected(&e);
        self.rejected.count += 1;
        if self.rejected.first.len() < MAX_REJECTED_KEPT {
            self.rejected.first.push(e);
        }
    }

    /// Adds the record at `line`; `place` puts the errors of
    /// [`CohortRow::from_person`] where the format says (`person.wages` in
    /// JSON Lines, a column in CSV).
    pub(crate) fn add(
        &mut self,
        line: u64,
        parsed: Result<Parsed>,
        place: fn(Error) -> Error,
        rejected: &mut dyn FnMut(&RowError),
    ) {
        let p = match parsed {
            Ok(p) => p,
            Err(e) => return self.reject(line, &e, rejected),
        };
        match self.synthetic {
            Some((synthetic, first)) if synthetic != p.synthetic => {
                let e = Error::new(
                    ErrorKind::Inconsistent,
                    "synthetic",
                    format!(
                        "a cohort is either synthetic or real: this record says \"synthetic\": {}, line {first} says {synthetic}",
                        p.synthetic
                    ),
                );
                return self.reject(line, &e, rejected);
            }
            _ => {}
        }
        let catalog = Catalog::shipped();
        let Some(first_ruleset) = self.rulesets.first() else {
            let e = Error::new(ErrorKind::InvalidConfig, "ruleset", "no ruleset to use");
            return self.reject(line, &e, rejected);
        };
        match CohortRow::from_person(&p.person, p.extras, first_ruleset, catalog) {
            Ok(row) => {
                if self.synthetic.is_none() {
                    self.synthetic = Some((p.synthetic, line));
                }
                if !self.fixed {
                    for r in &self.rulesets {
                        self.groups.push(ruletree::group(&p.person, r));
                    }
                }
                let day = p.person.registered_on;
                self.earliest = Some(self.earliest.map_or(day, |d| d.min(day)));
                self.rows.push(row);
            }
            Err(e) => self.reject(line, &place(e), rejected),
        }
    }

    fn finish(mut self) -> Result<Cohort> {
        let Some(earliest) = self.earliest else {
            let first = self
                .rejected
                .first
                .iter()
                .take(3)
                .map(|e| {
                    let at = if e.path.is_empty() {
                        String::new()
                    } else {
                        format!(" {}:", e.path)
                    };
                    format!("line {}:{at} {}", e.line, e.message)
                })
                .collect::<Vec<_>>()
                .join("; ");
            let message = if self.rejected.count == 0 {
                "the file holds no records: a cohort needs at least one row".to_string()
            } else {
                format!(
                    "no row could be loaded: every record was rejected ({}; the first: {first})",
                    self.rejected.count
                )
            };
            return Err(Error::new(ErrorKind::InsufficientData, "", message));
        };
        let ruleset = if self.fixed {
            self.rulesets
                .first()
                .map(|r| r.id.clone())
                .unwrap_or_default()
        } else {
            let chosen =
                ruletree::in_force(&self.rulesets, earliest).map_err(|e| e.at("ruleset"))?;
            let n = self.rulesets.len();
            let k = self
                .rulesets
                .iter()
                .position(|r| r.id == chosen.id)
                .unwrap_or(0);
            for (row, groups) in self.rows.iter_mut().zip(self.groups.chunks_exact(n)) {
                row.group = groups[k];
            }
            chosen.id.clone()
        };
        let synthetic = self.synthetic.is_some_and(|(s, _)| s);
        self.rows.shrink_to_fit();
        Ok(Cohort {
            rows: self.rows,
            ruleset,
            synthetic,
            source: format!(
                "{}{}",
                self.source,
                if synthetic { " (synthetic)" } else { "" }
            ),
            rejected: self.rejected,
        })
    }
}

/// A whole file in one go: [`CohortLoader`] fed `bytes`, then finished.
///
/// # Errors
/// As [`CohortLoader::push`] and [`CohortLoader::finish`].
pub fn load(bytes: &[u8], options: &LoaderOptions) -> Result<Cohort> {
    let mut loader = CohortLoader::new(options)?;
    loader.push(bytes)?;
    loader.finish()
}
