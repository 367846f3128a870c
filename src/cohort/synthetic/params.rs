//! The parameter file of the synthetic generator
//! (`pkg-config/cohort/synthetic-v1.json`, described in
//! `docs/synthetic-cohort.md`): its schema, read with serde (every field
//! required, unknown fields refused), and [`SyntheticParams`], the checked
//! parameters with the tables the generator draws from.

use super::validate::invalid;
use super::{FIRST_K, LAST_K};
use crate::domain::calendar::{Date, YearMonth};
use crate::domain::form::Situation;
use crate::domain::grunnbelop::GTable;
use crate::error::{Error, ErrorKind, Result};
use crate::routing::catalog::Catalog;
use crate::rules::ruletree::{AgeBand, Ruleset};
use crate::vocab::vocabulary;
use serde::Deserialize;
use std::sync::OnceLock;

/// The shipped parameter file, read and checked once at first use.
const SHIPPED: &str = include_str!("../../../pkg-config/cohort/synthetic-v1.json");
const SHIPPED_FILE: &str = "pkg-config/cohort/synthetic-v1.json";
/// Size limit for a parameter file (64 KiB).
const MAX_PARAMS_BYTES: usize = 1 << 16;

/// `{ "min": …, "max": … }` for a uniform draw.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(super) struct Range {
    pub(super) min: f64,
    pub(super) max: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(super) struct YearRange {
    pub(super) first: i32,
    pub(super) last: i32,
}

/// `intercept + z·z`.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(super) struct LinearZ {
    pub(super) intercept: f64,
    pub(super) z: f64,
}

impl LinearZ {
    pub(super) fn at(self, z: f64) -> f64 {
        self.intercept + self.z * z
    }
}

/// `intercept + u·u`.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(super) struct LinearU {
    pub(super) intercept: f64,
    pub(super) u: f64,
}

impl LinearU {
    pub(super) fn at(self, u: f64) -> f64 {
        self.intercept + self.u * u
    }
}

/// `intercept + u·u + bornAbroad·[born abroad]`.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(super) struct ObstacleLogit {
    pub(super) intercept: f64,
    pub(super) u: f64,
    pub(super) born_abroad: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(super) struct FullTime {
    pub(super) base: f64,
    pub(super) exponential_mean: f64,
    pub(super) monthly_factor: Range,
    pub(super) floor: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(super) struct WageLevels {
    pub(super) full_time: FullTime,
    pub(super) part_time: Range,
    pub(super) low: Range,
}

#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(super) struct SituationParams {
    pub(super) alpha: f64,
    pub(super) beta: f64,
    pub(super) prospect_shift: f64,
}

/// One entry per answer of form question 1, by its code.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE", deny_unknown_fields)]
pub(super) struct SituationTable {
    pub(super) mistet_jobben: SituationParams,
    pub(super) har_sagt_opp: SituationParams,
    pub(super) deltidsjobb_vil_mer: SituationParams,
    pub(super) aldri_hatt_jobb: SituationParams,
    pub(super) vil_bytte_jobb: SituationParams,
    pub(super) jobb_over_2_aar: SituationParams,
    pub(super) er_permittert: SituationParams,
    pub(super) usikker_jobbsituasjon: SituationParams,
    pub(super) akkurat_fullfort_utdanning: SituationParams,
    pub(super) vil_fortsette_i_jobb: SituationParams,
}

impl SituationTable {
    pub(super) fn get(&self, s: Situation) -> SituationParams {
        match s {
            Situation::MistetJobben => self.mistet_jobben,
            Situation::HarSagtOpp => self.har_sagt_opp,
            Situation::DeltidsjobbVilMer => self.deltidsjobb_vil_mer,
            Situation::AldriHattJobb => self.aldri_hatt_jobb,
            Situation::VilBytteJobb => self.vil_bytte_jobb,
            Situation::JobbOver2Aar => self.jobb_over_2_aar,
            Situation::ErPermittert => self.er_permittert,
            Situation::UsikkerJobbsituasjon => self.usikker_jobbsituasjon,
            Situation::AkkuratFullfortUtdanning => self.akkurat_fullfort_utdanning,
            Situation::VilFortsetteIJobb => self.vil_fortsette_i_jobb,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(super) struct History {
    pub(super) spell_mean_log: LinearZ,
    pub(super) spell_full_time_logit: LinearZ,
    pub(super) gap_mean_log: LinearZ,
    pub(super) gap_low_wage: f64,
    pub(super) lost_job_paid_in_registration_month: f64,
    pub(super) lost_job_gap_mean: f64,
    pub(super) no_job_two_years_min_gap: u32,
    pub(super) finished_education_min_gap: u32,
    pub(super) finished_education_gap_mean: f64,
    pub(super) finished_education_gap_low_wage: f64,
    pub(super) unsure_in_spell: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(super) struct Prospects {
    pub(super) z: f64,
    pub(super) noise: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(super) struct AfterRegistration {
    pub(super) hire_logit: LinearU,
    pub(super) hire_full_time_logit: LinearU,
    pub(super) lose_job_logit: LinearU,
    pub(super) part_time_to_full_time: f64,
    pub(super) low_wage_when_out: f64,
    pub(super) never_hired: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE", deny_unknown_fields)]
pub(super) struct ApprovedShares {
    pub(super) ja: f64,
    pub(super) nei: f64,
    pub(super) vet_ikke: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(super) struct ApprovedByOrigin {
    pub(super) native: ApprovedShares,
    pub(super) born_abroad: ApprovedShares,
}

#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE", deny_unknown_fields)]
pub(super) struct PassedShares {
    pub(super) ja: f64,
    pub(super) nei: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(super) struct EducationParams {
    pub(super) z: f64,
    pub(super) born_abroad: f64,
    #[serde(deserialize_with = "five_cuts")]
    pub(super) cuts: [f64; 5],
    pub(super) approved: ApprovedByOrigin,
    pub(super) passed: PassedShares,
}

#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(super) struct Obstacles {
    pub(super) health_logit: ObstacleLogit,
    pub(super) other_logit: ObstacleLogit,
}

/// `intercept + u·u + uWithoutShock·(u − 0.85ε) + noise·ε′ + obstacle·[obstacle]`.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(super) struct CounsellorLogit {
    pub(super) intercept: f64,
    pub(super) u: f64,
    pub(super) u_without_shock: f64,
    pub(super) noise: f64,
    pub(super) obstacle: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(super) struct Counsellor {
    pub(super) standard_when_profiled_standard: f64,
    pub(super) otherwise_logit: CounsellorLogit,
}

#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE", deny_unknown_fields)]
pub(super) struct GenderShares {
    pub(super) female: f64,
    pub(super) male: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(super) struct Shares {
    pub(super) born_abroad: f64,
    pub(super) single_parent: f64,
    pub(super) digital_reservation: f64,
    pub(super) sensitive: f64,
    pub(super) gender: GenderShares,
}

/// The parameter file as written.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(super) struct Spec {
    pub(super) id: String,
    pub(super) about: String,
    pub(super) registration_years: YearRange,
    #[serde(deserialize_with = "age_band")]
    pub(super) ages: AgeBand,
    #[serde(deserialize_with = "age_band")]
    pub(super) wide_ages: AgeBand,
    pub(super) ruleset: String,
    pub(super) wage_levels: WageLevels,
    pub(super) situations: SituationTable,
    pub(super) history: History,
    pub(super) prospects: Prospects,
    pub(super) after_registration: AfterRegistration,
    pub(super) education: EducationParams,
    pub(super) obstacles: Obstacles,
    pub(super) counsellor: Counsellor,
    pub(super) shares: Shares,
}

/// `{ "min": …, "max": … }` in whole years, read as an [`AgeBand`].
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Ages {
    pub(super) min: u32,
    pub(super) max: u32,
}

fn age_band<'de, D: serde::Deserializer<'de>>(d: D) -> std::result::Result<AgeBand, D::Error> {
    let Ages { min, max } = Ages::deserialize(d)?;
    Ok(AgeBand { min, max })
}

/// The five education cuts, with the old reader's message for another count.
fn five_cuts<'de, D: serde::Deserializer<'de>>(d: D) -> std::result::Result<[f64; 5], D::Error> {
    let cuts = Vec::<f64>::deserialize(d)?;
    cuts.try_into().map_err(|c: Vec<f64>| {
        Error::new(
            ErrorKind::InvalidType,
            "",
            format!("expected an array of 5 numbers, got {} numbers", c.len()),
        )
        .into_de()
    })
}

vocabulary! {
    /// Which age range of the parameter file the registrants are drawn from.
    #[derive(Default)]
    pub enum AgeRange {
        /// `ages` (30–59 in `synthetic-v1`): NOE's segment, the report's
        /// cohort, and the range the calibration targets hold for (default).
        #[default]
        Report = "REPORT",
        /// `wideAges` (18–66 in `synthetic-v1`): every age a routing policy
        /// may look at. Rows outside the report's range follow the same
        /// model and are **not** calibrated to anything published.
        Wide = "WIDE",
    }
}

/// Checked parameters of the synthetic generator, with what they resolve
/// to: the ruleset the counsellor model consults and the grunnbeløp of
/// every month the generator can touch.
///
/// # Example
/// ```
/// use veivalg::cohort::synthetic::SyntheticParams;
/// let p = SyntheticParams::shipped().unwrap();
/// assert_eq!(p.id(), "synthetic-v1");
/// let bad = include_str!("../../../pkg-config/cohort/synthetic-v1.json")
///     .replace(r#""sensitive": 0.01"#, r#""sensitive": 1.5"#);
/// let e = SyntheticParams::from_json(&bad).unwrap_err();
/// assert_eq!((e.kind.as_str(), e.path.as_str()), ("INVALID_CONFIG", "shares.sensitive"));
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct SyntheticParams {
    pub(super) spec: Spec,
    pub(super) ruleset: Ruleset,
    /// Softmax weights depend on z; the coefficients in situation order.
    pub(super) alpha: [f64; 10],
    pub(super) beta: [f64; 10],
    /// Day number (since 1970) of the first registration day, and how many
    /// days registrations span.
    pub(super) first_day: i64,
    pub(super) days: u32,
    /// Yearly G for each month from `g_first` on.
    pub(super) g_first: YearMonth,
    pub(super) g_yearly: Vec<f64>,
}

impl SyntheticParams {
    /// Parses and checks a parameter file (the format of
    /// `pkg-config/cohort/synthetic-v1.json`, described in
    /// `docs/synthetic-cohort.md`).
    ///
    /// # Errors
    /// `INVALID_CONFIG` with the JSON path of the field at fault: malformed
    /// JSON, an unknown or missing field, a probability outside [0, 1],
    /// shares of one draw that do not sum to 1, an empty or out-of-band
    /// range, unsorted education cuts, a coefficient above 100 in size, an
    /// unknown ruleset, or registration years whose months −36 … +13 the
    /// shipped G table does not cover.
    pub fn from_json(text: &str) -> Result<SyntheticParams> {
        let spec: Spec = crate::wire::parse_limited(text, MAX_PARAMS_BYTES).map_err(|e| {
            invalid(
                &e.path,
                format!("synthetic-cohort parameters: {}", e.message),
            )
        })?;
        SyntheticParams::check(spec, Catalog::shipped())
    }

    /// The shipped parameters (`pkg-config/cohort/synthetic-v1.json`,
    /// embedded in the library), read and checked once, as
    /// [`SyntheticParams::from_json`] reads any parameter file.
    ///
    /// # Errors
    /// `INVALID_CONFIG` if the shipped file were broken (a test makes sure
    /// it is not).
    pub fn shipped() -> Result<&'static SyntheticParams> {
        static PARAMS: OnceLock<Result<SyntheticParams>> = OnceLock::new();
        PARAMS
            .get_or_init(|| {
                SyntheticParams::from_json(SHIPPED).map_err(|mut e| {
                    e.message = format!("{SHIPPED_FILE}: {}", e.message);
                    e
                })
            })
            .as_ref()
            .map_err(Clone::clone)
    }

    /// The parameter set's id (`synthetic-v1`), named in every cohort's
    /// `source`.
    pub fn id(&self) -> &str {
        &self.spec.id
    }

    /// The inclusive age band of an [`AgeRange`].
    pub fn age_band(&self, ages: AgeRange) -> AgeBand {
        match ages {
            AgeRange::Report => self.spec.ages,
            AgeRange::Wide => self.spec.wide_ages,
        }
    }

    /// First and last registration year.
    pub fn registration_years(&self) -> (i32, i32) {
        (
            self.spec.registration_years.first,
            self.spec.registration_years.last,
        )
    }

    /// The ruleset the counsellor model consults, and the `group` column
    /// of a synthetic cohort is computed with (`2018-10`).
    pub fn ruleset(&self) -> &Ruleset {
        &self.ruleset
    }

    /// Checks a parameter set and derives the generator's tables from it.
    fn check(spec: Spec, catalog: &Catalog) -> Result<SyntheticParams> {
        super::validate::validate(&spec)?;
        SyntheticParams::derive(spec, catalog)
    }

    /// The generator's tables: the registration days, the G of every
    /// month they need, the ruleset, the situation coefficients.
    fn derive(spec: Spec, catalog: &Catalog) -> Result<SyntheticParams> {
        let years = spec.registration_years;
        let (Some(first_day), Some(last_day)) =
            (Date::new(years.first, 1, 1), Date::new(years.last, 12, 31))
        else {
            return Err(invalid(
                "registrationYears",
                "the years are outside the calendar's range",
            ));
        };
        let (g_first, g_yearly) = month_table(catalog.g(), first_day, last_day)?;
        let ruleset = catalog
            .ruleset(&spec.ruleset)
            .map_err(|e| invalid("ruleset", e.message.clone()))?
            .clone();
        let mut alpha = [0.0; 10];
        let mut beta = [0.0; 10];
        for (i, s) in Situation::ALL.iter().enumerate() {
            let p = spec.situations.get(*s);
            if let (Some(a), Some(b)) = (alpha.get_mut(i), beta.get_mut(i)) {
                *a = p.alpha;
                *b = p.beta;
            }
        }
        let first = first_day.days_since_epoch();
        let days = u32::try_from(last_day.days_since_epoch() - first + 1).unwrap_or(u32::MAX);
        Ok(SyntheticParams {
            spec,
            ruleset,
            alpha,
            beta,
            first_day: first,
            days,
            g_first,
            g_yearly,
        })
    }

    /// Yearly G in force in `month` (inside the table by construction).
    pub(super) fn yearly_g(&self, month: YearMonth) -> f64 {
        let i = self.g_first.months_until(month).max(0) as usize;
        let last = self.g_yearly.len().saturating_sub(1);
        self.g_yearly.get(i.min(last)).copied().unwrap_or(0.0)
    }
}

/// Yearly G for every month from 36 months before the first registration
/// month to 13 months after the last.
fn month_table(g: &GTable, first_day: Date, last_day: Date) -> Result<(YearMonth, Vec<f64>)> {
    let from = first_day.year_month().add_months(FIRST_K);
    let to = last_day.year_month().add_months(LAST_K);
    let n = from.months_until(to);
    let mut table = Vec::with_capacity(usize::try_from(n + 1).unwrap_or(0));
    for i in 0..=n {
        let month = from.add_months(i);
        let yearly = g.yearly_g(month).map_err(|e| {
            invalid(
                "registrationYears",
                format!(
                    "registrations in {}–{} need the grunnbeløp for {from} … {to} (36 months before to 13 after): {}",
                    first_day.year(),
                    last_day.year(),
                    e.message
                ),
            )
        })?;
        table.push(yearly);
    }
    Ok((from, table))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_params_load() {
        let p = SyntheticParams::shipped().unwrap();
        assert_eq!(p.id(), "synthetic-v1");
        assert_eq!(p.registration_years(), (2018, 2024));
        assert_eq!(p.age_band(AgeRange::Report), AgeBand { min: 30, max: 59 });
        assert_eq!(p.age_band(AgeRange::Wide), AgeBand { min: 18, max: 66 });
        assert_eq!(p.ruleset().id, "2018-10");
        // 2015-01 (36 months before 2018-01) … 2026-01 (13 after 2024-12).
        assert_eq!(p.g_first.to_string(), "2015-01");
        assert_eq!(p.g_yearly.len(), 133);
        assert_eq!(p.g_yearly.first(), Some(&88_370.0));
        assert_eq!(p.g_yearly.last(), Some(&130_160.0)); // G from 2025-05-01
    }
}
