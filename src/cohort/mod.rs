//! A cohort: many registrations with known outcomes, in a compact
//! column-friendly form for evaluation and fitting.
//!
//! A [`CohortRow`] keeps only what the routing methods and the evaluation
//! need — the model inputs, the routing overrides, the rule-tree group, the
//! outcome and the columns for group metrics — about 24 bytes a row, so a
//! cohort of 100 000 rows fits in a few megabytes (also in wasm).

pub mod curve;
pub mod defaults;
pub mod evaluate;
pub mod fairness;
pub mod file;
pub mod model_card;
pub mod report;
pub mod session;
pub mod synthetic;

use crate::domain::calendar::Date;
use crate::domain::form::{Education, Situation, YesNoUnknown};
use crate::domain::outcome::{self, LabelOptions, Outcome};
use crate::domain::person::Person;
use crate::domain::wages;
use crate::error::Result;
use crate::routing::catalog::Catalog;
use crate::rules::ruletree::{self, Group, Ruleset};
use crate::vocab::vocabulary;
use serde::{Deserialize, Serialize};

vocabulary! {
    /// Gender, for group metrics only (never a model input).
    pub enum Gender {
        /// Female.
        Female = "FEMALE",
        /// Male.
        Male = "MALE",
    }
}

/// One registration of a cohort, reduced to what evaluation needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CohortRow {
    /// Day of registration.
    pub registered_on: Date,
    /// Age in whole years at registration (capped at 255).
    pub age: u8,
    /// Model input: form question 1.
    pub situation: Situation,
    /// Model input: months since the last month above 3G (`None` = never in 36 months).
    #[serde(rename = "monthsSinceAbove3G")]
    pub months_since_above_3g: Option<u8>,
    /// Model input: months above 3G of the 24 before registration.
    #[serde(rename = "monthsAbove3GLast24")]
    pub months_above_3g_last_24: u8,
    /// Form question 3 (not a model input for ages 30+; kept for analysis).
    pub education: Education,
    /// Form question 4.
    pub health_obstacles: YesNoUnknown,
    /// Form question 5.
    pub other_obstacles: YesNoUnknown,
    /// Single parent.
    pub single_parent: bool,
    /// Reserved against digital communication.
    pub digital_reservation: bool,
    /// Strictly confidential address or shielded person.
    pub sensitive: bool,
    /// Rule-tree group under the cohort's ruleset.
    pub group: Group,
    /// Outcome over the 12 months after registration.
    pub outcome: Outcome,
    /// The counsellor's 14a decision, where known: `true` = standard.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub counsellor_standard: Option<bool>,
    /// Gender, where known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gender: Option<Gender>,
    /// Born abroad, where known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub born_abroad: Option<bool>,
}

/// Extra columns of a row that the registration itself does not hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct RowExtras {
    /// The counsellor's 14a decision: `true` = standard.
    pub counsellor_standard: Option<bool>,
    /// Gender.
    pub gender: Option<Gender>,
    /// Born abroad.
    pub born_abroad: Option<bool>,
    /// A known outcome; when `None` it is computed from the wages after
    /// registration by [`outcome::label`].
    pub outcome: Option<Outcome>,
}

impl CohortRow {
    /// Reduces a registration to a row: the wage features, the rule-tree
    /// group under `ruleset` and the outcome label are **computed** here by
    /// the same code that serves single decisions, never taken on trust.
    ///
    /// # Errors
    /// `INSUFFICIENT_DATA` when the outcome must be computed and the wages
    /// do not cover 12 months after registration, or the G table does not
    /// cover a month.
    pub fn from_person(
        person: &Person,
        extras: RowExtras,
        ruleset: &Ruleset,
        catalog: &Catalog,
    ) -> Result<CohortRow> {
        let history = wages::WageHistory::new(&person.wages);
        let w = wages::wage_features_of(&history, person.registration_month(), catalog.g())?;
        let outcome = match extras.outcome {
            Some(o) => o,
            None => outcome::outcome_of(
                person.registered_on,
                &history,
                person.wages_through,
                LabelOptions::default(),
                catalog.g(),
            )?,
        };
        let a = &person.answers;
        Ok(CohortRow {
            registered_on: person.registered_on,
            age: u8::try_from(person.age).unwrap_or(u8::MAX),
            situation: a.situation,
            months_since_above_3g: w.months_since_above_3g.map(|m| m as u8),
            months_above_3g_last_24: w.months_above_3g_last_24 as u8,
            education: a.education,
            health_obstacles: a.health_obstacles,
            other_obstacles: a.other_obstacles,
            single_parent: person.single_parent,
            digital_reservation: person.digital_reservation,
            sensitive: person.sensitive,
            group: ruletree::group(person, ruleset),
            outcome,
            counsellor_standard: extras.counsellor_standard,
            gender: extras.gender,
            born_abroad: extras.born_abroad,
        })
    }
}

/// A cohort of rows, with where it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Cohort {
    /// The rows, in a fixed order (ties at a cut-off are broken by it).
    pub rows: Vec<CohortRow>,
    /// Ruleset the `group` column was computed with.
    pub ruleset: String,
    /// Whether the rows are synthetic (every output about them says so).
    pub synthetic: bool,
    /// A short description of the source (`synthetic-v1, seed 1, 100000 rows`).
    pub source: String,
    /// Records of the file that were skipped (none for a synthetic cohort
    /// or one made from records in memory, which fail whole).
    pub rejected: file::Rejected,
}

/// One record of a cohort file (JSON Lines or a JSON array): a registration
/// with what is known after it.
///
/// ```json
/// {"synthetic": true, "person": {…}, "counsellorStandard": true, "gender": "FEMALE", "bornAbroad": false}
/// ```
/// Without `outcome`, the outcome is computed from the person's wages after
/// registration (which then must cover 12 months).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(optional_fields = nullable))]
pub struct CohortRecord {
    /// Whether the record is synthetic. Synthetic records say so.
    #[serde(default)]
    #[cfg_attr(test, ts(as = "Option<_>", optional))]
    pub synthetic: bool,
    /// The registration.
    #[cfg_attr(test, ts(as = "crate::domain::person::PersonInput"))]
    pub person: Person,
    /// A known outcome, if not to be computed from wages.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional = nullable))]
    pub outcome: Option<Outcome>,
    /// The counsellor's 14a decision: `true` = standard.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional = nullable))]
    pub counsellor_standard: Option<bool>,
    /// Gender, for group metrics.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional = nullable))]
    pub gender: Option<Gender>,
    /// Born abroad, for group metrics.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional = nullable))]
    pub born_abroad: Option<bool>,
}

/// Largest cohort accepted as one JSON text (256 MiB).
pub const MAX_COHORT_BYTES: usize = 256 << 20;

impl Cohort {
    /// A cohort from records, with groups under `ruleset`. The cohort is
    /// synthetic if every record says so; mixing synthetic and real records
    /// is refused.
    ///
    /// # Errors
    /// Errors of [`CohortRow::from_person`] with the path `[i]…`;
    /// `INCONSISTENT` for a mix of synthetic and real records;
    /// `INSUFFICIENT_DATA` for no records.
    pub fn from_records(
        records: &[CohortRecord],
        ruleset: &Ruleset,
        catalog: &Catalog,
        source: &str,
    ) -> Result<Cohort> {
        if records.is_empty() {
            return Err(crate::Error::new(
                crate::ErrorKind::InsufficientData,
                "",
                "a cohort needs at least one record",
            ));
        }
        let synthetic = records[0].synthetic;
        let mut rows = Vec::with_capacity(records.len());
        for (i, r) in records.iter().enumerate() {
            if r.synthetic != synthetic {
                return Err(crate::Error::new(
                    crate::ErrorKind::Inconsistent,
                    format!("[{i}].synthetic"),
                    "a cohort is either synthetic or real: records disagree",
                ));
            }
            let extras = RowExtras {
                counsellor_standard: r.counsellor_standard,
                gender: r.gender,
                born_abroad: r.born_abroad,
                outcome: r.outcome,
            };
            rows.push(
                CohortRow::from_person(&r.person, extras, ruleset, catalog)
                    .map_err(|e| e.at(&format!("[{i}].person")))?,
            );
        }
        Ok(Cohort {
            rows,
            ruleset: ruleset.id.clone(),
            synthetic,
            source: format!("{source}{}", if synthetic { " (synthetic)" } else { "" }),
            rejected: file::Rejected::default(),
        })
    }

    /// A cohort from a JSON array of [`CohortRecord`]s.
    ///
    /// # Errors
    /// Parse errors with paths like `[12].person.answers.situation`, and the
    /// errors of [`Cohort::from_records`].
    pub fn from_json(
        text: &str,
        ruleset: &Ruleset,
        catalog: &Catalog,
        source: &str,
    ) -> Result<Cohort> {
        let records: Vec<CohortRecord> = crate::wire::parse_limited(text, MAX_COHORT_BYTES)?;
        Cohort::from_records(&records, ruleset, catalog, source)
    }

    /// Shares of the three outcomes, in [`Outcome::ALL`] order.
    pub fn outcome_shares(&self) -> [f64; 3] {
        let mut c = [0.0; 3];
        for r in &self.rows {
            c[r.outcome.index()] += 1.0;
        }
        let n = self.rows.len().max(1) as f64;
        [c[0] / n, c[1] / n, c[2] / n]
    }
}
