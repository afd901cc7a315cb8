//! When will the last resident leave at the observed pace? A forecast with an
//! uncertainty band, and its back-test. Pure and deterministic (a fixed seed).
//!
//! Method (docs/resettlement.md says the same for readers): the history is the number
//! of people who departed in each calendar month, from the month of the first
//! departure to the last month of the record — months with no departure included,
//! because they are part of the pace. Each simulated future draws its months one by
//! one, at random and with replacement, from those observed months (a bootstrap), and
//! counts departures until no one is left or the horizon is reached. Of
//! `SIMULATIONS` futures, the 10th, 50th and 90th percentiles of the cumulative
//! departures at each month form the band, and the same percentiles of the month in
//! which the last resident leaves give the finish date and its range. The bootstrap
//! assumes the future is like the observed past — no new offers, no stop — which is
//! the question asked: "at the observed pace".

use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use rand::SeedableRng;

use super::pipeline::percentile;

pub const SIMULATIONS: usize = 1000;
/// How far the futures run: 50 years, in months.
pub const HORIZON: usize = 600;
/// The day of the first departure to Albania, as a number: any fixed seed would do.
const SEED: u64 = 20_130_520;

/// Cumulative future departures at one future month (1 = the first month after the
/// record).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct BandPoint {
    pub month: i64,
    pub p10: i64,
    pub p50: i64,
    pub p90: i64,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, utoipa::ToSchema)]
pub struct Forecast {
    /// Months of history the pace was read from.
    pub months_observed: i64,
    /// People departed in those months.
    pub departed_observed: i64,
    /// Mean departures per month.
    pub pace: f64,
    /// People still to leave.
    pub remaining: i64,
    /// Months until the last leaves: fast (10th percentile), median, slow (90th); `None`
    /// when more than 10 % (or 50 %, 90 %) of the futures do not finish in the horizon.
    pub finish_p10: Option<i64>,
    pub finish_p50: Option<i64>,
    pub finish_p90: Option<i64>,
    /// The band, month by month, up to the slow finish (or the horizon).
    pub band: Vec<BandPoint>,
}

/// Forecasts from `history` (people departed per month, oldest first, starting at the
/// first departure) with `remaining` people still to leave. `None` when there is no
/// history or no one has ever departed: there is no pace to project.
pub fn forecast(history: &[i64], remaining: i64, band_months: usize) -> Option<Forecast> {
    let departed: i64 = history.iter().sum();
    if history.is_empty() || departed <= 0 {
        return None;
    }
    let remaining = remaining.max(0);
    let mut rng = StdRng::seed_from_u64(SEED);
    let band_len = band_months.min(HORIZON);
    // paths[k][s]: cumulative departures of future s after k+1 months.
    let mut at_month: Vec<Vec<i64>> = vec![Vec::with_capacity(SIMULATIONS); band_len];
    let mut finishes: Vec<i64> = Vec::with_capacity(SIMULATIONS);
    for _ in 0..SIMULATIONS {
        let mut total = 0;
        let mut finish = None;
        for k in 0..HORIZON {
            if finish.is_none() {
                total += history.choose(&mut rng).copied().unwrap_or(0);
                if total >= remaining {
                    total = remaining;
                    finish = Some(k as i64 + 1);
                }
            }
            if let Some(v) = at_month.get_mut(k) {
                v.push(total);
            } else if finish.is_some() {
                break;
            }
        }
        // A future that never finishes sorts after every one that does.
        finishes.push(finish.unwrap_or(i64::MAX));
    }
    finishes.sort_unstable();
    let within = |p| percentile(&finishes, p).filter(|m| *m != i64::MAX);
    let band = at_month
        .into_iter()
        .enumerate()
        .map(|(k, mut v)| {
            v.sort_unstable();
            BandPoint {
                month: k as i64 + 1,
                p10: percentile(&v, 10).unwrap_or(0),
                p50: percentile(&v, 50).unwrap_or(0),
                p90: percentile(&v, 90).unwrap_or(0),
            }
        })
        .collect();
    Some(Forecast {
        months_observed: history.len() as i64,
        departed_observed: departed,
        pace: departed as f64 / history.len() as f64,
        remaining,
        finish_p10: within(10),
        finish_p50: within(50),
        finish_p90: within(90),
        band,
    })
}

/// How a forecast made at a past cut-off compares with what happened after it.
#[derive(Debug, Clone, PartialEq, serde::Serialize, utoipa::ToSchema)]
pub struct Backtest {
    /// Months of history before the cut-off, and after it (compared).
    pub months_fitted: i64,
    pub months_compared: i64,
    /// People who actually departed after the cut-off, and the forecast's median and
    /// band for the same months.
    pub actual: i64,
    pub forecast_p10: i64,
    pub forecast_p50: i64,
    pub forecast_p90: i64,
    /// Share of compared months whose actual cumulative departures lay inside the band.
    pub coverage: f64,
    /// Mean absolute difference between the median and the actual cumulative departures.
    pub mean_abs_error: f64,
    /// Month by month: (actual cumulative, the band point).
    pub months: Vec<(i64, BandPoint)>,
}

/// Fits on the first `fitted` months of `history` and compares the forecast with the
/// months after them. `remaining_at_cutoff` caps the forecast as it would have then.
pub fn backtest(history: &[i64], fitted: usize, remaining_at_cutoff: i64) -> Option<Backtest> {
    let (past, future) = (history.get(..fitted)?, history.get(fitted..)?);
    if future.is_empty() {
        return None;
    }
    let f = forecast(past, remaining_at_cutoff, future.len())?;
    let mut cumulative = 0;
    let mut months = Vec::new();
    let (mut inside, mut abs_error) = (0, 0.0);
    for (n, b) in future.iter().zip(f.band.iter()) {
        cumulative += n;
        if b.p10 <= cumulative && cumulative <= b.p90 {
            inside += 1;
        }
        abs_error += (b.p50 - cumulative).abs() as f64;
        months.push((cumulative, *b));
    }
    let last = f.band.last().copied()?;
    let compared = months.len() as f64;
    Some(Backtest {
        months_fitted: fitted as i64,
        months_compared: months.len() as i64,
        actual: cumulative,
        forecast_p10: last.p10,
        forecast_p50: last.p50,
        forecast_p90: last.p90,
        coverage: f64::from(inside) / compared,
        mean_abs_error: abs_error / compared,
        months,
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    #[test]
    fn a_steady_pace_finishes_when_arithmetic_says() {
        // Ten a month, 95 left: every future finishes in month 10, no spread.
        let f = forecast(&[10, 10, 10], 95, 12).unwrap();
        assert_eq!(f.pace, 10.0);
        assert_eq!(
            (f.finish_p10, f.finish_p50, f.finish_p90),
            (Some(10), Some(10), Some(10))
        );
        assert_eq!(
            f.band[2],
            BandPoint {
                month: 3,
                p10: 30,
                p50: 30,
                p90: 30
            }
        );
        assert_eq!(f.band[11].p50, 95, "capped at those remaining");
    }

    #[test]
    fn no_departures_no_pace() {
        assert!(forecast(&[0, 0, 0], 100, 12).is_none());
        assert!(forecast(&[], 100, 12).is_none());
    }

    #[test]
    fn an_uneven_pace_gives_a_band_around_the_mean() {
        // Months of 0 or 20 (mean 10), 100 left: the median future takes about ten
        // months, and the band is wide.
        let f = forecast(&[0, 20], 100, 30).unwrap();
        let m = f.finish_p50.unwrap();
        assert!((9..=11).contains(&m), "{m}");
        assert!(f.finish_p10.unwrap() < m && m < f.finish_p90.unwrap());
        let b = f.band[3];
        assert!(b.p10 < b.p50 && b.p50 < b.p90, "{b:?}");
        // Deterministic: the same history gives the same forecast.
        assert_eq!(forecast(&[0, 20], 100, 30).unwrap(), f);
    }

    #[test]
    fn a_pace_too_slow_for_the_horizon_has_no_finish() {
        let f = forecast(&[1, 0, 0, 0, 0, 0, 0, 0, 0, 0], 100_000, 12).unwrap();
        assert_eq!(f.finish_p50, None);
    }

    #[test]
    fn the_backtest_compares_with_what_happened() {
        // A steady 10 a month: the forecast from the first 6 months is exact after them.
        let b = backtest(&[10; 12], 6, 1000).unwrap();
        assert_eq!((b.months_fitted, b.months_compared), (6, 6));
        assert_eq!((b.actual, b.forecast_p50), (60, 60));
        assert_eq!(b.coverage, 1.0);
        assert_eq!(b.mean_abs_error, 0.0);
        // A pace that halves after the cut-off falls below the band.
        let mut h = vec![20; 6];
        h.extend([10; 6]);
        let b = backtest(&h, 6, 1000).unwrap();
        assert_eq!((b.actual, b.forecast_p50), (60, 120));
        assert_eq!(b.coverage, 0.0);
        assert!(
            backtest(&h, 12, 1000).is_none(),
            "nothing after the cut-off"
        );
    }
}
