//! Households: the unit that moves and is resettled together.

use sqlx::FromRow;

use super::{on_unique, Conn, Result};

#[derive(Debug, Clone, FromRow, serde::Serialize, utoipa::ToSchema)]
pub struct HouseholdRow {
    pub household_id: i64,
    pub code: String,
    pub external_ref: Option<String>,
    pub site_id: Option<i64>,
    pub created_at: i64,
    pub updated_at: i64,
}

const COLUMNS: &str = "household_id, code, external_ref, site_id, created_at, updated_at";

pub async fn insert(
    c: &mut Conn,
    code: &str,
    external_ref: Option<&str>,
    site_id: Option<i64>,
    now: i64,
) -> Result<i64> {
    sqlx::query_scalar(
        "insert into households (code, external_ref, site_id, created_at, updated_at)
         values ($1, $2, $3, $4, $4) returning household_id",
    )
    .bind(code)
    .bind(external_ref)
    .bind(site_id)
    .bind(now)
    .fetch_one(&mut *c)
    .await
    .map_err(|e| on_unique(e, "a household with this code or reference"))
}

pub async fn get(c: &mut Conn, id: i64) -> Result<Option<HouseholdRow>> {
    let sql = format!("select {COLUMNS} from households where household_id = $1");
    Ok(sqlx::query_as(&sql)
        .bind(id)
        .fetch_optional(&mut *c)
        .await?)
}

pub async fn by_ref(c: &mut Conn, external_ref: &str) -> Result<Option<HouseholdRow>> {
    let sql = format!("select {COLUMNS} from households where external_ref = $1");
    Ok(sqlx::query_as(&sql)
        .bind(external_ref)
        .fetch_optional(&mut *c)
        .await?)
}

pub async fn by_code(c: &mut Conn, code: &str) -> Result<Option<HouseholdRow>> {
    let sql = format!("select {COLUMNS} from households where code = $1");
    Ok(sqlx::query_as(&sql)
        .bind(code)
        .fetch_optional(&mut *c)
        .await?)
}

pub async fn set_site(c: &mut Conn, id: i64, site_id: Option<i64>, now: i64) -> Result<()> {
    sqlx::query("update households set site_id = $1, updated_at = $2 where household_id = $3")
        .bind(site_id)
        .bind(now)
        .bind(id)
        .execute(&mut *c)
        .await?;
    Ok(())
}

pub async fn count(c: &mut Conn) -> Result<i64> {
    Ok(sqlx::query_scalar("select count(*) from households")
        .fetch_one(&mut *c)
        .await?)
}
