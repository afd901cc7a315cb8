//! Importing people: the committing half. `io::import` has read and validated every
//! row; this checks what needs the database (site codes), then writes the rows in
//! batches, each batch one transaction with its audit entries. A file with any
//! rejected row writes nothing, so a corrected file can simply be imported again;
//! re-importing rows whose external id is already known updates those people.

use std::collections::HashMap;

use crate::actions::registry::people::{self, Placement};
use crate::actions::{audit, Event, Result};
use crate::app::App;
use crate::auth::capability::{Cap, WriteRegistry};
use crate::domain::person::household_code;
use crate::io::import::{Problem, Report};
use crate::store;

pub const BATCH: usize = 2_000;

#[derive(Debug, Default, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct Outcome {
    pub added: usize,
    pub updated: usize,
    pub households_created: usize,
    pub batches: usize,
    /// Rows whose person now has an open duplicate or watch-list flag to review.
    pub flagged: usize,
    /// Rows whose external id belongs to a record since merged into another: left
    /// as they were (a tombstone changes no more; the survivor is edited directly).
    pub merged_skipped: usize,
}

/// Adds the rejections only the database can see (unknown site codes) to `report`.
pub async fn check(app: &App, report: &mut Report) -> Result<HashMap<String, i64>> {
    let mut c = app.store.read().await?;
    let sites: HashMap<String, i64> = store::sites::list(&mut c)
        .await?
        .into_iter()
        .map(|s| (s.code, s.site_id))
        .collect();
    let mut extra = Vec::new();
    for row in &report.accepted {
        if let Some(code) = &row.site {
            if !sites.contains_key(code.as_str()) {
                extra.push(Problem {
                    line: row.line,
                    field: "site".into(),
                    key: "invalid-site",
                    message: "no site has this code".into(),
                    args: vec![("site", code.as_str().to_string())],
                });
            }
        }
    }
    if !extra.is_empty() {
        let bad: Vec<usize> = extra.iter().map(|p| p.line).collect();
        report.accepted.retain(|r| !bad.contains(&r.line));
        report.rejected.extend(extra);
        report.rejected.sort_by_key(|p| p.line);
    }
    Ok(sites)
}

/// Writes every accepted row, unless any row was rejected. `progress` is told the
/// number of rows written so far after each batch.
pub async fn commit(
    app: &App,
    cap: &Cap<WriteRegistry>,
    report: &Report,
    sites: &HashMap<String, i64>,
    file_sha256: &str,
    mut progress: impl FnMut(usize),
) -> Result<Outcome> {
    let mut out = Outcome::default();
    if report.file_rejected || !report.rejected.is_empty() || report.accepted.is_empty() {
        return Ok(out);
    }
    let now = app.now();
    let mut households: HashMap<String, i64> = HashMap::new();
    let mut done = 0;
    for batch in report.accepted.chunks(BATCH) {
        let mut tx = app.store.write().await?;
        for row in batch {
            let site_id = row
                .site
                .as_ref()
                .and_then(|c| sites.get(c.as_str()).copied());
            let household_id = match &row.household {
                Some(r) => match households.get(r) {
                    Some(id) => Some(*id),
                    None => {
                        let id = match store::households::by_ref(&mut tx, r).await? {
                            Some(h) => h.household_id,
                            None => {
                                out.households_created += 1;
                                let code = household_code(&mut rand::thread_rng());
                                store::households::insert(&mut tx, &code, Some(r), site_id, now)
                                    .await?
                            }
                        };
                        households.insert(r.clone(), id);
                        Some(id)
                    }
                },
                None => None,
            };
            let existing = match &row.person.external_id {
                Some(id) => store::people::by_external_id(&mut tx, id).await?,
                None => None,
            };
            match existing {
                Some(p) if p.status == store::matching::MERGED => out.merged_skipped += 1,
                Some(p) => {
                    let flags =
                        people::update_in(&mut tx, app, cap, p.person_id, &row.person).await?;
                    out.flagged += usize::from(!flags.is_empty());
                    if let Some(h) = household_id {
                        let rel = row
                            .relationship
                            .map_or("other", |r| crate::domain::person::Choice::as_str(r));
                        store::people::set_household(&mut tx, p.person_id, Some(h), rel, now)
                            .await?;
                    }
                    out.updated += 1;
                }
                None => {
                    let place = Placement {
                        site_id,
                        household_id,
                        new_household: false,
                        relationship: row.relationship,
                        effective_at: None,
                    };
                    let r = people::register_in(&mut tx, app, cap, &row.person, &place).await?;
                    out.flagged += usize::from(!r.flags.is_empty());
                    out.added += 1;
                }
            }
        }
        out.batches += 1;
        audit(
            &mut tx,
            app,
            cap.actor(),
            Event {
                action: "import.people_batch",
                object_type: "import",
                // The file by its hash: its name could itself be personal data.
                object_id: file_sha256.to_string(),
                summary: format!("batch {} of {} rows", out.batches, batch.len()),
                details: serde_json::Value::Null,
            },
        )
        .await?;
        tx.commit().await?;
        done += batch.len();
        progress(done);
    }
    Ok(out)
}
