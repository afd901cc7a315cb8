//! Upkeep of the documentation record that no user asks for: spool files left by
//! uploads that never finished (a killed process, a dropped connection the handler
//! never saw end), and a search index that is empty while the record is not (a
//! database restored from a dump made before the index, or one whose index was
//! dropped). Run at start-up and from `vigil evidence sweep` / `vigil search reindex`.

use std::time::{Duration, SystemTime};

use crate::actions::{ActionError, Result};
use crate::app::App;
use crate::store;

/// How old an unfinished upload's spool file must be before a periodic sweep removes
/// it. An upload in progress writes to its file at least once per chunk, so its file
/// is always younger than this.
pub const STALE: Duration = Duration::from_secs(3600);

/// Removes the `*.part` spool files older than `older_than` (all of them with
/// `Duration::ZERO`, which is safe only while no upload is under way: at start-up).
/// Spool files hold sealed chunks only, never plaintext. Returns how many it removed.
pub fn sweep_spool(app: &App, older_than: Duration) -> Result<usize> {
    let dir = app.config.data_dir.join("spool");
    let io = |e: std::io::Error| ActionError::Internal(format!("spool sweep: {e}"));
    let entries = match std::fs::read_dir(&dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(0),
        Err(e) => return Err(io(e)),
    };
    let now = SystemTime::now();
    let mut removed = 0;
    for entry in entries {
        let entry = entry.map_err(io)?;
        let path = entry.path();
        if path.extension().and_then(|e| e.to_str()) != Some("part") {
            continue;
        }
        let modified = entry.metadata().and_then(|m| m.modified()).map_err(io)?;
        let age = now.duration_since(modified).unwrap_or_default();
        if age >= older_than {
            match std::fs::remove_file(&path) {
                Ok(()) => removed += 1,
                // An upload that finished in the meantime removed it itself.
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => return Err(io(e)),
            }
        }
    }
    Ok(removed)
}

/// Rebuilds the search index when it is empty but the record has something to find;
/// returns how many documents were indexed (0 when nothing needed doing).
pub async fn reindex_if_empty(app: &App) -> Result<i64> {
    let mut c = app.store.read().await?;
    let indexed = store::search::count(&mut c).await?;
    let has_record = !store::incidents::list(&mut c).await?.is_empty()
        || !store::sources::list_sources(&mut c).await?.is_empty();
    drop(c);
    if indexed > 0 || !has_record {
        return Ok(0);
    }
    super::search::reindex(app).await
}

/// The start-up hook: every leftover spool file goes, and an empty index is rebuilt.
pub async fn at_startup(app: &App) {
    match sweep_spool(app, Duration::ZERO) {
        Ok(0) => {}
        Ok(n) => tracing::info!("removed {n} unfinished upload(s) from the spool"),
        Err(e) => tracing::warn!("{e}"),
    }
    match reindex_if_empty(app).await {
        Ok(0) => {}
        Ok(n) => tracing::info!("search index was empty: rebuilt with {n} documents"),
        Err(e) => tracing::warn!("search reindex failed: {e}"),
    }
}
