//! What to fit ([`FitSpec`]): the target, the features and their
//! encoding, the penalty and the limits of the automatic binning; and the
//! direction monotone weights must run in.

use crate::error::{Error, ErrorKind, Num, Result};
use crate::model::{FeatureName, Target};
use crate::vocab::vocabulary;
use serde::{Deserialize, Serialize};

/// How to encode one feature.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct FeatureSpec {
    /// The input.
    pub name: FeatureName,
    /// Binned features: fixed edges (omit to choose them from the data).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "bounded_edges"
    )]
    #[cfg_attr(test, ts(optional = nullable))]
    pub edges: Option<Vec<f64>>,
}

/// Most explicit edges per binned feature. The fit allocates a p × p matrix
/// (p: one column per bin and level), so the edges are bounded before
/// they are read: every month domain has at most 37 values, and 64 edges
/// are more than any of them can use (issue 12: 100 000 edges aborted the
/// CLI, asking for 80 GB).
pub const MAX_EDGES: usize = 64;

/// Most features per fit (every feature at most once; there are fewer
/// feature names than this).
pub const MAX_FEATURES: usize = 16;

fn bounded_edges<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> std::result::Result<Option<Vec<f64>>, D::Error> {
    struct Edges(Vec<f64>);
    impl<'de> Deserialize<'de> for Edges {
        fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
            crate::wire::bounded_vec(d, MAX_EDGES, "edges").map(Edges)
        }
    }
    Ok(Option::<Edges>::deserialize(d)?.map(|e| e.0))
}

fn bounded_features<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> std::result::Result<Vec<FeatureSpec>, D::Error> {
    crate::wire::bounded_vec(d, MAX_FEATURES, "features")
}

vocabulary! {
    /// How the weights of a binned feature should run.
    pub enum Monotone {
        /// The direction the feature should have for the target (see the module docs).
        Auto = "AUTO",
        /// No constraint.
        None = "NONE",
    }
}

pub(super) fn default_min_bin_share() -> f64 {
    0.01
}
pub(super) fn default_max_bins() -> usize {
    8
}
pub(super) fn default_max_iterations() -> u32 {
    100
}

/// What to fit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct FitSpec {
    /// Model id to write.
    pub id: String,
    /// Model version to write.
    #[serde(default = "default_version")]
    #[cfg_attr(test, ts(as = "Option<_>", optional))]
    pub version: String,
    /// What to predict.
    pub target: Target,
    /// Inputs, in explanation order.
    #[serde(deserialize_with = "bounded_features")]
    pub features: Vec<FeatureSpec>,
    /// L2 penalty on the slopes (not the intercept); 0 = plain maximum likelihood.
    #[serde(default)]
    #[cfg_attr(test, ts(as = "Option<_>", optional))]
    pub l2: f64,
    /// Smallest share of rows per automatic bin.
    #[serde(default = "default_min_bin_share")]
    #[cfg_attr(test, ts(as = "Option<_>", optional))]
    pub min_bin_share: f64,
    /// Most automatic bins per feature (besides "never").
    #[serde(default = "default_max_bins")]
    #[cfg_attr(test, ts(as = "Option<_>", optional))]
    pub max_bins: usize,
    /// Monotone weights for binned features.
    #[serde(default = "default_monotone")]
    #[cfg_attr(test, ts(as = "Option<_>", optional))]
    pub monotone: Monotone,
    /// Newton iterations at most.
    #[serde(default = "default_max_iterations")]
    #[cfg_attr(test, ts(as = "Option<_>", optional))]
    pub max_iterations: u32,
    /// A line for the model file.
    #[serde(default)]
    #[cfg_attr(test, ts(as = "Option<_>", optional))]
    pub description: String,
}

pub(super) fn default_version() -> String {
    "1.0.0".to_string()
}
pub(super) fn default_monotone() -> Monotone {
    Monotone::Auto
}

impl FitSpec {
    /// The report's model (situation and the two wage inputs) for `target`,
    /// bins chosen from the data.
    pub fn report_model(id: &str, target: Target) -> FitSpec {
        FitSpec {
            id: id.to_string(),
            version: default_version(),
            target,
            features: [
                FeatureName::Situation,
                FeatureName::MonthsSinceAbove3G,
                FeatureName::MonthsAbove3GLast24,
            ]
            .into_iter()
            .map(|name| FeatureSpec { name, edges: None })
            .collect(),
            l2: 0.0,
            min_bin_share: default_min_bin_share(),
            max_bins: default_max_bins(),
            monotone: Monotone::Auto,
            max_iterations: default_max_iterations(),
            description: String::new(),
        }
    }

    pub(super) fn check(&self) -> Result<()> {
        let bad = |path: &str, msg: String| Err(Error::new(ErrorKind::OutOfRange, path, msg));
        if self.id.is_empty() {
            return Err(Error::new(
                ErrorKind::InvalidValue,
                "id",
                "must not be empty",
            ));
        }
        if !(self.l2.is_finite() && self.l2 >= 0.0) {
            return bad(
                "l2",
                format!("must be a finite number ≥ 0, got {}", Num(self.l2)),
            );
        }
        if !(self.min_bin_share.is_finite() && (0.0..=0.5).contains(&self.min_bin_share)) {
            return bad(
                "minBinShare",
                format!("must lie in [0, 0.5], got {}", Num(self.min_bin_share)),
            );
        }
        if !(1..=40).contains(&self.max_bins) {
            return bad("maxBins", format!("must be 1–40, got {}", self.max_bins));
        }
        if !(1..=1000).contains(&self.max_iterations) {
            return bad(
                "maxIterations",
                format!("must be 1–1000, got {}", self.max_iterations),
            );
        }
        if self.features.is_empty() {
            return Err(Error::new(
                ErrorKind::MissingField,
                "features",
                "name at least one feature",
            ));
        }
        for (i, f) in self.features.iter().enumerate() {
            if self.features[..i].iter().any(|g| g.name == f.name) {
                return Err(Error::new(
                    ErrorKind::InvalidValue,
                    format!("features[{i}].name"),
                    format!("`{}` appears twice", f.name),
                ));
            }
            if let Some(edges) = &f.edges {
                if !f.name.is_numeric() {
                    return Err(Error::new(
                        ErrorKind::InvalidValue,
                        format!("features[{i}].edges"),
                        format!("`{}` is categorical: it takes no edges", f.name),
                    ));
                }
                if edges.iter().any(|e| !e.is_finite()) || edges.windows(2).any(|w| w[0] >= w[1]) {
                    return Err(Error::new(
                        ErrorKind::InvalidValue,
                        format!("features[{i}].edges"),
                        "edges must be finite and strictly increasing",
                    ));
                }
            }
        }
        Ok(())
    }
}

/// The direction a binned feature's weights should run in: more months
/// above 3G raise P(stable work) and more months since the last one lower
/// it; the other way round for P(without work).
pub(super) fn increasing(name: FeatureName, target: Target) -> bool {
    (name == FeatureName::MonthsAbove3GLast24) == target.noe_holds_events()
}
