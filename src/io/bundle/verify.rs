//! Checking an unpacked court bundle with nothing but its files and the checkpoint
//! public key the recipient was given out of band: no database, no keyring. Used by
//! `vigil audit verify-bundle`; the steps are the ones `README.txt` describes.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Read;
use std::path::Path;

use sha2::Digest;

use super::{manifest_hashes, named_sha256, parse_sums, BundleFile, Meta};
use crate::audit::{checkpoint_signature_ok, entry_hash, Checkpoint, Entry};

/// What was checked, and every problem found (none means the bundle holds).
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct Report {
    pub incident_id: i64,
    pub files: usize,
    pub trail_entries: usize,
    pub custody_entries: usize,
    pub checkpoint_seq: i64,
    pub problems: Vec<String>,
}

impl Report {
    pub fn ok(&self) -> bool {
        self.problems.is_empty()
    }
}

fn read(dir: &Path, name: &str) -> Result<String, String> {
    std::fs::read_to_string(dir.join(name)).map_err(|e| format!("cannot read {name}: {e}"))
}

/// SHA-256 and BLAKE3 of a file, read in blocks.
fn hash_file(path: &Path) -> std::io::Result<(String, String)> {
    let mut f = std::fs::File::open(path)?;
    let mut sha = sha2::Sha256::new();
    let mut b3 = blake3::Hasher::new();
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        let n = f.read(&mut buf)?;
        let Some(chunk) = buf.get(..n).filter(|c| !c.is_empty()) else {
            break;
        };
        sha.update(chunk);
        b3.update(chunk);
    }
    Ok((
        hex::encode(sha.finalize()),
        b3.finalize().to_hex().to_string(),
    ))
}

fn sha256_of(text: &str) -> String {
    hex::encode(sha2::Sha256::digest(text.as_bytes()))
}

/// Verifies the bundle unpacked in `dir` against `trusted_key` (hex). Files that
/// cannot be read or parsed are reported as problems, not raised.
pub fn verify(dir: &Path, trusted_key: &str) -> Report {
    let mut r = Report::default();
    if let Err(e) = check(dir, trusted_key, &mut r) {
        r.problems.push(e);
    }
    r
}

fn check(dir: &Path, trusted_key: &str, r: &mut Report) -> Result<(), String> {
    let meta: Meta = serde_json::from_str(&read(dir, "bundle.json")?)
        .map_err(|e| format!("bundle.json: {e}"))?;
    r.incident_id = meta.incident_id;
    if meta.format != super::FORMAT {
        return Err(format!("unknown bundle format {}", meta.format));
    }
    // 1. The checkpoint, signed by the key the recipient trusts.
    let cp: Checkpoint = serde_json::from_str(&read(dir, "checkpoint.json")?)
        .map_err(|e| format!("checkpoint.json: {e}"))?;
    r.checkpoint_seq = cp.seq;
    if !checkpoint_signature_ok(&cp, trusted_key) {
        r.problems.push(format!(
            "the checkpoint at entry {} is not signed by the key given",
            cp.seq
        ));
    }
    // 2. The trail segment: contiguous, linked, every hash recomputed, ending at the
    // signed entry.
    let trail = read(dir, "trail.jsonl")?;
    let mut by_seq: BTreeMap<i64, Entry> = BTreeMap::new();
    let mut prev: Option<Entry> = None;
    for (i, line) in trail.lines().enumerate().filter(|(_, l)| !l.is_empty()) {
        let e: Entry =
            serde_json::from_str(line).map_err(|e| format!("trail.jsonl line {}: {e}", i + 1))?;
        if entry_hash(&e) != e.hash {
            r.problems.push(format!(
                "trail entry {} was altered: it does not match its hash",
                e.seq
            ));
        }
        match &prev {
            None if e.seq != meta.trail_from => r.problems.push(format!(
                "the trail starts at entry {} instead of {}",
                e.seq, meta.trail_from
            )),
            Some(p) if e.seq != p.seq + 1 => r.problems.push(format!(
                "trail entry {} follows entry {}: entries were removed, added or reordered",
                e.seq, p.seq
            )),
            Some(p) if e.prev_hash != p.hash => r.problems.push(format!(
                "trail entry {} does not link to the entry before it",
                e.seq
            )),
            _ => {}
        }
        prev = Some(e.clone());
        by_seq.insert(e.seq, e);
    }
    r.trail_entries = by_seq.len();
    match &prev {
        Some(last) if last.seq == cp.seq && last.hash == cp.hash => {}
        Some(last) => r.problems.push(format!(
            "the trail ends at entry {} but the checkpoint signs entry {}: they do not match",
            last.seq, cp.seq
        )),
        None => r.problems.push("the trail is empty".into()),
    }
    // 3. The bundle's own entry names both manifests.
    let sums = read(dir, "SHA256SUMS")?;
    let b3sums = read(dir, "B3SUMS")?;
    let named = by_seq
        .get(&meta.bundle_seq)
        .filter(|e| e.action == "evidence.bundle")
        .and_then(|e| manifest_hashes(&e.summary));
    match named {
        None => r.problems.push(format!(
            "trail entry {} is not this bundle's entry",
            meta.bundle_seq
        )),
        Some((s, b)) => {
            if s != sha256_of(&sums) {
                r.problems
                    .push("SHA256SUMS is not the manifest the trail recorded".into());
            }
            if b != sha256_of(&b3sums) {
                r.problems
                    .push("B3SUMS is not the manifest the trail recorded".into());
            }
        }
    }
    // 4. Every file matches both manifests, and nothing unlisted is in files/.
    let sha_lines = parse_sums(&sums, 64).map_err(|e| format!("SHA256SUMS: {e}"))?;
    let b3_lines: BTreeMap<String, String> = parse_sums(&b3sums, 64)
        .map_err(|e| format!("B3SUMS: {e}"))?
        .into_iter()
        .map(|(h, p)| (p, h))
        .collect();
    let mut listed = BTreeSet::new();
    for (sha, path) in &sha_lines {
        listed.insert(path.clone());
        match hash_file(&dir.join(path)) {
            Err(e) => r.problems.push(format!("{path}: cannot read ({e})")),
            Ok((s, b)) => {
                if &s != sha {
                    r.problems
                        .push(format!("{path}: SHA-256 does not match SHA256SUMS"));
                }
                if b3_lines.get(path) != Some(&b) {
                    r.problems
                        .push(format!("{path}: BLAKE3 does not match B3SUMS"));
                }
            }
        }
    }
    if let Ok(found) = std::fs::read_dir(dir.join("files")) {
        for f in found.flatten() {
            let path = format!("files/{}", f.file_name().to_string_lossy());
            if !listed.contains(&path) {
                r.problems.push(format!("{path} is not in SHA256SUMS"));
            }
        }
    }
    // 5. Each file was received with this hash and exported in this bundle, both as
    // entries of the signed trail.
    let files: Vec<BundleFile> =
        serde_json::from_str(&read(dir, "files.json")?).map_err(|e| format!("files.json: {e}"))?;
    r.files = files.len();
    let sha_of: BTreeMap<&str, &str> = sha_lines
        .iter()
        .map(|(h, p)| (p.as_str(), h.as_str()))
        .collect();
    for f in &files {
        if sha_of.get(f.path.as_str()) != Some(&f.sha256.as_str()) {
            r.problems.push(format!(
                "files.json: {} is not listed with its hash",
                f.path
            ));
        }
        let id = f.evidence_id.to_string();
        for action in ["evidence.receive", "evidence.export"] {
            let found = by_seq.values().any(|e| {
                e.action == action
                    && e.object_type == "evidence"
                    && e.object_id == id
                    && named_sha256(&e.summary) == Some(f.sha256.as_str())
            });
            if !found {
                r.problems.push(format!(
                    "evidence {id}: no {action} entry with its SHA-256 in the trail"
                ));
            }
        }
    }
    // 6. The custody log is the trail's own entries on the bundled files, all of them.
    let ids: BTreeSet<String> = files.iter().map(|f| f.evidence_id.to_string()).collect();
    let mut custody_seqs = BTreeSet::new();
    for (i, line) in read(dir, "custody.jsonl")?
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.is_empty())
    {
        let e: Entry =
            serde_json::from_str(line).map_err(|e| format!("custody.jsonl line {}: {e}", i + 1))?;
        if by_seq.get(&e.seq) != Some(&e) {
            r.problems.push(format!(
                "custody.jsonl line {}: entry {} differs from the trail",
                i + 1,
                e.seq
            ));
        }
        custody_seqs.insert(e.seq);
    }
    r.custody_entries = custody_seqs.len();
    for e in by_seq.values() {
        if e.object_type == "evidence"
            && ids.contains(&e.object_id)
            && !custody_seqs.contains(&e.seq)
        {
            r.problems
                .push(format!("custody.jsonl lacks trail entry {}", e.seq));
        }
    }
    Ok(())
}
