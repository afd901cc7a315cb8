//! `vigil resettlement`: cases and offers at the command line. Reading (lists, the
//! forecast, the exports) acts as the operator or the account named with `--as`;
//! changes need `--as` a case officer, whose name goes into the audit trail.

use std::io::Write;
use std::path::PathBuf;

use clap::Subcommand;

use crate::actions::resettlement::{self, export, offers, parse_household, pipeline};
use crate::app::App;
use crate::auth::capability::{ReadRecord, WriteCases};
use crate::auth::{Actor, Cap};
use crate::domain::convoy::parse_day;
use crate::domain::export::Format;
use crate::domain::person::Choice;
use crate::domain::resettlement::{OfferInput, OfferText, Stage, StepInput, StepText};

#[derive(Subcommand, Debug)]
pub enum ResettlementCommand {
    /// Open a case for a household (its code, or a member's code).
    Open {
        household: String,
        /// The day the case was identified, YYYY-MM-DD.
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: String,
        #[arg(long, default_value = "")]
        notes: String,
        /// The case officer the change is recorded under.
        #[arg(long = "as", value_name = "USERNAME")]
        as_user: String,
    },
    /// Record a case's next step.
    Step {
        case: i64,
        /// The stage it moves to (interviewed, recognised, submitted, accepted, …).
        #[arg(long)]
        stage: String,
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: String,
        /// For a submission: the offer, or the country (ISO alpha-3).
        #[arg(long)]
        offer: Option<i64>,
        #[arg(long)]
        country: Option<String>,
        #[arg(long)]
        priority: Option<String>,
        #[arg(long)]
        category: Option<String>,
        #[arg(long, default_value = "")]
        notes: String,
        #[arg(long = "as", value_name = "USERNAME")]
        as_user: String,
    },
    /// Record a country's offer of places.
    OfferAdd {
        #[arg(long)]
        country: String,
        #[arg(long, value_name = "YYYY-MM-DD")]
        announced_on: String,
        #[arg(long)]
        places: i64,
        /// The largest household taken (default: any size).
        #[arg(long)]
        max_household: Option<i64>,
        /// Whether people with serious medical needs can be taken: yes (default) or no.
        #[arg(long, default_value = "yes")]
        medical: String,
        #[arg(long = "as", value_name = "USERNAME")]
        as_user: String,
    },
    /// The offers with places used and left, as JSON.
    Offers {
        #[arg(long = "as", value_name = "USERNAME")]
        as_user: Option<String>,
    },
    /// The cases as CSV (default) or XLSX, no personal data.
    Cases {
        #[arg(long)]
        stage: Option<String>,
        #[arg(long, default_value = "csv")]
        format: String,
        /// Write here instead of standard output (required for xlsx).
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        #[arg(long = "as", value_name = "USERNAME")]
        as_user: Option<String>,
    },
    /// People resettled by destination country and month, HXL CSV.
    Resettled {
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        #[arg(long = "as", value_name = "USERNAME")]
        as_user: Option<String>,
    },
    /// The forecast and its back-test, as JSON.
    Forecast {
        /// The day to forecast from (default: the day the record is current to).
        #[arg(long, value_name = "YYYY-MM-DD")]
        at: Option<String>,
        #[arg(long, value_name = "YYYY-MM-DD")]
        cutoff: Option<String>,
    },
}

async fn actor(app: &App, as_user: Option<&str>) -> anyhow::Result<Actor> {
    Ok(match as_user {
        None => Actor::system(),
        Some(name) => super::acting(app, name).await?,
    })
}

async fn reader(app: &App, as_user: Option<&str>) -> anyhow::Result<Cap<ReadRecord>> {
    let a = actor(app, as_user).await?;
    a.grant()
        .map_err(|_| anyhow::anyhow!("{} may not read the record", a.username))
}

async fn officer(app: &App, as_user: &str) -> anyhow::Result<Cap<WriteCases>> {
    let a = actor(app, Some(as_user)).await?;
    a.grant()
        .map_err(|_| anyhow::anyhow!("{} is not a case officer", a.username))
}

fn emit(out: Option<&std::path::Path>, bytes: &[u8]) -> anyhow::Result<()> {
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

fn day(field: &'static str, s: &str) -> anyhow::Result<i64> {
    parse_day(field, s)?.ok_or_else(|| anyhow::anyhow!("{field}: is required"))
}

pub async fn run(app: &App, cmd: ResettlementCommand) -> anyhow::Result<()> {
    match cmd {
        ResettlementCommand::Open {
            household,
            date,
            notes,
            as_user,
        } => {
            let cap = officer(app, &as_user).await?;
            let h = parse_household(&household)?;
            let id = resettlement::open(app, &cap, &h, day("date", &date)?, notes.trim()).await?;
            println!("opened case {id}");
        }
        ResettlementCommand::Step {
            case,
            stage,
            date,
            offer,
            country,
            priority,
            category,
            notes,
            as_user,
        } => {
            let cap = officer(app, &as_user).await?;
            let offer = offer.map(|o| o.to_string()).unwrap_or_default();
            let s = StepInput::parse(&StepText {
                stage: &stage,
                on: &date,
                country: country.as_deref().unwrap_or(""),
                offer: &offer,
                priority: priority.as_deref().unwrap_or(""),
                category: category.as_deref().unwrap_or(""),
                note: &notes,
            })?;
            resettlement::step(app, &cap, case, &s).await?;
            println!("case {case}: {}", s.stage.as_str());
        }
        ResettlementCommand::OfferAdd {
            country,
            announced_on,
            places,
            max_household,
            medical,
            as_user,
        } => {
            let cap = officer(app, &as_user).await?;
            let places = places.to_string();
            let max = max_household.map(|m| m.to_string()).unwrap_or_default();
            let o = OfferInput::parse(&OfferText {
                country: &country,
                announced_on: &announced_on,
                places: &places,
                max_household: &max,
                medical: &medical,
                note: "",
            })?;
            println!("added offer {}", offers::create(app, &cap, &o).await?);
        }
        ResettlementCommand::Offers { as_user } => {
            let cap = reader(app, as_user.as_deref()).await?;
            let list = offers::list(app, &cap).await?;
            println!("{}", serde_json::to_string_pretty(&list)?);
        }
        ResettlementCommand::Cases {
            stage,
            format,
            out,
            as_user,
        } => {
            let format: Format = format.parse()?;
            if format == Format::Xlsx && out.is_none() {
                anyhow::bail!("an XLSX export needs --out FILE");
            }
            let stage = stage.as_deref().map(Stage::parse).transpose()?;
            let cap = reader(app, as_user.as_deref()).await?;
            emit(
                out.as_deref(),
                &export::cases(app, &cap, stage, format).await?,
            )?;
        }
        ResettlementCommand::Resettled { out, as_user } => {
            let cap = reader(app, as_user.as_deref()).await?;
            emit(
                out.as_deref(),
                export::resettled(app, &cap).await?.as_bytes(),
            )?;
        }
        ResettlementCommand::Forecast { at, cutoff } => {
            let cap = reader(app, None).await?;
            let at = match parse_day("at", at.as_deref().unwrap_or(""))? {
                Some(d) => d,
                None => pipeline::default_as_of(app).await?,
            };
            let cutoff = parse_day("cutoff", cutoff.as_deref().unwrap_or(""))?;
            let r = pipeline::forecast(app, &cap, at, cutoff).await?;
            println!("{}", serde_json::to_string_pretty(&r)?);
        }
    }
    Ok(())
}
