//! Upkeep of the documentation record that no user asks for: spool files left by
//! uploads that never finished (a killed process, a dropped connection the handler
//! never saw end), blob files no row names (a crash or a failed transaction between
//! a file's rename into place and its row's commit), and a search index that is empty while the record is not (a
//! database restored from a dump made before the index, or one whose index was
//! dropped). Run at start-up and from `vigil evidence sweep` / `vigil search reindex`.

use std::collections::HashSet;
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
    let dir = super::blobs::spool_dir(app);
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
        if remove_if_older(&entry, now, older_than)? {
            removed += 1;
        }
    }
    Ok(removed)
}

fn io(e: std::io::Error) -> ActionError {
    ActionError::Internal(format!("evidence sweep: {e}"))
}

/// Removes `entry` if it was last written at least `older_than` ago.
fn remove_if_older(
    entry: &std::fs::DirEntry,
    now: SystemTime,
    older_than: Duration,
) -> Result<bool> {
    let modified = entry.metadata().and_then(|m| m.modified()).map_err(io)?;
    if now.duration_since(modified).unwrap_or_default() < older_than {
        return Ok(false);
    }
    match std::fs::remove_file(entry.path()) {
        Ok(()) => Ok(true),
        // An upload that finished in the meantime removed its spool file itself.
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(false),
        Err(e) => Err(io(e)),
    }
}

/// The blob files in the evidence directory (`ab/cd/<64 hex>`), with their names.
pub fn blob_files(app: &App) -> Result<Vec<(String, std::fs::DirEntry)>> {
    let mut out = Vec::new();
    let is_fan = |e: &std::fs::DirEntry| {
        let name = e.file_name();
        let name = name.to_string_lossy();
        name.len() == 2 && name.bytes().all(|b| b.is_ascii_hexdigit()) && e.path().is_dir()
    };
    let dirs = |p: &std::path::Path| -> Result<Vec<std::fs::DirEntry>> {
        match std::fs::read_dir(p) {
            Ok(d) => d.collect::<std::io::Result<Vec<_>>>().map_err(io),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Vec::new()),
            Err(e) => Err(io(e)),
        }
    };
    for a in dirs(&app.evidence_dir)?.into_iter().filter(is_fan) {
        for b in dirs(&a.path())?.into_iter().filter(is_fan) {
            for f in dirs(&b.path())? {
                let name = f.file_name().to_string_lossy().into_owned();
                if name.len() == 64 && name.bytes().all(|c| c.is_ascii_hexdigit()) {
                    out.push((name, f));
                }
            }
        }
    }
    Ok(out)
}

/// Removes the blob files no row names that are at least `older_than` old (all of
/// them with `Duration::ZERO`, safe only while no upload is under way). A file is
/// renamed into place moments before its row commits, and keeps its spool file's
/// time, so an hour-old unnamed file belongs to no upload in progress. Returns how
/// many it removed.
pub async fn sweep_orphans(app: &App, older_than: Duration) -> Result<usize> {
    let files = blob_files(app)?;
    if files.is_empty() {
        return Ok(0);
    }
    let mut c = app.store.read().await?;
    let named: HashSet<String> = store::evidence::file_addresses(&mut c)
        .await?
        .into_iter()
        .collect();
    drop(c);
    let now = SystemTime::now();
    let mut removed = 0;
    for (name, entry) in files {
        if !named.contains(&name) && remove_if_older(&entry, now, older_than)? {
            removed += 1;
        }
    }
    Ok(removed)
}

/// Both sweeps: unfinished uploads' spool files, then unnamed blob files. Returns how
/// many of each it removed.
pub async fn sweep(app: &App, older_than: Duration) -> Result<(usize, usize)> {
    let spool = sweep_spool(app, older_than)?;
    let orphans = sweep_orphans(app, older_than).await?;
    Ok((spool, orphans))
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

/// The start-up hook: every leftover spool file and unnamed blob file goes, and an
/// empty index is rebuilt.
pub async fn at_startup(app: &App) {
    match sweep(app, Duration::ZERO).await {
        Ok((0, 0)) => {}
        Ok((s, o)) => tracing::info!(
            "removed {s} unfinished upload(s) from the spool and {o} evidence file(s) no record names"
        ),
        Err(e) => tracing::warn!("{e}"),
    }
    match reindex_if_empty(app).await {
        Ok(0) => {}
        Ok(n) => tracing::info!("search index was empty: rebuilt with {n} documents"),
        Err(e) => tracing::warn!("search reindex failed: {e}"),
    }
}
