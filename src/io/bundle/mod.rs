//! The court bundle's layout: what files it holds, how they are named, the manifests
//! (`SHA256SUMS`, `B3SUMS`, in the formats `sha256sum -c` and `b3sum --check` read),
//! the audit summary that anchors the manifests in the trail, and the verification
//! instructions shipped inside it. [`verify`] checks an unpacked bundle with no
//! database: only the files and the checkpoint public key given out of band.
//!
//! Why the chain holds: the checkpoint signs the hash of the trail's entry at its
//! `seq`; every entry's hash covers the one before it, so the signed hash fixes every
//! entry of `trail.jsonl`. Among them is the bundle's own `evidence.bundle` entry,
//! whose summary names the SHA-256 of `SHA256SUMS` and `B3SUMS`; those fix every
//! bundled file, and each file's hash also appears in its `evidence.receive` entry,
//! written when it was received.

pub mod tar;
pub mod verify;

/// The format name written into `bundle.json`.
pub const FORMAT: &str = "vigil-court-bundle/1";

/// One evidence file in the bundle, as `files.json` lists it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct BundleFile {
    pub evidence_id: i64,
    /// Where the file is inside the bundle (`files/12-photo.jpg`).
    pub path: String,
    /// The name it was uploaded with.
    pub file_name: String,
    pub sha256: String,
    pub blake3: String,
    pub size: i64,
    pub media_type: String,
    /// incident, source or claim, and its number.
    pub attached_to: String,
    pub received_on: String,
    pub received_how: String,
    pub received_by: String,
}

/// `bundle.json`: where things are in the trail.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Meta {
    pub format: String,
    pub incident_id: i64,
    /// The `evidence.bundle` entry that names this bundle's manifests.
    pub bundle_seq: i64,
    /// The first entry of `trail.jsonl` (the earliest receipt of a bundled file).
    pub trail_from: i64,
    /// The last entry, the one the checkpoint signs.
    pub checkpoint_seq: i64,
    pub created_at: i64,
    /// The key the checkpoint was signed with (compare with the one given to you).
    pub public_key: String,
}

/// The folder every path in the archive sits in.
pub fn root(incident_id: i64) -> String {
    format!("vigil-bundle-incident-{incident_id}")
}

/// A file's path inside the bundle: its evidence number and its name reduced to
/// ASCII letters, digits, dot, dash and underscore (the original name is in
/// `files.json`), short enough for a tar header.
pub fn file_path(evidence_id: i64, file_name: &str) -> String {
    let mut safe: String = file_name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') {
                c
            } else {
                '_'
            }
        })
        .take(48)
        .collect();
    if safe.trim_matches(['.', '_']).is_empty() {
        safe = "file".into();
    }
    let safe = safe.trim_start_matches('.');
    format!("files/{evidence_id}-{safe}")
}

/// A manifest in the `sha256sum`/`b3sum` text format: `HASH  PATH` per line.
pub fn sums<'a>(lines: impl IntoIterator<Item = (&'a str, &'a str)>) -> String {
    lines
        .into_iter()
        .map(|(hash, path)| format!("{hash}  {path}\n"))
        .collect()
}

/// Reads a manifest back: (hash, path) per line; a line that is not `HASH  PATH` with
/// a relative path that stays inside the bundle is an error naming the line.
pub fn parse_sums(text: &str, hash_len: usize) -> Result<Vec<(String, String)>, String> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.is_empty())
        .map(|(i, l)| {
            let (hash, path) = l
                .split_once("  ")
                .ok_or_else(|| format!("line {} is not 'HASH  PATH'", i + 1))?;
            let hex_ok = hash.len() == hash_len && hash.bytes().all(|b| b.is_ascii_hexdigit());
            let inside =
                !path.starts_with('/') && !path.split('/').any(|p| p == ".." || p.is_empty());
            if !hex_ok || !inside {
                return Err(format!("line {} has a bad hash or path", i + 1));
            }
            Ok((hash.to_string(), path.to_string()))
        })
        .collect()
}

/// The summary of the `evidence.bundle` audit entry: it names the SHA-256 of both
/// manifests, so the signed trail fixes them.
pub fn summary(incident_id: i64, files: usize, sha256sums: &str, b3sums: &str) -> String {
    format!(
        "court bundle of incident {incident_id}: {files} file(s), SHA256SUMS sha256 {sha256sums}, B3SUMS sha256 {b3sums}"
    )
}

/// The manifest hashes a bundle entry's summary names.
pub fn manifest_hashes(summary: &str) -> Option<(String, String)> {
    let after = |label: &str| {
        let rest = summary.split(label).nth(1)?;
        let hex: String = rest.chars().take(64).collect();
        (hex.len() == 64).then_some(hex)
    };
    Some((after("SHA256SUMS sha256 ")?, after("B3SUMS sha256 ")?))
}

/// The SHA-256 an `evidence.receive` or `evidence.export` entry names (its summary
/// ends with, or contains, `sha256 HEX`).
pub fn named_sha256(summary: &str) -> Option<&str> {
    let rest = summary.rsplit("sha256 ").next()?;
    rest.get(..64)
        .filter(|h| h.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// The instructions shipped as `README.txt`.
pub fn readme(incident_id: i64) -> String {
    format!(
        "vigil court bundle: incident {incident_id}\n\
         =====================================\n\n\
         files/         the evidence files, byte for byte as received\n\
         files.json     each file's original name, hashes, size, type and capture record\n\
         incident.json  the incident record with its claims and their sources\n\
         SHA256SUMS     SHA-256 of every file above (sha256sum -c SHA256SUMS)\n\
         B3SUMS         BLAKE3 of the same files (b3sum --check B3SUMS)\n\
         custody.jsonl  every custody entry of the files: received, viewed, downloaded, exported\n\
         trail.jsonl    the audit trail from the first receipt up to the signed checkpoint\n\
         checkpoint.json  the signed checkpoint of the trail's last entry\n\
         bundle.json    which trail entries are which\n\n\
         To verify, in this folder:\n\
         1. sha256sum -c SHA256SUMS && b3sum --check B3SUMS\n\
         2. vigil audit verify-bundle . --public-key HEX\n\
            with the checkpoint public key you were given separately (never the one in\n\
            bundle.json alone). It checks the checkpoint's Ed25519 signature, recomputes\n\
            every trail entry's hash and link up to the signed one, checks that the\n\
            bundle's own entry names the SHA-256 of SHA256SUMS and B3SUMS, that every\n\
            file matches both manifests and its receipt entry, and that custody.jsonl\n\
            is the trail's own entries. It needs no database.\n\n\
         Without vigil: checkpoint.json's `sig` is an Ed25519 signature over the text\n\
         \"vigil audit checkpoint v1\\nseq SEQ\\nhash HASH\\nat AT\\n\"; each entry's hash is\n\
         SHA-256 over \"vigil/audit/v1\" then, for prev_hash, seq, at, actor_id, actor,\n\
         action, object_type, object_id, summary, details_mac in that order, the field's\n\
         byte length as a big-endian u64 followed by its UTF-8 bytes (numbers in decimal).\n"
    )
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn names_are_safe_and_manifests_round_trip() {
        assert_eq!(file_path(3, "صورة 1.jpg"), "files/3-_____1.jpg");
        assert_eq!(file_path(4, "../../etc/passwd"), "files/4-_.._etc_passwd");
        assert_eq!(file_path(5, "..."), "files/5-file");
        let m = sums([("ab".repeat(32).as_str(), "files/1-a.jpg")]);
        assert_eq!(
            parse_sums(&m, 64).unwrap(),
            vec![("ab".repeat(32), "files/1-a.jpg".to_string())]
        );
        assert!(parse_sums(&format!("{}  ../x\n", "ab".repeat(32)), 64).is_err());
        assert!(parse_sums("zz  a\n", 64).is_err());
        let s = summary(7, 2, &"a".repeat(64), &"b".repeat(64));
        assert_eq!(manifest_hashes(&s), Some(("a".repeat(64), "b".repeat(64))));
        let r = format!(
            "evidence received for incident 1: 3 bytes, image/png, sha256 {}",
            "c".repeat(64)
        );
        assert_eq!(named_sha256(&r), Some("c".repeat(64).as_str()));
    }
}
