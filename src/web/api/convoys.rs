//! Convoys over the API: every reader of the record may read them (people appear by
//! code only); the registrar creates and changes them, lists households, keeps the
//! manifest, and completes them — which moves their people.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;

use super::registry::Created;
use crate::actions::registry::convoys::complete::{self, Completed};
use crate::actions::registry::convoys::{self, manifest, members, ConvoyDetail, ConvoySummary};
use crate::actions::registry::people::Scope;
use crate::auth::capability::{ReadRecord, WriteRegistry};
use crate::domain::convoy::{
    parse_codes, CompleteInput, CompleteText, ConvoyInput, ConvoyText, LineText, ManifestLineInput,
    MAX_HEADS,
};
use crate::domain::person::PersonCode;
use crate::domain::Invalid;
use crate::web::error::{ApiError, JsonBody, Problem};
use crate::web::extract::ApiCaller;
use crate::web::AppState;

fn num(v: Option<i64>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

#[derive(serde::Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ConvoyBody {
    /// The convoy's sequence number (unique).
    pub seq: i64,
    /// Site code of the origin.
    pub origin: String,
    /// Site code of the destination.
    pub destination: String,
    /// YYYY-MM-DD.
    pub planned_on: Option<String>,
    /// YYYY-MM-DD.
    pub departed_on: Option<String>,
    /// YYYY-MM-DD.
    pub arrived_on: Option<String>,
    /// planned (default), under_way or blocked; a convoy is completed with
    /// `POST /convoys/{id}/complete`.
    pub status: Option<String>,
}

impl ConvoyBody {
    fn parse(&self) -> Result<ConvoyInput, ApiError> {
        let seq = self.seq.to_string();
        ConvoyInput::parse(&ConvoyText {
            seq: &seq,
            origin: &self.origin,
            destination: &self.destination,
            planned_on: self.planned_on.as_deref().unwrap_or(""),
            departed_on: self.departed_on.as_deref().unwrap_or(""),
            arrived_on: self.arrived_on.as_deref().unwrap_or(""),
            status: self.status.as_deref().unwrap_or(""),
        })
        .map_err(ApiError::from)
    }
}

/// Every convoy, newest first, with its number of people and of manifest shortfalls.
#[utoipa::path(get, path = "/api/v1/convoys", tag = "registry", operation_id = "list_convoys",
    responses((status = 200, body = Vec<ConvoySummary>), (status = 401, body = Problem), (status = 403, body = Problem)))]
pub async fn list(
    State(app): State<AppState>,
    ApiCaller(a): ApiCaller,
) -> Result<Json<Vec<ConvoySummary>>, ApiError> {
    Ok(Json(convoys::list(&app, &a.grant::<ReadRecord>()?).await?))
}

/// Adds a convoy.
#[utoipa::path(post, path = "/api/v1/convoys", tag = "registry", operation_id = "create_convoy", request_body = ConvoyBody,
    responses((status = 201, body = Created), (status = 401, body = Problem), (status = 403, body = Problem),
              (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn create(
    State(app): State<AppState>,
    ApiCaller(a): ApiCaller,
    body: JsonBody<ConvoyBody>,
) -> Result<(StatusCode, Json<Created>), ApiError> {
    let cap = a.grant::<WriteRegistry>()?;
    let Json(b) = body?;
    let id = convoys::create(&app, &cap, &b.parse()?).await?;
    Ok((StatusCode::CREATED, Json(Created { id })))
}

/// A convoy: people on it, manifest with shortfalls and totals, head counts.
#[utoipa::path(get, path = "/api/v1/convoys/{id}", tag = "registry", operation_id = "get_convoy", params(("id" = i64, Path)),
    responses((status = 200, body = ConvoyDetail), (status = 401, body = Problem), (status = 403, body = Problem),
              (status = 404, body = Problem)))]
pub async fn get(
    State(app): State<AppState>,
    ApiCaller(a): ApiCaller,
    Path(id): Path<i64>,
) -> Result<Json<ConvoyDetail>, ApiError> {
    Ok(Json(
        convoys::get(&app, &a.grant::<ReadRecord>()?, id).await?,
    ))
}

/// Replaces a convoy's fields (refused once it is completed).
#[utoipa::path(put, path = "/api/v1/convoys/{id}", tag = "registry", operation_id = "update_convoy", params(("id" = i64, Path)),
    request_body = ConvoyBody,
    responses((status = 204), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem),
              (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn update(
    State(app): State<AppState>,
    ApiCaller(a): ApiCaller,
    Path(id): Path<i64>,
    body: JsonBody<ConvoyBody>,
) -> Result<StatusCode, ApiError> {
    let cap = a.grant::<WriteRegistry>()?;
    let Json(b) = body?;
    convoys::update(&app, &cap, id, &b.parse()?).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(serde::Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PeopleBody {
    /// A person's code.
    pub code: String,
    /// household (default): the person's whole household; person: the person alone,
    /// refused if it splits the household; split: the person alone, splitting it.
    pub scope: Option<String>,
}

impl PeopleBody {
    fn parse(&self) -> Result<(PersonCode, Scope), ApiError> {
        let scope = match self.scope.as_deref() {
            None | Some("household") => Scope::Household,
            Some("person") => Scope::Person,
            Some("split") => Scope::PersonSplittingHousehold,
            Some(_) => {
                return Err(ApiError::from(Invalid::new(
                    "scope",
                    "invalid-choice",
                    "expected household, person or split",
                )))
            }
        };
        Ok((PersonCode::parse(&self.code)?, scope))
    }
}

#[derive(serde::Serialize, utoipa::ToSchema)]
pub struct Codes {
    /// Codes of the people added or removed.
    pub codes: Vec<String>,
}

/// Lists a person's household (or, by choice, the person alone) on the convoy.
#[utoipa::path(post, path = "/api/v1/convoys/{id}/people", tag = "registry", operation_id = "add_convoy_people",
    params(("id" = i64, Path)), request_body = PeopleBody,
    responses((status = 200, body = Codes), (status = 401, body = Problem), (status = 403, body = Problem),
              (status = 404, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn add_people(
    State(app): State<AppState>,
    ApiCaller(a): ApiCaller,
    Path(id): Path<i64>,
    body: JsonBody<PeopleBody>,
) -> Result<Json<Codes>, ApiError> {
    let cap = a.grant::<WriteRegistry>()?;
    let Json(b) = body?;
    let (code, scope) = b.parse()?;
    let codes = members::add(&app, &cap, id, &code, scope).await?;
    Ok(Json(Codes { codes }))
}

/// Takes a person's household (or, by choice, the person alone) off the convoy.
#[utoipa::path(post, path = "/api/v1/convoys/{id}/people/remove", tag = "registry", operation_id = "remove_convoy_people",
    params(("id" = i64, Path)), request_body = PeopleBody,
    responses((status = 200, body = Codes), (status = 401, body = Problem), (status = 403, body = Problem),
              (status = 404, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn remove_people(
    State(app): State<AppState>,
    ApiCaller(a): ApiCaller,
    Path(id): Path<i64>,
    body: JsonBody<PeopleBody>,
) -> Result<Json<Codes>, ApiError> {
    let cap = a.grant::<WriteRegistry>()?;
    let Json(b) = body?;
    let (code, scope) = b.parse()?;
    let codes = members::remove(&app, &cap, id, &code, scope).await?;
    Ok(Json(Codes { codes }))
}

#[derive(serde::Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LineBody {
    pub item: String,
    pub unit: Option<String>,
    pub agreed: Option<i64>,
    pub allowed: Option<i64>,
    pub moved: Option<i64>,
    /// Where the agreed figure comes from (a citation; no personal data).
    pub agreed_source: Option<String>,
    pub allowed_source: Option<String>,
    pub moved_source: Option<String>,
}

impl LineBody {
    fn parse(&self) -> Result<ManifestLineInput, ApiError> {
        let (agreed, allowed, moved) = (num(self.agreed), num(self.allowed), num(self.moved));
        ManifestLineInput::parse(&LineText {
            item: &self.item,
            unit: self.unit.as_deref().unwrap_or(""),
            agreed: &agreed,
            allowed: &allowed,
            moved: &moved,
            agreed_source: self.agreed_source.as_deref().unwrap_or(""),
            allowed_source: self.allowed_source.as_deref().unwrap_or(""),
            moved_source: self.moved_source.as_deref().unwrap_or(""),
        })
        .map_err(ApiError::from)
    }
}

/// Adds a line to the convoy's asset manifest.
#[utoipa::path(post, path = "/api/v1/convoys/{id}/manifest", tag = "registry", operation_id = "add_manifest_line",
    params(("id" = i64, Path)), request_body = LineBody,
    responses((status = 201, body = Created), (status = 401, body = Problem), (status = 403, body = Problem),
              (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn add_line(
    State(app): State<AppState>,
    ApiCaller(a): ApiCaller,
    Path(id): Path<i64>,
    body: JsonBody<LineBody>,
) -> Result<(StatusCode, Json<Created>), ApiError> {
    let cap = a.grant::<WriteRegistry>()?;
    let Json(b) = body?;
    let id = manifest::add(&app, &cap, id, &b.parse()?).await?;
    Ok((StatusCode::CREATED, Json(Created { id })))
}

/// Replaces a manifest line's figures and sources.
#[utoipa::path(put, path = "/api/v1/manifest-lines/{id}", tag = "registry", operation_id = "update_manifest_line",
    params(("id" = i64, Path)), request_body = LineBody,
    responses((status = 204), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem),
              (status = 422, body = Problem)))]
pub async fn update_line(
    State(app): State<AppState>,
    ApiCaller(a): ApiCaller,
    Path(id): Path<i64>,
    body: JsonBody<LineBody>,
) -> Result<StatusCode, ApiError> {
    let cap = a.grant::<WriteRegistry>()?;
    let Json(b) = body?;
    manifest::update(&app, &cap, id, &b.parse()?).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Removes a manifest line.
#[utoipa::path(delete, path = "/api/v1/manifest-lines/{id}", tag = "registry", operation_id = "delete_manifest_line",
    params(("id" = i64, Path)),
    responses((status = 204), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn delete_line(
    State(app): State<AppState>,
    ApiCaller(a): ApiCaller,
    Path(id): Path<i64>,
) -> Result<StatusCode, ApiError> {
    manifest::remove(&app, &a.grant::<WriteRegistry>()?, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(serde::Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CompleteBody {
    /// YYYY-MM-DD; default: the convoy's departure date.
    pub departed_on: Option<String>,
    /// YYYY-MM-DD; default: the convoy's arrival date (one of the two is required).
    pub arrived_on: Option<String>,
    /// Head count leaving the origin; default: the number listed.
    pub left: Option<i64>,
    /// Head count arriving at the destination.
    pub arrived: i64,
    /// Codes of people on the convoy who did not arrive (recorded missing).
    pub missing: Option<Vec<String>>,
}

/// Completes the convoy: its people move to the destination in one audited step, those
/// who did not arrive are recorded missing. Refused (409) when the convoy is blocked
/// or already completed.
#[utoipa::path(post, path = "/api/v1/convoys/{id}/complete", tag = "registry", operation_id = "complete_convoy",
    params(("id" = i64, Path)), request_body = CompleteBody,
    responses((status = 200, body = Completed), (status = 401, body = Problem), (status = 403, body = Problem),
              (status = 404, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn complete(
    State(app): State<AppState>,
    ApiCaller(a): ApiCaller,
    Path(id): Path<i64>,
    body: JsonBody<CompleteBody>,
) -> Result<Json<Completed>, ApiError> {
    let cap = a.grant::<WriteRegistry>()?;
    let Json(b) = body?;
    let (left, arrived) = (num(b.left), b.arrived.to_string());
    let input = CompleteInput::parse(&CompleteText {
        departed_on: b.departed_on.as_deref().unwrap_or(""),
        arrived_on: b.arrived_on.as_deref().unwrap_or(""),
        left: &left,
        arrived: &arrived,
        missing: b.missing.iter().flatten().map(String::as_str).collect(),
    })?;
    Ok(Json(complete::complete(&app, &cap, id, &input).await?))
}

#[derive(serde::Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MissingBody {
    /// Codes of people on the convoy found not to have arrived.
    pub missing: Vec<String>,
    /// A corrected arrival head count.
    pub arrived: Option<i64>,
}

#[derive(serde::Serialize, utoipa::ToSchema)]
pub struct Marked {
    /// People newly recorded missing.
    pub marked: i64,
}

/// Records people on a completed convoy who did not arrive: missing from its arrival date.
#[utoipa::path(post, path = "/api/v1/convoys/{id}/missing", tag = "registry", operation_id = "mark_convoy_missing",
    params(("id" = i64, Path)), request_body = MissingBody,
    responses((status = 200, body = Marked), (status = 401, body = Problem), (status = 403, body = Problem),
              (status = 404, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn mark_missing(
    State(app): State<AppState>,
    ApiCaller(a): ApiCaller,
    Path(id): Path<i64>,
    body: JsonBody<MissingBody>,
) -> Result<Json<Marked>, ApiError> {
    let cap = a.grant::<WriteRegistry>()?;
    let Json(b) = body?;
    let codes: Vec<&str> = b.missing.iter().map(String::as_str).collect();
    let codes = parse_codes("missing", &codes)?;
    if b.arrived.is_some_and(|n| !(0..=MAX_HEADS).contains(&n)) {
        return Err(ApiError::from(Invalid::new(
            "arrived",
            "invalid-count",
            format!("expected a whole number from 0 to {MAX_HEADS}"),
        )));
    }
    let marked = complete::mark_missing(&app, &cap, id, &codes, b.arrived).await?;
    Ok(Json(Marked { marked }))
}
