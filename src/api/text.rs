//! The typed API with JSON text in and out: each function reads the record
//! and its options (`null` or empty for the defaults) with
//! [`crate::wire::parse`] and writes the answer as compact JSON. Errors in
//! the options carry the path `options.…`.
//!
//! # Example
//! ```
//! let person = r#"{"registeredOn": "2025-03-14", "birthDate": "1979-06-02",
//!   "answers": {"situation": "MISTET_JOBBEN", "education": "HOYERE_UTDANNING_1_TIL_4",
//!     "educationApproved": "JA", "educationPassed": "JA",
//!     "healthObstacles": "NEI", "otherObstacles": "NEI"},
//!   "employment": [{"start": "2020-01-01", "end": null}]}"#;
//! let out = veivalg::api::text::decide(person, "null").unwrap();
//! assert!(out.contains(r#""group":"ANTATT_GODE_MULIGHETER","unit":"NOE""#));
//! let err = veivalg::api::text::decide(person, r#"{"policy": "noe-1999"}"#).unwrap_err();
//! assert_eq!((err.kind.as_str(), err.path.as_str()), ("NOT_FOUND", "options.policy"));
//! ```

use super::LabelSource;
use crate::domain::person::Person;
use crate::error::Result;
use crate::wire;
use serde::de::DeserializeOwned;

/// Options from JSON text: empty or `null` are the defaults; errors get
/// the path prefix `options`.
///
/// # Errors
/// As [`wire::parse`], with paths `options.…`.
pub fn options<T: DeserializeOwned + Default>(text: &str) -> Result<T> {
    let text = text.trim();
    if text.is_empty() || text == "null" {
        return Ok(T::default());
    }
    wire::parse::<T>(text).map_err(|e| e.at("options"))
}

/// [`super::decide`] on JSON text.
///
/// # Errors
/// Those of [`Person::from_json`], [`options`] and [`super::decide`].
pub fn decide(person: &str, options_json: &str) -> Result<String> {
    let person = Person::from_json(person)?;
    Ok(wire::to_string(&super::decide(
        &person,
        &options(options_json)?,
    )?))
}

/// [`super::explain`] on JSON text.
///
/// # Errors
/// As [`decide`].
pub fn explain(person: &str, options_json: &str) -> Result<String> {
    let person = Person::from_json(person)?;
    Ok(wire::to_string(&super::explain(
        &person,
        &options(options_json)?,
    )?))
}

/// [`super::rule_tree`] on JSON text.
///
/// # Errors
/// As [`decide`].
pub fn rule_tree(person: &str, options_json: &str) -> Result<String> {
    let person = Person::from_json(person)?;
    Ok(wire::to_string(&super::rule_tree(
        &person,
        &options(options_json)?,
    )?))
}

/// [`super::score`] on JSON text.
///
/// # Errors
/// As [`decide`].
pub fn score(person: &str, options_json: &str) -> Result<String> {
    let person = Person::from_json(person)?;
    Ok(wire::to_string(&super::score(
        &person,
        &options(options_json)?,
    )?))
}

/// [`super::label_outcome`] on JSON text: `{registeredOn, wages,
/// wagesThrough?}` or a whole person.
///
/// # Errors
/// As [`decide`].
pub fn label_outcome(input: &str, options_json: &str) -> Result<String> {
    let opts = options(options_json)?;
    let input = wire::parse::<LabelSource>(input)?.into_input();
    Ok(wire::to_string(&super::label_outcome(&input, &opts)?))
}

/// [`super::wage_history`] on JSON text.
///
/// # Errors
/// As [`decide`].
pub fn wage_history(person: &str, options_json: &str) -> Result<String> {
    let person = Person::from_json(person)?;
    Ok(wire::to_string(&super::wage_history(
        &person,
        &options(options_json)?,
    )?))
}

/// [`super::features`] on JSON text.
///
/// # Errors
/// As [`decide`].
pub fn features(person: &str) -> Result<String> {
    let person = Person::from_json(person)?;
    Ok(wire::to_string(&super::features(&person)?))
}

/// The shipped routing policies as a JSON array.
pub fn policies() -> String {
    wire::to_string(super::policies())
}

/// The shipped rulesets as a JSON array.
pub fn rulesets() -> String {
    wire::to_string(super::rulesets())
}

/// The shipped models as a JSON array.
pub fn models() -> String {
    wire::to_string(super::models())
}

/// The shipped G table as a JSON array.
pub fn grunnbelop() -> String {
    wire::to_string(super::grunnbelop())
}
