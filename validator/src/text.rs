//! Counting text the way the providers count it: in Unicode scalar values or in UTF-16 code units.

use crate::report::LengthUnit;

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_scalars_and_utf16() {
        assert_eq!(count("a中𠀀", LengthUnit::Chars), 3);
        assert_eq!(count("a中𠀀", LengthUnit::Utf16), 4);
    }
}
