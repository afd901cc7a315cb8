//! Reading tables: every encoding, format and limit the quality bar names.

#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]

use super::*;
use proptest::prelude::*;
use rust_xlsxwriter::{ExcelDateTime, Format as XlsxFormat, Workbook};

fn fixture(name: &str) -> Vec<u8> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn read(name: &str) -> Result<Table, TableError> {
    read_table(&fixture(name), name)
}

fn cells(row: &Row) -> Vec<&str> {
    row.cells().collect()
}

#[test]
fn utf8_with_and_without_bom_and_utf16_with_bom_read_the_same() {
    let plain = read("utf8.csv").unwrap();
    assert_eq!(
        plain.format,
        Format::Csv {
            encoding: Encoding::Utf8,
            delimiter: ','
        }
    );
    assert_eq!(plain.headers[0], "external_id");
    assert_eq!(plain.header_line, 1);
    // The blank line 4 is skipped; line numbers are the file's own.
    let lines: Vec<usize> = plain.rows.iter().map(|r| r.line).collect();
    assert_eq!(lines, vec![2, 3, 5]);
    assert_eq!(plain.rows[0].get(2), "زهرا کاظمی");
    assert_eq!(plain.rows[0].get(6), "fa, ku");
    // Trailing empty cells are not stored, but read as empty.
    assert_eq!(plain.rows[1].len(), 10);
    assert_eq!(plain.rows[1].get(10), "");
    for (name, encoding) in [
        ("utf8-bom.csv", Encoding::Utf8Bom),
        ("utf16le-bom.csv", Encoding::Utf16Le),
        ("utf16be-bom.csv", Encoding::Utf16Be),
    ] {
        let t = read(name).unwrap();
        assert_eq!(
            t.format,
            Format::Csv {
                encoding,
                delimiter: ','
            },
            "{name}"
        );
        assert_eq!(t.headers, plain.headers, "{name}");
        assert_eq!(t.rows, plain.rows, "{name}");
    }
}

#[test]
fn legacy_encodings_are_refused_with_line_and_offset() {
    let bytes = fixture("latin1.csv");
    let offset = bytes.iter().position(|b| *b == 0xE9).unwrap();
    let err = read("latin1.csv").unwrap_err();
    assert_eq!(err, TableError::NotUtf8 { line: 3, offset });
    let msg = err.to_string();
    assert!(
        msg.contains("line 3") && msg.contains(&offset.to_string()),
        "{msg}"
    );
    assert!(matches!(
        read("windows-1256.csv"),
        Err(TableError::NotUtf8 { line: 2, .. })
    ));
    assert_eq!(read("utf16le-no-bom.csv"), Err(TableError::Utf16WithoutBom));
    assert_eq!(
        read_table(b"\xFF\xFE\x00\x00a\x00\x00\x00", "x.csv"),
        Err(TableError::Utf32)
    );
    // A BOM is counted in the offset: the user's editor counts it too.
    assert_eq!(
        read_table(b"\xEF\xBB\xBFa,b\n\xE9", "x.csv"),
        Err(TableError::NotUtf8 { line: 2, offset: 7 })
    );
}

#[test]
fn semicolons_tabs_quotes_and_newlines_in_fields() {
    let t = read("semicolon.csv").unwrap();
    assert!(matches!(t.format, Format::Csv { delimiter: ';', .. }));
    assert_eq!(t.rows.len(), 2);
    assert_eq!(t.rows[0].get(2), "fa, ar");
    assert_eq!(
        t.rows[0].get(3),
        "first line\nsecond line; with a semicolon"
    );
    // The second record starts on line 4: the first spans lines 2 and 3.
    assert_eq!(t.rows[1].line, 4);
    assert_eq!(t.rows[1].get(3), "said \"hello\"");
    let tsv = read("tab.tsv").unwrap();
    assert!(matches!(
        tsv.format,
        Format::Csv {
            delimiter: '\t',
            ..
        }
    ));
    assert_eq!(cells(&tsv.rows[0]), vec!["P-301", "Nasrin Example", "f"]);
    assert_eq!(
        read_table(b"a,b\n1,\"open\n2,3\n", "x.csv"),
        Err(TableError::UnclosedQuote { line: 2 })
    );
}

#[test]
fn an_hxl_row_under_the_header_or_as_the_header_is_recognised() {
    let t = read("hxl.csv").unwrap();
    let hxl = t.hxl.as_ref().unwrap();
    assert_eq!(hxl.line, 2);
    assert_eq!(hxl.tags[0], "#meta+id");
    assert_eq!(hxl.tags[2], "#person+name+i_fa");
    assert_eq!(t.headers[4], "date_of_birth");
    assert_eq!(
        t.rows.iter().map(|r| r.line).collect::<Vec<_>>(),
        vec![3, 4]
    );

    let only = read("hxl-only.csv").unwrap();
    assert_eq!(only.hxl.as_ref().unwrap().line, 1);
    assert_eq!(
        only.headers,
        vec!["#person+id", "#person+name+i_en", "#person+age"]
    );
    assert_eq!(only.rows.len(), 1);

    // A data row that merely has a `#` in it is data.
    let t = read_table(b"name,n\n#1 Example,#\n", "x.csv").unwrap();
    assert!(t.hxl.is_none());
    assert_eq!(t.rows.len(), 1);
}

#[test]
fn files_that_are_not_tables_are_named() {
    let err = read("pdf-renamed.csv").unwrap_err();
    assert_eq!(err, TableError::NotATable { what: "a PDF" });
    assert_eq!(
        err.to_string(),
        "this file is a PDF, not a CSV or XLSX table"
    );
    for (bytes, what) in [
        (&b"\x89PNG\r\n\x1a\n"[..], "a PNG image"),
        (b"\xFF\xD8\xFF\xE0", "a JPEG image"),
        (b"\x1F\x8B\x08\x00", "a GZIP archive"),
        (b"<!DOCTYPE html><html>", "a web page (HTML)"),
    ] {
        assert_eq!(
            read_table(bytes, "people.csv"),
            Err(TableError::NotATable { what })
        );
    }
    assert_eq!(
        read_table(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\x00", "people.xls"),
        Err(TableError::OldOffice)
    );
    assert_eq!(
        read_table(b"a,b\n\0,1\n", "x.csv"),
        Err(TableError::Nul { line: 2 })
    );
}

#[test]
fn empty_and_header_only_files() {
    assert_eq!(read("empty.csv"), Err(TableError::Empty));
    assert_eq!(read_table(b"\n \n,,\n", "x.csv"), Err(TableError::NoHeader));
    let t = read("header-only.csv").unwrap();
    assert_eq!(t.headers, vec!["external_id", "name_latin", "sex"]);
    assert!(t.rows.is_empty());
}

#[test]
fn every_limit_is_enforced_and_named() {
    let long = format!("a,b\n1,{}\n", "ب".repeat(MAX_CELL_CHARS + 1));
    let err = read_table(long.as_bytes(), "x.csv").unwrap_err();
    assert_eq!(err, TableError::CellTooLong { line: 2, column: 2 });
    assert!(err.to_string().contains("10000 characters"), "{err}");
    assert!(err.to_string().contains("column 2 (B)"), "{err}");
    let just = format!("a,b\n1,{}\n", "ب".repeat(MAX_CELL_CHARS));
    assert!(read_table(just.as_bytes(), "x.csv").is_ok());

    let big = vec![b'a'; MAX_BYTES + 1];
    let err = read_table(&big, "x.csv").unwrap_err();
    assert_eq!(err, TableError::TooLarge);
    assert!(err.to_string().contains("50 MiB"));

    let wide = |n: usize| {
        (0..n)
            .map(|i| format!("c{i}"))
            .collect::<Vec<_>>()
            .join(",")
    };
    assert!(read_table(wide(MAX_COLUMNS).as_bytes(), "x.csv").is_ok());
    assert_eq!(
        read_table(wide(MAX_COLUMNS + 1).as_bytes(), "x.csv"),
        Err(TableError::TooManyColumns { line: 1 })
    );
    // Trailing empty cells do not count.
    let trailing = format!("a,b{}\n", ",".repeat(500));
    assert_eq!(
        read_table(trailing.as_bytes(), "x.csv")
            .unwrap()
            .headers
            .len(),
        2
    );

    let mut rows = String::from("a\n");
    rows.push_str(&"1\n".repeat(MAX_ROWS + 1));
    let err = read_table(rows.as_bytes(), "x.csv").unwrap_err();
    assert_eq!(err, TableError::TooManyRows);
    assert!(err.to_string().contains("1000000"));
}

#[test]
fn a_name_that_contradicts_the_content_is_refused() {
    let xlsx = crate::io::layout::template_xlsx().unwrap();
    let err = read_table(&xlsx, "people.csv").unwrap_err();
    assert!(matches!(err, TableError::ExtensionMismatch { .. }), "{err}");
    assert!(err.to_string().contains("XLSX") && err.to_string().contains(".csv"));
    let err = read_table(b"a,b\n1,2\n", "people.xlsx").unwrap_err();
    assert!(err.to_string().contains("text (CSV)"), "{err}");
    for name in ["people.txt", "people", "PEOPLE.CSV", "upload.dat"] {
        assert!(read_table(b"a,b\n1,2\n", name).is_ok(), "{name}");
    }
    assert!(read_table(&xlsx, "people.XLSX").is_ok());
    assert!(read_table(&xlsx, "upload").is_ok());
}

/// A ZIP with stored (uncompressed) entries; `declared` overrides an entry's size.
fn zip(entries: &[(&str, &[u8])], declared: Option<u32>) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, data) in entries {
        let offset = out.len() as u32;
        let size = declared.unwrap_or(data.len() as u32);
        let header = |sig: &[u8], central: bool| {
            let mut h = sig.to_vec();
            if central {
                h.extend_from_slice(&20u16.to_le_bytes());
            }
            h.extend_from_slice(&[20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
            h.extend_from_slice(&(data.len() as u32).to_le_bytes());
            h.extend_from_slice(&size.to_le_bytes());
            h.extend_from_slice(&(name.len() as u16).to_le_bytes());
            h.extend_from_slice(&0u16.to_le_bytes());
            if central {
                h.extend_from_slice(&[0; 10]);
                h.extend_from_slice(&offset.to_le_bytes());
            }
            h.extend_from_slice(name.as_bytes());
            h
        };
        out.extend(header(b"PK\x03\x04", false));
        out.extend_from_slice(data);
        central.extend(header(b"PK\x01\x02", true));
    }
    let cd_offset = out.len() as u32;
    out.extend_from_slice(&central);
    out.extend_from_slice(b"PK\x05\x06\0\0\0\0");
    out.extend_from_slice(&(entries.len() as u16).to_le_bytes());
    out.extend_from_slice(&(entries.len() as u16).to_le_bytes());
    out.extend_from_slice(&(central.len() as u32).to_le_bytes());
    out.extend_from_slice(&cd_offset.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes());
    out
}

#[test]
fn zip_files_other_than_workbooks_are_named_and_bombs_refused() {
    let what = |entries: &[(&str, &[u8])]| read_table(&zip(entries, None), "x.xlsx");
    assert_eq!(
        what(&[("hello.txt", b"hi")]),
        Err(TableError::NotATable {
            what: "a ZIP archive"
        })
    );
    assert_eq!(
        what(&[
            (
                "mimetype",
                b"application/vnd.oasis.opendocument.spreadsheet"
            ),
            ("content.xml", b"<x/>")
        ]),
        Err(TableError::NotATable {
            what: "an OpenDocument file (such as ODS)"
        })
    );
    assert_eq!(
        what(&[("word/document.xml", b"<x/>")]),
        Err(TableError::NotATable {
            what: "a Word document"
        })
    );
    let bomb = zip(
        &[
            ("xl/workbook.xml", b"<x/>"),
            ("xl/sharedStrings.xml", b"<x/>"),
        ],
        Some(u32::MAX - 1),
    );
    assert_eq!(read_table(&bomb, "x.xlsx"), Err(TableError::Unpacked));
    // A workbook part that is not a workbook fails to read, without detail.
    assert_eq!(
        what(&[("xl/workbook.xml", b"<x/>")]),
        Err(TableError::Unreadable)
    );
}

#[test]
fn an_xlsx_sheet_reads_as_the_user_sees_it() {
    let mut wb = Workbook::new();
    let notes = wb.add_worksheet();
    notes.set_name("notes").unwrap();
    notes.write_string(0, 0, "read me").unwrap();
    let people = wb.add_worksheet();
    people.set_name("People").unwrap();
    for (i, h) in [
        "external_id",
        "Name Original",
        "birth_date",
        "birth_year",
        "phone",
    ]
    .iter()
    .enumerate()
    {
        people.write_string(0, i as u16, *h).unwrap();
    }
    let date = XlsxFormat::new().set_num_format("yyyy-mm-dd");
    people.write_string(1, 0, "P-1").unwrap();
    people.write_string(1, 1, "زهرا نمونه").unwrap();
    people
        .write_datetime_with_format(1, 2, ExcelDateTime::from_ymd(1990, 5, 14).unwrap(), &date)
        .unwrap();
    people.write_number(1, 3, 1990.0).unwrap();
    people.write_number(1, 4, 9_647_701_234_567.0).unwrap();
    // Row 3 is left blank; row 4 is sparse.
    people.write_number(3, 0, 42).unwrap();
    people.write_number(3, 3, 1.5).unwrap();
    let bytes = wb.save_to_buffer().unwrap();

    let t = read_table(&bytes, "people.xlsx").unwrap();
    assert_eq!(
        t.format,
        Format::Xlsx {
            sheet: "People".into()
        }
    );
    assert_eq!(t.headers[1], "name_original");
    assert_eq!(t.rows.len(), 2);
    assert_eq!(
        cells(&t.rows[0]),
        vec!["P-1", "زهرا نمونه", "1990-05-14", "1990", "9647701234567"]
    );
    assert_eq!(t.rows[1].line, 4);
    assert_eq!(cells(&t.rows[1]), vec!["42", "", "", "1.5"]);
}

#[test]
fn an_xlsx_cell_far_to_the_right_is_refused_not_allocated() {
    let mut wb = Workbook::new();
    let s = wb.add_worksheet();
    s.write_string(0, 0, "a").unwrap();
    s.write_string(5, 16_000, "far").unwrap();
    let bytes = wb.save_to_buffer().unwrap();
    assert_eq!(
        read_table(&bytes, "x.xlsx"),
        Err(TableError::TooManyColumns { line: 6 })
    );
}

#[test]
fn helpers_normalise_and_name() {
    assert_eq!(normalise_header("  Birth-Date "), "birth_date");
    assert_eq!(normalise_header("Name   Latin"), "name_latin");
    assert_eq!(normalise_header("نام"), "نام");
    assert_eq!(
        normalise_hashtag("#Person +Name +i_FA").as_deref(),
        Some("#person+name+i_fa")
    );
    assert_eq!(normalise_hashtag("#"), None);
    assert_eq!(normalise_hashtag("#1st"), None);
    assert_eq!(normalise_hashtag("#a+"), None);
    assert_eq!(column_name(1), "1 (A)");
    assert_eq!(column_name(28), "28 (AB)");
    let row = Row::new(7, &["Canary Name", "", "x"]);
    assert_eq!(row.get(0), "Canary Name");
    assert_eq!(row.get(1), "");
    assert_eq!(row.get(99), "");
    assert!(!format!("{row:?}").contains("Canary"));
}

proptest! {
    #[test]
    fn read_table_never_panics_on_arbitrary_bytes(
        bytes in proptest::collection::vec(any::<u8>(), 0..2048),
        prefix in prop::sample::select(vec![
            &b""[..], b"\xEF\xBB\xBF", b"\xFF\xFE", b"\xFE\xFF", b"PK\x03\x04", b"PK\x05\x06", b"a,b\n#x,#y\n",
        ]),
        name in prop::sample::select(vec!["x.csv", "x.xlsx", "x", "x.xls"]),
    ) {
        let mut input = prefix.to_vec();
        input.extend_from_slice(&bytes);
        let _ = read_table(&input, name);
    }

    #[test]
    fn quoted_csv_cells_read_back_exactly(
        rows in proptest::collection::vec(
            proptest::collection::vec("[^\u{0}\r#]{0,12}", 3), 1..8),
        delimiter in prop::sample::select(vec![',', ';', '\t']),
    ) {
        let quote = |c: &String| format!("\"{}\"", c.replace('"', "\"\""));
        let mut text = String::from("a,b,c\n").replace(',', &delimiter.to_string());
        for r in &rows {
            text.push_str(&r.iter().map(quote).collect::<Vec<_>>().join(&delimiter.to_string()));
            text.push('\n');
        }
        let t = read_table(text.as_bytes(), "x.csv").unwrap();
        let expected: Vec<&Vec<String>> =
            rows.iter().filter(|r| r.iter().any(|c| !c.trim().is_empty())).collect();
        prop_assert_eq!(t.rows.len(), expected.len());
        for (row, want) in t.rows.iter().zip(expected) {
            for (i, cell) in want.iter().enumerate() {
                let stored = row.get(i);
                // Trailing blank cells are not stored; they read as "".
                prop_assert!(stored == cell || (stored.is_empty() && cell.trim().is_empty()));
            }
        }
    }
}
