//! Duplicate and watch-list matching: why two records may be one person, what a
//! registrar decides about it, and the admin's watch-list entries — as validated
//! values, so the store only ever holds known words.
//!
//! The rules are deliberately simple and explainable to the person adjudicating: the
//! same document number (folded), or the same transliteration-aware name key
//! (`names::name_key`) with birth years at most [`YEAR_TOLERANCE`] apart and sexes
//! that do not contradict each other. A match is
//! only ever a *flag*: a person decides. docs/matching.md has the measured precision
//! and recall of these rules.

use super::person::{Choice, Secret};
use super::Invalid;

/// Birth years further apart than this are not the same person's (ages given at
/// registration are often estimates, and calendars are converted by hand).
pub const YEAR_TOLERANCE: i64 = 2;

/// Whether two recorded birth years could belong to one person; unknown fits anything.
pub fn years_compatible(a: Option<i64>, b: Option<i64>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => (a - b).abs() <= YEAR_TOLERANCE,
        _ => true,
    }
}

/// Whether two recorded sexes could belong to one person: only female against male
/// rules a name match out; unknown or other fits anything.
pub fn sexes_compatible(a: &str, b: &str) -> bool {
    excluded_sex(a) != b
}

/// The recorded sex that rules a name match out for someone recorded as `sex` (the
/// empty string, which no record holds, when nothing does).
pub fn excluded_sex(sex: &str) -> &'static str {
    match sex {
        "female" => "male",
        "male" => "female",
        _ => "",
    }
}

/// Folds a document number so the same number typed differently meets itself: Persian
/// and Arabic-Indic digits, spaces, dashes, slashes and case do not matter.
pub fn document_key(doc: &str) -> String {
    crate::i18n::normalize_digits(doc)
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect::<String>()
        .to_ascii_uppercase()
}

/// Why a flag was raised. Ordered by strength: a shared document outweighs a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum MatchReason {
    Document,
    NameBirthYear,
    WatchList,
}

impl Choice for MatchReason {
    const FIELD: &'static str = "match_reason";
    const ALL: &'static [Self] = &[
        MatchReason::Document,
        MatchReason::NameBirthYear,
        MatchReason::WatchList,
    ];
    fn as_str(self) -> &'static str {
        match self {
            MatchReason::Document => "document",
            MatchReason::NameBirthYear => "name_birth_year",
            MatchReason::WatchList => "watch_list",
        }
    }
}

/// Where a flag stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FlagStatus {
    Open,
    /// Same person: the later record was merged into the other.
    Merged,
    /// Different people (or, for the watch list, not the listed person).
    Distinct,
    /// The watch-list match was confirmed.
    Confirmed,
    /// One of the two was merged into a third record that was already flagged with
    /// the other, so this flag has nothing left to decide.
    Superseded,
}

impl Choice for FlagStatus {
    const FIELD: &'static str = "flag_status";
    const ALL: &'static [Self] = &[
        FlagStatus::Open,
        FlagStatus::Merged,
        FlagStatus::Distinct,
        FlagStatus::Confirmed,
        FlagStatus::Superseded,
    ];
    fn as_str(self) -> &'static str {
        match self {
            FlagStatus::Open => "open",
            FlagStatus::Merged => "merged",
            FlagStatus::Distinct => "distinct",
            FlagStatus::Confirmed => "confirmed",
            FlagStatus::Superseded => "superseded",
        }
    }
}

/// What a registrar decides about a flag.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// One person: merge (pairs only).
    Same,
    /// Different people; never flagged again as a pair.
    Distinct,
    /// The watch-list match holds (watch-list flags only).
    Confirmed,
}

impl Choice for Decision {
    const FIELD: &'static str = "decision";
    const ALL: &'static [Self] = &[Decision::Same, Decision::Distinct, Decision::Confirmed];
    fn as_str(self) -> &'static str {
        match self {
            Decision::Same => "same",
            Decision::Distinct => "distinct",
            Decision::Confirmed => "confirmed",
        }
    }
}

/// Which record keeps its code when two are merged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Keep {
    /// The earlier record (person A): the usual choice, its code is the older one.
    #[default]
    A,
    B,
}

impl Keep {
    pub fn parse(s: &str) -> Result<Keep, Invalid> {
        match s.trim().to_ascii_lowercase().as_str() {
            "" | "a" => Ok(Keep::A),
            "b" => Ok(Keep::B),
            _ => Err(Invalid::new("keep", "invalid-choice", "expected a or b")),
        }
    }
}

/// Why a decision was made, in words that hold no personal data ("same document,
/// photo compared"). Required: the trail must say why, not only who.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecisionReason(String);

impl DecisionReason {
    pub fn parse(s: &str) -> Result<Self, Invalid> {
        let s = s.trim();
        if s.is_empty() {
            return Err(Invalid::new(
                "decision_reason",
                "invalid-required",
                "a reason is required",
            ));
        }
        plain_text("decision_reason", s, 200).map(|s| DecisionReason(s.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

fn plain_text<'a>(field: &'static str, s: &'a str, max: usize) -> Result<&'a str, Invalid> {
    if s.chars().count() > max {
        return Err(Invalid::new(
            field,
            "invalid-text-length",
            format!("must be at most {max} characters"),
        ));
    }
    if s.chars().any(char::is_control) {
        return Err(Invalid::new(
            field,
            "invalid-text-control",
            "must not contain control characters",
        ));
    }
    Ok(s)
}

/// Kinds of watch-list entries (domain.md, threat model).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum WatchCategory {
    /// Known to work for the hostile state's services.
    KnownAgent,
    /// Has posed as a relative, a lawyer or an NGO to obtain information.
    Impersonator,
    /// Has tried to register, or to be resettled, as a former resident.
    Infiltrator,
    Other,
}

impl Choice for WatchCategory {
    const FIELD: &'static str = "watch_category";
    const ALL: &'static [Self] = &[
        WatchCategory::KnownAgent,
        WatchCategory::Impersonator,
        WatchCategory::Infiltrator,
        WatchCategory::Other,
    ];
    fn as_str(self) -> &'static str {
        match self {
            WatchCategory::KnownAgent => "known_agent",
            WatchCategory::Impersonator => "impersonator",
            WatchCategory::Infiltrator => "infiltrator",
            WatchCategory::Other => "other",
        }
    }
}

/// A new watch-list entry, validated. The name and the note are personal data.
#[derive(Debug, Clone)]
pub struct WatchInput {
    pub name: Secret,
    pub category: WatchCategory,
    pub note: Option<Secret>,
}

impl WatchInput {
    pub fn parse(name: &str, category: &str, note: &str) -> Result<Self, Invalid> {
        let name = name.trim();
        if super::names::name_key(name).is_empty() {
            return Err(Invalid::new(
                "watch_name",
                "invalid-watch-name",
                "a name in Latin, Persian or Arabic letters is required",
            ));
        }
        let name = plain_text("watch_name", name, 200)?;
        let note = note.trim();
        if note.chars().count() > 1000 {
            return Err(Invalid::new(
                "watch_note",
                "invalid-note-length",
                "must be at most 1,000 characters",
            ));
        }
        // The note is a textarea: line breaks are fine, other control characters not.
        plain_text("watch_note", &note.replace(['\n', '\r', '\t'], " "), 1000)?;
        Ok(WatchInput {
            name: Secret::new(name),
            category: WatchCategory::parse(category)?,
            note: (!note.is_empty()).then(|| Secret::new(note)),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn birth_years_fit_within_two_or_when_unknown() {
        assert!(years_compatible(Some(1970), Some(1972)));
        assert!(!years_compatible(Some(1970), Some(1973)));
        assert!(years_compatible(None, Some(1973)));
        assert!(sexes_compatible("female", "female"));
        assert!(!sexes_compatible("female", "male"));
        assert!(!sexes_compatible("male", "female"));
        assert!(sexes_compatible("unknown", "male"));
        assert!(sexes_compatible("male", "other"));
    }

    #[test]
    fn document_numbers_fold() {
        assert_eq!(document_key(" p-۱۲۳ ۴۵/6 "), "P123456");
        assert_eq!(document_key("P123456"), document_key("p 123 456"));
    }

    #[test]
    fn reasons_and_watch_entries_are_validated() {
        assert!(DecisionReason::parse("  ").is_err());
        assert!(DecisionReason::parse(&"x".repeat(201)).is_err());
        assert!(DecisionReason::parse("bad\u{7}").is_err());
        assert_eq!(
            DecisionReason::parse(" same document ").map(|r| r.as_str().to_string()),
            Ok("same document".to_string())
        );
        assert!(WatchInput::parse("123", "other", "").is_err());
        assert!(WatchInput::parse("Ali Ahmadi", "spy", "").is_err());
        let w = WatchInput::parse("علی احمدی", "known-agent", "").map(|w| w.category);
        assert_eq!(w, Ok(WatchCategory::KnownAgent));
        assert_eq!(Keep::parse("B"), Ok(Keep::B));
        assert!(Keep::parse("c").is_err());
    }

    #[test]
    fn stronger_reasons_sort_first() {
        assert!(MatchReason::Document < MatchReason::NameBirthYear);
    }
}
