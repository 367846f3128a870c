//! Fairness by group: for each group column present in the cohort (gender,
//! born abroad, age band, education, situation), each group's share sent to
//! NOE (selected), accuracy, true- and false-positive rates, and its ratio
//! to the best-served group of its column, with large gaps named.
//!
//! **Best-served** is per metric, among the groups of at least
//! `minGroupSize` rows with a known value (`UNKNOWN` is listed, never a
//! reference): the highest share selected, the highest accuracy, the
//! highest true-positive rate, the lowest false-positive rate. Ratios are
//! `value / best` for the first three (at most 1) and `fpr / lowest fpr`
//! for the false-positive rate (at least 1; absent when the lowest is 0).
//! A **large gap** is a ratio below 0.8 (the four-fifths rule), or a
//! false-positive ratio above 1.25 (its inverse), in a group of at least
//! `minGroupSize` rows.

use crate::cohort::evaluate::{Evaluation, GroupColumn, GroupMetrics};
use crate::model::Target;
use serde::Serialize;

/// Default smallest group that is compared (smaller ones are listed only).
pub const DEFAULT_MIN_GROUP_SIZE: u64 = 30;
/// A ratio below this is a large gap (the four-fifths rule).
pub const LARGE_GAP: f64 = 0.8;
/// A false-positive ratio above this is a large gap (1 / 0.8).
pub const LARGE_FPR_GAP: f64 = 1.25;

/// Metrics a ratio is taken of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub enum FairnessMetric {
    /// Share selected (sent to NOE).
    #[serde(rename = "selectionRate")]
    SelectionRate,
    /// Accuracy against the target.
    #[serde(rename = "accuracy")]
    Accuracy,
    /// True-positive rate.
    #[serde(rename = "tpr")]
    Tpr,
    /// False-positive rate.
    #[serde(rename = "fpr")]
    Fpr,
}

/// Ratios of a group's metrics to the best-served group's.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Ratios {
    /// Share selected / the highest share selected.
    pub selection_rate: Option<f64>,
    /// Accuracy / the highest accuracy.
    pub accuracy: Option<f64>,
    /// TPR / the highest TPR.
    pub tpr: Option<f64>,
    /// FPR / the lowest FPR (≥ 1).
    pub fpr: Option<f64>,
}

/// One group of one column.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct FairnessGroup {
    /// The group's value (`FEMALE`, `true`, `30–39`, `MISTET_JOBBEN`, `UNKNOWN`, …).
    pub value: &'static str,
    /// Rows.
    pub count: u64,
    /// Share selected (sent to NOE, or profiled/decided standard).
    pub selection_rate: f64,
    /// Binary accuracy against the target.
    pub accuracy: f64,
    /// Selected among those whose outcome belongs on the selected side
    /// (absent when the group has none).
    pub tpr: Option<f64>,
    /// Selected among those whose outcome does not (absent when none).
    pub fpr: Option<f64>,
    /// Ratios to the best-served group (absent for a group that is not compared).
    pub ratios: Ratios,
    /// Whether the group is compared (a known value, at least `minGroupSize` rows).
    pub compared: bool,
    /// The metrics with a large gap to the best-served group.
    pub large_gaps: Vec<FairnessMetric>,
}

/// The best value of each metric in a column, and which group has it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct BestServed {
    /// Highest share selected.
    pub selection_rate: Option<Best>,
    /// Highest accuracy.
    pub accuracy: Option<Best>,
    /// Highest TPR.
    pub tpr: Option<Best>,
    /// Lowest FPR.
    pub fpr: Option<Best>,
}

/// A best value and its group.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Best {
    /// The group.
    pub value: &'static str,
    /// Its metric.
    pub metric: f64,
}

/// One group column.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct FairnessColumn {
    /// The column.
    pub column: GroupColumn,
    /// The best-served group per metric.
    pub best: BestServed,
    /// Its groups, by value.
    pub groups: Vec<FairnessGroup>,
}

/// Fairness by group of one evaluation.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Fairness {
    /// What was evaluated, for humans.
    pub label: String,
    /// `RULE_TREE_GROUP`, `COUNSELLOR`, `RULE_TREE` or `MODEL`.
    #[cfg_attr(
        test,
        ts(type = "\"RULE_TREE_GROUP\" | \"COUNSELLOR\" | \"RULE_TREE\" | \"MODEL\"")
    )]
    pub method: &'static str,
    /// `NOE` or `STANDARD`: what "selected" means.
    #[cfg_attr(test, ts(type = "\"NOE\" | \"STANDARD\""))]
    pub selected_means: &'static str,
    /// What accuracy, TPR and FPR are measured against.
    pub target: Target,
    /// Whether the cohort is synthetic.
    pub synthetic: bool,
    /// The cohort.
    pub cohort: String,
    /// Rows.
    pub rows: u64,
    /// Groups smaller than this are listed, not compared.
    pub min_group_size: u64,
    /// The columns present in the cohort, in the order asked.
    pub columns: Vec<FairnessColumn>,
}

fn best_of(
    groups: &[&GroupMetrics],
    metric: impl Fn(&GroupMetrics) -> Option<f64>,
    lowest: bool,
) -> Option<Best> {
    groups
        .iter()
        .filter_map(|g| metric(g).map(|m| (g.value, m)))
        .reduce(|a, b| {
            let better = if lowest { b.1 < a.1 } else { b.1 > a.1 };
            if better {
                b
            } else {
                a
            }
        })
        .map(|(value, metric)| Best { value, metric })
}

/// The fairness tables of `evaluation`, whose `groups` were computed for
/// `columns` (columns a cohort does not have — every value `UNKNOWN` — are
/// left out).
pub fn fairness(evaluation: &Evaluation, columns: &[GroupColumn], min_group_size: u64) -> Fairness {
    let mut out = Vec::new();
    for &column in columns {
        let groups: Vec<&GroupMetrics> = evaluation
            .groups
            .iter()
            .filter(|g| g.column == column)
            .collect();
        if groups.iter().all(|g| g.value == "UNKNOWN") {
            continue;
        }
        let compared: Vec<&GroupMetrics> = groups
            .iter()
            .copied()
            .filter(|g| g.value != "UNKNOWN" && g.count >= min_group_size)
            .collect();
        let best = BestServed {
            selection_rate: best_of(&compared, |g| Some(g.selection_rate), false),
            accuracy: best_of(&compared, |g| Some(g.accuracy), false),
            tpr: best_of(&compared, |g| g.tpr, false),
            fpr: best_of(&compared, |g| g.fpr, true),
        };
        let ratio = |v: Option<f64>, best: &Option<Best>| match (v, best) {
            (Some(v), Some(b)) if b.metric > 0.0 => Some(v / b.metric),
            _ => None,
        };
        let rows = groups
            .iter()
            .map(|g| {
                let is_compared = g.value != "UNKNOWN" && g.count >= min_group_size;
                let ratios = if is_compared {
                    Ratios {
                        selection_rate: ratio(Some(g.selection_rate), &best.selection_rate),
                        accuracy: ratio(Some(g.accuracy), &best.accuracy),
                        tpr: ratio(g.tpr, &best.tpr),
                        fpr: ratio(g.fpr, &best.fpr),
                    }
                } else {
                    Ratios {
                        selection_rate: None,
                        accuracy: None,
                        tpr: None,
                        fpr: None,
                    }
                };
                let mut large_gaps = Vec::new();
                for (metric, r, high_is_gap) in [
                    (FairnessMetric::SelectionRate, ratios.selection_rate, false),
                    (FairnessMetric::Accuracy, ratios.accuracy, false),
                    (FairnessMetric::Tpr, ratios.tpr, false),
                    (FairnessMetric::Fpr, ratios.fpr, true),
                ] {
                    let gap = r.is_some_and(|r| {
                        if high_is_gap {
                            r > LARGE_FPR_GAP
                        } else {
                            r < LARGE_GAP
                        }
                    });
                    if gap {
                        large_gaps.push(metric);
                    }
                }
                FairnessGroup {
                    value: g.value,
                    count: g.count,
                    selection_rate: g.selection_rate,
                    accuracy: g.accuracy,
                    tpr: g.tpr,
                    fpr: g.fpr,
                    ratios,
                    compared: is_compared,
                    large_gaps,
                }
            })
            .collect();
        out.push(FairnessColumn {
            column,
            best,
            groups: rows,
        });
    }
    Fairness {
        label: evaluation.label.clone(),
        method: evaluation.method,
        selected_means: evaluation.selected_means,
        target: evaluation.target,
        synthetic: evaluation.synthetic,
        cohort: evaluation.cohort.clone(),
        rows: evaluation.rows,
        min_group_size,
        columns: out,
    }
}
