//! The search page: one box over sources, claims and incidents (never people), with
//! filters (type, date range, site, category, source grade, language), hits best
//! first with the matched words marked in their snippet.

use askama::Template;
use axum::extract::Query;
use axum::response::Response;

use super::page::{PageCtx, Ui};
use super::people::Opt;
use super::sources::choice_opts;
use crate::actions::documentation::search::{self, Hit};
use crate::auth::capability::ReadRecord;
use crate::domain::incident::Category;
use crate::domain::search::{Query as SearchQuery, DOC_TYPES};
use crate::web::error::UiError;

/// The form's fields, as typed (they come back into the form).
#[derive(serde::Deserialize, Default, Clone)]
pub struct Form {
    #[serde(default)]
    pub q: String,
    #[serde(default, rename = "type")]
    pub doc_type: String,
    #[serde(default)]
    pub from: String,
    #[serde(default)]
    pub to: String,
    #[serde(default)]
    pub site: String,
    #[serde(default)]
    pub category: String,
    #[serde(default)]
    pub grade: String,
    #[serde(default)]
    pub language: String,
}

pub struct HitView {
    pub kind: String,
    pub hit: Hit,
    pub day: String,
}

#[derive(Template)]
#[template(path = "search.html")]
pub struct SearchTemplate {
    pub page: PageCtx,
    pub f: Form,
    pub types: Vec<Opt>,
    pub sites: Vec<Opt>,
    pub categories: Vec<Opt>,
    pub grades: Vec<Opt>,
    pub searched: bool,
    pub error: Option<String>,
    pub hits: Vec<HitView>,
    /// More matched than are ranked: the hits come from the newest matches.
    pub windowed: bool,
}

fn mark(mut opts: Vec<Opt>, value: &str) -> Vec<Opt> {
    for o in &mut opts {
        o.selected = o.value == value;
    }
    opts
}

pub async fn show(ui: Ui, Query(f): Query<Form>) -> Result<Response, UiError> {
    let cap = ui.session.actor.grant::<ReadRecord>()?;
    let tr = ui.tr();
    let sites = crate::actions::registry::sites::list(&ui.app, &cap).await?;
    let mut t = SearchTemplate {
        page: ui.page("search-title", "/documentation/search"),
        types: mark(
            DOC_TYPES
                .iter()
                .map(|d| Opt {
                    value: (*d).to_string(),
                    label: tr.t(&format!("evidence-target-{d}")),
                    selected: false,
                })
                .collect(),
            &f.doc_type,
        ),
        sites: mark(
            sites
                .iter()
                .map(|s| Opt {
                    value: s.site.site_id.to_string(),
                    label: format!("{} — {}", s.site.code, s.site.name(ui.lang())),
                    selected: false,
                })
                .collect(),
            &f.site,
        ),
        categories: mark(choice_opts::<Category>(&tr, ""), &f.category),
        grades: mark(
            ["A", "B", "C", "D", "E", "F"]
                .iter()
                .map(|g| Opt {
                    value: (*g).to_string(),
                    label: (*g).to_string(),
                    selected: false,
                })
                .collect(),
            &f.grade,
        ),
        searched: false,
        error: None,
        hits: Vec::new(),
        windowed: false,
        f: f.clone(),
    };
    if !f.q.trim().is_empty() {
        t.searched = true;
        match SearchQuery::parse(
            &f.q,
            &f.doc_type,
            &f.from,
            &f.to,
            &f.site,
            &f.category,
            &f.grade,
            &f.language,
        ) {
            Err(i) => {
                t.error = Some(format!(
                    "{}: {}",
                    tr.t(&format!("field-{}", i.field)),
                    tr.t(i.key)
                ))
            }
            Ok(q) => {
                let found = search::search_found(&ui.app, &cap, &q).await?;
                t.windowed = found.windowed;
                t.hits = found
                    .hits
                    .into_iter()
                    .map(|h| HitView {
                        kind: tr.t(&format!("evidence-target-{}", h.doc_type)),
                        day: h.day.map(|d| tr.date(d / 1000)).unwrap_or_default(),
                        hit: h,
                    })
                    .collect();
            }
        }
    }
    ui.render(&t)
}
