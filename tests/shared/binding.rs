//! Tests of the JS binding itself (`veivalg::wasm`), run by both wasm test
//! files: values cross as JS values, errors are real JS `Error`s with `kind`
//! and `path`, and the module keeps working after an error.

use js_sys::{Reflect, JSON};
use veivalg::wasm;
use wasm_bindgen::{JsCast, JsValue};

/// Declares one test per binding body (wasm32 only).
macro_rules! binding_tests {
    ($attr:meta) => {
        binding_tests!(@emit $attr;
            binding_decide_returns_a_js_object,
            binding_error_is_a_js_error_with_kind_and_path,
            binding_module_works_after_errors,
            binding_cyclic_input_is_invalid_json,
            binding_non_json_values_are_invalid_type,
            binding_huge_input_is_too_large,
            binding_null_and_undefined_options_are_defaults,
            binding_tables_and_version,
            binding_bad_inputs_throw_with_a_path_and_never_trap,
            binding_every_export_answers,
            binding_cohort_class_keeps_rows_in_wasm,
            binding_proxies_whose_traps_throw_are_errors_not_traps,
            binding_arrays_where_objects_belong_are_invalid_type,
            binding_shipped_items_by_id_or_whole,
            binding_fuzz_mutations_at_every_export_never_trap,
            binding_cohort_files_load_from_bytes_in_chunks,
            binding_synthetic_builder_steps_to_the_one_call_cohort,
            binding_synthetic_builder_errors_are_structured,
        );
    };
    (@emit $attr:meta; $($name:ident),* $(,)?) => {
        $(
            #[$attr]
            fn $name() {
                shared::binding::$name();
            }
        )*
    };
}

fn js(value: &serde_json::Value) -> JsValue {
    JSON::parse(&value.to_string()).expect("valid JSON")
}

fn get(obj: &JsValue, key: &str) -> JsValue {
    Reflect::get(obj, &JsValue::from_str(key)).expect("an object")
}

fn get_str(obj: &JsValue, key: &str) -> Option<String> {
    get(obj, key).as_string()
}

fn thrown(result: Result<JsValue, JsValue>) -> JsValue {
    match result {
        Ok(v) => panic!("expected a thrown error, got {v:?}"),
        Err(e) => e,
    }
}

fn assert_error(e: &JsValue, kind: &str, path: &str) {
    assert!(e.is_instance_of::<js_sys::Error>(), "not an Error: {e:?}");
    let obj: &js_sys::Object = e.unchecked_ref();
    let own = |k: &str| js_sys::Object::has_own(obj, &JsValue::from_str(k));
    assert!(own("kind") && own("path") && own("message"), "{e:?}");
    assert_eq!(get_str(e, "kind").as_deref(), Some(kind), "{e:?}");
    assert_eq!(get_str(e, "path").as_deref(), Some(path), "{e:?}");
    let message = get_str(e, "message").unwrap_or_default();
    assert!(!message.is_empty());
}

/// Whether `x` is valid synthetic-cohort options with more than `max` rows
/// (the fuzz pass skips those: a valid large size is slow, not hostile).
fn valid_synthetic_above(x: &JsValue, max: u64) -> bool {
    JSON::stringify(x)
        .ok()
        .and_then(|t| t.as_string())
        .and_then(|t| veivalg::wire::parse::<veivalg::cohort::session::SyntheticOptions>(&t).ok())
        .is_some_and(|o| o.size > max)
}

fn person() -> JsValue {
    js(&super::quick_return_person())
}

pub fn binding_decide_returns_a_js_object() {
    let d = wasm::decide(person(), None).expect("a valid person");
    assert!(d.is_object());
    assert_eq!(
        get_str(&d, "group").as_deref(),
        Some("ANTATT_GODE_MULIGHETER")
    );
    assert_eq!(get_str(&d, "unit").as_deref(), Some("NOE"));
    assert!(js_sys::Array::is_array(&get(&d, "trace")));
}

pub fn binding_error_is_a_js_error_with_kind_and_path() {
    let mut p = super::quick_return_person();
    p["answers"]["situation"] = serde_json::json!("MISTET_JOBEN");
    let e = thrown(wasm::decide(js(&p), None));
    assert_error(&e, "INVALID_VALUE", "answers.situation");
}

pub fn binding_module_works_after_errors() {
    for _ in 0..3 {
        let _ = thrown(wasm::decide(JsValue::from_str("not an object"), None));
        let _ = thrown(wasm::decide(JsValue::UNDEFINED, None));
        let d = wasm::decide(person(), None).expect("still usable");
        assert_eq!(get_str(&d, "unit").as_deref(), Some("NOE"));
    }
}

pub fn binding_cyclic_input_is_invalid_json() {
    let p = person();
    Reflect::set(&p, &JsValue::from_str("self"), &p).expect("set");
    let e = thrown(wasm::decide(p, None));
    // The path names the property that closes the cycle.
    assert_error(&e, "INVALID_JSON", "self");
    // A cyclic options object as well.
    let o = js_sys::Object::new();
    Reflect::set(&o, &JsValue::from_str("me"), &o).expect("set");
    let e = thrown(wasm::decide(person(), Some(o.into())));
    assert_error(&e, "INVALID_JSON", "options.me");
}

pub fn binding_non_json_values_are_invalid_type() {
    let f = js_sys::Function::new_no_args("return 1");
    for v in [
        JsValue::UNDEFINED,
        f.into(),
        JsValue::symbol(Some("s")),
        JsValue::bigint_from_str("7"),
    ] {
        let e = thrown(wasm::decide(v, None));
        assert_error(&e, "INVALID_TYPE", "");
    }
}

pub fn binding_huge_input_is_too_large() {
    let mut p = super::quick_return_person();
    p["id"] = serde_json::json!("x".repeat(veivalg::wire::MAX_RECORD_BYTES));
    let e = thrown(wasm::decide(js(&p), None));
    // The path names the field that makes it too large.
    assert_error(&e, "TOO_LARGE", "id");
}

pub fn binding_null_and_undefined_options_are_defaults() {
    let a = JSON::stringify(&wasm::decide(person(), None).expect("none")).expect("json");
    let b =
        JSON::stringify(&wasm::decide(person(), Some(JsValue::NULL)).expect("null")).expect("json");
    let c = JSON::stringify(&wasm::decide(person(), Some(JsValue::UNDEFINED)).expect("undef"))
        .expect("json");
    assert_eq!(a, b);
    assert_eq!(a, c);
    // The same bytes the JSON-text facade gives (what the CLI prints).
    let text = super::quick_return_person().to_string();
    let facade = veivalg::api::text::decide(&text, "null").expect("facade");
    assert_eq!(String::from(a), facade);
}

pub fn binding_tables_and_version() {
    let g = wasm::grunnbelop().expect("the G table");
    assert!(js_sys::Array::is_array(&g));
    assert_eq!(wasm::version(), env!("CARGO_PKG_VERSION"));
}

fn bad_inputs_person_cases() -> Vec<(&'static str, JsValue, &'static str, &'static str)> {
    let mut number_enum = super::quick_return_person();
    number_enum["answers"]["situation"] = serde_json::json!(3);
    let mut wage_text = super::quick_return_person();
    wage_text["wages"] = serde_json::json!([{ "month": "2024-12", "nok": "45 000" }]);
    // A 1 000 000-entry wage array, built in JS.
    let huge = person();
    let wages = js_sys::Array::new_with_length(1_000_000);
    let entry = js(&serde_json::json!({ "month": "2024-12", "nok": 1 }));
    wages.fill(&entry, 0, 1_000_000);
    Reflect::set(&huge, &JsValue::from_str("wages"), &wages).expect("set");
    vec![
        ("undefined", JsValue::UNDEFINED, "INVALID_TYPE", ""),
        (
            "a number for an enum",
            js(&number_enum),
            "INVALID_TYPE",
            "answers.situation",
        ),
        (
            "a wage as text",
            js(&wage_text),
            "INVALID_TYPE",
            "wages[0].nok",
        ),
        ("a million wages", huge, "TOO_LARGE", "wages"),
    ]
}

pub fn binding_bad_inputs_throw_with_a_path_and_never_trap() {
    for (what, value, kind, path) in bad_inputs_person_cases() {
        let e = thrown(wasm::decide(value, None));
        assert_error(&e, kind, path);
        let _ = what;
        // The module answers the next call.
        let d = wasm::decide(person(), None).expect("usable after a bad call");
        assert_eq!(get_str(&d, "unit").as_deref(), Some("NOE"), "after {what}");
    }
    // A model object with a cyclic reference, as an option.
    let model = js_sys::Object::new();
    Reflect::set(&model, &JsValue::from_str("id"), &JsValue::from_str("m")).expect("set");
    Reflect::set(&model, &JsValue::from_str("self"), &model).expect("set");
    let options = js_sys::Object::new();
    Reflect::set(&options, &JsValue::from_str("model"), &model).expect("set");
    let e = thrown(wasm::decide(person(), Some(options.clone().into())));
    assert_error(&e, "INVALID_JSON", "options.model.self");
    let e = thrown(wasm::score(person(), Some(options.into())));
    assert_error(&e, "INVALID_JSON", "options.model.self");
    assert!(wasm::decide(person(), None).is_ok());
}

pub fn binding_every_export_answers() {
    let p = person();
    let t = wasm::rule_tree(p.clone(), None).expect("rule tree");
    assert_eq!(
        get_str(&t, "group").as_deref(),
        Some("ANTATT_GODE_MULIGHETER")
    );
    let f = wasm::features(p.clone()).expect("features");
    assert_eq!(get_str(&f, "situation").as_deref(), Some("MISTET_JOBBEN"));
    let h = wasm::wage_history(p.clone(), Some(js(&serde_json::json!({ "months": 12 }))))
        .expect("history");
    assert_eq!(js_sys::Array::from(&h).length(), 12);
    let e = thrown(wasm::label_outcome(p.clone(), None));
    assert_error(&e, "INSUFFICIENT_DATA", "wages");
    for list in [
        wasm::policies(),
        wasm::rulesets(),
        wasm::models(),
        wasm::grunnbelop(),
    ] {
        assert!(js_sys::Array::is_array(&list.expect("a list")));
    }
    let e = thrown(wasm::score(
        p,
        Some(js(&serde_json::json!({ "model": "none" }))),
    ));
    assert_error(&e, "NOT_FOUND", "options.model");
}

pub fn binding_cohort_class_keeps_rows_in_wasm() {
    let mut c = wasm::Cohort::synthetic(js(&serde_json::json!({ "seed": 1, "size": 2000 })))
        .unwrap_or_else(|_| panic!("a synthetic cohort"));
    let summary = c.summary().expect("summary");
    assert_eq!(get(&summary, "rows").as_f64(), Some(2000.0));
    let spec = serde_json::json!({ "id": "a", "target": "STABLE_WORK", "features": [
        { "name": "situation" }, { "name": "monthsSinceAbove3G" }, { "name": "monthsAbove3GLast24" }] });
    let model = c.fit(js(&spec)).expect("a model");
    let model_json: serde_json::Value =
        serde_json::from_str(&String::from(JSON::stringify(&model).expect("json"))).expect("json");
    let options = serde_json::json!({
        "policy": { "id": "p", "validFrom": "2025-01-01", "status": "PROPOSAL", "method": "MODEL",
            "model": "a", "share": 0.3, "noeAge": { "min": 30, "max": 66 },
            "toLocalOffice": ["HEALTH_OBSTACLES"], "source": "test" },
        "model": model_json,
        "share": 0.4
    });
    let e = c.evaluate(js(&options)).expect("an evaluation");
    assert_eq!(get(&e, "share").as_f64(), Some(0.4));
    let cutoff = c.threshold_for_share(js(&options)).unwrap_or(f64::NAN);
    assert_eq!(get(&e, "cutoff").as_f64(), Some(cutoff));
    // Errors name the option, and the cohort keeps working.
    let mut bad = options.clone();
    bad["share"] = serde_json::json!(1.5);
    let err = thrown(c.evaluate(js(&bad)));
    assert_eq!(get_str(&err, "kind").as_deref(), Some("OUT_OF_RANGE"));
    let err = thrown(c.evaluate(JsValue::UNDEFINED));
    assert_error(&err, "INVALID_TYPE", "options");
    assert!(c.evaluate(js(&options)).is_ok());
    let err = match wasm::Cohort::synthetic(js(&serde_json::json!({ "seed": 1, "size": 0 }))) {
        Ok(_) => panic!("size 0"),
        Err(e) => e,
    };
    assert_error(&err, "OUT_OF_RANGE", "size");
    let records = serde_json::json!([{ "person": super::quick_return_person() }]);
    let err = match wasm::Cohort::from_json(js(&records), None) {
        Ok(_) => panic!("no wages after registration"),
        Err(e) => e,
    };
    assert_error(&err, "INSUFFICIENT_DATA", "[0].person.wages");
}

pub fn binding_proxies_whose_traps_throw_are_errors_not_traps() {
    let handler = js_sys::Object::new();
    let throws = js_sys::Function::new_no_args("throw new Error('trap')");
    for trap in ["ownKeys", "get", "getOwnPropertyDescriptor"] {
        Reflect::set(&handler, &JsValue::from_str(trap), &throws).expect("set");
    }
    let proxy = js_sys::Proxy::new(&person(), &handler);
    let e = thrown(wasm::decide(proxy.into(), None));
    assert_eq!(get_str(&e, "kind").as_deref(), Some("INVALID_JSON"));
    let revocable = js_sys::Proxy::revocable(&person(), &js_sys::Object::new());
    let revoke: js_sys::Function = get(&revocable, "revoke").unchecked_into();
    let revoked = get(&revocable, "proxy");
    revoke.call0(&JsValue::NULL).expect("revoke");
    let e = thrown(wasm::decide(revoked, None));
    assert_eq!(get_str(&e, "kind").as_deref(), Some("INVALID_JSON"));
    let d = wasm::decide(person(), None).expect("usable after the proxies");
    assert_eq!(get_str(&d, "unit").as_deref(), Some("NOE"));
}

fn thrown_cohort(result: Result<wasm::Cohort, JsValue>) -> JsValue {
    match result {
        Ok(_) => panic!("expected a thrown error, got a Cohort"),
        Err(e) => e,
    }
}

/// Issue 9: JS arrays of a struct's fields where an object belongs are
/// `INVALID_TYPE` naming the object, at every export.
pub fn binding_arrays_where_objects_belong_are_invalid_type() {
    let p = super::quick_return_person();
    let values = |v: &serde_json::Value| {
        serde_json::Value::Array(
            v.as_object()
                .expect("an object")
                .values()
                .cloned()
                .collect(),
        )
    };
    let e = thrown(wasm::decide(js(&values(&p)), None));
    assert_error(&e, "INVALID_TYPE", "");
    let mut q = p.clone();
    q["answers"] = values(&p["answers"]);
    let e = thrown(wasm::features(js(&q)));
    assert_error(&e, "INVALID_TYPE", "answers");
    let e = thrown(wasm::score(
        js(&p),
        Some(js(&serde_json::json!(["variant-a"]))),
    ));
    assert_error(&e, "INVALID_TYPE", "options");
    let e = thrown_cohort(wasm::Cohort::synthetic(js(&serde_json::json!([1, 50]))));
    assert_error(&e, "INVALID_TYPE", "");
    let records = serde_json::json!([{ "person": values(&p) }]);
    let e = thrown_cohort(wasm::Cohort::from_json(js(&records), None));
    assert_error(&e, "INVALID_TYPE", "[0].person");
    let c = wasm::Cohort::synthetic(js(&serde_json::json!({ "seed": 1, "size": 40 })))
        .unwrap_or_else(|_| panic!("a synthetic cohort"));
    let spec = serde_json::json!(["x", "STABLE_WORK", [{ "name": "situation" }]]);
    let e = thrown(c.fit(js(&spec)));
    assert_error(&e, "INVALID_TYPE", "spec");
    let d = wasm::decide(person(), None).expect("still answers");
    assert_eq!(get_str(&d, "unit").as_deref(), Some("NOE"));
}

/// `policy`, `model` and `ruleset` options from JS: a shipped item's id or
/// the item whole give the same answer; an error inside the object has the
/// path of its field; any other JSON type is `INVALID_TYPE` at the option.
/// (A key given twice cannot cross from JS: a JS object has each key once,
/// and `JSON.stringify` writes it once; tests/bad_input.rs covers it.)
pub fn binding_shipped_items_by_id_or_whole() {
    type Call = fn(JsValue, Option<JsValue>) -> Result<JsValue, JsValue>;
    let from = |list: Result<JsValue, JsValue>, id: &str| -> serde_json::Value {
        let list: serde_json::Value = serde_json::from_str(&String::from(
            JSON::stringify(&list.expect("a list")).expect("json"),
        ))
        .expect("json");
        list.as_array()
            .and_then(|l| l.iter().find(|x| x["id"] == id))
            .cloned()
            .expect("a shipped item")
    };
    let cases: [(&str, Call, serde_json::Value); 3] = [
        ("policy", wasm::decide, from(wasm::policies(), "variant-a")),
        ("model", wasm::score, from(wasm::models(), "variant-b")),
        ("ruleset", wasm::rule_tree, from(wasm::rulesets(), "2018")),
    ];
    let text = |v: JsValue| String::from(JSON::stringify(&v).expect("json"));
    for (option, call, whole) in cases {
        let id = whole["id"].clone();
        let by_id = call(person(), Some(js(&serde_json::json!({ option: id })))).expect("by id");
        let given =
            call(person(), Some(js(&serde_json::json!({ option: whole })))).expect("given whole");
        assert_eq!(text(by_id), text(given), "{option}");
        let mut wrong = whole.clone();
        wrong["id"] = serde_json::json!(7);
        let e = thrown(call(
            person(),
            Some(js(&serde_json::json!({ option: wrong }))),
        ));
        assert_error(&e, "INVALID_TYPE", &format!("options.{option}.id"));
        for value in [
            serde_json::json!(7),
            serde_json::json!(["variant-a"]),
            serde_json::json!(true),
        ] {
            let e = thrown(call(
                person(),
                Some(js(&serde_json::json!({ option: value }))),
            ));
            assert_error(&e, "INVALID_TYPE", &format!("options.{option}"));
            let message = get_str(&e, "message").unwrap_or_default();
            assert!(
                message.starts_with("expected an id (string) or an object, got "),
                "{message}"
            );
        }
    }
    // Where the option is required, null is a type error too.
    let mut c = wasm::Cohort::synthetic(js(&serde_json::json!({ "seed": 1, "size": 40 })))
        .unwrap_or_else(|_| panic!("a synthetic cohort"));
    for policy in [serde_json::Value::Null, serde_json::json!(0.5)] {
        let options = serde_json::json!({ "policy": policy, "share": 0.5 });
        let e = match c.threshold_for_share(js(&options)) {
            Ok(x) => panic!("accepted: {x}"),
            Err(e) => e,
        };
        assert_error(&e, "INVALID_TYPE", "options.policy");
    }
    let d = wasm::decide(person(), None).expect("still answers");
    assert_eq!(get_str(&d, "unit").as_deref(), Some("NOE"));
}

/// Every error kind (`crate::ErrorKind::ALL`, as strings).
fn kinds() -> Vec<&'static str> {
    veivalg::ErrorKind::ALL.iter().map(|k| k.as_str()).collect()
}

/// Hostile inputs of the fuzz pass inside `wasm_bindgen_test` (the native
/// fuzzer of `tests/hostile.rs` runs 100 000; a debug wasm build is slower,
/// so fewer here, from the same generator).
const WASM_FUZZ_CASES: usize = 5_000;

/// Values JSON cannot hold, put at a random node of a mutated input.
fn js_only_values() -> Vec<JsValue> {
    let cyclic = js_sys::Object::new();
    Reflect::set(&cyclic, &JsValue::from_str("self"), &cyclic).expect("set");
    vec![
        JsValue::UNDEFINED,
        JsValue::symbol(Some("s")),
        JsValue::bigint_from_str("10"),
        js_sys::Function::new_no_args("return 1").into(),
        cyclic.into(),
        js_sys::Array::new_with_length(u32::MAX).into(),
        JsValue::from_f64(f64::NAN),
        JsValue::from_f64(f64::INFINITY),
    ]
}

/// The JS keys of every node of `v` down to 6 levels (arrays of at most
/// 50 entries), for putting a JS-only value there.
fn node_keys(v: &serde_json::Value, at: &mut Vec<JsValue>, out: &mut Vec<Vec<JsValue>>) {
    out.push(at.clone());
    if at.len() >= 6 {
        return;
    }
    match v {
        serde_json::Value::Object(m) => {
            for (k, x) in m {
                at.push(JsValue::from_str(k));
                node_keys(x, at, out);
                at.pop();
            }
        }
        serde_json::Value::Array(a) if a.len() <= 50 => {
            for (i, x) in a.iter().enumerate() {
                at.push(JsValue::from(i as u32));
                node_keys(x, at, out);
                at.pop();
            }
        }
        _ => {}
    }
}

/// What the module answers for valid inputs, as JSON text: compared before
/// and after the hostile calls.
fn fuzz_answers(cohort: &mut wasm::Cohort) -> String {
    let p = || js(&super::fixtures::person_with_history());
    let text = |r: Result<JsValue, JsValue>| {
        let v = r.unwrap_or_else(|e| panic!("a valid input failed: {e:?}"));
        String::from(JSON::stringify(&v).expect("json"))
    };
    [
        text(wasm::decide(p(), None)),
        text(wasm::explain(p(), None)),
        text(wasm::score(p(), None)),
        text(wasm::features(p())),
        text(wasm::wage_history(p(), None)),
        text(cohort.summary()),
        text(cohort.evaluate(js(&serde_json::json!({ "method": "RULE_TREE_GROUP" })))),
        text(
            cohort
                .threshold_for_share(js(
                    &serde_json::json!({ "policy": "variant-a", "share": 0.5 }),
                ))
                .map(JsValue::from_f64),
        ),
    ]
    .join("\n")
}

/// Issue 12: mutations of valid persons and options (tests/shared/mutate.rs,
/// the native fuzzer's generator) with JS-only values spliced in, through
/// every wasm export: each call answers or throws a structured error, and
/// the module and a live Cohort give the same answers afterwards.
pub fn binding_fuzz_mutations_at_every_export_never_trap() {
    type Call = fn(&mut wasm::Cohort, JsValue) -> Result<JsValue, JsValue>;
    let p = super::fixtures::person_with_history();
    let spec = serde_json::json!({ "id": "f", "target": "STABLE_WORK", "features": [
        { "name": "situation" }, { "name": "monthsSinceAbove3G", "edges": [1, 3, 6] }] });
    let calls: Vec<(&str, Call, Vec<serde_json::Value>)> = vec![
        ("decide", |_, x| wasm::decide(x, None), vec![p.clone()]),
        (
            "decide options",
            |_, x| wasm::decide(js(&super::fixtures::person_with_history()), Some(x)),
            vec![serde_json::json!({ "policy": "variant-a", "on": "2025-03-14" })],
        ),
        ("explain", |_, x| wasm::explain(x, None), vec![p.clone()]),
        ("ruleTree", |_, x| wasm::rule_tree(x, None), vec![p.clone()]),
        ("score", |_, x| wasm::score(x, None), vec![p.clone()]),
        (
            "score options",
            |_, x| wasm::score(js(&super::fixtures::person_with_history()), Some(x)),
            vec![serde_json::json!({ "model": "variant-b", "gBeyondTable": "LATEST" })],
        ),
        ("features", |_, x| wasm::features(x), vec![p.clone()]),
        (
            "labelOutcome",
            |_, x| wasm::label_outcome(x, None),
            vec![serde_json::json!({ "registeredOn": "2024-01-10", "wages": p["wages"] })],
        ),
        (
            "wageHistory options",
            |_, x| wasm::wage_history(js(&super::fixtures::person_with_history()), Some(x)),
            vec![serde_json::json!({ "months": 24 })],
        ),
        (
            "Cohort.synthetic",
            |_, x| {
                // A valid size above 2 000 is slow, not hostile.
                if valid_synthetic_above(&x, 2_000) {
                    return Ok(JsValue::NULL);
                }
                wasm::Cohort::synthetic(x).map(|_| JsValue::NULL)
            },
            vec![serde_json::json!({ "seed": 3, "size": 40 })],
        ),
        (
            "new SyntheticBuilder",
            |_, x| {
                // Each builder reserves its rows: a valid size above 2 000
                // is memory, not hostile.
                if valid_synthetic_above(&x, 2_000) {
                    return Ok(JsValue::NULL);
                }
                let mut b = wasm::SyntheticBuilder::new(x)?;
                b.step(JsValue::from_f64(25.0))
            },
            vec![serde_json::json!({ "seed": 4, "size": 30, "ages": "WIDE" })],
        ),
        (
            "Cohort.fromJson",
            |_, x| wasm::Cohort::from_json(x, None).map(|_| JsValue::NULL),
            vec![serde_json::json!([{ "person": p, "outcome": "STABLE_WORK" }])],
        ),
        (
            "evaluate",
            |c, x| c.evaluate(x),
            vec![serde_json::json!({ "policy": "variant-a", "share": 0.3 })],
        ),
        ("fit", |c, x| c.fit(x), vec![spec]),
        (
            "thresholdForShare",
            |c, x| c.threshold_for_share(x).map(JsValue::from_f64),
            vec![serde_json::json!({ "policy": "variant-a", "share": 0.5 })],
        ),
    ];
    let kinds = kinds();
    let mut cohort = wasm::Cohort::synthetic(js(&serde_json::json!({ "seed": 5, "size": 300 })))
        .unwrap_or_else(|_| panic!("a synthetic cohort"));
    let before = fuzz_answers(&mut cohort);
    let start = js_sys::Date::now();
    let odd = js_only_values();
    let mut g = super::mutate::Gen::new(12);
    let (mut answered, mut refused) = (0, 0);
    for i in 0..WASM_FUZZ_CASES {
        let (name, call, seeds) = &calls[i % calls.len()];
        let text = g.mutate(&seeds[i % seeds.len()]);
        let value = match (
            serde_json::from_str::<serde_json::Value>(&text),
            JSON::parse(&text),
        ) {
            (Ok(v), Ok(x)) if g.chance(3) => {
                let mut paths = Vec::new();
                node_keys(&v, &mut Vec::new(), &mut paths);
                let path = &paths[g.below(paths.len())];
                let new = odd[g.below(odd.len())].clone();
                match path.split_last() {
                    None => new,
                    Some((last, parents)) => {
                        let parent = parents
                            .iter()
                            .try_fold(x.clone(), |o, k| Reflect::get(&o, k).ok());
                        if let Some(parent) = parent.filter(JsValue::is_object) {
                            let _ = Reflect::set(&parent, last, &new);
                        }
                        x
                    }
                }
            }
            (_, Ok(x)) => x,
            // Not JSON: given as a string.
            (_, Err(_)) => JsValue::from_str(&text),
        };
        match call(&mut cohort, value) {
            Ok(_) => answered += 1,
            Err(e) => {
                refused += 1;
                assert!(
                    e.is_instance_of::<js_sys::Error>(),
                    "{name} {i}: not an Error: {e:?}"
                );
                let kind = get_str(&e, "kind").unwrap_or_default();
                assert!(
                    kinds.contains(&kind.as_str()),
                    "{name} {i}: kind {kind:?}: {e:?}\n{text:.400}"
                );
                assert!(get(&e, "path").is_string(), "{name} {i}: no path");
                assert!(
                    !get_str(&e, "message").unwrap_or_default().is_empty(),
                    "{name} {i}"
                );
            }
        }
        if i % 300 == 299 {
            assert_eq!(
                fuzz_answers(&mut cohort),
                before,
                "answers changed by case {i}"
            );
        }
    }
    assert_eq!(fuzz_answers(&mut cohort), before, "answers changed");
    assert_eq!(answered + refused, WASM_FUZZ_CASES);
    assert!(refused > WASM_FUZZ_CASES / 2, "only {refused} refused");
    console_log(&format!(
        "wasm fuzz pass: {WASM_FUZZ_CASES} hostile inputs at {} exports in {:.1} s ({answered} answered, {refused} refused)",
        calls.len(),
        (js_sys::Date::now() - start) / 1000.0
    ));
}

/// One line to the test runner's output (`console.log`).
fn console_log(line: &str) {
    let console = Reflect::get(&js_sys::global(), &JsValue::from_str("console")).expect("console");
    let log: js_sys::Function = get(&console, "log").unchecked_into();
    let _ = log.call1(&console, &JsValue::from_str(line));
}

/// A CSV cohort (the README's quick-return person twice, then a row with a
/// misspelt answer) as bytes: whole, and pushed a few bytes at a time.
pub fn binding_cohort_files_load_from_bytes_in_chunks() {
    let wages: String = (1..=36).map(|k| format!(",wage-{k}")).collect();
    let empty = ",".repeat(34);
    let row = "2019-02-15,1978-09-30,MISTET_JOBBEN,VIDEREGAENDE_FAGBREV_SVENNEBREV,JA,JA,NEI,NEI,2016-04-01/2019-01-31";
    let text = format!(
        "\u{feff}registeredOn,birthDate,situation,education,educationApproved,educationPassed,healthObstacles,otherObstacles,employment,outcome{wages}\r\n\
         {row},STABLE_WORK,41000,41000{empty}\r\n\
         {row},WITHOUT_WORK,41000,41000{empty}\r\n\
         {},IN_AND_OUT,41000,41000{empty}\r\n",
        row.replace("NEI,NEI", "NEJ,NEI")
    );
    let bytes = js_sys::Uint8Array::from(text.as_bytes());
    let mut whole = wasm::Cohort::from_csv(bytes.clone().into(), None)
        .unwrap_or_else(|e| panic!("a cohort: {e:?}"));
    let summary = whole.summary().expect("summary");
    assert_eq!(get(&summary, "rows").as_f64(), Some(2.0));
    let rejected = get(&summary, "rejected");
    assert_eq!(get(&rejected, "count").as_f64(), Some(1.0));
    let first = get(&get(&rejected, "first"), "0");
    assert_eq!(get(&first, "line").as_f64(), Some(4.0));
    assert_eq!(get_str(&first, "kind").as_deref(), Some("INVALID_VALUE"));
    assert_eq!(get_str(&first, "path").as_deref(), Some("healthObstacles"));
    let mut loader = wasm::CohortLoader::new(js(&serde_json::json!({ "format": "csv" })))
        .unwrap_or_else(|e| panic!("a loader: {e:?}"));
    let n = bytes.length();
    let mut at = 0;
    while at < n {
        let end = n.min(at + 5);
        let progress = loader
            .push(bytes.subarray(at, end).into())
            .expect("a chunk");
        assert_eq!(get(&progress, "bytes").as_f64(), Some(f64::from(end)));
        at = end;
    }
    let mut pushed = loader.finish().unwrap_or_else(|e| panic!("finish: {e:?}"));
    let same = pushed.summary().expect("summary");
    assert_eq!(
        JSON::stringify(&same).ok().map(String::from),
        JSON::stringify(&summary).ok().map(String::from)
    );
    assert_error(
        &thrown(loader.push(bytes.clone().into())),
        "INVALID_VALUE",
        "",
    );
    assert_error(
        &thrown(loader.push(JsValue::from_str("text"))),
        "INVALID_VALUE",
        "",
    );
    let mut fresh = wasm::CohortLoader::new(js(&serde_json::json!({ "format": "jsonl" })))
        .unwrap_or_else(|e| panic!("a loader: {e:?}"));
    assert_error(
        &thrown(fresh.push(JsValue::from_str("text"))),
        "INVALID_TYPE",
        "chunk",
    );
    // The workbench's calls answer on it.
    let standard = whole
        .evaluate(js(&serde_json::json!({ "method": "RULE_TREE_GROUP" })))
        .expect("an evaluation");
    assert_eq!(
        get(&get(&standard, "selected"), "count").as_f64(),
        Some(2.0)
    );
    let fairness = pushed
        .fairness(js(
            &serde_json::json!({ "method": "RULE_TREE_GROUP", "minGroupSize": 1 }),
        ))
        .expect("fairness");
    assert!(get(&fairness, "columns").is_instance_of::<js_sys::Array>());
    // One of the two rows is in stable work: AUC and calibration exist.
    let card = whole
        .model_card(js(&serde_json::json!({ "model": "variant-a" })))
        .expect("a model card");
    assert_eq!(get(&card, "events").as_f64(), Some(1.0));
    let err = thrown(whole.model_card(js(&serde_json::json!({ "model": "nope" }))));
    assert_error(&err, "NOT_FOUND", "options.model");
    let err = match wasm::Cohort::from_jsonl(JsValue::from_str("{}"), None) {
        Ok(_) => panic!("text is not bytes"),
        Err(e) => e,
    };
    assert_error(&err, "INVALID_TYPE", "bytes");
}

/// What a cohort answers to the workbench's first calls, as JSON text: the
/// summary, today's rule tree and variant A at the report's share.
fn cohort_answers(c: &mut wasm::Cohort) -> String {
    let text = |v: JsValue| {
        JSON::stringify(&v)
            .ok()
            .map(String::from)
            .unwrap_or_default()
    };
    [
        text(c.summary().expect("summary")),
        text(
            c.evaluate(js(&serde_json::json!({ "method": "RULE_TREE_GROUP" })))
                .expect("today"),
        ),
        text(
            c.evaluate(js(
                &serde_json::json!({ "policy": "variant-a", "share": 0.37 }),
            ))
            .expect("variant A"),
        ),
    ]
    .join("\n")
}

/// `new SyntheticBuilder(options)` stepped in pieces of any size gives the
/// cohort of `Cohort.synthetic(options)`: the same summary and evaluations,
/// with `{ rows, size }` after each step.
pub fn binding_synthetic_builder_steps_to_the_one_call_cohort() {
    for options in [
        serde_json::json!({ "seed": 3, "size": 240 }),
        serde_json::json!({ "seed": 9_007_199_254_740_991_u64, "size": 57, "ages": "WIDE" }),
    ] {
        let size = options["size"].as_f64().unwrap_or_default();
        let mut whole = wasm::Cohort::synthetic(js(&options))
            .unwrap_or_else(|e| panic!("a synthetic cohort: {e:?}"));
        let expected = cohort_answers(&mut whole);
        for chunk in [1.0, 7.0, size, size + 1.0] {
            let mut b = wasm::SyntheticBuilder::new(js(&options))
                .unwrap_or_else(|e| panic!("a builder: {e:?}"));
            let start = b.progress().expect("progress");
            assert_eq!(get(&start, "rows").as_f64(), Some(0.0));
            assert_eq!(get(&start, "size").as_f64(), Some(size));
            let mut rows = 0.0;
            while rows < size {
                let p = b.step(JsValue::from_f64(chunk)).expect("a step");
                let now = get(&p, "rows").as_f64().unwrap_or_default();
                assert_eq!(now, size.min(rows + chunk), "chunk {chunk}");
                assert_eq!(get(&p, "size").as_f64(), Some(size));
                rows = now;
            }
            let mut stepped = b.finish().unwrap_or_else(|e| panic!("finish: {e:?}"));
            assert_eq!(cohort_answers(&mut stepped), expected, "chunk {chunk}");
        }
    }
}

/// The builder's options have `Cohort.synthetic`'s errors, `maxRows` is
/// checked, finishing early leaves the builder going, and after `finish()`
/// every call is a structured error.
pub fn binding_synthetic_builder_errors_are_structured() {
    let new = |v: serde_json::Value| match wasm::SyntheticBuilder::new(js(&v)) {
        Ok(_) => panic!("accepted {v}"),
        Err(e) => e,
    };
    assert_error(
        &new(serde_json::json!({ "seed": 1, "size": 0 })),
        "OUT_OF_RANGE",
        "size",
    );
    assert_error(
        &new(serde_json::json!({ "seed": 1, "size": 10_000_001 })),
        "OUT_OF_RANGE",
        "size",
    );
    assert_error(
        &new(serde_json::json!({ "seed": 9_007_199_254_740_992_u64, "size": 5 })),
        "OUT_OF_RANGE",
        "seed",
    );
    assert_error(
        &new(serde_json::json!({ "seed": 1 })),
        "MISSING_FIELD",
        "size",
    );
    assert_error(
        &new(serde_json::json!({ "seed": 1, "size": 5, "rows": 5 })),
        "UNKNOWN_FIELD",
        "rows",
    );
    // The same errors as the one call.
    for bad in [
        serde_json::json!({ "seed": -1, "size": 5 }),
        serde_json::json!({ "seed": 1, "size": 5, "ages": "ALL" }),
        serde_json::json!([1, 5]),
    ] {
        let one = match wasm::Cohort::synthetic(js(&bad)) {
            Ok(_) => panic!("accepted {bad}"),
            Err(e) => e,
        };
        let stepped = new(bad.clone());
        for key in ["kind", "path", "message"] {
            assert_eq!(get_str(&stepped, key), get_str(&one, key), "{bad} {key}");
        }
    }
    match wasm::SyntheticBuilder::new(JsValue::UNDEFINED) {
        Ok(_) => panic!("no options"),
        Err(e) => assert_error(&e, "INVALID_TYPE", ""),
    }

    let mut b = wasm::SyntheticBuilder::new(js(&serde_json::json!({ "seed": 2, "size": 20 })))
        .unwrap_or_else(|e| panic!("a builder: {e:?}"));
    for (value, kind) in [
        (JsValue::from_f64(0.0), "OUT_OF_RANGE"),
        (JsValue::from_f64(-1.0), "OUT_OF_RANGE"),
        (JsValue::from_f64(1.5), "OUT_OF_RANGE"),
        (JsValue::from_f64(f64::NAN), "OUT_OF_RANGE"),
        (JsValue::from_f64(f64::INFINITY), "OUT_OF_RANGE"),
        (JsValue::from_f64(2f64.powi(53)), "OUT_OF_RANGE"),
        (JsValue::from_str("5"), "INVALID_TYPE"),
        (JsValue::UNDEFINED, "INVALID_TYPE"),
        (JsValue::NULL, "INVALID_TYPE"),
        (js(&serde_json::json!({ "maxRows": 5 })), "INVALID_TYPE"),
    ] {
        assert_error(&thrown(b.step(value.clone())), kind, "maxRows");
    }
    let progress = |b: &wasm::SyntheticBuilder| {
        get(&b.progress().expect("progress"), "rows")
            .as_f64()
            .unwrap_or(-1.0)
    };
    assert_eq!(progress(&b), 0.0, "a refused step makes no row");
    b.step(JsValue::from_f64(8.0)).expect("a step");
    // Too early: an error, and the builder goes on.
    let early = thrown(b.finish().map(|_| JsValue::NULL));
    assert_error(&early, "INSUFFICIENT_DATA", "");
    assert_eq!(progress(&b), 8.0);
    b.step(JsValue::from_f64(100.0)).expect("the rest");
    let c = b.finish().unwrap_or_else(|e| panic!("finish: {e:?}"));
    assert_eq!(
        get(&c.summary().expect("summary"), "rows").as_f64(),
        Some(20.0)
    );
    // Done: step and finish are structured errors; progress says all rows.
    assert_error(&thrown(b.step(JsValue::from_f64(1.0))), "INVALID_VALUE", "");
    assert_error(
        &thrown(b.finish().map(|_| JsValue::NULL)),
        "INVALID_VALUE",
        "",
    );
    assert_eq!(progress(&b), 20.0);
}
