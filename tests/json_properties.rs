//! Property tests of the crate's own JSON reader and writer
//! (`src/json/`) against serde_json, an independent implementation:
//! the reader accepts exactly the texts serde_json accepts and reads the
//! same values; the writer's text reads back (with serde_json) to the same
//! value, floats to the same bits.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use proptest::prelude::*;
use veivalg::json::{self, Value};

/// Our value, as serde_json's (numbers compared as f64 where either side
/// is a float).
fn same(ours: &Value, theirs: &serde_json::Value) -> bool {
    match (ours, theirs) {
        (Value::Null, serde_json::Value::Null) => true,
        (Value::Bool(a), serde_json::Value::Bool(b)) => a == b,
        (Value::Number(a), serde_json::Value::Number(b)) => {
            let b = b.as_f64().expect("a finite number");
            a.as_f64().to_bits() == b.to_bits() || (a.as_f64() == 0.0 && b == 0.0)
        }
        (Value::String(a), serde_json::Value::String(b)) => a == b,
        (Value::Array(a), serde_json::Value::Array(b)) => {
            a.len() == b.len() && a.iter().zip(b).all(|(x, y)| same(x, y))
        }
        (Value::Object(a), serde_json::Value::Object(b)) => {
            // A repeated key (a one-byte edit can make one): our `Value`
            // keeps every entry, serde_json the last; compare the last.
            let last = |k: &str| a.iter().filter(|(key, _)| *key == k).last().map(|(_, v)| v);
            let distinct: std::collections::BTreeSet<&String> = a.iter().map(|(k, _)| k).collect();
            distinct.len() == b.len()
                && distinct
                    .iter()
                    .all(|k| matches!((last(k), b.get(*k)), (Some(v), Some(w)) if same(v, w)))
        }
        _ => false,
    }
}

/// Arbitrary JSON documents (unique keys), as serde_json values.
fn document() -> impl Strategy<Value = serde_json::Value> {
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::Bool),
        any::<i64>().prop_map(|n| serde_json::json!(n)),
        any::<u64>().prop_map(|n| serde_json::json!(n)),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(|f| serde_json::json!(f)),
        (-1e6f64..1e6).prop_map(|f| serde_json::json!(f)),
        ".{0,12}".prop_map(serde_json::Value::String),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(serde_json::Value::Array),
            prop::collection::btree_map("[a-zA-Z_\u{e6}\"\\\\]{0,8}", inner, 0..6)
                .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    /// Texts serde_json writes (compact and pretty) read to the same value.
    #[test]
    fn reads_what_serde_json_writes(doc in document()) {
        for text in [doc.to_string(), serde_json::to_string_pretty(&doc).unwrap()] {
            let ours: Value = json::parse_limited(&text, usize::MAX).unwrap();
            prop_assert!(same(&ours, &doc), "{text}");
        }
    }

    /// What we write reads back (with serde_json) to the same value, and
    /// our pretty layout is serde_json's.
    #[test]
    fn writes_what_serde_json_reads_back(doc in document()) {
        let ours: Value = json::parse_limited(&doc.to_string(), usize::MAX).unwrap();
        let text = json::to_string(&ours);
        let back: serde_json::Value = serde_json::from_str(&text).unwrap();
        prop_assert!(same(&ours, &back), "{text}");
        let again: Value = json::parse_limited(&text, usize::MAX).unwrap();
        prop_assert_eq!(again, ours);
    }

    /// Any text: both readers accept it, or both refuse it (ours with
    /// `INVALID_JSON` and a line and column, never a panic).
    #[test]
    fn accepts_exactly_what_serde_json_accepts(
        text in prop_oneof![
            "[ \\[\\]{}:,\"0-9eE.+\\-a-z\\\\]{0,40}",
            document().prop_map(|d| d.to_string()).prop_flat_map(|t| {
                let n = t.len();
                (Just(t), 0..=n, any::<u8>())
            }).prop_map(|(t, i, b)| {
                // One byte changed, deleted or inserted.
                let mut bytes = t.into_bytes();
                match b % 3 {
                    0 if i < bytes.len() => bytes[i] = b"{}[],:\"0e-. x"[usize::from(b) % 13],
                    1 if i < bytes.len() => { bytes.remove(i); }
                    _ => bytes.insert(i, b"{}[],:\"0e-. x"[usize::from(b) % 13]),
                }
                String::from_utf8(bytes).unwrap_or_default()
            }),
        ]
    ) {
        let theirs = serde_json::from_str::<serde_json::Value>(&text);
        let ours = json::parse_limited::<Value>(&text, usize::MAX);
        match (&ours, &theirs) {
            (Ok(a), Ok(b)) => prop_assert!(same(a, b), "{text}"),
            (Err(e), Err(_)) => {
                prop_assert_eq!(e.kind.as_str(), "INVALID_JSON", "{}", text);
                prop_assert!(e.message.contains("(line "), "{}", e.message);
            }
            // serde_json refuses numbers beyond f64 as well; both must agree.
            _ => prop_assert!(false, "ours {:?}, serde_json {:?} for {}", ours.is_ok(), theirs.is_ok(), text),
        }
    }
}

/// Found by the property above: a repeated key is read by both (serde_json
/// keeps the last value; `Value` keeps both, in order).
#[test]
fn repeated_keys_are_read_by_both() {
    let text = r#"{"":-27611802692752527,"":[]}"#;
    let ours: Value = json::parse_limited(text, usize::MAX).unwrap();
    let theirs: serde_json::Value = serde_json::from_str(text).unwrap();
    assert!(same(&ours, &theirs));
    assert_eq!(ours.as_object().map(|m| m.len()), Some(2));
}
