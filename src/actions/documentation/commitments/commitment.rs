//! Commitments and the observations about them: recorded by the documenter (audited
//! in the same transaction), and each commitment judged as of a day with the history
//! of its status up to that day.

use serde_json::json;

use super::evidence::{
    evidence, fact_verdict, fact_verdict_history, EvidenceLink, Judged, ReadAll, Visits,
};
use super::visits::{presence, Presence};
use super::{end_of, name_of, org_names};
use crate::actions::documentation::resolve_org;
use crate::actions::{audit, ActionError, Event, Result};
use crate::app::App;
use crate::auth::capability::{Cap, ReadRecord, WriteDocumentation};
use crate::domain::commitment::compliance::{history, verdict, Status, Verdict};
use crate::domain::commitment::input::{CommitmentInput, ObservationInput};
use crate::domain::commitment::{EvidenceRef, Outcome, DAY_MS};
use crate::domain::Invalid;
use crate::store::commitments::{AgreementRow, CommitmentFields, CommitmentRow, ObservationRow};
use crate::store::{self, Conn};

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
        o.counted,
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
                "outcome": o.outcome.as_str(), "share_permille": share, "counted": o.counted,
                "source": o.source_id,
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

/// A computed status: pending, met, partly_met, breached or cannot_judge.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct StatusView {
    pub status: &'static str,
    /// For partly_met, the share kept in ‰ when the evidence gives one.
    pub share_permille: Option<i64>,
    /// Epoch milliseconds of the moment the status (its kind) last changed.
    pub since: i64,
    pub deciding: Vec<EvidenceLink>,
    /// Deciding items beyond those listed: a prohibition breached thousands of times,
    /// or a presence term decided by thousands of visits, lists the first hundred.
    pub deciding_more: i64,
}

#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct HistoryEntry {
    pub at: i64,
    pub status: &'static str,
    pub share_permille: Option<i64>,
    pub deciding: Vec<EvidenceLink>,
}

fn view(s: Status, since: i64, mut deciding: Vec<EvidenceRef>, more: i64) -> StatusView {
    // A presence or frequency term can be decided by every visit of years of
    // monitoring: list as many as for incidents, and count the rest.
    let listed = usize::try_from(super::evidence::INCIDENTS_READ).unwrap_or(100);
    let beyond = i64::try_from(deciding.len().saturating_sub(listed)).unwrap_or(i64::MAX);
    deciding.truncate(listed);
    StatusView {
        status: s.as_str(),
        share_permille: s.share(),
        since,
        deciding: deciding.into_iter().map(EvidenceLink::from).collect(),
        deciding_more: more.saturating_add(beyond),
    }
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

/// A commitment judged as of instant `at`, with what it was judged on.
pub(super) async fn summarise(
    c: &mut Conn,
    orgs: &[(i64, String)],
    row: CommitmentRow,
    at: i64,
    visits: Visits,
    read: Option<&ReadAll>,
) -> Result<(CommitmentSummary, Judged)> {
    let j = evidence(c, &row, at, visits, read).await?;
    let (v, more) = match &j.facts {
        Some(f) => (fact_verdict(c, &row, &j, f, at).await?, f.deciding_more),
        None => (verdict(&j.commitment, &j.evidence, at), 0),
    };
    Ok((summary_of(orgs, row, v, more, &j), j))
}

/// A commitment judged as of instant `at` (visits summed up), with what it was judged
/// on and every change of its status up to `at`: the report's view, the history and
/// the status drawn from one reading of the evidence.
pub(super) async fn summarise_history(
    c: &mut Conn,
    orgs: &[(i64, String)],
    row: CommitmentRow,
    at: i64,
    read: &ReadAll,
) -> Result<(CommitmentSummary, Judged, Vec<(i64, Status)>)> {
    let j = evidence(c, &row, at, Visits::Summed, Some(read)).await?;
    let (v, more, changes) = match &j.facts {
        Some(f) => {
            let (v, h) = fact_verdict_history(c, &row, &j, f, at).await?;
            (v, f.deciding_more, h)
        }
        None => {
            let h = history(&j.commitment, &j.evidence, at)
                .into_iter()
                .map(|(t, x)| (t, x.status))
                .collect();
            (verdict(&j.commitment, &j.evidence, at), 0, h)
        }
    };
    Ok((summary_of(orgs, row, v, more, &j), j, changes))
}

fn summary_of(
    orgs: &[(i64, String)],
    row: CommitmentRow,
    v: Verdict,
    more: i64,
    j: &Judged,
) -> CommitmentSummary {
    let status = view(
        v.judgement.status,
        v.since,
        v.judgement.deciding,
        j.incidents_more.saturating_add(more),
    );
    CommitmentSummary {
        owed_by: name_of(orgs, row.owed_by_id),
        owed_to: row.owed_to_id.map(|id| name_of(orgs, id)),
        status,
        row,
    }
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
    let (summary, j) = summarise(&mut c, &orgs, row, at, Visits::Every, None).await?;
    let presence = presence(&mut c, &summary.row, &j.evidence, at).await?;
    let observations = j.observations;
    let history = history(&j.commitment, &j.evidence, at)
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

/// Every commitment judged as of day `as_of` (epoch ms), by agreement and id: what the
/// benchmark times against hand-written SQL (`vigil bench --only commitments`).
pub async fn statuses(
    app: &App,
    _cap: &Cap<ReadRecord>,
    as_of: i64,
) -> Result<Vec<CommitmentSummary>> {
    let mut c = app.store.read().await?;
    let orgs = org_names(&mut c).await?;
    let at = end_of(as_of);
    let read = ReadAll::read(&mut c).await?;
    let mut out = vec![];
    for k in store::commitments::commitments(&mut c, None).await? {
        out.push(
            summarise(&mut c, &orgs, k, at, Visits::Summed, Some(&read))
                .await?
                .0,
        );
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::commitment::EvidenceRef;

    #[test]
    fn a_status_lists_a_hundred_deciding_items_and_counts_the_rest() {
        let visits: Vec<EvidenceRef> = (1..=350).map(EvidenceRef::Visit).collect();
        let v = view(Status::PartlyMet(Some(70)), 0, visits, 0);
        assert_eq!((v.deciding.len(), v.deciding_more), (100, 250));
        // Incidents beyond those read are counted by the store; few listed, none cut.
        let incidents: Vec<EvidenceRef> = (1..=3).map(EvidenceRef::Incident).collect();
        let v = view(Status::Breached, 0, incidents, 40);
        assert_eq!((v.deciding.len(), v.deciding_more), (3, 40));
    }
}
