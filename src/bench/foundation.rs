//! The foundation's scenarios: sign-in, audited writes, audit verification, and the
//! dashboard request.

use std::sync::Arc;

use axum::body::Body;
use axum::http::Request;
use tower::ServiceExt;

use super::{measure, outcome, Outcome};
use crate::actions;
use crate::app::App;
use crate::auth::{password, Actor};
use crate::domain::{Password, Role, Username};
use crate::i18n::Lang;

pub async fn scenarios(app: &Arc<App>, scale: usize, runs: usize) -> anyhow::Result<Vec<Outcome>> {
    let admin = Actor::system().grant()?;
    let pw = "benchmark passphrase 1";
    let (user_id, _) = actions::users::create(
        app,
        &admin,
        actions::users::NewUser {
            username: Username::parse("bench")?,
            role: Role::Analyst,
            password: Some(Password::parse(pw)?),
            full_name: None,
            contact: None,
        },
    )
    .await?;
    let actor = Actor {
        user_id,
        username: "bench".into(),
        role: Role::Analyst,
    };
    let own = actor.grant()?;
    let mut out = Vec::new();

    // Login vs raw argon2id.
    let hash = password::hash_blocking(pw)?;
    let n = 4 * scale.min(10);
    let rates = measure(
        runs,
        n,
        || async {
            for _ in 0..n {
                actions::session::login(app, "bench", pw, "127.0.0.1", None)
                    .await?
                    .map_err(|e| anyhow::anyhow!("bench login failed: {e:?}"))?;
            }
            Ok(())
        },
        || {
            let hash = hash.clone();
            async move {
                tokio::task::spawn_blocking(move || {
                    (0..n).all(|_| password::verify_blocking(pw, &hash))
                })
                .await?;
                Ok(())
            }
        },
    )
    .await?;
    out.push(outcome(
        "login",
        "sign-ins",
        n,
        rates,
        "argon2id verify, same settings",
    ));

    // Audited write vs the same write unaudited.
    let n = 100 * scale;
    let rates = measure(
        runs,
        n,
        || async {
            for i in 0..n {
                let lang = if i % 2 == 0 { Lang::Fa } else { Lang::Ar };
                actions::users::set_own_language(app, &own, lang).await?;
            }
            Ok(())
        },
        || async {
            for i in 0..n {
                let mut tx = app.store.write().await?;
                crate::store::users::set_lang(
                    &mut tx,
                    user_id,
                    if i % 2 == 0 { "fa" } else { "ar" },
                )
                .await?;
                tx.commit().await?;
            }
            Ok(())
        },
    )
    .await?;
    out.push(outcome(
        "audited write",
        "writes",
        n,
        rates,
        "same update, no audit entry",
    ));

    // Audit verify vs hashing the same entries.
    let entries = {
        let mut c = app.store.read().await?;
        crate::store::audit::scan(&mut c, 0, i64::MAX).await?
    };
    let key = app.keys.verifying_key_hex();
    let n = entries.len();
    let rates = measure(
        runs,
        n,
        || async {
            let r =
                actions::trail::verify_store(&app.store, actions::trail::Checkpoints::Stored, &key)
                    .await?;
            anyhow::ensure!(r.ok(), "the benchmark's own trail failed verification");
            Ok(())
        },
        || async {
            let mut ok = 0usize;
            for e in &entries {
                ok += usize::from(crate::audit::entry_hash(e) == e.hash);
            }
            anyhow::ensure!(ok == entries.len());
            Ok(())
        },
    )
    .await?;
    out.push(outcome(
        "audit verify",
        "entries",
        n,
        rates,
        "SHA-256 chain over the same entries in memory",
    ));

    // Dashboard vs a no-op route in the same router.
    let signed = actions::session::login(app, "bench", pw, "127.0.0.1", None)
        .await?
        .map_err(|e| anyhow::anyhow!("bench login failed: {e:?}"))?;
    let cookie = format!("vigil_session={}", signed.token);
    let router = crate::web::router(app.clone());
    let n = 200 * scale;
    let get = |path: &'static str| {
        let router = router.clone();
        let cookie = cookie.clone();
        async move {
            for _ in 0..n {
                let req = Request::get(path)
                    .header("cookie", &cookie)
                    .body(Body::empty())?;
                let res = router.clone().oneshot(req).await?;
                anyhow::ensure!(
                    res.status().is_success(),
                    "{path} answered {}",
                    res.status()
                );
                axum::body::to_bytes(res.into_body(), usize::MAX).await?;
            }
            Ok(())
        }
    };
    let rates = measure(runs, n, || get("/"), || get("/healthz")).await?;
    out.push(outcome(
        "dashboard",
        "requests",
        n,
        rates,
        "/healthz in the same router",
    ));
    Ok(out)
}
