//! Evidence stored as sealed files in the evidence directory, on both databases: files
//! named by a keyed address (never the plain hash) and fanned out; blobs an older
//! database kept as chunks are read and moved out (audited); `verify` finds a flipped
//! byte and a deleted file, which view, download, bundle and the API report clearly;
//! a file left by a transaction that never committed is swept; PostgreSQL without an
//! evidence directory does not start.

use std::path::PathBuf;
use std::time::Duration;

use vigil::actions::documentation::{bundle, evidence, evidence_files, source_text, upkeep};
use vigil::actions::ActionError;
use vigil::domain::export::Recipient;
use vigil::domain::Role;

use crate::evidence::{capture, incident, ingest, png};
use crate::incidents::{documenter, org, reader, source_input};
use crate::support::{self, TestApp};

/// The blob files in `t`'s evidence directory.
pub fn blob_files(t: &TestApp) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = upkeep::blob_files(&t.app)
        .unwrap()
        .into_iter()
        .map(|(_, e)| e.path())
        .collect();
    v.sort();
    v
}

pub async fn stored(t: &TestApp, incident_id: i64, bytes: &[u8]) -> i64 {
    let f = ingest(t, "photo.png", bytes, 1 << 22).unwrap();
    evidence::record(&t.app, &documenter(), f, &capture("incident", incident_id))
        .await
        .unwrap()
}

pub async fn scalar(t: &TestApp, sql: &str) -> i64 {
    let mut c = t.app.store.read().await.unwrap();
    sqlx::query_scalar(sql).fetch_one(&mut *c).await.unwrap()
}

pub async fn address_of(t: &TestApp, id: i64) -> (String, String) {
    let mut c = t.app.store.read().await.unwrap();
    sqlx::query_as(
        "select b.file_address, b.sha256 from evidence_blobs b
         join evidence_items i on i.blob_id = b.blob_id where i.evidence_id = $1",
    )
    .bind(id)
    .fetch_one(&mut *c)
    .await
    .unwrap()
}

#[tokio::test]
async fn files_are_named_by_a_keyed_address_fanned_out_and_kept_once() {
    for t in support::both().await {
        let id = incident(&t).await;
        let bytes = png(600_000, b"named");
        let a = stored(&t, id, &bytes).await;
        let b = stored(&t, id, &bytes).await;
        let files = blob_files(&t);
        assert_eq!(
            files.len(),
            1,
            "{}: the same content is stored once",
            t.backend
        );
        let (address, sha256) = address_of(&t, a).await;
        assert_eq!(address_of(&t, b).await.0, address);
        let name = files[0].file_name().unwrap().to_str().unwrap();
        assert_eq!(name, address);
        assert_ne!(name, sha256, "the plain SHA-256 would confirm a known file");
        assert_ne!(name, blake3::hash(&bytes).to_hex().as_str());
        assert_eq!(
            files[0],
            t.app
                .evidence_dir
                .join(&name[..2])
                .join(&name[2..4])
                .join(name)
        );
        // Another database (another keyring) names the same content otherwise.
        let other = support::sqlite().await;
        assert_ne!(other.app.keys.blob_address(&sha256), address);
        // Nothing is left in the spool.
        let spool = t.app.evidence_dir.join("spool");
        assert_eq!(std::fs::read_dir(spool).unwrap().count(), 0);
    }
}

/// Turns item `id`'s blob into one an older vigil stored: its sealed chunks (the same
/// bytes) in `evidence_chunks`, no file.
pub async fn make_legacy(t: &TestApp, id: i64) {
    let (address, _) = address_of(t, id).await;
    let path = vigil::actions::documentation::blobs::path(&t.app, &address);
    let file = std::fs::read(&path).unwrap();
    let mut c = t.app.store.read().await.unwrap();
    let blob_id: i64 =
        sqlx::query_scalar("select blob_id from evidence_items where evidence_id = $1")
            .bind(id)
            .fetch_one(&mut *c)
            .await
            .unwrap();
    let (mut at, mut n) = (0usize, 0i64);
    while at < file.len() {
        let len = u32::from_le_bytes(file[at..at + 4].try_into().unwrap()) as usize;
        sqlx::query("insert into evidence_chunks (blob_id, chunk_no, sealed) values ($1, $2, $3)")
            .bind(blob_id)
            .bind(n)
            .bind(file[at + 4..at + 4 + len].to_vec())
            .execute(&mut *c)
            .await
            .unwrap();
        at += 4 + len;
        n += 1;
    }
    sqlx::query("update evidence_blobs set file_address = null where blob_id = $1")
        .bind(blob_id)
        .execute(&mut *c)
        .await
        .unwrap();
    std::fs::remove_file(path).unwrap();
}

#[tokio::test]
async fn chunks_kept_in_the_database_are_read_then_moved_out_with_an_audit_entry() {
    for t in support::both().await {
        let id = incident(&t).await;
        let bytes = png(3 * evidence::CHUNK + 77, b"legacy");
        let e = stored(&t, id, &bytes).await;
        let modern = stored(&t, id, &png(1000, b"modern")).await;
        make_legacy(&t, e).await;
        assert_eq!(blob_files(&t).len(), 1);
        assert_eq!(scalar(&t, "select count(*) from evidence_chunks").await, 4);

        // Read as before, and counted by verify as still in the database.
        let back = evidence::download(&t.app, &reader(), e).await.unwrap();
        assert_eq!(back.read_all(&t.app).await.unwrap(), bytes, "{}", t.backend);
        let r = evidence_files::verify(&t.app).await.unwrap();
        assert!(r.ok(), "{r:?}");
        assert_eq!((r.blobs, r.in_database), (2, 1));

        assert_eq!(evidence_files::move_to_files(&t.app).await.unwrap(), 1);
        assert_eq!(scalar(&t, "select count(*) from evidence_chunks").await, 0);
        assert_eq!(
            scalar(
                &t,
                "select count(*) from evidence_blobs where file_address is null"
            )
            .await,
            0
        );
        assert_eq!(blob_files(&t).len(), 2);
        let back = evidence::download(&t.app, &reader(), e).await.unwrap();
        assert_eq!(back.read_all(&t.app).await.unwrap(), bytes);
        // The move is in the moved item's custody chain, and only in its.
        let (_, chain) = evidence::view(&t.app, &reader(), e).await.unwrap();
        assert!(chain.iter().any(|x| x.action == "evidence.store"));
        let (_, chain) = evidence::view(&t.app, &reader(), modern).await.unwrap();
        assert!(!chain.iter().any(|x| x.action == "evidence.store"));
        // Nothing more to move; the trail still verifies.
        assert_eq!(evidence_files::move_to_files(&t.app).await.unwrap(), 0);
        let r = evidence_files::verify(&t.app).await.unwrap();
        assert!(r.ok() && r.in_database == 0, "{r:?}");
        let trail = t.trail().await;
        assert!(trail.ok(), "{trail:?}");
    }
}

#[tokio::test]
async fn verify_finds_a_flipped_byte_and_a_deleted_file_and_users_are_told() {
    for t in support::both().await {
        let id = incident(&t).await;
        let a = stored(&t, id, &png(700_000, b"flip")).await;
        let b = stored(&t, id, &png(5_000, b"gone")).await;
        let r = evidence_files::verify(&t.app).await.unwrap();
        assert!(r.ok(), "{r:?}");
        let path = |addr: &str| vigil::actions::documentation::blobs::path(&t.app, addr);
        let pa = path(&address_of(&t, a).await.0);
        let pb = path(&address_of(&t, b).await.0);

        // A byte flipped inside A's second chunk; B's file deleted.
        let mut bytes = std::fs::read(&pa).unwrap();
        let at = 4 + evidence::CHUNK + vigil::crypto::SEALED_OVERHEAD + 4 + 100;
        bytes[at] ^= 0x20;
        std::fs::write(&pa, &bytes).unwrap();
        std::fs::remove_file(&pb).unwrap();

        let r = evidence_files::verify(&t.app).await.unwrap();
        assert_eq!(r.problems.len(), 2, "{r:?}");
        assert!(
            r.problems
                .iter()
                .any(|p| p.contains(&format!("(evidence {a})")) && p.contains("chunk 1")),
            "{:?}",
            r.problems
        );
        assert!(
            r.problems
                .iter()
                .any(|p| p.contains(&format!("(evidence {b})")) && p.contains("missing")),
            "{:?}",
            r.problems
        );

        // The page says so; a download and a bundle are refused, nothing recorded.
        let (seen, _) = evidence::view(&t.app, &reader(), b).await.unwrap();
        assert!(seen.damaged);
        let (seen, _) = evidence::view(&t.app, &reader(), a).await.unwrap();
        assert!(
            !seen.damaged,
            "same length: only reading finds an altered byte"
        );
        assert!(matches!(
            evidence::download(&t.app, &reader(), b).await,
            Err(ActionError::Damaged(_))
        ));
        let altered = evidence::download(&t.app, &reader(), a).await.unwrap();
        assert!(matches!(
            altered.read_all(&t.app).await,
            Err(ActionError::Damaged(m)) if m.contains("chunk 1")
        ));
        let exports = "select count(*) from audit_log where action = 'evidence.export'";
        let recipient =
            Recipient::parse(&age::x25519::Identity::generate().to_public().to_string()).unwrap();
        assert!(matches!(
            bundle::prepare(&t.app, &documenter(), id, &recipient).await,
            Err(ActionError::Damaged(_))
        ));
        assert_eq!(scalar(&t, exports).await, 0);

        // Over the API: a clear problem, not a bare 500.
        let doc = t.user("doc_damaged", Role::Documenter).await;
        let token = t.token(doc, "doc", Role::Documenter).await;
        let base = t.serve().await;
        let http = reqwest::Client::new();
        let res = http
            .get(format!("{base}/api/v1/evidence/{b}/content"))
            .bearer_auth(&token)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 500);
        let p: serde_json::Value = res.json().await.unwrap();
        assert_eq!(p["code"], "error-evidence-damaged");
        assert!(p["detail"]
            .as_str()
            .unwrap()
            .contains("vigil evidence verify"));
        assert!(!p
            .to_string()
            .contains(&t.app.evidence_dir.display().to_string()));
        let detail: serde_json::Value = http
            .get(format!("{base}/api/v1/evidence/{b}"))
            .bearer_auth(&token)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(detail["file_damaged"], true);
    }
}

#[tokio::test]
async fn a_file_whose_row_never_committed_is_swept() {
    for t in support::both().await {
        org(&t, "Sweep Outlet", "media_outlet", "").await;
        let source = vigil::actions::documentation::sources::create(
            &t.app,
            &documenter(),
            &source_input("Sweep source", "Sweep Outlet", "independent", "", "B"),
        )
        .await
        .unwrap();
        // A page with no text: stored into place, then refused, the transaction dropped.
        let page = b"<!DOCTYPE html><html><body><script>x()</script></body></html>";
        let f = ingest(&t, "empty.html", page, 1 << 20).unwrap();
        let r = source_text::import(&t.app, &documenter(), f, &capture("source", source)).await;
        assert!(matches!(r, Err(ActionError::Invalid(_))), "{r:?}");
        assert_eq!(scalar(&t, "select count(*) from evidence_blobs").await, 0);
        assert_eq!(blob_files(&t).len(), 1, "{}: the orphan", t.backend);
        // Too fresh for the hourly sweep (an upload could be committing it)…
        assert_eq!(upkeep::sweep(&t.app, upkeep::STALE).await.unwrap(), (0, 0));
        // …gone with everything unfinished at start-up; recorded files stay.
        let id = incident(&t).await;
        stored(&t, id, &png(2000, b"kept")).await;
        assert_eq!(upkeep::sweep(&t.app, Duration::ZERO).await.unwrap(), (0, 1));
        assert_eq!(blob_files(&t).len(), 1);
        let r = evidence_files::verify(&t.app).await.unwrap();
        assert!(r.ok() && r.unrecorded_files == 0, "{r:?}");
    }
}

#[tokio::test]
async fn postgres_without_an_evidence_directory_does_not_start() {
    let Some(url) = crate::pg::fresh_database_url().await else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let opts = vigil::config::Options {
        data: Some(dir.path().join("data")),
        database_url: Some(url),
        ..Default::default()
    };
    let config = vigil::config::Config::load(&opts, None).unwrap();
    let master = vigil::crypto::MasterKey::generate();
    let e = vigil::app::App::open(config, &master, vigil::clock::Clock::System)
        .await
        .err()
        .unwrap()
        .to_string();
    assert!(e.contains("--evidence-dir"), "{e}");
}
