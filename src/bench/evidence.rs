//! The evidence ingest scenario: an upload streamed through `Ingest` (SHA-256 and
//! BLAKE3, sealed chunks, spool file, content check) and recorded (the spool file
//! `fsync`ed, renamed into the evidence directory, the directory `fsync`ed; blob row,
//! item, audit entry in one transaction, committed durably), in MiB/s, against two
//! anchors run in turns with it on the same bytes: BLAKE3 + SHA-256 hashing them, and
//! copying them durably (written to a file on the same disk in the same pieces, then
//! `fsync`ed, as the ingest `fsync`s its file). The aim is at least 0.85x the
//! slower of the two anchors. A third anchor does both in one pass (hashed and written
//! piece by piece, then `fsync`ed): the least work an ingest that hashes and stores
//! durably must do, which the two alone leave out.
//! (Search is in `search`.)

use std::sync::Arc;

use std::io::Write;
use std::time::Instant;

use rand::{Rng, SeedableRng};
use sha2::Digest;

use super::{median, Outcome, Rates};
use crate::actions::documentation::evidence::{self, CHUNK};
use crate::app::App;
use crate::auth::capability::{Cap, WriteDocumentation};
use crate::auth::Actor;
use crate::domain::evidence::{Capture, MAX_BYTES};
use crate::domain::Role;

/// MiB per upload at size S.
const FILE_MIB: usize = 8;
/// The pieces a multipart body arrives in.
const PIECE: usize = 64 * 1024;

/// A PNG-looking file of `mib` MiB, different for every `seed`.
fn file(seed: u64, mib: usize) -> Vec<u8> {
    let mut rng = rand::rngs::StdRng::seed_from_u64(seed);
    let mut b = vec![0u8; mib * 1024 * 1024];
    rng.fill(b.as_mut_slice());
    for (slot, m) in b.iter_mut().zip(b"\x89PNG\r\n\x1a\n") {
        *slot = *m;
    }
    b
}

pub async fn scenarios(app: &Arc<App>, scale: usize, runs: usize) -> anyhow::Result<Vec<Outcome>> {
    let cap: Cap<WriteDocumentation> = Actor {
        user_id: 0,
        username: "bench-documenter".into(),
        role: Role::Documenter,
    }
    .grant()?;
    let incident = crate::actions::documentation::incidents::create(
        app,
        &cap,
        &crate::domain::incident::IncidentInput::parse(&crate::domain::incident::IncidentText {
            title: "Bench evidence incident",
            category: "rocket_attack",
            started: "2013-02-09",
            ..Default::default()
        })?,
    )
    .await?;
    let capture = Capture::parse(
        "incident",
        &incident.to_string(),
        "2013-02-10",
        "bench",
        "email",
    )?;

    // 8 MiB at S, the largest upload allowed (64 MiB) at M and L.
    let mib = (FILE_MIB * scale).min((MAX_BYTES / (1024 * 1024)) as usize);
    // Every round uploads different bytes (the same bytes would be stored once).
    let files: Vec<Vec<u8>> = (0..runs).map(|r| file(r as u64 + 1, mib)).collect();
    // Beside the evidence directory: the same disk as the ingest's files.
    let copies = app.evidence_dir.join("bench-copies");
    std::fs::create_dir_all(&copies)?;
    super::reset_peak_rss();
    let (mut s, mut h, mut c, mut hc) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    // Where the ingest's time goes: streaming in (hashes, sealing, spool) and recording.
    let (mut streaming, mut recording) = (Vec::new(), Vec::new());
    for (r, bytes) in files.iter().enumerate() {
        let t = Instant::now();
        let mut ingest = evidence::Ingest::new(app, "bench.png")?;
        // Pieces of the size a multipart body arrives in.
        for piece in bytes.chunks(PIECE) {
            ingest.push(app, piece)?;
        }
        let spooled = ingest.finish(app)?;
        let streamed = t.elapsed().as_secs_f64();
        evidence::record(app, &cap, spooled, &capture).await?;
        let total = t.elapsed().as_secs_f64();
        s.push(mib as f64 / total);
        streaming.push(streamed * 1e3);
        recording.push((total - streamed) * 1e3);

        let t = Instant::now();
        let mut sha = sha2::Sha256::new();
        let mut b3 = blake3::Hasher::new();
        for piece in bytes.chunks(PIECE) {
            sha.update(piece);
            b3.update(piece);
        }
        anyhow::ensure!(!sha.finalize().is_empty() && !b3.finalize().as_bytes().is_empty());
        h.push(mib as f64 / t.elapsed().as_secs_f64());

        let t = Instant::now();
        let path = copies.join(format!("{r}.copy"));
        let mut f = std::fs::File::create(&path)?;
        // Written in the ingest's chunk size (it writes a sealed chunk at a time).
        for chunk in bytes.chunks(CHUNK) {
            f.write_all(chunk)?;
        }
        f.sync_all()?;
        drop(f);
        c.push(mib as f64 / t.elapsed().as_secs_f64());
        std::fs::remove_file(&path)?;

        // Both anchors' work in one pass, the least any ingest that hashes and stores
        // durably must do (the ingest adds sealing and recording to it).
        let t = Instant::now();
        let mut f = std::fs::File::create(&path)?;
        let mut sha = sha2::Sha256::new();
        let mut b3 = blake3::Hasher::new();
        for chunk in bytes.chunks(CHUNK) {
            for piece in chunk.chunks(PIECE) {
                sha.update(piece);
                b3.update(piece);
            }
            f.write_all(chunk)?;
        }
        f.sync_all()?;
        drop(f);
        anyhow::ensure!(!sha.finalize().is_empty() && !b3.finalize().as_bytes().is_empty());
        hc.push(mib as f64 / t.elapsed().as_secs_f64());
        std::fs::remove_file(&path)?;
    }
    std::fs::remove_dir_all(&copies).ok();
    let peak_kib = super::peak_rss_kib();
    let (s, h, c, hc) = (median(s), median(h), median(c), median(hc));
    let mut hashing = super::outcome(
        "evidence ingest",
        "MiB",
        mib,
        Rates {
            subject: s,
            anchor: h,
            peak_kib,
        },
        "BLAKE3 + SHA-256 over the same bytes",
    );
    let copying = super::outcome(
        "ingest vs copy",
        "MiB",
        mib,
        Rates {
            subject: s,
            anchor: c,
            peak_kib,
        },
        "the same bytes written to a file and fsynced",
    );
    let both = super::outcome(
        "ingest vs h+copy",
        "MiB",
        mib,
        Rates {
            subject: s,
            anchor: hc,
            peak_kib,
        },
        "the same bytes hashed (both) and written to a file and fsynced, in one pass",
    );
    hashing.note = Some(format!(
        "{mib} MiB uploads: {s:.1} MiB/s vs hashing {h:.1}, copying {c:.1}, both in one pass {hc:.1}; {:.2}x the slower, {:.2}x both; \
         per upload {:.1} ms streaming in (hashes, sealing, spool), {:.1} ms recording (fsync, rename into place, blob, item, audit, commit)",
        s / h.min(c),
        s / hc,
        median(streaming),
        median(recording)
    ));
    Ok(vec![hashing, copying, both])
}
