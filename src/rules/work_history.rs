//! The work-history test of the rule tree: "worked at least 6 continuous
//! months of the last 12 before registration" (report Tabell 2), in the two
//! forms NAV's code has used.
//!
//! * [`month_sampling`] (2018, veilarbregistrering): look at the 1st day of
//!   the registration month and of each of the 11 months before it; the test
//!   holds when 6 consecutive sampled days each lie inside some employment
//!   period (`start ≤ day ≤ end`, `end` null = ongoing; periods are not
//!   merged).
//! * [`intervals`] (2024, paw-arbeidssoekerregisteret `apps/profilering`):
//!   periods are read as half-open `[start, end)` — NAV's code treats the
//!   end date as exclusive — merged when the next one starts fewer than
//!   `mergeWithinDays` (3) days after the current stretch ends (or overlaps
//!   it), clipped to `[registration day − 1 year, registration day)`, and
//!   the longest clipped stretch must last at least 6 months, measured like
//!   Java's `Period.between` (months first, then days). Unlike NAV's
//!   left-fold, periods are sorted before merging, so the result does not
//!   depend on the order they are listed in.

use crate::domain::calendar::Date;
use crate::domain::person::Period;
use crate::vocab::vocabulary;
use serde::{Deserialize, Serialize};

vocabulary! {
    /// Which form of the work-history test a ruleset uses.
    pub enum WorkHistoryTest {
        /// Month sampling (2018).
        MonthSampling = "MONTH_SAMPLING",
        /// Merged intervals (2024).
        Intervals = "INTERVALS",
    }
}

/// Parameters of the work-history test, part of a ruleset file.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(optional_fields = nullable))]
pub struct WorkHistoryRule {
    /// The form of the test.
    pub test: WorkHistoryTest,
    /// Continuous months required (6).
    pub min_months: u32,
    /// Months looked back over (12).
    pub window_months: u32,
    /// Intervals only: periods whose gap is fewer days than this are one
    /// stretch (3).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional = nullable))]
    pub merge_within_days: Option<u32>,
}

/// One sampled day of the month-sampling test.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct SampledDay {
    /// The 1st of a month.
    pub day: Date,
    /// Whether some employment period covers it.
    pub covered: bool,
}

/// A stretch of continuous work, half-open.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Stretch {
    /// First day.
    pub start: Date,
    /// Day after the last day.
    pub end_exclusive: Date,
    /// Whole months, as Java's `Period.between` counts them.
    pub months: u32,
    /// Days beyond the whole months.
    pub days: u32,
}

/// The outcome of the work-history test, with what it looked at.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct WorkHistoryResult {
    /// Which test ran.
    pub test: WorkHistoryTest,
    /// Whether it holds.
    pub holds: bool,
    /// Month sampling: the longest run of consecutive covered sampled days.
    /// Intervals: whole months of the longest clipped stretch.
    pub longest_months: u32,
    /// Month sampling: the sampled days, registration month first.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sampled: Option<Vec<SampledDay>>,
    /// Intervals: the longest stretch inside the window, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stretch: Option<Stretch>,
}

/// Runs the test a rule names.
pub fn evaluate(
    rule: &WorkHistoryRule,
    periods: &[Period],
    registered_on: Date,
) -> WorkHistoryResult {
    match rule.test {
        WorkHistoryTest::MonthSampling => {
            month_sampling(periods, registered_on, rule.min_months, rule.window_months)
        }
        WorkHistoryTest::Intervals => intervals(
            periods,
            registered_on,
            rule.min_months,
            rule.window_months,
            rule.merge_within_days.unwrap_or(3),
        ),
    }
}

/// Whether the test holds, without collecting what it looked at (the fast
/// path for cohorts; the same answer as [`evaluate`]`(…).holds`).
pub fn holds(rule: &WorkHistoryRule, periods: &[Period], registered_on: Date) -> bool {
    match rule.test {
        WorkHistoryTest::MonthSampling => {
            let first = registered_on.year_month();
            let mut run = 0;
            for i in 0..rule.window_months as i32 {
                let day = first.add_months(-i).first_day();
                if periods.iter().any(|p| covers(p, day)) {
                    run += 1;
                    if run >= rule.min_months {
                        return true;
                    }
                } else {
                    run = 0;
                }
            }
            false
        }
        WorkHistoryTest::Intervals => evaluate(rule, periods, registered_on).holds,
    }
}

fn covers(p: &Period, day: Date) -> bool {
    p.start <= day && p.end.is_none_or(|end| day <= end)
}

/// The 2018 month-sampling test (see the module docs).
///
/// # Example
/// ```
/// use veivalg::rules::work_history::month_sampling;
/// use veivalg::domain::person::Period;
/// // Employed from 1 October; registered 20 March: sampled 1 Oct … 1 Mar = 6 days.
/// let p = [Period { start: "2024-10-01".parse().unwrap(), end: None }];
/// assert!(month_sampling(&p, "2025-03-20".parse().unwrap(), 6, 12).holds);
/// assert!(!month_sampling(&p, "2025-02-20".parse().unwrap(), 6, 12).holds);
/// ```
pub fn month_sampling(
    periods: &[Period],
    registered_on: Date,
    min_months: u32,
    window_months: u32,
) -> WorkHistoryResult {
    let first = registered_on.year_month();
    let sampled: Vec<SampledDay> = (0..window_months as i32)
        .map(|i| {
            let day = first.add_months(-i).first_day();
            SampledDay {
                day,
                covered: periods.iter().any(|p| covers(p, day)),
            }
        })
        .collect();
    let (mut run, mut longest) = (0u32, 0u32);
    for s in &sampled {
        run = if s.covered { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    WorkHistoryResult {
        test: WorkHistoryTest::MonthSampling,
        holds: longest >= min_months,
        longest_months: longest,
        sampled: Some(sampled),
        stretch: None,
    }
}

/// Java's `Period.between(start, end)` for `start ≤ end`: (months, days).
fn period_between(start: Date, end: Date) -> (u32, u32) {
    let mut months = start.year_month().months_until(end.year_month());
    let mut days = i64::from(end.day()) - i64::from(start.day());
    if months > 0 && days < 0 {
        months -= 1;
        days = end.days_since_epoch() - start.add_months(months).days_since_epoch();
    }
    (months.max(0) as u32, days.max(0) as u32)
}

/// The 2024 intervals test (see the module docs).
///
/// # Example
/// ```
/// use veivalg::rules::work_history::intervals;
/// use veivalg::domain::person::Period;
/// let d = |s: &str| s.parse().unwrap();
/// // Two jobs with one free day between them make one stretch of 7 months.
/// let p = [Period { start: d("2024-06-01"), end: Some(d("2024-09-01")) },
///          Period { start: d("2024-09-02"), end: None }];
/// let r = intervals(&p, d("2025-01-01"), 6, 12, 3);
/// assert!(r.holds);
/// assert_eq!(r.longest_months, 7);
/// ```
pub fn intervals(
    periods: &[Period],
    registered_on: Date,
    min_months: u32,
    window_months: u32,
    merge_within_days: u32,
) -> WorkHistoryResult {
    // Half-open day ranges; None = ongoing (open to the future).
    let mut ranges: Vec<(i64, Option<i64>)> = periods
        .iter()
        .map(|p| {
            (
                p.start.days_since_epoch(),
                p.end.map(Date::days_since_epoch),
            )
        })
        .collect();
    // Stable, as before: periods that start on the same day keep their order.
    ranges.sort_by_key(|r| r.0);
    let margin = i64::from(merge_within_days);
    let mut merged: Vec<(i64, Option<i64>)> = Vec::new();
    for (s, e) in ranges {
        match merged.last_mut() {
            Some((_, cur_end)) if cur_end.is_none_or(|ce| s < ce + margin) => {
                *cur_end = match (*cur_end, e) {
                    (Some(a), Some(b)) => Some(a.max(b)),
                    _ => None,
                };
            }
            _ => merged.push((s, e)),
        }
    }
    let window_start = registered_on
        .add_months(-(window_months as i32))
        .days_since_epoch();
    let window_end = registered_on.days_since_epoch();
    let mut best: Option<Stretch> = None;
    for (s, e) in merged {
        let start = s.max(window_start);
        let end = e.map_or(window_end, |e| e.min(window_end));
        if start >= end {
            continue;
        }
        let (start, end) = (
            Date::from_days_since_epoch(start),
            Date::from_days_since_epoch(end),
        );
        let (months, days) = period_between(start, end);
        let candidate = Stretch {
            start,
            end_exclusive: end,
            months,
            days,
        };
        if best.is_none_or(|b| (months, days) > (b.months, b.days)) {
            best = Some(candidate);
        }
    }
    let longest = best.map_or(0, |b| b.months);
    WorkHistoryResult {
        test: WorkHistoryTest::Intervals,
        holds: longest >= min_months,
        longest_months: longest,
        sampled: None,
        stretch: best,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn java_period_between() {
        assert_eq!(period_between(d("2024-01-01"), d("2024-07-01")), (6, 0));
        assert_eq!(period_between(d("2024-01-01"), d("2024-06-30")), (5, 29));
        // Java: 2024-08-31 → 2025-02-28 is P5M28D.
        assert_eq!(period_between(d("2024-08-31"), d("2025-02-28")), (5, 28));
        assert_eq!(period_between(d("2024-03-15"), d("2024-03-15")), (0, 0));
    }
}
