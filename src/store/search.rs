//! The search index: one row per source, claim and incident with its normalised words
//! and the fields the filters need. The one place where SQL differs between the
//! backends is [`matching`]: SQLite asks its FTS5 index and ranks by bm25, PostgreSQL
//! asks its GIN index of `to_tsvector('simple', body)` and ranks by `ts_rank`. Both
//! see the same words (vigil normalised and split them), so they find the same rows.

use sqlx::FromRow;

use super::{Conn, Result};
use crate::domain::search::Query;

pub struct Doc<'a> {
    pub doc_type: &'a str,
    pub doc_id: i64,
    pub parent_id: Option<i64>,
    pub title: &'a str,
    pub content: &'a str,
    pub body: &'a str,
    pub day: Option<i64>,
    pub site_id: Option<i64>,
    pub category: &'a str,
    pub grade: &'a str,
    pub language: &'a str,
}

/// Writes a document's row, replacing the one it had (delete then insert, so the
/// SQLite triggers keep FTS5 in step).
pub async fn put(c: &mut Conn, d: &Doc<'_>) -> Result<()> {
    sqlx::query("delete from search_docs where doc_type = $1 and doc_id = $2")
        .bind(d.doc_type)
        .bind(d.doc_id)
        .execute(&mut *c)
        .await?;
    sqlx::query(
        "insert into search_docs (doc_type, doc_id, parent_id, title, content, body, day, site_id, category, grade, language)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
    )
    .bind(d.doc_type)
    .bind(d.doc_id)
    .bind(d.parent_id)
    .bind(d.title)
    .bind(d.content)
    .bind(d.body)
    .bind(d.day)
    .bind(d.site_id)
    .bind(d.category)
    .bind(d.grade)
    .bind(d.language)
    .execute(&mut *c)
    .await?;
    Ok(())
}

/// Writes the rows of documents that have none yet (just recorded: their ids are
/// new), in one statement per few hundred; the SQLite trigger fills FTS5 row by row.
pub async fn insert_new(c: &mut Conn, docs: &[Doc<'_>]) -> Result<()> {
    for chunk in docs.chunks(super::rows_per_statement(11)) {
        let sql = format!(
            "insert into search_docs (doc_type, doc_id, parent_id, title, content, body, day, site_id, category,
             grade, language) values {}",
            super::values_list(c, chunk.len(), 11)
        );
        let mut q = sqlx::query(&sql);
        for d in chunk {
            q = q
                .bind(d.doc_type)
                .bind(d.doc_id)
                .bind(d.parent_id)
                .bind(d.title)
                .bind(d.content)
                .bind(d.body)
                .bind(d.day)
                .bind(d.site_id)
                .bind(d.category)
                .bind(d.grade)
                .bind(d.language);
        }
        q.execute(&mut *c).await?;
    }
    Ok(())
}

pub async fn count(c: &mut Conn) -> Result<i64> {
    Ok(sqlx::query_scalar("select count(*) from search_docs")
        .fetch_one(&mut *c)
        .await?)
}

#[derive(Debug, Clone, FromRow)]
pub struct HitRow {
    pub doc_type: String,
    pub doc_id: i64,
    pub parent_id: Option<i64>,
    pub title: String,
    pub content: String,
    pub day: Option<i64>,
    pub rank: f64,
}

/// The backend difference: the `from`, `where` and rank of a full-text match of
/// parameter `$1` (the words), and the value to bind for it.
fn matching(c: &Conn, words: &[String]) -> (&'static str, &'static str, &'static str, String) {
    if c.backend_name() == "SQLite" {
        // Each word quoted: FTS5 reads a quoted string as one phrase, never syntax.
        let q = words
            .iter()
            .map(|w| format!("\"{w}\""))
            .collect::<Vec<_>>()
            .join(" ");
        (
            "search_fts join search_docs d on d.search_id = search_fts.rowid",
            "search_fts match $1",
            // bm25 is lower for better matches.
            "-bm25(search_fts)",
            q,
        )
    } else {
        (
            "search_docs d",
            "to_tsvector('simple', d.body) @@ plainto_tsquery('simple', $1)",
            "ts_rank(to_tsvector('simple', d.body), plainto_tsquery('simple', $1))",
            words.join(" "),
        )
    }
}

/// The best `limit` documents with every word of `q`, within its filters; the best
/// first, ties by type and id so the order is stable.
pub async fn search(c: &mut Conn, q: &Query, limit: i64) -> Result<Vec<HitRow>> {
    let (from, cond, rank, words) = matching(c, &q.words);
    let mut sql = format!(
        "select d.doc_type, d.doc_id, d.parent_id, d.title, d.content, d.day, cast({rank} as double precision) as rank
         from {from} where {cond}"
    );
    let mut n = 1;
    let mut next = |sql: &mut String, clause: &str| {
        n += 1;
        sql.push_str(&clause.replace('?', &format!("${n}")));
    };
    if q.doc_type.is_some() {
        next(&mut sql, " and d.doc_type = ?");
    }
    if q.from.is_some() {
        next(&mut sql, " and d.day >= ?");
    }
    if q.to.is_some() {
        next(&mut sql, " and d.day <= ?");
    }
    if q.site_id.is_some() {
        next(&mut sql, " and d.site_id = ?");
    }
    if q.category.is_some() {
        next(&mut sql, " and d.category = ?");
    }
    if q.grade.is_some() {
        next(&mut sql, " and d.grade = ?");
    }
    if q.language.is_some() {
        next(&mut sql, " and d.language = ?");
    }
    next(
        &mut sql,
        " order by rank desc, d.doc_type, d.doc_id limit ?",
    );
    let mut query = sqlx::query_as::<_, HitRow>(&sql).bind(words);
    if let Some(t) = q.doc_type {
        query = query.bind(t);
    }
    if let Some(v) = q.from {
        query = query.bind(v);
    }
    if let Some(v) = q.to {
        query = query.bind(v);
    }
    if let Some(v) = q.site_id {
        query = query.bind(v);
    }
    if let Some(v) = &q.category {
        query = query.bind(v.clone());
    }
    if let Some(v) = &q.grade {
        query = query.bind(v.clone());
    }
    if let Some(v) = &q.language {
        query = query.bind(v.clone());
    }
    Ok(query.bind(limit).fetch_all(&mut *c).await?)
}

/// Takes a document out of the index (it was retracted).
pub async fn remove(c: &mut Conn, doc_type: &str, doc_id: i64) -> Result<()> {
    sqlx::query("delete from search_docs where doc_type = $1 and doc_id = $2")
        .bind(doc_type)
        .bind(doc_id)
        .execute(&mut *c)
        .await?;
    Ok(())
}
