#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! `veivalg fit` and `evaluate` on cohort files: CSV and JSON Lines of the
//! same synthetic cohort give the same answers, bad records are reported
//! with their line (CSV: and column) and skipped, `--format` and
//! `--strict`, and `synth --format csv`.

mod cli_support;

use cli_support::{json_lines, line_kind_path, run, temp_path as temp_in, Run};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

fn temp_path(name: &str) -> PathBuf {
    temp_in("cli-cohort-file", name)
}

fn s(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// `veivalg synth --seed 5 --size 1500` in `format`, made once (tests run
/// in parallel and share it).
fn synth(format: &'static str) -> PathBuf {
    static FILES: OnceLock<Mutex<Vec<(&'static str, PathBuf)>>> = OnceLock::new();
    let mut files = FILES.get_or_init(|| Mutex::new(Vec::new())).lock().unwrap();
    if let Some((_, p)) = files.iter().find(|(f, _)| *f == format) {
        return p.clone();
    }
    let path = temp_path(&format!("synth.{format}"));
    let r = run(
        &[
            "synth",
            "--seed",
            "5",
            "--size",
            "1500",
            "--format",
            format,
            "--output",
            s(&path),
        ],
        "",
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    files.push((format, path.clone()));
    path
}

/// The JSON lines of stderr (the fit writes its summary there too).
fn error_lines(r: &Run) -> Vec<Value> {
    let json: String = r
        .stderr
        .lines()
        .filter(|l| l.starts_with('{'))
        .map(|l| format!("{l}\n"))
        .collect();
    json_lines(&json)
}

fn without(mut v: Value, keys: &[&str]) -> Value {
    for k in keys {
        if let Some(o) = v.as_object_mut() {
            o.remove(*k);
        }
    }
    v
}

#[test]
fn csv_and_json_lines_of_one_cohort_evaluate_and_fit_alike() {
    let (csv, jsonl) = (synth("csv"), synth("jsonl"));
    let header = std::fs::read_to_string(&csv).unwrap();
    assert!(
        header.starts_with("id,registeredOn,birthDate,age,situation,"),
        "{}",
        &header[..80]
    );
    assert_eq!(header.lines().count(), 1501);
    let evaluate = |path: &Path, extra: &[&str]| {
        let mut args = vec!["evaluate", "--cohort", s(path), "--json"];
        args.extend_from_slice(extra);
        let r = run(&args, "");
        assert_eq!(r.code, 0, "{}", r.stderr);
        let e = r.json();
        assert!(
            e["cohort"].as_str().unwrap().ends_with("(synthetic)"),
            "{e}"
        );
        without(e, &["cohort"])
    };
    for extra in [
        &["--method", "RULE_TREE_GROUP"][..],
        &["--method", "COUNSELLOR"],
        &["--policy", "variant-a", "--share", "0.37"],
        &["--policy", "variant-b", "--cutoff", "0.3"],
    ] {
        assert_eq!(evaluate(&csv, extra), evaluate(&jsonl, extra), "{extra:?}");
    }
    let fit = |path: &Path| {
        let r = run(
            &[
                "fit",
                "--cohort",
                s(path),
                "--target",
                "WITHOUT_WORK",
                "--id",
                "b",
            ],
            "",
        );
        assert_eq!(r.code, 0, "{}", r.stderr);
        let mut m = r.json();
        m["trainedOn"]["cohort"] = Value::Null;
        m
    };
    assert_eq!(fit(&csv), fit(&jsonl));
    // The format from --format when the name says nothing.
    let txt = temp_path("cohort.txt");
    std::fs::copy(&csv, &txt).unwrap();
    let r = run(
        &[
            "evaluate",
            "--cohort",
            s(&txt),
            "--method",
            "RULE_TREE_GROUP",
        ],
        "",
    );
    assert_eq!(r.code, 1, "guessed as JSON Lines: every line fails");
    assert_eq!(
        evaluate(&txt, &["--format", "csv", "--method", "RULE_TREE_GROUP"]),
        evaluate(&csv, &["--method", "RULE_TREE_GROUP"])
    );
    // Standard input with --format.
    let r = run(
        &[
            "evaluate",
            "--cohort",
            "-",
            "--format",
            "csv",
            "--method",
            "RULE_TREE_GROUP",
            "--json",
        ],
        std::fs::read(&csv).unwrap(),
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        without(r.json(), &["cohort"]),
        evaluate(&csv, &["--method", "RULE_TREE_GROUP"])
    );
}

/// A CSV cohort by hand: three registrations of 2019 and two bad rows.
fn hand_csv() -> String {
    let wages: String = (1..=36).map(|k| format!(",wage-{k}")).collect();
    let empty = ",".repeat(36);
    let head = format!("registeredOn,birthDate,situation,education,educationApproved,educationPassed,healthObstacles,otherObstacles,employment,outcome{wages}");
    // Lost the job, trade certificate, employed 2016-04 to 2019-01 (the
    // README's quick-return person): standard; stable work.
    let quick = "2019-02-15,1978-09-30,MISTET_JOBBEN,VIDEREGAENDE_FAGBREV_SVENNEBREV,JA,JA,NEI,NEI,2016-04-01/2019-01-31";
    [
        head,
        format!("{quick},STABLE_WORK{empty}"),
        // The same person, in and out of work after: standard.
        format!("{quick},IN_AND_OUT{empty}"),
        // Health obstacles: not standard; without work.
        format!("2019-03-01,1990-01-10,ALDRI_HATT_JOBB,GRUNNSKOLE,,,JA,NEI,,WITHOUT_WORK{empty}"),
        // Line 5: a misspelt answer; line 6: a field short.
        format!("2019-03-01,1990-01-10,ALDRI_HATT_JOBB,GRUNNSKOLE,,,JAA,NEI,,WITHOUT_WORK{empty}"),
        format!(
            "2019-03-01,1990-01-10,ALDRI_HATT_JOBB,GRUNNSKOLE,,,JA,NEI,,WITHOUT_WORK{}",
            ",".repeat(35)
        ),
    ]
    .join("\n")
}

#[test]
fn csv_bad_rows_are_reported_and_the_rest_evaluated() {
    let path = temp_path("hand.csv");
    std::fs::write(&path, hand_csv()).unwrap();
    let r = run(
        &[
            "evaluate",
            "--cohort",
            s(&path),
            "--method",
            "RULE_TREE_GROUP",
            "--json",
        ],
        "",
    );
    // Done, without two rows: exit 1, the evaluation on stdout.
    assert_eq!(r.code, 1, "{}", r.stderr);
    let errors = r.errors();
    let got = line_kind_path(&errors);
    assert_eq!(
        got,
        vec![
            (5, "INVALID_VALUE", "healthObstacles"),
            (6, "MISSING_FIELD", "wage-36")
        ]
    );
    let e = r.json();
    assert_eq!(e["rows"], 3);
    assert_eq!(e["synthetic"], false);
    // Standard: the two quick-return rows (one stable, one in and out).
    let selected = |outcome: &str| {
        e["table"]
            .as_array()
            .unwrap()
            .iter()
            .find(|l| l["outcome"] == outcome)
            .unwrap()["selected"]["count"]
            .clone()
    };
    assert_eq!(selected("STABLE_WORK"), 1);
    assert_eq!(selected("IN_AND_OUT"), 1);
    assert_eq!(selected("WITHOUT_WORK"), 0);
    // Accuracy against stable work: standard ∧ stable (1) + not standard ∧
    // not stable (the one without work) = 2 of 3.
    assert!((e["accuracy"].as_f64().unwrap() - 2.0 / 3.0).abs() < 1e-12);
    // --strict: the same errors, and nothing evaluated.
    let r = run(
        &[
            "evaluate",
            "--cohort",
            s(&path),
            "--method",
            "RULE_TREE_GROUP",
            "--strict",
        ],
        "",
    );
    assert_eq!(r.code, 1);
    assert_eq!(r.stdout, "");
    assert_eq!(r.errors().len(), 2);
    // A header without a required column: one error, nothing evaluated.
    let bad = temp_path("bad-header.csv");
    std::fs::write(&bad, hand_csv().replacen("situation,", "", 1)).unwrap();
    let r = run(
        &[
            "evaluate",
            "--cohort",
            s(&bad),
            "--method",
            "RULE_TREE_GROUP",
        ],
        "",
    );
    assert_eq!(r.code, 1);
    assert_eq!(r.stdout, "");
    let errors = r.errors();
    assert_eq!(errors.len(), 1);
    assert_eq!(
        (errors[0]["kind"].as_str(), errors[0]["path"].as_str()),
        (Some("MISSING_FIELD"), Some("situation"))
    );
}

#[test]
fn a_json_array_reports_bad_elements_by_index_and_loads_the_rest() {
    let jsonl = std::fs::read_to_string(synth("jsonl")).unwrap();
    let mut lines: Vec<&str> = jsonl.lines().take(400).collect();
    lines[3] = r#"{"synthetic":true,"person":{"registeredOn":"2020-02-30"}}"#;
    let path = temp_path("array.json");
    // Pretty-printed: elements span lines.
    std::fs::write(
        &path,
        format!(
            "[\n{}\n]\n",
            lines
                .join(",\n")
                .replace(r#","person":"#, ",\n  \"person\":")
        ),
    )
    .unwrap();
    let r = run(
        &[
            "fit",
            "--cohort",
            s(&path),
            "--target",
            "STABLE_WORK",
            "--id",
            "a",
            "--l2",
            "1",
        ],
        "",
    );
    assert_eq!(r.code, 1, "{}", r.stderr);
    let errors = error_lines(&r);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0]["index"], 3);
    assert_eq!(errors[0]["kind"], "INVALID_VALUE");
    assert_eq!(errors[0]["path"], "[3].person.registeredOn");
    let model = r.json();
    assert_eq!(model["trainedOn"]["rows"], 399);
}

#[test]
fn a_policy_with_a_chosen_cutoff_goes_back_into_veivalg_evaluate() {
    // The workbench's export: a policy with the cut-off for 40 % of this
    // cohort, and the model it names, as files; the CLI evaluates them on
    // the same file and sends the same rows to NOE.
    let csv = synth("csv");
    let cohort = veivalg::cohort::file::load(
        &std::fs::read(&csv).unwrap(),
        &veivalg::cohort::file::LoaderOptions {
            ruleset: Some(veivalg::wire::IdOr::Id("2018-10".into())),
            ..veivalg::cohort::file::LoaderOptions::new(veivalg::cohort::file::FileFormat::Csv)
        },
    )
    .unwrap();
    let mut session = veivalg::cohort::session::CohortSession::new(cohort);
    let model = veivalg::routing::catalog::Catalog::shipped()
        .model("variant-a")
        .unwrap()
        .clone();
    let mut renamed = model.clone();
    renamed.id = "mine".into();
    let policy = session
        .policy_with_cutoff(&veivalg::cohort::session::PolicyCutoffOptions {
            policy: veivalg::wire::IdOr::Id("variant-a".into()),
            model: Some(renamed.clone()),
            share: Some(0.4),
            cutoff: None,
            id: Some("mine-40".into()),
        })
        .unwrap();
    let policy_file = temp_path("mine-40.json");
    let model_file = temp_path("mine.json");
    std::fs::write(&policy_file, veivalg::wire::to_string_pretty(&policy)).unwrap();
    std::fs::write(&model_file, veivalg::wire::to_string_pretty(&renamed)).unwrap();
    let r = run(
        &[
            "evaluate",
            "--cohort",
            s(&csv),
            "--policy",
            s(&policy_file),
            "--model",
            s(&model_file),
            "--json",
        ],
        "",
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let e = r.json();
    assert_eq!(e["label"], "policy mine-40");
    assert_eq!(e["share"], 0.4);
    assert_eq!(e["selected"]["count"], 600); // 0.4 × 1 500
    assert_eq!(e["cutoff"].as_f64(), policy.cutoff);
    // With --cutoff instead of its share: at least the 600 (ties at the
    // cut-off all go), as a single decision would send them.
    let cutoff = policy.cutoff.unwrap().to_string();
    let r = run(
        &[
            "evaluate",
            "--cohort",
            s(&csv),
            "--policy",
            s(&policy_file),
            "--model",
            s(&model_file),
            "--cutoff",
            &cutoff,
            "--json",
        ],
        "",
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.json()["selected"]["count"].as_u64().unwrap() >= 600);
}
