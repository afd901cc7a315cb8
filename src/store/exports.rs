//! Exports: the registry read page by page for a file, and the requests for exports
//! with personal data (the two-person rule's paper trail).
//!
//! Pages are read by keyset (`person_id > after`) up to the highest id that existed
//! when the export began, so a file is one consistent list even while registrars keep
//! adding people, and no page needs more than its own rows in memory.

use sqlx::FromRow;

use super::{Conn, Result, StoreError};

/// Which people an export reads, resolved to ids.
#[derive(Debug, Clone, Default)]
pub struct Scope {
    pub site_id: Option<i64>,
    pub status: Option<String>,
    pub need: Option<String>,
    /// The highest person id included (the last one when the export began).
    pub max_id: i64,
}

/// A person's plain columns, with the codes of their site and household.
#[derive(Debug, Clone, FromRow)]
pub struct ExportRow {
    pub person_id: i64,
    pub code: String,
    pub external_id: Option<String>,
    pub site: Option<String>,
    pub status: String,
    pub sex: String,
    pub birth_year: Option<i64>,
    pub nationality: Option<String>,
    pub languages: String,
    pub protection: String,
    pub household: Option<String>,
    pub relationship: String,
}

/// A person's sealed columns, for the export with personal data.
#[derive(FromRow)]
pub struct SealedRow {
    pub person_id: i64,
    pub name_latin: Option<Vec<u8>>,
    pub name_original: Option<Vec<u8>>,
    pub birth_date: Option<Vec<u8>>,
    pub document: Option<Vec<u8>>,
    pub phone: Option<Vec<u8>>,
    pub notes: Option<Vec<u8>>,
}

enum Arg {
    Int(i64),
    Text(String),
}

/// The `where` clause of a scope, its arguments numbered from `$2` (`$1` is the cursor).
fn scope_sql(s: &Scope) -> (String, Vec<Arg>) {
    let mut sql = String::from(" where p.person_id > $1");
    let mut args = vec![Arg::Int(s.max_id)];
    sql.push_str(" and p.person_id <= $2");
    let mut push = |sql: &mut String, clause: &str, v: Arg| {
        args.push(v);
        sql.push_str(&clause.replace('?', &format!("${}", args.len() + 1)));
    };
    if let Some(id) = s.site_id {
        push(&mut sql, " and p.site_id = ?", Arg::Int(id));
    }
    if let Some(st) = &s.status {
        push(&mut sql, " and p.status = ?", Arg::Text(st.clone()));
    }
    if let Some(n) = &s.need {
        push(
            &mut sql,
            " and exists (select 1 from person_needs n where n.person_id = p.person_id and n.kind = ?)",
            Arg::Text(n.clone()),
        );
    }
    (sql, args)
}

/// Up to `limit` people of the scope after `after`, in id order.
pub async fn page(c: &mut Conn, s: &Scope, after: i64, limit: i64) -> Result<Vec<ExportRow>> {
    let (filter, args) = scope_sql(s);
    let sql = format!(
        "select p.person_id, p.code, p.external_id, s.code as site, p.status, p.sex, p.birth_year,
                p.nationality, p.languages, p.protection, h.code as household, p.relationship
         from people p
         left join sites s on s.site_id = p.site_id
         left join households h on h.household_id = p.household_id
         {filter} order by p.person_id limit ${}",
        args.len() + 2
    );
    let mut q = sqlx::query_as::<_, ExportRow>(&sql).bind(after);
    for a in args {
        q = match a {
            Arg::Int(i) => q.bind(i),
            Arg::Text(t) => q.bind(t),
        };
    }
    Ok(q.bind(limit).fetch_all(&mut *c).await?)
}

/// How many people the scope holds.
pub async fn count(c: &mut Conn, s: &Scope) -> Result<i64> {
    let (filter, args) = scope_sql(s);
    let sql = format!("select count(*) from people p {filter}");
    let mut q = sqlx::query_scalar::<_, i64>(&sql).bind(0_i64);
    for a in args {
        q = match a {
            Arg::Int(i) => q.bind(i),
            Arg::Text(t) => q.bind(t),
        };
    }
    Ok(q.fetch_one(&mut *c).await?)
}

/// The highest person id now (0 with nobody registered).
pub async fn max_person_id(c: &mut Conn) -> Result<i64> {
    let id: Option<i64> = sqlx::query_scalar("select max(person_id) from people")
        .fetch_one(&mut *c)
        .await?;
    Ok(id.unwrap_or(0))
}

/// The needs of the given people: (person id, kind, urgency), by person and kind.
pub async fn needs_of(c: &mut Conn, ids: &[i64]) -> Result<Vec<(i64, String, String)>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let sql = format!(
        "select person_id, kind, urgency from person_needs where person_id in ({})
         order by person_id, kind",
        super::placeholders(c, ids.len())
    );
    let mut q = sqlx::query_as(&sql).persistent(super::keep_prepared(ids.len(), usize::MAX));
    for id in ids {
        q = q.bind(*id);
    }
    Ok(q.fetch_all(&mut *c).await?)
}

/// The sealed columns of the given people, by id.
pub async fn sealed_of(c: &mut Conn, ids: &[i64]) -> Result<Vec<SealedRow>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let sql = format!(
        "select person_id, name_latin, name_original, birth_date, document, phone, notes
         from people where person_id in ({}) order by person_id",
        super::placeholders(c, ids.len())
    );
    let mut q = sqlx::query_as(&sql).persistent(super::keep_prepared(ids.len(), usize::MAX));
    for id in ids {
        q = q.bind(*id);
    }
    Ok(q.fetch_all(&mut *c).await?)
}

/// A request for an export with personal data, with the names of those involved.
#[derive(Debug, Clone, FromRow, serde::Serialize, utoipa::ToSchema)]
pub struct RequestRow {
    pub export_id: i64,
    pub requested_by: i64,
    pub requester: String,
    pub requested_at: i64,
    pub site: String,
    pub status_filter: String,
    pub need: String,
    pub recipient: String,
    pub purpose: String,
    /// As stored; an old `requested` or `approved` row may have expired since.
    pub state: String,
    pub decided_by: Option<i64>,
    pub decider: Option<String>,
    pub decided_at: Option<i64>,
    pub expires_at: i64,
    pub downloaded_at: Option<i64>,
    pub row_count: Option<i64>,
}

const REQUEST: &str = "select r.export_id, r.requested_by, u.username as requester, r.requested_at, r.site,
        r.status_filter, r.need, r.recipient, r.purpose, r.state, r.decided_by, d.username as decider,
        r.decided_at, r.expires_at, r.downloaded_at, r.row_count
     from export_requests r
     join users u on u.user_id = r.requested_by
     left join users d on d.user_id = r.decided_by";

/// What a new request holds.
pub struct NewRequest<'a> {
    pub requested_by: i64,
    pub site: &'a str,
    pub status_filter: &'a str,
    pub need: &'a str,
    pub recipient: &'a str,
    pub purpose: &'a str,
    pub expires_at: i64,
}

pub async fn insert(c: &mut Conn, r: &NewRequest<'_>, now: i64) -> Result<i64> {
    Ok(sqlx::query_scalar(
        "insert into export_requests (requested_by, requested_at, site, status_filter, need, recipient,
                                      purpose, state, expires_at)
         values ($1, $2, $3, $4, $5, $6, $7, 'requested', $8) returning export_id",
    )
    .bind(r.requested_by)
    .bind(now)
    .bind(r.site)
    .bind(r.status_filter)
    .bind(r.need)
    .bind(r.recipient)
    .bind(r.purpose)
    .bind(r.expires_at)
    .fetch_one(&mut *c)
    .await?)
}

pub async fn get(c: &mut Conn, id: i64) -> Result<Option<RequestRow>> {
    let sql = format!("{REQUEST} where r.export_id = $1");
    Ok(sqlx::query_as(&sql)
        .bind(id)
        .fetch_optional(&mut *c)
        .await?)
}

/// The most recent requests, newest first.
pub async fn list(c: &mut Conn, limit: i64) -> Result<Vec<RequestRow>> {
    let sql = format!("{REQUEST} order by r.export_id desc limit $1");
    Ok(sqlx::query_as(&sql).bind(limit).fetch_all(&mut *c).await?)
}

fn changed(rows: u64) -> Result<()> {
    if rows == 0 {
        Err(StoreError::NotFound)
    } else {
        Ok(())
    }
}

/// Records the decision on a request still waiting for one (`approved` with a new
/// deadline for the download, or `rejected`). Fails with `NotFound` if it is no longer
/// waiting, so two registrars deciding at once cannot both succeed.
pub async fn decide(
    c: &mut Conn,
    id: i64,
    state: &str,
    by: i64,
    now: i64,
    expires_at: i64,
) -> Result<()> {
    let n = sqlx::query(
        "update export_requests set state = $1, decided_by = $2, decided_at = $3, expires_at = $4
         where export_id = $5 and state = 'requested'",
    )
    .bind(state)
    .bind(by)
    .bind(now)
    .bind(expires_at)
    .bind(id)
    .execute(&mut *c)
    .await?
    .rows_affected();
    changed(n)
}

/// Records that a request in state `from` has run out of time.
pub async fn expire(c: &mut Conn, id: i64, from: &str) -> Result<()> {
    let n = sqlx::query(
        "update export_requests set state = 'expired' where export_id = $1 and state = $2",
    )
    .bind(id)
    .bind(from)
    .execute(&mut *c)
    .await?
    .rows_affected();
    changed(n)
}

/// Marks an approved request downloaded (once: only from `approved`).
pub async fn set_downloaded(c: &mut Conn, id: i64, now: i64, rows: i64) -> Result<()> {
    let n = sqlx::query(
        "update export_requests set state = 'downloaded', downloaded_at = $1, row_count = $2
         where export_id = $3 and state = 'approved'",
    )
    .bind(now)
    .bind(rows)
    .bind(id)
    .execute(&mut *c)
    .await?
    .rows_affected();
    changed(n)
}
