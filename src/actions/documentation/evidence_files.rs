//! Operator commands on the evidence directory: moving blobs recorded before it
//! existed out of the database into their files (`vigil evidence move-to-files`), and
//! checking every stored blob against its recorded hashes (`vigil evidence verify`).
//! Both run at the command line, as the operator, so their audit entries are the
//! system's.

use std::io::Write;

use super::blobs::{self, ChunkReader};
use super::upkeep::blob_files;
use crate::actions::{audit_system, ActionError, Result};
use crate::app::App;
use crate::store::{self, evidence::BlobRow};

/// What `verify` found.
#[derive(Debug, Default, serde::Serialize)]
pub struct Report {
    /// Blobs checked (each read whole, every chunk opened, both hashes recomputed).
    pub blobs: usize,
    /// Of those, how many are still in the database (not yet moved out).
    pub in_database: usize,
    pub bytes: u64,
    /// Files in the evidence directory that no blob names (the sweep removes them).
    pub unrecorded_files: usize,
    /// One line per damaged blob: which, which items hold it, what is wrong.
    pub problems: Vec<String>,
}

impl Report {
    pub fn ok(&self) -> bool {
        self.problems.is_empty()
    }
}

/// Reads a blob whole (nothing is kept), opening every chunk; returns its BLAKE3.
async fn read_whole(app: &App, blob: BlobRow) -> Result<(u64, String)> {
    let mut c = app.store.read().await?;
    let mut reader = ChunkReader::new(blob);
    let mut b3 = blake3::Hasher::new();
    let mut n = 0u64;
    while let Some(mut plain) = reader.next(&mut c, app).await? {
        b3.update(&plain);
        n += plain.len() as u64;
        zeroize::Zeroize::zeroize(&mut plain);
    }
    Ok((n, b3.finalize().to_hex().to_string()))
}

/// Re-reads every blob — from its file or from the database — and checks each chunk's
/// seal, its SHA-256 and BLAKE3 and its size against the record. The result is
/// written to the audit trail (`evidence.verify`).
pub async fn verify(app: &App) -> Result<Report> {
    let blobs = {
        let mut c = app.store.read().await?;
        store::evidence::blobs(&mut c, false).await?
    };
    let mut report = Report::default();
    for blob in blobs {
        report.blobs += 1;
        report.in_database += usize::from(blob.file_address.is_none());
        let items = {
            let mut c = app.store.read().await?;
            store::evidence::items_of_blob(&mut c, blob.blob_id).await?
        };
        let items: Vec<String> = items.iter().map(i64::to_string).collect();
        let what = format!(
            "blob {} (evidence {})",
            blob.blob_id,
            if items.is_empty() {
                "none".into()
            } else {
                items.join(", ")
            }
        );
        let (size, blake3) = (blob.size_bytes, blob.blake3.clone());
        match read_whole(app, blob).await {
            Ok((n, b3)) => {
                report.bytes += n;
                if i64::try_from(n).ok() != Some(size) {
                    report
                        .problems
                        .push(format!("{what}: {n} bytes read, {size} recorded"));
                } else if b3 != blake3 {
                    report
                        .problems
                        .push(format!("{what}: the content does not match its BLAKE3"));
                }
            }
            Err(ActionError::Damaged(why)) => report.problems.push(format!("{what}: {why}")),
            Err(e) => return Err(e),
        }
    }
    let named: std::collections::HashSet<String> = {
        let mut c = app.store.read().await?;
        store::evidence::file_addresses(&mut c)
            .await?
            .into_iter()
            .collect()
    };
    report.unrecorded_files = blob_files(app)?
        .iter()
        .filter(|(name, _)| !named.contains(name))
        .count();
    let mut tx = app.store.write().await?;
    audit_system(
        &mut tx,
        &app.keys,
        app.now(),
        "evidence.verify",
        "evidence",
        "all",
        format!(
            "evidence verified: {} blob(s), {} byte(s), {} damaged",
            report.blobs,
            report.bytes,
            report.problems.len()
        ),
    )
    .await?;
    tx.commit().await?;
    Ok(report)
}

fn io(e: std::io::Error) -> ActionError {
    ActionError::Internal(format!("evidence move: {e}"))
}

/// Moves every blob still in the database out into its file, one blob per
/// transaction: its sealed chunks are written byte for byte to a spool file,
/// `fsync`ed, renamed to the blob's keyed address, read back and checked (every chunk
/// opens, the SHA-256 matches); then, in one transaction, the blob is marked as in
/// its file, its chunks are deleted, and each item holding it gets an `evidence.store`
/// entry in its custody chain. Interrupted, it leaves at most an unnamed file (swept)
/// and is run again. Returns how many blobs it moved.
pub async fn move_to_files(app: &App) -> Result<usize> {
    let legacy = {
        let mut c = app.store.read().await?;
        store::evidence::blobs(&mut c, true).await?
    };
    let mut moved = 0;
    for blob in legacy {
        let address = app.keys.blob_address(&blob.sha256);
        let dir = blobs::spool_dir(app);
        std::fs::create_dir_all(&dir).map_err(io)?;
        let spool = dir.join(format!("{}.part", crate::crypto::random_token(16)));
        let written = write_spool(app, &blob, &spool).await;
        if let Err(e) = written {
            let _ = std::fs::remove_file(&spool);
            return Err(e);
        }
        blobs::place(app, &spool, &address)?;
        let placed = BlobRow {
            file_address: Some(address.clone()),
            ..blob.clone()
        };
        read_whole(app, placed).await?;

        let mut tx = app.store.write().await?;
        if !store::evidence::move_to_file(&mut tx, blob.blob_id, &address).await? {
            continue;
        }
        for item in store::evidence::items_of_blob(&mut tx, blob.blob_id).await? {
            audit_system(
                &mut tx,
                &app.keys,
                app.now(),
                "evidence.store",
                "evidence",
                &item.to_string(),
                format!(
                    "sealed chunks moved unchanged from the database to the evidence directory, sha256 {}",
                    blob.sha256
                ),
            )
            .await?;
        }
        tx.commit().await?;
        moved += 1;
    }
    Ok(moved)
}

/// Writes a database blob's sealed chunks to `spool` in the file format and syncs it.
async fn write_spool(app: &App, blob: &BlobRow, spool: &std::path::Path) -> Result<()> {
    let mut f = std::io::BufWriter::new(std::fs::File::create(spool).map_err(io)?);
    let mut c = app.store.read().await?;
    for n in 0..blob.chunks {
        let sealed = store::evidence::chunk(&mut c, blob.blob_id, n)
            .await?
            .ok_or_else(|| {
                ActionError::Damaged(format!("evidence blob {} lacks chunk {n}", blob.blob_id))
            })?;
        let len = u32::try_from(sealed.len())
            .map_err(|_| ActionError::Internal("evidence chunk too large".into()))?;
        f.write_all(&len.to_le_bytes()).map_err(io)?;
        f.write_all(&sealed).map_err(io)?;
    }
    let f = f.into_inner().map_err(|e| io(e.into_error()))?;
    tokio::task::spawn_blocking(move || f.sync_all())
        .await
        .map_err(|e| ActionError::Internal(format!("evidence move: {e}")))?
        .map_err(io)
}
