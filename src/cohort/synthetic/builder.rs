//! A synthetic cohort made a piece at a time: [`SyntheticBuilder::step`]
//! makes the next rows and says how far it has come, [`SyntheticBuilder::finish`]
//! hands over the [`Cohort`]. A page's Web Worker steps through a large
//! cohort so that its progress bar has a percentage; the result is the
//! cohort [`Cohort::synthetic_with`] makes in one call (which is this
//! builder stepped once), row for row.

use super::{check_seed, check_size, generator, AgeRange, SyntheticParams};
use crate::cohort::{Cohort, CohortRow};
use crate::error::{Error, ErrorKind, Result};
use serde::Serialize;
use std::fmt::Write as _;

/// How far a [`SyntheticBuilder`] has come (`{ rows, size }` in JSON).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct SyntheticProgress {
    /// Rows made so far.
    pub rows: u64,
    /// Rows of the whole cohort.
    pub size: u64,
}

/// Makes the synthetic cohort of a seed, a size and an age range in steps
/// of any number of rows (`new SyntheticBuilder({ seed, size, ages? })` in
/// JS). Row *i* is [`record_with`](super::record_with)`(params, ages, seed,
/// i)` whatever the steps, so the cohort is the one of
/// [`Cohort::synthetic_with`].
///
/// # Example
/// ```
/// use veivalg::cohort::synthetic::{AgeRange, SyntheticBuilder, SyntheticParams};
/// use veivalg::cohort::Cohort;
/// let params = SyntheticParams::shipped().unwrap();
/// let mut builder = SyntheticBuilder::new(params, AgeRange::Report, 1, 500).unwrap();
/// let first = builder.step(200).unwrap();
/// assert_eq!((first.rows, first.size), (200, 500));
/// // Finishing early is an error, and the builder goes on.
/// let e = builder.finish().unwrap_err();
/// assert_eq!(e.kind.as_str(), "INSUFFICIENT_DATA");
/// while builder.progress().rows < 500 {
///     builder.step(200).unwrap();
/// }
/// let cohort = builder.finish().unwrap();
/// assert_eq!(cohort.source, "synthetic-v1 seed 1, 500 rows");
/// assert_eq!(cohort.rows, Cohort::synthetic(1, 500).unwrap().rows);
/// // Done: every later call is an error.
/// assert_eq!(builder.step(1).unwrap_err().kind.as_str(), "INVALID_VALUE");
/// ```
#[derive(Debug, Clone)]
pub struct SyntheticBuilder<'a> {
    params: &'a SyntheticParams,
    ages: AgeRange,
    seed: u64,
    size: usize,
    rows: Vec<CohortRow>,
    finished: bool,
}

impl<'a> SyntheticBuilder<'a> {
    /// A builder of `size` rows of `seed` with the parameters `params` and
    /// the age range `ages`; the memory of every row is reserved here, so
    /// a size the machine cannot hold fails now rather than half way.
    ///
    /// # Errors
    /// `OUT_OF_RANGE` (path `size`) unless 1 ≤ `size` ≤
    /// [`MAX_SIZE`](super::MAX_SIZE); `OUT_OF_RANGE` (path `seed`) above
    /// [`MAX_SEED`](super::MAX_SEED); `TOO_LARGE` (path `size`) when the
    /// memory for the rows cannot be had.
    pub fn new(
        params: &'a SyntheticParams,
        ages: AgeRange,
        seed: u64,
        size: usize,
    ) -> Result<SyntheticBuilder<'a>> {
        check_size(size)?;
        check_seed(seed)?;
        let mut rows = Vec::new();
        rows.try_reserve_exact(size).map_err(|_| {
            Error::new(
                ErrorKind::TooLarge,
                "size",
                format!(
                    "no memory for {size} rows of a synthetic cohort ({} MB)",
                    size.saturating_mul(std::mem::size_of::<CohortRow>()) / 1_000_000
                ),
            )
        })?;
        Ok(SyntheticBuilder {
            params,
            ages,
            seed,
            size,
            rows,
            finished: false,
        })
    }

    /// Rows made so far, of how many (every row, once finished).
    pub fn progress(&self) -> SyntheticProgress {
        let made = if self.finished {
            self.size
        } else {
            self.rows.len()
        };
        SyntheticProgress {
            rows: made as u64,
            size: self.size as u64,
        }
    }

    /// Makes the next rows, at most `max_rows` of them (fewer at the end;
    /// none once every row is made), and returns the progress.
    ///
    /// # Errors
    /// `OUT_OF_RANGE` (path `maxRows`) for `max_rows` 0; `INVALID_VALUE`
    /// after [`SyntheticBuilder::finish`]; `INSUFFICIENT_DATA` should a
    /// generated person ever not be labellable (it cannot: the parameters
    /// are checked to lie within the G table), and then no row of the step
    /// is kept.
    pub fn step(&mut self, max_rows: u64) -> Result<SyntheticProgress> {
        self.check_not_finished("step")?;
        if max_rows == 0 {
            return Err(Error::new(
                ErrorKind::OutOfRange,
                "maxRows",
                "a step makes at least 1 row, got 0",
            ));
        }
        let left = self.size - self.rows.len();
        let count = usize::try_from(max_rows).map_or(left, |n| n.min(left));
        generator::extend(self.params, self.ages, self.seed, &mut self.rows, count)?;
        Ok(self.progress())
    }

    /// The cohort, once every row is made: labelled synthetic, the `group`
    /// column under the parameters' ruleset, its source naming the
    /// parameters, the seed and the size (and the ages when they are not
    /// the report's). The builder is done after it. It takes `&mut self`
    /// so that a call too early leaves the builder as it was.
    ///
    /// # Errors
    /// `INSUFFICIENT_DATA` while rows are still to be made (step on);
    /// `INVALID_VALUE` when it was called before and succeeded.
    pub fn finish(&mut self) -> Result<Cohort> {
        self.check_not_finished("finish")?;
        if self.rows.len() < self.size {
            return Err(Error::new(
                ErrorKind::InsufficientData,
                "",
                format!(
                    "SyntheticBuilder.finish: {} of {} rows are made; step until every row is",
                    self.rows.len(),
                    self.size
                ),
            ));
        }
        self.finished = true;
        let band = self.params.age_band(self.ages);
        let mut source = format!(
            "{} seed {}, {} rows",
            self.params.id(),
            self.seed,
            self.size
        );
        if self.ages != AgeRange::Report {
            let _ = write!(source, ", ages {}–{}", band.min, band.max);
        }
        Ok(Cohort {
            rows: std::mem::take(&mut self.rows),
            ruleset: self.params.ruleset.id.clone(),
            synthetic: true,
            source,
            rejected: crate::cohort::file::Rejected::default(),
        })
    }

    fn check_not_finished(&self, method: &str) -> Result<()> {
        if self.finished {
            return Err(Error::new(
                ErrorKind::InvalidValue,
                "",
                format!("SyntheticBuilder.{method}: the synthetic cohort was finished; make a new builder"),
            ));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shipped() -> &'static SyntheticParams {
        SyntheticParams::shipped().unwrap()
    }

    /// The cohort of a builder stepped `chunk` rows at a time, with the
    /// progress after each step.
    fn stepped(
        ages: AgeRange,
        seed: u64,
        size: usize,
        chunk: u64,
    ) -> (Cohort, Vec<SyntheticProgress>) {
        let mut b = SyntheticBuilder::new(shipped(), ages, seed, size).unwrap();
        let mut seen = Vec::new();
        while b.progress().rows < size as u64 {
            seen.push(b.step(chunk).unwrap());
        }
        (b.finish().unwrap(), seen)
    }

    #[test]
    fn steps_of_any_size_give_the_one_call_cohort() {
        for (seed, size, ages) in [
            (1, 61, AgeRange::Report),
            (7, 200, AgeRange::Wide),
            (super::super::MAX_SEED, 33, AgeRange::Report),
        ] {
            let whole = Cohort::synthetic_with(shipped(), ages, seed, size).unwrap();
            for chunk in [1, 7, size as u64, size as u64 + 1, u64::MAX] {
                let (c, seen) = stepped(ages, seed, size, chunk);
                assert_eq!(c.rows, whole.rows, "seed {seed}, chunk {chunk}");
                assert_eq!(
                    (&c.source, &c.ruleset, c.synthetic, &c.rejected),
                    (
                        &whole.source,
                        &whole.ruleset,
                        whole.synthetic,
                        &whole.rejected
                    )
                );
                // Each step made `chunk` rows (fewer at the end) and says so.
                let expected: Vec<u64> = (1..=seen.len() as u64)
                    .map(|k| (k.saturating_mul(chunk)).min(size as u64))
                    .collect();
                let got: Vec<u64> = seen.iter().map(|p| p.rows).collect();
                assert_eq!(got, expected, "chunk {chunk}");
                assert!(seen.iter().all(|p| p.size == size as u64));
            }
        }
    }

    /// Large enough for the native path's threads in the one call (and in
    /// one big step after small ones), against steps each made on one
    /// thread; and rows here and there against the record made alone.
    #[test]
    fn threads_and_steps_agree_with_records_made_alone() {
        let size = 45_000;
        let whole = Cohort::synthetic(5, size).unwrap();
        let mut b = SyntheticBuilder::new(shipped(), AgeRange::Report, 5, size).unwrap();
        b.step(3).unwrap();
        b.step(size as u64).unwrap();
        assert_eq!(b.finish().unwrap().rows, whole.rows);
        let (serial, _) = stepped(AgeRange::Report, 5, size, 9_999);
        assert_eq!(serial.rows, whole.rows);
        let catalog = crate::routing::catalog::Catalog::shipped();
        for i in [0, 1, 9_999, 22_500, 22_501, 44_999] {
            let r = super::super::record(shipped(), 5, i as u64);
            let alone =
                CohortRow::from_person(&r.person, r.extras, &shipped().ruleset, catalog).unwrap();
            assert_eq!(alone, whole.rows[i], "row {i}");
        }
    }

    #[test]
    fn bad_sizes_seeds_and_steps_are_structured_errors() {
        let e = SyntheticBuilder::new(shipped(), AgeRange::Report, 1, 0).unwrap_err();
        assert_eq!((e.kind, e.path.as_str()), (ErrorKind::OutOfRange, "size"));
        let e = SyntheticBuilder::new(shipped(), AgeRange::Report, 1, super::super::MAX_SIZE + 1)
            .unwrap_err();
        assert_eq!((e.kind, e.path.as_str()), (ErrorKind::OutOfRange, "size"));
        let e = SyntheticBuilder::new(shipped(), AgeRange::Report, super::super::MAX_SEED + 1, 5)
            .unwrap_err();
        assert_eq!((e.kind, e.path.as_str()), (ErrorKind::OutOfRange, "seed"));

        let mut b = SyntheticBuilder::new(shipped(), AgeRange::Report, 1, 10).unwrap();
        let e = b.step(0).unwrap_err();
        assert_eq!(
            (e.kind, e.path.as_str()),
            (ErrorKind::OutOfRange, "maxRows")
        );
        b.step(4).unwrap();
        // Too early: an error, and the builder is as it was.
        let e = b.finish().unwrap_err();
        assert_eq!(e.kind, ErrorKind::InsufficientData);
        assert!(e.message.contains("4 of 10"), "{}", e.message);
        assert_eq!(b.progress().rows, 4);
        assert_eq!(b.step(100).unwrap().rows, 10);
        // Stepping on at the end makes nothing.
        assert_eq!(b.step(1).unwrap(), SyntheticProgress { rows: 10, size: 10 });
        let c = b.finish().unwrap();
        assert_eq!(c.rows.len(), 10);
        // Done: step and finish are errors, not panics.
        for e in [b.step(1).unwrap_err(), b.finish().unwrap_err()] {
            assert_eq!((e.kind, e.path.as_str()), (ErrorKind::InvalidValue, ""));
            assert!(e.message.contains("make a new builder"), "{}", e.message);
        }
        assert_eq!(b.progress(), SyntheticProgress { rows: 10, size: 10 });
    }

    #[test]
    fn progress_is_camel_case_json() {
        let p = SyntheticProgress { rows: 3, size: 9 };
        assert_eq!(crate::wire::to_string(&p), r#"{"rows":3,"size":9}"#);
    }
}
