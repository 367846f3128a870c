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
            binding_cohort_files_load_from_bytes_in_chunks,
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
