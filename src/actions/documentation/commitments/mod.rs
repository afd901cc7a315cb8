//! Agreements, their commitments and the observations about them, and the monitoring
//! visits: recorded by the documenter (each change audited in its transaction), read
//! by every reader of the record with each commitment's status computed as of the day
//! asked about, from observations, its convoy's manifest, the incidents at its site
//! and the visits there.

mod agreements;
mod commitment;
mod evidence;
pub mod publish;
pub mod report;
mod visits;

pub use agreements::{
    create_agreement, create_agreement_in, get_agreement, list_agreements, AgreementDetail,
    AgreementSummary,
};
pub use commitment::{
    add_commitment, add_commitment_in, add_observation, add_observation_in, get_commitment,
    statuses, CommitmentDetail, CommitmentSummary, HistoryEntry, StatusView,
};
pub use evidence::{evidence, term_of, EvidenceLink};
pub use visits::{
    get_visit, list_visits, list_visits_named, record_visit, record_visit_in, Gap, Presence,
    VisitDetail,
};

use commitment::summarise;

use crate::actions::Result;
use crate::domain::commitment::DAY_MS;
use crate::store::{self, Conn};

/// The end of the day `as_of` (a day, epoch ms): what stood *on* that day includes
/// that day's evidence.
pub fn end_of(as_of: i64) -> i64 {
    as_of - as_of.rem_euclid(DAY_MS) + DAY_MS - 1
}

pub(super) async fn org_names(c: &mut Conn) -> Result<Vec<(i64, String)>> {
    Ok(store::sources::list_organisations(c)
        .await?
        .into_iter()
        .map(|o| (o.organisation_id, o.name))
        .collect())
}

pub(super) fn name_of(orgs: &[(i64, String)], id: i64) -> String {
    orgs.iter()
        .find(|(i, _)| *i == id)
        .map_or_else(|| id.to_string(), |(_, n)| n.clone())
}
