//! Incident exports, in three field shapes, all redacted: no person's code and no
//! individual's location ever leaves in them — a victim from the registry is counted,
//! like any other, by sex and age band, and the map is aggregated to sites and places.
//!
//! - **ACLED-shaped CSV**: ACLED's column names and codes (`time_precision` 1 day,
//!   3 month or coarser; `geo_precision` 1 exact, 2 near, 3 region; `fatalities`),
//!   one row per incident. `fatalities` is the figure the record accepts for "killed",
//!   else the victims counted in its acts, else 0 — never a source's claim on its own.
//! - **Events JSON** (`vigil-events/1`): the HURIDOCS "who did what to whom" shape, with
//!   every source's claim and both grades, the accepted figures with their reasons and
//!   the computed corroboration; its JSON Schema is published at
//!   `/api/v1/schemas/events.json` (`docs/schemas/events.schema.json`).
//! - **GeoJSON**: a FeatureCollection of points — sites with the incidents recorded at
//!   them, and places of incidents — never an individual.

use std::borrow::Cow;

use serde_json::{json, Value};

use super::export::{csv_plain_row, csv_row, Cell};
use crate::actions::documentation::incidents::{IncidentDetail, MapPlace};

/// The published schema of the events export.
pub const EVENTS_SCHEMA: &str = include_str!("../../docs/schemas/events.schema.json");
pub const EVENTS_FORMAT: &str = "vigil-events/1";

/// ACLED's columns, in ACLED's order (the ones vigil can fill).
pub const ACLED_COLUMNS: [&str; 18] = [
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "country",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "notes",
    "fatalities",
    "timestamp",
];

/// ACLED's event type and sub-event type for a vigil category.
pub fn acled_type(category: &str) -> (&'static str, &'static str, &'static str) {
    const VAC: &str = "Violence against civilians";
    const POL: &str = "Political violence";
    const STRAT: &str = "Strategic developments";
    match category {
        "rocket_attack" => (
            POL,
            "Explosions/Remote violence",
            "Shelling/artillery/missile attack",
        ),
        "armed_assault" | "killing" | "injury" => (POL, VAC, "Attack"),
        "hostage_taking" => (POL, VAC, "Abduction/forced disappearance"),
        "property_seizure" => (STRAT, STRAT, "Looting/property destruction"),
        _ => (STRAT, STRAT, "Other"),
    }
}

fn time_precision(p: &str) -> i64 {
    match p {
        "exact" | "day" => 1,
        _ => 3,
    }
}

fn geo_precision(p: &str) -> i64 {
    match p {
        "exact" => 1,
        "near" => 2,
        _ => 3,
    }
}

/// The deaths the record stands behind (see the module header).
pub fn fatalities(d: &IncidentDetail) -> i64 {
    d.accepted
        .iter()
        .find(|f| f.measure == "killed")
        .map(|f| f.value)
        .unwrap_or_else(|| {
            d.acts
                .iter()
                .filter(|a| a.act == "killed")
                .map(|a| a.victims.unwrap_or(1))
                .sum()
        })
}

/// A site's code, country (ISO 3166 alpha-3, which is what `country` holds in the CSV)
/// and coordinates, by site id.
pub type SiteInfo = (i64, String, String, Option<f64>, Option<f64>);

fn day(ms: i64) -> String {
    crate::clock::rfc3339(ms).chars().take(10).collect()
}

/// One row per incident, in the order of [`ACLED_COLUMNS`].
pub fn acled_rows(details: &[IncidentDetail], sites: &[SiteInfo]) -> Vec<Vec<Cell<'static>>> {
    let mut out = Vec::with_capacity(details.len());
    for d in details {
        let i = &d.incident;
        let site = i.site_id.and_then(|id| sites.iter().find(|s| s.0 == id));
        let (disorder, event, sub) = acled_type(&i.category);
        let (lat, lon) = match (i.lat, i.lon) {
            (Some(a), Some(o)) => (Some(a), Some(o)),
            _ => (site.and_then(|s| s.3), site.and_then(|s| s.4)),
        };
        let location = match (i.place.as_str(), site) {
            ("", Some(s)) => s.1.clone(),
            (p, Some(s)) => format!("{p}, {}", s.1),
            (p, None) => p.to_string(),
        };
        let actor1: Vec<&str> = d.perpetrators.iter().map(|p| p.name.as_str()).collect();
        let sources: Vec<String> = d
            .claims
            .iter()
            .map(|c| {
                c.source
                    .publisher
                    .clone()
                    .unwrap_or_else(|| c.source.row.title.clone())
            })
            .fold(Vec::new(), |mut v, s| {
                if !v.contains(&s) {
                    v.push(s);
                }
                v
            });
        let coordinate =
            |v: Option<f64>| v.map_or(Cell::Empty, |v| Cell::Text(Cow::Owned(format!("{v:.4}"))));
        let text = |s: String| Cell::Text(Cow::Owned(s));
        out.push(vec![
            text(format!("VIGIL{}", i.incident_id)),
            text(day(i.started_at)),
            Cell::Int(crate::clock::year_of(i.started_at)),
            Cell::Int(time_precision(&i.start_precision)),
            text(disorder.into()),
            text(event.into()),
            text(sub.into()),
            text(actor1.join("; ")),
            text(if site.is_some() {
                "Civilians (residents)".into()
            } else {
                String::new()
            }),
            text(site.map(|s| s.2.clone()).unwrap_or_default()),
            text(location),
            coordinate(lat),
            coordinate(lon),
            Cell::Int(geo_precision(&i.geo_precision)),
            text(sources.join("; ")),
            text(if i.description.is_empty() {
                i.title.clone()
            } else {
                format!("{}: {}", i.title, i.description)
            }),
            Cell::Int(fatalities(d)),
            Cell::Int(i.updated_at.div_euclid(1000)),
        ]);
    }
    out
}

/// The rows as CSV: a BOM (so spreadsheet programs read Persian and Arabic as such),
/// ACLED's header, formula-looking text escaped.
pub fn acled_csv(rows: Vec<Vec<Cell<'static>>>) -> String {
    let mut out = String::from("\u{feff}");
    csv_plain_row(&mut out, ACLED_COLUMNS);
    for r in rows {
        csv_row(&mut out, r);
    }
    out
}

/// The rows as an XLSX sheet `incidents`, the header frozen; text that looks like a
/// formula is written as text, never evaluated.
pub fn acled_xlsx(rows: Vec<Vec<Cell<'static>>>) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let bold = rust_xlsxwriter::Format::new().set_bold();
    let sheet = workbook.add_worksheet();
    sheet.set_name("incidents")?;
    for (c, name) in (0u16..).zip(ACLED_COLUMNS) {
        sheet.write_string_with_format(0, c, name, &bold)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    for (r, row) in (1u32..).zip(rows) {
        for (c, cell) in (0u16..).zip(row) {
            match cell {
                Cell::Text(t) => {
                    sheet.write_string(r, c, t.as_ref())?;
                }
                Cell::Int(n) => {
                    sheet.write_number(r, c, n as f64)?;
                }
                Cell::Empty => {}
            }
        }
    }
    workbook.save_to_buffer()
}

/// One incident in the events shape; victims counted, never named.
fn event(d: &IncidentDetail, site_code: Option<&str>) -> Value {
    let i = &d.incident;
    let acts: Vec<Value> = d
        .acts
        .iter()
        .map(|a| json!({ "act": a.act, "victims": a.victims.unwrap_or(1), "sex": a.sex, "age_band": a.age_band }))
        .collect();
    let claims: Vec<Value> = d
        .claims
        .iter()
        .map(|c| {
            let values: serde_json::Map<String, Value> = c
                .claim
                .values
                .iter()
                .map(|v| (v.measure.clone(), json!(v.value)))
                .collect();
            json!({
                "source": c.source.row.source_id,
                "about": c.claim.row.about,
                "locator": c.claim.row.locator,
                "statement": c.claim.row.statement,
                "values": values,
                "credibility": c.claim.row.credibility,
            })
        })
        .collect();
    let mut sources: Vec<Value> = Vec::new();
    for c in &d.claims {
        let s = &c.source;
        if !sources.iter().any(|v| v["id"] == json!(s.row.source_id)) {
            sources.push(json!({
                "id": s.row.source_id, "kind": s.row.kind, "title": s.row.title,
                "publisher": s.publisher, "published_on": s.row.published_on.map(day),
                "language": s.row.language, "url": s.row.url, "affiliation": s.row.affiliation,
                "aligned_with": s.aligned_with, "reliability": s.row.reliability,
                "reliability_reason": s.row.reliability_reason,
            }));
        }
    }
    json!({
        "id": i.incident_id,
        "title": i.title,
        "category": i.category,
        "start": { "date": crate::clock::rfc3339(i.started_at), "precision": i.start_precision },
        "end": match (i.ended_at, &i.end_precision) {
            (Some(at), Some(p)) => json!({ "date": crate::clock::rfc3339(at), "precision": p }),
            _ => Value::Null,
        },
        "location": {
            "site": site_code, "place": i.place, "latitude": i.lat, "longitude": i.lon,
            "precision": i.geo_precision,
        },
        "description": i.description,
        "acts": acts,
        "perpetrators": d.perpetrators.iter()
            .map(|p| json!({ "organisation": p.name, "involvement": p.involvement }))
            .collect::<Vec<_>>(),
        "verification": {
            "status": d.status,
            "set_by": i.verification_by,
            "reason": i.verification_reason,
        },
        "sources": sources,
        "claims": claims,
        "accepted": d.accepted.iter()
            .map(|f| json!({ "measure": f.measure, "value": f.value, "reason": f.reason }))
            .collect::<Vec<_>>(),
        "corroboration": d.corroboration,
    })
}

pub fn events_json(details: &[IncidentDetail], generated_at: i64) -> Value {
    json!({
        "format": EVENTS_FORMAT,
        "generated_at": crate::clock::rfc3339(generated_at),
        "redacted": true,
        "events": details.iter().map(|d| event(d, d.site.as_deref())).collect::<Vec<_>>(),
    })
}

/// Sites and incident places as GeoJSON points (longitude first, as RFC 7946 says).
pub fn geojson(places: &[MapPlace]) -> Value {
    json!({
        "type": "FeatureCollection",
        "features": places.iter().map(|p| json!({
            "type": "Feature",
            "geometry": { "type": "Point", "coordinates": [p.lon, p.lat] },
            "properties": { "name": p.name, "kind": p.kind, "incidents": p.incidents },
        })).collect::<Vec<_>>(),
    })
}
