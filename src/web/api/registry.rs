//! The registry over the API: sites and people. Readers of the record see codes only;
//! personal data has its own audited endpoint for the registrar.

use std::collections::HashMap;

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::Json;

use crate::actions::registry::people::{
    self, Move, PersonDetail, PersonPersonal, Placement, Registered, Scope,
};
use crate::actions::registry::sites::{self, Population, SiteSummary};
use crate::auth::capability::{ReadRecord, ViewPersonalData, WriteRegistry};
use crate::auth::Actor;
use crate::domain::person::{Choice, PersonInput, PersonStatus, Relationship, PERSON_FIELDS};
use crate::domain::site::SiteInput;
use crate::domain::Invalid;
use crate::store::people::{Filter, PersonRow};
use crate::store::sites::SiteRow;
use crate::web::error::{ApiError, JsonBody, Problem};
use crate::web::extract::ApiCaller;
use crate::web::AppState;

#[derive(serde::Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SiteBody {
    pub code: String,
    pub name_en: String,
    pub name_fa: Option<String>,
    pub name_ar: Option<String>,
    /// camp, transit, settlement or other.
    pub kind: String,
    /// ISO 3166-1 alpha-3.
    pub country: String,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub capacity: Option<i64>,
}

impl SiteBody {
    fn parse(&self) -> Result<SiteInput, ApiError> {
        let num = |v: Option<f64>| v.map(|v| v.to_string()).unwrap_or_default();
        SiteInput::parse(
            &self.code,
            &self.name_en,
            self.name_fa.as_deref().unwrap_or(""),
            self.name_ar.as_deref().unwrap_or(""),
            &self.kind,
            &self.country,
            &num(self.lat),
            &num(self.lon),
            &self.capacity.map(|c| c.to_string()).unwrap_or_default(),
        )
        .map_err(ApiError::from)
    }
}

#[derive(serde::Serialize, utoipa::ToSchema)]
pub struct Created {
    pub id: i64,
}

/// Every site, with the number of people present now.
#[utoipa::path(get, path = "/api/v1/sites", tag = "registry", operation_id = "list_sites",
    responses((status = 200, body = Vec<SiteSummary>), (status = 401, body = Problem), (status = 403, body = Problem)))]
pub async fn list_sites(
    State(app): State<AppState>,
    ApiCaller(a): ApiCaller,
) -> Result<Json<Vec<SiteSummary>>, ApiError> {
    Ok(Json(sites::list(&app, &a.grant::<ReadRecord>()?).await?))
}

/// Adds a site.
#[utoipa::path(post, path = "/api/v1/sites", tag = "registry", operation_id = "create_site", request_body = SiteBody,
    responses((status = 201, body = Created), (status = 401, body = Problem), (status = 403, body = Problem),
              (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn create_site(
    State(app): State<AppState>,
    ApiCaller(a): ApiCaller,
    body: JsonBody<SiteBody>,
) -> Result<(StatusCode, Json<Created>), ApiError> {
    let cap = a.grant::<WriteRegistry>()?;
    let Json(b) = body?;
    let id = sites::create(&app, &cap, b.parse()?).await?;
    Ok((StatusCode::CREATED, Json(Created { id })))
}

/// One site.
#[utoipa::path(get, path = "/api/v1/sites/{id}", tag = "registry", operation_id = "get_site", params(("id" = i64, Path)),
    responses((status = 200, body = SiteRow), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn get_site(
    State(app): State<AppState>,
    ApiCaller(a): ApiCaller,
    Path(id): Path<i64>,
) -> Result<Json<SiteRow>, ApiError> {
    Ok(Json(sites::get(&app, &a.grant::<ReadRecord>()?, id).await?))
}

/// Replaces a site's fields.
#[utoipa::path(put, path = "/api/v1/sites/{id}", tag = "registry", operation_id = "update_site", params(("id" = i64, Path)),
    request_body = SiteBody,
    responses((status = 204), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem),
              (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn update_site(
    State(app): State<AppState>,
    ApiCaller(a): ApiCaller,
    Path(id): Path<i64>,
    body: JsonBody<SiteBody>,
) -> Result<StatusCode, ApiError> {
    let cap = a.grant::<WriteRegistry>()?;
    let Json(b) = body?;
    sites::update(&app, &cap, id, b.parse()?).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(serde::Deserialize, utoipa::IntoParams)]
pub struct AtQuery {
    /// The date (YYYY-MM-DD, UTC midnight); default: now.
    pub at: Option<String>,
}

/// The site's population at a date, by sex and UNHCR age band.
#[utoipa::path(get, path = "/api/v1/sites/{id}/population", tag = "registry", operation_id = "site_population",
    params(("id" = i64, Path), AtQuery),
    responses((status = 200, body = Population), (status = 401, body = Problem), (status = 403, body = Problem),
              (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn population(
    State(app): State<AppState>,
    ApiCaller(a): ApiCaller,
    Path(id): Path<i64>,
    Query(q): Query<AtQuery>,
) -> Result<Json<Population>, ApiError> {
    let cap = a.grant::<ReadRecord>()?;
    sites::get(&app, &cap, id).await?;
    let at = match q.at.as_deref() {
        None | Some("") => app.now(),
        Some(d) => crate::clock::parse_day(&crate::i18n::normalize_digits(d)).ok_or_else(|| {
            ApiError::from(Invalid::new(
                "at",
                "invalid-date",
                "expected a date as YYYY-MM-DD",
            ))
        })?,
    };
    let mut pops = sites::population(&app, &cap, id, &[at]).await?;
    Ok(Json(pops.pop().unwrap_or_default()))
}

#[derive(serde::Serialize, utoipa::ToSchema)]
pub struct PeoplePage {
    pub people: Vec<PersonRow>,
    /// Pass as `after` for the next page; absent on the last page.
    pub next: Option<i64>,
}

/// The registry, 50 people a page (codes only).
#[utoipa::path(get, path = "/api/v1/people", tag = "registry", operation_id = "list_people", params(Filter),
    responses((status = 200, body = PeoplePage), (status = 401, body = Problem), (status = 403, body = Problem)))]
pub async fn list_people(
    State(app): State<AppState>,
    ApiCaller(a): ApiCaller,
    Query(f): Query<Filter>,
) -> Result<Json<PeoplePage>, ApiError> {
    let (people, next) = people::list(&app, &a.grant::<ReadRecord>()?, &f).await?;
    Ok(Json(PeoplePage { people, next }))
}

/// A person as entered: every field is text, as on the form and in imports.
#[derive(serde::Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PersonBody {
    pub external_id: Option<String>,
    /// Personal data (stored encrypted).
    pub name_latin: Option<String>,
    /// Personal data (stored encrypted).
    pub name_original: Option<String>,
    /// Personal data: YYYY-MM-DD.
    pub birth_date: Option<String>,
    pub birth_year: Option<String>,
    /// Personal data.
    pub document: Option<String>,
    /// Personal data.
    pub phone: Option<String>,
    /// Personal data.
    pub notes: Option<String>,
    /// female, male, other or unknown.
    pub sex: Option<String>,
    pub nationality: Option<String>,
    /// ISO 639 codes, comma-separated.
    pub languages: Option<String>,
    pub protection: Option<String>,
    /// `kind[:urgency]; …`, e.g. `serious_medical:urgent; disability`.
    pub vulnerabilities: Option<String>,
    /// Site code (registration only).
    pub site: Option<String>,
    /// Start a new household with this person (registration only).
    pub new_household: Option<bool>,
    pub relationship: Option<String>,
}

impl PersonBody {
    fn input(&self, this_year: i64) -> Result<PersonInput, ApiError> {
        let values: [&Option<String>; 13] = [
            &self.external_id,
            &self.name_latin,
            &self.name_original,
            &self.birth_date,
            &self.birth_year,
            &self.document,
            &self.phone,
            &self.notes,
            &self.sex,
            &self.nationality,
            &self.languages,
            &self.protection,
            &self.vulnerabilities,
        ];
        let fields: HashMap<&str, &str> = PERSON_FIELDS
            .iter()
            .zip(values)
            .map(|(k, v)| (*k, v.as_deref().unwrap_or("")))
            .collect();
        PersonInput::from_fields(&fields, this_year).map_err(ApiError::from)
    }
}

async fn site_by_code(
    app: &AppState,
    a: &Actor,
    code: Option<&str>,
) -> Result<Option<i64>, ApiError> {
    let Some(code) = code.filter(|c| !c.is_empty()) else {
        return Ok(None);
    };
    let all = sites::list(app, &a.grant::<ReadRecord>()?).await?;
    all.iter()
        .find(|s| s.site.code.eq_ignore_ascii_case(code))
        .map(|s| Some(s.site.site_id))
        .ok_or_else(|| {
            ApiError::from(Invalid::new(
                "site",
                "invalid-site",
                "no site has this code",
            ))
        })
}

/// Registers a person; the answer names possible duplicates.
#[utoipa::path(post, path = "/api/v1/people", tag = "registry", operation_id = "register_person", request_body = PersonBody,
    responses((status = 201, body = Registered), (status = 401, body = Problem), (status = 403, body = Problem),
              (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn register(
    State(app): State<AppState>,
    ApiCaller(a): ApiCaller,
    body: JsonBody<PersonBody>,
) -> Result<(StatusCode, Json<Registered>), ApiError> {
    let cap = a.grant::<WriteRegistry>()?;
    let Json(b) = body?;
    let input = b.input(crate::clock::year_of(app.now()))?;
    let relationship = b
        .relationship
        .as_deref()
        .map(Relationship::parse)
        .transpose()?;
    let place = Placement {
        site_id: site_by_code(&app, &a, b.site.as_deref()).await?,
        new_household: b.new_household.unwrap_or(false),
        relationship,
        ..Placement::default()
    };
    Ok((
        StatusCode::CREATED,
        Json(people::register(&app, &cap, &input, &place).await?),
    ))
}

/// A person: codes, status, history, household, needs.
#[utoipa::path(get, path = "/api/v1/people/{id}", tag = "registry", operation_id = "get_person", params(("id" = i64, Path)),
    responses((status = 200, body = PersonDetail), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn get_person(
    State(app): State<AppState>,
    ApiCaller(a): ApiCaller,
    Path(id): Path<i64>,
) -> Result<Json<PersonDetail>, ApiError> {
    Ok(Json(
        people::get(&app, &a.grant::<ReadRecord>()?, id).await?,
    ))
}

/// Replaces a person's descriptive and personal fields.
#[utoipa::path(put, path = "/api/v1/people/{id}", tag = "registry", operation_id = "update_person", params(("id" = i64, Path)),
    request_body = PersonBody,
    responses((status = 204), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem),
              (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn update_person(
    State(app): State<AppState>,
    ApiCaller(a): ApiCaller,
    Path(id): Path<i64>,
    body: JsonBody<PersonBody>,
) -> Result<StatusCode, ApiError> {
    let cap = a.grant::<WriteRegistry>()?;
    let Json(b) = body?;
    people::update(&app, &cap, id, &b.input(crate::clock::year_of(app.now()))?).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// A person's personal data (registrar). Every call is written to the audit trail.
#[utoipa::path(get, path = "/api/v1/people/{id}/personal", tag = "registry", operation_id = "get_person_personal",
    params(("id" = i64, Path)),
    responses((status = 200, body = PersonPersonal), (status = 401, body = Problem), (status = 403, body = Problem),
              (status = 404, body = Problem)))]
pub async fn personal(
    State(app): State<AppState>,
    ApiCaller(a): ApiCaller,
    Path(id): Path<i64>,
) -> Result<Json<PersonPersonal>, ApiError> {
    Ok(Json(
        people::view_personal(&app, &a.grant::<ViewPersonalData>()?, id).await?,
    ))
}

#[derive(serde::Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MoveBody {
    /// present, transferred, resettled, departed, deceased or missing.
    pub status: String,
    /// Site code; omitted: no site (departed, resettled …).
    pub site: Option<String>,
    /// YYYY-MM-DD; default: now.
    pub date: Option<String>,
    /// Why, without personal data.
    pub reason: Option<String>,
    /// household (default), person (refused if it splits the household) or split.
    pub scope: Option<String>,
}

#[derive(serde::Serialize, utoipa::ToSchema)]
pub struct Moved {
    pub moved: Vec<i64>,
}

/// Moves a person, or their whole household, with a dated history entry.
#[utoipa::path(post, path = "/api/v1/people/{id}/move", tag = "registry", operation_id = "move_person",
    params(("id" = i64, Path)), request_body = MoveBody,
    responses((status = 200, body = Moved), (status = 401, body = Problem), (status = 403, body = Problem),
              (status = 404, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn move_person(
    State(app): State<AppState>,
    ApiCaller(a): ApiCaller,
    Path(id): Path<i64>,
    body: JsonBody<MoveBody>,
) -> Result<Json<Moved>, ApiError> {
    let cap = a.grant::<WriteRegistry>()?;
    let Json(b) = body?;
    let status = PersonStatus::parse(&b.status)?;
    let effective_at = match b.date.as_deref() {
        None | Some("") => app.now(),
        Some(d) => crate::clock::parse_day(&crate::i18n::normalize_digits(d)).ok_or_else(|| {
            ApiError::from(Invalid::new(
                "date",
                "invalid-date",
                "expected a date as YYYY-MM-DD",
            ))
        })?,
    };
    let scope = match b.scope.as_deref() {
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
    let m = Move {
        status,
        site_id: site_by_code(&app, &a, b.site.as_deref()).await?,
        effective_at,
        reason: b.reason.unwrap_or_default(),
    };
    let moved = people::move_person(&app, &cap, id, &m, scope).await?;
    Ok(Json(Moved { moved }))
}
