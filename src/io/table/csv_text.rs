//! CSV text: decoding by byte-order mark, delimiter sniffing, and records.
//!
//! Only encodings that announce themselves are decoded (UTF-8, and UTF-16 with a BOM).
//! Bytes that are not valid UTF-8 are refused with their line and offset rather than
//! decoded as a guessed code page: a wrong guess turns every Persian name into
//! plausible-looking nonsense that would then be encrypted and kept.

use std::borrow::Cow;

use super::{Builder, Encoding, Format, Table, TableError};

pub(super) fn read(bytes: &[u8]) -> Result<Table, TableError> {
    let (text, encoding) = decode(bytes)?;
    if let Some(pos) = text.find('\0') {
        return Err(TableError::Nul {
            line: line_at(&text, pos),
        });
    }
    let delimiter = sniff_delimiter(&text);
    let mut builder = Builder::new();
    records(&text, delimiter, |line, cells| builder.push(line, cells))?;
    builder.finish(Format::Csv {
        encoding,
        delimiter: char::from(delimiter),
    })
}

/// Line breaks in `s` as an editor counts them: `\n`, `\r\n`, or a lone `\r`.
fn breaks(s: &str) -> usize {
    let b = s.as_bytes();
    b.iter()
        .enumerate()
        .filter(|(i, c)| **c == b'\n' || (**c == b'\r' && b.get(i + 1) != Some(&b'\n')))
        .count()
}

/// RFC 4180 records, each with the line it starts on. A quote opens a quoted field only
/// at the start of a field (elsewhere it is text); `""` inside quotes is a quote; text
/// after a closing quote is kept, as spreadsheets do. Empty lines yield no record.
///
/// Written here rather than taken from the `csv` crate because the user needs the line
/// each record starts on, counted as an editor counts it, and to be told where an
/// unclosed quote opened instead of having it swallow the rest of the file.
fn records(
    text: &str,
    delimiter: u8,
    mut emit: impl FnMut(usize, &[&str]) -> Result<(), TableError>,
) -> Result<(), TableError> {
    let bytes = text.as_bytes();
    let slice = |from: usize, to: usize| text.get(from..to).unwrap_or("");
    let stop = |c: &u8| *c == delimiter || *c == b'\n' || *c == b'\r';
    let mut i = 0;
    let mut line = 1;
    let mut buf = String::new();
    let mut ends: Vec<usize> = Vec::new();
    while let Some(c) = bytes.get(i) {
        if *c == b'\n' || *c == b'\r' {
            let crlf = *c == b'\r' && bytes.get(i + 1) == Some(&b'\n');
            i += if crlf { 2 } else { 1 };
            line += 1;
            continue;
        }
        let start_line = line;
        buf.clear();
        ends.clear();
        loop {
            if bytes.get(i) == Some(&b'"') {
                let open_line = line;
                i += 1;
                loop {
                    let Some(close) = bytes.iter().skip(i).position(|c| *c == b'"') else {
                        return Err(TableError::UnclosedQuote { line: open_line });
                    };
                    let chunk = slice(i, i + close);
                    line += breaks(chunk);
                    buf.push_str(chunk);
                    i += close + 1;
                    if bytes.get(i) == Some(&b'"') {
                        buf.push('"');
                        i += 1;
                    } else {
                        break;
                    }
                }
            }
            let end = bytes
                .iter()
                .skip(i)
                .position(stop)
                .map_or(bytes.len(), |n| i + n);
            buf.push_str(slice(i, end));
            ends.push(buf.len());
            i = end;
            match bytes.get(i) {
                Some(c) if *c == delimiter => i += 1,
                Some(b'\r') => {
                    i += if bytes.get(i + 1) == Some(&b'\n') {
                        2
                    } else {
                        1
                    };
                    line += 1;
                    break;
                }
                Some(_) => {
                    i += 1;
                    line += 1;
                    break;
                }
                None => break,
            }
        }
        let mut cells = Vec::with_capacity(ends.len());
        let mut from = 0;
        for end in &ends {
            cells.push(buf.get(from..*end).unwrap_or(""));
            from = *end;
        }
        emit(start_line, &cells)?;
    }
    Ok(())
}

fn decode(bytes: &[u8]) -> Result<(Cow<'_, str>, Encoding), TableError> {
    if bytes.starts_with(b"\xFF\xFE\x00\x00") || bytes.starts_with(b"\x00\x00\xFE\xFF") {
        return Err(TableError::Utf32);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return utf8(rest, 3).map(|t| (t, Encoding::Utf8Bom));
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return utf16(rest, u16::from_le_bytes).map(|t| (Cow::Owned(t), Encoding::Utf16Le));
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return utf16(rest, u16::from_be_bytes).map(|t| (Cow::Owned(t), Encoding::Utf16Be));
    }
    if looks_like_utf16(bytes) {
        return Err(TableError::Utf16WithoutBom);
    }
    utf8(bytes, 0).map(|t| (t, Encoding::Utf8))
}

/// `skipped` is the length of the BOM, so offsets count from the start of the file.
fn utf8(bytes: &[u8], skipped: usize) -> Result<Cow<'_, str>, TableError> {
    std::str::from_utf8(bytes).map(Cow::Borrowed).map_err(|e| {
        let offset = e.valid_up_to();
        let before = bytes.get(..offset).unwrap_or(bytes);
        TableError::NotUtf8 {
            line: before.iter().filter(|b| **b == b'\n').count() + 1,
            offset: offset + skipped,
        }
    })
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Result<String, TableError> {
    const BOM: usize = 2;
    if bytes.len() % 2 == 1 {
        return Err(TableError::BadUtf16 {
            offset: BOM + bytes.len() - 1,
        });
    }
    let units = bytes
        .chunks_exact(2)
        .map(|c| unit(<[u8; 2]>::try_from(c).unwrap_or([0, 0])));
    let mut out = String::with_capacity(bytes.len());
    let mut consumed = 0usize;
    for c in char::decode_utf16(units) {
        match c {
            Ok(c) => {
                consumed += c.len_utf16();
                out.push(c);
            }
            Err(_) => {
                return Err(TableError::BadUtf16 {
                    offset: BOM + consumed * 2,
                })
            }
        }
    }
    Ok(out)
}

/// ASCII text in UTF-16 has a zero in every other byte; real UTF-8 text has none.
fn looks_like_utf16(bytes: &[u8]) -> bool {
    let head = bytes.get(..256).unwrap_or(bytes);
    if head.len() < 4 {
        return false;
    }
    let zeros = |parity: usize| {
        head.iter()
            .skip(parity)
            .step_by(2)
            .filter(|b| **b == 0)
            .count()
    };
    let half = head.len() / 2;
    zeros(0) * 3 >= half * 2 || zeros(1) * 3 >= half * 2
}

fn line_at(text: &str, pos: usize) -> usize {
    text.get(..pos)
        .map_or(0, |t| t.bytes().filter(|b| *b == b'\n').count())
        + 1
}

/// The delimiter among `,` `;` and tab that occurs most often, outside quotes, on the
/// first non-blank line; `,` on a tie or when there is none (a one-column file).
fn sniff_delimiter(text: &str) -> u8 {
    let (mut comma, mut semicolon, mut tab) = (0usize, 0usize, 0usize);
    let mut in_quotes = false;
    let mut content = false;
    for c in text.chars() {
        match c {
            '"' => {
                in_quotes = !in_quotes;
                content = true;
            }
            '\n' | '\r' if !in_quotes => {
                if content {
                    break;
                }
                (comma, semicolon, tab) = (0, 0, 0);
            }
            ',' if !in_quotes => comma += 1,
            ';' if !in_quotes => semicolon += 1,
            '\t' if !in_quotes => tab += 1,
            c if !c.is_whitespace() => content = true,
            _ => {}
        }
    }
    if semicolon > comma && semicolon >= tab {
        b';'
    } else if tab > comma && tab > semicolon {
        b'\t'
    } else {
        b','
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    #[test]
    fn the_header_line_decides_the_delimiter() {
        assert_eq!(sniff_delimiter("a;b;c\n1,5;2;3"), b';');
        assert_eq!(sniff_delimiter("a\tb\n"), b'\t');
        assert_eq!(sniff_delimiter("\n\n\"x;y\",b\n"), b',');
        assert_eq!(sniff_delimiter("name\n"), b',');
        assert_eq!(sniff_delimiter("a,b;c\n"), b',');
    }

    fn parse(text: &str) -> Result<Vec<(usize, Vec<String>)>, TableError> {
        let mut out = Vec::new();
        records(text, b',', |line, cells| {
            out.push((line, cells.iter().map(|c| c.to_string()).collect()));
            Ok(())
        })?;
        Ok(out)
    }

    #[test]
    fn records_start_on_the_line_an_editor_shows() {
        let rows = parse("a,b\r\n1,\"x\r\ny\"\r\n\r\n\n3,4\r5\n\"q\"\"\"r,\"\"").unwrap();
        let lines: Vec<usize> = rows.iter().map(|r| r.0).collect();
        assert_eq!(lines, vec![1, 2, 6, 7, 8]);
        assert_eq!(rows[1].1, vec!["1", "x\r\ny"]);
        assert_eq!(rows[3].1, vec!["5"]);
        assert_eq!(rows[4].1, vec!["q\"r", ""]);
        // A quote inside an unquoted field is text; text after a closing quote is kept.
        assert_eq!(parse("a\"b,\"c\"d\n").unwrap()[0].1, vec!["a\"b", "cd"]);
        assert_eq!(parse("a,b,\n").unwrap()[0].1, vec!["a", "b", ""]);
        assert_eq!(
            parse("a,b\n1,\"open\n2,x\n"),
            Err(TableError::UnclosedQuote { line: 2 })
        );
    }

    #[test]
    fn utf16_is_decoded_by_hand() {
        let le: Vec<u8> = "a,ب\n".encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert_eq!(utf16(&le, u16::from_le_bytes).unwrap(), "a,ب\n");
        assert_eq!(
            utf16(&[0x00, 0xD8, b'a', 0], u16::from_le_bytes),
            Err(TableError::BadUtf16 { offset: 2 })
        );
        assert!(looks_like_utf16(&le));
        assert!(!looks_like_utf16("name,sex\n".as_bytes()));
    }
}
