//! Evaluation tables checked by hand on a 10-person cohort.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use serde_json::json;
use veivalg::cohort::evaluate::{difference, evaluate_fixed, Fixed, GroupColumn, Ranking};
use veivalg::cohort::{Cohort, CohortRow, Gender};
use veivalg::domain::form::{Education, Situation, YesNoUnknown};
use veivalg::domain::outcome::Outcome;
use veivalg::model::Model;
use veivalg::routing::catalog::Catalog;
use veivalg::routing::policy::Policy;
use veivalg::rules::ruletree::Group;

/// Row i has situation `Situation::ALL[i]`; outcomes S S I S W I S W I W;
/// rule-tree standard for rows 0, 1, 2, 5; counsellor standard for rows
/// 0, 1, 2, 3, 5, 6; row 9 reports a health obstacle; even rows female.
fn cohort() -> Cohort {
    use Outcome::*;
    let outcomes = [
        StableWork,
        StableWork,
        InAndOut,
        StableWork,
        WithoutWork,
        InAndOut,
        StableWork,
        WithoutWork,
        InAndOut,
        WithoutWork,
    ];
    let rows = (0..10)
        .map(|i| CohortRow {
            registered_on: "2019-02-15".parse().unwrap(),
            age: 40,
            situation: Situation::ALL[i],
            months_since_above_3g: Some(1),
            months_above_3g_last_24: 12,
            education: Education::HoyereUtdanning1Til4,
            health_obstacles: if i == 9 {
                YesNoUnknown::Ja
            } else {
                YesNoUnknown::Nei
            },
            other_obstacles: YesNoUnknown::Nei,
            single_parent: false,
            digital_reservation: false,
            sensitive: false,
            group: if [0, 1, 2, 5].contains(&i) {
                Group::AntattGodeMuligheter
            } else {
                Group::AntattBehovForVeiledning
            },
            outcome: outcomes[i],
            counsellor_standard: Some([0, 1, 2, 3, 5, 6].contains(&i)),
            gender: Some(if i % 2 == 0 {
                Gender::Female
            } else {
                Gender::Male
            }),
            born_abroad: Some(false),
        })
        .collect();
    Cohort {
        rows,
        ruleset: "2018-10".into(),
        synthetic: true,
        source: "hand-made, 10 rows".into(),
        rejected: Default::default(),
    }
}

/// Weights 0, −0.1, …, −0.9 for the ten situations in order: row i has
/// logit −0.1·i. Mean weight −0.45.
fn model(target: &str) -> Model {
    let names = [
        "HAR_SAGT_OPP",
        "DELTIDSJOBB_VIL_MER",
        "ALDRI_HATT_JOBB",
        "VIL_BYTTE_JOBB",
        "JOBB_OVER_2_AAR",
        "ER_PERMITTERT",
        "USIKKER_JOBBSITUASJON",
        "AKKURAT_FULLFORT_UTDANNING",
        "VIL_FORTSETTE_I_JOBB",
    ];
    let levels: serde_json::Map<String, serde_json::Value> = names
        .iter()
        .enumerate()
        .map(|(i, n)| (n.to_string(), json!(-0.1 * (i + 1) as f64)))
        .collect();
    let mean: f64 = (1..10).map(|i| -0.1 * i as f64).sum::<f64>() / 10.0;
    let m = json!({
        "id": "hand", "version": "1", "target": target,
        "trainedOn": { "cohort": "hand", "rows": 10, "synthetic": true },
        "features": [{ "name": "situation", "kind": "categorical", "reference": "MISTET_JOBBEN", "levels": levels, "mean": mean }],
        "intercept": 0.0, "baselineLogit": mean
    });
    Model::from_json(&m.to_string()).unwrap()
}

fn policy() -> Policy {
    veivalg::wire::parse(&json!({
        "id": "hand-policy", "validFrom": "2025-01-01", "status": "PROPOSAL", "method": "MODEL",
        "model": "hand", "share": 0.3, "noeAge": { "min": 30, "max": 59 },
        "toLocalOffice": ["HEALTH_OBSTACLES", "OTHER_OBSTACLES", "SINGLE_PARENT", "DIGITAL_RESERVATION", "SENSITIVE"],
        "source": "test"
    }).to_string())
    .unwrap()
}

fn line(e: &veivalg::cohort::evaluate::Evaluation, outcome: &str) -> (u64, u64, u64) {
    let l = e.table.iter().find(|l| l.outcome == outcome).unwrap();
    (l.total.count, l.selected.count, l.not_selected.count)
}

#[test]
fn variant_a_by_share_and_cutoff() {
    let c = cohort();
    let catalog = Catalog::shipped().with_model(model("STABLE_WORK"));
    let r = Ranking::new(&c, catalog.model("hand").unwrap(), &policy(), &catalog).unwrap();
    // Row 9 has a health obstacle: 9 eligible rows, ordered 0, 1, …, 8.
    assert_eq!(r.eligible(), 9);
    // Share 0.3 of 10 rows → rows 0, 1, 2 → S, S, I.
    let e = r
        .evaluate_share(&c, 0.3, 9000.0, &[GroupColumn::Gender])
        .unwrap();
    assert_eq!(line(&e, "STABLE_WORK"), (4, 2, 2));
    assert_eq!(line(&e, "IN_AND_OUT"), (3, 1, 2));
    assert_eq!(line(&e, "WITHOUT_WORK"), (3, 0, 3));
    assert_eq!(line(&e, "TOTAL"), (10, 3, 7));
    // Accuracy against stable: 2 selected stable + 5 not selected not stable.
    assert!((e.accuracy - 0.7).abs() < 1e-12);
    // 20 % of 9 000 a month.
    assert!((e.table[0].selected.per_month - 1800.0).abs() < 1e-9);
    // The cut-off is the probability of row 2: σ(−0.2).
    let s = 1.0 / (1.0 + (0.2f64).exp());
    assert!((e.cutoff.unwrap() - s).abs() < 1e-15);
    assert!((r.threshold_for_share(0.3).unwrap() - s).abs() < 1e-15);
    // Cut-off 0.45: rows 0 (0.5), 1 (0.475), 2 (0.4502) → 3; 0.46 → 2.
    assert_eq!(r.count_for_cutoff(0.45), 3);
    assert_eq!(r.count_for_cutoff(0.46), 2);
    // Gender: women are rows 0, 2, 4, 6, 8; selected 0 and 2; stable 0 and 6.
    let f = e.groups.iter().find(|g| g.value == "FEMALE").unwrap();
    assert_eq!(f.count, 5);
    assert!((f.selection_rate - 0.4).abs() < 1e-12);
    assert!((f.tpr.unwrap() - 0.5).abs() < 1e-12);
    assert!((f.fpr.unwrap() - 1.0 / 3.0).abs() < 1e-12);
    assert!((f.precision.unwrap() - 0.5).abs() < 1e-12);
    // 100 % cannot go to NOE: one row has an obstacle.
    let err = r.evaluate_share(&c, 1.0, 9000.0, &[]).unwrap_err();
    assert_eq!(
        (err.kind.as_str(), err.path.as_str()),
        ("OUT_OF_RANGE", "share")
    );
    for bad in [0.0, 1.3, f64::NAN] {
        assert_eq!(
            r.evaluate_share(&c, bad, 9000.0, &[]).unwrap_err().path,
            "share"
        );
        assert_eq!(
            r.evaluate_cutoff(&c, bad, 9000.0, &[]).unwrap_err().path,
            "cutoff"
        );
    }
}

#[test]
fn variant_b_sends_the_lowest_risk_to_noe() {
    let c = cohort();
    let catalog = Catalog::shipped().with_model(model("WITHOUT_WORK"));
    let r = Ranking::new(&c, catalog.model("hand").unwrap(), &policy(), &catalog).unwrap();
    // Lowest P(without) first: rows 8, 7, 6 → I, W, S.
    let e = r.evaluate_share(&c, 0.3, 9000.0, &[]).unwrap();
    assert_eq!(line(&e, "STABLE_WORK"), (4, 1, 3));
    assert_eq!(line(&e, "WITHOUT_WORK"), (3, 1, 2));
    // Accuracy against "without": selected not-without (rows 8, 6) = 2, plus
    // not selected and without (rows 4, 9) = 2 → 0.4.
    assert!((e.accuracy - 0.4).abs() < 1e-12);
}

#[test]
fn rule_tree_profile_counsellors_and_difference() {
    let c = cohort();
    let catalog = Catalog::shipped();
    let g = evaluate_fixed(&c, Fixed::RuleTreeGroup, catalog, 9000.0, &[]).unwrap();
    // Standard rows 0, 1, 2, 5 → S, S, I, I; not standard 3, 4, 6, 7, 8, 9 → S, W, S, W, I, W.
    assert_eq!(line(&g, "STABLE_WORK"), (4, 2, 2));
    assert_eq!(line(&g, "IN_AND_OUT"), (3, 2, 1));
    assert!((g.accuracy - 0.6).abs() < 1e-12);
    let k = evaluate_fixed(&c, Fixed::Counsellor, catalog, 9000.0, &[]).unwrap();
    // Standard rows 0, 1, 2, 3, 5, 6 (none without); not standard 4, 7, 8, 9 (three without).
    assert!((k.accuracy - 0.9).abs() < 1e-12);
    let catalog = Catalog::shipped().with_model(model("STABLE_WORK"));
    let r = Ranking::new(&c, catalog.model("hand").unwrap(), &policy(), &catalog).unwrap();
    let a = r.evaluate_share(&c, 0.3, 9000.0, &[]).unwrap();
    let d = difference(&a, &g);
    // Stable 2 vs 2; in and out 1 vs 2 → −0.1 × 9 000 = −900; without 0 vs 0.
    assert_eq!(d.selected_per_month[0], ("STABLE_WORK".to_string(), 0.0));
    assert_eq!(d.selected_per_month[1], ("IN_AND_OUT".to_string(), -900.0));
    assert_eq!(d.selected_per_month[3], ("TOTAL".to_string(), -900.0));
    assert!(
        d.text.starts_with("+0 stable, −900 in and out"),
        "{}",
        d.text
    );
    // A rule-tree policy: standard and no override → rows 0, 1, 2, 5 (row 9 is not standard anyway).
    let p = Catalog::shipped().policy("noe-2018").unwrap();
    let e = evaluate_fixed(&c, Fixed::Policy(p), Catalog::shipped(), 9000.0, &[]).unwrap();
    assert_eq!(line(&e, "TOTAL"), (10, 4, 6));
}

#[test]
fn bad_cohorts_are_errors() {
    let mut c = cohort();
    c.rows[3].counsellor_standard = None;
    let e = evaluate_fixed(&c, Fixed::Counsellor, Catalog::shipped(), 9000.0, &[]).unwrap_err();
    assert_eq!(e.path, "rows[3].counsellorStandard");
    let mut one_class = cohort();
    for r in &mut one_class.rows {
        r.outcome = Outcome::StableWork;
    }
    let catalog = Catalog::shipped().with_model(model("STABLE_WORK"));
    let e = Ranking::new(
        &one_class,
        catalog.model("hand").unwrap(),
        &policy(),
        &catalog,
    )
    .unwrap_err();
    assert_eq!(e.kind.as_str(), "INSUFFICIENT_DATA");
    let empty = Cohort {
        rows: vec![],
        ..cohort()
    };
    assert!(evaluate_fixed(
        &empty,
        Fixed::RuleTreeGroup,
        Catalog::shipped(),
        9000.0,
        &[]
    )
    .is_err());
    assert_eq!(
        evaluate_fixed(
            &cohort(),
            Fixed::RuleTreeGroup,
            Catalog::shipped(),
            f64::NAN,
            &[]
        )
        .unwrap_err()
        .path,
        "monthlyVolume"
    );
}

// --- the workbench's calls on the same hand-made cohort ----------------------

use veivalg::cohort::session::{
    CohortSession, CurveOptions, EvaluateOptions, FairnessOptions, ModelCardOptions,
    PolicyCutoffOptions,
};
use veivalg::wire::IdOr;

fn session() -> CohortSession {
    CohortSession::new(cohort())
}

fn sigma(x: f64) -> f64 {
    1.0 / (1.0 + (-x).exp())
}

fn curve_options(target: &str, steps: u32) -> CurveOptions {
    CurveOptions {
        policy: IdOr::Value(Box::new(policy())),
        model: Some(model(target)),
        steps: Some(steps),
    }
}

#[test]
fn curve_of_variant_a_by_hand() {
    let c = session().curve(&curve_options("STABLE_WORK", 10)).unwrap();
    assert_eq!(c.target, veivalg::model::Target::StableWork);
    // Row 9 is blocked: 9 of 10 eligible; shares 0, 0.1, …, 0.9.
    assert!((c.eligible_share - 0.9).abs() < 1e-12);
    assert_eq!(c.points.len(), 10);
    let counts: Vec<u64> = c.points.iter().map(|p| p.count).collect();
    assert_eq!(counts, (0..10).collect::<Vec<u64>>());
    // Nobody sent: right for the 6 rows not in stable work.
    let p0 = &c.points[0];
    assert_eq!((p0.share, p0.cutoff, p0.stable_work), (0.0, None, 0.0));
    assert!((p0.accuracy - 0.6).abs() < 1e-12);
    // Rows 0, 1, 2 (S, S, I): 2 stable sent + 5 not stable kept = 0.7.
    let p3 = &c.points[3];
    assert!((p3.accuracy - 0.7).abs() < 1e-12);
    assert!((p3.stable_work - 2.0 / 3.0).abs() < 1e-12);
    assert!((p3.in_and_out - 1.0 / 3.0).abs() < 1e-12);
    assert_eq!(p3.without_work, 0.0);
    assert!((p3.cutoff.unwrap() - sigma(-0.2)).abs() < 1e-15);
    // Rows 0–8 (S S I S W I S W I): 4 stable sent + row 9 (W) kept = 0.5.
    let p9 = &c.points[9];
    assert!((p9.accuracy - 0.5).abs() < 1e-12);
    assert!((p9.stable_work - 4.0 / 9.0).abs() < 1e-12);
    assert!((p9.without_work - 2.0 / 9.0).abs() < 1e-12);
    // The rule tree: rows 0, 1, 2, 5 standard (S, S, I, I): 2 stable + the
    // 4 not stable of rows 3, 4, 6–9 (4, 7, 8, 9) = 0.6.
    let t = &c.rule_tree;
    assert_eq!((t.count, t.cutoff), (4, None));
    assert!((t.share - 0.4).abs() < 1e-12);
    assert!((t.accuracy - 0.6).abs() < 1e-12);
    assert!((t.stable_work - 0.5).abs() < 1e-12 && (t.in_and_out - 0.5).abs() < 1e-12);
    assert!((c.rule_tree_own_accuracy - 0.6).abs() < 1e-12);
    // Three steps: 0, 1/3 (k = 3), 2/3 (k = 7), then the eligible end (k = 9).
    let c = session().curve(&curve_options("STABLE_WORK", 3)).unwrap();
    let counts: Vec<u64> = c.points.iter().map(|p| p.count).collect();
    assert_eq!(counts, vec![0, 3, 7, 9]);
}

#[test]
fn curve_of_variant_b_measures_its_own_target() {
    // The same weights as P(without work): the lowest go to NOE first,
    // rows 8, 7, 6, … (row 9 blocked).
    let c = session().curve(&curve_options("WITHOUT_WORK", 10)).unwrap();
    let p3 = &c.points[3];
    // Rows 8, 7, 6 (I, W, S) sent: 2 not without sent + rows 4, 9 without kept = 0.4.
    assert!((p3.accuracy - 0.4).abs() < 1e-12);
    assert!((p3.without_work - 1.0 / 3.0).abs() < 1e-12);
    assert!((p3.cutoff.unwrap() - sigma(-0.6)).abs() < 1e-15);
    // The rule tree against "without work": the 4 standard are all not
    // without + the 3 without (4, 7, 9) not standard = 0.7; against its own
    // target, stable work, 0.6.
    assert!((c.rule_tree.accuracy - 0.7).abs() < 1e-12);
    assert!((c.rule_tree_own_accuracy - 0.6).abs() < 1e-12);
    let e = session()
        .curve(&CurveOptions {
            steps: Some(0),
            ..curve_options("WITHOUT_WORK", 1)
        })
        .unwrap_err();
    assert_eq!(
        (e.kind.as_str(), e.path.as_str()),
        ("OUT_OF_RANGE", "steps")
    );
    let e = session()
        .curve(&CurveOptions {
            policy: IdOr::Id("noe-2018".into()),
            model: None,
            steps: None,
        })
        .unwrap_err();
    assert_eq!(
        (e.kind.as_str(), e.path.as_str()),
        ("INVALID_VALUE", "policy.method")
    );
}

fn fairness_options(min: Option<u64>) -> FairnessOptions {
    FairnessOptions {
        policy: Some(IdOr::Value(Box::new(policy()))),
        model: Some(model("STABLE_WORK")),
        share: Some(0.3),
        group_columns: Some(vec![GroupColumn::Gender, GroupColumn::BornAbroad]),
        min_group_size: min,
        ..FairnessOptions::default()
    }
}

#[test]
fn fairness_by_gender_by_hand() {
    use veivalg::cohort::fairness::FairnessMetric;
    // Share 0.3: rows 0, 1, 2 sent. Women (even rows: S I W S I) have rows
    // 0 and 2 sent, men (odd: S S I W W) row 1.
    let f = session().fairness(&fairness_options(Some(1))).unwrap();
    let gender = &f.columns[0];
    assert_eq!(gender.column, GroupColumn::Gender);
    let (w, m) = (&gender.groups[0], &gender.groups[1]);
    assert_eq!(
        (w.value, w.count, m.value, m.count),
        ("FEMALE", 5, "MALE", 5)
    );
    assert!((w.selection_rate - 0.4).abs() < 1e-12 && (m.selection_rate - 0.2).abs() < 1e-12);
    // Women: row 0 sent ∧ stable, rows 4 and 8 kept ∧ not stable: 3 of 5.
    // Men: row 1 sent ∧ stable, rows 5, 7, 9 kept ∧ not stable: 4 of 5.
    assert!((w.accuracy - 0.6).abs() < 1e-12 && (m.accuracy - 0.8).abs() < 1e-12);
    // TPR: 1 of 2 stable sent in both; FPR: women 1 (row 2) of 3, men 0 of 3.
    assert_eq!((w.tpr, m.tpr), (Some(0.5), Some(0.5)));
    assert!((w.fpr.unwrap() - 1.0 / 3.0).abs() < 1e-12);
    assert_eq!(m.fpr, Some(0.0));
    // Best served: most sent women, most accurate men, TPR a tie (the
    // first, women), lowest FPR men (0: no FPR ratio can be taken).
    let best = &gender.best;
    assert_eq!(best.selection_rate.as_ref().unwrap().value, "FEMALE");
    assert_eq!(best.accuracy.as_ref().unwrap().value, "MALE");
    assert_eq!(best.tpr.as_ref().unwrap().value, "FEMALE");
    assert_eq!(best.fpr.as_ref().unwrap().value, "MALE");
    assert!((w.ratios.accuracy.unwrap() - 0.75).abs() < 1e-12);
    assert!((m.ratios.selection_rate.unwrap() - 0.5).abs() < 1e-12);
    assert_eq!((w.ratios.fpr, m.ratios.fpr), (None, None));
    // 0.75 and 0.5 are below four fifths.
    assert_eq!(w.large_gaps, vec![FairnessMetric::Accuracy]);
    assert_eq!(m.large_gaps, vec![FairnessMetric::SelectionRate]);
    // Born abroad: everyone false, one group, compared with itself.
    let abroad = &f.columns[1];
    assert_eq!(abroad.groups.len(), 1);
    assert_eq!(abroad.groups[0].ratios.selection_rate, Some(1.0));
    // Groups of 5 are below the default 30: listed, not compared.
    let f = session().fairness(&fairness_options(None)).unwrap();
    assert_eq!(f.min_group_size, 30);
    assert!(f.columns[0]
        .groups
        .iter()
        .all(|g| !g.compared && g.large_gaps.is_empty()));
    assert!(f.columns[0].best.accuracy.is_none());
    // A cohort without gender: the column is left out.
    let mut c = cohort();
    for r in &mut c.rows {
        r.gender = None;
    }
    let f = CohortSession::new(c)
        .fairness(&fairness_options(Some(1)))
        .unwrap();
    assert_eq!(f.columns.len(), 1);
    assert_eq!(f.columns[0].column, GroupColumn::BornAbroad);
}

#[test]
fn model_card_by_hand() {
    let card = session()
        .model_card(&ModelCardOptions {
            model: IdOr::Value(Box::new(model("STABLE_WORK"))),
        })
        .unwrap();
    // Stable: rows 0, 1, 3, 6.
    assert_eq!((card.rows, card.events), (10, 4));
    assert!((card.event_rate - 0.4).abs() < 1e-12);
    // P falls with the row: a stable row i beats a non-stable row j when
    // i < j: row 0 beats 6, row 1 beats 6, row 3 beats 5 (4 5 7 8 9), row 6
    // beats 3 (7 8 9): 20 of the 24 pairs.
    assert!((card.auc - 20.0 / 24.0).abs() < 1e-12);
    let stable = [0, 1, 3, 6];
    let brier: f64 = (0..10)
        .map(|i| {
            let y = if stable.contains(&i) { 1.0 } else { 0.0 };
            (sigma(-0.1 * i as f64) - y).powi(2)
        })
        .sum::<f64>()
        / 10.0;
    assert!((card.brier - brier).abs() < 1e-12);
    // σ(0) = 0.5 alone in [0.5, 0.6); rows 1–4 (0.475 … 0.401) in [0.4,
    // 0.5), of which 1 and 3 stable; rows 5–8 (0.378 … 0.310) in [0.3, 0.4),
    // row 6 stable; row 9 (0.289) in [0.2, 0.3).
    let bins: Vec<(f64, u64, f64)> = card
        .calibration
        .iter()
        .map(|b| (libm_round(b.from), b.count, b.observed))
        .collect();
    assert_eq!(
        bins,
        vec![(0.2, 1, 0.0), (0.3, 4, 0.25), (0.4, 4, 0.5), (0.5, 1, 1.0)]
    );
    let e = session()
        .model_card(&ModelCardOptions {
            model: IdOr::Id("nope".into()),
        })
        .unwrap_err();
    assert_eq!((e.kind.as_str(), e.path.as_str()), ("NOT_FOUND", "model"));
}

fn libm_round(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

#[test]
fn a_policy_with_a_chosen_cutoff_goes_back_into_decide_and_evaluate() {
    let mut s = session();
    let base = PolicyCutoffOptions {
        policy: IdOr::Value(Box::new(policy())),
        model: Some(model("STABLE_WORK")),
        share: Some(0.3),
        cutoff: None,
        id: Some("chosen".into()),
    };
    let p = s.policy_with_cutoff(&base).unwrap();
    assert_eq!(p.id, "chosen");
    assert_eq!(p.model.as_deref(), Some("hand"));
    assert_eq!(p.share, Some(0.3));
    // The probability of row 2, the last of the three sent.
    assert!((p.cutoff.unwrap() - sigma(-0.2)).abs() < 1e-15);
    assert!(p.source.contains("hand-made, 10 rows"), "{}", p.source);
    // As a file: read back by the same reader as any policy.
    let text = veivalg::wire::to_string(&p);
    let back: Policy = veivalg::wire::parse(&text).unwrap();
    assert_eq!(back, p);
    // `decide` with it: situation 2 (P = σ(−0.2)) goes to NOE, situation 3
    // (σ(−0.3)) to the local office.
    let person = |situation: Situation| {
        veivalg::domain::person::Person::from_json(
            &json!({
                "registeredOn": "2019-02-15", "birthDate": "1978-09-30",
                "answers": { "situation": situation.as_str(), "education": "GRUNNSKOLE",
                             "healthObstacles": "NEI", "otherObstacles": "NEI" },
                "wages": [{ "month": "2019-01", "nok": 41000 }]
            })
            .to_string(),
        )
        .unwrap()
    };
    let options = veivalg::api::DecideOptions {
        policy: Some(IdOr::Value(Box::new(back.clone()))),
        model: Some(model("STABLE_WORK")),
        ..Default::default()
    };
    let unit = |i: usize| {
        veivalg::api::decide(&person(Situation::ALL[i]), &options)
            .unwrap()
            .unit
    };
    assert_eq!(unit(2), veivalg::routing::noe_rule::Unit::Noe);
    assert_eq!(unit(3), veivalg::routing::noe_rule::Unit::LocalOffice);
    // `evaluate` with it and no share: its share, three rows.
    let e = s
        .evaluate_options(&EvaluateOptions {
            policy: Some(IdOr::Value(Box::new(back))),
            model: Some(model("STABLE_WORK")),
            ..EvaluateOptions::default()
        })
        .unwrap();
    assert_eq!(e.evaluation.selected.count, 3);
    // With a cut-off: that cut-off and no share.
    let p = s
        .policy_with_cutoff(&PolicyCutoffOptions {
            share: None,
            cutoff: Some(0.46),
            ..base.clone()
        })
        .unwrap();
    assert_eq!((p.cutoff, p.share), (Some(0.46), None));
    let e = s
        .evaluate_options(&EvaluateOptions {
            policy: Some(IdOr::Value(Box::new(p))),
            model: Some(model("STABLE_WORK")),
            ..EvaluateOptions::default()
        })
        .unwrap();
    // Rows 0 (0.5) and 1 (0.475) reach 0.46.
    assert_eq!(e.evaluation.selected.count, 2);
    for (share, cutoff, path) in [
        (None, None, "share"),
        (Some(0.3), Some(0.4), "cutoff"),
        (Some(0.95), None, "share"),
        (None, Some(1.0), "cutoff"),
    ] {
        let e = s
            .policy_with_cutoff(&PolicyCutoffOptions {
                share,
                cutoff,
                ..base.clone()
            })
            .unwrap_err();
        assert_eq!(e.path, path, "{e}");
    }
}

#[test]
fn a_cutoff_per_variant_is_two_evaluate_calls() {
    // Variant A at a share and variant B at a probability cut-off on one
    // cohort: each keeps its own ranking, and asking again gives the same.
    let mut s = CohortSession::synthetic(r#"{"seed": 3, "size": 4000}"#).unwrap();
    let a = EvaluateOptions {
        policy: Some(IdOr::Id("variant-a".into())),
        share: Some(0.37),
        ..EvaluateOptions::default()
    };
    let b = EvaluateOptions {
        policy: Some(IdOr::Id("variant-b".into())),
        cutoff: Some(0.3),
        ..EvaluateOptions::default()
    };
    let ea = s.evaluate_options(&a).unwrap();
    let eb = s.evaluate_options(&b).unwrap();
    assert_eq!(ea.evaluation.selected.count, 1480); // 0.37 × 4000
    assert_eq!(eb.evaluation.cutoff, Some(0.3));
    assert_eq!(s.evaluate_options(&a).unwrap(), ea);
    assert_eq!(s.evaluate_options(&b).unwrap(), eb);
    // B's cut-off by hand: the eligible rows with P(without) < 0.3.
    let catalog = Catalog::shipped();
    let policy = catalog.policy("variant-b").unwrap();
    let model = catalog.model("variant-b").unwrap();
    let scorer = veivalg::model::Scorer::new(model);
    let ruleset = catalog.ruleset(&s.cohort().ruleset).unwrap();
    let expected = s
        .cohort()
        .rows
        .iter()
        .filter(|r| {
            let facts = veivalg::routing::decide::RoutingFacts {
                age: u32::from(r.age),
                health_obstacles: r.health_obstacles,
                other_obstacles: r.other_obstacles,
                single_parent: r.single_parent,
                digital_reservation: r.digital_reservation,
                sensitive: r.sensitive,
            };
            !facts.blocked(policy, ruleset)
                && scorer.probability(&veivalg::cohort::evaluate::row_input(r)) < 0.3
        })
        .count() as u64;
    assert_eq!(eb.evaluation.selected.count, expected);
    // A at a cut-off and B at a share work the same way.
    let a2 = EvaluateOptions {
        share: None,
        cutoff: Some(0.4),
        ..a
    };
    let b2 = EvaluateOptions {
        cutoff: None,
        share: Some(0.48),
        ..b
    };
    assert_eq!(
        s.evaluate_options(&a2).unwrap().evaluation.cutoff,
        Some(0.4)
    );
    assert_eq!(
        s.evaluate_options(&b2).unwrap().evaluation.selected.count,
        1920
    );
}
