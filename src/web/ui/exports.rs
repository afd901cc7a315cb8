//! Exports on the HTML surface: the redacted registry as CSV or XLSX (the list page's
//! buttons, with its filter), the population figures as HXL CSV, and the page where
//! registrars request, approve and download exports with personal data.

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Path, Query};
use axum::http::header;
use axum::response::{IntoResponse, Response};

use super::page::{done, PageCtx, Ui};
use super::people::Opt;
use crate::actions::registry::export::{self, population_csv};
use crate::actions::registry::export_requests::{self, RequestView};
use crate::actions::ActionError;
use crate::auth::capability::{ExportPersonalData, ReadRecord};
use crate::domain::export::{parse_at, ExportFilter, ExportState, Format, Recipient};
use crate::domain::person::{Choice, PersonStatus, Vulnerability};
use crate::i18n::Lang;
use crate::web::error::UiError;
use crate::web::extract::SignedInForm;

/// The registry list's filter, as its export buttons pass it on.
#[derive(Debug, Default, serde::Deserialize)]
pub struct FilterQuery {
    #[serde(default)]
    pub site: String,
    #[serde(default)]
    pub status: String,
    #[serde(default)]
    pub need: String,
}

/// The export part of a registry list filter, as `?site=…&status=…` (or empty).
pub fn query_of(f: &crate::store::people::Filter) -> String {
    let pairs: Vec<(&str, &str)> = [("site", &f.site), ("status", &f.status), ("need", &f.need)]
        .into_iter()
        .filter_map(|(k, v)| v.as_deref().filter(|v| !v.is_empty()).map(|v| (k, v)))
        .collect();
    match serde_urlencoded::to_string(pairs) {
        Ok(q) if !q.is_empty() => format!("?{q}"),
        _ => String::new(),
    }
}

#[derive(Debug, Default, serde::Deserialize)]
pub struct AtQuery {
    #[serde(default)]
    pub at: String,
}

/// `vigil-people-2026-11-02.csv`.
pub fn file_name(what: &str, now: i64, ext: &str) -> String {
    let day: String = crate::clock::rfc3339(now).chars().take(10).collect();
    format!("vigil-{what}-{day}.{ext}")
}

/// A file download's headers: never cached, named, and typed.
pub fn attachment(content_type: &'static str, name: &str, body: impl IntoResponse) -> Response {
    let disposition = format!("attachment; filename=\"{name}\"");
    (
        [
            (header::CONTENT_TYPE, content_type.to_string()),
            (header::CONTENT_DISPOSITION, disposition),
            (header::CACHE_CONTROL, "no-store".to_string()),
        ],
        body,
    )
        .into_response()
}

pub const CSV: &str = "text/csv; charset=utf-8";
pub const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

async fn people(ui: Ui, q: FilterQuery, format: Format) -> Result<Response, UiError> {
    let cap = ui.session.actor.grant::<ReadRecord>()?;
    let back = || UiError::back("/registry/people");
    let f = ExportFilter::parse(&q.site, &q.status, &q.need).map_err(|i| back()(i.into()))?;
    let run = export::begin(&ui.app, &cap, &f, format)
        .await
        .map_err(back())?;
    let name = file_name("people", ui.app.now(), format.as_str());
    match format {
        Format::Csv => {
            let (tx, body) = crate::web::stream::channel();
            let app = ui.app.clone();
            tokio::spawn(async move { export::stream_csv(&app, run, tx).await });
            Ok(attachment(CSV, &name, body))
        }
        Format::Xlsx => {
            let rtl = matches!(ui.lang(), Lang::Fa | Lang::Ar);
            let bytes = export::xlsx(&ui.app, run, rtl).await?;
            Ok(attachment(XLSX, &name, bytes))
        }
    }
}

/// The redacted registry as CSV (codes, no personal data), with the list's filter.
pub async fn people_csv(ui: Ui, Query(q): Query<FilterQuery>) -> Result<Response, UiError> {
    people(ui, q, Format::Csv).await
}

/// The same as XLSX, right to left for Persian and Arabic readers.
pub async fn people_xlsx(ui: Ui, Query(q): Query<FilterQuery>) -> Result<Response, UiError> {
    people(ui, q, Format::Xlsx).await
}

/// Population by site, sex and age band at a date, as HXL CSV.
pub async fn population(ui: Ui, Query(q): Query<AtQuery>) -> Result<Response, UiError> {
    let cap = ui.session.actor.grant::<ReadRecord>()?;
    let at =
        parse_at(&q.at, ui.app.now()).map_err(|i| UiError::back("/registry/people")(i.into()))?;
    let csv = population_csv(&ui.app, &cap, at).await?;
    Ok(attachment(CSV, &file_name("population", at, "csv"), csv))
}

/// One request as the page lists it.
pub struct Line {
    pub v: RequestView,
    pub state: String,
    pub filter: String,
    pub requested: String,
    pub expires: String,
    pub badge: &'static str,
    /// `age1qyqs…x9fk`: enough to compare with the key the recipient sent.
    pub recipient_short: String,
}

#[derive(Template)]
#[template(path = "exports.html")]
pub struct ExportsTemplate {
    pub page: PageCtx,
    pub requests: Vec<Line>,
    pub sites: Vec<Opt>,
    pub statuses: Vec<Opt>,
    pub needs: Vec<Opt>,
}

fn options<C: Choice>(ui: &Ui) -> Vec<Opt> {
    C::ALL
        .iter()
        .map(|c| Opt {
            value: c.as_str().to_string(),
            label: ui.tr().t(&c.message_id()),
            selected: false,
        })
        .collect()
}

fn label<C: Choice>(ui: &Ui, v: &str) -> String {
    C::parse(v).map_or_else(|_| v.to_string(), |c| ui.tr().t(&c.message_id()))
}

/// The page of exports with personal data (registrars).
pub async fn requests(ui: Ui) -> Result<Response, UiError> {
    let cap = ui.session.actor.grant::<ExportPersonalData>()?;
    let read = ui.session.actor.grant::<ReadRecord>()?;
    let views = export_requests::list(&ui.app, &cap).await?;
    let sites = crate::actions::registry::sites::list(&ui.app, &read)
        .await?
        .into_iter()
        .map(|s| Opt {
            value: s.site.code.clone(),
            label: format!("{} — {}", s.site.code, s.site.name(ui.lang())),
            selected: false,
        })
        .collect();
    let tr = ui.tr();
    let all = tr.t("common-all");
    let requests = views
        .into_iter()
        .map(|v| {
            let r = &v.row;
            let part = |key: &str, value: String| format!("{}: {value}", tr.t(key));
            let or_all = |v: &str, f: &dyn Fn(&str) -> String| {
                if v.is_empty() {
                    all.clone()
                } else {
                    f(v)
                }
            };
            let filter = [
                part("field-site", or_all(&r.site, &|s| s.to_string())),
                part(
                    "field-status",
                    or_all(&r.status_filter, &|s| label::<PersonStatus>(&ui, s)),
                ),
                part(
                    "field-need",
                    or_all(&r.need, &|s| label::<Vulnerability>(&ui, s)),
                ),
            ]
            .join(" · ");
            let key: Vec<char> = r.recipient.chars().collect();
            let recipient_short = match (key.get(..10), key.get(key.len().saturating_sub(6)..)) {
                (Some(a), Some(b)) if key.len() > 16 => {
                    format!(
                        "{}…{}",
                        a.iter().collect::<String>(),
                        b.iter().collect::<String>()
                    )
                }
                _ => r.recipient.clone(),
            };
            Line {
                badge: match v.current.as_str() {
                    "requested" => "badge-info",
                    "approved" => "badge-ok",
                    "rejected" => "badge-error",
                    "expired" => "badge-warn",
                    _ => "",
                },
                recipient_short,
                state: ExportState::parse(&v.current)
                    .map_or_else(|| v.current.clone(), |s| tr.t(&s.message_id())),
                filter,
                requested: tr.datetime(r.requested_at / 1000),
                expires: tr.datetime(r.expires_at / 1000),
                v,
            }
        })
        .collect();
    ui.render(&ExportsTemplate {
        page: ui.page("exports-title", "/registry/people"),
        requests,
        sites,
        statuses: options::<PersonStatus>(&ui),
        needs: options::<Vulnerability>(&ui),
    })
}

#[derive(serde::Deserialize)]
pub struct RequestForm {
    #[serde(default)]
    site: String,
    #[serde(default)]
    status: String,
    #[serde(default)]
    need: String,
    #[serde(default)]
    recipient: String,
    #[serde(default)]
    purpose: String,
}

const PAGE: &str = "/registry/exports";

/// Back to the requests page; a refused step says why in the user's language.
fn back(e: ActionError) -> UiError {
    use export_requests as x;
    let key = match &e {
        ActionError::Refused(why) => match *why {
            x::NOT_SELF => "export-refused-not-self",
            x::EXPIRED => "export-refused-expired",
            x::DECIDED => "export-refused-decided",
            x::DOWNLOADED => "export-refused-downloaded",
            x::NOT_APPROVED => "export-refused-not-approved",
            x::REJECTED => "export-refused-rejected",
            _ => return UiError::back(PAGE)(e),
        },
        _ => return UiError::back(PAGE)(e),
    };
    UiError::Back {
        to: PAGE.into(),
        flash: super::page::FlashCookie::error(key),
    }
}

pub async fn create(ui: Ui, f: SignedInForm<RequestForm>) -> Result<Response, UiError> {
    let cap = f.session.actor.grant::<ExportPersonalData>()?;
    let app_err = |i: crate::domain::Invalid| UiError::back(PAGE)(i.into());
    let filter =
        ExportFilter::parse(&f.form.site, &f.form.status, &f.form.need).map_err(app_err)?;
    let recipient = Recipient::parse(&f.form.recipient).map_err(app_err)?;
    export_requests::request(&ui.app, &cap, &filter, &recipient, &f.form.purpose)
        .await
        .map_err(UiError::back(PAGE))?;
    Ok(done(PAGE, "flash-export-requested"))
}

async fn decide(
    ui: Ui,
    id: i64,
    f: SignedInForm<HashMap<String, String>>,
    approve: bool,
) -> Result<Response, UiError> {
    let cap = f.session.actor.grant::<ExportPersonalData>()?;
    export_requests::decide(&ui.app, &cap, id, approve)
        .await
        .map_err(back)?;
    Ok(done(
        PAGE,
        if approve {
            "flash-export-approved"
        } else {
            "flash-export-rejected"
        },
    ))
}

pub async fn approve(
    ui: Ui,
    Path(id): Path<i64>,
    f: SignedInForm<HashMap<String, String>>,
) -> Result<Response, UiError> {
    decide(ui, id, f, true).await
}

pub async fn reject(
    ui: Ui,
    Path(id): Path<i64>,
    f: SignedInForm<HashMap<String, String>>,
) -> Result<Response, UiError> {
    decide(ui, id, f, false).await
}

/// The one download of an approved export: CSV encrypted to the recipient's key.
pub async fn download(
    ui: Ui,
    Path(id): Path<i64>,
    f: SignedInForm<HashMap<String, String>>,
) -> Result<Response, UiError> {
    let cap = f.session.actor.grant::<ExportPersonalData>()?;
    let app = ui.app.clone();
    let (run, recipient) = export_requests::download(&app, &cap, id)
        .await
        .map_err(back)?;
    let (tx, body) = crate::web::stream::channel();
    tokio::spawn(async move { export_requests::stream_encrypted(&app, run, recipient, tx).await });
    let name = format!("vigil-personal-export-{id}.csv.age");
    Ok(attachment("application/octet-stream", &name, body))
}
