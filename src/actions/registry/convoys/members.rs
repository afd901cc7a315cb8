//! Who is on a convoy. A household travels together: adding or removing someone
//! takes their whole household unless the registrar explicitly chooses to split it,
//! as moves in the registry do (`people::Scope`). Only people present at the origin
//! can be listed, and no one is on two convoys that have not yet arrived.

use serde_json::json;

use super::open_convoy;
use crate::actions::registry::people::Scope;
use crate::actions::{audit, Event, Result};
use crate::app::App;
use crate::auth::capability::{Cap, WriteRegistry};
use crate::domain::person::{Choice, PersonCode, PersonStatus};
use crate::domain::Invalid;
use crate::store::convoys::ConvoyRow;
use crate::store::people::PersonRow;
use crate::store::{self, Conn};

fn scope_name(scope: Scope) -> &'static str {
    match scope {
        Scope::Household => "household",
        Scope::Person => "person",
        Scope::PersonSplittingHousehold => "person, splitting the household",
    }
}

fn would_split() -> Invalid {
    Invalid::new(
        "scope",
        "convoy-invalid-would-split",
        "this would split the household; take the whole household, or choose to split it",
    )
}

async fn person(c: &mut Conn, code: &PersonCode) -> Result<PersonRow> {
    store::people::by_code(c, code.as_str())
        .await?
        .ok_or_else(|| {
            Invalid::new(
                "code",
                "convoy-invalid-unknown-person",
                "no person has this code",
            )
            .into()
        })
}

/// The person's household, or the person alone.
async fn household_of(c: &mut Conn, p: &PersonRow) -> Result<Vec<PersonRow>> {
    Ok(match p.household_id {
        Some(h) => store::people::in_household(c, h).await?,
        None => vec![p.clone()],
    })
}

/// Lists a person (or their household) without auditing: (codes added, whether a
/// household was split).
async fn list_in(
    c: &mut Conn,
    app: &App,
    convoy: &ConvoyRow,
    person_id: i64,
    scope: Scope,
) -> Result<(Vec<String>, bool)> {
    let convoy_id = convoy.convoy_id;
    let p = store::people::get(c, person_id)
        .await?
        .ok_or(crate::actions::ActionError::NotFound)?;
    let at_origin = |m: &PersonRow| {
        m.status == PersonStatus::Present.as_str() && m.site_id == Some(convoy.origin_site_id)
    };
    if !at_origin(&p) {
        return Err(Invalid::new(
            "code",
            "convoy-invalid-not-at-origin",
            "this person is not present at the convoy's origin",
        )
        .into());
    }
    let household = household_of(c, &p).await?;
    let travellers: Vec<&PersonRow> = match scope {
        // Members elsewhere, deceased or gone stay where the record has them.
        Scope::Household => household.iter().filter(|m| at_origin(m)).collect(),
        Scope::Person | Scope::PersonSplittingHousehold => vec![&p],
    };
    let mut left_behind = false;
    for m in household.iter().filter(|m| at_origin(m)) {
        if !travellers.iter().any(|t| t.person_id == m.person_id)
            && !store::convoys::is_member(c, convoy_id, m.person_id).await?
        {
            left_behind = true;
        }
    }
    if scope == Scope::Person && left_behind {
        return Err(would_split().into());
    }
    // Every check before any write: a refused listing changes nothing.
    for t in &travellers {
        if let Some(seq) = store::convoys::open_convoy_of(c, t.person_id, convoy_id).await? {
            return Err(Invalid::new(
                "code",
                "convoy-invalid-on-other-convoy",
                format!(
                    "{} is already on convoy {seq}, which has not arrived",
                    t.code
                ),
            )
            .into());
        }
    }
    let now = app.now();
    let mut added = Vec::new();
    for t in &travellers {
        if store::convoys::add_member(c, convoy_id, t.person_id, now).await? {
            added.push(t.code.clone());
        }
    }
    Ok((added, left_behind))
}

/// Lists a person (or their household) on a convoy inside the caller's transaction;
/// returns the codes added.
pub async fn add_in(
    c: &mut Conn,
    app: &App,
    cap: &Cap<WriteRegistry>,
    convoy_id: i64,
    person_id: i64,
    scope: Scope,
) -> Result<Vec<String>> {
    let convoy = open_convoy(c, convoy_id).await?;
    let (added, left_behind) = list_in(c, app, &convoy, person_id, scope).await?;
    if !added.is_empty() {
        audit(
            c,
            app,
            cap.actor(),
            Event {
                action: "convoy.add_people",
                object_type: "convoy",
                object_id: convoy_id.to_string(),
                summary: format!(
                    "convoy {}: added {} ({}{})",
                    convoy.seq,
                    added.join(", "),
                    scope_name(scope),
                    if left_behind { "; household split" } else { "" }
                ),
                details: json!({ "added": added, "scope": scope_name(scope) }),
            },
        )
        .await?;
    }
    Ok(added)
}

/// Lists whole households on a convoy in one step with one audit entry (the demo
/// lists hundreds); `heads` names one member of each. Returns the number listed.
pub async fn add_households_in(
    c: &mut Conn,
    app: &App,
    cap: &Cap<WriteRegistry>,
    convoy_id: i64,
    heads: &[i64],
) -> Result<usize> {
    let convoy = open_convoy(c, convoy_id).await?;
    let mut n = 0;
    for id in heads {
        n += list_in(c, app, &convoy, *id, Scope::Household)
            .await?
            .0
            .len();
    }
    audit(
        c,
        app,
        cap.actor(),
        Event {
            action: "convoy.add_people",
            object_type: "convoy",
            object_id: convoy_id.to_string(),
            summary: format!(
                "convoy {}: added {n} people in {} households",
                convoy.seq,
                heads.len()
            ),
            details: json!({ "heads": heads }),
        },
    )
    .await?;
    Ok(n)
}

/// Lists the person with this code (or their household) on a convoy.
pub async fn add(
    app: &App,
    cap: &Cap<WriteRegistry>,
    convoy_id: i64,
    code: &PersonCode,
    scope: Scope,
) -> Result<Vec<String>> {
    let mut tx = app.store.write().await?;
    open_convoy(&mut tx, convoy_id).await?;
    let p = person(&mut tx, code).await?;
    let added = add_in(&mut tx, app, cap, convoy_id, p.person_id, scope).await?;
    tx.commit().await?;
    Ok(added)
}

/// Takes the person with this code (or every listed member of their household) off a
/// convoy that has not completed; returns the codes removed.
pub async fn remove(
    app: &App,
    cap: &Cap<WriteRegistry>,
    convoy_id: i64,
    code: &PersonCode,
    scope: Scope,
) -> Result<Vec<String>> {
    let mut tx = app.store.write().await?;
    let convoy = open_convoy(&mut tx, convoy_id).await?;
    let p = person(&mut tx, code).await?;
    let listed = store::convoys::members(&mut tx, convoy_id).await?;
    if !listed.iter().any(|m| m.person_id == p.person_id) {
        return Err(Invalid::new(
            "code",
            "convoy-invalid-not-listed",
            "this person is not on the convoy",
        )
        .into());
    }
    let same_household = |m: &&crate::store::convoys::MemberRow| {
        m.person_id == p.person_id || (p.household_id.is_some() && m.household_id == p.household_id)
    };
    let household: Vec<&crate::store::convoys::MemberRow> =
        listed.iter().filter(same_household).collect();
    let leaving: Vec<(i64, String)> = match scope {
        Scope::Household => household
            .iter()
            .map(|m| (m.person_id, m.code.clone()))
            .collect(),
        Scope::Person | Scope::PersonSplittingHousehold => vec![(p.person_id, p.code.clone())],
    };
    let split = household.len() > leaving.len();
    if scope == Scope::Person && split {
        return Err(would_split().into());
    }
    for (id, _) in &leaving {
        store::convoys::remove_member(&mut tx, convoy_id, *id).await?;
    }
    let codes: Vec<String> = leaving.into_iter().map(|(_, c)| c).collect();
    audit(
        &mut tx,
        app,
        cap.actor(),
        Event {
            action: "convoy.remove_people",
            object_type: "convoy",
            object_id: convoy_id.to_string(),
            summary: format!(
                "convoy {}: removed {} ({}{})",
                convoy.seq,
                codes.join(", "),
                scope_name(scope),
                if split { "; household split" } else { "" }
            ),
            details: json!({ "removed": codes, "scope": scope_name(scope) }),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(codes)
}
