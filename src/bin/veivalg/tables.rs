//! `veivalg evaluate` as aligned text tables: the evaluation is data (see
//! [`veivalg::cohort::evaluate::Evaluation`]); this module only lays it out.

use std::fmt::Write as _;
use veivalg::cohort::evaluate::{Evaluation, ModelMetrics, OutcomeLine};
use veivalg::cohort::session::EvaluationResult;
use veivalg::model::Target;

/// Columns laid out with two spaces between them: the first `left` columns
/// aligned left, the others right. Widths count characters, not bytes.
fn table(rows: &[Vec<String>], left: usize, indent: &str) -> String {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let mut widths = vec![0; columns];
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let mut out = String::new();
    for row in rows {
        let mut line = String::from(indent);
        for (i, (cell, &w)) in row.iter().zip(&widths).enumerate() {
            if i > 0 {
                line.push_str("  ");
            }
            let pad = " ".repeat(w - cell.chars().count());
            if i < left {
                line.push_str(cell);
                line.push_str(&pad);
            } else {
                line.push_str(&pad);
                line.push_str(cell);
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// A share as a percentage with one decimal.
fn pct(x: f64) -> String {
    format!("{:.1}", 100.0 * x)
}

/// An optional rate as a percentage, `–` when undefined.
fn pct_or_dash(x: Option<f64>) -> String {
    x.map_or_else(|| "–".to_string(), pct)
}

/// People per month, whole.
fn people(x: f64) -> String {
    format!("{x:.0}")
}

/// What the selected and the other side are called.
fn sides(e: &Evaluation) -> (&'static str, &'static str) {
    if e.selected_means == "NOE" {
        ("NOE", "local office")
    } else {
        ("standard", "not standard")
    }
}

/// The outcome on the selected side under `target`, and its opposite.
fn target_words(target: Target) -> (&'static str, &'static str) {
    match target {
        Target::StableWork => ("stable work", "not stable work"),
        Target::WithoutWork | Target::NotWithoutWork => ("not without work", "without work"),
    }
}

/// The header line (saying SYNTHETIC for a synthetic cohort) and the line
/// after it.
fn header(s: &mut String, e: &Evaluation) {
    let synthetic = if e.synthetic {
        "SYNTHETIC cohort (not NAV data) — "
    } else {
        ""
    };
    let _ = writeln!(s, "{synthetic}{}, method {}", e.label, e.method);
    let (sel, _) = sides(e);
    // A synthetic cohort's source names its rows already.
    let rows = format!("{} rows", e.rows);
    let cohort = if e.cohort.contains(&rows) {
        e.cohort.clone()
    } else {
        format!("{}, {rows}", e.cohort)
    };
    let _ = writeln!(
        s,
        "cohort: {cohort}; selected = {sel}; per month = share × {} registrants",
        people(e.monthly_volume)
    );
}

/// Outcome × selected / not selected, % of all and per month.
fn outcomes(s: &mut String, e: &Evaluation) {
    let (sel, not) = sides(e);
    let mut rows = vec![vec![
        "outcome".to_string(),
        "all %".to_string(),
        "/month".to_string(),
        format!("{sel} %"),
        "/month".to_string(),
        format!("{not} %"),
        "/month".to_string(),
    ]];
    for l in &e.table {
        let OutcomeLine {
            outcome,
            total,
            selected,
            not_selected,
        } = l;
        rows.push(vec![
            (*outcome).to_string(),
            pct(total.share),
            people(total.per_month),
            pct(selected.share),
            people(selected.per_month),
            pct(not_selected.share),
            people(not_selected.per_month),
        ]);
    }
    s.push_str(&table(&rows, 1, ""));
}

/// Selected, accuracy and (MODEL) share and cut-off.
fn summary(s: &mut String, e: &Evaluation) {
    let (sel, not) = sides(e);
    let (good, bad) = target_words(e.target);
    let _ = writeln!(
        s,
        "selected ({sel}): {} % of the cohort, {} a month",
        pct(e.selected.share),
        people(e.selected.per_month)
    );
    let _ = writeln!(
        s,
        "accuracy: {} % against target {} ({sel} ∧ {good} + {not} ∧ {bad})",
        pct(e.accuracy),
        e.target
    );
    if let Some(share) = e.share {
        let _ = writeln!(s, "share asked: {} % of the cohort", pct(share));
    }
    if let Some(cutoff) = e.cutoff {
        let side = if e.target.noe_holds_events() {
            "highest"
        } else {
            "lowest"
        };
        let _ = writeln!(
            s,
            "cut-off: {cutoff:.4} on P({}); {sel} takes the {side} probabilities",
            e.target
        );
    }
}

/// AUC, Brier score and the calibration table.
fn model_metrics(s: &mut String, m: &ModelMetrics, target: Target) {
    let _ = writeln!(
        s,
        "model on this cohort: AUC {:.3}, Brier score {:.4}",
        m.auc, m.brier
    );
    let _ = writeln!(s, "calibration (predicted P({target}) in bins of 0.1):");
    let mut rows = vec![vec![
        "predicted".to_string(),
        "rows".to_string(),
        "mean predicted".to_string(),
        "observed".to_string(),
    ]];
    for b in &m.calibration {
        rows.push(vec![
            format!("{:.1}–{:.1}", b.from, b.to),
            b.count.to_string(),
            format!("{:.3}", b.mean_predicted),
            format!("{:.3}", b.observed),
        ]);
    }
    s.push_str(&table(&rows, 1, "  "));
}

/// Selection and error rates per group.
fn groups(s: &mut String, e: &Evaluation) {
    if e.groups.is_empty() {
        return;
    }
    let (sel, _) = sides(e);
    let (good, bad) = target_words(e.target);
    let to = if sel == "NOE" { "to NOE" } else { sel };
    let _ = writeln!(
        s,
        "groups (TPR: % {to} of those with {good}; FPR: % {to} of those with {bad}; \
precision: % with {good} of those {to}):"
    );
    let mut rows = vec![vec![
        "column".to_string(),
        "value".to_string(),
        "rows".to_string(),
        format!("{sel} %"),
        "TPR %".to_string(),
        "FPR %".to_string(),
        "precision %".to_string(),
    ]];
    for g in &e.groups {
        rows.push(vec![
            g.column.as_str().to_string(),
            g.value.to_string(),
            g.count.to_string(),
            pct(g.selection_rate),
            pct_or_dash(g.tpr),
            pct_or_dash(g.fpr),
            pct_or_dash(g.precision),
        ]);
    }
    s.push_str(&table(&rows, 2, "  "));
}

/// One evaluation: header, outcomes, summary, model and group metrics.
fn one(s: &mut String, e: &Evaluation, details: bool) {
    header(s, e);
    s.push('\n');
    outcomes(s, e);
    s.push('\n');
    summary(s, e);
    if !details {
        return;
    }
    if let Some(m) = &e.model_metrics {
        s.push('\n');
        model_metrics(s, m, e.target);
    }
    if !e.groups.is_empty() {
        s.push('\n');
        groups(s, e);
    }
}

/// The text of `veivalg evaluate`: the evaluation, and the one it was
/// compared to with the difference per month.
pub fn evaluation(r: &EvaluationResult) -> String {
    let mut s = String::new();
    one(&mut s, &r.evaluation, true);
    if let Some(c) = &r.compared_to {
        s.push_str("\ncompared with: ");
        one(&mut s, c, false);
    }
    if let Some(d) = &r.difference {
        let _ = writeln!(s, "\ndifference ({} − {}): {}", d.of, d.versus, d.text);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_align_by_characters() {
        let rows = vec![
            vec!["a".to_string(), "1.0".to_string()],
            vec!["ø–x".to_string(), "10.0".to_string()],
        ];
        assert_eq!(table(&rows, 1, ""), "a     1.0\nø–x  10.0\n");
    }

    #[test]
    fn undefined_rates_are_dashes() {
        assert_eq!(pct_or_dash(None), "–");
        assert_eq!(pct_or_dash(Some(0.125)), "12.5");
    }
}
