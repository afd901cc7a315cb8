//! Resettlement exports through the real router and the real binary: the HXL aggregate
//! of people resettled by country and month passes `hxlvalidate`, hides small counts
//! and is audited; the cases export (CSV with hashtags, XLSX) carries no names; the
//! `vigil resettlement` subcommands open a case, record its steps and export.

use vigil::actions::resettlement::{self, offers};
use vigil::domain::Role;

use crate::resettlement::{day, household, offer, officer, step};
use crate::support::{self, TestApp};

/// Two households departed to Germany in October 2013 (7 people), one to Albania
/// (2 people: a small count).
async fn fixture(t: &TestApp) {
    let camp = crate::convoys::site(t, "LIB").await;
    let off = officer();
    let deu = offers::create(&t.app, &off, &offer("DEU", "2013-06-01", "100", "", "yes"))
        .await
        .unwrap();
    for (size, country, offer_id) in [(4, "", Some(deu)), (3, "", Some(deu)), (2, "ALB", None)] {
        let (code, _) = household(t, camp, size, false).await;
        let id = resettlement::open(&t.app, &off, &code, day("2013-01-01"), "")
            .await
            .unwrap();
        let offer_text = offer_id.map(|o| o.to_string()).unwrap_or_default();
        for (s, on, c, o) in [
            ("interviewed", "2013-02-01", "", ""),
            ("recognised", "2013-03-01", "", ""),
            ("submitted", "2013-07-01", country, offer_text.as_str()),
            ("accepted", "2013-08-01", "", ""),
            ("departure_scheduled", "2013-09-01", "", ""),
            ("departed", "2013-10-15", "", ""),
        ] {
            resettlement::step(&t.app, &off, id, &step(s, on, c, o))
                .await
                .unwrap();
        }
    }
}

#[tokio::test]
async fn the_resettled_aggregate_passes_hxlvalidate_and_hides_small_counts() {
    let t = support::sqlite().await;
    fixture(&t).await;
    let base = t.serve().await;
    let reader = t.user("reader", Role::Analyst).await;
    let token = t.token(reader, "reader", Role::Analyst).await;
    let http = reqwest::Client::new();
    let get = |path: &str| http.get(format!("{base}{path}")).bearer_auth(&token).send();

    let res = get("/api/v1/resettlement/resettled").await.unwrap();
    assert_eq!(res.status(), 200);
    let csv = res.text().await.unwrap();
    let lines: Vec<&str> = csv.trim_start_matches('\u{FEFF}').lines().collect();
    assert_eq!(lines[1], "#date+month,#country+code+destination,#affected+ind+resettled,#affected+hh+resettled,#meta+suppressed");
    assert!(lines.contains(&"2013-10,DEU,7,2,0"), "{csv}");
    assert!(
        lines.contains(&"2013-10,ALB,,,2"),
        "two people are a small count: {csv}"
    );
    crate::export_tools::hxlvalidate("resettled.csv", csv.as_bytes());

    let res = get("/api/v1/resettlement/cases/export").await.unwrap();
    assert_eq!(res.status(), 200);
    let csv = res.text().await.unwrap();
    assert_eq!(csv.lines().count(), 2 + 3, "{csv}");
    assert!(!csv.contains("Case Member"), "no names in the cases export");
    crate::export_tools::hxlvalidate("cases.csv", csv.as_bytes());
    let xlsx = get("/api/v1/resettlement/cases/export?format=xlsx")
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap();
    assert!(xlsx.starts_with(b"PK"), "an XLSX (zip) file");
    let bad = get("/api/v1/resettlement/cases/export?format=pdf")
        .await
        .unwrap();
    assert_eq!(bad.status(), 422);

    let mut c = t.app.store.read().await.unwrap();
    let audited: i64 = sqlx::query_scalar(
        "select count(*) from audit_log where action in ('export.resettled', 'export.cases')",
    )
    .fetch_one(&mut *c)
    .await
    .unwrap();
    assert_eq!(audited, 3, "every export is audited");
}

#[tokio::test]
async fn the_command_line_opens_steps_and_exports() {
    let t = support::sqlite().await;
    let camp = crate::convoys::site(&t, "LIB").await;
    let (code, _) = household(&t, camp, 2, false).await;
    t.user("officer", Role::CaseOfficer).await;
    let db = format!("sqlite://{}", t.dir.path().join("data/vigil.db").display());
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_vigil"))
            .env("VIGIL_MASTER_KEY", &t.master_hex)
            .env_remove("VIGIL_KEY_FILE")
            .env_remove("VIGIL_CONFIG")
            .arg("--data")
            .arg(t.dir.path().join("data"))
            .arg("--database-url")
            .arg(&db)
            .arg("resettlement")
            .args(args)
            .output()
            .unwrap()
    };
    let text = |o: &std::process::Output| {
        format!(
            "{}{}",
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        )
    };
    // The operator is an admin: changes need a case officer.
    let o = run(&["open", &code, "--date", "2013-01-01", "--as", "nobody"]);
    assert!(!o.status.success());
    let o = run(&["open", &code, "--date", "2013-01-01", "--as", "officer"]);
    assert!(o.status.success(), "{}", text(&o));
    let id = text(&o).trim().rsplit(' ').next().unwrap().to_string();
    let o = run(&[
        "step",
        &id,
        "--stage",
        "interviewed",
        "--date",
        "2013-02-01",
        "--as",
        "officer",
    ]);
    assert!(o.status.success(), "{}", text(&o));
    let o = run(&[
        "step",
        &id,
        "--stage",
        "departed",
        "--date",
        "2013-03-01",
        "--as",
        "officer",
    ]);
    assert!(!o.status.success(), "a skipped stage is refused");
    assert!(text(&o).contains("stage"), "{}", text(&o));
    let o = run(&["cases"]);
    assert!(o.status.success(), "{}", text(&o));
    assert!(
        text(&o).contains(",interviewed,2013-02-01,"),
        "{}",
        text(&o)
    );
    let o = run(&[
        "offer-add",
        "--country",
        "DEU",
        "--announced-on",
        "2013-06-01",
        "--places",
        "100",
        "--as",
        "officer",
    ]);
    assert!(o.status.success(), "{}", text(&o));
    let o = run(&["offers"]);
    assert!(text(&o).contains("\"country\": \"DEU\""), "{}", text(&o));
}
