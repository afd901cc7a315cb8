//! The built-in demo: `vigil serve --demo`.
//!
//! It makes a fresh demo data directory and a demo key directory beside it (kept
//! apart, as real keys must be), one account per role with random passwords printed
//! once, and loads the demo story — the Ashraf/Liberty record, as far as the
//! capabilities built so far hold it. Every person in it is synthetic.

mod convoys;
mod exports;
// commitments
mod commitments;
mod commitments_later;
// evidence
mod evidence;
mod evidence_files;
// incidents
mod incident_sources;
mod incidents;
mod matching;
mod registry;

// resettlement
mod resettlement;

use std::path::{Path, PathBuf};

use crate::actions::users::NewUser;
use crate::app::{self, App};
use crate::auth::Actor;
use crate::clock::Clock;
use crate::config::{Config, KeySource, Options};
use crate::crypto::MasterKey;
use crate::domain::{DisplayName, Role, Username};
use crate::store;

/// Marks a directory as made by the demo, so a later `--demo` may wipe it and nothing
/// else is ever wiped.
const MARKER: &str = ".vigil-demo";

/// Empties `dir` for a new demo, refusing any non-empty directory the demo did not make.
fn fresh_dir(dir: &Path) -> anyhow::Result<()> {
    if dir.exists() {
        let empty = std::fs::read_dir(dir)?.next().is_none();
        if !empty && !dir.join(MARKER).exists() {
            anyhow::bail!(
                "{} exists and was not made by `vigil serve --demo`; refusing to wipe it. \
                 Choose another directory with --data / --key-dir.",
                dir.display()
            );
        }
        std::fs::remove_dir_all(dir)?;
    }
    std::fs::create_dir_all(dir)?;
    std::fs::write(
        dir.join(MARKER),
        "made by vigil serve --demo; wiped by the next one\n",
    )?;
    Ok(())
}

/// One demo account per role: (role, username, synthetic full name).
const ACCOUNTS: [(Role, &str, &str); 6] = [
    (Role::Admin, "admin", "Demo Administrator"),
    (Role::Registrar, "registrar", "Demo Registrar"),
    (Role::CaseOfficer, "case_officer", "Demo Case Officer"),
    (Role::Documenter, "documenter", "Demo Documenter"),
    (Role::Analyst, "analyst", "Demo Analyst"),
    (Role::Observer, "observer", "Demo Observer"),
];

/// Loads the demo story into an empty database; returns `(role, username, password)`.
pub async fn load(app: &App) -> anyhow::Result<Vec<(Role, String, String)>> {
    let cap = Actor::system().grant()?;
    let mut out = Vec::new();
    for (role, name, full_name) in ACCOUNTS {
        let new = NewUser {
            username: Username::parse(name)?,
            role,
            password: None,
            full_name: DisplayName::parse("full_name", full_name)?,
            contact: None,
        };
        let (_, password) = crate::actions::users::create(app, &cap, new).await?;
        out.push((role, name.to_string(), password.unwrap_or_default()));
    }
    // The demo's registrar keeps the registry, so the trail shows who entered it.
    let registrar = out
        .iter()
        .find(|(r, _, _)| *r == Role::Registrar)
        .map(|(_, name, _)| name.clone())
        .unwrap_or_default();
    let mut c = app.store.read().await?;
    let registrar_id = store::users::by_username(&mut c, &registrar)
        .await?
        .map_or(0, |u| u.user_id);
    drop(c);
    let cap = Actor {
        user_id: registrar_id,
        username: registrar,
        role: Role::Registrar,
    }
    .grant()?;
    registry::load(app, &cap).await?;
    // The watch list is the demo admin's; the duplicates are the registrar's.
    let mut c = app.store.read().await?;
    let admin_id = store::users::by_username(&mut c, "admin")
        .await?
        .map_or(0, |u| u.user_id);
    drop(c);
    let admin = Actor {
        user_id: admin_id,
        username: "admin".into(),
        role: Role::Admin,
    }
    .grant()?;
    matching::load(app, &cap, &admin).await?;
    // incidents: the documentation is the demo documenter's.
    let mut c = app.store.read().await?;
    let documenter_id = store::users::by_username(&mut c, "documenter")
        .await?
        .map_or(0, |u| u.user_id);
    drop(c);
    let documenter = Actor {
        user_id: documenter_id,
        username: "documenter".into(),
        role: Role::Documenter,
    }
    .grant()?;
    incidents::load(app, &documenter).await?;
    // end incidents
    // evidence: source texts, files on an incident and a redacted copy.
    evidence::load(app, &documenter).await?;
    // resettlement: the cases are the demo case officer's.
    let mut c = app.store.read().await?;
    let officer_id = store::users::by_username(&mut c, "case_officer")
        .await?
        .map_or(0, |u| u.user_id);
    drop(c);
    let officer = Actor {
        user_id: officer_id,
        username: "case_officer".into(),
        role: Role::CaseOfficer,
    }
    .grant()?;
    resettlement::load(app, &officer).await?;
    // commitments: judged from the convoys and incidents loaded above.
    commitments::load(app, &documenter).await?;
    commitments_later::load(app, &documenter).await?;
    let mut tx = app.store.write().await?;
    store::settings::set(&mut tx, "demo", "1").await?;
    tx.commit().await?;
    Ok(out)
}

pub async fn serve_demo(
    opts: &Options,
    listen: Option<&str>,
    key_dir: Option<PathBuf>,
) -> anyhow::Result<()> {
    let data = opts
        .data
        .clone()
        .unwrap_or_else(|| PathBuf::from("vigil-demo"));
    let keys = key_dir.unwrap_or_else(|| PathBuf::from("vigil-demo-keys"));
    fresh_dir(&data)?;
    fresh_dir(&keys)?;
    let key_file = keys.join("master.key");
    let master = MasterKey::generate();
    app::write_key_file(&key_file, &master, true)?;
    // The demo always runs on its own SQLite file, whatever DATABASE_URL says: it
    // wipes its data at every start, and must never touch a real database.
    let demo_opts = Options {
        data: Some(data.clone()),
        database_url: Some(format!("sqlite://{}", data.join("vigil.db").display())),
        // Beside the demo's database (the default), never a configured real one.
        evidence_dir: None,
        key_file: Some(key_file.clone()),
        ..opts.clone()
    };
    let mut config = Config::load(&demo_opts, listen)?;
    config.key = KeySource::File(key_file);
    let mut app = App::open(config, &master, Clock::System).await?;
    let accounts = load(&app).await?;
    let (second_password, recipient_key) = exports::load(&app, &keys).await?;
    app.demo = true;
    println!(
        "vigil demo: data in {}, demo keys in {}",
        data.display(),
        keys.display()
    );
    println!("demo accounts (passwords are shown only now):");
    for (role, user, password) in &accounts {
        println!("{role}: {user} / {password}");
    }
    // Not a role of its own: the second registrar approves exports with personal data.
    println!(
        "second_registrar: {} / {second_password}",
        exports::SECOND_REGISTRAR
    );
    println!(
        "demo export recipient's secret key: {}",
        recipient_key.display()
    );
    crate::web::serve(app, None).await
}
