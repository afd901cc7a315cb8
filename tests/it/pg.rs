//! A throwaway PostgreSQL cluster for the integration tests, so the store is tested
//! against a real server rather than a mock.
//!
//! `fresh_database_url().await` is the whole interface. On first use in a test process
//! it finds the system's PostgreSQL binaries, runs `initdb` into `target/tmp/pg-<pid>`
//! and starts `postgres` on a free loopback port (unix socket in the same directory).
//! Every call then creates a new, uniquely named database and returns its
//! `postgres://postgres@127.0.0.1:PORT/DBNAME` URL, so tests never see each other's
//! rows. It is async only because creating the database goes through sqlx; the one-off
//! cluster start blocks the calling thread for a few seconds, which is fine in tests.
//!
//! Why a watchdog shell: a guard in a `static` is never dropped, so the server's
//! lifetime is tied to the test process another way. `postgres` runs under a small
//! `sh` whose stdin is a pipe that only this process holds open. However the process
//! ends (normal exit, panic, SIGKILL), the kernel closes the pipe; the shell reads EOF,
//! asks postgres for a fast shutdown and removes the data directory. Directories left
//! by processes that died before that are swept on the next start.
//!
//! `initdb` and `postgres` refuse to run as root, so as root the directory is handed to
//! the `postgres` system user and both run through `runuser -u postgres --`.
//!
//! Without PostgreSQL binaries: prints a skip note and returns `None`, so a developer
//! without PostgreSQL can still run the rest. `VIGIL_TEST_PG=require` (set by
//! scripts/test in CI) turns that into a failure; `VIGIL_TEST_PG=off` always skips.
//! `VIGIL_TEST_PG_BINDIR` points at the binaries when they are somewhere unusual.

use std::fs;
use std::net::TcpListener;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use sqlx::Connection;

/// How long a cold `postgres` may take to accept connections on a loaded 2-core box.
const READY_TIMEOUT: Duration = Duration::from_secs(60);
/// Unix socket paths are limited to 107 bytes; `/.s.PGSQL.NNNNN` takes 16.
const MAX_SOCKET_DIR_LEN: usize = 90;

/// Runs `postgres` in the background and stops it (then removes its files) once stdin
/// reaches EOF, i.e. once the test process is gone. Exits when postgres exits, so a
/// server that fails to start is noticed at once. Args: postgres, data, dir, port, log.
const WATCHDOG: &str = r#"
exec 3<&0
"$1" -D "$2" -k "$3" -h 127.0.0.1 -p "$4" \
    -c fsync=off -c synchronous_commit=off -c full_page_writes=off \
    -c max_connections=300 -c shared_buffers=64MB \
    </dev/null 3<&- >>"$5" 2>&1 &
pg=$!
{ cat <&3 >/dev/null; : >"$3/stopping"; kill -INT "$pg" 2>/dev/null; } &
wait "$pg"
status=$?
if [ -e "$3/stopping" ]; then rm -rf "$2" "$3"/* 2>/dev/null; fi
exit $status
"#;

struct Cluster {
    port: u16,
    /// Never read: holding it keeps the watchdog's stdin open for the process's life.
    _lifeline: ChildStdin,
}

enum State {
    Ready(Cluster),
    Absent(String),
    Failed(String),
}

static STATE: OnceLock<State> = OnceLock::new();
static NEXT_DB: AtomicU32 = AtomicU32::new(0);

/// A URL to a new, empty database on the test cluster, or `None` (after printing why)
/// when PostgreSQL is not installed and `VIGIL_TEST_PG` is not `require`.
///
/// # Panics
/// When the cluster cannot be started or the database not created: a PostgreSQL that is
/// installed but broken must not look like a skipped test.
pub async fn fresh_database_url() -> Option<String> {
    let mode = std::env::var("VIGIL_TEST_PG").unwrap_or_default();
    if mode == "off" {
        eprintln!("skipping PostgreSQL test: VIGIL_TEST_PG=off");
        return None;
    }
    let cluster = match STATE.get_or_init(start) {
        State::Ready(cluster) => cluster,
        State::Absent(why) if mode == "require" => {
            panic!("VIGIL_TEST_PG=require but {why} (apt-get install postgresql, or run ./scripts/test)")
        }
        State::Absent(why) => {
            eprintln!(
                "skipping PostgreSQL test: {why} (set VIGIL_TEST_PG=require to fail instead)"
            );
            return None;
        }
        State::Failed(why) => panic!("test PostgreSQL cluster failed to start: {why}"),
    };

    let name = format!(
        "vigil_test_{}_{}",
        std::process::id(),
        NEXT_DB.fetch_add(1, Ordering::Relaxed)
    );
    let admin = cluster.url("postgres");
    let mut conn = sqlx::postgres::PgConnection::connect(&admin)
        .await
        .unwrap_or_else(|e| panic!("connecting to the test cluster at {admin}: {e}"));
    sqlx::query(&format!("create database {name}"))
        .execute(&mut conn)
        .await
        .unwrap_or_else(|e| panic!("create database {name}: {e}"));
    conn.close().await.ok();
    Some(cluster.url(&name))
}

impl Cluster {
    fn url(&self, db: &str) -> String {
        format!("postgres://postgres@127.0.0.1:{}/{db}", self.port)
    }
}

fn start() -> State {
    let Some(bindir) = find_bindir() else {
        return State::Absent("no PostgreSQL server binaries (initdb, postgres) found".into());
    };
    match Server::start(&bindir) {
        Ok(cluster) => State::Ready(cluster),
        Err(why) => State::Failed(why),
    }
}

/// `VIGIL_TEST_PG_BINDIR`, else the highest `/usr/lib/postgresql/N/bin` (Debian), else
/// `pg_config --bindir`.
fn find_bindir() -> Option<PathBuf> {
    let has_server = |d: &Path| d.join("initdb").is_file() && d.join("postgres").is_file();
    if let Some(d) = std::env::var_os("VIGIL_TEST_PG_BINDIR") {
        return Some(PathBuf::from(d)).filter(|d| has_server(d));
    }
    let debian = fs::read_dir("/usr/lib/postgresql")
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| {
            let version: u32 = e.file_name().to_str()?.parse().ok()?;
            Some((version, e.path().join("bin")))
        })
        .filter(|(_, d)| has_server(d))
        .max_by_key(|(v, _)| *v)
        .map(|(_, d)| d);
    debian.or_else(|| {
        let out = Command::new("pg_config").arg("--bindir").output().ok()?;
        let d = PathBuf::from(String::from_utf8(out.stdout).ok()?.trim());
        Some(d).filter(|d| has_server(d))
    })
}

/// Everything needed to start one server; `start` turns it into a running `Cluster`.
struct Server {
    bindir: PathBuf,
    dir: PathBuf,
    as_root: bool,
}

impl Server {
    fn start(bindir: &Path) -> Result<Cluster, String> {
        let as_root = fs::metadata("/proc/self")
            .map(|m| m.uid() == 0)
            .unwrap_or(false);
        let dir = cluster_dir(as_root)?;
        let server = Server {
            bindir: bindir.to_path_buf(),
            dir,
            as_root,
        };
        server.initdb()?;
        // The port is free when we look but could be taken before postgres binds it.
        let mut last = String::new();
        for _ in 0..3 {
            match server.run(free_port()?) {
                Ok(cluster) => return Ok(cluster),
                Err(why) if why.contains("already in use") => last = why,
                Err(why) => return Err(why),
            }
        }
        Err(last)
    }

    /// A command that runs a PostgreSQL program as the right user.
    fn command(&self, program: &str) -> Command {
        let program = self.bindir.join(program);
        if self.as_root {
            let mut c = Command::new("runuser");
            c.args(["-u", "postgres", "--"]).arg(program);
            c
        } else {
            Command::new(program)
        }
    }

    fn data(&self) -> PathBuf {
        self.dir.join("data")
    }

    fn log(&self) -> PathBuf {
        self.dir.join("postgres.log")
    }

    fn initdb(&self) -> Result<(), String> {
        let out = self
            .command("initdb")
            .arg("-D")
            .arg(self.data())
            .args([
                "-U",
                "postgres",
                "-A",
                "trust",
                "-E",
                "UTF8",
                "--locale=C.UTF-8",
            ])
            .args(["--no-sync", "--no-instructions"])
            .stdin(Stdio::null())
            .output()
            .map_err(|e| format!("running initdb: {e}"))?;
        if out.status.success() {
            Ok(())
        } else {
            Err(format!(
                "initdb -D {} failed ({}):\n{}{}",
                self.data().display(),
                out.status,
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            ))
        }
    }

    fn run(&self, port: u16) -> Result<Cluster, String> {
        let mut watchdog = if self.as_root {
            let mut c = Command::new("runuser");
            c.args(["-u", "postgres", "--", "sh"]);
            c
        } else {
            Command::new("sh")
        };
        let mut child = watchdog
            .args(["-c", WATCHDOG, "sh"])
            .arg(self.bindir.join("postgres"))
            .arg(self.data())
            .arg(&self.dir)
            .arg(port.to_string())
            .arg(self.log())
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("starting postgres: {e}"))?;
        let lifeline = child.stdin.take().ok_or("watchdog has no stdin")?;
        // On failure `lifeline` drops here, which stops whatever the watchdog started.
        self.wait_ready(&mut child, port)?;
        Ok(Cluster {
            port,
            _lifeline: lifeline,
        })
    }

    /// Polls `pg_isready` until the server answers, it dies, or the deadline passes.
    fn wait_ready(&self, child: &mut Child, port: u16) -> Result<(), String> {
        let deadline = Instant::now() + READY_TIMEOUT;
        let isready = self.bindir.join("pg_isready");
        loop {
            let ready = Command::new(&isready)
                .args([
                    "-q",
                    "-h",
                    "127.0.0.1",
                    "-U",
                    "postgres",
                    "-d",
                    "postgres",
                    "-t",
                    "2",
                ])
                .args(["-p", &port.to_string()])
                .status()
                .map_err(|e| format!("running pg_isready: {e}"))?;
            if ready.success() {
                return Ok(());
            }
            if let Ok(Some(status)) = child.try_wait() {
                return Err(format!(
                    "postgres exited ({status}) before accepting connections; its log:\n{}",
                    fs::read_to_string(self.log()).unwrap_or_default()
                ));
            }
            if Instant::now() > deadline {
                return Err(format!(
                    "postgres did not accept connections on port {port} within {READY_TIMEOUT:?}; its log:\n{}",
                    fs::read_to_string(self.log()).unwrap_or_default()
                ));
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

/// `target/tmp/pg-<pid>`, or a directory under the system temp dir when that path is too
/// long for a unix socket or cannot be used, e.g. (as root) a clone under `/root` that
/// the `postgres` user cannot reach.
fn cluster_dir(as_root: bool) -> Result<PathBuf, String> {
    let pid = std::process::id();
    let target_tmp = Path::new(env!("CARGO_TARGET_TMPDIR"));
    let candidates = [
        (target_tmp.to_path_buf(), format!("pg-{pid}")),
        (std::env::temp_dir(), format!("vigil-pg-{pid}")),
    ];
    let mut problems = Vec::new();
    for (base, name) in candidates {
        sweep_stale(&base, name.trim_end_matches(|c: char| c.is_ascii_digit()));
        let dir = base.join(name);
        if dir.as_os_str().len() > MAX_SOCKET_DIR_LEN {
            problems.push(format!(
                "{}: too long for a unix socket path",
                dir.display()
            ));
            continue;
        }
        fs::remove_dir_all(&dir).ok();
        if let Err(e) = fs::create_dir_all(&dir) {
            problems.push(format!("{}: {e}", dir.display()));
            continue;
        }
        if !as_root {
            return Ok(dir);
        }
        let chown = Command::new("chown")
            .arg("postgres:postgres")
            .arg(&dir)
            .status();
        let reachable = Command::new("runuser")
            .args(["-u", "postgres", "--", "test", "-w"])
            .arg(&dir)
            .status();
        if matches!(chown, Ok(s) if s.success()) && matches!(reachable, Ok(s) if s.success()) {
            return Ok(dir);
        }
        problems.push(format!(
            "{}: not writable by the postgres user",
            dir.display()
        ));
        fs::remove_dir_all(&dir).ok();
    }
    Err(format!(
        "no usable directory for the cluster: {}",
        problems.join("; ")
    ))
}

/// Removes `<prefix><pid>` cluster directories whose test process no longer exists.
fn sweep_stale(base: &Path, prefix: &str) {
    for entry in fs::read_dir(base).into_iter().flatten().flatten() {
        let name = entry.file_name();
        let Some(pid) = name
            .to_str()
            .and_then(|n| n.strip_prefix(prefix))
            .and_then(|p| p.parse::<u32>().ok())
        else {
            continue;
        };
        let running_here = entry.path().join("data").join("postmaster.pid").exists();
        if !Path::new(&format!("/proc/{pid}")).exists() && !running_here {
            fs::remove_dir_all(entry.path()).ok();
        }
    }
}

fn free_port() -> Result<u16, String> {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .map_err(|e| format!("finding a free port: {e}"))
}

#[tokio::test]
async fn smoke() {
    let Some(url) = fresh_database_url().await else {
        return;
    };
    let pool = sqlx::postgres::PgPool::connect(&url).await.unwrap();
    let one: i32 = sqlx::query_scalar("select 1")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(one, 1);
    pool.close().await;
}

#[tokio::test]
async fn each_call_gets_its_own_database() {
    let (Some(a), Some(b)) = (fresh_database_url().await, fresh_database_url().await) else {
        return;
    };
    assert_ne!(a, b);
    let pa = sqlx::postgres::PgPool::connect(&a).await.unwrap();
    let pb = sqlx::postgres::PgPool::connect(&b).await.unwrap();
    sqlx::query("create table only_in_a (x int)")
        .execute(&pa)
        .await
        .unwrap();
    let seen: i64 = sqlx::query_scalar(
        "select count(*) from information_schema.tables where table_name = 'only_in_a'",
    )
    .fetch_one(&pb)
    .await
    .unwrap();
    assert_eq!(seen, 0);
    pa.close().await;
    pb.close().await;
}
