//! Importing a source's document: the file is recorded as evidence on the source (the
//! original kept as received, with its hashes and custody), its text is taken out
//! (plain text, HTML or PDF: `domain::source_text`) and stored with the source, and
//! the source is indexed again so a search in any of the three languages finds it by
//! what it says. All in one transaction with a `source.text` audit entry: a file whose
//! text cannot be taken leaves nothing behind, not even the evidence item.

use serde_json::json;

use super::evidence::{record_in, ChunkReader, Spooled};
use crate::actions::{audit, ActionError, Event, Result};
use crate::app::App;
use crate::auth::capability::{Cap, WriteDocumentation};
use crate::domain::evidence::Capture;
use crate::domain::source_text::{extract, Format};
use crate::domain::Invalid;
use crate::store::{self, source_texts::SourceTextRow};

/// Records `file` on the source `capture` names and imports its text; returns the
/// evidence item's id and how many characters of text were taken.
pub async fn import(
    app: &App,
    cap: &Cap<WriteDocumentation>,
    mut file: Spooled,
    capture: &Capture,
) -> Result<(i64, usize)> {
    if capture.target.kind() != "source" {
        return Err(Invalid::new(
            "import_text",
            "source-text-invalid-target",
            "only a source's document has text to import: attach the file to a source",
        )
        .into());
    }
    let format = Format::of(file.media_type).ok_or_else(|| {
        Invalid::new(
            "file",
            "source-text-invalid-kind",
            "text can be taken from plain text, web pages (HTML) and PDF files only",
        )
    })?;
    let source_id = capture.target.id();
    file.sync().await?;
    let mut tx = app.store.write().await?;
    let (evidence_id, blob) = record_in(&mut tx, app, cap, file, capture).await?;
    // The whole document is needed to take its text (a PDF's objects are anywhere in
    // it); it is at most the upload limit, and only this request holds it.
    let mut reader = ChunkReader::new(blob);
    let mut bytes = Vec::with_capacity(usize::try_from(reader.size()).unwrap_or(0));
    while let Some(chunk) = reader.next(&mut tx, app).await? {
        bytes.extend(chunk);
    }
    let text = extract(format, &bytes)?;
    let chars = text.chars().count();
    store::source_texts::put(
        &mut tx,
        &SourceTextRow {
            source_id,
            evidence_id,
            format: format.as_str().into(),
            body: text,
            imported_at: app.now(),
            imported_by: cap.actor().username.clone(),
        },
    )
    .await?;
    super::search::index_source(&mut tx, source_id).await?;
    audit(
        &mut tx,
        app,
        cap.actor(),
        Event {
            action: "source.text",
            object_type: "source",
            object_id: source_id.to_string(),
            summary: format!(
                "text imported from evidence {evidence_id} ({}): {chars} characters",
                format.as_str()
            ),
            details: json!({ "evidence_id": evidence_id, "format": format.as_str(), "chars": chars }),
        },
    )
    .await?;
    tx.commit().await?;
    Ok((evidence_id, chars))
}

/// A source's imported text, if it has one.
pub async fn text_of(app: &App, source_id: i64) -> Result<Option<SourceTextRow>> {
    let mut c = app.store.read().await?;
    store::source_texts::get(&mut c, source_id)
        .await
        .map_err(ActionError::from)
}
