//! Every state change, and every view of personal data, goes through this layer:
//! it requires a capability (checked permission), validates, writes the rows and
//! writes the audit entry in the same transaction. `web` and `cli` call these
//! functions and never write SQL themselves.

pub mod dashboard;
// incidents
pub mod documentation;
pub mod keys;
pub mod registry;
pub mod session;
pub mod tokens;
pub mod trail;
pub mod users;

// resettlement
pub mod resettlement;

use crate::app::App;
use crate::audit::{Entry, NewEntry};
use crate::auth::{Actor, Denied};
use crate::crypto::Keyring;
use crate::domain::Invalid;
use crate::store::{Conn, StoreError};

#[derive(Debug, thiserror::Error)]
pub enum ActionError {
    #[error(transparent)]
    Denied(#[from] Denied),
    #[error(transparent)]
    Invalid(#[from] Invalid),
    #[error("not found")]
    NotFound,
    #[error("{0} already exists")]
    Conflict(&'static str),
    #[error("{0}")]
    Refused(&'static str),
    #[error(transparent)]
    Store(StoreError),
    #[error("internal error: {0}")]
    Internal(String),
    /// A stored evidence file is missing or not as recorded (the text is for the log
    /// and the operator; users are told only that the stored file is damaged).
    #[error("damaged evidence: {0}")]
    Damaged(String),
}

impl From<StoreError> for ActionError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NotFound => ActionError::NotFound,
            StoreError::Conflict(what) => ActionError::Conflict(what),
            other => ActionError::Store(other),
        }
    }
}

impl From<sqlx::Error> for ActionError {
    fn from(e: sqlx::Error) -> Self {
        ActionError::Store(StoreError::Db(e))
    }
}

impl From<crate::crypto::CryptoError> for ActionError {
    fn from(e: crate::crypto::CryptoError) -> Self {
        ActionError::Internal(e.to_string())
    }
}

impl From<crate::auth::password::HashError> for ActionError {
    fn from(e: crate::auth::password::HashError) -> Self {
        ActionError::Internal(e.to_string())
    }
}

pub type Result<T, E = ActionError> = std::result::Result<T, E>;

/// What an audit entry says about the change.
pub struct Event<'a> {
    pub action: &'a str,
    pub object_type: &'a str,
    pub object_id: String,
    /// Safe to show to every admin: names of fields, roles, counts — never values of
    /// personal data.
    pub summary: String,
    /// The full details, kept only as an HMAC (they may hold personal data).
    pub details: serde_json::Value,
}

/// Writes the audit entry for `actor`'s `event` inside the caller's transaction.
pub async fn audit(c: &mut Conn, app: &App, actor: &Actor, event: Event<'_>) -> Result<Entry> {
    audit_raw(c, &app.keys, app.now(), actor, event).await
}

async fn audit_raw(
    c: &mut Conn,
    keys: &Keyring,
    now: i64,
    actor: &Actor,
    event: Event<'_>,
) -> Result<Entry> {
    let details = serde_json::to_vec(&event.details).unwrap_or_default();
    let entry = crate::store::audit::append(
        c,
        NewEntry {
            at: now,
            actor_id: actor.user_id,
            actor: actor.username.clone(),
            action: event.action.to_string(),
            object_type: event.object_type.to_string(),
            object_id: event.object_id,
            summary: event.summary,
            details_mac: keys.audit_mac(&details),
        },
    )
    .await?;
    Ok(entry)
}

/// Writes one audit entry per event, chained in order, with one statement for the
/// lot (bulk registrations write thousands at once).
pub async fn audit_many(
    c: &mut Conn,
    app: &App,
    actor: &Actor,
    events: Vec<Event<'_>>,
) -> Result<()> {
    if events.is_empty() {
        return Ok(());
    }
    let now = app.now();
    let entries = events
        .into_iter()
        .map(|event| {
            let details = serde_json::to_vec(&event.details).unwrap_or_default();
            NewEntry {
                at: now,
                actor_id: actor.user_id,
                actor: actor.username.clone(),
                action: event.action.to_string(),
                object_type: event.object_type.to_string(),
                object_id: event.object_id,
                summary: event.summary,
                details_mac: app.keys.audit_mac(&details),
            }
        })
        .collect();
    crate::store::audit::append_many(c, entries).await?;
    Ok(())
}

/// An entry by the system itself, before an `App` exists (keyring creation).
pub async fn audit_system(
    c: &mut Conn,
    keys: &Keyring,
    now: i64,
    action: &str,
    object_type: &str,
    object_id: &str,
    summary: String,
) -> Result<Entry, StoreError> {
    audit_raw(
        c,
        keys,
        now,
        &Actor::system(),
        Event {
            action,
            object_type,
            object_id: object_id.to_string(),
            summary,
            details: serde_json::Value::Null,
        },
    )
    .await
    .map_err(|e| match e {
        ActionError::Store(s) => s,
        other => StoreError::Corrupt(other.to_string()),
    })
}
