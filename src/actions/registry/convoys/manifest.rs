//! A convoy's asset manifest: what was agreed, allowed and moved, line by line, each
//! figure with its source. Lines can be added and corrected at any time, also after
//! the convoy arrived: the figures for what was moved often come later.

use serde_json::json;

use crate::actions::{audit, ActionError, Event, Result};
use crate::app::App;
use crate::auth::capability::{Cap, WriteRegistry};
use crate::domain::convoy::ManifestLineInput;
use crate::store::convoys::LineFields;
use crate::store::{self, Conn};

fn fields(l: &ManifestLineInput) -> LineFields<'_> {
    LineFields {
        item: &l.item,
        unit: &l.unit,
        agreed: l.agreed,
        allowed: l.allowed,
        moved: l.moved,
        agreed_source: &l.agreed_source,
        allowed_source: &l.allowed_source,
        moved_source: &l.moved_source,
    }
}

fn figures(l: &ManifestLineInput) -> String {
    let n = |v: Option<i64>| v.map_or("-".into(), |v| v.to_string());
    format!(
        "{}: agreed {}, allowed {}, moved {}",
        l.item,
        n(l.agreed),
        n(l.allowed),
        n(l.moved)
    )
}

fn details(l: &ManifestLineInput) -> serde_json::Value {
    json!({ "item": l.item, "unit": l.unit, "agreed": l.agreed, "allowed": l.allowed, "moved": l.moved,
            "agreed_source": l.agreed_source, "allowed_source": l.allowed_source,
            "moved_source": l.moved_source })
}

/// Adds a line inside the caller's transaction; returns its id.
pub async fn add_in(
    c: &mut Conn,
    app: &App,
    cap: &Cap<WriteRegistry>,
    convoy_id: i64,
    l: &ManifestLineInput,
) -> Result<i64> {
    let convoy = store::convoys::get(c, convoy_id)
        .await?
        .ok_or(ActionError::NotFound)?;
    let id = store::convoys::insert_line(c, convoy_id, &fields(l), app.now()).await?;
    audit(
        c,
        app,
        cap.actor(),
        Event {
            action: "convoy.manifest_add",
            object_type: "convoy",
            object_id: convoy_id.to_string(),
            summary: format!("convoy {}, line {id}: {}", convoy.seq, figures(l)),
            details: details(l),
        },
    )
    .await?;
    Ok(id)
}

pub async fn add(
    app: &App,
    cap: &Cap<WriteRegistry>,
    convoy_id: i64,
    l: &ManifestLineInput,
) -> Result<i64> {
    let mut tx = app.store.write().await?;
    let id = add_in(&mut tx, app, cap, convoy_id, l).await?;
    tx.commit().await?;
    Ok(id)
}

/// Replaces a line's figures and sources; returns the convoy it belongs to.
pub async fn update(
    app: &App,
    cap: &Cap<WriteRegistry>,
    line_id: i64,
    l: &ManifestLineInput,
) -> Result<i64> {
    let mut tx = app.store.write().await?;
    let before = store::convoys::line(&mut tx, line_id)
        .await?
        .ok_or(ActionError::NotFound)?;
    store::convoys::update_line(&mut tx, line_id, &fields(l), app.now()).await?;
    audit(
        &mut tx,
        app,
        cap.actor(),
        Event {
            action: "convoy.manifest_update",
            object_type: "convoy",
            object_id: before.convoy_id.to_string(),
            summary: format!("line {line_id}: {}", figures(l)),
            details: details(l),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(before.convoy_id)
}

/// Removes a line; returns the convoy it belonged to.
pub async fn remove(app: &App, cap: &Cap<WriteRegistry>, line_id: i64) -> Result<i64> {
    let mut tx = app.store.write().await?;
    let before = store::convoys::line(&mut tx, line_id)
        .await?
        .ok_or(ActionError::NotFound)?;
    store::convoys::delete_line(&mut tx, line_id).await?;
    let n = |v: Option<i64>| v.map_or("-".into(), |v| v.to_string());
    audit(
        &mut tx,
        app,
        cap.actor(),
        Event {
            action: "convoy.manifest_remove",
            object_type: "convoy",
            object_id: before.convoy_id.to_string(),
            summary: format!(
                "line {line_id} removed ({}: agreed {}, allowed {}, moved {})",
                before.item,
                n(before.agreed),
                n(before.allowed),
                n(before.moved)
            ),
            details: json!({ "item": before.item, "unit": before.unit, "agreed": before.agreed,
                             "allowed": before.allowed, "moved": before.moved,
                             "agreed_source": before.agreed_source,
                             "allowed_source": before.allowed_source,
                             "moved_source": before.moved_source }),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(before.convoy_id)
}

/// The convoy a manifest line belongs to.
pub async fn convoy_of(
    app: &App,
    _cap: &Cap<crate::auth::capability::ReadRecord>,
    line_id: i64,
) -> Result<i64> {
    let mut c = app.store.read().await?;
    Ok(store::convoys::line(&mut c, line_id)
        .await?
        .ok_or(ActionError::NotFound)?
        .convoy_id)
}
