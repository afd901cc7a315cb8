//! Reading the audit trail: browsing pages of it and verifying it end to end.

use super::Result;
use crate::app::App;
use crate::audit::{Checkpoint, Entry, Report, Verifier};
use crate::auth::capability::{Cap, ReadAudit};
use crate::store::{self, audit::Filter};

pub const PAGE: i64 = 50;

/// A page of entries, newest first, and the cursor for the next page.
pub async fn page(
    app: &App,
    _cap: &Cap<ReadAudit>,
    filter: &Filter,
) -> Result<(Vec<Entry>, Option<i64>)> {
    let mut c = app.store.read().await?;
    let mut entries = store::audit::page(&mut c, filter, PAGE + 1).await?;
    let next = if entries.len() as i64 > PAGE {
        entries.truncate(PAGE as usize);
        entries.last().map(|e| e.seq)
    } else {
        None
    };
    Ok((entries, next))
}

/// Where the checkpoints to verify against come from.
pub enum Checkpoints {
    /// The copies kept in the database.
    Stored,
    /// A checkpoint file handed over earlier (the stronger check: the database's own
    /// copies could have been rewritten along with the trail).
    Given(Vec<Checkpoint>),
}

/// Recomputes the whole chain and checks every checkpoint, with the signing key of
/// this database's keyring (or `trusted_key`, hex, when given).
pub async fn verify(
    app: &App,
    _cap: &Cap<ReadAudit>,
    source: Checkpoints,
    trusted_key: Option<&str>,
) -> Result<Report> {
    let key = trusted_key.map_or_else(|| app.keys.verifying_key_hex(), str::to_string);
    verify_store(&app.store, source, &key).await
}

/// The same, on a bare store (used by benchmarks and tests).
pub async fn verify_store(
    store_: &store::Store,
    source: Checkpoints,
    trusted_key: &str,
) -> Result<Report> {
    let mut c = store_.read().await?;
    let cps = match source {
        Checkpoints::Stored => store::audit::checkpoints(&mut c).await?,
        Checkpoints::Given(v) => v,
    };
    let mut v = Verifier::new(&cps);
    // Entries come in by rowid order of `seq`; a deleted or reordered entry shows up as
    // a gap or a broken link whatever order they are read in.
    let mut after = i64::MIN;
    loop {
        let batch = store::audit::scan(&mut c, after, 5_000).await?;
        let Some(last) = batch.last() else { break };
        after = last.seq;
        for e in &batch {
            v.push(e);
        }
    }
    let (seq, hash) = store::audit::head(&mut c).await?;
    Ok(v.finish((seq, &hash), &cps, trusted_key))
}
