//! Personal API tokens: created and revoked by their owner, audited.

use super::{audit, ActionError, Event, Result};
use crate::app::App;
use crate::auth::capability::{Cap, OwnAccount};
use crate::auth::token;
use crate::crypto::token_hash;
use crate::domain::Invalid;
use crate::store;

#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct TokenInfo {
    pub token_id: i64,
    pub name: String,
    /// The first characters of the token, to tell tokens apart.
    pub prefix: String,
    pub created_at: i64,
    pub expires_at: Option<i64>,
    pub last_used_at: Option<i64>,
    pub revoked: bool,
}

impl From<store::tokens::TokenRow> for TokenInfo {
    fn from(t: store::tokens::TokenRow) -> Self {
        TokenInfo {
            token_id: t.token_id,
            name: t.name,
            prefix: t.prefix,
            created_at: t.created_at,
            expires_at: t.expires_at,
            last_used_at: t.last_used_at,
            revoked: t.revoked_at.is_some(),
        }
    }
}

/// Creates a token for the caller; returns it — the only time it is ever shown.
pub async fn create(
    app: &App,
    cap: &Cap<OwnAccount>,
    name: &str,
    days: Option<i64>,
) -> Result<(i64, String)> {
    let name = name.trim();
    if name.is_empty() || name.chars().count() > 80 {
        return Err(ActionError::Invalid(Invalid::new(
            "name",
            "invalid-token-name",
            "must be 1 to 80 characters",
        )));
    }
    if let Some(d) = days {
        if !(1..=366).contains(&d) {
            return Err(ActionError::Invalid(Invalid::new(
                "days",
                "invalid-token-days",
                "must be between 1 and 366",
            )));
        }
    }
    let now = app.now();
    let secret = token::generate();
    let mut tx = app.store.write().await?;
    let id = store::tokens::insert(
        &mut tx,
        cap.actor().user_id,
        name,
        &token_hash(&secret),
        &token::display_prefix(&secret),
        now,
        days.map(|d| now + d * 86_400_000),
    )
    .await?;
    audit(
        &mut tx,
        app,
        cap.actor(),
        Event {
            action: "token.create",
            object_type: "api_token",
            object_id: id.to_string(),
            summary: format!(
                "expires in {} day(s)",
                days.map_or("no".into(), |d| d.to_string())
            ),
            details: serde_json::json!({ "name": name }),
        },
    )
    .await?;
    tx.commit().await?;
    Ok((id, secret))
}

pub async fn list_own(app: &App, cap: &Cap<OwnAccount>) -> Result<Vec<TokenInfo>> {
    let mut c = app.store.read().await?;
    let rows = store::tokens::for_user(&mut c, cap.actor().user_id).await?;
    Ok(rows.into_iter().map(TokenInfo::from).collect())
}

/// Revokes one of the caller's tokens; someone else's token answers "not found".
pub async fn revoke_own(app: &App, cap: &Cap<OwnAccount>, token_id: i64) -> Result<()> {
    let now = app.now();
    let mut tx = app.store.write().await?;
    store::tokens::revoke(&mut tx, token_id, cap.actor().user_id, now).await?;
    audit(
        &mut tx,
        app,
        cap.actor(),
        Event {
            action: "token.revoke",
            object_type: "api_token",
            object_id: token_id.to_string(),
            summary: String::new(),
            details: serde_json::Value::Null,
        },
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
