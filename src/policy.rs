//! Routing policies: dated data (`pkg-config/policies/`) saying who goes to
//! NOE, the national digital unit, and who to a local office; and
//! [`decide`], which applies one to a person.

use crate::calendar::Date;
use crate::catalog::Catalog;
use crate::counterfactual::{self, model_selects_noe, Counterfactual};
use crate::error::{Error, ErrorKind, Result};
use crate::json::{jobj, Fields, FromJson, Loc, Map, Node, Obj, ToJson};
use crate::model::{Contribution, ModelInput, Target, Waterfall};
use crate::person::Person;
use crate::ruletree::{self, AgeBand, Group, Reason, ReasonCode, Ruleset, TraceStep};
use crate::vocab::vocabulary;
use crate::wages;

vocabulary! {
    /// How a policy sorts people.
    pub enum Method {
        /// The 2018 rule tree (report Tabell 2).
        RuleTree = "RULE_TREE",
        /// The proposed probability model (report section 4.1) with a cut-off.
        Model = "MODEL",
    }
}

vocabulary! {
    /// Whether a policy is or was in force, or is a proposal to compare.
    pub enum PolicyStatus {
        /// In force from `validFrom` until the next in-force policy.
        InForce = "IN_FORCE",
        /// A proposal; never chosen by date.
        Proposal = "PROPOSAL",
    }
}

vocabulary! {
    /// Where a person is routed.
    pub enum Unit {
        /// Nasjonal oppfølgingsenhet, the national digital unit.
        Noe = "NOE",
        /// The person's local NAV office.
        LocalOffice = "LOCAL_OFFICE",
    }
}

vocabulary! {
    /// Conditions that always send a person to the local office.
    pub enum Override {
        /// The health answer counts as an obstacle under the ruleset.
        HealthObstacles = "HEALTH_OBSTACLES",
        /// The other-problems answer counts as an obstacle under the ruleset.
        OtherObstacles = "OTHER_OBSTACLES",
        /// Reserved against digital communication.
        DigitalReservation = "DIGITAL_RESERVATION",
        /// Strictly confidential address or shielded person.
        Sensitive = "SENSITIVE",
        /// Single parent.
        SingleParent = "SINGLE_PARENT",
    }
}

/// A routing policy (one file in `pkg-config/policies/`).
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename_all = "camelCase", optional_fields = nullable))]
pub struct Policy {
    /// Identifier, e.g. `noe-2025-01`.
    pub id: String,
    /// First day in force.
    pub valid_from: Date,
    /// In force, or a proposal.
    pub status: PolicyStatus,
    /// How people are sorted.
    pub method: Method,
    /// Ruleset id; `null` = the ruleset in force on the registration day.
    pub ruleset: Option<String>,
    /// Ages (inclusive) that may go to NOE.
    pub noe_age: AgeBand,
    /// Conditions that send a person to the local office whatever else holds.
    pub to_local_office: Vec<Override>,
    /// Where the policy comes from.
    pub source: String,
    /// MODEL: the model id (`pkg-config/models/<id>.json`).
    #[cfg_attr(test, ts(optional = nullable))]
    pub model: Option<String>,
    /// MODEL: the probability cut-off in (0, 1). Variant A (target stable
    /// work) sends P ≥ cut-off to NOE; variant B (target without work) sends
    /// P < cut-off to NOE.
    #[cfg_attr(test, ts(optional = nullable))]
    pub cutoff: Option<f64>,
    /// MODEL: the share of a cohort to send to NOE, in (0, 1]; on a cohort
    /// it is turned into a cut-off, and shipped policies carry both.
    #[cfg_attr(test, ts(optional = nullable))]
    pub share: Option<f64>,
}

impl FromJson for Policy {
    fn read_json(v: &Node<'_>, at: &Loc<'_>) -> Result<Self> {
        let o = Obj::new(
            v,
            at,
            &[
                "id",
                "validFrom",
                "status",
                "method",
                "ruleset",
                "noeAge",
                "toLocalOffice",
                "source",
                "model",
                "cutoff",
                "share",
            ],
        )?;
        Ok(Policy {
            id: o.req("id")?,
            valid_from: o.req("validFrom")?,
            status: o.req("status")?,
            method: o.req("method")?,
            ruleset: o.opt("ruleset")?,
            noe_age: o.req("noeAge")?,
            to_local_office: o.req("toLocalOffice")?,
            source: o.req("source")?,
            model: o.opt("model")?,
            cutoff: o.opt("cutoff")?,
            share: o.opt("share")?,
        })
    }
}

impl ToJson for Policy {
    fn write_json(&self, out: &mut String) {
        let mut o = Fields::new(out);
        o.field("id", &self.id)
            .field("validFrom", &self.valid_from)
            .field("status", &self.status)
            .field("method", &self.method)
            .field("ruleset", &self.ruleset)
            .field("noeAge", &self.noe_age)
            .field("toLocalOffice", &self.to_local_office)
            .field("source", &self.source)
            .some("model", &self.model)
            .some("cutoff", &self.cutoff)
            .some("share", &self.share);
        o.end();
    }
}

impl Policy {
    /// Checks what the reader cannot, against the rulesets of `catalog`.
    ///
    /// # Errors
    /// `INVALID_CONFIG` for an empty age band; `NOT_FOUND` (path `ruleset`)
    /// for an unknown ruleset id.
    pub fn check(&self, catalog: &Catalog) -> Result<()> {
        if self.noe_age.min > self.noe_age.max {
            return Err(Error::new(
                ErrorKind::InvalidConfig,
                "noeAge",
                format!("min {} is above max {}", self.noe_age.min, self.noe_age.max),
            ));
        }
        if let Some(id) = &self.ruleset {
            catalog.ruleset(id).map_err(|e| e.at("ruleset"))?;
        }
        let bad = |path: &str, kind: ErrorKind, msg: String| Err(Error::new(kind, path, msg));
        match self.method {
            Method::RuleTree => {
                for (field, set) in [
                    ("model", self.model.is_some()),
                    ("cutoff", self.cutoff.is_some()),
                    ("share", self.share.is_some()),
                ] {
                    if set {
                        return bad(
                            field,
                            ErrorKind::InvalidConfig,
                            format!("a RULE_TREE policy takes no `{field}`"),
                        );
                    }
                }
            }
            Method::Model => {
                let Some(id) = &self.model else {
                    return bad(
                        "model",
                        ErrorKind::MissingField,
                        "a MODEL policy names its model".into(),
                    );
                };
                catalog.model(id).map_err(|e| e.at("model"))?;
                if let Some(c) = self.cutoff {
                    if !(c > 0.0 && c < 1.0) {
                        return bad(
                            "cutoff",
                            ErrorKind::OutOfRange,
                            format!(
                                "a probability cut-off must lie strictly between 0 and 1, got {}",
                                crate::json::Num(c)
                            ),
                        );
                    }
                }
                if let Some(s) = self.share {
                    if !(s > 0.0 && s <= 1.0) {
                        return bad(
                            "share",
                            ErrorKind::OutOfRange,
                            format!(
                                "a share of the cohort must lie in (0, 1], got {}",
                                crate::json::Num(s)
                            ),
                        );
                    }
                }
                if self.cutoff.is_none() && self.share.is_none() {
                    return bad(
                        "cutoff",
                        ErrorKind::MissingField,
                        "a MODEL policy needs a `cutoff` or a `share`".into(),
                    );
                }
            }
        }
        Ok(())
    }
}

/// The policy as named in a decision.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename_all = "camelCase"))]
pub struct PolicyRef {
    /// Policy id.
    pub id: String,
    /// First day in force.
    pub valid_from: Date,
}

/// What every routing call returns (design §3). Fields that do not apply to
/// the method are absent.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename_all = "camelCase", optional_fields))]
pub struct Decision {
    /// The person's id, when given.
    pub id: Option<String>,
    /// How the person was sorted.
    pub method: Method,
    /// Ruleset used by the rule tree.
    pub ruleset: Option<String>,
    /// Policy applied.
    pub policy: PolicyRef,
    /// Rule-tree group.
    pub group: Option<Group>,
    /// Where the person goes.
    pub unit: Unit,
    /// Why: the reasons for the group, then for the unit.
    pub reasons: Vec<Reason>,
    /// Every rule-tree check made, in order.
    #[cfg_attr(test, ts(as = "Option<_>", optional))]
    pub trace: Vec<TraceStep>,
    /// MODEL: the model used.
    pub model: Option<ModelRef>,
    /// MODEL: probability of the model's target.
    pub probability: Option<f64>,
    /// MODEL: the cut-off applied.
    pub cutoff: Option<f64>,
    /// MODEL: per-feature contributions to the logit.
    pub contributions: Option<Vec<Contribution>>,
    /// MODEL: the reference point of the contributions.
    pub baseline_logit: Option<f64>,
    /// MODEL: the contributions in probability space (order-dependent).
    pub waterfall: Option<Waterfall>,
    /// MODEL: the smallest input changes that flip the unit (empty when an
    /// override or the age limit fixes the unit whatever the model says).
    pub counterfactuals: Option<Vec<Counterfactual>>,
    /// MODEL: the model inputs.
    #[cfg_attr(test, ts(as = "Option<crate::ts::FeatureValues>"))]
    pub features: Option<Map>,
}

impl ToJson for PolicyRef {
    fn write_json(&self, out: &mut String) {
        let mut o = Fields::new(out);
        o.field("id", &self.id).field("validFrom", &self.valid_from);
        o.end();
    }
}

impl ToJson for Decision {
    fn write_json(&self, out: &mut String) {
        let mut o = Fields::new(out);
        o.some("id", &self.id)
            .field("method", &self.method)
            .some("ruleset", &self.ruleset)
            .field("policy", &self.policy)
            .some("group", &self.group)
            .field("unit", &self.unit)
            .field("reasons", &self.reasons)
            .nonempty("trace", &self.trace)
            .some("model", &self.model)
            .some("probability", &self.probability)
            .some("cutoff", &self.cutoff)
            .some("contributions", &self.contributions)
            .some("baselineLogit", &self.baseline_logit)
            .some("waterfall", &self.waterfall)
            .some("counterfactuals", &self.counterfactuals)
            .some("features", &self.features);
        o.end();
    }
}

impl ToJson for ModelRef {
    fn write_json(&self, out: &mut String) {
        let mut o = Fields::new(out);
        o.field("id", &self.id)
            .field("version", &self.version)
            .field("target", &self.target);
        o.end();
    }
}

/// The model as named in a decision.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ModelRef {
    /// Model id.
    pub id: String,
    /// Version.
    pub version: String,
    /// What it predicts.
    pub target: Target,
}

/// The in-force policy on `day` among `policies` (proposals never count).
///
/// # Errors
/// `NOT_FOUND` when no in-force policy starts on or before `day`.
pub fn in_force(policies: &[Policy], day: Date) -> Result<&Policy> {
    policies
        .iter()
        .filter(|p| p.status == PolicyStatus::InForce && p.valid_from <= day)
        .max_by_key(|p| p.valid_from)
        .ok_or_else(|| {
            Error::new(
                ErrorKind::NotFound,
                "policy",
                format!("no routing policy is in force on {day}"),
            )
        })
}

/// What the routing limits of a policy look at: the same for a full
/// registration and for a cohort row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RoutingFacts {
    /// Age at registration.
    pub age: u32,
    /// Form question 4.
    pub health_obstacles: crate::form::YesNoUnknown,
    /// Form question 5.
    pub other_obstacles: crate::form::YesNoUnknown,
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
            jobj! { "answer" => facts.health_obstacles },
        ),
        Override::OtherObstacles => Reason::new(
            ReasonCode::OtherObstacles,
            jobj! { "answer" => facts.other_obstacles },
        ),
        Override::DigitalReservation => Reason::new(ReasonCode::DigitalReservation, jobj! {}),
        Override::Sensitive => Reason::new(ReasonCode::Sensitive, jobj! {}),
        Override::SingleParent => Reason::new(ReasonCode::SingleParent, jobj! {}),
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
/// use veivalg::{person::Person, policy::{decide, Unit}, catalog::Catalog};
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
            jobj! { "group" => tree.group },
        ));
        to_local = true;
    }
    to_local |= routing_limits(person, policy, ruleset, &mut reasons);
    if !to_local {
        reasons.push(Reason::new(
            ReasonCode::RoutedToNoe,
            jobj! { "age" => person.age, "min" => policy.noe_age.min, "max" => policy.noe_age.max },
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
            jobj! { "age" => facts.age, "min" => policy.noe_age.min, "max" => policy.noe_age.max },
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
        jobj! { "probability" => score.probability, "cutoff" => cutoff, "target" => model.target },
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
        ..Decision::empty(person, policy)
    })
}
