//! Duplicates on SQLite and PostgreSQL: flags raised at registration and import,
//! merges that move history and leave a tombstone, pairs marked distinct that stay
//! quiet, and an audit entry (who and why) for every decision. Also the objects the
//! authorization matrix needs, and helpers `watchlist.rs` shares.

use std::collections::HashMap;

use vigil::actions::registry::matches::{self, FlagView};
use vigil::actions::registry::people::{self, Move, Placement, Registered, Scope};
use vigil::actions::registry::{import, watchlist};
use vigil::auth::{Actor, Cap};
use vigil::domain::matching::{Decision, DecisionReason, FlagStatus, Keep, WatchInput};
use vigil::domain::person::{PersonInput, PersonStatus};
use vigil::domain::site::SiteInput;
use vigil::domain::Role;

use crate::support::{self, Browser, TestApp, PASSWORD};

pub async fn site(t: &TestApp, code: &str) -> i64 {
    let s = SiteInput::parse(code, code, "", "", "camp", "IRQ", "", "", "").unwrap();
    vigil::actions::registry::sites::create(&t.app, &t.registrar(), s)
        .await
        .unwrap()
}

pub async fn register(t: &TestApp, site: Option<i64>, fields: &[(&str, &str)]) -> Registered {
    let map: HashMap<&str, &str> = fields.iter().copied().collect();
    let input = PersonInput::from_fields(&map, 2026).unwrap();
    let place = Placement {
        site_id: site,
        new_household: true,
        ..Placement::default()
    };
    people::register(&t.app, &t.registrar(), &input, &place)
        .await
        .unwrap()
}

pub fn reason(s: &str) -> DecisionReason {
    DecisionReason::parse(s).unwrap()
}

pub fn admin() -> Cap<vigil::auth::capability::ManageWatchList> {
    Actor::system().grant().unwrap()
}

pub async fn open_flags(t: &TestApp) -> Vec<FlagView> {
    matches::list(&t.app, &t.registrar(), FlagStatus::Open, None, None)
        .await
        .unwrap()
        .0
}

pub async fn trail(t: &TestApp, action: &str) -> Vec<vigil::audit::Entry> {
    let mut c = t.app.store.read().await.unwrap();
    let f = vigil::store::audit::Filter {
        actor: None,
        action: Some(action.into()),
        object_type: None,
        object_id: None,
        before: None,
    };
    vigil::store::audit::page(&mut c, &f, 1000).await.unwrap()
}

#[tokio::test]
async fn registration_and_import_raise_deduplicated_flags() {
    for t in support::both().await {
        let b = t.backend;
        let camp = site(&t, "CAMP").await;
        let a = register(
            &t,
            Some(camp),
            &[
                ("name_latin", "Mohammad Hosseini"),
                ("birth_year", "1970"),
                ("document", "P-123 456"),
            ],
        )
        .await;
        assert!(a.flags.is_empty(), "{b}");
        // Another spelling, one year off: flagged by name.
        let by_name = register(
            &t,
            Some(camp),
            &[("name_latin", "Muhammad Husseini"), ("birth_year", "1971")],
        )
        .await;
        assert_eq!(by_name.possible_duplicates, vec![a.code.clone()], "{b}");
        // Another name, the same document typed differently: flagged by document.
        let by_doc = register(
            &t,
            Some(camp),
            &[("name_latin", "Ali Rezaei"), ("document", "p123456")],
        )
        .await;
        assert_eq!(by_doc.possible_duplicates, vec![a.code.clone()], "{b}");
        // The same name twenty years apart is somebody else.
        let young = register(
            &t,
            Some(camp),
            &[("name_latin", "Mohammad Hosseini"), ("birth_year", "1990")],
        )
        .await;
        assert!(young.flags.is_empty(), "{b}");
        let flags = open_flags(&t).await;
        let reasons: Vec<(&str, i64, Option<i64>)> = flags
            .iter()
            .map(|f| {
                (
                    f.reason.as_str(),
                    f.a.person_id,
                    f.b.as_ref().map(|p| p.person_id),
                )
            })
            .collect();
        assert_eq!(
            reasons,
            vec![
                ("name_birth_year", a.person_id, Some(by_name.person_id)),
                ("document", a.person_id, Some(by_doc.person_id)),
            ],
            "{b}"
        );
        // Changing a record re-runs the matcher without duplicating its flags.
        let map: HashMap<&str, &str> = [("name_latin", "Mohamed Hoseini"), ("birth_year", "1971")]
            .into_iter()
            .collect();
        people::update(
            &t.app,
            &t.registrar(),
            by_name.person_id,
            &PersonInput::from_fields(&map, 2026).unwrap(),
        )
        .await
        .unwrap();
        assert_eq!(open_flags(&t).await.len(), 2, "{b}");

        // Import: the same person in Persian script, and a newcomer.
        let csv = "external_id,name_latin,name_original,birth_year,site\n\
                   IMP-1,,محمد حسینی,1969,CAMP\n\
                   IMP-2,Farhad Tabrizi,,1980,CAMP\n";
        let table = vigil::io::table::read_table(csv.as_bytes(), "people.csv").unwrap();
        let mut report = vigil::io::import::validate_people(table, 2026);
        let sites = import::check(&t.app, &mut report).await.unwrap();
        let out = import::commit(&t.app, &t.registrar(), &report, &sites, "test", |_| {})
            .await
            .unwrap();
        assert_eq!(
            (out.added, out.flagged),
            (2, 1),
            "{b}: {:?}",
            report.rejected
        );
        let flags = open_flags(&t).await;
        assert_eq!(
            flags.len(),
            4,
            "{b}: the import's row matches both earlier spellings"
        );
        assert!(
            flags.iter().skip(2).all(|f| f.reason == "name_birth_year"),
            "{b}"
        );
        // Importing the file again updates those people and raises nothing new.
        let again = import::commit(&t.app, &t.registrar(), &report, &sites, "test", |_| {})
            .await
            .unwrap();
        assert_eq!((again.updated, again.flagged), (2, 1), "{b}");
        assert_eq!(open_flags(&t).await.len(), 4, "{b}");
        // One entry per registration that raised flags (the import row raised two).
        assert_eq!(trail(&t, "match.flag").await.len(), 3, "{b}");
    }
}

#[tokio::test]
async fn merging_moves_history_needs_and_household_and_keeps_a_tombstone() {
    for t in support::both().await {
        let b = t.backend;
        let ashraf = site(&t, "ASHRAF").await;
        let liberty = site(&t, "LIBERTY").await;
        let a = register(
            &t,
            Some(ashraf),
            &[
                ("name_latin", "Zahra Karimi"),
                ("birth_year", "1980"),
                ("vulnerabilities", "disability"),
            ],
        )
        .await;
        let dup = register(
            &t,
            Some(ashraf),
            &[
                ("name_original", "زهرا کریمی"),
                ("birth_year", "1981"),
                ("document", "X-777"),
                (
                    "vulnerabilities",
                    "serious_medical:urgent; disability:urgent",
                ),
            ],
        )
        .await;
        // The second record moved later: after the merge it says where she is now.
        let m = Move {
            status: PersonStatus::Present,
            site_id: Some(liberty),
            effective_at: t.app.now() + 1,
            reason: "convoy 5".into(),
        };
        people::move_person(&t.app, &t.registrar(), dup.person_id, &m, Scope::Household)
            .await
            .unwrap();
        // A third record with the same name stays flagged with the duplicate.
        let third = register(
            &t,
            None,
            &[("name_latin", "Zehra Karimi"), ("birth_year", "1979")],
        )
        .await;
        assert_eq!(third.flags.len(), 2, "{b}");
        let flag = open_flags(&t).await.into_iter().find(|f| {
            f.a.person_id == a.person_id && f.b.as_ref().map(|p| p.person_id) == Some(dup.person_id)
        });
        let flag = flag.unwrap();
        let decided = matches::decide(
            &t.app,
            &t.registrar(),
            flag.flag_id,
            Decision::Same,
            &reason("same document and photo"),
            Keep::A,
        )
        .await
        .unwrap();
        assert_eq!(decided.status, "merged", "{b}");
        assert_eq!(
            decided.decision_reason.as_deref(),
            Some("same document and photo")
        );

        let read: Cap<vigil::auth::capability::ReadRecord> = Actor {
            user_id: 0,
            username: "test-registrar".into(),
            role: Role::Registrar,
        }
        .grant()
        .unwrap();
        // Every view of the absorbed record's id or code leads to the kept one.
        let got = people::get(&t.app, &read, dup.person_id).await.unwrap();
        assert_eq!(got.person.person_id, a.person_id, "{b}");
        assert_eq!(got.person.code, a.code, "{b}");
        assert_eq!(got.merged_from, vec![dup.code.clone()], "{b}");
        assert_eq!(
            got.person.site_id,
            Some(liberty),
            "{b}: the latest entry wins"
        );
        assert_eq!(got.history.len(), 3, "{b}: both registrations and the move");
        assert!(got.household_code.is_some(), "{b}");
        let needs: Vec<(&str, &str)> = got
            .needs
            .iter()
            .map(|(k, u)| (k.as_str(), u.as_str()))
            .collect();
        assert_eq!(
            needs,
            vec![("disability", "urgent"), ("serious_medical", "urgent")],
            "{b}"
        );
        assert_eq!(
            people::by_code(&t.app, &read, &dup.code).await.unwrap(),
            Some(a.person_id),
            "{b}"
        );
        let f = vigil::store::people::Filter {
            code: Some(dup.code.clone()),
            ..Default::default()
        };
        let (rows, _) = people::list(&t.app, &read, &f).await.unwrap();
        assert_eq!(
            rows.iter().map(|p| p.person_id).collect::<Vec<_>>(),
            vec![a.person_id]
        );
        let (all, _) = people::list(&t.app, &read, &Default::default())
            .await
            .unwrap();
        assert!(
            !all.iter().any(|p| p.person_id == dup.person_id),
            "{b}: no tombstone listed"
        );
        // The tombstone stays, with its sealed data, and changes no more.
        let mut c = t.app.store.read().await.unwrap();
        let tomb = vigil::store::people::get(&mut c, dup.person_id)
            .await
            .unwrap()
            .unwrap();
        // The dashboard counts the tombstone as no one.
        let counts = vigil::store::stats::counts(&mut c).await.unwrap();
        let all: i64 = sqlx::query_scalar("select count(*) from people")
            .fetch_one(&mut *c)
            .await
            .unwrap();
        let present: i64 =
            sqlx::query_scalar("select count(*) from people where status = 'present'")
                .fetch_one(&mut *c)
                .await
                .unwrap();
        drop(c);
        assert_eq!(
            (counts.people, counts.people_present),
            (all - 1, present),
            "{b}"
        );
        assert!(present > 0, "{b}");
        assert_eq!(
            (tomb.status.as_str(), tomb.site_id, tomb.household_id),
            ("merged", None, None)
        );
        let err =
            people::move_person(&t.app, &t.registrar(), dup.person_id, &m, Scope::Person).await;
        assert!(err.is_err(), "{b}");
        // Its personal data is still on file, opened (audited) with the kept record's.
        let view: Cap<vigil::auth::capability::ViewPersonalData> = Actor {
            user_id: 0,
            username: "test-registrar".into(),
            role: Role::Registrar,
        }
        .grant()
        .unwrap();
        let p = people::view_personal(&t.app, &view, dup.person_id)
            .await
            .unwrap();
        assert_eq!(p.name_latin.as_deref(), Some("Zahra Karimi"), "{b}");
        assert_eq!(p.merged.len(), 1, "{b}");
        assert_eq!(p.merged[0].document.as_deref(), Some("X-777"), "{b}");
        // The third record's flag now names the kept record; one flag per pair.
        let open = open_flags(&t).await;
        let pairs: Vec<(i64, i64)> = open
            .iter()
            .map(|f| (f.a.person_id, f.b.as_ref().unwrap().person_id))
            .collect();
        assert_eq!(pairs, vec![(a.person_id, third.person_id)], "{b}");
        // A newcomer with the absorbed record's document is flagged with the kept one.
        let later = register(
            &t,
            None,
            &[("name_latin", "Someone Else"), ("document", "x 777")],
        )
        .await;
        assert_eq!(later.possible_duplicates, vec![a.code.clone()], "{b}");
        // The page and the API of the absorbed record lead to the kept one.
        let base = t.serve().await;
        let uid = t.user("reg_m", Role::Registrar).await;
        let token = t.token(uid, "reg_m", Role::Registrar).await;
        let browser = Browser::new(&base);
        assert_eq!(browser.login("reg_m", PASSWORD).await, 303);
        let r = browser
            .get(&format!("/registry/people/{}", dup.person_id))
            .await;
        assert_eq!(r.status(), 303, "{b}");
        assert_eq!(
            support::location(&r),
            format!("/registry/people/{}", a.person_id)
        );
        let (_, page) = browser
            .text(&format!("/registry/people/{}", a.person_id))
            .await;
        assert!(
            page.contains(&dup.code),
            "{b}: the kept record names what it absorbed"
        );
        let api: serde_json::Value = reqwest::Client::new()
            .get(format!("{base}/api/v1/people/{}", dup.person_id))
            .bearer_auth(&token)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(api["code"], a.code.as_str(), "{b}");
        // Deciding twice is refused.
        let again = matches::decide(
            &t.app,
            &t.registrar(),
            flag.flag_id,
            Decision::Distinct,
            &reason("x"),
            Keep::A,
        )
        .await;
        assert!(again.is_err(), "{b}");
        let merges = trail(&t, "person.merge").await;
        assert_eq!(merges.len(), 1, "{b}");
        assert_eq!(merges[0].object_id, dup.person_id.to_string());
        assert!(merges[0].summary.contains(&dup.code) && merges[0].summary.contains(&a.code));
        assert!(t.trail().await.ok(), "{b}");
    }
}

#[tokio::test]
async fn pairs_marked_distinct_are_never_flagged_again() {
    for t in support::both().await {
        let b = t.backend;
        let one = register(
            &t,
            None,
            &[("name_latin", "Hassan Moradi"), ("birth_year", "1960")],
        )
        .await;
        let two = register(
            &t,
            None,
            &[("name_latin", "Hasan Moradi"), ("birth_year", "1961")],
        )
        .await;
        let flag = two.flags[0];
        matches::decide(
            &t.app,
            &t.registrar(),
            flag,
            Decision::Distinct,
            &reason("fathers differ"),
            Keep::A,
        )
        .await
        .unwrap();
        // Changing either record, or re-running the matcher, raises nothing for the pair.
        let map: HashMap<&str, &str> = [("name_latin", "Hassan Moradi"), ("birth_year", "1960")]
            .into_iter()
            .collect();
        let input = PersonInput::from_fields(&map, 2026).unwrap();
        people::update(&t.app, &t.registrar(), two.person_id, &input)
            .await
            .unwrap();
        people::update(&t.app, &t.registrar(), one.person_id, &input)
            .await
            .unwrap();
        assert!(open_flags(&t).await.is_empty(), "{b}");
        // A third namesake is flagged with each of them, once.
        let three = register(
            &t,
            None,
            &[("name_latin", "Hassan Moradi"), ("birth_year", "1962")],
        )
        .await;
        assert_eq!(three.flags.len(), 2, "{b}");
        let closed = matches::list(&t.app, &t.registrar(), FlagStatus::Distinct, None, None)
            .await
            .unwrap()
            .0;
        assert_eq!(closed.len(), 1, "{b}");
        assert_eq!(closed[0].decided_by.as_deref(), Some("test-registrar"));
        let decided = trail(&t, "match.decide").await;
        assert_eq!(decided.len(), 1, "{b}");
        assert_eq!(decided[0].actor, "test-registrar");
        assert!(decided[0].summary.contains("fathers differ"), "{b}");
    }
}

/// The flags and watch-list entries the authorization matrix acts on: two of each,
/// one for the HTML route and one for the API, since deciding or removing is done
/// once.
pub struct Objects {
    pub flag_ui: i64,
    pub flag_api: i64,
    pub watch_ui: i64,
    pub watch_api: i64,
}

pub async fn authz_objects(t: &TestApp) -> Objects {
    let mut flags = Vec::new();
    for name in ["Matrix Pairone", "Matrix Pairtwo"] {
        register(t, None, &[("name_latin", name)]).await;
        flags.push(register(t, None, &[("name_latin", name)]).await.flags[0]);
    }
    let mut watch = Vec::new();
    for name in ["Watch Entryone", "Watch Entrytwo"] {
        let w = WatchInput::parse(name, "other", "").unwrap();
        watch.push(watchlist::add(&t.app, &admin(), &w).await.unwrap().0);
    }
    Objects {
        flag_ui: flags[0],
        flag_api: flags[1],
        watch_ui: watch[0],
        watch_api: watch[1],
    }
}

/// A name shared by more than `NAME_RARE` people of one sex within two years of age is
/// common there: a newcomer with it is flagged only with holders born the same year
/// (when they are few), and by document always; a rare name flags every holder in
/// the window. Both databases.
#[tokio::test]
async fn a_common_name_flags_only_the_same_year_and_documents() {
    assert_eq!(
        matches::NAME_RARE,
        5,
        "the holders below are one more than rare"
    );
    let years = ["1978", "1979", "1981", "1982", "1980", "1980"];
    let sorted = |mut v: Vec<String>| {
        v.sort();
        v
    };
    for t in support::both().await {
        let b = t.backend;
        let camp = site(&t, "CAMP").await;
        let mut holders = Vec::new();
        for (k, year) in years.iter().enumerate() {
            let doc = format!("D-{k}");
            let fields = [
                ("name_latin", "Ali Rezaei"),
                ("sex", "male"),
                ("birth_year", *year),
                ("document", doc.as_str()),
            ];
            holders.push(register(&t, Some(camp), &fields).await.code);
        }
        let fields = [
            ("name_latin", "Ali Rezaei"),
            ("sex", "male"),
            ("birth_year", "1980"),
        ];
        let r = register(&t, Some(camp), &fields).await;
        assert_eq!(
            sorted(r.possible_duplicates),
            sorted(vec![holders[4].clone(), holders[5].clone()]),
            "{b}: a common name flags the same birth year only"
        );
        let fields = [
            ("name_latin", "Ali Rezaei"),
            ("sex", "male"),
            ("birth_year", "1981"),
            ("document", "D-0"),
        ];
        let r = register(&t, Some(camp), &fields).await;
        assert_eq!(
            sorted(r.possible_duplicates),
            sorted(vec![holders[0].clone(), holders[2].clone()]),
            "{b}: the same year by name, another year by document"
        );

        // A rare name (two holders) flags both, a year apart or not.
        let mut rare = Vec::new();
        for year in ["1990", "1992"] {
            let fields = [("name_latin", "Kaveh Niknam"), ("birth_year", year)];
            rare.push(register(&t, Some(camp), &fields).await.code);
        }
        let fields = [("name_latin", "Kaveh Niknam"), ("birth_year", "1991")];
        let r = register(&t, Some(camp), &fields).await;
        assert_eq!(
            sorted(r.possible_duplicates),
            sorted(rare),
            "{b}: a rare name flags every holder in the window"
        );
    }
}

#[tokio::test]
async fn unknown_birth_years_and_sexes_bound_a_name_match() {
    let sorted = |mut v: Vec<String>| {
        v.sort();
        v
    };
    for t in support::both().await {
        let b = t.backend;
        let camp = site(&t, "CAMP").await;
        // A rare name: a man born 1985, and one of unknown age.
        let born = register(
            &t,
            Some(camp),
            &[
                ("name_latin", "Dara Sohrabi"),
                ("sex", "male"),
                ("birth_year", "1985"),
            ],
        )
        .await;
        let ageless = register(
            &t,
            Some(camp),
            &[("name_latin", "Dara Sohrabi"), ("sex", "male")],
        )
        .await;
        assert_eq!(
            ageless.possible_duplicates,
            vec![born.code.clone()],
            "{b}: no birth year: every holder of the name, whatever their year"
        );
        let later = register(
            &t,
            Some(camp),
            &[
                ("name_latin", "Dara Sohrabi"),
                ("sex", "male"),
                ("birth_year", "2001"),
            ],
        )
        .await;
        assert_eq!(
            later.possible_duplicates,
            vec![ageless.code.clone()],
            "{b}: sixteen years apart: only the holder of unknown age"
        );
        let woman = register(
            &t,
            Some(camp),
            &[
                ("name_latin", "Dara Sohrabi"),
                ("sex", "female"),
                ("birth_year", "1985"),
            ],
        )
        .await;
        assert_eq!(
            woman.possible_duplicates,
            Vec::<String>::new(),
            "{b}: a woman is never flagged with a man by name, of any age"
        );

        // A common name (six holders in the band): a newcomer of unknown age has no
        // year to narrow it by, so the name alone flags no one.
        for year in ["1960", "1961", "1962", "1963", "1964", "1965"] {
            let fields = [
                ("name_latin", "Reza Ahmadi"),
                ("sex", "male"),
                ("birth_year", year),
            ];
            register(&t, Some(camp), &fields).await;
        }
        let r = register(
            &t,
            Some(camp),
            &[("name_latin", "Reza Ahmadi"), ("sex", "male")],
        )
        .await;
        assert_eq!(
            sorted(r.possible_duplicates),
            Vec::<String>::new(),
            "{b}: a common name and no birth year flag no one"
        );
    }
}
