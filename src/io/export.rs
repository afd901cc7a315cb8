//! Exports of the registry as files: the column list (shared with the import layout,
//! so a file vigil writes is a file vigil reads), CSV and XLSX rows, formula escaping,
//! and the population figures as HXL.
//!
//! Everything here is pure: records in, bytes out. Reading pages from the store,
//! deciding who may export what, and auditing it is the action layer's job; this
//! module only guarantees that what it is given comes out in the documented shape
//! (docs/export.md) and that nothing in a cell can run as a spreadsheet formula.

pub mod commitments;
pub mod population;
// resettlement
pub mod resettlement;
mod sheet;
mod xlsx;

use std::borrow::Cow;

use crate::domain::person::AGE_BANDS;

use super::layout;

pub use xlsx::{XlsxError, XlsxExport, MAX_XLSX_ROWS};

/// One column of an export: the import layout's name and hashtag where the import
/// has the column, and the export's own for the rest.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    pub name: &'static str,
    pub hxl: &'static str,
    /// Personal data: only in the encrypted export that two registrars agreed to.
    pub personal: bool,
}

/// Columns only exports have. Their hashtags are chosen so the importer does not take
/// them for one of its own columns — except the code, which an importing system keys
/// on as its external id (`#person+code`), so a file passed on can be imported again
/// elsewhere without duplicating anyone.
const EXPORT_ONLY: [(&str, &str); 3] = [
    ("code", "#person+code"),
    ("status", "#status+person"),
    ("age_band", "#person+age_band"),
];

/// Every export column in file order; personal ones are skipped in a redacted file.
const ORDER: [&str; 19] = [
    "code",
    "external_id",
    "name_latin",
    "name_original",
    "birth_date",
    "document",
    "phone",
    "notes",
    "site",
    "status",
    "sex",
    "birth_year",
    "age_band",
    "nationality",
    "languages",
    "protection",
    "vulnerabilities",
    "household",
    "relationship",
];

/// The columns of a people export. The external id is another system's identifier
/// for the person, so it travels only with the personal data.
pub fn columns(personal: bool) -> Vec<Column> {
    ORDER
        .iter()
        .filter_map(|name| {
            let (hxl, is_personal) = match EXPORT_ONLY.iter().find(|(n, _)| n == name) {
                Some((_, hxl)) => (*hxl, false),
                None => {
                    let c = layout::COLUMNS.iter().find(|c| c.name == *name)?;
                    (c.hxl, c.personal || c.name == "external_id")
                }
            };
            (personal || !is_personal).then_some(Column {
                name,
                hxl,
                personal: is_personal,
            })
        })
        .collect()
}

/// The personal data of one person, opened for an approved export.
#[derive(Clone, Default)]
pub struct Personal {
    pub external_id: Option<String>,
    pub name_latin: Option<String>,
    pub name_original: Option<String>,
    pub birth_date: Option<String>,
    pub document: Option<String>,
    pub phone: Option<String>,
    pub notes: Option<String>,
}

impl std::fmt::Debug for Personal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Personal(<redacted>)")
    }
}

/// One person as an export sees them.
#[derive(Debug, Clone, Default)]
pub struct Record {
    pub code: String,
    pub site: Option<String>,
    pub status: String,
    pub sex: String,
    pub birth_year: Option<i64>,
    pub nationality: Option<String>,
    /// As stored: ISO 639 codes separated by commas.
    pub languages: String,
    pub protection: String,
    /// (need, urgency), in the import's `kind[:urgency]` form when written.
    pub needs: Vec<(String, String)>,
    pub household: Option<String>,
    pub relationship: String,
    /// Present only in an export with personal data.
    pub personal: Option<Personal>,
}

/// A cell's value before it is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cell<'a> {
    Text(Cow<'a, str>),
    Int(i64),
    Empty,
}

/// The UNHCR age band of someone born in `born`, in `year`. Bands are written with an
/// en dash (`5–11`): with a hyphen, Excel turns `5-11` into the 11th of May.
pub fn age_band(born: Option<i64>, year: i64) -> Option<String> {
    let band = crate::domain::person::age_band(year - born?)?;
    AGE_BANDS
        .get(band)
        .map(|(name, _, _)| name.replace('-', "\u{2013}"))
}

impl Record {
    /// The value of `column` (a name from `columns`), as of the calendar `year`.
    pub fn cell(&self, column: &str, year: i64) -> Cell<'_> {
        fn text(v: &str) -> Cell<'_> {
            if v.is_empty() {
                Cell::Empty
            } else {
                Cell::Text(Cow::Borrowed(v))
            }
        }
        fn opt(v: &Option<String>) -> Cell<'_> {
            v.as_deref().map_or(Cell::Empty, text)
        }
        let personal = |f: fn(&Personal) -> &Option<String>| {
            self.personal.as_ref().map_or(Cell::Empty, |p| opt(f(p)))
        };
        match column {
            "code" => text(&self.code),
            "site" => opt(&self.site),
            "status" => text(&self.status),
            "sex" => text(&self.sex),
            "birth_year" => self.birth_year.map_or(Cell::Empty, Cell::Int),
            "age_band" => {
                age_band(self.birth_year, year).map_or(Cell::Empty, |b| Cell::Text(b.into()))
            }
            "nationality" => opt(&self.nationality),
            "languages" => text(&self.languages),
            "protection" => text(&self.protection),
            "vulnerabilities" if self.needs.is_empty() => Cell::Empty,
            "vulnerabilities" => Cell::Text(Cow::Owned(
                self.needs
                    .iter()
                    .map(|(k, u)| match u.as_str() {
                        "normal" => k.clone(),
                        u => format!("{k}:{u}"),
                    })
                    .collect::<Vec<_>>()
                    .join("; "),
            )),
            "household" => opt(&self.household),
            // Without a household the stored default means nothing, and the importer
            // refuses a relationship without a household.
            "relationship" if self.household.is_none() => Cell::Empty,
            "relationship" => text(&self.relationship),
            "external_id" => personal(|p| &p.external_id),
            "name_latin" => personal(|p| &p.name_latin),
            "name_original" => personal(|p| &p.name_original),
            "birth_date" => personal(|p| &p.birth_date),
            "document" => personal(|p| &p.document),
            "phone" => personal(|p| &p.phone),
            "notes" => personal(|p| &p.notes),
            _ => Cell::Empty,
        }
    }
}

/// Whether `s` is a plain decimal number (`-12`, `+3.5`): data, not a formula.
fn is_number(s: &str) -> bool {
    let body = s.strip_prefix(['+', '-']).unwrap_or(s);
    let mut dots = 0;
    !body.is_empty()
        && body.chars().any(|c| c.is_ascii_digit())
        && body.chars().all(|c| {
            dots += usize::from(c == '.');
            c.is_ascii_digit() || (c == '.' && dots == 1)
        })
}

/// Whether a spreadsheet could take the text for a formula: it starts with `=`, `+`,
/// `-` or `@` (or a tab or carriage return, which some programs skip before one) and
/// is not a plain number.
pub fn looks_like_formula(s: &str) -> bool {
    s.starts_with(['=', '+', '-', '@', '\t', '\r']) && !is_number(s)
}

/// The text with a `'` in front if it looks like a formula (OWASP's CSV-injection
/// defence): a spreadsheet then shows it as text, and a person reading the CSV still
/// sees the value.
pub fn escape_formula(s: &str) -> Cow<'_, str> {
    if looks_like_formula(s) {
        Cow::Owned(format!("'{s}"))
    } else {
        Cow::Borrowed(s)
    }
}

/// Appends one CSV field: quoted when it holds a separator (`,`, or `;`, which Excel
/// uses in some locales), a quote or a line break.
fn push_field(out: &mut String, s: &str) {
    if s.contains([',', ';', '"', '\n', '\r']) {
        out.push('"');
        out.push_str(&s.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(s);
    }
}

/// Appends one CSV record (CRLF, as RFC 4180 and Excel expect). Text is escaped
/// against formulas; header and hashtag rows go through `csv_plain_row` instead.
pub fn csv_row<'a>(out: &mut String, cells: impl IntoIterator<Item = Cell<'a>>) {
    for (i, cell) in cells.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        match cell {
            Cell::Text(t) => push_field(out, &escape_formula(&t)),
            Cell::Int(n) => out.push_str(&n.to_string()),
            Cell::Empty => {}
        }
    }
    out.push_str("\r\n");
}

/// Appends a row written as it is (the header and the HXL hashtag row).
pub fn csv_plain_row<'a>(out: &mut String, cells: impl IntoIterator<Item = &'a str>) {
    for (i, cell) in cells.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        push_field(out, cell);
    }
    out.push_str("\r\n");
}

/// The start of a people CSV: a UTF-8 BOM (so Excel reads Persian and Arabic as
/// such), the header row and the HXL hashtag row.
pub fn csv_head(columns: &[Column]) -> String {
    let mut out = String::from("\u{FEFF}");
    csv_plain_row(&mut out, columns.iter().map(|c| c.name));
    csv_plain_row(&mut out, columns.iter().map(|c| c.hxl));
    out
}

/// Appends one person to a people CSV.
pub fn csv_record(out: &mut String, columns: &[Column], r: &Record, year: i64) {
    csv_row(out, columns.iter().map(|c| r.cell(c.name, year)));
}

#[cfg(test)]
mod tests;
