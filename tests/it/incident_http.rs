//! Incidents over HTTP: a documenter records two sources that disagree through the
//! pages and sees both figures side by side with the accepted one and its reason;
//! errors name their field; an analyst reads but cannot write; the API records the
//! same through JSON. The action-level story on both backends is in `incidents.rs`.

use vigil::domain::Role;

use crate::support::{self, location, Browser, PASSWORD};

async fn text(b: &Browser, path: &str) -> (u16, String) {
    let (s, html) = b.text(path).await;
    (s, html.replace(['\u{2068}', '\u{2069}'], ""))
}

#[tokio::test]
async fn incident_pages_show_every_source_side_by_side() {
    let t = support::sqlite().await;
    t.user("doc", Role::Documenter).await;
    t.user("ana", Role::Analyst).await;
    t.site_and_person("LIBERTY").await;
    let base = t.serve().await;
    let b = Browser::new(&base);
    assert_eq!(b.login("doc", PASSWORD).await, 303);

    let orgs = "/documentation/organisations";
    for (name, kind, aliases) in [
        ("Quds Force", "armed_group", "نیروی قدس"),
        ("Camp Observer", "media_outlet", ""),
        ("Wire Service", "media_outlet", ""),
    ] {
        let r = b
            .submit(
                orgs,
                orgs,
                &[("name", name), ("org_kind", kind), ("aliases", aliases)],
            )
            .await;
        assert!(
            location(&r).starts_with("/documentation/organisations/"),
            "{name}"
        );
    }
    let (_, html) = text(&b, "/documentation/organisations?q=Qods+Force").await;
    assert!(
        html.contains("Quds Force") && !html.contains("Wire Service"),
        "{html}"
    );

    let ids =
        crate::incident_form_claims::add_two_sources(&b, &[("published_on", "2013-12-27")]).await;
    let sources = "/documentation/sources";
    // An unknown publisher goes back with a message naming the field.
    let form = [
        ("source_kind", "article"),
        ("title", "x"),
        ("publisher", "Nobody Known"),
        ("affiliation", "independent"),
        ("reliability", "B"),
        ("reliability_reason", "x"),
    ];
    let r = b.submit(sources, sources, &form).await;
    assert_eq!(location(&r), sources);
    let (_, html) = text(&b, sources).await;
    assert!(
        html.contains("Publisher: no organisation has this name; add it first."),
        "{html}"
    );

    let incidents = "/documentation/incidents";
    let form = [
        ("title", "Fourth rocket attack"),
        ("category", "rocket_attack"),
        ("started", "2013-12-26 05:30"),
        ("site", "LIBERTY"),
    ];
    let r = b.submit(incidents, incidents, &form).await;
    let page = location(&r);
    assert!(page.starts_with("/documentation/incidents/"), "{page}");
    let post = |path: &'static str, form: Vec<(&'static str, String)>| {
        let (b, page) = (&b, page.clone());
        async move {
            let f: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
            let r = b.submit(&page, &format!("{page}/{path}"), &f).await;
            assert_eq!(location(&r), page);
            let (_, html) = text(b, &page).await;
            assert!(
                html.contains("flash-ok") || !html.contains("flash-error"),
                "{path}: {html}"
            );
            html
        }
    };
    post(
        "claims",
        vec![
            ("source", ids[0].clone()),
            ("values", "killed = 4".into()),
            ("credibility", "2".into()),
        ],
    )
    .await;
    post(
        "claims",
        vec![
            ("source", ids[1].clone()),
            ("values", "killed = 3".into()),
            ("credibility", "3".into()),
        ],
    )
    .await;
    post(
        "figures",
        vec![
            ("measure", "killed".into()),
            ("value", "3".into()),
            ("reason", "named list of the dead".into()),
        ],
    )
    .await;
    post(
        "acts",
        vec![
            ("act", "killed".into()),
            ("victims", "3".into()),
            ("sex", "male".into()),
        ],
    )
    .await;
    let html = post(
        "perpetrators",
        vec![
            ("organisation", "Qods Force".into()),
            ("involvement", "command".into()),
        ],
    )
    .await;
    assert!(html.contains("Dawn rockets") && html.contains("Attack on camp"));
    assert!(
        html.contains("<td class=\"num\">4</td>") && html.contains("<td class=\"num\">3</td>"),
        "{html}"
    );
    assert!(html.contains("<strong>3</strong>"), "accepted figure");
    assert!(
        html.contains("killed: 3 accepted by doc, because: named list of the dead")
            || html.contains("Killed: 3 accepted by doc, because: named list of the dead"),
        "{html}"
    );
    assert!(html.contains("Corroborated"), "two independent outlets");
    assert!(html.contains("Sources disagree"));
    assert!(html.contains("Quds Force"));
    // Typing "corroborated" is refused, naming the field.
    let f = [("verification", "corroborated"), ("reason", "x")];
    b.submit(&page, &format!("{page}/verification"), &f).await;
    let (_, html) = text(&b, &page).await;
    assert!(
        html.contains("Verification: corroboration is computed"),
        "{html}"
    );

    // An analyst reads the page, without forms, and may not write.
    let a = Browser::new(&base);
    assert_eq!(a.login("ana", PASSWORD).await, 303);
    let (s, html) = text(&a, &page).await;
    assert_eq!(s, 200);
    assert!(html.contains("Dawn rockets") && !html.contains("/claims\""));
    let r = a
        .submit(
            &page,
            &format!("{page}/figures"),
            &[("measure", "killed"), ("value", "9"), ("reason", "x")],
        )
        .await;
    assert_eq!(r.status(), 403);
    // The timeline, filtered, with the map drawn by vigil (no tiles, no image).
    let (s, html) = text(&a, "/documentation/timeline?category=rocket_attack").await;
    assert_eq!(s, 200);
    assert!(
        html.contains("Fourth rocket attack") && html.contains("chart-map"),
        "{html}"
    );
    assert!(!html.contains("<img") && !html.contains("tile"));
    let (_, html) = text(&a, "/documentation/timeline?category=threat").await;
    assert!(!html.contains("Fourth rocket attack"));
    // In Persian, the labels are Persian and the typed title stays as typed.
    b.submit(incidents, "/lang", &[("lang", "fa")]).await;
    let (_, html) = text(&b, incidents).await;
    assert!(
        html.contains("حملهٔ موشکی") && html.contains("Fourth rocket attack"),
        "{html}"
    );
}

#[tokio::test]
async fn incidents_through_the_api() {
    let t = support::sqlite().await;
    let uid = t.user("doc", Role::Documenter).await;
    let token = t.token(uid, "doc", Role::Documenter).await;
    let base = t.serve().await;
    let http = reqwest::Client::new();
    let post = |path: &str, body: serde_json::Value| {
        http.post(format!("{base}/api/v1{path}"))
            .bearer_auth(&token)
            .json(&body)
            .send()
    };
    let r = post(
        "/organisations",
        serde_json::json!({"name": "Quds Force", "kind": "armed_group", "aliases": ["نیروی قدس"]}),
    )
    .await
    .unwrap();
    assert_eq!(r.status(), 201);
    let r = post(
        "/sources",
        serde_json::json!({"kind": "statement", "title": "Statement", "affiliation": "independent",
        "reliability": "B", "reliability_reason": "x"}),
    )
    .await
    .unwrap();
    assert_eq!(r.status(), 201);
    let source: serde_json::Value = r.json().await.unwrap();
    let r = post(
        "/incidents",
        serde_json::json!({"title": "Raid", "category": "armed_assault", "started": "2011-04-08"}),
    )
    .await
    .unwrap();
    assert_eq!(r.status(), 201);
    let id = r.json::<serde_json::Value>().await.unwrap()["id"]
        .as_i64()
        .unwrap();
    let r = post(
        &format!("/incidents/{id}/claims"),
        serde_json::json!({"source": source["id"], "values": {"killed": 36}, "credibility": 2}),
    )
    .await
    .unwrap();
    assert_eq!(r.status(), 201);
    let r = post(
        &format!("/incidents/{id}/perpetrators"),
        serde_json::json!({"organisation": "نیروی قدس", "involvement": "direct"}),
    )
    .await
    .unwrap();
    assert_eq!(r.status(), 204);
    // Bad input: 422 naming the field; typed corroboration refused.
    let r = post(
        &format!("/incidents/{id}/verification"),
        serde_json::json!({"status": "corroborated", "reason": "x"}),
    )
    .await
    .unwrap();
    assert_eq!(r.status(), 422);
    let r = post(
        "/incidents",
        serde_json::json!({"title": "x", "category": "riot", "started": "2011"}),
    )
    .await
    .unwrap();
    assert_eq!(r.status(), 422);
    let p: serde_json::Value = r.json().await.unwrap();
    assert!(p.to_string().contains("category"), "{p}");
    let d: serde_json::Value = http
        .get(format!("{base}/api/v1/incidents/{id}"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(d["start_precision"], "day");
    assert_eq!(d["claims"][0]["values"][0]["value"], 36);
    assert_eq!(d["perpetrators"][0]["name"], "Quds Force");
    assert_eq!(d["status"], "unverified");
    assert_eq!(d["period"], "2011-04");

    // Corrections: the incident moved to May (PUT), its claim retracted, then the
    // incident itself; each leaves the entry readable by id, marked.
    let r = http
        .put(format!("{base}/api/v1/incidents/{id}"))
        .bearer_auth(&token)
        .json(&serde_json::json!({"title": "Raid on Ashraf", "category": "armed_assault", "started": "2011-05"}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 204);
    let list = |q: &'static str| {
        let (http, base, token) = (http.clone(), base.clone(), token.clone());
        async move {
            http.get(format!("{base}/api/v1/incidents{q}"))
                .bearer_auth(&token)
                .send()
                .await
                .unwrap()
                .json::<Vec<serde_json::Value>>()
                .await
                .unwrap()
        }
    };
    let l = list("?category=armed_assault").await;
    assert_eq!((l.len(), l[0]["period"].as_str()), (1, Some("2011-05")));
    assert!(
        list("?category=threat").await.is_empty(),
        "the filter applies"
    );
    let claim = d["claims"][0]["claim_id"].as_i64().unwrap();
    let r = post(
        &format!("/claims/{claim}/retraction"),
        serde_json::json!({"reason": ""}),
    )
    .await
    .unwrap();
    assert_eq!(r.status(), 422, "a retraction needs its reason");
    let r = post(
        &format!("/claims/{claim}/retraction"),
        serde_json::json!({"reason": "misquoted"}),
    )
    .await
    .unwrap();
    assert_eq!(r.status(), 204);
    let r = post(
        &format!("/incidents/{id}/retraction"),
        serde_json::json!({"reason": "duplicate"}),
    )
    .await
    .unwrap();
    assert_eq!(r.status(), 204);
    assert!(list("").await.is_empty(), "retracted: not listed");
    let d: serde_json::Value = http
        .get(format!("{base}/api/v1/incidents/{id}"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(d["retraction_reason"], "duplicate");
    assert_eq!(d["claims"][0]["retraction_reason"], "misquoted");
    assert_eq!(d["claim_count"], 0);
    let was: serde_json::Value =
        serde_json::from_str(d["revisions"][0]["before"].as_str().unwrap()).unwrap();
    assert_eq!(was["title"], "Raid");
}
