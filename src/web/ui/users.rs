//! Account administration: list, create, change role, disable, reset a password,
//! edit and (audited) view personal fields, find accounts by name.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;

use super::page::{done, PageCtx, Ui};
use crate::actions::users::{NewUser, Personal, UserSummary};
use crate::auth::capability::ManageUsers;
use crate::auth::Cap;
use crate::domain::{DisplayName, Password, Role, Username};
use crate::web::error::UiError;
use crate::web::extract::{Session, SignedInForm};
use crate::web::AppState;

pub struct RoleOption {
    pub value: &'static str,
    pub label: String,
    pub selected: bool,
}

#[derive(Template)]
#[template(path = "users.html")]
pub struct UsersTemplate {
    pub page: PageCtx,
    pub users: Vec<UserSummary>,
    pub roles: Vec<RoleOption>,
    /// Accounts found by a name search (None when no search was made).
    pub found: Option<Vec<UserSummary>>,
    /// A password generated for a new account, shown once.
    pub created: Option<(String, String)>,
}

#[derive(Template)]
#[template(path = "user.html")]
pub struct UserTemplate {
    pub page: PageCtx,
    pub user: UserSummary,
    pub role_label: String,
    pub roles: Vec<RoleOption>,
    pub personal: Option<Personal>,
    pub new_password: Option<String>,
}

fn cap(s: &Session) -> Result<Cap<ManageUsers>, UiError> {
    s.actor.grant::<ManageUsers>().map_err(UiError::from)
}

fn role_options(ui: &Ui, selected: Option<Role>) -> Vec<RoleOption> {
    Role::ALL
        .iter()
        .map(|r| RoleOption {
            value: r.as_str(),
            label: ui.tr().t(r.message_id()),
            selected: Some(*r) == selected,
        })
        .collect()
}

pub async fn list(ui: Ui) -> Result<Response, UiError> {
    let cap = cap(&ui.session)?;
    let users = crate::actions::users::list(&ui.app, &cap).await?;
    ui.render(&UsersTemplate {
        page: ui.page("users-title", "/admin/users"),
        users,
        roles: role_options(&ui, Some(Role::Analyst)),
        found: None,
        created: None,
    })
}

#[derive(serde::Deserialize)]
pub struct CreateForm {
    #[serde(default)]
    username: String,
    #[serde(default)]
    role: String,
    #[serde(default)]
    full_name: String,
    #[serde(default)]
    contact: String,
}

fn parse_new(f: &CreateForm) -> Result<NewUser, crate::domain::Invalid> {
    Ok(NewUser {
        username: Username::parse(&f.username)?,
        role: f.role.parse()?,
        password: None,
        full_name: DisplayName::parse("full_name", &f.full_name)?,
        contact: DisplayName::parse("contact", &f.contact)?,
    })
}

/// Creates an account with a generated password, shown once on the answering page.
pub async fn create(ui: Ui, f: SignedInForm<CreateForm>) -> Result<Response, UiError> {
    let cap = cap(&f.session)?;
    let back = UiError::back("/admin/users");
    let new = parse_new(&f.form).map_err(|i| back(i.into()))?;
    let username = new.username.to_string();
    let (_, generated) = crate::actions::users::create(&ui.app, &cap, new)
        .await
        .map_err(UiError::back("/admin/users"))?;
    let users = crate::actions::users::list(&ui.app, &cap).await?;
    ui.render(&UsersTemplate {
        page: ui.page("users-title", "/admin/users"),
        users,
        roles: role_options(&ui, Some(Role::Analyst)),
        found: None,
        created: generated.map(|p| (username, p)),
    })
}

#[derive(serde::Deserialize)]
pub struct SearchForm {
    #[serde(default)]
    name: String,
}

/// Name search is a POST, so the name never appears in a URL, a log or history.
pub async fn search(ui: Ui, f: SignedInForm<SearchForm>) -> Result<Response, UiError> {
    let cap = cap(&f.session)?;
    let found = crate::actions::users::find_by_name(&ui.app, &cap, &f.form.name).await?;
    let users = crate::actions::users::list(&ui.app, &cap).await?;
    ui.render(&UsersTemplate {
        page: ui.page("users-title", "/admin/users"),
        users,
        roles: role_options(&ui, Some(Role::Analyst)),
        found: Some(found),
        created: None,
    })
}

async fn user_page(
    ui: &Ui,
    id: i64,
    personal: Option<Personal>,
    new_password: Option<String>,
) -> Result<Response, UiError> {
    let cap = cap(&ui.session)?;
    let user = crate::actions::users::get(&ui.app, &cap, id).await?;
    let t = UserTemplate {
        page: ui.page("user-title", "/admin/users"),
        role_label: ui.tr().t(user.role.message_id()),
        roles: role_options(ui, Some(user.role)),
        user,
        personal,
        new_password,
    };
    ui.render(&t)
}

pub async fn show(ui: Ui, Path(id): Path<i64>) -> Result<Response, UiError> {
    user_page(&ui, id, None, None).await
}

/// The audited view of an account's personal fields.
pub async fn personal(ui: Ui, Path(id): Path<i64>) -> Result<Response, UiError> {
    let cap = cap(&ui.session)?;
    let p = crate::actions::users::view_personal(&ui.app, &cap, id).await?;
    user_page(&ui, id, Some(p), None).await
}

#[derive(serde::Deserialize)]
pub struct PersonalForm {
    #[serde(default)]
    full_name: String,
    #[serde(default)]
    contact: String,
}

pub async fn update_personal(
    State(app): State<AppState>,
    Path(id): Path<i64>,
    f: SignedInForm<PersonalForm>,
) -> Result<Response, UiError> {
    let cap = cap(&f.session)?;
    let to = format!("/admin/users/{id}");
    let back = UiError::back(to.clone());
    let parsed = DisplayName::parse("full_name", &f.form.full_name)
        .and_then(|n| Ok((n, DisplayName::parse("contact", &f.form.contact)?)));
    let (name, contact) = parsed.map_err(|i| back(i.into()))?;
    crate::actions::users::update_personal(&app, &cap, id, name, contact)
        .await
        .map_err(UiError::back(to.clone()))?;
    Ok(done(&to, "flash-saved"))
}

#[derive(serde::Deserialize)]
pub struct RoleForm {
    #[serde(default)]
    role: String,
}

pub async fn set_role(
    State(app): State<AppState>,
    Path(id): Path<i64>,
    f: SignedInForm<RoleForm>,
) -> Result<Response, UiError> {
    let cap = cap(&f.session)?;
    let to = format!("/admin/users/{id}");
    let role: Role = f
        .form
        .role
        .parse()
        .map_err(|i: crate::domain::Invalid| UiError::back(to.clone())(i.into()))?;
    crate::actions::users::set_role(&app, &cap, id, role)
        .await
        .map_err(UiError::back(to.clone()))?;
    Ok(done(&to, "flash-saved"))
}

#[derive(serde::Deserialize)]
pub struct StatusForm {
    #[serde(default)]
    disabled: String,
}

pub async fn set_status(
    State(app): State<AppState>,
    Path(id): Path<i64>,
    f: SignedInForm<StatusForm>,
) -> Result<Response, UiError> {
    let cap = cap(&f.session)?;
    let to = format!("/admin/users/{id}");
    let disabled = f.form.disabled == "1";
    crate::actions::users::set_disabled(&app, &cap, id, disabled)
        .await
        .map_err(UiError::back(to.clone()))?;
    Ok(done(&to, "flash-saved"))
}

#[derive(serde::Deserialize)]
pub struct PasswordForm {
    #[serde(default)]
    password: String,
}

/// Sets the typed password, or generates one (shown once) when the field is empty.
pub async fn reset_password(
    ui: Ui,
    Path(id): Path<i64>,
    f: SignedInForm<PasswordForm>,
) -> Result<Response, UiError> {
    let cap = cap(&f.session)?;
    let to = format!("/admin/users/{id}");
    let new = match f.form.password.as_str() {
        "" => None,
        p => Some(Password::parse(p).map_err(|i| UiError::back(to.clone())(i.into()))?),
    };
    let generated = crate::actions::users::reset_password(&ui.app, &cap, id, new)
        .await
        .map_err(UiError::back(to.clone()))?;
    match generated {
        Some(p) => user_page(&ui, id, None, Some(p)).await,
        None => Ok(done(&to, "flash-password-reset")),
    }
}
