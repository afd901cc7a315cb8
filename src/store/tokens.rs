//! Personal API tokens: stored as SHA-256 hashes; the token is shown once.

use sqlx::FromRow;

use super::{Conn, Result, StoreError};

#[derive(Debug, Clone, FromRow)]
pub struct TokenRow {
    pub token_id: i64,
    pub user_id: i64,
    pub name: String,
    pub prefix: String,
    pub created_at: i64,
    pub expires_at: Option<i64>,
    pub last_used_at: Option<i64>,
    pub revoked_at: Option<i64>,
}

const COLUMNS: &str =
    "token_id, user_id, name, prefix, created_at, expires_at, last_used_at, revoked_at";

pub async fn insert(
    c: &mut Conn,
    user_id: i64,
    name: &str,
    token_hash: &str,
    prefix: &str,
    now: i64,
    expires_at: Option<i64>,
) -> Result<i64> {
    Ok(sqlx::query_scalar(
        "insert into api_tokens (user_id, name, token_hash, prefix, created_at, expires_at)
         values ($1, $2, $3, $4, $5, $6) returning token_id",
    )
    .bind(user_id)
    .bind(name)
    .bind(token_hash)
    .bind(prefix)
    .bind(now)
    .bind(expires_at)
    .fetch_one(&mut *c)
    .await?)
}

pub async fn by_hash(c: &mut Conn, token_hash: &str) -> Result<Option<TokenRow>> {
    let sql = format!("select {COLUMNS} from api_tokens where token_hash = $1");
    Ok(sqlx::query_as(&sql)
        .bind(token_hash)
        .fetch_optional(&mut *c)
        .await?)
}

pub async fn for_user(c: &mut Conn, user_id: i64) -> Result<Vec<TokenRow>> {
    let sql = format!("select {COLUMNS} from api_tokens where user_id = $1 order by token_id desc");
    Ok(sqlx::query_as(&sql)
        .bind(user_id)
        .fetch_all(&mut *c)
        .await?)
}

pub async fn revoke(c: &mut Conn, token_id: i64, user_id: i64, now: i64) -> Result<()> {
    let n = sqlx::query(
        "update api_tokens set revoked_at = $1 where token_id = $2 and user_id = $3 and revoked_at is null",
    )
    .bind(now)
    .bind(token_id)
    .bind(user_id)
    .execute(&mut *c)
    .await?
    .rows_affected();
    if n == 0 {
        return Err(StoreError::NotFound);
    }
    Ok(())
}

pub async fn revoke_all_for_user(c: &mut Conn, user_id: i64, now: i64) -> Result<u64> {
    Ok(sqlx::query(
        "update api_tokens set revoked_at = $1 where user_id = $2 and revoked_at is null",
    )
    .bind(now)
    .bind(user_id)
    .execute(&mut *c)
    .await?
    .rows_affected())
}

pub async fn touch(c: &mut Conn, token_id: i64, now: i64) -> Result<()> {
    sqlx::query("update api_tokens set last_used_at = $1 where token_id = $2")
        .bind(now)
        .bind(token_id)
        .execute(&mut *c)
        .await?;
    Ok(())
}
