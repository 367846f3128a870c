//! Training metrics from weighted cells: AUC and Brier score.

/// AUC (Mann–Whitney, ties counted half) and Brier score from weighted
/// (probability, rows, events) triples.
pub fn auc_brier(scored: &mut [(f64, f64, f64)]) -> (f64, f64) {
    scored.sort_by(|a, b| a.0.total_cmp(&b.0));
    let (mut neg_below, mut pairs, mut total, mut pos_total, mut brier) = (0.0, 0.0, 0.0, 0.0, 0.0);
    let mut i = 0;
    while i < scored.len() {
        let mut j = i;
        let (mut pos, mut neg) = (0.0, 0.0);
        while j < scored.len() && scored[j].0 == scored[i].0 {
            pos += scored[j].2;
            neg += scored[j].1 - scored[j].2;
            j += 1;
        }
        pairs += pos * (neg_below + 0.5 * neg);
        neg_below += neg;
        pos_total += pos;
        i = j;
    }
    for (p, n, y) in scored.iter() {
        total += n;
        brier += y * (1.0 - p) * (1.0 - p) + (n - y) * p * p;
    }
    let neg_total = total - pos_total;
    let auc = if pos_total > 0.0 && neg_total > 0.0 {
        pairs / (pos_total * neg_total)
    } else {
        f64::NAN
    };
    (auc, if total > 0.0 { brier / total } else { f64::NAN })
}
