//! Evidence files over the API: every reader of the record lists them and reads one
//! with its custody chain (a custody entry) or its original bytes (another); the
//! documenter uploads one as multipart (`csrf` is not needed: API tokens are not
//! ambient credentials), with the same capture record as the page.

use axum::extract::{FromRequest, Multipart, Path, Query, Request, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;

use super::registry::Created;
use crate::actions::documentation::evidence::{self, Evidence, Ingest};
use crate::auth::capability::{ReadRecord, WriteDocumentation};
use crate::domain::evidence::{Capture, Target};
use crate::domain::Invalid;
use crate::web::error::{ApiError, Problem};
use crate::web::extract::ApiCaller;
use crate::web::AppState;

/// An evidence file: its hashes and capture record.
#[derive(Debug, serde::Serialize, utoipa::ToSchema)]
pub struct EvidenceFile {
    pub evidence_id: i64,
    pub file_name: String,
    pub media_type: String,
    pub size_bytes: i64,
    pub sha256: String,
    pub blake3: String,
    /// incident, source or claim.
    pub target_type: String,
    pub target_id: i64,
    pub received_on: String,
    pub received_how: String,
    pub received_by: String,
    /// Who handed it over: only for the documenter.
    pub received_from: Option<String>,
}

impl From<Evidence> for EvidenceFile {
    fn from(e: Evidence) -> Self {
        let r = e.row;
        EvidenceFile {
            evidence_id: r.evidence_id,
            file_name: r.file_name,
            media_type: r.media_type,
            size_bytes: r.size_bytes,
            sha256: r.sha256,
            blake3: r.blake3,
            target_type: r.target_type,
            target_id: r.target_id,
            received_on: r.received_on,
            received_how: r.received_how,
            received_by: r.received_by_name,
            received_from: e.received_from,
        }
    }
}

/// One custody event: an audit entry on the file.
#[derive(Debug, serde::Serialize, utoipa::ToSchema)]
pub struct CustodyEntry {
    pub seq: i64,
    /// Epoch milliseconds.
    pub at: i64,
    pub actor: String,
    /// evidence.receive, evidence.view or evidence.download.
    pub action: String,
}

#[derive(Debug, serde::Serialize, utoipa::ToSchema)]
pub struct EvidenceDetail {
    #[serde(flatten)]
    pub file: EvidenceFile,
    /// Oldest first; includes the view that answered this request.
    pub custody: Vec<CustodyEntry>,
    /// The stored file is missing or not as long as recorded: it cannot be downloaded
    /// or bundled until restored from a backup.
    pub file_damaged: bool,
}

#[derive(serde::Deserialize, utoipa::IntoParams)]
pub struct EvidenceQuery {
    /// incident, source or claim (with `target_id`).
    pub target_type: Option<String>,
    pub target_id: Option<String>,
}

/// Every evidence file, newest first, or those attached to one record.
#[utoipa::path(get, path = "/api/v1/evidence", tag = "documentation", operation_id = "list_evidence",
    params(EvidenceQuery),
    responses((status = 200, body = Vec<EvidenceFile>), (status = 401, body = Problem), (status = 403, body = Problem),
              (status = 422, body = Problem)))]
pub async fn list(
    State(app): State<AppState>,
    ApiCaller(a): ApiCaller,
    Query(q): Query<EvidenceQuery>,
) -> Result<Json<Vec<EvidenceFile>>, ApiError> {
    let cap = a.grant::<ReadRecord>()?;
    let target = match &q.target_type {
        Some(kind) => {
            let t = Target::parse(kind, q.target_id.as_deref().unwrap_or(""))?;
            Some((t.kind(), t.id()))
        }
        None => None,
    };
    let files = evidence::list(&app, &cap, target).await?;
    Ok(Json(files.into_iter().map(EvidenceFile::from).collect()))
}

/// One file with its custody chain (this read is itself a custody entry).
#[utoipa::path(get, path = "/api/v1/evidence/{id}", tag = "documentation", operation_id = "get_evidence",
    params(("id" = i64, Path)),
    responses((status = 200, body = EvidenceDetail), (status = 401, body = Problem), (status = 403, body = Problem),
              (status = 404, body = Problem)))]
pub async fn get(
    State(app): State<AppState>,
    ApiCaller(a): ApiCaller,
    Path(id): Path<i64>,
) -> Result<Json<EvidenceDetail>, ApiError> {
    let cap = a.grant::<ReadRecord>()?;
    let (e, chain) = evidence::view(&app, &cap, id).await?;
    Ok(Json(EvidenceDetail {
        file_damaged: e.damaged,
        file: e.into(),
        custody: chain
            .into_iter()
            .map(|c| CustodyEntry {
                seq: c.seq,
                at: c.at,
                actor: c.actor,
                action: c.action,
            })
            .collect(),
    }))
}

/// The original bytes (a custody entry), streamed; `X-Content-SHA256` carries the
/// recorded hash.
#[utoipa::path(get, path = "/api/v1/evidence/{id}/content", tag = "documentation", operation_id = "download_evidence",
    params(("id" = i64, Path)),
    responses((status = 200, content_type = "application/octet-stream", body = Vec<u8>), (status = 401, body = Problem),
              (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn content(
    State(app): State<AppState>,
    ApiCaller(a): ApiCaller,
    Path(id): Path<i64>,
) -> Result<Response, ApiError> {
    let cap = a.grant::<ReadRecord>()?;
    let original = evidence::download(&app, &cap, id).await?;
    let row = original.row.clone();
    let size = original.size();
    let (tx, body) = crate::web::stream::channel();
    tokio::spawn(async move { original.stream(&app, tx).await });
    Ok((
        [
            (header::CONTENT_TYPE, row.media_type),
            (
                header::HeaderName::from_static("x-content-sha256"),
                row.sha256,
            ),
            (header::CONTENT_LENGTH, size.to_string()),
        ],
        body,
    )
        .into_response())
}

/// Uploads a file (multipart: `target_type`, `target_id`, `received_on`,
/// `received_from`, `received_how`, then `file`). With `import_text=1` and a source as
/// the target, the file's text (plain text, HTML or PDF) becomes the source's searchable
/// text, in the same transaction. With `derived_from` (an evidence id), `derivation`
/// (redacted, metadata_stripped, transcoded, thumbnail, excerpt) and `note` instead of
/// the capture record, the file is recorded as a copy of that original.
#[utoipa::path(post, path = "/api/v1/evidence", tag = "documentation", operation_id = "upload_evidence",
    request_body(content_type = "multipart/form-data", content = String),
    responses((status = 201, body = Created), (status = 401, body = Problem), (status = 403, body = Problem),
              (status = 422, body = Problem)))]
pub async fn upload(
    State(app): State<AppState>,
    ApiCaller(a): ApiCaller,
    req: Request,
) -> Result<(StatusCode, Json<Created>), ApiError> {
    let cap = a.grant::<WriteDocumentation>()?;
    let bad = || {
        ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            Some("expected a multipart form".into()),
        )
    };
    let mut m = Multipart::from_request(req, &()).await.map_err(|_| bad())?;
    let mut fields = std::collections::HashMap::new();
    let mut spooled = None;
    while let Some(mut field) = m.next_field().await.map_err(|_| bad())? {
        let name = field.name().unwrap_or("").to_string();
        if name == "file" {
            let file_name = field.file_name().unwrap_or("").to_string();
            let mut ingest = Ingest::new(&app, &file_name)?;
            while let Some(bytes) = field.chunk().await.map_err(|_| {
                ApiError::from(Invalid::new(
                    "file",
                    "evidence-invalid-too-large",
                    "the file is too large",
                ))
            })? {
                ingest.push(&app, &bytes)?;
            }
            spooled = Some(ingest.finish(&app)?);
        } else {
            fields.insert(name, field.text().await.map_err(|_| bad())?);
        }
    }
    let get = |k: &str| fields.get(k).map_or("", String::as_str);
    if !get("derived_from").is_empty() {
        let input = crate::domain::evidence_copy::CopyInput::parse(
            get("derived_from"),
            get("derivation"),
            get("note"),
        )?;
        let file =
            spooled.ok_or_else(|| Invalid::new("file", "invalid-required", "is required"))?;
        let id =
            crate::actions::documentation::evidence_copy::derive(&app, &cap, &input, file).await?;
        return Ok((StatusCode::CREATED, Json(Created { id })));
    }
    let capture = Capture::parse(
        get("target_type"),
        get("target_id"),
        get("received_on"),
        get("received_from"),
        get("received_how"),
    )?;
    let file = spooled.ok_or_else(|| Invalid::new("file", "invalid-required", "is required"))?;
    let id = if get("import_text") == "1" {
        crate::actions::documentation::source_text::import(&app, &cap, file, &capture)
            .await?
            .0
    } else {
        evidence::record(&app, &cap, file, &capture).await?
    };
    Ok((StatusCode::CREATED, Json(Created { id })))
}

/// The search box and its filters (all optional but `q`).
#[derive(serde::Deserialize, utoipa::IntoParams)]
pub struct SearchParams {
    /// Words to find (every one must occur), in any script and spelling.
    #[serde(default)]
    pub q: String,
    /// incident, source or claim.
    #[serde(rename = "type")]
    pub doc_type: Option<String>,
    /// YYYY-MM-DD, inclusive.
    pub from: Option<String>,
    /// YYYY-MM-DD, inclusive.
    pub to: Option<String>,
    /// A site id.
    pub site: Option<String>,
    /// An incident category.
    pub category: Option<String>,
    /// A source grade, A to F.
    pub grade: Option<String>,
    /// A source language code.
    pub language: Option<String>,
}

/// Searches sources, claims and incidents (never people), best first, with snippets.
/// When more than 5,000 documents match, the hits are the best of the 5,000 indexed
/// most recently (the search page says so); narrow the query to reach older ones.
#[utoipa::path(get, path = "/api/v1/search", tag = "documentation", operation_id = "search",
    params(SearchParams),
    responses((status = 200, body = Vec<crate::actions::documentation::search::Hit>), (status = 401, body = Problem),
              (status = 403, body = Problem), (status = 422, body = Problem)))]
pub async fn search(
    State(app): State<AppState>,
    ApiCaller(a): ApiCaller,
    Query(p): Query<SearchParams>,
) -> Result<Json<Vec<crate::actions::documentation::search::Hit>>, ApiError> {
    let cap = a.grant::<ReadRecord>()?;
    let s = |v: &Option<String>| v.clone().unwrap_or_default();
    let q = crate::domain::search::Query::parse(
        &p.q,
        &s(&p.doc_type),
        &s(&p.from),
        &s(&p.to),
        &s(&p.site),
        &s(&p.category),
        &s(&p.grade),
        &s(&p.language),
    )?;
    Ok(Json(
        crate::actions::documentation::search::search(&app, &cap, &q).await?,
    ))
}
