//! The rest of the demo's promises, told in vigil's own words from the seeds' facts:
//! the six-month transit period that the signed memorandum of 25 December 2011
//! dropped, the four-party agreement of 16 August 2012 on moving the last residents,
//! and the monitoring visits that the presence and frequency commitments are judged
//! on — UN monitors a few hours on some days from February 2012 and none from
//! 15 June 2014; US diplomats fewer than five times in three years.
//!
//! The visits' exact days and hours are not in any source: they are a synthetic,
//! deterministic pattern that follows what the sources say of them (some days, a few
//! hours, then months of absence), and each visit names the source of that account.

use super::commitments::{source, Ctx, GOI, ISJ, REFUSED, RESIDENTS, UNAMI, US};
use crate::actions::documentation::commitments as acts;
use crate::app::App;
use crate::auth::capability::{Cap, WriteDocumentation};
use crate::domain::commitment::input::{AgreementText, CommitmentText, ObservationText};
use crate::domain::commitment::input::{VisitInput, VisitText};
use crate::domain::commitment::DAY_MS;

/// UN monitors' days at Liberty: from the first arrivals to the day they stopped.
const UN_FROM: &str = "2012-02-18";
const UN_UNTIL: &str = "2014-06-15";
/// The US visits (fewer than five in three years).
const US_VISITS: [&str; 4] = ["2012-04-10", "2012-11-20", "2013-09-05", "2014-10-14"];

fn iso_minute(ms: i64) -> String {
    let (y, m, d) = crate::calendar::civil_from_days(ms.div_euclid(DAY_MS));
    let minutes = ms.rem_euclid(DAY_MS) / 60_000;
    format!(
        "{y:04}-{m:02}-{d:02} {:02}:{:02}",
        minutes / 60,
        minutes % 60
    )
}

/// Loads them after `commitments::load`. Returns the number of commitments added.
pub async fn load(app: &App, cap: &Cap<WriteDocumentation>) -> anyhow::Result<usize> {
    let mut tx = app.store.write().await?;
    let c = &mut *tx;
    let x = Ctx { app, cap };
    let refused = source(c, REFUSED).await?;
    let isj = source(c, ISJ).await?;
    let refused_id = refused.to_string();
    let isj_id = isj.to_string();

    // The transit period: discussed before the memorandum, then left out of the signed
    // text. It is recorded as the statement it was, so the record can say what became
    // of it: six months from the first arrivals, and the residents still there.
    let draft = x
        .agreement(
            c,
            AgreementText {
                title:
                    "Six-month transit period at Camp Liberty (dropped from the signed memorandum)",
                kind: "statement",
                made_on: "2011-12-25",
                summary: "Before the memorandum was signed, the stay at the temporary transit \
                          location was to last six months. The text signed on 25 December 2011 \
                          leaves the period out; the residents' representatives say the Iraqi \
                          side had it removed.",
            },
            &[UNAMI, GOI],
            &[],
            &[(refused, "Breach of agreement")],
        )
        .await?;
    let k = x
        .commitment(
            c,
            draft,
            CommitmentText {
                statement: "The residents' stay at Camp Liberty ends within six months of the \
                            first arrivals, their claims processed and resettlement under way.",
                owed_by: UNAMI,
                owed_to: RESIDENTS,
                site: "LIBERTY",
                from: "2012-02-18",
                term: "deadline",
                due_on: "2012-08-18",
                ..CommitmentText::default()
            },
        )
        .await?;
    x.observe(
        c,
        k,
        ObservationText {
            observed_on: "2012-07-01",
            outcome: "not_fulfilled",
            source: &refused_id,
            locator: "Breach of agreement",
            note: "The six-month period was omitted from the signed memorandum; no end of the \
                   transit stay is in sight.",
            ..ObservationText::default()
        },
    )
    .await?;
    x.observe(
        c,
        k,
        ObservationText {
            observed_on: "2015-02-01",
            outcome: "statement",
            source: &isj_id,
            locator: "point 14",
            note: "Three years after the move, about 15 % of the residents have been resettled.",
            ..ObservationText::default()
        },
    )
    .await?;

    // The four-party agreement on moving the last residents from Ashraf: the US
    // undertook to support their safety and security at Liberty. Judged here by the
    // armed attacks on the camp recorded while it stands.
    let four = x
        .agreement(
            c,
            AgreementText {
                title: "Four-party agreement of 16 August 2012 on the last moves to Liberty",
                kind: "understanding",
                made_on: "2012-08-16",
                summary: "The United States, the UN, the Government of Iraq and the residents \
                          agree on moving the remaining residents of Ashraf to Liberty; the \
                          United States commits to support their safety and security there.",
            },
            &[US, UNAMI, GOI, RESIDENTS],
            &[],
            &[(isj, "point 12")],
        )
        .await?;
    x.commitment(
        c,
        four,
        CommitmentText {
            statement: "The United States supports the residents' safety and security at \
                        Liberty (taken here as: no rocket attack on the camp).",
            owed_by: US,
            owed_to: RESIDENTS,
            site: "LIBERTY",
            from: "2012-08-16",
            term: "prohibition",
            category: "rocket_attack",
            ..CommitmentText::default()
        },
    )
    .await?;

    // UN monitors: three days a week, four hours from 10:00 UTC, until 15 June 2014.
    let from = crate::clock::parse_day(UN_FROM).unwrap_or(0);
    let until = crate::clock::parse_day(UN_UNTIL).unwrap_or(0);
    let mut d = from;
    let mut visits = 0;
    while d < until {
        // Monday, Wednesday, Friday (1970-01-01 was a Thursday).
        if matches!((d / DAY_MS).rem_euclid(7), 1 | 4 | 6) {
            let arrival = d + 10 * 3_600_000;
            let v = VisitInput::parse(&VisitText {
                organisation: UNAMI,
                site: "LIBERTY",
                arrival: &iso_minute(arrival),
                departure: &iso_minute(arrival + 4 * 3_600_000),
                monitors: "2",
                source: &isj_id,
            })?;
            acts::record_visit_in(c, app, cap, &v).await?;
            visits += 1;
        }
        d += DAY_MS;
    }
    for day in US_VISITS {
        let v = VisitInput::parse(&VisitText {
            organisation: US,
            site: "LIBERTY",
            arrival: &format!("{day} 09:00"),
            departure: &format!("{day} 12:00"),
            monitors: "",
            source: &isj_id,
        })?;
        acts::record_visit_in(c, app, cap, &v).await?;
    }
    tx.commit().await?;
    tracing::info!(visits, "demo monitoring visits");
    Ok(2)
}
