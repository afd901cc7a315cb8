//! Sign-in throttling, per account and per network address.
//!
//! Failures are counted in a sliding window; once an account or an address has too
//! many, further attempts are refused *without* checking the password, with the same
//! answer as a wrong password, so an attacker learns nothing from the refusal. The
//! counters live in memory: a restart forgives, which is acceptable because a restart
//! is rare and visible, and keeps sign-in free of database writes an attacker could
//! use to fill the disk.

use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;

use crate::clock::Millis;

pub const WINDOW_MS: Millis = 15 * 60 * 1000;
pub const MAX_PER_ACCOUNT: usize = 5;
pub const MAX_PER_ADDRESS: usize = 20;
/// Bound on tracked keys, so a flood of made-up usernames cannot exhaust memory.
const MAX_KEYS: usize = 100_000;

#[derive(Default)]
pub struct Throttle {
    failures: Mutex<HashMap<String, VecDeque<Millis>>>,
}

impl Throttle {
    fn keys(username: &str, address: &str) -> [(String, usize); 2] {
        [
            (
                format!("u:{}", username.trim().to_lowercase()),
                MAX_PER_ACCOUNT,
            ),
            (format!("a:{address}"), MAX_PER_ADDRESS),
        ]
    }

    /// Whether a sign-in attempt may be checked at all.
    pub fn allowed(&self, username: &str, address: &str, now: Millis) -> bool {
        let Ok(mut map) = self.failures.lock() else {
            return false;
        };
        Self::keys(username, address).iter().all(|(k, max)| {
            map.get_mut(k).is_none_or(|q| {
                prune(q, now);
                q.len() < *max
            })
        })
    }

    pub fn failed(&self, username: &str, address: &str, now: Millis) {
        let Ok(mut map) = self.failures.lock() else {
            return;
        };
        if map.len() >= MAX_KEYS {
            map.retain(|_, q| {
                prune(q, now);
                !q.is_empty()
            });
            if map.len() >= MAX_KEYS {
                map.clear();
            }
        }
        for (k, _) in Self::keys(username, address) {
            map.entry(k).or_default().push_back(now);
        }
    }

    /// A successful sign-in clears the account's count (not the address's).
    pub fn succeeded(&self, username: &str) {
        if let Ok(mut map) = self.failures.lock() {
            map.remove(&format!("u:{}", username.trim().to_lowercase()));
        }
    }
}

fn prune(q: &mut VecDeque<Millis>, now: Millis) {
    while q.front().is_some_and(|t| *t <= now - WINDOW_MS) {
        q.pop_front();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_account_is_locked_after_five_failures_then_forgiven() {
        let t = Throttle::default();
        for i in 0..5 {
            assert!(t.allowed("ana", "10.0.0.1", i));
            t.failed("ana", "10.0.0.1", i);
        }
        assert!(!t.allowed("ana", "10.0.0.9", 10));
        assert!(!t.allowed("ANA", "10.0.0.9", 10));
        assert!(t.allowed("bob", "10.0.0.9", 10));
        assert!(t.allowed("ana", "10.0.0.9", WINDOW_MS + 5));
    }

    #[test]
    fn an_address_is_locked_after_twenty_failures_across_accounts() {
        let t = Throttle::default();
        for i in 0..20 {
            t.failed(&format!("user{i}"), "10.0.0.1", 1);
        }
        assert!(!t.allowed("fresh", "10.0.0.1", 2));
        assert!(t.allowed("fresh", "10.0.0.2", 2));
    }
}
