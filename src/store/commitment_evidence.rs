//! The evidence a commitment is judged on, read up to the moment judged and no
//! further: the incidents that breach a prohibition or access term (the first few and
//! a count, over the index `incidents_breach` of migration 0017, or `incidents_breach_any`
//! of 0025 for a term that names no site) and the spans of the
//! owing party's visits at a site, or what a presence or frequency term needs of them
//! summed up (`visit_facts`: the time covered as merged spans, the visits per window).
//! Portable SQL; each query has one form per case (with or without a site) so that
//! the planner can use the index.

use super::commitments::{DeliveryRow, ObservationRow};
use super::{Conn, Result};
use crate::domain::commitment::facts::{windows_upto, VisitFacts};
use crate::domain::commitment::{Commitment, Term};

/// A prohibition or access term's span: (category, site or any, from, up to), the
/// bounds included, epoch ms.
pub type Span<'a> = (&'a str, Option<i64>, i64, i64);

/// The first `limit` standing incidents of the category at the site in the span, as
/// (id, start), by start, and how many there are in all: one statement (a term's
/// evaluation is a handful of statements, each a round trip to the database's thread).
pub async fn breaches(c: &mut Conn, span: Span<'_>, limit: i64) -> Result<(Vec<(i64, i64)>, i64)> {
    let (category, site, from, upto) = span;
    let place = match site {
        Some(_) => "category = $1 and site_id = $2",
        None => "category = $1 and $2 is null",
    };
    let which = format!(
        "from incidents where {place} and started_at >= $3 and started_at <= $4
           and retracted_at is null"
    );
    let rows: Vec<(i64, i64, i64)> = sqlx::query_as(&format!(
        "select incident_id, started_at, (select count(*) {which}) {which}
         order by started_at, incident_id limit $5"
    ))
    .bind(category)
    .bind(site)
    .bind(from)
    .bind(upto)
    .bind(limit)
    .fetch_all(&mut *c)
    .await?;
    let all = rows.first().map_or(0, |r| r.2);
    Ok((rows.into_iter().map(|(id, at, _)| (id, at)).collect(), all))
}

/// Every observation of every commitment, by commitment, day and id: lists of
/// statuses and the report judge every commitment, and read them in one statement.
pub async fn all_observations(c: &mut Conn) -> Result<Vec<ObservationRow>> {
    Ok(sqlx::query_as(
        "select observation_id, commitment_id, observed_on, outcome, share_permille, source_id,
            locator, note, counted, created_at
         from commitment_observations order by commitment_id, observed_on, observation_id",
    )
    .fetch_all(&mut *c)
    .await?)
}

/// The manifest lines of every convoy a commitment names, by convoy and line (as
/// `commitments::deliveries` gives one convoy's).
pub async fn all_deliveries(c: &mut Conn) -> Result<Vec<DeliveryRow>> {
    Ok(sqlx::query_as(
        "select m.convoy_id, m.line_id, m.item, m.allowed, m.moved, v.departed_on, v.arrived_on,
            v.planned_on, v.left_count
         from convoy_manifest m join convoys v on v.convoy_id = m.convoy_id
         where m.convoy_id in (select convoy_id from commitments where convoy_id is not null)
         order by m.convoy_id, m.line_id",
    )
    .fetch_all(&mut *c)
    .await?)
}

/// The visits of an organisation at a site (any site when none is given) that began
/// by `at`, as (id, arrival, departure), by arrival.
pub async fn visit_spans(
    c: &mut Conn,
    organisation_id: i64,
    site: Option<i64>,
    at: i64,
) -> Result<Vec<(i64, i64, i64)>> {
    let sql = match site {
        Some(_) => {
            "select visit_id, arrival, departure from monitoring_visits
             where organisation_id = $1 and site_id = $2 and arrival <= $3
             order by arrival, departure, visit_id"
        }
        None => {
            "select visit_id, arrival, departure from monitoring_visits
             where organisation_id = $1 and $2 is null and arrival <= $3
             order by arrival, departure, visit_id"
        }
    };
    Ok(sqlx::query_as(sql)
        .bind(organisation_id)
        .bind(site)
        .bind(at)
        .fetch_all(&mut *c)
        .await?)
}

/// Whose visits, where: (organisation, site or any site).
pub type Visitor = (i64, Option<i64>);

/// The condition on the site, so that the planner can use the index in either case.
fn at_site(site: Option<i64>) -> &'static str {
    match site {
        Some(_) => "organisation_id = $1 and site_id = $2",
        None => "organisation_id = $1 and $2 is null",
    }
}

/// What a presence or frequency term needs of the visits that began by `at`, summed
/// up in SQL (`VisitFacts::from_visits` is the same in Rust): a term can rest on tens
/// of thousands of visits, and these are a few rows a day at most.
pub async fn visit_facts(
    c: &mut Conn,
    who: Visitor,
    k: &Commitment,
    at: i64,
    listed: i64,
) -> Result<VisitFacts> {
    let (org, site) = who;
    let place = at_site(site);
    let first_arrival: Option<i64> = sqlx::query_scalar(&format!(
        "select min(arrival) from monitoring_visits where {place} and arrival <= $3"
    ))
    .bind(org)
    .bind(site)
    .bind(at)
    .fetch_one(&mut *c)
    .await?;
    let mut f = VisitFacts {
        first_arrival,
        ..VisitFacts::default()
    };
    // The visits named: (arrival from, arrival before, departure after).
    let named = match &k.term {
        Term::Presence { .. } => {
            // Gaps and islands: a visit starts a new span when it arrives after every
            // visit before it (by arrival) has left; each span is an island's bounds.
            // Visits are cut at the start of the period in force, as the judge cuts them.
            let sql = format!(
                "select min(a), max(b) from (
                   select a, b, sum(fresh) over (order by arrival, departure, visit_id
                     rows between unbounded preceding and current row) as island
                   from (
                     select arrival, departure, visit_id, a, b,
                       case when a <= max(b) over (order by arrival, departure, visit_id
                         rows between unbounded preceding and 1 preceding) then 0 else 1 end
                         as fresh
                     from (select arrival, departure, visit_id,
                             case when arrival < $3 then $3 else arrival end as a,
                             departure as b
                           from monitoring_visits
                           where {place} and arrival <= $4 and departure > $3
                             and departure > arrival) v
                   ) w
                 ) s group by island order by 1"
            );
            f.spans = sqlx::query_as(&sql)
                .bind(org)
                .bind(site)
                .bind(k.from)
                .bind(at)
                .fetch_all(&mut *c)
                .await?;
            let end = k.until.map_or(at, |u| u.min(at));
            (i64::MIN, end, k.from)
        }
        Term::Frequency { period_days, .. } => {
            let (len, _, stop) = windows_upto(k, *period_days, at);
            f.windows = sqlx::query_as(&format!(
                "select (arrival - $3) / $4 as w, count(*) from monitoring_visits
                 where {place} and arrival >= $3 and arrival < $5
                 group by 1 order by 1"
            ))
            .bind(org)
            .bind(site)
            .bind(k.from)
            .bind(len)
            .bind(stop)
            .fetch_all(&mut *c)
            .await?;
            (k.from, stop, i64::MIN)
        }
        _ => return Ok(f),
    };
    let (lo, hi, gone) = named;
    let which = format!(
        "from monitoring_visits where {place} and arrival >= $3 and arrival < $4
           and departure > $5"
    );
    // The first `listed` and how many in all, in one statement.
    let rows: Vec<(i64, i64)> = sqlx::query_as(&format!(
        "select visit_id, (select count(*) {which}) {which}
         order by arrival, departure, visit_id limit $6"
    ))
    .bind(org)
    .bind(site)
    .bind(lo)
    .bind(hi)
    .bind(gone)
    .bind(listed)
    .fetch_all(&mut *c)
    .await?;
    let all = rows.first().map_or(0, |r| r.1);
    f.deciding = rows.into_iter().map(|(id, _)| id).collect();
    if i64::try_from(f.deciding.len()).unwrap_or(i64::MAX) >= listed {
        f.deciding_more = (all - listed).max(0);
    }
    Ok(f)
}

/// The visits a change of a presence term is refined with (`facts::Change::after`):
/// arrived from `lowest` up to `upto`, departed at or after `after`, as (arrival,
/// departure). A stretch of one span: a handful of visits.
pub async fn visits_around(
    c: &mut Conn,
    who: Visitor,
    after: i64,
    lowest: i64,
    upto: i64,
) -> Result<Vec<(i64, i64)>> {
    let (org, site) = who;
    Ok(sqlx::query_as(&format!(
        "select arrival, departure from monitoring_visits
         where {} and arrival >= $3 and arrival <= $4 and departure >= $5",
        at_site(site)
    ))
    .bind(org)
    .bind(site)
    .bind(lowest)
    .bind(upto)
    .bind(after)
    .fetch_all(&mut *c)
    .await?)
}
