//! The status history of a presence term in one sweep. Its share drifts between
//! visits, so the history looks at every midnight; judging each midnight afresh costs
//! days × visits. Here the visits are merged once into disjoint spans with running
//! totals, and each moment's coverage is a binary search: (days + visits) × log. The
//! full judgement (with the visits that decide it) is computed only where the status
//! changes. A property test holds it equal to judging every moment.

use super::compliance::{judge, presence_status, Judgement, Status};
use super::{Commitment, Evidence, Outcome};

/// The visits as disjoint spans from `from` on, and the time covered before each.
struct Cover {
    spans: Vec<(i64, i64)>,
    before: Vec<i64>,
}

impl Cover {
    fn new(ev: &Evidence, from: i64) -> Cover {
        let mut raw: Vec<(i64, i64)> = ev
            .visits
            .iter()
            .map(|v| (v.arrival.max(from), v.departure))
            .filter(|(a, b)| a < b)
            .collect();
        raw.sort_unstable();
        let mut spans: Vec<(i64, i64)> = Vec::with_capacity(raw.len());
        for (a, b) in raw {
            match spans.last_mut() {
                Some(last) if a <= last.1 => last.1 = last.1.max(b),
                _ => spans.push((a, b)),
            }
        }
        let mut before = Vec::with_capacity(spans.len() + 1);
        let mut total = 0i64;
        before.push(0);
        for (a, b) in &spans {
            total = total.saturating_add(b - a);
            before.push(total);
        }
        Cover { spans, before }
    }

    /// Time in `[from, end)` with a visit under way.
    fn upto(&self, end: i64) -> i64 {
        let n = self.spans.partition_point(|(a, _)| *a < end);
        let whole = self.before.get(n).copied().unwrap_or(0);
        let overhang = n
            .checked_sub(1)
            .and_then(|i| self.spans.get(i))
            .map_or(0, |(_, b)| (b - end).max(0));
        whole - overhang
    }
}

/// The status kind of a presence term at `t`, as `judge` gives it.
struct Presence<'a> {
    c: &'a Commitment,
    share_permille: i64,
    cover: Cover,
    first_arrival: Option<i64>,
    /// Observations that say whether the term was kept, by (day, id).
    deciding: Vec<(i64, i64, Outcome)>,
}

impl Presence<'_> {
    fn kind(&self, t: i64) -> &'static str {
        if t < self.c.from {
            return Status::Pending.as_str();
        }
        if self.first_arrival.is_none_or(|a| a > t) {
            let n = self.deciding.partition_point(|(at, _, _)| *at <= t);
            return match n.checked_sub(1).and_then(|i| self.deciding.get(i)) {
                Some((_, _, Outcome::Fulfilled)) => Status::Met.as_str(),
                Some((_, _, Outcome::Partly(_))) => "partly_met",
                Some((_, _, Outcome::NotFulfilled)) => Status::Breached.as_str(),
                _ => Status::CannotJudge.as_str(),
            };
        }
        let end = self.c.until.map_or(t, |u| u.min(t));
        let span = end.saturating_sub(self.c.from);
        if span <= 0 {
            return Status::Pending.as_str();
        }
        presence_status(self.cover.upto(end), span, self.share_permille).as_str()
    }
}

/// Every change of a presence term's status at `moments` (sorted), judged fully only
/// where the kind changes.
pub(super) fn presence_history(
    c: &Commitment,
    share_permille: i64,
    ev: &Evidence,
    moments: &[i64],
) -> Vec<(i64, Judgement)> {
    let mut deciding: Vec<(i64, i64, Outcome)> = ev
        .observations
        .iter()
        .filter(|o| o.outcome != Outcome::Statement)
        .map(|o| (o.at, o.id, o.outcome))
        .collect();
    deciding.sort_unstable_by_key(|(at, id, _)| (*at, *id));
    let p = Presence {
        c,
        share_permille,
        cover: Cover::new(ev, c.from),
        first_arrival: ev.visits.iter().map(|v| v.arrival).min(),
        deciding,
    };
    let mut out: Vec<(i64, Judgement)> = vec![];
    let mut last: Option<&'static str> = None;
    for &at in moments {
        let kind = p.kind(at);
        if last != Some(kind) {
            out.push((at, judge(c, ev, at)));
            last = Some(kind);
        }
    }
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::super::compliance::{history, history_by_judging};
    use super::super::{Observation, Term, Visit, DAY_MS};
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        /// The sweep gives exactly the history that judging every moment gives.
        #[test]
        fn the_sweep_equals_judging_every_moment(
            share in 1i64..=1000,
            from in 0i64..(20 * DAY_MS),
            len in proptest::option::of(1i64..(60 * DAY_MS)),
            visits in proptest::collection::vec((0i64..(80 * DAY_MS), 0i64..(3 * DAY_MS)), 0..12),
            obs in proptest::collection::vec((0i64..(80 * DAY_MS), 0u8..4), 0..4),
            t in 0i64..(90 * DAY_MS),
        ) {
            let c = Commitment {
                term: Term::Presence { share_permille: share },
                from,
                until: len.map(|l| from + l),
            };
            let ev = Evidence {
                visits: visits
                    .iter()
                    .enumerate()
                    .map(|(i, (a, l))| Visit { id: i as i64, arrival: *a, departure: a + l })
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
                    .collect(),
                ..Evidence::default()
            };
            prop_assert_eq!(history(&c, &ev, t), history_by_judging(&c, &ev, t));
        }
    }
}
