//! Residents: their public codes, statuses and the validated input that registers or
//! changes one. Personal fields are kept in `Secret`s until the action layer seals them.

use std::collections::HashMap;

use rand::Rng;

use super::{Country, Invalid};

/// Crockford's base-32 alphabet: no I, L, O or U, so codes survive being read aloud.
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// The public pseudonym of a person, `VG-XXXX-XC`: five random base-32 characters and
/// a check character that catches any single mistyped character or swapped pair.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize)]
pub struct PersonCode(String);

fn check_char(body: &[u8]) -> u8 {
    let sum: usize = body
        .iter()
        .enumerate()
        .map(|(i, c)| (i + 1) * ALPHABET.iter().position(|a| a == c).unwrap_or(0))
        .sum();
    ALPHABET.get(sum % 31).copied().unwrap_or(b'0')
}

impl PersonCode {
    pub fn generate(rng: &mut impl Rng) -> Self {
        let body: Vec<u8> = (0..5)
            .map(|_| ALPHABET.get(rng.gen_range(0..32)).copied().unwrap_or(b'0'))
            .collect();
        let c = check_char(&body);
        let s = String::from_utf8_lossy(&body);
        PersonCode(format!(
            "VG-{}-{}{}",
            s.get(..4).unwrap_or(""),
            s.get(4..).unwrap_or(""),
            c as char
        ))
    }

    pub fn parse(s: &str) -> Result<Self, Invalid> {
        let bad = || {
            Invalid::new(
                "code",
                "invalid-person-code",
                "expected a code such as VG-7K3Q-2M",
            )
        };
        let up = s
            .trim()
            .to_ascii_uppercase()
            .replace(['O'], "0")
            .replace(['I', 'L'], "1");
        let rest = up.strip_prefix("VG-").ok_or_else(bad)?;
        let chars: Vec<u8> = rest.bytes().filter(|b| *b != b'-').collect();
        if chars.len() != 6 || !chars.iter().all(|c| ALPHABET.contains(c)) {
            return Err(bad());
        }
        let (body, check) = chars.split_at(5);
        if check.first() != Some(&check_char(body)) {
            return Err(bad());
        }
        let s = String::from_utf8_lossy(&chars);
        Ok(PersonCode(format!(
            "VG-{}-{}",
            s.get(..4).unwrap_or(""),
            s.get(4..).unwrap_or("")
        )))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A household's public code, `HH-XXXXX`: random base-32, no check character (it is
/// chosen from lists, rarely typed).
pub fn household_code(rng: &mut impl Rng) -> String {
    let body: String = (0..6)
        .map(|_| ALPHABET.get(rng.gen_range(0..32)).copied().unwrap_or(b'0') as char)
        .collect();
    format!("HH-{body}")
}

/// A closed list of values with stable text forms and message ids.
pub trait Choice: Sized + Copy + 'static {
    const FIELD: &'static str;
    const ALL: &'static [Self];
    fn as_str(self) -> &'static str;
    fn parse(s: &str) -> Result<Self, Invalid> {
        let s = s.trim().to_ascii_lowercase().replace([' ', '-'], "_");
        Self::ALL
            .iter()
            .copied()
            .find(|v| v.as_str() == s)
            .ok_or_else(|| {
                let all: Vec<&str> = Self::ALL.iter().map(|v| v.as_str()).collect();
                Invalid::new(
                    Self::FIELD,
                    "invalid-choice",
                    format!("expected one of {}", all.join(", ")),
                )
            })
    }
    /// `prefix-value` with `_` as `-`: the message id of the value's label.
    fn message_id(self) -> String {
        format!(
            "{}-{}",
            Self::FIELD.replace('_', "-"),
            self.as_str().replace('_', "-")
        )
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Sex {
    Female,
    Male,
    Other,
    Unknown,
}

impl Choice for Sex {
    const FIELD: &'static str = "sex";
    const ALL: &'static [Self] = &[Sex::Female, Sex::Male, Sex::Other, Sex::Unknown];
    fn as_str(self) -> &'static str {
        match self {
            Sex::Female => "female",
            Sex::Male => "male",
            Sex::Other => "other",
            Sex::Unknown => "unknown",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PersonStatus {
    Present,
    Transferred,
    Resettled,
    Departed,
    Deceased,
    Missing,
}

impl Choice for PersonStatus {
    const FIELD: &'static str = "status";
    const ALL: &'static [Self] = &[
        PersonStatus::Present,
        PersonStatus::Transferred,
        PersonStatus::Resettled,
        PersonStatus::Departed,
        PersonStatus::Deceased,
        PersonStatus::Missing,
    ];
    fn as_str(self) -> &'static str {
        match self {
            PersonStatus::Present => "present",
            PersonStatus::Transferred => "transferred",
            PersonStatus::Resettled => "resettled",
            PersonStatus::Departed => "departed",
            PersonStatus::Deceased => "deceased",
            PersonStatus::Missing => "missing",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ProtectionStatus {
    AsylumSeeker,
    MandateRefugee,
    ProtectedPerson,
    Stateless,
    Other,
    Unknown,
}

impl Choice for ProtectionStatus {
    const FIELD: &'static str = "protection";
    const ALL: &'static [Self] = &[
        ProtectionStatus::AsylumSeeker,
        ProtectionStatus::MandateRefugee,
        ProtectionStatus::ProtectedPerson,
        ProtectionStatus::Stateless,
        ProtectionStatus::Other,
        ProtectionStatus::Unknown,
    ];
    fn as_str(self) -> &'static str {
        match self {
            ProtectionStatus::AsylumSeeker => "asylum_seeker",
            ProtectionStatus::MandateRefugee => "mandate_refugee",
            ProtectionStatus::ProtectedPerson => "protected_person",
            ProtectionStatus::Stateless => "stateless",
            ProtectionStatus::Other => "other",
            ProtectionStatus::Unknown => "unknown",
        }
    }
}

/// Specific needs, after UNHCR's resettlement categories.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Vulnerability {
    SeriousMedical,
    Disability,
    OlderPerson,
    ChildAtRisk,
    WomanAtRisk,
    SurvivorOfTorture,
    SurvivorOfViolence,
    LegalPhysicalProtection,
}

impl Choice for Vulnerability {
    const FIELD: &'static str = "vulnerability";
    const ALL: &'static [Self] = &[
        Vulnerability::SeriousMedical,
        Vulnerability::Disability,
        Vulnerability::OlderPerson,
        Vulnerability::ChildAtRisk,
        Vulnerability::WomanAtRisk,
        Vulnerability::SurvivorOfTorture,
        Vulnerability::SurvivorOfViolence,
        Vulnerability::LegalPhysicalProtection,
    ];
    fn as_str(self) -> &'static str {
        match self {
            Vulnerability::SeriousMedical => "serious_medical",
            Vulnerability::Disability => "disability",
            Vulnerability::OlderPerson => "older_person",
            Vulnerability::ChildAtRisk => "child_at_risk",
            Vulnerability::WomanAtRisk => "woman_at_risk",
            Vulnerability::SurvivorOfTorture => "survivor_of_torture",
            Vulnerability::SurvivorOfViolence => "survivor_of_violence",
            Vulnerability::LegalPhysicalProtection => "legal_physical_protection",
        }
    }
}

/// UNHCR's resettlement priority levels, used for the urgency of a need.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Urgency {
    Normal,
    Urgent,
    Emergency,
}

impl Choice for Urgency {
    const FIELD: &'static str = "urgency";
    const ALL: &'static [Self] = &[Urgency::Normal, Urgency::Urgent, Urgency::Emergency];
    fn as_str(self) -> &'static str {
        match self {
            Urgency::Normal => "normal",
            Urgency::Urgent => "urgent",
            Urgency::Emergency => "emergency",
        }
    }
}

/// A member's place in a household.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Relationship {
    Head,
    Spouse,
    Child,
    Parent,
    Sibling,
    Other,
}

impl Choice for Relationship {
    const FIELD: &'static str = "relationship";
    const ALL: &'static [Self] = &[
        Relationship::Head,
        Relationship::Spouse,
        Relationship::Child,
        Relationship::Parent,
        Relationship::Sibling,
        Relationship::Other,
    ];
    fn as_str(self) -> &'static str {
        match self {
            Relationship::Head => "head",
            Relationship::Spouse => "spouse",
            Relationship::Child => "child",
            Relationship::Parent => "parent",
            Relationship::Sibling => "sibling",
            Relationship::Other => "other",
        }
    }
}

/// A value that must not be printed: personal data in memory.
#[derive(Clone, PartialEq, Eq, Default)]
pub struct Secret(String);

impl Secret {
    /// Wraps a value that has already been validated elsewhere (watch-list names).
    pub fn new(v: impl Into<String>) -> Self {
        Secret(v.into())
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("<redacted>")
    }
}

/// A person as entered on a form, in an API body or on an import row, validated.
#[derive(Debug, Clone)]
pub struct PersonInput {
    /// An identifier from the system the data came from; re-importing the same one
    /// updates the person instead of adding a second.
    pub external_id: Option<String>,
    pub name_latin: Option<Secret>,
    pub name_original: Option<Secret>,
    pub birth_date: Option<Secret>,
    pub birth_year: Option<i64>,
    pub document: Option<Secret>,
    pub phone: Option<Secret>,
    pub notes: Option<Secret>,
    pub sex: Sex,
    pub nationality: Option<Country>,
    /// ISO 639 codes, lowercase, such as `fa`, `ar`, `ku`.
    pub languages: Vec<String>,
    pub protection: ProtectionStatus,
    pub vulnerabilities: Vec<(Vulnerability, Urgency)>,
}

/// The field names a person is read from (forms, API, import columns).
pub const PERSON_FIELDS: [&str; 13] = [
    "external_id",
    "name_latin",
    "name_original",
    "birth_date",
    "birth_year",
    "document",
    "phone",
    "notes",
    "sex",
    "nationality",
    "languages",
    "protection",
    "vulnerabilities",
];

fn text(field: &'static str, v: &str, max: usize) -> Result<Option<Secret>, Invalid> {
    let v = v.trim();
    if v.is_empty() {
        return Ok(None);
    }
    if v.chars().count() > max {
        return Err(Invalid::new(
            field,
            "invalid-text-length",
            format!("must be at most {max} characters"),
        ));
    }
    if v.chars().any(|c| c.is_control() && c != '\n' && c != '\t') {
        return Err(Invalid::new(
            field,
            "invalid-text-control",
            "must not contain control characters",
        ));
    }
    Ok(Some(Secret(v.to_string())))
}

/// `YYYY-MM-DD` (digits in any script) → the normalised date and its year.
pub fn parse_date(field: &'static str, s: &str) -> Result<Option<(String, i64)>, Invalid> {
    let s = crate::i18n::normalize_digits(s.trim()).replace('/', "-");
    if s.is_empty() {
        return Ok(None);
    }
    let fmt = time::macros::format_description!("[year]-[month]-[day]");
    time::Date::parse(&s, &fmt)
        .map(|d| Some((d.to_string(), i64::from(d.year()))))
        .map_err(|_| Invalid::new(field, "invalid-date", "expected a date as YYYY-MM-DD"))
}

impl PersonInput {
    /// Reads a person from named text fields; missing fields are empty. `this_year`
    /// bounds birth years (time is a parameter).
    pub fn from_fields(f: &HashMap<&str, &str>, this_year: i64) -> Result<Self, Invalid> {
        let get = |k: &str| f.get(k).copied().unwrap_or("");
        let name_latin = text("name_latin", get("name_latin"), 200)?;
        let name_original = text("name_original", get("name_original"), 200)?;
        if name_latin.is_none() && name_original.is_none() {
            return Err(Invalid::new(
                "name_latin",
                "invalid-name-required",
                "give a name in Latin or original script",
            ));
        }
        let birth = parse_date("birth_date", get("birth_date"))?;
        let year_field =
            super::site::parse_count("birth_year", get("birth_year"), 1880..=this_year)?;
        let birth_year = match (&birth, year_field) {
            (Some((_, y)), Some(given)) if *y != given => {
                return Err(Invalid::new(
                    "birth_year",
                    "invalid-birth-year-mismatch",
                    "does not match the birth date",
                ))
            }
            (Some((_, y)), _) => Some(*y),
            (None, given) => given,
        };
        if birth_year.is_some_and(|y| y > this_year || y < 1880) {
            return Err(Invalid::new(
                "birth_date",
                "invalid-date",
                "is not a plausible birth date",
            ));
        }
        let sex = match get("sex").trim() {
            "" => Sex::Unknown,
            "f" | "F" => Sex::Female,
            "m" | "M" => Sex::Male,
            s => Sex::parse(s)?,
        };
        let nationality = match get("nationality").trim() {
            "" => None,
            s => Some(Country::parse("nationality", s)?),
        };
        let mut languages = Vec::new();
        for l in get("languages")
            .split([',', ';', ' '])
            .map(str::trim)
            .filter(|l| !l.is_empty())
        {
            let l = l.to_ascii_lowercase();
            if !(2..=3).contains(&l.len()) || !l.chars().all(|c| c.is_ascii_lowercase()) {
                return Err(Invalid::new(
                    "languages",
                    "invalid-language",
                    "expected ISO 639 codes such as fa, ar, ku",
                ));
            }
            if !languages.contains(&l) {
                languages.push(l);
            }
        }
        let protection = match get("protection").trim() {
            "" => ProtectionStatus::Unknown,
            s => ProtectionStatus::parse(s)?,
        };
        // `serious_medical:urgent; disability` — urgency defaults to normal.
        let mut vulnerabilities = Vec::new();
        for item in get("vulnerabilities")
            .split([';', ','])
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            let (kind, urgency) = item.split_once(':').unwrap_or((item, "normal"));
            let v = (Vulnerability::parse(kind)?, Urgency::parse(urgency)?);
            if !vulnerabilities.iter().any(|(k, _)| *k == v.0) {
                vulnerabilities.push(v);
            }
        }
        let external_id = match get("external_id").trim() {
            "" => None,
            s if s.len() <= 64 && s.chars().all(|c| c.is_ascii_graphic()) => Some(s.to_string()),
            _ => {
                return Err(Invalid::new(
                    "external_id",
                    "invalid-external-id",
                    "must be at most 64 visible ASCII characters",
                ))
            }
        };
        let document = text("document", get("document"), 64)?;
        let phone = match text("phone", get("phone"), 32)? {
            Some(p) => {
                let digits = crate::i18n::normalize_digits(p.expose());
                if !digits
                    .chars()
                    .all(|c| c.is_ascii_digit() || " +-()".contains(c))
                {
                    return Err(Invalid::new(
                        "phone",
                        "invalid-phone",
                        "may contain only digits, spaces and + - ( )",
                    ));
                }
                Some(Secret(digits))
            }
            None => None,
        };
        Ok(PersonInput {
            external_id,
            name_latin,
            name_original,
            birth_date: birth.map(|(d, _)| Secret(d)),
            birth_year,
            document,
            phone,
            notes: text("notes", get("notes"), 4000)?,
            sex,
            nationality,
            languages,
            protection,
            vulnerabilities,
        })
    }
}

/// UNHCR's age bands for population figures.
pub const AGE_BANDS: [(&str, i64, i64); 5] = [
    ("0-4", 0, 4),
    ("5-11", 5, 11),
    ("12-17", 12, 17),
    ("18-59", 18, 59),
    ("60+", 60, 200),
];

/// The band of an age, by index into `AGE_BANDS`.
pub fn age_band(age: i64) -> Option<usize> {
    AGE_BANDS
        .iter()
        .position(|(_, lo, hi)| (*lo..=*hi).contains(&age))
}

#[cfg(test)]
mod tests;
