//! The court bundle, checked the way its recipient would: on SQLite and PostgreSQL a
//! bundle is made for an incident with files attached to it, to its claim and to the
//! claim's source; Debian's `age` decrypts it, `tar` unpacks it, `sha256sum -c` and
//! `b3sum --check` accept it, and `vigil audit verify-bundle` (the real binary, no
//! database) verifies the signed trail segment. A flipped bit in any file, an edited
//! trail entry, a rewritten manifest or another key are each caught.

use std::path::{Path, PathBuf};
use std::process::Command;

use vigil::actions::documentation::{bundle, evidence, incidents as doc};
use vigil::actions::ActionError;
use vigil::domain::export::Recipient;

use crate::evidence::{capture, incident, ingest, png};
use crate::incidents::{claim, documenter, org, reader, source_input};
use crate::support::{self, TestApp};

fn required() -> bool {
    std::env::var_os("CI").is_some_and(|v| !v.is_empty())
}

fn have(tool: &str) -> bool {
    let ok = Command::new(tool).arg("--version").output().is_ok();
    assert!(ok || !required(), "CI is set but {tool} is missing");
    ok
}

/// An incident with a photo (several chunks), a claim with a note and the claim's
/// source with a Persian text; returns the incident and the three evidence ids.
async fn story(t: &TestApp) -> (i64, Vec<i64>) {
    let id = incident(t).await;
    org(t, "Bundle Outlet", "media_outlet", "").await;
    let source = vigil::actions::documentation::sources::create(
        &t.app,
        &documenter(),
        &source_input("Bundle source", "Bundle Outlet", "independent", "", "B"),
    )
    .await
    .unwrap();
    let cl = doc::add_claim(&t.app, &documenter(), id, &claim(source, "killed=2", "2"))
        .await
        .unwrap();
    let mut ids = Vec::new();
    for (name, bytes, kind, target) in [
        ("photo.png", png(600_000, b"bundle"), "incident", id),
        ("note.txt", b"the witness note".to_vec(), "claim", cl),
        (
            "گزارش.txt",
            "گزارش شاهد عینی".as_bytes().to_vec(),
            "source",
            source,
        ),
    ] {
        let f = ingest(t, name, &bytes, 1 << 22).unwrap();
        ids.push(
            evidence::record(&t.app, &documenter(), f, &capture(kind, target))
                .await
                .unwrap(),
        );
    }
    evidence::download(&t.app, &reader(), ids[0]).await.unwrap();
    (id, ids)
}

/// The whole encrypted stream of a bundle.
async fn make(t: &TestApp, id: i64, recipient: &Recipient) -> Result<Vec<u8>, ActionError> {
    let plan = bundle::prepare(&t.app, &documenter(), id, recipient).await?;
    let (tx, mut rx) = tokio::sync::mpsc::channel(4);
    let app = t.app.clone();
    tokio::spawn(async move { bundle::stream(&app, plan, tx).await });
    let mut out = Vec::new();
    while let Some(chunk) = rx.recv().await {
        out.extend(chunk.unwrap());
    }
    Ok(out)
}

fn run(cmd: &mut Command) -> (bool, String) {
    let out = cmd.output().unwrap();
    (
        out.status.success(),
        format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ),
    )
}

fn verify_bundle(dir: &Path, key: &str) -> (bool, String) {
    run(Command::new(env!("CARGO_BIN_EXE_vigil"))
        .args(["audit", "verify-bundle"])
        .arg(dir)
        .args(["--public-key", key]))
}

/// Decrypts with Debian's age (the crate where the tool is absent) and unpacks.
fn unpack(encrypted: &[u8], identity: &age::x25519::Identity, into: &Path) -> PathBuf {
    use age::secrecy::ExposeSecret;
    let tar = into.join("bundle.tar");
    if have("age") {
        let key = into.join("recipient.key");
        std::fs::write(&key, format!("{}\n", identity.to_string().expose_secret())).unwrap();
        let enc = into.join("bundle.tar.age");
        std::fs::write(&enc, encrypted).unwrap();
        let (ok, out) = run(Command::new("age")
            .arg("-d")
            .arg("-i")
            .arg(&key)
            .arg("-o")
            .arg(&tar)
            .arg(&enc));
        assert!(ok, "age refused the bundle: {out}");
    } else {
        let d = age::Decryptor::new(encrypted).unwrap();
        let mut r = d
            .decrypt(std::iter::once(identity as &dyn age::Identity))
            .unwrap();
        let mut plain = Vec::new();
        std::io::Read::read_to_end(&mut r, &mut plain).unwrap();
        std::fs::write(&tar, plain).unwrap();
    }
    let (ok, out) = run(Command::new("tar").arg("-xf").arg(&tar).arg("-C").arg(into));
    assert!(ok, "tar: {out}");
    std::fs::read_dir(into)
        .unwrap()
        .flatten()
        .find(|e| e.path().is_dir())
        .unwrap()
        .path()
}

fn sums_ok(root: &Path) -> (bool, bool) {
    let (sha, out) = run(Command::new("sha256sum")
        .args(["-c", "--strict", "SHA256SUMS"])
        .current_dir(root));
    assert!(sha || out.contains("FAILED"), "{out}");
    let b3 = !have("b3sum")
        || run(Command::new("b3sum")
            .args(["--check", "B3SUMS"])
            .current_dir(root))
        .0;
    (sha, b3)
}

#[tokio::test]
async fn a_bundle_is_checked_by_age_sha256sum_b3sum_and_verify_bundle() {
    for t in support::both().await {
        let (id, ids) = story(&t).await;
        let identity = age::x25519::Identity::generate();
        let recipient = Recipient::parse(&identity.to_public().to_string()).unwrap();
        let encrypted = make(&t, id, &recipient).await.unwrap();
        assert!(
            !encrypted.windows(6).any(|w| w == b"bundle"),
            "the archive is encrypted"
        );
        let dir = tempfile::tempdir().unwrap();
        let root = unpack(&encrypted, &identity, dir.path());
        assert!(root.ends_with(format!("vigil-bundle-incident-{id}")));

        // The originals, byte for byte, named by their evidence number.
        let photo = std::fs::read(root.join(format!("files/{}-photo.png", ids[0]))).unwrap();
        assert_eq!(photo, png(600_000, b"bundle"));
        assert!(root.join(format!("files/{}-note.txt", ids[1])).is_file());
        assert_eq!(std::fs::read_dir(root.join("files")).unwrap().count(), 3);
        let incident_json = std::fs::read_to_string(root.join("incident.json")).unwrap();
        assert!(incident_json.contains("Evidence incident"));
        assert!(incident_json.contains("Rockets struck the camp"));
        // Who handed a file over may name a witness: never in the bundle.
        for f in [
            "files.json",
            "incident.json",
            "custody.jsonl",
            "trail.jsonl",
        ] {
            let text = std::fs::read_to_string(root.join(f)).unwrap();
            assert!(!text.contains("Canary-Q7Z"), "{f} names the witness");
        }
        let custody = std::fs::read_to_string(root.join("custody.jsonl")).unwrap();
        for action in ["evidence.receive", "evidence.download", "evidence.export"] {
            assert!(custody.contains(action), "custody lacks {action}");
        }

        assert_eq!(sums_ok(&root), (true, true), "{}", t.backend);
        let key = t.app.keys.verifying_key_hex();
        let (ok, out) = verify_bundle(&root, &key);
        assert!(ok, "{}: {out}", t.backend);
        assert!(out.contains("3 file(s)"), "{out}");

        // Another key proves nothing.
        let other = hex::encode(
            ed25519_dalek::SigningKey::from_bytes(&[9u8; 32])
                .verifying_key()
                .as_bytes(),
        );
        let (ok, out) = verify_bundle(&root, &other);
        assert!(!ok && out.contains("not signed by the key given"), "{out}");

        // The database's own trail still verifies, and holds the bundle's checkpoint.
        let report = t.trail().await;
        assert!(report.ok(), "{:?}", report.problems);
    }
}

/// Copies an unpacked bundle so each tampering starts from the intact one.
fn copy(from: &Path, to: &Path) {
    std::fs::create_dir_all(to.join("files")).unwrap();
    for e in std::fs::read_dir(from).unwrap().flatten() {
        if e.path().is_file() {
            std::fs::copy(e.path(), to.join(e.file_name())).unwrap();
        }
    }
    for e in std::fs::read_dir(from.join("files")).unwrap().flatten() {
        std::fs::copy(e.path(), to.join("files").join(e.file_name())).unwrap();
    }
}

fn flip(path: &Path, at: usize) {
    let mut b = std::fs::read(path).unwrap();
    let at = at.min(b.len() - 1);
    b[at] ^= 0x01;
    std::fs::write(path, b).unwrap();
}

#[tokio::test]
async fn any_tampering_with_a_bundle_is_caught() {
    let t = support::sqlite().await;
    let (id, ids) = story(&t).await;
    let identity = age::x25519::Identity::generate();
    let recipient = Recipient::parse(&identity.to_public().to_string()).unwrap();
    let encrypted = make(&t, id, &recipient).await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let root = unpack(&encrypted, &identity, dir.path());
    let key = t.app.keys.verifying_key_hex();
    let work = tempfile::tempdir().unwrap();
    let fresh = |name: &str| {
        let d = work.path().join(name);
        copy(&root, &d);
        d
    };

    // A bit flipped in any bundled file: the standard tools and verify-bundle see it.
    let mut files: Vec<String> = vec![
        "README.txt".into(),
        "incident.json".into(),
        "files.json".into(),
    ];
    files.extend(
        std::fs::read_dir(root.join("files"))
            .unwrap()
            .flatten()
            .map(|e| format!("files/{}", e.file_name().to_string_lossy())),
    );
    for (n, f) in files.iter().enumerate() {
        let d = fresh(&format!("flip{n}"));
        flip(&d.join(f), 300_001);
        let (sha, b3) = sums_ok(&d);
        assert!(!sha, "sha256sum missed a flipped bit in {f}");
        assert!(!b3 || !have("b3sum"), "b3sum missed a flipped bit in {f}");
        let (ok, out) = verify_bundle(&d, &key);
        assert!(!ok && out.contains(f.as_str()), "{f}: {out}");
    }

    // A file swapped together with both manifests: the trail recorded other manifests.
    let d = fresh("rewritten");
    let target = d.join(format!("files/{}-note.txt", ids[1]));
    std::fs::write(&target, b"a different note").unwrap();
    for (m, tool) in [("SHA256SUMS", "sha256sum"), ("B3SUMS", "b3sum")] {
        if tool == "b3sum" && !have("b3sum") {
            continue;
        }
        let names: Vec<String> = std::fs::read_to_string(d.join(m))
            .unwrap()
            .lines()
            .map(|l| l.split_once("  ").unwrap().1.to_string())
            .collect();
        let out = Command::new(tool)
            .args(&names)
            .current_dir(&d)
            .output()
            .unwrap();
        std::fs::write(d.join(m), out.stdout).unwrap();
    }
    assert!(sums_ok(&d).0, "the rewritten manifest is self-consistent");
    let (ok, out) = verify_bundle(&d, &key);
    assert!(
        !ok && out.contains("not the manifest the trail recorded"),
        "{out}"
    );

    // An edited trail entry (hiding who downloaded a file), and one removed.
    let d = fresh("edited");
    let trail = std::fs::read_to_string(d.join("trail.jsonl")).unwrap();
    std::fs::write(
        d.join("trail.jsonl"),
        trail.replace("\"actor\":\"test-analyst\"", "\"actor\":\"nobody\""),
    )
    .unwrap();
    let (ok, out) = verify_bundle(&d, &key);
    assert!(!ok && out.contains("was altered"), "{out}");
    let d = fresh("removed");
    let kept: Vec<&str> = trail
        .lines()
        .filter(|l| !l.contains("evidence.download"))
        .collect();
    std::fs::write(d.join("trail.jsonl"), kept.join("\n") + "\n").unwrap();
    let (ok, out) = verify_bundle(&d, &key);
    assert!(!ok && out.contains("removed, added or reordered"), "{out}");

    // A custody log that leaves out the download.
    let d = fresh("custody");
    let custody = std::fs::read_to_string(d.join("custody.jsonl")).unwrap();
    let kept: Vec<&str> = custody
        .lines()
        .filter(|l| !l.contains("evidence.download"))
        .collect();
    std::fs::write(d.join("custody.jsonl"), kept.join("\n") + "\n").unwrap();
    let (ok, out) = verify_bundle(&d, &key);
    assert!(!ok && out.contains("custody.jsonl lacks"), "{out}");

    // An extra file slipped in.
    let d = fresh("extra");
    std::fs::write(d.join("files/99-planted.jpg"), b"planted").unwrap();
    let (ok, out) = verify_bundle(&d, &key);
    assert!(!ok && out.contains("planted"), "{out}");
}

#[tokio::test]
async fn an_incident_without_evidence_has_no_bundle_and_nothing_is_written() {
    for t in support::both().await {
        let id = incident(&t).await;
        let identity = age::x25519::Identity::generate();
        let recipient = Recipient::parse(&identity.to_public().to_string()).unwrap();
        let count = |t: &TestApp| {
            let app = t.app.clone();
            async move {
                let mut c = app.store.read().await.unwrap();
                sqlx::query_scalar::<_, i64>(
                    "select (select count(*) from audit_log) + (select count(*) from audit_checkpoints)",
                )
                .fetch_one(&mut *c)
                .await
                .unwrap()
            }
        };
        let before = count(&t).await;
        let e = make(&t, id, &recipient).await;
        assert!(
            matches!(&e, Err(ActionError::Invalid(i)) if i.key == "bundle-invalid-empty"),
            "{:?}",
            e.err()
        );
        assert_eq!(count(&t).await, before, "nothing half-written");
        assert!(matches!(
            make(&t, 999_999, &recipient).await,
            Err(ActionError::NotFound)
        ));
    }
}

/// The command line writes the same bundle into a file, recorded under a documenter.
#[tokio::test]
async fn vigil_evidence_bundle_writes_a_verifiable_file() {
    let t = support::sqlite().await;
    let (id, _) = story(&t).await;
    t.user("doc_cli", vigil::domain::Role::Documenter).await;
    t.user("ana_cli", vigil::domain::Role::Analyst).await;
    let identity = age::x25519::Identity::generate();
    let public = identity.to_public().to_string();
    let out_dir = tempfile::tempdir().unwrap();
    let file = out_dir.path().join("b.tar.age");
    let cli = |user: &str| {
        run(Command::new(env!("CARGO_BIN_EXE_vigil"))
            .arg("--data")
            .arg(t.dir.path().join("data"))
            .env("VIGIL_MASTER_KEY", &t.master_hex)
            .env_remove("DATABASE_URL")
            .args([
                "evidence",
                "bundle",
                "--incident",
                &id.to_string(),
                "--recipient",
                &public,
                "--out",
            ])
            .arg(&file)
            .args(["--as", user]))
    };
    let (ok, out) = cli("ana_cli");
    assert!(!ok && out.contains("not a documenter"), "{out}");
    assert!(!file.exists());
    let (ok, out) = cli("doc_cli");
    assert!(ok, "{out}");
    let root = unpack(&std::fs::read(&file).unwrap(), &identity, out_dir.path());
    let (ok, out) = verify_bundle(&root, &t.app.keys.verifying_key_hex());
    assert!(ok, "{out}");
    let trail = std::fs::read_to_string(root.join("trail.jsonl")).unwrap();
    assert!(
        trail.contains("\"actor\":\"doc_cli\""),
        "recorded under the documenter"
    );
}

/// Through the router: the incident's page offers the form to the documenter only; a
/// mistyped key goes back with the reason and writes nothing; the page's download and
/// the API's are bundles the recipient's key opens and verify-bundle accepts.
#[tokio::test]
async fn the_page_and_the_api_hand_out_bundles() {
    use crate::support::{Browser, PASSWORD};
    let t = support::sqlite().await;
    let (id, ids) = story(&t).await;
    let doc_id = t.user("doc_web", vigil::domain::Role::Documenter).await;
    t.user("ana_web", vigil::domain::Role::Analyst).await;
    let token = t
        .token(doc_id, "doc", vigil::domain::Role::Documenter)
        .await;
    let identity = age::x25519::Identity::generate();
    let public = identity.to_public().to_string();
    let base = t.serve().await;
    let page = format!("/documentation/incidents/{id}");

    let analyst = Browser::new(&base);
    assert_eq!(analyst.login("ana_web", PASSWORD).await, 303);
    let (_, html) = analyst.text(&page).await;
    assert!(
        !html.contains("/bundle\""),
        "an analyst is offered the bundle"
    );

    let doc = Browser::new(&base);
    assert_eq!(doc.login("doc_web", PASSWORD).await, 303);
    let (_, html) = doc.text(&page).await;
    assert!(html.contains(&format!("/documentation/incidents/{id}/bundle")));
    let audit_rows = || async {
        let mut c = t.app.store.read().await.unwrap();
        sqlx::query_scalar::<_, i64>(
            "select count(*) from audit_log where action = 'evidence.bundle'",
        )
        .fetch_one(&mut *c)
        .await
        .unwrap()
    };
    // The last character changed (to one it is not: a key may end in 'x').
    let typo = format!(
        "{}{}",
        &public[..61],
        if public.ends_with('x') { 'y' } else { 'x' }
    );
    let res = doc
        .submit(&page, &format!("{page}/bundle"), &[("recipient", &typo)])
        .await;
    assert_eq!(res.status(), 303);
    assert_eq!(support::location(&res), page);
    let (_, html) = doc.text(&page).await;
    assert!(html.contains("age1 followed by 58"), "the reason is shown");
    assert_eq!(audit_rows().await, 0);

    let res = doc
        .submit(&page, &format!("{page}/bundle"), &[("recipient", &public)])
        .await;
    assert_eq!(res.status(), 200);
    assert!(res.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .contains(&format!("vigil-bundle-incident-{id}.tar.age")));
    let from_page = res.bytes().await.unwrap().to_vec();
    let dir = tempfile::tempdir().unwrap();
    let root = unpack(&from_page, &identity, dir.path());
    assert!(verify_bundle(&root, &t.app.keys.verifying_key_hex()).0);

    let res = reqwest::Client::new()
        .post(format!("{base}/api/v1/incidents/{id}/bundle"))
        .bearer_auth(&token)
        .json(&serde_json::json!({ "recipient": public }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let dir = tempfile::tempdir().unwrap();
    let root = unpack(&res.bytes().await.unwrap(), &identity, dir.path());
    let (ok, out) = verify_bundle(&root, &t.app.keys.verifying_key_hex());
    assert!(ok, "{out}");
    assert_eq!(audit_rows().await, 2);
    // The file's page lists the export in its custody chain.
    let (_, html) = doc
        .text(&format!("/documentation/evidence/{}", ids[0]))
        .await;
    assert!(
        html.contains("exported in a court bundle"),
        "custody shows the export"
    );
}
