//! The court bundle of an incident: its evidence files (those attached to the
//! incident, to its claims and to their sources), decrypted to the original bytes,
//! with `SHA256SUMS` and `B3SUMS`, the custody log, the incident record, the audit
//! trail from the first receipt of a bundled file to a checkpoint signed for the
//! bundle, and the instructions to check it all (layout: `io::bundle`). The whole is
//! a tar archive encrypted to the recipient's `age` key as it is written, and
//! streamed: an evidence file is never held whole in memory, and no plaintext touches
//! the disk.
//!
//! [`prepare`] does every write in one transaction: an `evidence.export` custody
//! entry per file, the `evidence.bundle` entry naming the manifests' SHA-256, and a
//! checkpoint signing the trail's head (that entry), so the bundle carries its own
//! proof. [`stream`] then writes the archive. The bundle holds no personal data
//! (people appear by public code; who handed a file over is left out), so one
//! documenter may make it: the two-person rule of personal-data exports does not
//! apply (docs/evidence.md).

use std::collections::BTreeMap;
use std::io::Write;

use serde_json::json;
use sha2::Digest;
use tokio::sync::mpsc;

use super::evidence::ChunkReader;
use crate::actions::registry::export::Chunk;
use crate::actions::registry::export_requests::Shared;
use crate::actions::{audit, ActionError, Event, Result};
use crate::app::App;
use crate::audit::Entry;
use crate::auth::capability::{Cap, ReadRecord, WriteDocumentation};
use crate::domain::export::Recipient;
use crate::domain::Invalid;
use crate::io::bundle::{self, tar, BundleFile, Meta};
use crate::store::evidence::{BlobRow, ItemRow};
use crate::store::{self, Conn};

/// A bundle recorded in the trail and ready to be written.
pub struct Plan {
    pub incident_id: i64,
    pub created_at: i64,
    pub checkpoint_seq: i64,
    /// The small files, in archive order: (path inside the root, bytes).
    small: Vec<(String, Vec<u8>)>,
    /// The evidence files: (path, blob) — read chunk by chunk when written.
    files: Vec<(String, BlobRow)>,
    recipient: Recipient,
}

impl Plan {
    pub fn file_name(&self) -> String {
        format!("{}.tar.age", bundle::root(self.incident_id))
    }

    pub fn files(&self) -> usize {
        self.files.len()
    }
}

/// The items attached to the incident, its claims and the claims' sources.
async fn items_of(c: &mut Conn, incident_id: i64) -> Result<Vec<ItemRow>> {
    let mut out: BTreeMap<i64, ItemRow> = BTreeMap::new();
    let claims = store::sources::claims(c, Some(incident_id), None).await?;
    let mut targets = vec![("incident", incident_id)];
    for cl in &claims {
        targets.push(("claim", cl.claim_id));
        if !targets.contains(&("source", cl.source_id)) {
            targets.push(("source", cl.source_id));
        }
    }
    for t in targets {
        for row in store::evidence::items(c, Some(t)).await? {
            out.insert(row.evidence_id, row);
        }
    }
    Ok(out.into_values().collect())
}

fn json_bytes<T: serde::Serialize>(v: &T) -> Result<Vec<u8>> {
    let mut b = serde_json::to_vec_pretty(v)
        .map_err(|e| ActionError::Internal(format!("bundle json: {e}")))?;
    b.push(b'\n');
    Ok(b)
}

fn jsonl(entries: &[&Entry]) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    for e in entries {
        serde_json::to_writer(&mut out, e)
            .map_err(|e| ActionError::Internal(format!("bundle json: {e}")))?;
        out.push(b'\n');
    }
    Ok(out)
}

/// Records the bundle (custody entries, its own entry, a signed checkpoint) and
/// gathers what goes in it.
pub async fn prepare(
    app: &App,
    cap: &Cap<WriteDocumentation>,
    incident_id: i64,
    recipient: &Recipient,
) -> Result<Plan> {
    let reader = cap.actor().grant::<ReadRecord>()?;
    let detail = super::incidents::get(app, &reader, incident_id).await?;
    let now = app.now();
    let mut tx = app.store.write().await?;
    let items = items_of(&mut tx, incident_id).await?;
    if items.is_empty() {
        return Err(Invalid::new(
            "incident",
            "bundle-invalid-empty",
            "no evidence file is attached to this incident, its claims or their sources",
        )
        .into());
    }
    let listed: Vec<BundleFile> = items
        .iter()
        .map(|i| BundleFile {
            evidence_id: i.evidence_id,
            path: bundle::file_path(i.evidence_id, &i.file_name),
            file_name: i.file_name.clone(),
            sha256: i.sha256.clone(),
            blake3: i.blake3.clone(),
            size: i.size_bytes,
            media_type: i.media_type.clone(),
            attached_to: format!("{} {}", i.target_type, i.target_id),
            received_on: i.received_on.clone(),
            received_how: i.received_how.clone(),
            received_by: i.received_by_name.clone(),
        })
        .collect();
    let mut small = vec![
        (
            "README.txt".to_string(),
            bundle::readme(incident_id).into_bytes(),
        ),
        ("incident.json".to_string(), json_bytes(&detail)?),
        ("files.json".to_string(), json_bytes(&listed)?),
    ];
    let mut sha_lines: Vec<(String, String)> = small
        .iter()
        .map(|(p, b)| (hex::encode(sha2::Sha256::digest(b)), p.clone()))
        .collect();
    let mut b3_lines: Vec<(String, String)> = small
        .iter()
        .map(|(p, b)| (blake3::hash(b).to_hex().to_string(), p.clone()))
        .collect();
    for f in &listed {
        sha_lines.push((f.sha256.clone(), f.path.clone()));
        b3_lines.push((f.blake3.clone(), f.path.clone()));
    }
    let sums = bundle::sums(sha_lines.iter().map(|(h, p)| (h.as_str(), p.as_str())));
    let b3sums = bundle::sums(b3_lines.iter().map(|(h, p)| (h.as_str(), p.as_str())));

    for i in &items {
        audit(
            &mut tx,
            app,
            cap.actor(),
            Event {
                action: "evidence.export",
                object_type: "evidence",
                object_id: i.evidence_id.to_string(),
                summary: format!(
                    "in the court bundle of incident {incident_id}: sha256 {}",
                    i.sha256
                ),
                details: json!({ "sha256": i.sha256, "recipient": recipient.as_str() }),
            },
        )
        .await?;
    }
    let sums_sha = hex::encode(sha2::Sha256::digest(sums.as_bytes()));
    let b3sums_sha = hex::encode(sha2::Sha256::digest(b3sums.as_bytes()));
    let entry = audit(
        &mut tx,
        app,
        cap.actor(),
        Event {
            action: "evidence.bundle",
            object_type: "incident",
            object_id: incident_id.to_string(),
            summary: format!(
                "{} for {}",
                bundle::summary(incident_id, items.len(), &sums_sha, &b3sums_sha),
                recipient.as_str()
            ),
            details: json!({ "files": listed.iter().map(|f| f.evidence_id).collect::<Vec<_>>(),
                "recipient": recipient.as_str() }),
        },
    )
    .await?;
    // The checkpoint signs this very entry (the write transaction holds the head).
    let cp = crate::audit::sign_checkpoint(app.keys.signing_key(), entry.seq, &entry.hash, now);
    store::audit::insert_checkpoint(&mut tx, &cp).await?;

    // The trail from the earliest receipt of a bundled file up to the checkpoint.
    let mut from = entry.seq;
    for i in &items {
        let receipt = super::evidence::chain(&mut tx, i.evidence_id)
            .await?
            .into_iter()
            .find(|e| e.action == "evidence.receive")
            .ok_or_else(|| {
                ActionError::Internal(format!("evidence {} has no receipt entry", i.evidence_id))
            })?;
        from = from.min(receipt.seq);
    }
    let mut trail = Vec::new();
    let mut after = from - 1;
    while after < entry.seq {
        let batch = store::audit::scan(&mut tx, after, 5_000).await?;
        let Some(last) = batch.last().map(|e| e.seq) else {
            break;
        };
        after = last;
        trail.extend(batch.into_iter().filter(|e| e.seq <= entry.seq));
    }
    let ids: Vec<String> = items.iter().map(|i| i.evidence_id.to_string()).collect();
    let custody: Vec<&Entry> = trail
        .iter()
        .filter(|e| e.object_type == "evidence" && ids.contains(&e.object_id))
        .collect();
    let meta = Meta {
        format: bundle::FORMAT.into(),
        incident_id,
        bundle_seq: entry.seq,
        trail_from: from,
        checkpoint_seq: cp.seq,
        created_at: now,
        public_key: cp.key.clone(),
    };
    small.extend([
        ("SHA256SUMS".to_string(), sums.into_bytes()),
        ("B3SUMS".to_string(), b3sums.into_bytes()),
        ("custody.jsonl".to_string(), jsonl(&custody)?),
        (
            "trail.jsonl".to_string(),
            jsonl(&trail.iter().collect::<Vec<_>>())?,
        ),
        ("checkpoint.json".to_string(), json_bytes(&cp)?),
        ("bundle.json".to_string(), json_bytes(&meta)?),
    ]);
    let mut files = Vec::with_capacity(items.len());
    for (i, f) in items.iter().zip(&listed) {
        let blob = store::evidence::blob(&mut tx, i.blob_id)
            .await?
            .ok_or(ActionError::NotFound)?;
        // A missing or cut file refuses the bundle before anything is recorded (the
        // transaction is dropped); an altered chunk breaks the stream as it is read.
        super::blobs::check(app, &blob)?;
        files.push((f.path.clone(), blob));
    }
    tx.commit().await?;
    crate::app::append_checkpoint_line(&app.config.checkpoint_file, &cp)
        .map_err(|e| ActionError::Internal(e.to_string()))?;
    Ok(Plan {
        incident_id,
        created_at: now,
        checkpoint_seq: cp.seq,
        small,
        files,
        recipient: recipient.clone(),
    })
}

/// Writes the archive through age into `out`, handing ciphertext on as it comes.
struct Sink {
    writer: age::stream::StreamWriter<Shared>,
    out: Shared,
    tx: mpsc::Sender<Chunk>,
}

impl Sink {
    async fn write(&mut self, bytes: &[u8]) -> Result<()> {
        self.writer
            .write_all(bytes)
            .map_err(|e| ActionError::Internal(format!("bundle: {e}")))?;
        let b = self
            .out
            .take()
            .map_err(|e| ActionError::Internal(e.to_string()))?;
        if !b.is_empty() && self.tx.send(Ok(b)).await.is_err() {
            return Err(ActionError::Internal("the reader went away".into()));
        }
        Ok(())
    }
}

/// Writes the bundle as an age-encrypted tar into `tx`. An evidence file whose
/// decrypted bytes do not match its recorded SHA-256 stops the bundle with an error
/// (the reader gets a broken stream, never a bundle that would verify wrongly).
pub async fn stream(app: &App, plan: Plan, tx: mpsc::Sender<Chunk>) {
    if let Err(e) = write(app, plan, tx.clone()).await {
        tracing::error!("court bundle stopped: {e}");
        let _ = tx.send(Err(std::io::Error::other("bundle failed"))).await;
    }
}

async fn write(app: &App, plan: Plan, tx: mpsc::Sender<Chunk>) -> Result<()> {
    let bad = |e: String| ActionError::Internal(format!("bundle: {e}"));
    let key = plan
        .recipient
        .key()
        .ok_or_else(|| bad("bad recipient".into()))?;
    let out = Shared::default();
    let writer = age::Encryptor::with_recipients(std::iter::once(&key as &dyn age::Recipient))
        .map_err(|e| bad(e.to_string()))?
        .wrap_output(out.clone())
        .map_err(|e| bad(e.to_string()))?;
    let mut sink = Sink { writer, out, tx };
    let root = bundle::root(plan.incident_id);
    let mtime = plan.created_at / 1000;
    for (path, body) in &plan.small {
        sink.write(&tar::file(&format!("{root}/{path}"), body, mtime).map_err(bad)?)
            .await?;
    }
    let mut c = app.store.read().await?;
    for (path, blob) in plan.files {
        let mut reader = ChunkReader::new(blob);
        let size = reader.size();
        sink.write(&tar::header(&format!("{root}/{path}"), size, mtime).map_err(bad)?)
            .await?;
        while let Some(mut plain) = reader.next(&mut c, app).await? {
            let written = sink.write(&plain).await;
            zeroize::Zeroize::zeroize(&mut plain);
            written?;
        }
        sink.write(&tar::padding(size)).await?;
    }
    drop(c);
    sink.write(&tar::trailer()).await?;
    let Sink { writer, out, tx } = sink;
    writer.finish().map_err(|e| bad(e.to_string()))?;
    let last = out.take().map_err(|e| bad(e.to_string()))?;
    if tx.send(Ok(last)).await.is_err() {
        return Err(bad("the reader went away".into()));
    }
    Ok(())
}
