//! Earlier versions of documentation entries (incidents, sources, organisations): what
//! each said before a correction, as JSON, with who changed it and when. Written in the
//! transaction of the correction, never changed afterwards.

use sqlx::FromRow;

use super::{Conn, Result};

#[derive(Debug, Clone, FromRow, serde::Serialize, utoipa::ToSchema)]
pub struct RevisionRow {
    pub revision_id: i64,
    /// edit (what a correction replaced).
    pub action: String,
    /// The entry as it stood before, as JSON.
    pub before: String,
    pub revised_by: String,
    pub revised_at: i64,
}

pub async fn insert(
    c: &mut Conn,
    object_type: &str,
    object_id: i64,
    action: &str,
    before: &serde_json::Value,
    by: &str,
    now: i64,
) -> Result<()> {
    sqlx::query(
        "insert into revisions (object_type, object_id, action, before, revised_by, revised_at)
         values ($1, $2, $3, $4, $5, $6)",
    )
    .bind(object_type)
    .bind(object_id)
    .bind(action)
    .bind(before.to_string())
    .bind(by)
    .bind(now)
    .execute(&mut *c)
    .await?;
    Ok(())
}

/// An entry's earlier versions, the latest first.
pub async fn of(c: &mut Conn, object_type: &str, object_id: i64) -> Result<Vec<RevisionRow>> {
    Ok(sqlx::query_as(
        "select revision_id, action, before, revised_by, revised_at from revisions
         where object_type = $1 and object_id = $2 order by revision_id desc",
    )
    .bind(object_type)
    .bind(object_id)
    .fetch_all(&mut *c)
    .await?)
}
