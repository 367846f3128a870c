//! The inputs of a model: the feature names, a person's values
//! ([`ModelInput`]) and **each feature's domain**, written down once here
//! ([`FeatureName::months`], [`FeatureName::levels`]): a form answer takes
//! the levels of its vocabulary; `monthsSinceAbove3G` takes 1–36 months or
//! "never" (absent: no month above 3G in the 36-month look-back);
//! `monthsAbove3GLast24` takes 0–24. Scoring, the counterfactual search,
//! the fit's binning and the model file's checks all read them from here.

use crate::domain::form::{Education, Situation};
use crate::domain::wages::{COUNT_WINDOW_MONTHS, LOOK_BACK_MONTHS};
use crate::vocab::vocabulary;
use serde::Serialize;
use serde_json::Value;

vocabulary! {
    /// The inputs a model may use. The report's model uses the first three;
    /// `education` exists to show that it adds little for ages 30+.
    pub enum FeatureName {
        /// Form question 1.
        Situation = "situation",
        /// Months since the last month above 3G (absent = never in 36 months).
        MonthsSinceAbove3G = "monthsSinceAbove3G",
        /// Months above 3G among the 24 before registration.
        MonthsAbove3GLast24 = "monthsAbove3GLast24",
        /// Form question 3.
        Education = "education",
    }
}

/// The whole months a numeric feature can take (`min..=max`), and whether
/// it can also be absent ("never").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Months {
    /// Smallest value.
    pub min: u32,
    /// Largest value.
    pub max: u32,
    /// Whether the value can be absent.
    pub never: bool,
}

impl Months {
    /// `monthsSinceAbove3G`: 1–36, or "never" in the 36-month look-back.
    pub const SINCE_ABOVE_3G: Months = Months {
        min: 1,
        max: LOOK_BACK_MONTHS,
        never: true,
    };
    /// `monthsAbove3GLast24`: 0–24.
    pub const ABOVE_3G_LAST_24: Months = Months {
        min: 0,
        max: COUNT_WINDOW_MONTHS,
        never: false,
    };

    /// Every whole month of the domain, smallest first.
    pub fn values(self) -> std::ops::RangeInclusive<u32> {
        self.min..=self.max
    }
}

/// The largest month value of any feature: months 0 to this (and "never")
/// are what a scorer's tables and the fit's cell counts index.
pub const MAX_MONTHS: u32 = LOOK_BACK_MONTHS;

impl FeatureName {
    /// The domain of a numeric feature; `None` for a form answer.
    pub fn months(self) -> Option<Months> {
        match self {
            FeatureName::MonthsSinceAbove3G => Some(Months::SINCE_ABOVE_3G),
            FeatureName::MonthsAbove3GLast24 => Some(Months::ABOVE_3G_LAST_24),
            FeatureName::Situation | FeatureName::Education => None,
        }
    }

    /// Whether the feature is a count of months (binned in a model file).
    pub fn is_numeric(self) -> bool {
        self.months().is_some()
    }

    /// The code words of a form answer, in vocabulary order (empty for a
    /// numeric feature).
    pub fn levels(self) -> Vec<&'static str> {
        match self {
            FeatureName::Situation => Situation::ALL.iter().map(|s| s.as_str()).collect(),
            FeatureName::Education => Education::ALL.iter().map(|s| s.as_str()).collect(),
            FeatureName::MonthsSinceAbove3G | FeatureName::MonthsAbove3GLast24 => Vec::new(),
        }
    }

    /// Every value of the feature's domain as JSON, in a fixed order: each
    /// level, or each whole month and then `null` where it can be absent.
    pub fn candidates(self) -> Vec<Value> {
        match self.months() {
            None => self.levels().into_iter().map(Value::from).collect(),
            Some(m) => {
                let mut v: Vec<Value> = m.values().map(Value::from).collect();
                if m.never {
                    v.push(Value::Null);
                }
                v
            }
        }
    }
}

/// The values of a person's model inputs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ModelInput {
    /// Form question 1.
    pub situation: Situation,
    /// Form question 3.
    pub education: Education,
    /// `None` = never above 3G in the 36-month look-back.
    #[serde(rename = "monthsSinceAbove3G")]
    pub months_since_above_3g: Option<u32>,
    /// 0–24.
    #[serde(rename = "monthsAbove3GLast24")]
    pub months_above_3g_last_24: u32,
}

impl ModelInput {
    /// The value of one feature as JSON (a code word, a number or `null`).
    pub fn value(&self, name: FeatureName) -> Value {
        match name {
            FeatureName::Situation => Value::from(self.situation.as_str()),
            FeatureName::Education => Value::from(self.education.as_str()),
            FeatureName::MonthsSinceAbove3G => Value::from(self.months_since_above_3g),
            FeatureName::MonthsAbove3GLast24 => Value::from(self.months_above_3g_last_24),
        }
    }

    /// The code word of a categorical feature ("" for a numeric one).
    pub fn code(&self, name: FeatureName) -> &'static str {
        match name {
            FeatureName::Situation => self.situation.as_str(),
            FeatureName::Education => self.education.as_str(),
            _ => "",
        }
    }

    /// The value of a numeric feature (`None` = "never"); the count of
    /// months above 3G for any other name.
    pub(crate) fn numeric(&self, name: FeatureName) -> Option<u32> {
        match name {
            FeatureName::MonthsSinceAbove3G => self.months_since_above_3g,
            _ => Some(self.months_above_3g_last_24),
        }
    }

    /// Whether the two wage inputs can describe one real wage history: a
    /// last month above 3G within the 24-month window means at least one
    /// and at most `25 − since` months above 3G in it; otherwise none.
    pub fn is_consistent(&self) -> bool {
        let c = self.months_above_3g_last_24;
        let window = Months::ABOVE_3G_LAST_24.max;
        match self.months_since_above_3g {
            Some(s) if (1..=window).contains(&s) => c >= 1 && c <= window + 1 - s,
            Some(s) if (window + 1..=Months::SINCE_ABOVE_3G.max).contains(&s) => c == 0,
            None => c == 0,
            Some(_) => false,
        }
    }
}

/// A copy of `input` with one feature set to `value` (a value from
/// [`FeatureName::candidates`]); `None` if the value does not fit the feature.
pub fn with_value(input: &ModelInput, name: FeatureName, value: &Value) -> Option<ModelInput> {
    let mut out = *input;
    match name {
        FeatureName::Situation => out.situation = value.as_str()?.parse().ok()?,
        FeatureName::Education => out.education = value.as_str()?.parse().ok()?,
        FeatureName::MonthsSinceAbove3G => {
            out.months_since_above_3g = match value {
                Value::Null => None,
                v => Some(u32::try_from(v.as_u64()?).ok()?),
            }
        }
        FeatureName::MonthsAbove3GLast24 => {
            out.months_above_3g_last_24 = u32::try_from(value.as_u64()?).ok()?
        }
    }
    Some(out)
}
