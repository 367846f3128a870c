//! The golden parity set: more than 200 registrations whose every answer
//! (decisions under the rule tree and under a fitted model, with
//! contributions and counterfactuals; the rule tree under every ruleset;
//! scores; features; wage histories; outcome labels; the errors of bad
//! records) and a fitted model and cohort evaluation are rendered as JSON
//! text by the facade, fingerprinted, and compared with
//! `tests/golden/parity.txt`. The native tests and the wasm tests (Node and
//! Chromium) compare with the same file, so a pass on every target means
//! the JSON is bit-identical natively and in wasm.
//!
//! The inputs are made on the spot by the synthetic generator (itself part
//! of what is compared: its first line is the text of each person), plus
//! hand-made edge cases. `VEIVALG_BLESS=1 cargo test --test native_shared
//! parity` rewrites the golden file natively; review the diff.

use serde_json::{json, Value};
use veivalg::api;
use veivalg::cohort::session::CohortSession;
use veivalg::cohort::synthetic::{record_with, AgeRange, SyntheticParams};

/// The checked-in fingerprints: `name<TAB>bytes<TAB>fnv1a-64`.
pub const GOLDEN: &str = include_str!("../golden/parity.txt");

/// Persons drawn from the synthetic generator (ages 18–66).
pub const SYNTHETIC_PERSONS: u64 = 200;

/// FNV-1a, 64 bits: the same on every target, and enough to tell two
/// texts apart (the length is compared as well).
pub fn fnv1a(text: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

fn text(result: veivalg::Result<String>) -> String {
    result.unwrap_or_else(|e| e.to_json())
}

/// Hand-made registrations that reach the corners: age instead of a birth
/// date, NUS codes, "don't know" answers, every override, no work at all,
/// primary school (follow-up questions not asked), and bad records.
fn edge_persons() -> Vec<(&'static str, Value)> {
    let mut base = super::quick_return_person();
    base["wages"] = json!([
        { "month": "2024-11", "nok": 48000 },
        { "month": "2024-12", "nok": 51000.5 },
        { "month": "2025-01", "nok": 12000 }
    ]);
    let with = |patch: Value| {
        let mut p = base.clone();
        if let (Some(p), Some(patch)) = (p.as_object_mut(), patch.as_object()) {
            for (k, v) in patch {
                p.insert(k.clone(), v.clone());
            }
        }
        p
    };
    let answers = |patch: Value| {
        let mut a = base["answers"].clone();
        if let (Some(a), Some(patch)) = (a.as_object_mut(), patch.as_object()) {
            for (k, v) in patch {
                a.insert(k.clone(), v.clone());
            }
        }
        with(json!({ "answers": a }))
    };
    vec![
        ("edge/base", base.clone()),
        ("edge/age-given", {
            let mut p = with(json!({ "age": 61 }));
            if let Some(o) = p.as_object_mut() {
                o.remove("birthDate");
            }
            p
        }),
        (
            "edge/nus-code",
            answers(json!({ "education": { "nus": "7" } })),
        ),
        (
            "edge/health-vet-ikke",
            answers(json!({ "healthObstacles": "VET_IKKE" })),
        ),
        (
            "edge/other-obstacles",
            answers(json!({ "otherObstacles": "JA" })),
        ),
        ("edge/primary-school", {
            let mut p = answers(json!({ "education": "GRUNNSKOLE" }));
            if let Some(a) = p["answers"].as_object_mut() {
                a.remove("educationApproved");
                a.remove("educationPassed");
            }
            p
        }),
        (
            "edge/never-worked",
            with(json!({
                "employment": [], "wages": [],
                "answers": { "situation": "ALDRI_HATT_JOBB", "education": "INGEN_UTDANNING",
                              "healthObstacles": "NEI", "otherObstacles": "NEI" }
            })),
        ),
        (
            "edge/new-register-spelling",
            answers(json!({ "situation": "HAR_BLITT_SAGT_OPP" })),
        ),
        ("edge/sensitive", with(json!({ "sensitive": true }))),
        (
            "edge/digital-reservation",
            with(json!({ "digitalReservation": true })),
        ),
        ("edge/single-parent", with(json!({ "singleParent": true }))),
        ("edge/young", with(json!({ "birthDate": "2005-01-20" }))),
        (
            "edge/self-assessment",
            answers(json!({ "selfAssessment": 4 })),
        ),
        (
            "edge/bad-enum",
            answers(json!({ "situation": "MISTET_JOBEN" })),
        ),
        (
            "edge/number-for-enum",
            answers(json!({ "healthObstacles": 1 })),
        ),
        (
            "edge/wage-as-text",
            with(json!({ "wages": [{ "month": "2024-12", "nok": "45 000" }] })),
        ),
        (
            "edge/negative-wage",
            with(json!({ "wages": [{ "month": "2024-12", "nok": -1 }] })),
        ),
        ("edge/unknown-field", with(json!({ "colour": "red" }))),
        (
            "edge/bad-date",
            with(json!({ "registeredOn": "2025-02-30" })),
        ),
        (
            "edge/born-after",
            with(json!({ "birthDate": "2026-01-01" })),
        ),
    ]
}

/// Every fingerprinted case, in order: `(name, JSON text)`.
pub fn outputs() -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();

    // A model fitted on a synthetic cohort, a MODEL policy using it, and the
    // cohort evaluated under it: synthetic generation, fitting (IRLS with
    // libm) and evaluation all take part.
    let mut session =
        match CohortSession::synthetic(r#"{"seed": 11, "size": 3000, "ages": "WIDE"}"#) {
            Ok(s) => s,
            Err(e) => {
                out.push(("cohort".into(), e.to_json()));
                return out;
            }
        };
    out.push(("cohort/summary".into(), text(session.summary_json())));
    let spec = json!({
        "id": "parity-a", "target": "STABLE_WORK",
        "features": [{ "name": "situation" }, { "name": "monthsSinceAbove3G" },
                     { "name": "monthsAbove3GLast24" }]
    });
    let model_text = text(session.fit(&spec.to_string()));
    out.push(("cohort/fit".into(), model_text.clone()));
    let model: Value = serde_json::from_str(&model_text).unwrap_or(Value::Null);
    let mut policy = json!({
        "id": "parity-policy", "validFrom": "2025-01-01", "status": "PROPOSAL",
        "method": "MODEL", "model": "parity-a", "share": 0.37,
        "noeAge": { "min": 30, "max": 66 },
        "toLocalOffice": ["HEALTH_OBSTACLES", "OTHER_OBSTACLES", "SINGLE_PARENT",
                          "DIGITAL_RESERVATION", "SENSITIVE"],
        "source": "parity test"
    });
    let threshold = json!({ "policy": policy, "model": model, "share": 0.37 }).to_string();
    let cutoff = session.threshold_for_share_json(&threshold);
    out.push((
        "cohort/threshold".into(),
        text(
            cutoff
                .as_ref()
                .map_err(Clone::clone)
                .map(veivalg::wire::to_string),
        ),
    ));
    let evaluation = json!({
        "policy": policy, "model": model, "share": 0.37,
        "compareTo": { "method": "RULE_TREE_GROUP" }
    });
    out.push((
        "cohort/evaluate".into(),
        text(session.evaluate(&evaluation.to_string())),
    ));
    if let Ok(c) = cutoff {
        policy["cutoff"] = json!(c);
    }
    let model_options = json!({ "policy": policy, "model": model }).to_string();
    let score_options = json!({ "model": model }).to_string();

    let mut persons: Vec<(String, String)> = Vec::new();
    if let Ok(params) = SyntheticParams::shipped() {
        for i in 0..SYNTHETIC_PERSONS {
            let p = record_with(params, AgeRange::Wide, 5, i).person;
            let t = veivalg::wire::to_string(&p);
            persons.push((format!("synthetic/{i}"), t));
        }
    }
    for (name, p) in edge_persons() {
        persons.push((name.to_string(), p.to_string()));
    }

    for (i, (name, p)) in persons.iter().enumerate() {
        out.push((format!("{name}/person"), p.clone()));
        out.push((format!("{name}/decide"), text(api::text::decide(p, "null"))));
        out.push((
            format!("{name}/decide-model"),
            text(api::text::decide(p, &model_options)),
        ));
        let ruleset = ["2018", "2018-10", "2024-03", "2026-04"][i % 4];
        let options = format!(r#"{{"ruleset": "{ruleset}"}}"#);
        out.push((
            format!("{name}/rule-tree-{ruleset}"),
            text(api::text::rule_tree(p, &options)),
        ));
        out.push((
            format!("{name}/score"),
            text(api::text::score(p, &score_options)),
        ));
        out.push((format!("{name}/features"), text(api::text::features(p))));
        out.push((
            format!("{name}/label"),
            text(api::text::label_outcome(p, "null")),
        ));
        if i % 10 == 0 {
            let history = api::text::wage_history(p, r#"{"months": 36}"#);
            out.push((format!("{name}/history"), text(history)));
        }
    }
    out
}

/// The fingerprint lines of [`outputs`].
pub fn render(outputs: &[(String, String)]) -> String {
    let mut s = String::new();
    for (name, text) in outputs {
        s.push_str(&format!("{name}\t{}\t{:016x}\n", text.len(), fnv1a(text)));
    }
    s
}

/// Compares [`outputs`] with the golden file; panics naming the first
/// case that differs, with its text on this target.
pub fn check(outputs: &[(String, String)]) {
    // `VEIVALG_PARITY_DUMP=FILE` (native only) writes every text, one
    // `name<TAB>text` line each, to compare two builds in full.
    #[cfg(not(target_arch = "wasm32"))]
    if let Some(path) = std::env::var_os("VEIVALG_PARITY_DUMP") {
        let dump: String = outputs.iter().map(|(n, t)| format!("{n}\t{t}\n")).collect();
        std::fs::write(path, dump).expect("write the parity dump");
    }
    let got = render(outputs);
    let mut want = GOLDEN.lines();
    for ((name, text), line) in outputs.iter().zip(got.lines()) {
        let expected = want.next().unwrap_or("<missing>");
        assert!(
            line == expected,
            "parity case `{name}` differs from tests/golden/parity.txt\n  got:  {line}\n  want: {expected}\n  text on this target: {text}"
        );
    }
    assert_eq!(
        got.lines().count(),
        GOLDEN.lines().count(),
        "number of parity cases"
    );
    assert!(
        outputs.len() > SYNTHETIC_PERSONS as usize * 6,
        "the set covers every person"
    );
}
