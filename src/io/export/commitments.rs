//! The report "commitments and breaches" as files: one row per commitment with its
//! agreement, parties, term, status as of the report's day, and the evidence and
//! sources that support it (each as a record id a reader can look up, sources with
//! their reliability grade). CSV with a BOM and an HXL hashtag row, or XLSX with the
//! same two heading rows; formula-looking text is escaped in both.
//!
//! No personal data is in it: parties are organisations, evidence is named by id.

use super::{sheet, Cell};

/// Column names and HXL hashtags.
pub const COLUMNS: [(&str, &str); 15] = [
    ("agreement_id", "#meta+agreement+id"),
    ("agreement", "#meta+agreement+name"),
    ("agreement_made_on", "#date+agreement"),
    ("commitment_id", "#meta+commitment+id"),
    ("statement", "#description+commitment"),
    ("owed_by", "#org+owed_by"),
    ("owed_to", "#org+owed_to"),
    ("term", "#meta+term"),
    ("as_of", "#date+reported"),
    ("status", "#status+compliance"),
    ("share_permille", "#indicator+share+permille"),
    ("status_since", "#date+since"),
    ("evidence", "#meta+evidence"),
    ("sources", "#meta+source"),
    ("url", "#meta+url"),
];

/// One commitment as a row; text already in plain words (no locale).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub agreement_id: i64,
    pub agreement: String,
    pub agreement_made_on: i64,
    pub commitment_id: i64,
    pub statement: String,
    pub owed_by: String,
    pub owed_to: String,
    /// "quantity: at least 10 Vehicles per 400 residents".
    pub term: String,
    pub as_of: i64,
    pub status: String,
    pub share_permille: Option<i64>,
    pub since: i64,
    /// "observation 12 (deciding); incident 4 (deciding)".
    pub evidence: String,
    /// "source 3 [B] Title, p. 4; …".
    pub sources: String,
}

fn day(ms: i64) -> String {
    crate::clock::rfc3339(ms).chars().take(10).collect()
}

fn cells(l: &Line) -> Vec<Cell<'_>> {
    let text = |s: &str| Cell::Text(s.to_string().into());
    vec![
        Cell::Int(l.agreement_id),
        text(&l.agreement),
        text(&day(l.agreement_made_on)),
        Cell::Int(l.commitment_id),
        text(&l.statement),
        text(&l.owed_by),
        text(&l.owed_to),
        text(&l.term),
        text(&day(l.as_of)),
        text(&l.status),
        l.share_permille.map_or(Cell::Empty, Cell::Int),
        text(&day(l.since)),
        text(&l.evidence),
        text(&l.sources),
        text(&format!(
            "/documentation/commitments/{}?as_of={}",
            l.commitment_id,
            day(l.as_of)
        )),
    ]
}

/// The report as CSV: BOM, header, HXL hashtag row, one row per commitment.
pub fn csv(lines: &[Line]) -> String {
    sheet::csv(&COLUMNS, lines.iter().map(cells))
}

/// The report as an XLSX workbook with the same two heading rows.
pub fn xlsx(lines: &[Line]) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    sheet::xlsx("commitments", 18.0, &COLUMNS, lines.iter().map(cells))
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    fn line() -> Line {
        let d = |s: &str| crate::clock::parse_day(s).unwrap();
        Line {
            agreement_id: 1,
            agreement: "Letter of 15 February 2012".into(),
            agreement_made_on: d("2012-02-15"),
            commitment_id: 7,
            statement: "=10 vehicles, per 400".into(),
            owed_by: "Government of Iraq".into(),
            owed_to: "Residents' representatives".into(),
            term: "quantity: at least 10 Vehicles per 400 residents".into(),
            as_of: d("2012-09-01"),
            status: "partly_met".into(),
            share_permille: Some(400),
            since: d("2012-05-05"),
            evidence: "manifest line 9 of convoy 4 (deciding)".into(),
            sources: "source 3 [B] Breach of agreement".into(),
        }
    }

    /// The exact bytes of a one-row file: a golden file kept inline, short enough
    /// to read in review.
    #[test]
    fn the_csv_is_stable_and_escapes_formulas() {
        let csv = csv(&[line()]);
        let rows: Vec<&str> = csv.split("\r\n").collect();
        assert!(rows[0].starts_with("\u{FEFF}agreement_id,agreement,agreement_made_on,"));
        assert!(rows[1].starts_with("#meta+agreement+id,#meta+agreement+name,"));
        assert_eq!(
            rows[2],
            "1,Letter of 15 February 2012,2012-02-15,7,\"'=10 vehicles, per 400\",\
             Government of Iraq,Residents' representatives,\
             quantity: at least 10 Vehicles per 400 residents,2012-09-01,partly_met,400,\
             2012-05-05,manifest line 9 of convoy 4 (deciding),source 3 [B] Breach of agreement,\
             /documentation/commitments/7?as_of=2012-09-01"
        );
        assert_eq!(rows.len(), 4, "three rows and the final line end");
    }

    #[test]
    fn the_workbook_opens_as_a_zip() {
        let bytes = xlsx(&[line()]).unwrap();
        assert_eq!(&bytes[..2], b"PK");
    }
}
