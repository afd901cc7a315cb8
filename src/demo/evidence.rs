//! The demo's evidence, so a newcomer sees every evidence feature: the texts of three
//! sources imported from their documents (plain text in English, saved web pages in
//! Persian and Arabic — the Arabic one a statement of the closure committee, the
//! demo's one Arabic source), so that a search finds them in all three languages; a
//! picture and the medical team's notes attached to the fourth rocket attack on
//! Liberty, with their hashes and custody, ready for a court bundle; and a redacted
//! copy of the picture, marked as made from it. The files are made in code
//! (`evidence_files`); each goes through the same actions an upload does.

use crate::actions::documentation::{evidence, evidence_copy, source_text, sources};
use crate::app::App;
use crate::auth::capability::WriteDocumentation;
use crate::auth::Cap;
use crate::domain::evidence::Capture;
use crate::domain::evidence_copy::CopyInput;
use crate::domain::source::{SourceInput, SourceText};
use crate::store;

use super::evidence_files::{picture, CALL_EN, COMMITTEE_AR, NOTES, STATE_TV_FA};

/// The bytes of `name` hashed, sealed and spooled, as an upload is.
fn spool(app: &App, name: &str, bytes: &[u8]) -> anyhow::Result<evidence::Spooled> {
    let mut ingest = evidence::Ingest::new(app, name)?;
    ingest.push(app, bytes)?;
    Ok(ingest.finish(app)?)
}

async fn source_id(app: &App, title: &str) -> anyhow::Result<i64> {
    let mut c = app.store.read().await?;
    store::sources::list_sources(&mut c)
        .await?
        .into_iter()
        .find(|s| s.title == title)
        .map(|s| s.source_id)
        .ok_or_else(|| anyhow::anyhow!("demo: no source {title:?}"))
}

/// Loads the evidence; after `incidents::load`.
pub async fn load(app: &App, cap: &Cap<WriteDocumentation>) -> anyhow::Result<()> {
    // The source texts, each kept as evidence on its source.
    let committee = sources::create(
        app,
        cap,
        &SourceInput::parse(&SourceText {
            kind: "statement",
            title: "بيان حول نقل سكان مخيم أشرف إلى مخيم ليبرتي",
            publisher: "Committee for closing Camp Ashraf",
            published_on: "2012-02-01",
            language: "ar",
            affiliation: "official",
            reliability: "D",
            reliability_reason: "Official statement of the committee in charge of closing Ashraf, a party hostile to the residents: its dates can be checked, its account of the conditions at Liberty is contradicted by the residents and the UN mission's monitors.",
            ..SourceText::default()
        })?,
    )
    .await?;
    let texts = [
        (
            source_id(app, "Call to protect Camp Liberty residents").await?,
            "call-to-protect-liberty.txt",
            CALL_EN,
            "2015-02-02",
            "Residents' representatives",
            "email",
        ),
        (
            source_id(app, "State television on the residents going to Albania").await?,
            "state-tv-report-fa.html",
            STATE_TV_FA,
            "2013-05-19",
            "Saved from the broadcaster's website",
            "other",
        ),
        (
            committee,
            "committee-statement-ar.html",
            COMMITTEE_AR,
            "2012-02-03",
            "Saved from the committee's website",
            "other",
        ),
    ];
    for (id, name, text, on, from, how) in texts {
        let capture = Capture::parse("source", &id.to_string(), on, from, how)?;
        source_text::import(app, cap, spool(app, name, text.as_bytes())?, &capture).await?;
    }

    // The fourth rocket attack on Liberty: a picture, the notes, the redacted copy.
    let mut c = app.store.read().await?;
    let incident = store::incidents::list(&mut c)
        .await?
        .into_iter()
        .find(|i| i.title == "Fourth rocket attack on Liberty")
        .map(|i| i.incident_id)
        .ok_or_else(|| anyhow::anyhow!("demo: no fourth rocket attack"))?;
    drop(c);
    let on_incident = |on: &str, from: &str, how: &str| {
        Capture::parse("incident", &incident.to_string(), on, from, how)
    };
    let photo = evidence::record(
        app,
        cap,
        spool(app, "liberty-trailers-2013-12-26.png", &picture(false))?,
        &on_incident(
            "2013-12-27",
            "Residents' representatives at Liberty",
            "messaging_app",
        )?,
    )
    .await?;
    evidence::record(
        app,
        cap,
        spool(app, "medical-team-notes-2013-12-26.txt", NOTES.as_bytes())?,
        &on_incident("2013-12-27", "The residents' medical team", "email")?,
    )
    .await?;
    evidence_copy::derive(
        app,
        cap,
        &CopyInput::parse(
            &photo.to_string(),
            "redacted",
            "The numbers painted on the trailers blacked out, so the copy shared outside the team does not show whose home burned.",
        )?,
        spool(app, "liberty-trailers-2013-12-26-redacted.png", &picture(true))?,
    )
    .await?;
    Ok(())
}
