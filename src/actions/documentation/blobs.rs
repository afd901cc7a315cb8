//! The evidence directory: every evidence blob is one sealed file, named by a keyed
//! address of its content (a keyed BLAKE3 of its SHA-256, so whoever holds the disk
//! cannot confirm that a file they know is in the record) and fanned out by the
//! address's first characters (`ab/cd/abcd…`). The database keeps the blob's row,
//! hashes and custody; the file keeps its bytes.
//!
//! A file is the spool file of its upload, renamed into place: 256 KiB chunks, each
//! `u32` length (little-endian) then the chunk sealed with XChaCha20-Poly1305 under the
//! data key (its associated data binds the blob, the chunk's index and whether it is
//! the last), so a streamed read still catches an altered, moved or dropped chunk.
//! Blobs recorded before the directory existed keep their chunks in `evidence_chunks`
//! until `vigil evidence move-to-files` moves them out; [`ChunkReader`] reads both.
//!
//! File reads and the rename are done in place rather than on a blocking thread: a
//! chunk is one read of 256 KiB from the page cache or disk, and the rename and the
//! directory's `fsync` are metadata operations; the upload's own `fsync` (the slow
//! one) is done on a blocking thread before the write transaction (`Spooled::sync`).

use std::fs::File;
use std::io::{BufReader, Read};
use std::path::{Path, PathBuf};

use sha2::Digest;

use crate::actions::{ActionError, Result};
use crate::app::App;
use crate::crypto::SEALED_OVERHEAD;
use crate::store::{self, evidence::BlobRow};

/// Plaintext bytes per sealed chunk.
pub const CHUNK: usize = 256 * 1024;

/// Where unfinished uploads are spooled: inside the evidence directory, so that the
/// finished file is renamed into place on the same file system.
pub fn spool_dir(app: &App) -> PathBuf {
    app.evidence_dir.join("spool")
}

/// A blob file's path relative to the evidence directory.
pub fn relative(address: &str) -> PathBuf {
    let a = address.get(..2).unwrap_or("xx");
    let b = address.get(2..4).unwrap_or("xx");
    Path::new(a).join(b).join(address)
}

pub fn path(app: &App, address: &str) -> PathBuf {
    app.evidence_dir.join(relative(address))
}

/// The length of a blob file holding `size` bytes in `chunks` chunks.
pub fn sealed_len(size: i64, chunks: i64) -> i64 {
    size + chunks * (4 + SEALED_OVERHEAD as i64)
}

fn io(what: &str, path: &Path, e: &std::io::Error) -> ActionError {
    ActionError::Internal(format!("evidence {what} {}: {e}", path.display()))
}

fn sync_dir(dir: &Path) -> Result<()> {
    File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(|e| io("directory sync", dir, &e))
}

/// Moves a sealed spool file (already `fsync`ed) to its address and makes the rename
/// durable (the directory is `fsync`ed, and its parents when the fan-out directories
/// were new). Only then may the row naming the file be committed: a crash before the
/// commit leaves a file no row names, which the sweep removes.
pub fn place(app: &App, spool: &Path, address: &str) -> Result<PathBuf> {
    let to = path(app, address);
    let dir = to
        .parent()
        .ok_or_else(|| ActionError::Internal("evidence file without a directory".into()))?;
    let fresh_dir = !dir.exists();
    std::fs::create_dir_all(dir).map_err(|e| io("directory", dir, &e))?;
    std::fs::rename(spool, &to).map_err(|e| io("rename to", &to, &e))?;
    sync_dir(dir)?;
    if fresh_dir {
        let mut up = dir.parent();
        while let Some(d) = up {
            sync_dir(d)?;
            if d == app.evidence_dir {
                break;
            }
            up = d.parent();
        }
    }
    Ok(to)
}

/// A stored file that is not as recorded: the message names the blob and what is
/// wrong, and says what to do (logs and `vigil evidence verify` show it; a user sees
/// that the stored file is damaged, never a path).
fn damaged(blob: &BlobRow, what: String) -> ActionError {
    ActionError::Damaged(format!(
        "evidence blob {} (sha256 {}): {what}; run `vigil evidence verify` and restore the \
         evidence directory from a backup",
        blob.blob_id, blob.sha256
    ))
}

/// A cheap check of a blob's file, without reading it: it is there and as long as
/// recorded. (A blob still in the database passes: its chunks are checked on reading.)
pub fn check(app: &App, blob: &BlobRow) -> Result<()> {
    let Some(address) = &blob.file_address else {
        return Ok(());
    };
    let p = path(app, address);
    match std::fs::metadata(&p) {
        Ok(m) => {
            let want = sealed_len(blob.size_bytes, blob.chunks);
            if i64::try_from(m.len()).ok() == Some(want) {
                Ok(())
            } else {
                Err(damaged(
                    blob,
                    format!("file {} is {} bytes, not {want}", p.display(), m.len()),
                ))
            }
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            Err(damaged(blob, format!("file {} is missing", p.display())))
        }
        Err(e) => Err(io("file", &p, &e)),
    }
}

/// Reads a blob's sealed chunks in order — from its file, or from the database for a
/// blob not yet moved out — and opens them. Each chunk's AEAD binds the blob, its
/// index and whether it is the last, so a moved, dropped or altered chunk fails to
/// open; the SHA-256 of the whole is checked as well when the last chunk is read (a
/// mismatch is an error instead of the end of the file, so a stream that carried it
/// is broken off rather than completed).
pub struct ChunkReader {
    blob: BlobRow,
    next: i64,
    sha256: sha2::Sha256,
    file: Option<BufReader<File>>,
}

impl ChunkReader {
    pub fn new(blob: BlobRow) -> Self {
        ChunkReader {
            blob,
            next: 0,
            sha256: sha2::Sha256::new(),
            file: None,
        }
    }

    pub fn size(&self) -> u64 {
        u64::try_from(self.blob.size_bytes).unwrap_or_default()
    }

    pub fn blob(&self) -> &BlobRow {
        &self.blob
    }

    /// The next chunk of plaintext, or `None` after the last one (checked). `c` is
    /// used only for a blob still in the database.
    pub async fn next(&mut self, c: &mut store::Conn, app: &App) -> Result<Option<Vec<u8>>> {
        let n = self.next;
        if n >= self.blob.chunks {
            return Ok(None);
        }
        let last = n + 1 == self.blob.chunks;
        let sealed = match self.blob.file_address.clone() {
            Some(address) => self.read_sealed(app, &address, last)?,
            None => store::evidence::chunk(c, self.blob.blob_id, n)
                .await?
                .ok_or_else(|| damaged(&self.blob, format!("chunk {n} is missing")))?,
        };
        let index = u64::try_from(n).unwrap_or_default();
        let plain = app
            .keys
            .open_chunk(&self.blob.blob_ref, index, last, &sealed)
            .map_err(|_| {
                damaged(
                    &self.blob,
                    format!("chunk {n} does not open (altered or moved)"),
                )
            })?;
        self.sha256.update(&plain);
        self.next += 1;
        if last && hex::encode(self.sha256.clone().finalize()) != self.blob.sha256 {
            return Err(damaged(
                &self.blob,
                "the content does not match its SHA-256".into(),
            ));
        }
        Ok(Some(plain))
    }

    /// The next sealed chunk from the blob's file (opened at the first chunk).
    fn read_sealed(&mut self, app: &App, address: &str, last: bool) -> Result<Vec<u8>> {
        let n = self.next;
        if self.file.is_none() {
            let p = path(app, address);
            let f = File::open(&p).map_err(|e| {
                if e.kind() == std::io::ErrorKind::NotFound {
                    damaged(&self.blob, format!("file {} is missing", p.display()))
                } else {
                    io("file", &p, &e)
                }
            })?;
            self.file = Some(BufReader::with_capacity(64 * 1024, f));
        }
        let blob = &self.blob;
        let f = self
            .file
            .as_mut()
            .ok_or_else(|| ActionError::Internal("evidence file not open".into()))?;
        let cut = |_| damaged(blob, format!("the file ends before chunk {n}"));
        let mut len = [0u8; 4];
        f.read_exact(&mut len).map_err(cut)?;
        let len = u32::from_le_bytes(len) as usize;
        if len > CHUNK + SEALED_OVERHEAD {
            return Err(damaged(blob, format!("chunk {n} has an impossible length")));
        }
        let mut sealed = vec![0u8; len];
        f.read_exact(&mut sealed).map_err(cut)?;
        if last {
            let mut more = [0u8; 1];
            if f.read(&mut more).unwrap_or(0) > 0 {
                return Err(damaged(
                    blob,
                    "the file goes on after its last chunk".into(),
                ));
            }
        }
        Ok(sealed)
    }
}
