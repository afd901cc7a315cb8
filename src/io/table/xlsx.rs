//! XLSX workbooks: recognising one among ZIP files, bounding what it unpacks to, and
//! streaming the chosen sheet's cells as text.
//!
//! Cells are streamed rather than loaded as a rectangle because a sheet's extent is
//! declared by its cells: one cell in A1 and one in XFD1048576 would make a dense
//! range of seventeen billion cells. The ZIP's central directory is read by hand first
//! so that a compression bomb is refused before anything is inflated (the ZIP reader
//! then enforces the declared sizes).

use std::io::Cursor;

use calamine::{DataRef, Reader, SheetType, SheetVisible, Xlsx};

use super::{Builder, Format, Table, TableError, MAX_COLUMNS, MAX_UNPACKED_BYTES};

/// One central-directory entry: its name and declared unpacked size.
struct Entry {
    name: String,
    size: u64,
}

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    let s = b.get(at..at.checked_add(2)?)?;
    Some(u16::from_le_bytes(<[u8; 2]>::try_from(s).ok()?))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    let s = b.get(at..at.checked_add(4)?)?;
    Some(u32::from_le_bytes(<[u8; 4]>::try_from(s).ok()?))
}

/// The entries of a ZIP file, from its end-of-central-directory record. ZIP64 archives
/// (over 4 GiB or 65,535 entries) are not workbooks we accept, so they read as `None`.
fn entries(bytes: &[u8]) -> Option<Vec<Entry>> {
    const EOCD: &[u8] = b"PK\x05\x06";
    let search_from = bytes.len().saturating_sub(22 + 65_535);
    let tail = bytes.get(search_from..)?;
    let eocd = search_from + tail.windows(4).rposition(|w| w == EOCD)?;
    let count = u16_at(bytes, eocd + 10)?;
    let offset = u32_at(bytes, eocd + 16)?;
    if count == u16::MAX || offset == u32::MAX {
        return None;
    }
    let mut pos = usize::try_from(offset).ok()?;
    let mut out = Vec::with_capacity(usize::from(count));
    for _ in 0..count {
        if bytes.get(pos..pos.checked_add(4)?)? != b"PK\x01\x02" {
            return None;
        }
        let size = u32_at(bytes, pos + 24)?;
        let name_len = usize::from(u16_at(bytes, pos + 28)?);
        let extra_len = usize::from(u16_at(bytes, pos + 30)?);
        let comment_len = usize::from(u16_at(bytes, pos + 32)?);
        let name = bytes.get(pos + 46..pos + 46 + name_len)?;
        out.push(Entry {
            name: String::from_utf8_lossy(name).into_owned(),
            // 0xFFFFFFFF defers to a ZIP64 field: more than we accept anyway.
            size: if size == u32::MAX {
                u64::MAX
            } else {
                u64::from(size)
            },
        });
        pos = pos.checked_add(46 + name_len + extra_len + comment_len)?;
    }
    Some(out)
}

/// Accepts a ZIP only if it is an XLSX workbook of bounded unpacked size; names the
/// other common ZIP-based formats.
pub(super) fn probe(bytes: &[u8]) -> Result<(), TableError> {
    let entries = entries(bytes).ok_or(TableError::Unreadable)?;
    let has = |name: &str| entries.iter().any(|e| e.name.eq_ignore_ascii_case(name));
    if !has("xl/workbook.xml") {
        let what = if has("xl/workbook.bin") {
            "an Excel binary workbook (XLSB)"
        } else if has("mimetype") && has("content.xml") {
            "an OpenDocument file (such as ODS)"
        } else if has("word/document.xml") {
            "a Word document"
        } else if has("ppt/presentation.xml") {
            "a PowerPoint presentation"
        } else {
            "a ZIP archive"
        };
        return Err(TableError::NotATable { what });
    }
    let total = entries
        .iter()
        .try_fold(0u64, |sum, e| sum.checked_add(e.size));
    match total {
        Some(t) if t <= MAX_UNPACKED_BYTES => Ok(()),
        _ => Err(TableError::Unpacked),
    }
}

/// The sheet named `people` if there is one, else the first visible worksheet.
fn pick_sheet(sheets: &[calamine::Sheet]) -> Result<String, TableError> {
    let work: Vec<&calamine::Sheet> = sheets
        .iter()
        .filter(|s| s.typ == SheetType::WorkSheet)
        .collect();
    work.iter()
        .find(|s| s.name.trim().eq_ignore_ascii_case("people"))
        .or_else(|| work.iter().find(|s| s.visible == SheetVisible::Visible))
        .or_else(|| work.first())
        .map(|s| s.name.clone())
        .ok_or(TableError::NoSheet)
}

pub(super) fn read(bytes: &[u8]) -> Result<Table, TableError> {
    let mut workbook = Xlsx::new(Cursor::new(bytes)).map_err(|_| TableError::Unreadable)?;
    let sheet = pick_sheet(workbook.sheets_metadata())?;
    let mut cells = workbook
        .worksheet_cells_reader(&sheet)
        .map_err(|_| TableError::Unreadable)?;
    let mut builder = Builder::new();
    let mut row: Vec<String> = Vec::new();
    let mut current: Option<usize> = None;
    while let Some(cell) = cells.next_cell().map_err(|_| TableError::Unreadable)? {
        let (r, c) = cell.get_position();
        let (line, column) = (r as usize + 1, c as usize + 1);
        let text = text_of(cell.get_value()).map_err(|code| TableError::CellError {
            line,
            column,
            code,
        })?;
        if text.trim().is_empty() {
            continue;
        }
        if current != Some(line) {
            if let Some(prev) = current {
                if line < prev {
                    return Err(TableError::RowsOutOfOrder { line });
                }
                builder.push(prev, &row)?;
            }
            row.clear();
            current = Some(line);
        }
        if column > MAX_COLUMNS {
            return Err(TableError::TooManyColumns { line });
        }
        if row.len() < column {
            row.resize(column, String::new());
        }
        if let Some(slot) = row.get_mut(column - 1) {
            *slot = text;
        }
    }
    if let Some(prev) = current {
        builder.push(prev, &row)?;
    }
    builder.finish(Format::Xlsx { sheet })
}

/// A cell as the user sees it: whole numbers without `.0`, dates as `YYYY-MM-DD`.
/// A spreadsheet error (`#N/A`, `#REF!`) is returned as `Err` with its code.
fn text_of(value: &DataRef<'_>) -> Result<String, String> {
    Ok(match value {
        DataRef::Empty => String::new(),
        DataRef::String(s) => s.clone(),
        DataRef::SharedString(s) => (*s).to_string(),
        DataRef::Int(i) => i.to_string(),
        DataRef::Float(f) => number(*f),
        DataRef::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
        DataRef::DateTime(d) if d.is_datetime() => {
            let (y, mo, day, h, mi, s, _) = d.to_ymd_hms_milli();
            if (h, mi, s) == (0, 0, 0) {
                format!("{y:04}-{mo:02}-{day:02}")
            } else {
                format!("{y:04}-{mo:02}-{day:02} {h:02}:{mi:02}:{s:02}")
            }
        }
        DataRef::DateTime(d) => number(d.as_f64()),
        DataRef::DateTimeIso(s) => s.strip_suffix("T00:00:00").unwrap_or(s).to_string(),
        DataRef::DurationIso(s) => s.clone(),
        DataRef::Error(e) => return Err(e.to_string()),
    })
}

fn number(f: f64) -> String {
    // Below 2^53 every whole f64 is exact, so the integer form loses nothing.
    if f.is_finite() && f.fract() == 0.0 && f.abs() < 9_007_199_254_740_992.0 {
        format!("{}", f as i64)
    } else {
        format!("{f}")
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_as_people_typed_them() {
        assert_eq!(number(1985.0), "1985");
        assert_eq!(number(-3.0), "-3");
        assert_eq!(number(1.5), "1.5");
        assert_eq!(number(9_647_701_234_567.0), "9647701234567");
    }

    #[test]
    fn a_zip_that_is_not_a_workbook_is_named() {
        assert_eq!(entries(b"PK\x03\x04 not really").map(|e| e.len()), None);
        assert_eq!(probe(b"PK\x05\x06"), Err(TableError::Unreadable));
    }
}
