//! Evidence files and their chain of custody.
//!
//! An upload streams through an [`Ingest`]: SHA-256 and BLAKE3 are computed on the
//! way in, the bytes are sealed chunk by chunk under the data key and spooled to a
//! file in the data folder (never held whole in memory, never written in clear), and
//! the first bytes are sniffed against the file's name. [`record`] then checks the
//! capture record and, in one write transaction, stores the blob by content address
//! (an identical file already stored is not stored again), the item, and the
//! `evidence.receive` audit entry. Views and downloads write `evidence.view` and
//! `evidence.download` entries (a download is streamed a chunk at a time): the custody chain is the audit trail's entries on the
//! item, so `vigil audit verify` catches an edited, removed or inserted custody entry.

use std::io::{Read, Write};
use std::path::PathBuf;

use serde_json::json;
use sha2::Digest;
use tokio::sync::mpsc;

use crate::actions::registry::export::Chunk;

use crate::actions::{audit, ActionError, Event, Result};
use crate::app::App;
use crate::audit::Entry;
use crate::auth::capability::{Cap, ReadRecord, WriteDocumentation};
use crate::domain::evidence::{check, Capture, MAX_BYTES, SNIFF_BYTES};
use crate::domain::person::Choice;
use crate::domain::Invalid;
use crate::store::evidence::{BlobRow, ItemRow, NewBlob, NewItem};
use crate::store::{self, audit::Filter};

/// Plaintext bytes per sealed chunk.
pub const CHUNK: usize = 256 * 1024;

/// An upload on its way in. Dropping it removes its spool file.
pub struct Ingest {
    spool: PathBuf,
    file: std::fs::File,
    blob_ref: String,
    file_name: String,
    buf: Vec<u8>,
    head: Vec<u8>,
    sha256: sha2::Sha256,
    blake3: blake3::Hasher,
    size: u64,
    chunks: u64,
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
        let dir = app.config.data_dir.join("spool");
        std::fs::create_dir_all(&dir).map_err(io)?;
        let blob_ref = crate::crypto::random_token(16);
        let spool = dir.join(format!("{blob_ref}.part"));
        let file = std::fs::File::create(&spool).map_err(io)?;
        Ok(Ingest {
            spool,
            file,
            blob_ref,
            file_name: file_name.trim().to_string(),
            buf: Vec::with_capacity(CHUNK),
            head: Vec::with_capacity(SNIFF_BYTES),
            sha256: sha2::Sha256::new(),
            blake3: blake3::Hasher::new(),
            size: 0,
            chunks: 0,
            limit,
        })
    }

    /// Takes the next bytes of the upload; refuses as soon as the limit is passed.
    /// (The spool writes are small appends to the page cache, done in place rather
    /// than on a blocking thread.)
    pub fn push(&mut self, app: &App, mut bytes: &[u8]) -> Result<()> {
        self.size += bytes.len() as u64;
        if self.size > self.limit {
            return Err(too_large());
        }
        self.sha256.update(bytes);
        self.blake3.update(bytes);
        let want = SNIFF_BYTES.saturating_sub(self.head.len()).min(bytes.len());
        self.head
            .extend_from_slice(bytes.get(..want).unwrap_or_default());
        while !bytes.is_empty() {
            let take = (CHUNK - self.buf.len()).min(bytes.len());
            let (now, rest) = bytes.split_at(take);
            self.buf.extend_from_slice(now);
            bytes = rest;
            // A full chunk is sealed only when more bytes follow, so the last chunk
            // is always the one sealed in `finish` with the "last" mark.
            if self.buf.len() == CHUNK && !bytes.is_empty() {
                self.flush(app, false)?;
            }
        }
        Ok(())
    }

    fn flush(&mut self, app: &App, last: bool) -> Result<()> {
        let sealed = app
            .keys
            .seal_chunk(&self.blob_ref, self.chunks, last, &self.buf);
        let len = u32::try_from(sealed.len()).map_err(|_| too_large())?;
        self.file.write_all(&len.to_le_bytes()).map_err(io)?;
        self.file.write_all(&sealed).map_err(io)?;
        self.chunks += 1;
        self.buf.clear();
        Ok(())
    }

    /// Seals what is left and checks the content against the name.
    pub fn finish(mut self, app: &App) -> Result<Spooled> {
        let media_type = check(&self.file_name, &self.head, self.size)?;
        self.flush(app, true)?;
        self.file.flush().map_err(io)?;
        let sha256 = hex::encode(self.sha256.clone().finalize());
        let blake3 = self.blake3.finalize().to_hex().to_string();
        Ok(Spooled {
            sha256,
            blake3,
            size: self.size,
            media_type,
            chunks: self.chunks,
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
    ingest: Ingest,
}

/// Records a spooled upload with its capture record; returns the item's id.
pub async fn record(
    app: &App,
    cap: &Cap<WriteDocumentation>,
    file: Spooled,
    capture: &Capture,
) -> Result<i64> {
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
    file: Spooled,
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
            let chunks = i64::try_from(file.chunks).map_err(|_| too_large())?;
            let blob_id = store::evidence::insert_blob(
                &mut *tx,
                &NewBlob {
                    sha256: &file.sha256,
                    blake3: &file.blake3,
                    size_bytes: i64::try_from(file.size).map_err(|_| too_large())?,
                    media_type: file.media_type,
                    blob_ref: &file.ingest.blob_ref,
                    chunks,
                },
                app.now(),
            )
            .await?;
            let mut spool =
                std::io::BufReader::new(std::fs::File::open(&file.ingest.spool).map_err(io)?);
            for n in 0..chunks {
                let mut len = [0u8; 4];
                spool.read_exact(&mut len).map_err(io)?;
                let mut sealed = vec![0u8; u32::from_le_bytes(len) as usize];
                spool.read_exact(&mut sealed).map_err(io)?;
                store::evidence::insert_chunk(&mut *tx, blob_id, n, &sealed).await?;
            }
            blob_id
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
    Ok(Evidence { row, received_from })
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
    custody(&mut tx, app, cap, "evidence.view", &row).await?;
    let chain = chain(&mut tx, id).await?;
    tx.commit().await?;
    let personal = cap
        .actor()
        .role
        .allows(crate::domain::Perm::WriteDocumentation);
    Ok((open(app, row, personal)?, chain))
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

/// Reads a blob's sealed chunks in order and opens them. Each chunk's AEAD binds the
/// blob, its index and whether it is the last, so a moved, dropped or altered chunk
/// fails to open; the SHA-256 of the whole is checked as well when the last chunk is
/// read (a mismatch is an error instead of the end of the file, so a stream that
/// carried it is broken off rather than completed).
pub struct ChunkReader {
    blob: BlobRow,
    next: i64,
    sha256: sha2::Sha256,
}

impl ChunkReader {
    pub fn new(blob: BlobRow) -> Self {
        ChunkReader {
            blob,
            next: 0,
            sha256: sha2::Sha256::new(),
        }
    }

    pub fn size(&self) -> u64 {
        u64::try_from(self.blob.size_bytes).unwrap_or_default()
    }

    /// The next chunk of plaintext, or `None` after the last one (checked).
    pub async fn next(&mut self, c: &mut store::Conn, app: &App) -> Result<Option<Vec<u8>>> {
        let (blob, n) = (&self.blob, self.next);
        if n >= blob.chunks {
            return Ok(None);
        }
        let sealed = store::evidence::chunk(c, blob.blob_id, n)
            .await?
            .ok_or_else(|| {
                ActionError::Internal(format!("evidence blob {} lacks chunk {n}", blob.blob_id))
            })?;
        let index = u64::try_from(n).unwrap_or_default();
        let last = n + 1 == blob.chunks;
        let plain = app.keys.open_chunk(&blob.blob_ref, index, last, &sealed)?;
        self.sha256.update(&plain);
        self.next += 1;
        if last && hex::encode(self.sha256.clone().finalize()) != blob.sha256 {
            return Err(ActionError::Internal(format!(
                "evidence blob {} does not match its SHA-256",
                blob.blob_id
            )));
        }
        Ok(Some(plain))
    }
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
    custody(&mut tx, app, cap, "evidence.download", &row).await?;
    tx.commit().await?;
    Ok(Original {
        row,
        reader: ChunkReader::new(blob),
    })
}
