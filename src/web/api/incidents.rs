//! Incidents over the API: every reader of the record may read them (people by code
//! only); the documenter records them — with the claims of their sources in the same
//! request, or later — with their acts, perpetrators, accepted figures and
//! verification. Organisations and sources are in `sources`.

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::Json;

use super::registry::Created;
use crate::actions::documentation::incidents::{self, IncidentDetail, IncidentSummary};
use crate::actions::documentation::recording;
use crate::auth::capability::{ReadRecord, WriteDocumentation};
use crate::domain::incident::{
    ActInput, ActText, FigureInput, IncidentInput, IncidentText, PerpetratorInput,
    VerificationInput,
};
use crate::domain::source::{ClaimInput, ClaimText};
use crate::domain::Invalid;
use crate::web::error::{ApiError, JsonBody, Problem};
use crate::web::extract::ApiCaller;
use crate::web::AppState;

pub(super) fn s(v: &Option<String>) -> &str {
    v.as_deref().unwrap_or("")
}

fn n(v: Option<i64>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

/// Every standing incident the filter keeps (the timeline's filter), the latest first,
/// with its verification as computed; retracted ones are read by their id.
#[utoipa::path(get, path = "/api/v1/incidents", tag = "documentation", operation_id = "list_incidents",
    params(incidents::Filter),
    responses((status = 200, body = Vec<IncidentSummary>), (status = 401, body = Problem), (status = 403, body = Problem)))]
pub async fn list(
    State(app): State<AppState>,
    ApiCaller(a): ApiCaller,
    Query(f): Query<incidents::Filter>,
) -> Result<Json<Vec<IncidentSummary>>, ApiError> {
    Ok(Json(
        incidents::matching(&app, &a.grant::<ReadRecord>()?, &f, None).await?,
    ))
}

/// An incident's own fields, as a correction replaces them.
#[derive(serde::Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct IncidentBody {
    pub title: String,
    /// rocket_attack, armed_assault, killing, injury, hostage_taking, medical_denial,
    /// supply_blockade, property_seizure, harassment, surveillance, intimidation,
    /// information_gathering, infiltration or threat.
    pub category: String,
    /// YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DD HH:MM: the precision follows.
    pub started: String,
    pub ended: Option<String>,
    /// A site's code.
    pub site: Option<String>,
    pub place: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    /// exact, near or region (by default from what is given).
    pub geo_precision: Option<String>,
    pub description: Option<String>,
}

impl IncidentBody {
    pub(crate) fn input(&self) -> Result<IncidentInput, Invalid> {
        let b = self;
        let lat = b.lat.map(|v| v.to_string()).unwrap_or_default();
        let lon = b.lon.map(|v| v.to_string()).unwrap_or_default();
        IncidentInput::parse(&IncidentText {
            title: &b.title,
            category: &b.category,
            started: &b.started,
            ended: s(&b.ended),
            site: s(&b.site),
            place: s(&b.place),
            lat: &lat,
            lon: &lon,
            geo_precision: s(&b.geo_precision),
            description: s(&b.description),
        })
    }
}

/// An incident to record, with the claims its sources make about it.
#[derive(serde::Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewIncidentBody {
    pub title: String,
    /// rocket_attack, armed_assault, killing, injury, hostage_taking, medical_denial,
    /// supply_blockade, property_seizure, harassment, surveillance, intimidation,
    /// information_gathering, infiltration or threat.
    pub category: String,
    /// YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DD HH:MM: the precision follows.
    pub started: String,
    pub ended: Option<String>,
    /// A site's code.
    pub site: Option<String>,
    pub place: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    /// exact, near or region (by default from what is given).
    pub geo_precision: Option<String>,
    pub description: Option<String>,
    /// What each source says about the incident, recorded with it in one transaction:
    /// a refused claim is named by its index (`claims[1].credibility`) and nothing is
    /// recorded.
    #[serde(default)]
    pub claims: Vec<ClaimBody>,
}

impl NewIncidentBody {
    /// The incident and its claims, parsed; the first refusal found, in body order.
    fn inputs(self) -> Result<(IncidentInput, Vec<ClaimInput>), Invalid> {
        let incident = IncidentBody {
            title: self.title,
            category: self.category,
            started: self.started,
            ended: self.ended,
            site: self.site,
            place: self.place,
            lat: self.lat,
            lon: self.lon,
            geo_precision: self.geo_precision,
            description: self.description,
        }
        .input()?;
        let claims = self
            .claims
            .iter()
            .enumerate()
            .map(|(n, c)| c.input().map_err(|e| e.in_item("claims", n)))
            .collect::<Result<Vec<_>, _>>()?;
        Ok((incident, claims))
    }
}

/// What recording an incident wrote.
#[derive(serde::Serialize, utoipa::ToSchema)]
pub struct RecordedIncident {
    pub id: i64,
    /// The claims' ids, in the order of the request's `claims`.
    pub claims: Vec<i64>,
}

/// Records an incident, with the claims of its sources if given (the same action as
/// the documenter's form; one transaction, one audit entry per incident and claim).
#[utoipa::path(post, path = "/api/v1/incidents", tag = "documentation", operation_id = "create_incident",
    request_body = NewIncidentBody,
    responses((status = 201, body = RecordedIncident), (status = 401, body = Problem), (status = 403, body = Problem),
              (status = 422, body = Problem)))]
pub async fn create(
    State(app): State<AppState>,
    ApiCaller(a): ApiCaller,
    body: JsonBody<NewIncidentBody>,
) -> Result<(StatusCode, Json<RecordedIncident>), ApiError> {
    let cap = a.grant::<WriteDocumentation>()?;
    let Json(b) = body?;
    let (incident, claims) = b.inputs()?;
    let done = recording::record(&app, &cap, &incident, &claims).await?;
    Ok((
        StatusCode::CREATED,
        Json(RecordedIncident {
            id: done.id,
            claims: done.claims,
        }),
    ))
}

/// An incident with its acts, perpetrators, every source's claims side by side, the
/// accepted figures and the corroboration computed from independent sources.
#[utoipa::path(get, path = "/api/v1/incidents/{id}", tag = "documentation", operation_id = "get_incident",
    params(("id" = i64, Path)),
    responses((status = 200, body = IncidentDetail), (status = 401, body = Problem), (status = 403, body = Problem),
              (status = 404, body = Problem)))]
pub async fn get(
    State(app): State<AppState>,
    ApiCaller(a): ApiCaller,
    Path(id): Path<i64>,
) -> Result<Json<IncidentDetail>, ApiError> {
    Ok(Json(
        incidents::get(&app, &a.grant::<ReadRecord>()?, id).await?,
    ))
}

#[derive(serde::Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ActBody {
    /// killed, injured, detained, taken_hostage, denied_medical_care, property_seized,
    /// threatened, harassed or surveilled.
    pub act: String,
    /// A registered person's public code …
    pub person: Option<String>,
    /// … or a number of victims.
    pub victims: Option<i64>,
    pub sex: Option<String>,
    /// 0-4, 5-11, 12-17, 18-59, 60+ or unknown.
    pub age_band: Option<String>,
}

/// Adds an act with its victims.
#[utoipa::path(post, path = "/api/v1/incidents/{id}/acts", tag = "documentation", operation_id = "add_act",
    params(("id" = i64, Path)), request_body = ActBody,
    responses((status = 201, body = Created), (status = 401, body = Problem), (status = 403, body = Problem),
              (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn add_act(
    State(app): State<AppState>,
    ApiCaller(a): ApiCaller,
    Path(id): Path<i64>,
    body: JsonBody<ActBody>,
) -> Result<(StatusCode, Json<Created>), ApiError> {
    let cap = a.grant::<WriteDocumentation>()?;
    let Json(b) = body?;
    let victims = n(b.victims);
    let input = ActInput::parse(&ActText {
        act: &b.act,
        person: s(&b.person),
        victims: &victims,
        sex: s(&b.sex),
        age_band: s(&b.age_band),
    })?;
    let act = incidents::add_act(&app, &cap, id, &input).await?;
    Ok((StatusCode::CREATED, Json(Created { id: act })))
}

#[derive(serde::Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PerpetratorBody {
    /// The organisation, by any of its names.
    pub organisation: String,
    /// direct, command, complicity or failure_to_act.
    pub involvement: String,
}

/// Adds an organisation alleged to be behind the incident.
#[utoipa::path(post, path = "/api/v1/incidents/{id}/perpetrators", tag = "documentation", operation_id = "add_perpetrator",
    params(("id" = i64, Path)), request_body = PerpetratorBody,
    responses((status = 204), (status = 401, body = Problem), (status = 403, body = Problem),
              (status = 404, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn add_perpetrator(
    State(app): State<AppState>,
    ApiCaller(a): ApiCaller,
    Path(id): Path<i64>,
    body: JsonBody<PerpetratorBody>,
) -> Result<StatusCode, ApiError> {
    let cap = a.grant::<WriteDocumentation>()?;
    let Json(b) = body?;
    let input = PerpetratorInput::parse(&b.organisation, &b.involvement)?;
    incidents::add_perpetrator(&app, &cap, id, &input).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// A source's claim: what it says, where in the source, the figures it asserts and
/// how credible it is.
#[derive(serde::Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ClaimBody {
    pub source: i64,
    /// incident, figure or person (by default from what is given).
    pub about: Option<String>,
    /// The public code of the person a claim is about.
    pub person: Option<String>,
    /// Where in the source: page, paragraph, time code.
    pub locator: Option<String>,
    pub statement: Option<String>,
    /// The figures the claim asserts, e.g. {"killed": 35}.
    #[serde(default)]
    pub values: std::collections::BTreeMap<String, i64>,
    /// 1 (confirmed by other sources) to 6 (cannot be judged).
    pub credibility: i64,
}

impl ClaimBody {
    fn input(&self) -> Result<ClaimInput, Invalid> {
        let b = self;
        let values: Vec<String> = b.values.iter().map(|(m, v)| format!("{m}={v}")).collect();
        let values = values.join(";");
        let (source, credibility) = (b.source.to_string(), b.credibility.to_string());
        ClaimInput::parse(&ClaimText {
            source: &source,
            about: s(&b.about),
            person: s(&b.person),
            locator: s(&b.locator),
            statement: s(&b.statement),
            values: &values,
            credibility: &credibility,
        })
    }
}

/// Adds a source's claim about the incident.
#[utoipa::path(post, path = "/api/v1/incidents/{id}/claims", tag = "documentation", operation_id = "add_claim",
    params(("id" = i64, Path)), request_body = ClaimBody,
    responses((status = 201, body = Created), (status = 401, body = Problem), (status = 403, body = Problem),
              (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn add_claim(
    State(app): State<AppState>,
    ApiCaller(a): ApiCaller,
    Path(id): Path<i64>,
    body: JsonBody<ClaimBody>,
) -> Result<(StatusCode, Json<Created>), ApiError> {
    let cap = a.grant::<WriteDocumentation>()?;
    let Json(b) = body?;
    let input = b.input()?;
    let claim = incidents::add_claim(&app, &cap, id, &input).await?;
    Ok((StatusCode::CREATED, Json(Created { id: claim })))
}

#[derive(serde::Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct FigureBody {
    /// What the figure counts: killed, injured …
    pub measure: String,
    pub value: i64,
    pub reason: String,
}

/// Sets the figure the record accepts for one measure, with the reason.
#[utoipa::path(post, path = "/api/v1/incidents/{id}/figures", tag = "documentation", operation_id = "set_figure",
    params(("id" = i64, Path)), request_body = FigureBody,
    responses((status = 204), (status = 401, body = Problem), (status = 403, body = Problem),
              (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn set_figure(
    State(app): State<AppState>,
    ApiCaller(a): ApiCaller,
    Path(id): Path<i64>,
    body: JsonBody<FigureBody>,
) -> Result<StatusCode, ApiError> {
    let cap = a.grant::<WriteDocumentation>()?;
    let Json(b) = body?;
    let input = FigureInput::parse(&b.measure, &b.value.to_string(), &b.reason)?;
    incidents::set_figure(&app, &cap, id, &input).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(serde::Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct VerificationBody {
    /// verified or unverified (corroborated is computed, never set).
    pub status: String,
    pub reason: String,
}

/// Sets the documenter's verification, with the reason.
#[utoipa::path(post, path = "/api/v1/incidents/{id}/verification", tag = "documentation", operation_id = "set_verification",
    params(("id" = i64, Path)), request_body = VerificationBody,
    responses((status = 204), (status = 401, body = Problem), (status = 403, body = Problem),
              (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn set_verification(
    State(app): State<AppState>,
    ApiCaller(a): ApiCaller,
    Path(id): Path<i64>,
    body: JsonBody<VerificationBody>,
) -> Result<StatusCode, ApiError> {
    let cap = a.grant::<WriteDocumentation>()?;
    let Json(b) = body?;
    let input = VerificationInput::parse(&b.status, &b.reason)?;
    incidents::set_verification(&app, &cap, id, &input).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Incidents by period and category, and the map's places (sites and incident
/// places, never a person's location), filtered.
#[utoipa::path(get, path = "/api/v1/timeline", tag = "documentation", operation_id = "incident_timeline",
    params(incidents::Filter),
    responses((status = 200, body = incidents::Timeline), (status = 401, body = Problem), (status = 403, body = Problem)))]
pub async fn timeline(
    State(app): State<AppState>,
    ApiCaller(a): ApiCaller,
    Query(f): Query<incidents::Filter>,
) -> Result<Json<incidents::Timeline>, ApiError> {
    Ok(Json(
        incidents::timeline(&app, &a.grant::<ReadRecord>()?, &f).await?,
    ))
}

/// The filtered incidents as ACLED-shaped CSV, events JSON (see
/// `/api/v1/schemas/events.json`) or GeoJSON of sites and places; always redacted.
#[utoipa::path(get, path = "/api/v1/exports/incidents", tag = "documentation", operation_id = "export_incidents",
    params(crate::actions::documentation::export::ExportQuery),
    responses((status = 200, description = "The file", content_type = "text/csv"),
              (status = 401, body = Problem), (status = 403, body = Problem), (status = 422, body = Problem)))]
pub async fn export(
    State(app): State<AppState>,
    ApiCaller(a): ApiCaller,
    Query(q): Query<crate::actions::documentation::export::ExportQuery>,
) -> Result<axum::response::Response, ApiError> {
    let cap = a.grant::<ReadRecord>()?;
    let (mime, name, body) = crate::actions::documentation::export::file(&app, &cap, &q).await?;
    Ok(crate::web::ui::timeline::download(mime, name, body))
}

/// The JSON Schema of the events export (public: it holds no data).
#[utoipa::path(get, path = "/api/v1/schemas/events.json", tag = "documentation", operation_id = "events_schema",
    security(()),
    responses((status = 200, description = "JSON Schema (draft 2020-12)", content_type = "application/schema+json")))]
pub async fn events_schema() -> impl axum::response::IntoResponse {
    (
        [(axum::http::header::CONTENT_TYPE, "application/schema+json")],
        crate::io::incidents::EVENTS_SCHEMA,
    )
}
