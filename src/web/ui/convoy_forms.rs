//! The registrar's convoy forms: create and change a convoy, list or take off
//! households, manifest lines, completion and people found missing later. Each parses
//! its form, calls one action, and goes back to the convoy's page with a message.

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};

use super::page::{done, FlashCookie};
use crate::actions::registry::convoys::{self, complete, manifest, members, refusal_key};
use crate::actions::registry::people::Scope;
use crate::actions::ActionError;
use crate::auth::capability::{ReadRecord, WriteRegistry};
use crate::domain::convoy::{
    parse_codes, CompleteInput, CompleteText, ConvoyInput, ConvoyText, LineText, ManifestLineInput,
    MAX_HEADS,
};
use crate::domain::person::PersonCode;
use crate::domain::site::parse_count;
use crate::domain::Invalid;
use crate::web::error::UiError;
use crate::web::extract::SignedInForm;
use crate::web::AppState;

/// Back to `to` with a message: input problems and refusals name what was wrong.
fn back(to: &str) -> impl FnOnce(ActionError) -> UiError {
    let to = to.to_string();
    move |e| match e {
        ActionError::Refused(why) => UiError::Back {
            to,
            flash: FlashCookie::error(refusal_key(why)),
        },
        other => UiError::back(to)(other),
    }
}

fn invalid(to: &str) -> impl FnOnce(Invalid) -> UiError {
    let to = to.to_string();
    move |i| UiError::back(to)(i.into())
}

fn page_of(id: i64) -> String {
    format!("/registry/convoys/{id}")
}

#[derive(serde::Deserialize)]
pub struct ConvoyForm {
    #[serde(default)]
    seq: String,
    #[serde(default)]
    origin: String,
    #[serde(default)]
    destination: String,
    #[serde(default)]
    planned_on: String,
    #[serde(default)]
    departed_on: String,
    #[serde(default)]
    arrived_on: String,
    #[serde(default)]
    status: String,
}

impl ConvoyForm {
    fn parse(&self) -> Result<ConvoyInput, Invalid> {
        ConvoyInput::parse(&ConvoyText {
            seq: &self.seq,
            origin: &self.origin,
            destination: &self.destination,
            planned_on: &self.planned_on,
            departed_on: &self.departed_on,
            arrived_on: &self.arrived_on,
            status: &self.status,
        })
    }
}

pub async fn create(
    State(app): State<AppState>,
    f: SignedInForm<ConvoyForm>,
) -> Result<Response, UiError> {
    let cap = f.session.actor.grant::<WriteRegistry>()?;
    let to = "/registry/convoys";
    let input = f.form.parse().map_err(invalid(to))?;
    let id = convoys::create(&app, &cap, &input)
        .await
        .map_err(back(to))?;
    Ok(Redirect::to(&page_of(id)).into_response())
}

pub async fn update(
    State(app): State<AppState>,
    Path(id): Path<i64>,
    f: SignedInForm<ConvoyForm>,
) -> Result<Response, UiError> {
    let cap = f.session.actor.grant::<WriteRegistry>()?;
    let to = page_of(id);
    let input = f.form.parse().map_err(invalid(&to))?;
    convoys::update(&app, &cap, id, &input)
        .await
        .map_err(back(&to))?;
    Ok(done(&to, "flash-saved"))
}

#[derive(serde::Deserialize)]
pub struct PeopleForm {
    #[serde(default)]
    code: String,
    #[serde(default)]
    scope: String,
}

impl PeopleForm {
    fn parse(&self) -> Result<(PersonCode, Scope), Invalid> {
        let scope = match self.scope.as_str() {
            "" | "household" => Scope::Household,
            "split" => Scope::PersonSplittingHousehold,
            "person" => Scope::Person,
            _ => {
                return Err(Invalid::new(
                    "scope",
                    "invalid-choice",
                    "expected household, person or split",
                ))
            }
        };
        Ok((PersonCode::parse(&self.code)?, scope))
    }
}

pub async fn add_people(
    State(app): State<AppState>,
    Path(id): Path<i64>,
    f: SignedInForm<PeopleForm>,
) -> Result<Response, UiError> {
    let cap = f.session.actor.grant::<WriteRegistry>()?;
    let to = page_of(id);
    let (code, scope) = f.form.parse().map_err(invalid(&to))?;
    members::add(&app, &cap, id, &code, scope)
        .await
        .map_err(back(&to))?;
    Ok(done(&to, "convoy-flash-added"))
}

pub async fn remove_people(
    State(app): State<AppState>,
    Path(id): Path<i64>,
    f: SignedInForm<PeopleForm>,
) -> Result<Response, UiError> {
    let cap = f.session.actor.grant::<WriteRegistry>()?;
    let to = page_of(id);
    let (code, scope) = f.form.parse().map_err(invalid(&to))?;
    members::remove(&app, &cap, id, &code, scope)
        .await
        .map_err(back(&to))?;
    Ok(done(&to, "convoy-flash-removed"))
}

#[derive(serde::Deserialize)]
pub struct LineForm {
    #[serde(default)]
    item: String,
    #[serde(default)]
    unit: String,
    #[serde(default)]
    agreed: String,
    #[serde(default)]
    allowed: String,
    #[serde(default)]
    moved: String,
    #[serde(default)]
    agreed_source: String,
    #[serde(default)]
    allowed_source: String,
    #[serde(default)]
    moved_source: String,
}

impl LineForm {
    fn parse(&self) -> Result<ManifestLineInput, Invalid> {
        ManifestLineInput::parse(&LineText {
            item: &self.item,
            unit: &self.unit,
            agreed: &self.agreed,
            allowed: &self.allowed,
            moved: &self.moved,
            agreed_source: &self.agreed_source,
            allowed_source: &self.allowed_source,
            moved_source: &self.moved_source,
        })
    }
}

pub async fn add_line(
    State(app): State<AppState>,
    Path(id): Path<i64>,
    f: SignedInForm<LineForm>,
) -> Result<Response, UiError> {
    let cap = f.session.actor.grant::<WriteRegistry>()?;
    let to = page_of(id);
    let line = f.form.parse().map_err(invalid(&to))?;
    manifest::add(&app, &cap, id, &line)
        .await
        .map_err(back(&to))?;
    Ok(done(&to, "flash-saved"))
}

/// The page of the convoy a manifest line belongs to (404 for an unknown line).
async fn line_page(
    app: &AppState,
    f: &SignedInForm<impl Send>,
    line_id: i64,
) -> Result<String, UiError> {
    let cap = f.session.actor.grant::<ReadRecord>()?;
    Ok(page_of(manifest::convoy_of(app, &cap, line_id).await?))
}

pub async fn update_line(
    State(app): State<AppState>,
    Path(line_id): Path<i64>,
    f: SignedInForm<LineForm>,
) -> Result<Response, UiError> {
    let cap = f.session.actor.grant::<WriteRegistry>()?;
    let to = line_page(&app, &f, line_id).await?;
    let line = f.form.parse().map_err(invalid(&to))?;
    manifest::update(&app, &cap, line_id, &line)
        .await
        .map_err(back(&to))?;
    Ok(done(&to, "flash-saved"))
}

#[derive(serde::Deserialize)]
pub struct NoFields {}

pub async fn remove_line(
    State(app): State<AppState>,
    Path(line_id): Path<i64>,
    f: SignedInForm<NoFields>,
) -> Result<Response, UiError> {
    let cap = f.session.actor.grant::<WriteRegistry>()?;
    let to = line_page(&app, &f, line_id).await?;
    manifest::remove(&app, &cap, line_id)
        .await
        .map_err(back(&to))?;
    Ok(done(&to, "convoy-flash-line-removed"))
}

/// The values of a form field that may repeat (checkboxes).
fn all<'a>(form: &'a [(String, String)], key: &str) -> Vec<&'a str> {
    form.iter()
        .filter(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
        .collect()
}

fn one<'a>(form: &'a [(String, String)], key: &str) -> &'a str {
    form.iter()
        .find(|(k, _)| k == key)
        .map_or("", |(_, v)| v.as_str())
}

pub async fn complete(
    State(app): State<AppState>,
    Path(id): Path<i64>,
    f: SignedInForm<Vec<(String, String)>>,
) -> Result<Response, UiError> {
    let cap = f.session.actor.grant::<WriteRegistry>()?;
    let to = page_of(id);
    let form = &f.form;
    let input = CompleteInput::parse(&CompleteText {
        departed_on: one(form, "departed_on"),
        arrived_on: one(form, "arrived_on"),
        left: one(form, "left"),
        arrived: one(form, "arrived"),
        missing: all(form, "missing"),
    })
    .map_err(invalid(&to))?;
    complete::complete(&app, &cap, id, &input)
        .await
        .map_err(back(&to))?;
    Ok(done(&to, "convoy-flash-completed"))
}

pub async fn mark_missing(
    State(app): State<AppState>,
    Path(id): Path<i64>,
    f: SignedInForm<Vec<(String, String)>>,
) -> Result<Response, UiError> {
    let cap = f.session.actor.grant::<WriteRegistry>()?;
    let to = page_of(id);
    let codes = parse_codes("missing", &all(&f.form, "missing")).map_err(invalid(&to))?;
    let arrived =
        parse_count("arrived", one(&f.form, "arrived"), 0..=MAX_HEADS).map_err(invalid(&to))?;
    complete::mark_missing(&app, &cap, id, &codes, arrived)
        .await
        .map_err(back(&to))?;
    Ok(done(&to, "convoy-flash-missing"))
}
