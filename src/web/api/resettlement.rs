//! Resettlement over the API: every reader of the record may read cases, offers and
//! the funnel (households and people by code only); the case officer opens cases,
//! records their steps and keeps the country offers.

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::Json;

use super::registry::Created;
use crate::actions::resettlement::export;
use crate::actions::resettlement::offers::OfferDetail;
use crate::actions::resettlement::pipeline::{self, ForecastReport, Pipeline};
use crate::actions::resettlement::priority::{self, Ranked};
use crate::actions::resettlement::{self, offers, parse_household, CaseDetail};
use crate::auth::capability::{ReadRecord, WriteCases};
use crate::domain::convoy::parse_day;
use crate::domain::export::Format;
use crate::domain::person::Choice;
use crate::domain::resettlement::{OfferInput, OfferText, Stage, StepInput, StepText};
use crate::domain::Invalid;
use crate::store::resettlement::{CaseRow, OfferRow, StageCount};
use crate::web::error::{ApiError, JsonBody, Problem};
use crate::web::extract::ApiCaller;
use crate::web::AppState;

#[derive(serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CasesQuery {
    /// Only cases at this stage.
    pub stage: Option<String>,
}

/// Cases (at most 500), those that moved longest ago first.
#[utoipa::path(get, path = "/api/v1/resettlement/cases", tag = "resettlement", operation_id = "list_cases",
    params(CasesQuery),
    responses((status = 200, body = Vec<CaseRow>), (status = 401, body = Problem), (status = 403, body = Problem),
              (status = 422, body = Problem)))]
pub async fn list_cases(
    State(app): State<AppState>,
    ApiCaller(a): ApiCaller,
    Query(q): Query<CasesQuery>,
) -> Result<Json<Vec<CaseRow>>, ApiError> {
    let cap = a.grant::<ReadRecord>()?;
    let stage = match q.stage.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(s) => Some(Stage::parse(s)?),
    };
    Ok(Json(resettlement::list(&app, &cap, stage).await?))
}

#[derive(serde::Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct OpenBody {
    /// A household code (HH-…) or the code of one of its people.
    pub household: String,
    /// The day the case was identified (YYYY-MM-DD).
    pub date: String,
    pub notes: Option<String>,
}

/// Opens a case for a household at the stage `identified`.
#[utoipa::path(post, path = "/api/v1/resettlement/cases", tag = "resettlement", operation_id = "open_case",
    request_body = OpenBody,
    responses((status = 201, body = Created), (status = 401, body = Problem), (status = 403, body = Problem),
              (status = 422, body = Problem)))]
pub async fn open_case(
    State(app): State<AppState>,
    ApiCaller(a): ApiCaller,
    body: JsonBody<OpenBody>,
) -> Result<(StatusCode, Json<Created>), ApiError> {
    let cap = a.grant::<WriteCases>()?;
    let Json(b) = body?;
    let household = parse_household(&b.household)?;
    let on = parse_day("date", &b.date)?
        .ok_or_else(|| Invalid::new("date", "invalid-required", "is required"))?;
    let notes = b.notes.as_deref().unwrap_or("").trim();
    if notes.chars().count() > crate::domain::resettlement::MAX_NOTE {
        return Err(Invalid::new("notes", "case-invalid-note-length", "is too long").into());
    }
    let id = resettlement::open(&app, &cap, &household, on, notes).await?;
    Ok((StatusCode::CREATED, Json(Created { id })))
}

/// A case with its whole dated history.
#[utoipa::path(get, path = "/api/v1/resettlement/cases/{id}", tag = "resettlement", operation_id = "get_case",
    params(("id" = i64, Path)),
    responses((status = 200, body = CaseDetail), (status = 401, body = Problem), (status = 403, body = Problem),
              (status = 404, body = Problem)))]
pub async fn get_case(
    State(app): State<AppState>,
    ApiCaller(a): ApiCaller,
    Path(id): Path<i64>,
) -> Result<Json<CaseDetail>, ApiError> {
    Ok(Json(
        resettlement::get(&app, &a.grant::<ReadRecord>()?, id).await?,
    ))
}

#[derive(serde::Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct StepBody {
    /// The stage the case moves to (one of those its `next` lists).
    pub stage: String,
    /// YYYY-MM-DD; not in the future, except for a scheduled departure.
    pub date: String,
    /// For a submission: the offer it goes under (its country is taken) …
    pub offer: Option<i64>,
    /// … or the country (ISO alpha-3).
    pub country: Option<String>,
    /// For a submission: normal (default), urgent or emergency.
    pub priority: Option<String>,
    /// For a submission: legal_physical_protection, survivors_of_violence,
    /// medical_needs, women_at_risk, family_reunification, children_at_risk or
    /// no_alternative.
    pub category: Option<String>,
    pub notes: Option<String>,
}

#[derive(serde::Serialize, utoipa::ToSchema)]
pub struct StepCreated {
    pub step_id: i64,
}

/// Records a case's next step (dated, audited). A departure records its people as
/// resettled.
#[utoipa::path(post, path = "/api/v1/resettlement/cases/{id}/steps", tag = "resettlement", operation_id = "record_case_step",
    params(("id" = i64, Path)), request_body = StepBody,
    responses((status = 201, body = StepCreated), (status = 401, body = Problem), (status = 403, body = Problem),
              (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn record_step(
    State(app): State<AppState>,
    ApiCaller(a): ApiCaller,
    Path(id): Path<i64>,
    body: JsonBody<StepBody>,
) -> Result<(StatusCode, Json<StepCreated>), ApiError> {
    let cap = a.grant::<WriteCases>()?;
    let Json(b) = body?;
    let offer = b.offer.map(|o| o.to_string()).unwrap_or_default();
    let input = StepInput::parse(&StepText {
        stage: &b.stage,
        on: &b.date,
        country: b.country.as_deref().unwrap_or(""),
        offer: &offer,
        priority: b.priority.as_deref().unwrap_or(""),
        category: b.category.as_deref().unwrap_or(""),
        note: b.notes.as_deref().unwrap_or(""),
    })?;
    let step_id = resettlement::step(&app, &cap, id, &input).await?;
    Ok((StatusCode::CREATED, Json(StepCreated { step_id })))
}

#[derive(serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct FunnelQuery {
    /// The day (YYYY-MM-DD) whose end the funnel is drawn at; default: now.
    pub at: Option<String>,
}

/// Cases and people at every stage, now or at the end of a past day.
#[utoipa::path(get, path = "/api/v1/resettlement/funnel", tag = "resettlement", operation_id = "case_funnel",
    params(FunnelQuery),
    responses((status = 200, body = Vec<StageCount>), (status = 401, body = Problem), (status = 403, body = Problem),
              (status = 422, body = Problem)))]
pub async fn funnel(
    State(app): State<AppState>,
    ApiCaller(a): ApiCaller,
    Query(q): Query<FunnelQuery>,
) -> Result<Json<Vec<StageCount>>, ApiError> {
    let cap = a.grant::<ReadRecord>()?;
    let at = parse_day("at", q.at.as_deref().unwrap_or(""))?;
    Ok(Json(resettlement::funnel(&app, &cap, at).await?))
}

#[derive(serde::Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct OfferBody {
    /// ISO 3166-1 alpha-3.
    pub country: String,
    /// YYYY-MM-DD.
    pub announced_on: String,
    pub places: i64,
    /// The largest household the country takes; omitted: any size.
    pub max_household: Option<i64>,
    /// Whether people with serious medical needs can be taken (default true).
    pub medical: Option<bool>,
    pub notes: Option<String>,
}

impl OfferBody {
    fn parse(&self) -> Result<OfferInput, Invalid> {
        let places = self.places.to_string();
        let max = self
            .max_household
            .map(|m| m.to_string())
            .unwrap_or_default();
        OfferInput::parse(&OfferText {
            country: &self.country,
            announced_on: &self.announced_on,
            places: &places,
            max_household: &max,
            medical: if self.medical.unwrap_or(true) {
                "yes"
            } else {
                "no"
            },
            note: self.notes.as_deref().unwrap_or(""),
        })
    }
}

/// Every country offer with the places used, pending and left.
#[utoipa::path(get, path = "/api/v1/resettlement/offers", tag = "resettlement", operation_id = "list_offers",
    responses((status = 200, body = Vec<OfferRow>), (status = 401, body = Problem), (status = 403, body = Problem)))]
pub async fn list_offers(
    State(app): State<AppState>,
    ApiCaller(a): ApiCaller,
) -> Result<Json<Vec<OfferRow>>, ApiError> {
    Ok(Json(offers::list(&app, &a.grant::<ReadRecord>()?).await?))
}

/// Records a country's offer of places.
#[utoipa::path(post, path = "/api/v1/resettlement/offers", tag = "resettlement", operation_id = "create_offer",
    request_body = OfferBody,
    responses((status = 201, body = Created), (status = 401, body = Problem), (status = 403, body = Problem),
              (status = 422, body = Problem)))]
pub async fn create_offer(
    State(app): State<AppState>,
    ApiCaller(a): ApiCaller,
    body: JsonBody<OfferBody>,
) -> Result<(StatusCode, Json<Created>), ApiError> {
    let cap = a.grant::<WriteCases>()?;
    let Json(b) = body?;
    let id = offers::create(&app, &cap, &b.parse()?).await?;
    Ok((StatusCode::CREATED, Json(Created { id })))
}

/// An offer with its cases.
#[utoipa::path(get, path = "/api/v1/resettlement/offers/{id}", tag = "resettlement", operation_id = "get_offer",
    params(("id" = i64, Path)),
    responses((status = 200, body = OfferDetail), (status = 401, body = Problem), (status = 403, body = Problem),
              (status = 404, body = Problem)))]
pub async fn get_offer(
    State(app): State<AppState>,
    ApiCaller(a): ApiCaller,
    Path(id): Path<i64>,
) -> Result<Json<OfferDetail>, ApiError> {
    Ok(Json(
        offers::get(&app, &a.grant::<ReadRecord>()?, id).await?,
    ))
}

/// Changes an offer (its places never below those already used).
#[utoipa::path(put, path = "/api/v1/resettlement/offers/{id}", tag = "resettlement", operation_id = "update_offer",
    params(("id" = i64, Path)), request_body = OfferBody,
    responses((status = 204), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem),
              (status = 422, body = Problem)))]
pub async fn update_offer(
    State(app): State<AppState>,
    ApiCaller(a): ApiCaller,
    Path(id): Path<i64>,
    body: JsonBody<OfferBody>,
) -> Result<StatusCode, ApiError> {
    let cap = a.grant::<WriteCases>()?;
    let Json(b) = body?;
    offers::update(&app, &cap, id, &b.parse()?).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PipelineQuery {
    /// The day (YYYY-MM-DD) to look from; default: the day the record is current to.
    pub at: Option<String>,
    /// Days without a step after which an open case counts as stalled (default 180).
    pub stall: Option<i64>,
}

async fn as_of(app: &AppState, at: Option<&str>) -> Result<i64, ApiError> {
    match parse_day("at", at.unwrap_or(""))? {
        Some(d) => Ok(d),
        None => Ok(pipeline::default_as_of(app).await?),
    }
}

/// The pipeline as of a day: funnel, time in each stage per country (median and 90th
/// percentile), stalled cases and the share of the population resettled by month.
#[utoipa::path(get, path = "/api/v1/resettlement/pipeline", tag = "resettlement", operation_id = "case_pipeline",
    params(PipelineQuery),
    responses((status = 200, body = Pipeline), (status = 401, body = Problem), (status = 403, body = Problem),
              (status = 422, body = Problem)))]
pub async fn pipeline_report(
    State(app): State<AppState>,
    ApiCaller(a): ApiCaller,
    Query(q): Query<PipelineQuery>,
) -> Result<Json<Pipeline>, ApiError> {
    let cap = a.grant::<ReadRecord>()?;
    let at = as_of(&app, q.at.as_deref()).await?;
    let stall = q.stall.unwrap_or(pipeline::STALL_DAYS);
    if !(1..=36_500).contains(&stall) {
        return Err(Invalid::new("stall", "invalid-count", "expected 1 to 36500 days").into());
    }
    Ok(Json(pipeline::pipeline(&app, &cap, at, stall).await?))
}

#[derive(serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ForecastQuery {
    /// The day (YYYY-MM-DD) to forecast from; default: the day the record is current to.
    pub at: Option<String>,
    /// The back-test's cut-off (YYYY-MM-DD); default: the middle of the history.
    pub cutoff: Option<String>,
}

/// When the last resident leaves at the observed pace: the bootstrap forecast with its
/// band (method in docs/resettlement.md) and its back-test.
#[utoipa::path(get, path = "/api/v1/resettlement/forecast", tag = "resettlement", operation_id = "case_forecast",
    params(ForecastQuery),
    responses((status = 200, body = ForecastReport), (status = 401, body = Problem), (status = 403, body = Problem),
              (status = 422, body = Problem)))]
pub async fn forecast_report(
    State(app): State<AppState>,
    ApiCaller(a): ApiCaller,
    Query(q): Query<ForecastQuery>,
) -> Result<Json<ForecastReport>, ApiError> {
    let cap = a.grant::<ReadRecord>()?;
    let at = as_of(&app, q.at.as_deref()).await?;
    let cutoff = parse_day("cutoff", q.cutoff.as_deref().unwrap_or(""))?;
    Ok(Json(pipeline::forecast(&app, &cap, at, cutoff).await?))
}

#[derive(serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PriorityQuery {
    /// The day (YYYY-MM-DD) time waiting is counted to; default: the day the record
    /// is current to.
    pub at: Option<String>,
}

/// Open cases ranked by urgency, each score with its reasons and their points.
#[utoipa::path(get, path = "/api/v1/resettlement/priority", tag = "resettlement", operation_id = "case_priority",
    params(PriorityQuery),
    responses((status = 200, body = Vec<Ranked>), (status = 401, body = Problem), (status = 403, body = Problem),
              (status = 422, body = Problem)))]
pub async fn priority_list(
    State(app): State<AppState>,
    ApiCaller(a): ApiCaller,
    Query(q): Query<PriorityQuery>,
) -> Result<Json<Vec<Ranked>>, ApiError> {
    let cap = a.grant::<ReadRecord>()?;
    let at = as_of(&app, q.at.as_deref()).await?;
    Ok(Json(priority::ranked(&app, &cap, at).await?))
}

#[derive(serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CasesExportQuery {
    /// csv (default) or xlsx.
    pub format: Option<String>,
    /// Only cases at this stage.
    pub stage: Option<String>,
}

/// The cases as a file (no personal data: households by code, people as a count).
#[utoipa::path(get, path = "/api/v1/resettlement/cases/export", tag = "resettlement", operation_id = "export_cases",
    params(CasesExportQuery),
    responses((status = 200, description = "CSV (with an HXL hashtag row) or XLSX", content_type = "text/csv"),
              (status = 401, body = Problem), (status = 403, body = Problem), (status = 422, body = Problem)))]
pub async fn export_cases(
    State(app): State<AppState>,
    ApiCaller(a): ApiCaller,
    Query(q): Query<CasesExportQuery>,
) -> Result<axum::response::Response, ApiError> {
    use axum::response::IntoResponse;
    let cap = a.grant::<ReadRecord>()?;
    let format: Format = q.format.as_deref().unwrap_or("").parse()?;
    let stage = match q.stage.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(s) => Some(Stage::parse(s)?),
    };
    let bytes = export::cases(&app, &cap, stage, format).await?;
    let content_type = match format {
        Format::Csv => "text/csv; charset=utf-8",
        Format::Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    };
    Ok(([(axum::http::header::CONTENT_TYPE, content_type)], bytes).into_response())
}

/// People resettled by destination country and month, as HXL CSV; counts of 1 to 4
/// are left empty.
#[utoipa::path(get, path = "/api/v1/resettlement/resettled", tag = "resettlement", operation_id = "resettled_hxl",
    responses((status = 200, description = "HXL CSV", content_type = "text/csv"),
              (status = 401, body = Problem), (status = 403, body = Problem)))]
pub async fn resettled(
    State(app): State<AppState>,
    ApiCaller(a): ApiCaller,
) -> Result<axum::response::Response, ApiError> {
    use axum::response::IntoResponse;
    let cap = a.grant::<ReadRecord>()?;
    let csv = export::resettled(&app, &cap).await?;
    Ok((
        [(axum::http::header::CONTENT_TYPE, "text/csv; charset=utf-8")],
        csv,
    )
        .into_response())
}
