//! Incidents, sources and claims on SQLite and PostgreSQL: organisations found by any
//! spelling of their names, two sources that disagree kept side by side, the accepted
//! figure with its reason, corroboration computed from independent voices (and not
//! from two articles of one outlet), "corroborated" refused when typed, and bad input
//! that changes nothing. Also the objects the authorization matrix needs.

use vigil::actions::documentation::{self as doc, incidents, sources};
use vigil::actions::ActionError;
use vigil::auth::capability::{Cap, WriteDocumentation};
use vigil::auth::Actor;
use vigil::domain::incident::{
    ActInput, ActText, FigureInput, IncidentInput, IncidentText, PerpetratorInput,
    VerificationInput,
};
use vigil::domain::source::{ClaimInput, ClaimText, OrganisationInput, SourceInput, SourceText};
use vigil::domain::Role;

use crate::support::{self, TestApp};

pub fn documenter() -> Cap<WriteDocumentation> {
    Actor {
        user_id: 0,
        username: "test-documenter".into(),
        role: Role::Documenter,
    }
    .grant()
    .unwrap()
}

pub async fn org(t: &TestApp, name: &str, kind: &str, aliases: &str) -> i64 {
    let o = OrganisationInput::parse(name, kind, aliases).unwrap();
    doc::create_org(&t.app, &documenter(), &o).await.unwrap()
}

/// Two independent outlets, "Wire One" (grade B) and "Wire Two" (grade C), each with
/// a source: the ids of the sources "One" and "Two".
pub async fn two_wires(t: &TestApp) -> (i64, i64) {
    let cap = documenter();
    org(t, "Wire One", "media_outlet", "").await;
    org(t, "Wire Two", "media_outlet", "").await;
    let one = sources::create(
        &t.app,
        &cap,
        &source_input("One", "Wire One", "independent", "", "B"),
    )
    .await
    .unwrap();
    let two = sources::create(
        &t.app,
        &cap,
        &source_input("Two", "Wire Two", "independent", "", "C"),
    )
    .await
    .unwrap();
    (one, two)
}

pub fn source_input(
    title: &str,
    publisher: &str,
    affiliation: &str,
    aligned: &str,
    grade: &str,
) -> SourceInput {
    SourceInput::parse(&SourceText {
        kind: "article",
        title,
        publisher,
        affiliation,
        aligned_with: aligned,
        reliability: grade,
        reliability_reason: "graded for the test",
        published_on: "2013-12-27",
        language: "en",
        ..SourceText::default()
    })
    .unwrap()
}

pub fn incident_input(title: &str, site: &str) -> IncidentInput {
    IncidentInput::parse(&IncidentText {
        title,
        category: "rocket_attack",
        started: "2013-12-26 05:30",
        site,
        place: "North of the camp",
        ..IncidentText::default()
    })
    .unwrap()
}

pub fn claim(source: i64, values: &str, credibility: &str) -> ClaimInput {
    let source = source.to_string();
    ClaimInput::parse(&ClaimText {
        source: &source,
        values,
        credibility,
        locator: "para. 2",
        statement: "Rockets struck the camp before dawn.",
        ..ClaimText::default()
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

#[tokio::test]
async fn two_sources_that_disagree_stay_side_by_side() {
    for t in support::both().await {
        let cap = documenter();
        let (_site, person) = t.site_and_person("LIBERTY").await;
        let mut c = t.app.store.read().await.unwrap();
        let code = vigil::store::people::get(&mut c, person)
            .await
            .unwrap()
            .unwrap()
            .code;
        drop(c);
        let quds = org(&t, "Quds Force", "armed_group", "نیروی قدس").await;
        let outlet = org(&t, "Camp Observer", "media_outlet", "").await;
        let wire = org(&t, "Wire Service", "media_outlet", "").await;
        let state = org(&t, "State Broadcaster", "media_outlet", "").await;
        let gov = org(&t, "Hostile Government", "government", "").await;

        // The Persian spelling and a transliteration both find the same organisation.
        for q in ["Qods Force", "نیروی قدس", "quds"] {
            let found = doc::list_orgs(&t.app, &reader(), Some(q)).await.unwrap();
            assert_eq!(found.len(), 1, "{} {q}", t.backend);
            assert_eq!(found[0].row.organisation_id, quds);
        }

        let a = sources::create(
            &t.app,
            &cap,
            &source_input("Rockets hit camp", "Camp Observer", "independent", "", "B"),
        )
        .await
        .unwrap();
        let a2 = sources::create(
            &t.app,
            &cap,
            &source_input("Follow-up", "camp observer", "independent", "", "B"),
        )
        .await
        .unwrap();
        let b = sources::create(
            &t.app,
            &cap,
            &source_input("Attack report", "Wire Service", "independent", "", "C"),
        )
        .await
        .unwrap();
        let h = sources::create(
            &t.app,
            &cap,
            &source_input(
                "Nothing happened",
                "State Broadcaster",
                "aligned",
                "Hostile Government",
                "E",
            ),
        )
        .await
        .unwrap();
        let detail = sources::get(&t.app, &reader(), h).await.unwrap();
        assert_eq!(
            detail.source.aligned_with.as_deref(),
            Some("Hostile Government")
        );
        assert_eq!(detail.source.row.publisher_id, Some(state));
        assert_eq!(detail.source.row.aligned_with_id, Some(gov));

        let i = incidents::create(
            &t.app,
            &cap,
            &incident_input("Fourth rocket attack", "LIBERTY"),
        )
        .await
        .unwrap();
        let act = |person: &str, victims: &str, act: &str| {
            ActInput::parse(&ActText {
                act,
                person,
                victims,
                sex: "male",
                age_band: "18-59",
            })
            .unwrap()
        };
        incidents::add_act(&t.app, &cap, i, &act("", "3", "killed"))
            .await
            .unwrap();
        incidents::add_act(&t.app, &cap, i, &act(&code, "", "injured"))
            .await
            .unwrap();
        let by_alias = PerpetratorInput::parse("Qods Force", "command").unwrap();
        incidents::add_perpetrator(&t.app, &cap, i, &by_alias)
            .await
            .unwrap();

        // Two articles of one outlet: one voice, not corroborated.
        incidents::add_claim(&t.app, &cap, i, &claim(a, "killed = 4; injured = 70", "2"))
            .await
            .unwrap();
        incidents::add_claim(&t.app, &cap, i, &claim(a2, "killed = 4", "2"))
            .await
            .unwrap();
        let d = incidents::get(&t.app, &reader(), i).await.unwrap();
        assert_eq!(
            (d.corroboration.voices, d.status.as_str()),
            (1, "unverified"),
            "{}",
            t.backend
        );
        // The hostile side's claim is kept and shown, but cannot corroborate.
        incidents::add_claim(&t.app, &cap, i, &claim(h, "killed = 0", "5"))
            .await
            .unwrap();
        let d = incidents::get(&t.app, &reader(), i).await.unwrap();
        assert_eq!(d.status, "unverified");
        // A second, independent outlet: corroborated, computed.
        incidents::add_claim(&t.app, &cap, i, &claim(b, "killed = 3; injured = 70", "3"))
            .await
            .unwrap();
        let figure =
            FigureInput::parse("killed", "3", "The wire count names each of the dead").unwrap();
        incidents::set_figure(&t.app, &cap, i, &figure)
            .await
            .unwrap();

        let d = incidents::get(&t.app, &reader(), i).await.unwrap();
        assert_eq!(
            (d.corroboration.voices, d.status.as_str()),
            (2, "corroborated")
        );
        assert_eq!(d.claims.len(), 4);
        assert_eq!(d.site.as_deref(), Some("LIBERTY"));
        let killed = d
            .corroboration
            .figures
            .iter()
            .find(|f| f.measure == "killed")
            .unwrap();
        assert_eq!((killed.low, killed.high), (0, 4));
        let values: Vec<(i64, usize, bool)> = killed
            .values
            .iter()
            .map(|v| (v.value, v.voices, v.corroborated))
            .collect();
        assert_eq!(values, vec![(0, 0, false), (3, 1, false), (4, 1, false)]);
        let injured = d
            .corroboration
            .figures
            .iter()
            .find(|f| f.measure == "injured")
            .unwrap();
        assert!(injured
            .values
            .iter()
            .any(|v| v.value == 70 && v.corroborated));
        assert_eq!(d.accepted.len(), 1);
        assert_eq!(
            (d.accepted[0].value, d.accepted[0].set_by.as_str()),
            (3, "test-documenter")
        );
        assert_eq!(d.perpetrators[0].organisation_id, quds);
        assert_eq!(d.perpetrators[0].involvement, "command");
        assert_eq!(d.acts[1].person_code.as_deref(), Some(code.as_str()));
        let hostile = d
            .claims
            .iter()
            .find(|c| c.source.row.source_id == h)
            .unwrap();
        assert_eq!(
            (
                hostile.source.row.reliability.as_str(),
                hostile.claim.row.credibility
            ),
            ("E", 5)
        );

        // A documenter's "verified" stands, with who and why; the list agrees.
        let v = VerificationInput::parse("verified", "UN monitors visited the site").unwrap();
        incidents::set_verification(&t.app, &cap, i, &v)
            .await
            .unwrap();
        let list = incidents::list(&t.app, &reader()).await.unwrap();
        assert_eq!(list.len(), 1);
        assert_eq!(
            (list[0].status.as_str(), list[0].claims, list[0].voices),
            ("verified", 4, 2)
        );
        assert_eq!(
            list[0].row.verification_by.as_deref(),
            Some("test-documenter")
        );
        let o = doc::get_org(&t.app, &reader(), quds).await.unwrap();
        assert_eq!(o.incidents.len(), 1);
        assert_eq!(
            o.org.aliases,
            vec!["Quds Force".to_string(), "نیروی قدس".to_string()]
        );

        // Every change is in the audit trail.
        assert_eq!(audit_count(&t, "organisation").await, 5);
        assert_eq!(audit_count(&t, "source").await, 4);
        assert_eq!(audit_count(&t, "incident").await, 10);

        // Bad references are named and change nothing.
        let before = audit_count(&t, "incident").await;
        let unknown = PerpetratorInput::parse("Nobody At All", "direct").unwrap();
        let e = incidents::add_perpetrator(&t.app, &cap, i, &unknown)
            .await
            .unwrap_err();
        assert!(
            matches!(e, ActionError::Invalid(ref i) if i.field == "organisation"),
            "{e}"
        );
        let e = incidents::add_claim(&t.app, &cap, i, &claim(999_999, "killed = 1", "2"))
            .await
            .unwrap_err();
        assert!(
            matches!(e, ActionError::Invalid(ref i) if i.field == "source"),
            "{e}"
        );
        let e = incidents::add_act(&t.app, &cap, i, &act("VG-0000-00", "", "killed")).await;
        assert!(e.is_err());
        let e = sources::create(
            &t.app,
            &cap,
            &source_input("x", "Unknown Outlet", "independent", "", "B"),
        )
        .await;
        assert!(matches!(e, Err(ActionError::Invalid(ref i)) if i.field == "publisher"));
        let e = incidents::get(&t.app, &reader(), 999_999).await;
        assert!(matches!(e, Err(ActionError::NotFound)));
        assert_eq!(audit_count(&t, "incident").await, before);
        assert_eq!(
            incidents::get(&t.app, &reader(), i)
                .await
                .unwrap()
                .claims
                .len(),
            4
        );
        let _ = (outlet, wire);
    }
}

pub fn reader() -> Cap<vigil::auth::capability::ReadRecord> {
    Actor {
        user_id: 0,
        username: "test-analyst".into(),
        role: Role::Analyst,
    }
    .grant()
    .unwrap()
}

/// What the authorization matrix needs: an organisation, a source and an incident.
pub struct MatrixObjects {
    pub org: i64,
    pub source: i64,
    pub incident: i64,
    /// Retraction is once: an incident, a claim and a source for each surface.
    pub retract_ui: i64,
    pub retract_api: i64,
    pub claim_ui: i64,
    pub claim_api: i64,
    pub source_retract_ui: i64,
    pub source_retract_api: i64,
}

pub async fn matrix_objects(t: &TestApp) -> MatrixObjects {
    let cap = documenter();
    let o = org(t, "Matrix Outlet", "media_outlet", "").await;
    org(t, "Matrix Party", "armed_group", "").await;
    let source = sources::create(
        &t.app,
        &cap,
        &source_input("Matrix", "Matrix Outlet", "independent", "", "B"),
    )
    .await
    .unwrap();
    // The matrix's forms name this source by id: the first of a fresh database.
    assert_eq!(source, 1);
    let incident = incidents::create(&t.app, &cap, &incident_input("Matrix incident", ""))
        .await
        .unwrap();
    let mut ids = Vec::new();
    for title in ["Matrix retract ui", "Matrix retract api"] {
        ids.push(
            incidents::create(&t.app, &cap, &incident_input(title, ""))
                .await
                .unwrap(),
        );
    }
    let mut claims = Vec::new();
    for _ in 0..2 {
        let claim = ClaimInput::parse(&ClaimText {
            source: "1",
            values: "killed = 1",
            credibility: "3",
            ..ClaimText::default()
        })
        .unwrap();
        claims.push(
            incidents::add_claim(&t.app, &cap, incident, &claim)
                .await
                .unwrap(),
        );
    }
    let mut retractable = Vec::new();
    for title in ["Matrix retract ui", "Matrix retract api"] {
        retractable.push(
            sources::create(
                &t.app,
                &cap,
                &source_input(title, "Matrix Outlet", "independent", "", "C"),
            )
            .await
            .unwrap(),
        );
    }
    MatrixObjects {
        org: o,
        source,
        incident,
        retract_ui: ids[0],
        retract_api: ids[1],
        claim_ui: claims[0],
        claim_api: claims[1],
        source_retract_ui: retractable[0],
        source_retract_api: retractable[1],
    }
}

/// The demo's documentation: every incident recorded, the April 2011 raid with the
/// seeds' one toll and the sources' differing dates, the September 2013 attack with no
/// toll (the seeds give none), and the hostile side's claims kept, graded.
#[tokio::test]
async fn the_demo_documents_the_story() {
    let t = support::sqlite().await;
    vigil::demo::load(&t.app).await.unwrap();
    let list = incidents::list(&t.app, &reader()).await.unwrap();
    assert_eq!(list.len(), 11);
    let april = list
        .iter()
        .find(|i| i.row.start_precision == "day" && i.row.title == "Raid on Camp Ashraf")
        .unwrap();
    let d = incidents::get(&t.app, &reader(), april.row.incident_id)
        .await
        .unwrap();
    let killed = d
        .corroboration
        .figures
        .iter()
        .find(|f| f.measure == "killed")
        .unwrap();
    // The seeds' one toll, from one press report: kept, accepted, not corroborated.
    let values: Vec<i64> = killed.values.iter().map(|v| v.value).collect();
    assert_eq!(values, vec![35]);
    assert!(!killed.values[0].corroborated);
    assert_eq!(d.accepted[0].value, 35);
    assert!(d.accepted[0].reason.contains("one voice"));
    // The sources' dates disagree (May in the press report, April for the residents'
    // advocates): both statements stay side by side.
    let said: Vec<&str> = d
        .claims
        .iter()
        .map(|c| c.claim.row.statement.as_str())
        .collect();
    assert!(said.iter().any(|s| s.contains("May")), "{said:?}");
    assert!(said.iter().any(|s| s.contains("April 2011")), "{said:?}");
    // September 2013: the seeds give no toll, so the record has none.
    let september = list
        .iter()
        .find(|i| i.row.title == "Attack on Camp Ashraf")
        .unwrap();
    let d = incidents::get(&t.app, &reader(), september.row.incident_id)
        .await
        .unwrap();
    assert!(d.corroboration.figures.is_empty() && d.accepted.is_empty());
    assert_eq!(september.status, "unverified");
    // The hostile side's claims are kept, graded.
    let hostile = list
        .iter()
        .find(|i| i.row.title == "Threats against Albania for taking residents")
        .unwrap();
    let d = incidents::get(&t.app, &reader(), hostile.row.incident_id)
        .await
        .unwrap();
    let e = d
        .claims
        .iter()
        .find(|c| c.source.row.reliability == "E")
        .unwrap();
    assert_eq!(e.claim.row.credibility, 6);
    // Month precision where the seeds say only the month.
    let july = list
        .iter()
        .find(|i| i.row.start_precision == "month" && i.row.category == "armed_assault");
    assert!(july.is_some());
    let quds = doc::list_orgs(&t.app, &reader(), Some("Qods Force"))
        .await
        .unwrap();
    assert_eq!(quds.len(), 1);
    let fourth = list
        .iter()
        .find(|i| i.row.title.starts_with("Fourth"))
        .unwrap();
    let d = incidents::get(&t.app, &reader(), fourth.row.incident_id)
        .await
        .unwrap();
    assert_eq!(
        d.perpetrators[0].organisation_id,
        quds[0].row.organisation_id
    );
}
