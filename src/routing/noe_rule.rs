//! Where a person goes: the [`Unit`], and the NOE rule of the model
//! variants ([`model_selects_noe`]): variant A sends P(stable work) ≥
//! cut-off to NOE, variant B sends P(without work) < cut-off to NOE.

use crate::model::Target;
use crate::vocab::vocabulary;

vocabulary! {
    /// Where a person is routed.
    pub enum Unit {
        /// Nasjonal oppfølgingsenhet, the national digital unit.
        Noe = "NOE",
        /// The person's local NAV office.
        LocalOffice = "LOCAL_OFFICE",
    }
}

/// Whether a model score routes to NOE: P ≥ cut-off for targets whose
/// events belong in NOE (stable work, not without work); P < cut-off for
/// "without work" (variant B sends the top of P(without) to the local office).
pub fn model_selects_noe(target: Target, probability: f64, cutoff: f64) -> bool {
    if target.noe_holds_events() {
        probability >= cutoff
    } else {
        probability < cutoff
    }
}
