//! Evaluating a routing method on a cohort whose outcomes are known: the
//! report's Tabell 5/8-style tables, accuracy against the method's target,
//! differences per month, AUC, Brier score, calibration and group metrics.
//!
//! **Selected** means routed to NOE for a policy, or given "standard" for
//! the rule-tree profile and the counsellors' 14a decisions (Tabell 5).
//!
//! **Accuracy** is binary accuracy against the method's target, as the
//! report computes it (digest §5): for target `STABLE_WORK` (the rule tree,
//! variant A) `selected ∧ stable + not selected ∧ not stable`; for
//! `WITHOUT_WORK` (variant B) and `NOT_WITHOUT_WORK` (the counsellors)
//! `selected ∧ not without + not selected ∧ without`.
//!
//! For a model, the cohort is scored and sorted **once** ([`Ranking`]):
//! rows eligible for NOE (inside the age band, no override) in the order a
//! cut-off fills NOE, ties broken by row order. Any cut-off or share then
//! selects a prefix, found by binary search, and the tables come from
//! prefix counts — no re-scoring.

use crate::cohort::{Cohort, CohortRow};
use crate::domain::outcome::Outcome;
use crate::error::{Error, ErrorKind, Num, Result};
use crate::model::{Model, ModelInput, Scorer, Target};
use crate::routing::catalog::Catalog;
use crate::routing::decide::RoutingFacts;
use crate::routing::noe_rule::model_selects_noe;
use crate::routing::policy::{Method, Policy};
use crate::rules::ruletree::{Group, Ruleset};
use crate::vocab::vocabulary;
use serde::Serialize;

/// The report's typical monthly volume of registrants aged 30–59.
pub const DEFAULT_MONTHLY_VOLUME: f64 = 9000.0;

vocabulary! {
    /// Columns that group metrics can be broken down by.
    pub enum GroupColumn {
        /// Gender.
        Gender = "gender",
        /// Born abroad.
        BornAbroad = "bornAbroad",
        /// Age band (18–29, 30–39, 40–49, 50–59, 60–66, 67+).
        AgeBand = "ageBand",
        /// Registration reason.
        Situation = "situation",
        /// Education.
        Education = "education",
    }
}

/// Most values a group column has (the ten registration reasons).
const SLOTS: usize = 10;

const AGE_BANDS: [&str; 6] = ["18–29", "30–39", "40–49", "50–59", "60–66", "67+"];

impl GroupColumn {
    /// The row's value in this column (`UNKNOWN` where the cohort lacks it).
    pub fn value(self, row: &CohortRow) -> &'static str {
        self.label(self.slot(row))
    }

    /// The value as a slot number below [`SLOTS`].
    fn slot(self, row: &CohortRow) -> usize {
        match self {
            GroupColumn::Gender => row.gender.map_or(2, |g| g.index()),
            GroupColumn::BornAbroad => row.born_abroad.map_or(2, usize::from),
            GroupColumn::AgeBand => match row.age {
                0..=29 => 0,
                30..=39 => 1,
                40..=49 => 2,
                50..=59 => 3,
                60..=66 => 4,
                _ => 5,
            },
            GroupColumn::Situation => row.situation.index(),
            GroupColumn::Education => row.education.index(),
        }
    }

    /// The value of a slot.
    fn label(self, slot: usize) -> &'static str {
        match self {
            GroupColumn::Gender => crate::cohort::Gender::ALL
                .get(slot)
                .map_or("UNKNOWN", |g| g.as_str()),
            GroupColumn::BornAbroad => ["false", "true"].get(slot).copied().unwrap_or("UNKNOWN"),
            GroupColumn::AgeBand => AGE_BANDS.get(slot).copied().unwrap_or("67+"),
            GroupColumn::Situation => crate::domain::form::Situation::ALL
                .get(slot)
                .map_or("UNKNOWN", |s| s.as_str()),
            GroupColumn::Education => crate::domain::form::Education::ALL
                .get(slot)
                .map_or("UNKNOWN", |e| e.as_str()),
        }
    }
}

/// A count with its share of the cohort and its size per month.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Cell {
    /// Rows.
    pub count: u64,
    /// Share of all rows.
    pub share: f64,
    /// `share × monthlyVolume`.
    pub per_month: f64,
}

/// One line of the outcome × selection table.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct OutcomeLine {
    /// `STABLE_WORK`, `IN_AND_OUT`, `WITHOUT_WORK` or `TOTAL`.
    #[cfg_attr(test, ts(type = "Outcome | \"TOTAL\""))]
    pub outcome: &'static str,
    /// Everyone with this outcome.
    pub total: Cell,
    /// Selected (NOE / standard).
    pub selected: Cell,
    /// Not selected (local office / not standard).
    pub not_selected: Cell,
}

/// Selection rate and error rates within one group.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct GroupMetrics {
    /// Column.
    pub column: GroupColumn,
    /// Value.
    pub value: &'static str,
    /// Rows.
    pub count: u64,
    /// Share selected.
    pub selection_rate: f64,
    /// Binary accuracy against the method's target within the group.
    pub accuracy: f64,
    /// Selected among those whose outcome belongs in NOE (by the target).
    pub tpr: Option<f64>,
    /// Selected among those whose outcome does not.
    pub fpr: Option<f64>,
    /// Outcome belongs in NOE among the selected.
    pub precision: Option<f64>,
}

/// One bin of a calibration table.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct CalibrationBin {
    /// Lower edge of predicted probability.
    pub from: f64,
    /// Upper edge.
    pub to: f64,
    /// Rows.
    pub count: u64,
    /// Mean predicted probability.
    pub mean_predicted: f64,
    /// Observed event rate.
    pub observed: f64,
}

/// How well a model's probabilities fit the cohort.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ModelMetrics {
    /// Area under the ROC curve.
    pub auc: f64,
    /// Mean squared error of the probability.
    pub brier: f64,
    /// Ten equal-width bins of predicted probability.
    pub calibration: Vec<CalibrationBin>,
}

/// The evaluation of one method on one cohort.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(optional_fields))]
pub struct Evaluation {
    /// What was evaluated, for humans.
    pub label: String,
    /// `RULE_TREE_GROUP`, `COUNSELLOR`, `RULE_TREE` or `MODEL`.
    #[cfg_attr(
        test,
        ts(type = "\"RULE_TREE_GROUP\" | \"COUNSELLOR\" | \"RULE_TREE\" | \"MODEL\"")
    )]
    pub method: &'static str,
    /// `NOE` for policies, `STANDARD` for the profile and the 14a decisions.
    #[cfg_attr(test, ts(type = "\"NOE\" | \"STANDARD\""))]
    pub selected_means: &'static str,
    /// Whether the cohort is synthetic.
    pub synthetic: bool,
    /// The cohort.
    pub cohort: String,
    /// Rows.
    pub rows: u64,
    /// Registrants per month the per-month columns are scaled to.
    pub monthly_volume: f64,
    /// What accuracy is measured against.
    pub target: Target,
    /// Binary accuracy against the target.
    pub accuracy: f64,
    /// Everyone selected.
    pub selected: Cell,
    /// Outcome × selection, plus a TOTAL line.
    pub table: Vec<OutcomeLine>,
    /// MODEL: the probability cut-off.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cutoff: Option<f64>,
    /// MODEL: the share of the cohort asked for, when selection was by share.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub share: Option<f64>,
    /// MODEL: AUC, Brier and calibration on this cohort.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub model_metrics: Option<ModelMetrics>,
    /// Group metrics per value of each group column.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(test, ts(as = "Option<_>", optional))]
    pub groups: Vec<GroupMetrics>,
}

/// The difference of two evaluations, per month.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Difference {
    /// The evaluation compared.
    pub of: String,
    /// The evaluation compared with.
    pub versus: String,
    /// Selected per month, `of − versus`, per outcome and in total (rounded to whole people).
    pub selected_per_month: Vec<(String, f64)>,
    /// The same as a sentence ("+310 stable, −210 without per month").
    pub text: String,
}

fn cell(count: u64, n: u64, volume: f64) -> Cell {
    let share = if n > 0 { count as f64 / n as f64 } else { 0.0 };
    Cell {
        count,
        share,
        per_month: share * volume,
    }
}

/// Whether a row's outcome belongs on the selected side under `target`.
pub(crate) fn belongs_selected(target: Target, outcome: Outcome) -> bool {
    match target {
        Target::StableWork => outcome == Outcome::StableWork,
        Target::WithoutWork | Target::NotWithoutWork => outcome != Outcome::WithoutWork,
    }
}

struct Frame<'a> {
    label: String,
    method: &'static str,
    selected_means: &'static str,
    cohort: &'a Cohort,
    target: Target,
    volume: f64,
}

fn build(frame: &Frame<'_>, totals: [u64; 3], selected: [u64; 3]) -> Evaluation {
    let n = frame.cohort.rows.len() as u64;
    let v = frame.volume;
    let mut table = Vec::with_capacity(4);
    let mut good = 0;
    for o in Outcome::ALL {
        let i = o.index();
        let sel = selected[i];
        let not = totals[i] - sel;
        good += if belongs_selected(frame.target, *o) {
            sel
        } else {
            not
        };
        table.push(OutcomeLine {
            outcome: o.as_str(),
            total: cell(totals[i], n, v),
            selected: cell(sel, n, v),
            not_selected: cell(not, n, v),
        });
    }
    let sel_total: u64 = selected.iter().sum();
    table.push(OutcomeLine {
        outcome: "TOTAL",
        total: cell(n, n, v),
        selected: cell(sel_total, n, v),
        not_selected: cell(n - sel_total, n, v),
    });
    Evaluation {
        label: frame.label.clone(),
        method: frame.method,
        selected_means: frame.selected_means,
        synthetic: frame.cohort.synthetic,
        cohort: frame.cohort.source.clone(),
        rows: n,
        monthly_volume: v,
        target: frame.target,
        accuracy: if n > 0 {
            good as f64 / n as f64
        } else {
            f64::NAN
        },
        selected: cell(sel_total, n, v),
        table,
        cutoff: None,
        share: None,
        model_metrics: None,
        groups: Vec::new(),
    }
}

fn totals(cohort: &Cohort) -> [u64; 3] {
    let mut t = [0; 3];
    for r in &cohort.rows {
        t[r.outcome.index()] += 1;
    }
    t
}

fn group_metrics(
    cohort: &Cohort,
    target: Target,
    selected: &[bool],
    columns: &[GroupColumn],
) -> Vec<GroupMetrics> {
    // One pass over the rows for all columns; each value is a small slot
    // number, so counting is array arithmetic (this runs on every slider
    // move in a page): one count per row and column, of the row's kind
    // (selected or not × belongs selected or not), summed afterwards into
    // `[rows, selected, good, selected ∧ good]` per slot.
    let mut kinds = vec![[[0u64; 4]; SLOTS]; columns.len()];
    for (row, &sel) in cohort.rows.iter().zip(selected) {
        let kind = 2 * usize::from(sel) + usize::from(belongs_selected(target, row.outcome));
        for (c, column) in kinds.iter_mut().zip(columns) {
            c[column.slot(row)][kind] += 1;
        }
    }
    let acc = kinds.iter().map(|c| {
        c.map(|[neither, good, sel, both]| {
            [neither + good + sel + both, sel + both, good + both, both]
        })
    });
    let mut out = Vec::new();
    for (c, &column) in acc.zip(columns) {
        let mut values: Vec<(&'static str, [u64; 4])> = c
            .iter()
            .enumerate()
            .filter(|(_, v)| v[0] > 0)
            .map(|(slot, v)| (column.label(slot), *v))
            .collect();
        values.sort_by(|a, b| a.0.cmp(b.0));
        for (value, [n, sel, good, tp]) in values {
            let ratio = |a: u64, b: u64| (b > 0).then(|| a as f64 / b as f64);
            out.push(GroupMetrics {
                column,
                value,
                count: n,
                selection_rate: sel as f64 / n as f64,
                // Right: selected and belonging there (tp), or not selected
                // and not belonging there (n − good − (sel − tp)).
                accuracy: (tp + (n - good) - (sel - tp)) as f64 / n as f64,
                tpr: ratio(tp, good),
                fpr: ratio(sel - tp, n - good),
                precision: ratio(tp, sel),
            });
        }
    }
    out
}

/// The ruleset a cohort's group column was computed with.
fn cohort_ruleset<'a>(cohort: &Cohort, catalog: &'a Catalog) -> Result<&'a Ruleset> {
    catalog
        .ruleset(&cohort.ruleset)
        .map_err(|e| e.at("cohort.ruleset"))
}

fn facts(row: &CohortRow) -> RoutingFacts {
    RoutingFacts {
        age: u32::from(row.age),
        health_obstacles: row.health_obstacles,
        other_obstacles: row.other_obstacles,
        single_parent: row.single_parent,
        digital_reservation: row.digital_reservation,
        sensitive: row.sensitive,
    }
}

/// The model inputs of a cohort row.
pub fn row_input(row: &CohortRow) -> ModelInput {
    ModelInput {
        situation: row.situation,
        education: row.education,
        months_since_above_3g: row.months_since_above_3g.map(u32::from),
        months_above_3g_last_24: u32::from(row.months_above_3g_last_24),
    }
}

/// What to evaluate without a model: the rule-tree profile, the counsellor
/// decisions or a rule-tree policy.
#[derive(Debug, Clone, Copy)]
pub enum Fixed<'a> {
    /// Profiled "assumed quick return" (standard) by the rule tree (Tabell 5).
    RuleTreeGroup,
    /// A standard 14a decision by the counsellor (Tabell 5).
    Counsellor,
    /// Routed to NOE by a RULE_TREE policy.
    Policy(&'a Policy),
}

/// Evaluates a method that needs no scores.
///
/// # Errors
/// `INSUFFICIENT_DATA` for an empty cohort or (counsellor) rows without a
/// 14a decision; `INVALID_VALUE` for a MODEL policy (use [`Ranking`]) or a
/// policy whose ruleset differs from the one the cohort's groups were
/// computed with.
pub fn evaluate_fixed(
    cohort: &Cohort,
    what: Fixed<'_>,
    catalog: &Catalog,
    volume: f64,
    columns: &[GroupColumn],
) -> Result<Evaluation> {
    check_common(cohort, volume)?;
    let (label, method, means, target, selected): (String, _, _, _, Vec<bool>) = match what {
        Fixed::RuleTreeGroup => (
            format!("rule tree {} (profiled standard)", cohort.ruleset),
            "RULE_TREE_GROUP",
            "STANDARD",
            Target::StableWork,
            cohort
                .rows
                .iter()
                .map(|r| r.group == Group::AntattGodeMuligheter)
                .collect(),
        ),
        Fixed::Counsellor => {
            let sel = cohort
                .rows
                .iter()
                .enumerate()
                .map(|(i, r)| {
                    r.counsellor_standard.ok_or_else(|| {
                        Error::new(
                            ErrorKind::InsufficientData,
                            format!("rows[{i}].counsellorStandard"),
                            "the cohort has no counsellor decision for this row",
                        )
                    })
                })
                .collect::<Result<Vec<bool>>>()?;
            (
                "counsellors' 14a decision (standard)".to_string(),
                "COUNSELLOR",
                "STANDARD",
                Target::NotWithoutWork,
                sel,
            )
        }
        Fixed::Policy(policy) => {
            if policy.method != Method::RuleTree {
                return Err(Error::new(
                    ErrorKind::InvalidValue,
                    "policy.method",
                    "a MODEL policy is evaluated through a ranking of the cohort",
                ));
            }
            if policy
                .ruleset
                .as_deref()
                .is_some_and(|r| r != cohort.ruleset)
            {
                return Err(Error::new(
                    ErrorKind::InvalidValue,
                    "policy.ruleset",
                    format!(
                        "the cohort's groups were computed with ruleset {}",
                        cohort.ruleset
                    ),
                ));
            }
            let ruleset = cohort_ruleset(cohort, catalog)?;
            let sel = cohort
                .rows
                .iter()
                .map(|r| {
                    r.group == Group::AntattGodeMuligheter && !facts(r).blocked(policy, ruleset)
                })
                .collect();
            (
                format!("policy {}", policy.id),
                "RULE_TREE",
                "NOE",
                Target::StableWork,
                sel,
            )
        }
    };
    let mut counts = [0u64; 3];
    for (r, &s) in cohort.rows.iter().zip(&selected) {
        if s {
            counts[r.outcome.index()] += 1;
        }
    }
    let frame = Frame {
        label,
        method,
        selected_means: means,
        cohort,
        target,
        volume,
    };
    let mut e = build(&frame, totals(cohort), counts);
    e.groups = group_metrics(cohort, target, &selected, columns);
    Ok(e)
}

fn check_common(cohort: &Cohort, volume: f64) -> Result<()> {
    if cohort.rows.is_empty() {
        return Err(Error::new(
            ErrorKind::InsufficientData,
            "cohort",
            "the cohort has no rows",
        ));
    }
    if !(volume.is_finite() && volume > 0.0) {
        return Err(Error::new(
            ErrorKind::OutOfRange,
            "monthlyVolume",
            format!("must be a positive number, got {}", Num(volume)),
        ));
    }
    Ok(())
}

/// A cohort scored and sorted once by a model under a policy's limits; any
/// cut-off or share is then evaluated from prefix counts.
#[derive(Debug, Clone)]
pub struct Ranking {
    label: String,
    target: Target,
    totals: [u64; 3],
    /// Eligible rows in NOE-filling order.
    order: Vec<u32>,
    /// Probability of each entry of `order`.
    probs: Vec<f64>,
    /// `prefix[k]` = outcome counts of the first k entries of `order`.
    prefix: Vec<[u32; 3]>,
    metrics: ModelMetrics,
}

impl Ranking {
    /// Scores and sorts `cohort` with `model` under the age band and
    /// overrides of `policy` (whose own cut-off and share are ignored here).
    ///
    /// # Errors
    /// `INSUFFICIENT_DATA` for an empty cohort or one whose outcomes are all
    /// of one class for the model's target; `NOT_FOUND` for the cohort's
    /// ruleset.
    pub fn new(
        cohort: &Cohort,
        model: &Model,
        policy: &Policy,
        catalog: &Catalog,
    ) -> Result<Ranking> {
        check_common(cohort, DEFAULT_MONTHLY_VOLUME)?;
        let ruleset = cohort_ruleset(cohort, catalog)?;
        let scorer = Scorer::new(model);
        let probs_all: Vec<f64> = cohort
            .rows
            .iter()
            .map(|r| scorer.probability(&row_input(r)))
            .collect();
        let events = cohort
            .rows
            .iter()
            .filter(|r| model.target.event(r.outcome))
            .count();
        if events == 0 || events == cohort.rows.len() {
            return Err(Error::new(
                ErrorKind::InsufficientData,
                "cohort",
                format!(
                    "every row is of one class for target {}: AUC and accuracy are undefined",
                    model.target
                ),
            ));
        }
        let mut order: Vec<u32> = (0..cohort.rows.len() as u32)
            .filter(|&i| !facts(&cohort.rows[i as usize]).blocked(policy, ruleset))
            .collect();
        let high_first = model.target.noe_holds_events();
        // Stable: rows tied on probability stay in row order.
        order.sort_by(|&a, &b| {
            let (pa, pb) = (probs_all[a as usize], probs_all[b as usize]);
            if high_first {
                pb.total_cmp(&pa)
            } else {
                pa.total_cmp(&pb)
            }
        });
        let probs: Vec<f64> = order.iter().map(|&i| probs_all[i as usize]).collect();
        let mut prefix = Vec::with_capacity(order.len() + 1);
        let mut acc = [0u32; 3];
        prefix.push(acc);
        for &i in &order {
            acc[cohort.rows[i as usize].outcome.index()] += 1;
            prefix.push(acc);
        }
        Ok(Ranking {
            label: format!("model {} under policy {}", model.id, policy.id),
            target: model.target,
            totals: totals(cohort),
            order,
            probs,
            prefix,
            metrics: model_metrics(cohort, model.target, &probs_all),
        })
    }

    /// Rows eligible for NOE.
    pub fn eligible(&self) -> usize {
        self.order.len()
    }

    /// What the ranking's model predicts (and accuracy is measured against).
    pub fn target(&self) -> Target {
        self.target
    }

    /// Rows of each outcome in the whole cohort, in [`Outcome::ALL`] order.
    pub fn totals(&self) -> [u64; 3] {
        self.totals
    }

    /// `model … under policy …`, for humans.
    pub fn label(&self) -> &str {
        &self.label
    }

    /// The probability of the `k`-th row sent to NOE (the cut-off that sends
    /// the first `k`), or `None` for `k = 0` or past the eligible rows.
    pub fn cutoff_at(&self, k: usize) -> Option<f64> {
        k.checked_sub(1).and_then(|i| self.probs.get(i).copied())
    }

    /// AUC, Brier score and calibration of the model on the whole cohort.
    pub fn metrics(&self) -> &ModelMetrics {
        &self.metrics
    }

    /// How many eligible rows a cut-off sends to NOE (binary search).
    pub fn count_for_cutoff(&self, cutoff: f64) -> usize {
        let target = self.target;
        self.probs
            .partition_point(|&p| model_selects_noe(target, p, cutoff))
    }

    /// How many rows a share of the whole cohort is.
    ///
    /// # Errors
    /// `OUT_OF_RANGE` (path `share`) outside (0, 1] or above the eligible share.
    pub fn count_for_share(&self, share: f64) -> Result<usize> {
        let n = self.totals.iter().sum::<u64>() as f64;
        if !(share.is_finite() && share > 0.0 && share <= 1.0) {
            return Err(Error::new(
                ErrorKind::OutOfRange,
                "share",
                format!(
                    "a share of the cohort must lie in (0, 1], got {}",
                    Num(share)
                ),
            ));
        }
        let k = libm::round(share * n) as usize;
        if k > self.order.len() {
            return Err(Error::new(
                ErrorKind::OutOfRange,
                "share",
                format!(
                    "at most {} % of this cohort can go to NOE under the policy's age band and overrides; asked for {} %",
                    libm::round(1000.0 * self.order.len() as f64 / n) / 10.0,
                    libm::round(1000.0 * share) / 10.0
                ),
            ));
        }
        Ok(k)
    }

    /// The probability cut-off that sends `share` of the cohort to NOE: the
    /// probability of the last row selected (rows tied with it are split by
    /// row order).
    ///
    /// # Errors
    /// As [`Ranking::count_for_share`].
    pub fn threshold_for_share(&self, share: f64) -> Result<f64> {
        let k = self.count_for_share(share)?;
        Ok(if k == 0 {
            self.probs.first().copied().unwrap_or(0.5)
        } else {
            self.probs[k - 1]
        })
    }

    /// Outcome counts of the first `k` eligible rows — the hot path of a
    /// slider move: O(1) after the binary search.
    pub fn selected_counts(&self, k: usize) -> [u64; 3] {
        let c = self.prefix[k.min(self.order.len())];
        [u64::from(c[0]), u64::from(c[1]), u64::from(c[2])]
    }

    /// The full evaluation with the first `k` eligible rows selected.
    /// Group metrics (one pass over the cohort) only for the `columns` asked.
    pub fn evaluate_count(
        &self,
        cohort: &Cohort,
        k: usize,
        volume: f64,
        columns: &[GroupColumn],
    ) -> Result<Evaluation> {
        check_common(cohort, volume)?;
        let k = k.min(self.order.len());
        let frame = Frame {
            label: self.label.clone(),
            method: "MODEL",
            selected_means: "NOE",
            cohort,
            target: self.target,
            volume,
        };
        let mut e = build(&frame, self.totals, self.selected_counts(k));
        e.cutoff = if k == 0 {
            None
        } else {
            Some(self.probs[k - 1])
        };
        e.model_metrics = Some(self.metrics.clone());
        if !columns.is_empty() {
            let mut selected = vec![false; cohort.rows.len()];
            for &i in &self.order[..k] {
                selected[i as usize] = true;
            }
            e.groups = group_metrics(cohort, self.target, &selected, columns);
        }
        Ok(e)
    }

    /// Evaluation at a probability cut-off.
    ///
    /// # Errors
    /// `OUT_OF_RANGE` (path `cutoff`) unless 0 < cut-off < 1.
    pub fn evaluate_cutoff(
        &self,
        cohort: &Cohort,
        cutoff: f64,
        volume: f64,
        columns: &[GroupColumn],
    ) -> Result<Evaluation> {
        if !(cutoff > 0.0 && cutoff < 1.0) {
            return Err(Error::new(
                ErrorKind::OutOfRange,
                "cutoff",
                format!(
                    "a probability cut-off must lie strictly between 0 and 1, got {}",
                    Num(cutoff)
                ),
            ));
        }
        let mut e = self.evaluate_count(cohort, self.count_for_cutoff(cutoff), volume, columns)?;
        e.cutoff = Some(cutoff);
        Ok(e)
    }

    /// Evaluation with a share of the cohort sent to NOE.
    ///
    /// # Errors
    /// As [`Ranking::count_for_share`].
    pub fn evaluate_share(
        &self,
        cohort: &Cohort,
        share: f64,
        volume: f64,
        columns: &[GroupColumn],
    ) -> Result<Evaluation> {
        let mut e = self.evaluate_count(cohort, self.count_for_share(share)?, volume, columns)?;
        e.share = Some(share);
        Ok(e)
    }
}

/// Binary accuracy against `target` with `selected` of each outcome
/// selected out of `totals` (both in [`Outcome::ALL`] order).
pub fn accuracy(target: Target, totals: [u64; 3], selected: [u64; 3]) -> f64 {
    let n: u64 = totals.iter().sum();
    if n == 0 {
        return f64::NAN;
    }
    let good: u64 = Outcome::ALL
        .iter()
        .map(|o| {
            let i = o.index();
            if belongs_selected(target, *o) {
                selected[i]
            } else {
                totals[i] - selected[i]
            }
        })
        .sum();
    good as f64 / n as f64
}

/// AUC, Brier score and ten calibration bins of `probs` (one per row of
/// `cohort`, in row order) against the events of `target`.
pub fn model_metrics(cohort: &Cohort, target: Target, probs: &[f64]) -> ModelMetrics {
    let mut scored: Vec<(f64, f64, f64)> = cohort
        .rows
        .iter()
        .zip(probs)
        .map(|(r, &p)| (p, 1.0, f64::from(u8::from(target.event(r.outcome)))))
        .collect();
    let mut bins = vec![(0u64, 0.0f64, 0.0f64); 10];
    for &(p, _, y) in &scored {
        let b = ((p * 10.0) as usize).min(9);
        bins[b].0 += 1;
        bins[b].1 += p;
        bins[b].2 += y;
    }
    let (auc, brier) = crate::fit::auc_brier(&mut scored);
    ModelMetrics {
        auc,
        brier,
        calibration: bins
            .into_iter()
            .enumerate()
            .filter(|(_, b)| b.0 > 0)
            .map(|(i, (n, sp, sy))| CalibrationBin {
                from: i as f64 / 10.0,
                to: (i + 1) as f64 / 10.0,
                count: n,
                mean_predicted: sp / n as f64,
                observed: sy / n as f64,
            })
            .collect(),
    }
}

/// `of − versus`, per month (design: "+310 stable, −210 without per month").
pub fn difference(of: &Evaluation, versus: &Evaluation) -> Difference {
    let mut per_month = Vec::new();
    let mut parts = Vec::new();
    for (a, b) in of.table.iter().zip(&versus.table) {
        let d = libm::round(a.selected.per_month - b.selected.per_month);
        per_month.push((a.outcome.to_string(), d));
        let word = match a.outcome {
            "STABLE_WORK" => "stable",
            "IN_AND_OUT" => "in and out",
            "WITHOUT_WORK" => "without",
            _ => "in all",
        };
        let sign = if d >= 0.0 { "+" } else { "−" };
        parts.push(format!("{sign}{} {word}", d.abs()));
    }
    Difference {
        of: of.label.clone(),
        versus: versus.label.clone(),
        selected_per_month: per_month,
        text: format!(
            "{} per month to {}",
            parts.join(", "),
            if of.selected_means == "NOE" {
                "NOE"
            } else {
                "the selected side"
            }
        ),
    }
}
