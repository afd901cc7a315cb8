//! Evidence files and their custody, on SQLite and PostgreSQL: an upload streamed in
//! pieces is hashed (SHA-256, BLAKE3) on the way in, stored once per content, sealed
//! (the raw database never holds the bytes in clear), returned byte for byte; a file
//! whose content is not what its name says, or too large, is refused and nothing is
//! written; every view and download is a custody entry, and `vigil audit verify`
//! catches a tampered one.

use sha2::Digest;
use vigil::actions::documentation::evidence::{self, Ingest, CHUNK};
use vigil::actions::ActionError;
use vigil::auth::capability::{Actor, Cap, ReadRecord};
use vigil::domain::evidence::Capture;
use vigil::domain::Role;

use crate::incidents::{documenter, incident_input, org, reader, source_input};
use crate::support::{self, TestApp};

fn documenter_reads() -> Cap<ReadRecord> {
    Actor {
        user_id: 0,
        username: "test-documenter".into(),
        role: Role::Documenter,
    }
    .grant()
    .unwrap()
}

/// A PNG-looking file of `len` bytes with a marker that must never appear in clear.
pub fn png(len: usize, marker: &[u8]) -> Vec<u8> {
    let mut b = b"\x89PNG\r\n\x1a\n".to_vec();
    b.extend_from_slice(marker);
    let mut x: u32 = 7;
    while b.len() < len {
        x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        b.push((x >> 16) as u8);
    }
    b.truncate(len);
    b
}

/// Streams `bytes` in uneven pieces through an ingest.
pub fn ingest(
    t: &TestApp,
    name: &str,
    bytes: &[u8],
    limit: u64,
) -> Result<evidence::Spooled, ActionError> {
    let mut i = Ingest::with_limit(&t.app, name, limit)?;
    for piece in bytes.chunks(70_001) {
        i.push(&t.app, piece)?;
    }
    i.finish(&t.app)
}

pub async fn incident(t: &TestApp) -> i64 {
    vigil::actions::documentation::incidents::create(
        &t.app,
        &documenter(),
        &incident_input("Evidence incident", ""),
    )
    .await
    .unwrap()
}

/// The authorization matrix's file, attached to its incident.
pub async fn matrix_object(t: &TestApp, incident: i64) -> i64 {
    let f = ingest(t, "matrix.txt", b"matrix evidence", 1 << 20).unwrap();
    evidence::record(&t.app, &documenter(), f, &capture("incident", incident))
        .await
        .unwrap()
}

pub fn capture(kind: &str, id: i64) -> Capture {
    Capture::parse(
        kind,
        &id.to_string(),
        "2024-03-01",
        "Witness Canary-Q7Z",
        "messaging_app",
    )
    .unwrap()
}

#[tokio::test]
async fn an_upload_is_hashed_sealed_stored_once_and_returned_intact() {
    for t in support::both().await {
        let id = incident(&t).await;
        // Three chunks and a bit: the boundaries are where streaming goes wrong.
        let bytes = png(3 * CHUNK + 123, b"CLEARTEXT-MARKER-8841");
        let spooled = ingest(&t, "photo.png", &bytes, 10 * 1024 * 1024).unwrap();
        assert_eq!(spooled.sha256, hex::encode(sha2::Sha256::digest(&bytes)));
        assert_eq!(spooled.blake3, blake3::hash(&bytes).to_hex().to_string());
        assert_eq!(spooled.media_type, "image/png");
        let e1 = evidence::record(&t.app, &documenter(), spooled, &capture("incident", id))
            .await
            .unwrap();

        // The same bytes again, attached elsewhere: a second item, one stored blob.
        org(&t, "Evidence Outlet", "media_outlet", "").await;
        let source = vigil::actions::documentation::sources::create(
            &t.app,
            &documenter(),
            &source_input("Evidence source", "Evidence Outlet", "independent", "", "B"),
        )
        .await
        .unwrap();
        let again = ingest(&t, "same.png", &bytes, 10 * 1024 * 1024).unwrap();
        let e2 = evidence::record(&t.app, &documenter(), again, &capture("source", source))
            .await
            .unwrap();
        let mut c = t.app.store.read().await.unwrap();
        let blobs: i64 = sqlx::query_scalar("select count(*) from evidence_blobs")
            .fetch_one(&mut *c)
            .await
            .unwrap();
        assert_eq!(blobs, 1, "stored by content address");
        let in_db: i64 = sqlx::query_scalar("select count(*) from evidence_chunks")
            .fetch_one(&mut *c)
            .await
            .unwrap();
        assert_eq!(
            in_db, 0,
            "new evidence is stored in files, not the database"
        );
        // One sealed file, four chunks long, never in clear.
        let files = crate::evidence_files::blob_files(&t);
        assert_eq!(files.len(), 1, "stored once");
        let stored = std::fs::read(&files[0]).unwrap();
        assert_eq!(
            stored.len(),
            bytes.len() + 4 * (4 + vigil::crypto::SEALED_OVERHEAD)
        );
        assert!(
            !stored.windows(21).any(|w| w == b"CLEARTEXT-MARKER-8841"),
            "stored in clear"
        );
        let from: Vec<Vec<u8>> = sqlx::query_scalar("select received_from_enc from evidence_items")
            .fetch_all(&mut *c)
            .await
            .unwrap();
        assert!(from
            .iter()
            .all(|f| !f.windows(10).any(|w| w == b"Canary-Q7Z")));
        drop(c);

        // Listing shows hashes to every reader, not who handed the file over.
        let listed = evidence::list(&t.app, &reader(), Some(("incident", id)))
            .await
            .unwrap();
        assert_eq!(listed.len(), 1);
        assert_eq!(listed[0].row.evidence_id, e1);
        assert_eq!(listed[0].received_from, None);
        let (seen, _) = evidence::view(&t.app, &reader(), e2).await.unwrap();
        assert_eq!(
            seen.received_from, None,
            "an analyst does not see the witness"
        );
        assert_eq!(seen.row.target_type, "source");

        let original = evidence::download(&t.app, &reader(), e1).await.unwrap();
        let row = original.row.clone();
        let back = original.read_all(&t.app).await.unwrap();
        assert_eq!(back, bytes, "the original, byte for byte");
        assert_eq!(row.file_name, "photo.png");

        // The custody chain: receipt, the view, the download, then this view.
        let (mine, chain) = evidence::view(&t.app, &documenter_reads(), e1)
            .await
            .unwrap();
        assert_eq!(mine.received_from.as_deref(), Some("Witness Canary-Q7Z"));
        assert_eq!(mine.row.received_how, "messaging_app");
        let actions: Vec<&str> = chain.iter().map(|e| e.action.as_str()).collect();
        assert_eq!(
            actions,
            ["evidence.receive", "evidence.download", "evidence.view"]
        );
        assert!(chain.windows(2).all(|w| w[0].seq < w[1].seq));
        assert_eq!(chain[1].actor, "test-analyst");
    }
}

#[tokio::test]
async fn bad_uploads_are_refused_with_a_reason_and_leave_nothing() {
    for t in support::both().await {
        let id = incident(&t).await;
        let spool = t.app.evidence_dir.join("spool");
        let key = |r: Result<evidence::Spooled, ActionError>| match r {
            Err(ActionError::Invalid(i)) => (i.field, i.key),
            Err(e) => panic!("unexpected {e}"),
            Ok(_) => panic!("accepted"),
        };
        // A PNG named as a PDF, an executable, an empty file, one past the limit.
        assert_eq!(
            key(ingest(&t, "report.pdf", &png(1000, b""), 1 << 20)),
            ("file", "evidence-invalid-content")
        );
        assert_eq!(
            key(ingest(&t, "setup.exe", b"MZ\x90\0", 1 << 20)),
            ("file", "evidence-invalid-kind")
        );
        assert_eq!(
            key(ingest(&t, "empty.txt", b"", 1 << 20)),
            ("file", "evidence-invalid-empty")
        );
        assert_eq!(
            key(ingest(&t, "big.png", &png(300_000, b""), 200_000)),
            ("file", "evidence-invalid-too-large")
        );
        // A record that does not exist.
        let ok = ingest(&t, "note.txt", "گزارش شاهد".as_bytes(), 1 << 20).unwrap();
        let e = evidence::record(&t.app, &documenter(), ok, &capture("claim", 999)).await;
        assert!(matches!(e, Err(ActionError::Invalid(i)) if i.field == "target_id"));
        let mut c = t.app.store.read().await.unwrap();
        let rows: i64 = sqlx::query_scalar(
            "select (select count(*) from evidence_blobs) + (select count(*) from evidence_chunks) + (select count(*) from evidence_items)",
        )
        .fetch_one(&mut *c)
        .await
        .unwrap();
        assert_eq!(rows, 0, "nothing half-written");
        drop(c);
        let left = std::fs::read_dir(&spool).map(|d| d.count()).unwrap_or(0);
        assert_eq!(left, 0, "no spool file is left behind");
        assert!(
            crate::evidence_files::blob_files(&t).is_empty(),
            "no evidence file is left behind"
        );
        let _ = id;
    }
}

/// A custody entry is an audit entry: editing one in the database is caught by the
/// real `vigil audit verify`.
#[tokio::test]
async fn a_tampered_custody_entry_is_caught_by_audit_verify() {
    let t = support::sqlite().await;
    let id = incident(&t).await;
    let f = ingest(&t, "note.txt", b"what the witness said", 1 << 20).unwrap();
    let e = evidence::record(&t.app, &documenter(), f, &capture("incident", id))
        .await
        .unwrap();
    evidence::download(&t.app, &reader(), e).await.unwrap();
    t.app.checkpoint_if_due(true).await.unwrap();
    let run = || {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_vigil"))
            .args([
                "--data",
                t.dir.path().join("data").to_str().unwrap(),
                "audit",
                "verify",
            ])
            .env("VIGIL_MASTER_KEY", &t.master_hex)
            .env_remove("DATABASE_URL")
            .output()
            .unwrap();
        (
            out.status.success(),
            String::from_utf8_lossy(&out.stdout).to_string(),
        )
    };
    let (ok, out) = run();
    assert!(ok, "{out}");
    let mut c = t.app.store.read().await.unwrap();
    // Someone hides who downloaded the file.
    let seq: i64 =
        sqlx::query_scalar("select seq from audit_log where action = 'evidence.download'")
            .fetch_one(&mut *c)
            .await
            .unwrap();
    sqlx::query("update audit_log set actor = 'nobody' where seq = $1")
        .bind(seq)
        .execute(&mut *c)
        .await
        .unwrap();
    drop(c);
    let (ok, out) = run();
    assert!(!ok, "a tampered custody entry went unnoticed: {out}");
    assert!(out.contains(&format!("entry {seq} was altered")), "{out}");
}
