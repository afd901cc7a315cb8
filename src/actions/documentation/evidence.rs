//! Evidence files and their chain of custody.
//!
//! An upload streams through an [`Ingest`]: SHA-256 and BLAKE3 are computed on the
//! way in, the bytes are sealed chunk by chunk (a key per blob, derived from the data key) and spooled to a
//! file in the data folder (never held whole in memory, never written in clear), and
//! the first bytes are sniffed against the file's name. [`record`] then `fsync`s the
//! spool file, checks the capture record and, in one write transaction, renames the
//! spool file to its keyed content address in the evidence directory (see [`blobs`];
//! an identical file already stored is not stored again), and records the blob, the
//! item and the `evidence.receive` audit entry. Views and downloads write `evidence.view` and
//! `evidence.download` entries (a download is streamed a chunk at a time): the custody chain is the audit trail's entries on the
//! item, so `vigil audit verify` catches an edited, removed or inserted custody entry.

use std::path::PathBuf;

use serde_json::json;
use sha2::Digest;
use tokio::sync::mpsc;

pub use super::blobs::{ChunkReader, CHUNK};
use super::{blobs, spool};
use crate::actions::registry::export::Chunk;

use crate::actions::{audit, ActionError, Event, Result};
use crate::app::App;
use crate::audit::Entry;
use crate::auth::capability::{Cap, ReadRecord, WriteDocumentation};
use crate::crypto::{ChunkSealer, FRAME_HEAD};
use crate::domain::evidence::{check, Capture, MAX_BYTES, SNIFF_BYTES};
use crate::domain::person::Choice;
use crate::domain::Invalid;
use crate::store::evidence::{BlobRow, ItemRow, NewBlob, NewItem};
use crate::store::{self, audit::Filter};

/// An upload on its way in. Dropping it removes its spool file.
pub struct Ingest {
    spool: PathBuf,
    writer: spool::Writer,
    blob_ref: String,
    file_name: String,
    /// The chunk being filled: its plaintext after the frame's head (see
    /// [`ChunkSealer::frame`]), sealed in place.
    frame: Vec<u8>,
    head: Vec<u8>,
    sha256: sha2::Sha256,
    size: u64,
    limit: u64,
}

fn too_large() -> ActionError {
    Invalid::new(
        "file",
        "evidence-invalid-too-large",
        format!("the file is larger than {} MiB", MAX_BYTES / (1024 * 1024)),
    )
    .into()
}

fn io(e: std::io::Error) -> ActionError {
    ActionError::Internal(format!("evidence spool: {e}"))
}

impl Ingest {
    pub fn new(app: &App, file_name: &str) -> Result<Self> {
        Self::with_limit(app, file_name, MAX_BYTES)
    }

    pub fn with_limit(app: &App, file_name: &str, limit: u64) -> Result<Self> {
        let dir = blobs::spool_dir(app);
        std::fs::create_dir_all(&dir).map_err(io)?;
        let blob_ref = crate::crypto::random_token(16);
        let sealer = app
            .keys
            .chunk_sealer(&blob_ref)
            .map_err(|e| ActionError::Internal(format!("evidence key: {e}")))?;
        let spool = dir.join(format!("{blob_ref}.part"));
        let file = std::fs::File::create(&spool).map_err(io)?;
        // A second descriptor writing past the page cache where the file system allows
        // it (see [`spool`]); without it the file is written through the page cache.
        let direct = spool::open_direct(&spool);
        Ok(Ingest {
            spool,
            writer: spool::Writer::new(file, direct, sealer),
            blob_ref,
            file_name: file_name.trim().to_string(),
            frame: ChunkSealer::frame(CHUNK),
            head: Vec::with_capacity(SNIFF_BYTES),
            sha256: sha2::Sha256::new(),
            size: 0,
            limit,
        })
    }

    /// Takes the next bytes of the upload; refuses as soon as the limit is passed.
    /// SHA-256 is computed here, in order, over each piece once it is copied into the
    /// frame; each full chunk goes to the spool writer
    /// ([`spool`]: hashed with BLAKE3, sealed and appended on its own thread).
    pub fn push(&mut self, _app: &App, mut bytes: &[u8]) -> Result<()> {
        self.size += bytes.len() as u64;
        if self.size > self.limit {
            return Err(too_large());
        }
        let want = SNIFF_BYTES.saturating_sub(self.head.len()).min(bytes.len());
        self.head
            .extend_from_slice(bytes.get(..want).unwrap_or_default());
        while !bytes.is_empty() {
            let take = (FRAME_HEAD + CHUNK - self.frame.len()).min(bytes.len());
            let (now, rest) = bytes.split_at(take);
            let at = self.frame.len();
            self.frame.extend_from_slice(now);
            // Hashed from the frame just filled, in the cache, rather than from `bytes`:
            // SHA-256 reading bytes not yet in the cache ran at 1.2 GB/s here, 1.6 after
            // the copy had brought them in (docs/evidence.md, "Benchmarks").
            self.sha256.update(self.frame.get(at..).unwrap_or_default());
            bytes = rest;
            // A full chunk is handed over only when more bytes follow, so the last
            // chunk is always the one sealed in `finish` with the "last" mark.
            if self.frame.len() == FRAME_HEAD + CHUNK && !bytes.is_empty() {
                let full = std::mem::replace(&mut self.frame, self.writer.frame());
                self.writer.chunk(full).map_err(io)?;
            }
        }
        Ok(())
    }

    /// Seals what is left and checks the content against the name.
    pub fn finish(mut self, _app: &App) -> Result<Spooled> {
        let media_type = check(&self.file_name, &self.head, self.size)?;
        let last = std::mem::take(&mut self.frame);
        let blake3 = self.writer.finish(last).map_err(io)?.to_hex().to_string();
        let sha256 = hex::encode(self.sha256.clone().finalize());
        Ok(Spooled {
            sha256,
            blake3,
            size: self.size,
            media_type,
            chunks: self.writer.chunks(),
            synced: false,
            ingest: self,
        })
    }
}

impl Drop for Ingest {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.spool);
    }
}

/// An upload received whole, hashed, sealed and spooled, not yet recorded.
pub struct Spooled {
    pub sha256: String,
    pub blake3: String,
    pub size: u64,
    pub media_type: &'static str,
    chunks: u64,
    synced: bool,
    ingest: Ingest,
}

impl Spooled {
    /// Makes the spool file durable (on a blocking thread: for a large upload this is
    /// the slow part of storing it), so that the write transaction, which serialises
    /// writers, only renames it. Done once; [`record_in`] does it if the caller did not.
    pub async fn sync(&mut self) -> Result<()> {
        if self.synced {
            return Ok(());
        }
        let f = self
            .ingest
            .writer
            .file()
            .ok_or_else(|| ActionError::Internal("evidence spool not finished".into()))?
            .try_clone()
            .map_err(io)?;
        tokio::task::spawn_blocking(move || f.sync_all())
            .await
            .map_err(|e| ActionError::Internal(format!("evidence spool sync: {e}")))?
            .map_err(io)?;
        self.synced = true;
        Ok(())
    }
}

/// Records a spooled upload with its capture record; returns the item's id.
pub async fn record(
    app: &App,
    cap: &Cap<WriteDocumentation>,
    mut file: Spooled,
    capture: &Capture,
) -> Result<i64> {
    file.sync().await?;
    let mut tx = app.store.write().await?;
    let (id, _) = record_in(&mut tx, app, cap, file, capture).await?;
    tx.commit().await?;
    Ok(id)
}

/// The same inside the caller's write transaction; returns the item's id and its blob.
pub async fn record_in(
    tx: &mut store::Conn,
    app: &App,
    cap: &Cap<WriteDocumentation>,
    mut file: Spooled,
    capture: &Capture,
) -> Result<(i64, BlobRow)> {
    let file_name: String = file.ingest.file_name.chars().take(255).collect();
    let (kind, target) = (capture.target.kind(), capture.target.id());
    if !store::evidence::target_exists(&mut *tx, kind, target).await? {
        return Err(Invalid::new(
            "target_id",
            "evidence-invalid-target",
            "no such record to attach to",
        )
        .into());
    }
    let blob_id = match store::evidence::blob_by_sha256(&mut *tx, &file.sha256).await? {
        Some(b) => b.blob_id,
        None => {
            file.sync().await?;
            let chunks = i64::try_from(file.chunks).map_err(|_| too_large())?;
            // Renamed into place before the row is written; if the transaction does
            // not commit, the file is an orphan that the sweep removes.
            let address = app.keys.blob_address(&file.sha256);
            blobs::place(app, &file.ingest.spool, &address)?;
            store::evidence::insert_blob(
                &mut *tx,
                &NewBlob {
                    sha256: &file.sha256,
                    blake3: &file.blake3,
                    size_bytes: i64::try_from(file.size).map_err(|_| too_large())?,
                    media_type: file.media_type,
                    blob_ref: &file.ingest.blob_ref,
                    chunks,
                    file_address: &address,
                },
                app.now(),
            )
            .await?
        }
    };
    let id = store::evidence::insert_item(
        &mut *tx,
        &NewItem {
            blob_id,
            target_type: kind,
            target_id: target,
            file_name: &file_name,
            received_on: &capture.received_on,
            received_how: capture.received_how.as_str(),
            received_by: cap.actor().user_id,
            received_by_name: &cap.actor().username,
        },
        app.now(),
    )
    .await?;
    let sealed = app.keys.seal(
        "evidence_items",
        "received_from",
        id,
        &capture.received_from,
    );
    store::evidence::set_received_from(&mut *tx, id, &sealed).await?;
    audit(
        &mut *tx,
        app,
        cap.actor(),
        Event {
            action: "evidence.receive",
            object_type: "evidence",
            object_id: id.to_string(),
            summary: format!(
                "evidence received for {kind} {target}: {} bytes, {}, sha256 {}",
                file.size, file.media_type, file.sha256
            ),
            details: json!({ "sha256": file.sha256, "blake3": file.blake3, "size": file.size,
                "media_type": file.media_type, "file_name": file_name, "target": [kind, target],
                "received_on": capture.received_on, "received_how": capture.received_how.as_str(),
                "received_from": capture.received_from }),
        },
    )
    .await?;
    let blob = store::evidence::blob(&mut *tx, blob_id)
        .await?
        .ok_or(ActionError::NotFound)?;
    Ok((id, blob))
}

/// An evidence item as the reader sees it.
#[derive(Debug, Clone)]
pub struct Evidence {
    pub row: ItemRow,
    /// Who handed it over: only for the documenter (it may name a witness).
    pub received_from: Option<String>,
    /// Its stored file is missing or not as long as recorded (checked when the item
    /// is viewed, without reading the file; [`ChunkReader`] catches altered bytes).
    pub damaged: bool,
}

fn open(app: &App, row: ItemRow, personal: bool) -> Result<Evidence> {
    let received_from = if personal {
        Some(app.keys.open(
            "evidence_items",
            "received_from",
            row.evidence_id,
            &row.received_from_enc,
        )?)
    } else {
        None
    };
    Ok(Evidence {
        row,
        received_from,
        damaged: false,
    })
}

/// Every item, or those attached to one target (not a custody event: the list shows
/// names and hashes, not the files).
pub async fn list(
    app: &App,
    _cap: &Cap<ReadRecord>,
    target: Option<(&str, i64)>,
) -> Result<Vec<Evidence>> {
    let mut c = app.store.read().await?;
    store::evidence::items(&mut c, target)
        .await?
        .into_iter()
        .map(|r| open(app, r, false))
        .collect()
}

/// An item with its custody chain, oldest first. Viewing it is itself a custody
/// event, written before the chain is read so it appears in it.
pub async fn view(app: &App, cap: &Cap<ReadRecord>, id: i64) -> Result<(Evidence, Vec<Entry>)> {
    let mut tx = app.store.write().await?;
    let row = store::evidence::item(&mut tx, id)
        .await?
        .ok_or(ActionError::NotFound)?;
    let blob = store::evidence::blob(&mut tx, row.blob_id)
        .await?
        .ok_or(ActionError::NotFound)?;
    custody(&mut tx, app, cap, "evidence.view", &row).await?;
    let chain = chain(&mut tx, id).await?;
    tx.commit().await?;
    let personal = cap
        .actor()
        .role
        .allows(crate::domain::Perm::WriteDocumentation);
    let mut e = open(app, row, personal)?;
    if let Err(why) = blobs::check(app, &blob) {
        tracing::error!("{why}");
        e.damaged = true;
    }
    Ok((e, chain))
}

async fn custody(
    c: &mut store::Conn,
    app: &App,
    cap: &Cap<ReadRecord>,
    action: &'static str,
    row: &ItemRow,
) -> Result<()> {
    audit(
        c,
        app,
        cap.actor(),
        Event {
            action,
            object_type: "evidence",
            object_id: row.evidence_id.to_string(),
            summary: format!("{action} sha256 {}", row.sha256),
            details: json!({ "sha256": row.sha256 }),
        },
    )
    .await?;
    Ok(())
}

/// The custody chain of an item: every audit entry on it, oldest first.
pub async fn chain(c: &mut store::Conn, id: i64) -> Result<Vec<Entry>> {
    let mut filter = Filter {
        object_type: Some("evidence".into()),
        object_id: Some(id.to_string()),
        ..Filter::default()
    };
    let mut out = Vec::new();
    loop {
        let page = store::audit::page(c, &filter, 500).await?;
        let Some(last) = page.last().map(|e| e.seq) else {
            break;
        };
        out.extend(page);
        filter.before = Some(last);
    }
    out.reverse();
    Ok(out)
}

/// The original bytes of an item whose download has been written to its custody
/// chain (only [`download`] makes one). Read a chunk at a time with [`Original::next`],
/// or streamed into a response body with [`Original::stream`]: never the whole file.
pub struct Original {
    pub row: ItemRow,
    reader: ChunkReader,
}

impl Original {
    pub fn size(&self) -> u64 {
        self.reader.size()
    }

    /// The next chunk of the file (see [`ChunkReader::next`]).
    pub async fn next(&mut self, app: &App) -> Result<Option<Vec<u8>>> {
        let mut c = app.store.read().await?;
        self.reader.next(&mut c, app).await
    }

    /// The whole file in memory (for small files and tests).
    pub async fn read_all(mut self, app: &App) -> Result<Vec<u8>> {
        let mut out = Vec::with_capacity(usize::try_from(self.size()).unwrap_or(0));
        while let Some(chunk) = self.next(app).await? {
            out.extend(chunk);
        }
        Ok(out)
    }

    /// Sends the file into `tx` a chunk at a time (a slow reader slows the reading;
    /// at most the channel's few chunks are in memory). A failure ends the stream
    /// with an error, so the client sees a broken download, never a complete wrong one.
    pub async fn stream(mut self, app: &App, tx: mpsc::Sender<Chunk>) {
        loop {
            match self.next(app).await {
                Ok(Some(b)) => {
                    if tx.send(Ok(b)).await.is_err() {
                        return;
                    }
                }
                Ok(None) => return,
                Err(e) => {
                    tracing::error!("evidence download stopped: {e}");
                    let _ = tx.send(Err(std::io::Error::other("download failed"))).await;
                    return;
                }
            }
        }
    }
}

/// Writes the download to the custody chain, then hands back the original to read.
pub async fn download(app: &App, cap: &Cap<ReadRecord>, id: i64) -> Result<Original> {
    let mut tx = app.store.write().await?;
    let row = store::evidence::item(&mut tx, id)
        .await?
        .ok_or(ActionError::NotFound)?;
    let blob = store::evidence::blob(&mut tx, row.blob_id)
        .await?
        .ok_or(ActionError::NotFound)?;
    // A missing or cut file is refused before the download is recorded (an altered
    // chunk is caught as it is read, and breaks the stream off).
    blobs::check(app, &blob)?;
    custody(&mut tx, app, cap, "evidence.download", &row).await?;
    tx.commit().await?;
    Ok(Original {
        row,
        reader: ChunkReader::new(blob),
    })
}
