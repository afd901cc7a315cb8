//! Commitments: one obligation inside an agreement, with a *measurable* term, so that
//! whether it was kept is computed from the record (observations, convoy manifests,
//! incidents, monitoring visits) rather than typed in. This module holds the term
//! kinds and the evidence as plain values; `compliance` is the pure function that
//! judges a commitment as of a moment.
//!
//! Times are epoch milliseconds; days are epoch milliseconds of midnight UTC.

pub mod compliance;
pub mod facts;
pub mod input;
mod sweep;
mod sweep_terms;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_facts;
#[cfg(test)]
mod tests_site;

use super::incident::Category;
use super::Invalid;

/// One day in epoch milliseconds.
pub const DAY_MS: i64 = 86_400_000;

/// The measurable term of a commitment (domain.md lists the kinds).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Term {
    /// Done by the end of day `due` (water connected by 20 July).
    Deadline { due: i64 },
    /// At least `at_least` of an item; with `per_residents`, `at_least` for every
    /// that many residents of the convoy or site it concerns (10 vehicles per 400).
    Quantity {
        item: String,
        at_least: i64,
        per_residents: Option<i64>,
    },
    /// The owing party present at the site for at least `share_permille` ‰ of the
    /// time in force (24×7 monitoring is 1000 ‰).
    Presence { share_permille: i64 },
    /// At least `visits` visits in every `period_days` days in force.
    Frequency { visits: i64, period_days: i64 },
    /// The owing party must not do what incidents of `category` record.
    Prohibition { category: Category },
    /// The owing party must allow what incidents of `category` deny.
    Access { category: Category },
}

impl Term {
    pub fn kind(&self) -> &'static str {
        match self {
            Term::Deadline { .. } => "deadline",
            Term::Quantity { .. } => "quantity",
            Term::Presence { .. } => "presence",
            Term::Frequency { .. } => "frequency",
            Term::Prohibition { .. } => "prohibition",
            Term::Access { .. } => "access",
        }
    }

    /// Checks the numbers a term carries; the parsers at the boundary call this so a
    /// term the judge cannot evaluate never reaches the store.
    pub fn validate(&self) -> Result<(), Invalid> {
        let positive = |field: &'static str, v: i64, max: i64| {
            if (1..=max).contains(&v) {
                Ok(())
            } else {
                Err(Invalid::new(
                    field,
                    "invalid-range",
                    format!("expected a whole number from 1 to {max}"),
                ))
            }
        };
        match self {
            Term::Deadline { .. } | Term::Prohibition { .. } | Term::Access { .. } => Ok(()),
            Term::Quantity {
                item,
                at_least,
                per_residents,
            } => {
                if item.trim().is_empty() {
                    return Err(Invalid::new("item", "invalid-required", "is required"));
                }
                positive("at_least", *at_least, 1_000_000_000)?;
                match per_residents {
                    Some(n) => positive("per_residents", *n, 10_000_000),
                    None => Ok(()),
                }
            }
            Term::Presence { share_permille } => positive("share_permille", *share_permille, 1000),
            Term::Frequency {
                visits,
                period_days,
            } => {
                positive("visits", *visits, 10_000)?;
                positive("period_days", *period_days, 3660)
            }
        }
    }
}

/// A commitment as the judge needs it: the term and the period in force (`from`
/// inclusive, `until` exclusive; `None` = open-ended, "until the last resident leaves").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Commitment {
    pub term: Term,
    pub from: i64,
    pub until: Option<i64>,
}

/// What a dated observation says about a commitment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Fulfilled,
    /// Partly fulfilled, with the share in ‰ when the source gives one.
    Partly(Option<i64>),
    NotFulfilled,
    /// A statement about the commitment that does not say whether it was kept.
    Statement,
}

impl Outcome {
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Fulfilled => "fulfilled",
            Outcome::Partly(_) => "partly",
            Outcome::NotFulfilled => "not_fulfilled",
            Outcome::Statement => "statement",
        }
    }

    /// From the stored or submitted words; `share` (‰) is kept only for `partly`.
    pub fn parse(s: &str, share: Option<i64>) -> Result<Self, Invalid> {
        if let Some(v) = share {
            if !(0..=1000).contains(&v) {
                return Err(Invalid::new(
                    "share",
                    "invalid-range",
                    "expected a whole number from 0 to 1000",
                ));
            }
        }
        match s
            .trim()
            .to_ascii_lowercase()
            .replace([' ', '-'], "_")
            .as_str()
        {
            "fulfilled" => Ok(Outcome::Fulfilled),
            "partly" => Ok(Outcome::Partly(share)),
            "not_fulfilled" => Ok(Outcome::NotFulfilled),
            "statement" => Ok(Outcome::Statement),
            _ => Err(Invalid::new(
                "outcome",
                "invalid-choice",
                "expected one of fulfilled, partly, not_fulfilled, statement",
            )),
        }
    }
}

/// Where a piece of evidence lives in the record, so every status links to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EvidenceRef {
    Observation(i64),
    Incident(i64),
    Visit(i64),
    /// A convoy's manifest line (convoy id, line id).
    Manifest(i64, i64),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Observation {
    pub id: i64,
    pub at: i64,
    pub outcome: Outcome,
}

/// A manifest line of the item a quantity term counts, with the head count of the
/// convoy it travelled with. `delivered` is what was moved, or what was allowed when
/// nothing was counted at arrival; `None` when neither is known yet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Delivery {
    pub convoy_id: i64,
    pub line_id: i64,
    pub at: i64,
    pub delivered: Option<i64>,
    pub residents: Option<i64>,
}

/// A count of the item a quantity term concerns, made at a site on one day (an
/// observation that says how many were found), with the site's population that day:
/// "10 vehicles per 400 residents" owes more as the camp fills.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Count {
    /// The observation that reports the count.
    pub id: i64,
    pub at: i64,
    pub counted: i64,
    /// People present at the site at `at`; `None` when the term is not per residents
    /// or the commitment names no site.
    pub residents: Option<i64>,
}

/// An incident already matched to the commitment (same category, same site).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IncidentFact {
    pub id: i64,
    pub at: i64,
}

/// A monitoring visit of the owing party at the commitment's site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Visit {
    pub id: i64,
    pub arrival: i64,
    pub departure: i64,
}

/// Everything the record holds that may decide a commitment, of any date: the judge
/// itself ignores what is dated after the moment asked about.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Evidence {
    pub observations: Vec<Observation>,
    pub deliveries: Vec<Delivery>,
    pub counts: Vec<Count>,
    pub incidents: Vec<IncidentFact>,
    pub visits: Vec<Visit>,
}
