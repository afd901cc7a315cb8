//! The dashboard's figures, read for roles that may read the working record.

use super::Result;
use crate::app::App;
use crate::auth::capability::{Cap, ReadRecord};
use crate::store::{self, stats::Counts};

pub async fn counts(app: &App, _cap: &Cap<ReadRecord>) -> Result<Counts> {
    let mut c = app.store.read().await?;
    Ok(store::stats::counts(&mut c).await?)
}
