//! A **synthetic** cohort of registrants — never NAV data.
//!
//! The report publishes shares, not individuals (digest §9), so the demo
//! cohort is generated: a small generative model whose parameters live in
//! `pkg-config/cohort/synthetic-v1.json` and are calibrated so that, for
//! ages 30–59 under ruleset 2018-10, the outcome shares of report Tabell 3
//! and the rule-tree and counsellor tables of Tabell 5 come out within ±2
//! percentage points. The model, step by step, and the measured shares are
//! in `docs/synthetic-cohort.md`.
//!
//! What is generated and what is computed:
//!
//! * generated — a [`Person`](crate::domain::person::Person) per row
//!   (registration day, birth date, form answers, monthly wages for months
//!   −36 … +13 around the registration month, employer-register periods
//!   derived from those wages, flags) and the extra columns of
//!   [`RowExtras`](crate::cohort::RowExtras) (the counsellor's 14a
//!   decision, gender, born abroad);
//! * computed — the wage features, the rule-tree group and the **outcome
//!   label** come from the generated person through the same code that
//!   serves single decisions
//!   ([`CohortRow::from_person`](crate::cohort::CohortRow::from_person)); no
//!   outcome is ever assigned.
//!
//! Determinism: every row has its own random stream (xoshiro256\*\* from
//! `rand_xoshiro`, seeded through SplitMix64 from the seed and the row
//! index), all sampling uses the `libm` crate and fixed-order arithmetic, so
//! row *i* of seed *s* is the same bytes natively and in wasm, whatever the
//! cohort size, and can be regenerated alone with [`record`].
//!
//! The parts: `params` (the parameter file's schema and the checked
//! [`SyntheticParams`]), `validate` (its checks), `generator` (drawing
//! the rows) and `builder` ([`SyntheticBuilder`]: the cohort made a piece
//! at a time, with progress; [`Cohort::synthetic_with`] is one step of it).

mod builder;
mod generator;
mod params;
mod validate;

pub use builder::{SyntheticBuilder, SyntheticProgress};
pub use generator::{record, record_with, SyntheticRecord};
pub use params::{AgeRange, SyntheticParams};

use crate::cohort::Cohort;
use crate::error::{Error, ErrorKind, Result};

/// Largest cohort [`Cohort::synthetic`] builds (10 000 000 rows, about
/// 240 MB of rows); larger sizes are refused before anything is allocated.
pub const MAX_SIZE: usize = 10_000_000;
/// Largest accepted seed: 2⁵³ − 1, the largest integer a JavaScript number
/// (and so a JSON number in any JS tool) holds exactly, so every cohort
/// made natively can be reproduced from the wasm package and vice versa.
pub const MAX_SEED: u64 = (1 << 53) - 1;

/// Checks the size of a synthetic cohort: 1 ≤ `size` ≤ [`MAX_SIZE`]. Used
/// by [`SyntheticBuilder::new`] and by callers that stream rows from
/// [`record_with`] themselves (`veivalg synth`).
///
/// # Errors
/// `OUT_OF_RANGE` (path `size`) otherwise.
pub fn check_size(size: usize) -> Result<()> {
    size_from(size as u64).map(|_| ())
}

/// A size read as a `u64` (from JSON options), checked as [`check_size`]
/// checks it: the message names the number that was read, also on wasm32,
/// where a `usize` would cut 2⁵³ down to 4 294 967 295.
///
/// # Errors
/// `OUT_OF_RANGE` (path `size`) unless 1 ≤ `size` ≤ [`MAX_SIZE`].
///
/// # Example
/// ```
/// use veivalg::cohort::synthetic::size_from;
/// assert_eq!(size_from(500).unwrap(), 500);
/// let e = size_from(1 << 53).unwrap_err();
/// assert_eq!((e.kind.as_str(), e.path.as_str()), ("OUT_OF_RANGE", "size"));
/// assert!(e.message.ends_with("got 9007199254740992"));
/// ```
pub fn size_from(size: u64) -> Result<usize> {
    match usize::try_from(size) {
        Ok(n) if (1..=MAX_SIZE).contains(&n) => Ok(n),
        _ => Err(Error::new(
            ErrorKind::OutOfRange,
            "size",
            format!("a synthetic cohort has 1 to {MAX_SIZE} rows, got {size}"),
        )),
    }
}

/// Checks a seed: at most [`MAX_SEED`] (as [`check_size`]).
///
/// # Errors
/// `OUT_OF_RANGE` (path `seed`) above [`MAX_SEED`].
pub fn check_seed(seed: u64) -> Result<()> {
    if seed <= MAX_SEED {
        return Ok(());
    }
    Err(Error::new(
        ErrorKind::OutOfRange,
        "seed",
        format!("the seed must be an integer from 0 to {MAX_SEED} (2^53 − 1, exact in JavaScript), got {seed}"),
    ))
}

/// First month generated, relative to the registration month.
const FIRST_K: i32 = -36;
/// Last month generated, relative to the registration month (month 13:
/// one past the 12 months the outcome label reads).
const LAST_K: i32 = 13;
const MONTHS: usize = (LAST_K - FIRST_K + 1) as usize;
/// Longest run any geometric draw is allowed to return; longer runs reach
/// past the generated window anyway.
const MAX_RUN: u32 = 1_000;

impl Cohort {
    /// A synthetic cohort of `size` registrants aged 30–59, generated with
    /// the shipped parameters (`synthetic-v1`) and `seed`. Rows are
    /// labelled synthetic, the `group` column is computed with ruleset
    /// 2018-10, outcomes come from the generated wages.
    ///
    /// # Errors
    /// `OUT_OF_RANGE` (path `size`) unless 1 ≤ `size` ≤ [`MAX_SIZE`];
    /// `OUT_OF_RANGE` (path `seed`) above [`MAX_SEED`]; `INVALID_CONFIG`
    /// if the shipped parameters were broken.
    ///
    /// # Example
    /// ```
    /// use veivalg::cohort::Cohort;
    /// let c = Cohort::synthetic(1, 500).unwrap();
    /// assert_eq!(c.rows.len(), 500);
    /// assert!(c.synthetic);
    /// assert_eq!(c.source, "synthetic-v1 seed 1, 500 rows");
    /// let e = Cohort::synthetic(1, 1_000_000_000).unwrap_err();
    /// assert_eq!((e.kind.as_str(), e.path.as_str()), ("OUT_OF_RANGE", "size"));
    /// ```
    pub fn synthetic(seed: u64, size: usize) -> Result<Cohort> {
        Cohort::synthetic_with(SyntheticParams::shipped()?, AgeRange::Report, seed, size)
    }

    /// A synthetic cohort with given parameters and age range
    /// (as [`Cohort::synthetic`]). Row *i* is built from [`record_with`]`(params,
    /// ages, seed, i)`. It is a [`SyntheticBuilder`] stepped once, so the
    /// cohort a builder makes in steps is this one.
    ///
    /// # Errors
    /// As [`Cohort::synthetic`]; `TOO_LARGE` (path `size`) when the memory
    /// for the rows cannot be had; and `INSUFFICIENT_DATA` should a
    /// generated person ever not be labellable (it cannot: the parameters
    /// are checked to lie within the G table).
    pub fn synthetic_with(
        params: &SyntheticParams,
        ages: AgeRange,
        seed: u64,
        size: usize,
    ) -> Result<Cohort> {
        let mut builder = SyntheticBuilder::new(params, ages, seed, size)?;
        builder.step(size as u64)?;
        builder.finish()
    }
}
