//! The exports of the `veivalg` entry point: one registration at a time,
//! and the shipped data. Each is one conversion in, one typed call
//! ([`crate::api`]), one conversion out.

use super::convert::{answer, options as read_options, record, JsResult};
use crate::api;
use crate::domain::person::Person;
use crate::error::Result;
use wasm_bindgen::prelude::*;

fn read_person(value: &JsValue) -> Result<Person> {
    record(value, "person")
}

/// Routing decision for one person under a policy: group, unit, reasons,
/// the rule trace and, for MODEL policies, probability, contributions and
/// counterfactuals.
///
/// `options`: `{ policy?: "<id>" | Policy, model?: Model, on?: "YYYY-MM-DD",
/// grunnbelop?: GEntry[], gBeyondTable?: "ERROR" | "LATEST" }`; omitted or
/// `null` takes the policy in force on the registration day.
///
/// # Errors
/// Throws a `VeivalgError` (`kind`, `path`, `message`) for bad input.
#[wasm_bindgen(js_name = decide, unchecked_return_type = "Decision")]
pub fn decide(
    #[wasm_bindgen(unchecked_param_type = "Person")] person: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "DecideOptions | null")] options: Option<
        JsValue,
    >,
) -> JsResult {
    answer(read_person(&person).and_then(|p| api::decide(&p, &read_options(options)?)))
}

/// Everything the counsellor panel shows, in one call: the decision under
/// the chosen policy (default: in force), every shipped MODEL policy's
/// decision beside it, and the wage history.
///
/// `options`: `{ policy?, on?, grunnbelop?, gBeyondTable?, months? }`.
///
/// # Errors
/// Throws a `VeivalgError` for bad input (the other methods' errors are in
/// their `methods[i].error`).
#[wasm_bindgen(js_name = explain, unchecked_return_type = "Explanation")]
pub fn explain(
    #[wasm_bindgen(unchecked_param_type = "Person")] person: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ExplainOptions | null")] options: Option<
        JsValue,
    >,
) -> JsResult {
    answer(read_person(&person).and_then(|p| api::explain(&p, &read_options(options)?)))
}

/// The 2018 rule tree and its revisions on one person, with the trace.
///
/// `options`: `{ ruleset?: "<id>" | Ruleset, on?: "YYYY-MM-DD" }`.
///
/// # Errors
/// Throws a `VeivalgError` for bad input.
#[wasm_bindgen(js_name = ruleTree, unchecked_return_type = "RuleTreeResult")]
pub fn rule_tree(
    #[wasm_bindgen(unchecked_param_type = "Person")] person: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "RuleTreeOptions | null")] options: Option<
        JsValue,
    >,
) -> JsResult {
    answer(read_person(&person).and_then(|p| api::rule_tree(&p, &read_options(options)?)))
}

/// A person scored by a model, without routing: probability, logit,
/// exact additive contributions and the waterfall.
///
/// `options`: `{ model?: "<id>" | Model, grunnbelop?, gBeyondTable? }`
/// (default: the first shipped model).
///
/// # Errors
/// Throws a `VeivalgError`; `NOT_FOUND` for an unknown model.
#[wasm_bindgen(js_name = score, unchecked_return_type = "ScoredPerson")]
pub fn score(
    #[wasm_bindgen(unchecked_param_type = "Person")] person: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ScoreOptions | null")] options: Option<JsValue>,
) -> JsResult {
    answer(read_person(&person).and_then(|p| api::score(&p, &read_options(options)?)))
}

/// Outcome label (STABLE_WORK, IN_AND_OUT, WITHOUT_WORK) from the wages in
/// the 12 months after registration (report Tabell 3).
///
/// # Errors
/// Throws a `VeivalgError`; fewer than 12 complete months is
/// `INSUFFICIENT_DATA`.
#[wasm_bindgen(js_name = labelOutcome, unchecked_return_type = "OutcomeLabel")]
pub fn label_outcome(
    #[wasm_bindgen(unchecked_param_type = "LabelInput | Person")] input: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "LabelOutcomeOptions | null")] options: Option<
        JsValue,
    >,
) -> JsResult {
    answer(read_options(options).and_then(|o| {
        let source: api::LabelSource = record(&input, "input")?;
        api::label_outcome(&source.into_input(), &o)
    }))
}

/// Monthly wage history before registration, in NOK and in G, oldest first.
///
/// `options`: `{ months?: 24, grunnbelop?: GEntry[], gBeyondTable? }`.
///
/// # Errors
/// Throws a `VeivalgError` for bad input.
#[wasm_bindgen(js_name = wageHistory, unchecked_return_type = "Array<MonthlyWage>")]
pub fn wage_history(
    #[wasm_bindgen(unchecked_param_type = "Person")] person: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "HistoryOptions | null")] options: Option<
        JsValue,
    >,
) -> JsResult {
    answer(read_person(&person).and_then(|p| api::wage_history(&p, &read_options(options)?)))
}

/// The person's inputs as the routing methods see them.
///
/// # Errors
/// Throws a `VeivalgError` for bad input.
#[wasm_bindgen(js_name = features, unchecked_return_type = "Features")]
pub fn features(#[wasm_bindgen(unchecked_param_type = "Person")] person: JsValue) -> JsResult {
    answer(read_person(&person).and_then(|p| api::features(&p)))
}

/// The shipped routing policies (in force and proposals).
///
/// # Errors
/// Throws only if the shipped data is broken (a bug).
#[wasm_bindgen(js_name = policies, unchecked_return_type = "Array<Policy>")]
pub fn policies() -> JsResult {
    answer(Ok(api::policies()))
}

/// The shipped models.
///
/// # Errors
/// Throws only if the shipped data is broken (a bug).
#[wasm_bindgen(js_name = models, unchecked_return_type = "Array<Model>")]
pub fn models() -> JsResult {
    answer(Ok(api::models()))
}

/// The shipped rulesets (dated versions of the rule tree), oldest first.
///
/// # Errors
/// Throws only if the shipped data is broken (a bug).
#[wasm_bindgen(js_name = rulesets, unchecked_return_type = "Array<Ruleset>")]
pub fn rulesets() -> JsResult {
    answer(Ok(api::rulesets()))
}

/// The shipped G table (grunnbeløp), oldest first.
///
/// # Errors
/// Throws only if the shipped data is broken (a bug).
#[wasm_bindgen(js_name = grunnbelop, unchecked_return_type = "Array<GEntry>")]
pub fn grunnbelop() -> JsResult {
    answer(Ok(api::grunnbelop()))
}
