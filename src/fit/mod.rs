//! Fitting the probability model: logistic regression by IRLS (Newton's
//! method) with an optional L2 penalty, on **sufficient statistics**.
//!
//! Once binned, every input is categorical, so a cohort collapses into a few
//! hundred cells (one per combination of levels) with a row count and an
//! event count each. The Newton iterations only touch the cells: fitting a
//! million rows costs one pass to count them.
//!
//! # Procedure
//! 1. **Bins** (for a binned feature given without `edges`): one bin per
//!    month value; bins holding fewer than `minBinShare` of the rows are
//!    merged into their smaller neighbour; then the two adjacent bins with
//!    the closest event rates are merged until at most `maxBins` remain.
//!    "Never" (an absent `monthsSinceAbove3G`) is always a bin of its own.
//! 2. **Design**: an intercept, then treatment-coded columns per feature; the
//!    reference level is the most frequent one (ties: the first).
//! 3. **Aliasing**: the columns are Cholesky-factored in order on XᵀNX; a
//!    column whose pivot falls below 10⁻¹⁰ of its diagonal is linearly
//!    dependent on earlier ones and is dropped, as R's `glm` drops aliased
//!    columns. Its weight is 0 and it is listed in the model's `aliased`.
//!    (With both wage inputs binned, "no month above 3G in 24 months" is
//!    exactly "the last month above 3G was 25+ months ago, or never", so a
//!    bin edge at 25 makes one column aliased.)
//! 4. **Newton–Raphson** from the all-zero slope, intercept at the mean
//!    rate, with step halving; converged when the relative change of the
//!    penalized deviance is below 10⁻¹⁴ or the largest step below 10⁻¹¹.
//! 5. **Monotone weights**: more months above 3G should raise P(stable
//!    work) and more months since the last such month lower it (the other
//!    way round for P(without work)). When a fitted bin weight goes against
//!    that direction, the two offending neighbours are merged and the model
//!    is refitted, until the weights are monotone.
//! 6. **Separation**: without a penalty, a level whose rows are all events
//!    or all non-events has no finite estimate; that is an error naming the
//!    level (use `l2 > 0` or merge levels). Divergence (a coefficient beyond
//!    ±30 or no convergence) is reported the same way.

use crate::domain::form::{Education, Situation};
use crate::error::{Error, ErrorKind, Result};
use crate::json::{jobj, Fields, FromJson, Loc, Node, Obj, ToJson};
use crate::model::{sigmoid, Aliased, Feature, FeatureName, Model, ModelInput, Target, TrainedOn};
use crate::vocab::vocabulary;

/// How to encode one feature.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename_all = "camelCase"))]
pub struct FeatureSpec {
    /// The input.
    pub name: FeatureName,
    /// Binned features: fixed edges (omit to choose them from the data).
    #[cfg_attr(test, ts(optional = nullable))]
    pub edges: Option<Vec<f64>>,
}

impl ToJson for FeatureSpec {
    fn write_json(&self, out: &mut String) {
        let mut o = Fields::new(out);
        o.field("name", &self.name).some("edges", &self.edges);
        o.end();
    }
}

impl FromJson for FeatureSpec {
    fn read_json(v: &Node<'_>, at: &Loc<'_>) -> Result<Self> {
        let o = Obj::new(v, at, &["name", "edges"])?;
        Ok(FeatureSpec {
            name: o.req("name")?,
            edges: o.opt("edges")?,
        })
    }
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

fn default_min_bin_share() -> f64 {
    0.01
}
fn default_max_bins() -> usize {
    8
}
fn default_max_iterations() -> u32 {
    100
}

/// What to fit.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename_all = "camelCase"))]
pub struct FitSpec {
    /// Model id to write.
    pub id: String,
    /// Model version to write.
    #[cfg_attr(test, ts(as = "Option<_>", optional))]
    pub version: String,
    /// What to predict.
    pub target: Target,
    /// Inputs, in explanation order.
    pub features: Vec<FeatureSpec>,
    /// L2 penalty on the slopes (not the intercept); 0 = plain maximum likelihood.
    #[cfg_attr(test, ts(as = "Option<_>", optional))]
    pub l2: f64,
    /// Smallest share of rows per automatic bin.
    #[cfg_attr(test, ts(as = "Option<_>", optional))]
    pub min_bin_share: f64,
    /// Most automatic bins per feature (besides "never").
    #[cfg_attr(test, ts(as = "Option<_>", optional))]
    pub max_bins: usize,
    /// Monotone weights for binned features.
    #[cfg_attr(test, ts(as = "Option<_>", optional))]
    pub monotone: Monotone,
    /// Newton iterations at most.
    #[cfg_attr(test, ts(as = "Option<_>", optional))]
    pub max_iterations: u32,
    /// A line for the model file.
    #[cfg_attr(test, ts(as = "Option<_>", optional))]
    pub description: String,
}

fn default_version() -> String {
    "1.0.0".to_string()
}
fn default_monotone() -> Monotone {
    Monotone::Auto
}

const FIT_SPEC_FIELDS: &[&str] = &[
    "id",
    "version",
    "target",
    "features",
    "l2",
    "minBinShare",
    "maxBins",
    "monotone",
    "maxIterations",
    "description",
];

impl ToJson for FitSpec {
    fn write_json(&self, out: &mut String) {
        let mut o = Fields::new(out);
        o.field("id", &self.id)
            .field("version", &self.version)
            .field("target", &self.target)
            .field("features", &self.features)
            .field("l2", &self.l2)
            .field("minBinShare", &self.min_bin_share)
            .field("maxBins", &self.max_bins)
            .field("monotone", &self.monotone)
            .field("maxIterations", &self.max_iterations)
            .field("description", &self.description);
        o.end();
    }
}

impl FromJson for FitSpec {
    fn read_json(v: &Node<'_>, at: &Loc<'_>) -> Result<Self> {
        let o = Obj::new(v, at, FIT_SPEC_FIELDS)?;
        Ok(FitSpec {
            id: o.req("id")?,
            version: o.or_else("version", default_version)?,
            target: o.req("target")?,
            features: o.req("features")?,
            l2: o.or_default("l2")?,
            min_bin_share: o.or_else("minBinShare", default_min_bin_share)?,
            max_bins: o.or_else("maxBins", default_max_bins)?,
            monotone: o.or_else("monotone", default_monotone)?,
            max_iterations: o.or_else("maxIterations", default_max_iterations)?,
            description: o.or_default("description")?,
        })
    }
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

    fn check(&self) -> Result<()> {
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
                format!(
                    "must be a finite number ≥ 0, got {}",
                    crate::json::Num(self.l2)
                ),
            );
        }
        if !(self.min_bin_share.is_finite() && (0.0..=0.5).contains(&self.min_bin_share)) {
            return bad(
                "minBinShare",
                format!(
                    "must lie in [0, 0.5], got {}",
                    crate::json::Num(self.min_bin_share)
                ),
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
                if !binned(f.name) {
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
fn increasing(name: FeatureName, target: Target) -> bool {
    (name == FeatureName::MonthsAbove3GLast24) == target.noe_holds_events()
}

fn binned(name: FeatureName) -> bool {
    matches!(
        name,
        FeatureName::MonthsSinceAbove3G | FeatureName::MonthsAbove3GLast24
    )
}

/// Number of distinct raw values of a feature: levels, or months 0–36 plus
/// "never" (index 37).
const RAW_NUMERIC: usize = 38;

fn raw_count(name: FeatureName) -> usize {
    match name {
        FeatureName::Situation => Situation::ALL.len(),
        FeatureName::Education => Education::ALL.len(),
        _ => RAW_NUMERIC,
    }
}

fn raw_index(name: FeatureName, x: &ModelInput) -> usize {
    match name {
        FeatureName::Situation => x.situation.index(),
        FeatureName::Education => x.education.index(),
        FeatureName::MonthsSinceAbove3G => x
            .months_since_above_3g
            .map_or(RAW_NUMERIC - 1, |m| (m as usize).min(36)),
        FeatureName::MonthsAbove3GLast24 => (x.months_above_3g_last_24 as usize).min(36),
    }
}

/// Counts of rows and events per raw value combination: the sufficient
/// statistics of every model on these features.
#[derive(Debug, Clone, PartialEq)]
pub struct CellCounts {
    names: Vec<FeatureName>,
    /// (rows, events) per combination, mixed-radix indexed.
    cells: Vec<(f64, f64)>,
    total: f64,
    events: f64,
}

impl CellCounts {
    /// Counts `rows` (input, is-event) for the features of `names`.
    pub fn new<'a>(
        names: &[FeatureName],
        rows: impl IntoIterator<Item = (&'a ModelInput, bool)>,
    ) -> CellCounts {
        let size: usize = names.iter().map(|n| raw_count(*n)).product();
        let mut cells = vec![(0.0, 0.0); size];
        let (mut total, mut events) = (0.0, 0.0);
        for (x, event) in rows {
            let idx = names
                .iter()
                .fold(0, |acc, n| acc * raw_count(*n) + raw_index(*n, x));
            let cell = &mut cells[idx];
            cell.0 += 1.0;
            total += 1.0;
            if event {
                cell.1 += 1.0;
                events += 1.0;
            }
        }
        CellCounts {
            names: names.to_vec(),
            cells,
            total,
            events,
        }
    }

    /// Rows counted.
    pub fn total(&self) -> f64 {
        self.total
    }

    /// Non-empty cells as (raw index per feature, rows, events).
    fn nonempty(&self) -> Vec<(Vec<usize>, f64, f64)> {
        let mut out = Vec::new();
        for (idx, &(n, y)) in self.cells.iter().enumerate() {
            if n == 0.0 {
                continue;
            }
            let mut rest = idx;
            let mut raw = vec![0; self.names.len()];
            for (k, name) in self.names.iter().enumerate().rev() {
                raw[k] = rest % raw_count(*name);
                rest /= raw_count(*name);
            }
            out.push((raw, n, y));
        }
        out
    }

    /// Rows and events per raw value of feature `k`.
    fn margin(&self, k: usize) -> Vec<(f64, f64)> {
        let mut m = vec![(0.0, 0.0); raw_count(self.names[k])];
        for (raw, n, y) in self.nonempty() {
            m[raw[k]].0 += n;
            m[raw[k]].1 += y;
        }
        m
    }
}

/// A feature's levels after binning: raw value → level, and level labels.
#[derive(Debug, Clone, PartialEq)]
struct Encoding {
    name: FeatureName,
    /// Level per raw index (`usize::MAX` = value impossible for this feature).
    level_of: Vec<usize>,
    labels: Vec<String>,
    /// Binned only: edges between the numeric levels.
    edges: Vec<f64>,
    /// Binned only: index of the "never" level, if the feature has one.
    never: Option<usize>,
}

fn numeric_domain(name: FeatureName) -> std::ops::RangeInclusive<usize> {
    match name {
        FeatureName::MonthsSinceAbove3G => 1..=36,
        _ => 0..=24,
    }
}

fn categorical_encoding(name: FeatureName) -> Encoding {
    let labels: Vec<String> = match name {
        FeatureName::Situation => Situation::ALL
            .iter()
            .map(|s| s.as_str().to_string())
            .collect(),
        _ => Education::ALL
            .iter()
            .map(|s| s.as_str().to_string())
            .collect(),
    };
    Encoding {
        name,
        level_of: (0..labels.len()).collect(),
        labels,
        edges: Vec::new(),
        never: None,
    }
}

/// Encoding of a binned feature from its edges.
fn binned_encoding(name: FeatureName, edges: &[f64]) -> Encoding {
    let domain = numeric_domain(name);
    let bins = edges.len() + 1;
    let mut level_of = vec![usize::MAX; RAW_NUMERIC];
    for v in domain.clone() {
        level_of[v] = edges.partition_point(|e| *e <= v as f64);
    }
    let mut labels: Vec<String> = (0..bins)
        .map(|i| Feature::bin_label(name, edges, Some(i)))
        .collect();
    let never = (name == FeatureName::MonthsSinceAbove3G).then(|| {
        level_of[RAW_NUMERIC - 1] = bins;
        labels.push("never".to_string());
        bins
    });
    Encoding {
        name,
        level_of,
        labels,
        edges: edges.to_vec(),
        never,
    }
}

/// Groups of consecutive month values → edges.
fn edges_from_groups(groups: &[Vec<usize>]) -> Vec<f64> {
    groups
        .iter()
        .skip(1)
        .filter_map(|g| g.first().map(|v| *v as f64))
        .collect()
}

fn rate(g: &[usize], margin: &[(f64, f64)]) -> (f64, f64) {
    let n: f64 = g.iter().map(|v| margin[*v].0).sum();
    let y: f64 = g.iter().map(|v| margin[*v].1).sum();
    (n, if n > 0.0 { y / n } else { 0.0 })
}

/// The automatic binning of step 1 (see the module docs).
fn auto_edges(name: FeatureName, margin: &[(f64, f64)], total: f64, spec: &FitSpec) -> Vec<f64> {
    let mut groups: Vec<Vec<usize>> = numeric_domain(name).map(|v| vec![v]).collect();
    let min_rows = spec.min_bin_share * total;
    // Small bins into their smaller neighbour.
    loop {
        let small = groups
            .iter()
            .enumerate()
            .filter(|(_, g)| rate(g, margin).0 < min_rows.max(f64::MIN_POSITIVE))
            .min_by(|a, b| rate(a.1, margin).0.total_cmp(&rate(b.1, margin).0))
            .map(|(i, _)| i);
        let Some(i) = small else { break };
        if groups.len() == 1 {
            break;
        }
        let j = if i == 0 {
            1
        } else if i + 1 == groups.len()
            || rate(&groups[i - 1], margin).0 <= rate(&groups[i + 1], margin).0
        {
            i - 1
        } else {
            i + 1
        };
        let (a, b) = (i.min(j), i.max(j));
        let moved = groups.remove(b);
        groups[a].extend(moved);
    }
    while groups.len() > spec.max_bins {
        let i = (0..groups.len() - 1)
            .min_by(|&i, &j| {
                let d =
                    |k: usize| (rate(&groups[k], margin).1 - rate(&groups[k + 1], margin).1).abs();
                d(i).total_cmp(&d(j))
            })
            .unwrap_or(0);
        let moved = groups.remove(i + 1);
        groups[i].extend(moved);
    }
    edges_from_groups(&groups)
}

/// One coefficient of the fit's report.
#[derive(Debug, Clone, PartialEq)]
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

impl ToJson for Coefficient {
    fn write_json(&self, out: &mut String) {
        let mut o = Fields::new(out);
        o.field("column", &self.column)
            .field("estimate", &self.estimate)
            .field("stdError", &self.std_error)
            .field("aliased", &self.aliased);
        o.end();
    }
}

/// What the fit did.
#[derive(Debug, Clone, PartialEq)]
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

impl ToJson for FitReport {
    fn write_json(&self, out: &mut String) {
        let mut o = Fields::new(out);
        o.field("iterations", &self.iterations)
            .field("converged", &self.converged)
            .field("deviance", &self.deviance)
            .field("nullDeviance", &self.null_deviance)
            .field("logLikelihood", &self.log_likelihood)
            .field("l2", &self.l2)
            .field("rows", &self.rows)
            .field("cells", &self.cells)
            .field("monotoneRefits", &self.monotone_refits)
            .field("coefficients", &self.coefficients);
        o.end();
    }
}

/// A fitted model and its report.
#[derive(Debug, Clone, PartialEq)]
pub struct Fitted {
    /// The model file.
    pub model: Model,
    /// The report (also stored in `model.fit`).
    pub report: FitReport,
}

/// The design matrix of the cells: the columns and one row per cell.
struct Design {
    columns: Vec<(usize, usize)>,
    labels: Vec<String>,
    rows: Vec<(Vec<f64>, f64, f64)>,
}

fn design(
    encodings: &[Encoding],
    references: &[usize],
    cells: &[(Vec<usize>, f64, f64)],
) -> Result<Design> {
    let mut columns = Vec::new();
    let mut labels = vec!["intercept".to_string()];
    for (k, e) in encodings.iter().enumerate() {
        for level in 0..e.labels.len() {
            if level != references[k] {
                columns.push((k, level));
                labels.push(format!("{}={}", e.name, e.labels[level]));
            }
        }
    }
    // Cells with the same levels are merged. A dense table indexed by the
    // levels in mixed radix (first feature most significant) is walked in
    // the order of the level vectors, so the rows (and the sums over them)
    // come in the same order whatever order the cells had.
    let radix: Vec<usize> = encodings.iter().map(|e| e.labels.len().max(1)).collect();
    let size = radix.iter().try_fold(1usize, |acc, &r| acc.checked_mul(r));
    let size = size.filter(|&n| n <= 1 << 24).ok_or_else(|| {
        Error::new(
            ErrorKind::InvalidValue,
            "features",
            "too many combinations of levels to fit (more than 16 777 216)",
        )
    })?;
    let mut merged: Vec<(f64, f64)> = vec![(0.0, 0.0); size];
    let mut seen = vec![false; size];
    for (raw, n, y) in cells {
        let mut index = 0;
        for (k, e) in encodings.iter().enumerate() {
            let level = e.level_of.get(raw[k]).copied().unwrap_or(usize::MAX);
            if level == usize::MAX {
                return Err(Error::new(
                    ErrorKind::OutOfRange,
                    "rows",
                    format!("a value of {} lies outside its domain", e.name),
                ));
            }
            index = index * radix[k] + level;
        }
        merged[index].0 += n;
        merged[index].1 += y;
        seen[index] = true;
    }
    let mut rows = Vec::new();
    for (index, &(n, y)) in merged.iter().enumerate() {
        if !seen[index] {
            continue;
        }
        let mut levels = vec![0; radix.len()];
        let mut rest = index;
        for k in (0..radix.len()).rev() {
            levels[k] = rest % radix[k];
            rest /= radix[k];
        }
        let mut x = vec![1.0];
        x.extend(
            columns
                .iter()
                .map(|&(k, level)| f64::from(u8::from(levels[k] == level))),
        );
        rows.push((x, n, y));
    }
    Ok(Design {
        columns,
        labels,
        rows,
    })
}

/// Cholesky factor of a symmetric positive-definite matrix (lower, row-major);
/// `None` if a pivot is not positive.
fn cholesky(a: &[f64], p: usize) -> Option<Vec<f64>> {
    let mut l = vec![0.0; p * p];
    for j in 0..p {
        let mut d = a[j * p + j];
        for k in 0..j {
            d -= l[j * p + k] * l[j * p + k];
        }
        if d <= 0.0 || !d.is_finite() {
            return None;
        }
        let d = d.sqrt();
        l[j * p + j] = d;
        for i in j + 1..p {
            let mut s = a[i * p + j];
            for k in 0..j {
                s -= l[i * p + k] * l[j * p + k];
            }
            l[i * p + j] = s / d;
        }
    }
    Some(l)
}

fn solve(l: &[f64], p: usize, b: &[f64]) -> Vec<f64> {
    let mut y = b.to_vec();
    for i in 0..p {
        for k in 0..i {
            y[i] -= l[i * p + k] * y[k];
        }
        y[i] /= l[i * p + i];
    }
    for i in (0..p).rev() {
        for k in i + 1..p {
            y[i] -= l[k * p + i] * y[k];
        }
        y[i] /= l[i * p + i];
    }
    y
}

/// Columns dependent on earlier ones (step 3 of the module docs).
fn aliased_columns(d: &Design) -> Vec<bool> {
    let p = d.labels.len();
    let mut g = vec![0.0; p * p];
    for (x, n, _) in &d.rows {
        for i in 0..p {
            if x[i] == 0.0 {
                continue;
            }
            for j in 0..p {
                g[i * p + j] += n * x[i] * x[j];
            }
        }
    }
    // Cholesky in column order, skipping columns whose pivot vanishes.
    let mut aliased = vec![false; p];
    let mut l = vec![0.0; p * p];
    for j in 0..p {
        let mut d2 = g[j * p + j];
        for k in 0..j {
            if !aliased[k] {
                d2 -= l[j * p + k] * l[j * p + k];
            }
        }
        if g[j * p + j] <= 0.0 || d2 <= 1e-10 * g[j * p + j] {
            aliased[j] = true;
            continue;
        }
        let dj = d2.sqrt();
        l[j * p + j] = dj;
        for i in j + 1..p {
            let mut s = g[i * p + j];
            for k in 0..j {
                if !aliased[k] {
                    s -= l[i * p + k] * l[j * p + k];
                }
            }
            l[i * p + j] = s / dj;
        }
    }
    aliased
}

struct Irls {
    beta: Vec<f64>,
    iterations: u32,
    converged: bool,
    log_likelihood: f64,
    std_errors: Vec<f64>,
}

fn log_likelihood(rows: &[(Vec<f64>, f64, f64)], keep: &[usize], beta: &[f64]) -> f64 {
    let mut ll = 0.0;
    for (x, n, y) in rows {
        let eta: f64 = keep.iter().zip(beta).map(|(&c, b)| x[c] * b).sum();
        // log σ(η) = −log(1 + e^−η); log(1 − σ(η)) = −log(1 + e^η).
        let log_p = -softplus(-eta);
        let log_q = -softplus(eta);
        ll += y * log_p + (n - y) * log_q;
    }
    ll
}

fn softplus(x: f64) -> f64 {
    if x > 0.0 {
        x + libm::log1p(libm::exp(-x))
    } else {
        libm::log1p(libm::exp(x))
    }
}

fn irls(
    d: &Design,
    keep: &[usize],
    l2: f64,
    max_iterations: u32,
    total: f64,
    events: f64,
) -> Result<Irls> {
    let p = keep.len();
    let mut beta = vec![0.0; p];
    beta[0] = libm::log(events / (total - events));
    let penalty = |b: &[f64]| 0.5 * l2 * b.iter().skip(1).map(|v| v * v).sum::<f64>();
    let mut objective = log_likelihood(&d.rows, keep, &beta) - penalty(&beta);
    let mut converged = false;
    let mut iterations = 0;
    let mut hessian_l = Vec::new();
    while iterations < max_iterations {
        iterations += 1;
        let mut h = vec![0.0; p * p];
        let mut g = vec![0.0; p];
        for (x, n, y) in &d.rows {
            let xs: Vec<f64> = keep.iter().map(|&c| x[c]).collect();
            let eta: f64 = xs.iter().zip(&beta).map(|(a, b)| a * b).sum();
            let pr = sigmoid(eta);
            let w = n * pr * (1.0 - pr);
            let r = y - n * pr;
            for i in 0..p {
                if xs[i] == 0.0 {
                    continue;
                }
                g[i] += r * xs[i];
                for j in 0..p {
                    h[i * p + j] += w * xs[i] * xs[j];
                }
            }
        }
        for i in 1..p {
            h[i * p + i] += l2;
            g[i] -= l2 * beta[i];
        }
        let l = cholesky(&h, p).ok_or_else(|| {
            Error::new(ErrorKind::InvalidValue, "rows", "the information matrix became singular: the data separate the outcome (perfect or quasi-complete separation); merge levels or set l2 > 0")
        })?;
        let step = solve(&l, p, &g);
        hessian_l = l;
        let mut t = 1.0;
        let mut next: Vec<f64>;
        let mut next_obj;
        loop {
            next = beta.iter().zip(&step).map(|(b, s)| b + t * s).collect();
            next_obj = log_likelihood(&d.rows, keep, &next) - penalty(&next);
            if next_obj >= objective - 1e-12 * objective.abs() || t < 1e-6 {
                break;
            }
            t *= 0.5;
        }
        let max_step = step.iter().map(|s| (t * s).abs()).fold(0.0, f64::max);
        let rel = (next_obj - objective).abs() / (objective.abs() + 0.1);
        beta = next;
        objective = next_obj;
        if let Some(i) = beta.iter().position(|b| b.abs() > 30.0) {
            return Err(Error::new(
                ErrorKind::InvalidValue,
                "rows",
                format!("coefficient {i} grows without bound: perfect or quasi-complete separation; merge levels or set l2 > 0"),
            ));
        }
        if max_step < 1e-11 || (rel < 1e-15 && max_step < 1e-7) {
            converged = true;
            break;
        }
    }
    // Standard errors from the Hessian at the solution.
    let mut std_errors = vec![f64::NAN; p];
    if !hessian_l.is_empty() {
        for (i, se) in std_errors.iter_mut().enumerate() {
            let mut e = vec![0.0; p];
            e[i] = 1.0;
            *se = solve(&hessian_l, p, &e)[i].sqrt();
        }
    }
    let ll = log_likelihood(&d.rows, keep, &beta);
    Ok(Irls {
        beta,
        iterations,
        converged,
        log_likelihood: ll,
        std_errors,
    })
}

/// Fits a model to rows of (input, outcome-is-event).
///
/// # Errors
/// `OUT_OF_RANGE`/`INVALID_VALUE` for a bad spec (path inside the spec);
/// `INSUFFICIENT_DATA` for no rows or one class only; `INVALID_VALUE` (path
/// `rows`) for separation or divergence.
pub fn fit(
    counts: &CellCounts,
    spec: &FitSpec,
    trained_on: &str,
    synthetic: bool,
) -> Result<Fitted> {
    spec.check()?;
    let names: Vec<FeatureName> = spec.features.iter().map(|f| f.name).collect();
    if counts.names != names {
        return Err(Error::new(
            ErrorKind::InvalidValue,
            "features",
            "the cell counts were made for other features",
        ));
    }
    if counts.total == 0.0 {
        return Err(Error::new(
            ErrorKind::InsufficientData,
            "rows",
            "no rows to fit",
        ));
    }
    if counts.events == 0.0 || counts.events == counts.total {
        return Err(Error::new(
            ErrorKind::InsufficientData,
            "rows",
            format!(
                "all {} rows are of one class for target {}: nothing to fit",
                crate::json::Num(counts.total),
                spec.target
            ),
        ));
    }
    let cells = counts.nonempty();
    let mut encodings: Vec<Encoding> = spec
        .features
        .iter()
        .enumerate()
        .map(|(k, f)| {
            if !binned(f.name) {
                categorical_encoding(f.name)
            } else if let Some(edges) = &f.edges {
                binned_encoding(f.name, edges)
            } else {
                binned_encoding(
                    f.name,
                    &auto_edges(f.name, &counts.margin(k), counts.total, spec),
                )
            }
        })
        .collect();
    let mut refits = 0;
    loop {
        let (fitted, violation) = fit_once(
            &encodings, &cells, counts, spec, trained_on, synthetic, refits,
        )?;
        match violation {
            Some((k, bin)) if refits < 40 => {
                // Merge bin `bin` with bin `bin + 1` of feature k and refit.
                let mut edges = encodings[k].edges.clone();
                edges.remove(bin);
                encodings[k] = binned_encoding(encodings[k].name, &edges);
                refits += 1;
            }
            _ => return Ok(fitted),
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn fit_once(
    encodings: &[Encoding],
    cells: &[(Vec<usize>, f64, f64)],
    counts: &CellCounts,
    spec: &FitSpec,
    trained_on: &str,
    synthetic: bool,
    refits: u32,
) -> Result<(Fitted, Option<(usize, usize)>)> {
    // Reference level: the most frequent (ties: the first).
    let mut level_rows: Vec<Vec<(f64, f64)>> = encodings
        .iter()
        .map(|e| vec![(0.0, 0.0); e.labels.len()])
        .collect();
    for (raw, n, y) in cells {
        for (k, e) in encodings.iter().enumerate() {
            if let Some(&level) = e.level_of.get(raw[k]) {
                if level != usize::MAX {
                    level_rows[k][level].0 += n;
                    level_rows[k][level].1 += y;
                }
            }
        }
    }
    let references: Vec<usize> = level_rows
        .iter()
        .map(|lv| {
            lv.iter()
                .enumerate()
                .fold(0, |best, (i, v)| if v.0 > lv[best].0 { i } else { best })
        })
        .collect();
    let d = design(encodings, &references, cells)?;
    let aliased = aliased_columns(&d);
    let keep: Vec<usize> = (0..d.labels.len()).filter(|&c| !aliased[c]).collect();
    if spec.l2 == 0.0 {
        for &c in keep.iter().skip(1) {
            let (k, level) = d.columns[c - 1];
            let (n, y) = level_rows[k][level];
            if n > 0.0 && (y == 0.0 || y == n) {
                return Err(Error::new(
                    ErrorKind::InvalidValue,
                    "rows",
                    format!(
                        "perfect separation: every one of the {} rows with {}={} is {} the target {}; merge levels or set l2 > 0",
                        crate::json::Num(n),
                        encodings[k].name,
                        encodings[k].labels[level],
                        if y == 0.0 { "outside" } else { "inside" },
                        spec.target
                    ),
                ));
            }
        }
    }
    let r = irls(
        &d,
        &keep,
        spec.l2,
        spec.max_iterations,
        counts.total,
        counts.events,
    )?;
    if !r.converged {
        return Err(Error::new(
            ErrorKind::InvalidValue,
            "rows",
            format!("no convergence in {} Newton iterations (possible separation); set l2 > 0 or merge levels", r.iterations),
        ));
    }
    let mut full = vec![0.0; d.labels.len()];
    let mut se = vec![None; d.labels.len()];
    for (i, &c) in keep.iter().enumerate() {
        full[c] = r.beta[i];
        se[c] = Some(r.std_errors[i]);
    }
    // Weights per level of each feature (reference and aliased = 0).
    let mut weights: Vec<Vec<f64>> = encodings
        .iter()
        .map(|e| vec![0.0; e.labels.len()])
        .collect();
    for (c, &(k, level)) in d.columns.iter().enumerate() {
        weights[k][level] = full[c + 1];
    }
    let total = counts.total;
    let means: Vec<f64> = (0..encodings.len())
        .map(|k| {
            level_rows[k]
                .iter()
                .zip(&weights[k])
                .map(|(lv, w)| lv.0 * w)
                .sum::<f64>()
                / total
        })
        .collect();
    // Monotone check on fitted weights (numeric bins only).
    let mut violation = None;
    if spec.monotone == Monotone::Auto {
        for (k, e) in encodings.iter().enumerate() {
            if !binned(e.name) || e.edges.is_empty() {
                continue;
            }
            let bins = e.edges.len() + 1;
            let w = &weights[k][..bins];
            let up = increasing(e.name, spec.target);
            if let Some(i) =
                (0..bins - 1).find(|&i| if up { w[i + 1] < w[i] } else { w[i + 1] > w[i] })
            {
                violation = Some((k, i));
                break;
            }
        }
    }
    let features: Vec<Feature> = encodings
        .iter()
        .enumerate()
        .map(|(k, e)| {
            if binned(e.name) {
                let bins = e.edges.len() + 1;
                Feature::Binned {
                    name: e.name,
                    edges: e.edges.clone(),
                    weights: weights[k][..bins].to_vec(),
                    missing: e.never.map(|i| weights[k][i]),
                    mean: means[k],
                }
            } else {
                Feature::Categorical {
                    name: e.name,
                    reference: e.labels[references[k]].clone(),
                    levels: e
                        .labels
                        .iter()
                        .enumerate()
                        .filter(|(i, _)| *i != references[k])
                        .map(|(i, l)| (l.clone(), weights[k][i]))
                        .collect(),
                    mean: means[k],
                }
            }
        })
        .collect();
    let aliased_list: Vec<Aliased> = aliased
        .iter()
        .enumerate()
        .skip(1)
        .filter(|(_, a)| **a)
        .map(|(c, _)| {
            let (k, level) = d.columns[c - 1];
            Aliased {
                feature: encodings[k].name,
                level: encodings[k].labels[level].clone(),
            }
        })
        .collect();
    let coefficients: Vec<Coefficient> = d
        .labels
        .iter()
        .enumerate()
        .map(|(c, label)| Coefficient {
            column: label.clone(),
            estimate: full[c],
            std_error: se[c],
            aliased: aliased[c],
        })
        .collect();
    let null_ll = {
        let p = counts.events / total;
        counts.events * libm::log(p) + (total - counts.events) * libm::log(1.0 - p)
    };
    let report = FitReport {
        iterations: r.iterations,
        converged: r.converged,
        deviance: -2.0 * r.log_likelihood,
        null_deviance: -2.0 * null_ll,
        log_likelihood: r.log_likelihood,
        l2: spec.l2,
        rows: total as u64,
        cells: d.rows.len(),
        monotone_refits: refits,
        coefficients,
    };
    let intercept = full[0];
    let mut model = Model {
        id: spec.id.clone(),
        version: spec.version.clone(),
        target: spec.target,
        description: spec.description.clone(),
        trained_on: TrainedOn {
            cohort: trained_on.to_string(),
            rows: total as u64,
            synthetic,
        },
        features,
        intercept,
        baseline_logit: intercept + means.iter().sum::<f64>(),
        aliased: aliased_list,
        metrics: crate::json::Dict::new(),
        fit: None,
    };
    // Training metrics from the cells.
    let scorer = crate::model::Scorer::new(&model);
    let mut scored: Vec<(f64, f64, f64)> = Vec::with_capacity(cells.len());
    for (raw, n, y) in cells {
        let x = input_of(&counts.names, raw);
        scored.push((scorer.probability(&x), *n, *y));
    }
    let (auc, brier) = auc_brier(&mut scored);
    model.metrics.insert("auc", auc);
    model.metrics.insert("brier", brier);
    model.metrics.insert("eventRate", counts.events / total);
    model.fit = Some(jobj! {
        "iterations" => report.iterations,
        "deviance" => report.deviance,
        "nullDeviance" => report.null_deviance,
        "l2" => report.l2,
        "cells" => report.cells,
        "monotoneRefits" => report.monotone_refits,
        "coefficients" => crate::json::to_value(&report.coefficients),
    });
    Ok((Fitted { model, report }, violation))
}

/// A representative input for a raw cell index (for scoring cells).
fn input_of(names: &[FeatureName], raw: &[usize]) -> ModelInput {
    let mut x = ModelInput {
        situation: Situation::MistetJobben,
        education: Education::Grunnskole,
        months_since_above_3g: None,
        months_above_3g_last_24: 0,
    };
    for (k, name) in names.iter().enumerate() {
        let v = raw[k];
        match name {
            FeatureName::Situation => {
                x.situation = Situation::ALL.get(v).copied().unwrap_or(x.situation)
            }
            FeatureName::Education => {
                x.education = Education::ALL.get(v).copied().unwrap_or(x.education)
            }
            FeatureName::MonthsSinceAbove3G => {
                x.months_since_above_3g = (v < RAW_NUMERIC - 1).then_some(v as u32)
            }
            FeatureName::MonthsAbove3GLast24 => x.months_above_3g_last_24 = v as u32,
        }
    }
    x
}

/// AUC (Mann–Whitney, ties counted half) and Brier score from weighted
/// (probability, rows, events) triples.
pub fn auc_brier(scored: &mut [(f64, f64, f64)]) -> (f64, f64) {
    crate::sort::sort_by(scored, |a, b| a.0.total_cmp(&b.0));
    let (mut neg_below, mut pairs, mut total, mut pos_total, mut brier) = (0.0, 0.0, 0.0, 0.0, 0.0);
    let mut i = 0;
    while i < scored.len() {
        let mut j = i;
        let (mut pos, mut neg) = (0.0, 0.0);
        while j < scored.len() && scored[j].0 == scored[i].0 {
            pos += scored[j].2;
            neg += scored[j].1 - scored[j].2;
            j += 1;
        }
        pairs += pos * (neg_below + 0.5 * neg);
        neg_below += neg;
        pos_total += pos;
        i = j;
    }
    for (p, n, y) in scored.iter() {
        total += n;
        brier += y * (1.0 - p) * (1.0 - p) + (n - y) * p * p;
    }
    let neg_total = total - pos_total;
    let auc = if pos_total > 0.0 && neg_total > 0.0 {
        pairs / (pos_total * neg_total)
    } else {
        f64::NAN
    };
    (auc, if total > 0.0 { brier / total } else { f64::NAN })
}
