//! Evidence files, pure: what a file's first bytes say it is (content sniffing, so a
//! file whose content is not what its name says is refused), the size limit, and the
//! capture record a documenter fills in (when, from whom, how it was received, and
//! what it is attached to).

use super::person::Choice;
use super::Invalid;

/// The largest evidence file accepted, in bytes.
pub const MAX_BYTES: u64 = 64 * 1024 * 1024;

/// How many leading bytes the sniffer looks at.
pub const SNIFF_BYTES: usize = 512;

/// The formats accepted, each known by its leading bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Jpeg,
    Png,
    Gif,
    Webp,
    Pdf,
    /// ISO base media (MP4, MOV, M4A, 3GP): `ftyp` at offset 4.
    IsoMedia,
    /// Matroska / WebM.
    Ebml,
    Mp3,
    Wav,
    Ogg,
    /// Office Open XML and OpenDocument files are ZIP archives.
    Zip,
    /// UTF-8 text without NUL bytes.
    Text,
}

impl Format {
    pub fn media_type(self, ext: &str) -> &'static str {
        match (self, ext) {
            (Format::Jpeg, _) => "image/jpeg",
            (Format::Png, _) => "image/png",
            (Format::Gif, _) => "image/gif",
            (Format::Webp, _) => "image/webp",
            (Format::Pdf, _) => "application/pdf",
            (Format::IsoMedia, "m4a") => "audio/mp4",
            (Format::IsoMedia, "mov") => "video/quicktime",
            (Format::IsoMedia, _) => "video/mp4",
            (Format::Ebml, _) => "video/webm",
            (Format::Mp3, _) => "audio/mpeg",
            (Format::Wav, _) => "audio/wav",
            (Format::Ogg, _) => "audio/ogg",
            (Format::Zip, "docx") => {
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            }
            (Format::Zip, "xlsx") => {
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            }
            (Format::Zip, "odt") => "application/vnd.oasis.opendocument.text",
            (Format::Zip, _) => "application/zip",
            (Format::Text, "csv") => "text/csv",
            (Format::Text, "html" | "htm") => "text/html",
            (Format::Text, _) => "text/plain",
        }
    }
}

/// The format a file name's extension promises, or `None` for a kind not accepted.
pub fn promised(file_name: &str) -> Option<(Format, String)> {
    let ext = file_name.rsplit_once('.')?.1.to_ascii_lowercase();
    let f = match ext.as_str() {
        "jpg" | "jpeg" => Format::Jpeg,
        "png" => Format::Png,
        "gif" => Format::Gif,
        "webp" => Format::Webp,
        "pdf" => Format::Pdf,
        "mp4" | "m4v" | "mov" | "m4a" | "3gp" => Format::IsoMedia,
        "webm" | "mkv" => Format::Ebml,
        "mp3" => Format::Mp3,
        "wav" => Format::Wav,
        "ogg" | "oga" | "ogv" | "opus" => Format::Ogg,
        "docx" | "xlsx" | "pptx" | "odt" | "ods" | "zip" => Format::Zip,
        // A saved web page is UTF-8 text too; its text can be imported for a source.
        "txt" | "csv" | "md" | "html" | "htm" => Format::Text,
        _ => return None,
    };
    Some((f, ext))
}

/// Whether `head` (the first bytes of the file, up to [`SNIFF_BYTES`]) is `f`.
pub fn looks_like(f: Format, head: &[u8]) -> bool {
    let at = |off: usize, magic: &[u8]| head.get(off..off + magic.len()) == Some(magic);
    match f {
        Format::Jpeg => at(0, &[0xFF, 0xD8, 0xFF]),
        Format::Png => at(0, b"\x89PNG\r\n\x1a\n"),
        Format::Gif => at(0, b"GIF87a") || at(0, b"GIF89a"),
        Format::Webp => at(0, b"RIFF") && at(8, b"WEBP"),
        Format::Pdf => at(0, b"%PDF-"),
        Format::IsoMedia => at(4, b"ftyp"),
        Format::Ebml => at(0, &[0x1A, 0x45, 0xDF, 0xA3]),
        Format::Mp3 => at(0, b"ID3") || matches!(head, [0xFF, b, ..] if b & 0xE0 == 0xE0),
        Format::Wav => at(0, b"RIFF") && at(8, b"WAVE"),
        Format::Ogg => at(0, b"OggS"),
        Format::Zip => at(0, b"PK\x03\x04"),
        Format::Text => is_text(head),
    }
}

/// UTF-8 without NUL; a character cut by the end of the sniffed prefix is fine.
fn is_text(head: &[u8]) -> bool {
    if head.contains(&0) {
        return false;
    }
    match std::str::from_utf8(head) {
        Ok(_) => true,
        Err(e) => e.error_len().is_none(),
    }
}

/// Checks a whole upload's name against its first bytes: the media type to record, or
/// the reason it is refused.
pub fn check(file_name: &str, head: &[u8], size: u64) -> Result<&'static str, Invalid> {
    let Some((format, ext)) = promised(file_name) else {
        return Err(Invalid::new(
            "file",
            "evidence-invalid-kind",
            "this kind of file is not accepted (photos, video, audio, PDF, documents and text are)",
        ));
    };
    if size == 0 {
        return Err(Invalid::new(
            "file",
            "evidence-invalid-empty",
            "the file is empty",
        ));
    }
    if !looks_like(format, head) {
        return Err(Invalid::new(
            "file",
            "evidence-invalid-content",
            format!("the file's content is not what its name says (.{ext})"),
        ));
    }
    Ok(format.media_type(&ext))
}

/// How the file reached the documenter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReceivedHow {
    InPerson,
    MessagingApp,
    Email,
    FieldCapture,
    Other,
}

impl Choice for ReceivedHow {
    const FIELD: &'static str = "received_how";
    const ALL: &'static [Self] = &[
        ReceivedHow::InPerson,
        ReceivedHow::MessagingApp,
        ReceivedHow::Email,
        ReceivedHow::FieldCapture,
        ReceivedHow::Other,
    ];
    fn as_str(self) -> &'static str {
        match self {
            ReceivedHow::InPerson => "in_person",
            ReceivedHow::MessagingApp => "messaging_app",
            ReceivedHow::Email => "email",
            ReceivedHow::FieldCapture => "field_capture",
            ReceivedHow::Other => "other",
        }
    }
}

/// What a file is attached to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Incident(i64),
    Source(i64),
    Claim(i64),
}

impl Target {
    pub fn parse(kind: &str, id: &str) -> Result<Self, Invalid> {
        let id: i64 = crate::i18n::normalize_digits(id.trim())
            .parse()
            .ok()
            .filter(|n| *n > 0)
            .ok_or_else(|| Invalid::new("target_id", "invalid-number", "expected a number"))?;
        match kind {
            "incident" => Ok(Target::Incident(id)),
            "source" => Ok(Target::Source(id)),
            "claim" => Ok(Target::Claim(id)),
            _ => Err(Invalid::new(
                "target_type",
                "invalid-choice",
                "expected one of incident, source, claim",
            )),
        }
    }

    pub fn kind(self) -> &'static str {
        match self {
            Target::Incident(_) => "incident",
            Target::Source(_) => "source",
            Target::Claim(_) => "claim",
        }
    }

    pub fn id(self) -> i64 {
        match self {
            Target::Incident(id) | Target::Source(id) | Target::Claim(id) => id,
        }
    }
}

/// The capture record, validated.
#[derive(Debug, Clone)]
pub struct Capture {
    pub target: Target,
    /// `YYYY-MM-DD`.
    pub received_on: String,
    pub received_from: String,
    pub received_how: ReceivedHow,
}

impl Capture {
    pub fn parse(
        target_type: &str,
        target_id: &str,
        received_on: &str,
        received_from: &str,
        received_how: &str,
    ) -> Result<Self, Invalid> {
        let target = Target::parse(target_type, target_id)?;
        let received_on = super::person::parse_date("received_on", received_on)?
            .map(|(d, _)| d)
            .ok_or_else(|| Invalid::new("received_on", "invalid-required", "is required"))?;
        let received_from = received_from.trim().to_string();
        if received_from.is_empty() {
            return Err(Invalid::new(
                "received_from",
                "invalid-required",
                "is required",
            ));
        }
        if received_from.chars().count() > 300 {
            return Err(Invalid::new(
                "received_from",
                "evidence-invalid-too-long",
                "at most 300 characters",
            ));
        }
        Ok(Capture {
            target,
            received_on,
            received_from,
            received_how: ReceivedHow::parse(received_how)?,
        })
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn a_file_must_be_what_its_name_says() {
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
        assert_eq!(check("photo.PNG", png, 20), Ok("image/png"));
        let e = check("photo.jpg", png, 20).unwrap_err();
        assert_eq!(e.key, "evidence-invalid-content");
        assert_eq!(
            check("note.txt", "ناظر گفت".as_bytes(), 10),
            Ok("text/plain")
        );
        // A Persian letter cut in two by the end of the sniffed prefix is still text.
        let cut = "ناظر".as_bytes();
        assert!(looks_like(Format::Text, cut.get(..3).unwrap()));
        assert_eq!(
            check("note.txt", png, 20).unwrap_err().key,
            "evidence-invalid-content"
        );
        assert_eq!(
            check("tool.exe", b"MZ", 2).unwrap_err().key,
            "evidence-invalid-kind"
        );
        assert_eq!(
            check("noext", b"MZ", 2).unwrap_err().key,
            "evidence-invalid-kind"
        );
        assert_eq!(
            check("a.pdf", b"", 0).unwrap_err().key,
            "evidence-invalid-empty"
        );
        assert_eq!(
            check("clip.mp4", b"\0\0\0\x18ftypmp42", 12),
            Ok("video/mp4")
        );
        assert_eq!(check("a.pdf", b"%PDF-1.7\n", 9), Ok("application/pdf"));
    }

    #[test]
    fn the_capture_record_names_the_bad_field() {
        let ok =
            Capture::parse("incident", "۱۲", "2024-03-01", " Witness A ", "in_person").unwrap();
        assert_eq!(ok.target, Target::Incident(12));
        assert_eq!(ok.received_from, "Witness A");
        let field = |r: Result<Capture, Invalid>| r.unwrap_err().field;
        assert_eq!(
            field(Capture::parse("person", "1", "2024-03-01", "A", "email")),
            "target_type"
        );
        assert_eq!(
            field(Capture::parse("claim", "x", "2024-03-01", "A", "email")),
            "target_id"
        );
        assert_eq!(
            field(Capture::parse("claim", "1", "2024-13-01", "A", "email")),
            "received_on"
        );
        assert_eq!(
            field(Capture::parse("claim", "1", "", "A", "email")),
            "received_on"
        );
        assert_eq!(
            field(Capture::parse("claim", "1", "2024-03-01", " ", "email")),
            "received_from"
        );
        assert_eq!(
            field(Capture::parse("claim", "1", "2024-03-01", "A", "fax")),
            "received_how"
        );
    }
}
