//! The package's TypeScript types, derived from the Rust types that cross
//! the JS boundary (test-only: `ts-rs` is a dev-dependency).
//!
//! The types that cross the boundary carry
//! `#[cfg_attr(test, derive(ts_rs::TS))]` and `ts(...)` attributes that say
//! what their hand-written JSON impls do (`rename_all`, a field left out
//! when empty: `optional`, a score's fields written inline: `flatten`); the
//! `vocabulary!` enums get a string-literal union of their codes. The test
//! below renders every declaration reachable from the API's input and
//! output types into one file, `pkg-config/veivalg-types.d.ts`, which the
//! wasm binding includes in the package's `.d.ts`. The test fails when the
//! checked-in file differs; `VEIVALG_BLESS=1 cargo test --lib ts::` rewrites
//! it.

use std::any::TypeId;
use std::collections::{BTreeMap, HashSet};
use std::marker::PhantomData;
use std::path::PathBuf;
use ts_rs::{Config, TypeVisitor, TS};

/// `"A" | "B" | …` for a vocabulary's accepted codes.
pub(crate) fn union(codes: &[&str]) -> String {
    codes
        .iter()
        .map(|c| format!("\"{c}\""))
        .collect::<Vec<_>>()
        .join(" | ")
}

/// JSDoc text from the `doc = "…"` attributes a `vocabulary!` enum was
/// declared with (as `stringify!` renders them).
pub(crate) fn docs(metas: &[&str]) -> Option<String> {
    let lines: Vec<String> = metas
        .iter()
        .filter_map(|m| m.strip_prefix("doc")?.trim_start().strip_prefix('='))
        .map(str::trim_start)
        .map(|lit| match lit.strip_prefix('r') {
            // A raw string literal: r"…" or r#"…"#.
            Some(raw) => raw.trim_matches('#').trim_matches('"').to_string(),
            None => lit
                .trim_matches('"')
                .replace("\\\"", "\"")
                .replace("\\'", "'"),
        })
        .map(|line| line.trim().to_string())
        .collect();
    (!lines.is_empty()).then(|| jsdoc(&lines.join("\n")))
}

/// A JSDoc comment from rustdoc text: the first paragraphs up to an
/// `# Example`/`# Errors` heading (Rust examples mean nothing in
/// TypeScript), intra-doc links as plain code.
fn jsdoc(text: &str) -> String {
    let mut out = String::from("/**\n");
    for line in text.lines() {
        let line = line.trim_end();
        if line.trim_start().starts_with("# ") || line.trim_start().starts_with("```") {
            break;
        }
        let line = line.replace("[`", "`").replace("`]", "`");
        out.push_str(if line.is_empty() { " *" } else { " * " });
        out.push_str(&line);
        out.push('\n');
    }
    while out.ends_with(" *\n") {
        out.truncate(out.len() - 3);
    }
    out.push_str(" */\n");
    out
}

/// Re-flows ts-rs's one-line-per-field output: a `{` whose `}` is on a
/// later line ends its line, a `}` that closes one from an earlier line
/// starts its own, and lines are indented by depth (JSDoc lines are left
/// alone). The `.d.ts` that wasm-bindgen writes re-indents by the same rule.
fn indent(decl: &str) -> String {
    let mut out = String::new();
    let mut depth: usize = 0;
    let mut flush = |buf: &mut String, depth: usize| {
        let text = buf.trim();
        if !text.is_empty() {
            out.push_str(&"  ".repeat(depth));
            if text.starts_with('*') {
                out.push(' ');
            }
            out.push_str(text);
            out.push('\n');
        }
        buf.clear();
    };
    for line in decl.lines() {
        let line = line.trim();
        let mut buf = String::new();
        if line.starts_with("/**") || line.starts_with('*') {
            buf.push_str(line);
            flush(&mut buf, depth);
            continue;
        }
        let chars: Vec<char> = line.chars().collect();
        let mut matched = vec![false; chars.len()];
        let (mut stack, mut quoted) = (Vec::new(), false);
        for (i, c) in chars.iter().enumerate() {
            match c {
                '"' => quoted = !quoted,
                '{' if !quoted => stack.push(i),
                '}' if !quoted => {
                    if let Some(j) = stack.pop() {
                        matched[i] = true;
                        matched[j] = true;
                    }
                }
                _ => {}
            }
        }
        let mut quoted = false;
        for (i, &c) in chars.iter().enumerate() {
            if c == '"' {
                quoted = !quoted;
            }
            if !quoted && c == '}' && !matched[i] {
                flush(&mut buf, depth);
                depth = depth.saturating_sub(1);
            }
            buf.push(c);
            if !quoted && c == '{' && !matched[i] {
                flush(&mut buf, depth);
                depth += 1;
            }
        }
        flush(&mut buf, depth);
    }
    out
}

/// Intra-doc links in field docs as plain code.
fn clean_fields(decl: &str) -> String {
    decl.replace("[`", "`").replace("`]", "`")
}

/// Rustdoc text from a derived `docs()` (already a JSDoc comment) cleaned
/// the way [`jsdoc`] cleans it.
fn clean_docs(docs: &str) -> String {
    let text: Vec<&str> = docs
        .lines()
        .map(|l| l.trim())
        .filter(|l| *l != "/**" && *l != "*/")
        .map(|l| l.strip_prefix('*').unwrap_or(l))
        .map(|l| l.strip_prefix(' ').unwrap_or(l))
        .collect();
    jsdoc(&text.join("\n"))
}

macro_rules! alias {
    ($rust:ty, $name:literal, $ts:literal, $doc:literal) => {
        impl TS for $rust {
            type WithoutGenerics = Self;
            type OptionInnerType = Self;
            fn docs() -> Option<String> {
                Some(jsdoc($doc))
            }
            fn name(_: &Config) -> String {
                String::from($name)
            }
            fn inline(_: &Config) -> String {
                String::from($ts)
            }
            fn decl(_: &Config) -> String {
                format!("type {} = {};", $name, $ts)
            }
            fn decl_concrete(cfg: &Config) -> String {
                Self::decl(cfg)
            }
            fn output_path() -> Option<PathBuf> {
                Some(PathBuf::from(concat!($name, ".ts")))
            }
        }
    };
}

alias!(
    crate::domain::calendar::Date,
    "IsoDate",
    "string",
    "A calendar day, `YYYY-MM-DD` (e.g. `\"2025-03-14\"`)."
);
alias!(
    crate::domain::calendar::YearMonth,
    "YearMonth",
    "string",
    "A calendar month, `YYYY-MM` (e.g. `\"2024-12\"`)."
);

/// TypeScript only: "an id or the object itself" (`string | T`), for
/// options that take a policy, ruleset or model either way.
pub(crate) struct IdOr<T>(PhantomData<T>);

impl<T: TS + 'static> TS for IdOr<T> {
    type WithoutGenerics = IdOr<ts_rs::Dummy>;
    type OptionInnerType = Self;
    fn name(cfg: &Config) -> String {
        format!("string | {}", T::name(cfg))
    }
    fn inline(cfg: &Config) -> String {
        Self::name(cfg)
    }
    fn visit_dependencies(v: &mut impl TypeVisitor) {
        v.visit::<T>();
    }
}

/// TypeScript only: the model inputs of a scored person, by feature name
/// (numbers of months, a code word, or `null` for "never").
pub(crate) struct FeatureValues;

impl TS for FeatureValues {
    type WithoutGenerics = Self;
    type OptionInnerType = Self;
    fn name(_: &Config) -> String {
        String::from("{ [feature in FeatureName]?: number | string | null }")
    }
    fn inline(cfg: &Config) -> String {
        Self::name(cfg)
    }
    fn visit_dependencies(v: &mut impl TypeVisitor) {
        v.visit::<crate::model::FeatureName>();
    }
}

/// TypeScript only: any JSON value (what `JSON.parse` can return).
pub(crate) struct Json;
alias!(
    Json,
    "Json",
    "null | boolean | number | string | Array<Json> | { [key: string]: Json }",
    "Any JSON value."
);

/// TypeScript only: a JSON object.
pub(crate) struct JsonObject;

impl TS for JsonObject {
    type WithoutGenerics = Self;
    type OptionInnerType = Self;
    fn name(_: &Config) -> String {
        String::from("{ [key: string]: Json }")
    }
    fn inline(cfg: &Config) -> String {
        Self::name(cfg)
    }
    fn visit_dependencies(v: &mut impl TypeVisitor) {
        v.visit::<Json>();
    }
}

/// Every declaration reachable from the roots, by TypeScript name.
struct Collect<'a> {
    cfg: &'a Config,
    seen: HashSet<TypeId>,
    decls: BTreeMap<String, String>,
}

impl TypeVisitor for Collect<'_> {
    fn visit<T: TS + 'static + ?Sized>(&mut self) {
        if !self.seen.insert(TypeId::of::<T>()) {
            return;
        }
        if T::output_path().is_some() {
            let decl = indent(&clean_fields(&T::decl(self.cfg)));
            let docs = T::docs().map(|d| clean_docs(&d)).unwrap_or_default();
            self.decls
                .insert(T::ident(self.cfg), format!("{docs}export {decl}"));
        }
        T::visit_dependencies(self);
        T::visit_generics(self);
    }
}

/// The declarations of every type the package's functions take or return,
/// as one `.d.ts` text.
pub(crate) fn render() -> String {
    let cfg = Config::new().with_large_int("number");
    let mut c = Collect {
        cfg: &cfg,
        seen: HashSet::new(),
        decls: BTreeMap::new(),
    };
    macro_rules! roots {
        ($($t:ty),* $(,)?) => { $( c.visit::<$t>(); )* };
    }
    roots!(
        // inputs
        crate::domain::person::PersonInput,
        crate::api::DecideOptions,
        crate::api::RuleTreeOptions,
        crate::api::ScoreOptions,
        crate::api::LabelOutcomeOptions,
        crate::api::HistoryOptions,
        crate::api::ExplainOptions,
        crate::domain::outcome::LabelInput,
        crate::cohort::session::SyntheticOptions,
        crate::cohort::session::RecordsOptions,
        crate::cohort::session::ThresholdOptions,
        crate::cohort::session::EvaluateOptions,
        crate::cohort::CohortRecord,
        crate::cohort::file::LoaderOptions,
        crate::cohort::session::CurveOptions,
        crate::cohort::session::FairnessOptions,
        crate::cohort::session::ModelCardOptions,
        crate::cohort::session::PolicyCutoffOptions,
        crate::fit::FitSpec,
        // named in a `ts(type = …)` override
        crate::domain::form::Education,
        // outputs
        crate::routing::decide::Decision,
        crate::rules::ruletree::RuleTreeResult,
        crate::api::ScoredPerson,
        crate::api::Features,
        crate::api::Explanation,
        crate::domain::outcome::OutcomeLabel,
        crate::domain::wages::MonthlyWage,
        crate::routing::policy::Policy,
        crate::model::Model,
        crate::rules::ruletree::Ruleset,
        crate::domain::grunnbelop::GEntry,
        crate::cohort::session::EvaluationResult,
        crate::cohort::session::CohortSummary,
        crate::cohort::file::LoadProgress,
        crate::cohort::synthetic::SyntheticProgress,
        crate::cohort::file::Rejected,
        crate::cohort::curve::Curve,
        crate::cohort::fairness::Fairness,
        crate::cohort::model_card::ModelCard,
        crate::error::ErrorData,
    );
    let mut out = String::from(
        "// The types of the veivalg package, derived from its Rust types by\n\
         // src/ts.rs (`cargo test`). Do not edit: `VEIVALG_BLESS=1 cargo test --lib ts::`\n\
         // rewrites this file.\n",
    );
    for decl in c.decls.values() {
        out.push('\n');
        out.push_str(decl);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/pkg-config/veivalg-types.d.ts");

    #[test]
    fn checked_in_typescript_types_match_the_rust_types() {
        let rendered = render();
        if std::env::var_os("VEIVALG_BLESS").is_some() {
            std::fs::write(FILE, &rendered).expect("write pkg-config/veivalg-types.d.ts");
            return;
        }
        let checked_in = std::fs::read_to_string(FILE).unwrap_or_default();
        assert!(
            checked_in == rendered,
            "pkg-config/veivalg-types.d.ts is out of date with the Rust types; \
             run `VEIVALG_BLESS=1 cargo test --lib ts::` and review the diff"
        );
    }

    #[test]
    fn no_type_is_any_or_unknown() {
        let rendered = render();
        for word in [
            ": any",
            "<any>",
            "| any",
            "any |",
            ": unknown",
            "<unknown>",
            "| unknown",
            "unknown |",
        ] {
            assert!(!rendered.contains(word), "`{word}` in:\n{rendered}");
        }
    }
}
