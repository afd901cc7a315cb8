//! vigil's one integration-test binary: each module is an area of the system, tested
//! through its public surface (router, CLI, store) with real SQLite and PostgreSQL.
//!
//! Test code may unwrap, expect, panic and index: a failed expectation should fail the
//! test loudly, which is what the library's deny-lints exist to prevent elsewhere.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod authz;
mod canary;
// commitments
mod commitment_facts;
mod commitment_report;
mod commitments;
mod golden;
mod published;
// end commitments
mod cli;
mod cli_documentation;
mod convoy_http;
mod convoys;
mod durability;
// evidence
mod evidence;
mod evidence_http;
// evidence: court bundle
mod bundle;
mod evidence_copy;
mod evidence_files;
mod evidence_format;
mod evidence_upkeep;
mod export;
mod export_tools;
mod import;
// incidents
mod incident_api_claims;
mod incident_corrections;
mod incident_exports;
mod incident_form_claims;
mod incident_http;
mod incident_recording;
mod incidents;
mod matching;
mod matching_quality;
mod pg;
mod registry;
// evidence: search
mod search;
mod search_window;
// evidence: the demo
mod demo_evidence;
mod source_text;
mod story;
mod support;
mod trail;
mod watchlist;

// resettlement
mod resettlement;
mod resettlement_export;
