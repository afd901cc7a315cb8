//! Published reports on SQLite and PostgreSQL: the documenter publishes the
//! commitments report as of a day — a frozen snapshot stored with its SHA-256 and
//! audited in the same transaction — which stays the same when the record changes;
//! every role, observers included, reads it; withdrawing needs a reason, is audited,
//! keeps the report (marked) and happens once; content altered in the database is
//! shown as not matching its hash. Through the router: the observer reads the list and
//! the report but not the live report; the documenter publishes from the report page.

use sha2::{Digest, Sha256};
use vigil::actions::documentation::commitments::publish;
use vigil::actions::documentation::commitments::{self as acts, report};
use vigil::actions::ActionError;
use vigil::auth::capability::ReadReports;
use vigil::auth::Actor;
use vigil::domain::commitment::input::{ObservationInput, ObservationText};
use vigil::domain::Role;
use vigil::i18n::Lang;
use vigil::web::ui::published::rendered;

use crate::incidents::{documenter, reader};
use crate::support::{self, Browser, TestApp, PASSWORD};

fn day(s: &str) -> i64 {
    vigil::domain::convoy::parse_day("d", s).unwrap().unwrap()
}

fn observer() -> vigil::auth::Cap<ReadReports> {
    Actor {
        user_id: 0,
        username: "obs".into(),
        role: Role::Observer,
    }
    .grant()
    .unwrap()
}

async fn audit_count(t: &TestApp, action: &str) -> i64 {
    let mut c = t.app.store.read().await.unwrap();
    sqlx::query_scalar("select count(*) from audit_log where action = $1")
        .bind(action)
        .fetch_one(&mut *c)
        .await
        .unwrap()
}

#[tokio::test]
async fn a_published_report_is_frozen_hashed_audited_and_withdrawn_once() {
    for t in support::both().await {
        let (_, _, deadline, src) = crate::commitment_report::story(&t).await;
        let cap = documenter();
        let id = publish::publish_commitments(&t.app, &cap, day("2014-01-10"), rendered(Lang::Fa))
            .await
            .unwrap();
        assert_eq!(audit_count(&t, "report.publish").await, 1, "{}", t.backend);
        let p = publish::get(&t.app, &observer(), id).await.unwrap();
        assert!(p.intact);
        assert_eq!(p.row.lang, "fa");
        assert_eq!(p.row.as_of, day("2014-01-10"));
        assert_eq!(
            p.row.sha256,
            hex::encode(Sha256::digest(p.row.content.as_bytes()))
        );
        assert!(p.row.content.contains("Memorandum"), "{}", p.row.content);
        assert!(p.row.title.contains("تعهدات"), "{}", p.row.title);
        // The record changes afterwards: the snapshot does not.
        let o = ObservationInput::parse(&ObservationText {
            observed_on: "2013-09-01",
            outcome: "fulfilled",
            source: &src.to_string(),
            note: "Water at last.",
            ..ObservationText::default()
        })
        .unwrap();
        acts::add_observation(&t.app, &cap, deadline, &o)
            .await
            .unwrap();
        let live = report::commitments_report(&t.app, &reader(), day("2014-01-10"))
            .await
            .unwrap();
        let now = vigil::web::ui::commitments_report_body::render(
            &vigil::i18n::Tr { lang: Lang::Fa },
            &live,
            vigil::web::ui::commitments_report_body::Links::Published,
        )
        .unwrap();
        assert!(now.contains("Water at last."));
        let again = publish::get(&t.app, &observer(), id).await.unwrap();
        assert_eq!(again.row.content, p.row.content);
        assert!(!again.row.content.contains("Water at last."));
        // The list leaves the content out and keeps the hash.
        let list = publish::list(&t.app, &observer()).await.unwrap();
        assert_eq!(list.len(), 1);
        assert!(list[0].row.content.is_empty() && list[0].intact);
        assert_eq!(list[0].row.sha256, p.row.sha256);
        // Withdrawing needs a reason; nothing is written without one.
        let e = publish::withdraw(&t.app, &cap, id, "  ").await.unwrap_err();
        assert!(
            matches!(e, ActionError::Invalid(ref i) if i.field == "reason"),
            "{e:?}"
        );
        assert!(publish::get(&t.app, &observer(), id)
            .await
            .unwrap()
            .row
            .withdrawn_at
            .is_none());
        assert!(matches!(
            publish::withdraw(&t.app, &cap, 999_999, "gone").await,
            Err(ActionError::NotFound)
        ));
        publish::withdraw(&t.app, &cap, id, "The water observation was missing.")
            .await
            .unwrap();
        let w = publish::get(&t.app, &observer(), id).await.unwrap();
        assert!(w.row.withdrawn_at.is_some());
        assert_eq!(w.row.withdrawn_by.as_deref(), Some("test-documenter"));
        assert_eq!(
            w.row.withdrawal_reason,
            "The water observation was missing."
        );
        assert_eq!(w.row.content, p.row.content, "kept as published");
        let e = publish::withdraw(&t.app, &cap, id, "again")
            .await
            .unwrap_err();
        assert!(
            matches!(e, ActionError::Invalid(ref i) if i.field == "report"),
            "{e:?}"
        );
        assert_eq!(audit_count(&t, "report.withdraw").await, 1);
        // Content altered behind vigil's back no longer matches its hash.
        let mut c = t.app.store.write().await.unwrap();
        sqlx::query("update published_reports set content = content || ' ' where report_id = $1")
            .bind(id)
            .execute(&mut *c)
            .await
            .unwrap();
        c.commit().await.unwrap();
        assert!(!publish::get(&t.app, &observer(), id).await.unwrap().intact);
        assert!(!publish::list(&t.app, &observer()).await.unwrap()[0].intact);
    }
}

#[tokio::test]
async fn observers_read_what_the_documenter_published() {
    let t = support::sqlite().await;
    crate::commitment_report::story(&t).await;
    t.user("doc", Role::Documenter).await;
    t.user("obs", Role::Observer).await;
    let base = t.serve().await;
    let o = Browser::new(&base);
    assert_eq!(o.login("obs", PASSWORD).await, 303);
    let (_, dash) = o.text("/").await;
    assert!(
        dash.contains("href=\"/reports/published\""),
        "linked from the dashboard"
    );
    let (s, none) = o.text("/reports/published").await;
    assert_eq!(s, 200);
    assert!(none.contains("id=\"published-none\""));
    assert_eq!(
        o.get("/documentation/commitments-report").await.status(),
        403
    );

    let d = Browser::new(&base);
    assert_eq!(d.login("doc", PASSWORD).await, 303);
    let page = "/documentation/commitments-report?as_of=2014-01-10";
    let (_, live) = d.text(page).await;
    assert!(live.contains("id=\"publish-form\""));
    let r = d
        .submit(page, "/reports/published", &[("as_of", "2014-01-10")])
        .await;
    assert_eq!(r.status(), 303);
    let at = support::location(&r);
    assert!(at.starts_with("/reports/published/"), "{at}");
    // A bad day goes back to the report, naming the field; nothing is published.
    let r = d
        .submit(page, "/reports/published", &[("as_of", "2014-13-45")])
        .await;
    assert_eq!(r.status(), 303);
    assert!(support::location(&r).starts_with("/documentation/commitments-report"));

    let (s, list) = o.text("/reports/published").await;
    assert_eq!(s, 200);
    assert_eq!(list.matches("<tr id=\"published-").count(), 1, "{list}");
    let (s, shown) = o.text(&at).await;
    assert_eq!(s, 200);
    let id: i64 = at.rsplit('/').next().unwrap().parse().unwrap();
    let p = publish::get(&t.app, &observer(), id).await.unwrap();
    assert!(shown.contains(&p.row.sha256));
    assert!(shown.contains(&p.row.content), "shown byte for byte");
    assert!(shown.contains("Memorandum"));
    assert!(
        !shown.contains("id=\"withdraw-form\""),
        "observers do not withdraw"
    );
    // The documenter withdraws it from its page, with a reason.
    let r = d
        .submit(&at, &format!("{at}/withdraw"), &[("reason", "Superseded.")])
        .await;
    assert_eq!(r.status(), 303);
    let (_, shown) = o.text(&at).await;
    assert!(shown.contains("id=\"published-withdrawn\"") && shown.contains("Superseded."));
}

/// At the command line: a documenter publishes, anyone lists, the content written out
/// hashes to what the list says (checked with `sha256sum`), a withdrawal needs a
/// documenter and a reason.
#[test]
fn publish_list_and_withdraw_at_the_command_line() {
    use crate::cli::{text, Env};
    let e = Env::keyed();
    let run = |args: &[&str]| e.vigil(args);
    for (name, role) in [("doc", "documenter"), ("ana", "analyst")] {
        assert!(run(&["user", "add", name, "--role", role]).status.success());
    }
    let o = run(&["report", "publish", "--as-of", "2012-09-01", "--as", "ana"]);
    assert!(!o.status.success());
    assert!(text(&o).contains("not a documenter"), "{}", text(&o));
    let o = run(&[
        "report",
        "publish",
        "--as-of",
        "2012-09-01",
        "--lang",
        "xx",
        "--as",
        "doc",
    ]);
    assert!(
        !o.status.success() && text(&o).contains("--lang"),
        "{}",
        text(&o)
    );
    let o = run(&[
        "report",
        "publish",
        "--as-of",
        "2012-09-01",
        "--lang",
        "ar",
        "--as",
        "doc",
    ]);
    assert!(o.status.success(), "{}", text(&o));
    let out = String::from_utf8(o.stdout).unwrap();
    let sha = out.trim().rsplit(' ').next().unwrap().to_string();
    assert_eq!(sha.len(), 64, "{out}");

    let o = run(&["report", "published"]);
    assert!(o.status.success(), "{}", text(&o));
    let list = String::from_utf8(o.stdout).unwrap();
    assert!(
        list.contains(&format!("1\t2012-09-01\tar\t{sha}\tdoc\tpublished")),
        "{list}"
    );
    let o = run(&["report", "published", "--id", "1", "--out", "r.html"]);
    assert!(o.status.success(), "{}", text(&o));
    let sum = std::process::Command::new("sha256sum")
        .arg(e.dir.path().join("r.html"))
        .output()
        .unwrap();
    assert!(String::from_utf8(sum.stdout).unwrap().starts_with(&sha));

    let o = run(&["report", "withdraw", "1", "--reason", " ", "--as", "doc"]);
    assert!(
        !o.status.success() && text(&o).contains("reason"),
        "{}",
        text(&o)
    );
    let o = run(&[
        "report",
        "withdraw",
        "1",
        "--reason",
        "Superseded",
        "--as",
        "doc",
    ]);
    assert!(o.status.success(), "{}", text(&o));
    let o = run(&["report", "published", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(json[0]["withdrawal_reason"], "Superseded");
    assert_eq!(json[0]["intact"], true);
}

/// Every `href` in a page, entities undone.
fn hrefs(html: &str) -> Vec<String> {
    html.split("href=\"")
        .skip(1)
        .map(|s| s.split('"').next().unwrap().replace("&amp;", "&"))
        .collect()
}

/// An observer reading a published report can follow every link in it: the snapshot
/// states its evidence and sources in words (title, grade, locator, day) with no link
/// into the record, which observers cannot open; what is left (the page around it,
/// anchors in the page) opens. The live report's links, followed by the same
/// observer, are refused: the check would see them.
#[tokio::test]
async fn an_observer_can_follow_every_link_of_a_published_report() {
    let t = support::sqlite().await;
    crate::commitment_report::story(&t).await;
    let id =
        publish::publish_commitments(&t.app, &documenter(), day("2014-01-10"), rendered(Lang::En))
            .await
            .unwrap();
    t.user("olga", Role::Observer).await;
    let base = t.serve().await;
    let b = Browser::new(&base);
    assert_eq!(b.login("olga", PASSWORD).await, 303);
    let (status, html) = b.text(&format!("/reports/published/{id}")).await;
    assert_eq!(status, 200, "{html}");
    // The sources are cited in full and the evidence named, as text.
    assert!(html.contains("[B]"), "{html}");
    assert!(html.contains("report-evidence"), "{html}");
    let links = hrefs(&html);
    assert!(!links.is_empty());
    let follow = |h: String| {
        let b = &b;
        let html = &html;
        async move {
            if let Some(anchor) = h.strip_prefix('#') {
                return (h.clone(), html.contains(&format!("id=\"{anchor}\"")));
            }
            assert!(h.starts_with('/'), "a link out of the site: {h}");
            let res = b.get(&h).await;
            let to_login = res
                .headers()
                .get("location")
                .is_some_and(|l| l.to_str().unwrap_or("").starts_with("/login"));
            let s = res.status().as_u16();
            (
                format!("{h} {s}"),
                s != 403 && s != 404 && s < 500 && !to_login,
            )
        }
    };
    for h in links {
        let (what, ok) = follow(h).await;
        assert!(ok, "an observer following {what}");
    }
    // The same report as its live page links it: the observer is refused somewhere.
    let live = report::commitments_report(&t.app, &reader(), day("2014-01-10"))
        .await
        .unwrap();
    let page = vigil::web::ui::commitments_report_body::render(
        &vigil::i18n::Tr { lang: Lang::En },
        &live,
        vigil::web::ui::commitments_report_body::Links::Record,
    )
    .unwrap();
    let mut refused = 0;
    for h in hrefs(&page) {
        refused += usize::from(!follow(h).await.1);
    }
    assert!(refused > 0, "the live report's links open for an observer");
}
