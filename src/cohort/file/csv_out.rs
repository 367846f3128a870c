//! Writing cohort records as CSV in the columns [`super::csv`] reads (with
//! the `csv` crate, which quotes where needed): `veivalg synth --format
//! csv`, and files for tests and benchmarks.
//!
//! A record's wages become the columns `wage-36` … `wage-1` and `wage+1` …
//! `wage+12` relative to its registration month (several entries for one
//! month summed; other months are read by nothing and left out). The
//! `outcome` cell is the record's own outcome when it has one, and empty
//! otherwise (the reader computes it from `wage+1` … `wage+12`, which the
//! header says are complete: write a record without an outcome only when
//! its wages reach month 12 after registration).

use super::csv::{column_names, WAGE_MONTHS_AFTER, WAGE_MONTHS_BEFORE};
use crate::cohort::CohortRecord;
use crate::error::{Error, ErrorKind, Result};

fn io(e: &::csv::Error) -> Error {
    Error::new(ErrorKind::Io, "", format!("cannot write the CSV: {e}"))
}

/// Writes one CSV record (quoted where needed) at the end of `out`.
fn record<I, T>(fields: I, out: &mut Vec<u8>) -> Result<()>
where
    I: IntoIterator<Item = T>,
    T: AsRef<[u8]>,
{
    let mut w = ::csv::WriterBuilder::new()
        .has_headers(false)
        .buffer_capacity(4096)
        .from_writer(out);
    w.write_record(fields).map_err(|e| io(&e))?;
    w.flush()
        .map_err(|e| Error::new(ErrorKind::Io, "", format!("cannot write the CSV: {e}")))
}

/// Appends the header line (every column, in the template's order) to `out`.
///
/// # Errors
/// Never in practice (writing to memory).
pub fn write_header(out: &mut Vec<u8>) -> Result<()> {
    record(column_names(), out)
}

/// Appends one record as one row to `out`.
///
/// # Errors
/// Never in practice (writing to memory).
pub fn write_row(r: &CohortRecord, out: &mut Vec<u8>) -> Result<()> {
    let p = &r.person;
    let a = &p.answers;
    let flag = |b: bool| if b { "true" } else { "false" }.to_string();
    let opt_flag = |b: Option<bool>| b.map(flag).unwrap_or_default();
    let employment: Vec<String> = p
        .employment
        .iter()
        .map(|period| match period.end {
            Some(end) => format!("{}/{end}", period.start),
            None => format!("{}/", period.start),
        })
        .collect();
    let reg = p.registration_month();
    let mut before = [0.0f64; WAGE_MONTHS_BEFORE as usize];
    let mut after = [0.0f64; WAGE_MONTHS_AFTER as usize];
    let (mut has_before, mut has_after) = (
        [false; WAGE_MONTHS_BEFORE as usize],
        [false; WAGE_MONTHS_AFTER as usize],
    );
    for w in &p.wages {
        let k = reg.months_until(w.month);
        if (1..=i32::from(WAGE_MONTHS_AFTER)).contains(&k) {
            after[k as usize - 1] += w.nok.get();
            has_after[k as usize - 1] = true;
        } else if (-i32::from(WAGE_MONTHS_BEFORE)..=-1).contains(&k) {
            before[(-k) as usize - 1] += w.nok.get();
            has_before[(-k) as usize - 1] = true;
        }
    }
    // Whole kroner without a decimal point; other amounts as JSON writes
    // them (the shortest text that reads back to the same number).
    let nok = |v: f64, has: bool| match (has, v.fract() == 0.0 && v.abs() < 1e15) {
        (false, _) => String::new(),
        (true, true) => format!("{}", v as i64),
        (true, false) => crate::wire::to_string(&v),
    };
    let mut cells = Vec::with_capacity(column_names().len());
    cells.extend([
        p.id.clone().unwrap_or_default(),
        p.registered_on.to_string(),
        p.birth_date.map(|d| d.to_string()).unwrap_or_default(),
        // `age` only when there is no birth date to give it.
        if p.birth_date.is_none() {
            p.age.to_string()
        } else {
            String::new()
        },
        a.situation.as_str().to_string(),
        a.education.as_str().to_string(),
        a.education_approved.as_str().to_string(),
        a.education_passed.as_str().to_string(),
        a.health_obstacles.as_str().to_string(),
        a.other_obstacles.as_str().to_string(),
        a.self_assessment.map(|s| s.to_string()).unwrap_or_default(),
        employment.join(" "),
        flag(p.single_parent),
        flag(p.digital_reservation),
        flag(p.sensitive),
        r.outcome
            .map(|o| o.as_str().to_string())
            .unwrap_or_default(),
        opt_flag(r.counsellor_standard),
        r.gender.map(|g| g.as_str().to_string()).unwrap_or_default(),
        opt_flag(r.born_abroad),
        flag(r.synthetic),
    ]);
    for k in (1..=WAGE_MONTHS_BEFORE as usize).rev() {
        cells.push(nok(before[k - 1], has_before[k - 1]));
    }
    for k in 1..=WAGE_MONTHS_AFTER as usize {
        cells.push(nok(after[k - 1], has_after[k - 1]));
    }
    record(&cells, out)
}
