//! RFC 3986 percent-encoding: `A–Z a–z 0–9 - _ . ~` stay, every other UTF-8 byte becomes `%XY`
//! with upper-case hex (space is `%20`, never `+`; `*` is `%2A`). This is Alibaba's
//! `percentEncode` (providers.md B.2 step 3), JD's JDCLOUD3 encoding (D.2) and what every encoder
//! here puts on the wire. Also the decoders the emulator needs: strict (query strings and form
//! bodies, `+` read as space) and lenient (JDCLOUD3 canonicalisation, which keeps broken escapes).

use std::fmt;

/// Whether `b` is an RFC 3986 unreserved character.
pub fn is_unreserved(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~')
}

/// `s` percent-encoded: unreserved characters kept, every other byte `%XY`.
pub fn encode(s: &str) -> String {
    encode_keeping(s, |_| false)
}

/// Like [`encode`], but `/` is kept too (a path).
pub fn encode_path(s: &str) -> String {
    encode_keeping(s, |b| b == b'/')
}

fn encode_keeping(s: &str, keep: impl Fn(u8) -> bool) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(s.len());
    for &b in s.as_bytes() {
        if is_unreserved(b) || keep(b) {
            out.push(b as char);
        } else {
            out.push('%');
            out.push(HEX[usize::from(b >> 4)] as char);
            out.push(HEX[usize::from(b & 15)] as char);
        }
    }
    out
}

/// Why a percent-encoded string could not be decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PercentError {
    /// `%` not followed by two hex digits, at this byte offset.
    BadEscape { at: usize },
    /// The decoded bytes are not UTF-8.
    NotUtf8,
}

impl fmt::Display for PercentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PercentError::BadEscape { at } => write!(f, "\"%\" at offset {at} is not followed by two hex digits"),
            PercentError::NotUtf8 => f.write_str("the percent-decoded text is not UTF-8"),
        }
    }
}

impl std::error::Error for PercentError {}

fn hex_value(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

/// Decodes `%XY` escapes (and `+` as space when `plus_is_space`), refusing broken escapes and
/// text that is not UTF-8.
pub fn decode(s: &str, plus_is_space: bool) -> Result<String, PercentError> {
    let bytes = unescape(s, plus_is_space, true)?;
    String::from_utf8(bytes).map_err(|_| PercentError::NotUtf8)
}

/// Decodes what can be decoded, as Python's `unquote_plus` does: `+` is a space, a `%` without two
/// hex digits stays as it is, bytes that are not UTF-8 become U+FFFD. JDCLOUD3 canonicalises this way.
pub fn decode_lenient(s: &str) -> String {
    let bytes = unescape(s, true, false).expect("a lenient unescape never fails");
    String::from_utf8_lossy(&bytes).into_owned()
}

/// The bytes `s` escapes. A `%` without two hex digits is an error when `strict`, kept otherwise.
fn unescape(s: &str, plus_is_space: bool, strict: bool) -> Result<Vec<u8>, PercentError> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                let hi = bytes.get(i + 1).copied().and_then(hex_value);
                let lo = bytes.get(i + 2).copied().and_then(hex_value);
                match (hi, lo) {
                    (Some(hi), Some(lo)) => {
                        out.push(hi << 4 | lo);
                        i += 3;
                    }
                    _ if strict => return Err(PercentError::BadEscape { at: i }),
                    _ => {
                        out.push(b'%');
                        i += 1;
                    }
                }
            }
            b'+' if plus_is_space => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    Ok(out)
}

/// `name=value&…`, each side [`encode`]d, in the order given.
pub fn form(params: &[(String, String)]) -> String {
    let mut out = String::new();
    for (i, (k, v)) in params.iter().enumerate() {
        if i > 0 {
            out.push('&');
        }
        out.push_str(&encode(k));
        out.push('=');
        out.push_str(&encode(v));
    }
    out
}

/// Parses a query string or an `application/x-www-form-urlencoded` body: pairs split on `&` and
/// the first `=`, both sides decoded (`+` is a space). Empty pieces (`a=1&&b=2`) are skipped; a
/// piece without `=` is a name with an empty value.
pub fn parse_form(s: &str) -> Result<Vec<(String, String)>, PercentError> {
    let mut out = Vec::new();
    for piece in s.split('&').filter(|p| !p.is_empty()) {
        let (k, v) = piece.split_once('=').unwrap_or((piece, ""));
        out.push((decode(k, true)?, decode(v, true)?));
    }
    Ok(out)
}

/// [`parse_form`] that never fails: a pair that does not decode is kept as best it can be (stray
/// `%` kept, invalid UTF-8 replaced). For routing and for choosing an answer's format, so that a
/// request the API refuses is still recognised and answered in the form it asks for.
pub fn parse_form_lenient(s: &str) -> Vec<(String, String)> {
    s.split('&')
        .filter(|p| !p.is_empty())
        .map(|piece| {
            let (k, v) = piece.split_once('=').unwrap_or((piece, ""));
            (decode_lenient(k), decode_lenient(v))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lenient_forms_keep_what_does_not_decode() {
        let pairs = parse_form_lenient("Action=CreateImage&ImageName=%FF&&Format=JSON&bare");
        assert_eq!(pairs[0], ("Action".to_owned(), "CreateImage".to_owned()));
        assert_eq!(pairs[1].0, "ImageName");
        assert_eq!(pairs[2], ("Format".to_owned(), "JSON".to_owned()));
        assert_eq!(pairs[3], ("bare".to_owned(), String::new()));
        assert!(parse_form("ImageName=%FF").is_err());
    }

    #[test]
    fn providers_md_percent_encode_rows() {
        // providers.md B.4, "percentEncode".
        assert_eq!(encode("a b*c~d!'()"), "a%20b%2Ac~d%21%27%28%29");
        assert_eq!(encode("中"), "%E4%B8%AD");
        assert_eq!(encode("/"), "%2F");
        assert_eq!(encode_path("/v1/中:x"), "/v1/%E4%B8%AD%3Ax");
    }

    #[test]
    fn decoding() {
        assert_eq!(decode("a%20b+c%2B", true).unwrap(), "a b c+");
        assert_eq!(decode("a+b", false).unwrap(), "a+b");
        assert_eq!(decode("%E4%B8%AD", false).unwrap(), "中");
        assert_eq!(decode("%2", false), Err(PercentError::BadEscape { at: 0 }));
        assert_eq!(decode("%FF", false), Err(PercentError::NotUtf8));
        assert_eq!(decode_lenient("/v1/%2/%2f/%2b%f+"), "/v1/%2///+%f ");
        assert_eq!(
            parse_form("b=2&&a=%20&c").unwrap(),
            [("b", "2"), ("a", " "), ("c", "")].map(|(k, v)| (k.to_owned(), v.to_owned()))
        );
    }

    #[test]
    fn encode_then_decode_is_identity() {
        for s in ["", "plain", "a b+c&d=e/f%g", "中文 ~*'()!", "\u{0}\u{7f}\u{10ffff}"] {
            assert_eq!(decode(&encode(s), true).unwrap(), s);
            assert_eq!(decode_lenient(&encode(s)), s);
        }
    }
}
