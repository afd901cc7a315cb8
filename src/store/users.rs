//! Accounts. Personal fields (`full_name`, `contact`) arrive here already sealed.

use sqlx::FromRow;

use super::{on_unique, Conn, Result, StoreError};

#[derive(Debug, Clone, FromRow)]
pub struct UserRow {
    pub user_id: i64,
    pub username: String,
    pub role: String,
    pub disabled: i64,
    pub password_hash: String,
    pub full_name: Option<Vec<u8>>,
    pub contact: Option<Vec<u8>>,
    pub lang: String,
    pub created_at: i64,
    pub updated_at: i64,
    pub password_changed_at: i64,
}

const COLUMNS: &str = "user_id, username, role, disabled, password_hash, full_name, contact, \
                       lang, created_at, updated_at, password_changed_at";

pub async fn insert(
    c: &mut Conn,
    username: &str,
    role: &str,
    password_hash: &str,
    now: i64,
) -> Result<i64> {
    sqlx::query_scalar(
        "insert into users (username, role, password_hash, created_at, updated_at, password_changed_at)
         values ($1, $2, $3, $4, $4, $4) returning user_id",
    )
    .bind(username)
    .bind(role)
    .bind(password_hash)
    .bind(now)
    .fetch_one(&mut *c)
    .await
    .map_err(|e| on_unique(e, "an account with this username"))
}

/// Stores the sealed personal fields and the blind index of the name.
pub async fn set_personal(
    c: &mut Conn,
    user_id: i64,
    full_name: Option<Vec<u8>>,
    contact: Option<Vec<u8>>,
    name_index: Option<String>,
    now: i64,
) -> Result<()> {
    let n = sqlx::query(
        "update users set full_name = $1, contact = $2, name_index = $3, updated_at = $4 where user_id = $5",
    )
    .bind(full_name)
    .bind(contact)
    .bind(name_index)
    .bind(now)
    .bind(user_id)
    .execute(&mut *c)
    .await?
    .rows_affected();
    found(n)
}

pub async fn get(c: &mut Conn, user_id: i64) -> Result<Option<UserRow>> {
    let sql = format!("select {COLUMNS} from users where user_id = $1");
    Ok(sqlx::query_as(&sql)
        .bind(user_id)
        .fetch_optional(&mut *c)
        .await?)
}

pub async fn by_username(c: &mut Conn, username: &str) -> Result<Option<UserRow>> {
    let sql = format!("select {COLUMNS} from users where username = $1");
    Ok(sqlx::query_as(&sql)
        .bind(username)
        .fetch_optional(&mut *c)
        .await?)
}

pub async fn list(c: &mut Conn) -> Result<Vec<UserRow>> {
    let sql = format!("select {COLUMNS} from users order by username");
    Ok(sqlx::query_as(&sql).fetch_all(&mut *c).await?)
}

pub async fn ids_by_name_index(c: &mut Conn, name_index: &str) -> Result<Vec<i64>> {
    Ok(
        sqlx::query_scalar("select user_id from users where name_index = $1 order by username")
            .bind(name_index)
            .fetch_all(&mut *c)
            .await?,
    )
}

pub async fn set_role(c: &mut Conn, user_id: i64, role: &str, now: i64) -> Result<()> {
    let n = sqlx::query("update users set role = $1, updated_at = $2 where user_id = $3")
        .bind(role)
        .bind(now)
        .bind(user_id)
        .execute(&mut *c)
        .await?
        .rows_affected();
    found(n)
}

pub async fn set_disabled(c: &mut Conn, user_id: i64, disabled: bool, now: i64) -> Result<()> {
    let n = sqlx::query("update users set disabled = $1, updated_at = $2 where user_id = $3")
        .bind(i64::from(disabled))
        .bind(now)
        .bind(user_id)
        .execute(&mut *c)
        .await?
        .rows_affected();
    found(n)
}

pub async fn set_password_hash(c: &mut Conn, user_id: i64, hash: &str, now: i64) -> Result<()> {
    let n = sqlx::query(
        "update users set password_hash = $1, password_changed_at = $2, updated_at = $2 where user_id = $3",
    )
    .bind(hash)
    .bind(now)
    .bind(user_id)
    .execute(&mut *c)
    .await?
    .rows_affected();
    found(n)
}

pub async fn set_lang(c: &mut Conn, user_id: i64, lang: &str) -> Result<()> {
    let n = sqlx::query("update users set lang = $1 where user_id = $2")
        .bind(lang)
        .bind(user_id)
        .execute(&mut *c)
        .await?
        .rows_affected();
    found(n)
}

pub async fn count_active_admins(c: &mut Conn) -> Result<i64> {
    Ok(
        sqlx::query_scalar("select count(*) from users where role = 'admin' and disabled = 0")
            .fetch_one(&mut *c)
            .await?,
    )
}

pub async fn count(c: &mut Conn) -> Result<i64> {
    Ok(sqlx::query_scalar("select count(*) from users")
        .fetch_one(&mut *c)
        .await?)
}

fn found(rows: u64) -> Result<()> {
    if rows == 0 {
        Err(StoreError::NotFound)
    } else {
        Ok(())
    }
}
