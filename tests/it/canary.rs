//! Canary test: unique personal values written through the UI and the API of the real
//! binary must never appear in clear in the SQLite file, its WAL, or the server's logs
//! (at debug level) — while the application itself can still show them.

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};

use crate::support::{Browser, PASSWORD};

fn vigil(dir: &std::path::Path, key: &str) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_vigil"));
    c.arg("--data")
        .arg(dir.join("data"))
        .env("VIGIL_MASTER_KEY", key)
        .env("VIGIL_LOG", "debug")
        .env_remove("DATABASE_URL");
    c
}

#[tokio::test]
async fn personal_values_never_reach_disk_or_logs_in_clear() {
    let dir = tempfile::tempdir().unwrap();
    let key = vigil::crypto::MasterKey::generate().to_hex();
    for (name, role) in [("admin", "admin"), ("reg", "registrar")] {
        let mut add = vigil(dir.path(), &key)
            .args(["user", "add", name, "--role", role, "--password-stdin"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        writeln!(add.stdin.take().unwrap(), "{PASSWORD}").unwrap();
        assert!(add.wait().unwrap().success());
    }

    let log_path = dir.path().join("server.log");
    let log = std::fs::File::create(&log_path).unwrap();
    let mut server = vigil(dir.path(), &key)
        .args(["serve", "--listen", "127.0.0.1:0"])
        .stdout(Stdio::piped())
        .stderr(log)
        .spawn()
        .unwrap();
    let stdout = server.stdout.take().unwrap();
    let mut lines = BufReader::new(stdout).lines();
    let base = loop {
        let line = lines
            .next()
            .expect("server exited before listening")
            .unwrap();
        if let Some(url) = line.strip_prefix("vigil listening on ") {
            break url.to_string();
        }
    };
    std::thread::spawn(move || for _ in lines {});

    let ui_name = "CanaryUiQx7Zeta";
    let ui_contact = "CanaryUiContactW9";
    let api_name = "CanaryApiRv3Kappa";
    let api_contact = "CanaryApiContactM2";
    let b = Browser::new(&base);
    assert_eq!(b.login("admin", PASSWORD).await, 303);
    let r = b
        .submit(
            "/admin/users",
            "/admin/users",
            &[
                ("username", "canary1"),
                ("role", "analyst"),
                ("full_name", ui_name),
                ("contact", ui_contact),
            ],
        )
        .await;
    assert_eq!(r.status(), 200);
    // Search by name goes through the blind index, in a POST body.
    let r = b
        .submit("/admin/users", "/admin/users/search", &[("name", ui_name)])
        .await;
    let html = r.text().await.unwrap();
    assert!(
        html.contains("canary1"),
        "the blind index finds the account"
    );

    let csrf = b.csrf("/account/tokens").await;
    let html = b
        .post(
            "/account/tokens",
            &[("csrf", &csrf), ("name", "canary test")],
        )
        .await
        .text()
        .await
        .unwrap();
    let token = html
        .split("vgl_")
        .nth(1)
        .map(|s| format!("vgl_{}", s.split('<').next().unwrap()))
        .unwrap();
    let api = reqwest::Client::new();
    let r = api
        .post(format!("{base}/api/v1/users"))
        .bearer_auth(&token)
        .json(&serde_json::json!({"username": "canary2", "role": "observer", "full_name": api_name, "contact": api_contact}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 201);
    let id = r.json::<serde_json::Value>().await.unwrap()["user_id"]
        .as_i64()
        .unwrap();
    // The values are there for those allowed to see them…
    let p: serde_json::Value = api
        .get(format!("{base}/api/v1/users/{id}/personal"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(p["full_name"], api_name);
    let html = b.text(&format!("/admin/users/{id}/personal")).await.1;
    assert!(html.contains(api_contact));
    // …and a failing request that carries a canary does not echo it into the logs.
    api.post(format!("{base}/api/v1/users"))
        .bearer_auth(&token)
        .json(&serde_json::json!({"username": "x", "role": "observer", "full_name": api_name}))
        .send()
        .await
        .unwrap();

    // Watch-list names and notes, through the admin's form and the API.
    let watch_ui = "CanaryWatchUiN5Omega";
    let watch_note = "CanaryWatchNoteP2";
    let watch_api = "CanaryWatchApiT8Sigma";
    let r = b
        .submit(
            "/admin/watchlist",
            "/admin/watchlist",
            &[
                ("name", watch_ui),
                ("category", "impersonator"),
                ("note", watch_note),
            ],
        )
        .await;
    assert_eq!(r.status(), 303);
    let r = api
        .post(format!("{base}/api/v1/watchlist"))
        .bearer_auth(&token)
        .json(&serde_json::json!({"name": watch_api, "category": "known_agent"}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 201);
    let html = b.text("/admin/watchlist").await.1;
    assert!(html.contains(watch_ui) && html.contains(watch_note) && html.contains(watch_api));

    // A resident registered through the form and another through the API.
    let person_ui = "CanaryPersonUiB4Lambda";
    let person_doc = "CANARYDOC77Q1";
    let person_api = "کاناری‌آزمون";
    let reg = Browser::new(&base);
    assert_eq!(reg.login("reg", PASSWORD).await, 303);
    let r = reg
        .submit(
            "/registry/people/new",
            "/registry/people",
            &[
                ("name_latin", person_ui),
                ("document", person_doc),
                ("notes", "CanaryNoteZ9"),
                ("household", "new"),
            ],
        )
        .await;
    assert_eq!(r.status(), 200);
    let csrf = reg.csrf("/account/tokens").await;
    let html = reg
        .post("/account/tokens", &[("csrf", &csrf), ("name", "canary")])
        .await
        .text()
        .await
        .unwrap();
    let reg_token = html
        .split("vgl_")
        .nth(1)
        .map(|s| format!("vgl_{}", s.split('<').next().unwrap()))
        .unwrap();
    let r = api
        .post(format!("{base}/api/v1/people"))
        .bearer_auth(&reg_token)
        .json(&serde_json::json!({"name_original": person_api, "phone": "+964 770 555 0199"}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 201);
    let pid = r.json::<serde_json::Value>().await.unwrap()["person_id"]
        .as_i64()
        .unwrap();
    let p: serde_json::Value = api
        .get(format!("{base}/api/v1/people/{pid}/personal"))
        .bearer_auth(&reg_token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(p["name_original"], person_api);
    // The analyst's view of the same person carries no personal data.
    let listing = api
        .get(format!("{base}/api/v1/people/{pid}"))
        .bearer_auth(&reg_token)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(!listing.contains(person_api) && !listing.contains("0199"));

    // Read the files while the server still runs, so the WAL has not been folded in.
    let mut bytes = Vec::new();
    for f in ["data/vigil.db", "data/vigil.db-wal"] {
        if let Ok(b) = std::fs::read(dir.path().join(f)) {
            bytes.extend(b);
        }
    }
    assert!(bytes.len() > 10_000, "the database files were read");
    server.kill().ok();
    server.wait().ok();
    bytes.extend(std::fs::read(&log_path).unwrap());
    let logs = std::fs::read_to_string(&log_path).unwrap();
    assert!(logs.contains("request"), "debug request logs were written");
    for canary in [
        ui_name,
        ui_contact,
        api_name,
        api_contact,
        person_ui,
        person_doc,
        "CanaryNoteZ9",
        person_api,
        "555 0199",
        watch_ui,
        watch_note,
        watch_api,
    ] {
        assert!(
            !bytes.windows(canary.len()).any(|w| w == canary.as_bytes()),
            "{canary} found in clear in the database, WAL or logs"
        );
    }
}
