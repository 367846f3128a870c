//! What a fit returns: the model and a report of what the fit did.

use crate::model::Model;
use serde::Serialize;

/// One coefficient of the fit's report.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Coefficient {
    /// `intercept` or `feature=level`.
    pub column: String,
    /// Estimate (0 for aliased columns).
    pub estimate: f64,
    /// Standard error (`null` for aliased columns).
    pub std_error: Option<f64>,
    /// Dropped as aliased.
    pub aliased: bool,
}

/// What the fit did.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FitReport {
    /// Newton iterations of the final fit.
    pub iterations: u32,
    /// Whether it converged.
    pub converged: bool,
    /// −2 × log-likelihood (Bernoulli rows).
    pub deviance: f64,
    /// Deviance of the intercept-only model.
    pub null_deviance: f64,
    /// Log-likelihood.
    pub log_likelihood: f64,
    /// The L2 penalty used.
    pub l2: f64,
    /// Rows fitted.
    pub rows: u64,
    /// Non-empty cells (distinct input combinations).
    pub cells: usize,
    /// Refits made to enforce monotone weights.
    pub monotone_refits: u32,
    /// Every column with its estimate.
    pub coefficients: Vec<Coefficient>,
}

/// A fitted model and its report.
#[derive(Debug, Clone, PartialEq)]
pub struct Fitted {
    /// The model file.
    pub model: Model,
    /// The report (also stored in `model.fit`).
    pub report: FitReport,
}
