//! The search index: one row per source, claim and incident with its normalised words
//! and the fields the filters need. The one place where SQL differs between the
//! backends is the query ([`search_window`]): SQLite asks its FTS5 index and ranks by
//! bm25, PostgreSQL asks the stored `body_tsv` (`to_tsvector('simple', body)`,
//! migration 0020; GIN index) and ranks by `ts_rank`. Both see the same words (vigil
//! normalised and split them) and rank the same window of newest matches, so they find
//! the same rows.

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
        let mut q = sqlx::query(&sql).persistent(super::keep_prepared(
            chunk.len(),
            super::rows_per_statement(11),
        ));
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

/// SQLite's full-text match of parameter `$1` (the words): the `from`, `where` and
/// score, the expression of the matching row's `search_id`, and the value to bind for
/// the words. `d` names `search_docs` wherever the filters may use it; it is joined
/// only when `filtered` (the FTS5 index alone knows the matches and their bm25).
/// (PostgreSQL's query is [`search_postgres`].)
struct Matching {
    from: &'static str,
    cond: &'static str,
    score: &'static str,
    id: &'static str,
    words: String,
}

fn matching(words: &[String], filtered: bool) -> Matching {
    Matching {
        from: if filtered {
            "search_fts join search_docs d on d.search_id = search_fts.rowid"
        } else {
            "search_fts"
        },
        cond: "search_fts match $1",
        // bm25 is lower for better matches.
        score: "-bm25(search_fts)",
        id: "search_fts.rowid",
        // Each word quoted: FTS5 reads a quoted string as one phrase, never syntax.
        words: words
            .iter()
            .map(|w| format!("\"{w}\""))
            .collect::<Vec<_>>()
            .join(" "),
    }
}

/// How many of the most recently indexed matches are ranked (see [`search`]).
pub const WINDOW: i64 = 5_000;

/// The filters' SQL on `d`, numbering parameters from `$first`.
fn filters(q: &Query, first: usize) -> String {
    let mut sql = String::new();
    let mut n = first;
    let mut add = |set: bool, clause: &str| {
        if set {
            sql.push_str(&clause.replace('?', &format!("${n}")));
            n += 1;
        }
    };
    add(q.doc_type.is_some(), " and d.doc_type = ?");
    add(q.from.is_some(), " and d.day >= ?");
    add(q.to.is_some(), " and d.day <= ?");
    add(q.site_id.is_some(), " and d.site_id = ?");
    add(q.category.is_some(), " and d.category = ?");
    add(q.grade.is_some(), " and d.grade = ?");
    add(q.language.is_some(), " and d.language = ?");
    sql
}

fn filter_count(q: &Query) -> usize {
    [
        q.doc_type.is_some(),
        q.from.is_some(),
        q.to.is_some(),
        q.site_id.is_some(),
        q.category.is_some(),
        q.grade.is_some(),
        q.language.is_some(),
    ]
    .iter()
    .filter(|b| **b)
    .count()
}

/// Binds the filters' values in the order [`filters`] numbers them.
macro_rules! bind_filters {
    ($query:expr, $q:expr) => {{
        let mut query = $query;
        if let Some(t) = $q.doc_type {
            query = query.bind(t);
        }
        if let Some(v) = $q.from {
            query = query.bind(v);
        }
        if let Some(v) = $q.to {
            query = query.bind(v);
        }
        if let Some(v) = $q.site_id {
            query = query.bind(v);
        }
        if let Some(v) = &$q.category {
            query = query.bind(v.clone());
        }
        if let Some(v) = &$q.grade {
            query = query.bind(v.clone());
        }
        if let Some(v) = &$q.language {
            query = query.bind(v.clone());
        }
        query
    }};
}

/// The best `limit` documents with every word of `q`, within its filters; the best
/// first, ties by type and id.
///
/// Ranking is the cost of a search: a word found in much of the index would have
/// every one of its matches scored (bm25 reads each match's length) before the best
/// fifty are known, a time that grows with the index. So only the [`WINDOW`] most
/// recently indexed matches (within the filters) are ranked: the first query finds
/// where they start by walking the matches newest first, with no scoring, and the
/// second ranks those alone. A search with fewer matches ranks them all, as before;
/// both backends cut at the same place, so they still find the same documents.
///
/// The ranking itself keeps only ids and scores; the best `limit` rows are then read
/// whole (title, text for the snippet), rather than every match's text being sorted.
pub async fn search(c: &mut Conn, q: &Query, limit: i64) -> Result<Ranked> {
    search_window(c, q, limit, WINDOW).await
}

/// The best rows of a search, and whether older matches were left unranked.
pub struct Ranked {
    pub rows: Vec<HitRow>,
    /// More than the window matched: the rows are the best of the newest matches.
    pub windowed: bool,
}

/// [`search`] with the window given (tests use small ones).
pub async fn search_window(c: &mut Conn, q: &Query, limit: i64, window: i64) -> Result<Ranked> {
    if c.backend_name() != "SQLite" {
        return search_postgres(c, q, limit, window).await;
    }
    let filtered = filter_count(q) > 0;
    let m = matching(&q.words, filtered);
    let f = filters(q, 2);
    let next = 2 + filter_count(q);
    // Where the newest `window` matches start (none: fewer matches, rank them all),
    // and whether any match is older still.
    let cut_sql = format!(
        "select {id} from {from} where {cond}{f} order by {id} desc limit 2 offset ${next}",
        id = m.id,
        from = m.from,
        cond = m.cond
    );
    let cuts: Vec<i64> = bind_filters!(
        sqlx::query_scalar::<_, i64>(&cut_sql).bind(m.words.clone()),
        q
    )
    .bind(window.max(1) - 1)
    .fetch_all(&mut *c)
    .await?;
    let cut = cuts.first().copied();
    let inner = format!(
        "select {id} as sid, {score} as score from {from} where {cond}{f} and {id} >= ${next}
         order by score desc, sid limit ${after}",
        id = m.id,
        score = m.score,
        from = m.from,
        cond = m.cond,
        after = next + 1
    );
    let sql = format!(
        "select o.doc_type, o.doc_id, o.parent_id, o.title, o.content, o.day, cast(h.score as double precision) as rank
         from ({inner}) h join search_docs o on o.search_id = h.sid
         order by h.score desc, o.doc_type, o.doc_id"
    );
    let rows = bind_filters!(sqlx::query_as::<_, HitRow>(&sql).bind(m.words), q)
        .bind(cut.unwrap_or(0))
        .bind(limit)
        .fetch_all(&mut *c)
        .await?;
    Ok(Ranked {
        rows,
        windowed: cuts.len() > 1,
    })
}

/// The same on PostgreSQL, in statements planned for their words: the newest
/// `window` matches (and one more, which says whether older ones were left out) are
/// found once, newest first, scored as they are found, and only those are ranked
/// (the one more, when there, is the oldest: left out).
///
/// Planned for its words (an unnamed statement, never a cached generic plan): a
/// generic plan cannot tell a word in half the index from a rare one and took the
/// GIN bitmap for every query, fetching every match — 4.1 s for a word in half of
/// 1,000,000 documents, where walking the key newest first stops after 10,000 rows
/// (48 ms); for a rare word the bitmap is the right plan. (`EXPLAIN ANALYZE`,
/// docs/evidence.md.) The walk is done once, not once to find where the window
/// starts and again to rank it. And it is done among the newest ids first, widening
/// the span until it holds a full window ([`widen`]).
async fn search_postgres(c: &mut Conn, q: &Query, limit: i64, window: i64) -> Result<Ranked> {
    let window = window.max(1);
    let top: i64 = sqlx::query_scalar("select coalesce(max(search_id), 0) from search_docs")
        .persistent(false)
        .fetch_one(&mut *c)
        .await?;
    // The newest ids first, widened until the window is full or nothing is left out:
    // see [`widen`]. A smaller index is searched whole at once.
    let mut span = if top < SPANS_FROM.saturating_mul(window + 1) {
        i64::MAX
    } else {
        FIRST_SPAN.saturating_mul(window + 1)
    };
    loop {
        let after = if span >= top { 0 } else { top - span };
        let (rows, matched) = postgres_step(c, q, limit, window, after).await?;
        if matched > window || after == 0 {
            return Ok(Ranked {
                rows,
                windowed: matched > window,
            });
        }
        span = widen(span, matched, window);
    }
}

/// The ids a PostgreSQL search first looks among, in windows: the newest
/// `FIRST_SPAN × (window + 1)` ids (10,002 for the window of 5,000).
const FIRST_SPAN: i64 = 2;

/// Spans are used from an index of `SPANS_FROM` windows (250,050 ids for the window
/// of 5,000) on. Below, a word that does not fill the first span mostly needs the
/// whole index anyway, and the first span only adds a walk: at 100,000 documents the
/// spans showed no gain (p99 310 ms over HTTP, 240 the engine's, at load 7–8, where
/// the single statement had 82 / 79 ms at load 4–5 — not the same load, so not a
/// measured loss either), so there the whole index is searched at once, as before.
const SPANS_FROM: i64 = 50;

/// The next span after one that held `matched` matches, fewer than a full window:
/// large enough, at the density seen, for the window and a quarter more (at least
/// twice as large). No match at all goes straight to the whole index (a rare word,
/// for which the whole index's bitmap is small).
///
/// Why spans: a word in 1–5 % of 1,000,000 documents has tens of thousands of
/// matches; finding its newest 5,001 either walked the key newest first (about
/// 135,000 rows for 3.7 %) or fetched every match through the GIN bitmap (34,000
/// table pages), 0.2–0.7 s either way. With `search_id > after`, PostgreSQL ands
/// the GIN bitmap with the key's range and fetches only the matches in the span:
/// about a window's worth. The result is the same: a span holding more than the
/// window holds the newest matches of all, and the last span is the whole index.
fn widen(span: i64, matched: i64, window: i64) -> i64 {
    if matched == 0 {
        return i64::MAX;
    }
    let want = span as f64 * 1.25 * (window + 1) as f64 / matched as f64;
    (want as i64).max(span.saturating_mul(2))
}

/// One span of [`search_postgres`]: the best rows among the newest `window` matches
/// with an id above `after` (0: the whole index), and how many matches the span held
/// (up to `window + 1`). Each match is scored as it is found and only ids and scores
/// are kept and sorted: carrying the vectors (about 560 bytes a row) to score them
/// afterwards spilled both the sort and the kept rows to disk (PostgreSQL's 4 MB
/// `work_mem`).
async fn postgres_step(
    c: &mut Conn,
    q: &Query,
    limit: i64,
    window: i64,
    after: i64,
) -> Result<(Vec<HitRow>, i64)> {
    use sqlx::{FromRow, Row};
    let f = filters(q, 3);
    let next = 3 + filter_count(q);
    let sql = format!(
        "with w as materialized (
           select d.search_id as sid, ts_rank(d.body_tsv, plainto_tsquery('simple', $1)) as score
           from search_docs d
           where d.body_tsv @@ plainto_tsquery('simple', $1) and d.search_id > $2{f}
           order by d.search_id desc limit ${next}),
         h as (
           select sid, score from w
           where (select count(*) from w) <= ${win} or sid > (select min(sid) from w)
           order by score desc, sid limit ${lim})
         select o.doc_type, o.doc_id, o.parent_id, o.title, o.content, o.day,
           cast(h.score as double precision) as rank, (select count(*) from w) as matched
         from h join search_docs o on o.search_id = h.sid
         order by h.score desc, o.doc_type, o.doc_id",
        win = next + 1,
        lim = next + 2
    );
    let found = bind_filters!(
        sqlx::query(&sql)
            .persistent(false)
            .bind(q.words.join(" "))
            .bind(after),
        q
    )
    .bind(window + 1)
    .bind(window)
    .bind(limit)
    .fetch_all(&mut *c)
    .await?;
    let mut matched = 0i64;
    let mut rows = Vec::with_capacity(found.len());
    for r in &found {
        matched = r.try_get("matched")?;
        rows.push(HitRow::from_row(r)?);
    }
    Ok((rows, matched))
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
