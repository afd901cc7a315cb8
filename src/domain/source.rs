//! Organisations (parties, with their names in every script), sources (who published
//! what, with a reliability grade A–F and its reason) and claims (one statement of a
//! source, where it stands in the source, the figures it asserts and a credibility
//! grade 1–6). The grades are the field's usual scale (domain.md, "Grades").

use super::incident::{text, Act, MAX_FIGURE};
use super::person::{parse_date, Choice, PersonCode};
use super::site::parse_count;
use super::Invalid;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OrgKind {
    UnBody,
    Government,
    Embassy,
    ArmedGroup,
    Ngo,
    MediaOutlet,
    Residents,
}

impl Choice for OrgKind {
    const FIELD: &'static str = "org_kind";
    const ALL: &'static [Self] = &[
        OrgKind::UnBody,
        OrgKind::Government,
        OrgKind::Embassy,
        OrgKind::ArmedGroup,
        OrgKind::Ngo,
        OrgKind::MediaOutlet,
        OrgKind::Residents,
    ];
    fn as_str(self) -> &'static str {
        match self {
            OrgKind::UnBody => "un_body",
            OrgKind::Government => "government",
            OrgKind::Embassy => "embassy",
            OrgKind::ArmedGroup => "armed_group",
            OrgKind::Ngo => "ngo",
            OrgKind::MediaOutlet => "media_outlet",
            OrgKind::Residents => "residents",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SourceKind {
    Article,
    Statement,
    Letter,
    Report,
    Testimony,
    Photo,
    Video,
}

impl Choice for SourceKind {
    const FIELD: &'static str = "source_kind";
    const ALL: &'static [Self] = &[
        SourceKind::Article,
        SourceKind::Statement,
        SourceKind::Letter,
        SourceKind::Report,
        SourceKind::Testimony,
        SourceKind::Photo,
        SourceKind::Video,
    ];
    fn as_str(self) -> &'static str {
        match self {
            SourceKind::Article => "article",
            SourceKind::Statement => "statement",
            SourceKind::Letter => "letter",
            SourceKind::Report => "report",
            SourceKind::Testimony => "testimony",
            SourceKind::Photo => "photo",
            SourceKind::Video => "video",
        }
    }
}

/// Whom a source speaks for: nobody in the dispute, its own publisher (a government's
/// statement), or a party it is aligned with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Affiliation {
    Independent,
    Official,
    Aligned,
}

impl Choice for Affiliation {
    const FIELD: &'static str = "affiliation";
    const ALL: &'static [Self] = &[
        Affiliation::Independent,
        Affiliation::Official,
        Affiliation::Aligned,
    ];
    fn as_str(self) -> &'static str {
        match self {
            Affiliation::Independent => "independent",
            Affiliation::Official => "official",
            Affiliation::Aligned => "aligned",
        }
    }
}

/// A source's reliability: A completely reliable … E unreliable, F cannot be judged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Reliability(char);

impl Reliability {
    pub const ALL: [char; 6] = ['A', 'B', 'C', 'D', 'E', 'F'];

    pub fn parse(s: &str) -> Result<Self, Invalid> {
        let s = s.trim().to_ascii_uppercase();
        let mut chars = s.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) if Self::ALL.contains(&c) => Ok(Reliability(c)),
            _ => Err(Invalid::new(
                "reliability",
                "source-invalid-reliability",
                "expected a grade from A to F",
            )),
        }
    }

    pub fn letter(self) -> char {
        self.0
    }

    pub fn as_str(self) -> String {
        self.0.to_string()
    }

    /// The message id of the grade's meaning.
    pub fn message_id(self) -> String {
        format!("reliability-{}", self.0.to_ascii_lowercase())
    }

    /// A, B or C.
    pub fn at_least_fairly_reliable(self) -> bool {
        matches!(self.0, 'A' | 'B' | 'C')
    }
}

/// A claim's credibility: 1 confirmed by other sources … 5 improbable, 6 cannot be
/// judged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Credibility(i64);

impl Credibility {
    pub fn parse(s: &str) -> Result<Self, Invalid> {
        parse_count("credibility", s, 1..=6)
            .map_err(|_| {
                Invalid::new(
                    "credibility",
                    "claim-invalid-credibility",
                    "expected a grade from 1 to 6",
                )
            })?
            .map(Credibility)
            .ok_or_else(|| Invalid::new("credibility", "invalid-required", "is required"))
    }

    pub fn from_stored(n: i64) -> Option<Self> {
        (1..=6).contains(&n).then_some(Credibility(n))
    }

    pub fn value(self) -> i64 {
        self.0
    }

    pub fn message_id(self) -> String {
        format!("credibility-{}", self.0)
    }

    /// 1, 2 or 3.
    pub fn at_least_possible(self) -> bool {
        self.0 <= 3
    }
}

/// An organisation's name and every other spelling of it, one per line (or `;`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrganisationInput {
    pub name: String,
    pub kind: OrgKind,
    /// Other spellings, without the name itself and without repeats.
    pub aliases: Vec<String>,
}

/// Splits a list of aliases typed one per line or separated by `;`.
pub fn parse_aliases(s: &str) -> Result<Vec<String>, Invalid> {
    let mut out: Vec<String> = Vec::new();
    for a in s.split(['\n', ';']) {
        let a = text("aliases", a, 200, false, false)?;
        if !a.is_empty() && !out.contains(&a) {
            out.push(a);
        }
    }
    if out.len() > 50 {
        return Err(Invalid::new(
            "aliases",
            "org-invalid-too-many-aliases",
            "at most 50 aliases",
        ));
    }
    Ok(out)
}

impl OrganisationInput {
    pub fn parse(name: &str, kind: &str, aliases: &str) -> Result<Self, Invalid> {
        let name = text("name", name, 200, true, false)?;
        if super::names::name_key(&name).is_empty() {
            return Err(Invalid::new(
                "name",
                "org-invalid-no-letters",
                "must contain letters",
            ));
        }
        let aliases = parse_aliases(aliases)?
            .into_iter()
            .filter(|a| *a != name)
            .collect();
        Ok(OrganisationInput {
            name,
            kind: OrgKind::parse(kind)?,
            aliases,
        })
    }
}

/// The key under which an organisation's name or alias is found: the name key of
/// `names` (transliteration-blind), followed by the numbers in the name (name keys
/// keep letters only, and "Brigade 9" is not "Brigade 10"), or, for names with no
/// Latin or Perso-Arabic letters, the trimmed lowercase text.
pub fn org_key(name: &str) -> String {
    let key = super::names::name_key(name);
    if key.is_empty() {
        return name.trim().to_lowercase();
    }
    let digits = crate::i18n::normalize_digits(name);
    let numbers: Vec<&str> = digits
        .split(|c: char| !c.is_ascii_digit())
        .filter(|n| !n.is_empty())
        .collect();
    if numbers.is_empty() {
        key
    } else {
        format!("{key} #{}", numbers.join(" "))
    }
}

#[derive(Debug, Clone, Copy, Default)]
pub struct SourceText<'a> {
    pub kind: &'a str,
    pub title: &'a str,
    pub publisher: &'a str,
    pub author: &'a str,
    pub published_on: &'a str,
    pub language: &'a str,
    pub url: &'a str,
    pub affiliation: &'a str,
    pub aligned_with: &'a str,
    pub reliability: &'a str,
    pub reliability_reason: &'a str,
}

/// A source as entered: organisations still as names (the action resolves them
/// through their aliases, so an unknown name is reported on its field).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceInput {
    pub kind: SourceKind,
    pub title: String,
    pub publisher: Option<String>,
    pub author: String,
    /// A day, as epoch milliseconds of midnight UTC.
    pub published_on: Option<i64>,
    /// An ISO 639 code (fa, ar, en …), or empty.
    pub language: String,
    pub url: String,
    pub affiliation: Affiliation,
    pub aligned_with: Option<String>,
    pub reliability: Reliability,
    pub reliability_reason: String,
}

fn opt(s: String) -> Option<String> {
    (!s.is_empty()).then_some(s)
}

impl SourceInput {
    pub fn parse(t: &SourceText<'_>) -> Result<Self, Invalid> {
        let kind = SourceKind::parse(t.kind)?;
        let title = text("title", t.title, 300, true, false)?;
        let publisher = opt(text("publisher", t.publisher, 200, false, false)?);
        let author = text("author", t.author, 200, false, false)?;
        let published_on = match parse_date("published_on", t.published_on)? {
            None => None,
            Some((day, _)) => crate::clock::parse_day(&day),
        };
        let language = t.language.trim().to_ascii_lowercase();
        let iso639 =
            (2..=3).contains(&language.len()) && language.bytes().all(|b| b.is_ascii_lowercase());
        if !language.is_empty() && !iso639 {
            return Err(Invalid::new(
                "language",
                "source-invalid-language",
                "expected an ISO 639 code such as fa, ar or en",
            ));
        }
        let url = text("url", t.url, 2000, false, false)?;
        let web = url.starts_with("https://") || url.starts_with("http://");
        if (!url.is_empty() && !web) || url.contains(char::is_whitespace) {
            return Err(Invalid::new(
                "url",
                "source-invalid-url",
                "expected an address starting with https:// or http://",
            ));
        }
        let affiliation = Affiliation::parse(t.affiliation)?;
        let aligned_with = opt(text("aligned_with", t.aligned_with, 200, false, false)?);
        match (affiliation, &aligned_with) {
            (Affiliation::Aligned, None) => {
                return Err(Invalid::new(
                    "aligned_with",
                    "source-invalid-aligned-needs-party",
                    "name the party the source is aligned with",
                ))
            }
            (Affiliation::Independent | Affiliation::Official, Some(_)) => {
                return Err(Invalid::new(
                    "aligned_with",
                    "source-invalid-party-not-aligned",
                    "only a source aligned with a party names one",
                ))
            }
            _ => {}
        }
        if affiliation == Affiliation::Official && publisher.is_none() {
            return Err(Invalid::new(
                "publisher",
                "source-invalid-official-needs-publisher",
                "an official source names the organisation that issued it",
            ));
        }
        Ok(SourceInput {
            kind,
            title,
            publisher,
            author,
            published_on,
            language,
            url,
            affiliation,
            aligned_with,
            reliability: Reliability::parse(t.reliability)?,
            reliability_reason: text("reliability_reason", t.reliability_reason, 1000, true, true)?,
        })
    }
}

/// What a claim is about. Claims about commitments come with the agreements issue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ClaimAbout {
    Incident,
    Figure,
    Person,
}

impl Choice for ClaimAbout {
    const FIELD: &'static str = "about";
    const ALL: &'static [Self] = &[ClaimAbout::Incident, ClaimAbout::Figure, ClaimAbout::Person];
    fn as_str(self) -> &'static str {
        match self {
            ClaimAbout::Incident => "incident",
            ClaimAbout::Figure => "figure",
            ClaimAbout::Person => "person",
        }
    }
}

/// Figures typed as `killed = 35; injured = 300` (one per line or `;`, `:` for `=`).
pub fn parse_values(s: &str) -> Result<Vec<(Act, i64)>, Invalid> {
    let mut out: Vec<(Act, i64)> = Vec::new();
    let bad = || {
        Invalid::new(
            "values",
            "claim-invalid-values",
            "expected measure = number, for example killed = 35",
        )
    };
    for part in s.split(['\n', ';', ',']) {
        let part = part.trim();
        if part.is_empty() {
            continue;
        }
        let (m, v) = part.split_once(['=', ':']).ok_or_else(bad)?;
        let measure = Act::parse(m).map_err(|e| Invalid {
            field: "values",
            ..e
        })?;
        let value = parse_count("values", v, 0..=MAX_FIGURE)?.ok_or_else(bad)?;
        if out.iter().any(|(m, _)| *m == measure) {
            return Err(Invalid::new(
                "values",
                "claim-invalid-values-repeated",
                "each measure at most once",
            ));
        }
        out.push((measure, value));
    }
    Ok(out)
}

#[derive(Debug, Clone, Copy, Default)]
pub struct ClaimText<'a> {
    pub source: &'a str,
    pub about: &'a str,
    pub person: &'a str,
    pub locator: &'a str,
    pub statement: &'a str,
    pub values: &'a str,
    pub credibility: &'a str,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClaimInput {
    pub source_id: i64,
    pub about: ClaimAbout,
    pub person: Option<PersonCode>,
    /// Where in the source: page, paragraph, time code.
    pub locator: String,
    /// What the source says, in the documenter's words or quoted briefly.
    pub statement: String,
    pub values: Vec<(Act, i64)>,
    pub credibility: Credibility,
}

impl ClaimInput {
    pub fn parse(t: &ClaimText<'_>) -> Result<Self, Invalid> {
        let source_id = parse_count("source", t.source, 1..=i64::MAX)?
            .ok_or_else(|| Invalid::new("source", "invalid-required", "is required"))?;
        let values = parse_values(t.values)?;
        let about = match t.about.trim() {
            "" if values.is_empty() => ClaimAbout::Incident,
            "" => ClaimAbout::Figure,
            s => ClaimAbout::parse(s)?,
        };
        let person = match t.person.trim() {
            "" => None,
            s => Some(PersonCode::parse(s).map_err(|e| Invalid {
                field: "person",
                ..e
            })?),
        };
        if about == ClaimAbout::Person && person.is_none() {
            return Err(Invalid::new(
                "person",
                "claim-invalid-person-needed",
                "a claim about a person gives the person's code",
            ));
        }
        if about == ClaimAbout::Figure && values.is_empty() {
            return Err(Invalid::new(
                "values",
                "claim-invalid-figure-needs-values",
                "a claim about a figure gives at least one, for example killed = 35",
            ));
        }
        let statement = text("statement", t.statement, 5000, false, true)?;
        if statement.is_empty() && values.is_empty() {
            return Err(Invalid::new(
                "statement",
                "claim-invalid-empty",
                "say what the source states, or give its figures",
            ));
        }
        Ok(ClaimInput {
            source_id,
            about,
            person,
            locator: text("locator", t.locator, 200, false, false)?,
            statement,
            values,
            credibility: Credibility::parse(t.credibility)?,
        })
    }
}
