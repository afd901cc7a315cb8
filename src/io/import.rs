//! Validating a table of people before anything is written: which columns it has, and
//! for each row either a validated person or the exact reasons it was refused.
//!
//! Checks that need the whole file (unknown or duplicate columns, the same external id
//! on two lines, two heads of one household) are made here, so the action layer gets
//! rows that can be committed as they are. Messages name the line and column but never
//! repeat a cell's value: a refused cell may be someone's name or birth date.

use std::collections::HashMap;

use serde::Serialize;

use crate::domain::person::{Choice, PersonInput, PERSON_FIELDS};
use crate::domain::site::{parse_count, SiteCode};
use crate::domain::Invalid;

use super::layout::{COLUMNS, EXAMPLE_ID};
use super::table::{Row, Table};

mod columns;

pub use columns::suggest;
use columns::{resolve_columns, Columns};

pub use crate::domain::person::Relationship;

/// A row that passed every check.
#[derive(Debug, Clone)]
pub struct ImportRow {
    pub line: usize,
    pub person: PersonInput,
    /// Validated in form only; whether the site exists is the store's question.
    pub site: Option<SiteCode>,
    /// The file's household reference, shared by the members of one household.
    pub household: Option<String>,
    pub relationship: Option<Relationship>,
}

/// One reason a row (or the whole file) was refused, or a warning.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    /// Line (CSV) or sheet row (XLSX), 1-based; the header's line for the whole file.
    pub line: usize,
    /// The column, by its vigil name; `""` for the whole row.
    pub field: String,
    /// The message id in the locale files.
    pub key: &'static str,
    /// The message in English; it never contains a cell's value.
    pub message: String,
    /// The variable parts of the message, for translating `key` (`lines`, `column`…).
    pub args: Vec<(&'static str, String)>,
}

impl Problem {
    fn arg(mut self, name: &'static str, value: impl ToString) -> Self {
        self.args.push((name, value.to_string()));
        self
    }
}

fn problem(line: usize, field: &str, key: &'static str, message: impl Into<String>) -> Problem {
    Problem {
        line,
        field: field.to_string(),
        key,
        message: message.into(),
        args: Vec::new(),
    }
}

#[derive(Debug, Default)]
pub struct Report {
    /// Data rows read from the file.
    pub rows: usize,
    /// The file's columns were unusable, so no row was checked and none is accepted.
    pub file_rejected: bool,
    /// Every problem, in line order; a row may have several.
    pub rejected: Vec<Problem>,
    pub warnings: Vec<Problem>,
    accepted: Accepted,
}

/// The rows that passed, kept as the file's cells rather than as built people: a
/// built row weighs about ten times its cells, and the committing side needs only
/// one batch of them at a time (a 100,000-row file held every person at once).
#[derive(Debug, Default)]
struct Accepted {
    table: Option<Table>,
    columns: Option<Columns>,
    /// Indexes into the table's rows, in file order.
    rows: Vec<usize>,
    this_year: i64,
}

impl Report {
    /// The number of distinct rows refused.
    pub fn rejected_rows(&self) -> usize {
        let mut lines: Vec<usize> = self.rejected.iter().map(|p| p.line).collect();
        lines.dedup();
        lines.len()
    }

    /// The number of rows that passed every check.
    pub fn accepted(&self) -> usize {
        self.accepted.rows.len()
    }

    /// Accepted rows `range` (by their order among the accepted), built again from
    /// the file's cells: the same checks on the same cells give the same people.
    pub fn accepted_rows(&self, range: std::ops::Range<usize>) -> Vec<ImportRow> {
        let a = &self.accepted;
        let (Some(table), Some(columns)) = (&a.table, &a.columns) else {
            return Vec::new();
        };
        let none = HashMap::new();
        let mut scratch = Vec::new();
        let end = range.end.min(a.rows.len());
        a.rows
            .get(range.start.min(end)..end)
            .unwrap_or_default()
            .iter()
            .filter_map(|i| table.rows.get(*i))
            .filter_map(|row| {
                // The whole-file checks (ids, heads) were passed when validating.
                check_row(row, columns, &none, &none, a.this_year, &mut scratch).map(|(r, _)| r)
            })
            .collect()
    }

    /// Every accepted row, built: for small files and tests.
    pub fn all_accepted(&self) -> Vec<ImportRow> {
        self.accepted_rows(0..self.accepted())
    }

    /// The line and the cell of column `name` of every accepted row.
    pub fn accepted_cells<'a>(
        &'a self,
        name: &'a str,
    ) -> impl Iterator<Item = (usize, &'a str)> + 'a {
        let a = &self.accepted;
        a.rows.iter().filter_map(move |i| {
            let row = a.table.as_ref()?.rows.get(*i)?;
            Some((row.line, a.columns.as_ref()?.get(row, name)))
        })
    }

    /// Refuses more rows for `problems` (checks only the database can make).
    pub fn refuse(&mut self, problems: Vec<Problem>) {
        if problems.is_empty() {
            return;
        }
        let bad: std::collections::HashSet<usize> = problems.iter().map(|p| p.line).collect();
        let a = &mut self.accepted;
        if let Some(table) = &a.table {
            a.rows
                .retain(|i| table.rows.get(*i).is_some_and(|r| !bad.contains(&r.line)));
        }
        self.rejected.extend(problems);
        self.rejected.sort_by_key(|p| p.line);
    }
}

/// A cell a spreadsheet would run as a formula if it were exported again: `=` anything,
/// `@` then a letter or `(`, or `+`/`-` then anything but a number or a phone number
/// (`+964 770…`, `-12` and `-` alone are data).
pub fn looks_like_formula(cell: &str) -> bool {
    let mut chars = cell.trim_start().chars();
    match chars.next() {
        Some('=') => true,
        Some('@') => chars.next().is_some_and(|c| c.is_alphabetic() || c == '('),
        Some('+' | '-') => {
            !chars.all(|c| c.is_numeric() || c.is_whitespace() || "()-./,".contains(c))
        }
        _ => false,
    }
}

/// Lines grouped by a key read from each row (rows without a key are left out).
fn group_lines(table: &Table, key: impl Fn(&Row) -> Option<String>) -> HashMap<String, Vec<usize>> {
    let mut groups: HashMap<String, Vec<usize>> = HashMap::new();
    for row in &table.rows {
        if let Some(k) = key(row) {
            groups.entry(k).or_default().push(row.line);
        }
    }
    groups
}

/// `4, 9 and 12` — the other lines of a group, at most ten.
fn other_lines(lines: &[usize], this: usize) -> String {
    let others: Vec<String> = lines
        .iter()
        .filter(|l| **l != this)
        .map(usize::to_string)
        .collect();
    let mut shown: Vec<String> = others.iter().take(10).cloned().collect();
    if others.len() > 10 {
        shown.push(format!("{} more", others.len() - 10));
    }
    match shown.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        _ => shown.join(""),
    }
}

fn household_ref(cell: &str) -> Result<Option<String>, Invalid> {
    let s = crate::i18n::normalize_digits(cell.trim());
    if s.is_empty() {
        Ok(None)
    } else if s.len() <= 64 && s.chars().all(|c| c.is_ascii_graphic()) {
        Ok(Some(s))
    } else {
        Err(Invalid::new(
            "household",
            "invalid-household",
            "must be at most 64 visible ASCII characters",
        ))
    }
}

fn from_invalid(line: usize, e: Invalid) -> Problem {
    // Some parsers name their own field; the user knows the column.
    let field = match e.field {
        "vulnerability" | "urgency" => "vulnerabilities",
        "code" => "site",
        f => f,
    };
    problem(line, field, e.key, e.message)
}

/// Validates every row of a people table. `this_year` bounds birth years and turns
/// ages into birth years (time is a parameter).
pub fn validate_people(table: Table, this_year: i64) -> Report {
    let mut report = Report {
        rows: table.rows.len(),
        ..Report::default()
    };
    let columns = match resolve_columns(&table) {
        Ok(c) => c,
        Err(problems) => {
            report.file_rejected = true;
            report.rejected = problems;
            return report;
        }
    };
    if table.rows.is_empty() {
        report.file_rejected = true;
        report.rejected.push(problem(
            table.header_line,
            "",
            "import-no-rows",
            "the file has a header but no rows of people",
        ));
        return report;
    }
    let ids = group_lines(&table, |r| {
        Some(columns.get(r, "external_id").trim().to_string()).filter(|s| !s.is_empty())
    });
    let heads = group_lines(&table, |r| {
        let head = Relationship::parse(columns.get(r, "relationship")) == Ok(Relationship::Head);
        head.then(|| household_ref(columns.get(r, "household")).ok().flatten())
            .flatten()
    });
    let mut approximate = 0usize;
    let mut accepted = Vec::new();
    for (i, row) in table.rows.iter().enumerate() {
        let before = report.rejected.len();
        match check_row(row, &columns, &ids, &heads, this_year, &mut report.rejected) {
            Some((_, from_age)) if report.rejected.len() == before => {
                approximate += usize::from(from_age);
                accepted.push(i);
            }
            _ => {}
        }
    }
    drop((ids, heads));
    if approximate > 0 {
        report.warnings.push(
            problem(
                table.header_line,
                "age",
                "import-age-approximate",
                format!(
                    "{approximate} birth year(s) were computed from `age` and may be one year off"
                ),
            )
            .arg("count", approximate),
        );
    }
    split_households(&table, &columns, &mut report.warnings);
    report.accepted = Accepted {
        table: Some(table),
        columns: Some(columns),
        rows: accepted,
        this_year,
    };
    report
}

/// Checks one row, pushing each problem; returns the row if it could be built, and
/// whether its birth year came from an age.
fn check_row(
    row: &Row,
    columns: &Columns,
    ids: &HashMap<String, Vec<usize>>,
    heads: &HashMap<String, Vec<usize>>,
    this_year: i64,
    problems: &mut Vec<Problem>,
) -> Option<(ImportRow, bool)> {
    let line = row.line;
    let width = columns.width;
    if row.len() > width {
        problems.push(
            problem(line, "", "import-extra-cells", format!(
                "the row has {} cells but the header has {width}; a value may contain an unquoted separator",
                row.len()
            ))
            .arg("cells", row.len())
            .arg("width", width),
        );
        return None;
    }
    let before = problems.len();
    for c in COLUMNS {
        if looks_like_formula(columns.get(row, c.name)) {
            problems.push(problem(line, c.name, "import-formula",
                "looks like a spreadsheet formula (starts with = + - or @); formulas are not accepted, remove the leading sign"));
        }
    }
    if problems.len() > before {
        return None;
    }
    let id = columns.get(row, "external_id").trim();
    if id.is_empty() {
        problems.push(problem(line, "external_id", "import-external-id-required",
            "is required on every row, so that importing the file again updates people instead of adding them twice"));
    } else if id == EXAMPLE_ID {
        problems.push(problem(
            line,
            "external_id",
            "import-example-row",
            "this is the template's example row; delete it before importing",
        ));
    } else if let Some(lines) = ids.get(id).filter(|l| l.len() > 1) {
        problems.push(
            problem(
                line,
                "external_id",
                "import-duplicate-id",
                format!(
                    "the same external_id is also on line {}",
                    other_lines(lines, line)
                ),
            )
            .arg("lines", other_lines(lines, line)),
        );
    }
    let fields: HashMap<&str, &str> = PERSON_FIELDS
        .iter()
        .map(|f| (*f, columns.get(row, f)))
        .collect();
    let mut person = PersonInput::from_fields(&fields, this_year)
        .map_err(|e| problems.push(from_invalid(line, e)))
        .ok();
    let site = match columns.get(row, "site").trim() {
        "" => None,
        s => SiteCode::parse(s)
            .map_err(|e| problems.push(from_invalid(line, e)))
            .ok(),
    };
    let household = household_ref(columns.get(row, "household"))
        .map_err(|e| problems.push(from_invalid(line, e)))
        .ok()
        .flatten();
    let relationship = match columns.get(row, "relationship").trim() {
        "" => None,
        s => Relationship::parse(s)
            .map_err(|e| problems.push(from_invalid(line, e)))
            .ok(),
    };
    if relationship.is_some() && household.is_none() {
        problems.push(problem(
            line,
            "relationship",
            "import-relationship-needs-household",
            "needs a household reference in the `household` column",
        ));
    }
    if let (Some(Relationship::Head), Some(h)) = (relationship, &household) {
        if let Some(lines) = heads.get(h).filter(|l| l.len() > 1) {
            problems.push(
                problem(
                    line,
                    "relationship",
                    "import-two-heads",
                    format!(
                        "the household already has a head on line {}",
                        other_lines(lines, line)
                    ),
                )
                .arg("lines", other_lines(lines, line)),
            );
        }
    }
    let mut from_age = false;
    let max_age = (this_year - 1880).clamp(0, 130);
    match parse_count("age", columns.get(row, "age"), 0..=max_age) {
        Err(e) => problems.push(from_invalid(line, e)),
        Ok(Some(age)) => {
            if let Some(p) = person.as_mut() {
                let implied = this_year - age;
                match p.birth_year {
                    // Born this calendar year minus age, or the year before if the
                    // birthday has not come yet.
                    Some(y) if y == implied || y + 1 == implied => {}
                    Some(_) => problems.push(problem(
                        line,
                        "age",
                        "import-age-mismatch",
                        "does not match the birth date or birth year",
                    )),
                    None => {
                        p.birth_year = Some(implied);
                        from_age = true;
                    }
                }
            }
        }
        Ok(None) => {}
    }
    let person = person?;
    Some((
        ImportRow {
            line,
            person,
            site,
            household,
            relationship,
        },
        from_age,
    ))
}

/// A household moves together: members on different sites in one file are flagged.
fn split_households(table: &Table, columns: &Columns, warnings: &mut Vec<Problem>) {
    let mut sites: HashMap<String, (Vec<usize>, Vec<String>)> = HashMap::new();
    for row in &table.rows {
        let Ok(Some(h)) = household_ref(columns.get(row, "household")) else {
            continue;
        };
        let site = columns.get(row, "site").trim().to_ascii_uppercase();
        let entry = sites.entry(h).or_default();
        entry.0.push(row.line);
        if !site.is_empty() && !entry.1.contains(&site) {
            entry.1.push(site);
        }
    }
    let mut split: Vec<&Vec<usize>> = sites
        .values()
        .filter(|(_, s)| s.len() > 1)
        .map(|(lines, _)| lines)
        .collect();
    split.sort();
    for lines in split {
        let first = lines.first().copied().unwrap_or(0);
        warnings.push(
            problem(first, "household", "import-household-split", format!(
                "members of one household are on different sites (lines {first} and {}); a household moves together",
                other_lines(lines, first)
            ))
            .arg("first", first)
            .arg("lines", other_lines(lines, first)),
        );
    }
}

#[cfg(test)]
mod tests;
