//! Derived copies on SQLite and PostgreSQL: a redacted copy is recorded as a file of
//! its own (own hashes, own custody) attached to the original's record and marked as
//! made from it; the original's bytes, hashes and row are untouched and its custody
//! chain names the copy. The original itself, re-sent as a "copy", an unknown original
//! and a bad kind are refused with nothing written. Then once through the page.

use vigil::actions::documentation::{evidence, evidence_copy};
use vigil::actions::ActionError;
use vigil::domain::evidence_copy::CopyInput;

use crate::evidence::{capture, incident, ingest, png};
use crate::incidents::{documenter, reader};
use crate::support::{self, Browser, TestApp, PASSWORD};

async fn original(t: &TestApp) -> (i64, Vec<u8>) {
    let id = incident(t).await;
    let bytes = png(300_000, b"faces");
    let f = ingest(t, "crowd.png", &bytes, 1 << 22).unwrap();
    let e = evidence::record(&t.app, &documenter(), f, &capture("incident", id))
        .await
        .unwrap();
    (e, bytes)
}

#[tokio::test]
async fn a_copy_has_its_own_hashes_and_the_original_stays_as_it_was() {
    for t in support::both().await {
        let (orig, bytes) = original(&t).await;
        let snapshot = |t: &TestApp| {
            let app = t.app.clone();
            async move {
                let mut c = app.store.read().await.unwrap();
                sqlx::query_as::<_, (String, String, i64, String)>(
                    "select b.sha256, b.blake3, b.size_bytes, i.file_name from evidence_items i
                     join evidence_blobs b on b.blob_id = i.blob_id where i.evidence_id = $1",
                )
                .bind(orig)
                .fetch_one(&mut *c)
                .await
                .unwrap()
            }
        };
        let before = snapshot(&t).await;
        let mut redacted = bytes.clone();
        redacted[5_000..9_000].fill(0);
        let f = ingest(&t, "crowd-redacted.png", &redacted, 1 << 22).unwrap();
        let (sha, b3) = (f.sha256.clone(), f.blake3.clone());
        let input =
            CopyInput::parse(&orig.to_string(), "redacted", "faces blurred for the press").unwrap();
        let copy = evidence_copy::derive(&t.app, &documenter(), &input, f)
            .await
            .unwrap();
        assert_ne!(copy, orig);
        assert_eq!(snapshot(&t).await, before, "the original is untouched");
        let o = evidence::download(&t.app, &reader(), orig).await.unwrap();
        let orig_target = o.row.target_id;
        assert_eq!(o.read_all(&t.app).await.unwrap(), bytes);
        let c = evidence::download(&t.app, &reader(), copy).await.unwrap();
        assert_eq!(c.row.sha256, sha);
        assert_eq!(c.row.blake3, b3);
        assert_eq!(
            (c.row.target_type.as_str(), c.row.target_id),
            ("incident", orig_target)
        );
        assert_eq!(c.read_all(&t.app).await.unwrap(), redacted);

        let (of, copies) = evidence_copy::lineage(&t.app, &reader(), copy)
            .await
            .unwrap();
        assert_eq!(
            of.as_ref().map(|d| (d.original_id, d.kind.as_str())),
            Some((orig, "redacted"))
        );
        assert!(copies.is_empty());
        let (of, copies) = evidence_copy::lineage(&t.app, &reader(), orig)
            .await
            .unwrap();
        assert!(of.is_none());
        assert_eq!(
            copies.iter().map(|d| d.evidence_id).collect::<Vec<_>>(),
            [copy]
        );

        // The original's custody names the copy and both hashes; the copy's begins
        // with its own receipt.
        let (_, chain) = evidence::view(&t.app, &reader(), orig).await.unwrap();
        let derive = chain
            .iter()
            .find(|e| e.action == "evidence.derive")
            .unwrap();
        assert!(derive.summary.contains(&sha) && derive.summary.contains(&before.0));
        let (_, chain) = evidence::view(&t.app, &reader(), copy).await.unwrap();
        assert_eq!(chain[0].action, "evidence.receive");

        // Refusals, each leaving nothing behind.
        let count = || async {
            let mut c = t.app.store.read().await.unwrap();
            sqlx::query_scalar::<_, i64>(
                "select (select count(*) from evidence_items) + (select count(*) from evidence_derivations)",
            )
            .fetch_one(&mut *c)
            .await
            .unwrap()
        };
        let n = count().await;
        let same = ingest(&t, "again.png", &bytes, 1 << 22).unwrap();
        let e = evidence_copy::derive(&t.app, &documenter(), &input, same).await;
        assert!(matches!(e, Err(ActionError::Invalid(i)) if i.key == "derived-invalid-same"));
        let other = ingest(&t, "other.png", &png(1000, b"x"), 1 << 22).unwrap();
        let missing = CopyInput::parse("999999", "excerpt", "").unwrap();
        let e = evidence_copy::derive(&t.app, &documenter(), &missing, other).await;
        assert!(matches!(e, Err(ActionError::NotFound)));
        assert_eq!(count().await, n, "{}", t.backend);
    }
}

#[tokio::test]
async fn a_copy_is_recorded_from_the_original_s_page() {
    let t = support::sqlite().await;
    let (orig, bytes) = original(&t).await;
    t.user("doc_copy", vigil::domain::Role::Documenter).await;
    let base = t.serve().await;
    let b = Browser::new(&base);
    assert_eq!(b.login("doc_copy", PASSWORD).await, 303);
    let page = format!("/documentation/evidence/{orig}");
    let (_, html) = b.text(&page).await;
    assert!(
        html.contains("name=\"derived_from\""),
        "the form is offered"
    );
    let csrf = b.csrf(&page).await;
    let mut thumb = bytes[..50_000].to_vec();
    thumb[100] ^= 1;
    let form = reqwest::multipart::Form::new()
        .text("csrf", csrf)
        .text("derived_from", orig.to_string())
        .text("derivation", "thumbnail")
        .text("note", "for the list")
        .part(
            "file",
            reqwest::multipart::Part::bytes(thumb).file_name("thumb.png"),
        );
    let res = b
        .http
        .post(format!("{base}/documentation/evidence"))
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    let to = support::location(&res);
    assert_ne!(to, page);
    let (_, html) = b.text(&to).await;
    assert!(html.contains("A derived copy of evidence file"), "{html}");
    assert!(html.contains("thumbnail") && html.contains("for the list"));
    let (_, html) = b.text(&page).await;
    assert!(
        html.contains(&format!("href=\"{to}\"")),
        "the original lists its copy"
    );
}
