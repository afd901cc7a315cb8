//! Untrusted bytes → a table of text cells, or a refusal that says exactly why.
//!
//! The format is read from the bytes, never trusted from the file name: a PDF renamed
//! `.csv` is refused as a PDF, and a name that contradicts the content (an XLSX named
//! `.csv`) is refused rather than guessed at. Text must be UTF-8 (with or without a BOM)
//! or UTF-16 with a BOM; anything else is refused with the line and byte where it went
//! wrong, because guessing a legacy code page silently corrupts Persian and Arabic names.
//! Every limit is checked while reading, so a hostile file costs bounded memory.

mod csv_text;
mod xlsx;

/// The largest file accepted, in bytes.
pub const MAX_BYTES: usize = 50 * 1024 * 1024;
/// The most data rows accepted (header and HXL rows not counted).
pub const MAX_ROWS: usize = 1_000_000;
/// The most columns a row may have.
pub const MAX_COLUMNS: usize = 200;
/// The longest cell accepted, in characters.
pub const MAX_CELL_CHARS: usize = 10_000;
/// The most cells kept in memory (trailing empty cells of a row are not kept).
pub const MAX_CELLS: usize = 30_000_000;
/// The most cell text kept in memory, in bytes: an XLSX can repeat one shared string
/// in every cell, so its text is bounded separately from the file size.
pub const MAX_TEXT_BYTES: usize = 256 * 1024 * 1024;
/// The most an XLSX may unpack to, in bytes (declared sizes, which the ZIP reader
/// enforces), so a small compressed bomb is refused before it is inflated.
pub const MAX_UNPACKED_BYTES: u64 = 512 * 1024 * 1024;

/// How a CSV file's text was encoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf8Bom,
    Utf16Le,
    Utf16Be,
}

/// What was read, for the report ("CSV, UTF-16, `;`-separated").
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Format {
    Csv { encoding: Encoding, delimiter: char },
    Xlsx { sheet: String },
}

/// A data row. Cells live in one string (one allocation per row, not one per cell),
/// and trailing empty cells are not stored: `get` answers `""` past the end.
#[derive(Clone, PartialEq, Eq)]
pub struct Row {
    /// The line (CSV, where the record starts) or sheet row number (XLSX), 1-based, as
    /// the user sees it in an editor or in Excel.
    pub line: usize,
    text: String,
    ends: Vec<u32>,
}

impl Row {
    pub fn new<S: AsRef<str>>(line: usize, cells: &[S]) -> Self {
        let mut text = String::new();
        let mut ends = Vec::with_capacity(cells.len());
        for c in cells {
            text.push_str(c.as_ref());
            ends.push(u32::try_from(text.len()).unwrap_or(u32::MAX));
        }
        Row { line, text, ends }
    }

    /// The cell in column `i` (0-based), `""` if the row is shorter.
    pub fn get(&self, i: usize) -> &str {
        let start = match i.checked_sub(1) {
            None => 0,
            Some(p) => self.ends.get(p).map_or(usize::MAX, |e| *e as usize),
        };
        let end = self.ends.get(i).map_or(0, |e| *e as usize);
        self.text.get(start..end).unwrap_or("")
    }

    /// The number of stored cells: up to the last non-empty one.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    pub fn cells(&self) -> impl Iterator<Item = &str> {
        (0..self.len()).map(|i| self.get(i))
    }
}

/// Rows hold personal data: printing one (in a log, a panic) shows only its shape.
impl std::fmt::Debug for Row {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Row {{ line: {}, cells: {} }}", self.line, self.len())
    }
}

/// An HXL hashtag row found under the header (or as the header).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hxl {
    pub line: usize,
    /// One per column, normalised (`#person+name+i_fa`); `""` where a column has none.
    pub tags: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    pub format: Format,
    /// The line of the header row (the first non-blank row).
    pub header_line: usize,
    /// Normalised header names: trimmed, lowercase, runs of spaces and hyphens as `_`.
    /// If the header row is itself an HXL row, these are the normalised hashtags.
    pub headers: Vec<String>,
    pub hxl: Option<Hxl>,
    /// Data rows, blank rows skipped. A row may be shorter or longer than `headers`.
    pub rows: Vec<Row>,
}

/// Why a file was refused as a whole. Messages never quote the file's contents.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TableError {
    #[error("the file is empty")]
    Empty,
    #[error("the file has no header row (only blank lines)")]
    NoHeader,
    #[error("the file is larger than the limit of {} MiB", MAX_BYTES / 1024 / 1024)]
    TooLarge,
    #[error("this file is {what}, not a CSV or XLSX table")]
    NotATable { what: &'static str },
    #[error("this file is an Excel 97-2003 workbook (XLS) or a password-protected Office file; remove any password and save it as XLSX or as CSV UTF-8")]
    OldOffice,
    #[error("this file is {actual} but its name ends in .{ext}; save or rename it as .{expected}")]
    ExtensionMismatch {
        ext: String,
        actual: &'static str,
        expected: &'static str,
    },
    #[error("line {line} is not valid UTF-8 (at byte offset {offset}); the file may be in a legacy encoding such as Windows-1256 or Latin-1 — save it as \"CSV UTF-8\" and try again")]
    NotUtf8 { line: usize, offset: usize },
    #[error("the file starts with a UTF-16 byte-order mark but is not valid UTF-16 (at byte offset {offset}); save it as \"CSV UTF-8\"")]
    BadUtf16 { offset: usize },
    #[error("the file looks like UTF-16 without a byte-order mark; save it as \"CSV UTF-8\"")]
    Utf16WithoutBom,
    #[error("the file is in UTF-32, which is not accepted; save it as \"CSV UTF-8\"")]
    Utf32,
    #[error(
        "line {line} contains a NUL character: this looks like a binary file, not a CSV table"
    )]
    Nul { line: usize },
    #[error("a quoted field that starts on line {line} is never closed")]
    UnclosedQuote { line: usize },
    #[error("the file has more than {MAX_ROWS} rows, the limit")]
    TooManyRows,
    #[error("line {line} has more than {MAX_COLUMNS} columns, the limit")]
    TooManyColumns { line: usize },
    #[error("line {line}, column {}: a cell is longer than {MAX_CELL_CHARS} characters, the limit", column_name(*.column))]
    CellTooLong { line: usize, column: usize },
    #[error("the table has more than {MAX_CELLS} cells, the limit")]
    TooManyCells,
    #[error("the table holds more than {} MiB of text, the limit", MAX_TEXT_BYTES / 1024 / 1024)]
    TooMuchText,
    #[error("the workbook unpacks to more than {} MiB, the limit", MAX_UNPACKED_BYTES / 1024 / 1024)]
    Unpacked,
    #[error("the workbook could not be read: it may be damaged or password-protected; save it again as XLSX or as CSV UTF-8")]
    Unreadable,
    #[error("the workbook has no worksheet")]
    NoSheet,
    #[error("sheet row {line}, column {}: the cell holds a spreadsheet error ({code}); correct or clear it", column_name(*.column))]
    CellError {
        line: usize,
        column: usize,
        code: String,
    },
    #[error(
        "sheet row {line} comes after a later row; save the workbook again in Excel or LibreOffice"
    )]
    RowsOutOfOrder { line: usize },
}

impl TableError {
    /// The message id in the locale files; the variant's fields are its arguments.
    pub fn key(&self) -> &'static str {
        match self {
            TableError::Empty => "table-empty",
            TableError::NoHeader => "table-no-header",
            TableError::TooLarge => "table-too-large",
            TableError::NotATable { .. } => "table-not-a-table",
            TableError::OldOffice => "table-old-office",
            TableError::ExtensionMismatch { .. } => "table-extension-mismatch",
            TableError::NotUtf8 { .. } => "table-not-utf8",
            TableError::BadUtf16 { .. } => "table-bad-utf16",
            TableError::Utf16WithoutBom => "table-utf16-without-bom",
            TableError::Utf32 => "table-utf32",
            TableError::Nul { .. } => "table-nul",
            TableError::UnclosedQuote { .. } => "table-unclosed-quote",
            TableError::TooManyRows => "table-too-many-rows",
            TableError::TooManyColumns { .. } => "table-too-many-columns",
            TableError::CellTooLong { .. } => "table-cell-too-long",
            TableError::TooManyCells => "table-too-many-cells",
            TableError::TooMuchText => "table-too-much-text",
            TableError::Unpacked => "table-unpacked-too-large",
            TableError::Unreadable => "table-unreadable",
            TableError::NoSheet => "table-no-sheet",
            TableError::CellError { .. } => "table-cell-error",
            TableError::RowsOutOfOrder { .. } => "table-rows-out-of-order",
        }
    }
}

/// `1` → `1 (A)`, `28` → `28 (AB)`: the number and the spreadsheet letter of a column.
pub fn column_name(column: usize) -> String {
    let mut letters = Vec::new();
    let mut n = column;
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(char::from(b'A' + u8::try_from(rem).unwrap_or(0)));
        n = (n - 1) / 26;
    }
    letters.reverse();
    format!("{column} ({})", letters.into_iter().collect::<String>())
}

/// What the first bytes say a file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Text,
    Xlsx,
}

/// Known non-table formats by their magic bytes, so the refusal names what the file is.
const MAGIC: &[(&[u8], &str)] = &[
    (b"%PDF", "a PDF"),
    (b"\x89PNG", "a PNG image"),
    (b"\xFF\xD8\xFF", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1F\x8B", "a GZIP archive"),
    (b"BZh", "a BZIP2 archive"),
    (b"\xFD7zXZ\x00", "an XZ archive"),
    (b"7z\xBC\xAF\x27\x1C", "a 7-Zip archive"),
    (b"Rar!\x1A\x07", "a RAR archive"),
    (b"\x28\xB5\x2F\xFD", "a Zstandard archive"),
    (b"\x7FELF", "a program"),
    (b"{\\rtf", "an RTF document"),
    (b"SQLite format 3\x00", "an SQLite database"),
];

/// The OLE container of Excel 97–2003, old Word, and password-protected Office files.
const OLE: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

fn sniff(bytes: &[u8]) -> Result<Kind, TableError> {
    if bytes.starts_with(OLE) {
        return Err(TableError::OldOffice);
    }
    if let Some((_, what)) = MAGIC.iter().find(|(m, _)| bytes.starts_with(m)) {
        return Err(TableError::NotATable { what });
    }
    if bytes.get(4..8) == Some(b"ftyp".as_slice()) {
        return Err(TableError::NotATable {
            what: "a video or HEIC image",
        });
    }
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        return xlsx::probe(bytes).map(|()| Kind::Xlsx);
    }
    let head: String = String::from_utf8_lossy(bytes.get(..64).unwrap_or(bytes))
        .trim_start_matches('\u{FEFF}')
        .trim_start()
        .to_ascii_lowercase();
    if head.starts_with("<!doctype html") || head.starts_with("<html") {
        return Err(TableError::NotATable {
            what: "a web page (HTML)",
        });
    }
    if head.starts_with("<?xml") {
        return Err(TableError::NotATable {
            what: "an XML document",
        });
    }
    Ok(Kind::Text)
}

/// The extension, if it is one we have an opinion about.
fn expected_kind(filename: &str) -> Option<(String, Kind)> {
    let (_, ext) = filename.rsplit_once('.')?;
    let ext = ext.trim().to_ascii_lowercase();
    let kind = match ext.as_str() {
        "csv" | "tsv" | "txt" | "tab" => Kind::Text,
        "xlsx" | "xlsm" | "xls" => Kind::Xlsx,
        _ => return None,
    };
    Some((ext, kind))
}

/// Reads an uploaded file into a table. `filename` is only used to refuse a name that
/// contradicts the content.
pub fn read_table(bytes: &[u8], filename: &str) -> Result<Table, TableError> {
    if bytes.len() > MAX_BYTES {
        return Err(TableError::TooLarge);
    }
    if bytes.is_empty() {
        return Err(TableError::Empty);
    }
    let kind = sniff(bytes)?;
    if let Some((ext, expected)) = expected_kind(filename) {
        match (kind, expected) {
            (Kind::Xlsx, Kind::Text) => {
                return Err(TableError::ExtensionMismatch {
                    ext,
                    actual: "an XLSX workbook",
                    expected: "xlsx",
                })
            }
            (Kind::Text, Kind::Xlsx) => {
                return Err(TableError::ExtensionMismatch {
                    ext,
                    actual: "a text (CSV) file",
                    expected: "csv",
                })
            }
            _ => {}
        }
    }
    match kind {
        Kind::Text => csv_text::read(bytes),
        Kind::Xlsx => xlsx::read(bytes),
    }
}

/// Trim, lowercase, and join words split by spaces, hyphens or underscores with `_`,
/// so `Birth Date`, `birth-date` and ` birth_date ` name the same column.
pub fn normalise_header(s: &str) -> String {
    s.split(|c: char| c.is_whitespace() || c == '-' || c == '_')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join("_")
}

/// `#Person +name +i_fa` → `#person+name+i_fa`, or `None` if `s` is not an HXL
/// hashtag (`#tag` then `+attribute`s, ASCII letters, digits and `_`).
pub fn normalise_hashtag(s: &str) -> Option<String> {
    let compact: String = s
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_lowercase();
    let rest = compact.strip_prefix('#')?;
    let ok = rest.split('+').all(|part| {
        let mut chars = part.chars();
        chars.next().is_some_and(|c| c.is_ascii_lowercase())
            && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
    });
    ok.then_some(compact)
}

/// A row of hashtags: at least one, and every non-empty cell a hashtag.
fn hashtag_row<S: AsRef<str>>(cells: &[S]) -> Option<Vec<String>> {
    let mut any = false;
    let mut tags = Vec::with_capacity(cells.len());
    for c in cells {
        let c = c.as_ref().trim();
        if c.is_empty() {
            tags.push(String::new());
        } else {
            tags.push(normalise_hashtag(c)?);
            any = true;
        }
    }
    any.then_some(tags)
}

/// Collects rows from either reader, applying blank-row skipping, header and HXL
/// detection and every limit in one place.
struct Builder {
    header: Option<(usize, Vec<String>)>,
    hxl: Option<Hxl>,
    hxl_checked: bool,
    rows: Vec<Row>,
    cells: usize,
    text: usize,
}

impl Builder {
    fn new() -> Self {
        Builder {
            header: None,
            hxl: None,
            hxl_checked: false,
            rows: Vec::new(),
            cells: 0,
            text: 0,
        }
    }

    fn push<S: AsRef<str>>(&mut self, line: usize, cells: &[S]) -> Result<(), TableError> {
        let used = cells
            .iter()
            .rposition(|c| !c.as_ref().trim().is_empty())
            .map_or(0, |i| i + 1);
        let cells = cells.get(..used).unwrap_or(&[]);
        if cells.is_empty() {
            return Ok(());
        }
        if cells.len() > MAX_COLUMNS {
            return Err(TableError::TooManyColumns { line });
        }
        for (i, c) in cells.iter().enumerate() {
            let c = c.as_ref();
            // Bytes bound characters from above, so most cells skip the count.
            if c.len() > MAX_CELL_CHARS && c.chars().count() > MAX_CELL_CHARS {
                return Err(TableError::CellTooLong {
                    line,
                    column: i + 1,
                });
            }
        }
        if self.header.is_none() {
            let headers = match hashtag_row(cells) {
                Some(tags) => {
                    self.hxl = Some(Hxl {
                        line,
                        tags: tags.clone(),
                    });
                    self.hxl_checked = true;
                    tags
                }
                None => cells.iter().map(|c| normalise_header(c.as_ref())).collect(),
            };
            self.header = Some((line, headers));
            return Ok(());
        }
        if !self.hxl_checked {
            self.hxl_checked = true;
            if let Some(tags) = hashtag_row(cells) {
                self.hxl = Some(Hxl { line, tags });
                return Ok(());
            }
        }
        if self.rows.len() >= MAX_ROWS {
            return Err(TableError::TooManyRows);
        }
        self.cells += cells.len();
        if self.cells > MAX_CELLS {
            return Err(TableError::TooManyCells);
        }
        let row = Row::new(line, cells);
        self.text += row.text.len();
        if self.text > MAX_TEXT_BYTES {
            return Err(TableError::TooMuchText);
        }
        self.rows.push(row);
        Ok(())
    }

    fn finish(self, format: Format) -> Result<Table, TableError> {
        let (header_line, mut headers) = self.header.ok_or(TableError::NoHeader)?;
        let mut hxl = self.hxl;
        // Pad so that headers and tags line up column by column.
        let width = headers.len().max(hxl.as_ref().map_or(0, |h| h.tags.len()));
        headers.resize(width, String::new());
        if let Some(h) = hxl.as_mut() {
            h.tags.resize(width, String::new());
        }
        Ok(Table {
            format,
            header_line,
            headers,
            hxl,
            rows: self.rows,
        })
    }
}

#[cfg(test)]
mod tests;
