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
//! * generated — a [`Person`] per row (registration day, birth date, form
//!   answers, monthly wages for months −36 … +13 around the registration
//!   month, employer-register periods derived from those wages, flags) and
//!   the extra columns of [`RowExtras`] (the counsellor's 14a decision,
//!   gender, born abroad);
//! * computed — the wage features, the rule-tree group and the **outcome
//!   label** come from the generated person through the same code that
//!   serves single decisions ([`CohortRow::from_person`]); no outcome is
//!   ever assigned.
//!
//! Determinism: every row has its own random stream (xoshiro256\*\*, seeded
//! through SplitMix64 from the seed and the row index), all sampling uses
//! the `libm` crate and fixed-order arithmetic, so row *i* of seed *s* is
//! the same bytes natively and in wasm, whatever the cohort size, and can
//! be regenerated alone with [`record`].

use crate::cohort::{Cohort, CohortRow, Gender, RowExtras};
use crate::domain::calendar::{Date, YearMonth};
use crate::domain::form::{Answers, Approved, Education, Passed, Situation, YesNoUnknown};
use crate::domain::grunnbelop::GTable;
use crate::domain::person::{Nok, Period, Person, WageEntry};
use crate::error::{Error, ErrorKind, Result};
use crate::json::{FromJson, Loc, Node, Obj};
use crate::routing::catalog::Catalog;
use crate::rules::ruletree::{self, AgeBand, Group, Ruleset};
use crate::vocab::vocabulary;
use std::fmt::Write as _;
use std::sync::OnceLock;

/// The shipped parameter file.
#[cfg(test)]
const SHIPPED: &str = include_str!("../../pkg-config/cohort/synthetic-v1.json");
const SHIPPED_FILE: &str = "pkg-config/cohort/synthetic-v1.json";
/// Size limit for a parameter file (64 KiB).
const MAX_PARAMS_BYTES: usize = 1 << 16;

/// The shipped parameter file as Rust code (`shipped::spec()`), generated
/// from `pkg-config/cohort/synthetic-v1.json` by a test that fails when the
/// two differ: the wasm module then carries no reader for the file.
mod shipped;

/// Largest cohort [`Cohort::synthetic`] builds (10 000 000 rows, about
/// 240 MB of rows); larger sizes are refused before anything is allocated.
pub const MAX_SIZE: usize = 10_000_000;
/// Largest accepted seed: 2⁵³ − 1, the largest integer a JavaScript number
/// (and so a JSON number in any JS tool) holds exactly, so every cohort
/// made natively can be reproduced from the wasm package and vice versa.
pub const MAX_SEED: u64 = (1 << 53) - 1;

/// Checks the size of a synthetic cohort: 1 ≤ `size` ≤ [`MAX_SIZE`]. Used
/// by [`Cohort::synthetic_with`] and by callers that stream rows from
/// [`record_with`] themselves (`veivalg synth`).
///
/// # Errors
/// `OUT_OF_RANGE` (path `size`) otherwise.
pub fn check_size(size: usize) -> Result<()> {
    if (1..=MAX_SIZE).contains(&size) {
        return Ok(());
    }
    Err(Error::new(
        ErrorKind::OutOfRange,
        "size",
        format!("a synthetic cohort has 1 to {MAX_SIZE} rows, got {size}"),
    ))
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

// ---------------------------------------------------------------------------
// Random numbers: SplitMix64 → xoshiro256**, samplers with libm only.
// ---------------------------------------------------------------------------

/// One step of SplitMix64 (Steele, Lea and Flood 2014).
fn splitmix64(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// xoshiro256\*\* (Blackman and Vigna 2018): small, fast, and the same
/// bits on every platform. One instance per row.
#[derive(Debug, Clone)]
struct Rng {
    s: [u64; 4],
    /// The second normal of the last Box–Muller pair.
    spare_normal: Option<f64>,
}

impl Rng {
    /// The state words as SplitMix64 turns `state` into them (the seeding
    /// the xoshiro authors recommend).
    fn from_splitmix(mut state: u64) -> Rng {
        let s = [
            splitmix64(&mut state),
            splitmix64(&mut state),
            splitmix64(&mut state),
            splitmix64(&mut state),
        ];
        Rng {
            s,
            spare_normal: None,
        }
    }

    /// The independent stream of row `index` of cohort `seed`: the seed is
    /// scrambled by one SplitMix64 step, the index mixed in, and the result
    /// expanded into the xoshiro state by SplitMix64. For one seed,
    /// distinct indices give distinct states.
    fn for_row(seed: u64, index: u64) -> Rng {
        let mut s = seed;
        let key = splitmix64(&mut s);
        Rng::from_splitmix(key ^ index)
    }

    fn next_u64(&mut self) -> u64 {
        let s = &mut self.s;
        let result = s[1].wrapping_mul(5).rotate_left(7).wrapping_mul(9);
        let t = s[1] << 17;
        s[2] ^= s[0];
        s[3] ^= s[1];
        s[1] ^= s[2];
        s[0] ^= s[3];
        s[2] ^= t;
        s[3] = s[3].rotate_left(45);
        result
    }

    /// Uniform on [0, 1), 53 random bits.
    fn uniform(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    /// Uniform on (0, 1): never 0, so its logarithm is finite.
    fn open01(&mut self) -> f64 {
        ((self.next_u64() >> 11) as f64 + 0.5) * (1.0 / (1u64 << 53) as f64)
    }

    /// Uniform on [a, b).
    fn between(&mut self, range: Range) -> f64 {
        range.min + (range.max - range.min) * self.uniform()
    }

    /// Uniform integer in 0 … n − 1 (n ≥ 1; the bias of n/2⁵³ is nil).
    fn below(&mut self, n: u32) -> u32 {
        let k = (self.uniform() * f64::from(n)) as u32;
        k.min(n.saturating_sub(1))
    }

    fn bernoulli(&mut self, p: f64) -> bool {
        self.uniform() < p
    }

    /// Standard normal by Box–Muller, both values of each pair used.
    fn normal(&mut self) -> f64 {
        if let Some(z) = self.spare_normal.take() {
            return z;
        }
        let r = libm::sqrt(-2.0 * libm::log(self.open01()));
        let theta = 2.0 * std::f64::consts::PI * self.uniform();
        self.spare_normal = Some(r * libm::sin(theta));
        r * libm::cos(theta)
    }

    /// Exponential with the given mean.
    fn exponential(&mut self, mean: f64) -> f64 {
        -mean * libm::log(self.open01())
    }

    /// Geometric on {1, 2, …} with the given mean (success probability
    /// 1/mean; a mean of 1 or less always gives 1), capped at [`MAX_RUN`].
    fn geometric(&mut self, mean: f64) -> u32 {
        let p = 1.0 / mean;
        if p.is_nan() || p >= 1.0 {
            return 1;
        }
        let x = libm::log(self.open01()) / libm::log1p(-p);
        if x >= f64::from(MAX_RUN) {
            MAX_RUN
        } else {
            1 + x as u32
        }
    }

    /// Index of a draw from `weights`, which sum to one (the last index
    /// takes any rounding remainder).
    fn categorical(&mut self, weights: &[f64]) -> usize {
        let u = self.uniform();
        let mut acc = 0.0;
        for (i, w) in weights.iter().enumerate() {
            acc += w;
            if u < acc {
                return i;
            }
        }
        weights.len().saturating_sub(1)
    }
}

fn sigmoid(x: f64) -> f64 {
    1.0 / (1.0 + libm::exp(-x))
}

// ---------------------------------------------------------------------------
// Parameters: the JSON file, parsed and checked once.
// ---------------------------------------------------------------------------

/// `{ "min": …, "max": … }` for a uniform draw.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Range {
    min: f64,
    max: f64,
}

#[derive(Debug, Clone, Copy, PartialEq)]
struct YearRange {
    first: i32,
    last: i32,
}

/// `intercept + z·z`.
#[derive(Debug, Clone, Copy, PartialEq)]
struct LinearZ {
    intercept: f64,
    z: f64,
}

impl LinearZ {
    fn at(self, z: f64) -> f64 {
        self.intercept + self.z * z
    }
}

/// `intercept + u·u`.
#[derive(Debug, Clone, Copy, PartialEq)]
struct LinearU {
    intercept: f64,
    u: f64,
}

impl LinearU {
    fn at(self, u: f64) -> f64 {
        self.intercept + self.u * u
    }
}

/// `intercept + u·u + bornAbroad·[born abroad]`.
#[derive(Debug, Clone, Copy, PartialEq)]
struct ObstacleLogit {
    intercept: f64,
    u: f64,
    born_abroad: f64,
}

#[derive(Debug, Clone, Copy, PartialEq)]
struct FullTime {
    base: f64,
    exponential_mean: f64,
    monthly_factor: Range,
    floor: f64,
}

#[derive(Debug, Clone, Copy, PartialEq)]
struct WageLevels {
    full_time: FullTime,
    part_time: Range,
    low: Range,
}

#[derive(Debug, Clone, Copy, PartialEq)]
struct SituationParams {
    alpha: f64,
    beta: f64,
    prospect_shift: f64,
}

/// One entry per answer of form question 1, by its code.
#[derive(Debug, Clone, Copy, PartialEq)]
struct SituationTable {
    mistet_jobben: SituationParams,
    har_sagt_opp: SituationParams,
    deltidsjobb_vil_mer: SituationParams,
    aldri_hatt_jobb: SituationParams,
    vil_bytte_jobb: SituationParams,
    jobb_over_2_aar: SituationParams,
    er_permittert: SituationParams,
    usikker_jobbsituasjon: SituationParams,
    akkurat_fullfort_utdanning: SituationParams,
    vil_fortsette_i_jobb: SituationParams,
}

impl SituationTable {
    fn get(&self, s: Situation) -> SituationParams {
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

#[derive(Debug, Clone, Copy, PartialEq)]
struct History {
    spell_mean_log: LinearZ,
    spell_full_time_logit: LinearZ,
    gap_mean_log: LinearZ,
    gap_low_wage: f64,
    lost_job_paid_in_registration_month: f64,
    lost_job_gap_mean: f64,
    no_job_two_years_min_gap: u32,
    finished_education_min_gap: u32,
    finished_education_gap_mean: f64,
    finished_education_gap_low_wage: f64,
    unsure_in_spell: f64,
}

#[derive(Debug, Clone, Copy, PartialEq)]
struct Prospects {
    z: f64,
    noise: f64,
}

#[derive(Debug, Clone, Copy, PartialEq)]
struct AfterRegistration {
    hire_logit: LinearU,
    hire_full_time_logit: LinearU,
    lose_job_logit: LinearU,
    part_time_to_full_time: f64,
    low_wage_when_out: f64,
    never_hired: f64,
}

#[derive(Debug, Clone, Copy, PartialEq)]
struct ApprovedShares {
    ja: f64,
    nei: f64,
    vet_ikke: f64,
}

#[derive(Debug, Clone, Copy, PartialEq)]
struct ApprovedByOrigin {
    native: ApprovedShares,
    born_abroad: ApprovedShares,
}

#[derive(Debug, Clone, Copy, PartialEq)]
struct PassedShares {
    ja: f64,
    nei: f64,
}

#[derive(Debug, Clone, Copy, PartialEq)]
struct EducationParams {
    z: f64,
    born_abroad: f64,
    cuts: [f64; 5],
    approved: ApprovedByOrigin,
    passed: PassedShares,
}

#[derive(Debug, Clone, Copy, PartialEq)]
struct Obstacles {
    health_logit: ObstacleLogit,
    other_logit: ObstacleLogit,
}

/// `intercept + u·u + uWithoutShock·(u − 0.85ε) + noise·ε′ + obstacle·[obstacle]`.
#[derive(Debug, Clone, Copy, PartialEq)]
struct CounsellorLogit {
    intercept: f64,
    u: f64,
    u_without_shock: f64,
    noise: f64,
    obstacle: f64,
}

#[derive(Debug, Clone, Copy, PartialEq)]
struct Counsellor {
    standard_when_profiled_standard: f64,
    otherwise_logit: CounsellorLogit,
}

#[derive(Debug, Clone, Copy, PartialEq)]
struct GenderShares {
    female: f64,
    male: f64,
}

#[derive(Debug, Clone, Copy, PartialEq)]
struct Shares {
    born_abroad: f64,
    single_parent: f64,
    digital_reservation: f64,
    sensitive: f64,
    gender: GenderShares,
}

/// The parameter file as written.
#[derive(Debug, Clone, PartialEq)]
struct Spec {
    id: String,
    about: String,
    registration_years: YearRange,
    ages: AgeBand,
    wide_ages: AgeBand,
    ruleset: String,
    wage_levels: WageLevels,
    situations: SituationTable,
    history: History,
    prospects: Prospects,
    after_registration: AfterRegistration,
    education: EducationParams,
    obstacles: Obstacles,
    counsellor: Counsellor,
    shares: Shares,
}

/// `FromJson` for a parameter struct: every field required, unknown keys
/// refused (`params!(Range { min: "min", max: "max" })`).
macro_rules! params {
    ($t:ident { $($field:ident: $key:literal),* $(,)? }) => {
        impl FromJson for $t {
            fn read_json(v: &Node<'_>, at: &Loc<'_>) -> Result<Self> {
                let o = Obj::new(v, at, &[$($key),*])?;
                Ok($t { $($field: o.req($key)?),* })
            }
        }
    };
}

params!(Range {
    min: "min",
    max: "max"
});

params!(YearRange {
    first: "first",
    last: "last"
});

params!(LinearZ {
    intercept: "intercept",
    z: "z"
});

params!(LinearU {
    intercept: "intercept",
    u: "u"
});

params!(ObstacleLogit {
    intercept: "intercept",
    u: "u",
    born_abroad: "bornAbroad"
});

params!(FullTime {
    base: "base",
    exponential_mean: "exponentialMean",
    monthly_factor: "monthlyFactor",
    floor: "floor"
});

params!(WageLevels {
    full_time: "fullTime",
    part_time: "partTime",
    low: "low"
});

params!(SituationParams {
    alpha: "alpha",
    beta: "beta",
    prospect_shift: "prospectShift"
});

params!(SituationTable {
    mistet_jobben: "MISTET_JOBBEN",
    har_sagt_opp: "HAR_SAGT_OPP",
    deltidsjobb_vil_mer: "DELTIDSJOBB_VIL_MER",
    aldri_hatt_jobb: "ALDRI_HATT_JOBB",
    vil_bytte_jobb: "VIL_BYTTE_JOBB",
    jobb_over_2_aar: "JOBB_OVER_2_AAR",
    er_permittert: "ER_PERMITTERT",
    usikker_jobbsituasjon: "USIKKER_JOBBSITUASJON",
    akkurat_fullfort_utdanning: "AKKURAT_FULLFORT_UTDANNING",
    vil_fortsette_i_jobb: "VIL_FORTSETTE_I_JOBB"
});

params!(History {
    spell_mean_log: "spellMeanLog",
    spell_full_time_logit: "spellFullTimeLogit",
    gap_mean_log: "gapMeanLog",
    gap_low_wage: "gapLowWage",
    lost_job_paid_in_registration_month: "lostJobPaidInRegistrationMonth",
    lost_job_gap_mean: "lostJobGapMean",
    no_job_two_years_min_gap: "noJobTwoYearsMinGap",
    finished_education_min_gap: "finishedEducationMinGap",
    finished_education_gap_mean: "finishedEducationGapMean",
    finished_education_gap_low_wage: "finishedEducationGapLowWage",
    unsure_in_spell: "unsureInSpell"
});

params!(Prospects {
    z: "z",
    noise: "noise"
});

params!(AfterRegistration {
    hire_logit: "hireLogit",
    hire_full_time_logit: "hireFullTimeLogit",
    lose_job_logit: "loseJobLogit",
    part_time_to_full_time: "partTimeToFullTime",
    low_wage_when_out: "lowWageWhenOut",
    never_hired: "neverHired"
});

params!(ApprovedShares {
    ja: "JA",
    nei: "NEI",
    vet_ikke: "VET_IKKE"
});

params!(ApprovedByOrigin {
    native: "native",
    born_abroad: "bornAbroad"
});

params!(PassedShares {
    ja: "JA",
    nei: "NEI"
});

params!(Obstacles {
    health_logit: "healthLogit",
    other_logit: "otherLogit"
});

params!(CounsellorLogit {
    intercept: "intercept",
    u: "u",
    u_without_shock: "uWithoutShock",
    noise: "noise",
    obstacle: "obstacle"
});

params!(Counsellor {
    standard_when_profiled_standard: "standardWhenProfiledStandard",
    otherwise_logit: "otherwiseLogit"
});

params!(GenderShares {
    female: "FEMALE",
    male: "MALE"
});

params!(Shares {
    born_abroad: "bornAbroad",
    single_parent: "singleParent",
    digital_reservation: "digitalReservation",
    sensitive: "sensitive",
    gender: "gender"
});

params!(Spec {
    id: "id",
    about: "about",
    registration_years: "registrationYears",
    ages: "ages",
    wide_ages: "wideAges",
    ruleset: "ruleset",
    wage_levels: "wageLevels",
    situations: "situations",
    history: "history",
    prospects: "prospects",
    after_registration: "afterRegistration",
    education: "education",
    obstacles: "obstacles",
    counsellor: "counsellor",
    shares: "shares"
});

impl FromJson for EducationParams {
    fn read_json(v: &Node<'_>, at: &Loc<'_>) -> Result<Self> {
        let o = Obj::new(v, at, &["z", "bornAbroad", "cuts", "approved", "passed"])?;
        let z = o.req("z")?;
        let born_abroad = o.req("bornAbroad")?;
        let cuts: Vec<f64> = o.req("cuts")?;
        let cuts: [f64; 5] = cuts.try_into().map_err(|c: Vec<f64>| {
            at.key("cuts").error(
                ErrorKind::InvalidType,
                format!("expected an array of 5 numbers, got {} numbers", c.len()),
            )
        })?;
        Ok(EducationParams {
            z,
            born_abroad,
            cuts,
            approved: o.req("approved")?,
            passed: o.req("passed")?,
        })
    }
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
/// let bad = include_str!("../../pkg-config/cohort/synthetic-v1.json")
///     .replace(r#""sensitive": 0.01"#, r#""sensitive": 1.5"#);
/// let e = SyntheticParams::from_json(&bad).unwrap_err();
/// assert_eq!((e.kind.as_str(), e.path.as_str()), ("INVALID_CONFIG", "shares.sensitive"));
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct SyntheticParams {
    spec: Spec,
    ruleset: Ruleset,
    /// Softmax weights depend on z; the coefficients in situation order.
    alpha: [f64; 10],
    beta: [f64; 10],
    /// Day number (since 1970) of the first registration day, and how many
    /// days registrations span.
    first_day: i64,
    days: u32,
    /// Yearly G for each month from `g_first` on.
    g_first: YearMonth,
    g_yearly: Vec<f64>,
}

fn invalid(path: &str, message: impl Into<String>) -> Error {
    Error::new(ErrorKind::InvalidConfig, path, message)
}

fn check_probability(path: &str, p: f64) -> Result<()> {
    if (0.0..=1.0).contains(&p) {
        Ok(())
    } else {
        Err(invalid(
            path,
            format!(
                "a probability must lie in [0, 1], got {}",
                crate::json::Num(p)
            ),
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
                crate::json::Num(sum)
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
                    crate::json::Num(*x),
                    m = crate::json::Num(MAX_COEFFICIENT)
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
                crate::json::Num(r.min),
                crate::json::Num(r.max)
            ),
        ));
    }
    if !within {
        return Err(invalid(
            path,
            format!(
                "{what}; got {}–{}",
                crate::json::Num(r.min),
                crate::json::Num(r.max)
            ),
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
                crate::json::Num(MAX_COEFFICIENT),
                crate::json::Num(mean)
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
        let spec: Spec = crate::json::parse_limited(text, MAX_PARAMS_BYTES).map_err(|e| {
            invalid(
                &e.path,
                format!("synthetic-cohort parameters: {}", e.message),
            )
        })?;
        SyntheticParams::check(spec, Catalog::shipped())
    }

    /// The shipped parameters (`pkg-config/cohort/synthetic-v1.json`, as
    /// compiled into `shipped::spec()`), checked once.
    ///
    /// # Errors
    /// `INVALID_CONFIG` if the shipped file were broken (a test makes sure
    /// it is not).
    pub fn shipped() -> Result<&'static SyntheticParams> {
        static PARAMS: OnceLock<Result<SyntheticParams>> = OnceLock::new();
        PARAMS
            .get_or_init(|| {
                SyntheticParams::derive(shipped::spec(), Catalog::shipped()).map_err(|e| {
                    let message = format!("{SHIPPED_FILE}: {}", e.message);
                    {
                        let mut e = e;
                        e.message = message;
                        e
                    }
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
        SyntheticParams::validate(&spec)?;
        SyntheticParams::derive(spec, catalog)
    }

    /// The checks of [`SyntheticParams::from_json`] that need no catalog.
    /// The shipped parameters pass them (a test says so), so
    /// [`SyntheticParams::shipped`] does not run them again.
    fn validate(spec: &Spec) -> Result<()> {
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
                    crate::json::Num(MAX_COEFFICIENT),
                    crate::json::Num(f.floor)
                ),
            ));
        }
        if !(0.0..=MAX_COEFFICIENT).contains(&f.base) {
            return Err(invalid(
                "wageLevels.fullTime.base",
                format!(
                    "must lie in [0, {}], got {}",
                    crate::json::Num(MAX_COEFFICIENT),
                    crate::json::Num(f.base)
                ),
            ));
        }
        if !(0.0..=10.0).contains(&f.exponential_mean) {
            return Err(invalid(
                "wageLevels.fullTime.exponentialMean",
                format!(
                    "must lie in [0, 10], got {}",
                    crate::json::Num(f.exponential_mean)
                ),
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
                    crate::json::Num(p.noise)
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
                            crate::json::Num(*hi),
                            crate::json::Num(*lo)
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
                    crate::json::Num(o.noise)
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
    fn yearly_g(&self, month: YearMonth) -> f64 {
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

// ---------------------------------------------------------------------------
// The generator.
// ---------------------------------------------------------------------------

/// A month's labour-market state (recipe: N, L, P, F).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    /// No wage.
    None,
    /// Wage below 1G.
    Low,
    /// Part-time: wage between 1G and 3G.
    Part,
    /// Full-time: wage above 3G.
    Full,
}

impl State {
    fn employed(self) -> bool {
        matches!(self, State::Part | State::Full)
    }
}

/// Writes the history before registration backwards from month 0.
struct Backwards<'a> {
    states: &'a mut [State; MONTHS],
    /// The next month to fill (k), going down.
    next: i32,
}

impl Backwards<'_> {
    fn done(&self) -> bool {
        self.next < FIRST_K
    }

    fn put(&mut self, s: State) {
        if let Some(slot) = self.states.get_mut((self.next - FIRST_K) as usize) {
            *slot = s;
        }
        self.next -= 1;
    }

    fn spell(&mut self, len: u32, s: State) {
        for _ in 0..len {
            if self.done() {
                return;
            }
            self.put(s);
        }
    }

    fn gap(&mut self, rng: &mut Rng, len: u32, low: f64) {
        for _ in 0..len {
            if self.done() {
                return;
            }
            let s = if rng.bernoulli(low) {
                State::Low
            } else {
                State::None
            };
            self.put(s);
        }
    }
}

/// Per-person quantities the history needs.
struct Person0 {
    spell_mean: f64,
    gap_mean: f64,
    full_time_p: f64,
}

impl Person0 {
    fn spell_type(&self, rng: &mut Rng) -> State {
        if rng.bernoulli(self.full_time_p) {
            State::Full
        } else {
            State::Part
        }
    }

    /// Alternating spells and gaps until month −36 is filled.
    fn alternate(&self, b: &mut Backwards<'_>, rng: &mut Rng, h: &History, mut spell: bool) {
        while !b.done() {
            if spell {
                let len = rng.geometric(self.spell_mean);
                let s = self.spell_type(rng);
                b.spell(len, s);
            } else {
                let len = rng.geometric(self.gap_mean);
                b.gap(rng, len, h.gap_low_wage);
            }
            spell = !spell;
        }
    }
}

/// One generated registrant: the person and the columns a registration
/// does not hold.
#[derive(Debug, Clone, PartialEq)]
pub struct SyntheticRecord {
    /// The registration, with wages for months −36 … +13 around the
    /// registration month (`wagesThrough` = registration month + 13).
    pub person: Person,
    /// The counsellor's 14a decision, gender and born abroad; `outcome` is
    /// always `None` — the outcome is computed from the wages.
    pub extras: RowExtras,
}

/// Row `index` of the synthetic cohort `seed` (ages of [`AgeRange::Report`]):
/// the same record whatever the size of the cohort it belongs to.
///
/// # Example
/// ```
/// use veivalg::cohort::synthetic::{record, SyntheticParams};
/// let params = SyntheticParams::shipped().unwrap();
/// let r = record(params, 1, 42);
/// assert_eq!(r.person.id.as_deref(), Some("syn-1-42"));
/// assert!((30..=59).contains(&r.person.age));
/// assert_eq!(r, record(params, 1, 42));
/// assert_eq!(r.extras.outcome, None);
/// ```
pub fn record(params: &SyntheticParams, seed: u64, index: u64) -> SyntheticRecord {
    record_with(params, AgeRange::Report, seed, index)
}

/// [`record`] with a choice of age range.
pub fn record_with(
    params: &SyntheticParams,
    ages: AgeRange,
    seed: u64,
    index: u64,
) -> SyntheticRecord {
    let mut person = empty_person();
    let pending = generate(params, ages, seed, index, &mut person);
    let group = ruletree::evaluate(&person, &params.ruleset).group;
    let extras = pending.finish(params, group);
    SyntheticRecord { person, extras }
}

fn empty_person() -> Person {
    let day = Date::from_days_since_epoch(0);
    Person {
        id: Some(String::new()),
        registered_on: day,
        birth_date: Some(day),
        age: 0,
        answers: Answers {
            situation: Situation::MistetJobben,
            education: Education::IngenUtdanning,
            education_approved: Approved::IngenSvar,
            education_passed: Passed::IngenSvar,
            health_obstacles: YesNoUnknown::Nei,
            other_obstacles: YesNoUnknown::Nei,
            self_assessment: None,
        },
        employment: Vec::with_capacity(8),
        wages: Vec::with_capacity(MONTHS),
        wages_through: None,
        single_parent: false,
        digital_reservation: false,
        sensitive: false,
    }
}

/// Generates row `index` of cohort `seed` into `person`, reusing its
/// buffers; the counsellor's decision is left to [`Pending::finish`]. The
/// order of the draws is part of the format: changing it changes every
/// cohort.
fn generate(
    params: &SyntheticParams,
    ages: AgeRange,
    seed: u64,
    index: u64,
    person: &mut Person,
) -> Pending {
    let spec = &params.spec;
    let mut rng = Rng::for_row(seed, index);

    // 1. Dates.
    let registered_on =
        Date::from_days_since_epoch(params.first_day + i64::from(rng.below(params.days)));
    let band = params.age_band(ages);
    let drawn_age = band.min + rng.below(band.max - band.min + 1);
    let back_days = rng.below(365);
    let birth = registered_on
        .add_months(-12 * drawn_age as i32)
        .add_days(-i64::from(back_days));

    // 2. Attachment to work.
    let z = rng.normal();

    // 3. Situation: softmax(α + β·z), max subtracted, summed in order.
    let mut weights = [0.0; 10];
    let mut max = f64::NEG_INFINITY;
    for ((w, a), b) in weights.iter_mut().zip(params.alpha).zip(params.beta) {
        *w = a + b * z;
        max = max.max(*w);
    }
    let mut total = 0.0;
    for w in weights.iter_mut() {
        *w = libm::exp(*w - max);
        total += *w;
    }
    for w in weights.iter_mut() {
        *w /= total;
    }
    let situation = Situation::ALL
        .get(rng.categorical(&weights))
        .copied()
        .unwrap_or(Situation::MistetJobben);
    let sp = spec.situations.get(situation);

    // 6. Prospects (drawn here so that the history does not shift them).
    let u_without_shock = spec.prospects.z * z + sp.prospect_shift;
    let u = u_without_shock + spec.prospects.noise * rng.normal();

    // Independent traits.
    let s = spec.shares;
    let born_abroad = rng.bernoulli(s.born_abroad);
    let gender = if rng.categorical(&[s.gender.female, s.gender.male]) == 0 {
        Gender::Female
    } else {
        Gender::Male
    };
    let single_parent = rng.bernoulli(s.single_parent);
    let digital_reservation = rng.bernoulli(s.digital_reservation);
    let sensitive = rng.bernoulli(s.sensitive);
    let never_hired = rng.bernoulli(spec.after_registration.never_hired);

    // Wage levels (in G per year).
    let wl = spec.wage_levels;
    let full_level = wl.full_time.base + rng.exponential(wl.full_time.exponential_mean);
    let part_level = rng.between(wl.part_time);

    // 4. History before registration, backwards from k = 0.
    let h = &spec.history;
    let p0 = Person0 {
        spell_mean: libm::exp(h.spell_mean_log.at(z)),
        gap_mean: libm::exp(h.gap_mean_log.at(z)),
        full_time_p: sigmoid(h.spell_full_time_logit.at(z)),
    };
    let mut states = [State::None; MONTHS];
    let mut keeps_job = false;
    let mut permittert = false;
    {
        let mut b = Backwards {
            states: &mut states,
            next: 0,
        };
        match situation {
            Situation::MistetJobben | Situation::HarSagtOpp => {
                if rng.bernoulli(h.lost_job_paid_in_registration_month) {
                    let len = rng.geometric(p0.spell_mean);
                    let t = p0.spell_type(&mut rng);
                    b.spell(len, t);
                    p0.alternate(&mut b, &mut rng, h, false);
                } else {
                    let len = rng.geometric(h.lost_job_gap_mean);
                    b.gap(&mut rng, len, h.gap_low_wage);
                    p0.alternate(&mut b, &mut rng, h, true);
                }
            }
            Situation::DeltidsjobbVilMer
            | Situation::VilBytteJobb
            | Situation::VilFortsetteIJobb => {
                keeps_job = true;
                let len = rng.geometric(p0.spell_mean);
                let t = match situation {
                    Situation::DeltidsjobbVilMer => State::Part,
                    Situation::VilBytteJobb => State::Full,
                    _ => p0.spell_type(&mut rng),
                };
                b.spell(len, t);
                p0.alternate(&mut b, &mut rng, h, false);
            }
            Situation::ErPermittert => {
                permittert = true;
                b.gap(&mut rng, 1, h.gap_low_wage);
                let len = rng.geometric(p0.spell_mean);
                b.spell(len, State::Full);
                p0.alternate(&mut b, &mut rng, h, false);
            }
            Situation::JobbOver2Aar => {
                let len = h
                    .no_job_two_years_min_gap
                    .saturating_add(rng.geometric(p0.gap_mean));
                b.gap(&mut rng, len, h.gap_low_wage);
                p0.alternate(&mut b, &mut rng, h, true);
            }
            Situation::AldriHattJobb => {
                // No wages at all before registration.
            }
            Situation::AkkuratFullfortUtdanning => {
                let len = h
                    .finished_education_min_gap
                    .saturating_add(rng.geometric(h.finished_education_gap_mean));
                b.gap(&mut rng, len, h.finished_education_gap_low_wage);
                p0.alternate(&mut b, &mut rng, h, true);
            }
            Situation::UsikkerJobbsituasjon => {
                let in_spell = rng.bernoulli(h.unsure_in_spell);
                p0.alternate(&mut b, &mut rng, h, in_spell);
            }
        }
    }

    // 7. After registration, month by month.
    let ar = spec.after_registration;
    let at = |k: i32| (k - FIRST_K) as usize;
    let k0 = states.get(at(0)).copied().unwrap_or(State::None);
    // The three "keepers" start month 1 in the job they hold at k = 0 and
    // from then on face the same monthly risks as anyone employed; the
    // never-hired shock leaves a person without work after registration,
    // keepers included.
    let mut job = if keeps_job && !never_hired && k0.employed() {
        Some(k0)
    } else {
        None
    };
    let p_hire = sigmoid(ar.hire_logit.at(u));
    let p_full = sigmoid(ar.hire_full_time_logit.at(u));
    let p_lose = sigmoid(ar.lose_job_logit.at(u));
    for k in 1..=LAST_K {
        let state = if let Some(t) = job {
            if rng.bernoulli(p_lose) {
                job = None;
                gap_month(&mut rng, ar.low_wage_when_out)
            } else {
                let t = if t == State::Part && rng.bernoulli(ar.part_time_to_full_time) {
                    State::Full
                } else {
                    t
                };
                job = Some(t);
                t
            }
        } else if !never_hired && rng.bernoulli(p_hire) {
            let t = if rng.bernoulli(p_full) {
                State::Full
            } else {
                State::Part
            };
            job = Some(t);
            t
        } else {
            gap_month(&mut rng, ar.low_wage_when_out)
        };
        if let Some(slot) = states.get_mut(at(k)) {
            *slot = state;
        }
    }

    // 8. Education and obstacles.
    let e = spec.education;
    let abroad = if born_abroad { 1.0 } else { 0.0 };
    let x = e.z * z + rng.normal() + e.born_abroad * abroad;
    let level = e.cuts.iter().filter(|c| x >= **c).count();
    let education = Education::ALL
        .get(level)
        .copied()
        .unwrap_or(Education::HoyereUtdanning5EllerMer);
    let (education_approved, education_passed) = if education.skips_follow_up_questions() {
        (Approved::IngenSvar, Passed::IngenSvar)
    } else {
        let a = if born_abroad {
            e.approved.born_abroad
        } else {
            e.approved.native
        };
        let approved = match rng.categorical(&[a.ja, a.nei, a.vet_ikke]) {
            0 => Approved::Ja,
            1 => Approved::Nei,
            _ => Approved::VetIkke,
        };
        let passed = if rng.categorical(&[e.passed.ja, e.passed.nei]) == 0 {
            Passed::Ja
        } else {
            Passed::Nei
        };
        (approved, passed)
    };
    let ob = spec.obstacles;
    let yes_no = |yes: bool| {
        if yes {
            YesNoUnknown::Ja
        } else {
            YesNoUnknown::Nei
        }
    };
    let health = yes_no(rng.bernoulli(sigmoid(
        ob.health_logit.intercept + ob.health_logit.u * u + ob.health_logit.born_abroad * abroad,
    )));
    let other = yes_no(rng.bernoulli(sigmoid(
        ob.other_logit.intercept + ob.other_logit.u * u + ob.other_logit.born_abroad * abroad,
    )));

    // Wages (5.) and employer-register periods from the monthly states.
    let reg_month = registered_on.year_month();
    person.wages.clear();
    person.employment.clear();
    let mut run_start: Option<i32> = None;
    for (i, state) in states.iter().enumerate() {
        let k = FIRST_K + i as i32;
        let month = reg_month.add_months(k);
        let level = match state {
            State::None => 0.0,
            State::Low => rng.between(wl.low),
            State::Part => part_level,
            State::Full => {
                (full_level * rng.between(wl.full_time.monthly_factor)).max(wl.full_time.floor)
            }
        };
        if level > 0.0 {
            let nok = libm::round(level * params.yearly_g(month) / 12.0);
            if let Some(nok) = Nok::new(nok).filter(|n| n.get() > 0.0) {
                person.wages.push(WageEntry { month, nok });
            }
        }
        match (state.employed(), run_start) {
            (true, None) => run_start = Some(k),
            (false, Some(start)) => {
                let last = k - 1;
                let open = permittert && last == -1;
                person.employment.push(Period {
                    start: reg_month.add_months(start).first_day(),
                    end: (!open).then(|| reg_month.add_months(last).last_day()),
                });
                run_start = None;
            }
            _ => {}
        }
    }
    if let Some(start) = run_start {
        // Still employed in the last generated month: an ongoing job.
        person.employment.push(Period {
            start: reg_month.add_months(start).first_day(),
            end: None,
        });
    }

    // The person.
    let id = person.id.get_or_insert_with(String::new);
    id.clear();
    let _ = write!(id, "syn-{seed}-{index}");
    person.registered_on = registered_on;
    person.birth_date = Some(birth);
    person.age = u32::try_from(registered_on.age_since(birth)).unwrap_or(0);
    person.answers = Answers {
        situation,
        education,
        education_approved,
        education_passed,
        health_obstacles: health,
        other_obstacles: other,
        self_assessment: None,
    };
    person.wages_through = Some(reg_month.add_months(LAST_K));
    person.single_parent = single_parent;
    person.digital_reservation = digital_reservation;
    person.sensitive = sensitive;

    Pending {
        rng,
        u,
        u_without_shock,
        obstacle: health == YesNoUnknown::Ja || other == YesNoUnknown::Ja,
        gender,
        born_abroad,
    }
}

/// A generated person's last step: the counsellor's decision, which needs
/// the person's rule-tree group.
struct Pending {
    rng: Rng,
    u: f64,
    u_without_shock: f64,
    obstacle: bool,
    gender: Gender,
    born_abroad: bool,
}

impl Pending {
    /// Step 9, the counsellor's 14a decision, given the rule-tree group
    /// (under the parameters' ruleset); and the extra columns of the row.
    fn finish(mut self, params: &SyntheticParams, group: Group) -> RowExtras {
        let c = params.spec.counsellor;
        let standard = if group == Group::AntattGodeMuligheter {
            self.rng.bernoulli(c.standard_when_profiled_standard)
        } else {
            let o = c.otherwise_logit;
            let obstacle = if self.obstacle { 1.0 } else { 0.0 };
            let logit = o.intercept
                + o.u * self.u
                + o.u_without_shock * self.u_without_shock
                + o.noise * self.rng.normal()
                + o.obstacle * obstacle;
            self.rng.bernoulli(sigmoid(logit))
        };
        RowExtras {
            counsellor_standard: Some(standard),
            gender: Some(self.gender),
            born_abroad: Some(self.born_abroad),
            outcome: None,
        }
    }
}

/// Fills `out` with rows `first`, `first + 1`, … reusing one person's
/// buffers.
fn fill(
    params: &SyntheticParams,
    ages: AgeRange,
    seed: u64,
    first: u64,
    out: &mut [CohortRow],
) -> Result<()> {
    let catalog = Catalog::shipped();
    let mut person = empty_person();
    for (slot, index) in out.iter_mut().zip(first..) {
        *slot = row(params, ages, seed, index, catalog, &mut person)?;
    }
    Ok(())
}

/// Rows below this count are built on one thread.
#[cfg(not(target_arch = "wasm32"))]
const PARALLEL_FROM: usize = 20_000;

/// The rows of a cohort, in index order. Natively, large cohorts are
/// built on every available core (at most 8), each thread filling its own
/// slice of the output; rows do not depend on each other, so the result is
/// the same as on one thread (and in wasm, which always uses one).
fn rows(
    params: &SyntheticParams,
    ages: AgeRange,
    seed: u64,
    size: usize,
) -> Result<Vec<CohortRow>> {
    let mut person = empty_person();
    let first = row(params, ages, seed, 0, Catalog::shipped(), &mut person)?;
    let mut rows = vec![first; size];
    let rest = rows.get_mut(1..).unwrap_or_default();
    #[cfg(not(target_arch = "wasm32"))]
    {
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(8));
        if threads > 1 && size >= PARALLEL_FROM {
            let chunk = rest.len().div_ceil(threads);
            let done = std::thread::scope(|scope| {
                let mut handles = Vec::with_capacity(threads);
                for (i, part) in rest.chunks_mut(chunk).enumerate() {
                    let start = 1 + (i * chunk) as u64;
                    let spawned = std::thread::Builder::new()
                        .spawn_scoped(scope, move || fill(params, ages, seed, start, part));
                    match spawned {
                        Ok(handle) => handles.push(handle),
                        // No thread to be had: say so, and build serially.
                        Err(_) => return None,
                    }
                }
                let mut result = Ok(());
                for handle in handles {
                    let outcome = handle.join().unwrap_or_else(|_| {
                        Err(Error::new(
                            ErrorKind::InvalidConfig,
                            "",
                            "a worker thread building the synthetic cohort failed",
                        ))
                    });
                    if result.is_ok() {
                        result = outcome;
                    }
                }
                Some(result)
            });
            if let Some(result) = done {
                result?;
                return Ok(rows);
            }
        }
    }
    fill(params, ages, seed, 1, rest)?;
    Ok(rows)
}

/// Row `index` as [`CohortRow::from_person`] makes it from
/// [`record_with`]`(params, ages, seed, index)`, without running the rule
/// tree twice: the counsellor's decision takes the group from the row
/// (the same [`ruletree::evaluate`] under the same ruleset).
fn row(
    params: &SyntheticParams,
    ages: AgeRange,
    seed: u64,
    index: u64,
    catalog: &Catalog,
    person: &mut Person,
) -> Result<CohortRow> {
    let pending = generate(params, ages, seed, index, person);
    let mut extras = RowExtras {
        counsellor_standard: None,
        gender: Some(pending.gender),
        born_abroad: Some(pending.born_abroad),
        outcome: None,
    };
    let mut row = CohortRow::from_person(person, extras, &params.ruleset, catalog)?;
    extras = pending.finish(params, row.group);
    row.counsellor_standard = extras.counsellor_standard;
    Ok(row)
}

fn gap_month(rng: &mut Rng, low: f64) -> State {
    if rng.bernoulli(low) {
        State::Low
    } else {
        State::None
    }
}

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
    /// ages, seed, i)`.
    ///
    /// # Errors
    /// As [`Cohort::synthetic`]; and `INSUFFICIENT_DATA` should a generated
    /// person ever not be labellable (it cannot: the parameters are checked
    /// to lie within the G table).
    pub fn synthetic_with(
        params: &SyntheticParams,
        ages: AgeRange,
        seed: u64,
        size: usize,
    ) -> Result<Cohort> {
        check_size(size)?;
        check_seed(seed)?;
        let rows = rows(params, ages, seed, size)?;
        let band = params.age_band(ages);
        let mut source = format!("{} seed {seed}, {size} rows", params.id());
        if ages != AgeRange::Report {
            let _ = write!(source, ", ages {}–{}", band.min, band.max);
        }
        Ok(Cohort {
            rows,
            ruleset: params.ruleset.id.clone(),
            synthetic: true,
            source,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reference values from the authors' C code (xoshiro256starstar.c,
    /// splitmix64.c), recomputed independently in Python (see
    /// docs/synthetic-cohort.md).
    #[test]
    fn generators_match_their_reference_implementations() {
        let mut state = 1_234_567;
        let got: Vec<u64> = (0..3).map(|_| splitmix64(&mut state)).collect();
        assert_eq!(got, SPLITMIX_1234567);
        let mut rng = Rng {
            s: [1, 2, 3, 4],
            spare_normal: None,
        };
        let got: Vec<u64> = (0..4).map(|_| rng.next_u64()).collect();
        assert_eq!(got, XOSHIRO_1234);
    }

    const SPLITMIX_1234567: [u64; 3] = [
        6_457_827_717_110_365_317,
        3_203_168_211_198_807_973,
        9_817_491_932_198_370_423,
    ];
    const XOSHIRO_1234: [u64; 4] = [11520, 0, 1_509_978_240, 1_215_971_899_390_074_240];

    #[test]
    fn samplers_have_their_means() {
        let mut rng = Rng::for_row(7, 0);
        let n = 200_000;
        let mean = |f: &mut dyn FnMut() -> f64| (0..n).map(|_| f()).sum::<f64>() / f64::from(n);
        let m = mean(&mut || rng.uniform());
        assert!((m - 0.5).abs() < 0.005, "{m}");
        let m = mean(&mut || rng.normal());
        assert!(m.abs() < 0.01, "{m}");
        let v = mean(&mut || rng.normal().powi(2));
        assert!((v - 1.0).abs() < 0.01, "{v}");
        let m = mean(&mut || rng.exponential(1.2));
        assert!((m - 1.2).abs() < 0.02, "{m}");
        let m = mean(&mut || f64::from(rng.geometric(1.5)));
        assert!((m - 1.5).abs() < 0.02, "{m}");
        let m = mean(&mut || f64::from(rng.geometric(14.08)));
        assert!((m - 14.08).abs() < 0.2, "{m}");
        assert_eq!(rng.geometric(0.5), 1);
        let m = mean(&mut || f64::from(rng.below(365)));
        assert!((m - 182.0).abs() < 1.0, "{m}");
    }

    #[test]
    fn rows_have_independent_streams() {
        let a: Vec<u64> = (0..4).map(|i| Rng::for_row(1, i).next_u64()).collect();
        let mut sorted = a.clone();
        sorted.dedup();
        assert_eq!(sorted.len(), 4);
        assert_ne!(Rng::for_row(1, 0).next_u64(), Rng::for_row(2, 0).next_u64());
    }

    /// `src/cohort/synthetic/shipped.rs` is the parameter file as Rust code;
    /// `VEIVALG_BLESS=1 cargo test --lib synthetic::` rewrites it.
    #[test]
    fn shipped_spec_code_matches_the_parameter_file() {
        let spec: Spec = crate::json::parse_limited(SHIPPED, MAX_PARAMS_BYTES).unwrap();
        let mut body = String::new();
        for line in format!("{spec:#?}").lines() {
            // Debug prints strings as Rust literals; the fields are `String`s.
            let line = match line.split_once(": \"") {
                Some((field, rest)) if rest.ends_with("\",") => {
                    format!("{field}: String::from(\"{}),", &rest[..rest.len() - 1])
                }
                _ => line.to_string(),
            };
            body.push_str("    ");
            body.push_str(&line);
            body.push('\n');
        }
        let code = format!(
            "//! Generated from `pkg-config/cohort/synthetic-v1.json` by\n\
             //! `synthetic::tests::shipped_spec_code_matches_the_parameter_file`\n\
             //! (`VEIVALG_BLESS=1 cargo test --lib synthetic::`); do not edit.\n\n\
             use super::*;\n\n\
             /// The shipped parameter file.\n\
             #[rustfmt::skip]\n\
             pub(super) fn spec() -> Spec {{\n{body}}}\n"
        );
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/src/cohort/synthetic/shipped.rs"
        );
        if std::env::var_os("VEIVALG_BLESS").is_some() {
            std::fs::write(path, &code).unwrap();
        }
        assert_eq!(
            std::fs::read_to_string(path).unwrap(),
            code,
            "re-bless src/cohort/synthetic/shipped.rs"
        );
        assert_eq!(shipped::spec(), spec);
    }

    #[test]
    fn shipped_params_load() {
        // `shipped()` trusts the compiled-in parameters: they pass every check.
        SyntheticParams::validate(&shipped::spec()).unwrap();
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

    #[test]
    fn a_record_follows_the_recipe_structure() {
        let params = SyntheticParams::shipped().unwrap();
        for index in 0..2_000 {
            let r = record(params, 3, index);
            let p = &r.person;
            let reg = p.registration_month();
            assert!((2018..=2024).contains(&p.registered_on.year()));
            assert!((30..=59).contains(&p.age), "{}", p.age);
            assert_eq!(p.wages_through, Some(reg.add_months(13)));
            assert!(p.wages.windows(2).all(|w| w[0].month < w[1].month));
            for w in &p.wages {
                let k = reg.months_until(w.month);
                assert!((-36..=13).contains(&k));
                assert!(w.nok.get() > 0.0);
            }
            for e in &p.employment {
                assert_eq!(e.start.day(), 1);
                if let Some(end) = e.end {
                    assert_eq!(end, end.year_month().last_day());
                }
            }
            if p.answers.situation == Situation::AldriHattJobb {
                assert!(p.wages.iter().all(|w| reg.months_until(w.month) > 0));
            }
            if p.answers.education.skips_follow_up_questions() {
                assert_eq!(p.answers.education_passed, Passed::IngenSvar);
            }
            // A JSON round trip gives back the same person: the record is a
            // valid registration.
            let text = crate::json::to_string(p);
            assert_eq!(&Person::from_json(&text).unwrap(), p);
        }
    }
}
