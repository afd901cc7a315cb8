//! Sources: recording one with its publisher, affiliation and reliability grade, and
//! reading them with the claims each makes.

use serde_json::json;

use super::resolve_org;
use crate::actions::{audit, ActionError, Event, Result};
use crate::app::App;
use crate::auth::capability::{Cap, ReadRecord, WriteDocumentation};
use crate::domain::person::Choice;
use crate::domain::source::SourceInput;
use crate::store::sources::{ClaimRow, SourceFields, SourceRow, ValueRow};
use crate::store::{self, Conn};

/// A source input with the organisations it names found: what the store writes.
pub(crate) struct Resolved<'a> {
    pub input: &'a SourceInput,
    pub publisher_id: Option<i64>,
    pub aligned_with_id: Option<i64>,
    pub reliability: String,
}

impl Resolved<'_> {
    pub fn as_fields(&self) -> SourceFields<'_> {
        let s = self.input;
        SourceFields {
            kind: s.kind.as_str(),
            title: &s.title,
            publisher_id: self.publisher_id,
            author: &s.author,
            published_on: s.published_on,
            language: &s.language,
            url: &s.url,
            affiliation: s.affiliation.as_str(),
            aligned_with_id: self.aligned_with_id,
            reliability: &self.reliability,
            reliability_reason: &s.reliability_reason,
        }
    }
}

/// Finds the organisations a source input names; returns them with what the audit
/// trail keeps of the source.
pub(crate) async fn fields<'a>(
    c: &mut Conn,
    s: &'a SourceInput,
) -> Result<(Resolved<'a>, serde_json::Value)> {
    let publisher_id = match &s.publisher {
        Some(name) => Some(resolve_org(c, "publisher", name).await?),
        None => None,
    };
    let aligned_with_id = match &s.aligned_with {
        Some(name) => Some(resolve_org(c, "aligned_with", name).await?),
        None => None,
    };
    let reliability = s.reliability.as_str();
    let details = json!({ "title": s.title, "kind": s.kind.as_str(), "publisher": publisher_id,
        "author": s.author, "published_on": s.published_on, "language": s.language, "url": s.url,
        "affiliation": s.affiliation.as_str(), "aligned_with": aligned_with_id,
        "reliability": reliability, "reliability_reason": s.reliability_reason });
    Ok((
        Resolved {
            input: s,
            publisher_id,
            aligned_with_id,
            reliability,
        },
        details,
    ))
}

pub async fn create_in(
    c: &mut Conn,
    app: &App,
    cap: &Cap<WriteDocumentation>,
    s: &SourceInput,
) -> Result<i64> {
    let (resolved, details) = fields(c, s).await?;
    let reliability = resolved.reliability.clone();
    let fields = resolved.as_fields();
    let id = store::sources::insert_source(c, &fields, app.now()).await?;
    audit(
        c,
        app,
        cap.actor(),
        Event {
            action: "source.create",
            object_type: "source",
            object_id: id.to_string(),
            summary: format!(
                "source {} ({}, {}, graded {})",
                s.title,
                s.kind.as_str(),
                s.affiliation.as_str(),
                reliability
            ),
            details,
        },
    )
    .await?;
    // evidence: search
    super::search::index_source(c, id).await?;
    Ok(id)
}

pub async fn create(app: &App, cap: &Cap<WriteDocumentation>, s: &SourceInput) -> Result<i64> {
    let mut tx = app.store.write().await?;
    let id = create_in(&mut tx, app, cap, s).await?;
    tx.commit().await?;
    Ok(id)
}

/// A source with the names of its publisher and of the party it is aligned with.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct Source {
    #[serde(flatten)]
    pub row: SourceRow,
    pub publisher: Option<String>,
    pub aligned_with: Option<String>,
}

pub(crate) async fn named(c: &mut Conn, rows: Vec<SourceRow>) -> Result<Vec<Source>> {
    let orgs = store::sources::list_organisations(c).await?;
    let name = |id: Option<i64>| {
        id.and_then(|id| orgs.iter().find(|o| o.organisation_id == id))
            .map(|o| o.name.clone())
    };
    Ok(rows
        .into_iter()
        .map(|row| Source {
            publisher: name(row.publisher_id),
            aligned_with: name(row.aligned_with_id),
            row,
        })
        .collect())
}

pub async fn list(app: &App, _cap: &Cap<ReadRecord>) -> Result<Vec<Source>> {
    let mut c = app.store.read().await?;
    let rows = store::sources::list_sources(&mut c).await?;
    named(&mut c, rows).await
}

/// A claim with the figures it asserts.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct Claim {
    #[serde(flatten)]
    pub row: ClaimRow,
    pub values: Vec<ValueRow>,
}

pub(crate) fn with_values(rows: Vec<ClaimRow>, values: &[ValueRow]) -> Vec<Claim> {
    rows.into_iter()
        .map(|row| Claim {
            values: values
                .iter()
                .filter(|v| v.claim_id == row.claim_id)
                .cloned()
                .collect(),
            row,
        })
        .collect()
}

#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct SourceDetail {
    #[serde(flatten)]
    pub source: Source,
    pub claims: Vec<Claim>,
    /// What it said before each correction, the latest first.
    pub revisions: Vec<crate::store::revisions::RevisionRow>,
}

pub async fn get(app: &App, _cap: &Cap<ReadRecord>, id: i64) -> Result<SourceDetail> {
    let mut c = app.store.read().await?;
    let row = store::sources::get_source(&mut c, id)
        .await?
        .ok_or(ActionError::NotFound)?;
    let source = named(&mut c, vec![row])
        .await?
        .pop()
        .ok_or(ActionError::NotFound)?;
    let claims = store::sources::claims(&mut c, None, Some(id)).await?;
    let values = store::sources::values_of_source(&mut c, id).await?;
    Ok(SourceDetail {
        source,
        claims: with_values(claims, &values),
        revisions: store::revisions::of(&mut c, "source", id).await?,
    })
}
