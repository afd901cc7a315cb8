//! Agreements, their commitments and the observations about them: recorded by the
//! documenter (each change audited in its transaction), read by every reader of the
//! record with each commitment's status computed as of the day asked about, from
//! observations, its convoy's manifest and the incidents at its site.

use serde_json::json;

use super::resolve_org;
use crate::actions::{audit, ActionError, Event, Result};
use crate::app::App;
use crate::auth::capability::{Cap, ReadRecord, WriteDocumentation};
use crate::domain::commitment::compliance::{coverage, gaps, history, verdict, Status};
use crate::domain::commitment::input::{
    AgreementInput, CommitmentInput, ObservationInput, VisitInput,
};
use crate::domain::commitment::{
    Commitment, Delivery, Evidence, EvidenceRef, IncidentFact, Observation, Outcome, Term, Visit,
    DAY_MS,
};
use crate::domain::incident::Category;
use crate::domain::person::Choice;
use crate::domain::Invalid;
use crate::store::commitments::{
    AgreementRow, AgreementSourceRow, CommitmentFields, CommitmentRow, ObservationRow, SignatoryRow,
};
use crate::store::{self, Conn};

pub async fn create_agreement_in(
    c: &mut Conn,
    app: &App,
    cap: &Cap<WriteDocumentation>,
    a: &AgreementInput,
) -> Result<i64> {
    let id =
        store::commitments::insert_agreement(c, &a.title, a.kind, a.made_on, &a.summary, app.now())
            .await?;
    let mut parties = vec![];
    for p in &a.parties {
        let org = resolve_org(c, "parties", p).await?;
        store::commitments::add_party(c, id, org).await?;
        parties.push(org);
    }
    for s in &a.signatories {
        let org = match &s.party {
            Some(p) => Some(resolve_org(c, "signatories", p).await?),
            None => None,
        };
        store::commitments::add_signatory(c, id, &s.name, org, app.now()).await?;
    }
    for (source, locator) in &a.sources {
        store::sources::get_source(c, *source)
            .await?
            .ok_or_else(|| {
                Invalid::new(
                    "sources",
                    "agreement-invalid-source",
                    "no source has this id",
                )
            })?;
        store::commitments::add_source(c, id, *source, locator).await?;
    }
    audit(
        c,
        app,
        cap.actor(),
        Event {
            action: "agreement.create",
            object_type: "agreement",
            object_id: id.to_string(),
            summary: format!("{} {} ({} parties)", a.kind, a.title, parties.len()),
            details: json!({ "title": a.title, "kind": a.kind, "made_on": a.made_on,
                "summary": a.summary, "parties": parties,
                "signatories": a.signatories.iter().map(|s| &s.name).collect::<Vec<_>>(),
                "sources": a.sources.iter().map(|s| s.0).collect::<Vec<_>>() }),
        },
    )
    .await?;
    Ok(id)
}

pub async fn create_agreement(
    app: &App,
    cap: &Cap<WriteDocumentation>,
    a: &AgreementInput,
) -> Result<i64> {
    let mut tx = app.store.write().await?;
    let id = create_agreement_in(&mut tx, app, cap, a).await?;
    tx.commit().await?;
    Ok(id)
}

pub async fn add_commitment_in(
    c: &mut Conn,
    app: &App,
    cap: &Cap<WriteDocumentation>,
    agreement_id: i64,
    k: &CommitmentInput,
) -> Result<i64> {
    store::commitments::get_agreement(c, agreement_id)
        .await?
        .ok_or(ActionError::NotFound)?;
    let owed_by_id = resolve_org(c, "owed_by", &k.owed_by).await?;
    let owed_to_id = match &k.owed_to {
        Some(n) => Some(resolve_org(c, "owed_to", n).await?),
        None => None,
    };
    let site_id = match &k.site {
        Some(code) => Some(
            store::sites::by_code(c, code.as_str())
                .await?
                .ok_or_else(|| {
                    Invalid::new("site", "commitment-invalid-site", "no site has this code")
                })?
                .site_id,
        ),
        None => None,
    };
    let convoy_id = match k.convoy {
        Some(seq) => Some(
            store::commitments::convoy_by_seq(c, seq)
                .await?
                .ok_or_else(|| {
                    Invalid::new(
                        "convoy",
                        "commitment-invalid-convoy",
                        "no convoy has this number",
                    )
                })?,
        ),
        None => None,
    };
    let fields = CommitmentFields {
        agreement_id,
        statement: &k.statement,
        owed_by_id,
        owed_to_id,
        site_id,
        convoy_id,
        from: k.from,
        until: k.until,
        term: &k.term,
    };
    let id = store::commitments::insert_commitment(c, &fields, app.now()).await?;
    audit(
        c,
        app,
        cap.actor(),
        Event {
            action: "commitment.create",
            object_type: "commitment",
            object_id: id.to_string(),
            summary: format!("{} commitment in agreement {agreement_id}", k.term.kind()),
            details: json!({ "agreement": agreement_id, "statement": k.statement,
                "owed_by": owed_by_id, "owed_to": owed_to_id, "site": site_id, "convoy": convoy_id,
                "from": k.from, "until": k.until, "term": format!("{:?}", k.term) }),
        },
    )
    .await?;
    Ok(id)
}

pub async fn add_commitment(
    app: &App,
    cap: &Cap<WriteDocumentation>,
    agreement_id: i64,
    k: &CommitmentInput,
) -> Result<i64> {
    let mut tx = app.store.write().await?;
    let id = add_commitment_in(&mut tx, app, cap, agreement_id, k).await?;
    tx.commit().await?;
    Ok(id)
}

pub async fn add_observation_in(
    c: &mut Conn,
    app: &App,
    cap: &Cap<WriteDocumentation>,
    commitment_id: i64,
    o: &ObservationInput,
) -> Result<i64> {
    store::commitments::get_commitment(c, commitment_id)
        .await?
        .ok_or(ActionError::NotFound)?;
    store::sources::get_source(c, o.source_id)
        .await?
        .ok_or_else(|| {
            Invalid::new(
                "source",
                "agreement-invalid-source",
                "no source has this id",
            )
        })?;
    let share = match o.outcome {
        Outcome::Partly(s) => s,
        _ => None,
    };
    let id = store::commitments::insert_observation(
        c,
        commitment_id,
        o.observed_on,
        o.outcome.as_str(),
        share,
        o.source_id,
        &o.locator,
        &o.note,
        app.now(),
    )
    .await?;
    audit(
        c,
        app,
        cap.actor(),
        Event {
            action: "commitment.observe",
            object_type: "commitment",
            object_id: commitment_id.to_string(),
            summary: format!("observation {}: {}", id, o.outcome.as_str()),
            details: json!({ "observation": id, "observed_on": o.observed_on,
                "outcome": o.outcome.as_str(), "share_permille": share, "source": o.source_id,
                "locator": o.locator, "note": o.note }),
        },
    )
    .await?;
    Ok(id)
}

pub async fn add_observation(
    app: &App,
    cap: &Cap<WriteDocumentation>,
    commitment_id: i64,
    o: &ObservationInput,
) -> Result<i64> {
    let mut tx = app.store.write().await?;
    let id = add_observation_in(&mut tx, app, cap, commitment_id, o).await?;
    tx.commit().await?;
    Ok(id)
}

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

/// The commitment as the judge sees it, and every piece of evidence of any date.
pub async fn evidence(
    c: &mut Conn,
    r: &CommitmentRow,
) -> Result<(Commitment, Evidence, Vec<ObservationRow>)> {
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
    match &term {
        Term::Quantity { item, .. } => {
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
            ev.incidents = store::commitments::incidents_of(c, category.as_str(), r.site_id)
                .await?
                .into_iter()
                .map(|(id, at)| IncidentFact { id, at })
                .collect();
        }
        Term::Presence { .. } | Term::Frequency { .. } => {
            ev.visits = store::commitments::visits(c, Some(r.owed_by_id), r.site_id)
                .await?
                .into_iter()
                .map(|v| Visit {
                    id: v.visit_id,
                    arrival: v.arrival,
                    departure: v.departure,
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
    Ok((k, ev, obs))
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

/// A computed status: pending, met, partly_met, breached or cannot_judge.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct StatusView {
    pub status: &'static str,
    /// For partly_met, the share kept in ‰ when the evidence gives one.
    pub share_permille: Option<i64>,
    /// Epoch milliseconds of the moment the status (its kind) last changed.
    pub since: i64,
    pub deciding: Vec<EvidenceLink>,
}

#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct HistoryEntry {
    pub at: i64,
    pub status: &'static str,
    pub share_permille: Option<i64>,
    pub deciding: Vec<EvidenceLink>,
}

fn view(s: Status, since: i64, deciding: Vec<EvidenceRef>) -> StatusView {
    StatusView {
        status: s.as_str(),
        share_permille: s.share(),
        since,
        deciding: deciding.into_iter().map(EvidenceLink::from).collect(),
    }
}

/// The end of the day `as_of` (a day, epoch ms): what stood *on* that day includes
/// that day's evidence.
pub fn end_of(as_of: i64) -> i64 {
    as_of - as_of.rem_euclid(DAY_MS) + DAY_MS - 1
}

/// A commitment with its parties' names and its status as of the day asked.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct CommitmentSummary {
    #[serde(flatten)]
    pub row: CommitmentRow,
    pub owed_by: String,
    pub owed_to: Option<String>,
    pub status: StatusView,
}

#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct CommitmentDetail {
    #[serde(flatten)]
    pub summary: CommitmentSummary,
    pub agreement: AgreementRow,
    /// The day judged, epoch milliseconds of midnight UTC.
    pub as_of: i64,
    pub observations: Vec<ObservationRow>,
    /// Every change of status up to the day judged, oldest first.
    pub history: Vec<HistoryEntry>,
    /// For a presence term: the coverage so far, its longest gaps and the incidents
    /// at the site while no monitor was there.
    pub presence: Option<Presence>,
}

#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct Gap {
    pub from: i64,
    pub until: i64,
}

#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct Presence {
    /// Milliseconds judged (from the start of the period in force to the day asked).
    pub span_ms: i64,
    /// Milliseconds with at least one monitor present.
    pub present_ms: i64,
    /// Present ms × 1000 / span.
    pub coverage_permille: i64,
    /// The longest gaps first (at most ten).
    pub longest_gaps: Vec<Gap>,
    /// Incidents at the site (any category) inside a gap: ids.
    pub unmonitored_incidents: Vec<i64>,
}

async fn presence(
    c: &mut Conn,
    row: &CommitmentRow,
    ev: &Evidence,
    at: i64,
) -> Result<Option<Presence>> {
    if row.term != "presence" || at < row.in_force_from {
        return Ok(None);
    }
    let end = row.in_force_until.map_or(at, |u| u.min(at));
    let vs: Vec<&Visit> = ev.visits.iter().filter(|v| v.arrival <= at).collect();
    let present_ms = coverage(&vs, row.in_force_from, end);
    let span_ms = (end - row.in_force_from).max(0);
    let gaps = gaps(&vs, row.in_force_from, end);
    let mut unmonitored = vec![];
    if let Some(site) = row.site_id {
        for (id, started) in store::commitments::incidents_at(c, site).await? {
            if gaps.iter().any(|(a, b)| *a <= started && started < *b) {
                unmonitored.push(id);
            }
        }
    }
    Ok(Some(Presence {
        span_ms,
        present_ms,
        coverage_permille: if span_ms > 0 {
            i64::try_from(i128::from(present_ms) * 1000 / i128::from(span_ms)).unwrap_or(0)
        } else {
            0
        },
        longest_gaps: gaps
            .into_iter()
            .take(10)
            .map(|(from, until)| Gap { from, until })
            .collect(),
        unmonitored_incidents: unmonitored,
    }))
}

async fn org_names(c: &mut Conn) -> Result<Vec<(i64, String)>> {
    Ok(store::sources::list_organisations(c)
        .await?
        .into_iter()
        .map(|o| (o.organisation_id, o.name))
        .collect())
}

fn name_of(orgs: &[(i64, String)], id: i64) -> String {
    orgs.iter()
        .find(|(i, _)| *i == id)
        .map_or_else(|| id.to_string(), |(_, n)| n.clone())
}

async fn summarise(
    c: &mut Conn,
    orgs: &[(i64, String)],
    row: CommitmentRow,
    at: i64,
) -> Result<(CommitmentSummary, Commitment, Evidence, Vec<ObservationRow>)> {
    let (k, ev, obs) = evidence(c, &row).await?;
    let v = verdict(&k, &ev, at);
    let summary = CommitmentSummary {
        owed_by: name_of(orgs, row.owed_by_id),
        owed_to: row.owed_to_id.map(|id| name_of(orgs, id)),
        status: view(v.judgement.status, v.since, v.judgement.deciding),
        row,
    };
    Ok((summary, k, ev, obs))
}

/// One commitment judged as of day `as_of` (epoch ms), with its history to that day.
pub async fn get_commitment(
    app: &App,
    _cap: &Cap<ReadRecord>,
    id: i64,
    as_of: i64,
) -> Result<CommitmentDetail> {
    let mut c = app.store.read().await?;
    let row = store::commitments::get_commitment(&mut c, id)
        .await?
        .ok_or(ActionError::NotFound)?;
    let agreement = store::commitments::get_agreement(&mut c, row.agreement_id)
        .await?
        .ok_or(ActionError::NotFound)?;
    let orgs = org_names(&mut c).await?;
    let at = end_of(as_of);
    let (summary, k, ev, observations) = summarise(&mut c, &orgs, row, at).await?;
    let presence = presence(&mut c, &summary.row, &ev, at).await?;
    let history = history(&k, &ev, at)
        .into_iter()
        .map(|(at, j)| HistoryEntry {
            at,
            status: j.status.as_str(),
            share_permille: j.status.share(),
            deciding: j.deciding.into_iter().map(EvidenceLink::from).collect(),
        })
        .collect();
    Ok(CommitmentDetail {
        summary,
        agreement,
        as_of: as_of - as_of.rem_euclid(DAY_MS),
        observations,
        history,
        presence,
    })
}

#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct AgreementSummary {
    #[serde(flatten)]
    pub row: AgreementRow,
    pub parties: Vec<String>,
    pub commitments: usize,
}

pub async fn list_agreements(app: &App, _cap: &Cap<ReadRecord>) -> Result<Vec<AgreementSummary>> {
    let mut c = app.store.read().await?;
    let orgs = org_names(&mut c).await?;
    let parties = store::commitments::parties(&mut c, None).await?;
    let all = store::commitments::commitments(&mut c, None).await?;
    Ok(store::commitments::list_agreements(&mut c)
        .await?
        .into_iter()
        .map(|row| AgreementSummary {
            parties: parties
                .iter()
                .filter(|(a, _)| *a == row.agreement_id)
                .map(|(_, o)| name_of(&orgs, *o))
                .collect(),
            commitments: all
                .iter()
                .filter(|k| k.agreement_id == row.agreement_id)
                .count(),
            row,
        })
        .collect())
}

#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct AgreementDetail {
    #[serde(flatten)]
    pub row: AgreementRow,
    pub parties: Vec<String>,
    pub signatories: Vec<SignatoryRow>,
    pub sources: Vec<AgreementSourceRow>,
    pub as_of: i64,
    pub commitments: Vec<CommitmentSummary>,
}

/// An agreement with every commitment judged as of day `as_of`.
pub async fn get_agreement(
    app: &App,
    _cap: &Cap<ReadRecord>,
    id: i64,
    as_of: i64,
) -> Result<AgreementDetail> {
    let mut c = app.store.read().await?;
    let row = store::commitments::get_agreement(&mut c, id)
        .await?
        .ok_or(ActionError::NotFound)?;
    let orgs = org_names(&mut c).await?;
    let parties = store::commitments::parties(&mut c, Some(id))
        .await?
        .into_iter()
        .map(|(_, o)| name_of(&orgs, o))
        .collect();
    let signatories = store::commitments::signatories(&mut c, id).await?;
    let sources = store::commitments::sources(&mut c, id).await?;
    let mut commitments = vec![];
    for k in store::commitments::commitments(&mut c, Some(id)).await? {
        commitments.push(summarise(&mut c, &orgs, k, end_of(as_of)).await?.0);
    }
    Ok(AgreementDetail {
        row,
        parties,
        signatories,
        sources,
        as_of: as_of - as_of.rem_euclid(DAY_MS),
        commitments,
    })
}

pub async fn record_visit(app: &App, cap: &Cap<WriteDocumentation>, v: &VisitInput) -> Result<i64> {
    let mut tx = app.store.write().await?;
    let id = record_visit_in(&mut tx, app, cap, v).await?;
    tx.commit().await?;
    Ok(id)
}

pub async fn record_visit_in(
    c: &mut Conn,
    app: &App,
    cap: &Cap<WriteDocumentation>,
    v: &VisitInput,
) -> Result<i64> {
    let organisation_id = resolve_org(c, "organisation", &v.organisation).await?;
    let site_id = store::sites::by_code(c, v.site.as_str())
        .await?
        .ok_or_else(|| Invalid::new("site", "commitment-invalid-site", "no site has this code"))?
        .site_id;
    if let Some(s) = v.source_id {
        store::sources::get_source(c, s).await?.ok_or_else(|| {
            Invalid::new(
                "source",
                "agreement-invalid-source",
                "no source has this id",
            )
        })?;
    }
    let fields = store::commitments::VisitFields {
        organisation_id,
        site_id,
        arrival: v.arrival,
        departure: v.departure,
        monitors: v.monitors,
        source_id: v.source_id,
    };
    let id = store::commitments::insert_visit(c, &fields, app.now()).await?;
    audit(
        c,
        app,
        cap.actor(),
        Event {
            action: "visit.create",
            object_type: "visit",
            object_id: id.to_string(),
            summary: format!(
                "monitoring visit of organisation {organisation_id} at site {site_id}"
            ),
            details: json!({ "organisation": organisation_id, "site": site_id, "arrival": v.arrival,
                "departure": v.departure, "monitors": v.monitors, "source": v.source_id }),
        },
    )
    .await?;
    Ok(id)
}

/// Every monitoring visit, by arrival.
pub async fn list_visits(
    app: &App,
    _cap: &Cap<ReadRecord>,
) -> Result<Vec<store::commitments::VisitRow>> {
    let mut c = app.store.read().await?;
    Ok(store::commitments::visits(&mut c, None, None).await?)
}
