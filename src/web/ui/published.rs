//! Published reports: the list every role reads (observers included), each snapshot
//! on its own page exactly as published with its SHA-256 (and whether the stored
//! content still matches it), printable; the documenter's publish and withdraw forms.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;

use super::commitments::date;
use super::commitments_report_body::{render, Links};
use super::page::{done, PageCtx, Ui};
use crate::actions::documentation::commitments::publish::{self, Published, Rendered};
use crate::auth::capability::{ReadReports, WriteDocumentation};
use crate::domain::convoy::parse_day;
use crate::domain::role::Perm;
use crate::i18n::{Lang, Tr};
use crate::web::error::UiError;
use crate::web::extract::SignedInForm;
use crate::web::AppState;

const LIST: &str = "/reports/published";

pub struct PublishedLine {
    pub id: i64,
    pub title: String,
    pub as_of: String,
    pub published: String,
    pub by: String,
    pub sha256: String,
    pub intact: bool,
    pub withdrawn: Option<String>,
    pub reason: String,
}

fn line(tr: &Tr, p: &Published) -> PublishedLine {
    let r = &p.row;
    PublishedLine {
        id: r.report_id,
        title: r.title.clone(),
        as_of: date(tr, r.as_of),
        published: tr.datetime(r.published_at / 1000),
        by: r.published_by.clone(),
        sha256: r.sha256.clone(),
        intact: p.intact,
        withdrawn: r.withdrawn_at.map(|at| {
            format!(
                "{} ({})",
                tr.datetime(at / 1000),
                r.withdrawn_by.clone().unwrap_or_default()
            )
        }),
        reason: r.withdrawal_reason.clone(),
    }
}

#[derive(Template)]
#[template(path = "published.html")]
pub struct ListTemplate {
    pub page: PageCtx,
    pub reports: Vec<PublishedLine>,
}

pub async fn list(ui: Ui) -> Result<Response, UiError> {
    let cap = ui.session.actor.grant::<ReadReports>()?;
    let tr = ui.tr();
    let reports = publish::list(&ui.app, &cap)
        .await?
        .iter()
        .map(|p| line(&tr, p))
        .collect();
    ui.render(&ListTemplate {
        page: ui.page("published-title", LIST),
        reports,
    })
}

#[derive(Template)]
#[template(path = "published_report.html")]
pub struct ReportTemplate {
    pub page: PageCtx,
    pub report: PublishedLine,
    pub lang: String,
    pub dir: String,
    pub content: String,
    pub can_withdraw: bool,
}

pub async fn show(ui: Ui, Path(id): Path<i64>) -> Result<Response, UiError> {
    let cap = ui.session.actor.grant::<ReadReports>()?;
    let tr = ui.tr();
    let p = publish::get(&ui.app, &cap, id).await?;
    let lang = Lang::parse(&p.row.lang).unwrap_or(Lang::En);
    let mut page = ui.page("published-title", LIST);
    page.title.clone_from(&p.row.title);
    ui.render(&ReportTemplate {
        page,
        report: line(&tr, &p),
        lang: lang.code().to_string(),
        dir: lang.dir().to_string(),
        can_withdraw: p.row.withdrawn_at.is_none()
            && ui.session.actor.role.allows(Perm::WriteDocumentation),
        content: p.row.content,
    })
}

/// The report as of a day rendered in `lang` for publication.
pub fn rendered(
    lang: Lang,
) -> impl FnOnce(
    &crate::actions::documentation::commitments::report::CommitmentsReport,
) -> Result<Rendered, String> {
    move |r| {
        let tr = Tr { lang };
        Ok(Rendered {
            title: tr.t_args(
                "published-commitments-title",
                &[("date", date(&tr, r.as_of).as_str().into())],
            ),
            lang: lang.code().to_string(),
            content: render(&tr, r, Links::Published).map_err(|e| e.to_string())?,
        })
    }
}

#[derive(serde::Deserialize)]
pub struct PublishForm {
    #[serde(default)]
    as_of: String,
}

pub async fn publish(
    State(app): State<AppState>,
    f: SignedInForm<PublishForm>,
) -> Result<Response, UiError> {
    let cap = f.session.actor.grant::<WriteDocumentation>()?;
    let back = format!("/documentation/commitments-report?as_of={}", f.form.as_of);
    let day = parse_day("as_of", &f.form.as_of)
        .map_err(|i| UiError::back(back.clone())(i.into()))?
        .unwrap_or_else(|| app.now());
    let id = publish::publish_commitments(&app, &cap, day, rendered(f.session.lang))
        .await
        .map_err(UiError::back(back))?;
    Ok(done(&format!("{LIST}/{id}"), "published-done"))
}

#[derive(serde::Deserialize)]
pub struct WithdrawForm {
    #[serde(default)]
    reason: String,
}

pub async fn withdraw(
    State(app): State<AppState>,
    Path(id): Path<i64>,
    f: SignedInForm<WithdrawForm>,
) -> Result<Response, UiError> {
    let cap = f.session.actor.grant::<WriteDocumentation>()?;
    let back = format!("{LIST}/{id}");
    publish::withdraw(&app, &cap, id, &f.form.reason)
        .await
        .map_err(UiError::back(back.clone()))?;
    Ok(done(&back, "published-withdrawn-done"))
}
