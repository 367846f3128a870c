//! Curves: a model's accuracy and the outcomes of those sent to NOE as the
//! share sent goes from 0 to 100 % (as far as the policy's age band and
//! overrides let it), with the rule tree's profile as one point — the
//! analyst's picture of Tabell 8 and Figur 5 at every volume.
//!
//! Every point comes from the ranking's prefix counts ([`Ranking`]): a curve
//! of 101 points costs 101 look-ups after the one sort.

use crate::cohort::evaluate::{accuracy, Ranking};
use crate::cohort::Cohort;
use crate::domain::outcome::Outcome;
use crate::model::Target;
use crate::rules::ruletree::Group;
use serde::Serialize;

/// Default points of a curve after the first (share 0): steps of 1 %.
pub const DEFAULT_STEPS: u32 = 100;
/// Most steps a curve may have.
pub const MAX_STEPS: u32 = 1000;

/// One point of a curve: a share sent to NOE (or profiled standard, for the
/// rule tree) and what it gives.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(optional_fields))]
pub struct CurvePoint {
    /// Share of the whole cohort selected.
    pub share: f64,
    /// Rows selected.
    pub count: u64,
    /// MODEL: the probability of the last row selected (absent at share 0
    /// and for the rule tree).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cutoff: Option<f64>,
    /// Binary accuracy against the curve's target.
    pub accuracy: f64,
    /// Of those selected, the share in stable work (0 when none is selected).
    pub stable_work: f64,
    /// Of those selected, the share in and out of work.
    pub in_and_out: f64,
    /// Of those selected, the share without work.
    pub without_work: f64,
}

impl CurvePoint {
    fn new(
        target: Target,
        totals: [u64; 3],
        selected: [u64; 3],
        cutoff: Option<f64>,
    ) -> CurvePoint {
        let n: u64 = totals.iter().sum();
        let count: u64 = selected.iter().sum();
        let of = |o: Outcome| {
            if count == 0 {
                0.0
            } else {
                selected[o.index()] as f64 / count as f64
            }
        };
        CurvePoint {
            share: if n == 0 { 0.0 } else { count as f64 / n as f64 },
            count,
            cutoff,
            accuracy: accuracy(target, totals, selected),
            stable_work: of(Outcome::StableWork),
            in_and_out: of(Outcome::InAndOut),
            without_work: of(Outcome::WithoutWork),
        }
    }
}

/// A model's curve under a policy, with the rule tree's point.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Curve {
    /// What was evaluated, for humans.
    pub label: String,
    /// What the model predicts; every `accuracy` of the curve, the rule
    /// tree's point included, is measured against it.
    pub target: Target,
    /// Whether the cohort is synthetic.
    pub synthetic: bool,
    /// The cohort.
    pub cohort: String,
    /// Rows.
    pub rows: u64,
    /// The largest share the policy's age band and overrides let go to NOE;
    /// the curve ends there.
    pub eligible_share: f64,
    /// Shares 0, 1/steps, 2/steps, … up to `eligibleShare` (the last point
    /// is at `eligibleShare` exactly).
    pub points: Vec<CurvePoint>,
    /// The rule tree's profile: "standard" (ANTATT_GODE_MULIGHETER) as
    /// selected, under the cohort's ruleset.
    pub rule_tree: CurvePoint,
    /// The rule tree's accuracy against its own target, stable work (as in
    /// Tabell 5 and 8; equal to `ruleTree.accuracy` when the curve's target
    /// is stable work).
    pub rule_tree_own_accuracy: f64,
}

/// The curve of `ranking` on `cohort` in `steps` steps of share.
pub fn curve(cohort: &Cohort, ranking: &Ranking, steps: u32) -> Curve {
    let totals = ranking.totals();
    let n: u64 = totals.iter().sum();
    let target = ranking.target();
    let eligible = ranking.eligible();
    let mut points = Vec::with_capacity(steps as usize + 2);
    let mut last = None;
    for i in 0..=steps {
        let k = libm::round(f64::from(i) / f64::from(steps) * n as f64) as usize;
        if k > eligible {
            break;
        }
        points.push(CurvePoint::new(
            target,
            totals,
            ranking.selected_counts(k),
            ranking.cutoff_at(k),
        ));
        last = Some(k);
    }
    if last != Some(eligible) {
        points.push(CurvePoint::new(
            target,
            totals,
            ranking.selected_counts(eligible),
            ranking.cutoff_at(eligible),
        ));
    }
    let mut standard = [0u64; 3];
    for r in &cohort.rows {
        if r.group == Group::AntattGodeMuligheter {
            standard[r.outcome.index()] += 1;
        }
    }
    Curve {
        label: ranking.label().to_string(),
        target,
        synthetic: cohort.synthetic,
        cohort: cohort.source.clone(),
        rows: n,
        eligible_share: if n == 0 {
            0.0
        } else {
            eligible as f64 / n as f64
        },
        points,
        rule_tree: CurvePoint::new(target, totals, standard, None),
        rule_tree_own_accuracy: accuracy(Target::StableWork, totals, standard),
    }
}
