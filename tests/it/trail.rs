//! The audit trail under attack: a 1,000-entry trail written through the action
//! layer, then every entry edited, deleted, duplicated (inserted) and swapped with its
//! neighbour in turn, and the trail truncated — each must be detected. Plus the same
//! through the real database and `vigil audit verify`.

use vigil::audit::{self, Checkpoint, Entry, Problem, Verifier};
use vigil::auth::Actor;
use vigil::domain::Role;
use vigil::i18n::Lang;

use crate::support;

fn verify(entries: &[Entry], cps: &[Checkpoint], key: &str, head: (i64, &str)) -> Vec<Problem> {
    let mut v = Verifier::new(cps);
    for e in entries {
        v.push(e);
    }
    v.finish(head, cps, key).problems
}

#[tokio::test]
async fn every_mutation_of_a_thousand_entry_trail_is_detected() {
    let t = support::sqlite().await;
    let id = t.user("writer", Role::Analyst).await;
    let actor = Actor {
        user_id: id,
        username: "writer".into(),
        role: Role::Analyst,
    };
    let cap = actor.grant().unwrap();
    let mut c = t.app.store.read().await.unwrap();
    let (start, _) = vigil::store::audit::head(&mut c).await.unwrap();
    drop(c);
    for i in start..1000 {
        let lang = if i % 2 == 0 { Lang::Fa } else { Lang::Ar };
        vigil::actions::users::set_own_language(&t.app, &cap, lang)
            .await
            .unwrap();
    }
    let cp = t.app.checkpoint_if_due(true).await.unwrap().unwrap();
    assert_eq!(cp.seq, 1000);
    let mut c = t.app.store.read().await.unwrap();
    let entries = vigil::store::audit::scan(&mut c, 0, 5000).await.unwrap();
    assert_eq!(entries.len(), 1000);
    let key = t.app.keys.verifying_key_hex();
    let cps = vec![cp];
    let last = entries[999].hash.clone();
    assert!(verify(&entries, &cps, &key, (1000, &last)).is_empty());

    let mut missed = Vec::new();
    for i in 0..entries.len() {
        // Edit one field of entry i, leaving its stored hash.
        let mut edited = entries.clone();
        edited[i].summary.push('!');
        if verify(&edited, &cps, &key, (1000, &last)).is_empty() {
            missed.push(format!("edit {i}"));
        }
        // Edit entry i and recompute its hash (and the head): the link breaks after it,
        // or — for the last entry — the signed checkpoint no longer matches.
        let mut rehashed = entries.clone();
        rehashed[i].actor = "someone-else".into();
        rehashed[i].hash = audit::entry_hash(&rehashed[i]);
        let head = rehashed[999].hash.clone();
        if verify(&rehashed, &cps, &key, (1000, &head)).is_empty() {
            missed.push(format!("rehashed edit {i}"));
        }
        // Delete entry i.
        let mut deleted = entries.clone();
        deleted.remove(i);
        let head = deleted.last().map(|e| (e.seq, e.hash.clone())).unwrap();
        if verify(&deleted, &cps, &key, (head.0, &head.1)).is_empty() {
            missed.push(format!("delete {i}"));
        }
        // Insert a copy of entry i after it.
        let mut inserted = entries.clone();
        inserted.insert(i + 1, entries[i].clone());
        if verify(&inserted, &cps, &key, (1000, &last)).is_empty() {
            missed.push(format!("insert {i}"));
        }
        // Swap entry i with the next one.
        if i + 1 < entries.len() {
            let mut swapped = entries.clone();
            swapped.swap(i, i + 1);
            if verify(&swapped, &cps, &key, (1000, &last)).is_empty() {
                missed.push(format!("reorder {i}"));
            }
        }
    }
    // Truncate to every length, rewinding the head to match.
    for n in 0..entries.len() {
        let cut = &entries[..n];
        let head = cut
            .last()
            .map(|e| (e.seq, e.hash.clone()))
            .unwrap_or((0, audit::GENESIS.into()));
        if verify(cut, &cps, &key, (head.0, &head.1)).is_empty() {
            missed.push(format!("truncate to {n}"));
        }
    }
    assert!(missed.is_empty(), "undetected: {missed:?}");
}

/// The same attacks on the real database file, caught by the real command.
#[tokio::test]
async fn vigil_audit_verify_catches_tampering_in_the_database() {
    let t = support::sqlite().await;
    t.user("one", Role::Analyst).await;
    t.user("two", Role::Analyst).await;
    t.app.checkpoint_if_due(true).await.unwrap();
    let run = |extra: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_vigil"))
            .args([
                "--data",
                t.dir.path().join("data").to_str().unwrap(),
                "audit",
                "verify",
            ])
            .args(extra)
            .env("VIGIL_MASTER_KEY", &t.master_hex)
            .env_remove("DATABASE_URL")
            .output()
            .unwrap();
        (
            out.status.success(),
            String::from_utf8_lossy(&out.stdout).to_string(),
        )
    };
    let (ok, out) = run(&[]);
    assert!(ok, "{out}");
    assert!(out.contains("audit trail intact"));

    let cps_file = t.app.config.checkpoint_file.clone();
    let mut c = t.app.store.read().await.unwrap();
    sqlx::query("update audit_log set summary = 'role=admin' where seq = 2")
        .execute(&mut *c)
        .await
        .unwrap();
    drop(c);
    let (ok, out) = run(&["--checkpoints", cps_file.to_str().unwrap()]);
    assert!(!ok, "an edited entry went unnoticed: {out}");
    assert!(out.contains("entry 2 was altered"), "{out}");
}
