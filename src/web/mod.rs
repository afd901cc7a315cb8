//! The HTTP surfaces: the whole route table, server start-up, and the pieces every
//! handler shares (state, extractors, errors, security headers, CSRF).

pub mod api;
pub mod assets;
pub mod csrf;
pub mod error;
pub mod extract;
pub mod middleware;
pub mod stream;
pub mod ui;

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::routing::{get, post};
use axum::Router;

use crate::app::App;

/// What every handler gets: the opened application.
pub type AppState = Arc<App>;

/// The whole route table of the HTML surface, the API and the probes. Every route's
/// authorization is in its handler's extractors (`Session`, `ApiCaller`) and in the
/// capability its action requires; `tests/it/authz.rs` walks this table for every role.
pub fn router(app: AppState) -> Router {
    let ui = Router::new()
        .route("/", get(ui::dashboard::show))
        .route("/login", get(ui::login::form).post(ui::login::submit))
        .route("/logout", post(ui::login::logout))
        .route("/lang", post(ui::lang::switch))
        .route("/account", get(ui::account::show))
        .route("/account/personal", get(ui::account::personal))
        .route("/account/password", post(ui::account::change_password))
        .route(
            "/account/tokens",
            get(ui::tokens::list).post(ui::tokens::create),
        )
        .route("/account/tokens/{id}/revoke", post(ui::tokens::revoke))
        .route("/admin/users", get(ui::users::list).post(ui::users::create))
        .route("/admin/users/search", post(ui::users::search))
        .route("/admin/users/{id}", get(ui::users::show))
        .route(
            "/admin/users/{id}/personal",
            get(ui::users::personal).post(ui::users::update_personal),
        )
        .route("/admin/users/{id}/role", post(ui::users::set_role))
        .route("/admin/users/{id}/status", post(ui::users::set_status))
        .route(
            "/admin/users/{id}/password",
            post(ui::users::reset_password),
        )
        .route(
            "/admin/watchlist",
            get(ui::watchlist::list).post(ui::watchlist::add),
        )
        .route("/admin/watchlist/{id}", get(ui::watchlist::show))
        .route("/admin/watchlist/{id}/remove", post(ui::watchlist::remove))
        .route("/registry/matches", get(ui::matches::list))
        .route("/registry/matches/{id}", get(ui::matches::show))
        .route(
            "/registry/matches/{id}/personal",
            get(ui::matches::personal),
        )
        .route("/registry/matches/{id}/decide", post(ui::matches::decide))
        .route("/admin/audit", get(ui::audit::list))
        .route("/admin/audit/verify", get(ui::audit::verify))
        .route(
            "/registry/sites",
            get(ui::sites::list).post(ui::sites::create),
        )
        .route(
            "/registry/sites/{id}",
            get(ui::sites::show).post(ui::sites::update),
        )
        .route(
            "/registry/people",
            get(ui::people::list).post(ui::people::create),
        )
        .route("/registry/people/new", get(ui::people::new_form))
        .route("/registry/people/{id}", get(ui::people::show))
        .route("/registry/people/{id}/personal", get(ui::people::personal))
        .route("/registry/people/{id}/move", post(ui::people::move_person))
        .route("/registry/people/search", post(ui::people::search))
        .route(
            "/registry/people/{id}/household",
            post(ui::people::join_household),
        )
        .route(
            "/registry/convoys",
            get(ui::convoys::list).post(ui::convoy_forms::create),
        )
        .route(
            "/registry/convoys/{id}",
            get(ui::convoys::show).post(ui::convoy_forms::update),
        )
        .route(
            "/registry/convoys/{id}/people",
            post(ui::convoy_forms::add_people),
        )
        .route(
            "/registry/convoys/{id}/people/remove",
            post(ui::convoy_forms::remove_people),
        )
        .route(
            "/registry/convoys/{id}/manifest",
            post(ui::convoy_forms::add_line),
        )
        .route(
            "/registry/convoys/{id}/complete",
            post(ui::convoy_forms::complete),
        )
        .route(
            "/registry/convoys/{id}/missing",
            post(ui::convoy_forms::mark_missing),
        )
        .route(
            "/registry/manifest-lines/{id}",
            post(ui::convoy_forms::update_line),
        )
        .route(
            "/registry/manifest-lines/{id}/remove",
            post(ui::convoy_forms::remove_line),
        )
        // incidents
        .route(
            "/documentation/organisations",
            get(ui::sources::organisations).post(ui::sources::create_org),
        )
        .route(
            "/documentation/organisations/{id}",
            get(ui::sources::organisation),
        )
        .route(
            "/documentation/organisations/{id}/aliases",
            post(ui::sources::add_aliases),
        )
        .route(
            "/documentation/sources",
            get(ui::sources::sources).post(ui::sources::create_source),
        )
        .route("/documentation/sources/{id}", get(ui::sources::source))
        .route(
            "/documentation/incidents",
            get(ui::incidents::list).post(ui::incident_forms::create),
        )
        .route("/documentation/incidents/{id}", get(ui::incidents::show))
        .route(
            "/documentation/incidents/{id}/acts",
            post(ui::incident_forms::add_act),
        )
        .route(
            "/documentation/incidents/{id}/perpetrators",
            post(ui::incident_forms::add_perpetrator),
        )
        .route(
            "/documentation/incidents/{id}/claims",
            post(ui::incident_forms::add_claim),
        )
        .route(
            "/documentation/incidents/{id}/figures",
            post(ui::incident_forms::set_figure),
        )
        .route(
            "/documentation/incidents/{id}/verification",
            post(ui::incident_forms::set_verification),
        )
        .route(
            "/documentation/incidents/{id}/edit",
            post(ui::corrections::edit_incident),
        )
        .route(
            "/documentation/incidents/{id}/retract",
            post(ui::corrections::retract_incident),
        )
        .route(
            "/documentation/claims/{id}/retract",
            post(ui::corrections::retract_claim),
        )
        .route(
            "/documentation/sources/{id}/edit",
            post(ui::corrections::edit_source),
        )
        .route(
            "/documentation/sources/{id}/retract",
            post(ui::corrections::retract_source),
        )
        .route(
            "/documentation/organisations/{id}/edit",
            post(ui::corrections::edit_org),
        )
        .route("/documentation/timeline", get(ui::timeline::show))
        .route("/documentation/export", get(ui::timeline::export))
        // end incidents
        // evidence
        .route(
            "/documentation/evidence",
            get(ui::evidence::list).post(ui::evidence::upload).layer(
                axum::extract::DefaultBodyLimit::max(ui::evidence::MAX_UPLOAD),
            ),
        )
        .route("/documentation/evidence/{id}", get(ui::evidence::show))
        .route(
            "/documentation/evidence/{id}/download",
            post(ui::evidence::download),
        )
        .route(
            "/documentation/incidents/{id}/bundle",
            post(ui::bundle::make),
        )
        .route("/documentation/search", get(ui::search::show))
        // end evidence
        // commitments
        .route(
            "/documentation/agreements",
            get(ui::commitments::list).post(ui::commitment_forms::create),
        )
        .route(
            "/documentation/agreements/{id}",
            get(ui::commitments::agreement),
        )
        .route(
            "/documentation/agreements/{id}/commitments",
            post(ui::commitment_forms::add_commitment),
        )
        .route(
            "/documentation/commitments/{id}",
            get(ui::commitments::commitment),
        )
        .route(
            "/documentation/commitments/{id}/observations",
            post(ui::commitment_forms::add_observation),
        )
        .route(
            "/documentation/commitments-report",
            get(ui::commitments_report::page),
        )
        .route(
            "/documentation/commitments-report.csv",
            get(ui::commitments_report::csv),
        )
        .route(
            "/documentation/commitments-report.xlsx",
            get(ui::commitments_report::xlsx),
        )
        .route(
            "/reports/published",
            get(ui::published::list).post(ui::published::publish),
        )
        .route("/reports/published/{id}", get(ui::published::show))
        .route(
            "/reports/published/{id}/withdraw",
            post(ui::published::withdraw),
        )
        .route(
            "/documentation/visits",
            get(ui::visits::list).post(ui::visits::record),
        )
        .route("/documentation/visits/{id}", get(ui::visits::visit))
        // end commitments
        .route(
            "/registry/import",
            get(ui::import::form)
                .post(ui::import::upload)
                .layer(axum::extract::DefaultBodyLimit::max(ui::import::MAX_UPLOAD)),
        )
        .route(
            "/registry/import/template.csv",
            get(ui::import::template_csv),
        )
        .route(
            "/registry/import/template.xlsx",
            get(ui::import::template_xlsx),
        )
        .route("/registry/people/export.csv", get(ui::exports::people_csv))
        .route(
            "/registry/people/export.xlsx",
            get(ui::exports::people_xlsx),
        )
        .route("/registry/population.csv", get(ui::exports::population))
        .route(
            "/registry/exports",
            get(ui::exports::requests).post(ui::exports::create),
        )
        .route("/registry/exports/{id}/approve", post(ui::exports::approve))
        .route("/registry/exports/{id}/reject", post(ui::exports::reject))
        .route(
            "/registry/exports/{id}/download",
            post(ui::exports::download),
        )
        // resettlement
        .route("/resettlement", get(ui::resettlement::overview))
        .route("/resettlement/cases", post(ui::resettlement_forms::open))
        .route("/resettlement/cases/{id}", get(ui::resettlement::case))
        .route(
            "/resettlement/cases/{id}/step",
            post(ui::resettlement_forms::step),
        )
        .route(
            "/resettlement/offers",
            get(ui::resettlement::offers_list).post(ui::resettlement_forms::create_offer),
        )
        .route(
            "/resettlement/offers/{id}",
            get(ui::resettlement::offer).post(ui::resettlement_forms::update_offer),
        )
        .route(
            "/resettlement/pipeline",
            get(ui::resettlement_pipeline::pipeline_page),
        )
        .route(
            "/resettlement/forecast",
            get(ui::resettlement_pipeline::forecast_page),
        )
        .route(
            "/resettlement/priority",
            get(ui::resettlement_priority::priority_page),
        )
        .route(
            "/resettlement/cases.csv",
            get(ui::resettlement_exports::cases_csv),
        )
        .route(
            "/resettlement/cases.xlsx",
            get(ui::resettlement_exports::cases_xlsx),
        )
        .route(
            "/resettlement/resettled.csv",
            get(ui::resettlement_exports::resettled_csv),
        )
        .route(
            "/resettlement/allocation",
            get(ui::resettlement_allocation::page),
        )
        .route(
            "/resettlement/allocation/accept",
            post(ui::resettlement_allocation::accept),
        )
        .route(
            "/resettlement/allocation/reject",
            post(ui::resettlement_allocation::reject),
        );
    Router::new()
        .merge(ui)
        .nest("/api/v1", api::router())
        .route("/healthz", get(health))
        .route("/readyz", get(ready))
        .merge(assets::router())
        .fallback(ui::errors::not_found)
        .layer(axum::middleware::from_fn(ui::errors::render_errors))
        .layer(axum::middleware::from_fn(middleware::security_headers))
        .layer(axum::extract::DefaultBodyLimit::max(1024 * 1024))
        .with_state(app)
}

async fn health() -> &'static str {
    "ok"
}

async fn ready(
    axum::extract::State(app): axum::extract::State<AppState>,
) -> (axum::http::StatusCode, &'static str) {
    let ok = app.store.ping().await.is_ok()
        && app
            .store
            .migration_status()
            .await
            .map(|s| s.ok())
            .unwrap_or(false);
    if ok {
        (axum::http::StatusCode::OK, "ready")
    } else {
        (axum::http::StatusCode::SERVICE_UNAVAILABLE, "not ready")
    }
}

/// Binds, prints `vigil listening on http://ADDR`, and serves until Ctrl-C, with the
/// background duties: signing audit checkpoints and sweeping expired sessions.
pub async fn serve(
    app: App,
    bound: Option<tokio::sync::oneshot::Sender<SocketAddr>>,
) -> anyhow::Result<()> {
    let listener = tokio::net::TcpListener::bind(app.config.listen)
        .await
        .map_err(|e| anyhow::anyhow!("cannot listen on {}: {e}", app.config.listen))?;
    let addr = listener.local_addr()?;
    let app = Arc::new(app);
    crate::actions::documentation::upkeep::at_startup(&app).await;
    spawn_duties(app.clone());
    println!("vigil listening on http://{addr}");
    if let Some(tx) = bound {
        let _ = tx.send(addr);
    }
    let service = router(app.clone()).into_make_service_with_connect_info::<SocketAddr>();
    axum::serve(listener, service)
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await?;
    // A last checkpoint on the way out, so the file covers everything that happened.
    if let Err(e) = app.checkpoint_if_due(true).await {
        tracing::error!("final audit checkpoint failed: {e}");
    }
    app.store.close().await;
    Ok(())
}

fn spawn_duties(app: AppState) {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(Duration::from_secs(15));
        let mut n: u64 = 0;
        loop {
            tick.tick().await;
            if let Err(e) = app.checkpoint_if_due(false).await {
                tracing::error!("audit checkpoint failed: {e}");
            }
            n += 1;
            if n.is_multiple_of(20) {
                if let Err(e) = crate::actions::session::sweep_expired(&app).await {
                    tracing::warn!("session sweep failed: {e}");
                }
                let stale = crate::actions::documentation::upkeep::STALE;
                if let Err(e) = crate::actions::documentation::upkeep::sweep(&app, stale).await {
                    tracing::warn!("{e}");
                }
            }
        }
    });
}
