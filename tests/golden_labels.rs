//! Golden cases for the outcome labels (report section 3.1, Tabell 3), the
//! G table and the wage features. Expectations are worked out by hand in
//! the comments from the G values of design §3.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use serde_json::{json, Value};
use veivalg::api;

/// Registered 2024-03-10; month 1 = April 2024 by default, month 12 =
/// March 2025. `above` lists the months (1-based) paid 40 000 NOK, `mid`
/// those paid 15 000 NOK; every other month is 0; data through March 2025.
///
/// G: 118 620 until April 2024, 124 028 from May 2024 (3G/month = 31 007),
/// so 40 000 is above 3G and 15 000 (≈ 1.45 G) is neither above 3G nor
/// below 1G in every month used here.
fn wages(above: &[u32], mid: &[u32]) -> Value {
    let mut w = Vec::new();
    for m in 1..=12u32 {
        let month = 3 + m; // April 2024 = 4
        let (year, mon) = if month > 12 {
            (2025, month - 12)
        } else {
            (2024, month)
        };
        let nok = if above.contains(&m) {
            40_000
        } else if mid.contains(&m) {
            15_000
        } else {
            0
        };
        w.push(json!({ "month": format!("{year}-{mon:02}"), "nok": nok }));
    }
    json!({ "registeredOn": "2024-03-10", "wages": w, "wagesThrough": "2025-03" })
}

fn label(input: &Value, options: Value) -> Value {
    serde_json::from_str(
        &api::text::label_outcome(&input.to_string(), &options.to_string()).unwrap(),
    )
    .unwrap()
}

fn outcome(input: &Value) -> (String, String) {
    let l = label(input, Value::Null);
    (
        l["outcome"].as_str().unwrap().to_string(),
        l["rule"].as_str().unwrap().to_string(),
    )
}

fn pair(a: &str, b: &str) -> (String, String) {
    (a.to_string(), b.to_string())
}

/// Tabell 3 "stable work" (a): above 3G in 10 or more of the 12 months.
/// Months 1–10 above → 10 → rule A. Months 1–9 above → 9, not A; months
/// 6–12 above: 6, 7, 8, 9 = 4 < 5, not B; below 1G: months 10–12 = 3 < 10
/// → in and out.
#[test]
fn rule_a_ten_versus_nine_months() {
    assert_eq!(
        outcome(&wages(&[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], &[])),
        pair("STABLE_WORK", "A")
    );
    assert_eq!(
        outcome(&wages(&[1, 2, 3, 4, 5, 6, 7, 8, 9], &[])),
        pair("IN_AND_OUT", "NEITHER")
    );
}

/// Tabell 3 "stable work" (b): above 3G in 5 of months 6–12. Months 6–10
/// → 5 of 7 → rule B (total only 5, so not A). Months 6, 7, 8, 9 and 11
/// also give 5 of months 6–12 (the default reading) but not "the last 5
/// months" (8–12 all above, the alternative reading); months 8–12 satisfy
/// both readings. Months 7–10: 4 → not B.
#[test]
fn rule_b_readings() {
    assert_eq!(
        outcome(&wages(&[6, 7, 8, 9, 10], &[])),
        pair("STABLE_WORK", "B")
    );
    assert_eq!(
        outcome(&wages(&[6, 7, 8, 9, 11], &[])),
        pair("STABLE_WORK", "B")
    );
    let last_five = json!({ "ruleB": "LAST_FIVE_MONTHS" });
    let l = label(&wages(&[6, 7, 8, 9, 11], &[]), last_five.clone());
    // Not B under the alternative: above 5 (<10), below 1G: 7 (<10) → in and out.
    assert_eq!(
        (l["outcome"].as_str(), l["rule"].as_str()),
        (Some("IN_AND_OUT"), Some("NEITHER"))
    );
    let l = label(&wages(&[8, 9, 10, 11, 12], &[]), last_five);
    assert_eq!(
        (l["outcome"].as_str(), l["rule"].as_str()),
        (Some("STABLE_WORK"), Some("B"))
    );
    assert_eq!(outcome(&wages(&[7, 8, 9, 10], &[])).0, "IN_AND_OUT");
}

/// Tabell 3 "without work": below 1G in 10 or more months. Months 1–2 at
/// 15 000 (≥ 1G, ≤ 3G), the rest 0 → 10 below → without work. Months 1–3
/// at 15 000 → 9 below → in and out.
#[test]
fn without_work_ten_versus_nine_months() {
    assert_eq!(
        outcome(&wages(&[], &[1, 2])),
        pair("WITHOUT_WORK", "WITHOUT")
    );
    assert_eq!(
        outcome(&wages(&[], &[1, 2, 3])),
        pair("IN_AND_OUT", "NEITHER")
    );
    let l = label(&wages(&[], &[1, 2]), Value::Null);
    assert_eq!(l["monthsBelow1G"], 10);
    assert_eq!(l["monthsAbove3G"], 0);
}

/// "Above 3G" is strictly more than 3 × G/12. From May 2024 G = 124 028,
/// so 3G/month = 372 084 / 12 = 31 007 exactly: 31 007 is not above,
/// 31 007.01 is. With the INCLUSIVE option 31 007 counts.
#[test]
fn wage_exactly_three_g_is_not_above() {
    let input = json!({ "registeredOn": "2024-04-10",
        "wages": [{ "month": "2024-05", "nok": 31007 }, { "month": "2024-06", "nok": 31007.01 }],
        "wagesThrough": "2025-04" });
    let l = label(&input, Value::Null);
    assert_eq!(l["months"][0]["month"], "2024-05");
    assert_eq!(l["months"][0]["above3G"], false);
    assert_eq!(l["months"][1]["above3G"], true);
    assert_eq!(l["months"][0]["ratio"], 3.0);
    let l = label(&input, json!({ "boundary": "INCLUSIVE" }));
    assert_eq!(l["months"][0]["above3G"], true);
}

/// G switches on 1 May. 30 000 NOK in April 2024 is above 3G (3 × 118 620 /
/// 12 = 29 655) but the same wage in May 2024 is not (31 007). Monthly G:
/// April 9 885, May 10 335.67 (report: "1G in 2024 = 10 336 NOK/month").
#[test]
fn g_switches_on_the_first_of_may() {
    let input = json!({ "registeredOn": "2024-03-10",
        "wages": [{ "month": "2024-04", "nok": 30000 }, { "month": "2024-05", "nok": 30000 }],
        "wagesThrough": "2025-03" });
    let l = label(&input, Value::Null);
    assert_eq!(l["months"][0]["monthlyG"], 9885.0);
    assert_eq!(l["months"][0]["above3G"], true);
    assert!((l["months"][1]["monthlyG"].as_f64().unwrap() - 10_335.666_666).abs() < 1e-3);
    assert_eq!(l["months"][1]["above3G"], false);
    // G table: 2014-05 is the first month covered. Registered 2017-05-10,
    // the 36 months before are 2014-05 … 2017-04 (covered); 37 reach 2014-04.
    let hist: Value = serde_json::from_str(
        &api::text::wage_history(
            &person_with("2017-05-10", json!([])).to_string(),
            r#"{"months": 36}"#,
        )
        .unwrap(),
    )
    .unwrap();
    assert_eq!(hist[0]["month"], "2014-05");
    assert_eq!(hist[0]["monthlyG"], 88_370.0 / 12.0);
    assert_eq!(hist[35]["month"], "2017-04");
    let e = api::text::wage_history(
        &person_with("2017-05-10", json!([])).to_string(),
        r#"{"months": 37}"#,
    )
    .unwrap_err();
    assert_eq!(e.kind.as_str(), "INSUFFICIENT_DATA");
    assert!(e.message.contains("2014-04"), "{}", e.message);
}

/// Month 1 is the month after registration by default. Registered
/// 2024-03-10, 40 000 NOK in March–December 2024 (10 months):
/// * NEXT_MONTH: months April 2024 – March 2025 → above in April–December
///   = 9; months 6–12 (Sep–Mar): Sep, Oct, Nov, Dec = 4 → not B; below 1G:
///   Jan, Feb, Mar = 3 → in and out.
/// * REGISTRATION_MONTH: March 2024 – February 2025 → above 10 → rule A.
#[test]
fn month_one_next_month_versus_registration_month() {
    let w: Vec<Value> = (3..=12)
        .map(|m| json!({ "month": format!("2024-{m:02}"), "nok": 40000 }))
        .collect();
    let input = json!({ "registeredOn": "2024-03-10", "wages": w, "wagesThrough": "2025-03" });
    let l = label(&input, Value::Null);
    assert_eq!(
        (l["outcome"].as_str(), l["rule"].as_str()),
        (Some("IN_AND_OUT"), Some("NEITHER"))
    );
    assert_eq!(l["months"][0]["month"], "2024-04");
    let l = label(&input, json!({ "monthOne": "REGISTRATION_MONTH" }));
    assert_eq!(
        (l["outcome"].as_str(), l["rule"].as_str()),
        (Some("STABLE_WORK"), Some("A"))
    );
    assert_eq!(l["months"][0]["month"], "2024-03");
}

/// Labels need 12 complete months: registered 2024-03-10, month 12 is
/// March 2025. Data through February 2025 → error; through March → a label.
/// Without `wagesThrough` the latest wage entry decides.
#[test]
fn fewer_than_twelve_months_is_an_error() {
    let input = json!({ "registeredOn": "2024-03-10", "wages": [], "wagesThrough": "2025-02" });
    let e = api::text::label_outcome(&input.to_string(), "null").unwrap_err();
    assert_eq!(
        (e.kind.as_str(), e.path.as_str()),
        ("INSUFFICIENT_DATA", "wagesThrough")
    );
    assert!(e.message.contains("2024-04 … 2025-03"), "{}", e.message);
    let input =
        json!({ "registeredOn": "2024-03-10", "wages": [{ "month": "2025-02", "nok": 1000 }] });
    let e = api::text::label_outcome(&input.to_string(), "null").unwrap_err();
    assert_eq!(e.path, "wages");
    let input =
        json!({ "registeredOn": "2024-03-10", "wages": [{ "month": "2025-03", "nok": 0 }] });
    assert_eq!(outcome(&input), pair("WITHOUT_WORK", "WITHOUT"));
}

/// Several entries for one month are summed (two employers): 20 000 +
/// 20 000 in May 2024 = 40 000 > 31 007.
#[test]
fn entries_for_one_month_are_summed() {
    let input = json!({ "registeredOn": "2024-04-10",
        "wages": [{ "month": "2024-05", "nok": 20000 }, { "month": "2024-05", "nok": 20000 }],
        "wagesThrough": "2025-04" });
    let l = label(&input, Value::Null);
    assert_eq!(l["months"][0]["nok"], 40000.0);
    assert_eq!(l["months"][0]["above3G"], true);
}

fn person_with(registered_on: &str, wages: Value) -> Value {
    json!({ "registeredOn": registered_on, "age": 40,
        "answers": { "situation": "MISTET_JOBBEN", "education": "GRUNNSKOLE",
                     "healthObstacles": "NEI", "otherObstacles": "NEI" },
        "wages": wages })
}

/// The model's wage inputs (report 4.1.3), by hand. Registered 2019-03-20:
/// month −1 = February 2019 (3G/month = 3 × 96 883 / 12 = 24 220.75);
/// 30 000 in February 2019 and in March 2017 (3G = 3 × 92 576 / 12 =
/// 23 144), and in March 2019 itself (the registration month, never counted).
/// * monthsSinceAbove3G = 1 (February is month −1).
/// * monthsAbove3GLast24 counts months −24 … −1 = March 2017 … February 2019
///   → March 2017 and February 2019 = 2.
#[test]
fn wage_features_by_hand() {
    let p = person_with(
        "2019-03-20",
        json!([
            { "month": "2019-03", "nok": 30000 },
            { "month": "2019-02", "nok": 30000 },
            { "month": "2017-03", "nok": 30000 },
            { "month": "2017-02", "nok": 30000 }
        ]),
    );
    let f: Value = serde_json::from_str(&api::text::features(&p.to_string()).unwrap()).unwrap();
    assert_eq!(f["monthsSinceAbove3G"], 1);
    assert_eq!(f["monthsAbove3GLast24"], 2);
    // Only February 2017 (month −25): inside the 36-month look-back, outside the 24.
    let p = person_with("2019-03-20", json!([{ "month": "2017-02", "nok": 30000 }]));
    let f: Value = serde_json::from_str(&api::text::features(&p.to_string()).unwrap()).unwrap();
    assert_eq!(f["monthsSinceAbove3G"], 25);
    assert_eq!(f["monthsAbove3GLast24"], 0);
    // March 2016 is month −36, the last of the look-back window.
    let p = person_with("2019-03-20", json!([{ "month": "2016-03", "nok": 30000 }]));
    let f: Value = serde_json::from_str(&api::text::features(&p.to_string()).unwrap()).unwrap();
    assert_eq!(f["monthsSinceAbove3G"], 36);
    // February 2016 (month −37) is outside it: never above 3G → null.
    let p = person_with("2019-03-20", json!([{ "month": "2016-02", "nok": 30000 }]));
    let f: Value = serde_json::from_str(&api::text::features(&p.to_string()).unwrap()).unwrap();
    assert_eq!(f["monthsSinceAbove3G"], Value::Null);
}
