//! Correcting the documentation on SQLite and PostgreSQL: the facts stored on an
//! incident (period, computed verification, best grade) follow every claim, source,
//! grade and edit in the same transaction, so the timeline's SQL filters agree with the
//! incident's page; retraction keeps the entry with who, when and why and takes it out
//! of everything that counts; every change leaves its audit entry; bad input changes
//! nothing. Also: the incident exports carry no personal data (canary values of a
//! registered victim never appear in any of the four shapes).

use vigil::actions::documentation::{self as doc, corrections, incidents, sources};
use vigil::actions::ActionError;
use vigil::domain::incident::retraction::Retraction;
use vigil::domain::incident::{ActInput, ActText, IncidentInput, IncidentText};
use vigil::domain::source::{ClaimInput, ClaimText, OrganisationInput};

use crate::incidents::{claim, documenter, incident_input, org, reader, source_input, two_wires};
use crate::matching::{register, site, trail};
use crate::support;

fn keep(verification: &str) -> incidents::Filter {
    incidents::Filter {
        verification: Some(verification.into()),
        ..incidents::Filter::default()
    }
}

async fn counted(t: &support::TestApp, f: &incidents::Filter) -> i64 {
    incidents::timeline(&t.app, &reader(), f)
        .await
        .unwrap()
        .total
}

fn why(s: &str) -> Retraction {
    Retraction::parse(s).unwrap()
}

#[tokio::test]
async fn corrections_keep_the_stored_facts_true_and_the_history_whole() {
    for t in support::both().await {
        let b = t.backend;
        let cap = documenter();
        let (one, two) = two_wires(&t).await;
        let id = incidents::create(&t.app, &cap, &incident_input("Rockets", ""))
            .await
            .unwrap();
        let first = incidents::add_claim(&t.app, &cap, id, &claim(one, "killed = 2", "2"))
            .await
            .unwrap();
        incidents::add_claim(&t.app, &cap, id, &claim(two, "killed = 3", "3"))
            .await
            .unwrap();
        let row = incidents::get(&t.app, &reader(), id)
            .await
            .unwrap()
            .incident;
        assert_eq!(
            (
                row.period.as_str(),
                row.status.as_str(),
                row.best_grade.as_deref(),
                row.voices,
                row.claim_count
            ),
            ("2013-12", "corroborated", Some("B"), 2, 2),
            "{b}"
        );
        assert_eq!(counted(&t, &keep("corroborated")).await, 1, "{b}");
        let graded = incidents::Filter {
            grade: Some("b".into()),
            ..incidents::Filter::default()
        };
        assert_eq!(
            counted(&t, &graded).await,
            1,
            "{b}: grade B or better, any case"
        );

        // A claim retracted: one voice left, no longer corroborated; the claim stays.
        let bad = corrections::retract_claim(&t.app, &cap, first, &why("misquoted")).await;
        assert_eq!(bad.unwrap(), (Some(id), one), "{b}");
        let d = incidents::get(&t.app, &reader(), id).await.unwrap();
        assert_eq!(
            (d.status.as_str(), d.incident.status.as_str()),
            ("unverified", "unverified"),
            "{b}"
        );
        assert_eq!(d.claims.len(), 2, "{b}: the retracted claim is still shown");
        let gone = d
            .claims
            .iter()
            .find(|c| c.claim.row.claim_id == first)
            .unwrap();
        assert_eq!(gone.claim.row.retraction_reason, "misquoted", "{b}");
        assert_eq!(d.incident.best_grade.as_deref(), Some("C"), "{b}");
        assert_eq!(counted(&t, &keep("corroborated")).await, 0, "{b}");
        assert_eq!(counted(&t, &graded).await, 0, "{b}");
        let again = corrections::retract_claim(&t.app, &cap, first, &why("twice")).await;
        assert!(
            matches!(again, Err(ActionError::Invalid(ref i)) if i.field == "claim"),
            "{b}"
        );

        // The source regraded: the incident's best grade follows, in the same change.
        let regraded = source_input("Two", "Wire Two", "independent", "", "A");
        assert_eq!(
            corrections::edit_source(&t.app, &cap, two, &regraded)
                .await
                .unwrap(),
            1,
            "{b}"
        );
        let row = incidents::get(&t.app, &reader(), id)
            .await
            .unwrap()
            .incident;
        assert_eq!(row.best_grade.as_deref(), Some("A"), "{b}");
        assert_eq!(trail(&t, "source.edit").await.len(), 1, "{b}");
        let src = sources::get(&t.app, &reader(), two).await.unwrap();
        let was: serde_json::Value = serde_json::from_str(&src.revisions[0].before).unwrap();
        assert_eq!(was["reliability"], "C", "{b}: the earlier version is kept");
        assert_eq!(src.source.row.reliability, "A", "{b}");

        // The incident edited to another month: the timeline moves it.
        let moved = IncidentInput::parse(&IncidentText {
            title: "Rockets on Liberty",
            category: "rocket_attack",
            started: "2013-11",
            ..IncidentText::default()
        })
        .unwrap();
        corrections::edit_incident(&t.app, &cap, id, &moved)
            .await
            .unwrap();
        let t1 = incidents::timeline(&t.app, &reader(), &incidents::Filter::default())
            .await
            .unwrap();
        let keys: Vec<String> = t1.rows.iter().map(|r| r.period.key()).collect();
        assert_eq!(keys, vec!["2013-11"], "{b}");
        assert_eq!(trail(&t, "incident.edit").await.len(), 1, "{b}");
        let d = incidents::get(&t.app, &reader(), id).await.unwrap();
        let was: serde_json::Value = serde_json::from_str(&d.revisions[0].before).unwrap();
        assert_eq!(was["title"], "Rockets", "{b}");
        assert_eq!(d.revisions[0].revised_by, "test-documenter", "{b}");

        // Bad input writes nothing: an empty reason, an unknown site.
        assert!(Retraction::parse(" ").is_err());
        let nowhere = IncidentInput::parse(&IncidentText {
            title: "X",
            category: "threat",
            started: "2014",
            site: "NOWHERE",
            ..IncidentText::default()
        })
        .unwrap();
        let r = corrections::edit_incident(&t.app, &cap, id, &nowhere).await;
        assert!(
            matches!(r, Err(ActionError::Invalid(ref i)) if i.field == "site"),
            "{b}"
        );
        let row = incidents::get(&t.app, &reader(), id)
            .await
            .unwrap()
            .incident;
        assert_eq!(row.title, "Rockets on Liberty", "{b}");

        // The source retracted: its claims stop counting; the incident is recomputed.
        assert_eq!(
            corrections::retract_source(&t.app, &cap, two, &why("fabricated"))
                .await
                .unwrap(),
            1,
            "{b}"
        );
        let row = incidents::get(&t.app, &reader(), id)
            .await
            .unwrap()
            .incident;
        assert_eq!(
            (row.claim_count, row.best_grade),
            (1, None),
            "{b}: the claim of source one was retracted, two's source too"
        );
        let src = sources::get(&t.app, &reader(), two).await.unwrap();
        assert_eq!(src.source.row.retraction_reason, "fabricated", "{b}");
        let from_retracted =
            incidents::add_claim(&t.app, &cap, id, &claim(two, "killed = 1", "2")).await;
        assert!(
            matches!(from_retracted, Err(ActionError::Invalid(ref i)) if i.field == "source"),
            "{b}: a retracted source makes no new claims"
        );

        // The incident retracted: gone from the list, the timeline and the search, kept
        // on its page, and closed to changes.
        corrections::retract_incident(&t.app, &cap, id, &why("a duplicate of another entry"))
            .await
            .unwrap();
        assert!(
            incidents::list(&t.app, &reader()).await.unwrap().is_empty(),
            "{b}"
        );
        assert_eq!(counted(&t, &incidents::Filter::default()).await, 0, "{b}");
        let d = incidents::get(&t.app, &reader(), id).await.unwrap();
        assert_eq!(
            d.incident.retracted_by.as_deref(),
            Some("test-documenter"),
            "{b}"
        );
        let late = incidents::add_claim(&t.app, &cap, id, &claim(one, "killed = 9", "2")).await;
        assert!(
            matches!(late, Err(ActionError::Invalid(ref i)) if i.field == "incident"),
            "{b}"
        );
        for action in ["claim.retract", "source.retract", "incident.retract"] {
            assert_eq!(
                trail(&t, action).await.len(),
                1,
                "{b}: {action} audited once"
            );
        }
        assert_eq!(
            d.incident.retraction_reason, "a duplicate of another entry",
            "{b}"
        );
        let found = doc::search::search(
            &t.app,
            &reader(),
            &vigil::domain::search::Query::parse("Liberty", "", "", "", "", "", "", "").unwrap(),
        )
        .await
        .unwrap();
        assert!(
            found.iter().all(|h| h.doc_type != "incident"),
            "{b}: retracted, not found"
        );
        // Nothing to retract: 404.
        let none = corrections::retract_incident(&t.app, &cap, 999_999, &why("x")).await;
        assert!(matches!(none, Err(ActionError::NotFound)), "{b}");
    }
}

#[tokio::test]
async fn an_organisation_is_corrected_never_deleted() {
    for t in support::both().await {
        let b = t.backend;
        let cap = documenter();
        let quds = org(&t, "Qods Force", "armed_group", "Quds Force").await;
        org(&t, "MOIS", "government", "").await;
        let input =
            OrganisationInput::parse("Quds Force", "armed_group", "نیروی قدس\nQods Force").unwrap();
        corrections::edit_org(&t.app, &cap, quds, &input)
            .await
            .unwrap();
        let o = doc::get_org(&t.app, &reader(), quds).await.unwrap();
        assert_eq!(o.org.row.name, "Quds Force", "{b}");
        let mut names = o.org.aliases.clone();
        names.sort();
        assert_eq!(names, vec!["Qods Force", "Quds Force", "نیروی قدس"], "{b}");
        // Dropping a spelling removes it; a spelling another organisation answers to is
        // refused and nothing changes.
        let fewer = OrganisationInput::parse("Quds Force", "armed_group", "").unwrap();
        corrections::edit_org(&t.app, &cap, quds, &fewer)
            .await
            .unwrap();
        assert_eq!(
            doc::get_org(&t.app, &reader(), quds)
                .await
                .unwrap()
                .org
                .aliases,
            vec!["Quds Force"],
            "{b}"
        );
        let taken = OrganisationInput::parse("Quds Force", "armed_group", "MOIS").unwrap();
        let r = corrections::edit_org(&t.app, &cap, quds, &taken).await;
        assert!(
            matches!(r, Err(ActionError::Invalid(ref i)) if i.field == "aliases"),
            "{b}"
        );
        assert_eq!(
            doc::get_org(&t.app, &reader(), quds)
                .await
                .unwrap()
                .org
                .aliases,
            vec!["Quds Force"],
            "{b}"
        );
        assert_eq!(trail(&t, "organisation.edit").await.len(), 2, "{b}");
        let revisions = doc::get_org(&t.app, &reader(), quds)
            .await
            .unwrap()
            .revisions;
        assert_eq!(
            revisions.len(),
            2,
            "{b}: the refused change left no version"
        );
        let first: serde_json::Value = serde_json::from_str(&revisions[1].before).unwrap();
        assert_eq!(first["name"], "Qods Force", "{b}");
    }
}

/// Rows written before the facts existed (or loaded raw) are computed when the store
/// opens: the same answer the actions store.
#[tokio::test]
async fn stale_facts_are_computed_the_same_way() {
    for t in support::both().await {
        let b = t.backend;
        let cap = documenter();
        let (one, two) = two_wires(&t).await;
        let id = incidents::create(&t.app, &cap, &incident_input("Rockets", ""))
            .await
            .unwrap();
        incidents::add_claim(&t.app, &cap, id, &claim(one, "killed = 2", "2"))
            .await
            .unwrap();
        incidents::add_claim(&t.app, &cap, id, &claim(two, "killed = 2", "2"))
            .await
            .unwrap();
        let before = incidents::get(&t.app, &reader(), id)
            .await
            .unwrap()
            .incident;
        let mut tx = t.app.store.write().await.unwrap();
        sqlx::query("update incidents set period = '', status = 'unverified', best_grade = null, voices = 0, claim_count = 0, derived_at = null")
            .execute(&mut *tx)
            .await
            .unwrap();
        let n = vigil::store::incident_facts::refresh_stale(&mut tx, 1)
            .await
            .unwrap();
        tx.commit().await.unwrap();
        assert_eq!(n, 1, "{b}");
        let after = incidents::get(&t.app, &reader(), id)
            .await
            .unwrap()
            .incident;
        assert_eq!(
            (
                after.period,
                after.status,
                after.best_grade,
                after.voices,
                after.claim_count
            ),
            (
                before.period,
                before.status,
                before.best_grade,
                before.voices,
                before.claim_count
            ),
            "{b}"
        );
    }
}

/// The incident exports name no one: a registered victim and a claim about a
/// registered person, both with canary values, leave no trace of those values, of the
/// person's code or of the person's id in any shape.
#[tokio::test]
async fn incident_exports_carry_no_personal_data() {
    let t = support::sqlite().await;
    let cap = documenter();
    let camp = site(&t, "CAMP").await;
    let canaries = [
        ("name_latin", "Canaryexport Zeqlovbi"),
        ("name_original", "کناریصادرات زقلوبی"),
        ("birth_date", "1971-03-17"),
        ("document", "CANARY-DOC-77Q"),
        ("phone", "+9647001239876"),
    ];
    let victim = register(&t, Some(camp), &canaries).await;
    org(&t, "Wire One", "media_outlet", "").await;
    let one = sources::create(
        &t.app,
        &cap,
        &source_input("One", "Wire One", "independent", "", "B"),
    )
    .await
    .unwrap();
    let id = incidents::create(&t.app, &cap, &incident_input("Rockets", "CAMP"))
        .await
        .unwrap();
    let act = ActInput::parse(&ActText {
        act: "injured",
        person: &victim.code,
        sex: "female",
        ..ActText::default()
    })
    .unwrap();
    incidents::add_act(&t.app, &cap, id, &act).await.unwrap();
    let source = one.to_string();
    let about = ClaimInput::parse(&ClaimText {
        source: &source,
        about: "person",
        person: &victim.code,
        values: "injured = 1",
        credibility: "2",
        ..ClaimText::default()
    })
    .unwrap();
    incidents::add_claim(&t.app, &cap, id, &about)
        .await
        .unwrap();
    // The page does show the victim's code to readers of the record (by code only).
    let d = incidents::get(&t.app, &reader(), id).await.unwrap();
    assert_eq!(d.acts[0].person_code.as_deref(), Some(victim.code.as_str()));
    for format in ["acled", "xlsx", "events", "geojson"] {
        let q = doc::export::ExportQuery {
            format: Some(format.into()),
            ..Default::default()
        };
        let (_, _, body) = doc::export::file(&t.app, &reader(), &q).await.unwrap();
        let text = if format == "xlsx" {
            let sheet = vigil::io::table::read_table(&body, "x.xlsx").unwrap();
            let mut all = sheet.headers.join(",");
            for r in &sheet.rows {
                all.push_str(&r.cells().collect::<Vec<_>>().join(","));
            }
            all
        } else {
            String::from_utf8(body).unwrap()
        };
        assert!(
            text.contains("Rockets") || format == "geojson",
            "{format}: the incident is there"
        );
        for (field, value) in canaries
            .iter()
            .chain([("code", victim.code.as_str())].iter())
        {
            assert!(
                !text.contains(value),
                "{format}: the victim's {field} leaked"
            );
        }
        if format == "events" {
            let v: serde_json::Value = serde_json::from_str(&text).unwrap();
            let mut keys = Vec::new();
            keys_of(&v, &mut keys);
            assert!(!keys.is_empty());
            for k in ["person", "person_id", "person_code", "code", "name"] {
                assert!(!keys.contains(&k.to_string()), "events: a {k} field");
            }
        }
    }
}

/// Every object key anywhere in `v`.
fn keys_of(v: &serde_json::Value, out: &mut Vec<String>) {
    match v {
        serde_json::Value::Object(m) => {
            for (k, v) in m {
                out.push(k.clone());
                keys_of(v, out);
            }
        }
        serde_json::Value::Array(a) => a.iter().for_each(|v| keys_of(v, out)),
        _ => {}
    }
}
