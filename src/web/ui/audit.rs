//! The audit trail for admins: filtered, keyset-paginated browsing, and verification.

use askama::Template;
use axum::extract::Query;
use axum::response::Response;

use super::page::{PageCtx, Ui};
use crate::audit::{Entry, Report};
use crate::auth::capability::ReadAudit;
use crate::store::audit::Filter;
use crate::web::error::UiError;

#[derive(Template)]
#[template(path = "audit.html")]
pub struct AuditTemplate {
    pub page: PageCtx,
    pub entries: Vec<Entry>,
    pub filter: Filter,
    /// Query string of the next page, if there is one.
    pub next: Option<String>,
}

#[derive(Template)]
#[template(path = "audit_verify.html")]
pub struct VerifyTemplate {
    pub page: PageCtx,
    pub report: Report,
    pub problems: Vec<String>,
    pub public_key: String,
}

pub async fn list(ui: Ui, Query(filter): Query<Filter>) -> Result<Response, UiError> {
    let cap = ui.session.actor.grant::<ReadAudit>()?;
    let (entries, next) = crate::actions::trail::page(&ui.app, &cap, &filter).await?;
    let next = next.map(|before| {
        let mut f = filter.clone();
        f.before = Some(before);
        serde_urlencoded::to_string(QueryOf(&f)).unwrap_or_default()
    });
    ui.render(&AuditTemplate {
        page: ui.page("audit-title", "/admin/audit"),
        entries,
        filter,
        next,
    })
}

/// Serialises a filter back into a query string (only the fields that are set).
struct QueryOf<'a>(&'a Filter);

impl serde::Serialize for QueryOf<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let f = self.0;
        let mut m = s.serialize_map(None)?;
        for (k, v) in [
            ("actor", &f.actor),
            ("action", &f.action),
            ("object_type", &f.object_type),
            ("object_id", &f.object_id),
        ] {
            if let Some(v) = v.as_deref().filter(|v| !v.is_empty()) {
                m.serialize_entry(k, v)?;
            }
        }
        if let Some(b) = f.before {
            m.serialize_entry("before", &b)?;
        }
        m.end()
    }
}

pub async fn verify(ui: Ui) -> Result<Response, UiError> {
    let cap = ui.session.actor.grant::<ReadAudit>()?;
    let report = crate::actions::trail::verify(
        &ui.app,
        &cap,
        crate::actions::trail::Checkpoints::Stored,
        None,
    )
    .await?;
    let problems = report.problems.iter().map(ToString::to_string).collect();
    ui.render(&VerifyTemplate {
        page: ui.page("audit-verify-title", "/admin/audit"),
        report,
        problems,
        public_key: ui.app.keys.verifying_key_hex(),
    })
}
