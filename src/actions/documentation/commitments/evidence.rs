//! What a commitment is judged on: its term read back from the store, and every
//! piece of evidence of any date (observations, the manifest of its convoy, the
//! incidents of its category at its site, the visits of the owing party there).

use super::end_of;
use crate::actions::{ActionError, Result};
use crate::domain::commitment::{
    Commitment, Count, Delivery, Evidence, EvidenceRef, IncidentFact, Observation, Outcome, Term,
    Visit,
};
use crate::domain::incident::Category;
use crate::domain::person::Choice;
use crate::domain::Invalid;
use crate::store::commitments::{CommitmentRow, ObservationRow};
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

/// What a commitment is judged on as of instant `at`.
pub struct Judged {
    pub commitment: Commitment,
    /// Evidence dated up to `at` (observations of any date: the pages list them).
    pub evidence: Evidence,
    pub observations: Vec<ObservationRow>,
    /// Incidents in the period that breach it beyond the `INCIDENTS_READ` read.
    pub incidents_more: i64,
}

/// The commitment as the judge sees it and its evidence up to instant `at`: the judge
/// ignores anything later, so it is not read (a term's visits and incidents can run to
/// millions). The incidents that breach a prohibition or access term are those of its
/// category at its site (any site when it names none), standing (not retracted), in
/// the period in force up to `at`: the first `INCIDENTS_READ` of them, and a count.
pub async fn evidence(c: &mut Conn, r: &CommitmentRow, at: i64) -> Result<Judged> {
    let term = term_of(r)?;
    let obs = store::commitments::observations(c, r.commitment_id).await?;
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
                for d in store::commitments::deliveries(c, convoy).await? {
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
            ev.incidents = store::commitment_evidence::breaches(c, span, INCIDENTS_READ)
                .await?
                .into_iter()
                .map(|(id, at)| IncidentFact { id, at })
                .collect();
            if ev.incidents.len() >= usize::try_from(INCIDENTS_READ).unwrap_or(usize::MAX) {
                incidents_more =
                    store::commitment_evidence::count_breaches(c, span).await? - INCIDENTS_READ;
            }
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
    let k = Commitment {
        term,
        from: r.in_force_from,
        until: r.in_force_until,
    };
    Ok(Judged {
        commitment: k,
        evidence: ev,
        observations: obs,
        incidents_more,
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
