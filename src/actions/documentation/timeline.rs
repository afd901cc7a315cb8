//! The timeline and the map: the incidents a filter keeps (site, category, computed
//! verification, best source grade), counted by period and category, and the points
//! the map shows — sites with the incidents recorded at them, and places of incidents
//! with coordinates; never a person's location. Both come from one SQL aggregate over
//! the facts stored on each incident (`store::incident_facts`); the list of incidents
//! a filter keeps is a separate, limited query.

use std::collections::HashMap;

use super::incidents::IncidentSummary;
use crate::actions::Result;
use crate::app::App;
use crate::auth::capability::{Cap, ReadRecord};
use crate::domain::incident::timeline::{timeline_counted, Period, TimelineRow};
use crate::store;
use crate::store::incident_timeline::{Group, Keep};

/// What the timeline and the map show: incidents of one site, category,
/// verification, or with at least one source graded this well or better.
#[derive(Debug, Clone, Default, serde::Deserialize, serde::Serialize, utoipa::IntoParams)]
pub struct Filter {
    /// A site's code.
    pub site: Option<String>,
    pub category: Option<String>,
    /// unverified, corroborated or verified.
    pub verification: Option<String>,
    /// A–F: incidents with at least one source graded this well or better.
    pub grade: Option<String>,
}

/// A filter's value, when one is given.
fn given(f: &Option<String>) -> Option<&str> {
    f.as_deref().map(str::trim).filter(|v| !v.is_empty())
}

impl Filter {
    fn keep(&self) -> Keep<'_> {
        Keep {
            site: given(&self.site),
            category: given(&self.category),
            status: given(&self.verification),
            grade: given(&self.grade),
        }
    }
}

/// A point on the map: a site, or a place of incidents (never a person's location).
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct MapPlace {
    pub name: String,
    pub lat: f64,
    pub lon: f64,
    /// site or incident.
    pub kind: String,
    /// The incidents shown at this point.
    pub incidents: i64,
}

#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct Timeline {
    pub rows: Vec<TimelineRow>,
    pub places: Vec<MapPlace>,
    /// Incidents that match but have no coordinates and no site that has any.
    pub unplaced: i64,
    /// Every incident the filter keeps.
    pub total: i64,
}

/// Folds the aggregate's groups into the map's marks: sites with coordinates first
/// (with the incidents recorded there that have no coordinates of their own), then
/// places of incidents; returns the marks and the incidents that have no mark.
fn places(sites: &[store::sites::SiteRow], groups: &[Group]) -> (Vec<MapPlace>, i64) {
    let mut places: Vec<MapPlace> = sites
        .iter()
        .filter_map(|s| {
            Some(MapPlace {
                name: s.code.clone(),
                lat: s.lat?,
                lon: s.lon?,
                kind: "site".into(),
                incidents: 0,
            })
        })
        .collect();
    let codes: HashMap<i64, &str> = sites.iter().map(|s| (s.site_id, s.code.as_str())).collect();
    let mut unplaced = 0;
    for g in groups {
        match (g.lat, g.lon, g.site_id.and_then(|id| codes.get(&id))) {
            (Some(lat), Some(lon), _) => {
                // Incidents at the same point and place name share one mark.
                let name = if g.place.is_empty() {
                    "—".to_string()
                } else {
                    g.place.clone()
                };
                match places.iter_mut().find(|p| {
                    p.kind == "incident" && p.name == name && p.lat == lat && p.lon == lon
                }) {
                    Some(p) => p.incidents += g.n,
                    None => places.push(MapPlace {
                        name,
                        lat,
                        lon,
                        kind: "incident".into(),
                        incidents: g.n,
                    }),
                }
            }
            (_, _, Some(code)) => match places
                .iter_mut()
                .find(|p| p.kind == "site" && p.name == *code)
            {
                Some(p) => p.incidents += g.n,
                None => unplaced += g.n,
            },
            _ => unplaced += g.n,
        }
    }
    (places, unplaced)
}

pub async fn timeline(app: &App, _cap: &Cap<ReadRecord>, f: &Filter) -> Result<Timeline> {
    let mut c = app.store.read().await?;
    let mut groups = store::incident_timeline::groups(&mut c, &f.keep()).await?;
    // The latest periods first, so categories line up in the order they last occurred.
    groups.sort_by(|a, b| b.period.cmp(&a.period).then(a.category.cmp(&b.category)));
    let counted: Vec<(Period, &str, i64)> = groups
        .iter()
        .filter_map(|g| Some((Period::from_key(&g.period)?, g.category.as_str(), g.n)))
        .collect();
    let sites = store::sites::list(&mut c).await?;
    let (places, unplaced) = places(&sites, &groups);
    Ok(Timeline {
        rows: timeline_counted(&counted),
        places,
        unplaced,
        total: groups.iter().map(|g| g.n).sum(),
    })
}

/// The incidents the filter keeps, the latest first; at most `limit` when given.
pub async fn matching(
    app: &App,
    _cap: &Cap<ReadRecord>,
    f: &Filter,
    limit: Option<i64>,
) -> Result<Vec<IncidentSummary>> {
    let mut c = app.store.read().await?;
    let rows = store::incident_timeline::list(&mut c, &f.keep(), limit).await?;
    let sites = store::sites::list(&mut c).await?;
    Ok(super::incidents::summaries(rows, &sites))
}
