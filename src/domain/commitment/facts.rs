//! A presence or frequency term judged from its visits as the database sums them up,
//! not visit by visit. A term can rest on tens of thousands of visits; the judge needs
//! far less: the first arrival, the time covered (the visits merged into disjoint
//! spans: a few a day however many visits overlap) or the visits in each window, and
//! the first few visits to name. `store::commitment_evidence::visit_facts` gets them
//! (a frequency term's summed up in SQL; a presence term's visits read as one text and
//! merged here by `VisitFacts::from_visits`, the reference a store test holds the
//! SQL to).
//!
//! The history needs care: `compliance::history` samples the status at every visit's
//! arrival, departure and the millisecond after it, and the spans keep only the outer
//! bounds. Inside a span the share can only grow (time covered grows as fast as time),
//! between spans it can only fall, so between two moments the spans do keep the
//! status moves one way at most; where it moved, the moment it first showed is found
//! among the visits of that stretch alone (`Change::after`: the caller reads them and
//! hands them to `refine`). A frequency term changes only at moments the facts keep.
//! A property test holds both equal to the history judged from every visit.

use super::compliance::{presence_status, ratio_status, Judgement, Status};
use super::sweep_terms::deciding_observations;
use super::{Commitment, Evidence, EvidenceRef, Outcome, Term, Visit, DAY_MS};

/// What the judge needs of a presence or frequency term's visits, summed up as of one
/// moment (`at`): only the visits that began by then count.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct VisitFacts {
    /// The earliest arrival of a visit.
    pub first_arrival: Option<i64>,
    /// Presence: the time with a visit under way from the start of the period in force
    /// on, as disjoint spans by start (touching ones merged).
    pub spans: Vec<(i64, i64)>,
    /// Frequency: (window number from 0, visits arriving in it) for the whole windows
    /// up to `at`, by window; windows with none are left out.
    pub windows: Vec<(i64, i64)>,
    /// The visits the status at `at` rests on, by (arrival, departure, id): the first
    /// `listed` of them, and how many more.
    pub deciding: Vec<i64>,
    pub deciding_more: i64,
}

/// The stretch a frequency term's windows cover up to `at`: (window length, number of
/// whole windows, end of the last).
pub fn windows_upto(c: &Commitment, period_days: i64, at: i64) -> (i64, i64, i64) {
    let len = period_days.saturating_mul(DAY_MS).max(1);
    let end = c.until.map_or(at, |u| u.min(at));
    let n = end.saturating_sub(c.from).max(0) / len;
    (len, n, c.from.saturating_add(n.saturating_mul(len)))
}

impl VisitFacts {
    /// The facts from the visits themselves (what the SQL computes).
    pub fn from_visits(c: &Commitment, visits: &[Visit], at: i64, listed: usize) -> VisitFacts {
        let mut vs: Vec<&Visit> = visits.iter().filter(|v| v.arrival <= at).collect();
        vs.sort_by_key(|v| (v.arrival, v.departure, v.id));
        let mut f = VisitFacts {
            first_arrival: vs.first().map(|v| v.arrival),
            ..VisitFacts::default()
        };
        let decides: Vec<i64> = match &c.term {
            Term::Presence { .. } => {
                for (a, b) in vs.iter().map(|v| (v.arrival.max(c.from), v.departure)) {
                    match f.spans.last_mut() {
                        _ if a >= b => {}
                        Some(last) if a <= last.1 => last.1 = last.1.max(b),
                        _ => f.spans.push((a, b)),
                    }
                }
                let end = c.until.map_or(at, |u| u.min(at));
                vs.iter()
                    .filter(|v| v.departure > c.from && v.arrival < end)
                    .map(|v| v.id)
                    .collect()
            }
            Term::Frequency { period_days, .. } => {
                let (len, _, stop) = windows_upto(c, *period_days, at);
                let inside: Vec<&&Visit> = vs
                    .iter()
                    .filter(|v| v.arrival >= c.from && v.arrival < stop)
                    .collect();
                for v in &inside {
                    let w = (v.arrival - c.from) / len;
                    match f.windows.last_mut() {
                        Some((last, n)) if *last == w => *n += 1,
                        _ => f.windows.push((w, 1)),
                    }
                }
                inside.iter().map(|v| v.id).collect()
            }
            _ => vec![],
        };
        f.deciding_more = i64::try_from(decides.len().saturating_sub(listed)).unwrap_or(0);
        f.deciding = decides.into_iter().take(listed).collect();
        f
    }

    /// Time in `[first, end)` with a visit under way (`first` at or after the start of
    /// the period in force, where the spans begin).
    pub fn covered(&self, first: i64, end: i64) -> i64 {
        self.spans
            .iter()
            .map(|(a, b)| (b.min(&end) - a.max(&first)).max(0))
            .sum()
    }
}

/// What a status rests on, as `compliance::judge` names it.
enum Basis {
    Nothing,
    Observation(i64),
    Visits,
}

/// A change of status found from the facts. `after`: when set, the status may have
/// changed earlier, at a visit's arrival, departure or the millisecond after it
/// between `after.0` and `at`: read the visits that arrived from `after.1` up to
/// `at` and departed at or after `after.0`, and `refine` the change with them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub at: i64,
    pub status: Status,
    pub after: Option<(i64, i64)>,
    /// False for the moment judged itself when the history does not sample it: a
    /// presence term's status can change at a visit's boundary inside a span after
    /// the last moment the facts keep, and only `at` is there to show it.
    pub sampled: bool,
}

/// The judge over the facts of one term as of one moment (`at`).
pub struct FactJudge<'a> {
    c: &'a Commitment,
    f: &'a VisitFacts,
    /// Observations that say whether the term was kept, by (day, id).
    deciding: Vec<(i64, i64, Outcome)>,
    /// Frequency: windows kept among the first w.
    kept: Vec<i64>,
    /// Presence: the time covered by the spans before each, so that the coverage at
    /// any moment is a binary search (the history asks at every span bound and every
    /// midnight: thousands of moments over thousands of spans).
    before: Vec<i64>,
    at: i64,
}

impl<'a> FactJudge<'a> {
    pub fn new(c: &'a Commitment, ev: &Evidence, f: &'a VisitFacts, at: i64) -> FactJudge<'a> {
        let mut kept = vec![0i64];
        if let Term::Frequency {
            visits,
            period_days,
        } = &c.term
        {
            let (_, n, _) = windows_upto(c, *period_days, at);
            let mut counts = vec![0i64; usize::try_from(n).unwrap_or(0)];
            for (w, k) in &f.windows {
                if let Some(slot) = usize::try_from(*w).ok().and_then(|w| counts.get_mut(w)) {
                    *slot = *k;
                }
            }
            let mut sum = 0;
            for k in counts {
                sum += i64::from(k >= *visits);
                kept.push(sum);
            }
        }
        let mut before = Vec::with_capacity(f.spans.len());
        let mut sum = 0i64;
        for (a, b) in &f.spans {
            before.push(sum);
            sum = sum.saturating_add((b - a).max(0));
        }
        FactJudge {
            c,
            f,
            deciding: deciding_observations(ev),
            kept,
            before,
            at,
        }
    }

    /// `VisitFacts::covered(c.from, end)` by binary search: the spans are disjoint, by
    /// start, and begin at or after the start of the period in force.
    fn covered_to(&self, end: i64) -> i64 {
        let k = self.f.spans.partition_point(|(a, _)| *a < end);
        match k.checked_sub(1) {
            Some(i) => {
                let whole = self.before.get(i).copied().unwrap_or(0);
                let part = self
                    .f
                    .spans
                    .get(i)
                    .map_or(0, |(a, b)| (b.min(&end) - a).max(0));
                whole.saturating_add(part)
            }
            None => 0,
        }
    }

    /// The status at `t` (at most `at`) and what it rests on.
    fn status(&self, t: i64) -> (Status, Basis) {
        let c = self.c;
        if t < c.from {
            return (Status::Pending, Basis::Nothing);
        }
        if self.f.first_arrival.is_none_or(|a| a > t) {
            let n = self.deciding.partition_point(|(at, _, _)| *at <= t);
            return match n.checked_sub(1).and_then(|i| self.deciding.get(i)) {
                Some((_, id, o)) => {
                    let s = match o {
                        Outcome::Fulfilled => Status::Met,
                        Outcome::Partly(s) => Status::PartlyMet(*s),
                        Outcome::NotFulfilled => Status::Breached,
                        Outcome::Statement => Status::CannotJudge,
                    };
                    (s, Basis::Observation(*id))
                }
                None => (Status::CannotJudge, Basis::Nothing),
            };
        }
        let end = c.until.map_or(t, |u| u.min(t));
        match &c.term {
            Term::Presence { share_permille } => {
                let span = end.saturating_sub(c.from);
                if span <= 0 {
                    return (Status::Pending, Basis::Nothing);
                }
                let covered = self.covered_to(end);
                (
                    presence_status(covered, span, *share_permille),
                    Basis::Visits,
                )
            }
            Term::Frequency { period_days, .. } => {
                let (_, n, _) = windows_upto(c, *period_days, t);
                if n == 0 {
                    return (Status::Pending, Basis::Nothing);
                }
                let w = usize::try_from(n).unwrap_or(usize::MAX);
                let kept = self.kept.get(w).or(self.kept.last()).copied().unwrap_or(0);
                (ratio_status(kept, n), Basis::Visits)
            }
            _ => (Status::CannotJudge, Basis::Nothing),
        }
    }

    /// The judgement at `at`, the moment the facts were summed up at, as
    /// `compliance::judge` gives it (the visits named are the facts' first few).
    pub fn judge(&self) -> Judgement {
        let (status, basis) = self.status(self.at);
        let deciding = match basis {
            Basis::Nothing => vec![],
            Basis::Observation(id) => vec![EvidenceRef::Observation(id)],
            Basis::Visits => self
                .f
                .deciding
                .iter()
                .map(|id| EvidenceRef::Visit(*id))
                .collect(),
        };
        Judgement { status, deciding }
    }

    /// The moments the status can change at that the facts keep, up to `at`.
    fn moments(&self, ev: &Evidence) -> Vec<i64> {
        let c = self.c;
        let mut m = vec![c.from];
        m.extend(c.until);
        m.extend(ev.observations.iter().map(|o| o.at));
        m.extend(self.f.first_arrival);
        let stop = c.until.map_or(self.at, |u| u.min(self.at));
        match &c.term {
            Term::Presence { .. } => {
                m.extend(
                    self.f
                        .spans
                        .iter()
                        .flat_map(|(a, b)| [*a, *b, b.saturating_add(1)]),
                );
                let mut d = c.from - c.from.rem_euclid(DAY_MS) + DAY_MS;
                while d <= stop {
                    m.push(d);
                    d += DAY_MS;
                }
            }
            Term::Frequency { period_days, .. } => {
                let len = period_days.saturating_mul(DAY_MS).max(1);
                let mut w = c.from.saturating_add(len);
                while w <= stop {
                    m.push(w);
                    w = w.saturating_add(len);
                }
            }
            _ => {}
        }
        m.retain(|x| *x <= self.at);
        m.sort_unstable();
        m.dedup();
        m
    }

    /// Every change of status up to `at` at the moments the facts keep, oldest first;
    /// a presence term's changes carry where to look for an earlier moment (`refine`).
    pub fn changes(&self, ev: &Evidence) -> Vec<Change> {
        let mut moments: Vec<(i64, bool)> =
            self.moments(ev).into_iter().map(|m| (m, true)).collect();
        let presence = matches!(self.c.term, Term::Presence { .. });
        if presence && moments.last().is_some_and(|(m, _)| *m < self.at) {
            moments.push((self.at, false));
        }
        let mut out: Vec<Change> = vec![];
        let mut prev: Option<i64> = None;
        for (at, sampled) in moments {
            let (status, _) = self.status(at);
            if out
                .last()
                .is_none_or(|p| p.status.as_str() != status.as_str())
            {
                let after = match prev {
                    Some(p) if presence => Some((p, self.lowest_arrival(p))),
                    _ => None,
                };
                out.push(Change {
                    at,
                    status,
                    after,
                    sampled,
                });
            }
            prev = Some(at);
        }
        out
    }

    /// The earliest arrival a visit with a boundary after `p` can have: the start of
    /// the span `p` is in (a visit touching it is part of it), unless that span was cut
    /// at the start of the period in force.
    fn lowest_arrival(&self, p: i64) -> i64 {
        if p <= self.c.from {
            return i64::MIN;
        }
        match self.f.spans.iter().find(|(a, b)| *a <= p && p <= *b) {
            Some((a, _)) if *a > self.c.from => *a,
            Some(_) => i64::MIN,
            None => p,
        }
    }

    /// A change with the visits read for it (arrival, departure): the changes it stands
    /// for, at the first moment each status showed. `before` is the status before it.
    pub fn refine(
        &self,
        before: Option<Status>,
        change: &Change,
        visits: &[(i64, i64)],
    ) -> Vec<(i64, Status)> {
        let Some((p, _)) = change.after else {
            return vec![(change.at, change.status)];
        };
        let mut points: Vec<i64> = visits
            .iter()
            .flat_map(|(a, d)| [*a, *d, d.saturating_add(1)])
            .filter(|x| *x > p && *x <= change.at && *x <= self.at)
            .collect();
        if change.sampled {
            points.push(change.at);
        }
        points.sort_unstable();
        points.dedup();
        let mut out = vec![];
        let mut last = before.map(Status::as_str);
        for x in points {
            let (s, _) = self.status(x);
            if last != Some(s.as_str()) {
                out.push((x, s));
                last = Some(s.as_str());
            }
        }
        out
    }
}
