//! The valid registrations the tests start from, written once: the shared
//! behaviour tests and the binding tests (`tests/shared/`), the hostile-input
//! fuzzer (`tests/hostile.rs`, which includes this file alone) and the wasm
//! fuzz pass all mutate or check these.

use serde_json::{json, Value};

/// A 45-year-old who lost their job in March 2025, with higher education
/// (approved and passed), no obstacles, employed without a break since
/// February 2023: every quick-return criterion of every ruleset holds.
pub fn quick_return_person() -> Value {
    json!({
        "registeredOn": "2025-03-14",
        "birthDate": "1979-06-02",
        "answers": {
            "situation": "MISTET_JOBBEN",
            "education": "HOYERE_UTDANNING_1_TIL_4",
            "educationApproved": "JA",
            "educationPassed": "JA",
            "healthObstacles": "NEI",
            "otherObstacles": "NEI"
        },
        "employment": [{ "start": "2023-02-01", "end": null }]
    })
}

/// [`quick_return_person`] with an id, an earlier employment period
/// (2019–2022) and five months of wages before registration, one with
/// øre (52 000.50) and one of 0 NOK: every array and number field of a
/// registration holds something to break.
// Used by tests/hostile.rs and the wasm fuzz pass, not by every test
// crate that includes this file.
#[allow(dead_code)]
pub fn person_with_history() -> Value {
    let mut p = quick_return_person();
    p["id"] = json!("h-1");
    p["employment"] = json!([
        { "start": "2023-02-01", "end": null },
        { "start": "2019-01-01", "end": "2022-12-31" }
    ]);
    p["wages"] = json!([
        { "month": "2024-10", "nok": 41000 }, { "month": "2024-11", "nok": 41000 },
        { "month": "2024-12", "nok": 52000.5 }, { "month": "2025-01", "nok": 0 },
        { "month": "2025-02", "nok": 38000 }
    ]);
    p
}
