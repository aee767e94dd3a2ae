//! Reading JSON values the way `score.py` does: Python's `.get`, truthiness,
//! `int()`, `str()`, slicing and `evalcommon.norm_name`.

use serde_json::Value;

/// `v.get(key)`, with JSON null read as absent.
pub(super) fn field<'a>(v: &'a Value, key: &str) -> Option<&'a Value> {
    v.get(key).filter(|x| !x.is_null())
}

/// A string field; other types read as absent.
pub(super) fn str_field<'a>(v: &'a Value, key: &str) -> Option<&'a str> {
    v.get(key).and_then(Value::as_str)
}

/// `v.get(key, []) or []` for a list field; other types read as empty.
pub(super) fn list<'a>(v: &'a Value, key: &str) -> &'a [Value] {
    v.get(key)
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or_default()
}

/// The `type` of an entity or event (non-string types read as absent).
pub(super) fn ty(v: &Value) -> Option<&str> {
    str_field(v, "type")
}

/// Key for comparing ids (document, entity and event ids): the JSON text of the value, `null`
/// for a missing id (Python's `None`).
pub(super) fn id_key(v: Option<&Value>) -> String {
    v.map_or_else(|| "null".to_owned(), Value::to_string)
}

/// Python truthiness of a JSON value.
pub(super) fn truthy(v: Option<&Value>) -> bool {
    match v {
        None | Some(Value::Null) => false,
        Some(Value::Bool(b)) => *b,
        Some(Value::Number(n)) => n.as_f64().is_some_and(|x| x != 0.0),
        Some(Value::String(s)) => !s.is_empty(),
        Some(Value::Array(a)) => !a.is_empty(),
        Some(Value::Object(o)) => !o.is_empty(),
    }
}

/// Python `int(v)` for an offset: integers, floats (truncated, saturating), booleans and
/// integer strings.
pub(super) fn py_int(v: &Value) -> Option<i64> {
    match v {
        Value::Number(n) => n
            .as_i64()
            .or_else(|| n.as_u64().map(|u| i64::try_from(u).unwrap_or(i64::MAX)))
            .or_else(|| n.as_f64().map(|f| f.trunc() as i64)),
        Value::Bool(b) => Some(i64::from(*b)),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

/// A number as Python arithmetic sees it (booleans are 0 and 1).
pub(super) fn py_num(v: &Value) -> Option<f64> {
    match v {
        Value::Number(n) => n.as_f64(),
        Value::Bool(b) => Some(f64::from(u8::from(*b))),
        _ => None,
    }
}

/// A span `[start, end, ...]` of integer offsets.
pub(super) fn span_of(v: &Value) -> Option<(i64, i64)> {
    match v.as_array()?.as_slice() {
        [s, t, ..] => Some((py_int(s)?, py_int(t)?)),
        _ => None,
    }
}

/// Python `str(v)` for a timex value.
pub(super) fn py_str(v: Option<&Value>) -> String {
    match v {
        None | Some(Value::Null) => "None".to_owned(),
        Some(Value::String(s)) => s.clone(),
        Some(Value::Bool(true)) => "True".to_owned(),
        Some(Value::Bool(false)) => "False".to_owned(),
        Some(Value::Number(n)) if n.is_f64() => match n.as_f64() {
            // Python prints integral floats with a trailing ".0"
            Some(f) if f.fract() == 0.0 && f.abs() < 1e16 => format!("{f:.1}"),
            _ => n.to_string(),
        },
        Some(other) => other.to_string(),
    }
}

/// Python slicing bounds for `text[start:end]` on a text of `len` code points: negative indices
/// count from the end, out-of-range ones are clamped, and `start >= end` gives an empty range.
pub(super) fn slice_range(len: usize, start: i64, end: i64) -> (usize, usize) {
    let a = clamp_index(len, start);
    let b = clamp_index(len, end);
    (a, b.max(a))
}

pub(super) fn clamp_index(len: usize, i: i64) -> usize {
    let n = i64::try_from(len).unwrap_or(i64::MAX);
    let j = if i < 0 {
        i.saturating_add(n).max(0)
    } else {
        i.min(n)
    };
    usize::try_from(j).unwrap_or(0)
}

// --------------------------------------------------------------------------------------------
// name normalization

/// Normalization used to compare names with mention texts (`norm_name` in `evalcommon.py`).
///
/// Compatibility forms folded, case-folded, a leading article (`the`, `a`, `an`) and a trailing
/// possessive `'s` dropped, and everything but letters and digits removed (so "Wal - Mart"
/// equals "Wal-Mart").
///
/// Python applies full NFKC; this port maps the compatibility characters that matter in news
/// text (non-breaking and other fixed-width spaces, fullwidth ASCII, Latin ligatures,
/// superscript and subscript digits, vulgar fractions, Roman numerals, circled numbers, the
/// trade mark sign and a few letter-like symbols) and leaves other text unchanged.
pub fn norm_name(s: &str) -> String {
    norm_chars(s.chars())
}

pub(super) fn norm_chars(input: impl Iterator<Item = char>) -> String {
    let mut compat: Vec<char> = Vec::new();
    for c in input {
        push_compat(c, &mut compat);
    }
    let mut folded: Vec<char> = Vec::with_capacity(compat.len());
    for c in compat {
        push_casefold(c, &mut folded);
    }
    // .strip()
    let start = folded
        .iter()
        .position(|&c| !py_isspace(c))
        .unwrap_or(folded.len());
    let end = folded
        .iter()
        .rposition(|&c| !py_isspace(c))
        .map_or(start, |i| i + 1);
    let mut rest: &[char] = folded.get(start..end).unwrap_or_default();
    // re.sub(r"^(the|a|an)\s+", "", s)
    for article in ARTICLES {
        if let Some(after) = rest
            .strip_prefix(article)
            .filter(|after| after.first().is_some_and(|&c| py_isspace(c)))
        {
            rest = trim_start_space(after);
            break;
        }
    }
    // re.sub(r"\s*'\s*s$", "", s)
    if let Some(before_quote) = rest
        .strip_suffix(&['s'])
        .and_then(|before_s| trim_end_space(before_s).strip_suffix(&['\'']))
    {
        rest = trim_end_space(before_quote);
    }
    rest.iter().filter(|c| c.is_alphanumeric()).collect()
}

/// The alternatives of `^(the|a|an)\s+`, in order.
const ARTICLES: [&[char]; 3] = [&['t', 'h', 'e'], &['a'], &['a', 'n']];

/// Python's `str.isspace` (also the `\s` of `re` on str patterns): Unicode white space plus the
/// information separators U+001C..U+001F.
pub(super) fn py_isspace(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

pub(super) fn trim_start_space(s: &[char]) -> &[char] {
    let n = s.iter().take_while(|&&c| py_isspace(c)).count();
    s.get(n..).unwrap_or_default()
}

pub(super) fn trim_end_space(s: &[char]) -> &[char] {
    let n = s.iter().rposition(|&c| !py_isspace(c)).map_or(0, |i| i + 1);
    s.get(..n).unwrap_or_default()
}

/// Roman numerals U+2160..U+216F (and lowercase U+2170..U+217F) under NFKC.
const ROMAN: [&str; 16] = [
    "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "L", "C", "D", "M",
];

/// The NFKC subset: compatibility characters common in news text, plus U+2019 → `'` (which
/// `norm_name` replaces right after NFKC).
pub(super) fn push_compat(c: char, out: &mut Vec<char>) {
    let code = u32::from(c);
    let shifted = |from: u32, to: char| char::from_u32(code - from + u32::from(to)).unwrap_or(c);
    match c {
        '\u{2019}' => out.push('\''),
        '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => {
            out.push(' ');
        }
        '\u{FF01}'..='\u{FF5E}' => out.push(shifted(0xFF01, '!')),
        '\u{FB00}' => out.extend(['f', 'f']),
        '\u{FB01}' => out.extend(['f', 'i']),
        '\u{FB02}' => out.extend(['f', 'l']),
        '\u{FB03}' => out.extend(['f', 'f', 'i']),
        '\u{FB04}' => out.extend(['f', 'f', 'l']),
        '\u{FB05}'..='\u{FB06}' => out.extend(['s', 't']),
        '\u{0132}' => out.extend(['I', 'J']),
        '\u{0133}' => out.extend(['i', 'j']),
        '\u{0149}' => out.extend(['\u{02BC}', 'n']),
        '\u{017F}' => out.push('s'),
        '\u{00AA}' => out.push('a'),
        '\u{00BA}' => out.push('o'),
        '\u{00B5}' => out.push('\u{03BC}'),
        '\u{00B9}' => out.push('1'),
        '\u{00B2}' => out.push('2'),
        '\u{00B3}' => out.push('3'),
        '\u{2070}' => out.push('0'),
        '\u{2074}'..='\u{2079}' => out.push(shifted(0x2074, '4')),
        '\u{2080}'..='\u{2089}' => out.push(shifted(0x2080, '0')),
        '\u{00BC}' => out.extend(['1', '\u{2044}', '4']),
        '\u{00BD}' => out.extend(['1', '\u{2044}', '2']),
        '\u{00BE}' => out.extend(['3', '\u{2044}', '4']),
        '\u{2122}' => out.extend(['T', 'M']),
        '\u{212A}' => out.push('K'),
        '\u{212B}' => out.push('\u{00C5}'),
        '\u{2126}' => out.push('\u{03A9}'),
        '\u{2160}'..='\u{217F}' => {
            let roman = usize::try_from((code - 0x2160) % 16)
                .ok()
                .and_then(|i| ROMAN.get(i));
            match roman {
                Some(r) => out.extend(r.chars()),
                None => out.push(c),
            }
        }
        '\u{2460}'..='\u{2473}' => out.extend((code - 0x2460 + 1).to_string().chars()),
        _ => out.push(c),
    }
}

/// Python `str.casefold` for one character: lowercase, with `ß`/`ẞ` → `ss` and final sigma →
/// sigma.
pub(super) fn push_casefold(c: char, out: &mut Vec<char>) {
    match c {
        'ß' | '\u{1E9E}' => out.extend(['s', 's']),
        'ς' => out.push('σ'),
        _ => out.extend(c.to_lowercase()),
    }
}

// --------------------------------------------------------------------------------------------
