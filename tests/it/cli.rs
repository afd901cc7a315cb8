//! The binary at the command line: refusing to start without a key or without an
//! account (and saying what to do), refusing a key kept beside the data, users,
//! migrations, configuration, and master-key rotation.

use std::io::Write;
use std::process::{Command, Output, Stdio};

pub(crate) struct Env {
    pub(crate) dir: tempfile::TempDir,
}

impl Env {
    pub(crate) fn new() -> Self {
        Env {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    fn cmd(&self) -> Command {
        let mut c = Command::new(env!("CARGO_BIN_EXE_vigil"));
        c.current_dir(self.dir.path())
            .env_remove("DATABASE_URL")
            .env_remove("VIGIL_MASTER_KEY")
            .env_remove("VIGIL_KEY_FILE")
            .env_remove("VIGIL_DATA")
            .env_remove("VIGIL_CONFIG")
            .env_remove("VIGIL_EVIDENCE_DIR")
            .stdin(Stdio::null());
        c
    }

    pub(crate) fn run(&self, args: &[&str]) -> Output {
        self.cmd().args(args).output().unwrap()
    }

    /// A fresh directory with a master key in `keys/master.key`.
    pub(crate) fn keyed() -> Self {
        let e = Env::new();
        let o = e.run(&["key", "new", "--out", "keys/master.key"]);
        assert!(o.status.success(), "{}", text(&o));
        e
    }

    /// `vigil` on the data directory `data` with that key.
    pub(crate) fn vigil(&self, args: &[&str]) -> Output {
        let base = ["--data", "data", "--key-file", "keys/master.key"];
        self.run(&[&base[..], args].concat())
    }
}

pub(crate) fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

#[test]
fn serve_without_a_key_says_how_to_make_one() {
    let e = Env::new();
    let o = e.run(&["serve", "--data", "data"]);
    assert!(!o.status.success());
    assert!(text(&o).contains("vigil key new"), "{}", text(&o));
}

#[test]
fn a_key_file_inside_the_data_directory_is_refused() {
    let e = Env::new();
    assert!(e
        .run(&["key", "new", "--out", "data/master.key"])
        .status
        .success());
    let o = e.run(&[
        "--data",
        "data",
        "--key-file",
        "data/master.key",
        "user",
        "list",
    ]);
    assert!(!o.status.success());
    assert!(
        text(&o).contains("inside the data directory"),
        "{}",
        text(&o)
    );
}

#[test]
fn serve_with_no_accounts_says_how_to_add_the_first_admin() {
    let e = Env::keyed();
    let o = e.run(&[
        "--data",
        "data",
        "--key-file",
        "keys/master.key",
        "serve",
        "--listen",
        "127.0.0.1:0",
    ]);
    assert!(!o.status.success());
    assert!(
        text(&o).contains("vigil user add NAME --role admin"),
        "{}",
        text(&o)
    );
}

#[test]
fn users_migrations_and_key_rotation_from_the_command_line() {
    let e = Env::keyed();
    let run = |args: &[&str]| e.vigil(args);
    let key_text = std::fs::read_to_string(e.dir.path().join("keys/master.key")).unwrap();
    assert!(key_text.starts_with("# vigil master key"));

    // A generated password is printed once as `role: name / password`.
    let o = run(&["user", "add", "Nadia", "--role", "registrar"]);
    assert!(o.status.success(), "{}", text(&o));
    assert!(text(&o).starts_with("registrar: nadia / "), "{}", text(&o));
    // A password from standard input.
    let mut child = e
        .cmd()
        .args(["--data", "data", "--key-file", "keys/master.key"])
        .args(["user", "add", "boss", "--role", "admin", "--password-stdin"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    writeln!(child.stdin.take().unwrap(), "a long admin passphrase").unwrap();
    assert!(child.wait().unwrap().success());

    // Bad input: a clear message, and nothing changes.
    let o = run(&["user", "add", "x", "--role", "admin"]);
    assert!(!o.status.success());
    assert!(
        text(&o).contains("username: must be 3 to 32 characters"),
        "{}",
        text(&o)
    );
    let o = run(&["user", "add", "someone", "--role", "king"]);
    assert!(text(&o).contains("role: expected one of"), "{}", text(&o));
    let o = run(&["user", "add", "nadia", "--role", "analyst"]);
    assert!(text(&o).contains("already exists"), "{}", text(&o));
    let o = run(&["user", "role", "nadia", "analyst"]);
    assert!(o.status.success());
    let o = run(&["user", "disable", "boss"]);
    assert!(!o.status.success(), "the last admin cannot be disabled");
    let o = run(&["user", "list", "--json"]);
    let users: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(users.as_array().unwrap().len(), 2);
    assert_eq!(users[1]["role"], "analyst");

    let o = run(&["db", "check"]);
    assert!(o.status.success(), "{}", text(&o));
    assert!(text(&o).contains("migrations in order"));
    let o = run(&["audit", "verify"]);
    assert!(o.status.success(), "{}", text(&o));

    // Rotation: the new key opens the data, the old one no longer does.
    assert!(e
        .run(&["key", "new", "--out", "keys/new.key"])
        .status
        .success());
    let o = run(&["key", "rotate", "--new-key-file", "keys/new.key"]);
    assert!(o.status.success(), "{}", text(&o));
    let o = e.run(&[
        "--data",
        "data",
        "--key-file",
        "keys/new.key",
        "user",
        "list",
    ]);
    assert!(o.status.success(), "{}", text(&o));
    let o = run(&["user", "list"]);
    assert!(!o.status.success());
    assert!(
        text(&o).contains("does not open this database"),
        "{}",
        text(&o)
    );
    let o = e.run(&[
        "--data",
        "data",
        "--key-file",
        "keys/new.key",
        "audit",
        "verify",
    ]);
    assert!(o.status.success(), "{}", text(&o));
}

#[test]
fn config_example_is_valid_and_config_errors_are_specific() {
    let e = Env::new();
    let o = e.run(&["config", "example"]);
    std::fs::write(e.dir.path().join("vigil.toml"), &o.stdout).unwrap();
    let o = e.run(&["--config", "vigil.toml", "config", "show"]);
    assert!(o.status.success(), "{}", text(&o));
    std::fs::write(e.dir.path().join("bad.toml"), "lisen = \"x\"\n").unwrap();
    let o = e.run(&["--config", "bad.toml", "config", "show"]);
    assert!(!o.status.success());
    assert!(
        text(&o).contains("bad.toml") && text(&o).contains("lisen"),
        "{}",
        text(&o)
    );
    std::fs::write(
        e.dir.path().join("bad2.toml"),
        "[session]\nidle_minutes = 0\n",
    )
    .unwrap();
    let o = e.run(&["--config", "bad2.toml", "config", "show"]);
    assert!(
        text(&o).contains("session.idle_minutes: must be a positive number"),
        "{}",
        text(&o)
    );
}

#[test]
fn openapi_document_is_openapi_3_1() {
    let e = Env::new();
    let o = e.run(&["openapi"]);
    let doc: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(doc["openapi"].as_str().unwrap().starts_with("3.1"));
    assert!(doc["paths"]["/api/v1/users"].is_object());
    let mut ids: Vec<&str> = doc["paths"]
        .as_object()
        .unwrap()
        .values()
        .flat_map(|p| p.as_object().unwrap().values())
        .filter_map(|op| op["operationId"].as_str())
        .collect();
    let n = ids.len();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), n, "operation ids must be unique");
}

/// The duplicate queue and the watch list from the command line: a registrar lists
/// and decides flags, an admin keeps the watch list, other roles are refused, and the
/// trail verifies afterwards.
#[test]
fn match_queue_and_watch_list_from_the_command_line() {
    let e = Env::keyed();
    let run = |args: &[&str]| e.vigil(args);
    let json = |o: &Output| -> serde_json::Value {
        assert!(o.status.success(), "{}", text(o));
        serde_json::from_slice(&o.stdout).unwrap_or_else(|_| panic!("{}", text(o)))
    };
    for (name, role) in [
        ("boss", "admin"),
        ("nadia", "registrar"),
        ("ana", "analyst"),
    ] {
        assert!(run(&["user", "add", name, "--role", role]).status.success());
    }
    std::fs::write(
        e.dir.path().join("people.csv"),
        "external_id,name_latin,sex,birth_year,document\n\
         E-1,Karim Golzari,male,1970,X-1234567\n\
         E-2,Kareem Golzari,male,1971,X 1234567\n\
         E-3,Maryam Ranjbar,female,1985,\n",
    )
    .unwrap();
    let o = run(&["import", "people", "people.csv", "--as", "nadia"]);
    assert!(o.status.success(), "{}", text(&o));

    let queue = json(&run(&["registry", "matches", "--as", "nadia"]));
    let flags = queue["flags"].as_array().unwrap();
    assert_eq!(flags.len(), 1, "{queue}");
    assert_eq!(flags[0]["reason"], "document");
    let flag = flags[0]["flag_id"].as_i64().unwrap().to_string();
    assert!(
        !queue.to_string().contains("Golzari"),
        "no names in the queue"
    );

    // Refused: an analyst; bad input names the field; nothing changes.
    let o = run(&["registry", "matches", "--as", "ana"]);
    assert!(!o.status.success());
    assert!(text(&o).contains("is not a registrar"), "{}", text(&o));
    let o = run(&[
        "registry",
        "decide",
        &flag,
        "--decision",
        "maybe",
        "--reason",
        "x",
        "--as",
        "nadia",
    ]);
    assert!(text(&o).contains("decision"), "{}", text(&o));
    assert_eq!(
        json(&run(&["registry", "matches", "--as", "nadia"]))["flags"]
            .as_array()
            .unwrap()
            .len(),
        1
    );

    let decided = json(&run(&[
        "registry",
        "decide",
        &flag,
        "--decision",
        "distinct",
        "--reason",
        "fathers' names differ",
        "--as",
        "nadia",
    ]));
    assert_eq!(decided["status"], "distinct");
    assert!(
        json(&run(&["registry", "matches", "--as", "nadia"]))["flags"]
            .as_array()
            .unwrap()
            .is_empty()
    );
    let closed = json(&run(&[
        "registry", "matches", "--status", "distinct", "--as", "nadia",
    ]));
    assert_eq!(closed["flags"].as_array().unwrap().len(), 1);

    // The watch list: an admin adds an entry in the other script; it flags Maryam.
    let o = run(&[
        "registry",
        "watchlist",
        "add",
        "--name",
        "مریم رنجبر",
        "--category",
        "impersonator",
        "--as",
        "nadia",
    ]);
    assert!(
        text(&o).contains("may not keep the watch list"),
        "{}",
        text(&o)
    );
    let added = json(&run(&[
        "registry",
        "watchlist",
        "add",
        "--name",
        "Maryam Ranjbar",
        "--category",
        "impersonator",
        "--as",
        "boss",
    ]));
    assert_eq!(added["flagged"], 1, "{added}");
    let entry = added["entry"].as_i64().unwrap().to_string();
    let list = json(&run(&["registry", "watchlist", "list", "--as", "boss"]));
    assert_eq!(list[0]["name"], "Maryam Ranjbar");
    let open = json(&run(&[
        "registry",
        "matches",
        "--reason",
        "watch_list",
        "--as",
        "nadia",
    ]));
    assert_eq!(open["flags"].as_array().unwrap().len(), 1);
    assert!(
        !open.to_string().contains("Ranjbar"),
        "registrars never see the entry's name"
    );
    json(&run(&[
        "registry",
        "watchlist",
        "remove",
        &entry,
        "--as",
        "boss",
    ]));
    let open = json(&run(&[
        "registry",
        "matches",
        "--reason",
        "watch_list",
        "--as",
        "nadia",
    ]));
    assert!(open["flags"].as_array().unwrap().is_empty());

    let o = run(&["audit", "verify"]);
    assert!(o.status.success(), "{}", text(&o));
}

/// `vigil report commitments`: the report as JSON, CSV and XLSX from the command line,
/// read as a named account; bad input named, and a role that may not read refused.
#[test]
fn the_commitments_report_at_the_command_line() {
    let e = Env::keyed();
    let run = |args: &[&str]| e.vigil(args);
    assert!(run(&["user", "add", "ana", "--role", "analyst"])
        .status
        .success());
    assert!(run(&["user", "add", "obs", "--role", "observer"])
        .status
        .success());

    let o = run(&[
        "report",
        "commitments",
        "--as-of",
        "2012-09-01",
        "--as",
        "ana",
    ]);
    assert!(o.status.success(), "{}", text(&o));
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(json["as_of"], 1_346_457_600_000_i64);
    assert_eq!(json["agreements"], serde_json::json!([]));

    let o = run(&["report", "commitments", "--format", "csv", "--as", "ana"]);
    assert!(o.status.success(), "{}", text(&o));
    let csv = String::from_utf8(o.stdout).unwrap();
    assert!(csv.starts_with("\u{FEFF}agreement_id,agreement,"));
    assert!(csv.contains("#meta+agreement+id"));

    let o = run(&[
        "report",
        "commitments",
        "--format",
        "xlsx",
        "--out",
        "r.xlsx",
    ]);
    assert!(o.status.success(), "{}", text(&o));
    let bytes = std::fs::read(e.dir.path().join("r.xlsx")).unwrap();
    assert_eq!(&bytes[..2], b"PK");

    let o = run(&["report", "commitments", "--format", "xlsx"]);
    assert!(!o.status.success());
    assert!(text(&o).contains("--out"), "{}", text(&o));
    let o = run(&["report", "commitments", "--as-of", "1 Sept"]);
    assert!(!o.status.success());
    assert!(text(&o).contains("as_of"), "{}", text(&o));
    let o = run(&["report", "commitments", "--as", "obs"]);
    assert!(!o.status.success());
    assert!(text(&o).contains("may not read"), "{}", text(&o));
}
