//! Fitting checked by hand: closed-form log-odds, aliasing, separation and
//! bad input.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use veivalg::domain::form::{Education, Situation};
use veivalg::fit::{fit, CellCounts, FeatureSpec, FitSpec, Monotone};
use veivalg::model::{FeatureName, ModelInput, Target};

fn input(situation: Situation, since: Option<u32>, count: u32) -> ModelInput {
    ModelInput {
        situation,
        education: Education::Grunnskole,
        months_since_above_3g: since,
        months_above_3g_last_24: count,
    }
}

fn spec(features: Vec<FeatureSpec>) -> FitSpec {
    FitSpec {
        id: "t".into(),
        version: "1".into(),
        target: Target::StableWork,
        features,
        l2: 0.0,
        min_bin_share: 0.0,
        max_bins: 40,
        monotone: Monotone::None,
        max_iterations: 100,
        description: String::new(),
    }
}

fn situation_only() -> Vec<FeatureSpec> {
    vec![FeatureSpec {
        name: FeatureName::Situation,
        edges: None,
    }]
}

/// A 2×2 table: MISTET_JOBBEN 30 of 100 events, HAR_SAGT_OPP 10 of 50.
/// Closed form: intercept = ln(30/70) (the most frequent level is the
/// reference), slope = ln(10/40) − ln(30/70); standard errors
/// √(1/30 + 1/70) and √(1/30 + 1/70 + 1/10 + 1/40) (Woolf).
#[test]
fn two_by_two_table_gives_closed_form_log_odds() {
    let mut rows = Vec::new();
    for i in 0..100 {
        rows.push((input(Situation::MistetJobben, Some(1), 1), i < 30));
    }
    for i in 0..50 {
        rows.push((input(Situation::HarSagtOpp, Some(1), 1), i < 10));
    }
    let counts = CellCounts::new(&[FeatureName::Situation], rows.iter().map(|(x, y)| (x, *y)));
    let f = fit(&counts, &spec(situation_only()), "hand", false).unwrap();
    let c = &f.report.coefficients;
    let intercept = (30.0f64 / 70.0).ln();
    let slope = (10.0f64 / 40.0).ln() - intercept;
    assert_eq!(c[0].column, "intercept");
    assert!(
        (c[0].estimate - intercept).abs() < 1e-10,
        "{}",
        c[0].estimate
    );
    let har = c
        .iter()
        .find(|c| c.column == "situation=HAR_SAGT_OPP")
        .unwrap();
    assert!((har.estimate - slope).abs() < 1e-10);
    assert!((c[0].std_error.unwrap() - (1.0 / 30.0 + 1.0 / 70.0f64).sqrt()).abs() < 1e-8);
    assert!(
        (har.std_error.unwrap() - (1.0 / 30.0 + 1.0 / 70.0 + 1.0 / 10.0 + 1.0 / 40.0f64).sqrt())
            .abs()
            < 1e-8
    );
    // The eight levels with no rows are aliased (all-zero columns) and dropped.
    assert_eq!(c.iter().filter(|c| c.aliased).count(), 8);
    // Explanations: the mean weight is (50 × slope) / 150, so the baseline is
    // the log-odds of a "typical" registrant, not the overall rate.
    let m = &f.model;
    assert!((m.baseline_logit - (intercept + 50.0 * slope / 150.0)).abs() < 1e-10);
    assert!(((*m.metrics.get("eventRate").unwrap()) - 40.0 / 150.0).abs() < 1e-12);
}

/// The report's pitfall: with months-since bins "…, 25–36, never" and a
/// count bin "0", the indicator of count 0 equals since 25–36 + never, so
/// one column is aliased. It is found, dropped, reported and has weight 0.
#[test]
fn redundant_wage_bins_are_aliased_and_dropped() {
    let mut rows = Vec::new();
    let mut k = 0u32;
    for since in (1..=36).map(Some).chain([None]) {
        for count in 0..=24u32 {
            let x = input(Situation::MistetJobben, since, count);
            if !x.is_consistent() {
                continue;
            }
            for r in 0..20 {
                k += 1;
                // Events depend on both inputs (deterministic pattern).
                let p = 0.15 + 0.6 * f64::from(count) / 24.0
                    - 0.1 * f64::from(since.unwrap_or(37).min(36)) / 36.0;
                rows.push((x, f64::from(r) < 20.0 * p.clamp(0.05, 0.95)));
            }
        }
    }
    assert!(k > 1000);
    let features = vec![
        FeatureSpec {
            name: FeatureName::MonthsSinceAbove3G,
            edges: Some(vec![2.0, 3.0, 4.0, 7.0, 13.0, 25.0]),
        },
        FeatureSpec {
            name: FeatureName::MonthsAbove3GLast24,
            edges: Some(vec![1.0, 4.0, 7.0, 13.0, 19.0, 24.0]),
        },
    ];
    let names = [
        FeatureName::MonthsSinceAbove3G,
        FeatureName::MonthsAbove3GLast24,
    ];
    let counts = CellCounts::new(&names, rows.iter().map(|(x, y)| (x, *y)));
    let f = fit(&counts, &spec(features), "hand", false).unwrap();
    assert_eq!(f.model.aliased.len(), 1, "{:?}", f.model.aliased);
    let aliased: Vec<_> = f.report.coefficients.iter().filter(|c| c.aliased).collect();
    assert_eq!(aliased.len(), 1);
    assert_eq!(aliased[0].estimate, 0.0);
    assert!(f.report.converged);
}

#[test]
fn separation_is_an_error_naming_the_level() {
    let mut rows = Vec::new();
    for i in 0..100 {
        rows.push((input(Situation::MistetJobben, Some(1), 1), i < 30));
        rows.push((input(Situation::AldriHattJobb, None, 0), false));
    }
    let counts = CellCounts::new(&[FeatureName::Situation], rows.iter().map(|(x, y)| (x, *y)));
    let e = fit(&counts, &spec(situation_only()), "hand", false).unwrap_err();
    assert_eq!(e.path, "rows");
    assert!(
        e.message.contains("situation=ALDRI_HATT_JOBB") && e.message.contains("separation"),
        "{}",
        e.message
    );
    // A penalty makes the estimate finite.
    let mut s = spec(situation_only());
    s.l2 = 1.0;
    let f = fit(&counts, &s, "hand", false).unwrap();
    assert!(f.report.converged);
}

#[test]
fn one_class_and_bad_specs_are_errors() {
    let rows: Vec<_> = (0..10)
        .map(|_| (input(Situation::MistetJobben, Some(1), 1), true))
        .collect();
    let counts = CellCounts::new(&[FeatureName::Situation], rows.iter().map(|(x, y)| (x, *y)));
    let e = fit(&counts, &spec(situation_only()), "hand", false).unwrap_err();
    assert_eq!(e.kind.as_str(), "INSUFFICIENT_DATA");
    let mut s = spec(situation_only());
    s.l2 = f64::NAN;
    assert_eq!(fit(&counts, &s, "hand", false).unwrap_err().path, "l2");
    let mut s = spec(situation_only());
    s.features = vec![FeatureSpec {
        name: FeatureName::Situation,
        edges: Some(vec![1.0]),
    }];
    assert_eq!(
        fit(&counts, &s, "hand", false).unwrap_err().path,
        "features[0].edges"
    );
    let empty = CellCounts::new(&[FeatureName::Situation], std::iter::empty());
    assert_eq!(
        fit(&empty, &spec(situation_only()), "hand", false)
            .unwrap_err()
            .kind
            .as_str(),
        "INSUFFICIENT_DATA"
    );
}
