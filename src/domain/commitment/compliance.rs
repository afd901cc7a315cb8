//! The judge: a pure function of a commitment and its evidence *as of a moment*.
//!
//! Evidence dated after the moment is ignored (a property test holds the judge to
//! it), so "what stood on 1 September 2012?" is answered by the same code that
//! answers "what stands today?". Every status names the evidence that decides it; an
//! empty list means the status rests on the absence of evidence (a prohibition with no
//! recorded breach, a deadline not yet due), which the pages say in words.

use super::{Commitment, Evidence, EvidenceRef, Outcome, Term, Visit, DAY_MS};

/// Shares are in ‰ so that they stay whole numbers in the store and in exports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Pending,
    Met,
    /// Partly met, with the share in ‰ where the evidence gives one.
    PartlyMet(Option<i64>),
    Breached,
    CannotJudge,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Pending => "pending",
            Status::Met => "met",
            Status::PartlyMet(_) => "partly_met",
            Status::Breached => "breached",
            Status::CannotJudge => "cannot_judge",
        }
    }

    pub fn share(self) -> Option<i64> {
        match self {
            Status::PartlyMet(s) => s,
            _ => None,
        }
    }
}

/// A status with what decides it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Judgement {
    pub status: Status,
    pub deciding: Vec<EvidenceRef>,
}

/// A judgement, and the moment the status (its kind, not its share) last changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verdict {
    pub judgement: Judgement,
    pub since: i64,
}

fn judged(status: Status, deciding: Vec<EvidenceRef>) -> Judgement {
    Judgement { status, deciding }
}

/// The latest observation up to `t` that says whether the commitment was kept.
fn latest_deciding(ev: &Evidence, t: i64) -> Option<(EvidenceRef, Outcome)> {
    ev.observations
        .iter()
        .filter(|o| o.at <= t && o.outcome != Outcome::Statement)
        .max_by_key(|o| (o.at, o.id))
        .map(|o| (EvidenceRef::Observation(o.id), o.outcome))
}

fn from_observation(r: EvidenceRef, o: Outcome) -> Judgement {
    let status = match o {
        Outcome::Fulfilled => Status::Met,
        Outcome::Partly(s) => Status::PartlyMet(s),
        Outcome::NotFulfilled => Status::Breached,
        Outcome::Statement => Status::CannotJudge,
    };
    judged(status, vec![r])
}

/// The status of `c` as of moment `t`, from the evidence dated up to `t` only.
pub fn judge(c: &Commitment, ev: &Evidence, t: i64) -> Judgement {
    if t < c.from {
        return judged(Status::Pending, vec![]);
    }
    // The period judged ends at `t`, or when the commitment ceased to be in force.
    let end = c.until.map_or(t, |u| u.min(t));
    let over = c.until.is_some_and(|u| t >= u);
    let fallback = |none: Status| match latest_deciding(ev, t) {
        Some((r, o)) => from_observation(r, o),
        None => judged(none, vec![]),
    };
    match &c.term {
        Term::Deadline { due } => deadline(ev, t, due.saturating_add(DAY_MS)),
        Term::Quantity {
            at_least,
            per_residents,
            ..
        } => {
            let ds: Vec<_> = ev.deliveries.iter().filter(|d| d.at <= t).collect();
            if ds.is_empty() {
                // No convoy carried the item: the latest count at the site decides.
                if let Some(n) = ev
                    .counts
                    .iter()
                    .filter(|n| n.at <= t)
                    .max_by_key(|n| (n.at, n.id))
                {
                    let r = vec![EvidenceRef::Observation(n.id)];
                    return match owed(*at_least, *per_residents, n.residents) {
                        Some(req) => judged(ratio_status(n.counted.min(req), req), r),
                        None => judged(Status::CannotJudge, r),
                    };
                }
                return fallback(if over {
                    Status::CannotJudge
                } else {
                    Status::Pending
                });
            }
            let (mut got, mut due, mut refs) = (0i64, 0i64, vec![]);
            for d in &ds {
                let required = owed(*at_least, *per_residents, d.residents);
                if let (Some(req), Some(del)) = (required, d.delivered) {
                    got = got.saturating_add(del.min(req).max(0));
                    due = due.saturating_add(req);
                    refs.push(EvidenceRef::Manifest(d.convoy_id, d.line_id));
                }
            }
            if refs.is_empty() {
                let refs = ds
                    .iter()
                    .map(|d| EvidenceRef::Manifest(d.convoy_id, d.line_id))
                    .collect();
                return judged(Status::CannotJudge, refs);
            }
            judged(ratio_status(got, due), refs)
        }
        Term::Presence { share_permille } => {
            let vs: Vec<&Visit> = ev.visits.iter().filter(|v| v.arrival <= t).collect();
            if vs.is_empty() {
                return fallback(Status::CannotJudge);
            }
            let span = end.saturating_sub(c.from);
            if span <= 0 {
                return judged(Status::Pending, vec![]);
            }
            let covered = coverage(&vs, c.from, end);
            let refs = vs
                .iter()
                .filter(|v| v.departure > c.from && v.arrival < end)
                .map(|v| EvidenceRef::Visit(v.id))
                .collect();
            judged(presence_status(covered, span, *share_permille), refs)
        }
        Term::Frequency {
            visits,
            period_days,
        } => {
            let vs: Vec<&Visit> = ev.visits.iter().filter(|v| v.arrival <= t).collect();
            if vs.is_empty() {
                return fallback(Status::CannotJudge);
            }
            let len = period_days.saturating_mul(DAY_MS).max(1);
            let windows = end.saturating_sub(c.from).max(0) / len;
            if windows == 0 {
                return judged(Status::Pending, vec![]);
            }
            let stop = c.from.saturating_add(windows.saturating_mul(len));
            // The visits bucketed by window in one pass (not windows × visits).
            let mut counts = vec![0i64; usize::try_from(windows).unwrap_or(0)];
            for v in vs
                .iter()
                .filter(|v| v.arrival >= c.from && v.arrival < stop)
            {
                let w = usize::try_from((v.arrival - c.from) / len).unwrap_or(usize::MAX);
                if let Some(n) = counts.get_mut(w) {
                    *n += 1;
                }
            }
            let met = counts.iter().map(|n| i64::from(*n >= *visits)).sum::<i64>();
            let mut refs = vec![];
            refs.extend(
                vs.iter()
                    .filter(|v| v.arrival >= c.from && v.arrival < stop)
                    .map(|v| EvidenceRef::Visit(v.id)),
            );
            judged(ratio_status(met, windows), refs)
        }
        Term::Prohibition { .. } | Term::Access { .. } => {
            let mut refs: Vec<(i64, EvidenceRef)> = ev
                .incidents
                .iter()
                .filter(|i| i.at >= c.from && i.at <= end)
                .map(|i| (i.at, EvidenceRef::Incident(i.id)))
                .collect();
            refs.extend(
                ev.observations
                    .iter()
                    .filter(|o| o.at <= t && o.outcome == Outcome::NotFulfilled)
                    .map(|o| (o.at, EvidenceRef::Observation(o.id))),
            );
            if refs.is_empty() {
                // No breach recorded: kept so far; a fulfilled observation, if any,
                // is what the page can point to.
                let refs = latest_deciding(ev, t)
                    .filter(|(_, o)| *o == Outcome::Fulfilled)
                    .map(|(r, _)| vec![r])
                    .unwrap_or_default();
                return judged(Status::Met, refs);
            }
            refs.sort();
            judged(Status::Breached, refs.into_iter().map(|(_, r)| r).collect())
        }
    }
}

fn deadline(ev: &Evidence, t: i64, due_end: i64) -> Judgement {
    let first_done = ev
        .observations
        .iter()
        .filter(|o| o.at <= t && o.outcome == Outcome::Fulfilled)
        .min_by_key(|o| (o.at, o.id));
    if let Some(o) = first_done {
        let status = if o.at < due_end {
            Status::Met
        } else {
            // Done, but late: the deadline was still missed.
            Status::Breached
        };
        return judged(status, vec![EvidenceRef::Observation(o.id)]);
    }
    if t < due_end {
        return judged(Status::Pending, vec![]);
    }
    match latest_deciding(ev, t) {
        Some((r, o)) => from_observation(r, o),
        // Past due with nothing recorded either way.
        None => judged(Status::CannotJudge, vec![]),
    }
}

/// What a quantity term owes for `residents` people: `at_least`, or `at_least` for
/// every started block of `per` residents, rounded up (10 per 400 for 410 residents
/// is 11, not 10.25). `None` when the term is per residents and the head count is
/// unknown.
pub fn owed(at_least: i64, per_residents: Option<i64>, residents: Option<i64>) -> Option<i64> {
    match (per_residents, residents) {
        (None, _) => Some(at_least),
        (Some(per), Some(r)) if per > 0 => {
            Some(at_least.saturating_mul(r.max(0)).saturating_add(per - 1) / per)
        }
        _ => None,
    }
}

/// A presence term's status: `covered` of `span` (> 0) against `share_permille` ‰,
/// in whole numbers.
pub(super) fn presence_status(covered: i64, span: i64, share_permille: i64) -> Status {
    let owed = i128::from(span) * i128::from(share_permille);
    let got = i128::from(covered) * 1000;
    if got >= owed {
        Status::Met
    } else if covered == 0 {
        Status::Breached
    } else {
        Status::PartlyMet(Some(i64::try_from(got * 1000 / owed.max(1)).unwrap_or(0)))
    }
}

pub(super) fn ratio_status(got: i64, owed: i64) -> Status {
    if got >= owed {
        Status::Met
    } else if got <= 0 {
        Status::Breached
    } else {
        let share = i128::from(got) * 1000 / i128::from(owed.max(1));
        Status::PartlyMet(Some(i64::try_from(share).unwrap_or(0)))
    }
}

/// Milliseconds of `[from, end)` covered by at least one visit (overlaps counted once).
pub fn coverage(vs: &[&Visit], from: i64, end: i64) -> i64 {
    let mut spans: Vec<(i64, i64)> = vs
        .iter()
        .map(|v| (v.arrival.max(from), v.departure.min(end)))
        .filter(|(a, b)| a < b)
        .collect();
    spans.sort_unstable();
    let (mut total, mut reach) = (0i64, i64::MIN);
    for (a, b) in spans {
        let a = a.max(reach);
        if b > a {
            total += b - a;
            reach = b;
        }
    }
    total
}

/// The gaps in `[from, end)` with no visit, longest first.
pub fn gaps(vs: &[&Visit], from: i64, end: i64) -> Vec<(i64, i64)> {
    let mut spans: Vec<(i64, i64)> = vs
        .iter()
        .map(|v| (v.arrival.max(from), v.departure.min(end)))
        .filter(|(a, b)| a < b)
        .collect();
    spans.sort_unstable();
    let mut out = vec![];
    let mut reach = from;
    for (a, b) in spans {
        if a > reach {
            out.push((reach, a));
        }
        reach = reach.max(b);
    }
    if end > reach {
        out.push((reach, end));
    }
    out.sort_by_key(|(a, b)| (std::cmp::Reverse(b - a), *a));
    out
}

/// The moments at which the status can change, up to `t`: the period's bounds, the
/// deadline, every piece of evidence, the frequency windows' ends, and (for presence,
/// whose share drifts between visits) every midnight.
fn moments(c: &Commitment, ev: &Evidence, t: i64) -> Vec<i64> {
    let mut m = vec![c.from];
    m.extend(c.until);
    m.extend(ev.observations.iter().map(|o| o.at));
    m.extend(ev.deliveries.iter().map(|d| d.at));
    m.extend(ev.incidents.iter().map(|i| i.at));
    m.extend(ev.visits.iter().flat_map(|v| [v.arrival, v.departure]));
    let stop = c.until.map_or(t, |u| u.min(t));
    match &c.term {
        Term::Deadline { due } => m.push(due.saturating_add(DAY_MS)),
        Term::Frequency { period_days, .. } => {
            let len = period_days.saturating_mul(DAY_MS).max(1);
            let mut w = c.from.saturating_add(len);
            while w <= stop {
                m.push(w);
                w = w.saturating_add(len);
            }
        }
        Term::Presence { .. } => {
            // The share starts falling the moment the monitors leave.
            m.extend(ev.visits.iter().map(|v| v.departure.saturating_add(1)));
            let mut d = c.from - c.from.rem_euclid(DAY_MS) + DAY_MS;
            while d <= stop {
                m.push(d);
                d += DAY_MS;
            }
        }
        _ => {}
    }
    m.retain(|x| *x <= t);
    m.sort_unstable();
    m.dedup();
    m
}

/// Every change of status up to `t`, oldest first: the first entry is the status at
/// the start of the period in force (or the first moment judged). Presence, frequency,
/// prohibition and access terms are swept (`sweep.rs`, `sweep_terms.rs`) rather than
/// judged afresh at every moment.
pub fn history(c: &Commitment, ev: &Evidence, t: i64) -> Vec<(i64, Judgement)> {
    match &c.term {
        Term::Presence { share_permille } => {
            super::sweep::presence_history(c, *share_permille, ev, &moments(c, ev, t))
        }
        Term::Frequency {
            visits,
            period_days,
        } => {
            super::sweep_terms::frequency_history(c, *visits, *period_days, ev, &moments(c, ev, t))
        }
        Term::Prohibition { .. } | Term::Access { .. } => {
            super::sweep_terms::breach_history(c, ev, &moments(c, ev, t))
        }
        _ => history_by_judging(c, ev, t),
    }
}

/// The same history by judging every moment afresh: the reference the sweep is held
/// to (a property test) and measured against (`vigil bench`).
pub fn history_by_judging(c: &Commitment, ev: &Evidence, t: i64) -> Vec<(i64, Judgement)> {
    let mut out: Vec<(i64, Judgement)> = vec![];
    for at in moments(c, ev, t) {
        let j = judge(c, ev, at);
        let changed = out
            .last()
            .is_none_or(|(_, p)| p.status.as_str() != j.status.as_str());
        if changed {
            out.push((at, j));
        }
    }
    out
}

/// The status as of `t` and since when it has stood.
pub fn verdict(c: &Commitment, ev: &Evidence, t: i64) -> Verdict {
    let judgement = judge(c, ev, t);
    // The last change recorded, unless the status moved again between it and `t`.
    let since = match history(c, ev, t).pop() {
        Some((at, j)) if j.status.as_str() == judgement.status.as_str() => at,
        _ => t,
    };
    Verdict { judgement, since }
}
