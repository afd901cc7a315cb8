//! Convoys, on SQLite and PostgreSQL: listing households (and people only by an
//! explicit split), manifest shortfalls, completion that moves everyone in one audited
//! transaction and records who did not arrive, the refusals (blocked, completed twice),
//! and bad input that changes nothing and names its field. Also the objects the
//! authorization matrix needs.

use std::collections::HashMap;

use vigil::actions::registry::convoys::{self, complete, manifest, members};
use vigil::actions::registry::people::{self, Placement, Scope};
use vigil::actions::registry::sites;
use vigil::actions::ActionError;
use vigil::domain::convoy::{
    CompleteInput, CompleteText, ConvoyInput, ConvoyText, LineText, ManifestLineInput,
};
use vigil::domain::person::{PersonCode, PersonInput};
use vigil::domain::site::SiteInput;

use crate::support::{self, TestApp};

pub async fn site(t: &TestApp, code: &str) -> i64 {
    let s = SiteInput::parse(code, code, "", "", "camp", "IRQ", "", "", "").unwrap();
    sites::create(&t.app, &t.registrar(), s).await.unwrap()
}

/// Registers someone at `site`, in a new household or in `household`: (id, code, household).
pub async fn person(t: &TestApp, site: i64, household: Option<i64>) -> (i64, String, i64) {
    let fields: HashMap<&str, &str> = [("name_latin", "Convoy Traveller"), ("sex", "female")]
        .into_iter()
        .collect();
    let input = PersonInput::from_fields(&fields, 2026).unwrap();
    let place = Placement {
        site_id: Some(site),
        household_id: household,
        new_household: household.is_none(),
        effective_at: vigil::clock::parse_day("2011-01-01"),
        ..Placement::default()
    };
    let r = people::register(&t.app, &t.registrar(), &input, &place)
        .await
        .unwrap();
    (r.person_id, r.code, r.household_id.unwrap())
}

fn convoy_input(seq: &str, status: &str) -> ConvoyInput {
    ConvoyInput::parse(&ConvoyText {
        seq,
        origin: "ORIG",
        destination: "DEST",
        planned_on: "2012-02-01",
        departed_on: "2012-02-17",
        arrived_on: "",
        status,
    })
    .unwrap()
}

fn line(item: &str, agreed: &str, allowed: &str, moved: &str) -> ManifestLineInput {
    ManifestLineInput::parse(&LineText {
        item,
        unit: "units",
        agreed,
        allowed,
        moved,
        agreed_source: "Letter of 15 February 2012",
        allowed_source: "Residents' representatives, convoy report",
        moved_source: "",
    })
    .unwrap()
}

fn code(s: &str) -> PersonCode {
    PersonCode::parse(s).unwrap()
}

fn field(e: ActionError) -> &'static str {
    match e {
        ActionError::Invalid(i) => i.field,
        other => panic!("expected invalid input, got {other:?}"),
    }
}

/// A fingerprint of everything a convoy action may change.
async fn state(t: &TestApp, convoy: i64) -> String {
    let mut c = t.app.store.read().await.unwrap();
    let (audit_seq, _) = vigil::store::audit::head(&mut c).await.unwrap();
    let convoy = vigil::store::convoys::get(&mut c, convoy).await.unwrap();
    let people: Vec<(i64, Option<i64>, String)> =
        sqlx::query_as("select person_id, site_id, status from people order by person_id")
            .fetch_all(&mut *c)
            .await
            .unwrap();
    let history: i64 = sqlx::query_scalar("select count(*) from person_history")
        .fetch_one(&mut *c)
        .await
        .unwrap();
    let listed: Vec<(i64, i64, String)> =
        sqlx::query_as("select convoy_id, person_id, outcome from convoy_people order by 1, 2")
            .fetch_all(&mut *c)
            .await
            .unwrap();
    format!("{audit_seq} {convoy:?} {people:?} {history} {listed:?}")
}

#[tokio::test]
async fn convoy_story_on_both_backends() {
    for t in support::both().await {
        story(&t).await;
    }
}

async fn story(t: &TestApp) {
    let b = t.backend;
    let app = &t.app;
    let reg = t.registrar();
    let read = vigil::auth::Actor {
        user_id: 0,
        username: "reader".into(),
        role: vigil::domain::Role::Analyst,
    }
    .grant()
    .unwrap();
    let orig = site(t, "ORIG").await;
    let dest = site(t, "DEST").await;
    // A household of three, one of two, and two people on their own.
    let (h1a, h1a_code, h1) = person(t, orig, None).await;
    let (h1b, h1b_code, _) = person(t, orig, Some(h1)).await;
    let (h1c, _, _) = person(t, orig, Some(h1)).await;
    let (h2a, h2a_code, h2) = person(t, orig, None).await;
    let (h2b, _, _) = person(t, orig, Some(h2)).await;
    let (s1, s1_code, _) = person(t, orig, None).await;
    let (_, s2_code, _) = person(t, orig, None).await;

    // Creating: bad input names its field and writes nothing.
    let id = convoys::create(app, &reg, &convoy_input("4", "planned"))
        .await
        .unwrap();
    let before = state(t, id).await;
    let dup = convoys::create(app, &reg, &convoy_input("4", "planned")).await;
    assert!(matches!(dup, Err(ActionError::Conflict(_))), "{b}: {dup:?}");
    let mut unknown = convoy_input("9", "planned");
    unknown.destination = vigil::domain::site::SiteCode::parse("NOWHERE").unwrap();
    assert_eq!(
        field(convoys::create(app, &reg, &unknown).await.unwrap_err()),
        "destination"
    );
    assert_eq!(state(t, id).await, before, "{b}: refused creations wrote");

    // Households travel whole; one person alone only by an explicit split.
    let added = members::add(app, &reg, id, &code(&h1b_code), Scope::Household)
        .await
        .unwrap();
    assert_eq!(added.len(), 3, "{b}: the whole household is listed");
    let before = state(t, id).await;
    let e = members::add(app, &reg, id, &code(&h2a_code), Scope::Person).await;
    assert_eq!(field(e.unwrap_err()), "scope", "{b}");
    let e = members::add(app, &reg, id, &code("VG-0000-00"), Scope::Household).await;
    assert_eq!(field(e.unwrap_err()), "code", "{b}");
    let e = members::remove(app, &reg, id, &code(&h1a_code), Scope::Person).await;
    assert_eq!(
        field(e.unwrap_err()),
        "scope",
        "{b}: removing one would split"
    );
    assert_eq!(state(t, id).await, before, "{b}: refused changes wrote");
    let added = members::add(
        app,
        &reg,
        id,
        &code(&h2a_code),
        Scope::PersonSplittingHousehold,
    )
    .await
    .unwrap();
    assert_eq!(added, vec![h2a_code.clone()], "{b}");
    members::add(app, &reg, id, &code(&s1_code), Scope::Household)
        .await
        .unwrap();
    // Nobody is on two convoys that have not arrived.
    let other = convoys::create(app, &reg, &convoy_input("5", "planned"))
        .await
        .unwrap();
    let e = members::add(app, &reg, other, &code(&s1_code), Scope::Household).await;
    assert_eq!(field(e.unwrap_err()), "code", "{b}");
    members::add(app, &reg, other, &code(&s2_code), Scope::Household)
        .await
        .unwrap();
    let removed = members::remove(app, &reg, other, &code(&s2_code), Scope::Household)
        .await
        .unwrap();
    assert_eq!(removed, vec![s2_code.clone()], "{b}");

    // The manifest, with the lines that fall short of what was agreed.
    manifest::add(app, &reg, id, &line("Generators", "6", "2", "2"))
        .await
        .unwrap();
    let trucks = manifest::add(app, &reg, id, &line("Utility trucks", "6", "6", ""))
        .await
        .unwrap();
    manifest::add(app, &reg, id, &line("Water tanks", "4", "4", "4"))
        .await
        .unwrap();
    manifest::update(app, &reg, trucks, &line("Utility trucks", "6", "0", "0"))
        .await
        .unwrap();
    let gone = manifest::add(app, &reg, id, &line("Typo", "1", "", ""))
        .await
        .unwrap();
    manifest::remove(app, &reg, gone).await.unwrap();
    let bad = ManifestLineInput::parse(&LineText {
        agreed: "1",
        ..LineText::default()
    });
    assert_eq!(bad.unwrap_err().field, "item");
    let d = convoys::get(app, &read, id).await.unwrap();
    assert_eq!(
        (d.origin.as_str(), d.destination.as_str()),
        ("ORIG", "DEST")
    );
    assert_eq!(d.head_count.listed, 5, "{b}");
    let short: Vec<(&str, Option<i64>, Option<i64>)> = d
        .manifest
        .iter()
        .map(|l| (l.line.item.as_str(), l.allowed_short, l.moved_short))
        .collect();
    assert_eq!(
        short,
        vec![
            ("Generators", Some(4), Some(4)),
            ("Utility trucks", Some(6), Some(6)),
            ("Water tanks", None, None)
        ],
        "{b}"
    );
    let total = d.totals.first().unwrap();
    assert_eq!(
        (
            total.lines,
            total.agreed,
            total.allowed,
            total.moved,
            total.short
        ),
        (3, 16, 6, 6, 2)
    );
    let listed = convoys::list(app, &read).await.unwrap();
    let row = listed
        .iter()
        .find(|c| c.row.convoy.convoy_id == id)
        .unwrap();
    assert_eq!((row.row.people, row.row.shortfalls), (5, 2), "{b}");

    // A blocked convoy cannot complete.
    convoys::update(app, &reg, id, &convoy_input("4", "blocked"))
        .await
        .unwrap();
    let arrive = |left: &str, arrived: &str, missing: Vec<&str>| {
        let t = CompleteText {
            arrived_on: "2012-02-18",
            left: "",
            arrived: "",
            missing,
            ..CompleteText::default()
        };
        CompleteInput::parse(&CompleteText { left, arrived, ..t }).unwrap()
    };
    let before = state(t, id).await;
    let e = complete::complete(app, &reg, id, &arrive("5", "5", vec![])).await;
    assert!(
        matches!(e, Err(ActionError::Refused(convoys::BLOCKED))),
        "{b}: {e:?}"
    );
    assert_eq!(state(t, id).await, before, "{b}");
    convoys::update(app, &reg, id, &convoy_input("4", "under_way"))
        .await
        .unwrap();

    // Head counts that do not add up change nothing and say which field is wrong.
    let before = state(t, id).await;
    for (input, want) in [
        (arrive("4", "4", vec![]), "left"),
        (arrive("5", "4", vec![&s2_code]), "missing"),
        (arrive("5", "4", vec![&s1_code, &h1a_code]), "missing"),
    ] {
        let e = complete::complete(app, &reg, id, &input).await;
        assert_eq!(field(e.unwrap_err()), want, "{b}");
    }
    assert_eq!(state(t, id).await, before, "{b}: refused completion wrote");

    // Completing moves everyone at once; the one who did not arrive is missing.
    let done = complete::complete(app, &reg, id, &arrive("5", "4", vec![&h2a_code]))
        .await
        .unwrap();
    assert_eq!((done.moved, done.missing), (4, 1), "{b}");
    let arrival = vigil::clock::parse_day("2012-02-18").unwrap();
    for p in [h1a, h1b, h1c, s1] {
        let d = people::get(app, &read, p).await.unwrap();
        assert_eq!(
            (d.person.site_id, d.person.status.as_str()),
            (Some(dest), "present"),
            "{b}"
        );
        let last = d.history.last().unwrap();
        assert_eq!(
            (last.reason.as_str(), last.effective_at),
            ("convoy 4", arrival),
            "{b}"
        );
    }
    let missing = people::get(app, &read, h2a).await.unwrap();
    assert_eq!(missing.person.status, "missing", "{b}");
    assert_eq!(
        missing.history.last().unwrap().reason,
        "convoy 4: did not arrive"
    );
    let stayed = people::get(app, &read, h2b).await.unwrap();
    assert_eq!(stayed.person.site_id, Some(orig), "{b}: not on the convoy");
    let mut c = app.store.read().await.unwrap();
    let hh = vigil::store::households::get(&mut c, h1)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(hh.site_id, Some(dest), "{b}: the household moved");
    drop(c);
    let d = convoys::get(app, &read, id).await.unwrap();
    assert_eq!(d.convoy.status, "completed");
    assert_eq!(
        (
            d.head_count.left,
            d.head_count.arrived,
            d.head_count.missing
        ),
        (Some(5), Some(4), 1)
    );
    assert_eq!(d.head_count.unaccounted(), 0, "{b}");

    // Once completed: no second completion, no changes to the list.
    let before = state(t, id).await;
    let e = complete::complete(app, &reg, id, &arrive("5", "5", vec![])).await;
    assert!(
        matches!(e, Err(ActionError::Refused(convoys::ALREADY_COMPLETED))),
        "{b}: {e:?}"
    );
    let e = members::add(app, &reg, id, &code(&s2_code), Scope::Household).await;
    assert!(matches!(e, Err(ActionError::Refused(_))), "{b}");
    let e = convoys::update(app, &reg, id, &convoy_input("4", "planned")).await;
    assert!(matches!(e, Err(ActionError::Refused(_))), "{b}");
    assert_eq!(state(t, id).await, before, "{b}");

    // Found missing later, with the arrival count corrected.
    let s1c = [code(&s1_code)];
    let e = complete::mark_missing(app, &reg, id, &s1c, None).await;
    assert_eq!(
        field(e.unwrap_err()),
        "missing",
        "{b}: counts say all arrived"
    );
    let n = complete::mark_missing(app, &reg, id, &s1c, Some(3))
        .await
        .unwrap();
    assert_eq!(n, 1, "{b}");
    let n = complete::mark_missing(app, &reg, id, &s1c, None)
        .await
        .unwrap();
    assert_eq!(n, 0, "{b}: marking again changes nothing");
    let e = complete::mark_missing(app, &reg, other, &s1c, None).await;
    assert!(matches!(e, Err(ActionError::Refused(_))), "{b}");
    let pop = sites::population(
        app,
        &read,
        dest,
        &[vigil::clock::parse_day("2013-01-01").unwrap()],
    )
    .await
    .unwrap();
    assert_eq!(
        pop.first().unwrap().total,
        3,
        "{b}: present at the destination"
    );

    // Every step is in the trail, which still verifies.
    let mut c = app.store.read().await.unwrap();
    let actions: Vec<String> =
        sqlx::query_scalar("select action from audit_log where object_type = 'convoy'")
            .fetch_all(&mut *c)
            .await
            .unwrap();
    drop(c);
    for a in [
        "convoy.create",
        "convoy.update",
        "convoy.add_people",
        "convoy.remove_people",
        "convoy.manifest_add",
        "convoy.manifest_update",
        "convoy.manifest_remove",
        "convoy.complete",
        "convoy.mark_missing",
    ] {
        assert!(actions.iter().any(|x| x == a), "{b}: no {a} in the trail");
    }
    let r = crate::support::trail_of(app).await;
    assert!(r.ok(), "{b}: {r:?}");
}

/// A person code the authorization matrix can name in its static form bodies: the
/// same seed always gives the same valid code.
pub fn matrix_code(n: u64) -> String {
    use rand::SeedableRng;
    PersonCode::generate(&mut rand::rngs::StdRng::seed_from_u64(n))
        .as_str()
        .to_string()
}

/// What the authorization matrix's convoy rows act on. Rows that change state for
/// good (completion, removing a line) get objects of their own per surface, so the
/// registrar's UI row does not spoil the API row that follows.
pub struct MatrixObjects {
    pub convoy: i64,
    pub complete_ui: i64,
    pub complete_api: i64,
    pub line: i64,
    pub line_ui: i64,
    pub line_api: i64,
}

/// Builds them at site `MAIN` (which must exist): convoys 9001–9003 to `DEST`, people
/// with the codes `matrix_code(1..=3)`, the second and third on convoys 9002 and 9003.
pub async fn matrix_objects(t: &TestApp) -> MatrixObjects {
    let mut c = t.app.store.read().await.unwrap();
    let main = vigil::store::sites::by_code(&mut c, "MAIN")
        .await
        .unwrap()
        .unwrap()
        .site_id;
    drop(c);
    site(t, "DEST").await;
    let reg = t.registrar();
    let mut ids = Vec::new();
    for n in 1..=3 {
        let (id, _, _) = person(t, main, None).await;
        let mut c = t.app.store.read().await.unwrap();
        sqlx::query("update people set code = $1 where person_id = $2")
            .bind(matrix_code(n))
            .bind(id)
            .execute(&mut *c)
            .await
            .unwrap();
        ids.push(id);
    }
    let mut convoy = Vec::new();
    for seq in ["9001", "9002", "9003"] {
        let mut input = convoy_input(seq, "under_way");
        input.origin = vigil::domain::site::SiteCode::parse("MAIN").unwrap();
        convoy.push(convoys::create(&t.app, &reg, &input).await.unwrap());
    }
    for (n, convoy) in [(2, convoy[1]), (3, convoy[2])] {
        members::add(
            &t.app,
            &reg,
            convoy,
            &code(&matrix_code(n)),
            Scope::Household,
        )
        .await
        .unwrap();
    }
    let mut lines = Vec::new();
    for item in ["Generators", "Typo one", "Typo two"] {
        let l = line(item, "6", "2", "");
        lines.push(manifest::add(&t.app, &reg, convoy[0], &l).await.unwrap());
    }
    MatrixObjects {
        convoy: convoy[0],
        complete_ui: convoy[1],
        complete_api: convoy[2],
        line: lines[0],
        line_ui: lines[1],
        line_api: lines[2],
    }
}
