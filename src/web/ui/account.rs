//! The signed-in user's own account: role, personal fields (an audited view),
//! changing the password.

use askama::Template;
use axum::response::Response;

use super::page::{PageCtx, Ui};
use crate::actions::users::Personal;
use crate::auth::capability::OwnAccount;
use crate::domain::{Invalid, Password};
use crate::web::error::UiError;
use crate::web::extract::SignedInForm;

#[derive(Template)]
#[template(path = "account.html")]
pub struct AccountTemplate {
    pub page: PageCtx,
    pub username: String,
    pub role: String,
    /// Shown only on `/account/personal`, whose every view is audited.
    pub personal: Option<Personal>,
}

fn cap(ui: &Ui) -> Result<crate::auth::Cap<OwnAccount>, UiError> {
    ui.session
        .actor
        .grant::<OwnAccount>()
        .map_err(UiError::from)
}

pub async fn show(ui: Ui) -> Result<Response, UiError> {
    cap(&ui)?;
    let t = AccountTemplate {
        page: ui.page("account-title", "/account"),
        username: ui.session.actor.username.clone(),
        role: ui.tr().t(ui.session.actor.role.message_id()),
        personal: None,
    };
    ui.render(&t)
}

pub async fn personal(ui: Ui) -> Result<Response, UiError> {
    let cap = cap(&ui)?;
    let personal = crate::actions::users::view_own_personal(&ui.app, &cap).await?;
    let t = AccountTemplate {
        page: ui.page("account-title", "/account"),
        username: ui.session.actor.username.clone(),
        role: ui.tr().t(ui.session.actor.role.message_id()),
        personal: Some(personal),
    };
    ui.render(&t)
}

#[derive(serde::Deserialize)]
pub struct PasswordForm {
    #[serde(default)]
    current: String,
    #[serde(default)]
    new: String,
    #[serde(default)]
    confirm: String,
}

/// Changing the password ends every session, this one too: sign in again.
pub async fn change_password(
    axum::extract::State(app): axum::extract::State<crate::web::AppState>,
    f: SignedInForm<PasswordForm>,
) -> Result<Response, UiError> {
    let back = UiError::back("/account");
    if f.form.new != f.form.confirm {
        return Err(back(crate::actions::ActionError::Invalid(Invalid::new(
            "confirm",
            "invalid-password-mismatch",
            "the two new passwords differ",
        ))));
    }
    let cap = f.session.actor.grant::<OwnAccount>()?;
    let new = match Password::parse(&f.form.new) {
        Ok(p) => p,
        Err(i) => return Err(back(i.into())),
    };
    crate::actions::users::change_own_password(
        &app,
        &cap,
        &Password::attempt(&f.form.current),
        new,
    )
    .await
    .map_err(back)?;
    Ok(super::page::done("/login", "flash-password-changed"))
}
