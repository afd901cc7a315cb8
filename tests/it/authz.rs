//! The authorization matrix: every route × every role (and anonymous), through the
//! real router on a real server, with the answer each must get. No unexpected allow;
//! an object the caller may not see answers 404. Every capability issue adds its rows.
//!
//! `every_route_has_rows` reads the route table from the source, so a new route
//! without rows here fails the build's tests.

use std::collections::BTreeSet;

use vigil::domain::Role;

use crate::support::{self, Browser, PASSWORD};

const ALL: &[Role] = &Role::ALL;
const ADMIN: &[Role] = &[Role::Admin];
const RECORD: &[Role] = &[
    Role::Admin,
    Role::Registrar,
    Role::CaseOfficer,
    Role::Documenter,
    Role::Analyst,
];
const REGISTRAR: &[Role] = &[Role::Registrar];
const PERSONAL: &[Role] = &[Role::Registrar, Role::CaseOfficer];
// incidents
const DOCUMENTER: &[Role] = &[Role::Documenter];
// resettlement
const CASES: &[Role] = &[Role::CaseOfficer];

#[derive(Clone, Copy)]
enum M {
    Get,
    Post,
    Patch,
    Put,
    Delete,
}

/// One row: method, path template, the roles allowed, and the status they get.
/// Other roles get 403 — except where `hidden` says the object is someone else's,
/// and they get 404.
struct Row {
    m: M,
    path: &'static str,
    allowed: &'static [Role],
    ok: u16,
    hidden: bool,
    /// What `{id}` stands for.
    id: Obj,
    /// Roles that hold the permission but for whom this object is hidden (404).
    hidden_for: &'static [Role],
}

#[derive(Clone, Copy)]
enum Obj {
    User,
    Site,
    Person,
    /// A duplicate flag (one for the HTML routes, one for the API: deciding is once).
    Flag,
    FlagApi,
    /// A watch-list entry (likewise, removing is once).
    Watch,
    WatchApi,
    /// Export requests with personal data (tests/it/export.rs): one by another
    /// registrar to approve, one to reject, one by the registrar to download.
    ExportToApprove,
    ExportToReject,
    ExportToDownload,
    /// Convoys (tests/it/convoys.rs): one to change, one each to complete from the
    /// HTML routes and from the API; a manifest line to change, one each to remove.
    Convoy,
    ConvoyUi,
    ConvoyApi,
    Line,
    LineUi,
    LineApi,
    // incidents: an organisation, a source and an incident (tests/it/incidents.rs).
    Org,
    Source,
    Incident,
    // Retraction is once: an incident, a claim and a source for each surface.
    IncidentRetractUi,
    IncidentRetractApi,
    ClaimUi,
    ClaimApi,
    SourceRetractUi,
    SourceRetractApi,
    // resettlement: a case for each surface's step row, and an offer.
    CaseUi,
    CaseApi,
    Offer,
    // evidence: a file attached to the matrix's incident (tests/it/evidence.rs).
    Evidence,
    // commitments: an agreement and a commitment (tests/it/commitments.rs).
    Agreement,
    Commitment,
    Visit,
    /// Published reports: one to read, one to withdraw from each surface.
    Published,
    WithdrawUi,
    WithdrawApi,
}

const fn row(m: M, path: &'static str, allowed: &'static [Role], ok: u16) -> Row {
    Row {
        m,
        path,
        allowed,
        ok,
        hidden: false,
        id: Obj::User,
        hidden_for: &[],
    }
}

const fn on(m: M, path: &'static str, id: Obj, allowed: &'static [Role], ok: u16) -> Row {
    Row {
        m,
        path,
        allowed,
        ok,
        hidden: false,
        id,
        hidden_for: &[],
    }
}

const UI: &[Row] = &[
    row(M::Get, "/", ALL, 200),
    row(M::Get, "/account", ALL, 200),
    row(M::Get, "/account/personal", ALL, 200),
    row(M::Post, "/account/password", ALL, 303),
    row(M::Get, "/account/tokens", ALL, 200),
    row(M::Post, "/account/tokens", ALL, 200),
    Row {
        m: M::Post,
        path: "/account/tokens/{id}/revoke",
        allowed: &[],
        ok: 303,
        hidden: true,
        id: Obj::User,
        hidden_for: &[],
    },
    row(M::Get, "/admin/users", ADMIN, 200),
    row(M::Post, "/admin/users", ADMIN, 200),
    row(M::Post, "/admin/users/search", ADMIN, 200),
    row(M::Get, "/admin/users/{id}", ADMIN, 200),
    row(M::Get, "/admin/users/{id}/personal", ADMIN, 200),
    row(M::Post, "/admin/users/{id}/personal", ADMIN, 303),
    row(M::Post, "/admin/users/{id}/role", ADMIN, 303),
    row(M::Post, "/admin/users/{id}/status", ADMIN, 303),
    row(M::Post, "/admin/users/{id}/password", ADMIN, 200),
    row(M::Get, "/admin/audit", ADMIN, 200),
    row(M::Get, "/admin/audit/verify", ADMIN, 200),
    row(M::Post, "/lang", ALL, 303),
    row(M::Get, "/registry/sites", RECORD, 200),
    row(M::Post, "/registry/sites", REGISTRAR, 303),
    on(M::Get, "/registry/sites/{id}", Obj::Site, RECORD, 200),
    on(M::Post, "/registry/sites/{id}", Obj::Site, REGISTRAR, 303),
    row(M::Get, "/registry/people", RECORD, 200),
    row(M::Post, "/registry/people", REGISTRAR, 200),
    row(M::Get, "/registry/people/new", REGISTRAR, 200),
    on(M::Get, "/registry/people/{id}", Obj::Person, RECORD, 200),
    Row {
        m: M::Get,
        path: "/registry/people/{id}/personal",
        allowed: PERSONAL,
        ok: 200,
        hidden: false,
        id: Obj::Person,
        hidden_for: &[Role::CaseOfficer],
    },
    on(
        M::Post,
        "/registry/people/{id}/move",
        Obj::Person,
        REGISTRAR,
        303,
    ),
    row(M::Post, "/registry/people/search", REGISTRAR, 200),
    on(
        M::Post,
        "/registry/people/{id}/household",
        Obj::Person,
        REGISTRAR,
        303,
    ),
    row(M::Get, "/registry/import", REGISTRAR, 200),
    row(M::Post, "/registry/import", REGISTRAR, 200),
    row(M::Get, "/registry/import/template.csv", RECORD, 200),
    row(M::Get, "/registry/import/template.xlsx", RECORD, 200),
    row(M::Get, "/registry/matches", REGISTRAR, 200),
    on(M::Get, "/registry/matches/{id}", Obj::Flag, REGISTRAR, 200),
    on(
        M::Get,
        "/registry/matches/{id}/personal",
        Obj::Flag,
        REGISTRAR,
        200,
    ),
    on(
        M::Post,
        "/registry/matches/{id}/decide",
        Obj::Flag,
        REGISTRAR,
        303,
    ),
    row(M::Get, "/admin/watchlist", ADMIN, 200),
    row(M::Post, "/admin/watchlist", ADMIN, 303),
    on(M::Get, "/admin/watchlist/{id}", Obj::Watch, ADMIN, 200),
    on(
        M::Post,
        "/admin/watchlist/{id}/remove",
        Obj::Watch,
        ADMIN,
        303,
    ),
    row(M::Get, "/registry/people/export.csv", RECORD, 200),
    row(M::Get, "/registry/people/export.xlsx", RECORD, 200),
    row(M::Get, "/registry/population.csv", RECORD, 200),
    row(M::Get, "/registry/exports", REGISTRAR, 200),
    row(M::Post, "/registry/exports", REGISTRAR, 303),
    on(
        M::Post,
        "/registry/exports/{id}/approve",
        Obj::ExportToApprove,
        REGISTRAR,
        303,
    ),
    on(
        M::Post,
        "/registry/exports/{id}/reject",
        Obj::ExportToReject,
        REGISTRAR,
        303,
    ),
    on(
        M::Post,
        "/registry/exports/{id}/download",
        Obj::ExportToDownload,
        REGISTRAR,
        200,
    ),
    row(M::Get, "/registry/convoys", RECORD, 200),
    row(M::Post, "/registry/convoys", REGISTRAR, 303),
    on(M::Get, "/registry/convoys/{id}", Obj::Convoy, RECORD, 200),
    on(
        M::Post,
        "/registry/convoys/{id}",
        Obj::Convoy,
        REGISTRAR,
        303,
    ),
    on(
        M::Post,
        "/registry/convoys/{id}/people",
        Obj::Convoy,
        REGISTRAR,
        303,
    ),
    on(
        M::Post,
        "/registry/convoys/{id}/people/remove",
        Obj::Convoy,
        REGISTRAR,
        303,
    ),
    on(
        M::Post,
        "/registry/convoys/{id}/manifest",
        Obj::Convoy,
        REGISTRAR,
        303,
    ),
    on(
        M::Post,
        "/registry/manifest-lines/{id}",
        Obj::Line,
        REGISTRAR,
        303,
    ),
    on(
        M::Post,
        "/registry/manifest-lines/{id}/remove",
        Obj::LineUi,
        REGISTRAR,
        303,
    ),
    on(
        M::Post,
        "/registry/convoys/{id}/complete",
        Obj::ConvoyUi,
        REGISTRAR,
        303,
    ),
    on(
        M::Post,
        "/registry/convoys/{id}/missing",
        Obj::ConvoyUi,
        REGISTRAR,
        303,
    ),
    // incidents
    row(M::Get, "/documentation/organisations", RECORD, 200),
    row(M::Post, "/documentation/organisations", DOCUMENTER, 303),
    on(
        M::Get,
        "/documentation/organisations/{id}",
        Obj::Org,
        RECORD,
        200,
    ),
    on(
        M::Post,
        "/documentation/organisations/{id}/aliases",
        Obj::Org,
        DOCUMENTER,
        303,
    ),
    row(M::Get, "/documentation/sources", RECORD, 200),
    row(M::Post, "/documentation/sources", DOCUMENTER, 303),
    on(
        M::Get,
        "/documentation/sources/{id}",
        Obj::Source,
        RECORD,
        200,
    ),
    row(M::Get, "/documentation/incidents", RECORD, 200),
    row(M::Post, "/documentation/incidents", DOCUMENTER, 303),
    on(
        M::Get,
        "/documentation/incidents/{id}",
        Obj::Incident,
        RECORD,
        200,
    ),
    on(
        M::Post,
        "/documentation/incidents/{id}/acts",
        Obj::Incident,
        DOCUMENTER,
        303,
    ),
    on(
        M::Post,
        "/documentation/incidents/{id}/perpetrators",
        Obj::Incident,
        DOCUMENTER,
        303,
    ),
    on(
        M::Post,
        "/documentation/incidents/{id}/claims",
        Obj::Incident,
        DOCUMENTER,
        303,
    ),
    on(
        M::Post,
        "/documentation/incidents/{id}/figures",
        Obj::Incident,
        DOCUMENTER,
        303,
    ),
    on(
        M::Post,
        "/documentation/incidents/{id}/verification",
        Obj::Incident,
        DOCUMENTER,
        303,
    ),
    on(
        M::Post,
        "/documentation/incidents/{id}/edit",
        Obj::Incident,
        DOCUMENTER,
        303,
    ),
    on(
        M::Post,
        "/documentation/incidents/{id}/retract",
        Obj::IncidentRetractUi,
        DOCUMENTER,
        303,
    ),
    on(
        M::Post,
        "/documentation/claims/{id}/retract",
        Obj::ClaimUi,
        DOCUMENTER,
        303,
    ),
    on(
        M::Post,
        "/documentation/sources/{id}/edit",
        Obj::Source,
        DOCUMENTER,
        303,
    ),
    on(
        M::Post,
        "/documentation/sources/{id}/retract",
        Obj::SourceRetractUi,
        DOCUMENTER,
        303,
    ),
    on(
        M::Post,
        "/documentation/organisations/{id}/edit",
        Obj::Org,
        DOCUMENTER,
        303,
    ),
    row(M::Get, "/documentation/timeline", RECORD, 200),
    row(M::Get, "/documentation/export", RECORD, 200),
    // end incidents
    // resettlement
    row(M::Get, "/resettlement", RECORD, 200),
    row(M::Post, "/resettlement/cases", CASES, 303),
    on(M::Get, "/resettlement/cases/{id}", Obj::CaseUi, RECORD, 200),
    on(
        M::Post,
        "/resettlement/cases/{id}/step",
        Obj::CaseUi,
        CASES,
        303,
    ),
    row(M::Get, "/resettlement/offers", RECORD, 200),
    row(M::Get, "/resettlement/pipeline", RECORD, 200),
    row(M::Get, "/resettlement/forecast", RECORD, 200),
    row(M::Get, "/resettlement/priority", RECORD, 200),
    row(M::Get, "/resettlement/cases.csv", RECORD, 200),
    row(M::Get, "/resettlement/cases.xlsx", RECORD, 200),
    row(M::Get, "/resettlement/resettled.csv", RECORD, 200),
    row(M::Get, "/resettlement/allocation", RECORD, 200),
    row(M::Post, "/resettlement/allocation/accept", CASES, 303),
    row(M::Post, "/resettlement/allocation/reject", CASES, 303),
    row(M::Post, "/resettlement/offers", CASES, 303),
    on(M::Get, "/resettlement/offers/{id}", Obj::Offer, RECORD, 200),
    on(M::Post, "/resettlement/offers/{id}", Obj::Offer, CASES, 303),
    // evidence
    row(M::Get, "/documentation/evidence", RECORD, 200),
    row(M::Post, "/documentation/evidence", DOCUMENTER, 303),
    on(
        M::Get,
        "/documentation/evidence/{id}",
        Obj::Evidence,
        RECORD,
        200,
    ),
    on(
        M::Post,
        "/documentation/evidence/{id}/download",
        Obj::Evidence,
        RECORD,
        200,
    ),
    row(M::Get, "/documentation/search", RECORD, 200),
    // evidence: the court bundle of the matrix's incident (it has a file attached).
    on(
        M::Post,
        "/documentation/incidents/{id}/bundle",
        Obj::Incident,
        DOCUMENTER,
        200,
    ),
    // end evidence
    // commitments
    row(M::Get, "/documentation/agreements", RECORD, 200),
    row(M::Post, "/documentation/agreements", DOCUMENTER, 303),
    on(
        M::Post,
        "/documentation/agreements/{id}/commitments",
        Obj::Agreement,
        DOCUMENTER,
        303,
    ),
    on(
        M::Post,
        "/documentation/commitments/{id}/observations",
        Obj::Commitment,
        DOCUMENTER,
        303,
    ),
    on(
        M::Get,
        "/documentation/agreements/{id}",
        Obj::Agreement,
        RECORD,
        200,
    ),
    on(
        M::Get,
        "/documentation/commitments/{id}",
        Obj::Commitment,
        RECORD,
        200,
    ),
    row(M::Get, "/documentation/commitments-report", RECORD, 200),
    row(M::Get, "/documentation/commitments-report.csv", RECORD, 200),
    row(
        M::Get,
        "/documentation/commitments-report.xlsx",
        RECORD,
        200,
    ),
    // Published reports: every role reads them; the documenter publishes and withdraws.
    row(M::Get, "/reports/published", ALL, 200),
    row(M::Post, "/reports/published", DOCUMENTER, 303),
    on(M::Get, "/reports/published/{id}", Obj::Published, ALL, 200),
    on(
        M::Post,
        "/reports/published/{id}/withdraw",
        Obj::WithdrawUi,
        DOCUMENTER,
        303,
    ),
    row(M::Get, "/documentation/visits", RECORD, 200),
    row(M::Post, "/documentation/visits", DOCUMENTER, 303),
    on(
        M::Get,
        "/documentation/visits/{id}",
        Obj::Visit,
        RECORD,
        200,
    ),
    // end commitments
];

const API: &[Row] = &[
    row(M::Get, "/api/v1/me", ALL, 200),
    row(M::Get, "/api/v1/dashboard", RECORD, 200),
    row(M::Get, "/api/v1/tokens", ALL, 200),
    row(M::Post, "/api/v1/tokens", ALL, 201),
    Row {
        m: M::Delete,
        path: "/api/v1/tokens/{id}",
        allowed: &[],
        ok: 204,
        hidden: true,
        id: Obj::User,
        hidden_for: &[],
    },
    row(M::Get, "/api/v1/users", ADMIN, 200),
    row(M::Post, "/api/v1/users", ADMIN, 201),
    row(M::Get, "/api/v1/users/{id}", ADMIN, 200),
    row(M::Patch, "/api/v1/users/{id}", ADMIN, 200),
    row(M::Get, "/api/v1/users/{id}/personal", ADMIN, 200),
    row(M::Put, "/api/v1/users/{id}/personal", ADMIN, 204),
    row(M::Get, "/api/v1/audit", ADMIN, 200),
    row(M::Get, "/api/v1/audit/verify", ADMIN, 200),
    row(M::Get, "/api/v1/sites", RECORD, 200),
    row(M::Post, "/api/v1/sites", REGISTRAR, 201),
    on(M::Get, "/api/v1/sites/{id}", Obj::Site, RECORD, 200),
    on(M::Put, "/api/v1/sites/{id}", Obj::Site, REGISTRAR, 204),
    on(
        M::Get,
        "/api/v1/sites/{id}/population",
        Obj::Site,
        RECORD,
        200,
    ),
    row(M::Get, "/api/v1/people", RECORD, 200),
    row(M::Post, "/api/v1/people", REGISTRAR, 201),
    on(M::Get, "/api/v1/people/{id}", Obj::Person, RECORD, 200),
    on(M::Put, "/api/v1/people/{id}", Obj::Person, REGISTRAR, 204),
    Row {
        m: M::Get,
        path: "/api/v1/people/{id}/personal",
        allowed: PERSONAL,
        ok: 200,
        hidden: false,
        id: Obj::Person,
        hidden_for: &[Role::CaseOfficer],
    },
    on(
        M::Post,
        "/api/v1/people/{id}/move",
        Obj::Person,
        REGISTRAR,
        200,
    ),
    row(M::Get, "/api/v1/matches", REGISTRAR, 200),
    on(M::Get, "/api/v1/matches/{id}", Obj::FlagApi, REGISTRAR, 200),
    on(
        M::Post,
        "/api/v1/matches/{id}/decision",
        Obj::FlagApi,
        REGISTRAR,
        200,
    ),
    row(M::Get, "/api/v1/watchlist", ADMIN, 200),
    row(M::Post, "/api/v1/watchlist", ADMIN, 201),
    on(M::Get, "/api/v1/watchlist/{id}", Obj::WatchApi, ADMIN, 200),
    on(
        M::Delete,
        "/api/v1/watchlist/{id}",
        Obj::WatchApi,
        ADMIN,
        204,
    ),
    row(M::Get, "/api/v1/people/export", RECORD, 200),
    row(M::Get, "/api/v1/population", RECORD, 200),
    row(M::Get, "/api/v1/convoys", RECORD, 200),
    row(M::Post, "/api/v1/convoys", REGISTRAR, 201),
    on(M::Get, "/api/v1/convoys/{id}", Obj::Convoy, RECORD, 200),
    on(M::Put, "/api/v1/convoys/{id}", Obj::Convoy, REGISTRAR, 204),
    on(
        M::Post,
        "/api/v1/convoys/{id}/people",
        Obj::Convoy,
        REGISTRAR,
        200,
    ),
    on(
        M::Post,
        "/api/v1/convoys/{id}/people/remove",
        Obj::Convoy,
        REGISTRAR,
        200,
    ),
    on(
        M::Post,
        "/api/v1/convoys/{id}/manifest",
        Obj::Convoy,
        REGISTRAR,
        201,
    ),
    on(
        M::Put,
        "/api/v1/manifest-lines/{id}",
        Obj::Line,
        REGISTRAR,
        204,
    ),
    on(
        M::Delete,
        "/api/v1/manifest-lines/{id}",
        Obj::LineApi,
        REGISTRAR,
        204,
    ),
    on(
        M::Post,
        "/api/v1/convoys/{id}/complete",
        Obj::ConvoyApi,
        REGISTRAR,
        200,
    ),
    on(
        M::Post,
        "/api/v1/convoys/{id}/missing",
        Obj::ConvoyApi,
        REGISTRAR,
        200,
    ),
    // incidents
    row(M::Get, "/api/v1/organisations", RECORD, 200),
    row(M::Post, "/api/v1/organisations", DOCUMENTER, 201),
    on(M::Get, "/api/v1/organisations/{id}", Obj::Org, RECORD, 200),
    on(
        M::Post,
        "/api/v1/organisations/{id}/aliases",
        Obj::Org,
        DOCUMENTER,
        200,
    ),
    row(M::Get, "/api/v1/sources", RECORD, 200),
    row(M::Post, "/api/v1/sources", DOCUMENTER, 201),
    on(M::Get, "/api/v1/sources/{id}", Obj::Source, RECORD, 200),
    row(M::Get, "/api/v1/incidents", RECORD, 200),
    row(M::Post, "/api/v1/incidents", DOCUMENTER, 201),
    on(M::Get, "/api/v1/incidents/{id}", Obj::Incident, RECORD, 200),
    on(
        M::Post,
        "/api/v1/incidents/{id}/acts",
        Obj::Incident,
        DOCUMENTER,
        201,
    ),
    on(
        M::Post,
        "/api/v1/incidents/{id}/perpetrators",
        Obj::Incident,
        DOCUMENTER,
        204,
    ),
    on(
        M::Post,
        "/api/v1/incidents/{id}/claims",
        Obj::Incident,
        DOCUMENTER,
        201,
    ),
    on(
        M::Post,
        "/api/v1/incidents/{id}/figures",
        Obj::Incident,
        DOCUMENTER,
        204,
    ),
    on(
        M::Post,
        "/api/v1/incidents/{id}/verification",
        Obj::Incident,
        DOCUMENTER,
        204,
    ),
    on(
        M::Put,
        "/api/v1/incidents/{id}",
        Obj::Incident,
        DOCUMENTER,
        204,
    ),
    on(
        M::Post,
        "/api/v1/incidents/{id}/retraction",
        Obj::IncidentRetractApi,
        DOCUMENTER,
        204,
    ),
    on(
        M::Post,
        "/api/v1/claims/{id}/retraction",
        Obj::ClaimApi,
        DOCUMENTER,
        204,
    ),
    on(M::Put, "/api/v1/sources/{id}", Obj::Source, DOCUMENTER, 204),
    on(
        M::Post,
        "/api/v1/sources/{id}/retraction",
        Obj::SourceRetractApi,
        DOCUMENTER,
        204,
    ),
    on(
        M::Put,
        "/api/v1/organisations/{id}",
        Obj::Org,
        DOCUMENTER,
        204,
    ),
    row(M::Get, "/api/v1/timeline", RECORD, 200),
    row(M::Get, "/api/v1/exports/incidents", RECORD, 200),
    // end incidents
    // resettlement
    row(M::Get, "/api/v1/resettlement/cases", RECORD, 200),
    row(M::Post, "/api/v1/resettlement/cases", CASES, 201),
    on(
        M::Get,
        "/api/v1/resettlement/cases/{id}",
        Obj::CaseApi,
        RECORD,
        200,
    ),
    on(
        M::Post,
        "/api/v1/resettlement/cases/{id}/steps",
        Obj::CaseApi,
        CASES,
        201,
    ),
    row(M::Get, "/api/v1/resettlement/funnel", RECORD, 200),
    row(M::Get, "/api/v1/resettlement/pipeline", RECORD, 200),
    row(M::Get, "/api/v1/resettlement/forecast", RECORD, 200),
    row(M::Get, "/api/v1/resettlement/priority", RECORD, 200),
    row(M::Get, "/api/v1/resettlement/cases/export", RECORD, 200),
    row(M::Get, "/api/v1/resettlement/resettled", RECORD, 200),
    row(M::Get, "/api/v1/resettlement/offers", RECORD, 200),
    row(M::Post, "/api/v1/resettlement/offers", CASES, 201),
    on(
        M::Get,
        "/api/v1/resettlement/offers/{id}",
        Obj::Offer,
        RECORD,
        200,
    ),
    on(
        M::Put,
        "/api/v1/resettlement/offers/{id}",
        Obj::Offer,
        CASES,
        204,
    ),
    // evidence
    row(M::Get, "/api/v1/evidence", RECORD, 200),
    row(M::Post, "/api/v1/evidence", DOCUMENTER, 201),
    on(M::Get, "/api/v1/evidence/{id}", Obj::Evidence, RECORD, 200),
    on(
        M::Get,
        "/api/v1/evidence/{id}/content",
        Obj::Evidence,
        RECORD,
        200,
    ),
    // Without words the search is refused as bad input, after the permission check.
    row(M::Get, "/api/v1/search", RECORD, 422),
    on(
        M::Post,
        "/api/v1/incidents/{id}/bundle",
        Obj::Incident,
        DOCUMENTER,
        200,
    ),
    // end evidence
    // commitments
    row(M::Get, "/api/v1/agreements", RECORD, 200),
    row(M::Post, "/api/v1/agreements", DOCUMENTER, 201),
    on(
        M::Get,
        "/api/v1/agreements/{id}",
        Obj::Agreement,
        RECORD,
        200,
    ),
    on(
        M::Post,
        "/api/v1/agreements/{id}/commitments",
        Obj::Agreement,
        DOCUMENTER,
        201,
    ),
    on(
        M::Get,
        "/api/v1/commitments/{id}",
        Obj::Commitment,
        RECORD,
        200,
    ),
    on(
        M::Post,
        "/api/v1/commitments/{id}/observations",
        Obj::Commitment,
        DOCUMENTER,
        201,
    ),
    row(M::Get, "/api/v1/visits", RECORD, 200),
    row(M::Post, "/api/v1/visits", DOCUMENTER, 201),
    on(M::Get, "/api/v1/visits/{id}", Obj::Visit, RECORD, 200),
    row(M::Get, "/api/v1/reports/commitments", RECORD, 200),
    row(M::Get, "/api/v1/reports/published", ALL, 200),
    row(M::Post, "/api/v1/reports/published", DOCUMENTER, 201),
    on(
        M::Get,
        "/api/v1/reports/published/{id}",
        Obj::Published,
        ALL,
        200,
    ),
    on(
        M::Post,
        "/api/v1/reports/published/{id}/withdraw",
        Obj::WithdrawApi,
        DOCUMENTER,
        204,
    ),
    row(M::Get, "/api/v1/reports/commitments/export", RECORD, 200),
    // end commitments
];

/// Routes outside the matrix, answered the same to everyone.
const PUBLIC: &[&str] = &[
    "/login",
    "/logout",
    "/healthz",
    "/readyz",
    "/api/v1/openapi.json",
    // incidents: the events export's JSON Schema holds no data.
    "/api/v1/schemas/events.json",
];

fn name(r: Role) -> String {
    format!("{}_user", r.as_str())
}

/// A form body that the allowed role's request would pass validation with.
fn form_for(path: &str, n: usize) -> Vec<(&'static str, String)> {
    match path {
        // evidence: court bundle
        "/documentation/incidents/{id}/bundle" => vec![(
            "recipient",
            age::x25519::Identity::generate().to_public().to_string(),
        )],
        "/account/password" => vec![
            ("current", "not my password".into()),
            ("new", "x".into()),
            ("confirm", "y".into()),
        ],
        "/account/tokens" => vec![("name", "matrix".into())],
        "/admin/users" => vec![
            ("username", format!("made{n}")),
            ("role", "observer".into()),
        ],
        "/admin/users/search" => vec![("name", "Nobody".into())],
        "/admin/users/{id}/personal" => vec![("full_name", "Target Person".into())],
        "/admin/users/{id}/role" => vec![("role", "observer".into())],
        "/admin/users/{id}/status" => vec![("disabled", "0".into())],
        "/lang" => vec![("lang", "en".into())],
        "/registry/sites" => vec![
            ("code", format!("S{n}")),
            ("name_en", "Site".into()),
            ("kind", "camp".into()),
            ("country", "IRQ".into()),
        ],
        "/registry/sites/{id}" => vec![
            ("code", "MAIN".into()),
            ("name_en", "Main".into()),
            ("kind", "camp".into()),
            ("country", "IRQ".into()),
        ],
        "/registry/people" => vec![
            ("name_latin", "Test Person".into()),
            ("household", "new".into()),
        ],
        "/registry/people/search" => vec![("name", "Person Example".into())],
        "/registry/people/{id}/household" => vec![("relationship", "head".into())],
        "/registry/people/{id}/move" => vec![
            ("status", "present".into()),
            ("site", "MAIN".into()),
            ("scope", "household".into()),
        ],
        "/registry/matches/{id}/decide" => {
            vec![("decision", "distinct".into()), ("reason", "matrix".into())]
        }
        "/admin/watchlist" => vec![
            ("name", format!("Matrix Watch{n}")),
            ("category", "other".into()),
        ],
        "/registry/exports" => vec![
            ("recipient", crate::export::recipient()),
            ("purpose", "matrix".into()),
        ],
        "/registry/convoys" => vec![
            ("seq", (100 + n).to_string()),
            ("origin", "MAIN".into()),
            ("destination", "DEST".into()),
        ],
        "/registry/convoys/{id}" => vec![
            ("seq", "9001".into()),
            ("origin", "MAIN".into()),
            ("destination", "DEST".into()),
            ("status", "under_way".into()),
        ],
        "/registry/convoys/{id}/people" | "/registry/convoys/{id}/people/remove" => {
            vec![("code", crate::convoys::matrix_code(1))]
        }
        "/registry/convoys/{id}/manifest" | "/registry/manifest-lines/{id}" => vec![
            ("item", "Generators".into()),
            ("agreed", "6".into()),
            ("allowed", "2".into()),
        ],
        "/registry/convoys/{id}/complete" => {
            vec![("arrived_on", "2012-05-04".into()), ("arrived", "1".into())]
        }
        "/registry/convoys/{id}/missing" => vec![
            ("missing", crate::convoys::matrix_code(2)),
            ("arrived", "0".into()),
        ],
        // incidents (the matrix's source is the first of a fresh database: id 1)
        "/documentation/organisations" => {
            vec![
                ("name", format!("Matrix Org {n}")),
                ("org_kind", "ngo".into()),
            ]
        }
        "/documentation/organisations/{id}/aliases" => vec![("aliases", "Matrix Alias".into())],
        "/documentation/sources" => vec![
            ("source_kind", "article".into()),
            ("title", "Matrix source".into()),
            ("publisher", "Matrix Outlet".into()),
            ("affiliation", "independent".into()),
            ("reliability", "B".into()),
            ("reliability_reason", "matrix".into()),
        ],
        "/documentation/incidents" => vec![
            ("title", "Matrix".into()),
            ("category", "killing".into()),
            ("started", "2013".into()),
        ],
        "/documentation/incidents/{id}/acts" => {
            vec![("act", "killed".into()), ("victims", "2".into())]
        }
        "/documentation/incidents/{id}/perpetrators" => vec![
            ("organisation", "Matrix Outlet".into()),
            ("involvement", "direct".into()),
        ],
        "/documentation/incidents/{id}/claims" => vec![
            ("source", "1".into()),
            ("values", "killed = 2".into()),
            ("credibility", "2".into()),
        ],
        "/documentation/incidents/{id}/figures" => vec![
            ("measure", "killed".into()),
            ("value", "2".into()),
            ("reason", "matrix".into()),
        ],
        "/documentation/incidents/{id}/edit" => vec![
            ("title", "Matrix incident".into()),
            ("category", "killing".into()),
            ("started", "2013-02".into()),
        ],
        "/documentation/incidents/{id}/retract"
        | "/documentation/claims/{id}/retract"
        | "/documentation/sources/{id}/retract" => vec![("reason", "matrix".into())],
        "/documentation/sources/{id}/edit" => vec![
            ("source_kind", "article".into()),
            ("title", "Matrix".into()),
            ("publisher", "Matrix Outlet".into()),
            ("affiliation", "independent".into()),
            ("reliability", "C".into()),
            ("reliability_reason", "matrix".into()),
        ],
        "/documentation/organisations/{id}/edit" => vec![
            ("name", "Matrix Outlet".into()),
            ("org_kind", "media_outlet".into()),
            ("aliases", "Matrix Alias".into()),
        ],
        "/documentation/incidents/{id}/verification" => {
            vec![
                ("verification", "verified".into()),
                ("reason", "matrix".into()),
            ]
        }
        // resettlement
        "/resettlement/cases" => vec![
            ("household", "HH-MATRIX1".into()),
            ("date", "2013-01-01".into()),
        ],
        "/resettlement/cases/{id}/step" => {
            vec![
                ("stage", "interviewed".into()),
                ("date", "2013-02-01".into()),
            ]
        }
        "/resettlement/offers" | "/resettlement/offers/{id}" => vec![
            ("country", "DEU".into()),
            ("announced_on", "2013-01-01".into()),
            ("places", "100".into()),
        ],
        // commitments
        "/documentation/agreements" => vec![
            ("title", format!("Matrix agreement {n}")),
            ("agreement_kind", "letter".into()),
            ("made_on", "2012-02-15".into()),
            ("parties", "Matrix Party".into()),
        ],
        "/documentation/agreements/{id}/commitments" => vec![
            ("statement", "Matrix".into()),
            ("owed_by", "Matrix Party".into()),
            ("from", "2012-02-15".into()),
            ("term", "deadline".into()),
            ("due_on", "2012-07-20".into()),
        ],
        "/reports/published" => vec![("as_of", "2013-01-01".into())],
        "/reports/published/{id}/withdraw" => vec![("reason", "matrix".into())],
        "/documentation/visits" => vec![
            ("organisation", "Matrix Party".into()),
            ("site", "MAIN".into()),
            ("arrival", "2012-03-01T10:00".into()),
            ("departure", "2012-03-01T14:00".into()),
        ],
        "/documentation/commitments/{id}/observations" => vec![
            ("observed_on", "2012-03-01".into()),
            ("outcome", "statement".into()),
            ("source", "1".into()),
        ],
        // end commitments
        _ => vec![],
    }
}

fn json_for(path: &str, n: usize) -> serde_json::Value {
    match path {
        // evidence: court bundle
        "/api/v1/incidents/{id}/bundle" => serde_json::json!({
            "recipient": age::x25519::Identity::generate().to_public().to_string()
        }),
        "/api/v1/tokens" => serde_json::json!({"name": "matrix"}),
        "/api/v1/users" => serde_json::json!({"username": format!("api{n}"), "role": "observer"}),
        "/api/v1/users/{id}" => serde_json::json!({"role": "observer"}),
        "/api/v1/users/{id}/personal" => serde_json::json!({"full_name": "Target Person"}),
        "/api/v1/sites" => {
            serde_json::json!({"code": format!("A{n}"), "name_en": "Site", "kind": "camp", "country": "IRQ"})
        }
        "/api/v1/sites/{id}" => {
            serde_json::json!({"code": "MAIN", "name_en": "Main", "kind": "camp", "country": "IRQ"})
        }
        "/api/v1/people" | "/api/v1/people/{id}" => serde_json::json!({"name_latin": "Api Person"}),
        "/api/v1/people/{id}/move" => serde_json::json!({"status": "present", "site": "MAIN"}),
        "/api/v1/matches/{id}/decision" => {
            serde_json::json!({"decision": "distinct", "reason": "matrix"})
        }
        "/api/v1/watchlist" => {
            serde_json::json!({"name": format!("Api Watch{n}"), "category": "known_agent"})
        }
        "/api/v1/convoys" => {
            serde_json::json!({"seq": 100_000 + n, "origin": "MAIN", "destination": "DEST"})
        }
        "/api/v1/convoys/{id}" => {
            serde_json::json!({"seq": 9001, "origin": "MAIN", "destination": "DEST", "status": "under_way"})
        }
        "/api/v1/convoys/{id}/people" | "/api/v1/convoys/{id}/people/remove" => {
            serde_json::json!({"code": crate::convoys::matrix_code(1)})
        }
        "/api/v1/convoys/{id}/manifest" | "/api/v1/manifest-lines/{id}" => {
            serde_json::json!({"item": "Utility trucks", "agreed": 6, "allowed": 0})
        }
        "/api/v1/convoys/{id}/complete" => {
            serde_json::json!({"arrived_on": "2012-05-04", "arrived": 1})
        }
        "/api/v1/convoys/{id}/missing" => {
            serde_json::json!({"missing": [crate::convoys::matrix_code(3)], "arrived": 0})
        }
        // incidents
        "/api/v1/organisations" => {
            serde_json::json!({"name": format!("Api Org {n}"), "kind": "ngo"})
        }
        "/api/v1/organisations/{id}/aliases" => serde_json::json!({"aliases": ["Api Alias"]}),
        "/api/v1/sources" => serde_json::json!({"kind": "report", "title": "Api source",
            "affiliation": "independent", "reliability": "C", "reliability_reason": "matrix"}),
        "/api/v1/incidents" => {
            serde_json::json!({"title": "Api", "category": "threat", "started": "2013-10"})
        }
        "/api/v1/incidents/{id}/acts" => serde_json::json!({"act": "threatened", "victims": 5}),
        "/api/v1/incidents/{id}/perpetrators" => {
            serde_json::json!({"organisation": "Matrix Party", "involvement": "command"})
        }
        "/api/v1/incidents/{id}/claims" => {
            serde_json::json!({"source": 1, "values": {"killed": 3}, "credibility": 3})
        }
        "/api/v1/incidents/{id}/figures" => {
            serde_json::json!({"measure": "killed", "value": 3, "reason": "matrix"})
        }
        "/api/v1/incidents/{id}" => {
            serde_json::json!({"title": "Matrix incident", "category": "killing", "started": "2013-03"})
        }
        "/api/v1/incidents/{id}/retraction"
        | "/api/v1/claims/{id}/retraction"
        | "/api/v1/sources/{id}/retraction" => serde_json::json!({"reason": "matrix"}),
        "/api/v1/sources/{id}" => serde_json::json!({"kind": "article", "title": "Matrix",
            "publisher": "Matrix Outlet", "affiliation": "independent", "reliability": "B",
            "reliability_reason": "matrix"}),
        "/api/v1/organisations/{id}" => serde_json::json!({"name": "Matrix Outlet",
            "kind": "media_outlet", "aliases": ["Matrix Alias", "Api Alias"]}),
        "/api/v1/incidents/{id}/verification" => {
            serde_json::json!({"status": "unverified", "reason": "matrix"})
        }
        // resettlement
        "/api/v1/resettlement/cases" => {
            serde_json::json!({"household": "HH-MATRIX2", "date": "2013-01-01"})
        }
        "/api/v1/resettlement/cases/{id}/steps" => {
            serde_json::json!({"stage": "interviewed", "date": "2013-02-01"})
        }
        "/api/v1/resettlement/offers" | "/api/v1/resettlement/offers/{id}" => {
            serde_json::json!({"country": "DEU", "announced_on": "2013-01-01", "places": 100})
        }
        // commitments
        "/api/v1/agreements" => serde_json::json!({"title": format!("Api agreement {n}"),
            "kind": "letter", "made_on": "2012-02-15", "parties": ["Matrix Party"]}),
        "/api/v1/agreements/{id}/commitments" => serde_json::json!({"statement": "Api",
            "owed_by": "Matrix Party", "from": "2012-02-15", "term": "frequency", "visits": 1,
            "period_days": 30}),
        "/api/v1/commitments/{id}/observations" => serde_json::json!({"observed_on": "2012-03-01",
            "outcome": "statement", "source_id": 1}),
        "/api/v1/reports/published" => serde_json::json!({"as_of": "2013-01-01", "lang": "fa"}),
        "/api/v1/reports/published/{id}/withdraw" => serde_json::json!({"reason": "matrix"}),
        "/api/v1/visits" => serde_json::json!({"organisation": "Matrix Party", "site": "MAIN",
            "arrival": "2012-03-01 09:00", "departure": "2012-03-01 12:00", "monitors": 2}),
        // end commitments
        _ => serde_json::json!({}),
    }
}

#[tokio::test]
async fn every_role_gets_exactly_the_expected_answer() {
    let t = support::sqlite().await;
    let mut ids = Vec::new();
    for r in Role::ALL {
        ids.push((r, t.user(&name(r), r).await));
    }
    let target = t.user("target", Role::Analyst).await;
    let admin_id = ids[0].1;
    let admin_token = t.token(admin_id, "admin_user", Role::Admin).await;
    // An object that belongs to someone else: no role may even learn it exists.
    t.token(target, "target", Role::Analyst).await;
    let mut c = t.app.store.read().await.unwrap();
    let others_token_id: i64 = sqlx::query_scalar("select max(token_id) from api_tokens")
        .fetch_one(&mut *c)
        .await
        .unwrap();
    drop(c);
    let (site, person) = t.site_and_person("MAIN").await;
    let matching = crate::matching::authz_objects(&t).await;
    let registrar_id = ids.iter().find(|(r, _)| *r == Role::Registrar).unwrap().1;
    let exports = crate::export::authz_objects(&t, registrar_id).await;
    let convoys = crate::convoys::matrix_objects(&t).await;
    // incidents
    let documentation = crate::incidents::matrix_objects(&t).await;
    // resettlement
    let cases = crate::resettlement::matrix_objects(&t).await;
    // evidence
    let evidence = crate::evidence::matrix_object(&t, documentation.incident).await;
    // commitments
    let commitments = crate::commitments::matrix_objects(&t).await;
    let base = t.serve().await;
    let mut failures = Vec::new();
    let mut n = 0;

    for (role, uid) in &ids {
        let b = Browser::new(&base);
        assert_eq!(
            b.login(&name(*role), PASSWORD).await,
            303,
            "{role} signs in"
        );
        let token = t.token(*uid, &name(*role), *role).await;
        for r in UI {
            n += 1;
            let id = match r.id {
                // evidence
                Obj::Evidence => evidence,
                _ => object(
                    r,
                    others_token_id,
                    target,
                    site,
                    person,
                    &matching,
                    &exports,
                    &convoys,
                    &documentation,
                    &cases,
                    &commitments,
                ),
            };
            let path = r.path.replace("{id}", &id.to_string());
            let status = match r.m {
                M::Get => b.get(&path).await.status().as_u16(),
                M::Post if r.path == "/registry/import" => {
                    // The upload is multipart, with a file that passes (dry run).
                    let csrf = b.csrf("/account").await;
                    let csv = "external_id,name_latin\nM-1,Matrix Person\n";
                    let form = reqwest::multipart::Form::new()
                        .text("csrf", csrf)
                        .text("dry_run", "1")
                        .part(
                            "file",
                            reqwest::multipart::Part::bytes(csv.as_bytes().to_vec())
                                .file_name("m.csv"),
                        );
                    b.http
                        .post(format!("{base}{path}"))
                        .multipart(form)
                        .send()
                        .await
                        .unwrap()
                        .status()
                        .as_u16()
                }
                // evidence: a multipart upload of a small text file.
                M::Post if r.path == "/documentation/evidence" => {
                    let csrf = b.csrf("/account").await;
                    let form = reqwest::multipart::Form::new()
                        .text("csrf", csrf)
                        .text("target_type", "incident")
                        .text("target_id", documentation.incident.to_string())
                        .text("received_on", "2024-03-01")
                        .text("received_from", "Matrix witness")
                        .text("received_how", "email")
                        .part(
                            "file",
                            reqwest::multipart::Part::bytes(b"matrix".to_vec()).file_name("m.txt"),
                        );
                    b.http
                        .post(format!("{base}{path}"))
                        .multipart(form)
                        .send()
                        .await
                        .unwrap()
                        .status()
                        .as_u16()
                }
                _ => {
                    let form = form_for(r.path, n);
                    let f: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
                    b.submit("/account", &path, &f).await.status().as_u16()
                }
            };
            let want = expected(r, *role);
            if status != want {
                failures.push(format!("{role} {path}: got {status}, want {want}"));
            }
        }
        for r in API {
            n += 1;
            let id = match r.id {
                // evidence
                Obj::Evidence => evidence,
                _ => object(
                    r,
                    others_token_id,
                    target,
                    site,
                    person,
                    &matching,
                    &exports,
                    &convoys,
                    &documentation,
                    &cases,
                    &commitments,
                ),
            };
            let url = format!("{base}{}", r.path.replace("{id}", &id.to_string()));
            let http = reqwest::Client::new();
            let req = match r.m {
                M::Get => http.get(&url),
                M::Post => http.post(&url),
                M::Patch => http.patch(&url),
                M::Put => http.put(&url),
                M::Delete => http.delete(&url),
            };
            // evidence: the upload is multipart.
            let req = if r.path == "/api/v1/evidence" && matches!(r.m, M::Post) {
                req.multipart(
                    reqwest::multipart::Form::new()
                        .text("target_type", "incident")
                        .text("target_id", documentation.incident.to_string())
                        .text("received_on", "2024-03-01")
                        .text("received_from", "Matrix witness")
                        .text("received_how", "email")
                        .part(
                            "file",
                            reqwest::multipart::Part::bytes(b"matrix".to_vec()).file_name("m.txt"),
                        ),
                )
            } else {
                req.json(&json_for(r.path, n))
            };
            let status = req
                .bearer_auth(&token)
                .send()
                .await
                .unwrap()
                .status()
                .as_u16();
            let want = expected(r, *role);
            if status != want {
                failures.push(format!("{role} API {url}: got {status}, want {want}"));
            }
        }
    }

    // Anonymous: HTML routes send to the sign-in page, the API answers 401.
    let anon = Browser::new(&base);
    for r in UI.iter().filter(|r| r.path != "/lang") {
        let path = r.path.replace("{id}", &target.to_string());
        let res = match r.m {
            M::Get => anon.get(&path).await,
            _ => anon.post(&path, &[("csrf", "x")]).await,
        };
        let loc = support::location(&res);
        if res.status() != 303 || loc != "/login" {
            failures.push(format!("anonymous {path}: got {} → {loc}", res.status()));
        }
    }
    for r in API {
        let url = format!("{base}{}", r.path.replace("{id}", &target.to_string()));
        let s = reqwest::Client::new()
            .get(&url)
            .send()
            .await
            .unwrap()
            .status()
            .as_u16();
        let s2 = reqwest::Client::new()
            .get(&url)
            .bearer_auth("vgl_notarealtokennotarealtokennotareal")
            .send()
            .await
            .unwrap()
            .status()
            .as_u16();
        if s != 401 && s != 405 || s2 != 401 && s2 != 405 {
            failures.push(format!("anonymous API {url}: got {s} / {s2}"));
        }
    }

    // Signed in, but without the form's CSRF token: every POST is refused.
    let b = Browser::new(&base);
    b.login("admin_user", PASSWORD).await;
    for r in UI.iter().filter(|r| !matches!(r.m, M::Get)) {
        let path = r.path.replace("{id}", &target.to_string());
        let s = b.post(&path, &[("csrf", "forged")]).await.status().as_u16();
        if s != 403 {
            failures.push(format!("forged CSRF {path}: got {s}"));
        }
    }

    // An object that does not exist answers 404 to those who may look.
    let s = reqwest::Client::new()
        .get(format!("{base}/api/v1/users/999999"))
        .bearer_auth(&admin_token)
        .send()
        .await
        .unwrap()
        .status();
    assert_eq!(s, 404);
    assert_eq!(b.get("/admin/users/999999").await.status(), 404);

    assert!(
        failures.is_empty(),
        "unexpected answers:\n{}",
        failures.join("\n")
    );
}

#[allow(clippy::too_many_arguments)]
fn object(
    r: &Row,
    others_token: i64,
    user: i64,
    site: i64,
    person: i64,
    m: &crate::matching::Objects,
    x: &crate::export::Objects,
    c: &crate::convoys::MatrixObjects,
    d: &crate::incidents::MatrixObjects,
    rs: &crate::resettlement::MatrixObjects,
    k: &crate::commitments::MatrixObjects,
) -> i64 {
    match (r.hidden, r.id) {
        (true, _) => others_token,
        (false, Obj::User) => user,
        (false, Obj::Site) => site,
        (false, Obj::Person) => person,
        (false, Obj::Flag) => m.flag_ui,
        (false, Obj::FlagApi) => m.flag_api,
        (false, Obj::Watch) => m.watch_ui,
        (false, Obj::WatchApi) => m.watch_api,
        (false, Obj::ExportToApprove) => x.approve,
        (false, Obj::ExportToReject) => x.reject,
        (false, Obj::ExportToDownload) => x.download,
        (false, Obj::Convoy) => c.convoy,
        (false, Obj::ConvoyUi) => c.complete_ui,
        (false, Obj::ConvoyApi) => c.complete_api,
        (false, Obj::Line) => c.line,
        (false, Obj::LineUi) => c.line_ui,
        (false, Obj::LineApi) => c.line_api,
        // incidents
        (false, Obj::Org) => d.org,
        (false, Obj::Source) => d.source,
        (false, Obj::Incident) => d.incident,
        (false, Obj::IncidentRetractUi) => d.retract_ui,
        (false, Obj::IncidentRetractApi) => d.retract_api,
        (false, Obj::ClaimUi) => d.claim_ui,
        (false, Obj::ClaimApi) => d.claim_api,
        (false, Obj::SourceRetractUi) => d.source_retract_ui,
        (false, Obj::SourceRetractApi) => d.source_retract_api,
        // resettlement
        (false, Obj::CaseUi) => rs.case_ui,
        (false, Obj::CaseApi) => rs.case_api,
        (false, Obj::Offer) => rs.offer,
        // commitments
        (false, Obj::Agreement) => k.agreement,
        (false, Obj::Commitment) => k.commitment,
        (false, Obj::Visit) => k.visit,
        (false, Obj::Published) => k.published,
        (false, Obj::WithdrawUi) => k.withdraw_ui,
        (false, Obj::WithdrawApi) => k.withdraw_api,
        // evidence: the callers put the matrix's file in themselves.
        (false, Obj::Evidence) => unreachable!("evidence ids are resolved by the caller"),
    }
}

fn expected(r: &Row, role: Role) -> u16 {
    if r.hidden || r.hidden_for.contains(&role) {
        404
    } else if r.allowed.contains(&role) {
        r.ok
    } else {
        403
    }
}

#[test]
fn every_route_has_rows() {
    let mut routes = BTreeSet::new();
    for (file, prefix) in [("src/web/mod.rs", ""), ("src/web/api/mod.rs", "/api/v1")] {
        let src = std::fs::read_to_string(file).unwrap();
        // `.route(` then optional whitespace (rustfmt may break the line) then the path.
        for part in src.split(".route(").skip(1) {
            let Some(path) = part
                .trim_start()
                .strip_prefix('"')
                .and_then(|p| p.split('"').next())
            else {
                continue;
            };
            routes.insert(format!("{prefix}{path}"));
        }
    }
    let covered: BTreeSet<String> = UI
        .iter()
        .chain(API)
        .map(|r| r.path.to_string())
        .chain(PUBLIC.iter().map(|p| p.to_string()))
        .collect();
    let missing: Vec<_> = routes.difference(&covered).collect();
    assert!(
        missing.is_empty(),
        "routes without authorization-matrix rows: {missing:?}"
    );
}
