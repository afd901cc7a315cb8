//! Server-side sessions. The cookie holds a random token; the database holds only its
//! SHA-256, so a copy of the database does not let anyone sign in.

use sqlx::FromRow;

use super::{Conn, Result};

#[derive(Debug, Clone, FromRow)]
pub struct SessionRow {
    pub user_id: i64,
    pub csrf_token: String,
    pub created_at: i64,
    pub last_seen_at: i64,
}

pub async fn insert(
    c: &mut Conn,
    session_hash: &str,
    user_id: i64,
    csrf: &str,
    now: i64,
) -> Result<()> {
    sqlx::query(
        "insert into sessions (session_hash, user_id, csrf_token, created_at, last_seen_at)
         values ($1, $2, $3, $4, $4)",
    )
    .bind(session_hash)
    .bind(user_id)
    .bind(csrf)
    .bind(now)
    .execute(&mut *c)
    .await?;
    Ok(())
}

pub async fn get(c: &mut Conn, session_hash: &str) -> Result<Option<SessionRow>> {
    Ok(sqlx::query_as(
        "select user_id, csrf_token, created_at, last_seen_at from sessions where session_hash = $1",
    )
    .bind(session_hash)
    .fetch_optional(&mut *c)
    .await?)
}

pub async fn touch(c: &mut Conn, session_hash: &str, now: i64) -> Result<()> {
    sqlx::query("update sessions set last_seen_at = $1 where session_hash = $2")
        .bind(now)
        .bind(session_hash)
        .execute(&mut *c)
        .await?;
    Ok(())
}

pub async fn delete(c: &mut Conn, session_hash: &str) -> Result<()> {
    sqlx::query("delete from sessions where session_hash = $1")
        .bind(session_hash)
        .execute(&mut *c)
        .await?;
    Ok(())
}

/// Ends every session of an account (password, role or status changed).
pub async fn delete_for_user(c: &mut Conn, user_id: i64) -> Result<u64> {
    Ok(sqlx::query("delete from sessions where user_id = $1")
        .bind(user_id)
        .execute(&mut *c)
        .await?
        .rows_affected())
}

/// Removes sessions idle since before `idle_cutoff` or created before `absolute_cutoff`.
pub async fn delete_expired(c: &mut Conn, idle_cutoff: i64, absolute_cutoff: i64) -> Result<u64> {
    Ok(
        sqlx::query("delete from sessions where last_seen_at < $1 or created_at < $2")
            .bind(idle_cutoff)
            .bind(absolute_cutoff)
            .execute(&mut *c)
            .await?
            .rows_affected(),
    )
}

pub async fn count(c: &mut Conn) -> Result<i64> {
    Ok(sqlx::query_scalar("select count(*) from sessions")
        .fetch_one(&mut *c)
        .await?)
}
