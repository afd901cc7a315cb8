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

/// `rows` synthetic people as an import CSV, deterministic for a seed; external ids
/// (and document numbers) start at `first`. Every row has both scripts of a name, a
/// document number, a birth year and a household; a few have specific needs. Names
/// follow `names`: Zipf-like, given names by sex, family names from a few hundred.
pub fn people_csv(seed: u64, first: usize, rows: usize) -> String {
    let mut rng = StdRng::seed_from_u64(seed);
    let mut out = String::from(
        "external_id,name_latin,name_original,sex,birth_year,document,site,household,relationship,vulnerabilities\n",
    );
    let mut hh = 0;
    let names = super::names::names();
    for i in first..first + rows {
        let head = rng.gen_bool(0.4) || i == first;
        if head {
            hh = i;
        }
        let female = rng.gen_bool(0.5);
        let (_, gi, fi) = names.draw(&mut rng, female);
        let (Some(g), Some(f)) = (names.given(female, gi), names.family(fi)) else {
            continue;
        };
        let need = if rng.gen_bool(0.05) {
            "serious_medical:urgent"
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "B-{i},{} {},{} {},{},{},P{i:08},BENCH,H-{hh},{},{need}",
            g.usual(),
            f.usual(),
            g.script,
            f.script,
            if female { "female" } else { "male" },
            rng.gen_range(1940..2020),
            if head { "head" } else { "other" }
        );
    }
    out
}

/// Copies what the log holds into the database file (SQLite), so that each side of a
/// round pays for writing out its own changes, inside its own time, and not for what
/// the other side left in the log (the anchor's rate swung sixfold with that debt).
async fn write_out(app: &App) -> anyhow::Result<()> {
    if app.store.backend() == crate::store::Backend::Sqlite {
        let mut c = app.store.read().await?;
        sqlx::query("pragma wal_checkpoint(truncate)")
            .execute(&mut *c)
            .await?;
    }
    Ok(())
}

async fn import(app: &App, cap: &Cap<WriteRegistry>, csv: &[u8]) -> anyhow::Result<usize> {
    let table =
        crate::io::table::read_table(csv, "bench.csv").map_err(|e| anyhow::anyhow!("{e}"))?;
    let mut report = crate::io::import::validate_people(table, 2026);
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
    // Each round imports `n` new people; afterwards the registry is topped up to the
    // size's population (quality.md: S 3,000, M 100,000, L 1,000,000) for the list.
    let population = match scale {
        1 => 3_000,
        10 => 100_000,
        _ => 1_000_000,
    };
    let n = population.min(100_000);
    // The anchor inserts the same fields of the same rows, already split, one prepared
    // statement per row in one transaction. The fields borrow from one text, so that
    // the anchor's data weighs little in the process's peak memory, which is the
    // subject's figure.
    let anchor_csv = people_csv(0, 0, n);
    let parsed: Vec<Vec<&str>> = anchor_csv
        .lines()
        .skip(1)
        .map(|l| l.split(',').collect())
        .collect();
    {
        let mut c = app.store.read().await?;
        sqlx::query(
            "create table if not exists bench_people (code text primary key, external_id text, name_latin text,
             name_original text, sex text, birth_year bigint, document text, site text, household text,
             relationship text, vulnerabilities text)",
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
            // Made here rather than kept for every round, so that peak memory is one
            // file's; it costs the subject a few per cent of its time.
            let csv = people_csv(r as u64, r * n, n);
            let added = import(app, &cap, csv.as_bytes()).await?;
            anyhow::ensure!(added == n, "imported {added} of {n}");
            write_out(app).await
        },
        || async {
            let mut tx = app.store.write().await?;
            sqlx::query("delete from bench_people").execute(&mut *tx).await?;
            for (i, f) in parsed.iter().enumerate() {
                let mut q = sqlx::query(
                    "insert into bench_people (code, external_id, name_latin, name_original, sex, birth_year,
                     document, site, household, relationship, vulnerabilities)
                     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
                )
                .bind(format!("VG-{i:08}"));
                for (k, v) in f.iter().enumerate() {
                    q = if k == 4 {
                        q.bind(v.parse::<i64>().unwrap_or(0))
                    } else {
                        q.bind(*v)
                    };
                }
                q.execute(&mut *tx).await?;
            }
            tx.commit().await?;
            write_out(app).await
        },
    )
    .await?;
    // How many duplicate flags the rounds raised: the matcher's work, and the
    // registrars', grows with this.
    let flags: i64 = {
        let mut c = app.store.read().await?;
        sqlx::query_scalar("select count(*) from match_flags")
            .fetch_one(&mut *c)
            .await?
    };
    let mut imported = outcome(
        "import people",
        "rows",
        n,
        rates,
        "prepared insert of the same parsed rows",
    );
    let people = n * runs;
    imported.note = Some(format!(
        "{flags} duplicate flags for {people} people imported ({:.3} per person)",
        flags as f64 / people as f64
    ));
    out.push(imported);
    let mut have = n * runs;
    while have < population {
        let more = n.min(population - have);
        import(app, &cap, people_csv(have as u64, have, more).as_bytes()).await?;
        have += more;
    }

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
