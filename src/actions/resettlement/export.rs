//! Resettlement exports, audited: the cases (CSV or XLSX, no personal data) and the
//! HXL aggregate of people resettled by destination country and month.

use serde_json::json;

use crate::actions::{audit, ActionError, Event, Result};
use crate::app::App;
use crate::auth::capability::ReadRecord;
use crate::auth::Cap;
use crate::domain::export::Format;
use crate::domain::resettlement::Stage;
use crate::io::export::resettlement as files;
use crate::store;

/// The most cases one export holds (the list pages stop at 500; a file does not).
const MAX_CASES: i64 = 1_000_000;

/// The cases, at one stage or all, as a file in `format`.
pub async fn cases(
    app: &App,
    cap: &Cap<ReadRecord>,
    stage: Option<Stage>,
    format: Format,
) -> Result<Vec<u8>> {
    let rows = {
        let mut c = app.store.read().await?;
        store::resettlement::cases(
            &mut c,
            stage.map(crate::domain::person::Choice::as_str),
            MAX_CASES,
        )
        .await?
    };
    let bytes = match format {
        Format::Csv => files::cases_csv(&rows).into_bytes(),
        Format::Xlsx => {
            files::cases_xlsx(&rows).map_err(|e| ActionError::Internal(e.to_string()))?
        }
    };
    let mut tx = app.store.write().await?;
    audit(
        &mut tx,
        app,
        cap.actor(),
        Event {
            action: "export.cases",
            object_type: "export",
            object_id: "resettlement_cases".into(),
            summary: format!("{} cases exported ({format:?})", rows.len()),
            details: json!({ "stage": stage.map(crate::domain::person::Choice::as_str), "rows": rows.len() }),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(bytes)
}

/// People resettled by destination country and month, HXL CSV, small counts hidden.
pub async fn resettled(app: &App, cap: &Cap<ReadRecord>) -> Result<String> {
    let departures = {
        let mut c = app.store.read().await?;
        store::resettlement::departures(&mut c).await?
    };
    let csv = files::resettled_hxl(&departures);
    let mut tx = app.store.write().await?;
    audit(
        &mut tx,
        app,
        cap.actor(),
        Event {
            action: "export.resettled",
            object_type: "export",
            object_id: "resettled".into(),
            summary: format!(
                "resettled people by country and month ({} departures)",
                departures.len()
            ),
            details: json!({ "departures": departures.len() }),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(csv)
}
