//! Outcome labels from the 12 months of wages after registration (report
//! section 3.1, Tabell 3).
//!
//! * **Stable work** — rule A: wage above 3G in 10 or more of the 12
//!   months; or rule B: above 3G in at least 5 of months 6–12 (default; the
//!   option [`RuleB::LastFiveMonths`] reads it as months 8–12 all above).
//! * **Without work** — wage below 1G in 10 or more of the 12 months.
//! * **In and out** — neither.
//!
//! The report leaves open which month is "month 1": by default the calendar
//! month **after** the registration month ([`MonthOne::NextMonth`]).
//! "Above 3G" is strictly more than 3 × G/12 in force that month, "below 1G"
//! strictly less than G/12 ([`Boundary::Strict`]). Labels need 12 complete
//! months of wage data after registration; fewer is an error, not a guess.

use crate::domain::calendar::{Date, YearMonth};
use crate::domain::grunnbelop::{GAssumption, GTable};
use crate::domain::person::WageEntry;
use crate::domain::wages::{MonthlyWage, WageHistory};
use crate::error::{Error, ErrorKind, Result};
use crate::vocab::vocabulary;
use serde::{Deserialize, Serialize};

vocabulary! {
    /// The three sequence groups of Tabell 3.
    pub enum Outcome {
        /// I stabilt arbeid.
        StableWork = "STABLE_WORK",
        /// Inn og ut av arbeid.
        InAndOut = "IN_AND_OUT",
        /// Uten arbeid.
        WithoutWork = "WITHOUT_WORK",
    }
}

vocabulary! {
    /// Which rule of Tabell 3 gave the label.
    pub enum LabelRule {
        /// Above 3G in 10+ of 12 months.
        A = "A",
        /// Above 3G late in the year (see [`RuleB`]).
        B = "B",
        /// Below 1G in 10+ of 12 months.
        Without = "WITHOUT",
        /// None of the above.
        Neither = "NEITHER",
    }
}

vocabulary! {
    /// Which month is month 1.
    #[derive(Default)]
    pub enum MonthOne {
        /// The calendar month after the registration month (default).
        #[default]
        NextMonth = "NEXT_MONTH",
        /// The registration month itself.
        RegistrationMonth = "REGISTRATION_MONTH",
    }
}

vocabulary! {
    /// How rule B of "stable work" is read.
    #[derive(Default)]
    pub enum RuleB {
        /// Above 3G in at least 5 of the 7 months 6–12 (default; the most literal reading).
        #[default]
        FiveOfMonths6To12 = "FIVE_OF_MONTHS_6_TO_12",
        /// Above 3G in each of the last 5 months (8–12).
        LastFiveMonths = "LAST_FIVE_MONTHS",
    }
}

vocabulary! {
    /// Whether a wage exactly at 3G counts as above (and exactly 1G as below).
    #[derive(Default)]
    pub enum Boundary {
        /// Strictly above 3G / strictly below 1G (default).
        #[default]
        Strict = "STRICT",
        /// At or above 3G / at or below 1G.
        Inclusive = "INCLUSIVE",
    }
}

/// The labelling options; every field has the documented default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct LabelOptions {
    /// Which month is month 1.
    pub month_one: MonthOne,
    /// How rule B is read.
    pub rule_b: RuleB,
    /// Strict or inclusive thresholds.
    pub boundary: Boundary,
}

/// A label with its evidence.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct OutcomeLabel {
    /// The person's id, when given.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub id: Option<String>,
    /// The label.
    pub outcome: Outcome,
    /// The rule that gave it.
    pub rule: LabelRule,
    /// Months 1–12 with NOK, monthly G, ratio and the two flags.
    pub months: Vec<MonthlyWage>,
    /// Months above 3G of the 12.
    #[serde(rename = "monthsAbove3G")]
    pub months_above_3g: u32,
    /// Months below 1G of the 12.
    #[serde(rename = "monthsBelow1G")]
    pub months_below_1g: u32,
    /// The options used.
    pub options: LabelOptions,
    /// Months of the 12 that lie after the G table and were given its
    /// latest G (only with `gBeyondTable: "LATEST"`).
    #[serde(rename = "gAssumed", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub g_assumed: Option<GAssumption>,
}

/// The wage data a label needs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(optional_fields = nullable))]
pub struct LabelInput {
    /// Caller's id, echoed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional = nullable))]
    pub id: Option<String>,
    /// Day of registration.
    pub registered_on: Date,
    /// Monthly wages (several per month are summed; months without an entry are 0).
    #[serde(default)]
    #[cfg_attr(test, ts(as = "Option<_>", optional))]
    pub wages: Vec<WageEntry>,
    /// Last month with complete wage data; default: the latest month with an entry.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional = nullable))]
    pub wages_through: Option<YearMonth>,
}

/// Labels one registration.
///
/// # Errors
/// `INSUFFICIENT_DATA` (path `wagesThrough`, or `wages` when it was not
/// given) when the data does not reach month 12; `INSUFFICIENT_DATA` when
/// the G table does not cover a month.
///
/// # Example
/// ```
/// use veivalg::domain::outcome::{label, LabelInput, LabelOptions, Outcome, LabelRule};
/// use veivalg::domain::grunnbelop::GTable;
/// // Registered in March 2024; no wages at all, data complete through 2025-06.
/// let input = LabelInput { id: None, registered_on: "2024-03-10".parse().unwrap(),
///     wages: vec![], wages_through: Some("2025-06".parse().unwrap()) };
/// let l = label(&input, LabelOptions::default(), &GTable::shipped()).unwrap();
/// assert_eq!((l.outcome, l.rule), (Outcome::WithoutWork, LabelRule::Without));
/// assert_eq!(l.months[0].month.to_string(), "2024-04");
/// ```
pub fn label(input: &LabelInput, options: LabelOptions, g: &GTable) -> Result<OutcomeLabel> {
    let history = WageHistory::new(&input.wages);
    label_history(
        input.id.clone(),
        input.registered_on,
        &history,
        input.wages_through,
        options,
        g,
    )
}

/// [`label`] from wages already summed per month (no copy of the entries).
///
/// # Errors
/// As [`label`].
pub fn label_history(
    id: Option<String>,
    registered_on: Date,
    history: &WageHistory,
    wages_through: Option<YearMonth>,
    options: LabelOptions,
    g: &GTable,
) -> Result<OutcomeLabel> {
    let first = months_covered(registered_on, history, wages_through, options)?;
    let mut months = history.series(first, first.add_months(11), g)?;
    let mut flags = [(false, false); 12];
    for (m, f) in months.iter_mut().zip(flags.iter_mut()) {
        *f = flag(m.nok, g.yearly_g(m.month)?, options.boundary);
        (m.above_3g, m.below_1g) = *f;
    }
    let (outcome, rule, above, below) = classify_flags(&flags, options);
    Ok(OutcomeLabel {
        id,
        outcome,
        rule,
        months,
        months_above_3g: above,
        months_below_1g: below,
        options,
        g_assumed: g.assumed(first, first.add_months(11)),
    })
}

/// The outcome alone (no month list): the fast path for cohorts, the same
/// outcome as [`label_history`].
///
/// # Errors
/// As [`label`].
pub fn outcome_of(
    registered_on: Date,
    history: &WageHistory,
    wages_through: Option<YearMonth>,
    options: LabelOptions,
    g: &GTable,
) -> Result<Outcome> {
    let first = months_covered(registered_on, history, wages_through, options)?;
    let mut flags = [(false, false); 12];
    for (i, f) in flags.iter_mut().enumerate() {
        let month = first.add_months(i as i32);
        *f = flag(history.nok(month), g.yearly_g(month)?, options.boundary);
    }
    Ok(classify_flags(&flags, options).0)
}

/// Month 1, after checking that the data reach month 12.
fn months_covered(
    registered_on: Date,
    history: &WageHistory,
    wages_through: Option<YearMonth>,
    options: LabelOptions,
) -> Result<YearMonth> {
    let reg = registered_on.year_month();
    let first = match options.month_one {
        MonthOne::NextMonth => reg.add_months(1),
        MonthOne::RegistrationMonth => reg,
    };
    let last = first.add_months(11);
    let (through, path) = match wages_through {
        Some(t) => (Some(t), "wagesThrough"),
        None => (history.last_month(), "wages"),
    };
    if through.is_none_or(|t| t < last) {
        let have = through.map_or("no wage data at all".to_string(), |t| {
            format!("wage data runs through {t}")
        });
        return Err(Error::new(
            ErrorKind::InsufficientData,
            path,
            format!("an outcome label needs 12 complete months after registration ({first} … {last}); {have}. Give `wagesThrough` when months without wages are known to be zero"),
        ));
    }
    Ok(first)
}

/// (above 3G, below 1G) for a month, compared as 12 × wage against k × G
/// (exact for whole kroner).
fn flag(nok: f64, yearly_g: f64, boundary: Boundary) -> (bool, bool) {
    let year_rate = 12.0 * nok;
    match boundary {
        Boundary::Strict => (year_rate > 3.0 * yearly_g, year_rate < yearly_g),
        Boundary::Inclusive => (year_rate >= 3.0 * yearly_g, year_rate <= yearly_g),
    }
}

/// Tabell 3 on the twelve (above, below) flags: outcome, rule, months above
/// 3G, months below 1G.
fn classify_flags(
    flags: &[(bool, bool); 12],
    options: LabelOptions,
) -> (Outcome, LabelRule, u32, u32) {
    let above = flags.iter().filter(|f| f.0).count() as u32;
    let below = flags.iter().filter(|f| f.1).count() as u32;
    let rule_b = match options.rule_b {
        RuleB::FiveOfMonths6To12 => flags[5..].iter().filter(|f| f.0).count() >= 5,
        RuleB::LastFiveMonths => flags[7..].iter().all(|f| f.0),
    };
    let (outcome, rule) = if above >= 10 {
        (Outcome::StableWork, LabelRule::A)
    } else if rule_b {
        (Outcome::StableWork, LabelRule::B)
    } else if below >= 10 {
        (Outcome::WithoutWork, LabelRule::Without)
    } else {
        (Outcome::InAndOut, LabelRule::Neither)
    };
    (outcome, rule, above, below)
}
