//! The status histories of frequency, prohibition and access terms without judging
//! every moment afresh. Judging a moment costs the whole evidence (every visit, every
//! incident), and a term with a million visits has two million moments; here each
//! moment's status *kind* is read from figures computed once, and the full judgement
//! (with the evidence that decides it) is computed only where the kind changes. A
//! property test holds both equal to judging every moment.
//!
//! - frequency: the windows' visit counts are bucketed once and the windows kept are
//!   summed as a prefix, so a moment costs O(1); between the first visit and the end of
//!   the first window the status is pending, before the first visit the latest
//!   deciding observation speaks (as `judge` has it);
//! - prohibition and access: breached from the first incident in the period in force
//!   (or the first *not fulfilled* observation) on, for ever after — the evidence only
//!   grows with the moment — and met before it.

use super::compliance::{judge, Judgement, Status};
use super::{Commitment, Evidence, Outcome, DAY_MS};

/// The kind `judge` gives when a term has no visits yet: the latest deciding
/// observation's, else cannot be judged. `deciding` is sorted by (day, id).
pub(super) fn fallback_kind(deciding: &[(i64, i64, Outcome)], t: i64) -> &'static str {
    let n = deciding.partition_point(|(at, _, _)| *at <= t);
    match n.checked_sub(1).and_then(|i| deciding.get(i)) {
        Some((_, _, Outcome::Fulfilled)) => Status::Met.as_str(),
        Some((_, _, Outcome::Partly(_))) => "partly_met",
        Some((_, _, Outcome::NotFulfilled)) => Status::Breached.as_str(),
        _ => Status::CannotJudge.as_str(),
    }
}

/// The observations that say whether a term was kept, by (day, id).
pub(super) fn deciding_observations(ev: &Evidence) -> Vec<(i64, i64, Outcome)> {
    let mut d: Vec<(i64, i64, Outcome)> = ev
        .observations
        .iter()
        .filter(|o| o.outcome != Outcome::Statement)
        .map(|o| (o.at, o.id, o.outcome))
        .collect();
    d.sort_unstable_by_key(|(at, id, _)| (*at, *id));
    d
}

/// Every change of kind at `moments` (sorted), judged fully only where it changes.
fn changes(
    c: &Commitment,
    ev: &Evidence,
    moments: &[i64],
    kind: impl Fn(i64) -> &'static str,
) -> Vec<(i64, Judgement)> {
    let mut out: Vec<(i64, Judgement)> = vec![];
    let mut last: Option<&'static str> = None;
    for &at in moments {
        let k = kind(at);
        if last != Some(k) {
            out.push((at, judge(c, ev, at)));
            last = Some(k);
        }
    }
    out
}

/// The kind of a ratio of kept to owed, as `judge` names it.
fn ratio_kind(got: i64, owed: i64) -> &'static str {
    if got >= owed {
        Status::Met.as_str()
    } else if got <= 0 {
        Status::Breached.as_str()
    } else {
        "partly_met"
    }
}

pub(super) fn frequency_history(
    c: &Commitment,
    visits: i64,
    period_days: i64,
    ev: &Evidence,
    moments: &[i64],
) -> Vec<(i64, Judgement)> {
    let len = period_days.saturating_mul(DAY_MS).max(1);
    let windows_at = |t: i64| {
        let end = c.until.map_or(t, |u| u.min(t));
        end.saturating_sub(c.from).max(0) / len
    };
    let most = moments.last().map_or(0, |t| windows_at(*t).max(0));
    let most = usize::try_from(most).unwrap_or(0);
    let mut counts = vec![0i64; most];
    for v in &ev.visits {
        if v.arrival >= c.from {
            let w = usize::try_from((v.arrival - c.from) / len).unwrap_or(usize::MAX);
            if let Some(n) = counts.get_mut(w) {
                *n += 1;
            }
        }
    }
    // kept[w]: windows kept among the first w.
    let mut kept = Vec::with_capacity(most + 1);
    kept.push(0i64);
    let mut sum = 0i64;
    for n in &counts {
        sum += i64::from(*n >= visits);
        kept.push(sum);
    }
    let deciding = deciding_observations(ev);
    let first_arrival = ev.visits.iter().map(|v| v.arrival).min();
    changes(c, ev, moments, |t| {
        if t < c.from {
            return Status::Pending.as_str();
        }
        if first_arrival.is_none_or(|a| a > t) {
            return fallback_kind(&deciding, t);
        }
        let windows = windows_at(t);
        if windows == 0 {
            return Status::Pending.as_str();
        }
        let w = usize::try_from(windows).unwrap_or(usize::MAX);
        ratio_kind(kept.get(w).copied().unwrap_or(sum), windows)
    })
}

pub(super) fn breach_history(
    c: &Commitment,
    ev: &Evidence,
    moments: &[i64],
) -> Vec<(i64, Judgement)> {
    let incident = ev
        .incidents
        .iter()
        .map(|i| i.at)
        .filter(|at| *at >= c.from && c.until.is_none_or(|u| *at <= u))
        .min();
    let observed = ev
        .observations
        .iter()
        .filter(|o| o.outcome == Outcome::NotFulfilled)
        .map(|o| o.at)
        .min();
    let first = match (incident, observed) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    };
    changes(c, ev, moments, |t| {
        if t < c.from {
            Status::Pending.as_str()
        } else if first.is_some_and(|b| b <= t) {
            Status::Breached.as_str()
        } else {
            Status::Met.as_str()
        }
    })
}
