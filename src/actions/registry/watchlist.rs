//! The watch list (admin only): names of known agents, impersonators and infiltrators,
//! sealed like all personal data, each with the blind-index tag of its name key so
//! that registrations can be compared with it without opening it. Every view of the
//! names is audited. Adding an entry also flags the people already registered under
//! that name; registrars see such flags with the entry's category only.

use serde_json::json;

use super::matches::open_watch_flag;
use crate::actions::{audit, ActionError, Event, Result};
use crate::app::App;
use crate::auth::capability::{Cap, ManageWatchList};
use crate::domain::matching::WatchInput;
use crate::domain::names::name_key;
use crate::domain::person::Choice;
use crate::store;
use crate::store::matching::FlagRow;
use crate::store::watchlist::WatchRow;

const TABLE: &str = "watchlist";

/// A watch-list entry, opened.
#[derive(Clone, serde::Serialize, utoipa::ToSchema)]
pub struct WatchEntry {
    pub watch_id: i64,
    /// Personal data.
    pub name: String,
    /// known_agent, impersonator, infiltrator or other.
    pub category: String,
    /// Personal data.
    pub note: Option<String>,
    pub created_at: i64,
    pub removed_at: Option<i64>,
    /// Flags raised against this entry, and how many are still open.
    pub hits: i64,
    pub open_hits: i64,
}

impl std::fmt::Debug for WatchEntry {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "WatchEntry({}, <redacted>)", self.watch_id)
    }
}

/// A person flagged against an entry (codes only).
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct Hit {
    pub flag_id: i64,
    pub person_id: i64,
    pub code: String,
    /// open, confirmed, distinct or superseded.
    pub status: String,
    pub created_at: i64,
    pub decided_at: Option<i64>,
    pub decided_by: Option<String>,
}

fn open(app: &App, w: &WatchRow, counts: (i64, i64)) -> Result<WatchEntry> {
    let name = app.keys.open(TABLE, "name", w.watch_id, &w.name)?;
    let note = w
        .note
        .as_ref()
        .map(|n| app.keys.open(TABLE, "note", w.watch_id, n))
        .transpose()?;
    Ok(WatchEntry {
        watch_id: w.watch_id,
        name,
        category: w.category.clone(),
        note,
        created_at: w.created_at,
        removed_at: w.removed_at,
        hits: counts.0,
        open_hits: counts.1,
    })
}

/// The list, opened, with removed entries when asked. One audited view.
pub async fn list(
    app: &App,
    cap: &Cap<ManageWatchList>,
    with_removed: bool,
) -> Result<Vec<WatchEntry>> {
    let mut tx = app.store.write().await?;
    let rows = store::watchlist::list(&mut tx, with_removed).await?;
    let counts = store::watchlist::hit_counts(&mut tx).await?;
    let mut out = Vec::with_capacity(rows.len());
    for w in &rows {
        let n = counts
            .iter()
            .find(|(id, _, _)| *id == w.watch_id)
            .map_or((0, 0), |(_, all, open)| (*all, *open));
        out.push(open(app, w, n)?);
    }
    audit(
        &mut tx,
        app,
        cap.actor(),
        Event {
            action: "watchlist.view",
            object_type: "watchlist",
            object_id: "all".into(),
            summary: format!("{} entries opened", out.len()),
            details: serde_json::Value::Null,
        },
    )
    .await?;
    tx.commit().await?;
    Ok(out)
}

/// One entry, opened (audited), and the people flagged against it.
pub async fn get(app: &App, cap: &Cap<ManageWatchList>, id: i64) -> Result<(WatchEntry, Vec<Hit>)> {
    let mut tx = app.store.write().await?;
    let w = store::watchlist::get(&mut tx, id)
        .await?
        .ok_or(ActionError::NotFound)?;
    let flags = store::matching::flags_of_watch(&mut tx, id).await?;
    let open_hits = flags.iter().filter(|f| f.status == "open").count() as i64;
    let entry = open(app, &w, (flags.len() as i64, open_hits))?;
    let mut hits = Vec::with_capacity(flags.len());
    for f in flags {
        hits.push(hit(&mut tx, f).await?);
    }
    audit(
        &mut tx,
        app,
        cap.actor(),
        Event {
            action: "watchlist.view",
            object_type: "watchlist",
            object_id: id.to_string(),
            summary: format!("entry opened with {} flags", hits.len()),
            details: serde_json::Value::Null,
        },
    )
    .await?;
    tx.commit().await?;
    Ok((entry, hits))
}

async fn hit(c: &mut store::Conn, f: FlagRow) -> Result<Hit> {
    let code = store::people::get(c, f.person_a)
        .await?
        .map(|p| p.code)
        .unwrap_or_default();
    Ok(Hit {
        flag_id: f.flag_id,
        person_id: f.person_a,
        code,
        status: f.status,
        created_at: f.created_at,
        decided_at: f.decided_at,
        decided_by: f.decided_by_name,
    })
}

/// Adds an entry and flags everyone already registered under that name; returns the
/// entry's id and the number of people flagged.
pub async fn add(app: &App, cap: &Cap<ManageWatchList>, w: &WatchInput) -> Result<(i64, usize)> {
    let now = app.now();
    let actor = cap.actor();
    let tag = app
        .keys
        .blind_index("person-name", &name_key(w.name.expose()));
    let mut tx = app.store.write().await?;
    let id = store::next_id(&mut tx, store::IdTable::Watchlist).await?;
    let name = app.keys.seal(TABLE, "name", id, w.name.expose());
    let note = w
        .note
        .as_ref()
        .map(|n| app.keys.seal(TABLE, "note", id, n.expose()));
    let entry = store::watchlist::NewWatch {
        id,
        name: &name,
        name_key: &tag,
        category: w.category.as_str(),
        note: note.as_deref(),
    };
    store::watchlist::insert(&mut tx, &entry, now, actor.user_id).await?;
    audit(
        &mut tx,
        app,
        actor,
        Event {
            action: "watchlist.add",
            object_type: "watchlist",
            object_id: id.to_string(),
            summary: format!("category {}", w.category.as_str()),
            details: json!({
                "name": w.name.expose(),
                "note": w.note.as_ref().map(|n| n.expose()),
            }),
        },
    )
    .await?;
    let mut flagged = 0;
    for person in store::matching::people_with_name_tag(&mut tx, &tag).await? {
        let Some(p) = store::people::get(&mut tx, person).await? else {
            continue;
        };
        if let Some(f) = open_watch_flag(&mut tx, app, actor, &p, id, w.category.as_str()).await? {
            flagged += usize::from(f.new);
        }
    }
    tx.commit().await?;
    Ok((id, flagged))
}

/// Removes an entry from matching. It stays stored (flags point at it); its open
/// flags close as superseded, since there is nothing left to match against.
pub async fn remove(app: &App, cap: &Cap<ManageWatchList>, id: i64) -> Result<()> {
    let now = app.now();
    let actor = cap.actor();
    let mut tx = app.store.write().await?;
    if !store::watchlist::remove(&mut tx, id, now, actor.user_id).await? {
        return Err(ActionError::NotFound);
    }
    let mut closed = 0;
    for f in store::matching::flags_of_watch(&mut tx, id).await? {
        if f.status == "open" {
            store::matching::decide(
                &mut tx,
                f.flag_id,
                "superseded",
                now,
                (actor.user_id, &actor.username),
                "watch-list entry removed",
            )
            .await?;
            closed += 1;
        }
    }
    audit(
        &mut tx,
        app,
        actor,
        Event {
            action: "watchlist.remove",
            object_type: "watchlist",
            object_id: id.to_string(),
            summary: format!("removed; {closed} open flags closed"),
            details: serde_json::Value::Null,
        },
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
