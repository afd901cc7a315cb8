//! The HTML pages: one file per area, one askama struct per page.

pub mod account;
pub mod audit;
pub mod charts;
// commitments
pub mod commitment_forms;
pub mod commitments;
pub mod commitments_report;
pub mod commitments_report_body;
pub mod published;
pub mod visits;
// end commitments
pub mod convoy_forms;
pub mod convoys;
pub mod corrections;
pub mod dashboard;
pub mod errors;
pub mod exports;
// evidence
pub mod evidence;
// evidence: court bundle
pub mod bundle;
pub mod import;
// incidents
pub mod incident_forms;
pub mod incidents;
pub mod lang;
pub mod login;
pub mod matches;
pub mod page;
pub mod people;
// evidence: search
pub mod search;
pub mod sites;
// incidents
pub mod sources;
// incidents
pub mod timeline;
pub mod tokens;
pub mod users;
pub mod watchlist;

// resettlement
pub mod resettlement;
pub mod resettlement_allocation;
pub mod resettlement_exports;
pub mod resettlement_forms;
pub mod resettlement_pipeline;
pub mod resettlement_priority;
