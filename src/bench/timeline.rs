//! The timeline scenarios, at the size's number of incidents (S 10,000; M 1 M; L 10 M):
//! - the timeline as the page and the API ask for it (`incidents::timeline`: one SQL
//!   aggregate by period, category and place over the stored facts, folded into rows
//!   and map marks, with the sites read for the map) against the same SQL aggregate
//!   written by hand, its rows fetched and nothing else — so the ratio is what vigil
//!   adds to the statement it runs (building it, the fold, the sites), both doing the
//!   same work in SQLite;
//! - the same, filtered (corroborated incidents with a source graded B or better)
//!   against the same filtered statement, hand-written.
//!
//! The table is filled raw: the scenario measures the aggregate, not the recording
//! (that is the recording scenarios' business), so the incidents beyond those the
//! recording scenario wrote through the action layer — all of them with
//! `--only timeline` — are generated from a seed and loaded in multi-row statements
//! of the same schema (two claims each, figures that sometimes disagree), then their
//! facts are computed by the same code the store runs when it opens on rows it has not
//! seen (`incident_facts::refresh_stale`). Deterministic, and a size-L table (10 M
//! incidents) is built in minutes rather than the days ten million audited
//! transactions would take.

use std::sync::Arc;

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

use super::{measure, outcome, Outcome};
use crate::actions::documentation::incidents::{self, Filter};
use crate::app::App;
use crate::auth::capability::ReadRecord;
use crate::auth::{Actor, Cap};
use crate::domain::Role;
use crate::store;

const CATEGORIES: [&str; 6] = [
    "rocket_attack",
    "armed_assault",
    "medical_denial",
    "harassment",
    "threat",
    "infiltration",
];

/// `(?, ?, constants), …`: the values of a multi-row insert of `n` rows with `params`
/// parameters each (the bench runs on SQLite, whose anonymous `?` binds in order).
fn rows(n: usize, params: usize, constants: &str) -> String {
    let one = format!("({}, {constants})", vec!["?"; params].join(", "));
    vec![one; n].join(", ")
}

/// One group of the aggregate as the anchor fetches it: period, category, site,
/// place, latitude, longitude, incidents.
type Row = (
    String,
    String,
    Option<i64>,
    String,
    Option<f64>,
    Option<f64>,
    i64,
);

/// Incidents loaded per transaction.
const BATCH: usize = 50_000;

/// Loads generated incidents (two claims each from `sources`) until the table holds
/// `target`, and computes their facts. Returns how many it loaded.
pub async fn fill(app: &App, sources: &[i64], target: usize, seed: u64) -> anyhow::Result<usize> {
    let mut c = app.store.write().await?;
    let have: i64 = sqlx::query_scalar("select count(*) from incidents")
        .fetch_one(&mut *c)
        .await?;
    let mut next_incident: i64 =
        sqlx::query_scalar("select coalesce(max(incident_id), 0) + 1 from incidents")
            .fetch_one(&mut *c)
            .await?;
    let mut next_claim: i64 =
        sqlx::query_scalar("select coalesce(max(claim_id), 0) + 1 from claims")
            .fetch_one(&mut *c)
            .await?;
    c.commit().await?;
    let missing = target.saturating_sub(usize::try_from(have).unwrap_or(0));
    let mut rng = StdRng::seed_from_u64(seed);
    let mut left = missing;
    while left > 0 {
        let n = left.min(BATCH);
        left -= n;
        let mut incidents: Vec<(i64, &str, i64)> = Vec::with_capacity(n);
        let mut claims: Vec<(i64, i64, i64, i64)> = Vec::with_capacity(2 * n);
        let mut values: Vec<(i64, i64)> = Vec::with_capacity(2 * n);
        for _ in 0..n {
            let at = 1_230_768_000_000 + rng.gen_range(0..2500_i64) * 86_400_000;
            let category = CATEGORIES
                .get(rng.gen_range(0..CATEGORIES.len()))
                .copied()
                .unwrap_or("threat");
            incidents.push((next_incident, category, at));
            let killed = rng.gen_range(0..40);
            let a = rng.gen_range(0..sources.len().max(1));
            let b = (a + 1 + rng.gen_range(0..sources.len().max(2) - 1)) % sources.len().max(1);
            for (s, k) in [(a, killed), (b, killed + rng.gen_range(0..3))] {
                let source = sources.get(s).copied().unwrap_or(1);
                claims.push((next_claim, source, next_incident, rng.gen_range(1..=6)));
                values.push((next_claim, k));
                next_claim += 1;
            }
            next_incident += 1;
        }
        let mut tx = app.store.write().await?;
        for chunk in incidents.chunks(store::rows_per_statement(4)) {
            let sql = format!(
                "insert into incidents (incident_id, title, category, started_at, start_precision,
                 geo_precision, created_at, updated_at) values {}",
                rows(chunk.len(), 4, "'day', 'region', 0, 0")
            );
            let mut q = sqlx::query(&sql);
            for (id, category, at) in chunk {
                q = q.bind(id).bind("Bench incident").bind(*category).bind(at);
            }
            q.execute(&mut *tx).await?;
        }
        for chunk in claims.chunks(store::rows_per_statement(4)) {
            let sql = format!(
                "insert into claims (claim_id, source_id, incident_id, credibility, about, created_at)
                 values {}",
                rows(chunk.len(), 4, "'figure', 0")
            );
            let mut q = sqlx::query(&sql);
            for (id, source, incident, grade) in chunk {
                q = q.bind(id).bind(source).bind(incident).bind(grade);
            }
            q.execute(&mut *tx).await?;
        }
        for chunk in values.chunks(store::rows_per_statement(2)) {
            let sql = format!(
                "insert into claim_values (claim_id, value, measure) values {}",
                rows(chunk.len(), 2, "'killed'")
            );
            let mut q = sqlx::query(&sql);
            for (id, value) in chunk {
                q = q.bind(id).bind(value);
            }
            q.execute(&mut *tx).await?;
        }
        tx.commit().await?;
    }
    // The generated rows, and the anchor's raw rows of the recording scenario.
    let mut tx = app.store.write().await?;
    store::incident_facts::refresh_stale(&mut tx, app.now()).await?;
    tx.commit().await?;
    Ok(missing)
}

/// The incidents the timeline runs over at each size.
pub fn incidents_at(scale: usize) -> usize {
    match scale {
        1 => 10_000,
        10 => 1_000_000,
        _ => 10_000_000,
    }
}

pub async fn scenarios(
    app: &Arc<App>,
    sources: &[i64],
    scale: usize,
    runs: usize,
) -> anyhow::Result<Vec<Outcome>> {
    let reader: Cap<ReadRecord> = Actor {
        user_id: 0,
        username: "bench-analyst".into(),
        role: Role::Analyst,
    }
    .grant()?;
    let target = incidents_at(scale);
    fill(app, sources, target, 7).await?;
    let rates = measure(
        runs,
        1,
        || async {
            let t = incidents::timeline(app, &reader, &Filter::default()).await?;
            anyhow::ensure!(t.total >= 1, "an empty timeline");
            Ok(())
        },
        || async {
            let mut c = app.store.read().await?;
            let rows: Vec<Row> = sqlx::query_as(
                "select period, category, site_id, place, lat, lon, count(*) as n
                 from incidents where retracted_at is null
                 group by period, category, site_id, place, lat, lon",
            )
            .fetch_all(&mut *c)
            .await?;
            anyhow::ensure!(!rows.is_empty(), "an empty aggregate");
            Ok(())
        },
    )
    .await?;
    let mut out = vec![outcome(
        "incident timeline",
        "aggregates",
        1,
        rates,
        "the same SQL aggregate, hand-written, its rows fetched and nothing else (SQLite)",
    )];
    let filter = Filter {
        verification: Some("corroborated".into()),
        grade: Some("B".into()),
        ..Filter::default()
    };
    let rates = measure(
        runs,
        1,
        || async {
            let t = incidents::timeline(app, &reader, &filter).await?;
            anyhow::ensure!(t.total >= 1, "an empty filtered timeline");
            Ok(())
        },
        || async {
            let mut c = app.store.read().await?;
            let rows: Vec<Row> = sqlx::query_as(
                "select period, category, site_id, place, lat, lon, count(*) as n
                 from incidents where retracted_at is null and status = $1 and best_grade <= $2
                 group by period, category, site_id, place, lat, lon",
            )
            .bind("corroborated")
            .bind("B")
            .fetch_all(&mut *c)
            .await?;
            anyhow::ensure!(!rows.is_empty(), "an empty filtered aggregate");
            Ok(())
        },
    )
    .await?;
    out.push(outcome(
        "timeline filtered",
        "aggregates",
        1,
        rates,
        "the same filtered SQL aggregate, hand-written, rows fetched (SQLite)",
    ));
    if let Some(o) = out.first_mut() {
        o.note = Some(format!("over {target} incidents"));
    }
    Ok(out)
}
