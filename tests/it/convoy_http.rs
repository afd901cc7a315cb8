//! Convoys over HTTP: the pages as a registrar and as an analyst (forms that work,
//! shortfalls said in words, errors that name their field, Persian digits), and the
//! API's statuses. The action-level story on both backends is in `convoys.rs`.

use crate::convoys::{person, site};
use crate::support;

/// A page's status and text, without the bidi isolation marks around placeables.
async fn text(b: &crate::support::Browser, path: &str) -> (u16, String) {
    let (s, html) = b.text(path).await;
    (s, html.replace(['\u{2068}', '\u{2069}'], ""))
}

/// The pages, as a registrar and as an analyst: forms that work, shortfalls said in
/// words, completion that moves people, and errors that name their field.
#[tokio::test]
async fn convoy_pages_through_the_router() {
    use crate::support::{location, Browser, PASSWORD};
    use vigil::domain::Role;
    let t = support::sqlite().await;
    t.user("reg", Role::Registrar).await;
    t.user("ana", Role::Analyst).await;
    let orig = site(&t, "ORIG").await;
    site(&t, "DEST").await;
    let (_, head_code, hh) = person(&t, orig, None).await;
    let (member, _, _) = person(&t, orig, Some(hh)).await;
    let base = t.serve().await;
    let b = Browser::new(&base);
    assert_eq!(b.login("reg", PASSWORD).await, 303);

    let (status, html) = text(&b, "/registry/convoys").await;
    assert_eq!(status, 200);
    assert!(html.contains("href=\"/registry/convoys\""), "nav entry");
    // Bad input goes back with a message that names the field.
    let form = [
        ("seq", "4"),
        ("origin", "ORIG"),
        ("destination", "ORIG"),
        ("planned_on", "2012-02-01"),
    ];
    let r = b
        .submit("/registry/convoys", "/registry/convoys", &form)
        .await;
    assert_eq!(location(&r), "/registry/convoys");
    let (_, html) = text(&b, "/registry/convoys").await;
    assert!(html.contains("To: must differ from the origin."), "{html}");
    let form = [
        ("seq", "4"),
        ("origin", "ORIG"),
        ("destination", "DEST"),
        ("planned_on", "2012-02-01"),
        ("status", "under_way"),
    ];
    let r = b
        .submit("/registry/convoys", "/registry/convoys", &form)
        .await;
    let page = location(&r);
    assert!(page.starts_with("/registry/convoys/"), "{page}");
    let id = page.rsplit('/').next().unwrap().to_string();

    let r = b
        .submit(
            &page,
            &format!("{page}/people"),
            &[("code", &head_code), ("scope", "household")],
        )
        .await;
    assert_eq!(location(&r), page);
    let line = [
        ("item", "Generators"),
        ("unit", "generators"),
        ("agreed", "۶"),
        ("allowed", "2"),
        ("agreed_source", "Letter of 15 February 2012"),
    ];
    b.submit(&page, &format!("{page}/manifest"), &line).await;
    let (_, html) = text(&b, &page).await;
    assert!(html.contains("Generators: 6 agreed, 2 allowed."), "{html}");
    assert!(html.contains("class=\"shortfall\""));
    // A line corrected so it no longer falls short, and a line removed.
    let line_id = html
        .split("action=\"/registry/manifest-lines/")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .unwrap()
        .to_string();
    let fixed = [("item", "Generators"), ("agreed", "6"), ("allowed", "6")];
    let r = b
        .submit(
            &page,
            &format!("/registry/manifest-lines/{line_id}"),
            &fixed,
        )
        .await;
    assert_eq!(location(&r), page);
    let (_, html) = text(&b, &page).await;
    assert!(!html.contains("class=\"shortfall\""), "no longer short");
    b.submit(
        &page,
        &format!("/registry/manifest-lines/{line_id}/remove"),
        &[],
    )
    .await;
    let (_, html) = text(&b, &page).await;
    assert!(html.contains("The manifest line was removed."), "{html}");
    assert!(!html.contains("/registry/manifest-lines/"));
    b.submit(&page, &format!("{page}/manifest"), &line).await;
    assert!(html.matches("href=\"/registry/people/").count() >= 2);

    // Completion: a missing arrival count is refused by name; then everyone moves.
    let r = b
        .submit(
            &page,
            &format!("{page}/complete"),
            &[("arrived_on", "2012-02-18")],
        )
        .await;
    assert_eq!(location(&r), page);
    let (_, html) = text(&b, &page).await;
    assert!(html.contains("Arrived: is required."), "{html}");
    let done = [("arrived_on", "2012-02-18"), ("arrived", "2")];
    b.submit(&page, &format!("{page}/complete"), &done).await;
    let (_, html) = text(&b, &page).await;
    assert!(html.contains("The convoy is completed"), "{html}");
    let (_, html) = text(&b, &format!("/registry/people/{member}")).await;
    assert!(
        html.contains("convoy 4"),
        "the person's history names the convoy"
    );
    // A second completion is refused with its own message.
    b.submit(&page, &format!("{page}/complete"), &done).await;
    let (_, html) = text(&b, &page).await;
    assert!(
        html.contains("This convoy is completed; its list"),
        "{html}"
    );

    // Found later not to have arrived: recorded missing, the arrival count corrected.
    let reader = vigil::auth::Actor::system().grant().unwrap();
    let member_code = vigil::actions::registry::people::get(&t.app, &reader, member)
        .await
        .unwrap()
        .person
        .code;
    let missing = [("missing", member_code.as_str()), ("arrived", "1")];
    b.submit(&page, &format!("{page}/missing"), &missing).await;
    let (_, html) = text(&b, &page).await;
    assert!(html.contains("Recorded."), "{html}");
    let (_, html) = text(&b, &format!("/registry/people/{member}")).await;
    assert!(html.contains("convoy 4: did not arrive"), "{html}");

    // An analyst reads the list and the page, with no forms.
    let a = Browser::new(&base);
    assert_eq!(a.login("ana", PASSWORD).await, 303);
    let (status, html) = text(&a, "/registry/convoys").await;
    assert_eq!(status, 200);
    assert!(html.contains(&format!("/registry/convoys/{id}")));
    assert!(!html.contains("name=\"seq\""));
    let (status, html) = text(&a, &page).await;
    assert_eq!(status, 200);
    assert!(html.contains("Generators: 6 agreed, 2 allowed."));
    assert!(!html.contains("/complete\""));
    // The Persian page says the same in Persian digits.
    let csrf = a.csrf("/account").await;
    a.post("/lang", &[("csrf", &csrf), ("lang", "fa")]).await;
    let (_, html) = text(&a, &page).await;
    assert!(html.contains("۶ توافق‌شده"), "{html}");
}

/// The API: statuses for bad input (with the field), conflicts and refusals, and the
/// shortfalls and head counts in the JSON.
#[tokio::test]
async fn convoy_api_answers_with_statuses_and_fields() {
    use serde_json::{json, Value};
    use vigil::domain::Role;
    let t = support::sqlite().await;
    let uid = t.user("reg", Role::Registrar).await;
    let token = t.token(uid, "reg", Role::Registrar).await;
    let orig = site(&t, "ORIG").await;
    site(&t, "DEST").await;
    let (_, code, _) = person(&t, orig, None).await;
    let base = t.serve().await;
    let http = reqwest::Client::new();
    let call = |m: reqwest::Method, path: &str, body: Value| {
        http.request(m, format!("{base}/api/v1{path}"))
            .bearer_auth(&token)
            .json(&body)
            .send()
    };
    use reqwest::Method as M;
    let r = call(
        M::POST,
        "/convoys",
        json!({"seq": 1, "origin": "ORIG", "destination": "orig"}),
    )
    .await
    .unwrap();
    assert_eq!(r.status(), 422);
    assert_eq!(r.json::<Value>().await.unwrap()["field"], "destination");
    let r = call(
        M::POST,
        "/convoys",
        json!({"seq": 1, "origin": "ORIG", "destination": "DEST", "x": 1}),
    )
    .await
    .unwrap();
    assert_eq!(r.status(), 422, "unknown fields are refused");
    let body = json!({"seq": 1, "origin": "ORIG", "destination": "DEST", "status": "under_way"});
    let r = call(M::POST, "/convoys", body.clone()).await.unwrap();
    assert_eq!(r.status(), 201);
    let id = r.json::<Value>().await.unwrap()["id"].as_i64().unwrap();
    assert_eq!(
        call(M::POST, "/convoys", body.clone())
            .await
            .unwrap()
            .status(),
        409
    );

    let r = call(
        M::POST,
        &format!("/convoys/{id}/people"),
        json!({"code": code}),
    )
    .await
    .unwrap();
    assert_eq!(r.status(), 200);
    let r = call(
        M::POST,
        &format!("/convoys/{id}/people"),
        json!({"code": "VG-1234"}),
    )
    .await
    .unwrap();
    assert_eq!(r.status(), 422);
    let line = json!({"item": "Generators", "agreed": 6, "allowed": 2, "agreed_source": "Letter"});
    let r = call(M::POST, &format!("/convoys/{id}/manifest"), line)
        .await
        .unwrap();
    assert_eq!(r.status(), 201);
    let r = call(
        M::POST,
        &format!("/convoys/{id}/manifest"),
        json!({"item": "x", "agreed": -1}),
    )
    .await
    .unwrap();
    assert_eq!(r.json::<Value>().await.unwrap()["field"], "agreed");
    let d: Value = call(M::GET, &format!("/convoys/{id}"), json!({}))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(d["manifest"][0]["allowed_short"], 4);
    assert_eq!(d["head_count"]["listed"], 1);
    assert_eq!(d["members"][0]["code"], code.as_str());

    let mut blocked = body.clone();
    blocked["status"] = json!("blocked");
    assert_eq!(
        call(M::PUT, &format!("/convoys/{id}"), blocked)
            .await
            .unwrap()
            .status(),
        204
    );
    let done = json!({"arrived_on": "2012-05-04", "arrived": 1});
    let path = format!("/convoys/{id}/complete");
    assert_eq!(
        call(M::POST, &path, done.clone()).await.unwrap().status(),
        409,
        "blocked"
    );
    assert_eq!(
        call(M::PUT, &format!("/convoys/{id}"), body)
            .await
            .unwrap()
            .status(),
        204
    );
    let r = call(
        M::POST,
        &path,
        json!({"arrived_on": "2012-05-04", "arrived": 2}),
    )
    .await
    .unwrap();
    assert_eq!(r.status(), 422, "more arrived than left");
    let r = call(M::POST, &path, done.clone()).await.unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(r.json::<Value>().await.unwrap()["moved"], 1);
    assert_eq!(
        call(M::POST, &path, done).await.unwrap().status(),
        409,
        "twice"
    );
    let list: Value = call(M::GET, "/convoys", json!({}))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(list[0]["shortfalls"], 1);
    assert_eq!(list[0]["status"], "completed");
}
