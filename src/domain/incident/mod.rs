//! Incidents in the "who did what to whom" shape of the HURIDOCS Events Standard
//! Formats: what kind of event, when (with how precisely that is known), where (a site,
//! a place, coordinates and their precision), the acts done to victims (a registered
//! person by code, or a count by sex and age band), the organisations alleged to be
//! behind it and how, and the verification a documenter stands behind. Pure rules,
//! shared by the forms, the API and the demo.

pub mod corroboration;
pub mod retraction;
pub mod timeline;
pub mod when;

#[cfg(test)]
mod tests;

use super::person::{Choice, PersonCode, Sex};
use super::site::{parse_count, parse_decimal, SiteCode};
use super::Invalid;
pub use when::{parse_when, Precision};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Category {
    RocketAttack,
    ArmedAssault,
    Killing,
    Injury,
    HostageTaking,
    MedicalDenial,
    SupplyBlockade,
    PropertySeizure,
    Harassment,
    Surveillance,
    Intimidation,
    InformationGathering,
    Infiltration,
    Threat,
}

impl Choice for Category {
    const FIELD: &'static str = "category";
    const ALL: &'static [Self] = &[
        Category::RocketAttack,
        Category::ArmedAssault,
        Category::Killing,
        Category::Injury,
        Category::HostageTaking,
        Category::MedicalDenial,
        Category::SupplyBlockade,
        Category::PropertySeizure,
        Category::Harassment,
        Category::Surveillance,
        Category::Intimidation,
        Category::InformationGathering,
        Category::Infiltration,
        Category::Threat,
    ];
    fn as_str(self) -> &'static str {
        match self {
            Category::RocketAttack => "rocket_attack",
            Category::ArmedAssault => "armed_assault",
            Category::Killing => "killing",
            Category::Injury => "injury",
            Category::HostageTaking => "hostage_taking",
            Category::MedicalDenial => "medical_denial",
            Category::SupplyBlockade => "supply_blockade",
            Category::PropertySeizure => "property_seizure",
            Category::Harassment => "harassment",
            Category::Surveillance => "surveillance",
            Category::Intimidation => "intimidation",
            Category::InformationGathering => "information_gathering",
            Category::Infiltration => "infiltration",
            Category::Threat => "threat",
        }
    }
}

/// How precisely a place is known (ACLED's geo_precision 1–3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum GeoPrecision {
    Exact,
    Near,
    Region,
}

impl Choice for GeoPrecision {
    const FIELD: &'static str = "geo_precision";
    const ALL: &'static [Self] = &[
        GeoPrecision::Exact,
        GeoPrecision::Near,
        GeoPrecision::Region,
    ];
    fn as_str(self) -> &'static str {
        match self {
            GeoPrecision::Exact => "exact",
            GeoPrecision::Near => "near",
            GeoPrecision::Region => "region",
        }
    }
}

/// What was done to a victim; also what a figure counts (killed = 35).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Act {
    Killed,
    Injured,
    Detained,
    TakenHostage,
    DeniedMedicalCare,
    PropertySeized,
    Threatened,
    Harassed,
    Surveilled,
}

impl Choice for Act {
    const FIELD: &'static str = "act";
    const ALL: &'static [Self] = &[
        Act::Killed,
        Act::Injured,
        Act::Detained,
        Act::TakenHostage,
        Act::DeniedMedicalCare,
        Act::PropertySeized,
        Act::Threatened,
        Act::Harassed,
        Act::Surveilled,
    ];
    fn as_str(self) -> &'static str {
        match self {
            Act::Killed => "killed",
            Act::Injured => "injured",
            Act::Detained => "detained",
            Act::TakenHostage => "taken_hostage",
            Act::DeniedMedicalCare => "denied_medical_care",
            Act::PropertySeized => "property_seized",
            Act::Threatened => "threatened",
            Act::Harassed => "harassed",
            Act::Surveilled => "surveilled",
        }
    }
}

/// An organisation's degree of involvement in an incident (HURIDOCS).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Involvement {
    Direct,
    Command,
    Complicity,
    FailureToAct,
}

impl Choice for Involvement {
    const FIELD: &'static str = "involvement";
    const ALL: &'static [Self] = &[
        Involvement::Direct,
        Involvement::Command,
        Involvement::Complicity,
        Involvement::FailureToAct,
    ];
    fn as_str(self) -> &'static str {
        match self {
            Involvement::Direct => "direct",
            Involvement::Command => "command",
            Involvement::Complicity => "complicity",
            Involvement::FailureToAct => "failure_to_act",
        }
    }
}

/// The record's verification of an incident. `Corroborated` is never typed: it is
/// computed from the claims of independent sources (see `corroboration`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Verification {
    Unverified,
    Corroborated,
    Verified,
}

impl Choice for Verification {
    const FIELD: &'static str = "verification";
    const ALL: &'static [Self] = &[
        Verification::Unverified,
        Verification::Corroborated,
        Verification::Verified,
    ];
    fn as_str(self) -> &'static str {
        match self {
            Verification::Unverified => "unverified",
            Verification::Corroborated => "corroborated",
            Verification::Verified => "verified",
        }
    }
}

/// UNHCR's age bands, and "unknown".
pub const AGE_BANDS: [&str; 6] = ["0-4", "5-11", "12-17", "18-59", "60+", "unknown"];

pub fn parse_age_band(s: &str) -> Result<&'static str, Invalid> {
    let s = s.trim();
    if s.is_empty() {
        return Ok("unknown");
    }
    AGE_BANDS.iter().copied().find(|b| *b == s).ok_or_else(|| {
        Invalid::new(
            "age_band",
            "invalid-choice",
            format!("expected one of {}", AGE_BANDS.join(", ")),
        )
    })
}

/// Free text of at most `max` characters, without control characters (newlines are
/// allowed where `multiline`).
pub fn text(
    field: &'static str,
    s: &str,
    max: usize,
    required: bool,
    multiline: bool,
) -> Result<String, Invalid> {
    let s = s.trim();
    if required && s.is_empty() {
        return Err(Invalid::new(field, "invalid-required", "is required"));
    }
    if s.chars()
        .any(|c| c.is_control() && !(multiline && (c == '\n' || c == '\r' || c == '\t')))
    {
        return Err(Invalid::new(
            field,
            "invalid-text-control",
            "must not contain control characters",
        ));
    }
    if s.chars().count() > max {
        return Err(Invalid::new(
            field,
            "incident-invalid-text-length",
            format!("must be at most {max} characters"),
        ));
    }
    Ok(s.to_string())
}

/// The largest victim count or figure accepted.
pub const MAX_FIGURE: i64 = 10_000_000;

/// An incident's fields as typed; empty means "not given".
#[derive(Debug, Clone, Copy, Default)]
pub struct IncidentText<'a> {
    pub title: &'a str,
    pub category: &'a str,
    /// `YYYY`, `YYYY-MM`, `YYYY-MM-DD` or `YYYY-MM-DD HH:MM`: the precision follows.
    pub started: &'a str,
    pub ended: &'a str,
    pub site: &'a str,
    pub place: &'a str,
    pub lat: &'a str,
    pub lon: &'a str,
    pub geo_precision: &'a str,
    pub description: &'a str,
}

#[derive(Debug, Clone, PartialEq)]
pub struct IncidentInput {
    pub title: String,
    pub category: Category,
    pub started_at: i64,
    pub start_precision: Precision,
    pub ended_at: Option<i64>,
    pub end_precision: Option<Precision>,
    pub site: Option<SiteCode>,
    pub place: String,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub geo_precision: GeoPrecision,
    pub description: String,
}

impl IncidentInput {
    pub fn parse(t: &IncidentText<'_>) -> Result<Self, Invalid> {
        let title = text("title", t.title, 200, true, false)?;
        let category = Category::parse(t.category)?;
        let (started_at, start_precision) = parse_when("started", t.started)?
            .ok_or_else(|| Invalid::new("started", "invalid-required", "is required"))?;
        let end = parse_when("ended", t.ended)?;
        if let Some((ended_at, p)) = end {
            // An end known only to the month may share the start's month: refuse only an
            // end whose whole period is over before the start begins.
            if p.end_of(ended_at) < started_at {
                return Err(Invalid::new(
                    "ended",
                    "incident-invalid-end-before-start",
                    "must not be before the start",
                ));
            }
        }
        let site = match t.site.trim() {
            "" => None,
            s => Some(SiteCode::parse(s).map_err(|e| Invalid { field: "site", ..e })?),
        };
        let lat = parse_decimal("lat", t.lat)?;
        let lon = parse_decimal("lon", t.lon)?;
        if lat.is_some_and(|v| !(-90.0..=90.0).contains(&v)) {
            return Err(Invalid::new(
                "lat",
                "invalid-latitude",
                "must be between -90 and 90",
            ));
        }
        if lon.is_some_and(|v| !(-180.0..=180.0).contains(&v)) {
            return Err(Invalid::new(
                "lon",
                "invalid-longitude",
                "must be between -180 and 180",
            ));
        }
        if lat.is_some() != lon.is_some() {
            return Err(Invalid::new(
                "lon",
                "invalid-coordinates",
                "give both latitude and longitude, or neither",
            ));
        }
        let geo_precision = match t.geo_precision.trim() {
            "" if site.is_some() && lat.is_none() => GeoPrecision::Near,
            "" if lat.is_some() => GeoPrecision::Exact,
            "" => GeoPrecision::Region,
            s => GeoPrecision::parse(s)?,
        };
        Ok(IncidentInput {
            title,
            category,
            started_at,
            start_precision,
            ended_at: end.map(|(at, _)| at),
            end_precision: end.map(|(_, p)| p),
            site,
            place: text("place", t.place, 200, false, false)?,
            lat,
            lon,
            geo_precision,
            description: text("description", t.description, 5000, false, true)?,
        })
    }
}

/// Who an act was done to: a registered person, or a count of people.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Victims {
    Person(PersonCode),
    Count(i64),
}

#[derive(Debug, Clone, Copy, Default)]
pub struct ActText<'a> {
    pub act: &'a str,
    pub person: &'a str,
    pub victims: &'a str,
    pub sex: &'a str,
    pub age_band: &'a str,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActInput {
    pub act: Act,
    pub victims: Victims,
    pub sex: Sex,
    pub age_band: &'static str,
}

impl ActInput {
    pub fn parse(t: &ActText<'_>) -> Result<Self, Invalid> {
        let act = Act::parse(t.act)?;
        let count = parse_count("victims", t.victims, 1..=MAX_FIGURE)?;
        let victims = match (t.person.trim(), count) {
            ("", None) => {
                return Err(Invalid::new(
                    "victims",
                    "incident-invalid-no-victims",
                    "give a person's code or a number of victims",
                ))
            }
            ("", Some(n)) => Victims::Count(n),
            (code, None) => Victims::Person(PersonCode::parse(code).map_err(|e| Invalid {
                field: "person",
                ..e
            })?),
            (_, Some(_)) => {
                return Err(Invalid::new(
                    "victims",
                    "incident-invalid-both-victims",
                    "give a person's code or a number of victims, not both",
                ))
            }
        };
        let sex = match t.sex.trim() {
            "" => Sex::Unknown,
            s => Sex::parse(s)?,
        };
        Ok(ActInput {
            act,
            victims,
            sex,
            age_band: parse_age_band(t.age_band)?,
        })
    }
}

/// An organisation alleged to be behind an incident, named by any of its aliases.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PerpetratorInput {
    pub organisation: String,
    pub involvement: Involvement,
}

impl PerpetratorInput {
    pub fn parse(organisation: &str, involvement: &str) -> Result<Self, Invalid> {
        Ok(PerpetratorInput {
            organisation: text("organisation", organisation, 200, true, false)?,
            involvement: Involvement::parse(involvement)?,
        })
    }
}

/// The figure the record accepts for one measure, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FigureInput {
    pub measure: Act,
    pub value: i64,
    pub reason: String,
}

impl FigureInput {
    pub fn parse(measure: &str, value: &str, reason: &str) -> Result<Self, Invalid> {
        Ok(FigureInput {
            measure: Act::parse(measure).map_err(|e| Invalid {
                field: "measure",
                ..e
            })?,
            value: parse_count("value", value, 0..=MAX_FIGURE)?
                .ok_or_else(|| Invalid::new("value", "invalid-required", "is required"))?,
            reason: text("reason", reason, 1000, true, true)?,
        })
    }
}

/// A documenter's verification: verified, or back to unverified, always with a reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerificationInput {
    pub status: Verification,
    pub reason: String,
}

impl VerificationInput {
    pub fn parse(status: &str, reason: &str) -> Result<Self, Invalid> {
        let status = Verification::parse(status)?;
        if status == Verification::Corroborated {
            return Err(Invalid::new(
                "verification",
                "incident-invalid-corroborated-typed",
                "corroboration is computed from independent sources, never set by hand",
            ));
        }
        Ok(VerificationInput {
            status,
            reason: text("reason", reason, 1000, true, true)?,
        })
    }
}
