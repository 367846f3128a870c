//! Today's profiling algorithm: the rule tree of report Tabell 2, with the
//! details NAV's public code added over time, as dated **rulesets** (data in
//! `pkg-config/rulesets/`).
//!
//! Order of checks: an obstacle (health or other problems) gives
//! [`Group::OppgittHindringer`]; otherwise age in the ruleset's band ∧
//! education ≠ none ∧ passed ∧ approved (or primary school, where the
//! ruleset counts it) ∧ the work-history test gives
//! [`Group::AntattGodeMuligheter`]; otherwise
//! [`Group::AntattBehovForVeiledning`]. The result carries every check made
//! (the trace) and the reasons for the group.

use crate::domain::calendar::Date;
use crate::domain::form::{Approved, Education, Passed, YesNoUnknown};
use crate::domain::person::Person;
use crate::error::{Error, ErrorKind, Result};
use crate::rules::work_history::{self, WorkHistoryResult, WorkHistoryRule};
use crate::vocab::vocabulary;
use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};

vocabulary! {
    /// The three profiling groups (NAV's `ProfilertTil`).
    pub enum Group {
        /// "Assumed quick return to work" (formerly standardinnsats).
        AntattGodeMuligheter = "ANTATT_GODE_MULIGHETER",
        /// "Assumed need for guidance" (formerly situasjonsbestemt innsats).
        AntattBehovForVeiledning = "ANTATT_BEHOV_FOR_VEILEDNING",
        /// "User has reported obstacles".
        OppgittHindringer = "OPPGITT_HINDRINGER",
    }
}

vocabulary! {
    /// The checks of the rule tree, as named in a trace.
    pub enum Rule {
        /// Question 4 counts as an obstacle.
        HealthObstacles = "HEALTH_OBSTACLES",
        /// Question 5 counts as an obstacle.
        OtherObstacles = "OTHER_OBSTACLES",
        /// Age within the ruleset's band for the quick-return group.
        AgeInBand = "AGE_IN_BAND",
        /// Some education (not `INGEN_UTDANNING`).
        HasEducation = "HAS_EDUCATION",
        /// Education passed.
        PassedEducation = "PASSED_EDUCATION",
        /// Education approved in Norway.
        ApprovedEducation = "APPROVED_EDUCATION",
        /// Worked 6 continuous months of the last 12.
        WorkHistory = "WORK_HISTORY",
    }
}

vocabulary! {
    /// Why a person got a group or a unit.
    pub enum ReasonCode {
        /// Answered the health question with an answer that counts as an obstacle.
        HealthObstacles = "HEALTH_OBSTACLES",
        /// Answered the other-problems question with an answer that counts as an obstacle.
        OtherObstacles = "OTHER_OBSTACLES",
        /// Age outside the ruleset's band for the quick-return group.
        AgeOutsideBand = "AGE_OUTSIDE_BAND",
        /// No completed education.
        NoEducation = "NO_EDUCATION",
        /// Education not passed (or not asked).
        EducationNotPassed = "EDUCATION_NOT_PASSED",
        /// Education not approved in Norway (or not asked).
        EducationNotApproved = "EDUCATION_NOT_APPROVED",
        /// Fewer than 6 continuous months of work in the last 12.
        WorkHistoryNotMet = "WORK_HISTORY_NOT_MET",
        /// Every quick-return criterion holds.
        QuickReturnCriteriaMet = "QUICK_RETURN_CRITERIA_MET",
        /// The group is not "assumed quick return", so the person goes to the local office.
        NotQuickReturn = "NOT_QUICK_RETURN",
        /// Age outside the policy's age band for NOE.
        AgeOutsideNoeBand = "AGE_OUTSIDE_NOE_BAND",
        /// Reserved against digital communication.
        DigitalReservation = "DIGITAL_RESERVATION",
        /// Strictly confidential address or shielded person.
        Sensitive = "SENSITIVE",
        /// Single parent (proposal policies).
        SingleParent = "SINGLE_PARENT",
        /// Every condition for NOE holds.
        RoutedToNoe = "ROUTED_TO_NOE",
        /// The model's probability puts the person on the NOE side of the cut-off.
        ModelSelectsNoe = "MODEL_SELECTS_NOE",
        /// The model's probability puts the person on the local-office side of the cut-off.
        ModelSelectsLocalOffice = "MODEL_SELECTS_LOCAL_OFFICE",
    }
}

/// A reason with the data behind it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Reason {
    /// What.
    pub code: ReasonCode,
    /// The values that made it so (an object; may be empty).
    #[cfg_attr(test, ts(as = "crate::ts::JsonObject"))]
    pub detail: Map<String, Value>,
}

impl Reason {
    /// A reason with its detail object (`serde_json::json!({…})`); a value
    /// that is not an object is kept as `{"value": …}`.
    pub fn new(code: ReasonCode, detail: Value) -> Reason {
        Reason {
            code,
            detail: object(detail),
        }
    }
}

/// The map of a `json!({…})` object; any other value is kept as
/// `{"value": …}`.
fn object(v: Value) -> Map<String, Value> {
    match v {
        Value::Object(m) => m,
        other => Map::from_iter([("value".to_string(), other)]),
    }
}

/// One check of the rule tree.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct TraceStep {
    /// Which check.
    pub rule: Rule,
    /// The input it looked at.
    #[cfg_attr(test, ts(as = "crate::ts::Json"))]
    pub input: Value,
    /// Whether the condition holds.
    pub holds: bool,
    /// Extra facts: the band, the test's details, a ruleset quirk.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(as = "Option<crate::ts::JsonObject>", optional))]
    pub detail: Option<Map<String, Value>>,
}

/// An inclusive age band.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct AgeBand {
    /// Youngest age inside.
    pub min: u32,
    /// Oldest age inside.
    pub max: u32,
}

impl AgeBand {
    /// Whether `age` lies inside.
    pub fn contains(self, age: u32) -> bool {
        (self.min..=self.max).contains(&age)
    }
}

/// A dated ruleset: the details of the rule tree that changed over time.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Ruleset {
    /// `2018`, `2018-10`, `2024-03`, `2026-04`.
    pub id: String,
    /// First registration day it applies to.
    pub valid_from: Date,
    /// Where the details come from.
    pub source: String,
    /// Age band for the quick-return group.
    pub quick_return_age: AgeBand,
    /// Whether primary school (not asked 3b/3c) counts as passed and approved.
    pub primary_school_counts_as_passed_and_approved: bool,
    /// Answers to questions 4 and 5 that count as an obstacle.
    pub obstacle_answers: Vec<YesNoUnknown>,
    /// The work-history test.
    pub work_history: WorkHistoryRule,
}

impl Ruleset {
    /// Checks the values that the reader cannot.
    ///
    /// # Errors
    /// `INVALID_CONFIG` naming the field.
    pub fn check(&self) -> Result<()> {
        let bad = |path: &str, msg: String| Err(Error::new(ErrorKind::InvalidConfig, path, msg));
        if self.quick_return_age.min > self.quick_return_age.max {
            return bad(
                "quickReturnAge",
                format!(
                    "min {} is above max {}",
                    self.quick_return_age.min, self.quick_return_age.max
                ),
            );
        }
        if self.obstacle_answers.is_empty() {
            return bad(
                "obstacleAnswers",
                "at least one answer must count as an obstacle".into(),
            );
        }
        if self.obstacle_answers.contains(&YesNoUnknown::Nei) {
            return bad("obstacleAnswers", "NEI cannot count as an obstacle".into());
        }
        let w = &self.work_history;
        if !(1..=36).contains(&w.window_months)
            || w.min_months == 0
            || w.min_months > w.window_months
        {
            return bad(
                "workHistory",
                format!(
                    "need 1 ≤ minMonths ≤ windowMonths ≤ 36, got {} and {}",
                    w.min_months, w.window_months
                ),
            );
        }
        if w.merge_within_days.is_some_and(|d| d > 31) {
            return bad("workHistory.mergeWithinDays", "at most 31 days".into());
        }
        Ok(())
    }
}

/// The result of the rule tree for one person.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct RuleTreeResult {
    /// Ruleset used.
    pub ruleset: String,
    /// The group.
    pub group: Group,
    /// Why.
    pub reasons: Vec<Reason>,
    /// Every check made, in order.
    pub trace: Vec<TraceStep>,
}

/// Runs the rule tree.
///
/// # Example
/// ```
/// use veivalg::{domain::person::Person, rules::ruletree::{self, Group}, routing::catalog::Catalog};
/// let p = Person::from_json(r#"{"registeredOn": "2025-03-14", "age": 45,
///   "answers": {"situation": "MISTET_JOBBEN", "education": "GRUNNSKOLE",
///               "healthObstacles": "VET_IKKE", "otherObstacles": "NEI"},
///   "employment": [{"start": "2020-01-01", "end": null}]}"#).unwrap();
/// let catalog = Catalog::shipped();
/// // 2018-10: VET_IKKE is no obstacle, but primary school is never "passed".
/// let r = ruletree::evaluate(&p, catalog.ruleset("2018-10").unwrap());
/// assert_eq!(r.group, Group::AntattBehovForVeiledning);
/// // 2024-03: VET_IKKE on health counts as an obstacle.
/// let r = ruletree::evaluate(&p, catalog.ruleset("2024-03").unwrap());
/// assert_eq!(r.group, Group::OppgittHindringer);
/// ```
pub fn evaluate(person: &Person, ruleset: &Ruleset) -> RuleTreeResult {
    let a = &person.answers;
    let mut trace = Vec::new();
    let mut reasons = Vec::new();
    let counts = |answer: YesNoUnknown| ruleset.obstacle_answers.contains(&answer);
    let obstacle_detail = object(json!({ "countsAsObstacle": ruleset.obstacle_answers }));
    for (rule, code, answer) in [
        (
            Rule::HealthObstacles,
            ReasonCode::HealthObstacles,
            a.health_obstacles,
        ),
        (
            Rule::OtherObstacles,
            ReasonCode::OtherObstacles,
            a.other_obstacles,
        ),
    ] {
        let holds = counts(answer);
        trace.push(TraceStep {
            rule,
            input: Value::from(answer.as_str()),
            holds,
            detail: Some(obstacle_detail.clone()),
        });
        if holds {
            reasons.push(Reason::new(code, json!({ "answer": answer })));
        }
    }
    if !reasons.is_empty() {
        return RuleTreeResult {
            ruleset: ruleset.id.clone(),
            group: Group::OppgittHindringer,
            reasons,
            trace,
        };
    }

    let band = ruleset.quick_return_age;
    let age_ok = band.contains(person.age);
    trace.push(TraceStep {
        rule: Rule::AgeInBand,
        input: Value::from(person.age),
        holds: age_ok,
        detail: Some(object(json!({ "min": band.min, "max": band.max }))),
    });
    if !age_ok {
        reasons.push(Reason::new(
            ReasonCode::AgeOutsideBand,
            json!({ "age": person.age, "min": band.min, "max": band.max }),
        ));
    }

    let has_education = a.education != Education::IngenUtdanning;
    trace.push(TraceStep {
        rule: Rule::HasEducation,
        input: Value::from(a.education.as_str()),
        holds: has_education,
        detail: None,
    });
    if !has_education {
        reasons.push(Reason::new(
            ReasonCode::NoEducation,
            json!({ "education": a.education }),
        ));
    }

    let primary_counts = a.education == Education::Grunnskole
        && ruleset.primary_school_counts_as_passed_and_approved;
    let quirk =
        primary_counts.then(|| object(json!({ "primarySchoolCountsAsPassedAndApproved": true })));
    let passed = primary_counts || a.education_passed == Passed::Ja;
    trace.push(TraceStep {
        rule: Rule::PassedEducation,
        input: Value::from(a.education_passed.as_str()),
        holds: passed,
        detail: quirk.clone(),
    });
    if !passed {
        reasons.push(Reason::new(
            ReasonCode::EducationNotPassed,
            json!({ "answer": a.education_passed }),
        ));
    }
    let approved = primary_counts || a.education_approved == Approved::Ja;
    trace.push(TraceStep {
        rule: Rule::ApprovedEducation,
        input: Value::from(a.education_approved.as_str()),
        holds: approved,
        detail: quirk,
    });
    if !approved {
        reasons.push(Reason::new(
            ReasonCode::EducationNotApproved,
            json!({ "answer": a.education_approved }),
        ));
    }

    let work: WorkHistoryResult = work_history::evaluate(
        &ruleset.work_history,
        &person.employment,
        person.registered_on,
    );
    trace.push(TraceStep {
        rule: Rule::WorkHistory,
        input: json!({ "periods": person.employment.len() }),
        holds: work.holds,
        detail: Some(serde_json::to_value(&work).map_or_else(|_| Map::new(), object)),
    });
    if !work.holds {
        reasons.push(Reason::new(
            ReasonCode::WorkHistoryNotMet,
            json!({ "test": work.test, "longestMonths": work.longest_months, "minMonths": ruleset.work_history.min_months }),
        ));
    }

    let group = if reasons.is_empty() {
        reasons.push(Reason::new(ReasonCode::QuickReturnCriteriaMet, json!({})));
        Group::AntattGodeMuligheter
    } else {
        Group::AntattBehovForVeiledning
    };
    RuleTreeResult {
        ruleset: ruleset.id.clone(),
        group,
        reasons,
        trace,
    }
}

/// The group alone, without trace or reasons (the fast path for cohorts;
/// always the same group as [`evaluate`]).
pub fn group(person: &Person, ruleset: &Ruleset) -> Group {
    let a = &person.answers;
    let obstacle = |answer| ruleset.obstacle_answers.contains(&answer);
    if obstacle(a.health_obstacles) || obstacle(a.other_obstacles) {
        return Group::OppgittHindringer;
    }
    let primary_counts = a.education == Education::Grunnskole
        && ruleset.primary_school_counts_as_passed_and_approved;
    let quick = ruleset.quick_return_age.contains(person.age)
        && a.education != Education::IngenUtdanning
        && (primary_counts || a.education_passed == Passed::Ja)
        && (primary_counts || a.education_approved == Approved::Ja)
        && work_history::holds(
            &ruleset.work_history,
            &person.employment,
            person.registered_on,
        );
    if quick {
        Group::AntattGodeMuligheter
    } else {
        Group::AntattBehovForVeiledning
    }
}

/// The ruleset in force on `day`: the one with the latest `validFrom` on or
/// before it.
///
/// # Errors
/// `NOT_FOUND` when `day` is before every ruleset.
pub fn in_force(rulesets: &[Ruleset], day: Date) -> Result<&Ruleset> {
    rulesets
        .iter()
        .filter(|r| r.valid_from <= day)
        .max_by_key(|r| r.valid_from)
        .ok_or_else(|| {
            Error::new(
                ErrorKind::NotFound,
                "",
                format!(
                    "no ruleset is in force on {day}; the first applies from {}",
                    rulesets
                        .iter()
                        .map(|r| r.valid_from)
                        .min()
                        .map_or("—".into(), |d| d.to_string())
                ),
            )
        })
}
