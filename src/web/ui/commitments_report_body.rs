//! The report "commitments and breaches" rendered as HTML content: per party (a table
//! and a bar chart), the count in each status at every month's end and the monthly
//! coverage of presence terms (line charts, server-side SVG), then per agreement each
//! commitment with its term, status and the evidence and sources that support it,
//! linked. The page and a published snapshot show this; golden files
//! (tests/it/golden/) hold it stable.
//!
//! The page links every statement to the record page that supports it. A published
//! copy is read by observers, who cannot open those pages, and must stand on its own
//! (`Links::Published`): the same words with no link into the record — each piece of
//! evidence already says what it is, its day and what it says, and each source is
//! cited in full (number, grade, title, locator) — so nothing in it leads to a page
//! its readers are refused.

use askama::Template;

use super::charts::{
    bar_chart, line_chart, BarChart, BarGroup, Hue, LineChart, Orientation, Series,
};
use super::commitments::{date, evidence_line, status_line, status_text, term_text, StatusLine};
use crate::actions::documentation::commitments::report::{
    Cite, CommitmentsReport, ReportEvidence, StatusCounts,
};
use crate::i18n::{Arg, Tr};

/// The statuses in the order the report counts them, with their hue.
const STATUSES: [(&str, Hue); 5] = [
    ("met", Hue::Green),
    ("partly_met", Hue::Orange),
    ("breached", Hue::Vermillion),
    ("pending", Hue::Blue),
    ("cannot_judge", Hue::Grey),
];

fn count(n: &StatusCounts, status: &str) -> i64 {
    match status {
        "met" => n.met,
        "partly_met" => n.partly_met,
        "breached" => n.breached,
        "pending" => n.pending,
        _ => n.cannot_judge,
    }
}

/// Where the report's links lead: into the record (the report's page), or nowhere
/// (a published copy, read by observers: the text is self-contained).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Links {
    Record,
    Published,
}

fn status_name(tr: &Tr, status: &str) -> String {
    status_text(tr, status, None)
}

pub struct CiteLine {
    /// The source's page; none in a published copy.
    pub href: Option<String>,
    pub text: String,
}

fn cite_line(tr: &Tr, c: &Cite, links: Links) -> CiteLine {
    let mut text = format!(
        "{} {} [{}] {}",
        tr.t("agreement-source"),
        tr.num(c.source_id),
        c.reliability,
        c.title
    );
    if !c.locator.is_empty() {
        text.push_str(&format!(" ({})", c.locator));
    }
    CiteLine {
        href: (links == Links::Record).then(|| format!("/documentation/sources/{}", c.source_id)),
        text,
    }
}

/// One piece of evidence in words: what it is, its day, what it says, its source.
pub struct EvidenceItem {
    /// The evidence's page; none in a published copy.
    pub href: Option<String>,
    pub text: String,
    pub deciding: bool,
    pub source: Option<CiteLine>,
}

fn evidence_item(tr: &Tr, e: &ReportEvidence, commitment: i64, links: Links) -> EvidenceItem {
    let link = evidence_line(tr, &e.link, commitment);
    let mut text = link.text;
    if let Some(at) = e.at {
        text.push_str(&format!(", {}", date(tr, at)));
    }
    if let Some(o) = &e.outcome {
        text.push_str(&format!(
            ": {}",
            status_text(tr, &format!("observed-{o}"), None)
        ));
    }
    if !e.text.is_empty() {
        text.push_str(&format!(" — {}", e.text));
    }
    EvidenceItem {
        href: (links == Links::Record).then_some(link.href),
        text,
        deciding: e.deciding,
        source: e.source.as_ref().map(|c| cite_line(tr, c, links)),
    }
}

pub struct ReportLine {
    pub id: i64,
    pub statement: String,
    pub owed_by: String,
    pub owed_by_id: i64,
    pub term: String,
    pub status: StatusLine,
    pub since: String,
    pub evidence: Vec<EvidenceItem>,
    pub more: String,
}

pub struct AgreementBlock {
    pub id: i64,
    pub title: String,
    pub made: String,
    pub parties: String,
    pub sources: Vec<CiteLine>,
    pub commitments: Vec<ReportLine>,
}

pub struct PartyRow {
    pub id: i64,
    pub name: String,
    pub counts: Vec<i64>,
}

fn over_time_chart(tr: &Tr, months: &[StatusCounts]) -> String {
    let series: Vec<Series> = STATUSES
        .iter()
        .map(|(s, hue)| Series {
            name: status_name(tr, s),
            hue: *hue,
            points: months
                .iter()
                .enumerate()
                .map(|(i, n)| (i as f64, count(n, s) as f64))
                .collect(),
        })
        .collect();
    let labels: Vec<(f64, String)> = months
        .iter()
        .enumerate()
        .map(|(i, n)| (i as f64, tr.month(n.at / 1000)))
        .collect();
    line_chart(
        tr,
        &LineChart {
            title: &tr.t("report-over-time"),
            desc: &tr.t("report-over-time-desc"),
            x_title: &tr.t("site-month"),
            y_title: &tr.t("report-commitments-count"),
            series: &series,
            x_labels: &labels,
        },
    )
}

fn parties_chart(tr: &Tr, parties: &[PartyRow]) -> String {
    let names: Vec<String> = parties.iter().map(|p| p.name.clone()).collect();
    let groups: Vec<BarGroup> = STATUSES
        .iter()
        .enumerate()
        .map(|(i, (s, hue))| BarGroup {
            name: status_name(tr, s),
            hue: *hue,
            values: parties
                .iter()
                .map(|p| p.counts.get(i).copied().unwrap_or(0))
                .collect(),
        })
        .collect();
    bar_chart(
        tr,
        &BarChart {
            title: &tr.t("report-by-party"),
            desc: &tr.t("report-by-party-desc"),
            value_title: &tr.t("report-commitments-count"),
            category_title: &tr.t("report-party"),
            orientation: Orientation::Rows,
            categories: &names,
            groups: &groups,
        },
    )
}

#[derive(Template)]
#[template(path = "commitments_report_body.html")]
pub struct BodyTemplate<'a> {
    pub tr: &'a Tr,
    /// Whether names link to the record's pages (not in a published copy).
    pub links: bool,
    pub as_of: String,
    pub as_of_text: String,
    pub statuses: Vec<String>,
    pub parties: Vec<PartyRow>,
    pub agreements: Vec<AgreementBlock>,
    pub parties_chart: String,
    pub over_time_chart: String,
    pub coverage_chart: Option<String>,
}

/// The report's content as HTML (an `<article>` without the page around it): what
/// the page shows and what a publication freezes, byte for byte. It depends only on
/// the report and the language, so the same report renders to the same bytes.
pub fn render(tr: &Tr, r: &CommitmentsReport, links: Links) -> Result<String, askama::Error> {
    let parties: Vec<PartyRow> = r
        .parties
        .iter()
        .map(|p| PartyRow {
            id: p.organisation_id,
            name: p.party.clone(),
            counts: STATUSES.iter().map(|(s, _)| count(&p.counts, s)).collect(),
        })
        .collect();
    let coverage_chart = (!r.coverage.is_empty()).then(|| {
        let months: Vec<i64> = {
            let mut m: Vec<i64> = r
                .coverage
                .iter()
                .flat_map(|c| c.months.iter().map(|(at, _)| *at))
                .collect();
            m.sort_unstable();
            m.dedup();
            m
        };
        let x = |at: i64| months.iter().position(|m| *m == at).unwrap_or(0) as f64;
        let series: Vec<Series> = r
            .coverage
            .iter()
            .enumerate()
            .map(|(i, c)| Series {
                name: tr.t_args(
                    "report-coverage-series",
                    &[("id", Arg::Num(c.commitment_id))],
                ),
                hue: Hue::nth(i),
                points: c
                    .months
                    .iter()
                    .map(|(at, permille)| (x(*at), *permille as f64 / 10.0))
                    .collect(),
            })
            .collect();
        let labels: Vec<(f64, String)> = months
            .iter()
            .enumerate()
            .map(|(i, at)| (i as f64, tr.month(at / 1000)))
            .collect();
        line_chart(
            tr,
            &LineChart {
                title: &tr.t("report-coverage"),
                desc: &tr.t("report-coverage-desc"),
                x_title: &tr.t("site-month"),
                y_title: &tr.t("report-coverage-share"),
                series: &series,
                x_labels: &labels,
            },
        )
    });
    let agreements = r
        .agreements
        .iter()
        .map(|a| AgreementBlock {
            id: a.row.agreement_id,
            title: a.row.title.clone(),
            made: date(tr, a.row.made_on),
            parties: a.parties.join(", "),
            sources: a.sources.iter().map(|c| cite_line(tr, c, links)).collect(),
            commitments: a
                .commitments
                .iter()
                .map(|k| {
                    let id = k.summary.row.commitment_id;
                    ReportLine {
                        id,
                        statement: k.summary.row.statement.clone(),
                        owed_by: k.summary.owed_by.clone(),
                        owed_by_id: k.summary.row.owed_by_id,
                        term: term_text(tr, &k.summary),
                        status: status_line(tr, &k.summary.status, id),
                        since: date(tr, k.summary.status.since),
                        evidence: k
                            .evidence
                            .iter()
                            .map(|e| evidence_item(tr, e, id, links))
                            .collect(),
                        more: if k.more_evidence > 0 {
                            let key = match links {
                                Links::Record => "report-more-evidence",
                                Links::Published => "report-more-evidence-published",
                            };
                            tr.t_args(key, &[("n", Arg::Num(k.more_evidence as i64))])
                        } else {
                            String::new()
                        },
                    }
                })
                .collect(),
        })
        .collect();
    BodyTemplate {
        tr,
        links: links == Links::Record,
        as_of: crate::clock::rfc3339(r.as_of).chars().take(10).collect(),
        as_of_text: date(tr, r.as_of),
        statuses: STATUSES.iter().map(|(s, _)| status_name(tr, s)).collect(),
        parties_chart: parties_chart(tr, &parties),
        over_time_chart: over_time_chart(tr, &r.over_time),
        coverage_chart,
        parties,
        agreements,
    }
    .render()
}
