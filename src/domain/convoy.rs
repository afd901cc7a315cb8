//! Convoys: transfers of people and goods from one site to another. What a convoy's
//! fields may hold, what a manifest line is, where a line falls short of what was
//! agreed, and how the head counts reconcile — pure rules, shared by the form, the API
//! and the demo.

use super::person::{parse_date, Choice, PersonCode};
use super::site::{parse_count, SiteCode};
use super::Invalid;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ConvoyStatus {
    Planned,
    UnderWay,
    Completed,
    Blocked,
}

impl Choice for ConvoyStatus {
    const FIELD: &'static str = "status";
    const ALL: &'static [Self] = &[
        ConvoyStatus::Planned,
        ConvoyStatus::UnderWay,
        ConvoyStatus::Completed,
        ConvoyStatus::Blocked,
    ];
    fn as_str(self) -> &'static str {
        match self {
            ConvoyStatus::Planned => "planned",
            ConvoyStatus::UnderWay => "under_way",
            ConvoyStatus::Completed => "completed",
            ConvoyStatus::Blocked => "blocked",
        }
    }
}

/// The largest sequence number, head count or manifest quantity accepted: far above
/// any real convoy, low enough that sums never overflow.
pub const MAX_SEQ: i64 = 1_000_000;
pub const MAX_HEADS: i64 = 1_000_000;
pub const MAX_QUANTITY: i64 = 1_000_000_000;

/// A convoy's fields as typed (a form, an API body); empty means "not given".
#[derive(Debug, Clone, Copy, Default)]
pub struct ConvoyText<'a> {
    pub seq: &'a str,
    pub origin: &'a str,
    pub destination: &'a str,
    pub planned_on: &'a str,
    pub departed_on: &'a str,
    pub arrived_on: &'a str,
    pub status: &'a str,
}

/// A convoy as entered: validated, ready to store (sites still as codes; the action
/// resolves them, so an unknown code is reported on its field).
#[derive(Debug, Clone, PartialEq)]
pub struct ConvoyInput {
    pub seq: i64,
    pub origin: SiteCode,
    pub destination: SiteCode,
    /// Days as epoch milliseconds of midnight UTC.
    pub planned_on: Option<i64>,
    pub departed_on: Option<i64>,
    pub arrived_on: Option<i64>,
    /// Never `Completed`: completion is its own action, because it moves people.
    pub status: ConvoyStatus,
}

/// A day (`YYYY-MM-DD`, any digits) as epoch milliseconds of midnight UTC.
pub fn parse_day(field: &'static str, s: &str) -> Result<Option<i64>, Invalid> {
    match parse_date(field, s)? {
        None => Ok(None),
        Some((day, _)) => crate::clock::parse_day(&day)
            .map(Some)
            .ok_or_else(|| Invalid::new(field, "invalid-date", "expected a date as YYYY-MM-DD")),
    }
}

fn site(field: &'static str, s: &str) -> Result<SiteCode, Invalid> {
    if s.trim().is_empty() {
        return Err(Invalid::new(field, "invalid-required", "is required"));
    }
    SiteCode::parse(s).map_err(|e| Invalid { field, ..e })
}

impl ConvoyInput {
    pub fn parse(t: &ConvoyText<'_>) -> Result<Self, Invalid> {
        let seq = parse_count("seq", t.seq, 1..=MAX_SEQ)?
            .ok_or_else(|| Invalid::new("seq", "invalid-required", "is required"))?;
        let origin = site("origin", t.origin)?;
        let destination = site("destination", t.destination)?;
        if origin == destination {
            return Err(Invalid::new(
                "destination",
                "convoy-invalid-same-site",
                "must differ from the origin",
            ));
        }
        let planned_on = parse_day("planned_on", t.planned_on)?;
        let departed_on = parse_day("departed_on", t.departed_on)?;
        let arrived_on = parse_day("arrived_on", t.arrived_on)?;
        check_order(departed_on, arrived_on)?;
        let status = match t.status.trim() {
            "" => ConvoyStatus::Planned,
            s => ConvoyStatus::parse(s)?,
        };
        if status == ConvoyStatus::Completed {
            return Err(Invalid::new(
                "status",
                "convoy-invalid-status-completed",
                "a convoy is completed with the complete action, which moves its people",
            ));
        }
        Ok(ConvoyInput {
            seq,
            origin,
            destination,
            planned_on,
            departed_on,
            arrived_on,
            status,
        })
    }
}

fn check_order(departed: Option<i64>, arrived: Option<i64>) -> Result<(), Invalid> {
    match (departed, arrived) {
        (Some(d), Some(a)) if a < d => Err(Invalid::new(
            "arrived_on",
            "convoy-invalid-arrival-before-departure",
            "must not be before the departure date",
        )),
        _ => Ok(()),
    }
}

fn text(field: &'static str, s: &str, max: usize, required: bool) -> Result<String, Invalid> {
    let s = s.trim();
    if required && s.is_empty() {
        return Err(Invalid::new(field, "invalid-required", "is required"));
    }
    if s.chars().any(char::is_control) {
        return Err(Invalid::new(
            field,
            "invalid-text-control",
            "must not contain control characters",
        ));
    }
    if s.chars().count() > max {
        return Err(Invalid::new(
            field,
            "convoy-invalid-text-length",
            format!("must be at most {max} characters"),
        ));
    }
    Ok(s.to_string())
}

/// A manifest line as typed.
#[derive(Debug, Clone, Copy, Default)]
pub struct LineText<'a> {
    pub item: &'a str,
    pub unit: &'a str,
    pub agreed: &'a str,
    pub allowed: &'a str,
    pub moved: &'a str,
    pub agreed_source: &'a str,
    pub allowed_source: &'a str,
    pub moved_source: &'a str,
}

/// One line of a convoy's asset manifest: what was agreed, allowed and moved, each
/// figure with where it comes from (a citation, never personal data).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ManifestLineInput {
    pub item: String,
    pub unit: String,
    pub agreed: Option<i64>,
    pub allowed: Option<i64>,
    pub moved: Option<i64>,
    pub agreed_source: String,
    pub allowed_source: String,
    pub moved_source: String,
}

impl ManifestLineInput {
    pub fn parse(t: &LineText<'_>) -> Result<Self, Invalid> {
        let q = |field, s| parse_count(field, s, 0..=MAX_QUANTITY);
        let line = ManifestLineInput {
            item: text("item", t.item, 120, true)?,
            unit: text("unit", t.unit, 40, false)?,
            agreed: q("agreed", t.agreed)?,
            allowed: q("allowed", t.allowed)?,
            moved: q("moved", t.moved)?,
            agreed_source: text("agreed_source", t.agreed_source, 500, false)?,
            allowed_source: text("allowed_source", t.allowed_source, 500, false)?,
            moved_source: text("moved_source", t.moved_source, 500, false)?,
        };
        if line.agreed.is_none() && line.allowed.is_none() && line.moved.is_none() {
            return Err(Invalid::new(
                "agreed",
                "convoy-invalid-no-quantity",
                "give at least one of the quantities agreed, allowed or moved",
            ));
        }
        Ok(line)
    }
}

/// How far `actual` falls short of `agreed`, when both are known and it does.
pub fn short_of(agreed: Option<i64>, actual: Option<i64>) -> Option<i64> {
    match (agreed, actual) {
        (Some(a), Some(x)) if x < a => Some(a - x),
        _ => None,
    }
}

/// The vehicles due to a convoy of `people` under a ratio of `per` vehicles for every
/// `residents` (10 per 400 in the Ashraf–Liberty letters), rounded up: a part of a
/// block of residents still needs its vehicle.
pub fn due_by_ratio(people: i64, per: i64, residents: i64) -> i64 {
    if residents <= 0 || people <= 0 {
        return 0;
    }
    (people.saturating_mul(per) + residents - 1) / residents
}

/// The head counts of a convoy, side by side so they can be reconciled.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct HeadCount {
    /// People on the convoy's list.
    pub listed: i64,
    /// Counted leaving the origin (recorded at completion).
    pub left: Option<i64>,
    /// Counted arriving at the destination (recorded at completion).
    pub arrived: Option<i64>,
    /// People on the list marked missing (did not arrive).
    pub missing: i64,
}

impl HeadCount {
    /// How many more left than were listed (travellers not on the list), if any.
    pub fn unlisted(&self) -> i64 {
        self.left.map_or(0, |l| (l - self.listed).max(0))
    }

    /// How many left but did not arrive.
    pub fn did_not_arrive(&self) -> i64 {
        match (self.left, self.arrived) {
            (Some(l), Some(a)) => (l - a).max(0),
            _ => 0,
        }
    }

    /// Of those who did not arrive, how many are not yet accounted for by a person
    /// marked missing.
    pub fn unaccounted(&self) -> i64 {
        (self.did_not_arrive() - self.missing).max(0)
    }
}

/// The head counts and missing people entered when a convoy is completed, as typed.
#[derive(Debug, Clone, Default)]
pub struct CompleteText<'a> {
    pub departed_on: &'a str,
    pub arrived_on: &'a str,
    pub left: &'a str,
    pub arrived: &'a str,
    pub missing: Vec<&'a str>,
}

/// What completing a convoy records.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompleteInput {
    /// Default: the convoy's own dates (the arrival date is then required there).
    pub departed_on: Option<i64>,
    pub arrived_on: Option<i64>,
    /// Default: the number listed.
    pub left: Option<i64>,
    pub arrived: i64,
    /// People on the list who did not arrive.
    pub missing: Vec<PersonCode>,
}

/// Person codes from a form or body; blank entries are ignored, duplicates dropped.
pub fn parse_codes(field: &'static str, codes: &[&str]) -> Result<Vec<PersonCode>, Invalid> {
    let mut out: Vec<PersonCode> = Vec::new();
    for c in codes.iter().filter(|c| !c.trim().is_empty()) {
        let code = PersonCode::parse(c).map_err(|e| Invalid { field, ..e })?;
        if !out.contains(&code) {
            out.push(code);
        }
    }
    Ok(out)
}

impl CompleteInput {
    pub fn parse(t: &CompleteText<'_>) -> Result<Self, Invalid> {
        let departed_on = parse_day("departed_on", t.departed_on)?;
        let arrived_on = parse_day("arrived_on", t.arrived_on)?;
        check_order(departed_on, arrived_on)?;
        let left = parse_count("left", t.left, 0..=MAX_HEADS)?;
        let arrived = parse_count("arrived", t.arrived, 0..=MAX_HEADS)?
            .ok_or_else(|| Invalid::new("arrived", "invalid-required", "is required"))?;
        if left.is_some_and(|l| arrived > l) {
            return Err(Invalid::new(
                "arrived",
                "convoy-invalid-more-arrived",
                "cannot be more than the number who left",
            ));
        }
        Ok(CompleteInput {
            departed_on,
            arrived_on,
            left,
            arrived,
            missing: parse_codes("missing", &t.missing)?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn convoy(f: impl FnOnce(&mut ConvoyText<'static>)) -> Result<ConvoyInput, &'static str> {
        let mut t = ConvoyText {
            seq: "۵",
            origin: "ashraf",
            destination: "LIBERTY",
            planned_on: "2012-05-01",
            departed_on: "2012-05-04",
            arrived_on: "2012-05-04",
            status: "under way",
        };
        f(&mut t);
        ConvoyInput::parse(&t).map_err(|e| e.field)
    }

    #[test]
    fn convoys_are_validated_field_by_field() {
        let c = convoy(|_| {}).unwrap_or_else(|e| unreachable!("{e}"));
        assert_eq!(
            (c.seq, c.origin.as_str(), c.status),
            (5, "ASHRAF", ConvoyStatus::UnderWay)
        );
        assert_eq!(c.arrived_on, crate::clock::parse_day("2012-05-04"));
        assert_eq!(convoy(|t| t.seq = "").err(), Some("seq"));
        assert_eq!(convoy(|t| t.seq = "0").err(), Some("seq"));
        assert_eq!(convoy(|t| t.origin = "").err(), Some("origin"));
        assert_eq!(convoy(|t| t.destination = "x").err(), Some("destination"));
        assert_eq!(
            convoy(|t| t.destination = "Ashraf").err(),
            Some("destination")
        );
        assert_eq!(
            convoy(|t| t.planned_on = "2012-13-01").err(),
            Some("planned_on")
        );
        assert_eq!(
            convoy(|t| t.arrived_on = "2012-05-03").err(),
            Some("arrived_on")
        );
        assert_eq!(convoy(|t| t.status = "completed").err(), Some("status"));
        assert_eq!(convoy(|t| t.status = "lost").err(), Some("status"));
    }

    #[test]
    fn manifest_lines_need_an_item_and_a_quantity() {
        let ok = ManifestLineInput::parse(&LineText {
            item: " Generators ",
            agreed: "6",
            allowed: "٢",
            ..LineText::default()
        })
        .unwrap_or_else(|e| unreachable!("{e}"));
        assert_eq!(
            (ok.item.as_str(), ok.agreed, ok.allowed),
            ("Generators", Some(6), Some(2))
        );
        assert_eq!(short_of(ok.agreed, ok.allowed), Some(4));
        assert_eq!(short_of(ok.agreed, ok.moved), None);
        assert_eq!(short_of(Some(2), Some(6)), None);
        let e = |t: LineText<'_>| ManifestLineInput::parse(&t).err().map(|e| e.field);
        assert_eq!(
            e(LineText {
                agreed: "1",
                ..LineText::default()
            }),
            Some("item")
        );
        assert_eq!(
            e(LineText {
                item: "x",
                ..LineText::default()
            }),
            Some("agreed")
        );
        assert_eq!(
            e(LineText {
                item: "x",
                moved: "-1",
                ..LineText::default()
            }),
            Some("moved")
        );
        let long = "x".repeat(501);
        assert_eq!(
            e(LineText {
                item: "x",
                agreed: "1",
                moved_source: &long,
                ..LineText::default()
            }),
            Some("moved_source")
        );
        assert_eq!(
            e(LineText {
                item: "a\u{7}",
                agreed: "1",
                ..LineText::default()
            }),
            Some("item")
        );
    }

    #[test]
    fn head_counts_reconcile() {
        let h = HeadCount {
            listed: 400,
            left: Some(402),
            arrived: Some(397),
            missing: 2,
        };
        assert_eq!(
            (h.unlisted(), h.did_not_arrive(), h.unaccounted()),
            (2, 5, 3)
        );
        assert_eq!(HeadCount::default().unaccounted(), 0);
        assert_eq!(due_by_ratio(400, 10, 400), 10);
        assert_eq!(due_by_ratio(401, 10, 400), 11);
        assert_eq!(due_by_ratio(0, 10, 400), 0);
    }

    #[test]
    fn completion_needs_the_arrived_count_and_valid_codes() {
        let t = CompleteText {
            arrived: "",
            ..CompleteText::default()
        };
        assert_eq!(
            CompleteInput::parse(&t).err().map(|e| e.field),
            Some("arrived")
        );
        let t = CompleteText {
            left: "3",
            arrived: "4",
            ..CompleteText::default()
        };
        assert_eq!(
            CompleteInput::parse(&t).err().map(|e| e.field),
            Some("arrived")
        );
        let t = CompleteText {
            arrived: "1",
            missing: vec!["VG-NOPE"],
            ..CompleteText::default()
        };
        assert_eq!(
            CompleteInput::parse(&t).err().map(|e| e.field),
            Some("missing")
        );
        let t = CompleteText {
            arrived: "1",
            missing: vec!["", " "],
            ..CompleteText::default()
        };
        assert_eq!(CompleteInput::parse(&t).map(|c| c.missing.len()), Ok(0));
    }
}
