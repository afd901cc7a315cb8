//! Exports: the redacted registry file against a golden copy (BOM, HXL row, escaped
//! formulas, no personal data — canary values are grepped for), the two-person rule
//! for exports with personal data on SQLite and PostgreSQL (the requester cannot
//! approve, a second registrar can, expired requests and second downloads are
//! refused, every step is audited), and the age encryption round trip.
//!
//! Files meant for other tools are checked by those tools in `export_tools`.

use std::collections::HashMap;
use std::io::Read;

use vigil::actions::registry::export::{self, ExportRun};
use vigil::actions::registry::export_requests::{self as requests, DOWNLOADED, EXPIRED, NOT_SELF};
use vigil::actions::registry::people::{self, Move, Placement, Scope};
use vigil::actions::registry::sites;
use vigil::actions::ActionError;
use vigil::auth::capability::{ExportPersonalData, ReadRecord, WriteRegistry};
use vigil::auth::{Actor, Cap};
use vigil::domain::export::{ExportFilter, Format, Recipient, WINDOW_MS};
use vigil::domain::person::{PersonInput, PersonStatus};
use vigil::domain::site::SiteInput;
use vigil::domain::Role;

use crate::support::{self, TestApp};

/// Personal values that must never appear in a redacted export.
const CANARIES: [&str; 8] = [
    "CANARYZ1",
    "کاناری",
    "1985-03-21",
    "CANARYDOC1",
    "770 123 4567",
    "CANARYNOTE1",
    "EXT-CANARY-1",
    "CANARYA2",
];

/// An `age1…` key nobody holds the secret of (for requests that are never opened).
pub fn recipient() -> String {
    age::x25519::Identity::generate().to_public().to_string()
}

fn actor(user_id: i64, name: &str, role: Role) -> Actor {
    Actor {
        user_id,
        username: name.into(),
        role,
    }
}

/// Export requests for the authorization matrix: one by another registrar to approve
/// and one to reject, and one by `registrar_id` already approved, to download.
pub struct Objects {
    pub approve: i64,
    pub reject: i64,
    pub download: i64,
}

pub async fn authz_objects(t: &TestApp, registrar_id: i64) -> Objects {
    let other_id = t.user("matrix_registrar_two", Role::Registrar).await;
    let other: Cap<ExportPersonalData> = actor(other_id, "matrix_registrar_two", Role::Registrar)
        .grant()
        .unwrap();
    let mine: Cap<ExportPersonalData> = actor(registrar_id, "registrar_user", Role::Registrar)
        .grant()
        .unwrap();
    let key = Recipient::parse(&recipient()).unwrap();
    let all = ExportFilter::default();
    let approve = requests::request(&t.app, &other, &all, &key, "matrix")
        .await
        .unwrap();
    let reject = requests::request(&t.app, &other, &all, &key, "matrix")
        .await
        .unwrap();
    let download = requests::request(&t.app, &mine, &all, &key, "matrix")
        .await
        .unwrap();
    requests::decide(&t.app, &other, download, true)
        .await
        .unwrap();
    Objects {
        approve,
        reject,
        download,
    }
}

pub(crate) fn fields(
    pairs: &[(&'static str, &'static str)],
) -> HashMap<&'static str, &'static str> {
    pairs.iter().copied().collect()
}

/// A small fixed registry at 2012-06-01: a family of two at ASHRAF (with every personal
/// field filled with canaries), someone at a site whose code looks like a formula, and
/// an older man since resettled. Returns the registrar's capability.
pub(crate) async fn fixture(t: &TestApp) -> Cap<WriteRegistry> {
    let cap = t.registrar();
    let site =
        |code, name, kind| SiteInput::parse(code, name, "", "", kind, "IRQ", "", "", "").unwrap();
    let ashraf = sites::create(&t.app, &cap, site("ASHRAF", "Camp Ashraf", "camp"))
        .await
        .unwrap();
    let edge = sites::create(&t.app, &cap, site("-EDGE", "Edge, transit", "transit"))
        .await
        .unwrap();
    let at = |site, household_id, new_household, relationship| Placement {
        site_id: Some(site),
        household_id,
        new_household,
        relationship,
        effective_at: None,
    };
    let zahra = PersonInput::from_fields(
        &fields(&[
            ("external_id", "EXT-CANARY-1"),
            ("name_latin", "Zahra CANARYZ1"),
            ("name_original", "زهرا کاناری"),
            ("birth_date", "1985-03-21"),
            ("sex", "female"),
            ("nationality", "IRN"),
            ("languages", "fa, ku"),
            ("protection", "protected_person"),
            ("vulnerabilities", "serious_medical:urgent; disability"),
            ("document", "CANARYDOC1"),
            ("phone", "+964 770 123 4567"),
            ("notes", "CANARYNOTE1"),
        ]),
        2012,
    )
    .unwrap();
    let z = people::register(&t.app, &cap, &zahra, &at(ashraf, None, true, None))
        .await
        .unwrap();
    let ali = PersonInput::from_fields(
        &fields(&[
            ("name_latin", "Ali CANARYA2"),
            ("sex", "male"),
            ("birth_year", "2009"),
        ]),
        2012,
    )
    .unwrap();
    use vigil::domain::person::{Choice, Relationship};
    let child = Some(Relationship::parse("child").unwrap());
    people::register(
        &t.app,
        &cap,
        &ali,
        &at(ashraf, z.household_id, false, child),
    )
    .await
    .unwrap();
    let maryam = PersonInput::from_fields(
        &fields(&[("name_original", "مریم"), ("protection", "asylum_seeker")]),
        2012,
    )
    .unwrap();
    people::register(&t.app, &cap, &maryam, &at(edge, None, false, None))
        .await
        .unwrap();
    let old = PersonInput::from_fields(
        &fields(&[
            ("name_latin", "Old Man"),
            ("sex", "male"),
            ("birth_year", "1945"),
            ("vulnerabilities", "older_person"),
        ]),
        2012,
    )
    .unwrap();
    let o = people::register(&t.app, &cap, &old, &at(ashraf, None, true, None))
        .await
        .unwrap();
    let gone = Move {
        status: PersonStatus::Resettled,
        site_id: None,
        effective_at: t.app.now(),
        reason: "resettled".into(),
    };
    people::move_person(&t.app, &cap, o.person_id, &gone, Scope::Household)
        .await
        .unwrap();
    cap
}

/// The bytes a run streams, collected.
async fn collect_csv(t: &TestApp, run: ExportRun) -> Vec<u8> {
    let (tx, mut rx) = tokio::sync::mpsc::channel::<export::Chunk>(4);
    let collect = async {
        let mut out = Vec::new();
        while let Some(chunk) = rx.recv().await {
            out.extend(chunk.unwrap());
        }
        out
    };
    let ((), out) = tokio::join!(export::stream_csv(&t.app, run, tx), collect);
    out
}

async fn collect_encrypted(t: &TestApp, run: ExportRun, to: Recipient) -> Vec<u8> {
    let (tx, mut rx) = tokio::sync::mpsc::channel::<export::Chunk>(4);
    let collect = async {
        let mut out = Vec::new();
        while let Some(chunk) = rx.recv().await {
            out.extend(chunk.unwrap());
        }
        out
    };
    let ((), out) = tokio::join!(requests::stream_encrypted(&t.app, run, to, tx), collect);
    out
}

/// Replaces the generated person and household codes with `P1…`, `H1…` in id order.
async fn stable_codes(t: &TestApp, text: &str) -> String {
    let mut c = t.app.store.read().await.unwrap();
    let codes: Vec<(String,)> = sqlx::query_as("select code from people order by person_id")
        .fetch_all(&mut *c)
        .await
        .unwrap();
    let hh: Vec<(String,)> = sqlx::query_as("select code from households order by household_id")
        .fetch_all(&mut *c)
        .await
        .unwrap();
    let mut out = text.to_string();
    for (i, (code,)) in codes.iter().enumerate() {
        out = out.replace(code, &format!("P{}", i + 1));
    }
    for (i, (code,)) in hh.iter().enumerate() {
        out = out.replace(code, &format!("H{}", i + 1));
    }
    out
}

fn golden(name: &str, actual: &str) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name);
    if std::env::var("UPDATE_GOLDEN").as_deref() == Ok("1") {
        std::fs::write(&path, actual).unwrap();
    }
    let want = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (create it with UPDATE_GOLDEN=1)", path.display()));
    assert_eq!(
        actual, want,
        "{name} differs; if intended, rerun with UPDATE_GOLDEN=1 and review the diff"
    );
}

async fn audit_actions(t: &TestApp) -> Vec<String> {
    let mut c = t.app.store.read().await.unwrap();
    let rows: Vec<(String,)> = sqlx::query_as("select action from audit_log order by seq")
        .fetch_all(&mut *c)
        .await
        .unwrap();
    rows.into_iter().map(|(a,)| a).collect()
}

pub(crate) fn june_2012() -> i64 {
    vigil::clock::parse_day("2012-06-01").unwrap()
}

#[tokio::test]
async fn the_redacted_export_matches_its_golden_copy_and_holds_no_personal_data() {
    for t in support::both_with_clock(june_2012()).await {
        let b = t.backend;
        fixture(&t).await;
        let reader: Cap<ReadRecord> = actor(0, "reader", Role::Analyst).grant().unwrap();
        let run = export::begin(&t.app, &reader, &ExportFilter::default(), Format::Csv)
            .await
            .unwrap();
        assert_eq!(run.rows, 4, "{b}");
        let bytes = collect_csv(&t, run).await;
        assert!(
            bytes.starts_with(b"\xEF\xBB\xBF"),
            "{b}: a UTF-8 BOM for Excel"
        );
        let text = String::from_utf8(bytes).unwrap();
        for canary in CANARIES {
            assert!(
                !text.contains(canary),
                "{b}: {canary} leaked into a redacted export"
            );
        }
        let lines: Vec<&str> = text.lines().collect();
        assert!(
            lines[1].split(',').all(|t| t.starts_with('#')),
            "{b}: HXL row"
        );
        assert!(
            text.contains(",'-EDGE,"),
            "{b}: the formula-like site code is escaped"
        );
        golden("export_people_redacted.csv", &stable_codes(&t, &text).await);

        // The filter narrows the file, and the trail says who exported what.
        let f = ExportFilter::parse("ashraf", "present", "disability").unwrap();
        let run = export::begin(&t.app, &reader, &f, Format::Csv)
            .await
            .unwrap();
        assert_eq!(run.rows, 1, "{b}");
        let mut c = t.app.store.read().await.unwrap();
        let summaries: Vec<(String, String)> = sqlx::query_as(
            "select actor, summary from audit_log where action = 'export.people' order by seq",
        )
        .fetch_all(&mut *c)
        .await
        .unwrap();
        assert_eq!(
            summaries.last().unwrap(),
            &(
                "reader".to_string(),
                "redacted csv site=ASHRAF status=present need=disability rows=1".to_string()
            ),
            "{b}"
        );
    }
}

#[tokio::test]
async fn an_unknown_site_or_too_large_xlsx_is_refused_before_anything_is_audited() {
    let t = support::sqlite().await;
    let reader: Cap<ReadRecord> = actor(0, "reader", Role::Analyst).grant().unwrap();
    let before = audit_actions(&t).await.len();
    let f = ExportFilter::parse("NOWHERE", "", "").unwrap();
    let e = export::begin(&t.app, &reader, &f, Format::Csv)
        .await
        .err()
        .unwrap();
    assert!(
        matches!(e, ActionError::Invalid(ref i) if i.field == "site"),
        "{e:?}"
    );
    assert_eq!(audit_actions(&t).await.len(), before);
}

#[tokio::test]
async fn two_registrars_are_needed_and_a_download_happens_once() {
    for t in support::both_with_clock(june_2012()).await {
        let b = t.backend;
        fixture(&t).await;
        let one_id = t.user("reg_one", Role::Registrar).await;
        let two_id = t.user("reg_two", Role::Registrar).await;
        let one: Cap<ExportPersonalData> =
            actor(one_id, "reg_one", Role::Registrar).grant().unwrap();
        let two: Cap<ExportPersonalData> =
            actor(two_id, "reg_two", Role::Registrar).grant().unwrap();
        for role in [
            Role::Admin,
            Role::CaseOfficer,
            Role::Analyst,
            Role::Documenter,
            Role::Observer,
        ] {
            assert!(
                actor(1, "x", role).grant::<ExportPersonalData>().is_err(),
                "{role}"
            );
        }
        let identity = age::x25519::Identity::generate();
        let key = Recipient::parse(&identity.to_public().to_string()).unwrap();
        let f = ExportFilter::parse("ASHRAF", "", "").unwrap();
        let id = requests::request(&t.app, &one, &f, &key, "UNHCR resettlement file")
            .await
            .unwrap();

        // The requester can neither approve nor download before a second registrar.
        let e = requests::decide(&t.app, &one, id, true)
            .await
            .err()
            .unwrap();
        assert!(matches!(e, ActionError::Refused(NOT_SELF)), "{b}: {e:?}");
        assert!(requests::download(&t.app, &one, id).await.is_err(), "{b}");
        requests::decide(&t.app, &two, id, true).await.unwrap();
        // Someone else's approved export does not exist for the approver.
        let e = requests::download(&t.app, &two, id).await.err().unwrap();
        assert!(matches!(e, ActionError::NotFound), "{b}: {e:?}");

        let (run, to) = requests::download(&t.app, &one, id).await.unwrap();
        assert_eq!(run.rows, 2, "{b}: the two present at ASHRAF");
        let sealed = collect_encrypted(&t, run, to).await;
        assert!(sealed.starts_with(b"age-encryption.org/v1\n"), "{b}");
        for canary in CANARIES {
            let raw = String::from_utf8_lossy(&sealed);
            assert!(!raw.contains(canary), "{b}: {canary} in the ciphertext");
        }
        let d = age::Decryptor::new(&sealed[..]).unwrap();
        let mut plain = String::new();
        d.decrypt(std::iter::once(&identity as &dyn age::Identity))
            .unwrap()
            .read_to_string(&mut plain)
            .unwrap();
        let head = plain.trim_start_matches('\u{FEFF}').lines().next().unwrap();
        assert!(
            head.starts_with("code,external_id,name_latin,name_original,birth_date"),
            "{b}: {head}"
        );
        for canary in [
            "Zahra CANARYZ1",
            "زهرا کاناری",
            "1985-03-21",
            "'+964 770 123 4567",
            "EXT-CANARY-1",
        ] {
            assert!(
                plain.contains(canary),
                "{b}: {canary} missing from the personal export"
            );
        }

        let e = requests::download(&t.app, &one, id).await.err().unwrap();
        assert!(matches!(e, ActionError::Refused(DOWNLOADED)), "{b}: {e:?}");
        let mine = requests::list(&t.app, &one).await.unwrap();
        assert_eq!(mine[0].current, "downloaded", "{b}");
        assert_eq!(mine[0].row.row_count, Some(2), "{b}");

        // A request nobody decides within 24 hours expires, and so does an approval
        // nobody uses.
        let late = requests::request(&t.app, &one, &f, &key, "late")
            .await
            .unwrap();
        let unused = requests::request(&t.app, &one, &f, &key, "unused")
            .await
            .unwrap();
        requests::decide(&t.app, &two, unused, true).await.unwrap();
        t.app.clock.advance(WINDOW_MS);
        let e = requests::decide(&t.app, &two, late, true)
            .await
            .err()
            .unwrap();
        assert!(matches!(e, ActionError::Refused(EXPIRED)), "{b}: {e:?}");
        let e = requests::download(&t.app, &one, unused)
            .await
            .err()
            .unwrap();
        assert!(matches!(e, ActionError::Refused(EXPIRED)), "{b}: {e:?}");
        let states: Vec<String> = requests::list(&t.app, &two)
            .await
            .unwrap()
            .into_iter()
            .map(|v| format!("{}:{}", v.row.state, v.current))
            .collect();
        assert_eq!(states[..2], ["expired:expired", "expired:expired"], "{b}");

        let actions = audit_actions(&t).await;
        for a in [
            "export.personal.request",
            "export.personal.approve",
            "export.personal.download",
            "export.personal.expire",
        ] {
            assert!(actions.iter().any(|x| x == a), "{b}: no {a} in the trail");
        }
        assert!(t.trail().await.ok(), "{b}");
    }
}

#[tokio::test]
async fn a_rejected_request_cannot_be_downloaded_and_bad_keys_are_refused() {
    let t = support::sqlite().await;
    let one_id = t.user("reg_one", Role::Registrar).await;
    let two_id = t.user("reg_two", Role::Registrar).await;
    let one: Cap<ExportPersonalData> = actor(one_id, "reg_one", Role::Registrar).grant().unwrap();
    let two: Cap<ExportPersonalData> = actor(two_id, "reg_two", Role::Registrar).grant().unwrap();
    let key = Recipient::parse(&recipient()).unwrap();
    let id = requests::request(&t.app, &one, &ExportFilter::default(), &key, "x")
        .await
        .unwrap();
    requests::decide(&t.app, &two, id, false).await.unwrap();
    assert!(requests::decide(&t.app, &two, id, true).await.is_err());
    assert!(requests::download(&t.app, &one, id).await.is_err());
    assert!(Recipient::parse("age1notakey").is_err());
    let f = ExportFilter::parse("NOWHERE", "", "").unwrap();
    assert!(requests::request(&t.app, &one, &f, &key, "x")
        .await
        .is_err());
    assert!(
        requests::request(&t.app, &one, &ExportFilter::default(), &key, " ")
            .await
            .is_err()
    );
}
