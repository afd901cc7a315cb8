//! The documenter's forms: record an agreement, add a commitment with its term, add a
//! dated, sourced observation. Each parses its form, calls one action, and goes to the
//! page of what it recorded (or back, with the field named, when the input is bad).

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};

use super::page::done;
use crate::actions::documentation::commitments as acts;
use crate::auth::capability::WriteDocumentation;
use crate::domain::commitment::input::{
    AgreementInput, AgreementText, CommitmentInput, CommitmentText, ObservationInput,
    ObservationText,
};
use crate::domain::Invalid;
use crate::web::error::UiError;
use crate::web::extract::SignedInForm;
use crate::web::AppState;

fn invalid(to: &str) -> impl FnOnce(Invalid) -> UiError {
    let to = to.to_string();
    move |i| UiError::back(to)(i.into())
}

#[derive(serde::Deserialize)]
pub struct AgreementForm {
    #[serde(default)]
    title: String,
    #[serde(default)]
    agreement_kind: String,
    #[serde(default)]
    made_on: String,
    #[serde(default)]
    summary: String,
    /// One organisation a line.
    #[serde(default)]
    parties: String,
    /// One a line: `name | party`.
    #[serde(default)]
    signatories: String,
    #[serde(default)]
    source: String,
    #[serde(default)]
    locator: String,
}

pub async fn create(
    State(app): State<AppState>,
    f: SignedInForm<AgreementForm>,
) -> Result<Response, UiError> {
    let cap = f.session.actor.grant::<WriteDocumentation>()?;
    let to = "/documentation/agreements";
    let a = &f.form;
    let parties: Vec<String> = a.parties.lines().map(str::to_string).collect();
    let sigs: Vec<(String, String)> = a
        .signatories
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| match l.split_once('|') {
            Some((n, p)) => (n.to_string(), p.to_string()),
            None => (l.to_string(), String::new()),
        })
        .collect();
    let sources = match a.source.trim() {
        "" => vec![],
        s => vec![(
            s.parse::<i64>().map_err(|_| {
                invalid(to)(Invalid::new(
                    "sources",
                    "invalid-choice",
                    "expected a source",
                ))
            })?,
            a.locator.clone(),
        )],
    };
    let input = AgreementInput::parse(
        &AgreementText {
            title: &a.title,
            kind: &a.agreement_kind,
            made_on: &a.made_on,
            summary: &a.summary,
        },
        &parties,
        &sigs,
        &sources,
    )
    .map_err(invalid(to))?;
    let id = acts::create_agreement(&app, &cap, &input)
        .await
        .map_err(UiError::back(to))?;
    Ok(Redirect::to(&format!("/documentation/agreements/{id}")).into_response())
}

#[derive(serde::Deserialize)]
pub struct CommitmentForm {
    #[serde(default)]
    statement: String,
    #[serde(default)]
    owed_by: String,
    #[serde(default)]
    owed_to: String,
    #[serde(default)]
    site: String,
    #[serde(default)]
    convoy: String,
    #[serde(default)]
    from: String,
    #[serde(default)]
    until: String,
    #[serde(default)]
    term: String,
    #[serde(default)]
    due_on: String,
    #[serde(default)]
    item: String,
    #[serde(default)]
    quantity: String,
    #[serde(default)]
    per_residents: String,
    #[serde(default)]
    share_permille: String,
    #[serde(default)]
    visits: String,
    #[serde(default)]
    period_days: String,
    #[serde(default)]
    category: String,
}

pub async fn add_commitment(
    State(app): State<AppState>,
    Path(id): Path<i64>,
    f: SignedInForm<CommitmentForm>,
) -> Result<Response, UiError> {
    let cap = f.session.actor.grant::<WriteDocumentation>()?;
    let to = format!("/documentation/agreements/{id}");
    let k = &f.form;
    let input = CommitmentInput::parse(&CommitmentText {
        statement: &k.statement,
        owed_by: &k.owed_by,
        owed_to: &k.owed_to,
        site: &k.site,
        convoy: &k.convoy,
        from: &k.from,
        until: &k.until,
        term: &k.term,
        due_on: &k.due_on,
        item: &k.item,
        quantity: &k.quantity,
        per_residents: &k.per_residents,
        share_permille: &k.share_permille,
        visits: &k.visits,
        period_days: &k.period_days,
        category: &k.category,
    })
    .map_err(invalid(&to))?;
    let cid = acts::add_commitment(&app, &cap, id, &input)
        .await
        .map_err(UiError::back(&to))?;
    Ok(Redirect::to(&format!("/documentation/commitments/{cid}")).into_response())
}

#[derive(serde::Deserialize)]
pub struct ObservationForm {
    #[serde(default)]
    observed_on: String,
    #[serde(default)]
    outcome: String,
    #[serde(default)]
    share_permille: String,
    #[serde(default)]
    counted: String,
    #[serde(default)]
    source: String,
    #[serde(default)]
    locator: String,
    #[serde(default)]
    note: String,
}

pub async fn add_observation(
    State(app): State<AppState>,
    Path(id): Path<i64>,
    f: SignedInForm<ObservationForm>,
) -> Result<Response, UiError> {
    let cap = f.session.actor.grant::<WriteDocumentation>()?;
    let to = format!("/documentation/commitments/{id}");
    let o = &f.form;
    let input = ObservationInput::parse(&ObservationText {
        observed_on: &o.observed_on,
        outcome: &o.outcome,
        share_permille: &o.share_permille,
        counted: &o.counted,
        source: &o.source,
        locator: &o.locator,
        note: &o.note,
    })
    .map_err(invalid(&to))?;
    acts::add_observation(&app, &cap, id, &input)
        .await
        .map_err(UiError::back(&to))?;
    Ok(done(&to, "flash-saved"))
}
