//! Authorization in the types. `Actor::grant::<P>()` checks the role table once and
//! hands back a `Cap<P>`; every action that needs permission `P` takes a `&Cap<P>`,
//! so an action cannot be called from a route that forgot to check.

use std::marker::PhantomData;

use crate::domain::{Perm, Role};

/// The signed-in account (or the operator at the command line) doing something.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    pub user_id: i64,
    pub username: String,
    pub role: Role,
}

impl Actor {
    /// The operator of the command line. Whoever runs the CLI holds the master key and
    /// the database file, so it acts with the admin's rights; its entries in the audit
    /// trail say `cli:` and the operating-system user.
    pub fn system() -> Self {
        let who = std::env::var("USER").unwrap_or_else(|_| "unknown".into());
        Actor {
            user_id: 0,
            username: format!("cli:{who}"),
            role: Role::Admin,
        }
    }

    pub fn can(&self, perm: Perm) -> bool {
        self.role.allows(perm)
    }

    pub fn grant<P: Permission>(&self) -> Result<Cap<P>, Denied> {
        if self.role.allows(P::PERM) {
            Ok(Cap {
                actor: self.clone(),
                _perm: PhantomData,
            })
        } else {
            Err(Denied(P::PERM))
        }
    }
}

/// The actor's role does not hold this permission.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("permission denied: {0:?}")]
pub struct Denied(pub Perm);

/// Proof that `actor` holds permission `P`.
#[derive(Debug, Clone)]
pub struct Cap<P: Permission> {
    actor: Actor,
    _perm: PhantomData<P>,
}

impl<P: Permission> Cap<P> {
    pub fn actor(&self) -> &Actor {
        &self.actor
    }
}

pub trait Permission {
    const PERM: Perm;
}

/// Manage one's own account: password, language, API tokens.
#[derive(Debug, Clone)]
pub struct OwnAccount;
impl Permission for OwnAccount {
    const PERM: Perm = Perm::OwnAccount;
}

/// Create, change and disable accounts.
#[derive(Debug, Clone)]
pub struct ManageUsers;
impl Permission for ManageUsers {
    const PERM: Perm = Perm::ManageUsers;
}

/// Browse and verify the audit trail.
#[derive(Debug, Clone)]
pub struct ReadAudit;
impl Permission for ReadAudit {
    const PERM: Perm = Perm::ReadAudit;
}

/// Rotate keys, write checkpoints.
#[derive(Debug, Clone)]
pub struct ManageKeys;
impl Permission for ManageKeys {
    const PERM: Perm = Perm::ManageKeys;
}

/// Read the working record, with personal data replaced by codes.
#[derive(Debug, Clone)]
pub struct ReadRecord;
impl Permission for ReadRecord {
    const PERM: Perm = Perm::ReadRecord;
}

/// Read published reports.
#[derive(Debug, Clone)]
pub struct ReadReports;
impl Permission for ReadReports {
    const PERM: Perm = Perm::ReadReports;
}

/// Keep the registry: sites, people, households, convoys, imports.
#[derive(Debug, Clone)]
pub struct WriteRegistry;
impl Permission for WriteRegistry {
    const PERM: Perm = Perm::WriteRegistry;
}

// incidents
/// Keep the documentation: organisations, sources, claims, incidents.
#[derive(Debug, Clone)]
pub struct WriteDocumentation;
impl Permission for WriteDocumentation {
    const PERM: Perm = Perm::WriteDocumentation;
}

/// See residents' personal data (registrar; case officer for their own cases).
#[derive(Debug, Clone)]
pub struct ViewPersonalData;
impl Permission for ViewPersonalData {
    const PERM: Perm = Perm::ViewPersonalData;
}

/// Keep and read the watch list of names (admin).
#[derive(Debug, Clone)]
pub struct ManageWatchList;
impl Permission for ManageWatchList {
    const PERM: Perm = Perm::ManageWatchList;
}

/// Request, approve (the second registrar) and download exports with personal data.
#[derive(Debug, Clone)]
pub struct ExportPersonalData;
impl Permission for ExportPersonalData {
    const PERM: Perm = Perm::ExportPersonalData;
}

// resettlement
/// Keep resettlement cases and country offers (case officer).
#[derive(Debug, Clone)]
pub struct WriteCases;
impl Permission for WriteCases {
    const PERM: Perm = Perm::WriteCases;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grants_follow_the_role_table() {
        let analyst = Actor {
            user_id: 2,
            username: "ana".into(),
            role: Role::Analyst,
        };
        assert!(analyst.grant::<ReadRecord>().is_ok());
        assert_eq!(
            analyst.grant::<ManageUsers>().err(),
            Some(Denied(Perm::ManageUsers))
        );
    }
}
