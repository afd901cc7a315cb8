//! Exports of the registry: the redacted people file (CSV or XLSX) for every reader of
//! the record, the population figures as HXL, and the page-by-page reading that both
//! the redacted file and the encrypted personal-data file (`export_requests`) share.
//!
//! An export is audited when it begins — who, which filter, which format, how many
//! rows — so a file that leaves vigil is in the trail even if its download is cut off.
//! Its rows are then read a page at a time up to the last person registered at that
//! moment: memory holds one page, not the registry.

use tokio::sync::mpsc;

use crate::actions::{audit, ActionError, Event, Result};
use crate::app::App;
use crate::auth::capability::{Cap, ReadRecord};
use crate::domain::export::{ExportFilter, Format};
use crate::domain::person::Choice;
use crate::domain::Invalid;
use crate::io::export::population::SiteFigures;
use crate::io::export::{self, Column, Personal, Record, XlsxExport, MAX_XLSX_ROWS};
use crate::store::{self, exports::Scope, Conn};

/// People read from the store at a time.
pub const PAGE: i64 = 1_000;

/// A chunk of an export file on its way to the client (or to a file).
pub type Chunk = std::result::Result<Vec<u8>, std::io::Error>;

/// An export under way: which people, and where the reading has got to. Only the
/// actions that audit an export make one, so holding one is proof it was recorded.
pub struct ExportRun {
    scope: Scope,
    after: i64,
    personal: bool,
    /// How many people the export holds (counted when it began).
    pub rows: i64,
    /// The calendar year age bands are computed for.
    pub year: i64,
}

impl ExportRun {
    pub fn columns(&self) -> Vec<Column> {
        export::columns(self.personal)
    }

    /// The next page of people, or `None` when the export is complete.
    pub async fn next(&mut self, app: &App) -> Result<Option<Vec<Record>>> {
        let mut c = app.store.read().await?;
        let rows = store::exports::page(&mut c, &self.scope, self.after, PAGE).await?;
        let Some(last) = rows.last().map(|r| r.person_id) else {
            return Ok(None);
        };
        let ids: Vec<i64> = rows.iter().map(|r| r.person_id).collect();
        let needs = store::exports::needs_of(&mut c, &ids).await?;
        let sealed = if self.personal {
            store::exports::sealed_of(&mut c, &ids).await?
        } else {
            Vec::new()
        };
        drop(c);
        // Rows, needs and sealed columns all come in person-id order: walk them
        // together instead of searching a page for each person.
        let mut needs = needs.into_iter().peekable();
        let mut sealed = sealed.into_iter().peekable();
        let mut out = Vec::with_capacity(rows.len());
        for r in rows {
            let mut own = Vec::new();
            while let Some((_, k, u)) = needs.next_if(|(id, _, _)| *id <= r.person_id) {
                own.push((k, u));
            }
            let personal = match sealed.next_if(|s| s.person_id == r.person_id) {
                Some(s) => Some(open_personal(app, &s, r.external_id.clone())?),
                None => None,
            };
            out.push(Record {
                needs: own,
                code: r.code,
                site: r.site,
                status: r.status,
                sex: r.sex,
                birth_year: r.birth_year,
                nationality: r.nationality,
                languages: r.languages,
                protection: r.protection,
                household: r.household,
                relationship: r.relationship,
                personal,
            });
        }
        self.after = last;
        Ok(Some(out))
    }
}

fn open_personal(
    app: &App,
    s: &store::exports::SealedRow,
    external_id: Option<String>,
) -> Result<Personal> {
    let id = s.person_id;
    let open = |col: &str, v: &Option<Vec<u8>>| -> Result<Option<String>> {
        v.as_ref()
            .map(|b| app.keys.open("people", col, id, b))
            .transpose()
            .map_err(ActionError::from)
    };
    Ok(Personal {
        external_id,
        name_latin: open("name_latin", &s.name_latin)?,
        name_original: open("name_original", &s.name_original)?,
        birth_date: open("birth_date", &s.birth_date)?,
        document: open("document", &s.document)?,
        phone: open("phone", &s.phone)?,
        notes: open("notes", &s.notes)?,
    })
}

/// Resolves a filter to ids inside a transaction and counts its people: the start of
/// every export.
pub(crate) async fn scope_of(c: &mut Conn, f: &ExportFilter) -> Result<(Scope, i64)> {
    let site_id = match &f.site {
        Some(code) => Some(
            store::sites::by_code(c, code.as_str())
                .await?
                .ok_or_else(|| Invalid::new("site", "invalid-site", "no site has this code"))?
                .site_id,
        ),
        None => None,
    };
    let scope = Scope {
        site_id,
        status: f.status.map(|s| s.as_str().to_string()),
        need: f.need.map(|n| n.as_str().to_string()),
        max_id: store::exports::max_person_id(c).await?,
    };
    let rows = store::exports::count(c, &scope).await?;
    Ok((scope, rows))
}

pub(crate) fn run(scope: Scope, rows: i64, personal: bool, now: i64) -> ExportRun {
    ExportRun {
        scope,
        after: 0,
        personal,
        rows,
        year: crate::clock::year_of(now),
    }
}

/// Begins a redacted export (codes and non-personal fields), auditing who asked for
/// which people in which format.
pub async fn begin(
    app: &App,
    cap: &Cap<ReadRecord>,
    f: &ExportFilter,
    format: Format,
) -> Result<ExportRun> {
    let now = app.now();
    let mut tx = app.store.write().await?;
    let (scope, rows) = scope_of(&mut tx, f).await?;
    if format == Format::Xlsx && rows > MAX_XLSX_ROWS {
        return Err(Invalid::new(
            "format",
            "export-too-many-rows-for-xlsx",
            format!("an XLSX sheet holds at most {MAX_XLSX_ROWS} people; export CSV instead"),
        )
        .into());
    }
    audit(
        &mut tx,
        app,
        cap.actor(),
        Event {
            action: "export.people",
            object_type: "export",
            object_id: "people".into(),
            summary: format!("redacted {} {} rows={rows}", format.as_str(), f.describe()),
            details: serde_json::Value::Null,
        },
    )
    .await?;
    tx.commit().await?;
    Ok(run(scope, rows, false, now))
}

/// Writes a run as CSV (BOM, header, HXL row, people) into `tx`, a few pages at a
/// time. Stops quietly if the receiver has gone (the client closed the download).
pub async fn stream_csv(app: &App, mut run: ExportRun, tx: mpsc::Sender<Chunk>) {
    let columns = run.columns();
    let mut buf = export::csv_head(&columns);
    loop {
        match run.next(app).await {
            Ok(Some(records)) => {
                for r in &records {
                    export::csv_record(&mut buf, &columns, r, run.year);
                }
                if tx
                    .send(Ok(std::mem::take(&mut buf).into_bytes()))
                    .await
                    .is_err()
                {
                    return;
                }
            }
            Ok(None) => break,
            Err(e) => {
                tracing::error!("export stopped: {e}");
                let _ = tx.send(Err(std::io::Error::other("export failed"))).await;
                return;
            }
        }
    }
    if !buf.is_empty() {
        let _ = tx.send(Ok(buf.into_bytes())).await;
    }
}

/// Writes a run as an XLSX workbook and returns its bytes. `right_to_left` for
/// readers of Persian and Arabic.
pub async fn xlsx(app: &App, mut run: ExportRun, right_to_left: bool) -> Result<Vec<u8>> {
    let internal = |e: export::XlsxError| ActionError::Internal(e.to_string());
    let mut book = XlsxExport::new(run.columns(), run.year, right_to_left).map_err(internal)?;
    while let Some(records) = run.next(app).await? {
        for r in &records {
            book.push(r).map_err(internal)?;
        }
    }
    tokio::task::spawn_blocking(move || book.finish())
        .await
        .map_err(|e| ActionError::Internal(e.to_string()))?
        .map_err(internal)
}

/// Population by site, sex and UNHCR age band at `at` (epoch ms), as HXL CSV with
/// small cells suppressed; audited like every export.
pub async fn population_csv(app: &App, cap: &Cap<ReadRecord>, at: i64) -> Result<String> {
    let sites = {
        let mut c = app.store.read().await?;
        store::sites::list(&mut c).await?
    };
    let mut figures = Vec::with_capacity(sites.len());
    for s in &sites {
        let pop = super::sites::population(app, cap, s.site_id, &[at])
            .await?
            .pop()
            .unwrap_or_default();
        let band = |i: usize| pop.bands.get(i).map_or((0, 0), |b| (b.1, b.2));
        let mut f = SiteFigures {
            code: s.code.clone(),
            name_en: s.name_en.clone(),
            name_fa: s.name_fa.clone(),
            name_ar: s.name_ar.clone(),
            country: s.country.clone(),
            female_total: pop.female,
            male_total: pop.male,
            total: pop.total,
            ..SiteFigures::default()
        };
        for i in 0..5 {
            let (fe, ma) = band(i);
            if let (Some(a), Some(b)) = (f.female.get_mut(i), f.male.get_mut(i)) {
                *a = fe;
                *b = ma;
            }
        }
        figures.push(f);
    }
    let day = crate::clock::rfc3339(at)
        .chars()
        .take(10)
        .collect::<String>();
    let mut tx = app.store.write().await?;
    audit(
        &mut tx,
        app,
        cap.actor(),
        Event {
            action: "export.population",
            object_type: "export",
            object_id: "population".into(),
            summary: format!("population at {day}, {} site(s)", figures.len()),
            details: serde_json::Value::Null,
        },
    )
    .await?;
    tx.commit().await?;
    Ok(export::population::csv(&day, &figures))
}
