//! Resettlement pipeline analytics, pure: how long cases spend in each stage (median
//! and 90th percentile, per destination country), which open cases have not moved for
//! a given number of days, and the share of the population resettled month by month.
//!
//! The database does the per-case work (spells counted by length, each case's last
//! step, departures by day: `store::resettlement`); this module turns those few rows
//! into figures. Days are epoch milliseconds of midnight UTC.

use std::collections::BTreeMap;

const DAY: i64 = 86_400_000;

/// The nearest-rank percentile `p` (0 < p ≤ 100) of sorted values: the smallest value
/// with at least p % of the values at or below it. `None` for no values.
pub fn percentile(sorted: &[i64], p: u32) -> Option<i64> {
    if sorted.is_empty() {
        return None;
    }
    let n = sorted.len();
    // rank = ceil(p/100 · n), at least 1.
    let rank = (u64::from(p) * n as u64).div_ceil(100).max(1) as usize;
    sorted.get(rank.min(n) - 1).copied()
}

/// Time spent at one stage, for cases bound for one country (or all).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct StageTime {
    /// ISO alpha-3, `""` for cases not yet submitted anywhere, `"*"` for all cases.
    pub country: String,
    pub stage: String,
    /// Completed spells counted (a case still at the stage is not counted).
    pub spells: i64,
    pub median_days: i64,
    pub p90_days: i64,
}

/// The nearest-rank percentile `p` of values given as (value, how many), sorted by
/// value: the same answer as `percentile` over the values written out.
pub fn percentile_counted(counted: &[(i64, i64)], p: u32) -> Option<i64> {
    let n: i64 = counted.iter().map(|(_, k)| k).sum();
    if n <= 0 {
        return None;
    }
    let rank = (i64::from(p) * n + 99) / 100;
    let rank = rank.max(1);
    let mut seen = 0;
    for (v, k) in counted {
        seen += k;
        if seen >= rank {
            return Some(*v);
        }
    }
    counted.last().map(|(v, _)| *v)
}

/// Time in each stage per country and for all (`"*"`), from completed spells counted
/// by length: (country, stage, days, spells), as `store::resettlement::spell_counts`
/// gives them. A case's spells count toward the country it was last submitted to.
pub fn time_in_stage(counts: &[(String, String, i64, i64)]) -> Vec<StageTime> {
    let mut by: BTreeMap<(String, String), BTreeMap<i64, i64>> = BTreeMap::new();
    for (country, stage, days, n) in counts {
        for c in [country.as_str(), "*"] {
            *by.entry((c.to_string(), stage.clone()))
                .or_default()
                .entry(*days)
                .or_default() += n;
        }
    }
    by.into_iter()
        .map(|((country, stage), days)| {
            let counted: Vec<(i64, i64)> = days.into_iter().collect();
            StageTime {
                spells: counted.iter().map(|(_, k)| k).sum(),
                median_days: percentile_counted(&counted, 50).unwrap_or(0),
                p90_days: percentile_counted(&counted, 90).unwrap_or(0),
                country,
                stage,
            }
        })
        .collect()
}

/// An open case with no step for longer than the threshold.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct Stalled {
    pub case_id: i64,
    pub stage: String,
    /// The day of its last step.
    pub since: i64,
    pub days: i64,
    pub people: i64,
}

/// The stalled cases from each open case's last step by `as_of` (case, stage, day,
/// people), as `store::resettlement::stalled` reads them: those more than
/// `threshold_days` old. The store is asked for steps on or before `stalled_before`.
pub fn stalled(
    rows: Vec<(i64, String, i64, i64)>,
    as_of: i64,
    threshold_days: i64,
) -> Vec<Stalled> {
    let mut out: Vec<Stalled> = rows
        .into_iter()
        .map(|(case_id, stage, since, people)| Stalled {
            case_id,
            stage,
            since,
            days: (as_of - since) / DAY,
            people,
        })
        .filter(|s| s.days > threshold_days)
        .collect();
    out.sort_by(|a, b| b.days.cmp(&a.days).then(a.case_id.cmp(&b.case_id)));
    out
}

/// The last day a step may be on for its case to count as stalled on `as_of`.
pub fn stalled_before(as_of: i64, threshold_days: i64) -> i64 {
    as_of - (threshold_days + 1) * DAY
}

/// The first day of the month `ms` falls in, and of the next.
pub fn month_start(ms: i64) -> i64 {
    let (y, m) = year_month(ms);
    month_day(y, m)
}

pub fn next_month(ms: i64) -> i64 {
    let (y, m) = year_month(ms);
    if m == 12 {
        month_day(y + 1, 1)
    } else {
        month_day(y, m + 1)
    }
}

fn year_month(ms: i64) -> (i64, u32) {
    let t = crate::clock::rfc3339(ms);
    let y = t.get(0..4).and_then(|s| s.parse().ok()).unwrap_or(1970);
    let m = t.get(5..7).and_then(|s| s.parse().ok()).unwrap_or(1);
    (y, m)
}

fn month_day(y: i64, m: u32) -> i64 {
    crate::clock::parse_day(&format!("{y:04}-{m:02}-01")).unwrap_or(0)
}

/// People departed in each month from the month of `from` to the month of `to`, both
/// included: (first day of the month, people). `departures` are (day, people) in any
/// order; one pass over them once sorted.
pub fn monthly(departures: &[(i64, i64)], from: i64, to: i64) -> Vec<(i64, i64)> {
    let mut sorted: Vec<(i64, i64)> = departures
        .iter()
        .copied()
        .filter(|(d, _)| *d <= to)
        .collect();
    sorted.sort_unstable();
    let mut rest = sorted.into_iter().peekable();
    let mut out = Vec::new();
    let mut m = month_start(from);
    // Departures before the first month are not part of it.
    while rest.next_if(|(d, _)| *d < m).is_some() {}
    while m <= to {
        let next = next_month(m);
        let mut n = 0;
        while let Some((_, k)) = rest.next_if(|(d, _)| *d < next) {
            n += k;
        }
        out.push((m, n));
        m = next;
    }
    out
}

/// The share of `population` resettled by the end of each month: (first day of the
/// month, people resettled so far, share from 0 to 1).
pub fn share_resettled(monthly: &[(i64, i64)], population: i64) -> Vec<(i64, i64, f64)> {
    let mut total = 0;
    monthly
        .iter()
        .map(|(m, n)| {
            total += n;
            let share = if population > 0 {
                total as f64 / population as f64
            } else {
                0.0
            };
            (*m, total, share)
        })
        .collect()
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    fn d(s: &str) -> i64 {
        crate::clock::parse_day(s).unwrap()
    }

    #[test]
    fn nearest_rank_percentiles() {
        let v = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
        assert_eq!(percentile(&v, 50), Some(5));
        assert_eq!(percentile(&v, 90), Some(9));
        assert_eq!(percentile(&[7], 90), Some(7));
        assert_eq!(percentile(&[], 50), None);
        assert_eq!(percentile(&[3, 8], 50), Some(3));
    }

    #[test]
    fn counted_percentiles_match_the_written_out_ones() {
        let values = [1, 1, 1, 4, 4, 9, 9, 9, 9, 12, 30];
        let mut counted: Vec<(i64, i64)> = Vec::new();
        for v in values {
            match counted.last_mut() {
                Some((w, k)) if *w == v => *k += 1,
                _ => counted.push((v, 1)),
            }
        }
        for p in [1, 10, 25, 50, 75, 90, 99, 100] {
            assert_eq!(
                percentile_counted(&counted, p),
                percentile(&values, p),
                "p{p}"
            );
        }
        assert_eq!(percentile_counted(&[], 50), None);
    }

    #[test]
    fn time_in_stage_by_country_from_hand_computed_counts() {
        // identified: 10 days (ALB), 30 days (DEU); interviewed 20 (ALB), 10 (DEU);
        // a case never submitted spent 5 days identified.
        let row = |c: &str, s: &str, d: i64, n: i64| (c.to_string(), s.to_string(), d, n);
        let t = time_in_stage(&[
            row("ALB", "identified", 10, 1),
            row("DEU", "identified", 30, 1),
            row("", "identified", 5, 1),
            row("ALB", "interviewed", 20, 1),
            row("DEU", "interviewed", 10, 1),
        ]);
        let get = |c: &str, st: &str| t.iter().find(|x| x.country == c && x.stage == st).unwrap();
        assert_eq!(get("*", "identified").spells, 3);
        assert_eq!(get("*", "identified").median_days, 10);
        assert_eq!(get("*", "identified").p90_days, 30);
        assert_eq!(get("ALB", "identified").median_days, 10);
        assert_eq!(get("DEU", "interviewed").median_days, 10);
        assert_eq!(get("", "identified").median_days, 5);
        assert_eq!(get("*", "interviewed").median_days, 10);
    }

    #[test]
    fn stalled_cases_are_older_than_the_threshold() {
        let rows = vec![
            (2, "submitted".to_string(), d("2013-01-01"), 2),
            (3, "interviewed".to_string(), d("2013-03-20"), 1),
        ];
        let st = stalled(rows.clone(), d("2013-04-01"), 60);
        assert_eq!(st.len(), 1);
        assert_eq!((st[0].case_id, st[0].days), (2, 90));
        assert_eq!(stalled(rows, d("2013-04-01"), 5).len(), 2);
        // 90 days old is stalled at a threshold of 89, not of 90.
        assert_eq!(stalled_before(d("2013-04-01"), 89), d("2013-01-01"));
    }

    #[test]
    fn months_and_the_share_resettled() {
        let deps = vec![
            (d("2013-05-20"), 14),
            (d("2013-05-31"), 6),
            (d("2013-07-01"), 10),
        ];
        let m = monthly(&deps, d("2013-05-02"), d("2013-07-31"));
        assert_eq!(
            m,
            vec![
                (d("2013-05-01"), 20),
                (d("2013-06-01"), 0),
                (d("2013-07-01"), 10)
            ]
        );
        let sh = share_resettled(&m, 100);
        assert_eq!(sh[2].1, 30);
        assert!((sh[2].2 - 0.3).abs() < 1e-9);
        assert_eq!(next_month(d("2013-12-15")), d("2014-01-01"));
    }
}
