//! Roles and the permissions each one holds.
//!
//! This table is the single place that says who may do what. The web layer, the API
//! and the CLI all ask it through `auth::Actor::grant`, which hands back a capability
//! that the action layer requires, so a missing check does not compile.

use std::fmt;
use std::str::FromStr;

use super::Invalid;

/// The roles of domain.md, least privileged last.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Admin,
    Registrar,
    CaseOfficer,
    Documenter,
    Analyst,
    Observer,
}

impl Role {
    pub const ALL: [Role; 6] = [
        Role::Admin,
        Role::Registrar,
        Role::CaseOfficer,
        Role::Documenter,
        Role::Analyst,
        Role::Observer,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Registrar => "registrar",
            Role::CaseOfficer => "case_officer",
            Role::Documenter => "documenter",
            Role::Analyst => "analyst",
            Role::Observer => "observer",
        }
    }

    /// The message id of the role's name in the locale files.
    pub fn message_id(self) -> &'static str {
        match self {
            Role::Admin => "role-admin",
            Role::Registrar => "role-registrar",
            Role::CaseOfficer => "role-case-officer",
            Role::Documenter => "role-documenter",
            Role::Analyst => "role-analyst",
            Role::Observer => "role-observer",
        }
    }

    /// Whether this role holds `perm`. The whole policy is this one match.
    pub fn allows(self, perm: Perm) -> bool {
        use Perm::*;
        use Role::*;
        match perm {
            // Everyone signed in may manage their own account and read published reports.
            OwnAccount | ReadReports => true,
            ManageUsers | ReadAudit | ManageKeys => self == Admin,
            // The working record (everything except personal data), as codes.
            ReadRecord => matches!(self, Admin | Registrar | CaseOfficer | Documenter | Analyst),
            WriteRegistry => self == Registrar,
            WriteCases => self == CaseOfficer,
            WriteDocumentation => self == Documenter,
            // Personal data of residents: the registrar for the registry, the case
            // officer for the people of their own cases (scoped by the caller).
            ViewPersonalData => matches!(self, Registrar | CaseOfficer),
            // The watch list of names (agents, impersonators): not every registrar is
            // trusted with it, so only admins keep and read it.
            ManageWatchList => self == Admin,
            // Exports with personal data: a registrar requests one and a second
            // registrar approves it (the two-person rule is in actions::registry::export).
            ExportPersonalData => self == Registrar,
        }
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Role {
    type Err = Invalid;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim().to_ascii_lowercase().replace(['-', ' '], "_");
        Role::ALL
            .into_iter()
            .find(|r| r.as_str() == s)
            .ok_or_else(|| {
                Invalid::new(
                    "role",
                    "invalid-role",
                    "expected one of admin, registrar, case_officer, documenter, analyst, observer",
                )
            })
    }
}

/// What an actor may do. Capability issues add their own variants here and one line
/// to `Role::allows`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Perm {
    OwnAccount,
    ReadReports,
    ReadRecord,
    ManageUsers,
    ReadAudit,
    ManageKeys,
    WriteRegistry,
    WriteCases,
    WriteDocumentation,
    ViewPersonalData,
    ManageWatchList,
    ExportPersonalData,
}

impl Perm {
    pub const ALL: [Perm; 12] = [
        Perm::OwnAccount,
        Perm::ReadReports,
        Perm::ReadRecord,
        Perm::ManageUsers,
        Perm::ReadAudit,
        Perm::ManageKeys,
        Perm::WriteRegistry,
        Perm::WriteCases,
        Perm::WriteDocumentation,
        Perm::ViewPersonalData,
        Perm::ManageWatchList,
        Perm::ExportPersonalData,
    ];
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_round_trip_through_text() {
        for r in Role::ALL {
            assert_eq!(r.as_str().parse::<Role>(), Ok(r));
        }
        assert_eq!("Case officer".parse::<Role>(), Ok(Role::CaseOfficer));
        assert!("root".parse::<Role>().is_err());
    }

    #[test]
    fn only_admin_manages_users_and_reads_the_trail() {
        for r in Role::ALL {
            assert_eq!(r.allows(Perm::ManageUsers), r == Role::Admin);
            assert_eq!(r.allows(Perm::ReadAudit), r == Role::Admin);
        }
    }

    #[test]
    fn observer_reads_reports_only() {
        assert!(Role::Observer.allows(Perm::ReadReports));
        assert!(!Role::Observer.allows(Perm::ReadRecord));
        assert!(!Role::Analyst.allows(Perm::ViewPersonalData));
        assert!(!Role::Admin.allows(Perm::ViewPersonalData));
    }
}
