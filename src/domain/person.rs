//! One registration ([`Person`]): the form answers, the employer-register
//! periods, the monthly wages and the flags the routing needs, parsed and
//! checked once at the edge.

use crate::domain::calendar::{Date, YearMonth};
use crate::domain::form::Answers;
use crate::error::{Error, ErrorKind, Num, Result};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Most wage entries accepted for one person (50 years of 16 employers a
/// month); more is refused as `TOO_LARGE`.
pub const MAX_WAGE_ENTRIES: usize = 10_000;
/// Most employment periods accepted for one person.
pub const MAX_EMPLOYMENT_PERIODS: usize = 2_000;
/// Oldest accepted age at registration.
pub const MAX_AGE: u32 = 120;

/// A wage amount in NOK: finite and zero or more.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Nok(f64);

impl Nok {
    /// Largest accepted monthly amount (NOK 1 billion).
    pub const MAX: f64 = 1e9;

    /// An amount, or `None` when it is negative, not finite or above
    /// [`Nok::MAX`].
    pub fn new(value: f64) -> Option<Nok> {
        (value.is_finite() && (0.0..=Nok::MAX).contains(&value)).then_some(Nok(value))
    }

    /// The amount.
    pub fn get(self) -> f64 {
        self.0
    }
}

impl<'de> Deserialize<'de> for Nok {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        /// Any JSON number, named for messages ("expected a number of NOK").
        struct Amount;
        impl serde::de::Visitor<'_> for Amount {
            type Value = f64;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a number of NOK")
            }
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> std::result::Result<f64, E> {
                Ok(v)
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> std::result::Result<f64, E> {
                Ok(v as f64)
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> std::result::Result<f64, E> {
                Ok(v as f64)
            }
        }
        let value = d.deserialize_f64(Amount)?;
        Nok::new(value).ok_or_else(|| {
            Error::new(
                ErrorKind::OutOfRange,
                "",
                format!(
                    "a wage must be a number of NOK from 0 to {}, got {}",
                    Nok::MAX,
                    Num(value)
                ),
            )
            .into_de()
        })
    }
}

impl Serialize for Nok {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_f64(self.0)
    }
}

/// An employer-register period: inclusive dates, `end: null` = ongoing.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(optional_fields = nullable))]
pub struct Period {
    /// First day.
    pub start: Date,
    /// Last day, or `None` while ongoing.
    #[serde(default)]
    pub end: Option<Date>,
}

/// A monthly wage report (A-melding) entry.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct WageEntry {
    /// The month the wage was paid for.
    pub month: YearMonth,
    /// Cash wage in NOK.
    pub nok: Nok,
}

/// One registration, valid by construction when it comes from
/// [`Person::from_json`].
///
/// # Example
/// ```
/// use veivalg::domain::person::Person;
/// let p = Person::from_json(r#"{
///   "registeredOn": "2025-03-14", "birthDate": "1979-06-02",
///   "answers": {"situation": "MISTET_JOBBEN", "education": "GRUNNSKOLE",
///               "healthObstacles": "NEI", "otherObstacles": "NEI"}
/// }"#).unwrap();
/// assert_eq!(p.age, 45);
/// let err = Person::from_json(r#"{"registeredOn": "2025-03-14", "age": 40,
///   "answers": {"situation": "FIRED"}}"#).unwrap_err();
/// assert_eq!((err.kind.as_str(), err.path.as_str()), ("INVALID_VALUE", "answers.situation"));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Person {
    /// Caller's identifier, echoed in every output.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Day of registration.
    pub registered_on: Date,
    /// Birth date, when given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub birth_date: Option<Date>,
    /// Whole years at `registered_on` (given, or worked out from the birth date).
    pub age: u32,
    /// Form answers.
    pub answers: Answers,
    /// Employer-register periods.
    pub employment: Vec<Period>,
    /// Monthly wage entries (several per month are summed).
    pub wages: Vec<WageEntry>,
    /// Last month for which the wage data is complete. When absent, the
    /// latest month with an entry is taken.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub wages_through: Option<YearMonth>,
    /// Single parent (enslig forsørger).
    pub single_parent: bool,
    /// Reserved against digital communication.
    pub digital_reservation: bool,
    /// Strictly confidential address or shielded person.
    pub sensitive: bool,
}

/// One registration as callers send it (design §3); unknown fields are
/// rejected. Either `birthDate` or `age` is required.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename = "Person", optional_fields = nullable))]
pub(crate) struct PersonInput {
    /// Caller's identifier, echoed in every output.
    #[serde(default)]
    pub(crate) id: Option<String>,
    /// Day of registration.
    pub(crate) registered_on: Date,
    /// Birth date (or give `age`).
    #[serde(default)]
    pub(crate) birth_date: Option<Date>,
    /// Whole years at `registeredOn` (or give `birthDate`).
    #[serde(default)]
    pub(crate) age: Option<u32>,
    /// The answers to the registration form.
    #[cfg_attr(test, ts(as = "crate::domain::form::AnswersInput"))]
    pub(crate) answers: Answers,
    /// Employer-register periods.
    #[serde(default, deserialize_with = "employment_periods")]
    #[cfg_attr(test, ts(as = "Option<_>", optional))]
    pub(crate) employment: Vec<Period>,
    /// Monthly wage entries (A-melding); several for one month are summed.
    #[serde(default, deserialize_with = "wage_entries")]
    #[cfg_attr(test, ts(as = "Option<_>", optional))]
    pub(crate) wages: Vec<WageEntry>,
    /// Last month for which the wage data is complete (default: the latest
    /// month with an entry).
    #[serde(default)]
    pub(crate) wages_through: Option<YearMonth>,
    /// Single parent (enslig forsørger).
    #[serde(default)]
    #[cfg_attr(test, ts(as = "Option<_>", optional))]
    pub(crate) single_parent: bool,
    /// Reserved against digital communication.
    #[serde(default)]
    #[cfg_attr(test, ts(as = "Option<_>", optional))]
    pub(crate) digital_reservation: bool,
    /// Strictly confidential address or shielded person.
    #[serde(default)]
    #[cfg_attr(test, ts(as = "Option<_>", optional))]
    pub(crate) sensitive: bool,
}

/// At most [`MAX_EMPLOYMENT_PERIODS`] periods, refused before reading on.
fn employment_periods<'de, D: Deserializer<'de>>(
    d: D,
) -> std::result::Result<Vec<Period>, D::Error> {
    crate::wire::bounded_vec(d, MAX_EMPLOYMENT_PERIODS, "employment periods")
}

/// At most [`MAX_WAGE_ENTRIES`] wage entries, refused before reading on.
fn wage_entries<'de, D: Deserializer<'de>>(d: D) -> std::result::Result<Vec<WageEntry>, D::Error> {
    crate::wire::bounded_vec(d, MAX_WAGE_ENTRIES, "wage entries")
}

impl<'de> Deserialize<'de> for Person {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        Person::check(PersonInput::deserialize(d)?).map_err(Error::into_de)
    }
}

impl Person {
    /// Parses and checks one registration from JSON text.
    ///
    /// # Errors
    /// Any error of [`crate::wire::parse`]; `INCONSISTENT` for a birth date
    /// after registration, an `age` that contradicts `birthDate` or a period
    /// that ends before it starts; `MISSING_FIELD` when neither `birthDate`
    /// nor `age` is given; `OUT_OF_RANGE` for an age above [`MAX_AGE`];
    /// `TOO_LARGE` for more than [`MAX_WAGE_ENTRIES`] wages or
    /// [`MAX_EMPLOYMENT_PERIODS`] periods.
    pub fn from_json(text: &str) -> Result<Person> {
        crate::wire::parse::<Person>(text)
    }

    /// Reads a JSON value already in memory (as [`Person::from_json`]).
    ///
    /// # Errors
    /// As [`Person::from_json`], without the syntax errors.
    pub fn from_value(value: &serde_json::Value) -> Result<Person> {
        crate::wire::from_value(value)
    }

    /// Checks a registration read field by field (JSON or a CSV row).
    pub(crate) fn check(input: PersonInput) -> Result<Person> {
        let registered_on = input.registered_on;
        let age = match (input.birth_date, input.age) {
            (None, None) => {
                return Err(Error::new(
                    ErrorKind::MissingField,
                    "birthDate",
                    "give `birthDate` (or `age` in whole years at registration)",
                ))
            }
            (Some(birth), given) => {
                if birth > registered_on {
                    return Err(Error::new(
                        ErrorKind::Inconsistent,
                        "birthDate",
                        format!(
                            "birth date {birth} is after the registration date {registered_on}"
                        ),
                    ));
                }
                let computed = registered_on.age_since(birth);
                let computed = u32::try_from(computed).unwrap_or(0);
                if let Some(age) = given {
                    if age != computed {
                        return Err(Error::new(
                            ErrorKind::Inconsistent,
                            "age",
                            format!("age {age} contradicts birthDate {birth}, which gives {computed} on {registered_on}"),
                        ));
                    }
                }
                computed
            }
            (None, Some(age)) => age,
        };
        if age > MAX_AGE {
            return Err(Error::new(
                ErrorKind::OutOfRange,
                if input.age.is_some() {
                    "age"
                } else {
                    "birthDate"
                },
                format!("age at registration is {age}; at most {MAX_AGE} is accepted"),
            ));
        }
        for (i, p) in input.employment.iter().enumerate() {
            if let Some(end) = p.end {
                if end < p.start {
                    return Err(Error::new(
                        ErrorKind::Inconsistent,
                        format!("employment[{i}].end"),
                        format!("the period ends ({end}) before it starts ({})", p.start),
                    ));
                }
            }
        }
        Ok(Person {
            id: input.id,
            registered_on,
            birth_date: input.birth_date,
            age,
            answers: input.answers,
            employment: input.employment,
            wages: input.wages,
            wages_through: input.wages_through,
            single_parent: input.single_parent,
            digital_reservation: input.digital_reservation,
            sensitive: input.sensitive,
        })
    }

    /// The month of registration.
    pub fn registration_month(&self) -> YearMonth {
        self.registered_on.year_month()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(extra: &str) -> String {
        format!(
            r#"{{"registeredOn":"2025-03-14","birthDate":"1979-06-02",
            "answers":{{"situation":"MISTET_JOBBEN","education":"HOYERE_UTDANNING_1_TIL_4",
            "educationApproved":"JA","educationPassed":"JA","healthObstacles":"NEI","otherObstacles":"NEI"}}{extra}}}"#
        )
    }

    fn err(extra: &str) -> Error {
        Person::from_json(&person(extra)).unwrap_err()
    }

    #[test]
    fn valid_person() {
        let p =
            Person::from_json(&person(r#","wages":[{"month":"2024-12","nok":48000}]"#)).unwrap();
        assert_eq!(p.age, 45);
        assert_eq!(p.wages[0].nok.get(), 48_000.0);
    }

    #[test]
    fn bad_inputs_name_their_field() {
        let e = err(r#","wages":[{"month":"2024-12","nok":1},{"month":"2024-11","nok":-1}]"#);
        assert_eq!(
            (e.kind, e.path.as_str()),
            (ErrorKind::OutOfRange, "wages[1].nok")
        );
        let e = err(r#","wages":[{"month":"2024-13","nok":1}]"#);
        assert_eq!(e.path, "wages[0].month");
        assert!(e.message.contains("13"), "{}", e.message);
        let e = err(r#","wages":[{"month":"2024-12","nok":"45 000"}]"#);
        assert_eq!(
            (e.kind, e.path.as_str()),
            (ErrorKind::InvalidType, "wages[0].nok")
        );
        let e = err(r#","employment":[{"start":"2024-05-01","end":"2024-04-30"}]"#);
        assert_eq!(
            (e.kind, e.path.as_str()),
            (ErrorKind::Inconsistent, "employment[0].end")
        );
        let e = err(r#","age":44"#);
        assert_eq!((e.kind, e.path.as_str()), (ErrorKind::Inconsistent, "age"));
        let e = err(r#","answers2":1"#);
        assert_eq!(
            (e.kind, e.path.as_str()),
            (ErrorKind::UnknownField, "answers2")
        );
        let e = Person::from_json(&person("").replace("1979-06-02", "2026-01-01")).unwrap_err();
        assert_eq!(
            (e.kind, e.path.as_str()),
            (ErrorKind::Inconsistent, "birthDate")
        );
        let e = Person::from_json(
            &person("").replace(r#""situation":"MISTET_JOBBEN""#, r#""situation":7"#),
        )
        .unwrap_err();
        assert_eq!(
            (e.kind, e.path.as_str()),
            (ErrorKind::InvalidType, "answers.situation")
        );
        let e =
            Person::from_json(&person("").replace(r#","healthObstacles":"NEI""#, "")).unwrap_err();
        assert_eq!(
            (e.kind, e.path.as_str()),
            (ErrorKind::MissingField, "answers.healthObstacles")
        );
    }
}
