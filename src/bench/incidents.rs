//! The documentation's scenarios:
//! - recording incidents with their claims through the action layer
//!   (`recording::record`: validated, sources looked up, facts computed, indexed for
//!   search, audited, one transaction per incident, as the API does) against raw
//!   inserts of the same rows in the same transactions, with no checks and no audit
//!   entries;
//! - the timeline (see `timeline`), over these incidents and generated ones up to the
//!   size's number;
//! - the recording again, into the table the timeline filled (S 10,000 incidents, M
//!   1 M, L 10 M): it must be no slower as the table grows.
//!
//! Data are generated from a seed: categories, days across 2009–2015, two claims per
//! incident from two of ten sources, figures that sometimes disagree.

use std::sync::Arc;

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

use super::{measure, outcome, Outcome};
use crate::actions::documentation::{self as doc, recording, sources};
use crate::app::App;
use crate::auth::capability::WriteDocumentation;
use crate::auth::{Actor, Cap};
use crate::domain::incident::{IncidentInput, IncidentText};
use crate::domain::source::{ClaimInput, ClaimText, OrganisationInput, SourceInput, SourceText};
use crate::domain::Role;

const CATEGORIES: [&str; 6] = [
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

pub async fn scenarios(app: &Arc<App>, scale: usize, runs: usize) -> anyhow::Result<Vec<Outcome>> {
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

    let n = 1_000 * scale;
    let batches: Vec<Vec<Generated>> = (0..runs).map(|r| generate(r as u64, n)).collect();
    let mut out = vec![recording(app, &cap, &source_ids, &batches, runs, n, 0).await?];
    out.extend(super::timeline::scenarios(app, &source_ids, scale, runs).await?);
    // The same recording into the table the timeline filled: no slower as it grows.
    let later: Vec<Vec<Generated>> = (0..runs).map(|r| generate(1_000 + r as u64, n)).collect();
    let mut full = recording(app, &cap, &source_ids, &later, runs, n, 1).await?;
    full.scenario = "record, table full";
    full.note = Some(format!(
        "into a table already holding {} incidents",
        super::timeline::incidents_at(scale)
    ));
    out.push(full);
    Ok(out)
}

/// Records the incidents of `batches` (one batch per run) with their two claims each
/// through the action layer — one transaction each, parsed as a form's or the API's
/// input is — against raw inserts of the same rows (batch `anchor_batch`).
async fn recording(
    app: &Arc<App>,
    cap: &Cap<WriteDocumentation>,
    source_ids: &[i64],
    batches: &[Vec<Generated>],
    runs: usize,
    n: usize,
    anchor_batch: usize,
) -> anyhow::Result<Outcome> {
    let round = std::sync::atomic::AtomicUsize::new(0);
    let rates = measure(
        runs,
        n,
        || async {
            let r = round.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            for g in batches.get(r % batches.len().max(1)).into_iter().flatten() {
                let input = IncidentInput::parse(&IncidentText {
                    title: "Bench incident",
                    category: g.category,
                    started: &g.started,
                    ..IncidentText::default()
                })?;
                let mut claims = Vec::with_capacity(2);
                for (s, killed, grade) in g.claims {
                    let source = source_ids.get(s).copied().unwrap_or(1).to_string();
                    claims.push(ClaimInput::parse(&ClaimText {
                        source: &source,
                        values: &format!("killed = {killed}"),
                        credibility: &grade.to_string(),
                        ..ClaimText::default()
                    })?);
                }
                recording::record(app, cap, &input, &claims).await?;
            }
            Ok(())
        },
        || async {
            let batch = batches.get(anchor_batch).map(Vec::as_slice).unwrap_or_default();
            for g in batch {
                let at = crate::clock::parse_day(&g.started).unwrap_or(0);
                let mut tx = app.store.write().await?;
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
                    .bind(source_ids.get(s).copied().unwrap_or(1))
                    .bind(id)
                    .bind(grade)
                    .bind(at)
                    .fetch_one(&mut *tx)
                    .await?;
                    sqlx::query("insert into claim_values (claim_id, measure, value) values ($1, 'killed', $2)")
                        .bind(claim)
                        .bind(killed)
                        .execute(&mut *tx)
                        .await?;
                }
                tx.commit().await?;
            }
            Ok(())
        },
    )
    .await?;
    Ok(outcome(
        "record incidents",
        "incidents",
        n,
        rates,
        "raw inserts of the same rows, no checks, no audit",
    ))
}
