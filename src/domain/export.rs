//! Exports of the registry: what may be asked for (the filter, the format), the states
//! of an export with personal data, and the recipient's `age` key it is encrypted to.
//!
//! A personal-data export follows the two-person rule: one registrar requests it,
//! another approves it, and only the requester downloads it, once. The states and the
//! 24-hour window are decided here, as pure rules over a given instant, so the action
//! layer and the tests agree on them.

use std::str::FromStr;

use super::person::{Choice, PersonStatus, Vulnerability};
use super::site::SiteCode;
use super::Invalid;

/// How long a request waits for a decision, and an approval for its download.
pub const WINDOW_MS: i64 = 24 * 60 * 60 * 1000;

/// Which people an export holds: the registry list's filters, each optional.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExportFilter {
    pub site: Option<SiteCode>,
    pub status: Option<PersonStatus>,
    pub need: Option<Vulnerability>,
}

impl ExportFilter {
    /// Reads the filter from the list's query parameters (empty means any).
    pub fn parse(site: &str, status: &str, need: &str) -> Result<Self, Invalid> {
        let site = match site.trim() {
            "" => None,
            s => Some(SiteCode::parse(s)?),
        };
        let status = match status.trim() {
            "" => None,
            s => Some(PersonStatus::parse(s)?),
        };
        let need = match need.trim() {
            "" => None,
            s => Some(Vulnerability::parse(s).map_err(|_| {
                Invalid::new("need", "invalid-choice", "expected one of the needs")
            })?),
        };
        Ok(ExportFilter { site, status, need })
    }

    /// `site=ASHRAF status=present need=-`: for the trail and the requests page.
    pub fn describe(&self) -> String {
        format!(
            "site={} status={} need={}",
            self.site.as_ref().map_or("-", |s| s.as_str()),
            self.status.map_or("-", |s| s.as_str()),
            self.need.map_or("-", |n| n.as_str()),
        )
    }
}

/// The file format of a redacted export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv,
    Xlsx,
}

impl FromStr for Format {
    type Err = Invalid;

    fn from_str(s: &str) -> Result<Self, Invalid> {
        match s.trim().to_ascii_lowercase().as_str() {
            "" | "csv" => Ok(Format::Csv),
            "xlsx" => Ok(Format::Xlsx),
            _ => Err(Invalid::new(
                "format",
                "invalid-export-format",
                "expected csv or xlsx",
            )),
        }
    }
}

impl Format {
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Xlsx => "xlsx",
        }
    }
}

/// Where an export with personal data stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ExportState {
    Requested,
    Approved,
    Rejected,
    /// Not decided, or not downloaded, within `WINDOW_MS`.
    Expired,
    Downloaded,
}

impl ExportState {
    pub const ALL: [ExportState; 5] = [
        ExportState::Requested,
        ExportState::Approved,
        ExportState::Rejected,
        ExportState::Expired,
        ExportState::Downloaded,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ExportState::Requested => "requested",
            ExportState::Approved => "approved",
            ExportState::Rejected => "rejected",
            ExportState::Expired => "expired",
            ExportState::Downloaded => "downloaded",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|v| v.as_str() == s)
    }

    /// The message id of the state's label.
    pub fn message_id(self) -> String {
        format!("export-state-{}", self.as_str())
    }

    /// The state at `now` of a request stored as `self` with its deadline: a request
    /// or an approval whose window has passed has expired, whatever the row says.
    pub fn at(self, expires_at: i64, now: i64) -> Self {
        match self {
            ExportState::Requested | ExportState::Approved if now >= expires_at => {
                ExportState::Expired
            }
            other => other,
        }
    }
}

/// A recipient's `age` X25519 public key (`age1…`), checked to be one.
#[derive(Clone, PartialEq, Eq)]
pub struct Recipient(String);

impl Recipient {
    pub fn parse(s: &str) -> Result<Self, Invalid> {
        let s = s.trim();
        let bad = || {
            Invalid::new(
                "recipient",
                "invalid-age-recipient",
                "expected an age public key: age1 followed by 58 letters and digits (from age-keygen)",
            )
        };
        // Checked by the age crate itself (bech32 with its checksum, a valid curve
        // point), so a key with one mistyped character is refused here rather than
        // producing a file nobody can open.
        if !s.starts_with("age1") || s.len() != 62 {
            return Err(bad());
        }
        age::x25519::Recipient::from_str(s).map_err(|_| bad())?;
        Ok(Recipient(s.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The key as the `age` crate's recipient.
    pub fn key(&self) -> Option<age::x25519::Recipient> {
        age::x25519::Recipient::from_str(&self.0).ok()
    }
}

impl std::fmt::Debug for Recipient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Recipient({})", self.0)
    }
}

/// The instant of an "as of" date: midnight UTC of `YYYY-MM-DD` (in any digits), or
/// `now` when no date is given.
pub fn parse_at(at: &str, now: i64) -> Result<i64, Invalid> {
    match at.trim() {
        "" => Ok(now),
        d => crate::clock::parse_day(&crate::i18n::normalize_digits(d))
            .ok_or_else(|| Invalid::new("at", "invalid-date", "expected a date as YYYY-MM-DD")),
    }
}

/// Why the export is made, in a few words that name no one.
pub fn parse_purpose(s: &str) -> Result<String, Invalid> {
    let s = s.trim();
    let n = s.chars().count();
    if n == 0 || n > 200 {
        return Err(Invalid::new(
            "purpose",
            "invalid-export-purpose",
            "say in 1 to 200 characters why the export is needed (no names)",
        ));
    }
    if s.chars().any(char::is_control) {
        return Err(Invalid::new(
            "purpose",
            "invalid-export-purpose",
            "the purpose must be one line of text",
        ));
    }
    Ok(s.to_string())
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    #[test]
    fn age_keys_are_checked_to_the_checksum() {
        let key = age::x25519::Identity::generate().to_public().to_string();
        assert_eq!(Recipient::parse(&format!(" {key} ")).unwrap().as_str(), key);
        // One character changed: the bech32 checksum fails.
        let mut typo: Vec<char> = key.chars().collect();
        let last = typo.len() - 1;
        typo[last] = if typo[last] == 'q' { 'p' } else { 'q' };
        let typo: String = typo.into_iter().collect();
        assert!(Recipient::parse(&typo).is_err());
        for bad in [
            "",
            "age1",
            "AGE-SECRET-KEY-1QQQQ",
            "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI",
        ] {
            assert!(Recipient::parse(bad).is_err(), "{bad}");
        }
        let secret = age::x25519::Identity::generate();
        use age::secrecy::ExposeSecret;
        assert!(Recipient::parse(secret.to_string().expose_secret()).is_err());
    }

    #[test]
    fn requests_and_approvals_expire_after_their_window() {
        let t = 1_000;
        for s in [ExportState::Requested, ExportState::Approved] {
            assert_eq!(s.at(t + WINDOW_MS, t), s);
            assert_eq!(s.at(t + WINDOW_MS, t + WINDOW_MS), ExportState::Expired);
        }
        for s in [ExportState::Rejected, ExportState::Downloaded] {
            assert_eq!(s.at(t, t + 10 * WINDOW_MS), s);
        }
        for s in ExportState::ALL {
            assert_eq!(ExportState::parse(s.as_str()), Some(s));
        }
    }

    #[test]
    fn filters_and_formats_are_validated() {
        let f = ExportFilter::parse("ashraf", "present", "disability").unwrap();
        assert_eq!(f.describe(), "site=ASHRAF status=present need=disability");
        assert_eq!(
            ExportFilter::parse("", "", "").unwrap().describe(),
            "site=- status=- need=-"
        );
        assert!(ExportFilter::parse("", "gone", "").is_err());
        assert!(ExportFilter::parse("", "", "hunger").is_err());
        assert!(ExportFilter::parse("a b", "", "").is_err());
        assert_eq!("XLSX".parse::<Format>().unwrap(), Format::Xlsx);
        assert_eq!("".parse::<Format>().unwrap(), Format::Csv);
        assert!("pdf".parse::<Format>().is_err());
        assert!(parse_purpose("  ").is_err());
        assert!(parse_purpose("line\nbreak").is_err());
        assert_eq!(
            parse_purpose(" UNHCR resettlement ").unwrap(),
            "UNHCR resettlement"
        );
    }
}
