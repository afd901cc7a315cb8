//! The people export as an XLSX workbook: a header row, the HXL hashtag row, frozen
//! above the data, right to left for Persian and Arabic readers.
//!
//! The sheet is written in rust_xlsxwriter's constant-memory mode: each row goes to a
//! temporary file as soon as the next one starts, so a million people do not sit in
//! memory as a million rows of cells. That temporary file holds the sheet's XML, which
//! is why only redacted exports are offered as XLSX: personal data never touches the
//! disk in the clear.

use rust_xlsxwriter::{Format, Workbook};

use super::{looks_like_formula, Cell, Column, Record};

/// Data rows an XLSX sheet can hold under its two heading rows (Excel's limit is
/// 1,048,576 rows).
pub const MAX_XLSX_ROWS: i64 = 1_048_576 - 2;

/// Writing the workbook failed (a temporary file could not be made, or a limit was
/// passed): a server-side problem, not the user's.
#[derive(Debug, thiserror::Error)]
#[error("could not write the XLSX export: {0}")]
pub struct XlsxError(#[from] rust_xlsxwriter::XlsxError);

pub struct XlsxExport {
    workbook: Workbook,
    columns: Vec<Column>,
    year: i64,
    next_row: u32,
    quoted: Format,
}

impl XlsxExport {
    /// A workbook with one `people` sheet and its two heading rows.
    pub fn new(columns: Vec<Column>, year: i64, right_to_left: bool) -> Result<Self, XlsxError> {
        let mut workbook = Workbook::new();
        let bold = Format::new().set_bold();
        let tag = Format::new().set_italic().set_font_color("#555555");
        let sheet = workbook.add_worksheet_with_constant_memory()?;
        sheet.set_name("people")?;
        sheet.set_right_to_left(right_to_left);
        for (i, c) in (0u16..).zip(columns.iter()) {
            sheet.set_column_width(i, if c.name == "vulnerabilities" { 28 } else { 14 })?;
            sheet.write_string_with_format(0, i, c.name, &bold)?;
            sheet.write_string_with_format(1, i, c.hxl, &tag)?;
        }
        sheet.set_freeze_panes(2, 0)?;
        Ok(XlsxExport {
            workbook,
            columns,
            year,
            next_row: 2,
            // Excel's own "quote prefix": the cell shows exactly the text and stays
            // text if the sheet is saved again as CSV and reopened.
            quoted: Format::new().set_quote_prefix(),
        })
    }

    /// Appends one person.
    pub fn push(&mut self, r: &Record) -> Result<(), XlsxError> {
        let row = self.next_row;
        let sheet = self.workbook.worksheet_from_index(0)?;
        for (i, c) in (0u16..).zip(self.columns.iter()) {
            match r.cell(c.name, self.year) {
                Cell::Text(t) if looks_like_formula(&t) => {
                    sheet.write_string_with_format(row, i, t.as_ref(), &self.quoted)?;
                }
                Cell::Text(t) => {
                    sheet.write_string(row, i, t.as_ref())?;
                }
                // Whole numbers of a few digits (birth years) are exact as f64.
                Cell::Int(n) => {
                    sheet.write_number(row, i, n as f64)?;
                }
                Cell::Empty => {}
            }
        }
        self.next_row += 1;
        Ok(())
    }

    /// The finished file. Compressing it is the slow part: call this off the async
    /// runtime.
    pub fn finish(mut self) -> Result<Vec<u8>, XlsxError> {
        Ok(self.workbook.save_to_buffer()?)
    }
}
