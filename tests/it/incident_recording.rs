//! Recording an incident with its claims in one action (`recording::record`), on
//! SQLite and PostgreSQL: it leaves the same record as creating the incident and then
//! adding each claim — the same stored facts, the same figures side by side, the same
//! audit entries in the same order, the same search documents — and a claim that
//! cannot be recorded (an unknown or a retracted source) leaves nothing at all.

use vigil::actions::documentation::{corrections, incidents, recording, search};
use vigil::actions::ActionError;
use vigil::domain::incident::retraction::Retraction;
use vigil::domain::search::Query;

use crate::incidents::{claim, documenter, incident_input, reader, two_wires};
use crate::support::{self, TestApp};

async fn actions_of(t: &TestApp, id: i64) -> Vec<String> {
    let mut c = t.app.store.read().await.unwrap();
    sqlx::query_scalar(
        "select action from audit_log where object_type = 'incident' and object_id = $1 order by seq",
    )
    .bind(id.to_string())
    .fetch_all(&mut *c)
    .await
    .unwrap()
}

async fn count(t: &TestApp, table: &str) -> i64 {
    let mut c = t.app.store.read().await.unwrap();
    sqlx::query_scalar(&format!("select count(*) from {table}"))
        .fetch_one(&mut *c)
        .await
        .unwrap()
}

#[tokio::test]
async fn recording_with_claims_leaves_what_one_by_one_leaves() {
    for t in support::both().await {
        let b = t.backend;
        let cap = documenter();
        let (one, two) = two_wires(&t).await;
        let claims = [claim(one, "killed = 3", "2"), claim(two, "killed = 4", "3")];

        let done = recording::record(&t.app, &cap, &incident_input("Together", ""), &claims)
            .await
            .unwrap();
        assert_eq!(done.claims.len(), 2, "{b}");
        let apart = incidents::create(&t.app, &cap, &incident_input("Apart", ""))
            .await
            .unwrap();
        for cl in &claims {
            incidents::add_claim(&t.app, &cap, apart, cl).await.unwrap();
        }

        // The stored facts the list and the timeline read.
        let list = incidents::list(&t.app, &reader()).await.unwrap();
        let facts = |id: i64| {
            let s = list.iter().find(|s| s.row.incident_id == id).unwrap();
            (
                s.status.clone(),
                s.best_grade.clone(),
                s.voices,
                s.claims,
                s.row.period.clone(),
            )
        };
        assert_eq!(facts(done.id), facts(apart), "{b}");
        assert_eq!(
            facts(done.id).0,
            "corroborated",
            "{b}: two independent voices"
        );
        assert_eq!(facts(done.id).1.as_deref(), Some("B"), "{b}");
        assert_eq!(facts(done.id).3, 2, "{b}");

        // The page: both figures side by side, the same corroboration.
        let together = incidents::get(&t.app, &reader(), done.id).await.unwrap();
        let one_by_one = incidents::get(&t.app, &reader(), apart).await.unwrap();
        assert_eq!(together.claims.len(), 2, "{b}");
        assert_eq!(
            together.corroboration.voices, one_by_one.corroboration.voices,
            "{b}"
        );
        let figures = |d: &incidents::IncidentDetail| {
            d.claims
                .iter()
                .flat_map(|c| c.claim.values.iter().map(|v| (v.measure.clone(), v.value)))
                .collect::<Vec<_>>()
        };
        assert_eq!(figures(&together), figures(&one_by_one), "{b}");

        // One audit entry per thing recorded, in the same order.
        let expected = ["incident.create", "incident.claim", "incident.claim"];
        assert_eq!(actions_of(&t, done.id).await, expected, "{b}");
        assert_eq!(actions_of(&t, apart).await, expected, "{b}");

        // Searchable at once: the incident and its claims.
        let q = Query::parse("rockets struck", "claim", "", "", "", "", "", "").unwrap();
        let hits = search::search(&t.app, &reader(), &q).await.unwrap();
        let mut found: Vec<i64> = hits.iter().map(|h| h.doc_id).collect();
        found.sort_unstable();
        let mut want = done.claims.clone();
        want.extend(one_by_one.claims.iter().map(|c| c.claim.row.claim_id));
        want.sort_unstable();
        assert_eq!(found, want, "{b}");
        let q = Query::parse("together", "incident", "", "", "", "", "", "").unwrap();
        let hits = search::search(&t.app, &reader(), &q).await.unwrap();
        assert_eq!(
            hits.iter().map(|h| h.doc_id).collect::<Vec<_>>(),
            [done.id],
            "{b}"
        );

        // An unknown source, then a retracted one: refused on the field, nothing kept.
        let before = [
            count(&t, "incidents").await,
            count(&t, "claims").await,
            count(&t, "audit_log").await,
            count(&t, "search_docs").await,
        ];
        let bad = [
            claim(one, "killed = 3", "2"),
            claim(9_999, "killed = 9", "2"),
        ];
        let e = recording::record(&t.app, &cap, &incident_input("Bad", ""), &bad)
            .await
            .unwrap_err();
        assert!(
            matches!(&e, ActionError::Invalid(i) if i.field == "source"),
            "{b}: {e:?}"
        );
        corrections::retract_source(&t.app, &cap, two, &Retraction::parse("misquoted").unwrap())
            .await
            .unwrap();
        let before_retracted = [
            count(&t, "incidents").await,
            count(&t, "claims").await,
            count(&t, "audit_log").await,
            count(&t, "search_docs").await,
        ];
        assert_eq!(before_retracted[..2], before[..2], "{b}");
        let e = recording::record(&t.app, &cap, &incident_input("Bad", ""), &claims)
            .await
            .unwrap_err();
        assert!(
            matches!(&e, ActionError::Invalid(i) if i.field == "source"),
            "{b}: {e:?}"
        );
        let after = [
            count(&t, "incidents").await,
            count(&t, "claims").await,
            count(&t, "audit_log").await,
            count(&t, "search_docs").await,
        ];
        assert_eq!(after, before_retracted, "{b}: nothing written");
    }
}
