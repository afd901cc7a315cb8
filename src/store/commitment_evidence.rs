//! The evidence a commitment is judged on, read up to the moment judged and no
//! further: the incidents that breach a prohibition or access term (the first few and
//! a count, over the index `incidents_breach` of migration 0017, or `incidents_breach_any`
//! of 0025 for a term that names no site) and the spans of the
//! owing party's visits at a site, or what a presence or frequency term needs of them
//! summed up (`visit_facts`: a frequency term's visits per window in SQL; a presence
//! term's visits in one statement as one text, merged into spans in Rust).
//! Portable SQL; each query has one form per case (with or without a site) so that
//! the planner can use the index.

use super::commitments::{DeliveryRow, ObservationRow};
use super::{Conn, Result, StoreError};
use crate::domain::commitment::facts::{windows_upto, VisitFacts};
use crate::domain::commitment::{Commitment, Term, Visit};

/// A prohibition or access term's span: (category, site or any, from, up to), the
/// bounds included, epoch ms.
pub type Span<'a> = (&'a str, Option<i64>, i64, i64);

/// The first `limit` standing incidents of the category at the site in the span, as
/// (id, start), by start, and how many there are in all: one statement (a term's
/// evaluation is a handful of statements, each a round trip to the database's thread).
pub async fn breaches(c: &mut Conn, span: Span<'_>, limit: i64) -> Result<(Vec<(i64, i64)>, i64)> {
    let (category, site, from, upto) = span;
    // With a site the order names `retracted_at` (null in every row read) so that it
    // is the order of `incidents_breach` (category, site_id, started_at, retracted_at):
    // without it SQLite walked `incidents_category` in start order and read each
    // incident's row for its site until a hundred matched (a millisecond and more at
    // 1 M incidents, against a tenth of one).
    let (place, order) = match site {
        Some(_) => (
            "category = $1 and site_id = $2",
            "started_at, retracted_at, incident_id",
        ),
        None => ("category = $1 and $2 is null", "started_at, incident_id"),
    };
    let which = format!(
        "from incidents where {place} and started_at >= $3 and started_at <= $4
           and retracted_at is null"
    );
    let rows: Vec<(i64, i64, i64)> = sqlx::query_as(&format!(
        "select incident_id, started_at, (select count(*) {which}) {which}
         order by {order} limit $5"
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

/// What a presence or frequency term needs of the visits that began by `at`
/// (`VisitFacts::from_visits` is the reference in Rust): a term can rest on tens of
/// thousands of visits. A frequency term's are summed up in SQL (visits per window, a
/// few rows); a presence term's are read in one statement as one text (`presence`).
pub async fn visit_facts(
    c: &mut Conn,
    who: Visitor,
    k: &Commitment,
    at: i64,
    listed: i64,
) -> Result<VisitFacts> {
    let (org, site) = who;
    let place = at_site(site);
    let period_days = match &k.term {
        Term::Presence { .. } => return presence(c, who, k, at, listed).await,
        Term::Frequency { period_days, .. } => *period_days,
        _ => return Ok(VisitFacts::default()),
    };
    let first_arrival: Option<i64> = sqlx::query_scalar(&format!(
        "select min(arrival) from monitoring_visits where {place} and arrival <= $3"
    ))
    .bind(org)
    .bind(site)
    .bind(at)
    .fetch_one(&mut *c)
    .await?;
    let (len, _, stop) = windows_upto(k, period_days, at);
    let windows = sqlx::query_as(&format!(
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
    let which = format!("from monitoring_visits where {place} and arrival >= $3 and arrival < $4");
    // The first `listed` and how many in all, in one statement.
    let rows: Vec<(i64, i64)> = sqlx::query_as(&format!(
        "select visit_id, (select count(*) {which}) {which}
         order by arrival, departure, visit_id limit $5"
    ))
    .bind(org)
    .bind(site)
    .bind(k.from)
    .bind(stop)
    .bind(listed)
    .fetch_all(&mut *c)
    .await?;
    let all = rows.first().map_or(0, |r| r.1);
    let deciding: Vec<i64> = rows.into_iter().map(|(id, _)| id).collect();
    let deciding_more = if i64::try_from(deciding.len()).unwrap_or(i64::MAX) >= listed {
        (all - listed).max(0)
    } else {
        0
    };
    Ok(VisitFacts {
        first_arrival,
        windows,
        deciding,
        deciding_more,
        ..VisitFacts::default()
    })
}

/// A presence term's facts from one statement: the first arrival by `at`, and every
/// visit under way from the start of the period in force on, handed over as one text
/// ("id arrival departure …", in no order) and merged in Rust (`from_visits`): merging
/// sorted pairs is one pass, where SQL needs a window function over the visits (about
/// three times the time at 14,000 visits) and rows handed over one by one cost the
/// driver microseconds each.
async fn presence(
    c: &mut Conn,
    who: Visitor,
    k: &Commitment,
    at: i64,
    listed: i64,
) -> Result<VisitFacts> {
    let (org, site) = who;
    let place = at_site(site);
    let (first_arrival, text): (Option<i64>, Option<String>) = sqlx::query_as(&format!(
        "select (select min(arrival) from monitoring_visits where {place} and arrival <= $3),
           (select string_agg(visit_id || ' ' || arrival || ' ' || departure, ' ')
            from monitoring_visits where {place} and arrival <= $3 and departure >= $4)"
    ))
    .bind(org)
    .bind(site)
    .bind(at)
    .bind(k.from)
    .fetch_one(&mut *c)
    .await?;
    let visits = parse_visits(text.as_deref().unwrap_or(""))?;
    let listed = usize::try_from(listed).unwrap_or(0);
    Ok(VisitFacts {
        first_arrival,
        ..VisitFacts::from_visits(k, &visits, at, listed)
    })
}

/// The visits of `presence`'s text: triples of integers.
fn parse_visits(text: &str) -> Result<Vec<Visit>> {
    let mut n = text.split_ascii_whitespace().map(|t| {
        t.parse::<i64>()
            .map_err(|_| StoreError::Corrupt(format!("visit list: {t:?} is not a number")))
    });
    let mut out = vec![];
    while let Some(id) = n.next() {
        match (n.next(), n.next()) {
            (Some(arrival), Some(departure)) => out.push(Visit {
                id: id?,
                arrival: arrival?,
                departure: departure?,
            }),
            _ => return Err(StoreError::Corrupt("visit list: a visit cut short".into())),
        }
    }
    Ok(out)
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
