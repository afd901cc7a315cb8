//! The commitments' evaluation at scale: the demo's agreements (every term kind:
//! deadline, quantity per residents of a convoy and of a site, presence, frequency,
//! prohibition, access) over a record grown to the size's incidents and monitoring
//! visits (S 10,000 and 1,000; M 1 M and 100,000; L 10 M and 1 M), each commitment
//! judged as of a day.
//!
//! - "commitments eval": every commitment judged through vigil's own path
//!   (`commitments::statuses`: the evidence read up to the day, the status, the
//!   deciding evidence and the day the status began) vs the same statuses computed by
//!   hand-written SQL (`commitment_sql.rs`); both are checked equal before timing;
//! - "commitments report": the report page through the real router, signed in as the
//!   analyst, vs `/healthz` in the same router.
//!
//! The demo is loaded through the action layer into its own database (under the
//! temporary directory: set TMPDIR for sizes M and L); the generated incidents and
//! visits are loaded raw, in multi-row statements in big transactions.

use std::sync::Arc;

use axum::body::Body;
use axum::http::Request;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use tower::ServiceExt;

use super::{measure, outcome, Outcome};
use crate::actions::documentation::commitments as acts;
use crate::app::App;
use crate::auth::capability::ReadRecord;
use crate::auth::{Actor, Cap};
use crate::clock::Clock;
use crate::config::{Config, Options};
use crate::crypto::MasterKey;
use crate::domain::commitment::DAY_MS;
use crate::domain::Role;
use crate::store;

/// The day judged: after the last of the demo's evidence.
const AS_OF: &str = "2015-12-31";
/// Generated evidence falls between these days (epoch days): 2009-01-01 to 2016-01-01.
const FIRST_DAY: i64 = 14_245;
const LAST_DAY: i64 = 16_801;
const CATEGORIES: [&str; 8] = [
    "rocket_attack",
    "medical_denial",
    "intimidation",
    "property_seizure",
    "harassment",
    "armed_assault",
    "threat",
    "infiltration",
];
const BATCH: usize = 50_000;

fn sizes(scale: usize) -> (usize, usize) {
    match scale {
        1 => (10_000, 1_000),
        10 => (1_000_000, 100_000),
        _ => (10_000_000, 1_000_000),
    }
}

fn values(n: usize, params: usize, constants: &str) -> String {
    let one = format!("({}, {constants})", vec!["?"; params].join(", "));
    vec![one; n].join(", ")
}

/// Loads `incidents` incidents and `visits` visits, generated from `seed`: incidents
/// of the demo's categories (and others) at its sites (a tenth at none), visits of
/// every organisation at the sites, half of them at the sites the demo's terms name.
async fn fill(app: &App, incidents: usize, visits: usize, seed: u64) -> anyhow::Result<()> {
    let mut c = app.store.read().await?;
    let sites: Vec<i64> = sqlx::query_scalar("select site_id from sites order by site_id")
        .fetch_all(&mut *c)
        .await?;
    let named: Vec<i64> = sqlx::query_scalar(
        "select distinct site_id from commitments where site_id is not null order by site_id",
    )
    .fetch_all(&mut *c)
    .await?;
    let orgs: Vec<i64> = sqlx::query_scalar(
        "select distinct owed_by_id from commitments
         where term in ('presence', 'frequency') order by owed_by_id",
    )
    .fetch_all(&mut *c)
    .await?;
    let all_orgs: Vec<i64> =
        sqlx::query_scalar("select organisation_id from organisations order by organisation_id")
            .fetch_all(&mut *c)
            .await?;
    drop(c);
    let pick = |rng: &mut StdRng, v: &[i64]| v.get(rng.gen_range(0..v.len().max(1))).copied();
    let mut rng = StdRng::seed_from_u64(seed);
    let mut left = incidents;
    while left > 0 {
        let n = left.min(BATCH);
        left -= n;
        let rows: Vec<(&str, i64, Option<i64>)> = (0..n)
            .map(|_| {
                let at = rng.gen_range(FIRST_DAY..LAST_DAY) * DAY_MS
                    + rng.gen_range(0..24_i64) * 3_600_000;
                let k = CATEGORIES
                    .get(rng.gen_range(0..CATEGORIES.len()))
                    .copied()
                    .unwrap_or("threat");
                let site = if rng.gen_bool(0.1) {
                    None
                } else {
                    pick(&mut rng, &sites)
                };
                (k, at, site)
            })
            .collect();
        let mut tx = app.store.write().await?;
        for chunk in rows.chunks(store::rows_per_statement(3)) {
            let sql = format!(
                "insert into incidents (category, started_at, site_id, title, start_precision,
                 geo_precision, created_at, updated_at, derived_at) values {}",
                values(chunk.len(), 3, "'Bench incident', 'day', 'region', 0, 0, 0")
            );
            let mut q = sqlx::query(&sql);
            for (k, at, site) in chunk {
                q = q.bind(*k).bind(*at).bind(*site);
            }
            q.execute(&mut *tx).await?;
        }
        tx.commit().await?;
    }
    let mut left = visits;
    while left > 0 {
        let n = left.min(BATCH);
        left -= n;
        let rows: Vec<(i64, i64, i64, i64)> = (0..n)
            .filter_map(|_| {
                let org = if rng.gen_bool(0.6) {
                    pick(&mut rng, &orgs)
                } else {
                    pick(&mut rng, &all_orgs)
                }?;
                let site = if rng.gen_bool(0.5) {
                    pick(&mut rng, &named)
                } else {
                    pick(&mut rng, &sites)
                }?;
                let arrival = rng.gen_range(FIRST_DAY..LAST_DAY) * DAY_MS
                    + rng.gen_range(6..12_i64) * 3_600_000;
                let hours = rng.gen_range(2..8_i64);
                Some((org, site, arrival, arrival + hours * 3_600_000))
            })
            .collect();
        let mut tx = app.store.write().await?;
        for chunk in rows.chunks(store::rows_per_statement(4)) {
            let sql = format!(
                "insert into monitoring_visits (organisation_id, site_id, arrival, departure,
                 monitors, created_at) values {}",
                values(chunk.len(), 4, "2, 0")
            );
            let mut q = sqlx::query(&sql);
            for (o, s, a, d) in chunk {
                q = q.bind(o).bind(s).bind(a).bind(d);
            }
            q.execute(&mut *tx).await?;
        }
        tx.commit().await?;
    }
    let mut c = app.store.write().await?;
    sqlx::query("analyze").execute(&mut *c).await?;
    c.commit().await?;
    Ok(())
}

pub async fn scenarios(scale: usize, runs: usize) -> anyhow::Result<Vec<Outcome>> {
    let dir = std::env::temp_dir().join(format!("vigil-bench-com-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let opts = Options {
        data: Some(dir.join("data")),
        database_url: Some(format!("sqlite://{}", dir.join("data/vigil.db").display())),
        ..Options::default()
    };
    let config = Config::load(&opts, Some("127.0.0.1:0"))?;
    let app = Arc::new(App::open(config, &MasterKey::generate(), Clock::System).await?);
    let out = run(&app, scale, runs).await;
    app.store.close().await;
    std::fs::remove_dir_all(&dir).ok();
    out
}

async fn run(app: &Arc<App>, scale: usize, runs: usize) -> anyhow::Result<Vec<Outcome>> {
    let accounts = crate::demo::load(app).await?;
    let (incidents, visits) = sizes(scale);
    let t = std::time::Instant::now();
    fill(app, incidents, visits, 7).await?;
    let filled = t.elapsed().as_secs_f64();
    let day = crate::clock::parse_day(AS_OF).ok_or_else(|| anyhow::anyhow!("bad day"))?;
    let at = acts::end_of(day);
    let reader: Cap<ReadRecord> = Actor {
        user_id: 0,
        username: "bench-analyst".into(),
        role: Role::Analyst,
    }
    .grant()?;
    // Both must give the same statuses before either is timed.
    let ours: Vec<(i64, String, Option<i64>)> = acts::statuses(app, &reader, day)
        .await?
        .into_iter()
        .map(|k| {
            (
                k.row.commitment_id,
                k.status.status.to_string(),
                k.status.share_permille,
            )
        })
        .collect();
    let mut c = app.store.read().await?;
    let theirs = super::commitment_sql::statuses(&mut c, at).await?;
    drop(c);
    anyhow::ensure!(
        ours == theirs,
        "vigil and the hand-written SQL disagree:\n vigil {ours:?}\n SQL   {theirs:?}"
    );
    let n = ours.len();
    let rates = measure(
        runs,
        n,
        || async {
            let k = acts::statuses(app, &reader, day).await?;
            anyhow::ensure!(k.len() == n);
            Ok(())
        },
        || async {
            let mut c = app.store.read().await?;
            let k = super::commitment_sql::statuses(&mut c, at).await?;
            anyhow::ensure!(k.len() == n);
            Ok(())
        },
    )
    .await?;
    let mut eval = outcome(
        "commitments eval",
        "commitments",
        n,
        rates,
        "the same statuses by hand-written SQL (SQLite)",
    );
    let tally = |s: &str| ours.iter().filter(|(_, x, _)| x == s).count();
    eval.note = Some(format!(
        "{n} commitments over {incidents} incidents and {visits} visits (loaded in {filled:.0} s), \
         as of {AS_OF}: {} met, {} partly met, {} breached, {} pending, {} cannot be judged; \
         same statuses from both",
        tally("met"),
        tally("partly_met"),
        tally("breached"),
        tally("pending"),
        tally("cannot_judge"),
    ));
    // The report page vs the no-op route, signed in as the demo's analyst.
    let (_, name, pw) = accounts
        .iter()
        .find(|(r, _, _)| *r == Role::Analyst)
        .ok_or_else(|| anyhow::anyhow!("no analyst in the demo"))?;
    let signed = crate::actions::session::login(app, name, pw, "127.0.0.1", None)
        .await?
        .map_err(|e| anyhow::anyhow!("bench login failed: {e:?}"))?;
    let cookie = format!("vigil_session={}", signed.token);
    let router = crate::web::router(app.clone());
    let get = |path: String| {
        let router = router.clone();
        let cookie = cookie.clone();
        async move {
            let req = Request::get(&path)
                .header("cookie", &cookie)
                .body(Body::empty())?;
            let res = router.oneshot(req).await?;
            anyhow::ensure!(
                res.status().is_success(),
                "{path} answered {}",
                res.status()
            );
            axum::body::to_bytes(res.into_body(), usize::MAX).await?;
            Ok(())
        }
    };
    let page = format!("/documentation/commitments-report?as_of={AS_OF}");
    let rates = measure(runs, 1, || get(page.clone()), || get("/healthz".into())).await?;
    let report = outcome(
        "commitments report",
        "pages",
        1,
        rates,
        "/healthz in the same router",
    );
    Ok(vec![eval, report])
}
