//! Model invariants on random models and inputs: exact additive
//! contributions, counterfactuals that really flip the unit, and model files
//! that are rejected with a path.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use proptest::prelude::*;
use serde_json::{json, Value};
use veivalg::domain::form::{Education, Situation};
use veivalg::model::{with_value, Model, ModelInput, Scorer};
use veivalg::routing::counterfactual::counterfactuals;
use veivalg::routing::noe_rule::model_selects_noe;

fn weight() -> impl Strategy<Value = f64> {
    -4.0f64..4.0
}

prop_compose! {
    fn random_model()(
        sit in prop::collection::vec(weight(), 9),
        since_edges in prop::collection::btree_set(2u32..36, 1..7),
        count_edges in prop::collection::btree_set(1u32..24, 1..7),
        since_w in prop::collection::vec(weight(), 8),
        count_w in prop::collection::vec(weight(), 8),
        missing in weight(),
        intercept in weight(),
        means in prop::collection::vec(-1.0f64..1.0, 3),
        target in prop::sample::select(vec!["STABLE_WORK", "WITHOUT_WORK"]),
    ) -> Model {
        let se: Vec<f64> = since_edges.into_iter().map(f64::from).collect();
        let ce: Vec<f64> = count_edges.into_iter().map(f64::from).collect();
        let levels: serde_json::Map<String, Value> = Situation::ALL[1..].iter().zip(&sit).map(|(s, w)| (s.to_string(), json!(w))).collect();
        let m = json!({
            "id": "random", "version": "1", "target": target,
            "trainedOn": { "cohort": "none", "rows": 0, "synthetic": true },
            "features": [
                { "name": "situation", "kind": "categorical", "reference": "MISTET_JOBBEN", "levels": levels, "mean": means[0] },
                { "name": "monthsSinceAbove3G", "kind": "binned", "edges": se, "weights": since_w[..se.len() + 1], "missing": missing, "mean": means[1] },
                { "name": "monthsAbove3GLast24", "kind": "binned", "edges": ce, "weights": count_w[..ce.len() + 1], "mean": means[2] }
            ],
            "intercept": intercept, "baselineLogit": intercept + means[0] + means[1] + means[2]
        });
        Model::from_json(&m.to_string()).unwrap()
    }
}

prop_compose! {
    fn input()(s in 0usize..10, since in prop::option::of(1u32..=36), count in 0u32..=24) -> ModelInput {
        // Make the two wage inputs consistent.
        let count = match since {
            Some(v) if v <= 24 => 1 + count % (25 - v),
            _ => 0,
        };
        ModelInput { situation: Situation::ALL[s], education: Education::Grunnskole, months_since_above_3g: since, months_above_3g_last_24: count }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1000, .. ProptestConfig::default() })]

    /// baselineLogit + Σ contributions = logit to 1e-12, and the compiled
    /// scorer agrees with the model file bit for bit.
    #[test]
    fn contributions_sum_to_the_logit(m in random_model(), x in input()) {
        prop_assert!(x.is_consistent());
        let s = m.score(&x);
        let sum: f64 = s.baseline_logit + s.contributions.iter().map(|c| c.logit).sum::<f64>();
        prop_assert!((sum - s.logit).abs() <= 1e-12, "{} vs {}", sum, s.logit);
        prop_assert_eq!(Scorer::new(&m).logit(&x).to_bits(), s.logit.to_bits());
        prop_assert_eq!(m.logit(&x).to_bits(), s.logit.to_bits());
        // The waterfall walks from σ(baseline) to the probability.
        let last = s.waterfall.steps.last().unwrap().to;
        prop_assert!((last - s.probability).abs() < 1e-12);
        prop_assert!((s.waterfall.steps[0].from - s.waterfall.baseline_probability).abs() == 0.0);
    }

    /// Every counterfactual, applied to the input, flips the routing; the
    /// changed input is a possible wage history; and it is the nearest such
    /// single change (no value closer to the person's flips).
    #[test]
    fn counterfactuals_flip_the_unit(m in random_model(), x in input(), cutoff in 0.05f64..0.95) {
        let scorer = Scorer::new(&m);
        let before = model_selects_noe(m.target, scorer.probability(&x), cutoff);
        for cf in counterfactuals(&m, &scorer, &x, cutoff) {
            let mut changed = x;
            for ch in &cf.changes {
                prop_assert_eq!(&ch.from, &x.value(ch.feature));
                changed = with_value(&changed, ch.feature, &ch.to).unwrap();
            }
            prop_assert!(changed.is_consistent());
            let p = scorer.probability(&changed);
            prop_assert_eq!(p.to_bits(), cf.probability.to_bits());
            prop_assert!(model_selects_noe(m.target, p, cutoff) != before);
            prop_assert!(!cf.actionable);
            if cf.changes.len() == 1 {
                let ch = &cf.changes[0];
                if let (Some(from), Some(to)) = (ch.from.as_u64(), ch.to.as_u64()) {
                    let d = from.abs_diff(to);
                    for v in m.candidates(ch.feature) {
                        if let Some(vv) = v.as_u64() {
                            if from.abs_diff(vv) < d && vv != from {
                                let y = with_value(&x, ch.feature, &v).unwrap();
                                if y.is_consistent() {
                                    prop_assert!(model_selects_noe(m.target, scorer.probability(&y), cutoff) == before);
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

fn model_json() -> Value {
    json!({
        "id": "m", "version": "1", "target": "STABLE_WORK",
        "trainedOn": { "cohort": "none", "rows": 0, "synthetic": true },
        "features": [
            { "name": "monthsSinceAbove3G", "kind": "binned", "edges": [3, 12], "weights": [0, -1, -2], "missing": -3, "mean": -1 }
        ],
        "intercept": 0.5, "baselineLogit": -0.5
    })
}

fn err(m: Value) -> (String, String, String) {
    let e = Model::from_json(&m.to_string()).unwrap_err();
    (
        e.kind.as_str().to_string(),
        e.path.clone(),
        e.message.clone(),
    )
}

#[test]
fn malformed_models_are_rejected_with_a_path() {
    assert!(Model::from_json(&model_json().to_string()).is_ok());
    let mut m = model_json();
    m["features"][0]["weights"] = json!([0, -1]);
    let (kind, path, msg) = err(m);
    assert_eq!(
        (kind.as_str(), path.as_str()),
        ("INVALID_CONFIG", "features[0].weights")
    );
    assert!(msg.contains("do not cover the real line"), "{msg}");
    let mut m = model_json();
    m["features"][0]["edges"] = json!([12, 3]);
    assert_eq!(err(m).1, "features[0].edges");
    let mut m = model_json();
    m["baselineLogit"] = json!(0.0);
    assert_eq!(err(m).1, "baselineLogit");
    let mut m = model_json();
    m["features"][0].as_object_mut().unwrap().remove("missing");
    assert_eq!(err(m).1, "features[0].missing");
    let mut m = model_json();
    m["features"][0]["kind"] = json!("spline");
    assert_eq!(err(m).0, "INVALID_VALUE");
    let mut m = model_json();
    m["target"] = json!("HAPPINESS");
    assert_eq!(err(m).1, "target");
    // NaN cannot be written in JSON; a string or a huge exponent is rejected too.
    let text = model_json()
        .to_string()
        .replace("\"intercept\":0.5", "\"intercept\":NaN");
    assert_eq!(
        Model::from_json(&text).unwrap_err().kind.as_str(),
        "INVALID_JSON"
    );
    let text = model_json()
        .to_string()
        .replace("\"intercept\":0.5", "\"intercept\":1e999");
    assert!(Model::from_json(&text).is_err());
}
