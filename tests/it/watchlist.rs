//! The watch list on SQLite and PostgreSQL: entries flag people registered before and
//! after them, under other spellings; a registrar sees the category of the entry and
//! never its name or note (API, pages, personal view); the admin sees whom an entry
//! matched; confirming is audited and removing an entry closes its open flags.

use vigil::actions::registry::matches::{self, FlagView};
use vigil::actions::registry::watchlist;
use vigil::domain::matching::{Decision, Keep, WatchInput};
use vigil::domain::Role;

use crate::matching::{admin, open_flags, reason, register, trail};
use crate::support::{self, Browser, PASSWORD};

#[tokio::test]
async fn watch_list_matches_are_flagged_without_showing_the_name_to_registrars() {
    for t in support::both().await {
        let b = t.backend;
        // Registered before the entry exists: adding the entry flags him.
        let early = register(
            &t,
            None,
            &[("name_latin", "Kazem Tabrizi"), ("birth_year", "1975")],
        )
        .await;
        let entry = WatchInput::parse("کاظم تبریزی", "impersonator", "posed as a lawyer").unwrap();
        let (watch_id, flagged) = watchlist::add(&t.app, &admin(), &entry).await.unwrap();
        assert_eq!(flagged, 1, "{b}");
        // Registered after: another spelling, any birth year.
        let late = register(
            &t,
            None,
            &[("name_latin", "Kadhim Tabrizi"), ("birth_year", "1990")],
        )
        .await;
        assert_eq!(late.flags.len(), 1, "{b}");
        assert!(
            late.possible_duplicates.is_empty(),
            "{b}: a watch-list match names no one"
        );

        let open = open_flags(&t).await;
        let watch: Vec<&FlagView> = open.iter().filter(|f| f.reason == "watch_list").collect();
        assert_eq!(watch.len(), 2, "{b}");
        assert_eq!(watch[0].watch_category.as_deref(), Some("impersonator"));
        // Nothing a registrar receives names the entry or holds its note.
        let json = serde_json::to_string(&open).unwrap();
        for secret in [
            "کاظم",
            "تبریزی",
            "lawyer",
            &format!("\"watch_id\":{watch_id}"),
        ] {
            assert!(!json.contains(secret), "{b}: {secret} in {json}");
        }
        let base = t.serve().await;
        let reg_id = t.user("reg_w", Role::Registrar).await;
        let reg_token = t.token(reg_id, "reg_w", Role::Registrar).await;
        let http = reqwest::Client::new();
        let api = http
            .get(format!("{base}/api/v1/matches"))
            .bearer_auth(&reg_token)
            .send()
            .await
            .unwrap();
        assert_eq!(api.status(), 200);
        let text = api.text().await.unwrap();
        assert!(
            text.contains("impersonator") && !text.contains("تبریزی") && !text.contains("lawyer")
        );
        let denied = http
            .get(format!("{base}/api/v1/watchlist/{watch_id}"))
            .bearer_auth(&reg_token)
            .send()
            .await
            .unwrap();
        assert_eq!(denied.status(), 403, "{b}");
        let browser = Browser::new(&base);
        assert_eq!(browser.login("reg_w", PASSWORD).await, 303);
        let (s, html) = browser
            .text(&format!("/registry/matches/{}", watch[0].flag_id))
            .await;
        assert_eq!(s, 200);
        assert!(!html.contains("تبریزی") && !html.contains("lawyer"), "{b}");
        // The personal view of a watch-list flag opens the person only.
        let (s, html) = browser
            .text(&format!("/registry/matches/{}/personal", watch[0].flag_id))
            .await;
        assert_eq!(s, 200);
        assert!(html.contains("Kazem Tabrizi") || html.contains("Kadhim Tabrizi"));
        assert!(!html.contains("تبریزی") && !html.contains("lawyer"), "{b}");

        // The admin sees which entry matched whom.
        let (e, hits) = watchlist::get(&t.app, &admin(), watch_id).await.unwrap();
        assert_eq!(e.name, "کاظم تبریزی");
        let mut codes: Vec<String> = hits.iter().map(|h| h.code.clone()).collect();
        codes.sort();
        let mut want = vec![early.code.clone(), late.code.clone()];
        want.sort();
        assert_eq!(codes, want, "{b}");
        assert_eq!(
            trail(&t, "watchlist.view").await.len(),
            1,
            "{b}: the view was audited"
        );

        // Confirming is audited; removing the entry closes what is still open.
        matches::decide(
            &t.app,
            &t.registrar(),
            watch[0].flag_id,
            Decision::Confirmed,
            &reason("checked"),
            Keep::A,
        )
        .await
        .unwrap();
        let merge = matches::decide(
            &t.app,
            &t.registrar(),
            watch[1].flag_id,
            Decision::Same,
            &reason("x"),
            Keep::A,
        )
        .await;
        assert!(merge.is_err(), "{b}: a watch-list match is not merged");
        watchlist::remove(&t.app, &admin(), watch_id).await.unwrap();
        assert!(open_flags(&t).await.is_empty(), "{b}");
        let late_again = register(&t, None, &[("name_latin", "Kazim Tabrizi")]).await;
        assert_eq!(
            late_again.flags.len(),
            late_again.possible_duplicates.len(),
            "{b}: a removed entry matches no one"
        );
    }
}
