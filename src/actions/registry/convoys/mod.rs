//! Convoys: creating and changing them, and reading one with its people, manifest,
//! shortfalls and head counts. Who is on a convoy is in `members`, the asset manifest
//! in `manifest`, and completion — the one action that moves people — in `complete`.

pub mod complete;
pub mod manifest;
pub mod members;

use serde_json::json;

use crate::actions::{audit, ActionError, Event, Result};
use crate::app::App;
use crate::auth::capability::{Cap, ReadRecord, WriteRegistry};
use crate::domain::convoy::{short_of, ConvoyInput, ConvoyStatus, HeadCount};
use crate::domain::person::Choice;
use crate::domain::site::SiteCode;
use crate::domain::Invalid;
use crate::store::convoys::{ConvoyFields, ConvoyListRow, ConvoyRow, LineRow, MemberRow};
use crate::store::{self, Conn};

/// Why a convoy action was refused (the API's `detail`); `refusal_key` names the
/// message the pages show for each.
pub const ALREADY_COMPLETED: &str = "this convoy is completed; its people have moved";
pub const BLOCKED: &str = "a blocked convoy cannot be completed; change its status first";
pub const NOT_COMPLETED: &str = "this convoy is not completed yet";
pub const NOT_AT_ORIGIN: &str =
    "someone on the convoy is no longer present at its origin; remove them first";

/// The message id for a refusal reason above.
pub fn refusal_key(why: &str) -> &'static str {
    match why {
        ALREADY_COMPLETED => "convoy-refused-completed",
        BLOCKED => "convoy-refused-blocked",
        NOT_COMPLETED => "convoy-refused-not-completed",
        NOT_AT_ORIGIN => "convoy-refused-not-at-origin",
        _ => "error-refused",
    }
}

async fn site_id(c: &mut Conn, field: &'static str, code: &SiteCode) -> Result<i64> {
    store::sites::by_code(c, code.as_str())
        .await?
        .map(|s| s.site_id)
        .ok_or_else(|| Invalid::new(field, "invalid-site", "no site has this code").into())
}

/// The convoy, or `NotFound`; refused once completed (its people have moved, so its
/// list and places are history).
pub(crate) async fn open_convoy(c: &mut Conn, id: i64) -> Result<ConvoyRow> {
    let convoy = store::convoys::get(c, id)
        .await?
        .ok_or(ActionError::NotFound)?;
    if convoy.status == ConvoyStatus::Completed.as_str() {
        return Err(ActionError::Refused(ALREADY_COMPLETED));
    }
    Ok(convoy)
}

fn details(s: &ConvoyInput) -> serde_json::Value {
    json!({ "seq": s.seq, "origin": s.origin.as_str(), "destination": s.destination.as_str(),
            "planned_on": s.planned_on, "departed_on": s.departed_on, "arrived_on": s.arrived_on,
            "status": s.status.as_str() })
}

fn summary(s: &ConvoyInput) -> String {
    format!(
        "convoy {}: {} → {}, {}",
        s.seq,
        s.origin.as_str(),
        s.destination.as_str(),
        s.status.as_str()
    )
}

/// Creates a convoy inside the caller's transaction (the demo builds many in one).
pub async fn create_in(
    c: &mut Conn,
    app: &App,
    cap: &Cap<WriteRegistry>,
    s: &ConvoyInput,
) -> Result<i64> {
    let fields = ConvoyFields {
        seq: s.seq,
        origin_site_id: site_id(c, "origin", &s.origin).await?,
        destination_site_id: site_id(c, "destination", &s.destination).await?,
        planned_on: s.planned_on,
        departed_on: s.departed_on,
        arrived_on: s.arrived_on,
        status: s.status.as_str(),
    };
    let id = store::convoys::insert(c, &fields, app.now()).await?;
    audit(
        c,
        app,
        cap.actor(),
        Event {
            action: "convoy.create",
            object_type: "convoy",
            object_id: id.to_string(),
            summary: summary(s),
            details: details(s),
        },
    )
    .await?;
    Ok(id)
}

pub async fn create(app: &App, cap: &Cap<WriteRegistry>, s: &ConvoyInput) -> Result<i64> {
    let mut tx = app.store.write().await?;
    let id = create_in(&mut tx, app, cap, s).await?;
    tx.commit().await?;
    Ok(id)
}

/// Replaces a convoy's fields. Refused once completed; the origin cannot change while
/// people are listed (they were listed because they are there).
pub async fn update(app: &App, cap: &Cap<WriteRegistry>, id: i64, s: &ConvoyInput) -> Result<()> {
    let mut tx = app.store.write().await?;
    let before = open_convoy(&mut tx, id).await?;
    let origin = site_id(&mut tx, "origin", &s.origin).await?;
    if origin != before.origin_site_id && !store::convoys::members(&mut tx, id).await?.is_empty() {
        return Err(Invalid::new(
            "origin",
            "convoy-invalid-origin-has-people",
            "remove the people on the convoy before changing its origin",
        )
        .into());
    }
    let fields = ConvoyFields {
        seq: s.seq,
        origin_site_id: origin,
        destination_site_id: site_id(&mut tx, "destination", &s.destination).await?,
        planned_on: s.planned_on,
        departed_on: s.departed_on,
        arrived_on: s.arrived_on,
        status: s.status.as_str(),
    };
    store::convoys::update(&mut tx, id, &fields, app.now()).await?;
    audit(
        &mut tx,
        app,
        cap.actor(),
        Event {
            action: "convoy.update",
            object_type: "convoy",
            object_id: id.to_string(),
            summary: summary(s),
            details: details(s),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// A convoy in the list, with its sites' codes.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct ConvoySummary {
    #[serde(flatten)]
    pub row: ConvoyListRow,
    pub origin: String,
    pub destination: String,
}

async fn site_codes(c: &mut Conn) -> Result<Vec<(i64, String)>> {
    Ok(store::sites::list(c)
        .await?
        .into_iter()
        .map(|s| (s.site_id, s.code))
        .collect())
}

fn code_of(codes: &[(i64, String)], id: i64) -> String {
    codes
        .iter()
        .find(|(i, _)| *i == id)
        .map_or_else(String::new, |(_, c)| c.clone())
}

pub async fn list(app: &App, _cap: &Cap<ReadRecord>) -> Result<Vec<ConvoySummary>> {
    let mut c = app.store.read().await?;
    let codes = site_codes(&mut c).await?;
    Ok(store::convoys::list(&mut c)
        .await?
        .into_iter()
        .map(|row| ConvoySummary {
            origin: code_of(&codes, row.convoy.origin_site_id),
            destination: code_of(&codes, row.convoy.destination_site_id),
            row,
        })
        .collect())
}

/// A manifest line with how far it falls short of what was agreed.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct ManifestLine {
    #[serde(flatten)]
    pub line: LineRow,
    /// Agreed minus allowed, when allowed is below agreed.
    pub allowed_short: Option<i64>,
    /// Agreed minus moved, when moved is below agreed.
    pub moved_short: Option<i64>,
}

impl ManifestLine {
    pub fn of(line: LineRow) -> Self {
        ManifestLine {
            allowed_short: short_of(line.agreed, line.allowed),
            moved_short: short_of(line.agreed, line.moved),
            line,
        }
    }

    pub fn is_short(&self) -> bool {
        self.allowed_short.is_some() || self.moved_short.is_some()
    }
}

/// The manifest's totals for one unit (quantities in different units are not added).
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct UnitTotal {
    pub unit: String,
    pub lines: i64,
    pub agreed: i64,
    pub allowed: i64,
    pub moved: i64,
    /// Lines of this unit that fall short of what was agreed.
    pub short: i64,
}

pub fn totals(lines: &[ManifestLine]) -> Vec<UnitTotal> {
    let mut out: Vec<UnitTotal> = Vec::new();
    for l in lines {
        let unit = l.line.unit.trim().to_lowercase();
        let i = match out.iter().position(|t| t.unit == unit) {
            Some(i) => i,
            None => {
                out.push(UnitTotal {
                    unit,
                    ..UnitTotal::default()
                });
                out.len() - 1
            }
        };
        if let Some(t) = out.get_mut(i) {
            t.lines += 1;
            t.agreed += l.line.agreed.unwrap_or(0);
            t.allowed += l.line.allowed.unwrap_or(0);
            t.moved += l.line.moved.unwrap_or(0);
            t.short += i64::from(l.is_short());
        }
    }
    out
}

/// A convoy with everything its page shows.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct ConvoyDetail {
    #[serde(flatten)]
    pub convoy: ConvoyRow,
    pub origin: String,
    pub destination: String,
    pub members: Vec<MemberRow>,
    pub manifest: Vec<ManifestLine>,
    pub totals: Vec<UnitTotal>,
    pub head_count: HeadCount,
}

pub async fn get(app: &App, _cap: &Cap<ReadRecord>, id: i64) -> Result<ConvoyDetail> {
    let mut c = app.store.read().await?;
    let convoy = store::convoys::get(&mut c, id)
        .await?
        .ok_or(ActionError::NotFound)?;
    let codes = site_codes(&mut c).await?;
    let members = store::convoys::members(&mut c, id).await?;
    let manifest: Vec<ManifestLine> = store::convoys::lines(&mut c, id)
        .await?
        .into_iter()
        .map(ManifestLine::of)
        .collect();
    let head_count = HeadCount {
        listed: members.len() as i64,
        left: convoy.left_count,
        arrived: convoy.arrived_count,
        missing: members.iter().filter(|m| m.outcome == "missing").count() as i64,
    };
    Ok(ConvoyDetail {
        origin: code_of(&codes, convoy.origin_site_id),
        destination: code_of(&codes, convoy.destination_site_id),
        totals: totals(&manifest),
        convoy,
        members,
        manifest,
        head_count,
    })
}
