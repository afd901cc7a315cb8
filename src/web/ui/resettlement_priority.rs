//! The priority page: open cases ranked by urgency, each score explained in words —
//! medical urgency, threats, time waiting, vulnerabilities — point by point.

use askama::Template;
use axum::extract::Query;
use axum::response::Response;

use super::page::{PageCtx, Ui};
use super::resettlement::{day, day_value, stage_badge, stage_label};
use crate::actions::resettlement::pipeline;
use crate::actions::resettlement::priority::{self, Ranked};
use crate::actions::ActionError;
use crate::auth::capability::ReadRecord;
use crate::domain::convoy::parse_day;
use crate::domain::priority::Reason;
use crate::i18n::{Arg, Tr};
use crate::web::error::UiError;

/// How many cases the page lists.
const SHOWN: usize = 300;

#[derive(serde::Deserialize, Default)]
pub struct AtQuery {
    #[serde(default)]
    at: String,
}

fn label(tr: &Tr, prefix: &str, value: &str) -> String {
    tr.t(&format!("{prefix}-{}", value.replace('_', "-")))
}

/// One reason as a sentence with its points.
pub fn explain(tr: &Tr, r: &Reason) -> String {
    let points = ("points", Arg::Num(r.points()));
    match r {
        Reason::Medical { urgency, .. } => tr.t_args(
            "case-why-medical",
            &[("urgency", Arg::Str(label(tr, "urgency", urgency))), points],
        ),
        Reason::SubmissionPriority { priority, .. } => tr.t_args(
            "case-why-submission",
            &[
                ("priority", Arg::Str(label(tr, "priority", priority))),
                points,
            ],
        ),
        Reason::ProtectionNeed { urgency, .. } => tr.t_args(
            "case-why-protection",
            &[("urgency", Arg::Str(label(tr, "urgency", urgency))), points],
        ),
        Reason::Waiting { months, .. } => {
            tr.t_args("case-why-waiting", &[("months", Arg::Num(*months)), points])
        }
        Reason::Vulnerabilities { kinds, .. } => {
            let names: Vec<String> = kinds
                .iter()
                .map(|k| label(tr, "vulnerability", k))
                .collect();
            tr.t_args(
                "case-why-vulnerabilities",
                &[("needs", Arg::Str(names.join(", "))), points],
            )
        }
    }
}

pub struct RankLine {
    pub r: Ranked,
    pub stage: String,
    pub badge: &'static str,
    pub opened: String,
    pub why: Vec<String>,
}

#[derive(Template)]
#[template(path = "resettlement_priority.html")]
pub struct PriorityTemplate {
    pub page: PageCtx,
    pub as_of: String,
    pub as_of_value: String,
    pub lines: Vec<RankLine>,
    pub count: String,
}

pub async fn priority_page(ui: Ui, Query(q): Query<AtQuery>) -> Result<Response, UiError> {
    let cap = ui.session.actor.grant::<ReadRecord>()?;
    let tr = ui.tr();
    let at = match parse_day("at", &q.at).map_err(|i| UiError::from(ActionError::from(i)))? {
        Some(d) => d,
        None => pipeline::default_as_of(&ui.app).await?,
    };
    let ranked = priority::ranked(&ui.app, &cap, at).await?;
    let count = tr.t_count("case-priority-count", ranked.len() as i64);
    let lines = ranked
        .into_iter()
        .take(SHOWN)
        .map(|r| RankLine {
            stage: stage_label(&tr, &r.case.stage),
            badge: stage_badge(&r.case.stage),
            opened: day(&tr, Some(r.case.opened_on)),
            why: r.score.reasons.iter().map(|x| explain(&tr, x)).collect(),
            r,
        })
        .collect();
    ui.render(&PriorityTemplate {
        page: ui.page("case-priority-title", "/resettlement"),
        as_of: day(&tr, Some(at)),
        as_of_value: day_value(at),
        lines,
        count,
    })
}
