//! The pipeline and the forecast, as of a day: the funnel, time in each stage per
//! country, stalled cases, the share of the population resettled month by month, and
//! when the last resident leaves at the observed pace, with its back-test. Reads
//! only; the arithmetic is in `domain::pipeline` and `domain::forecast`.

use crate::actions::Result;
use crate::app::App;
use crate::auth::capability::ReadRecord;
use crate::auth::Cap;
use crate::domain::forecast::{self, Backtest, Forecast};
use crate::domain::pipeline::{self, StageTime, Stalled};
use crate::store::resettlement::StageCount;
use crate::store::{self, Conn};

/// The setting that says which day the record is current to, when it is not today (a
/// record entered from archives; the demo). Analytics default to that day.
pub const RECORD_DATE: &str = "resettlement_record_date";

/// Stalled: no step for more than this many days, unless the reader chooses.
pub const STALL_DAYS: i64 = 180;

/// The day analytics look from when the reader names none.
pub async fn default_as_of(app: &App) -> Result<i64> {
    let mut c = app.store.read().await?;
    let set = store::settings::get(&mut c, RECORD_DATE).await?;
    let today = super::day_of(app.now());
    Ok(set
        .and_then(|d| crate::clock::parse_day(&d))
        .map_or(today, |d| d.min(today)))
}

/// Time in each stage per country, as of `as_of` (also part of `pipeline`): the
/// database counts spells by length, the percentiles are read from the counts.
pub async fn time_in_stage(
    app: &App,
    _cap: &Cap<ReadRecord>,
    as_of: i64,
) -> Result<Vec<StageTime>> {
    let mut c = app.store.read().await?;
    stage_times(&mut c, as_of).await
}

async fn stage_times(c: &mut Conn, as_of: i64) -> Result<Vec<StageTime>> {
    let counts = store::resettlement::spell_counts(c, as_of).await?;
    Ok(pipeline::time_in_stage(&counts))
}

#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct Pipeline {
    /// The day it is drawn at (epoch ms of midnight UTC; its end is included).
    pub as_of: i64,
    pub stall_days: i64,
    pub funnel: Vec<StageCount>,
    pub time_in_stage: Vec<StageTime>,
    pub stalled: Vec<Stalled>,
    /// Residents who are or were in the camps (present, transferred or resettled).
    pub population: i64,
    /// By month: (first day, people resettled so far, share of the population).
    pub share: Vec<(i64, i64, f64)>,
}

pub async fn pipeline(
    app: &App,
    cap: &Cap<ReadRecord>,
    as_of: i64,
    stall_days: i64,
) -> Result<Pipeline> {
    let funnel = super::funnel(app, cap, Some(as_of)).await?;
    let mut c = app.store.read().await?;
    let population = store::resettlement::population(&mut c).await?;
    let departures = store::resettlement::departures_by_day(&mut c, as_of).await?;
    let first = store::resettlement::first_step_on(&mut c)
        .await?
        .unwrap_or(as_of);
    let months = pipeline::monthly(&departures, first.min(as_of), as_of);
    let stalled =
        store::resettlement::stalled(&mut c, as_of, pipeline::stalled_before(as_of, stall_days))
            .await?;
    Ok(Pipeline {
        as_of,
        stall_days,
        funnel,
        time_in_stage: stage_times(&mut c, as_of).await?,
        stalled: pipeline::stalled(stalled, as_of, stall_days),
        share: pipeline::share_resettled(&months, population),
        population,
    })
}

#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct ForecastReport {
    pub as_of: i64,
    pub population: i64,
    /// People departed, month by month, from the first departure to `as_of`.
    pub history: Vec<(i64, i64)>,
    pub departed: i64,
    pub remaining: i64,
    /// `None`: no one has departed yet, so there is no pace to project.
    pub forecast: Option<Forecast>,
    /// The back-test's cut-off (first day of the first month not fitted).
    pub cutoff: Option<i64>,
    pub backtest: Option<Backtest>,
}

/// Months of band drawn beyond the record, at most.
const BAND_MONTHS: usize = 360;

/// The forecast as of `as_of`, back-tested at `cutoff` (default: the middle of the
/// history).
pub async fn forecast(
    app: &App,
    _cap: &Cap<ReadRecord>,
    as_of: i64,
    cutoff: Option<i64>,
) -> Result<ForecastReport> {
    let mut c = app.store.read().await?;
    let population = store::resettlement::population(&mut c).await?;
    // Departures summed by day in the database: a few hundred rows, not one per case.
    let departures = store::resettlement::departures_by_day(&mut c, as_of).await?;
    let history = match departures.first() {
        Some((first, _)) => pipeline::monthly(&departures, *first, as_of),
        None => Vec::new(),
    };
    let counts: Vec<i64> = history.iter().map(|(_, n)| *n).collect();
    let departed: i64 = counts.iter().sum();
    let remaining = (population - departed).max(0);
    let fitted = match cutoff {
        Some(cut) => history.iter().filter(|(m, _)| *m < cut).count(),
        None => history.len() / 2,
    };
    let before: i64 = counts.iter().take(fitted).sum();
    let backtest = if fitted > 0 {
        forecast::backtest(&counts, fitted, population - before)
    } else {
        None
    };
    let mut projected = forecast::forecast(&counts, remaining, BAND_MONTHS);
    if let Some(f) = projected.as_mut() {
        // The band stops once the slow futures have finished too.
        let months = f.finish_p90.map_or(BAND_MONTHS, |m| m.max(1) as usize);
        f.band.truncate(months);
    }
    Ok(ForecastReport {
        as_of,
        population,
        forecast: projected,
        cutoff: history.get(fitted).map(|(m, _)| *m),
        backtest,
        history,
        departed,
        remaining,
    })
}
