//! The export of the `veivalg/cohort` entry point: the `Cohort` class, a
//! cohort held in wasm memory with the rankings built on it. Moving a
//! cut-off or a share costs a binary search and the tables, and crosses the
//! JS boundary as a small options object, never as rows.

use super::convert::{answer, json_text, required, to_js_error, JsResult};
use crate::cohort::session::{CohortSession, EvaluateOptions, ThresholdOptions};
use crate::cohort::MAX_COHORT_BYTES;
use crate::fit::FitSpec;
use crate::wire::MAX_RECORD_BYTES;
use wasm_bindgen::prelude::*;

/// A cohort held in wasm memory.
#[wasm_bindgen]
pub struct Cohort {
    session: CohortSession,
}

#[wasm_bindgen]
impl Cohort {
    /// A synthetic cohort: `{ seed, size, ages?: "REPORT" | "WIDE" }`.
    ///
    /// # Errors
    /// Throws a `VeivalgError`; `OUT_OF_RANGE` (path `size` or `seed`)
    /// outside 1–10 000 000 rows or seeds 0–2⁵³ − 1.
    #[wasm_bindgen(js_name = synthetic)]
    pub fn synthetic(
        #[wasm_bindgen(unchecked_param_type = "SyntheticOptions")] options: JsValue,
    ) -> JsResult<Cohort> {
        json_text(&options, "options", "", MAX_RECORD_BYTES)
            .and_then(|o| CohortSession::synthetic(&o))
            .map(|session| Cohort { session })
            .map_err(|e| to_js_error(&e))
    }

    /// A cohort from records `[{ person, outcome?, counsellorStandard?,
    /// gender?, bornAbroad?, synthetic? }]`; `options`: `{ ruleset?, source? }`.
    ///
    /// # Errors
    /// Throws a `VeivalgError` with paths like `[12].person.answers.situation`.
    #[wasm_bindgen(js_name = fromJson)]
    pub fn from_json(
        #[wasm_bindgen(unchecked_param_type = "Array<CohortRecord>")] rows: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "RecordsOptions | null")] options: Option<
            JsValue,
        >,
    ) -> JsResult<Cohort> {
        let options = match options {
            Some(v) if !v.is_null() && !v.is_undefined() => {
                json_text(&v, "options", "options", MAX_RECORD_BYTES)
            }
            _ => Ok(String::from("null")),
        };
        options
            .and_then(|o| {
                let r = json_text(&rows, "rows", "", MAX_COHORT_BYTES)?;
                CohortSession::from_records_json(&r, &o)
            })
            .map(|session| Cohort { session })
            .map_err(|e| to_js_error(&e))
    }

    /// Evaluates a method on the cohort: `{ policy, share? | cutoff?, model?,
    /// compareTo?, … }` or `{ method: "RULE_TREE_GROUP" | "COUNSELLOR" }`.
    ///
    /// # Errors
    /// Throws a `VeivalgError` with paths `options.…`.
    #[wasm_bindgen(js_name = evaluate, unchecked_return_type = "EvaluationResult")]
    pub fn evaluate(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "EvaluateOptions")] options: JsValue,
    ) -> JsResult {
        answer(
            required::<EvaluateOptions>(&options, "options").and_then(|o| {
                self.session
                    .evaluate_options(&o)
                    .map_err(|e| e.at("options"))
            }),
        )
    }

    /// Fits a model to the cohort: `{ id, target, features, … }`; returns
    /// the model file.
    ///
    /// # Errors
    /// Throws a `VeivalgError` with paths `spec.…`.
    #[wasm_bindgen(js_name = fit, unchecked_return_type = "Model")]
    pub fn fit(&self, #[wasm_bindgen(unchecked_param_type = "FitSpec")] spec: JsValue) -> JsResult {
        answer(
            required::<FitSpec>(&spec, "spec")
                .and_then(|s| self.session.fit_spec(&s))
                .map(|fitted| fitted.model),
        )
    }

    /// The cut-off of a MODEL policy that sends `share` of the cohort to
    /// NOE: `{ policy, model?, share }`.
    ///
    /// # Errors
    /// Throws a `VeivalgError`; `OUT_OF_RANGE` for a share outside (0, 1].
    #[wasm_bindgen(js_name = thresholdForShare)]
    pub fn threshold_for_share(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "ThresholdOptions")] options: JsValue,
    ) -> JsResult<f64> {
        required::<ThresholdOptions>(&options, "options")
            .and_then(|o| {
                self.session
                    .threshold_for_share(&o.policy, o.model.as_ref(), o.share)
                    .map_err(|e| e.at("options"))
            })
            .map_err(|e| to_js_error(&e))
    }

    /// Rows, source, ruleset and outcome shares.
    ///
    /// # Errors
    /// Throws only on an internal error.
    #[wasm_bindgen(js_name = summary, unchecked_return_type = "CohortSummary")]
    pub fn summary(&self) -> JsResult {
        answer(Ok(self.session.summary()))
    }
}
