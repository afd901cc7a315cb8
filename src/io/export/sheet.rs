//! A small report table as a file, the way every report export writes it: CSV with a
//! BOM, the header row and the HXL hashtag row, then one row per item; or an XLSX
//! sheet with the same two heading rows frozen above the data. Formula-looking text is
//! escaped in both. The commitments report and the resettlement cases are written by
//! these two functions (the people export, streamed, has its own: `xlsx.rs`).

use rust_xlsxwriter::{Format, Workbook};

use super::{csv_plain_row, csv_row, escape_formula, Cell};

/// The rows as CSV under `columns` (name, HXL hashtag).
pub fn csv<'a>(columns: &[(&str, &str)], rows: impl IntoIterator<Item = Vec<Cell<'a>>>) -> String {
    let mut out = String::from("\u{FEFF}");
    csv_plain_row(&mut out, columns.iter().map(|(n, _)| *n));
    csv_plain_row(&mut out, columns.iter().map(|(_, h)| *h));
    for cells in rows {
        csv_row(&mut out, cells);
    }
    out
}

/// The rows as an XLSX workbook of one sheet called `name`, its columns `width`
/// characters wide.
pub fn xlsx<'a>(
    name: &str,
    width: f64,
    columns: &[(&str, &str)],
    rows: impl IntoIterator<Item = Vec<Cell<'a>>>,
) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    let mut workbook = Workbook::new();
    let bold = Format::new().set_bold();
    let tag = Format::new().set_italic().set_font_color("#555555");
    let sheet = workbook.add_worksheet();
    sheet.set_name(name)?;
    for (i, (column, hxl)) in (0u16..).zip(columns.iter()) {
        sheet.set_column_width(i, width)?;
        sheet.write_string_with_format(0, i, *column, &bold)?;
        sheet.write_string_with_format(1, i, *hxl, &tag)?;
    }
    sheet.set_freeze_panes(2, 0)?;
    for (r, cells) in (2u32..).zip(rows) {
        for (i, cell) in (0u16..).zip(cells) {
            match cell {
                Cell::Int(n) => {
                    sheet.write_number(r, i, n as f64)?;
                }
                Cell::Text(t) => {
                    sheet.write_string(r, i, escape_formula(&t).as_ref())?;
                }
                Cell::Empty => {}
            }
        }
    }
    workbook.save_to_buffer()
}
