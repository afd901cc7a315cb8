//! Completing a convoy: everyone on it moves to the destination in one audited
//! transaction — present there from the arrival date, "convoy N" in their history —
//! except those who did not arrive, who are recorded missing. The head counts at
//! departure and arrival are kept beside the list, so the page can reconcile them.
//! People found missing later are marked in their own action.

use std::collections::BTreeMap;

use serde_json::json;

use super::{BLOCKED, NOT_AT_ORIGIN, NOT_COMPLETED};
use crate::actions::registry::people::{move_in, Move, Scope};
use crate::actions::{audit, ActionError, Event, Result};
use crate::app::App;
use crate::auth::capability::{Cap, WriteRegistry};
use crate::domain::convoy::{CompleteInput, ConvoyStatus, HeadCount, MAX_HEADS};
use crate::domain::person::{Choice, PersonCode, PersonStatus};
use crate::domain::Invalid;
use crate::store::convoys::{ConvoyRow, MemberRow};
use crate::store::{self, Conn};

/// What completing a convoy did.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct Completed {
    /// People now present at the destination.
    pub moved: i64,
    /// People recorded missing.
    pub missing: i64,
    pub head_count: HeadCount,
}

fn did_not_arrive_reason(seq: i64) -> String {
    format!("convoy {seq}: did not arrive")
}

fn missing_codes(members: &[MemberRow], codes: &[PersonCode]) -> Result<Vec<i64>> {
    codes
        .iter()
        .map(|code| {
            members
                .iter()
                .find(|m| m.code == code.as_str())
                .map(|m| m.person_id)
                .ok_or_else(|| {
                    Invalid::new(
                        "missing",
                        "convoy-invalid-not-listed",
                        format!("{} is not on the convoy", code.as_str()),
                    )
                    .into()
                })
        })
        .collect()
}

fn too_many_missing() -> ActionError {
    Invalid::new(
        "missing",
        "convoy-invalid-missing-count",
        "more people marked missing than the head counts say did not arrive",
    )
    .into()
}

async fn mark_one_missing(
    c: &mut Conn,
    app: &App,
    cap: &Cap<WriteRegistry>,
    convoy: &ConvoyRow,
    person_id: i64,
    at: i64,
) -> Result<()> {
    let m = Move {
        status: PersonStatus::Missing,
        site_id: None,
        effective_at: at,
        reason: did_not_arrive_reason(convoy.seq),
    };
    move_in(c, app, cap, person_id, &m, Scope::PersonSplittingHousehold).await?;
    store::convoys::set_outcome(c, convoy.convoy_id, person_id, "missing").await?;
    Ok(())
}

/// Completes a convoy inside the caller's transaction (the demo completes seven).
pub async fn complete_in(
    c: &mut Conn,
    app: &App,
    cap: &Cap<WriteRegistry>,
    convoy_id: i64,
    input: &CompleteInput,
) -> Result<Completed> {
    let convoy = super::open_convoy(c, convoy_id).await?;
    if convoy.status == ConvoyStatus::Blocked.as_str() {
        return Err(ActionError::Refused(BLOCKED));
    }
    let arrived_on = input
        .arrived_on
        .or(convoy.arrived_on)
        .ok_or_else(|| Invalid::new("arrived_on", "invalid-required", "is required"))?;
    let departed_on = input.departed_on.or(convoy.departed_on);
    if departed_on.is_some_and(|d| arrived_on < d) {
        return Err(Invalid::new(
            "arrived_on",
            "convoy-invalid-arrival-before-departure",
            "must not be before the departure date",
        )
        .into());
    }
    let members = store::convoys::members(c, convoy_id).await?;
    let listed = members.len() as i64;
    let left = input.left.unwrap_or(listed);
    if left < listed {
        return Err(Invalid::new(
            "left",
            "convoy-invalid-left-below-listed",
            "fewer left than are listed: take those who stayed off the convoy first",
        )
        .into());
    }
    if left > MAX_HEADS || input.arrived > left {
        return Err(Invalid::new(
            "arrived",
            "convoy-invalid-more-arrived",
            "cannot be more than the number who left",
        )
        .into());
    }
    let missing = missing_codes(&members, &input.missing)?;
    if missing.len() as i64 > left - input.arrived {
        return Err(too_many_missing());
    }
    if members.iter().any(|m| {
        m.status != PersonStatus::Present.as_str() || m.site_id != Some(convoy.origin_site_id)
    }) {
        return Err(ActionError::Refused(NOT_AT_ORIGIN));
    }

    // Households travel together: a household entirely on the convoy, with no one
    // missing, moves as one (`Scope::Household`). That scope moves every member
    // whatever their status, so any other household — split by the registrar's
    // choice, with members who are elsewhere or deceased, or with someone who did not
    // arrive — moves person by person, and only the people listed.
    let mut households: BTreeMap<i64, Vec<&MemberRow>> = BTreeMap::new();
    let mut alone: Vec<&MemberRow> = Vec::new();
    for m in &members {
        match m.household_id {
            Some(h) => households.entry(h).or_default().push(m),
            None => alone.push(m),
        }
    }
    let mut whole: Vec<i64> = Vec::new();
    for (h, listed_members) in households {
        let all = store::people::in_household(c, h).await?;
        let complete = all.len() == listed_members.len()
            && !listed_members
                .iter()
                .any(|m| missing.contains(&m.person_id));
        match (complete, listed_members.first()) {
            (true, Some(first)) => whole.push(first.person_id),
            _ => alone.extend(listed_members),
        }
    }
    store::convoys::set_outcome_all(c, convoy_id, "arrived").await?;
    for id in &missing {
        mark_one_missing(c, app, cap, &convoy, *id, arrived_on).await?;
    }
    let arrival = Move {
        status: PersonStatus::Present,
        site_id: Some(convoy.destination_site_id),
        effective_at: arrived_on,
        reason: format!("convoy {}", convoy.seq),
    };
    let mut moved = 0;
    for first in whole {
        moved += move_in(c, app, cap, first, &arrival, Scope::Household)
            .await?
            .len() as i64;
    }
    let mut split_households = Vec::new();
    for m in alone.iter().filter(|m| !missing.contains(&m.person_id)) {
        moved += move_in(
            c,
            app,
            cap,
            m.person_id,
            &arrival,
            Scope::PersonSplittingHousehold,
        )
        .await?
        .len() as i64;
        split_households.extend(m.household_id);
    }
    // A household whose present members are now all at the destination lives there.
    split_households.sort_unstable();
    split_households.dedup();
    for h in split_households {
        let all = store::people::in_household(c, h).await?;
        let elsewhere = all.iter().any(|p| {
            p.status == PersonStatus::Present.as_str()
                && p.site_id != Some(convoy.destination_site_id)
        });
        if !elsewhere {
            store::households::set_site(c, h, Some(convoy.destination_site_id), app.now()).await?;
        }
    }
    store::convoys::set_completed(
        c,
        convoy_id,
        departed_on,
        arrived_on,
        left,
        input.arrived,
        app.now(),
    )
    .await?;
    let head_count = HeadCount {
        listed,
        left: Some(left),
        arrived: Some(input.arrived),
        missing: missing.len() as i64,
    };
    audit(
        c,
        app,
        cap.actor(),
        Event {
            action: "convoy.complete",
            object_type: "convoy",
            object_id: convoy_id.to_string(),
            summary: format!(
                "convoy {}: listed {listed}, left {left}, arrived {}, marked missing {}; {moved} moved to site {}",
                convoy.seq,
                input.arrived,
                missing.len(),
                convoy.destination_site_id
            ),
            details: json!({ "departed_on": departed_on, "arrived_on": arrived_on,
                             "missing": input.missing.iter().map(PersonCode::as_str).collect::<Vec<_>>() }),
        },
    )
    .await?;
    Ok(Completed {
        moved,
        missing: missing.len() as i64,
        head_count,
    })
}

/// Completes a convoy: refused when it is blocked or already completed.
pub async fn complete(
    app: &App,
    cap: &Cap<WriteRegistry>,
    convoy_id: i64,
    input: &CompleteInput,
) -> Result<Completed> {
    let mut tx = app.store.write().await?;
    let done = complete_in(&mut tx, app, cap, convoy_id, input).await?;
    tx.commit().await?;
    Ok(done)
}

/// People on a completed convoy found later not to have arrived: recorded missing as
/// of the arrival date. `arrived`, when given, corrects the arrival head count.
pub async fn mark_missing(
    app: &App,
    cap: &Cap<WriteRegistry>,
    convoy_id: i64,
    codes: &[PersonCode],
    arrived: Option<i64>,
) -> Result<i64> {
    let mut tx = app.store.write().await?;
    let convoy = store::convoys::get(&mut tx, convoy_id)
        .await?
        .ok_or(ActionError::NotFound)?;
    let arrived_on = match convoy.arrived_on {
        Some(at) if convoy.status == ConvoyStatus::Completed.as_str() => at,
        _ => return Err(ActionError::Refused(NOT_COMPLETED)),
    };
    if codes.is_empty() {
        return Err(Invalid::new("missing", "invalid-required", "is required").into());
    }
    let members = store::convoys::members(&mut tx, convoy_id).await?;
    let ids = missing_codes(&members, codes)?;
    let left = convoy.left_count.unwrap_or(members.len() as i64);
    let arrived_count = arrived.or(convoy.arrived_count).unwrap_or(left);
    if arrived_count > left {
        return Err(Invalid::new(
            "arrived",
            "convoy-invalid-more-arrived",
            "cannot be more than the number who left",
        )
        .into());
    }
    let already = members.iter().filter(|m| m.outcome == "missing").count() as i64;
    let new: Vec<&MemberRow> = members
        .iter()
        .filter(|m| ids.contains(&m.person_id) && m.outcome != "missing")
        .collect();
    if already + new.len() as i64 > left - arrived_count {
        return Err(too_many_missing());
    }
    if new.iter().any(|m| {
        m.status != PersonStatus::Present.as_str() || m.site_id != Some(convoy.destination_site_id)
    }) {
        return Err(Invalid::new(
            "missing",
            "convoy-invalid-not-at-destination",
            "someone chosen is no longer recorded present at the destination",
        )
        .into());
    }
    for m in &new {
        mark_one_missing(&mut tx, app, cap, &convoy, m.person_id, arrived_on).await?;
    }
    if arrived.is_some() {
        store::convoys::set_arrived_count(&mut tx, convoy_id, arrived_count, app.now()).await?;
    }
    let codes: Vec<&str> = new.iter().map(|m| m.code.as_str()).collect();
    audit(
        &mut tx,
        app,
        cap.actor(),
        Event {
            action: "convoy.mark_missing",
            object_type: "convoy",
            object_id: convoy_id.to_string(),
            summary: format!(
                "convoy {}: marked missing {}; arrived count {arrived_count}",
                convoy.seq,
                if codes.is_empty() {
                    "no one new".to_string()
                } else {
                    codes.join(", ")
                }
            ),
            details: json!({ "missing": codes, "arrived": arrived_count }),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(new.len() as i64)
}
