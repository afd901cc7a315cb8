#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use super::*;
use crate::io::layout::column_for_hxl;

fn person() -> Record {
    Record {
        code: "VG-7K3Q-2M".into(),
        site: Some("ASHRAF".into()),
        status: "present".into(),
        sex: "female".into(),
        birth_year: Some(1990),
        nationality: Some("IRN".into()),
        languages: "fa,ku".into(),
        protection: "protected_person".into(),
        needs: vec![
            ("disability".into(), "normal".into()),
            ("serious_medical".into(), "urgent".into()),
        ],
        household: Some("HH-ABC123".into()),
        relationship: "head".into(),
        personal: None,
    }
}

#[test]
fn the_redacted_columns_are_the_agreed_ones_in_order() {
    let names: Vec<&str> = columns(false).iter().map(|c| c.name).collect();
    assert_eq!(
        names,
        [
            "code",
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
            "relationship"
        ]
    );
    assert!(columns(false).iter().all(|c| !c.personal));
    let personal: Vec<&str> = columns(true)
        .iter()
        .filter(|c| c.personal)
        .map(|c| c.name)
        .collect();
    assert_eq!(
        personal,
        [
            "external_id",
            "name_latin",
            "name_original",
            "birth_date",
            "document",
            "phone",
            "notes"
        ]
    );
}

#[test]
fn import_reads_every_shared_column_back_by_its_hashtag() {
    for c in columns(true) {
        let back = column_for_hxl(c.hxl);
        match c.name {
            // Exported codes become the importing system's external ids.
            "code" => assert_eq!(back, Some("external_id")),
            "status" | "age_band" => assert_eq!(back, None, "{}", c.hxl),
            name => assert_eq!(back, Some(name), "{}", c.hxl),
        }
    }
}

#[test]
fn cells_follow_the_import_forms() {
    let r = person();
    let cell = |c: &str| match r.cell(c, 2012) {
        Cell::Text(t) => t.into_owned(),
        Cell::Int(n) => format!("#{n}"),
        Cell::Empty => "∅".into(),
    };
    assert_eq!(
        cell("vulnerabilities"),
        "disability; serious_medical:urgent"
    );
    assert_eq!(cell("birth_year"), "#1990");
    assert_eq!(cell("age_band"), "18\u{2013}59");
    assert_eq!(cell("name_latin"), "∅");
    let mut alone = person();
    alone.household = None;
    assert_eq!(alone.cell("relationship", 2012), Cell::Empty);
}

#[test]
fn age_bands_are_unhcrs_and_never_look_like_dates() {
    assert_eq!(age_band(Some(2010), 2012).as_deref(), Some("0\u{2013}4"));
    assert_eq!(age_band(Some(2005), 2012).as_deref(), Some("5\u{2013}11"));
    assert_eq!(age_band(Some(1995), 2012).as_deref(), Some("12\u{2013}17"));
    assert_eq!(age_band(Some(1952), 2012).as_deref(), Some("60+"));
    assert_eq!(age_band(None, 2012), None);
    assert_eq!(age_band(Some(2013), 2012), None);
}

#[test]
fn formula_looking_text_is_escaped_and_numbers_are_not() {
    for (cell, escaped) in [
        ("=1+1", "'=1+1"),
        ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("+964 770 000 0000", "'+964 770 000 0000"),
        ("-12", "-12"),
        ("+3.5", "+3.5"),
        ("1990", "1990"),
        ("-", "'-"),
        ("a=b", "a=b"),
        ("#person+code", "#person+code"),
        ("", ""),
    ] {
        assert_eq!(escape_formula(cell), escaped, "{cell:?}");
    }
}

#[test]
fn csv_rows_quote_what_needs_quoting_and_escape_formulas() {
    let mut out = String::new();
    csv_row(
        &mut out,
        [
            Cell::Text("a,b".into()),
            Cell::Text("say \"hi\"".into()),
            Cell::Text("=HYPERLINK(\"x\")".into()),
            Cell::Int(-5),
            Cell::Empty,
            Cell::Text("x;y".into()),
        ],
    );
    assert_eq!(
        out,
        "\"a,b\",\"say \"\"hi\"\"\",\"'=HYPERLINK(\"\"x\"\")\",-5,,\"x;y\"\r\n"
    );
}

#[test]
fn the_head_has_a_bom_the_names_and_the_hashtags() {
    let head = csv_head(&columns(false));
    assert!(head.starts_with('\u{FEFF}'));
    let lines: Vec<&str> = head.trim_start_matches('\u{FEFF}').lines().collect();
    assert!(lines[0].starts_with("code,site,status,"));
    assert!(lines[1].starts_with("#person+code,#loc+code,#status+person,"));
}

#[test]
fn an_xlsx_export_is_a_workbook_calamine_reads_back() {
    use calamine::{Data, Reader, Xlsx};
    let mut x = XlsxExport::new(columns(false), 2012, true).unwrap();
    let mut r = person();
    r.site = Some("=cmd".into());
    x.push(&r).unwrap();
    let bytes = x.finish().unwrap();
    let mut book: Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
    let range = book.worksheet_range("people").unwrap();
    assert_eq!(range.get((0, 0)), Some(&Data::String("code".into())));
    assert_eq!(
        range.get((1, 0)),
        Some(&Data::String("#person+code".into()))
    );
    assert_eq!(range.get((2, 0)), Some(&Data::String("VG-7K3Q-2M".into())));
    // Kept as the text it is (the quote prefix is a cell format, not a character).
    assert_eq!(range.get((2, 1)), Some(&Data::String("=cmd".into())));
    assert_eq!(range.get((2, 4)), Some(&Data::Float(1990.0)));
}
