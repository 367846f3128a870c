//! The checks of a synthetic-generator parameter file, each naming the
//! field at fault (`INVALID_CONFIG` with its JSON path), so that no draw
//! can overflow, leave its range or fall outside the G table.

use super::params::{Range, Spec};
use crate::domain::calendar::Date;
use crate::domain::form::Situation;
use crate::error::{Error, ErrorKind, Num, Result};
use crate::rules::ruletree::AgeBand;

pub(super) fn invalid(path: &str, message: impl Into<String>) -> Error {
    Error::new(ErrorKind::InvalidConfig, path, message)
}

fn check_probability(path: &str, p: f64) -> Result<()> {
    if (0.0..=1.0).contains(&p) {
        Ok(())
    } else {
        Err(invalid(
            path,
            format!("a probability must lie in [0, 1], got {}", Num(p)),
        ))
    }
}

/// Shares of one categorical draw: each a probability, summing to 1.
fn check_shares(path: &str, shares: &[(&str, f64)]) -> Result<()> {
    let mut sum = 0.0;
    for (name, p) in shares {
        check_probability(&format!("{path}.{name}"), *p)?;
        sum += p;
    }
    if (sum - 1.0).abs() > 1e-9 {
        let names: Vec<&str> = shares.iter().map(|(n, _)| *n).collect();
        return Err(invalid(
            path,
            format!(
                "the shares of {} must sum to 1, they sum to {}",
                names.join(", "),
                sum
            ),
        ));
    }
    Ok(())
}

/// Bound on every coefficient, so no exp() or product can overflow.
const MAX_COEFFICIENT: f64 = 100.0;

fn check_coefficients(path: &str, values: &[(&str, f64)]) -> Result<()> {
    for (name, x) in values {
        if x.abs() > MAX_COEFFICIENT {
            return Err(invalid(
                &format!("{path}.{name}"),
                format!(
                    "a coefficient must lie in [−{m}, {m}], got {}",
                    Num(*x),
                    m = MAX_COEFFICIENT
                ),
            ));
        }
    }
    Ok(())
}

/// A uniform range: non-empty, and `within` its band.
fn check_range(path: &str, r: Range, within: bool, what: &str) -> Result<()> {
    if r.min > r.max {
        return Err(invalid(
            path,
            format!(
                "empty range: min {} is above max {}",
                Num(r.min),
                Num(r.max)
            ),
        ));
    }
    if !within {
        return Err(invalid(
            path,
            format!("{what}; got {}–{}", Num(r.min), Num(r.max)),
        ));
    }
    Ok(())
}

fn check_mean(path: &str, mean: f64) -> Result<()> {
    if (1.0..=MAX_COEFFICIENT).contains(&mean) {
        Ok(())
    } else {
        Err(invalid(
            path,
            format!(
                "the mean of a geometric length (1, 2, …) must lie in [1, {}], got {}",
                MAX_COEFFICIENT,
                Num(mean)
            ),
        ))
    }
}

fn check_ages(path: &str, band: AgeBand) -> Result<()> {
    if band.min > band.max {
        return Err(invalid(
            path,
            format!("empty range: min {} is above max {}", band.min, band.max),
        ));
    }
    if band.max > 100 {
        return Err(invalid(
            path,
            format!("ages above 100 are not generated; got max {}", band.max),
        ));
    }
    Ok(())
}

/// The checks of [`SyntheticParams::from_json`] that need no catalog: every
/// probability in [0, 1], shares that sum to 1, non-empty ranges within
/// their bands, increasing education cuts, coefficients of at most 100 in
/// size.
pub(super) fn validate(spec: &Spec) -> Result<()> {
    if spec.id.trim().is_empty() {
        return Err(invalid("id", "the id must not be empty"));
    }
    let years = spec.registration_years;
    if years.first > years.last {
        return Err(invalid(
            "registrationYears",
            format!(
                "empty range: first {} is after last {}",
                years.first, years.last
            ),
        ));
    }
    if Date::new(years.first, 1, 1).is_none() || Date::new(years.last, 12, 31).is_none() {
        return Err(invalid(
            "registrationYears",
            format!(
                "years {}–{} are outside the calendar's range",
                years.first, years.last
            ),
        ));
    }
    check_ages("ages", spec.ages)?;
    check_ages("wideAges", spec.wide_ages)?;

    let w = spec.wage_levels;
    let f = w.full_time;
    if !(f.floor > 3.0 && f.floor <= MAX_COEFFICIENT) {
        return Err(invalid(
            "wageLevels.fullTime.floor",
            format!(
                "a full-time wage must stay above 3G: the floor must lie in (3, {}], got {}",
                MAX_COEFFICIENT,
                Num(f.floor)
            ),
        ));
    }
    if !(0.0..=MAX_COEFFICIENT).contains(&f.base) {
        return Err(invalid(
            "wageLevels.fullTime.base",
            format!("must lie in [0, {}], got {}", MAX_COEFFICIENT, Num(f.base)),
        ));
    }
    if !(0.0..=10.0).contains(&f.exponential_mean) {
        return Err(invalid(
            "wageLevels.fullTime.exponentialMean",
            format!("must lie in [0, 10], got {}", Num(f.exponential_mean)),
        ));
    }
    let m = f.monthly_factor;
    check_range(
        "wageLevels.fullTime.monthlyFactor",
        m,
        m.min >= 0.5 && m.max <= 2.0,
        "the monthly factor must lie within 0.5–2",
    )?;
    let pt = w.part_time;
    check_range(
        "wageLevels.partTime",
        pt,
        pt.min > 1.0 && pt.max < 3.0,
        "a part-time wage must lie strictly between 1G and 3G",
    )?;
    check_range(
        "wageLevels.low",
        w.low,
        w.low.min >= 0.0 && w.low.max < 1.0,
        "a low wage must lie in [0, 1G)",
    )?;

    for s in Situation::ALL {
        let p = spec.situations.get(*s);
        check_coefficients(
            &format!("situations.{}", s.as_str()),
            &[
                ("alpha", p.alpha),
                ("beta", p.beta),
                ("prospectShift", p.prospect_shift),
            ],
        )?;
    }

    let h = spec.history;
    for (name, c) in [
        ("spellMeanLog", h.spell_mean_log),
        ("spellFullTimeLogit", h.spell_full_time_logit),
        ("gapMeanLog", h.gap_mean_log),
    ] {
        check_coefficients(
            &format!("history.{name}"),
            &[("intercept", c.intercept), ("z", c.z)],
        )?;
    }
    check_probability("history.gapLowWage", h.gap_low_wage)?;
    check_probability(
        "history.lostJobPaidInRegistrationMonth",
        h.lost_job_paid_in_registration_month,
    )?;
    check_mean("history.lostJobGapMean", h.lost_job_gap_mean)?;
    if h.no_job_two_years_min_gap > 600 {
        return Err(invalid(
            "history.noJobTwoYearsMinGap",
            format!("at most 600 months, got {}", h.no_job_two_years_min_gap),
        ));
    }
    if h.finished_education_min_gap > 600 {
        return Err(invalid(
            "history.finishedEducationMinGap",
            format!("at most 600 months, got {}", h.finished_education_min_gap),
        ));
    }
    check_mean(
        "history.finishedEducationGapMean",
        h.finished_education_gap_mean,
    )?;
    check_probability(
        "history.finishedEducationGapLowWage",
        h.finished_education_gap_low_wage,
    )?;
    check_probability("history.unsureInSpell", h.unsure_in_spell)?;

    let p = spec.prospects;
    check_coefficients("prospects", &[("z", p.z), ("noise", p.noise)])?;
    if p.noise < 0.0 {
        return Err(invalid(
            "prospects.noise",
            format!(
                "a standard deviation must not be negative, got {}",
                Num(p.noise)
            ),
        ));
    }

    let a = spec.after_registration;
    for (name, c) in [
        ("hireLogit", a.hire_logit),
        ("hireFullTimeLogit", a.hire_full_time_logit),
        ("loseJobLogit", a.lose_job_logit),
    ] {
        check_coefficients(
            &format!("afterRegistration.{name}"),
            &[("intercept", c.intercept), ("u", c.u)],
        )?;
    }
    check_probability(
        "afterRegistration.partTimeToFullTime",
        a.part_time_to_full_time,
    )?;
    check_probability("afterRegistration.lowWageWhenOut", a.low_wage_when_out)?;
    check_probability("afterRegistration.neverHired", a.never_hired)?;

    let e = spec.education;
    check_coefficients("education", &[("z", e.z), ("bornAbroad", e.born_abroad)])?;
    for (i, pair) in e.cuts.windows(2).enumerate() {
        if let [lo, hi] = pair {
            if lo >= hi {
                return Err(invalid(
                    &format!("education.cuts[{}]", i + 1),
                    format!(
                        "the cuts must increase strictly; {} does not exceed {}",
                        *hi, *lo
                    ),
                ));
            }
        }
    }
    check_coefficients(
        "education",
        &e.cuts.iter().map(|c| ("cuts", *c)).collect::<Vec<_>>(),
    )?;
    for (path, s) in [
        ("education.approved.native", e.approved.native),
        ("education.approved.bornAbroad", e.approved.born_abroad),
    ] {
        check_shares(
            path,
            &[("JA", s.ja), ("NEI", s.nei), ("VET_IKKE", s.vet_ikke)],
        )?;
    }
    check_shares(
        "education.passed",
        &[("JA", e.passed.ja), ("NEI", e.passed.nei)],
    )?;

    for (name, c) in [
        ("healthLogit", spec.obstacles.health_logit),
        ("otherLogit", spec.obstacles.other_logit),
    ] {
        check_coefficients(
            &format!("obstacles.{name}"),
            &[
                ("intercept", c.intercept),
                ("u", c.u),
                ("bornAbroad", c.born_abroad),
            ],
        )?;
    }

    let c = spec.counsellor;
    check_probability(
        "counsellor.standardWhenProfiledStandard",
        c.standard_when_profiled_standard,
    )?;
    let o = c.otherwise_logit;
    check_coefficients(
        "counsellor.otherwiseLogit",
        &[
            ("intercept", o.intercept),
            ("u", o.u),
            ("uWithoutShock", o.u_without_shock),
            ("noise", o.noise),
            ("obstacle", o.obstacle),
        ],
    )?;
    if o.noise < 0.0 {
        return Err(invalid(
            "counsellor.otherwiseLogit.noise",
            format!(
                "a standard deviation must not be negative, got {}",
                Num(o.noise)
            ),
        ));
    }

    let s = spec.shares;
    check_probability("shares.bornAbroad", s.born_abroad)?;
    check_probability("shares.singleParent", s.single_parent)?;
    check_probability("shares.digitalReservation", s.digital_reservation)?;
    check_probability("shares.sensitive", s.sensitive)?;
    check_shares(
        "shares.gender",
        &[("FEMALE", s.gender.female), ("MALE", s.gender.male)],
    )?;

    Ok(())
}
