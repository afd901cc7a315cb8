//! One `Config`, from command-line flags, then `VIGIL_*` / `DATABASE_URL` environment
//! variables (clap reads both), then a TOML file (`--config`), then defaults.
//!
//! The master key is deliberately *not* a flag (it would show in `ps`) and never in
//! the TOML file (which sits beside the data): it comes from `VIGIL_MASTER_KEY` or
//! from a key file outside the data directory.

use std::fmt;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use crate::auth::session::Timeouts;

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read the configuration file {path}: {err}")]
    Read { path: PathBuf, err: std::io::Error },
    #[error("configuration file {path}: {err}")]
    Parse { path: PathBuf, err: String },
    #[error("{0}")]
    Invalid(String),
}

/// Options shared by every subcommand.
#[derive(clap::Args, Debug, Clone, Default)]
pub struct Options {
    /// A TOML configuration file (see `vigil config example`).
    #[arg(long, env = "VIGIL_CONFIG", global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// The data directory (SQLite database, audit checkpoints). Default: ./vigil-data
    #[arg(long, env = "VIGIL_DATA", global = true, value_name = "DIR")]
    pub data: Option<PathBuf>,
    /// Database URL: sqlite://PATH or postgres://USER@HOST/DB. Default: SQLite in the
    /// data directory.
    #[arg(
        long,
        env = "DATABASE_URL",
        global = true,
        hide_env_values = true,
        value_name = "URL"
    )]
    pub database_url: Option<String>,
    /// Where evidence files are stored (sealed). Default with SQLite: beside the
    /// database file (`vigil.db.evidence`); required with PostgreSQL.
    #[arg(long, env = "VIGIL_EVIDENCE_DIR", global = true, value_name = "DIR")]
    pub evidence_dir: Option<PathBuf>,
    /// A file holding the master key (outside the data directory). Alternatively set
    /// VIGIL_MASTER_KEY.
    #[arg(long, env = "VIGIL_KEY_FILE", global = true, value_name = "PATH")]
    pub key_file: Option<PathBuf>,
    /// Log filter, for example `info` or `vigil=debug`.
    #[arg(long, env = "VIGIL_LOG", global = true, value_name = "FILTER")]
    pub log: Option<String>,
}

/// The TOML file's shape. Unknown keys are errors, so a typo does not pass silently.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct FileConfig {
    data: Option<PathBuf>,
    database_url: Option<String>,
    evidence_dir: Option<PathBuf>,
    key_file: Option<PathBuf>,
    listen: Option<String>,
    log: Option<String>,
    secure_cookies: Option<bool>,
    #[serde(default)]
    session: FileSession,
    #[serde(default)]
    audit: FileAudit,
}

#[derive(Debug, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct FileSession {
    idle_minutes: Option<i64>,
    absolute_hours: Option<i64>,
}

#[derive(Debug, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct FileAudit {
    checkpoint_every: Option<i64>,
    checkpoint_minutes: Option<i64>,
    checkpoint_file: Option<PathBuf>,
}

/// Where the master key comes from.
#[derive(Debug, Clone)]
pub enum KeySource {
    Env,
    File(PathBuf),
    Missing,
}

#[derive(Clone)]
pub struct Config {
    pub data_dir: PathBuf,
    pub database_url: String,
    /// Where evidence files live; `None` only with PostgreSQL and nothing configured,
    /// which `App::open` refuses (see [`Config::evidence_dir`]).
    pub evidence_dir: Option<PathBuf>,
    pub key: KeySource,
    pub listen: SocketAddr,
    pub log: String,
    /// Mark cookies `Secure` (set when vigil is served over HTTPS, as it must be in
    /// production; off by default so that the local demo works over plain HTTP).
    pub secure_cookies: bool,
    pub session: Timeouts,
    pub checkpoint_every: i64,
    pub checkpoint_minutes: i64,
    pub checkpoint_file: PathBuf,
}

impl fmt::Debug for Config {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Config")
            .field("data_dir", &self.data_dir)
            .field("database_url", &redact_url(&self.database_url))
            .field("evidence_dir", &self.evidence_dir)
            .field("key", &self.key)
            .field("listen", &self.listen)
            .field("secure_cookies", &self.secure_cookies)
            .finish_non_exhaustive()
    }
}

/// A database URL with any password replaced, for logs and messages.
pub fn redact_url(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(s), Some(at)) if at > s => {
            let creds = url.get(s + 3..at).unwrap_or_default();
            let user = creds.split(':').next().unwrap_or_default();
            format!(
                "{}{user}:***{}",
                url.get(..s + 3).unwrap_or_default(),
                url.get(at..).unwrap_or_default()
            )
        }
        _ => url.to_string(),
    }
}

impl Config {
    /// Builds the configuration; `listen` is the serve flag, if given.
    pub fn load(opts: &Options, listen: Option<&str>) -> Result<Config, ConfigError> {
        let file = match &opts.config {
            Some(path) => {
                let text = std::fs::read_to_string(path).map_err(|err| ConfigError::Read {
                    path: path.clone(),
                    err,
                })?;
                toml::from_str::<FileConfig>(&text).map_err(|e| ConfigError::Parse {
                    path: path.clone(),
                    err: e.message().to_string(),
                })?
            }
            None => FileConfig::default(),
        };
        let data_dir = opts
            .data
            .clone()
            .or(file.data)
            .unwrap_or_else(|| PathBuf::from("vigil-data"));
        let database_url = opts
            .database_url
            .clone()
            .or(file.database_url)
            .unwrap_or_else(|| format!("sqlite://{}", data_dir.join("vigil.db").display()));
        let sqlite_file = sqlite_file(&database_url);
        // Beside the SQLite file by default, so the database and its evidence travel
        // together; a PostgreSQL server's disk is elsewhere, so there it must be said.
        let evidence_dir = opts.evidence_dir.clone().or(file.evidence_dir).or_else(|| {
            sqlite_file.map(|db| {
                let mut name = db.into_os_string();
                name.push(".evidence");
                PathBuf::from(name)
            })
        });
        let key = if std::env::var_os("VIGIL_MASTER_KEY").is_some() {
            KeySource::Env
        } else {
            match opts.key_file.clone().or(file.key_file) {
                Some(p) => KeySource::File(p),
                None => KeySource::Missing,
            }
        };
        let listen_text = listen
            .map(str::to_string)
            .or_else(|| std::env::var("VIGIL_LISTEN").ok())
            .or(file.listen)
            .unwrap_or_else(|| "127.0.0.1:8080".into());
        let listen = listen_text.parse().map_err(|_| {
            ConfigError::Invalid(format!(
                "listen: `{listen_text}` is not an address such as 127.0.0.1:8080"
            ))
        })?;
        let idle = positive(
            "session.idle_minutes",
            file.session.idle_minutes.unwrap_or(30),
        )?;
        let absolute = positive(
            "session.absolute_hours",
            file.session.absolute_hours.unwrap_or(12),
        )?;
        let checkpoint_every = positive(
            "audit.checkpoint_every",
            file.audit.checkpoint_every.unwrap_or(100),
        )?;
        let checkpoint_minutes = positive(
            "audit.checkpoint_minutes",
            file.audit.checkpoint_minutes.unwrap_or(10),
        )?;
        let checkpoint_file = file
            .audit
            .checkpoint_file
            .unwrap_or_else(|| data_dir.join("audit-checkpoints.jsonl"));
        let secure_cookies = match std::env::var("VIGIL_SECURE_COOKIES") {
            Ok(v) => matches!(v.as_str(), "1" | "true" | "yes"),
            Err(_) => file.secure_cookies.unwrap_or(false),
        };
        Ok(Config {
            data_dir,
            database_url,
            evidence_dir,
            key,
            listen,
            log: opts
                .log
                .clone()
                .or(file.log)
                .unwrap_or_else(|| "info".into()),
            secure_cookies,
            session: Timeouts {
                idle_ms: idle * 60_000,
                absolute_ms: absolute * 3_600_000,
            },
            checkpoint_every,
            checkpoint_minutes,
            checkpoint_file,
        })
    }

    /// The path of the SQLite database file, when the backend is SQLite.
    pub fn sqlite_path(&self) -> Option<PathBuf> {
        sqlite_file(&self.database_url)
    }

    /// The evidence directory, or the reason there is none (PostgreSQL without
    /// `--evidence-dir`).
    pub fn evidence_dir(&self) -> Result<&Path, ConfigError> {
        self.evidence_dir.as_deref().ok_or_else(|| {
            ConfigError::Invalid(
                "no evidence directory: with PostgreSQL, set --evidence-dir (or \
                 VIGIL_EVIDENCE_DIR, or evidence_dir in the configuration file) to the \
                 directory where evidence files are stored, and back it up with the database"
                    .into(),
            )
        })
    }
}

fn sqlite_file(url: &str) -> Option<PathBuf> {
    url.strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))
        .map(|p| PathBuf::from(p.split('?').next().unwrap_or(p)))
}

fn positive(name: &str, v: i64) -> Result<i64, ConfigError> {
    if v > 0 {
        Ok(v)
    } else {
        Err(ConfigError::Invalid(format!(
            "{name}: must be a positive number, got {v}"
        )))
    }
}

/// Whether `inner` lies inside `outer` (both resolved as far as they exist).
pub fn is_inside(inner: &Path, outer: &Path) -> bool {
    let resolve = |p: &Path| {
        std::fs::canonicalize(p).unwrap_or_else(|_| {
            std::env::current_dir()
                .map(|cwd| cwd.join(p))
                .unwrap_or_else(|_| p.to_path_buf())
        })
    };
    resolve(inner).starts_with(resolve(outer))
}

/// The commented example printed by `vigil config example`.
pub const EXAMPLE: &str = r#"# vigil configuration (TOML). Every setting is optional; flags and environment
# variables (shown in brackets) take precedence over this file.

# Where the SQLite database and the audit checkpoint file live. [VIGIL_DATA]
data = "/var/lib/vigil"

# SQLite (default: a file in the data directory) or PostgreSQL. [DATABASE_URL]
# database_url = "postgres://vigil@localhost/vigil"

# Where evidence files are stored, sealed (default with SQLite: beside the database
# file, as vigil.db.evidence; required with PostgreSQL). Back it up with the database
# and the key file: the database holds the files' hashes, this directory their
# bytes. [VIGIL_EVIDENCE_DIR]
# evidence_dir = "/var/lib/vigil/evidence"

# The master key file: 64 hex characters, made with `vigil key new --out FILE`.
# It must NOT be inside the data directory: whoever takes the disk with the data
# must not get the key with it. Alternatively set VIGIL_MASTER_KEY. [VIGIL_KEY_FILE]
key_file = "/etc/vigil/master.key"

# Address to listen on. Put a TLS-terminating proxy in front for anything but
# localhost, and then set secure_cookies = true. [VIGIL_LISTEN]
listen = "127.0.0.1:8080"
secure_cookies = false   # [VIGIL_SECURE_COOKIES]

# Log filter: error, warn, info, debug, or per module (vigil=debug). [VIGIL_LOG]
log = "info"

[session]
idle_minutes = 30      # signed out after this long without a request
absolute_hours = 12    # signed out this long after signing in, whatever happens

[audit]
checkpoint_every = 100   # sign a checkpoint after this many new entries…
checkpoint_minutes = 10  # …or this many minutes, whichever comes first
# The checkpoint file to hand to a third party (default: in the data directory).
# checkpoint_file = "/var/lib/vigil/audit-checkpoints.jsonl"
"#;

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn the_example_parses() {
        let f: FileConfig = toml::from_str(EXAMPLE).unwrap();
        assert_eq!(f.session.idle_minutes, Some(30));
    }

    #[test]
    fn unknown_keys_are_errors() {
        assert!(toml::from_str::<FileConfig>("lisen = \"x\"").is_err());
    }

    #[test]
    fn the_evidence_directory_defaults_beside_sqlite_and_is_required_with_postgres() {
        let sqlite = Options {
            database_url: Some("sqlite:///srv/v/vigil.db?mode=rwc".into()),
            ..Options::default()
        };
        let c = Config::load(&sqlite, None).unwrap();
        assert_eq!(
            c.evidence_dir().unwrap(),
            Path::new("/srv/v/vigil.db.evidence")
        );
        let pg = Options {
            database_url: Some("postgres://vigil@db/vigil".into()),
            ..Options::default()
        };
        let c = Config::load(&pg, None).unwrap();
        let err = c.evidence_dir().unwrap_err().to_string();
        assert!(err.contains("--evidence-dir"), "{err}");
        let given = Options {
            evidence_dir: Some("/srv/evidence".into()),
            ..pg
        };
        let c = Config::load(&given, None).unwrap();
        assert_eq!(c.evidence_dir().unwrap(), Path::new("/srv/evidence"));
    }

    #[test]
    fn passwords_in_urls_are_redacted() {
        assert_eq!(
            redact_url("postgres://vigil:s3cret@db/vigil"),
            "postgres://vigil:***@db/vigil"
        );
        assert_eq!(redact_url("sqlite://x.db"), "sqlite://x.db");
    }
}
