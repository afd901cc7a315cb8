//! Correcting the record: editing an incident, a source or an organisation, and
//! retracting an incident, a source or a claim. Each change is authorised by the
//! documenter's capability, written, audited with what stood before and what stands
//! now, and the facts it decides (an incident's period, computed verification, best
//! grade) recomputed — all in one transaction.
//!
//! What an entry said before each edit is kept in `revisions` (shown on its page), as
//! the audit trail keeps only an HMAC of a change's details.
//!
//! Nothing here deletes: a retracted entry stays in the record with who retracted it,
//! when and why (see `domain::incident::retraction` for the reason), and stops
//! counting in lists, the timeline, corroboration, search and exports. Organisations
//! are never retracted or deleted — sources, incidents and agreements refer to them —
//! only renamed, re-kinded and given or relieved of spellings.

use serde_json::json;

use super::incidents::{event, fields, recorded, site_id, standing};
use crate::actions::{audit, ActionError, Event, Result};
use crate::app::App;
use crate::auth::capability::{Cap, WriteDocumentation};
use crate::domain::incident::retraction::Retraction;
use crate::domain::incident::IncidentInput;
use crate::domain::person::Choice;
use crate::domain::source::{org_key, OrganisationInput, SourceInput};
use crate::domain::Invalid;
use crate::store::incident_facts::{refresh, refresh_of_source};
use crate::store::sources::{Retractable, SourceRow};
use crate::store::{self, Conn};

/// Changes what was recorded of an incident; its claims, acts and figures stay.
pub async fn edit_incident(
    app: &App,
    cap: &Cap<WriteDocumentation>,
    id: i64,
    i: &IncidentInput,
) -> Result<()> {
    let mut tx = app.store.write().await?;
    let before = standing(&mut tx, id).await?;
    let site = site_id(&mut tx, i).await?;
    store::incidents::update(&mut tx, id, &fields(i, site), app.now()).await?;
    let was = json!({
        "title": before.title, "category": before.category, "started_at": before.started_at,
        "start_precision": before.start_precision, "ended_at": before.ended_at,
        "site": before.site_id, "place": before.place, "lat": before.lat, "lon": before.lon,
        "geo_precision": before.geo_precision, "description": before.description });
    let by = cap.actor().username.clone();
    store::revisions::insert(&mut tx, "incident", id, "edit", &was, &by, app.now()).await?;
    let details = json!({ "before": was, "after": recorded(i, site) });
    let summary = format!("incident edited: {} ({})", i.title, i.category.as_str());
    event(&mut tx, app, cap, "incident.edit", id, summary, details).await?;
    refresh(&mut tx, id, app.now()).await?;
    reindex_incident(&mut tx, id).await?;
    tx.commit().await?;
    Ok(())
}

/// The incident and its claims in the search index, as they now stand.
async fn reindex_incident(c: &mut Conn, id: i64) -> Result<()> {
    super::search::index_incident(c, id).await?;
    for cl in store::sources::claims(c, Some(id), None).await? {
        if cl.retracted_at.is_none() {
            super::search::index_claim(
                c,
                cl.claim_id,
                cl.source_id,
                cl.incident_id,
                &cl.locator,
                &cl.statement,
            )
            .await?;
        }
    }
    Ok(())
}

/// Retracts an incident: it stays, with the reason, but counts nowhere any more.
pub async fn retract_incident(
    app: &App,
    cap: &Cap<WriteDocumentation>,
    id: i64,
    r: &Retraction,
) -> Result<()> {
    let mut tx = app.store.write().await?;
    let before = standing(&mut tx, id).await?;
    let by = cap.actor().username.clone();
    store::incidents::retract(&mut tx, id, &by, &r.reason, app.now()).await?;
    let summary = format!("incident retracted: {}", before.title);
    let details = json!({ "reason": r.reason, "title": before.title, "status": before.status });
    event(&mut tx, app, cap, "incident.retract", id, summary, details).await?;
    reindex_incident(&mut tx, id).await?;
    for cl in store::sources::claims(&mut tx, Some(id), None).await? {
        store::search::remove(&mut tx, "claim", cl.claim_id).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Retracts one claim (misquoted, misattributed): the incident's figures side by side
/// and its computed verification no longer count it. Returns the claim's incident and
/// source.
pub async fn retract_claim(
    app: &App,
    cap: &Cap<WriteDocumentation>,
    claim_id: i64,
    r: &Retraction,
) -> Result<(Option<i64>, i64)> {
    let mut tx = app.store.write().await?;
    let claim = store::sources::get_claim(&mut tx, claim_id)
        .await?
        .ok_or(ActionError::NotFound)?;
    if claim.retracted_at.is_some() {
        return Err(Invalid::new(
            "claim",
            "claim-invalid-retracted",
            "this claim was retracted already",
        )
        .into());
    }
    if let Some(i) = claim.incident_id {
        standing(&mut tx, i).await?;
    }
    let by = cap.actor().username.clone();
    store::sources::retract(
        &mut tx,
        Retractable::Claim,
        claim_id,
        &by,
        &r.reason,
        app.now(),
    )
    .await?;
    let summary = format!("claim {claim_id} of source {} retracted", claim.source_id);
    let details = json!({ "claim": claim_id, "source": claim.source_id, "reason": r.reason,
        "credibility": claim.credibility, "statement": claim.statement });
    match claim.incident_id {
        Some(i) => event(&mut tx, app, cap, "claim.retract", i, summary, details).await?,
        None => {
            audit(
                &mut tx,
                app,
                cap.actor(),
                Event {
                    action: "claim.retract",
                    object_type: "source",
                    object_id: claim.source_id.to_string(),
                    summary,
                    details,
                },
            )
            .await?;
        }
    }
    if let Some(i) = claim.incident_id {
        refresh(&mut tx, i, app.now()).await?;
    }
    store::search::remove(&mut tx, "claim", claim_id).await?;
    tx.commit().await?;
    Ok((claim.incident_id, claim.source_id))
}

async fn standing_source(c: &mut Conn, id: i64) -> Result<SourceRow> {
    let s = store::sources::get_source(c, id)
        .await?
        .ok_or(ActionError::NotFound)?;
    if s.retracted_at.is_some() {
        return Err(Invalid::new(
            "source",
            "source-invalid-retracted",
            "this source was retracted; it can no longer be changed",
        )
        .into());
    }
    Ok(s)
}

async fn source_event(
    c: &mut Conn,
    app: &App,
    cap: &Cap<WriteDocumentation>,
    action: &str,
    id: i64,
    summary: String,
    details: serde_json::Value,
) -> Result<()> {
    audit(
        c,
        app,
        cap.actor(),
        Event {
            action,
            object_type: "source",
            object_id: id.to_string(),
            summary,
            details,
        },
    )
    .await?;
    Ok(())
}

/// Changes a source — a new grade, a publisher found, a corrected date — and
/// recomputes every incident it speaks of (a grade or an affiliation decides their
/// corroboration).
pub async fn edit_source(
    app: &App,
    cap: &Cap<WriteDocumentation>,
    id: i64,
    s: &SourceInput,
) -> Result<usize> {
    let mut tx = app.store.write().await?;
    let before = standing_source(&mut tx, id).await?;
    let (fields, details) = super::sources::fields(&mut tx, s).await?;
    store::sources::update_source(&mut tx, id, &fields.as_fields(), app.now()).await?;
    let summary = format!(
        "source edited: {} (graded {}, was {})",
        s.title, fields.reliability, before.reliability
    );
    let was = serde_json::to_value(&before).unwrap_or_default();
    let by = cap.actor().username.clone();
    store::revisions::insert(&mut tx, "source", id, "edit", &was, &by, app.now()).await?;
    let details = json!({ "before": was, "after": details });
    source_event(&mut tx, app, cap, "source.edit", id, summary, details).await?;
    let n = refresh_of_source(&mut tx, id, app.now()).await?;
    super::search::index_source(&mut tx, id).await?;
    for cl in store::sources::claims(&mut tx, None, Some(id)).await? {
        if cl.retracted_at.is_none() {
            super::search::index_claim(
                &mut tx,
                cl.claim_id,
                cl.source_id,
                cl.incident_id,
                &cl.locator,
                &cl.statement,
            )
            .await?;
        }
    }
    tx.commit().await?;
    Ok(n)
}

/// Retracts a source (fabricated, misattributed): its claims stop counting for every
/// incident it speaks of, which are recomputed. Returns how many incidents.
pub async fn retract_source(
    app: &App,
    cap: &Cap<WriteDocumentation>,
    id: i64,
    r: &Retraction,
) -> Result<usize> {
    let mut tx = app.store.write().await?;
    let before = standing_source(&mut tx, id).await?;
    let by = cap.actor().username.clone();
    store::sources::retract(&mut tx, Retractable::Source, id, &by, &r.reason, app.now()).await?;
    let summary = format!("source retracted: {}", before.title);
    let details =
        json!({ "reason": r.reason, "title": before.title, "reliability": before.reliability });
    source_event(&mut tx, app, cap, "source.retract", id, summary, details).await?;
    let n = refresh_of_source(&mut tx, id, app.now()).await?;
    store::search::remove(&mut tx, "source", id).await?;
    for cl in store::sources::claims(&mut tx, None, Some(id)).await? {
        store::search::remove(&mut tx, "claim", cl.claim_id).await?;
    }
    tx.commit().await?;
    Ok(n)
}

/// Renames an organisation, changes its kind and sets its spellings to exactly the
/// name and the aliases given (spellings no longer listed are removed). Refuses a
/// name or alias that another organisation already answers to, since sources and
/// perpetrators are found by name.
pub async fn edit_org(
    app: &App,
    cap: &Cap<WriteDocumentation>,
    id: i64,
    o: &OrganisationInput,
) -> Result<()> {
    let mut tx = app.store.write().await?;
    let before = store::sources::get_organisation(&mut tx, id)
        .await?
        .ok_or(ActionError::NotFound)?;
    let old: Vec<String> = store::sources::aliases(&mut tx, Some(id))
        .await?
        .into_iter()
        .map(|a| a.alias)
        .collect();
    let mut names = vec![o.name.clone()];
    names.extend(o.aliases.iter().filter(|a| **a != o.name).cloned());
    for n in &names {
        let others = store::sources::by_key(&mut tx, &org_key(n)).await?;
        if others.iter().any(|other| *other != id) {
            return Err(Invalid::new(
                "aliases",
                "org-invalid-taken",
                format!("another organisation already answers to {n:?}"),
            )
            .into());
        }
    }
    let was = json!({ "name": before.name, "kind": before.kind, "aliases": old });
    let by = cap.actor().username.clone();
    store::revisions::insert(&mut tx, "organisation", id, "edit", &was, &by, app.now()).await?;
    store::sources::update_organisation(&mut tx, id, &o.name, o.kind.as_str(), app.now()).await?;
    let mut removed = Vec::new();
    for a in old.iter().filter(|a| !names.contains(a)) {
        if store::sources::remove_alias(&mut tx, id, a).await? {
            removed.push(a.clone());
        }
    }
    let mut added = Vec::new();
    for n in &names {
        if store::sources::add_alias(&mut tx, id, n, &org_key(n), app.now()).await? {
            added.push(n.clone());
        }
    }
    audit(
        &mut tx,
        app,
        cap.actor(),
        Event {
            action: "organisation.edit",
            object_type: "organisation",
            object_id: id.to_string(),
            summary: format!(
                "organisation edited: {} ({}), {} spellings added, {} removed",
                o.name,
                o.kind.as_str(),
                added.len(),
                removed.len()
            ),
            details: json!({ "before": was,
                "after": { "name": o.name, "kind": o.kind.as_str(), "aliases": names },
                "added": added, "removed": removed }),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
