//! The report "commitments and breaches" as a page that prints cleanly (print CSS in
//! vigil.css), with its CSV and XLSX downloads and, for the documenter, the form that
//! publishes it for observers. Its content is `commitments_report_body::render`.

use askama::Template;
use axum::extract::Query;
use axum::response::Response;

use super::commitments::{as_of, AsOfQuery};
use super::commitments_report_body::{render, Links};
use super::exports::{attachment, file_name, CSV, XLSX};
use super::page::{PageCtx, Ui};
use crate::actions::documentation::commitments::report::{commitments_file, commitments_report};
use crate::actions::ActionError;
use crate::auth::capability::ReadRecord;
use crate::domain::export::Format;
use crate::domain::role::Perm;
use crate::web::error::UiError;

const PAGE: &str = "/documentation/commitments-report";

#[derive(Template)]
#[template(path = "commitments_report.html")]
pub struct ReportTemplate {
    pub page: PageCtx,
    pub as_of: String,
    pub can_publish: bool,
    pub body: String,
}

pub async fn page(ui: Ui, Query(q): Query<AsOfQuery>) -> Result<Response, UiError> {
    let cap = ui.session.actor.grant::<ReadRecord>()?;
    let tr = ui.tr();
    let (day, as_of) = as_of(&ui, &q, PAGE)?;
    let r = commitments_report(&ui.app, &cap, day).await?;
    let body = render(&tr, &r, Links::Record)
        .map_err(|e| UiError::from(ActionError::Internal(e.to_string())))?;
    ui.render(&ReportTemplate {
        page: ui.page("report-commitments-title", "/documentation/agreements"),
        can_publish: ui.session.actor.role.allows(Perm::WriteDocumentation),
        as_of,
        body,
    })
}

async fn file(ui: Ui, q: AsOfQuery, format: Format) -> Result<Response, UiError> {
    let cap = ui.session.actor.grant::<ReadRecord>()?;
    let (day, _) = as_of(&ui, &q, PAGE)?;
    let bytes = commitments_file(&ui.app, &cap, day, format).await?;
    // Named after the day judged, not the day downloaded: that is what it reports.
    Ok(match format {
        Format::Csv => attachment(CSV, &file_name("commitments", day, "csv"), bytes),
        Format::Xlsx => attachment(XLSX, &file_name("commitments", day, "xlsx"), bytes),
    })
}

pub async fn csv(ui: Ui, Query(q): Query<AsOfQuery>) -> Result<Response, UiError> {
    file(ui, q, Format::Csv).await
}

pub async fn xlsx(ui: Ui, Query(q): Query<AsOfQuery>) -> Result<Response, UiError> {
    file(ui, q, Format::Xlsx).await
}
