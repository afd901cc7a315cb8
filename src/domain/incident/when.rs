//! When something happened, with how precisely that is known: an exact time, a day, a
//! month or a year. The precision follows from what is typed (`2013-12-26 05:30`,
//! `2013-12-26`, `2013-12`, `2013`), so one field carries both, and the instant stored
//! is the start of the period (epoch milliseconds, UTC).

use crate::domain::person::Choice;
use crate::domain::Invalid;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Precision {
    Exact,
    Day,
    Month,
    Year,
}

impl Choice for Precision {
    const FIELD: &'static str = "precision";
    const ALL: &'static [Self] = &[
        Precision::Exact,
        Precision::Day,
        Precision::Month,
        Precision::Year,
    ];
    fn as_str(self) -> &'static str {
        match self {
            Precision::Exact => "exact",
            Precision::Day => "day",
            Precision::Month => "month",
            Precision::Year => "year",
        }
    }
}

const DAY_MS: i64 = 86_400_000;

fn date(y: i32, m: u8, d: u8) -> Option<time::Date> {
    time::Date::from_calendar_date(y, time::Month::try_from(m).ok()?, d).ok()
}

fn ms(d: time::Date) -> i64 {
    d.midnight().assume_utc().unix_timestamp() * 1000
}

impl Precision {
    /// The last millisecond of the period that starts at `at`.
    pub fn end_of(self, at: i64) -> i64 {
        let Ok(t) = time::OffsetDateTime::from_unix_timestamp(at.div_euclid(1000)) else {
            return at;
        };
        let (y, m) = (t.year(), u8::from(t.month()));
        let next = match self {
            Precision::Exact => return at,
            Precision::Day => return at + DAY_MS - 1,
            Precision::Month if m == 12 => date(y + 1, 1, 1),
            Precision::Month => date(y, m + 1, 1),
            Precision::Year => date(y + 1, 1, 1),
        };
        next.map_or(at, |d| ms(d) - 1)
    }

    /// The instant as text at this precision (`2013-12`), as typed in a form.
    pub fn format(self, at: i64) -> String {
        let full = crate::clock::rfc3339(at);
        let n = match self {
            Precision::Exact => 16,
            Precision::Day => 10,
            Precision::Month => 7,
            Precision::Year => 4,
        };
        full.chars()
            .take(n)
            .map(|c| if c == 'T' { ' ' } else { c })
            .collect()
    }
}

fn num(s: &str, len: usize) -> Option<u32> {
    (s.len() == len && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

/// Parses a time with its precision; empty is `None`. Digits may be Persian or
/// Arabic-Indic; `/` may stand for `-` and `T` for the space before the time.
pub fn parse_when(field: &'static str, s: &str) -> Result<Option<(i64, Precision)>, Invalid> {
    let s = crate::i18n::normalize_digits(s.trim()).replace('/', "-");
    if s.is_empty() {
        return Ok(None);
    }
    let bad = || {
        Invalid::new(
            field,
            "incident-invalid-when",
            "expected YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DD HH:MM",
        )
    };
    let (day, clock) = match s.split_once([' ', 'T']) {
        Some((d, c)) => (d, Some(c.trim())),
        None => (s.as_str(), None),
    };
    let parts: Vec<&str> = day.split('-').collect();
    let year = parts
        .first()
        .and_then(|y| num(y, 4))
        .and_then(|y| i32::try_from(y).ok())
        .filter(|y| (1900..=2200).contains(y))
        .ok_or_else(bad)?;
    let month = parts
        .get(1)
        .map(|m| num(m, 2).ok_or_else(bad))
        .transpose()?;
    let dom = parts
        .get(2)
        .map(|d| num(d, 2).ok_or_else(bad))
        .transpose()?;
    if parts.len() > 3 {
        return Err(bad());
    }
    let m8 = |v: u32| u8::try_from(v).map_err(|_| bad());
    let (start, precision) = match (month, dom) {
        (None, _) => (date(year, 1, 1).ok_or_else(bad)?, Precision::Year),
        (Some(m), None) => (date(year, m8(m)?, 1).ok_or_else(bad)?, Precision::Month),
        (Some(m), Some(d)) => (date(year, m8(m)?, m8(d)?).ok_or_else(bad)?, Precision::Day),
    };
    match clock {
        None => Ok(Some((ms(start), precision))),
        Some(_) if precision != Precision::Day => Err(bad()),
        Some(c) => {
            let (h, mi) = c.split_once(':').ok_or_else(bad)?;
            let h = num(h, 2).filter(|h| *h < 24).ok_or_else(bad)?;
            let mi = num(mi, 2).filter(|m| *m < 60).ok_or_else(bad)?;
            let at = ms(start) + i64::from(h) * 3_600_000 + i64::from(mi) * 60_000;
            Ok(Some((at, Precision::Exact)))
        }
    }
}
