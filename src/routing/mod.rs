//! Routing a registration to NOE or a local office: dated policies
//! ([`policy`]), the shipped policies, rulesets, models and G table
//! ([`catalog`]), applying a policy to a person ([`decide`]), the NOE rule
//! of the model variants ([`noe_rule`]) and the counterfactuals of a model
//! decision ([`counterfactual`]).

pub mod catalog;
pub mod counterfactual;
pub mod decide;
pub mod noe_rule;
pub mod policy;
