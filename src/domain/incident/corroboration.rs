//! Corroboration, computed from the claims, never typed: how many *independent*
//! sources support an incident and each of its figures.
//!
//! Independence is by voice, not by document: every statement of a government, an
//! embassy or a party speaks with that party's voice, and so does a source aligned
//! with it; two articles of one outlet are one voice; a source with no known publisher
//! is its own voice. A claim supports only when its source is at least fairly reliable
//! (A–C) and the claim itself is at least possibly true (1–3): a doubtful claim or an
//! unreliable source never corroborates, however many of them there are.
//!
//! An incident is corroborated when two or more voices support it; a figure (killed =
//! 35) is corroborated when two or more voices give exactly that value. Differing
//! values are kept side by side; this module only counts who stands behind each.

use std::collections::{BTreeMap, BTreeSet};

use super::Act;
use crate::domain::source::{Affiliation, Credibility, Reliability};

/// Whose voice a source speaks with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
pub enum Voice {
    /// An organisation: the publisher of an official statement, or the party a source
    /// is aligned with.
    Party(i64),
    /// An independent publisher (all its articles together).
    Publisher(i64),
    /// A source with no known publisher (by source id).
    Alone(i64),
}

impl Voice {
    pub fn of(
        source_id: i64,
        affiliation: Affiliation,
        publisher: Option<i64>,
        aligned_with: Option<i64>,
    ) -> Voice {
        match (affiliation, aligned_with, publisher) {
            (Affiliation::Aligned, Some(party), _) => Voice::Party(party),
            (Affiliation::Official, _, Some(p)) => Voice::Party(p),
            (Affiliation::Independent, _, Some(p)) => Voice::Publisher(p),
            _ => Voice::Alone(source_id),
        }
    }
}

/// One claim about the incident, with its source's voice and both grades.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Witness {
    pub voice: Voice,
    pub reliability: Reliability,
    pub credibility: Credibility,
    pub values: Vec<(Act, i64)>,
}

impl Witness {
    /// Whether this claim may count towards corroboration.
    pub fn supports(&self) -> bool {
        self.reliability.at_least_fairly_reliable() && self.credibility.at_least_possible()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct ValueSupport {
    pub value: i64,
    /// Claims that give this value (supporting or not).
    pub claims: usize,
    /// Independent voices whose supporting claims give exactly this value.
    pub voices: usize,
    pub corroborated: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct FigureSupport {
    /// What the figure counts (killed, injured …).
    pub measure: String,
    pub low: i64,
    pub high: i64,
    /// Every value any source gives, smallest first.
    pub values: Vec<ValueSupport>,
}

impl FigureSupport {
    /// Whether the sources disagree on this figure.
    pub fn disputed(&self) -> bool {
        self.low != self.high
    }
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct Corroboration {
    /// Independent voices that support the incident.
    pub voices: usize,
    pub corroborated: bool,
    pub figures: Vec<FigureSupport>,
}

/// The voices needed to call something corroborated.
pub const MIN_VOICES: usize = 2;

pub fn corroborate(witnesses: &[Witness]) -> Corroboration {
    let voices: BTreeSet<Voice> = witnesses
        .iter()
        .filter(|w| w.supports())
        .map(|w| w.voice)
        .collect();
    // measure → value → (claims, supporting voices)
    let mut by_measure: BTreeMap<Act, BTreeMap<i64, (usize, BTreeSet<Voice>)>> = BTreeMap::new();
    for w in witnesses {
        for (measure, value) in &w.values {
            let entry = by_measure
                .entry(*measure)
                .or_default()
                .entry(*value)
                .or_default();
            entry.0 += 1;
            if w.supports() {
                entry.1.insert(w.voice);
            }
        }
    }
    let figures = by_measure
        .into_iter()
        .filter_map(|(measure, values)| {
            let low = *values.keys().next()?;
            let high = *values.keys().next_back()?;
            Some(FigureSupport {
                measure: crate::domain::person::Choice::as_str(measure).to_string(),
                low,
                high,
                values: values
                    .into_iter()
                    .map(|(value, (claims, v))| ValueSupport {
                        value,
                        claims,
                        voices: v.len(),
                        corroborated: v.len() >= MIN_VOICES,
                    })
                    .collect(),
            })
        })
        .collect();
    Corroboration {
        voices: voices.len(),
        corroborated: voices.len() >= MIN_VOICES,
        figures,
    }
}
