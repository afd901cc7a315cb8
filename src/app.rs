//! Opening vigil: the master key, the store, the keyring and the clock, wired into
//! one `App` that every surface (web, CLI, benchmarks, tests) shares.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::auth::throttle::Throttle;
use crate::clock::Clock;
use crate::config::{is_inside, Config, ConfigError, KeySource};
use crate::crypto::{CryptoError, Keyring, MasterKey, SecretKey};
use crate::store::{self, Store, StoreError};

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error(transparent)]
    Config(#[from] ConfigError),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Crypto(#[from] CryptoError),
    #[error("{0}")]
    Key(String),
    #[error("{what}: {err}")]
    Io { what: String, err: std::io::Error },
}

pub const NO_KEY_HELP: &str = "vigil needs a master key to open its data, and none was given.\n\
  Make one:  vigil key new --out /etc/vigil/master.key\n\
  Then start with  --key-file /etc/vigil/master.key  (or set VIGIL_MASTER_KEY to its contents).\n\
  Keep the key file outside the data directory and back it up apart from the data:\n\
  without it, the personal data in the record cannot be read by anyone.";

/// Reads the master key from the environment or the key file, refusing a key file
/// that lies inside the data directory or beside the SQLite database.
pub fn load_master_key(config: &Config) -> Result<MasterKey, AppError> {
    match &config.key {
        KeySource::Env => {
            let text = std::env::var("VIGIL_MASTER_KEY").unwrap_or_default();
            MasterKey::parse(&text).map_err(|e| AppError::Key(format!("VIGIL_MASTER_KEY: {e}")))
        }
        KeySource::File(path) => {
            let mut forbidden = vec![config.data_dir.clone()];
            forbidden.extend(config.evidence_dir.clone());
            if let Some(parent) = config.sqlite_path().as_deref().and_then(Path::parent) {
                if !parent.as_os_str().is_empty() {
                    forbidden.push(parent.to_path_buf());
                }
            }
            if forbidden.iter().any(|dir| is_inside(path, dir)) {
                return Err(AppError::Key(format!(
                    "the key file {} is inside the data directory; move it elsewhere, so that \
                     whoever takes the data does not get the key with it",
                    path.display()
                )));
            }
            let text = std::fs::read_to_string(path).map_err(|err| AppError::Io {
                what: format!("cannot read the key file {}", path.display()),
                err,
            })?;
            MasterKey::parse(&text).map_err(|e| AppError::Key(format!("{}: {e}", path.display())))
        }
        KeySource::Missing => Err(AppError::Key(NO_KEY_HELP.into())),
    }
}

/// Writes a new master key file readable only by its owner.
pub fn write_key_file(path: &Path, key: &MasterKey, demo: bool) -> Result<(), AppError> {
    let io = |err| AppError::Io {
        what: format!("cannot write the key file {}", path.display()),
        err,
    };
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(io)?;
    }
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(0o600);
    }
    let mut f = opts.open(path).map_err(io)?;
    let label = if demo {
        "# DEMO master key for vigil: for the demo data only, never for real data.\n"
    } else {
        "# vigil master key. Keep it secret, keep it apart from the data, back it up.\n"
    };
    write!(
        f,
        "{label}# fingerprint {}\n{}\n",
        key.fingerprint(),
        key.to_hex()
    )
    .map_err(io)?;
    f.sync_all().map_err(io)
}

/// A running vigil's shared state.
pub struct App {
    pub config: Config,
    /// Where evidence files are stored (see `actions::documentation::blobs`).
    pub evidence_dir: PathBuf,
    pub store: Store,
    pub keys: Keyring,
    pub clock: Clock,
    pub throttle: Throttle,
    /// The data is the built-in demo (synthetic people); the UI says so on every page.
    pub demo: bool,
}

impl App {
    /// Opens the store (migrating it) and unlocks the keyring, creating it on first use.
    pub async fn open(config: Config, master: &MasterKey, clock: Clock) -> Result<App, AppError> {
        // Refused before anything is opened: a PostgreSQL record with nowhere to put
        // its evidence must not start half-working.
        let evidence_dir = config.evidence_dir()?.to_path_buf();
        std::fs::create_dir_all(&evidence_dir).map_err(|err| AppError::Io {
            what: format!(
                "cannot create the evidence directory {}",
                evidence_dir.display()
            ),
            err,
        })?;
        if let Some(path) = config.sqlite_path() {
            if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                std::fs::create_dir_all(dir).map_err(|err| AppError::Io {
                    what: format!("cannot create {}", dir.display()),
                    err,
                })?;
            }
        }
        let store = Store::connect(&config.database_url).await?;
        store.migrate().await?;
        // Incidents recorded before their facts were stored (or bulk-loaded) get them
        // now, so the timeline never reads a stale row.
        {
            let mut tx = store.write().await?;
            store::incident_facts::refresh_stale(&mut tx, clock.now()).await?;
            tx.commit().await.map_err(store::StoreError::from)?;
        }
        let keys = unlock_keyring(&store, master, &clock).await?;
        let demo = {
            let mut c = store.read().await?;
            store::settings::get(&mut c, "demo").await?.as_deref() == Some("1")
        };
        Ok(App {
            config,
            evidence_dir,
            store,
            keys,
            clock,
            throttle: Throttle::default(),
            demo,
        })
    }

    pub fn now(&self) -> i64 {
        self.clock.now()
    }

    /// Signs a checkpoint of the trail's head when enough entries or time have passed
    /// since the last one (or always, with `force`, if there is anything new), stores
    /// it, and appends it to the checkpoint file. Returns the checkpoint written.
    pub async fn checkpoint_if_due(
        &self,
        force: bool,
    ) -> Result<Option<crate::audit::Checkpoint>, AppError> {
        let now = self.now();
        let mut tx = self.store.write().await?;
        let (seq, hash) = store::audit::head(&mut tx).await?;
        let last = store::audit::last_checkpoint(&mut tx).await?;
        let (last_seq, last_at) = last.unwrap_or((0, 0));
        let due = seq > last_seq
            && (force
                || seq - last_seq >= self.config.checkpoint_every
                || now - last_at >= self.config.checkpoint_minutes * 60_000);
        if !due {
            return Ok(None);
        }
        let cp = crate::audit::sign_checkpoint(self.keys.signing_key(), seq, &hash, now);
        store::audit::insert_checkpoint(&mut tx, &cp).await?;
        tx.commit().await.map_err(StoreError::from)?;
        append_checkpoint_line(&self.config.checkpoint_file, &cp)?;
        Ok(Some(cp))
    }
}

/// Appends one checkpoint as a JSON line and syncs it to disk.
pub fn append_checkpoint_line(path: &Path, cp: &crate::audit::Checkpoint) -> Result<(), AppError> {
    let io = |err| AppError::Io {
        what: format!("cannot write the checkpoint file {}", path.display()),
        err,
    };
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(io)?;
    }
    let line = serde_json::to_string(cp).unwrap_or_default();
    let mut f = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
        .map_err(io)?;
    writeln!(f, "{line}").map_err(io)?;
    f.sync_data().map_err(io)
}

async fn unlock_keyring(
    store: &Store,
    master: &MasterKey,
    clock: &Clock,
) -> Result<Keyring, AppError> {
    let mut tx = store.write().await?;
    let wrapped = store::keyring::all(&mut tx).await?;
    let entries: Vec<(String, SecretKey)> = if wrapped.is_empty() {
        let fresh = Keyring::generate();
        let now = clock.now();
        for (purpose, key) in &fresh {
            store::keyring::insert(&mut tx, purpose, &master.wrap(purpose, key), now).await?;
        }
        let entries: Vec<(String, SecretKey)> =
            fresh.into_iter().map(|(p, k)| (p.to_string(), k)).collect();
        let keys = Keyring::from_entries(&entries)?;
        crate::actions::audit_system(
            &mut tx,
            &keys,
            now,
            "keyring.create",
            "keyring",
            "1",
            format!("master key {}", master.fingerprint()),
        )
        .await?;
        entries
    } else {
        wrapped
            .iter()
            .map(|(p, w)| master.unwrap_key(p, w).map(|k| (p.clone(), k)))
            .collect::<Result<_, _>>()?
    };
    tx.commit().await.map_err(StoreError::from)?;
    Ok(Keyring::from_entries(&entries)?)
}
