//! Exports with personal data, under the two-person rule: a registrar requests one
//! (filter, the recipient's `age` public key, a purpose), a *different* registrar
//! approves or rejects it within 24 hours, and the requester downloads it once within
//! 24 hours of the approval. The file is made at download time, encrypted to the
//! recipient's key as it is written, and streamed: its plaintext exists only in memory,
//! a page at a time, and never on disk. Every step writes an audit entry.
//!
//! Who may see a request: every registrar sees the list (to approve); only the
//! requester may download, and to anyone else the download does not exist (404).

use std::io::Write;
use std::sync::{Arc, Mutex};

use serde_json::json;
use tokio::sync::mpsc;

use super::export::{run, scope_of, Chunk, ExportRun};
use crate::actions::{audit, ActionError, Event, Result};
use crate::app::App;
use crate::auth::capability::{Cap, ExportPersonalData};
use crate::auth::Actor;
use crate::domain::export::{ExportFilter, ExportState, Recipient, WINDOW_MS};
use crate::io::export;
use crate::store::{self, exports::RequestRow, Conn};

/// A request as the requests page shows it, with its state as of now.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct RequestView {
    #[serde(flatten)]
    pub row: RequestRow,
    /// requested, approved, rejected, expired or downloaded.
    pub current: String,
    /// Whether the caller may approve or reject it (a waiting request by someone else).
    pub can_decide: bool,
    /// Whether the caller may download it (their own, approved, not yet downloaded).
    pub can_download: bool,
}

fn state_of(r: &RequestRow, now: i64) -> ExportState {
    ExportState::parse(&r.state)
        .unwrap_or(ExportState::Expired)
        .at(r.expires_at, now)
}

/// The filter a request was made with.
fn filter_of(r: &RequestRow) -> Result<ExportFilter> {
    Ok(ExportFilter::parse(&r.site, &r.status_filter, &r.need)?)
}

async fn event(
    c: &mut Conn,
    app: &App,
    actor: &Actor,
    action: &str,
    id: i64,
    summary: String,
) -> Result<()> {
    audit(
        c,
        app,
        actor,
        Event {
            action,
            object_type: "export_request",
            object_id: id.to_string(),
            summary,
            details: serde_json::Value::Null,
        },
    )
    .await?;
    Ok(())
}

/// Asks for an export with personal data; returns the request's id.
pub async fn request(
    app: &App,
    cap: &Cap<ExportPersonalData>,
    f: &ExportFilter,
    recipient: &Recipient,
    purpose: &str,
) -> Result<i64> {
    let now = app.now();
    let purpose = crate::domain::export::parse_purpose(purpose)?;
    let mut tx = app.store.write().await?;
    // Checks the site exists now, so the approver decides on a filter that works.
    let (_, rows) = scope_of(&mut tx, f).await?;
    let site = f.site.as_ref().map_or("", |s| s.as_str());
    let id = store::exports::insert(
        &mut tx,
        &store::exports::NewRequest {
            requested_by: cap.actor().user_id,
            site,
            status_filter: f
                .status
                .map_or("", |s| crate::domain::person::Choice::as_str(s)),
            need: f
                .need
                .map_or("", |n| crate::domain::person::Choice::as_str(n)),
            recipient: recipient.as_str(),
            purpose: &purpose,
            expires_at: now + WINDOW_MS,
        },
        now,
    )
    .await?;
    audit(
        &mut tx,
        app,
        cap.actor(),
        Event {
            action: "export.personal.request",
            object_type: "export_request",
            object_id: id.to_string(),
            summary: format!(
                "{} rows now={rows} recipient={}",
                f.describe(),
                recipient.as_str()
            ),
            details: json!({ "purpose": purpose }),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// Records that a request ran out of time; the error to answer with.
async fn expire(mut tx: store::Tx, app: &App, actor: &Actor, r: &RequestRow) -> ActionError {
    let recorded = async {
        store::exports::expire(&mut tx, r.export_id, &r.state).await?;
        event(
            &mut tx,
            app,
            actor,
            "export.personal.expire",
            r.export_id,
            format!("was {}; noticed by {}", r.state, actor.username),
        )
        .await?;
        tx.commit().await?;
        Ok::<(), ActionError>(())
    };
    match recorded.await {
        Ok(()) => ActionError::Refused(EXPIRED),
        Err(e) => e,
    }
}

/// Why a step was refused (the web layer maps each to a message in the user's language).
pub const EXPIRED: &str = "this export request has expired";
pub const NOT_SELF: &str =
    "a second registrar must decide on this export, not the one who requested it";
pub const DECIDED: &str = "this export request has already been decided";
pub const DOWNLOADED: &str = "this export has already been downloaded";
pub const NOT_APPROVED: &str = "this export has not been approved yet";
pub const REJECTED: &str = "this export was rejected";

/// Approves (or rejects) a waiting request. The requester cannot decide their own:
/// that is the point of a second person.
pub async fn decide(
    app: &App,
    cap: &Cap<ExportPersonalData>,
    id: i64,
    approve: bool,
) -> Result<()> {
    let now = app.now();
    let actor = cap.actor();
    let mut tx = app.store.write().await?;
    let r = store::exports::get(&mut tx, id)
        .await?
        .ok_or(ActionError::NotFound)?;
    if r.requested_by == actor.user_id {
        return Err(ActionError::Refused(NOT_SELF));
    }
    match state_of(&r, now) {
        ExportState::Requested => {}
        ExportState::Expired if r.state != "expired" => {
            return Err(expire(tx, app, actor, &r).await)
        }
        ExportState::Expired => return Err(ActionError::Refused(EXPIRED)),
        _ => return Err(ActionError::Refused(DECIDED)),
    }
    let (state, expires_at) = if approve {
        ("approved", now + WINDOW_MS)
    } else {
        ("rejected", r.expires_at)
    };
    store::exports::decide(&mut tx, id, state, actor.user_id, now, expires_at)
        .await
        .map_err(|_| ActionError::Refused(DECIDED))?;
    let summary = format!(
        "{state} the request of {} ({}; recipient={})",
        r.requester,
        filter_of(&r)?.describe(),
        r.recipient
    );
    let action = if approve {
        "export.personal.approve"
    } else {
        "export.personal.reject"
    };
    event(&mut tx, app, actor, action, id, summary).await?;
    tx.commit().await?;
    Ok(())
}

/// The most recent requests (the last 100), as the caller may act on them.
pub async fn list(app: &App, cap: &Cap<ExportPersonalData>) -> Result<Vec<RequestView>> {
    let now = app.now();
    let me = cap.actor().user_id;
    let mut c = app.store.read().await?;
    let rows = store::exports::list(&mut c, 100).await?;
    Ok(rows
        .into_iter()
        .map(|row| {
            let current = state_of(&row, now);
            RequestView {
                current: current.as_str().to_string(),
                can_decide: current == ExportState::Requested && row.requested_by != me,
                can_download: current == ExportState::Approved && row.requested_by == me,
                row,
            }
        })
        .collect())
}

/// Starts the one download of an approved request: marks it downloaded and audits it
/// (rows, filter, recipient) before a byte leaves, so a broken download is not a
/// second chance. Only the requester may download; for anyone else it does not exist.
pub async fn download(
    app: &App,
    cap: &Cap<ExportPersonalData>,
    id: i64,
) -> Result<(ExportRun, Recipient)> {
    let now = app.now();
    let actor = cap.actor();
    let mut tx = app.store.write().await?;
    let r = store::exports::get(&mut tx, id)
        .await?
        .filter(|r| r.requested_by == actor.user_id)
        .ok_or(ActionError::NotFound)?;
    match state_of(&r, now) {
        ExportState::Approved => {}
        ExportState::Expired if r.state != "expired" => {
            return Err(expire(tx, app, actor, &r).await)
        }
        ExportState::Expired => return Err(ActionError::Refused(EXPIRED)),
        ExportState::Downloaded => return Err(ActionError::Refused(DOWNLOADED)),
        ExportState::Requested => return Err(ActionError::Refused(NOT_APPROVED)),
        ExportState::Rejected => return Err(ActionError::Refused(REJECTED)),
    }
    let recipient = Recipient::parse(&r.recipient)?;
    let f = filter_of(&r)?;
    let (scope, rows) = scope_of(&mut tx, &f).await?;
    store::exports::set_downloaded(&mut tx, id, now, rows)
        .await
        .map_err(|_| ActionError::Refused(DOWNLOADED))?;
    event(
        &mut tx,
        app,
        actor,
        "export.personal.download",
        id,
        format!(
            "personal csv {} rows={rows} encrypted to {}",
            f.describe(),
            recipient.as_str()
        ),
    )
    .await?;
    tx.commit().await?;
    Ok((run(scope, rows, true, now), recipient))
}

/// A buffer shared between the age writer and the task that hands its output on: the
/// age stream writes ciphertext in 64 KiB chunks, which are taken out after each page.
#[derive(Clone, Default)]
pub(crate) struct Shared(Arc<Mutex<Vec<u8>>>);

impl Shared {
    pub(crate) fn take(&self) -> std::io::Result<Vec<u8>> {
        let mut b = self
            .0
            .lock()
            .map_err(|_| std::io::Error::other("export buffer poisoned"))?;
        Ok(std::mem::take(&mut *b))
    }
}

impl Write for Shared {
    fn write(&mut self, data: &[u8]) -> std::io::Result<usize> {
        self.0
            .lock()
            .map_err(|_| std::io::Error::other("export buffer poisoned"))?
            .extend_from_slice(data);
        Ok(data.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Writes a personal-data run as CSV encrypted to `recipient` (the binary age
/// format) into `tx`, a page at a time.
pub async fn stream_encrypted(
    app: &App,
    mut run: ExportRun,
    recipient: Recipient,
    tx: mpsc::Sender<Chunk>,
) {
    let fail = |what: &str| {
        tracing::error!("encrypted export stopped: {what}");
        Err(std::io::Error::other("export failed"))
    };
    let Some(key) = recipient.key() else {
        let _ = tx.send(fail("bad recipient")).await;
        return;
    };
    let out = Shared::default();
    let encryptor =
        match age::Encryptor::with_recipients(std::iter::once(&key as &dyn age::Recipient)) {
            Ok(e) => e,
            Err(e) => {
                let _ = tx.send(fail(&e.to_string())).await;
                return;
            }
        };
    let mut writer = match encryptor.wrap_output(out.clone()) {
        Ok(w) => w,
        Err(e) => {
            let _ = tx.send(fail(&e.to_string())).await;
            return;
        }
    };
    let columns = run.columns();
    let mut plain = export::csv_head(&columns);
    loop {
        let page = match run.next(app).await {
            Ok(p) => p,
            Err(e) => {
                let _ = tx.send(fail(&e.to_string())).await;
                return;
            }
        };
        let done = page.is_none();
        for r in page.iter().flatten() {
            export::csv_record(&mut plain, &columns, r, run.year);
        }
        let written = writer.write_all(plain.as_bytes());
        // The plaintext of this page is not kept a moment longer than needed.
        zeroize::Zeroize::zeroize(&mut plain);
        if let Err(e) = written {
            let _ = tx.send(fail(&e.to_string())).await;
            return;
        }
        if done {
            break;
        }
        match out.take() {
            Ok(b) if b.is_empty() => {}
            Ok(b) => {
                if tx.send(Ok(b)).await.is_err() {
                    return;
                }
            }
            Err(e) => {
                let _ = tx.send(Err(e)).await;
                return;
            }
        }
    }
    let last = writer.finish().and_then(|_| out.take());
    let _ = tx.send(last).await;
}
