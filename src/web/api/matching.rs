//! Duplicates and the watch list over the API: the registrar's queue of flags and
//! decisions on them; the admin's watch list. Flags show codes and non-personal facts
//! only (personal data stays behind `/people/{id}/personal`), and a watch-list flag
//! shows the entry's category, never its name.

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::Json;

use crate::actions::registry::matches::{self, FlagView};
use crate::actions::registry::watchlist::{self, Hit, WatchEntry};
use crate::auth::capability::{ManageWatchList, WriteRegistry};
use crate::domain::matching::{
    Decision, DecisionReason, FlagStatus, Keep, MatchReason, WatchInput,
};
use crate::domain::person::Choice;
use crate::web::error::{ApiError, JsonBody, Problem};
use crate::web::extract::ApiCaller;
use crate::web::AppState;

#[derive(serde::Deserialize, utoipa::IntoParams)]
pub struct FlagQuery {
    /// open (default), merged, distinct, confirmed or superseded.
    pub status: Option<String>,
    /// Only flags raised for this reason: document, name_birth_year or watch_list.
    pub reason: Option<String>,
    /// Keyset cursor: flags with a larger id than this.
    pub after: Option<i64>,
}

#[derive(serde::Serialize, utoipa::ToSchema)]
pub struct FlagPage {
    pub flags: Vec<FlagView>,
    /// Pass as `after` for the next page; absent on the last page.
    pub next: Option<i64>,
}

/// The duplicate queue (registrar): flags in a status, oldest first, 50 a page.
#[utoipa::path(get, path = "/api/v1/matches", tag = "matching", operation_id = "list_matches", params(FlagQuery),
    responses((status = 200, body = FlagPage), (status = 401, body = Problem), (status = 403, body = Problem),
              (status = 422, body = Problem)))]
pub async fn list(
    State(app): State<AppState>,
    ApiCaller(a): ApiCaller,
    Query(q): Query<FlagQuery>,
) -> Result<Json<FlagPage>, ApiError> {
    let cap = a.grant::<WriteRegistry>()?;
    let status = match q.status.as_deref() {
        None | Some("") => FlagStatus::Open,
        Some(s) => FlagStatus::parse(s)?,
    };
    let reason = match q.reason.as_deref() {
        None | Some("") => None,
        Some(r) => Some(MatchReason::parse(r)?),
    };
    let (flags, next) = matches::list(&app, &cap, status, reason, q.after).await?;
    Ok(Json(FlagPage { flags, next }))
}

/// One flag (registrar).
#[utoipa::path(get, path = "/api/v1/matches/{id}", tag = "matching", operation_id = "get_match",
    params(("id" = i64, Path)),
    responses((status = 200, body = FlagView), (status = 401, body = Problem), (status = 403, body = Problem),
              (status = 404, body = Problem)))]
pub async fn get(
    State(app): State<AppState>,
    ApiCaller(a): ApiCaller,
    Path(id): Path<i64>,
) -> Result<Json<FlagView>, ApiError> {
    Ok(Json(
        matches::get(&app, &a.grant::<WriteRegistry>()?, id).await?,
    ))
}

#[derive(serde::Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DecisionBody {
    /// same (merge the two records), distinct (different people, or not the listed
    /// person), or confirmed (a watch-list match holds).
    pub decision: String,
    /// Why, without personal data (at most 200 characters). Written to the trail.
    pub reason: String,
    /// For `same`: whose code stays, a (default, the earlier record) or b.
    pub keep: Option<String>,
}

/// Decides an open flag (registrar). `same` merges the pair in one audited
/// transaction: the other record's history, needs and household move over and it
/// stays as a tombstone that leads to the kept one.
#[utoipa::path(post, path = "/api/v1/matches/{id}/decision", tag = "matching", operation_id = "decide_match",
    params(("id" = i64, Path)), request_body = DecisionBody,
    responses((status = 200, body = FlagView), (status = 401, body = Problem), (status = 403, body = Problem),
              (status = 404, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn decide(
    State(app): State<AppState>,
    ApiCaller(a): ApiCaller,
    Path(id): Path<i64>,
    body: JsonBody<DecisionBody>,
) -> Result<Json<FlagView>, ApiError> {
    let cap = a.grant::<WriteRegistry>()?;
    let Json(b) = body?;
    let decision = Decision::parse(&b.decision)?;
    let reason = DecisionReason::parse(&b.reason)?;
    let keep = Keep::parse(b.keep.as_deref().unwrap_or(""))?;
    Ok(Json(
        matches::decide(&app, &cap, id, decision, &reason, keep).await?,
    ))
}

#[derive(serde::Deserialize, utoipa::IntoParams)]
pub struct WatchQuery {
    /// Include removed entries.
    pub removed: Option<bool>,
}

/// The watch list with its names opened (admin). Every call is audited.
#[utoipa::path(get, path = "/api/v1/watchlist", tag = "matching", operation_id = "list_watchlist",
    params(WatchQuery),
    responses((status = 200, body = Vec<WatchEntry>), (status = 401, body = Problem), (status = 403, body = Problem)))]
pub async fn watch_list(
    State(app): State<AppState>,
    ApiCaller(a): ApiCaller,
    Query(q): Query<WatchQuery>,
) -> Result<Json<Vec<WatchEntry>>, ApiError> {
    let cap = a.grant::<ManageWatchList>()?;
    Ok(Json(
        watchlist::list(&app, &cap, q.removed.unwrap_or(false)).await?,
    ))
}

#[derive(serde::Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct WatchBody {
    /// Personal data (stored encrypted): the name in any script or spelling.
    pub name: String,
    /// known_agent, impersonator, infiltrator or other.
    pub category: String,
    /// Personal data (stored encrypted).
    pub note: Option<String>,
}

#[derive(serde::Serialize, utoipa::ToSchema)]
pub struct WatchAdded {
    pub id: i64,
    /// People already registered under this name, now flagged.
    pub flagged: usize,
}

/// Adds a watch-list entry (admin) and flags people already registered under the name.
#[utoipa::path(post, path = "/api/v1/watchlist", tag = "matching", operation_id = "add_watch_entry",
    request_body = WatchBody,
    responses((status = 201, body = WatchAdded), (status = 401, body = Problem), (status = 403, body = Problem),
              (status = 422, body = Problem)))]
pub async fn watch_add(
    State(app): State<AppState>,
    ApiCaller(a): ApiCaller,
    body: JsonBody<WatchBody>,
) -> Result<(StatusCode, Json<WatchAdded>), ApiError> {
    let cap = a.grant::<ManageWatchList>()?;
    let Json(b) = body?;
    let input = WatchInput::parse(&b.name, &b.category, b.note.as_deref().unwrap_or(""))?;
    let (id, flagged) = watchlist::add(&app, &cap, &input).await?;
    Ok((StatusCode::CREATED, Json(WatchAdded { id, flagged })))
}

#[derive(serde::Serialize, utoipa::ToSchema)]
pub struct WatchDetail {
    pub entry: WatchEntry,
    /// The people flagged against this entry (codes only).
    pub hits: Vec<Hit>,
}

/// One watch-list entry, opened (admin, audited), with the people it matched.
#[utoipa::path(get, path = "/api/v1/watchlist/{id}", tag = "matching", operation_id = "get_watch_entry",
    params(("id" = i64, Path)),
    responses((status = 200, body = WatchDetail), (status = 401, body = Problem), (status = 403, body = Problem),
              (status = 404, body = Problem)))]
pub async fn watch_get(
    State(app): State<AppState>,
    ApiCaller(a): ApiCaller,
    Path(id): Path<i64>,
) -> Result<Json<WatchDetail>, ApiError> {
    let cap = a.grant::<ManageWatchList>()?;
    let (entry, hits) = watchlist::get(&app, &cap, id).await?;
    Ok(Json(WatchDetail { entry, hits }))
}

/// Removes an entry from matching (admin). It stays stored, marked removed.
#[utoipa::path(delete, path = "/api/v1/watchlist/{id}", tag = "matching", operation_id = "remove_watch_entry",
    params(("id" = i64, Path)),
    responses((status = 204), (status = 401, body = Problem), (status = 403, body = Problem),
              (status = 404, body = Problem)))]
pub async fn watch_remove(
    State(app): State<AppState>,
    ApiCaller(a): ApiCaller,
    Path(id): Path<i64>,
) -> Result<StatusCode, ApiError> {
    let cap = a.grant::<ManageWatchList>()?;
    watchlist::remove(&app, &cap, id).await?;
    Ok(StatusCode::NO_CONTENT)
}
