//! The documenter's corrections through the real binary: `vigil incident retract|edit`,
//! `vigil source retract`, `vigil claim retract`, `vigil organisation edit`. Each acts
//! as the `--as` account (a documenter; an analyst is refused), prints JSON, and goes
//! through the same action as the web: the change and its audit entry under that name.
//! Bad input names the field, exits with 2 and writes nothing.

use std::process::Output;

use vigil::actions::documentation::{self as doc, recording, sources};
use vigil::app::{self, App};
use vigil::clock::Clock;
use vigil::config::{Config, Options};
use vigil::domain::source::OrganisationInput;

use crate::cli::{text, Env};
use crate::incidents::{claim, documenter, incident_input, source_input};

async fn open(e: &Env) -> App {
    let opts = Options {
        data: Some(e.dir.path().join("data")),
        key_file: Some(e.dir.path().join("keys/master.key")),
        ..Options::default()
    };
    let config = Config::load(&opts, None).unwrap();
    let master = app::load_master_key(&config).unwrap();
    App::open(config, &master, Clock::System).await.unwrap()
}

async fn scalar(e: &Env, sql: &str) -> serde_json::Value {
    let app = open(e).await;
    let mut c = app.store.read().await.unwrap();
    let v: Option<String> = sqlx::query_scalar(sql).fetch_one(&mut *c).await.unwrap();
    drop(c);
    app.store.close().await;
    v.map_or(serde_json::Value::Null, serde_json::Value::String)
}

fn json(o: &Output) -> serde_json::Value {
    assert!(o.status.success(), "{}", text(o));
    serde_json::from_slice(&o.stdout).unwrap_or_else(|_| panic!("{}", text(o)))
}

/// Exit code 2 and the field named.
fn refused(o: &Output, field: &str) {
    assert_eq!(o.status.code(), Some(2), "{}", text(o));
    assert!(text(o).contains(field), "{field}: {}", text(o));
}

#[tokio::test(flavor = "multi_thread")]
async fn corrections_from_the_command_line() {
    let e = Env::keyed();
    let run = |args: &[&str]| e.vigil(args);
    for (name, role) in [("dora", "documenter"), ("ana", "analyst")] {
        assert!(run(&["user", "add", name, "--role", role]).status.success());
    }

    // The record to correct, written through the actions in-process.
    let app = open(&e).await;
    let cap = documenter();
    let o = OrganisationInput::parse("Wire One", "media_outlet", "");
    let org = doc::create_org(&app, &cap, &o.unwrap()).await.unwrap();
    let one = sources::create(
        &app,
        &cap,
        &source_input("One", "Wire One", "independent", "", "B"),
    )
    .await
    .unwrap();
    let claims = [
        claim(one, "killed = 3", "2"),
        claim(one, "injured = 5", "3"),
    ];
    let done = recording::record(&app, &cap, &incident_input("Rockets", ""), &claims)
        .await
        .unwrap();
    app.store.close().await;
    let (id, org, one) = (done.id.to_string(), org.to_string(), one.to_string());
    let claim_id = done.claims[0].to_string();
    let audited = "select cast(count(*) as text) from audit_log";
    let before = scalar(&e, audited).await;

    // Bad input: exit 2, the field named, nothing written.
    let o = run(&["incident", "retract", &id, "--reason", " ", "--as", "dora"]);
    refused(&o, "reason");
    let o = run(&[
        "incident",
        "edit",
        &id,
        "--category",
        "picnic",
        "--as",
        "dora",
    ]);
    refused(&o, "category");
    let o = run(&[
        "incident",
        "edit",
        &id,
        "--started",
        "2013-13",
        "--as",
        "dora",
    ]);
    refused(&o, "started");
    let o = run(&[
        "organisation",
        "edit",
        &org,
        "--kind",
        "club",
        "--as",
        "dora",
    ]);
    refused(&o, "kind");
    assert_eq!(scalar(&e, audited).await, before, "nothing written");

    // Refused: an analyst, and an incident that does not exist.
    let o = run(&["incident", "retract", &id, "--reason", "x", "--as", "ana"]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    assert!(text(&o).contains("is not a documenter"), "{}", text(&o));
    let o = run(&["claim", "retract", "9999", "--reason", "x", "--as", "dora"]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    assert!(text(&o).contains("not found"), "{}", text(&o));
    assert_eq!(scalar(&e, audited).await, before, "nothing written");

    // An edit changes the fields given and keeps the others.
    let v = json(&run(&[
        "incident",
        "edit",
        &id,
        "--title",
        "Rocket attack",
        "--as",
        "dora",
    ]));
    assert_eq!(v["edited"], "incident");
    let row = format!(
        "select title || '|' || category || '|' || place from incidents where incident_id = {id}"
    );
    assert_eq!(
        scalar(&e, &row).await,
        "Rocket attack|rocket_attack|North of the camp"
    );
    let v = json(&run(&[
        "organisation",
        "edit",
        &org,
        "--name",
        "Wire Uno",
        "--as",
        "dora",
    ]));
    assert_eq!(v["edited"], "organisation");
    let name =
        format!("select name || '|' || kind from organisations where organisation_id = {org}");
    assert_eq!(scalar(&e, &name).await, "Wire Uno|media_outlet");

    // Retractions: a claim, the source, the incident; each once.
    let v = json(&run(&[
        "claim",
        "retract",
        &claim_id,
        "--reason",
        "misquoted",
        "--as",
        "dora",
    ]));
    assert_eq!(v["incident"], done.id);
    let v = json(&run(&[
        "source",
        "retract",
        &one,
        "--reason",
        "fabricated",
        "--as",
        "dora",
    ]));
    assert_eq!(v["retracted"], "source");
    let v = json(&run(&[
        "incident",
        "retract",
        &id,
        "--reason",
        "a duplicate",
        "--as",
        "dora",
    ]));
    assert_eq!(v["id"], done.id);
    let o = run(&[
        "incident", "retract", &id, "--reason", "again", "--as", "dora",
    ]);
    refused(&o, "incident");
    let why = format!("select retraction_reason from incidents where incident_id = {id}");
    assert_eq!(scalar(&e, &why).await, "a duplicate");

    // Each change audited once, under the account that made it.
    let trail = "select group_concat(action, ',') from (select action from audit_log
                 where actor = 'dora' order by seq)";
    assert_eq!(
        scalar(&e, trail).await,
        "incident.edit,organisation.edit,claim.retract,source.retract,incident.retract"
    );
}
