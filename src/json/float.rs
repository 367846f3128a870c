//! Decimal text to the nearest `f64` (round half to even), without the
//! standard library's 10 KB power-of-five table.
//!
//! Numbers of up to 15 significant digits with a small exponent take one
//! exact multiplication or division (Clinger's fast path): wages, dates'
//! parts, most probabilities. Anything else takes an approximation within a
//! few units in the last place, corrected by comparing the exact decimal
//! value with the midpoints between neighbouring doubles in big-integer
//! arithmetic, so every input gets the correctly rounded result (the same
//! bits as `str::parse::<f64>`, which the tests check on 300 000 inputs).

use std::cmp::Ordering;

/// Exactly representable powers of ten.
const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// Significant digits kept; further digits only count as "something
/// more" (767 digits decide any double's rounding).
const MAX_DIGITS: usize = 800;

/// Parses a JSON number already checked by the reader (`-?digits[.digits][e±digits]`).
/// `None` when its magnitude rounds beyond `f64::MAX`.
pub(crate) fn parse(text: &str) -> Option<f64> {
    let bytes = text.as_bytes();
    let negative = bytes.first() == Some(&b'-');
    let mut digits: Vec<u8> = Vec::new();
    let mut exp10: i64 = 0;
    let mut sticky = false;
    let mut seen_point = false;
    let mut i = usize::from(negative);
    while i < bytes.len() {
        match bytes[i] {
            b'.' => seen_point = true,
            b'e' | b'E' => break,
            d => {
                let d = d - b'0';
                if digits.is_empty() && d == 0 {
                    // A leading zero: only moves the point.
                    if seen_point {
                        exp10 -= 1;
                    }
                } else if digits.len() < MAX_DIGITS {
                    digits.push(d);
                    if seen_point {
                        exp10 -= 1;
                    }
                } else {
                    sticky |= d != 0;
                    if !seen_point {
                        exp10 += 1;
                    }
                }
            }
        }
        i += 1;
    }
    if i < bytes.len() {
        let rest = text.get(i + 1..).unwrap_or_default();
        let e: i64 = rest
            .trim_start_matches('+')
            .parse()
            .unwrap_or(if rest.starts_with('-') {
                -100_000
            } else {
                100_000
            });
        exp10 = exp10.saturating_add(e.clamp(-100_000, 100_000));
    }
    if sticky {
        digits.push(1);
        exp10 -= 1;
    }
    let magnitude = magnitude(&digits, exp10)?;
    Some(if negative { -magnitude } else { magnitude })
}

/// `digits × 10^exp10` (no leading zeros), correctly rounded.
fn magnitude(digits: &[u8], exp10: i64) -> Option<f64> {
    if digits.is_empty() {
        return Some(0.0);
    }
    let n = digits.len() as i64;
    if n + exp10 > 310 {
        return None;
    }
    if n + exp10 < -330 {
        return Some(0.0);
    }
    let exp10 = exp10 as i32;
    if digits.len() <= 15 && (-22..=22).contains(&exp10) {
        let m = digits.iter().fold(0u64, |acc, &d| acc * 10 + u64::from(d));
        let p = POW10[exp10.unsigned_abs() as usize];
        return Some(if exp10 >= 0 {
            m as f64 * p
        } else {
            m as f64 / p
        });
    }
    // An approximation from the first 19 digits, then exact correction.
    let head = &digits[..digits.len().min(19)];
    let m = head.iter().fold(0u64, |acc, &d| acc * 10 + u64::from(d));
    let mut e = exp10 + (digits.len() - head.len()) as i32;
    let mut x = m as f64;
    while e > 22 {
        x *= 1e22;
        e -= 22;
    }
    while e < -22 {
        x /= 1e22;
        e += 22;
    }
    x = if e >= 0 {
        x * POW10[e as usize]
    } else {
        x / POW10[(-e) as usize]
    };
    if !x.is_finite() {
        x = f64::MAX;
    }
    let value = Big::from_digits(digits);
    // Each step moves one unit in the last place; the start is within a
    // few, so the bound is never reached.
    for _ in 0..4096 {
        let (a, b) = decompose(x);
        // Above the midpoint with the next double up?
        match compare(&value, exp10, 2 * a + 1, b - 1) {
            Ordering::Greater => {
                if x == f64::MAX {
                    return None;
                }
                x = f64::from_bits(x.to_bits() + 1);
                continue;
            }
            Ordering::Equal => {
                if x == f64::MAX {
                    return None;
                }
                return Some(if a % 2 == 1 {
                    f64::from_bits(x.to_bits() + 1)
                } else {
                    x
                });
            }
            Ordering::Less => {}
        }
        if x == 0.0 {
            return Some(0.0);
        }
        // Below the midpoint with the next double down? (At a power of
        // two the gap below is half the gap above.)
        let (low_m, low_e) = if a == 1 << 52 && b > -1074 {
            (4 * a - 1, b - 2)
        } else {
            (2 * a - 1, b - 1)
        };
        match compare(&value, exp10, low_m, low_e) {
            Ordering::Less => x = f64::from_bits(x.to_bits() - 1),
            Ordering::Equal => {
                return Some(if a % 2 == 1 {
                    f64::from_bits(x.to_bits() - 1)
                } else {
                    x
                })
            }
            Ordering::Greater => return Some(x),
        }
    }
    Some(x)
}

/// `x = a × 2^b` for a finite `x ≥ 0`.
fn decompose(x: f64) -> (u64, i32) {
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    let frac = bits & ((1 << 52) - 1);
    if exp == 0 {
        (frac, -1074)
    } else {
        (frac | (1 << 52), exp - 1075)
    }
}

/// Compares `value × 10^exp10` with `m × 2^e` exactly.
fn compare(value: &Big, exp10: i32, m: u64, e: i32) -> Ordering {
    let mut left = value.clone();
    let mut right = Big::from_u64(m);
    if exp10 >= 0 {
        left.mul_pow10(exp10.unsigned_abs());
    } else {
        right.mul_pow10(exp10.unsigned_abs());
    }
    if e >= 0 {
        right.shl(e.unsigned_abs());
    } else {
        left.shl(e.unsigned_abs());
    }
    left.cmp(&right)
}

/// A non-negative big integer: base 2³² limbs, least significant first,
/// no trailing zero limbs.
#[derive(Clone)]
struct Big(Vec<u32>);

impl Big {
    fn from_u64(n: u64) -> Big {
        let mut b = Big(vec![n as u32, (n >> 32) as u32]);
        b.trim();
        b
    }

    fn from_digits(digits: &[u8]) -> Big {
        let mut b = Big(Vec::new());
        for chunk in digits.chunks(9) {
            let mut scale = 1u32;
            let mut add = 0u32;
            for &d in chunk {
                scale *= 10;
                add = add * 10 + u32::from(d);
            }
            b.mul_add(scale, add);
        }
        b
    }

    fn trim(&mut self) {
        while self.0.last() == Some(&0) {
            self.0.pop();
        }
    }

    fn mul_add(&mut self, factor: u32, add: u32) {
        let mut carry = u64::from(add);
        for limb in &mut self.0 {
            let v = u64::from(*limb) * u64::from(factor) + carry;
            *limb = v as u32;
            carry = v >> 32;
        }
        if carry > 0 {
            self.0.push(carry as u32);
        }
        self.trim();
    }

    fn mul_pow10(&mut self, mut n: u32) {
        while n >= 9 {
            self.mul_add(1_000_000_000, 0);
            n -= 9;
        }
        if n > 0 {
            self.mul_add(10u32.pow(n), 0);
        }
    }

    fn shl(&mut self, n: u32) {
        if self.0.is_empty() {
            return;
        }
        let (limbs, bits) = ((n / 32) as usize, n % 32);
        if bits > 0 {
            let mut carry = 0u32;
            for limb in &mut self.0 {
                let v = (*limb << bits) | carry;
                carry = *limb >> (32 - bits);
                *limb = v;
            }
            if carry > 0 {
                self.0.push(carry);
            }
        }
        self.0.splice(0..0, std::iter::repeat_n(0, limbs));
    }

    fn cmp(&self, other: &Big) -> Ordering {
        self.0
            .len()
            .cmp(&other.0.len())
            .then_with(|| self.0.iter().rev().cmp(other.0.iter().rev()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str) {
        let want: f64 = text.parse().unwrap();
        let got = parse(text).unwrap_or(f64::INFINITY);
        assert_eq!(got.to_bits(), want.to_bits(), "{text}");
    }

    #[test]
    fn hard_cases_round_like_the_standard_library() {
        for text in [
            "0",
            "-0",
            "0.0",
            "1",
            "0.1",
            "0.30000000000000004",
            "123456.789",
            "9007199254740993",
            "9007199254740992.5",
            "2.2250738585072011e-308",
            "2.2250738585072012e-308",
            "4.9406564584124654e-324",
            "2.4703282292062327e-324",
            "2.4703282292062328e-324",
            "1.7976931348623157e308",
            "1.7976931348623158e308",
            "-0.000000000000000000000000000000000001",
            "0.1000000000000000055511151231257827021181583404541015625",
            "0.1000000000000000055511151231257827021181583404541015624",
            "0.1000000000000000055511151231257827021181583404541015626",
            "7.038531e-26",
            "8.98846567431158e307",
            "1e23",
            "1e-400",
            "123456789012345678901234567890e-20",
        ] {
            check(text);
        }
        assert_eq!(parse("1.7976931348623159e308"), None);
        assert_eq!(parse("1e400"), None);
    }

    #[test]
    fn random_numbers_round_like_the_standard_library() {
        let mut s = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = || {
            s ^= s << 13;
            s ^= s >> 7;
            s ^= s << 17;
            s
        };
        for _ in 0..100_000 {
            // Shortest texts of random doubles, and random digit strings.
            let bits = next() & 0x7fef_ffff_ffff_ffff;
            let x = f64::from_bits(bits);
            check(&format!("{x:e}"));
            check(&format!("{x}"));
            let digits = 1 + next() % 25;
            let mut t: String = (0..digits)
                .map(|_| char::from(b'0' + (next() % 10) as u8))
                .collect();
            t = t.trim_start_matches('0').to_string();
            if t.is_empty() {
                t.push('0');
            }
            let e = (next() % 700) as i64 - 350;
            check(&format!("{t}e{e}"));
        }
    }
}
