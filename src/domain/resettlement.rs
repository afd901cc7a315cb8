//! Resettlement cases and country offers: the UNHCR stages a household's case goes
//! through, which stage may follow which, what each step must say (a submission names
//! a country, a priority and a category), and what a country's offer holds — pure
//! rules, shared by the forms, the API, the CLI and the demo.

use super::convoy::parse_day;
use super::person::Choice;
use super::site::parse_count;
use super::{Country, Invalid};

/// Where a case stands. `Accepted`, `Rejected` and `Deferred` are the three decisions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Stage {
    Identified,
    Interviewed,
    Recognised,
    Submitted,
    Accepted,
    Rejected,
    Deferred,
    DepartureScheduled,
    Departed,
    Withdrawn,
}

impl Choice for Stage {
    const FIELD: &'static str = "stage";
    const ALL: &'static [Self] = &[
        Stage::Identified,
        Stage::Interviewed,
        Stage::Recognised,
        Stage::Submitted,
        Stage::Accepted,
        Stage::Rejected,
        Stage::Deferred,
        Stage::DepartureScheduled,
        Stage::Departed,
        Stage::Withdrawn,
    ];
    fn as_str(self) -> &'static str {
        match self {
            Stage::Identified => "identified",
            Stage::Interviewed => "interviewed",
            Stage::Recognised => "recognised",
            Stage::Submitted => "submitted",
            Stage::Accepted => "accepted",
            Stage::Rejected => "rejected",
            Stage::Deferred => "deferred",
            Stage::DepartureScheduled => "departure_scheduled",
            Stage::Departed => "departed",
            Stage::Withdrawn => "withdrawn",
        }
    }
}

impl Stage {
    /// The stages that may follow this one. A rejected case may be submitted again (to
    /// another country); a deferred one may be decided later or submitted elsewhere.
    pub fn next(self) -> &'static [Stage] {
        use Stage::*;
        match self {
            Identified => &[Interviewed, Withdrawn],
            Interviewed => &[Recognised, Withdrawn],
            Recognised => &[Submitted, Withdrawn],
            Submitted => &[Accepted, Rejected, Deferred, Withdrawn],
            Deferred => &[Accepted, Rejected, Submitted, Withdrawn],
            Rejected => &[Submitted, Withdrawn],
            Accepted => &[DepartureScheduled, Withdrawn],
            DepartureScheduled => &[Departed, Withdrawn],
            Departed | Withdrawn => &[],
        }
    }

    pub fn is_closed(self) -> bool {
        matches!(self, Stage::Departed | Stage::Withdrawn)
    }

    /// Stages whose people hold places of the offer they were submitted under.
    pub fn holds_places(self) -> bool {
        matches!(
            self,
            Stage::Accepted | Stage::DepartureScheduled | Stage::Departed
        )
    }

    /// The funnel's order: the path a case takes, then the side exits.
    pub const FUNNEL: [Stage; 10] = [
        Stage::Identified,
        Stage::Interviewed,
        Stage::Recognised,
        Stage::Submitted,
        Stage::Deferred,
        Stage::Rejected,
        Stage::Accepted,
        Stage::DepartureScheduled,
        Stage::Departed,
        Stage::Withdrawn,
    ];
}

/// How urgently a submission asks the country to decide (UNHCR's three levels).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Priority {
    Normal,
    Urgent,
    Emergency,
}

impl Choice for Priority {
    const FIELD: &'static str = "priority";
    const ALL: &'static [Self] = &[Priority::Normal, Priority::Urgent, Priority::Emergency];
    fn as_str(self) -> &'static str {
        match self {
            Priority::Normal => "normal",
            Priority::Urgent => "urgent",
            Priority::Emergency => "emergency",
        }
    }
}

/// The submission category: why the household needs resettlement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Category {
    LegalPhysicalProtection,
    SurvivorsOfViolence,
    MedicalNeeds,
    WomenAtRisk,
    FamilyReunification,
    ChildrenAtRisk,
    NoAlternative,
}

impl Choice for Category {
    const FIELD: &'static str = "category";
    const ALL: &'static [Self] = &[
        Category::LegalPhysicalProtection,
        Category::SurvivorsOfViolence,
        Category::MedicalNeeds,
        Category::WomenAtRisk,
        Category::FamilyReunification,
        Category::ChildrenAtRisk,
        Category::NoAlternative,
    ];
    fn as_str(self) -> &'static str {
        match self {
            Category::LegalPhysicalProtection => "legal_physical_protection",
            Category::SurvivorsOfViolence => "survivors_of_violence",
            Category::MedicalNeeds => "medical_needs",
            Category::WomenAtRisk => "women_at_risk",
            Category::FamilyReunification => "family_reunification",
            Category::ChildrenAtRisk => "children_at_risk",
            Category::NoAlternative => "no_alternative",
        }
    }
}

/// The largest number of places an offer may announce, and of characters in a note.
pub const MAX_PLACES: i64 = 1_000_000;
pub const MAX_NOTE: usize = 500;

fn note(s: &str) -> Result<String, Invalid> {
    let s = s.trim();
    if s.chars().any(char::is_control) {
        return Err(Invalid::new(
            "notes",
            "invalid-text-control",
            "must not contain control characters",
        ));
    }
    if s.chars().count() > MAX_NOTE {
        return Err(Invalid::new(
            "notes",
            "case-invalid-note-length",
            format!("must be at most {MAX_NOTE} characters"),
        ));
    }
    Ok(s.to_string())
}

fn required_day(field: &'static str, s: &str) -> Result<i64, Invalid> {
    parse_day(field, s)?.ok_or_else(|| Invalid::new(field, "invalid-required", "is required"))
}

/// A step as typed: the stage to move to, its date, and what a submission says.
#[derive(Debug, Clone, Copy, Default)]
pub struct StepText<'a> {
    pub stage: &'a str,
    pub on: &'a str,
    pub country: &'a str,
    pub offer: &'a str,
    pub priority: &'a str,
    pub category: &'a str,
    pub note: &'a str,
}

/// A validated step. For a submission, either an offer (whose country it takes) or a
/// country is given, with a priority and a category; other stages carry neither.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StepInput {
    pub stage: Stage,
    /// Day, epoch milliseconds of midnight UTC.
    pub on: i64,
    pub country: Option<Country>,
    pub offer_id: Option<i64>,
    pub priority: Option<Priority>,
    pub category: Option<Category>,
    pub note: String,
}

impl StepInput {
    pub fn parse(t: &StepText<'_>) -> Result<Self, Invalid> {
        let stage = Stage::parse(t.stage)?;
        let on = required_day("date", t.on)?;
        let mut step = StepInput {
            stage,
            on,
            country: None,
            offer_id: None,
            priority: None,
            category: None,
            note: note(t.note)?,
        };
        if stage == Stage::Submitted {
            step.offer_id = parse_count("offer", t.offer, 1..=i64::MAX)?;
            step.country = match t.country.trim() {
                "" => None,
                c => Some(Country::parse("country", c)?),
            };
            if step.offer_id.is_none() && step.country.is_none() {
                return Err(Invalid::new(
                    "country",
                    "case-invalid-country-required",
                    "a submission names a country, or an offer of one",
                ));
            }
            step.priority = Some(match t.priority.trim() {
                "" => Priority::Normal,
                p => Priority::parse(p)?,
            });
            step.category = Some(Category::parse(t.category).map_err(|e| {
                if t.category.trim().is_empty() {
                    Invalid::new("category", "invalid-required", "is required")
                } else {
                    e
                }
            })?);
        }
        Ok(step)
    }
}

/// Why a step cannot follow the case's current state (checked by the action, which
/// knows the case).
pub fn check_step(
    current: Stage,
    last_on: i64,
    step: &StepInput,
    today: i64,
    rejected_by: &[String],
) -> Result<(), Invalid> {
    if !current.next().contains(&step.stage) {
        return Err(Invalid::new(
            "stage",
            "case-invalid-transition",
            format!(
                "a case at {} cannot move to {}",
                current.as_str(),
                step.stage.as_str()
            ),
        ));
    }
    if step.on < last_on {
        return Err(Invalid::new(
            "date",
            "case-invalid-before-last",
            "must not be before the date of the case's last step",
        ));
    }
    if step.on > today && step.stage != Stage::DepartureScheduled {
        return Err(Invalid::new(
            "date",
            "case-invalid-future",
            "must not be in the future",
        ));
    }
    if let Some(c) = &step.country {
        if rejected_by.iter().any(|r| r == c.as_str()) {
            return Err(Invalid::new(
                "country",
                "case-invalid-rejected-country",
                "this country has already rejected the case: submit it to another",
            ));
        }
    }
    Ok(())
}

/// An offer as typed.
#[derive(Debug, Clone, Copy, Default)]
pub struct OfferText<'a> {
    pub country: &'a str,
    pub announced_on: &'a str,
    pub places: &'a str,
    pub max_household: &'a str,
    pub medical: &'a str,
    pub note: &'a str,
}

/// A country's offer: places announced on a day, with its conditions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OfferInput {
    pub country: Country,
    pub announced_on: i64,
    pub places: i64,
    /// The largest household the country takes; `None`: any size.
    pub max_household: Option<i64>,
    /// Whether people with serious medical needs can be taken.
    pub medical: bool,
    pub note: String,
}

impl OfferInput {
    pub fn parse(t: &OfferText<'_>) -> Result<Self, Invalid> {
        if t.country.trim().is_empty() {
            return Err(Invalid::new("country", "invalid-required", "is required"));
        }
        Ok(OfferInput {
            country: Country::parse("country", t.country)?,
            announced_on: required_day("announced_on", t.announced_on)?,
            places: parse_count("places", t.places, 1..=MAX_PLACES)?
                .ok_or_else(|| Invalid::new("places", "invalid-required", "is required"))?,
            max_household: parse_count("max_household", t.max_household, 1..=100)?,
            medical: match t.medical.trim() {
                "" | "1" | "yes" | "true" | "on" => true,
                "0" | "no" | "false" | "off" => false,
                _ => {
                    return Err(Invalid::new(
                        "medical",
                        "invalid-choice",
                        "expected yes or no",
                    ))
                }
            },
            note: note(t.note)?,
        })
    }
}

/// Whether a household of `people`, some with serious medical needs, meets an offer's
/// conditions; the reason in English when it does not (the message id is the
/// caller's). Capacity is checked separately, because it depends on other cases.
pub fn meets_conditions(
    max_household: Option<i64>,
    medical_ok: bool,
    people: i64,
    medical_needs: bool,
) -> Result<(), Invalid> {
    if let Some(max) = max_household {
        if people > max {
            return Err(Invalid::new(
                "offer",
                "case-invalid-household-too-large",
                format!("the offer takes households of at most {max} people"),
            ));
        }
    }
    if medical_needs && !medical_ok {
        return Err(Invalid::new(
            "offer",
            "case-invalid-no-medical-capacity",
            "the offer cannot take people with serious medical needs",
        ));
    }
    Ok(())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn day(s: &str) -> i64 {
        crate::clock::parse_day(s).unwrap()
    }

    fn step(stage: &str, on: &str, country: &str) -> StepInput {
        StepInput::parse(&StepText {
            stage,
            on,
            country,
            category: if stage == "submitted" {
                "legal_physical_protection"
            } else {
                ""
            },
            ..StepText::default()
        })
        .unwrap()
    }

    #[test]
    fn stages_follow_the_unhcr_path_and_resubmission_after_rejection() {
        let today = day("2014-01-01");
        let s = step("interviewed", "2013-01-02", "");
        assert!(check_step(Stage::Identified, day("2013-01-01"), &s, today, &[]).is_ok());
        let e = check_step(
            Stage::Identified,
            0,
            &step("accepted", "2013-01-02", ""),
            today,
            &[],
        )
        .unwrap_err();
        assert_eq!((e.field, e.key), ("stage", "case-invalid-transition"));
        // Rejected by Albania: may go to Germany, not to Albania again.
        let de = step("submitted", "2013-06-01", "DEU");
        let rejected = vec!["ALB".to_string()];
        assert!(check_step(Stage::Rejected, 0, &de, today, &rejected).is_ok());
        let al = step("submitted", "2013-06-01", "alb");
        let e = check_step(Stage::Rejected, 0, &al, today, &rejected).unwrap_err();
        assert_eq!(e.key, "case-invalid-rejected-country");
        assert!(Stage::Departed.next().is_empty() && Stage::Withdrawn.next().is_empty());
    }

    #[test]
    fn dates_must_move_forward_and_not_into_the_future() {
        let s = step("interviewed", "2013-01-01", "");
        let e = check_step(
            Stage::Identified,
            day("2013-02-01"),
            &s,
            day("2014-01-01"),
            &[],
        )
        .unwrap_err();
        assert_eq!(e.field, "date");
        let e = check_step(Stage::Identified, 0, &s, day("2012-12-31"), &[]).unwrap_err();
        assert_eq!(e.key, "case-invalid-future");
        // A departure can be scheduled for a day to come.
        let d = step("departure_scheduled", "2013-03-01", "");
        assert!(check_step(Stage::Accepted, 0, &d, day("2013-02-01"), &[]).is_ok());
    }

    #[test]
    fn a_submission_names_a_country_and_a_category() {
        let bad = |t: StepText<'_>| StepInput::parse(&t).unwrap_err().field;
        let base = StepText {
            stage: "submitted",
            on: "2013-05-01",
            ..StepText::default()
        };
        assert_eq!(bad(base), "country");
        assert_eq!(
            bad(StepText {
                country: "XXX",
                ..base
            }),
            "country"
        );
        assert_eq!(
            bad(StepText {
                country: "ALB",
                ..base
            }),
            "category"
        );
        let ok = StepInput::parse(&StepText {
            country: "ALB",
            category: "medical_needs",
            priority: "urgent",
            ..base
        })
        .unwrap();
        assert_eq!(ok.priority, Some(Priority::Urgent));
        assert_eq!(bad(StepText { on: "", ..base }), "date");
        assert_eq!(
            bad(StepText {
                stage: "flown",
                ..base
            }),
            "stage"
        );
    }

    #[test]
    fn offers_and_their_conditions() {
        let o = OfferInput::parse(&OfferText {
            country: "deu",
            announced_on: "2013-03-01",
            places: "100",
            max_household: "4",
            medical: "no",
            note: "",
        })
        .unwrap();
        assert_eq!(o.country.as_str(), "DEU");
        assert!(!o.medical);
        assert!(meets_conditions(o.max_household, o.medical, 4, false).is_ok());
        assert_eq!(
            meets_conditions(o.max_household, o.medical, 5, false)
                .unwrap_err()
                .key,
            "case-invalid-household-too-large"
        );
        assert_eq!(
            meets_conditions(o.max_household, o.medical, 1, true)
                .unwrap_err()
                .key,
            "case-invalid-no-medical-capacity"
        );
        let bad = OfferInput::parse(&OfferText {
            country: "DEU",
            announced_on: "2013-03-01",
            places: "0",
            ..OfferText::default()
        })
        .unwrap_err();
        assert_eq!(bad.field, "places");
    }
}
