//! The timeline and the map: the incidents a filter keeps (site, category, computed
//! verification, best source grade), counted by period and category, and the points
//! the map shows — sites with the incidents recorded at them, and places of incidents
//! with coordinates; never a person's location.

use super::incidents::{list, IncidentSummary};
use crate::actions::Result;
use crate::app::App;
use crate::auth::capability::{Cap, ReadRecord};
use crate::domain::incident::timeline::{Period, TimelineRow};
use crate::domain::incident::Precision;
use crate::domain::person::Choice;
use crate::store;

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
    fn keeps(&self, i: &IncidentSummary) -> bool {
        given(&self.site)
            .is_none_or(|s| i.site.as_deref().is_some_and(|c| c.eq_ignore_ascii_case(s)))
            && given(&self.category).is_none_or(|c| i.row.category == c)
            && given(&self.verification).is_none_or(|v| i.status == v)
            && given(&self.grade).is_none_or(|g| {
                i.best_grade
                    .as_deref()
                    .is_some_and(|b| b <= g.to_ascii_uppercase().as_str())
            })
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
    pub incidents: Vec<IncidentSummary>,
}

pub async fn timeline(app: &App, cap: &Cap<ReadRecord>, f: &Filter) -> Result<Timeline> {
    let incidents: Vec<IncidentSummary> = list(app, cap)
        .await?
        .into_iter()
        .filter(|i| f.keeps(i))
        .collect();
    let periods: Vec<(Period, &str)> = incidents
        .iter()
        .map(|i| {
            let p = Precision::parse(&i.row.start_precision).unwrap_or(Precision::Day);
            (Period::of(i.row.started_at, p), i.row.category.as_str())
        })
        .collect();
    let rows = crate::domain::incident::timeline::timeline(&periods);
    let mut c = app.store.read().await?;
    let sites = store::sites::list(&mut c).await?;
    let mut places: Vec<MapPlace> = Vec::new();
    let mut unplaced = 0;
    for s in &sites {
        if let (Some(lat), Some(lon)) = (s.lat, s.lon) {
            places.push(MapPlace {
                name: s.code.clone(),
                lat,
                lon,
                kind: "site".into(),
                incidents: 0,
            });
        }
    }
    for i in &incidents {
        match (i.row.lat, i.row.lon, &i.site) {
            (Some(lat), Some(lon), _) => {
                // Incidents at the same point and place name share one mark.
                let name = if i.row.place.is_empty() {
                    "—".to_string()
                } else {
                    i.row.place.clone()
                };
                match places.iter_mut().find(|p| {
                    p.kind == "incident" && p.name == name && p.lat == lat && p.lon == lon
                }) {
                    Some(p) => p.incidents += 1,
                    None => places.push(MapPlace {
                        name,
                        lat,
                        lon,
                        kind: "incident".into(),
                        incidents: 1,
                    }),
                }
            }
            (_, _, Some(code)) => match places
                .iter_mut()
                .find(|p| p.kind == "site" && p.name == *code)
            {
                Some(p) => p.incidents += 1,
                None => unplaced += 1,
            },
            _ => unplaced += 1,
        }
    }
    Ok(Timeline {
        rows,
        places,
        unplaced,
        incidents,
    })
}
