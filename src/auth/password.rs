//! Password hashing with argon2id (m = 19 MiB, t = 2, p = 1: OWASP's minimum), always
//! off the async runtime, because one hash takes tens of milliseconds of CPU.
//!
//! Hashes run on a small pool of threads of their own, one per core, not on the
//! runtime's blocking pool (up to 512 threads): a burst of sign-in attempts then waits
//! in line instead of taking every core and 19 MiB per attempt, and the allocator,
//! which keeps freed memory per thread, holds at most one hash's buffer per core.

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

type Job = Box<dyn FnOnce() + Send>;

/// Runs `f` on the hashing pool and waits for it without blocking the runtime.
async fn on_pool<T: Send + 'static>(
    f: impl FnOnce() -> T + Send + 'static,
) -> Result<T, HashError> {
    static POOL: OnceLock<std::sync::Mutex<std::sync::mpsc::Sender<Job>>> = OnceLock::new();
    let pool = POOL.get_or_init(|| {
        let (tx, rx) = std::sync::mpsc::channel::<Job>();
        let rx = std::sync::Arc::new(std::sync::Mutex::new(rx));
        let threads = std::thread::available_parallelism().map_or(2, |n| n.get().min(4));
        for i in 0..threads {
            let rx = rx.clone();
            let _ = std::thread::Builder::new()
                .name(format!("vigil-argon2-{i}"))
                .spawn(move || loop {
                    let job = match rx.lock() {
                        Ok(r) => r.recv(),
                        Err(_) => return,
                    };
                    match job {
                        Ok(job) => job(),
                        Err(_) => return,
                    }
                });
        }
        std::sync::Mutex::new(tx)
    });
    let (done, result) = tokio::sync::oneshot::channel();
    let job: Job = Box::new(move || {
        let _ = done.send(f());
    });
    pool.lock()
        .map_err(|_| HashError::Join)?
        .send(job)
        .map_err(|_| HashError::Join)?;
    result.await.map_err(|_| HashError::Join)
}

pub async fn hash(password: &Password) -> Result<String, HashError> {
    let p = zeroize::Zeroizing::new(password.expose().to_string());
    on_pool(move || hash_blocking(&p)).await?
}

/// Verifies `password` against `phc`, or — when there is no account — against a fixed
/// dummy hash, so that an unknown username costs the same time as a wrong password.
pub async fn verify(password: &Password, phc: Option<String>) -> Result<bool, HashError> {
    let p = zeroize::Zeroizing::new(password.expose().to_string());
    on_pool(move || match phc {
        Some(h) => verify_blocking(&p, &h),
        None => {
            let _ = verify_blocking(&p, dummy_hash());
            false
        }
    })
    .await
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
