//! Reading Base64 text (RFC 4648 §4, the standard alphabet with padding) for the rules that check
//! an encoded parameter. The `base64` crate, which signing uses to encode, decodes the same way;
//! this small one keeps its decoder out of the npm package's validate module (docs/size.md says
//! what that saves; `tests` compare the two).

/// The bytes of `text`, or `None` when it is not canonical Base64: its length a multiple of four,
/// padding only at the end, and the bits the padding leaves unused zero.
pub fn decode(text: &str) -> Option<Vec<u8>> {
    let bytes = text.as_bytes();
    if !bytes.len().is_multiple_of(4) {
        return None;
    }
    let mut out = Vec::with_capacity(bytes.len() / 4 * 3);
    let quads = bytes.len() / 4;
    for (i, quad) in bytes.chunks_exact(4).enumerate() {
        let pad = quad.iter().rev().take_while(|&&b| b == b'=').count();
        if pad > 2 || (pad > 0 && i + 1 < quads) {
            return None;
        }
        let mut n = 0u32;
        for &b in &quad[..4 - pad] {
            n = n << 6 | sextet(b)?;
        }
        n <<= 6 * pad as u32;
        let unused = [0, 0xff, 0xffff][pad];
        if n & unused != 0 {
            return None;
        }
        out.extend_from_slice(&[(n >> 16) as u8, (n >> 8) as u8, n as u8][..3 - pad]);
    }
    Some(out)
}

fn sextet(b: u8) -> Option<u32> {
    Some(u32::from(match b {
        b'A'..=b'Z' => b - b'A',
        b'a'..=b'z' => b - b'a' + 26,
        b'0'..=b'9' => b - b'0' + 52,
        b'+' => 62,
        b'/' => 63,
        _ => return None,
    }))
}

#[cfg(test)]
mod tests {
    use super::decode;
    use base64::Engine as _;

    fn same(text: &str) {
        let theirs = base64::engine::general_purpose::STANDARD.decode(text).ok();
        assert_eq!(decode(text), theirs, "{text:?}");
    }

    #[test]
    fn decodes_as_the_base64_crate_does() {
        let cases = [
            "",
            "=",
            "==",
            "A",
            "AA",
            "AAA",
            "AAAA",
            "AA==",
            "AB==",
            "AAA=",
            "AAB=",
            "A===",
            "====",
            "AA=A",
            "A=AA",
            "AA==AAAA",
            "AAAAAA==",
            "Zm9v",
            "Zm9vYg==",
            "Zm9vYmE=",
            "Zm9vYmFy",
            "Zm9vYg",
            "Zm9v YmFy",
            " Zm9v",
            "Zm9v\n",
            "-_-_",
            "+/+/",
            "eyJhIjoxfQ==",
            "////",
            "Zm9vYmE==",
        ];
        for c in cases {
            same(c);
        }
    }

    #[test]
    fn decodes_every_short_text_as_the_base64_crate_does() {
        // Every text of up to 4 characters over an alphabet that hits each branch, alone and after a quad.
        let alphabet = ['A', 'B', 'Q', 'g', 'z', '0', '+', '/', '=', '-', ' '];
        let mut texts = vec![String::new()];
        for _ in 0..4 {
            texts = texts.iter().flat_map(|t| alphabet.iter().map(move |c| format!("{t}{c}"))).collect();
            for t in &texts {
                same(t);
                same(&format!("Zm9v{t}"));
            }
        }
    }
}
