//! Resettlement cases and offers, on SQLite and PostgreSQL: a case through every stage
//! with a rejection and a submission elsewhere, the history and audit entries, the
//! funnel now and at a past date, offer conditions and capacity, a departure that
//! records the household as resettled, bad input that changes nothing and names its
//! field. Also the objects the authorization matrix needs.

use std::collections::HashMap;

use vigil::actions::registry::people::{self, Placement};
use vigil::actions::resettlement::{self, offers, pipeline, priority};
use vigil::actions::ActionError;
use vigil::auth::capability::{ReadRecord, WriteCases};
use vigil::auth::{Actor, Cap};
use vigil::domain::person::PersonInput;
use vigil::domain::resettlement::{OfferInput, OfferText, StepInput, StepText};
use vigil::domain::Role;

use crate::support::{self, TestApp};

pub fn officer() -> Cap<WriteCases> {
    Actor {
        user_id: 0,
        username: "test-officer".into(),
        role: Role::CaseOfficer,
    }
    .grant()
    .unwrap()
}

fn reader() -> Cap<ReadRecord> {
    Actor {
        user_id: 0,
        username: "reader".into(),
        role: Role::Analyst,
    }
    .grant()
    .unwrap()
}

pub fn day(s: &str) -> i64 {
    vigil::clock::parse_day(s).unwrap()
}

/// Registers a household of `size` at `site`, the first with a serious medical need
/// when `medical`: (household code, person ids).
pub async fn household(t: &TestApp, site: i64, size: usize, medical: bool) -> (String, Vec<i64>) {
    let mut ids = Vec::new();
    let mut household = None;
    for m in 0..size {
        let need = if medical && m == 0 {
            "serious_medical:urgent"
        } else {
            ""
        };
        let fields: HashMap<&str, &str> = [
            ("name_latin", "Case Member"),
            ("sex", "female"),
            ("vulnerabilities", need),
        ]
        .into_iter()
        .collect();
        let input = PersonInput::from_fields(&fields, 2026).unwrap();
        let place = Placement {
            site_id: Some(site),
            household_id: household,
            new_household: household.is_none(),
            effective_at: Some(day("2012-01-01")),
            ..Placement::default()
        };
        let r = people::register(&t.app, &t.registrar(), &input, &place)
            .await
            .unwrap();
        household = r.household_id;
        ids.push(r.person_id);
    }
    let mut c = t.app.store.read().await.unwrap();
    let code = vigil::store::households::get(&mut c, household.unwrap())
        .await
        .unwrap()
        .unwrap()
        .code;
    (code, ids)
}

pub fn step(stage: &str, on: &str, country: &str, offer: &str) -> StepInput {
    StepInput::parse(&StepText {
        stage,
        on,
        country,
        offer,
        priority: if stage == "submitted" { "urgent" } else { "" },
        category: if stage == "submitted" {
            "legal_physical_protection"
        } else {
            ""
        },
        note: "",
    })
    .unwrap()
}

pub fn offer(country: &str, on: &str, places: &str, max: &str, medical: &str) -> OfferInput {
    OfferInput::parse(&OfferText {
        country,
        announced_on: on,
        places,
        max_household: max,
        medical,
        note: "",
    })
    .unwrap()
}

fn field(e: Result<i64, ActionError>) -> (&'static str, &'static str) {
    match e {
        Err(ActionError::Invalid(i)) => (i.field, i.key),
        other => panic!("expected invalid input, got {other:?}"),
    }
}

/// A fingerprint of everything a case action may change.
async fn state(t: &TestApp) -> String {
    let mut c = t.app.store.read().await.unwrap();
    let (audit_seq, _) = vigil::store::audit::head(&mut c).await.unwrap();
    let cases: Vec<(i64, String, i64, Option<String>)> = sqlx::query_as(
        "select case_id, stage, stage_on, country from resettlement_cases order by 1",
    )
    .fetch_all(&mut *c)
    .await
    .unwrap();
    let steps: i64 = sqlx::query_scalar("select count(*) from resettlement_steps")
        .fetch_one(&mut *c)
        .await
        .unwrap();
    let people: Vec<(i64, String)> =
        sqlx::query_as("select person_id, status from people order by 1")
            .fetch_all(&mut *c)
            .await
            .unwrap();
    format!("{audit_seq} {cases:?} {steps} {people:?}")
}

#[tokio::test]
async fn case_story_on_both_backends() {
    for t in support::both().await {
        story(&t).await;
    }
}

async fn story(t: &TestApp) {
    let b = t.backend;
    let app = &t.app;
    let (off, read) = (officer(), reader());
    let camp = crate::convoys::site(t, "LIB").await;
    let (h1, h1_people) = household(t, camp, 3, false).await;
    let (h2, _) = household(t, camp, 2, true).await;

    // Offers: Albania takes any size; Germany households of at most 2, no medical cases.
    let alb = offers::create(app, &off, &offer("ALB", "2013-03-01", "4", "", "yes"))
        .await
        .unwrap();
    let deu = offers::create(app, &off, &offer("DEU", "2013-04-01", "100", "2", "no"))
        .await
        .unwrap();

    // Opening: by household code or a member's code; only one open case per household.
    let c1 = resettlement::open(app, &off, &h1, day("2012-06-01"), "")
        .await
        .unwrap();
    let before = state(t).await;
    assert_eq!(
        field(resettlement::open(app, &off, &h1, day("2012-06-02"), "").await),
        ("household", "case-invalid-already-open"),
        "{b}"
    );
    assert_eq!(
        field(resettlement::open(app, &off, "HH-NOSUCH", day("2012-06-02"), "").await).1,
        "case-invalid-unknown-household"
    );
    assert_eq!(state(t).await, before, "{b}: refused opens change nothing");
    let mut c = app.store.read().await.unwrap();
    let member_code = vigil::store::people::get(&mut c, h1_people[1])
        .await
        .unwrap()
        .unwrap()
        .code;
    drop(c);
    let c2 = resettlement::open(app, &off, &h2, day("2012-07-01"), "")
        .await
        .unwrap();
    assert_ne!(member_code, h1);

    // The path: interviewed, recognised, submitted to Albania's offer, rejected …
    for (s, on) in [("interviewed", "2012-09-01"), ("recognised", "2012-12-01")] {
        resettlement::step(app, &off, c1, &step(s, on, "", ""))
            .await
            .unwrap();
    }
    let before = state(t).await;
    // Bad steps: a skipped stage, a date before the last, the future, a mismatch.
    let bad = |s: StepInput| {
        let off = off.clone();
        async move { resettlement::step(app, &off, c1, &s).await }
    };
    assert_eq!(
        field(bad(step("accepted", "2013-01-01", "", "")).await),
        ("stage", "case-invalid-transition")
    );
    assert_eq!(
        field(bad(step("submitted", "2012-11-01", "ALB", "")).await),
        ("date", "case-invalid-before-last")
    );
    assert_eq!(
        field(bad(step("submitted", "2099-01-01", "ALB", "")).await),
        ("date", "case-invalid-future")
    );
    assert_eq!(
        field(bad(step("submitted", "2013-05-01", "DEU", &alb.to_string())).await),
        ("country", "case-invalid-offer-country")
    );
    // Germany's offer takes households of at most two.
    assert_eq!(
        field(bad(step("submitted", "2013-05-01", "", &deu.to_string())).await),
        ("offer", "case-invalid-household-too-large")
    );
    assert!(matches!(
        resettlement::step(
            app,
            &off,
            999_999,
            &step("interviewed", "2013-01-01", "", "")
        )
        .await,
        Err(ActionError::NotFound)
    ));
    assert_eq!(state(t).await, before, "{b}: refused steps change nothing");

    resettlement::step(
        app,
        &off,
        c1,
        &step("submitted", "2013-05-01", "", &alb.to_string()),
    )
    .await
    .unwrap();
    let o = offers::get(app, &read, alb).await.unwrap();
    assert_eq!((o.offer.used, o.offer.pending, o.left), (0, 3, 4), "{b}");
    resettlement::step(app, &off, c1, &step("rejected", "2013-08-01", "", ""))
        .await
        .unwrap();
    // … and not to Albania again, but to another country.
    assert_eq!(
        field(bad(step("submitted", "2013-09-01", "ALB", "")).await),
        ("country", "case-invalid-rejected-country")
    );
    assert_eq!(
        field(bad(step("submitted", "2013-09-01", "", &alb.to_string())).await).1,
        "case-invalid-rejected-country"
    );
    for (s, on, country) in [
        ("submitted", "2013-09-01", "SWE"),
        ("accepted", "2014-02-01", ""),
        ("departure_scheduled", "2014-03-01", ""),
        ("departed", "2014-03-20", ""),
    ] {
        resettlement::step(app, &off, c1, &step(s, on, country, ""))
            .await
            .unwrap_or_else(|e| panic!("{b}: {s}: {e:?}"));
    }
    let d = resettlement::get(app, &read, c1).await.unwrap();
    let stages: Vec<&str> = d.steps.iter().map(|s| s.stage.as_str()).collect();
    assert_eq!(
        stages,
        [
            "identified",
            "interviewed",
            "recognised",
            "submitted",
            "rejected",
            "submitted",
            "accepted",
            "departure_scheduled",
            "departed"
        ],
        "{b}"
    );
    assert_eq!(d.case.country.as_deref(), Some("SWE"));
    assert_eq!(d.rejected_by, ["ALB"]);
    assert_eq!(
        d.steps[4].country.as_deref(),
        Some("ALB"),
        "a rejection names who"
    );
    assert!(d.next.is_empty(), "departed is final");
    assert_eq!(d.people_codes.len(), 3);
    // The household is recorded as resettled, with the date of departure.
    let mut c = app.store.read().await.unwrap();
    for id in &h1_people {
        let p = vigil::store::people::get(&mut c, *id)
            .await
            .unwrap()
            .unwrap();
        assert_eq!((p.status.as_str(), p.site_id), ("resettled", None), "{b}");
        let h = vigil::store::people::history(&mut c, *id).await.unwrap();
        let last = h.last().unwrap();
        assert_eq!(last.effective_at, day("2014-03-20"));
        assert!(last.reason.contains("SWE"), "{b}: {}", last.reason);
    }
    // Every step is in the audit trail.
    let steps: i64 = sqlx::query_scalar(
        "select count(*) from audit_log where action = 'case.step' and object_id = $1",
    )
    .bind(c1.to_string())
    .fetch_one(&mut *c)
    .await
    .unwrap();
    assert_eq!(steps, 8, "{b}");
    drop(c);
    // A departed household cannot have a case again: its people have left.
    let before = state(t).await;
    assert_eq!(
        field(resettlement::open(app, &off, &h1, day("2014-04-01"), "").await),
        ("household", "case-invalid-departed"),
        "{b}"
    );
    assert_eq!(state(t).await, before, "{b}: nothing written");
    // After a withdrawal, a new case for the household may be opened.
    let (h3, _) = household(t, camp, 3, false).await;
    let c3 = resettlement::open(app, &off, &h3, day("2013-01-10"), "")
        .await
        .unwrap();
    resettlement::step(app, &off, c3, &step("withdrawn", "2013-02-01", "", ""))
        .await
        .unwrap();
    assert!(resettlement::open(app, &off, &h3, day("2014-04-01"), "")
        .await
        .is_ok());

    // The second household has a serious medical need: Germany's offer cannot take it.
    for (s, on) in [("interviewed", "2012-08-01"), ("recognised", "2012-09-01")] {
        resettlement::step(app, &off, c2, &step(s, on, "", ""))
            .await
            .unwrap();
    }
    assert_eq!(
        field(
            resettlement::step(
                app,
                &off,
                c2,
                &step("submitted", "2013-05-01", "", &deu.to_string())
            )
            .await
        )
        .1,
        "case-invalid-no-medical-capacity"
    );
    // Albania's offer has 4 places; a household of 2 fits, and uses them on acceptance.
    resettlement::step(
        app,
        &off,
        c2,
        &step("submitted", "2013-05-01", "", &alb.to_string()),
    )
    .await
    .unwrap();
    resettlement::step(app, &off, c2, &step("accepted", "2013-07-01", "", ""))
        .await
        .unwrap();
    let o = offers::get(app, &read, alb).await.unwrap();
    assert_eq!((o.offer.used, o.offer.pending, o.left), (2, 0, 2), "{b}");
    // Its places cannot drop below those used.
    let shrink = offers::update(app, &off, alb, &offer("ALB", "2013-03-01", "1", "", "yes")).await;
    assert!(
        matches!(&shrink, Err(ActionError::Invalid(i)) if i.field == "places"),
        "{b}: {shrink:?}"
    );

    // The funnel now, and as it stood at the end of 2013-06-01.
    let now = resettlement::funnel(app, &read, None).await.unwrap();
    let at = |f: &[vigil::store::resettlement::StageCount], s: &str| {
        let r = f.iter().find(|r| r.stage == s).unwrap();
        (r.cases, r.people)
    };
    assert_eq!(at(&now, "departed"), (1, 3), "{b}");
    assert_eq!(at(&now, "accepted"), (1, 2), "{b}");
    assert_eq!(at(&now, "identified"), (1, 3), "{b}: the reopened case");
    let past = resettlement::funnel(app, &read, Some(day("2013-06-01")))
        .await
        .unwrap();
    assert_eq!(at(&past, "submitted"), (2, 5), "{b}");
    assert_eq!(at(&past, "departed"), (0, 0), "{b}");
    let early = resettlement::funnel(app, &read, Some(day("2012-06-15")))
        .await
        .unwrap();
    assert_eq!(
        at(&early, "identified"),
        (1, 3),
        "{b}: the second case was not open yet"
    );
    assert_eq!(now.len(), 10);

    // The pipeline on 2015-01-01: the accepted case has not moved since 2013-07-01.
    let p = pipeline::pipeline(app, &read, day("2015-01-01"), 30)
        .await
        .unwrap();
    let st = p.stalled.iter().find(|s| s.case_id == c2).unwrap();
    assert_eq!((st.stage.as_str(), st.days), ("accepted", 549), "{b}");
    let swe = p
        .time_in_stage
        .iter()
        .find(|t| t.country == "SWE" && t.stage == "departure_scheduled")
        .unwrap();
    assert_eq!((swe.spells, swe.median_days), (1, 19), "{b}");
    assert_eq!(p.population, 8, "{b}");
    let last = p.share.last().unwrap();
    assert_eq!(last.1, 3, "{b}");
    assert!((last.2 - 0.375).abs() < 1e-9);
    // Time in stage, by hand: identified lasted 92 days (case 1), 31 (case 2) and 22
    // (case 3, withdrawn, never submitted: country ""); the reopened case is still
    // there and does not count.
    let at_stage = |c: &str, s: &str| {
        p.time_in_stage
            .iter()
            .find(|t| t.country == c && t.stage == s)
            .map(|t| (t.spells, t.median_days, t.p90_days))
    };
    assert_eq!(at_stage("", "identified"), Some((1, 22, 22)), "{b}");
    assert_eq!(at_stage("*", "identified"), Some((3, 31, 92)), "{b}");
    // The forecast: three left in March 2014, five remain — two months at that pace.
    let f = pipeline::forecast(app, &read, day("2014-03-31"), None)
        .await
        .unwrap();
    assert_eq!((f.departed, f.remaining), (3, 5), "{b}");
    assert_eq!(f.forecast.unwrap().finish_p50, Some(2), "{b}");
    let none = pipeline::forecast(app, &read, day("2014-01-01"), None)
        .await
        .unwrap();
    assert!(none.forecast.is_none(), "{b}: no departures yet, no pace");

    // Priority on 2015-01-01: the household with an urgent medical need, submitted as
    // urgent and waiting 30 months, comes first (35 + 25 + 30).
    let ranked = priority::ranked(app, &read, day("2015-01-01"))
        .await
        .unwrap();
    assert_eq!(ranked.len(), 2, "{b}: open cases only");
    assert_eq!(
        (ranked[0].case.case_id, ranked[0].score.total),
        (c2, 90),
        "{b}"
    );
    assert_eq!(
        ranked[1].score.total, 9,
        "{b}: the reopened case waited 9 months"
    );
}

/// What the authorization matrix's resettlement rows act on.
pub struct MatrixObjects {
    pub case_ui: i64,
    pub case_api: i64,
    pub offer: i64,
}

/// The households `HH-MATRIX1` and `HH-MATRIX2` (no case; the rows that open one use
/// them), cases at `identified` for the UI and the API step rows, and an offer.
pub async fn matrix_objects(t: &TestApp) -> MatrixObjects {
    let mut c = t.app.store.read().await.unwrap();
    let main = vigil::store::sites::by_code(&mut c, "MAIN")
        .await
        .unwrap()
        .unwrap()
        .site_id;
    drop(c);
    for n in 1..=2 {
        let (code, _) = household(t, main, 1, false).await;
        let mut c = t.app.store.read().await.unwrap();
        sqlx::query("update households set code = $1 where code = $2")
            .bind(format!("HH-MATRIX{n}"))
            .bind(code)
            .execute(&mut *c)
            .await
            .unwrap();
    }
    let off = officer();
    let mut cases = Vec::new();
    for _ in 0..2 {
        let (code, _) = household(t, main, 1, false).await;
        cases.push(
            resettlement::open(&t.app, &off, &code, day("2012-06-01"), "")
                .await
                .unwrap(),
        );
    }
    let offer = offers::create(&t.app, &off, &offer("DEU", "2013-01-01", "100", "", "yes"))
        .await
        .unwrap();
    MatrixObjects {
        case_ui: cases[0],
        case_api: cases[1],
        offer,
    }
}

/// The demo tells the seeds' story: the first departures to Albania in May 2013,
/// about a hundred to Germany in 2013, about 15 % resettled three years after the move.
#[tokio::test]
async fn the_demo_keeps_the_seeds_pace() {
    let t = support::sqlite().await;
    vigil::demo::load(&t.app).await.unwrap();
    let mut c = t.app.store.read().await.unwrap();
    let departures = vigil::store::resettlement::departures(&mut c)
        .await
        .unwrap();
    let (first_day, first_country, _) = departures.first().unwrap().clone();
    assert_eq!(first_country, "ALB");
    assert!(vigil::clock::rfc3339(first_day).starts_with("2013-05"));
    let to_germany_2013: i64 = departures
        .iter()
        .filter(|(d, c, _)| c == "DEU" && vigil::clock::year_of(*d) == 2013)
        .map(|(_, _, n)| n)
        .sum();
    assert!((90..=110).contains(&to_germany_2013), "{to_germany_2013}");
    let residents: i64 = sqlx::query_scalar("select count(*) from people")
        .fetch_one(&mut *c)
        .await
        .unwrap();
    let by_autumn_2015: i64 = departures
        .iter()
        .filter(|(d, _, _)| *d <= day("2015-09-30"))
        .map(|(_, _, n)| n)
        .sum();
    let share = by_autumn_2015 as f64 / residents as f64;
    assert!(
        (0.13..=0.17).contains(&share),
        "{by_autumn_2015} of {residents}"
    );
}

/// The allocation on both databases: the optimum under conditions and places, a
/// rejected placement never proposed again, an accepted one submitting the case.
#[tokio::test]
async fn allocation_story_on_both_backends() {
    use vigil::actions::resettlement::allocation;
    for t in support::both().await {
        let b = t.backend;
        let app = &t.app;
        let (off, read) = (officer(), reader());
        let camp = crate::convoys::site(&t, "LIB").await;
        let mut cases = Vec::new();
        for (size, medical) in [(3, false), (2, false), (2, true)] {
            let (code, _) = household(&t, camp, size, medical).await;
            let id = resettlement::open(app, &off, &code, day("2013-01-01"), "")
                .await
                .unwrap();
            for (s, on) in [("interviewed", "2013-02-01"), ("recognised", "2013-03-01")] {
                resettlement::step(app, &off, id, &step(s, on, "", ""))
                    .await
                    .unwrap();
            }
            cases.push(id);
        }
        let (a, bb, c) = (cases[0], cases[1], cases[2]);
        let x = offers::create(app, &off, &offer("ALB", "2013-03-01", "4", "", "yes"))
            .await
            .unwrap();
        let y = offers::create(app, &off, &offer("DEU", "2013-03-01", "2", "", "no"))
            .await
            .unwrap();
        let at = day("2013-11-01");
        let placed = |p: &allocation::Proposal| {
            let mut v: Vec<(i64, i64)> = p
                .placed
                .iter()
                .map(|x| (x.case.case_id, x.offer.offer_id))
                .collect();
            v.sort_unstable();
            v
        };
        // The medical household can only go to Albania; the household of 3 would
        // then fit nowhere, and the optimum places the two households of two.
        let p = allocation::propose(app, &read, at).await.unwrap();
        assert!(p.allocation.proven, "{b}");
        assert_eq!(placed(&p), vec![(bb, y), (c, x)], "{b}");
        assert_eq!(p.unplaced.len(), 1);
        assert_eq!(p.unplaced[0].case.case_id, a);
        // Rejecting B → Germany: B goes to Albania's remaining places instead.
        allocation::reject(app, &off, bb, y, "the family asked for Albania")
            .await
            .unwrap();
        let p = allocation::propose(app, &read, at).await.unwrap();
        assert_eq!(placed(&p), vec![(bb, x), (c, x)], "{b}");
        // Accepting C → Albania submits the case under the offer.
        let s = StepInput::parse(&StepText {
            stage: "submitted",
            on: "2013-11-01",
            offer: &x.to_string(),
            category: "medical_needs",
            ..StepText::default()
        })
        .unwrap();
        allocation::accept(app, &off, c, &s).await.unwrap();
        let d = resettlement::get(app, &read, c).await.unwrap();
        assert_eq!(
            (d.case.stage.as_str(), d.case.offer_id),
            ("submitted", Some(x))
        );
        let p = allocation::propose(app, &read, at).await.unwrap();
        assert_eq!(
            placed(&p),
            vec![(bb, x)],
            "{b}: two places of Albania's four remain"
        );
        let mut conn = app.store.read().await.unwrap();
        let decisions: i64 = sqlx::query_scalar(
            "select count(*) from audit_log where action in ('allocation.accept', 'allocation.reject')",
        )
        .fetch_one(&mut *conn)
        .await
        .unwrap();
        assert_eq!(decisions, 2, "{b}");
    }
}
