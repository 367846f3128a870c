//! Parsing in two steps, for small code and errors that name the field.
//!
//! serde_json reads the text once into a [`Node`] tree (keys in document
//! order, duplicates kept, strings borrowed where they have no escapes);
//! the typed value is then deserialized from the tree by [`De`], which
//! records the JSON path of the first error the way `serde_path_to_error`
//! does (a value's own path for an error in or after reading it, the key's
//! path for an unknown key). serde_json's parser is compiled once for the
//! tree instead of once per type (and `De` never offers a struct an array),
//! which keeps the wasm module small; the messages are serde's and
//! serde_json's own.
//!
//! Top-level arrays of records ([`parse_array`]) are read one element at a
//! time, so a cohort never has all of its tree in memory at once.

use serde::de::{
    self, value::StrDeserializer, DeserializeOwned, DeserializeSeed, Deserializer, MapAccess,
    SeqAccess, Unexpected, Visitor,
};
use std::borrow::Cow;
use std::cell::RefCell;
use std::fmt;
use std::marker::PhantomData;

/// A parsed JSON value; containers name their children by position in
/// the [`Tree`] (one allocation per kind, not one per container).
pub(crate) enum Node<'a> {
    Null,
    Bool(bool),
    U(u64),
    I(i64),
    F(f64),
    Str(Cow<'a, str>),
    /// `Tree::items[start..start + len]`.
    Arr(u32, u32),
    /// `Tree::fields[start..start + len]`.
    Obj(u32, u32),
}

/// A parsed document: nodes, array items and object fields in three
/// vectors; the root is the last node.
#[derive(Default)]
pub(crate) struct Tree<'a> {
    nodes: Vec<Node<'a>>,
    items: Vec<u32>,
    fields: Vec<(Cow<'a, str>, u32)>,
}

impl<'a> Tree<'a> {
    fn node(&self, i: u32) -> &Node<'a> {
        &self.nodes[i as usize]
    }
    fn items(&self, start: u32, len: u32) -> &[u32] {
        &self.items[start as usize..(start + len) as usize]
    }
    fn fields(&self, start: u32, len: u32) -> &[(Cow<'a, str>, u32)] {
        &self.fields[start as usize..(start + len) as usize]
    }
    fn clear(&mut self) {
        self.nodes.clear();
        self.items.clear();
        self.fields.clear();
    }
}

/// A [`Tree`] under construction, with the children of the containers
/// still open.
#[derive(Default)]
struct Builder<'a> {
    tree: Tree<'a>,
    open_items: Vec<u32>,
    open_fields: Vec<(Cow<'a, str>, u32)>,
}

impl<'a> Builder<'a> {
    fn push(&mut self, node: Node<'a>) -> u32 {
        self.tree.nodes.push(node);
        (self.tree.nodes.len() - 1) as u32
    }
}

impl Node<'_> {
    fn unexpected(&self) -> Unexpected<'_> {
        match self {
            Node::Null => Unexpected::Unit,
            Node::Bool(b) => Unexpected::Bool(*b),
            Node::U(n) => Unexpected::Unsigned(*n),
            Node::I(n) => Unexpected::Signed(*n),
            Node::F(f) => Unexpected::Float(*f),
            Node::Str(s) => Unexpected::Str(s),
            Node::Arr(..) => Unexpected::Seq,
            Node::Obj(..) => Unexpected::Map,
        }
    }
}

/// Where a value sits in the document (a linked list on the stack).
#[derive(Clone, Copy)]
enum Chain<'c> {
    Root,
    Key(&'c Chain<'c>, &'c str),
    Index(&'c Chain<'c>, usize),
}

impl Chain<'_> {
    fn render(&self, out: &mut String) {
        match self {
            Chain::Root => {}
            Chain::Key(parent, key) => {
                parent.render(out);
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(key);
            }
            Chain::Index(parent, i) => {
                parent.render(out);
                out.push('[');
                out.push_str(&i.to_string());
                out.push(']');
            }
        }
    }
}

/// The path of the first error, and a data error met while serde_json was
/// driving (inside [`parse_array`]).
#[derive(Default)]
struct Track {
    path: RefCell<Option<String>>,
    data: RefCell<Option<DeError>>,
}

impl Track {
    fn trigger(&self, chain: &Chain<'_>) {
        let mut path = self.path.borrow_mut();
        if path.is_none() {
            let mut s = String::new();
            chain.render(&mut s);
            *path = Some(s);
        }
    }

    fn path(&self) -> String {
        self.path.borrow_mut().take().unwrap_or_default()
    }
}

/// A deserialization error: serde's message, formatted as serde_json
/// formats it.
#[derive(Debug)]
pub(crate) struct DeError(pub(crate) String);

impl fmt::Display for DeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for DeError {}

/// serde_json's way of naming an unexpected value: `null` for unit, and
/// floats in JSON's shortest form.
struct JsonUnexpected<'a>(Unexpected<'a>);

impl fmt::Display for JsonUnexpected<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Unexpected::Unit => f.write_str("null"),
            Unexpected::Float(v) => {
                let text = serde_json::to_string(&v).unwrap_or_default();
                write!(f, "floating point `{text}`")
            }
            ref other => fmt::Display::fmt(other, f),
        }
    }
}

impl de::Error for DeError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        DeError(msg.to_string())
    }

    fn invalid_type(unexp: Unexpected<'_>, exp: &dyn de::Expected) -> Self {
        DeError(format!(
            "invalid type: {}, expected {exp}",
            JsonUnexpected(unexp)
        ))
    }

    fn invalid_value(unexp: Unexpected<'_>, exp: &dyn de::Expected) -> Self {
        DeError(format!(
            "invalid value: {}, expected {exp}",
            JsonUnexpected(unexp)
        ))
    }
}

/// Why parsing failed.
pub(crate) enum Failure {
    /// serde_json stopped (malformed text, too deep, trailing text, or not
    /// an array where one was asked for); `path` is where it was.
    Json(serde_json::Error, String),
    /// Text after the JSON value.
    Trailing(serde_json::Error),
    /// The text is JSON but not a `T`.
    Data { path: String, message: String },
}

// --- step 1: text → tree ----------------------------------------------------

struct NodeSeed<'b, 'a, 't, 'c> {
    builder: &'b mut Builder<'a>,
    track: &'t Track,
    chain: &'c Chain<'c>,
}

impl<'de> DeserializeSeed<'de> for NodeSeed<'_, 'de, '_, '_> {
    type Value = u32;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<u32, D::Error> {
        let (track, chain) = (self.track, self.chain);
        d.deserialize_any(self)
            .inspect_err(|_| track.trigger(chain))
    }
}

impl<'de> Visitor<'de> for NodeSeed<'_, 'de, '_, '_> {
    type Value = u32;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<u32, E> {
        Ok(self.builder.push(Node::Bool(v)))
    }
    fn visit_i64<E>(self, v: i64) -> Result<u32, E> {
        Ok(self.builder.push(Node::I(v)))
    }
    fn visit_u64<E>(self, v: u64) -> Result<u32, E> {
        Ok(self.builder.push(Node::U(v)))
    }
    fn visit_f64<E>(self, v: f64) -> Result<u32, E> {
        Ok(self.builder.push(Node::F(v)))
    }
    fn visit_borrowed_str<E>(self, v: &'de str) -> Result<u32, E> {
        Ok(self.builder.push(Node::Str(Cow::Borrowed(v))))
    }
    fn visit_str<E>(self, v: &str) -> Result<u32, E> {
        Ok(self.builder.push(Node::Str(Cow::Owned(v.to_string()))))
    }
    fn visit_string<E>(self, v: String) -> Result<u32, E> {
        Ok(self.builder.push(Node::Str(Cow::Owned(v))))
    }
    fn visit_unit<E>(self) -> Result<u32, E> {
        Ok(self.builder.push(Node::Null))
    }
    fn visit_none<E>(self) -> Result<u32, E> {
        Ok(self.builder.push(Node::Null))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<u32, A::Error> {
        let mark = self.builder.open_items.len();
        loop {
            let chain = Chain::Index(self.chain, self.builder.open_items.len() - mark);
            let seed = NodeSeed {
                builder: &mut *self.builder,
                track: self.track,
                chain: &chain,
            };
            match seq.next_element_seed(seed)? {
                Some(i) => self.builder.open_items.push(i),
                None => break,
            }
        }
        let Builder {
            tree, open_items, ..
        } = &mut *self.builder;
        let start = tree.items.len() as u32;
        tree.items.extend(open_items.drain(mark..));
        let len = tree.items.len() as u32 - start;
        Ok(self.builder.push(Node::Arr(start, len)))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<u32, A::Error> {
        let mark = self.builder.open_fields.len();
        while let Some(Key(key)) = map.next_key::<Key<'de>>()? {
            let chain = Chain::Key(self.chain, &key);
            let i = map.next_value_seed(NodeSeed {
                builder: &mut *self.builder,
                track: self.track,
                chain: &chain,
            })?;
            self.builder.open_fields.push((key, i));
        }
        let Builder {
            tree, open_fields, ..
        } = &mut *self.builder;
        let start = tree.fields.len() as u32;
        tree.fields.extend(open_fields.drain(mark..));
        let len = tree.fields.len() as u32 - start;
        Ok(self.builder.push(Node::Obj(start, len)))
    }
}

/// An object key, borrowed from the text where it has no escapes.
struct Key<'a>(Cow<'a, str>);

impl<'de> de::Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Key<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string key")
            }
            fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Borrowed(v)))
            }
            fn visit_str<E>(self, v: &str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(v.to_string())))
            }
            fn visit_string<E>(self, v: String) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(v)))
            }
        }
        d.deserialize_str(V)
    }
}

// --- step 2: tree → typed value ---------------------------------------------

/// Deserializes `seed` from node `i` of `tree`, recording `chain` if it
/// fails.
fn value<'de, S: DeserializeSeed<'de>>(
    seed: S,
    tree: &Tree<'_>,
    i: u32,
    chain: &Chain<'_>,
    track: &Track,
) -> Result<S::Value, DeError> {
    let node = tree.node(i);
    seed.deserialize(De {
        tree,
        node,
        chain,
        track,
    })
    .inspect_err(|_| track.trigger(chain))
}

/// A deserializer over one node of the tree.
struct De<'n, 'a> {
    tree: &'n Tree<'a>,
    node: &'n Node<'a>,
    chain: &'n Chain<'n>,
    track: &'n Track,
}

impl<'n, 'a> De<'n, 'a> {
    fn invalid<'de, V: Visitor<'de>, T>(&self, v: &V) -> Result<T, DeError> {
        Err(de::Error::invalid_type(self.node.unexpected(), v))
    }

    fn number<'de, V: Visitor<'de>>(self, v: V) -> Result<V::Value, DeError> {
        match self.node {
            Node::U(n) => v.visit_u64(*n),
            Node::I(n) => v.visit_i64(*n),
            Node::F(x) => v.visit_f64(*x),
            _ => self.invalid(&v),
        }
    }

    fn text<'de, V: Visitor<'de>>(self, v: V) -> Result<V::Value, DeError> {
        match self.node {
            Node::Str(s) => v.visit_str(s),
            _ => self.invalid(&v),
        }
    }

    fn seq<'de, V: Visitor<'de>>(self, v: V) -> Result<V::Value, DeError> {
        match self.node {
            Node::Arr(start, len) => v.visit_seq(Seq {
                tree: self.tree,
                items: self.tree.items(*start, *len),
                next: 0,
                chain: self.chain,
                track: self.track,
            }),
            _ => self.invalid(&v),
        }
    }

    fn map<'de, V: Visitor<'de>>(self, v: V) -> Result<V::Value, DeError> {
        match self.node {
            Node::Obj(start, len) => v.visit_map(Map {
                tree: self.tree,
                fields: self.tree.fields(*start, *len),
                next: 0,
                chain: self.chain,
                track: self.track,
            }),
            _ => self.invalid(&v),
        }
    }
}

macro_rules! numbers {
    ($($method:ident)*) => {
        $(
            fn $method<V: Visitor<'de>>(self, v: V) -> Result<V::Value, DeError> {
                self.number(v)
            }
        )*
    };
}

impl<'de> Deserializer<'de> for De<'_, '_> {
    type Error = DeError;

    fn deserialize_any<V: Visitor<'de>>(self, v: V) -> Result<V::Value, DeError> {
        match self.node {
            Node::Null => v.visit_unit(),
            Node::Bool(b) => v.visit_bool(*b),
            Node::U(_) | Node::I(_) | Node::F(_) => self.number(v),
            Node::Str(s) => v.visit_str(s),
            Node::Arr(..) => self.seq(v),
            Node::Obj(..) => self.map(v),
        }
    }

    fn deserialize_bool<V: Visitor<'de>>(self, v: V) -> Result<V::Value, DeError> {
        match self.node {
            Node::Bool(b) => v.visit_bool(*b),
            _ => self.invalid(&v),
        }
    }

    numbers!(deserialize_i8 deserialize_i16 deserialize_i32 deserialize_i64
        deserialize_u8 deserialize_u16 deserialize_u32 deserialize_u64
        deserialize_f32 deserialize_f64);

    fn deserialize_char<V: Visitor<'de>>(self, v: V) -> Result<V::Value, DeError> {
        self.text(v)
    }
    fn deserialize_str<V: Visitor<'de>>(self, v: V) -> Result<V::Value, DeError> {
        self.text(v)
    }
    fn deserialize_string<V: Visitor<'de>>(self, v: V) -> Result<V::Value, DeError> {
        self.text(v)
    }
    fn deserialize_identifier<V: Visitor<'de>>(self, v: V) -> Result<V::Value, DeError> {
        self.text(v)
    }
    fn deserialize_bytes<V: Visitor<'de>>(self, v: V) -> Result<V::Value, DeError> {
        self.deserialize_any(v)
    }
    fn deserialize_byte_buf<V: Visitor<'de>>(self, v: V) -> Result<V::Value, DeError> {
        self.deserialize_any(v)
    }

    fn deserialize_option<V: Visitor<'de>>(self, v: V) -> Result<V::Value, DeError> {
        match self.node {
            Node::Null => v.visit_none(),
            _ => v.visit_some(self),
        }
    }

    fn deserialize_unit<V: Visitor<'de>>(self, v: V) -> Result<V::Value, DeError> {
        match self.node {
            Node::Null => v.visit_unit(),
            _ => self.invalid(&v),
        }
    }
    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        v: V,
    ) -> Result<V::Value, DeError> {
        self.deserialize_unit(v)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        v: V,
    ) -> Result<V::Value, DeError> {
        v.visit_newtype_struct(self)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, v: V) -> Result<V::Value, DeError> {
        self.seq(v)
    }
    fn deserialize_tuple<V: Visitor<'de>>(self, _len: usize, v: V) -> Result<V::Value, DeError> {
        self.seq(v)
    }
    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _len: usize,
        v: V,
    ) -> Result<V::Value, DeError> {
        self.seq(v)
    }

    fn deserialize_map<V: Visitor<'de>>(self, v: V) -> Result<V::Value, DeError> {
        self.map(v)
    }

    /// Records are JSON objects: an array is refused here rather than
    /// offered to the struct (which would compile a sequence reader into
    /// every record type).
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        v: V,
    ) -> Result<V::Value, DeError> {
        self.map(v)
    }

    /// Unit variants written as strings (the only enums in the contract).
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        v: V,
    ) -> Result<V::Value, DeError> {
        match self.node {
            Node::Str(s) => v.visit_enum(StrDeserializer::<DeError>::new(s)),
            _ => self.invalid(&v),
        }
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, v: V) -> Result<V::Value, DeError> {
        v.visit_unit()
    }
}

struct Seq<'n, 'a> {
    tree: &'n Tree<'a>,
    items: &'n [u32],
    next: usize,
    chain: &'n Chain<'n>,
    track: &'n Track,
}

impl<'de> SeqAccess<'de> for Seq<'_, '_> {
    type Error = DeError;

    fn next_element_seed<S: DeserializeSeed<'de>>(
        &mut self,
        seed: S,
    ) -> Result<Option<S::Value>, DeError> {
        let Some(&i) = self.items.get(self.next) else {
            return Ok(None);
        };
        let chain = Chain::Index(self.chain, self.next);
        self.next += 1;
        value(seed, self.tree, i, &chain, self.track).map(Some)
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len() - self.next.min(self.items.len()))
    }
}

struct Map<'n, 'a> {
    tree: &'n Tree<'a>,
    fields: &'n [(Cow<'a, str>, u32)],
    next: usize,
    chain: &'n Chain<'n>,
    track: &'n Track,
}

impl<'de> MapAccess<'de> for Map<'_, '_> {
    type Error = DeError;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, DeError> {
        let Some((key, _)) = self.fields.get(self.next) else {
            return Ok(None);
        };
        seed.deserialize(StrDeserializer::<DeError>::new(key))
            .map(Some)
            .inspect_err(|_| self.track.trigger(&Chain::Key(self.chain, key)))
    }

    fn next_value_seed<S: DeserializeSeed<'de>>(&mut self, seed: S) -> Result<S::Value, DeError> {
        let Some((key, i)) = self.fields.get(self.next) else {
            return Err(de::Error::custom("a value without a key"));
        };
        self.next += 1;
        let chain = Chain::Key(self.chain, key);
        value(seed, self.tree, *i, &chain, self.track)
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.fields.len() - self.next.min(self.fields.len()))
    }
}

/// Parses `text` as one `T`.
pub(crate) fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, Failure> {
    let track = Track::default();
    let mut de = serde_json::Deserializer::from_str(text);
    let mut builder = Builder::default();
    // serde_json guards against deep nesting itself (128 levels).
    let seed = NodeSeed {
        builder: &mut builder,
        track: &track,
        chain: &Chain::Root,
    };
    let root = seed
        .deserialize(&mut de)
        .map_err(|e| Failure::Json(e, track.path()))?;
    de.end().map_err(Failure::Trailing)?;
    value(PhantomData::<T>, &builder.tree, root, &Chain::Root, &track).map_err(|e| Failure::Data {
        path: track.path(),
        message: e.0,
    })
}

/// Parses `text` as a JSON array of `T`, one element at a time (one tree,
/// cleared between elements).
pub(crate) fn array_from_str<T: DeserializeOwned>(text: &str) -> Result<Vec<T>, Failure> {
    struct Elements<'t, T> {
        track: &'t Track,
        marker: PhantomData<T>,
    }
    impl<'de, T: DeserializeOwned> Visitor<'de> for Elements<'_, T> {
        type Value = Vec<T>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a sequence")
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
            let mut out = Vec::new();
            let mut builder = Builder::default();
            loop {
                builder.tree.clear();
                let chain = Chain::Index(&Chain::Root, out.len());
                let seed = NodeSeed {
                    builder: &mut builder,
                    track: self.track,
                    chain: &chain,
                };
                let Some(root) = seq.next_element_seed(seed)? else {
                    return Ok(out);
                };
                match value(PhantomData::<T>, &builder.tree, root, &chain, self.track) {
                    Ok(item) => out.push(item),
                    Err(e) => {
                        *self.track.data.borrow_mut() = Some(e);
                        return Err(de::Error::custom("invalid element"));
                    }
                }
            }
        }
    }
    let track = Track::default();
    let mut de = serde_json::Deserializer::from_str(text);
    let elements = Elements {
        track: &track,
        marker: PhantomData,
    };
    let result = de.deserialize_seq(elements);
    if let Some(e) = track.data.borrow_mut().take() {
        return Err(Failure::Data {
            path: track.path(),
            message: e.0,
        });
    }
    let items = result.map_err(|e| Failure::Json(e, track.path()))?;
    de.end().map_err(Failure::Trailing)?;
    Ok(items)
}
