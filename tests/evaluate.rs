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
