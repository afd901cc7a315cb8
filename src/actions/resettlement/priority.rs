//! The priority list: every open case scored and ranked (`domain::priority`), with the
//! case it scores. Reads only.

use std::collections::HashMap;

use crate::actions::Result;
use crate::app::App;
use crate::auth::capability::ReadRecord;
use crate::auth::Cap;
use crate::domain::priority::{self, CaseFacts, Score};
use crate::store;
use crate::store::resettlement::CaseRow;

#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct Ranked {
    pub rank: i64,
    pub case: CaseRow,
    pub score: Score,
}

/// Open cases, most urgent first, as of `as_of`.
pub async fn ranked(app: &App, _cap: &Cap<ReadRecord>, as_of: i64) -> Result<Vec<Ranked>> {
    let mut c = app.store.read().await?;
    let cases = store::resettlement::open_cases(&mut c).await?;
    let mut needs: HashMap<i64, Vec<(String, String)>> = HashMap::new();
    for (id, kind, urgency) in store::resettlement::open_case_needs(&mut c).await? {
        needs.entry(id).or_default().push((kind, urgency));
    }
    let facts: Vec<CaseFacts> = cases
        .iter()
        .map(|k| CaseFacts {
            case_id: k.case_id,
            opened_on: k.opened_on,
            priority: k.priority.clone(),
            needs: needs.remove(&k.case_id).unwrap_or_default(),
        })
        .collect();
    let mut by_id: HashMap<i64, CaseRow> = cases.into_iter().map(|k| (k.case_id, k)).collect();
    Ok(priority::rank(&facts, as_of)
        .into_iter()
        .enumerate()
        .filter_map(|(i, score)| {
            let case = by_id.remove(&score.case_id)?;
            Some(Ranked {
                rank: i as i64 + 1,
                case,
                score,
            })
        })
        .collect())
}
