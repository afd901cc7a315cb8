//! Convoys, the people on them and their asset manifests (no personal data: people
//! appear by id and public code only).

use sqlx::FromRow;

use super::{on_unique, Conn, Result, StoreError};

#[derive(Debug, Clone, FromRow, serde::Serialize, utoipa::ToSchema)]
pub struct ConvoyRow {
    pub convoy_id: i64,
    pub seq: i64,
    pub origin_site_id: i64,
    pub destination_site_id: i64,
    /// Days as epoch milliseconds of midnight UTC.
    pub planned_on: Option<i64>,
    pub departed_on: Option<i64>,
    pub arrived_on: Option<i64>,
    /// planned, under_way, completed or blocked.
    pub status: String,
    /// Head counted leaving the origin (recorded at completion).
    pub left_count: Option<i64>,
    /// Head counted arriving (recorded at completion).
    pub arrived_count: Option<i64>,
    pub completed_at: Option<i64>,
    pub created_at: i64,
    pub updated_at: i64,
}

const COLUMNS: &str = "convoy_id, seq, origin_site_id, destination_site_id, planned_on, departed_on, \
                       arrived_on, status, left_count, arrived_count, completed_at, created_at, updated_at";

/// The columns a registrar sets on a convoy (sites resolved to ids).
pub struct ConvoyFields<'a> {
    pub seq: i64,
    pub origin_site_id: i64,
    pub destination_site_id: i64,
    pub planned_on: Option<i64>,
    pub departed_on: Option<i64>,
    pub arrived_on: Option<i64>,
    pub status: &'a str,
}

const SEQ_TAKEN: &str = "a convoy with this sequence number";

pub async fn insert(c: &mut Conn, f: &ConvoyFields<'_>, now: i64) -> Result<i64> {
    sqlx::query_scalar(
        "insert into convoys (seq, origin_site_id, destination_site_id, planned_on, departed_on, arrived_on,
                              status, created_at, updated_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $8) returning convoy_id",
    )
    .bind(f.seq)
    .bind(f.origin_site_id)
    .bind(f.destination_site_id)
    .bind(f.planned_on)
    .bind(f.departed_on)
    .bind(f.arrived_on)
    .bind(f.status)
    .bind(now)
    .fetch_one(&mut *c)
    .await
    .map_err(|e| on_unique(e, SEQ_TAKEN))
}

pub async fn update(c: &mut Conn, id: i64, f: &ConvoyFields<'_>, now: i64) -> Result<()> {
    let n = sqlx::query(
        "update convoys set seq = $1, origin_site_id = $2, destination_site_id = $3, planned_on = $4,
         departed_on = $5, arrived_on = $6, status = $7, updated_at = $8 where convoy_id = $9",
    )
    .bind(f.seq)
    .bind(f.origin_site_id)
    .bind(f.destination_site_id)
    .bind(f.planned_on)
    .bind(f.departed_on)
    .bind(f.arrived_on)
    .bind(f.status)
    .bind(now)
    .bind(id)
    .execute(&mut *c)
    .await
    .map_err(|e| on_unique(e, SEQ_TAKEN))?
    .rows_affected();
    found(n)
}

fn found(n: u64) -> Result<()> {
    if n == 0 {
        Err(StoreError::NotFound)
    } else {
        Ok(())
    }
}

/// Records a completed convoy: its dates and head counts.
pub async fn set_completed(
    c: &mut Conn,
    id: i64,
    departed_on: Option<i64>,
    arrived_on: i64,
    left: i64,
    arrived: i64,
    now: i64,
) -> Result<()> {
    let n = sqlx::query(
        "update convoys set status = 'completed', departed_on = $1, arrived_on = $2, left_count = $3,
         arrived_count = $4, completed_at = $5, updated_at = $5 where convoy_id = $6",
    )
    .bind(departed_on)
    .bind(arrived_on)
    .bind(left)
    .bind(arrived)
    .bind(now)
    .bind(id)
    .execute(&mut *c)
    .await?
    .rows_affected();
    found(n)
}

/// Corrects the arrival head count of a completed convoy.
pub async fn set_arrived_count(c: &mut Conn, id: i64, arrived: i64, now: i64) -> Result<()> {
    let n =
        sqlx::query("update convoys set arrived_count = $1, updated_at = $2 where convoy_id = $3")
            .bind(arrived)
            .bind(now)
            .bind(id)
            .execute(&mut *c)
            .await?
            .rows_affected();
    found(n)
}

pub async fn get(c: &mut Conn, id: i64) -> Result<Option<ConvoyRow>> {
    let sql = format!("select {COLUMNS} from convoys where convoy_id = $1");
    Ok(sqlx::query_as(&sql)
        .bind(id)
        .fetch_optional(&mut *c)
        .await?)
}

/// A convoy in the list: with the number of people on it and of manifest lines that
/// fall short of what was agreed.
#[derive(Debug, Clone, FromRow, serde::Serialize, utoipa::ToSchema)]
pub struct ConvoyListRow {
    #[sqlx(flatten)]
    #[serde(flatten)]
    pub convoy: ConvoyRow,
    pub people: i64,
    pub shortfalls: i64,
}

/// A line falls short when allowed or moved is below agreed (all known).
const SHORT: &str = "(m.agreed is not null and ((m.allowed is not null and m.allowed < m.agreed)
                      or (m.moved is not null and m.moved < m.agreed)))";

/// Every convoy, newest sequence number first.
pub async fn list(c: &mut Conn) -> Result<Vec<ConvoyListRow>> {
    let sql = format!(
        "select {COLUMNS},
           (select count(*) from convoy_people p where p.convoy_id = convoys.convoy_id) as people,
           (select count(*) from convoy_manifest m where m.convoy_id = convoys.convoy_id and {SHORT}) as shortfalls
         from convoys order by seq desc"
    );
    Ok(sqlx::query_as(&sql).fetch_all(&mut *c).await?)
}

/// A person on a convoy, as any reader of the record may see them.
#[derive(Debug, Clone, FromRow, serde::Serialize, utoipa::ToSchema)]
pub struct MemberRow {
    pub person_id: i64,
    pub code: String,
    pub household_id: Option<i64>,
    pub household_code: Option<String>,
    pub relationship: String,
    /// Where the person is now, and in what status.
    pub site_id: Option<i64>,
    pub status: String,
    /// listed (not yet completed), arrived or missing.
    pub outcome: String,
}

/// The people on a convoy, household by household.
pub async fn members(c: &mut Conn, convoy_id: i64) -> Result<Vec<MemberRow>> {
    Ok(sqlx::query_as(
        "select p.person_id, p.code, p.household_id, h.code as household_code, p.relationship, p.site_id,
                p.status, cp.outcome
         from convoy_people cp join people p on p.person_id = cp.person_id
         left join households h on h.household_id = p.household_id
         where cp.convoy_id = $1
         order by coalesce(p.household_id, 0), p.person_id",
    )
    .bind(convoy_id)
    .fetch_all(&mut *c)
    .await?)
}

/// Lists a person on a convoy; listing someone already on it changes nothing.
pub async fn add_member(c: &mut Conn, convoy_id: i64, person_id: i64, now: i64) -> Result<bool> {
    let n = sqlx::query(
        "insert into convoy_people (convoy_id, person_id, outcome, added_at) values ($1, $2, 'listed', $3)
         on conflict (convoy_id, person_id) do nothing",
    )
    .bind(convoy_id)
    .bind(person_id)
    .bind(now)
    .execute(&mut *c)
    .await?
    .rows_affected();
    Ok(n > 0)
}

pub async fn is_member(c: &mut Conn, convoy_id: i64, person_id: i64) -> Result<bool> {
    let n: i64 = sqlx::query_scalar(
        "select count(*) from convoy_people where convoy_id = $1 and person_id = $2",
    )
    .bind(convoy_id)
    .bind(person_id)
    .fetch_one(&mut *c)
    .await?;
    Ok(n > 0)
}

pub async fn remove_member(c: &mut Conn, convoy_id: i64, person_id: i64) -> Result<bool> {
    let n = sqlx::query("delete from convoy_people where convoy_id = $1 and person_id = $2")
        .bind(convoy_id)
        .bind(person_id)
        .execute(&mut *c)
        .await?
        .rows_affected();
    Ok(n > 0)
}

/// Sets what became of everyone on a convoy (at completion).
pub async fn set_outcome_all(c: &mut Conn, convoy_id: i64, outcome: &str) -> Result<()> {
    sqlx::query("update convoy_people set outcome = $1 where convoy_id = $2")
        .bind(outcome)
        .bind(convoy_id)
        .execute(&mut *c)
        .await?;
    Ok(())
}

/// Sets what became of one person on a convoy.
pub async fn set_outcome(
    c: &mut Conn,
    convoy_id: i64,
    person_id: i64,
    outcome: &str,
) -> Result<()> {
    let n = sqlx::query(
        "update convoy_people set outcome = $1 where convoy_id = $2 and person_id = $3",
    )
    .bind(outcome)
    .bind(convoy_id)
    .bind(person_id)
    .execute(&mut *c)
    .await?
    .rows_affected();
    found(n)
}

/// The sequence number of another convoy, not yet completed, that lists the person.
pub async fn open_convoy_of(c: &mut Conn, person_id: i64, except: i64) -> Result<Option<i64>> {
    Ok(sqlx::query_scalar(
        "select v.seq from convoy_people cp join convoys v on v.convoy_id = cp.convoy_id
         where cp.person_id = $1 and v.status <> 'completed' and v.convoy_id <> $2
         order by v.seq limit 1",
    )
    .bind(person_id)
    .bind(except)
    .fetch_optional(&mut *c)
    .await?)
}

#[derive(Debug, Clone, FromRow, serde::Serialize, utoipa::ToSchema)]
pub struct LineRow {
    pub line_id: i64,
    pub convoy_id: i64,
    pub item: String,
    pub unit: String,
    pub agreed: Option<i64>,
    pub allowed: Option<i64>,
    pub moved: Option<i64>,
    /// Where each figure comes from: a citation, never personal data.
    pub agreed_source: String,
    pub allowed_source: String,
    pub moved_source: String,
    pub created_at: i64,
    pub updated_at: i64,
}

const LINE_COLUMNS: &str =
    "line_id, convoy_id, item, unit, agreed, allowed, moved, agreed_source, \
                            allowed_source, moved_source, created_at, updated_at";

pub async fn lines(c: &mut Conn, convoy_id: i64) -> Result<Vec<LineRow>> {
    let sql =
        format!("select {LINE_COLUMNS} from convoy_manifest where convoy_id = $1 order by line_id");
    Ok(sqlx::query_as(&sql)
        .bind(convoy_id)
        .fetch_all(&mut *c)
        .await?)
}

pub async fn line(c: &mut Conn, line_id: i64) -> Result<Option<LineRow>> {
    let sql = format!("select {LINE_COLUMNS} from convoy_manifest where line_id = $1");
    Ok(sqlx::query_as(&sql)
        .bind(line_id)
        .fetch_optional(&mut *c)
        .await?)
}

/// A manifest line's values.
pub struct LineFields<'a> {
    pub item: &'a str,
    pub unit: &'a str,
    pub agreed: Option<i64>,
    pub allowed: Option<i64>,
    pub moved: Option<i64>,
    pub agreed_source: &'a str,
    pub allowed_source: &'a str,
    pub moved_source: &'a str,
}

pub async fn insert_line(
    c: &mut Conn,
    convoy_id: i64,
    l: &LineFields<'_>,
    now: i64,
) -> Result<i64> {
    Ok(sqlx::query_scalar(
        "insert into convoy_manifest (convoy_id, item, unit, agreed, allowed, moved, agreed_source,
                                      allowed_source, moved_source, created_at, updated_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10) returning line_id",
    )
    .bind(convoy_id)
    .bind(l.item)
    .bind(l.unit)
    .bind(l.agreed)
    .bind(l.allowed)
    .bind(l.moved)
    .bind(l.agreed_source)
    .bind(l.allowed_source)
    .bind(l.moved_source)
    .bind(now)
    .fetch_one(&mut *c)
    .await?)
}

pub async fn update_line(c: &mut Conn, line_id: i64, l: &LineFields<'_>, now: i64) -> Result<()> {
    let n = sqlx::query(
        "update convoy_manifest set item = $1, unit = $2, agreed = $3, allowed = $4, moved = $5,
         agreed_source = $6, allowed_source = $7, moved_source = $8, updated_at = $9 where line_id = $10",
    )
    .bind(l.item)
    .bind(l.unit)
    .bind(l.agreed)
    .bind(l.allowed)
    .bind(l.moved)
    .bind(l.agreed_source)
    .bind(l.allowed_source)
    .bind(l.moved_source)
    .bind(now)
    .bind(line_id)
    .execute(&mut *c)
    .await?
    .rows_affected();
    found(n)
}

pub async fn delete_line(c: &mut Conn, line_id: i64) -> Result<()> {
    let n = sqlx::query("delete from convoy_manifest where line_id = $1")
        .bind(line_id)
        .execute(&mut *c)
        .await?
        .rows_affected();
    found(n)
}
