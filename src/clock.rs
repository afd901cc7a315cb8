//! Time as a parameter: logic takes a `Clock`, so sessions, expiry and the audit
//! chain can be tested at any instant.

use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;

/// Milliseconds since the Unix epoch, UTC.
pub type Millis = i64;

#[derive(Clone)]
pub enum Clock {
    System,
    /// A clock that only moves when told to (tests, benchmarks).
    Manual(Arc<AtomicI64>),
}

impl Clock {
    pub fn manual(start: Millis) -> Self {
        Clock::Manual(Arc::new(AtomicI64::new(start)))
    }

    pub fn now(&self) -> Millis {
        match self {
            Clock::System => std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
                .unwrap_or(0),
            Clock::Manual(t) => t.load(Ordering::SeqCst),
        }
    }

    /// Moves a manual clock forward; does nothing to the system clock.
    pub fn advance(&self, ms: Millis) {
        if let Clock::Manual(t) = self {
            t.fetch_add(ms, Ordering::SeqCst);
        }
    }
}

/// RFC 3339 text for a time, for logs, JSON and files.
pub fn rfc3339(ms: Millis) -> String {
    let t = time::OffsetDateTime::from_unix_timestamp_nanos(i128::from(ms) * 1_000_000)
        .unwrap_or(time::OffsetDateTime::UNIX_EPOCH);
    t.format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default()
}

/// The calendar year (UTC) of an instant.
pub fn year_of(ms: Millis) -> i64 {
    time::OffsetDateTime::from_unix_timestamp(ms.div_euclid(1000))
        .map(|t| i64::from(t.year()))
        .unwrap_or(1970)
}

/// Epoch milliseconds of midnight UTC on a date given as `YYYY-MM-DD`.
pub fn parse_day(s: &str) -> Option<Millis> {
    let fmt = time::macros::format_description!("[year]-[month]-[day]");
    let d = time::Date::parse(s.trim(), &fmt).ok()?;
    Some(d.midnight().assume_utc().unix_timestamp() * 1000)
}
