//! Errors as data: every failure has a [`ErrorKind`], the JSON path of the
//! offending field and a human-readable message.
//!
//! The same [`Error`] value is printed by the CLI on stderr and thrown as a JS
//! `Error` (with `kind`, `path` and `message` properties) by the wasm package.

/// What went wrong, in a form a program can branch on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename_all = "SCREAMING_SNAKE_CASE"))]
pub enum ErrorKind {
    /// The input is not well-formed JSON.
    InvalidJson,
    /// A field has the wrong JSON type (a string where a number belongs, …).
    InvalidType,
    /// An enum field holds a value outside its vocabulary.
    InvalidValue,
    /// A field that is not part of the contract.
    UnknownField,
    /// A required field is absent.
    MissingField,
    /// A number or date outside its allowed range (a negative wage, month 13, …).
    OutOfRange,
    /// Fields that are valid one by one but contradict each other
    /// (a birth date after registration, a period that ends before it starts).
    Inconsistent,
    /// The data needed for an answer is not there (fewer than 12 months of
    /// wages after registration, a month the G table does not cover).
    InsufficientData,
    /// No policy, ruleset or model matches what was asked for.
    NotFound,
    /// An input larger than the documented limit.
    TooLarge,
    /// Shipped or caller-supplied configuration that is itself invalid.
    InvalidConfig,
    /// Reading or writing a file failed.
    Io,
    /// A command-line usage error.
    Usage,
}

impl ErrorKind {
    /// Every kind, in declaration order.
    pub const ALL: [ErrorKind; 13] = [
        ErrorKind::InvalidJson,
        ErrorKind::InvalidType,
        ErrorKind::InvalidValue,
        ErrorKind::UnknownField,
        ErrorKind::MissingField,
        ErrorKind::OutOfRange,
        ErrorKind::Inconsistent,
        ErrorKind::InsufficientData,
        ErrorKind::NotFound,
        ErrorKind::TooLarge,
        ErrorKind::InvalidConfig,
        ErrorKind::Io,
        ErrorKind::Usage,
    ];

    /// The kind of a stable string (`"INVALID_VALUE"` → `InvalidValue`).
    pub fn from_code(code: &str) -> Option<ErrorKind> {
        ErrorKind::ALL.into_iter().find(|k| k.as_str() == code)
    }

    /// The kind as the stable string used in JSON and JS (`"INVALID_VALUE"`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorKind::InvalidJson => "INVALID_JSON",
            ErrorKind::InvalidType => "INVALID_TYPE",
            ErrorKind::InvalidValue => "INVALID_VALUE",
            ErrorKind::UnknownField => "UNKNOWN_FIELD",
            ErrorKind::MissingField => "MISSING_FIELD",
            ErrorKind::OutOfRange => "OUT_OF_RANGE",
            ErrorKind::Inconsistent => "INCONSISTENT",
            ErrorKind::InsufficientData => "INSUFFICIENT_DATA",
            ErrorKind::NotFound => "NOT_FOUND",
            ErrorKind::TooLarge => "TOO_LARGE",
            ErrorKind::InvalidConfig => "INVALID_CONFIG",
            ErrorKind::Io => "IO",
            ErrorKind::Usage => "USAGE",
        }
    }
}

/// A structured error: `kind`, `path` (e.g. `answers.situation`,
/// `wages[3].nok`; empty for the whole input) and `message`.
///
/// # Example
/// ```
/// use veivalg::{Error, ErrorKind};
/// let e = Error::new(ErrorKind::OutOfRange, "wages[0].nok", "must be zero or more, got -1");
/// assert_eq!(e.to_json(), r#"{"kind":"OUT_OF_RANGE","path":"wages[0].nok","message":"must be zero or more, got -1"}"#);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error(Box<ErrorData>);

/// A structured error: `kind`, `path` (e.g. `answers.situation`,
/// `wages[3].nok`; empty for the whole input) and `message`.
// The fields of an [`Error`], reached through it (`e.kind`, `e.path`,
// `e.message`). `Error` boxes them so that a `Result` carries one pointer
// on its error side: smaller and faster code wherever a `?` moves one
// (12 KB gzip of the wasm module).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ErrorData {
    /// What went wrong.
    pub kind: ErrorKind,
    /// JSON path of the field at fault; empty when the whole input is at fault.
    pub path: String,
    /// A sentence for humans: the reason, and where useful the allowed values.
    pub message: String,
}

impl std::ops::Deref for Error {
    type Target = ErrorData;
    fn deref(&self) -> &ErrorData {
        &self.0
    }
}

impl std::ops::DerefMut for Error {
    fn deref_mut(&mut self) -> &mut ErrorData {
        &mut self.0
    }
}

/// `KIND: path: message` (or `KIND: message` without a path).
impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.kind.as_str())?;
        f.write_str(": ")?;
        if !self.path.is_empty() {
            f.write_str(&self.path)?;
            f.write_str(": ")?;
        }
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

/// Shorthand for results in this crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// Builds an error.
    pub fn new(kind: ErrorKind, path: impl Into<String>, message: impl Into<String>) -> Self {
        Error(Box::new(ErrorData {
            kind,
            path: path.into(),
            message: message.into(),
        }))
    }

    /// Returns the same error with `prefix` put in front of its path
    /// (`at("persons[2]")` turns `answers.situation` into
    /// `persons[2].answers.situation`).
    pub fn at(mut self, prefix: &str) -> Self {
        if prefix.is_empty() {
            return self;
        }
        self.path = if self.path.is_empty() {
            prefix.to_string()
        } else if self.path.starts_with('[') {
            format!("{prefix}{}", self.path)
        } else {
            format!("{prefix}.{}", self.path)
        };
        self
    }

    /// The error as one line of JSON: `{"kind":…,"path":…,"message":…}`.
    pub fn to_json(&self) -> String {
        crate::wire::to_string(self)
    }

    /// This error as a serde deserialization error, for a check inside a
    /// `Deserialize` impl: [`crate::wire::parse`] restores its kind and joins
    /// its path to the place where serde found it.
    pub fn into_de<E: serde::de::Error>(self) -> E {
        E::custom(format_args!(
            "{DE_MARK}{}{DE_MARK}{}{DE_MARK}{}",
            self.kind.as_str(),
            self.path,
            self.message
        ))
    }

    /// The error [`Error::into_de`] encoded in a serde message, if it is one.
    pub(crate) fn from_de_message(message: &str) -> Option<Error> {
        let mut parts = message.strip_prefix(DE_MARK)?.splitn(3, DE_MARK);
        let kind = ErrorKind::from_code(parts.next()?)?;
        let path = parts.next()?;
        let message = parts.next()?;
        Some(Error::new(kind, path, message))
    }
}

/// A number as messages print it: as written for everyday magnitudes
/// (`41000`, `0.3`, `-1`, `9007199254740992`), in exponent form below 1e-6 and
/// from 1e16 on (`1.7e308`, `1e-320`, `1.8446744073709552e19`), so that an
/// extreme value never spells out hundreds of digits. The digits are the
/// shortest that read back as the same `f64` (std's formatting, and
/// serde_json's for the exponent form: the wasm module has both already).
///
/// # Example
/// ```
/// use veivalg::error::Num;
/// assert_eq!(Num(41000.0).to_string(), "41000");
/// assert_eq!(Num(52000.5).to_string(), "52000.5");
/// assert_eq!(Num(1.7e308).to_string(), "1.7e308");
/// assert_eq!(Num(-1e-320).to_string(), "-1e-320");
/// assert_eq!(Num(2f64.powi(64)).to_string(), "1.8446744073709552e19");
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Num(pub f64);

impl std::fmt::Display for Num {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let a = self.0.abs();
        if a == 0.0 || !a.is_finite() || (1e-6..1e16).contains(&a) {
            write!(f, "{}", self.0)
        } else {
            f.write_str(&crate::wire::to_string(&self.0).replace("e+", "e"))
        }
    }
}

/// Separates the parts of an error carried through serde ([`Error::into_de`]).
const DE_MARK: char = '\u{1}';

impl serde::Serialize for ErrorKind {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl serde::Serialize for Error {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        self.0.serialize(s)
    }
}

impl std::fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}
