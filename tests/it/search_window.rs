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

/// PostgreSQL looks among the newest ids first and widens the span until its window is
/// full (`store::search` `widen`): sparse, clustered and absent matches give the same
/// newest matches as on SQLite, whatever number of spans it took.
#[tokio::test]
async fn sparse_matches_give_the_same_window_on_both_databases() {
    let mut found = Vec::new();
    for t in support::both().await {
        let mut tx = t.app.store.write().await.unwrap();
        // 300 documents: "rare" in every 37th, "early" only in the oldest 20, "dense"
        // in every other one, "tail" in the newest 3.
        for i in 1..=300i64 {
            let mut body = format!("note {i}");
            for (word, here) in [
                ("rare", i % 37 == 0),
                ("early", i <= 20),
                ("dense", i % 2 == 0),
                ("tail", i > 297),
            ] {
                if here {
                    body.push(' ');
                    body.push_str(word);
                }
            }
            put(
                &mut tx,
                &Doc {
                    doc_type: "source",
                    doc_id: i,
                    parent_id: None,
                    title: "spans",
                    content: &body,
                    body: &body,
                    day: None,
                    site_id: None,
                    category: "",
                    grade: "C",
                    language: "en",
                },
            )
            .await
            .unwrap();
        }
        tx.commit().await.unwrap();
        let mut c = t.app.store.read().await.unwrap();
        let mut seen = Vec::new();
        for (word, window) in [
            ("rare", 3),
            ("rare", 8),
            ("rare", 9),
            ("early", 4),
            ("early", 50),
            ("dense", 5),
            ("dense", 200),
            ("tail", 2),
            ("absent", 3),
            ("rare dense", 2),
        ] {
            let q = Query::parse(word, "", "", "", "", "", "", "").unwrap();
            let r = search_window(&mut c, &q, 500, window).await.unwrap();
            let mut ids: Vec<i64> = r.rows.iter().map(|h| h.doc_id).collect();
            ids.sort();
            seen.push((word, window, ids, r.windowed));
        }
        // The newest matches, by what each word was put in.
        let newest = |pick: &dyn Fn(i64) -> bool, n: usize| -> Vec<i64> {
            let mut v: Vec<i64> = (1..=300).rev().filter(|i| pick(*i)).take(n).collect();
            v.sort();
            v
        };
        assert_eq!(
            seen[0],
            ("rare", 3, newest(&|i| i % 37 == 0, 3), true),
            "{}",
            t.backend
        );
        assert_eq!(
            seen[1],
            ("rare", 8, newest(&|i| i % 37 == 0, 8), false),
            "{}",
            t.backend
        );
        assert_eq!(
            seen[3],
            ("early", 4, vec![17, 18, 19, 20], true),
            "{}",
            t.backend
        );
        assert_eq!(seen[4].2.len(), 20, "{}", t.backend);
        assert_eq!(seen[5].2, newest(&|i| i % 2 == 0, 5), "{}", t.backend);
        assert_eq!(seen[7].2, vec![299, 300], "{}", t.backend);
        assert!(seen[8].2.is_empty(), "{}", t.backend);
        assert_eq!(seen[9].2, vec![222, 296], "{}", t.backend);
        found.push(seen);
    }
    if let [a, b] = found.as_slice() {
        assert_eq!(a, b, "SQLite and PostgreSQL found different windows");
    }
}
