//! Evidence and search scenarios:
//! - evidence ingest: an upload streamed through `Ingest` (SHA-256 and BLAKE3, sealed
//!   chunks, spool file, content check) and recorded (blob, chunks, item, audit entry
//!   in one transaction), in MiB/s, vs BLAKE3 + SHA-256 hashing the same bytes;
//! - search query: the search action (normalising the words, the engine's query with
//!   its filters, snippets) over a mixed English/Persian/Arabic index, vs the engine's
//!   own query (FTS5 MATCH ranked by bm25, on SQLite) for the same words, no HTTP.

use std::sync::Arc;

use rand::{Rng, SeedableRng};
use sha2::Digest;

use super::{measure, outcome, Outcome};
use crate::actions::documentation::{evidence, search};
use crate::app::App;
use crate::auth::capability::{Cap, ReadRecord, WriteDocumentation};
use crate::auth::Actor;
use crate::domain::evidence::Capture;
use crate::domain::search::{index_body, Query};
use crate::domain::Role;
use crate::store::{self, search::Doc};

/// MiB per upload at size S.
const FILE_MIB: usize = 8;

/// A PNG-looking file of `mib` MiB, different for every `seed`.
fn file(seed: u64, mib: usize) -> Vec<u8> {
    let mut rng = rand::rngs::StdRng::seed_from_u64(seed);
    let mut b = vec![0u8; mib * 1024 * 1024];
    rng.fill(b.as_mut_slice());
    for (slot, m) in b.iter_mut().zip(b"\x89PNG\r\n\x1a\n") {
        *slot = *m;
    }
    b
}

const WORDS: [&str; 24] = [
    "rocket",
    "camp",
    "water",
    "convoy",
    "medical",
    "generator",
    "monitor",
    "liberty",
    "موشک",
    "اردوگاه",
    "آب",
    "کاروان",
    "پزشکی",
    "ژنراتور",
    "ناظر",
    "لیبرتی",
    "صاروخ",
    "مخيم",
    "ماء",
    "قافلة",
    "طبي",
    "مولد",
    "مراقب",
    "ليبرتي",
];

pub async fn scenarios(app: &Arc<App>, scale: usize, runs: usize) -> anyhow::Result<Vec<Outcome>> {
    let cap: Cap<WriteDocumentation> = Actor {
        user_id: 0,
        username: "bench-documenter".into(),
        role: Role::Documenter,
    }
    .grant()?;
    let reader: Cap<ReadRecord> = Actor {
        user_id: 0,
        username: "bench-analyst".into(),
        role: Role::Analyst,
    }
    .grant()?;
    let incident = crate::actions::documentation::incidents::create(
        app,
        &cap,
        &crate::domain::incident::IncidentInput::parse(&crate::domain::incident::IncidentText {
            title: "Bench evidence incident",
            category: "rocket_attack",
            started: "2013-02-09",
            ..Default::default()
        })?,
    )
    .await?;
    let capture = Capture::parse(
        "incident",
        &incident.to_string(),
        "2013-02-10",
        "bench",
        "email",
    )?;

    let mib = FILE_MIB * scale;
    // Every round uploads different bytes (the same bytes would be stored once).
    let files: Vec<Vec<u8>> = (0..runs).map(|r| file(r as u64 + 1, mib)).collect();
    let round = std::sync::atomic::AtomicUsize::new(0);
    let rates = measure(
        runs,
        mib,
        || async {
            let r = round.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            let bytes = files.get(r % files.len()).map_or(&[][..], Vec::as_slice);
            let mut ingest = evidence::Ingest::new(app, "bench.png")?;
            // Pieces of the size a multipart body arrives in.
            for piece in bytes.chunks(64 * 1024) {
                ingest.push(app, piece)?;
            }
            let spooled = ingest.finish(app)?;
            evidence::record(app, &cap, spooled, &capture).await?;
            Ok(())
        },
        || async {
            let bytes = files.first().map_or(&[][..], Vec::as_slice);
            let mut sha = sha2::Sha256::new();
            let mut b3 = blake3::Hasher::new();
            for piece in bytes.chunks(64 * 1024) {
                sha.update(piece);
                b3.update(piece);
            }
            anyhow::ensure!(!sha.finalize().is_empty() && !b3.finalize().as_bytes().is_empty());
            Ok(())
        },
    )
    .await?;
    let mut out = vec![outcome(
        "evidence ingest",
        "MiB",
        mib,
        rates,
        "BLAKE3 + SHA-256 over the same bytes",
    )];

    // A mixed-language index: 20,000 documents at size S.
    let docs = 20_000 * scale;
    let mut rng = rand::rngs::StdRng::seed_from_u64(7);
    let mut tx = app.store.write().await?;
    for i in 0..docs {
        let text: Vec<&str> = (0..12)
            .map(|_| {
                WORDS
                    .get(rng.gen_range(0..WORDS.len()))
                    .copied()
                    .unwrap_or("camp")
            })
            .collect();
        let content = text.join(" ");
        store::search::put(
            &mut tx,
            &Doc {
                doc_type: "source",
                doc_id: 1_000_000 + i as i64,
                parent_id: None,
                title: "bench",
                content: &content,
                body: &index_body(&content),
                day: None,
                site_id: None,
                category: "",
                grade: "C",
                language: "en",
            },
        )
        .await?;
    }
    tx.commit().await?;
    let queries: Vec<String> = (0..100)
        .map(|_| {
            let a = WORDS
                .get(rng.gen_range(0..WORDS.len()))
                .copied()
                .unwrap_or("camp");
            let b = WORDS
                .get(rng.gen_range(0..WORDS.len()))
                .copied()
                .unwrap_or("water");
            format!("{a} {b}")
        })
        .collect();
    let parsed: Vec<Query> = queries
        .iter()
        .map(|q| Query::parse(q, "", "", "", "", "", "", ""))
        .collect::<Result<_, _>>()?;
    let rates = measure(
        runs,
        parsed.len(),
        || async {
            for q in &queries {
                let q = Query::parse(q, "", "", "", "", "", "", "")?;
                search::search(app, &reader, &q).await?;
            }
            Ok(())
        },
        || async {
            let mut c = app.store.read().await?;
            for q in &parsed {
                let phrase = q
                    .words
                    .iter()
                    .map(|w| format!("\"{w}\""))
                    .collect::<Vec<_>>()
                    .join(" ");
                let _: Vec<(i64, String)> = sqlx::query_as(
                    "select d.doc_id, d.content from search_fts f join search_docs d on d.search_id = f.rowid
                     where search_fts match $1 order by bm25(search_fts) limit 50",
                )
                .bind(phrase)
                .fetch_all(&mut *c)
                .await?;
            }
            Ok(())
        },
    )
    .await?;
    out.push(outcome(
        "search query",
        "queries",
        parsed.len(),
        rates,
        "FTS5 MATCH + bm25 for the same words (SQLite), no HTTP",
    ));
    Ok(out)
}
