//! Account actions: create, change role, disable, reset or change a password, edit
//! and view an account's personal fields, find accounts by name.

use serde_json::json;

use super::{audit, ActionError, Event, Result};
use crate::app::App;
use crate::auth::capability::{Cap, ManageUsers, OwnAccount};
use crate::auth::password;
use crate::domain::{DisplayName, Password, Role, Username};
use crate::store::{self, users::UserRow, Conn};

/// What every admin may see of an account: no personal data.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct UserSummary {
    pub user_id: i64,
    pub username: String,
    #[schema(value_type = String, example = "analyst")]
    pub role: Role,
    pub disabled: bool,
    pub lang: String,
    /// Epoch milliseconds.
    pub created_at: i64,
    pub updated_at: i64,
    /// Whether personal fields are on file (their values need an audited view).
    pub has_personal_data: bool,
}

impl UserSummary {
    pub fn from_row(r: &UserRow) -> Self {
        UserSummary {
            user_id: r.user_id,
            username: r.username.clone(),
            role: r.role.parse().unwrap_or(Role::Observer),
            disabled: r.disabled != 0,
            lang: r.lang.clone(),
            created_at: r.created_at,
            updated_at: r.updated_at,
            has_personal_data: r.full_name.is_some() || r.contact.is_some(),
        }
    }
}

/// An account's personal fields, decrypted. Obtaining one writes an audit entry.
#[derive(Clone, serde::Serialize, utoipa::ToSchema)]
pub struct Personal {
    pub full_name: Option<String>,
    pub contact: Option<String>,
}

impl std::fmt::Debug for Personal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Personal(<redacted>)")
    }
}

pub struct NewUser {
    pub username: Username,
    pub role: Role,
    /// None: vigil generates one and returns it, to be handed over once.
    pub password: Option<Password>,
    pub full_name: Option<DisplayName>,
    pub contact: Option<DisplayName>,
}

/// The key of a name in the blind index: case, spacing and Persian/Arabic digit forms
/// folded, so that the same name typed twice meets itself.
pub fn name_key(s: &str) -> String {
    crate::i18n::normalize_digits(s)
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// A random password for a new account: 20 URL-safe characters (120 bits).
pub fn generate_password() -> String {
    crate::crypto::random_token(15)
}

pub async fn create(
    app: &App,
    cap: &Cap<ManageUsers>,
    new: NewUser,
) -> Result<(i64, Option<String>)> {
    let (password, generated) = match new.password {
        Some(p) => (p, None),
        None => {
            let g = generate_password();
            (Password::parse(&g)?, Some(g))
        }
    };
    let hash = password::hash(&password).await?;
    let now = app.now();
    let mut tx = app.store.write().await?;
    let id = store::users::insert(
        &mut tx,
        new.username.as_str(),
        new.role.as_str(),
        &hash,
        now,
    )
    .await?;
    write_personal(
        &mut tx,
        app,
        id,
        new.full_name.as_ref(),
        new.contact.as_ref(),
        now,
    )
    .await?;
    audit(
        &mut tx,
        app,
        cap.actor(),
        Event {
            action: "user.create",
            object_type: "user",
            object_id: id.to_string(),
            summary: format!("username={} role={}", new.username, new.role),
            details: json!({
                "username": new.username.as_str(),
                "role": new.role.as_str(),
                "full_name": new.full_name.as_ref().map(DisplayName::expose),
                "contact": new.contact.as_ref().map(DisplayName::expose),
            }),
        },
    )
    .await?;
    tx.commit().await?;
    Ok((id, generated))
}

async fn write_personal(
    c: &mut Conn,
    app: &App,
    id: i64,
    full_name: Option<&DisplayName>,
    contact: Option<&DisplayName>,
    now: i64,
) -> Result<()> {
    let sealed_name = full_name.map(|n| app.keys.seal("users", "full_name", id, n.expose()));
    let sealed_contact = contact.map(|n| app.keys.seal("users", "contact", id, n.expose()));
    let index = full_name.map(|n| app.keys.blind_index("user-name", &name_key(n.expose())));
    store::users::set_personal(c, id, sealed_name, sealed_contact, index, now).await?;
    Ok(())
}

pub async fn list(app: &App, _cap: &Cap<ManageUsers>) -> Result<Vec<UserSummary>> {
    let mut c = app.store.read().await?;
    let rows = store::users::list(&mut c).await?;
    Ok(rows.iter().map(UserSummary::from_row).collect())
}

pub async fn get(app: &App, _cap: &Cap<ManageUsers>, user_id: i64) -> Result<UserSummary> {
    let mut c = app.store.read().await?;
    let row = store::users::get(&mut c, user_id)
        .await?
        .ok_or(ActionError::NotFound)?;
    Ok(UserSummary::from_row(&row))
}

/// Decrypts an account's personal fields, auditing the view in the same transaction:
/// if the audit entry cannot be written, nothing is shown.
pub async fn view_personal(app: &App, cap: &Cap<ManageUsers>, user_id: i64) -> Result<Personal> {
    view_personal_as(app, cap.actor(), user_id).await
}

/// The account holder's own view of their personal fields (audited too).
pub async fn view_own_personal(app: &App, cap: &Cap<OwnAccount>) -> Result<Personal> {
    view_personal_as(app, cap.actor(), cap.actor().user_id).await
}

async fn view_personal_as(app: &App, actor: &crate::auth::Actor, user_id: i64) -> Result<Personal> {
    let mut tx = app.store.write().await?;
    let row = store::users::get(&mut tx, user_id)
        .await?
        .ok_or(ActionError::NotFound)?;
    let open = |col: &str, v: &Option<Vec<u8>>| -> Result<Option<String>> {
        v.as_ref()
            .map(|b| app.keys.open("users", col, user_id, b))
            .transpose()
            .map_err(ActionError::from)
    };
    let personal = Personal {
        full_name: open("full_name", &row.full_name)?,
        contact: open("contact", &row.contact)?,
    };
    audit(
        &mut tx,
        app,
        actor,
        Event {
            action: "user.view_personal",
            object_type: "user",
            object_id: user_id.to_string(),
            summary: "fields: full_name, contact".into(),
            details: serde_json::Value::Null,
        },
    )
    .await?;
    tx.commit().await?;
    Ok(personal)
}

pub async fn update_personal(
    app: &App,
    cap: &Cap<ManageUsers>,
    user_id: i64,
    full_name: Option<DisplayName>,
    contact: Option<DisplayName>,
) -> Result<()> {
    let now = app.now();
    let mut tx = app.store.write().await?;
    store::users::get(&mut tx, user_id)
        .await?
        .ok_or(ActionError::NotFound)?;
    write_personal(
        &mut tx,
        app,
        user_id,
        full_name.as_ref(),
        contact.as_ref(),
        now,
    )
    .await?;
    audit(
        &mut tx,
        app,
        cap.actor(),
        Event {
            action: "user.update_personal",
            object_type: "user",
            object_id: user_id.to_string(),
            summary: "fields: full_name, contact".into(),
            details: json!({
                "full_name": full_name.as_ref().map(DisplayName::expose),
                "contact": contact.as_ref().map(DisplayName::expose),
            }),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Accounts whose full name matches `name` exactly (after folding), through the blind
/// index: the database never sees the name. The search is audited, without the name.
pub async fn find_by_name(
    app: &App,
    cap: &Cap<ManageUsers>,
    name: &str,
) -> Result<Vec<UserSummary>> {
    let key = app.keys.blind_index("user-name", &name_key(name));
    let mut tx = app.store.write().await?;
    let ids = store::users::ids_by_name_index(&mut tx, &key).await?;
    let mut out = Vec::with_capacity(ids.len());
    for id in &ids {
        if let Some(r) = store::users::get(&mut tx, *id).await? {
            out.push(UserSummary::from_row(&r));
        }
    }
    audit(
        &mut tx,
        app,
        cap.actor(),
        Event {
            action: "user.search_by_name",
            object_type: "user",
            object_id: "*".into(),
            summary: format!("{} match(es)", out.len()),
            details: json!({ "name": name }),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(out)
}

/// Refuses a change that would leave no active admin: nobody could manage accounts.
async fn keep_an_admin(c: &mut Conn, target: &UserRow) -> Result<()> {
    if target.role == Role::Admin.as_str()
        && target.disabled == 0
        && store::users::count_active_admins(c).await? <= 1
    {
        return Err(ActionError::Refused(
            "this is the last active admin account",
        ));
    }
    Ok(())
}

/// Ends every session of an account; its sign-in state must follow its rights.
async fn end_sessions(c: &mut Conn, user_id: i64) -> Result<u64> {
    Ok(store::sessions::delete_for_user(c, user_id).await?)
}

pub async fn set_role(app: &App, cap: &Cap<ManageUsers>, user_id: i64, role: Role) -> Result<()> {
    let now = app.now();
    let mut tx = app.store.write().await?;
    let row = store::users::get(&mut tx, user_id)
        .await?
        .ok_or(ActionError::NotFound)?;
    if row.role == role.as_str() {
        return Ok(());
    }
    keep_an_admin(&mut tx, &row).await?;
    store::users::set_role(&mut tx, user_id, role.as_str(), now).await?;
    let ended = end_sessions(&mut tx, user_id).await?;
    audit(
        &mut tx,
        app,
        cap.actor(),
        Event {
            action: "user.set_role",
            object_type: "user",
            object_id: user_id.to_string(),
            summary: format!("role {} → {role}; {ended} session(s) ended", row.role),
            details: json!({ "from": row.role, "to": role.as_str() }),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

pub async fn set_disabled(
    app: &App,
    cap: &Cap<ManageUsers>,
    user_id: i64,
    disabled: bool,
) -> Result<()> {
    let now = app.now();
    let mut tx = app.store.write().await?;
    let row = store::users::get(&mut tx, user_id)
        .await?
        .ok_or(ActionError::NotFound)?;
    if (row.disabled != 0) == disabled {
        return Ok(());
    }
    if disabled {
        keep_an_admin(&mut tx, &row).await?;
    }
    store::users::set_disabled(&mut tx, user_id, disabled, now).await?;
    let ended = end_sessions(&mut tx, user_id).await?;
    audit(
        &mut tx,
        app,
        cap.actor(),
        Event {
            action: if disabled {
                "user.disable"
            } else {
                "user.enable"
            },
            object_type: "user",
            object_id: user_id.to_string(),
            summary: format!("{ended} session(s) ended"),
            details: serde_json::Value::Null,
        },
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// An admin sets a new password (or has one generated and returned).
pub async fn reset_password(
    app: &App,
    cap: &Cap<ManageUsers>,
    user_id: i64,
    new: Option<Password>,
) -> Result<Option<String>> {
    let (password, generated) = match new {
        Some(p) => (p, None),
        None => {
            let g = generate_password();
            (Password::parse(&g)?, Some(g))
        }
    };
    let hash = password::hash(&password).await?;
    let now = app.now();
    let mut tx = app.store.write().await?;
    store::users::get(&mut tx, user_id)
        .await?
        .ok_or(ActionError::NotFound)?;
    store::users::set_password_hash(&mut tx, user_id, &hash, now).await?;
    let ended = end_sessions(&mut tx, user_id).await?;
    audit(
        &mut tx,
        app,
        cap.actor(),
        Event {
            action: "user.reset_password",
            object_type: "user",
            object_id: user_id.to_string(),
            summary: format!("{ended} session(s) ended"),
            details: serde_json::Value::Null,
        },
    )
    .await?;
    tx.commit().await?;
    Ok(generated)
}

/// The account holder changes their own password, proving the current one. Every
/// session of the account ends, this one included: the caller signs in again.
pub async fn change_own_password(
    app: &App,
    cap: &Cap<OwnAccount>,
    current: &Password,
    new: Password,
) -> Result<()> {
    let user_id = cap.actor().user_id;
    let stored = {
        let mut c = app.store.read().await?;
        store::users::get(&mut c, user_id)
            .await?
            .ok_or(ActionError::NotFound)?
    };
    if !password::verify(current, Some(stored.password_hash)).await? {
        return Err(ActionError::Invalid(crate::domain::Invalid::new(
            "current_password",
            "invalid-current-password",
            "is not your current password",
        )));
    }
    let hash = password::hash(&new).await?;
    let now = app.now();
    let mut tx = app.store.write().await?;
    store::users::set_password_hash(&mut tx, user_id, &hash, now).await?;
    let ended = end_sessions(&mut tx, user_id).await?;
    audit(
        &mut tx,
        app,
        cap.actor(),
        Event {
            action: "user.change_password",
            object_type: "user",
            object_id: user_id.to_string(),
            summary: format!("{ended} session(s) ended"),
            details: serde_json::Value::Null,
        },
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

pub async fn set_own_language(
    app: &App,
    cap: &Cap<OwnAccount>,
    lang: crate::i18n::Lang,
) -> Result<()> {
    let mut tx = app.store.write().await?;
    store::users::set_lang(&mut tx, cap.actor().user_id, lang.code()).await?;
    audit(
        &mut tx,
        app,
        cap.actor(),
        Event {
            action: "user.set_language",
            object_type: "user",
            object_id: cap.actor().user_id.to_string(),
            summary: format!("language={}", lang.code()),
            details: serde_json::Value::Null,
        },
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
