//! The shipped proposal models and policies are exactly what the fitting
//! procedure gives on the default synthetic cohort, and the generated docs
//! (docs/reproduction.md, docs/models.md) are up to date. Run `make models`
//! or `make report` to regenerate after a deliberate change.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::sync::OnceLock;
use veivalg::cohort::defaults::{default_cohort, file_text, fit_defaults};
use veivalg::cohort::Cohort;
use veivalg::routing::catalog::Catalog;

fn cohort() -> &'static Cohort {
    static C: OnceLock<Cohort> = OnceLock::new();
    C.get_or_init(|| default_cohort().unwrap())
}

fn read(path: &str) -> String {
    std::fs::read_to_string(format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

#[test]
fn shipped_models_and_policies_are_refitted_exactly() {
    let d = fit_defaults(cohort()).unwrap();
    for m in &d.models {
        assert_eq!(
            file_text(m).unwrap(),
            read(&format!("pkg-config/models/{}.json", m.id)),
            "model {} differs: run `make models`",
            m.id
        );
        assert!(
            m.trained_on.synthetic,
            "the default models say they were fitted on synthetic data"
        );
    }
    for p in &d.policies {
        assert_eq!(
            file_text(p).unwrap(),
            read(&format!("pkg-config/policies/{}.json", p.id)),
            "policy {} differs: run `make models`",
            p.id
        );
    }
    // And they are what the catalog serves.
    assert_eq!(Catalog::shipped().models(), &d.models[..]);
}

#[test]
fn reproduction_report_passes_and_is_up_to_date() {
    let r = veivalg::cohort::report::build(cohort()).unwrap();
    let failing: Vec<_> = r
        .lines
        .iter()
        .filter(|l| !l.pass)
        .map(|l| {
            format!(
                "{}: {} ({} vs {})",
                l.source, l.quantity, l.measured, l.published
            )
        })
        .collect();
    assert!(failing.is_empty(), "{failing:?}");
    assert!(r.synthetic);
    assert_eq!(
        veivalg::cohort::report::markdown(&r),
        read("docs/reproduction.md"),
        "docs/reproduction.md is stale: run `make report`"
    );
    // Report 4.1.3: dropping the registration reason costs more AUC than
    // adding education gains.
    let (full, without_reason, with_education) =
        (r.inputs[0].auc, r.inputs[1].auc, r.inputs[2].auc);
    assert!(full - without_reason > 0.03, "{full} vs {without_reason}");
    assert!(with_education - full < 0.01, "{with_education} vs {full}");
}

#[test]
fn model_cards_are_up_to_date() {
    assert_eq!(
        veivalg::cohort::report::model_cards(Catalog::shipped()),
        read("docs/models.md"),
        "docs/models.md is stale: run `make report`"
    );
}
