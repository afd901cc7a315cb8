//! Search scenarios over a mixed English/Persian/Arabic index (`corpus`): 10,000
//! documents at size S, 100,000 at M, 1,000,000 at L.
//! - search indexing: documents normalised (`index_body`) and written to the index
//!   (row, FTS5 triggers), a thousand per transaction, vs a raw prepared insert of the
//!   same text into a table of the same columns with no index;
//! - search p50 / p99: the search page through the real router as a signed-in analyst
//!   (session, normalising the words, the engine's query, snippets, the HTML page), vs
//!   the engine's query for the same words with no HTTP (`store::search`: FTS5's best
//!   50 by bm25 among the newest matches, and their text), query by query, the two in
//!   turns; reported as latencies. One round of FTS5 ranking every match (vigil's
//!   query before its window) is reported beside them.

use std::sync::Arc;
use std::time::Instant;

use axum::body::Body;
use axum::http::Request;
use tower::ServiceExt;

use super::corpus::{self, Document};
use super::{median, Outcome, Rates};
use crate::actions;
use crate::app::App;
use crate::domain::search::{index_body, Query};
use crate::domain::{Password, Role, Username};
use crate::store::{self, search::Doc};

const SEED: u64 = 0x5ea2c4;
/// Documents per write transaction, for the index and for its anchor.
const BATCH: usize = 1000;

async fn index(app: &App, first: usize, docs: &[Document]) -> anyhow::Result<()> {
    for (b, batch) in docs.chunks(BATCH).enumerate() {
        let mut tx = app.store.write().await?;
        for (k, d) in batch.iter().enumerate() {
            store::search::put(
                &mut tx,
                &Doc {
                    doc_type: "source",
                    doc_id: (first + b * BATCH + k) as i64 + 1,
                    parent_id: None,
                    title: &d.title,
                    content: &d.content,
                    body: &index_body(&d.content),
                    day: None,
                    site_id: None,
                    category: "",
                    grade: "C",
                    language: d.lang.code(),
                },
            )
            .await?;
        }
        tx.commit().await?;
    }
    Ok(())
}

async fn raw_insert(app: &App, first: usize, docs: &[Document]) -> anyhow::Result<()> {
    for (b, batch) in docs.chunks(BATCH).enumerate() {
        let mut tx = app.store.write().await?;
        for (k, d) in batch.iter().enumerate() {
            sqlx::query(
                "insert into bench_raw_docs (doc_type, doc_id, parent_id, title, content, body, day, site_id, category, grade, language)
                 values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
            )
            .bind("source")
            .bind((first + b * BATCH + k) as i64 + 1)
            .bind(None::<i64>)
            .bind(&d.title)
            .bind(&d.content)
            .bind(&d.content)
            .bind(None::<i64>)
            .bind(None::<i64>)
            .bind("")
            .bind("C")
            .bind(d.lang.code())
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
    }
    Ok(())
}

/// The `p`-th percentile (0..=100) of `v`, nearest rank.
fn percentile(v: &mut [f64], p: f64) -> f64 {
    v.sort_by(f64::total_cmp);
    let k = ((p / 100.0) * v.len() as f64).ceil() as usize;
    v.get(k.saturating_sub(1)).copied().unwrap_or(0.0)
}

fn latency_outcome(scenario: &'static str, http: f64, engine: f64, n: usize) -> Outcome {
    Outcome {
        scenario,
        unit: "queries",
        ops: n,
        subject_per_sec: 1.0 / http,
        anchor_per_sec: 1.0 / engine,
        ratio: engine / http,
        anchor: "the engine's query (store::search) for the same words, no HTTP",
        peak_mib: super::peak_rss_kib().map(|k| k / 1024),
        note: None,
        growth: None,
    }
}

pub async fn scenarios(app: &Arc<App>, scale: usize, runs: usize) -> anyhow::Result<Vec<Outcome>> {
    let docs = 10_000 * scale;
    let mut out = Vec::new();

    // Indexing vs a raw insert, a slice of the corpus per round; after the last round
    // the whole corpus is indexed.
    let mut c = app.store.write().await?;
    sqlx::query(
        "create table bench_raw_docs (search_id integer primary key, doc_type text not null,
         doc_id bigint not null, parent_id bigint, title text not null, content text not null,
         body text not null, day bigint, site_id bigint, category text not null,
         grade text not null, language text not null, unique (doc_type, doc_id))",
    )
    .execute(&mut *c)
    .await?;
    c.commit().await?;
    super::reset_peak_rss();
    let per_round = docs.div_ceil(runs);
    let (mut s, mut a) = (Vec::new(), Vec::new());
    for r in 0..runs {
        let first = r * per_round;
        let n = per_round.min(docs.saturating_sub(first));
        let slice: Vec<Document> = (first..first + n)
            .map(|i| corpus::document(SEED, i as u64))
            .collect();
        let t = Instant::now();
        index(app, first, &slice).await?;
        s.push(n as f64 / t.elapsed().as_secs_f64());
        let t = Instant::now();
        raw_insert(app, first, &slice).await?;
        a.push(n as f64 / t.elapsed().as_secs_f64());
    }
    out.push(super::outcome(
        "search indexing",
        "docs",
        per_round,
        Rates {
            subject: median(s),
            anchor: median(a),
            peak_kib: super::peak_rss_kib(),
        },
        "raw prepared insert of the same text, no index",
    ));
    let mut c = app.store.write().await?;
    sqlx::query("drop table bench_raw_docs")
        .execute(&mut *c)
        .await?;
    c.commit().await?;

    // Queries: the page through the router vs the engine's own query.
    let admin = crate::auth::Actor::system().grant()?;
    let pw = "search benchmark passphrase";
    actions::users::create(
        app,
        &admin,
        actions::users::NewUser {
            username: Username::parse("bench-search")?,
            role: Role::Analyst,
            password: Some(Password::parse(pw)?),
            full_name: None,
            contact: None,
        },
    )
    .await?;
    let signed = actions::session::login(app, "bench-search", pw, "127.0.0.1", None)
        .await?
        .map_err(|e| anyhow::anyhow!("bench login failed: {e:?}"))?;
    let cookie = format!("vigil_session={}", signed.token);
    let router = crate::web::router(app.clone());
    let queries = corpus::queries(SEED, 100);
    let parsed: Vec<Query> = queries
        .iter()
        .map(|q| Query::parse(q, "", "", "", "", "", "", ""))
        .collect::<Result<_, _>>()?;
    let http = |q: &str| {
        let path = format!(
            "/documentation/search?{}",
            serde_urlencoded::to_string([("q", q)]).unwrap_or_default()
        );
        let router = router.clone();
        let cookie = cookie.clone();
        async move {
            let req = Request::get(&path)
                .header("cookie", &cookie)
                .body(Body::empty())?;
            let res = router.oneshot(req).await?;
            anyhow::ensure!(res.status().is_success(), "{path}: {}", res.status());
            let body = axum::body::to_bytes(res.into_body(), usize::MAX).await?;
            anyhow::ensure!(!body.is_empty());
            Ok::<_, anyhow::Error>(())
        }
    };
    // The anchor: the engine's query as vigil asks it (the words matched, the newest
    // matches ranked by bm25, the best fifty read), straight on a connection.
    async fn engine(app: &App, q: &Query) -> anyhow::Result<usize> {
        let mut c = app.store.read().await?;
        Ok(store::search::search(&mut c, q, 50).await?.rows.len())
    }
    // For the record: FTS5 ranking every match, as vigil did before the window.
    let everything = |q: &Query| {
        let phrase = q
            .words
            .iter()
            .map(|w| format!("\"{w}\""))
            .collect::<Vec<_>>()
            .join(" ");
        async move {
            let mut c = app.store.read().await?;
            let rows: Vec<(i64, String)> = sqlx::query_as(
                "select d.doc_id, d.content
                 from (select rowid, rank from search_fts where search_fts match $1 order by rank limit 50) f
                 join search_docs d on d.search_id = f.rowid order by f.rank",
            )
            .bind(phrase)
            .fetch_all(&mut *c)
            .await?;
            Ok::<_, anyhow::Error>(rows.len())
        }
    };
    super::reset_peak_rss();
    let (mut h, mut e) = (Vec::new(), Vec::new());
    for r in 0..runs {
        for (q, p) in queries.iter().zip(&parsed) {
            // The two in turns, each first every other round (neither always finds
            // the other's pages in the cache).
            for via_http in [r % 2 == 0, r % 2 != 0] {
                let t = Instant::now();
                if via_http {
                    http(q).await?;
                    h.push(t.elapsed().as_secs_f64());
                } else {
                    engine(app, p).await?;
                    e.push(t.elapsed().as_secs_f64());
                }
            }
        }
    }
    // One round of the full ranking (its p99 is the point).
    let mut all = Vec::new();
    for p in &parsed {
        let t = Instant::now();
        everything(p).await?;
        all.push(t.elapsed().as_secs_f64());
    }
    let n = h.len();
    let (h50, e50) = (percentile(&mut h, 50.0), percentile(&mut e, 50.0));
    let (h99, e99) = (percentile(&mut h, 99.0), percentile(&mut e, 99.0));
    let mut p50 = latency_outcome("search p50", h50, e50, n);
    p50.note = Some(format!(
        "{docs} documents; {n} queries: p50 {:.2} ms over HTTP vs {:.2} ms the engine's; p99 {:.2} ms vs {:.2} ms (p99 {:.2}x the engine's); FTS5 ranking every match: p50 {:.2} ms, p99 {:.2} ms",
        h50 * 1e3,
        e50 * 1e3,
        h99 * 1e3,
        e99 * 1e3,
        if e99 > 0.0 { h99 / e99 } else { 0.0 },
        percentile(&mut all, 50.0) * 1e3,
        percentile(&mut all, 99.0) * 1e3
    ));
    out.push(p50);
    out.push(latency_outcome("search p99", h99, e99, n));
    Ok(out)
}
