//! The audit trail over the API (admin role).

use axum::extract::{Query, State};
use axum::Json;

use crate::actions::trail::Checkpoints;
use crate::audit::{Entry, Report};
use crate::auth::capability::ReadAudit;
use crate::store::audit::Filter;
use crate::web::error::{ApiError, Problem};
use crate::web::extract::ApiCaller;
use crate::web::AppState;

#[derive(serde::Serialize, utoipa::ToSchema)]
pub struct AuditPage {
    #[schema(value_type = Vec<Object>)]
    pub entries: Vec<Entry>,
    /// Pass as `before` for the next (older) page; absent on the last page.
    pub next: Option<i64>,
}

/// Entries newest first, 50 a page, filtered.
#[utoipa::path(get, operation_id = "list_audit", path = "/api/v1/audit", tag = "audit", params(Filter),
    responses((status = 200, body = AuditPage), (status = 401, body = Problem), (status = 403, body = Problem)))]
pub async fn list(
    State(app): State<AppState>,
    ApiCaller(actor): ApiCaller,
    Query(filter): Query<Filter>,
) -> Result<Json<AuditPage>, ApiError> {
    let cap = actor.grant::<ReadAudit>()?;
    let (entries, next) = crate::actions::trail::page(&app, &cap, &filter).await?;
    Ok(Json(AuditPage { entries, next }))
}

/// Recomputes the chain and checks the stored checkpoints.
#[utoipa::path(get, operation_id = "verify_audit", path = "/api/v1/audit/verify", tag = "audit",
    responses((status = 200, body = Object, description = "The verification report"),
              (status = 401, body = Problem), (status = 403, body = Problem)))]
pub async fn verify(
    State(app): State<AppState>,
    ApiCaller(actor): ApiCaller,
) -> Result<Json<Report>, ApiError> {
    let cap = actor.grant::<ReadAudit>()?;
    Ok(Json(
        crate::actions::trail::verify(&app, &cap, Checkpoints::Stored, None).await?,
    ))
}
