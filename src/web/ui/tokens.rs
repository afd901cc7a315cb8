//! The user's personal API tokens: list, create (shown once), revoke.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;

use super::page::{done, PageCtx, Ui};
use crate::actions::tokens::TokenInfo;
use crate::auth::capability::OwnAccount;
use crate::web::error::UiError;
use crate::web::extract::SignedInForm;
use crate::web::AppState;

#[derive(Template)]
#[template(path = "tokens.html")]
pub struct TokensTemplate {
    pub page: PageCtx,
    pub tokens: Vec<TokenInfo>,
    /// A token just created: the only time it is shown.
    pub created: Option<String>,
}

pub async fn list(ui: Ui) -> Result<Response, UiError> {
    let cap = ui.session.actor.grant::<OwnAccount>()?;
    let tokens = crate::actions::tokens::list_own(&ui.app, &cap).await?;
    ui.render(&TokensTemplate {
        page: ui.page("tokens-title", "/account"),
        tokens,
        created: None,
    })
}

#[derive(serde::Deserialize)]
pub struct CreateForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    days: String,
}

/// Creating a token answers with the page itself (not a redirect), so the token is
/// shown once and never travels in a URL or a cookie.
pub async fn create(ui: Ui, f: SignedInForm<CreateForm>) -> Result<Response, UiError> {
    let cap = f.session.actor.grant::<OwnAccount>()?;
    let back = UiError::back("/account/tokens");
    let days = match crate::i18n::normalize_digits(f.form.days.trim()).as_str() {
        "" => None,
        d => match d.parse::<i64>() {
            Ok(n) => Some(n),
            Err(_) => {
                return Err(back(crate::actions::ActionError::Invalid(
                    crate::domain::Invalid::new(
                        "days",
                        "invalid-token-days",
                        "must be a whole number of days",
                    ),
                )))
            }
        },
    };
    let (_, secret) = crate::actions::tokens::create(&ui.app, &cap, &f.form.name, days)
        .await
        .map_err(back)?;
    let tokens = crate::actions::tokens::list_own(&ui.app, &cap).await?;
    ui.render(&TokensTemplate {
        page: ui.page("tokens-title", "/account"),
        tokens,
        created: Some(secret),
    })
}

#[derive(serde::Deserialize)]
pub struct Empty {}

pub async fn revoke(
    State(app): State<AppState>,
    Path(id): Path<i64>,
    f: SignedInForm<Empty>,
) -> Result<Response, UiError> {
    let cap = f.session.actor.grant::<OwnAccount>()?;
    crate::actions::tokens::revoke_own(&app, &cap, id).await?;
    Ok(done("/account/tokens", "flash-token-revoked"))
}
