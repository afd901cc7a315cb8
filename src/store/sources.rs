//! Organisations with their aliases, sources and the claims they make (no personal
//! data: a claim about a person names them by id; pages show the public code).

use sqlx::FromRow;

use super::{on_unique, Conn, Result};

#[derive(Debug, Clone, FromRow, serde::Serialize, utoipa::ToSchema)]
pub struct OrganisationRow {
    pub organisation_id: i64,
    pub name: String,
    /// un_body, government, embassy, armed_group, ngo, media_outlet or residents.
    pub kind: String,
    pub created_at: i64,
    pub updated_at: i64,
}

#[derive(Debug, Clone, FromRow, serde::Serialize, utoipa::ToSchema)]
pub struct AliasRow {
    pub alias_id: i64,
    pub organisation_id: i64,
    pub alias: String,
}

pub async fn insert_organisation(c: &mut Conn, name: &str, kind: &str, now: i64) -> Result<i64> {
    Ok(sqlx::query_scalar(
        "insert into organisations (name, kind, created_at, updated_at) values ($1, $2, $3, $3)
         returning organisation_id",
    )
    .bind(name)
    .bind(kind)
    .bind(now)
    .fetch_one(&mut *c)
    .await?)
}

/// Adds a spelling of an organisation's name with its key; an alias it already has
/// changes nothing.
pub async fn add_alias(
    c: &mut Conn,
    organisation_id: i64,
    alias: &str,
    key: &str,
    now: i64,
) -> Result<bool> {
    let n = sqlx::query(
        "insert into organisation_aliases (organisation_id, alias, name_key, created_at)
         values ($1, $2, $3, $4) on conflict (organisation_id, alias) do nothing",
    )
    .bind(organisation_id)
    .bind(alias)
    .bind(key)
    .bind(now)
    .execute(&mut *c)
    .await?
    .rows_affected();
    Ok(n > 0)
}

pub async fn get_organisation(c: &mut Conn, id: i64) -> Result<Option<OrganisationRow>> {
    Ok(sqlx::query_as(
        "select organisation_id, name, kind, created_at, updated_at from organisations
         where organisation_id = $1",
    )
    .bind(id)
    .fetch_optional(&mut *c)
    .await?)
}

pub async fn list_organisations(c: &mut Conn) -> Result<Vec<OrganisationRow>> {
    Ok(sqlx::query_as(
        "select organisation_id, name, kind, created_at, updated_at from organisations
         order by lower(name), organisation_id",
    )
    .fetch_all(&mut *c)
    .await?)
}

pub async fn aliases(c: &mut Conn, organisation_id: Option<i64>) -> Result<Vec<AliasRow>> {
    Ok(sqlx::query_as(
        "select alias_id, organisation_id, alias from organisation_aliases
         where $1 is null or organisation_id = $1 order by organisation_id, alias_id",
    )
    .bind(organisation_id)
    .fetch_all(&mut *c)
    .await?)
}

/// The organisations one of whose names has this key (more than one means the name is
/// ambiguous).
pub async fn by_key(c: &mut Conn, key: &str) -> Result<Vec<i64>> {
    Ok(sqlx::query_scalar(
        "select distinct organisation_id from organisation_aliases where name_key = $1
         order by organisation_id",
    )
    .bind(key)
    .fetch_all(&mut *c)
    .await?)
}

#[derive(Debug, Clone, FromRow, serde::Serialize, utoipa::ToSchema)]
pub struct SourceRow {
    pub source_id: i64,
    /// article, statement, letter, report, testimony, photo or video.
    pub kind: String,
    pub title: String,
    pub publisher_id: Option<i64>,
    pub author: String,
    /// A day, as epoch milliseconds of midnight UTC.
    pub published_on: Option<i64>,
    pub language: String,
    pub url: String,
    /// independent, official or aligned.
    pub affiliation: String,
    pub aligned_with_id: Option<i64>,
    /// A (completely reliable) to F (cannot be judged).
    pub reliability: String,
    pub reliability_reason: String,
    pub created_at: i64,
    pub updated_at: i64,
    /// When it was retracted (its claims no longer count; it stays in the record).
    pub retracted_at: Option<i64>,
    pub retracted_by: Option<String>,
    pub retraction_reason: String,
}

const SOURCE_COLUMNS: &str =
    "source_id, kind, title, publisher_id, author, published_on, language, url, \
    affiliation, aligned_with_id, reliability, reliability_reason, created_at, updated_at, \
    retracted_at, retracted_by, retraction_reason";

pub struct SourceFields<'a> {
    pub kind: &'a str,
    pub title: &'a str,
    pub publisher_id: Option<i64>,
    pub author: &'a str,
    pub published_on: Option<i64>,
    pub language: &'a str,
    pub url: &'a str,
    pub affiliation: &'a str,
    pub aligned_with_id: Option<i64>,
    pub reliability: &'a str,
    pub reliability_reason: &'a str,
}

pub async fn insert_source(c: &mut Conn, f: &SourceFields<'_>, now: i64) -> Result<i64> {
    Ok(sqlx::query_scalar(
        "insert into sources (kind, title, publisher_id, author, published_on, language, url, affiliation,
                              aligned_with_id, reliability, reliability_reason, created_at, updated_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12) returning source_id",
    )
    .bind(f.kind)
    .bind(f.title)
    .bind(f.publisher_id)
    .bind(f.author)
    .bind(f.published_on)
    .bind(f.language)
    .bind(f.url)
    .bind(f.affiliation)
    .bind(f.aligned_with_id)
    .bind(f.reliability)
    .bind(f.reliability_reason)
    .bind(now)
    .fetch_one(&mut *c)
    .await?)
}

pub async fn get_source(c: &mut Conn, id: i64) -> Result<Option<SourceRow>> {
    let sql = format!("select {SOURCE_COLUMNS} from sources where source_id = $1");
    Ok(sqlx::query_as(&sql)
        .bind(id)
        .fetch_optional(&mut *c)
        .await?)
}

/// The sources with these ids (those that exist), in one statement.
pub async fn sources_by_ids(c: &mut Conn, ids: &[i64]) -> Result<Vec<SourceRow>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let sql = format!(
        "select {SOURCE_COLUMNS} from sources where source_id in ({})",
        super::placeholders(c, ids.len())
    );
    let mut q = sqlx::query_as(&sql).persistent(super::keep_prepared(ids.len(), usize::MAX));
    for id in ids {
        q = q.bind(*id);
    }
    Ok(q.fetch_all(&mut *c).await?)
}

pub async fn list_sources(c: &mut Conn) -> Result<Vec<SourceRow>> {
    let sql = format!(
        "select {SOURCE_COLUMNS} from sources order by coalesce(published_on, 0) desc, source_id desc"
    );
    Ok(sqlx::query_as(&sql).fetch_all(&mut *c).await?)
}

#[derive(Debug, Clone, FromRow, serde::Serialize, utoipa::ToSchema)]
pub struct ClaimRow {
    pub claim_id: i64,
    pub source_id: i64,
    pub incident_id: Option<i64>,
    pub person_id: Option<i64>,
    /// The public code of the person the claim is about.
    pub person_code: Option<String>,
    /// incident, figure or person.
    pub about: String,
    /// Where in the source: page, paragraph, time code.
    pub locator: String,
    pub statement: String,
    /// 1 (confirmed by other sources) to 6 (cannot be judged).
    pub credibility: i64,
    pub created_at: i64,
    /// When it was retracted (it no longer counts; it stays in the record).
    pub retracted_at: Option<i64>,
    pub retracted_by: Option<String>,
    pub retraction_reason: String,
}

pub struct ClaimFields<'a> {
    pub source_id: i64,
    pub incident_id: Option<i64>,
    pub person_id: Option<i64>,
    pub about: &'a str,
    pub locator: &'a str,
    pub statement: &'a str,
    pub credibility: i64,
}

pub async fn insert_claim(c: &mut Conn, f: &ClaimFields<'_>, now: i64) -> Result<i64> {
    Ok(sqlx::query_scalar(
        "insert into claims (source_id, incident_id, person_id, about, locator, statement, credibility, created_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8) returning claim_id",
    )
    .bind(f.source_id)
    .bind(f.incident_id)
    .bind(f.person_id)
    .bind(f.about)
    .bind(f.locator)
    .bind(f.statement)
    .bind(f.credibility)
    .bind(now)
    .fetch_one(&mut *c)
    .await?)
}

pub async fn insert_value(c: &mut Conn, claim_id: i64, measure: &str, value: i64) -> Result<()> {
    sqlx::query("insert into claim_values (claim_id, measure, value) values ($1, $2, $3)")
        .bind(claim_id)
        .bind(measure)
        .bind(value)
        .execute(&mut *c)
        .await
        .map_err(|e| on_unique(e, "this measure in the claim"))?;
    Ok(())
}

/// Inserts the figures of freshly inserted claims — `(claim, measure, value)` — in one
/// statement per few hundred.
pub async fn insert_values(c: &mut Conn, rows: &[(i64, &str, i64)]) -> Result<()> {
    for chunk in rows.chunks(super::rows_per_statement(3)) {
        let sql = format!(
            "insert into claim_values (claim_id, measure, value) values {}",
            super::values_list(c, chunk.len(), 3)
        );
        let mut q = sqlx::query(&sql).persistent(super::keep_prepared(
            chunk.len(),
            super::rows_per_statement(3),
        ));
        for (claim, measure, value) in chunk {
            q = q.bind(*claim).bind(*measure).bind(*value);
        }
        q.execute(&mut *c)
            .await
            .map_err(|e| on_unique(e, "this measure in the claim"))?;
    }
    Ok(())
}

const CLAIM_SELECT: &str =
    "select cl.claim_id, cl.source_id, cl.incident_id, cl.person_id, p.code as person_code,
       cl.about, cl.locator, cl.statement, cl.credibility, cl.created_at, cl.retracted_at,
       cl.retracted_by, cl.retraction_reason
     from claims cl left join people p on p.person_id = cl.person_id";

/// The claims about one incident, or of one source, in the order they were recorded.
pub async fn claims(
    c: &mut Conn,
    incident_id: Option<i64>,
    source_id: Option<i64>,
) -> Result<Vec<ClaimRow>> {
    // One statement per case, not `($1 is null or …)`: SQLite plans that as a scan of
    // every claim, which makes each claim recorded slower as the table grows.
    let (cond, args): (&str, Vec<i64>) = match (incident_id, source_id) {
        (Some(i), Some(s)) => (
            "where cl.incident_id = $1 and cl.source_id = $2",
            vec![i, s],
        ),
        (Some(i), None) => ("where cl.incident_id = $1", vec![i]),
        (None, Some(s)) => ("where cl.source_id = $1", vec![s]),
        (None, None) => ("", Vec::new()),
    };
    let sql = format!("{CLAIM_SELECT} {cond} order by cl.claim_id");
    let mut q = sqlx::query_as(&sql);
    for a in args {
        q = q.bind(a);
    }
    Ok(q.fetch_all(&mut *c).await?)
}

#[derive(Debug, Clone, FromRow, serde::Serialize, utoipa::ToSchema)]
pub struct ValueRow {
    pub claim_id: i64,
    /// What the figure counts: killed, injured …
    pub measure: String,
    pub value: i64,
}

/// The figures of the claims about one incident (or of every claim).
pub async fn values(c: &mut Conn, incident_id: Option<i64>) -> Result<Vec<ValueRow>> {
    // As in `claims`: an `or` would make SQLite read every claim.
    let q = match incident_id {
        Some(i) => sqlx::query_as(
            "select v.claim_id, v.measure, v.value from claim_values v join claims cl on cl.claim_id = v.claim_id
             where cl.incident_id = $1 order by v.claim_id, v.measure",
        )
        .bind(i),
        None => sqlx::query_as(
            "select v.claim_id, v.measure, v.value from claim_values v order by v.claim_id, v.measure",
        ),
    };
    Ok(q.fetch_all(&mut *c).await?)
}

/// The figures of the claims of one source.
pub async fn values_of_source(c: &mut Conn, source_id: i64) -> Result<Vec<ValueRow>> {
    Ok(sqlx::query_as(
        "select v.claim_id, v.measure, v.value from claim_values v join claims cl on cl.claim_id = v.claim_id
         where cl.source_id = $1 order by v.claim_id, v.measure",
    )
    .bind(source_id)
    .fetch_all(&mut *c)
    .await?)
}

/// The claims about the incidents with ids from `lo` to `hi` (a bulk pass).
pub async fn claims_between(c: &mut Conn, lo: i64, hi: i64) -> Result<Vec<ClaimRow>> {
    let sql = format!("{CLAIM_SELECT} where cl.incident_id between $1 and $2 order by cl.claim_id");
    Ok(sqlx::query_as(&sql)
        .bind(lo)
        .bind(hi)
        .fetch_all(&mut *c)
        .await?)
}

/// The figures of the claims about the incidents with ids from `lo` to `hi`.
pub async fn values_between(c: &mut Conn, lo: i64, hi: i64) -> Result<Vec<ValueRow>> {
    Ok(sqlx::query_as(
        "select v.claim_id, v.measure, v.value from claim_values v join claims cl on cl.claim_id = v.claim_id
         where cl.incident_id between $1 and $2 order by v.claim_id, v.measure",
    )
    .bind(lo)
    .bind(hi)
    .fetch_all(&mut *c)
    .await?)
}

/// Changes what was recorded of a source (its claims stay as they are).
pub async fn update_source(c: &mut Conn, id: i64, f: &SourceFields<'_>, now: i64) -> Result<()> {
    let n = sqlx::query(
        "update sources set kind = $1, title = $2, publisher_id = $3, author = $4, published_on = $5,
           language = $6, url = $7, affiliation = $8, aligned_with_id = $9, reliability = $10,
           reliability_reason = $11, updated_at = $12
         where source_id = $13",
    )
    .bind(f.kind)
    .bind(f.title)
    .bind(f.publisher_id)
    .bind(f.author)
    .bind(f.published_on)
    .bind(f.language)
    .bind(f.url)
    .bind(f.affiliation)
    .bind(f.aligned_with_id)
    .bind(f.reliability)
    .bind(f.reliability_reason)
    .bind(now)
    .bind(id)
    .execute(&mut *c)
    .await?
    .rows_affected();
    super::found(n)
}

/// Retracts a source or a claim (`table` is `sources` or `claims`): who, when and why
/// are kept beside it. Nothing already retracted is retracted again.
pub async fn retract(
    c: &mut Conn,
    what: Retractable,
    id: i64,
    by: &str,
    reason: &str,
    now: i64,
) -> Result<()> {
    let (table, key) = match what {
        Retractable::Source => ("sources", "source_id"),
        Retractable::Claim => ("claims", "claim_id"),
    };
    let sql = format!(
        "update {table} set retracted_at = $1, retracted_by = $2, retraction_reason = $3
         where {key} = $4 and retracted_at is null"
    );
    let n = sqlx::query(&sql)
        .bind(now)
        .bind(by)
        .bind(reason)
        .bind(id)
        .execute(&mut *c)
        .await?
        .rows_affected();
    super::found(n)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Retractable {
    Source,
    Claim,
}

pub async fn get_claim(c: &mut Conn, id: i64) -> Result<Option<ClaimRow>> {
    let sql = format!("{CLAIM_SELECT} where cl.claim_id = $1");
    Ok(sqlx::query_as(&sql)
        .bind(id)
        .fetch_optional(&mut *c)
        .await?)
}

/// Changes an organisation's name and kind (its aliases are kept).
pub async fn update_organisation(
    c: &mut Conn,
    id: i64,
    name: &str,
    kind: &str,
    now: i64,
) -> Result<()> {
    let n = sqlx::query(
        "update organisations set name = $1, kind = $2, updated_at = $3 where organisation_id = $4",
    )
    .bind(name)
    .bind(kind)
    .bind(now)
    .bind(id)
    .execute(&mut *c)
    .await?
    .rows_affected();
    super::found(n)
}

/// Removes one spelling of an organisation's name.
pub async fn remove_alias(c: &mut Conn, organisation_id: i64, alias: &str) -> Result<bool> {
    let n =
        sqlx::query("delete from organisation_aliases where organisation_id = $1 and alias = $2")
            .bind(organisation_id)
            .bind(alias)
            .execute(&mut *c)
            .await?
            .rows_affected();
    Ok(n > 0)
}
