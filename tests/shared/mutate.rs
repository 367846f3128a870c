//! Hostile inputs made from valid ones, shared by the native fuzzer
//! (`tests/hostile.rs`) and the fuzz pass inside `wasm_bindgen_test`
//! (`tests/shared/binding.rs`): random JSON, one-byte edits of the text,
//! a node replaced by a scalar, a huge number or random JSON, and deep
//! nesting spliced in, all from a seeded generator so that a failure can
//! be replayed.

use rand_xoshiro::rand_core::{RngCore, SeedableRng};
use rand_xoshiro::Xoshiro256PlusPlus;
use serde_json::{json, Value};

/// The generator of hostile inputs.
pub struct Gen(Xoshiro256PlusPlus);

impl Gen {
    /// A generator from a seed (the same seed gives the same inputs on
    /// every target).
    pub fn new(seed: u64) -> Gen {
        Gen(Xoshiro256PlusPlus::seed_from_u64(seed))
    }
    /// A number in `0..n`.
    pub fn below(&mut self, n: usize) -> usize {
        (self.0.next_u64() % n.max(1) as u64) as usize
    }
    /// True once in `one_in` times.
    pub fn chance(&mut self, one_in: usize) -> bool {
        self.below(one_in) == 0
    }
    /// A number at or beyond a limit (f64's, u32's, the library's).
    pub fn huge_number(&mut self) -> Value {
        let raw = [
            "1.7e308",
            "-1.7e308",
            "1e-320",
            "5e-324",
            "-0",
            "0",
            "9007199254740993",
            "18446744073709551616",
            "4294967296",
            "4294967295",
            "2147483648",
            "-1",
            "1e400",
            "123456789012345678901234567890",
            "0.1",
            "1e9",
            "1000000001",
            "-1e-7",
            "36",
            "37",
            "120",
            "121",
            "10000000",
            "10000001",
            "1e16",
        ];
        let i = self.below(raw.len());
        serde_json::from_str(raw[i]).unwrap_or(Value::Null)
    }
    /// A scalar or empty container that breaks most fields.
    pub fn scalar(&mut self) -> Value {
        match self.below(9) {
            0 => Value::Null,
            1 => Value::Bool(self.chance(2)),
            2 => self.huge_number(),
            3 => json!(self.below(100)),
            4 => json!(""),
            5 => json!("x".repeat(self.below(3000))),
            6 => {
                let words = [
                    "MISTET_JOBBEN",
                    "JA",
                    "NEI",
                    "2025-02-30",
                    "2025-13-01",
                    "0000-01-01",
                    "9999-12-31",
                    "2025-03",
                    "noe-2018",
                    "variant-a",
                    "__proto__",
                    "constructor",
                    "STABLE_WORK",
                    "NEVER",
                    "\u{0}",
                    "\u{feff}",
                    "💥",
                    "1e308",
                ];
                json!(words[self.below(words.len())])
            }
            7 => json!([]),
            _ => json!({}),
        }
    }
    /// Random JSON with the library's keys, `depth` levels at most.
    pub fn random_json(&mut self, depth: u32) -> Value {
        if depth == 0 || self.chance(3) {
            return self.scalar();
        }
        if self.chance(2) {
            Value::Array(
                (0..self.below(5))
                    .map(|_| self.random_json(depth - 1))
                    .collect(),
            )
        } else {
            let keys = [
                "registeredOn",
                "birthDate",
                "answers",
                "wages",
                "employment",
                "nok",
                "month",
                "start",
                "end",
                "policy",
                "model",
                "grunnbelop",
                "features",
                "edges",
                "size",
                "seed",
                "share",
                "id",
                "__proto__",
                "intercept",
                "weights",
            ];
            Value::Object(
                (0..self.below(6))
                    .map(|_| {
                        (
                            keys[self.below(keys.len())].to_string(),
                            self.random_json(depth - 1),
                        )
                    })
                    .collect(),
            )
        }
    }
    /// Replaces one node of `v` (chosen at random) with `f(old)`.
    pub fn replace_node(&mut self, v: &mut Value, f: &mut dyn FnMut(&mut Gen, &Value) -> Value) {
        let n = count(v);
        let target = self.below(n);
        let mut i = 0;
        walk_replace(v, target, &mut i, self, f);
    }
    /// One byte of `text` replaced, removed or inserted.
    pub fn byte_edit(&mut self, text: &str) -> String {
        let mut bytes = text.as_bytes().to_vec();
        let interesting = b"{}[]\",:0123456789-+.eE nulltruefalse\\\x00\xff";
        let pos = self.below(bytes.len() + 1);
        match self.below(3) {
            0 if pos < bytes.len() => {
                bytes[pos] = interesting[self.below(interesting.len())];
            }
            1 if pos < bytes.len() => {
                bytes.remove(pos);
            }
            _ => bytes.insert(pos, interesting[self.below(interesting.len())]),
        }
        String::from_utf8_lossy(&bytes).into_owned()
    }
    /// A hostile input made from `seed` (one of six kinds, at random).
    pub fn mutate(&mut self, seed: &Value) -> String {
        let k = self.below(6);
        self.mutate_kind(seed, k)
    }
    /// A hostile input of kind `kind` (0–5) made from `seed`.
    pub fn mutate_kind(&mut self, seed: &Value, kind: usize) -> String {
        match kind {
            0 => self.random_json(5).to_string(),
            1 | 2 => {
                let mut t = seed.to_string();
                for _ in 0..1 + self.below(3) {
                    t = self.byte_edit(&t);
                }
                t
            }
            3 => {
                let mut v = seed.clone();
                self.replace_node(&mut v, &mut |g, _| g.scalar());
                v.to_string()
            }
            4 => {
                let mut v = seed.clone();
                self.replace_node(&mut v, &mut |g, old| {
                    if old.is_number() || g.chance(3) {
                        g.huge_number()
                    } else {
                        g.random_json(3)
                    }
                });
                v.to_string()
            }
            _ => {
                // Deep nesting spliced in as text: building it as a tree is
                // slow, and the point is the reader's depth limit.
                let mut v = seed.clone();
                let mut inner = Value::Null;
                self.replace_node(&mut v, &mut |_, old| {
                    inner = old.clone();
                    json!("\u{1}DEEP\u{1}")
                });
                let levels = 100 + self.below(120);
                let (open, close) = if self.chance(2) {
                    ("[".repeat(levels), "]".repeat(levels))
                } else {
                    ("{\"x\":".repeat(levels), "}".repeat(levels))
                };
                v.to_string()
                    .replace("\"\\u0001DEEP\\u0001\"", &format!("{open}{inner}{close}"))
            }
        }
    }
}

/// The number of nodes of a value.
pub fn count(v: &Value) -> usize {
    1 + match v {
        Value::Array(a) => a.iter().map(count).sum(),
        Value::Object(m) => m.values().map(count).sum(),
        _ => 0,
    }
}

fn walk_replace(
    v: &mut Value,
    target: usize,
    i: &mut usize,
    g: &mut Gen,
    f: &mut dyn FnMut(&mut Gen, &Value) -> Value,
) -> bool {
    if *i == target {
        *v = f(g, v);
        return true;
    }
    *i += 1;
    match v {
        Value::Array(a) => a.iter_mut().any(|x| walk_replace(x, target, i, g, f)),
        Value::Object(m) => m.values_mut().any(|x| walk_replace(x, target, i, g, f)),
        _ => false,
    }
}
