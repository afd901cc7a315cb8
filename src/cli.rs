//! The command line: every subcommand of the one `vigil` binary.

use std::io::BufRead;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::actions::{self, trail::Checkpoints};
use crate::app::{self, App, AppError};
use crate::auth::Actor;
use crate::clock::Clock;
use crate::config::{Config, Options};
use crate::crypto::MasterKey;
use crate::domain::{Password, Role, Username};
use crate::store;

// evidence
mod evidence;
mod export;
mod report;
// resettlement
mod registry;
mod resettlement;

#[derive(Parser, Debug)]
#[command(
    name = "vigil",
    version,
    about = "A protection-monitoring record for displaced people at risk"
)]
pub struct Cli {
    #[command(flatten)]
    pub options: Options,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Run the web application and the JSON API.
    Serve {
        /// Address to listen on (default 127.0.0.1:8080). [env: VIGIL_LISTEN]
        #[arg(long, value_name = "ADDR")]
        listen: Option<String>,
        /// Start with the built-in demo: a fresh demo data directory, demo keys, one
        /// account per role, and the Ashraf/Liberty story.
        #[arg(long)]
        demo: bool,
        /// With --demo: where the demo keys go (default ./vigil-demo-keys).
        #[arg(long, value_name = "DIR", requires = "demo")]
        key_dir: Option<PathBuf>,
    },
    /// Master keys: make one, rotate it.
    #[command(subcommand)]
    Key(KeyCommand),
    /// Accounts: add, change, disable, list.
    #[command(subcommand)]
    User(UserCommand),
    /// The database: apply migrations, check them.
    #[command(subcommand)]
    Db(DbCommand),
    /// The audit trail: verify it, sign a checkpoint, show the public key.
    #[command(subcommand)]
    Audit(AuditCommand),
    /// Configuration: print a commented example, or the effective settings.
    #[command(subcommand)]
    Config(ConfigCommand),
    /// Import records from a file.
    #[command(subcommand)]
    Import(ImportCommand),
    /// Export the registry (redacted) or population figures to a file.
    #[command(subcommand)]
    Export(export::ExportCommand),
    /// Evidence: the court bundle of an incident, the spool sweep.
    #[command(subcommand)]
    Evidence(evidence::EvidenceCommand),
    /// The search index: rebuild it.
    #[command(subcommand)]
    Search(evidence::SearchCommand),
    /// Reports: commitments and breaches (JSON, CSV or XLSX).
    #[command(subcommand)]
    Report(report::ReportCommand),
    /// Print the OpenAPI 3.1 document of the JSON API.
    Openapi,
    /// Run the benchmark scenarios, each against an anchor in the same run.
    Bench(crate::bench::BenchArgs),
    // resettlement
    /// Resettlement cases and offers: open, step, list, export, forecast.
    #[command(subcommand)]
    Resettlement(resettlement::ResettlementCommand),
    /// The duplicate queue and the watch list: list, decide, keep.
    #[command(subcommand)]
    Registry(registry::RegistryCommand),
}

#[derive(Subcommand, Debug)]
pub enum KeyCommand {
    /// Make a new master key and write it to a file (mode 0600) or print it.
    New {
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Re-wrap the keyring under a new master key (the current one opens the data).
    Rotate {
        /// The new key file (make it first with `vigil key new --out FILE`).
        #[arg(long, value_name = "FILE")]
        new_key_file: PathBuf,
    },
}

#[derive(Subcommand, Debug)]
pub enum ImportCommand {
    /// Import people from a CSV or XLSX file (layout: docs/import.md). Every row is
    /// checked first; a file with any rejected row imports nothing.
    People {
        file: PathBuf,
        /// The registrar account the import is recorded under.
        #[arg(long = "as", value_name = "USERNAME")]
        as_user: String,
        /// Check the file and print the report; write nothing.
        #[arg(long)]
        dry_run: bool,
    },
    /// Print the import template (CSV with the HXL row) to standard output.
    Template,
}

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

#[derive(Subcommand, Debug)]
pub enum DbCommand {
    /// Apply pending migrations.
    Migrate,
    /// Report applied, pending and altered migrations; exit 1 unless all is in order.
    Check,
}

#[derive(Subcommand, Debug)]
pub enum AuditCommand {
    /// Recompute the hash chain and check every signed checkpoint.
    Verify {
        /// A checkpoint file handed over earlier (default: the database's copies).
        #[arg(long, value_name = "FILE")]
        checkpoints: Option<PathBuf>,
        /// The checkpoint public key you were given (hex); default: this keyring's.
        #[arg(long, value_name = "HEX")]
        public_key: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Sign a checkpoint of the trail's head now.
    Checkpoint,
    /// Print the public key that verifies checkpoints, to hand to third parties.
    PublicKey,
    /// Check an unpacked court bundle (no database needed): the checkpoint's
    /// signature, the trail segment's chain, the manifests and every file.
    VerifyBundle {
        /// The folder the bundle was unpacked into.
        dir: PathBuf,
        /// The checkpoint public key you were given separately (hex).
        #[arg(long, value_name = "HEX")]
        public_key: String,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand, Debug)]
pub enum ConfigCommand {
    /// Print a commented example configuration file.
    Example,
    /// Print the effective configuration (secrets redacted).
    Show,
}

/// Parses the command line, runs it, and maps the outcome to an exit code.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let log = cli.options.log.clone().unwrap_or_else(|| "info".into());
    let filter = tracing_subscriber::EnvFilter::try_new(&log)
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .init();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("vigil: cannot start the async runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(cli)) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("vigil: {e:#}");
            ExitCode::FAILURE
        }
    }
}

async fn open(options: &Options, listen: Option<&str>) -> Result<(App, MasterKey), AppError> {
    let config = Config::load(options, listen)?;
    let master = app::load_master_key(&config)?;
    let app = App::open(config, &master, Clock::System).await?;
    Ok((app, master))
}

async fn find_user(app: &App, name: &str) -> anyhow::Result<store::users::UserRow> {
    let username = Username::parse(name)?;
    let mut c = app.store.read().await?;
    store::users::by_username(&mut c, username.as_str())
        .await?
        .ok_or_else(|| anyhow::anyhow!("no account named {username}"))
}

/// The account a command acts as (`--as NAME`): its role decides what it may do, and
/// its name goes into the audit trail.
async fn acting(app: &App, name: &str) -> anyhow::Result<Actor> {
    let u = find_user(app, name).await?;
    Ok(Actor {
        user_id: u.user_id,
        username: u.username.clone(),
        role: u.role.parse()?,
    })
}

fn read_password(from_stdin: bool) -> anyhow::Result<Option<Password>> {
    if !from_stdin {
        return Ok(None);
    }
    let mut line = String::new();
    std::io::stdin().lock().read_line(&mut line)?;
    Ok(Some(Password::parse(line.trim_end_matches(['\r', '\n']))?))
}

pub async fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let opts = &cli.options;
    match cli.command {
        Command::Serve {
            listen,
            demo,
            key_dir,
        } => {
            if demo {
                crate::demo::serve_demo(opts, listen.as_deref(), key_dir).await?;
            } else {
                let (app, _) = open(opts, listen.as_deref()).await?;
                let mut c = app.store.read().await?;
                if store::users::count(&mut c).await? == 0 {
                    anyhow::bail!(
                        "there are no accounts yet. Create the first admin with:\n  \
                         vigil user add NAME --role admin\n(with the same --data/--key-file or DATABASE_URL), then start again."
                    );
                }
                drop(c);
                crate::web::serve(app, None).await?;
            }
        }
        Command::Key(KeyCommand::New { out }) => {
            let key = MasterKey::generate();
            match out {
                Some(path) => {
                    app::write_key_file(&path, &key, false)?;
                    println!(
                        "wrote a new master key to {} (fingerprint {})",
                        path.display(),
                        key.fingerprint()
                    );
                    println!("keep it apart from the data directory, and back it up: without it the personal data cannot be read.");
                }
                None => println!("{}", key.to_hex()),
            }
        }
        Command::Key(KeyCommand::Rotate { new_key_file }) => {
            let (app, old) = open(opts, None).await?;
            let text = std::fs::read_to_string(&new_key_file)
                .map_err(|e| anyhow::anyhow!("cannot read {}: {e}", new_key_file.display()))?;
            let new = MasterKey::parse(&text)?;
            let cap = Actor::system().grant()?;
            let n = actions::keys::rotate_master_key(&app, &cap, &old, &new).await?;
            println!(
                "re-wrapped {n} keys: the data now opens with {} (fingerprint {}); retire the old key {}",
                new_key_file.display(),
                new.fingerprint(),
                old.fingerprint()
            );
        }
        Command::User(cmd) => user_command(opts, cmd).await?,
        Command::Db(DbCommand::Migrate) => {
            let config = Config::load(opts, None)?;
            if let Some(dir) = config
                .sqlite_path()
                .as_deref()
                .and_then(std::path::Path::parent)
            {
                std::fs::create_dir_all(dir)?;
            }
            let s = store::Store::connect(&config.database_url).await?;
            s.migrate().await?;
            let st = s.migration_status().await?;
            println!(
                "{}: {} migration(s) applied, none pending",
                st.backend,
                st.applied.len()
            );
        }
        Command::Db(DbCommand::Check) => {
            let config = Config::load(opts, None)?;
            let s = store::Store::connect(&config.database_url).await?;
            let st = s.migration_status().await?;
            println!("{}: applied {:?}", st.backend, st.applied);
            for p in &st.pending {
                println!("pending: {p}");
            }
            for m in &st.modified {
                println!("ALTERED after it was applied: migration {m}");
            }
            for u in &st.unknown {
                println!("unknown to this vigil (database is newer): migration {u}");
            }
            if !st.ok() {
                return Ok(ExitCode::FAILURE);
            }
            println!("migrations in order");
        }
        Command::Audit(AuditCommand::Verify {
            checkpoints,
            public_key,
            json,
        }) => {
            let (app, _) = open(opts, None).await?;
            let source = match &checkpoints {
                Some(path) => {
                    let text = std::fs::read_to_string(path)
                        .map_err(|e| anyhow::anyhow!("cannot read {}: {e}", path.display()))?;
                    Checkpoints::Given(
                        crate::audit::parse_checkpoints(&text).map_err(anyhow::Error::msg)?,
                    )
                }
                None => Checkpoints::Stored,
            };
            let cap = Actor::system().grant()?;
            let report = actions::trail::verify(&app, &cap, source, public_key.as_deref()).await?;
            if json {
                println!("{}", serde_json::to_string_pretty(&report)?);
            } else {
                println!(
                    "{} entries, last {} ({}), {} checkpoint(s)",
                    report.entries, report.last_seq, report.last_hash, report.checkpoints
                );
                for p in &report.problems {
                    println!("PROBLEM: {p}");
                }
                println!(
                    "{}",
                    if report.ok() {
                        "audit trail intact"
                    } else {
                        "AUDIT TRAIL FAILED VERIFICATION"
                    }
                );
            }
            if !report.ok() {
                return Ok(ExitCode::FAILURE);
            }
        }
        Command::Audit(AuditCommand::Checkpoint) => {
            let (app, _) = open(opts, None).await?;
            match app.checkpoint_if_due(true).await? {
                Some(cp) => println!(
                    "checkpoint at entry {} written to {}",
                    cp.seq,
                    app.config.checkpoint_file.display()
                ),
                None => println!("nothing new since the last checkpoint"),
            }
        }
        Command::Audit(AuditCommand::PublicKey) => {
            let (app, _) = open(opts, None).await?;
            println!("{}", app.keys.verifying_key_hex());
        }
        Command::Audit(AuditCommand::VerifyBundle {
            dir,
            public_key,
            json,
        }) => return evidence::verify_bundle(&dir, &public_key, json),
        Command::Evidence(cmd) => {
            let (app, _) = open(opts, None).await?;
            evidence::run(&app, cmd).await?;
        }
        Command::Search(cmd) => {
            let (app, _) = open(opts, None).await?;
            evidence::search_command(&app, cmd).await?;
        }
        Command::Config(ConfigCommand::Example) => print!("{}", crate::config::EXAMPLE),
        Command::Config(ConfigCommand::Show) => {
            let config = Config::load(opts, None)?;
            println!("{config:#?}");
        }
        Command::Import(ImportCommand::Template) => print!("{}", crate::io::layout::template_csv()),
        Command::Import(ImportCommand::People {
            file,
            as_user,
            dry_run,
        }) => {
            let (app, _) = open(opts, None).await?;
            if !import_people(&app, &file, &as_user, dry_run).await? {
                return Ok(ExitCode::FAILURE);
            }
        }
        Command::Export(cmd) => {
            let (app, _) = open(opts, None).await?;
            export::run(&app, cmd).await?;
        }
        Command::Report(cmd) => {
            let (app, _) = open(opts, None).await?;
            report::run(&app, cmd).await?;
        }
        Command::Openapi => println!("{}", crate::web::api::openapi_json()),
        Command::Bench(args) => crate::bench::run(args).await?,
        // resettlement
        Command::Resettlement(cmd) => {
            let (app, _) = open(opts, None).await?;
            resettlement::run(&app, cmd).await?;
        }
        Command::Registry(cmd) => {
            let (app, _) = open(opts, None).await?;
            registry::run(&app, cmd).await?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

async fn user_command(opts: &Options, cmd: UserCommand) -> anyhow::Result<()> {
    let (app, _) = open(opts, None).await?;
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
            let u = find_user(&app, &name).await?;
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
            let u = find_user(&app, &name).await?;
            let role = role.parse::<Role>()?;
            actions::users::set_role(&app, &cap, u.user_id, role).await?;
            println!("{} is now {role} (sessions ended)", u.username);
        }
        UserCommand::Disable { name } => {
            let u = find_user(&app, &name).await?;
            actions::users::set_disabled(&app, &cap, u.user_id, true).await?;
            println!("{} disabled (sessions ended)", u.username);
        }
        UserCommand::Enable { name } => {
            let u = find_user(&app, &name).await?;
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

/// `vigil import people`: prints the report; returns whether the file was accepted.
async fn import_people(
    app: &App,
    file: &std::path::Path,
    as_user: &str,
    dry_run: bool,
) -> anyhow::Result<bool> {
    use sha2::Digest;
    let user = find_user(app, as_user).await?;
    let actor = Actor {
        user_id: user.user_id,
        username: user.username.clone(),
        role: user.role.parse()?,
    };
    let cap = actor
        .grant::<crate::auth::capability::WriteRegistry>()
        .map_err(|_| {
            anyhow::anyhow!(
                "{} is not a registrar: imports are recorded under a registrar's account",
                user.username
            )
        })?;
    let bytes =
        std::fs::read(file).map_err(|e| anyhow::anyhow!("cannot read {}: {e}", file.display()))?;
    let name = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let hash = hex::encode(sha2::Sha256::digest(&bytes));
    let year = crate::clock::year_of(app.now());
    let mut report = tokio::task::spawn_blocking(move || {
        crate::io::table::read_table(&bytes, &name)
            .map(|t| crate::io::import::validate_people(&t, year))
    })
    .await?
    .map_err(|e| anyhow::anyhow!("{}: {e}", file.display()))?;
    let sites = actions::registry::import::check(app, &mut report).await?;
    for p in &report.rejected {
        println!(
            "line {}: {}: {}",
            p.line,
            if p.field.is_empty() { "row" } else { &p.field },
            p.message
        );
    }
    for p in &report.warnings {
        println!("line {} (warning): {}: {}", p.line, p.field, p.message);
    }
    println!(
        "{} row(s) read, {} accepted, {} rejected",
        report.rows,
        report.accepted.len(),
        report.rejected_rows()
    );
    if report.file_rejected || !report.rejected.is_empty() {
        println!("nothing was imported: correct the rows above and import the file again");
        return Ok(false);
    }
    if dry_run {
        println!("dry run: nothing was written");
        return Ok(true);
    }
    let total = report.accepted.len();
    let tty = std::io::IsTerminal::is_terminal(&std::io::stderr());
    let out = actions::registry::import::commit(app, &cap, &report, &sites, &hash, |done| {
        if tty {
            let width = 30;
            let filled = done * width / total.max(1);
            eprint!(
                "\r[{}{}] {done}/{total}",
                "#".repeat(filled),
                " ".repeat(width - filled)
            );
        }
    })
    .await?;
    if tty {
        eprintln!();
    }
    println!(
        "imported: {} added, {} updated, {} household(s) created, in {} batch(es)",
        out.added, out.updated, out.households_created, out.batches
    );
    if out.flagged > 0 {
        println!(
            "{} imported people may be duplicates or match the watch list: see /registry/matches",
            out.flagged
        );
    }
    if out.merged_skipped > 0 {
        println!(
            "{} rows left unchanged: their records were merged into others",
            out.merged_skipped
        );
    }
    Ok(true)
}
