//! Merging two records found to be one person: the absorbed record's dated history,
//! needs and household membership move to the kept one, which then stands where the
//! latest dated entry of the joined history puts it; the absorbed record stays as a
//! tombstone (status `merged`) that points to the kept one, so nothing is deleted and
//! every view of its code leads on. Called by `matches::decide` inside its transaction.

use crate::actions::{audit, ActionError, Event, Result};
use crate::app::App;
use crate::auth::Actor;
use crate::domain::matching::{DecisionReason, FlagStatus};
use crate::domain::person::{Choice, Urgency};
use crate::store::matching::{Merge, MERGED};
use crate::store::{self, Conn};

fn urgency_rank(u: &str) -> usize {
    Urgency::ALL
        .iter()
        .position(|x| x.as_str() == u)
        .unwrap_or(0)
}

/// Merges record `from` into `into`: `from`'s dated history, needs and household
/// membership move over, `into` takes the place its latest dated entry gives, and
/// `from` stays as a tombstone (status `merged`) pointing to `into`. Open flags that
/// named `from` now name `into`. Returns a summary without personal data.
pub(super) async fn merge_in(
    c: &mut Conn,
    app: &App,
    actor: &Actor,
    flag_id: i64,
    into: i64,
    from: i64,
    reason: &DecisionReason,
) -> Result<String> {
    let now = app.now();
    let keeper = store::people::get(c, into)
        .await?
        .ok_or(ActionError::NotFound)?;
    let gone = store::people::get(c, from)
        .await?
        .ok_or(ActionError::NotFound)?;
    if keeper.status == MERGED || gone.status == MERGED {
        return Err(ActionError::Refused(
            "one of these records was already merged",
        ));
    }
    let history = store::matching::move_history(c, from, into).await?;
    let needs = store::matching::move_needs(c, from, into, urgency_rank).await?;
    let household = match (keeper.household_id, gone.household_id) {
        (None, Some(h)) => {
            store::people::set_household(c, into, Some(h), &gone.relationship, now).await?;
            "joined the absorbed record's household"
        }
        (Some(_), Some(_)) => "kept its own household; the absorbed record left its one",
        _ => "unchanged",
    };
    store::people::set_household(c, from, None, "other", now).await?;
    // Where the person is now: the latest dated entry of the joined history.
    if let Some(last) = store::people::history(c, into).await?.last() {
        store::people::set_place(c, into, last.site_id, &last.status, now).await?;
    }
    store::people::set_place(c, from, None, MERGED, now).await?;
    let by = (actor.user_id, actor.username.as_str());
    store::matching::insert_merge(
        c,
        &Merge {
            from,
            into,
            flag_id: Some(flag_id),
            at: now,
            by,
            reason: reason.as_str(),
        },
    )
    .await?;
    let mut repointed = 0;
    for f in store::matching::open_flags_of(c, from).await? {
        if f.flag_id == flag_id {
            continue;
        }
        let taken = match f.person_b {
            None => match f.watch_id {
                Some(w) => store::matching::watch_flag(c, into, w).await?.is_some(),
                None => true,
            },
            Some(b) => {
                let other = if f.person_a == from { b } else { f.person_a };
                other == into
                    || store::matching::pair_flag(c, into.min(other), into.max(other))
                        .await?
                        .is_some()
            }
        };
        if taken {
            let why = format!("superseded by the merge of flag {flag_id}");
            store::matching::decide(c, f.flag_id, FlagStatus::Superseded.as_str(), now, by, &why)
                .await?;
        } else {
            let (a, b) = match f.person_b {
                None => (into, None),
                Some(b) => {
                    let other = if f.person_a == from { b } else { f.person_a };
                    (into.min(other), Some(into.max(other)))
                }
            };
            store::matching::repoint(c, f.flag_id, a, b).await?;
            repointed += 1;
        }
    }
    let summary = format!(
        "{} merged into {}: {history} history entries and {needs} needs moved, household {household}, \
         {repointed} open flags moved",
        gone.code, keeper.code
    );
    audit(
        c,
        app,
        actor,
        Event {
            action: "person.merge",
            object_type: "person",
            object_id: from.to_string(),
            summary: format!("{summary}; into person {into}"),
            details: serde_json::Value::Null,
        },
    )
    .await?;
    Ok(summary)
}
