//! Resettlement cases: opening one for a household, moving it through the stages (each
//! step dated and audited; a departure records the household as resettled), and
//! reading cases with their history. Country offers are in `offers`.

pub mod allocation;
pub mod export;
pub mod offers;
pub mod pipeline;
pub mod priority;

use serde_json::json;

use crate::actions::{audit, ActionError, Event, Result};
use crate::app::App;
use crate::auth::capability::{ReadRecord, WriteCases};
use crate::auth::Cap;
use crate::domain::person::{Choice, PersonStatus};
use crate::domain::resettlement::{check_step, meets_conditions, Stage, StepInput};
use crate::domain::Invalid;
use crate::store::resettlement::{CaseRow, CaseState, NewStep, OfferRow, StageCount, StepRow};
use crate::store::{self, Conn};

const DAY_MS: i64 = 86_400_000;

/// The day (midnight UTC, epoch ms) that `ms` falls on.
pub fn day_of(ms: i64) -> i64 {
    ms - ms.rem_euclid(DAY_MS)
}

/// A household named by its code (`HH-…`) or by the code of one of its people.
pub fn parse_household(s: &str) -> Result<String, Invalid> {
    let s = s.trim().to_ascii_uppercase();
    if s.is_empty() {
        return Err(Invalid::new("household", "invalid-required", "is required"));
    }
    if s.len() > 40 || !s.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
        return Err(Invalid::new(
            "household",
            "case-invalid-household",
            "expected a household code (HH-…) or a person's code",
        ));
    }
    Ok(s)
}

async fn household_id(c: &mut Conn, code: &str) -> Result<i64> {
    if let Some(h) = store::households::by_code(c, code).await? {
        return Ok(h.household_id);
    }
    match store::people::by_code(c, code).await? {
        Some(p) => p.household_id.ok_or_else(|| {
            Invalid::new(
                "household",
                "case-invalid-no-household",
                "this person belongs to no household",
            )
            .into()
        }),
        None => Err(Invalid::new(
            "household",
            "case-invalid-unknown-household",
            "no household or person has this code",
        )
        .into()),
    }
}

async fn people_of(c: &mut Conn, household_id: i64) -> Result<i64> {
    let n = store::resettlement::household_people(c, household_id)
        .await?
        .len() as i64;
    if n == 0 {
        return Err(Invalid::new(
            "household",
            "case-invalid-empty-household",
            "no one in this household can be resettled",
        )
        .into());
    }
    Ok(n)
}

/// Opens a case for a household at the stage `identified`, on day `on`, inside the
/// caller's transaction (the demo opens thousands in one). Refused while the household
/// has another open case, and for a household that has departed.
pub async fn open_in(
    c: &mut Conn,
    app: &App,
    cap: &Cap<WriteCases>,
    household: &str,
    on: i64,
    note: &str,
) -> Result<i64> {
    if on > day_of(app.now()) {
        return Err(
            Invalid::new("date", "case-invalid-future", "must not be in the future").into(),
        );
    }
    let household_id = household_id(c, household).await?;
    if store::resettlement::open_case_of(c, household_id)
        .await?
        .is_some()
    {
        return Err(Invalid::new(
            "household",
            "case-invalid-already-open",
            "this household already has an open case",
        )
        .into());
    }
    // A departure is final: the household was resettled, and a second case would
    // count its people twice in the funnel, the forecast and the allocation.
    if let Some(id) = store::resettlement::departed_case_of(c, household_id).await? {
        return Err(Invalid::new(
            "household",
            "case-invalid-departed",
            format!("this household has departed for resettlement (case {id}): it cannot have a new case"),
        )
        .into());
    }
    let people = people_of(c, household_id).await?;
    let state = CaseState {
        stage: Stage::Identified.as_str(),
        on,
        country: None,
        offer_id: None,
        priority: None,
        category: None,
        people,
    };
    let now = app.now();
    let id = store::resettlement::insert_case(c, household_id, &state, now).await?;
    store::resettlement::insert_step(
        c,
        id,
        &NewStep {
            state,
            note,
            recorded_by: &cap.actor().username,
        },
        now,
    )
    .await?;
    audit(
        c,
        app,
        cap.actor(),
        Event {
            action: "case.open",
            object_type: "resettlement_case",
            object_id: id.to_string(),
            summary: format!("case {id}: household {household_id}, {people} people, identified"),
            details: json!({ "household_id": household_id, "on": on, "people": people }),
        },
    )
    .await?;
    Ok(id)
}

pub async fn open(
    app: &App,
    cap: &Cap<WriteCases>,
    household: &str,
    on: i64,
    note: &str,
) -> Result<i64> {
    let mut tx = app.store.write().await?;
    let id = open_in(&mut tx, app, cap, household, on, note).await?;
    tx.commit().await?;
    Ok(id)
}

/// The offer a submission names, checked against the household and its conditions.
async fn offer_for(c: &mut Conn, id: i64, household_id: i64, people: i64) -> Result<OfferRow> {
    let offer = store::resettlement::offer(c, id)
        .await?
        .ok_or_else(|| Invalid::new("offer", "case-invalid-unknown-offer", "no such offer"))?;
    let medical = store::resettlement::household_medical(c, household_id).await?;
    meets_conditions(offer.max_household, offer.medical != 0, people, medical)?;
    Ok(offer)
}

/// Moves a case to its next stage inside the caller's transaction; returns the step.
pub async fn step_in(
    c: &mut Conn,
    app: &App,
    cap: &Cap<WriteCases>,
    case_id: i64,
    s: &StepInput,
) -> Result<i64> {
    let case = store::resettlement::case(c, case_id)
        .await?
        .ok_or(ActionError::NotFound)?;
    let current = Stage::parse(&case.stage)
        .map_err(|_| ActionError::Internal(format!("case {case_id} has an unknown stage")))?;
    let rejected = store::resettlement::rejected_by(c, case_id).await?;
    check_step(current, case.stage_on, s, day_of(app.now()), &rejected)?;
    let people = people_of(c, case.household_id).await?;
    // What the case says after the step: a submission sets country, offer, priority and
    // category; every other step carries them on (a rejection names who rejected).
    let (mut country, mut offer_id) = (case.country.clone(), case.offer_id);
    let (mut priority, mut category) = (case.priority.clone(), case.category.clone());
    if s.stage == Stage::Submitted {
        offer_id = s.offer_id;
        country = s.country.as_ref().map(|c| c.as_str().to_string());
        if let Some(id) = s.offer_id {
            let offer = offer_for(c, id, case.household_id, people).await?;
            if country.as_ref().is_some_and(|c| *c != offer.country) {
                return Err(Invalid::new(
                    "country",
                    "case-invalid-offer-country",
                    "differs from the country of the offer",
                )
                .into());
            }
            if rejected.contains(&offer.country) {
                return Err(Invalid::new(
                    "offer",
                    "case-invalid-rejected-country",
                    "this country has already rejected the case: submit it to another",
                )
                .into());
            }
            country = Some(offer.country);
        }
        priority = s.priority.map(|p| p.as_str().to_string());
        category = s.category.map(|p| p.as_str().to_string());
    }
    if s.stage == Stage::Accepted {
        if let Some(id) = offer_id {
            let offer = offer_for(c, id, case.household_id, people).await?;
            if offer.used + people > offer.places {
                return Err(Invalid::new(
                    "offer",
                    "case-invalid-offer-full",
                    format!("the offer has {} places left", offer.left()),
                )
                .into());
            }
        }
    }
    let state = CaseState {
        stage: s.stage.as_str(),
        on: s.on,
        country: country.as_deref(),
        offer_id,
        priority: priority.as_deref(),
        category: category.as_deref(),
        people,
    };
    let now = app.now();
    store::resettlement::set_state(c, case_id, &state, now).await?;
    let step = store::resettlement::insert_step(
        c,
        case_id,
        &NewStep {
            state,
            note: &s.note,
            recorded_by: &cap.actor().username,
        },
        now,
    )
    .await?;
    if s.stage == Stage::Departed {
        // The household leaves the camp: each member's history says where to.
        let reason = format!(
            "resettled to {} (case {case_id})",
            country.as_deref().unwrap_or("?")
        );
        for (person_id, _) in store::resettlement::household_people(c, case.household_id).await? {
            let status = PersonStatus::Resettled.as_str();
            store::people::set_place(c, person_id, None, status, now).await?;
            store::people::add_history(c, person_id, status, None, s.on, now, &reason).await?;
        }
    }
    audit(
        c,
        app,
        cap.actor(),
        Event {
            action: "case.step",
            object_type: "resettlement_case",
            object_id: case_id.to_string(),
            summary: format!(
                "case {case_id}: {} → {}{}",
                case.stage,
                s.stage.as_str(),
                country
                    .as_deref()
                    .map(|c| format!(", {c}"))
                    .unwrap_or_default()
            ),
            details: json!({ "from": case.stage, "to": s.stage.as_str(), "on": s.on,
                             "country": country, "offer_id": offer_id, "priority": priority,
                             "category": category, "people": people, "note": s.note }),
        },
    )
    .await?;
    Ok(step)
}

pub async fn step(app: &App, cap: &Cap<WriteCases>, case_id: i64, s: &StepInput) -> Result<i64> {
    let mut tx = app.store.write().await?;
    let id = step_in(&mut tx, app, cap, case_id, s).await?;
    tx.commit().await?;
    Ok(id)
}

/// The most cases a list returns.
pub const LIST_LIMIT: i64 = 500;

/// Cases, at one stage or all, those that moved longest ago first.
pub async fn list(app: &App, _cap: &Cap<ReadRecord>, stage: Option<Stage>) -> Result<Vec<CaseRow>> {
    let mut c = app.store.read().await?;
    Ok(store::resettlement::cases(&mut c, stage.map(Stage::as_str), LIST_LIMIT).await?)
}

/// A case with its history and the codes of its people.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct CaseDetail {
    #[serde(flatten)]
    pub case: CaseRow,
    pub steps: Vec<StepRow>,
    /// Public codes of the household's people who go with the case.
    pub people_codes: Vec<String>,
    /// Countries that rejected the case.
    pub rejected_by: Vec<String>,
    /// The stages the case may move to next.
    pub next: Vec<String>,
}

pub async fn get(app: &App, _cap: &Cap<ReadRecord>, id: i64) -> Result<CaseDetail> {
    let mut c = app.store.read().await?;
    let case = store::resettlement::case(&mut c, id)
        .await?
        .ok_or(ActionError::NotFound)?;
    let next = Stage::parse(&case.stage)
        .map(|s| s.next().iter().map(|n| n.as_str().to_string()).collect())
        .unwrap_or_default();
    Ok(CaseDetail {
        steps: store::resettlement::steps(&mut c, id).await?,
        people_codes: store::resettlement::household_people(&mut c, case.household_id)
            .await?
            .into_iter()
            .map(|(_, code)| code)
            .collect(),
        rejected_by: store::resettlement::rejected_by(&mut c, id).await?,
        next,
        case,
    })
}

/// Cases and people at every stage (in funnel order, zeros included), now or at the
/// end of a past day.
pub async fn funnel(app: &App, _cap: &Cap<ReadRecord>, at: Option<i64>) -> Result<Vec<StageCount>> {
    let mut c = app.store.read().await?;
    let rows = match at {
        None => store::resettlement::funnel_now(&mut c).await?,
        Some(at) => store::resettlement::funnel_at(&mut c, at).await?,
    };
    Ok(Stage::FUNNEL
        .iter()
        .map(|s| {
            rows.iter()
                .find(|r| r.stage == s.as_str())
                .cloned()
                .unwrap_or(StageCount {
                    stage: s.as_str().to_string(),
                    cases: 0,
                    people: 0,
                })
        })
        .collect())
}
