//! Incidents: recording one, its acts and victims, the organisations alleged to be
//! behind it, the claims of each source, the figure the record accepts and the
//! documenter's verification; reading them with every source's figures side by side
//! and the corroboration computed from them. The timeline and the map are in
//! `timeline`.

use std::collections::HashMap;

use serde_json::json;

use super::recording::{citable, claim_event, claim_fields};
use super::resolve_org;
use super::search::{claim_content, claim_doc, Parent};
use super::sources::{named, with_values, Claim, Source};
use crate::actions::{audit, ActionError, Event, Result};
use crate::app::App;
use crate::auth::capability::{Cap, ReadRecord, WriteDocumentation};
use crate::domain::incident::corroboration::{corroborate, Corroboration};
use crate::domain::incident::{
    ActInput, FigureInput, IncidentInput, PerpetratorInput, VerificationInput, Victims,
};
use crate::domain::person::{Choice, PersonCode};
use crate::domain::search::index_body;
use crate::domain::source::ClaimInput;
use crate::domain::Invalid;
use crate::store::incident_facts::{refresh, refresh_row, status, values_by_claim, witnesses};
use crate::store::incidents::{
    ActFields, ActRow, FigureRow, IncidentFields, IncidentRow, PerpetratorRow,
};
use crate::store::sites::SiteRow;
use crate::store::sources::SourceRow;
use crate::store::{self, Conn};

pub(crate) async fn event(
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
            object_type: "incident",
            object_id: id.to_string(),
            summary,
            details,
        },
    )
    .await?;
    Ok(())
}

async fn exists(c: &mut Conn, id: i64) -> Result<IncidentRow> {
    store::incidents::get(c, id)
        .await?
        .ok_or(ActionError::NotFound)
}

pub(crate) async fn person_id(c: &mut Conn, code: &PersonCode) -> Result<i64> {
    store::people::by_code(c, code.as_str())
        .await?
        .map(|p| p.person_id)
        .ok_or_else(|| {
            Invalid::new(
                "person",
                "incident-invalid-unknown-person",
                "no person has this code",
            )
            .into()
        })
}

/// The site an incident input names, by id.
pub(crate) async fn site_id(c: &mut Conn, i: &IncidentInput) -> Result<Option<i64>> {
    match &i.site {
        Some(code) => Ok(Some(
            store::sites::by_code(c, code.as_str())
                .await?
                .map(|s| s.site_id)
                .ok_or_else(|| Invalid::new("site", "invalid-site", "no site has this code"))?,
        )),
        None => Ok(None),
    }
}

/// The fields an incident input stores.
pub(crate) fn fields(i: &IncidentInput, site_id: Option<i64>) -> IncidentFields<'_> {
    IncidentFields {
        title: &i.title,
        category: i.category.as_str(),
        started_at: i.started_at,
        start_precision: i.start_precision.as_str(),
        ended_at: i.ended_at,
        end_precision: i.end_precision.map(|p| p.as_str()),
        site_id,
        place: &i.place,
        lat: i.lat,
        lon: i.lon,
        geo_precision: i.geo_precision.as_str(),
        description: &i.description,
    }
}

/// What an incident input records, as the audit trail keeps it.
pub(crate) fn recorded(i: &IncidentInput, site_id: Option<i64>) -> serde_json::Value {
    json!({ "title": i.title, "category": i.category.as_str(), "started_at": i.started_at,
        "start_precision": i.start_precision.as_str(), "ended_at": i.ended_at, "site": site_id,
        "place": i.place, "lat": i.lat, "lon": i.lon, "geo_precision": i.geo_precision.as_str(),
        "description": i.description })
}

/// An incident that may still be changed: it exists and is not retracted.
pub(crate) async fn standing(c: &mut Conn, id: i64) -> Result<IncidentRow> {
    let row = exists(c, id).await?;
    if row.retracted_at.is_some() {
        return Err(Invalid::new(
            "incident",
            "incident-invalid-retracted",
            "this incident was retracted; it can no longer be changed",
        )
        .into());
    }
    Ok(row)
}

/// Records an incident without claims (see `recording` for one with its claims).
pub async fn create_in(
    c: &mut Conn,
    app: &App,
    cap: &Cap<WriteDocumentation>,
    i: &IncidentInput,
) -> Result<i64> {
    Ok(super::recording::record_in(c, app, cap, i, &[]).await?.id)
}

pub async fn create(app: &App, cap: &Cap<WriteDocumentation>, i: &IncidentInput) -> Result<i64> {
    let mut tx = app.store.write().await?;
    let id = create_in(&mut tx, app, cap, i).await?;
    tx.commit().await?;
    Ok(id)
}

pub async fn add_act_in(
    c: &mut Conn,
    app: &App,
    cap: &Cap<WriteDocumentation>,
    id: i64,
    a: &ActInput,
) -> Result<i64> {
    standing(c, id).await?;
    let (person, victims) = match &a.victims {
        Victims::Person(code) => (Some(person_id(c, code).await?), None),
        Victims::Count(n) => (None, Some(*n)),
    };
    let fields = ActFields {
        act: a.act.as_str(),
        person_id: person,
        victims,
        sex: a.sex.as_str(),
        age_band: a.age_band,
    };
    let act_id = store::incidents::insert_act(c, id, &fields, app.now()).await?;
    // The summary never names the victim: codes are for readers of the record only.
    let summary = match victims {
        Some(n) => format!("act {}: {n} victims", a.act.as_str()),
        None => format!("act {}: one registered person", a.act.as_str()),
    };
    let details = json!({ "act": a.act.as_str(), "person": person, "victims": victims,
        "sex": a.sex.as_str(), "age_band": a.age_band });
    event(c, app, cap, "incident.act", id, summary, details).await?;
    Ok(act_id)
}

pub async fn add_act(
    app: &App,
    cap: &Cap<WriteDocumentation>,
    id: i64,
    a: &ActInput,
) -> Result<i64> {
    let mut tx = app.store.write().await?;
    let act = add_act_in(&mut tx, app, cap, id, a).await?;
    tx.commit().await?;
    Ok(act)
}

pub async fn add_perpetrator_in(
    c: &mut Conn,
    app: &App,
    cap: &Cap<WriteDocumentation>,
    id: i64,
    p: &PerpetratorInput,
) -> Result<()> {
    standing(c, id).await?;
    let org = resolve_org(c, "organisation", &p.organisation).await?;
    store::incidents::insert_perpetrator(c, id, org, p.involvement.as_str(), app.now()).await?;
    let summary = format!("alleged perpetrator {org} ({})", p.involvement.as_str());
    let details = json!({ "organisation": org, "involvement": p.involvement.as_str() });
    event(c, app, cap, "incident.perpetrator", id, summary, details).await
}

pub async fn add_perpetrator(
    app: &App,
    cap: &Cap<WriteDocumentation>,
    id: i64,
    p: &PerpetratorInput,
) -> Result<()> {
    let mut tx = app.store.write().await?;
    add_perpetrator_in(&mut tx, app, cap, id, p).await?;
    tx.commit().await?;
    Ok(())
}

pub async fn add_claim_in(
    c: &mut Conn,
    app: &App,
    cap: &Cap<WriteDocumentation>,
    id: i64,
    cl: &ClaimInput,
) -> Result<i64> {
    let row = standing(c, id).await?;
    let source = store::sources::get_source(c, cl.source_id).await?;
    let source = citable(source.as_ref())?;
    let person = match &cl.person {
        Some(code) => Some(person_id(c, code).await?),
        None => None,
    };
    let now = app.now();
    let claim_id = store::sources::insert_claim(c, &claim_fields(id, cl, person), now).await?;
    let values: Vec<(i64, &str, i64)> = cl
        .values
        .iter()
        .map(|(m, v)| (claim_id, m.as_str(), *v))
        .collect();
    store::sources::insert_values(c, &values).await?;
    audit(c, app, cap.actor(), claim_event(id, claim_id, cl, person)).await?;
    refresh_row(c, &row, now).await?;
    // evidence: search — the claim is new, so its document is too.
    let content = claim_content(&cl.statement, &cl.locator);
    let body = index_body(&content);
    let language = source.language.to_ascii_lowercase();
    let doc = claim_doc(
        claim_id,
        source,
        Some(Parent::of(&row)),
        &content,
        &body,
        &language,
    );
    store::search::insert_new(c, &[doc]).await?;
    Ok(claim_id)
}

pub async fn add_claim(
    app: &App,
    cap: &Cap<WriteDocumentation>,
    id: i64,
    cl: &ClaimInput,
) -> Result<i64> {
    let mut tx = app.store.write().await?;
    let claim = add_claim_in(&mut tx, app, cap, id, cl).await?;
    tx.commit().await?;
    Ok(claim)
}

pub async fn set_figure_in(
    c: &mut Conn,
    app: &App,
    cap: &Cap<WriteDocumentation>,
    id: i64,
    f: &FigureInput,
) -> Result<()> {
    standing(c, id).await?;
    let by = &cap.actor().username;
    store::incidents::set_figure(c, id, f.measure.as_str(), f.value, &f.reason, by, app.now())
        .await?;
    let summary = format!("accepted {} = {}", f.measure.as_str(), f.value);
    let details = json!({ "measure": f.measure.as_str(), "value": f.value, "reason": f.reason });
    event(c, app, cap, "incident.figure", id, summary, details).await
}

pub async fn set_figure(
    app: &App,
    cap: &Cap<WriteDocumentation>,
    id: i64,
    f: &FigureInput,
) -> Result<()> {
    let mut tx = app.store.write().await?;
    set_figure_in(&mut tx, app, cap, id, f).await?;
    tx.commit().await?;
    Ok(())
}

pub async fn set_verification(
    app: &App,
    cap: &Cap<WriteDocumentation>,
    id: i64,
    v: &VerificationInput,
) -> Result<()> {
    let mut tx = app.store.write().await?;
    standing(&mut tx, id).await?;
    let by = cap.actor().username.clone();
    store::incidents::set_verification(&mut tx, id, v.status.as_str(), &by, &v.reason, app.now())
        .await?;
    let summary = format!("verification: {}", v.status.as_str());
    let details = json!({ "status": v.status.as_str(), "reason": v.reason });
    event(
        &mut tx,
        app,
        cap,
        "incident.verification",
        id,
        summary,
        details,
    )
    .await?;
    refresh(&mut tx, id, app.now()).await?;
    tx.commit().await?;
    Ok(())
}

async fn sources_by_id(c: &mut Conn) -> Result<HashMap<i64, SourceRow>> {
    Ok(store::sources::list_sources(c)
        .await?
        .into_iter()
        .map(|s| (s.source_id, s))
        .collect())
}

/// An incident in the list, with its site's code and its verification as computed.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct IncidentSummary {
    #[serde(flatten)]
    pub row: IncidentRow,
    pub site: Option<String>,
    /// unverified, corroborated (computed) or verified (by a documenter).
    pub status: String,
    pub claims: usize,
    /// Independent voices that support it.
    pub voices: usize,
    /// The best reliability grade (A–F) among the sources of its claims.
    pub best_grade: Option<String>,
}

/// Every standing incident, the latest first, with its stored facts.
pub async fn list(app: &App, cap: &Cap<ReadRecord>) -> Result<Vec<IncidentSummary>> {
    super::timeline::matching(app, cap, &super::timeline::Filter::default(), None).await
}

/// Incidents as the list shows them: with their site's code and their stored facts.
pub(crate) fn summaries(rows: Vec<IncidentRow>, sites: &[SiteRow]) -> Vec<IncidentSummary> {
    let codes: HashMap<i64, &str> = sites.iter().map(|s| (s.site_id, s.code.as_str())).collect();
    rows.into_iter()
        .map(|row| IncidentSummary {
            site: row
                .site_id
                .and_then(|id| codes.get(&id))
                .map(|c| c.to_string()),
            status: row.status.clone(),
            claims: usize::try_from(row.claim_count).unwrap_or(0),
            voices: usize::try_from(row.voices).unwrap_or(0),
            best_grade: row.best_grade.clone(),
            row,
        })
        .collect()
}

/// A claim on the incident's page: with its source (and both grades) and figures.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct SourcedClaim {
    #[serde(flatten)]
    pub claim: Claim,
    pub source: Source,
}

/// An incident with everything its page shows.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct IncidentDetail {
    #[serde(flatten)]
    pub incident: IncidentRow,
    pub site: Option<String>,
    pub status: String,
    pub acts: Vec<ActRow>,
    pub perpetrators: Vec<PerpetratorRow>,
    pub claims: Vec<SourcedClaim>,
    /// The figures the record accepts, each with its reason.
    pub accepted: Vec<FigureRow>,
    pub corroboration: Corroboration,
    /// What it said before each correction, the latest first.
    pub revisions: Vec<store::revisions::RevisionRow>,
}

pub async fn get(app: &App, _cap: &Cap<ReadRecord>, id: i64) -> Result<IncidentDetail> {
    let mut c = app.store.read().await?;
    let incident = exists(&mut c, id).await?;
    let sources = sources_by_id(&mut c).await?;
    let claim_rows = store::sources::claims(&mut c, Some(id), None).await?;
    let values = store::sources::values(&mut c, Some(id)).await?;
    let corroboration = corroborate(&witnesses(&claim_rows, &sources, &values_by_claim(&values)));
    // The page computes the same facts the list stores (one incident is cheap).
    let mut used: Vec<SourceRow> = Vec::new();
    for cl in &claim_rows {
        if let Some(s) = sources.get(&cl.source_id) {
            if !used.iter().any(|u| u.source_id == s.source_id) {
                used.push(s.clone());
            }
        }
    }
    let named_sources = named(&mut c, used).await?;
    let claims = with_values(claim_rows, &values)
        .into_iter()
        .filter_map(|claim| {
            let source = named_sources
                .iter()
                .find(|s| s.row.source_id == claim.row.source_id)?
                .clone();
            Some(SourcedClaim { claim, source })
        })
        .collect();
    let site = match incident.site_id {
        Some(s) => store::sites::get(&mut c, s).await?.map(|s| s.code),
        None => None,
    };
    Ok(IncidentDetail {
        site,
        status: status(&incident.verification, &corroboration)
            .as_str()
            .to_string(),
        acts: store::incidents::acts(&mut c, id).await?,
        perpetrators: store::incidents::perpetrators(&mut c, id).await?,
        accepted: store::incidents::figures(&mut c, id).await?,
        claims,
        corroboration,
        revisions: store::revisions::of(&mut c, "incident", id).await?,
        incident,
    })
}

pub use super::timeline::{matching, timeline, Filter, MapPlace, Timeline};
