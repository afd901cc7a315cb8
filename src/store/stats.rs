//! Counts for the dashboard. Each capability adds its own counts here.

use super::{Conn, Result};

#[derive(Debug, Clone, Default, serde::Serialize, utoipa::ToSchema)]
pub struct Counts {
    /// Accounts by role, in `Role::ALL` order: (role, active accounts).
    pub accounts: Vec<(String, i64)>,
    pub disabled_accounts: i64,
    pub open_sessions: i64,
    pub audit_entries: i64,
    pub audit_checkpoints: i64,
    /// Time of the last checkpoint, epoch milliseconds.
    pub last_checkpoint_at: Option<i64>,
    pub sites: i64,
    pub people: i64,
    /// People whose status is `present` (at any site).
    pub people_present: i64,
    pub households: i64,
}

pub async fn counts(c: &mut Conn) -> Result<Counts> {
    let by_role: Vec<(String, i64)> =
        sqlx::query_as("select role, count(*) from users where disabled = 0 group by role")
            .fetch_all(&mut *c)
            .await?;
    let accounts = crate::domain::Role::ALL
        .iter()
        .map(|r| {
            let n = by_role
                .iter()
                .find(|(name, _)| name == r.as_str())
                .map_or(0, |(_, n)| *n);
            (r.as_str().to_string(), n)
        })
        .collect();
    let disabled_accounts = sqlx::query_scalar("select count(*) from users where disabled <> 0")
        .fetch_one(&mut *c)
        .await?;
    let open_sessions = sqlx::query_scalar("select count(*) from sessions")
        .fetch_one(&mut *c)
        .await?;
    let audit_entries = sqlx::query_scalar("select seq from audit_head where id = 1")
        .fetch_one(&mut *c)
        .await?;
    let (audit_checkpoints, last_checkpoint_at): (i64, Option<i64>) =
        sqlx::query_as("select count(*), max(at) from audit_checkpoints")
            .fetch_one(&mut *c)
            .await?;
    let sites = sqlx::query_scalar("select count(*) from sites")
        .fetch_one(&mut *c)
        .await?;
    // One pass over the status index for both counts. A record merged into another
    // is a tombstone, not a person.
    let by_status: Vec<(String, i64)> =
        sqlx::query_as("select status, count(*) from people group by status")
            .fetch_all(&mut *c)
            .await?;
    let people = by_status
        .iter()
        .filter(|(s, _)| s != super::matching::MERGED)
        .map(|(_, n)| n)
        .sum();
    let people_present = by_status
        .iter()
        .find(|(s, _)| s == "present")
        .map_or(0, |(_, n)| *n);
    let households = sqlx::query_scalar("select count(*) from households")
        .fetch_one(&mut *c)
        .await?;
    Ok(Counts {
        sites,
        people,
        people_present,
        households,
        accounts,
        disabled_accounts,
        open_sessions,
        audit_entries,
        audit_checkpoints,
        last_checkpoint_at,
    })
}
