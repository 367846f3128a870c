//! One registration ([`Person`]): the form answers, the employer-register
//! periods, the monthly wages and the flags the routing needs, parsed and
//! checked once at the edge.

use crate::domain::calendar::{Date, YearMonth};
use crate::domain::form::Answers;
use crate::error::{Error, ErrorKind, Result};
use crate::json::{Fields, FromJson, Loc, Node, Obj, ToJson, Value};

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

impl FromJson for Nok {
    fn read_json(v: &Node<'_>, at: &Loc<'_>) -> Result<Self> {
        let value = f64::read_json(v, at)?;
        Nok::new(value).ok_or_else(|| {
            at.error(
                ErrorKind::OutOfRange,
                format!(
                    "a wage must be a number of NOK from 0 to {}, got {}",
                    crate::json::Num(Nok::MAX),
                    crate::json::Num(value)
                ),
            )
        })
    }
}

impl ToJson for Nok {
    fn write_json(&self, out: &mut String) {
        self.0.write_json(out);
    }
}

/// An employer-register period: inclusive dates, `end: null` = ongoing.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(optional_fields = nullable))]
pub struct Period {
    /// First day.
    pub start: Date,
    /// Last day, or `None` while ongoing.
    pub end: Option<Date>,
}

impl FromJson for Period {
    fn read_json(v: &Node<'_>, at: &Loc<'_>) -> Result<Self> {
        let o = Obj::new(v, at, &["start", "end"])?;
        Ok(Period {
            start: o.req("start")?,
            end: o.opt("end")?,
        })
    }
}

impl ToJson for Period {
    fn write_json(&self, out: &mut String) {
        let mut o = Fields::new(out);
        o.field("start", &self.start).field("end", &self.end);
        o.end();
    }
}

/// A monthly wage report (A-melding) entry.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct WageEntry {
    /// The month the wage was paid for.
    pub month: YearMonth,
    /// Cash wage in NOK.
    pub nok: Nok,
}

impl FromJson for WageEntry {
    fn read_json(v: &Node<'_>, at: &Loc<'_>) -> Result<Self> {
        let o = Obj::new(v, at, &["month", "nok"])?;
        Ok(WageEntry {
            month: o.req("month")?,
            nok: o.req("nok")?,
        })
    }
}

impl ToJson for WageEntry {
    fn write_json(&self, out: &mut String) {
        let mut o = Fields::new(out);
        o.field("month", &self.month).field("nok", &self.nok);
        o.end();
    }
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
#[derive(Debug, Clone, PartialEq)]
pub struct Person {
    /// Caller's identifier, echoed in every output.
    pub id: Option<String>,
    /// Day of registration.
    pub registered_on: Date,
    /// Birth date, when given.
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
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(
    test,
    ts(rename = "Person", rename_all = "camelCase", optional_fields = nullable)
)]
pub(crate) struct PersonInput {
    /// Caller's identifier, echoed in every output.
    id: Option<String>,
    /// Day of registration.
    registered_on: Date,
    /// Birth date (or give `age`).
    birth_date: Option<Date>,
    /// Whole years at `registeredOn` (or give `birthDate`).
    age: Option<u32>,
    /// The answers to the registration form.
    #[cfg_attr(test, ts(as = "crate::domain::form::AnswersInput"))]
    answers: Answers,
    /// Employer-register periods.
    #[cfg_attr(test, ts(as = "Option<_>", optional))]
    employment: Vec<Period>,
    /// Monthly wage entries (A-melding); several for one month are summed.
    #[cfg_attr(test, ts(as = "Option<_>", optional))]
    wages: Vec<WageEntry>,
    /// Last month for which the wage data is complete (default: the latest
    /// month with an entry).
    wages_through: Option<YearMonth>,
    /// Single parent (enslig forsørger).
    #[cfg_attr(test, ts(as = "Option<_>", optional))]
    single_parent: bool,
    /// Reserved against digital communication.
    #[cfg_attr(test, ts(as = "Option<_>", optional))]
    digital_reservation: bool,
    /// Strictly confidential address or shielded person.
    #[cfg_attr(test, ts(as = "Option<_>", optional))]
    sensitive: bool,
}

const PERSON_FIELDS: &[&str] = &[
    "id",
    "registeredOn",
    "birthDate",
    "age",
    "answers",
    "employment",
    "wages",
    "wagesThrough",
    "singleParent",
    "digitalReservation",
    "sensitive",
];

/// Refuses an array longer than `max` before reading its elements.
fn limited<T: FromJson>(o: &Obj<'_, '_>, key: &str, max: usize, what: &str) -> Result<Vec<T>> {
    if let Some(Node::Array(items)) = o.get(key) {
        if items.len() > max {
            return Err(o.at().key(key).error(
                ErrorKind::TooLarge,
                format!("{} {what}; at most {max} are accepted", items.len()),
            ));
        }
    }
    o.or_default(key)
}

impl FromJson for PersonInput {
    fn read_json(v: &Node<'_>, at: &Loc<'_>) -> Result<Self> {
        let o = Obj::new(v, at, PERSON_FIELDS)?;
        Ok(PersonInput {
            id: o.opt("id")?,
            registered_on: o.req("registeredOn")?,
            birth_date: o.opt("birthDate")?,
            age: o.opt("age")?,
            answers: o.req("answers")?,
            employment: limited(
                &o,
                "employment",
                MAX_EMPLOYMENT_PERIODS,
                "employment periods",
            )?,
            wages: limited(&o, "wages", MAX_WAGE_ENTRIES, "wage entries")?,
            wages_through: o.opt("wagesThrough")?,
            single_parent: o.or_default("singleParent")?,
            digital_reservation: o.or_default("digitalReservation")?,
            sensitive: o.or_default("sensitive")?,
        })
    }
}

impl FromJson for Person {
    fn read_json(v: &Node<'_>, at: &Loc<'_>) -> Result<Self> {
        let input = PersonInput::read_json(v, at)?;
        Person::check(input).map_err(|e| at.nest(e))
    }
}

impl ToJson for Person {
    fn write_json(&self, out: &mut String) {
        let mut o = Fields::new(out);
        o.some("id", &self.id)
            .field("registeredOn", &self.registered_on)
            .some("birthDate", &self.birth_date)
            .field("age", &self.age)
            .field("answers", &self.answers)
            .field("employment", &self.employment)
            .field("wages", &self.wages)
            .some("wagesThrough", &self.wages_through)
            .field("singleParent", &self.single_parent)
            .field("digitalReservation", &self.digital_reservation)
            .field("sensitive", &self.sensitive);
        o.end();
    }
}

impl Person {
    /// Parses and checks one registration from JSON text.
    ///
    /// # Errors
    /// Any error of [`crate::json::parse`]; `INCONSISTENT` for a birth date
    /// after registration, an `age` that contradicts `birthDate` or a period
    /// that ends before it starts; `MISSING_FIELD` when neither `birthDate`
    /// nor `age` is given; `OUT_OF_RANGE` for an age above [`MAX_AGE`];
    /// `TOO_LARGE` for more than [`MAX_WAGE_ENTRIES`] wages or
    /// [`MAX_EMPLOYMENT_PERIODS`] periods.
    pub fn from_json(text: &str) -> Result<Person> {
        crate::json::parse::<Person>(text)
    }

    /// Parses a JSON value already in memory (as [`Person::from_json`]).
    ///
    /// # Errors
    /// As [`Person::from_json`].
    pub fn from_value(value: &Value) -> Result<Person> {
        crate::json::from_value(value)
    }

    fn check(input: PersonInput) -> Result<Person> {
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
