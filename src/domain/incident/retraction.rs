//! Retraction: how the record takes back an incident, a source or a claim that turned
//! out to be wrong (a duplicate, a misattributed article, a fabricated statement).
//! Nothing is deleted: a record that defends people in front of the UN or a court must
//! be able to show what it once said and why it stopped saying it, and one that lets
//! entries vanish invites the charge that inconvenient ones were removed. The entry
//! stays with who retracted it, when and why; it stops counting everywhere.

use super::text;
use crate::domain::Invalid;

/// Why something is retracted: required, so that every retraction can be explained.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Retraction {
    pub reason: String,
}

impl Retraction {
    pub fn parse(reason: &str) -> Result<Self, Invalid> {
        Ok(Retraction {
            reason: text("reason", reason, 1000, true, true)?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_retraction_needs_its_reason() {
        assert_eq!(Retraction::parse("  ").map_err(|e| e.field), Err("reason"));
        assert_eq!(
            Retraction::parse(" a duplicate of incident 4 ").map(|r| r.reason),
            Ok("a duplicate of incident 4".to_string())
        );
        assert!(Retraction::parse(&"x".repeat(1001)).is_err());
    }
}
