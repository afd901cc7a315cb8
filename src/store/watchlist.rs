//! The watch list: names an admin keeps so that a registration under one of them is
//! flagged. Names and notes arrive sealed; `name_key` holds the blind-index tag of the
//! name's key (same purpose as people's name tags, so the two can be compared).
//! Removed entries stay, marked removed, because flags keep pointing at them.

use sqlx::FromRow;

use super::{Conn, Result};

#[derive(FromRow)]
pub struct WatchRow {
    pub watch_id: i64,
    pub name: Vec<u8>,
    pub name_key: String,
    pub category: String,
    pub note: Option<Vec<u8>>,
    pub created_at: i64,
    pub removed_at: Option<i64>,
}

const COLUMNS: &str = "watch_id, name, name_key, category, note, created_at, removed_at";

/// A watch-list entry to add, sealed already: its id is handed out first
/// (`store::next_id`), because the seal binds the row id.
pub struct NewWatch<'a> {
    pub id: i64,
    pub name: &'a [u8],
    pub name_key: &'a str,
    pub category: &'a str,
    pub note: Option<&'a [u8]>,
}

pub async fn insert(c: &mut Conn, w: &NewWatch<'_>, now: i64, by: i64) -> Result<()> {
    sqlx::query(
        "insert into watchlist (watch_id, name, name_key, category, note, created_at, created_by)
         values ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(w.id)
    .bind(w.name)
    .bind(w.name_key)
    .bind(w.category)
    .bind(w.note)
    .bind(now)
    .bind(by)
    .execute(&mut *c)
    .await?;
    Ok(())
}

pub async fn get(c: &mut Conn, id: i64) -> Result<Option<WatchRow>> {
    let sql = format!("select {COLUMNS} from watchlist where watch_id = $1");
    Ok(sqlx::query_as(&sql)
        .bind(id)
        .fetch_optional(&mut *c)
        .await?)
}

/// Every entry, newest first; removed ones only when asked.
pub async fn list(c: &mut Conn, with_removed: bool) -> Result<Vec<WatchRow>> {
    let sql = format!(
        "select {COLUMNS} from watchlist {} order by watch_id desc",
        if with_removed {
            ""
        } else {
            "where removed_at is null"
        }
    );
    Ok(sqlx::query_as(&sql).fetch_all(&mut *c).await?)
}

/// Active entries whose name tag is one of `tags`: (id, category, name tag).
pub async fn matching_many(c: &mut Conn, tags: &[&str]) -> Result<Vec<(i64, String, String)>> {
    let mut out = Vec::new();
    for chunk in tags.chunks(super::rows_per_statement(1)) {
        let sql = format!(
            "select watch_id, category, name_key from watchlist
             where removed_at is null and name_key in ({}) order by watch_id",
            super::placeholders(c, chunk.len())
        );
        let mut q = sqlx::query_as(&sql).persistent(super::keep_prepared(
            chunk.len(),
            super::rows_per_statement(1),
        ));
        for t in chunk {
            q = q.bind(*t);
        }
        let rows: Vec<(i64, String, String)> = q.fetch_all(&mut *c).await?;
        out.extend(rows);
    }
    Ok(out)
}

/// Marks an entry removed; false if it was not there or already removed.
pub async fn remove(c: &mut Conn, id: i64, now: i64, by: i64) -> Result<bool> {
    let n = sqlx::query(
        "update watchlist set removed_at = $1, removed_by = $2 where watch_id = $3 and removed_at is null",
    )
    .bind(now)
    .bind(by)
    .bind(id)
    .execute(&mut *c)
    .await?
    .rows_affected();
    Ok(n > 0)
}

/// Flags raised per entry: (watch id, all flags, open flags).
pub async fn hit_counts(c: &mut Conn) -> Result<Vec<(i64, i64, i64)>> {
    Ok(sqlx::query_as(
        "select watch_id, count(*), sum(case when status = 'open' then 1 else 0 end)
         from match_flags where watch_id is not null group by watch_id",
    )
    .fetch_all(&mut *c)
    .await?)
}
