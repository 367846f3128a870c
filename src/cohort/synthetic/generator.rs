//! Drawing the rows of a synthetic cohort: one random stream per row
//! (rand_xoshiro's xoshiro256\*\*, seeded through SplitMix64 from the seed
//! and the row index), samplers with `libm` only, and the generative model
//! of `docs/synthetic-cohort.md` step by step. The order of the draws is
//! part of the format: changing it changes every cohort.

use super::params::{History, Range, SyntheticParams};
use super::{AgeRange, FIRST_K, LAST_K, MAX_RUN, MONTHS};
use crate::cohort::{CohortRow, Gender, RowExtras};
use crate::domain::calendar::Date;
use crate::domain::form::{Answers, Approved, Education, Passed, Situation, YesNoUnknown};
use crate::domain::person::{Nok, Period, Person, WageEntry};
use crate::error::Result;
#[cfg(not(target_arch = "wasm32"))]
use crate::error::{Error, ErrorKind};
use crate::routing::catalog::Catalog;
use crate::rules::ruletree::{self, Group};
use rand_xoshiro::rand_core::{RngCore, SeedableRng};
use rand_xoshiro::{SplitMix64, Xoshiro256StarStar};
use std::fmt::Write as _;

// Random numbers: rand_xoshiro's SplitMix64 → xoshiro256**, samplers with
// libm only.

/// xoshiro256\*\* (Blackman and Vigna 2018, from `rand_xoshiro`): small,
/// fast, and the same bits on every platform. One instance per row.
#[derive(Debug, Clone)]
struct Rng {
    bits: Xoshiro256StarStar,
    /// The second normal of the last Box–Muller pair.
    spare_normal: Option<f64>,
}

impl Rng {
    /// The independent stream of row `index` of cohort `seed`: the seed is
    /// scrambled by one SplitMix64 step, the index mixed in, and the result
    /// expanded into the xoshiro state by SplitMix64 (`seed_from_u64`, the
    /// seeding the xoshiro authors recommend). For one seed, distinct
    /// indices give distinct states.
    fn for_row(seed: u64, index: u64) -> Rng {
        let key = SplitMix64::seed_from_u64(seed).next_u64();
        Rng {
            bits: Xoshiro256StarStar::seed_from_u64(key ^ index),
            spare_normal: None,
        }
    }

    fn next_u64(&mut self) -> u64 {
        self.bits.next_u64()
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

// The generator.

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
    let id = person.id.get_or_insert_with(String::new);
    let _ = write!(id, "syn-{seed}-{index}");
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

/// Generates row `index` of cohort `seed` into `person` (all but its id),
/// reusing its buffers; the counsellor's decision is left to [`Pending::finish`]. The
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

    // The person (its id is written by `record_with`: a cohort row has none).
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

/// Appends the next `count` rows of the cohort to `rows` (rows
/// `rows.len()`, `rows.len() + 1`, …, in index order): the one path by which
/// both [`Cohort::synthetic_with`](crate::cohort::Cohort::synthetic_with) and
/// the steps of a [`SyntheticBuilder`](super::SyntheticBuilder) make rows.
/// Natively, when `count` is large the rows are built on every available
/// core (at most 8), each thread filling its own slice of the output; rows
/// do not depend on each other, so the result is the same as on one thread
/// (and in wasm, which always uses one). On an error `rows` is left as it
/// was.
pub(super) fn extend(
    params: &SyntheticParams,
    ages: AgeRange,
    seed: u64,
    rows: &mut Vec<CohortRow>,
    count: usize,
) -> Result<()> {
    let start = rows.len();
    let result = append(params, ages, seed, rows, count);
    if result.is_err() {
        rows.truncate(start);
    }
    result
}

fn append(
    params: &SyntheticParams,
    ages: AgeRange,
    seed: u64,
    rows: &mut Vec<CohortRow>,
    count: usize,
) -> Result<()> {
    if count == 0 {
        return Ok(());
    }
    let start = rows.len();
    let mut person = empty_person();
    let first = row(
        params,
        ages,
        seed,
        start as u64,
        Catalog::shipped(),
        &mut person,
    )?;
    // The slots of the other rows start as copies of the first, then each
    // is overwritten by its own row.
    rows.resize(start + count, first);
    let rest = rows.get_mut(start + 1..).unwrap_or_default();
    let first_of_rest = start as u64 + 1;
    #[cfg(not(target_arch = "wasm32"))]
    if let Some(result) = fill_in_parallel(params, ages, seed, first_of_rest, rest) {
        return result;
    }
    fill(params, ages, seed, first_of_rest, rest)
}

/// [`fill`] on every available core (at most 8) when `out` is large;
/// `None` when it is small or no thread is to be had (then the caller
/// fills it on one).
#[cfg(not(target_arch = "wasm32"))]
fn fill_in_parallel(
    params: &SyntheticParams,
    ages: AgeRange,
    seed: u64,
    first: u64,
    out: &mut [CohortRow],
) -> Option<Result<()>> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(8));
    if threads < 2 || out.len() + 1 < PARALLEL_FROM {
        return None;
    }
    let chunk = out.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let mut handles = Vec::with_capacity(threads);
        for (i, part) in out.chunks_mut(chunk).enumerate() {
            let start = first + (i * chunk) as u64;
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
    })
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Reference values from the authors' C code (xoshiro256starstar.c,
    /// splitmix64.c), recomputed independently in Python (see
    /// docs/synthetic-cohort.md): `rand_xoshiro` gives the same bits, and
    /// its `seed_from_u64` is the SplitMix64 expansion the shipped cohorts
    /// were generated with.
    #[test]
    fn generators_match_their_reference_implementations() {
        let mut state = SplitMix64::seed_from_u64(1_234_567);
        let got: Vec<u64> = (0..3).map(|_| state.next_u64()).collect();
        assert_eq!(got, SPLITMIX_1234567);
        let mut seed = [0u8; 32];
        for (chunk, word) in seed.chunks_mut(8).zip([1u64, 2, 3, 4]) {
            chunk.copy_from_slice(&word.to_le_bytes());
        }
        let mut rng = Xoshiro256StarStar::from_seed(seed);
        let got: Vec<u64> = (0..4).map(|_| rng.next_u64()).collect();
        assert_eq!(got, XOSHIRO_1234);
        // seed_from_u64(x): the state words are SplitMix64's next four
        // outputs from x.
        let mut sm = SplitMix64::seed_from_u64(1_234_567);
        let mut seed = [0u8; 32];
        for chunk in seed.chunks_mut(8) {
            chunk.copy_from_slice(&sm.next_u64().to_le_bytes());
        }
        let mut a = Xoshiro256StarStar::from_seed(seed);
        let mut b = Xoshiro256StarStar::seed_from_u64(1_234_567);
        for _ in 0..8 {
            assert_eq!(a.next_u64(), b.next_u64());
        }
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
            let text = crate::wire::to_string(p);
            assert_eq!(&crate::wire::parse::<Person>(&text).unwrap(), p);
        }
    }
}
