//! The options of the typed API ([`super::decide`], [`super::score`], …):
//! public serde types, so a Rust caller builds them directly and the text
//! facade and the wasm package read them from JSON (camelCase, unknown
//! fields refused).

use crate::domain::calendar::Date;
use crate::domain::grunnbelop::{GBeyondTable, GEntry};
use crate::domain::outcome::{Boundary, MonthOne, RuleB};
use crate::model::Model;
use crate::routing::policy::Policy;
use crate::rules::ruletree::Ruleset;
use crate::wire::IdOr;
use serde::Deserialize;

/// Options of `decide` (and, less `model`, of `explain`).
///
/// # Example
/// ```
/// use veivalg::api::DecideOptions;
/// let o: DecideOptions = veivalg::wire::parse(r#"{"policy": "variant-a", "on": "2025-06-01"}"#).unwrap();
/// assert!(o.model.is_none());
/// ```
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(optional_fields = nullable))]
pub struct DecideOptions {
    /// A policy by id or as an object (default: the one in force on `on`).
    #[serde(default)]
    #[cfg_attr(test, ts(as = "Option<crate::ts::IdOr<Policy>>"))]
    pub policy: Option<IdOr<Policy>>,
    /// A model a MODEL policy may name (added to the shipped ones, or
    /// replacing the shipped one with the same id).
    #[serde(default)]
    pub model: Option<Model>,
    /// Take the policy in force on this day (default: the registration day).
    #[serde(default)]
    pub on: Option<Date>,
    /// Another G table (default: the shipped one): needed for model inputs
    /// of registrations after the table's last month.
    #[serde(default)]
    pub grunnbelop: Option<Vec<GEntry>>,
    /// What a month after the G table's last month gets: an error
    /// (`ERROR`, the default) or the latest G in the table (`LATEST`, and
    /// the output says which months used it).
    #[serde(default)]
    #[cfg_attr(test, ts(as = "Option<GBeyondTable>", optional))]
    pub g_beyond_table: GBeyondTable,
}

/// Options of `ruleTree`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(optional_fields = nullable))]
pub struct RuleTreeOptions {
    /// A ruleset by id or as an object (default: the one in force on `on`).
    #[serde(default)]
    #[cfg_attr(test, ts(as = "Option<crate::ts::IdOr<Ruleset>>"))]
    pub ruleset: Option<IdOr<Ruleset>>,
    /// Take the ruleset in force on this day (default: the registration day).
    #[serde(default)]
    pub on: Option<Date>,
}

/// Options of `score`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(optional_fields = nullable))]
pub struct ScoreOptions {
    /// A model by id or as an object (default: the first shipped model).
    #[serde(default)]
    #[cfg_attr(test, ts(as = "Option<crate::ts::IdOr<Model>>"))]
    pub model: Option<IdOr<Model>>,
    /// Another G table (default: the shipped one).
    #[serde(default)]
    pub grunnbelop: Option<Vec<GEntry>>,
    /// What a month after the G table gets (`ERROR`, the default, or
    /// `LATEST`), as in `decide`.
    #[serde(default)]
    #[cfg_attr(test, ts(as = "Option<GBeyondTable>", optional))]
    pub g_beyond_table: GBeyondTable,
}

/// Options of `labelOutcome`: each decision of the labelling, with the
/// report's choice as the default.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(optional_fields = nullable))]
pub struct LabelOutcomeOptions {
    /// Which month is month 1 (default `NEXT_MONTH`).
    #[serde(default)]
    #[cfg_attr(test, ts(as = "Option<MonthOne>", optional))]
    pub month_one: MonthOne,
    /// Rule B's window (default `FIVE_OF_MONTHS_6_TO_12`).
    #[serde(default)]
    #[cfg_attr(test, ts(as = "Option<RuleB>", optional))]
    pub rule_b: RuleB,
    /// "Above 3G" strictly or inclusively (default `STRICT`).
    #[serde(default)]
    #[cfg_attr(test, ts(as = "Option<Boundary>", optional))]
    pub boundary: Boundary,
    /// Another G table (default: the shipped one).
    #[serde(default)]
    pub grunnbelop: Option<Vec<GEntry>>,
    /// What a month after the G table gets (`ERROR`, the default, or
    /// `LATEST`), as in `decide`.
    #[serde(default)]
    #[cfg_attr(test, ts(as = "Option<GBeyondTable>", optional))]
    pub g_beyond_table: GBeyondTable,
}

/// Options of `wageHistory`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename = "HistoryOptions", optional_fields = nullable))]
pub struct HistoryOptions {
    /// Months before registration, 1–120 (default 24).
    #[serde(default = "default_months")]
    #[cfg_attr(test, ts(as = "Option<u32>", optional))]
    pub months: u32,
    /// Another G table (default: the shipped one).
    #[serde(default)]
    pub grunnbelop: Option<Vec<GEntry>>,
    /// What a month after the G table gets (`ERROR`, the default, or
    /// `LATEST`), as in `decide`.
    #[serde(default)]
    #[cfg_attr(test, ts(as = "Option<GBeyondTable>", optional))]
    pub g_beyond_table: GBeyondTable,
}

/// The counsellor chart's default: two years.
pub const DEFAULT_HISTORY_MONTHS: u32 = 24;

fn default_months() -> u32 {
    DEFAULT_HISTORY_MONTHS
}

impl Default for HistoryOptions {
    fn default() -> Self {
        HistoryOptions {
            months: DEFAULT_HISTORY_MONTHS,
            grunnbelop: None,
            g_beyond_table: GBeyondTable::default(),
        }
    }
}

/// Options of `explain`: those of `decide` (without `model`) and the
/// wage history's length.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(optional_fields = nullable))]
pub struct ExplainOptions {
    /// The policy the decision is made under, by id or as an object
    /// (default: the one in force on `on`). The shipped MODEL policies are
    /// always shown beside it.
    #[serde(default)]
    #[cfg_attr(test, ts(as = "Option<crate::ts::IdOr<Policy>>"))]
    pub policy: Option<IdOr<Policy>>,
    /// Take the policy in force on this day (default: the registration day).
    #[serde(default)]
    pub on: Option<Date>,
    /// Another G table (default: the shipped one).
    #[serde(default)]
    pub grunnbelop: Option<Vec<GEntry>>,
    /// What a month after the G table gets (`ERROR`, the default, or
    /// `LATEST`), as in `decide`.
    #[serde(default)]
    #[cfg_attr(test, ts(as = "Option<GBeyondTable>", optional))]
    pub g_beyond_table: GBeyondTable,
    /// Months of wage history before registration, 1–120 (default 24).
    #[serde(default = "default_months")]
    #[cfg_attr(test, ts(as = "Option<u32>", optional))]
    pub months: u32,
}

impl Default for ExplainOptions {
    fn default() -> Self {
        ExplainOptions {
            policy: None,
            on: None,
            grunnbelop: None,
            g_beyond_table: GBeyondTable::default(),
            months: DEFAULT_HISTORY_MONTHS,
        }
    }
}
