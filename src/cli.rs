//! The command line: every subcommand of the one `vigil` binary.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::actions::{self, trail::Checkpoints};
use crate::app::{self, App, AppError};
use crate::auth::Actor;
use crate::clock::Clock;
use crate::config::{Config, Options};
use crate::crypto::MasterKey;
use crate::domain::Username;
use crate::store;

mod documentation;
// evidence
mod evidence;
mod export;
mod import;
mod report;
mod users;
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
    User(users::UserCommand),
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
    Import(import::ImportCommand),
    /// Export the registry (redacted) or population figures to a file.
    #[command(subcommand)]
    Export(export::ExportCommand),
    /// Evidence: the court bundle of an incident, the spool sweep, checking the stored
    /// files, moving an older database's evidence into files.
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
    /// Incidents: retract, edit (as a documenter).
    #[command(subcommand)]
    Incident(documentation::IncidentCommand),
    /// Sources: retract (as a documenter).
    #[command(subcommand)]
    Source(documentation::SourceCommand),
    /// Claims: retract (as a documenter).
    #[command(subcommand)]
    Claim(documentation::ClaimCommand),
    /// Organisations: edit (as a documenter).
    #[command(subcommand)]
    Organisation(documentation::OrganisationCommand),
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
            exit_code(&e)
        }
    }
}

/// 2 for input that does not parse (the message names the field; nothing was
/// written), 1 for anything else.
fn exit_code(e: &anyhow::Error) -> ExitCode {
    let invalid = e.chain().any(|c| {
        c.downcast_ref::<crate::domain::Invalid>().is_some()
            || matches!(
                c.downcast_ref::<actions::ActionError>(),
                Some(actions::ActionError::Invalid(_))
            )
    });
    if invalid {
        ExitCode::from(2)
    } else {
        ExitCode::FAILURE
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
        Command::User(cmd) => users::user_command(opts, cmd).await?,
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
        Command::Import(import::ImportCommand::Template) => {
            print!("{}", crate::io::layout::template_csv())
        }
        Command::Import(import::ImportCommand::People {
            file,
            as_user,
            dry_run,
        }) => {
            let (app, _) = open(opts, None).await?;
            if !import::import_people(&app, &file, &as_user, dry_run).await? {
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
        Command::Incident(cmd) => {
            let (app, _) = open(opts, None).await?;
            documentation::incident(&app, cmd).await?;
        }
        Command::Source(cmd) => {
            let (app, _) = open(opts, None).await?;
            documentation::source(&app, cmd).await?;
        }
        Command::Claim(cmd) => {
            let (app, _) = open(opts, None).await?;
            documentation::claim(&app, cmd).await?;
        }
        Command::Organisation(cmd) => {
            let (app, _) = open(opts, None).await?;
            documentation::organisation(&app, cmd).await?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
