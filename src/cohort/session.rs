//! A cohort held in memory with the rankings built on it, answering JSON
//! options with JSON text. The wasm `Cohort` class and `veivalg evaluate`
//! both use it, so a slider move in a page costs a binary search, not a
//! re-scoring.

use crate::cohort::evaluate::{
    difference, evaluate_fixed, Evaluation, Fixed, GroupColumn, Ranking, DEFAULT_MONTHLY_VOLUME,
};
use crate::cohort::synthetic::SyntheticBuilder;
use crate::cohort::Cohort;
use crate::error::{Error, ErrorKind, Result};
use crate::fit::{fit, CellCounts, FitSpec};
use crate::model::Model;
use crate::routing::catalog::Catalog;
use crate::routing::policy::{Method, Policy};
use crate::rules::ruletree::Ruleset;
use crate::vocab::vocabulary;
use crate::wire::IdOr;
use serde::{Deserialize, Serialize};

vocabulary! {
    /// Methods evaluated without a policy (report Tabell 5).
    pub enum FixedMethod {
        /// The rule tree's profile: standard vs not.
        RuleTreeGroup = "RULE_TREE_GROUP",
        /// The counsellors' 14a decisions.
        Counsellor = "COUNSELLOR",
    }
}

fn default_volume() -> f64 {
    DEFAULT_MONTHLY_VOLUME
}

/// Options of [`CohortSession::evaluate`] (JSON, camelCase).
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(optional_fields = nullable))]
pub struct EvaluateOptions {
    /// `RULE_TREE_GROUP` or `COUNSELLOR` (instead of a policy).
    #[serde(default)]
    pub method: Option<FixedMethod>,
    /// A policy id or object.
    #[serde(default)]
    #[cfg_attr(
        test,
        ts(as = "Option<crate::ts::IdOr<crate::routing::policy::Policy>>")
    )]
    pub policy: Option<IdOr<Policy>>,
    /// A model object a MODEL policy may name (adds to the shipped ones).
    #[serde(default)]
    pub model: Option<Model>,
    /// MODEL: send this share of the cohort to NOE.
    #[serde(default)]
    pub share: Option<f64>,
    /// MODEL: use this probability cut-off.
    #[serde(default)]
    pub cutoff: Option<f64>,
    /// Registrants per month for the per-month columns (default 9 000).
    #[serde(default = "default_volume")]
    #[cfg_attr(test, ts(as = "Option<_>", optional))]
    pub monthly_volume: f64,
    /// Group columns for group metrics (default: all).
    #[serde(default)]
    pub group_columns: Option<Vec<GroupColumn>>,
    /// Another evaluation to report the difference to.
    #[serde(default)]
    pub compare_to: Option<Box<EvaluateOptions>>,
}

impl Default for EvaluateOptions {
    fn default() -> EvaluateOptions {
        EvaluateOptions {
            method: None,
            policy: None,
            model: None,
            share: None,
            cutoff: None,
            monthly_volume: default_volume(),
            group_columns: None,
            compare_to: None,
        }
    }
}

/// An evaluation, with the one it was compared to and the difference.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(optional_fields))]
pub struct EvaluationResult {
    /// The evaluation asked for.
    #[serde(flatten)]
    pub evaluation: Evaluation,
    /// `compareTo`, evaluated.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub compared_to: Option<Box<Evaluation>>,
    /// `evaluation − comparedTo`, per month.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub difference: Option<crate::cohort::evaluate::Difference>,
}

/// A cohort in memory and the rankings made on it.
#[derive(Debug, Clone)]
pub struct CohortSession {
    cohort: Cohort,
    rankings: Vec<(String, Ranking)>,
}

/// Summary of a cohort.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct CohortSummary {
    /// Rows.
    pub rows: usize,
    /// Whether synthetic.
    pub synthetic: bool,
    /// Where it came from.
    pub source: String,
    /// Ruleset of the group column.
    pub ruleset: String,
    /// Outcome shares: stable, in and out, without.
    pub outcome_shares: [f64; 3],
    /// Rows with a counsellor's 14a decision (`counsellorStandard`).
    pub counsellor_rows: usize,
    /// Whether every row has one, so that the counsellors' column
    /// (`{ method: "COUNSELLOR" }`) can be evaluated.
    pub counsellor: bool,
    /// The group columns the cohort has (gender and born abroad only when
    /// some row gives them).
    pub group_columns: Vec<GroupColumn>,
    /// Records of the file that were skipped: how many, and the first 100
    /// (`{ line, kind, path, message }`).
    pub rejected: crate::cohort::file::Rejected,
}

impl CohortSession {
    /// Holds a cohort.
    pub fn new(cohort: Cohort) -> CohortSession {
        CohortSession {
            cohort,
            rankings: Vec::new(),
        }
    }

    /// The cohort.
    pub fn cohort(&self) -> &Cohort {
        &self.cohort
    }

    /// Rows, source, outcome shares, the counsellors' column, the group
    /// columns present and the records skipped.
    pub fn summary(&self) -> CohortSummary {
        let rows = &self.cohort.rows;
        let counsellor_rows = rows
            .iter()
            .filter(|r| r.counsellor_standard.is_some())
            .count();
        let group_columns = GroupColumn::ALL
            .iter()
            .copied()
            .filter(|c| match c {
                GroupColumn::Gender => rows.iter().any(|r| r.gender.is_some()),
                GroupColumn::BornAbroad => rows.iter().any(|r| r.born_abroad.is_some()),
                _ => true,
            })
            .collect();
        CohortSummary {
            rows: rows.len(),
            synthetic: self.cohort.synthetic,
            source: self.cohort.source.clone(),
            ruleset: self.cohort.ruleset.clone(),
            outcome_shares: self.cohort.outcome_shares(),
            counsellor_rows,
            counsellor: counsellor_rows == rows.len() && !rows.is_empty(),
            group_columns,
            rejected: self.cohort.rejected.clone(),
        }
    }

    /// The shipped catalog, with the caller's model (checked) when given.
    fn catalog_with(model: Option<&Model>) -> Result<Catalog> {
        let shipped = Catalog::shipped().clone();
        match model {
            Some(m) => {
                m.check().map_err(|e| e.at("model"))?;
                Ok(shipped.with_model(m.clone()))
            }
            None => Ok(shipped),
        }
    }

    /// The policy named or given, checked against the catalog.
    fn policy_of(choice: &IdOr<Policy>, catalog: &Catalog) -> Result<Policy> {
        let policy = match choice {
            IdOr::Id(id) => catalog.policy(id).map_err(|e| e.at("policy"))?.clone(),
            IdOr::Value(p) => (**p).clone(),
        };
        catalog.check_policy(&policy).map_err(|e| e.at("policy"))?;
        Ok(policy)
    }

    fn evaluate_one(&mut self, o: &EvaluateOptions) -> Result<Evaluation> {
        let catalog = CohortSession::catalog_with(o.model.as_ref())?;
        let columns = o
            .group_columns
            .clone()
            .unwrap_or_else(|| GroupColumn::ALL.to_vec());
        match (&o.method, &o.policy) {
            (Some(_), Some(_)) => Err(Error::new(
                ErrorKind::InvalidValue,
                "method",
                "give `method` or `policy`, not both",
            )),
            (None, None) => Err(Error::new(
                ErrorKind::MissingField,
                "policy",
                "give a `policy` (id or object) or a `method` (RULE_TREE_GROUP, COUNSELLOR)",
            )),
            (Some(m), None) => {
                if o.share.is_some() || o.cutoff.is_some() {
                    return Err(Error::new(
                        ErrorKind::InvalidValue,
                        "share",
                        "`share` and `cutoff` apply to MODEL policies only",
                    ));
                }
                let fixed = match m {
                    FixedMethod::RuleTreeGroup => Fixed::RuleTreeGroup,
                    FixedMethod::Counsellor => Fixed::Counsellor,
                };
                evaluate_fixed(&self.cohort, fixed, &catalog, o.monthly_volume, &columns)
            }
            (None, Some(p)) => {
                let policy = CohortSession::policy_of(p, &catalog)?;
                match policy.method {
                    Method::RuleTree => {
                        if o.share.is_some() || o.cutoff.is_some() {
                            return Err(Error::new(
                                ErrorKind::InvalidValue,
                                "share",
                                "`share` and `cutoff` apply to MODEL policies only",
                            ));
                        }
                        evaluate_fixed(
                            &self.cohort,
                            Fixed::Policy(&policy),
                            &catalog,
                            o.monthly_volume,
                            &columns,
                        )
                    }
                    Method::Model => {
                        let volume = o.monthly_volume;
                        let (share, cutoff) = match (o.share, o.cutoff) {
                            (Some(_), Some(_)) => {
                                return Err(Error::new(
                                    ErrorKind::InvalidValue,
                                    "cutoff",
                                    "give `share` or `cutoff`, not both",
                                ))
                            }
                            // A policy's share is its intent; its cut-off serves
                            // single decisions (rows tied at it all go to NOE there).
                            (None, None) => (policy.share, policy.cutoff),
                            other => other,
                        };
                        let label = format!("policy {}", policy.id);
                        let r = ranking(&mut self.rankings, &self.cohort, &policy, &catalog)?;
                        let mut e = match (share, cutoff) {
                            (Some(s), _) => r.evaluate_share(&self.cohort, s, volume, &columns)?,
                            (None, Some(c)) => {
                                r.evaluate_cutoff(&self.cohort, c, volume, &columns)?
                            }
                            (None, None) => {
                                return Err(Error::new(
                                    ErrorKind::MissingField,
                                    "cutoff",
                                    "the policy has no cut-off or share; give one",
                                ))
                            }
                        };
                        e.label = label;
                        Ok(e)
                    }
                }
            }
        }
    }

    /// Evaluates a method on the cohort (see [`EvaluateOptions`]); returns
    /// an `Evaluation` as JSON text, with `comparedTo` and `difference` when
    /// `compareTo` is given.
    ///
    /// # Errors
    /// Errors name the option at fault (`options.share`, `options.policy.model`, …).
    pub fn evaluate(&mut self, options_json: &str) -> Result<String> {
        let o: EvaluateOptions = crate::wire::parse(options_json).map_err(|e| e.at("options"))?;
        Ok(crate::wire::to_string(
            &self.evaluate_options(&o).map_err(|e| e.at("options"))?,
        ))
    }

    /// [`CohortSession::evaluate`] on parsed options.
    ///
    /// # Errors
    /// As [`CohortSession::evaluate`], with paths relative to the options.
    pub fn evaluate_options(&mut self, o: &EvaluateOptions) -> Result<EvaluationResult> {
        let evaluation = self.evaluate_one(o)?;
        let (compared_to, difference) = match &o.compare_to {
            Some(other) => {
                let b = self.evaluate_one(other).map_err(|e| e.at("compareTo"))?;
                let d = difference(&evaluation, &b);
                (Some(Box::new(b)), Some(d))
            }
            None => (None, None),
        };
        Ok(EvaluationResult {
            evaluation,
            compared_to,
            difference,
        })
    }

    /// The cut-off of a MODEL policy that sends `share` of the cohort to NOE.
    ///
    /// # Errors
    /// `OUT_OF_RANGE` for a share outside (0, 1] or above what the policy's
    /// limits allow; errors of the policy and model.
    pub fn threshold_for_share(
        &mut self,
        policy: &IdOr<Policy>,
        model: Option<&Model>,
        share: f64,
    ) -> Result<f64> {
        let catalog = CohortSession::catalog_with(model)?;
        let policy = CohortSession::policy_of(policy, &catalog)?;
        if policy.method != Method::Model {
            return Err(Error::new(
                ErrorKind::InvalidValue,
                "policy.method",
                "a cut-off belongs to a MODEL policy",
            ));
        }
        ranking(&mut self.rankings, &self.cohort, &policy, &catalog)?.threshold_for_share(share)
    }

    /// Fits a model to the cohort (see [`crate::fit`]); returns the model
    /// file as JSON text.
    ///
    /// # Errors
    /// Errors of the spec (path `spec.…`) and of the fit.
    pub fn fit(&self, spec_json: &str) -> Result<String> {
        let spec: FitSpec = crate::wire::parse(spec_json).map_err(|e| e.at("spec"))?;
        Ok(crate::wire::to_string(&self.fit_spec(&spec)?.model))
    }

    /// [`CohortSession::fit`] on a parsed spec.
    ///
    /// # Errors
    /// As [`CohortSession::fit`].
    pub fn fit_spec(&self, spec: &FitSpec) -> Result<crate::fit::Fitted> {
        let names: Vec<_> = spec.features.iter().map(|f| f.name).collect();
        let inputs: Vec<_> = self
            .cohort
            .rows
            .iter()
            .map(crate::cohort::evaluate::row_input)
            .collect();
        let counts = CellCounts::new(
            &names,
            inputs
                .iter()
                .zip(&self.cohort.rows)
                .map(|(x, r)| (x, spec.target.event(r.outcome))),
        );
        fit(&counts, spec, &self.cohort.source, self.cohort.synthetic).map_err(|e| {
            // Errors about the data keep their `rows` path; errors about
            // the spec are placed inside it.
            if e.path.starts_with("rows") {
                e
            } else {
                e.at("spec")
            }
        })
    }
}

/// Options of `cohort.curve(options)` ([`CohortSession::curve`]):
/// `{ policy, model?, steps? }`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(optional_fields = nullable))]
pub struct CurveOptions {
    /// A MODEL policy, by id or as an object (its age band and overrides
    /// bound the curve; its own cut-off and share are not used).
    #[cfg_attr(test, ts(as = "crate::ts::IdOr<crate::routing::policy::Policy>"))]
    pub policy: IdOr<Policy>,
    /// A model object the policy may name (adds to the shipped ones).
    #[serde(default)]
    pub model: Option<Model>,
    /// Steps of share from 0 to 100 % (default 100: every 1 %), 1 to 1000.
    #[serde(default)]
    pub steps: Option<u32>,
}

/// Options of `cohort.fairness(options)` ([`CohortSession::fairness`]):
/// what to evaluate, as for `evaluate`, and which columns.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(optional_fields = nullable))]
pub struct FairnessOptions {
    /// `RULE_TREE_GROUP` or `COUNSELLOR` (instead of a policy).
    #[serde(default)]
    pub method: Option<FixedMethod>,
    /// A policy id or object.
    #[serde(default)]
    #[cfg_attr(
        test,
        ts(as = "Option<crate::ts::IdOr<crate::routing::policy::Policy>>")
    )]
    pub policy: Option<IdOr<Policy>>,
    /// A model object a MODEL policy may name.
    #[serde(default)]
    pub model: Option<Model>,
    /// MODEL: send this share of the cohort to NOE.
    #[serde(default)]
    pub share: Option<f64>,
    /// MODEL: use this probability cut-off.
    #[serde(default)]
    pub cutoff: Option<f64>,
    /// Group columns (default: all five; those the cohort lacks are left out).
    #[serde(default)]
    pub group_columns: Option<Vec<GroupColumn>>,
    /// Groups smaller than this are listed but not compared (default 30).
    #[serde(default)]
    pub min_group_size: Option<u64>,
}

/// Options of `cohort.modelCard(options)` ([`CohortSession::model_card`]): `{ model }`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ModelCardOptions {
    /// A shipped model's id, or a model object (one `fit` returned).
    #[cfg_attr(test, ts(as = "crate::ts::IdOr<crate::model::Model>"))]
    pub model: IdOr<Model>,
}

/// Options of `cohort.policyWithCutoff(options)`
/// ([`CohortSession::policy_with_cutoff`]): `{ policy, model?, share? |
/// cutoff?, id? }`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(optional_fields = nullable))]
pub struct PolicyCutoffOptions {
    /// The MODEL policy to start from, by id or as an object.
    #[cfg_attr(test, ts(as = "crate::ts::IdOr<crate::routing::policy::Policy>"))]
    pub policy: IdOr<Policy>,
    /// A model object; the policy then names it (`model: <its id>`).
    #[serde(default)]
    pub model: Option<Model>,
    /// The share of this cohort to send to NOE: the policy gets it and the
    /// cut-off that sends it.
    #[serde(default)]
    pub share: Option<f64>,
    /// A probability cut-off in (0, 1): the policy gets it, and no share.
    #[serde(default)]
    pub cutoff: Option<f64>,
    /// A new id for the policy (default: the one it starts from).
    #[serde(default)]
    pub id: Option<String>,
}

impl CohortSession {
    /// A MODEL policy and its catalog, for the calls that rank.
    fn model_policy(policy: &IdOr<Policy>, model: Option<&Model>) -> Result<(Policy, Catalog)> {
        let catalog = CohortSession::catalog_with(model)?;
        let policy = CohortSession::policy_of(policy, &catalog)?;
        if policy.method != Method::Model {
            return Err(Error::new(
                ErrorKind::InvalidValue,
                "policy.method",
                "this needs a MODEL policy (a model ranks the cohort)",
            ));
        }
        Ok((policy, catalog))
    }

    /// Accuracy and the outcomes of those sent to NOE at every share from
    /// 0 to 100 % (see [`crate::cohort::curve`]).
    ///
    /// # Errors
    /// `OUT_OF_RANGE` (path `steps`) outside 1–1000; `INVALID_VALUE` (path
    /// `policy.method`) for a policy that is not MODEL; errors of the policy
    /// and model.
    pub fn curve(&mut self, o: &CurveOptions) -> Result<crate::cohort::curve::Curve> {
        let steps = o.steps.unwrap_or(crate::cohort::curve::DEFAULT_STEPS);
        if !(1..=crate::cohort::curve::MAX_STEPS).contains(&steps) {
            return Err(Error::new(
                ErrorKind::OutOfRange,
                "steps",
                format!(
                    "steps must be 1–{}, got {steps}",
                    crate::cohort::curve::MAX_STEPS
                ),
            ));
        }
        let (policy, catalog) = CohortSession::model_policy(&o.policy, o.model.as_ref())?;
        let r = ranking(&mut self.rankings, &self.cohort, &policy, &catalog)?;
        Ok(crate::cohort::curve::curve(&self.cohort, r, steps))
    }

    /// Fairness by group of one evaluation (see [`crate::cohort::fairness`]).
    ///
    /// # Errors
    /// As [`CohortSession::evaluate`].
    pub fn fairness(&mut self, o: &FairnessOptions) -> Result<crate::cohort::fairness::Fairness> {
        let columns = o
            .group_columns
            .clone()
            .unwrap_or_else(|| GroupColumn::ALL.to_vec());
        let e = self.evaluate_one(&EvaluateOptions {
            method: o.method,
            policy: o.policy.clone(),
            model: o.model.clone(),
            share: o.share,
            cutoff: o.cutoff,
            group_columns: Some(columns.clone()),
            ..EvaluateOptions::default()
        })?;
        Ok(crate::cohort::fairness::fairness(
            &e,
            &columns,
            o.min_group_size
                .unwrap_or(crate::cohort::fairness::DEFAULT_MIN_GROUP_SIZE),
        ))
    }

    /// A model's card on the cohort: AUC, Brier score, calibration (see
    /// [`crate::cohort::model_card`]).
    ///
    /// # Errors
    /// `NOT_FOUND` (path `model`) for an unknown model id; the model's own
    /// checks; `INSUFFICIENT_DATA` for a cohort of one class.
    pub fn model_card(&self, o: &ModelCardOptions) -> Result<crate::cohort::model_card::ModelCard> {
        let model = match &o.model {
            IdOr::Id(id) => Catalog::shipped()
                .model(id)
                .map_err(|e| e.at("model"))?
                .clone(),
            IdOr::Value(m) => {
                m.check().map_err(|e| e.at("model"))?;
                (**m).clone()
            }
        };
        crate::cohort::model_card::model_card(&self.cohort, &model)
    }

    /// A MODEL policy with a cut-off chosen on this cohort — a policy file
    /// that `decide` and `veivalg evaluate --policy` take back. With
    /// `share`, the policy gets that share and the cut-off that sends it
    /// (`decide` uses the cut-off, a cohort evaluation the share); with
    /// `cutoff`, that cut-off and no share.
    ///
    /// # Errors
    /// `MISSING_FIELD` (path `share`) without a share or a cut-off;
    /// `INVALID_VALUE` (path `cutoff`) with both; `OUT_OF_RANGE` for a share
    /// outside (0, 1] or above what the policy lets go to NOE, or a cut-off
    /// outside (0, 1); errors of the policy and model.
    pub fn policy_with_cutoff(&mut self, o: &PolicyCutoffOptions) -> Result<Policy> {
        let (mut policy, catalog) = CohortSession::model_policy(&o.policy, o.model.as_ref())?;
        if let Some(m) = &o.model {
            policy.model = Some(m.id.clone());
        }
        match (o.share, o.cutoff) {
            (Some(_), Some(_)) => {
                return Err(Error::new(
                    ErrorKind::InvalidValue,
                    "cutoff",
                    "give `share` or `cutoff`, not both",
                ))
            }
            (None, None) => {
                return Err(Error::new(
                    ErrorKind::MissingField,
                    "share",
                    "give a `share` of the cohort to send to NOE, or a probability `cutoff`",
                ))
            }
            (Some(share), None) => {
                let r = ranking(&mut self.rankings, &self.cohort, &policy, &catalog)?;
                policy.cutoff = Some(r.threshold_for_share(share)?);
                policy.share = Some(share);
            }
            (None, Some(cutoff)) => {
                if !(cutoff > 0.0 && cutoff < 1.0) {
                    return Err(Error::new(
                        ErrorKind::OutOfRange,
                        "cutoff",
                        format!(
                            "a probability cut-off must lie strictly between 0 and 1, got {cutoff}"
                        ),
                    ));
                }
                policy.cutoff = Some(cutoff);
                policy.share = None;
            }
        }
        if let Some(id) = &o.id {
            policy.id = id.clone();
        }
        policy.source = format!(
            "{} Cut-off chosen on the cohort {}.",
            policy.source.trim_end(),
            self.cohort.source
        );
        catalog.check_policy(&policy)?;
        Ok(policy)
    }
}

/// The ranking for a MODEL policy: built once per model and policy limits,
/// then cached (at most eight).
fn ranking<'a>(
    rankings: &'a mut Vec<(String, Ranking)>,
    cohort: &Cohort,
    policy: &Policy,
    catalog: &Catalog,
) -> Result<&'a Ranking> {
    let model = catalog
        .model(policy.model.as_deref().unwrap_or_default())
        .map_err(|e| e.at("policy.model"))?;
    let mut limits = policy.clone();
    limits.cutoff = None;
    limits.share = None;
    let key = format!(
        "{}\u{1}{}",
        crate::wire::to_string(model),
        crate::wire::to_string(&limits)
    );
    let i = match rankings.iter().position(|(k, _)| *k == key) {
        Some(i) => i,
        None => {
            if rankings.len() >= 8 {
                rankings.clear();
            }
            rankings.push((key, Ranking::new(cohort, model, policy, catalog)?));
            rankings.len() - 1
        }
    };
    rankings
        .get(i)
        .map(|(_, r)| r)
        .ok_or_else(|| Error::new(ErrorKind::NotFound, "policy", "ranking not found"))
}

/// Options of [`CohortSession::synthetic`] and of a [`SyntheticBuilder`]
/// ([`SyntheticOptions::builder`]; `new SyntheticBuilder(options)` in JS):
/// `{"seed": 1, "size": 100000, "ages": "REPORT" | "WIDE"}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct SyntheticOptions {
    /// Seed: an integer from 0 to 2⁵³ − 1.
    pub seed: u64,
    /// Rows: 1 to 10 000 000.
    pub size: u64,
    /// Age range of the parameter file (default `REPORT`, ages 30–59).
    #[serde(default)]
    #[cfg_attr(test, ts(as = "Option<_>", optional))]
    pub ages: crate::cohort::synthetic::AgeRange,
}

impl SyntheticOptions {
    /// A builder of the cohort [`CohortSession::synthetic`] makes from these
    /// options, made a piece at a time (the shipped parameters,
    /// `synthetic-v1`); `CohortSession::new(builder.finish()?)` is that
    /// session.
    ///
    /// # Errors
    /// Those of [`CohortSession::synthetic`] for the same options:
    /// `OUT_OF_RANGE` (path `size` or `seed`) outside the limits of
    /// [`Cohort::synthetic`].
    ///
    /// # Example
    /// ```
    /// use veivalg::cohort::session::{CohortSession, SyntheticOptions};
    /// let o: SyntheticOptions = veivalg::wire::parse(r#"{"seed": 4, "size": 300}"#).unwrap();
    /// let mut builder = o.builder().unwrap();
    /// while builder.step(128).unwrap().rows < 300 {}
    /// let stepped = CohortSession::new(builder.finish().unwrap());
    /// let whole = CohortSession::synthetic(r#"{"seed": 4, "size": 300}"#).unwrap();
    /// assert_eq!(stepped.summary(), whole.summary());
    /// ```
    pub fn builder(&self) -> Result<SyntheticBuilder<'static>> {
        let size = crate::cohort::synthetic::size_from(self.size)?;
        let params = crate::cohort::synthetic::SyntheticParams::shipped()?;
        SyntheticBuilder::new(params, self.ages, self.seed, size)
    }
}

/// Options of [`CohortSession::from_records_json`].
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(optional_fields = nullable))]
pub struct RecordsOptions {
    /// Ruleset of the group column: an id or a ruleset object. Default: the
    /// ruleset in force on the earliest registration day of the records.
    #[serde(default)]
    #[cfg_attr(
        test,
        ts(as = "Option<crate::ts::IdOr<crate::rules::ruletree::Ruleset>>")
    )]
    pub ruleset: Option<IdOr<Ruleset>>,
    /// Where the records came from, for the summary (default `records`).
    #[serde(default)]
    pub source: Option<String>,
}

/// Options of [`CohortSession::threshold_for_share_json`]: `{"policy":
/// "<id>" | {policy object}, "model"?: {model object}, "share": 0.37}`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(optional_fields = nullable))]
pub struct ThresholdOptions {
    /// A MODEL policy, by id or as an object.
    #[cfg_attr(test, ts(as = "crate::ts::IdOr<crate::routing::policy::Policy>"))]
    pub policy: IdOr<Policy>,
    /// A model object the policy may name (adds to the shipped ones).
    #[serde(default)]
    pub model: Option<Model>,
    /// Share of the cohort to send to NOE, in (0, 1].
    pub share: f64,
}

impl CohortSession {
    /// A synthetic cohort from JSON options (see [`SyntheticOptions`] and
    /// [`Cohort::synthetic_with`]).
    ///
    /// # Errors
    /// Parse errors with the path of the option; `OUT_OF_RANGE` (path
    /// `size` or `seed`) outside the limits of [`Cohort::synthetic`].
    pub fn synthetic(options_json: &str) -> Result<CohortSession> {
        let o: SyntheticOptions = crate::wire::parse(options_json)?;
        // The builder stepped once: `Cohort::synthetic_with`'s way, from
        // the same checks as a JS `SyntheticBuilder`.
        let mut builder = o.builder()?;
        builder.step(u64::MAX)?;
        builder.finish().map(CohortSession::new)
    }

    /// A cohort from a JSON array of [`crate::cohort::CohortRecord`]s, with
    /// options (see [`RecordsOptions`]; `null` for the defaults).
    ///
    /// # Errors
    /// Parse errors with paths like `[12].person.answers.situation`; the
    /// errors of [`Cohort::from_records`]; errors in the options carry the
    /// path `options.…`.
    pub fn from_records_json(records_json: &str, options_json: &str) -> Result<CohortSession> {
        let trimmed = options_json.trim();
        let o: RecordsOptions = if trimmed.is_empty() || trimmed == "null" {
            RecordsOptions::default()
        } else {
            crate::wire::parse(options_json).map_err(|e| e.at("options"))?
        };
        let records: Vec<crate::cohort::CohortRecord> =
            crate::wire::parse_limited(records_json, crate::cohort::MAX_COHORT_BYTES)?;
        let catalog = Catalog::shipped();
        let ruleset = match &o.ruleset {
            Some(IdOr::Id(id)) => catalog.ruleset(id).map_err(|e| e.at("options.ruleset"))?,
            Some(IdOr::Value(r)) => {
                r.check().map_err(|e| e.at("options.ruleset"))?;
                r
            }
            None => {
                let first = records.iter().map(|r| r.person.registered_on).min();
                match first {
                    Some(day) => crate::rules::ruletree::in_force(catalog.rulesets(), day)
                        .map_err(|e| e.at("options.ruleset"))?,
                    None => {
                        return Err(Error::new(
                            ErrorKind::InsufficientData,
                            "",
                            "a cohort needs at least one record",
                        ))
                    }
                }
            }
        };
        let source = o.source.as_deref().unwrap_or("records");
        Cohort::from_records(&records, ruleset, catalog, source).map(CohortSession::new)
    }

    /// [`CohortSession::threshold_for_share`] with options as JSON text (see
    /// [`ThresholdOptions`]).
    ///
    /// # Errors
    /// As [`CohortSession::threshold_for_share`], with paths `options.…`.
    pub fn threshold_for_share_json(&mut self, options_json: &str) -> Result<f64> {
        let o: ThresholdOptions = crate::wire::parse(options_json).map_err(|e| e.at("options"))?;
        self.threshold_for_share(&o.policy, o.model.as_ref(), o.share)
            .map_err(|e| e.at("options"))
    }

    /// [`CohortSession::summary`] as JSON text.
    ///
    /// # Errors
    /// Never in practice (serializing plain values).
    pub fn summary_json(&self) -> Result<String> {
        Ok(crate::wire::to_string(&self.summary()))
    }
}
