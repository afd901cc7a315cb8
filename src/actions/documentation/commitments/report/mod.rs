//! The report "commitments and breaches" as of a day: per agreement and per party,
//! each commitment with its term, its status and the evidence and sources that
//! decide it (sources with their reliability grade), the count of commitments in each
//! status at every month's end, and the monthly coverage of every presence term.
//!
//! It holds no personal data: parties are organisations, evidence is named by record
//! id, incident title, source title and grade, never by a resident. The pages, the
//! API, the CLI and the CSV/XLSX files are all drawn from this one value, so they
//! cannot disagree.

mod file;

use std::collections::BTreeMap;

pub use file::{commitments_file, lines};

use super::commitment::summarise_history;
use super::evidence::ReadAll;
use super::{end_of, org_names, CommitmentSummary, EvidenceLink};

use crate::actions::Result;
use crate::app::App;
use crate::auth::capability::{Cap, ReadRecord};
use crate::calendar::{civil_from_days, days_from_civil};
use crate::domain::commitment::DAY_MS;
use crate::store::commitments::{AgreementRow, DeliveryRow, ObservationRow};
use crate::store::{self, Conn};

/// A statement's evidence listed in full up to this many items; past it the report
/// says how many more there are and the commitment's page lists them all (a presence
/// term can rest on thousands of visits).
const EVIDENCE_SHOWN: usize = 12;

/// A source cited, with its reliability grade (A–F) and where in it.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct Cite {
    pub source_id: i64,
    pub title: String,
    pub reliability: String,
    pub locator: String,
}

/// One piece of evidence as the report states it.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct ReportEvidence {
    #[serde(flatten)]
    pub link: EvidenceLink,
    /// Whether the status rests on it (observations that do not decide are still
    /// listed: they are what the sources say).
    pub deciding: bool,
    /// Epoch ms of the evidence (observed on, incident start, visit arrival, convoy day).
    pub at: Option<i64>,
    /// fulfilled, partly, not_fulfilled, statement (observations only).
    pub outcome: Option<String>,
    /// Incident title, manifest item, or the observation's note.
    pub text: String,
    pub source: Option<Cite>,
}

#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct ReportCommitment {
    #[serde(flatten)]
    pub summary: CommitmentSummary,
    pub evidence: Vec<ReportEvidence>,
    /// Evidence not listed here (see the commitment's page).
    pub more_evidence: usize,
}

#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct ReportAgreement {
    #[serde(flatten)]
    pub row: AgreementRow,
    pub parties: Vec<String>,
    pub sources: Vec<Cite>,
    pub commitments: Vec<ReportCommitment>,
}

/// Commitments in each status; `at` is an instant (end of a day, epoch ms).
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct StatusCounts {
    pub at: i64,
    pub pending: i64,
    pub met: i64,
    pub partly_met: i64,
    pub breached: i64,
    pub cannot_judge: i64,
}

impl StatusCounts {
    /// Counts one commitment in `status`.
    pub fn add(&mut self, status: &str) {
        match status {
            "pending" => self.pending += 1,
            "met" => self.met += 1,
            "partly_met" => self.partly_met += 1,
            "breached" => self.breached += 1,
            _ => self.cannot_judge += 1,
        }
    }
}

/// The owing party's commitments by status as of the report's day.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct PartyTally {
    pub organisation_id: i64,
    pub party: String,
    #[serde(flatten)]
    pub counts: StatusCounts,
}

/// A presence term's coverage month by month: (first day of the month, ‰ of the
/// month's time in force with a monitor present).
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct CoverageSeries {
    pub commitment_id: i64,
    pub statement: String,
    pub months: Vec<(i64, i64)>,
}

#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct CommitmentsReport {
    /// The day judged, epoch ms of midnight UTC.
    pub as_of: i64,
    pub agreements: Vec<ReportAgreement>,
    pub parties: Vec<PartyTally>,
    /// At the end of every month from the first commitment in force to the day judged
    /// (the last entry is the day judged itself).
    pub over_time: Vec<StatusCounts>,
    pub coverage: Vec<CoverageSeries>,
}

/// The first day of the month of `ms`, and of the next month (epoch days).
fn month_of(ms: i64) -> (i64, i64) {
    let (y, m, _) = civil_from_days(ms.div_euclid(DAY_MS));
    let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    (days_from_civil(y, m, 1), days_from_civil(ny, nm, 1))
}

/// The instants the chart samples: the end of every month from `from` to `at`, then `at`.
fn month_ends(from: i64, at: i64) -> Vec<i64> {
    let mut out = vec![];
    let mut t = from;
    while t < at {
        let end = month_of(t).1 * DAY_MS - 1;
        if end >= at {
            break;
        }
        out.push(end);
        t = end + 1;
    }
    out.push(at);
    out
}

/// Sources read for the report, by id: (title, reliability), or none for a source
/// that does not exist. An agreement's sources are cited again by its observations.
type Sources = BTreeMap<i64, Option<(String, String)>>;

async fn cite(
    c: &mut Conn,
    read: &mut Sources,
    source_id: i64,
    locator: &str,
) -> Result<Option<Cite>> {
    if let std::collections::btree_map::Entry::Vacant(slot) = read.entry(source_id) {
        let s = store::sources::get_source(c, source_id).await?;
        slot.insert(s.map(|s| (s.title, s.reliability)));
    }
    Ok(read
        .get(&source_id)
        .and_then(Option::as_ref)
        .map(|(title, reliability)| Cite {
            source_id,
            title: title.clone(),
            reliability: reliability.clone(),
            locator: locator.to_string(),
        }))
}

/// What the report reads once however many statements cite it: sources and convoy
/// manifests.
#[derive(Default)]
struct Read {
    sources: Sources,
    lines: BTreeMap<i64, Vec<DeliveryRow>>,
}

/// States one piece of evidence: what it is, when, and the source that carries it.
async fn state(
    c: &mut Conn,
    link: EvidenceLink,
    deciding: bool,
    obs: &[ObservationRow],
    read: &mut Read,
) -> Result<ReportEvidence> {
    let mut e = ReportEvidence {
        deciding,
        at: None,
        outcome: None,
        text: String::new(),
        source: None,
        link,
    };
    match e.link.kind {
        "observation" => {
            if let Some(o) = obs.iter().find(|o| o.observation_id == e.link.id) {
                e.at = Some(o.observed_on);
                e.outcome = Some(o.outcome.clone());
                e.text.clone_from(&o.note);
                e.source = cite(c, &mut read.sources, o.source_id, &o.locator).await?;
            }
        }
        "incident" => {
            if let Some(i) = store::incidents::get(c, e.link.id).await? {
                e.at = Some(i.started_at);
                e.text = i.title;
            }
        }
        "visit" => {
            if let Some(v) = store::commitments::get_visit(c, e.link.id).await? {
                e.at = Some(v.arrival);
                if let Some(s) = v.source_id {
                    e.source = cite(c, &mut read.sources, s, "").await?;
                }
            }
        }
        _ => {
            if let Some(convoy) = e.link.convoy_id {
                // A convoy's lines are read once however many commitments cite them.
                if let std::collections::btree_map::Entry::Vacant(slot) = read.lines.entry(convoy) {
                    slot.insert(store::commitments::deliveries(c, convoy).await?);
                }
                if let Some(d) = read
                    .lines
                    .get(&convoy)
                    .and_then(|ls| ls.iter().find(|d| d.line_id == e.link.id))
                {
                    e.at = d.departed_on.or(d.arrived_on).or(d.planned_on);
                    e.text.clone_from(&d.item);
                }
            }
        }
    }
    Ok(e)
}

/// Builds the report as of day `as_of` (epoch ms).
pub async fn commitments_report(
    app: &App,
    _cap: &Cap<ReadRecord>,
    as_of: i64,
) -> Result<CommitmentsReport> {
    let mut c = app.store.read().await?;
    let at = end_of(as_of);
    let orgs = org_names(&mut c).await?;
    let all_parties = store::commitments::parties(&mut c, None).await?;
    let mut read = Read::default();
    let all = ReadAll::read(&mut c).await?;
    let mut agreements = vec![];
    let mut tallies: BTreeMap<i64, StatusCounts> = BTreeMap::new();
    let mut histories = vec![];
    let mut coverage_series = vec![];
    for row in store::commitments::list_agreements(&mut c).await? {
        let id = row.agreement_id;
        let mut sources = vec![];
        for s in store::commitments::sources(&mut c, id).await? {
            sources.extend(cite(&mut c, &mut read.sources, s.source_id, &s.locator).await?);
        }
        let mut commitments = vec![];
        for k in store::commitments::commitments(&mut c, Some(id)).await? {
            let (summary, judged, changes) = summarise_history(&mut c, &orgs, k, at, &all).await?;
            tallies
                .entry(summary.row.owed_by_id)
                .or_default()
                .add(summary.status.status);
            histories.push((summary.row.in_force_from, changes));
            let facts = judged
                .facts
                .as_ref()
                .filter(|_| summary.row.term == "presence");
            if let (Some(f), true) = (facts, at >= summary.row.in_force_from) {
                let stop = summary.row.in_force_until.map_or(at, |u| u.min(at));
                let months = month_ends(summary.row.in_force_from, stop)
                    .into_iter()
                    .map(|end| {
                        let first = (month_of(end).0 * DAY_MS).max(summary.row.in_force_from);
                        let span = (end - first).max(1);
                        (first, f.covered(first, end).saturating_mul(1000) / span)
                    })
                    .collect();
                coverage_series.push(CoverageSeries {
                    commitment_id: summary.row.commitment_id,
                    statement: summary.row.statement.clone(),
                    months,
                });
            }
            // The deciding evidence first, then what the other sources said up to the day.
            let mut links: Vec<(EvidenceLink, bool)> = summary
                .status
                .deciding
                .iter()
                .map(|l| (l.clone(), true))
                .collect();
            let obs = &judged.observations;
            for o in obs.iter().filter(|o| o.observed_on <= at) {
                let seen = links
                    .iter()
                    .any(|(l, _)| l.kind == "observation" && l.id == o.observation_id);
                if !seen {
                    links.push((
                        EvidenceLink {
                            kind: "observation",
                            id: o.observation_id,
                            convoy_id: None,
                        },
                        false,
                    ));
                }
            }
            let more_evidence = links.len().saturating_sub(EVIDENCE_SHOWN)
                + usize::try_from(summary.status.deciding_more).unwrap_or(0);
            let mut evidence = vec![];
            for (l, deciding) in links.into_iter().take(EVIDENCE_SHOWN) {
                evidence.push(state(&mut c, l, deciding, obs, &mut read).await?);
            }
            commitments.push(ReportCommitment {
                summary,
                evidence,
                more_evidence,
            });
        }
        agreements.push(ReportAgreement {
            parties: all_parties
                .iter()
                .filter(|(a, _)| *a == id)
                .map(|(_, o)| super::name_of(&orgs, *o))
                .collect(),
            row,
            sources,
            commitments,
        });
    }
    let start = histories.iter().map(|(from, _)| *from).min();
    let over_time = match start {
        Some(from) if from <= at => month_ends(from, at)
            .into_iter()
            .map(|t| {
                let mut n = StatusCounts {
                    at: t,
                    ..StatusCounts::default()
                };
                for (_, h) in &histories {
                    // The status at `t` is the last change at or before it.
                    let s = h
                        .iter()
                        .rev()
                        .find(|(when, _)| *when <= t)
                        .map_or("pending", |(_, s)| s.as_str());
                    n.add(s);
                }
                n
            })
            .collect(),
        _ => vec![],
    };
    let parties = tallies
        .into_iter()
        .map(|(organisation_id, mut counts)| {
            counts.at = at;
            PartyTally {
                organisation_id,
                party: super::name_of(&orgs, organisation_id),
                counts,
            }
        })
        .collect();
    Ok(CommitmentsReport {
        as_of: as_of - as_of.rem_euclid(DAY_MS),
        agreements,
        parties,
        over_time,
        coverage: coverage_series,
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn day(s: &str) -> i64 {
        crate::clock::parse_day(s).unwrap()
    }

    #[test]
    fn month_ends_run_to_the_day_asked() {
        let at = day("2012-04-10") + DAY_MS - 1;
        let ends = month_ends(day("2012-02-18"), at);
        assert_eq!(
            ends,
            vec![day("2012-03-01") - 1, day("2012-04-01") - 1, at,]
        );
        assert_eq!(month_ends(at, at), vec![at]);
        assert_eq!(
            month_of(day("2012-12-31")),
            (day("2012-12-01") / DAY_MS, day("2013-01-01") / DAY_MS)
        );
    }
}
