//! Counting and cutting text the way the providers count it, never splitting what a person sees
//! as one character (a grapheme) when text is shown or shortened.

use crate::report::LengthUnit;
use unicode_segmentation::UnicodeSegmentation;

/// The length of `s` in `unit`.
pub fn count(s: &str, unit: LengthUnit) -> usize {
    if s.is_ascii() {
        return s.len();
    }
    match unit {
        LengthUnit::Chars => s.chars().count(),
        LengthUnit::Utf16 => s.encode_utf16().count(),
    }
}

/// The longest prefix of `s` that ends on a grapheme boundary and measures at most `max` in `unit`
/// (a suggested shortening for a value that is too long).
pub fn shorten(s: &str, max: usize, unit: LengthUnit) -> &str {
    let mut used = 0;
    let mut end = 0;
    for (at, g) in s.grapheme_indices(true) {
        let n = count(g, unit);
        if used + n > max {
            break;
        }
        used += n;
        end = at + g.len();
    }
    &s[..end]
}

/// Graphemes in `s`: what a live counter may show beside the provider's own count.
pub fn graphemes(s: &str) -> usize {
    s.graphemes(true).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_scalars_and_utf16() {
        assert_eq!(count("a中𠀀", LengthUnit::Chars), 3);
        assert_eq!(count("a中𠀀", LengthUnit::Utf16), 4);
    }

    #[test]
    fn shorten_never_splits_a_grapheme() {
        // "é" as e + combining acute: two scalars, one grapheme.
        let s = "ab\u{65}\u{301}cd";
        assert_eq!(shorten(s, 3, LengthUnit::Chars), "ab");
        assert_eq!(shorten(s, 4, LengthUnit::Chars), "ab\u{65}\u{301}");
        assert_eq!(shorten("👍🏽x", 1, LengthUnit::Chars), "");
        assert_eq!(shorten("abc", 10, LengthUnit::Chars), "abc");
        assert_eq!(graphemes("👍🏽x"), 2);
    }
}
