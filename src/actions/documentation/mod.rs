//! The documenter's record: organisations (with every spelling of their names),
//! sources with their reliability, incidents with their acts, perpetrators, claims
//! and accepted figures. Every reader of the record may read it (people by public
//! code only); only the documenter changes it, each change audited in its transaction.

// evidence
pub mod blobs;
pub mod evidence;
pub mod evidence_copy;
pub mod evidence_files;
pub mod spool;
mod spool_direct;
// evidence: court bundle
pub mod bundle;
pub mod upkeep;
// commitments
pub mod commitments;
pub mod corrections;
pub mod export;
// evidence: search
pub mod incidents;
pub mod recording;
pub mod search;
pub mod source_text;
pub mod sources;
pub mod timeline;

use serde_json::json;

use crate::actions::{audit, ActionError, Event, Result};
use crate::app::App;
use crate::auth::capability::{Cap, ReadRecord, WriteDocumentation};
use crate::domain::person::Choice;
use crate::domain::source::{org_key, OrganisationInput};
use crate::domain::Invalid;
use crate::store::incidents::IncidentRow;
use crate::store::sources::{OrganisationRow, SourceRow};
use crate::store::{self, Conn};

/// Finds the one organisation that has `name` among its spellings; an unknown or an
/// ambiguous name is reported on `field`.
pub async fn resolve_org(c: &mut Conn, field: &'static str, name: &str) -> Result<i64> {
    let ids = store::sources::by_key(c, &org_key(name)).await?;
    match ids.as_slice() {
        [id] => Ok(*id),
        [] => Err(Invalid::new(
            field,
            "org-invalid-unknown",
            "no organisation has this name; add it first",
        )
        .into()),
        _ => Err(Invalid::new(
            field,
            "org-invalid-ambiguous",
            "several organisations have this name; use a spelling only one of them has",
        )
        .into()),
    }
}

async fn add_names(c: &mut Conn, app: &App, id: i64, names: &[String]) -> Result<usize> {
    let mut added = 0;
    for n in names {
        added += usize::from(store::sources::add_alias(c, id, n, &org_key(n), app.now()).await?);
    }
    Ok(added)
}

/// Adds an organisation inside the caller's transaction (the demo adds many in one).
pub async fn create_org_in(
    c: &mut Conn,
    app: &App,
    cap: &Cap<WriteDocumentation>,
    o: &OrganisationInput,
) -> Result<i64> {
    let id = store::sources::insert_organisation(c, &o.name, o.kind.as_str(), app.now()).await?;
    let mut names = vec![o.name.clone()];
    names.extend(o.aliases.iter().cloned());
    add_names(c, app, id, &names).await?;
    audit(
        c,
        app,
        cap.actor(),
        Event {
            action: "organisation.create",
            object_type: "organisation",
            object_id: id.to_string(),
            summary: format!(
                "organisation {} ({}), {} aliases",
                o.name,
                o.kind.as_str(),
                o.aliases.len()
            ),
            details: json!({ "name": o.name, "kind": o.kind.as_str(), "aliases": o.aliases }),
        },
    )
    .await?;
    Ok(id)
}

pub async fn create_org(
    app: &App,
    cap: &Cap<WriteDocumentation>,
    o: &OrganisationInput,
) -> Result<i64> {
    let mut tx = app.store.write().await?;
    let id = create_org_in(&mut tx, app, cap, o).await?;
    tx.commit().await?;
    Ok(id)
}

/// Adds spellings to an organisation; those it has already are skipped. Returns how
/// many were new.
pub async fn add_aliases(
    app: &App,
    cap: &Cap<WriteDocumentation>,
    id: i64,
    aliases: &[String],
) -> Result<usize> {
    if aliases.is_empty() {
        return Err(Invalid::new("aliases", "invalid-required", "is required").into());
    }
    let mut tx = app.store.write().await?;
    store::sources::get_organisation(&mut tx, id)
        .await?
        .ok_or(ActionError::NotFound)?;
    let added = add_names(&mut tx, app, id, aliases).await?;
    audit(
        &mut tx,
        app,
        cap.actor(),
        Event {
            action: "organisation.aliases",
            object_type: "organisation",
            object_id: id.to_string(),
            summary: format!("{added} aliases added"),
            details: json!({ "aliases": aliases }),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(added)
}

/// An organisation with every spelling of its name.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct Organisation {
    #[serde(flatten)]
    pub row: OrganisationRow,
    pub aliases: Vec<String>,
}

/// Every organisation, or those one of whose names matches `query` in any spelling
/// (the name key) or contains it.
pub async fn list_orgs(
    app: &App,
    _cap: &Cap<ReadRecord>,
    query: Option<&str>,
) -> Result<Vec<Organisation>> {
    let mut c = app.store.read().await?;
    let rows = store::sources::list_organisations(&mut c).await?;
    let aliases = store::sources::aliases(&mut c, None).await?;
    let query = query.map(str::trim).filter(|q| !q.is_empty());
    let key = query.map(org_key);
    let needle = query.map(crate::domain::names::normalize_script);
    Ok(rows
        .into_iter()
        .map(|row| Organisation {
            aliases: aliases
                .iter()
                .filter(|a| a.organisation_id == row.organisation_id)
                .map(|a| a.alias.clone())
                .collect(),
            row,
        })
        .filter(|o| match (&key, &needle) {
            (Some(k), Some(n)) => o.aliases.iter().any(|a| {
                org_key(a) == *k || crate::domain::names::normalize_script(a).contains(n.as_str())
            }),
            _ => true,
        })
        .collect())
}

/// An organisation with its names, the sources it published or that speak for it,
/// and the incidents it is alleged to be behind.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct OrganisationDetail {
    #[serde(flatten)]
    pub org: Organisation,
    pub sources: Vec<SourceRow>,
    pub incidents: Vec<IncidentRow>,
    /// What it said before each correction, the latest first.
    pub revisions: Vec<store::revisions::RevisionRow>,
}

pub async fn get_org(app: &App, _cap: &Cap<ReadRecord>, id: i64) -> Result<OrganisationDetail> {
    let mut c = app.store.read().await?;
    let row = store::sources::get_organisation(&mut c, id)
        .await?
        .ok_or(ActionError::NotFound)?;
    let aliases = store::sources::aliases(&mut c, Some(id))
        .await?
        .into_iter()
        .map(|a| a.alias)
        .collect();
    let sources = store::sources::list_sources(&mut c)
        .await?
        .into_iter()
        .filter(|s| s.publisher_id == Some(id) || s.aligned_with_id == Some(id))
        .collect();
    let incidents = store::incidents::by_perpetrator(&mut c, id).await?;
    Ok(OrganisationDetail {
        org: Organisation { row, aliases },
        sources,
        incidents,
        revisions: store::revisions::of(&mut c, "organisation", id).await?,
    })
}
