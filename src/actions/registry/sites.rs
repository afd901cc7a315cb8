//! Sites: create, change, list, and population figures over time.

use serde_json::json;

use crate::actions::{audit, ActionError, Event, Result};
use crate::app::App;
use crate::auth::capability::{Cap, ReadRecord, WriteRegistry};
use crate::domain::person::{age_band, AGE_BANDS};
use crate::domain::site::SiteInput;
use crate::store::{self, sites::SiteRow};

pub async fn create(app: &App, cap: &Cap<WriteRegistry>, s: SiteInput) -> Result<i64> {
    let now = app.now();
    let mut tx = app.store.write().await?;
    let id = store::sites::insert(&mut tx, &s, now).await?;
    audit(
        &mut tx,
        app,
        cap.actor(),
        Event {
            action: "site.create",
            object_type: "site",
            object_id: id.to_string(),
            summary: format!(
                "code={} kind={} country={}",
                s.code.as_str(),
                s.kind.as_str(),
                s.country.as_str()
            ),
            details: json!({ "name_en": s.name_en, "name_fa": s.name_fa, "name_ar": s.name_ar,
                             "lat": s.lat, "lon": s.lon, "capacity": s.capacity }),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

pub async fn update(app: &App, cap: &Cap<WriteRegistry>, id: i64, s: SiteInput) -> Result<()> {
    let now = app.now();
    let mut tx = app.store.write().await?;
    store::sites::update(&mut tx, id, &s, now).await?;
    audit(
        &mut tx,
        app,
        cap.actor(),
        Event {
            action: "site.update",
            object_type: "site",
            object_id: id.to_string(),
            summary: format!(
                "code={} kind={} country={}",
                s.code.as_str(),
                s.kind.as_str(),
                s.country.as_str()
            ),
            details: json!({ "name_en": s.name_en, "name_fa": s.name_fa, "name_ar": s.name_ar,
                             "lat": s.lat, "lon": s.lon, "capacity": s.capacity }),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// A site with the number of people present there now.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct SiteSummary {
    #[serde(flatten)]
    pub site: SiteRow,
    pub present: i64,
}

pub async fn list(app: &App, _cap: &Cap<ReadRecord>) -> Result<Vec<SiteSummary>> {
    let mut c = app.store.read().await?;
    let sites = store::sites::list(&mut c).await?;
    let counts = store::sites::present_counts(&mut c).await?;
    Ok(sites
        .into_iter()
        .map(|site| {
            let present = counts
                .iter()
                .find(|(id, _)| *id == site.site_id)
                .map_or(0, |(_, n)| *n);
            SiteSummary { site, present }
        })
        .collect())
}

/// Every site, without figures (for choosers and labels).
pub async fn all(app: &App, _cap: &Cap<ReadRecord>) -> Result<Vec<SiteRow>> {
    let mut c = app.store.read().await?;
    Ok(store::sites::list(&mut c).await?)
}

pub async fn get(app: &App, _cap: &Cap<ReadRecord>, id: i64) -> Result<SiteRow> {
    let mut c = app.store.read().await?;
    store::sites::get(&mut c, id)
        .await?
        .ok_or(ActionError::NotFound)
}

/// When the site's recorded history begins (the earliest dated arrival there).
pub async fn history_start(app: &App, _cap: &Cap<ReadRecord>, id: i64) -> Result<Option<i64>> {
    let mut c = app.store.read().await?;
    Ok(store::people::site_history_start(&mut c, id).await?)
}

/// The population of a site at one instant: totals by sex and UNHCR age band.
#[derive(Debug, Clone, Default, serde::Serialize, utoipa::ToSchema)]
pub struct Population {
    /// Epoch milliseconds of the instant.
    pub at: i64,
    pub total: i64,
    pub female: i64,
    pub male: i64,
    /// Per age band (0–4, 5–11, 12–17, 18–59, 60+): (female, male, other or unknown sex).
    pub bands: Vec<(String, i64, i64, i64)>,
    /// People whose birth year is not recorded.
    pub age_unknown: i64,
}

/// The site's population at each instant of `at` (ascending), computed from every
/// person's dated history: someone counts at an instant if their latest history entry
/// at or before it puts them at the site with status `present`.
pub async fn population(
    app: &App,
    _cap: &Cap<ReadRecord>,
    site_id: i64,
    at: &[i64],
) -> Result<Vec<Population>> {
    let spans = {
        let mut c = app.store.read().await?;
        store::people::site_spans(&mut c, site_id).await?
    };
    let mut out: Vec<Population> = at
        .iter()
        .map(|t| Population {
            at: *t,
            bands: AGE_BANDS
                .iter()
                .map(|(name, _, _)| ((*name).to_string(), 0, 0, 0))
                .collect(),
            ..Population::default()
        })
        .collect();
    for p in &mut out {
        let year = crate::clock::year_of(p.at);
        for s in spans
            .iter()
            .filter(|s| s.since <= p.at && s.until.is_none_or(|u| u > p.at))
        {
            let n = s.people;
            p.total += n;
            let sex = s.sex.as_str();
            match sex {
                "female" => p.female += n,
                "male" => p.male += n,
                _ => {}
            }
            match s
                .birth_year
                .and_then(|born| age_band(year - born))
                .and_then(|b| p.bands.get_mut(b))
            {
                Some(band) => match sex {
                    "female" => band.1 += n,
                    "male" => band.2 += n,
                    _ => band.3 += n,
                },
                None => p.age_unknown += n,
            }
        }
    }
    Ok(out)
}
