//! The library's entry points, typed: a [`Person`] and options in, a
//! [`Decision`] (or another result) out, every failure an [`Error`] with a
//! kind, the path of the field at fault and a message.
//!
//! [`text`] is the same API with JSON text in and out (what the parity
//! tests and any text-only caller use); the CLI and the wasm package parse
//! their input once into these types and call the functions here.
//!
//! # Example
//! ```
//! use veivalg::api::{self, DecideOptions};
//! use veivalg::domain::person::Person;
//! use veivalg::routing::noe_rule::Unit;
//! use veivalg::wire::IdOr;
//! let person = Person::from_json(r#"{"registeredOn": "2025-03-14", "birthDate": "1979-06-02",
//!   "answers": {"situation": "MISTET_JOBBEN", "education": "HOYERE_UTDANNING_1_TIL_4",
//!     "educationApproved": "JA", "educationPassed": "JA",
//!     "healthObstacles": "NEI", "otherObstacles": "NEI"},
//!   "employment": [{"start": "2020-01-01", "end": null}]}"#).unwrap();
//! let d = api::decide(&person, &DecideOptions::default()).unwrap();
//! assert_eq!((d.policy.id.as_str(), d.unit), ("noe-2025-01", Unit::Noe));
//! let options = DecideOptions { policy: Some(IdOr::Id("noe-1999".into())), ..Default::default() };
//! let err = api::decide(&person, &options).unwrap_err();
//! assert_eq!((err.kind.as_str(), err.path.as_str()), ("NOT_FOUND", "options.policy"));
//! ```

mod explain;
mod options;
pub mod text;

pub use explain::{explain, Explanation, MethodResult};
pub use options::{
    DecideOptions, ExplainOptions, HistoryOptions, LabelOutcomeOptions, RuleTreeOptions,
    ScoreOptions, DEFAULT_HISTORY_MONTHS,
};

use crate::domain::calendar::Date;
use crate::domain::grunnbelop::{GAssumption, GBeyondTable, GEntry, GTable};
use crate::domain::outcome::{self, LabelInput, LabelOptions, OutcomeLabel};
use crate::domain::person::Person;
use crate::domain::wages::{self, MonthlyWage};
use crate::error::{Error, ErrorKind, Result};
use crate::model::{Model, Score};
use crate::routing::catalog::Catalog;
use crate::routing::decide::{self, Decision, ModelRef};
use crate::routing::policy::{self, Policy};
use crate::rules::ruletree::{self, RuleTreeResult, Ruleset};
use crate::rules::work_history::{self, WorkHistoryRule, WorkHistoryTest};
use crate::wire::IdOr;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// The shipped catalog, or a copy with the caller's model and G table.
///
/// # Errors
/// The model's and the G table's checks, with paths `options.model…` and
/// `options.grunnbelop…`.
fn catalog_for(
    model: Option<&Model>,
    grunnbelop: Option<&[GEntry]>,
    beyond: GBeyondTable,
) -> Result<Cow<'static, Catalog>> {
    let shipped = Catalog::shipped();
    if model.is_none() && grunnbelop.is_none() && beyond == GBeyondTable::default() {
        return Ok(Cow::Borrowed(shipped));
    }
    let mut c = shipped.clone();
    if let Some(m) = model {
        m.check().map_err(|e| e.at("options.model"))?;
        c = c.with_model(m.clone());
    }
    let g = match grunnbelop {
        Some(rows) => GTable::new(rows.to_vec()).map_err(|e| e.at("options.grunnbelop"))?,
        None => shipped.g().clone(),
    };
    Ok(Cow::Owned(c.with_g(g.beyond(beyond))))
}

/// The policy the options choose: by id, given whole (checked against the
/// catalog), or the one in force on `on`.
fn choose_policy<'c>(
    catalog: &'c Catalog,
    choice: Option<&IdOr<Policy>>,
    on: Date,
) -> Result<Cow<'c, Policy>> {
    match choice {
        Some(IdOr::Id(id)) => catalog
            .policy(id)
            .map(Cow::Borrowed)
            .map_err(|e| e.at("options.policy")),
        Some(IdOr::Value(p)) => {
            catalog
                .check_policy(p)
                .map_err(|e| e.at("options.policy"))?;
            Ok(Cow::Owned((**p).clone()))
        }
        None => policy::in_force(catalog.policies(), on)
            .map(Cow::Borrowed)
            .map_err(|e| e.at("options")),
    }
}

/// Routing decision for one person under a policy: by default the policy
/// in force on the registration day; `options` choose another (`policy`
/// by id or whole, `on` a day), add a model a MODEL policy may name, or
/// another G table.
///
/// # Errors
/// `NOT_FOUND` (path `options.policy`) for an unknown policy or ruleset;
/// the checks of a policy or model given in the options (paths
/// `options.…`); `INSUFFICIENT_DATA` when a MODEL policy needs G for
/// months the table does not cover.
pub fn decide(person: &Person, options: &DecideOptions) -> Result<Decision> {
    let catalog = catalog_for(
        options.model.as_ref(),
        options.grunnbelop.as_deref(),
        options.g_beyond_table,
    )?;
    let chosen = choose_policy(
        &catalog,
        options.policy.as_ref(),
        options.on.unwrap_or(person.registered_on),
    )?;
    decide::decide(person, &chosen, &catalog)
}

/// The rule tree alone: `{ruleset, group, reasons, trace}`; by default
/// under the ruleset in force on the registration day.
///
/// # Errors
/// `NOT_FOUND` for an unknown ruleset id; a given ruleset's checks (path
/// `options.ruleset…`).
pub fn rule_tree(person: &Person, options: &RuleTreeOptions) -> Result<RuleTreeResult> {
    let catalog = Catalog::shipped();
    let ruleset: Cow<'_, Ruleset> = match &options.ruleset {
        Some(IdOr::Id(id)) => {
            Cow::Borrowed(catalog.ruleset(id).map_err(|e| e.at("options.ruleset"))?)
        }
        Some(IdOr::Value(r)) => {
            r.check().map_err(|e| e.at("options.ruleset"))?;
            Cow::Borrowed(&**r)
        }
        None => Cow::Borrowed(
            ruletree::in_force(
                catalog.rulesets(),
                options.on.unwrap_or(person.registered_on),
            )
            .map_err(|e| e.at("options"))?,
        ),
    };
    Ok(ruletree::evaluate(person, &ruleset))
}

/// Where a [`label_outcome`] takes its wages from: `{registeredOn, wages,
/// wagesThrough?}` or a whole person (a record with any other field).
///
/// Which of the two it is depends on all of the record's keys, so the
/// record is first read into a `serde_json::Value`; the chosen type is then
/// read from the value's JSON text (`wire::from_value_as_text`) by the same
/// reader as every person, with the same errors as from the value itself,
/// instead of by a second, `Value`-fed copy of `Person`'s reader (about
/// 8 KB gzip of the `veivalg` module; docs/benchmarks.md).
#[derive(Debug, Clone, PartialEq)]
pub enum LabelSource {
    /// The wage data alone.
    Wages(LabelInput),
    /// A whole registration.
    Person(Box<Person>),
}

impl<'de> Deserialize<'de> for LabelSource {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let v = serde_json::Value::deserialize(d)?;
        // A record with any key beyond the wage data's is a person (so a
        // person without `answers` is told that `answers` is missing).
        const WAGE_KEYS: [&str; 4] = ["id", "registeredOn", "wages", "wagesThrough"];
        let is_person = v
            .as_object()
            .is_some_and(|o| o.keys().any(|k| !WAGE_KEYS.contains(&k.as_str())));
        let read = if is_person {
            crate::wire::from_value_as_text::<Person>(&v).map(|p| LabelSource::Person(Box::new(p)))
        } else {
            crate::wire::from_value_as_text::<LabelInput>(&v).map(LabelSource::Wages)
        };
        read.map_err(Error::into_de)
    }
}

impl LabelSource {
    /// The wage data of either form.
    pub fn into_input(self) -> LabelInput {
        match self {
            LabelSource::Wages(w) => w,
            LabelSource::Person(p) => LabelInput {
                id: p.id,
                registered_on: p.registered_on,
                wages: p.wages,
                wages_through: p.wages_through,
            },
        }
    }
}

/// Outcome label (report Tabell 3) from the wages of the 12 months after
/// registration.
///
/// # Errors
/// `INSUFFICIENT_DATA` with fewer than 12 months of wage data after
/// registration or months the G table does not cover; a given G table's
/// checks (path `options.grunnbelop…`).
pub fn label_outcome(input: &LabelInput, options: &LabelOutcomeOptions) -> Result<OutcomeLabel> {
    let g = g_table(options.grunnbelop.as_deref(), options.g_beyond_table)?;
    let o = LabelOptions {
        month_one: options.month_one,
        rule_b: options.rule_b,
        boundary: options.boundary,
    };
    outcome::label(input, o, &g)
}

/// The shipped G table, or the caller's, with the choice for months after it.
fn g_table(rows: Option<&[GEntry]>, beyond: GBeyondTable) -> Result<Cow<'static, GTable>> {
    let shipped = Catalog::shipped().g();
    match rows {
        None if beyond == GBeyondTable::default() => Ok(Cow::Borrowed(shipped)),
        None => Ok(Cow::Owned(shipped.clone().beyond(beyond))),
        Some(rows) => GTable::new(rows.to_vec())
            .map(|g| Cow::Owned(g.beyond(beyond)))
            .map_err(|e| e.at("options.grunnbelop")),
    }
}

/// The monthly wage history before registration, for the counsellor chart:
/// `months` entries of `{month, nok, monthlyG, ratio, above3G, below1G}`,
/// oldest first.
///
/// # Errors
/// `OUT_OF_RANGE` (path `options.months`) outside 1–120;
/// `INSUFFICIENT_DATA` for months the G table does not cover.
pub fn wage_history(person: &Person, options: &HistoryOptions) -> Result<Vec<MonthlyWage>> {
    let g = g_table(options.grunnbelop.as_deref(), options.g_beyond_table)?;
    history(person, options.months, &g)
}

fn history(person: &Person, months: u32, g: &GTable) -> Result<Vec<MonthlyWage>> {
    wages::history_before_registration(person, months, g).map_err(|e| {
        if e.path == "months" {
            e.at("options")
        } else {
            e
        }
    })
}

/// The person's inputs as the routing methods see them.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Features {
    /// The person's id, when given.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub id: Option<String>,
    /// Day of registration.
    pub registered_on: Date,
    /// Age in whole years at registration.
    pub age: u32,
    /// Form question 1 (model input).
    pub situation: crate::domain::form::Situation,
    /// Model input: see [`wages::WageFeatures`].
    #[serde(rename = "monthsSinceAbove3G")]
    pub months_since_above_3g: Option<u32>,
    /// Model input: see [`wages::WageFeatures`].
    #[serde(rename = "monthsAbove3GLast24")]
    pub months_above_3g_last_24: u32,
    /// The rule tree's work-history test in both forms (6 of the last 12 months).
    #[serde(rename = "worked6Of12")]
    pub worked_6_of_12: WorkedSixOfTwelve,
}

/// Both forms of the work-history test.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct WorkedSixOfTwelve {
    /// 2018 month sampling.
    pub month_sampling: bool,
    /// 2024 merged intervals.
    pub intervals: bool,
}

/// The person's [`Features`] with the shipped G table.
///
/// # Errors
/// `INSUFFICIENT_DATA` when the G table does not cover the 36 months
/// before registration.
pub fn features(person: &Person) -> Result<Features> {
    features_of(person, Catalog::shipped().g())
}

/// The person's [`Features`] with the G table `g`.
///
/// # Errors
/// As [`features`].
pub fn features_of(person: &Person, g: &GTable) -> Result<Features> {
    let w = wages::wage_features(person, g)?;
    let rule = |test| WorkHistoryRule {
        test,
        min_months: 6,
        window_months: 12,
        merge_within_days: Some(3),
    };
    let holds =
        |test| work_history::evaluate(&rule(test), &person.employment, person.registered_on).holds;
    Ok(Features {
        id: person.id.clone(),
        registered_on: person.registered_on,
        age: person.age,
        situation: person.answers.situation,
        months_since_above_3g: w.months_since_above_3g,
        months_above_3g_last_24: w.months_above_3g_last_24,
        worked_6_of_12: WorkedSixOfTwelve {
            month_sampling: holds(WorkHistoryTest::MonthSampling),
            intervals: holds(WorkHistoryTest::Intervals),
        },
    })
}

/// A person scored by a model (what [`score`] returns).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ScoredPerson {
    /// The model.
    pub model: ModelRef,
    /// The model inputs.
    #[cfg_attr(test, ts(as = "crate::ts::FeatureValues"))]
    pub features: serde_json::Map<String, serde_json::Value>,
    /// Probability, logit, contributions and waterfall.
    #[serde(flatten)]
    #[cfg_attr(test, ts(flatten))]
    pub score: Score,
    /// The months of the model inputs that lie after the G table and were
    /// given its latest G (only with `gBeyondTable: "LATEST"`).
    #[serde(rename = "gAssumed", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub g_assumed: Option<GAssumption>,
}

/// The person scored by a model, without routing: `{model, features,
/// probability, logit, baselineLogit, contributions, waterfall}`; by
/// default the first shipped model.
///
/// # Errors
/// `NOT_FOUND` (path `options.model`) for an unknown model id; a given
/// model's checks; `INSUFFICIENT_DATA` when the G table does not cover the
/// 36 months before registration.
pub fn score(person: &Person, options: &ScoreOptions) -> Result<ScoredPerson> {
    let catalog = catalog_for(None, options.grunnbelop.as_deref(), options.g_beyond_table)?;
    let model: Cow<'_, Model> = match &options.model {
        Some(IdOr::Id(id)) => Cow::Borrowed(catalog.model(id).map_err(|e| e.at("options.model"))?),
        Some(IdOr::Value(m)) => {
            m.check().map_err(|e| e.at("options.model"))?;
            Cow::Borrowed(&**m)
        }
        None => Cow::Borrowed(catalog.models().first().ok_or_else(|| {
            Error::new(
                ErrorKind::NotFound,
                "options.model",
                "no model is shipped; pass one",
            )
        })?),
    };
    let input = decide::model_input(person, &catalog)?;
    let score = model.score(&input);
    let features = model
        .features
        .iter()
        .map(|f| {
            let v = serde_json::to_value(input.value(f.name())).unwrap_or_default();
            (f.name().as_str().to_string(), v)
        })
        .collect();
    Ok(ScoredPerson {
        model: ModelRef {
            id: model.id.clone(),
            version: model.version.clone(),
            target: model.target,
        },
        features,
        score,
        g_assumed: decide::model_input_g_assumed(person, &catalog),
    })
}

/// The shipped routing policies (in force and proposals).
pub fn policies() -> &'static [Policy] {
    Catalog::shipped().policies()
}

/// The shipped models.
pub fn models() -> &'static [Model] {
    Catalog::shipped().models()
}

/// The shipped rulesets, oldest first.
pub fn rulesets() -> &'static [Ruleset] {
    Catalog::shipped().rulesets()
}

/// The shipped G table, oldest first.
pub fn grunnbelop() -> &'static [GEntry] {
    Catalog::shipped().g().entries()
}
