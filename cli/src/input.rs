//! Reading requests: the whole input (a file or stdin) for `check`, or one line at a time for
//! `check --jsonl`. Both are capped in size, so memory stays bounded whatever arrives, and both
//! give a clear message for text that is not UTF-8 or is empty, before the JSON parser sees it.

use crate::output::Fail;
use std::ffi::{OsStr, OsString};
use std::fmt;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::PathBuf;

/// The largest request `check` reads, and the longest line `check --jsonl` accepts. Real
/// CreateImage requests are a few kilobytes (user data included).
pub const MAX_REQUEST: usize = 16 * 1024 * 1024;

/// Where requests come from: a file, or standard input for `-`.
#[derive(Debug)]
pub enum Source {
    Stdin,
    File(PathBuf),
}

impl Source {
    pub fn new(arg: &OsStr) -> Self {
        if arg == "-" { Source::Stdin } else { Source::File(PathBuf::from(OsString::from(arg))) }
    }

    /// Opens the source for buffered reading.
    pub fn open(&self) -> Result<Box<dyn BufRead>, Fail> {
        match self {
            Source::Stdin => Ok(Box::new(io::stdin().lock())),
            Source::File(path) => {
                let file = File::open(path).map_err(|e| self.cannot_read(&e))?;
                Ok(Box::new(BufReader::new(file)))
            }
        }
    }

    /// The failure for a read error of this source.
    pub fn cannot_read(&self, e: &io::Error) -> Fail {
        Fail::Input(format!("cannot read {self}: {}", plain_io_error(e)))
    }

    /// The whole input, refusing more than [`MAX_REQUEST`] bytes.
    pub fn read_all(&self) -> Result<Vec<u8>, Fail> {
        let reader = self.open()?;
        let mut bytes = Vec::new();
        reader.take(MAX_REQUEST as u64 + 1).read_to_end(&mut bytes).map_err(|e| self.cannot_read(&e))?;
        if bytes.len() > MAX_REQUEST {
            return Err(Fail::Input(format!(
                "{self}: larger than {} MiB; not a CreateImage request",
                MAX_REQUEST >> 20
            )));
        }
        Ok(bytes)
    }
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Source::Stdin => f.write_str("<stdin>"),
            Source::File(path) => write!(f, "{}", path.display()),
        }
    }
}

/// `io::Error`'s text without the `(os error N)` tail, which says nothing to a person.
fn plain_io_error(e: &io::Error) -> String {
    let text = e.to_string();
    match text.find(" (os error ") {
        Some(at) => text[..at].to_owned(),
        None => text,
    }
}

/// The bytes to hand to the validator: a leading UTF-8 byte-order mark dropped, and refused with
/// a clear message when they are not UTF-8 or hold nothing but whitespace.
pub fn request_bytes(bytes: &[u8]) -> Result<&[u8], String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Err(e) = std::str::from_utf8(bytes) {
        let at = e.valid_up_to();
        return Err(format!(
            "not valid UTF-8: byte 0x{:02x} at offset {at} is not part of a UTF-8 character",
            bytes[at]
        ));
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err("empty input: expected a JSON object".to_owned());
    }
    Ok(bytes)
}

/// One line of a JSON Lines input.
#[derive(Debug)]
pub enum Line<'a> {
    /// The line's bytes, without the line ending.
    Text(&'a [u8]),
    /// Longer than the cap; its bytes were skipped, not kept.
    TooLong,
}

/// Reads lines one at a time into one reused buffer, never holding more than `max` bytes of a line.
#[derive(Debug)]
pub struct Lines<R> {
    reader: R,
    buf: Vec<u8>,
    max: usize,
    number: usize,
}

impl<R: BufRead> Lines<R> {
    pub fn new(reader: R, max: usize) -> Self {
        Lines { reader, buf: Vec::new(), max, number: 0 }
    }

    /// The next line and its 1-based number, or `None` at the end of the input.
    pub fn next_line(&mut self) -> io::Result<Option<(usize, Line<'_>)>> {
        self.buf.clear();
        let mut too_long = false;
        let mut any = false;
        loop {
            let chunk = match self.reader.fill_buf() {
                Ok(c) => c,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if chunk.is_empty() {
                break;
            }
            any = true;
            let (take, done) = match chunk.iter().position(|&b| b == b'\n') {
                Some(i) => (i, true),
                None => (chunk.len(), false),
            };
            if !too_long {
                if self.buf.len() + take > self.max {
                    too_long = true;
                    self.buf.clear();
                } else {
                    self.buf.extend_from_slice(&chunk[..take]);
                }
            }
            self.reader.consume(if done { take + 1 } else { take });
            if done {
                break;
            }
        }
        if !any {
            return Ok(None);
        }
        self.number += 1;
        if too_long {
            return Ok(Some((self.number, Line::TooLong)));
        }
        let text = self.buf.strip_suffix(b"\r").unwrap_or(&self.buf);
        Ok(Some((self.number, Line::Text(text))))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(input: &[u8], max: usize) -> Vec<(usize, Option<Vec<u8>>)> {
        let mut lines = Lines::new(input, max);
        let mut out = Vec::new();
        while let Some((n, line)) = lines.next_line().unwrap() {
            out.push((
                n,
                match line {
                    Line::Text(t) => Some(t.to_vec()),
                    Line::TooLong => None,
                },
            ));
        }
        out
    }

    #[test]
    fn lines_split_and_number() {
        let got = all(b"a\r\n\nbb\nccc", 10);
        assert_eq!(
            got,
            vec![(1, Some(b"a".to_vec())), (2, Some(vec![])), (3, Some(b"bb".to_vec())), (4, Some(b"ccc".to_vec()))]
        );
        assert!(all(b"", 10).is_empty());
    }

    #[test]
    fn long_lines_are_skipped_not_kept() {
        let got = all(b"0123456789abc\nok\n", 5);
        assert_eq!(got, vec![(1, None), (2, Some(b"ok".to_vec()))]);
    }

    #[test]
    fn request_bytes_explains_bad_text() {
        assert!(request_bytes(b"\xEF\xBB\xBF{}").is_ok());
        assert!(request_bytes(b"{\"a\":\"\xff\"}").unwrap_err().contains("offset 6"));
        assert!(request_bytes(b"  \n").unwrap_err().contains("empty"));
    }
}
