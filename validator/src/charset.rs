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

/// A set of character classes with its ASCII members precomputed as a bitmask, so the common
/// all-ASCII value costs one bit test per byte.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct CharSet {
    pub classes: &'static [CharClass],
    #[serde(skip)]
    ascii: [u64; 2],
}

impl CharSet {
    pub const fn of(classes: &'static [CharClass]) -> Self {
        let mut ascii = [0u64; 2];
        let mut b = 0u8;
        while b < 128 {
            let mut i = 0;
            while i < classes.len() {
                let hit = match classes[i] {
                    CharClass::Letter => b.is_ascii_alphabetic(),
                    CharClass::Digit => b.is_ascii_digit(),
                    CharClass::Char(c) => c as u32 == b as u32,
                    CharClass::Han => false,
                };
                if hit {
                    ascii[(b / 64) as usize] |= 1 << (b % 64);
                }
                i += 1;
            }
            b += 1;
        }
        CharSet { classes, ascii }
    }

    fn ascii_allows(&self, b: u8) -> bool {
        self.ascii[(b >> 6) as usize] >> (b & 63) & 1 == 1
    }

    pub fn allows(&self, c: char) -> bool {
        if c.is_ascii() { self.ascii_allows(c as u8) } else { allows(self.classes, c) }
    }

    /// The position and character of the first character of `s` outside the set.
    pub fn first_outside(&self, s: &str) -> Option<(usize, char)> {
        if s.is_ascii() {
            return s.bytes().position(|b| !self.ascii_allows(b)).map(|i| (i, s.as_bytes()[i] as char));
        }
        s.chars().enumerate().find(|&(_, c)| !self.allows(c))
    }

    pub fn tokens(&self) -> Vec<&'static str> {
        tokens(self.classes)
    }
}

pub fn tokens(set: &[CharClass]) -> Vec<&'static str> {
    set.iter().map(|k| k.token()).collect()
}

/// Code points of the Unicode `Han` script (Scripts.txt, Unicode 16.0).
pub const HAN: &[(u32, u32)] = &[
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
        for c in ['中', '文', '〇', '々', '\u{3400}', '\u{9FFF}', '\u{20000}', '\u{323AF}'] {
            assert!(is_han(c), "{c:?} is Han");
        }
        for c in ['a', '1', '-', 'あ', 'ア', '한', '。', '，', '\u{4DC0}', '\u{2E9A}', '\u{323B0}', '😀'] {
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
    fn ascii_mask_agrees_with_classes() {
        let sets = [
            CharSet::of(&[CharClass::Letter, CharClass::Digit, CharClass::Char('-')]),
            CharSet::of(&[CharClass::Han, CharClass::Char(':'), CharClass::Char('_')]),
            CharSet::of(&[]),
        ];
        for set in sets {
            for b in 0u8..128 {
                assert_eq!(set.allows(b as char), allows(set.classes, b as char), "{set:?} {b}");
            }
        }
        let letters = CharSet::of(&[CharClass::Letter]);
        assert_eq!(letters.first_outside("ab c"), Some((2, ' ')));
        let han = CharSet::of(&[CharClass::Han]);
        assert_eq!(han.first_outside("中文a"), Some((2, 'a')));
        assert_eq!(han.first_outside("中文"), None);
    }

    #[test]
    fn ascii_only_letters_and_digits() {
        assert!(CharClass::Letter.contains('Z'));
        assert!(!CharClass::Letter.contains('é'));
        assert!(!CharClass::Digit.contains('٣'));
    }
}
