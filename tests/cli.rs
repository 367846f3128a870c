#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! The `veivalg` binary end to end: input formats, errors on stderr, exit
//! codes and help. Expected decisions and labels are worked out by hand in
//! the comments, not copied from the tool's output.

mod cli_support;

use cli_support::run;
use serde_json::Value;
use std::path::PathBuf;

/// A file in this test target's scratch directory.
fn temp_file(name: &str, contents: &[u8]) -> PathBuf {
    let path = cli_support::temp_path("cli", name);
    std::fs::write(&path, contents).unwrap();
    path
}

/// 45 years old at registration (born 1979-06-02, registered 2025-03-14),
/// higher education passed and approved, employed without a break since
/// 2020: the rule tree's "quick return" group; the January 2025 policy
/// (in force on the registration day) sends ages 30–66 to NOE.
fn person(health_obstacles: &str) -> String {
    format!(
        r#"{{"registeredOn":"2025-03-14","birthDate":"1979-06-02","answers":{{"situation":"MISTET_JOBBEN","education":"HOYERE_UTDANNING_1_TIL_4","educationApproved":"JA","educationPassed":"JA","healthObstacles":"{health_obstacles}","otherObstacles":"NEI"}},"employment":[{{"start":"2020-01-01","end":null}}]}}"#
    )
}

fn good() -> String {
    person("NEI")
}

fn assert_routed(v: &Value, group: &str, unit: &str) {
    assert_eq!(v["group"], group, "{v}");
    assert_eq!(v["unit"], unit, "{v}");
}

// --- decisions -------------------------------------------------------------

#[test]
fn decide_routes_quick_return_to_noe_and_obstacles_to_the_local_office() {
    let input = format!("{}\n{}\n", good(), person("JA"));
    let r = run(&["decide"], input);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stderr, "");
    let results = r.results();
    assert_eq!(results.len(), 2);
    assert_routed(&results[0], "ANTATT_GODE_MULIGHETER", "NOE");
    // A health obstacle is checked first and sends the person to the local office.
    assert_routed(&results[1], "OPPGITT_HINDRINGER", "LOCAL_OFFICE");
}

#[test]
fn decide_output_is_the_facade_text_verbatim() {
    let r = run(&["decide"], good());
    assert_eq!(r.code, 0, "{}", r.stderr);
    let expected = veivalg::api::text::decide(&good(), "null").unwrap();
    assert_eq!(r.stdout, format!("{expected}\n"));
}

#[test]
fn decide_policy_flag_chooses_the_policy() {
    // Under the 2018 policy NOE takes ages 30–59; 45 is inside, so still NOE,
    // but the decision names the chosen policy.
    let r = run(&["decide", "--policy", "noe-2018"], good());
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.results()[0]["policy"]["id"], "noe-2018");
    let r = run(&["decide", "--on", "2018-06-01"], good());
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.results()[0]["policy"]["id"], "noe-2018");
}

#[test]
fn bad_decide_flags_are_usage_errors() {
    for (args, path) in [
        (&["decide", "--policy", "noe-1999"][..], "--policy"),
        (&["decide", "--on", "2025-02-30"], "--on"),
        (&["decide", "--on", "14.03.2025"], "--on"),
        (
            &["decide", "--policy", "noe-2018", "--on", "2025-01-01"],
            "--policy",
        ),
    ] {
        let r = run(args, good());
        assert_eq!(r.code, 2, "{args:?}");
        assert_eq!(r.stdout, "");
        let errors = r.errors();
        assert_eq!(errors.len(), 1, "{}", r.stderr);
        assert_eq!(errors[0]["kind"], "USAGE");
        assert_eq!(errors[0]["path"], path, "{args:?}");
    }
}

// --- input formats ----------------------------------------------------------

#[test]
fn a_bad_line_in_the_middle_is_reported_and_the_rest_still_processed() {
    let input = format!("{}\n{{\"registeredOn\": \n{}\n", good(), person("JA"));
    let r = run(&["decide"], input);
    assert_eq!(r.code, 1);
    let results = r.results();
    assert_eq!(results.len(), 2, "{}", r.stdout);
    assert_routed(&results[0], "ANTATT_GODE_MULIGHETER", "NOE");
    assert_routed(&results[1], "OPPGITT_HINDRINGER", "LOCAL_OFFICE");
    let errors = r.errors();
    assert_eq!(errors.len(), 1, "{}", r.stderr);
    assert_eq!(errors[0]["line"], 2);
    assert_eq!(errors[0]["kind"], "INVALID_JSON");
    assert!(errors[0].get("index").is_none());
}

#[test]
fn a_contract_error_names_the_line_and_the_field() {
    let bad = good().replace("MISTET_JOBBEN", "MISTET_JOBEN");
    let input = format!("{}\n\n{bad}\n", good());
    let r = run(&["decide"], input);
    assert_eq!(r.code, 1);
    assert_eq!(r.results().len(), 1);
    let e = &r.errors()[0];
    // Line 2 is blank and skipped, but still counted.
    assert_eq!(e["line"], 3);
    assert_eq!(e["kind"], "INVALID_VALUE");
    assert_eq!(e["path"], "answers.situation");
}

#[test]
fn an_array_gives_one_result_per_element_and_errors_by_index() {
    let bad = good().replace("\"JA\"", "\"JAA\"");
    let input = format!("[\n  {},\n  {bad},\n  {}\n]\n", good(), person("JA"));
    let r = run(&["decide"], input);
    assert_eq!(r.code, 1);
    let results = r.results();
    assert_eq!(results.len(), 2, "{}", r.stderr);
    assert_routed(&results[0], "ANTATT_GODE_MULIGHETER", "NOE");
    assert_routed(&results[1], "OPPGITT_HINDRINGER", "LOCAL_OFFICE");
    let errors = r.errors();
    assert_eq!(errors.len(), 1, "{}", r.stderr);
    assert_eq!(errors[0]["index"], 1);
    assert!(errors[0].get("line").is_none());
    assert_eq!(errors[0]["kind"], "INVALID_VALUE");
    assert!(
        errors[0]["path"]
            .as_str()
            .unwrap()
            .starts_with("[1].answers."),
        "{}",
        r.stderr
    );
}

#[test]
fn a_single_pretty_printed_object_is_one_record() {
    let value: Value = serde_json::from_str(&good()).unwrap();
    let pretty = serde_json::to_string_pretty(&value).unwrap();
    for format in ["auto", "json"] {
        let r = run(&["decide", "--input", format], pretty.clone());
        assert_eq!(r.code, 0, "{format}: {}", r.stderr);
        assert_routed(&r.results()[0], "ANTATT_GODE_MULIGHETER", "NOE");
    }
    // The same text read as JSON Lines is a row of broken lines.
    let r = run(&["decide", "--input", "jsonl"], pretty);
    assert_eq!(r.code, 1);
    assert_eq!(r.stdout, "");
}

#[test]
fn stdin_dash_and_a_file_give_the_same_output() {
    let input = format!("{}\n{}\n", good(), person("JA"));
    let from_stdin = run(&["decide"], input.clone());
    let from_dash = run(&["decide", "-"], input.clone());
    let file = temp_file("persons.jsonl", input.as_bytes());
    let from_file = run(&["decide", file.to_str().unwrap()], "");
    assert_eq!(from_stdin.code, 0, "{}", from_stdin.stderr);
    assert_eq!(from_stdin.results().len(), 2);
    for other in [&from_dash, &from_file] {
        assert_eq!(other.code, 0, "{}", other.stderr);
        assert_eq!(other.stdout, from_stdin.stdout);
    }
    std::fs::remove_file(file).unwrap();
}

#[test]
fn an_array_file_with_errors_exits_1() {
    let file = temp_file("persons.json", format!("[{}, 7]", good()).as_bytes());
    let r = run(&["decide", "--input", "json", file.to_str().unwrap()], "");
    assert_eq!(r.code, 1);
    assert_eq!(r.results().len(), 1);
    let e = &r.errors()[0];
    assert_eq!(e["index"], 1);
    assert_eq!(e["path"], "[1]");
    assert_eq!(e["kind"], "INVALID_TYPE");
    std::fs::remove_file(file).unwrap();
}

#[test]
fn a_10_mb_line_is_too_large_and_the_next_lines_are_read() {
    let huge = format!("{{\"id\":\"{}\"}}", "x".repeat(10 * 1024 * 1024));
    let input = format!("{}\n{huge}\n{}\n", good(), person("JA"));
    let r = run(&["decide"], input);
    assert_eq!(r.code, 1);
    let results = r.results();
    assert_eq!(results.len(), 2, "{}", r.stderr);
    assert_routed(&results[1], "OPPGITT_HINDRINGER", "LOCAL_OFFICE");
    let errors = r.errors();
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0]["line"], 2);
    assert_eq!(errors[0]["kind"], "TOO_LARGE");
}

#[test]
fn invalid_utf8_is_invalid_json_for_that_line() {
    let mut input = good().into_bytes();
    input.extend_from_slice(b"\n{\"id\":\"\xff\xfe\"}\n");
    input.extend_from_slice(person("JA").as_bytes());
    let r = run(&["decide"], input);
    assert_eq!(r.code, 1);
    assert_eq!(r.results().len(), 2, "{}", r.stderr);
    let e = &r.errors()[0];
    assert_eq!(e["line"], 2);
    assert_eq!(e["kind"], "INVALID_JSON");
}

#[test]
fn empty_input_gives_no_output_and_exit_0() {
    let r = run(&["decide"], "\n\n");
    assert_eq!((r.code, r.stdout.as_str(), r.stderr.as_str()), (0, "", ""));
}

// --- label and features -----------------------------------------------------

/// Registered 2024-01-15; 50 000 NOK in June–October 2024 and nothing in
/// the other months of January 2024–January 2025. 3G a month is
/// 3 × 118 620 / 12 = 29 655 NOK before May 2024 and 3 × 124 028 / 12 =
/// 31 007 NOK from May, so exactly the five paid months are above 3G and
/// the eight others below 1G.
fn label_input() -> String {
    let wages: Vec<String> = (1..=13)
        .map(|i| {
            let (year, month) = if i <= 12 { (2024, i) } else { (2025, 1) };
            let nok = if (6..=10).contains(&i) && year == 2024 {
                50_000
            } else {
                0
            };
            format!(r#"{{"month":"{year}-{month:02}","nok":{nok}}}"#)
        })
        .collect();
    format!(
        r#"{{"registeredOn":"2024-01-15","wages":[{}]}}"#,
        wages.join(",")
    )
}

#[test]
fn label_follows_the_month_one_option() {
    // Default: month 1 is February 2024, so months 6..12 are July 2024 –
    // January 2025, of which July–October (4) are above 3G: not rule B; 5
    // months above 3G is not rule A (10); 7 below 1G is not "without work".
    let r = run(&["label"], label_input());
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.results()[0]["outcome"], "IN_AND_OUT");
    // Month 1 = January 2024: months 6..12 are June–December, 5 above 3G:
    // rule B.
    let r = run(&["label", "--month-one", "registration"], label_input());
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.results()[0]["outcome"], "STABLE_WORK");
    assert_eq!(r.results()[0]["rule"], "B");
    // Read as "the last five months" (August–December), two are zero: no rule B.
    let r = run(
        &[
            "label",
            "--month-one",
            "registration",
            "--rule-b",
            "last-five",
        ],
        label_input(),
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.results()[0]["outcome"], "IN_AND_OUT");
}

#[test]
fn bad_label_flags_are_usage_errors() {
    let r = run(&["label", "--rule-b", "five"], label_input());
    assert_eq!(r.code, 2);
    assert_eq!(r.errors()[0]["kind"], "USAGE");
    assert_eq!(r.errors()[0]["path"], "--rule-b");
}

#[test]
fn features_gives_one_object_per_person() {
    let r = run(&["features"], format!("{}\n{}\n", good(), person("JA")));
    assert_eq!(r.code, 0, "{}", r.stderr);
    let results = r.results();
    assert_eq!(results.len(), 2);
    // Born 1979-06-02, registered 2025-03-14: 45 years old.
    assert_eq!(results[0]["age"], 45);
}

#[test]
fn policies_and_rulesets_are_json_arrays() {
    for command in ["policies", "rulesets"] {
        let r = run(&[command], "");
        assert_eq!(r.code, 0, "{}", r.stderr);
        let list = r.results();
        assert_eq!(list.len(), 1, "{command} prints one line");
        assert!(!list[0].as_array().unwrap().is_empty(), "{command}");
    }
    let policies = run(&["policies"], "").results();
    let ids: Vec<&str> = policies[0]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|p| p["id"].as_str())
        .collect();
    assert!(
        ids.contains(&"noe-2018") && ids.contains(&"noe-2025-01"),
        "{ids:?}"
    );
}

// --- usage --------------------------------------------------------------------

#[test]
fn an_unknown_subcommand_is_a_usage_error() {
    let r = run(&["decid"], "");
    assert_eq!(r.code, 2);
    assert_eq!(r.stdout, "");
    let errors = r.errors();
    assert_eq!(errors.len(), 1, "{}", r.stderr);
    assert_eq!(errors[0]["kind"], "USAGE");
    assert!(errors[0]["message"].as_str().unwrap().contains("decid"));
}

#[test]
fn no_subcommand_and_unknown_flags_are_usage_errors() {
    for args in [
        &[][..],
        &["decide", "--frob"],
        &["decide", "--input", "xml"],
        &["decide", "a", "b"],
    ] {
        let r = run(args, "");
        assert_eq!(r.code, 2, "{args:?}");
        assert_eq!(r.errors()[0]["kind"], "USAGE", "{args:?}");
    }
}

#[test]
fn a_missing_file_is_an_io_error_with_exit_2() {
    let missing = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("no-such-file.jsonl");
    let r = run(&["features", missing.to_str().unwrap()], "");
    assert_eq!(r.code, 2);
    let e = &r.errors()[0];
    assert_eq!(e["kind"], "IO");
    assert_eq!(e["path"], missing.to_str().unwrap());
}

#[test]
fn help_mentions_every_subcommand_exit_codes_and_the_contract() {
    let r = run(&["--help"], "");
    assert_eq!(r.code, 0);
    for word in [
        "decide",
        "label",
        "features",
        "policies",
        "rulesets",
        "Exit codes",
        "docs/design.md",
    ] {
        assert!(r.stdout.contains(word), "--help lacks {word}");
    }
}

#[test]
fn each_subcommand_has_help_with_its_flags_and_an_example() {
    for (command, words) in [
        (
            "decide",
            &["--policy", "--on", "--input", "registeredOn", "Exit codes"][..],
        ),
        (
            "label",
            &[
                "--month-one",
                "--rule-b",
                "five-of-6-12",
                "last-five",
                "registeredOn",
                "Exit codes",
            ],
        ),
        ("features", &["--input", "Exit codes"]),
        ("policies", &[]),
        ("rulesets", &[]),
    ] {
        let r = run(&[command, "--help"], "");
        assert_eq!(r.code, 0, "{command}");
        for word in words {
            assert!(r.stdout.contains(word), "{command} --help lacks {word}");
        }
    }
}

#[test]
fn version_names_the_package_version() {
    let r = run(&["--version"], "");
    assert_eq!(r.code, 0);
    assert_eq!(
        r.stdout.trim(),
        format!("veivalg {}", env!("CARGO_PKG_VERSION"))
    );
}

/// The shipped G table ends in April 2026: a variant-A decision for a
/// registration in October 2026 fails for want of G (exit 1, the record's
/// error on stderr); with `--grunnbelop` and a table that has a 2026 row
/// (135 000 here is a test value, not the real G) it decides. A table that
/// is not one is a usage error naming the flag.
#[test]
fn grunnbelop_flag_supplies_a_newer_g_table() {
    let p = person("NEI").replace("2025-03-14", "2026-10-15");
    let r = run(&["decide", "--policy", "variant-a"], p.clone());
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert_eq!(r.errors()[0]["kind"], "INSUFFICIENT_DATA");
    let mut table: Vec<Value> = serde_json::from_str(&veivalg::api::text::grunnbelop()).unwrap();
    table.push(serde_json::json!({ "from": "2026-05-01", "nok": 135000 }));
    let file = temp_file(
        "g2026.json",
        serde_json::to_string(&table).unwrap().as_bytes(),
    );
    let r = run(
        &[
            "decide",
            "--policy",
            "variant-a",
            "--grunnbelop",
            file.to_str().unwrap(),
        ],
        p.clone(),
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.results()[0]["method"], "MODEL");
    let bad = temp_file("g-bad.json", br#"[{"from":"2026-05-01","nok":-1}]"#);
    let r = run(&["decide", "--grunnbelop", bad.to_str().unwrap()], p);
    assert_eq!(r.code, 2);
    assert_eq!(r.errors()[0]["path"], "--grunnbelop");
}
