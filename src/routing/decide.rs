//! Applying a policy to a person: [`decide`] and the [`Decision`] it
//! returns (group, unit, reasons, rule trace, and for MODEL policies the
//! probability, contributions and counterfactuals).

use crate::domain::calendar::Date;
use crate::domain::grunnbelop::GAssumption;
use crate::domain::person::Person;
use crate::domain::wages;
use crate::error::{Error, ErrorKind, Result};
use crate::model::{Contribution, ModelInput, Target, Waterfall};
use crate::routing::catalog::Catalog;
use crate::routing::counterfactual::{self, Counterfactual};
use crate::routing::noe_rule::{model_selects_noe, Unit};
use crate::routing::policy::{Method, Override, Policy};
use crate::rules::ruletree::{self, Group, Reason, ReasonCode, Ruleset, TraceStep};
use serde::Serialize;
use serde_json::{json, Map, Value};

/// The policy as named in a decision.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct PolicyRef {
    /// Policy id.
    pub id: String,
    /// First day in force.
    pub valid_from: Date,
}

/// What every routing call returns (design §3). Fields that do not apply to
/// the method are absent.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(optional_fields))]
pub struct Decision {
    /// The person's id, when given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// How the person was sorted.
    pub method: Method,
    /// Ruleset used by the rule tree.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ruleset: Option<String>,
    /// Policy applied.
    pub policy: PolicyRef,
    /// Rule-tree group.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub group: Option<Group>,
    /// Where the person goes.
    pub unit: Unit,
    /// Why: the reasons for the group, then for the unit.
    pub reasons: Vec<Reason>,
    /// Every rule-tree check made, in order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(test, ts(as = "Option<_>", optional))]
    pub trace: Vec<TraceStep>,
    /// MODEL: the model used.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub model: Option<ModelRef>,
    /// MODEL: probability of the model's target.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub probability: Option<f64>,
    /// MODEL: the cut-off applied.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cutoff: Option<f64>,
    /// MODEL: per-feature contributions to the logit.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contributions: Option<Vec<Contribution>>,
    /// MODEL: the reference point of the contributions.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub baseline_logit: Option<f64>,
    /// MODEL: the contributions in probability space (order-dependent).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub waterfall: Option<Waterfall>,
    /// MODEL: the smallest input changes that flip the unit (empty when an
    /// override or the age limit fixes the unit whatever the model says).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub counterfactuals: Option<Vec<Counterfactual>>,
    /// MODEL: the model inputs.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(as = "Option<crate::ts::FeatureValues>"))]
    pub features: Option<Map<String, Value>>,
    /// MODEL: the months of the wage inputs that lie after the G table and
    /// were given its latest G (only with `gBeyondTable: "LATEST"`).
    #[serde(rename = "gAssumed", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub g_assumed: Option<GAssumption>,
}

/// The model as named in a decision.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ModelRef {
    /// Model id.
    pub id: String,
    /// Version.
    pub version: String,
    /// What it predicts.
    pub target: Target,
}

/// What the routing limits of a policy look at: the same for a full
/// registration and for a cohort row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RoutingFacts {
    /// Age at registration.
    pub age: u32,
    /// Form question 4.
    pub health_obstacles: crate::domain::form::YesNoUnknown,
    /// Form question 5.
    pub other_obstacles: crate::domain::form::YesNoUnknown,
    /// Single parent.
    pub single_parent: bool,
    /// Reserved against digital communication.
    pub digital_reservation: bool,
    /// Strictly confidential address or shielded person.
    pub sensitive: bool,
}

impl RoutingFacts {
    /// The facts of a registration.
    pub fn of(person: &Person) -> RoutingFacts {
        RoutingFacts {
            age: person.age,
            health_obstacles: person.answers.health_obstacles,
            other_obstacles: person.answers.other_obstacles,
            single_parent: person.single_parent,
            digital_reservation: person.digital_reservation,
            sensitive: person.sensitive,
        }
    }

    /// Whether the override applies (obstacles judged by the ruleset's answers).
    pub fn applies(&self, o: Override, ruleset: &Ruleset) -> bool {
        let obstacle = |answer| ruleset.obstacle_answers.contains(&answer);
        match o {
            Override::HealthObstacles => obstacle(self.health_obstacles),
            Override::OtherObstacles => obstacle(self.other_obstacles),
            Override::DigitalReservation => self.digital_reservation,
            Override::Sensitive => self.sensitive,
            Override::SingleParent => self.single_parent,
        }
    }

    /// Whether the policy's age band or an override sends this person to
    /// the local office whatever the group or the model says.
    pub fn blocked(&self, policy: &Policy, ruleset: &Ruleset) -> bool {
        !policy.noe_age.contains(self.age)
            || policy
                .to_local_office
                .iter()
                .any(|o| self.applies(*o, ruleset))
    }
}

fn override_reason(o: Override, facts: &RoutingFacts) -> Reason {
    match o {
        Override::HealthObstacles => Reason::new(
            ReasonCode::HealthObstacles,
            json!({ "answer": facts.health_obstacles }),
        ),
        Override::OtherObstacles => Reason::new(
            ReasonCode::OtherObstacles,
            json!({ "answer": facts.other_obstacles }),
        ),
        Override::DigitalReservation => Reason::new(ReasonCode::DigitalReservation, json!({})),
        Override::Sensitive => Reason::new(ReasonCode::Sensitive, json!({})),
        Override::SingleParent => Reason::new(ReasonCode::SingleParent, json!({})),
    }
}

/// Applies a policy to a person.
///
/// # Errors
/// `NOT_FOUND` when the policy names an unknown ruleset or no ruleset is in
/// force on the registration day.
///
/// # Example
/// ```
/// use veivalg::{domain::person::Person, routing::{catalog::Catalog, decide::decide, noe_rule::Unit}};
/// let catalog = Catalog::shipped();
/// let p = Person::from_json(r#"{"registeredOn": "2026-05-04", "birthDate": "1964-01-10",
///   "answers": {"situation": "MISTET_JOBBEN", "education": "HOYERE_UTDANNING_1_TIL_4",
///     "educationApproved": "JA", "educationPassed": "JA",
///     "healthObstacles": "NEI", "otherObstacles": "NEI"},
///   "employment": [{"start": "2010-01-01", "end": null}]}"#).unwrap();
/// // Aged 62 under ruleset 2026-04 (quick return 18–66): NOE under the
/// // 2025 policy (NOE 30–66), a local office under the 2018 one (30–59).
/// assert_eq!(decide(&p, catalog.policy("noe-2025-01").unwrap(), &catalog).unwrap().unit, Unit::Noe);
/// assert_eq!(decide(&p, catalog.policy("noe-2018").unwrap(), &catalog).unwrap().unit, Unit::LocalOffice);
/// ```
pub fn decide(person: &Person, policy: &Policy, catalog: &Catalog) -> Result<Decision> {
    let ruleset = match &policy.ruleset {
        Some(id) => catalog.ruleset(id).map_err(|e| e.at("policy.ruleset"))?,
        None => ruletree::in_force(catalog.rulesets(), person.registered_on)?,
    };
    if policy.method == Method::Model {
        return decide_model(person, policy, ruleset, catalog);
    }
    let tree = ruletree::evaluate(person, ruleset);
    let mut reasons = tree.reasons;
    let mut to_local = false;
    if tree.group != Group::AntattGodeMuligheter {
        reasons.push(Reason::new(
            ReasonCode::NotQuickReturn,
            json!({ "group": tree.group }),
        ));
        to_local = true;
    }
    to_local |= routing_limits(person, policy, ruleset, &mut reasons);
    if !to_local {
        reasons.push(Reason::new(
            ReasonCode::RoutedToNoe,
            json!({ "age": person.age, "min": policy.noe_age.min, "max": policy.noe_age.max }),
        ));
    }
    Ok(Decision {
        ruleset: Some(ruleset.id.clone()),
        group: Some(tree.group),
        unit: if to_local {
            Unit::LocalOffice
        } else {
            Unit::Noe
        },
        reasons,
        trace: tree.trace,
        ..Decision::empty(person, policy)
    })
}

impl Decision {
    fn empty(person: &Person, policy: &Policy) -> Decision {
        Decision {
            id: person.id.clone(),
            method: policy.method,
            ruleset: None,
            policy: PolicyRef {
                id: policy.id.clone(),
                valid_from: policy.valid_from,
            },
            group: None,
            unit: Unit::LocalOffice,
            reasons: Vec::new(),
            trace: Vec::new(),
            model: None,
            probability: None,
            cutoff: None,
            contributions: None,
            baseline_logit: None,
            waterfall: None,
            counterfactuals: None,
            features: None,
            g_assumed: None,
        }
    }
}

/// The age limit and the overrides of a policy: pushes their reasons and
/// returns whether any of them sends the person to the local office.
fn routing_limits(
    person: &Person,
    policy: &Policy,
    ruleset: &Ruleset,
    reasons: &mut Vec<Reason>,
) -> bool {
    let facts = RoutingFacts::of(person);
    let mut to_local = false;
    if !policy.noe_age.contains(facts.age) {
        reasons.push(Reason::new(
            ReasonCode::AgeOutsideNoeBand,
            json!({ "age": facts.age, "min": policy.noe_age.min, "max": policy.noe_age.max }),
        ));
        to_local = true;
    }
    for &o in &policy.to_local_office {
        if facts.applies(o, ruleset) {
            to_local = true;
            let r = override_reason(o, &facts);
            if !reasons.iter().any(|x| x.code == r.code) {
                reasons.push(r);
            }
        }
    }
    to_local
}

/// The model inputs of a person.
///
/// # Errors
/// `INSUFFICIENT_DATA` when the G table does not cover the 36 months before
/// the registration month.
pub fn model_input(person: &Person, catalog: &Catalog) -> Result<ModelInput> {
    let w = wages::wage_features(person, catalog.g())?;
    Ok(ModelInput {
        situation: person.answers.situation,
        education: person.answers.education,
        months_since_above_3g: w.months_since_above_3g,
        months_above_3g_last_24: w.months_above_3g_last_24,
    })
}

/// The months of the model inputs (the look-back before the registration
/// month) that were given the G table's latest G.
pub fn model_input_g_assumed(person: &Person, catalog: &Catalog) -> Option<GAssumption> {
    let reg = person.registration_month();
    catalog.g().assumed(
        reg.add_months(-(wages::LOOK_BACK_MONTHS as i32)),
        reg.add_months(-1),
    )
}

fn decide_model(
    person: &Person,
    policy: &Policy,
    ruleset: &Ruleset,
    catalog: &Catalog,
) -> Result<Decision> {
    let id = policy.model.as_deref().unwrap_or_default();
    let (model, scorer) = catalog.scored_model(id).map_err(|e| e.at("policy.model"))?;
    let cutoff = policy.cutoff.ok_or_else(|| {
        Error::new(
            ErrorKind::InvalidConfig,
            "policy.cutoff",
            "this policy gives only a share of the cohort; a single decision needs a probability cut-off: resolve the share on a cohort (veivalg evaluate, Cohort.thresholdForShare) and set `cutoff`",
        )
    })?;
    let input = model_input(person, catalog)?;
    let score = model.score(&input);
    let model_noe = model_selects_noe(model.target, score.probability, cutoff);
    let mut reasons = vec![Reason::new(
        if model_noe {
            ReasonCode::ModelSelectsNoe
        } else {
            ReasonCode::ModelSelectsLocalOffice
        },
        json!({ "probability": score.probability, "cutoff": cutoff, "target": model.target }),
    )];
    let blocked = routing_limits(person, policy, ruleset, &mut reasons);
    let counterfactuals = if blocked {
        Vec::new()
    } else {
        counterfactual::counterfactuals(model, scorer, &input, cutoff)
    };
    let mut features = Map::new();
    for f in &model.features {
        features.insert(f.name().as_str().to_string(), input.value(f.name()));
    }
    Ok(Decision {
        ruleset: Some(ruleset.id.clone()),
        unit: if model_noe && !blocked {
            Unit::Noe
        } else {
            Unit::LocalOffice
        },
        reasons,
        model: Some(ModelRef {
            id: model.id.clone(),
            version: model.version.clone(),
            target: model.target,
        }),
        probability: Some(score.probability),
        cutoff: Some(cutoff),
        contributions: Some(score.contributions),
        baseline_logit: Some(score.baseline_logit),
        waterfall: Some(score.waterfall),
        counterfactuals: Some(counterfactuals),
        features: Some(features),
        g_assumed: model_input_g_assumed(person, catalog),
        ..Decision::empty(person, policy)
    })
}
