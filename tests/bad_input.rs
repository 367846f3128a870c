//! The bad inputs the foundation issue names, each with the error kind and
//! path it must give.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use serde_json::{json, Value};
use veivalg::api;

fn person() -> Value {
    json!({
        "registeredOn": "2025-03-14", "birthDate": "1979-06-02",
        "answers": { "situation": "MISTET_JOBBEN", "education": "HOYERE_UTDANNING_1_TIL_4",
            "educationApproved": "JA", "educationPassed": "JA",
            "healthObstacles": "NEI", "otherObstacles": "NEI" },
        "employment": [{ "start": "2020-01-01", "end": null }],
        "wages": [{ "month": "2024-12", "nok": 48000 }]
    })
}

fn err(p: &Value) -> (String, String, String) {
    let e = api::text::decide(&p.to_string(), "null").unwrap_err();
    (
        e.kind.as_str().to_string(),
        e.path.clone(),
        e.message.clone(),
    )
}

#[test]
fn negative_wage() {
    let mut p = person();
    p["wages"][0]["nok"] = json!(-1);
    let (kind, path, msg) = err(&p);
    assert_eq!(
        (kind.as_str(), path.as_str()),
        ("OUT_OF_RANGE", "wages[0].nok")
    );
    assert!(msg.contains("-1"), "{msg}");
}

#[test]
fn month_thirteen() {
    let mut p = person();
    p["wages"][0]["month"] = json!("2024-13");
    let (kind, path, msg) = err(&p);
    assert_eq!(path, "wages[0].month");
    assert_eq!(kind, "INVALID_VALUE");
    assert!(msg.contains("month 13 is not 1–12"), "{msg}");
}

#[test]
fn birth_after_registration() {
    let mut p = person();
    p["birthDate"] = json!("2025-03-15");
    let (kind, path, _) = err(&p);
    assert_eq!(
        (kind.as_str(), path.as_str()),
        ("INCONSISTENT", "birthDate")
    );
}

#[test]
fn period_ends_before_it_starts() {
    let mut p = person();
    p["employment"] = json!([{ "start": "2020-01-01", "end": null }, { "start": "2021-05-02", "end": "2021-05-01" }]);
    let (kind, path, msg) = err(&p);
    assert_eq!(
        (kind.as_str(), path.as_str()),
        ("INCONSISTENT", "employment[1].end")
    );
    assert!(
        msg.contains("2021-05-01") && msg.contains("2021-05-02"),
        "{msg}"
    );
}

#[test]
fn ten_megabyte_record() {
    let mut p = person();
    p["id"] = json!("x".repeat(10 << 20));
    let (kind, path, _) = err(&p);
    assert_eq!((kind.as_str(), path.as_str()), ("TOO_LARGE", ""));
}

#[test]
fn unknown_fields_and_values_name_the_path_and_allowed_values() {
    let mut p = person();
    p["answers"]["situation"] = json!("MISTET_JOBB");
    let (kind, path, msg) = err(&p);
    assert_eq!(
        (kind.as_str(), path.as_str()),
        ("INVALID_VALUE", "answers.situation")
    );
    assert!(
        msg.contains("did you mean `MISTET_JOBBEN`?") && msg.contains("VIL_FORTSETTE_I_JOBB"),
        "{msg}"
    );
    let mut p = person();
    p["answers"]["mood"] = json!("good");
    let (kind, path, msg) = err(&p);
    assert_eq!(
        (kind.as_str(), path.as_str()),
        ("UNKNOWN_FIELD", "answers.mood")
    );
    assert!(msg.contains("situation"), "{msg}");
    let mut p = person();
    p["answers"]["healthObstacles"] = json!(true);
    let (kind, path, _) = err(&p);
    assert_eq!(
        (kind.as_str(), path.as_str()),
        ("INVALID_TYPE", "answers.healthObstacles")
    );
}

#[test]
fn malformed_json_and_wrong_top_level() {
    let e = api::text::decide("{\"registeredOn\": ", "null").unwrap_err();
    assert_eq!(e.kind.as_str(), "INVALID_JSON");
    let e = api::text::decide("[]", "null").unwrap_err();
    assert_eq!(e.kind.as_str(), "INVALID_TYPE");
    let e = api::text::decide(&person().to_string(), r#"{"polcy": "noe-2018"}"#).unwrap_err();
    assert_eq!(
        (e.kind.as_str(), e.path.as_str()),
        ("UNKNOWN_FIELD", "options.polcy")
    );
    let e = api::text::decide(&person().to_string(), r#"{"policy": 7}"#).unwrap_err();
    assert_eq!(
        (e.kind.as_str(), e.path.as_str()),
        ("INVALID_TYPE", "options.policy")
    );
}

#[test]
fn registration_before_any_ruleset() {
    let mut p = person();
    p["registeredOn"] = json!("2017-06-01");
    p["birthDate"] = json!("1979-06-02");
    let (kind, path, _) = err(&p);
    assert_eq!(
        (kind.as_str(), path.as_str()),
        ("NOT_FOUND", "options.policy")
    );
}

#[test]
fn custom_policy_object_is_checked() {
    let policy = json!({ "id": "mine", "validFrom": "2020-01-01", "status": "PROPOSAL", "method": "RULE_TREE",
        "ruleset": "2099", "noeAge": { "min": 30, "max": 66 }, "toLocalOffice": [], "source": "test" });
    let e = api::text::decide(
        &person().to_string(),
        &json!({ "policy": policy }).to_string(),
    )
    .unwrap_err();
    assert_eq!(
        (e.kind.as_str(), e.path.as_str()),
        ("NOT_FOUND", "options.policy.ruleset")
    );
    let mut policy = policy;
    policy["ruleset"] = json!("2024-03");
    policy["noeAge"] = json!({ "min": 60, "max": 30 });
    let e = api::text::decide(
        &person().to_string(),
        &json!({ "policy": policy }).to_string(),
    )
    .unwrap_err();
    assert_eq!(
        (e.kind.as_str(), e.path.as_str()),
        ("INVALID_CONFIG", "options.policy.noeAge")
    );
    policy["noeAge"] = json!({ "min": 18, "max": 66 });
    let d: Value = serde_json::from_str(
        &api::text::decide(
            &person().to_string(),
            &json!({ "policy": policy }).to_string(),
        )
        .unwrap(),
    )
    .unwrap();
    assert_eq!(d["policy"]["id"], "mine");
}

/// `policy`, `model` and `ruleset` options take a shipped item's id or the
/// item whole (`wire::IdOr`): both give the same answer, the object is read
/// field by field (a key given twice is an error naming it), and any other
/// JSON type is `INVALID_TYPE` at the option.
#[test]
fn shipped_items_by_id_or_whole() {
    let p = person().to_string();
    let shipped = |list: Value, id: &str| {
        list.as_array()
            .unwrap()
            .iter()
            .find(|x| x["id"] == id)
            .cloned()
            .unwrap()
    };
    let policies: Value = serde_json::from_str(&api::text::policies()).unwrap();
    let models = serde_json::to_value(api::models()).unwrap();
    let rulesets = serde_json::to_value(api::rulesets()).unwrap();
    type Call = fn(&str, &str) -> veivalg::error::Result<String>;
    let cases: [(&str, Call, Value); 3] = [
        ("policy", api::text::decide, shipped(policies, "variant-a")),
        ("model", api::text::score, shipped(models, "variant-b")),
        ("ruleset", api::text::rule_tree, shipped(rulesets, "2018")),
    ];
    for (option, call, whole) in cases {
        let id = whole["id"].as_str().unwrap();
        let by_id = call(&p, &json!({ option: id }).to_string()).unwrap();
        let given = call(&p, &json!({ option: whole }).to_string()).unwrap();
        assert_eq!(by_id, given, "{option}");
        assert!(by_id.contains(&format!(r#""{id}""#)), "{option}: {by_id}");

        // The same object with its first key given twice (serde_json's
        // `Value` keeps one of them, so the text is written by hand).
        let object = whole.to_string();
        let (first_key, _) = whole.as_object().unwrap().iter().next().unwrap();
        let twice = format!(r#"{{"{first_key}": {}, {}"#, whole[first_key], &object[1..]);
        let e = call(&p, &format!(r#"{{"{option}": {twice}}}"#)).unwrap_err();
        assert_eq!(
            (e.kind.as_str(), e.path.as_str(), e.message.as_str()),
            (
                "INVALID_VALUE",
                format!("options.{option}.{first_key}").as_str(),
                format!("duplicate field `{first_key}`").as_str()
            ),
            "{option}"
        );
        // An error inside the object has the path of its field.
        let mut wrong = whole.clone();
        wrong["id"] = json!(7);
        let e = call(&p, &json!({ option: wrong }).to_string()).unwrap_err();
        assert_eq!(
            (e.kind.as_str(), e.path.as_str()),
            ("INVALID_TYPE", format!("options.{option}.id").as_str()),
            "{option}: {}",
            e.message
        );

        for (value, got) in [
            ("7", "the number 7"),
            ("[\"variant-a\"]", "an array"),
            ("false", "false"),
        ] {
            let e = call(&p, &format!(r#"{{"{option}": {value}}}"#)).unwrap_err();
            assert_eq!(
                (e.kind.as_str(), e.path.as_str(), e.message.as_str()),
                (
                    "INVALID_TYPE",
                    format!("options.{option}").as_str(),
                    format!("expected an id (string) or an object, got {got}").as_str()
                ),
                "{option} = {value}"
            );
        }
        // Optional: null is the default.
        assert_eq!(
            call(&p, &format!(r#"{{"{option}": null}}"#)).unwrap(),
            call(&p, "null").unwrap(),
            "{option}"
        );
    }
    // Where the option is required, null is a type error.
    let mut session =
        veivalg::cohort::session::CohortSession::synthetic(r#"{"seed": 1, "size": 50}"#).unwrap();
    for (policy, got) in [("null", "null"), ("0.5", "the number 0.5")] {
        let e = session
            .threshold_for_share_json(&format!(r#"{{"policy": {policy}, "share": 0.5}}"#))
            .unwrap_err();
        assert_eq!(
            (e.kind.as_str(), e.path.as_str(), e.message.as_str()),
            (
                "INVALID_TYPE",
                "options.policy",
                format!("expected an id (string) or an object, got {got}").as_str()
            )
        );
    }
}

/// The shipped G table ends in April 2026 (the G from 1 May 2026 is not in
/// it): a MODEL decision for a registration in October 2026 cannot compute
/// the wage inputs and says so; with a caller's G table that covers the
/// months it works. (135 000 is a test value, not the real 2026 G.)
#[test]
fn model_inputs_outside_the_g_table_and_a_callers_table() {
    let mut p = person();
    p["registeredOn"] = json!("2026-10-15");
    let e = api::text::decide(&p.to_string(), r#"{"policy": "variant-a"}"#).unwrap_err();
    assert_eq!(e.kind.as_str(), "INSUFFICIENT_DATA");
    assert!(
        e.message.contains("no grunnbeløp for 2026-09") && e.message.contains("2026-04"),
        "{}",
        e.message
    );
    let mut table: Vec<Value> = serde_json::from_str(&api::text::grunnbelop()).unwrap();
    table.push(json!({ "from": "2026-05-01", "nok": 135000 }));
    let options = json!({ "policy": "variant-a", "grunnbelop": table }).to_string();
    let d: Value =
        serde_json::from_str(&api::text::decide(&p.to_string(), &options).unwrap()).unwrap();
    assert_eq!(d["method"], "MODEL");
    // 48 000 NOK in December 2024 is above 3G (31 007): month −22, the only one.
    assert_eq!(d["features"]["monthsSinceAbove3G"], 22);
    let s: Value = serde_json::from_str(
        &api::text::score(&p.to_string(), &json!({ "grunnbelop": table }).to_string()).unwrap(),
    )
    .unwrap();
    assert_eq!(s["features"]["monthsAbove3GLast24"], 1);
    let e = api::text::decide(
        &p.to_string(),
        &json!({ "policy": "variant-a", "grunnbelop": [] }).to_string(),
    )
    .unwrap_err();
    assert_eq!(
        (e.kind.as_str(), e.path.as_str()),
        ("INVALID_CONFIG", "options.grunnbelop")
    );
}
