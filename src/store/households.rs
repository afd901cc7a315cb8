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

/// A new household, its id handed out by [`super::next_id`].
pub struct NewHousehold<'a> {
    pub id: i64,
    pub code: &'a str,
    pub external_ref: Option<&'a str>,
    pub site_id: Option<i64>,
}

pub async fn insert(c: &mut Conn, h: &NewHousehold<'_>, now: i64) -> Result<i64> {
    insert_many(c, std::slice::from_ref(h), now).await?;
    Ok(h.id)
}

pub async fn insert_many(c: &mut Conn, rows: &[NewHousehold<'_>], now: i64) -> Result<()> {
    for chunk in rows.chunks(super::rows_per_statement(6)) {
        let sql = format!(
            "insert into households (household_id, code, external_ref, site_id, created_at, updated_at) values {}",
            super::values_list(c, chunk.len(), 6)
        );
        let mut q = sqlx::query(&sql).persistent(super::keep_prepared(
            chunk.len(),
            super::rows_per_statement(6),
        ));
        for h in chunk {
            q = q
                .bind(h.id)
                .bind(h.code)
                .bind(h.external_ref)
                .bind(h.site_id)
                .bind(now)
                .bind(now);
        }
        q.execute(&mut *c)
            .await
            .map_err(|e| on_unique(e, "a household with this code or reference"))?;
    }
    Ok(())
}

/// The households whose external reference is one of `refs`.
pub async fn by_refs(c: &mut Conn, refs: &[&str]) -> Result<Vec<HouseholdRow>> {
    let mut out = Vec::new();
    for chunk in refs.chunks(super::rows_per_statement(1)) {
        let sql = format!(
            "select {COLUMNS} from households where external_ref in ({})",
            super::placeholders(c, chunk.len())
        );
        let mut q = sqlx::query_as(&sql).persistent(super::keep_prepared(
            chunk.len(),
            super::rows_per_statement(1),
        ));
        for r in chunk {
            q = q.bind(*r);
        }
        out.extend(q.fetch_all(&mut *c).await?);
    }
    Ok(out)
}

/// Which of `codes` are already taken.
pub async fn taken_codes(c: &mut Conn, codes: &[String]) -> Result<Vec<String>> {
    let mut out = Vec::new();
    for chunk in codes.chunks(super::rows_per_statement(1)) {
        let sql = format!(
            "select code from households where code in ({})",
            super::placeholders(c, chunk.len())
        );
        let mut q = sqlx::query_scalar(&sql).persistent(super::keep_prepared(
            chunk.len(),
            super::rows_per_statement(1),
        ));
        for code in chunk {
            q = q.bind(code);
        }
        out.extend(q.fetch_all(&mut *c).await?);
    }
    Ok(out)
}

pub async fn get(c: &mut Conn, id: i64) -> Result<Option<HouseholdRow>> {
    let sql = format!("select {COLUMNS} from households where household_id = $1");
    Ok(sqlx::query_as(&sql)
        .bind(id)
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
