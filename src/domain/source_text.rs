//! A source document's text, taken from the file it came in (plain text, a saved web
//! page or a PDF) so that the source can be searched by what it says. Pure: bytes in,
//! text out, or the reason there is none.
//!
//! HTML is reduced to its text by a small scanner rather than a parser: scripts,
//! styles and comments are dropped whole, tags become spaces or line breaks, and
//! entities are decoded (including `&zwnj;`, which Persian spelling needs). The text
//! is only ever shown escaped, so nothing in it can become markup again. PDF text
//! comes from lopdf's content-stream reader (pure Rust); a scan without a text layer
//! has no text and is refused with that reason.

use super::Invalid;

/// The most characters of text kept for one source.
pub const MAX_CHARS: usize = 2_000_000;

/// What the text was taken from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Html,
    Pdf,
}

impl Format {
    /// The format of an evidence file's media type, if its text can be imported.
    pub fn of(media_type: &str) -> Option<Format> {
        match media_type {
            "text/plain" | "text/csv" => Some(Format::Text),
            "text/html" => Some(Format::Html),
            "application/pdf" => Some(Format::Pdf),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Html => "html",
            Format::Pdf => "pdf",
        }
    }
}

fn invalid(key: &'static str, message: &str) -> Invalid {
    Invalid::new("file", key, message)
}

/// The text of a document of `format`, whitespace tidied.
pub fn extract(format: Format, bytes: &[u8]) -> Result<String, Invalid> {
    let raw = match format {
        Format::Text | Format::Html => {
            let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
            let s = std::str::from_utf8(bytes).map_err(|_| {
                invalid(
                    "source-text-invalid-encoding",
                    "the text is not UTF-8: save it as UTF-8 and try again",
                )
            })?;
            if format == Format::Html {
                strip_html(s)
            } else {
                s.to_string()
            }
        }
        Format::Pdf => pdf_text(bytes)?,
    };
    let text = tidy(&raw);
    if text.is_empty() {
        return Err(invalid(
            "source-text-invalid-empty",
            "no text could be taken from the file (a scanned page has none)",
        ));
    }
    if text.chars().count() > MAX_CHARS {
        return Err(invalid(
            "source-text-invalid-too-long",
            "the text is longer than two million characters",
        ));
    }
    Ok(text)
}

fn pdf_text(bytes: &[u8]) -> Result<String, Invalid> {
    let bad = || invalid("source-text-invalid-pdf", "the PDF cannot be read");
    let doc = lopdf::Document::load_mem(bytes).map_err(|_| bad())?;
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    let mut out = String::new();
    for p in pages {
        // A page whose fonts lopdf cannot decode is skipped, not fatal: the others
        // still carry text.
        if let Ok(t) = doc.extract_text(&[p]) {
            out.push_str(&t);
            out.push('\n');
        }
    }
    Ok(out)
}

/// Lines trimmed and inner runs of spaces collapsed; at most one blank line in a row.
fn tidy(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut blank = true;
    for line in s.lines() {
        let words: Vec<&str> = line.split_whitespace().collect();
        if words.is_empty() {
            if !blank {
                out.push('\n');
            }
            blank = true;
            continue;
        }
        out.push_str(&words.join(" "));
        out.push('\n');
        blank = false;
    }
    out.trim_end().to_string()
}

/// Elements whose content is not text for a reader.
const SKIPPED: [&str; 6] = ["script", "style", "noscript", "template", "svg", "head"];
/// Elements that end a line.
const BLOCKS: [&str; 16] = [
    "p",
    "div",
    "br",
    "li",
    "tr",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "section",
    "article",
    "blockquote",
    "title",
    "table",
];

/// The text of an HTML document.
pub fn strip_html(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        let (text, tail) = rest.split_at(lt);
        out.push_str(&decode_entities(text));
        if let Some(after) = tail.strip_prefix("<!--") {
            rest = after
                .find("-->")
                .map_or("", |e| after.get(e + 3..).unwrap_or(""));
            continue;
        }
        let Some(gt) = tag_end(tail) else {
            // An unclosed tag ends the document.
            rest = "";
            break;
        };
        let tag = tail.get(1..gt).unwrap_or("");
        rest = tail.get(gt + 1..).unwrap_or("");
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        if !tag.starts_with('/') && SKIPPED.contains(&name.as_str()) && !tag.ends_with('/') {
            // Everything up to the matching end tag goes (the title is kept apart).
            let close = format!("</{name}");
            let lower = rest.to_ascii_lowercase();
            let end = lower.find(&close).unwrap_or(rest.len());
            let inner = rest.get(..end).unwrap_or("");
            if name == "head" {
                if let Some(t) = title_of(inner) {
                    out.push_str(&t);
                    out.push('\n');
                }
            }
            rest = rest.get(end..).unwrap_or("");
            rest = rest
                .find('>')
                .map_or("", |g| rest.get(g + 1..).unwrap_or(""));
            continue;
        }
        out.push(if BLOCKS.contains(&name.as_str()) {
            '\n'
        } else {
            ' '
        });
    }
    out.push_str(&decode_entities(rest));
    out
}

/// The `>` that closes the tag starting at `s` (quoted attribute values may hold one).
fn tag_end(s: &str) -> Option<usize> {
    let mut quote: Option<char> = None;
    for (i, c) in s.char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '>') => return Some(i),
            _ => {}
        }
    }
    None
}

fn title_of(head: &str) -> Option<String> {
    let lower = head.to_ascii_lowercase();
    let start = lower.find("<title")?;
    let open = head.get(start..)?.find('>')? + start + 1;
    let end = lower.get(open..)?.find("</title")? + open;
    Some(decode_entities(head.get(open..end)?))
}

/// Named and numeric character references; an unknown one is kept as written.
pub fn decode_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(rest.get(..amp).unwrap_or(""));
        let tail = rest.get(amp..).unwrap_or("");
        let end = tail.get(..tail.len().min(12)).and_then(|t| t.find(';'));
        let decoded = end.and_then(|e| entity(tail.get(1..e).unwrap_or("")));
        match (end, decoded) {
            (Some(e), Some(c)) => {
                out.push(c);
                rest = tail.get(e + 1..).unwrap_or("");
            }
            _ => {
                out.push('&');
                rest = tail.get(1..).unwrap_or("");
            }
        }
    }
    out.push_str(rest);
    out
}

fn entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        // NUL and surrogates are not characters a text may hold.
        return char::from_u32(code).filter(|c| *c != '\0');
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => ' ',
        "zwnj" => '\u{200C}',
        "zwj" => '\u{200D}',
        "lrm" => '\u{200E}',
        "rlm" => '\u{200F}',
        "shy" => '\u{AD}',
        "mdash" => '—',
        "ndash" => '–',
        "hellip" => '…',
        "laquo" => '«',
        "raquo" => '»',
        _ => return None,
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn html_keeps_the_text_and_drops_scripts_styles_comments_and_tags() {
        let html = "<!DOCTYPE html><html><head><title>Camp &amp; rockets</title>\
            <style>p{color:red}</style><script>alert('<p>x</p>')</script></head>\
            <body><h1>Report</h1><!-- hidden <b>note</b> --><p class=\"a>b\">Rockets hit\
            <b>Liberty</b> at 05:30.</p><p>می&zwnj;گوید &#1588;&#x627;هد</p>\
            <noscript>enable js</noscript><p>5 &lt; 6 &bogus; &</p></body></html>";
        let t = extract(Format::Html, html.as_bytes()).unwrap();
        let lines: Vec<&str> = t.lines().filter(|l| !l.is_empty()).take(3).collect();
        assert_eq!(
            lines,
            ["Camp & rockets", "Report", "Rockets hit Liberty at 05:30."]
        );
        assert!(t.contains("می\u{200C}گوید شاهد"), "{t}");
        assert!(t.contains("5 < 6 &bogus; &"), "{t}");
        for gone in ["alert", "color", "hidden", "note", "enable js", "<"] {
            assert!(
                !t.contains(gone) || gone == "<" && t.contains("5 < 6"),
                "{gone} in {t}"
            );
        }
    }

    #[test]
    fn text_must_be_utf8_and_not_empty() {
        assert_eq!(
            extract(Format::Text, b"\xEF\xBB\xBF  hello \n\n\n world ").unwrap(),
            "hello\n\nworld"
        );
        assert_eq!(
            extract(Format::Text, b"caf\xe9").unwrap_err().key,
            "source-text-invalid-encoding"
        );
        assert_eq!(
            extract(Format::Html, b"<p> </p>").unwrap_err().key,
            "source-text-invalid-empty"
        );
        assert_eq!(
            extract(Format::Pdf, b"%PDF-1.4 broken").unwrap_err().key,
            "source-text-invalid-pdf"
        );
    }

    #[test]
    fn an_unclosed_tag_or_entity_does_not_lose_or_loop() {
        assert_eq!(strip_html("a <b"), "a ");
        assert_eq!(decode_entities("&amp"), "&amp");
        assert_eq!(decode_entities("&#0;&#xD800;"), "&#0;&#xD800;");
        assert_eq!(strip_html("x<!-- never closed"), "x");
    }
}
