//! The JSON API under `/api/v1`: bearer-token authentication, RFC 9457 problems, and
//! the OpenAPI 3.1 document generated from the handlers' own types.

pub mod account;
pub mod audit;
pub mod convoys;
pub mod corrections;
pub mod exports;
// evidence
pub mod bundle;
pub mod evidence;
// incidents
pub mod incidents;
pub mod sources;
// commitments
pub mod commitments;
pub mod commitments_report;
pub mod published;
// end commitments
pub mod matching;
pub mod registry;
pub mod users;

// resettlement
pub mod resettlement;

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
        convoys::list,
        convoys::create,
        convoys::get,
        convoys::update,
        convoys::add_people,
        convoys::remove_people,
        convoys::add_line,
        convoys::update_line,
        convoys::delete_line,
        convoys::complete,
        convoys::mark_missing,
        exports::people,
        exports::population,
        matching::list,
        matching::get,
        matching::decide,
        matching::watch_list,
        matching::watch_add,
        matching::watch_get,
        matching::watch_remove,
        // incidents
        sources::list_orgs,
        sources::create_org,
        sources::get_org,
        sources::add_aliases,
        sources::list_sources,
        sources::create_source,
        sources::get_source,
        incidents::list,
        incidents::create,
        incidents::get,
        incidents::add_act,
        incidents::add_perpetrator,
        incidents::add_claim,
        incidents::set_figure,
        incidents::set_verification,
        incidents::timeline,
        incidents::export,
        corrections::edit_incident,
        corrections::retract_incident,
        corrections::retract_claim,
        corrections::edit_source,
        corrections::retract_source,
        corrections::edit_org,
        incidents::events_schema,
        // resettlement
        resettlement::list_cases,
        resettlement::open_case,
        resettlement::get_case,
        resettlement::record_step,
        resettlement::funnel,
        resettlement::list_offers,
        resettlement::create_offer,
        resettlement::get_offer,
        resettlement::update_offer,
        resettlement::pipeline_report,
        resettlement::forecast_report,
        resettlement::priority_list,
        resettlement::export_cases,
        resettlement::resettled,
        // evidence
        evidence::list,
        evidence::upload,
        evidence::get,
        evidence::content,
        evidence::search,
        bundle::make,
        // commitments
        commitments::list,
        commitments::create,
        commitments::get,
        commitments::add_commitment,
        commitments::get_commitment,
        commitments::add_observation,
        commitments::list_visits,
        commitments::record_visit,
        commitments_report::report,
        commitments_report::export,
        commitments_report::visit,
        published::list,
        published::get,
        published::create,
        published::withdraw,
        // end commitments
    ),
    components(schemas(super::error::Problem)),
    modifiers(&BearerAuth),
    security(("bearer" = [])),
    tags(
        (name = "account", description = "The caller's own account and tokens"),
        (name = "users", description = "Account administration (admin)"),
        (name = "audit", description = "The audit trail (admin)"),
        (name = "registry", description = "Sites, people and households"),
        (name = "matching", description = "Possible duplicates (registrar) and the watch list (admin)"),
        // incidents
        (name = "documentation", description = "Organisations, sources, claims and incidents (documenter)"),
        // resettlement
        (name = "resettlement", description = "Resettlement cases, country offers and the pipeline"),
        // commitments
        (name = "commitments", description = "Agreements, commitments with measurable terms, observations and computed status"),
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
        .route("/people/export", get(exports::people))
        .route("/population", get(exports::population))
        .route(
            "/people/{id}/move",
            axum::routing::post(registry::move_person),
        )
        .route("/convoys", get(convoys::list).post(convoys::create))
        .route("/convoys/{id}", get(convoys::get).put(convoys::update))
        .route(
            "/convoys/{id}/people",
            axum::routing::post(convoys::add_people),
        )
        .route(
            "/convoys/{id}/people/remove",
            axum::routing::post(convoys::remove_people),
        )
        .route(
            "/convoys/{id}/manifest",
            axum::routing::post(convoys::add_line),
        )
        .route(
            "/convoys/{id}/complete",
            axum::routing::post(convoys::complete),
        )
        .route(
            "/convoys/{id}/missing",
            axum::routing::post(convoys::mark_missing),
        )
        .route(
            "/manifest-lines/{id}",
            axum::routing::put(convoys::update_line).delete(convoys::delete_line),
        )
        .route("/matches", get(matching::list))
        .route("/matches/{id}", get(matching::get))
        .route(
            "/matches/{id}/decision",
            axum::routing::post(matching::decide),
        )
        .route(
            "/watchlist",
            get(matching::watch_list).post(matching::watch_add),
        )
        .route(
            "/watchlist/{id}",
            get(matching::watch_get).delete(matching::watch_remove),
        )
        // incidents
        .route(
            "/organisations",
            get(sources::list_orgs).post(sources::create_org),
        )
        .route(
            "/organisations/{id}",
            get(sources::get_org).put(corrections::edit_org),
        )
        .route(
            "/organisations/{id}/aliases",
            axum::routing::post(sources::add_aliases),
        )
        .route(
            "/sources",
            get(sources::list_sources).post(sources::create_source),
        )
        .route(
            "/sources/{id}",
            get(sources::get_source).put(corrections::edit_source),
        )
        .route(
            "/sources/{id}/retraction",
            axum::routing::post(corrections::retract_source),
        )
        .route(
            "/claims/{id}/retraction",
            axum::routing::post(corrections::retract_claim),
        )
        .route("/incidents", get(incidents::list).post(incidents::create))
        .route(
            "/incidents/{id}",
            get(incidents::get).put(corrections::edit_incident),
        )
        .route(
            "/incidents/{id}/retraction",
            axum::routing::post(corrections::retract_incident),
        )
        .route(
            "/incidents/{id}/acts",
            axum::routing::post(incidents::add_act),
        )
        .route(
            "/incidents/{id}/perpetrators",
            axum::routing::post(incidents::add_perpetrator),
        )
        .route(
            "/incidents/{id}/claims",
            axum::routing::post(incidents::add_claim),
        )
        .route(
            "/incidents/{id}/figures",
            axum::routing::post(incidents::set_figure),
        )
        .route(
            "/incidents/{id}/verification",
            axum::routing::post(incidents::set_verification),
        )
        .route("/timeline", get(incidents::timeline))
        .route("/exports/incidents", get(incidents::export))
        .route("/schemas/events.json", get(incidents::events_schema))
        // end incidents
        // resettlement
        .route(
            "/resettlement/cases",
            get(resettlement::list_cases).post(resettlement::open_case),
        )
        .route("/resettlement/cases/{id}", get(resettlement::get_case))
        .route(
            "/resettlement/cases/{id}/steps",
            axum::routing::post(resettlement::record_step),
        )
        .route("/resettlement/funnel", get(resettlement::funnel))
        .route("/resettlement/pipeline", get(resettlement::pipeline_report))
        .route("/resettlement/forecast", get(resettlement::forecast_report))
        .route("/resettlement/priority", get(resettlement::priority_list))
        .route(
            "/resettlement/cases/export",
            get(resettlement::export_cases),
        )
        .route("/resettlement/resettled", get(resettlement::resettled))
        .route(
            "/resettlement/offers",
            get(resettlement::list_offers).post(resettlement::create_offer),
        )
        .route(
            "/resettlement/offers/{id}",
            get(resettlement::get_offer).put(resettlement::update_offer),
        )
        // evidence
        .route(
            "/evidence",
            get(evidence::list)
                .post(evidence::upload)
                .layer(axum::extract::DefaultBodyLimit::max(
                    crate::web::ui::evidence::MAX_UPLOAD,
                )),
        )
        .route("/evidence/{id}", get(evidence::get))
        .route("/evidence/{id}/content", get(evidence::content))
        .route("/search", get(evidence::search))
        .route("/incidents/{id}/bundle", axum::routing::post(bundle::make))
        // end evidence
        // commitments
        .route(
            "/agreements",
            get(commitments::list).post(commitments::create),
        )
        .route("/agreements/{id}", get(commitments::get))
        .route(
            "/agreements/{id}/commitments",
            axum::routing::post(commitments::add_commitment),
        )
        .route("/commitments/{id}", get(commitments::get_commitment))
        .route(
            "/commitments/{id}/observations",
            axum::routing::post(commitments::add_observation),
        )
        .route(
            "/visits",
            get(commitments::list_visits).post(commitments::record_visit),
        )
        .route("/visits/{id}", get(commitments_report::visit))
        .route("/reports/commitments", get(commitments_report::report))
        .route(
            "/reports/published",
            get(published::list).post(published::create),
        )
        .route("/reports/published/{id}", get(published::get))
        .route(
            "/reports/published/{id}/withdraw",
            axum::routing::post(published::withdraw),
        )
        .route(
            "/reports/commitments/export",
            get(commitments_report::export),
        )
        // end commitments
        .fallback(not_found)
}
