//! The character classes the seeds use ("中文", "字母", "数字" and a few punctuation marks), as plain
//! `char` checks. Kept in this one module: the JS package's size budget rules out the `regex` crate
//! (its Unicode tables alone cost more than the whole validator), and these classes are simple.

use serde::Serialize;

/// One class of allowed characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum CharClass {
    /// Chinese characters: the Unicode `Han` script.
    Han,
    /// ASCII letters `A–Z a–z` ("英文字母"; the seeds mean English letters).
    Letter,
    /// ASCII digits `0–9`.
    Digit,
    /// One literal character.
    Char(char),
}

impl CharClass {
    pub fn contains(self, c: char) -> bool {
        match self {
            CharClass::Han => is_han(c),
            CharClass::Letter => c.is_ascii_alphabetic(),
            CharClass::Digit => c.is_ascii_digit(),
            CharClass::Char(x) => c == x,
        }
    }

    /// The stable token naming this class in issue kinds and rule metadata.
    pub const fn token(self) -> &'static str {
        match self {
            CharClass::Han => "han",
            CharClass::Letter => "letter",
            CharClass::Digit => "digit",
            CharClass::Char('-') => "-",
            CharClass::Char('_') => "_",
            CharClass::Char('.') => ".",
            CharClass::Char(':') => ":",
            CharClass::Char(_) => "?",
        }
    }
}

/// Whether any class of `set` contains `c`.
pub fn allows(set: &[CharClass], c: char) -> bool {
    set.iter().any(|k| k.contains(c))
}

pub fn tokens(set: &[CharClass]) -> Vec<&'static str> {
    set.iter().map(|k| k.token()).collect()
}

/// Code points of the Unicode `Han` script (Scripts.txt, Unicode 16.0).
const HAN: &[(u32, u32)] = &[
    (0x2E80, 0x2E99),
    (0x2E9B, 0x2EF3),
    (0x2F00, 0x2FD5),
    (0x3005, 0x3005),
    (0x3007, 0x3007),
    (0x3021, 0x3029),
    (0x3038, 0x303B),
    (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF),
    (0xF900, 0xFA6D),
    (0xFA70, 0xFAD9),
    (0x16FE2, 0x16FE3),
    (0x16FF0, 0x16FF1),
    (0x20000, 0x2A6DF),
    (0x2A700, 0x2B739),
    (0x2B740, 0x2B81D),
    (0x2B820, 0x2CEA1),
    (0x2CEB0, 0x2EBE0),
    (0x2EBF0, 0x2EE5D),
    (0x2F800, 0x2FA1D),
    (0x30000, 0x3134A),
    (0x31350, 0x323AF),
];

/// Whether `c` is a Chinese character (Unicode script Han).
pub fn is_han(c: char) -> bool {
    let c = c as u32;
    if c < 0x2E80 {
        return false;
    }
    HAN.binary_search_by(|&(lo, hi)| {
        if hi < c {
            std::cmp::Ordering::Less
        } else if lo > c {
            std::cmp::Ordering::Greater
        } else {
            std::cmp::Ordering::Equal
        }
    })
    .is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn han_boundaries() {
        for c in [
            '中',
            '文',
            '〇',
            '々',
            '\u{3400}',
            '\u{9FFF}',
            '\u{20000}',
            '\u{323AF}',
        ] {
            assert!(is_han(c), "{c:?} is Han");
        }
        for c in [
            'a',
            '1',
            '-',
            'あ',
            'ア',
            '한',
            '。',
            '，',
            '\u{4DC0}',
            '\u{2E9A}',
            '\u{323B0}',
            '😀',
        ] {
            assert!(!is_han(c), "{c:?} is not Han");
        }
    }

    #[test]
    fn han_table_sorted_and_disjoint() {
        for w in HAN.windows(2) {
            assert!(w[0].0 <= w[0].1 && w[0].1 < w[1].0, "{w:?}");
        }
    }

    #[test]
    fn ascii_only_letters_and_digits() {
        assert!(CharClass::Letter.contains('Z'));
        assert!(!CharClass::Letter.contains('é'));
        assert!(!CharClass::Digit.contains('٣'));
    }
}
