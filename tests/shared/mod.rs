//! Behaviour tests shared by every target: native (`tests/native_shared.rs`),
//! wasm in Node (`tests/wasm_node.rs`) and wasm in headless Chromium
//! (`tests/wasm_browser.rs`). Each body is a plain function calling the
//! JSON-text facade [`veivalg::api`]; [`shared_tests!`] turns the list below
//! into test functions with the attribute each target needs.
//!
//! Add a body here and its name to the list in `shared_tests!`; every target
//! then runs it.

use serde_json::{json, Value};
use veivalg::api;

/// Tests of the JS binding, run by the two wasm test files.
#[cfg(target_arch = "wasm32")]
#[macro_use]
pub mod binding;

/// The golden parity set (native and wasm give the same bytes).
pub mod parity;

/// The valid registrations the tests start from.
pub mod fixtures;
pub use fixtures::quick_return_person;

/// Hostile inputs made from valid ones (the wasm fuzz pass).
#[cfg(target_arch = "wasm32")]
pub mod mutate;

/// Declares one test per shared body, with the given test attribute
/// (`test` natively, `wasm_bindgen_test` on wasm32).
macro_rules! shared_tests {
    ($attr:meta) => {
        shared_tests!(@emit $attr;
            decide_quick_return_goes_to_noe,
            decide_health_obstacle_goes_to_local_office,
            decide_bad_enum_value_names_the_field,
            decide_unknown_field_names_the_field,
            decide_malformed_json_is_invalid_json,
            decide_is_deterministic,
            rule_tree_rulesets_differ_on_vet_ikke,
            grunnbelop_table_has_published_values,
            bad_values_name_their_field,
            arrays_where_objects_belong_are_invalid_type,
            cohort_synthetic_is_labelled_and_reproducible,
            cohort_share_moves_the_cutoff_and_the_volume,
            cohort_errors_name_the_option,
            cohort_from_records_computes_rows_and_names_bad_records,
            parity_with_golden_file,
        );
    };
    (@emit $attr:meta; $($name:ident),* $(,)?) => {
        $(
            #[$attr]
            fn $name() {
                shared::$name();
            }
        )*
    };
}

fn parse(text: &str) -> Value {
    serde_json::from_str(text).expect("the facade returns JSON text")
}

fn decide(person: &Value, options: &str) -> veivalg::Result<Value> {
    api::text::decide(&person.to_string(), options).map(|t| parse(&t))
}

fn codes(list: &Value, field: &str) -> Vec<String> {
    list.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|x| x[field].as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default()
}

/// Design §3: quick return ∧ age 30–66 ∧ digital → NOE under the January
/// 2025 policy, which is in force on 14 March 2025.
pub fn decide_quick_return_goes_to_noe() {
    let d = decide(&quick_return_person(), "null").expect("a valid person");
    assert_eq!(d["method"], "RULE_TREE");
    assert_eq!(d["policy"]["id"], "noe-2025-01");
    assert_eq!(d["group"], "ANTATT_GODE_MULIGHETER");
    assert_eq!(d["unit"], "NOE");
    let rules = codes(&d["trace"], "rule");
    assert!(rules.contains(&"WORK_HISTORY".to_string()), "{rules:?}");
    let steps = d["trace"].as_array().expect("a trace");
    let work = steps
        .iter()
        .find(|s| s["rule"] == "WORK_HISTORY")
        .expect("a work-history step");
    assert_eq!(work["holds"], true);
}

/// Report Tabell 2: an obstacle decides the group before anything else, and
/// the policy sends it to the local office.
pub fn decide_health_obstacle_goes_to_local_office() {
    let mut p = quick_return_person();
    p["answers"]["healthObstacles"] = json!("JA");
    let d = decide(&p, "null").expect("a valid person");
    assert_eq!(d["group"], "OPPGITT_HINDRINGER");
    assert_eq!(d["unit"], "LOCAL_OFFICE");
    let reasons = codes(&d["reasons"], "code");
    assert!(
        reasons.contains(&"HEALTH_OBSTACLES".to_string()),
        "{reasons:?}"
    );
}

/// Enum values are matched exactly, with the path of the field and a hint.
pub fn decide_bad_enum_value_names_the_field() {
    let mut p = quick_return_person();
    p["answers"]["situation"] = json!("MISTET_JOBEN");
    let e = decide(&p, "null").expect_err("an unknown situation");
    assert_eq!(e.kind.as_str(), "INVALID_VALUE");
    assert_eq!(e.path, "answers.situation");
    assert!(e.message.contains("MISTET_JOBBEN"), "{}", e.message);
}

/// Unknown fields are rejected, named by their path.
pub fn decide_unknown_field_names_the_field() {
    let mut p = quick_return_person();
    p["answers"]["colour"] = json!("red");
    let e = decide(&p, "null").expect_err("an unknown field");
    assert_eq!(e.kind.as_str(), "UNKNOWN_FIELD");
    assert_eq!(e.path, "answers.colour");
}

/// Text that is not JSON is `INVALID_JSON`, not a panic.
pub fn decide_malformed_json_is_invalid_json() {
    let e = api::text::decide("{\"registeredOn\": ", "null").expect_err("malformed JSON");
    assert_eq!(e.kind.as_str(), "INVALID_JSON");
}

/// The same input gives the same bytes, call after call.
pub fn decide_is_deterministic() {
    let text = quick_return_person().to_string();
    let a = api::text::decide(&text, "null").expect("a valid person");
    let b = api::text::decide(&text, "null").expect("a valid person");
    assert_eq!(a, b);
}

/// Design §3: VET_IKKE on the health question is no obstacle under ruleset
/// 2018-10 and an obstacle under 2024-03.
pub fn rule_tree_rulesets_differ_on_vet_ikke() {
    let mut p = quick_return_person();
    p["answers"]["healthObstacles"] = json!("VET_IKKE");
    let text = p.to_string();
    let old = parse(&api::text::rule_tree(&text, r#"{"ruleset": "2018-10"}"#).expect("2018-10"));
    let new = parse(&api::text::rule_tree(&text, r#"{"ruleset": "2024-03"}"#).expect("2024-03"));
    assert_ne!(old["group"], "OPPGITT_HINDRINGER");
    assert_eq!(new["group"], "OPPGITT_HINDRINGER");
}

/// The shipped G table holds NAV's published values (design §3).
pub fn grunnbelop_table_has_published_values() {
    let table = parse(&api::text::grunnbelop());
    let rows = table.as_array().expect("an array of {from, nok}");
    let nok_from = |from: &str| {
        rows.iter()
            .find(|r| r["from"] == from)
            .and_then(|r| r["nok"].as_f64())
    };
    assert_eq!(nok_from("2014-05-01"), Some(88_370.0));
    assert_eq!(nok_from("2024-05-01"), Some(124_028.0));
    assert_eq!(nok_from("2025-05-01"), Some(130_160.0));
}

/// The issue's bad inputs, through the facade: a number where an enum
/// belongs, a wage as the text "45 000", a negative wage: each names its
/// field; the facade keeps answering afterwards.
pub fn bad_values_name_their_field() {
    let cases = [
        (
            "/answers/healthObstacles",
            json!(1),
            "INVALID_TYPE",
            "answers.healthObstacles",
        ),
        (
            "/answers/situation",
            json!(7),
            "INVALID_TYPE",
            "answers.situation",
        ),
        (
            "/wages",
            json!([{ "month": "2024-12", "nok": "45 000" }]),
            "INVALID_TYPE",
            "wages[0].nok",
        ),
        (
            "/wages",
            json!([{ "month": "2024-12", "nok": -5 }]),
            "OUT_OF_RANGE",
            "wages[0].nok",
        ),
        (
            "/wages",
            json!([{ "month": "2024-13", "nok": 5 }]),
            "INVALID_VALUE",
            "wages[0].month",
        ),
        (
            "/employment",
            json!({ "start": "2020-01-01" }),
            "INVALID_TYPE",
            "employment",
        ),
    ];
    for (pointer, value, kind, path) in cases {
        let mut p = quick_return_person();
        match p.pointer_mut(pointer) {
            Some(slot) => *slot = value.clone(),
            None => {
                p["wages"] = value.clone();
            }
        }
        let e = decide(&p, "null").expect_err(pointer);
        assert_eq!(
            (e.kind.as_str(), e.path.as_str()),
            (kind, path),
            "{pointer} = {value}: {}",
            e.message
        );
        assert_eq!(
            decide(&quick_return_person(), "null").expect("still answers")["unit"],
            "NOE"
        );
    }
    let e = api::text::wage_history(&quick_return_person().to_string(), r#"{"months": "24"}"#)
        .expect_err("months as text");
    assert_eq!(
        (e.kind.as_str(), e.path.as_str()),
        ("INVALID_TYPE", "options.months")
    );
}

/// Issue 9: an array of a struct's fields in order (which serde's derived
/// readers would take, field by field) where an object belongs is
/// `INVALID_TYPE` naming that object: the person, its answers, a wage
/// entry, an employment period, the options, a policy object, a fit spec
/// and synthetic options.
pub fn arrays_where_objects_belong_are_invalid_type() {
    let p = quick_return_person();
    let values = |v: &Value| {
        Value::Array(
            v.as_object()
                .expect("an object")
                .values()
                .cloned()
                .collect(),
        )
    };
    let answers_as_array = {
        let mut q = p.clone();
        q["answers"] = values(&p["answers"]);
        q
    };
    let period_as_array = {
        let mut q = p.clone();
        q["employment"][0] = json!(["2023-02-01", null]);
        q
    };
    let wage_as_array = {
        let mut q = p.clone();
        q["wages"] = json!([{ "month": "2024-12", "nok": 41000 }, ["2025-01", 41000]]);
        q
    };
    let person_cases = [
        (values(&p), ""),
        (answers_as_array, "answers"),
        (period_as_array, "employment[0]"),
        (wage_as_array, "wages[1]"),
    ];
    for (person, path) in &person_cases {
        let e = decide(person, "null").expect_err(path);
        assert_eq!(
            (e.kind.as_str(), e.path.as_str()),
            ("INVALID_TYPE", *path),
            "{}",
            e.message
        );
        assert!(e.message.contains("got an array"), "{}", e.message);
    }
    let text = p.to_string();
    let option_cases: [(veivalg::Result<String>, &str); 4] = [
        (api::text::decide(&text, r#"["noe-2025-01"]"#), "options"),
        (
            api::text::decide(&text, r#"{"policy": ["x", "2025-01-01", "RULE_TREE"]}"#),
            "options.policy",
        ),
        (api::text::wage_history(&text, "[24]"), "options"),
        (
            veivalg::cohort::session::CohortSession::synthetic("[1, 50]").map(|_| String::new()),
            "",
        ),
    ];
    for (result, path) in option_cases {
        let e = result.expect_err(path);
        assert_eq!(
            (e.kind.as_str(), e.path.as_str()),
            ("INVALID_TYPE", path),
            "{}",
            e.message
        );
    }
    let e = session(r#"{"seed": 1, "size": 40}"#)
        .fit(r#"["x", "STABLE_WORK", [{"name": "situation"}]]"#)
        .expect_err("a fit spec as an array");
    assert_eq!((e.kind.as_str(), e.path.as_str()), ("INVALID_TYPE", "spec"));
    assert_eq!(
        decide(&quick_return_person(), "null").expect("still answers")["unit"],
        "NOE"
    );
}

fn session(options: &str) -> veivalg::cohort::session::CohortSession {
    veivalg::cohort::session::CohortSession::synthetic(options).expect("a synthetic cohort")
}

/// A synthetic cohort says so, and the same seed gives the same cohort.
pub fn cohort_synthetic_is_labelled_and_reproducible() {
    let a = parse(
        &session(r#"{"seed": 3, "size": 1500}"#)
            .summary_json()
            .expect("summary"),
    );
    let b = parse(
        &session(r#"{"seed": 3, "size": 1500}"#)
            .summary_json()
            .expect("summary"),
    );
    assert_eq!(a, b);
    assert_eq!(a["rows"], 1500);
    assert_eq!(a["synthetic"], true);
    let shares: f64 = a["outcomeShares"]
        .as_array()
        .expect("three shares")
        .iter()
        .filter_map(Value::as_f64)
        .sum();
    assert!((shares - 1.0).abs() < 1e-12, "{shares}");
    let c = parse(
        &session(r#"{"seed": 4, "size": 1500}"#)
            .summary_json()
            .expect("summary"),
    );
    assert_ne!(a["outcomeShares"], c["outcomeShares"]);
}

fn model_policy(model: &Value) -> Value {
    json!({
        "policy": {
            "id": "test-a", "validFrom": "2025-01-01", "status": "PROPOSAL", "method": "MODEL",
            "model": model["id"], "share": 0.3, "noeAge": { "min": 30, "max": 66 },
            "toLocalOffice": ["HEALTH_OBSTACLES", "OTHER_OBSTACLES"], "source": "test"
        },
        "model": model
    })
}

/// A larger share sends more people to NOE at a lower cut-off (variant A:
/// P ≥ cut-off goes to NOE), and the evaluation reports the share asked for.
pub fn cohort_share_moves_the_cutoff_and_the_volume() {
    let mut s = session(r#"{"seed": 2, "size": 3000}"#);
    let spec = r#"{"id": "a", "target": "STABLE_WORK", "features": [{"name": "situation"},
        {"name": "monthsSinceAbove3G"}, {"name": "monthsAbove3GLast24"}]}"#;
    let model = parse(&s.fit(spec).expect("a fitted model"));
    assert_eq!(model["trainedOn"]["synthetic"], true);
    let at = |s: &mut veivalg::cohort::session::CohortSession, share: f64| {
        let mut o = model_policy(&model);
        o["share"] = json!(share);
        parse(&s.evaluate(&o.to_string()).expect("an evaluation"))
    };
    let low = at(&mut s, 0.2);
    let high = at(&mut s, 0.5);
    assert_eq!(low["share"], 0.2);
    let count = |e: &Value| e["selected"]["count"].as_u64().unwrap_or(0);
    assert!(
        count(&low) < count(&high),
        "{} < {}",
        count(&low),
        count(&high)
    );
    let cut = |e: &Value| e["cutoff"].as_f64().unwrap_or(f64::NAN);
    assert!(cut(&low) > cut(&high), "{} > {}", cut(&low), cut(&high));
    let mut o = model_policy(&model);
    o["share"] = json!(0.5);
    let t = s
        .threshold_for_share_json(&o.to_string())
        .expect("a cut-off");
    assert_eq!(t, cut(&high));
}

/// Bad options name the option at fault, and the cohort stays usable.
pub fn cohort_errors_name_the_option() {
    let e = veivalg::cohort::session::CohortSession::synthetic(r#"{"seed": 1, "size": 0}"#)
        .expect_err("size 0");
    assert_eq!((e.kind.as_str(), e.path.as_str()), ("OUT_OF_RANGE", "size"));
    let e = veivalg::cohort::session::CohortSession::synthetic(r#"{"seed": -1, "size": 10}"#)
        .expect_err("a negative seed");
    assert_eq!(e.path, "seed");
    let e = veivalg::cohort::session::CohortSession::synthetic(
        r#"{"seed": 1, "size": 10, "ages": "ALL"}"#,
    )
    .expect_err("an unknown age range");
    assert_eq!(
        (e.kind.as_str(), e.path.as_str()),
        ("INVALID_VALUE", "ages")
    );
    let mut s = session(r#"{"seed": 1, "size": 500}"#);
    let e = s
        .evaluate(r#"{"policy": "noe-2018", "shares": 0.3}"#)
        .expect_err("unknown option");
    assert_eq!(
        (e.kind.as_str(), e.path.as_str()),
        ("UNKNOWN_FIELD", "options.shares")
    );
    let e = s
        .evaluate(r#"{"policy": "noe-1999"}"#)
        .expect_err("unknown policy");
    assert_eq!(
        (e.kind.as_str(), e.path.as_str()),
        ("NOT_FOUND", "options.policy")
    );
    let e = s
        .fit(r#"{"id": "x", "target": "STABLE_WORK", "features": [{"name": "age"}]}"#)
        .expect_err("no such feature");
    assert_eq!(
        (e.kind.as_str(), e.path.as_str()),
        ("INVALID_VALUE", "spec.features[0].name")
    );
    let ok = parse(
        &s.evaluate(r#"{"method": "RULE_TREE_GROUP"}"#)
            .expect("still usable"),
    );
    assert_eq!(ok["rows"], 500);
}

/// Records become rows with computed groups and outcomes; a bad record is
/// named by its index.
pub fn cohort_from_records_computes_rows_and_names_bad_records() {
    let params = veivalg::cohort::synthetic::SyntheticParams::shipped().expect("params");
    let records: Vec<Value> = (0..40)
        .map(|i| {
            let r = veivalg::cohort::synthetic::record(params, 9, i);
            let person: Value = parse(&veivalg::wire::to_string(&r.person));
            json!({ "synthetic": true, "person": person, "gender": "FEMALE" })
        })
        .collect();
    let text = Value::Array(records.clone()).to_string();
    let s = veivalg::cohort::session::CohortSession::from_records_json(
        &text,
        r#"{"ruleset": "2018-10"}"#,
    )
    .expect("a cohort from records");
    let summary = parse(&s.summary_json().expect("summary"));
    assert_eq!(summary["rows"], 40);
    assert_eq!(summary["ruleset"], "2018-10");
    assert_eq!(summary["synthetic"], true);
    let mut bad = records;
    bad[1]["person"]["answers"]["situation"] = json!("FIRED");
    let e = veivalg::cohort::session::CohortSession::from_records_json(
        &Value::Array(bad).to_string(),
        "null",
    )
    .expect_err("a bad record");
    assert_eq!(
        (e.kind.as_str(), e.path.as_str()),
        ("INVALID_VALUE", "[1].person.answers.situation")
    );
    let e = veivalg::cohort::session::CohortSession::from_records_json("[]", "null")
        .expect_err("no records");
    assert_eq!(e.kind.as_str(), "INSUFFICIENT_DATA");
}

/// The golden parity set (see [`parity`]); natively,
/// `VEIVALG_BLESS=1` rewrites `tests/golden/parity.txt`.
pub fn parity_with_golden_file() {
    let outputs = parity::outputs();
    // `VEIVALG_DUMP=FILE` writes every output in full (`name<TAB>json`),
    // to compare two versions of the code by meaning rather than by hash.
    #[cfg(not(target_arch = "wasm32"))]
    if let Some(file) = std::env::var_os("VEIVALG_DUMP") {
        let text: String = outputs.iter().map(|(n, t)| format!("{n}\t{t}\n")).collect();
        std::fs::write(file, text).expect("write the dump");
    }
    #[cfg(not(target_arch = "wasm32"))]
    if std::env::var_os("VEIVALG_BLESS").is_some() {
        let file = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golden/parity.txt");
        std::fs::write(file, parity::render(&outputs)).expect("write tests/golden/parity.txt");
        return;
    }
    parity::check(&outputs);
}
