//! Routing policies: dated data (`pkg-config/policies/`) saying who goes to
//! NOE, the national digital unit, and who to a local office; and
//! [`decide`], which applies one to a person.

use crate::calendar::Date;
use crate::catalog::Catalog;
use crate::error::{Error, ErrorKind, Result};
use crate::person::Person;
use crate::ruletree::{self, AgeBand, Group, Reason, ReasonCode, TraceStep};
use crate::vocab::vocabulary;
use serde::{Deserialize, Serialize};
use serde_json::json;

vocabulary! {
    /// How a policy sorts people.
    pub enum Method {
        /// The 2018 rule tree (report Tabell 2).
        RuleTree = "RULE_TREE",
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
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
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
    #[serde(default)]
    pub ruleset: Option<String>,
    /// Ages (inclusive) that may go to NOE.
    pub noe_age: AgeBand,
    /// Conditions that send a person to the local office whatever else holds.
    pub to_local_office: Vec<Override>,
    /// Where the policy comes from.
    pub source: String,
}

impl Policy {
    /// Checks what serde cannot, against the rulesets of `catalog`.
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
        Ok(())
    }
}

/// The policy as named in a decision.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
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
    pub trace: Vec<TraceStep>,
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

/// Which of the policy's overrides apply to the person, as reasons.
fn overrides(
    person: &Person,
    policy: &Policy,
    obstacle: &dyn Fn(crate::form::YesNoUnknown) -> bool,
) -> Vec<Reason> {
    let a = &person.answers;
    policy
        .to_local_office
        .iter()
        .filter_map(|o| match o {
            Override::HealthObstacles if obstacle(a.health_obstacles) => Some(Reason::new(
                ReasonCode::HealthObstacles,
                json!({ "answer": a.health_obstacles }),
            )),
            Override::OtherObstacles if obstacle(a.other_obstacles) => Some(Reason::new(
                ReasonCode::OtherObstacles,
                json!({ "answer": a.other_obstacles }),
            )),
            Override::DigitalReservation if person.digital_reservation => {
                Some(Reason::new(ReasonCode::DigitalReservation, json!({})))
            }
            Override::Sensitive if person.sensitive => {
                Some(Reason::new(ReasonCode::Sensitive, json!({})))
            }
            Override::SingleParent if person.single_parent => {
                Some(Reason::new(ReasonCode::SingleParent, json!({})))
            }
            _ => None,
        })
        .collect()
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
    let tree = ruletree::evaluate(person, ruleset);
    let mut reasons = tree.reasons;
    let obstacle = |answer| ruleset.obstacle_answers.contains(&answer);
    let mut to_local = false;
    if tree.group != Group::AntattGodeMuligheter {
        reasons.push(Reason::new(
            ReasonCode::NotQuickReturn,
            json!({ "group": tree.group }),
        ));
        to_local = true;
    }
    if !policy.noe_age.contains(person.age) {
        reasons.push(Reason::new(
            ReasonCode::AgeOutsideNoeBand,
            json!({ "age": person.age, "min": policy.noe_age.min, "max": policy.noe_age.max }),
        ));
        to_local = true;
    }
    for r in overrides(person, policy, &obstacle) {
        to_local = true;
        if !reasons.iter().any(|x| x.code == r.code) {
            reasons.push(r);
        }
    }
    if !to_local {
        reasons.push(Reason::new(
            ReasonCode::RoutedToNoe,
            json!({ "age": person.age, "min": policy.noe_age.min, "max": policy.noe_age.max }),
        ));
    }
    Ok(Decision {
        id: person.id.clone(),
        method: policy.method,
        ruleset: Some(ruleset.id.clone()),
        policy: PolicyRef {
            id: policy.id.clone(),
            valid_from: policy.valid_from,
        },
        group: Some(tree.group),
        unit: if to_local {
            Unit::LocalOffice
        } else {
            Unit::Noe
        },
        reasons,
        trace: tree.trace,
    })
}
