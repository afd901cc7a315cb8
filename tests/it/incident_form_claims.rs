//! The form that records an incident takes its sources' claims too: two sources that
//! disagree, typed in the same form, land with the incident in one step and show side
//! by side; a refused claim sends the form back naming the field, and nothing of the
//! incident is written.

use vigil::domain::Role;

use crate::support::{self, location, Browser, PASSWORD};

async fn text(b: &Browser, path: &str) -> String {
    let (_, html) = b.text(path).await;
    html.replace(['\u{2068}', '\u{2069}'], "")
}

/// Two outlets and a source of each (graded B and C); their ids.
async fn two_sources(b: &Browser) -> Vec<String> {
    let orgs = "/documentation/organisations";
    for name in ["Camp Observer", "Wire Service"] {
        let form = [
            ("name", name),
            ("org_kind", "media_outlet"),
            ("aliases", ""),
        ];
        let r = b.submit(orgs, orgs, &form).await;
        assert!(location(&r).starts_with("/documentation/organisations/"));
    }
    add_two_sources(b, &[]).await
}

/// A source of each outlet, "Camp Observer" (graded B) and "Wire Service" (C), with
/// `extra` fields; their ids. The outlets must exist.
pub async fn add_two_sources(b: &Browser, extra: &[(&str, &str)]) -> Vec<String> {
    let sources = "/documentation/sources";
    let mut ids = Vec::new();
    for (title, publisher, grade) in [
        ("Dawn rockets", "Camp Observer", "B"),
        ("Attack on camp", "Wire Service", "C"),
    ] {
        let mut form = vec![
            ("source_kind", "article"),
            ("title", title),
            ("publisher", publisher),
            ("affiliation", "independent"),
            ("reliability", grade),
            ("reliability_reason", "track record"),
        ];
        form.extend_from_slice(extra);
        let r = b.submit(sources, sources, &form).await;
        let page = location(&r);
        assert!(page.starts_with("/documentation/sources/"), "{page}");
        ids.push(page.rsplit('/').next().unwrap().to_string());
    }
    ids
}

#[tokio::test]
async fn an_incident_is_recorded_with_its_sources_claims_in_one_form() {
    let t = support::sqlite().await;
    t.user("doc", Role::Documenter).await;
    t.site_and_person("LIBERTY").await;
    let base = t.serve().await;
    let b = Browser::new(&base);
    assert_eq!(b.login("doc", PASSWORD).await, 303);
    let ids = two_sources(&b).await;

    let incidents = "/documentation/incidents";
    let html = text(&b, incidents).await;
    assert!(
        html.contains("name=\"claims[0].source\"") && html.contains("name=\"claims[1].source\""),
        "two claim rows in the form"
    );
    assert!(html.contains("Dawn rockets (B)"), "the sources to cite");

    // A refused claim (grade 7): back to the form, the field named, nothing written.
    let refused = [
        ("title", "Refused rocket attack"),
        ("category", "rocket_attack"),
        ("started", "2013-12-26"),
        ("claims[0].source", ids[0].as_str()),
        ("claims[0].values", "killed = 4"),
        ("claims[0].credibility", "2"),
        ("claims[1].source", ids[1].as_str()),
        ("claims[1].values", "killed = 3"),
        ("claims[1].credibility", "7"),
    ];
    let r = b.submit(incidents, incidents, &refused).await;
    assert_eq!(location(&r), incidents);
    let html = text(&b, incidents).await;
    assert!(html.contains("flash-error"), "{html}");
    assert!(html.contains("expected a grade from 1 to 6"), "{html}");
    assert!(
        !html.contains("Refused rocket attack"),
        "no incident left behind"
    );
    let (incidents_n, claims_n): (i64, i64) =
        sqlx::query_as("select (select count(*) from incidents), (select count(*) from claims)")
            .fetch_one(&mut *t.app.store.read().await.unwrap())
            .await
            .unwrap();
    assert_eq!((incidents_n, claims_n), (0, 0));

    // Both claims, and an empty third-party row skipped: one step, both figures.
    let form = [
        ("title", "Fourth rocket attack"),
        ("category", "rocket_attack"),
        ("started", "2013-12-26 05:30"),
        ("site", "LIBERTY"),
        ("claims[0].source", ids[0].as_str()),
        ("claims[0].values", "killed = 4"),
        ("claims[0].locator", "para. 2"),
        ("claims[0].credibility", "2"),
        ("claims[1].source", ids[1].as_str()),
        ("claims[1].values", "killed = 3"),
        ("claims[1].statement", "Three residents died."),
        ("claims[1].credibility", "3"),
    ];
    let r = b.submit(incidents, incidents, &form).await;
    let page = location(&r);
    assert!(page.starts_with("/documentation/incidents/"), "{page}");
    let html = text(&b, &page).await;
    assert!(html.contains("Dawn rockets") && html.contains("Attack on camp"));
    assert!(
        html.contains("<td class=\"num\">4</td>") && html.contains("<td class=\"num\">3</td>"),
        "both figures side by side"
    );
    assert!(html.contains("Three residents died.") && html.contains("para. 2"));
    assert!(html.contains("Corroborated"), "two independent outlets");
    // One incident.create and one incident.claim per claim, as the API records them.
    let actions: Vec<String> = sqlx::query_scalar(
        "select action from audit_log where object_type = 'incident' order by seq",
    )
    .fetch_all(&mut *t.app.store.read().await.unwrap())
    .await
    .unwrap();
    assert_eq!(
        actions,
        ["incident.create", "incident.claim", "incident.claim"]
    );

    // A form with no claim rows filled records the incident alone, as before.
    let alone = [
        ("title", "Harassment at the gate"),
        ("category", "harassment"),
        ("started", "2014-01"),
        ("claims[0].credibility", "6"),
        ("claims[1].credibility", "6"),
    ];
    let r = b.submit(incidents, incidents, &alone).await;
    let page = location(&r);
    assert!(page.starts_with("/documentation/incidents/"), "{page}");
    assert!(text(&b, &page).await.contains("Harassment at the gate"));
    let id: i64 = page.rsplit('/').next().unwrap().parse().unwrap();
    let claims: i64 = sqlx::query_scalar("select count(*) from claims where incident_id = $1")
        .bind(id)
        .fetch_one(&mut *t.app.store.read().await.unwrap())
        .await
        .unwrap();
    assert_eq!(claims, 0, "no claim rows filled, no claims");
}
