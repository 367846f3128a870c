//! `veivalg report`: the report's published figures (Tabell 3, 5 and 8,
//! and the per-month differences of section 4.4) side by side with the same
//! quantities measured on the default **synthetic** cohort, with a pass/fail
//! column against a tolerance of ±2 percentage points (±180 people a month
//! at 9 000 registrants).
//!
//! The outcomes are computed from the generated wages by the label code and
//! the groups by the rule-tree code (ruleset 2018-10, in force for the
//! report's cohorts). Tabell 8 compares the **models** at a volume (the top
//! of each ranking, no overrides), which is what reproduces the report's
//! figures; the shipped **policies**, which also send people with
//! obstacles, single parents, reserved and sensitive persons to the local
//! office, are listed after it.

use crate::cohort::evaluate::{evaluate_fixed, Evaluation, Fixed, DEFAULT_MONTHLY_VOLUME};
use crate::cohort::session::{CohortSession, EvaluateOptions};
use crate::cohort::Cohort;
use crate::error::Result;
use crate::fit::FeatureSpec;
use crate::model::{FeatureName, Target};
use crate::routing::catalog::Catalog;
use crate::rules::ruletree::Group;
use serde::Serialize;
use std::fmt::Write as _;

/// Tolerance in percentage points.
pub const TOLERANCE_PP: f64 = 2.0;

/// One published figure and its measured counterpart.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Line {
    /// Where the figure is published ("Tabell 5").
    pub source: &'static str,
    /// What it measures.
    pub quantity: String,
    /// The report's figure.
    pub published: f64,
    /// Measured on the cohort.
    pub measured: f64,
    /// Allowed difference.
    pub tolerance: f64,
    /// `%` (of all registrants) or `per month`.
    pub unit: &'static str,
    /// `|measured − published| ≤ tolerance`.
    pub pass: bool,
    /// What to know about the comparison.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// The reproduction report.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Report {
    /// The cohort (always synthetic here).
    pub cohort: String,
    /// Says so.
    pub synthetic: bool,
    /// Registrants per month for the per-month lines.
    pub monthly_volume: f64,
    /// Every comparison.
    pub lines: Vec<Line>,
    /// Whether every line passes.
    pub all_pass: bool,
    /// Report 4.1.3: how much each input adds (AUC of variant A's model).
    pub inputs: Vec<InputStrength>,
}

/// The AUC of the stable-work model fitted with a set of inputs.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct InputStrength {
    /// The inputs.
    pub features: Vec<FeatureName>,
    /// AUC on the cohort.
    pub auc: f64,
}

fn pct(e: &Evaluation, outcome: &str, selected: bool) -> f64 {
    let l = e.table.iter().find(|l| l.outcome == outcome);
    100.0
        * l.map_or(0.0, |l| {
            if selected {
                l.selected.share
            } else {
                l.not_selected.share
            }
        })
}

struct Lines(Vec<Line>);

impl Lines {
    fn pp(
        &mut self,
        source: &'static str,
        quantity: &str,
        published: f64,
        measured: f64,
        note: &str,
    ) {
        self.0.push(Line {
            source,
            quantity: quantity.to_string(),
            published,
            measured,
            tolerance: TOLERANCE_PP,
            unit: "%",
            pass: (measured - published).abs() <= TOLERANCE_PP + 1e-9,
            note: note.to_string(),
        });
    }

    fn per_month(&mut self, quantity: &str, published: f64, measured: f64, volume: f64) {
        let tolerance = TOLERANCE_PP / 100.0 * volume;
        self.0.push(Line {
            source: "Section 4.4",
            quantity: quantity.to_string(),
            published,
            measured,
            tolerance,
            unit: "per month",
            pass: (measured - published).abs() <= tolerance + 1e-9,
            note: String::new(),
        });
    }
}

/// Builds the report on `cohort` with the shipped variant policies.
///
/// # Errors
/// Errors of the evaluations (none for the default cohort).
pub fn build(cohort: &Cohort) -> Result<Report> {
    let catalog = Catalog::shipped();
    let v = DEFAULT_MONTHLY_VOLUME;
    let mut l = Lines(Vec::new());
    let mut session = CohortSession::new(cohort.clone());

    let shares = cohort.outcome_shares();
    for (i, (name, published)) in [
        ("stable work", 34.0),
        ("in and out of work", 29.0),
        ("without work", 37.0),
    ]
    .into_iter()
    .enumerate()
    {
        l.pp(
            "Tabell 3",
            &format!("outcome: {name}"),
            published,
            100.0 * shares[i],
            "",
        );
    }

    let tree = evaluate_fixed(cohort, Fixed::RuleTreeGroup, catalog, v, &[])?;
    let k = evaluate_fixed(cohort, Fixed::Counsellor, catalog, v, &[])?;
    l.pp(
        "Tabell 5",
        "rule tree: profiled standard",
        37.0,
        100.0 * tree.selected.share,
        "ruleset 2018-10",
    );
    for (o, name, sel, not) in [
        ("STABLE_WORK", "stable", 18.0, 16.0),
        ("IN_AND_OUT", "in and out", 11.0, 18.0),
        ("WITHOUT_WORK", "without", 8.0, 29.0),
    ] {
        l.pp(
            "Tabell 5",
            &format!("rule tree: standard ∧ {name}"),
            sel,
            pct(&tree, o, true),
            "",
        );
        l.pp(
            "Tabell 5",
            &format!("rule tree: non-standard ∧ {name}"),
            not,
            pct(&tree, o, false),
            "",
        );
    }
    l.pp(
        "Tabell 5",
        "rule tree: accuracy (target stable work)",
        64.0,
        100.0 * tree.accuracy,
        "standard∧stable + non-standard∧not stable",
    );
    l.pp(
        "Tabell 5",
        "counsellors: standard 14a decision",
        61.0,
        100.0 * k.selected.share,
        "simulated counsellor decisions",
    );
    for (o, name, sel, not) in [
        ("STABLE_WORK", "stable", 27.0, 8.0),
        ("IN_AND_OUT", "in and out", 18.0, 11.0),
        ("WITHOUT_WORK", "without", 16.0, 21.0),
    ] {
        l.pp(
            "Tabell 5",
            &format!("counsellors: standard ∧ {name}"),
            sel,
            pct(&k, o, true),
            "",
        );
        l.pp(
            "Tabell 5",
            &format!("counsellors: non-standard ∧ {name}"),
            not,
            pct(&k, o, false),
            "",
        );
    }
    l.pp(
        "Tabell 5",
        "counsellors: accuracy (target not without work)",
        66.0,
        100.0 * k.accuracy,
        "27 + 18 + 21: the report's 66 matches this target, not stable work (which gives 59)",
    );
    let (std, both) = cohort.rows.iter().fold((0u64, 0u64), |(s, b), r| {
        let standard = r.group == Group::AntattGodeMuligheter;
        (
            s + u64::from(standard),
            b + u64::from(standard && r.counsellor_standard == Some(true)),
        )
    });
    l.pp(
        "Section 2",
        "profiled standard who get a standard 14a decision",
        95.0,
        100.0 * both as f64 / std.max(1) as f64,
        "% of those profiled standard",
    );

    // Tabell 8 compares the models at a volume: the top of the ranking, with
    // no overrides (with them, the shipped policies are listed after).
    let eval = |session: &mut CohortSession, id: &str, overrides: bool| -> Result<Evaluation> {
        let mut policy = catalog.policy(id)?.clone();
        if !overrides {
            policy.to_local_office.clear();
        }
        let o = EvaluateOptions {
            policy: Some(crate::wire::IdOr::Value(Box::new(policy))),
            monthly_volume: v,
            group_columns: Some(Vec::new()),
            ..EvaluateOptions::default()
        };
        Ok(session.evaluate_options(&o)?.evaluation)
    };
    let a = eval(&mut session, "variant-a", false)?;
    let b = eval(&mut session, "variant-b", false)?;
    l.pp(
        "Tabell 8",
        "today: share to NOE (profiled standard)",
        37.0,
        100.0 * tree.selected.share,
        "",
    );
    l.pp(
        "Tabell 8",
        "variant A: share to NOE",
        37.0,
        100.0 * a.selected.share,
        "set by the policy's share",
    );
    l.pp(
        "Tabell 8",
        "variant B: share to NOE",
        48.0,
        100.0 * b.selected.share,
        "set by the policy's share",
    );
    l.pp(
        "Tabell 8",
        "today: without work sent to NOE",
        8.0,
        pct(&tree, "WITHOUT_WORK", true),
        "",
    );
    l.pp(
        "Tabell 8",
        "variant A: without work sent to NOE",
        5.7,
        pct(&a, "WITHOUT_WORK", true),
        "implied by the report: fewer than today",
    );
    l.pp(
        "Tabell 8",
        "variant B: without work sent to NOE",
        8.0,
        pct(&b, "WITHOUT_WORK", true),
        "about the same as today",
    );
    l.pp(
        "Tabell 8",
        "variant A: stable work sent to NOE",
        21.4,
        pct(&a, "STABLE_WORK", true),
        "implied split 21.4 / 9.9 / 5.7",
    );
    l.pp(
        "Tabell 8",
        "variant A: in and out sent to NOE",
        9.9,
        pct(&a, "IN_AND_OUT", true),
        "",
    );
    l.pp(
        "Tabell 8",
        "today: accuracy (target stable work)",
        64.0,
        100.0 * tree.accuracy,
        "",
    );
    l.pp(
        "Tabell 8",
        "variant A: accuracy (target stable work)",
        72.0,
        100.0 * a.accuracy,
        "",
    );
    l.pp(
        "Tabell 8",
        "variant B: accuracy (target without work)",
        68.0,
        100.0 * b.accuracy,
        "the report's own split implies 69: local∧without + NOE∧not without ≈ 29 + 40",
    );
    let per_month = |e: &Evaluation, o: &str| {
        e.table
            .iter()
            .find(|x| x.outcome == o)
            .map_or(0.0, |x| x.selected.per_month)
    };
    l.per_month(
        "variant A − today: stable work to NOE",
        310.0,
        per_month(&a, "STABLE_WORK") - per_month(&tree, "STABLE_WORK"),
        v,
    );
    l.per_month(
        "variant A − today: without work to NOE",
        -210.0,
        per_month(&a, "WITHOUT_WORK") - per_month(&tree, "WITHOUT_WORK"),
        v,
    );
    l.per_month(
        "variant B − today: everyone to NOE",
        990.0,
        per_month(&b, "TOTAL") - per_month(&tree, "TOTAL"),
        v,
    );
    // The shipped policies add the report's overrides (section 4.1: obstacles
    // and single parents to the local office; plus digital reservation and
    // sensitive persons as today). NOE is then filled from fewer people.
    let pa = eval(&mut session, "variant-a", true)?;
    let pb = eval(&mut session, "variant-b", true)?;
    let note = "policy with overrides (obstacles, single parents, reserved, sensitive)";
    l.pp(
        "Policy A",
        "variant A policy: stable work sent to NOE",
        21.4,
        pct(&pa, "STABLE_WORK", true),
        note,
    );
    l.pp(
        "Policy A",
        "variant A policy: without work sent to NOE",
        5.7,
        pct(&pa, "WITHOUT_WORK", true),
        note,
    );
    l.pp(
        "Policy A",
        "variant A policy: accuracy (target stable work)",
        72.0,
        100.0 * pa.accuracy,
        note,
    );
    l.pp(
        "Policy B",
        "variant B policy: without work sent to NOE",
        8.0,
        pct(&pb, "WITHOUT_WORK", true),
        note,
    );
    l.pp(
        "Policy B",
        "variant B policy: accuracy (target without work)",
        68.0,
        100.0 * pb.accuracy,
        note,
    );

    // Report 4.1.3: the registration reason is strong, education weak.
    let mut inputs = Vec::new();
    for features in [
        vec![
            FeatureName::Situation,
            FeatureName::MonthsSinceAbove3G,
            FeatureName::MonthsAbove3GLast24,
        ],
        vec![
            FeatureName::MonthsSinceAbove3G,
            FeatureName::MonthsAbove3GLast24,
        ],
        vec![
            FeatureName::Situation,
            FeatureName::MonthsSinceAbove3G,
            FeatureName::MonthsAbove3GLast24,
            FeatureName::Education,
        ],
    ] {
        let mut spec = crate::cohort::defaults::spec("inputs", Target::StableWork);
        spec.features = features
            .iter()
            .map(|&name| FeatureSpec { name, edges: None })
            .collect();
        let m = session.fit_spec(&spec)?.model;
        inputs.push(InputStrength {
            features,
            auc: m.metrics.get("auc").copied().unwrap_or(f64::NAN),
        });
    }
    let all_pass = l.0.iter().all(|x| x.pass);
    Ok(Report {
        cohort: cohort.source.clone(),
        synthetic: cohort.synthetic,
        monthly_volume: v,
        lines: l.0,
        all_pass,
        inputs,
    })
}

fn names(f: &[FeatureName]) -> String {
    f.iter().map(|n| n.as_str()).collect::<Vec<_>>().join(" + ")
}

/// The report as aligned text for a terminal.
pub fn text(r: &Report) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "veivalg report — the NAV report's published figures next to a SYNTHETIC cohort"
    );
    let _ = writeln!(
        s,
        "cohort: {} (synthetic: {}), tolerance ±{TOLERANCE_PP} pp (±{:.0} a month at {:.0})",
        r.cohort,
        r.synthetic,
        TOLERANCE_PP / 100.0 * r.monthly_volume,
        r.monthly_volume
    );
    let _ = writeln!(s);
    let _ = writeln!(
        s,
        "{:<12} {:<58} {:>10} {:>10}",
        "source", "quantity", "published", "measured"
    );
    for x in &r.lines {
        let unit = if x.unit == "%" { " %" } else { "/mo" };
        let _ = writeln!(
            s,
            "{:<12} {:<58} {:>8.1}{unit} {:>8.1}{unit} {:>9}  {}",
            x.source,
            x.quantity,
            x.published,
            x.measured,
            if x.pass { "pass" } else { "FAIL" },
            x.note
        );
    }
    let _ = writeln!(s);
    let _ = writeln!(
        s,
        "Report 4.1.3 (AUC of the stable-work model, fitted on this cohort):"
    );
    for i in &r.inputs {
        let _ = writeln!(s, "  {:<80} {:.3}", names(&i.features), i.auc);
    }
    let _ = writeln!(s);
    let _ = writeln!(
        s,
        "{}",
        if r.all_pass {
            "all lines pass"
        } else {
            "SOME LINES FAIL"
        }
    );
    s
}

/// The report as Markdown (`docs/reproduction.md`).
pub fn markdown(r: &Report) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "# Reproducing the report's tables on a synthetic cohort\n"
    );
    let _ = writeln!(
        s,
        "> **Synthetic data.** Every measured figure below comes from the generated cohort `{}`,",
        r.cohort
    );
    let _ = writeln!(
        s,
        "> not from NAV data. It shows that the generator, the label and rule-tree code, the"
    );
    let _ = writeln!(s, "> fitting procedure and the evaluation reproduce the report's published figures together.\n");
    let _ = writeln!(s, "Generated by `make report` (`veivalg report --markdown`); a test regenerates it and fails if");
    let _ = writeln!(s, "this file differs. Tolerance: ±{TOLERANCE_PP} percentage points, or ±{:.0} people a month at", TOLERANCE_PP / 100.0 * r.monthly_volume);
    let _ = writeln!(s, "{:.0} registrants a month. Outcomes are computed from the generated wages (Tabell 3 rules),", r.monthly_volume);
    let _ = writeln!(
        s,
        "groups by the rule tree (ruleset 2018-10); variants A and B are the shipped models and"
    );
    let _ = writeln!(
        s,
        "policies (`pkg-config/models/`, `pkg-config/policies/`).\n"
    );
    let _ = writeln!(
        s,
        "| source | quantity | published | measured | within ±{TOLERANCE_PP} pp | note |"
    );
    let _ = writeln!(s, "|---|---|---:|---:|:---:|---|");
    for x in &r.lines {
        let unit = if x.unit == "%" { " %" } else { " /month" };
        let _ = writeln!(
            s,
            "| {} | {} | {:.1}{unit} | {:.1}{unit} | {} | {} |",
            x.source,
            x.quantity,
            x.published,
            x.measured,
            if x.pass { "pass" } else { "**FAIL**" },
            x.note
        );
    }
    let _ = writeln!(
        s,
        "\n## The registration reason is strong, education weak (report 4.1.3)\n"
    );
    let _ = writeln!(
        s,
        "AUC of the stable-work model fitted on the same cohort with different inputs:\n"
    );
    let _ = writeln!(s, "| inputs | AUC |");
    let _ = writeln!(s, "|---|---:|");
    for i in &r.inputs {
        let _ = writeln!(s, "| {} | {:.3} |", names(&i.features), i.auc);
    }
    let _ = writeln!(
        s,
        "\nThe coefficients of the shipped models are in [models.md](models.md)."
    );
    let _ = writeln!(
        s,
        "\n**{}**",
        if r.all_pass {
            "Every line passes."
        } else {
            "Some lines fail."
        }
    );
    s
}

/// Model cards for the shipped models (`docs/models.md`): encoding, weights,
/// coefficients with standard errors, metrics, provenance and the policy
/// that uses each model.
pub fn model_cards(catalog: &Catalog) -> String {
    use crate::model::Feature;
    let mut s = String::new();
    let _ = writeln!(s, "# Model cards\n");
    let _ = writeln!(
        s,
        "> **Fitted on synthetic data.** These models were fitted on the generated cohort of"
    );
    let _ = writeln!(
        s,
        "> [synthetic-cohort.md](synthetic-cohort.md), not on NAV data: the report publishes no"
    );
    let _ = writeln!(
        s,
        "> coefficients and no individual data. They demonstrate the procedure and reproduce the"
    );
    let _ = writeln!(
        s,
        "> report's tables on that cohort ([reproduction.md](reproduction.md)). **Refit them on"
    );
    let _ = writeln!(
        s,
        "> real data before any use** (`veivalg fit --cohort real.jsonl --target STABLE_WORK`).\n"
    );
    let _ = writeln!(
        s,
        "Generated by `make report` from `pkg-config/models/` and `pkg-config/policies/`; a test"
    );
    let _ = writeln!(
        s,
        "fails if this file differs. The fitting procedure is documented in `src/fit/` and the"
    );
    let _ = writeln!(s, "file format in [design.md](design.md) §3. Contributions in a decision are `weight − mean`:");
    let _ = writeln!(
        s,
        "how far a person's value moves the log-odds from the training cohort's average.\n"
    );
    for m in catalog.models() {
        let _ = writeln!(s, "## `{}` {} — target `{}`\n", m.id, m.version, m.target);
        if !m.description.is_empty() {
            let _ = writeln!(s, "{}\n", m.description);
        }
        let _ = writeln!(
            s,
            "- Trained on: `{}`, {} rows, synthetic: **{}**",
            m.trained_on.cohort, m.trained_on.rows, m.trained_on.synthetic
        );
        let _ = writeln!(
            s,
            "- Intercept {:.4}; baseline logit {:.4} (P = {:.3})",
            m.intercept,
            m.baseline_logit,
            crate::model::sigmoid(m.baseline_logit)
        );
        let metrics: Vec<String> = m
            .metrics
            .iter()
            .map(|(k, v)| format!("{k} {v:.4}"))
            .collect();
        let _ = writeln!(s, "- Training metrics: {}", metrics.join(", "));
        if let Some(fit) = &m.fit {
            let _ = writeln!(
                s,
                "- Fit: {} Newton iterations, deviance {:.1} (null {:.1}), L2 {}, {} cells",
                fit["iterations"],
                fit["deviance"].as_f64().unwrap_or(f64::NAN),
                fit["nullDeviance"].as_f64().unwrap_or(f64::NAN),
                fit["l2"],
                fit["cells"]
            );
        }
        if m.aliased.is_empty() {
            let _ = writeln!(s, "- Aliased columns: none (the encoding is full rank)");
        } else {
            let a: Vec<String> = m
                .aliased
                .iter()
                .map(|a| format!("`{}={}`", a.feature, a.level))
                .collect();
            let _ = writeln!(s, "- Aliased columns (dropped, weight 0): {}", a.join(", "));
        }
        for p in catalog
            .policies()
            .iter()
            .filter(|p| p.model.as_deref() == Some(m.id.as_str()))
        {
            let o: Vec<&str> = p.to_local_office.iter().map(|o| o.as_str()).collect();
            let _ = writeln!(
                s,
                "- Used by policy `{}` ({}): share {}, cut-off {}, NOE ages {}–{}, to the local office: {}",
                p.id,
                p.status,
                p.share.map_or("—".to_string(), |x| format!("{x}")),
                p.cutoff.map_or("—".to_string(), |x| format!("{x:.4}")),
                p.noe_age.min,
                p.noe_age.max,
                o.join(", ")
            );
        }
        let _ = writeln!(
            s,
            "\n| feature | level or bin | weight | mean over cohort |"
        );
        let _ = writeln!(s, "|---|---|---:|---:|");
        for f in &m.features {
            match f {
                Feature::Categorical {
                    name,
                    reference,
                    levels,
                    mean,
                } => {
                    let _ = writeln!(s, "| {name} | {reference} (reference) | 0 | {mean:.4} |");
                    for (level, w) in levels {
                        let _ = writeln!(s, "| {name} | {level} | {w:.4} | |");
                    }
                }
                Feature::Binned {
                    name,
                    edges,
                    weights,
                    missing,
                    mean,
                } => {
                    for (i, w) in weights.iter().enumerate() {
                        let label = Feature::bin_label(*name, edges, Some(i));
                        let m = if i == 0 {
                            format!("{mean:.4}")
                        } else {
                            String::new()
                        };
                        let _ = writeln!(s, "| {name} | {label} months | {w:.4} | {m} |");
                    }
                    if let Some(w) = missing {
                        let _ = writeln!(s, "| {name} | never above 3G in 36 months | {w:.4} | |");
                    }
                }
            }
        }
        if let Some(coefficients) = m.fit.as_ref().and_then(|f| f["coefficients"].as_array()) {
            let _ = writeln!(s, "\nCoefficients of the fit (treatment coding; reference levels are the most frequent):\n");
            let _ = writeln!(s, "| column | estimate | standard error |");
            let _ = writeln!(s, "|---|---:|---:|");
            for c in coefficients {
                let se = c["stdError"]
                    .as_f64()
                    .map_or("aliased".to_string(), |v| format!("{v:.4}"));
                let _ = writeln!(
                    s,
                    "| {} | {:.4} | {se} |",
                    c["column"].as_str().unwrap_or(""),
                    c["estimate"].as_f64().unwrap_or(f64::NAN)
                );
            }
        }
        let _ = writeln!(s);
    }
    s
}
