//! The text of a source's document, one per source (see migration 0013).

use sqlx::FromRow;

use super::{Conn, Result};

#[derive(Debug, Clone, FromRow)]
pub struct SourceTextRow {
    pub source_id: i64,
    pub evidence_id: i64,
    pub format: String,
    pub body: String,
    pub imported_at: i64,
    pub imported_by: String,
}

/// Sets a source's text (a newer import replaces the one before).
pub async fn put(c: &mut Conn, t: &SourceTextRow) -> Result<()> {
    sqlx::query("delete from source_texts where source_id = $1")
        .bind(t.source_id)
        .execute(&mut *c)
        .await?;
    sqlx::query(
        "insert into source_texts (source_id, evidence_id, format, body, imported_at, imported_by)
         values ($1, $2, $3, $4, $5, $6)",
    )
    .bind(t.source_id)
    .bind(t.evidence_id)
    .bind(&t.format)
    .bind(&t.body)
    .bind(t.imported_at)
    .bind(&t.imported_by)
    .execute(&mut *c)
    .await?;
    Ok(())
}

pub async fn get(c: &mut Conn, source_id: i64) -> Result<Option<SourceTextRow>> {
    Ok(sqlx::query_as(
        "select source_id, evidence_id, format, body, imported_at, imported_by
         from source_texts where source_id = $1",
    )
    .bind(source_id)
    .fetch_optional(&mut *c)
    .await?)
}
