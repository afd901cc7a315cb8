//! Search over the documentation record: sources, claims and incidents — never
//! people or anything sealed. Each is indexed in the transaction that records it
//! (its words normalised by `domain::search`, its filter fields copied), so the index
//! is never behind what was committed; [`reindex`] rebuilds it whole (a database made
//! before the index existed).

use crate::actions::Result;
use crate::app::App;
use crate::auth::capability::{Cap, ReadRecord};
use crate::domain::search::{index_body, snippet, Query, Segment};
use crate::store::incidents::IncidentRow;
use crate::store::search::Doc;
use crate::store::sources::SourceRow;
use crate::store::{self, Conn};

/// Indexes incident `id` as it is stored.
pub async fn index_incident(c: &mut Conn, id: i64) -> Result<()> {
    let Some(i) = store::incidents::get(c, id).await? else {
        return Ok(());
    };
    if i.retracted_at.is_some() {
        return Ok(store::search::remove(c, "incident", id).await?);
    }
    let content = incident_content(&i.title, &i.place, &i.description);
    store::search::put(
        c,
        &Doc {
            doc_type: "incident",
            doc_id: id,
            parent_id: None,
            title: &i.title,
            content: &content,
            body: &index_body(&content),
            day: Some(i.started_at),
            site_id: i.site_id,
            category: &i.category,
            grade: "",
            language: "",
        },
    )
    .await?;
    Ok(())
}

/// What is searched of an incident: its title, place and description.
pub(crate) fn incident_content(title: &str, place: &str, description: &str) -> String {
    joined(&[title, place, description])
}

/// What is searched of a claim: what it says and where in the source.
pub(crate) fn claim_content(statement: &str, locator: &str) -> String {
    joined(&[statement, locator])
}

fn joined(parts: &[&str]) -> String {
    parts
        .iter()
        .filter(|s| !s.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" — ")
}

/// What a claim's document copies of its incident.
#[derive(Clone, Copy)]
pub(crate) struct Parent<'a> {
    pub id: i64,
    pub started_at: i64,
    pub site_id: Option<i64>,
    pub category: &'a str,
}

impl<'a> Parent<'a> {
    pub(crate) fn of(i: &'a IncidentRow) -> Self {
        Parent {
            id: i.incident_id,
            started_at: i.started_at,
            site_id: i.site_id,
            category: &i.category,
        }
    }
}

/// A claim's document, with its source's grade and language and its incident's date,
/// site and category; `content` and `body` are [`claim_content`] and its `index_body`.
pub(crate) fn claim_doc<'a>(
    claim_id: i64,
    s: &'a SourceRow,
    incident: Option<Parent<'a>>,
    content: &'a str,
    body: &'a str,
    language: &'a str,
) -> Doc<'a> {
    Doc {
        doc_type: "claim",
        doc_id: claim_id,
        parent_id: incident.map(|i| i.id),
        title: &s.title,
        content,
        body,
        day: incident.map(|i| i.started_at).or(s.published_on),
        site_id: incident.and_then(|i| i.site_id),
        category: incident.map_or("", |i| i.category),
        grade: &s.reliability,
        language,
    }
}

/// Indexes source `id` as it is stored.
pub async fn index_source(c: &mut Conn, id: i64) -> Result<()> {
    let Some(s) = store::sources::get_source(c, id).await? else {
        return Ok(());
    };
    if s.retracted_at.is_some() {
        return Ok(store::search::remove(c, "source", id).await?);
    }
    let mut content = [s.title.as_str(), &s.author]
        .iter()
        .filter(|s| !s.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" — ");
    // The document's own text, when it was imported (plain text, HTML or PDF).
    if let Some(t) = store::source_texts::get(c, id).await? {
        content.push('\n');
        content.push_str(&t.body);
    }
    store::search::put(
        c,
        &Doc {
            doc_type: "source",
            doc_id: id,
            parent_id: None,
            title: &s.title,
            content: &content,
            body: &index_body(&content),
            day: s.published_on,
            site_id: None,
            category: "",
            grade: &s.reliability,
            language: &s.language.to_ascii_lowercase(),
        },
    )
    .await?;
    Ok(())
}

/// Indexes a claim: its words, with its source's grade and language and its
/// incident's date, site and category.
pub async fn index_claim(
    c: &mut Conn,
    claim_id: i64,
    source_id: i64,
    incident_id: Option<i64>,
    locator: &str,
    statement: &str,
) -> Result<()> {
    let Some(s) = store::sources::get_source(c, source_id).await? else {
        return Ok(());
    };
    let incident = match incident_id {
        Some(id) => store::incidents::get(c, id).await?,
        None => None,
    };
    // A claim of a retracted source or about a retracted incident is not found either.
    if s.retracted_at.is_some() || incident.as_ref().is_some_and(|i| i.retracted_at.is_some()) {
        return Ok(store::search::remove(c, "claim", claim_id).await?);
    }
    let content = claim_content(statement, locator);
    let body = index_body(&content);
    let language = s.language.to_ascii_lowercase();
    let doc = claim_doc(
        claim_id,
        &s,
        incident.as_ref().map(Parent::of),
        &content,
        &body,
        &language,
    );
    store::search::put(c, &doc).await?;
    Ok(())
}

/// Rebuilds the whole index in one transaction; returns how many documents.
pub async fn reindex(app: &App) -> Result<i64> {
    let mut tx = app.store.write().await?;
    for i in store::incidents::list(&mut tx).await? {
        index_incident(&mut tx, i.incident_id).await?;
    }
    for s in store::sources::list_sources(&mut tx).await? {
        index_source(&mut tx, s.source_id).await?;
    }
    for cl in store::sources::claims(&mut tx, None, None).await? {
        if cl.retracted_at.is_some() {
            continue;
        }
        index_claim(
            &mut tx,
            cl.claim_id,
            cl.source_id,
            cl.incident_id,
            &cl.locator,
            &cl.statement,
        )
        .await?;
    }
    let n = store::search::count(&mut tx).await?;
    tx.commit().await?;
    Ok(n)
}

/// The most hits a search returns.
pub const LIMIT: i64 = 50;

/// One hit, best first.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct Hit {
    /// incident, source or claim.
    pub doc_type: String,
    pub doc_id: i64,
    pub title: String,
    /// Epoch ms: the incident's start, the source's publication, a claim's incident.
    pub day: Option<i64>,
    /// The page where it is read.
    pub href: String,
    /// The text around the first hit, the hits marked.
    pub snippet: Vec<Segment>,
}

/// The hits of a search, and whether older matches were left unranked.
pub struct Found {
    pub hits: Vec<Hit>,
    /// More than [`store::search::WINDOW`] documents matched: the hits are the best of
    /// the most recently indexed ones (narrow the search to reach older ones).
    pub windowed: bool,
}

pub async fn search(app: &App, cap: &Cap<ReadRecord>, q: &Query) -> Result<Vec<Hit>> {
    Ok(search_found(app, cap, q).await?.hits)
}

pub async fn search_found(app: &App, _cap: &Cap<ReadRecord>, q: &Query) -> Result<Found> {
    let mut c = app.store.read().await?;
    let ranked = store::search::search(&mut c, q, LIMIT).await?;
    let hits = ranked
        .rows
        .into_iter()
        .map(|r| Hit {
            href: match (r.doc_type.as_str(), r.parent_id) {
                ("source", _) => format!("/documentation/sources/{}", r.doc_id),
                ("claim", Some(incident)) => format!("/documentation/incidents/{incident}"),
                _ => format!("/documentation/incidents/{}", r.doc_id),
            },
            snippet: snippet(&r.content, &q.words),
            doc_type: r.doc_type,
            doc_id: r.doc_id,
            title: r.title,
            day: r.day,
        })
        .collect();
    Ok(Found {
        hits,
        windowed: ranked.windowed,
    })
}
