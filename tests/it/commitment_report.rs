//! The report "commitments and breaches" on SQLite and PostgreSQL: each commitment
//! with its status as of the day asked, the evidence that decides it and the source
//! with its grade; the CSV row; the export audited; no personal data in it. Quantity
//! terms per N residents of a site judged against the site's population on the day of
//! each count. Monitoring visits recorded through the HTML form (CSRF, audited) and
//! shown on their page; the report page, its charts and its downloads.

use vigil::actions::documentation::commitments::{self as acts, report};
use vigil::actions::documentation::{incidents, sources};
use vigil::domain::commitment::input::{
    CommitmentInput, CommitmentText, ObservationInput, ObservationText,
};
use vigil::domain::export::Format;

use crate::commitments::agreement;
use crate::incidents::{documenter, incident_input, org, reader, source_input};
use crate::support::{self, TestApp};

fn day(s: &str) -> i64 {
    vigil::domain::convoy::parse_day("d", s).unwrap().unwrap()
}

async fn audit_count(t: &TestApp, action: &str) -> i64 {
    let mut c = t.app.store.read().await.unwrap();
    sqlx::query_scalar("select count(*) from audit_log where action = $1")
        .bind(action)
        .fetch_one(&mut *c)
        .await
        .unwrap()
}

/// An agreement with a prohibition breached by an incident and a deadline breached by
/// a graded source's observation. Returns (agreement, prohibition, deadline, source).
pub(crate) async fn story(t: &TestApp) -> (i64, i64, i64, i64) {
    let cap = documenter();
    let (a, k, w, src) = crate::commitments::memorandum(t, "").await;
    let obs = ObservationInput::parse(&ObservationText {
        observed_on: "2012-08-30",
        outcome: "not_fulfilled",
        source: &src.to_string(),
        locator: "para. 9",
        note: "Still no water.",
        ..ObservationText::default()
    })
    .unwrap();
    acts::add_observation(&t.app, &cap, w, &obs).await.unwrap();
    incidents::create(&t.app, &cap, &incident_input("Rockets", "LIBERTY"))
        .await
        .unwrap();
    (a, k, w, src)
}

#[tokio::test]
async fn the_report_states_each_status_with_its_evidence_and_source() {
    for t in support::both().await {
        let (a, k, w, src) = story(&t).await;
        // Before the rockets: the prohibition kept, the deadline breached by the source.
        let r = report::commitments_report(&t.app, &reader(), day("2013-06-01"))
            .await
            .unwrap();
        assert_eq!(r.agreements.len(), 1);
        assert_eq!(r.agreements[0].row.agreement_id, a);
        assert_eq!(r.agreements[0].sources[0].reliability, "B");
        let line = |r: &report::CommitmentsReport, id: i64| {
            r.agreements[0]
                .commitments
                .iter()
                .find(|c| c.summary.row.commitment_id == id)
                .unwrap()
                .clone()
        };
        assert_eq!(line(&r, k).summary.status.status, "met");
        assert!(line(&r, k).evidence.is_empty());
        let water = line(&r, w);
        assert_eq!(water.summary.status.status, "breached");
        let e = &water.evidence[0];
        assert!(e.deciding);
        assert_eq!(e.link.kind, "observation");
        assert_eq!(e.outcome.as_deref(), Some("not_fulfilled"));
        let cite = e.source.as_ref().unwrap();
        assert_eq!(
            (
                cite.source_id,
                cite.reliability.as_str(),
                cite.locator.as_str()
            ),
            (src, "B", "para. 9")
        );
        // The party table and the months: one breached, one met, for the GoI.
        assert_eq!(r.parties.len(), 1);
        assert_eq!(
            (r.parties[0].counts.met, r.parties[0].counts.breached),
            (1, 1)
        );
        let last = r.over_time.last().unwrap();
        assert_eq!((last.met, last.breached), (1, 1));
        let july = r
            .over_time
            .iter()
            .find(|m| m.at == day("2012-08-01") - 1)
            .unwrap();
        assert_eq!((july.pending, july.breached, july.cannot_judge), (1, 0, 1));

        // After the rockets: the incident decides, and the CSV says so.
        let later = report::commitments_report(&t.app, &reader(), day("2014-01-10"))
            .await
            .unwrap();
        let rockets = line(&later, k);
        assert_eq!(rockets.summary.status.status, "breached");
        assert_eq!(rockets.evidence[0].link.kind, "incident");
        assert_eq!(rockets.evidence[0].text, "Rockets");
        let before = audit_count(&t, "export.commitments").await;
        let csv = report::commitments_file(&t.app, &reader(), day("2014-01-10"), Format::Csv)
            .await
            .unwrap();
        let csv = String::from_utf8(csv).unwrap();
        assert_eq!(csv.lines().count(), 4, "{csv}");
        assert!(csv.contains(&format!(
            "{k},No attacks on the camp.,Government of Iraq,,prohibition: no rocket_attack,2014-01-10,breached,,2013-12-26,incident "
        )), "{csv}");
        assert!(csv.contains(&format!("source {src} [B] Observer on water, para. 9")));
        // No personal data: the registered resident's name is nowhere in it.
        assert!(!csv.contains("Person Example"));
        assert_eq!(audit_count(&t, "export.commitments").await, before + 1);
        let xlsx = report::commitments_file(&t.app, &reader(), day("2014-01-10"), Format::Xlsx)
            .await
            .unwrap();
        assert_eq!(&xlsx[..2], b"PK");
    }
}

async fn register_at(t: &TestApp, site_id: i64) {
    use vigil::actions::registry::people;
    let fields: std::collections::HashMap<&str, &str> = [
        ("name_latin", "Second Example"),
        ("sex", "male"),
        ("birth_year", "1975"),
    ]
    .into_iter()
    .collect();
    let input = vigil::domain::person::PersonInput::from_fields(&fields, 2026).unwrap();
    let place = people::Placement {
        site_id: Some(site_id),
        new_household: true,
        ..people::Placement::default()
    };
    people::register(&t.app, &t.registrar(), &input, &place)
        .await
        .unwrap();
}

/// 2 vehicles per resident of the site: one resident when the first count is made,
/// two at the second; the same count of 2 is met, then half met.
#[tokio::test]
async fn quantity_per_residents_of_a_site_follows_its_population() {
    let start = day("2012-03-01") + 12 * 3_600_000;
    for t in support::both_with_clock(start).await {
        let cap = documenter();
        let (site, _) = t.site_and_person("LIBERTY").await;
        org(&t, "Government of Iraq", "government", "GoI").await;
        org(&t, "Camp Observer", "media_outlet", "").await;
        let src = sources::create(
            &t.app,
            &cap,
            &source_input("Count", "Camp Observer", "independent", "", "C"),
        )
        .await
        .unwrap();
        let a = acts::create_agreement(&t.app, &cap, &agreement("Letter", &["GoI"], None))
            .await
            .unwrap();
        let k = acts::add_commitment(
            &t.app,
            &cap,
            a,
            &CommitmentInput::parse(&CommitmentText {
                statement: "2 vehicles for every resident.",
                owed_by: "GoI",
                site: "LIBERTY",
                from: "2012-02-15",
                term: "quantity",
                item: "Vehicles",
                quantity: "2",
                per_residents: "1",
                ..CommitmentText::default()
            })
            .unwrap(),
        )
        .await
        .unwrap();
        // A second resident arrives on 1 April.
        t.app.clock.advance(31 * 86_400_000);
        register_at(&t, site).await;
        for on in ["2012-03-10", "2012-04-10"] {
            let o = ObservationInput::parse(&ObservationText {
                observed_on: on,
                outcome: "statement",
                counted: "2",
                source: &src.to_string(),
                ..ObservationText::default()
            })
            .unwrap();
            acts::add_observation(&t.app, &cap, k, &o).await.unwrap();
        }
        let on = |d: &'static str| {
            let t = &t;
            async move {
                acts::get_commitment(&t.app, &reader(), k, day(d))
                    .await
                    .unwrap()
                    .summary
                    .status
            }
        };
        assert_eq!(on("2012-03-05").await.status, "pending");
        assert_eq!(on("2012-03-20").await.status, "met", "{}", t.backend);
        let april = on("2012-04-20").await;
        assert_eq!(april.status, "partly_met", "{}", t.backend);
        assert_eq!(april.share_permille, Some(500));
        assert_eq!(april.deciding[0].kind, "observation");
    }
}

/// Through the router: a documenter records a visit with the form (CSRF checked,
/// audited), sees its page, and the report page and its CSV link it all.
#[tokio::test]
async fn visits_and_the_report_through_the_pages() {
    use crate::support::{location, Browser, PASSWORD};
    for t in support::both().await {
        let (_a, k, w, _src) = story(&t).await;
        org(&t, "UN monitors", "un_body", "").await;
        t.user("doc", vigil::domain::Role::Documenter).await;
        t.user("obs", vigil::domain::Role::Observer).await;
        let base = t.serve().await;
        let b = Browser::new(&base);
        assert_eq!(b.login("doc", PASSWORD).await, 303);
        let before = audit_count(&t, "visit.create").await;
        // Bad input goes back and writes nothing.
        let r = b
            .submit(
                "/documentation/visits",
                "/documentation/visits",
                &[
                    ("organisation", "UN monitors"),
                    ("site", "LIBERTY"),
                    ("arrival", "2013-03-01T10:00"),
                    ("departure", "2013-03-01T09:00"),
                ],
            )
            .await;
        assert_eq!(r.status(), 303);
        assert_eq!(location(&r), "/documentation/visits");
        assert_eq!(audit_count(&t, "visit.create").await, before);
        let r = b
            .submit(
                "/documentation/visits",
                "/documentation/visits",
                &[
                    ("organisation", "UN monitors"),
                    ("site", "LIBERTY"),
                    ("arrival", "2013-03-01T10:00"),
                    ("departure", "2013-03-01T14:00"),
                    ("monitors", "3"),
                ],
            )
            .await;
        assert_eq!(r.status(), 303);
        let visit = location(&r);
        assert!(visit.starts_with("/documentation/visits/"), "{visit}");
        assert_eq!(audit_count(&t, "visit.create").await, before + 1);
        let (status, html) = b.text(&visit).await;
        assert_eq!(status, 200);
        assert!(html.contains("UN monitors") && html.contains("LIBERTY"));
        let (_, list) = b.text("/documentation/visits").await;
        assert!(list.contains(&format!("href=\"{visit}\"")));
        // A forged token is refused.
        let r = b
            .post(
                "/documentation/visits",
                &[("csrf", "forged"), ("organisation", "UN monitors")],
            )
            .await;
        assert_eq!(r.status(), 403);

        let (status, page) = b
            .text("/documentation/commitments-report?as_of=2014-01-10")
            .await;
        assert_eq!(status, 200);
        assert!(page.contains(&format!("id=\"commitment-{k}\" data-status=\"breached\"")));
        assert!(page.contains(&format!("id=\"commitment-{w}\" data-status=\"breached\"")));
        assert!(page.contains("href=\"/documentation/incidents/"));
        assert!(page.contains(&format!(
            "href=\"/documentation/commitments/{w}#observation-"
        )));
        assert!(page.contains("[B] Observer on water"));
        assert_eq!(page.matches("<svg").count(), 2, "parties and months");
        assert!(!page.contains("Person Example"));
        let r = b
            .get("/documentation/commitments-report.csv?as_of=2014-01-10")
            .await;
        assert_eq!(r.status(), 200);
        assert!(r.text().await.unwrap().contains(",breached,"));
        let (status, _) = b
            .text("/documentation/commitments-report?as_of=not-a-day")
            .await;
        assert_eq!(status, 303, "sent back to the report with the field named");

        let o = Browser::new(&base);
        assert_eq!(o.login("obs", PASSWORD).await, 303);
        assert_eq!(
            o.get("/documentation/commitments-report").await.status(),
            403
        );
    }
}
