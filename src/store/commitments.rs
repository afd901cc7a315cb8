//! Agreements with their parties, signatories and sources; commitments with their
//! terms; observations; and the evidence a commitment is judged by (manifest lines of
//! its convoy, incidents of its category at its site). No personal data.

use sqlx::FromRow;

use super::{Conn, Result};

#[derive(Debug, Clone, FromRow, serde::Serialize, utoipa::ToSchema)]
pub struct AgreementRow {
    pub agreement_id: i64,
    pub title: String,
    /// memorandum, letter, statement, pledge or understanding.
    pub kind: String,
    /// The day it was made, epoch milliseconds of midnight UTC.
    pub made_on: i64,
    pub summary: String,
    pub created_at: i64,
    pub updated_at: i64,
}

const AGREEMENT: &str = "agreement_id, title, kind, made_on, summary, created_at, updated_at";

pub async fn insert_agreement(
    c: &mut Conn,
    title: &str,
    kind: &str,
    made_on: i64,
    summary: &str,
    now: i64,
) -> Result<i64> {
    Ok(sqlx::query_scalar(
        "insert into agreements (title, kind, made_on, summary, created_at, updated_at)
         values ($1, $2, $3, $4, $5, $5) returning agreement_id",
    )
    .bind(title)
    .bind(kind)
    .bind(made_on)
    .bind(summary)
    .bind(now)
    .fetch_one(&mut *c)
    .await?)
}

pub async fn add_party(c: &mut Conn, agreement_id: i64, organisation_id: i64) -> Result<()> {
    sqlx::query(
        "insert into agreement_parties (agreement_id, organisation_id) values ($1, $2)
         on conflict (agreement_id, organisation_id) do nothing",
    )
    .bind(agreement_id)
    .bind(organisation_id)
    .execute(&mut *c)
    .await?;
    Ok(())
}

pub async fn add_signatory(
    c: &mut Conn,
    agreement_id: i64,
    name: &str,
    organisation_id: Option<i64>,
    now: i64,
) -> Result<i64> {
    Ok(sqlx::query_scalar(
        "insert into agreement_signatories (agreement_id, name, organisation_id, created_at)
         values ($1, $2, $3, $4) returning signatory_id",
    )
    .bind(agreement_id)
    .bind(name)
    .bind(organisation_id)
    .bind(now)
    .fetch_one(&mut *c)
    .await?)
}

pub async fn add_source(
    c: &mut Conn,
    agreement_id: i64,
    source_id: i64,
    locator: &str,
) -> Result<()> {
    sqlx::query(
        "insert into agreement_sources (agreement_id, source_id, locator) values ($1, $2, $3)
         on conflict (agreement_id, source_id) do nothing",
    )
    .bind(agreement_id)
    .bind(source_id)
    .bind(locator)
    .execute(&mut *c)
    .await?;
    Ok(())
}

pub async fn get_agreement(c: &mut Conn, id: i64) -> Result<Option<AgreementRow>> {
    let sql = format!("select {AGREEMENT} from agreements where agreement_id = $1");
    Ok(sqlx::query_as(&sql)
        .bind(id)
        .fetch_optional(&mut *c)
        .await?)
}

pub async fn list_agreements(c: &mut Conn) -> Result<Vec<AgreementRow>> {
    let sql = format!("select {AGREEMENT} from agreements order by made_on, agreement_id");
    Ok(sqlx::query_as(&sql).fetch_all(&mut *c).await?)
}

/// The parties of one agreement (or of all), as (agreement id, organisation id).
pub async fn parties(c: &mut Conn, agreement_id: Option<i64>) -> Result<Vec<(i64, i64)>> {
    Ok(sqlx::query_as(
        "select agreement_id, organisation_id from agreement_parties
         where $1 is null or agreement_id = $1 order by agreement_id, organisation_id",
    )
    .bind(agreement_id)
    .fetch_all(&mut *c)
    .await?)
}

#[derive(Debug, Clone, FromRow, serde::Serialize, utoipa::ToSchema)]
pub struct SignatoryRow {
    pub signatory_id: i64,
    pub agreement_id: i64,
    pub name: String,
    pub organisation_id: Option<i64>,
}

pub async fn signatories(c: &mut Conn, agreement_id: i64) -> Result<Vec<SignatoryRow>> {
    Ok(sqlx::query_as(
        "select signatory_id, agreement_id, name, organisation_id from agreement_signatories
         where agreement_id = $1 order by signatory_id",
    )
    .bind(agreement_id)
    .fetch_all(&mut *c)
    .await?)
}

#[derive(Debug, Clone, FromRow, serde::Serialize, utoipa::ToSchema)]
pub struct AgreementSourceRow {
    pub source_id: i64,
    pub locator: String,
}

pub async fn sources(c: &mut Conn, agreement_id: i64) -> Result<Vec<AgreementSourceRow>> {
    Ok(sqlx::query_as(
        "select source_id, locator from agreement_sources where agreement_id = $1
         order by source_id",
    )
    .bind(agreement_id)
    .fetch_all(&mut *c)
    .await?)
}

#[derive(Debug, Clone, FromRow, serde::Serialize, utoipa::ToSchema)]
pub struct CommitmentRow {
    pub commitment_id: i64,
    pub agreement_id: i64,
    pub statement: String,
    pub owed_by_id: i64,
    pub owed_to_id: Option<i64>,
    pub site_id: Option<i64>,
    pub convoy_id: Option<i64>,
    /// Days, epoch milliseconds of midnight UTC; `in_force_until` excluded.
    pub in_force_from: i64,
    pub in_force_until: Option<i64>,
    /// deadline, quantity, presence, frequency, prohibition or access.
    pub term: String,
    pub due_on: Option<i64>,
    pub item: String,
    pub quantity: Option<i64>,
    pub per_residents: Option<i64>,
    pub share_permille: Option<i64>,
    pub visits: Option<i64>,
    pub period_days: Option<i64>,
    pub category: Option<String>,
    pub created_at: i64,
}

const COMMITMENT: &str =
    "commitment_id, agreement_id, statement, owed_by_id, owed_to_id, site_id, \
    convoy_id, in_force_from, in_force_until, term, due_on, item, quantity, per_residents, \
    share_permille, visits, period_days, category, created_at";

/// The columns of one commitment, its term spread over the columns its kind uses.
pub struct CommitmentFields<'a> {
    pub agreement_id: i64,
    pub statement: &'a str,
    pub owed_by_id: i64,
    pub owed_to_id: Option<i64>,
    pub site_id: Option<i64>,
    pub convoy_id: Option<i64>,
    pub from: i64,
    pub until: Option<i64>,
    pub term: &'a crate::domain::commitment::Term,
}

pub async fn insert_commitment(c: &mut Conn, f: &CommitmentFields<'_>, now: i64) -> Result<i64> {
    use crate::domain::commitment::Term;
    use crate::domain::person::Choice;
    let (mut due, mut item, mut qty, mut per) = (None, "", None, None);
    let (mut share, mut visits, mut period, mut category) = (None, None, None, None);
    match f.term {
        Term::Deadline { due: d } => due = Some(*d),
        Term::Quantity {
            item: i,
            at_least,
            per_residents,
        } => {
            item = i.as_str();
            qty = Some(*at_least);
            per = *per_residents;
        }
        Term::Presence { share_permille } => share = Some(*share_permille),
        Term::Frequency {
            visits: v,
            period_days,
        } => {
            visits = Some(*v);
            period = Some(*period_days);
        }
        Term::Prohibition { category: k } | Term::Access { category: k } => {
            category = Some(k.as_str());
        }
    }
    Ok(sqlx::query_scalar(
        "insert into commitments (agreement_id, statement, owed_by_id, owed_to_id, site_id, convoy_id,
            in_force_from, in_force_until, term, due_on, item, quantity, per_residents, share_permille,
            visits, period_days, category, created_at, updated_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $18)
         returning commitment_id",
    )
    .bind(f.agreement_id)
    .bind(f.statement)
    .bind(f.owed_by_id)
    .bind(f.owed_to_id)
    .bind(f.site_id)
    .bind(f.convoy_id)
    .bind(f.from)
    .bind(f.until)
    .bind(f.term.kind())
    .bind(due)
    .bind(item)
    .bind(qty)
    .bind(per)
    .bind(share)
    .bind(visits)
    .bind(period)
    .bind(category)
    .bind(now)
    .fetch_one(&mut *c)
    .await?)
}

pub async fn get_commitment(c: &mut Conn, id: i64) -> Result<Option<CommitmentRow>> {
    let sql = format!("select {COMMITMENT} from commitments where commitment_id = $1");
    Ok(sqlx::query_as(&sql)
        .bind(id)
        .fetch_optional(&mut *c)
        .await?)
}

/// Commitments of one agreement, or all of them.
pub async fn commitments(c: &mut Conn, agreement_id: Option<i64>) -> Result<Vec<CommitmentRow>> {
    let sql = format!(
        "select {COMMITMENT} from commitments where $1 is null or agreement_id = $1
         order by agreement_id, commitment_id"
    );
    Ok(sqlx::query_as(&sql)
        .bind(agreement_id)
        .fetch_all(&mut *c)
        .await?)
}

#[derive(Debug, Clone, FromRow, serde::Serialize, utoipa::ToSchema)]
pub struct ObservationRow {
    pub observation_id: i64,
    pub commitment_id: i64,
    pub observed_on: i64,
    /// fulfilled, partly, not_fulfilled or statement.
    pub outcome: String,
    pub share_permille: Option<i64>,
    pub source_id: i64,
    pub locator: String,
    pub note: String,
    /// For a quantity term: how many of the item the source counted that day.
    pub counted: Option<i64>,
    pub created_at: i64,
}

#[allow(clippy::too_many_arguments)]
pub async fn insert_observation(
    c: &mut Conn,
    commitment_id: i64,
    observed_on: i64,
    outcome: &str,
    share: Option<i64>,
    counted: Option<i64>,
    source_id: i64,
    locator: &str,
    note: &str,
    now: i64,
) -> Result<i64> {
    Ok(sqlx::query_scalar(
        "insert into commitment_observations (commitment_id, observed_on, outcome, share_permille,
            source_id, locator, note, created_at, counted)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning observation_id",
    )
    .bind(commitment_id)
    .bind(observed_on)
    .bind(outcome)
    .bind(share)
    .bind(source_id)
    .bind(locator)
    .bind(note)
    .bind(now)
    .bind(counted)
    .fetch_one(&mut *c)
    .await?)
}

pub async fn observations(c: &mut Conn, commitment_id: i64) -> Result<Vec<ObservationRow>> {
    Ok(sqlx::query_as(
        "select observation_id, commitment_id, observed_on, outcome, share_permille, source_id,
            locator, note, counted, created_at
         from commitment_observations where commitment_id = $1 order by observed_on, observation_id",
    )
    .bind(commitment_id)
    .fetch_all(&mut *c)
    .await?)
}

/// A manifest line of a convoy with the convoy's day and head count.
#[derive(Debug, Clone, FromRow)]
pub struct DeliveryRow {
    pub convoy_id: i64,
    pub line_id: i64,
    pub item: String,
    pub allowed: Option<i64>,
    pub moved: Option<i64>,
    pub departed_on: Option<i64>,
    pub arrived_on: Option<i64>,
    pub planned_on: Option<i64>,
    pub left_count: Option<i64>,
}

pub async fn deliveries(c: &mut Conn, convoy_id: i64) -> Result<Vec<DeliveryRow>> {
    Ok(sqlx::query_as(
        "select m.convoy_id, m.line_id, m.item, m.allowed, m.moved, v.departed_on, v.arrived_on,
            v.planned_on, v.left_count
         from convoy_manifest m join convoys v on v.convoy_id = m.convoy_id
         where m.convoy_id = $1 order by m.line_id",
    )
    .bind(convoy_id)
    .fetch_all(&mut *c)
    .await?)
}

/// Incidents of a category, at a site when one is given, as (id, start).
pub async fn incidents_of(
    c: &mut Conn,
    category: &str,
    site_id: Option<i64>,
) -> Result<Vec<(i64, i64)>> {
    Ok(sqlx::query_as(
        "select incident_id, started_at from incidents
         where category = $1 and ($2 is null or site_id = $2) order by started_at, incident_id",
    )
    .bind(category)
    .bind(site_id)
    .fetch_all(&mut *c)
    .await?)
}

/// A convoy's id from its sequence number.
pub async fn convoy_by_seq(c: &mut Conn, seq: i64) -> Result<Option<i64>> {
    Ok(
        sqlx::query_scalar("select convoy_id from convoys where seq = $1")
            .bind(seq)
            .fetch_optional(&mut *c)
            .await?,
    )
}

#[derive(Debug, Clone, FromRow, serde::Serialize, utoipa::ToSchema)]
pub struct VisitRow {
    pub visit_id: i64,
    pub organisation_id: i64,
    pub site_id: i64,
    /// Epoch milliseconds.
    pub arrival: i64,
    pub departure: i64,
    pub monitors: Option<i64>,
    pub source_id: Option<i64>,
}

/// The columns of one monitoring visit.
pub struct VisitFields {
    pub organisation_id: i64,
    pub site_id: i64,
    pub arrival: i64,
    pub departure: i64,
    pub monitors: Option<i64>,
    pub source_id: Option<i64>,
}

pub async fn insert_visit(c: &mut Conn, v: &VisitFields, now: i64) -> Result<i64> {
    Ok(sqlx::query_scalar(
        "insert into monitoring_visits (organisation_id, site_id, arrival, departure, monitors,
            source_id, created_at)
         values ($1, $2, $3, $4, $5, $6, $7) returning visit_id",
    )
    .bind(v.organisation_id)
    .bind(v.site_id)
    .bind(v.arrival)
    .bind(v.departure)
    .bind(v.monitors)
    .bind(v.source_id)
    .bind(now)
    .fetch_one(&mut *c)
    .await?)
}

/// Visits of an organisation (or any) at a site (or any), by arrival.
pub async fn visits(
    c: &mut Conn,
    organisation_id: Option<i64>,
    site_id: Option<i64>,
) -> Result<Vec<VisitRow>> {
    Ok(sqlx::query_as(
        "select visit_id, organisation_id, site_id, arrival, departure, monitors, source_id
         from monitoring_visits
         where ($1 is null or organisation_id = $1) and ($2 is null or site_id = $2)
         order by arrival, visit_id",
    )
    .bind(organisation_id)
    .bind(site_id)
    .fetch_all(&mut *c)
    .await?)
}

/// Every incident at a site, as (id, start).
pub async fn incidents_at(c: &mut Conn, site_id: i64) -> Result<Vec<(i64, i64)>> {
    Ok(sqlx::query_as(
        "select incident_id, started_at from incidents where site_id = $1
         order by started_at, incident_id",
    )
    .bind(site_id)
    .fetch_all(&mut *c)
    .await?)
}

/// How many people were present at a site at instant `at`: everyone whose latest
/// history entry at or before `at` puts them there with status `present` (the same
/// rule as the site's population pages, in one statement).
pub async fn site_population_at(c: &mut Conn, site_id: i64, at: i64) -> Result<i64> {
    Ok(sqlx::query_scalar(
        "select count(*) from person_history h
         where h.site_id = $1 and h.status = 'present'
           and h.history_id = (select h2.history_id from person_history h2
               where h2.person_id = h.person_id and h2.effective_at <= $2
               order by h2.effective_at desc, h2.history_id desc limit 1)",
    )
    .bind(site_id)
    .bind(at)
    .fetch_one(&mut *c)
    .await?)
}

/// One monitoring visit.
pub async fn get_visit(c: &mut Conn, id: i64) -> Result<Option<VisitRow>> {
    Ok(sqlx::query_as(
        "select visit_id, organisation_id, site_id, arrival, departure, monitors, source_id
         from monitoring_visits where visit_id = $1",
    )
    .bind(id)
    .fetch_optional(&mut *c)
    .await?)
}
