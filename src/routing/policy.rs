//! Routing policies: dated data (`pkg-config/policies/`) saying who goes to
//! NOE, the national digital unit, and who to a local office; and
//! [`in_force`], which picks the one in force on a day.

use crate::domain::calendar::Date;
use crate::error::{Error, ErrorKind, Num, Result};
use crate::rules::ruletree::AgeBand;
use crate::vocab::vocabulary;
use serde::{Deserialize, Serialize};

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
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(optional_fields = nullable))]
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
    /// MODEL: the model id (`pkg-config/models/<id>.json`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional = nullable))]
    pub model: Option<String>,
    /// MODEL: the probability cut-off in (0, 1). Variant A (target stable
    /// work) sends P ≥ cut-off to NOE; variant B (target without work) sends
    /// P < cut-off to NOE.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional = nullable))]
    pub cutoff: Option<f64>,
    /// MODEL: the share of a cohort to send to NOE, in (0, 1]; on a cohort
    /// it is turned into a cut-off, and shipped policies carry both.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional = nullable))]
    pub share: Option<f64>,
}

impl Policy {
    /// Checks what the reader cannot: the age band, the fields each method
    /// takes, and that the ruleset and model it names exist
    /// (`known_ruleset`, `known_model` answer that; see
    /// [`crate::routing::catalog::Catalog::check_policy`]).
    ///
    /// # Errors
    /// `INVALID_CONFIG` for an empty age band; `NOT_FOUND` (path `ruleset`
    /// or `model`) for an unknown ruleset or model id.
    pub fn check(
        &self,
        known_ruleset: impl Fn(&str) -> Result<()>,
        known_model: impl Fn(&str) -> Result<()>,
    ) -> Result<()> {
        if self.noe_age.min > self.noe_age.max {
            return Err(Error::new(
                ErrorKind::InvalidConfig,
                "noeAge",
                format!("min {} is above max {}", self.noe_age.min, self.noe_age.max),
            ));
        }
        if let Some(id) = &self.ruleset {
            known_ruleset(id).map_err(|e| e.at("ruleset"))?;
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
                known_model(id).map_err(|e| e.at("model"))?;
                if let Some(c) = self.cutoff {
                    if !(c > 0.0 && c < 1.0) {
                        return bad(
                            "cutoff",
                            ErrorKind::OutOfRange,
                            format!(
                                "a probability cut-off must lie strictly between 0 and 1, got {}",
                                Num(c)
                            ),
                        );
                    }
                }
                if let Some(s) = self.share {
                    if !(s > 0.0 && s <= 1.0) {
                        return bad(
                            "share",
                            ErrorKind::OutOfRange,
                            format!("a share of the cohort must lie in (0, 1], got {}", Num(s)),
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
