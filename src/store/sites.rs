//! Sites: camps and transit locations (no personal data).

use sqlx::FromRow;

use super::{on_unique, Conn, Result, StoreError};
use crate::domain::site::SiteInput;

#[derive(Debug, Clone, FromRow, serde::Serialize, utoipa::ToSchema)]
pub struct SiteRow {
    pub site_id: i64,
    pub code: String,
    pub name_en: String,
    pub name_fa: String,
    pub name_ar: String,
    pub kind: String,
    pub country: String,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub capacity: Option<i64>,
    pub created_at: i64,
    pub updated_at: i64,
}

impl SiteRow {
    /// The site's name in `lang`, falling back to English.
    pub fn name(&self, lang: crate::i18n::Lang) -> &str {
        let n = match lang {
            crate::i18n::Lang::Fa => &self.name_fa,
            crate::i18n::Lang::Ar => &self.name_ar,
            crate::i18n::Lang::En => &self.name_en,
        };
        if n.is_empty() {
            &self.name_en
        } else {
            n
        }
    }
}

const COLUMNS: &str = "site_id, code, name_en, name_fa, name_ar, kind, country, lat, lon, capacity, created_at, updated_at";

pub async fn insert(c: &mut Conn, s: &SiteInput, now: i64) -> Result<i64> {
    sqlx::query_scalar(
        "insert into sites (code, name_en, name_fa, name_ar, kind, country, lat, lon, capacity, created_at, updated_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10) returning site_id",
    )
    .bind(s.code.as_str())
    .bind(&s.name_en)
    .bind(&s.name_fa)
    .bind(&s.name_ar)
    .bind(s.kind.as_str())
    .bind(s.country.as_str())
    .bind(s.lat)
    .bind(s.lon)
    .bind(s.capacity)
    .bind(now)
    .fetch_one(&mut *c)
    .await
    .map_err(|e| on_unique(e, "a site with this code"))
}

pub async fn update(c: &mut Conn, id: i64, s: &SiteInput, now: i64) -> Result<()> {
    let n = sqlx::query(
        "update sites set code = $1, name_en = $2, name_fa = $3, name_ar = $4, kind = $5, country = $6,
         lat = $7, lon = $8, capacity = $9, updated_at = $10 where site_id = $11",
    )
    .bind(s.code.as_str())
    .bind(&s.name_en)
    .bind(&s.name_fa)
    .bind(&s.name_ar)
    .bind(s.kind.as_str())
    .bind(s.country.as_str())
    .bind(s.lat)
    .bind(s.lon)
    .bind(s.capacity)
    .bind(now)
    .bind(id)
    .execute(&mut *c)
    .await
    .map_err(|e| on_unique(e, "a site with this code"))?
    .rows_affected();
    if n == 0 {
        return Err(StoreError::NotFound);
    }
    Ok(())
}

pub async fn get(c: &mut Conn, id: i64) -> Result<Option<SiteRow>> {
    let sql = format!("select {COLUMNS} from sites where site_id = $1");
    Ok(sqlx::query_as(&sql)
        .bind(id)
        .fetch_optional(&mut *c)
        .await?)
}

pub async fn by_code(c: &mut Conn, code: &str) -> Result<Option<SiteRow>> {
    let sql = format!("select {COLUMNS} from sites where code = $1");
    Ok(sqlx::query_as(&sql)
        .bind(code)
        .fetch_optional(&mut *c)
        .await?)
}

pub async fn list(c: &mut Conn) -> Result<Vec<SiteRow>> {
    let sql = format!("select {COLUMNS} from sites order by code");
    Ok(sqlx::query_as(&sql).fetch_all(&mut *c).await?)
}

/// People present at each site now: (site_id, count).
pub async fn present_counts(c: &mut Conn) -> Result<Vec<(i64, i64)>> {
    Ok(sqlx::query_as(
        "select site_id, count(*) from people where status = 'present' and site_id is not null group by site_id",
    )
    .fetch_all(&mut *c)
    .await?)
}
