//! The proposed probability model (report section 4.1) as **data**: a model
//! file names its features, their encoding and weights, the intercept and
//! the training cohort's mean score; this module validates it, scores a
//! person and explains the score exactly.
//!
//! * [`features`]: the inputs ([`FeatureName`], [`ModelInput`]) and each
//!   feature's domain, defined once.
//! * [`file`]: the model file ([`Model`], [`Feature`], [`Target`]) and its
//!   checks.
//! * [`scoring`]: [`Score`], contributions, the waterfall and the compiled
//!   [`Scorer`].
//!
//! The counterfactuals of a decision and the NOE rule of the model variants
//! live with routing ([`crate::routing`]); the fit in [`crate::fit`].

pub mod features;
pub mod file;
pub mod scoring;

pub use features::{with_value, FeatureName, ModelInput, Months, MAX_MONTHS};
pub use file::{Aliased, Feature, Model, Target, TrainedOn};
pub use scoring::{logit, sigmoid, Contribution, Score, Scorer, Waterfall, WaterfallStep};
