//! serde's type errors in the words of JSON, not of Rust.
//!
//! serde describes a wrong value with Rust's names: "invalid type:
//! sequence, expected struct AnswersInput", "expected u32". A caller who
//! wrote JSON (or a JS object) reads "expected an object, got an array",
//! "expected a whole number from 0 to 4294967295, got the string \"12\"".
//! Messages of our own `Deserialize` checks and of the `vocabulary!`
//! enums are already in these words and pass through unchanged.

/// `invalid type: X, expected Y` (and `invalid value: …`) rewritten as
/// `expected Y', got X'` in JSON's words; any other message unchanged.
pub(super) fn plain(message: &str) -> String {
    let rest = message
        .strip_prefix("invalid type: ")
        .or_else(|| message.strip_prefix("invalid value: "));
    let Some(rest) = rest else {
        return message.to_string();
    };
    let Some((unexpected, expected)) = rest.split_once(", expected ") else {
        return message.to_string();
    };
    format!(
        "expected {}, got {}",
        expected_words(expected),
        got_words(unexpected)
    )
}

/// serde's `Unexpected` display (`sequence`, ``integer `5` ``, `string "x"`).
fn got_words(unexpected: &str) -> String {
    let quoted = |prefix: &str| {
        unexpected
            .strip_prefix(prefix)
            .and_then(|r| r.strip_prefix('`'))
            .and_then(|r| r.strip_suffix('`'))
            .map(str::to_string)
    };
    match unexpected {
        "sequence" => return "an array".into(),
        "map" => return "an object".into(),
        "unit value" | "unit" | "Option value" => return "null".into(),
        _ => {}
    }
    if let Some(n) = quoted("integer ")
        .or_else(|| quoted("floating point "))
        .or_else(|| quoted("number "))
    {
        return format!("the number {n}");
    }
    if let Some(b) = quoted("boolean ") {
        return b;
    }
    if let Some(s) = unexpected.strip_prefix("string ") {
        return format!("the string {s}");
    }
    unexpected.to_string()
}

/// A visitor's `expecting` text: Rust's primitive and struct names become
/// what the JSON value must be.
fn expected_words(expected: &str) -> String {
    let whole = |max: u64| format!("a whole number from 0 to {max}");
    match expected {
        "u8" => whole(u8::MAX.into()),
        "u16" => whole(u16::MAX.into()),
        "u32" => whole(u32::MAX.into()),
        "u64" | "usize" => "a whole number from 0 up".into(),
        "i8" | "i16" | "i32" | "i64" | "isize" => "a whole number".into(),
        "f32" | "f64" => "a number".into(),
        "a sequence" => "an array".into(),
        "a map" => "an object".into(),
        "a borrowed string" => "a string".into(),
        _ if expected.starts_with("struct ") => "an object".into(),
        _ if expected.starts_with("tuple of ") => {
            format!("an array of {}", &expected["tuple of ".len()..])
        }
        _ => expected.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::plain;

    #[test]
    fn rust_names_become_json_words() {
        for (serde, ours) in [
            (
                "invalid type: sequence, expected struct AnswersInput",
                "expected an object, got an array",
            ),
            (
                "invalid type: map, expected a sequence",
                "expected an array, got an object",
            ),
            (
                "invalid type: string \"12\", expected u32",
                "expected a whole number from 0 to 4294967295, got the string \"12\"",
            ),
            (
                "invalid type: floating point `1.5`, expected u8",
                "expected a whole number from 0 to 255, got the number 1.5",
            ),
            (
                "invalid value: integer `-1`, expected u64",
                "expected a whole number from 0 up, got the number -1",
            ),
            (
                "invalid type: boolean `true`, expected f64",
                "expected a number, got true",
            ),
            (
                "invalid type: unit value, expected a string",
                "expected a string, got null",
            ),
            (
                "invalid type: integer `3`, expected a string",
                "expected a string, got the number 3",
            ),
            (
                "invalid length 1, expected a tuple of size 2",
                "invalid length 1, expected a tuple of size 2",
            ),
            (
                "a wage must be a number of NOK from 0 to 1000000000, got -1500",
                "a wage must be a number of NOK from 0 to 1000000000, got -1500",
            ),
        ] {
            assert_eq!(plain(serde), ours, "{serde}");
        }
    }
}
