//! Counterfactuals: the smallest change of the model inputs that would have
//! flipped the unit under the same policy and cut-off.
//!
//! For each feature, every value of its domain is tried (each level; each
//! whole month of [`FeatureName::months`] and "never" where it can be
//! absent); values that no real wage history can
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

use crate::domain::form::{Education, Situation};
use crate::model::{FeatureName, Model, ModelInput, Scorer, MAX_MONTHS};
use crate::routing::noe_rule::{model_selects_noe, Unit};
use serde::Serialize;
use serde_json::Value;

/// One changed input.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Change {
    /// Feature.
    pub feature: FeatureName,
    /// The person's value.
    #[cfg_attr(test, ts(type = "number | string | null"))]
    pub from: Value,
    /// The value that would flip the unit.
    #[cfg_attr(test, ts(type = "number | string | null"))]
    pub to: Value,
}

/// What kind of input a counterfactual changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub enum Mutability {
    /// Wages already paid: the past cannot be changed.
    PastWages,
    /// A form answer, which must describe the person's real situation.
    SelfReported,
}

/// A change that would flip the unit.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
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

fn mutability(name: FeatureName) -> Mutability {
    if name.is_numeric() {
        Mutability::PastWages
    } else {
        Mutability::SelfReported
    }
}

/// One candidate value of a feature, typed (no JSON on the search path).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cand {
    Situation(Situation),
    Education(Education),
    Months(Option<u32>),
}

impl Cand {
    fn of(input: &ModelInput, name: FeatureName) -> Cand {
        match name {
            FeatureName::Situation => Cand::Situation(input.situation),
            FeatureName::Education => Cand::Education(input.education),
            FeatureName::MonthsSinceAbove3G => Cand::Months(input.months_since_above_3g),
            FeatureName::MonthsAbove3GLast24 => Cand::Months(Some(input.months_above_3g_last_24)),
        }
    }

    fn apply(self, input: &ModelInput, name: FeatureName) -> ModelInput {
        let mut x = *input;
        match (name, self) {
            (_, Cand::Situation(s)) => x.situation = s,
            (_, Cand::Education(e)) => x.education = e,
            (FeatureName::MonthsSinceAbove3G, Cand::Months(m)) => x.months_since_above_3g = m,
            (_, Cand::Months(m)) => x.months_above_3g_last_24 = m.unwrap_or(0),
        }
        x
    }

    /// Months apart ("never" counts as 37, one past the longest
    /// look-back), or one for another answer.
    fn distance(self, other: Cand) -> f64 {
        const NEVER: u32 = MAX_MONTHS + 1;
        match (self, other) {
            (Cand::Months(a), Cand::Months(b)) => {
                f64::from(a.unwrap_or(NEVER).abs_diff(b.unwrap_or(NEVER)))
            }
            (a, b) => f64::from(u8::from(a != b)),
        }
    }

    fn value(self) -> Value {
        match self {
            Cand::Situation(s) => Value::from(s.as_str()),
            Cand::Education(e) => Value::from(e.as_str()),
            Cand::Months(m) => m.map_or(Value::Null, Value::from),
        }
    }

    /// Every value of a feature's domain ([`FeatureName::months`]), in a
    /// fixed order: each level; or each month, then "never" where the
    /// feature can be absent.
    fn each(name: FeatureName, mut f: impl FnMut(Cand)) {
        match (name, name.months()) {
            (FeatureName::Situation, _) => {
                Situation::ALL.iter().for_each(|s| f(Cand::Situation(*s)))
            }
            (FeatureName::Education, _) => {
                Education::ALL.iter().for_each(|e| f(Cand::Education(*e)))
            }
            (_, Some(months)) => {
                months.values().for_each(|m| f(Cand::Months(Some(m))));
                if months.never {
                    f(Cand::Months(None));
                }
            }
            (_, None) => {}
        }
    }
}

/// One changed feature of a candidate: the feature, its value and the new one.
type Step = (FeatureName, Cand, Cand);

/// The best candidate so far: smallest distance, then closest to the cut-off.
/// One or two changes, kept inline (a candidate is made for every value that
/// flips the unit; only the best becomes a [`Counterfactual`]).
struct Best {
    changes: [Option<Step>; 2],
    distance: f64,
    probability: f64,
}

fn keep_best(best: &mut Option<Best>, candidate: Best, cutoff: f64) {
    let key = |b: &Best| (b.distance, (b.probability - cutoff).abs());
    if best.as_ref().is_none_or(|b| key(&candidate) < key(b)) {
        *best = Some(candidate);
    }
}

/// Counterfactuals for an input (the caller has checked that no override
/// or age limit fixes the unit regardless of the model).
pub fn counterfactuals(
    model: &Model,
    scorer: &Scorer,
    input: &ModelInput,
    cutoff: f64,
) -> Vec<Counterfactual> {
    let noe_now = model_selects_noe(model.target, scorer.probability(input), cutoff);
    let names: Vec<FeatureName> = model.features.iter().map(|f| f.name()).collect();
    let flips = |x: &ModelInput| -> Option<f64> {
        if !x.is_consistent() {
            return None;
        }
        let p = scorer.probability(x);
        (model_selects_noe(model.target, p, cutoff) != noe_now).then_some(p)
    };
    let finish = |b: Best| Counterfactual {
        unit: if noe_now {
            Unit::LocalOffice
        } else {
            Unit::Noe
        },
        probability: b.probability,
        actionable: false,
        kind: b
            .changes
            .iter()
            .flatten()
            .map(|(n, _, _)| mutability(*n))
            .collect(),
        changes: b
            .changes
            .into_iter()
            .flatten()
            .map(|(feature, from, to)| Change {
                feature,
                from: from.value(),
                to: to.value(),
            })
            .collect(),
    };

    let mut singles = Vec::new();
    for &name in &names {
        let from = Cand::of(input, name);
        let mut best = None;
        Cand::each(name, |to| {
            if to == from {
                return;
            }
            if let Some(p) = flips(&to.apply(input, name)) {
                keep_best(
                    &mut best,
                    Best {
                        changes: [Some((name, from, to)), None],
                        distance: from.distance(to),
                        probability: p,
                    },
                    cutoff,
                );
            }
        });
        singles.extend(best.map(finish));
    }
    if !singles.is_empty() {
        return singles;
    }

    let mut pairs = Vec::new();
    for (i, &a) in names.iter().enumerate() {
        for &b in &names[i + 1..] {
            let (from_a, from_b) = (Cand::of(input, a), Cand::of(input, b));
            let mut best = None;
            Cand::each(a, |to_a| {
                if to_a == from_a {
                    return;
                }
                let xa = to_a.apply(input, a);
                Cand::each(b, |to_b| {
                    if to_b == from_b {
                        return;
                    }
                    if let Some(p) = flips(&to_b.apply(&xa, b)) {
                        let d = from_a.distance(to_a) + from_b.distance(to_b);
                        keep_best(
                            &mut best,
                            Best {
                                changes: [Some((a, from_a, to_a)), Some((b, from_b, to_b))],
                                distance: d,
                                probability: p,
                            },
                            cutoff,
                        );
                    }
                });
            });
            pairs.extend(best.map(finish));
        }
    }
    pairs
}
