//! The levels of each feature after binning ([`Encoding`]), and the
//! automatic binning of step 1 of the procedure (see [`crate::fit`]).

use super::cells::RAW_NUMERIC;
use super::spec::FitSpec;
use crate::domain::form::{Education, Situation};
use crate::model::{Feature, FeatureName, Months};

/// A feature's levels after binning: raw value → level, and level labels.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Encoding {
    pub(super) name: FeatureName,
    /// Level per raw index (`usize::MAX` = value impossible for this feature).
    pub(super) level_of: Vec<usize>,
    pub(super) labels: Vec<String>,
    /// Binned only: edges between the numeric levels.
    pub(super) edges: Vec<f64>,
    /// Binned only: index of the "never" level, if the feature has one.
    pub(super) never: Option<usize>,
}

/// The months a numeric feature takes ([`FeatureName::months`]), as raw
/// indices. (Only numeric features are binned.)
pub(super) fn months(name: FeatureName) -> Months {
    name.months().unwrap_or(Months::ABOVE_3G_LAST_24)
}

pub(super) fn categorical_encoding(name: FeatureName) -> Encoding {
    let labels: Vec<String> = match name {
        FeatureName::Situation => Situation::ALL
            .iter()
            .map(|s| s.as_str().to_string())
            .collect(),
        _ => Education::ALL
            .iter()
            .map(|s| s.as_str().to_string())
            .collect(),
    };
    Encoding {
        name,
        level_of: (0..labels.len()).collect(),
        labels,
        edges: Vec::new(),
        never: None,
    }
}

/// Encoding of a binned feature from its edges.
pub(super) fn binned_encoding(name: FeatureName, edges: &[f64]) -> Encoding {
    let domain = months(name);
    let bins = edges.len() + 1;
    let mut level_of = vec![usize::MAX; RAW_NUMERIC];
    for v in domain.values() {
        level_of[v as usize] = edges.partition_point(|e| *e <= f64::from(v));
    }
    let mut labels: Vec<String> = (0..bins)
        .map(|i| Feature::bin_label(name, edges, Some(i)))
        .collect();
    let never = domain.never.then(|| {
        level_of[RAW_NUMERIC - 1] = bins;
        labels.push("never".to_string());
        bins
    });
    Encoding {
        name,
        level_of,
        labels,
        edges: edges.to_vec(),
        never,
    }
}

/// Groups of consecutive month values → edges.
pub(super) fn edges_from_groups(groups: &[Vec<usize>]) -> Vec<f64> {
    groups
        .iter()
        .skip(1)
        .filter_map(|g| g.first().map(|v| *v as f64))
        .collect()
}

pub(super) fn rate(g: &[usize], margin: &[(f64, f64)]) -> (f64, f64) {
    let n: f64 = g.iter().map(|v| margin[*v].0).sum();
    let y: f64 = g.iter().map(|v| margin[*v].1).sum();
    (n, if n > 0.0 { y / n } else { 0.0 })
}

/// The automatic binning of step 1 (see the module docs).
pub(super) fn auto_edges(
    name: FeatureName,
    margin: &[(f64, f64)],
    total: f64,
    spec: &FitSpec,
) -> Vec<f64> {
    let mut groups: Vec<Vec<usize>> = months(name).values().map(|v| vec![v as usize]).collect();
    let min_rows = spec.min_bin_share * total;
    // Small bins into their smaller neighbour.
    loop {
        let small = groups
            .iter()
            .enumerate()
            .filter(|(_, g)| rate(g, margin).0 < min_rows.max(f64::MIN_POSITIVE))
            .min_by(|a, b| rate(a.1, margin).0.total_cmp(&rate(b.1, margin).0))
            .map(|(i, _)| i);
        let Some(i) = small else { break };
        if groups.len() == 1 {
            break;
        }
        let j = if i == 0 {
            1
        } else if i + 1 == groups.len()
            || rate(&groups[i - 1], margin).0 <= rate(&groups[i + 1], margin).0
        {
            i - 1
        } else {
            i + 1
        };
        let (a, b) = (i.min(j), i.max(j));
        let moved = groups.remove(b);
        groups[a].extend(moved);
    }
    while groups.len() > spec.max_bins {
        let i = (0..groups.len() - 1)
            .min_by(|&i, &j| {
                let d =
                    |k: usize| (rate(&groups[k], margin).1 - rate(&groups[k + 1], margin).1).abs();
                d(i).total_cmp(&d(j))
            })
            .unwrap_or(0);
        let moved = groups.remove(i + 1);
        groups[i].extend(moved);
    }
    edges_from_groups(&groups)
}
