//! The watch list pages (admin only): the entries with their names opened (every view
//! audited), adding one (which flags people already registered under that name),
//! an entry's page with the people it matched, and removing an entry.

use askama::Template;
use axum::extract::{Path, Query};
use axum::response::Response;

use super::page::{done, PageCtx, Ui};
use super::people::Opt;
use crate::actions::registry::watchlist::{self, Hit, WatchEntry};
use crate::auth::capability::ManageWatchList;
use crate::domain::matching::{FlagStatus, WatchCategory, WatchInput};
use crate::domain::person::Choice;
use crate::web::error::UiError;
use crate::web::extract::SignedInForm;

fn cap(ui_actor: &crate::auth::Actor) -> Result<crate::auth::Cap<ManageWatchList>, UiError> {
    ui_actor.grant::<ManageWatchList>().map_err(UiError::from)
}

fn category(ui: &Ui, v: &str) -> String {
    WatchCategory::parse(v)
        .map(|c| ui.tr().t(&c.message_id()))
        .unwrap_or_else(|_| v.to_string())
}

/// An entry, labelled.
pub struct Entry {
    pub e: WatchEntry,
    pub category: String,
}

#[derive(Template)]
#[template(path = "watchlist.html")]
pub struct WatchlistTemplate {
    pub page: PageCtx,
    pub entries: Vec<Entry>,
    pub categories: Vec<Opt>,
    pub with_removed: bool,
}

#[derive(serde::Deserialize, Default)]
pub struct ListQuery {
    #[serde(default)]
    removed: String,
}

pub async fn list(ui: Ui, Query(q): Query<ListQuery>) -> Result<Response, UiError> {
    let cap = cap(&ui.session.actor)?;
    let with_removed = !q.removed.is_empty();
    let entries = watchlist::list(&ui.app, &cap, with_removed).await?;
    ui.render(&WatchlistTemplate {
        page: ui.page("watchlist-title", "/admin/watchlist"),
        entries: entries
            .into_iter()
            .map(|e| Entry {
                category: category(&ui, &e.category),
                e,
            })
            .collect(),
        categories: WatchCategory::ALL
            .iter()
            .map(|c| Opt {
                value: c.as_str().to_string(),
                label: ui.tr().t(&c.message_id()),
                selected: *c == WatchCategory::KnownAgent,
            })
            .collect(),
        with_removed,
    })
}

#[derive(serde::Deserialize)]
pub struct AddForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    category: String,
    #[serde(default)]
    note: String,
}

pub async fn add(ui: Ui, f: SignedInForm<AddForm>) -> Result<Response, UiError> {
    let cap = cap(&f.session.actor)?;
    let back = UiError::back("/admin/watchlist");
    let input = WatchInput::parse(&f.form.name, &f.form.category, &f.form.note)
        .map_err(|i| back(i.into()))?;
    watchlist::add(&ui.app, &cap, &input)
        .await
        .map_err(UiError::back("/admin/watchlist"))?;
    Ok(done("/admin/watchlist", "flash-watch-added"))
}

/// A hit, labelled.
pub struct HitLine {
    pub h: Hit,
    pub status: String,
}

#[derive(Template)]
#[template(path = "watch_entry.html")]
pub struct EntryTemplate {
    pub page: PageCtx,
    pub entry: Entry,
    pub hits: Vec<HitLine>,
}

pub async fn show(ui: Ui, Path(id): Path<i64>) -> Result<Response, UiError> {
    let cap = cap(&ui.session.actor)?;
    let (e, hits) = watchlist::get(&ui.app, &cap, id).await?;
    ui.render(&EntryTemplate {
        page: ui.page("watch-entry-title", "/admin/watchlist"),
        entry: Entry {
            category: category(&ui, &e.category),
            e,
        },
        hits: hits
            .into_iter()
            .map(|h| HitLine {
                status: FlagStatus::parse(&h.status)
                    .map(|s| ui.tr().t(&s.message_id()))
                    .unwrap_or_else(|_| h.status.clone()),
                h,
            })
            .collect(),
    })
}

#[derive(serde::Deserialize)]
pub struct Empty {}

pub async fn remove(
    ui: Ui,
    Path(id): Path<i64>,
    f: SignedInForm<Empty>,
) -> Result<Response, UiError> {
    let cap = cap(&f.session.actor)?;
    watchlist::remove(&ui.app, &cap, id).await?;
    Ok(done("/admin/watchlist", "flash-watch-removed"))
}
