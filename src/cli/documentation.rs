//! `vigil incident`, `vigil source`, `vigil claim`, `vigil organisation`: the
//! documenter's corrections at the command line — retracting an incident, a source or
//! a claim with a reason, and editing an incident or an organisation — for an office
//! that corrects the record in a script. Each command acts as the account named with
//! `--as` (a documenter, as on the web) and calls the same action as the forms and the
//! API: authorised, written and audited in one transaction under that name. An edit
//! changes only the fields given; the others keep what the record holds.
//! Output is JSON, one document per command. Bad input names the field, exits with
//! code 2 and writes nothing.

use clap::{Args, Subcommand};
use serde_json::json;

use crate::actions::documentation::{self as doc, corrections, incidents};
use crate::app::App;
use crate::auth::capability::{ReadRecord, WriteDocumentation};
use crate::auth::Cap;
use crate::domain::incident::retraction::Retraction;
use crate::domain::incident::{IncidentInput, IncidentText, Precision};
use crate::domain::person::Choice;
use crate::domain::source::OrganisationInput;

/// Why, and as whom.
#[derive(Args, Debug)]
pub struct Retract {
    pub id: i64,
    /// Why it is retracted (kept beside it and in the audit trail).
    #[arg(long)]
    pub reason: String,
    /// A documenter.
    #[arg(long = "as", value_name = "USERNAME")]
    pub as_user: String,
}

#[derive(Subcommand, Debug)]
pub enum IncidentCommand {
    /// Retract an incident: it stays on record, marked, but no longer counts.
    Retract(Retract),
    /// Correct what was recorded of an incident; fields left out keep their value.
    Edit {
        id: i64,
        #[arg(long)]
        title: Option<String>,
        /// rocket_attack, armed_assault, killing, injury, … (see the form).
        #[arg(long)]
        category: Option<String>,
        /// YYYY, YYYY-MM, YYYY-MM-DD or "YYYY-MM-DD HH:MM": the precision follows.
        #[arg(long)]
        started: Option<String>,
        /// As --started; an empty value clears it.
        #[arg(long)]
        ended: Option<String>,
        /// A site's code; an empty value clears it.
        #[arg(long)]
        site: Option<String>,
        #[arg(long)]
        place: Option<String>,
        #[arg(long)]
        description: Option<String>,
        /// A documenter.
        #[arg(long = "as", value_name = "USERNAME")]
        as_user: String,
    },
}

#[derive(Subcommand, Debug)]
pub enum SourceCommand {
    /// Retract a source: its claims no longer count anywhere.
    Retract(Retract),
}

#[derive(Subcommand, Debug)]
pub enum ClaimCommand {
    /// Retract one claim (misquoted, misattributed).
    Retract(Retract),
}

#[derive(Subcommand, Debug)]
pub enum OrganisationCommand {
    /// Correct an organisation's name, kind or spellings; fields left out keep their
    /// value.
    Edit {
        id: i64,
        #[arg(long)]
        name: Option<String>,
        /// un_body, government, embassy, armed_group, ngo, media_outlet or residents.
        #[arg(long)]
        kind: Option<String>,
        /// Every other spelling, separated by `;` (replaces the list).
        #[arg(long)]
        aliases: Option<String>,
        /// A documenter.
        #[arg(long = "as", value_name = "USERNAME")]
        as_user: String,
    },
}

async fn documenter(app: &App, name: &str) -> anyhow::Result<Cap<WriteDocumentation>> {
    let a = super::acting(app, name).await?;
    a.grant()
        .map_err(|_| anyhow::anyhow!("{} is not a documenter", a.username))
}

/// The documenter's right to read what an edit starts from.
fn reader(cap: &Cap<WriteDocumentation>) -> anyhow::Result<Cap<ReadRecord>> {
    cap.actor()
        .clone()
        .grant()
        .map_err(|_| anyhow::anyhow!("{} may not read the record", cap.actor().username))
}

fn print(v: &serde_json::Value) -> anyhow::Result<()> {
    println!("{}", serde_json::to_string_pretty(v)?);
    Ok(())
}

pub async fn incident(app: &App, cmd: IncidentCommand) -> anyhow::Result<()> {
    match cmd {
        IncidentCommand::Retract(r) => {
            let cap = documenter(app, &r.as_user).await?;
            let why = Retraction::parse(&r.reason)?;
            corrections::retract_incident(app, &cap, r.id, &why).await?;
            print(&json!({ "retracted": "incident", "id": r.id }))
        }
        IncidentCommand::Edit {
            id,
            title,
            category,
            started,
            ended,
            site,
            place,
            description,
            as_user,
        } => {
            let cap = documenter(app, &as_user).await?;
            let was = incidents::get(app, &reader(&cap)?, id).await?;
            let row = &was.incident;
            let at = |at: Option<i64>, p: Option<&str>| match (at, p.map(Precision::parse)) {
                (Some(at), Some(Ok(p))) => p.format(at),
                _ => String::new(),
            };
            let was_started = at(Some(row.started_at), Some(&row.start_precision));
            let was_ended = at(row.ended_at, row.end_precision.as_deref());
            let (lat, lon) = (
                row.lat.map(|v| v.to_string()).unwrap_or_default(),
                row.lon.map(|v| v.to_string()).unwrap_or_default(),
            );
            let input = IncidentInput::parse(&IncidentText {
                title: title.as_deref().unwrap_or(&row.title),
                category: category.as_deref().unwrap_or(&row.category),
                started: started.as_deref().unwrap_or(&was_started),
                ended: ended.as_deref().unwrap_or(&was_ended),
                site: site
                    .as_deref()
                    .unwrap_or(was.site.as_deref().unwrap_or_default()),
                place: place.as_deref().unwrap_or(&row.place),
                lat: &lat,
                lon: &lon,
                geo_precision: &row.geo_precision,
                description: description.as_deref().unwrap_or(&row.description),
            })?;
            corrections::edit_incident(app, &cap, id, &input).await?;
            print(&json!({ "edited": "incident", "id": id }))
        }
    }
}

pub async fn source(app: &App, cmd: SourceCommand) -> anyhow::Result<()> {
    let SourceCommand::Retract(r) = cmd;
    let cap = documenter(app, &r.as_user).await?;
    let why = Retraction::parse(&r.reason)?;
    let incidents = corrections::retract_source(app, &cap, r.id, &why).await?;
    print(&json!({ "retracted": "source", "id": r.id, "incidents_recomputed": incidents }))
}

pub async fn claim(app: &App, cmd: ClaimCommand) -> anyhow::Result<()> {
    let ClaimCommand::Retract(r) = cmd;
    let cap = documenter(app, &r.as_user).await?;
    let why = Retraction::parse(&r.reason)?;
    let (incident, source) = corrections::retract_claim(app, &cap, r.id, &why).await?;
    print(&json!({ "retracted": "claim", "id": r.id, "incident": incident, "source": source }))
}

pub async fn organisation(app: &App, cmd: OrganisationCommand) -> anyhow::Result<()> {
    let OrganisationCommand::Edit {
        id,
        name,
        kind,
        aliases,
        as_user,
    } = cmd;
    let cap = documenter(app, &as_user).await?;
    let was = doc::get_org(app, &reader(&cap)?, id).await?.org;
    let was_aliases = was.aliases.join("; ");
    let input = OrganisationInput::parse(
        name.as_deref().unwrap_or(&was.row.name),
        kind.as_deref().unwrap_or(&was.row.kind),
        aliases.as_deref().unwrap_or(&was_aliases),
    )?;
    corrections::edit_org(app, &cap, id, &input).await?;
    print(&json!({ "edited": "organisation", "id": id }))
}
