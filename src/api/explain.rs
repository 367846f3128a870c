//! Everything the counsellor panel shows for one person, in one call: the
//! decision under the policy in force (or the one chosen), the decision of
//! every shipped MODEL policy beside it, and the wage history.

use super::options::ExplainOptions;
use super::{catalog_for, choose_policy, history};
use crate::domain::person::Person;
use crate::domain::wages::MonthlyWage;
use crate::error::{ErrorData, Result};
use crate::routing::decide::{self, Decision};
use crate::routing::policy::{Method, Policy};
use serde::Serialize;

/// One routing method's answer for the person: its policy, and the
/// decision or the reason there is none (a model that needs G for months
/// the table does not cover, say).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct MethodResult {
    /// The policy.
    pub policy: Policy,
    /// The decision under it.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub decision: Option<Decision>,
    /// Why there is no decision.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub error: Option<ErrorData>,
}

/// What [`explain`] returns.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Explanation {
    /// The decision under the chosen policy (default: the one in force on
    /// the registration day).
    pub in_force: Decision,
    /// That policy first, then every shipped MODEL policy not already
    /// first, each with its decision or error.
    pub methods: Vec<MethodResult>,
    /// The wage history before registration (`options.months`, default
    /// 24), or `null` when it cannot be made.
    pub wage_history: Option<Vec<MonthlyWage>>,
    /// Why there is no wage history.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub wage_history_error: Option<ErrorData>,
}

/// The decision under the chosen policy, every shipped MODEL policy's
/// decision beside it, and the wage history, for one person: the
/// counsellor panel's one call per render.
///
/// # Example
/// ```
/// use veivalg::api::{explain, ExplainOptions};
/// use veivalg::domain::person::Person;
/// let person = Person::from_json(r#"{"registeredOn": "2025-03-14", "birthDate": "1979-06-02",
///   "answers": {"situation": "MISTET_JOBBEN", "education": "HOYERE_UTDANNING_1_TIL_4",
///     "educationApproved": "JA", "educationPassed": "JA",
///     "healthObstacles": "NEI", "otherObstacles": "NEI"},
///   "employment": [{"start": "2020-01-01", "end": null}],
///   "wages": [{"month": "2025-02", "nok": 52000}]}"#).unwrap();
/// let e = explain(&person, &ExplainOptions::default()).unwrap();
/// let ids: Vec<&str> = e.methods.iter().map(|m| m.policy.id.as_str()).collect();
/// assert_eq!(ids, ["noe-2025-01", "variant-a", "variant-b"]);
/// assert_eq!(e.wage_history.unwrap().len(), 24);
/// ```
///
/// # Errors
/// Those of [`super::decide`] for the chosen policy (the other methods'
/// errors are returned in their [`MethodResult`]).
pub fn explain(person: &Person, options: &ExplainOptions) -> Result<Explanation> {
    let catalog = catalog_for(None, options.grunnbelop.as_deref(), options.g_beyond_table)?;
    let chosen = choose_policy(
        &catalog,
        options.policy.as_ref(),
        options.on.unwrap_or(person.registered_on),
    )?;
    let in_force = decide::decide(person, &chosen, &catalog)?;
    let mut methods = vec![MethodResult {
        policy: chosen.as_ref().clone(),
        decision: Some(in_force.clone()),
        error: None,
    }];
    for policy in catalog.policies() {
        if policy.method != Method::Model || policy.id == chosen.id {
            continue;
        }
        let (decision, error) = match decide::decide(person, policy, &catalog) {
            Ok(d) => (Some(d), None),
            Err(e) => (None, Some((*e).clone())),
        };
        methods.push(MethodResult {
            policy: policy.clone(),
            decision,
            error,
        });
    }
    let (wage_history, wage_history_error) = match history(person, options.months, catalog.g()) {
        Ok(h) => (Some(h), None),
        Err(e) => (None, Some((*e).clone())),
    };
    Ok(Explanation {
        in_force,
        methods,
        wage_history,
        wage_history_error,
    })
}
