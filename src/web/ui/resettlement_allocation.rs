//! The allocation page: the proposed placement of eligible cases under open offers,
//! optimal for priority-weighted people placed, each placement explained, with the
//! case officer's accept and reject forms (each decision audited).

use askama::Template;
use axum::extract::{Query, State};
use axum::response::Response;

use super::page::{done, PageCtx, Ui};
use super::people::Opt;
use super::resettlement::{day_value, stage_label};
use super::resettlement_priority::explain;
use crate::actions::resettlement::allocation::{self, Proposed, Unplaced};
use crate::actions::resettlement::pipeline;
use crate::actions::ActionError;
use crate::auth::capability::{ReadRecord, WriteCases};
use crate::domain::convoy::parse_day;
use crate::domain::person::Choice;
use crate::domain::resettlement::{Category, StepInput, StepText};
use crate::domain::site::parse_count;
use crate::domain::Invalid;
use crate::domain::Perm;
use crate::i18n::{Arg, Tr};
use crate::store::resettlement::OfferRow;
use crate::web::error::UiError;
use crate::web::extract::SignedInForm;
use crate::web::AppState;

const PAGE: &str = "/resettlement/allocation";
/// How many unplaced cases the page lists.
const UNPLACED_SHOWN: usize = 100;

#[derive(serde::Deserialize, Default)]
pub struct AtQuery {
    #[serde(default)]
    at: String,
}

pub struct PlacedLine {
    pub p: Proposed,
    pub stage: String,
    pub why: Vec<String>,
}

pub struct UnplacedLine {
    pub u: Unplaced,
    pub stage: String,
    pub why: String,
}

#[derive(Template)]
#[template(path = "resettlement_allocation.html")]
pub struct AllocationTemplate {
    pub page: PageCtx,
    pub summary: String,
    pub proven: bool,
    pub offers: Vec<(OfferRow, i64)>,
    pub placed: Vec<PlacedLine>,
    pub unplaced: Vec<UnplacedLine>,
    pub unplaced_count: i64,
    pub can_write: bool,
    pub today: String,
    pub categories: Vec<Opt>,
}

fn conditions(tr: &Tr, p: &Proposed) -> String {
    let max = p
        .offer
        .max_household
        .map_or_else(|| tr.t("offer-any-size"), |n| tr.num(n));
    tr.t_args(
        "case-alloc-why-offer",
        &[
            ("people", Arg::Num(p.case.people)),
            ("country", Arg::Str(p.offer.country.clone())),
            ("max", Arg::Str(max)),
            (
                "medical",
                Arg::Str(tr.t(if p.medical {
                    "case-alloc-medical-yes"
                } else {
                    "case-alloc-medical-no"
                })),
            ),
        ],
    )
}

pub async fn page(ui: Ui, Query(q): Query<AtQuery>) -> Result<Response, UiError> {
    let cap = ui.session.actor.grant::<ReadRecord>()?;
    let tr = ui.tr();
    let at = match parse_day("at", &q.at).map_err(|i| UiError::from(ActionError::from(i)))? {
        Some(d) => d,
        None => pipeline::default_as_of(&ui.app).await?,
    };
    let p = allocation::propose(&ui.app, &cap, at).await?;
    let a = &p.allocation;
    let people: i64 = a.placements.iter().map(|x| x.people).sum();
    let summary = if a.proven {
        tr.t_args(
            "case-alloc-optimal",
            &[
                ("households", Arg::Num(a.placements.len() as i64)),
                ("people", Arg::Num(people)),
                ("value", Arg::Num(a.value)),
            ],
        )
    } else {
        let gap = if a.bound > 0 {
            ((a.bound - a.value) * 100).div_euclid(a.bound)
        } else {
            0
        };
        tr.t_args(
            "case-alloc-stopped",
            &[
                ("households", Arg::Num(a.placements.len() as i64)),
                ("people", Arg::Num(people)),
                ("gap", Arg::Num(gap)),
            ],
        )
    };
    let placed = p
        .placed
        .iter()
        .map(|x| {
            let mut why: Vec<String> = x.score.reasons.iter().map(|r| explain(&tr, r)).collect();
            why.push(conditions(&tr, x));
            PlacedLine {
                stage: stage_label(&tr, &x.case.stage),
                why,
                p: x.clone(),
            }
        })
        .collect();
    let unplaced_count = p.unplaced.len() as i64;
    let unplaced = p
        .unplaced
        .iter()
        .take(UNPLACED_SHOWN)
        .map(|u| UnplacedLine {
            stage: stage_label(&tr, &u.case.stage),
            why: tr.t(if u.eligible_offers == 0 {
                "case-alloc-no-offer"
            } else {
                "case-alloc-no-room"
            }),
            u: u.clone(),
        })
        .collect();
    ui.render(&AllocationTemplate {
        page: ui.page("case-alloc-title", "/resettlement"),
        summary,
        proven: a.proven,
        offers: p.offers.clone(),
        placed,
        unplaced,
        unplaced_count,
        can_write: ui.session.actor.can(Perm::WriteCases),
        today: day_value(at),
        categories: Category::ALL
            .iter()
            .map(|c| Opt {
                value: c.as_str().to_string(),
                label: tr.t(&c.message_id()),
                selected: false,
            })
            .collect(),
    })
}

#[derive(serde::Deserialize)]
pub struct DecisionForm {
    #[serde(default)]
    case: String,
    #[serde(default)]
    offer: String,
    #[serde(default)]
    date: String,
    #[serde(default)]
    category: String,
    #[serde(default)]
    reason: String,
}

fn ids(f: &DecisionForm) -> Result<(i64, i64), Invalid> {
    let req = |field, s: &str| {
        parse_count(field, s, 1..=i64::MAX)?
            .ok_or_else(|| Invalid::new(field, "invalid-required", "is required"))
    };
    Ok((req("case", &f.case)?, req("offer", &f.offer)?))
}

pub async fn accept(
    State(app): State<AppState>,
    f: SignedInForm<DecisionForm>,
) -> Result<Response, UiError> {
    let cap = f.session.actor.grant::<WriteCases>()?;
    let back = |i: Invalid| UiError::back(PAGE)(ActionError::from(i));
    let (case, offer) = ids(&f.form).map_err(back)?;
    let offer_text = offer.to_string();
    let s = StepInput::parse(&StepText {
        stage: "submitted",
        on: &f.form.date,
        offer: &offer_text,
        category: &f.form.category,
        ..StepText::default()
    })
    .map_err(back)?;
    allocation::accept(&app, &cap, case, &s)
        .await
        .map_err(UiError::back(PAGE))?;
    Ok(done(PAGE, "case-alloc-flash-accepted"))
}

pub async fn reject(
    State(app): State<AppState>,
    f: SignedInForm<DecisionForm>,
) -> Result<Response, UiError> {
    let cap = f.session.actor.grant::<WriteCases>()?;
    let (case, offer) = ids(&f.form).map_err(|i| UiError::back(PAGE)(ActionError::from(i)))?;
    allocation::reject(&app, &cap, case, offer, &f.form.reason)
        .await
        .map_err(UiError::back(PAGE))?;
    Ok(done(PAGE, "case-alloc-flash-rejected"))
}
