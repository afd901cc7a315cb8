//! Agreements: recorded by the documenter (each change audited in its transaction),
//! read by every reader of the record with each commitment judged as of a day.

use serde_json::json;

use super::evidence::Visits;
use super::{end_of, name_of, org_names, summarise, CommitmentSummary};
use crate::actions::documentation::resolve_org;
use crate::actions::{audit, ActionError, Event, Result};
use crate::app::App;
use crate::auth::capability::{Cap, ReadRecord, WriteDocumentation};
use crate::domain::commitment::input::AgreementInput;
use crate::domain::commitment::DAY_MS;
use crate::domain::Invalid;
use crate::store::commitments::{AgreementRow, AgreementSourceRow, SignatoryRow};
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
        commitments.push(
            summarise(&mut c, &orgs, k, end_of(as_of), Visits::Summed, None)
                .await?
                .0,
        );
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
