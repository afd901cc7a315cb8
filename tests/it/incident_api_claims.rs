//! `POST /api/v1/incidents` with the incident's claims, through the real router on
//! SQLite and PostgreSQL: the incident and every source's figures are recorded in one
//! transaction (as the documenter's form and `recording::record` do); a refused claim
//! is named by its index and field, and leaves the record exactly as it was.

use serde_json::{json, Value};
use vigil::domain::Role;

use crate::support::{self, TestApp};

/// Rows in the tables a recording writes, and audit entries.
async fn counts(t: &TestApp) -> Vec<i64> {
    let mut c = t.app.store.read().await.unwrap();
    let mut out = Vec::new();
    for table in ["incidents", "claims", "claim_values", "audit_log"] {
        out.push(
            sqlx::query_scalar(&format!("select count(*) from {table}"))
                .fetch_one(&mut *c)
                .await
                .unwrap(),
        );
    }
    out
}

#[tokio::test]
async fn an_incident_and_its_claims_in_one_request() {
    for t in support::both().await {
        let b = t.backend;
        let uid = t.user("doc", Role::Documenter).await;
        let token = t.token(uid, "doc", Role::Documenter).await;
        let aid = t.user("ana", Role::Analyst).await;
        let analyst = t.token(aid, "ana", Role::Analyst).await;
        let base = t.serve().await;
        let http = reqwest::Client::new();
        let post = |token: &str, path: &str, body: Value| {
            http.post(format!("{base}/api/v1{path}"))
                .bearer_auth(token)
                .json(&body)
                .send()
        };
        let mut sources = Vec::new();
        for (title, grade) in [("Camp statement", "B"), ("State media", "E")] {
            let r = post(
                &token,
                "/sources",
                json!({"kind": "statement", "title": title, "affiliation": "independent",
                    "reliability": grade, "reliability_reason": "track record"}),
            )
            .await
            .unwrap();
            assert_eq!(r.status(), 201, "{b}");
            sources.push(r.json::<Value>().await.unwrap()["id"].as_i64().unwrap());
        }
        let (one, two) = (sources[0], sources[1]);
        let incident = |claims: Value| {
            json!({"title": "Raid", "category": "armed_assault", "started": "2011-04-08",
                "claims": claims})
        };
        let good = json!([
            {"source": one, "locator": "p. 2, para 3", "statement": "35 residents were killed",
             "values": {"killed": 35, "injured": 300}, "credibility": 2},
            {"source": two, "values": {"killed": 3}, "credibility": 5}
        ]);

        // Refused: each answer names the claim and its field, and nothing is written.
        let before = counts(&t).await;
        let mut bad_credibility = good.clone();
        bad_credibility[1]["credibility"] = json!(7);
        let mut unknown_source = good.clone();
        unknown_source[1]["source"] = json!(two + 1000);
        let mut bad_measure = good.clone();
        bad_measure[0]["values"] = json!({"kiled": 35});
        let mut empty = good.clone();
        empty[1] = json!({"source": two, "credibility": 3});
        for (claims, field, code) in [
            (bad_credibility, "claims[1].credibility", None),
            (
                unknown_source,
                "claims[1].source",
                Some("claim-invalid-unknown-source"),
            ),
            (bad_measure, "claims[0].values", None),
            (empty, "claims[1].statement", Some("claim-invalid-empty")),
        ] {
            let r = post(&token, "/incidents", incident(claims)).await.unwrap();
            assert_eq!(r.status(), 422, "{b} {field}");
            let p: Value = r.json().await.unwrap();
            assert_eq!(p["field"], field, "{b} {p}");
            assert!(p["detail"].as_str().unwrap().starts_with(field), "{b} {p}");
            if let Some(code) = code {
                assert_eq!(p["code"], code, "{b} {p}");
            }
            assert_eq!(counts(&t).await, before, "{b} {field}: nothing written");
        }
        // A claim of the wrong shape is refused by the body's reader, with its path.
        let mut wrong_type = good.clone();
        wrong_type[0]["credibility"] = json!("high");
        let r = post(&token, "/incidents", incident(wrong_type))
            .await
            .unwrap();
        assert_eq!(r.status(), 422, "{b}");
        let p: Value = r.json().await.unwrap();
        assert!(
            p["detail"]
                .as_str()
                .unwrap()
                .contains("claims[0].credibility"),
            "{b} {p}"
        );
        // The incident's own fields are still checked first, by name.
        let r = post(
            &token,
            "/incidents",
            json!({"title": "Raid", "category": "riot", "started": "2011", "claims": good}),
        )
        .await
        .unwrap();
        assert_eq!(r.status(), 422, "{b}");
        assert_eq!(r.json::<Value>().await.unwrap()["field"], "category", "{b}");
        // An analyst reads the record but records nothing.
        let r = post(&analyst, "/incidents", incident(good.clone()))
            .await
            .unwrap();
        assert_eq!(r.status(), 403, "{b}");
        assert_eq!(counts(&t).await, before, "{b}: nothing written");

        // Accepted: the incident, both claims with their figures, one audit entry
        // for the incident and one per claim.
        let r = post(&token, "/incidents", incident(good)).await.unwrap();
        assert_eq!(r.status(), 201, "{b}");
        let done: Value = r.json().await.unwrap();
        let id = done["id"].as_i64().unwrap();
        let claims: Vec<i64> = done["claims"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c.as_i64().unwrap())
            .collect();
        assert_eq!(claims.len(), 2, "{b}");
        let after = counts(&t).await;
        assert_eq!(
            after,
            vec![before[0] + 1, before[1] + 2, before[2] + 3, before[3] + 3],
            "{b}"
        );
        let d: Value = http
            .get(format!("{base}/api/v1/incidents/{id}"))
            .bearer_auth(&analyst)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let side_by_side: Vec<(i64, String, i64, i64)> = d["claims"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|c| {
                c["values"].as_array().unwrap().iter().map(move |v| {
                    (
                        c["claim_id"].as_i64().unwrap(),
                        v["measure"].as_str().unwrap().to_string(),
                        v["value"].as_i64().unwrap(),
                        c["credibility"].as_i64().unwrap(),
                    )
                })
            })
            .collect();
        let mut want = vec![
            (claims[0], "injured".to_string(), 300, 2),
            (claims[0], "killed".to_string(), 35, 2),
            (claims[1], "killed".to_string(), 3, 5),
        ];
        let mut got = side_by_side;
        got.sort();
        want.sort();
        assert_eq!(got, want, "{b} {d}");
        let first = d["claims"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["claim_id"] == claims[0])
            .unwrap();
        assert_eq!(first["locator"], "p. 2, para 3", "{b}");
        assert_eq!(d["claim_count"], 2, "{b} {d}");
        // Without claims the body is the incident alone, as before.
        let r = post(
            &token,
            "/incidents",
            json!({"title": "Threat", "category": "threat", "started": "2012-01"}),
        )
        .await
        .unwrap();
        assert_eq!(r.status(), 201, "{b}");
        assert_eq!(r.json::<Value>().await.unwrap()["claims"], json!([]), "{b}");
    }
}
