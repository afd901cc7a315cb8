//! Country offers: places a country announces, with its conditions, and the places
//! its accepted cases use.

use serde_json::json;

use crate::actions::{audit, ActionError, Event, Result};
use crate::app::App;
use crate::auth::capability::{ReadRecord, WriteCases};
use crate::auth::Cap;
use crate::domain::resettlement::OfferInput;
use crate::domain::Invalid;
use crate::store::resettlement::{CaseRow, OfferFields, OfferRow};
use crate::store::{self, Conn};

fn fields(o: &OfferInput) -> OfferFields<'_> {
    OfferFields {
        country: o.country.as_str(),
        announced_on: o.announced_on,
        places: o.places,
        max_household: o.max_household,
        medical: o.medical,
        note: &o.note,
    }
}

fn details(o: &OfferInput) -> serde_json::Value {
    json!({ "country": o.country.as_str(), "announced_on": o.announced_on, "places": o.places,
            "max_household": o.max_household, "medical": o.medical, "note": o.note })
}

pub async fn create_in(
    c: &mut Conn,
    app: &App,
    cap: &Cap<WriteCases>,
    o: &OfferInput,
) -> Result<i64> {
    let id = store::resettlement::insert_offer(c, &fields(o), app.now()).await?;
    audit(
        c,
        app,
        cap.actor(),
        Event {
            action: "offer.create",
            object_type: "resettlement_offer",
            object_id: id.to_string(),
            summary: format!("offer {id}: {} places, {}", o.places, o.country.as_str()),
            details: details(o),
        },
    )
    .await?;
    Ok(id)
}

pub async fn create(app: &App, cap: &Cap<WriteCases>, o: &OfferInput) -> Result<i64> {
    let mut tx = app.store.write().await?;
    let id = create_in(&mut tx, app, cap, o).await?;
    tx.commit().await?;
    Ok(id)
}

/// Changes an offer. Its places cannot fall below those its cases already use, and
/// its country cannot change once cases were submitted under it.
pub async fn update(app: &App, cap: &Cap<WriteCases>, id: i64, o: &OfferInput) -> Result<()> {
    let mut tx = app.store.write().await?;
    let before = store::resettlement::offer(&mut tx, id)
        .await?
        .ok_or(ActionError::NotFound)?;
    if o.places < before.used {
        return Err(Invalid::new(
            "places",
            "offer-invalid-below-used",
            format!("{} places are already used", before.used),
        )
        .into());
    }
    if o.country.as_str() != before.country && before.used + before.pending > 0 {
        return Err(Invalid::new(
            "country",
            "offer-invalid-country-has-cases",
            "cases were submitted under this offer: its country cannot change",
        )
        .into());
    }
    store::resettlement::update_offer(&mut tx, id, &fields(o), app.now()).await?;
    audit(
        &mut tx,
        app,
        cap.actor(),
        Event {
            action: "offer.update",
            object_type: "resettlement_offer",
            object_id: id.to_string(),
            summary: format!("offer {id}: {} places, {}", o.places, o.country.as_str()),
            details: details(o),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

pub async fn list(app: &App, _cap: &Cap<ReadRecord>) -> Result<Vec<OfferRow>> {
    let mut c = app.store.read().await?;
    Ok(store::resettlement::offers(&mut c).await?)
}

/// An offer with the cases submitted or accepted under it.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct OfferDetail {
    #[serde(flatten)]
    pub offer: OfferRow,
    pub left: i64,
    pub cases: Vec<CaseRow>,
}

pub async fn get(app: &App, _cap: &Cap<ReadRecord>, id: i64) -> Result<OfferDetail> {
    let mut c = app.store.read().await?;
    let offer = store::resettlement::offer(&mut c, id)
        .await?
        .ok_or(ActionError::NotFound)?;
    let cases = store::resettlement::cases_of_offer(&mut c, id).await?;
    Ok(OfferDetail {
        left: offer.left(),
        offer,
        cases,
    })
}
