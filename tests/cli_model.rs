#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! The cohort commands of the `veivalg` binary end to end: `synth`, `fit`,
//! `evaluate` (and the help of `report`, `models`, `refit-defaults`), on
//! small synthetic cohorts so that the tests stay fast in debug builds.
//! Expected counts are recomputed here from the cohort file through the
//! single-person facade (`api::rule_tree`, `api::label_outcome`), or follow
//! from the definitions by hand arithmetic; none is copied from the tool.

mod cli_support;

use cli_support::{line_kind_path, run, Run};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// Rows of the shared test cohort: enough for a fit with every
/// registration reason, small enough for debug builds.
const ROWS: usize = 3000;

/// A path in this test target's scratch directory.
fn temp_path(name: &str) -> PathBuf {
    cli_support::temp_path("cli-model", name)
}

fn temp_file(name: &str, contents: &[u8]) -> PathBuf {
    let path = temp_path(name);
    std::fs::write(&path, contents).unwrap();
    path
}

fn s(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// The shared cohort: `veivalg synth --seed 11 --size 3000`, made once.
fn cohort() -> &'static Path {
    static COHORT: OnceLock<PathBuf> = OnceLock::new();
    COHORT.get_or_init(|| {
        let path = temp_path("cohort.jsonl");
        let size = ROWS.to_string();
        let r = run(
            &[
                "synth",
                "--seed",
                "11",
                "--size",
                &size,
                "--output",
                s(&path),
            ],
            "",
        );
        assert_eq!(r.code, 0, "{}", r.stderr);
        assert_eq!(r.stdout, "", "--output takes the rows");
        path
    })
}

/// A model fitted on the shared cohort (`fit --target STABLE_WORK`), made once.
/// `veivalg fit --cohort FILE --target STABLE_WORK --id x`.
fn fit_file(path: &Path) -> Run {
    run(
        &[
            "fit",
            "--cohort",
            s(path),
            "--target",
            "STABLE_WORK",
            "--id",
            "x",
        ],
        "",
    )
}

fn fitted_model() -> &'static Path {
    static MODEL: OnceLock<PathBuf> = OnceLock::new();
    MODEL.get_or_init(|| {
        let path = temp_path("model.json");
        let r = run(
            &[
                "fit",
                "--cohort",
                s(cohort()),
                "--target",
                "STABLE_WORK",
                "--id",
                "test-a",
                "--output",
                s(&path),
            ],
            "",
        );
        assert_eq!(r.code, 0, "{}", r.stderr);
        path
    })
}

/// One USAGE error naming `flag`, exit code 2.
fn assert_usage_error(r: &Run, flag: &str) {
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert_eq!(r.stdout, "");
    let errors = r.errors();
    assert_eq!(errors.len(), 1, "{}", r.stderr);
    assert_eq!(errors[0]["kind"], "USAGE");
    assert_eq!(errors[0]["path"], flag, "{}", r.stderr);
}

// --- synth -------------------------------------------------------------------

#[test]
fn synth_is_deterministic_and_every_row_says_synthetic() {
    let a = run(&["synth", "--seed", "5", "--size", "3"], "");
    let b = run(&["synth", "--seed", "5", "--size", "3"], "");
    assert_eq!(a.code, 0, "{}", a.stderr);
    assert_eq!(a.stderr, "");
    assert_eq!(a.stdout, b.stdout, "same seed, same bytes");
    let lines: Vec<&str> = a.stdout.lines().collect();
    assert_eq!(lines.len(), 3);
    for (i, line) in lines.iter().enumerate() {
        assert!(
            line.starts_with(r#"{"synthetic":true,"person":{"#),
            "{line}"
        );
        let v: Value = serde_json::from_str(line).unwrap();
        assert_eq!(v["person"]["id"], format!("syn-5-{i}"));
        // Each line is a cohort record the library reads back.
        let record: veivalg::cohort::CohortRecord = veivalg::wire::parse(line).unwrap();
        assert!(record.synthetic);
    }
    // Another seed, another cohort.
    let c = run(&["synth", "--seed", "6", "--size", "3"], "");
    assert_ne!(a.stdout, c.stdout);
}

#[test]
fn synth_rows_do_not_depend_on_the_size_and_output_writes_the_same_bytes() {
    let two = run(&["synth", "--seed", "5", "--size", "2"], "");
    let three = run(&["synth", "--seed", "5", "--size", "3"], "");
    assert!(three.stdout.starts_with(&two.stdout));
    let path = temp_path("synth-output.jsonl");
    let r = run(
        &["synth", "--seed", "5", "--size", "3", "--output", s(&path)],
        "",
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), three.stdout);
}

#[test]
fn synth_wide_ages_reach_outside_30_to_59() {
    let r = run(
        &["synth", "--seed", "3", "--size", "200", "--ages", "wide"],
        "",
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let ages: Vec<i64> = r
        .stdout
        .lines()
        .map(|l| {
            serde_json::from_str::<Value>(l).unwrap()["person"]["age"]
                .as_i64()
                .unwrap()
        })
        .collect();
    assert!(ages.iter().all(|a| (18..=66).contains(a)));
    assert!(ages.iter().any(|a| !(30..=59).contains(a)));
}

#[test]
fn synth_refuses_bad_seeds_and_sizes_naming_the_flag() {
    let max_seed = veivalg::cohort::synthetic::MAX_SEED.to_string();
    let max_size = veivalg::cohort::synthetic::MAX_SIZE.to_string();
    for (args, flag, says) in [
        (&["--seed", "abc", "--size", "3"][..], "--seed", "integer"),
        (&["--seed", "1.5", "--size", "3"], "--seed", "integer"),
        (&["--seed", "-1", "--size", "3"], "--seed", "integer"),
        (
            &["--seed", "9007199254740992", "--size", "3"],
            "--seed",
            &max_seed,
        ),
        (&["--seed", "1", "--size", "0"], "--size", &max_size),
        (
            &["--seed", "1", "--size", "1000000000"],
            "--size",
            &max_size,
        ),
        (&["--seed", "1", "--size", "many"], "--size", "integer"),
    ] {
        let mut all = vec!["synth"];
        all.extend_from_slice(args);
        let r = run(&all, "");
        assert_usage_error(&r, flag);
        let message = r.errors()[0]["message"].as_str().unwrap().to_string();
        assert!(message.contains(says), "{args:?}: {message}");
    }
}

#[test]
fn synth_into_an_unwritable_place_is_an_io_error() {
    let r = run(
        &[
            "synth",
            "--seed",
            "1",
            "--size",
            "1",
            "--output",
            "/nonexistent-dir/x.jsonl",
        ],
        "",
    );
    assert_eq!(r.code, 2);
    assert_eq!(r.errors()[0]["kind"], "IO");
    assert_eq!(r.errors()[0]["path"], "/nonexistent-dir/x.jsonl");
}

// --- fit -----------------------------------------------------------------------

#[test]
fn fit_writes_a_model_file_the_library_accepts() {
    let text = std::fs::read_to_string(fitted_model()).unwrap();
    assert!(text.ends_with("}\n"), "pretty JSON and a newline");
    let model = veivalg::model::Model::from_json(&text).unwrap();
    assert_eq!(model.id, "test-a");
    assert_eq!(model.target, veivalg::model::Target::StableWork);
    assert_eq!(model.trained_on.rows, ROWS as u64);
    assert!(model.trained_on.synthetic);
    let auc = model.metrics.get("auc").copied().unwrap_or(f64::NAN);
    assert!(auc > 0.5 && auc < 1.0, "{auc}");
}

#[test]
fn fit_prints_the_model_on_stdout_and_a_summary_on_stderr() {
    let spec = temp_file(
        "spec.json",
        br#"{"id": "spec-b", "target": "WITHOUT_WORK",
             "features": [{"name": "situation"}, {"name": "monthsAbove3GLast24", "edges": [1, 6, 12]}]}"#,
    );
    let r = run(
        &[
            "fit",
            "--cohort",
            s(cohort()),
            "--spec",
            s(&spec),
            "--l2",
            "0.5",
        ],
        "",
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let model = veivalg::model::Model::from_json(&r.stdout).unwrap();
    assert_eq!(model.id, "spec-b");
    assert_eq!(model.target, veivalg::model::Target::WithoutWork);
    assert_eq!(model.features.len(), 2);
    for word in [
        "spec-b",
        "SYNTHETIC",
        "iterations",
        "deviance",
        "aliased",
        "AUC",
        "L2 0.5",
    ] {
        assert!(
            r.stderr.contains(word),
            "summary lacks {word}: {}",
            r.stderr
        );
    }
}

#[test]
fn fit_reads_a_json_array_from_standard_input() {
    let text = std::fs::read_to_string(cohort()).unwrap();
    let rows: Vec<&str> = text.lines().take(600).collect();
    let array = format!("[\n{}\n]\n", rows.join(",\n"));
    let r = run(
        &[
            "fit",
            "--cohort",
            "-",
            "--target",
            "STABLE_WORK",
            "--id",
            "stdin",
            // 600 rows leave a registration reason without a single row in
            // stable work: without a penalty that level has no estimate.
            "--l2",
            "1",
        ],
        array,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let model = veivalg::model::Model::from_json(&r.stdout).unwrap();
    assert_eq!(model.trained_on.rows, 600);
    assert!(model.trained_on.cohort.contains("standard input"));
}

#[test]
fn fit_on_a_one_class_cohort_is_an_error() {
    // Every record says its outcome is stable work: nothing to tell apart.
    let one_class: String = std::fs::read_to_string(cohort())
        .unwrap()
        .lines()
        .take(50)
        .map(|l| {
            l.replacen(
                r#"{"synthetic":true,"#,
                r#"{"synthetic":true,"outcome":"STABLE_WORK","#,
                1,
            ) + "\n"
        })
        .collect();
    let path = temp_file("one-class.jsonl", one_class.as_bytes());
    let r = fit_file(&path);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert_eq!(r.stdout, "", "no model is written");
    let e = &r.errors()[0];
    assert_eq!(e["kind"], "INSUFFICIENT_DATA", "{e}");
    assert!(e["message"].as_str().unwrap().contains("one class"), "{e}");
}

#[test]
fn fit_strict_reports_every_bad_record_with_its_line_and_fits_nothing() {
    let good: Vec<String> = std::fs::read_to_string(cohort())
        .unwrap()
        .lines()
        .take(3)
        .map(str::to_string)
        .collect();
    // Line 3: wages end before the 12 months the outcome label needs
    // (registrations are 2018–2024, so 2018-01 is always too early).
    let short = with_wages_through(&good[2], "2018-01");
    let real = good[1].replacen(r#""synthetic":true"#, r#""synthetic":false"#, 1);
    let input = format!(
        "{}\n{{\"synthetic\":true}}\n{short}\n\n{real}\nnot json\n",
        good[0]
    );
    let path = temp_file("bad-records.jsonl", input.as_bytes());
    let r = run(
        &[
            "fit",
            "--cohort",
            s(&path),
            "--target",
            "STABLE_WORK",
            "--id",
            "x",
            "--strict",
        ],
        "",
    );
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert_eq!(r.stdout, "");
    let errors = r.errors();
    let got = line_kind_path(&errors);
    assert_eq!(
        got,
        vec![
            (2, "MISSING_FIELD", "person"),
            (3, "INSUFFICIENT_DATA", "person.wagesThrough"),
            (5, "INCONSISTENT", "synthetic"),
            (6, "INVALID_JSON", ""),
        ]
    );
}

/// A cohort record's line with its person's `wagesThrough` set to `month`.
fn with_wages_through(line: &str, month: &str) -> String {
    let key = r#""wagesThrough":""#;
    let start = line.find(key).unwrap() + key.len();
    let end = start + line[start..].find('"').unwrap();
    format!("{}{month}{}", &line[..start], &line[end..])
}

#[test]
fn fit_checks_the_spec_before_reading_the_cohort() {
    let spec = temp_file(
        "bad-spec.json",
        br#"{"id": "s", "target": "STABLE_WORK", "features": [{"name": "situation"}], "maxBins": 99}"#,
    );
    // The cohort does not exist: the spec's error comes first.
    let r = run(
        &["fit", "--cohort", "/nonexistent.jsonl", "--spec", s(&spec)],
        "",
    );
    assert_eq!(r.code, 1, "{}", r.stderr);
    let e = &r.errors()[0];
    assert_eq!(
        (&e["kind"], &e["path"]),
        (&"OUT_OF_RANGE".into(), &"spec.maxBins".into())
    );
    let typo = temp_file(
        "typo-spec.json",
        br#"{"id": "s", "target": "STABLE_WORK", "featurs": []}"#,
    );
    let r = run(&["fit", "--cohort", s(cohort()), "--spec", s(&typo)], "");
    assert_eq!(r.code, 1);
    let e = &r.errors()[0];
    assert_eq!(e["kind"], "UNKNOWN_FIELD");
    assert_eq!(e["path"], "spec.featurs");
    assert!(
        e["message"].as_str().unwrap().contains("typo-spec.json"),
        "{e}"
    );
}

#[test]
fn fit_flags_are_checked() {
    let c = s(cohort());
    assert_usage_error(
        &run(&["fit", "--cohort", c, "--target", "STABLE_WORK"], ""),
        "--id",
    );
    assert_usage_error(
        &run(
            &[
                "fit",
                "--cohort",
                c,
                "--target",
                "STABLE_WORK",
                "--id",
                "x",
                "--l2",
                "-1",
            ],
            "",
        ),
        "--l2",
    );
    assert_usage_error(
        &run(
            &["fit", "--cohort", c, "--target", "IN_AND_OUT", "--id", "x"],
            "",
        ),
        "--target",
    );
    assert_usage_error(
        &run(
            &[
                "fit",
                "--cohort",
                c,
                "--target",
                "STABLE_WORK",
                "--id",
                "x",
                "--ruleset",
                "1999",
            ],
            "",
        ),
        "--ruleset",
    );
    let r = run(
        &[
            "fit",
            "--cohort",
            "/nonexistent.jsonl",
            "--target",
            "STABLE_WORK",
            "--id",
            "x",
        ],
        "",
    );
    assert_eq!(r.code, 2);
    assert_eq!(r.errors()[0]["kind"], "IO");
}

// --- evaluate -------------------------------------------------------------------

/// Hand count of the rule tree's Tabell 5 on the shared cohort through the
/// single-person facade: rows per outcome, and profiled standard per outcome.
fn rule_tree_counts() -> &'static ([u64; 3], [u64; 3]) {
    static COUNTS: OnceLock<([u64; 3], [u64; 3])> = OnceLock::new();
    COUNTS.get_or_init(|| {
        let (mut all, mut standard) = ([0u64; 3], [0u64; 3]);
        for line in std::fs::read_to_string(cohort()).unwrap().lines() {
            let record: Value = serde_json::from_str(line).unwrap();
            let person = record["person"].to_string();
            let tree = veivalg::api::text::rule_tree(&person, r#"{"ruleset":"2018-10"}"#).unwrap();
            let tree: Value = serde_json::from_str(&tree).unwrap();
            let label = veivalg::api::text::label_outcome(&person, "null").unwrap();
            let label: Value = serde_json::from_str(&label).unwrap();
            let i = match label["outcome"].as_str().unwrap() {
                "STABLE_WORK" => 0,
                "IN_AND_OUT" => 1,
                _ => 2,
            };
            all[i] += 1;
            if tree["group"] == "ANTATT_GODE_MULIGHETER" {
                standard[i] += 1;
            }
        }
        (all, standard)
    })
}

fn line<'a>(e: &'a Value, outcome: &str) -> &'a Value {
    e["table"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["outcome"] == outcome)
        .unwrap()
}

#[test]
fn evaluate_rule_tree_group_json_matches_a_hand_count() {
    let r = run(
        &[
            "evaluate",
            "--cohort",
            s(cohort()),
            "--method",
            "RULE_TREE_GROUP",
            "--json",
        ],
        "",
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout.lines().count(), 1);
    let e = r.json();
    assert_eq!(e["synthetic"], true);
    assert_eq!(e["method"], "RULE_TREE_GROUP");
    assert_eq!(e["target"], "STABLE_WORK");
    assert_eq!(e["rows"], ROWS as u64);
    let (all, standard) = rule_tree_counts();
    for (i, outcome) in ["STABLE_WORK", "IN_AND_OUT", "WITHOUT_WORK"]
        .iter()
        .enumerate()
    {
        let l = line(&e, outcome);
        assert_eq!(l["total"]["count"], all[i], "{outcome}");
        assert_eq!(l["selected"]["count"], standard[i], "{outcome}");
        assert_eq!(l["notSelected"]["count"], all[i] - standard[i], "{outcome}");
    }
    // Accuracy against stable work: standard ∧ stable + not standard ∧ not stable.
    let good = standard[0] + (all[1] - standard[1]) + (all[2] - standard[2]);
    let accuracy = e["accuracy"].as_f64().unwrap();
    assert!((accuracy - good as f64 / ROWS as f64).abs() < 1e-12);
    // Per month = share × 9 000.
    let total = line(&e, "TOTAL");
    let selected: u64 = standard.iter().sum();
    let per_month = total["selected"]["perMonth"].as_f64().unwrap();
    assert!((per_month - selected as f64 / ROWS as f64 * 9000.0).abs() < 1e-9);
}

#[test]
fn evaluate_text_has_a_synthetic_header_and_the_tables() {
    let r = run(
        &[
            "evaluate",
            "--cohort",
            s(cohort()),
            "--method",
            "RULE_TREE_GROUP",
        ],
        "",
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let first = r.stdout.lines().next().unwrap();
    assert!(first.contains("SYNTHETIC"), "{first}");
    let (all, standard) = rule_tree_counts();
    let pct = |n: u64| format!("{:.1}", 100.0 * n as f64 / ROWS as f64);
    // The STABLE_WORK row: all %, then standard % among its columns.
    let stable = r
        .stdout
        .lines()
        .find(|l| l.starts_with("STABLE_WORK"))
        .unwrap();
    let cells: Vec<&str> = stable.split_whitespace().collect();
    assert_eq!(cells[1], pct(all[0]), "{stable}");
    assert_eq!(cells[3], pct(standard[0]), "{stable}");
    for word in [
        "TOTAL",
        "accuracy",
        "against target STABLE_WORK",
        "groups",
        "gender",
        "ageBand",
    ] {
        assert!(r.stdout.contains(word), "lacks {word}:\n{}", r.stdout);
    }
}

/// A MODEL policy naming the fitted model.
const MODEL_POLICY: &str = r#"{"id": "test-policy", "validFrom": "2025-03-01", "status": "PROPOSAL", "method": "MODEL",
     "ruleset": null, "noeAge": {"min": 30, "max": 59},
     "toLocalOffice": ["HEALTH_OBSTACLES", "OTHER_OBSTACLES"],
     "source": "a test", "model": "test-a", "share": 0.37}"#;

/// [`MODEL_POLICY`] in a file.
fn model_policy() -> PathBuf {
    temp_file("policy.json", MODEL_POLICY.as_bytes())
}

#[test]
fn evaluate_a_model_policy_by_share() {
    let policy = model_policy();
    let args = [
        "evaluate",
        "--cohort",
        s(cohort()),
        "--policy",
        s(&policy),
        "--model",
        s(fitted_model()),
        "--share",
        "0.3",
        "--compare-to-method",
        "RULE_TREE_GROUP",
    ];
    let mut json_args = args.to_vec();
    json_args.push("--json");
    let r = run(&json_args, "");
    assert_eq!(r.code, 0, "{}", r.stderr);
    let e = r.json();
    assert_eq!(e["method"], "MODEL");
    assert_eq!(e["label"], "policy test-policy");
    assert_eq!(e["share"], 0.3);
    // 30 % of 3 000 rows.
    assert_eq!(line(&e, "TOTAL")["selected"]["count"], 900);
    let cutoff = e["cutoff"].as_f64().unwrap();
    assert!(cutoff > 0.0 && cutoff < 1.0);
    let auc = e["modelMetrics"]["auc"].as_f64().unwrap();
    assert!(auc > 0.5 && auc < 1.0);
    // The difference to the rule tree, in people per month at 9 000.
    let (_, standard) = rule_tree_counts();
    let standard: u64 = standard.iter().sum();
    let expected = ((900.0 - standard as f64) / ROWS as f64 * 9000.0).round();
    let per_month = e["difference"]["selectedPerMonth"].as_array().unwrap();
    let total = per_month.iter().find(|p| p[0] == "TOTAL").unwrap();
    assert_eq!(total[1].as_f64().unwrap(), expected);
    assert_eq!(e["comparedTo"]["method"], "RULE_TREE_GROUP");

    let r = run(&args, "");
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.lines().next().unwrap().contains("SYNTHETIC"));
    for word in [
        "share asked: 30.0 %",
        "cut-off",
        "AUC",
        "calibration",
        "compared with",
        "difference",
    ] {
        assert!(r.stdout.contains(word), "lacks {word}:\n{}", r.stdout);
    }
}

/// A policy file is read field by field, as the library reads a policy
/// object: a key given twice, or a file that is neither an id nor an
/// object, is an error naming `policy` and the field.
#[test]
fn evaluate_refuses_a_policy_file_with_a_key_twice_naming_it() {
    let twice = MODEL_POLICY.replacen(r#""share": 0.37"#, r#""share": 0.37, "share": 0.5"#, 1);
    assert_ne!(twice, MODEL_POLICY);
    for (name, contents, kind, path) in [
        (
            "policy-twice.json",
            twice.as_str(),
            "INVALID_VALUE",
            "policy.share",
        ),
        ("policy-number.json", "0.37", "INVALID_TYPE", "policy"),
    ] {
        let policy = temp_file(name, contents.as_bytes());
        let r = run(
            &[
                "evaluate",
                "--cohort",
                s(cohort()),
                "--policy",
                s(&policy),
                "--model",
                s(fitted_model()),
            ],
            "",
        );
        assert_eq!(r.code, 1, "{}", r.stderr);
        let e = &r.errors()[0];
        assert_eq!(
            (e["kind"].as_str(), e["path"].as_str()),
            (Some(kind), Some(path)),
            "{name}: {e}"
        );
    }
}

#[test]
fn evaluate_refuses_a_bad_share_naming_it() {
    let policy = model_policy();
    let r = run(
        &[
            "evaluate",
            "--cohort",
            s(cohort()),
            "--policy",
            s(&policy),
            "--model",
            s(fitted_model()),
            "--share",
            "1.3",
        ],
        "",
    );
    assert_usage_error(&r, "--share");
    assert!(r.errors()[0]["message"].as_str().unwrap().contains("share"));
    // Within (0, 1] but more than the policy's age band and overrides let
    // through: the library's error, naming share.
    let r = run(
        &[
            "evaluate",
            "--cohort",
            s(cohort()),
            "--policy",
            s(&policy),
            "--model",
            s(fitted_model()),
            "--share",
            "1",
        ],
        "",
    );
    assert_eq!(r.code, 1, "{}", r.stderr);
    let e = &r.errors()[0];
    assert_eq!(
        (&e["kind"], &e["path"]),
        (&"OUT_OF_RANGE".into(), &"share".into())
    );
}

#[test]
fn evaluate_flags_are_checked() {
    let c = s(cohort());
    for (args, flag) in [
        (
            &[
                "evaluate",
                "--cohort",
                c,
                "--method",
                "COUNSELLOR",
                "--share",
                "0.3",
            ][..],
            "--method",
        ),
        (
            &["evaluate", "--cohort", c, "--policy", "noe-1999"],
            "--policy",
        ),
        (
            &["evaluate", "--cohort", c, "--method", "RULE_TREE"],
            "--method",
        ),
        (
            &[
                "evaluate", "--cohort", c, "--policy", "noe-2018", "--cutoff", "1",
            ],
            "--cutoff",
        ),
        (
            &[
                "evaluate",
                "--cohort",
                c,
                "--method",
                "COUNSELLOR",
                "--volume",
                "0",
            ],
            "--volume",
        ),
        (
            &[
                "evaluate",
                "--synthetic-default",
                "--cohort",
                c,
                "--method",
                "COUNSELLOR",
            ],
            "--synthetic-default",
        ),
    ] {
        assert_usage_error(&run(args, ""), flag);
    }
    // A policy file that is not there.
    let r = run(
        &["evaluate", "--cohort", c, "--policy", "/nonexistent/p.json"],
        "",
    );
    assert_eq!(r.code, 2);
    assert_eq!(r.errors()[0]["kind"], "IO");
    // A model the policy names but nobody gave.
    let r = run(
        &["evaluate", "--cohort", c, "--policy", s(&model_policy())],
        "",
    );
    assert_eq!(r.code, 1);
    assert_eq!(r.errors()[0]["kind"], "NOT_FOUND");
}

// --- help and lists ----------------------------------------------------------------

#[test]
fn help_lists_the_cohort_commands() {
    let r = run(&["--help"], "");
    assert_eq!(r.code, 0);
    for word in [
        "synth",
        "fit",
        "evaluate",
        "report",
        "models",
        "refit-defaults",
    ] {
        assert!(r.stdout.contains(word), "--help lacks {word}");
    }
}

#[test]
fn each_cohort_command_has_help_with_its_flags_and_exit_codes() {
    for (command, words) in [
        (
            "synth",
            &[
                "--seed",
                "--size",
                "--ages",
                "--output",
                "SYNTHETIC",
                "Exit codes",
            ][..],
        ),
        (
            "fit",
            &[
                "--cohort",
                "--spec",
                "--target",
                "--id",
                "--l2",
                "--ruleset",
                "2018-10",
                "Exit codes",
            ],
        ),
        (
            "evaluate",
            &[
                "--policy",
                "--method",
                "--model",
                "--share",
                "--cutoff",
                "--volume",
                "--compare-to-policy",
                "--compare-to-method",
                "--json",
                "--synthetic-default",
                "Exit codes",
            ],
        ),
        (
            "report",
            &["--json", "--markdown", "Exit codes", "1  some line fails"],
        ),
        ("refit-defaults", &["--write", "REWRITES", "Exit codes"]),
        ("models", &[]),
    ] {
        let r = run(&[command, "--help"], "");
        assert_eq!(r.code, 0, "{command}");
        for word in words {
            assert!(r.stdout.contains(word), "{command} --help lacks {word}");
        }
    }
}

#[test]
fn models_prints_the_shipped_models() {
    let r = run(&["models"], "");
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout, format!("{}\n", veivalg::api::text::models()));
    assert!(r.json().is_array());
}
