//! Newton–Raphson (iteratively reweighted least squares) on the design
//! rows, with an optional L2 penalty and step halving (step 4 of the
//! procedure, see [`crate::fit`]).

use super::design::Design;
use super::linalg::{cholesky, solve};
use crate::error::{Error, ErrorKind, Result};
use crate::model::sigmoid;

pub(super) struct Irls {
    pub(super) beta: Vec<f64>,
    pub(super) iterations: u32,
    pub(super) converged: bool,
    pub(super) log_likelihood: f64,
    pub(super) std_errors: Vec<f64>,
}

pub(super) fn log_likelihood(rows: &[(Vec<f64>, f64, f64)], keep: &[usize], beta: &[f64]) -> f64 {
    let mut ll = 0.0;
    for (x, n, y) in rows {
        let eta: f64 = keep.iter().zip(beta).map(|(&c, b)| x[c] * b).sum();
        // log σ(η) = −log(1 + e^−η); log(1 − σ(η)) = −log(1 + e^η).
        let log_p = -softplus(-eta);
        let log_q = -softplus(eta);
        ll += y * log_p + (n - y) * log_q;
    }
    ll
}

pub(super) fn softplus(x: f64) -> f64 {
    if x > 0.0 {
        x + libm::log1p(libm::exp(-x))
    } else {
        libm::log1p(libm::exp(x))
    }
}

pub(super) fn irls(
    d: &Design,
    keep: &[usize],
    l2: f64,
    max_iterations: u32,
    total: f64,
    events: f64,
) -> Result<Irls> {
    let p = keep.len();
    let mut beta = vec![0.0; p];
    beta[0] = libm::log(events / (total - events));
    let penalty = |b: &[f64]| 0.5 * l2 * b.iter().skip(1).map(|v| v * v).sum::<f64>();
    let mut objective = log_likelihood(&d.rows, keep, &beta) - penalty(&beta);
    let mut converged = false;
    let mut iterations = 0;
    let mut hessian_l = Vec::new();
    while iterations < max_iterations {
        iterations += 1;
        let mut h = vec![0.0; p * p];
        let mut g = vec![0.0; p];
        for (x, n, y) in &d.rows {
            let xs: Vec<f64> = keep.iter().map(|&c| x[c]).collect();
            let eta: f64 = xs.iter().zip(&beta).map(|(a, b)| a * b).sum();
            let pr = sigmoid(eta);
            let w = n * pr * (1.0 - pr);
            let r = y - n * pr;
            for i in 0..p {
                if xs[i] == 0.0 {
                    continue;
                }
                g[i] += r * xs[i];
                for j in 0..p {
                    h[i * p + j] += w * xs[i] * xs[j];
                }
            }
        }
        for i in 1..p {
            h[i * p + i] += l2;
            g[i] -= l2 * beta[i];
        }
        let l = cholesky(&h, p).ok_or_else(|| {
            Error::new(ErrorKind::InvalidValue, "rows", "the information matrix became singular: the data separate the outcome (perfect or quasi-complete separation); merge levels or set l2 > 0")
        })?;
        let step = solve(&l, p, &g);
        hessian_l = l;
        let mut t = 1.0;
        let mut next: Vec<f64>;
        let mut next_obj;
        loop {
            next = beta.iter().zip(&step).map(|(b, s)| b + t * s).collect();
            next_obj = log_likelihood(&d.rows, keep, &next) - penalty(&next);
            if next_obj >= objective - 1e-12 * objective.abs() || t < 1e-6 {
                break;
            }
            t *= 0.5;
        }
        let max_step = step.iter().map(|s| (t * s).abs()).fold(0.0, f64::max);
        let rel = (next_obj - objective).abs() / (objective.abs() + 0.1);
        beta = next;
        objective = next_obj;
        if let Some(i) = beta.iter().position(|b| b.abs() > 30.0) {
            return Err(Error::new(
                ErrorKind::InvalidValue,
                "rows",
                format!("coefficient {i} grows without bound: perfect or quasi-complete separation; merge levels or set l2 > 0"),
            ));
        }
        if max_step < 1e-11 || (rel < 1e-15 && max_step < 1e-7) {
            converged = true;
            break;
        }
    }
    // Standard errors from the Hessian at the solution.
    let mut std_errors = vec![f64::NAN; p];
    if !hessian_l.is_empty() {
        for (i, se) in std_errors.iter_mut().enumerate() {
            let mut e = vec![0.0; p];
            e[i] = 1.0;
            *se = solve(&hessian_l, p, &e)[i].sqrt();
        }
    }
    let ll = log_likelihood(&d.rows, keep, &beta);
    Ok(Irls {
        beta,
        iterations,
        converged,
        log_likelihood: ll,
        std_errors,
    })
}
