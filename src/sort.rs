//! One stable sort for the whole crate: a bottom-up merge sort of `u32`
//! indices with the comparison passed as `&mut dyn FnMut`. The standard
//! library's sorts are generic, and each element type and comparator
//! compiles to a new copy of several kilobytes in the wasm module; this one
//! compiles once. Ties keep their order, as with `slice::sort_by`.

use std::cmp::Ordering;

/// Sorts `keys` stably by `cmp`.
pub(crate) fn sort_u32(keys: &mut [u32], cmp: &mut dyn FnMut(u32, u32) -> Ordering) {
    let n = keys.len();
    if n < 2 {
        return;
    }
    // `from` holds runs of `width` sorted keys; each pass merges pairs of
    // runs into `to`, then the two swap.
    let mut from = keys.to_vec();
    let mut to = vec![0u32; n];
    let mut width = 1;
    while width < n {
        let mut start = 0;
        while start < n {
            let mid = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            let (mut i, mut j, mut k) = (start, mid, start);
            while i < mid && j < end {
                if cmp(from[j], from[i]) == Ordering::Less {
                    to[k] = from[j];
                    j += 1;
                } else {
                    to[k] = from[i];
                    i += 1;
                }
                k += 1;
            }
            to[k..k + (mid - i)].copy_from_slice(&from[i..mid]);
            k += mid - i;
            to[k..end].copy_from_slice(&from[j..end]);
            start = end;
        }
        std::mem::swap(&mut from, &mut to);
        width *= 2;
    }
    keys.copy_from_slice(&from);
}

/// Sorts `items` stably by `cmp` (through [`sort_u32`] on their indices).
pub(crate) fn sort_by<T: Copy>(items: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    let n = u32::try_from(items.len()).unwrap_or(u32::MAX);
    let mut order: Vec<u32> = (0..n).collect();
    sort_u32(&mut order, &mut |a, b| {
        cmp(&items[a as usize], &items[b as usize])
    });
    let sorted: Vec<T> = order.iter().map(|&i| items[i as usize]).collect();
    items.copy_from_slice(&sorted);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_stably_like_the_standard_sort() {
        let mut state = 12345u64;
        for n in [0usize, 1, 2, 3, 7, 8, 9, 100, 1000] {
            let v: Vec<(u8, usize)> = (0..n)
                .map(|i| {
                    state = state.wrapping_mul(6364136223846793005).wrapping_add(1);
                    ((state >> 60) as u8, i)
                })
                .collect();
            let mut mine = v.clone();
            sort_by(&mut mine, |a, b| a.0.cmp(&b.0));
            let mut std_sorted = v.clone();
            std_sorted.sort_by_key(|a| a.0);
            assert_eq!(mine, std_sorted, "n = {n}");
        }
    }
}
