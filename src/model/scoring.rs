//! Scoring a person with a model: the probability, the exact per-feature
//! explanation ([`Contribution`]), the probability-space [`Waterfall`], and
//! the [`Scorer`] a model compiles to for the hot paths.
//!
//! # Explanations
//! Each feature also carries `mean`, its weight averaged over the training
//! cohort. A person's contribution of a feature is `weight − mean`, and
//! `baselineLogit = intercept + Σ mean`, so
//! `baselineLogit + Σ contributions = logit` exactly (up to rounding): the
//! contributions say how this person differs from a typical registrant.
//! The probability view ([`Waterfall`]) adds the contributions one at a
//! time in the model file's feature order; unlike the logit view it depends
//! on that order, and says so.

use super::features::{FeatureName, ModelInput, MAX_MONTHS};
use super::file::Model;
use crate::domain::form::{Education, Situation};
use serde::Serialize;
use serde_json::Value;

/// Logistic function, with the same bits natively and in wasm.
pub fn sigmoid(x: f64) -> f64 {
    if x >= 0.0 {
        1.0 / (1.0 + libm::exp(-x))
    } else {
        let e = libm::exp(x);
        e / (1.0 + e)
    }
}

/// Log-odds of a probability in (0, 1).
pub fn logit(p: f64) -> f64 {
    libm::log(p / (1.0 - p))
}

/// One feature's share of a person's score.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Contribution {
    /// Feature.
    pub feature: FeatureName,
    /// The person's value (code word, number or `null`).
    #[cfg_attr(test, ts(type = "number | string | null"))]
    pub value: Value,
    /// The level or bin it fell in.
    pub bin: String,
    /// The weight of that level or bin.
    pub weight: f64,
    /// `weight − mean`: how far this person's value moves the logit from a
    /// typical registrant's.
    pub logit: f64,
}

/// A probability-space walk from the baseline to the person's probability,
/// adding features in the model file's order. The steps depend on that
/// order; the logit contributions do not.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Waterfall {
    /// Always `"MODEL_FILE_FEATURE_ORDER"`: the order the steps were taken in.
    #[cfg_attr(test, ts(type = "\"MODEL_FILE_FEATURE_ORDER\""))]
    pub order: &'static str,
    /// σ(baselineLogit).
    pub baseline_probability: f64,
    /// One step per feature.
    pub steps: Vec<WaterfallStep>,
}

/// One step of a [`Waterfall`].
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct WaterfallStep {
    /// Feature added.
    pub feature: FeatureName,
    /// Probability before the step.
    pub from: f64,
    /// Probability after.
    pub to: f64,
}

/// A scored person.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Score {
    /// Predicted probability of the model's target.
    pub probability: f64,
    /// Its log-odds.
    pub logit: f64,
    /// The model's reference point.
    pub baseline_logit: f64,
    /// Per-feature contributions; `baselineLogit + Σ logit = logit`.
    pub contributions: Vec<Contribution>,
    /// The same in probability space, order-dependent.
    pub waterfall: Waterfall,
}

impl Model {
    /// Logit only (the hot path of evaluation and fitting checks).
    pub fn logit(&self, input: &ModelInput) -> f64 {
        self.features
            .iter()
            .fold(self.intercept, |acc, f| acc + f.weight_of(input))
    }

    /// Probability, logit, contributions and waterfall.
    pub fn score(&self, input: &ModelInput) -> Score {
        let mut contributions = Vec::with_capacity(self.features.len());
        let mut logit = self.intercept;
        for f in &self.features {
            let (weight, bin) = f.weight(input);
            logit += weight;
            contributions.push(Contribution {
                feature: f.name(),
                value: input.value(f.name()),
                bin,
                weight,
                logit: weight - f.mean(),
            });
        }
        let mut steps = Vec::with_capacity(contributions.len());
        let mut acc = self.baseline_logit;
        for c in &contributions {
            let from = sigmoid(acc);
            acc += c.logit;
            steps.push(WaterfallStep {
                feature: c.feature,
                from,
                to: sigmoid(acc),
            });
        }
        Score {
            probability: sigmoid(logit),
            logit,
            baseline_logit: self.baseline_logit,
            contributions,
            waterfall: Waterfall {
                order: "MODEL_FILE_FEATURE_ORDER",
                baseline_probability: sigmoid(self.baseline_logit),
                steps,
            },
        }
    }
}

/// Size of the per-value weight tables of a [`Scorer`]: values 0–36.
const TABLE: usize = MAX_MONTHS as usize + 1;

/// A model compiled to lookup tables: one array read per feature, no
/// allocation. Gives the same logit as [`Model::logit`], summed in the same
/// order.
#[derive(Debug, Clone, PartialEq)]
pub struct Scorer {
    intercept: f64,
    tables: Vec<(FeatureName, Vec<f64>, f64)>,
}

impl Scorer {
    /// Compiles a checked model.
    pub fn new(model: &Model) -> Scorer {
        let tables = model
            .features
            .iter()
            .map(|f| {
                let name = f.name();
                let base = ModelInput {
                    situation: Situation::MistetJobben,
                    education: Education::Grunnskole,
                    months_since_above_3g: None,
                    months_above_3g_last_24: 0,
                };
                let (table, missing) = match name {
                    FeatureName::Situation => (
                        Situation::ALL
                            .iter()
                            .map(|s| {
                                f.weight_of(&ModelInput {
                                    situation: *s,
                                    ..base
                                })
                            })
                            .collect(),
                        0.0,
                    ),
                    FeatureName::Education => (
                        Education::ALL
                            .iter()
                            .map(|e| {
                                f.weight_of(&ModelInput {
                                    education: *e,
                                    ..base
                                })
                            })
                            .collect(),
                        0.0,
                    ),
                    FeatureName::MonthsSinceAbove3G => (
                        (0..TABLE as u32)
                            .map(|v| {
                                f.weight_of(&ModelInput {
                                    months_since_above_3g: Some(v),
                                    ..base
                                })
                            })
                            .collect(),
                        f.weight_of(&base),
                    ),
                    FeatureName::MonthsAbove3GLast24 => (
                        (0..TABLE as u32)
                            .map(|v| {
                                f.weight_of(&ModelInput {
                                    months_above_3g_last_24: v,
                                    ..base
                                })
                            })
                            .collect(),
                        0.0,
                    ),
                };
                (name, table, missing)
            })
            .collect();
        Scorer {
            intercept: model.intercept,
            tables,
        }
    }

    /// The logit of an input.
    pub fn logit(&self, input: &ModelInput) -> f64 {
        let mut logit = self.intercept;
        for (name, table, missing) in &self.tables {
            let w = match name {
                FeatureName::Situation => table.get(input.situation.index()),
                FeatureName::Education => table.get(input.education.index()),
                FeatureName::MonthsSinceAbove3G => match input.months_since_above_3g {
                    Some(v) => table.get(v as usize),
                    None => Some(missing),
                },
                FeatureName::MonthsAbove3GLast24 => {
                    table.get(input.months_above_3g_last_24 as usize)
                }
            };
            logit += w.copied().unwrap_or(0.0);
        }
        logit
    }

    /// The probability of an input.
    pub fn probability(&self, input: &ModelInput) -> f64 {
        sigmoid(self.logit(input))
    }
}
