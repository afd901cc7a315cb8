//! Resettlement pipeline analytics, pure: how long cases spend in each stage (median
//! and 90th percentile, per destination country), which open cases have not moved for
//! a given number of days, and the share of the population resettled month by month.
//!
//! Inputs are the cases' steps in order (case by case, oldest first), as the store
//! reads them; days are epoch milliseconds of midnight UTC.

use std::collections::BTreeMap;

const DAY: i64 = 86_400_000;

/// One step of one case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    pub case_id: i64,
    pub stage: String,
    pub on: i64,
    pub country: Option<String>,
    pub people: i64,
}

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

/// Days spent in each stage, from each step to the next one of the same case, for
/// spells that ended on or before `as_of`. A case's country is the last one it was
/// submitted to by `as_of`, so its early stages count toward the country it went to.
pub fn time_in_stage(steps: &[Step], as_of: i64) -> Vec<StageTime> {
    let mut cases: BTreeMap<i64, Vec<&Step>> = BTreeMap::new();
    for s in steps.iter().filter(|s| s.on <= as_of) {
        cases.entry(s.case_id).or_default().push(s);
    }
    let mut spells: BTreeMap<(String, String), Vec<i64>> = BTreeMap::new();
    for case in cases.values() {
        let country = case
            .iter()
            .rev()
            .find_map(|s| s.country.clone())
            .unwrap_or_default();
        for w in case.windows(2) {
            if let [a, b] = w {
                let days = (b.on - a.on) / DAY;
                for c in [country.clone(), "*".to_string()] {
                    spells.entry((c, a.stage.clone())).or_default().push(days);
                }
            }
        }
    }
    spells
        .into_iter()
        .map(|((country, stage), mut days)| {
            days.sort_unstable();
            StageTime {
                country,
                stage,
                spells: days.len() as i64,
                median_days: percentile(&days, 50).unwrap_or(0),
                p90_days: percentile(&days, 90).unwrap_or(0),
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

/// Cases whose last step on or before `as_of` is not final and is more than
/// `threshold_days` old, longest-stalled first.
pub fn stalled(steps: &[Step], as_of: i64, threshold_days: i64) -> Vec<Stalled> {
    let mut last: BTreeMap<i64, &Step> = BTreeMap::new();
    for s in steps.iter().filter(|s| s.on <= as_of) {
        last.insert(s.case_id, s);
    }
    let mut out: Vec<Stalled> = last
        .into_values()
        .filter(|s| s.stage != "departed" && s.stage != "withdrawn")
        .map(|s| Stalled {
            case_id: s.case_id,
            stage: s.stage.clone(),
            since: s.on,
            days: (as_of - s.on) / DAY,
            people: s.people,
        })
        .filter(|s| s.days > threshold_days)
        .collect();
    out.sort_by(|a, b| b.days.cmp(&a.days).then(a.case_id.cmp(&b.case_id)));
    out
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
/// included: (first day of the month, people).
pub fn monthly(departures: &[(i64, i64)], from: i64, to: i64) -> Vec<(i64, i64)> {
    let mut out = Vec::new();
    let mut m = month_start(from);
    while m <= to {
        let next = next_month(m);
        let n = departures
            .iter()
            .filter(|(d, _)| *d >= m && *d < next && *d <= to)
            .map(|(_, n)| n)
            .sum();
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

    fn s(case_id: i64, stage: &str, on: &str, country: Option<&str>) -> Step {
        Step {
            case_id,
            stage: stage.into(),
            on: d(on),
            country: country.map(Into::into),
            people: 2,
        }
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
    fn time_in_stage_by_country_from_hand_computed_cases() {
        let steps = vec![
            s(1, "identified", "2013-01-01", None),
            s(1, "interviewed", "2013-01-11", None),
            s(1, "submitted", "2013-01-31", Some("ALB")),
            s(1, "accepted", "2013-03-02", Some("ALB")),
            s(2, "identified", "2013-01-01", None),
            s(2, "interviewed", "2013-01-31", None),
            s(2, "submitted", "2013-02-10", Some("DEU")),
            s(3, "identified", "2013-01-01", None),
        ];
        let t = time_in_stage(&steps, d("2014-01-01"));
        let get = |c: &str, st: &str| t.iter().find(|x| x.country == c && x.stage == st).unwrap();
        // identified: 10 days (ALB), 30 days (DEU); case 3 still there, not counted.
        assert_eq!(get("*", "identified").spells, 2);
        assert_eq!(get("*", "identified").median_days, 10);
        assert_eq!(get("*", "identified").p90_days, 30);
        assert_eq!(get("ALB", "identified").median_days, 10);
        assert_eq!(get("DEU", "interviewed").median_days, 10);
        assert_eq!(get("ALB", "submitted").median_days, 30);
        // As of an earlier day, later steps do not exist yet.
        let early = time_in_stage(&steps, d("2013-01-20"));
        assert!(early.iter().all(|x| x.stage == "identified"));
        assert!(
            early.iter().any(|x| x.country.is_empty()),
            "not yet submitted"
        );
    }

    #[test]
    fn stalled_cases_are_open_and_older_than_the_threshold() {
        let steps = vec![
            s(1, "identified", "2013-01-01", None),
            s(1, "departed", "2013-02-01", Some("ALB")),
            s(2, "submitted", "2013-01-01", Some("DEU")),
            s(3, "interviewed", "2013-03-20", None),
        ];
        let st = stalled(&steps, d("2013-04-01"), 60);
        assert_eq!(st.len(), 1);
        assert_eq!((st[0].case_id, st[0].days), (2, 90));
        assert_eq!(stalled(&steps, d("2013-04-01"), 5).len(), 2);
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
