//! Publishing the report "commitments and breaches" for observers: a frozen snapshot
//! of the report as of a day — the content rendered once, stored byte for byte with
//! its SHA-256, who published it and when — written and audited in one transaction.
//! The documenter publishes (and withdraws, with a reason: the snapshot is kept and
//! marked, never deleted); every role, observers included, reads what was published.
//! The report holds no personal data, so the snapshot is what every role may see.

use serde_json::json;
use sha2::{Digest, Sha256};

use super::report::{commitments_report, CommitmentsReport};
use crate::actions::{audit, ActionError, Event, Result};
use crate::app::App;
use crate::auth::capability::{Cap, ReadRecord, ReadReports, WriteDocumentation};
use crate::domain::Invalid;
use crate::store::published_reports::{self as published, NewPublished, PublishedRow};

/// The report's kind as stored.
pub const COMMITMENTS: &str = "commitments";

/// A report rendered for publication: its title and content (HTML), in one language.
pub struct Rendered {
    pub title: String,
    pub lang: String,
    pub content: String,
}

/// SHA-256 of the content's UTF-8 bytes, lower-case hex (what `sha256sum` prints).
pub fn digest(content: &str) -> String {
    hex::encode(Sha256::digest(content.as_bytes()))
}

/// Publishes the report as of day `as_of` (epoch ms) as `render` draws it; returns the
/// new snapshot's id.
pub async fn publish_commitments(
    app: &App,
    cap: &Cap<WriteDocumentation>,
    as_of: i64,
    render: impl FnOnce(&CommitmentsReport) -> std::result::Result<Rendered, String>,
) -> Result<i64> {
    let reader: Cap<ReadRecord> = cap.actor().grant()?;
    let report = commitments_report(app, &reader, as_of).await?;
    let r = render(&report).map_err(ActionError::Internal)?;
    let sha256 = digest(&r.content);
    let mut tx = app.store.write().await?;
    let id = published::insert(
        &mut tx,
        &NewPublished {
            kind: COMMITMENTS,
            as_of: report.as_of,
            title: &r.title,
            lang: &r.lang,
            content: &r.content,
            sha256: &sha256,
            published_by: &cap.actor().username,
            published_at: app.now(),
        },
    )
    .await?;
    audit(
        &mut tx,
        app,
        cap.actor(),
        Event {
            action: "report.publish",
            object_type: "published_report",
            object_id: id.to_string(),
            summary: format!(
                "commitments report as of {} published",
                crate::clock::rfc3339(report.as_of)
                    .get(..10)
                    .unwrap_or_default()
            ),
            details: json!({ "kind": COMMITMENTS, "as_of": report.as_of, "lang": r.lang,
                "sha256": sha256, "bytes": r.content.len() }),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// Withdraws a published report with a reason: it stays, marked withdrawn.
pub async fn withdraw(
    app: &App,
    cap: &Cap<WriteDocumentation>,
    id: i64,
    reason: &str,
) -> Result<()> {
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(Invalid::new(
            "reason",
            "published-invalid-reason",
            "say why the report is withdrawn",
        )
        .into());
    }
    if reason.chars().count() > 2000 {
        return Err(Invalid::new(
            "reason",
            "published-invalid-reason-long",
            "the reason is longer than 2,000 characters",
        )
        .into());
    }
    let mut tx = app.store.write().await?;
    let row = published::get(&mut tx, id)
        .await?
        .ok_or(ActionError::NotFound)?;
    if !published::withdraw(&mut tx, id, &cap.actor().username, reason, app.now()).await? {
        return Err(Invalid::new(
            "report",
            "published-already-withdrawn",
            "this report has already been withdrawn",
        )
        .into());
    }
    audit(
        &mut tx,
        app,
        cap.actor(),
        Event {
            action: "report.withdraw",
            object_type: "published_report",
            object_id: id.to_string(),
            summary: format!("published report {id} withdrawn"),
            details: json!({ "reason": reason, "sha256": row.sha256 }),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// A published report as listed: everything but its content, and whether the content
/// still matches its hash.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct Published {
    #[serde(flatten)]
    pub row: PublishedRow,
    /// SHA-256 of the stored content recomputed now equals `sha256`.
    pub intact: bool,
}

fn checked(row: PublishedRow) -> Published {
    Published {
        intact: digest(&row.content) == row.sha256,
        row,
    }
}

/// Every published report, newest first, withdrawn ones included (marked).
pub async fn list(app: &App, _cap: &Cap<ReadReports>) -> Result<Vec<Published>> {
    let mut c = app.store.read().await?;
    Ok(published::list(&mut c)
        .await?
        .into_iter()
        .map(|row| {
            // The list leaves the content out (each report's own page has it).
            let mut p = checked(row);
            p.row.content = String::new();
            p
        })
        .collect())
}

/// One published report with its content.
pub async fn get(app: &App, _cap: &Cap<ReadReports>, id: i64) -> Result<Published> {
    let mut c = app.store.read().await?;
    published::get(&mut c, id)
        .await?
        .map(checked)
        .ok_or(ActionError::NotFound)
}
