//! The timeline and the map in SQL: standing incidents (not retracted) that a filter
//! keeps — site, category, verification as computed, best source grade — counted in
//! one aggregate by period, category and where they happened; and the same filter for
//! the list of incidents. The filters read the facts stored by `incident_facts`, so
//! nothing is computed per incident at read time.

use sqlx::FromRow;

use super::incidents::{IncidentRow, COLUMNS};
use super::{Conn, Result};

/// What the timeline keeps; `None` keeps everything.
#[derive(Debug, Clone, Copy, Default)]
pub struct Keep<'a> {
    /// A site's code (any case).
    pub site: Option<&'a str>,
    pub category: Option<&'a str>,
    /// unverified, corroborated or verified.
    pub status: Option<&'a str>,
    /// A–F: at least one standing source graded this well or better.
    pub grade: Option<&'a str>,
}

impl Keep<'_> {
    /// The `where` clause (columns of `incidents`) and its parameters, in order.
    fn clause(&self) -> (String, Vec<String>) {
        let mut sql = String::from("where retracted_at is null");
        let mut params: Vec<String> = Vec::new();
        let mut add = |cond: &str, v: &str| {
            params.push(v.to_string());
            sql.push_str(&cond.replace("{}", &format!("${}", params.len())));
        };
        if let Some(s) = self.site {
            add(
                " and site_id in (select site_id from sites where lower(code) = lower({}))",
                s,
            );
        }
        if let Some(v) = self.category {
            add(" and category = {}", v);
        }
        if let Some(v) = self.status {
            add(" and status = {}", v);
        }
        if let Some(v) = self.grade {
            add(" and best_grade <= {}", &v.to_ascii_uppercase());
        }
        (sql, params)
    }
}

/// One group of the aggregate: incidents of one period and category at one place
/// (coordinates, place name and site as recorded).
#[derive(Debug, Clone, FromRow)]
pub struct Group {
    pub period: String,
    pub category: String,
    pub site_id: Option<i64>,
    pub place: String,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub n: i64,
}

/// The one aggregate behind the timeline's bars and the map's marks.
pub async fn groups(c: &mut Conn, keep: &Keep<'_>) -> Result<Vec<Group>> {
    let (clause, params) = keep.clause();
    // Grouped by the columns of `incidents_timeline` (migration 0019), in its order:
    // SQLite reads that index alone, in group order, and counts as it goes — no table
    // row read, nothing sorted. (Before it, the index on (period, category) did not
    // cover the other columns, and walking it cost a random read of the table per
    // incident; see docs/documentation.md.) PostgreSQL plans it as it sees fit.
    let sql = format!(
        "select period, category, site_id, place, lat, lon, count(*) as n
         from incidents {clause} group by period, category, site_id, place, lat, lon"
    );
    let mut q = sqlx::query_as(&sql);
    for p in params {
        q = q.bind(p);
    }
    Ok(q.fetch_all(&mut *c).await?)
}

/// The incidents the filter keeps, the latest first; at most `limit` when given.
pub async fn list(c: &mut Conn, keep: &Keep<'_>, limit: Option<i64>) -> Result<Vec<IncidentRow>> {
    let (clause, params) = keep.clause();
    let limit = limit.map_or(String::new(), |n| format!(" limit {}", n.max(0)));
    let sql = format!(
        "select {COLUMNS} from incidents {clause} order by started_at desc, incident_id desc{limit}"
    );
    let mut q = sqlx::query_as(&sql);
    for p in params {
        q = q.bind(p);
    }
    Ok(q.fetch_all(&mut *c).await?)
}
