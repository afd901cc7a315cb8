//! Incidents, the acts done to their victims, the organisations alleged to be behind
//! them and the figures the record accepts (no personal data: victims who are in the
//! registry appear by id and public code only).

use sqlx::FromRow;

use super::incident_facts::Facts;
use super::{found, on_unique, Conn, Result};
use crate::domain::person::Choice;

#[derive(Debug, Clone, FromRow, serde::Serialize, utoipa::ToSchema)]
pub struct IncidentRow {
    pub incident_id: i64,
    pub title: String,
    /// One of the categories of domain.md (rocket_attack, medical_denial …).
    pub category: String,
    /// The start of the period `start_precision` names, epoch milliseconds UTC.
    pub started_at: i64,
    /// exact, day, month or year.
    pub start_precision: String,
    pub ended_at: Option<i64>,
    pub end_precision: Option<String>,
    pub site_id: Option<i64>,
    pub place: String,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    /// exact, near or region.
    pub geo_precision: String,
    pub description: String,
    /// What a documenter set: unverified or verified (corroboration is computed).
    pub verification: String,
    pub verification_by: Option<String>,
    pub verification_reason: String,
    pub verification_at: Option<i64>,
    pub created_at: i64,
    pub updated_at: i64,
    /// Derived, stored for the timeline (see `incident_facts`): the period it falls in
    /// (`2013-12`, or `2013` when only the year is known).
    pub period: String,
    /// Derived: unverified, corroborated (computed) or verified (by a documenter).
    pub status: String,
    /// Derived: the best reliability grade (A–F) among the sources of its claims.
    pub best_grade: Option<String>,
    /// Derived: the independent voices that support it.
    pub voices: i64,
    /// Derived: its claims that stand (not retracted).
    pub claim_count: i64,
    /// When it was retracted (it stays in the record, but no longer counts).
    pub retracted_at: Option<i64>,
    pub retracted_by: Option<String>,
    pub retraction_reason: String,
}

pub(crate) const COLUMNS: &str = "incident_id, title, category, started_at, start_precision, ended_at, end_precision, \
    site_id, place, lat, lon, geo_precision, description, verification, verification_by, verification_reason, \
    verification_at, created_at, updated_at, period, status, best_grade, voices, claim_count, retracted_at, \
    retracted_by, retraction_reason";

pub struct IncidentFields<'a> {
    pub title: &'a str,
    pub category: &'a str,
    pub started_at: i64,
    pub start_precision: &'a str,
    pub ended_at: Option<i64>,
    pub end_precision: Option<&'a str>,
    pub site_id: Option<i64>,
    pub place: &'a str,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub geo_precision: &'a str,
    pub description: &'a str,
}

/// Records an incident with the facts of one that has no claims yet (its period,
/// unverified, no grade), so that it needs no separate computation.
/// Inserts an incident with its stored facts, computed by the caller from the claims
/// it records in the same transaction (so there is no update after).
pub async fn insert(c: &mut Conn, f: &IncidentFields<'_>, facts: &Facts, now: i64) -> Result<i64> {
    Ok(sqlx::query_scalar(
        "insert into incidents (title, category, started_at, start_precision, ended_at, end_precision, site_id,
                                place, lat, lon, geo_precision, description, created_at, updated_at, period,
                                status, best_grade, voices, claim_count, derived_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13, $14, $15, $16, $17, $18, $13)
         returning incident_id",
    )
    .bind(f.title)
    .bind(f.category)
    .bind(f.started_at)
    .bind(f.start_precision)
    .bind(f.ended_at)
    .bind(f.end_precision)
    .bind(f.site_id)
    .bind(f.place)
    .bind(f.lat)
    .bind(f.lon)
    .bind(f.geo_precision)
    .bind(f.description)
    .bind(now)
    .bind(&facts.period)
    .bind(facts.status.as_str())
    .bind(&facts.best_grade)
    .bind(facts.voices)
    .bind(facts.claims)
    .fetch_one(&mut *c)
    .await?)
}

/// Changes what was recorded of an incident (not its verification, acts or claims).
pub async fn update(c: &mut Conn, id: i64, f: &IncidentFields<'_>, now: i64) -> Result<()> {
    let n = sqlx::query(
        "update incidents set title = $1, category = $2, started_at = $3, start_precision = $4, ended_at = $5,
           end_precision = $6, site_id = $7, place = $8, lat = $9, lon = $10, geo_precision = $11,
           description = $12, updated_at = $13
         where incident_id = $14",
    )
    .bind(f.title)
    .bind(f.category)
    .bind(f.started_at)
    .bind(f.start_precision)
    .bind(f.ended_at)
    .bind(f.end_precision)
    .bind(f.site_id)
    .bind(f.place)
    .bind(f.lat)
    .bind(f.lon)
    .bind(f.geo_precision)
    .bind(f.description)
    .bind(now)
    .bind(id)
    .execute(&mut *c)
    .await?
    .rows_affected();
    found(n)
}

/// Retracts an incident: who, when and why are kept beside it.
pub async fn retract(c: &mut Conn, id: i64, by: &str, reason: &str, now: i64) -> Result<()> {
    let n = sqlx::query(
        "update incidents set retracted_at = $1, retracted_by = $2, retraction_reason = $3, updated_at = $1
         where incident_id = $4 and retracted_at is null",
    )
    .bind(now)
    .bind(by)
    .bind(reason)
    .bind(id)
    .execute(&mut *c)
    .await?
    .rows_affected();
    found(n)
}

pub async fn get(c: &mut Conn, id: i64) -> Result<Option<IncidentRow>> {
    let sql = format!("select {COLUMNS} from incidents where incident_id = $1");
    Ok(sqlx::query_as(&sql)
        .bind(id)
        .fetch_optional(&mut *c)
        .await?)
}

/// Every incident that stands (not retracted), the latest first.
pub async fn list(c: &mut Conn) -> Result<Vec<IncidentRow>> {
    let sql = format!(
        "select {COLUMNS} from incidents where retracted_at is null
         order by started_at desc, incident_id desc"
    );
    Ok(sqlx::query_as(&sql).fetch_all(&mut *c).await?)
}

pub async fn set_verification(
    c: &mut Conn,
    id: i64,
    status: &str,
    by: &str,
    reason: &str,
    now: i64,
) -> Result<()> {
    let n = sqlx::query(
        "update incidents set verification = $1, verification_by = $2, verification_reason = $3,
         verification_at = $4, updated_at = $4 where incident_id = $5",
    )
    .bind(status)
    .bind(by)
    .bind(reason)
    .bind(now)
    .bind(id)
    .execute(&mut *c)
    .await?
    .rows_affected();
    found(n)
}

#[derive(Debug, Clone, FromRow, serde::Serialize, utoipa::ToSchema)]
pub struct ActRow {
    pub act_id: i64,
    pub incident_id: i64,
    /// killed, injured, detained, taken_hostage, denied_medical_care …
    pub act: String,
    pub person_id: Option<i64>,
    /// The victim's public code, when the victim is in the registry.
    pub person_code: Option<String>,
    /// The number of victims, when they are counted rather than named.
    pub victims: Option<i64>,
    pub sex: String,
    /// 0-4, 5-11, 12-17, 18-59, 60+ or unknown.
    pub age_band: String,
}

pub struct ActFields<'a> {
    pub act: &'a str,
    pub person_id: Option<i64>,
    pub victims: Option<i64>,
    pub sex: &'a str,
    pub age_band: &'a str,
}

pub async fn insert_act(
    c: &mut Conn,
    incident_id: i64,
    f: &ActFields<'_>,
    now: i64,
) -> Result<i64> {
    Ok(sqlx::query_scalar(
        "insert into incident_acts (incident_id, act, person_id, victims, sex, age_band, created_at)
         values ($1, $2, $3, $4, $5, $6, $7) returning act_id",
    )
    .bind(incident_id)
    .bind(f.act)
    .bind(f.person_id)
    .bind(f.victims)
    .bind(f.sex)
    .bind(f.age_band)
    .bind(now)
    .fetch_one(&mut *c)
    .await?)
}

pub async fn acts(c: &mut Conn, incident_id: i64) -> Result<Vec<ActRow>> {
    Ok(sqlx::query_as(
        "select a.act_id, a.incident_id, a.act, a.person_id, p.code as person_code, a.victims, a.sex, a.age_band
         from incident_acts a left join people p on p.person_id = a.person_id
         where a.incident_id = $1 order by a.act_id",
    )
    .bind(incident_id)
    .fetch_all(&mut *c)
    .await?)
}

#[derive(Debug, Clone, FromRow, serde::Serialize, utoipa::ToSchema)]
pub struct PerpetratorRow {
    pub organisation_id: i64,
    pub name: String,
    /// direct, command, complicity or failure_to_act.
    pub involvement: String,
}

pub async fn insert_perpetrator(
    c: &mut Conn,
    incident_id: i64,
    organisation_id: i64,
    involvement: &str,
    now: i64,
) -> Result<()> {
    sqlx::query(
        "insert into incident_perpetrators (incident_id, organisation_id, involvement, created_at)
         values ($1, $2, $3, $4)",
    )
    .bind(incident_id)
    .bind(organisation_id)
    .bind(involvement)
    .bind(now)
    .execute(&mut *c)
    .await
    .map_err(|e| on_unique(e, "this organisation on the incident"))?;
    Ok(())
}

pub async fn perpetrators(c: &mut Conn, incident_id: i64) -> Result<Vec<PerpetratorRow>> {
    Ok(sqlx::query_as(
        "select o.organisation_id, o.name, ip.involvement from incident_perpetrators ip
         join organisations o on o.organisation_id = ip.organisation_id
         where ip.incident_id = $1 order by o.name",
    )
    .bind(incident_id)
    .fetch_all(&mut *c)
    .await?)
}

#[derive(Debug, Clone, FromRow, serde::Serialize, utoipa::ToSchema)]
pub struct FigureRow {
    pub measure: String,
    pub value: i64,
    pub reason: String,
    pub set_by: String,
    pub set_at: i64,
}

/// Sets the accepted figure for one measure, replacing the one before.
pub async fn set_figure(
    c: &mut Conn,
    incident_id: i64,
    measure: &str,
    value: i64,
    reason: &str,
    by: &str,
    now: i64,
) -> Result<()> {
    sqlx::query("delete from incident_figures where incident_id = $1 and measure = $2")
        .bind(incident_id)
        .bind(measure)
        .execute(&mut *c)
        .await?;
    sqlx::query(
        "insert into incident_figures (incident_id, measure, value, reason, set_by, set_at)
         values ($1, $2, $3, $4, $5, $6)",
    )
    .bind(incident_id)
    .bind(measure)
    .bind(value)
    .bind(reason)
    .bind(by)
    .bind(now)
    .execute(&mut *c)
    .await?;
    Ok(())
}

pub async fn figures(c: &mut Conn, incident_id: i64) -> Result<Vec<FigureRow>> {
    Ok(sqlx::query_as(
        "select measure, value, reason, set_by, set_at from incident_figures where incident_id = $1
         order by measure",
    )
    .bind(incident_id)
    .fetch_all(&mut *c)
    .await?)
}

/// The incidents an organisation is alleged to be behind, the latest first.
pub async fn by_perpetrator(c: &mut Conn, organisation_id: i64) -> Result<Vec<IncidentRow>> {
    let sql = format!(
        "select {COLUMNS} from incidents where retracted_at is null and incident_id in
           (select incident_id from incident_perpetrators where organisation_id = $1)
         order by started_at desc, incident_id desc"
    );
    Ok(sqlx::query_as(&sql)
        .bind(organisation_id)
        .fetch_all(&mut *c)
        .await?)
}
