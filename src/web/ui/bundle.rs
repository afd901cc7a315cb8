//! The court bundle from the incident's page: the documenter gives the recipient's age
//! key and the browser downloads the encrypted archive as it is made. A bad key or an
//! incident without evidence goes back to the page with the reason.

use axum::extract::{Path, State};
use axum::response::Response;

use crate::actions::documentation::bundle;
use crate::auth::capability::WriteDocumentation;
use crate::domain::export::Recipient;
use crate::web::error::UiError;
use crate::web::extract::SignedInForm;
use crate::web::AppState;

#[derive(serde::Deserialize)]
pub struct BundleForm {
    #[serde(default)]
    recipient: String,
}

pub async fn make(
    State(app): State<AppState>,
    Path(id): Path<i64>,
    f: SignedInForm<BundleForm>,
) -> Result<Response, UiError> {
    let cap = f.session.actor.grant::<WriteDocumentation>()?;
    let back = || UiError::back(format!("/documentation/incidents/{id}"));
    let recipient = Recipient::parse(&f.form.recipient).map_err(|i| back()(i.into()))?;
    let plan = bundle::prepare(&app, &cap, id, &recipient)
        .await
        .map_err(back())?;
    let name = plan.file_name();
    let (tx, body) = crate::web::stream::channel();
    tokio::spawn(async move { bundle::stream(&app, plan, tx).await });
    Ok(super::exports::attachment(
        "application/octet-stream",
        &name,
        body,
    ))
}
