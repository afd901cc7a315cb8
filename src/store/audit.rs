//! Persistence of the audit trail: appending chained entries inside the caller's
//! transaction, browsing, scanning for verification, and checkpoints.

use sqlx::FromRow;

use super::{Conn, Result};
use crate::audit::{Checkpoint, Entry, NewEntry};

#[derive(FromRow)]
struct Row {
    seq: i64,
    at: i64,
    actor_id: i64,
    actor: String,
    action: String,
    object_type: String,
    object_id: String,
    summary: String,
    details_mac: String,
    prev_hash: String,
    hash: String,
}

impl From<Row> for Entry {
    fn from(r: Row) -> Self {
        Entry {
            seq: r.seq,
            at: r.at,
            actor_id: r.actor_id,
            actor: r.actor,
            action: r.action,
            object_type: r.object_type,
            object_id: r.object_id,
            summary: r.summary,
            details_mac: r.details_mac,
            prev_hash: r.prev_hash,
            hash: r.hash,
        }
    }
}

const COLUMNS: &str =
    "seq, at, actor_id, actor, action, object_type, object_id, summary, details_mac, prev_hash, hash";

/// The recorded head of the trail: the last entry's seq and hash.
pub async fn head(c: &mut Conn) -> Result<(i64, String)> {
    Ok(
        sqlx::query_as("select seq, hash from audit_head where id = 1")
            .fetch_one(&mut *c)
            .await?,
    )
}

/// Appends an entry. Must run inside a transaction from `Store::write`, which holds
/// the head row, so no other writer can chain in between.
pub async fn append(c: &mut Conn, new: NewEntry) -> Result<Entry> {
    append_many(c, vec![new])
        .await?
        .pop()
        .ok_or_else(|| super::StoreError::Corrupt("no audit entry was written".into()))
}

/// Appends entries in order, chained in memory, with one multi-row statement per few
/// hundred entries and one update of the head. Same contract as [`append`].
pub async fn append_many(c: &mut Conn, new: Vec<NewEntry>) -> Result<Vec<Entry>> {
    let (mut seq, mut hash) = head(c).await?;
    let mut chained = Vec::with_capacity(new.len());
    for n in new {
        let e = n.chain(seq, &hash);
        seq = e.seq;
        hash.clone_from(&e.hash);
        chained.push(e);
    }
    for chunk in chained.chunks(super::rows_per_statement(11)) {
        let sql = format!(
            "insert into audit_log ({COLUMNS}) values {}",
            super::values_list(c, chunk.len(), 11)
        );
        let mut q = sqlx::query(&sql).persistent(super::keep_prepared(
            chunk.len(),
            super::rows_per_statement(11),
        ));
        for e in chunk {
            q = q
                .bind(e.seq)
                .bind(e.at)
                .bind(e.actor_id)
                .bind(&e.actor)
                .bind(&e.action)
                .bind(&e.object_type)
                .bind(&e.object_id)
                .bind(&e.summary)
                .bind(&e.details_mac)
                .bind(&e.prev_hash)
                .bind(&e.hash);
        }
        q.execute(&mut *c).await?;
    }
    sqlx::query("update audit_head set seq = $1, hash = $2 where id = 1")
        .bind(seq)
        .bind(&hash)
        .execute(&mut *c)
        .await?;
    Ok(chained)
}

/// Filters for browsing the trail; every field is optional.
#[derive(Debug, Clone, Default, serde::Deserialize, utoipa::IntoParams)]
pub struct Filter {
    /// Account name of the actor.
    pub actor: Option<String>,
    /// Action, or a prefix ending in `.` (`user.` for every account action).
    pub action: Option<String>,
    pub object_type: Option<String>,
    pub object_id: Option<String>,
    /// Keyset cursor: only entries with a smaller seq (newest first).
    pub before: Option<i64>,
}

/// A page of entries, newest first.
pub async fn page(c: &mut Conn, f: &Filter, limit: i64) -> Result<Vec<Entry>> {
    let mut sql = format!("select {COLUMNS} from audit_log where 1 = 1");
    let mut args: Vec<String> = Vec::new();
    let mut n = 0;
    let mut arg = |sql: &mut String, clause: &str, v: String| {
        n += 1;
        sql.push_str(&clause.replace('?', &format!("${n}")));
        args.push(v);
    };
    if let Some(a) = f.actor.as_deref().filter(|s| !s.is_empty()) {
        arg(&mut sql, " and actor = ?", a.to_string());
    }
    if let Some(a) = f.action.as_deref().filter(|s| !s.is_empty()) {
        if let Some(prefix) = a.strip_suffix('.') {
            arg(
                &mut sql,
                " and action like ?",
                format!("{}.%", escape_like(prefix)),
            );
        } else {
            arg(&mut sql, " and action = ?", a.to_string());
        }
    }
    if let Some(t) = f.object_type.as_deref().filter(|s| !s.is_empty()) {
        arg(&mut sql, " and object_type = ?", t.to_string());
    }
    if let Some(o) = f.object_id.as_deref().filter(|s| !s.is_empty()) {
        arg(&mut sql, " and object_id = ?", o.to_string());
    }
    let before_n = n + 1;
    let limit_n = n + 2;
    sql.push_str(&format!(
        " and seq < ${before_n} order by seq desc limit ${limit_n}"
    ));
    let mut q = sqlx::query_as::<_, Row>(&sql);
    for a in args {
        q = q.bind(a);
    }
    let rows = q
        .bind(f.before.unwrap_or(i64::MAX))
        .bind(limit)
        .fetch_all(&mut *c)
        .await?;
    Ok(rows.into_iter().map(Entry::from).collect())
}

fn escape_like(s: &str) -> String {
    s.replace(['%', '_'], "")
}

/// Entries with `seq > after`, in storage order by seq, at most `limit`.
pub async fn scan(c: &mut Conn, after: i64, limit: i64) -> Result<Vec<Entry>> {
    let sql = format!("select {COLUMNS} from audit_log where seq > $1 order by seq limit $2");
    let rows: Vec<Row> = sqlx::query_as(&sql)
        .bind(after)
        .bind(limit)
        .fetch_all(&mut *c)
        .await?;
    Ok(rows.into_iter().map(Entry::from).collect())
}

pub async fn insert_checkpoint(c: &mut Conn, cp: &Checkpoint) -> Result<()> {
    sqlx::query(
        "insert into audit_checkpoints (seq, hash, at, key, sig) values ($1, $2, $3, $4, $5)",
    )
    .bind(cp.seq)
    .bind(&cp.hash)
    .bind(cp.at)
    .bind(&cp.key)
    .bind(&cp.sig)
    .execute(&mut *c)
    .await?;
    Ok(())
}

pub async fn checkpoints(c: &mut Conn) -> Result<Vec<Checkpoint>> {
    let rows: Vec<(i64, String, i64, String, String)> =
        sqlx::query_as("select seq, hash, at, key, sig from audit_checkpoints order by seq")
            .fetch_all(&mut *c)
            .await?;
    Ok(rows
        .into_iter()
        .map(|(seq, hash, at, key, sig)| Checkpoint {
            seq,
            hash,
            at,
            key,
            sig,
        })
        .collect())
}

pub async fn last_checkpoint(c: &mut Conn) -> Result<Option<(i64, i64)>> {
    Ok(
        sqlx::query_as("select seq, at from audit_checkpoints order by seq desc limit 1")
            .fetch_optional(&mut *c)
            .await?,
    )
}
