//! `vigil report`: the reports at the command line, to a file or standard output,
//! as the operator or the account named with `--as`. The commitments report holds
//! no personal data; its CSV and XLSX files are audited as exports, like the web's.
//! `publish` freezes it as of a day for observers (as a documenter), `published`
//! lists what was published, `withdraw` withdraws one with a reason.

use std::path::PathBuf;

use clap::Subcommand;

use super::export::{emit, reader};
use crate::actions::documentation::commitments::publish;
use crate::actions::documentation::commitments::report::{commitments_file, commitments_report};
use crate::app::App;
use crate::auth::capability::{Cap, ReadReports, WriteDocumentation};
use crate::auth::Actor;
use crate::domain::convoy::parse_day;
use crate::domain::export::Format;
use crate::i18n::Lang;

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
    /// Publishes the commitments report as of a day for observers: a frozen snapshot
    /// with its SHA-256 (a documenter's act, audited). Prints the new report's id and hash.
    Publish {
        /// The day judged, YYYY-MM-DD.
        #[arg(long, value_name = "YYYY-MM-DD")]
        as_of: String,
        /// The language it is rendered in: en, fa or ar.
        #[arg(long, default_value = "en")]
        lang: String,
        /// The documenter publishing it.
        #[arg(long = "as", value_name = "USERNAME")]
        as_user: String,
    },
    /// Lists the published reports, newest first (id, day, SHA-256, state), or as JSON.
    Published {
        /// table (default) or json.
        #[arg(long, default_value = "table")]
        format: String,
        /// Write one report's published content (HTML) here instead: needs --id.
        #[arg(long, value_name = "FILE", requires = "id")]
        out: Option<PathBuf>,
        #[arg(long)]
        id: Option<i64>,
    },
    /// Withdraws a published report with a reason (it is kept, marked withdrawn).
    Withdraw {
        id: i64,
        #[arg(long)]
        reason: String,
        /// The documenter withdrawing it.
        #[arg(long = "as", value_name = "USERNAME")]
        as_user: String,
    },
}

async fn documenter(app: &App, name: &str) -> anyhow::Result<Cap<WriteDocumentation>> {
    let a = super::acting(app, name).await?;
    a.grant()
        .map_err(|_| anyhow::anyhow!("{} is not a documenter, so may not publish", a.username))
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
        ReportCommand::Publish {
            as_of,
            lang,
            as_user,
        } => {
            let day = parse_day("as_of", &as_of)?
                .ok_or_else(|| anyhow::anyhow!("--as-of: expected YYYY-MM-DD"))?;
            let lang = Lang::parse(&lang)
                .ok_or_else(|| anyhow::anyhow!("--lang: expected en, fa or ar, got {lang:?}"))?;
            let cap = documenter(app, &as_user).await?;
            let rendered = crate::web::ui::published::rendered(lang);
            let id = publish::publish_commitments(app, &cap, day, rendered).await?;
            let p = publish::get(app, &Actor::system().grant()?, id).await?;
            println!("published report {id}, sha256 {}", p.row.sha256);
            Ok(())
        }
        ReportCommand::Published { format, out, id } => {
            let cap: Cap<ReadReports> = Actor::system().grant()?;
            if let (Some(id), Some(path)) = (id, out.as_deref()) {
                let p = publish::get(app, &cap, id).await?;
                return emit(Some(path), p.row.content.as_bytes());
            }
            let list = publish::list(app, &cap).await?;
            if format.trim().eq_ignore_ascii_case("json") {
                let mut text = serde_json::to_string_pretty(&list)?;
                text.push('\n');
                return emit(None, text.as_bytes());
            }
            for p in &list {
                let r = &p.row;
                let state = match (&r.withdrawn_at, p.intact) {
                    (Some(_), _) => format!("withdrawn: {}", r.withdrawal_reason),
                    (None, true) => "published".to_string(),
                    (None, false) => "ALTERED: content does not match its hash".to_string(),
                };
                println!(
                    "{}\t{}\t{}\t{}\t{}\t{state}",
                    r.report_id,
                    crate::clock::rfc3339(r.as_of).get(..10).unwrap_or_default(),
                    r.lang,
                    r.sha256,
                    r.published_by
                );
            }
            Ok(())
        }
        ReportCommand::Withdraw {
            id,
            reason,
            as_user,
        } => {
            let cap = documenter(app, &as_user).await?;
            publish::withdraw(app, &cap, id, &reason).await?;
            println!("report {id} withdrawn");
            Ok(())
        }
    }
}
