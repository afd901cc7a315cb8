//! Organisations and sources over the API: every reader of the record may read them;
//! the documenter adds them. What sources say about incidents (their claims) is in
//! `incidents`.

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::Json;

use super::incidents::s;
use super::registry::Created;
use crate::actions::documentation::sources::{self, Source, SourceDetail};
use crate::actions::documentation::{self as doc, Organisation, OrganisationDetail};
use crate::auth::capability::{ReadRecord, WriteDocumentation};
use crate::domain::source::{parse_aliases, OrganisationInput, SourceInput, SourceText};
use crate::domain::Invalid;
use crate::web::error::{ApiError, JsonBody, Problem};
use crate::web::extract::ApiCaller;
use crate::web::AppState;

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
