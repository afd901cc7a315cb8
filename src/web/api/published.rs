//! Published reports over the API: the list and each snapshot (every role, observers
//! included: they are what observers read), publishing the commitments report as of a
//! day and withdrawing a published report with a reason (the documenter).

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;

use super::registry::Created;
use crate::actions::documentation::commitments::publish::{self, Published};
use crate::auth::capability::{ReadReports, WriteDocumentation};
use crate::domain::convoy::parse_day;
use crate::domain::Invalid;
use crate::i18n::Lang;
use crate::web::error::{ApiError, JsonBody, Problem};
use crate::web::extract::ApiCaller;
use crate::web::ui::published::rendered;
use crate::web::AppState;

/// Every published report, newest first, withdrawn ones marked (content left out).
#[utoipa::path(get, path = "/api/v1/reports/published", tag = "commitments", operation_id = "list_published_reports",
    responses((status = 200, body = Vec<Published>), (status = 401, body = Problem), (status = 403, body = Problem)))]
pub async fn list(
    State(app): State<AppState>,
    ApiCaller(a): ApiCaller,
) -> Result<Json<Vec<Published>>, ApiError> {
    Ok(Json(publish::list(&app, &a.grant::<ReadReports>()?).await?))
}

/// One published report with its content (HTML) and SHA-256.
#[utoipa::path(get, path = "/api/v1/reports/published/{id}", tag = "commitments", operation_id = "get_published_report",
    params(("id" = i64, Path)),
    responses((status = 200, body = Published), (status = 401, body = Problem), (status = 403, body = Problem),
              (status = 404, body = Problem)))]
pub async fn get(
    State(app): State<AppState>,
    ApiCaller(a): ApiCaller,
    Path(id): Path<i64>,
) -> Result<Json<Published>, ApiError> {
    Ok(Json(
        publish::get(&app, &a.grant::<ReadReports>()?, id).await?,
    ))
}

#[derive(serde::Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PublishBody {
    /// The day the report is judged as of (YYYY-MM-DD).
    pub as_of: String,
    /// The language it is rendered in: en (default), fa or ar.
    #[serde(default)]
    pub lang: Option<String>,
}

/// Publishes the report "commitments and breaches" as of a day: a frozen snapshot.
#[utoipa::path(post, path = "/api/v1/reports/published", tag = "commitments", operation_id = "publish_report",
    request_body = PublishBody,
    responses((status = 201, body = Created), (status = 401, body = Problem), (status = 403, body = Problem),
              (status = 422, body = Problem)))]
pub async fn create(
    State(app): State<AppState>,
    ApiCaller(a): ApiCaller,
    body: JsonBody<PublishBody>,
) -> Result<(StatusCode, Json<Created>), ApiError> {
    let cap = a.grant::<WriteDocumentation>()?;
    let Json(b) = body?;
    let day = parse_day("as_of", &b.as_of)
        .map_err(|i| ApiError::invalid(&i))?
        .ok_or_else(|| {
            ApiError::invalid(&Invalid::new(
                "as_of",
                "invalid-date",
                "expected YYYY-MM-DD",
            ))
        })?;
    let lang = match b.lang.as_deref() {
        None | Some("") => Lang::En,
        Some(l) => Lang::parse(l).ok_or_else(|| {
            ApiError::invalid(&Invalid::new(
                "lang",
                "invalid-choice",
                "expected en, fa or ar",
            ))
        })?,
    };
    let id = publish::publish_commitments(&app, &cap, day, rendered(lang)).await?;
    Ok((StatusCode::CREATED, Json(Created { id })))
}

#[derive(serde::Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct WithdrawBody {
    /// Why the report is withdrawn (required).
    pub reason: String,
}

/// Withdraws a published report: it is kept, marked withdrawn with the reason.
#[utoipa::path(post, path = "/api/v1/reports/published/{id}/withdraw", tag = "commitments", operation_id = "withdraw_published_report",
    params(("id" = i64, Path)),
    request_body = WithdrawBody,
    responses((status = 204), (status = 401, body = Problem), (status = 403, body = Problem),
              (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn withdraw(
    State(app): State<AppState>,
    ApiCaller(a): ApiCaller,
    Path(id): Path<i64>,
    body: JsonBody<WithdrawBody>,
) -> Result<StatusCode, ApiError> {
    let cap = a.grant::<WriteDocumentation>()?;
    let Json(b) = body?;
    publish::withdraw(&app, &cap, id, &b.reason).await?;
    Ok(StatusCode::NO_CONTENT)
}
