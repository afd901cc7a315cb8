//! Evidence files sealed in chunk format 1 (XChaCha20-Poly1305 under the data key, as
//! vigil wrote them before format 2, AES-256-GCM under a key per blob; see
//! docs/keys.md) are still read, checked and moved, beside files in format 2, on both
//! databases.

use vigil::actions::documentation::{blobs, evidence, evidence_files};
use vigil::actions::ActionError;
use vigil::crypto::ChunkSealer;

use crate::evidence::{incident, png};
use crate::evidence_files::{address_of, make_legacy, scalar, stored};
use crate::incidents::reader;
use crate::support::{self, TestApp};

async fn blob_ref(t: &TestApp, id: i64) -> String {
    let mut c = t.app.store.read().await.unwrap();
    sqlx::query_scalar(
        "select b.blob_ref from evidence_blobs b
         join evidence_items i on i.blob_id = b.blob_id where i.evidence_id = $1",
    )
    .bind(id)
    .fetch_one(&mut *c)
    .await
    .unwrap()
}

/// The format byte of every chunk of a blob file.
fn formats(file: &[u8]) -> Vec<u8> {
    let (mut at, mut out) = (0usize, Vec::new());
    while at < file.len() {
        let len = u32::from_le_bytes(file[at..at + 4].try_into().unwrap()) as usize;
        out.push(file[at + 4]);
        at += 4 + len;
    }
    out
}

/// Rewrites item `id`'s file (content `bytes`) in format 1, as an older vigil wrote
/// it: the same blob, chunk size and length, fresh random nonces.
async fn make_v1(t: &TestApp, id: i64, bytes: &[u8]) {
    let path = blobs::path(&t.app, &address_of(t, id).await.0);
    let sealer = t.app.keys.chunk_sealer_v1(&blob_ref(t, id).await);
    let n = bytes.chunks(evidence::CHUNK).count();
    let mut out = Vec::new();
    for (i, piece) in bytes.chunks(evidence::CHUNK).enumerate() {
        let mut frame = ChunkSealer::frame(piece.len());
        frame.extend_from_slice(piece);
        sealer.seal_frame(i as u64, i + 1 == n, &mut frame);
        out.extend(frame);
    }
    assert_eq!(out.len() as u64, std::fs::metadata(&path).unwrap().len());
    std::fs::write(&path, out).unwrap();
}

async fn read(t: &TestApp, id: i64) -> Result<Vec<u8>, ActionError> {
    evidence::download(&t.app, &reader(), id)
        .await?
        .read_all(&t.app)
        .await
}

#[tokio::test]
async fn files_in_the_first_chunk_format_are_still_read_checked_and_moved() {
    for t in support::both().await {
        let id = incident(&t).await;
        let old_bytes = png(3 * evidence::CHUNK + 77, b"format one");
        let new_bytes = png(2 * evidence::CHUNK + 5, b"format two");
        let old = stored(&t, id, &old_bytes).await;
        let new = stored(&t, id, &new_bytes).await;
        let path = |addr: &str| blobs::path(&t.app, addr);
        let (old_path, new_path) = (
            path(&address_of(&t, old).await.0),
            path(&address_of(&t, new).await.0),
        );
        assert_eq!(formats(&std::fs::read(&new_path).unwrap()), vec![2; 3]);
        make_v1(&t, old, &old_bytes).await;
        assert_eq!(formats(&std::fs::read(&old_path).unwrap()), vec![1; 4]);

        // Both read back whole and pass the integrity check.
        assert_eq!(read(&t, old).await.unwrap(), old_bytes, "{}", t.backend);
        assert_eq!(read(&t, new).await.unwrap(), new_bytes, "{}", t.backend);
        let r = evidence_files::verify(&t.app).await.unwrap();
        assert!(r.ok() && r.blobs == 2, "{r:?}");

        // A chunk of format 1 moved to another index, or cut short, is caught.
        let good = std::fs::read(&old_path).unwrap();
        let frame = 4 + evidence::CHUNK + vigil::crypto::SEALED_OVERHEAD;
        let mut swapped = good.clone();
        swapped[..2 * frame].rotate_left(frame);
        std::fs::write(&old_path, &swapped).unwrap();
        assert!(
            matches!(read(&t, old).await, Err(ActionError::Damaged(m)) if m.contains("chunk 0"))
        );
        let mut flipped = good.clone();
        flipped[frame + 4 + 30] ^= 1;
        std::fs::write(&old_path, &flipped).unwrap();
        let r = evidence_files::verify(&t.app).await.unwrap();
        assert!(
            r.problems.len() == 1 && r.problems[0].contains("chunk 1"),
            "{r:?}"
        );
        std::fs::write(&old_path, &good).unwrap();

        // Kept in the database as the oldest vigils did (format 1 chunks), read, then
        // moved out byte for byte: still format 1, still read.
        make_legacy(&t, old).await;
        assert_eq!(read(&t, old).await.unwrap(), old_bytes, "{}", t.backend);
        assert_eq!(evidence_files::move_to_files(&t.app).await.unwrap(), 1);
        assert_eq!(scalar(&t, "select count(*) from evidence_chunks").await, 0);
        assert_eq!(formats(&std::fs::read(&old_path).unwrap()), vec![1; 4]);
        assert_eq!(read(&t, old).await.unwrap(), old_bytes, "{}", t.backend);
        let r = evidence_files::verify(&t.app).await.unwrap();
        assert!(r.ok() && r.blobs == 2 && r.in_database == 0, "{r:?}");
    }
}
