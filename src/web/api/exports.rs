//! Exports over the API: the redacted registry as CSV or XLSX, and the population
//! figures as HXL CSV. Exports with personal data are not offered here: they need two
//! registrars and a one-time download, which the requests page provides.

use axum::extract::{Query, State};
use axum::http::HeaderMap;
use axum::response::Response;

use crate::actions::registry::export;
use crate::auth::capability::ReadRecord;
use crate::domain::export::{parse_at, ExportFilter, Format};
use crate::i18n::Lang;
use crate::web::error::{ApiError, Problem};
use crate::web::extract::{request_lang, ApiCaller};
use crate::web::ui::exports::{attachment, file_name, CSV, XLSX};
use crate::web::AppState;

/// An XLSX workbook, as bytes (for the OpenAPI document).
#[derive(utoipa::ToSchema)]
#[schema(value_type = String, format = Binary)]
pub struct Workbook(pub Vec<u8>);

#[derive(Debug, Default, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ExportParams {
    /// `csv` (default) or `xlsx`.
    pub format: Option<String>,
    /// Site code.
    pub site: Option<String>,
    /// present, transferred, resettled, departed, deceased or missing.
    pub status: Option<String>,
    /// A specific need (`serious_medical`, …): people who have it.
    pub need: Option<String>,
}

/// The registry without personal data: codes and non-personal fields, an HXL hashtag
/// row under the header, formula-looking text prefixed with `'`. CSV starts with a
/// UTF-8 BOM; an XLSX sheet is right to left when `Accept-Language` asks for fa or ar.
/// Every export is written to the audit trail.
#[utoipa::path(get, path = "/api/v1/people/export", tag = "registry", operation_id = "export_people",
    params(ExportParams),
    responses(
        (status = 200, description = "The file, as an attachment",
            content((String = "text/csv"), (Workbook = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))),
        (status = 401, body = Problem), (status = 403, body = Problem), (status = 422, body = Problem)))]
pub async fn people(
    State(app): State<AppState>,
    ApiCaller(a): ApiCaller,
    headers: HeaderMap,
    Query(p): Query<ExportParams>,
) -> Result<Response, ApiError> {
    let cap = a.grant::<ReadRecord>()?;
    let s = |v: &Option<String>| v.clone().unwrap_or_default();
    let format: Format = s(&p.format).parse().map_err(|i| ApiError::invalid(&i))?;
    let f = ExportFilter::parse(&s(&p.site), &s(&p.status), &s(&p.need))
        .map_err(|i| ApiError::invalid(&i))?;
    let run = export::begin(&app, &cap, &f, format).await?;
    let name = file_name("people", app.now(), format.as_str());
    Ok(match format {
        Format::Csv => {
            let (tx, body) = crate::web::stream::channel();
            let app = app.clone();
            tokio::spawn(async move { export::stream_csv(&app, run, tx).await });
            attachment(CSV, &name, body)
        }
        Format::Xlsx => {
            let rtl = matches!(request_lang(&headers), Lang::Fa | Lang::Ar);
            attachment(XLSX, &name, export::xlsx(&app, run, rtl).await?)
        }
    })
}

#[derive(Debug, Default, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PopulationParams {
    /// The date (YYYY-MM-DD, midnight UTC); default: now.
    pub at: Option<String>,
}

/// Population by site, sex and UNHCR age band (0–4, 5–11, 12–17, 18–59, 60+) at a
/// date, as HXL-tagged CSV (passes `hxlvalidate`). Counts from 1 to 4, and any count
/// that would reveal one by subtraction, are left empty; `#meta+suppressed` says how
/// many in each row. Layout: docs/export.md.
#[utoipa::path(get, path = "/api/v1/population", tag = "registry", operation_id = "export_population",
    params(PopulationParams),
    responses(
        (status = 200, description = "HXL CSV, as an attachment", content_type = "text/csv", body = String),
        (status = 401, body = Problem), (status = 403, body = Problem), (status = 422, body = Problem)))]
pub async fn population(
    State(app): State<AppState>,
    ApiCaller(a): ApiCaller,
    Query(p): Query<PopulationParams>,
) -> Result<Response, ApiError> {
    let cap = a.grant::<ReadRecord>()?;
    let at =
        parse_at(p.at.as_deref().unwrap_or(""), app.now()).map_err(|i| ApiError::invalid(&i))?;
    let csv = export::population_csv(&app, &cap, at).await?;
    Ok(attachment(CSV, &file_name("population", at, "csv"), csv))
}
