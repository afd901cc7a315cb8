//! The caller's own account, the dashboard figures, and personal API tokens.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;

use crate::actions::tokens::TokenInfo;
use crate::auth::capability::{OwnAccount, ReadRecord};
use crate::store::stats::Counts;
use crate::web::error::{ApiError, Problem};
use crate::web::extract::ApiCaller;
use crate::web::AppState;

#[derive(serde::Serialize, utoipa::ToSchema)]
pub struct Me {
    pub user_id: i64,
    pub username: String,
    pub role: String,
    /// What this role may do, by permission name.
    pub permissions: Vec<String>,
}

/// Who the token belongs to, and what it may do.
#[utoipa::path(get, path = "/api/v1/me", tag = "account",
    responses((status = 200, body = Me), (status = 401, body = Problem)))]
pub async fn me(ApiCaller(actor): ApiCaller) -> Json<Me> {
    let permissions = crate::domain::Perm::ALL
        .into_iter()
        .filter(|p| actor.can(*p))
        .map(|p| format!("{p:?}"))
        .collect();
    Json(Me {
        user_id: actor.user_id,
        username: actor.username,
        role: actor.role.as_str().into(),
        permissions,
    })
}

/// The record's headline figures.
#[utoipa::path(get, path = "/api/v1/dashboard", tag = "account",
    responses((status = 200, body = Counts), (status = 401, body = Problem), (status = 403, body = Problem)))]
pub async fn dashboard(
    State(app): State<AppState>,
    ApiCaller(actor): ApiCaller,
) -> Result<Json<Counts>, ApiError> {
    let cap = actor.grant::<ReadRecord>()?;
    Ok(Json(crate::actions::dashboard::counts(&app, &cap).await?))
}

/// The caller's API tokens (never the tokens themselves).
#[utoipa::path(get, path = "/api/v1/tokens", tag = "account",
    responses((status = 200, body = Vec<TokenInfo>), (status = 401, body = Problem)))]
pub async fn tokens(
    State(app): State<AppState>,
    ApiCaller(actor): ApiCaller,
) -> Result<Json<Vec<TokenInfo>>, ApiError> {
    let cap = actor.grant::<OwnAccount>()?;
    Ok(Json(crate::actions::tokens::list_own(&app, &cap).await?))
}

#[derive(serde::Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewToken {
    /// What the token is for (1–80 characters).
    pub name: String,
    /// Days until it expires (1–366); omitted: it does not expire.
    pub days: Option<i64>,
}

#[derive(serde::Serialize, utoipa::ToSchema)]
pub struct CreatedToken {
    pub token_id: i64,
    /// The token: shown this once, stored only as a hash.
    pub token: String,
}

/// Creates another token for the caller.
#[utoipa::path(post, path = "/api/v1/tokens", tag = "account", request_body = NewToken,
    responses((status = 201, body = CreatedToken), (status = 401, body = Problem), (status = 422, body = Problem)))]
pub async fn create_token(
    State(app): State<AppState>,
    ApiCaller(actor): ApiCaller,
    body: Result<Json<NewToken>, axum::extract::rejection::JsonRejection>,
) -> Result<(StatusCode, Json<CreatedToken>), ApiError> {
    let Json(body) = body?;
    let cap = actor.grant::<OwnAccount>()?;
    let (token_id, token) =
        crate::actions::tokens::create(&app, &cap, &body.name, body.days).await?;
    Ok((StatusCode::CREATED, Json(CreatedToken { token_id, token })))
}

/// Revokes one of the caller's tokens.
#[utoipa::path(delete, path = "/api/v1/tokens/{id}", tag = "account",
    params(("id" = i64, Path, description = "Token id")),
    responses((status = 204), (status = 401, body = Problem), (status = 404, body = Problem)))]
pub async fn revoke_token(
    State(app): State<AppState>,
    ApiCaller(actor): ApiCaller,
    Path(id): Path<i64>,
) -> Result<StatusCode, ApiError> {
    let cap = actor.grant::<OwnAccount>()?;
    crate::actions::tokens::revoke_own(&app, &cap, id).await?;
    Ok(StatusCode::NO_CONTENT)
}
