//! A model card on a cohort: how well a model's probabilities fit the
//! cohort's outcomes (AUC, Brier score, calibration in ten bins), with the
//! model itself (its weights), for a model fitted in the browser or given.

use crate::cohort::evaluate::{model_metrics, row_input, CalibrationBin};
use crate::cohort::Cohort;
use crate::error::{Error, ErrorKind, Result};
use crate::model::{Model, Scorer, Target};
use serde::Serialize;

/// A model's card on a cohort.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ModelCard {
    /// The model (its features and weights, and where it was fitted).
    pub model: Model,
    /// What it predicts.
    pub target: Target,
    /// Whether the cohort is synthetic.
    pub synthetic: bool,
    /// The cohort the card is computed on.
    pub cohort: String,
    /// Rows.
    pub rows: u64,
    /// Rows with the target's event (stable work for `STABLE_WORK`, …).
    pub events: u64,
    /// `events / rows`.
    pub event_rate: f64,
    /// Area under the ROC curve (ties count one half).
    pub auc: f64,
    /// Mean squared error of the probability.
    pub brier: f64,
    /// Ten equal-width bins of predicted probability (empty bins left out):
    /// mean predicted against observed event rate.
    pub calibration: Vec<CalibrationBin>,
}

/// The card of `model` on `cohort` (every row scored, whatever a policy's
/// age band or overrides).
///
/// # Errors
/// `INSUFFICIENT_DATA` (path `cohort`) when every row is of one class for
/// the model's target: AUC is undefined then.
pub fn model_card(cohort: &Cohort, model: &Model) -> Result<ModelCard> {
    let scorer = Scorer::new(model);
    let probs: Vec<f64> = cohort
        .rows
        .iter()
        .map(|r| scorer.probability(&row_input(r)))
        .collect();
    let events = cohort
        .rows
        .iter()
        .filter(|r| model.target.event(r.outcome))
        .count() as u64;
    let rows = cohort.rows.len() as u64;
    if events == 0 || events == rows {
        return Err(Error::new(
            ErrorKind::InsufficientData,
            "cohort",
            format!(
                "every row is of one class for target {}: AUC and calibration are undefined",
                model.target
            ),
        ));
    }
    let metrics = model_metrics(cohort, model.target, &probs);
    Ok(ModelCard {
        model: model.clone(),
        target: model.target,
        synthetic: cohort.synthetic,
        cohort: cohort.source.clone(),
        rows,
        events,
        event_rate: events as f64 / rows as f64,
        auc: metrics.auc,
        brier: metrics.brier,
        calibration: metrics.calibration,
    })
}
