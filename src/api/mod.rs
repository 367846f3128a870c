//! JSON text in, JSON text out: the one facade both the CLI and the wasm
//! package call, so both give byte-identical answers and errors.
//!
//! Every function takes the record as JSON text and its options as JSON
//! text (`null` for the defaults) and returns compact JSON text or an
//! [`Error`].
//!
//! # Example
//! ```
//! let person = r#"{"registeredOn": "2025-03-14", "birthDate": "1979-06-02",
//!   "answers": {"situation": "MISTET_JOBBEN", "education": "HOYERE_UTDANNING_1_TIL_4",
//!     "educationApproved": "JA", "educationPassed": "JA",
//!     "healthObstacles": "NEI", "otherObstacles": "NEI"},
//!   "employment": [{"start": "2020-01-01", "end": null}]}"#;
//! let out = veivalg::api::decide(person, "null").unwrap();
//! assert!(out.contains(r#""group":"ANTATT_GODE_MULIGHETER","unit":"NOE""#));
//! let err = veivalg::api::decide(person, r#"{"policy": "noe-1999"}"#).unwrap_err();
//! assert_eq!((err.kind.as_str(), err.path.as_str()), ("NOT_FOUND", "options.policy"));
//! ```

use crate::domain::calendar::Date;
use crate::domain::grunnbelop::{GEntry, GTable};
use crate::domain::outcome::{self, Boundary, LabelInput, LabelOptions, MonthOne, RuleB};
use crate::domain::person::Person;
use crate::domain::wages;
use crate::error::{Error, ErrorKind, Result};
use crate::json::{self, parse, Fields, FromJson, Loc, Map, Node, Obj, ToJson, Value};
use crate::routing::catalog::{
    by_id_or_object, custom_catalog, g_table, model_from_value, Catalog,
};
use crate::routing::decide::{self, ModelRef};
use crate::routing::policy::{self, Policy};
use crate::rules::ruletree::{self, Ruleset};
use crate::rules::work_history::{self, WorkHistoryRule, WorkHistoryTest};

fn options<T: FromJson + Default>(text: &str) -> Result<T> {
    let text = text.trim();
    if text.is_empty() || text == "null" {
        return Ok(T::default());
    }
    parse::<T>(text).map_err(|e| e.at("options"))
}

/// Options of `decide`.
#[derive(Default)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub(crate) struct DecideOptions {
    /// A policy by id or as an object (default: the one in force on `on`).
    #[cfg_attr(test, ts(as = "Option<crate::ts::IdOr<Policy>>", optional = nullable))]
    policy: Option<Value>,
    /// A model a MODEL policy may name (added to the shipped ones).
    #[cfg_attr(test, ts(as = "Option<crate::model::Model>", optional = nullable))]
    model: Option<Value>,
    /// Take the policy in force on this day (default: the registration day).
    #[cfg_attr(test, ts(optional = nullable))]
    on: Option<Date>,
    /// Another G table (default: the shipped one, 2014–2025): needed for
    /// model inputs of registrations after the table's last month.
    #[cfg_attr(test, ts(optional = nullable))]
    grunnbelop: Option<Vec<GEntry>>,
}

/// Routing decision for one person under a policy: by default the policy
/// in force on the registration day; options `{"policy": "<id>" | {policy
/// object}, "model": {model object}, "on": "YYYY-MM-DD"}` choose another
/// (`on` picks the policy in force on that day; `model` adds or replaces a
/// model that a MODEL policy can name). Returns a `Decision` (design §3).
///
/// # Errors
/// Any error of [`Person::from_json`]; errors in the options carry the path
/// `options.…`; `NOT_FOUND` for an unknown policy or ruleset.
pub fn decide(person: &str, options_json: &str) -> Result<String> {
    let person = Person::from_json(person)?;
    let prepared = prepared_decide_options(options_json)?;
    let catalog = prepared.catalog.as_ref().unwrap_or(Catalog::shipped());
    let chosen = match &prepared.policy {
        Some(p) => p,
        None => policy::in_force(
            catalog.policies(),
            prepared.on.unwrap_or(person.registered_on),
        )
        .map_err(|e| e.at("options"))?,
    };
    Ok(json::to_string(&decide::decide(&person, chosen, catalog)?))
}

/// `decide`'s options, parsed and checked: the catalog with the caller's
/// model (when one is given) and the chosen policy (`None`: the one in
/// force on `on` or the registration day).
struct PreparedDecideOptions {
    catalog: Option<Catalog>,
    policy: Option<Policy>,
    on: Option<Date>,
}

/// Parses and checks `decide`'s options, reusing the last result when the
/// options text is the same: a page or a batch deciding many persons under
/// one policy and model parses and checks the model once (the answers and
/// the errors are the same either way).
fn prepared_decide_options(options_json: &str) -> Result<std::sync::Arc<PreparedDecideOptions>> {
    type Last = Option<(String, std::sync::Arc<PreparedDecideOptions>)>;
    static LAST: std::sync::Mutex<Last> = std::sync::Mutex::new(None);
    if let Ok(last) = LAST.lock() {
        if let Some((text, prepared)) = last.as_ref() {
            if text == options_json {
                return Ok(prepared.clone());
            }
        }
    }
    let opts: DecideOptions = options(options_json)?;
    let catalog = custom_catalog(&opts.model, "options.model", opts.grunnbelop)?;
    let policy = match &opts.policy {
        Some(v) => {
            let c = catalog.as_ref().unwrap_or(Catalog::shipped());
            let p = by_id_or_object::<Policy>(v, "options.policy", |id| c.policy(id))?;
            c.check_policy(&p).map_err(|e| e.at("options.policy"))?;
            Some(p.into_owned())
        }
        None => None,
    };
    let prepared = std::sync::Arc::new(PreparedDecideOptions {
        catalog,
        policy,
        on: opts.on,
    });
    if let Ok(mut last) = LAST.lock() {
        *last = Some((options_json.to_string(), prepared.clone()));
    }
    Ok(prepared)
}

/// Options of `ruleTree`.
#[derive(Default)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub(crate) struct RuleTreeOptions {
    /// A ruleset by id or as an object (default: the one in force on `on`).
    #[cfg_attr(test, ts(as = "Option<crate::ts::IdOr<Ruleset>>", optional = nullable))]
    ruleset: Option<Value>,
    /// Take the ruleset in force on this day (default: the registration day).
    #[cfg_attr(test, ts(optional = nullable))]
    on: Option<Date>,
}

/// The rule tree alone: `{ruleset, group, reasons, trace}`. Options
/// `{"ruleset": "<id>" | {ruleset object}, "on": "YYYY-MM-DD"}`; by default
/// the ruleset in force on the registration day.
///
/// # Errors
/// As [`decide`].
pub fn rule_tree(person: &str, options_json: &str) -> Result<String> {
    let person = Person::from_json(person)?;
    let opts: RuleTreeOptions = options(options_json)?;
    let catalog = Catalog::shipped();
    let ruleset = match &opts.ruleset {
        Some(v) => {
            let r = by_id_or_object::<Ruleset>(v, "options.ruleset", |id| catalog.ruleset(id))?;
            r.check().map_err(|e| e.at("options.ruleset"))?;
            r
        }
        None => std::borrow::Cow::Borrowed(
            ruletree::in_force(catalog.rulesets(), opts.on.unwrap_or(person.registered_on))
                .map_err(|e| e.at("options"))?,
        ),
    };
    Ok(json::to_string(&ruletree::evaluate(&person, &ruleset)))
}

/// Options of `labelOutcome`: each decision of the labelling, with the
/// report's choice as the default.
#[derive(Default)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename = "LabelOutcomeOptions", rename_all = "camelCase"))]
pub(crate) struct LabelOptionsInput {
    /// Which month is month 1 (default `NEXT_MONTH`).
    #[cfg_attr(test, ts(as = "Option<_>", optional))]
    month_one: MonthOne,
    /// Rule B's window (default `FIVE_OF_MONTHS_6_TO_12`).
    #[cfg_attr(test, ts(as = "Option<_>", optional))]
    rule_b: RuleB,
    /// "Above 3G" strictly or inclusively (default `STRICT`).
    #[cfg_attr(test, ts(as = "Option<_>", optional))]
    boundary: Boundary,
    /// Another G table (default: the shipped one).
    #[cfg_attr(test, ts(optional = nullable))]
    grunnbelop: Option<Vec<GEntry>>,
}

/// Outcome label (Tabell 3) from `{registeredOn, wages, wagesThrough?}` or
/// from a whole person record. Options `{"monthOne": "NEXT_MONTH" |
/// "REGISTRATION_MONTH", "ruleB": "FIVE_OF_MONTHS_6_TO_12" |
/// "LAST_FIVE_MONTHS", "boundary": "STRICT" | "INCLUSIVE", "grunnbelop":
/// [G table]}`.
///
/// # Errors
/// Parse errors with paths; `INSUFFICIENT_DATA` with fewer than 12 months
/// of wage data after registration.
pub fn label_outcome(input: &str, options_json: &str) -> Result<String> {
    let opts: LabelOptionsInput = options(options_json)?;
    let g = g_table(opts.grunnbelop)?;
    let g = g.as_ref().unwrap_or(Catalog::shipped().g());
    let input = json::with_document(input, json::MAX_RECORD_BYTES, |doc| {
        if doc.get("answers").is_some() {
            let p = Person::read_json(doc, &Loc::Root)?;
            Ok(LabelInput {
                id: p.id,
                registered_on: p.registered_on,
                wages: p.wages,
                wages_through: p.wages_through,
            })
        } else {
            LabelInput::read_json(doc, &Loc::Root)
        }
    })?;
    let options = LabelOptions {
        month_one: opts.month_one,
        rule_b: opts.rule_b,
        boundary: opts.boundary,
    };
    Ok(json::to_string(&outcome::label(&input, options, g)?))
}

/// Options of `wageHistory`.
#[cfg_attr(test, derive(ts_rs::TS))]
pub(crate) struct HistoryOptions {
    /// Months before registration, 1–120 (default 24).
    #[cfg_attr(test, ts(as = "Option<_>", optional))]
    months: u32,
    /// Another G table (default: the shipped one).
    #[cfg_attr(test, ts(optional = nullable))]
    grunnbelop: Option<Vec<GEntry>>,
}

fn default_months() -> u32 {
    24
}

impl Default for HistoryOptions {
    fn default() -> Self {
        HistoryOptions {
            months: default_months(),
            grunnbelop: None,
        }
    }
}

/// The monthly wage history before registration, for the counsellor chart:
/// an array of `{month, nok, monthlyG, ratio, above3G, below1G}`, oldest
/// first. Options `{"months": 24, "grunnbelop": [G table]}`.
///
/// # Errors
/// Parse errors; `OUT_OF_RANGE` for `months` outside 1–120;
/// `INSUFFICIENT_DATA` for months the G table does not cover.
pub fn wage_history(person: &str, options_json: &str) -> Result<String> {
    let person = Person::from_json(person)?;
    let opts: HistoryOptions = options(options_json)?;
    let g = g_table(opts.grunnbelop)?;
    let g = g.as_ref().unwrap_or(Catalog::shipped().g());
    let history = wages::history_before_registration(&person, opts.months, g).map_err(|e| {
        if e.path == "months" {
            e.at("options")
        } else {
            e
        }
    })?;
    Ok(json::to_string(&history))
}

/// The person's inputs as the routing methods see them.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename_all = "camelCase"))]
pub struct Features {
    /// The person's id, when given.
    #[cfg_attr(test, ts(optional))]
    pub id: Option<String>,
    /// Day of registration.
    pub registered_on: Date,
    /// Age in whole years at registration.
    pub age: u32,
    /// Form question 1 (model input).
    pub situation: crate::domain::form::Situation,
    /// Model input: see [`wages::WageFeatures`].
    #[cfg_attr(test, ts(rename = "monthsSinceAbove3G"))]
    pub months_since_above_3g: Option<u32>,
    /// Model input: see [`wages::WageFeatures`].
    #[cfg_attr(test, ts(rename = "monthsAbove3GLast24"))]
    pub months_above_3g_last_24: u32,
    /// The rule tree's work-history test in both forms (6 of the last 12 months).
    pub worked_6_of_12: WorkedSixOfTwelve,
}

/// Both forms of the work-history test.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename_all = "camelCase"))]
pub struct WorkedSixOfTwelve {
    /// 2018 month sampling.
    pub month_sampling: bool,
    /// 2024 merged intervals.
    pub intervals: bool,
}

/// Computes [`Features`] for a person.
///
/// # Errors
/// Parse errors; `INSUFFICIENT_DATA` when the G table does not cover the 36
/// months before registration.
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

/// [`features_of`] from JSON text.
///
/// # Errors
/// As [`features_of`].
pub fn features(person: &str) -> Result<String> {
    let person = Person::from_json(person)?;
    Ok(json::to_string(&features_of(
        &person,
        Catalog::shipped().g(),
    )?))
}

fn list<T: ToJson + ?Sized>(items: &T) -> String {
    json::to_string(items)
}

/// The shipped routing policies as a JSON array.
pub fn policies() -> String {
    list(&Catalog::shipped().policies())
}

/// The shipped rulesets as a JSON array.
pub fn rulesets() -> String {
    list(&Catalog::shipped().rulesets())
}

/// The shipped G table as a JSON array.
pub fn grunnbelop() -> String {
    list(Catalog::shipped().g())
}

/// A person scored by a model (what [`score`] returns).
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename_all = "camelCase"))]
pub struct ScoredPerson {
    /// The model.
    pub model: ModelRef,
    /// The model inputs.
    #[cfg_attr(test, ts(as = "crate::ts::FeatureValues"))]
    pub features: Map,
    /// Probability, logit, contributions and waterfall.
    #[cfg_attr(test, ts(flatten))]
    pub score: crate::model::Score,
}

/// Options of `score`.
#[derive(Default)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub(crate) struct ScoreOptions {
    /// A model by id or as an object (default: the first shipped model).
    #[cfg_attr(test, ts(as = "Option<crate::ts::IdOr<crate::model::Model>>", optional = nullable))]
    model: Option<Value>,
    /// Another G table (default: the shipped one).
    #[cfg_attr(test, ts(optional = nullable))]
    grunnbelop: Option<Vec<GEntry>>,
}

/// The scored person under a model, without routing: `{model, features,
/// probability, logit, baselineLogit, contributions, waterfall}`. Options
/// `{"model": "<id>" | {model object}}` (default: the first shipped model).
///
/// # Errors
/// Parse errors; `NOT_FOUND` for an unknown model id; `INSUFFICIENT_DATA`
/// when the G table does not cover the 36 months before registration.
pub fn score(person: &str, options_json: &str) -> Result<String> {
    let person = Person::from_json(person)?;
    let opts: ScoreOptions = options(options_json)?;
    let custom = custom_catalog(&None, "options.model", opts.grunnbelop)?;
    let catalog = custom.as_ref().unwrap_or(Catalog::shipped());
    let owned;
    let model = match &opts.model {
        Some(Value::String(id)) => catalog.model(id).map_err(|e| e.at("options.model"))?,
        Some(v) => {
            owned = model_from_value(v, "options.model")?;
            &owned
        }
        None => catalog.models().first().ok_or_else(|| {
            Error::new(
                ErrorKind::NotFound,
                "options.model",
                "no model is shipped; pass one",
            )
        })?,
    };
    let input = decide::model_input(&person, catalog)?;
    let score = model.score(&input);
    let mut features = Map::new();
    for f in &model.features {
        features.insert(f.name().as_str().to_string(), input.value(f.name()));
    }
    let out = ScoredPerson {
        model: ModelRef {
            id: model.id.clone(),
            version: model.version.clone(),
            target: model.target,
        },
        features,
        score,
    };
    Ok(json::to_string(&out))
}

/// The shipped models as a JSON array.
pub fn models() -> String {
    list(&Catalog::shipped().models())
}

impl FromJson for DecideOptions {
    fn read_json(v: &Node<'_>, at: &Loc<'_>) -> Result<Self> {
        let o = Obj::new(v, at, &["policy", "model", "on", "grunnbelop"])?;
        Ok(DecideOptions {
            policy: o.opt("policy")?,
            model: o.opt("model")?,
            on: o.opt("on")?,
            grunnbelop: o.opt("grunnbelop")?,
        })
    }
}

impl FromJson for RuleTreeOptions {
    fn read_json(v: &Node<'_>, at: &Loc<'_>) -> Result<Self> {
        let o = Obj::new(v, at, &["ruleset", "on"])?;
        Ok(RuleTreeOptions {
            ruleset: o.opt("ruleset")?,
            on: o.opt("on")?,
        })
    }
}

impl FromJson for LabelOptionsInput {
    fn read_json(v: &Node<'_>, at: &Loc<'_>) -> Result<Self> {
        let o = Obj::new(v, at, &["monthOne", "ruleB", "boundary", "grunnbelop"])?;
        Ok(LabelOptionsInput {
            month_one: o.or_default("monthOne")?,
            rule_b: o.or_default("ruleB")?,
            boundary: o.or_default("boundary")?,
            grunnbelop: o.opt("grunnbelop")?,
        })
    }
}

impl FromJson for HistoryOptions {
    fn read_json(v: &Node<'_>, at: &Loc<'_>) -> Result<Self> {
        let o = Obj::new(v, at, &["months", "grunnbelop"])?;
        Ok(HistoryOptions {
            months: o.or_else("months", default_months)?,
            grunnbelop: o.opt("grunnbelop")?,
        })
    }
}

impl FromJson for ScoreOptions {
    fn read_json(v: &Node<'_>, at: &Loc<'_>) -> Result<Self> {
        let o = Obj::new(v, at, &["model", "grunnbelop"])?;
        Ok(ScoreOptions {
            model: o.opt("model")?,
            grunnbelop: o.opt("grunnbelop")?,
        })
    }
}

impl ToJson for Features {
    fn write_json(&self, out: &mut String) {
        let mut o = Fields::new(out);
        o.some("id", &self.id)
            .field("registeredOn", &self.registered_on)
            .field("age", &self.age)
            .field("situation", &self.situation)
            .field("monthsSinceAbove3G", &self.months_since_above_3g)
            .field("monthsAbove3GLast24", &self.months_above_3g_last_24)
            .field("worked6Of12", &self.worked_6_of_12);
        o.end();
    }
}

impl ToJson for WorkedSixOfTwelve {
    fn write_json(&self, out: &mut String) {
        let mut o = Fields::new(out);
        o.field("monthSampling", &self.month_sampling)
            .field("intervals", &self.intervals);
        o.end();
    }
}

impl ToJson for ScoredPerson {
    fn write_json(&self, out: &mut String) {
        let mut o = Fields::new(out);
        o.field("model", &self.model)
            .field("features", &self.features);
        self.score.write_fields(&mut o);
        o.end();
    }
}
