//! Evidence upkeep on both databases: a download is streamed chunk by chunk (whole
//! and with its length over the API; broken off, never completed, when a chunk of the
//! stored file was altered), unfinished uploads' spool files are swept by age, and an emptied
//! search index is rebuilt by the start-up hook.

use std::time::{Duration, SystemTime};

use vigil::actions::documentation::{evidence, upkeep};
use vigil::domain::Role;

use crate::evidence::{capture, incident, ingest, png};
use crate::incidents::documenter;
use crate::support::{self, TestApp};

async fn stored(t: &TestApp, bytes: &[u8]) -> i64 {
    let id = incident(t).await;
    let f = ingest(t, "photo.png", bytes, 1 << 22).unwrap();
    evidence::record(&t.app, &documenter(), f, &capture("incident", id))
        .await
        .unwrap()
}

#[tokio::test]
async fn downloads_stream_whole_and_break_off_on_an_altered_chunk() {
    for t in support::both().await {
        let bytes = png(1_000_000, b"stream");
        let id = stored(&t, &bytes).await;
        let doc_id = t.user("doc_stream", Role::Documenter).await;
        let token = t.token(doc_id, "doc", Role::Documenter).await;
        let base = t.serve().await;
        let http = reqwest::Client::new();
        let get = || {
            http.get(format!("{base}/api/v1/evidence/{id}/content"))
                .bearer_auth(&token)
                .send()
        };
        let res = get().await.unwrap();
        assert_eq!(res.status(), 200);
        assert_eq!(res.content_length(), Some(1_000_000));
        assert_eq!(res.bytes().await.unwrap().to_vec(), bytes, "{}", t.backend);

        // Someone with the disk alters a byte inside the third sealed chunk of its file.
        let files = crate::evidence_files::blob_files(&t);
        let mut stored = std::fs::read(&files[0]).unwrap();
        let third = 2 * (4 + evidence::CHUNK + vigil::crypto::SEALED_OVERHEAD) + 40;
        stored[third] ^= 1;
        std::fs::write(&files[0], &stored).unwrap();
        let res = get().await.unwrap();
        let body = res.bytes().await;
        assert!(
            body.is_err() || body.as_ref().unwrap().len() < bytes.len(),
            "an altered file was delivered whole"
        );
    }
}

#[tokio::test]
async fn stale_spool_files_are_swept_and_fresh_ones_kept() {
    let t = support::sqlite().await;
    let spool = t.app.evidence_dir.join("spool");
    std::fs::create_dir_all(&spool).unwrap();
    let old = spool.join("old.part");
    let fresh = spool.join("fresh.part");
    let other = spool.join("keep.txt");
    for p in [&old, &fresh, &other] {
        std::fs::write(p, b"sealed bytes").unwrap();
    }
    let two_hours_ago = SystemTime::now() - Duration::from_secs(7200);
    std::fs::File::options()
        .write(true)
        .open(&old)
        .unwrap()
        .set_modified(two_hours_ago)
        .unwrap();
    assert_eq!(upkeep::sweep_spool(&t.app, upkeep::STALE).unwrap(), 1);
    assert!(!old.exists() && fresh.exists() && other.exists());
    // At start-up nothing is in flight: every spool file goes, nothing else.
    upkeep::at_startup(&t.app).await;
    assert!(!fresh.exists() && other.exists());
}

#[tokio::test]
async fn an_emptied_search_index_is_rebuilt_at_startup() {
    for t in support::both().await {
        incident(&t).await;
        let count = || async {
            let mut c = t.app.store.read().await.unwrap();
            sqlx::query_scalar::<_, i64>("select count(*) from search_docs")
                .fetch_one(&mut *c)
                .await
                .unwrap()
        };
        let before = count().await;
        assert!(before > 0);
        assert_eq!(upkeep::reindex_if_empty(&t.app).await.unwrap(), 0);
        let mut c = t.app.store.read().await.unwrap();
        sqlx::query("delete from search_docs")
            .execute(&mut *c)
            .await
            .unwrap();
        drop(c);
        upkeep::at_startup(&t.app).await;
        assert_eq!(count().await, before, "{}", t.backend);
        let q =
            vigil::domain::search::Query::parse("evidence", "", "", "", "", "", "", "").unwrap();
        let hits =
            vigil::actions::documentation::search::search(&t.app, &crate::incidents::reader(), &q)
                .await
                .unwrap();
        assert!(!hits.is_empty(), "{}", t.backend);
    }
}
