//! Importing people: the committing half. `io::import` has read and validated every
//! row; this checks what needs the database (site codes), then writes the rows in
//! batches, each batch one transaction with its audit entries. A file with any
//! rejected row writes nothing, so a corrected file can simply be imported again;
//! re-importing rows whose external id is already known updates those people.

use std::collections::HashMap;

use crate::actions::registry::people::{self, Placement};
use crate::actions::registry::register;
use crate::actions::{audit, ActionError, Event, Result};
use crate::app::App;
use crate::auth::capability::{Cap, WriteRegistry};
use crate::domain::person::{Choice, PersonInput};
use crate::domain::site::SiteCode;
use crate::io::import::{ImportRow as Row, Problem, Report};
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
    for (line, cell) in report.accepted_cells("site") {
        let Ok(code) = SiteCode::parse(cell.trim()) else {
            continue; // empty: no site; malformed ones were refused when validating
        };
        if !sites.contains_key(code.as_str()) {
            extra.push(Problem {
                line,
                field: "site".into(),
                key: "invalid-site",
                message: "no site has this code".into(),
                args: vec![("site", code.as_str().to_string())],
            });
        }
    }
    report.refuse(extra);
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
    if report.file_rejected || !report.rejected.is_empty() || report.accepted() == 0 {
        return Ok(out);
    }
    let now = app.now();
    let mut households: HashMap<String, i64> = HashMap::new();
    let mut done = 0;
    // Rows are built from the file's cells one batch at a time (with the next one
    // ahead), so an import holds two batches of people, not the whole file's.
    let total = report.accepted();
    let batch_at = |start: usize| report.accepted_rows(start..total.min(start + BATCH));
    let mut next = batch_at(0);
    // The next batch's rows, sealed while the database writes this one, for the ids
    // they will have if every row is new and no one else registers in between (if
    // not, they are sealed again: see `register_many_sealed`).
    let mut presealed: Option<register::Presealed> = None;
    for start in (0..total).step_by(BATCH) {
        let rows = std::mem::replace(&mut next, batch_at(start + BATCH));
        // Rows are built again from cells that passed: the same checks must pass. If
        // one did not, stop rather than leave a person out of the file silently.
        if rows.len() != BATCH.min(total - start) {
            return Err(ActionError::Internal(format!(
                "a validated row of batch {} could not be built again",
                out.batches + 1
            )));
        }
        let batch = rows.as_slice();
        let mut tx = app.store.write().await?;
        let site_of = |row: &Row| {
            row.site
                .as_ref()
                .and_then(|c| sites.get(c.as_str()).copied())
        };
        // The households this batch names: known ones looked up, new ones founded (at
        // the site of the first row that names them), all at once.
        let mut wanted: Vec<(&str, Option<i64>)> = Vec::new();
        let mut named = std::collections::HashSet::new();
        for row in batch {
            if let Some(r) = row.household.as_deref() {
                if !households.contains_key(r) && named.insert(r) {
                    wanted.push((r, site_of(row)));
                }
            }
        }
        let refs: Vec<&str> = wanted.iter().map(|(r, _)| *r).collect();
        for h in store::households::by_refs(&mut tx, &refs).await? {
            if let Some(r) = h.external_ref {
                households.insert(r, h.household_id);
            }
        }
        let founding: Vec<(Option<&str>, Option<i64>)> = wanted
            .iter()
            .filter(|(r, _)| !households.contains_key(*r))
            .map(|(r, site)| (Some(*r), *site))
            .collect();
        let founded = register::found_households(&mut tx, &founding, now).await?;
        out.households_created += founded.len();
        for ((r, _), id) in founding.iter().zip(founded) {
            households.insert(r.unwrap_or_default().to_string(), id);
        }

        let external: Vec<&str> = batch
            .iter()
            .filter_map(|r| r.person.external_id.as_deref())
            .collect();
        let existing: HashMap<String, store::people::PersonRow> =
            store::people::by_external_ids(&mut tx, &external)
                .await?
                .into_iter()
                .filter_map(|p| Some((p.external_id.clone()?, p)))
                .collect();
        let mut new = Vec::new();
        for row in batch {
            let household_id = row
                .household
                .as_ref()
                .and_then(|r| households.get(r).copied());
            let known = row
                .person
                .external_id
                .as_ref()
                .and_then(|id| existing.get(id));
            match known {
                Some(p) if p.status == store::matching::MERGED => out.merged_skipped += 1,
                Some(p) => {
                    let flags =
                        people::update_in(&mut tx, app, cap, p.person_id, &row.person).await?;
                    out.flagged += usize::from(!flags.is_empty());
                    if let Some(h) = household_id {
                        let rel = row.relationship.map_or("other", Choice::as_str);
                        store::people::set_household(&mut tx, p.person_id, Some(h), rel, now)
                            .await?;
                    }
                    out.updated += 1;
                }
                None => new.push((
                    &row.person,
                    Placement {
                        site_id: site_of(row),
                        household_id,
                        new_household: false,
                        relationship: row.relationship,
                        effective_at: None,
                    },
                )),
            }
        }
        let first = store::next_id(&mut tx, store::IdTable::People).await?;
        let ahead: Vec<&PersonInput> = next.iter().map(|r| &r.person).collect();
        let next_first = first.saturating_add(i64::try_from(new.len()).unwrap_or(i64::MAX));
        let (registered, sealed) = tokio::join!(
            register::register_many_sealed(&mut tx, app, cap, &new, presealed.take()),
            register::seal_stepwise(app, next_first, &ahead),
        );
        presealed = Some(sealed);
        for r in registered? {
            out.flagged += usize::from(!r.flags.is_empty());
            out.added += 1;
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
