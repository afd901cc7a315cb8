//! Resettlement pages: the overview (the funnel now, the cases at a stage, opening a
//! case), a case with its whole dated history and the form for its next step, and the
//! country offers with the places each has used and left. The case officer's forms
//! are in `resettlement_forms`; analytics in `resettlement_pipeline`.

use askama::Template;
use axum::extract::{Path, Query};
use axum::response::Response;

use super::charts::{bar_chart, BarChart, BarGroup, Hue, Orientation};
use super::page::{PageCtx, Ui};
use super::people::Opt;
use crate::actions::resettlement::offers::{self, OfferDetail};
use crate::actions::resettlement::{self, day_of, CaseDetail};
use crate::actions::ActionError;
use crate::auth::capability::ReadRecord;
use crate::domain::person::Choice;
use crate::domain::resettlement::{Category, Priority, Stage};
use crate::domain::Perm;
use crate::i18n::{Arg, Tr};
use crate::store::resettlement::{CaseRow, OfferRow, StageCount, StepRow};
use crate::web::error::UiError;

/// A day for display, or a dash.
pub fn day(tr: &Tr, ms: Option<i64>) -> String {
    ms.map_or_else(|| "—".to_string(), |ms| tr.date(ms.div_euclid(1000)))
}

/// A day as a form value (`YYYY-MM-DD`).
pub fn day_value(ms: i64) -> String {
    crate::clock::rfc3339(ms).chars().take(10).collect()
}

pub fn stage_label(tr: &Tr, s: &str) -> String {
    Stage::parse(s)
        .map(|c| tr.t(&c.message_id()))
        .unwrap_or_else(|_| s.to_string())
}

fn label<C: Choice>(tr: &Tr, s: Option<&str>) -> String {
    s.and_then(|s| C::parse(s).ok())
        .map_or_else(|| "—".to_string(), |c| tr.t(&c.message_id()))
}

/// The badge class that goes with a stage.
pub fn stage_badge(s: &str) -> &'static str {
    match s {
        "departed" | "accepted" | "departure_scheduled" => "badge-ok",
        "rejected" | "withdrawn" => "badge-danger",
        "deferred" => "badge-warn",
        _ => "badge-info",
    }
}

fn opts<C: Choice>(tr: &Tr, selected: &str) -> Vec<Opt> {
    C::ALL
        .iter()
        .map(|c| Opt {
            value: c.as_str().to_string(),
            label: tr.t(&c.message_id()),
            selected: c.as_str() == selected,
        })
        .collect()
}

/// The funnel as a bar chart: people and cases at every stage.
pub fn funnel_chart(tr: &Tr, title: &str, funnel: &[StageCount]) -> String {
    let categories: Vec<String> = funnel.iter().map(|f| stage_label(tr, &f.stage)).collect();
    let groups = [
        BarGroup {
            name: tr.t("case-people"),
            hue: Hue::nth(0),
            values: funnel.iter().map(|f| f.people).collect(),
        },
        BarGroup {
            name: tr.t("case-cases"),
            hue: Hue::nth(1),
            values: funnel.iter().map(|f| f.cases).collect(),
        },
    ];
    let people: i64 = funnel.iter().map(|f| f.people).sum();
    bar_chart(
        tr,
        &BarChart {
            title,
            desc: &tr.t_count("case-funnel-desc", people),
            value_title: &tr.t("case-people"),
            category_title: "",
            orientation: Orientation::Rows,
            categories: &categories,
            groups: &groups,
        },
    )
}

pub struct CaseLine {
    pub c: CaseRow,
    pub stage: String,
    pub badge: &'static str,
    pub since: String,
    pub priority: String,
}

pub fn case_lines(tr: &Tr, rows: Vec<CaseRow>) -> Vec<CaseLine> {
    rows.into_iter()
        .map(|c| CaseLine {
            stage: stage_label(tr, &c.stage),
            badge: stage_badge(&c.stage),
            since: day(tr, Some(c.stage_on)),
            priority: label::<Priority>(tr, c.priority.as_deref()),
            c,
        })
        .collect()
}

#[derive(serde::Deserialize, Default)]
pub struct ListQuery {
    #[serde(default)]
    stage: String,
}

#[derive(Template)]
#[template(path = "resettlement.html")]
pub struct OverviewTemplate {
    pub page: PageCtx,
    pub funnel: Vec<(StageCount, String)>,
    pub chart: String,
    pub cases: Vec<CaseLine>,
    pub stages: Vec<Opt>,
    pub filtered: bool,
    pub more: bool,
    pub can_write: bool,
    pub today: String,
}

pub async fn overview(ui: Ui, Query(q): Query<ListQuery>) -> Result<Response, UiError> {
    let cap = ui.session.actor.grant::<ReadRecord>()?;
    let tr = ui.tr();
    let stage = match q.stage.trim() {
        "" => None,
        s => Some(Stage::parse(s).map_err(|i| UiError::from(ActionError::from(i)))?),
    };
    let funnel = resettlement::funnel(&ui.app, &cap, None).await?;
    let rows = resettlement::list(&ui.app, &cap, stage).await?;
    ui.render(&OverviewTemplate {
        page: ui.page("case-overview-title", "/resettlement"),
        chart: funnel_chart(&tr, &tr.t("case-funnel-now"), &funnel),
        funnel: funnel
            .into_iter()
            .map(|f| {
                let l = stage_label(&tr, &f.stage);
                (f, l)
            })
            .collect(),
        more: rows.len() as i64 >= resettlement::LIST_LIMIT,
        cases: case_lines(&tr, rows),
        stages: opts::<Stage>(&tr, stage.map_or("", Stage::as_str)),
        filtered: stage.is_some(),
        can_write: ui.session.actor.can(Perm::WriteCases),
        today: day_value(day_of(ui.app.now())),
    })
}

pub struct StepView {
    pub s: StepRow,
    pub stage: String,
    pub badge: &'static str,
    pub on: String,
    pub priority: String,
    pub category: String,
    pub recorded: String,
    /// Days the case had spent at the stage before: "after 40 days".
    pub after: String,
}

#[derive(Template)]
#[template(path = "resettlement_case.html")]
pub struct CaseTemplate {
    pub page: PageCtx,
    pub heading: String,
    pub c: CaseDetail,
    pub stage: String,
    pub badge: &'static str,
    pub since: String,
    pub priority: String,
    pub category: String,
    pub rejected: String,
    pub steps: Vec<StepView>,
    pub can_write: bool,
    pub next: Vec<Opt>,
    pub offers: Vec<Opt>,
    pub priorities: Vec<Opt>,
    pub categories: Vec<Opt>,
    pub today: String,
}

pub async fn case(ui: Ui, Path(id): Path<i64>) -> Result<Response, UiError> {
    let cap = ui.session.actor.grant::<ReadRecord>()?;
    let tr = ui.tr();
    let c = resettlement::get(&ui.app, &cap, id).await?;
    let mut previous: Option<i64> = None;
    let steps = c
        .steps
        .iter()
        .map(|s| {
            let after = previous.map_or_else(String::new, |p| {
                tr.t_count("case-after-days", (s.effective_on - p) / 86_400_000)
            });
            previous = Some(s.effective_on);
            StepView {
                stage: stage_label(&tr, &s.stage),
                badge: stage_badge(&s.stage),
                on: day(&tr, Some(s.effective_on)),
                priority: label::<Priority>(&tr, s.priority.as_deref()),
                category: label::<Category>(&tr, s.category.as_deref()),
                recorded: tr.datetime(s.recorded_at.div_euclid(1000)),
                after,
                s: s.clone(),
            }
        })
        .collect();
    let open_offers = offers::list(&ui.app, &cap)
        .await?
        .into_iter()
        .filter(|o| o.left() > 0 && !c.rejected_by.contains(&o.country))
        .map(|o| Opt {
            label: tr.t_args(
                "case-offer-option",
                &[
                    ("id", Arg::Num(o.offer_id)),
                    ("country", Arg::Str(o.country.clone())),
                    ("left", Arg::Num(o.left())),
                ],
            ),
            value: o.offer_id.to_string(),
            selected: false,
        })
        .collect();
    let next = c
        .next
        .iter()
        .filter_map(|s| Stage::parse(s).ok())
        .map(|s| Opt {
            value: s.as_str().to_string(),
            label: tr.t(&s.message_id()),
            selected: false,
        })
        .collect();
    let t = CaseTemplate {
        page: ui.page("case-title", "/resettlement"),
        heading: tr.t_args(
            "case-heading",
            &[
                ("id", Arg::Num(c.case.case_id)),
                ("household", Arg::Str(c.case.household_code.clone())),
            ],
        ),
        stage: stage_label(&tr, &c.case.stage),
        badge: stage_badge(&c.case.stage),
        since: day(&tr, Some(c.case.stage_on)),
        priority: label::<Priority>(&tr, c.case.priority.as_deref()),
        category: label::<Category>(&tr, c.case.category.as_deref()),
        rejected: c.rejected_by.join(", "),
        steps,
        can_write: ui.session.actor.can(Perm::WriteCases),
        next,
        offers: open_offers,
        priorities: opts::<Priority>(&tr, "normal"),
        categories: opts::<Category>(&tr, ""),
        today: day_value(day_of(ui.app.now())),
        c,
    };
    ui.render(&t)
}

pub struct OfferLine {
    pub o: OfferRow,
    pub announced: String,
    pub left: i64,
    pub max_household: String,
}

fn offer_line(tr: &Tr, o: OfferRow) -> OfferLine {
    OfferLine {
        announced: day(tr, Some(o.announced_on)),
        left: o.left(),
        max_household: o
            .max_household
            .map_or_else(|| tr.t("offer-any-size"), |n| tr.num(n)),
        o,
    }
}

/// The values the offer form starts with.
#[derive(Default)]
pub struct OfferForm {
    pub country: String,
    pub announced_on: String,
    pub places: String,
    pub max_household: String,
    pub medical: bool,
    pub notes: String,
}

#[derive(Template)]
#[template(path = "resettlement_offers.html")]
pub struct OffersTemplate {
    pub page: PageCtx,
    pub offers: Vec<OfferLine>,
    pub can_write: bool,
    pub form: OfferForm,
}

pub async fn offers_list(ui: Ui) -> Result<Response, UiError> {
    let cap = ui.session.actor.grant::<ReadRecord>()?;
    let tr = ui.tr();
    let rows = offers::list(&ui.app, &cap).await?;
    ui.render(&OffersTemplate {
        page: ui.page("offers-title", "/resettlement"),
        offers: rows.into_iter().map(|o| offer_line(&tr, o)).collect(),
        can_write: ui.session.actor.can(Perm::WriteCases),
        form: OfferForm {
            announced_on: day_value(day_of(ui.app.now())),
            medical: true,
            ..OfferForm::default()
        },
    })
}

#[derive(Template)]
#[template(path = "resettlement_offer.html")]
pub struct OfferTemplate {
    pub page: PageCtx,
    pub heading: String,
    pub o: OfferLine,
    pub d: OfferDetail,
    pub cases: Vec<CaseLine>,
    pub can_write: bool,
    pub form: OfferForm,
}

pub async fn offer(ui: Ui, Path(id): Path<i64>) -> Result<Response, UiError> {
    let cap = ui.session.actor.grant::<ReadRecord>()?;
    let tr = ui.tr();
    let d = offers::get(&ui.app, &cap, id).await?;
    ui.render(&OfferTemplate {
        page: ui.page("offer-title", "/resettlement"),
        heading: tr.t_args(
            "offer-heading",
            &[
                ("id", Arg::Num(d.offer.offer_id)),
                ("country", Arg::Str(d.offer.country.clone())),
            ],
        ),
        o: offer_line(&tr, d.offer.clone()),
        cases: case_lines(&tr, d.cases.clone()),
        can_write: ui.session.actor.can(Perm::WriteCases),
        form: OfferForm {
            country: d.offer.country.clone(),
            announced_on: day_value(d.offer.announced_on),
            places: d.offer.places.to_string(),
            max_household: d
                .offer
                .max_household
                .map(|n| n.to_string())
                .unwrap_or_default(),
            medical: d.offer.medical != 0,
            notes: d.offer.note.clone(),
        },
        d,
    })
}
