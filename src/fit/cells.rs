//! The sufficient statistics of a fit: rows and events counted per
//! combination of raw input values ([`CellCounts`]).

use crate::domain::form::{Education, Situation};
use crate::model::{FeatureName, ModelInput, MAX_MONTHS};

/// Number of distinct raw values of a numeric feature: months 0 to
/// [`MAX_MONTHS`] (36), plus "never" (the last index, 37).
pub(super) const RAW_NUMERIC: usize = MAX_MONTHS as usize + 2;

pub(super) fn raw_count(name: FeatureName) -> usize {
    match name {
        FeatureName::Situation => Situation::ALL.len(),
        FeatureName::Education => Education::ALL.len(),
        _ => RAW_NUMERIC,
    }
}

pub(super) fn raw_index(name: FeatureName, x: &ModelInput) -> usize {
    match name {
        FeatureName::Situation => x.situation.index(),
        FeatureName::Education => x.education.index(),
        FeatureName::MonthsSinceAbove3G => x
            .months_since_above_3g
            .map_or(RAW_NUMERIC - 1, |m| (m as usize).min(MAX_MONTHS as usize)),
        FeatureName::MonthsAbove3GLast24 => {
            (x.months_above_3g_last_24 as usize).min(MAX_MONTHS as usize)
        }
    }
}

/// Counts of rows and events per raw value combination: the sufficient
/// statistics of every model on these features.
#[derive(Debug, Clone, PartialEq)]
pub struct CellCounts {
    pub(super) names: Vec<FeatureName>,
    /// (rows, events) per combination, mixed-radix indexed.
    pub(super) cells: Vec<(f64, f64)>,
    pub(super) total: f64,
    pub(super) events: f64,
}

impl CellCounts {
    /// Counts `rows` (input, is-event) for the features of `names`.
    pub fn new<'a>(
        names: &[FeatureName],
        rows: impl IntoIterator<Item = (&'a ModelInput, bool)>,
    ) -> CellCounts {
        let size: usize = names.iter().map(|n| raw_count(*n)).product();
        let mut cells = vec![(0.0, 0.0); size];
        let (mut total, mut events) = (0.0, 0.0);
        for (x, event) in rows {
            let idx = names
                .iter()
                .fold(0, |acc, n| acc * raw_count(*n) + raw_index(*n, x));
            let cell = &mut cells[idx];
            cell.0 += 1.0;
            total += 1.0;
            if event {
                cell.1 += 1.0;
                events += 1.0;
            }
        }
        CellCounts {
            names: names.to_vec(),
            cells,
            total,
            events,
        }
    }

    /// Rows counted.
    pub fn total(&self) -> f64 {
        self.total
    }

    /// Non-empty cells as (raw index per feature, rows, events).
    pub(super) fn nonempty(&self) -> Vec<(Vec<usize>, f64, f64)> {
        let mut out = Vec::new();
        for (idx, &(n, y)) in self.cells.iter().enumerate() {
            if n == 0.0 {
                continue;
            }
            let mut rest = idx;
            let mut raw = vec![0; self.names.len()];
            for (k, name) in self.names.iter().enumerate().rev() {
                raw[k] = rest % raw_count(*name);
                rest /= raw_count(*name);
            }
            out.push((raw, n, y));
        }
        out
    }

    /// Rows and events per raw value of feature `k`.
    pub(super) fn margin(&self, k: usize) -> Vec<(f64, f64)> {
        let mut m = vec![(0.0, 0.0); raw_count(self.names[k])];
        for (raw, n, y) in self.nonempty() {
            m[raw[k]].0 += n;
            m[raw[k]].1 += y;
        }
        m
    }
}

/// A representative input for a raw cell index (for scoring cells).
pub(super) fn input_of(names: &[FeatureName], raw: &[usize]) -> ModelInput {
    let mut x = ModelInput {
        situation: Situation::MistetJobben,
        education: Education::Grunnskole,
        months_since_above_3g: None,
        months_above_3g_last_24: 0,
    };
    for (k, name) in names.iter().enumerate() {
        let v = raw[k];
        match name {
            FeatureName::Situation => {
                x.situation = Situation::ALL.get(v).copied().unwrap_or(x.situation)
            }
            FeatureName::Education => {
                x.education = Education::ALL.get(v).copied().unwrap_or(x.education)
            }
            FeatureName::MonthsSinceAbove3G => {
                x.months_since_above_3g = (v < RAW_NUMERIC - 1).then_some(v as u32)
            }
            FeatureName::MonthsAbove3GLast24 => x.months_above_3g_last_24 = v as u32,
        }
    }
    x
}
