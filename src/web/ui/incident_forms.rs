//! The documenter's incident forms: record an incident (with its sources' claims, in
//! one step), add an act with its victims,
//! an alleged perpetrator, a source's claim, the accepted figure, the verification.
//! Each parses its form, calls one action, and goes back to the incident's page.

use std::collections::HashMap;

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};

use super::page::done;
use crate::actions::documentation::{incidents, recording};
use crate::auth::capability::WriteDocumentation;
use crate::domain::incident::{
    ActInput, ActText, FigureInput, IncidentInput, IncidentText, PerpetratorInput,
    VerificationInput,
};
use crate::domain::source::{ClaimInput, ClaimText};
use crate::domain::Invalid;
use crate::web::error::UiError;
use crate::web::extract::SignedInForm;
use crate::web::AppState;

pub(crate) fn invalid(to: &str) -> impl FnOnce(Invalid) -> UiError {
    let to = to.to_string();
    move |i| UiError::back(to)(i.into())
}

fn page_of(id: i64) -> String {
    format!("/documentation/incidents/{id}")
}

#[derive(serde::Deserialize)]
pub struct IncidentForm {
    #[serde(default)]
    pub(crate) title: String,
    #[serde(default)]
    pub(crate) category: String,
    #[serde(default)]
    pub(crate) started: String,
    #[serde(default)]
    pub(crate) ended: String,
    #[serde(default)]
    pub(crate) site: String,
    #[serde(default)]
    pub(crate) place: String,
    #[serde(default)]
    pub(crate) lat: String,
    #[serde(default)]
    pub(crate) lon: String,
    #[serde(default)]
    pub(crate) geo_precision: String,
    #[serde(default)]
    pub(crate) description: String,
    /// The claim rows of the form that records an incident: `claims[0].source`,
    /// `claims[0].values`, … (the same paths a refusal names).
    #[serde(flatten)]
    pub(crate) rest: HashMap<String, String>,
}

/// How many sources' claims the form that records an incident offers; more are added
/// on the incident's page.
pub(crate) const CLAIM_ROWS: usize = 2;

impl IncidentForm {
    pub(crate) fn input(&self) -> Result<IncidentInput, Invalid> {
        IncidentInput::parse(&IncidentText {
            title: &self.title,
            category: &self.category,
            started: &self.started,
            ended: &self.ended,
            site: &self.site,
            place: &self.place,
            lat: &self.lat,
            lon: &self.lon,
            geo_precision: &self.geo_precision,
            description: &self.description,
        })
    }

    /// The claims typed in the claim rows, in order; a row with no source and nothing
    /// typed is skipped (its grade has a default). A refusal names the claim by its
    /// place in the list recorded (`claims[0]`), as the recording does.
    pub(crate) fn claims(&self) -> Result<Vec<ClaimInput>, Invalid> {
        let mut out = Vec::new();
        for n in 0..CLAIM_ROWS {
            let get = |field: &str| {
                self.rest
                    .get(&format!("claims[{n}].{field}"))
                    .map_or("", String::as_str)
            };
            let typed = ["source", "values", "statement", "locator"]
                .iter()
                .any(|f| !get(f).trim().is_empty());
            if !typed {
                continue;
            }
            let claim = ClaimInput::parse(&ClaimText {
                source: get("source"),
                locator: get("locator"),
                statement: get("statement"),
                values: get("values"),
                credibility: get("credibility"),
                ..ClaimText::default()
            })
            .map_err(|i| i.in_item("claims", out.len()))?;
            out.push(claim);
        }
        Ok(out)
    }
}

pub async fn create(
    State(app): State<AppState>,
    f: SignedInForm<IncidentForm>,
) -> Result<Response, UiError> {
    let cap = f.session.actor.grant::<WriteDocumentation>()?;
    let to = "/documentation/incidents";
    let input = f.form.input().map_err(invalid(to))?;
    let claims = f.form.claims().map_err(invalid(to))?;
    let done = recording::record(&app, &cap, &input, &claims)
        .await
        .map_err(UiError::back(to))?;
    Ok(Redirect::to(&page_of(done.id)).into_response())
}

#[derive(serde::Deserialize)]
pub struct ActForm {
    #[serde(default)]
    act: String,
    #[serde(default)]
    person: String,
    #[serde(default)]
    victims: String,
    #[serde(default)]
    sex: String,
    #[serde(default)]
    age_band: String,
}

pub async fn add_act(
    State(app): State<AppState>,
    Path(id): Path<i64>,
    f: SignedInForm<ActForm>,
) -> Result<Response, UiError> {
    let cap = f.session.actor.grant::<WriteDocumentation>()?;
    let to = page_of(id);
    let a = &f.form;
    let input = ActInput::parse(&ActText {
        act: &a.act,
        person: &a.person,
        victims: &a.victims,
        sex: &a.sex,
        age_band: &a.age_band,
    })
    .map_err(invalid(&to))?;
    incidents::add_act(&app, &cap, id, &input)
        .await
        .map_err(UiError::back(&to))?;
    Ok(done(&to, "flash-saved"))
}

#[derive(serde::Deserialize)]
pub struct PerpetratorForm {
    #[serde(default)]
    organisation: String,
    #[serde(default)]
    involvement: String,
}

pub async fn add_perpetrator(
    State(app): State<AppState>,
    Path(id): Path<i64>,
    f: SignedInForm<PerpetratorForm>,
) -> Result<Response, UiError> {
    let cap = f.session.actor.grant::<WriteDocumentation>()?;
    let to = page_of(id);
    let input =
        PerpetratorInput::parse(&f.form.organisation, &f.form.involvement).map_err(invalid(&to))?;
    incidents::add_perpetrator(&app, &cap, id, &input)
        .await
        .map_err(UiError::back(&to))?;
    Ok(done(&to, "flash-saved"))
}

#[derive(serde::Deserialize)]
pub struct ClaimForm {
    #[serde(default)]
    source: String,
    #[serde(default)]
    about: String,
    #[serde(default)]
    person: String,
    #[serde(default)]
    locator: String,
    #[serde(default)]
    statement: String,
    #[serde(default)]
    values: String,
    #[serde(default)]
    credibility: String,
}

pub async fn add_claim(
    State(app): State<AppState>,
    Path(id): Path<i64>,
    f: SignedInForm<ClaimForm>,
) -> Result<Response, UiError> {
    let cap = f.session.actor.grant::<WriteDocumentation>()?;
    let to = page_of(id);
    let c = &f.form;
    let input = ClaimInput::parse(&ClaimText {
        source: &c.source,
        about: &c.about,
        person: &c.person,
        locator: &c.locator,
        statement: &c.statement,
        values: &c.values,
        credibility: &c.credibility,
    })
    .map_err(invalid(&to))?;
    incidents::add_claim(&app, &cap, id, &input)
        .await
        .map_err(UiError::back(&to))?;
    Ok(done(&to, "flash-saved"))
}

#[derive(serde::Deserialize)]
pub struct FigureForm {
    #[serde(default)]
    measure: String,
    #[serde(default)]
    value: String,
    #[serde(default)]
    reason: String,
}

pub async fn set_figure(
    State(app): State<AppState>,
    Path(id): Path<i64>,
    f: SignedInForm<FigureForm>,
) -> Result<Response, UiError> {
    let cap = f.session.actor.grant::<WriteDocumentation>()?;
    let to = page_of(id);
    let input =
        FigureInput::parse(&f.form.measure, &f.form.value, &f.form.reason).map_err(invalid(&to))?;
    incidents::set_figure(&app, &cap, id, &input)
        .await
        .map_err(UiError::back(&to))?;
    Ok(done(&to, "flash-saved"))
}

#[derive(serde::Deserialize)]
pub struct VerificationForm {
    #[serde(default)]
    verification: String,
    #[serde(default)]
    reason: String,
}

pub async fn set_verification(
    State(app): State<AppState>,
    Path(id): Path<i64>,
    f: SignedInForm<VerificationForm>,
) -> Result<Response, UiError> {
    let cap = f.session.actor.grant::<WriteDocumentation>()?;
    let to = page_of(id);
    let input =
        VerificationInput::parse(&f.form.verification, &f.form.reason).map_err(invalid(&to))?;
    incidents::set_verification(&app, &cap, id, &input)
        .await
        .map_err(UiError::back(&to))?;
    Ok(done(&to, "flash-saved"))
}
