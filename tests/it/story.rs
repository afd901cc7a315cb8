//! The foundation's story, on SQLite and on PostgreSQL: accounts, sign-in, sessions
//! that end when rights change, API tokens, audited personal data, a verified trail.

use vigil::actions::trail::Checkpoints;
use vigil::auth::Actor;
use vigil::domain::Role;

use crate::support::{self, location, Browser, PASSWORD};

#[tokio::test]
async fn foundation_story_on_both_backends() {
    for t in support::both().await {
        story(&t).await;
    }
}

async fn story(t: &support::TestApp) {
    let b = t.backend;
    let admin = t.user("admin", Role::Admin).await;
    let ana = t.user("ana", Role::Analyst).await;
    let base = t.serve().await;

    // Sign in, see real counts on the dashboard.
    let browser = Browser::new(&base);
    assert_eq!(browser.login("admin", PASSWORD).await, 303, "{b}");
    let (status, html) = browser.text("/").await;
    assert_eq!(status, 200, "{b}");
    assert!(html.contains("<h1>Dashboard</h1>"), "{b}: {html}");

    // A second browser signs in as the analyst; a role change ends its session.
    let other = Browser::new(&base);
    assert_eq!(other.login("ana", PASSWORD).await, 303);
    assert_eq!(other.get("/").await.status(), 200);
    let r = browser
        .submit(
            &format!("/admin/users/{ana}"),
            &format!("/admin/users/{ana}/role"),
            &[("role", "documenter")],
        )
        .await;
    assert_eq!(r.status(), 303, "{b}");
    let r = other.get("/").await;
    assert_eq!(
        (r.status().as_u16(), location(&r)),
        (303, "/login".into()),
        "{b}: session survived a role change"
    );

    // Wrong password and unknown user get the same answer.
    let anon = Browser::new(&base);
    let csrf = anon.csrf("/login").await;
    let wrong = anon
        .post(
            "/login",
            &[
                ("csrf", &csrf),
                ("username", "ana"),
                ("password", "wrong password!!"),
            ],
        )
        .await;
    let wrong_status = wrong.status();
    let wrong_body = wrong.text().await.unwrap();
    let unknown = anon
        .post(
            "/login",
            &[
                ("csrf", &csrf),
                ("username", "nobody"),
                ("password", "wrong password!!"),
            ],
        )
        .await;
    assert_eq!(wrong_status, unknown.status());
    let unknown_body = unknown.text().await.unwrap();
    let strip = |s: &str| {
        s.replace("value=\"ana\"", "")
            .replace("value=\"nobody\"", "")
    };
    assert_eq!(
        strip(&wrong_body),
        strip(&unknown_body),
        "{b}: the answers differ"
    );

    // API tokens act with the owner's current role.
    let token = t.token(ana, "ana", Role::Documenter).await;
    let api = reqwest::Client::new();
    let me: serde_json::Value = api
        .get(format!("{base}/api/v1/me"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(me["role"], "documenter", "{b}");
    let r = api
        .get(format!("{base}/api/v1/users"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 403, "{b}");

    // Personal data through the API: stored, shown, and every view audited.
    let admin_token = t.token(admin, "admin", Role::Admin).await;
    let r = api
        .put(format!("{base}/api/v1/users/{ana}/personal"))
        .bearer_auth(&admin_token)
        .json(&serde_json::json!({"full_name": "Ana Example", "contact": "+964 770 000 0000"}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 204, "{b}");
    let p: serde_json::Value = api
        .get(format!("{base}/api/v1/users/{ana}/personal"))
        .bearer_auth(&admin_token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(p["full_name"], "Ana Example", "{b}");
    let page: serde_json::Value = api
        .get(format!("{base}/api/v1/audit?action=user.view_personal"))
        .bearer_auth(&admin_token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        page["entries"].as_array().map(Vec::len),
        Some(1),
        "{b}: {page}"
    );

    // Bad input changes nothing and says which field.
    let r = api
        .post(format!("{base}/api/v1/users"))
        .bearer_auth(&admin_token)
        .json(&serde_json::json!({"username": "x", "role": "analyst"}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 422, "{b}");
    let problem: serde_json::Value = r.json().await.unwrap();
    assert_eq!(problem["field"], "username", "{b}");

    // The trail verifies, a checkpoint is signed, and it still verifies.
    let cp = t.app.checkpoint_if_due(true).await.unwrap().unwrap();
    assert!(cp.seq > 5, "{b}");
    let cap = Actor::system().grant().unwrap();
    let report = vigil::actions::trail::verify(&t.app, &cap, Checkpoints::Stored, None)
        .await
        .unwrap();
    assert!(report.ok(), "{b}: {:?}", report.problems);
    let file = std::fs::read_to_string(&t.app.config.checkpoint_file).unwrap();
    let parsed = vigil::audit::parse_checkpoints(&file).unwrap();
    assert_eq!(parsed.last().map(|c| c.seq), Some(cp.seq));

    // Sign out: the session is gone.
    let r = browser.submit("/", "/logout", &[]).await;
    assert_eq!(location(&r), "/login");
    assert_eq!(browser.get("/").await.status(), 303);
}

#[tokio::test]
async fn sqlite_runs_in_wal_mode_with_full_sync() {
    let t = support::sqlite().await;
    let mut c = t.app.store.read().await.unwrap();
    let mode: String = sqlx::query_scalar("pragma journal_mode")
        .fetch_one(&mut *c)
        .await
        .unwrap();
    let sync: i64 = sqlx::query_scalar("pragma synchronous")
        .fetch_one(&mut *c)
        .await
        .unwrap();
    assert_eq!((mode.as_str(), sync), ("wal", 2));
}

#[tokio::test]
async fn sessions_expire_when_idle_and_absolutely() {
    let clock = vigil::clock::Clock::manual(1_800_000_000_000);
    let t = support::sqlite_with_clock(clock.clone()).await;
    t.user("ida", Role::Analyst).await;
    let base = t.serve().await;
    let b = Browser::new(&base);
    assert_eq!(b.login("ida", PASSWORD).await, 303);
    clock.advance(29 * 60_000);
    assert_eq!(b.get("/").await.status(), 200);
    clock.advance(29 * 60_000);
    assert_eq!(
        b.get("/").await.status(),
        200,
        "activity keeps the session alive"
    );
    clock.advance(31 * 60_000);
    assert_eq!(b.get("/").await.status(), 303, "idle timeout");
    assert_eq!(b.login("ida", PASSWORD).await, 303);
    for _ in 0..25 {
        clock.advance(29 * 60_000);
        b.get("/").await;
    }
    assert_eq!(
        b.get("/").await.status(),
        303,
        "absolute timeout after 12 hours"
    );
}

/// Concurrent audited writers never fork the chain: on SQLite the first statement of
/// every write transaction takes the write lock, on PostgreSQL a row lock.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_writers_keep_one_chain() {
    for t in support::both().await {
        let id = t.user("busy", Role::Analyst).await;
        let actor = Actor {
            user_id: id,
            username: "busy".into(),
            role: Role::Analyst,
        };
        let mut tasks = Vec::new();
        for i in 0..40 {
            let app = t.app.clone();
            let cap = actor.grant().unwrap();
            tasks.push(tokio::spawn(async move {
                let lang = if i % 2 == 0 {
                    vigil::i18n::Lang::Fa
                } else {
                    vigil::i18n::Lang::En
                };
                vigil::actions::users::set_own_language(&app, &cap, lang)
                    .await
                    .unwrap();
            }));
        }
        for task in tasks {
            task.await.unwrap();
        }
        let cap = Actor::system().grant().unwrap();
        let report = vigil::actions::trail::verify(&t.app, &cap, Checkpoints::Stored, None)
            .await
            .unwrap();
        assert!(report.ok(), "{}: {:?}", t.backend, report.problems);
        assert!(report.entries >= 41, "{}", t.backend);
    }
}

/// The language switch returns to the page it was pressed on, and never to another site.
#[tokio::test]
async fn the_language_switch_is_not_an_open_redirect() {
    let t = support::sqlite().await;
    t.user("lena", Role::Analyst).await;
    let base = t.serve().await;
    let b = Browser::new(&base);
    assert_eq!(b.login("lena", PASSWORD).await, 303);
    let csrf = b.csrf("/account").await;
    let host = base.trim_start_matches("http://");
    for (referer, want) in [
        (format!("{base}/account"), "/account"),
        (format!("{base}//evil.example/x"), "/"),
        (format!("{base}/\\evil.example"), "/"),
        ("https://evil.example/account".to_string(), "/"),
    ] {
        let r = b
            .http
            .post(format!("{base}/lang"))
            .header("referer", &referer)
            .header("host", host)
            .form(&[("csrf", csrf.as_str()), ("lang", "fa")])
            .send()
            .await
            .unwrap();
        assert_eq!(location(&r), want, "{referer}");
    }
}
