//! Incident exports of the demo, through the real router, checked by the field's own
//! tools from target/pyenv: `check-jsonschema` validates the events JSON against the
//! schema vigil publishes, and the `geojson` package's `is_valid` the GeoJSON. The
//! ACLED-shaped CSV is read back column by column. Nothing in them names or codes a
//! person. Each tool is required when CI is set (scripts/test installs them).

use vigil::domain::Role;

use crate::support;

fn required() -> bool {
    std::env::var_os("CI").is_some_and(|v| !v.is_empty())
}

fn pyenv(bin: &str) -> Option<std::path::PathBuf> {
    let p = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("target/pyenv/bin")
        .join(bin);
    if p.exists() {
        return Some(p);
    }
    assert!(
        !required(),
        "CI is set but {} is missing (./scripts/test installs it)",
        p.display()
    );
    eprintln!("skipping: {} is not installed", p.display());
    None
}

#[tokio::test]
async fn exports_pass_the_field_validators() {
    let t = support::sqlite().await;
    vigil::demo::load(&t.app).await.unwrap();
    let uid = t.user("ana", Role::Analyst).await;
    let token = t.token(uid, "ana", Role::Analyst).await;
    let base = t.serve().await;
    let http = reqwest::Client::new();
    let get = |path: String| {
        let (http, token) = (&http, &token);
        async move {
            let r = http.get(path).bearer_auth(token).send().await.unwrap();
            assert_eq!(r.status(), 200);
            let mime = r.headers()["content-type"].to_str().unwrap().to_string();
            (mime, r.bytes().await.unwrap().to_vec())
        }
    };
    let dir = tempfile::tempdir().unwrap();

    // Events JSON against the published schema.
    let (mime, events) = get(format!("{base}/api/v1/exports/incidents?format=events")).await;
    assert_eq!(mime, "application/json");
    let v: serde_json::Value = serde_json::from_slice(&events).unwrap();
    assert_eq!(v["events"].as_array().unwrap().len(), 11);
    let schema = reqwest::get(format!("{base}/api/v1/schemas/events.json"))
        .await
        .unwrap();
    assert_eq!(schema.status(), 200, "the schema is public");
    let schema = schema.bytes().await.unwrap();
    let (events_file, schema_file) = (
        dir.path().join("events.json"),
        dir.path().join("events.schema.json"),
    );
    std::fs::write(&events_file, &events).unwrap();
    std::fs::write(&schema_file, &schema).unwrap();
    if let Some(bin) = pyenv("check-jsonschema") {
        let out = std::process::Command::new(&bin)
            .arg("--schemafile")
            .arg(&schema_file)
            .arg(&events_file)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "check-jsonschema: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        // The validator is not a rubber stamp: a broken file fails.
        let mut broken = v.clone();
        broken["events"][0]["start"]["precision"] = serde_json::json!("week");
        let broken_file = dir.path().join("broken.json");
        std::fs::write(&broken_file, serde_json::to_vec(&broken).unwrap()).unwrap();
        let out = std::process::Command::new(&bin)
            .arg("--schemafile")
            .arg(&schema_file)
            .arg(&broken_file)
            .output()
            .unwrap();
        assert!(
            !out.status.success(),
            "a wrong precision must fail the schema"
        );
    }

    // GeoJSON: valid, and only sites and places.
    let (mime, geo) = get(format!("{base}/api/v1/exports/incidents?format=geojson")).await;
    assert_eq!(mime, "application/geo+json");
    let g: serde_json::Value = serde_json::from_slice(&geo).unwrap();
    let kinds: Vec<&str> = g["features"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["properties"]["kind"].as_str().unwrap())
        .collect();
    assert!(
        kinds.iter().all(|k| *k == "site" || *k == "incident"),
        "{kinds:?}"
    );
    let geo_file = dir.path().join("sites.geojson");
    std::fs::write(&geo_file, &geo).unwrap();
    if let Some(python) = pyenv("python3") {
        let check = "import sys, geojson\n\
                     for path in sys.argv[1:]:\n\
                     \x20   obj = geojson.load(open(path))\n\
                     \x20   assert obj.is_valid, (path, obj.errors())\n\
                     \x20   assert obj['type'] == 'FeatureCollection'\n";
        let out = std::process::Command::new(&python)
            .arg("-c")
            .arg(check)
            .arg(&geo_file)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "geojson: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let bad = dir.path().join("bad.geojson");
        std::fs::write(&bad, r#"{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[44.2]},"properties":{}}]}"#).unwrap();
        let out = std::process::Command::new(&python)
            .arg("-c")
            .arg(check)
            .arg(&bad)
            .output()
            .unwrap();
        assert!(
            !out.status.success(),
            "a point with one coordinate must fail"
        );
    }

    // ACLED-shaped CSV, filtered: ACLED's columns and codes, fatalities as accepted.
    let (mime, csv) = get(format!(
        "{base}/api/v1/exports/incidents?format=acled&category=armed_assault"
    ))
    .await;
    assert!(mime.starts_with("text/csv"));
    let table = vigil::io::table::read_table(&csv, "acled.csv").unwrap();
    assert_eq!(table.headers, vigil::io::incidents::ACLED_COLUMNS.to_vec());
    assert_eq!(table.rows.len(), 3, "the three raids on Ashraf");
    let col = |name: &str| table.headers.iter().position(|h| h == name).unwrap();
    let april = table
        .rows
        .iter()
        .find(|r| r.get(col("event_date")) == "2011-04-08")
        .unwrap();
    assert_eq!(april.get(col("time_precision")), "1");
    assert_eq!(april.get(col("fatalities")), "35");
    assert_eq!(april.get(col("event_type")), "Violence against civilians");
    assert_eq!(april.get(col("country")), "IRQ");
    assert_eq!(april.get(col("location")), "Inside the camp, ASHRAF");
    let july = table
        .rows
        .iter()
        .find(|r| r.get(col("event_date")) == "2009-07-01")
        .unwrap();
    assert_eq!(july.get(col("time_precision")), "3", "known to the month");
    let text = String::from_utf8(csv).unwrap();
    // The same rows as XLSX, read back by vigil's own XLSX reader.
    let (mime, xlsx) = get(format!(
        "{base}/api/v1/exports/incidents?format=xlsx&category=armed_assault"
    ))
    .await;
    assert!(mime.contains("spreadsheetml"), "{mime}");
    let sheet = vigil::io::table::read_table(&xlsx, "incidents.xlsx").unwrap();
    assert_eq!(sheet.headers, table.headers);
    assert_eq!(sheet.rows.len(), 3);
    let april = sheet
        .rows
        .iter()
        .find(|r| r.get(col("event_date")) == "2011-04-08")
        .unwrap();
    assert_eq!(april.get(col("fatalities")), "35");
    assert!(sheet
        .rows
        .iter()
        .all(|r| r.cells().all(|c| !c.contains("VG-"))));

    // Redacted: no person's code in any of the three.
    for body in [&events, &geo, &text.into_bytes()] {
        assert!(
            !String::from_utf8_lossy(body).contains("VG-"),
            "a person's code leaked"
        );
    }
    // An unknown format is refused, naming the field.
    let r = http
        .get(format!("{base}/api/v1/exports/incidents?format=pdf"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 422);
}
