//! The facts path (`facts.rs`) against judging from every visit: the same status, the
//! same visits named, and exactly the same history, the moment of every change
//! included, with the visits read only where a change is refined.

use super::compliance::{history, judge, verdict};
use super::facts::{Change, FactJudge, VisitFacts};
use super::*;
use proptest::prelude::*;

/// What the store reads for a change (`Change::after`): the visits that arrived from
/// the lowest arrival up to the change, and departed at or after the moment before it.
fn read(ev: &Evidence, ch: &Change) -> Vec<(i64, i64)> {
    let Some((p, lo)) = ch.after else {
        return vec![];
    };
    ev.visits
        .iter()
        .filter(|v| v.arrival >= lo && v.arrival <= ch.at && v.departure >= p)
        .map(|v| (v.arrival, v.departure))
        .collect()
}

fn term(presence: bool, share: i64, k: i64, period: i64) -> Term {
    if presence {
        Term::Presence {
            share_permille: share,
        }
    } else {
        Term::Frequency {
            visits: k,
            period_days: period,
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(600))]

    #[test]
    fn facts_give_the_status_and_history_of_every_visit(
        presence in any::<bool>(),
        share in 1i64..=1000,
        k in 1i64..4,
        period in 1i64..6,
        from in 0i64..(20 * DAY_MS),
        len in proptest::option::of(1i64..(60 * DAY_MS)),
        visits in proptest::collection::vec((0i64..(60 * DAY_MS), 0i64..(2 * DAY_MS)), 0..14),
        obs in proptest::collection::vec((0i64..(60 * DAY_MS), 0u8..4), 0..4),
        t in 0i64..(70 * DAY_MS),
        listed in 0usize..6,
    ) {
        let c = Commitment { term: term(presence, share, k, period), from, until: len.map(|l| from + l) };
        // As the store reads them: visits that began by the moment judged.
        let ev = Evidence {
            visits: visits
                .iter()
                .enumerate()
                .map(|(i, (a, l))| Visit { id: i as i64, arrival: *a, departure: a + l })
                .filter(|v| v.arrival <= t)
                .collect(),
            observations: obs
                .iter()
                .enumerate()
                .map(|(i, (at, o))| Observation {
                    id: i as i64,
                    at: *at,
                    outcome: match o {
                        0 => Outcome::Fulfilled,
                        1 => Outcome::NotFulfilled,
                        2 => Outcome::Partly(Some(300)),
                        _ => Outcome::Statement,
                    },
                })
                .filter(|o| o.at <= t)
                .collect(),
            ..Evidence::default()
        };
        let mut ev = ev;
        // In the store's order, which the visits named follow.
        ev.visits.sort_by_key(|v| (v.arrival, v.departure, v.id));
        let f = VisitFacts::from_visits(&c, &ev.visits, t, listed);
        let bare = Evidence { visits: vec![], ..ev.clone() };
        let j = FactJudge::new(&c, &bare, &f, t);

        // The status, and the visits named: the first `listed`, the rest counted.
        let full = judge(&c, &ev, t);
        let ours = j.judge();
        prop_assert_eq!(ours.status, full.status);
        let named = full.deciding.iter().filter(|r| matches!(r, EvidenceRef::Visit(_))).count();
        let listed_here = ours.deciding.iter().filter(|r| matches!(r, EvidenceRef::Visit(_))).count();
        if named > 0 || listed_here > 0 {
            let first: Vec<EvidenceRef> = full.deciding.iter().take(listed).copied().collect();
            prop_assert_eq!(&ours.deciding, &first);
            prop_assert_eq!(f.deciding_more, (named.saturating_sub(listed)) as i64);
        } else {
            prop_assert_eq!(&ours.deciding, &full.deciding);
        }

        // Every change, refined with the visits read for it alone.
        let mut got: Vec<(i64, &str)> = vec![];
        let mut before: Option<compliance::Status> = None;
        for ch in j.changes(&bare) {
            for (x, s) in j.refine(before, &ch, &read(&ev, &ch)) {
                got.push((x, s.as_str()));
                before = Some(s);
            }
        }
        let want: Vec<(i64, &str)> =
            history(&c, &ev, t).into_iter().map(|(x, j)| (x, j.status.as_str())).collect();
        prop_assert_eq!(&got, &want);

        // The day a status began, refining the last change only (what a list needs).
        let changes = j.changes(&bare);
        let since = match changes.last() {
            Some(last) => {
                let prior = changes.len().checked_sub(2).and_then(|i| changes.get(i)).map(|c| c.status);
                match j.refine(prior, last, &read(&ev, last)).last() {
                    Some((x, s)) if s.as_str() == ours.status.as_str() => *x,
                    _ => t,
                }
            }
            None => t,
        };
        prop_assert_eq!(since, verdict(&c, &ev, t).since);
    }
}

#[test]
fn overlapping_visits_merge_and_a_change_inside_a_span_is_found() {
    const H: i64 = 3_600_000;
    // Round-the-clock presence from day 0; visits 0–15 h and 14–20 h of day 0, then
    // 10–12 h of day 2. The share is met until the first departure's millisecond after.
    let c = Commitment {
        term: Term::Presence {
            share_permille: 1000,
        },
        from: 0,
        until: None,
    };
    let vs = vec![
        Visit {
            id: 1,
            arrival: 0,
            departure: 15 * H,
        },
        Visit {
            id: 2,
            arrival: 14 * H,
            departure: 20 * H,
        },
        Visit {
            id: 3,
            arrival: 2 * DAY_MS + 10 * H,
            departure: 2 * DAY_MS + 12 * H,
        },
    ];
    let at = 3 * DAY_MS;
    let f = VisitFacts::from_visits(&c, &vs, at, 2);
    assert_eq!(
        f.spans,
        vec![(0, 20 * H), (2 * DAY_MS + 10 * H, 2 * DAY_MS + 12 * H)]
    );
    assert_eq!((f.deciding.clone(), f.deciding_more), (vec![1, 2], 1));
    assert_eq!(f.covered(0, DAY_MS), 20 * H);
    let ev = Evidence {
        visits: vs,
        ..Evidence::default()
    };
    let bare = Evidence::default();
    let j = FactJudge::new(&c, &bare, &f, at);
    let full = verdict(&c, &ev, at);
    assert_eq!(j.judge().status, full.judgement.status);
    // Met through the span, partly met from 20 h and 1 ms on.
    let want: Vec<(i64, &str)> = history(&c, &ev, at)
        .into_iter()
        .map(|(x, j)| (x, j.status.as_str()))
        .collect();
    assert_eq!(want.last(), Some(&(20 * H + 1, "partly_met")));
    let changes = j.changes(&bare);
    let mut got = vec![];
    let mut before = None;
    for ch in &changes {
        for (x, s) in j.refine(before, ch, &read(&ev, ch)) {
            got.push((x, s.as_str()));
            before = Some(s);
        }
    }
    assert_eq!(got, want);
}
