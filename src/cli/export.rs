//! `vigil export`: the redacted registry (CSV or XLSX) and the population figures (HXL
//! CSV) at the command line, to a file or standard output. Audited like the web's
//! exports; the people export is recorded under the account named with `--as`.
//! Exports with personal data are not offered here: they need a second registrar's
//! approval, which only the web application asks for.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::Subcommand;

use crate::actions::registry::export;
use crate::app::App;
use crate::auth::capability::ReadRecord;
use crate::auth::{Actor, Cap};
use crate::domain::export::{ExportFilter, Format};

#[derive(Subcommand, Debug)]
pub enum ExportCommand {
    /// The registry without personal data: codes and non-personal fields, with an HXL
    /// hashtag row (layout: docs/export.md).
    People {
        /// csv (default) or xlsx.
        #[arg(long, default_value = "csv")]
        format: String,
        /// Only the people at this site (code).
        #[arg(long, value_name = "CODE")]
        site: Option<String>,
        /// Only people with this status (present, transferred, …).
        #[arg(long)]
        status: Option<String>,
        /// Only people with this specific need (serious_medical, …).
        #[arg(long)]
        need: Option<String>,
        /// Write here instead of standard output (required for xlsx).
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// The account the export is recorded under (any role that reads the record).
        #[arg(long = "as", value_name = "USERNAME")]
        as_user: String,
    },
    /// Population by site, sex and UNHCR age band at a date, as HXL CSV with small
    /// counts suppressed.
    Population {
        /// The date, YYYY-MM-DD (default: today).
        #[arg(long, value_name = "YYYY-MM-DD")]
        at: Option<String>,
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// The account the export is recorded under (default: the operator, cli:$USER).
        #[arg(long = "as", value_name = "USERNAME")]
        as_user: Option<String>,
    },
}

/// The capability of the named account, or of the command-line operator.
pub(super) async fn reader(app: &App, as_user: Option<&str>) -> anyhow::Result<Cap<ReadRecord>> {
    let actor = match as_user {
        None => Actor::system(),
        Some(name) => {
            let u = super::find_user(app, name).await?;
            Actor {
                user_id: u.user_id,
                username: u.username.clone(),
                role: u.role.parse()?,
            }
        }
    };
    actor.grant::<ReadRecord>().map_err(|_| {
        anyhow::anyhow!(
            "{} may not read the record, so may not export it",
            actor.username
        )
    })
}

/// Writes `bytes` to `out`, or to standard output.
pub(super) fn emit(out: Option<&Path>, bytes: &[u8]) -> anyhow::Result<()> {
    match out {
        Some(path) => std::fs::write(path, bytes)
            .map_err(|e| anyhow::anyhow!("cannot write {}: {e}", path.display())),
        None => {
            let mut o = std::io::stdout().lock();
            o.write_all(bytes)?;
            Ok(o.flush()?)
        }
    }
}

pub async fn run(app: &App, cmd: ExportCommand) -> anyhow::Result<()> {
    match cmd {
        ExportCommand::People {
            format,
            site,
            status,
            need,
            out,
            as_user,
        } => {
            let format: Format = format.parse()?;
            if format == Format::Xlsx && out.is_none() {
                anyhow::bail!("an XLSX export needs --out FILE");
            }
            let s = |v: &Option<String>| v.clone().unwrap_or_default();
            let f = ExportFilter::parse(&s(&site), &s(&status), &s(&need))?;
            let cap = reader(app, Some(&as_user)).await?;
            let run = export::begin(app, &cap, &f, format).await?;
            let rows = run.rows;
            match format {
                Format::Xlsx => emit(out.as_deref(), &export::xlsx(app, run, false).await?)?,
                Format::Csv => write_csv(app, run, out.as_deref()).await?,
            }
            if let Some(path) = &out {
                eprintln!("exported {rows} people to {}", path.display());
            }
        }
        ExportCommand::Population { at, out, as_user } => {
            let at = crate::domain::export::parse_at(at.as_deref().unwrap_or(""), app.now())?;
            let cap = reader(app, as_user.as_deref()).await?;
            let csv = export::population_csv(app, &cap, at).await?;
            emit(out.as_deref(), csv.as_bytes())?;
        }
    }
    Ok(())
}

/// Streams a CSV export to the file or standard output a page at a time.
async fn write_csv(app: &App, run: export::ExportRun, out: Option<&Path>) -> anyhow::Result<()> {
    let (tx, mut rx) = tokio::sync::mpsc::channel(4);
    let mut sink: Box<dyn Write> = match out {
        Some(path) => Box::new(std::io::BufWriter::new(
            std::fs::File::create(path)
                .map_err(|e| anyhow::anyhow!("cannot write {}: {e}", path.display()))?,
        )),
        None => Box::new(std::io::stdout().lock()),
    };
    let producer = export::stream_csv(app, run, tx);
    let consumer = async {
        while let Some(chunk) = rx.recv().await {
            sink.write_all(&chunk?)?;
        }
        sink.flush()?;
        Ok::<(), anyhow::Error>(())
    };
    let ((), written) = tokio::join!(producer, consumer);
    written
}
