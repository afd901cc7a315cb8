//! Agreements, commitments and observations as entered (a form, an API body, the
//! demo), parsed into validated values. Organisations stay names here: the action
//! resolves them through their spellings and reports an unknown one on its field.

use super::{Outcome, Term};
use crate::domain::convoy::{parse_day, MAX_SEQ};
use crate::domain::incident::{text, Category};
use crate::domain::person::Choice;
use crate::domain::site::{parse_count, SiteCode};
use crate::domain::Invalid;

pub const AGREEMENT_KINDS: &[&str] = &[
    "memorandum",
    "letter",
    "statement",
    "pledge",
    "understanding",
];

fn required_day(field: &'static str, s: &str) -> Result<i64, Invalid> {
    parse_day(field, s)?.ok_or_else(|| Invalid::new(field, "invalid-required", "is required"))
}

fn names(field: &'static str, list: &[String], required: bool) -> Result<Vec<String>, Invalid> {
    let mut out: Vec<String> = vec![];
    for n in list {
        let n = text(field, n, 200, false, false)?;
        if !n.is_empty() && !out.contains(&n) {
            out.push(n);
        }
    }
    if required && out.is_empty() {
        return Err(Invalid::new(field, "invalid-required", "is required"));
    }
    if out.len() > 50 {
        return Err(Invalid::new(field, "invalid-too-many", "at most 50"));
    }
    Ok(out)
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignatoryInput {
    pub name: String,
    /// The party they signed for, by any spelling of its name.
    pub party: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgreementInput {
    pub title: String,
    pub kind: &'static str,
    pub made_on: i64,
    pub summary: String,
    pub parties: Vec<String>,
    pub signatories: Vec<SignatoryInput>,
    /// Sources that carry the agreement (ids) with where in each it stands.
    pub sources: Vec<(i64, String)>,
}

#[derive(Debug, Clone, Copy, Default)]
pub struct AgreementText<'a> {
    pub title: &'a str,
    pub kind: &'a str,
    pub made_on: &'a str,
    pub summary: &'a str,
}

impl AgreementInput {
    pub fn parse(
        t: &AgreementText<'_>,
        parties: &[String],
        signatories: &[(String, String)],
        sources: &[(i64, String)],
    ) -> Result<Self, Invalid> {
        let kind_in = t.kind.trim().to_ascii_lowercase();
        let kind = AGREEMENT_KINDS
            .iter()
            .copied()
            .find(|k| *k == kind_in)
            .ok_or_else(|| {
                Invalid::new(
                    "kind",
                    "invalid-choice",
                    format!("expected one of {}", AGREEMENT_KINDS.join(", ")),
                )
            })?;
        let mut sigs = vec![];
        for (name, party) in signatories {
            let name = text("signatories", name, 200, true, false)?;
            let party = text("signatories", party, 200, false, false)?;
            sigs.push(SignatoryInput {
                name,
                party: (!party.is_empty()).then_some(party),
            });
        }
        let mut srcs = vec![];
        for (id, locator) in sources {
            if *id <= 0 {
                return Err(Invalid::new(
                    "sources",
                    "invalid-range",
                    "expected a source id",
                ));
            }
            srcs.push((*id, text("sources", locator, 200, false, false)?));
        }
        Ok(AgreementInput {
            title: text("title", t.title, 300, true, false)?,
            kind,
            made_on: required_day("made_on", t.made_on)?,
            summary: text("summary", t.summary, 4000, false, true)?,
            parties: names("parties", parties, true)?,
            signatories: sigs,
            sources: srcs,
        })
    }
}

/// A commitment's fields as strings; only those of the chosen term are read.
#[derive(Debug, Clone, Copy, Default)]
pub struct CommitmentText<'a> {
    pub statement: &'a str,
    pub owed_by: &'a str,
    pub owed_to: &'a str,
    pub site: &'a str,
    pub convoy: &'a str,
    pub from: &'a str,
    pub until: &'a str,
    pub term: &'a str,
    pub due_on: &'a str,
    pub item: &'a str,
    pub quantity: &'a str,
    pub per_residents: &'a str,
    pub share_permille: &'a str,
    pub visits: &'a str,
    pub period_days: &'a str,
    pub category: &'a str,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommitmentInput {
    pub statement: String,
    pub owed_by: String,
    pub owed_to: Option<String>,
    pub site: Option<SiteCode>,
    /// A convoy by its sequence number.
    pub convoy: Option<i64>,
    pub from: i64,
    pub until: Option<i64>,
    pub term: Term,
}

fn req_count(field: &'static str, s: &str, max: i64) -> Result<i64, Invalid> {
    parse_count(field, s, 1..=max)?
        .ok_or_else(|| Invalid::new(field, "invalid-required", "is required"))
}

impl CommitmentInput {
    pub fn parse(t: &CommitmentText<'_>) -> Result<Self, Invalid> {
        let statement = text("statement", t.statement, 2000, true, true)?;
        let owed_by = text("owed_by", t.owed_by, 200, true, false)?;
        let owed_to = text("owed_to", t.owed_to, 200, false, false)?;
        let site = match t.site.trim() {
            "" => None,
            s => Some(SiteCode::parse(s).map_err(|e| Invalid { field: "site", ..e })?),
        };
        let convoy = parse_count("convoy", t.convoy, 1..=MAX_SEQ)?;
        let from = required_day("from", t.from)?;
        let until = parse_day("until", t.until)?;
        if until.is_some_and(|u| u <= from) {
            return Err(Invalid::new(
                "until",
                "commitment-invalid-until",
                "must be after the day it comes into force",
            ));
        }
        let term =
            match t.term.trim().to_ascii_lowercase().as_str() {
                "deadline" => Term::Deadline {
                    due: required_day("due_on", t.due_on)?,
                },
                "quantity" => Term::Quantity {
                    item: text("item", t.item, 200, true, false)?,
                    at_least: req_count("quantity", t.quantity, 1_000_000_000)?,
                    per_residents: parse_count("per_residents", t.per_residents, 1..=10_000_000)?,
                },
                "presence" => Term::Presence {
                    share_permille: req_count("share_permille", t.share_permille, 1000)?,
                },
                "frequency" => Term::Frequency {
                    visits: req_count("visits", t.visits, 10_000)?,
                    period_days: req_count("period_days", t.period_days, 3660)?,
                },
                "prohibition" => Term::Prohibition {
                    category: Category::parse(t.category)?,
                },
                "access" => Term::Access {
                    category: Category::parse(t.category)?,
                },
                _ => return Err(Invalid::new(
                    "term",
                    "invalid-choice",
                    "expected one of deadline, quantity, presence, frequency, prohibition, access",
                )),
            };
        term.validate()?;
        if let Term::Quantity {
            per_residents: Some(_),
            ..
        } = term
        {
            // The head count that the per-resident figure is computed from: the
            // convoy's, or the site's population on the day of each count.
            if convoy.is_none() && site.is_none() {
                return Err(Invalid::new(
                    "convoy",
                    "commitment-invalid-per-convoy",
                    "a quantity per residents needs the convoy or the site whose head count it uses",
                ));
            }
        }
        Ok(CommitmentInput {
            statement,
            owed_by,
            owed_to: (!owed_to.is_empty()).then_some(owed_to),
            site,
            convoy,
            from,
            until,
            term,
        })
    }
}

#[derive(Debug, Clone, Copy, Default)]
pub struct ObservationText<'a> {
    pub observed_on: &'a str,
    pub outcome: &'a str,
    pub share_permille: &'a str,
    /// For a quantity term: how many of the item were counted that day.
    pub counted: &'a str,
    pub source: &'a str,
    pub locator: &'a str,
    pub note: &'a str,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ObservationInput {
    pub observed_on: i64,
    pub outcome: Outcome,
    pub counted: Option<i64>,
    pub source_id: i64,
    pub locator: String,
    pub note: String,
}

impl ObservationInput {
    pub fn parse(t: &ObservationText<'_>) -> Result<Self, Invalid> {
        let share = parse_count("share_permille", t.share_permille, 0..=1000)?;
        Ok(ObservationInput {
            observed_on: required_day("observed_on", t.observed_on)?,
            outcome: Outcome::parse(t.outcome, share)?,
            counted: parse_count("counted", t.counted, 0..=1_000_000_000)?,
            source_id: req_count("source", t.source, i64::MAX)?,
            locator: text("locator", t.locator, 200, false, false)?,
            note: text("note", t.note, 2000, false, true)?,
        })
    }
}

#[derive(Debug, Clone, Copy, Default)]
pub struct VisitText<'a> {
    pub organisation: &'a str,
    pub site: &'a str,
    /// `YYYY-MM-DD HH:MM` (UTC) or a day.
    pub arrival: &'a str,
    pub departure: &'a str,
    pub monitors: &'a str,
    pub source: &'a str,
}

/// A monitoring visit as entered; the organisation stays a name for the action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VisitInput {
    pub organisation: String,
    pub site: SiteCode,
    pub arrival: i64,
    pub departure: i64,
    pub monitors: Option<i64>,
    pub source_id: Option<i64>,
}

impl VisitInput {
    pub fn parse(t: &VisitText<'_>) -> Result<Self, Invalid> {
        let moment = |field: &'static str, s: &str| {
            crate::domain::incident::parse_when(field, s)?
                .map(|(at, _)| at)
                .ok_or_else(|| Invalid::new(field, "invalid-required", "is required"))
        };
        if t.site.trim().is_empty() {
            return Err(Invalid::new("site", "invalid-required", "is required"));
        }
        let arrival = moment("arrival", t.arrival)?;
        let departure = moment("departure", t.departure)?;
        if departure <= arrival {
            return Err(Invalid::new(
                "departure",
                "visit-invalid-departure",
                "must be after the arrival",
            ));
        }
        Ok(VisitInput {
            organisation: text("organisation", t.organisation, 200, true, false)?,
            site: SiteCode::parse(t.site).map_err(|e| Invalid { field: "site", ..e })?,
            arrival,
            departure,
            monitors: parse_count("monitors", t.monitors, 1..=10_000)?,
            source_id: parse_count("source", t.source, 1..=i64::MAX)?,
        })
    }
}
