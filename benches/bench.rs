//! `make bench`: the performance targets of the model and cohort issues,
//! measured natively and printed as a table. Run with `cargo bench --bench
//! bench` (optimised build). With `VEIVALG_BENCH_PYTHON=path/to/python`
//! (a Python with scikit-learn and statsmodels, which `make bench` sets up
//! under the build folder) it also times the same fit in those libraries on
//! the same rows and prints the ratio.
//!
//! No benchmark framework: each case runs in batches until at least
//! 0.3 s have passed, and the median batch time per iteration is reported.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::hint::black_box;
use std::io::Write;
use std::time::{Duration, Instant};
use veivalg::cohort::evaluate::{row_input, Ranking};
use veivalg::cohort::synthetic::{record, SyntheticParams};
use veivalg::cohort::Cohort;
use veivalg::fit::{fit, CellCounts, FitSpec};
use veivalg::model::{FeatureName, Target};
use veivalg::routing::catalog::Catalog;
use veivalg::routing::policy::Policy;

/// Median time per iteration of `f`.
fn measure(mut f: impl FnMut()) -> Duration {
    // Warm up and size a batch to about 10 ms.
    let start = Instant::now();
    f();
    let once = start.elapsed().max(Duration::from_nanos(1));
    let batch = (Duration::from_millis(10).as_nanos() / once.as_nanos()).clamp(1, 1_000_000) as u32;
    let mut samples = Vec::new();
    let begin = Instant::now();
    while begin.elapsed() < Duration::from_millis(300) || samples.len() < 5 {
        let t = Instant::now();
        for _ in 0..batch {
            f();
        }
        samples.push(t.elapsed() / batch);
    }
    samples.sort();
    samples[samples.len() / 2]
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

struct Table(Vec<(String, Duration, Option<Duration>)>);

impl Table {
    fn row(&mut self, name: &str, d: Duration, target: Option<Duration>) {
        let status = match target {
            Some(t) if d <= t => "ok",
            Some(_) => "OVER",
            None => "",
        };
        println!(
            "| {name:<58} | {:>10} | {:>10} | {status:<4} |",
            fmt(d),
            target.map(fmt).unwrap_or_default()
        );
        self.0.push((name.to_string(), d, target));
    }
}

fn variant_a(cohort: &Cohort) -> (veivalg::model::Model, Policy) {
    let session = veivalg::cohort::session::CohortSession::new(cohort.clone());
    let model = session
        .fit_spec(&FitSpec::report_model("variant-a", Target::StableWork))
        .unwrap()
        .model;
    let catalog = Catalog::shipped().with_model(model.clone());
    let mut policy: Policy = veivalg::wire::parse(
        r#"{
        "id": "bench-a", "validFrom": "2025-01-01", "status": "PROPOSAL", "method": "MODEL", "model": "variant-a",
        "share": 0.37, "noeAge": { "min": 30, "max": 59 },
        "toLocalOffice": ["HEALTH_OBSTACLES", "OTHER_OBSTACLES", "SINGLE_PARENT", "DIGITAL_RESERVATION", "SENSITIVE"],
        "source": "benchmark"
    }"#,
    )
    .unwrap();
    let ranking = Ranking::new(cohort, &model, &policy, &catalog).unwrap();
    policy.cutoff = Some(ranking.threshold_for_share(0.37).unwrap());
    (model, policy)
}

fn main() {
    println!(
        "veivalg native benchmarks ({} {}, {} logical CPUs)",
        std::env::consts::OS,
        std::env::consts::ARCH,
        std::thread::available_parallelism().map_or(1, |n| n.get())
    );
    println!();
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
    let mut t = Table(Vec::new());
    let ms = Duration::from_millis;
    let us = Duration::from_micros;

    t.row(
        "Cohort::synthetic(seed 1, 100 000 rows)",
        measure(|| {
            black_box(Cohort::synthetic(1, 100_000).unwrap());
        }),
        Some(ms(200)),
    );
    let cohort = Cohort::synthetic(1, 100_000).unwrap();

    let (model, policy) = variant_a(&cohort);
    let catalog = Catalog::shipped().with_model(model.clone());
    let params = SyntheticParams::shipped().unwrap();
    let persons: Vec<_> = (0..64).map(|i| record(params, 7, i).person).collect();
    let rule_policy = Catalog::shipped().policy("noe-2018").unwrap().clone();
    let mut i = 0;
    t.row(
        "decide, rule tree with trace (typed person)",
        measure(|| {
            i = (i + 1) % persons.len();
            black_box(
                veivalg::routing::decide::decide(&persons[i], &rule_policy, Catalog::shipped())
                    .unwrap(),
            );
        }),
        None,
    );
    t.row(
        "decide, variant A + explanation + counterfactuals (typed)",
        measure(|| {
            i = (i + 1) % persons.len();
            black_box(veivalg::routing::decide::decide(&persons[i], &policy, &catalog).unwrap());
        }),
        Some(us(5)),
    );
    let texts: Vec<String> = persons.iter().map(veivalg::wire::to_string).collect();
    let options = format!(
        r#"{{"model":{},"policy":{}}}"#,
        veivalg::wire::to_string(&model),
        veivalg::wire::to_string(&policy)
    );
    t.row(
        "  of which: parse and check a person (1.7 KB of JSON)",
        measure(|| {
            i = (i + 1) % texts.len();
            black_box(veivalg::domain::person::Person::from_json(&texts[i]).unwrap());
        }),
        None,
    );
    let decisions: Vec<_> = persons
        .iter()
        .map(|p| veivalg::routing::decide::decide(p, &policy, &catalog).unwrap())
        .collect();
    t.row(
        "  of which: write a decision as JSON",
        measure(|| {
            i = (i + 1) % decisions.len();
            black_box(veivalg::wire::to_string(&decisions[i]));
        }),
        None,
    );
    t.row(
        "decide, variant A via the JSON facade (parse + serialize)",
        measure(|| {
            i = (i + 1) % texts.len();
            black_box(veivalg::api::text::decide(&texts[i], &options).unwrap());
        }),
        None,
    );

    let ranking = Ranking::new(&cohort, &model, &policy, &catalog).unwrap();
    let mut c = 0.30;
    t.row(
        "cut-off change on 100 000 rows (binary search + tables)",
        measure(|| {
            c = if c > 0.7 { 0.30 } else { c + 0.001 };
            let k = ranking.count_for_cutoff(black_box(c));
            black_box(ranking.evaluate_count(&cohort, k, 9000.0, &[]).unwrap());
        }),
        Some(us(100)),
    );
    t.row(
        "ranking: score + sort 100 000 rows (once per model)",
        measure(|| {
            black_box(Ranking::new(&cohort, &model, &policy, &catalog).unwrap());
        }),
        None,
    );

    let spec = FitSpec::report_model("bench", Target::StableWork);
    let names: Vec<FeatureName> = spec.features.iter().map(|f| f.name).collect();
    let inputs: Vec<_> = cohort.rows.iter().map(row_input).collect();
    let events: Vec<bool> = cohort
        .rows
        .iter()
        .map(|r| Target::StableWork.event(r.outcome))
        .collect();
    t.row(
        "fit variant A on 100 000 rows (count cells + bins + IRLS)",
        measure(|| {
            let counts = CellCounts::new(&names, inputs.iter().zip(&events).map(|(x, y)| (x, *y)));
            black_box(fit(&counts, &spec, "bench", true).unwrap());
        }),
        None,
    );
    let big = Cohort::synthetic(2, 1_000_000).unwrap();
    let big_inputs: Vec<_> = big.rows.iter().map(row_input).collect();
    let big_events: Vec<bool> = big
        .rows
        .iter()
        .map(|r| Target::StableWork.event(r.outcome))
        .collect();
    let fit_1m = measure(|| {
        let counts = CellCounts::new(
            &names,
            big_inputs.iter().zip(&big_events).map(|(x, y)| (x, *y)),
        );
        black_box(fit(&counts, &spec, "bench", true).unwrap());
    });
    t.row("fit variant A on 1 000 000 rows", fit_1m, Some(ms(50)));
    t.row(
        "Cohort::synthetic(seed 2, 1 000 000 rows)",
        measure(|| {
            black_box(Cohort::synthetic(2, 1_000_000).unwrap());
        }),
        None,
    );

    if let Ok(py) = std::env::var("VEIVALG_BENCH_PYTHON") {
        compare_with_python(&py, &big, &spec, fit_1m);
    } else {
        println!("\n(set VEIVALG_BENCH_PYTHON to compare the fit with scikit-learn and statsmodels; `make bench` does)");
    }
    let over: Vec<_> =
        t.0.iter()
            .filter(|(_, d, target)| target.is_some_and(|t| *d > t))
            .map(|(n, _, _)| n.clone())
            .collect();
    if !over.is_empty() {
        println!("\nOver target: {}", over.join("; "));
    }
}

/// Times scikit-learn's `LogisticRegression(penalty=None)` and statsmodels'
/// `Logit` on the same one-hot design of the same rows (the design veivalg
/// fitted: its kept columns), in the same run.
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
    let out = std::process::Command::new(py)
        .args(["-c", &script])
        .output();
    match out {
        Ok(o) if o.status.success() => {
            let v: serde_json::Value =
                veivalg::wire::parse(std::str::from_utf8(&o.stdout).unwrap()).unwrap();
            let sk = v
                .get("sklearn")
                .and_then(serde_json::Value::as_f64)
                .unwrap();
            let sm = v
                .get("statsmodels")
                .and_then(serde_json::Value::as_f64)
                .unwrap();
            let ours_s = ours.as_secs_f64();
            println!("\nSame 1 000 000 rows, same design ({} columns + intercept), same machine, same run:", kept.len());
            println!("| fitter                                              | time       | ratio to veivalg |");
            println!("|-----------------------------------------------------|------------|------------------|");
            println!("| veivalg (cells + IRLS)                              | {:>10} | 1.0              |", fmt(ours));
            println!("| scikit-learn LogisticRegression(penalty=None, newton-cholesky) | {:>10} | {:.0}×             |", fmt(Duration::from_secs_f64(sk)), sk / ours_s);
            println!("| statsmodels Logit (newton)                          | {:>10} | {:.0}×             |", fmt(Duration::from_secs_f64(sm)), sm / ours_s);
        }
        Ok(o) => println!(
            "\nPython comparison failed: {}",
            String::from_utf8_lossy(&o.stderr)
        ),
        Err(e) => println!("\nPython comparison could not start {py}: {e}"),
    }
}
