//! The documentation's scenarios:
//! - the timeline (see `timeline`), over a table filled raw to the size's number of
//!   incidents (S 10,000, M 1 M, L 10 M);
//! - recording incidents with their claims through the action layer
//!   (`recording::record`: validated, sources looked up, facts computed, indexed for
//!   search, audited, one transaction per incident, as the API does) against raw
//!   inserts of the same rows in the same transactions, with no checks, no audit
//!   entries and no search index — into a second, near-empty record ("record
//!   incidents") and into the table the timeline filled ("record, table full"), round
//!   for round. It must be no slower as the table grows: the second row reports both
//!   rates there as a share of the same round's rates into the near-empty record
//!   (`growth`; 1.0 = no slowdown).
//!
//! Data are generated from a seed: categories, days across 2009–2015, two claims per
//! incident from two of ten sources, figures that sometimes disagree.

use std::sync::Arc;

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

use std::time::Instant;

use super::{outcome, Growth, Outcome, Rates};
use crate::actions::documentation::{self as doc, recording, sources};
use crate::app::App;
use crate::auth::capability::WriteDocumentation;
use crate::auth::{Actor, Cap};
use crate::domain::incident::{IncidentInput, IncidentText};
use crate::domain::source::{ClaimInput, ClaimText, OrganisationInput, SourceInput, SourceText};
use crate::domain::Role;

/// The categories generated incidents take (the timeline's fill draws from the same).
pub(super) const CATEGORIES: [&str; 6] = [
    "rocket_attack",
    "armed_assault",
    "medical_denial",
    "harassment",
    "threat",
    "infiltration",
];

/// One generated incident: its fields as typed, and two (source index, killed, grade).
struct Generated {
    started: String,
    category: &'static str,
    claims: [(usize, i64, i64); 2],
}

fn generate(seed: u64, n: usize) -> Vec<Generated> {
    let mut rng = StdRng::seed_from_u64(seed);
    (0..n)
        .map(|_| {
            let day = rng.gen_range(0..2500_i64);
            let started = crate::clock::rfc3339(1_230_768_000_000 + day * 86_400_000)
                .chars()
                .take(10)
                .collect();
            let killed = rng.gen_range(0..40);
            let a = rng.gen_range(0..10);
            let b = (a + 1 + rng.gen_range(0..9)) % 10;
            Generated {
                started,
                category: CATEGORIES
                    .get(rng.gen_range(0..CATEGORIES.len()))
                    .copied()
                    .unwrap_or("threat"),
                claims: [
                    (a, killed, rng.gen_range(1..=6)),
                    (b, killed + rng.gen_range(0..3), rng.gen_range(1..=6)),
                ],
            }
        })
        .collect()
}

/// A documenter, and ten sources (publishers graded A to F) to cite.
async fn setup(app: &Arc<App>) -> anyhow::Result<(Cap<WriteDocumentation>, Vec<i64>)> {
    let cap: Cap<WriteDocumentation> = Actor {
        user_id: 0,
        username: "bench-documenter".into(),
        role: Role::Documenter,
    }
    .grant()?;
    let mut source_ids = Vec::new();
    for s in 0..10 {
        let name = format!("Bench outlet {s}");
        doc::create_org(
            app,
            &cap,
            &OrganisationInput::parse(&name, "media_outlet", "")?,
        )
        .await?;
        let input = SourceInput::parse(&SourceText {
            kind: "article",
            title: &format!("Bench source {s}"),
            publisher: &name,
            affiliation: "independent",
            reliability: ["A", "B", "C", "D", "E", "F"]
                .get(s % 6)
                .copied()
                .unwrap_or("F"),
            reliability_reason: "bench",
            ..SourceText::default()
        })?;
        source_ids.push(sources::create(app, &cap, &input).await?);
    }
    Ok((cap, source_ids))
}

pub async fn scenarios(app: &Arc<App>, scale: usize, runs: usize) -> anyhow::Result<Vec<Outcome>> {
    let (cap, source_ids) = setup(app).await?;
    let mut out = super::timeline::scenarios(app, &source_ids, scale, runs).await?;
    // The recording into a second, near-empty record, round for round with the same
    // into the table the timeline filled: the machine's load and disk drift over
    // minutes, so only rounds taken side by side say whether it slows as it grows.
    let dir = super::tempfile_dir("-small")?;
    let small = super::open_in(&dir, None).await?;
    let recorded = async {
        let (small_cap, small_sources) = setup(&small).await?;
        let n = 1_000 * scale;
        let batches: Vec<Vec<Generated>> = (0..runs).map(|r| generate(r as u64, n)).collect();
        let targets = [
            Target {
                app: &small,
                cap: &small_cap,
                sources: &small_sources,
            },
            Target {
                app,
                cap: &cap,
                sources: &source_ids,
            },
        ];
        recording(&targets, &batches, n).await
    }
    .await;
    small.store.close().await;
    std::fs::remove_dir_all(&dir).ok();
    let [empty, mut full] = recorded?;
    full.scenario = "record, table full";
    full.note = Some(format!(
        "into a table already holding {} incidents; \"record incidents\" into a second, \
         near-empty record in the same rounds",
        super::timeline::incidents_at(scale)
    ));
    full.growth = Some(Growth {
        subject: share(full.subject_per_sec, empty.subject_per_sec),
        anchor: share(full.anchor_per_sec, empty.anchor_per_sec),
    });
    out.insert(0, empty);
    out.push(full);
    Ok(out)
}

fn share(grown: f64, small: f64) -> f64 {
    if small > 0.0 {
        grown / small
    } else {
        0.0
    }
}

/// The timeline scenarios alone (`--only timeline`), over the table filled raw.
pub async fn timeline_only(
    app: &Arc<App>,
    scale: usize,
    runs: usize,
) -> anyhow::Result<Vec<Outcome>> {
    let (_, source_ids) = setup(app).await?;
    super::timeline::scenarios(app, &source_ids, scale, runs).await
}

/// A record to record into: its app, a documenter and the sources to cite.
struct Target<'a> {
    app: &'a Arc<App>,
    cap: &'a Cap<WriteDocumentation>,
    sources: &'a [i64],
}

/// Records batch `r` of `batches` (one per round) into each target in turn, through
/// the action layer — one transaction per incident with its two claims, parsed as a
/// form's or the API's input is — and then as raw inserts of the same rows in the
/// same transactions (no checks, no audit, no search index): subject and anchor
/// alternate, and so do the targets.
async fn recording(
    targets: &[Target<'_>; 2],
    batches: &[Vec<Generated>],
    n: usize,
) -> anyhow::Result<[Outcome; 2]> {
    let mut rounds: [(Vec<f64>, Vec<f64>); 2] = Default::default();
    super::reset_peak_rss();
    for batch in batches {
        for (t, (subject, anchor)) in targets.iter().zip(rounds.iter_mut()) {
            let at = Instant::now();
            record(t, batch).await?;
            subject.push(n as f64 / at.elapsed().as_secs_f64());
            let at = Instant::now();
            insert_raw(t, batch).await?;
            anchor.push(n as f64 / at.elapsed().as_secs_f64());
        }
    }
    let [(s0, a0), (s1, a1)] = rounds;
    let done = |s, a| {
        outcome(
            "record incidents",
            "incidents",
            n,
            Rates::of(s, a),
            "raw inserts of the same rows, no checks, no audit",
        )
    };
    Ok([done(s0, a0), done(s1, a1)])
}

async fn record(t: &Target<'_>, batch: &[Generated]) -> anyhow::Result<()> {
    for g in batch {
        let input = IncidentInput::parse(&IncidentText {
            title: "Bench incident",
            category: g.category,
            started: &g.started,
            ..IncidentText::default()
        })?;
        let mut claims = Vec::with_capacity(2);
        for (s, killed, grade) in g.claims {
            let source = t.sources.get(s).copied().unwrap_or(1).to_string();
            claims.push(ClaimInput::parse(&ClaimText {
                source: &source,
                values: &format!("killed = {killed}"),
                credibility: &grade.to_string(),
                ..ClaimText::default()
            })?);
        }
        recording::record(t.app, t.cap, &input, &claims).await?;
    }
    Ok(())
}

async fn insert_raw(t: &Target<'_>, batch: &[Generated]) -> anyhow::Result<()> {
    for g in batch {
        let at = crate::clock::parse_day(&g.started).unwrap_or(0);
        let mut tx = t.app.store.write().await?;
        let id: i64 = sqlx::query_scalar(
            "insert into incidents (title, category, started_at, start_precision, geo_precision,
             created_at, updated_at) values ($1, $2, $3, 'day', 'region', $4, $4) returning incident_id",
        )
        .bind("Bench incident")
        .bind(g.category)
        .bind(at)
        .bind(at)
        .fetch_one(&mut *tx)
        .await?;
        for (s, killed, grade) in g.claims {
            let claim: i64 = sqlx::query_scalar(
                "insert into claims (source_id, incident_id, about, credibility, created_at)
                 values ($1, $2, 'figure', $3, $4) returning claim_id",
            )
            .bind(t.sources.get(s).copied().unwrap_or(1))
            .bind(id)
            .bind(grade)
            .bind(at)
            .fetch_one(&mut *tx)
            .await?;
            sqlx::query(
                "insert into claim_values (claim_id, measure, value) values ($1, 'killed', $2)",
            )
            .bind(claim)
            .bind(killed)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
    }
    Ok(())
}
