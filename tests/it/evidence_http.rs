//! Evidence over HTTP: a documenter uploads a file through the page's multipart form
//! and sees its hashes, capture record and custody chain; a file whose content is not
//! what its name says comes back to the form with the reason; an analyst views and
//! downloads the original byte for byte (both in the chain) but does not see who
//! handed it over, and cannot upload.

use sha2::Digest;
use vigil::domain::Role;

use crate::support::{self, location, Browser, PASSWORD};

async fn upload(
    b: &Browser,
    base: &str,
    incident: i64,
    name: &str,
    bytes: &[u8],
) -> reqwest::Response {
    let csrf = b.csrf("/documentation/evidence").await;
    let form = reqwest::multipart::Form::new()
        .text("csrf", csrf)
        .text("target_type", "incident")
        .text("target_id", incident.to_string())
        .text("received_on", "۲۰۲۴-۰۳-۲۰")
        .text("received_from", "Witness Canary-HTTP-55")
        .text("received_how", "in_person")
        .part(
            "file",
            reqwest::multipart::Part::bytes(bytes.to_vec()).file_name(name.to_string()),
        );
    b.http
        .post(format!("{base}/documentation/evidence"))
        .multipart(form)
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn upload_see_hashes_and_custody_then_download() {
    let t = support::sqlite().await;
    t.user("doc", Role::Documenter).await;
    t.user("ana", Role::Analyst).await;
    let incident = crate::evidence::incident(&t).await;
    let base = t.serve().await;
    let doc = Browser::new(&base);
    assert_eq!(doc.login("doc", PASSWORD).await, 303);

    // A PNG named .pdf is refused, with the reason, and nothing is recorded.
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDRsome pixels".to_vec();
    let r = upload(&doc, &base, incident, "report.pdf", &png).await;
    assert_eq!(location(&r), "/documentation/evidence");
    let (_, html) = doc.text("/documentation/evidence").await;
    assert!(html.contains("is not what its name says"), "{html}");
    assert!(html.contains("No evidence files yet."));

    let r = upload(&doc, &base, incident, "scene.png", &png).await;
    let page = location(&r);
    assert!(page.starts_with("/documentation/evidence/"), "{page}");
    let (s, html) = doc.text(&page).await;
    assert_eq!(s, 200);
    let sha = hex::encode(sha2::Sha256::digest(&png));
    assert!(html.contains(&sha), "SHA-256 shown");
    assert!(
        html.contains(blake3::hash(&png).to_hex().as_str()),
        "BLAKE3 shown"
    );
    assert!(
        html.contains("Witness Canary-HTTP-55"),
        "the documenter sees the witness"
    );
    assert!(html.contains("received") && html.contains("viewed"));

    let ana = Browser::new(&base);
    assert_eq!(ana.login("ana", PASSWORD).await, 303);
    let (s, html) = ana.text(&page).await;
    assert_eq!(s, 200);
    assert!(
        !html.contains("Canary-HTTP-55"),
        "an analyst does not see the witness"
    );
    let csrf = ana.csrf(&page).await;
    let res = ana
        .http
        .post(format!("{base}{page}/download"))
        .form(&[("csrf", csrf.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["x-content-sha256"], sha.as_str());
    assert_eq!(
        res.bytes().await.unwrap().to_vec(),
        png,
        "the original, byte for byte"
    );
    let (_, html) = ana.text(&page).await;
    assert!(html.contains("downloaded"), "the download is in the chain");
    assert_eq!(
        upload(&ana, &base, incident, "x.png", &png).await.status(),
        403
    );
}

/// The API: upload as multipart with a token, read the file with its custody chain
/// and its bytes; a file that is not what its name says is a 422 naming the field.
#[tokio::test]
async fn the_api_uploads_and_reads_evidence_with_its_custody() {
    let t = support::sqlite().await;
    let doc_id = t.user("doc", Role::Documenter).await;
    let token = t.token(doc_id, "doc", Role::Documenter).await;
    let incident = crate::evidence::incident(&t).await;
    let base = t.serve().await;
    let http = reqwest::Client::new();
    let form = |name: &str, bytes: &[u8]| {
        reqwest::multipart::Form::new()
            .text("target_type", "incident")
            .text("target_id", incident.to_string())
            .text("received_on", "2024-03-20")
            .text("received_from", "Witness B")
            .text("received_how", "email")
            .part(
                "file",
                reqwest::multipart::Part::bytes(bytes.to_vec()).file_name(name.to_string()),
            )
    };
    let pdf = b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n".to_vec();
    let bad = http
        .post(format!("{base}/api/v1/evidence"))
        .bearer_auth(&token)
        .multipart(form("scan.jpg", &pdf))
        .send()
        .await
        .unwrap();
    assert_eq!(bad.status(), 422);
    let problem: serde_json::Value = bad.json().await.unwrap();
    assert_eq!(problem["field"], "file");
    assert_eq!(problem["code"], "evidence-invalid-content");

    let res = http
        .post(format!("{base}/api/v1/evidence"))
        .bearer_auth(&token)
        .multipart(form("scan.pdf", &pdf))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 201);
    let id = res.json::<serde_json::Value>().await.unwrap()["id"]
        .as_i64()
        .unwrap();
    let bytes = http
        .get(format!("{base}/api/v1/evidence/{id}/content"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap();
    assert_eq!(bytes.to_vec(), pdf);
    let d: serde_json::Value = http
        .get(format!("{base}/api/v1/evidence/{id}"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(d["sha256"], hex::encode(sha2::Sha256::digest(&pdf)));
    assert_eq!(d["media_type"], "application/pdf");
    assert_eq!(d["received_from"], "Witness B");
    let actions: Vec<&str> = d["custody"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["action"].as_str().unwrap())
        .collect();
    assert_eq!(
        actions,
        ["evidence.receive", "evidence.download", "evidence.view"]
    );
}
