//! Recording an incident with the claims its sources make, as one action and one
//! transaction: what `POST /api/v1/incidents` with `claims` does, and what recording
//! an incident without claims does too.
//!
//! It does each thing once rather than once per claim: the sources cited are read in
//! one statement, the incident's stored facts (period, verification as computed,
//! best grade, voices, claims) are computed before any row is written and inserted
//! with the incident, the figures go in one statement, the incident and its claims
//! are indexed for search in one statement, and the audit entries (one
//! `incident.create`, one `incident.claim` per claim, as when they are added one by
//! one) are chained in one append. Nothing written is read back.

use std::collections::HashMap;

use serde_json::json;

use super::incidents::{fields, person_id, recorded, site_id};
use super::search::{claim_content, claim_doc, incident_content, Parent};
use crate::actions::{audit_many, ActionError, Event, Result};
use crate::app::App;
use crate::auth::capability::{Cap, WriteDocumentation};
use crate::domain::incident::timeline::Period;
use crate::domain::incident::{IncidentInput, Verification};
use crate::domain::person::Choice;
use crate::domain::search::index_body;
use crate::domain::source::ClaimInput;
use crate::domain::Invalid;
use crate::store::incident_facts::{facts_of, Counted};
use crate::store::search::Doc;
use crate::store::sources::{ClaimFields, SourceRow};
use crate::store::{self, Conn};

/// What a recording wrote: the incident's id and its claims' ids, in input order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recorded {
    pub id: i64,
    pub claims: Vec<i64>,
}

/// An audit event about incident `id`.
pub(crate) fn incident_event(
    action: &str,
    id: i64,
    summary: String,
    details: serde_json::Value,
) -> Event<'_> {
    Event {
        action,
        object_type: "incident",
        object_id: id.to_string(),
        summary,
        details,
    }
}

/// The `incident.claim` entry of claim `claim_id` about incident `id`.
pub(crate) fn claim_event(
    id: i64,
    claim_id: i64,
    cl: &ClaimInput,
    person: Option<i64>,
) -> Event<'static> {
    let values: Vec<String> = cl
        .values
        .iter()
        .map(|(m, v)| format!("{}={v}", m.as_str()))
        .collect();
    let summary = format!(
        "claim {claim_id} of source {} graded {} [{}]",
        cl.source_id,
        cl.credibility.value(),
        values.join(", ")
    );
    let details = json!({ "claim": claim_id, "source": cl.source_id, "about": cl.about.as_str(),
        "person": person, "locator": cl.locator, "statement": cl.statement, "values": values,
        "credibility": cl.credibility.value() });
    incident_event("incident.claim", id, summary, details)
}

/// The source a claim cites, if it may be cited: on record and not retracted.
pub(crate) fn citable(source: Option<&SourceRow>) -> Result<&SourceRow> {
    let source = source
        .ok_or_else(|| Invalid::new("source", "claim-invalid-unknown-source", "no such source"))?;
    if source.retracted_at.is_some() {
        return Err(Invalid::new(
            "source",
            "source-invalid-retracted",
            "this source was retracted; it can no longer be changed",
        )
        .into());
    }
    Ok(source)
}

/// A refusal about claim `n` of the input names the claim.
fn of_claim(e: ActionError, n: usize) -> ActionError {
    match e {
        ActionError::Invalid(i) => ActionError::Invalid(i.in_item("claims", n)),
        other => other,
    }
}

/// The stored fields of a claim about incident `id`.
pub(crate) fn claim_fields(id: i64, cl: &ClaimInput, person: Option<i64>) -> ClaimFields<'_> {
    ClaimFields {
        source_id: cl.source_id,
        incident_id: Some(id),
        person_id: person,
        about: cl.about.as_str(),
        locator: &cl.locator,
        statement: &cl.statement,
        credibility: cl.credibility.value(),
    }
}

/// Records incident `i` with `claims` in the caller's transaction. Every claim is
/// checked (its source on record and standing, its person registered) before
/// anything is written; a refusal names the claim (`claims[n]`).
pub async fn record_in(
    c: &mut Conn,
    app: &App,
    cap: &Cap<WriteDocumentation>,
    i: &IncidentInput,
    claims: &[ClaimInput],
) -> Result<Recorded> {
    let site = site_id(c, i).await?;
    let mut cited: Vec<i64> = claims.iter().map(|cl| cl.source_id).collect();
    cited.sort_unstable();
    cited.dedup();
    let sources: HashMap<i64, SourceRow> = store::sources::sources_by_ids(c, &cited)
        .await?
        .into_iter()
        .map(|s| (s.source_id, s))
        .collect();
    let mut counted = Vec::with_capacity(claims.len());
    let mut people = Vec::with_capacity(claims.len());
    for (n, cl) in claims.iter().enumerate() {
        counted.push(Counted {
            source: citable(sources.get(&cl.source_id)).map_err(|e| of_claim(e, n))?,
            credibility: cl.credibility.value(),
            values: cl.values.clone(),
        });
        people.push(match &cl.person {
            Some(code) => Some(person_id(c, code).await.map_err(|e| of_claim(e, n))?),
            None => None,
        });
    }
    let period = Period::of(i.started_at, i.start_precision);
    let unverified = Verification::Unverified.as_str();
    let facts = facts_of(period, unverified, claims.len(), &counted);
    let now = app.now();
    let fields = fields(i, site);
    let id = store::incidents::insert(c, &fields, &facts, now).await?;

    let summary = format!("incident {} ({})", i.title, i.category.as_str());
    let mut events = vec![incident_event(
        "incident.create",
        id,
        summary,
        recorded(i, site),
    )];
    let mut claim_ids = Vec::with_capacity(claims.len());
    let mut values = Vec::new();
    for (cl, person) in claims.iter().zip(&people) {
        let claim_id = store::sources::insert_claim(c, &claim_fields(id, cl, *person), now).await?;
        values.extend(cl.values.iter().map(|(m, v)| (claim_id, m.as_str(), *v)));
        events.push(claim_event(id, claim_id, cl, *person));
        claim_ids.push(claim_id);
    }
    store::sources::insert_values(c, &values).await?;
    audit_many(c, app, cap.actor(), events).await?;
    index(c, id, i, site, claims, &claim_ids, &sources).await?;
    Ok(Recorded {
        id,
        claims: claim_ids,
    })
}

/// [`record_in`] in its own transaction.
pub async fn record(
    app: &App,
    cap: &Cap<WriteDocumentation>,
    i: &IncidentInput,
    claims: &[ClaimInput],
) -> Result<Recorded> {
    let mut tx = app.store.write().await?;
    let done = record_in(&mut tx, app, cap, i, claims).await?;
    tx.commit().await?;
    Ok(done)
}

/// Indexes the incident just recorded and its claims, from what was written.
async fn index(
    c: &mut Conn,
    id: i64,
    i: &IncidentInput,
    site: Option<i64>,
    claims: &[ClaimInput],
    claim_ids: &[i64],
    sources: &HashMap<i64, SourceRow>,
) -> Result<()> {
    // What the claims' documents copy of their incident.
    let parent = Parent {
        id,
        started_at: i.started_at,
        site_id: site,
        category: i.category.as_str(),
    };
    let content = incident_content(&i.title, &i.place, &i.description);
    let body = index_body(&content);
    let texts: Vec<(String, String, String)> = claims
        .iter()
        .map(|cl| {
            let content = claim_content(&cl.statement, &cl.locator);
            let body = index_body(&content);
            let language = sources
                .get(&cl.source_id)
                .map(|s| s.language.to_ascii_lowercase())
                .unwrap_or_default();
            (content, body, language)
        })
        .collect();
    let mut docs = vec![Doc {
        doc_type: "incident",
        doc_id: id,
        parent_id: None,
        title: &i.title,
        content: &content,
        body: &body,
        day: Some(i.started_at),
        site_id: site,
        category: i.category.as_str(),
        grade: "",
        language: "",
    }];
    for ((cl, claim_id), (content, body, language)) in claims.iter().zip(claim_ids).zip(&texts) {
        if let Some(s) = sources.get(&cl.source_id) {
            docs.push(claim_doc(
                *claim_id,
                s,
                Some(parent),
                content,
                body,
                language,
            ));
        }
    }
    store::search::insert_new(c, &docs).await?;
    Ok(())
}
