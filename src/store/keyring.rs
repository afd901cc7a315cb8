//! The wrapped keyring (see `crypto`): four small ciphertexts, one per purpose.

use super::{Conn, Result};

pub async fn all(c: &mut Conn) -> Result<Vec<(String, Vec<u8>)>> {
    Ok(
        sqlx::query_as("select purpose, wrapped from keyring order by purpose")
            .fetch_all(&mut *c)
            .await?,
    )
}

pub async fn insert(c: &mut Conn, purpose: &str, wrapped: &[u8], now: i64) -> Result<()> {
    sqlx::query(
        "insert into keyring (purpose, wrapped, created_at, wrapped_at) values ($1, $2, $3, $3)",
    )
    .bind(purpose)
    .bind(wrapped)
    .bind(now)
    .execute(&mut *c)
    .await?;
    Ok(())
}

pub async fn rewrap(c: &mut Conn, purpose: &str, wrapped: &[u8], now: i64) -> Result<()> {
    sqlx::query("update keyring set wrapped = $1, wrapped_at = $2 where purpose = $3")
        .bind(wrapped)
        .bind(now)
        .bind(purpose)
        .execute(&mut *c)
        .await?;
    Ok(())
}
