//! The timeline and the map: incidents by category and month, filtered by site,
//! category, verification and source grade, drawn as bars and as a map of sites and
//! incident places that vigil draws itself — with the numbers in a table beside them.

use askama::Template;
use axum::extract::Query;
use axum::response::Response;

use super::charts::{bar_chart, map, BarChart, BarGroup, Hue, Orientation, Place, PlaceKind};
use super::incidents::when;
use super::page::{PageCtx, Ui};
use super::people::Opt;
use super::sources::{choice_opts, label, reliability_opts};
use crate::actions::documentation::incidents::{self, Filter, IncidentSummary};
use crate::auth::capability::ReadRecord;
use crate::domain::incident::timeline::Period;
use crate::domain::incident::{Category, Verification};
use crate::i18n::Tr;
use crate::web::error::UiError;

fn period_label(tr: &Tr, p: &Period) -> String {
    match p.month {
        Some(m) => crate::clock::parse_day(&format!("{:04}-{m:02}-01", p.year))
            .map_or_else(|| p.key(), |ms| tr.month(ms.div_euclid(1000))),
        None => tr.year(i64::from(p.year)),
    }
}

fn selected(mut opts: Vec<Opt>, value: &Option<String>) -> Vec<Opt> {
    for o in &mut opts {
        o.selected = value.as_deref() == Some(o.value.as_str());
    }
    opts
}

/// The most incidents the page lists under the chart (the exports have them all).
const LISTED: i64 = 200;

pub struct Row {
    pub period: String,
    pub counts: Vec<i64>,
    pub total: i64,
}

#[derive(Template)]
#[template(path = "timeline.html")]
pub struct TimelineTemplate {
    pub page: PageCtx,
    pub chart: String,
    pub map: String,
    pub categories: Vec<String>,
    pub rows: Vec<Row>,
    pub unplaced: i64,
    pub incidents: Vec<(IncidentSummary, String, String)>,
    /// Said when the list shows only the latest of the incidents counted.
    pub listed_note: String,
    pub sites: Vec<Opt>,
    pub category_opts: Vec<Opt>,
    pub verification_opts: Vec<Opt>,
    pub grade_opts: Vec<Opt>,
    /// The filter as a query string, for the export links.
    pub query: String,
}

pub async fn show(ui: Ui, Query(f): Query<Filter>) -> Result<Response, UiError> {
    let cap = ui.session.actor.grant::<ReadRecord>()?;
    let tr = ui.tr();
    let t = incidents::timeline(&ui.app, &cap, &f).await?;
    let keys: Vec<String> = t
        .rows
        .first()
        .map(|r| r.counts.iter().map(|(c, _)| c.clone()).collect())
        .unwrap_or_default();
    let categories: Vec<String> = keys.iter().map(|c| label::<Category>(&tr, c)).collect();
    let periods: Vec<String> = t
        .rows
        .iter()
        .map(|r| period_label(&tr, &r.period))
        .collect();
    let groups: Vec<BarGroup> = categories
        .iter()
        .enumerate()
        .map(|(n, name)| BarGroup {
            name: name.clone(),
            hue: Hue::nth(n),
            values: t
                .rows
                .iter()
                .map(|r| r.counts.get(n).map_or(0, |(_, v)| *v))
                .collect(),
        })
        .collect();
    let title = tr.t("timeline-chart-title");
    let desc = tr.t_args("timeline-chart-desc", &[("count", t.total.into())]);
    let chart = bar_chart(
        &tr,
        &BarChart {
            title: &title,
            desc: &desc,
            value_title: &tr.t("timeline-incidents"),
            category_title: "",
            orientation: Orientation::Rows,
            categories: &periods,
            groups: &groups,
        },
    );
    let places: Vec<Place> = t
        .places
        .iter()
        .map(|p| Place {
            name: p.name.clone(),
            lat: p.lat,
            lon: p.lon,
            kind: if p.kind == "site" {
                PlaceKind::Site
            } else {
                PlaceKind::Incident
            },
            incidents: p.incidents,
        })
        .collect();
    let map_title = tr.t("timeline-map-title");
    let map_desc = tr.t("timeline-map-desc");
    let sites = crate::actions::registry::sites::list(&ui.app, &cap)
        .await?
        .into_iter()
        .map(|s| Opt {
            label: format!("{} — {}", s.site.code, s.site.name(ui.lang())),
            value: s.site.code,
            selected: false,
        })
        .collect();
    let rows = t
        .rows
        .iter()
        .zip(periods)
        .map(|(r, period)| Row {
            period,
            counts: r.counts.iter().map(|(_, n)| *n).collect(),
            total: r.total,
        })
        .collect();
    let listed = incidents::matching(&ui.app, &cap, &f, Some(LISTED)).await?;
    let listed_note = if t.total > LISTED {
        tr.t_args(
            "timeline-listed",
            &[("shown", LISTED.into()), ("count", t.total.into())],
        )
    } else {
        String::new()
    };
    let incidents = listed
        .into_iter()
        .map(|i| {
            let w = when(&tr, i.row.started_at, &i.row.start_precision);
            let c = label::<Category>(&tr, &i.row.category);
            (i, w, c)
        })
        .collect();
    ui.render(&TimelineTemplate {
        page: ui.page("timeline-title", "/documentation/timeline"),
        chart,
        map: map(&tr, &map_title, &map_desc, &places),
        categories,
        rows,
        unplaced: t.unplaced,
        incidents,
        listed_note,
        sites: selected(sites, &f.site),
        category_opts: selected(choice_opts::<Category>(&tr, ""), &f.category),
        verification_opts: selected(choice_opts::<Verification>(&tr, ""), &f.verification),
        grade_opts: selected(reliability_opts(&tr), &f.grade),
        query: serde_urlencoded::to_string(&f).unwrap_or_default(),
    })
}

/// Downloads the filtered incidents as ACLED-shaped CSV, events JSON or GeoJSON.
pub async fn export(
    ui: Ui,
    Query(q): Query<crate::actions::documentation::export::ExportQuery>,
) -> Result<Response, UiError> {
    let cap = ui.session.actor.grant::<ReadRecord>()?;
    let (mime, name, body) = crate::actions::documentation::export::file(&ui.app, &cap, &q)
        .await
        .map_err(UiError::back("/documentation/timeline"))?;
    Ok(download(mime, name, body))
}

pub fn download(mime: &'static str, name: &str, body: Vec<u8>) -> Response {
    use axum::http::header;
    use axum::response::IntoResponse;
    (
        [
            (header::CONTENT_TYPE, mime.to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
        ],
        body,
    )
        .into_response()
}
