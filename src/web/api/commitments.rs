//! Agreements, commitments and observations over the API: every reader of the record
//! reads them with each commitment's status computed as of a day (`as_of`, today by
//! default); the documenter records them.

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::Json;

use super::registry::Created;
use crate::actions::documentation::commitments::{
    self as acts, AgreementDetail, AgreementSummary, CommitmentDetail,
};
use crate::auth::capability::{ReadRecord, WriteDocumentation};
use crate::domain::commitment::input::{
    AgreementInput, AgreementText, CommitmentInput, CommitmentText, ObservationInput,
    ObservationText, VisitInput, VisitText,
};
use crate::domain::convoy::parse_day;
use crate::store::commitments::VisitRow;
use crate::web::error::{ApiError, JsonBody, Problem};
use crate::web::extract::ApiCaller;
use crate::web::AppState;

fn s(v: &Option<String>) -> &str {
    v.as_deref().unwrap_or("")
}

fn n(v: Option<i64>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

#[derive(serde::Deserialize, utoipa::IntoParams)]
pub struct AsOf {
    /// The day to judge as of (YYYY-MM-DD); today when absent.
    pub as_of: Option<String>,
}

fn as_of(app: &AppState, q: &AsOf) -> Result<i64, ApiError> {
    Ok(parse_day("as_of", s(&q.as_of))
        .map_err(|i| ApiError::invalid(&i))?
        .unwrap_or_else(|| app.now()))
}

/// Every agreement, oldest first, with its parties.
#[utoipa::path(get, path = "/api/v1/agreements", tag = "commitments", operation_id = "list_agreements",
    responses((status = 200, body = Vec<AgreementSummary>), (status = 401, body = Problem), (status = 403, body = Problem)))]
pub async fn list(
    State(app): State<AppState>,
    ApiCaller(a): ApiCaller,
) -> Result<Json<Vec<AgreementSummary>>, ApiError> {
    Ok(Json(
        acts::list_agreements(&app, &a.grant::<ReadRecord>()?).await?,
    ))
}

#[derive(serde::Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SignatoryBody {
    pub name: String,
    /// The party signed for, by any of its names.
    pub party: Option<String>,
}

#[derive(serde::Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AgreementSourceBody {
    pub source_id: i64,
    /// Where in the source the agreement stands.
    pub locator: Option<String>,
}

#[derive(serde::Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AgreementBody {
    pub title: String,
    /// memorandum, letter, statement, pledge or understanding.
    pub kind: String,
    /// YYYY-MM-DD.
    pub made_on: String,
    pub summary: Option<String>,
    /// Organisations, by any of their names.
    pub parties: Vec<String>,
    #[serde(default)]
    pub signatories: Vec<SignatoryBody>,
    #[serde(default)]
    pub sources: Vec<AgreementSourceBody>,
}

/// Records an agreement with its parties, signatories and sources.
#[utoipa::path(post, path = "/api/v1/agreements", tag = "commitments", operation_id = "create_agreement",
    request_body = AgreementBody,
    responses((status = 201, body = Created), (status = 401, body = Problem), (status = 403, body = Problem),
              (status = 422, body = Problem)))]
pub async fn create(
    State(app): State<AppState>,
    ApiCaller(a): ApiCaller,
    body: JsonBody<AgreementBody>,
) -> Result<(StatusCode, Json<Created>), ApiError> {
    let cap = a.grant::<WriteDocumentation>()?;
    let Json(b) = body?;
    let sigs: Vec<(String, String)> = b
        .signatories
        .iter()
        .map(|x| (x.name.clone(), s(&x.party).to_string()))
        .collect();
    let srcs: Vec<(i64, String)> = b
        .sources
        .iter()
        .map(|x| (x.source_id, s(&x.locator).to_string()))
        .collect();
    let input = AgreementInput::parse(
        &AgreementText {
            title: &b.title,
            kind: &b.kind,
            made_on: &b.made_on,
            summary: s(&b.summary),
        },
        &b.parties,
        &sigs,
        &srcs,
    )?;
    let id = acts::create_agreement(&app, &cap, &input).await?;
    Ok((StatusCode::CREATED, Json(Created { id })))
}

/// An agreement with every commitment judged as of a day.
#[utoipa::path(get, path = "/api/v1/agreements/{id}", tag = "commitments", operation_id = "get_agreement",
    params(("id" = i64, Path), AsOf),
    responses((status = 200, body = AgreementDetail), (status = 401, body = Problem), (status = 403, body = Problem),
              (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn get(
    State(app): State<AppState>,
    ApiCaller(a): ApiCaller,
    Path(id): Path<i64>,
    Query(q): Query<AsOf>,
) -> Result<Json<AgreementDetail>, ApiError> {
    let cap = a.grant::<ReadRecord>()?;
    let day = as_of(&app, &q)?;
    Ok(Json(acts::get_agreement(&app, &cap, id, day).await?))
}

#[derive(serde::Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CommitmentBody {
    pub statement: String,
    /// The party that owes it, by any of its names.
    pub owed_by: String,
    pub owed_to: Option<String>,
    /// A site code.
    pub site: Option<String>,
    /// A convoy's sequence number (quantity terms per residents use its head count).
    pub convoy: Option<i64>,
    /// YYYY-MM-DD, in force from.
    pub from: String,
    /// YYYY-MM-DD, in force until (excluded); open-ended when absent.
    pub until: Option<String>,
    /// deadline, quantity, presence, frequency, prohibition or access.
    pub term: String,
    /// deadline: YYYY-MM-DD.
    pub due_on: Option<String>,
    /// quantity: the item, as the convoy manifest names it.
    pub item: Option<String>,
    /// quantity: at least this many.
    pub quantity: Option<i64>,
    /// quantity: for every this many residents.
    pub per_residents: Option<i64>,
    /// presence: the share of time, in ‰ (1000 = round the clock).
    pub share_permille: Option<i64>,
    /// frequency: at least this many visits …
    pub visits: Option<i64>,
    /// … in every this many days.
    pub period_days: Option<i64>,
    /// prohibition and access: the incident category that breaches it.
    pub category: Option<String>,
}

/// Adds a commitment with one measurable term to an agreement.
#[utoipa::path(post, path = "/api/v1/agreements/{id}/commitments", tag = "commitments", operation_id = "add_commitment",
    params(("id" = i64, Path)), request_body = CommitmentBody,
    responses((status = 201, body = Created), (status = 401, body = Problem), (status = 403, body = Problem),
              (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn add_commitment(
    State(app): State<AppState>,
    ApiCaller(a): ApiCaller,
    Path(id): Path<i64>,
    body: JsonBody<CommitmentBody>,
) -> Result<(StatusCode, Json<Created>), ApiError> {
    let cap = a.grant::<WriteDocumentation>()?;
    let Json(b) = body?;
    let input = CommitmentInput::parse(&CommitmentText {
        statement: &b.statement,
        owed_by: &b.owed_by,
        owed_to: s(&b.owed_to),
        site: s(&b.site),
        convoy: &n(b.convoy),
        from: &b.from,
        until: s(&b.until),
        term: &b.term,
        due_on: s(&b.due_on),
        item: s(&b.item),
        quantity: &n(b.quantity),
        per_residents: &n(b.per_residents),
        share_permille: &n(b.share_permille),
        visits: &n(b.visits),
        period_days: &n(b.period_days),
        category: s(&b.category),
    })?;
    let cid = acts::add_commitment(&app, &cap, id, &input).await?;
    Ok((StatusCode::CREATED, Json(Created { id: cid })))
}

/// A commitment judged as of a day, with the evidence that decides it and every
/// change of status up to that day.
#[utoipa::path(get, path = "/api/v1/commitments/{id}", tag = "commitments", operation_id = "get_commitment",
    params(("id" = i64, Path), AsOf),
    responses((status = 200, body = CommitmentDetail), (status = 401, body = Problem), (status = 403, body = Problem),
              (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn get_commitment(
    State(app): State<AppState>,
    ApiCaller(a): ApiCaller,
    Path(id): Path<i64>,
    Query(q): Query<AsOf>,
) -> Result<Json<CommitmentDetail>, ApiError> {
    let cap = a.grant::<ReadRecord>()?;
    let day = as_of(&app, &q)?;
    Ok(Json(acts::get_commitment(&app, &cap, id, day).await?))
}

#[derive(serde::Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ObservationBody {
    /// YYYY-MM-DD.
    pub observed_on: String,
    /// fulfilled, partly, not_fulfilled or statement.
    pub outcome: String,
    /// partly: the share kept, in ‰, when the source gives one.
    pub share_permille: Option<i64>,
    /// For a quantity term: how many of the item the source counted that day (with a
    /// term per N residents of a site, what is owed follows the site's population).
    pub counted: Option<i64>,
    pub source_id: i64,
    pub locator: Option<String>,
    pub note: Option<String>,
}

/// Adds a dated, sourced observation about a commitment.
#[utoipa::path(post, path = "/api/v1/commitments/{id}/observations", tag = "commitments", operation_id = "add_observation",
    params(("id" = i64, Path)), request_body = ObservationBody,
    responses((status = 201, body = Created), (status = 401, body = Problem), (status = 403, body = Problem),
              (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn add_observation(
    State(app): State<AppState>,
    ApiCaller(a): ApiCaller,
    Path(id): Path<i64>,
    body: JsonBody<ObservationBody>,
) -> Result<(StatusCode, Json<Created>), ApiError> {
    let cap = a.grant::<WriteDocumentation>()?;
    let Json(b) = body?;
    let input = ObservationInput::parse(&ObservationText {
        observed_on: &b.observed_on,
        outcome: &b.outcome,
        share_permille: &n(b.share_permille),
        counted: &n(b.counted),
        source: &b.source_id.to_string(),
        locator: s(&b.locator),
        note: s(&b.note),
    })?;
    let oid = acts::add_observation(&app, &cap, id, &input).await?;
    Ok((StatusCode::CREATED, Json(Created { id: oid })))
}

/// Every monitoring visit, by arrival.
#[utoipa::path(get, path = "/api/v1/visits", tag = "commitments", operation_id = "list_visits",
    responses((status = 200, body = Vec<VisitRow>), (status = 401, body = Problem), (status = 403, body = Problem)))]
pub async fn list_visits(
    State(app): State<AppState>,
    ApiCaller(a): ApiCaller,
) -> Result<Json<Vec<VisitRow>>, ApiError> {
    Ok(Json(
        acts::list_visits(&app, &a.grant::<ReadRecord>()?).await?,
    ))
}

#[derive(serde::Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct VisitBody {
    /// The monitoring organisation, by any of its names.
    pub organisation: String,
    /// A site code.
    pub site: String,
    /// `YYYY-MM-DD HH:MM` (UTC) or a day.
    pub arrival: String,
    pub departure: String,
    pub monitors: Option<i64>,
    pub source_id: Option<i64>,
}

/// Records a monitoring visit (it feeds presence and frequency terms).
#[utoipa::path(post, path = "/api/v1/visits", tag = "commitments", operation_id = "record_visit",
    request_body = VisitBody,
    responses((status = 201, body = Created), (status = 401, body = Problem), (status = 403, body = Problem),
              (status = 422, body = Problem)))]
pub async fn record_visit(
    State(app): State<AppState>,
    ApiCaller(a): ApiCaller,
    body: JsonBody<VisitBody>,
) -> Result<(StatusCode, Json<Created>), ApiError> {
    let cap = a.grant::<WriteDocumentation>()?;
    let Json(b) = body?;
    let input = VisitInput::parse(&VisitText {
        organisation: &b.organisation,
        site: &b.site,
        arrival: &b.arrival,
        departure: &b.departure,
        monitors: &n(b.monitors),
        source: &n(b.source_id),
    })?;
    let id = acts::record_visit(&app, &cap, &input).await?;
    Ok((StatusCode::CREATED, Json(Created { id })))
}
