//! [`Value`]: any JSON value, for the few places whose shape is open (the
//! `detail` of a reason, a counterfactual's `from`/`to`, a model's `fit`
//! record, a policy given by id or as an object).

use std::fmt;

/// A JSON number as it was written: whole numbers keep their integer form
/// (`3`, not `3.0`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Number {
    /// A whole number ≥ 0.
    U(u64),
    /// A whole number < 0.
    I(i64),
    /// Any other number (always finite).
    F(f64),
}

impl Number {
    /// The number as an `f64`.
    pub fn as_f64(self) -> f64 {
        match self {
            Number::U(n) => n as f64,
            Number::I(n) => n as f64,
            Number::F(f) => f,
        }
    }
}

impl fmt::Display for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut s = String::new();
        super::ser::write_number(*self, &mut s);
        f.write_str(&s)
    }
}

/// A JSON object: keys in document order. Two objects are equal when they
/// hold the same keys with equal values, in any order (as in JSON).
#[derive(Debug, Clone, Default)]
pub struct Map(pub Vec<(String, Value)>);

impl PartialEq for Map {
    fn eq(&self, other: &Map) -> bool {
        self.len() == other.len() && self.0.iter().all(|(k, v)| other.get(k) == Some(v))
    }
}

impl Map {
    /// An empty object.
    pub fn new() -> Map {
        Map(Vec::new())
    }
    /// The value under `key` (the first, should the key repeat).
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }
    /// Whether `key` is present.
    pub fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }
    /// Sets `key`, replacing an earlier value in place.
    pub fn insert(&mut self, key: impl Into<String>, value: Value) {
        let key = key.into();
        match self.0.iter_mut().find(|(k, _)| *k == key) {
            Some(slot) => slot.1 = value,
            None => self.0.push((key, value)),
        }
    }
    /// Number of keys.
    pub fn len(&self) -> usize {
        self.0.len()
    }
    /// Whether there are no keys.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    /// Keys and values in order.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &Value)> {
        self.0.iter().map(|(k, v)| (k, v))
    }
}

/// Any JSON value.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Value {
    /// `null`.
    #[default]
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number.
    Number(Number),
    /// A string.
    String(String),
    /// An array.
    Array(Vec<Value>),
    /// An object.
    Object(Map),
}

impl Value {
    /// The string, if this is one.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }
    /// The number as an `f64`, if this is one.
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Value::Number(n) => Some(n.as_f64()),
            _ => None,
        }
    }
    /// The number, if this is a whole number ≥ 0.
    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Value::Number(Number::U(n)) => Some(*n),
            _ => None,
        }
    }
    /// The boolean, if this is one.
    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Value::Bool(b) => Some(*b),
            _ => None,
        }
    }
    /// The items, if this is an array.
    pub fn as_array(&self) -> Option<&Vec<Value>> {
        match self {
            Value::Array(a) => Some(a),
            _ => None,
        }
    }
    /// Whether this is `null`.
    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }
    /// The object, if this is one.
    pub fn as_object(&self) -> Option<&Map> {
        match self {
            Value::Object(m) => Some(m),
            _ => None,
        }
    }
    /// `self[key]` for an object, else `None`.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.as_object().and_then(|m| m.get(key))
    }
    /// What the value is, for messages: "a string", "an object", …
    pub fn kind(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "a boolean",
            Value::Number(_) => "a number",
            Value::String(_) => "a string",
            Value::Array(_) => "an array",
            Value::Object(_) => "an object",
        }
    }
}

static NULL: Value = Value::Null;

/// `value["key"]`: the field, or `null` when absent or not an object.
impl std::ops::Index<&str> for Value {
    type Output = Value;
    fn index(&self, key: &str) -> &Value {
        self.get(key).unwrap_or(&NULL)
    }
}

/// `value[i]`: the element, or `null` when absent or not an array.
impl std::ops::Index<usize> for Value {
    type Output = Value;
    fn index(&self, i: usize) -> &Value {
        self.as_array().and_then(|a| a.get(i)).unwrap_or(&NULL)
    }
}

impl fmt::Display for Value {
    /// Compact JSON text.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&super::to_string(self))
    }
}

impl From<bool> for Value {
    fn from(b: bool) -> Value {
        Value::Bool(b)
    }
}
impl From<&str> for Value {
    fn from(s: &str) -> Value {
        Value::String(s.to_string())
    }
}
impl From<String> for Value {
    fn from(s: String) -> Value {
        Value::String(s)
    }
}
impl From<f64> for Value {
    fn from(f: f64) -> Value {
        if f.is_finite() {
            Value::Number(Number::F(f))
        } else {
            Value::Null
        }
    }
}
macro_rules! from_unsigned {
    ($($t:ty),*) => {$(
        impl From<$t> for Value {
            fn from(n: $t) -> Value {
                Value::Number(Number::U(n as u64))
            }
        }
    )*};
}
from_unsigned!(u8, u16, u32, u64, usize);
impl From<i64> for Value {
    fn from(n: i64) -> Value {
        match u64::try_from(n) {
            Ok(u) => Value::Number(Number::U(u)),
            Err(_) => Value::Number(Number::I(n)),
        }
    }
}
impl From<i32> for Value {
    fn from(n: i32) -> Value {
        Value::from(i64::from(n))
    }
}
impl<T: Into<Value>> From<Option<T>> for Value {
    fn from(o: Option<T>) -> Value {
        o.map_or(Value::Null, Into::into)
    }
}
impl<T: Into<Value>> From<Vec<T>> for Value {
    fn from(v: Vec<T>) -> Value {
        Value::Array(v.into_iter().map(Into::into).collect())
    }
}
impl From<Map> for Value {
    fn from(m: Map) -> Value {
        Value::Object(m)
    }
}

/// A JSON object value from `key => value` pairs, each value turned into a
/// [`Value`] with `From` (`jobj! { "age" => 45, "min" => 30 }`).
macro_rules! jobj {
    ($($key:literal => $value:expr),* $(,)?) => {
        $crate::json::Value::Object($crate::json::Map(vec![
            $((String::from($key), $crate::json::Value::from($value))),*
        ]))
    };
}
pub(crate) use jobj;

/// Names mapped to values of one type, kept sorted by name (what a JSON
/// object such as a model's `levels` or `metrics` holds). A sorted vector:
/// lookups by binary search, and far less code than a `BTreeMap`.
#[derive(Debug, Clone, PartialEq)]
pub struct Dict<T>(Vec<(String, T)>);

impl<T> Default for Dict<T> {
    fn default() -> Self {
        Dict(Vec::new())
    }
}

impl<T> Dict<T> {
    /// An empty map.
    pub fn new() -> Self {
        Dict(Vec::new())
    }
    fn find(&self, key: &str) -> std::result::Result<usize, usize> {
        self.0.binary_search_by(|(k, _)| k.as_str().cmp(key))
    }
    /// The value under `key`.
    pub fn get(&self, key: &str) -> Option<&T> {
        self.find(key).ok().map(|i| &self.0[i].1)
    }
    /// Whether `key` is present.
    pub fn contains_key(&self, key: &str) -> bool {
        self.find(key).is_ok()
    }
    /// Sets `key`, replacing an earlier value.
    pub fn insert(&mut self, key: impl Into<String>, value: T) {
        let key = key.into();
        match self.find(&key) {
            Ok(i) => self.0[i].1 = value,
            Err(i) => self.0.insert(i, (key, value)),
        }
    }
    /// Number of names.
    pub fn len(&self) -> usize {
        self.0.len()
    }
    /// Whether there are no names.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    /// Names and values, sorted by name.
    pub fn iter(&self) -> DictIter<'_, T> {
        self.0.iter().map(|(k, v)| (k, v))
    }
}

/// The iterator of [`Dict::iter`].
pub type DictIter<'a, T> =
    std::iter::Map<std::slice::Iter<'a, (String, T)>, fn(&'a (String, T)) -> (&'a String, &'a T)>;

impl<'a, T> IntoIterator for &'a Dict<T> {
    type Item = (&'a String, &'a T);
    type IntoIter = DictIter<'a, T>;
    fn into_iter(self) -> DictIter<'a, T> {
        self.iter()
    }
}

impl<T> FromIterator<(String, T)> for Dict<T> {
    /// Later entries replace earlier ones with the same name.
    fn from_iter<I: IntoIterator<Item = (String, T)>>(iter: I) -> Self {
        let mut d = Dict::new();
        for (k, v) in iter {
            d.insert(k, v);
        }
        d
    }
}

/// A JSON document as read from text, its strings borrowed from the text
/// where they hold no escape: what [`crate::json::FromJson`] reads typed
/// values from (the owned [`Value`] is for values the library keeps).
#[derive(Debug, Clone, PartialEq)]
pub enum Node<'a> {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number.
    Number(Number),
    /// A string.
    String(std::borrow::Cow<'a, str>),
    /// An array.
    Array(Vec<Node<'a>>),
    /// An object: keys in document order.
    Object(Vec<(std::borrow::Cow<'a, str>, Node<'a>)>),
}

impl<'a> Node<'a> {
    /// The value under `key` of an object (the first, should it repeat).
    pub fn get(&self, key: &str) -> Option<&Node<'a>> {
        match self {
            Node::Object(fields) => fields.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// What the node is, for messages: "a string", "an object", …
    pub fn kind(&self) -> &'static str {
        match self {
            Node::Null => "null",
            Node::Bool(_) => "a boolean",
            Node::Number(_) => "a number",
            Node::String(_) => "a string",
            Node::Array(_) => "an array",
            Node::Object(_) => "an object",
        }
    }

    /// The same document as an owned [`Value`].
    pub fn to_value(&self) -> Value {
        match self {
            Node::Null => Value::Null,
            Node::Bool(b) => Value::Bool(*b),
            Node::Number(n) => Value::Number(*n),
            Node::String(s) => Value::String(s.to_string()),
            Node::Array(items) => Value::Array(items.iter().map(Node::to_value).collect()),
            Node::Object(fields) => Value::Object(Map(fields
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_value()))
                .collect())),
        }
    }

    /// A [`Value`] seen as a document (its strings borrowed).
    pub fn of(value: &'a Value) -> Node<'a> {
        use std::borrow::Cow::Borrowed;
        match value {
            Value::Null => Node::Null,
            Value::Bool(b) => Node::Bool(*b),
            Value::Number(n) => Node::Number(*n),
            Value::String(s) => Node::String(Borrowed(s)),
            Value::Array(items) => Node::Array(items.iter().map(Node::of).collect()),
            Value::Object(map) => Node::Object(
                map.0
                    .iter()
                    .map(|(k, v)| (Borrowed(k.as_str()), Node::of(v)))
                    .collect(),
            ),
        }
    }
}
