//! `vigil report`: the reports at the command line, to a file or standard output,
//! as the operator or the account named with `--as`. The commitments report holds
//! no personal data; its CSV and XLSX files are audited as exports, like the web's.

use std::path::PathBuf;

use clap::Subcommand;

use super::export::{emit, reader};
use crate::actions::documentation::commitments::report::{commitments_file, commitments_report};
use crate::app::App;
use crate::domain::convoy::parse_day;
use crate::domain::export::Format;

#[derive(Subcommand, Debug)]
pub enum ReportCommand {
    /// Commitments and breaches: every commitment of every agreement with its status
    /// as of a day, the evidence and the sources (docs/commitments.md).
    Commitments {
        /// The day to judge as of, YYYY-MM-DD (default: today).
        #[arg(long, value_name = "YYYY-MM-DD")]
        as_of: Option<String>,
        /// json (default), csv or xlsx.
        #[arg(long, default_value = "json")]
        format: String,
        /// Write here instead of standard output (required for xlsx).
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// The account the report is read as (default: the operator, cli:$USER).
        #[arg(long = "as", value_name = "USERNAME")]
        as_user: Option<String>,
    },
}

pub async fn run(app: &App, cmd: ReportCommand) -> anyhow::Result<()> {
    match cmd {
        ReportCommand::Commitments {
            as_of,
            format,
            out,
            as_user,
        } => {
            let day =
                parse_day("as_of", as_of.as_deref().unwrap_or(""))?.unwrap_or_else(|| app.now());
            let cap = reader(app, as_user.as_deref()).await?;
            if format.trim().eq_ignore_ascii_case("json") {
                let r = commitments_report(app, &cap, day).await?;
                let mut text = serde_json::to_string_pretty(&r)?;
                text.push('\n');
                return emit(out.as_deref(), text.as_bytes());
            }
            let format: Format = format.parse()?;
            if format == Format::Xlsx && out.is_none() {
                anyhow::bail!("an XLSX report needs --out FILE");
            }
            emit(
                out.as_deref(),
                &commitments_file(app, &cap, day, format).await?,
            )
        }
    }
}
