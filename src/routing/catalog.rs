//! The versioned data shipped in `pkg-config/`: the G table, the rulesets,
//! the models and the routing policies, embedded in the library and the
//! wasm module.

use crate::domain::grunnbelop::GTable;
use crate::error::{Error, ErrorKind, Result};
use crate::model::{Model, Scorer};
use crate::routing::policy::Policy;
use crate::rules::ruletree::Ruleset;
use std::sync::OnceLock;

const RULESETS: [(&str, &str); 4] = [
    (
        "rulesets/2018.json",
        include_str!("../../pkg-config/rulesets/2018.json"),
    ),
    (
        "rulesets/2018-10.json",
        include_str!("../../pkg-config/rulesets/2018-10.json"),
    ),
    (
        "rulesets/2024-03.json",
        include_str!("../../pkg-config/rulesets/2024-03.json"),
    ),
    (
        "rulesets/2026-04.json",
        include_str!("../../pkg-config/rulesets/2026-04.json"),
    ),
];

const POLICIES: [(&str, &str); 4] = [
    (
        "policies/noe-2018.json",
        include_str!("../../pkg-config/policies/noe-2018.json"),
    ),
    (
        "policies/noe-2025-01.json",
        include_str!("../../pkg-config/policies/noe-2025-01.json"),
    ),
    (
        "policies/variant-a.json",
        include_str!("../../pkg-config/policies/variant-a.json"),
    ),
    (
        "policies/variant-b.json",
        include_str!("../../pkg-config/policies/variant-b.json"),
    ),
];

/// Size limit for one configuration file (64 KiB).
const MAX_CONFIG_BYTES: usize = 1 << 16;

/// G table, rulesets and policies, checked together.
///
/// # Example
/// ```
/// use veivalg::routing::catalog::Catalog;
/// let c = Catalog::shipped();
/// assert_eq!(c.rulesets().len(), 4);
/// assert!(c.policy("noe-2025-01").is_ok());
/// let e = c.policy("noe-1999").unwrap_err();
/// assert_eq!(e.kind.as_str(), "NOT_FOUND");
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Catalog {
    g: GTable,
    rulesets: Vec<Ruleset>,
    models: Vec<Model>,
    /// Each model compiled to its lookup tables, in the order of `models`
    /// (built once per catalog, not per decision).
    scorers: Vec<Scorer>,
    policies: Vec<Policy>,
}

/// The shipped models (`pkg-config/models/`).
const MODELS: [(&str, &str); 2] = [
    (
        "models/variant-a.json",
        include_str!("../../pkg-config/models/variant-a.json"),
    ),
    (
        "models/variant-b.json",
        include_str!("../../pkg-config/models/variant-b.json"),
    ),
];

fn load<T: serde::de::DeserializeOwned>(file: &str, text: &str) -> Result<T> {
    crate::wire::parse_limited(text, MAX_CONFIG_BYTES).map_err(|e| {
        Error::new(
            ErrorKind::InvalidConfig,
            e.path.clone(),
            format!("pkg-config/{file}: {}", e.message),
        )
    })
}

impl Catalog {
    /// Parses and checks the embedded `pkg-config/` files.
    ///
    /// # Errors
    /// `INVALID_CONFIG` naming the file and field.
    pub fn load_shipped() -> Result<Catalog> {
        let g = GTable::from_json(include_str!("../../pkg-config/grunnbelop.json"))?;
        let rulesets = RULESETS
            .iter()
            .map(|(file, text)| {
                let r: Ruleset = load(file, text)?;
                r.check()?;
                Ok(r)
            })
            .collect::<Result<Vec<_>>>()?;
        let models = MODELS
            .iter()
            .map(|(file, text)| {
                let m: Model = load(file, text)?;
                m.check().map_err(|e| {
                    Error::new(
                        ErrorKind::InvalidConfig,
                        e.path.clone(),
                        format!("pkg-config/{file}: {}", e.message),
                    )
                })?;
                Ok(m)
            })
            .collect::<Result<Vec<_>>>()?;
        let scorers = models.iter().map(Scorer::new).collect();
        let mut catalog = Catalog {
            g,
            rulesets,
            models,
            scorers,
            policies: Vec::new(),
        };
        for (file, text) in POLICIES {
            let p: Policy = load(file, text)?;
            catalog.check_policy(&p)?;
            catalog.policies.push(p);
        }
        Ok(catalog)
    }

    /// The shipped catalog, parsed once. (A test checks that the shipped
    /// files load; if they ever did not, this is an empty catalog whose
    /// look-ups fail with `NOT_FOUND`, never a panic.)
    pub fn shipped() -> &'static Catalog {
        static SHIPPED: OnceLock<Catalog> = OnceLock::new();
        SHIPPED.get_or_init(|| {
            Catalog::load_shipped().unwrap_or_else(|_| Catalog {
                g: GTable::shipped(),
                rulesets: Vec::new(),
                models: Vec::new(),
                scorers: Vec::new(),
                policies: Vec::new(),
            })
        })
    }

    /// The same catalog with another G table.
    pub fn with_g(&self, g: GTable) -> Catalog {
        Catalog { g, ..self.clone() }
    }

    /// The G table.
    pub fn g(&self) -> &GTable {
        &self.g
    }

    /// All rulesets, oldest first.
    pub fn rulesets(&self) -> &[Ruleset] {
        &self.rulesets
    }

    /// All policies (in force and proposals).
    pub fn policies(&self) -> &[Policy] {
        &self.policies
    }

    /// A ruleset by id.
    ///
    /// # Errors
    /// `NOT_FOUND` listing the known ids.
    pub fn ruleset(&self, id: &str) -> Result<&Ruleset> {
        self.rulesets.iter().find(|r| r.id == id).ok_or_else(|| {
            let known: Vec<&str> = self.rulesets.iter().map(|r| r.id.as_str()).collect();
            Error::new(
                ErrorKind::NotFound,
                "",
                format!("no ruleset `{id}`; known: {}", known.join(", ")),
            )
        })
    }

    /// All models.
    pub fn models(&self) -> &[Model] {
        &self.models
    }

    /// A model by id.
    ///
    /// # Errors
    /// `NOT_FOUND` listing the known ids.
    pub fn model(&self, id: &str) -> Result<&Model> {
        self.scored_model(id).map(|(model, _)| model)
    }

    /// A model by id, with its lookup tables (compiled once per catalog).
    ///
    /// # Errors
    /// As [`Catalog::model`].
    pub fn scored_model(&self, id: &str) -> Result<(&Model, &Scorer)> {
        self.models
            .iter()
            .zip(&self.scorers)
            .find(|(m, _)| m.id == id)
            .ok_or_else(|| {
                let known: Vec<&str> = self.models.iter().map(|m| m.id.as_str()).collect();
                let known = if known.is_empty() {
                    "none".to_string()
                } else {
                    known.join(", ")
                };
                Error::new(
                    ErrorKind::NotFound,
                    "",
                    format!("no model `{id}`; known: {known}"),
                )
            })
    }

    /// The same catalog with `model` added (replacing one with the same id).
    pub fn with_model(&self, model: Model) -> Catalog {
        let mut c = self.clone();
        if let Some(i) = c.models.iter().position(|m| m.id == model.id) {
            c.models.remove(i);
            c.scorers.remove(i);
        }
        c.scorers.push(Scorer::new(&model));
        c.models.push(model);
        c
    }

    /// Checks `policy` against this catalog: [`Policy::check`] with this
    /// catalog's rulesets and models.
    ///
    /// # Errors
    /// As [`Policy::check`].
    pub fn check_policy(&self, policy: &Policy) -> Result<()> {
        policy.check(
            |id| self.ruleset(id).map(|_| ()),
            |id| self.model(id).map(|_| ()),
        )
    }

    /// A policy by id.
    ///
    /// # Errors
    /// `NOT_FOUND` listing the known ids.
    pub fn policy(&self, id: &str) -> Result<&Policy> {
        self.policies.iter().find(|p| p.id == id).ok_or_else(|| {
            let known: Vec<&str> = self.policies.iter().map(|p| p.id.as_str()).collect();
            Error::new(
                ErrorKind::NotFound,
                "",
                format!("no policy `{id}`; known: {}", known.join(", ")),
            )
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_files_load_and_are_dated_in_order() {
        let c = Catalog::load_shipped().unwrap();
        let ids: Vec<&str> = c.rulesets().iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, ["2018", "2018-10", "2024-03", "2026-04"]);
        assert!(c
            .rulesets()
            .windows(2)
            .all(|w| w[0].valid_from < w[1].valid_from));
        assert_eq!(c.policies().len(), 4);
        assert_eq!(c.models().len(), 2);
    }
}
