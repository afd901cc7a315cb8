//! Agreements and commitments on SQLite and PostgreSQL: an agreement with its parties,
//! signatories and source; a prohibition kept until an incident of its category at its
//! site breaches it (and still kept as of the day before); a deadline pending, then
//! breached by a sourced observation; the audit trail; and bad input that changes
//! nothing. Also the objects the authorization matrix needs.

use vigil::actions::documentation::commitments as acts;
use vigil::actions::documentation::{incidents, sources};
use vigil::actions::ActionError;
use vigil::domain::commitment::input::{
    AgreementInput, AgreementText, CommitmentInput, CommitmentText, ObservationInput,
    ObservationText,
};

use crate::incidents::{documenter, incident_input, org, reader, source_input};
use crate::support::{self, TestApp};

fn day(s: &str) -> i64 {
    vigil::domain::convoy::parse_day("d", s).unwrap().unwrap()
}

pub fn agreement(title: &str, parties: &[&str], source: Option<i64>) -> AgreementInput {
    let parties: Vec<String> = parties.iter().map(|p| p.to_string()).collect();
    let sigs = vec![("Special Representative".to_string(), parties[0].clone())];
    let srcs: Vec<(i64, String)> = source
        .map(|s| (s, "para. 4".to_string()))
        .into_iter()
        .collect();
    AgreementInput::parse(
        &AgreementText {
            title,
            kind: "memorandum",
            made_on: "2011-12-25",
            summary: "Relocation to a temporary transit location.",
        },
        &parties,
        &sigs,
        &srcs,
    )
    .unwrap()
}

pub fn prohibition(owed_by: &str, site: &str, category: &str, from: &str) -> CommitmentInput {
    CommitmentInput::parse(&CommitmentText {
        statement: "No attacks on the camp.",
        owed_by,
        site,
        from,
        term: "prohibition",
        category,
        ..CommitmentText::default()
    })
    .unwrap()
}

async fn audit_count(t: &TestApp, object_type: &str) -> i64 {
    let mut c = t.app.store.read().await.unwrap();
    sqlx::query_scalar("select count(*) from audit_log where object_type = $1")
        .bind(object_type)
        .fetch_one(&mut *c)
        .await
        .unwrap()
}

/// The memorandum of the tests: Liberty, the UN and the Government of Iraq, a grade-B
/// source that carries it, a prohibition (no rocket attacks at Liberty from 2013) and
/// a deadline (water connected by 20 July 2012, owed to `owed_to` when given). Returns
/// (agreement, prohibition, deadline, source).
pub(crate) async fn memorandum(t: &TestApp, owed_to: &str) -> (i64, i64, i64, i64) {
    let cap = documenter();
    t.site_and_person("LIBERTY").await;
    org(t, "United Nations", "un_body", "UN").await;
    org(t, "Government of Iraq", "government", "GoI").await;
    org(t, "Camp Observer", "media_outlet", "").await;
    let src = sources::create(
        &t.app,
        &cap,
        &source_input("Observer on water", "Camp Observer", "independent", "", "B"),
    )
    .await
    .unwrap();
    let a = acts::create_agreement(
        &t.app,
        &cap,
        &agreement("Memorandum", &["UN", "Government of Iraq"], Some(src)),
    )
    .await
    .unwrap();
    let k = acts::add_commitment(
        &t.app,
        &cap,
        a,
        &prohibition("GoI", "LIBERTY", "rocket_attack", "2013-01-01"),
    )
    .await
    .unwrap();
    let due = CommitmentInput::parse(&CommitmentText {
        statement: "Water connected.",
        owed_by: "Government of Iraq",
        owed_to,
        from: "2012-06-12",
        term: "deadline",
        due_on: "2012-07-20",
        ..CommitmentText::default()
    })
    .unwrap();
    let w = acts::add_commitment(&t.app, &cap, a, &due).await.unwrap();
    (a, k, w, src)
}

#[tokio::test]
async fn commitments_are_judged_from_the_record_as_of_any_day() {
    for t in support::both().await {
        let cap = documenter();
        let (a, k, w, src) = memorandum(&t, "United Nations").await;

        // Before the incident: kept.
        let before = acts::get_commitment(&t.app, &reader(), k, day("2013-12-25"))
            .await
            .unwrap();
        assert_eq!(before.summary.status.status, "met");
        assert_eq!(before.summary.owed_by, "Government of Iraq");
        let inc = incidents::create(&t.app, &cap, &incident_input("Rockets", "LIBERTY"))
            .await
            .unwrap();
        let after = acts::get_commitment(&t.app, &reader(), k, day("2014-01-10"))
            .await
            .unwrap();
        assert_eq!(after.summary.status.status, "breached");
        assert_eq!(after.summary.status.deciding[0].kind, "incident");
        assert_eq!(after.summary.status.deciding[0].id, inc);
        assert_eq!(
            after.summary.status.since,
            day("2013-12-26") + 5 * 3_600_000 + 30 * 60_000
        );
        let kinds: Vec<_> = after.history.iter().map(|h| h.status).collect();
        assert_eq!(kinds, vec!["met", "breached"]);
        // Asked about the day before, the record still says kept.
        let again = acts::get_commitment(&t.app, &reader(), k, day("2013-12-25"))
            .await
            .unwrap();
        assert_eq!(again.summary.status.status, "met");

        // The deadline: pending until due, then breached by what a source observed.
        let obs = ObservationInput::parse(&ObservationText {
            observed_on: "2012-08-30",
            outcome: "not_fulfilled",
            source: &src.to_string(),
            locator: "para. 9",
            ..ObservationText::default()
        })
        .unwrap();
        acts::add_observation(&t.app, &cap, w, &obs).await.unwrap();
        let on = |d: &'static str| {
            let t = &t;
            async move {
                acts::get_commitment(&t.app, &reader(), w, day(d))
                    .await
                    .unwrap()
                    .summary
                    .status
            }
        };
        assert_eq!(on("2012-07-01").await.status, "pending");
        assert_eq!(on("2012-08-01").await.status, "cannot_judge");
        let s = on("2012-09-01").await;
        assert_eq!(s.status, "breached");
        assert_eq!(s.deciding[0].kind, "observation");

        let d = acts::get_agreement(&t.app, &reader(), a, day("2014-01-10"))
            .await
            .unwrap();
        assert_eq!(d.parties.len(), 2);
        assert_eq!(d.signatories[0].name, "Special Representative");
        assert_eq!(d.sources[0].source_id, src);
        assert_eq!(d.commitments.len(), 2);
        let list = acts::list_agreements(&t.app, &reader()).await.unwrap();
        assert_eq!(list[0].commitments, 2);
        assert_eq!(audit_count(&t, "agreement").await, 1);
        assert_eq!(audit_count(&t, "commitment").await, 3);

        // Bad input: nothing written, the field named.
        let bad = prohibition("Nobody Known", "LIBERTY", "threat", "2013-01-01");
        match acts::add_commitment(&t.app, &cap, a, &bad).await {
            Err(ActionError::Invalid(i)) => assert_eq!(i.field, "owed_by"),
            other => panic!("expected invalid owed_by, got {other:?}"),
        }
        let missing = ObservationInput::parse(&ObservationText {
            observed_on: "2012-08-30",
            outcome: "fulfilled",
            source: "999",
            ..ObservationText::default()
        })
        .unwrap();
        assert!(acts::add_observation(&t.app, &cap, w, &missing)
            .await
            .is_err());
        assert!(matches!(
            acts::add_commitment(&t.app, &cap, 999, &bad).await,
            Err(ActionError::NotFound)
        ));
        let d = acts::get_agreement(&t.app, &reader(), a, day("2014-01-10"))
            .await
            .unwrap();
        assert_eq!(d.commitments.len(), 2);
        assert_eq!(audit_count(&t, "commitment").await, 3);
    }
}

#[test]
fn bad_terms_name_their_field() {
    let base = CommitmentText {
        statement: "x",
        owed_by: "UN",
        from: "2012-01-01",
        ..CommitmentText::default()
    };
    let field = |t: CommitmentText<'_>| CommitmentInput::parse(&t).unwrap_err().field;
    assert_eq!(
        field(CommitmentText {
            term: "wish",
            ..base
        }),
        "term"
    );
    assert_eq!(
        field(CommitmentText {
            term: "deadline",
            ..base
        }),
        "due_on"
    );
    assert_eq!(
        field(CommitmentText {
            term: "quantity",
            item: "vehicles",
            quantity: "10",
            per_residents: "400",
            ..base
        }),
        "convoy"
    );
    assert_eq!(
        field(CommitmentText {
            term: "presence",
            share_permille: "1200",
            ..base
        }),
        "share_permille"
    );
    assert_eq!(
        field(CommitmentText {
            term: "access",
            category: "picnic",
            ..base
        }),
        "category"
    );
    assert_eq!(
        field(CommitmentText {
            term: "access",
            category: "medical_denial",
            until: "2011-01-01",
            ..base
        }),
        "until"
    );
}

/// What the authorization matrix needs: an agreement and a commitment in it (after
/// `incidents::matrix_objects`, whose party and source they use).
pub struct MatrixObjects {
    pub agreement: i64,
    pub commitment: i64,
    pub visit: i64,
    /// Published reports: one to read, one each to withdraw from the page and the API.
    pub published: i64,
    pub withdraw_ui: i64,
    pub withdraw_api: i64,
}

pub async fn matrix_objects(t: &TestApp) -> MatrixObjects {
    let cap = documenter();
    let agreement =
        acts::create_agreement(&t.app, &cap, &agreement("Matrix", &["Matrix Party"], None))
            .await
            .unwrap();
    let commitment = acts::add_commitment(
        &t.app,
        &cap,
        agreement,
        &prohibition("Matrix Party", "", "threat", "2012-01-01"),
    )
    .await
    .unwrap();
    let visit = acts::record_visit(
        &t.app,
        &cap,
        &vigil::domain::commitment::input::VisitInput::parse(
            &vigil::domain::commitment::input::VisitText {
                organisation: "Matrix Party",
                site: "MAIN",
                arrival: "2012-03-01 10:00",
                departure: "2012-03-01 14:00",
                ..Default::default()
            },
        )
        .unwrap(),
    )
    .await
    .unwrap();
    let mut published = vec![];
    for _ in 0..3 {
        published.push(
            vigil::actions::documentation::commitments::publish::publish_commitments(
                &t.app,
                &cap,
                day("2013-01-01"),
                vigil::web::ui::published::rendered(vigil::i18n::Lang::En),
            )
            .await
            .unwrap(),
        );
    }
    MatrixObjects {
        agreement,
        commitment,
        visit,
        published: published[0],
        withdraw_ui: published[1],
        withdraw_api: published[2],
    }
}

/// Through the router: the agreement lists its commitment with the status of the day
/// asked, the commitment page links the incident that breached it, and the same page
/// as of an earlier day says it was kept.
#[tokio::test]
async fn commitment_pages_show_the_status_of_the_day_asked() {
    use crate::support::{Browser, PASSWORD};
    let t = support::sqlite().await;
    t.user("ana", vigil::domain::Role::Analyst).await;
    let cap = documenter();
    t.site_and_person("LIBERTY").await;
    org(&t, "Government of Iraq", "government", "GoI").await;
    let a = acts::create_agreement(&t.app, &cap, &agreement("Letter of March", &["GoI"], None))
        .await
        .unwrap();
    let k = acts::add_commitment(
        &t.app,
        &cap,
        a,
        &prohibition("GoI", "LIBERTY", "rocket_attack", "2013-01-01"),
    )
    .await
    .unwrap();
    let inc = incidents::create(&t.app, &cap, &incident_input("Rockets", "LIBERTY"))
        .await
        .unwrap();
    let base = t.serve().await;
    let b = Browser::new(&base);
    assert_eq!(b.login("ana", PASSWORD).await, 303);
    let page = |p: String| {
        let b = &b;
        async move {
            let r = b.get(&p).await;
            (r.status().as_u16(), r.text().await.unwrap())
        }
    };
    let (s, list) = page("/documentation/agreements".into()).await;
    assert_eq!(s, 200);
    assert!(list.contains("Letter of March"));
    let (s, html) = page(format!("/documentation/agreements/{a}?as_of=2014-01-10")).await;
    assert_eq!(s, 200);
    assert!(html.contains(r#"data-status="breached""#), "{html}");
    let (_, html) = page(format!("/documentation/commitments/{k}?as_of=2014-01-10")).await;
    assert!(html.contains(&format!(r#"href="/documentation/incidents/{inc}""#)));
    assert!(html.contains(r#"value="2014-01-10""#));
    let (_, before) = page(format!("/documentation/commitments/{k}?as_of=2013-06-01")).await;
    assert!(before.contains(r#"data-status="met""#));
    assert!(!before.contains(r#"data-status="breached""#));
    // A day that is not one is refused, not guessed.
    let r = b
        .get(&format!("/documentation/commitments/{k}?as_of=2013-02-30"))
        .await;
    assert_ne!(r.status().as_u16(), 200);
    assert_eq!(
        b.get("/documentation/commitments/999999").await.status(),
        404
    );
}

/// The demo's commitments, judged from its convoys, incidents and observations: what
/// stood on 1 September 2012, and the monitoring promise after 15 June 2014.
#[tokio::test]
async fn the_demo_judges_the_promises_of_2011_and_2012() {
    let t = support::sqlite().await;
    vigil::demo::load(&t.app).await.unwrap();
    let r = reader();
    let list = acts::list_agreements(&t.app, &r).await.unwrap();
    assert_eq!(list.len(), 7);
    let mut on_sept = std::collections::BTreeMap::new();
    for a in &list {
        let d = acts::get_agreement(&t.app, &r, a.row.agreement_id, day("2012-09-01"))
            .await
            .unwrap();
        for k in d.commitments {
            on_sept.insert(k.row.statement.clone(), k);
        }
    }
    let find = |s: &str| {
        on_sept
            .iter()
            .find(|(k, _)| k.contains(s))
            .map(|(_, v)| v.clone())
            .unwrap()
    };
    // Six generators agreed for the fourth group, two allowed.
    let g = find("six generators");
    assert_eq!(g.status.status, "partly_met");
    assert_eq!(g.status.share_permille, Some(333));
    assert_eq!(g.status.deciding[0].kind, "manifest");
    // The sunshade materials seized at the gate on 19 June 2012.
    let s = find("sunshades");
    assert_eq!(s.status.status, "breached");
    assert_eq!(s.status.deciding[0].kind, "incident");
    assert_eq!(find("water network").status.status, "breached");
    assert_eq!(find("Medical treatment").status.status, "breached");
    assert_eq!(find("police").status.status, "breached");
    // Vehicles per 400 residents: computed from each convoy's head count.
    let vehicles: Vec<_> = on_sept
        .values()
        .filter(|k| k.row.item == "Vehicles")
        .collect();
    assert!(!vehicles.is_empty());
    assert!(vehicles
        .iter()
        .all(|k| k.status.deciding.iter().all(|e| e.kind == "manifest")));
    // Monitoring: computed from the visits, a few hours three days a week: partly met,
    // with the share of the time promised that monitors were there.
    let m = find("round the clock");
    assert_eq!(m.status.status, "partly_met");
    assert!(m.status.deciding.iter().all(|e| e.kind == "visit"));
    let share = m.status.share_permille.unwrap();
    assert!(
        (60..=80).contains(&share),
        "12 of 168 hours a week: {share}"
    );
    let later = acts::get_commitment(&t.app, &r, m.row.commitment_id, day("2015-01-01"))
        .await
        .unwrap();
    let p = later.presence.unwrap();
    assert_eq!(p.longest_gaps[0].from, day("2014-06-13") + 14 * 3_600_000);
    assert!(
        p.unmonitored_incidents.len() >= 2,
        "the attacks of 2013 came while no monitor was there"
    );
    // The US pledge: one visit in the first six months of 30 days.
    let us = find("US diplomats");
    assert_eq!(us.status.status, "partly_met");
    assert_eq!(us.status.share_permille, Some(166));
    // The transit period the signed text dropped: missed, on the residents' account.
    let transit = find("within six months");
    assert_eq!(transit.status.status, "breached");
    assert_eq!(transit.status.deciding[0].kind, "observation");
    // The four-party agreement: kept until the rockets of February 2013.
    let four = find("safety and security");
    assert_eq!(four.status.status, "met");
    let after = acts::get_commitment(&t.app, &r, four.row.commitment_id, day("2013-03-01"))
        .await
        .unwrap();
    assert_eq!(after.summary.status.status, "breached");
    assert_eq!(after.summary.status.deciding[0].kind, "incident");
}

/// The documenter's forms: an agreement, a deadline commitment in it, and an
/// observation that breaches it; the page then says breached and links the
/// observation. A form with a bad field goes back and writes nothing.
#[tokio::test]
async fn the_documenter_records_through_the_forms() {
    use crate::support::{location, Browser, PASSWORD};
    let t = support::sqlite().await;
    t.user("doc", vigil::domain::Role::Documenter).await;
    org(&t, "Government of Iraq", "government", "GoI").await;
    org(&t, "Camp Observer", "media_outlet", "").await;
    let src = sources::create(
        &t.app,
        &documenter(),
        &source_input("Observer", "Camp Observer", "independent", "", "B"),
    )
    .await
    .unwrap();
    let base = t.serve().await;
    let b = Browser::new(&base);
    assert_eq!(b.login("doc", PASSWORD).await, 303);
    let r = b
        .submit(
            "/documentation/agreements",
            "/documentation/agreements",
            &[
                ("title", "Understanding on water"),
                ("agreement_kind", "understanding"),
                ("made_on", "2012-06-12"),
                ("parties", "GoI\nCamp Observer"),
                ("signatories", "A. Minister | GoI"),
                ("source", &src.to_string()),
            ],
        )
        .await;
    assert_eq!(r.status(), 303);
    let agreement = location(&r);
    assert!(agreement.starts_with("/documentation/agreements/"));
    let r = b
        .submit(
            &agreement,
            &format!("{agreement}/commitments"),
            &[
                ("statement", "Water connected"),
                ("owed_by", "Government of Iraq"),
                ("from", "2012-06-12"),
                ("term", "deadline"),
                ("due_on", "2012-07-20"),
            ],
        )
        .await;
    let commitment = location(&r);
    assert!(
        commitment.starts_with("/documentation/commitments/"),
        "{commitment}"
    );
    let r = b
        .submit(
            &commitment,
            &format!("{commitment}/observations"),
            &[
                ("observed_on", "2012-08-30"),
                ("outcome", "not_fulfilled"),
                ("source", &src.to_string()),
                ("note", "Still no water"),
            ],
        )
        .await;
    assert_eq!(r.status(), 303);
    let html = b
        .get(&format!("{commitment}?as_of=2012-09-01"))
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains(r#"data-status="breached""#));
    assert!(html.contains("#observation-"));
    assert!(html.contains("Still no water"));
    // Bad: no term fields. Back to the agreement, nothing added.
    let r = b
        .submit(
            &agreement,
            &format!("{agreement}/commitments"),
            &[
                ("statement", "Half"),
                ("owed_by", "GoI"),
                ("from", "2012-06-12"),
                ("term", "quantity"),
            ],
        )
        .await;
    assert_eq!(r.status(), 303);
    assert_eq!(location(&r), agreement);
    let id: i64 = agreement.rsplit('/').next().unwrap().parse().unwrap();
    let d = acts::get_agreement(&t.app, &reader(), id, day("2012-09-01"))
        .await
        .unwrap();
    assert_eq!(d.commitments.len(), 1);
    assert_eq!(d.signatories.len(), 1);
}

/// Monitoring visits feed a presence term: round-the-clock monitoring promised, two
/// visits of a few hours each recorded; the coverage, the longest gap, and the rocket
/// attack that fell in a gap.
#[tokio::test]
async fn visits_feed_presence_coverage_and_its_gaps() {
    use vigil::domain::commitment::input::{VisitInput, VisitText};
    for t in support::both().await {
        let cap = documenter();
        t.site_and_person("LIBERTY").await;
        org(&t, "UN Assistance Mission for Iraq", "un_body", "UNAMI").await;
        let a = acts::create_agreement(&t.app, &cap, &agreement("Letter", &["UNAMI"], None))
            .await
            .unwrap();
        let k = CommitmentInput::parse(&CommitmentText {
            statement: "Monitors present round the clock.",
            owed_by: "UNAMI",
            site: "LIBERTY",
            from: "2013-12-25",
            term: "presence",
            share_permille: "1000",
            ..CommitmentText::default()
        })
        .unwrap();
        let k = acts::add_commitment(&t.app, &cap, a, &k).await.unwrap();
        let visit = |arrival: &'static str, departure: &'static str| {
            VisitInput::parse(&VisitText {
                organisation: "UNAMI",
                site: "LIBERTY",
                arrival,
                departure,
                monitors: "2",
                ..VisitText::default()
            })
            .unwrap()
        };
        let v1 = acts::record_visit(&t.app, &cap, &visit("2013-12-25 00:00", "2013-12-25 06:00"))
            .await
            .unwrap();
        acts::record_visit(&t.app, &cap, &visit("2013-12-27 00:00", "2013-12-27 06:00"))
            .await
            .unwrap();
        // The incident helper's rocket attack: 26 December 2013, 05:30, at Liberty.
        let inc = incidents::create(&t.app, &cap, &incident_input("Rockets", "LIBERTY"))
            .await
            .unwrap();
        let d = acts::get_commitment(&t.app, &reader(), k, day("2013-12-27"))
            .await
            .unwrap();
        // 12 hours present of 72.
        assert_eq!(d.summary.status.status, "partly_met");
        assert_eq!(d.summary.status.share_permille, Some(166));
        let p = d.presence.unwrap();
        assert_eq!(p.present_ms, 12 * 3_600_000);
        assert_eq!(p.coverage_permille, 166);
        assert_eq!(p.longest_gaps[0].from, day("2013-12-25") + 6 * 3_600_000);
        assert_eq!(p.longest_gaps[0].until, day("2013-12-27"));
        assert_eq!(p.unmonitored_incidents, vec![inc]);
        assert_eq!(d.summary.status.deciding[0].kind, "visit");
        assert_eq!(d.summary.status.deciding[0].id, v1);
        // A departure before the arrival is refused, naming the field.
        let bad = VisitInput::parse(&VisitText {
            organisation: "UNAMI",
            site: "LIBERTY",
            arrival: "2013-12-27 06:00",
            departure: "2013-12-27 05:00",
            ..VisitText::default()
        });
        assert_eq!(bad.unwrap_err().field, "departure");
        assert_eq!(acts::list_visits(&t.app, &reader()).await.unwrap().len(), 2);
        assert_eq!(audit_count(&t, "visit").await, 2);

        // The page says the same in words, and links the unmonitored incident.
        t.user("ana", vigil::domain::Role::Analyst).await;
        let base = t.serve().await;
        let b = crate::support::Browser::new(&base);
        assert_eq!(b.login("ana", crate::support::PASSWORD).await, 303);
        let html = b
            .get(&format!("/documentation/commitments/{k}?as_of=2013-12-27"))
            .await
            .text()
            .await
            .unwrap()
            .replace(['\u{2068}', '\u{2069}'], "");
        assert!(html.contains("12 hours present of 72 hours"), "{html}");
        assert!(html.contains(&format!(r#"href="/documentation/incidents/{inc}""#)));
    }
}
