//! Resettlement scenarios over synthetic cases (2,500 at size S, 25,000 at M, 250,000
//! at L), each against the same aggregate as hand-written SQL in the same run:
//! - funnel at a past day: the action vs one window-function query;
//! - time in stage: the action (steps read, spells computed in Rust) vs a query that
//!   computes each spell with `lead()` and only the percentiles in Rust;
//! - forecast: the action (departures read, months counted, 1,000 simulated futures)
//!   vs a query counting departures by month and the same simulation;
//! - allocation of 3,000 households to 30 offers (every size): the exact search vs
//!   the greedy baseline, with the search's time, nodes and optimality gap. The
//!   100,000-to-300 instance is not run: each node's bound reads every case against
//!   every offer, so at that size the search would stop at once with a wide gap.
//!
//! The cases are written with plain inserts (not through the audited actions): the
//! scenarios measure reading, and writing 250,000 audited cases would take the run.

use std::collections::BTreeMap;
use std::sync::Arc;

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

use super::{measure, outcome, Outcome};
use crate::actions::resettlement::{self, pipeline};
use crate::app::App;
use crate::auth::capability::ReadRecord;
use crate::auth::{Actor, Cap};
use crate::domain::allocation::{allocate, Bin, Item, NODE_LIMIT};
use crate::domain::pipeline::percentile;

const DAY: i64 = 86_400_000;
const STAGES: [&str; 7] = [
    "identified",
    "interviewed",
    "recognised",
    "submitted",
    "accepted",
    "departure_scheduled",
    "departed",
];
const COUNTRIES: [&str; 4] = ["ALB", "DEU", "NOR", "FIN"];

/// Writes `cases` synthetic cases, each with 1 to 7 steps; returns the as-of day.
async fn seed(app: &App, cases: usize) -> anyhow::Result<i64> {
    let mut rng = StdRng::seed_from_u64(250_000);
    let start = crate::clock::parse_day("2012-10-01").unwrap_or(0);
    let mut tx = app.store.write().await?;
    let now = app.now();
    for i in 0..cases {
        let hh: i64 = sqlx::query_scalar(
            "insert into households (code, created_at, updated_at) values ($1, $2, $2) returning household_id",
        )
        .bind(format!("HH-B{i}"))
        .bind(now)
        .fetch_one(&mut *tx)
        .await?;
        let people = rng.gen_range(1..5_i64);
        let reach = rng.gen_range(1..=STAGES.len());
        let country = COUNTRIES
            .get(rng.gen_range(0..COUNTRIES.len()))
            .copied()
            .unwrap_or("ALB");
        let mut on = start + rng.gen_range(0..900) * DAY;
        let opened = on;
        let case: i64 = sqlx::query_scalar(
            "insert into resettlement_cases (household_id, stage, stage_on, opened_on, people, created_at, updated_at)
             values ($1, 'identified', $2, $2, $3, $4, $4) returning case_id",
        )
        .bind(hh)
        .bind(opened)
        .bind(people)
        .bind(now)
        .fetch_one(&mut *tx)
        .await?;
        let mut last = "identified";
        for (k, stage) in STAGES.iter().take(reach).enumerate() {
            if k > 0 {
                on += rng.gen_range(10..120) * DAY;
            }
            let c = (k >= 3).then_some(country);
            sqlx::query(
                "insert into resettlement_steps (case_id, stage, effective_on, country, people, recorded_at, recorded_by)
                 values ($1, $2, $3, $4, $5, $6, 'bench')",
            )
            .bind(case)
            .bind(*stage)
            .bind(on)
            .bind(c)
            .bind(people)
            .bind(now)
            .execute(&mut *tx)
            .await?;
            last = stage;
        }
        sqlx::query("update resettlement_cases set stage = $1, stage_on = $2 where case_id = $3")
            .bind(last)
            .bind(on)
            .bind(case)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    Ok(start + 1_200 * DAY)
}

async fn funnel_sql(app: &App, at: i64) -> anyhow::Result<Vec<(String, i64, i64)>> {
    let mut c = app.store.read().await?;
    Ok(sqlx::query_as(
        "select stage, count(*), cast(sum(people) as bigint) from (
           select stage, people, row_number() over (partition by case_id order by effective_on desc, step_id desc) as r
           from resettlement_steps where effective_on <= $1) where r = 1 group by stage",
    )
    .bind(at)
    .fetch_all(&mut *c)
    .await?)
}

async fn time_sql(app: &App, at: i64) -> anyhow::Result<BTreeMap<String, (i64, i64)>> {
    let mut c = app.store.read().await?;
    let rows: Vec<(String, i64)> = sqlx::query_as(
        "select stage, days from (
           select stage, (lead(effective_on) over (partition by case_id order by effective_on, step_id)
                          - effective_on) / 86400000 as days
           from resettlement_steps where effective_on <= $1)
         where days is not null order by stage, days",
    )
    .bind(at)
    .fetch_all(&mut *c)
    .await?;
    let mut by: BTreeMap<String, Vec<i64>> = BTreeMap::new();
    for (s, d) in rows {
        by.entry(s).or_default().push(d);
    }
    Ok(by
        .into_iter()
        .map(|(s, d)| {
            let m = (
                percentile(&d, 50).unwrap_or(0),
                percentile(&d, 90).unwrap_or(0),
            );
            (s, m)
        })
        .collect())
}

async fn forecast_sql(app: &App, at: i64) -> anyhow::Result<usize> {
    let mut c = app.store.read().await?;
    let months: Vec<(String, i64)> = sqlx::query_as(
        "select strftime('%Y-%m', effective_on / 1000, 'unixepoch') as m, cast(sum(people) as bigint)
         from resettlement_steps where stage = 'departed' and effective_on <= $1 group by m order by m",
    )
    .bind(at)
    .fetch_all(&mut *c)
    .await?;
    let population: i64 = sqlx::query_scalar(
        "select count(*) from people where status in ('present', 'transferred', 'resettled')",
    )
    .fetch_one(&mut *c)
    .await?;
    let counts: Vec<i64> = months.iter().map(|(_, n)| *n).collect();
    let departed: i64 = counts.iter().sum();
    let f = crate::domain::forecast::forecast(&counts, population - departed, 360);
    Ok(f.map_or(0, |f| f.band.len()))
}

pub async fn scenarios(app: &Arc<App>, scale: usize, runs: usize) -> anyhow::Result<Vec<Outcome>> {
    let cases = 2_500 * scale;
    let at = seed(app, cases).await?;
    let cap: Cap<ReadRecord> = Actor::system().grant()?;
    // The anchors must answer what the actions answer.
    let ours = resettlement::funnel(app, &cap, Some(at)).await?;
    let mut theirs = funnel_sql(app, at).await?;
    theirs.sort();
    let mut ours: Vec<(String, i64, i64)> = ours
        .into_iter()
        .filter(|s| s.cases > 0)
        .map(|s| (s.stage, s.cases, s.people))
        .collect();
    ours.sort();
    anyhow::ensure!(ours == theirs, "the funnel and its anchor disagree");
    let times = pipeline::time_in_stage(app, &cap, at).await?;
    for (stage, (median, p90)) in time_sql(app, at).await? {
        let t = times.iter().find(|t| t.country == "*" && t.stage == stage);
        anyhow::ensure!(
            t.is_some_and(|t| (t.median_days, t.p90_days) == (median, p90)),
            "time in stage and its anchor disagree at {stage}"
        );
    }
    let mut out = Vec::new();
    let funnel = measure(
        runs,
        1,
        || async {
            resettlement::funnel(app, &cap, Some(at)).await?;
            Ok(())
        },
        || async {
            funnel_sql(app, at).await?;
            Ok(())
        },
    )
    .await?;
    out.push(outcome(
        "case funnel",
        "funnels",
        1,
        funnel,
        "one window-function query",
    ));
    let time = measure(
        runs,
        1,
        || async {
            pipeline::time_in_stage(app, &cap, at).await?;
            Ok(())
        },
        || async {
            time_sql(app, at).await?;
            Ok(())
        },
    )
    .await?;
    out.push(outcome(
        "time in stage",
        "reports",
        1,
        time,
        "lead() query, percentiles in Rust",
    ));
    let forecast = measure(
        runs,
        1,
        || async {
            pipeline::forecast(app, &cap, at, None).await?;
            Ok(())
        },
        || async {
            forecast_sql(app, at).await?;
            Ok(())
        },
    )
    .await?;
    out.push(outcome(
        "forecast",
        "forecasts",
        1,
        forecast,
        "monthly SQL + the same simulation",
    ));
    out.push(allocation_scenario(runs).await?);
    Ok(out)
}

/// 3,000 households and 30 offers with fewer places than people, some offers taking
/// households of at most 2 or 3, a fifth unable to take serious medical cases.
fn allocation_instance() -> (Vec<Item>, Vec<Bin>) {
    let mut rng = StdRng::seed_from_u64(3_000);
    let bins: Vec<(Bin, i64, bool)> = (0..30)
        .map(|j| {
            let max = match j % 5 {
                0 => 2,
                1 => 3,
                _ => 100,
            };
            (
                Bin {
                    offer_id: j,
                    places: rng.gen_range(20..200),
                },
                max,
                j % 5 != 4,
            )
        })
        .collect();
    let items = (0..3_000)
        .map(|i| {
            let people = match rng.gen_range(0..100) {
                0..=69 => 1,
                70..=84 => 2,
                85..=94 => 3,
                _ => 4,
            };
            let medical = rng.gen_bool(0.06);
            Item {
                case_id: i,
                people,
                weight: rng.gen_range(1..100),
                eligible: bins
                    .iter()
                    .filter(|(_, max, med)| people <= *max && (*med || !medical))
                    .map(|(b, _, _)| b.offer_id)
                    .collect(),
            }
        })
        .collect();
    (items, bins.into_iter().map(|(b, _, _)| b).collect())
}

/// The obvious baseline: heaviest household first, into the roomiest eligible offer.
fn greedy(items: &[Item], bins: &[Bin]) -> i64 {
    let mut left: Vec<i64> = bins.iter().map(|b| b.places).collect();
    let mut order: Vec<&Item> = items.iter().collect();
    order.sort_by_key(|i| std::cmp::Reverse(i.weight));
    let mut value = 0;
    for it in order {
        let best = bins
            .iter()
            .enumerate()
            .filter(|(b, bin)| {
                it.eligible.contains(&bin.offer_id) && left.get(*b).is_some_and(|l| *l >= it.people)
            })
            .max_by_key(|(b, _)| left.get(*b).copied().unwrap_or(0))
            .map(|(b, _)| b);
        if let Some(l) = best.and_then(|b| left.get_mut(b)) {
            *l -= it.people;
            value += it.people * it.weight;
        }
    }
    value
}

async fn allocation_scenario(runs: usize) -> anyhow::Result<Outcome> {
    let (items, bins) = allocation_instance();
    let result = allocate(&items, &bins, NODE_LIMIT);
    let baseline = greedy(&items, &bins);
    let started = std::time::Instant::now();
    allocate(&items, &bins, NODE_LIMIT);
    let seconds = started.elapsed().as_secs_f64();
    let timing = measure(
        runs,
        1,
        || async {
            allocate(&items, &bins, NODE_LIMIT);
            Ok(())
        },
        || async {
            greedy(&items, &bins);
            Ok(())
        },
    )
    .await?;
    let mut o = outcome(
        "allocation",
        "proposals",
        1,
        timing,
        "greedy, heaviest first",
    );
    let gap = if result.bound > 0 {
        (result.bound - result.value) as f64 / result.bound as f64 * 100.0
    } else {
        0.0
    };
    o.note = Some(format!(
        "3,000 households to 30 offers in {seconds:.2} s, {} nodes, {}; value {} (greedy {}), gap to the bound {gap:.2} %",
        result.nodes,
        if result.proven { "proven optimal" } else { "stopped at the node limit" },
        result.value,
        baseline
    ));
    Ok(o)
}
