//! Evidence files: the list with the documenter's upload form, each file's page with
//! its hashes, capture record and custody chain (viewing it is a custody entry), and
//! the download (a POST, so it is CSRF-checked and never prefetched; a custody entry).
//!
//! The upload is read as a stream: the CSRF token and the capture record come first
//! in the form, and no file byte is accepted before the token has been checked.

use askama::Template;
use axum::extract::{FromRequest, Multipart, Path, Query, Request};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};

use super::page::{done, PageCtx, Ui};
use super::people::Opt;
use super::sources::{choice_opts, label};
use crate::actions::documentation::evidence::{self, Evidence, Ingest};
use crate::actions::documentation::evidence_copy;
use crate::actions::ActionError;
use crate::audit::Entry;
use crate::auth::capability::{ReadRecord, WriteDocumentation};
use crate::domain::evidence::{Capture, ReceivedHow, MAX_BYTES};
use crate::domain::evidence_copy::CopyInput;
use crate::domain::{Invalid, Perm};
use crate::i18n::Tr;
use crate::store::evidence::DerivationRow;
use crate::web::csrf;
use crate::web::error::UiError;
use crate::web::extract::SignedInForm;

/// The request body limit of the upload route: the file plus the form's other fields.
pub const MAX_UPLOAD: usize = MAX_BYTES as usize + 64 * 1024;

const LIST: &str = "/documentation/evidence";

/// One file in a list or on its page, in the reader's language.
pub struct Line {
    pub id: i64,
    pub file_name: String,
    pub media_type: String,
    pub size: i64,
    pub sha256: String,
    pub blake3: String,
    pub target: String,
    pub target_href: String,
    pub received_on: String,
    pub received_how: String,
    pub received_from: Option<String>,
    pub received_by: String,
}

fn line(tr: &Tr, e: &Evidence) -> Line {
    let r = &e.row;
    let target_href = match r.target_type.as_str() {
        "incident" => format!("/documentation/incidents/{}", r.target_id),
        "source" => format!("/documentation/sources/{}", r.target_id),
        _ => String::new(),
    };
    Line {
        id: r.evidence_id,
        file_name: r.file_name.clone(),
        media_type: r.media_type.clone(),
        size: r.size_bytes,
        sha256: r.sha256.clone(),
        blake3: r.blake3.clone(),
        target: format!(
            "{} {}",
            tr.t(&format!("evidence-target-{}", r.target_type)),
            tr.num(r.target_id)
        ),
        target_href,
        received_on: r.received_on.clone(),
        received_how: label::<ReceivedHow>(tr, &r.received_how),
        received_from: e.received_from.clone(),
        received_by: r.received_by_name.clone(),
    }
}

#[derive(Template)]
#[template(path = "evidence_list.html")]
pub struct ListTemplate {
    pub page: PageCtx,
    pub files: Vec<Line>,
    pub can_write: bool,
    pub hows: Vec<Opt>,
    pub target_type: String,
    pub target_id: String,
}

#[derive(serde::Deserialize, Default)]
pub struct ListQuery {
    #[serde(default)]
    target_type: String,
    #[serde(default)]
    target_id: String,
}

pub async fn list(ui: Ui, Query(q): Query<ListQuery>) -> Result<Response, UiError> {
    let cap = ui.session.actor.grant::<ReadRecord>()?;
    let target = if q.target_type.is_empty() {
        None
    } else {
        let t = crate::domain::evidence::Target::parse(&q.target_type, &q.target_id)
            .map_err(|i| UiError::back(LIST)(i.into()))?;
        Some((t.kind(), t.id()))
    };
    let files = evidence::list(&ui.app, &cap, target).await?;
    let tr = ui.tr();
    ui.render(&ListTemplate {
        files: files.iter().map(|e| line(&tr, e)).collect(),
        can_write: ui.session.actor.role.allows(Perm::WriteDocumentation),
        hows: choice_opts::<ReceivedHow>(&tr, "in_person"),
        target_type: q.target_type,
        target_id: q.target_id,
        page: ui.page("evidence-title", LIST),
    })
}

/// A copy and its original, the kind in the reader's language.
pub struct CopyLine {
    pub copy_id: i64,
    pub original_id: i64,
    pub kind: String,
    pub note: String,
}

fn copy_line(tr: &Tr, d: DerivationRow) -> CopyLine {
    CopyLine {
        copy_id: d.evidence_id,
        original_id: d.original_id,
        kind: label::<crate::domain::evidence_copy::Derivation>(tr, &d.kind),
        note: d.note,
    }
}

/// One step of the custody chain.
pub struct Step {
    pub at: i64,
    pub actor: String,
    pub action: String,
    pub seq: i64,
}

#[derive(Template)]
#[template(path = "evidence.html")]
pub struct ShowTemplate {
    pub page: PageCtx,
    pub f: Line,
    pub chain: Vec<Step>,
    /// What this file is a copy of, and the copies made from it.
    pub copy_of: Option<CopyLine>,
    pub copies: Vec<CopyLine>,
    pub can_write: bool,
    pub derivations: Vec<Opt>,
    /// The stored file is missing or cut short: said at the top of the page.
    pub damaged: bool,
}

pub async fn show(ui: Ui, Path(id): Path<i64>) -> Result<Response, UiError> {
    let cap = ui.session.actor.grant::<ReadRecord>()?;
    let (e, chain) = evidence::view(&ui.app, &cap, id).await?;
    let tr = ui.tr();
    let chain = chain
        .iter()
        .map(|c: &Entry| Step {
            at: c.at / 1000,
            actor: c.actor.clone(),
            action: tr.t(&format!(
                "custody-{}",
                c.action.trim_start_matches("evidence.")
            )),
            seq: c.seq,
        })
        .collect();
    let (copy_of, copies) = evidence_copy::lineage(&ui.app, &cap, id).await?;
    ui.render(&ShowTemplate {
        damaged: e.damaged,
        f: line(&tr, &e),
        chain,
        copy_of: copy_of.map(|d| copy_line(&tr, d)),
        copies: copies.into_iter().map(|d| copy_line(&tr, d)).collect(),
        can_write: ui.session.actor.role.allows(Perm::WriteDocumentation),
        derivations: choice_opts::<crate::domain::evidence_copy::Derivation>(&tr, "redacted"),
        page: ui.page("evidence-file-title", LIST),
    })
}

#[derive(serde::Deserialize)]
pub struct Empty {}

pub async fn download(
    axum::extract::State(app): axum::extract::State<crate::web::AppState>,
    Path(id): Path<i64>,
    f: SignedInForm<Empty>,
) -> Result<Response, UiError> {
    let cap = f.session.actor.grant::<ReadRecord>()?;
    let original = evidence::download(&app, &cap, id).await?;
    let row = original.row.clone();
    let size = original.size();
    let (tx, body) = crate::web::stream::channel();
    let streaming = app.clone();
    tokio::spawn(async move { original.stream(&streaming, tx).await });
    // The stored name is the uploader's; only safe characters go into the header.
    let name: String = row
        .file_name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || ".-_".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect();
    Ok((
        [
            (header::CONTENT_TYPE, row.media_type),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
            (
                header::HeaderName::from_static("x-content-sha256"),
                row.sha256,
            ),
            // The length lets a client tell a download broken off from a whole one.
            (header::CONTENT_LENGTH, size.to_string()),
        ],
        body,
    )
        .into_response())
}

/// Permission first, then the body; the token before any file byte.
pub async fn upload(ui: Ui, req: Request) -> Result<Response, UiError> {
    let cap = ui.session.actor.grant::<WriteDocumentation>()?;
    let headers: HeaderMap = req.headers().clone();
    let bad = || UiError::status(StatusCode::UNPROCESSABLE_ENTITY, "error-bad-form");
    let forbidden = || UiError::status(StatusCode::FORBIDDEN, "error-csrf");
    if csrf::cross_site(&headers) {
        return Err(forbidden());
    }
    let mut m = Multipart::from_request(req, &()).await.map_err(|_| bad())?;
    let back = |i: Invalid| UiError::back(LIST)(ActionError::from(i));
    let (mut token_ok, mut fields) = (false, std::collections::HashMap::new());
    let mut spooled = None;
    while let Some(mut field) = m.next_field().await.map_err(|_| bad())? {
        let name = field.name().unwrap_or("").to_string();
        if name == "file" {
            if !token_ok {
                return Err(forbidden());
            }
            let file_name = field.file_name().unwrap_or("").to_string();
            let mut ingest = Ingest::new(&ui.app, &file_name).map_err(UiError::back(LIST))?;
            while let Some(bytes) = field.chunk().await.map_err(|_| {
                back(Invalid::new(
                    "file",
                    "evidence-invalid-too-large",
                    "too large",
                ))
            })? {
                ingest.push(&ui.app, &bytes).map_err(UiError::back(LIST))?;
            }
            spooled = Some(ingest.finish(&ui.app).map_err(UiError::back(LIST))?);
        } else {
            let text = field.text().await.map_err(|_| bad())?;
            if name == "csrf" {
                token_ok = csrf::tokens_match(&ui.session.csrf, &text);
                if !token_ok {
                    return Err(forbidden());
                }
            }
            fields.insert(name, text);
        }
    }
    let get = |k: &str| fields.get(k).map_or("", String::as_str);
    if !get("derived_from").is_empty() {
        // A derived copy: its record and target come from its original.
        let input =
            CopyInput::parse(get("derived_from"), get("derivation"), get("note")).map_err(back)?;
        let file =
            spooled.ok_or_else(|| back(Invalid::new("file", "invalid-required", "is required")))?;
        let from = format!("{LIST}/{}", input.original_id);
        let id = evidence_copy::derive(&ui.app, &cap, &input, file)
            .await
            .map_err(UiError::back(from))?;
        return Ok(done(&format!("{LIST}/{id}"), "derived-recorded"));
    }
    let capture = Capture::parse(
        get("target_type"),
        get("target_id"),
        get("received_on"),
        get("received_from"),
        get("received_how"),
    )
    .map_err(back)?;
    let file =
        spooled.ok_or_else(|| back(Invalid::new("file", "invalid-required", "is required")))?;
    if get("import_text") == "1" {
        // The document's text goes to its source, whose page shows it.
        crate::actions::documentation::source_text::import(&ui.app, &cap, file, &capture)
            .await
            .map_err(UiError::back(LIST))?;
        let source = format!("/documentation/sources/{}", capture.target.id());
        return Ok(done(&source, "source-text-imported"));
    }
    let id = evidence::record(&ui.app, &cap, file, &capture)
        .await
        .map_err(UiError::back(LIST))?;
    Ok(done(&format!("{LIST}/{id}"), "evidence-received"))
}
