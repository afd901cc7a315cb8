//! CSRF protection for every HTML form.
//!
//! Signed-in forms carry the session's CSRF token; forms shown before sign-in (the
//! login form, the language switch) carry a double-submit token that must equal the
//! `vigil_csrf` cookie. Either way, a request whose `Origin` or `Sec-Fetch-Site`
//! header says it came from another site is refused before the token is even read.
//! Comparison is constant-time.

use axum::http::HeaderMap;
use subtle::ConstantTimeEq;

pub const COOKIE: &str = "vigil_csrf";

/// Whether the request's own headers say it is cross-site.
pub fn cross_site(headers: &HeaderMap) -> bool {
    if let Some(site) = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()) {
        if !matches!(site, "same-origin" | "none") {
            return true;
        }
    }
    if let (Some(origin), Some(host)) = (
        headers.get("origin").and_then(|v| v.to_str().ok()),
        headers.get("host").and_then(|v| v.to_str().ok()),
    ) {
        let origin_host = origin.split("://").nth(1).unwrap_or(origin);
        if origin == "null" || origin_host != host {
            return true;
        }
    }
    false
}

pub fn tokens_match(expected: &str, given: &str) -> bool {
    !expected.is_empty()
        && expected.len() == given.len()
        && bool::from(expected.as_bytes().ct_eq(given.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cross_site_requests_are_recognised() {
        let mut h = HeaderMap::new();
        h.insert(
            "host",
            "127.0.0.1:8080".parse().unwrap_or_else(|_| unreachable!()),
        );
        assert!(!cross_site(&h));
        h.insert(
            "origin",
            "http://127.0.0.1:8080"
                .parse()
                .unwrap_or_else(|_| unreachable!()),
        );
        assert!(!cross_site(&h));
        h.insert(
            "origin",
            "https://evil.example"
                .parse()
                .unwrap_or_else(|_| unreachable!()),
        );
        assert!(cross_site(&h));
    }

    #[test]
    fn tokens_compare_exactly() {
        assert!(tokens_match("abc", "abc"));
        assert!(!tokens_match("abc", "abd"));
        assert!(!tokens_match("", ""));
    }
}
