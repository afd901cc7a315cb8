//! The report "commitments and breaches" as a file: one row of plain text per
//! commitment (the term in words, read without a locale), written as CSV or XLSX by
//! `io::export::commitments`; each download audited (`export.commitments`).

use serde_json::json;

use super::{commitments_report, CommitmentsReport};
use crate::actions::{audit, ActionError, Event, Result};
use crate::app::App;
use crate::auth::capability::{Cap, ReadRecord};
use crate::domain::export::Format;
use crate::io::export::commitments as files;

/// A term in plain words, for files read without a locale.
fn term_plain(r: &crate::store::commitments::CommitmentRow) -> String {
    let n = |v: Option<i64>| v.unwrap_or(0);
    let cat = || r.category.clone().unwrap_or_default();
    match r.term.as_str() {
        "deadline" => format!(
            "deadline: done by {}",
            crate::clock::rfc3339(n(r.due_on))
                .chars()
                .take(10)
                .collect::<String>()
        ),
        "quantity" => match r.per_residents {
            Some(per) => format!(
                "quantity: at least {} {} per {per} residents",
                n(r.quantity),
                r.item
            ),
            None => format!("quantity: at least {} {}", n(r.quantity), r.item),
        },
        "presence" => format!("presence: {} permille of the time", n(r.share_permille)),
        "frequency" => format!(
            "frequency: at least {} visits every {} days",
            n(r.visits),
            n(r.period_days)
        ),
        "prohibition" => format!("prohibition: no {}", cat()),
        "access" => format!("access: no {}", cat()),
        other => other.to_string(),
    }
}

/// The report as rows of plain text, for the CSV and XLSX files.
pub fn lines(r: &CommitmentsReport) -> Vec<files::Line> {
    let mut out = vec![];
    for a in &r.agreements {
        for k in &a.commitments {
            let s = &k.summary;
            let mut evidence: Vec<String> = k
                .evidence
                .iter()
                .map(|e| {
                    let what = match (e.link.kind, e.link.convoy_id) {
                        ("manifest", Some(c)) => {
                            format!("manifest line {} of convoy {c}", e.link.id)
                        }
                        (kind, _) => format!("{kind} {}", e.link.id),
                    };
                    if e.deciding {
                        format!("{what} (deciding)")
                    } else {
                        what
                    }
                })
                .collect();
            if k.more_evidence > 0 {
                evidence.push(format!("{} more", k.more_evidence));
            }
            let mut sources: Vec<String> = a
                .sources
                .iter()
                .chain(k.evidence.iter().filter_map(|e| e.source.as_ref()))
                .map(|c| {
                    let at = if c.locator.is_empty() {
                        String::new()
                    } else {
                        format!(", {}", c.locator)
                    };
                    format!("source {} [{}] {}{at}", c.source_id, c.reliability, c.title)
                })
                .collect();
            sources.dedup();
            out.push(files::Line {
                agreement_id: a.row.agreement_id,
                agreement: a.row.title.clone(),
                agreement_made_on: a.row.made_on,
                commitment_id: s.row.commitment_id,
                statement: s.row.statement.clone(),
                owed_by: s.owed_by.clone(),
                owed_to: s.owed_to.clone().unwrap_or_default(),
                term: term_plain(&s.row),
                as_of: r.as_of,
                status: s.status.status.to_string(),
                share_permille: s.status.share_permille,
                since: s.status.since,
                evidence: evidence.join("; "),
                sources: sources.join("; "),
            });
        }
    }
    out
}

/// The report as a file in `format`; the download is audited (what was exported, as
/// of which day, how many rows), like every export.
pub async fn commitments_file(
    app: &App,
    cap: &Cap<ReadRecord>,
    as_of: i64,
    format: Format,
) -> Result<Vec<u8>> {
    let report = commitments_report(app, cap, as_of).await?;
    let rows = lines(&report);
    let bytes = match format {
        Format::Csv => files::csv(&rows).into_bytes(),
        Format::Xlsx => files::xlsx(&rows).map_err(|e| ActionError::Internal(e.to_string()))?,
    };
    let mut tx = app.store.write().await?;
    audit(
        &mut tx,
        app,
        cap.actor(),
        Event {
            action: "export.commitments",
            object_type: "export",
            object_id: "commitments_report".into(),
            summary: format!(
                "commitments report exported ({format:?}, {} rows)",
                rows.len()
            ),
            details: json!({ "as_of": report.as_of, "rows": rows.len() }),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(bytes)
}
