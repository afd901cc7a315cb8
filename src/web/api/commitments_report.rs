//! The report "commitments and breaches" over the API, as JSON or as a file (CSV with
//! an HXL hashtag row, or XLSX), as of a day; and one monitoring visit. Every reader of
//! the record may read them: they hold no personal data.

use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use axum::Json;

use crate::actions::documentation::commitments::report::{
    commitments_file, commitments_report, CommitmentsReport,
};
use crate::actions::documentation::commitments::{self as acts, VisitDetail};
use crate::auth::capability::ReadRecord;
use crate::domain::convoy::parse_day;
use crate::domain::export::Format;
use crate::web::error::{ApiError, Problem};
use crate::web::extract::ApiCaller;
use crate::web::AppState;

#[derive(serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ReportQuery {
    /// The day to judge as of (YYYY-MM-DD); today when absent.
    pub as_of: Option<String>,
    /// csv (default) or xlsx; for the export only.
    pub format: Option<String>,
}

fn day(app: &AppState, q: &ReportQuery) -> Result<i64, ApiError> {
    Ok(parse_day("as_of", q.as_of.as_deref().unwrap_or(""))
        .map_err(|i| ApiError::invalid(&i))?
        .unwrap_or_else(|| app.now()))
}

/// Every agreement's commitments judged as of a day, with their evidence and sources,
/// the counts by party and by month, and the monthly coverage of presence terms.
#[utoipa::path(get, path = "/api/v1/reports/commitments", tag = "commitments", operation_id = "commitments_report",
    params(ReportQuery),
    responses((status = 200, body = CommitmentsReport), (status = 401, body = Problem), (status = 403, body = Problem),
              (status = 422, body = Problem)))]
pub async fn report(
    State(app): State<AppState>,
    ApiCaller(a): ApiCaller,
    Query(q): Query<ReportQuery>,
) -> Result<Json<CommitmentsReport>, ApiError> {
    let cap = a.grant::<ReadRecord>()?;
    let at = day(&app, &q)?;
    Ok(Json(commitments_report(&app, &cap, at).await?))
}

/// The same report as a file, one row per commitment (audited as an export).
#[utoipa::path(get, path = "/api/v1/reports/commitments/export", tag = "commitments", operation_id = "export_commitments_report",
    params(ReportQuery),
    responses((status = 200, description = "CSV (with an HXL hashtag row) or XLSX", content_type = "text/csv"),
              (status = 401, body = Problem), (status = 403, body = Problem), (status = 422, body = Problem)))]
pub async fn export(
    State(app): State<AppState>,
    ApiCaller(a): ApiCaller,
    Query(q): Query<ReportQuery>,
) -> Result<Response, ApiError> {
    let cap = a.grant::<ReadRecord>()?;
    let format: Format = q.format.as_deref().unwrap_or("").parse()?;
    let at = day(&app, &q)?;
    let bytes = commitments_file(&app, &cap, at, format).await?;
    let content_type = match format {
        Format::Csv => "text/csv; charset=utf-8",
        Format::Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    };
    Ok(([(axum::http::header::CONTENT_TYPE, content_type)], bytes).into_response())
}

/// One monitoring visit, with the commitments it counts for.
#[utoipa::path(get, path = "/api/v1/visits/{id}", tag = "commitments", operation_id = "get_visit",
    params(("id" = i64, Path)),
    responses((status = 200, body = VisitDetail), (status = 401, body = Problem), (status = 403, body = Problem),
              (status = 404, body = Problem)))]
pub async fn visit(
    State(app): State<AppState>,
    ApiCaller(a): ApiCaller,
    Path(id): Path<i64>,
) -> Result<Json<VisitDetail>, ApiError> {
    Ok(Json(
        acts::get_visit(&app, &a.grant::<ReadRecord>()?, id).await?,
    ))
}
