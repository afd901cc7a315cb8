//! The import page: upload a CSV or XLSX file of people, read the validation report,
//! and (when every row passes) have it written; plus the downloadable templates.

use askama::Template;
use axum::extract::{FromRequest, Multipart, Request};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};

use super::page::{PageCtx, Ui};
use crate::actions::registry::import::{self, Outcome};

use crate::actions::ActionError;
use crate::auth::capability::{ReadRecord, WriteRegistry};
use crate::io::import::Problem;
use crate::web::csrf;
use crate::web::error::UiError;

/// The largest upload accepted (the table reader refuses more than this anyway).
pub const MAX_UPLOAD: usize = crate::io::table::MAX_BYTES + 64 * 1024;

#[derive(Template)]
#[template(path = "import.html")]
pub struct ImportTemplate {
    pub page: PageCtx,
    pub report: Option<ReportView>,
}

/// One line of the report, in the reader's language.
pub struct Line {
    pub line: usize,
    pub field: String,
    pub message: String,
}

/// The message id's translation, or the English message when there is none.
fn say(tr: &crate::i18n::Tr, key: &str, english: &str) -> String {
    let t = tr.t(key);
    if t == key {
        english.to_string()
    } else {
        t
    }
}

fn lines(tr: &crate::i18n::Tr, problems: &[Problem]) -> Vec<Line> {
    problems
        .iter()
        .map(|p| Line {
            line: p.line,
            field: if p.field.is_empty() {
                String::new()
            } else {
                say(
                    tr,
                    &format!("field-{}", p.field.replace('_', "-")),
                    &p.field,
                )
            },
            message: say(tr, p.key, &p.message),
        })
        .collect()
}

pub struct ReportView {
    pub rows: usize,
    pub accepted: usize,
    pub rejected_rows: usize,
    pub problems: Vec<Line>,
    pub warnings: Vec<Line>,
    pub file_error: Option<String>,
    pub dry_run: bool,
    /// What was written, in words, when the import went through.
    pub done: Option<String>,
}

fn done_message(tr: &crate::i18n::Tr, o: &Outcome) -> String {
    use crate::i18n::Arg;
    let mut text = tr.t_args(
        "import-done",
        &[
            ("added", Arg::from(o.added)),
            ("updated", Arg::from(o.updated)),
            ("households", Arg::from(o.households_created)),
        ],
    );
    // Possible duplicates are not refused: they wait in the registrar's queue.
    if o.flagged > 0 {
        text.push(' ');
        text.push_str(&tr.t_args("import-flagged", &[("count", Arg::from(o.flagged))]));
    }
    if o.merged_skipped > 0 {
        text.push(' ');
        text.push_str(&tr.t_args(
            "import-merged-skipped",
            &[("count", Arg::from(o.merged_skipped))],
        ));
    }
    text
}

pub async fn form(ui: Ui) -> Result<Response, UiError> {
    ui.session.actor.grant::<WriteRegistry>()?;
    ui.render(&ImportTemplate {
        page: ui.page("import-title", "/registry/people"),
        report: None,
    })
}

/// Reads the multipart body: the CSRF token, the dry-run box and the file.
async fn read_upload(mut m: Multipart) -> Result<(String, bool, String, Vec<u8>), UiError> {
    let bad = || UiError::status(StatusCode::UNPROCESSABLE_ENTITY, "error-bad-form");
    let (mut token, mut dry_run, mut name, mut bytes) =
        (String::new(), false, String::new(), Vec::new());
    while let Some(field) = m.next_field().await.map_err(|_| bad())? {
        match field.name() {
            Some("csrf") => token = field.text().await.map_err(|_| bad())?,
            Some("dry_run") => dry_run = true,
            Some("file") => {
                name = field.file_name().unwrap_or("").to_string();
                bytes = field
                    .bytes()
                    .await
                    .map_err(|_| UiError::status(StatusCode::PAYLOAD_TOO_LARGE, "error-too-large"))?
                    .to_vec();
            }
            _ => {}
        }
    }
    Ok((token, dry_run, name, bytes))
}

/// Permission first, then the body: a role that may not import learns nothing from
/// how its upload would have been parsed.
pub async fn upload(ui: Ui, req: Request) -> Result<Response, UiError> {
    let cap = ui.session.actor.grant::<WriteRegistry>()?;
    let headers: HeaderMap = req.headers().clone();
    let m = Multipart::from_request(req, &())
        .await
        .map_err(|_| UiError::status(StatusCode::UNPROCESSABLE_ENTITY, "error-bad-form"))?;
    let (token, dry_run, name, bytes) = read_upload(m).await?;
    if csrf::cross_site(&headers) || !csrf::tokens_match(&ui.session.csrf, &token) {
        return Err(UiError::status(StatusCode::FORBIDDEN, "error-csrf"));
    }
    let hash = {
        use sha2::Digest;
        hex::encode(sha2::Sha256::digest(&bytes))
    };
    let year = crate::clock::year_of(ui.app.now());
    let read = tokio::task::spawn_blocking(move || {
        crate::io::table::read_table(&bytes, &name)
            .map(|t| crate::io::import::validate_people(t, year))
    })
    .await
    .map_err(|e| UiError::from(ActionError::Internal(e.to_string())))?;
    let view = match read {
        Err(e) => ReportView {
            rows: 0,
            accepted: 0,
            rejected_rows: 0,
            problems: Vec::new(),
            warnings: Vec::new(),
            file_error: Some(format!("{} ({e})", say(&ui.tr(), e.key(), ""))),
            dry_run,
            done: None,
        },
        Ok(mut report) => {
            let sites = import::check(&ui.app, &mut report).await?;
            let outcome = if dry_run {
                None
            } else {
                Some(import::commit(&ui.app, &cap, &report, &sites, &hash, |_| {}).await?)
            };
            ReportView {
                rows: report.rows,
                accepted: report.accepted(),
                rejected_rows: report.rejected_rows(),
                problems: lines(&ui.tr(), &report.rejected),
                warnings: lines(&ui.tr(), &report.warnings),
                file_error: None,
                dry_run,
                done: outcome
                    .filter(|o| o.batches > 0)
                    .map(|o| done_message(&ui.tr(), &o)),
            }
        }
    };
    ui.render(&ImportTemplate {
        page: ui.page("import-title", "/registry/people"),
        report: Some(view),
    })
}

pub async fn template_csv(ui: Ui) -> Result<Response, UiError> {
    ui.session.actor.grant::<ReadRecord>()?;
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"vigil-people-template.csv\"",
            ),
        ],
        crate::io::layout::template_csv(),
    )
        .into_response())
}

pub async fn template_xlsx(ui: Ui) -> Result<Response, UiError> {
    ui.session.actor.grant::<ReadRecord>()?;
    let bytes = crate::io::layout::template_xlsx()
        .map_err(|e| UiError::from(ActionError::Internal(e.to_string())))?;
    Ok((
        [
            (
                header::CONTENT_TYPE,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            ),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"vigil-people-template.xlsx\"",
            ),
        ],
        bytes,
    )
        .into_response())
}
