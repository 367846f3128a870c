//! The shipped proposal models and policies, and how they are made: the
//! report's model (registration reason and the two wage inputs) fitted by
//! [`crate::fit`] on the default synthetic cohort (seed 1, 100 000 rows),
//! and cut-offs that send the report's volumes to NOE (variant A: 37 %,
//! variant B: 48 %).
//!
//! `make models` rewrites `pkg-config/models/variant-{a,b}.json` and
//! `pkg-config/policies/variant-{a,b}.json` from this code; a test refits
//! them and fails if the shipped files differ.
//!
//! **They were fitted on synthetic data** and must be refitted on real data
//! before any use beyond demonstration.

use crate::cohort::evaluate::Ranking;
use crate::cohort::session::CohortSession;
use crate::cohort::Cohort;
use crate::error::Result;
use crate::fit::FitSpec;
use crate::model::{Model, Target};
use crate::routing::catalog::Catalog;
use crate::routing::policy::{Override, Policy, PolicyStatus};
use crate::rules::ruletree::AgeBand;

/// Seed of the default synthetic cohort.
pub const DEFAULT_SEED: u64 = 1;
/// Rows of the default synthetic cohort.
pub const DEFAULT_SIZE: usize = 100_000;
/// Variant A's share to NOE (the same volume as today, report Tabell 8).
pub const VARIANT_A_SHARE: f64 = 0.37;
/// Variant B's share to NOE (report Tabell 8).
pub const VARIANT_B_SHARE: f64 = 0.48;

/// The default synthetic cohort.
///
/// # Errors
/// Errors of [`Cohort::synthetic`] (none for the shipped parameters).
pub fn default_cohort() -> Result<Cohort> {
    Cohort::synthetic(DEFAULT_SEED, DEFAULT_SIZE)
}

/// The fitting spec of a variant.
pub fn spec(id: &str, target: Target) -> FitSpec {
    let mut s = FitSpec::report_model(id, target);
    s.description = match target {
        Target::StableWork => "Variant A (report 4.4): P(stable work in the 12 months after registration) from the registration reason and the two wage inputs. Fitted on SYNTHETIC data: refit on real data before use.".to_string(),
        _ => "Variant B (report 4.4): P(without work in the 12 months after registration) from the registration reason and the two wage inputs. Fitted on SYNTHETIC data: refit on real data before use.".to_string(),
    };
    s
}

/// A proposal policy for a model: the report's overrides (health or other
/// obstacles, single parents; plus digital reservation and sensitive
/// persons as in today's routing), NOE's age band 30–59, and `share`.
pub fn proposal_policy(
    id: &str,
    model: &str,
    share: f64,
    cutoff: Option<f64>,
    source: &str,
) -> Policy {
    Policy {
        id: id.to_string(),
        // The report's date (March 2025); a proposal is never chosen by date.
        valid_from: crate::domain::calendar::Date::from_days_since_epoch(20_148),
        status: PolicyStatus::Proposal,
        method: crate::routing::policy::Method::Model,
        ruleset: None,
        noe_age: AgeBand { min: 30, max: 59 },
        to_local_office: vec![
            Override::HealthObstacles,
            Override::OtherObstacles,
            Override::SingleParent,
            Override::DigitalReservation,
            Override::Sensitive,
        ],
        source: source.to_string(),
        model: Some(model.to_string()),
        cutoff,
        share: Some(share),
    }
}

/// The shipped proposals, refitted.
#[derive(Debug, Clone, PartialEq)]
pub struct Defaults {
    /// `variant-a`, `variant-b`.
    pub models: Vec<Model>,
    /// `variant-a`, `variant-b` (policies with the same ids).
    pub policies: Vec<Policy>,
}

/// Fits variants A and B on `cohort` and resolves their shares to cut-offs.
///
/// # Errors
/// Errors of the fit and of the ranking.
pub fn fit_defaults(cohort: &Cohort) -> Result<Defaults> {
    let session = CohortSession::new(cohort.clone());
    let mut models = Vec::new();
    let mut policies = Vec::new();
    for (id, target, share, what) in [
        (
            "variant-a",
            Target::StableWork,
            VARIANT_A_SHARE,
            "the top of P(stable work)",
        ),
        (
            "variant-b",
            Target::WithoutWork,
            VARIANT_B_SHARE,
            "everyone except the top of P(without work)",
        ),
    ] {
        let model = session.fit_spec(&spec(id, target))?.model;
        let catalog = Catalog::shipped().with_model(model.clone());
        let source = format!(
            "Report section 4.4, Tabell 8: variant {} sends {what} to NOE, {:.0} % of registrants aged 30–59; people with health or other obstacles and single parents go to the local office (section 4.1), as do those reserved against digital communication and sensitive persons (today's routing). The cut-off sends {:.0} % of the default SYNTHETIC cohort ({}) to NOE; recompute it on real data.",
            if target == Target::StableWork { "A" } else { "B" },
            share * 100.0,
            share * 100.0,
            cohort.source
        );
        let mut policy = proposal_policy(id, id, share, None, &source);
        let ranking = Ranking::new(cohort, &model, &policy, &catalog)?;
        policy.cutoff = Some(ranking.threshold_for_share(share)?);
        models.push(model);
        policies.push(policy);
    }
    Ok(Defaults { models, policies })
}

/// A model or policy file as shipped: pretty JSON and a final newline.
///
/// # Errors
/// Serialization errors (none for these types).
pub fn file_text<T: serde::Serialize>(value: &T) -> Result<String> {
    Ok(crate::wire::to_string_pretty(value) + "\n")
}
