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
//! The table is filled raw (`timeline_fill`): the scenario measures the aggregate,
//! not the recording (that is the recording scenarios' business), so the incidents
//! are generated from a seed with their facts and bulk-loaded, the indexes built after
//! the load. Deterministic, and a size-L table (10 M incidents) is built in minutes
//! rather than the days ten million audited transactions would take.

use std::sync::Arc;

use super::{measure_rounds, outcome, rounds_note, Outcome};
use crate::actions::documentation::incidents::{self, Filter};
use crate::app::App;
use crate::auth::capability::ReadRecord;
use crate::auth::{Actor, Cap};
use crate::domain::Role;

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
    // An even number of rounds, so that each side runs first in half of them (the
    // first in a round is the slower; see `rounds_note`).
    let runs = runs + runs % 2;
    super::timeline_fill::fill(app, sources, target, 7).await?;
    let (rates, rounds) = measure_rounds(
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
    let (rates, filtered_rounds) = measure_rounds(
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
    let mut filtered = outcome(
        "timeline filtered",
        "aggregates",
        1,
        rates,
        "the same filtered SQL aggregate, hand-written, rows fetched (SQLite)",
    );
    filtered.note = Some(rounds_note(&filtered_rounds));
    out.push(filtered);
    if let Some(o) = out.first_mut() {
        o.note = Some(format!("over {target} incidents; {}", rounds_note(&rounds)));
    }
    Ok(out)
}
