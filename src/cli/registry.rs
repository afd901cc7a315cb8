//! `vigil registry`: the registrar's duplicate queue and the admin's watch list at the
//! command line — for an office that works through the queue in a script, or keeps
//! the watch list from a secure terminal. Every command acts as the account named
//! with `--as` (its role decides what it may do, as on the web), and every decision
//! and every opening of the watch list is audited under that name.
//! Output is JSON, one document per command; nothing printed is personal data except
//! the watch list itself, which only an admin opens.

use clap::Subcommand;

use crate::actions::registry::{matches, watchlist};
use crate::app::App;
use crate::auth::capability::{ManageWatchList, WriteRegistry};
use crate::auth::Cap;
use crate::domain::matching::{
    Decision, DecisionReason, FlagStatus, Keep, MatchReason, WatchInput,
};
use crate::domain::person::Choice;

#[derive(Subcommand, Debug)]
pub enum RegistryCommand {
    /// A page of duplicate and watch-list flags (open ones by default), oldest first,
    /// as JSON with the cursor of the next page.
    Matches {
        /// open, merged, distinct, confirmed or superseded.
        #[arg(long, default_value = "open")]
        status: String,
        /// document, name_birth_year or watch_list.
        #[arg(long)]
        reason: Option<String>,
        /// The cursor printed as `next` by the previous page.
        #[arg(long)]
        after: Option<i64>,
        /// A registrar.
        #[arg(long = "as", value_name = "USERNAME")]
        as_user: String,
    },
    /// Decide an open flag: same (merge the pair), distinct, or confirmed (a
    /// watch-list match holds).
    Decide {
        flag: i64,
        #[arg(long)]
        decision: String,
        /// Why, without personal data ("same document seen").
        #[arg(long)]
        reason: String,
        /// For a merge: whose code stays, a (default, the earlier record) or b.
        #[arg(long, default_value = "a")]
        keep: String,
        #[arg(long = "as", value_name = "USERNAME")]
        as_user: String,
    },
    /// The watch list: list, add, remove (admins only).
    #[command(subcommand)]
    Watchlist(WatchCommand),
}

#[derive(Subcommand, Debug)]
pub enum WatchCommand {
    /// Every entry, opened (one audited view).
    List {
        /// Removed entries too.
        #[arg(long)]
        all: bool,
        #[arg(long = "as", value_name = "USERNAME")]
        as_user: String,
    },
    /// Add an entry; prints its id and how many registered people it flagged.
    Add {
        #[arg(long)]
        name: String,
        /// known_agent, impersonator, infiltrator or other.
        #[arg(long)]
        category: String,
        #[arg(long, default_value = "")]
        note: String,
        #[arg(long = "as", value_name = "USERNAME")]
        as_user: String,
    },
    /// Remove an entry: it stops matching and its open flags close.
    Remove {
        entry: i64,
        #[arg(long = "as", value_name = "USERNAME")]
        as_user: String,
    },
}

async fn registrar(app: &App, name: &str) -> anyhow::Result<Cap<WriteRegistry>> {
    let a = super::acting(app, name).await?;
    a.grant()
        .map_err(|_| anyhow::anyhow!("{} is not a registrar", a.username))
}

async fn admin(app: &App, name: &str) -> anyhow::Result<Cap<ManageWatchList>> {
    let a = super::acting(app, name).await?;
    a.grant()
        .map_err(|_| anyhow::anyhow!("{} may not keep the watch list", a.username))
}

fn print(v: &impl serde::Serialize) -> anyhow::Result<()> {
    println!("{}", serde_json::to_string_pretty(v)?);
    Ok(())
}

pub async fn run(app: &App, cmd: RegistryCommand) -> anyhow::Result<()> {
    match cmd {
        RegistryCommand::Matches {
            status,
            reason,
            after,
            as_user,
        } => {
            let cap = registrar(app, &as_user).await?;
            let status = FlagStatus::parse(&status)?;
            let reason = reason.as_deref().map(MatchReason::parse).transpose()?;
            let (flags, next) = matches::list(app, &cap, status, reason, after).await?;
            print(&serde_json::json!({ "flags": flags, "next": next }))
        }
        RegistryCommand::Decide {
            flag,
            decision,
            reason,
            keep,
            as_user,
        } => {
            let cap = registrar(app, &as_user).await?;
            let decided = matches::decide(
                app,
                &cap,
                flag,
                Decision::parse(&decision)?,
                &DecisionReason::parse(&reason)?,
                Keep::parse(&keep)?,
            )
            .await?;
            print(&decided)
        }
        RegistryCommand::Watchlist(WatchCommand::List { all, as_user }) => {
            let cap = admin(app, &as_user).await?;
            print(&watchlist::list(app, &cap, all).await?)
        }
        RegistryCommand::Watchlist(WatchCommand::Add {
            name,
            category,
            note,
            as_user,
        }) => {
            let cap = admin(app, &as_user).await?;
            let (id, flagged) =
                watchlist::add(app, &cap, &WatchInput::parse(&name, &category, &note)?).await?;
            print(&serde_json::json!({ "entry": id, "flagged": flagged }))
        }
        RegistryCommand::Watchlist(WatchCommand::Remove { entry, as_user }) => {
            let cap = admin(app, &as_user).await?;
            watchlist::remove(app, &cap, entry).await?;
            print(&serde_json::json!({ "removed": entry }))
        }
    }
}
