//! `make bench`: the performance targets of the model and cohort issues,
//! measured natively with criterion, and a table of the medians against the
//! targets printed at the end (read from criterion's
//! `target/criterion/<group>/<case>/new/estimates.json` of this run).
//!
//! Run with `cargo bench --bench bench` (optimised build; criterion's own
//! arguments work after `--`, e.g. `cargo bench --bench bench -- decide/`).
//! With `VEIVALG_BENCH_PYTHON=path/to/python` (a Python with scikit-learn and
//! statsmodels, which `make bench` sets up under the build folder) it also
//! times the same fit in those libraries on the same rows and prints the
//! ratio.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use criterion::{Criterion, SamplingMode};
use std::hint::black_box;
use std::io::Write;
use std::path::PathBuf;
use std::time::{Duration, SystemTime};
use veivalg::cohort::evaluate::{row_input, Ranking};
use veivalg::cohort::synthetic::{record, SyntheticParams};
use veivalg::cohort::Cohort;
use veivalg::fit::{fit, CellCounts, FitSpec};
use veivalg::model::{FeatureName, Target};
use veivalg::routing::catalog::Catalog;
use veivalg::routing::policy::Policy;

/// The calls into the core's JSON layer (`veivalg::wire`, serde_json) and
/// the JSON-text facade (`veivalg::api::text`), in one place.
mod wire {
    use veivalg::domain::person::Person;
    use veivalg::model::Model;
    use veivalg::routing::decide::Decision;
    use veivalg::routing::policy::Policy;

    pub fn policy(text: &str) -> Policy {
        veivalg::wire::parse(text).unwrap()
    }
    pub fn person_to_json(p: &Person) -> String {
        veivalg::wire::to_string(p)
    }
    pub fn model_to_json(m: &Model) -> String {
        veivalg::wire::to_string(m)
    }
    pub fn policy_to_json(p: &Policy) -> String {
        veivalg::wire::to_string(p)
    }
    pub fn decision_to_json(d: &Decision) -> String {
        veivalg::wire::to_string(d)
    }
    pub fn person_from_json(text: &str) -> Person {
        Person::from_json(text).unwrap()
    }
    /// The JSON-text facade (`veivalg::api::text::decide`).
    pub fn decide_text(person: &str, options: &str) -> String {
        veivalg::api::text::decide(person, options).unwrap()
    }
}

/// The cases, in the order they run: criterion id (`group/case`), the
/// table's name for it, and its target.
const CASES: &[(&str, &str, Option<Duration>)] = &[
    (
        "cohort/synthetic_100k",
        "Cohort::synthetic(seed 1, 100 000 rows)",
        Some(Duration::from_millis(200)),
    ),
    (
        "decide/rule_tree_typed",
        "decide, rule tree with trace (typed person)",
        None,
    ),
    (
        "decide/variant_a_typed",
        "decide, variant A + explanation + counterfactuals (typed)",
        Some(Duration::from_micros(5)),
    ),
    (
        "decide/parse_person",
        "  of which: parse and check a person (1.7 KB of JSON)",
        None,
    ),
    (
        "decide/write_decision",
        "  of which: write a decision as JSON",
        None,
    ),
    (
        "decide/variant_a_text",
        "decide, variant A via the JSON facade (parse + serialize)",
        None,
    ),
    (
        "evaluate/cutoff_change",
        "cut-off change on 100 000 rows (binary search + tables)",
        Some(Duration::from_micros(100)),
    ),
    (
        "evaluate/ranking_100k",
        "ranking: score + sort 100 000 rows (once per model)",
        None,
    ),
    (
        "fit/variant_a_100k",
        "fit variant A on 100 000 rows (count cells + bins + IRLS)",
        None,
    ),
    (
        "fit/variant_a_1m",
        "fit variant A on 1 000 000 rows",
        Some(Duration::from_millis(50)),
    ),
    (
        "cohort/synthetic_1m",
        "Cohort::synthetic(seed 2, 1 000 000 rows)",
        None,
    ),
];

fn variant_a(cohort: &Cohort) -> (veivalg::model::Model, Policy) {
    let session = veivalg::cohort::session::CohortSession::new(cohort.clone());
    let model = session
        .fit_spec(&FitSpec::report_model("variant-a", Target::StableWork))
        .unwrap()
        .model;
    let catalog = Catalog::shipped().with_model(model.clone());
    let mut policy = wire::policy(
        r#"{
        "id": "bench-a", "validFrom": "2025-01-01", "status": "PROPOSAL", "method": "MODEL", "model": "variant-a",
        "share": 0.37, "noeAge": { "min": 30, "max": 59 },
        "toLocalOffice": ["HEALTH_OBSTACLES", "OTHER_OBSTACLES", "SINGLE_PARENT", "DIGITAL_RESERVATION", "SENSITIVE"],
        "source": "benchmark"
    }"#,
    );
    let ranking = Ranking::new(cohort, &model, &policy, &catalog).unwrap();
    policy.cutoff = Some(ranking.threshold_for_share(0.37).unwrap());
    (model, policy)
}

/// Runs every case; returns the 1 000 000 rows and the spec of the fit, for
/// the comparison with scikit-learn and statsmodels after the table.
fn benches(c: &mut Criterion) -> (Cohort, FitSpec) {
    let cohort = Cohort::synthetic(1, 100_000).unwrap();
    {
        let mut g = c.benchmark_group("cohort");
        g.sampling_mode(SamplingMode::Flat).sample_size(10);
        g.bench_function("synthetic_100k", |b| {
            b.iter(|| black_box(Cohort::synthetic(1, 100_000).unwrap()));
        });
        g.finish();
    }

    let (model, policy) = variant_a(&cohort);
    let catalog = Catalog::shipped().with_model(model.clone());
    let params = SyntheticParams::shipped().unwrap();
    let persons: Vec<_> = (0..64).map(|i| record(params, 7, i).person).collect();
    let rule_policy = Catalog::shipped().policy("noe-2018").unwrap().clone();
    let texts: Vec<String> = persons.iter().map(wire::person_to_json).collect();
    let options = format!(
        r#"{{"model":{},"policy":{}}}"#,
        wire::model_to_json(&model),
        wire::policy_to_json(&policy)
    );
    let decisions: Vec<_> = persons
        .iter()
        .map(|p| veivalg::routing::decide::decide(p, &policy, &catalog).unwrap())
        .collect();
    {
        let mut g = c.benchmark_group("decide");
        let mut i = 0;
        g.bench_function("rule_tree_typed", |b| {
            b.iter(|| {
                i = (i + 1) % persons.len();
                black_box(
                    veivalg::routing::decide::decide(&persons[i], &rule_policy, Catalog::shipped())
                        .unwrap(),
                )
            });
        });
        g.bench_function("variant_a_typed", |b| {
            b.iter(|| {
                i = (i + 1) % persons.len();
                black_box(veivalg::routing::decide::decide(&persons[i], &policy, &catalog).unwrap())
            });
        });
        g.bench_function("parse_person", |b| {
            b.iter(|| {
                i = (i + 1) % texts.len();
                black_box(wire::person_from_json(&texts[i]))
            });
        });
        g.bench_function("write_decision", |b| {
            b.iter(|| {
                i = (i + 1) % decisions.len();
                black_box(wire::decision_to_json(&decisions[i]))
            });
        });
        g.bench_function("variant_a_text", |b| {
            b.iter(|| {
                i = (i + 1) % texts.len();
                black_box(wire::decide_text(&texts[i], &options))
            });
        });
        g.finish();
    }

    {
        let ranking = Ranking::new(&cohort, &model, &policy, &catalog).unwrap();
        let mut g = c.benchmark_group("evaluate");
        let mut cut = 0.30;
        g.bench_function("cutoff_change", |b| {
            b.iter(|| {
                cut = if cut > 0.7 { 0.30 } else { cut + 0.001 };
                let k = ranking.count_for_cutoff(black_box(cut));
                black_box(ranking.evaluate_count(&cohort, k, 9000.0, &[]).unwrap())
            });
        });
        g.sample_size(20);
        g.bench_function("ranking_100k", |b| {
            b.iter(|| black_box(Ranking::new(&cohort, &model, &policy, &catalog).unwrap()));
        });
        g.finish();
    }

    let spec = FitSpec::report_model("bench", Target::StableWork);
    let names: Vec<FeatureName> = spec.features.iter().map(|f| f.name).collect();
    let inputs: Vec<_> = cohort.rows.iter().map(row_input).collect();
    let events: Vec<bool> = cohort
        .rows
        .iter()
        .map(|r| Target::StableWork.event(r.outcome))
        .collect();
    let big = Cohort::synthetic(2, 1_000_000).unwrap();
    let big_inputs: Vec<_> = big.rows.iter().map(row_input).collect();
    let big_events: Vec<bool> = big
        .rows
        .iter()
        .map(|r| Target::StableWork.event(r.outcome))
        .collect();
    {
        let mut g = c.benchmark_group("fit");
        g.sample_size(20);
        g.bench_function("variant_a_100k", |b| {
            b.iter(|| {
                let counts =
                    CellCounts::new(&names, inputs.iter().zip(&events).map(|(x, y)| (x, *y)));
                black_box(fit(&counts, &spec, "bench", true).unwrap())
            });
        });
        g.bench_function("variant_a_1m", |b| {
            b.iter(|| {
                let counts = CellCounts::new(
                    &names,
                    big_inputs.iter().zip(&big_events).map(|(x, y)| (x, *y)),
                );
                black_box(fit(&counts, &spec, "bench", true).unwrap())
            });
        });
        g.finish();
    }
    {
        let mut g = c.benchmark_group("cohort");
        g.sampling_mode(SamplingMode::Flat).sample_size(10);
        g.bench_function("synthetic_1m", |b| {
            b.iter(|| black_box(Cohort::synthetic(2, 1_000_000).unwrap()));
        });
        g.finish();
    }
    (big, spec)
}

/// Where criterion writes its results (its own rule: `CRITERION_HOME`,
/// else `$CARGO_TARGET_DIR/criterion`, else `target/criterion`; benchmarks
/// run in the package's folder).
fn criterion_home() -> PathBuf {
    if let Some(home) = std::env::var_os("CRITERION_HOME") {
        return PathBuf::from(home);
    }
    match std::env::var_os("CARGO_TARGET_DIR") {
        Some(dir) => PathBuf::from(dir).join("criterion"),
        None => PathBuf::from("target/criterion"),
    }
}

static STARTED: std::sync::OnceLock<SystemTime> = std::sync::OnceLock::new();

/// The median time per iteration of case `id` (criterion's
/// `new/estimates.json`), if it ran in this process.
fn median(id: &str) -> Option<Duration> {
    let path = criterion_home().join(id).join("new").join("estimates.json");
    let modified = std::fs::metadata(&path).and_then(|m| m.modified()).ok()?;
    if modified < *STARTED.get()? {
        return None; // an earlier run's (filtered out this time)
    }
    let v: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&path).ok()?).ok()?;
    let ns = v.get("median")?.get("point_estimate")?.as_f64()?;
    Some(Duration::from_secs_f64(ns / 1e9))
}

fn fmt(d: Duration) -> String {
    let ns = d.as_nanos() as f64;
    if ns < 1e3 {
        format!("{ns:.0} ns")
    } else if ns < 1e6 {
        format!("{:.2} µs", ns / 1e3)
    } else if ns < 1e9 {
        format!("{:.2} ms", ns / 1e6)
    } else {
        format!("{:.2} s", ns / 1e9)
    }
}

fn print_table() {
    println!(
        "\nveivalg native benchmarks ({} {}, {} logical CPUs; criterion, median per iteration)\n",
        std::env::consts::OS,
        std::env::consts::ARCH,
        std::thread::available_parallelism().map_or(1, |n| n.get())
    );
    println!(
        "| {:<58} | {:>10} | {:>10} | {:<4} |",
        "benchmark", "median", "target", ""
    );
    println!(
        "|{}|{}|{}|{}|",
        "-".repeat(60),
        "-".repeat(12),
        "-".repeat(12),
        "-".repeat(6)
    );
    let mut over = Vec::new();
    for (id, name, target) in CASES {
        let Some(d) = median(id) else {
            println!(
                "| {name:<58} | {:>10} | {:>10} | {:<4} |",
                "not run",
                target.map(fmt).unwrap_or_default(),
                ""
            );
            continue;
        };
        let status = match target {
            Some(t) if d <= *t => "ok",
            Some(_) => {
                over.push(*name);
                "OVER"
            }
            None => "",
        };
        println!(
            "| {name:<58} | {:>10} | {:>10} | {status:<4} |",
            fmt(d),
            target.map(fmt).unwrap_or_default()
        );
    }
    if !over.is_empty() {
        println!("\nOver target: {}", over.join("; "));
    }
}

fn main() {
    STARTED.get_or_init(SystemTime::now);
    let mut c = Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .configure_from_args();
    let (big, spec) = benches(&mut c);
    c.final_summary();
    print_table();
    match (std::env::var("VEIVALG_BENCH_PYTHON"), median("fit/variant_a_1m")) {
        (Ok(py), Some(ours)) => compare_with_python(&py, &big, &spec, ours),
        (Ok(_), None) => println!("\n(fit/variant_a_1m did not run: no comparison with scikit-learn and statsmodels)"),
        (Err(_), _) => println!("\n(set VEIVALG_BENCH_PYTHON to compare the fit with scikit-learn and statsmodels; `make bench` does)"),
    }
}

/// Times scikit-learn's `LogisticRegression(penalty=None)` and statsmodels'
/// `Logit` on the same one-hot design of the same rows (the design veivalg
/// fitted: its kept columns), in the same run, each with one thread (the
/// best of 3) against veivalg's criterion median.
fn compare_with_python(py: &str, cohort: &Cohort, spec: &FitSpec, ours: Duration) {
    let session = veivalg::cohort::session::CohortSession::new(cohort.clone());
    let fitted = session.fit_spec(spec).unwrap();
    let kept: Vec<&veivalg::fit::Coefficient> = fitted
        .report
        .coefficients
        .iter()
        .filter(|c| !c.aliased && c.column != "intercept")
        .collect();
    let dir = std::env::temp_dir().join("veivalg-bench");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("design.bin");
    // Row-major u8 design (no intercept column) + y, read with numpy.fromfile.
    let mut bytes = Vec::with_capacity(cohort.rows.len() * (kept.len() + 1));
    for r in &cohort.rows {
        let x = row_input(r);
        bytes.push(u8::from(spec.target.event(r.outcome)));
        for c in &kept {
            let (feature, level) = c.column.split_once('=').unwrap();
            let f = fitted
                .model
                .features
                .iter()
                .find(|f| f.name().as_str() == feature)
                .unwrap();
            bytes.push(u8::from(f.weight(&x).1 == level));
        }
    }
    std::fs::File::create(&path)
        .unwrap()
        .write_all(&bytes)
        .unwrap();
    let script = format!(
        r#"
import time, json, numpy as np
import warnings; warnings.filterwarnings("ignore")
from sklearn.linear_model import LogisticRegression
import statsmodels.api as sm
d = np.fromfile("{}", dtype=np.uint8).reshape(-1, {}).astype(np.float64)
y, X = d[:, 0], d[:, 1:]
def best(f, n=3):
    ts = []
    for _ in range(n):
        t = time.perf_counter(); f(); ts.append(time.perf_counter() - t)
    return min(ts)
sk = best(lambda: LogisticRegression(penalty=None, solver="newton-cholesky", tol=1e-10, max_iter=100).fit(X, y))
smt = best(lambda: sm.Logit(y, sm.add_constant(X)).fit(method="newton", disp=0, tol=1e-10))
print(json.dumps({{"sklearn": sk, "statsmodels": smt}}))
"#,
        path.display(),
        kept.len() + 1
    );
    // One BLAS/OpenMP thread, as veivalg's fit has one: on a shared 2-core
    // machine numpy's default thread pool was measured 10× slower (23 s
    // against 2.4 s for scikit-learn), which says nothing about the fitter.
    let out = std::process::Command::new(py)
        .args(["-c", &script])
        .env("OPENBLAS_NUM_THREADS", "1")
        .env("OMP_NUM_THREADS", "1")
        .env("MKL_NUM_THREADS", "1")
        .output();
    match out {
        Ok(o) if o.status.success() => {
            let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
            let sk = v["sklearn"].as_f64().unwrap();
            let sm = v["statsmodels"].as_f64().unwrap();
            let ours_s = ours.as_secs_f64();
            println!("\nSame 1 000 000 rows, same design ({} columns + intercept), same machine, same run, one thread each (Python: best of 3):", kept.len());
            println!("| fitter                                                         | time       | ratio to veivalg |");
            println!("|----------------------------------------------------------------|------------|------------------|");
            println!("| veivalg (cells + IRLS; criterion median)                       | {:>10} | 1.0              |", fmt(ours));
            println!("| scikit-learn LogisticRegression(penalty=None, newton-cholesky) | {:>10} | {:<16} |", fmt(Duration::from_secs_f64(sk)), format!("{:.0}×", sk / ours_s));
            println!("| statsmodels Logit (newton)                                     | {:>10} | {:<16} |", fmt(Duration::from_secs_f64(sm)), format!("{:.0}×", sm / ours_s));
        }
        Ok(o) => println!(
            "\nPython comparison failed: {}",
            String::from_utf8_lossy(&o.stderr)
        ),
        Err(e) => println!("\nPython comparison could not start {py}: {e}"),
    }
}
