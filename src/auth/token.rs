//! The shape of personal API tokens: `vgl_` and 32 random bytes. Only the SHA-256 of
//! a token is stored; the prefix kept beside it lets a user tell tokens apart.

pub const PREFIX: &str = "vgl_";

pub fn generate() -> String {
    format!("{PREFIX}{}", crate::crypto::random_token(32))
}

/// The part shown in lists: the scheme and the first six characters.
pub fn display_prefix(token: &str) -> String {
    token.chars().take(PREFIX.len() + 6).collect()
}

pub fn looks_like_token(s: &str) -> bool {
    s.starts_with(PREFIX) && s.len() > PREFIX.len() + 20 && s.len() < 100
}
