//! Account administration over the API (admin role).

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;

use crate::actions::users::{NewUser, Personal, UserSummary};
use crate::auth::capability::ManageUsers;
use crate::domain::{DisplayName, Password, Role, Username};
use crate::web::error::{ApiError, JsonBody, Problem};
use crate::web::extract::ApiCaller;
use crate::web::AppState;

/// Every account (no personal data).
#[utoipa::path(get, operation_id = "list_users", path = "/api/v1/users", tag = "users",
    responses((status = 200, body = Vec<UserSummary>), (status = 401, body = Problem), (status = 403, body = Problem)))]
pub async fn list(
    State(app): State<AppState>,
    ApiCaller(actor): ApiCaller,
) -> Result<Json<Vec<UserSummary>>, ApiError> {
    Ok(Json(
        crate::actions::users::list(&app, &actor.grant::<ManageUsers>()?).await?,
    ))
}

#[derive(serde::Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateUser {
    pub username: String,
    /// admin, registrar, case_officer, documenter, analyst or observer.
    pub role: String,
    /// At least 12 characters; omitted: one is generated and returned once.
    pub password: Option<String>,
    /// Personal data: stored encrypted.
    pub full_name: Option<String>,
    /// Personal data: stored encrypted.
    pub contact: Option<String>,
}

#[derive(serde::Serialize, utoipa::ToSchema)]
pub struct CreatedUser {
    pub user_id: i64,
    /// The generated password, if none was given: shown this once.
    pub password: Option<String>,
}

/// Creates an account.
#[utoipa::path(post, operation_id = "create_user", path = "/api/v1/users", tag = "users", request_body = CreateUser,
    responses((status = 201, body = CreatedUser), (status = 401, body = Problem), (status = 403, body = Problem),
              (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn create(
    State(app): State<AppState>,
    ApiCaller(actor): ApiCaller,
    body: JsonBody<CreateUser>,
) -> Result<(StatusCode, Json<CreatedUser>), ApiError> {
    let cap = actor.grant::<ManageUsers>()?;
    let Json(b) = body?;
    let new = NewUser {
        username: Username::parse(&b.username)?,
        role: b.role.parse::<Role>()?,
        password: b.password.as_deref().map(Password::parse).transpose()?,
        full_name: DisplayName::parse("full_name", b.full_name.as_deref().unwrap_or(""))?,
        contact: DisplayName::parse("contact", b.contact.as_deref().unwrap_or(""))?,
    };
    let (user_id, password) = crate::actions::users::create(&app, &cap, new).await?;
    Ok((StatusCode::CREATED, Json(CreatedUser { user_id, password })))
}

/// One account (no personal data).
#[utoipa::path(get, operation_id = "get_user", path = "/api/v1/users/{id}", tag = "users", params(("id" = i64, Path)),
    responses((status = 200, body = UserSummary), (status = 401, body = Problem), (status = 403, body = Problem),
              (status = 404, body = Problem)))]
pub async fn get(
    State(app): State<AppState>,
    ApiCaller(actor): ApiCaller,
    Path(id): Path<i64>,
) -> Result<Json<UserSummary>, ApiError> {
    Ok(Json(
        crate::actions::users::get(&app, &actor.grant::<ManageUsers>()?, id).await?,
    ))
}

#[derive(serde::Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateUser {
    /// A new role; ends the account's sessions.
    pub role: Option<String>,
    /// Disable (true) or enable (false); disabling ends the account's sessions.
    pub disabled: Option<bool>,
    /// A new password (at least 12 characters); ends the account's sessions.
    pub password: Option<String>,
}

/// Changes an account's role, status or password. All fields are validated before
/// anything changes.
#[utoipa::path(patch, operation_id = "update_user", path = "/api/v1/users/{id}", tag = "users", params(("id" = i64, Path)), request_body = UpdateUser,
    responses((status = 200, body = UserSummary), (status = 401, body = Problem), (status = 403, body = Problem),
              (status = 404, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn update(
    State(app): State<AppState>,
    ApiCaller(actor): ApiCaller,
    Path(id): Path<i64>,
    body: JsonBody<UpdateUser>,
) -> Result<Json<UserSummary>, ApiError> {
    let cap = actor.grant::<ManageUsers>()?;
    let Json(b) = body?;
    let role = b.role.as_deref().map(str::parse::<Role>).transpose()?;
    let password = b.password.as_deref().map(Password::parse).transpose()?;
    crate::actions::users::get(&app, &cap, id).await?;
    if let Some(r) = role {
        crate::actions::users::set_role(&app, &cap, id, r).await?;
    }
    if let Some(d) = b.disabled {
        crate::actions::users::set_disabled(&app, &cap, id, d).await?;
    }
    if let Some(p) = password {
        crate::actions::users::reset_password(&app, &cap, id, Some(p)).await?;
    }
    Ok(Json(crate::actions::users::get(&app, &cap, id).await?))
}

/// An account's personal fields, decrypted. Every call is written to the audit trail.
#[utoipa::path(get, operation_id = "get_user_personal", path = "/api/v1/users/{id}/personal", tag = "users", params(("id" = i64, Path)),
    responses((status = 200, body = Personal), (status = 401, body = Problem), (status = 403, body = Problem),
              (status = 404, body = Problem)))]
pub async fn personal(
    State(app): State<AppState>,
    ApiCaller(actor): ApiCaller,
    Path(id): Path<i64>,
) -> Result<Json<Personal>, ApiError> {
    Ok(Json(
        crate::actions::users::view_personal(&app, &actor.grant::<ManageUsers>()?, id).await?,
    ))
}

#[derive(serde::Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdatePersonal {
    pub full_name: Option<String>,
    pub contact: Option<String>,
}

/// Replaces an account's personal fields (omitted or empty: cleared).
#[utoipa::path(put, operation_id = "update_user_personal", path = "/api/v1/users/{id}/personal", tag = "users", params(("id" = i64, Path)),
    request_body = UpdatePersonal,
    responses((status = 204), (status = 401, body = Problem), (status = 403, body = Problem),
              (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn update_personal(
    State(app): State<AppState>,
    ApiCaller(actor): ApiCaller,
    Path(id): Path<i64>,
    body: JsonBody<UpdatePersonal>,
) -> Result<StatusCode, ApiError> {
    let cap = actor.grant::<ManageUsers>()?;
    let Json(b) = body?;
    let name = DisplayName::parse("full_name", b.full_name.as_deref().unwrap_or(""))?;
    let contact = DisplayName::parse("contact", b.contact.as_deref().unwrap_or(""))?;
    crate::actions::users::update_personal(&app, &cap, id, name, contact).await?;
    Ok(StatusCode::NO_CONTENT)
}
