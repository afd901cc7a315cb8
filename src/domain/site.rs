//! Sites: camps and transit locations.

use super::{Country, Invalid};

/// A site's short code, used in imports, exports and URLs: 2–16 of A–Z, 0–9 and `-`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize)]
pub struct SiteCode(String);

impl SiteCode {
    pub fn parse(s: &str) -> Result<Self, Invalid> {
        let s = s.trim().to_ascii_uppercase();
        let ok =
            (2..=16).contains(&s.len()) && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
        if ok {
            Ok(SiteCode(s))
        } else {
            Err(Invalid::new(
                "code",
                "invalid-site-code",
                "must be 2 to 16 of A–Z, 0–9 and -",
            ))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize, utoipa::ToSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum SiteKind {
    Camp,
    Transit,
    Settlement,
    Other,
}

impl SiteKind {
    pub const ALL: [SiteKind; 4] = [
        SiteKind::Camp,
        SiteKind::Transit,
        SiteKind::Settlement,
        SiteKind::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            SiteKind::Camp => "camp",
            SiteKind::Transit => "transit",
            SiteKind::Settlement => "settlement",
            SiteKind::Other => "other",
        }
    }

    pub fn message_id(self) -> &'static str {
        match self {
            SiteKind::Camp => "site-kind-camp",
            SiteKind::Transit => "site-kind-transit",
            SiteKind::Settlement => "site-kind-settlement",
            SiteKind::Other => "site-kind-other",
        }
    }

    pub fn parse(s: &str) -> Result<Self, Invalid> {
        let s = s.trim().to_ascii_lowercase();
        SiteKind::ALL
            .into_iter()
            .find(|k| k.as_str() == s)
            .ok_or_else(|| {
                Invalid::new(
                    "kind",
                    "invalid-site-kind",
                    "expected camp, transit, settlement or other",
                )
            })
    }
}

/// A site as entered: validated, ready to store.
#[derive(Debug, Clone)]
pub struct SiteInput {
    pub code: SiteCode,
    pub name_en: String,
    pub name_fa: String,
    pub name_ar: String,
    pub kind: SiteKind,
    pub country: Country,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub capacity: Option<i64>,
}

fn name(field: &'static str, s: &str, required: bool) -> Result<String, Invalid> {
    let s = s.trim();
    if required && s.is_empty() {
        return Err(Invalid::new(field, "invalid-required", "is required"));
    }
    if s.chars().count() > 120 || s.chars().any(char::is_control) {
        return Err(Invalid::new(
            field,
            "invalid-text-length",
            "must be at most 120 characters, no control characters",
        ));
    }
    Ok(s.to_string())
}

/// Parses a decimal number, accepting Persian and Arabic-Indic digits and separators.
pub fn parse_decimal(field: &'static str, s: &str) -> Result<Option<f64>, Invalid> {
    let s = crate::i18n::normalize_digits(s.trim());
    if s.is_empty() {
        return Ok(None);
    }
    s.parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
        .map(Some)
        .ok_or_else(|| Invalid::new(field, "invalid-number", "expected a number"))
}

/// Parses a whole number in `range`, accepting Persian and Arabic-Indic digits.
pub fn parse_count(
    field: &'static str,
    s: &str,
    range: std::ops::RangeInclusive<i64>,
) -> Result<Option<i64>, Invalid> {
    let s = crate::i18n::normalize_digits(s.trim()).replace([',', ' '], "");
    if s.is_empty() {
        return Ok(None);
    }
    match s.parse::<i64>() {
        Ok(v) if range.contains(&v) => Ok(Some(v)),
        _ => Err(Invalid::new(
            field,
            "invalid-count",
            format!(
                "expected a whole number from {} to {}",
                range.start(),
                range.end()
            ),
        )),
    }
}

impl SiteInput {
    /// Builds a site from text fields (a form, an API body, an import row).
    #[allow(clippy::too_many_arguments)]
    pub fn parse(
        code: &str,
        name_en: &str,
        name_fa: &str,
        name_ar: &str,
        kind: &str,
        country: &str,
        lat: &str,
        lon: &str,
        capacity: &str,
    ) -> Result<Self, Invalid> {
        let lat = parse_decimal("lat", lat)?;
        let lon = parse_decimal("lon", lon)?;
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
        Ok(SiteInput {
            code: SiteCode::parse(code)?,
            name_en: name("name_en", name_en, true)?,
            name_fa: name("name_fa", name_fa, false)?,
            name_ar: name("name_ar", name_ar, false)?,
            kind: SiteKind::parse(kind)?,
            country: Country::parse("country", country)?,
            lat,
            lon,
            capacity: parse_count("capacity", capacity, 0..=10_000_000)?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sites_are_validated_field_by_field() {
        let ok = SiteInput::parse(
            "liberty",
            "Camp Liberty",
            "کمپ لیبرتی",
            "مخيم ليبرتي",
            "camp",
            "irq",
            "33.29",
            "44.22",
            "۳۲۰۰",
        );
        let s = ok.unwrap_or_else(|e| unreachable!("{e}"));
        assert_eq!((s.code.as_str(), s.capacity), ("LIBERTY", Some(3200)));
        let e = |r: Result<SiteInput, Invalid>| r.err().map(|e| e.field);
        assert_eq!(
            e(SiteInput::parse(
                "L", "x", "", "", "camp", "IRQ", "", "", ""
            )),
            Some("code")
        );
        assert_eq!(
            e(SiteInput::parse(
                "LIB", "", "", "", "camp", "IRQ", "", "", ""
            )),
            Some("name_en")
        );
        assert_eq!(
            e(SiteInput::parse(
                "LIB", "x", "", "", "tent", "IRQ", "", "", ""
            )),
            Some("kind")
        );
        assert_eq!(
            e(SiteInput::parse(
                "LIB", "x", "", "", "camp", "IQ", "", "", ""
            )),
            Some("country")
        );
        assert_eq!(
            e(SiteInput::parse(
                "LIB", "x", "", "", "camp", "IRQ", "95", "1", ""
            )),
            Some("lat")
        );
        assert_eq!(
            e(SiteInput::parse(
                "LIB", "x", "", "", "camp", "IRQ", "33", "", ""
            )),
            Some("lon")
        );
        assert_eq!(
            e(SiteInput::parse(
                "LIB", "x", "", "", "camp", "IRQ", "", "", "-1"
            )),
            Some("capacity")
        );
    }
}
