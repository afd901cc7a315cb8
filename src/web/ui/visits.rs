//! Monitoring visits as pages: the list with the documenter's record form (CSRF-checked,
//! audited through the action), and each visit with the presence and frequency
//! commitments it counts for. Visits are public facts about organisations, not about
//! residents: every reader of the record sees them.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};

use super::commitments::source_opts;
use super::page::{PageCtx, Ui};
use super::people::Opt;
use crate::actions::documentation::commitments::{self as acts, VisitDetail};
use crate::actions::registry::sites;
use crate::auth::capability::{ReadRecord, WriteDocumentation};
use crate::domain::commitment::input::{VisitInput, VisitText};
use crate::i18n::Tr;
use crate::web::error::UiError;
use crate::web::extract::SignedInForm;
use crate::web::AppState;

const LIST: &str = "/documentation/visits";

pub struct VisitLine {
    pub id: i64,
    pub organisation: String,
    pub organisation_id: i64,
    pub site: String,
    pub arrival: String,
    pub departure: String,
    pub hours: String,
    pub monitors: String,
}

fn line(tr: &Tr, v: &crate::store::commitments::VisitRow, org: String, site: String) -> VisitLine {
    VisitLine {
        id: v.visit_id,
        organisation: org,
        organisation_id: v.organisation_id,
        site,
        arrival: tr.datetime(v.arrival / 1000),
        departure: tr.datetime(v.departure / 1000),
        // Whole hours, rounded: visits are reported to the hour at best.
        hours: tr.num((v.departure - v.arrival + 1_800_000) / 3_600_000),
        monitors: v.monitors.map_or_else(|| "—".to_string(), |n| tr.num(n)),
    }
}

#[derive(Template)]
#[template(path = "visits.html")]
pub struct VisitsTemplate {
    pub page: PageCtx,
    pub visits: Vec<VisitLine>,
    pub can_write: bool,
    pub source_opts: Vec<Opt>,
    pub site_opts: Vec<Opt>,
}

pub async fn list(ui: Ui) -> Result<Response, UiError> {
    let cap = ui.session.actor.grant::<ReadRecord>()?;
    let tr = ui.tr();
    let all_sites = sites::list(&ui.app, &cap).await?;
    let visits = acts::list_visits_named(&ui.app, &cap)
        .await?
        .into_iter()
        .map(|(v, org, site)| line(&tr, &v, org, site))
        .collect();
    let (can_write, source_opts) = source_opts(&ui, &cap).await?;
    let site_opts = all_sites
        .iter()
        .map(|s| Opt {
            value: s.site.code.clone(),
            label: format!("{} ({})", s.site.name_en, s.site.code),
            selected: false,
        })
        .collect();
    ui.render(&VisitsTemplate {
        page: ui.page("visits-title", "/documentation/agreements"),
        visits,
        can_write,
        source_opts,
        site_opts,
    })
}

#[derive(Template)]
#[template(path = "visit.html")]
pub struct VisitTemplate {
    pub page: PageCtx,
    pub v: VisitLine,
    pub d: VisitDetail,
}

pub async fn visit(ui: Ui, Path(id): Path<i64>) -> Result<Response, UiError> {
    let cap = ui.session.actor.grant::<ReadRecord>()?;
    let tr = ui.tr();
    let d = acts::get_visit(&ui.app, &cap, id).await?;
    let mut page = ui.page("visits-title", "/documentation/agreements");
    page.title = tr.t_args("visit-heading", &[("id", crate::i18n::Arg::Num(id))]);
    ui.render(&VisitTemplate {
        v: line(&tr, &d.row, d.organisation.clone(), d.site_code.clone()),
        d,
        page,
    })
}

#[derive(serde::Deserialize)]
pub struct VisitForm {
    #[serde(default)]
    organisation: String,
    #[serde(default)]
    site: String,
    #[serde(default)]
    arrival: String,
    #[serde(default)]
    departure: String,
    #[serde(default)]
    monitors: String,
    #[serde(default)]
    source: String,
}

pub async fn record(
    State(app): State<AppState>,
    f: SignedInForm<VisitForm>,
) -> Result<Response, UiError> {
    let cap = f.session.actor.grant::<WriteDocumentation>()?;
    let v = &f.form;
    let input = VisitInput::parse(&VisitText {
        organisation: &v.organisation,
        site: &v.site,
        arrival: &v.arrival,
        departure: &v.departure,
        monitors: &v.monitors,
        source: &v.source,
    })
    .map_err(|i| UiError::back(LIST)(i.into()))?;
    let id = acts::record_visit(&app, &cap, &input)
        .await
        .map_err(UiError::back(LIST))?;
    Ok(Redirect::to(&format!("/documentation/visits/{id}")).into_response())
}
