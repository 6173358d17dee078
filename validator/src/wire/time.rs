//! Request time: a [`Timestamp`] in whole Unix seconds (UTC), passed in by the caller (this crate
//! reads no clock), and each provider's spelling of it: Alibaba `2016-02-23T12:46:24Z`, JD
//! `20190917T064708Z`, Tencent and Zenlayer decimal seconds. Also the RFC 3339 parser the CLI's
//! `--timestamp` uses. Calendar arithmetic is Howard Hinnant's `days_from_civil` / `civil_from_days`.

use std::fmt;

/// A moment in whole seconds since 1970-01-01T00:00:00Z, from 1970 up to 9999-12-31T23:59:59Z.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(u64);

/// Why a time could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TimeError {
    /// Not in the expected format; `expected` names it.
    Format { expected: &'static str },
    /// A field out of range (month 13, hour 24, February 30 …).
    OutOfRange,
    /// Before 1970 or after 9999.
    Unrepresentable,
}

impl fmt::Display for TimeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TimeError::Format { expected } => write!(f, "expected {expected}"),
            TimeError::OutOfRange => f.write_str("a date or time field is out of range"),
            TimeError::Unrepresentable => f.write_str("the time is before 1970 or after 9999"),
        }
    }
}

impl std::error::Error for TimeError {}

/// A UTC calendar date and time of day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Civil {
    year: i64,
    month: u32,
    day: u32,
    hour: u32,
    minute: u32,
    second: u32,
}

fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = i64::from((m + 9) % 12);
    let doy = (153 * mp + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = (if mp < 10 { mp + 3 } else { mp - 9 }) as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

fn days_in_month(y: i64, m: u32) -> u32 {
    match m {
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl Timestamp {
    /// 9999-12-31T23:59:59Z.
    pub const MAX_UNIX: u64 = 253_402_300_799;

    /// The moment `secs` seconds after the Unix epoch; `None` after 9999.
    pub const fn from_unix(secs: u64) -> Option<Self> {
        if secs > Self::MAX_UNIX { None } else { Some(Timestamp(secs)) }
    }

    pub const fn unix(self) -> u64 {
        self.0
    }

    /// Seconds between `self` and `other`, whichever is later.
    pub const fn abs_diff(self, other: Timestamp) -> u64 {
        self.0.abs_diff(other.0)
    }

    fn civil(self) -> Civil {
        let days = (self.0 / 86_400) as i64;
        let rem = (self.0 % 86_400) as u32;
        let (year, month, day) = civil_from_days(days);
        Civil { year, month, day, hour: rem / 3600, minute: rem / 60 % 60, second: rem % 60 }
    }

    fn from_civil(c: Civil, offset_seconds: i64) -> Result<Self, TimeError> {
        if !(1..=12).contains(&c.month)
            || c.day == 0
            || c.day > days_in_month(c.year, c.month)
            || c.hour > 23
            || c.minute > 59
            || c.second > 59
        {
            return Err(TimeError::OutOfRange);
        }
        let secs = days_from_civil(c.year, c.month, c.day) * 86_400
            + i64::from(c.hour * 3600 + c.minute * 60 + c.second)
            - offset_seconds;
        u64::try_from(secs).ok().and_then(Self::from_unix).ok_or(TimeError::Unrepresentable)
    }

    /// Alibaba's `Timestamp` / `x-acs-date`: `YYYY-MM-DDThh:mm:ssZ`.
    pub fn iso8601(self) -> String {
        let c = self.civil();
        format!("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", c.year, c.month, c.day, c.hour, c.minute, c.second)
    }

    /// The UTC day, `YYYY-MM-DD`: Tencent's TC3 credential scope (never the local day).
    pub fn utc_date(self) -> String {
        let c = self.civil();
        format!("{:04}-{:02}-{:02}", c.year, c.month, c.day)
    }

    /// JD's `x-jdcloud-date`: `YYYYMMDDThhmmssZ`.
    pub fn basic(self) -> String {
        let c = self.civil();
        format!("{:04}{:02}{:02}T{:02}{:02}{:02}Z", c.year, c.month, c.day, c.hour, c.minute, c.second)
    }

    /// Strictly `YYYY-MM-DDThh:mm:ssZ` (what Alibaba sends and accepts).
    pub fn parse_iso8601(s: &str) -> Result<Self, TimeError> {
        const EXPECTED: &str = "YYYY-MM-DDThh:mm:ssZ";
        let b = s.as_bytes();
        if b.len() != 20
            || b[4] != b'-'
            || b[7] != b'-'
            || b[10] != b'T'
            || b[13] != b':'
            || b[16] != b':'
            || b[19] != b'Z'
        {
            return Err(TimeError::Format { expected: EXPECTED });
        }
        let c = civil_fields(s, [(0, 4), (5, 7), (8, 10), (11, 13), (14, 16), (17, 19)], EXPECTED)?;
        Self::from_civil(c, 0)
    }

    /// Strictly `YYYYMMDDThhmmssZ` (JD's `x-jdcloud-date`).
    pub fn parse_basic(s: &str) -> Result<Self, TimeError> {
        const EXPECTED: &str = "YYYYMMDDThhmmssZ";
        let b = s.as_bytes();
        if b.len() != 16 || b[8] != b'T' || b[15] != b'Z' {
            return Err(TimeError::Format { expected: EXPECTED });
        }
        let c = civil_fields(s, [(0, 4), (4, 6), (6, 8), (9, 11), (11, 13), (13, 15)], EXPECTED)?;
        Self::from_civil(c, 0)
    }

    /// Decimal Unix seconds (Tencent `Timestamp`, Zenlayer `X-ZC-Timestamp`).
    pub fn parse_unix(s: &str) -> Result<Self, TimeError> {
        const EXPECTED: &str = "Unix seconds";
        if s.is_empty() || s.len() > 20 || !s.bytes().all(|b| b.is_ascii_digit()) {
            return Err(TimeError::Format { expected: EXPECTED });
        }
        s.parse::<u64>().ok().and_then(Self::from_unix).ok_or(TimeError::Unrepresentable)
    }

    /// RFC 3339 (`2026-11-22T08:30:00Z`, `…+08:00`, `t` and a space allowed for `T`, fractional
    /// seconds dropped), or decimal Unix seconds: what `createimage sign --timestamp` takes.
    pub fn parse(s: &str) -> Result<Self, TimeError> {
        let s = s.trim();
        if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) {
            return Self::parse_unix(s);
        }
        Self::parse_rfc3339(s)
    }

    /// RFC 3339 `date-time`.
    pub fn parse_rfc3339(s: &str) -> Result<Self, TimeError> {
        const EXPECTED: &str = "RFC 3339 (2026-11-22T08:30:00Z) or Unix seconds";
        let b = s.as_bytes();
        if b.len() < 20
            || b[4] != b'-'
            || b[7] != b'-'
            || !matches!(b[10], b'T' | b't' | b' ')
            || b[13] != b':'
            || b[16] != b':'
            || !s.is_char_boundary(19)
        {
            return Err(TimeError::Format { expected: EXPECTED });
        }
        let c = civil_fields(&s[..19], [(0, 4), (5, 7), (8, 10), (11, 13), (14, 16), (17, 19)], EXPECTED)?;
        let mut rest = &s[19..];
        if let Some(frac) = rest.strip_prefix('.') {
            let digits = frac.bytes().take_while(u8::is_ascii_digit).count();
            if digits == 0 {
                return Err(TimeError::Format { expected: EXPECTED });
            }
            rest = &frac[digits..];
        }
        let offset = match rest.as_bytes() {
            [b'Z' | b'z'] => 0,
            [sign @ (b'+' | b'-'), h1, h2, b':', m1, m2] => {
                let num = |a: u8, b: u8| -> Result<i64, TimeError> {
                    if a.is_ascii_digit() && b.is_ascii_digit() {
                        Ok(i64::from((a - b'0') * 10 + (b - b'0')))
                    } else {
                        Err(TimeError::Format { expected: EXPECTED })
                    }
                };
                let (h, m) = (num(*h1, *h2)?, num(*m1, *m2)?);
                if h > 23 || m > 59 {
                    return Err(TimeError::OutOfRange);
                }
                let secs = h * 3600 + m * 60;
                if *sign == b'-' { -secs } else { secs }
            }
            _ => return Err(TimeError::Format { expected: EXPECTED }),
        };
        Self::from_civil(c, offset)
    }
}

/// Reads the six numeric fields at the given byte ranges.
fn civil_fields(s: &str, ranges: [(usize, usize); 6], expected: &'static str) -> Result<Civil, TimeError> {
    let mut v = [0u32; 6];
    for (slot, (a, b)) in v.iter_mut().zip(ranges) {
        let part = s.get(a..b).ok_or(TimeError::Format { expected })?;
        if !part.bytes().all(|c| c.is_ascii_digit()) {
            return Err(TimeError::Format { expected });
        }
        *slot = part.parse().map_err(|_| TimeError::Format { expected })?;
    }
    Ok(Civil { year: i64::from(v[0]), month: v[1], day: v[2], hour: v[3], minute: v[4], second: v[5] })
}

impl fmt::Display for Timestamp {
    /// RFC 3339 in UTC.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.iso8601())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(secs: u64) -> Timestamp {
        Timestamp::from_unix(secs).unwrap()
    }

    #[test]
    fn vector_times() {
        // AL1's Timestamp, J1's x-jdcloud-date, T1's Timestamp (providers.md B.4, D.3, C.3).
        assert_eq!(Timestamp::parse_iso8601("2016-02-23T12:46:24Z").unwrap().unix(), 1_456_231_584);
        assert_eq!(t(1_456_231_584).iso8601(), "2016-02-23T12:46:24Z");
        assert_eq!(Timestamp::parse_basic("20180405T010203Z").unwrap().basic(), "20180405T010203Z");
        assert_eq!(t(1_465_185_768).iso8601(), "2016-06-06T04:02:48Z");
        assert_eq!(t(0).basic(), "19700101T000000Z");
        assert_eq!(t(Timestamp::MAX_UNIX).iso8601(), "9999-12-31T23:59:59Z");
        assert!(Timestamp::from_unix(Timestamp::MAX_UNIX + 1).is_none());
    }

    #[test]
    fn rfc3339_and_unix() {
        let want = t(1_456_231_584);
        for s in [
            "2016-02-23T12:46:24Z",
            "2016-02-23t12:46:24z",
            "2016-02-23 12:46:24Z",
            "2016-02-23T12:46:24.999Z",
            "2016-02-23T20:46:24+08:00",
            "2016-02-23T07:16:24-05:30",
            "1456231584",
            " 1456231584 ",
        ] {
            assert_eq!(Timestamp::parse(s), Ok(want), "{s}");
        }
        assert_eq!(Timestamp::parse("2016-02-30T00:00:00Z"), Err(TimeError::OutOfRange));
        assert_eq!(Timestamp::parse("2016-02-28T24:00:00Z"), Err(TimeError::OutOfRange));
        assert_eq!(Timestamp::parse("1969-12-31T23:59:59Z"), Err(TimeError::Unrepresentable));
        assert_eq!(Timestamp::parse("2024-02-29T00:00:00Z").unwrap().iso8601(), "2024-02-29T00:00:00Z");
        for bad in [
            "",
            "yesterday",
            "2016-02-23",
            "2016-02-23T12:46:24",
            "2016-02-23T12:46:24.Z",
            "-5",
            "2016-02-23T12:46:24+8:00",
        ] {
            assert!(matches!(Timestamp::parse(bad), Err(TimeError::Format { .. })), "{bad}");
        }
        assert!(Timestamp::parse_iso8601("2016-02-23T12:46:24+00:00").is_err());
        // Found by fuzzing (parse_response): a character of several bytes across the seconds' end
        // made the parser slice inside it and panic.
        for bad in ["2023-11-14T22:12:2\u{FFFD}Z", "2023-11-14T22:12:2€", "2023-11-14T22:12:\u{1F600}Z"] {
            for parse in [Timestamp::parse, Timestamp::parse_rfc3339, Timestamp::parse_iso8601, Timestamp::parse_basic]
            {
                assert!(matches!(parse(bad), Err(TimeError::Format { .. })), "{bad}");
            }
        }
        assert!(Timestamp::parse_basic("2018-04-05T010203Z").is_err());
    }

    #[test]
    fn civil_round_trip_every_day_boundary() {
        for days in (0..=2_932_896u64).step_by(97) {
            let ts = t(days * 86_400 + 86_399);
            assert_eq!(Timestamp::parse_iso8601(&ts.iso8601()), Ok(ts));
            assert_eq!(Timestamp::parse_basic(&ts.basic()), Ok(ts));
        }
    }
}
