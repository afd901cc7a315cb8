//! The registrar's queue of flags and the decisions on it: "same person" merges the
//! two records in one audited transaction, "different people" closes the pair for
//! good.

use super::*;
use crate::actions::registry::personal::{view_personal_in, PersonPersonal};
use crate::auth::capability::ViewPersonalData;
use crate::domain::matching::{Decision, DecisionReason, Keep};
use crate::domain::person::Choice;

/// A flag as the registrar sees it: the two records' codes and non-personal facts,
/// and for a watch-list match only the category of the entry.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct FlagView {
    pub flag_id: i64,
    /// document, name_birth_year or watch_list.
    pub reason: String,
    /// open, merged, distinct, confirmed or superseded.
    pub status: String,
    pub created_at: i64,
    pub a: PersonRow,
    /// The other person; absent for a watch-list match.
    pub b: Option<PersonRow>,
    /// For a watch-list match: the category of the entry that matched (never its name).
    pub watch_category: Option<String>,
    pub decided_at: Option<i64>,
    pub decided_by: Option<String>,
    pub decision_reason: Option<String>,
}

async fn view(c: &mut Conn, f: FlagRow) -> Result<FlagView> {
    let a = store::people::get(c, f.person_a)
        .await?
        .ok_or(ActionError::NotFound)?;
    let b = match f.person_b {
        Some(b) => Some(
            store::people::get(c, b)
                .await?
                .ok_or(ActionError::NotFound)?,
        ),
        None => None,
    };
    let watch_category = match f.watch_id {
        Some(w) => store::watchlist::get(c, w).await?.map(|w| w.category),
        None => None,
    };
    Ok(FlagView {
        flag_id: f.flag_id,
        reason: f.reason,
        status: f.status,
        created_at: f.created_at,
        a,
        b,
        watch_category,
        decided_at: f.decided_at,
        decided_by: f.decided_by_name,
        decision_reason: f.decision_reason,
    })
}

pub const PAGE: i64 = 50;

/// A page of flags in `status` (the queue: open), of one `reason` if given, oldest
/// first, and the next cursor.
pub async fn list(
    app: &App,
    _cap: &Cap<WriteRegistry>,
    status: FlagStatus,
    reason: Option<MatchReason>,
    after: Option<i64>,
) -> Result<(Vec<FlagView>, Option<i64>)> {
    let mut c = app.store.read().await?;
    let reason = reason.map(MatchReason::as_str);
    let after = after.unwrap_or(0);
    let mut rows = store::matching::flags(&mut c, status.as_str(), reason, after, PAGE + 1).await?;
    let next = if rows.len() as i64 > PAGE {
        rows.truncate(PAGE as usize);
        rows.last().map(|f| f.flag_id)
    } else {
        None
    };
    let mut out = Vec::with_capacity(rows.len());
    for f in rows {
        out.push(view(&mut c, f).await?);
    }
    Ok((out, next))
}

/// Open flags by reason, strongest reason first: (reason, count).
pub async fn open_by_reason(
    app: &App,
    _cap: &Cap<WriteRegistry>,
) -> Result<Vec<(MatchReason, i64)>> {
    let mut c = app.store.read().await?;
    let mut out: Vec<(MatchReason, i64)> = store::matching::open_by_reason(&mut c)
        .await?
        .into_iter()
        .filter_map(|(r, n)| MatchReason::parse(&r).ok().map(|r| (r, n)))
        .collect();
    out.sort();
    Ok(out)
}

pub async fn count_open(app: &App, cap: &Cap<WriteRegistry>) -> Result<i64> {
    Ok(open_by_reason(app, cap).await?.iter().map(|(_, n)| n).sum())
}

pub async fn get(app: &App, _cap: &Cap<WriteRegistry>, id: i64) -> Result<FlagView> {
    let mut c = app.store.read().await?;
    let f = store::matching::flag(&mut c, id)
        .await?
        .ok_or(ActionError::NotFound)?;
    view(&mut c, f).await
}

/// Decides an open flag. `Same` merges the pair (`keep` says whose code stays);
/// `Distinct` closes it for good; `Confirmed` records that a watch-list match holds.
pub async fn decide(
    app: &App,
    cap: &Cap<WriteRegistry>,
    id: i64,
    decision: Decision,
    reason: &DecisionReason,
    keep: Keep,
) -> Result<FlagView> {
    let mut tx = app.store.write().await?;
    let f = store::matching::flag(&mut tx, id)
        .await?
        .ok_or(ActionError::NotFound)?;
    if f.status != FlagStatus::Open.as_str() {
        return Err(ActionError::Refused("this flag has already been decided"));
    }
    let actor = cap.actor();
    let by = (actor.user_id, actor.username.as_str());
    let now = app.now();
    let pair = f.person_b.map(|b| (f.person_a, b));
    let (status, summary) = match (decision, pair) {
        (Decision::Same, Some((a, b))) => {
            let (into, from) = match keep {
                Keep::A => (a, b),
                Keep::B => (b, a),
            };
            let merged = crate::actions::registry::merge::merge_in(
                &mut tx, app, actor, f.flag_id, into, from, reason,
            )
            .await?;
            (FlagStatus::Merged, merged)
        }
        (Decision::Distinct, _) => (FlagStatus::Distinct, "different people".to_string()),
        (Decision::Confirmed, None) => (FlagStatus::Confirmed, "watch-list match".to_string()),
        (Decision::Same, None) => {
            return Err(crate::domain::Invalid::new(
                "decision",
                "invalid-decision-watch",
                "a watch-list match is confirmed or dismissed, not merged",
            )
            .into())
        }
        (Decision::Confirmed, Some(_)) => {
            return Err(crate::domain::Invalid::new(
                "decision",
                "invalid-decision-pair",
                "two records are the same person or different people",
            )
            .into())
        }
    };
    store::matching::decide(&mut tx, id, status.as_str(), now, by, reason.as_str()).await?;
    audit(
        &mut tx,
        app,
        actor,
        Event {
            action: "match.decide",
            object_type: "match_flag",
            object_id: id.to_string(),
            summary: format!(
                "{}: {summary}; reason: {}",
                status.as_str(),
                reason.as_str()
            ),
            details: serde_json::Value::Null,
        },
    )
    .await?;
    let after = store::matching::flag(&mut tx, id)
        .await?
        .ok_or(ActionError::NotFound)?;
    let out = view(&mut tx, after).await?;
    tx.commit().await?;
    Ok(out)
}

/// The personal data of both sides of a flag (for a watch-list match: the person's
/// only), opened in one transaction with one audit entry per person, so the registrar
/// can compare them. The watch-list entry itself is never opened here.
pub async fn view_personal_pair(
    app: &App,
    _cap: &Cap<WriteRegistry>,
    personal: &Cap<ViewPersonalData>,
    id: i64,
) -> Result<(PersonPersonal, Option<PersonPersonal>)> {
    let mut tx = app.store.write().await?;
    let f = store::matching::flag(&mut tx, id)
        .await?
        .ok_or(ActionError::NotFound)?;
    let (_, a) = view_personal_in(&mut tx, app, personal, f.person_a).await?;
    let b = match f.person_b {
        Some(b) => Some(view_personal_in(&mut tx, app, personal, b).await?.1),
        None => None,
    };
    tx.commit().await?;
    Ok((a, b))
}
