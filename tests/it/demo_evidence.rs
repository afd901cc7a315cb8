//! The demo shows every evidence feature: three sources whose documents' text was
//! imported (English, Persian, Arabic) and is found by a search in each language —
//! Persian typed with Arabic letter forms included; a picture and notes attached to the
//! fourth rocket attack on Liberty, a real PNG among them; a redacted copy marked as
//! made from the picture, with the `evidence.derive` entry in the original's custody;
//! and a court bundle that can be made for that incident.

use vigil::actions::documentation::{bundle, evidence, evidence_copy, incidents, search};
use vigil::domain::export::Recipient;
use vigil::domain::search::Query;

use crate::incidents::{documenter, reader};
use crate::support;

fn q(words: &str) -> Query {
    Query::parse(words, "", "", "", "", "", "", "").unwrap()
}

#[tokio::test]
async fn the_demo_shows_every_evidence_feature() {
    let t = support::sqlite().await;
    vigil::demo::load(&t.app).await.unwrap();

    // Each language's document is found by what it says (words only in the texts).
    for (words, title) in [
        ("bunkers", "Call to protect Camp Liberty residents"),
        (
            "اشتباه",
            "State television on the residents going to Albania",
        ),
        // «پیامدهای» typed with Arabic yeh.
        (
            "پيامدهاي",
            "State television on the residents going to Albania",
        ),
        ("المهلة", "بيان حول نقل سكان مخيم أشرف إلى مخيم ليبرتي"),
    ] {
        let hits = search::search(&t.app, &reader(), &q(words)).await.unwrap();
        assert!(
            hits.iter()
                .any(|h| h.doc_type == "source" && h.title == title),
            "{words}: {:?}",
            hits.iter().map(|h| &h.title).collect::<Vec<_>>()
        );
    }

    let attack = incidents::list(&t.app, &reader())
        .await
        .unwrap()
        .into_iter()
        .find(|i| i.row.title == "Fourth rocket attack on Liberty")
        .unwrap()
        .row
        .incident_id;
    let files = evidence::list(&t.app, &reader(), Some(("incident", attack)))
        .await
        .unwrap();
    assert_eq!(
        files.len(),
        3,
        "the picture, the notes and the redacted copy"
    );
    let picture = files
        .iter()
        .find(|f| f.row.file_name == "liberty-trailers-2013-12-26.png")
        .unwrap();
    assert_eq!(picture.row.media_type, "image/png");
    let (origin, copies) = evidence_copy::lineage(&t.app, &reader(), picture.row.evidence_id)
        .await
        .unwrap();
    assert!(origin.is_none());
    assert_eq!(copies.len(), 1);
    assert_eq!(copies[0].kind, "redacted");
    let (_, custody) = evidence::view(&t.app, &reader(), picture.row.evidence_id)
        .await
        .unwrap();
    let actions: Vec<&str> = custody.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(
        actions,
        ["evidence.receive", "evidence.derive", "evidence.view"]
    );

    // The picture is a PNG a decoder accepts: signature, IHDR first, IEND last.
    let bytes = evidence::download(&t.app, &reader(), picture.row.evidence_id)
        .await
        .unwrap()
        .read_all(&t.app)
        .await
        .unwrap();
    assert!(bytes.starts_with(b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR"));
    assert!(bytes.ends_with(b"IEND\xae\x42\x60\x82"));

    // The incident's court bundle takes its three files.
    let identity = age::x25519::Identity::generate();
    let recipient = Recipient::parse(&identity.to_public().to_string()).unwrap();
    let plan = bundle::prepare(&t.app, &documenter(), attack, &recipient)
        .await
        .unwrap();
    assert_eq!(plan.files(), 3);
}
