//! Which of the file's columns are which: headers and HXL hashtags resolved to vigil's
//! column names, and the whole-file problems (unknown, duplicated, conflicting or
//! missing columns) that make checking rows pointless.

use std::collections::HashMap;

use super::{problem, Problem};
use crate::io::layout::{column_for_hxl, COLUMNS};
use crate::io::table::{column_name, Row, Table};

/// Header names people use for vigil's columns: suggested, never silently accepted.
const ALIASES: &[(&str, &str)] = &[
    ("id", "external_id"),
    ("name", "name_latin"),
    ("full_name", "name_latin"),
    ("gender", "sex"),
    ("dob", "birth_date"),
    ("date_of_birth", "birth_date"),
    ("birthday", "birth_date"),
    ("year_of_birth", "birth_year"),
    ("country", "nationality"),
    ("citizenship", "nationality"),
    ("language", "languages"),
    ("legal_status", "protection"),
    ("vulnerability", "vulnerabilities"),
    ("specific_needs", "vulnerabilities"),
    ("needs", "vulnerabilities"),
    ("passport", "document"),
    ("document_number", "document"),
    ("mobile", "phone"),
    ("telephone", "phone"),
    ("phone_number", "phone"),
    ("camp", "site"),
    ("site_code", "site"),
    ("household_id", "household"),
    ("hh", "household"),
    ("relation", "relationship"),
    ("comments", "notes"),
    ("comment", "notes"),
];

/// Edit distance with adjacent transpositions (`nmae` is one edit from `name`).
fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let at = |v: &[usize], k: usize| v.get(k).copied().unwrap_or(usize::MAX / 2);
    let mut before: Vec<usize> = vec![0; b.len() + 1];
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for i in 1..=a.len() {
        let mut cur = vec![i; b.len() + 1];
        for j in 1..=b.len() {
            let cost = usize::from(a.get(i - 1) != b.get(j - 1));
            let mut best = (at(&prev, j) + 1)
                .min(at(&cur, j - 1) + 1)
                .min(at(&prev, j - 1) + cost);
            let swapped =
                i > 1 && j > 1 && a.get(i - 1) == b.get(j - 2) && a.get(i - 2) == b.get(j - 1);
            if swapped {
                best = best.min(at(&before, j - 2) + 1);
            }
            if let Some(c) = cur.get_mut(j) {
                *c = best;
            }
        }
        before = std::mem::replace(&mut prev, cur);
    }
    at(&prev, b.len())
}

/// The column a user probably meant by an unknown header.
pub fn suggest(header: &str) -> Option<&'static str> {
    if let Some((_, to)) = ALIASES.iter().find(|(a, _)| *a == header) {
        return Some(to);
    }
    let limit = (1 + header.chars().count() / 4).min(3);
    COLUMNS
        .iter()
        .map(|c| (c.name, c.name))
        .chain(ALIASES.iter().copied())
        .map(|(candidate, target)| (distance(header, candidate), target))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, target)| target)
}

/// Where each known column is in the table, and how many columns the header has.
#[derive(Debug)]
pub(super) struct Columns {
    pub(super) at: HashMap<&'static str, usize>,
    pub(super) width: usize,
}

impl Columns {
    /// The cell of column `name`, with the `'` that vigil's exports put before
    /// formula-looking text taken off again, so an exported file imports as it was.
    pub(super) fn get<'r>(&self, row: &'r Row, name: &str) -> &'r str {
        let v = self.at.get(name).map_or("", |i| row.get(*i));
        match v.strip_prefix('\'') {
            Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest,
            _ => v,
        }
    }
}

fn shown(header: &str) -> String {
    let mut s: String = header.chars().take(40).collect();
    if header.chars().count() > 40 {
        s.push('…');
    }
    format!("`{s}`")
}

fn known_column(header: &str) -> Option<&'static str> {
    if header.starts_with('#') {
        return column_for_hxl(header);
    }
    COLUMNS.iter().map(|c| c.name).find(|n| *n == header)
}

pub(super) fn resolve_columns(table: &Table) -> Result<Columns, Vec<Problem>> {
    let line = table.header_line;
    let mut at: HashMap<&'static str, usize> = HashMap::new();
    let mut unknown = Vec::new();
    let mut problems = Vec::new();
    for (i, header) in table.headers.iter().enumerate() {
        let tag = table
            .hxl
            .as_ref()
            .and_then(|h| h.tags.get(i))
            .filter(|t| !t.is_empty());
        let name = match (known_column(header), tag.and_then(|t| column_for_hxl(t))) {
            (Some(a), Some(b)) if a != b => {
                problems.push(
                    problem(
                        line,
                        a,
                        "import-column-conflict",
                        format!(
                            "column {}: the header says `{a}` but the HXL hashtag says `{b}`",
                            column_name(i + 1)
                        ),
                    )
                    .arg("column", column_name(i + 1))
                    .arg("header", a)
                    .arg("hashtag", b),
                );
                continue;
            }
            (Some(a), _) | (None, Some(a)) => a,
            (None, None) if header.is_empty() && tag.is_none() => {
                if let Some(r) = table.rows.iter().find(|r| !r.get(i).trim().is_empty()) {
                    problems.push(
                        problem(
                            line,
                            "",
                            "import-unnamed-column",
                            format!(
                                "column {} has no header but holds data (first on line {})",
                                column_name(i + 1),
                                r.line
                            ),
                        )
                        .arg("column", column_name(i + 1))
                        .arg("first", r.line),
                    );
                }
                continue;
            }
            (None, None) => {
                let label = if header.is_empty() {
                    tag.map_or("", |t| t.as_str())
                } else {
                    header
                };
                unknown.push((shown(label), suggest(label)));
                continue;
            }
        };
        if let Some(first) = at.insert(name, i) {
            problems.push(
                problem(
                    line,
                    name,
                    "import-duplicate-column",
                    format!(
                        "the column `{name}` appears twice: columns {} and {}",
                        column_name(first + 1),
                        column_name(i + 1)
                    ),
                )
                .arg("column", name)
                .arg("first", column_name(first + 1))
                .arg("second", column_name(i + 1)),
            );
        }
    }
    let list = |before: &str, after: &str| {
        let items: Vec<String> = unknown
            .iter()
            .map(|(label, s)| match s {
                Some(s) => format!("{label}{before}{s}{after}"),
                None => label.clone(),
            })
            .collect();
        items.join(", ")
    };
    if !unknown.is_empty() {
        problems.push(
            problem(
                line,
                "",
                "import-unknown-columns",
                format!(
                "unknown column{}: {}; docs/import.md and the template list the accepted columns",
                if unknown.len() == 1 { "" } else { "s" },
                list(" (did you mean `", "`?)")
            ),
            )
            .arg("count", unknown.len())
            // Language-neutral, for the translated message.
            .arg("columns", list(" → `", "`?")),
        );
    }
    if !at.contains_key("external_id") {
        problems.push(problem(
            line,
            "external_id",
            "import-missing-column",
            "the required column `external_id` is missing",
        ));
    }
    if !at.contains_key("name_latin") && !at.contains_key("name_original") {
        problems.push(problem(
            line,
            "name_latin",
            "import-missing-column",
            "a name column is required: `name_latin` or `name_original`",
        ));
    }
    if problems.is_empty() {
        Ok(Columns {
            at,
            width: table.headers.len(),
        })
    } else {
        Err(problems)
    }
}
