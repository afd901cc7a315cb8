//! Exports of the documentation (shaped in `io::incidents`): the incidents a filter
//! keeps, in full, with the sites they refer to. Redaction is not optional here: the
//! shapes carry no person's code and no individual's location at all.

use super::incidents::{self, Filter, IncidentDetail, MapPlace};
use crate::actions::Result;
use crate::app::App;
use crate::auth::capability::{Cap, ReadRecord};
use crate::io::incidents::SiteInfo;
use crate::store;

pub struct Export {
    pub details: Vec<IncidentDetail>,
    pub places: Vec<MapPlace>,
    pub sites: Vec<SiteInfo>,
}

pub async fn export(app: &App, cap: &Cap<ReadRecord>, f: &Filter) -> Result<Export> {
    let t = incidents::timeline(app, cap, f).await?;
    let listed = super::timeline::matching(app, cap, f, None).await?;
    let mut details = Vec::with_capacity(listed.len());
    for i in &listed {
        details.push(incidents::get(app, cap, i.row.incident_id).await?);
    }
    let mut c = app.store.read().await?;
    let sites = store::sites::list(&mut c)
        .await?
        .into_iter()
        .map(|s| (s.site_id, s.code, s.country, s.lat, s.lon))
        .collect();
    Ok(Export {
        details,
        places: t.places,
        sites,
    })
}

/// The export's shapes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// ACLED-shaped CSV.
    Acled,
    /// Events JSON (`vigil-events/1`).
    Events,
    /// GeoJSON of sites and places.
    GeoJson,
    /// The ACLED-shaped rows as an XLSX workbook.
    Xlsx,
}

impl Format {
    pub fn parse(s: &str) -> std::result::Result<Format, crate::domain::Invalid> {
        match s.trim() {
            "" | "acled" | "csv" => Ok(Format::Acled),
            "events" | "json" => Ok(Format::Events),
            "geojson" => Ok(Format::GeoJson),
            "xlsx" => Ok(Format::Xlsx),
            _ => Err(crate::domain::Invalid::new(
                "format",
                "invalid-choice",
                "expected acled, xlsx, events or geojson",
            )),
        }
    }

    /// Content type and file name.
    pub fn file(self) -> (&'static str, &'static str) {
        match self {
            Format::Acled => ("text/csv; charset=utf-8", "vigil-incidents-acled.csv"),
            Format::Events => ("application/json", "vigil-events.json"),
            Format::GeoJson => ("application/geo+json", "vigil-sites.geojson"),
            Format::Xlsx => (
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                "vigil-incidents.xlsx",
            ),
        }
    }
}

/// The query of an export: its format and the timeline's filter.
#[derive(Debug, Clone, Default, serde::Deserialize, utoipa::IntoParams)]
pub struct ExportQuery {
    /// acled (default, CSV), xlsx (the same rows), events or geojson.
    pub format: Option<String>,
    pub site: Option<String>,
    pub category: Option<String>,
    pub verification: Option<String>,
    pub grade: Option<String>,
}

/// The file for `q`: content type, file name and bytes.
pub async fn file(
    app: &App,
    cap: &Cap<ReadRecord>,
    q: &ExportQuery,
) -> Result<(&'static str, &'static str, Vec<u8>)> {
    let format = Format::parse(q.format.as_deref().unwrap_or(""))?;
    let f = Filter {
        site: q.site.clone(),
        category: q.category.clone(),
        verification: q.verification.clone(),
        grade: q.grade.clone(),
    };
    let e = export(app, cap, &f).await?;
    let body = match format {
        Format::Acled => {
            let rows = crate::io::incidents::acled_rows(&e.details, &e.sites);
            crate::io::incidents::acled_csv(rows).into_bytes()
        }
        Format::Xlsx => {
            let rows = crate::io::incidents::acled_rows(&e.details, &e.sites);
            crate::io::incidents::acled_xlsx(rows)
                .map_err(|e| crate::actions::ActionError::Internal(e.to_string()))?
        }
        Format::Events => {
            let v = crate::io::incidents::events_json(&e.details, app.now());
            serde_json::to_vec_pretty(&v).unwrap_or_default()
        }
        Format::GeoJson => {
            serde_json::to_vec_pretty(&crate::io::incidents::geojson(&e.places)).unwrap_or_default()
        }
    };
    let (mime, name) = format.file();
    Ok((mime, name, body))
}
