//! Resettlement scenarios over synthetic cases (2,500 at size S, 25,000 at M, 250,000
//! at L), each against the same aggregate as one hand-written SQL statement in the
//! same run, checked equal before timing:
//! - funnel at a past day: the action vs one window-function query;
//! - time in stage: the action (spells counted by length in SQL, percentiles read
//!   from the counts) vs one statement that ranks every spell and picks the median
//!   and 90th percentile per country and for all;
//! - forecast: the action (departures summed by day in SQL, months, 1,000 simulated
//!   futures and the back-test) vs a query counting departures by month and the same
//!   simulation and back-test.
//!
//! The allocation scenarios are in `allocation`.
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
use crate::domain::forecast::{self, Backtest, Forecast};

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

/// Writes `cases` synthetic cases, each with 1 to 7 steps, and their households'
/// people (present, or resettled once departed); returns the as-of day.
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
        // The household's people: the forecast's population, resettled once departed.
        let status = if last == "departed" {
            "resettled"
        } else {
            "present"
        };
        for k in 0..people {
            sqlx::query(
                "insert into people (code, household_id, status, created_at, updated_at)
                 values ($1, $2, $3, $4, $4)",
            )
            .bind(format!("VG-B{i}-{k}"))
            .bind(hh)
            .bind(status)
            .bind(now)
            .execute(&mut *tx)
            .await?;
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

/// Median and 90th percentile (nearest rank) of the days spent in each stage, per
/// country and for all (`*`), in one statement: (spells, median, p90) by (country,
/// stage).
async fn time_sql(
    app: &App,
    at: i64,
) -> anyhow::Result<BTreeMap<(String, String), (i64, i64, i64)>> {
    let mut c = app.store.read().await?;
    let rows: Vec<(String, String, i64, i64, i64)> = sqlx::query_as(
        "with spells as (
           select coalesce(first_value(country) over (partition by case_id
                    order by case when country is null then 1 else 0 end, effective_on desc, step_id desc), '')
                    as country,
                  stage,
                  (lead(effective_on) over (partition by case_id order by effective_on, step_id)
                    - effective_on) / 86400000 as days
           from resettlement_steps where effective_on <= $1),
         every as (
           select country, stage, days from spells where days is not null
           union all
           select '*', stage, days from spells where days is not null),
         ranked as (
           select country, stage, days,
                  row_number() over (partition by country, stage order by days) as k,
                  count(*) over (partition by country, stage) as n
           from every)
         select country, stage, max(n),
                min(case when k * 100 >= 50 * n then days end),
                min(case when k * 100 >= 90 * n then days end)
         from ranked group by country, stage",
    )
    .bind(at)
    .fetch_all(&mut *c)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(country, stage, n, median, p90)| ((country, stage), (n, median, p90)))
        .collect())
}

/// The months from `first` to `last` ("YYYY-MM"), both included.
fn months_between(first: &str, last: &str) -> Vec<String> {
    let parse = |m: &str| -> Option<(i32, u32)> {
        Some((m.get(0..4)?.parse().ok()?, m.get(5..7)?.parse().ok()?))
    };
    let (Some((mut y, mut m)), Some(end)) = (parse(first), parse(last)) else {
        return Vec::new();
    };
    let mut months = Vec::new();
    while (y, m) <= end {
        months.push(format!("{y:04}-{m:02}"));
        (y, m) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    }
    months
}

type Projected = (Option<Forecast>, Option<Backtest>);

/// Departures counted by month in SQL (months without one filled in as zero), then
/// the same forecast and back-test as the action.
async fn forecast_sql(app: &App, at: i64) -> anyhow::Result<Projected> {
    let mut c = app.store.read().await?;
    let months: BTreeMap<String, i64> = sqlx::query_as::<_, (String, i64)>(
        "select strftime('%Y-%m', effective_on / 1000, 'unixepoch') as m, cast(sum(people) as bigint)
         from resettlement_steps where stage = 'departed' and effective_on <= $1 group by m order by m",
    )
    .bind(at)
    .fetch_all(&mut *c)
    .await?
    .into_iter()
    .collect();
    let population: i64 = sqlx::query_scalar(
        "select count(*) from people where status in ('present', 'transferred', 'resettled')",
    )
    .fetch_one(&mut *c)
    .await?;
    let last = crate::clock::rfc3339(at)
        .get(0..7)
        .unwrap_or("")
        .to_string();
    let counts: Vec<i64> = match months.keys().next() {
        Some(first) => months_between(first, &last)
            .iter()
            .map(|m| months.get(m).copied().unwrap_or(0))
            .collect(),
        None => Vec::new(),
    };
    let departed: i64 = counts.iter().sum();
    let fitted = counts.len() / 2;
    let before: i64 = counts.iter().take(fitted).sum();
    let backtest = if fitted > 0 {
        forecast::backtest(&counts, fitted, population - before)
    } else {
        None
    };
    let mut f = forecast::forecast(&counts, (population - departed).max(0), 360);
    if let Some(f) = f.as_mut() {
        let months = f.finish_p90.map_or(360, |m| m.max(1) as usize);
        f.band.truncate(months);
    }
    Ok((f, backtest))
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
    let anchor = time_sql(app, at).await?;
    anyhow::ensure!(
        times.len() == anchor.len(),
        "time in stage and its anchor disagree on the groups"
    );
    for t in &times {
        let theirs = anchor.get(&(t.country.clone(), t.stage.clone()));
        anyhow::ensure!(
            theirs == Some(&(t.spells, t.median_days, t.p90_days)),
            "time in stage and its anchor disagree at {} {}",
            t.country,
            t.stage
        );
    }
    let report = pipeline::forecast(app, &cap, at, None).await?;
    anyhow::ensure!(
        forecast_sql(app, at).await? == (report.forecast, report.backtest),
        "the forecast and its anchor disagree"
    );
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
        "one statement ranking every spell",
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
        "months in SQL, same simulation",
    ));
    out.extend(super::allocation::scenarios(scale, runs).await?);
    Ok(out)
}
