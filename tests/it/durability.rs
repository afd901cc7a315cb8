//! Durability: an import killed with SIGKILL at an arbitrary moment leaves only whole
//! batches behind (a multiple of the batch size), and the audit trail still verifies.

use std::io::Write;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn csv(rows: usize) -> String {
    let given = [
        "Zahra", "Maryam", "Leila", "Ali", "Reza", "Mehdi", "Narges", "Saeed",
    ];
    let family = [
        "Ahmadi", "Karimi", "Rezaei", "Moradi", "Jafari", "Rahimi", "Sadeghi", "Kazemi", "Najafi",
    ];
    let mut out = String::from("external_id,name_latin,birth_year,site\n");
    for i in 0..rows {
        let g = given[i % given.len()];
        let f = family[(i / given.len()) % family.len()];
        out.push_str(&format!("K-{i},{g} {f} {i},{},KILL\n", 1940 + (i % 80)));
    }
    out
}

#[test]
fn a_killed_import_leaves_whole_batches_and_a_sound_trail() {
    let dir = tempfile::tempdir().unwrap();
    let key = vigil::crypto::MasterKey::generate().to_hex();
    let vigil = || {
        let mut c = Command::new(env!("CARGO_BIN_EXE_vigil"));
        c.arg("--data")
            .arg(dir.path().join("data"))
            .env("VIGIL_MASTER_KEY", &key)
            .env_remove("DATABASE_URL");
        c
    };
    let mut add = vigil()
        .args([
            "user",
            "add",
            "reg",
            "--role",
            "registrar",
            "--password-stdin",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    writeln!(add.stdin.take().unwrap(), "a long test passphrase").unwrap();
    assert!(add.wait().unwrap().success());
    // The site the rows name, made through the library on the same database.
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(async {
        let opts = vigil::config::Options {
            data: Some(dir.path().join("data")),
            database_url: Some(format!(
                "sqlite://{}",
                dir.path().join("data/vigil.db").display()
            )),
            ..Default::default()
        };
        let config = vigil::config::Config::load(&opts, None).unwrap();
        let master = vigil::crypto::MasterKey::parse(&key).unwrap();
        let app = vigil::app::App::open(config, &master, vigil::clock::Clock::System)
            .await
            .unwrap();
        let cap = vigil::auth::Actor {
            user_id: 0,
            username: "setup".into(),
            role: vigil::domain::Role::Registrar,
        }
        .grant()
        .unwrap();
        let site = vigil::domain::site::SiteInput::parse(
            "KILL", "Camp", "", "", "camp", "IRQ", "", "", "",
        )
        .unwrap();
        vigil::actions::registry::sites::create(&app, &cap, site)
            .await
            .unwrap();
        app.store.close().await;
    });
    let file = dir.path().join("people.csv");
    std::fs::write(&file, csv(5 * vigil::actions::registry::import::BATCH)).unwrap();
    let mut child = vigil()
        .args(["import", "people", file.to_str().unwrap(), "--as", "reg"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Kill it while it writes: after the first batch has had time to commit.
    let started = Instant::now();
    let db = dir.path().join("data/vigil.db");
    loop {
        std::thread::sleep(Duration::from_millis(200));
        let wal = std::fs::metadata(dir.path().join("data/vigil.db-wal"))
            .map(|m| m.len())
            .unwrap_or(0);
        if wal > 2_000_000
            || started.elapsed() > Duration::from_secs(20)
            || child.try_wait().unwrap().is_some()
        {
            break;
        }
    }
    child.kill().ok();
    child.wait().ok();
    let out = vigil().args(["audit", "verify"]).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let people: i64 = rt.block_on(async {
        let store = vigil::store::Store::connect(&format!("sqlite://{}", db.display()))
            .await
            .unwrap();
        let mut c = store.read().await.unwrap();
        vigil::store::people::count(&mut c).await.unwrap()
    });
    eprintln!("{people} people after the kill");
    assert!(
        people < 5 * vigil::actions::registry::import::BATCH as i64,
        "the import finished before it was killed"
    );
    assert_eq!(
        people % vigil::actions::registry::import::BATCH as i64,
        0,
        "{people} people: a batch was half written"
    );
}
