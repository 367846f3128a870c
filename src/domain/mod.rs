//! The domain of a registration, independent of any routing method: dates
//! and months ([`calendar`]), the form's vocabulary ([`form`]), one
//! registration ([`person`]), the grunnbeløp G ([`grunnbelop`]), monthly
//! wages measured in G ([`wages`]) and the outcome labels of report
//! Tabell 3 ([`outcome`]).

pub mod calendar;
pub mod form;
pub mod grunnbelop;
pub mod outcome;
pub mod person;
pub mod wages;
