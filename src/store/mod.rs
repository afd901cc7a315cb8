//! SQL for both backends: connecting, migrating, transactions, and one file per
//! aggregate.
//!
//! vigil runs the same SQL text on SQLite and PostgreSQL through sqlx's `Any` driver.
//! That works because the schema sticks to types both backends and the driver share:
//! `bigint` (ids, counts, times as epoch milliseconds), `text`, and `blob`/`bytea`.
//! Placeholders are `$1…`, which SQLite accepts too. Where SQL must differ (full-text
//! search: `search::matching`), a function names the difference.
//!
//! Writers are serialised by updating the single `audit_head` row first in every write
//! transaction: on SQLite this takes the write lock at the start of the transaction
//! (a deferred transaction that upgrades later can fail with `SQLITE_BUSY_SNAPSHOT`,
//! which ignores the busy timeout); on PostgreSQL it is a row lock that orders audit
//! entries. Audited writes need that order anyway, because each entry chains to the
//! one before.
//!
//! On SQLite every write transaction runs on one connection of its own (`writer`), the
//! readers on the others. SQLite keeps a page cache per connection and throws all of it
//! away when a transaction starts after another connection changed the file; with
//! writes spread over the pool, each one began by emptying a cache that the readers'
//! scans had filled (8 MiB to walk and free) and then re-read the B-tree pages it
//! needed from the file — a cost that grew with the tables (`perf`: 9 % of a recording
//! into a 1 M-incident table in `pcache1TruncateUnsafe` alone, under
//! `sqlite3PagerSharedLock`). The writer sees only its own changes, so its cache stays
//! warm. Writers queue for it as they queued for SQLite's write lock.

pub mod audit;
// commitments
pub mod commitment_evidence;
pub mod commitments;
pub mod convoys;
pub mod published_reports;
// evidence
pub mod evidence;
pub mod exports;
pub mod households;
// incidents
pub mod incident_facts;
pub mod incident_timeline;
pub mod incidents;
pub mod keyring;
pub mod matching;
pub mod people;
// evidence: search
pub mod search;
pub mod sessions;
pub mod settings;
pub mod sites;
// incidents
pub mod sources;
// evidence: source documents
pub mod source_texts;
pub mod stats;
pub mod tokens;
pub mod users;
pub mod watchlist;

// resettlement
pub mod resettlement;
// incidents: earlier versions
pub mod revisions;

use std::time::Duration;

use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::migrate::{Migrate, Migrator};
use sqlx::{Any, AnyConnection, AnyPool, ConnectOptions, Connection, Executor, Transaction};

pub type Conn = AnyConnection;
pub type Tx = Transaction<'static, Any>;

static SQLITE_MIGRATIONS: Migrator = sqlx::migrate!("migrations/sqlite");
static POSTGRES_MIGRATIONS: Migrator = sqlx::migrate!("migrations/postgres");

/// Bound parameters per statement stay under this: SQLite's limit is 32,766 and
/// PostgreSQL's 65,535, and very long statements stop paying for themselves.
const PARAMS_PER_STATEMENT: usize = 8_000;

/// How many rows of `cols` columns one multi-row statement takes.
pub(crate) fn rows_per_statement(cols: usize) -> usize {
    (PARAMS_PER_STATEMENT / cols.max(1)).max(1)
}

/// Whether a bulk statement of `rows` rows (at most `per` to a statement) is worth
/// keeping prepared on its connection. Full chunks recur batch after batch, and so do
/// small statements (a form registers one person); but the last chunk of each batch
/// has a size of its own, and keeping every such statement — thousands of parameters
/// each, up to the cache's hundred per connection — held memory that grew with a large
/// import.
pub(crate) fn keep_prepared(rows: usize, per: usize) -> bool {
    rows == per || rows <= 16
}

/// The one place where bulk statements differ between the backends: PostgreSQL
/// needs numbered `$n` parameters, while SQLite looks each `$n` up by name when it is
/// bound, in time that grows with the number of parameters — quadratic for a
/// multi-row statement — so there the parameters are anonymous `?`, bound in order.
fn param(c: &Conn, n: usize) -> String {
    if c.backend_name() == "SQLite" {
        "?".to_string()
    } else {
        format!("${n}")
    }
}

/// `($1, $2), ($3, $4)` for `rows` rows of `cols` columns (`(?, ?), (?, ?)` on
/// SQLite): the values list of a multi-row insert. Bulk writes (imports) send one
/// statement per few hundred rows instead of one per row.
pub(crate) fn values_list(c: &Conn, rows: usize, cols: usize) -> String {
    let mut s = String::with_capacity(rows * cols * 6);
    for r in 0..rows {
        s.push_str(if r == 0 { "(" } else { ", (" });
        for k in 0..cols {
            if k > 0 {
                s.push_str(", ");
            }
            s.push_str(&param(c, r * cols + k + 1));
        }
        s.push(')');
    }
    s
}

/// `$1, $2, …, $n` (or `?, ?, …`) for an `in (…)` list of a statement that has no
/// other parameters.
pub(crate) fn placeholders(c: &Conn, n: usize) -> String {
    (1..=n).map(|i| param(c, i)).collect::<Vec<_>>().join(", ")
}

/// `NotFound` when a statement changed no row.
pub(crate) fn found(n: u64) -> Result<()> {
    if n == 0 {
        Err(StoreError::NotFound)
    } else {
        Ok(())
    }
}

/// The next free id of `table`: writers hold the write lock (`Store::write`), so ids
/// can be handed out before a multi-row insert, the same way on both backends. Every
/// insert into such a table gives its id explicitly; the PostgreSQL identity sequence
/// is not used.
pub(crate) async fn next_id(c: &mut Conn, table: IdTable) -> Result<i64> {
    let (t, col) = match table {
        IdTable::People => ("people", "person_id"),
        IdTable::Households => ("households", "household_id"),
        IdTable::Flags => ("match_flags", "flag_id"),
        IdTable::Watchlist => ("watchlist", "watch_id"),
    };
    let max: Option<i64> = sqlx::query_scalar(&format!("select max({col}) from {t}"))
        .fetch_one(&mut *c)
        .await?;
    Ok(max.unwrap_or(0) + 1)
}

/// Tables whose ids vigil hands out itself (see [`next_id`]).
#[derive(Debug, Clone, Copy)]
pub(crate) enum IdTable {
    People,
    Households,
    Flags,
    Watchlist,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    pub fn name(self) -> &'static str {
        match self {
            Backend::Sqlite => "SQLite",
            Backend::Postgres => "PostgreSQL",
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database error: {0}")]
    Db(#[from] sqlx::Error),
    #[error("migration error: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("unsupported database URL: expected sqlite://… or postgres://…")]
    BadUrl,
    #[error("{0} already exists")]
    Conflict(&'static str),
    #[error("not found")]
    NotFound,
    #[error("stored data is corrupt: {0}")]
    Corrupt(String),
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// Turns a unique-constraint violation into `Conflict(what)`.
pub fn on_unique(e: sqlx::Error, what: &'static str) -> StoreError {
    match &e {
        sqlx::Error::Database(db) if db.is_unique_violation() => StoreError::Conflict(what),
        _ => StoreError::Db(e),
    }
}

/// The database, as a pool of connections to one backend.
#[derive(Clone, Debug)]
pub struct Store {
    pool: AnyPool,
    /// Where write transactions run: one connection on SQLite (see the module
    /// header), the pool itself on PostgreSQL.
    writer: AnyPool,
    backend: Backend,
}

/// Where the migrations stand.
#[derive(Debug, Clone, serde::Serialize)]
pub struct MigrationStatus {
    pub backend: &'static str,
    pub applied: Vec<i64>,
    pub pending: Vec<String>,
    /// Applied migrations whose file changed after they ran (never edit a landed one).
    pub modified: Vec<i64>,
    /// Applied migrations this binary does not know (the database is newer).
    pub unknown: Vec<i64>,
}

impl MigrationStatus {
    pub fn ok(&self) -> bool {
        self.pending.is_empty() && self.modified.is_empty() && self.unknown.is_empty()
    }
}

/// The pool settings of `backend`, with at most `max` connections; SQLite's pragmas
/// are set on each connection as it opens.
fn pool_options(backend: Backend, max: u32) -> AnyPoolOptions {
    AnyPoolOptions::new()
        .max_connections(match backend {
            Backend::Sqlite => max,
            Backend::Postgres => 16,
        })
        .acquire_timeout(Duration::from_secs(30))
        .after_connect(move |conn, _meta| {
            Box::pin(async move {
                if backend == Backend::Sqlite {
                    // Durability first: protection data that was acknowledged must
                    // survive a crash or power cut (quality.md, Durability).
                    conn.execute("pragma journal_mode = wal").await?;
                    conn.execute("pragma synchronous = full").await?;
                    conn.execute("pragma foreign_keys = on").await?;
                    conn.execute("pragma busy_timeout = 15000").await?;
                    // SQLite's default page cache is 2 MB: an import into a large
                    // registry then re-reads the same index pages from the file for
                    // every batch. Up to 8 MiB per connection, filled only as used
                    // (32 MiB took the import at size M past its memory aim: the
                    // pool's readers fill theirs too).
                    conn.execute("pragma cache_size = -8192").await?;
                    // Checkpoint at 32 MiB of log rather than 4: a large import
                    // dirties index pages at random, and pages dirtied again by the
                    // next batches are then copied to the database once, not once
                    // per batch. Durability is the log's (fsynced at each commit).
                    conn.execute("pragma wal_autocheckpoint = 8192").await?;
                }
                Ok(())
            })
        })
}

impl Store {
    /// Connects to `url` (`sqlite://path` or `postgres://…`). A SQLite file is created
    /// if missing, in WAL mode with `synchronous=FULL`.
    pub async fn connect(url: &str) -> Result<Store> {
        sqlx::any::install_default_drivers();
        let backend = if url.starts_with("sqlite:") {
            Backend::Sqlite
        } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
            Backend::Postgres
        } else {
            return Err(StoreError::BadUrl);
        };
        let url = match backend {
            Backend::Sqlite if !url.contains("mode=") => {
                let sep = if url.contains('?') { '&' } else { '?' };
                format!("{url}{sep}mode=rwc")
            }
            _ => url.to_string(),
        };
        // sqlx logs a slow statement with its whole text: for a batch insert that is
        // thousands of placeholders per line. Requests are logged with their duration.
        let options = url
            .parse::<AnyConnectOptions>()?
            .disable_statement_logging();
        let pool = pool_options(backend, 8)
            .connect_with(options.clone())
            .await?;
        let writer = match backend {
            Backend::Sqlite => pool_options(backend, 1).connect_with(options).await?,
            Backend::Postgres => pool.clone(),
        };
        Ok(Store {
            pool,
            writer,
            backend,
        })
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    fn migrator(&self) -> &'static Migrator {
        match self.backend {
            Backend::Sqlite => &SQLITE_MIGRATIONS,
            Backend::Postgres => &POSTGRES_MIGRATIONS,
        }
    }

    pub async fn migrate(&self) -> Result<()> {
        self.migrator().run(&self.pool).await?;
        Ok(())
    }

    pub async fn migration_status(&self) -> Result<MigrationStatus> {
        let mut conn = self.pool.acquire().await?;
        conn.ensure_migrations_table().await?;
        let applied = conn.list_applied_migrations().await?;
        let known = self.migrator().iter().collect::<Vec<_>>();
        let mut status = MigrationStatus {
            backend: self.backend.name(),
            applied: applied.iter().map(|m| m.version).collect(),
            pending: Vec::new(),
            modified: Vec::new(),
            unknown: Vec::new(),
        };
        for m in &known {
            match applied.iter().find(|a| a.version == m.version) {
                None => status
                    .pending
                    .push(format!("{:04}_{}", m.version, m.description)),
                Some(a) if a.checksum != m.checksum => status.modified.push(m.version),
                Some(_) => {}
            }
        }
        for a in &applied {
            if !known.iter().any(|m| m.version == a.version) {
                status.unknown.push(a.version);
            }
        }
        Ok(status)
    }

    /// A connection for reading.
    pub async fn read(&self) -> Result<sqlx::pool::PoolConnection<Any>> {
        Ok(self.pool.acquire().await?)
    }

    /// Begins a write transaction holding the writers' lock (see the module header).
    pub async fn write(&self) -> Result<Tx> {
        let mut tx = self.writer.begin().await?;
        sqlx::query("update audit_head set seq = seq where id = 1")
            .execute(&mut *tx)
            .await?;
        Ok(tx)
    }

    /// Checks that the database answers (for `/readyz`).
    pub async fn ping(&self) -> Result<()> {
        let mut conn = self.pool.acquire().await?;
        conn.ping().await?;
        Ok(())
    }

    pub async fn close(&self) {
        self.writer.close().await;
        self.pool.close().await;
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    /// Migrations are never edited once landed, and both backends have the same list.
    #[test]
    fn migration_folders_have_the_same_files() {
        let names = |dir: &str| {
            let mut v: Vec<String> = std::fs::read_dir(dir)
                .unwrap()
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect();
            v.sort();
            v
        };
        let sqlite = names("migrations/sqlite");
        assert!(!sqlite.is_empty());
        assert_eq!(sqlite, names("migrations/postgres"));
    }
}
