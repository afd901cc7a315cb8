//! Filling the incidents table for the timeline scenarios: unmeasured setup, fast
//! enough for size L (10 M incidents, 20 M claims).
//!
//! The rows are generated from a seed (categories, days across 2009–2015, two claims
//! each from two different sources, figures that sometimes disagree), and each
//! incident's stored facts (period, verification as computed, best grade, voices,
//! claims) are computed by `incident_facts::facts_of` — the code recording runs — from
//! those claims and the sources as stored, so they go in with the row and nothing is
//! updated afterwards.
//!
//! The load is set-based: the secondary indexes of `incidents` and `claims` are
//! dropped, the rows appended in multi-row statements (one transaction per batch), and
//! the indexes created again from their own stored definitions, each in one sorted
//! pass. Entering 10 M incidents into six randomly keyed indexes row by row (the
//! earlier fill) loaded 5.8 M in 26 minutes; a sorted build of each index writes every
//! page once. The write-ahead log is checkpointed and truncated at the end, so the
//! measured rounds read the database file, not pages left in the log.

use std::collections::HashMap;

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

use crate::app::App;
use crate::domain::incident::timeline::Period;
use crate::domain::incident::{Act, Precision, Verification};
use crate::domain::person::Choice;
use crate::store::incident_facts::{facts_of, Counted, Facts};
use crate::store::sources::SourceRow;
use crate::store::{self, Backend, Conn};

use super::incidents::CATEGORIES;

/// Incidents loaded per transaction.
const BATCH: usize = 100_000;

/// The tables whose secondary indexes are dropped for the load and built after it.
const TABLES: [&str; 2] = ["incidents", "claims"];

/// One generated incident: id, category, start, its facts, and two claims
/// (claim id, source id, grade, killed).
struct Row {
    id: i64,
    category: &'static str,
    at: i64,
    facts: Facts,
    claims: [(i64, i64, i64, i64); 2],
}

/// Loads generated incidents (two claims each from `sources`) until the table holds
/// `target`. Returns how many it loaded.
pub async fn fill(app: &App, sources: &[i64], target: usize, seed: u64) -> anyhow::Result<usize> {
    let mut c = app.store.write().await?;
    let have: i64 = sqlx::query_scalar("select count(*) from incidents")
        .fetch_one(&mut *c)
        .await?;
    let mut next_incident: i64 =
        sqlx::query_scalar("select coalesce(max(incident_id), 0) + 1 from incidents")
            .fetch_one(&mut *c)
            .await?;
    let mut next_claim: i64 =
        sqlx::query_scalar("select coalesce(max(claim_id), 0) + 1 from claims")
            .fetch_one(&mut *c)
            .await?;
    let cited: HashMap<i64, SourceRow> = store::sources::sources_by_ids(&mut c, sources)
        .await?
        .into_iter()
        .map(|s| (s.source_id, s))
        .collect();
    c.commit().await?;
    let missing = target.saturating_sub(usize::try_from(have).unwrap_or(0));
    if missing == 0 {
        return Ok(0);
    }
    let dropped = drop_indexes(app).await?;
    let mut rng = StdRng::seed_from_u64(seed);
    let mut left = missing;
    let n_sources = sources.len().max(1);
    while left > 0 {
        let n = left.min(BATCH);
        left -= n;
        let mut rows = Vec::with_capacity(n);
        for _ in 0..n {
            let at = 1_230_768_000_000 + rng.gen_range(0..2500_i64) * 86_400_000;
            let category = CATEGORIES
                .get(rng.gen_range(0..CATEGORIES.len()))
                .copied()
                .unwrap_or("threat");
            let killed = rng.gen_range(0..40);
            let a = rng.gen_range(0..n_sources);
            let b = (a + 1 + rng.gen_range(0..n_sources.max(2) - 1)) % n_sources;
            let pick = |s: usize| sources.get(s).copied().unwrap_or(1);
            let claims = [
                (next_claim, pick(a), rng.gen_range(1..=6), killed),
                (
                    next_claim + 1,
                    pick(b),
                    rng.gen_range(1..=6),
                    killed + rng.gen_range(0..3),
                ),
            ];
            next_claim += 2;
            let counted: Vec<Counted<'_>> = claims
                .iter()
                .filter_map(|(_, source, grade, k)| {
                    Some(Counted {
                        source: cited.get(source)?,
                        credibility: *grade,
                        values: vec![(Act::Killed, *k)],
                    })
                })
                .collect();
            let facts = facts_of(
                Period::of(at, Precision::Day),
                Verification::Unverified.as_str(),
                claims.len(),
                &counted,
            );
            rows.push(Row {
                id: next_incident,
                category,
                at,
                facts,
                claims,
            });
            next_incident += 1;
        }
        let mut tx = app.store.write().await?;
        load(&mut tx, &rows, app.now()).await?;
        tx.commit().await?;
    }
    build_indexes(app, &dropped).await?;
    Ok(missing)
}

/// Appends one batch: the incidents with their facts, their claims, the claims' figures.
async fn load(c: &mut Conn, rows: &[Row], now: i64) -> anyhow::Result<()> {
    const INCIDENT_COLS: usize = 14;
    let per = store::rows_per_statement(INCIDENT_COLS);
    for chunk in rows.chunks(per) {
        let sql = format!(
            "insert into incidents (incident_id, title, category, started_at, start_precision,
             geo_precision, created_at, updated_at, period, status, best_grade, voices,
             claim_count, derived_at) values {}",
            store::values_list(c, chunk.len(), INCIDENT_COLS)
        );
        let mut q = sqlx::query(&sql).persistent(store::keep_prepared(chunk.len(), per));
        for r in chunk {
            q = q
                .bind(r.id)
                .bind("Bench incident")
                .bind(r.category)
                .bind(r.at)
                .bind("day")
                .bind("region")
                .bind(now)
                .bind(now)
                .bind(&r.facts.period)
                .bind(r.facts.status.as_str())
                .bind(&r.facts.best_grade)
                .bind(r.facts.voices)
                .bind(r.facts.claims)
                .bind(now);
        }
        q.execute(&mut *c).await?;
    }
    let claims: Vec<(i64, i64, i64, i64, i64)> = rows
        .iter()
        .flat_map(|r| {
            r.claims
                .iter()
                .map(move |(id, source, grade, killed)| (*id, *source, r.id, *grade, *killed))
        })
        .collect();
    const CLAIM_COLS: usize = 6;
    let per = store::rows_per_statement(CLAIM_COLS);
    for chunk in claims.chunks(per) {
        let sql = format!(
            "insert into claims (claim_id, source_id, incident_id, credibility, about, created_at)
             values {}",
            store::values_list(c, chunk.len(), CLAIM_COLS)
        );
        let mut q = sqlx::query(&sql).persistent(store::keep_prepared(chunk.len(), per));
        for (id, source, incident, grade, _) in chunk {
            q = q
                .bind(id)
                .bind(source)
                .bind(incident)
                .bind(grade)
                .bind("figure")
                .bind(now);
        }
        q.execute(&mut *c).await?;
    }
    const VALUE_COLS: usize = 3;
    let per = store::rows_per_statement(VALUE_COLS);
    for chunk in claims.chunks(per) {
        let sql = format!(
            "insert into claim_values (claim_id, measure, value) values {}",
            store::values_list(c, chunk.len(), VALUE_COLS)
        );
        let mut q = sqlx::query(&sql).persistent(store::keep_prepared(chunk.len(), per));
        for (id, _, _, _, killed) in chunk {
            q = q.bind(id).bind("killed").bind(killed);
        }
        q.execute(&mut *c).await?;
    }
    Ok(())
}

/// Drops the secondary indexes of [`TABLES`] (not those behind a key or a unique
/// constraint) and returns their definitions, to be built again after the load.
async fn drop_indexes(app: &App) -> anyhow::Result<Vec<(String, String)>> {
    let mut tx = app.store.write().await?;
    let mut defs: Vec<(String, String)> = Vec::new();
    for table in TABLES {
        let sql = match app.store.backend() {
            Backend::Sqlite => {
                "select name, sql from sqlite_master
                 where type = 'index' and tbl_name = $1 and sql is not null order by name"
            }
            Backend::Postgres => {
                "select indexname::text, indexdef::text from pg_indexes
                 where tablename = $1 and schemaname = current_schema()
                   and indexname not in (select conname from pg_constraint) order by indexname"
            }
        };
        let found: Vec<(String, String)> =
            sqlx::query_as(sql).bind(table).fetch_all(&mut *tx).await?;
        defs.extend(found);
    }
    for (name, _) in &defs {
        sqlx::query(&format!("drop index {name}"))
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    Ok(defs)
}

/// Builds the dropped indexes again, each in one sorted pass, and truncates the log.
/// On SQLite the builds run on a connection of their own with a large sorting cache,
/// closed afterwards: a page cache's hash table only grows, and a pooled connection
/// that had held 256 MiB of pages would walk all of that table every time its cache is
/// emptied (at each transaction after another connection wrote).
async fn build_indexes(app: &App, defs: &[(String, String)]) -> anyhow::Result<()> {
    let mut c = app.store.read().await?;
    c.close_on_drop();
    if app.store.backend() == Backend::Sqlite {
        // A pooled connection may still hold the schema from before the indexes were
        // dropped (on another connection), and `create index` is checked against it
        // when parsed; a statement that reads the schema table reloads it first.
        sqlx::query("select count(*) from sqlite_master")
            .execute(&mut *c)
            .await?;
        sqlx::query("pragma cache_size = -262144")
            .execute(&mut *c)
            .await?;
    }
    for (_, sql) in defs {
        sqlx::query(sql).execute(&mut *c).await?;
    }
    if app.store.backend() == Backend::Sqlite {
        sqlx::query("pragma wal_checkpoint(truncate)")
            .execute(&mut *c)
            .await?;
    }
    Ok(())
}
