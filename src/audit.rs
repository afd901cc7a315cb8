//! The audit trail's rules, as pure functions: how an entry is hashed into the chain,
//! how a checkpoint is signed, and how a trail and its checkpoints are verified.
//!
//! Each entry's hash is SHA-256 over the previous entry's hash and the entry's fields
//! in a fixed, length-prefixed encoding. Editing, deleting, inserting or reordering
//! any entry breaks the chain from that point on. An attacker who can write the
//! database could recompute the chain after an edit, so the chain is anchored by
//! *checkpoints*: `(seq, hash)` pairs signed with an Ed25519 key that only the master
//! key unlocks, appended to a file meant to be handed to a third party. A checkpoint
//! that no longer matches the trail, or that names an entry the trail no longer has
//! (truncation), is reported. Persistence lives in `store::audit`.

use ed25519_dalek::{Signature, Signer, Verifier as _, VerifyingKey};
use sha2::{Digest, Sha256};

/// The hash before the first entry.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// One audit entry as stored.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Entry {
    pub seq: i64,
    /// Milliseconds since the epoch, UTC.
    pub at: i64,
    /// The account that acted; 0 for the system (CLI, demo loader, migrations).
    pub actor_id: i64,
    pub actor: String,
    /// What was done, as `area.verb` (`user.create`, `person.view`, …).
    pub action: String,
    pub object_type: String,
    pub object_id: String,
    /// A short summary that never holds personal data (field names, not values).
    pub summary: String,
    /// HMAC of the full details, keyed by the keyring's audit MAC key.
    pub details_mac: String,
    pub prev_hash: String,
    pub hash: String,
}

/// The fields of a new entry, before it is chained.
#[derive(Debug, Clone)]
pub struct NewEntry {
    pub at: i64,
    pub actor_id: i64,
    pub actor: String,
    pub action: String,
    pub object_type: String,
    pub object_id: String,
    pub summary: String,
    pub details_mac: String,
}

impl NewEntry {
    /// Chains this entry after `(prev_seq, prev_hash)`.
    pub fn chain(self, prev_seq: i64, prev_hash: &str) -> Entry {
        let mut e = Entry {
            seq: prev_seq + 1,
            at: self.at,
            actor_id: self.actor_id,
            actor: self.actor,
            action: self.action,
            object_type: self.object_type,
            object_id: self.object_id,
            summary: self.summary,
            details_mac: self.details_mac,
            prev_hash: prev_hash.to_string(),
            hash: String::new(),
        };
        e.hash = entry_hash(&e);
        e
    }
}

/// The hash of an entry, from its fields and its `prev_hash` (its own `hash` field is
/// not an input).
pub fn entry_hash(e: &Entry) -> String {
    let mut h = Sha256::new();
    h.update(b"vigil/audit/v1");
    for part in [
        e.prev_hash.as_bytes(),
        e.seq.to_string().as_bytes(),
        e.at.to_string().as_bytes(),
        e.actor_id.to_string().as_bytes(),
        e.actor.as_bytes(),
        e.action.as_bytes(),
        e.object_type.as_bytes(),
        e.object_id.as_bytes(),
        e.summary.as_bytes(),
        e.details_mac.as_bytes(),
    ] {
        // Length-prefixed, so that moving bytes between fields changes the hash.
        h.update((part.len() as u64).to_be_bytes());
        h.update(part);
    }
    hex::encode(h.finalize())
}

/// A signed statement that the trail's entry `seq` had hash `hash`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Checkpoint {
    pub seq: i64,
    pub hash: String,
    /// Milliseconds since the epoch when it was signed.
    pub at: i64,
    /// The Ed25519 public key, hex; verifiers should compare it with the key they
    /// were given out of band (`vigil audit public-key`).
    pub key: String,
    /// Ed25519 signature over `checkpoint_message`, hex.
    pub sig: String,
}

pub fn checkpoint_message(seq: i64, hash: &str, at: i64) -> String {
    format!("vigil audit checkpoint v1\nseq {seq}\nhash {hash}\nat {at}\n")
}

pub fn sign_checkpoint(
    key: &ed25519_dalek::SigningKey,
    seq: i64,
    hash: &str,
    at: i64,
) -> Checkpoint {
    let sig = key.sign(checkpoint_message(seq, hash, at).as_bytes());
    Checkpoint {
        seq,
        hash: hash.to_string(),
        at,
        key: hex::encode(key.verifying_key().as_bytes()),
        sig: hex::encode(sig.to_bytes()),
    }
}

/// Checks a checkpoint's signature against `trusted_key` (hex).
pub fn checkpoint_signature_ok(c: &Checkpoint, trusted_key: &str) -> bool {
    let Ok(key_bytes) = hex::decode(trusted_key) else {
        return false;
    };
    let Ok(key_arr) = <[u8; 32]>::try_from(key_bytes.as_slice()) else {
        return false;
    };
    let Ok(vk) = VerifyingKey::from_bytes(&key_arr) else {
        return false;
    };
    let Ok(sig_bytes) = hex::decode(&c.sig) else {
        return false;
    };
    let Ok(sig) = Signature::from_slice(&sig_bytes) else {
        return false;
    };
    c.key == trusted_key
        && vk
            .verify(checkpoint_message(c.seq, &c.hash, c.at).as_bytes(), &sig)
            .is_ok()
}

/// One thing wrong with a trail.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub enum Problem {
    /// The entry at this position does not have the expected sequence number
    /// (an entry was deleted, inserted or moved).
    Sequence { expected: i64, found: i64 },
    /// The entry's `prev_hash` is not the hash of the entry before it.
    Link { seq: i64 },
    /// The entry's fields do not hash to its stored hash (it was edited).
    Hash { seq: i64 },
    /// A checkpoint's signature is invalid or made with another key.
    BadSignature { seq: i64 },
    /// A checkpoint names a hash the trail's entry no longer has.
    CheckpointMismatch { seq: i64 },
    /// A checkpoint names an entry past the end of the trail (truncation).
    Truncated { checkpoint_seq: i64, last_seq: i64 },
    /// The trail's recorded head (last seq and hash) disagrees with its last entry.
    Head { recorded_seq: i64, last_seq: i64 },
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Problem::Sequence { expected, found } => write!(
                f,
                "entry {expected} expected but entry {found} found: entries were deleted, inserted or reordered"
            ),
            Problem::Link { seq } => write!(f, "entry {seq} does not link to the entry before it"),
            Problem::Hash { seq } => write!(f, "entry {seq} was altered: its contents do not match its hash"),
            Problem::BadSignature { seq } => {
                write!(f, "checkpoint at entry {seq} has an invalid signature or an unknown key")
            }
            Problem::CheckpointMismatch { seq } => {
                write!(f, "checkpoint at entry {seq} does not match the trail: history was rewritten")
            }
            Problem::Truncated { checkpoint_seq, last_seq } => write!(
                f,
                "a checkpoint covers entry {checkpoint_seq} but the trail ends at entry {last_seq}: it was truncated"
            ),
            Problem::Head { recorded_seq, last_seq } => write!(
                f,
                "the trail's head says entry {recorded_seq} is last but the last entry is {last_seq}"
            ),
        }
    }
}

/// Incremental verifier: feed entries in storage order, then finish with the
/// checkpoints. Memory stays constant however long the trail is, except for the
/// hashes at checkpoint positions.
pub struct Verifier {
    expected_seq: i64,
    prev_hash: String,
    wanted: std::collections::HashMap<i64, String>,
    seen_at_checkpoints: std::collections::HashMap<i64, String>,
    pub problems: Vec<Problem>,
    pub entries: u64,
}

impl Verifier {
    /// `checkpoint_seqs` are the positions whose hashes are to be remembered.
    pub fn new(checkpoints: &[Checkpoint]) -> Self {
        Verifier {
            expected_seq: 1,
            prev_hash: GENESIS.to_string(),
            wanted: checkpoints
                .iter()
                .map(|c| (c.seq, c.hash.clone()))
                .collect(),
            seen_at_checkpoints: Default::default(),
            problems: Vec::new(),
            entries: 0,
        }
    }

    pub fn push(&mut self, e: &Entry) {
        self.entries += 1;
        if e.seq != self.expected_seq {
            self.problems.push(Problem::Sequence {
                expected: self.expected_seq,
                found: e.seq,
            });
        }
        if e.prev_hash != self.prev_hash {
            self.problems.push(Problem::Link { seq: e.seq });
        }
        if entry_hash(e) != e.hash {
            self.problems.push(Problem::Hash { seq: e.seq });
        }
        if self.wanted.contains_key(&e.seq) {
            self.seen_at_checkpoints.insert(e.seq, e.hash.clone());
        }
        self.expected_seq = e.seq + 1;
        self.prev_hash = e.hash.clone();
    }

    /// Finishes: checks the head record and every checkpoint against the trail.
    pub fn finish(
        mut self,
        head: (i64, &str),
        checkpoints: &[Checkpoint],
        trusted_key: &str,
    ) -> Report {
        let last_seq = self.expected_seq - 1;
        if head.0 != last_seq || head.1 != self.prev_hash {
            self.problems.push(Problem::Head {
                recorded_seq: head.0,
                last_seq,
            });
        }
        for c in checkpoints {
            if !checkpoint_signature_ok(c, trusted_key) {
                self.problems.push(Problem::BadSignature { seq: c.seq });
                continue;
            }
            match self.seen_at_checkpoints.get(&c.seq) {
                Some(h) if *h == c.hash => {}
                Some(_) => self
                    .problems
                    .push(Problem::CheckpointMismatch { seq: c.seq }),
                None if c.seq > last_seq => self.problems.push(Problem::Truncated {
                    checkpoint_seq: c.seq,
                    last_seq,
                }),
                None => self
                    .problems
                    .push(Problem::CheckpointMismatch { seq: c.seq }),
            }
        }
        Report {
            entries: self.entries,
            last_seq,
            last_hash: self.prev_hash,
            checkpoints: checkpoints.len(),
            problems: self.problems,
        }
    }
}

/// The outcome of a verification.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Report {
    pub entries: u64,
    pub last_seq: i64,
    pub last_hash: String,
    pub checkpoints: usize,
    pub problems: Vec<Problem>,
}

impl Report {
    pub fn ok(&self) -> bool {
        self.problems.is_empty()
    }
}

/// Parses a checkpoint file: one JSON object per line; blank lines are ignored.
pub fn parse_checkpoints(text: &str) -> Result<Vec<Checkpoint>, String> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| {
            serde_json::from_str::<Checkpoint>(l)
                .map_err(|e| format!("checkpoint file line {}: {e}", i + 1))
        })
        .collect()
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    fn trail(n: i64) -> Vec<Entry> {
        let mut out: Vec<Entry> = Vec::new();
        for i in 0..n {
            let (seq, prev) = out
                .last()
                .map(|e| (e.seq, e.hash.clone()))
                .unwrap_or((0, GENESIS.into()));
            out.push(
                NewEntry {
                    at: 1_700_000_000_000 + i,
                    actor_id: 1,
                    actor: "admin".into(),
                    action: "user.create".into(),
                    object_type: "user".into(),
                    object_id: i.to_string(),
                    summary: "role=analyst".into(),
                    details_mac: "ab".into(),
                }
                .chain(seq, &prev),
            );
        }
        out
    }

    fn verify(entries: &[Entry], cps: &[Checkpoint], key: &str) -> Report {
        let mut v = Verifier::new(cps);
        for e in entries {
            v.push(e);
        }
        let head = entries
            .last()
            .map(|e| (e.seq, e.hash.as_str()))
            .unwrap_or((0, GENESIS));
        v.finish(head, cps, key)
    }

    #[test]
    fn an_intact_trail_verifies() {
        let t = trail(50);
        let sk = ed25519_dalek::SigningKey::from_bytes(&[7u8; 32]);
        let key = hex::encode(sk.verifying_key().as_bytes());
        let cp = sign_checkpoint(&sk, 50, &t[49].hash, 1);
        assert!(verify(&t, &[cp], &key).ok());
    }

    #[test]
    fn edits_deletions_and_truncations_are_found() {
        let t = trail(20);
        let sk = ed25519_dalek::SigningKey::from_bytes(&[7u8; 32]);
        let key = hex::encode(sk.verifying_key().as_bytes());
        let cp = sign_checkpoint(&sk, 20, &t[19].hash, 1);
        let mut edited = t.clone();
        edited[5].summary = "role=admin".into();
        assert!(!verify(&edited, std::slice::from_ref(&cp), &key).ok());
        let mut deleted = t.clone();
        deleted.remove(7);
        assert!(!verify(&deleted, std::slice::from_ref(&cp), &key).ok());
        // A truncated trail whose head was rewound to match still fails the checkpoint.
        let truncated = &t[..15];
        let r = verify(truncated, std::slice::from_ref(&cp), &key);
        assert!(r
            .problems
            .iter()
            .any(|p| matches!(p, Problem::Truncated { .. })));
        let mut forged = cp;
        forged.seq = 19;
        assert!(!verify(&t, &[forged], &key).ok());
    }

    #[test]
    fn a_checkpoint_from_another_key_is_refused() {
        let t = trail(3);
        let sk = ed25519_dalek::SigningKey::from_bytes(&[7u8; 32]);
        let other = ed25519_dalek::SigningKey::from_bytes(&[8u8; 32]);
        let cp = sign_checkpoint(&other, 3, &t[2].hash, 1);
        let key = hex::encode(sk.verifying_key().as_bytes());
        assert!(!verify(&t, &[cp], &key).ok());
    }
}
