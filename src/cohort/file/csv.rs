//! CSV cohort files: one registration per row, read with the `csv` crate.
//!
//! The first line is the header; its names are the columns below (in any
//! order, each at most once). The separator is `,`, `;` or a tab, whichever
//! the header line holds most of (Norwegian Excel writes `;`). Fields may
//! be quoted (`"…"`, `""` for a quote inside); spaces around a field are
//! dropped; rows whose every field is empty are skipped; lines may end in
//! `\n` or `\r\n`; a UTF-8 byte order mark is skipped.
//!
//! | column | required | cell |
//! |---|---|---|
//! | `id` | no | any text, echoed nowhere but kept for the caller |
//! | `registeredOn` | yes | `YYYY-MM-DD` |
//! | `birthDate` | `birthDate` or `age` | `YYYY-MM-DD` |
//! | `age` | `birthDate` or `age` | whole years at registration |
//! | `situation`, `education`, `healthObstacles`, `otherObstacles` | yes | NAV's codes, as in JSON (education also as a NUS code 0, 2, 3, 4, 6, 7) |
//! | `educationApproved`, `educationPassed` | yes | NAV's codes; empty where not asked (none or primary school) |
//! | `selfAssessment` | no | 1–5, or empty |
//! | `employment` | no | employer-register periods `start/end`, `start/` while ongoing, separated by spaces; empty for none |
//! | `singleParent`, `digitalReservation`, `sensitive` | no | `true`, `false`, or empty (= false) |
//! | `wage-36` … `wage-1` | yes | NOK paid for the month 36 … 1 months before the registration month; empty = 0 |
//! | `wage+1` … `wage+12` | all twelve, or `outcome` | NOK for the months 1 … 12 after the registration month (the outcome's months); empty = 0 |
//! | `outcome` | when the `wage+` columns are absent | `STABLE_WORK`, `IN_AND_OUT`, `WITHOUT_WORK`; empty = computed from `wage+1` … `wage+12` |
//! | `counsellorStandard` | no | `true` (a standard 14a decision), `false`, or empty (unknown) |
//! | `gender` | no | `FEMALE`, `MALE`, or empty |
//! | `bornAbroad` | no | `true`, `false`, or empty |
//! | `synthetic` | no | `true` for synthetic rows; a file is all synthetic or all real |
//!
//! Each cell is read by the type it becomes, through [`crate::wire`]
//! (`text_cell` for codes and dates, `scalar_cell` for numbers and
//! booleans), and the row is checked by the same code as a JSON person
//! ([`Person`]'s checks, [`CohortRow::from_person`] for the wage inputs,
//! the outcome and the group), so a row has the same errors as the same
//! registration in JSON, with the column as its path.
//!
//! [`CohortRow::from_person`]: crate::cohort::CohortRow::from_person

use super::{Parsed, RowBuilder, RowError};
use crate::cohort::{Gender, RowExtras};
use crate::domain::calendar::Date;
use crate::domain::form::{AnswersInput, Approved, Education, Passed, Situation, YesNoUnknown};
use crate::domain::outcome::Outcome;
use crate::domain::person::{Nok, Period, Person, PersonInput, WageEntry};
use crate::error::{Error, ErrorKind, Result};
use crate::wire::{scalar_cell, text_cell, MAX_RECORD_BYTES};
use ::csv::{ByteRecord, ReaderBuilder};

/// Months before registration the wage columns cover (the model inputs' look-back).
pub const WAGE_MONTHS_BEFORE: u8 = 36;
/// Months after registration the wage columns cover (the outcome's months).
pub const WAGE_MONTHS_AFTER: u8 = 12;

/// A column of a cohort CSV file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Col {
    Id,
    RegisteredOn,
    BirthDate,
    Age,
    Situation,
    Education,
    EducationApproved,
    EducationPassed,
    HealthObstacles,
    OtherObstacles,
    SelfAssessment,
    Employment,
    SingleParent,
    DigitalReservation,
    Sensitive,
    Outcome,
    CounsellorStandard,
    Gender,
    BornAbroad,
    Synthetic,
    /// `wage-k`: k months before the registration month.
    WageBefore(u8),
    /// `wage+k`: k months after the registration month.
    WageAfter(u8),
}

/// The named columns and their header names.
const NAMED: [(&str, Col); 20] = [
    ("id", Col::Id),
    ("registeredOn", Col::RegisteredOn),
    ("birthDate", Col::BirthDate),
    ("age", Col::Age),
    ("situation", Col::Situation),
    ("education", Col::Education),
    ("educationApproved", Col::EducationApproved),
    ("educationPassed", Col::EducationPassed),
    ("healthObstacles", Col::HealthObstacles),
    ("otherObstacles", Col::OtherObstacles),
    ("selfAssessment", Col::SelfAssessment),
    ("employment", Col::Employment),
    ("singleParent", Col::SingleParent),
    ("digitalReservation", Col::DigitalReservation),
    ("sensitive", Col::Sensitive),
    ("outcome", Col::Outcome),
    ("counsellorStandard", Col::CounsellorStandard),
    ("gender", Col::Gender),
    ("bornAbroad", Col::BornAbroad),
    ("synthetic", Col::Synthetic),
];

/// Columns every file needs (besides `birthDate` or `age`, and the wage columns).
const REQUIRED: [Col; 8] = [
    Col::RegisteredOn,
    Col::Situation,
    Col::Education,
    Col::EducationApproved,
    Col::EducationPassed,
    Col::HealthObstacles,
    Col::OtherObstacles,
    Col::WageBefore(1),
];

impl Col {
    fn name(self) -> String {
        match self {
            Col::WageBefore(k) => format!("wage-{k}"),
            Col::WageAfter(k) => format!("wage+{k}"),
            named => NAMED
                .iter()
                .find(|(_, c)| *c == named)
                .map_or_else(String::new, |(n, _)| (*n).to_string()),
        }
    }

    fn from_name(name: &str) -> Option<Col> {
        if let Some((_, c)) = NAMED.iter().find(|(n, _)| *n == name) {
            return Some(*c);
        }
        let wage = |rest: &str, max: u8| {
            (!rest.starts_with('0'))
                .then(|| rest.parse::<u8>().ok())
                .flatten()
                .filter(|k| (1..=max).contains(k))
        };
        if let Some(rest) = name.strip_prefix("wage-") {
            return wage(rest, WAGE_MONTHS_BEFORE).map(Col::WageBefore);
        }
        if let Some(rest) = name.strip_prefix("wage+") {
            return wage(rest, WAGE_MONTHS_AFTER).map(Col::WageAfter);
        }
        None
    }
}

/// Every column name, in the template's order.
pub fn column_names() -> Vec<String> {
    let mut names: Vec<String> = NAMED.iter().map(|(n, _)| (*n).to_string()).collect();
    names.extend(
        (1..=WAGE_MONTHS_BEFORE)
            .rev()
            .map(|k| Col::WageBefore(k).name()),
    );
    names.extend((1..=WAGE_MONTHS_AFTER).map(|k| Col::WageAfter(k).name()));
    names
}

/// The header, read.
struct Header {
    columns: Vec<Col>,
    registered_on: usize,
    /// The `wage+1` … `wage+12` columns are there.
    wages_after: bool,
}

impl Header {
    fn read(record: &ByteRecord) -> Result<Header> {
        let fatal = |kind, path: &str, message: String| {
            Err(Error::new(
                kind,
                path,
                format!("line 1 (the header): {message}"),
            ))
        };
        let mut columns = Vec::with_capacity(record.len());
        for (i, field) in record.iter().enumerate() {
            let Ok(name) = std::str::from_utf8(field.trim_ascii()) else {
                return fatal(
                    ErrorKind::InvalidValue,
                    "",
                    format!("column {} is not UTF-8 text; save the file as UTF-8", i + 1),
                );
            };
            let Some(col) = Col::from_name(name) else {
                let names = column_names();
                let known: Vec<&str> = names.iter().map(String::as_str).collect();
                let hint = crate::wire::closest(name, &known)
                    .map(|a| format!("; did you mean `{a}`?"))
                    .unwrap_or_default();
                let wage = if name.starts_with("wage") {
                    " (wage columns are wage-36 … wage-1 and wage+1 … wage+12: the months before and after the registration month)"
                } else {
                    ""
                };
                return fatal(
                    ErrorKind::UnknownField,
                    name,
                    format!("unknown column `{name}`{wage}{hint}; the columns are listed in the README (\"Cohort files\")"),
                );
            };
            if let Some(j) = columns.iter().position(|c| *c == col) {
                return fatal(
                    ErrorKind::InvalidValue,
                    name,
                    format!(
                        "column `{name}` appears twice (columns {} and {})",
                        j + 1,
                        i + 1
                    ),
                );
            }
            columns.push(col);
        }
        let has = |c: Col| columns.contains(&c);
        for c in REQUIRED {
            if !has(c) {
                return fatal(
                    ErrorKind::MissingField,
                    &c.name(),
                    format!("the required column `{}` is missing", c.name()),
                );
            }
        }
        if !has(Col::BirthDate) && !has(Col::Age) {
            return fatal(
                ErrorKind::MissingField,
                "birthDate",
                "give a column `birthDate` (or `age`)".to_string(),
            );
        }
        if let Some(k) = (1..=WAGE_MONTHS_BEFORE).find(|&k| !has(Col::WageBefore(k))) {
            return fatal(
                ErrorKind::MissingField,
                &Col::WageBefore(k).name(),
                format!(
                    "the column `wage-{k}` is missing: the model inputs look back 36 months, so wage-1 … wage-36 are all needed"
                ),
            );
        }
        let after: Vec<u8> = (1..=WAGE_MONTHS_AFTER)
            .filter(|&k| has(Col::WageAfter(k)))
            .collect();
        let wages_after = after.len() == usize::from(WAGE_MONTHS_AFTER);
        if !after.is_empty() && !wages_after {
            let k = (1..=WAGE_MONTHS_AFTER)
                .find(|&k| !has(Col::WageAfter(k)))
                .unwrap_or(1);
            return fatal(
                ErrorKind::MissingField,
                &Col::WageAfter(k).name(),
                format!("the column `wage+{k}` is missing: the outcome needs all of wage+1 … wage+12 (or leave them all out and give `outcome`)"),
            );
        }
        if after.is_empty() && !has(Col::Outcome) {
            return fatal(
                ErrorKind::MissingField,
                "outcome",
                "give a column `outcome`, or the columns wage+1 … wage+12 it is computed from"
                    .to_string(),
            );
        }
        let registered_on = columns
            .iter()
            .position(|c| *c == Col::RegisteredOn)
            .unwrap_or(0);
        Ok(Header {
            columns,
            registered_on,
            wages_after,
        })
    }
}

/// The state of a CSV file being read.
pub(crate) struct CsvRows {
    /// Bytes from the start of a record whose end may not have come yet.
    pending: Vec<u8>,
    /// Lines before `pending`.
    lines: u64,
    delimiter: Option<u8>,
    header: Option<Header>,
    record: ByteRecord,
}

impl CsvRows {
    pub(crate) fn new() -> CsvRows {
        CsvRows {
            pending: Vec::new(),
            lines: 0,
            delimiter: None,
            header: None,
            record: ByteRecord::new(),
        }
    }

    /// Lines read to their end.
    pub(crate) fn lines(&self) -> u64 {
        self.lines
    }

    /// After the last chunk: a file without a header is an error.
    pub(crate) fn check_finished(&self) -> Result<()> {
        if self.header.is_none() {
            return Err(Error::new(
                ErrorKind::InsufficientData,
                "",
                "the file is empty: a cohort CSV starts with a header line naming its columns",
            ));
        }
        Ok(())
    }

    /// Reads every record `bytes` completes (with `last`, all of them).
    pub(crate) fn push(
        &mut self,
        bytes: &[u8],
        last: bool,
        rows: &mut RowBuilder,
        rejected: &mut dyn FnMut(&RowError),
    ) -> Result<()> {
        self.pending.extend_from_slice(bytes);
        let delimiter = match self.delimiter {
            Some(d) => d,
            None => {
                let end = self.pending.iter().position(|&b| b == b'\n');
                let line = match end {
                    Some(end) => &self.pending[..end],
                    None if last => &self.pending[..],
                    None => return self.check_pending(),
                };
                let count = |c: u8| line.iter().filter(|&&b| b == c).count();
                let d = [b',', b';', b'\t']
                    .into_iter()
                    .max_by_key(|&c| (count(c), c == b','))
                    .unwrap_or(b',');
                self.delimiter = Some(d);
                d
            }
        };
        let mut reader = ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(delimiter)
            .from_reader(&self.pending[..]);
        let mut consumed = 0usize;
        let mut lines_consumed = 0u64;
        let mut record = std::mem::take(&mut self.record);
        let mut header = self.header.take();
        let outcome = loop {
            match reader.read_byte_record(&mut record) {
                Ok(false) => break Ok(()),
                Ok(true) => {
                    let end = usize::try_from(reader.position().byte()).unwrap_or(usize::MAX);
                    if end >= self.pending.len() && !last {
                        // The record may go on in the next chunk.
                        break Ok(());
                    }
                    // The line the record starts on: the reader's line
                    // after it, less its own line end and the line ends
                    // inside its quoted fields. (The record's own position
                    // is where the reader stood before it, which may be a
                    // blank line or the `\n` of a `\r\n` before it.)
                    let after = reader.position().line();
                    let own_end = u64::from(end > 0 && self.pending.get(end - 1) == Some(&b'\n'));
                    let inside = record.as_slice().iter().filter(|&&b| b == b'\n').count() as u64;
                    let line = self.lines + after.saturating_sub(own_end + inside).max(1);
                    consumed = end;
                    lines_consumed = reader.position().line().saturating_sub(1);
                    if let Err(e) = one_record(&mut header, &record, line, rows, rejected) {
                        break Err(e);
                    }
                }
                // Reading bytes from memory into a byte record cannot fail;
                // should it, the file is at fault as a whole.
                Err(e) => {
                    break Err(Error::new(
                        ErrorKind::InvalidValue,
                        "",
                        format!("the CSV cannot be read: {e}"),
                    ))
                }
            }
        };
        self.record = record;
        self.header = header;
        outcome?;
        if last {
            self.lines += reader.position().line().saturating_sub(1)
                + u64::from(self.pending.last().is_some_and(|&b| b != b'\n'));
            self.pending.clear();
            return Ok(());
        }
        self.lines += lines_consumed;
        self.pending.drain(..consumed.min(self.pending.len()));
        self.check_pending()
    }

    /// A record without an end after 1 MiB is not a cohort row.
    fn check_pending(&self) -> Result<()> {
        if self.pending.len() > MAX_RECORD_BYTES {
            return Err(Error::new(
                ErrorKind::TooLarge,
                "",
                format!(
                    "line {}: a CSV record longer than {MAX_RECORD_BYTES} bytes (an unclosed quote?); one row is at most 1 MiB",
                    self.lines + 1
                ),
            ));
        }
        Ok(())
    }
}

/// One record: the header, or a row.
fn one_record(
    header: &mut Option<Header>,
    record: &ByteRecord,
    line: u64,
    rows: &mut RowBuilder,
    rejected: &mut dyn FnMut(&RowError),
) -> Result<()> {
    if record.iter().all(|f| f.trim_ascii().is_empty()) {
        return Ok(());
    }
    match header {
        None => {
            *header = Some(Header::read(record).map_err(|mut e| {
                if line != 1 {
                    e.message = e.message.replacen("line 1", &format!("line {line}"), 1);
                }
                e
            })?);
        }
        Some(header) => rows.add(line, row(header, record), place, rejected),
    }
    Ok(())
}

/// Where an error of [`crate::cohort::CohortRow::from_person`] belongs in
/// a CSV row: the G table's coverage depends on the registration month.
fn place(mut e: Error) -> Error {
    if e.path.is_empty() {
        e.path = "registeredOn".to_string();
    } else if e.path.starts_with("wages") {
        e.path = "outcome".to_string();
    }
    e
}

/// The text of a cell, without the ASCII whitespace around it. (Each cell
/// is trimmed as it is read rather than by the reader's `Trim::All`, which
/// rebuilds every record: a sixth of a CSV load.)
fn text(record: &ByteRecord, i: usize, col: Col) -> Result<&str> {
    std::str::from_utf8(record.get(i).unwrap_or_default().trim_ascii()).map_err(|e| {
        Error::new(
            ErrorKind::InvalidValue,
            col.name(),
            format!(
                "the cell is not UTF-8 text (a bad byte at {}); save the file as UTF-8",
                e.valid_up_to() + 1
            ),
        )
    })
}

/// A cell that must not be empty.
fn required(cell: Option<&str>, col: Col) -> Result<&str> {
    match cell {
        Some(c) if !c.is_empty() => Ok(c),
        _ => Err(Error::new(
            ErrorKind::MissingField,
            col.name(),
            format!("the cell `{}` is empty", col.name()),
        )),
    }
}

fn code<T: serde::de::DeserializeOwned>(cell: &str, col: Col) -> Result<T> {
    text_cell(cell).map_err(|e| e.at(&col.name()))
}

fn optional_code<T: serde::de::DeserializeOwned>(cell: &str, col: Col) -> Result<Option<T>> {
    if cell.is_empty() {
        Ok(None)
    } else {
        code(cell, col).map(Some)
    }
}

fn flag(cell: &str, col: Col) -> Result<Option<bool>> {
    if cell.is_empty() {
        return Ok(None);
    }
    scalar_cell::<bool>(cell, "`true`, `false` or an empty cell")
        .map(Some)
        .map_err(|e| e.at(&col.name()))
}

/// Question 3: NAV's code, or a NUS code.
fn education(cell: &str) -> Result<Education> {
    if cell.bytes().all(|b| b.is_ascii_digit()) {
        return Education::from_nus(cell).ok_or_else(|| {
            Error::new(
                ErrorKind::InvalidValue,
                "education",
                format!("unknown NUS code `{cell}`; expected one of 0, 2, 3, 4, 6, 7"),
            )
        });
    }
    code(cell, Col::Education)
}

/// `start/end start/ …`
fn periods(cell: &str) -> Result<Vec<Period>> {
    let bad = |i: usize, message: String| {
        Error::new(
            ErrorKind::InvalidValue,
            "employment",
            format!("period {}: {message}", i + 1),
        )
    };
    let mut out = Vec::new();
    for (i, part) in cell.split_ascii_whitespace().enumerate() {
        if i >= crate::domain::person::MAX_EMPLOYMENT_PERIODS {
            return Err(Error::new(
                ErrorKind::TooLarge,
                "employment",
                format!(
                    "more than {} employment periods",
                    crate::domain::person::MAX_EMPLOYMENT_PERIODS
                ),
            ));
        }
        let Some((start, end)) = part.split_once('/') else {
            return Err(bad(
                i,
                format!("`{part}` is not a period `start/end` (or `start/` while ongoing)"),
            ));
        };
        let date = |d: &str| text_cell::<Date>(d).map_err(|e| bad(i, e.message.clone()));
        out.push(Period {
            start: date(start)?,
            end: if end.is_empty() {
                None
            } else {
                Some(date(end)?)
            },
        });
    }
    Ok(out)
}

/// The cells of one row, read.
#[derive(Default)]
struct Cells<'a> {
    id: Option<&'a str>,
    birth_date: Option<Date>,
    age: Option<u32>,
    situation: Option<&'a str>,
    education: Option<&'a str>,
    education_approved: Option<Approved>,
    education_passed: Option<Passed>,
    health_obstacles: Option<&'a str>,
    other_obstacles: Option<&'a str>,
    self_assessment: Option<u8>,
    employment: Vec<Period>,
    single_parent: bool,
    digital_reservation: bool,
    sensitive: bool,
    outcome: Option<Outcome>,
    counsellor_standard: Option<bool>,
    gender: Option<Gender>,
    born_abroad: Option<bool>,
    synthetic: bool,
}

/// One row as a registration, checked as a JSON person is.
fn row(header: &Header, record: &ByteRecord) -> Result<Parsed> {
    let n = header.columns.len();
    if record.len() != n {
        let col = header.columns.get(record.len()).map(|c| c.name());
        return Err(match col {
            Some(name) => Error::new(
                ErrorKind::MissingField,
                name.clone(),
                format!(
                    "the row has {} fields and the header {n}: `{name}` and the columns after it are missing",
                    record.len()
                ),
            ),
            None => Error::new(
                ErrorKind::UnknownField,
                "",
                format!(
                    "the row has {} fields and the header {n}: a separator too many, or a field with the separator that should be quoted",
                    record.len()
                ),
            ),
        });
    }
    let reg_cell = text(record, header.registered_on, Col::RegisteredOn)?;
    let registered_on: Date = code(
        required(Some(reg_cell), Col::RegisteredOn)?,
        Col::RegisteredOn,
    )?;
    let reg = registered_on.year_month();
    let mut c = Cells::default();
    let mut wages = Vec::with_capacity(usize::from(WAGE_MONTHS_BEFORE + WAGE_MONTHS_AFTER));
    for (i, &col) in header.columns.iter().enumerate() {
        let cell = text(record, i, col)?;
        match col {
            Col::RegisteredOn => {}
            Col::Id => c.id = (!cell.is_empty()).then_some(cell),
            Col::BirthDate => c.birth_date = optional_code(cell, col)?,
            Col::Age => {
                c.age = if cell.is_empty() {
                    None
                } else {
                    Some(scalar_cell(cell, "whole years").map_err(|e| e.at("age"))?)
                }
            }
            Col::Situation => c.situation = Some(cell),
            Col::Education => c.education = Some(cell),
            Col::EducationApproved => c.education_approved = optional_code(cell, col)?,
            Col::EducationPassed => c.education_passed = optional_code(cell, col)?,
            Col::HealthObstacles => c.health_obstacles = Some(cell),
            Col::OtherObstacles => c.other_obstacles = Some(cell),
            Col::SelfAssessment => {
                c.self_assessment = if cell.is_empty() {
                    None
                } else {
                    Some(
                        scalar_cell(cell, "a whole number 1–5")
                            .map_err(|e| e.at("selfAssessment"))?,
                    )
                }
            }
            Col::Employment => c.employment = periods(cell)?,
            Col::SingleParent => c.single_parent = flag(cell, col)?.unwrap_or(false),
            Col::DigitalReservation => c.digital_reservation = flag(cell, col)?.unwrap_or(false),
            Col::Sensitive => c.sensitive = flag(cell, col)?.unwrap_or(false),
            Col::Outcome => c.outcome = optional_code(cell, col)?,
            Col::CounsellorStandard => c.counsellor_standard = flag(cell, col)?,
            Col::Gender => c.gender = optional_code(cell, col)?,
            Col::BornAbroad => c.born_abroad = flag(cell, col)?,
            Col::Synthetic => c.synthetic = flag(cell, col)?.unwrap_or(false),
            Col::WageBefore(k) | Col::WageAfter(k) => {
                if cell.is_empty() {
                    continue;
                }
                let nok: Nok =
                    scalar_cell(cell, "a number of NOK").map_err(|e| e.at(&col.name()))?;
                let offset = match col {
                    Col::WageBefore(_) => -i32::from(k),
                    _ => i32::from(k),
                };
                wages.push(WageEntry {
                    month: reg.add_months(offset),
                    nok,
                });
            }
        }
    }
    if c.outcome.is_none() && !header.wages_after {
        return Err(Error::new(
            ErrorKind::MissingField,
            "outcome",
            "the cell `outcome` is empty, and without the columns wage+1 … wage+12 it cannot be computed",
        ));
    }
    let answers = AnswersInput {
        situation: code::<Situation>(required(c.situation, Col::Situation)?, Col::Situation)?,
        education: education(required(c.education, Col::Education)?)?,
        education_approved: c.education_approved,
        education_passed: c.education_passed,
        health_obstacles: code::<YesNoUnknown>(
            required(c.health_obstacles, Col::HealthObstacles)?,
            Col::HealthObstacles,
        )?,
        other_obstacles: code::<YesNoUnknown>(
            required(c.other_obstacles, Col::OtherObstacles)?,
            Col::OtherObstacles,
        )?,
        self_assessment: c.self_assessment,
    }
    .check()?;
    if c.birth_date.is_none() && c.age.is_none() {
        return Err(Error::new(
            ErrorKind::MissingField,
            "birthDate",
            "give a birth date (or the age at registration)",
        ));
    }
    let person = Person::check(PersonInput {
        id: c.id.map(str::to_string),
        registered_on,
        birth_date: c.birth_date,
        age: c.age,
        answers,
        employment: c.employment,
        wages,
        // The header names the months covered: through month 12 after
        // registration when the `wage+` columns are there.
        wages_through: header
            .wages_after
            .then(|| reg.add_months(i32::from(WAGE_MONTHS_AFTER))),
        single_parent: c.single_parent,
        digital_reservation: c.digital_reservation,
        sensitive: c.sensitive,
    })
    .map_err(|mut e| {
        if let Some(rest) = e.path.strip_prefix("employment[") {
            let i: usize = rest
                .split(']')
                .next()
                .and_then(|n| n.parse().ok())
                .unwrap_or(0);
            e.message = format!("period {}: {}", i + 1, e.message);
            e.path = "employment".to_string();
        }
        e
    })?;
    Ok(Parsed {
        person,
        extras: RowExtras {
            counsellor_standard: c.counsellor_standard,
            gender: c.gender,
            born_abroad: c.born_abroad,
            outcome: c.outcome,
        },
        synthetic: c.synthetic,
    })
}
