//! Validating people tables: fixtures for each kind of bad input, and the templates.

#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]

use super::*;
use crate::domain::person::{Sex, Urgency, Vulnerability};
use crate::io::layout::{template_csv, template_xlsx};
use crate::io::table::read_table;

const YEAR: i64 = 2026;

fn fixture(name: &str) -> Report {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name);
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    validate_people(read_table(&bytes, name).unwrap(), YEAR)
}

fn csv(text: &str) -> Report {
    validate_people(read_table(text.as_bytes(), "x.csv").unwrap(), YEAR)
}

/// (line, field, key) of every rejection.
fn rejections(r: &Report) -> Vec<(usize, &str, &str)> {
    r.rejected
        .iter()
        .map(|p| (p.line, p.field.as_str(), p.key))
        .collect()
}

fn accepted_lines(r: &Report) -> Vec<usize> {
    r.all_accepted().iter().map(|a| a.line).collect()
}

#[test]
fn a_household_in_every_encoding_is_accepted() {
    for name in [
        "utf8.csv",
        "utf8-bom.csv",
        "utf16le-bom.csv",
        "utf16be-bom.csv",
    ] {
        let r = fixture(name);
        assert_eq!(rejections(&r), vec![], "{name}");
        assert_eq!(accepted_lines(&r), vec![2, 3, 5], "{name}");
        let head = &r.all_accepted()[0];
        assert_eq!(head.person.external_id.as_deref(), Some("P-001"));
        assert_eq!(
            head.person.name_original.as_ref().unwrap().expose(),
            "زهرا کاظمی"
        );
        assert_eq!(head.person.sex, Sex::Female);
        assert_eq!(head.person.languages, vec!["fa", "ku"]);
        assert_eq!(head.site.as_ref().unwrap().as_str(), "CAMP-1");
        assert_eq!(head.household.as_deref(), Some("HH-1"));
        assert_eq!(head.relationship, Some(Relationship::Head));
        assert_eq!(r.all_accepted()[2].relationship, Some(Relationship::Child));
    }
}

#[test]
fn persian_and_arabic_indic_digits_are_read_and_bad_dates_named() {
    let r = fixture("persian-digits.csv");
    assert_eq!(accepted_lines(&r), vec![2, 3]);
    let p = &r.all_accepted()[0];
    assert_eq!(p.person.birth_date.as_ref().unwrap().expose(), "1985-03-21");
    assert_eq!(p.person.phone.as_ref().unwrap().expose(), "0770 123 4567");
    assert_eq!(p.household.as_deref(), Some("HH-7"));
    assert_eq!(r.all_accepted()[1].person.birth_year, Some(1990));
    // 30 February, and a Solar Hijri year read as Gregorian 1364, are refused.
    assert_eq!(
        rejections(&r),
        vec![
            (4, "birth_date", "invalid-date"),
            (5, "birth_date", "invalid-date")
        ]
    );
    for p in &r.rejected {
        assert!(
            !p.message.contains("۲۰۱۰") && !p.message.contains("2010"),
            "{p:?}"
        );
    }
}

#[test]
fn hxl_hashtags_name_columns_whatever_the_headers_say() {
    let r = fixture("hxl.csv");
    assert_eq!(rejections(&r), vec![]);
    assert_eq!(accepted_lines(&r), vec![3, 4]);
    let p = &r.all_accepted()[0];
    assert_eq!(p.person.external_id.as_deref(), Some("P-401"));
    assert_eq!(
        p.person.name_latin.as_ref().unwrap().expose(),
        "Ali Example"
    );
    assert_eq!(
        p.person.name_original.as_ref().unwrap().expose(),
        "علی نمونه"
    );
    assert_eq!(p.site.as_ref().unwrap().as_str(), "CAMP-2");

    let r = fixture("hxl-only.csv");
    assert_eq!(rejections(&r), vec![]);
    assert_eq!(r.all_accepted()[0].person.birth_year, Some(YEAR - 40));
    assert_eq!(r.warnings[0].key, "import-age-approximate");
}

#[test]
fn formula_cells_are_refused_but_phone_numbers_and_negatives_are_data() {
    let r = fixture("formulas.csv");
    assert_eq!(
        rejections(&r),
        vec![
            (2, "name_latin", "import-formula"),
            (3, "notes", "import-formula"),
            (4, "notes", "import-formula"),
            (5, "notes", "import-formula"),
            (7, "notes", "import-formula"),
        ]
    );
    assert_eq!(accepted_lines(&r), vec![6, 8]);
    for (cell, formula) in [
        ("=1+1", true),
        ("  =A1", true),
        ("@SUM(A1)", true),
        ("@(", true),
        ("+cmd|' /C calc'!A0", true),
        ("-2+3+cmd|' /C calc'!A0", true),
        ("+964 770 000 0000", false),
        ("+۹۶۴ (۷۷۰) ۰۰۰-۰۰۰۰", false),
        ("-12", false),
        ("-12.5", false),
        ("-", false),
        ("@", false),
        ("@5", false),
        ("name@example", false),
        ("Ali", false),
        ("", false),
    ] {
        assert_eq!(looks_like_formula(cell), formula, "{cell}");
    }
}

#[test]
fn the_same_external_id_twice_refuses_both_rows_naming_the_other() {
    let r = fixture("duplicate-ids.csv");
    assert_eq!(
        rejections(&r),
        vec![
            (2, "external_id", "import-duplicate-id"),
            (4, "external_id", "import-duplicate-id")
        ]
    );
    assert!(
        r.rejected[0].message.ends_with("line 4"),
        "{}",
        r.rejected[0].message
    );
    assert!(r.rejected[1].message.ends_with("line 2"));
    assert_eq!(r.rejected[1].args, vec![("lines", "2".to_string())]);
    assert_eq!(accepted_lines(&r), vec![3]);
}

#[test]
fn unknown_columns_are_listed_once_with_suggestions() {
    let r = fixture("unknown-columns.csv");
    assert!(r.file_rejected);
    assert!(r.accepted() == 0);
    let unknown: Vec<&Problem> = r
        .rejected
        .iter()
        .filter(|p| p.key == "import-unknown-columns")
        .collect();
    assert_eq!(unknown.len(), 1);
    let m = &unknown[0].message;
    for part in [
        "`nmae` (did you mean `name_latin`?)",
        "`gender` (did you mean `sex`?)",
        "`birthdate` (did you mean `birth_date`?)",
        "`colour`",
    ] {
        assert!(m.contains(part), "{m}");
    }
    assert!(!m.contains("`colour` (did"));
    let columns = &unknown[0]
        .args
        .iter()
        .find(|(k, _)| *k == "columns")
        .unwrap()
        .1;
    assert!(columns.starts_with("`nmae` → `name_latin`?, "), "{columns}");
    // With `nmae` unknown there is no name column either.
    assert!(r.rejected.iter().any(|p| p.key == "import-missing-column"));
    assert_eq!(suggest("extrnal_id"), Some("external_id"));
    assert_eq!(suggest("phon"), Some("phone"));
    assert_eq!(suggest("zzzz"), None);
}

#[test]
fn a_header_without_rows_is_reported() {
    let r = fixture("header-only.csv");
    assert!(r.file_rejected);
    assert_eq!(rejections(&r), vec![(1, "", "import-no-rows")]);
}

#[test]
fn each_bad_row_is_named_with_its_field_and_good_rows_pass() {
    let r = fixture("with-errors.csv");
    assert_eq!(
        rejections(&r),
        vec![
            (2, "relationship", "import-two-heads"),
            (3, "name_latin", "invalid-name-required"),
            (4, "birth_date", "invalid-date"),
            (5, "sex", "invalid-choice"),
            (6, "nationality", "invalid-country"),
            (7, "vulnerabilities", "invalid-choice"),
            (8, "relationship", "import-relationship-needs-household"),
            (9, "relationship", "import-two-heads"),
        ]
    );
    assert_eq!(r.rejected_rows(), 8);
    assert!(r.rejected[0].message.ends_with("line 9"));
    assert_eq!(accepted_lines(&r), vec![10]);
    let p = &r.all_accepted()[0].person;
    assert_eq!(
        p.vulnerabilities,
        vec![(Vulnerability::Disability, Urgency::Urgent)]
    );
}

#[test]
fn messages_never_repeat_personal_values() {
    let r = csv(
        "external_id,name_latin,name_original,birth_date,document,phone,notes\n\
         P-1,=CANARY1(),,,,,\n\
         P-2,A,,CANARY2,,,\n\
         P-3,A,,,,CANARY3,\n\
         P-4,A,,,,,=CANARY4()\n\
         P-5,,,,CANARY5,,\n\
         P-6,A,,1700-01-01,,,\n\
         P-7,A,,,CANARY7-0123456789012345678901234567890123456789012345678901234567890,,\n",
    );
    assert_eq!(r.rejected.len(), 7, "{:?}", r.rejected);
    for p in &r.rejected {
        assert!(
            !p.message.contains("CANARY") && !p.message.contains("1700"),
            "{p:?}"
        );
    }
    assert!(!format!("{:?}", fixture("utf8.csv")).contains("Zahra"));
}

#[test]
fn the_columns_themselves_are_checked() {
    let keys =
        |text: &str| -> Vec<&'static str> { csv(text).rejected.iter().map(|p| p.key).collect() };
    assert_eq!(
        keys("external_id,name_latin,Name Latin\nP-1,A,B\n"),
        vec!["import-duplicate-column"]
    );
    assert_eq!(
        keys("external_id,sex\n#person+id,#person+name\nP-1,A\n"),
        vec!["import-column-conflict", "import-missing-column"]
    );
    assert_eq!(
        keys("external_id,,name_latin\nP-1,x,A\n"),
        vec!["import-unnamed-column"]
    );
    assert_eq!(keys("name_latin\nA\n"), vec!["import-missing-column"]);
    // An empty trailing column with no data is harmless.
    assert_eq!(
        keys("external_id,name_latin,\nP-1,A,\n"),
        Vec::<&str>::new()
    );
    assert_eq!(
        keys("external_id,name_latin\nP-1,A,extra\n"),
        vec!["import-extra-cells"]
    );
}

#[test]
fn rows_need_ids_ages_must_agree_and_relationships_are_a_closed_list() {
    let r = csv(
        "external_id,name_latin,birth_year,age,household,relationship,site\n\
         ,A,,,,,\n\
         P-2,A,1990,36,,,\n\
         P-3,A,1990,35,,,\n\
         P-4,A,1990,10,,,\n\
         P-5,A,,,HH-1,cousin,\n\
         P-6,A,,,HH-1,spouse,c\n\
         P-7,A,,,HH-2,head,CAMP-1\n\
         P-8,A,,,HH-2,child,CAMP-2\n",
    );
    assert_eq!(
        rejections(&r),
        vec![
            (2, "external_id", "import-external-id-required"),
            (5, "age", "import-age-mismatch"),
            (6, "relationship", "invalid-choice"),
            (7, "site", "invalid-site-code"),
        ]
    );
    assert_eq!(accepted_lines(&r), vec![3, 4, 8, 9]);
    assert_eq!(r.warnings.len(), 1);
    assert_eq!(
        (r.warnings[0].line, r.warnings[0].key),
        (8, "import-household-split")
    );
}

#[test]
fn the_templates_read_back_and_their_example_row_is_refused() {
    let xlsx = template_xlsx().unwrap();
    for (bytes, name) in [
        (template_csv().into_bytes(), "template.csv"),
        (xlsx, "template.xlsx"),
    ] {
        let table = read_table(&bytes, name).unwrap();
        assert_eq!(table.hxl.as_ref().map(|h| h.line), Some(2), "{name}");
        let r = validate_people(table, YEAR);
        assert_eq!(
            rejections(&r),
            vec![(3, "external_id", "import-example-row")],
            "{name}"
        );
    }
    let filled = template_csv().replace(crate::io::layout::EXAMPLE_ID, "P-1");
    let r = validate_people(read_table(filled.as_bytes(), "t.csv").unwrap(), YEAR);
    assert_eq!(rejections(&r), vec![]);
    let p = &r.all_accepted()[0];
    assert_eq!(p.person.vulnerabilities.len(), 2);
    assert_eq!(p.relationship, Some(Relationship::Head));
    assert!(p.person.notes.is_some() && p.person.document.is_some());
}

#[test]
fn cells_escaped_by_an_export_import_as_they_were() {
    let r =
        csv("external_id,name_latin,phone\nE-1,Zahra,'+964 770 000 0001\nE-2,Ali,'=HYPERLINK(1)\n");
    assert_eq!(
        accepted_lines(&r),
        vec![2],
        "the escaped phone number reads back; a real formula stays refused"
    );
    assert_eq!(
        r.all_accepted()
            .first()
            .and_then(|a| a.person.phone.as_ref())
            .map(|p| p.expose().to_string()),
        Some("+964 770 000 0001".to_string())
    );
    assert!(rejections(&r).iter().any(|(line, _, _)| *line == 3));
}

#[test]
fn accepted_rows_are_built_a_range_at_a_time_and_refusing_removes_them() {
    let mut r = csv(
        "external_id,name_latin,birth_year,site\nA-1,Zahra,1990,CAMP\nA-2,=x,1990,CAMP\nA-3,Ali,1980,CAMP\nA-4,Reza,1970,\n",
    );
    assert_eq!(r.accepted(), 3);
    let lines = |rows: Vec<ImportRow>| rows.iter().map(|a| a.line).collect::<Vec<_>>();
    assert_eq!(lines(r.accepted_rows(1..3)), vec![4, 5]);
    assert_eq!(
        lines(r.accepted_rows(2..9)),
        vec![5],
        "a range past the end stops there"
    );
    assert_eq!(r.accepted_rows(1..2)[0].person.birth_year, Some(1980));
    let sites: Vec<(usize, &str)> = r.accepted_cells("site").collect();
    assert_eq!(sites, vec![(2, "CAMP"), (4, "CAMP"), (5, "")]);
    r.refuse(vec![problem(
        4,
        "site",
        "invalid-site",
        "no site has this code",
    )]);
    assert_eq!(accepted_lines(&r), vec![2, 5]);
    assert_eq!(
        rejections(&r),
        vec![
            (3, "name_latin", "import-formula"),
            (4, "site", "invalid-site")
        ]
    );
}
