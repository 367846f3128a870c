//! A model decision worked out by hand: features, contributions, waterfall,
//! cut-off, overrides and counterfactuals.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use serde_json::{json, Value};
use veivalg::api;

/// situation: MISTET_JOBBEN 0 (reference), JOBB_OVER_2_AAR −1, others −0.5,
/// mean −0.3. monthsSinceAbove3G: bins (−∞,4) 0.5, [4,13) 0, [13,∞) −0.5,
/// never −1, mean 0.1. monthsAbove3GLast24: bins (−∞,1) −1, [1,7) 0,
/// [7,13) 0.5, [13,∞) 1, mean 0.2. Intercept −0.2, so the baseline is
/// −0.2 − 0.3 + 0.1 + 0.2 = −0.2.
fn model() -> Value {
    let mut levels = serde_json::Map::new();
    for s in [
        "HAR_SAGT_OPP",
        "DELTIDSJOBB_VIL_MER",
        "ALDRI_HATT_JOBB",
        "VIL_BYTTE_JOBB",
        "ER_PERMITTERT",
        "USIKKER_JOBBSITUASJON",
        "AKKURAT_FULLFORT_UTDANNING",
        "VIL_FORTSETTE_I_JOBB",
    ] {
        levels.insert(s.into(), json!(-0.5));
    }
    levels.insert("JOBB_OVER_2_AAR".into(), json!(-1.0));
    json!({
        "id": "hand-a", "version": "0.1", "target": "STABLE_WORK",
        "trainedOn": { "cohort": "none (hand-made)", "rows": 0, "synthetic": true },
        "features": [
            { "name": "situation", "kind": "categorical", "reference": "MISTET_JOBBEN", "levels": levels, "mean": -0.3 },
            { "name": "monthsSinceAbove3G", "kind": "binned", "edges": [4, 13], "weights": [0.5, 0.0, -0.5], "missing": -1.0, "mean": 0.1 },
            { "name": "monthsAbove3GLast24", "kind": "binned", "edges": [1, 7, 13], "weights": [-1.0, 0.0, 0.5, 1.0], "mean": 0.2 }
        ],
        "intercept": -0.2, "baselineLogit": -0.2
    })
}

fn policy(cutoff: f64) -> Value {
    json!({ "id": "hand-policy", "validFrom": "2025-01-01", "status": "PROPOSAL", "method": "MODEL",
        "model": "hand-a", "cutoff": cutoff, "noeAge": { "min": 30, "max": 59 },
        "toLocalOffice": ["HEALTH_OBSTACLES", "OTHER_OBSTACLES", "SINGLE_PARENT", "DIGITAL_RESERVATION", "SENSITIVE"],
        "source": "test" })
}

/// Registered 2019-03-20 after losing a job; 30 000 NOK (above 3G = 24 220.75
/// from May 2018) in each of September 2018 – February 2019: since = 1,
/// count = 6.
fn person() -> Value {
    let wages: Vec<Value> = [
        "2018-09", "2018-10", "2018-11", "2018-12", "2019-01", "2019-02",
    ]
    .iter()
    .map(|m| json!({ "month": m, "nok": 30000 }))
    .collect();
    json!({ "registeredOn": "2019-03-20", "age": 40,
        "answers": { "situation": "MISTET_JOBBEN", "education": "GRUNNSKOLE", "healthObstacles": "NEI", "otherObstacles": "NEI" },
        "wages": wages })
}

fn decide(person: &Value, cutoff: f64) -> Value {
    let out = api::text::decide(
        &person.to_string(),
        &json!({ "policy": policy(cutoff), "model": model() }).to_string(),
    )
    .unwrap();
    serde_json::from_str(&out).unwrap()
}

fn sigmoid(x: f64) -> f64 {
    1.0 / (1.0 + (-x).exp())
}

#[test]
fn below_the_cutoff_with_one_counterfactual() {
    let d = decide(&person(), 0.6);
    assert_eq!(d["method"], "MODEL");
    assert_eq!(
        d["features"],
        json!({ "situation": "MISTET_JOBBEN", "monthsSinceAbove3G": 1, "monthsAbove3GLast24": 6 })
    );
    // logit = −0.2 + 0 + 0.5 + 0 = 0.3.
    assert!((d["probability"].as_f64().unwrap() - sigmoid(0.3)).abs() < 1e-12);
    assert_eq!(d["baselineLogit"], -0.2);
    let c: Vec<f64> = d["contributions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["logit"].as_f64().unwrap())
        .collect();
    // 0 − (−0.3), 0.5 − 0.1, 0 − 0.2.
    for (got, want) in c.iter().zip([0.3, 0.4, -0.2]) {
        assert!((got - want).abs() < 1e-12, "{c:?}");
    }
    assert_eq!(d["contributions"][1]["bin"], "1–3");
    assert_eq!(d["contributions"][2]["bin"], "1–6");
    // σ(0.3) = 0.574 < 0.6 → local office.
    assert_eq!(d["unit"], "LOCAL_OFFICE");
    assert_eq!(d["reasons"][0]["code"], "MODEL_SELECTS_LOCAL_OFFICE");
    // Only one more month above 3G (7, bin [7,13): +0.5 → logit 0.8) flips it:
    // the situation and the months-since weights are already at their highest.
    let cf = d["counterfactuals"].as_array().unwrap();
    assert_eq!(cf.len(), 1, "{cf:?}");
    assert_eq!(
        cf[0]["changes"],
        json!([{ "feature": "monthsAbove3GLast24", "from": 6, "to": 7 }])
    );
    assert_eq!(cf[0]["unit"], "NOE");
    assert_eq!(cf[0]["actionable"], false);
    assert_eq!(cf[0]["kind"], json!(["PAST_WAGES"]));
    assert!((cf[0]["probability"].as_f64().unwrap() - sigmoid(0.8)).abs() < 1e-12);
    // The waterfall starts at σ(−0.2) and ends at σ(0.3).
    let w = &d["waterfall"];
    assert_eq!(w["order"], "MODEL_FILE_FEATURE_ORDER");
    assert!((w["baselineProbability"].as_f64().unwrap() - sigmoid(-0.2)).abs() < 1e-12);
    assert!((w["steps"][2]["to"].as_f64().unwrap() - sigmoid(0.3)).abs() < 1e-12);
    // Rule-tree fields are absent.
    assert!(d.get("group").is_none() && d.get("trace").is_none());
}

/// Cut-off 0.55: σ(0.3) ≥ 0.55 → NOE. Flipping to the local office: any
/// other situation (−0.5 → σ(−0.2) = 0.45; the first such level,
/// HAR_SAGT_OPP, is the one closest to the cut-off); months since 1 → 4
/// (weight 0 → 0.45); the count cannot go lower while since = 1 (count 0
/// with a month above 3G last month is impossible).
#[test]
fn above_the_cutoff_with_two_counterfactuals() {
    let d = decide(&person(), 0.55);
    assert_eq!(d["unit"], "NOE");
    let cf = d["counterfactuals"].as_array().unwrap();
    let changes: Vec<&Value> = cf.iter().map(|c| &c["changes"][0]).collect();
    assert_eq!(changes.len(), 2, "{cf:?}");
    assert_eq!(
        *changes[0],
        json!({ "feature": "situation", "from": "MISTET_JOBBEN", "to": "HAR_SAGT_OPP" })
    );
    assert_eq!(
        *changes[1],
        json!({ "feature": "monthsSinceAbove3G", "from": 1, "to": 4 })
    );
    assert!(cf.iter().all(|c| c["unit"] == "LOCAL_OFFICE"));
}

/// Overrides: a sensitive person goes to the local office whatever the
/// model says, and no model change could alter that — no counterfactuals.
#[test]
fn overrides_leave_no_counterfactuals() {
    let mut p = person();
    p["sensitive"] = json!(true);
    let d = decide(&p, 0.55);
    assert_eq!(d["unit"], "LOCAL_OFFICE");
    let codes: Vec<&str> = d["reasons"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["MODEL_SELECTS_NOE", "SENSITIVE"]);
    assert_eq!(d["counterfactuals"], json!([]));
}

#[test]
fn bad_model_policies() {
    let p = person().to_string();
    let call = |policy: Value| {
        api::text::decide(
            &p,
            &json!({ "policy": policy, "model": model() }).to_string(),
        )
        .unwrap_err()
    };
    let mut pol = policy(0.5);
    pol["cutoff"] = json!(1.0);
    let e = call(pol);
    assert_eq!(
        (e.kind.as_str(), e.path.as_str()),
        ("OUT_OF_RANGE", "options.policy.cutoff")
    );
    let mut pol = policy(0.5);
    pol.as_object_mut().unwrap().remove("cutoff");
    pol["share"] = json!(1.3);
    let e = call(pol);
    assert_eq!(
        (e.kind.as_str(), e.path.as_str()),
        ("OUT_OF_RANGE", "options.policy.share")
    );
    let mut pol = policy(0.5);
    pol.as_object_mut().unwrap().remove("cutoff");
    pol["share"] = json!(0.37);
    let e = call(pol);
    assert_eq!(
        (e.kind.as_str(), e.path.as_str()),
        ("INVALID_CONFIG", "policy.cutoff")
    );
    let mut pol = policy(0.5);
    pol["model"] = json!("nope");
    let e = call(pol);
    assert_eq!(
        (e.kind.as_str(), e.path.as_str()),
        ("NOT_FOUND", "options.policy.model")
    );
    let e = api::text::decide(
        &p,
        &json!({ "policy": policy(0.5), "model": 5 }).to_string(),
    )
    .unwrap_err();
    assert_eq!(
        (e.kind.as_str(), e.path.as_str()),
        ("INVALID_TYPE", "options.model")
    );
}
