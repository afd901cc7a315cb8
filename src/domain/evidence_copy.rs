//! Derived copies of evidence files: what kind of copy, and why it was made. A copy
//! is an evidence item of its own; its original is never touched.

use super::person::Choice;
use super::Invalid;

/// How a copy differs from its original.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Derivation {
    /// Faces, names or places blacked out for sharing.
    Redacted,
    /// The same picture or document without its embedded metadata (GPS, device).
    MetadataStripped,
    /// Another encoding of the same recording or picture.
    Transcoded,
    Thumbnail,
    /// A part of the original (a clip, some pages).
    Excerpt,
}

impl Choice for Derivation {
    const FIELD: &'static str = "derivation";
    const ALL: &'static [Self] = &[
        Derivation::Redacted,
        Derivation::MetadataStripped,
        Derivation::Transcoded,
        Derivation::Thumbnail,
        Derivation::Excerpt,
    ];
    fn as_str(self) -> &'static str {
        match self {
            Derivation::Redacted => "redacted",
            Derivation::MetadataStripped => "metadata_stripped",
            Derivation::Transcoded => "transcoded",
            Derivation::Thumbnail => "thumbnail",
            Derivation::Excerpt => "excerpt",
        }
    }
}

/// A copy's record, validated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CopyInput {
    pub original_id: i64,
    pub kind: Derivation,
    /// What was changed and why (no personal data: "faces blurred for the press").
    pub note: String,
}

impl CopyInput {
    pub fn parse(original: &str, kind: &str, note: &str) -> Result<Self, Invalid> {
        let original_id = crate::i18n::normalize_digits(original.trim())
            .parse()
            .ok()
            .filter(|n: &i64| *n > 0)
            .ok_or_else(|| Invalid::new("derived_from", "invalid-number", "expected a number"))?;
        let note = note.trim().to_string();
        if note.chars().count() > 300 {
            return Err(Invalid::new(
                "note",
                "evidence-invalid-too-long",
                "at most 300 characters",
            ));
        }
        Ok(CopyInput {
            original_id,
            kind: Derivation::parse(kind)?,
            note,
        })
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn a_copy_record_is_checked_field_by_field() {
        let c = CopyInput::parse("۱۲", "metadata stripped", " GPS removed ").unwrap();
        assert_eq!((c.original_id, c.kind), (12, Derivation::MetadataStripped));
        assert_eq!(c.note, "GPS removed");
        assert_eq!(
            CopyInput::parse("x", "redacted", "").unwrap_err().field,
            "derived_from"
        );
        assert_eq!(
            CopyInput::parse("1", "edited", "").unwrap_err().field,
            "derivation"
        );
        assert_eq!(
            CopyInput::parse("1", "redacted", &"n".repeat(301))
                .unwrap_err()
                .field,
            "note"
        );
    }
}
