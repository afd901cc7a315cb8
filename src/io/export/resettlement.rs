//! Resettlement exports: the cases as CSV or XLSX, and resettled people by destination
//! country and month as an HXL-tagged CSV with small counts suppressed.
//!
//! Cases carry no personal data: a household appears by its code, people only as a
//! count. The aggregate hides counts of 1 to 4 people (and the households of that
//! row): where a few people went is exactly what a hostile service wants to know.

use super::population::SMALL_CELL;
use super::{csv_plain_row, csv_row, sheet, Cell};
use crate::store::resettlement::CaseRow;

/// Column names and HXL hashtags of the cases export.
pub const CASE_COLUMNS: [(&str, &str); 11] = [
    ("case_id", "#meta+id"),
    ("household", "#meta+household+code"),
    ("people", "#affected+ind+num"),
    ("stage", "#status+stage"),
    ("stage_on", "#date+stage"),
    ("opened_on", "#date+opened"),
    ("country", "#country+code+destination"),
    ("offer_id", "#meta+offer+id"),
    ("priority", "#priority"),
    ("category", "#meta+category"),
    ("record", "#meta+source"),
];

fn day(ms: i64) -> String {
    crate::clock::rfc3339(ms).chars().take(10).collect()
}

fn cells(c: &CaseRow) -> Vec<Cell<'_>> {
    let text = |s: &str| Cell::Text(s.to_string().into());
    let opt = |s: &Option<String>| s.as_deref().map_or(Cell::Empty, text);
    vec![
        Cell::Int(c.case_id),
        text(&c.household_code),
        Cell::Int(c.people),
        text(&c.stage),
        text(&day(c.stage_on)),
        text(&day(c.opened_on)),
        opt(&c.country),
        c.offer_id.map_or(Cell::Empty, Cell::Int),
        opt(&c.priority),
        opt(&c.category),
        text("vigil"),
    ]
}

/// The cases as CSV: BOM, header, HXL hashtag row, one row per case.
pub fn cases_csv(rows: &[CaseRow]) -> String {
    sheet::csv(&CASE_COLUMNS, rows.iter().map(cells))
}

/// The cases as an XLSX workbook with the same two heading rows.
pub fn cases_xlsx(rows: &[CaseRow]) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    sheet::xlsx("cases", 16.0, &CASE_COLUMNS, rows.iter().map(cells))
}

/// Resettled people and households by destination country and month (`YYYY-MM`),
/// oldest month first, from departures `(day, country, people)`, one per household.
pub fn resettled_hxl(departures: &[(i64, String, i64)]) -> String {
    let mut rows: std::collections::BTreeMap<(String, String), (i64, i64)> =
        std::collections::BTreeMap::new();
    for (d, country, people) in departures {
        let month: String = day(*d).chars().take(7).collect();
        let e = rows.entry((month, country.clone())).or_default();
        e.0 += people;
        e.1 += 1;
    }
    let mut out = String::from("\u{FEFF}");
    csv_plain_row(
        &mut out,
        ["month", "country", "people", "households", "suppressed"],
    );
    csv_plain_row(
        &mut out,
        [
            "#date+month",
            "#country+code+destination",
            "#affected+ind+resettled",
            "#affected+hh+resettled",
            "#meta+suppressed",
        ],
    );
    for ((month, country), (people, households)) in rows {
        let hide = (1..=SMALL_CELL).contains(&people);
        let n = |v: i64| if hide { Cell::Empty } else { Cell::Int(v) };
        csv_row(
            &mut out,
            [
                Cell::Text(month.into()),
                Cell::Text(country.into()),
                n(people),
                n(households),
                Cell::Int(if hide { 2 } else { 0 }),
            ],
        );
    }
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    #[test]
    fn the_aggregate_sums_by_month_and_country_and_hides_small_counts() {
        let d = |s: &str| crate::clock::parse_day(s).unwrap();
        let deps = vec![
            (d("2013-05-20"), "ALB".to_string(), 4),
            (d("2013-05-25"), "ALB".to_string(), 3),
            (d("2013-05-26"), "DEU".to_string(), 2),
        ];
        let csv = resettled_hxl(&deps);
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(lines.len(), 4);
        assert_eq!(lines[2], "2013-05,ALB,7,2,0");
        assert_eq!(lines[3], "2013-05,DEU,,,2", "two people: hidden");
    }
}
