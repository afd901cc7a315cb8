//! Signing in and out, and recognising the caller of a request by session cookie or
//! API token.

use serde_json::json;

use super::{audit, Event, Result};
use crate::app::App;
use crate::auth::{password, session, Actor};
use crate::crypto::{random_token, token_hash};
use crate::domain::{Password, Role};
use crate::store;

/// A new session: the token for the cookie (shown once) and its CSRF token.
pub struct SignedIn {
    pub token: String,
    pub csrf: String,
    pub actor: Actor,
    pub lang: String,
}

/// Why sign-in failed. The web layer answers every variant with the same message.
#[derive(Debug, PartialEq, Eq)]
pub enum LoginFailure {
    Throttled,
    BadCredentials,
}

/// Checks credentials and opens a session. The previous session (if the browser had
/// one) is ended, so a session token fixed before sign-in is useless after it.
pub async fn login(
    app: &App,
    username: &str,
    password_text: &str,
    address: &str,
    previous_token: Option<&str>,
) -> Result<std::result::Result<SignedIn, LoginFailure>> {
    let now = app.now();
    let name = username.trim().to_lowercase();
    if !app.throttle.allowed(&name, address, now) {
        return Ok(Err(LoginFailure::Throttled));
    }
    let row = {
        let mut c = app.store.read().await?;
        store::users::by_username(&mut c, &name).await?
    };
    let attempt = Password::attempt(password_text);
    let ok = password::verify(&attempt, row.as_ref().map(|r| r.password_hash.clone())).await?;
    let row = match row {
        Some(r) if ok && r.disabled == 0 => r,
        other => {
            app.throttle.failed(&name, address, now);
            if let Some(r) = other {
                // Failures against a real account are worth a trail entry; failures
                // against made-up names would only let anyone grow the trail.
                let mut tx = app.store.write().await?;
                // The actor is whoever typed the password: unknown, not the account.
                let anonymous = Actor {
                    user_id: 0,
                    username: "anonymous".into(),
                    role: Role::Observer,
                };
                audit(
                    &mut tx,
                    app,
                    &anonymous,
                    Event {
                        action: "auth.login_failed",
                        object_type: "user",
                        object_id: r.user_id.to_string(),
                        summary: if r.disabled != 0 {
                            "account disabled".into()
                        } else {
                            "wrong password".into()
                        },
                        details: json!({ "address": address }),
                    },
                )
                .await?;
                tx.commit().await?;
            }
            return Ok(Err(LoginFailure::BadCredentials));
        }
    };
    app.throttle.succeeded(&name);
    let actor = actor_of(&row);
    let token = random_token(session::TOKEN_BYTES);
    let csrf = random_token(32);
    let mut tx = app.store.write().await?;
    if let Some(prev) = previous_token {
        store::sessions::delete(&mut tx, &token_hash(prev)).await?;
    }
    store::sessions::insert(&mut tx, &token_hash(&token), row.user_id, &csrf, now).await?;
    audit(
        &mut tx,
        app,
        &actor,
        Event {
            action: "auth.login",
            object_type: "user",
            object_id: row.user_id.to_string(),
            summary: "session opened".into(),
            details: json!({ "address": address }),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(Ok(SignedIn {
        token,
        csrf,
        actor,
        lang: row.lang,
    }))
}

fn actor_of(r: &store::users::UserRow) -> Actor {
    Actor {
        user_id: r.user_id,
        username: r.username.clone(),
        role: r.role.parse().unwrap_or(Role::Observer),
    }
}

pub async fn logout(app: &App, actor: &Actor, token: &str) -> Result<()> {
    let mut tx = app.store.write().await?;
    store::sessions::delete(&mut tx, &token_hash(token)).await?;
    audit(
        &mut tx,
        app,
        actor,
        Event {
            action: "auth.logout",
            object_type: "user",
            object_id: actor.user_id.to_string(),
            summary: "session closed".into(),
            details: serde_json::Value::Null,
        },
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// The caller behind a session cookie, if the session is live.
pub struct Current {
    pub actor: Actor,
    pub csrf: String,
    pub lang: String,
}

pub async fn authenticate(app: &App, token: &str) -> Result<Option<Current>> {
    let now = app.now();
    let hash = token_hash(token);
    let mut c = app.store.read().await?;
    let Some(s) = store::sessions::get(&mut c, &hash).await? else {
        return Ok(None);
    };
    if app.config.session.expired(&s, now) {
        store::sessions::delete(&mut c, &hash).await?;
        return Ok(None);
    }
    let Some(user) = store::users::get(&mut c, s.user_id).await? else {
        return Ok(None);
    };
    if user.disabled != 0 {
        return Ok(None);
    }
    if app.config.session.needs_touch(&s, now) {
        store::sessions::touch(&mut c, &hash, now).await?;
    }
    Ok(Some(Current {
        actor: actor_of(&user),
        csrf: s.csrf_token,
        lang: user.lang,
    }))
}

/// The owner of a bearer token, limited to the owner's current role.
pub async fn authenticate_token(app: &App, token: &str) -> Result<Option<Actor>> {
    if !crate::auth::token::looks_like_token(token) {
        return Ok(None);
    }
    let now = app.now();
    let mut c = app.store.read().await?;
    let Some(t) = store::tokens::by_hash(&mut c, &token_hash(token)).await? else {
        return Ok(None);
    };
    if t.revoked_at.is_some() || t.expires_at.is_some_and(|e| e <= now) {
        return Ok(None);
    }
    let Some(user) = store::users::get(&mut c, t.user_id).await? else {
        return Ok(None);
    };
    if user.disabled != 0 {
        return Ok(None);
    }
    if t.last_used_at.is_none_or(|u| now - u > 60_000) {
        store::tokens::touch(&mut c, t.token_id, now).await?;
    }
    Ok(Some(actor_of(&user)))
}

/// Deletes expired sessions (run periodically by the server).
pub async fn sweep_expired(app: &App) -> Result<u64> {
    let now = app.now();
    let mut c = app.store.read().await?;
    Ok(store::sessions::delete_expired(
        &mut c,
        now - app.config.session.idle_ms,
        now - app.config.session.absolute_ms,
    )
    .await?)
}
