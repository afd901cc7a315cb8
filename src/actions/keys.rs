//! Key management actions: rotating the master key, signing checkpoints on demand.

use super::{audit, Event, Result};
use crate::app::App;
use crate::auth::capability::{Cap, ManageKeys};
use crate::crypto::MasterKey;
use crate::store;

/// Re-wraps every keyring entry under `new` (the old master key is what opened
/// `app`). The record itself is not re-encrypted: its keys do not change.
pub async fn rotate_master_key(
    app: &App,
    cap: &Cap<ManageKeys>,
    old: &MasterKey,
    new: &MasterKey,
) -> Result<usize> {
    let now = app.now();
    let mut tx = app.store.write().await?;
    let wrapped = store::keyring::all(&mut tx).await?;
    for (purpose, w) in &wrapped {
        let key = old.unwrap_key(purpose, w)?;
        store::keyring::rewrap(&mut tx, purpose, &new.wrap(purpose, &key), now).await?;
    }
    audit(
        &mut tx,
        app,
        cap.actor(),
        Event {
            action: "keyring.rotate",
            object_type: "keyring",
            object_id: "1".into(),
            summary: format!("master key {} → {}", old.fingerprint(), new.fingerprint()),
            details: serde_json::Value::Null,
        },
    )
    .await?;
    tx.commit().await?;
    Ok(wrapped.len())
}
