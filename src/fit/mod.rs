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
//!
//! # Layout
//! [`spec`] (what to fit), [`cells`] (the counts), `binning` (levels and
//! automatic bins, step 1), `design` (design matrix and aliasing, steps 2
//! and 3), `linalg`, `irls` (the Newton iterations, step 4), [`auc`]
//! (training metrics), [`report`] (what a fit returns); this module runs
//! the procedure (steps 5 and 6 included).

pub mod auc;
mod binning;
pub mod cells;
mod design;
mod irls;
mod linalg;
pub mod report;
pub mod spec;

pub use auc::auc_brier;
pub use cells::CellCounts;
pub use report::{Coefficient, FitReport, Fitted};
pub use spec::{FeatureSpec, FitSpec, Monotone};

use binning::{auto_edges, binned_encoding, categorical_encoding, Encoding};
use cells::input_of;
use design::{aliased_columns, design};
use irls::irls;
use spec::increasing;

use crate::error::{Error, ErrorKind, Result};
use crate::model::{Aliased, Feature, FeatureName, Model, TrainedOn};

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
                counts.total, spec.target
            ),
        ));
    }
    let cells = counts.nonempty();
    let mut encodings: Vec<Encoding> = spec
        .features
        .iter()
        .enumerate()
        .map(|(k, f)| {
            if !f.name.is_numeric() {
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
                        n,
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
            if !e.name.is_numeric() || e.edges.is_empty() {
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
            if e.name.is_numeric() {
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
        metrics: std::collections::BTreeMap::new(),
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
    model.metrics.insert("auc".to_string(), auc);
    model.metrics.insert("brier".to_string(), brier);
    model
        .metrics
        .insert("eventRate".to_string(), counts.events / total);
    model.fit = Some(serde_json::json!({
        "iterations": report.iterations,
        "deviance": report.deviance,
        "nullDeviance": report.null_deviance,
        "l2": report.l2,
        "cells": report.cells,
        "monotoneRefits": report.monotone_refits,
        "coefficients": report.coefficients,
    }));
    Ok((Fitted { model, report }, violation))
}
