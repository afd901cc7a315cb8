//! What a commitment is judged on: its term read back from the store, and every
//! piece of evidence of any date (observations, the manifest of its convoy, the
//! incidents of its category at its site, the visits of the owing party there).

use super::end_of;
use crate::actions::{ActionError, Result};
use crate::domain::commitment::compliance::{Status, Verdict};
use crate::domain::commitment::facts::{Change, FactJudge, VisitFacts};
use crate::domain::commitment::{
    Commitment, Count, Delivery, Evidence, EvidenceRef, IncidentFact, Observation, Outcome, Term,
    Visit,
};
use crate::domain::incident::Category;
use crate::domain::person::Choice;
use crate::domain::Invalid;
use std::collections::BTreeMap;

use crate::store::commitments::{CommitmentRow, DeliveryRow, ObservationRow};
use crate::store::{self, Conn};

/// The term stored across a commitment's columns; a row whose columns do not make a
/// term (never written by this code) is reported rather than judged wrongly.
pub fn term_of(r: &CommitmentRow) -> Result<Term> {
    let bad = || {
        ActionError::from(Invalid::new(
            "term",
            "commitment-invalid-stored",
            "stored term is incomplete",
        ))
    };
    let category = || {
        r.category
            .as_deref()
            .ok_or_else(bad)
            .and_then(|c| Category::parse(c).map_err(ActionError::from))
    };
    Ok(match r.term.as_str() {
        "deadline" => Term::Deadline {
            due: r.due_on.ok_or_else(bad)?,
        },
        "quantity" => Term::Quantity {
            item: r.item.clone(),
            at_least: r.quantity.ok_or_else(bad)?,
            per_residents: r.per_residents,
        },
        "presence" => Term::Presence {
            share_permille: r.share_permille.ok_or_else(bad)?,
        },
        "frequency" => Term::Frequency {
            visits: r.visits.ok_or_else(bad)?,
            period_days: r.period_days.ok_or_else(bad)?,
        },
        "prohibition" => Term::Prohibition {
            category: category()?,
        },
        "access" => Term::Access {
            category: category()?,
        },
        _ => return Err(bad()),
    })
}

/// Manifest items are typed by hand ("Generators", "generator"): compare them
/// without case or a plural s.
fn same_item(a: &str, b: &str) -> bool {
    let k = |s: &str| s.trim().to_lowercase().trim_end_matches('s').to_string();
    k(a) == k(b)
}

/// Incidents read for a prohibition or access term: the judge needs the first only
/// (a breach stands for ever after); the pages list this many and count the rest.
pub const INCIDENTS_READ: i64 = 100;

/// How a presence or frequency term's visits are read: every one (a commitment's own
/// page lists the visits behind each change of its history) or summed up in SQL
/// (lists of statuses and the report: a term can rest on tens of thousands).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Visits {
    Every,
    Summed,
}

/// The observations and manifest lines of every commitment, read in two statements
/// for the lists and the report, which judge every commitment (one commitment's page
/// reads its own): each statement is a round trip to the database's thread.
#[derive(Default)]
pub struct ReadAll {
    observations: BTreeMap<i64, Vec<ObservationRow>>,
    deliveries: BTreeMap<i64, Vec<DeliveryRow>>,
}

impl ReadAll {
    pub async fn read(c: &mut Conn) -> Result<ReadAll> {
        let mut all = ReadAll::default();
        for o in store::commitment_evidence::all_observations(c).await? {
            all.observations.entry(o.commitment_id).or_default().push(o);
        }
        for d in store::commitment_evidence::all_deliveries(c).await? {
            all.deliveries.entry(d.convoy_id).or_default().push(d);
        }
        Ok(all)
    }

    fn observations(&self, commitment_id: i64) -> Vec<ObservationRow> {
        self.observations
            .get(&commitment_id)
            .cloned()
            .unwrap_or_default()
    }

    fn deliveries(&self, convoy_id: i64) -> Vec<DeliveryRow> {
        self.deliveries.get(&convoy_id).cloned().unwrap_or_default()
    }
}

/// What a commitment is judged on as of instant `at`.
pub struct Judged {
    pub commitment: Commitment,
    /// Evidence dated up to `at` (observations of any date: the pages list them).
    pub evidence: Evidence,
    pub observations: Vec<ObservationRow>,
    /// Incidents in the period that breach it beyond the `INCIDENTS_READ` read.
    pub incidents_more: i64,
    /// A presence or frequency term's visits summed up (`Visits::Summed`); its
    /// `evidence.visits` is then empty.
    pub facts: Option<VisitFacts>,
}

/// The commitment as the judge sees it and its evidence up to instant `at`: the judge
/// ignores anything later, so it is not read (a term's visits and incidents can run to
/// millions). The incidents that breach a prohibition or access term are those of its
/// category at its site (any site when it names none), standing (not retracted), in
/// the period in force up to `at`: the first `INCIDENTS_READ` of them, and a count.
pub async fn evidence(
    c: &mut Conn,
    r: &CommitmentRow,
    at: i64,
    visits: Visits,
    read: Option<&ReadAll>,
) -> Result<Judged> {
    let term = term_of(r)?;
    let obs = match read {
        Some(all) => all.observations(r.commitment_id),
        None => store::commitments::observations(c, r.commitment_id).await?,
    };
    let mut ev = Evidence {
        observations: obs
            .iter()
            .map(|o| {
                Outcome::parse(&o.outcome, o.share_permille).map(|outcome| Observation {
                    id: o.observation_id,
                    at: o.observed_on,
                    outcome,
                })
            })
            .collect::<std::result::Result<_, _>>()?,
        ..Evidence::default()
    };
    ev.observations.retain(|o| o.at <= at);
    let mut incidents_more = 0;
    let mut facts = None;
    let k = Commitment {
        term: term.clone(),
        from: r.in_force_from,
        until: r.in_force_until,
    };
    match &term {
        Term::Quantity {
            item,
            per_residents,
            ..
        } => {
            // Counts made at the site: per residents, owed as of each count's day.
            for o in obs
                .iter()
                .filter(|o| o.counted.is_some() && o.observed_on <= at)
            {
                let residents = match (per_residents, r.site_id) {
                    (Some(_), Some(site)) => Some(
                        store::commitments::site_population_at(c, site, end_of(o.observed_on))
                            .await?,
                    ),
                    _ => None,
                };
                ev.counts.push(Count {
                    id: o.observation_id,
                    at: o.observed_on,
                    counted: o.counted.unwrap_or(0),
                    residents,
                });
            }
            if let Some(convoy) = r.convoy_id {
                let lines = match read {
                    Some(all) => all.deliveries(convoy),
                    None => store::commitments::deliveries(c, convoy).await?,
                };
                for d in lines {
                    let at = d.departed_on.or(d.arrived_on).or(d.planned_on);
                    if let (true, Some(at)) = (same_item(&d.item, item), at) {
                        ev.deliveries.push(Delivery {
                            convoy_id: d.convoy_id,
                            line_id: d.line_id,
                            at,
                            delivered: d.moved.or(d.allowed),
                            residents: d.left_count,
                        });
                    }
                }
            }
        }
        Term::Prohibition { category } | Term::Access { category } => {
            let upto = r.in_force_until.map_or(at, |u| u.min(at));
            let span = (category.as_str(), r.site_id, r.in_force_from, upto);
            let (first, all) =
                store::commitment_evidence::breaches(c, span, INCIDENTS_READ).await?;
            ev.incidents = first
                .into_iter()
                .map(|(id, at)| IncidentFact { id, at })
                .collect();
            if ev.incidents.len() >= usize::try_from(INCIDENTS_READ).unwrap_or(usize::MAX) {
                incidents_more = (all - INCIDENTS_READ).max(0);
            }
        }
        Term::Presence { .. } | Term::Frequency { .. } if visits == Visits::Summed => {
            let who = (r.owed_by_id, r.site_id);
            facts = Some(
                store::commitment_evidence::visit_facts(c, who, &k, at, INCIDENTS_READ).await?,
            );
        }
        Term::Presence { .. } | Term::Frequency { .. } => {
            ev.visits = store::commitment_evidence::visit_spans(c, r.owed_by_id, r.site_id, at)
                .await?
                .into_iter()
                .map(|(id, arrival, departure)| Visit {
                    id,
                    arrival,
                    departure,
                })
                .collect();
        }
        Term::Deadline { .. } => {}
    }
    Ok(Judged {
        commitment: k,
        evidence: ev,
        observations: obs,
        incidents_more,
        facts,
    })
}

/// The status as of `at` and the moment it began, from a term's visit facts: only the
/// last change is refined (the visits of one stretch read), as `verdict` gives it.
pub async fn fact_verdict(
    c: &mut Conn,
    r: &CommitmentRow,
    j: &Judged,
    f: &VisitFacts,
    at: i64,
) -> Result<Verdict> {
    let judge = FactJudge::new(&j.commitment, &j.evidence, f, at);
    let judgement = judge.judge();
    let changes = judge.changes(&j.evidence);
    let since = match changes.split_last() {
        Some((last, rest)) => {
            let before = rest.last().map(|p| p.status);
            let seen = around(c, r, last).await?;
            match judge.refine(before, last, &seen).last() {
                Some((x, s)) if s.as_str() == judgement.status.as_str() => *x,
                _ => at,
            }
        }
        None => at,
    };
    Ok(Verdict { judgement, since })
}

/// The status as of `at` with the moment it began (as `fact_verdict` gives them) and
/// every change of status up to `at`, each refined (the history
/// `compliance::history` gives, without the evidence of each change): the report
/// needs both, and the visits of each change are read once for the two.
pub async fn fact_verdict_history(
    c: &mut Conn,
    r: &CommitmentRow,
    j: &Judged,
    f: &VisitFacts,
    at: i64,
) -> Result<(Verdict, Vec<(i64, Status)>)> {
    let judge = FactJudge::new(&j.commitment, &j.evidence, f, at);
    let judgement = judge.judge();
    let changes = judge.changes(&j.evidence);
    let mut out: Vec<(i64, Status)> = vec![];
    let mut since = at;
    let mut previous: Option<Status> = None;
    for (k, ch) in changes.iter().enumerate() {
        let seen = around(c, r, ch).await?;
        let before = out.last().map(|(_, s)| *s);
        out.extend(judge.refine(before, ch, &seen));
        if k + 1 == changes.len() {
            // "Since" refines the last change from the status of the change before
            // it as the facts found it, exactly as `fact_verdict` does.
            since = match judge.refine(previous, ch, &seen).last() {
                Some((x, s)) if s.as_str() == judgement.status.as_str() => *x,
                _ => at,
            };
        }
        previous = Some(ch.status);
    }
    Ok((Verdict { judgement, since }, out))
}

/// The visits a change is refined with, if it needs any.
async fn around(c: &mut Conn, r: &CommitmentRow, ch: &Change) -> Result<Vec<(i64, i64)>> {
    Ok(match ch.after {
        Some((after, lowest)) => {
            let who = (r.owed_by_id, r.site_id);
            store::commitment_evidence::visits_around(c, who, after, lowest, ch.at).await?
        }
        None => vec![],
    })
}

/// One piece of evidence a status rests on: observation, incident, visit or
/// manifest (a manifest line also names its convoy).
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct EvidenceLink {
    pub kind: &'static str,
    pub id: i64,
    pub convoy_id: Option<i64>,
}

impl From<EvidenceRef> for EvidenceLink {
    fn from(r: EvidenceRef) -> Self {
        let (kind, id, convoy_id) = match r {
            EvidenceRef::Observation(id) => ("observation", id, None),
            EvidenceRef::Incident(id) => ("incident", id, None),
            EvidenceRef::Visit(id) => ("visit", id, None),
            EvidenceRef::Manifest(convoy, line) => ("manifest", line, Some(convoy)),
        };
        EvidenceLink {
            kind,
            id,
            convoy_id,
        }
    }
}
