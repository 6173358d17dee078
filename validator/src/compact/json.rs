//! JSON as the validator reads it: a value type whose strings borrow from the text, and its parser.
//!
//! Why not `serde_json::Value`: its reader, error type, serializer and `BTreeMap` code were a large
//! part of the npm package's validate module, which has a 60 KB budget (docs/size.md). This reads the same language
//! with the same outcome: what serde_json refuses is refused (its wording for the fault; the column
//! may differ), object keys are ordered as its map orders them (by bytes, a repeated key's last
//! value kept), and numbers fall into the classes it gives them (`i64`, `u64`, float), so a request
//! gets the same report whichever of the two parsed it (`tests`, tests/all/json_properties.rs).
//! Callers holding a `serde_json::Value` convert with [`Value::from_serde`].

use std::borrow::Cow;
use std::fmt;

/// serde_json's default nesting limit: 127 arrays or objects deep parse, 128 do not.
const DEPTH: u32 = 128;

#[derive(Debug, Clone, PartialEq)]
pub enum Value<'a> {
    Null,
    Bool(bool),
    Number(Number<'a>),
    String(Cow<'a, str>),
    Array(Vec<Value<'a>>),
    Object(Object<'a>),
}

/// A number in serde_json's classes. Floats are kept as their text: nothing here computes with them.
#[derive(Debug, Clone, PartialEq)]
pub enum Number<'a> {
    Int(i64),
    /// An integer above `i64::MAX` that fits a `u64`.
    Big(u64),
    Float(Cow<'a, str>),
}

/// An object: members sorted by key bytes, each key once.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Object<'a>(Vec<(Cow<'a, str>, Value<'a>)>);

impl<'a> Object<'a> {
    pub fn new() -> Self {
        Object(Vec::new())
    }

    /// Members in the order read, put in key order with a repeated key's last value kept; sorted
    /// once rather than inserted one by one, which took time quadratic in the number of keys.
    fn from_members(mut members: Vec<(Cow<'a, str>, Value<'a>)>) -> Self {
        if members.windows(2).all(|w| w[0].0 < w[1].0) {
            return Object(members);
        }
        crate::compact::order::sort_by(&mut members, |a, b| a.0.cmp(&b.0));
        let mut unique: Vec<(Cow<'a, str>, Value<'a>)> = Vec::with_capacity(members.len());
        for member in members {
            match unique.last_mut() {
                Some(last) if last.0 == member.0 => *last = member,
                _ => unique.push(member),
            }
        }
        Object(unique)
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, &Value<'a>)> {
        self.0.iter().map(|(k, v)| (k.as_ref(), v))
    }

    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|(k, _)| k.as_ref())
    }

    fn find(&self, key: &str) -> Result<usize, usize> {
        self.0.binary_search_by(|(k, _)| k.as_ref().cmp(key))
    }

    pub fn get(&self, key: &str) -> Option<&Value<'a>> {
        self.find(key).ok().map(|at| &self.0[at].1)
    }

    pub fn get_mut(&mut self, key: &str) -> Option<&mut Value<'a>> {
        self.find(key).ok().map(|at| &mut self.0[at].1)
    }

    /// Sets `key` to `value`; a value it had is replaced and returned.
    pub fn insert(&mut self, key: impl Into<Cow<'a, str>>, value: Value<'a>) -> Option<Value<'a>> {
        let key = key.into();
        match self.find(&key) {
            Ok(at) => Some(std::mem::replace(&mut self.0[at].1, value)),
            Err(at) => {
                self.0.insert(at, (key, value));
                None
            }
        }
    }

    /// The value of `key`, inserted as `null` when absent.
    pub fn slot(&mut self, key: &str) -> &mut Value<'a> {
        let at = match self.find(key) {
            Ok(at) => at,
            Err(at) => {
                self.0.insert(at, (Cow::Owned(key.to_owned()), Value::Null));
                at
            }
        };
        &mut self.0[at].1
    }

    pub fn remove(&mut self, key: &str) -> Option<Value<'a>> {
        self.find(key).ok().map(|at| self.0.remove(at).1)
    }

    pub fn retain(&mut self, mut keep: impl FnMut(&str, &Value<'a>) -> bool) {
        self.0.retain(|(k, v)| keep(k, v));
    }
}

impl<'a> Value<'a> {
    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }

    pub fn get(&self, key: &str) -> Option<&Value<'a>> {
        match self {
            Value::Object(o) => o.get(key),
            _ => None,
        }
    }

    /// The JSON type's name as the reports give it: `integer` for integers, `number` for the rest.
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "boolean",
            Value::Number(Number::Float(_)) => "number",
            Value::Number(_) => "integer",
            Value::String(_) => "string",
            Value::Array(_) => "array",
            Value::Object(_) => "object",
        }
    }

    /// A serde_json value read as this type, its strings borrowed.
    pub fn from_serde(v: &'a serde_json::Value) -> Self {
        use serde_json::Value as S;
        match v {
            S::Null => Value::Null,
            S::Bool(b) => Value::Bool(*b),
            S::Number(n) => Value::Number(match (n.as_i64(), n.as_u64()) {
                (Some(i), _) => Number::Int(i),
                (None, Some(u)) => Number::Big(u),
                _ => Number::Float(Cow::Owned(n.to_string())),
            }),
            S::String(s) => Value::String(Cow::Borrowed(s)),
            S::Array(items) => Value::Array(items.iter().map(Value::from_serde).collect()),
            // serde_json's map is already in key order, each key once.
            S::Object(map) => Value::Object(Object(
                map.iter().map(|(k, v)| (Cow::Borrowed(k.as_str()), Value::from_serde(v))).collect(),
            )),
        }
    }

    /// This value as a serde_json value (a float whose text it cannot hold becomes `null`).
    pub fn to_serde(&self) -> serde_json::Value {
        use serde_json::Value as S;
        match self {
            Value::Null => S::Null,
            Value::Bool(b) => S::Bool(*b),
            Value::Number(Number::Int(i)) => S::from(*i),
            Value::Number(Number::Big(u)) => S::from(*u),
            Value::Number(Number::Float(f)) => serde_json::from_str(f).unwrap_or(S::Null),
            Value::String(s) => S::String(s.to_string()),
            Value::Array(items) => S::Array(items.iter().map(Value::to_serde).collect()),
            Value::Object(o) => S::Object(o.iter().map(|(k, v)| (k.to_owned(), v.to_serde())).collect()),
        }
    }
}

/// [`Value::type_name`] of a serde_json value.
pub fn serde_type_name(v: &serde_json::Value) -> &'static str {
    match v {
        serde_json::Value::Array(_) => "array",
        serde_json::Value::Object(_) => "object",
        scalar => Value::from_serde(scalar).type_name(),
    }
}

/// Why the text is not JSON, and where: serde_json's wording.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    what: &'static str,
    line: usize,
    column: usize,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} at line {} column {}", self.what, self.line, self.column)
    }
}

impl std::error::Error for ParseError {}

/// Parses one JSON value (whitespace around it allowed) from UTF-8 text.
pub fn parse(text: &[u8]) -> Result<Value<'_>, ParseError> {
    let src = match std::str::from_utf8(text) {
        Ok(src) => src,
        Err(e) => {
            let p = Parser { src: "", text, at: e.valid_up_to(), depth: DEPTH };
            return Err(p.error("invalid unicode code point"));
        }
    };
    let mut p = Parser { src, text, at: 0, depth: DEPTH };
    let value = p.value()?;
    p.skip_space();
    if p.at < text.len() {
        return Err(p.error("trailing characters"));
    }
    Ok(value)
}

struct Parser<'a> {
    /// The text, checked UTF-8 once, and its bytes.
    src: &'a str,
    text: &'a [u8],
    at: usize,
    depth: u32,
}

type Parsed<T> = Result<T, ParseError>;

impl<'a> Parser<'a> {
    /// The error `what` at the current byte (1-based line and column, as serde_json counts them).
    fn error(&self, what: &'static str) -> ParseError {
        let before = &self.text[..self.at.min(self.text.len())];
        let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
        let column = before.iter().rev().take_while(|&&b| b != b'\n').count() + usize::from(self.at < self.text.len());
        ParseError { what, line, column }
    }

    // Inlined even at opt-level "z": a call per byte was a tenth of a validation's time in wasm.
    #[inline(always)]
    fn peek(&self) -> Option<u8> {
        self.text.get(self.at).copied()
    }

    fn skip_space(&mut self) {
        let rest = &self.text[self.at..];
        self.at += rest.iter().position(|b| !matches!(b, b' ' | b'\t' | b'\n' | b'\r')).unwrap_or(rest.len());
    }

    /// The next byte after whitespace, not consumed; `eof` names what was being parsed.
    fn next_token(&mut self, eof: &'static str) -> Parsed<u8> {
        self.skip_space();
        self.peek().ok_or_else(|| self.error(eof))
    }

    fn value(&mut self) -> Parsed<Value<'a>> {
        match self.next_token("EOF while parsing a value")? {
            b'n' => self.word(b"null", Value::Null),
            b't' => self.word(b"true", Value::Bool(true)),
            b'f' => self.word(b"false", Value::Bool(false)),
            b'"' => {
                self.at += 1;
                self.string().map(Value::String)
            }
            b'-' | b'0'..=b'9' => self.number().map(Value::Number),
            b'[' => self.nested(Self::array),
            b'{' => self.nested(Self::object),
            _ => Err(self.error("expected value")),
        }
    }

    fn word(&mut self, word: &[u8], value: Value<'a>) -> Parsed<Value<'a>> {
        for &want in word {
            match self.peek() {
                None => return Err(self.error("EOF while parsing a value")),
                Some(b) if b == want => self.at += 1,
                Some(_) => return Err(self.error("expected ident")),
            }
        }
        Ok(value)
    }

    fn nested(&mut self, read: fn(&mut Self) -> Parsed<Value<'a>>) -> Parsed<Value<'a>> {
        self.depth -= 1;
        if self.depth == 0 {
            return Err(self.error("recursion limit exceeded"));
        }
        self.at += 1;
        let value = read(self);
        self.depth += 1;
        value
    }

    fn array(&mut self) -> Parsed<Value<'a>> {
        let mut items = Vec::new();
        if !self.closes_at_once(b']', "EOF while parsing a list")? {
            loop {
                items.push(self.value()?);
                if self.after_item(b']', "EOF while parsing a list", "expected `,` or `]`")? {
                    break;
                }
            }
        }
        Ok(Value::Array(items))
    }

    fn object(&mut self) -> Parsed<Value<'a>> {
        const EOF: &str = "EOF while parsing an object";
        let mut members = Vec::new();
        if !self.closes_at_once(b'}', EOF)? {
            loop {
                if self.next_token(EOF)? != b'"' {
                    return Err(self.error("key must be a string"));
                }
                self.at += 1;
                let key = self.string()?;
                if self.next_token(EOF)? != b':' {
                    return Err(self.error("expected `:`"));
                }
                self.at += 1;
                members.push((key, self.value()?));
                if self.after_item(b'}', EOF, "expected `,` or `}`")? {
                    break;
                }
            }
        }
        Ok(Value::Object(Object::from_members(members)))
    }

    /// Right after an opening bracket: whether `close` follows at once (consumed).
    fn closes_at_once(&mut self, close: u8, eof: &'static str) -> Parsed<bool> {
        let closed = self.next_token(eof)? == close;
        self.at += usize::from(closed);
        Ok(closed)
    }

    /// After an item: `,` and another item (false), or `close` (true, consumed).
    fn after_item(&mut self, close: u8, eof: &'static str, expected: &'static str) -> Parsed<bool> {
        match self.next_token(eof)? {
            b',' => {
                self.at += 1;
                if self.next_token("EOF while parsing a value")? == close {
                    return Err(self.error("trailing comma"));
                }
                Ok(false)
            }
            b if b == close => {
                self.at += 1;
                Ok(true)
            }
            _ => Err(self.error(expected)),
        }
    }

    /// The rest of a string after its opening quote: borrowed unless it has escapes.
    fn string(&mut self) -> Parsed<Cow<'a, str>> {
        let mut owned: Option<String> = None;
        loop {
            // The plain run up to a quote, a backslash or a control character: ASCII bytes, so its
            // ends are character boundaries of the checked text.
            let run = self.at;
            let rest = &self.text[run..];
            self.at += rest.iter().position(|&b| b == b'"' || b == b'\\' || b < 0x20).unwrap_or(rest.len());
            let plain = &self.src[run..self.at];
            match self.peek() {
                None => return Err(self.error("EOF while parsing a string")),
                Some(b'"') => {
                    self.at += 1;
                    return Ok(match owned {
                        None => Cow::Borrowed(plain),
                        Some(mut s) => {
                            s.push_str(plain);
                            Cow::Owned(s)
                        }
                    });
                }
                Some(b'\\') => {
                    owned.get_or_insert_with(String::new).push_str(plain);
                    self.at += 1;
                    let c = self.escape()?;
                    owned.get_or_insert_with(String::new).push(c);
                }
                Some(_) => return Err(self.error("control character (\\u0000-\\u001F) found while parsing a string")),
            }
        }
    }

    /// One escape after its backslash.
    fn escape(&mut self) -> Parsed<char> {
        let Some(b) = self.peek() else {
            return Err(self.error("EOF while parsing a string"));
        };
        self.at += 1;
        Ok(match b {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let first = self.hex4()?;
                match first {
                    0xD800..=0xDBFF => {
                        if self.peek() != Some(b'\\') {
                            return Err(self.error("lone leading surrogate in hex escape"));
                        }
                        self.at += 1;
                        if self.peek() != Some(b'u') {
                            return Err(self.error("unexpected end of hex escape"));
                        }
                        self.at += 1;
                        let second = self.hex4()?;
                        if !(0xDC00..=0xDFFF).contains(&second) {
                            return Err(self.error("lone leading surrogate in hex escape"));
                        }
                        let c = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00);
                        char::from_u32(c).ok_or_else(|| self.error("invalid unicode code point"))?
                    }
                    0xDC00..=0xDFFF => return Err(self.error("lone leading surrogate in hex escape")),
                    c => char::from_u32(c).ok_or_else(|| self.error("invalid unicode code point"))?,
                }
            }
            _ => return Err(self.error("invalid escape")),
        })
    }

    fn hex4(&mut self) -> Parsed<u32> {
        let mut n = 0;
        for _ in 0..4 {
            let Some(b) = self.peek() else {
                return Err(self.error("EOF while parsing a string"));
            };
            let d = (b as char).to_digit(16).ok_or_else(|| self.error("invalid escape"))?;
            n = n * 16 + d;
            self.at += 1;
        }
        Ok(n)
    }

    fn digits(&mut self) -> usize {
        let start = self.at;
        while let Some(b'0'..=b'9') = self.peek() {
            self.at += 1;
        }
        self.at - start
    }

    /// At least one digit, as a fraction and an exponent need.
    fn some_digits(&mut self) -> Parsed<()> {
        match (self.digits(), self.peek()) {
            (0, Some(_)) => Err(self.error("invalid number")),
            (0, None) => Err(self.error("EOF while parsing a value")),
            _ => Ok(()),
        }
    }

    fn number(&mut self) -> Parsed<Number<'a>> {
        let start = self.at;
        let negative = self.peek() == Some(b'-');
        self.at += usize::from(negative);
        let int_start = self.at;
        match self.peek() {
            Some(b'0') => {
                self.at += 1;
                if let Some(b'0'..=b'9') = self.peek() {
                    return Err(self.error("invalid number"));
                }
            }
            Some(b'1'..=b'9') => {
                self.digits();
            }
            Some(_) => return Err(self.error("invalid number")),
            None => return Err(self.error("EOF while parsing a value")),
        }
        let int_end = self.at;
        let mut float = false;
        if self.peek() == Some(b'.') {
            self.at += 1;
            self.some_digits()?;
            float = true;
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.at += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.at += 1;
            }
            self.some_digits()?;
            float = true;
        }
        let text = &self.src[start..self.at];
        if !float {
            let digits = &self.text[int_start..int_end];
            let magnitude = digits.iter().try_fold(0u64, |n, &d| n.checked_mul(10)?.checked_add(u64::from(d - b'0')));
            match (negative, magnitude) {
                (false, Some(m)) => return Ok(i64::try_from(m).map_or(Number::Big(m), Number::Int)),
                // serde_json reads `-0` as the float -0.0.
                (true, Some(m)) if m != 0 && m <= 1 << 63 => return Ok(Number::Int((m as i64).wrapping_neg())),
                _ => {}
            }
        }
        if overflows_f64(&self.text[int_start..self.at]) {
            self.at = start;
            return Err(self.error("number out of range"));
        }
        Ok(Number::Float(Cow::Borrowed(text)))
    }
}

/// Whether the decimal `digits[.digits][e[+-]digits]` (no sign) rounds to infinity as an `f64`,
/// which serde_json refuses; decided on the digits, so that no float parsing is linked in.
fn overflows_f64(text: &[u8]) -> bool {
    // Below this, a value rounds to f64::MAX or less; from it on, to infinity.
    const HALFWAY: &[u8] = b"17976931348623158079372897140530341507993413271003782693617377898044496829276475094664";
    let (mantissa, exponent) = match text.iter().position(|&b| b == b'e' || b == b'E') {
        Some(at) => (&text[..at], &text[at + 1..]),
        None => (text, &b""[..]),
    };
    let (int, frac) = match mantissa.iter().position(|&b| b == b'.') {
        Some(at) => (&mantissa[..at], &mantissa[at + 1..]),
        None => (mantissa, &b""[..]),
    };
    let (exp_negative, exp_digits) = match exponent.first() {
        Some(b'-') => (true, &exponent[1..]),
        Some(b'+') => (false, &exponent[1..]),
        _ => (false, exponent),
    };
    // Saturating: an exponent beyond i64 decides the answer alone, whatever the digits' count.
    let exp = exp_digits.iter().fold(0i64, |n, &d| n.saturating_mul(10).saturating_add(i64::from(d - b'0')));
    let exp = if exp_negative { -exp } else { exp };
    // All significant digits, and the power of ten of the first: value = 0.d1d2… × 10^point.
    let all: Vec<u8> = int.iter().chain(frac).copied().collect();
    let (Some(first), Some(last)) = (all.iter().position(|&d| d != b'0'), all.iter().rposition(|&d| d != b'0')) else {
        return false;
    };
    let point = (int.len() as i64 - first as i64).saturating_add(exp);
    let significant = &all[first..=last];
    match point.cmp(&309) {
        std::cmp::Ordering::Less => false,
        std::cmp::Ordering::Greater => true,
        std::cmp::Ordering::Equal => significant >= HALFWAY,
    }
}

/// `s` as a JSON string literal, escaped as serde_json escapes it (UTF-8 kept as is).
pub fn write_str(out: &mut String, s: &str) {
    out.push('"');
    let mut run = 0;
    for (at, b) in s.bytes().enumerate() {
        let escape = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x08 => "\\b",
            0x0c => "\\f",
            0..=0x1f => "",
            _ => continue,
        };
        out.push_str(&s[run..at]);
        if escape.is_empty() {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.push_str("\\u00");
            out.push(HEX[usize::from(b >> 4)] as char);
            out.push(HEX[usize::from(b & 15)] as char);
        } else {
            out.push_str(escape);
        }
        run = at + 1;
    }
    out.push_str(&s[run..]);
    out.push('"');
}

/// `s` as a JSON string literal.
pub fn quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    write_str(&mut out, s);
    out
}

/// Writes the members of one JSON object, in the order given.
#[derive(Debug)]
pub struct ObjectWriter<'o> {
    out: &'o mut String,
    empty: bool,
}

impl<'o> ObjectWriter<'o> {
    pub fn new(out: &'o mut String) -> Self {
        out.push('{');
        ObjectWriter { out, empty: true }
    }

    /// Starts member `key`; its value is written next, into the returned buffer.
    pub fn key(&mut self, key: &str) -> &mut String {
        if !self.empty {
            self.out.push(',');
        }
        self.empty = false;
        write_str(self.out, key);
        self.out.push(':');
        self.out
    }

    pub fn str(&mut self, key: &str, value: &str) -> &mut Self {
        write_str(self.key(key), value);
        self
    }

    pub fn opt_str(&mut self, key: &str, value: Option<&str>) -> &mut Self {
        match value {
            Some(v) => self.str(key, v),
            None => {
                self.key(key).push_str("null");
                self
            }
        }
    }

    pub fn int(&mut self, key: &str, value: i64) -> &mut Self {
        write_int(self.key(key), value < 0, value.unsigned_abs());
        self
    }

    pub fn uint(&mut self, key: &str, value: u64) -> &mut Self {
        write_int(self.key(key), false, value);
        self
    }

    pub fn bool(&mut self, key: &str, value: bool) -> &mut Self {
        self.key(key).push_str(if value { "true" } else { "false" });
        self
    }

    pub fn strs(&mut self, key: &str, values: &[&str]) -> &mut Self {
        let out = self.key(key);
        out.push('[');
        for (i, v) in values.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            write_str(out, v);
        }
        out.push(']');
        self
    }

    pub fn end(&mut self) {
        self.out.push('}');
    }
}

/// An integer in decimal, without `core::fmt` (whose padding machinery the package need not carry).
pub fn write_int(out: &mut String, negative: bool, magnitude: u64) {
    if negative {
        out.push('-');
    }
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    let mut n = magnitude;
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend(digits[at..].iter().map(|&d| d as char));
}

#[cfg(test)]
mod tests {
    use super::*;

    /// serde_json's verdict and value for `text`, and ours, side by side.
    fn both(text: &[u8]) -> (Result<serde_json::Value, ()>, Result<serde_json::Value, ()>) {
        let theirs = serde_json::from_slice::<serde_json::Value>(text).map_err(|_| ());
        let ours = parse(text).map(|v| v.to_serde()).map_err(|_| ());
        (theirs, ours)
    }

    fn same(text: &[u8]) {
        let (theirs, ours) = both(text);
        assert_eq!(ours, theirs, "{}", String::from_utf8_lossy(text));
    }

    #[test]
    fn same_as_serde_json() {
        let cases: &[&str] = &[
            "null",
            "true",
            "false",
            "0",
            "-0",
            "1",
            "-1",
            "12345",
            "01",
            "-",
            "1.",
            ".5",
            "1.5",
            "-1.5e3",
            "1e",
            "1E+2",
            "1e-2",
            "9223372036854775807",
            "9223372036854775808",
            "18446744073709551615",
            "18446744073709551616",
            "-9223372036854775808",
            "-9223372036854775809",
            "1e308",
            "1.7976931348623157e308",
            "2e308",
            "1e309",
            "0.0001e312",
            "1e-400",
            "0e999",
            "-1e309",
            "1e99999999999999999999",
            "1e-99999999999999999999",
            "\"\"",
            "\"a\"",
            "\"\\u00e9\\n\\t\\\"\\\\\\/\"",
            "\"\\ud83d\\ude00\"",
            "\"\\ud83d\"",
            "\"\\ude00\"",
            "\"\\ud83dx\"",
            "\"\\ud83d\\u0041\"",
            "\"\\x\"",
            "\"\\u12\"",
            "\"\\u12g4\"",
            "\"a\u{1}\"",
            "\"é中😀\"",
            "\"unterminated",
            "[]",
            "[1,2]",
            "[1,]",
            "[,1]",
            "[1 2]",
            "[",
            "{}",
            "{\"a\":1}",
            "{\"a\":1,}",
            "{\"a\" 1}",
            "{a:1}",
            "{\"a\":1 \"b\":2}",
            "{\"b\":1,\"a\":2,\"b\":3}",
            "{\"a\":{\"b\":[1,{\"c\":null}]}}",
            " \t\n\r{} ",
            "{} x",
            "{}{}",
            "",
            "   ",
            "tru",
            "truex",
            "nul",
            "NaN",
            "Infinity",
            "-Infinity",
            "+1",
            "\u{feff}{}",
            "[1e999]",
            "[-1e999]",
            "{\"x\":1.0}",
            "{\"\":\"\"}",
        ];
        for c in cases {
            same(c.as_bytes());
        }
        same(b"\"\xff\"");
        same(b"{\"a\":\"\xc3\"}");
    }

    /// Within 1e-16 of `f64::MAX` serde_json's verdict depends on how the digits are written (it
    /// refuses 179769313486231570000e288 and takes 17976931348623157e292, the same number); this
    /// parser refuses exactly what rounds to infinity.
    #[test]
    fn numbers_refused_are_those_that_round_to_infinity() {
        for taken in ["1.7976931348623157e308", "179769313486231570000e288", "1.797693134862315807e308"] {
            assert!(parse(taken.as_bytes()).is_ok(), "{taken}");
        }
        for refused in [
            "1.7976931348623158079372897140530341507993413271003782693617377898044496829276475094664e308",
            "1.8e308",
            "-1e309",
        ] {
            assert_eq!(parse(refused.as_bytes()).unwrap_err().what, "number out of range", "{refused}");
        }
    }

    #[test]
    fn nesting_stops_where_serde_json_stops() {
        for depth in [126, 127, 128, 129, 5000] {
            same(format!("{}{}", "[".repeat(depth), "]".repeat(depth)).as_bytes());
            same(format!("{}1{}", "{\"a\":".repeat(depth), "}".repeat(depth)).as_bytes());
        }
    }

    /// The exponent is read to the end, however long the mantissa that offsets it.
    #[test]
    fn long_mantissas_offset_their_exponents() {
        same(format!("1{}e-100200", "0".repeat(100_400)).as_bytes());
        same(format!("0.{}1e101000", "0".repeat(100_400)).as_bytes());
        same(b"1e99999999999999999999999999");
        same(format!("1e{}", "9".repeat(1000)).as_bytes());
    }

    /// Many keys, in an order that made one-by-one insertion quadratic: read in well under a
    /// second (it took 3 s for 100,000 keys); serde_json's outcome checked alongside.
    #[test]
    fn many_keys_in_reverse_order_read_in_linear_time() {
        let keys = 100_000;
        let text = format!("{{{}}}", (0..keys).rev().map(|i| format!("\"k{i:06}\":{i}")).collect::<Vec<_>>().join(","));
        let Value::Object(o) = parse(text.as_bytes()).unwrap() else { panic!("an object") };
        assert_eq!(o.len(), keys);
        assert!(o.keys().zip(o.keys().skip(1)).all(|(a, b)| a < b));
        same(text.as_bytes());
    }

    /// A guard on [`Value::from_serde`], which takes serde_json's map to be sorted: true unless
    /// some crate turns on serde_json's `preserve_order`.
    #[test]
    fn serde_json_maps_are_sorted() {
        let v: serde_json::Value = serde_json::from_str(r#"{"b":1,"a":2,"c":3}"#).unwrap();
        let Value::Object(o) = Value::from_serde(&v) else { panic!("an object") };
        assert_eq!(o.keys().collect::<Vec<_>>(), ["a", "b", "c"]);
    }

    #[test]
    fn keys_sort_and_the_last_repeat_wins() {
        let v = parse(br#"{"b":1,"a":2,"b":3,"A":4}"#).unwrap();
        let Value::Object(o) = v else { panic!() };
        assert_eq!(o.keys().collect::<Vec<_>>(), ["A", "a", "b"]);
        assert_eq!(o.get("b"), Some(&Value::Number(Number::Int(3))));
    }

    #[test]
    fn strings_without_escapes_are_borrowed() {
        let v = parse(br#"["plain","with\nescape"]"#).unwrap();
        let Value::Array(items) = v else { panic!() };
        assert!(matches!(&items[0], Value::String(Cow::Borrowed("plain"))));
        assert!(matches!(&items[1], Value::String(Cow::Owned(s)) if s == "with\nescape"));
    }

    #[test]
    fn errors_say_what_and_where() {
        assert_eq!(parse(b"").unwrap_err().to_string(), "EOF while parsing a value at line 1 column 0");
        assert_eq!(parse(b"{\n  \"a\" 1}").unwrap_err().to_string(), "expected `:` at line 2 column 7");
        assert_eq!(parse(b"[1,]").unwrap_err().to_string(), "trailing comma at line 1 column 4");
        assert_eq!(parse(b"{} x").unwrap_err().to_string(), "trailing characters at line 1 column 4");
        assert_eq!(parse(b"00").unwrap_err().to_string(), "invalid number at line 1 column 2");
    }

    #[test]
    fn strings_write_as_serde_json_writes_them() {
        let all: String = (0u32..0x80).filter_map(char::from_u32).chain("é中😀\u{2028}".chars()).collect();
        for s in [all.as_str(), "", "plain", "\"\\"] {
            let mut out = String::new();
            write_str(&mut out, s);
            assert_eq!(out, serde_json::to_string(s).unwrap());
        }
    }

    #[test]
    fn integers_write_as_display_writes_them() {
        for n in [0, 7, -7, 10, -10, 99, i64::MIN, i64::MAX] {
            let mut out = String::new();
            write_int(&mut out, n < 0, n.unsigned_abs());
            assert_eq!(out, n.to_string());
        }
        let mut out = String::new();
        write_int(&mut out, false, u64::MAX);
        assert_eq!(out, u64::MAX.to_string());
    }

    #[test]
    fn serde_values_convert_both_ways() {
        let text = br#"{"a":[1,-2,18446744073709551615,1.5,"s",true,null,{"z":{}}],"b":"x"}"#;
        let serde: serde_json::Value = serde_json::from_slice(text).unwrap();
        assert_eq!(Value::from_serde(&serde), parse(text).unwrap());
        assert_eq!(parse(text).unwrap().to_serde(), serde);
    }
}
