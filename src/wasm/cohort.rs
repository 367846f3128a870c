//! The exports of the `veivalg/cohort` entry point: the `Cohort` class, a
//! cohort held in wasm memory with the rankings built on it, and the two
//! classes that make one a piece at a time with progress: `CohortLoader`
//! (a file pushed in chunks) and `SyntheticBuilder` (a synthetic cohort in
//! steps). Moving a cut-off or a share costs a binary search and the
//! tables, and crosses the JS boundary as a small options object, never as
//! rows.

use super::convert::{
    answer, byte_chunks, json_text, options, required, to_js_error, whole_number, JsResult,
};
use crate::cohort::file::{self, FileFormat, LoaderOptions};
use crate::cohort::session::{
    CohortSession, CurveOptions, EvaluateOptions, FairnessOptions, ModelCardOptions,
    PolicyCutoffOptions, RecordsOptions, SyntheticOptions, ThresholdOptions,
};
use crate::cohort::synthetic;
use crate::cohort::MAX_COHORT_BYTES;
use crate::error::{Error, ErrorKind, Result};
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

    /// A cohort from the bytes of a JSON Lines file (one cohort record a
    /// line); `options`: `{ ruleset?, source? }`. Records that fail are
    /// skipped and listed in `summary().rejected`.
    ///
    /// # Errors
    /// Throws a `VeivalgError`: `INVALID_TYPE` (path `bytes`) for anything
    /// but a `Uint8Array` or `ArrayBuffer`; `INSUFFICIENT_DATA` when no row
    /// loads.
    #[wasm_bindgen(js_name = fromJsonl)]
    pub fn from_jsonl(
        #[wasm_bindgen(unchecked_param_type = "Uint8Array")] bytes: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "RecordsOptions | null")] options: Option<
            JsValue,
        >,
    ) -> JsResult<Cohort> {
        from_file(FileFormat::Jsonl, &bytes, options).map_err(|e| to_js_error(&e))
    }

    /// A cohort from the bytes of a CSV file (one registration a row, the
    /// columns in the README); `options`: `{ ruleset?, source? }`. Rows
    /// that fail are skipped and listed in `summary().rejected`.
    ///
    /// # Errors
    /// Throws a `VeivalgError`: `INVALID_TYPE` (path `bytes`) for anything
    /// but a `Uint8Array` or `ArrayBuffer`; a header error (path: the
    /// column); `INSUFFICIENT_DATA` when no row loads.
    #[wasm_bindgen(js_name = fromCsv)]
    pub fn from_csv(
        #[wasm_bindgen(unchecked_param_type = "Uint8Array")] bytes: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "RecordsOptions | null")] options: Option<
            JsValue,
        >,
    ) -> JsResult<Cohort> {
        from_file(FileFormat::Csv, &bytes, options).map_err(|e| to_js_error(&e))
    }

    /// Accuracy and the outcomes of those sent to NOE at every share from
    /// 0 to 100 %, with the rule tree as one point: `{ policy, model?, steps? }`.
    ///
    /// # Errors
    /// Throws a `VeivalgError` with paths `options.…`.
    #[wasm_bindgen(js_name = curve, unchecked_return_type = "Curve")]
    pub fn curve(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "CurveOptions")] options: JsValue,
    ) -> JsResult {
        answer(
            required::<CurveOptions>(&options, "options")
                .and_then(|o| self.session.curve(&o).map_err(|e| e.at("options"))),
        )
    }

    /// Share sent to NOE, accuracy, TPR and FPR per group, with each
    /// group's ratio to the best-served group: `{ policy | method, model?,
    /// share? | cutoff?, groupColumns?, minGroupSize? }`.
    ///
    /// # Errors
    /// Throws a `VeivalgError` with paths `options.…`.
    #[wasm_bindgen(js_name = fairness, unchecked_return_type = "Fairness")]
    pub fn fairness(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "FairnessOptions")] options: JsValue,
    ) -> JsResult {
        answer(
            required::<FairnessOptions>(&options, "options")
                .and_then(|o| self.session.fairness(&o).map_err(|e| e.at("options"))),
        )
    }

    /// A model's card on the cohort (AUC, Brier, calibration bins, the
    /// model): `{ model }`, a shipped id or a model object.
    ///
    /// # Errors
    /// Throws a `VeivalgError` with paths `options.…`.
    #[wasm_bindgen(js_name = modelCard, unchecked_return_type = "ModelCard")]
    pub fn model_card(
        &self,
        #[wasm_bindgen(unchecked_param_type = "ModelCardOptions")] options: JsValue,
    ) -> JsResult {
        answer(
            required::<ModelCardOptions>(&options, "options")
                .and_then(|o| self.session.model_card(&o).map_err(|e| e.at("options"))),
        )
    }

    /// A MODEL policy with a cut-off chosen on this cohort, for download:
    /// `{ policy, model?, share? | cutoff?, id? }`. `decide` and the CLI
    /// take it back.
    ///
    /// # Errors
    /// Throws a `VeivalgError` with paths `options.…`.
    #[wasm_bindgen(js_name = policyWithCutoff, unchecked_return_type = "Policy")]
    pub fn policy_with_cutoff(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "PolicyCutoffOptions")] options: JsValue,
    ) -> JsResult {
        answer(
            required::<PolicyCutoffOptions>(&options, "options").and_then(|o| {
                self.session
                    .policy_with_cutoff(&o)
                    .map_err(|e| e.at("options"))
            }),
        )
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

    /// Rows, source, ruleset, outcome shares, the counsellors' column
    /// (`counsellorRows`, `counsellor`), the group columns present, and the
    /// records of the file that were skipped (`rejected`).
    ///
    /// # Errors
    /// Throws only on an internal error.
    #[wasm_bindgen(js_name = summary, unchecked_return_type = "CohortSummary")]
    pub fn summary(&self) -> JsResult {
        answer(Ok(self.session.summary()))
    }
}

/// A whole file through a loader, fed from JS a piece at a time.
fn from_file(format: FileFormat, bytes: &JsValue, o: Option<JsValue>) -> Result<Cohort> {
    let o: RecordsOptions = options(o)?;
    let mut loader = file::CohortLoader::new(&LoaderOptions {
        format,
        ruleset: o.ruleset,
        source: o.source,
    })
    .map_err(|e| e.at("options"))?;
    let mut buffer = Vec::new();
    byte_chunks(bytes, "bytes", &mut buffer, |chunk| {
        loader.push(chunk).map(|_| ())
    })?;
    let cohort = loader.finish()?;
    Ok(Cohort {
        session: CohortSession::new(cohort),
    })
}

/// Reads a cohort file pushed in chunks (from a `File`'s stream in a Web
/// Worker, say): `new CohortLoader({ format: "jsonl" | "csv", ruleset?,
/// source? })`, `push(chunk)` for each chunk, then `finish()`.
#[wasm_bindgen]
pub struct CohortLoader {
    loader: Option<file::CohortLoader>,
    /// What the loader skipped, kept after `finish()` failed.
    rejected: file::Rejected,
    buffer: Vec<u8>,
}

#[wasm_bindgen]
impl CohortLoader {
    /// A loader: `{ format: "jsonl" | "csv", ruleset?, source? }`.
    ///
    /// # Errors
    /// Throws a `VeivalgError` with paths `options.…`.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "LoaderOptions")] options: JsValue,
    ) -> JsResult<CohortLoader> {
        required::<LoaderOptions>(&options, "options")
            .and_then(|o| file::CohortLoader::new(&o).map_err(|e| e.at("options")))
            .map(|loader| CohortLoader {
                loader: Some(loader),
                rejected: file::Rejected::default(),
                buffer: Vec::new(),
            })
            .map_err(|e| to_js_error(&e))
    }

    fn loader(&mut self, method: &str) -> Result<&mut file::CohortLoader> {
        self.loader.as_mut().ok_or_else(|| {
            Error::new(
                ErrorKind::InvalidValue,
                "",
                format!("CohortLoader.{method}: the loader has finished; make a new one"),
            )
        })
    }

    /// Reads the next chunk of the file (a `Uint8Array`; a line or a CSV
    /// record may go on in the next one); returns `{ bytes, lines, rows,
    /// rejected }` so far.
    ///
    /// # Errors
    /// Throws a `VeivalgError` for a problem with the file as a whole (a
    /// CSV header without a required column, …), and again on every later
    /// call; `INVALID_TYPE` (path `chunk`) for anything but a `Uint8Array`.
    #[wasm_bindgen(js_name = push, unchecked_return_type = "LoadProgress")]
    pub fn push(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "Uint8Array")] chunk: JsValue,
    ) -> JsResult {
        let mut buffer = std::mem::take(&mut self.buffer);
        let result = self.loader("push").and_then(|loader| {
            byte_chunks(&chunk, "chunk", &mut buffer, |bytes| {
                loader.push(bytes).map(|_| ())
            })?;
            Ok(loader.progress())
        });
        self.buffer = buffer;
        answer(result)
    }

    /// `{ bytes, lines, rows, rejected }` so far.
    ///
    /// # Errors
    /// Throws after `finish()`.
    #[wasm_bindgen(js_name = progress, unchecked_return_type = "LoadProgress")]
    pub fn progress(&mut self) -> JsResult {
        answer(self.loader("progress").map(|l| l.progress()))
    }

    /// The records skipped so far: `{ count, first }` (the first 100
    /// `{ line, kind, path, message }`); after `finish()`, those of the
    /// whole file.
    ///
    /// # Errors
    /// Throws only on an internal error.
    #[wasm_bindgen(js_name = rejected, unchecked_return_type = "Rejected")]
    pub fn rejected(&self) -> JsResult {
        answer(Ok(match &self.loader {
            Some(l) => l.rejected().clone(),
            None => self.rejected.clone(),
        }))
    }

    /// Reads the end of the file and makes the `Cohort`; the loader is
    /// done after it (whether it succeeds or not).
    ///
    /// # Errors
    /// Throws a `VeivalgError`: `INSUFFICIENT_DATA` when no row loaded (the
    /// message names the first records skipped; `rejected()` lists them).
    #[wasm_bindgen(js_name = finish)]
    pub fn finish(&mut self) -> JsResult<Cohort> {
        let Some(loader) = self.loader.take() else {
            return Err(to_js_error(&Error::new(
                ErrorKind::InvalidValue,
                "",
                "CohortLoader.finish: the loader has finished; make a new one",
            )));
        };
        self.rejected = loader.rejected().clone();
        self.buffer = Vec::new();
        loader
            .finish()
            .map(|cohort| Cohort {
                session: CohortSession::new(cohort),
            })
            .map_err(|e| to_js_error(&e))
    }
}

/// Makes a synthetic cohort a piece at a time, with progress (in a Web
/// Worker, say): `new SyntheticBuilder({ seed, size, ages? })`,
/// `step(maxRows)` until `rows` reaches `size`, then `finish()` — the
/// cohort `Cohort.synthetic` makes from the same options.
#[wasm_bindgen]
pub struct SyntheticBuilder {
    builder: synthetic::SyntheticBuilder<'static>,
}

#[wasm_bindgen]
impl SyntheticBuilder {
    /// A builder: `{ seed, size, ages?: "REPORT" | "WIDE" }`, as
    /// `Cohort.synthetic` takes them (the memory of every row is reserved
    /// here).
    ///
    /// # Errors
    /// Throws a `VeivalgError`, as `Cohort.synthetic` does: `OUT_OF_RANGE`
    /// (path `size` or `seed`) outside 1–10 000 000 rows or seeds 0–2⁵³ − 1.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "SyntheticOptions")] options: JsValue,
    ) -> JsResult<SyntheticBuilder> {
        json_text(&options, "options", "", MAX_RECORD_BYTES)
            .and_then(|o| crate::wire::parse::<SyntheticOptions>(&o))
            .and_then(|o| o.builder())
            .map(|builder| SyntheticBuilder { builder })
            .map_err(|e| to_js_error(&e))
    }

    /// Makes the next rows, at most `maxRows` (fewer at the end, none once
    /// every row is made); returns `{ rows, size }` so far.
    ///
    /// # Errors
    /// Throws a `VeivalgError`: `INVALID_TYPE` or `OUT_OF_RANGE` (path
    /// `maxRows`) unless `maxRows` is a whole number from 1 to 2⁵³ − 1;
    /// `INVALID_VALUE` after `finish()`.
    #[wasm_bindgen(js_name = step, unchecked_return_type = "SyntheticProgress")]
    pub fn step(
        &mut self,
        #[wasm_bindgen(js_name = maxRows, unchecked_param_type = "number")] max_rows: JsValue,
    ) -> JsResult {
        answer(whole_number(&max_rows, "maxRows").and_then(|n| self.builder.step(n)))
    }

    /// `{ rows, size }` so far.
    ///
    /// # Errors
    /// Throws only on an internal error.
    #[wasm_bindgen(js_name = progress, unchecked_return_type = "SyntheticProgress")]
    pub fn progress(&self) -> JsResult {
        answer(Ok(self.builder.progress()))
    }

    /// The `Cohort`, once every row is made; the builder is done after it.
    ///
    /// # Errors
    /// Throws a `VeivalgError`: `INSUFFICIENT_DATA` while rows are still to
    /// be made (the builder goes on: step on, then finish); `INVALID_VALUE`
    /// when it has finished before.
    #[wasm_bindgen(js_name = finish)]
    pub fn finish(&mut self) -> JsResult<Cohort> {
        self.builder
            .finish()
            .map(|cohort| Cohort {
                session: CohortSession::new(cohort),
            })
            .map_err(|e| to_js_error(&e))
    }
}
