//! Source documents on SQLite and PostgreSQL: a saved web page in Persian, a plain
//! text and a PDF are recorded as evidence on their source and their text imported, so
//! a search finds each source by what it says — the Persian one when typed with Arabic
//! letter forms. A PDF with no readable text, or a file attached to an incident, is
//! refused with the reason and nothing is written.

use vigil::actions::documentation::{evidence, search, source_text};
use vigil::actions::ActionError;
use vigil::domain::evidence::Capture;
use vigil::domain::search::Query;

use crate::evidence::ingest;
use crate::incidents::{documenter, org, reader, source_input};
use crate::support::{self, TestApp};

/// A one-page PDF whose text is `line`, in Helvetica, made with lopdf.
pub fn pdf(line: &str) -> Vec<u8> {
    use lopdf::content::{Content, Operation};
    use lopdf::{dictionary, Document, Object, Stream};
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font_id = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
    });
    let resources_id = doc.add_object(dictionary! { "Font" => dictionary! { "F1" => font_id } });
    let content = Content {
        operations: vec![
            Operation::new("BT", vec![]),
            Operation::new("Tf", vec!["F1".into(), 14.into()]),
            Operation::new("Td", vec![72.into(), 700.into()]),
            Operation::new("Tj", vec![Object::string_literal(line)]),
            Operation::new("ET", vec![]),
        ],
    };
    let content_id = doc.add_object(Stream::new(dictionary! {}, content.encode().unwrap()));
    let page_id = doc.add_object(dictionary! {
        "Type" => "Page", "Parent" => pages_id, "Contents" => content_id,
        "Resources" => resources_id,
        "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
    });
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages", "Kids" => vec![page_id.into()], "Count" => 1,
        }),
    );
    let catalog_id = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog_id);
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

async fn source(t: &TestApp, title: &str, outlet: &str) -> i64 {
    org(t, outlet, "media_outlet", "").await;
    vigil::actions::documentation::sources::create(
        &t.app,
        &documenter(),
        &source_input(title, outlet, "independent", "", "C"),
    )
    .await
    .unwrap()
}

fn capture(kind: &str, id: i64) -> Capture {
    Capture::parse(kind, &id.to_string(), "2014-01-05", "Web archive", "other").unwrap()
}

async fn find(t: &TestApp, words: &str) -> Vec<(String, i64)> {
    let q = Query::parse(words, "source", "", "", "", "", "", "").unwrap();
    search::search(&t.app, &reader(), &q)
        .await
        .unwrap()
        .into_iter()
        .map(|h| (h.doc_type, h.doc_id))
        .collect()
}

async fn import(
    t: &TestApp,
    name: &str,
    bytes: &[u8],
    kind: &str,
    id: i64,
) -> Result<(i64, usize), ActionError> {
    let f = ingest(t, name, bytes, 1 << 22).unwrap();
    source_text::import(&t.app, &documenter(), f, &capture(kind, id)).await
}

#[tokio::test]
async fn html_text_and_pdf_documents_make_their_sources_searchable() {
    for t in support::both().await {
        let fa = source(&t, "گزارش اردوگاه", "Persian Outlet").await;
        let en = source(&t, "Camp statement", "English Outlet").await;
        let pdf_source = source(&t, "Scanned letter", "Letter Outlet").await;
        let html = "<html><head><title>گزارش</title><script>var secret='زیرنویس';</script></head>\
            <body><h1>حمله</h1><p>شلیک موشک به کمپ لیبرتی &amp; یک نفر کشته شد؛ شاهد می&zwnj;گوید.</p></body></html>";
        let (ev, chars) = import(&t, "report.html", html.as_bytes(), "source", fa)
            .await
            .unwrap();
        assert!(chars > 10);
        import(
            &t,
            "statement.txt",
            b"The water supply was cut for nine days.",
            "source",
            en,
        )
        .await
        .unwrap();
        import(
            &t,
            "letter.pdf",
            &pdf("Generators withheld at the gate"),
            "source",
            pdf_source,
        )
        .await
        .unwrap();

        // The Persian word typed with Arabic kaf and yeh (كشته, موشك) finds it.
        assert_eq!(
            find(&t, "موشك").await,
            [("source".to_string(), fa)],
            "{}",
            t.backend
        );
        assert_eq!(find(&t, "كشته").await, [("source".to_string(), fa)]);
        assert_eq!(find(&t, "water nine").await, [("source".to_string(), en)]);
        assert_eq!(
            find(&t, "generators gate").await,
            [("source".to_string(), pdf_source)]
        );
        // The script's text was dropped, not indexed.
        assert!(find(&t, "زیرنویس").await.is_empty());

        // The original is kept as evidence on the source, byte for byte.
        let original = evidence::download(&t.app, &reader(), ev).await.unwrap();
        assert_eq!(original.row.target_type, "source");
        assert_eq!(original.row.media_type, "text/html");
        assert_eq!(original.read_all(&t.app).await.unwrap(), html.as_bytes());
        let text = source_text::text_of(&t.app, fa).await.unwrap().unwrap();
        assert_eq!(text.format, "html");
        assert!(text.body.contains("می\u{200C}گوید"), "{}", text.body);
        assert!(!text.body.contains("secret"));
    }
}

#[tokio::test]
async fn a_document_without_text_or_on_the_wrong_record_leaves_nothing() {
    for t in support::both().await {
        let s = source(&t, "Empty source", "Some Outlet").await;
        let rows = |t: &TestApp| {
            let app = t.app.clone();
            async move {
                let mut c = app.store.read().await.unwrap();
                sqlx::query_scalar::<_, i64>(
                    "select (select count(*) from evidence_items) + (select count(*) from source_texts)
                          + (select count(*) from audit_log)",
                )
                .fetch_one(&mut *c)
                .await
                .unwrap()
            }
        };
        let before = rows(&t).await;
        let key = |r: Result<(i64, usize), ActionError>| match r {
            Err(ActionError::Invalid(i)) => (i.field, i.key),
            other => panic!("unexpected {:?}", other.map(|_| ())),
        };
        assert_eq!(
            key(import(&t, "broken.pdf", b"%PDF-1.4\nnot really", "source", s).await),
            ("file", "source-text-invalid-pdf")
        );
        assert_eq!(
            key(import(
                &t,
                "blank.html",
                b"<p>  </p><script>x</script>",
                "source",
                s
            )
            .await),
            ("file", "source-text-invalid-empty")
        );
        assert_eq!(rows(&t).await, before, "nothing half-written");
        let incident = crate::evidence::incident(&t).await;
        let before_incident = rows(&t).await;
        assert_eq!(
            key(import(&t, "note.txt", b"words", "incident", incident).await),
            ("import_text", "source-text-invalid-target")
        );
        assert_eq!(
            key(import(
                &t,
                "photo.png",
                &crate::evidence::png(100, b""),
                "source",
                s
            )
            .await),
            ("file", "source-text-invalid-kind")
        );
        assert_eq!(rows(&t).await, before_incident, "nothing half-written");
        assert!(before_incident > before);
    }
}
