//! The documenter's corrections: edit an incident, a source or an organisation;
//! retract an incident, a source or a claim with a reason. Each parses its
//! CSRF-checked form, calls one action (which audits it) and goes back to the page of
//! what it changed; bad input goes back with the field named and nothing written.

use axum::extract::{Path, State};
use axum::response::Response;

use super::incident_forms::{invalid, IncidentForm};
use super::page::done;
use super::sources::{OrgForm, SourceForm};
use crate::actions::documentation::corrections;
use crate::auth::capability::WriteDocumentation;
use crate::domain::incident::retraction::Retraction;
use crate::domain::source::OrganisationInput;
use crate::store::revisions::RevisionRow;
use crate::web::error::UiError;
use crate::web::extract::SignedInForm;
use crate::web::AppState;

#[derive(serde::Deserialize)]
pub struct RetractForm {
    #[serde(default)]
    reason: String,
}

pub async fn edit_incident(
    State(app): State<AppState>,
    Path(id): Path<i64>,
    f: SignedInForm<IncidentForm>,
) -> Result<Response, UiError> {
    let cap = f.session.actor.grant::<WriteDocumentation>()?;
    let to = format!("/documentation/incidents/{id}");
    let input = f.form.input().map_err(invalid(&to))?;
    corrections::edit_incident(&app, &cap, id, &input)
        .await
        .map_err(UiError::back(&to))?;
    Ok(done(&to, "flash-saved"))
}

pub async fn retract_incident(
    State(app): State<AppState>,
    Path(id): Path<i64>,
    f: SignedInForm<RetractForm>,
) -> Result<Response, UiError> {
    let cap = f.session.actor.grant::<WriteDocumentation>()?;
    let to = format!("/documentation/incidents/{id}");
    let r = Retraction::parse(&f.form.reason).map_err(invalid(&to))?;
    corrections::retract_incident(&app, &cap, id, &r)
        .await
        .map_err(UiError::back(&to))?;
    Ok(done(&to, "flash-retracted"))
}

pub async fn retract_claim(
    State(app): State<AppState>,
    Path(id): Path<i64>,
    f: SignedInForm<RetractForm>,
) -> Result<Response, UiError> {
    let cap = f.session.actor.grant::<WriteDocumentation>()?;
    // A refused retraction goes back to the incidents; a done one to where it stood.
    let back = "/documentation/incidents";
    let r = Retraction::parse(&f.form.reason).map_err(invalid(back))?;
    let (incident, source) = corrections::retract_claim(&app, &cap, id, &r)
        .await
        .map_err(UiError::back(back))?;
    let to = match incident {
        Some(i) => format!("/documentation/incidents/{i}"),
        None => format!("/documentation/sources/{source}"),
    };
    Ok(done(&to, "flash-retracted"))
}

pub async fn edit_source(
    State(app): State<AppState>,
    Path(id): Path<i64>,
    f: SignedInForm<SourceForm>,
) -> Result<Response, UiError> {
    let cap = f.session.actor.grant::<WriteDocumentation>()?;
    let to = format!("/documentation/sources/{id}");
    let input = f.form.input().map_err(invalid(&to))?;
    corrections::edit_source(&app, &cap, id, &input)
        .await
        .map_err(UiError::back(&to))?;
    Ok(done(&to, "flash-saved"))
}

pub async fn retract_source(
    State(app): State<AppState>,
    Path(id): Path<i64>,
    f: SignedInForm<RetractForm>,
) -> Result<Response, UiError> {
    let cap = f.session.actor.grant::<WriteDocumentation>()?;
    let to = format!("/documentation/sources/{id}");
    let r = Retraction::parse(&f.form.reason).map_err(invalid(&to))?;
    corrections::retract_source(&app, &cap, id, &r)
        .await
        .map_err(UiError::back(&to))?;
    Ok(done(&to, "flash-retracted"))
}

pub async fn edit_org(
    State(app): State<AppState>,
    Path(id): Path<i64>,
    f: SignedInForm<OrgForm>,
) -> Result<Response, UiError> {
    let cap = f.session.actor.grant::<WriteDocumentation>()?;
    let to = format!("/documentation/organisations/{id}");
    let input = OrganisationInput::parse(&f.form.name, &f.form.org_kind, &f.form.aliases)
        .map_err(invalid(&to))?;
    corrections::edit_org(&app, &cap, id, &input)
        .await
        .map_err(UiError::back(&to))?;
    Ok(done(&to, "flash-saved"))
}

/// Each earlier version in a sentence: when it was replaced, by whom, and what it said
/// (its fields as `name: value`, empty ones left out).
pub fn revision_lines(tr: &crate::i18n::Tr, revisions: &[RevisionRow]) -> Vec<String> {
    revisions
        .iter()
        .map(|r| {
            let was = serde_json::from_str::<serde_json::Value>(&r.before)
                .ok()
                .and_then(|v| v.as_object().cloned())
                .unwrap_or_default()
                .into_iter()
                .filter(|(_, v)| !(v.is_null() || v.as_str() == Some("")))
                .map(|(k, v)| match v {
                    serde_json::Value::String(s) => format!("{k}: {s}"),
                    // Times (started_at, published_on …) as the day they name.
                    serde_json::Value::Number(n) if k.ends_with("_at") || k.ends_with("_on") => {
                        let day = n
                            .as_i64()
                            .map(|ms| super::incidents::when(tr, ms, "day"))
                            .unwrap_or_default();
                        format!("{k}: {day}")
                    }
                    other => format!("{k}: {other}"),
                })
                .collect::<Vec<_>>()
                .join("; ");
            tr.t_args(
                "revision-line",
                &[
                    (
                        "when",
                        super::incidents::when(tr, r.revised_at, "exact").into(),
                    ),
                    ("by", r.revised_by.clone().into()),
                    ("was", was.into()),
                ],
            )
        })
        .collect()
}
