//! The evidence a commitment is judged on, read up to the moment judged and no
//! further: the incidents that breach a prohibition or access term (the first few and
//! a count, over the index `incidents_breach` of migration 0017) and the spans of the
//! owing party's visits at a site. Portable SQL; each query has one form per case
//! (with or without a site) so that the planner can use the index.

use super::{Conn, Result};

/// A prohibition or access term's span: (category, site or any, from, up to), the
/// bounds included, epoch ms.
pub type Span<'a> = (&'a str, Option<i64>, i64, i64);

/// The first `limit` standing incidents of the category at the site in the span, as
/// (id, start), by start.
pub async fn breaches(c: &mut Conn, span: Span<'_>, limit: i64) -> Result<Vec<(i64, i64)>> {
    let (category, site, from, upto) = span;
    let sql = match site {
        Some(_) => {
            "select incident_id, started_at from incidents
             where category = $1 and site_id = $2 and started_at >= $3 and started_at <= $4
               and retracted_at is null
             order by started_at, incident_id limit $5"
        }
        None => {
            "select incident_id, started_at from incidents
             where category = $1 and $2 is null and started_at >= $3 and started_at <= $4
               and retracted_at is null
             order by started_at, incident_id limit $5"
        }
    };
    Ok(sqlx::query_as(sql)
        .bind(category)
        .bind(site)
        .bind(from)
        .bind(upto)
        .bind(limit)
        .fetch_all(&mut *c)
        .await?)
}

/// How many standing incidents of the category at the site fall in the span.
pub async fn count_breaches(c: &mut Conn, span: Span<'_>) -> Result<i64> {
    let (category, site, from, upto) = span;
    let sql = match site {
        Some(_) => {
            "select count(*) from incidents
             where category = $1 and site_id = $2 and started_at >= $3 and started_at <= $4
               and retracted_at is null"
        }
        None => {
            "select count(*) from incidents
             where category = $1 and $2 is null and started_at >= $3 and started_at <= $4
               and retracted_at is null"
        }
    };
    Ok(sqlx::query_scalar(sql)
        .bind(category)
        .bind(site)
        .bind(from)
        .bind(upto)
        .fetch_one(&mut *c)
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
