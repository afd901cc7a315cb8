//! Organisations, sources and incidents over the API: every reader of the record may
//! read them (people by code only); the documenter records them, with their acts,
//! perpetrators, claims, accepted figures and verification.

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::Json;

use super::registry::Created;
use crate::actions::documentation::incidents::{self, IncidentDetail, IncidentSummary};
use crate::actions::documentation::sources::{self, Source, SourceDetail};
use crate::actions::documentation::{self as doc, Organisation, OrganisationDetail};
use crate::auth::capability::{ReadRecord, WriteDocumentation};
use crate::domain::incident::{
    ActInput, ActText, FigureInput, IncidentInput, IncidentText, PerpetratorInput,
    VerificationInput,
};
use crate::domain::source::{
    parse_aliases, ClaimInput, ClaimText, OrganisationInput, SourceInput, SourceText,
};
use crate::domain::Invalid;
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
pub struct OrgQuery {
    /// A name in any spelling or script.
    pub q: Option<String>,
}

/// Every organisation, or those with a name matching `q` in any spelling.
#[utoipa::path(get, path = "/api/v1/organisations", tag = "documentation", operation_id = "list_organisations",
    params(OrgQuery),
    responses((status = 200, body = Vec<Organisation>), (status = 401, body = Problem), (status = 403, body = Problem)))]
pub async fn list_orgs(
    State(app): State<AppState>,
    ApiCaller(a): ApiCaller,
    Query(q): Query<OrgQuery>,
) -> Result<Json<Vec<Organisation>>, ApiError> {
    let cap = a.grant::<ReadRecord>()?;
    Ok(Json(doc::list_orgs(&app, &cap, q.q.as_deref()).await?))
}

#[derive(serde::Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct OrganisationBody {
    pub name: String,
    /// un_body, government, embassy, armed_group, ngo, media_outlet or residents.
    pub kind: String,
    /// Other spellings of the name, in any script.
    #[serde(default)]
    pub aliases: Vec<String>,
}

/// Adds an organisation with its other spellings.
#[utoipa::path(post, path = "/api/v1/organisations", tag = "documentation", operation_id = "create_organisation",
    request_body = OrganisationBody,
    responses((status = 201, body = Created), (status = 401, body = Problem), (status = 403, body = Problem),
              (status = 422, body = Problem)))]
pub async fn create_org(
    State(app): State<AppState>,
    ApiCaller(a): ApiCaller,
    body: JsonBody<OrganisationBody>,
) -> Result<(StatusCode, Json<Created>), ApiError> {
    let cap = a.grant::<WriteDocumentation>()?;
    let Json(b) = body?;
    let input = OrganisationInput::parse(&b.name, &b.kind, &b.aliases.join("\n"))?;
    let id = doc::create_org(&app, &cap, &input).await?;
    Ok((StatusCode::CREATED, Json(Created { id })))
}

/// An organisation with its names, sources and the incidents it is alleged to be behind.
#[utoipa::path(get, path = "/api/v1/organisations/{id}", tag = "documentation", operation_id = "get_organisation",
    params(("id" = i64, Path)),
    responses((status = 200, body = OrganisationDetail), (status = 401, body = Problem), (status = 403, body = Problem),
              (status = 404, body = Problem)))]
pub async fn get_org(
    State(app): State<AppState>,
    ApiCaller(a): ApiCaller,
    Path(id): Path<i64>,
) -> Result<Json<OrganisationDetail>, ApiError> {
    Ok(Json(
        doc::get_org(&app, &a.grant::<ReadRecord>()?, id).await?,
    ))
}

#[derive(serde::Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AliasesBody {
    pub aliases: Vec<String>,
}

#[derive(serde::Serialize, utoipa::ToSchema)]
pub struct Added {
    /// How many were new.
    pub added: usize,
}

/// Adds spellings to an organisation's name.
#[utoipa::path(post, path = "/api/v1/organisations/{id}/aliases", tag = "documentation", operation_id = "add_aliases",
    params(("id" = i64, Path)), request_body = AliasesBody,
    responses((status = 200, body = Added), (status = 401, body = Problem), (status = 403, body = Problem),
              (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn add_aliases(
    State(app): State<AppState>,
    ApiCaller(a): ApiCaller,
    Path(id): Path<i64>,
    body: JsonBody<AliasesBody>,
) -> Result<Json<Added>, ApiError> {
    let cap = a.grant::<WriteDocumentation>()?;
    let Json(b) = body?;
    let aliases = parse_aliases(&b.aliases.join("\n"))?;
    let added = doc::add_aliases(&app, &cap, id, &aliases).await?;
    Ok(Json(Added { added }))
}

/// Every source, the latest first.
#[utoipa::path(get, path = "/api/v1/sources", tag = "documentation", operation_id = "list_sources",
    responses((status = 200, body = Vec<Source>), (status = 401, body = Problem), (status = 403, body = Problem)))]
pub async fn list_sources(
    State(app): State<AppState>,
    ApiCaller(a): ApiCaller,
) -> Result<Json<Vec<Source>>, ApiError> {
    Ok(Json(sources::list(&app, &a.grant::<ReadRecord>()?).await?))
}

#[derive(serde::Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SourceBody {
    /// article, statement, letter, report, testimony, photo or video.
    pub kind: String,
    pub title: String,
    /// The publishing organisation, by any of its names.
    pub publisher: Option<String>,
    pub author: Option<String>,
    /// YYYY-MM-DD.
    pub published_on: Option<String>,
    /// ISO 639 (fa, ar, en …).
    pub language: Option<String>,
    pub url: Option<String>,
    /// independent, official or aligned.
    pub affiliation: String,
    /// The party an aligned source speaks for, by any of its names.
    pub aligned_with: Option<String>,
    /// A to F.
    pub reliability: String,
    pub reliability_reason: String,
}

impl SourceBody {
    pub(crate) fn input(&self) -> Result<SourceInput, Invalid> {
        let b = self;
        SourceInput::parse(&SourceText {
            kind: &b.kind,
            title: &b.title,
            publisher: s(&b.publisher),
            author: s(&b.author),
            published_on: s(&b.published_on),
            language: s(&b.language),
            url: s(&b.url),
            affiliation: &b.affiliation,
            aligned_with: s(&b.aligned_with),
            reliability: &b.reliability,
            reliability_reason: &b.reliability_reason,
        })
    }
}

/// Adds a source with its reliability grade and reason.
#[utoipa::path(post, path = "/api/v1/sources", tag = "documentation", operation_id = "create_source",
    request_body = SourceBody,
    responses((status = 201, body = Created), (status = 401, body = Problem), (status = 403, body = Problem),
              (status = 422, body = Problem)))]
pub async fn create_source(
    State(app): State<AppState>,
    ApiCaller(a): ApiCaller,
    body: JsonBody<SourceBody>,
) -> Result<(StatusCode, Json<Created>), ApiError> {
    let cap = a.grant::<WriteDocumentation>()?;
    let Json(b) = body?;
    let input = b.input()?;
    let id = sources::create(&app, &cap, &input).await?;
    Ok((StatusCode::CREATED, Json(Created { id })))
}

/// A source with its claims.
#[utoipa::path(get, path = "/api/v1/sources/{id}", tag = "documentation", operation_id = "get_source",
    params(("id" = i64, Path)),
    responses((status = 200, body = SourceDetail), (status = 401, body = Problem), (status = 403, body = Problem),
              (status = 404, body = Problem)))]
pub async fn get_source(
    State(app): State<AppState>,
    ApiCaller(a): ApiCaller,
    Path(id): Path<i64>,
) -> Result<Json<SourceDetail>, ApiError> {
    Ok(Json(
        sources::get(&app, &a.grant::<ReadRecord>()?, id).await?,
    ))
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

/// Records an incident.
#[utoipa::path(post, path = "/api/v1/incidents", tag = "documentation", operation_id = "create_incident",
    request_body = IncidentBody,
    responses((status = 201, body = Created), (status = 401, body = Problem), (status = 403, body = Problem),
              (status = 422, body = Problem)))]
pub async fn create(
    State(app): State<AppState>,
    ApiCaller(a): ApiCaller,
    body: JsonBody<IncidentBody>,
) -> Result<(StatusCode, Json<Created>), ApiError> {
    let cap = a.grant::<WriteDocumentation>()?;
    let Json(b) = body?;
    let input = b.input()?;
    let id = incidents::create(&app, &cap, &input).await?;
    Ok((StatusCode::CREATED, Json(Created { id })))
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
    let values: Vec<String> = b.values.iter().map(|(m, v)| format!("{m}={v}")).collect();
    let values = values.join(";");
    let (source, credibility) = (b.source.to_string(), b.credibility.to_string());
    let input = ClaimInput::parse(&ClaimText {
        source: &source,
        about: s(&b.about),
        person: s(&b.person),
        locator: s(&b.locator),
        statement: s(&b.statement),
        values: &values,
        credibility: &credibility,
    })?;
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
