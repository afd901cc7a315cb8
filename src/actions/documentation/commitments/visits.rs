//! Monitoring visits: recorded by the documenter (audited), listed for every reader,
//! and the presence they give a presence commitment: coverage, the longest gaps and
//! the incidents that happened while no monitor was there.

use serde_json::json;

use crate::actions::documentation::resolve_org;
use crate::actions::{audit, ActionError, Event, Result};
use crate::app::App;
use crate::auth::capability::{Cap, ReadRecord, WriteDocumentation};
use crate::domain::commitment::compliance::{coverage, gaps};
use crate::domain::commitment::input::VisitInput;
use crate::domain::commitment::{Evidence, Visit};
use crate::domain::Invalid;
use crate::store::commitments::CommitmentRow;
use crate::store::{self, Conn};

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

pub(super) async fn presence(
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

/// A visit with the names a page shows, and the commitments it counts for.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct VisitDetail {
    #[serde(flatten)]
    pub row: store::commitments::VisitRow,
    pub organisation: String,
    pub site_code: String,
    /// Presence and frequency commitments of the visiting organisation at this site
    /// (or at any site): (commitment id, statement).
    pub feeds: Vec<(i64, String)>,
}

/// One monitoring visit.
pub async fn get_visit(app: &App, _cap: &Cap<ReadRecord>, id: i64) -> Result<VisitDetail> {
    let mut c = app.store.read().await?;
    let row = store::commitments::get_visit(&mut c, id)
        .await?
        .ok_or(ActionError::NotFound)?;
    let orgs = super::org_names(&mut c).await?;
    let site_code = store::sites::get(&mut c, row.site_id)
        .await?
        .map(|s| s.code)
        .unwrap_or_default();
    // The same rule the judge uses to gather visits (evidence.rs): owing party and site.
    let feeds = store::commitments::commitments(&mut c, None)
        .await?
        .into_iter()
        .filter(|k| {
            matches!(k.term.as_str(), "presence" | "frequency")
                && k.owed_by_id == row.organisation_id
                && k.site_id.is_none_or(|s| s == row.site_id)
        })
        .map(|k| (k.commitment_id, k.statement))
        .collect();
    Ok(VisitDetail {
        organisation: super::name_of(&orgs, row.organisation_id),
        site_code,
        feeds,
        row,
    })
}

/// Every monitoring visit by arrival, with its organisation's name and its site's code.
pub async fn list_visits_named(
    app: &App,
    _cap: &Cap<ReadRecord>,
) -> Result<Vec<(store::commitments::VisitRow, String, String)>> {
    let mut c = app.store.read().await?;
    let orgs = super::org_names(&mut c).await?;
    let sites = store::sites::list(&mut c).await?;
    Ok(store::commitments::visits(&mut c, None, None)
        .await?
        .into_iter()
        .map(|v| {
            let code = sites
                .iter()
                .find(|s| s.site_id == v.site_id)
                .map_or_else(|| v.site_id.to_string(), |s| s.code.clone());
            (v.clone(), super::name_of(&orgs, v.organisation_id), code)
        })
        .collect())
}
