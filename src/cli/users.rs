//! `vigil user`: accounts from the command line, acting as the system (the operator
//! who holds the master key); every change is audited like one made on the web.

use std::io::BufRead;

use clap::Subcommand;

use crate::actions;
use crate::auth::Actor;
use crate::config::Options;
use crate::domain::{Password, Role, Username};

#[derive(Subcommand, Debug)]
pub enum UserCommand {
    /// Add an account. Without --password-stdin a password is generated and printed once.
    Add {
        name: String,
        #[arg(long)]
        role: String,
        /// Read the password from standard input (one line).
        #[arg(long)]
        password_stdin: bool,
    },
    /// Set a new password (generated, or read with --password-stdin). Ends the
    /// account's sessions.
    Passwd {
        name: String,
        #[arg(long)]
        password_stdin: bool,
    },
    /// Change an account's role. Ends its sessions.
    Role { name: String, role: String },
    /// Disable an account. Ends its sessions.
    Disable { name: String },
    /// Enable a disabled account.
    Enable { name: String },
    /// List accounts (no personal data).
    List {
        #[arg(long)]
        json: bool,
    },
}

fn read_password(from_stdin: bool) -> anyhow::Result<Option<Password>> {
    if !from_stdin {
        return Ok(None);
    }
    let mut line = String::new();
    std::io::stdin().lock().read_line(&mut line)?;
    Ok(Some(Password::parse(line.trim_end_matches(['\r', '\n']))?))
}

pub(super) async fn user_command(opts: &Options, cmd: UserCommand) -> anyhow::Result<()> {
    let (app, _) = super::open(opts, None).await?;
    let cap = Actor::system().grant()?;
    match cmd {
        UserCommand::Add {
            name,
            role,
            password_stdin,
        } => {
            let new = actions::users::NewUser {
                username: Username::parse(&name)?,
                role: role.parse::<Role>()?,
                password: read_password(password_stdin)?,
                full_name: None,
                contact: None,
            };
            let username = new.username.clone();
            let role = new.role;
            let (_, generated) = actions::users::create(&app, &cap, new).await?;
            match generated {
                Some(p) => println!("{role}: {username} / {p}"),
                None => println!("added {username} as {role}"),
            }
        }
        UserCommand::Passwd {
            name,
            password_stdin,
        } => {
            let u = super::find_user(&app, &name).await?;
            let generated = actions::users::reset_password(
                &app,
                &cap,
                u.user_id,
                read_password(password_stdin)?,
            )
            .await?;
            match generated {
                Some(p) => println!("{}: new password {p} (sessions ended)", u.username),
                None => println!("{}: password changed (sessions ended)", u.username),
            }
        }
        UserCommand::Role { name, role } => {
            let u = super::find_user(&app, &name).await?;
            let role = role.parse::<Role>()?;
            actions::users::set_role(&app, &cap, u.user_id, role).await?;
            println!("{} is now {role} (sessions ended)", u.username);
        }
        UserCommand::Disable { name } => {
            let u = super::find_user(&app, &name).await?;
            actions::users::set_disabled(&app, &cap, u.user_id, true).await?;
            println!("{} disabled (sessions ended)", u.username);
        }
        UserCommand::Enable { name } => {
            let u = super::find_user(&app, &name).await?;
            actions::users::set_disabled(&app, &cap, u.user_id, false).await?;
            println!("{} enabled", u.username);
        }
        UserCommand::List { json } => {
            let users = actions::users::list(&app, &cap).await?;
            if json {
                println!("{}", serde_json::to_string_pretty(&users)?);
            } else {
                for u in users {
                    println!(
                        "{:<24} {:<13} {}",
                        u.username,
                        u.role.as_str(),
                        if u.disabled { "disabled" } else { "active" }
                    );
                }
            }
        }
    }
    Ok(())
}
