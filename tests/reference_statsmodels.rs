//! Fitted coefficients against an independent reference: statsmodels'
//! `Logit` on the same design, to 1e-6 relative (standard errors to 1e-5).
//!
//! The test makes a Python virtualenv under the build folder
//! (`target/tmp/pyref`) and installs statsmodels from PyPI the first time;
//! later runs reuse it. Python is only ever a test-time reference.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use veivalg::domain::form::{Education, Situation};
use veivalg::fit::{fit, CellCounts, FeatureSpec, FitSpec, Monotone};
use veivalg::model::{FeatureName, ModelInput, Target};

/// A small portable generator (64-bit LCG, top bits), so the data sets are
/// the same on every machine.
struct Lcg(u64);
impl Lcg {
    fn next(&mut self) -> f64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 11) as f64 / (1u64 << 53) as f64
    }
}

fn python() -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("pyref");
    let py = dir.join("bin/python");
    let ok = |py: &Path| {
        Command::new(py)
            .args(["-c", "import statsmodels"])
            .status()
            .is_ok_and(|s| s.success())
    };
    if !ok(&py) {
        let s = Command::new("python3")
            .args(["-m", "venv"])
            .arg(&dir)
            .status()
            .expect("python3 -m venv");
        assert!(
            s.success(),
            "could not create a virtualenv at {}",
            dir.display()
        );
        let s = Command::new(dir.join("bin/pip"))
            .args([
                "install",
                "--quiet",
                "--disable-pip-version-check",
                "statsmodels==0.14.*",
            ])
            .status()
            .expect("pip");
        assert!(s.success(), "pip install statsmodels failed");
    }
    py
}

const SCRIPT: &str = r#"
import json, sys
import numpy as np
import statsmodels.api as sm
d = np.loadtxt(sys.argv[1], delimiter=",", ndmin=2)
y, X = d[:, 0], d[:, 1:]
r = sm.Logit(y, X).fit(method="newton", maxiter=200, tol=1e-14, disp=0)
print(json.dumps({"params": list(r.params), "bse": list(r.bse), "llf": r.llf}))
"#;

/// Fits with veivalg, writes the kept design columns row by row, fits with
/// statsmodels and compares.
fn compare(name: &str, rows: &[(ModelInput, bool)], spec: &FitSpec) {
    let names: Vec<FeatureName> = spec.features.iter().map(|f| f.name).collect();
    let counts = CellCounts::new(&names, rows.iter().map(|(x, y)| (x, *y)));
    let ours = fit(&counts, spec, name, true).unwrap();
    let coef = &ours.report.coefficients;
    let kept: Vec<&veivalg::fit::Coefficient> = coef.iter().filter(|c| !c.aliased).collect();
    // Design rows: recompute each kept column's indicator from the fitted
    // model's own encoding (bin labels), independently of the fitter.
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"));
    let csv = dir.join(format!("{name}.csv"));
    let mut f = std::io::BufWriter::new(std::fs::File::create(&csv).unwrap());
    for (x, y) in rows {
        let mut line = vec![if *y { "1" } else { "0" }.to_string()];
        for c in &kept {
            let v = if c.column == "intercept" {
                true
            } else {
                let (feature, level) = c.column.split_once('=').unwrap();
                let f = ours
                    .model
                    .features
                    .iter()
                    .find(|f| f.name().as_str() == feature)
                    .unwrap();
                let (_, bin) = f.weight(x);
                bin == level
            };
            line.push(if v { "1" } else { "0" }.to_string());
        }
        writeln!(f, "{}", line.join(",")).unwrap();
    }
    drop(f);
    let script = dir.join("ref_logit.py");
    std::fs::write(&script, SCRIPT).unwrap();
    let out = Command::new(python())
        .arg(&script)
        .arg(&csv)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "statsmodels failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let reference: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let params: Vec<f64> = reference["params"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_f64().unwrap())
        .collect();
    let bse: Vec<f64> = reference["bse"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_f64().unwrap())
        .collect();
    assert_eq!(params.len(), kept.len());
    for ((c, p), s) in kept.iter().zip(&params).zip(&bse) {
        let tol = 1e-6 * p.abs().max(1.0);
        assert!(
            (c.estimate - p).abs() <= tol,
            "{name}: {} ours {} statsmodels {}",
            c.column,
            c.estimate,
            p
        );
        let se = c.std_error.unwrap();
        assert!(
            (se - s).abs() <= 1e-5 * s.abs(),
            "{name}: se of {} ours {} statsmodels {}",
            c.column,
            se,
            s
        );
    }
    let llf = reference["llf"].as_f64().unwrap();
    assert!(
        (ours.report.log_likelihood - llf).abs() <= 1e-8 * llf.abs(),
        "{} vs {}",
        ours.report.log_likelihood,
        llf
    );
}

fn spec(features: Vec<FeatureSpec>, target: Target) -> FitSpec {
    FitSpec {
        id: "ref".into(),
        version: "1".into(),
        target,
        features,
        l2: 0.0,
        min_bin_share: 0.0,
        max_bins: 40,
        monotone: Monotone::None,
        max_iterations: 200,
        description: String::new(),
    }
}

/// Data set 1: the report's three inputs with the recipe's bins, which make
/// one column aliased (veivalg drops it; statsmodels gets the reduced
/// design). Data set 2: situation, education and the count, another target.
#[test]
fn coefficients_match_statsmodels_logit() {
    let mut g = Lcg(20250314);
    let mut rows = Vec::new();
    for _ in 0..20_000 {
        let s = Situation::ALL[(g.next() * 10.0) as usize % 10];
        let since = if g.next() < 0.15 {
            None
        } else {
            Some(1 + (g.next() * 36.0) as u32 % 36)
        };
        let count = match since {
            Some(v) if v <= 24 => 1 + (g.next() * f64::from(25 - v)) as u32 % (25 - v),
            _ => 0,
        };
        let eta = -0.8 + 0.3 * f64::from(s.index() as u8 % 3)
            - 0.04 * f64::from(since.unwrap_or(40))
            + 0.08 * f64::from(count);
        let y = g.next() < 1.0 / (1.0 + (-eta).exp());
        rows.push((
            ModelInput {
                situation: s,
                education: Education::Grunnskole,
                months_since_above_3g: since,
                months_above_3g_last_24: count,
            },
            y,
        ));
    }
    let features = vec![
        FeatureSpec {
            name: FeatureName::Situation,
            edges: None,
        },
        FeatureSpec {
            name: FeatureName::MonthsSinceAbove3G,
            edges: Some(vec![2.0, 3.0, 4.0, 7.0, 13.0, 25.0]),
        },
        FeatureSpec {
            name: FeatureName::MonthsAbove3GLast24,
            edges: Some(vec![1.0, 4.0, 7.0, 13.0, 19.0, 24.0]),
        },
    ];
    compare("recipe-bins", &rows, &spec(features, Target::StableWork));

    let mut rows = Vec::new();
    for _ in 0..15_000 {
        let s = Situation::ALL[(g.next() * 10.0) as usize % 10];
        let e = Education::ALL[(g.next() * 6.0) as usize % 6];
        let count = (g.next() * 25.0) as u32 % 25;
        let eta =
            0.4 - 0.15 * e.index() as f64 + 0.2 * (s.index() % 4) as f64 - 0.06 * f64::from(count);
        let y = g.next() < 1.0 / (1.0 + (-eta).exp());
        rows.push((
            ModelInput {
                situation: s,
                education: e,
                months_since_above_3g: Some(1),
                months_above_3g_last_24: count,
            },
            y,
        ));
    }
    let features = vec![
        FeatureSpec {
            name: FeatureName::Situation,
            edges: None,
        },
        FeatureSpec {
            name: FeatureName::Education,
            edges: None,
        },
        FeatureSpec {
            name: FeatureName::MonthsAbove3GLast24,
            edges: Some(vec![3.0, 8.0, 15.0]),
        },
    ];
    compare("education", &rows, &spec(features, Target::WithoutWork));
}
