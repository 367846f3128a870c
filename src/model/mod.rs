//! The proposed probability model (report section 4.1) as **data**: a model
//! file names its features, their encoding and weights, the intercept and
//! the training cohort's mean score; this module validates it, scores a
//! person, explains the score exactly and finds counterfactuals.
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

use crate::domain::form::{Education, Situation};
use crate::domain::outcome::Outcome;
use crate::error::{Error, ErrorKind, Result};
use crate::json::{Dict, Fields, FromJson, Loc, Node, Obj, ToJson, Value};
use crate::vocab::vocabulary;

vocabulary! {
    /// The inputs a model may use. The report's model uses the first three;
    /// `education` exists to show that it adds little for ages 30+.
    pub enum FeatureName {
        /// Form question 1.
        Situation = "situation",
        /// Months since the last month above 3G (absent = never in 36 months).
        MonthsSinceAbove3G = "monthsSinceAbove3G",
        /// Months above 3G among the 24 before registration.
        MonthsAbove3GLast24 = "monthsAbove3GLast24",
        /// Form question 3.
        Education = "education",
    }
}

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

/// The values of a person's model inputs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ModelInput {
    /// Form question 1.
    pub situation: Situation,
    /// Form question 3.
    pub education: Education,
    /// `None` = never above 3G in the 36-month look-back.
    pub months_since_above_3g: Option<u32>,
    /// 0–24.
    pub months_above_3g_last_24: u32,
}

impl ToJson for ModelInput {
    fn write_json(&self, out: &mut String) {
        let mut o = Fields::new(out);
        o.field("situation", &self.situation)
            .field("education", &self.education)
            .field("monthsSinceAbove3G", &self.months_since_above_3g)
            .field("monthsAbove3GLast24", &self.months_above_3g_last_24);
        o.end();
    }
}

impl ModelInput {
    /// The value of one feature as JSON (a code word, a number or `null`).
    pub fn value(&self, name: FeatureName) -> Value {
        match name {
            FeatureName::Situation => Value::from(self.situation),
            FeatureName::Education => Value::from(self.education),
            FeatureName::MonthsSinceAbove3G => Value::from(self.months_since_above_3g),
            FeatureName::MonthsAbove3GLast24 => Value::from(self.months_above_3g_last_24),
        }
    }

    /// The code word of a categorical feature ("" for a numeric one).
    pub fn code(&self, name: FeatureName) -> &'static str {
        match name {
            FeatureName::Situation => self.situation.as_str(),
            FeatureName::Education => self.education.as_str(),
            _ => "",
        }
    }

    /// Whether the two wage inputs can describe one real wage history: a
    /// last month above 3G within the 24-month window means at least one
    /// and at most `25 − since` months above 3G in it; otherwise none.
    pub fn is_consistent(&self) -> bool {
        let c = self.months_above_3g_last_24;
        match self.months_since_above_3g {
            Some(s) if (1..=24).contains(&s) => c >= 1 && c <= 25 - s,
            Some(s) if (25..=36).contains(&s) => c == 0,
            None => c == 0,
            Some(_) => false,
        }
    }
}

/// Smallest and largest value a binned feature can take.
fn domain(name: FeatureName) -> (u32, u32) {
    match name {
        FeatureName::MonthsSinceAbove3G => (1, crate::domain::wages::LOOK_BACK_MONTHS),
        _ => (0, crate::domain::wages::COUNT_WINDOW_MONTHS),
    }
}

/// One feature of a model file.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(tag = "kind", rename_all = "camelCase"))]
pub enum Feature {
    /// Treatment-coded categories.
    Categorical {
        /// `situation` or `education`.
        name: FeatureName,
        /// The level with weight 0.
        reference: String,
        /// Weight per non-reference level (every level must be listed).
        #[cfg_attr(test, ts(as = "std::collections::BTreeMap<String, f64>"))]
        levels: Dict<f64>,
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
        #[cfg_attr(test, ts(optional = nullable))]
        missing: Option<f64>,
        /// Mean weight over the training cohort.
        mean: f64,
    },
}

impl FromJson for Feature {
    fn read_json(v: &Node<'_>, at: &Loc<'_>) -> Result<Self> {
        let kind: String = Obj::lenient(v, at)?.req("kind")?;
        match kind.as_str() {
            "categorical" => {
                let o = Obj::new(v, at, &["kind", "name", "reference", "levels", "mean"])?;
                Ok(Feature::Categorical {
                    name: o.req("name")?,
                    reference: o.req("reference")?,
                    levels: o.req("levels")?,
                    mean: o.req("mean")?,
                })
            }
            "binned" => {
                let o = Obj::new(
                    v,
                    at,
                    &["kind", "name", "edges", "weights", "missing", "mean"],
                )?;
                Ok(Feature::Binned {
                    name: o.req("name")?,
                    edges: o.req("edges")?,
                    weights: o.req("weights")?,
                    missing: o.opt("missing")?,
                    mean: o.req("mean")?,
                })
            }
            other => Err(at.key("kind").error(
                ErrorKind::InvalidValue,
                crate::json::unknown_value_message(other, &["categorical", "binned"]),
            )),
        }
    }
}

impl ToJson for Feature {
    fn write_json(&self, out: &mut String) {
        let mut o = Fields::new(out);
        match self {
            Feature::Categorical {
                name,
                reference,
                levels,
                mean,
            } => {
                o.field("kind", &"categorical")
                    .field("name", name)
                    .field("reference", reference)
                    .field("levels", levels)
                    .field("mean", mean);
            }
            Feature::Binned {
                name,
                edges,
                weights,
                missing,
                mean,
            } => {
                o.field("kind", &"binned")
                    .field("name", name)
                    .field("edges", edges)
                    .field("weights", weights)
                    .some("missing", missing)
                    .field("mean", mean);
            }
        }
        o.end();
    }
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

    fn codes(name: FeatureName) -> Vec<&'static str> {
        match name {
            FeatureName::Situation => Situation::ALL.iter().map(|s| s.as_str()).collect(),
            FeatureName::Education => Education::ALL.iter().map(|s| s.as_str()).collect(),
            _ => Vec::new(),
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
        let (lo, hi) = domain(name);
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
            } => match Feature::bin_of(edges, Feature::numeric(*name, input)) {
                Some(i) => weights.get(i).copied().unwrap_or(0.0),
                None => missing.unwrap_or(0.0),
            },
        }
    }

    fn numeric(name: FeatureName, input: &ModelInput) -> Option<u32> {
        match name {
            FeatureName::MonthsSinceAbove3G => input.months_since_above_3g,
            _ => Some(input.months_above_3g_last_24),
        }
    }

    /// The weight for a person's input, with the level or bin label.
    pub fn weight(&self, input: &ModelInput) -> (f64, String) {
        let label = match self {
            Feature::Categorical { name, .. } => input.code(*name).to_string(),
            Feature::Binned { name, edges, .. } => Feature::bin_label(
                *name,
                edges,
                Feature::bin_of(edges, Feature::numeric(*name, input)),
            ),
        };
        (self.weight_of(input), label)
    }

    fn check(&self, at: &str) -> Result<()> {
        let bad = |path: String, msg: String| Err(Error::new(ErrorKind::InvalidConfig, path, msg));
        let finite = |x: f64| x.is_finite();
        match self {
            Feature::Categorical {
                name,
                reference,
                levels,
                mean,
            } => {
                let codes = Feature::codes(*name);
                if codes.is_empty() {
                    return bad(
                        format!("{at}.name"),
                        format!("`{name}` is not a categorical feature"),
                    );
                }
                if !codes.contains(&reference.as_str()) {
                    return bad(
                        format!("{at}.reference"),
                        crate::json::unknown_value_message(reference, &codes),
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
                            "weights must be finite numbers".into(),
                        );
                    }
                }
                if let Some(missing) = codes
                    .iter()
                    .find(|c| **c != reference && !levels.contains_key(c))
                {
                    return bad(
                        format!("{at}.levels"),
                        format!("level `{missing}` has no weight"),
                    );
                }
                if !finite(*mean) {
                    return bad(format!("{at}.mean"), "must be a finite number".into());
                }
            }
            Feature::Binned {
                name,
                edges,
                weights,
                missing,
                mean,
            } => {
                if !matches!(
                    name,
                    FeatureName::MonthsSinceAbove3G | FeatureName::MonthsAbove3GLast24
                ) {
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
                if let Some(i) = weights.iter().position(|w| !w.is_finite()) {
                    return bad(
                        format!("{at}.weights[{i}]"),
                        "weights must be finite numbers".into(),
                    );
                }
                if *name == FeatureName::MonthsSinceAbove3G && missing.is_none() {
                    return bad(
                        format!("{at}.missing"),
                        "monthsSinceAbove3G can be absent (never above 3G): give a `missing` weight".into(),
                    );
                }
                if missing.is_some_and(|m| !m.is_finite()) || !mean.is_finite() {
                    return bad(
                        at.to_string(),
                        "missing and mean must be finite numbers".into(),
                    );
                }
            }
        }
        Ok(())
    }
}

/// Where a model's weights came from.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename_all = "camelCase"))]
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
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename_all = "camelCase"))]
pub struct Aliased {
    /// Feature.
    pub feature: FeatureName,
    /// Level or bin label.
    pub level: String,
}

/// A model file (`pkg-config/models/*.json`).
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename_all = "camelCase"))]
pub struct Model {
    /// Identifier, e.g. `variant-a`.
    pub id: String,
    /// Version of the weights.
    pub version: String,
    /// What it predicts.
    pub target: Target,
    /// One line for humans.
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
    #[cfg_attr(test, ts(as = "Option<_>", optional))]
    pub aliased: Vec<Aliased>,
    /// Metrics on the training cohort (AUC, Brier, …).
    #[cfg_attr(
        test,
        ts(as = "Option<std::collections::BTreeMap<String, f64>>", optional)
    )]
    pub metrics: Dict<f64>,
    /// The fit's report (iterations, deviance, standard errors, …).
    #[cfg_attr(test, ts(as = "Option<crate::ts::JsonObject>", optional))]
    pub fit: Option<Value>,
}

impl FromJson for TrainedOn {
    fn read_json(v: &Node<'_>, at: &Loc<'_>) -> Result<Self> {
        let o = Obj::new(v, at, &["cohort", "rows", "synthetic"])?;
        Ok(TrainedOn {
            cohort: o.req("cohort")?,
            rows: o.req("rows")?,
            synthetic: o.req("synthetic")?,
        })
    }
}

impl ToJson for TrainedOn {
    fn write_json(&self, out: &mut String) {
        let mut o = Fields::new(out);
        o.field("cohort", &self.cohort)
            .field("rows", &self.rows)
            .field("synthetic", &self.synthetic);
        o.end();
    }
}

impl FromJson for Aliased {
    fn read_json(v: &Node<'_>, at: &Loc<'_>) -> Result<Self> {
        let o = Obj::new(v, at, &["feature", "level"])?;
        Ok(Aliased {
            feature: o.req("feature")?,
            level: o.req("level")?,
        })
    }
}

impl ToJson for Aliased {
    fn write_json(&self, out: &mut String) {
        let mut o = Fields::new(out);
        o.field("feature", &self.feature)
            .field("level", &self.level);
        o.end();
    }
}

impl FromJson for Model {
    fn read_json(v: &Node<'_>, at: &Loc<'_>) -> Result<Self> {
        let o = Obj::new(
            v,
            at,
            &[
                "id",
                "version",
                "target",
                "description",
                "trainedOn",
                "features",
                "intercept",
                "baselineLogit",
                "aliased",
                "metrics",
                "fit",
            ],
        )?;
        Ok(Model {
            id: o.req("id")?,
            version: o.req("version")?,
            target: o.req("target")?,
            description: o.or_default("description")?,
            trained_on: o.req("trainedOn")?,
            features: o.req("features")?,
            intercept: o.req("intercept")?,
            baseline_logit: o.req("baselineLogit")?,
            aliased: o.or_default("aliased")?,
            metrics: o.or_default("metrics")?,
            fit: o.opt("fit")?,
        })
    }
}

impl ToJson for Model {
    fn write_json(&self, out: &mut String) {
        let mut o = Fields::new(out);
        o.field("id", &self.id)
            .field("version", &self.version)
            .field("target", &self.target)
            .nonempty_str("description", &self.description)
            .field("trainedOn", &self.trained_on)
            .field("features", &self.features)
            .field("intercept", &self.intercept)
            .field("baselineLogit", &self.baseline_logit)
            .nonempty("aliased", &self.aliased)
            .field("metrics", &self.metrics)
            .some("fit", &self.fit);
        o.end();
    }
}

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
#[derive(Debug, Clone, PartialEq)]
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
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename_all = "camelCase"))]
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
#[derive(Debug, Clone, PartialEq)]
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
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename_all = "camelCase"))]
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

impl ToJson for Contribution {
    fn write_json(&self, out: &mut String) {
        let mut o = Fields::new(out);
        o.field("feature", &self.feature)
            .field("value", &self.value)
            .field("bin", &self.bin)
            .field("weight", &self.weight)
            .field("logit", &self.logit);
        o.end();
    }
}

impl ToJson for Waterfall {
    fn write_json(&self, out: &mut String) {
        let mut o = Fields::new(out);
        o.field("order", &self.order)
            .field("baselineProbability", &self.baseline_probability)
            .field("steps", &self.steps);
        o.end();
    }
}

impl ToJson for WaterfallStep {
    fn write_json(&self, out: &mut String) {
        write_feature_change(out, self.feature, &self.from, &self.to);
    }
}

/// `{"feature": …, "from": …, "to": …}`: a waterfall step, or one change
/// of a counterfactual.
pub(crate) fn write_feature_change(
    out: &mut String,
    feature: FeatureName,
    from: &dyn ToJson,
    to: &dyn ToJson,
) {
    let mut o = Fields::new(out);
    o.field("feature", &feature)
        .field("from", from)
        .field("to", to);
    o.end();
}

impl Score {
    /// Writes the fields of the score into an open object (for outputs
    /// that carry a score's fields inline).
    pub fn write_fields(&self, o: &mut Fields<'_>) {
        o.field("probability", &self.probability)
            .field("logit", &self.logit)
            .field("baselineLogit", &self.baseline_logit)
            .field("contributions", &self.contributions)
            .field("waterfall", &self.waterfall);
    }
}

impl ToJson for Score {
    fn write_json(&self, out: &mut String) {
        let mut o = Fields::new(out);
        self.write_fields(&mut o);
        o.end();
    }
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
        let model: Model = crate::json::parse_limited(text, 1 << 20)?;
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
        if !self.intercept.is_finite() {
            return bad("intercept", "must be a finite number".into());
        }
        let computed = self.intercept + self.features.iter().map(Feature::mean).sum::<f64>();
        if !self.baseline_logit.is_finite() || (computed - self.baseline_logit).abs() > 1e-9 {
            return bad(
                "baselineLogit",
                format!(
                    "must equal intercept + Σ feature means = {}, got {}",
                    crate::json::Num(computed),
                    crate::json::Num(self.baseline_logit)
                ),
            );
        }
        if let Some((k, v)) = self.metrics.iter().find(|(_, v)| !v.is_finite()) {
            return bad(
                &format!("metrics.{k}"),
                format!("must be a finite number, got {}", crate::json::Num(*v)),
            );
        }
        Ok(())
    }

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

    /// The feature named, if the model uses it.
    pub fn feature(&self, name: FeatureName) -> Option<&Feature> {
        self.features.iter().find(|f| f.name() == name)
    }

    /// The candidate values of one feature for counterfactuals: every
    /// level, or for a binned feature every integer of its domain and
    /// "absent" where it can be.
    pub fn candidates(&self, name: FeatureName) -> Vec<Value> {
        match name {
            FeatureName::Situation => Situation::ALL.iter().map(|s| Value::from(*s)).collect(),
            FeatureName::Education => Education::ALL.iter().map(|s| Value::from(*s)).collect(),
            FeatureName::MonthsSinceAbove3G => {
                let mut v: Vec<Value> = (1..=crate::domain::wages::LOOK_BACK_MONTHS)
                    .map(Value::from)
                    .collect();
                v.push(Value::Null);
                v
            }
            FeatureName::MonthsAbove3GLast24 => (0..=crate::domain::wages::COUNT_WINDOW_MONTHS)
                .map(Value::from)
                .collect(),
        }
    }
}

/// A copy of `input` with one feature set to `value` (a value from
/// [`Model::candidates`]); `None` if the value does not fit the feature.
pub fn with_value(input: &ModelInput, name: FeatureName, value: &Value) -> Option<ModelInput> {
    let mut out = *input;
    match name {
        FeatureName::Situation => out.situation = value.as_str()?.parse().ok()?,
        FeatureName::Education => out.education = value.as_str()?.parse().ok()?,
        FeatureName::MonthsSinceAbove3G => {
            out.months_since_above_3g = match value {
                Value::Null => None,
                v => Some(u32::try_from(v.as_u64()?).ok()?),
            }
        }
        FeatureName::MonthsAbove3GLast24 => {
            out.months_above_3g_last_24 = u32::try_from(value.as_u64()?).ok()?
        }
    }
    Some(out)
}

/// Size of the per-value weight tables of a [`Scorer`]: values 0–36.
const TABLE: usize = crate::domain::wages::LOOK_BACK_MONTHS as usize + 1;

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
