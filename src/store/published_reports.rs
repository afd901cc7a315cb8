//! Published reports: frozen snapshots of a report as of a day, for observers. Rows
//! are inserted once and never edited, except that a withdrawal marks one (who, when,
//! why). No personal data: the content is the report as redacted for every role.

use sqlx::FromRow;

use super::{Conn, Result};

#[derive(Debug, Clone, FromRow, serde::Serialize, utoipa::ToSchema)]
pub struct PublishedRow {
    pub report_id: i64,
    /// Which report: `commitments` (the report "commitments and breaches").
    pub kind: String,
    /// The day judged, epoch ms of midnight UTC.
    pub as_of: i64,
    pub title: String,
    /// The language it was rendered in (en, fa, ar).
    pub lang: String,
    /// The rendered report, byte for byte as published (an HTML fragment); empty in
    /// lists.
    pub content: String,
    /// SHA-256 of `content`'s UTF-8 bytes, lower-case hex.
    pub sha256: String,
    pub published_by: String,
    pub published_at: i64,
    pub withdrawn_at: Option<i64>,
    pub withdrawn_by: Option<String>,
    pub withdrawal_reason: String,
}

const COLUMNS: &str = "report_id, kind, as_of, title, lang, content, sha256, published_by, \
    published_at, withdrawn_at, withdrawn_by, withdrawal_reason";

/// The columns of a new snapshot.
pub struct NewPublished<'a> {
    pub kind: &'a str,
    pub as_of: i64,
    pub title: &'a str,
    pub lang: &'a str,
    pub content: &'a str,
    pub sha256: &'a str,
    pub published_by: &'a str,
    pub published_at: i64,
}

pub async fn insert(c: &mut Conn, p: &NewPublished<'_>) -> Result<i64> {
    Ok(sqlx::query_scalar(
        "insert into published_reports (kind, as_of, title, lang, content, sha256,
            published_by, published_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8) returning report_id",
    )
    .bind(p.kind)
    .bind(p.as_of)
    .bind(p.title)
    .bind(p.lang)
    .bind(p.content)
    .bind(p.sha256)
    .bind(p.published_by)
    .bind(p.published_at)
    .fetch_one(&mut *c)
    .await?)
}

pub async fn get(c: &mut Conn, id: i64) -> Result<Option<PublishedRow>> {
    let sql = format!("select {COLUMNS} from published_reports where report_id = $1");
    Ok(sqlx::query_as(&sql)
        .bind(id)
        .fetch_optional(&mut *c)
        .await?)
}

/// Every published report, newest first (withdrawn ones included, marked).
pub async fn list(c: &mut Conn) -> Result<Vec<PublishedRow>> {
    let sql = format!(
        "select {COLUMNS} from published_reports order by published_at desc, report_id desc"
    );
    Ok(sqlx::query_as(&sql).fetch_all(&mut *c).await?)
}

/// Marks a report withdrawn; false when it does not exist or already is.
pub async fn withdraw(c: &mut Conn, id: i64, by: &str, reason: &str, at: i64) -> Result<bool> {
    let done = sqlx::query(
        "update published_reports set withdrawn_at = $1, withdrawn_by = $2,
            withdrawal_reason = $3
         where report_id = $4 and withdrawn_at is null",
    )
    .bind(at)
    .bind(by)
    .bind(reason)
    .bind(id)
    .execute(&mut *c)
    .await?;
    Ok(done.rows_affected() == 1)
}
