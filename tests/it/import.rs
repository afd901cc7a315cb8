//! Importing people: a good file in several encodings lands whole (on SQLite and
//! PostgreSQL), re-importing it updates instead of duplicating, and a file with errors
//! writes nothing at all and says which row and field are wrong.

use vigil::actions::registry::import;
use vigil::domain::site::SiteInput;

use crate::support;

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!("tests/fixtures/import/{name}")).unwrap()
}

async fn people_count(t: &support::TestApp) -> i64 {
    let mut c = t.app.store.read().await.unwrap();
    vigil::store::people::count(&mut c).await.unwrap()
}

async fn run(t: &support::TestApp, name: &str) -> (import::Outcome, vigil::io::import::Report) {
    let table = vigil::io::table::read_table(&fixture(name), name).unwrap();
    let mut report = vigil::io::import::validate_people(table, 2026);
    let sites = import::check(&t.app, &mut report).await.unwrap();
    let out = import::commit(&t.app, &t.registrar(), &report, &sites, "test", |_| {})
        .await
        .unwrap();
    (out, report)
}

#[tokio::test]
async fn a_good_file_lands_whole_and_reimporting_updates() {
    for t in support::both().await {
        let b = t.backend;
        let site =
            SiteInput::parse("CAMP-1", "Camp One", "", "", "camp", "IRQ", "", "", "").unwrap();
        vigil::actions::registry::sites::create(&t.app, &t.registrar(), site)
            .await
            .unwrap();
        let (out, report) = run(&t, "utf8.csv").await;
        assert!(report.rejected.is_empty(), "{b}: {:?}", report.rejected);
        assert_eq!(out.added, report.accepted(), "{b}");
        assert!(out.households_created >= 1, "{b}");
        let n = people_count(&t).await;
        // The same people in UTF-16 with a BOM: all updates, no new rows.
        let (again, _) = run(&t, "utf16le-bom.csv").await;
        assert_eq!((again.added, again.updated), (0, out.added), "{b}");
        assert_eq!(
            people_count(&t).await,
            n,
            "{b}: re-import duplicated people"
        );
        // The trail stays intact through batches.
        assert!(t.trail().await.ok(), "{b}");
    }
}

/// `rows` people from `from` on, each named after their number so that every row's
/// sealed name can be checked against its external id.
fn numbered_csv(from: usize, rows: usize) -> String {
    let mut out = String::from("external_id,name_latin,sex,birth_year,site\n");
    for i in from..from + rows {
        out.push_str(&format!("N-{i},{} Tester,F,1980,CAMP-1\n", spelled(i)));
    }
    out
}

/// A name word for `i`, different for every number (name keys ignore digits):
/// base-5 digits as consonants, alternating between two sets so that no two
/// neighbours are the same letter (those would merge).
fn spelled(mut i: usize) -> String {
    let mut w = String::from("A");
    for k in 0..6 {
        let set = if k % 2 == 0 { b"bdfjk" } else { b"lmnrs" };
        w.push(char::from(set[i % 5]));
        w.push('a');
        i /= 5;
    }
    w
}

async fn import_text(t: &support::TestApp, csv: &str) -> import::Outcome {
    let table = vigil::io::table::read_table(csv.as_bytes(), "n.csv").unwrap();
    let mut report = vigil::io::import::validate_people(table, 2026);
    assert!(report.rejected.is_empty(), "{:?}", report.rejected.first());
    let sites = import::check(&t.app, &mut report).await.unwrap();
    import::commit(&t.app, &t.registrar(), &report, &sites, "test", |_| {})
        .await
        .unwrap()
}

/// Every person's sealed Latin name opens under its own row id and is the name its
/// external id was imported with.
async fn every_name_opens(t: &support::TestApp) -> usize {
    let mut c = t.app.store.read().await.unwrap();
    let rows: Vec<(i64, String, Vec<u8>)> = sqlx::query_as(
        "select person_id, external_id, name_latin from people where external_id like 'N-%'",
    )
    .fetch_all(&mut *c)
    .await
    .unwrap();
    for (id, external, sealed) in &rows {
        let name = t
            .app
            .keys
            .open("people", "name_latin", *id, sealed)
            .unwrap();
        let n = external.trim_start_matches("N-");
        let n: usize = n.parse().unwrap();
        assert_eq!(name, format!("{} Tester", spelled(n)), "person {id}");
    }
    rows.len()
}

#[tokio::test]
async fn batches_sealed_ahead_land_under_their_own_ids() {
    // Each batch's rows are sealed while the previous batch is written, for the ids
    // they are expected to get; when rows of a batch turn out to be updates, the ids
    // shift and the rows must be sealed again.
    for t in support::both().await {
        let b = t.backend;
        let site =
            SiteInput::parse("CAMP-1", "Camp One", "", "", "camp", "IRQ", "", "", "").unwrap();
        vigil::actions::registry::sites::create(&t.app, &t.registrar(), site)
            .await
            .unwrap();
        let out = import_text(&t, &numbered_csv(0, import::BATCH * 2 + 7)).await;
        assert_eq!((out.added, out.batches), (import::BATCH * 2 + 7, 3), "{b}");
        // Rows 1,990.. are known now: the second batch starts with updates.
        let out = import_text(&t, &numbered_csv(1_990, import::BATCH + 50)).await;
        assert_eq!(
            (out.added, out.updated),
            (
                import::BATCH + 50 - (import::BATCH * 2 + 7 - 1_990),
                import::BATCH * 2 + 7 - 1_990
            ),
            "{b}"
        );
        assert_eq!(
            every_name_opens(&t).await,
            1_990 + import::BATCH + 50,
            "{b}"
        );
    }
}

#[tokio::test]
async fn a_file_with_errors_writes_nothing_and_names_row_and_field() {
    let t = support::sqlite().await;
    let site = SiteInput::parse("CAMP-1", "Camp One", "", "", "camp", "IRQ", "", "", "").unwrap();
    vigil::actions::registry::sites::create(&t.app, &t.registrar(), site)
        .await
        .unwrap();
    let before = people_count(&t).await;
    let (out, report) = run(&t, "with-errors.csv").await;
    assert_eq!(out.added + out.updated, 0);
    assert!(!report.rejected.is_empty());
    assert!(report
        .rejected
        .iter()
        .all(|p| p.line > 1 && !p.message.is_empty()));
    assert_eq!(
        people_count(&t).await,
        before,
        "a rejected file must write nothing"
    );
}

#[tokio::test]
async fn unknown_site_codes_are_rejected_before_anything_is_written() {
    let t = support::sqlite().await;
    let (out, report) = run(&t, "utf8.csv").await;
    assert_eq!(out.added, 0);
    assert!(report
        .rejected
        .iter()
        .any(|p| p.field == "site" && p.key == "invalid-site"));
    assert_eq!(people_count(&t).await, 0);
}

#[test]
fn the_cli_imports_and_reports() {
    let dir = tempfile::tempdir().unwrap();
    let key = vigil::crypto::MasterKey::generate().to_hex();
    let vigil = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_vigil"))
            .arg("--data")
            .arg(dir.path().join("data"))
            .args(args)
            .env("VIGIL_MASTER_KEY", &key)
            .env_remove("DATABASE_URL")
            .output()
            .unwrap()
    };
    assert!(vigil(&["user", "add", "reg", "--role", "registrar"])
        .status
        .success());
    assert!(vigil(&["user", "add", "ana", "--role", "analyst"])
        .status
        .success());
    let bad = "tests/fixtures/import/with-errors.csv";
    let o = vigil(&["import", "people", bad, "--as", "reg"]);
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(!o.status.success());
    assert!(
        text.contains("line ") && text.contains("nothing was imported"),
        "{text}"
    );
    let o = vigil(&[
        "import",
        "people",
        "tests/fixtures/import/utf8.csv",
        "--as",
        "ana",
    ]);
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("not a registrar"));
    let o = vigil(&[
        "import",
        "people",
        "tests/fixtures/import/pdf-renamed.csv",
        "--as",
        "reg",
    ]);
    assert!(!o.status.success());
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("PDF"),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let o = vigil(&["import", "template"]);
    assert!(
        String::from_utf8_lossy(&o.stdout).contains("#person+id")
            || String::from_utf8_lossy(&o.stdout).contains("#meta+id")
    );
}

/// The upload page shows the same report, in the reader's language, and writes nothing.
#[tokio::test]
async fn the_upload_page_reports_rejected_rows() {
    let t = support::sqlite().await;
    t.user("reg", vigil::domain::Role::Registrar).await;
    let base = t.serve().await;
    let b = support::Browser::new(&base);
    assert_eq!(b.login("reg", support::PASSWORD).await, 303);
    let upload = || {
        let b = &b;
        async move {
            let csrf = b.csrf("/registry/import").await;
            let form = reqwest::multipart::Form::new().text("csrf", csrf).part(
                "file",
                reqwest::multipart::Part::bytes(fixture("with-errors.csv"))
                    .file_name("with-errors.csv"),
            );
            b.http
                .post(format!("{}/registry/import", b.base))
                .multipart(form)
                .send()
                .await
                .unwrap()
                .text()
                .await
                .unwrap()
        }
    };
    let html = upload().await;
    assert!(html.contains("Nothing was imported"), "{html}");
    assert!(html.contains("<td class=\"num\">"), "the report lists rows");
    assert_eq!(people_count(&t).await, 0);
    // A PDF in disguise is named for what it is.
    let csrf = b.csrf("/registry/import").await;
    let form = reqwest::multipart::Form::new().text("csrf", csrf).part(
        "file",
        reqwest::multipart::Part::bytes(fixture("pdf-renamed.csv")).file_name("people.csv"),
    );
    let html = b
        .http
        .post(format!("{base}/registry/import"))
        .multipart(form)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("PDF"), "{html}");
}
