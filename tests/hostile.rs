//! Hostile inputs at every entry point that takes outside data (issue 12):
//! the text facade `veivalg::api::text::*`, `wire::parse::<T>` for each
//! input type, cohort records and sessions, fit specs, policy, model and
//! ruleset files. Every input must give an answer or a structured error
//! (a known kind), never a panic or an abort, and no answer may hold a
//! `null` where a number is promised.
//!
//! Two parts:
//! - **the corpus** `tests/corpus/<entry>/*.txt`: every input that ever
//!   failed, one file per case, replayed on every run (and through the
//!   npm package in Node by `tests/js/hostile.test.mjs`); an input that was
//!   once wrongly *accepted* has a `<case>.expect` beside it (`KIND path`,
//!   the path relative to the input) with the error it must give, and a
//!   `package: KIND path` line where the package's answer differs because
//!   JSON.parse changes the input (`1e400` becomes Infinity, then `null`);
//! - **the fuzzer**: random JSON, one-byte edits of valid inputs, type
//!   swaps, huge numbers and deep nesting, from a fixed seed
//!   (`VEIVALG_FUZZ_SEED` to change it), `VEIVALG_FUZZ_CASES` cases per
//!   run (default 100 000, spread over the entry points by weight). A
//!   failing input is written to `target/hostile-failures/` (or, with
//!   `VEIVALG_FUZZ_SAVE=1`, straight into `tests/corpus/`).
//!
//! The run prints how many hostile inputs it ran. The valid inputs come
//! from `tests/shared/fixtures.rs` and the mutators from
//! `tests/shared/mutate.rs`, which the wasm fuzz pass of
//! `tests/shared/binding.rs` uses as well.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "shared/fixtures.rs"]
mod fixtures;
#[path = "shared/mutate.rs"]
mod mutate;

use mutate::Gen;
use serde_json::{json, Value};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::Instant;
use veivalg::api::text;
use veivalg::cohort::file::{self, FileFormat, LoaderOptions};
use veivalg::cohort::session::CohortSession;
use veivalg::error::{Error, Result};
use veivalg::wire;

const KINDS: &[&str] = &[
    "INVALID_JSON",
    "INVALID_TYPE",
    "INVALID_VALUE",
    "MISSING_FIELD",
    "UNKNOWN_FIELD",
    "OUT_OF_RANGE",
    "INCONSISTENT",
    "INSUFFICIENT_DATA",
    "NOT_FOUND",
    "INVALID_CONFIG",
    "TOO_LARGE",
    "IO",
    "USAGE",
];

/// Keys whose values are numbers in every output: a `null` there is a
/// non-finite number that serde_json wrote as `null`.
const NUMERIC_KEYS: &[&str] = &[
    "ratio",
    "logit",
    "probability",
    "nok",
    "g",
    "cutoff",
    "weight",
    "intercept",
    "contribution",
    "auc",
    "share",
    "monthlyG",
    "yearlyG",
];

/// The valid registration every person entry point starts from.
fn person() -> Value {
    fixtures::person_with_history()
}

fn shipped(path: &str) -> Value {
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(path)).unwrap();
    serde_json::from_str(&text).unwrap()
}

fn small_session() -> &'static std::sync::Mutex<CohortSession> {
    static S: OnceLock<std::sync::Mutex<CohortSession>> = OnceLock::new();
    S.get_or_init(|| {
        std::sync::Mutex::new(CohortSession::synthetic(r#"{"seed": 7, "size": 600}"#).unwrap())
    })
}

type Run = fn(&str) -> Result<String>;

/// One entry point: a name (the corpus folder), what it runs on a text,
/// valid inputs to mutate, and its weight in the case budget.
struct Entry {
    name: &'static str,
    run: Run,
    seeds: Vec<Value>,
    weight: u32,
}

fn ok<T>(r: Result<T>) -> Result<String> {
    r.map(|_| String::new())
}

fn ser<T: serde::Serialize>(r: Result<T>) -> Result<String> {
    r.map(|v| wire::to_string(&v))
}

fn entries() -> Vec<Entry> {
    let p = person();
    let no_answers = {
        let mut q = p.clone();
        q.as_object_mut().unwrap().remove("answers");
        q
    };
    let model_a = shipped("pkg-config/models/variant-a.json");
    let policy_a = shipped("pkg-config/policies/variant-a.json");
    let policy_2018 = shipped("pkg-config/policies/noe-2018.json");
    let ruleset = shipped("pkg-config/rulesets/2024-03.json");
    let g = shipped("pkg-config/grunnbelop.json");
    let spec = json!({"id": "h", "target": "STABLE_WORK", "features": [
        {"name": "situation"}, {"name": "monthsSinceAbove3G", "edges": [1, 3, 6, 12]},
        {"name": "monthsAbove3GLast24"}], "l2": 0.5, "maxBins": 4});
    let record =
        json!({"person": p, "outcome": "STABLE_WORK", "gender": "FEMALE", "bornAbroad": false});
    let record2 = json!({"person": p, "outcome": "WITHOUT_WORK", "counsellorStandard": true});
    let eval = json!({"policy": policy_a, "model": model_a, "share": 0.3});
    let thr = json!({"policy": "variant-a", "share": 0.5});
    let opts = json!({"policy": "noe-2025-01", "on": "2025-03-14", "grunnbelop": g});
    let opts_model = json!({"model": model_a, "grunnbelop": g});
    vec![
        Entry {
            name: "decide",
            run: |t| text::decide(t, "null"),
            seeds: vec![p.clone(), no_answers.clone()],
            weight: 10,
        },
        Entry {
            name: "decide-options",
            run: |t| text::decide(&person().to_string(), t),
            seeds: vec![
                opts.clone(),
                json!({"policy": policy_2018}),
                json!({"policy": "variant-a", "model": model_a}),
            ],
            weight: 8,
        },
        Entry {
            name: "explain",
            run: |t| text::explain(t, "null"),
            seeds: vec![p.clone()],
            weight: 4,
        },
        Entry {
            name: "rule-tree",
            run: |t| text::rule_tree(t, "null"),
            seeds: vec![p.clone()],
            weight: 6,
        },
        Entry {
            name: "rule-tree-options",
            run: |t| text::rule_tree(&person().to_string(), t),
            seeds: vec![
                json!({"ruleset": ruleset, "on": "2025-01-01"}),
                json!({"ruleset": "2018"}),
            ],
            weight: 4,
        },
        Entry {
            name: "score",
            run: |t| text::score(t, "null"),
            seeds: vec![p.clone()],
            weight: 6,
        },
        Entry {
            name: "score-options",
            run: |t| text::score(&person().to_string(), t),
            seeds: vec![opts_model.clone(), json!({"model": "variant-b"})],
            weight: 8,
        },
        Entry {
            name: "features",
            run: text::features,
            seeds: vec![p.clone()],
            weight: 6,
        },
        Entry {
            name: "label-outcome",
            run: |t| text::label_outcome(t, "null"),
            seeds: vec![
                p.clone(),
                no_answers.clone(),
                json!({"registeredOn": "2024-01-10", "wages": p["wages"].clone()}),
            ],
            weight: 6,
        },
        Entry {
            name: "label-outcome-options",
            run: |t| text::label_outcome(&person().to_string(), t),
            seeds: vec![json!({"grunnbelop": g})],
            weight: 3,
        },
        Entry {
            name: "wage-history",
            run: |t| text::wage_history(t, "null"),
            seeds: vec![p.clone()],
            weight: 6,
        },
        Entry {
            name: "wage-history-options",
            run: |t| text::wage_history(&person().to_string(), t),
            seeds: vec![json!({"months": 24, "grunnbelop": g})],
            weight: 6,
        },
        Entry {
            name: "grunnbelop",
            run: |t| ser(veivalg::domain::grunnbelop::GTable::from_json(t)),
            seeds: vec![g.clone()],
            weight: 3,
        },
        Entry {
            name: "model",
            run: |t| ok(veivalg::model::Model::from_json(t)),
            seeds: vec![model_a.clone()],
            weight: 4,
        },
        Entry {
            name: "policy",
            run: |t| ok(wire::parse::<veivalg::routing::policy::Policy>(t)),
            seeds: vec![policy_a.clone(), policy_2018.clone()],
            weight: 3,
        },
        Entry {
            name: "ruleset",
            run: |t| ok(wire::parse::<veivalg::rules::ruletree::Ruleset>(t)),
            seeds: vec![ruleset.clone()],
            weight: 3,
        },
        Entry {
            name: "fit-spec",
            run: |t| ok(wire::parse::<veivalg::fit::FitSpec>(t)),
            seeds: vec![spec.clone()],
            weight: 4,
        },
        Entry {
            name: "cohort-record",
            run: |t| ok(wire::parse::<veivalg::cohort::CohortRecord>(t)),
            seeds: vec![record.clone(), record2.clone()],
            weight: 4,
        },
        Entry {
            name: "cohort-records",
            run: |t| CohortSession::from_records_json(t, "null").and_then(|s| s.summary_json()),
            seeds: vec![json!([record, record2])],
            weight: 3,
        },
        Entry {
            // A JSON Lines cohort file's text, read by the chunked loader.
            name: "cohort-jsonl",
            run: |t| {
                let options = LoaderOptions::new(FileFormat::Jsonl);
                file::load(t.as_bytes(), &options)
                    .and_then(|c| CohortSession::new(c).summary_json())
            },
            seeds: vec![record.clone()],
            weight: 2,
        },
        Entry {
            // A CSV cohort file: the input is the file's text as a JSON
            // string (so the JSON mutations reach inside it), or raw text.
            name: "cohort-csv",
            run: |t| {
                let text = serde_json::from_str::<String>(t).unwrap_or_else(|_| t.to_string());
                file::load(text.as_bytes(), &LoaderOptions::new(FileFormat::Csv))
                    .and_then(|c| CohortSession::new(c).summary_json())
            },
            seeds: vec![Value::String(
                std::fs::read_to_string(concat!(
                    env!("CARGO_MANIFEST_DIR"),
                    "/pkg-config/cohort-template.csv"
                ))
                .unwrap_or_default(),
            )],
            weight: 2,
        },
        Entry {
            name: "synthetic-options",
            run: synthetic_small,
            seeds: vec![
                json!({"seed": 3, "size": 50}),
                json!({"seed": 9007199254740991u64, "size": 20, "ages": "WIDE"}),
            ],
            weight: 2,
        },
        Entry {
            name: "evaluate",
            run: |t| {
                small_session()
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .evaluate(t)
            },
            seeds: vec![
                eval.clone(),
                json!({"method": "RULE_TREE_GROUP"}),
                json!({"policy": "variant-a", "cutoff": 0.4}),
            ],
            weight: 1,
        },
        Entry {
            name: "threshold",
            run: |t| {
                small_session()
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .threshold_for_share_json(t)
                    .map(|x| json!(x).to_string())
            },
            seeds: vec![thr],
            weight: 1,
        },
        Entry {
            name: "fit",
            run: |t| {
                small_session()
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .fit(t)
            },
            seeds: vec![spec],
            weight: 1,
        },
    ]
}

/// A synthetic cohort from options, refusing to build more than 2 000 rows
/// in the fuzzer (valid larger sizes are slow, not hostile).
fn synthetic_small(t: &str) -> Result<String> {
    if let Ok(o) = wire::parse::<veivalg::cohort::session::SyntheticOptions>(t) {
        if o.size > 2_000 {
            return Ok(String::new());
        }
    }
    CohortSession::synthetic(t).and_then(|s| s.summary_json())
}

/// What went wrong with one input, if anything.
fn check(entry: &Entry, input: &str) -> Option<String> {
    let out = catch_unwind(AssertUnwindSafe(|| (entry.run)(input)));
    match out {
        Err(p) => {
            let msg = p
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_default();
            Some(format!("panicked: {msg}"))
        }
        Ok(Err(e)) => check_error(&e),
        Ok(Ok(text)) => {
            if text.is_empty() {
                return None;
            }
            match serde_json::from_str::<Value>(&text) {
                Err(e) => Some(format!("output is not JSON ({e}): {text}")),
                Ok(v) => null_number(&v, "").map(|p| format!("`{p}` is null in {text:.300}")),
            }
        }
    }
}

fn check_error(e: &Error) -> Option<String> {
    if !KINDS.contains(&e.kind.as_str()) {
        return Some(format!("unknown kind {e:?}"));
    }
    if e.message.is_empty() {
        return Some(format!("empty message {e:?}"));
    }
    None
}

fn null_number(v: &Value, path: &str) -> Option<String> {
    match v {
        Value::Object(m) => m.iter().find_map(|(k, x)| {
            let at = format!("{path}.{k}");
            if x.is_null() && NUMERIC_KEYS.contains(&k.as_str()) {
                Some(at)
            } else {
                null_number(x, &at)
            }
        }),
        Value::Array(a) => a
            .iter()
            .enumerate()
            .find_map(|(i, x)| null_number(x, &format!("{path}[{i}]"))),
        _ => None,
    }
}

// ------------------------------------------------------------------- corpus

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus")
}

fn save_failure(entry: &str, input: &str) -> PathBuf {
    let dir = if std::env::var("VEIVALG_FUZZ_SAVE").as_deref() == Ok("1") {
        corpus_dir().join(entry)
    } else {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("target/hostile-failures")
            .join(entry)
    };
    let _ = std::fs::create_dir_all(&dir);
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in input.bytes() {
        h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    let path = dir.join(format!("found-{h:016x}.txt"));
    let _ = std::fs::write(&path, input);
    path
}

/// For a corpus case with an `<case>.expect` file (`KIND path`, the path
/// relative to the input; for an input that was once wrongly accepted):
/// why the entry's answer is not that error, if it is not.
fn expectation_unmet(entry: &Entry, expect: &Path, input: &str) -> Option<String> {
    let text = std::fs::read_to_string(expect).ok()?;
    let want = text.lines().next().unwrap_or_default().trim();
    let (kind, path) = want.split_once(' ').unwrap_or((want, ""));
    let path = join_path(prefix(entry.name), path);
    match (entry.run)(input) {
        Err(e) if e.kind.as_str() == kind && e.path == path => None,
        Err(e) => Some(format!(
            "{} at `{}` ({}), expected {kind} at `{path}`",
            e.kind.as_str(),
            e.path,
            e.message
        )),
        Ok(out) => Some(format!("accepted ({out:.80}), expected {kind} at `{path}`")),
    }
}

/// `prefix` and `path` joined as the library joins paths.
fn join_path(prefix: &str, path: &str) -> String {
    match (prefix, path) {
        (p, "") => p.to_string(),
        ("", q) => q.to_string(),
        (p, q) if q.starts_with('[') => format!("{p}{q}"),
        (p, q) => format!("{p}.{q}"),
    }
}

#[test]
fn corpus_replays_without_failure() {
    let start = Instant::now();
    let entries = entries();
    let mut failures = Vec::new();
    let mut n = 0;
    let Ok(dirs) = std::fs::read_dir(corpus_dir()) else {
        panic!("tests/corpus is missing");
    };
    for dir in dirs.flatten() {
        let name = dir.file_name().to_string_lossy().into_owned();
        let Some(entry) = entries.iter().find(|e| e.name == name) else {
            panic!("tests/corpus/{name}: no entry point of that name");
        };
        let mut files: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .flatten()
            .filter(|f| f.path().extension().is_some_and(|x| x == "txt"))
            .collect();
        files.sort_by_key(|f| f.file_name());
        for f in files {
            let input = String::from_utf8_lossy(&std::fs::read(f.path()).unwrap()).into_owned();
            n += 1;
            if let Some(why) = expectation_unmet(entry, &f.path().with_extension("expect"), &input)
            {
                failures.push(format!("{}: {why}", f.path().display()));
            }
            if std::env::var_os("VEIVALG_CORPUS_VERBOSE").is_some() {
                let r = catch_unwind(AssertUnwindSafe(|| (entry.run)(&input)));
                let shown = match r {
                    Ok(Ok(t)) => format!("ok {t:.160}"),
                    Ok(Err(e)) => format!("{} {:?} {:.160}", e.kind.as_str(), e.path, e.message),
                    Err(_) => String::from("PANIC"),
                };
                println!("{name}/{}: {shown}", f.file_name().to_string_lossy());
            }
            if let Some(why) = check(entry, &input) {
                failures.push(format!("{}: {why}", f.path().display()));
            }
        }
    }
    println!(
        "hostile corpus: {n} inputs replayed in {:.1} s",
        start.elapsed().as_secs_f64()
    );
    assert!(n > 0, "the corpus is empty");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn fuzz_every_entry_point() {
    let cases: u64 = std::env::var("VEIVALG_FUZZ_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(100_000);
    let seed: u64 = std::env::var("VEIVALG_FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(12);
    let entries = entries();
    let total_weight: u64 = entries.iter().map(|e| u64::from(e.weight)).sum();
    let mut g = Gen::new(seed);
    let start = Instant::now();
    let mut failures = Vec::new();
    let mut ran = 0u64;
    let mut lines = Vec::new();
    for e in &entries {
        let n = (cases * u64::from(e.weight)).div_ceil(total_weight);
        let t = Instant::now();
        for i in 0..n {
            let s = &e.seeds[(i as usize) % e.seeds.len()];
            let input = g.mutate(s);
            if let Some(why) = check(e, &input) {
                let at = save_failure(e.name, &input);
                failures.push(format!("{}: {why} (input in {})", e.name, at.display()));
            }
        }
        ran += n;
        lines.push(format!(
            "  {:<22} {n:>7} in {:>5.2} s",
            e.name,
            t.elapsed().as_secs_f64()
        ));
    }
    println!(
        "hostile: {ran} inputs across {} entry points in {:.1} s (seed {seed})\n{}",
        entries.len(),
        start.elapsed().as_secs_f64(),
        lines.join("\n")
    );
    failures.truncate(20);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// `labelOutcome`'s input as `api::LabelSource` read it before it re-read
/// its value as text: the value, then the chosen type from the value
/// (`wire::from_value`, a `Value`-fed reader).
#[derive(Debug)]
struct LabelSourceFromValue(veivalg::api::LabelSource);

impl<'de> serde::Deserialize<'de> for LabelSourceFromValue {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        use veivalg::api::LabelSource;
        let v = Value::deserialize(d)?;
        const WAGE_KEYS: [&str; 4] = ["id", "registeredOn", "wages", "wagesThrough"];
        let is_person = v
            .as_object()
            .is_some_and(|o| o.keys().any(|k| !WAGE_KEYS.contains(&k.as_str())));
        let read = if is_person {
            wire::from_value(&v).map(|p| LabelSource::Person(Box::new(p)))
        } else {
            wire::from_value(&v).map(LabelSource::Wages)
        };
        read.map(LabelSourceFromValue).map_err(Error::into_de)
    }
}

/// `api::LabelSource` reads the record into a `Value`, chooses person or
/// wage data by its keys, and reads the chosen type from the value's JSON
/// text, not by a `Value`-fed reader: the answer and every error (kind,
/// path, message) must be what the `Value`-fed reader gives, for hostile
/// inputs and for numbers at the edges of f64, through both of `wire`'s
/// readers.
#[test]
fn label_source_reads_as_from_value_did() {
    let entries = entries();
    let entry = entries.iter().find(|e| e.name == "label-outcome").unwrap();
    let mut inputs: Vec<String> = Vec::new();
    for nok in [
        "0.1",
        "0.30000000000000004",
        "1e-7",
        "5e-324",
        "1.7976931348623157e308",
        "9007199254740993",
        "18446744073709551615",
        "-0",
        "-0.0",
        "1e2",
        "1E+2",
        "12345.678901234567",
        "1e400",
    ] {
        for seed in &entry.seeds {
            let mut v = seed.clone();
            v["wages"][0]["nok"] = json!("__NOK__");
            inputs.push(v.to_string().replace(r#""__NOK__""#, nok));
        }
    }
    let mut g = Gen::new(21);
    for i in 0..10_000 {
        inputs.push(g.mutate(&entry.seeds[i % entry.seeds.len()]));
    }
    let shown = |r: &Result<veivalg::api::LabelSource>| match r {
        Ok(v) => format!("ok {v:?}"),
        Err(e) => format!("{} at `{}`: {}", e.kind.as_str(), e.path, e.message),
    };
    let (mut accepted, mut failures) = (0, Vec::new());
    for input in &inputs {
        let want = shown(&wire::parse::<LabelSourceFromValue>(input).map(|s| s.0));
        accepted += usize::from(want.starts_with("ok "));
        for got in [
            wire::parse::<veivalg::api::LabelSource>(input),
            wire::parse_many::<veivalg::api::LabelSource>(input),
        ] {
            let got = shown(&got);
            if got != want {
                failures.push(format!(
                    "{input:.300}\n  got  {got:.300}\n  want {want:.300}"
                ));
            }
        }
    }
    println!(
        "hostile label sources read as from_value did: {} inputs, {accepted} accepted",
        inputs.len()
    );
    assert!(accepted > 30, "only {accepted} inputs were accepted");
    failures.truncate(10);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn seeds_are_valid() {
    for e in entries() {
        for s in &e.seeds {
            let r = (e.run)(&s.to_string());
            if !["decide", "label-outcome", "label-outcome-options"].contains(&e.name) {
                assert!(r.is_ok(), "{}: seed {s} fails: {:?}", e.name, r.err());
            }
        }
    }
}

/// Every object node of `v` with its JSON path (`""` for `v` itself), in
/// document order.
fn objects(v: &Value, path: &str, out: &mut Vec<String>) {
    let child = |key: &str| {
        if path.is_empty() || key.starts_with('[') {
            format!("{path}{key}")
        } else {
            format!("{path}.{key}")
        }
    };
    match v {
        Value::Object(m) => {
            out.push(path.to_string());
            for (k, x) in m {
                objects(x, &child(k), out);
            }
        }
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                objects(x, &child(&format!("[{i}]")), out);
            }
        }
        _ => {}
    }
}

/// `v` with the object at `path` replaced by the array of its values, in
/// order: what serde's derived struct readers would take field by field.
fn object_as_array(v: &Value, path: &str, at: &str) -> Value {
    match v {
        Value::Object(m) if at == path => Value::Array(m.values().cloned().collect()),
        Value::Object(m) => Value::Object(
            m.iter()
                .map(|(k, x)| {
                    let p = if at.is_empty() {
                        k.clone()
                    } else {
                        format!("{at}.{k}")
                    };
                    (k.clone(), object_as_array(x, path, &p))
                })
                .collect(),
        ),
        Value::Array(a) => Value::Array(
            a.iter()
                .enumerate()
                .map(|(i, x)| object_as_array(x, path, &format!("{at}[{i}]")))
                .collect(),
        ),
        other => other.clone(),
    }
}

/// The prefix an entry point puts before the paths of its input.
fn prefix(entry: &str) -> &'static str {
    match entry {
        "fit" => "spec",
        "evaluate" | "threshold" => "options",
        e if e.ends_with("-options") && e != "synthetic-options" => "options",
        _ => "",
    }
}

/// The first record a JSON Lines load of `text` rejected, as an error (or
/// the load's own result when it rejected none).
fn first_rejection(text: &str) -> Result<String> {
    let mut loader = file::CohortLoader::new(&LoaderOptions::new(FileFormat::Jsonl))?;
    loader.push(text.as_bytes())?;
    // The last line is read at the end of the file (it may lack a newline).
    let mut first: Option<Error> = None;
    let loaded = loader.finish_with(&mut |r| {
        first.get_or_insert_with(|| r.error());
    });
    match first {
        Some(e) => Err(e),
        None => loaded.and_then(|c| CohortSession::new(c).summary_json()),
    }
}

/// Issue 9: an array of a struct's fields where the struct belongs (serde's
/// derive reads one field by field, `visit_seq`) is `INVALID_TYPE` naming
/// that object, for every object of every valid input at every entry point:
/// the person, its answers, wages and employment, options, policies,
/// models (and their maps of levels), rulesets, G entries, fit specs,
/// cohort records and synthetic options.
#[test]
fn arrays_of_fields_are_refused_where_objects_belong() {
    let mut n = 0;
    let mut failures = Vec::new();
    for e in entries() {
        for s in &e.seeds {
            let mut paths = Vec::new();
            objects(s, "", &mut paths);
            // A model's `fit` is its fitting report, kept as free JSON
            // (`Option<Value>`), not read into a struct.
            for path in paths
                .into_iter()
                .filter(|p| !p.split(['.', '[']).any(|segment| segment == "fit"))
            {
                let input = object_as_array(s, &path, "").to_string();
                n += 1;
                let want = join_path(prefix(e.name), &path);
                // A cohort file skips a bad record and names it among the
                // rejected: that record's error is the one to check.
                let result = if e.name == "cohort-jsonl" {
                    first_rejection(&input)
                } else {
                    (e.run)(&input)
                };
                match result {
                    Err(err) if err.kind.as_str() == "INVALID_TYPE" && err.path == want => {}
                    Err(err) => failures.push(format!(
                        "{} `{path}`: {} at `{}` ({}), wanted INVALID_TYPE at `{want}`",
                        e.name,
                        err.kind.as_str(),
                        err.path,
                        err.message
                    )),
                    Ok(out) => failures.push(format!("{} `{path}`: accepted ({out:.80})", e.name)),
                }
            }
        }
    }
    println!("hostile objects given as arrays: {n} inputs");
    assert!(n > 200, "only {n} objects in the seeds");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
