//! Derived copies: a redacted, metadata-stripped, transcoded, thumbnail or excerpt copy
//! of an evidence file, uploaded like any file (hashed, sealed, stored by content) and
//! recorded as an item of its own attached to the same record, marked as made from its
//! original. The original is not touched; its custody chain gets an `evidence.derive`
//! entry naming the copy and both hashes, and the copy's starts with its receipt.

use serde_json::json;

use super::evidence::{record_in, Spooled};
use crate::actions::{audit, ActionError, Event, Result};
use crate::app::App;
use crate::auth::capability::{Cap, ReadRecord, WriteDocumentation};
use crate::domain::evidence::Capture;
use crate::domain::evidence_copy::CopyInput;
use crate::domain::person::Choice;
use crate::domain::Invalid;
use crate::store;
use crate::store::evidence::DerivationRow;

/// Records `file` as a copy of `input.original_id`; returns the copy's id.
pub async fn derive(
    app: &App,
    cap: &Cap<WriteDocumentation>,
    input: &CopyInput,
    mut file: Spooled,
) -> Result<i64> {
    file.sync().await?;
    let mut tx = app.store.write().await?;
    let original = store::evidence::item(&mut tx, input.original_id)
        .await?
        .ok_or(ActionError::NotFound)?;
    if file.sha256 == original.sha256 {
        return Err(Invalid::new(
            "file",
            "derived-invalid-same",
            "this file is byte for byte the original, not a copy of it",
        )
        .into());
    }
    let (sha256, blake3) = (file.sha256.clone(), file.blake3.clone());
    let (y, m, d) = crate::calendar::civil_from_days(app.now().div_euclid(86_400_000));
    let day = format!("{y:04}-{m:02}-{d:02}");
    let capture = Capture::parse(
        &original.target_type,
        &original.target_id.to_string(),
        &day,
        &format!("copy of evidence {}", original.evidence_id),
        "other",
    )?;
    let (id, _) = record_in(&mut tx, app, cap, file, &capture).await?;
    store::evidence::insert_derivation(
        &mut tx,
        &DerivationRow {
            evidence_id: id,
            original_id: original.evidence_id,
            kind: input.kind.as_str().into(),
            note: input.note.clone(),
            created_at: app.now(),
        },
    )
    .await?;
    audit(
        &mut tx,
        app,
        cap.actor(),
        Event {
            action: "evidence.derive",
            object_type: "evidence",
            object_id: original.evidence_id.to_string(),
            summary: format!(
                "{} copy {id} (sha256 {sha256}, blake3 {blake3}) made from sha256 {}",
                input.kind.as_str(),
                original.sha256
            ),
            details: json!({ "copy": id, "kind": input.kind.as_str(), "note": input.note }),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// What an item was copied from, and the copies made from it.
pub async fn lineage(
    app: &App,
    _cap: &Cap<ReadRecord>,
    id: i64,
) -> Result<(Option<DerivationRow>, Vec<DerivationRow>)> {
    let mut c = app.store.read().await?;
    Ok((
        store::evidence::derivation_of(&mut c, id).await?,
        store::evidence::copies_of(&mut c, id).await?,
    ))
}
