//! Allocation: the proposal of which eligible case goes under which open offer
//! (optimal for priority-weighted people placed; `domain::allocation`), and the case
//! officer's decision on each placement — accepted (the case is submitted under the
//! offer, in the same transaction) or rejected (never proposed again) — both audited.

use std::collections::HashSet;

use serde_json::json;

use crate::actions::{audit, Event, Result};
use crate::app::App;
use crate::auth::capability::{ReadRecord, WriteCases};
use crate::auth::Cap;
use crate::domain::allocation::{self, Allocation, Bin, Item};
use crate::domain::priority::Score;
use crate::domain::resettlement::{meets_conditions, StepInput};
use crate::domain::Invalid;
use crate::store;
use crate::store::resettlement::{CaseRow, OfferRow};

/// Stages from which a case may be submitted: recognised, or rejected by another
/// country.
const ELIGIBLE: [&str; 2] = ["recognised", "rejected"];

#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct Proposed {
    pub case: CaseRow,
    pub offer: OfferRow,
    pub score: Score,
    /// Whether anyone in the household has a serious medical need.
    pub medical: bool,
}

#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct Unplaced {
    pub case: CaseRow,
    pub score: Score,
    /// Offers whose conditions the household meets (0: none could take it).
    pub eligible_offers: i64,
}

#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct Proposal {
    pub allocation: Allocation,
    pub placed: Vec<Proposed>,
    pub unplaced: Vec<Unplaced>,
    /// Open offers with their places left after cases awaiting decision.
    pub offers: Vec<(OfferRow, i64)>,
}

/// Places an offer can still promise: announced, minus used, minus awaiting decision.
fn free(o: &OfferRow) -> i64 {
    (o.places - o.used - o.pending).max(0)
}

pub async fn propose(app: &App, cap: &Cap<ReadRecord>, as_of: i64) -> Result<Proposal> {
    let ranked = super::priority::ranked(app, cap, as_of).await?;
    let mut c = app.store.read().await?;
    let offers: Vec<OfferRow> = store::resettlement::offers(&mut c)
        .await?
        .into_iter()
        .filter(|o| free(o) > 0)
        .collect();
    let refused: HashSet<(i64, i64)> = store::resettlement::rejected_placements(&mut c)
        .await?
        .into_iter()
        .collect();
    // Read once for every case, not per case: a register may hold 100,000 of them.
    let medical_households: HashSet<i64> = store::resettlement::medical_households(&mut c)
        .await?
        .into_iter()
        .collect();
    let rejections: HashSet<(i64, String)> = store::resettlement::rejections(&mut c)
        .await?
        .into_iter()
        .collect();
    let mut items = Vec::new();
    let mut facts = Vec::new();
    for r in ranked
        .into_iter()
        .filter(|r| ELIGIBLE.contains(&r.case.stage.as_str()))
    {
        let medical = medical_households.contains(&r.case.household_id);
        let id = r.case.case_id;
        let eligible: Vec<i64> = offers
            .iter()
            .filter(|o| {
                meets_conditions(o.max_household, o.medical != 0, r.case.people, medical).is_ok()
                    && !rejections.contains(&(id, o.country.clone()))
                    && !refused.contains(&(id, o.offer_id))
            })
            .map(|o| o.offer_id)
            .collect();
        items.push(Item {
            case_id: r.case.case_id,
            people: r.case.people,
            weight: r.score.total + 1,
            eligible,
        });
        facts.push((r, medical));
    }
    let bins: Vec<Bin> = offers
        .iter()
        .map(|o| Bin {
            offer_id: o.offer_id,
            places: free(o),
        })
        .collect();
    let allocation = allocation::allocate(&items, &bins, allocation::NODE_LIMIT);
    let mut placed = Vec::new();
    let mut unplaced = Vec::new();
    let placed_in: std::collections::HashMap<i64, i64> = allocation
        .placements
        .iter()
        .map(|p| (p.case_id, p.offer_id))
        .collect();
    for ((r, medical), item) in facts.into_iter().zip(items.iter()) {
        match placed_in
            .get(&r.case.case_id)
            .and_then(|id| offers.iter().find(|o| o.offer_id == *id))
        {
            Some(offer) => placed.push(Proposed {
                case: r.case,
                offer: offer.clone(),
                score: r.score,
                medical,
            }),
            None => unplaced.push(Unplaced {
                case: r.case,
                score: r.score,
                eligible_offers: item.eligible.len() as i64,
            }),
        }
    }
    Ok(Proposal {
        allocation,
        placed,
        unplaced,
        offers: offers
            .into_iter()
            .map(|o| {
                let f = free(&o);
                (o, f)
            })
            .collect(),
    })
}

/// Accepts a placement: the case is submitted under the offer on `s.on` (the step's
/// own checks apply: conditions, a country that rejected it), and the decision is
/// recorded; one transaction, audited.
pub async fn accept(app: &App, cap: &Cap<WriteCases>, case_id: i64, s: &StepInput) -> Result<i64> {
    let offer_id = s
        .offer_id
        .ok_or_else(|| Invalid::new("offer", "invalid-required", "is required"))?;
    let mut tx = app.store.write().await?;
    let step = super::step_in(&mut tx, app, cap, case_id, s).await?;
    let id = store::resettlement::insert_placement(
        &mut tx,
        case_id,
        offer_id,
        "accepted",
        "",
        &cap.actor().username,
        app.now(),
    )
    .await?;
    audit(
        &mut tx,
        app,
        cap.actor(),
        Event {
            action: "allocation.accept",
            object_type: "resettlement_case",
            object_id: case_id.to_string(),
            summary: format!("placement of case {case_id} under offer {offer_id} accepted"),
            details: json!({ "case_id": case_id, "offer_id": offer_id, "step_id": step, "placement_id": id }),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// Rejects a placement, with a reason; the pair is not proposed again.
pub async fn reject(
    app: &App,
    cap: &Cap<WriteCases>,
    case_id: i64,
    offer_id: i64,
    reason: &str,
) -> Result<i64> {
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(Invalid::new("reason", "invalid-required", "is required").into());
    }
    if reason.chars().count() > 500 || reason.chars().any(char::is_control) {
        return Err(Invalid::new("reason", "case-invalid-note-length", "is too long").into());
    }
    let mut tx = app.store.write().await?;
    if store::resettlement::case(&mut tx, case_id).await?.is_none()
        || store::resettlement::offer(&mut tx, offer_id)
            .await?
            .is_none()
    {
        return Err(crate::actions::ActionError::NotFound);
    }
    let id = store::resettlement::insert_placement(
        &mut tx,
        case_id,
        offer_id,
        "rejected",
        reason,
        &cap.actor().username,
        app.now(),
    )
    .await?;
    audit(
        &mut tx,
        app,
        cap.actor(),
        Event {
            action: "allocation.reject",
            object_type: "resettlement_case",
            object_id: case_id.to_string(),
            summary: format!("placement of case {case_id} under offer {offer_id} rejected"),
            details: json!({ "case_id": case_id, "offer_id": offer_id, "reason": reason, "placement_id": id }),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}
