//! `vigil import`: people from a CSV or XLSX file, checked whole before anything is
//! written, with the report printed row by row and a progress bar on a terminal.

use std::path::PathBuf;

use clap::Subcommand;

use crate::actions;
use crate::app::App;
use crate::auth::capability::WriteRegistry;

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

/// `vigil import people`: prints the report; returns whether the file was accepted.
pub(super) async fn import_people(
    app: &App,
    file: &std::path::Path,
    as_user: &str,
    dry_run: bool,
) -> anyhow::Result<bool> {
    use sha2::Digest;
    let actor = super::acting(app, as_user).await?;
    let cap = actor.grant::<WriteRegistry>().map_err(|_| {
        anyhow::anyhow!(
            "{} is not a registrar: imports are recorded under a registrar's account",
            actor.username
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
            .map(|t| crate::io::import::validate_people(t, year))
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
        report.accepted(),
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
    let total = report.accepted();
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
