//! Resettlement downloads: the cases (CSV, XLSX; no personal data) and the HXL
//! aggregate of people resettled by destination country and month.

use axum::extract::Query;
use axum::response::Response;

use super::exports::{attachment, file_name, CSV, XLSX};
use super::page::Ui;
use crate::actions::resettlement::export;
use crate::actions::ActionError;
use crate::auth::capability::ReadRecord;
use crate::domain::export::Format;
use crate::domain::person::Choice;
use crate::domain::resettlement::Stage;
use crate::web::error::UiError;

#[derive(serde::Deserialize, Default)]
pub struct StageQuery {
    #[serde(default)]
    stage: String,
}

async fn cases(ui: Ui, q: StageQuery, format: Format) -> Result<Response, UiError> {
    let cap = ui.session.actor.grant::<ReadRecord>()?;
    let stage = match q.stage.trim() {
        "" => None,
        s => Some(
            Stage::parse(s).map_err(|i| UiError::back("/resettlement")(ActionError::from(i)))?,
        ),
    };
    let bytes = export::cases(&ui.app, &cap, stage, format).await?;
    let now = ui.app.now();
    Ok(match format {
        Format::Csv => attachment(CSV, &file_name("cases", now, "csv"), bytes),
        Format::Xlsx => attachment(XLSX, &file_name("cases", now, "xlsx"), bytes),
    })
}

pub async fn cases_csv(ui: Ui, Query(q): Query<StageQuery>) -> Result<Response, UiError> {
    cases(ui, q, Format::Csv).await
}

pub async fn cases_xlsx(ui: Ui, Query(q): Query<StageQuery>) -> Result<Response, UiError> {
    cases(ui, q, Format::Xlsx).await
}

pub async fn resettled_csv(ui: Ui) -> Result<Response, UiError> {
    let cap = ui.session.actor.grant::<ReadRecord>()?;
    let csv = export::resettled(&ui.app, &cap).await?;
    Ok(attachment(
        CSV,
        &file_name("resettled", ui.app.now(), "csv"),
        csv,
    ))
}
