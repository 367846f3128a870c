//! The design matrix of the cells (treatment coding, one row per
//! combination of levels), and the columns it finds aliased (step 3 of the
//! procedure, see [`crate::fit`]).

use super::binning::Encoding;
use crate::error::{Error, ErrorKind, Result};

/// The design matrix of the cells: the columns and one row per cell.
pub(super) struct Design {
    pub(super) columns: Vec<(usize, usize)>,
    pub(super) labels: Vec<String>,
    pub(super) rows: Vec<(Vec<f64>, f64, f64)>,
}

pub(super) fn design(
    encodings: &[Encoding],
    references: &[usize],
    cells: &[(Vec<usize>, f64, f64)],
) -> Result<Design> {
    let mut columns = Vec::new();
    let mut labels = vec!["intercept".to_string()];
    for (k, e) in encodings.iter().enumerate() {
        for level in 0..e.labels.len() {
            if level != references[k] {
                columns.push((k, level));
                labels.push(format!("{}={}", e.name, e.labels[level]));
            }
        }
    }
    // Cells with the same levels are merged. A dense table indexed by the
    // levels in mixed radix (first feature most significant) is walked in
    // the order of the level vectors, so the rows (and the sums over them)
    // come in the same order whatever order the cells had.
    let radix: Vec<usize> = encodings.iter().map(|e| e.labels.len().max(1)).collect();
    let size = radix.iter().try_fold(1usize, |acc, &r| acc.checked_mul(r));
    let size = size.filter(|&n| n <= 1 << 24).ok_or_else(|| {
        Error::new(
            ErrorKind::InvalidValue,
            "features",
            "too many combinations of levels to fit (more than 16 777 216)",
        )
    })?;
    let mut merged: Vec<(f64, f64)> = vec![(0.0, 0.0); size];
    let mut seen = vec![false; size];
    for (raw, n, y) in cells {
        let mut index = 0;
        for (k, e) in encodings.iter().enumerate() {
            let level = e.level_of.get(raw[k]).copied().unwrap_or(usize::MAX);
            if level == usize::MAX {
                return Err(Error::new(
                    ErrorKind::OutOfRange,
                    "rows",
                    format!("a value of {} lies outside its domain", e.name),
                ));
            }
            index = index * radix[k] + level;
        }
        merged[index].0 += n;
        merged[index].1 += y;
        seen[index] = true;
    }
    let mut rows = Vec::new();
    for (index, &(n, y)) in merged.iter().enumerate() {
        if !seen[index] {
            continue;
        }
        let mut levels = vec![0; radix.len()];
        let mut rest = index;
        for k in (0..radix.len()).rev() {
            levels[k] = rest % radix[k];
            rest /= radix[k];
        }
        let mut x = vec![1.0];
        x.extend(
            columns
                .iter()
                .map(|&(k, level)| f64::from(u8::from(levels[k] == level))),
        );
        rows.push((x, n, y));
    }
    Ok(Design {
        columns,
        labels,
        rows,
    })
}

/// Columns dependent on earlier ones (step 3 of the module docs).
pub(super) fn aliased_columns(d: &Design) -> Vec<bool> {
    let p = d.labels.len();
    let mut g = vec![0.0; p * p];
    for (x, n, _) in &d.rows {
        for i in 0..p {
            if x[i] == 0.0 {
                continue;
            }
            for j in 0..p {
                g[i * p + j] += n * x[i] * x[j];
            }
        }
    }
    // Cholesky in column order, skipping columns whose pivot vanishes.
    let mut aliased = vec![false; p];
    let mut l = vec![0.0; p * p];
    for j in 0..p {
        let mut d2 = g[j * p + j];
        for k in 0..j {
            if !aliased[k] {
                d2 -= l[j * p + k] * l[j * p + k];
            }
        }
        if g[j * p + j] <= 0.0 || d2 <= 1e-10 * g[j * p + j] {
            aliased[j] = true;
            continue;
        }
        let dj = d2.sqrt();
        l[j * p + j] = dj;
        for i in j + 1..p {
            let mut s = g[i * p + j];
            for k in 0..j {
                if !aliased[k] {
                    s -= l[i * p + k] * l[j * p + k];
                }
            }
            l[i * p + j] = s / dj;
        }
    }
    aliased
}
