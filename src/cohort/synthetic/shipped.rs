//! Generated from `pkg-config/cohort/synthetic-v1.json` by
//! `synthetic::tests::shipped_spec_code_matches_the_parameter_file`
//! (`VEIVALG_BLESS=1 cargo test --lib synthetic::`); do not edit.

use super::*;

/// The shipped parameter file.
#[rustfmt::skip]
pub(super) fn spec() -> Spec {
    Spec {
        id: String::from("synthetic-v1"),
        about: String::from("SYNTHETIC registrants, never NAV data. Parameters of the generative model described step by step in docs/synthetic-cohort.md (after the team's cohort recipe; where it departs from the recipe text, and why, is documented there), calibrated so that ages 30-59 under ruleset 2018-10 reproduce the published shares of report Tabell 3 and 5. Wage levels are multiples of the grunnbeløp G (yearly G; a month's wage is round(level x G in force / 12))."),
        registration_years: YearRange {
            first: 2018,
            last: 2024,
        },
        ages: AgeBand {
            min: 30,
            max: 59,
        },
        wide_ages: AgeBand {
            min: 18,
            max: 66,
        },
        ruleset: String::from("2018-10"),
        wage_levels: WageLevels {
            full_time: FullTime {
                base: 3.3,
                exponential_mean: 1.2,
                monthly_factor: Range {
                    min: 0.97,
                    max: 1.08,
                },
                floor: 3.15,
            },
            part_time: Range {
                min: 1.2,
                max: 2.8,
            },
            low: Range {
                min: 0.1,
                max: 0.9,
            },
        },
        situations: SituationTable {
            mistet_jobben: SituationParams {
                alpha: 1.6,
                beta: 0.0,
                prospect_shift: 0.0,
            },
            har_sagt_opp: SituationParams {
                alpha: 0.0,
                beta: 0.2,
                prospect_shift: 0.096,
            },
            deltidsjobb_vil_mer: SituationParams {
                alpha: -0.1,
                beta: -0.2,
                prospect_shift: -0.192,
            },
            aldri_hatt_jobb: SituationParams {
                alpha: -1.6,
                beta: -1.5,
                prospect_shift: -0.962,
            },
            vil_bytte_jobb: SituationParams {
                alpha: -0.2,
                beta: 0.6,
                prospect_shift: 0.77,
            },
            jobb_over_2_aar: SituationParams {
                alpha: 0.2,
                beta: -1.2,
                prospect_shift: -0.962,
            },
            er_permittert: SituationParams {
                alpha: 0.1,
                beta: 0.3,
                prospect_shift: 0.962,
            },
            usikker_jobbsituasjon: SituationParams {
                alpha: 0.5,
                beta: -0.5,
                prospect_shift: -0.481,
            },
            akkurat_fullfort_utdanning: SituationParams {
                alpha: -0.6,
                beta: -0.3,
                prospect_shift: 0.0,
            },
            vil_fortsette_i_jobb: SituationParams {
                alpha: -0.2,
                beta: 0.4,
                prospect_shift: 0.77,
            },
        },
        history: History {
            spell_mean_log: LinearZ {
                intercept: 2.645,
                z: 0.6,
            },
            spell_full_time_logit: LinearZ {
                intercept: 1.2,
                z: 0.9,
            },
            gap_mean_log: LinearZ {
                intercept: 1.231,
                z: -0.7,
            },
            gap_low_wage: 0.2,
            lost_job_paid_in_registration_month: 0.4,
            lost_job_gap_mean: 1.5,
            no_job_two_years_min_gap: 25,
            finished_education_min_gap: 6,
            finished_education_gap_mean: 12.0,
            finished_education_gap_low_wage: 0.35,
            unsure_in_spell: 0.3,
        },
        prospects: Prospects {
            z: 0.724,
            noise: 0.85,
        },
        after_registration: AfterRegistration {
            hire_logit: LinearU {
                intercept: -1.78,
                u: 1.15,
            },
            hire_full_time_logit: LinearU {
                intercept: 0.0,
                u: 0.946,
            },
            lose_job_logit: LinearU {
                intercept: -2.367,
                u: -0.904,
            },
            part_time_to_full_time: 0.04,
            low_wage_when_out: 0.2,
            never_hired: 0.04,
        },
        education: EducationParams {
            z: 0.5,
            born_abroad: -0.6,
            cuts: [
                -2.3,
                -1.0,
                -0.6,
                0.3,
                1.2,
            ],
            approved: ApprovedByOrigin {
                native: ApprovedShares {
                    ja: 0.95,
                    nei: 0.025,
                    vet_ikke: 0.025,
                },
                born_abroad: ApprovedShares {
                    ja: 0.55,
                    nei: 0.225,
                    vet_ikke: 0.225,
                },
            },
            passed: PassedShares {
                ja: 0.95,
                nei: 0.05,
            },
        },
        obstacles: Obstacles {
            health_logit: ObstacleLogit {
                intercept: -2.346,
                u: -0.722,
                born_abroad: 0.0,
            },
            other_logit: ObstacleLogit {
                intercept: -3.2,
                u: -0.5,
                born_abroad: 1.3,
            },
        },
        counsellor: Counsellor {
            standard_when_profiled_standard: 0.95,
            otherwise_logit: CounsellorLogit {
                intercept: 0.33,
                u: 0.0,
                u_without_shock: 1.0,
                noise: 1.2,
                obstacle: -2.0,
            },
        },
        shares: Shares {
            born_abroad: 0.25,
            single_parent: 0.08,
            digital_reservation: 0.03,
            sensitive: 0.01,
            gender: GenderShares {
                female: 0.5,
                male: 0.5,
            },
        },
    }
}
