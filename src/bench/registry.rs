//! The registry's scenarios: importing people from CSV (read, validated, sealed,
//! indexed, audited) against a raw prepared insert of the same pre-parsed rows, and
//! the registry list page against `/healthz` in the same router.

use std::fmt::Write as _;
use std::sync::Arc;

use axum::body::Body;
use axum::http::Request;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use tower::ServiceExt;

use super::{measure, outcome, Outcome};
use crate::actions;
use crate::app::App;
use crate::auth::capability::WriteRegistry;
use crate::auth::{Actor, Cap};
use crate::domain::site::SiteInput;
use crate::domain::{Password, Role, Username};

const GIVEN: [&str; 12] = [
    "Zahra", "Maryam", "Narges", "Leila", "Mina", "Parvin", "Ali", "Reza", "Hossein", "Mehdi",
    "Javad", "Saeed",
];
const FAMILY: [&str; 12] = [
    "Ahmadi", "Karimi", "Rezaei", "Moradi", "Jafari", "Rahimi", "Sadeghi", "Ghasemi", "Mousavi",
    "Kazemi", "Najafi", "Salehi",
];

fn pick(rng: &mut StdRng, l: &[&'static str]) -> &'static str {
    l.get(rng.gen_range(0..l.len())).copied().unwrap_or("Ali")
}

/// `rows` synthetic people as an import CSV, deterministic for a seed; external ids
/// start at `first`.
pub fn people_csv(seed: u64, first: usize, rows: usize) -> String {
    let mut rng = StdRng::seed_from_u64(seed);
    let mut out =
        String::from("external_id,name_latin,sex,birth_year,site,household,relationship\n");
    let mut hh = 0;
    for i in first..first + rows {
        let head = rng.gen_bool(0.4) || i == first;
        if head {
            hh = i;
        }
        let _ = writeln!(
            out,
            "B-{i},{} {},{},{},BENCH,H-{hh},{}",
            pick(&mut rng, &GIVEN),
            pick(&mut rng, &FAMILY),
            if rng.gen_bool(0.5) { "female" } else { "male" },
            rng.gen_range(1940..2020),
            if head { "head" } else { "other" }
        );
    }
    out
}

async fn import(app: &App, cap: &Cap<WriteRegistry>, csv: &[u8]) -> anyhow::Result<usize> {
    let table =
        crate::io::table::read_table(csv, "bench.csv").map_err(|e| anyhow::anyhow!("{e}"))?;
    let mut report = crate::io::import::validate_people(&table, 2026);
    drop(table);
    let sites = actions::registry::import::check(app, &mut report).await?;
    anyhow::ensure!(
        report.rejected.is_empty(),
        "bench rows were rejected: {:?}",
        report.rejected.first()
    );
    let out = actions::registry::import::commit(app, cap, &report, &sites, "bench", |_| {}).await?;
    Ok(out.added)
}

pub async fn scenarios(app: &Arc<App>, scale: usize, runs: usize) -> anyhow::Result<Vec<Outcome>> {
    let mut out = Vec::new();
    let admin = Actor::system().grant()?;
    let pw = "benchmark passphrase 2";
    let (reg_id, _) = actions::users::create(
        app,
        &admin,
        actions::users::NewUser {
            username: Username::parse("bench-registrar")?,
            role: Role::Registrar,
            password: Some(Password::parse(pw)?),
            full_name: None,
            contact: None,
        },
    )
    .await?;
    let cap: Cap<WriteRegistry> = Actor {
        user_id: reg_id,
        username: "bench-registrar".into(),
        role: Role::Registrar,
    }
    .grant()?;
    actions::registry::sites::create(
        app,
        &cap,
        SiteInput::parse("BENCH", "Bench camp", "", "", "camp", "IRQ", "", "", "")?,
    )
    .await?;

    // Import vs a raw prepared insert of the same rows, pre-parsed.
    let n = 3_000 * scale;
    let csvs: Vec<String> = (0..runs).map(|r| people_csv(r as u64, r * n, n)).collect();
    let parsed: Vec<(String, String, i64)> = csvs
        .first()
        .map(|c| {
            c.lines()
                .skip(1)
                .filter_map(|l| {
                    let f: Vec<&str> = l.split(',').collect();
                    Some((
                        f.first()?.to_string(),
                        f.get(2)?.to_string(),
                        f.get(3)?.parse().ok()?,
                    ))
                })
                .collect()
        })
        .unwrap_or_default();
    {
        let mut c = app.store.read().await?;
        sqlx::query(
            "create table if not exists bench_people (code text primary key, external_id text, sex text, birth_year bigint)",
        )
        .execute(&mut *c)
        .await?;
    }
    let round = std::sync::atomic::AtomicUsize::new(0);
    let rates = measure(
        runs,
        n,
        || async {
            let r = round.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            let csv = csvs.get(r % csvs.len()).map(String::as_bytes).unwrap_or_default();
            let added = import(app, &cap, csv).await?;
            anyhow::ensure!(added == n, "imported {added} of {n}");
            Ok(())
        },
        || async {
            let mut tx = app.store.write().await?;
            sqlx::query("delete from bench_people").execute(&mut *tx).await?;
            for (i, (ext, sex, year)) in parsed.iter().enumerate() {
                sqlx::query("insert into bench_people (code, external_id, sex, birth_year) values ($1, $2, $3, $4)")
                    .bind(format!("VG-{i:08}"))
                    .bind(ext)
                    .bind(sex)
                    .bind(year)
                    .execute(&mut *tx)
                    .await?;
            }
            tx.commit().await?;
            Ok(())
        },
    )
    .await?;
    out.push(outcome(
        "import people",
        "rows",
        n,
        rates,
        "prepared insert of the same parsed rows",
    ));

    // The registry list (first page and a filtered page) vs /healthz.
    let signed = actions::session::login(app, "bench-registrar", pw, "127.0.0.1", None)
        .await?
        .map_err(|e| anyhow::anyhow!("bench login failed: {e:?}"))?;
    let cookie = format!("vigil_session={}", signed.token);
    let router = crate::web::router(app.clone());
    let pages = 100 * scale.min(10);
    let get = |path: &'static str| {
        let router = router.clone();
        let cookie = cookie.clone();
        async move {
            for _ in 0..pages {
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
    let rates = measure(
        runs,
        pages,
        || get("/registry/people?site=BENCH&status=present"),
        || get("/healthz"),
    )
    .await?;
    out.push(outcome(
        "registry list",
        "requests",
        pages,
        rates,
        "/healthz in the same router",
    ));
    Ok(out)
}
