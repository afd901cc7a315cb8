//! The registrar's duplicate queue: open flags with the two records' codes and
//! non-personal facts side by side, a page per flag where the personal data of both
//! can be opened (audited) and the flag decided — same person (merge) or different
//! people — with a reason. A watch-list match shows only the entry's category.

use askama::Template;
use axum::extract::{Path, Query};
use axum::response::Response;

use super::page::{done, PageCtx, Ui};
use super::people::Opt;
use crate::actions::registry::matches::{self, FlagView};
use crate::actions::registry::people::PersonPersonal;
use crate::actions::ActionError;
use crate::auth::capability::{ReadRecord, ViewPersonalData, WriteRegistry};
use crate::domain::matching::{
    Decision, DecisionReason, FlagStatus, Keep, MatchReason, WatchCategory,
};
use crate::domain::person::{Choice, PersonStatus, Sex};
use crate::domain::Invalid;
use crate::store::people::PersonRow;
use crate::store::sites::SiteRow;
use crate::web::error::UiError;
use crate::web::extract::SignedInForm;

fn label<C: Choice>(ui: &Ui, v: &str) -> String {
    C::parse(v)
        .map(|c| ui.tr().t(&c.message_id()))
        .unwrap_or_else(|_| v.to_string())
}

/// One record's non-personal facts, labelled.
pub struct Side {
    pub person_id: i64,
    pub code: String,
    pub status: String,
    pub site: String,
    pub sex: String,
    pub birth_year: Option<i64>,
}

/// A flag, labelled for the page.
pub struct Line {
    pub flag_id: i64,
    pub reason: String,
    pub status: String,
    pub open: bool,
    pub created_at: i64,
    pub a: Side,
    pub b: Option<Side>,
    /// Watch-list matches: the entry's category, never its name.
    pub watch_category: Option<String>,
    pub decided_at: Option<i64>,
    pub decided_by: String,
    pub decision_reason: String,
}

fn side(ui: &Ui, sites: &[SiteRow], p: PersonRow) -> Side {
    let status = if p.status == crate::store::matching::MERGED {
        ui.tr().t("person-status-merged")
    } else {
        label::<PersonStatus>(ui, &p.status)
    };
    Side {
        site: p
            .site_id
            .and_then(|id| sites.iter().find(|s| s.site_id == id))
            .map_or_else(|| "—".to_string(), |s| s.code.clone()),
        sex: label::<Sex>(ui, &p.sex),
        birth_year: p.birth_year,
        person_id: p.person_id,
        code: p.code,
        status,
    }
}

async fn sites(ui: &Ui) -> Result<Vec<SiteRow>, UiError> {
    let cap = ui.session.actor.grant::<ReadRecord>()?;
    Ok(crate::actions::registry::sites::list(&ui.app, &cap)
        .await?
        .into_iter()
        .map(|s| s.site)
        .collect())
}

fn line(ui: &Ui, sites: &[SiteRow], f: FlagView) -> Line {
    Line {
        flag_id: f.flag_id,
        reason: label::<MatchReason>(ui, &f.reason),
        open: f.status == FlagStatus::Open.as_str(),
        status: label::<FlagStatus>(ui, &f.status),
        created_at: f.created_at,
        a: side(ui, sites, f.a),
        b: f.b.map(|b| side(ui, sites, b)),
        watch_category: f.watch_category.map(|c| label::<WatchCategory>(ui, &c)),
        decided_at: f.decided_at,
        decided_by: f.decided_by.unwrap_or_default(),
        decision_reason: f.decision_reason.unwrap_or_default(),
    }
}

#[derive(Template)]
#[template(path = "matches.html")]
pub struct MatchesTemplate {
    pub page: PageCtx,
    pub flags: Vec<Line>,
    pub statuses: Vec<Opt>,
    pub open_text: String,
    /// Open flags by reason: (reason value, label, count, selected).
    pub reasons: Vec<(String, String, i64, bool)>,
    pub reason_opts: Vec<Opt>,
    pub showing_open: bool,
    pub next: Option<String>,
}

#[derive(serde::Deserialize, Default)]
pub struct ListQuery {
    #[serde(default)]
    status: String,
    #[serde(default)]
    reason: String,
    after: Option<i64>,
}

pub async fn list(ui: Ui, Query(q): Query<ListQuery>) -> Result<Response, UiError> {
    let cap = ui.session.actor.grant::<WriteRegistry>()?;
    let status = match q.status.as_str() {
        "" => FlagStatus::Open,
        s => FlagStatus::parse(s).map_err(|_| UiError::not_found())?,
    };
    let reason = match q.reason.as_str() {
        "" => None,
        r => Some(MatchReason::parse(r).map_err(|_| UiError::not_found())?),
    };
    let (flags, next) = matches::list(&ui.app, &cap, status, reason, q.after).await?;
    let sites = sites(&ui).await?;
    let by_reason = matches::open_by_reason(&ui.app, &cap).await?;
    let open: i64 = by_reason.iter().map(|(_, n)| n).sum();
    ui.render(&MatchesTemplate {
        page: ui.page("matches-title", "/registry/matches"),
        flags: flags.into_iter().map(|f| line(&ui, &sites, f)).collect(),
        statuses: FlagStatus::ALL
            .iter()
            .map(|s| Opt {
                value: s.as_str().to_string(),
                label: ui.tr().t(&s.message_id()),
                selected: *s == status,
            })
            .collect(),
        open_text: ui.tr().t_args(
            "matches-open-count",
            &[("count", crate::i18n::Arg::from(open))],
        ),
        reasons: by_reason
            .into_iter()
            .map(|(r, n)| {
                (
                    r.as_str().to_string(),
                    ui.tr().t(&r.message_id()),
                    n,
                    Some(r) == reason,
                )
            })
            .collect(),
        reason_opts: MatchReason::ALL
            .iter()
            .map(|r| Opt {
                value: r.as_str().to_string(),
                label: ui.tr().t(&r.message_id()),
                selected: Some(*r) == reason,
            })
            .collect(),
        showing_open: status == FlagStatus::Open,
        next: next.map(|n| {
            let r = reason.map_or("", MatchReason::as_str);
            format!("status={}&reason={r}&after={n}", status.as_str())
        }),
    })
}

#[derive(Template)]
#[template(path = "match.html")]
pub struct MatchTemplate {
    pub page: PageCtx,
    pub f: Line,
    pub personal: Option<(PersonPersonal, Option<PersonPersonal>)>,
}

async fn flag_page(
    ui: &Ui,
    id: i64,
    personal: Option<(PersonPersonal, Option<PersonPersonal>)>,
) -> Result<Response, UiError> {
    let cap = ui.session.actor.grant::<WriteRegistry>()?;
    let f = matches::get(&ui.app, &cap, id).await?;
    let sites = sites(ui).await?;
    ui.render(&MatchTemplate {
        page: ui.page("match-title", "/registry/matches"),
        f: line(ui, &sites, f),
        personal,
    })
}

pub async fn show(ui: Ui, Path(id): Path<i64>) -> Result<Response, UiError> {
    flag_page(&ui, id, None).await
}

/// The same page with the personal data of both records opened (audited).
pub async fn personal(ui: Ui, Path(id): Path<i64>) -> Result<Response, UiError> {
    let cap = ui.session.actor.grant::<WriteRegistry>()?;
    let personal = ui.session.actor.grant::<ViewPersonalData>()?;
    let both = matches::view_personal_pair(&ui.app, &cap, &personal, id).await?;
    flag_page(&ui, id, Some(both)).await
}

#[derive(serde::Deserialize)]
pub struct DecideForm {
    #[serde(default)]
    decision: String,
    #[serde(default)]
    reason: String,
    #[serde(default)]
    keep: String,
}

fn parse_decision(f: &DecideForm) -> Result<(Decision, DecisionReason, Keep), Invalid> {
    Ok((
        Decision::parse(&f.decision)?,
        DecisionReason::parse(&f.reason)?,
        Keep::parse(&f.keep)?,
    ))
}

/// Decides a flag and goes back to the queue.
pub async fn decide(
    ui: Ui,
    Path(id): Path<i64>,
    f: SignedInForm<DecideForm>,
) -> Result<Response, UiError> {
    let cap = f.session.actor.grant::<WriteRegistry>()?;
    let here = format!("/registry/matches/{id}");
    let (decision, reason, keep) =
        parse_decision(&f.form).map_err(|i| UiError::back(here.clone())(i.into()))?;
    match matches::decide(&ui.app, &cap, id, decision, &reason, keep).await {
        Ok(v) if v.status == FlagStatus::Merged.as_str() => {
            Ok(done("/registry/matches", "flash-match-merged"))
        }
        Ok(_) => Ok(done("/registry/matches", "flash-match-decided")),
        Err(ActionError::Refused(_)) => Err(UiError::Back {
            to: here,
            flash: super::page::FlashCookie::error("error-match-decided"),
        }),
        Err(e) => Err(UiError::back(here)(e)),
    }
}
