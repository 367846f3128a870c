//! `gBeyondTable: "LATEST"`: a month after the shipped G table (which ends
//! in April 2026, the G of 1 May 2025 = 130 160 NOK) gets the table's latest
//! G when the caller opts in, and every output that used it names the
//! months and the G. The default stays an error. Expectations worked out by
//! hand from the dates: a registration on 2026-09-15 looks back at
//! 2023-09 … 2026-08 for the model inputs, of which 2026-05 … 2026-08 lie
//! after the table.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use serde_json::{json, Value};
use veivalg::api;

fn person() -> Value {
    json!({
        "registeredOn": "2026-09-15",
        "birthDate": "1979-06-02",
        "answers": {
            "situation": "MISTET_JOBBEN", "education": "HOYERE_UTDANNING_1_TIL_4",
            "educationApproved": "JA", "educationPassed": "JA",
            "healthObstacles": "NEI", "otherObstacles": "NEI"
        },
        "employment": [{ "start": "2020-01-01", "end": null }],
        "wages": [{ "month": "2026-07", "nok": 60000 }, { "month": "2025-12", "nok": 40000 }]
    })
}

fn parse(text: &str) -> Value {
    serde_json::from_str(text).unwrap()
}

const NOTE: fn() -> Value = || json!({ "from": "2026-05", "to": "2026-08", "g": { "from": "2025-05-01", "nok": 130160.0 } });

#[test]
fn the_default_is_an_error_naming_the_month() {
    let p = person().to_string();
    let e = api::text::decide(&p, r#"{"policy": "variant-a"}"#).unwrap_err();
    assert_eq!(e.kind.as_str(), "INSUFFICIENT_DATA");
    // It names a month after the table (the first one the inputs needed)
    // and where the table ends.
    assert!(
        e.message.contains("no grunnbeløp for 2026-0") && e.message.contains("to 2026-04"),
        "{}",
        e.message
    );
    let e = api::text::wage_history(&p, "null").unwrap_err();
    assert_eq!(e.kind.as_str(), "INSUFFICIENT_DATA");
}

#[test]
fn a_model_decision_says_which_months_got_the_latest_g() {
    let p = person().to_string();
    let d = parse(
        &api::text::decide(&p, r#"{"policy": "variant-a", "gBeyondTable": "LATEST"}"#).unwrap(),
    );
    assert_eq!(d["method"], "MODEL");
    assert_eq!(d["gAssumed"], NOTE());
    // 60 000 NOK in July 2026 is above 3G/12 = 32 540 NOK: the latest
    // month above 3G is two months before the registration month.
    assert_eq!(d["features"]["monthsSinceAbove3G"], 2);
    // A rule-tree decision uses no G and says nothing.
    let d = parse(&api::text::decide(&p, r#"{"gBeyondTable": "LATEST"}"#).unwrap());
    assert_eq!(d["method"], "RULE_TREE");
    assert!(d.get("gAssumed").is_none());
}

#[test]
fn the_score_and_the_wage_history_say_it_too() {
    let p = person().to_string();
    let s = parse(&api::text::score(&p, r#"{"gBeyondTable": "LATEST"}"#).unwrap());
    assert_eq!(s["gAssumed"], NOTE());
    let h =
        parse(&api::text::wage_history(&p, r#"{"months": 24, "gBeyondTable": "LATEST"}"#).unwrap());
    let h = h.as_array().unwrap();
    assert_eq!(h.len(), 24);
    assert_eq!(h[0]["month"], "2024-09");
    let assumed: Vec<&str> = h
        .iter()
        .filter(|m| m["gAssumed"] == json!(true))
        .map(|m| m["month"].as_str().unwrap())
        .collect();
    assert_eq!(assumed, ["2026-05", "2026-06", "2026-07", "2026-08"]);
    // Those months carry the latest G, 130 160 / 12.
    assert_eq!(h[22]["monthlyG"], json!(130160.0 / 12.0));
    assert!(h[10].get("gAssumed").is_none());
}

#[test]
fn a_label_after_the_table_names_its_months() {
    let mut p = person();
    p["registeredOn"] = json!("2026-01-10");
    p["wagesThrough"] = json!("2027-01");
    let l =
        parse(&api::text::label_outcome(&p.to_string(), r#"{"gBeyondTable": "LATEST"}"#).unwrap());
    // Months 1–12 are 2026-02 … 2027-01; after the table: 2026-05 … 2027-01.
    assert_eq!(l["gAssumed"]["from"], "2026-05");
    assert_eq!(l["gAssumed"]["to"], "2027-01");
}

#[test]
fn explain_passes_the_choice_to_every_method() {
    let p = person().to_string();
    let e = parse(&api::text::explain(&p, r#"{"gBeyondTable": "LATEST"}"#).unwrap());
    let methods = e["methods"].as_array().unwrap();
    assert_eq!(methods.len(), 3);
    for m in &methods[1..] {
        assert_eq!(m["decision"]["gAssumed"], NOTE(), "{}", m["policy"]["id"]);
    }
    assert_eq!(e["wageHistory"].as_array().unwrap().len(), 24);
    // Without the choice the model methods carry their error instead.
    let e = parse(&api::text::explain(&p, "null").unwrap());
    assert_eq!(e["methods"][1]["error"]["kind"], "INSUFFICIENT_DATA");
    assert!(e["wageHistory"].is_null());
    assert_eq!(e["wageHistoryError"]["kind"], "INSUFFICIENT_DATA");
}
