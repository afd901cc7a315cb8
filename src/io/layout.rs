//! The documented import layout for people: its columns, their HXL hashtags, and the
//! downloadable CSV and XLSX templates built from the same list.
//!
//! One list feeds the validator, both templates and the tests that keep
//! `docs/import.md` honest, so the layout a user downloads is the layout that is checked.

use rust_xlsxwriter::{DataValidation, Format, Workbook, XlsxError};

use crate::domain::person::{Choice, ProtectionStatus, Sex};

use super::import::Relationship;
use super::table::{MAX_BYTES, MAX_CELL_CHARS, MAX_COLUMNS, MAX_ROWS};

/// One import column.
#[derive(Debug, Clone, Copy)]
pub struct Column {
    pub name: &'static str,
    /// The hashtag vigil writes for this column (others are accepted, see `HXL_TAGS`).
    pub hxl: &'static str,
    pub required: bool,
    /// Personal data: encrypted when stored, and never quoted in a message.
    pub personal: bool,
    pub example: &'static str,
    /// Accepted forms, in English, for the template's second sheet.
    pub accepted: &'static str,
}

/// The example row's identifier. A row carrying it is refused, so a template filled in
/// around its example never registers the synthetic example person.
pub const EXAMPLE_ID: &str = "EXAMPLE-DELETE-ME";

const fn col(
    name: &'static str,
    hxl: &'static str,
    required: bool,
    personal: bool,
    example: &'static str,
    accepted: &'static str,
) -> Column {
    Column {
        name,
        hxl,
        required,
        personal,
        example,
        accepted,
    }
}

/// Every column an import may have, in template order.
pub const COLUMNS: [Column; 17] = [
    col("external_id", "#person+id", true, false, EXAMPLE_ID,
        "Required on every row. 1-64 visible ASCII characters, unique in the file. Importing the same id again updates that person instead of adding a second."),
    col("name_latin", "#person+name+i_en", false, true, "Zahra Example",
        "Name in Latin letters, up to 200 characters. Every row needs name_latin or name_original."),
    col("name_original", "#person+name+native", false, true, "زهرا نمونه",
        "Name in the original script (Persian, Arabic, Kurdish...), up to 200 characters."),
    col("sex", "#person+sex", false, false, "female",
        "female, male, other, unknown (also F, M). Empty means unknown."),
    col("birth_date", "#date+birth", false, true, "1990-05-14",
        "Gregorian date as YYYY-MM-DD (or YYYY/MM/DD), in Latin, Persian or Arabic-Indic digits."),
    col("birth_year", "#date+birth+year", false, false, "",
        "Whole number from 1880 to this year. If birth_date is also given, they must agree."),
    col("age", "#person+age", false, false, "",
        "Age in whole years (0-130), only when neither birth date nor year is known: the birth year is then recorded as this year minus the age."),
    col("nationality", "#country+code+nationality", false, false, "IRN",
        "ISO 3166-1 alpha-3 country code, such as IRN, IRQ, AFG."),
    col("languages", "#language+code", false, false, "fa, ku",
        "ISO 639 codes (2-3 letters) separated by commas, semicolons or spaces."),
    col("protection", "#status+protection", false, false, "asylum_seeker",
        "asylum_seeker, mandate_refugee, protected_person, stateless, other, unknown. Empty means unknown."),
    col("vulnerabilities", "#need+vulnerability", false, false, "serious_medical:urgent; disability",
        "Specific needs separated by ; or , each optionally followed by :urgency. Needs: serious_medical, disability, older_person, child_at_risk, woman_at_risk, survivor_of_torture, survivor_of_violence, legal_physical_protection. Urgency: normal (default), urgent, emergency."),
    col("document", "#person+document", false, true, "X0000000",
        "Document number, up to 64 characters."),
    col("phone", "#contact+phone", false, true, "+964 770 000 0000",
        "Digits (Latin, Persian or Arabic-Indic), spaces and + - ( ), up to 32 characters."),
    col("site", "#loc+code", false, false, "CAMP-1",
        "Code of an existing site: 2-16 of A-Z, 0-9 and -."),
    col("household", "#household+id", false, false, "HH-0001",
        "A reference shared by the members of one household, up to 64 visible ASCII characters."),
    col("relationship", "#person+relationship", false, false, "head",
        "head, spouse, child, parent, sibling, other: relation to the household's head. Needs household; one head per household."),
    col("notes", "#description", false, true, "Synthetic example row: delete it before importing.",
        "Free text, up to 4,000 characters."),
];

/// Accepted HXL hashtags → column. A column's hashtag matches an entry when it has the
/// entry's tag and at least its attributes; the entry with the most attributes wins.
/// A name tag with `+native`, `+original` or a language attribute other than `+i_en`
/// (`+i_fa`, `+i_ar`, `+i_ckb`…) is the name in original script.
pub const HXL_TAGS: &[(&str, &str)] = &[
    ("#person+id", "external_id"),
    ("#person+code", "external_id"),
    ("#meta+id", "external_id"),
    ("#beneficiary+id", "external_id"),
    ("#person+name", "name_latin"),
    ("#beneficiary+name", "name_latin"),
    ("#sex", "sex"),
    ("#person+sex", "sex"),
    ("#beneficiary+sex", "sex"),
    ("#date+birth", "birth_date"),
    ("#person+date+birth", "birth_date"),
    ("#date+birth+year", "birth_year"),
    ("#person+age", "age"),
    ("#beneficiary+age", "age"),
    ("#country+nationality", "nationality"),
    ("#person+nationality", "nationality"),
    ("#language", "languages"),
    ("#person+language", "languages"),
    ("#status+protection", "protection"),
    ("#status+legal", "protection"),
    ("#person+protection", "protection"),
    ("#need+vulnerability", "vulnerabilities"),
    ("#need+specific", "vulnerabilities"),
    ("#person+vulnerability", "vulnerabilities"),
    ("#person+document", "document"),
    ("#person+id+document", "document"),
    ("#contact+phone", "phone"),
    ("#person+phone", "phone"),
    ("#loc+code", "site"),
    ("#site+code", "site"),
    ("#household+id", "household"),
    ("#household+code", "household"),
    ("#person+id+hh", "household"),
    ("#person+relationship", "relationship"),
    ("#household+relationship", "relationship"),
    ("#description", "notes"),
    ("#person+notes", "notes"),
    ("#meta+notes", "notes"),
];

fn split_tag(tag: &str) -> (&str, Vec<&str>) {
    let mut parts = tag.split('+');
    let hashtag = parts.next().unwrap_or("");
    (hashtag, parts.collect())
}

/// The column a normalised hashtag (`#person+name+i_fa`) stands for, if any.
pub fn column_for_hxl(tag: &str) -> Option<&'static str> {
    let (hashtag, attrs) = split_tag(tag);
    let mut best: Option<(usize, &'static str)> = None;
    for (spec, column) in HXL_TAGS {
        let (h, need) = split_tag(spec);
        let better = best.is_none_or(|(n, _)| need.len() > n);
        if h == hashtag && need.iter().all(|a| attrs.contains(a)) && better {
            best = Some((need.len(), column));
        }
    }
    let (_, column) = best?;
    let original = attrs
        .iter()
        .any(|a| *a == "native" || *a == "original" || (a.starts_with("i_") && *a != "i_en"));
    Some(if column == "name_latin" && original {
        "name_original"
    } else {
        column
    })
}

fn csv_line(cells: impl Iterator<Item = &'static str>) -> String {
    let quoted: Vec<String> = cells
        .map(|c| {
            if c.contains([',', '"', '\n', '\r', ';']) {
                format!("\"{}\"", c.replace('"', "\"\""))
            } else {
                c.to_string()
            }
        })
        .collect();
    quoted.join(",") + "\r\n"
}

/// The CSV template: a UTF-8 BOM (so Excel shows Persian and Arabic), the header, the
/// HXL row and one synthetic example row.
pub fn template_csv() -> String {
    let mut out = String::from("\u{FEFF}");
    out.push_str(&csv_line(COLUMNS.iter().map(|c| c.name)));
    out.push_str(&csv_line(COLUMNS.iter().map(|c| c.hxl)));
    out.push_str(&csv_line(COLUMNS.iter().map(|c| c.example)));
    out
}

/// Building the XLSX template failed; it is built from constants, so this is a bug.
#[derive(Debug, thiserror::Error)]
#[error("could not build the XLSX template: {0}")]
pub struct TemplateError(#[from] XlsxError);

/// Excel's last row index: dropdowns cover the whole column below the example.
const LAST_ROW: u32 = 1_048_575;

/// The XLSX template: a `people` sheet (header, HXL row, example row, dropdowns for the
/// closed lists, text format where Excel would mangle values) and a `columns` sheet
/// explaining each column.
pub fn template_xlsx() -> Result<Vec<u8>, TemplateError> {
    let mut workbook = Workbook::new();
    let bold = Format::new().set_bold();
    let tag = Format::new().set_italic().set_font_color("#555555");
    // Text, so Excel keeps leading zeros and `+`, and does not turn dates into serials
    // in the user's locale order.
    let text = Format::new().set_num_format("@");
    let sheet = workbook.add_worksheet();
    sheet.set_name("people")?;
    for (i, c) in (0u16..).zip(COLUMNS.iter()) {
        sheet.write_string_with_format(0, i, c.name, &bold)?;
        sheet.write_string_with_format(1, i, c.hxl, &tag)?;
        sheet.set_column_width(i, 18)?;
        if matches!(
            c.name,
            "external_id" | "birth_date" | "document" | "phone" | "household"
        ) {
            sheet.set_column_format(i, &text)?;
        }
        sheet.write_string(2, i, c.example)?;
        let list: Option<Vec<&str>> = match c.name {
            "sex" => Some(Sex::ALL.iter().map(|v| v.as_str()).collect()),
            "protection" => Some(ProtectionStatus::ALL.iter().map(|v| v.as_str()).collect()),
            "relationship" => Some(Relationship::ALL.iter().map(|v| v.as_str()).collect()),
            _ => None,
        };
        if let Some(list) = list {
            let dropdown = DataValidation::new().allow_list_strings(&list)?;
            sheet.add_data_validation(2, i, LAST_ROW, i, &dropdown)?;
        }
    }
    sheet.set_freeze_panes(2, 0)?;

    let help = workbook.add_worksheet();
    help.set_name("columns")?;
    let heads = [
        "column",
        "required",
        "personal data",
        "HXL hashtag",
        "accepted values",
    ];
    for (i, h) in (0u16..).zip(heads) {
        help.write_string_with_format(0, i, h, &bold)?;
    }
    for (r, c) in (1u32..).zip(COLUMNS.iter()) {
        help.write_string(r, 0, c.name)?;
        help.write_string(r, 1, if c.required { "yes" } else { "" })?;
        help.write_string(r, 2, if c.personal { "yes" } else { "" })?;
        help.write_string(r, 3, c.hxl)?;
        help.write_string(r, 4, c.accepted)?;
    }
    let notes = [
        "Fill in the `people` sheet from row 3 and delete the example row. Keep the header row; the HXL row is optional.".to_string(),
        "Every row needs external_id and name_latin or name_original. Empty columns may be removed.".to_string(),
        format!(
            "Limits: {} MiB, {MAX_ROWS} rows, {MAX_COLUMNS} columns, {MAX_CELL_CHARS} characters per cell.",
            MAX_BYTES / 1024 / 1024
        ),
        "A CSV file must be UTF-8 (with or without BOM) or UTF-16 with BOM; separators , ; or tab.".to_string(),
    ];
    for (r, n) in (COLUMNS.len() as u32 + 2..).zip(notes) {
        help.write_string(r, 0, n)?;
    }
    help.set_column_width(0, 18)?;
    help.set_column_width(3, 26)?;
    help.set_column_width(4, 100)?;
    Ok(workbook.save_to_buffer()?)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;
    use crate::domain::person::{Urgency, Vulnerability, PERSON_FIELDS};

    #[test]
    fn the_layout_covers_every_person_field_and_nothing_unknown() {
        let names: Vec<&str> = COLUMNS.iter().map(|c| c.name).collect();
        for f in PERSON_FIELDS {
            assert!(names.contains(&f), "{f} missing from the layout");
        }
        for (_, column) in HXL_TAGS {
            assert!(names.contains(column), "{column}");
        }
    }

    #[test]
    fn every_columns_own_hashtag_maps_back_to_it() {
        for c in COLUMNS {
            assert_eq!(column_for_hxl(c.hxl), Some(c.name), "{}", c.hxl);
        }
        assert_eq!(column_for_hxl("#person+name+i_fa"), Some("name_original"));
        assert_eq!(column_for_hxl("#person+name+i_ar+f"), Some("name_original"));
        assert_eq!(column_for_hxl("#person+name"), Some("name_latin"));
        assert_eq!(column_for_hxl("#meta+id"), Some("external_id"));
        assert_eq!(column_for_hxl("#person+hh+id"), Some("household"));
        assert_eq!(column_for_hxl("#person+id+document"), Some("document"));
        assert_eq!(column_for_hxl("#date+birth+year"), Some("birth_year"));
        assert_eq!(column_for_hxl("#affected+f"), None);
        assert_eq!(column_for_hxl("#person"), None);
    }

    #[test]
    fn accepted_forms_name_every_closed_value() {
        let accepted = |n: &str| COLUMNS.iter().find(|c| c.name == n).unwrap().accepted;
        for v in Sex::ALL {
            assert!(accepted("sex").contains(v.as_str()));
        }
        for v in ProtectionStatus::ALL {
            assert!(accepted("protection").contains(v.as_str()));
        }
        for v in Vulnerability::ALL {
            assert!(accepted("vulnerabilities").contains(v.as_str()));
        }
        for v in Urgency::ALL {
            assert!(accepted("vulnerabilities").contains(v.as_str()));
        }
        for v in Relationship::ALL {
            assert!(accepted("relationship").contains(v.as_str()));
        }
    }

    #[test]
    fn the_docs_describe_every_column_and_hashtag() {
        let doc = std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/import.md"),
        )
        .unwrap();
        for c in COLUMNS {
            assert!(doc.contains(&format!("`{}`", c.name)), "{}", c.name);
        }
        for (tag, _) in HXL_TAGS {
            assert!(doc.contains(&format!("`{tag}`")), "{tag}");
        }
    }
}
