//! The demo's convoys: the relocation from Camp Ashraf to Camp Liberty in 2012, group
//! by group, done the way a registrar would — a convoy is created, households are
//! listed, the manifest is entered, and completing it moves everyone, so each
//! resident's history says which convoy brought them.
//!
//! Facts from the public record, in our words: after talks in February 2012 the UN and
//! Iraqi officials agreed that the fourth group could take six generators, and only
//! two were allowed; a letter of 15 February 2012 provided for 10 vehicles to go with
//! the convoys for every 400 residents, and for some residents to stay at Ashraf to
//! look after the property; the fifth group moved on 4 May 2012, and six utility
//! trucks agreed for that move were turned back. How many vehicles each convoy was
//! allowed is not in those sources: the demo's figures for that are illustrative and
//! say so in their source.

use crate::actions::registry::convoys::{self, complete, manifest, members};
use crate::app::App;
use crate::auth::capability::WriteRegistry;
use crate::auth::Cap;
use crate::domain::convoy::{
    due_by_ratio, CompleteInput, ConvoyInput, ConvoyText, LineText, ManifestLineInput,
};

/// The groups that moved from Ashraf to Liberty in 2012: date, residents on board,
/// and the vehicles the demo says were allowed (illustrative).
const GROUPS: [(&str, usize, i64); 7] = [
    ("2012-02-18", 415, 3),
    ("2012-03-08", 415, 2),
    ("2012-03-21", 415, 4),
    ("2012-04-16", 415, 0),
    ("2012-05-04", 415, 2),
    ("2012-07-20", 415, 5),
    ("2012-09-16", 415, 3),
];

const RATIO_SOURCE: &str = "Letter of 15 February 2012 (as the residents' side reports it): \
                            10 vehicles for every 400 residents, with the convoys";
const VEHICLES_ALLOWED_SOURCE: &str = "Illustrative figure for the demo. The residents' side \
     reports that the agreed vehicles were refused as not needed for humanitarian purposes";
const RESIDENTS_SIDE: &str =
    "Residents' side: article \"MEK Refugees Refuse 'Voluntary' Death Camp\" (2012)";

fn line(t: LineText<'_>) -> anyhow::Result<ManifestLineInput> {
    Ok(ManifestLineInput::parse(&t)?)
}

/// The manifest of group `n` (1-based) of `people` residents.
fn manifest_of(
    n: usize,
    people: i64,
    vehicles_allowed: i64,
) -> anyhow::Result<Vec<ManifestLineInput>> {
    let due = due_by_ratio(people, 10, 400).to_string();
    let allowed = vehicles_allowed.to_string();
    let mut lines = vec![line(LineText {
        item: "Vehicles",
        unit: "vehicles",
        agreed: &due,
        allowed: &allowed,
        moved: &allowed,
        agreed_source: RATIO_SOURCE,
        allowed_source: VEHICLES_ALLOWED_SOURCE,
        moved_source: VEHICLES_ALLOWED_SOURCE,
    })?];
    if n == 4 {
        lines.push(line(LineText {
            item: "Generators",
            unit: "generators",
            agreed: "6",
            allowed: "2",
            moved: "2",
            agreed_source: "UN and Iraqi officials, after talks in February 2012: six generators \
                            may go with the fourth group (residents' side)",
            allowed_source: RESIDENTS_SIDE,
            moved_source: RESIDENTS_SIDE,
        })?);
    }
    if n == 5 {
        lines.push(line(LineText {
            item: "Utility trucks",
            unit: "vehicles",
            agreed: "6",
            allowed: "0",
            moved: "0",
            agreed_source: "Agreed by Iraq and UNAMI for the fifth group's move (residents' side)",
            allowed_source: "Turned back by Iraqi agents during the move of 4 May 2012; \
                             residents' side, same article",
            moved_source: RESIDENTS_SIDE,
        })?);
    }
    Ok(lines)
}

/// Moves the residents of Ashraf to Liberty in the 2012 convoys, whole households at a
/// time (`households` lists each household's members, first the head). About a
/// hundred stay behind to look after the property. Returns the number moved.
pub async fn load(
    app: &App,
    cap: &Cap<WriteRegistry>,
    households: &[Vec<i64>],
) -> anyhow::Result<usize> {
    let mut queue = households.iter();
    let mut moved = 0;
    for (i, (date, target, vehicles_allowed)) in GROUPS.iter().enumerate() {
        let n = i + 1;
        let seq = n.to_string();
        let mut tx = app.store.write().await?;
        let id = convoys::create_in(
            &mut tx,
            app,
            cap,
            &ConvoyInput::parse(&ConvoyText {
                seq: &seq,
                origin: "ASHRAF",
                destination: "LIBERTY",
                planned_on: date,
                departed_on: date,
                arrived_on: date,
                status: "under_way",
            })?,
        )
        .await?;
        let (mut heads, mut people) = (Vec::new(), 0);
        while people < *target {
            let Some(members) = queue.next() else { break };
            let Some(first) = members.first() else {
                continue;
            };
            heads.push(*first);
            people += members.len();
        }
        let people = members::add_households_in(&mut tx, app, cap, id, &heads).await?;
        for l in manifest_of(n, people as i64, *vehicles_allowed)? {
            manifest::add_in(&mut tx, app, cap, id, &l).await?;
        }
        let arrived = people.to_string();
        let done = complete::complete_in(
            &mut tx,
            app,
            cap,
            id,
            &CompleteInput::parse(&crate::domain::convoy::CompleteText {
                arrived: &arrived,
                ..Default::default()
            })?,
        )
        .await?;
        tx.commit().await?;
        moved += done.moved as usize;
    }
    Ok(moved)
}
