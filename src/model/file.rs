//! The model file (`pkg-config/models/*.json`): what a model predicts
//! ([`Target`]), its features' encoding ([`Feature`]), provenance, and the
//! checks a model file must pass ([`Model::check`]).
//!
//! # Encoding
//! * A **categorical** feature has a reference level (weight 0) and a weight
//!   for every other level.
//! * A **binned** feature has increasing `edges` e₀ < e₁ < … < eₖ₋₁ that cut
//!   the real line into k + 1 bins `(-∞, e₀)`, `[e₀, e₁)`, …, `[eₖ₋₁, ∞)`,
//!   one weight each, plus a `missing` weight for a value that is absent
//!   (`monthsSinceAbove3G` is absent when the person never earned above 3G
//!   in the 36-month look-back).
//! * Weights of columns the fit found **aliased** (linearly dependent on
//!   others) are 0 and listed in `aliased`, so coefficients are unique.

use super::features::{FeatureName, ModelInput, Months};
use crate::domain::outcome::Outcome;
use crate::error::{Error, ErrorKind, Num, Result};
use crate::vocab::vocabulary;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

vocabulary! {
    /// What a model predicts, and so what its accuracy is measured against.
    pub enum Target {
        /// P(stable work) — variant A; NOE should hold people in stable work.
        StableWork = "STABLE_WORK",
        /// P(without work) — variant B; the local office should hold people without work.
        WithoutWork = "WITHOUT_WORK",
        /// Not without work — the target the counsellors' 66 % is measured against.
        NotWithoutWork = "NOT_WITHOUT_WORK",
    }
}

impl Target {
    /// Whether `outcome` is the event the target predicts.
    pub fn event(self, outcome: Outcome) -> bool {
        match self {
            Target::StableWork => outcome == Outcome::StableWork,
            Target::WithoutWork => outcome == Outcome::WithoutWork,
            Target::NotWithoutWork => outcome != Outcome::WithoutWork,
        }
    }

    /// Whether people in NOE should have the event (true for stable work and
    /// not-without-work; false for without work, where the *local office*
    /// should hold the events).
    pub fn noe_holds_events(self) -> bool {
        self != Target::WithoutWork
    }
}

/// One feature of a model file.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub enum Feature {
    /// Treatment-coded categories.
    Categorical {
        /// `situation` or `education`.
        name: FeatureName,
        /// The level with weight 0.
        reference: String,
        /// Weight per non-reference level (every level must be listed).
        levels: BTreeMap<String, f64>,
        /// Mean weight over the training cohort.
        mean: f64,
    },
    /// Bins of a count.
    Binned {
        /// `monthsSinceAbove3G` or `monthsAbove3GLast24`.
        name: FeatureName,
        /// Increasing bin edges.
        edges: Vec<f64>,
        /// One weight per bin: `edges.len() + 1`.
        weights: Vec<f64>,
        /// Weight when the value is absent (required for `monthsSinceAbove3G`).
        #[serde(skip_serializing_if = "Option::is_none")]
        #[cfg_attr(test, ts(optional = nullable))]
        missing: Option<f64>,
        /// Mean weight over the training cohort.
        mean: f64,
    },
}

/// A categorical feature as the model file writes it.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CategoricalFile {
    #[serde(rename = "kind")]
    _kind: serde::de::IgnoredAny,
    name: FeatureName,
    reference: String,
    levels: BTreeMap<String, f64>,
    mean: f64,
}

/// A binned feature as the model file writes it.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct BinnedFile {
    #[serde(rename = "kind")]
    _kind: serde::de::IgnoredAny,
    name: FeatureName,
    edges: Vec<f64>,
    weights: Vec<f64>,
    #[serde(default)]
    missing: Option<f64>,
    mean: f64,
}

/// Reads the object, then the fields its `kind` takes (so that an unknown
/// field of one kind is named, with the path of the field inside the
/// feature).
impl<'de> Deserialize<'de> for Feature {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let object = serde_json::Map::<String, Value>::deserialize(d)?;
        let kind = match object.get("kind") {
            None => {
                return Err(
                    Error::new(ErrorKind::MissingField, "kind", "missing field `kind`").into_de(),
                )
            }
            Some(Value::String(kind)) => kind.as_str(),
            Some(other) => {
                return Err(Error::new(
                    ErrorKind::InvalidType,
                    "kind",
                    format!("expected a string, got {}", crate::wire::json_type(other)),
                )
                .into_de())
            }
        };
        let kind = kind.to_string();
        let value = Value::Object(object);
        let read = |kind: &str| -> Result<Feature> {
            match kind {
                "categorical" => {
                    let f: CategoricalFile = crate::wire::from_value(&value)?;
                    Ok(Feature::Categorical {
                        name: f.name,
                        reference: f.reference,
                        levels: f.levels,
                        mean: f.mean,
                    })
                }
                "binned" => {
                    let f: BinnedFile = crate::wire::from_value(&value)?;
                    Ok(Feature::Binned {
                        name: f.name,
                        edges: f.edges,
                        weights: f.weights,
                        missing: f.missing,
                        mean: f.mean,
                    })
                }
                other => Err(Error::new(
                    ErrorKind::InvalidValue,
                    "kind",
                    unknown_value_message(other, &["categorical", "binned"]),
                )),
            }
        };
        read(&kind).map_err(Error::into_de)
    }
}

/// "unknown value `x`; expected one of A, B; did you mean `A`?"
pub(crate) fn unknown_value_message(value: &str, allowed: &[&str]) -> String {
    let hint = crate::wire::closest(value, allowed)
        .map(|a| format!("; did you mean `{a}`?"))
        .unwrap_or_default();
    format!(
        "unknown value `{value}`; expected one of {}{hint}",
        allowed.join(", ")
    )
}

impl Feature {
    /// The feature's name.
    pub fn name(&self) -> FeatureName {
        match self {
            Feature::Categorical { name, .. } | Feature::Binned { name, .. } => *name,
        }
    }

    /// The mean weight over the training cohort.
    pub fn mean(&self) -> f64 {
        match self {
            Feature::Categorical { mean, .. } | Feature::Binned { mean, .. } => *mean,
        }
    }

    /// The bin index of a value (`None` = the missing bin).
    pub fn bin_of(edges: &[f64], value: Option<u32>) -> Option<usize> {
        value.map(|v| edges.partition_point(|e| *e <= f64::from(v)))
    }

    /// A readable label of bin `i` for an integer feature ("4–6", "25–36", "never").
    pub fn bin_label(name: FeatureName, edges: &[f64], bin: Option<usize>) -> String {
        let Some(i) = bin else {
            return "never".to_string();
        };
        // (Only numeric features have bins; a checked model has no other.)
        let months = name.months().unwrap_or(Months::ABOVE_3G_LAST_24);
        let (lo, hi) = (months.min, months.max);
        let low = if i == 0 {
            lo
        } else {
            (edges[i - 1].ceil().max(0.0) as u32).max(lo)
        };
        let high = if i == edges.len() {
            hi
        } else {
            ((edges[i].ceil() as i64 - 1).max(0) as u32).min(hi)
        };
        if low >= high {
            low.to_string()
        } else {
            format!("{low}–{high}")
        }
    }

    /// The weight for a person's input (no allocation).
    pub fn weight_of(&self, input: &ModelInput) -> f64 {
        match self {
            Feature::Categorical {
                name,
                reference,
                levels,
                ..
            } => {
                let code = input.code(*name);
                if code == reference.as_str() {
                    0.0
                } else {
                    levels.get(code).copied().unwrap_or(0.0)
                }
            }
            Feature::Binned {
                name,
                edges,
                weights,
                missing,
                ..
            } => match Feature::bin_of(edges, input.numeric(*name)) {
                Some(i) => weights.get(i).copied().unwrap_or(0.0),
                None => missing.unwrap_or(0.0),
            },
        }
    }

    /// The weight for a person's input, with the level or bin label.
    pub fn weight(&self, input: &ModelInput) -> (f64, String) {
        let label = match self {
            Feature::Categorical { name, .. } => input.code(*name).to_string(),
            Feature::Binned { name, edges, .. } => {
                Feature::bin_label(*name, edges, Feature::bin_of(edges, input.numeric(*name)))
            }
        };
        (self.weight_of(input), label)
    }

    fn check(&self, at: &str) -> Result<()> {
        let bad = |path: String, msg: String| Err(Error::new(ErrorKind::InvalidConfig, path, msg));
        let finite = |x: f64| x.is_finite() && x.abs() <= MAX_WEIGHT;
        match self {
            Feature::Categorical {
                name,
                reference,
                levels,
                mean,
            } => {
                let codes = name.levels();
                if codes.is_empty() {
                    return bad(
                        format!("{at}.name"),
                        format!("`{name}` is not a categorical feature"),
                    );
                }
                if !codes.contains(&reference.as_str()) {
                    return bad(
                        format!("{at}.reference"),
                        unknown_value_message(reference, &codes),
                    );
                }
                for (level, w) in levels {
                    if !codes.contains(&level.as_str()) || level == reference {
                        return bad(
                            format!("{at}.levels.{level}"),
                            format!("`{level}` is not a non-reference level of {name}"),
                        );
                    }
                    if !finite(*w) {
                        return bad(
                            format!("{at}.levels.{level}"),
                            format!("weights must be finite numbers from -{MAX_WEIGHT} to {MAX_WEIGHT}, got {}", Num(*w)),
                        );
                    }
                }
                if let Some(missing) = codes
                    .iter()
                    .find(|c| **c != reference && !levels.contains_key(**c))
                {
                    return bad(
                        format!("{at}.levels"),
                        format!("level `{missing}` has no weight"),
                    );
                }
                if !finite(*mean) {
                    return bad(
                        format!("{at}.mean"),
                        format!(
                            "must be a finite number from -{MAX_WEIGHT} to {MAX_WEIGHT}, got {}",
                            Num(*mean)
                        ),
                    );
                }
            }
            Feature::Binned {
                name,
                edges,
                weights,
                missing,
                mean,
            } => {
                if !name.is_numeric() {
                    return bad(
                        format!("{at}.name"),
                        format!("`{name}` is not a numeric feature"),
                    );
                }
                if edges.iter().any(|e| !e.is_finite()) || edges.windows(2).any(|w| w[0] >= w[1]) {
                    return bad(
                        format!("{at}.edges"),
                        "edges must be finite and strictly increasing".into(),
                    );
                }
                if weights.len() != edges.len() + 1 {
                    return bad(
                        format!("{at}.weights"),
                        format!(
                            "the bins do not cover the real line: {} edges make {} bins, but there are {} weights",
                            edges.len(),
                            edges.len() + 1,
                            weights.len()
                        ),
                    );
                }
                if let Some(i) = weights.iter().position(|w| !finite(*w)) {
                    return bad(
                        format!("{at}.weights[{i}]"),
                        format!(
                            "weights must be finite numbers from -{MAX_WEIGHT} to {MAX_WEIGHT}"
                        ),
                    );
                }
                if name.months().is_some_and(|m| m.never) && missing.is_none() {
                    return bad(
                        format!("{at}.missing"),
                        format!("{name} can be absent (never above 3G): give a `missing` weight"),
                    );
                }
                if missing.is_some_and(|m| !finite(m)) || !finite(*mean) {
                    return bad(
                        at.to_string(),
                        format!("missing and mean must be finite numbers from -{MAX_WEIGHT} to {MAX_WEIGHT}"),
                    );
                }
            }
        }
        Ok(())
    }
}

/// Where a model's weights came from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct TrainedOn {
    /// Cohort name, e.g. `synthetic-v1 seed 1`.
    pub cohort: String,
    /// Rows fitted on.
    pub rows: u64,
    /// True when the cohort was synthetic: such a model must be refitted on
    /// real data before use.
    pub synthetic: bool,
}

/// A column the fit found linearly dependent on others; its weight is 0.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Aliased {
    /// Feature.
    pub feature: FeatureName,
    /// Level or bin label.
    pub level: String,
}

/// Largest accepted absolute value of a weight, a mean or the intercept of
/// a model file (a logit of 1 000 is a probability within 10⁻⁴³⁴ of 0 or 1).
/// With at most one weight per feature and every feature at most once, a
/// person's logit stays a finite number, so no output promises a number
/// and gives `null` (issue 12: an intercept of 1.7e308 gave `logit: null`).
pub const MAX_WEIGHT: f64 = 1_000.0;

/// A model file (`pkg-config/models/*.json`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Model {
    /// Identifier, e.g. `variant-a`.
    pub id: String,
    /// Version of the weights.
    pub version: String,
    /// What it predicts.
    pub target: Target,
    /// One line for humans.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    #[cfg_attr(test, ts(as = "Option<_>", optional))]
    pub description: String,
    /// Provenance.
    pub trained_on: TrainedOn,
    /// Features in explanation order.
    pub features: Vec<Feature>,
    /// Intercept (logit of the all-reference person).
    pub intercept: f64,
    /// `intercept + Σ feature means`.
    pub baseline_logit: f64,
    /// Columns dropped as aliased.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(test, ts(as = "Option<_>", optional))]
    pub aliased: Vec<Aliased>,
    /// Metrics on the training cohort (AUC, Brier, …).
    #[serde(default)]
    #[cfg_attr(test, ts(as = "Option<BTreeMap<String, f64>>", optional))]
    pub metrics: BTreeMap<String, f64>,
    /// The fit's report (iterations, deviance, standard errors, …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(as = "Option<crate::ts::JsonObject>", optional))]
    pub fit: Option<Value>,
}

impl Model {
    /// Parses and checks a model file.
    ///
    /// # Errors
    /// Parse errors with paths; `INVALID_CONFIG` for bins that do not cover
    /// the real line, unknown or missing levels, non-finite numbers, a
    /// feature used twice, or a `baselineLogit` that is not `intercept + Σ
    /// mean`.
    pub fn from_json(text: &str) -> Result<Model> {
        let model: Model = crate::wire::parse_limited(text, 1 << 20)?;
        model.check()?;
        Ok(model)
    }

    /// Checks what the reader cannot (see [`Model::from_json`]).
    ///
    /// # Errors
    /// As [`Model::from_json`].
    pub fn check(&self) -> Result<()> {
        let bad = |path: &str, msg: String| Err(Error::new(ErrorKind::InvalidConfig, path, msg));
        if self.id.is_empty() {
            return bad("id", "must not be empty".into());
        }
        if self.features.is_empty() {
            return bad("features", "a model needs at least one feature".into());
        }
        for (i, f) in self.features.iter().enumerate() {
            f.check(&format!("features[{i}]"))?;
            if self.features[..i].iter().any(|g| g.name() == f.name()) {
                return bad(
                    &format!("features[{i}].name"),
                    format!("`{}` appears twice", f.name()),
                );
            }
        }
        if !(self.intercept.is_finite() && self.intercept.abs() <= MAX_WEIGHT) {
            return bad(
                "intercept",
                format!(
                    "must be a finite number from -{MAX_WEIGHT} to {MAX_WEIGHT}, got {}",
                    Num(self.intercept)
                ),
            );
        }
        let computed = self.intercept + self.features.iter().map(Feature::mean).sum::<f64>();
        if !self.baseline_logit.is_finite() || (computed - self.baseline_logit).abs() > 1e-9 {
            return bad(
                "baselineLogit",
                format!(
                    "must equal intercept + Σ feature means = {}, got {}",
                    Num(computed),
                    Num(self.baseline_logit)
                ),
            );
        }
        if let Some((k, v)) = self.metrics.iter().find(|(_, v)| !v.is_finite()) {
            return bad(
                &format!("metrics.{k}"),
                format!("must be a finite number, got {}", Num(*v)),
            );
        }
        Ok(())
    }

    /// The feature named, if the model uses it.
    pub fn feature(&self, name: FeatureName) -> Option<&Feature> {
        self.features.iter().find(|f| f.name() == name)
    }

    /// The candidate values of one feature for counterfactuals
    /// ([`FeatureName::candidates`]): every level, or for a binned feature
    /// every integer of its domain and "absent" where it can be.
    pub fn candidates(&self, name: FeatureName) -> Vec<Value> {
        name.candidates()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn model_text(feature: &str) -> String {
        format!(
            r#"{{"id": "m", "version": "1", "target": "STABLE_WORK",
              "trainedOn": {{"cohort": "none", "rows": 0, "synthetic": true}},
              "features": [{feature}], "intercept": 0.5, "baselineLogit": -0.5}}"#
        )
    }

    fn error(feature: &str) -> (ErrorKind, String) {
        let e = Model::from_json(&model_text(feature)).unwrap_err();
        (e.kind, e.path.clone())
    }

    const BINNED: &str = r#""name": "monthsSinceAbove3G", "edges": [3, 12], "weights": [0, -1, -2], "missing": -3, "mean": -1"#;

    #[test]
    fn feature_errors_name_the_field_inside_the_feature() {
        assert!(
            Model::from_json(&model_text(&format!(r#"{{"kind": "binned", {BINNED}}}"#))).is_ok()
        );
        let cases = [
            (format!("{{{BINNED}}}"), ErrorKind::MissingField, "features[0].kind"),
            (format!(r#"{{"kind": 3, {BINNED}}}"#), ErrorKind::InvalidType, "features[0].kind"),
            (format!(r#"{{"kind": "binnd", {BINNED}}}"#), ErrorKind::InvalidValue, "features[0].kind"),
            (format!(r#"{{"kind": "binned", "reference": "x", {BINNED}}}"#), ErrorKind::UnknownField, "features[0].reference"),
            (
                r#"{"kind": "binned", "name": "monthsSinceAbove3G", "edges": [3], "weights": [0, "x"], "mean": 0}"#.to_string(),
                ErrorKind::InvalidType,
                "features[0].weights[1]",
            ),
            (
                r#"{"kind": "categorical", "name": "situation", "reference": "MISTET_JOBBEN", "levels": {"HAR_SAGT_OPP": "x"}, "mean": 0}"#.to_string(),
                ErrorKind::InvalidType,
                "features[0].levels.HAR_SAGT_OPP",
            ),
            (
                r#"{"kind": "categorical", "name": "situation", "levels": {}, "mean": 0}"#.to_string(),
                ErrorKind::MissingField,
                "features[0].reference",
            ),
            ("[]".to_string(), ErrorKind::InvalidType, "features[0]"),
        ];
        for (feature, kind, path) in cases {
            assert_eq!(error(&feature), (kind, path.to_string()), "{feature}");
        }
        let e = Model::from_json(&model_text(&format!(r#"{{"kind": "binnd", {BINNED}}}"#)))
            .unwrap_err();
        assert!(
            e.message.ends_with("did you mean `binned`?"),
            "{}",
            e.message
        );
    }
}
