//! `vigil bench`: benchmark scenarios, each measured against an *anchor* — the same
//! work without vigil's extras — in the same process, on the same data, interleaved
//! round by round. The ratio of medians is the figure to watch: it survives a noisy,
//! shared machine far better than absolute times (quality.md).
//!
//! Scenarios of the foundation:
//! - login: a full sign-in (throttle, lookup, argon2id, session, audit entry) vs a raw
//!   argon2id verification with the same settings;
//! - audited write: a one-row change with its audit entry vs the same update alone;
//! - audit verify: re-verifying the stored trail vs SHA-256 over the same entries;
//! - dashboard: the dashboard request through the router vs `/healthz` in the same
//!   router.
//!
//! The documentation's (incidents) are described in `incidents`; evidence ingest in
//! `evidence`, search in `search`; the commitments' status history in `commitments`,
//! their evaluation at scale and the report page in `commitment_eval`.

// resettlement's allocation
mod allocation;
// commitments
mod commitment_eval;
mod commitment_fill;
mod commitment_sql;
mod commitments;
// evidence and search
mod corpus;
mod evidence;
mod foundation;
mod search;
// incidents
mod incidents;
pub mod names;
mod registry;
mod timeline;
mod timeline_fill;
// resettlement
mod resettlement;

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

use crate::app::App;
use crate::clock::Clock;
use crate::config::{Config, Options};
use crate::crypto::MasterKey;

#[derive(clap::Args, Debug)]
pub struct BenchArgs {
    /// Data size: S (one camp, run in CI), M or L (on demand).
    #[arg(long, default_value = "S")]
    pub size: String,
    /// Rounds per scenario (the median is reported); at least 5.
    #[arg(long, default_value_t = 5)]
    pub runs: usize,
    /// Also write the results as JSON to this file.
    #[arg(long, value_name = "FILE")]
    pub json: Option<PathBuf>,
    /// Only these areas (foundation, registry, incidents, resettlement, evidence — or
    /// its halves ingest and search —, commitments; comma-separated); `timeline` is the
    /// incidents' timeline alone, over a table filled raw.
    #[arg(long, value_delimiter = ',', value_name = "AREA")]
    pub only: Vec<String>,
    /// Run on this PostgreSQL database instead of a temporary SQLite file. It must be
    /// an empty, throwaway database: the bench fills it and leaves it to be dropped.
    /// (Not DATABASE_URL, so a real database is never benchmarked into by accident.)
    #[arg(long, value_name = "URL")]
    pub pg: Option<String>,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct Outcome {
    pub scenario: &'static str,
    pub unit: &'static str,
    /// Operations per round.
    pub ops: usize,
    /// Median operations per second of the subject and of the anchor.
    pub subject_per_sec: f64,
    pub anchor_per_sec: f64,
    /// subject / anchor throughput: 1.0 means vigil adds nothing.
    pub ratio: f64,
    pub anchor: &'static str,
    /// The process's peak resident memory during this scenario's rounds (its
    /// high-water mark is reset when they start), in MiB.
    pub peak_mib: Option<u64>,
    /// What else the scenario measured (the allocation's optimality gap).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// For a scenario repeated on a grown table: its rates there as a share of the
    /// rates on the small one (1.0 = no slowdown as the table grows).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub growth: Option<Growth>,
}

/// Rates on the grown table over rates on the small one, subject's and anchor's.
#[derive(Debug, Clone, Copy, serde::Serialize)]
pub struct Growth {
    pub subject: f64,
    pub anchor: f64,
}

#[derive(Debug, serde::Serialize)]
pub struct Results {
    pub size: String,
    pub runs: usize,
    pub peak_rss_kib: Option<u64>,
    pub scenarios: Vec<Outcome>,
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v.get(v.len() / 2).copied().unwrap_or(0.0)
}

/// Median rates of a subject and its anchor, and the peak memory while they ran.
pub(crate) struct Rates {
    subject: f64,
    anchor: f64,
    peak_kib: Option<u64>,
}

impl Rates {
    /// The medians of rounds timed by the scenario itself, and the peak memory since
    /// the last reset.
    pub(crate) fn of(subject: Vec<f64>, anchor: Vec<f64>) -> Rates {
        Rates {
            subject: median(subject),
            anchor: median(anchor),
            peak_kib: peak_rss_kib(),
        }
    }
}

/// Resets the process's peak-memory mark (Linux: `5` to `/proc/self/clear_refs`), so
/// that each scenario reports its own peak; where that is refused, peaks are the
/// whole run's so far.
pub(crate) fn reset_peak_rss() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

/// Runs subject and anchor alternately `runs` times, the anchor first in every other
/// round (whichever runs first meets the caches the other left: neither side always
/// pays for that); returns median rates.
pub(crate) async fn measure<S, A, FS, FA>(
    runs: usize,
    ops: usize,
    subject: S,
    anchor: A,
) -> anyhow::Result<Rates>
where
    S: FnMut() -> FS,
    A: FnMut() -> FA,
    FS: std::future::Future<Output = anyhow::Result<()>>,
    FA: std::future::Future<Output = anyhow::Result<()>>,
{
    Ok(measure_rounds(runs, ops, subject, anchor).await?.0)
}

/// [`measure`], also returning each round's seconds (subject, anchor) in the order
/// run: where a round lasts seconds, the spread of the rounds says more than a median.
pub(crate) async fn measure_rounds<S, A, FS, FA>(
    runs: usize,
    ops: usize,
    mut subject: S,
    mut anchor: A,
) -> anyhow::Result<(Rates, Vec<(f64, f64)>)>
where
    S: FnMut() -> FS,
    A: FnMut() -> FA,
    FS: std::future::Future<Output = anyhow::Result<()>>,
    FA: std::future::Future<Output = anyhow::Result<()>>,
{
    let (mut s, mut a, mut rounds) = (Vec::new(), Vec::new(), Vec::new());
    reset_peak_rss();
    for round in 0..runs {
        let anchor_first = round % 2 == 1;
        let mut anchor_secs = 0.0;
        if anchor_first {
            let t = Instant::now();
            anchor().await?;
            anchor_secs = t.elapsed().as_secs_f64();
        }
        let t = Instant::now();
        subject().await?;
        let subject_secs = t.elapsed().as_secs_f64();
        if !anchor_first {
            let t = Instant::now();
            anchor().await?;
            anchor_secs = t.elapsed().as_secs_f64();
        }
        s.push(ops as f64 / subject_secs);
        a.push(ops as f64 / anchor_secs);
        rounds.push((subject_secs, anchor_secs));
    }
    let rates = Rates {
        subject: median(s),
        anchor: median(a),
        peak_kib: peak_rss_kib(),
    };
    Ok((rates, rounds))
}

/// Rounds as `vigil/anchor` milliseconds, `*` marking those the anchor ran first in, and
/// the anchor's total time over vigil's: where whichever runs first in a round is
/// slower (the timeline at L: 2.2–2.3 s first, 2.1 s second, either side), the rates
/// fall in two clusters and a median can land in either; the totals over rounds in
/// which each side ran first equally often do not.
pub(crate) fn rounds_note(rounds: &[(f64, f64)]) -> String {
    let each: Vec<String> = rounds
        .iter()
        .enumerate()
        .map(|(i, (s, a))| {
            let first = if i % 2 == 1 { "*" } else { "" };
            format!("{:.1}/{:.1}{first}", s * 1e3, a * 1e3)
        })
        .collect();
    let (s, a) = rounds
        .iter()
        .fold((0.0, 0.0), |(ts, ta), (s, a)| (ts + s, ta + a));
    let total = if s > 0.0 { a / s } else { 0.0 };
    format!(
        "rounds, vigil/anchor ms (* anchor first): {}; total time, anchor/vigil: {total:.3}",
        each.join(" ")
    )
}

pub(crate) fn outcome(
    scenario: &'static str,
    unit: &'static str,
    ops: usize,
    r: Rates,
    anchor: &'static str,
) -> Outcome {
    let (s, a) = (r.subject, r.anchor);
    Outcome {
        scenario,
        unit,
        ops,
        subject_per_sec: s,
        anchor_per_sec: a,
        ratio: if a > 0.0 { s / a } else { 0.0 },
        anchor,
        peak_mib: r.peak_kib.map(|k| k / 1024),
        note: None,
        growth: None,
    }
}

fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

pub async fn run(args: BenchArgs) -> anyhow::Result<()> {
    let scale = match args.size.to_ascii_uppercase().as_str() {
        "S" => 1,
        "M" => 10,
        "L" => 100,
        other => anyhow::bail!("--size: expected S, M or L, got {other}"),
    };
    let runs = args.runs.max(5);
    let dir = tempfile_dir("")?;
    let app = open_in(&dir, args.pg.as_deref()).await?;
    let results = scenarios(&app, scale, runs, &args.only).await;
    app.store.close().await;
    std::fs::remove_dir_all(&dir).ok();
    let results = Results {
        size: args.size.to_ascii_uppercase(),
        runs,
        peak_rss_kib: peak_rss_kib(),
        scenarios: results?,
    };
    println!(
        "{:<16} {:>8} {:>14} {:>14} {:>7} {:>9}  anchor",
        "scenario", "ops", "vigil/s", "anchor/s", "ratio", "peak MiB"
    );
    for o in &results.scenarios {
        println!(
            "{:<16} {:>8} {:>14.1} {:>14.1} {:>7.3} {:>9}  {}",
            o.scenario,
            o.ops,
            o.subject_per_sec,
            o.anchor_per_sec,
            o.ratio,
            o.peak_mib.map_or("-".into(), |m| m.to_string()),
            o.anchor
        );
    }
    for o in &results.scenarios {
        if let Some(note) = &o.note {
            println!("{}: {note}", o.scenario);
        }
        if let Some(g) = o.growth {
            println!(
                "{}: rate on the grown table / on the small one: vigil {:.2}, anchor {:.2}",
                o.scenario, g.subject, g.anchor
            );
        }
    }
    if let Some(kib) = results.peak_rss_kib {
        println!("peak memory: {} MiB", kib / 1024);
    }
    if let Some(path) = &args.json {
        std::fs::write(path, serde_json::to_string_pretty(&results)?)?;
    }
    Ok(())
}

async fn scenarios(
    app: &Arc<App>,
    scale: usize,
    runs: usize,
    only: &[String],
) -> anyhow::Result<Vec<Outcome>> {
    // `ingest` and `search` are the two halves of `evidence`, to run one alone (the
    // search corpus at M and L takes longer to build than the ingest takes to run).
    const AREAS: [&str; 9] = [
        "foundation",
        "registry",
        "incidents",
        "timeline",
        "resettlement",
        "evidence",
        "ingest",
        "search",
        "commitments",
    ];
    if let Some(bad) = only.iter().find(|a| !AREAS.contains(&a.as_str())) {
        anyhow::bail!("--only: no area {bad:?}; areas: {}", AREAS.join(", "));
    }
    let want = |area: &str| only.is_empty() || only.iter().any(|a| a == area);
    let mut out = Vec::new();
    if want("foundation") {
        out.extend(foundation::scenarios(app, scale, runs).await?);
    }
    if want("registry") {
        out.extend(registry::scenarios(app, scale, runs).await?);
    }
    if want("incidents") {
        out.extend(incidents::scenarios(app, scale, runs).await?);
    } else if !only.is_empty() && want("timeline") {
        // The timeline alone, over a table filled raw (size L without the hours of
        // its recording rounds); `incidents` runs it too.
        out.extend(incidents::timeline_only(app, scale, runs).await?);
    }
    if want("resettlement") {
        out.extend(resettlement::scenarios(app, scale, runs).await?);
    }
    if want("evidence") || want("ingest") {
        out.extend(evidence::scenarios(app, scale, runs).await?);
    }
    if want("evidence") || want("search") {
        out.extend(search::scenarios(app, scale, runs).await?);
    }
    if want("commitments") {
        out.extend(commitments::scenarios(scale, runs).await?);
        out.extend(commitment_eval::scenarios(scale, runs).await?);
    }
    Ok(out)
}

/// A fresh record in `dir`, as `vigil bench` runs on: SQLite there, or the empty,
/// throwaway PostgreSQL database `pg` (refused if it holds anything).
pub(crate) async fn open_in(dir: &std::path::Path, pg: Option<&str>) -> anyhow::Result<Arc<App>> {
    let opts = Options {
        data: Some(dir.join("data")),
        database_url: Some(match pg {
            Some(url) => url.to_string(),
            None => format!("sqlite://{}", dir.join("data/vigil.db").display()),
        }),
        evidence_dir: Some(dir.join("evidence")),
        ..Options::default()
    };
    let config = Config::load(&opts, Some("127.0.0.1:0"))?;
    if pg.is_some() {
        let store = crate::store::Store::connect(&config.database_url).await?;
        let used: Option<i64> = sqlx::query_scalar("select count(*) from _sqlx_migrations")
            .fetch_one(&mut *store.read().await?)
            .await
            .ok();
        store.close().await;
        anyhow::ensure!(
            used.unwrap_or(0) == 0,
            "--pg: the database is not empty; give the bench a new, throwaway database"
        );
    }
    Ok(Arc::new(
        App::open(config, &MasterKey::generate(), Clock::System).await?,
    ))
}

/// The bench's scratch directory under `TMPDIR`; `suffix` names a second one.
pub(crate) fn tempfile_dir(suffix: &str) -> anyhow::Result<PathBuf> {
    let dir = std::env::temp_dir().join(format!("vigil-bench-{}{suffix}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    Ok(dir)
}
