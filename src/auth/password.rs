//! Password hashing with argon2id (m = 19 MiB, t = 2, p = 1: OWASP's minimum), always
//! off the async runtime, because one hash takes tens of milliseconds of CPU.

use std::sync::OnceLock;

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};

use crate::domain::Password;

pub const MEMORY_KIB: u32 = 19 * 1024;
pub const ITERATIONS: u32 = 2;
pub const PARALLELISM: u32 = 1;

#[derive(Debug, thiserror::Error)]
pub enum HashError {
    #[error("password hashing failed")]
    Hash,
    #[error("the hashing task was cancelled")]
    Join,
}

fn argon2() -> Argon2<'static> {
    let params = Params::new(MEMORY_KIB, ITERATIONS, PARALLELISM, None).unwrap_or_default();
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

/// Hashes synchronously; use `hash` from async code.
pub fn hash_blocking(password: &str) -> Result<String, HashError> {
    let salt = SaltString::generate(&mut rand::rngs::OsRng);
    argon2()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|_| HashError::Hash)
}

pub fn verify_blocking(password: &str, phc: &str) -> bool {
    match PasswordHash::new(phc) {
        Ok(parsed) => argon2()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok(),
        Err(_) => false,
    }
}

pub async fn hash(password: &Password) -> Result<String, HashError> {
    let p = zeroize::Zeroizing::new(password.expose().to_string());
    tokio::task::spawn_blocking(move || hash_blocking(&p))
        .await
        .map_err(|_| HashError::Join)?
}

/// Verifies `password` against `phc`, or — when there is no account — against a fixed
/// dummy hash, so that an unknown username costs the same time as a wrong password.
pub async fn verify(password: &Password, phc: Option<String>) -> Result<bool, HashError> {
    let p = zeroize::Zeroizing::new(password.expose().to_string());
    tokio::task::spawn_blocking(move || match phc {
        Some(h) => verify_blocking(&p, &h),
        None => {
            let _ = verify_blocking(&p, dummy_hash());
            false
        }
    })
    .await
    .map_err(|_| HashError::Join)
}

fn dummy_hash() -> &'static str {
    static DUMMY: OnceLock<String> = OnceLock::new();
    DUMMY.get_or_init(|| hash_blocking("vigil dummy password for timing").unwrap_or_default())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn hashes_are_argon2id_with_the_required_cost() {
        let h = hash_blocking("correct horse battery staple").unwrap();
        assert!(h.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{h}");
        assert!(verify_blocking("correct horse battery staple", &h));
        assert!(!verify_blocking("wrong horse battery staple", &h));
        assert!(!verify_blocking("x", "not a hash"));
    }
}
