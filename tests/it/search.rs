//! Search over sources, claims and incidents, the same story on SQLite (FTS5) and
//! PostgreSQL (text search): a word written with Arabic letter forms finds the Persian
//! text and the other way round, digits in any script meet, the filters narrow, a
//! person's sealed data is never found, and both databases give the same hits for the
//! same data (same set, same snippets).

use vigil::actions::documentation::search::{self, Hit};
use vigil::actions::documentation::{incidents, sources};
use vigil::domain::incident::{IncidentInput, IncidentText};
use vigil::domain::search::Query;
use vigil::domain::source::{ClaimInput, ClaimText, SourceInput, SourceText};

use crate::incidents::{documenter, org, reader};
use crate::support::{self, TestApp};

fn incident(title: &str, category: &str, started: &str, description: &str) -> IncidentInput {
    IncidentInput::parse(&IncidentText {
        title,
        category,
        started,
        description,
        place: "",
        ..IncidentText::default()
    })
    .unwrap()
}

fn source(title: &str, language: &str, grade: &str) -> SourceInput {
    SourceInput::parse(&SourceText {
        kind: "article",
        title,
        publisher: "Search Outlet",
        affiliation: "independent",
        reliability: grade,
        reliability_reason: "graded for the test",
        published_on: "2014-01-05",
        language,
        ..SourceText::default()
    })
    .unwrap()
}

fn claim(source: i64, statement: &str) -> ClaimInput {
    let source = source.to_string();
    ClaimInput::parse(&ClaimText {
        source: &source,
        statement,
        locator: "پاراگراف ۲",
        credibility: "2",
        ..ClaimText::default()
    })
    .unwrap()
}

/// The same record on each database: Persian, Arabic and English texts.
async fn record(t: &TestApp) {
    let cap = documenter();
    org(t, "Search Outlet", "media_outlet", "").await;
    let fa = sources::create(
        &t.app,
        &cap,
        &source("گزارش حملهٔ موشکی به کمپ لیبرتی", "fa", "B"),
    )
    .await
    .unwrap();
    let ar = sources::create(
        &t.app,
        &cap,
        &source("تقرير عن الهجوم الصاروخي على مخيم ليبرتي", "ar", "D"),
    )
    .await
    .unwrap();
    sources::create(
        &t.app,
        &cap,
        &source("Rocket attack on Camp Liberty", "en", "A"),
    )
    .await
    .unwrap();
    let rocket = incidents::create(
        &t.app,
        &cap,
        &incident(
            "حمله موشکی به کمپ لیبرتی",
            "rocket_attack",
            "2013-12-26",
            "۳۵ موشک پیش از سپیده‌دم شلیک شد؛ کتابخانه آسیب دید.",
        ),
    )
    .await
    .unwrap();
    incidents::create(
        &t.app,
        &cap,
        &incident(
            "Medical denial at the gate",
            "medical_denial",
            "2012-05-10",
            "A patient was turned back.",
        ),
    )
    .await
    .unwrap();
    incidents::add_claim(
        &t.app,
        &cap,
        rocket,
        &claim(fa, "ساکنان گفتند ۳۵ موشک شلیک شد"),
    )
    .await
    .unwrap();
    incidents::add_claim(
        &t.app,
        &cap,
        rocket,
        &claim(ar, "قال السكان إن ٣٥ صاروخا أطلقت على المكتبة"),
    )
    .await
    .unwrap();
}

fn q(text: &str) -> Query {
    Query::parse(text, "", "", "", "", "", "", "").unwrap()
}

async fn find(t: &TestApp, query: &Query) -> Vec<Hit> {
    search::search(&t.app, &reader(), query).await.unwrap()
}

fn keys(hits: &[Hit]) -> Vec<(String, i64)> {
    let mut k: Vec<(String, i64)> = hits
        .iter()
        .map(|h| (h.doc_type.clone(), h.doc_id))
        .collect();
    k.sort();
    k
}

#[tokio::test]
async fn one_search_story_the_same_on_both_databases() {
    let mut answers: Vec<Vec<Vec<(String, i64, String)>>> = Vec::new();
    for t in support::both().await {
        record(&t).await;
        // A person's sealed name is never indexed.
        t.site_and_person("LIBERTY").await;

        // "موشكي" with Arabic kaf and yeh finds the Persian "موشکی" (source and incident).
        let hits = find(&t, &q("موشكي")).await;
        assert_eq!(
            keys(&hits),
            [("incident".to_string(), 1), ("source".to_string(), 1)],
            "{hits:?}"
        );
        let marked: Vec<&str> = hits[0]
            .snippet
            .iter()
            .filter(|s| s.hit)
            .map(|s| s.text.as_str())
            .collect();
        assert!(marked.iter().all(|m| m.starts_with("موشک")), "{marked:?}");
        // Persian digits in the query meet Arabic-Indic digits in the text, and both words
        // must occur: "35" and "rockets" in Arabic.
        let hits = find(&t, &q("۳۵ صاروخا")).await;
        assert_eq!(keys(&hits), [("claim".to_string(), 2)]);
        assert_eq!(hits[0].href, "/documentation/incidents/1");
        // Tatweel, harakat and ZWNJ written into the query change nothing.
        assert_eq!(
            keys(&find(&t, &q("سپیده\u{200c}دم")).await),
            keys(&find(&t, &q("سپیدهدم")).await)
        );
        assert_eq!(
            keys(&find(&t, &q("كتـابـخانه")).await),
            [("incident".to_string(), 1)]
        );
        // English, any case.
        assert_eq!(find(&t, &q("LIBERTY rocket")).await.len(), 1);

        // Filters: type, grade, language, category, date range.
        let only =
            |doc_type: &str, grade: &str, language: &str, category: &str, from: &str, to: &str| {
                Query::parse("35", doc_type, from, to, "", category, grade, language).unwrap()
            };
        assert_eq!(find(&t, &only("", "", "", "", "", "")).await.len(), 3);
        assert_eq!(
            keys(&find(&t, &only("claim", "D", "", "", "", "")).await),
            [("claim".to_string(), 2)]
        );
        assert_eq!(
            keys(&find(&t, &only("", "", "fa", "", "", "")).await),
            [("claim".to_string(), 1)]
        );
        assert_eq!(
            find(
                &t,
                &only("", "", "", "rocket_attack", "2013-12-01", "2013-12-31")
            )
            .await
            .len(),
            3
        );
        assert!(find(&t, &only("", "", "", "", "2014-01-01", ""))
            .await
            .is_empty());
        assert!(find(&t, &only("", "", "", "medical_denial", "", ""))
            .await
            .is_empty());
        // The test person's name is sealed and never searchable.
        assert!(find(&t, &q("LIBERTY person")).await.is_empty());

        // Rebuilding the index finds the same.
        let before = keys(&find(&t, &q("موشکی")).await);
        assert_eq!(search::reindex(&t.app).await.unwrap(), 7);
        assert_eq!(keys(&find(&t, &q("موشکی")).await), before);

        let mut story = Vec::new();
        for text in ["موشكي", "ليبرتي", "35", "rocket", "کمپ لیبرتی", "المكتبة"]
        {
            let mut hits: Vec<(String, i64, String)> = find(&t, &q(text))
                .await
                .into_iter()
                .map(|h| {
                    let snippet: String = h
                        .snippet
                        .iter()
                        .map(|s| {
                            if s.hit {
                                format!("[{}]", s.text)
                            } else {
                                s.text.clone()
                            }
                        })
                        .collect();
                    (h.doc_type, h.doc_id, snippet)
                })
                .collect();
            hits.sort();
            story.push(hits);
        }
        answers.push(story);
    }
    if let [sqlite, postgres] = answers.as_slice() {
        assert_eq!(
            sqlite, postgres,
            "the same hits and snippets on both databases"
        );
    }
}

/// The page and the API: the box finds the Persian source from Arabic letter forms, with
/// the hit marked; a bad filter is named; the API answers the same.
#[tokio::test]
async fn the_search_page_and_api() {
    use crate::support::{Browser, PASSWORD};
    use vigil::domain::Role;
    let t = support::sqlite().await;
    record(&t).await;
    let id = t.user("ana", Role::Analyst).await;
    let token = t.token(id, "ana", Role::Analyst).await;
    let base = t.serve().await;
    let b = Browser::new(&base);
    assert_eq!(b.login("ana", PASSWORD).await, 303);
    let (s, html) = b
        .text("/documentation/search?q=%D9%85%D9%88%D8%B4%D9%83%D9%8A")
        .await;
    assert_eq!(s, 200);
    assert!(html.contains("<mark>موشکی</mark>"), "{html}");
    assert!(html.contains("/documentation/sources/1"));
    let (s, html) = b.text("/documentation/search?q=x&grade=Z").await;
    assert_eq!(s, 200);
    assert!(html.contains("Source grade: "), "{html}");
    let hits: serde_json::Value = reqwest::Client::new()
        .get(format!("{base}/api/v1/search"))
        .query(&[("q", "موشكي"), ("type", "source")])
        .bearer_auth(&token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(hits.as_array().unwrap().len(), 1, "{hits}");
    assert_eq!(hits[0]["doc_type"], "source");
    assert_eq!(
        hits[0]["snippet"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|s| s["hit"] == true)
            .count(),
        1
    );
}
