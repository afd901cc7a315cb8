//! The facts an incident's claims decide, stored on the incident so that the timeline
//! is one SQL aggregate: its period, its verification as computed (unverified,
//! corroborated, verified), the best grade among its sources, the independent voices
//! behind it and its claims. They are a cache of what `domain::incident::corroboration`
//! computes, never typed: every action that changes a claim, a source, a grade, the
//! verification or the incident's start calls [`refresh`] (or [`refresh_of_source`])
//! in its own transaction, so they cannot drift from the claims. Rows written before
//! they existed are computed when the store is opened ([`refresh_stale`]).
//!
//! Retracted claims and the claims of retracted sources count for nothing.

use std::collections::HashMap;

use super::incidents::IncidentRow;
use super::sources::{ClaimRow, SourceRow, ValueRow};
use super::{Conn, Result};
use crate::domain::incident::corroboration::{corroborate, Corroboration, Voice, Witness};
use crate::domain::incident::timeline::Period;
use crate::domain::incident::{Act, Precision, Verification};
use crate::domain::person::Choice;
use crate::domain::source::{Affiliation, Credibility, Reliability};

/// Each claim's figures, by claim id (one pass, so the list stays linear).
pub fn values_by_claim(values: &[ValueRow]) -> HashMap<i64, Vec<(Act, i64)>> {
    let mut out: HashMap<i64, Vec<(Act, i64)>> = HashMap::new();
    for v in values {
        if let Ok(m) = Act::parse(&v.measure) {
            out.entry(v.claim_id).or_default().push((m, v.value));
        }
    }
    out
}

/// The witnesses the corroboration counts: one per standing claim whose source is on
/// record and stands.
pub fn witnesses(
    claims: &[ClaimRow],
    sources: &HashMap<i64, SourceRow>,
    values: &HashMap<i64, Vec<(Act, i64)>>,
) -> Vec<Witness> {
    counted(claims, sources, values)
        .iter()
        .filter_map(Counted::witness)
        .collect()
}

/// A standing claim of a standing source, as the facts count it.
pub struct Counted<'a> {
    pub source: &'a SourceRow,
    /// The claim's credibility grade as stored (1–6).
    pub credibility: i64,
    pub values: Vec<(Act, i64)>,
}

impl Counted<'_> {
    /// The claim as a witness (none if its stored grades do not parse).
    fn witness(&self) -> Option<Witness> {
        let s = self.source;
        let affiliation = Affiliation::parse(&s.affiliation).ok()?;
        Some(Witness {
            voice: Voice::of(s.source_id, affiliation, s.publisher_id, s.aligned_with_id),
            reliability: Reliability::parse(&s.reliability).ok()?,
            credibility: Credibility::from_stored(self.credibility)?,
            values: self.values.clone(),
        })
    }
}

/// The standing claims whose source is on record and stands.
fn counted<'a>(
    claims: &[ClaimRow],
    sources: &'a HashMap<i64, SourceRow>,
    values: &HashMap<i64, Vec<(Act, i64)>>,
) -> Vec<Counted<'a>> {
    claims
        .iter()
        .filter(|cl| cl.retracted_at.is_none())
        .filter_map(|cl| {
            Some(Counted {
                source: sources
                    .get(&cl.source_id)
                    .filter(|s| s.retracted_at.is_none())?,
                credibility: cl.credibility,
                values: values.get(&cl.claim_id).cloned().unwrap_or_default(),
            })
        })
        .collect()
}

/// What the record says of an incident's verification: the documenter's "verified"
/// stands; otherwise corroborated when independent voices support it.
pub fn status(documenter: &str, c: &Corroboration) -> Verification {
    if documenter == Verification::Verified.as_str() {
        Verification::Verified
    } else if c.corroborated {
        Verification::Corroborated
    } else {
        Verification::Unverified
    }
}

/// The stored facts of one incident.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Facts {
    pub period: String,
    pub status: Verification,
    pub best_grade: Option<String>,
    pub voices: i64,
    pub claims: i64,
}

/// Computes an incident's facts from its claims (every claim given must be its own).
pub fn facts(
    row: &IncidentRow,
    claims: &[ClaimRow],
    sources: &HashMap<i64, SourceRow>,
    values: &HashMap<i64, Vec<(Act, i64)>>,
) -> Facts {
    let precision = Precision::parse(&row.start_precision).unwrap_or(Precision::Day);
    let standing = claims.iter().filter(|c| c.retracted_at.is_none()).count();
    facts_of(
        Period::of(row.started_at, precision),
        &row.verification,
        standing,
        &counted(claims, sources, values),
    )
}

/// The facts of an incident of `period` with the documenter's `verification`, `claims`
/// standing claims and, of those, the `counted` ones (whose source stands). An incident
/// being recorded with its claims has its facts computed here once, before any row is
/// written.
pub fn facts_of(
    period: Period,
    verification: &str,
    claims: usize,
    counted: &[Counted<'_>],
) -> Facts {
    let witnesses: Vec<Witness> = counted.iter().filter_map(Counted::witness).collect();
    let corr = corroborate(&witnesses);
    Facts {
        period: period.key(),
        status: status(verification, &corr),
        best_grade: counted.iter().map(|c| c.source.reliability.clone()).min(),
        voices: i64::try_from(corr.voices).unwrap_or(i64::MAX),
        claims: i64::try_from(claims).unwrap_or(i64::MAX),
    }
}

async fn store(c: &mut Conn, id: i64, f: &Facts, now: i64) -> Result<()> {
    sqlx::query(
        "update incidents set period = $1, status = $2, best_grade = $3, voices = $4, claim_count = $5,
           derived_at = $6 where incident_id = $7",
    )
    .bind(&f.period)
    .bind(f.status.as_str())
    .bind(&f.best_grade)
    .bind(f.voices)
    .bind(f.claims)
    .bind(now)
    .bind(id)
    .execute(&mut *c)
    .await?;
    Ok(())
}

/// The sources a set of claims cites, by id (one statement).
async fn sources_of(c: &mut Conn, claims: &[ClaimRow]) -> Result<HashMap<i64, SourceRow>> {
    let mut ids: Vec<i64> = claims.iter().map(|cl| cl.source_id).collect();
    ids.sort_unstable();
    ids.dedup();
    Ok(super::sources::sources_by_ids(c, &ids)
        .await?
        .into_iter()
        .map(|s| (s.source_id, s))
        .collect())
}

/// Recomputes one incident's facts from its claims (nothing, if there is no such
/// incident).
pub async fn refresh(c: &mut Conn, id: i64, now: i64) -> Result<()> {
    let Some(row) = super::incidents::get(c, id).await? else {
        return Ok(());
    };
    refresh_row(c, &row, now).await
}

/// [`refresh`] of an incident whose row the caller has just read.
pub async fn refresh_row(c: &mut Conn, row: &IncidentRow, now: i64) -> Result<()> {
    let id = row.incident_id;
    let claims = super::sources::claims(c, Some(id), None).await?;
    let sources = sources_of(c, &claims).await?;
    let values = values_by_claim(&super::sources::values(c, Some(id)).await?);
    store(c, id, &facts(row, &claims, &sources, &values), now).await
}

/// Recomputes the facts of every incident a source speaks of (its grade, affiliation
/// or retraction changed).
pub async fn refresh_of_source(c: &mut Conn, source_id: i64, now: i64) -> Result<usize> {
    let ids: Vec<i64> = sqlx::query_scalar(
        "select distinct incident_id from claims where source_id = $1 and incident_id is not null",
    )
    .bind(source_id)
    .fetch_all(&mut *c)
    .await?;
    for id in &ids {
        refresh(c, *id, now).await?;
    }
    Ok(ids.len())
}

/// Incidents computed per pass of [`refresh_stale`].
const STALE_CHUNK: i64 = 20_000;

/// Computes the facts of every incident that has none yet (rows of earlier versions,
/// or bulk-loaded rows), a chunk of ids at a time with every source loaded once.
/// Returns how many it computed.
pub async fn refresh_stale(c: &mut Conn, now: i64) -> Result<usize> {
    let sources: HashMap<i64, SourceRow> = super::sources::list_sources(c)
        .await?
        .into_iter()
        .map(|s| (s.source_id, s))
        .collect();
    let mut done = 0;
    loop {
        let sql = format!(
            "select {} from incidents where derived_at is null order by incident_id limit {STALE_CHUNK}",
            super::incidents::COLUMNS
        );
        let rows: Vec<IncidentRow> = sqlx::query_as(&sql).fetch_all(&mut *c).await?;
        let (Some(lo), Some(hi)) = (rows.first(), rows.last()) else {
            return Ok(done);
        };
        let (lo, hi) = (lo.incident_id, hi.incident_id);
        let claims = super::sources::claims_between(c, lo, hi).await?;
        let values = values_by_claim(&super::sources::values_between(c, lo, hi).await?);
        let mut by_incident: HashMap<i64, Vec<ClaimRow>> = HashMap::new();
        for cl in claims {
            if let Some(i) = cl.incident_id {
                by_incident.entry(i).or_default().push(cl);
            }
        }
        for row in &rows {
            let mine = by_incident.remove(&row.incident_id).unwrap_or_default();
            store(
                c,
                row.incident_id,
                &facts(row, &mine, &sources, &values),
                now,
            )
            .await?;
        }
        done += rows.len();
    }
}
