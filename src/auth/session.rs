//! Session rules: token size, timeouts, and the check made on every request.

use crate::clock::Millis;
use crate::store::sessions::SessionRow;

/// 32 random bytes: 256 bits, well above the 128 the standard asks for.
pub const TOKEN_BYTES: usize = 32;
pub const COOKIE: &str = "vigil_session";

#[derive(Debug, Clone, Copy)]
pub struct Timeouts {
    pub idle_ms: Millis,
    pub absolute_ms: Millis,
}

impl Default for Timeouts {
    fn default() -> Self {
        Timeouts {
            idle_ms: 30 * 60 * 1000,
            absolute_ms: 12 * 60 * 60 * 1000,
        }
    }
}

impl Timeouts {
    pub fn expired(&self, s: &SessionRow, now: Millis) -> bool {
        now - s.last_seen_at > self.idle_ms || now - s.created_at > self.absolute_ms
    }

    /// Touching on every request would turn reads into writes; a minute's precision
    /// on a 30-minute idle timeout is plenty.
    pub fn needs_touch(&self, s: &SessionRow, now: Millis) -> bool {
        now - s.last_seen_at > 60_000
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(created: Millis, seen: Millis) -> SessionRow {
        SessionRow {
            user_id: 1,
            csrf_token: String::new(),
            created_at: created,
            last_seen_at: seen,
        }
    }

    #[test]
    fn idle_and_absolute_timeouts() {
        let t = Timeouts::default();
        let min = 60_000;
        assert!(!t.expired(&row(0, 0), 29 * min));
        assert!(t.expired(&row(0, 0), 31 * min));
        assert!(!t.expired(&row(0, 11 * 60 * min), 11 * 60 * min + 10 * min));
        assert!(t.expired(&row(0, 12 * 60 * min), 12 * 60 * min + min));
    }
}
