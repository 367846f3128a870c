//! JavaScript bindings: the only module that knows wasm-bindgen and js-sys.
//!
//! Every export is a thin wrapper round the JSON-text facade ([`crate::api`]
//! and [`crate::cohort::session`]): a JS value is turned into JSON text once with
//! `JSON.stringify` (its size checked before it is copied into wasm memory),
//! parsed by the same code the CLI uses, and the JSON text that comes back
//! is handed to `JSON.parse`. The CLI and the package therefore give
//! byte-identical answers and errors.
//!
//! A failure is thrown as a real JS `Error` whose own properties `kind`
//! (e.g. `"INVALID_VALUE"`), `path` (e.g. `"answers.situation"`) and
//! `message` come from [`crate::Error`]. Nothing traps: the module stays
//! usable after any error.
//!
//! The TypeScript types of the package are derived from the Rust types
//! (`pkg-config/veivalg-types.d.ts`, written and checked by a native test
//! in `src/ts.rs`); the exports below name them.

mod alloc;

/// The module's allocator (see [`alloc`]): size classes instead of dlmalloc.
#[global_allocator]
static ALLOCATOR: alloc::Allocator = alloc::Allocator::new();

use crate::api;
#[cfg(feature = "cohort")]
use crate::cohort::session::CohortSession;
#[cfg(feature = "cohort")]
use crate::cohort::MAX_COHORT_BYTES;
use crate::error::{Error, ErrorKind, Result};
use crate::json::MAX_RECORD_BYTES;
use js_sys::{Array, JsString, Object, Reflect, JSON};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = include_str!("../../pkg-config/veivalg-types.d.ts");

#[wasm_bindgen(typescript_custom_section)]
const TS_ERROR: &'static str = r#"
/**
 * What every veivalg function throws: a JS `Error` with the `kind`, `path`
 * and `message` of the library's error (`ErrorData`).
 */
export interface VeivalgError extends Error, ErrorData {
  message: string;
}
"#;

#[wasm_bindgen]
extern "C" {
    /// `Object.keys`, catching what a Proxy's trap throws (js-sys's does
    /// not catch, and a JS exception unwinding through wasm frames would
    /// leave the module in an unknown state).
    #[wasm_bindgen(catch, js_namespace = Object, js_name = keys)]
    fn object_keys(value: &JsValue) -> std::result::Result<Array, JsValue>;

    /// `Array.isArray`, which throws on a revoked Proxy.
    #[wasm_bindgen(catch, js_namespace = Array, js_name = isArray)]
    fn array_is_array(value: &JsValue) -> std::result::Result<bool, JsValue>;
}

/// Whether `value` is an array (false for anything `Array.isArray` throws on).
fn is_array(value: &JsValue) -> bool {
    array_is_array(value).unwrap_or(false)
}

/// What a call returns to JS: a value, or a thrown `VeivalgError`.
type JsResult<T = JsValue> = std::result::Result<T, JsValue>;

/// Turns a core error into a thrown JS `Error` with own properties `kind`,
/// `path` and `message`.
fn to_js_error(e: &Error) -> JsValue {
    let err = js_sys::Error::new(&e.message);
    let obj: &JsValue = err.as_ref();
    // Setting a property on a fresh ordinary object cannot fail; should it
    // ever, the error is still thrown, only without that property.
    for (key, value) in [
        ("kind", e.kind.as_str()),
        ("path", e.path.as_str()),
        ("message", e.message.as_str()),
    ] {
        let _ = Reflect::set(obj, &JsValue::from_str(key), &JsValue::from_str(value));
    }
    err.into()
}

/// What a JS value is, in words, for error messages.
fn describe(value: &JsValue) -> &'static str {
    if value.is_undefined() {
        "undefined"
    } else if value.is_function() {
        "a function"
    } else if value.is_symbol() {
        "a symbol"
    } else if value.is_bigint() {
        "a bigint"
    } else {
        "a value that has no JSON form"
    }
}

/// Joins a JSON path and a property name the way [`Error::at`] does.
fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else if key.starts_with('[') {
        format!("{path}{key}")
    } else {
        format!("{path}.{key}")
    }
}

/// The `length` of an array (read with `Reflect.get`, which catches).
fn length(value: &JsValue) -> u32 {
    Reflect::get(value, &JsValue::from_str("length"))
        .ok()
        .and_then(|n| n.as_f64())
        .map_or(0, |n| n as u32)
}

/// The own enumerable keys of an object (indices as `[i]` for arrays),
/// with the JS keys to read them by. Only calls that catch are made on the
/// caller's value: it may be a Proxy whose traps throw.
fn keys(value: &JsValue) -> Vec<(String, JsValue)> {
    if is_array(value) {
        (0..length(value))
            .map(|i| (format!("[{i}]"), JsValue::from(i)))
            .collect()
    } else {
        object_keys(value)
            .map(|keys| {
                keys.iter()
                    .map(|k| (k.as_string().unwrap_or_default(), k))
                    .collect()
            })
            .unwrap_or_default()
    }
}

/// Where `JSON.stringify` fails inside `value`: the path of the property
/// that closes a cycle or holds a value with no JSON form (a bigint, a
/// throwing `toJSON` or getter). Walks at most 64 levels deep.
fn locate(value: &JsValue, path: &str, stack: &mut Vec<JsValue>) -> String {
    if !value.is_object() || stack.len() >= 64 {
        return path.to_string();
    }
    stack.push(value.clone());
    for (name, key) in keys(value) {
        let at = join(path, &name);
        let Ok(child) = Reflect::get(value, &key) else {
            stack.pop();
            return at;
        };
        if child.is_object() && stack.iter().any(|a| Object::is(a, &child)) {
            stack.pop();
            return at;
        }
        if child.is_bigint() || JSON::stringify(&child).is_err() {
            let found = locate(&child, &at, stack);
            stack.pop();
            return found;
        }
    }
    stack.pop();
    path.to_string()
}

/// The longest of the arrays a record may hold in bulk (`wages`,
/// `employment`), for refusing a huge one before the value is stringified.
/// Two property reads, not a walk over every key: any other oversized
/// property is caught by the length of the JSON text.
fn longest_array(value: &JsValue) -> Option<(String, u32)> {
    if !value.is_object() || is_array(value) {
        return None;
    }
    ["wages", "employment"]
        .into_iter()
        .filter_map(|name| {
            let child = Reflect::get(value, &JsValue::from_str(name)).ok()?;
            is_array(&child).then(|| (name.to_string(), length(&child)))
        })
        .max_by_key(|(_, n)| *n)
}

/// The top-level property of an object with the longest JSON text (one
/// more `JSON.stringify` pass, on the error path only), for naming the
/// field that makes an input too large.
fn largest_property(value: &JsValue) -> Option<(String, u32)> {
    if !value.is_object() || is_array(value) {
        return None;
    }
    keys(value)
        .into_iter()
        .filter_map(|(name, key)| {
            let child = Reflect::get(value, &key).ok()?;
            let text = JSON::stringify(&child).ok()?;
            text.is_string().then(|| (name, text.length()))
        })
        .max_by_key(|(_, n)| *n)
}

fn too_large(path: &str, what: &str, detail: String, limit: usize) -> Error {
    Error::new(
        ErrorKind::TooLarge,
        path,
        format!("{what} is too large: {detail}; the limit is {limit} bytes of JSON"),
    )
}

/// Converts a JS input value into JSON text, refusing values that have no
/// JSON form (`INVALID_TYPE`), values `JSON.stringify` throws on such as
/// cyclic objects (`INVALID_JSON`, with the path of the property that
/// closes the cycle), and texts above `limit` bytes (`TOO_LARGE`, naming
/// the longest array or the largest property) before they are copied into
/// wasm memory. Nothing is looked at before `JSON.stringify` (each look is
/// a call across the boundary, on every call); a million-entry array costs
/// one stringify, a fraction of a second, and is then named. `root` is
/// the path of the value itself (`""` for the main input, `"options"`).
fn json_text(value: &JsValue, what: &str, root: &str, limit: usize) -> Result<String> {
    let no_json = |v: &JsValue| {
        Error::new(
            ErrorKind::InvalidType,
            root,
            format!("expected an object for {what}, got {}", describe(v)),
        )
    };
    if value.is_undefined() || value.is_function() || value.is_symbol() || value.is_bigint() {
        return Err(no_json(value));
    }
    let text: JsString = JSON::stringify(value).map_err(|thrown| {
        let reason = thrown
            .dyn_ref::<js_sys::Error>()
            .and_then(|e| e.message().as_string())
            .unwrap_or_else(|| String::from("JSON.stringify failed"));
        let reason = reason.lines().next().unwrap_or_default().to_string();
        let at = locate(value, root, &mut Vec::new());
        Error::new(
            ErrorKind::InvalidJson,
            at,
            format!("{what} cannot be converted to JSON: {reason}"),
        )
    })?;
    // `JSON.stringify` returns `undefined` when `toJSON` does.
    if !text.is_string() {
        return Err(no_json(&text));
    }
    // Every UTF-16 code unit takes at least one byte in UTF-8, so a text
    // longer than the limit in code units is too large in bytes as well.
    let units = text.length() as usize;
    if units > limit {
        // Name what made it too large: the array itself, its longest bulk
        // array (`wages` of a million entries), or its largest property.
        if is_array(value) {
            let detail = format!("{} entries", length(value));
            return Err(too_large(root, what, detail, limit));
        }
        if let Some((name, n)) = longest_array(value) {
            if n as usize > limit / 2 {
                let detail = format!("`{name}` has {n} entries");
                return Err(too_large(&join(root, &name), what, detail, limit));
            }
        }
        let (path, detail) = match largest_property(value) {
            Some((name, n)) => (
                join(root, &name),
                format!("`{name}` is {n} characters as JSON, {units} in all"),
            ),
            None => (root.to_string(), format!("{units} characters as JSON")),
        };
        return Err(too_large(&path, what, detail, limit));
    }
    Ok(String::from(text))
}

/// A record (person, outcome input): JSON text of at most 1 MiB.
fn record_text(value: &JsValue, what: &str) -> Result<String> {
    json_text(value, what, "", MAX_RECORD_BYTES)
}

/// Options: `undefined` and `null` both mean "the defaults".
fn options_text(options: Option<JsValue>) -> Result<String> {
    match options {
        None => Ok(String::from("null")),
        Some(v) if v.is_null() || v.is_undefined() => Ok(String::from("null")),
        Some(v) => json_text(&v, "options", "options", MAX_RECORD_BYTES),
    }
}

/// Required options (an object; `null` is passed on and refused by the core).
fn required_text(value: &JsValue, root: &str) -> Result<String> {
    json_text(value, root, root, MAX_RECORD_BYTES)
}

/// Hands JSON text produced by the core to `JSON.parse`.
fn from_json(text: &str) -> Result<JsValue> {
    JSON::parse(text).map_err(|_| {
        Error::new(
            ErrorKind::InvalidConfig,
            "",
            "internal error: the result is not valid JSON",
        )
    })
}

/// Runs one facade call and converts its outcome for JS.
fn call(result: Result<String>) -> JsResult {
    result
        .and_then(|text| from_json(&text))
        .map_err(|e| to_js_error(&e))
}

/// Routing decision for one person under a policy: group, unit, reasons,
/// the rule trace and, for MODEL policies, probability, contributions and
/// counterfactuals.
///
/// `options`: `{ policy?: "<id>" | Policy, model?: Model, on?: "YYYY-MM-DD" }`;
/// omitted or `null` takes the policy in force on the registration day.
///
/// # Errors
/// Throws a `VeivalgError` (`kind`, `path`, `message`) for bad input.
#[cfg(feature = "person")]
#[wasm_bindgen(js_name = decide, unchecked_return_type = "Decision")]
pub fn decide(
    #[wasm_bindgen(unchecked_param_type = "Person")] person: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "DecideOptions | null")] options: Option<
        JsValue,
    >,
) -> JsResult {
    call(record_text(&person, "person").and_then(|p| api::decide(&p, &options_text(options)?)))
}

/// The 2018 rule tree and its revisions on one person, with the trace.
///
/// `options`: `{ ruleset?: "<id>" | Ruleset, on?: "YYYY-MM-DD" }`.
///
/// # Errors
/// Throws a `VeivalgError` for bad input.
#[cfg(feature = "person")]
#[wasm_bindgen(js_name = ruleTree, unchecked_return_type = "RuleTreeResult")]
pub fn rule_tree(
    #[wasm_bindgen(unchecked_param_type = "Person")] person: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "RuleTreeOptions | null")] options: Option<
        JsValue,
    >,
) -> JsResult {
    call(record_text(&person, "person").and_then(|p| api::rule_tree(&p, &options_text(options)?)))
}

/// A person scored by a model, without routing: probability, logit,
/// exact additive contributions and the waterfall.
///
/// `options`: `{ model?: "<id>" | Model }` (default: the first shipped model).
///
/// # Errors
/// Throws a `VeivalgError`; `NOT_FOUND` for an unknown model.
#[cfg(feature = "person")]
#[wasm_bindgen(js_name = score, unchecked_return_type = "ScoredPerson")]
pub fn score(
    #[wasm_bindgen(unchecked_param_type = "Person")] person: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ScoreOptions | null")] options: Option<JsValue>,
) -> JsResult {
    call(record_text(&person, "person").and_then(|p| api::score(&p, &options_text(options)?)))
}

/// Outcome label (STABLE_WORK, IN_AND_OUT, WITHOUT_WORK) from the wages in
/// the 12 months after registration (report Tabell 3).
///
/// # Errors
/// Throws a `VeivalgError`; fewer than 12 complete months is
/// `INSUFFICIENT_DATA`.
#[cfg(feature = "person")]
#[wasm_bindgen(js_name = labelOutcome, unchecked_return_type = "OutcomeLabel")]
pub fn label_outcome(
    #[wasm_bindgen(unchecked_param_type = "LabelInput | Person")] input: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "LabelOutcomeOptions | null")] options: Option<
        JsValue,
    >,
) -> JsResult {
    call(record_text(&input, "input").and_then(|i| api::label_outcome(&i, &options_text(options)?)))
}

/// Monthly wage history before registration, in NOK and in G, oldest first.
///
/// `options`: `{ months?: 24, grunnbelop?: GEntry[] }`.
///
/// # Errors
/// Throws a `VeivalgError` for bad input.
#[cfg(feature = "person")]
#[wasm_bindgen(js_name = wageHistory, unchecked_return_type = "Array<MonthlyWage>")]
pub fn wage_history(
    #[wasm_bindgen(unchecked_param_type = "Person")] person: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "HistoryOptions | null")] options: Option<
        JsValue,
    >,
) -> JsResult {
    call(
        record_text(&person, "person").and_then(|p| api::wage_history(&p, &options_text(options)?)),
    )
}

/// The person's inputs as the routing methods see them.
///
/// # Errors
/// Throws a `VeivalgError` for bad input.
#[cfg(feature = "person")]
#[wasm_bindgen(js_name = features, unchecked_return_type = "Features")]
pub fn features(#[wasm_bindgen(unchecked_param_type = "Person")] person: JsValue) -> JsResult {
    call(record_text(&person, "person").and_then(|p| api::features(&p)))
}

/// The shipped routing policies (in force and proposals).
///
/// # Errors
/// Throws only if the shipped data is broken (a bug).
#[cfg(feature = "person")]
#[wasm_bindgen(js_name = policies, unchecked_return_type = "Array<Policy>")]
pub fn policies() -> JsResult {
    call(Ok(api::policies()))
}

/// The shipped models.
///
/// # Errors
/// Throws only if the shipped data is broken (a bug).
#[cfg(feature = "person")]
#[wasm_bindgen(js_name = models, unchecked_return_type = "Array<Model>")]
pub fn models() -> JsResult {
    call(Ok(api::models()))
}

/// The shipped rulesets (dated versions of the rule tree), oldest first.
///
/// # Errors
/// Throws only if the shipped data is broken (a bug).
#[cfg(feature = "person")]
#[wasm_bindgen(js_name = rulesets, unchecked_return_type = "Array<Ruleset>")]
pub fn rulesets() -> JsResult {
    call(Ok(api::rulesets()))
}

/// The shipped G table (grunnbeløp), oldest first.
///
/// # Errors
/// Throws only if the shipped data is broken (a bug).
#[cfg(feature = "person")]
#[wasm_bindgen(js_name = grunnbelop, unchecked_return_type = "Array<GEntry>")]
pub fn grunnbelop() -> JsResult {
    call(Ok(api::grunnbelop()))
}

/// The library version (the crate version, e.g. `"0.1.0"`).
#[wasm_bindgen(js_name = version)]
pub fn version() -> String {
    String::from(env!("CARGO_PKG_VERSION"))
}

/// A cohort held in wasm memory, with the rankings built on it: moving a
/// cut-off or a share costs a binary search and the tables, and crosses
/// the JS boundary as a small options object, never as rows.
#[cfg(feature = "cohort")]
#[wasm_bindgen]
pub struct Cohort {
    session: CohortSession,
}

#[cfg(feature = "cohort")]
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
        json_text(&rows, "rows", "", MAX_COHORT_BYTES)
            .and_then(|r| CohortSession::from_records_json(&r, &options_text(options)?))
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
        call(required_text(&options, "options").and_then(|o| self.session.evaluate(&o)))
    }

    /// Fits a model to the cohort: `{ id, target, features, … }`; returns
    /// the model file.
    ///
    /// # Errors
    /// Throws a `VeivalgError` with paths `spec.…`.
    #[wasm_bindgen(js_name = fit, unchecked_return_type = "Model")]
    pub fn fit(&self, #[wasm_bindgen(unchecked_param_type = "FitSpec")] spec: JsValue) -> JsResult {
        call(required_text(&spec, "spec").and_then(|s| self.session.fit(&s)))
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
        required_text(&options, "options")
            .and_then(|o| self.session.threshold_for_share_json(&o))
            .map_err(|e| to_js_error(&e))
    }

    /// Rows, source, ruleset and outcome shares.
    ///
    /// # Errors
    /// Throws only on an internal error.
    #[wasm_bindgen(js_name = summary, unchecked_return_type = "CohortSummary")]
    pub fn summary(&self) -> JsResult {
        call(self.session.summary_json())
    }
}
