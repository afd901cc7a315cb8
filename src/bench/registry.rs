//! The registry's scenarios: importing people from CSV (read, validated, sealed,
//! indexed, matched, audited) against a raw prepared insert of the same pre-parsed
//! rows, every round the same file into the same registry; and the registry list page
//! against `/healthz` in the same router.

use std::fmt::Write as _;
use std::sync::Arc;
use std::time::Instant;

use axum::body::Body;
use axum::http::Request;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use tower::ServiceExt;

use super::{measure, outcome, Outcome};
use crate::actions;
use crate::app::App;
use crate::auth::capability::WriteRegistry;
use crate::auth::{Actor, Cap};
use crate::domain::site::SiteInput;
use crate::domain::{Password, Role, Username};

/// `rows` synthetic people as an import CSV, deterministic for a seed; external ids
/// (and document numbers) start at `first`. Every row has both scripts of a name, a
/// document number, a birth year and a household; a few have specific needs. Names
/// follow `names`: Zipf-like, given names by sex, family names from a few hundred.
pub fn people_csv(seed: u64, first: usize, rows: usize) -> String {
    let mut rng = StdRng::seed_from_u64(seed);
    let mut out = String::from(
        "external_id,name_latin,name_original,sex,birth_year,document,site,household,relationship,vulnerabilities\n",
    );
    let mut hh = 0;
    let names = super::names::names();
    for i in first..first + rows {
        let head = rng.gen_bool(0.4) || i == first;
        if head {
            hh = i;
        }
        let female = rng.gen_bool(0.5);
        let (_, gi, fi) = names.draw(&mut rng, female);
        let (Some(g), Some(f)) = (names.given(female, gi), names.family(fi)) else {
            continue;
        };
        let need = if rng.gen_bool(0.05) {
            "serious_medical:urgent"
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "B-{i},{} {},{} {},{},{},P{i:08},BENCH,H-{hh},{},{need}",
            g.usual(),
            f.usual(),
            g.script,
            f.script,
            if female { "female" } else { "male" },
            rng.gen_range(1940..2020),
            if head { "head" } else { "other" }
        );
    }
    out
}

/// Copies what the log holds into the database file (SQLite), so that each side of a
/// round pays for writing out its own changes, inside its own time, and not for what
/// the other side left in the log (the anchor's rate swung sixfold with that debt).
async fn write_out(app: &App) -> anyhow::Result<()> {
    if app.store.backend() == crate::store::Backend::Sqlite {
        let mut c = app.store.read().await?;
        sqlx::query("pragma wal_checkpoint(truncate)")
            .execute(&mut *c)
            .await?;
    }
    Ok(())
}

/// The highest ids before an import's rounds, so that what a round added can be told
/// apart and deleted again.
struct Marks {
    person: i64,
    household: i64,
    flag: i64,
}

impl Marks {
    async fn read(app: &App) -> anyhow::Result<Marks> {
        let mut c = app.store.read().await?;
        let mut max = Vec::new();
        for sql in [
            "select max(person_id) from people",
            "select max(household_id) from households",
            "select max(flag_id) from match_flags",
        ] {
            let v: Option<i64> = sqlx::query_scalar(sql).fetch_one(&mut *c).await?;
            max.push(v.unwrap_or(0));
        }
        let [person, household, flag] = max[..] else {
            anyhow::bail!("three maxima were asked for");
        };
        Ok(Marks {
            person,
            household,
            flag,
        })
    }

    /// Deletes what was added since the marks (not its audit entries: the trail only
    /// grows); returns how many flags that was.
    async fn forget_since(&self, app: &App) -> anyhow::Result<i64> {
        let mut tx = app.store.write().await?;
        let flags: i64 = sqlx::query_scalar("select count(*) from match_flags where flag_id > $1")
            .bind(self.flag)
            .fetch_one(&mut *tx)
            .await?;
        for (sql, mark) in [
            ("delete from match_flags where flag_id > $1", self.flag),
            ("delete from person_needs where person_id > $1", self.person),
            (
                "delete from person_history where person_id > $1",
                self.person,
            ),
            ("delete from people where person_id > $1", self.person),
            (
                "delete from households where household_id > $1",
                self.household,
            ),
        ] {
            sqlx::query(sql).bind(mark).execute(&mut *tx).await?;
        }
        tx.commit().await?;
        write_out(app).await?;
        Ok(flags)
    }
}

/// A twin of the people table — same columns, constraints and indexes, holding the
/// same people (the registry the rounds import into) — for the floor: what the
/// database itself takes to store the rows an import writes.
async fn create_twin(app: &App) -> anyhow::Result<()> {
    define_twin(app).await?;
    let mut tx = app.store.write().await?;
    sqlx::query("insert into bench_people_floor select * from people")
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    write_out(app).await
}

async fn define_twin(app: &App) -> anyhow::Result<()> {
    let mut c = app.store.read().await?;
    if app.store.backend() == crate::store::Backend::Postgres {
        sqlx::query("create table if not exists bench_people_floor (like people including all)")
            .execute(&mut *c)
            .await?;
        return Ok(());
    }
    // SQLite has no `like`: the table's and its indexes' own definitions, renamed (every
    // index of people is named `people_…`; the unique ones come with the table).
    let defs: Vec<String> = sqlx::query_scalar(
        "select sql from sqlite_master where tbl_name = 'people' and sql is not null
         order by type desc",
    )
    .fetch_all(&mut *c)
    .await?;
    for def in defs {
        let renamed = def.replacen("people", "bench_people_floor", 2);
        anyhow::ensure!(
            renamed.contains("bench_people_floor (") || renamed.contains("bench_people_floor("),
            "unexpected definition in people's schema: {def}"
        );
        sqlx::query(&renamed).execute(&mut *c).await?;
    }
    Ok(())
}

/// The floor under an import: copying the people rows it added (sealed, with their
/// tags) into the twin table in one statement, committed and written out like the
/// import's. No driver, no binding, no other table: the cost of the rows alone in a
/// table of this shape and size, which no import of them can beat. Returns the seconds
/// that took; the copies are deleted again, untimed.
async fn floor(app: &App, marks: &Marks) -> anyhow::Result<f64> {
    let t = Instant::now();
    let mut tx = app.store.write().await?;
    sqlx::query("insert into bench_people_floor select * from people where person_id > $1")
        .bind(marks.person)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    write_out(app).await?;
    let secs = t.elapsed().as_secs_f64();
    let mut tx = app.store.write().await?;
    sqlx::query("delete from bench_people_floor where person_id > $1")
        .bind(marks.person)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    write_out(app).await?;
    Ok(secs)
}

async fn import(app: &App, cap: &Cap<WriteRegistry>, csv: &[u8]) -> anyhow::Result<usize> {
    let table =
        crate::io::table::read_table(csv, "bench.csv").map_err(|e| anyhow::anyhow!("{e}"))?;
    let mut report = crate::io::import::validate_people(table, 2026);
    let sites = actions::registry::import::check(app, &mut report).await?;
    anyhow::ensure!(
        report.rejected.is_empty(),
        "bench rows were rejected: {:?}",
        report.rejected.first()
    );
    let out = actions::registry::import::commit(app, cap, &report, &sites, "bench", |_| {}).await?;
    Ok(out.added)
}

pub async fn scenarios(app: &Arc<App>, scale: usize, runs: usize) -> anyhow::Result<Vec<Outcome>> {
    let mut out = Vec::new();
    let admin = Actor::system().grant()?;
    let pw = "benchmark passphrase 2";
    let (reg_id, _) = actions::users::create(
        app,
        &admin,
        actions::users::NewUser {
            username: Username::parse("bench-registrar")?,
            role: Role::Registrar,
            password: Some(Password::parse(pw)?),
            full_name: None,
            contact: None,
        },
    )
    .await?;
    let cap: Cap<WriteRegistry> = Actor {
        user_id: reg_id,
        username: "bench-registrar".into(),
        role: Role::Registrar,
    }
    .grant()?;
    actions::registry::sites::create(
        app,
        &cap,
        SiteInput::parse("BENCH", "Bench camp", "", "", "camp", "IRQ", "", "", "")?,
    )
    .await?;

    // Import vs a raw prepared insert of the same rows, pre-parsed. Every round imports
    // the same file into the same registry: the size's population less the file's
    // people (quality.md: S 3,000, M 100,000, L 1,000,000 once imported). What a
    // round added is deleted again, untimed, before the next, so the rounds are
    // repeats of one import, not a registry growing from round to round.
    let population = match scale {
        1 => 3_000,
        10 => 100_000,
        _ => 1_000_000,
    };
    let n = population.min(100_000);
    let base = population - n;
    let mut have = 0;
    while have < base {
        let more = n.min(base - have);
        import(
            app,
            &cap,
            people_csv(have as u64 + 1_000, have, more).as_bytes(),
        )
        .await?;
        have += more;
    }
    write_out(app).await?;
    let marks = Marks::read(app).await?;
    // The anchor inserts the same fields of the same rows, already split, one prepared
    // statement per row in one transaction. The fields borrow from one text, so that
    // the anchor's data weighs little in the process's peak memory, which is the
    // subject's figure.
    let csv = people_csv(0, base, n);
    let parsed: Vec<Vec<&str>> = csv
        .lines()
        .skip(1)
        .map(|l| l.split(',').collect())
        .collect();
    {
        let mut c = app.store.read().await?;
        sqlx::query(
            "create table if not exists bench_people (code text primary key, external_id text, name_latin text,
             name_original text, sex text, birth_year bigint, document text, site text, household text,
             relationship text, vulnerabilities text)",
        )
        .execute(&mut *c)
        .await?;
    }
    let anchor = || async {
        let t = Instant::now();
        let mut tx = app.store.write().await?;
        for (i, f) in parsed.iter().enumerate() {
            let mut q = sqlx::query(
                "insert into bench_people (code, external_id, name_latin, name_original, sex, birth_year,
                 document, site, household, relationship, vulnerabilities)
                 values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
            )
            .bind(format!("VG-{i:08}"));
            for (k, v) in f.iter().enumerate() {
                q = if k == 4 {
                    q.bind(v.parse::<i64>().unwrap_or(0))
                } else {
                    q.bind(*v)
                };
            }
            q.execute(&mut *tx).await?;
        }
        tx.commit().await?;
        write_out(app).await?;
        let secs = t.elapsed().as_secs_f64();
        let mut c = app.store.write().await?;
        sqlx::query("delete from bench_people")
            .execute(&mut *c)
            .await?;
        c.commit().await?;
        write_out(app).await?;
        anyhow::Ok(secs)
    };
    // Each round's seconds, (subject, anchor): the anchor's rate swings with the
    // machine's load, and the rounds show when it did. Its time is its 100,000
    // statements' round trips to the database's thread (commit and checkpoint are
    // 0.05 s of 6 s on a quiet machine), and they are quicker on a busy one.
    create_twin(app).await?;
    let (mut rounds, mut floors, mut flags) = (Vec::new(), Vec::new(), 0);
    super::reset_peak_rss();
    for round in 0..runs {
        let mut anchor_secs = 0.0;
        if round % 2 == 1 {
            anchor_secs = anchor().await?;
        }
        let t = Instant::now();
        let added = import(app, &cap, csv.as_bytes()).await?;
        anyhow::ensure!(added == n, "imported {added} of {n}");
        write_out(app).await?;
        let subject_secs = t.elapsed().as_secs_f64();
        floors.push(floor(app, &marks).await?);
        flags = marks.forget_since(app).await?;
        if round % 2 == 0 {
            anchor_secs = anchor().await?;
        }
        rounds.push((subject_secs, anchor_secs));
    }
    let rate = |secs: f64| n as f64 / secs;
    let mut imported = outcome(
        "import people",
        "rows",
        n,
        super::Rates::of(
            rounds.iter().map(|r| rate(r.0)).collect(),
            rounds.iter().map(|r| rate(r.1)).collect(),
        ),
        "prepared insert of the same parsed rows",
    );
    imported.note = Some(format!(
        "{flags} duplicate flags for {n} people imported into {base} ({:.3} per person); {}",
        flags as f64 / n as f64,
        super::rounds_note(&rounds)
    ));
    out.push(imported);
    let mut floored = outcome(
        "import floor",
        "rows",
        n,
        super::Rates::of(
            rounds.iter().map(|r| rate(r.0)).collect(),
            floors.iter().map(|s| rate(*s)).collect(),
        ),
        "the imported people rows copied in SQL into a twin table",
    );
    floored.note = Some(format!(
        "the rows alone: the same rows into a table with the people table's columns, \
         constraints and indexes, in one statement, vigil's work besides them left out; \
         seconds per round: {}",
        floors
            .iter()
            .map(|s| format!("{s:.3}"))
            .collect::<Vec<_>>()
            .join(" ")
    ));
    out.push(floored);
    // The registry at the size's population, for the list.
    drop(parsed);
    import(app, &cap, csv.as_bytes()).await?;
    drop(csv);

    // The registry list (first page and a filtered page) vs /healthz.
    let signed = actions::session::login(app, "bench-registrar", pw, "127.0.0.1", None)
        .await?
        .map_err(|e| anyhow::anyhow!("bench login failed: {e:?}"))?;
    let cookie = format!("vigil_session={}", signed.token);
    let router = crate::web::router(app.clone());
    let pages = 100 * scale.min(10);
    let get = |path: &'static str| {
        let router = router.clone();
        let cookie = cookie.clone();
        async move {
            for _ in 0..pages {
                let req = Request::get(path)
                    .header("cookie", &cookie)
                    .body(Body::empty())?;
                let res = router.clone().oneshot(req).await?;
                anyhow::ensure!(
                    res.status().is_success(),
                    "{path} answered {}",
                    res.status()
                );
                axum::body::to_bytes(res.into_body(), usize::MAX).await?;
            }
            Ok(())
        }
    };
    let rates = measure(
        runs,
        pages,
        || get("/registry/people?site=BENCH&status=present"),
        || get("/healthz"),
    )
    .await?;
    out.push(outcome(
        "registry list",
        "requests",
        pages,
        rates,
        "/healthz in the same router",
    ));
    Ok(out)
}
