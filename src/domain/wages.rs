//! Monthly wage history: entries summed per month, missing months zero,
//! each month in NOK and as a multiple of monthly G; and the two wage
//! inputs of the proposed model, computed before registration only.

use crate::domain::calendar::YearMonth;
use crate::domain::grunnbelop::GTable;
use crate::domain::person::{Person, WageEntry};
use crate::error::{Error, ErrorKind, Result};
use serde::Serialize;

/// How many months before the registration month the wage features look
/// back (the recipe's k = −36 … −1). A last month above 3G further back
/// counts as "never" in the window.
pub const LOOK_BACK_MONTHS: u32 = 36;
/// The window of the count feature: months −24 … −1.
pub const COUNT_WINDOW_MONTHS: u32 = 24;

/// One month of wages, as the counsellor chart and the outcome labels see it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct MonthlyWage {
    /// The month.
    pub month: YearMonth,
    /// Sum of the month's entries in NOK (0 when there are none).
    pub nok: f64,
    /// G / 12 in force that month.
    pub monthly_g: f64,
    /// `nok / monthlyG`.
    pub ratio: f64,
    /// Strictly more than 3 × monthly G.
    #[serde(rename = "above3G")]
    pub above_3g: bool,
    /// Strictly less than 1 × monthly G.
    #[serde(rename = "below1G")]
    pub below_1g: bool,
    /// The month lies after the G table and was given its latest G (only
    /// when the caller chose `gBeyondTable: "LATEST"`); absent otherwise.
    #[serde(rename = "gAssumed", skip_serializing_if = "std::ops::Not::not")]
    #[cfg_attr(test, ts(optional, as = "Option<bool>"))]
    pub g_assumed: bool,
}

/// Wages summed per month: a sorted list of (month, NOK), months with no
/// entry are absent (and read as 0).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct WageHistory {
    by_month: Vec<(YearMonth, f64)>,
}

impl WageHistory {
    /// Sums the entries per month, in input order (a fixed order, so the
    /// sums are the same on every platform).
    pub fn new(entries: &[WageEntry]) -> WageHistory {
        let mut sorted: Vec<(YearMonth, f64)> =
            entries.iter().map(|e| (e.month, e.nok.get())).collect();
        if sorted.windows(2).all(|w| w[0].0 > w[1].0) {
            // Newest first, one entry a month (as the generator writes them).
            sorted.reverse();
        } else if !sorted.is_sorted_by_key(|(m, _)| *m) {
            // Stable: entries for one month keep their input order, so they
            // are summed in it.
            sorted.sort_by_key(|(m, _)| *m);
        }
        // Entries for one month are now next to each other, in input
        // order: each is added to the first, which is kept.
        sorted.dedup_by(|later, kept| {
            let same = later.0 == kept.0;
            if same {
                kept.1 += later.1;
            }
            same
        });
        WageHistory { by_month: sorted }
    }

    /// NOK paid for `month` (0 when there is no entry).
    pub fn nok(&self, month: YearMonth) -> f64 {
        self.by_month
            .binary_search_by_key(&month, |(m, _)| *m)
            .map_or(0.0, |i| self.by_month[i].1)
    }

    /// The latest month with an entry.
    pub fn last_month(&self) -> Option<YearMonth> {
        self.by_month.last().map(|(m, _)| *m)
    }

    /// The month as NOK and G multiples.
    ///
    /// # Errors
    /// `INSUFFICIENT_DATA` when the G table does not cover the month.
    pub fn month(&self, month: YearMonth, g: &GTable) -> Result<MonthlyWage> {
        let yearly_g = g.yearly_g(month)?;
        let monthly_g = yearly_g / 12.0;
        let nok = self.nok(month);
        // Compare 12 × wage with k × G rather than wage with k × G / 12: for
        // whole-krone wages and G both sides are exact, so a wage of exactly
        // 3G is never "above" by a rounding error.
        let year_rate = 12.0 * nok;
        Ok(MonthlyWage {
            month,
            nok,
            monthly_g,
            ratio: nok / monthly_g,
            above_3g: year_rate > 3.0 * yearly_g,
            below_1g: year_rate < yearly_g,
            g_assumed: g.assumed(month, month).is_some(),
        })
    }

    /// Months `from ..= to`, each as [`MonthlyWage`].
    ///
    /// # Errors
    /// As [`WageHistory::month`].
    pub fn series(&self, from: YearMonth, to: YearMonth, g: &GTable) -> Result<Vec<MonthlyWage>> {
        let n = from.months_until(to);
        (0..=n).map(|i| self.month(from.add_months(i), g)).collect()
    }
}

/// The `months` months before the registration month (oldest first): the
/// counsellor's "recent work history at a glance" (report 4.2.2). The
/// registration month itself is left out, as in the model inputs.
///
/// # Errors
/// `OUT_OF_RANGE` (path `months`) unless 1 ≤ `months` ≤ 120;
/// `INSUFFICIENT_DATA` when the G table does not cover a month.
pub fn history_before_registration(
    person: &Person,
    months: u32,
    g: &GTable,
) -> Result<Vec<MonthlyWage>> {
    if !(1..=120).contains(&months) {
        return Err(Error::new(
            ErrorKind::OutOfRange,
            "months",
            format!("months must be 1–120, got {months}"),
        ));
    }
    let reg = person.registration_month();
    let n = months as i32;
    WageHistory::new(&person.wages).series(reg.add_months(-n), reg.add_months(-1), g)
}

/// The two wage inputs of the report's proposed model (section 4.1.3),
/// from wages strictly **before** the registration month. Defined here and
/// nowhere else:
///
/// * `monthsSinceAbove3G`: 1 if the month before registration had a wage
///   above 3G, 2 if the month before that was the latest, … up to
///   [`LOOK_BACK_MONTHS`]; `null` ("never") when no month in the look-back
///   window was above 3G. The registration month never counts: its wage may
///   be paid after the registration day.
/// * `monthsAbove3GLast24`: how many of the 24 months before the
///   registration month had a wage above 3G (0–24).
///
/// "Above 3G" is strictly more than 3 × the monthly G in force that month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct WageFeatures {
    /// Months since the last month above 3G, `None` = never in the window.
    #[serde(rename = "monthsSinceAbove3G")]
    pub months_since_above_3g: Option<u32>,
    /// Months above 3G among the last 24 before registration.
    #[serde(rename = "monthsAbove3GLast24")]
    pub months_above_3g_last_24: u32,
}

/// Computes [`WageFeatures`] for a person.
///
/// # Errors
/// `INSUFFICIENT_DATA` when the G table does not cover the 36 months before
/// the registration month.
pub fn wage_features(person: &Person, g: &GTable) -> Result<WageFeatures> {
    wage_features_of(
        &WageHistory::new(&person.wages),
        person.registration_month(),
        g,
    )
}

/// [`wage_features`] from wages already summed per month, for a
/// registration in month `reg`.
///
/// # Errors
/// As [`wage_features`].
pub fn wage_features_of(history: &WageHistory, reg: YearMonth, g: &GTable) -> Result<WageFeatures> {
    // The 36 months before `reg` as a dense array (one pass over the sorted
    // history), then one comparison per month — this runs for every row of
    // a cohort.
    const N: usize = LOOK_BACK_MONTHS as usize;
    let mut nok = [0.0f64; N];
    for &(month, amount) in &history.by_month {
        let k = month.months_until(reg);
        if (1..=N as i32).contains(&k) {
            nok[k as usize - 1] = amount;
        }
    }
    let mut since = None;
    let mut count = 0;
    for (i, &amount) in nok.iter().enumerate() {
        let k = i as u32 + 1;
        let yearly_g = g.yearly_g(reg.add_months(-(k as i32)))?;
        // As in `WageHistory::month`: 12 × wage against 3 × G, exact for
        // whole kroner.
        if 12.0 * amount > 3.0 * yearly_g {
            if since.is_none() {
                since = Some(k);
            }
            if k <= COUNT_WINDOW_MONTHS {
                count += 1;
            }
        }
    }
    Ok(WageFeatures {
        months_since_above_3g: since,
        months_above_3g_last_24: count,
    })
}
