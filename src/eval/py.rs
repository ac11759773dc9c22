//! The few Python behaviours `score.py` leans on, over parsed JSON values: `str()`,
//! truth, iteration, `==`, `float()` and `int()`.
//!
//! `score.py` reads whatever its JSON holds and lets Python decide: a string where a
//! list belongs is iterated character by character, `null` prints as `None`, `1 == 1.0
//! == true`. Where Python raises an exception the scorer dies; here that is a
//! [`PyError`] with the exception's name, never a panic.

use std::borrow::Cow;

use serde_json::{Map, Number, Value};

use super::tables;

/// An exception `score.py` would not catch, as `TypeError: …`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct PyError(pub(super) String);

impl PyError {
    fn new(kind: &str, detail: impl std::fmt::Display) -> Self {
        Self(format!("{kind}: {detail}"))
    }
}

/// Python's name for the type `json.loads` gives a value.
pub(super) fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "NoneType",
        Value::Bool(_) => "bool",
        Value::Number(n) if n.is_f64() => "float",
        Value::Number(_) => "int",
        Value::String(_) => "str",
        Value::Array(_) => "list",
        Value::Object(_) => "dict",
    }
}

/// Whether Python's `str.isspace` holds.
pub(super) fn is_space(c: char) -> bool {
    tables::SPACE.binary_search(&c).is_ok()
}

/// `bool(v)`.
pub(super) fn truthy(v: &Value) -> bool {
    match v {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => match (n.as_i64(), n.as_u64()) {
            (Some(i), _) => i != 0,
            (_, Some(u)) => u != 0,
            _ => n.as_f64().is_some_and(|f| f != 0.0),
        },
        Value::String(s) => !s.is_empty(),
        Value::Array(a) => !a.is_empty(),
        Value::Object(o) => !o.is_empty(),
    }
}

/// `bool(d.get(key))`.
pub(super) fn truthy_at(m: &Map<String, Value>, key: &str) -> bool {
    m.get(key).is_some_and(truthy)
}

/// `str(v)`.
pub(super) fn str_of(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => repr(other),
    }
}

/// `str(d.get(key, ""))`: an absent key reads as the empty string.
pub(super) fn str_at(m: &Map<String, Value>, key: &str) -> String {
    m.get(key).map_or_else(String::new, str_of)
}

/// `str(d.get(key) or "")`: absent and false values read as the empty string.
pub(super) fn str_or_empty(m: &Map<String, Value>, key: &str) -> String {
    match m.get(key) {
        Some(v) if truthy(v) => str_of(v),
        _ => String::new(),
    }
}

/// `repr(v)`. Objects list their keys sorted, as `serde_json` keeps them, where Python
/// keeps the file's order.
pub(super) fn repr(v: &Value) -> String {
    match v {
        Value::Null => "None".to_owned(),
        Value::Bool(true) => "True".to_owned(),
        Value::Bool(false) => "False".to_owned(),
        Value::Number(n) => number_repr(n),
        Value::String(s) => str_repr(s),
        Value::Array(a) => {
            let items: Vec<String> = a.iter().map(repr).collect();
            format!("[{}]", items.join(", "))
        }
        Value::Object(o) => {
            let items: Vec<String> = o
                .iter()
                .map(|(k, v)| format!("{}: {}", str_repr(k), repr(v)))
                .collect();
            format!("{{{}}}", items.join(", "))
        }
    }
}

fn number_repr(n: &Number) -> String {
    if let Some(i) = n.as_i64() {
        return i.to_string();
    }
    if let Some(u) = n.as_u64() {
        return u.to_string();
    }
    n.as_f64().map_or_else(|| n.to_string(), float_repr)
}

/// `repr(x)` for a float: the shortest digits that read back, in exponent form when
/// the decimal point sits more than 16 places right or 4 places left of them.
pub(super) fn float_repr(x: f64) -> String {
    if x.is_nan() {
        return "nan".to_owned();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf" } else { "-inf" }.to_owned();
    }
    let sci = format!("{:e}", x.abs());
    let (mantissa, exp) = sci.split_once('e').unwrap_or((sci.as_str(), "0"));
    let exp: i64 = exp.parse().unwrap_or(0);
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let sign = if x.is_sign_negative() { "-" } else { "" };
    let decpt = exp + 1;
    let n = i64::try_from(digits.len()).unwrap_or(i64::MAX);
    let body = if !(-4 < decpt && decpt <= 16) {
        let (first, rest) = digits.split_at(1);
        let frac = if rest.is_empty() {
            String::new()
        } else {
            format!(".{rest}")
        };
        let esign = if exp < 0 { '-' } else { '+' };
        format!("{first}{frac}e{esign}{:02}", exp.abs())
    } else if decpt <= 0 {
        format!(
            "0.{}{digits}",
            "0".repeat(usize::try_from(-decpt).unwrap_or(0))
        )
    } else if decpt >= n {
        format!(
            "{digits}{}.0",
            "0".repeat(usize::try_from(decpt - n).unwrap_or(0))
        )
    } else {
        let (int, frac) = digits.split_at(usize::try_from(decpt).unwrap_or(0));
        format!("{int}.{frac}")
    };
    format!("{sign}{body}")
}

/// `repr(s)` for a string: single quotes unless only double quotes avoid escaping.
fn str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if !is_printable(c) => {
                let u = u32::from(c);
                if u < 0x100 {
                    out.push_str(&format!("\\x{u:02x}"));
                } else if u < 0x10000 {
                    out.push_str(&format!("\\u{u:04x}"));
                } else {
                    out.push_str(&format!("\\U{u:08x}"));
                }
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

fn is_printable(c: char) -> bool {
    if c == ' ' {
        return true;
    }
    !in_ranges(tables::UNPRINTABLE, c)
}

fn in_ranges(ranges: &[(char, char)], c: char) -> bool {
    let i = ranges.partition_point(|&(_, last)| last < c);
    ranges.get(i).is_some_and(|&(first, _)| first <= c)
}

/// `iter(v)`: list items, a string's characters, an object's keys.
pub(super) fn iter(v: &Value) -> Result<Vec<Cow<'_, Value>>, PyError> {
    match v {
        Value::Array(a) => Ok(a.iter().map(Cow::Borrowed).collect()),
        Value::String(s) => Ok(s
            .chars()
            .map(|c| Cow::Owned(Value::String(c.to_string())))
            .collect()),
        Value::Object(o) => Ok(o
            .keys()
            .map(|k| Cow::Owned(Value::String(k.clone())))
            .collect()),
        other => Err(PyError::new(
            "TypeError",
            format!("'{}' object is not iterable", type_name(other)),
        )),
    }
}

/// `d.get(key, [])`, iterated.
pub(super) fn iter_at<'a>(
    m: &'a Map<String, Value>,
    key: &str,
) -> Result<Vec<Cow<'a, Value>>, PyError> {
    m.get(key).map_or_else(|| Ok(Vec::new()), iter)
}

/// `d.get(key) or []`, iterated.
pub(super) fn iter_or_empty<'a>(
    m: &'a Map<String, Value>,
    key: &str,
) -> Result<Vec<Cow<'a, Value>>, PyError> {
    match m.get(key) {
        Some(v) if truthy(v) => iter(v),
        _ => Ok(Vec::new()),
    }
}

/// The objects among `d.get(key) or []`.
pub(super) fn objects_at<'a>(
    m: &'a Map<String, Value>,
    key: &str,
) -> Result<Vec<&'a Map<String, Value>>, PyError> {
    Ok(iter_or_empty(m, key)?
        .into_iter()
        .filter_map(|item| match item {
            Cow::Borrowed(Value::Object(o)) => Some(o),
            _ => None,
        })
        .collect())
}

/// `len(v)`.
pub(super) fn len(v: &Value) -> Result<usize, PyError> {
    match v {
        Value::Array(a) => Ok(a.len()),
        Value::String(s) => Ok(s.chars().count()),
        Value::Object(o) => Ok(o.len()),
        other => Err(PyError::new(
            "TypeError",
            format!("object of type '{}' has no len()", type_name(other)),
        )),
    }
}

/// `v[key]` for a string key.
pub(super) fn subscript<'a>(v: &'a Value, key: &str) -> Result<&'a Value, PyError> {
    match v {
        Value::Object(o) => o
            .get(key)
            .ok_or_else(|| PyError::new("KeyError", format!("'{key}'"))),
        Value::String(_) => Err(PyError::new("TypeError", "string indices must be integers")),
        Value::Array(_) => Err(PyError::new(
            "TypeError",
            "list indices must be integers or slices, not str",
        )),
        other => Err(PyError::new(
            "TypeError",
            format!("'{}' object is not subscriptable", type_name(other)),
        )),
    }
}

/// A number as Python sees it: `bool` counts as `int`.
enum Num {
    Int(i128),
    Float(f64),
}

fn num(v: &Value) -> Option<Num> {
    match v {
        Value::Bool(b) => Some(Num::Int(i128::from(*b))),
        Value::Number(n) => Some(if let Some(i) = n.as_i64() {
            Num::Int(i128::from(i))
        } else if let Some(u) = n.as_u64() {
            Num::Int(i128::from(u))
        } else {
            Num::Float(n.as_f64().unwrap_or(f64::NAN))
        }),
        _ => None,
    }
}

/// Whether a float equals an integer exactly (Python compares without rounding).
fn float_eq_int(f: f64, i: i128) -> bool {
    // Floats at or beyond 2^127 in size cannot equal an i128; below that the cast is
    // exact for integral values.
    f.fract() == 0.0 && f.abs() < 1.7e38 && {
        #[allow(clippy::cast_possible_truncation, reason = "integral and in range")]
        let g = f as i128;
        g == i
    }
}

/// `a == b`.
pub(super) fn eq(a: &Value, b: &Value) -> bool {
    match (num(a), num(b)) {
        (Some(Num::Int(x)), Some(Num::Int(y))) => return x == y,
        (Some(Num::Float(x)), Some(Num::Float(y))) => return x == y,
        (Some(Num::Int(i)), Some(Num::Float(f))) | (Some(Num::Float(f)), Some(Num::Int(i))) => {
            return float_eq_int(f, i)
        }
        _ => {}
    }
    match (a, b) {
        (Value::Null, Value::Null) => true,
        (Value::String(x), Value::String(y)) => x == y,
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(p, q)| eq(p, q))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| eq(v, w)))
        }
        _ => false,
    }
}

/// The ASCII form Python's `float()` and `int()` parse: other white space becomes a
/// space and other decimal digits their ASCII digit; `None` where a character can
/// only fail.
fn ascii_numeral(s: &str) -> Option<String> {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c);
        } else if is_space(c) {
            out.push(' ');
        } else {
            let i = tables::DECIMAL.partition_point(|&(_, last, _)| last < c);
            let &(first, _, base) = tables::DECIMAL.get(i).filter(|r| r.0 <= c)?;
            let d = u32::from(c) - u32::from(first) + u32::from(base);
            out.push(char::from_digit(d, 10)?);
        }
    }
    let trimmed = out.trim_matches([' ', '\t', '\n', '\x0b', '\x0c', '\r']);
    Some(trimmed.to_owned())
}

/// Removes underscores that sit between two digits; `None` for any other underscore.
fn drop_underscores(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    for (i, c) in s.char_indices() {
        if c == '_' {
            let before = i > 0 && b.get(i - 1).is_some_and(u8::is_ascii_digit);
            let after = b.get(i + 1).is_some_and(u8::is_ascii_digit);
            if !(before && after) {
                return None;
            }
        } else {
            out.push(c);
        }
    }
    Some(out)
}

/// `float(v)`.
pub(super) fn float(v: &Value) -> Result<f64, PyError> {
    match (num(v), v) {
        (Some(Num::Int(i)), _) => {
            #[allow(clippy::cast_precision_loss, reason = "Python rounds the same way")]
            let f = i as f64;
            Ok(f)
        }
        (Some(Num::Float(f)), _) => Ok(f),
        (None, Value::String(s)) => parse_float(s).ok_or_else(|| {
            PyError::new(
                "ValueError",
                format!("could not convert string to float: {}", str_repr(s)),
            )
        }),
        (None, other) => Err(PyError::new(
            "TypeError",
            format!(
                "float() argument must be a string or a real number, not '{}'",
                type_name(other)
            ),
        )),
    }
}

fn parse_float(s: &str) -> Option<f64> {
    let ascii = drop_underscores(&ascii_numeral(s)?)?;
    let body = ascii.strip_prefix(['+', '-']).unwrap_or(&ascii);
    let word = body.to_ascii_lowercase();
    let is_word = matches!(word.as_str(), "inf" | "infinity" | "nan");
    let is_decimal = !body.is_empty()
        && body
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | 'e' | 'E' | '+' | '-'));
    if !(is_word || is_decimal) {
        return None;
    }
    ascii.parse::<f64>().ok()
}

/// `int(v)` as a slice bound: huge values clamp, which slicing cannot tell apart.
pub(super) fn int_index(v: &Value) -> Option<i128> {
    match (num(v), v) {
        (Some(Num::Int(i)), _) => Some(i),
        (Some(Num::Float(f)), _) => {
            if f.is_nan() || f.is_infinite() {
                None
            } else {
                #[allow(clippy::cast_possible_truncation, reason = "saturating is clamping")]
                let i = f.trunc() as i128;
                Some(i)
            }
        }
        (None, Value::String(s)) => parse_int(s),
        (None, _) => None,
    }
}

/// Python refuses to read integers of more than this many digits.
const MAX_STR_DIGITS: usize = 4300;

fn parse_int(s: &str) -> Option<i128> {
    let ascii = ascii_numeral(s)?;
    let (negative, body) = match ascii.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, ascii.strip_prefix('+').unwrap_or(&ascii)),
    };
    if body.is_empty() || !body.chars().all(|c| c.is_ascii_digit() || c == '_') {
        return None;
    }
    let digits = drop_underscores(body)?;
    if digits.len() > MAX_STR_DIGITS {
        return None;
    }
    let mut n: i128 = 0;
    for d in digits.bytes() {
        n = n.saturating_mul(10).saturating_add(i128::from(d - b'0'));
    }
    Some(if negative { -n } else { n })
}

/// `max(a, b)`: the first unless the second is greater (so a NaN first stays).
pub(super) fn max(a: f64, b: f64) -> f64 {
    if b > a {
        b
    } else {
        a
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn str_follows_python() {
        let cases = [
            (json!(null), "None"),
            (json!(true), "True"),
            (json!(2014), "2014"),
            (json!(2014.0), "2014.0"),
            (json!(1e16), "1e+16"),
            (json!(1e15), "1000000000000000.0"),
            (json!(0.0001), "0.0001"),
            (json!(0.00001), "1e-05"),
            (json!(-1.5e-7), "-1.5e-07"),
            (json!(123.456), "123.456"),
            (json!(["a", 1, null]), "['a', 1, None]"),
            (json!(["it's"]), "[\"it's\"]"),
            (json!(["a\nb\u{ad}"]), "['a\\nb\\xad']"),
            (json!({"b": 1, "a": [true]}), "{'a': [True], 'b': 1}"),
        ];
        for (v, want) in cases {
            assert_eq!(str_of(&v), want, "{v}");
        }
    }

    #[test]
    fn numbers_parse_as_python_does() {
        let f = |s: &str| float(&json!(s)).ok();
        assert_eq!(f(" 1_000.5 "), Some(1000.5));
        assert_eq!(f("\u{a0}1"), Some(1.0));
        assert_eq!(f("١٢"), Some(12.0));
        assert_eq!(f("1__0"), None);
        assert_eq!(f("\u{1c}1"), None);
        assert_eq!(f("0x10"), None);
        assert_eq!(f("1,5"), None);
        assert!(f("-nAn").is_some_and(f64::is_nan));
        assert_eq!(float(&json!(true)), Ok(1.0));
        assert!(float(&json!(null)).is_err());
        assert_eq!(int_index(&json!("٣_٣")), Some(33));
        assert_eq!(int_index(&json!(" -7 ")), Some(-7));
        assert_eq!(int_index(&json!("1.5")), None);
        assert_eq!(int_index(&json!(-2.9)), Some(-2));
        assert_eq!(int_index(&json!(false)), Some(0));
    }

    #[test]
    fn equality_mixes_numbers_like_python() {
        assert!(eq(&json!(1), &json!(1.0)));
        assert!(eq(&json!(true), &json!(1)));
        assert!(!eq(&json!("1"), &json!(1)));
        assert!(eq(&json!(null), &json!(null)));
        assert!(eq(&json!({"a": [1]}), &json!({"a": [1.0]})));
        assert!(!eq(
            &json!(9_007_199_254_740_993_u64),
            &json!(9_007_199_254_740_992.0)
        ));
    }

    #[test]
    fn iteration_and_truth_follow_python() {
        assert_eq!(iter(&json!("ab")).map(|v| v.len()), Ok(2));
        assert!(iter(&json!(3)).is_err());
        assert!(!truthy(&json!(0.0)));
        assert!(!truthy(&json!("")));
        assert!(truthy(&json!([0])));
        assert!(max(f64::NAN, 1.0).is_nan());
    }
}
