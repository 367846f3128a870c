//! Counterfactuals: the smallest change of the model inputs that would have
//! flipped the unit under the same policy and cut-off.
//!
//! For each feature, every value of its domain is tried (each level; each
//! whole month 0–36 and "never"); values that no real wage history can
//! produce together with the other inputs are skipped
//! ([`ModelInput::is_consistent`]). The smallest change is the nearest
//! value (in months, or one answer for a categorical feature) that flips
//! the unit; ties go to the value whose probability stays closest to the
//! cut-off. Only when no single change flips the unit are pairs of features
//! searched. Inputs outside the model (age, obstacles, flags) are never
//! proposed.
//!
//! None of the three inputs of the report's model is something a person can
//! act on at registration: the wage inputs describe the past, and the
//! registration reason must describe the person's real situation. Every
//! counterfactual therefore says `actionable: false` and why; it explains
//! the decision, it is not advice.

use crate::model::{with_value, FeatureName, Model, ModelInput, Scorer, Target};
use crate::policy::Unit;
use serde::Serialize;
use serde_json::Value;

/// One changed input.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change {
    /// Feature.
    pub feature: FeatureName,
    /// The person's value.
    pub from: Value,
    /// The value that would flip the unit.
    pub to: Value,
}

/// What kind of input a counterfactual changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Mutability {
    /// Wages already paid: the past cannot be changed.
    PastWages,
    /// A form answer, which must describe the person's real situation.
    SelfReported,
}

/// A change that would flip the unit.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Counterfactual {
    /// One change, or two when no single change flips the unit.
    pub changes: Vec<Change>,
    /// The unit the changed person would get.
    pub unit: Unit,
    /// The changed person's probability.
    pub probability: f64,
    /// Whether the person could bring the change about (never, for the
    /// report's inputs: see the module docs).
    pub actionable: bool,
    /// The kinds of input changed.
    pub kind: Vec<Mutability>,
}

/// Whether a model score routes to NOE: P ≥ cut-off for targets whose
/// events belong in NOE (stable work, not without work); P < cut-off for
/// "without work" (variant B sends the top of P(without) to the local office).
pub fn model_selects_noe(target: Target, probability: f64, cutoff: f64) -> bool {
    if target.noe_holds_events() {
        probability >= cutoff
    } else {
        probability < cutoff
    }
}

fn mutability(name: FeatureName) -> Mutability {
    match name {
        FeatureName::MonthsSinceAbove3G | FeatureName::MonthsAbove3GLast24 => Mutability::PastWages,
        FeatureName::Situation | FeatureName::Education => Mutability::SelfReported,
    }
}

/// Distance of one change: months for counts ("never" counts as 37), one
/// for a different answer.
fn distance(from: &Value, to: &Value) -> f64 {
    let months = |v: &Value| v.as_f64().unwrap_or(37.0);
    match (from, to) {
        (Value::String(a), Value::String(b)) => f64::from(u8::from(a != b)),
        _ => (months(from) - months(to)).abs(),
    }
}

struct Candidate {
    changes: Vec<Change>,
    distance: f64,
    probability: f64,
}

fn best(cands: &mut Vec<Candidate>, c: Candidate, cutoff: f64) {
    let better = |a: &Candidate, b: &Candidate| {
        (a.distance, (a.probability - cutoff).abs()) < (b.distance, (b.probability - cutoff).abs())
    };
    match cands.first() {
        Some(cur) if !better(&c, cur) => {}
        _ => {
            cands.clear();
            cands.push(c);
        }
    }
}

/// Counterfactuals for an input currently routed by the model part to
/// `current` (the caller has checked that no override or age limit fixes
/// the unit regardless of the model).
pub fn counterfactuals(model: &Model, scorer: &Scorer, input: &ModelInput, cutoff: f64) -> Vec<Counterfactual> {
    let noe_now = model_selects_noe(model.target, scorer.probability(input), cutoff);
    let names: Vec<FeatureName> = model.features.iter().map(|f| f.name()).collect();
    let flips = |x: &ModelInput| -> Option<f64> {
        if !x.is_consistent() {
            return None;
        }
        let p = scorer.probability(x);
        (model_selects_noe(model.target, p, cutoff) != noe_now).then_some(p)
    };
    let finish = |c: Candidate| Counterfactual {
        unit: if noe_now { Unit::LocalOffice } else { Unit::Noe },
        probability: c.probability,
        actionable: false,
        kind: c.changes.iter().map(|ch| mutability(ch.feature)).collect(),
        changes: c.changes,
    };

    let mut singles = Vec::new();
    for &name in &names {
        let from = input.value(name);
        let mut found = Vec::new();
        for to in model.candidates(name) {
            if to == from {
                continue;
            }
            let Some(x) = with_value(input, name, &to) else { continue };
            if let Some(p) = flips(&x) {
                let d = distance(&from, &to);
                best(&mut found, Candidate { changes: vec![Change { feature: name, from: from.clone(), to }], distance: d, probability: p }, cutoff);
            }
        }
        singles.extend(found.into_iter().map(finish));
    }
    if !singles.is_empty() {
        return singles;
    }

    let mut pairs = Vec::new();
    for (i, &a) in names.iter().enumerate() {
        for &b in &names[i + 1..] {
            let (from_a, from_b) = (input.value(a), input.value(b));
            let mut found = Vec::new();
            for to_a in model.candidates(a) {
                if to_a == from_a {
                    continue;
                }
                let Some(xa) = with_value(input, a, &to_a) else { continue };
                for to_b in model.candidates(b) {
                    if to_b == from_b {
                        continue;
                    }
                    let Some(x) = with_value(&xa, b, &to_b) else { continue };
                    if let Some(p) = flips(&x) {
                        let d = distance(&from_a, &to_a) + distance(&from_b, &to_b);
                        let changes = vec![
                            Change { feature: a, from: from_a.clone(), to: to_a.clone() },
                            Change { feature: b, from: from_b.clone(), to: to_b },
                        ];
                        best(&mut found, Candidate { changes, distance: d, probability: p }, cutoff);
                    }
                }
            }
            pairs.extend(found.into_iter().map(finish));
        }
    }
    pairs
}
