//! The JSON API under `/api/v1`: bearer-token authentication, RFC 9457 problems, and
//! the OpenAPI 3.1 document generated from the handlers' own types.

pub mod account;
pub mod audit;
pub mod registry;
pub mod users;

use axum::routing::get;
use axum::Router;
use utoipa::OpenApi;

use super::error::ApiError;
use super::AppState;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "vigil API",
        description = "A protection-monitoring record for displaced people at risk. \
                       Authenticate with a personal API token: `Authorization: Bearer vgl_…` \
                       (create one on the account page). A token acts with its owner's role.",
        license(name = "AGPL-3.0-or-later")
    ),
    paths(
        account::me,
        account::dashboard,
        account::tokens,
        account::create_token,
        account::revoke_token,
        users::list,
        users::create,
        users::get,
        users::update,
        users::personal,
        users::update_personal,
        audit::list,
        audit::verify,
        registry::list_sites,
        registry::create_site,
        registry::get_site,
        registry::update_site,
        registry::population,
        registry::list_people,
        registry::register,
        registry::get_person,
        registry::update_person,
        registry::personal,
        registry::move_person,
    ),
    components(schemas(super::error::Problem)),
    modifiers(&BearerAuth),
    security(("bearer" = [])),
    tags(
        (name = "account", description = "The caller's own account and tokens"),
        (name = "users", description = "Account administration (admin)"),
        (name = "audit", description = "The audit trail (admin)"),
        (name = "registry", description = "Sites, people and households"),
    )
)]
pub struct ApiDoc;

struct BearerAuth;

impl utoipa::Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

/// The OpenAPI document as pretty JSON (served, and printed by `vigil openapi`).
pub fn openapi_json() -> String {
    ApiDoc::openapi().to_pretty_json().unwrap_or_default()
}

async fn openapi() -> impl axum::response::IntoResponse {
    (
        [(axum::http::header::CONTENT_TYPE, "application/json")],
        openapi_json(),
    )
}

async fn not_found() -> ApiError {
    ApiError::not_found()
}

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/openapi.json", get(openapi))
        .route("/me", get(account::me))
        .route("/dashboard", get(account::dashboard))
        .route("/tokens", get(account::tokens).post(account::create_token))
        .route("/tokens/{id}", axum::routing::delete(account::revoke_token))
        .route("/users", get(users::list).post(users::create))
        .route("/users/{id}", get(users::get).patch(users::update))
        .route(
            "/users/{id}/personal",
            get(users::personal).put(users::update_personal),
        )
        .route("/audit", get(audit::list))
        .route("/audit/verify", get(audit::verify))
        .route(
            "/sites",
            get(registry::list_sites).post(registry::create_site),
        )
        .route(
            "/sites/{id}",
            get(registry::get_site).put(registry::update_site),
        )
        .route("/sites/{id}/population", get(registry::population))
        .route(
            "/people",
            get(registry::list_people).post(registry::register),
        )
        .route(
            "/people/{id}",
            get(registry::get_person).put(registry::update_person),
        )
        .route("/people/{id}/personal", get(registry::personal))
        .route(
            "/people/{id}/move",
            axum::routing::post(registry::move_person),
        )
        .fallback(not_found)
}
