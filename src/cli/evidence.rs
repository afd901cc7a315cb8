//! `vigil evidence` and `vigil search`: the court bundle of an incident written to a
//! file, the spool sweep, the integrity check of the stored files, the move of old
//! databases' evidence into files, the search index rebuild; and `vigil audit verify-bundle`,
//! which checks an unpacked bundle with no database at all.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use clap::Subcommand;

use crate::actions::documentation::{bundle, evidence_files, search, upkeep};
use crate::app::App;
use crate::auth::capability::WriteDocumentation;
use crate::auth::Actor;
use crate::domain::export::Recipient;

#[derive(Subcommand, Debug)]
pub enum EvidenceCommand {
    /// Write the court bundle of an incident (its files, their claims' and sources'
    /// files, manifests, custody log, trail segment and signed checkpoint), encrypted
    /// to an age recipient.
    Bundle {
        #[arg(long)]
        incident: i64,
        /// The recipient's age public key (age1…).
        #[arg(long)]
        recipient: String,
        /// The file to write (`.tar.age`).
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// The documenter the export is recorded under.
        #[arg(long = "as", value_name = "USERNAME")]
        as_user: String,
    },
    /// Remove the spool files of uploads that never finished, and evidence files no
    /// record names (left by a crash between storing a file and recording it).
    Sweep {
        /// Every such file, however recent (only while the server is stopped).
        #[arg(long)]
        all: bool,
    },
    /// Re-read every stored evidence file (and every blob still in the database),
    /// open every sealed chunk and check its SHA-256, BLAKE3 and size against the
    /// record; exits 1 and names each damaged one otherwise.
    Verify {
        /// The report as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Move the evidence stored in the database by earlier versions of vigil out into
    /// sealed files in the evidence directory (audited on every item moved).
    MoveToFiles,
}

#[derive(Subcommand, Debug)]
pub enum SearchCommand {
    /// Rebuild the whole search index from the record.
    Reindex,
}

pub async fn run(app: &App, cmd: EvidenceCommand) -> anyhow::Result<()> {
    match cmd {
        EvidenceCommand::Bundle {
            incident,
            recipient,
            out,
            as_user,
        } => {
            let u = super::find_user(app, &as_user).await?;
            let actor = Actor {
                user_id: u.user_id,
                username: u.username.clone(),
                role: u.role.parse()?,
            };
            let cap = actor.grant::<WriteDocumentation>().map_err(|_| {
                anyhow::anyhow!(
                    "{} is not a documenter, so may not export evidence",
                    u.username
                )
            })?;
            let recipient = Recipient::parse(&recipient)?;
            let plan = bundle::prepare(app, &cap, incident, &recipient).await?;
            let files = plan.files();
            let seq = plan.checkpoint_seq;
            write_bundle(app, plan, &out).await?;
            println!(
                "court bundle of incident {incident}: {files} file(s), checkpoint at entry {seq}, written to {}",
                out.display()
            );
        }
        EvidenceCommand::Sweep { all } => {
            let older = if all { Duration::ZERO } else { upkeep::STALE };
            let (spool, orphans) = upkeep::sweep(app, older).await?;
            println!(
                "removed {spool} spool file(s) and {orphans} evidence file(s) no record names"
            );
        }
        EvidenceCommand::Verify { json } => {
            let report = evidence_files::verify(app).await?;
            if json {
                println!("{}", serde_json::to_string_pretty(&report)?);
            } else {
                println!(
                    "{} evidence blob(s) checked ({} still in the database), {} byte(s); {} file(s) no record names",
                    report.blobs, report.in_database, report.bytes, report.unrecorded_files
                );
                for p in &report.problems {
                    println!("PROBLEM: {p}");
                }
                println!(
                    "{}",
                    if report.ok() {
                        "evidence verified"
                    } else {
                        "EVIDENCE FAILED VERIFICATION"
                    }
                );
            }
            if !report.ok() {
                anyhow::bail!("{} damaged evidence blob(s)", report.problems.len());
            }
        }
        EvidenceCommand::MoveToFiles => {
            let n = evidence_files::move_to_files(app).await?;
            println!(
                "moved {n} evidence blob(s) from the database to {}",
                app.evidence_dir.display()
            );
        }
    }
    Ok(())
}

/// Streams the bundle into `out` (a partial file is removed on failure).
async fn write_bundle(app: &App, plan: bundle::Plan, out: &Path) -> anyhow::Result<()> {
    let mut f = std::fs::File::create(out)
        .map_err(|e| anyhow::anyhow!("cannot write {}: {e}", out.display()))?;
    let (tx, mut rx) = tokio::sync::mpsc::channel::<crate::actions::registry::export::Chunk>(4);
    let writer = async {
        while let Some(chunk) = rx.recv().await {
            let bytes: Vec<u8> = chunk?;
            f.write_all(&bytes)?;
        }
        f.sync_all()?;
        anyhow::Ok(())
    };
    let ((), written) = tokio::join!(bundle::stream(app, plan, tx), writer);
    if let Err(e) = written {
        let _ = std::fs::remove_file(out);
        anyhow::bail!("the bundle was not written: {e}");
    }
    Ok(())
}

pub async fn search_command(app: &App, cmd: SearchCommand) -> anyhow::Result<()> {
    match cmd {
        SearchCommand::Reindex => {
            let n = search::reindex(app).await?;
            println!("search index rebuilt: {n} documents");
        }
    }
    Ok(())
}

/// `vigil audit verify-bundle`: prints the report; fails unless the bundle holds.
pub fn verify_bundle(dir: &Path, public_key: &str, json: bool) -> anyhow::Result<ExitCode> {
    let report = crate::io::bundle::verify::verify(dir, public_key.trim());
    if json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        println!(
            "incident {}: {} file(s), {} trail entries up to the checkpoint at entry {}, {} custody entries",
            report.incident_id,
            report.files,
            report.trail_entries,
            report.checkpoint_seq,
            report.custody_entries
        );
        for p in &report.problems {
            println!("PROBLEM: {p}");
        }
        println!(
            "{}",
            if report.ok() {
                "bundle verified"
            } else {
                "BUNDLE FAILED VERIFICATION"
            }
        );
    }
    Ok(if report.ok() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}
