//! The court bundle of an incident over the API: the documenter names the recipient's
//! age key and receives the encrypted archive as a stream (layout and verification:
//! docs/evidence.md).

use axum::extract::{Path, State};
use axum::response::Response;
use axum::Json;

use crate::actions::documentation::bundle;
use crate::auth::capability::WriteDocumentation;
use crate::domain::export::Recipient;
use crate::web::error::{ApiError, JsonBody, Problem};
use crate::web::extract::ApiCaller;
use crate::web::AppState;

#[derive(Debug, serde::Deserialize, utoipa::ToSchema)]
pub struct BundleBody {
    /// The recipient's age public key (age1…, from age-keygen).
    pub recipient: String,
}

/// The incident's court bundle: a tar of its evidence files, manifests, custody log,
/// incident record, trail segment and signed checkpoint, encrypted to `recipient`
/// (binary age format). Making it is audited (a custody entry per file).
#[utoipa::path(post, path = "/api/v1/incidents/{id}/bundle", tag = "documentation", operation_id = "incident_bundle",
    params(("id" = i64, Path)), request_body = BundleBody,
    responses((status = 200, content_type = "application/octet-stream", body = Vec<u8>), (status = 401, body = Problem),
              (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn make(
    State(app): State<AppState>,
    ApiCaller(a): ApiCaller,
    Path(id): Path<i64>,
    body: JsonBody<BundleBody>,
) -> Result<Response, ApiError> {
    let cap = a.grant::<WriteDocumentation>()?;
    let Json(b) = body?;
    let recipient = Recipient::parse(&b.recipient)?;
    let plan = bundle::prepare(&app, &cap, id, &recipient).await?;
    let name = plan.file_name();
    let (tx, body) = crate::web::stream::channel();
    tokio::spawn(async move { bundle::stream(&app, plan, tx).await });
    Ok(crate::web::ui::exports::attachment(
        "application/octet-stream",
        &name,
        body,
    ))
}
