//! The dashboard: the record's headline figures, straight from the database.

use askama::Template;
use axum::response::Response;

use super::page::{PageCtx, Ui};
use crate::auth::capability::ReadRecord;
use crate::store::stats::Counts;
use crate::web::error::UiError;

pub struct RoleCount {
    pub label: String,
    pub count: i64,
}

#[derive(Template)]
#[template(path = "dashboard.html")]
pub struct DashboardTemplate {
    pub page: PageCtx,
    /// None for roles that read published reports only.
    pub counts: Option<Counts>,
    pub roles: Vec<RoleCount>,
    pub can_audit: bool,
}

pub async fn show(ui: Ui) -> Result<Response, UiError> {
    let tr = ui.tr();
    let counts = match ui.session.actor.grant::<ReadRecord>() {
        Ok(cap) => Some(crate::actions::dashboard::counts(&ui.app, &cap).await?),
        Err(_) => None,
    };
    let roles = counts
        .as_ref()
        .map(|c| {
            c.accounts
                .iter()
                .filter_map(|(role, n)| {
                    let r: crate::domain::Role = role.parse().ok()?;
                    Some(RoleCount {
                        label: tr.t(r.message_id()),
                        count: *n,
                    })
                })
                .collect()
        })
        .unwrap_or_default();
    let t = DashboardTemplate {
        page: ui.page("dashboard-title", "/"),
        counts,
        roles,
        can_audit: ui.session.actor.can(crate::domain::Perm::ReadAudit),
    };
    ui.render(&t)
}
