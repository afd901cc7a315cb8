//! The timeline: incidents counted by category and by the month they began. An
//! incident known only to the year is counted under its year, never pretended into
//! January; such a year sorts before the months of that year.

use std::collections::BTreeMap;

use super::Precision;

/// Where an incident falls on the timeline.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, utoipa::ToSchema,
)]
pub struct Period {
    pub year: i32,
    /// 1–12, or `None` when only the year is known.
    pub month: Option<u8>,
}

impl Period {
    pub fn of(started_at: i64, precision: Precision) -> Period {
        let t = time::OffsetDateTime::from_unix_timestamp(started_at.div_euclid(1000))
            .unwrap_or(time::OffsetDateTime::UNIX_EPOCH);
        Period {
            year: t.year(),
            month: (precision != Precision::Year).then(|| u8::from(t.month())),
        }
    }

    /// The period a [`Period::key`] names.
    pub fn from_key(key: &str) -> Option<Period> {
        let (y, m) = match key.split_once('-') {
            Some((y, m)) => (y, Some(m)),
            None => (key, None),
        };
        let year = y.parse().ok()?;
        let month = match m {
            Some(m) => Some(m.parse::<u8>().ok().filter(|m| (1..=12).contains(m))?),
            None => None,
        };
        Some(Period { year, month })
    }

    /// `2013-12`, or `2013` when only the year is known.
    pub fn key(&self) -> String {
        match self.month {
            Some(m) => format!("{:04}-{m:02}", self.year),
            None => format!("{:04}", self.year),
        }
    }
}

/// One period of the timeline: how many incidents of each category began in it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct TimelineRow {
    pub period: Period,
    /// (category, count), categories in the order given.
    pub counts: Vec<(String, i64)>,
    pub total: i64,
}

/// Counts `(period, category)` pairs into rows, in time order. Every row lists every
/// category that occurs anywhere, in first-seen order, so rows line up as columns.
pub fn timeline(items: &[(Period, &str)]) -> Vec<TimelineRow> {
    let counted: Vec<(Period, &str, i64)> = items.iter().map(|(p, c)| (*p, *c, 1)).collect();
    timeline_counted(&counted)
}

/// As [`timeline`], from counts already made (an SQL aggregate's groups, which may
/// repeat a period and category).
pub fn timeline_counted(items: &[(Period, &str, i64)]) -> Vec<TimelineRow> {
    let mut categories: Vec<&str> = Vec::new();
    let mut by_period: BTreeMap<Period, BTreeMap<&str, i64>> = BTreeMap::new();
    for (period, category, n) in items {
        if !categories.contains(category) {
            categories.push(category);
        }
        *by_period
            .entry(*period)
            .or_default()
            .entry(category)
            .or_default() += n;
    }
    by_period
        .into_iter()
        .map(|(period, counts)| TimelineRow {
            period,
            total: counts.values().sum(),
            counts: categories
                .iter()
                .map(|c| (c.to_string(), counts.get(c).copied().unwrap_or(0)))
                .collect(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(day: &str) -> i64 {
        crate::clock::parse_day(day).unwrap_or(0)
    }

    #[test]
    fn incidents_count_by_month_and_category() {
        let dec = Period::of(at("2013-12-26"), Precision::Day);
        let dec2 = Period::of(at("2013-12-01"), Precision::Month);
        let feb = Period::of(at("2013-02-01"), Precision::Month);
        let year = Period::of(at("2013-01-01"), Precision::Year);
        assert_eq!(
            (dec.key(), year.key()),
            ("2013-12".to_string(), "2013".to_string())
        );
        let rows = timeline(&[
            (dec, "rocket_attack"),
            (feb, "rocket_attack"),
            (dec2, "information_gathering"),
            (year, "threat"),
        ]);
        let keys: Vec<String> = rows.iter().map(|r| r.period.key()).collect();
        assert_eq!(keys, vec!["2013", "2013-02", "2013-12"]);
        let last = rows.last().map(|r| (r.total, r.counts.clone()));
        assert_eq!(
            last,
            Some((
                2,
                vec![
                    ("rocket_attack".to_string(), 1),
                    ("information_gathering".to_string(), 1),
                    ("threat".to_string(), 0)
                ]
            ))
        );
        assert!(timeline(&[]).is_empty());
        for p in [dec, feb, year] {
            assert_eq!(Period::from_key(&p.key()), Some(p));
        }
        assert_eq!(Period::from_key("2013-13"), None);
        assert_eq!(Period::from_key(""), None);
        let counted = timeline_counted(&[(dec, "threat", 3), (dec, "threat", 2)]);
        assert_eq!(counted.first().map(|r| r.total), Some(5));
    }
}
