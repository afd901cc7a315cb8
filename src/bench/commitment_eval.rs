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
//! visits are loaded raw and set-based (`commitment_fill.rs`).

use std::sync::Arc;

use axum::body::Body;
use axum::http::Request;
use tower::ServiceExt;

use super::{measure, outcome, Outcome};
use crate::actions::documentation::commitments as acts;
use crate::app::App;
use crate::auth::capability::ReadRecord;
use crate::auth::{Actor, Cap};
use crate::clock::Clock;
use crate::config::{Config, Options};
use crate::crypto::MasterKey;
use crate::domain::Role;

/// The day judged: after the last of the demo's evidence.
const AS_OF: &str = "2015-12-31";

fn sizes(scale: usize) -> (usize, usize) {
    match scale {
        1 => (10_000, 1_000),
        10 => (1_000_000, 100_000),
        _ => (10_000_000, 1_000_000),
    }
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
    super::commitment_fill::fill(app, incidents, visits, 7).await?;
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
