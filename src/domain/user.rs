//! Validated input about accounts: usernames, display names, passwords.

use zeroize::Zeroizing;

use super::Invalid;

/// A login name: 3–32 characters of ASCII letters, digits, `.`, `_` or `-`, stored
/// lowercase. Account names are not personal data (staff choose handles, not names).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Username(String);

impl Username {
    pub fn parse(s: &str) -> Result<Self, Invalid> {
        let s = s.trim().to_ascii_lowercase();
        if !(3..=32).contains(&s.len()) {
            return Err(Invalid::new(
                "username",
                "invalid-username-length",
                "must be 3 to 32 characters long",
            ));
        }
        if !s
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'))
        {
            return Err(Invalid::new(
                "username",
                "invalid-username-chars",
                "may contain only letters a–z, digits and . _ -",
            ));
        }
        Ok(Username(s))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for Username {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// A person's full name or contact, as typed: personal data, so it never implements
/// `Display` and its `Debug` is redacted.
#[derive(Clone, PartialEq, Eq)]
pub struct DisplayName(String);

impl DisplayName {
    /// Empty input means "not given".
    pub fn parse(field: &'static str, s: &str) -> Result<Option<Self>, Invalid> {
        let s = s.trim();
        if s.is_empty() {
            return Ok(None);
        }
        if s.chars().count() > 200 {
            return Err(Invalid::new(
                field,
                "invalid-text-length",
                "must be at most 200 characters",
            ));
        }
        if s.chars().any(|c| c.is_control()) {
            return Err(Invalid::new(
                field,
                "invalid-text-control",
                "must not contain control characters",
            ));
        }
        Ok(Some(DisplayName(s.to_string())))
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for DisplayName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("DisplayName(<redacted>)")
    }
}

/// A password in memory: zeroized on drop, never printed.
pub struct Password(Zeroizing<String>);

impl Password {
    /// Length rules of OWASP ASVS 2.1: at least 12 characters, at most 128, any
    /// characters; no composition rules.
    pub fn parse(s: &str) -> Result<Self, Invalid> {
        let n = s.chars().count();
        if n < 12 {
            return Err(Invalid::new(
                "password",
                "invalid-password-short",
                "must be at least 12 characters long",
            ));
        }
        if n > 128 {
            return Err(Invalid::new(
                "password",
                "invalid-password-long",
                "must be at most 128 characters long",
            ));
        }
        Ok(Password(Zeroizing::new(s.to_string())))
    }

    /// A password as typed at sign-in: not checked against the rules, only bounded, so
    /// that an old password still works after the rules change.
    pub fn attempt(s: &str) -> Self {
        Password(Zeroizing::new(s.chars().take(1024).collect()))
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Password {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Password(<redacted>)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn usernames_are_validated_and_lowercased() {
        assert_eq!(
            Username::parse(" Alice.B ").map(|u| u.0),
            Ok("alice.b".into())
        );
        assert!(Username::parse("ab").is_err());
        assert!(Username::parse("a b c").is_err());
        assert!(Username::parse("محمد").is_err());
    }

    #[test]
    fn passwords_have_a_length_floor_and_never_print() {
        assert!(Password::parse("short").is_err());
        let p = Password::parse("a long enough passphrase").map(|p| format!("{p:?}"));
        assert_eq!(p.as_deref(), Ok("Password(<redacted>)"));
    }

    #[test]
    fn display_names_are_redacted_in_debug() {
        let n = DisplayName::parse("full_name", "Canary Name")
            .ok()
            .flatten();
        assert_eq!(format!("{n:?}"), "Some(DisplayName(<redacted>))");
        assert_eq!(DisplayName::parse("full_name", "  "), Ok(None));
    }
}
