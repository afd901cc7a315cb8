//! Sites: the list, a site's page with its population now and over time, and the
//! registrar's forms.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};

use super::page::{done, PageCtx, Ui};
use crate::actions::registry::sites::{self, Population, SiteSummary};
use crate::auth::capability::{ReadRecord, WriteRegistry};
use crate::domain::site::{SiteInput, SiteKind};
use crate::domain::Perm;
use crate::store::sites::SiteRow;
use crate::web::error::UiError;
use crate::web::extract::SignedInForm;
use crate::web::AppState;

pub struct KindOption {
    pub value: &'static str,
    pub label: String,
    pub selected: bool,
}

fn kinds(ui: &Ui, selected: &str) -> Vec<KindOption> {
    SiteKind::ALL
        .iter()
        .map(|k| KindOption {
            value: k.as_str(),
            label: ui.tr().t(k.message_id()),
            selected: k.as_str() == selected,
        })
        .collect()
}

/// The values a site form starts with.
#[derive(Default)]
pub struct FormValues {
    pub code: String,
    pub name_en: String,
    pub name_fa: String,
    pub name_ar: String,
    pub country: String,
    pub lat: String,
    pub lon: String,
    pub capacity: String,
}

impl FormValues {
    fn of(s: &SiteRow) -> Self {
        FormValues {
            code: s.code.clone(),
            name_en: s.name_en.clone(),
            name_fa: s.name_fa.clone(),
            name_ar: s.name_ar.clone(),
            country: s.country.clone(),
            lat: s.lat.map(|v| v.to_string()).unwrap_or_default(),
            lon: s.lon.map(|v| v.to_string()).unwrap_or_default(),
            capacity: s.capacity.map(|v| v.to_string()).unwrap_or_default(),
        }
    }
}

#[derive(Template)]
#[template(path = "sites.html")]
pub struct SitesTemplate {
    pub page: PageCtx,
    pub sites: Vec<(SiteSummary, String, String)>,
    pub can_write: bool,
    pub kinds: Vec<KindOption>,
    pub form: FormValues,
    pub action: String,
}

#[derive(Template)]
#[template(path = "site.html")]
pub struct SiteTemplate {
    pub page: PageCtx,
    pub site: SiteRow,
    pub name: String,
    pub kind_label: String,
    pub now: Population,
    pub over_time: Vec<(String, Population)>,
    pub pyramid: String,
    pub line: String,
    pub can_write: bool,
    pub kinds: Vec<KindOption>,
    pub form: FormValues,
    pub action: String,
}

pub async fn list(ui: Ui) -> Result<Response, UiError> {
    let cap = ui.session.actor.grant::<ReadRecord>()?;
    let tr = ui.tr();
    let sites = sites::list(&ui.app, &cap)
        .await?
        .into_iter()
        .map(|s| {
            let name = s.site.name(tr.lang).to_string();
            let kind = SiteKind::parse(&s.site.kind)
                .map(|k| tr.t(k.message_id()))
                .unwrap_or_default();
            (s, name, kind)
        })
        .collect();
    ui.render(&SitesTemplate {
        page: ui.page("sites-title", "/registry/sites"),
        sites,
        can_write: ui.session.actor.can(Perm::WriteRegistry),
        kinds: kinds(&ui, "camp"),
        form: FormValues::default(),
        action: String::new(),
    })
}

#[derive(serde::Deserialize)]
pub struct SiteForm {
    #[serde(default)]
    code: String,
    #[serde(default)]
    name_en: String,
    #[serde(default)]
    name_fa: String,
    #[serde(default)]
    name_ar: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    country: String,
    #[serde(default)]
    lat: String,
    #[serde(default)]
    lon: String,
    #[serde(default)]
    capacity: String,
}

impl SiteForm {
    fn parse(&self) -> Result<SiteInput, crate::domain::Invalid> {
        SiteInput::parse(
            &self.code,
            &self.name_en,
            &self.name_fa,
            &self.name_ar,
            &self.kind,
            &self.country,
            &self.lat,
            &self.lon,
            &self.capacity,
        )
    }
}

pub async fn create(
    State(app): State<AppState>,
    f: SignedInForm<SiteForm>,
) -> Result<Response, UiError> {
    let cap = f.session.actor.grant::<WriteRegistry>()?;
    let back = "/registry/sites";
    let input = f.form.parse().map_err(|i| UiError::back(back)(i.into()))?;
    let id = sites::create(&app, &cap, input)
        .await
        .map_err(UiError::back(back))?;
    Ok(Redirect::to(&format!("/registry/sites/{id}")).into_response())
}

pub async fn update(
    State(app): State<AppState>,
    Path(id): Path<i64>,
    f: SignedInForm<SiteForm>,
) -> Result<Response, UiError> {
    let cap = f.session.actor.grant::<WriteRegistry>()?;
    let back = format!("/registry/sites/{id}");
    let input = f
        .form
        .parse()
        .map_err(|i| UiError::back(back.clone())(i.into()))?;
    sites::update(&app, &cap, id, input)
        .await
        .map_err(UiError::back(back.clone()))?;
    Ok(done(&back, "flash-saved"))
}

/// The first instant of each month from the site's first record to now, at most 120.
fn month_starts(first: i64, now: i64) -> Vec<i64> {
    let Ok(start) = time::OffsetDateTime::from_unix_timestamp(first.div_euclid(1000)) else {
        return Vec::new();
    };
    let (mut y, mut m) = (start.year(), u8::from(start.month()));
    let mut out = Vec::new();
    while let Ok(month) = time::Month::try_from(m) {
        let Ok(d) = time::Date::from_calendar_date(y, month, 1) else {
            break;
        };
        let t = d.midnight().assume_utc().unix_timestamp() * 1000;
        if t > now || out.len() >= 120 {
            break;
        }
        out.push(t);
        m += 1;
        if m > 12 {
            m = 1;
            y += 1;
        }
    }
    out
}

pub async fn show(ui: Ui, Path(id): Path<i64>) -> Result<Response, UiError> {
    let cap = ui.session.actor.grant::<ReadRecord>()?;
    let site = sites::get(&ui.app, &cap, id).await?;
    let tr = ui.tr();
    let now_ms = ui.app.now();
    let first = sites::history_start(&ui.app, &cap, id)
        .await?
        .unwrap_or(site.created_at);
    let months = month_starts(first.min(site.created_at), now_ms);
    let mut instants = months;
    instants.push(now_ms);
    let mut pops = sites::population(&ui.app, &cap, id, &instants).await?;
    let now = pops.pop().unwrap_or_default();
    let over_time: Vec<(String, Population)> = pops
        .into_iter()
        .map(|p| (tr.month(p.at / 1000), p))
        .collect();
    let pyramid = super::charts::pyramid(
        &tr,
        &tr.t("site-population-now"),
        &tr.t("site-pyramid-desc"),
        &now.bands
            .iter()
            .map(|(b, f, m, _)| (b.clone(), *f, *m))
            .collect::<Vec<_>>(),
    );
    let line = population_line(&tr, &over_time);
    ui.render(&SiteTemplate {
        page: ui.page("site-title", "/registry/sites"),
        name: site.name(tr.lang).to_string(),
        kind_label: SiteKind::parse(&site.kind)
            .map(|k| tr.t(k.message_id()))
            .unwrap_or_default(),
        kinds: kinds(&ui, &site.kind),
        form: FormValues::of(&site),
        action: format!("/registry/sites/{id}"),
        site,
        now,
        over_time,
        pyramid,
        line,
        can_write: ui.session.actor.can(Perm::WriteRegistry),
    })
}

/// The population over time as a line chart: everyone, women and girls, men and boys.
fn population_line(tr: &crate::i18n::Tr, months: &[(String, Population)]) -> String {
    use super::charts::{line_chart, Hue, LineChart, Series};
    let series = |name: String, hue: usize, f: fn(&Population) -> i64| Series {
        name,
        hue: Hue::nth(hue),
        points: months
            .iter()
            .enumerate()
            .map(|(i, (_, p))| (i as f64, f(p) as f64))
            .collect(),
    };
    let all = [
        series(tr.t("chart-people"), 0, |p| p.total),
        series(tr.t("sex-female"), 1, |p| p.female),
        series(tr.t("sex-male"), 2, |p| p.male),
    ];
    let labels: Vec<(f64, String)> = months
        .iter()
        .enumerate()
        .map(|(i, (_, p))| (i as f64, tr.month(p.at / 1000)))
        .collect();
    line_chart(
        tr,
        &LineChart {
            title: &tr.t("site-population-over-time"),
            desc: &tr.t("site-population-over-time"),
            x_title: &tr.t("site-month"),
            y_title: &tr.t("sites-present"),
            series: &all,
            x_labels: &labels,
        },
    )
}
