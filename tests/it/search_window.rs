//! The search window: a word found in much of the index has only its newest matches
//! ranked (`store::search::WINDOW`), counted within the filters, on SQLite and on
//! PostgreSQL alike; with fewer matches than the window every match is ranked.

use vigil::domain::search::Query;
use vigil::store::search::{put, search_window, Doc};

use crate::support;

#[tokio::test]
async fn only_the_newest_matches_are_ranked_on_both_databases() {
    for t in support::both().await {
        let b = t.backend;
        let mut tx = t.app.store.write().await.unwrap();
        // The oldest says "convoy" most often: the best match when all are ranked.
        let bodies = [
            ("convoy convoy convoy convoy water", "fa"),
            ("convoy water alpha beta gamma delta", "fa"),
            ("convoy water epsilon zeta eta theta", "en"),
            ("convoy iota kappa lambda mu nu", "en"),
            ("convoy xi omicron pi rho sigma", "en"),
        ];
        for (i, (body, language)) in bodies.iter().enumerate() {
            put(
                &mut tx,
                &Doc {
                    doc_type: "source",
                    doc_id: i as i64 + 1,
                    parent_id: None,
                    title: "window",
                    content: body,
                    body,
                    day: None,
                    site_id: None,
                    category: "",
                    grade: "C",
                    language,
                },
            )
            .await
            .unwrap();
        }
        tx.commit().await.unwrap();
        let q = |language: &str| Query::parse("convoy", "", "", "", "", "", "", language).unwrap();
        let ids = |hits: Vec<vigil::store::search::HitRow>| {
            let mut v: Vec<i64> = hits.iter().map(|h| h.doc_id).collect();
            v.sort();
            v
        };
        let mut c = t.app.store.read().await.unwrap();

        let all = search_window(&mut c, &q(""), 50, 100).await.unwrap().rows;
        assert_eq!(all.first().map(|h| h.doc_id), Some(1), "the best first");
        assert_eq!(ids(all), vec![1, 2, 3, 4, 5]);
        // Exactly as many matches as the window: all of them, and nothing left out.
        let five = search_window(&mut c, &q(""), 50, 5).await.unwrap();
        assert!(!five.windowed, "{b}: nothing was left out");
        assert_eq!(ids(five.rows), vec![1, 2, 3, 4, 5]);
        assert!(
            search_window(&mut c, &q(""), 50, 4).await.unwrap().windowed,
            "{b}: the oldest match was left out, and the page must say so"
        );
        // A window of three: the three newest matches, the oldest left out.
        assert_eq!(
            ids(search_window(&mut c, &q(""), 50, 3).await.unwrap().rows),
            vec![3, 4, 5]
        );
        // Within a filter the window counts the filtered matches: the newest Persian one.
        assert_eq!(
            ids(search_window(&mut c, &q("fa"), 50, 1).await.unwrap().rows),
            vec![2]
        );
        // The limit still applies inside the window, best first.
        let two = search_window(&mut c, &q(""), 2, 5).await.unwrap().rows;
        assert_eq!(two.first().map(|h| h.doc_id), Some(1));
        assert_eq!(two.len(), 2);
    }
}
