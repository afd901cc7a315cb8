//! The case officer's resettlement forms: open a case, record its next step, add and
//! change a country offer. Each parses its form, calls one action, and goes back to the
//! page with a message naming what was wrong, if anything.

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};

use super::page::done;
use crate::actions::resettlement::{self, offers, parse_household};
use crate::actions::ActionError;
use crate::auth::capability::WriteCases;
use crate::domain::convoy::parse_day;
use crate::domain::resettlement::{OfferInput, OfferText, StepInput, StepText};
use crate::domain::Invalid;
use crate::web::error::UiError;
use crate::web::extract::SignedInForm;
use crate::web::AppState;

fn invalid(to: &str) -> impl FnOnce(Invalid) -> UiError {
    let to = to.to_string();
    move |i| UiError::back(to)(ActionError::from(i))
}

#[derive(serde::Deserialize)]
pub struct OpenForm {
    #[serde(default)]
    household: String,
    #[serde(default)]
    date: String,
    #[serde(default)]
    notes: String,
}

pub async fn open(
    State(app): State<AppState>,
    f: SignedInForm<OpenForm>,
) -> Result<Response, UiError> {
    let cap = f.session.actor.grant::<WriteCases>()?;
    let to = "/resettlement";
    let household = parse_household(&f.form.household).map_err(invalid(to))?;
    let on = parse_day("date", &f.form.date)
        .and_then(|d| d.ok_or_else(|| Invalid::new("date", "invalid-required", "is required")))
        .map_err(invalid(to))?;
    let id = resettlement::open(&app, &cap, &household, on, f.form.notes.trim())
        .await
        .map_err(UiError::back(to))?;
    Ok(Redirect::to(&format!("/resettlement/cases/{id}")).into_response())
}

#[derive(serde::Deserialize)]
pub struct StepForm {
    #[serde(default)]
    stage: String,
    #[serde(default)]
    date: String,
    #[serde(default)]
    country: String,
    #[serde(default)]
    offer: String,
    #[serde(default)]
    priority: String,
    #[serde(default)]
    category: String,
    #[serde(default)]
    notes: String,
}

pub async fn step(
    State(app): State<AppState>,
    Path(id): Path<i64>,
    f: SignedInForm<StepForm>,
) -> Result<Response, UiError> {
    let cap = f.session.actor.grant::<WriteCases>()?;
    let to = format!("/resettlement/cases/{id}");
    let s = &f.form;
    let input = StepInput::parse(&StepText {
        stage: &s.stage,
        on: &s.date,
        country: &s.country,
        offer: &s.offer,
        priority: &s.priority,
        category: &s.category,
        note: &s.notes,
    })
    .map_err(invalid(&to))?;
    resettlement::step(&app, &cap, id, &input)
        .await
        .map_err(UiError::back(&to))?;
    Ok(done(&to, "case-flash-step"))
}

#[derive(serde::Deserialize)]
pub struct OfferForm {
    #[serde(default)]
    country: String,
    #[serde(default)]
    announced_on: String,
    #[serde(default)]
    places: String,
    #[serde(default)]
    max_household: String,
    #[serde(default)]
    medical: String,
    #[serde(default)]
    notes: String,
}

impl OfferForm {
    fn parse(&self) -> Result<OfferInput, Invalid> {
        OfferInput::parse(&OfferText {
            country: &self.country,
            announced_on: &self.announced_on,
            places: &self.places,
            max_household: &self.max_household,
            medical: &self.medical,
            note: &self.notes,
        })
    }
}

pub async fn create_offer(
    State(app): State<AppState>,
    f: SignedInForm<OfferForm>,
) -> Result<Response, UiError> {
    let cap = f.session.actor.grant::<WriteCases>()?;
    let to = "/resettlement/offers";
    let input = f.form.parse().map_err(invalid(to))?;
    let id = offers::create(&app, &cap, &input)
        .await
        .map_err(UiError::back(to))?;
    Ok(Redirect::to(&format!("/resettlement/offers/{id}")).into_response())
}

pub async fn update_offer(
    State(app): State<AppState>,
    Path(id): Path<i64>,
    f: SignedInForm<OfferForm>,
) -> Result<Response, UiError> {
    let cap = f.session.actor.grant::<WriteCases>()?;
    let to = format!("/resettlement/offers/{id}");
    let input = f.form.parse().map_err(invalid(&to))?;
    offers::update(&app, &cap, id, &input)
        .await
        .map_err(UiError::back(&to))?;
    Ok(done(&to, "flash-saved"))
}
