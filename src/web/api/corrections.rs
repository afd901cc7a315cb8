//! Correcting the record over the API: replace what was recorded of an incident, a
//! source or an organisation (PUT, the whole record as when it was created), and
//! retract an incident, a source or a claim with a reason (POST …/retraction). Only
//! the documenter may; each change is audited with what stood before. Nothing is
//! deleted: a retracted entry is still returned by its own GET, marked retracted.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;

use super::incidents::IncidentBody;
use super::sources::{OrganisationBody, SourceBody};
use crate::actions::documentation::corrections;
use crate::auth::capability::WriteDocumentation;
use crate::domain::incident::retraction::Retraction;
use crate::domain::source::OrganisationInput;
use crate::web::error::{ApiError, JsonBody, Problem};
use crate::web::extract::ApiCaller;
use crate::web::AppState;

#[derive(serde::Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RetractionBody {
    /// Why it is retracted (required; kept beside it and in the audit trail).
    pub reason: String,
}

/// Replaces what was recorded of an incident (its claims, acts and figures stay).
#[utoipa::path(put, path = "/api/v1/incidents/{id}", tag = "documentation", operation_id = "edit_incident",
    params(("id" = i64, Path)), request_body = IncidentBody,
    responses((status = 204), (status = 401, body = Problem), (status = 403, body = Problem),
              (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn edit_incident(
    State(app): State<AppState>,
    ApiCaller(a): ApiCaller,
    Path(id): Path<i64>,
    body: JsonBody<IncidentBody>,
) -> Result<StatusCode, ApiError> {
    let cap = a.grant::<WriteDocumentation>()?;
    let Json(b) = body?;
    corrections::edit_incident(&app, &cap, id, &b.input()?).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Retracts an incident: it stays, marked, with the reason, and no longer counts.
#[utoipa::path(post, path = "/api/v1/incidents/{id}/retraction", tag = "documentation", operation_id = "retract_incident",
    params(("id" = i64, Path)), request_body = RetractionBody,
    responses((status = 204), (status = 401, body = Problem), (status = 403, body = Problem),
              (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn retract_incident(
    State(app): State<AppState>,
    ApiCaller(a): ApiCaller,
    Path(id): Path<i64>,
    body: JsonBody<RetractionBody>,
) -> Result<StatusCode, ApiError> {
    let cap = a.grant::<WriteDocumentation>()?;
    let Json(b) = body?;
    corrections::retract_incident(&app, &cap, id, &Retraction::parse(&b.reason)?).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Retracts a claim: its incident's corroboration no longer counts it.
#[utoipa::path(post, path = "/api/v1/claims/{id}/retraction", tag = "documentation", operation_id = "retract_claim",
    params(("id" = i64, Path)), request_body = RetractionBody,
    responses((status = 204), (status = 401, body = Problem), (status = 403, body = Problem),
              (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn retract_claim(
    State(app): State<AppState>,
    ApiCaller(a): ApiCaller,
    Path(id): Path<i64>,
    body: JsonBody<RetractionBody>,
) -> Result<StatusCode, ApiError> {
    let cap = a.grant::<WriteDocumentation>()?;
    let Json(b) = body?;
    corrections::retract_claim(&app, &cap, id, &Retraction::parse(&b.reason)?).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Replaces what was recorded of a source; every incident it speaks of is recomputed.
#[utoipa::path(put, path = "/api/v1/sources/{id}", tag = "documentation", operation_id = "edit_source",
    params(("id" = i64, Path)), request_body = SourceBody,
    responses((status = 204), (status = 401, body = Problem), (status = 403, body = Problem),
              (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn edit_source(
    State(app): State<AppState>,
    ApiCaller(a): ApiCaller,
    Path(id): Path<i64>,
    body: JsonBody<SourceBody>,
) -> Result<StatusCode, ApiError> {
    let cap = a.grant::<WriteDocumentation>()?;
    let Json(b) = body?;
    corrections::edit_source(&app, &cap, id, &b.input()?).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Retracts a source: its claims no longer count for any incident.
#[utoipa::path(post, path = "/api/v1/sources/{id}/retraction", tag = "documentation", operation_id = "retract_source",
    params(("id" = i64, Path)), request_body = RetractionBody,
    responses((status = 204), (status = 401, body = Problem), (status = 403, body = Problem),
              (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn retract_source(
    State(app): State<AppState>,
    ApiCaller(a): ApiCaller,
    Path(id): Path<i64>,
    body: JsonBody<RetractionBody>,
) -> Result<StatusCode, ApiError> {
    let cap = a.grant::<WriteDocumentation>()?;
    let Json(b) = body?;
    corrections::retract_source(&app, &cap, id, &Retraction::parse(&b.reason)?).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Replaces an organisation's name, kind and spellings (exactly those given).
#[utoipa::path(put, path = "/api/v1/organisations/{id}", tag = "documentation", operation_id = "edit_organisation",
    params(("id" = i64, Path)), request_body = OrganisationBody,
    responses((status = 204), (status = 401, body = Problem), (status = 403, body = Problem),
              (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn edit_org(
    State(app): State<AppState>,
    ApiCaller(a): ApiCaller,
    Path(id): Path<i64>,
    body: JsonBody<OrganisationBody>,
) -> Result<StatusCode, ApiError> {
    let cap = a.grant::<WriteDocumentation>()?;
    let Json(b) = body?;
    let input = OrganisationInput::parse(&b.name, &b.kind, &b.aliases.join("\n"))?;
    corrections::edit_org(&app, &cap, id, &input).await?;
    Ok(StatusCode::NO_CONTENT)
}
